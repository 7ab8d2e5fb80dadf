import { parentPort } from 'node:worker_threads';
import { checkFailure, checkText, type FileJob, type FileOutcome } from './check-file.ts';

/** A worker thread of `checkTexts`: checks each batch of files it is sent and sends the outcomes back. */
parentPort?.on('message', (jobs: readonly FileJob[]) => {
  const outcomes: FileOutcome[] = jobs.map((job) => {
    try {
      return checkText(job);
    } catch (error) {
      return checkFailure(error);
    }
  });
  parentPort?.postMessage(outcomes);
});
