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
import { NUMBERS_ADVICE, ReadLimits } from '../hosts/file/limits';
import { sniffXlsx } from '../hosts/file/sniff';
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
  /** Stops the batch (Ctrl-C): the checkers are ended, no result is reported after it, the promise never settles. */
  signal?: AbortSignal;
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
  const live = new Set<ChildProcess>();
  let stopped = false;
  opts.signal?.addEventListener(
    'abort',
    () => {
      stopped = true;
      // The checkers ignore SIGINT and SIGTERM (the batch decides when to stop): ended here.
      for (const w of live) w.kill('SIGKILL');
    },
    { once: true },
  );
  return new Promise((resolve) => {
    if (!files.length) return resolve([]);
    const finish = (id: number, r: FileResult) => {
      if (stopped || results[id]) return;
      results[id] = r;
      done++;
      opts.onResult?.(r);
      opts.onProgress?.({ done, total: files.length, file: r.file, elapsedMs: Date.now() - t0 });
      if (done === files.length) resolve(results);
    };
    const take = (): number | undefined => (retry.length ? retry.shift() : next < files.length ? next++ : undefined);
    const start = () => {
      if (stopped) return;
      const w: ChildProcess = fork(script, [], {
        execArgv: [...flags, `--max-old-space-size=${opts.workerMemoryMb ?? 2048}`],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      });
      live.add(w);
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
        live.delete(w);
        if (stopped) return;
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

const LEGACY_XLS = '旧版 Excel 97-2003 工作簿（.xls），本工具不能读取：请在 Excel 或 WPS 中另存为 .xlsx 后再校验';

/** Spreadsheets of kinds the batch cannot read, with what to do (they are listed as not checked, never skipped). */
const NOT_READ: [RegExp, string][] = [
  [/\.numbers$/i, NUMBERS_ADVICE],
  [/\.xls$/i, LEGACY_XLS],
  [/\.et$/i, 'WPS 表格文件（.et），本工具不能读取：请在 WPS 中另存为 .xlsx 后再校验'],
  [/\.ods$/i, 'OpenDocument 表格（.ods），本工具不能读取：请另存为 .xlsx 后再校验'],
  [/\.xlsb$/i, '二进制工作簿（.xlsb），本工具不能读取：请另存为 .xlsx 后再校验'],
  [/\.csv$/i, '文本表格（.csv）没有表格格式和合并单元格，本工具不校验：请提交 .xlsx'],
];

/**
 * What a file named .xls really is, told by its first bytes: many systems export a web page or Excel 2003 XML named
 * .xls, and some name an .xlsx so ('xlsx': checked like any .xlsx). Otherwise what the file is (a Chinese line), or
 * undefined for a real .xls or a file that cannot be read.
 */
function xlsKind(file: string): string | undefined {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      head = Buffer.alloc(16384);
      head = head.subarray(0, fs.readSync(fd, head, 0, head.length, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const why = sniffXlsx(head);
  if (!why) return 'xlsx';
  return why.code === 'legacy-xls' || why.code === 'encrypted' ? undefined : why.message;
}

export interface Collected {
  /** Workbooks to check (.xlsx, .xlsm). */
  files: string[];
  /** Inputs that do not exist. */
  missing: string[];
  /** Spreadsheets the tool cannot read, and folders it cannot open: listed with the reason and what to do. */
  notRead: { file: string; reason: string }[];
  /** Other files in the folders (documents, pictures …), listed by name. */
  others: string[];
}

/**
 * Expands DIR|FILES… into the workbooks to check, folders recursively. Every file found is accounted for: checked,
 * listed as not read with its reason (an .xls, an unreadable folder), or listed as another file; Office lock files
 * (~$…), hidden files and the batch's own report (`exclude`) are passed over.
 */
export function collectFiles(inputs: string[], exclude: string[] = []): Collected {
  const out: Collected = { files: [], missing: [], notRead: [], others: [] };
  const skip = new Set(exclude.map((x) => path.resolve(x)));
  const walk = (p: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(p, { withFileTypes: true });
    } catch (e) {
      // A folder that cannot be opened (System Volume Information on a USB stick, no permission) is listed; the rest goes on.
      out.notRead.push({ file: p, reason: `无法打开这个文件夹（${(e as NodeJS.ErrnoException).code ?? '无法读取'}），其中的文件没有校验` });
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(p, e.name);
      if (e.name.startsWith('~$') || e.name.startsWith('.') || skip.has(path.resolve(full))) continue;
      // A .numbers document saved as a package is a folder.
      if (e.isDirectory()) {
        if (/\.numbers$/i.test(e.name)) out.notRead.push({ file: full, reason: NUMBERS_ADVICE });
        else walk(full);
      } else if (/\.xls[xm]$/i.test(e.name)) out.files.push(full);
      else if (/\.xls$/i.test(e.name)) {
        const what = xlsKind(full);
        if (what === 'xlsx') out.files.push(full);
        else out.notRead.push({ file: full, reason: what ?? LEGACY_XLS });
      } else {
        const why = NOT_READ.find(([re]) => re.test(e.name));
        if (why) out.notRead.push({ file: full, reason: why[1] });
        else out.others.push(full);
      }
    }
  };
  for (const i of inputs) {
    let st: fs.Stats;
    try {
      st = fs.statSync(i);
    } catch {
      out.missing.push(i);
      continue;
    }
    if (st.isDirectory()) walk(i);
    else out.files.push(i);
  }
  return out;
}
