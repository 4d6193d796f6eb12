/**
 * budget-check: the command-line tool over the file host.
 *   budget-check validate FILE.xlsx [--format text|json]
 * Exit codes: 0 no error finding, 1 error findings, 2 unreadable input or bad usage (one Chinese line on stderr).
 */
import fs from 'fs';
import path from 'path';
import { emptyResult } from '../batch/check-file';
import { collectFiles, runBatch } from '../batch/pool';
import { progressReporter } from '../batch/progress';
import { batchHtml, batchJson, batchXlsx, formatBatchText } from '../batch/reports';
import { formatTextReport } from '../core/report-text';
import { validateWorkbook } from '../core/validate';
import { HostError } from '../hosts/host';
import { readXlsxFile } from '../hosts/file/xlsx';

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Raw stderr writes for the progress bar (default: none). */
  progress?: (s: string) => void;
  isTTY?: boolean;
}

const USAGE = `用法：
  budget-check validate 文件.xlsx [--format text|json]   校验部门预算公开表的勾稽关系
  budget-check validate 文件夹|文件… [--jobs N] [--report 报告.html|报告.xlsx|报告.json]
                                                         批量校验（多线程），输出汇总并写出报告
  budget-check --help                                    显示本帮助
退出码：0 无错误；1 发现错误；2 文件无法读取（批量时：任一文件无法读取）或用法错误`;

class UsageError extends Error {}

function parseArgs(argv: string[]): { command?: string; files: string[]; opts: Record<string, string> } {
  const files: string[] = [];
  const opts: Record<string, string> = {};
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') opts.help = '1';
    else if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      const val = v ?? argv[++i];
      if (val === undefined) throw new UsageError(`参数 --${k} 缺少取值`);
      opts[k] = val;
    } else if (!command) command = a;
    else files.push(a);
  }
  return { command, files, opts };
}

async function validateBatch(inputs: string[], opts: Record<string, string>, io: CliIO): Promise<number> {
  const report = opts.report;
  if (report !== undefined && !/\.(html?|xlsx|json)$/i.test(report)) throw new UsageError('--report 的文件名应以 .html、.xlsx 或 .json 结尾');
  let jobs: number | undefined;
  if (opts.jobs !== undefined) {
    jobs = Number(opts.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs 应为正整数，收到“${opts.jobs}”`);
  }
  const { files, missing } = collectFiles(inputs);
  if (!files.length && !missing.length) throw new UsageError('所给的文件夹中没有 .xlsx 文件');
  const t0 = Date.now();
  const checked = await runBatch(files, { jobs, onProgress: io.progress ? progressReporter(io.progress, !!io.isTTY) : undefined });
  const results = [...missing.map((m) => emptyResult(m, 'unreadable', `找不到文件：${m}`)), ...checked];
  const elapsed = Date.now() - t0;
  io.out(opts.format === 'json' ? batchJson(results, elapsed) : formatBatchText(results, elapsed));
  if (report) {
    const ext = path.extname(report).toLowerCase();
    const content = ext === '.xlsx' ? await batchXlsx(results) : ext === '.json' ? batchJson(results, elapsed) : batchHtml(results, elapsed);
    try {
      fs.writeFileSync(report, content);
    } catch {
      io.err(`无法写入报告文件：${report}`);
      return 2;
    }
    io.err(`报告已写入 ${report}`);
  }
  if (results.some((r) => r.status !== 'ok')) return 2;
  return results.some((r) => r.counts.error > 0) ? 1 : 0;
}

async function validate(files: string[], opts: Record<string, string>, io: CliIO): Promise<number> {
  const format = opts.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(`--format 只能是 text 或 json，收到“${format}”`);
  if (!files.length) throw new UsageError('请指定要校验的 .xlsx 文件或文件夹');
  const isDir = (f: string) => {
    try {
      return fs.statSync(f).isDirectory();
    } catch {
      return false;
    }
  };
  if (files.length > 1 || opts.report !== undefined || opts.jobs !== undefined || isDir(files[0])) return validateBatch(files, opts, io);
  const file = files[0];
  const wb = await readXlsxFile(file);
  const rep = validateWorkbook(wb);
  if (format === 'json') {
    const { tables, unmapped, findings, suspects, others, counts } = rep;
    io.out(JSON.stringify({ file: path.basename(file), tables, unmapped, others, counts, findings, suspects: suspects.map(({ explains: _e, ...s }) => s) }, null, 2));
  } else io.out(formatTextReport(path.basename(file), rep));
  if (rep.tables.length === 0) {
    io.err(
      rep.unmapped.length
        ? `找到 ${rep.unmapped.length} 张表但无法识别其结构：${rep.unmapped[0].reason}`
        : '工作簿中没有找到部门预算公开表（如“部门预算收支总表”“部门预算支出总表”）',
    );
    return 2;
  }
  return rep.counts.error > 0 ? 1 : 0;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    const { command, files, opts } = parseArgs(argv);
    if (opts.help || !command) {
      (opts.help ? io.out : io.err)(USAGE);
      return opts.help ? 0 : 2;
    }
    if (command === 'validate') return await validate(files, opts, io);
    throw new UsageError(`未知命令“${command}”`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`用法错误：${e.message}（budget-check --help 查看用法）`);
      return 2;
    }
    if (e instanceof HostError) {
      io.err(e.message);
      return 2;
    }
    io.err(`校验时发生意外错误：${(e as Error).message}`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s + '\n'),
    err: (s) => process.stderr.write(s + '\n'),
    progress: (s) => process.stderr.write(s),
    isTTY: !!process.stderr.isTTY,
  }).then(
    (code) => {
      process.exitCode = code;
    },
  );
}
