/**
 * The checker process of a batch: checks the files the pool sends, one at a time. A separate process (not a
 * thread), so that its death — even a fatal out-of-memory abort — ends only this file's check.
 */
import { checkFile } from './check-file';
import type { ReadLimits } from '../hosts/file/limits';

process.on('message', async (msg: { id: number; file: string; limits?: ReadLimits }) => {
  const result = await checkFile(msg.file, msg.limits);
  process.send!({ id: msg.id, result });
});
process.on('disconnect', () => process.exit(0));
