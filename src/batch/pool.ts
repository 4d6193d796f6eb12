/**
 * Validates many workbooks in parallel checker processes. One bad file, or even a checker that dies (a fatal
 * out-of-memory abort included, which would take a worker *thread*'s whole process with it), never stops the
 * others: the file is reported with its reason and a fresh checker takes over.
 */
import { ChildProcess, fork } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { checkerFlags } from '../cli/v8-flags';
import type { ReadLimits } from '../hosts/file/limits';
import { emptyResult } from './check-file';
import type { FileResult } from './types';

export interface BatchProgress {
  done: number;
  total: number;
  file: string;
  elapsedMs: number;
}

export interface BatchOptions {
  jobs?: number;
  onProgress?: (p: BatchProgress) => void;
  /** Memory limit per checker (MB); a workbook that exceeds it is reported instead of stopping the batch. */
  workerMemoryMb?: number;
  /** Read limits passed to every checker. */
  limits?: ReadLimits;
  /** Called with each result as its file finishes (reports are written as the batch goes). */
  onResult?: (r: FileResult) => void;
}

function workerScript(): string {
  // Under ts-jest this module runs from src/; workers always run the compiled JavaScript in dist/.
  const here = path.join(__dirname, 'worker.js');
  if (fs.existsSync(here)) return here;
  const built = path.join(__dirname, '..', '..', 'dist', 'batch', 'worker.js');
  if (fs.existsSync(built)) return built;
  throw new Error('找不到批量校验的工作线程脚本，请先运行 npm run build');
}

export function defaultJobs(): number {
  return Math.max(1, Math.min(os.cpus().length, 8));
}

/**
 * Files sent to a checker ahead of the one it is checking. One is enough to hide the round trip between a result
 * and the next file (measured: 1.3–2.4 ms a file, 13–20 % of a small workbook's check, more with 2 checkers on 2
 * cores, where the pool's own turn waits for a core).
 */
const AHEAD = 1;

export function runBatch(files: string[], opts: BatchOptions = {}): Promise<FileResult[]> {
  const jobs = Math.max(1, Math.min(opts.jobs ?? defaultJobs(), files.length || 1));
  const script = workerScript();
  const flags = checkerFlags(jobs, os.cpus().length);
  const results: FileResult[] = new Array(files.length);
  const t0 = Date.now();
  let next = 0;
  /** Files a dead checker had queued but not started: checked by the next checker that asks. */
  const retry: number[] = [];
  let done = 0;
  return new Promise((resolve) => {
    if (!files.length) return resolve([]);
    const finish = (id: number, r: FileResult) => {
      if (results[id]) return;
      results[id] = r;
      done++;
      opts.onResult?.(r);
      opts.onProgress?.({ done, total: files.length, file: r.file, elapsedMs: Date.now() - t0 });
      if (done === files.length) resolve(results);
    };
    const take = (): number | undefined => (retry.length ? retry.shift() : next < files.length ? next++ : undefined);
    const start = () => {
      const w: ChildProcess = fork(script, [], {
        execArgv: [...flags, `--max-old-space-size=${opts.workerMemoryMb ?? 2048}`],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      });
      /** Sent to this checker and not answered, in the order sent; the checker works through them in that order. */
      const inFlight: number[] = [];
      const feed = () => {
        while (inFlight.length <= AHEAD) {
          const id = take();
          if (id === undefined) break;
          inFlight.push(id);
          w.send({ id, file: files[id], limits: opts.limits });
        }
        if (!inFlight.length && w.connected) w.disconnect();
      };
      w.on('message', (m: { id: number; result: FileResult }) => {
        const at = inFlight.indexOf(m.id);
        if (at >= 0) inFlight.splice(at, 1);
        finish(m.id, m.result);
        feed();
      });
      let ended = false;
      // 'close' comes after the last message of the channel has been delivered, so a result already sent is
      // never mistaken for the file the checker died on.
      const crashed = (why: string) => {
        if (ended) return;
        ended = true;
        const culprit = inFlight.shift();
        if (culprit === undefined) return;
        finish(culprit, emptyResult(files[culprit], 'unreadable', `校验该文件的进程异常退出（${why}，多为文件过大或已损坏导致内存耗尽），已跳过该文件`));
        retry.push(...inFlight.splice(0).filter((id) => !results[id]));
        if (retry.length || next < files.length) start();
      };
      w.on('error', (e) => crashed(e.message));
      w.on('close', (code, signal) => crashed(signal ? `信号 ${signal}` : `退出码 ${code}`));
      feed();
    };
    for (let i = 0; i < jobs; i++) start();
  });
}

/** Expands DIR|FILES… into the .xlsx files to check (folders recursively; Office lock files skipped). */
export function collectFiles(inputs: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (p: string) => {
    for (const e of fs.readdirSync(p, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(p, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.xlsx$/i.test(e.name) && !e.name.startsWith('~$') && !e.name.startsWith('.')) files.push(full);
    }
  };
  for (const i of inputs) {
    let st: fs.Stats;
    try {
      st = fs.statSync(i);
    } catch {
      missing.push(i);
      continue;
    }
    if (st.isDirectory()) walk(i);
    else files.push(i);
  }
  return { files, missing };
}
