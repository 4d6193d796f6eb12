/**
 * budget-check: the command-line tool over the file host.
 *   budget-check validate FILE.xlsx [--format text|json]
 * Exit codes: 0 no error finding, 1 error findings, 2 unreadable input or bad usage (one Chinese line on stderr).
 */
import path from 'path';
import { formatTextReport } from '../core/report-text';
import { validateWorkbook } from '../core/validate';
import { HostError } from '../hosts/host';
import { readXlsxFile } from '../hosts/file/xlsx';

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

const USAGE = `用法：
  budget-check validate 文件.xlsx [--format text|json]   校验部门预算公开表的勾稽关系
  budget-check --help                                    显示本帮助
退出码：0 无错误；1 发现错误；2 文件无法读取或用法错误`;

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

async function validate(files: string[], opts: Record<string, string>, io: CliIO): Promise<number> {
  const format = opts.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(`--format 只能是 text 或 json，收到“${format}”`);
  if (files.length !== 1) throw new UsageError(files.length ? '一次只能校验一个文件' : '请指定要校验的 .xlsx 文件');
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
  main(process.argv.slice(2), { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') }).then(
    (code) => {
      process.exitCode = code;
    },
  );
}
