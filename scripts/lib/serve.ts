import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** A running static server and the address it listens on. */
export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

async function resolveFile(root: string, pathname: string): Promise<string | undefined> {
  const target = path.join(root, decodeURIComponent(pathname));
  if (!target.startsWith(root)) return undefined;
  for (const candidate of [target, path.join(target, 'index.html')]) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
  }
  return undefined;
}

/**
 * Serves a built site from `root` on a free loopback port, as a static host would: directory
 * index files, the site's own 404 page for anything missing.
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const absolute = path.resolve(root);
  const server: Server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    void resolveFile(absolute, pathname).then((file) => {
      const status = file ? 200 : 404;
      const body = file ?? path.join(absolute, '404.html');
      response.writeHead(status, { 'content-type': types[path.extname(body)] ?? 'application/octet-stream' });
      createReadStream(body)
        .on('error', () => response.end())
        .pipe(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
