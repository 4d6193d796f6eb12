/**
 * The checker process of a batch: checks the files the pool sends strictly one after another, in the order sent.
 * The pool keeps the next file already queued here, so no time is lost waiting for it; because the order is
 * strict, the first file sent and not yet answered is the one being checked — the culprit if this process dies.
 * A separate process (not a thread), so that its death — even a fatal out-of-memory abort — ends only this
 * file's check.
 */
import { checkFile } from './check-file';
import type { ReadLimits } from '../hosts/file/limits';

interface Job {
  id: number;
  file: string;
  limits?: ReadLimits;
}

const queue: Job[] = [];
let busy = false;

async function drain(): Promise<void> {
  busy = true;
  while (queue.length) {
    const job = queue.shift()!;
    const result = await checkFile(job.file, job.limits);
    process.send!({ id: job.id, result });
  }
  busy = false;
}

process.on('message', (job: Job) => {
  queue.push(job);
  if (!busy) void drain();
});
process.on('disconnect', () => process.exit(0));
// Ctrl-C reaches every process of the terminal's group: the batch (the parent) decides what happens — it writes the
// partial report from the results it has and then ends the checkers. A checker that died of the signal first would
// be reported as a file that could not be checked.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);
