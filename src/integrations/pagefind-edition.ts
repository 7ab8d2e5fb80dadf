/**
 * Indexes one edition of a built site with Pagefind, in a process of its own:
 * `node pagefind-edition.ts <site> <glob> <output folder>`. Prints the number of pages found as
 * its last line. `buildSearchIndex` runs one of these per edition, side by side.
 */
import { close, createIndex } from 'pagefind';

const [site, glob, output] = process.argv.slice(2);

/** Formats a Pagefind error list for a thrown error. */
function failure(step: string, errors: readonly string[]): Error {
  return new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}

async function indexEdition(): Promise<number> {
  if (!site || !glob || !output) throw new Error('Usage: pagefind-edition.ts <site> <glob> <output folder>');
  // Each page's language comes from its <html lang>: the pages of one edition share one.
  const { index, errors } = await createIndex({});
  if (!index) throw failure('start', errors);
  try {
    const added = await index.addDirectory({ path: site, glob });
    if (added.errors.length > 0) throw failure('index the site', added.errors);
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length > 0) throw failure('write the index', written.errors);
    return added.page_count;
  } finally {
    await close();
  }
}

try {
  console.log(await indexEdition());
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
