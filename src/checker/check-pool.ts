import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkFailure, checkText, type FileJob, type FileOutcome } from './check-file.ts';

/**
 * Below this many files to parse, the check runs in its own thread: starting a worker (loading
 * the parsers and schemas again) costs about as much as parsing a few hundred files.
 */
const filesForWorkers = 400;

/** Files sent to a worker at once: few messages, and work shared out evenly until the end. */
const batchSize = 50;

/**
 * The young generation of each worker, in MiB. Parsing makes many short-lived objects; a larger
 * nursery than V8's default collects them less often.
 */
const youngGenerationMb = 64;

function checkHere(jobs: readonly FileJob[]): FileOutcome[] {
  return jobs.map((job) => {
    try {
      return checkText(job);
    } catch (error) {
      return checkFailure(error);
    }
  });
}

// Not a literal in `new URL()`, which a bundler would copy into the site as an asset.
const workerFile = './check-worker.ts';

/**
 * Checks files' texts, in worker threads (one per processor) when there are enough to share: YAML
 * and Markdown parsing is most of a check and of loading a catalogue, and files are independent.
 * Outcomes come back in the order of `jobs`.
 */
export async function checkTexts(jobs: readonly FileJob[]): Promise<FileOutcome[]> {
  // A file the cache knows, and whose body is not to be rendered, only goes through its schema.
  const toParse = jobs.filter((job) => job.cached === undefined || job.render).length;
  const threads = Math.min(availableParallelism(), Math.floor(toParse / (filesForWorkers / 2)));
  if (toParse < filesForWorkers || threads < 2) return checkHere(jobs);
  const outcomes = new Array<FileOutcome>(jobs.length);
  let next = 0;
  const run = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(new URL(workerFile, import.meta.url), {
        resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb },
      });
      let start = 0;
      const send = (): void => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        start = next;
        next = Math.min(jobs.length, next + batchSize);
        worker.postMessage(jobs.slice(start, next));
      };
      worker.on('message', (batch: readonly FileOutcome[]) => {
        batch.forEach((outcome, index) => (outcomes[start + index] = outcome));
        send();
      });
      worker.on('error', reject);
      send();
    });
  await Promise.all(Array.from({ length: threads }, run));
  return outcomes;
}
