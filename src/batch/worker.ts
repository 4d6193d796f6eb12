/** Worker thread: checks the files the pool sends, one at a time. */
import { parentPort } from 'worker_threads';
import { checkFile } from './check-file';

parentPort!.on('message', async (msg: { id: number; file: string }) => {
  const result = await checkFile(msg.file);
  parentPort!.postMessage({ id: msg.id, result });
});
