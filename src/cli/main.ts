/**
 * budget-check: the command-line tool over the file host.
 *   budget-check validate FILE.xlsx [--format text|json]
 * Exit codes: 0 no error finding, 1 error findings, 2 unreadable input or bad usage (one Chinese line on stderr).
 */
import type { OptionalTable } from '../core/templates/template';
import fs from 'fs';
import path from 'path';
// Only what a single `validate` needs is loaded up front; the other commands load their modules when they run
// (a cold start near Node's own: batch, narrative, templates, ExcelJS and docx are not paid for by validate).
import { detectWorkbook } from '../core/detect';
import { disclosureLevel } from '../core/titles';
import type { Stage } from '../core/model';
import { formatTextReport } from '../core/report-text';
import { safeJson, safeText } from '../core/safe-text';
import { validateWorkbook } from '../core/validate';
import { HostError } from '../hosts/host';
import { readXlsxFile, writeXlsxBuffer } from '../hosts/file/xlsx';
import { ReadLimits, withLimits } from '../hosts/file/limits';
import type { FileResult } from '../batch/types';

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Raw stderr writes for the progress bar (default: none). */
  progress?: (s: string) => void;
  isTTY?: boolean;
}

const USAGE = `用法：
  budget-check validate 文件.xlsx [--format text|json] [--budget 同年预算.xlsx]
                                                         校验部门预算（或决算）公开表的勾稽关系；决算可与同年预算对照
  budget-check validate 文件夹|文件… [--jobs N] [--report 报告.html|报告.xlsx|报告.json]
                                                         批量校验（多进程），输出汇总并写出报告
  budget-check explain 文件.xlsx [--prior 上年.xlsx] [--format text|json|docx] [--out 输出文件] [--level 省级|市级|县级|区级…]
                                                         根据各表生成情况说明（二至九部分）
  budget-check check-text 文件.xlsx 说明.txt|说明.docx [--prior 上年.xlsx]
                                                         核对已有情况说明中的数字、算术、增减、年份和遗留模板文字
  budget-check check-text 说明.txt|说明.docx [--year 2021] 没有工作簿时只做文字自身的核对
  budget-check template --year 2023 [--unit 万元|元] [--layout sheets|stacked] [--department 名称] [--code 编码]
                        [--optional procurement,assets,performance,department-performance] --out 模板.xlsx
                                                         生成带表头、格式和合计公式的九张空白标准表（可加政府采购、固定资产、绩效目标表；--stage 决算 为九张决算表）
  通用选项：--stage 预算|决算 指定公开类型（默认按表名和列名判断，预算、决算各按其表和规则校验）；
           --force 允许覆盖已存在的输出文件（输入文件本身从不覆盖）；
           --max-cells N、--max-part-mb N、--max-total-mb N 提高读取上限（默认 200 万个单元格、单个部件 100 MB、合计 250 MB）
  budget-check --help                                    显示本帮助
退出码：0 无错误；1 发现错误；2 文件无法读取（批量时：任一文件无法读取）或用法错误`;

class UsageError extends Error {}

/** A refused write (over the input or an existing file): one Chinese line, exit 2. */
class OutputError extends Error {}

/** Flags that take no value. */
const BOOLEAN_FLAGS = new Set(['force']);

function parseArgs(argv: string[]): { command?: string; files: string[]; opts: Record<string, string> } {
  const files: string[] = [];
  const opts: Record<string, string> = {};
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') opts.help = '1';
    else if (BOOLEAN_FLAGS.has(a.slice(2))) opts[a.slice(2)] = '1';
    else if (a.startsWith('--')) {
      // --out=a=b.docx: the value is everything after the first '='.
      const eq = a.indexOf('=');
      const k = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const val = eq < 0 ? argv[++i] : a.slice(eq + 1);
      if (val === undefined) throw new UsageError(`参数 --${k} 缺少取值`);
      opts[k] = val;
    } else if (!command) command = a;
    else files.push(a);
  }
  return { command, files, opts };
}

function sameFile(a: string, b: string): boolean {
  try {
    const x = fs.statSync(a);
    const y = fs.statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/** Why a file could not be written or read, in words (the system's code in brackets for whoever helps). */
function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const words: Record<string, string> = {
    EACCES: '没有写入权限',
    EPERM: '没有写入权限',
    EROFS: '磁盘或文件夹是只读的',
    ENOSPC: '磁盘已满',
    EDQUOT: '超出磁盘配额',
    ENOENT: '文件夹不存在',
    ENOTDIR: '路径中有一段不是文件夹',
    EISDIR: '这是一个文件夹',
    ENAMETOOLONG: '文件名太长',
    EBUSY: '文件正被其他程序使用',
  };
  return code ? `${words[code] ?? '系统拒绝'}，${code}` : String((e as Error)?.message ?? e);
}

/** Refuses an output path that is a folder (`--report 报告/`): a file name is needed. */
function refuseFolder(out: string, kind: string, ext: string): void {
  let dir = false;
  try {
    dir = fs.statSync(out).isDirectory();
  } catch {
    dir = false;
  }
  if (dir)
    throw new OutputError(
      `未写入：${out} 是一个文件夹，不是文件；请给出${kind}的文件名，如 ${path.join(out, `${kind === '报告' || kind === '模板' ? kind : '情况说明'}${ext}`)}`,
    );
}

/**
 * Whether the output can be written, found out before any work (a batch of 1,000 files is not checked only to
 * fail at its report): its folder exists, a file can be made in it (one is made and removed), and an existing file
 * to replace is not read-only.
 */
function checkWritable(out: string, kind: string): void {
  const dir = path.dirname(out);
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new OutputError(`未写入：文件夹 ${dir} 不存在；请先建好这个文件夹，或把${kind}存到已有的文件夹中`);
    throw new OutputError(`未写入：无法打开文件夹 ${dir}（${ioReason(e)}）；请换一个保存${kind}的文件夹`);
  }
  if (!st.isDirectory()) throw new OutputError(`未写入：${dir} 不是文件夹，无法在其中保存${kind}`);
  const probe = path.join(dir, `.${path.basename(out)}.${process.pid}.probe`);
  try {
    fs.closeSync(fs.openSync(probe, 'wx'));
  } catch (e) {
    throw new OutputError(`未写入：不能在文件夹 ${dir} 中新建文件（${ioReason(e)}）；请换一个保存${kind}的文件夹`);
  }
  fs.rmSync(probe, { force: true });
  if (fs.existsSync(out)) {
    try {
      fs.accessSync(out, fs.constants.W_OK);
    } catch (e) {
      throw new OutputError(`未写入：文件 ${out} 不能改写（${ioReason(e)}）；请换一个文件名`);
    }
  }
}

/**
 * Where a command may write: never over one of its inputs (the user's workbook would be lost), never over an
 * existing file unless --force, with the extension of what is written (no Word document named .xlsx), and only
 * where a file can be written (checked before any work).
 */
function guardOutput(out: string, inputs: string[], opts: Record<string, string>, ext: string[], kind: string): void {
  refuseFolder(out, kind, ext[0]);
  if (!ext.some((e) => out.toLowerCase().endsWith(e))) throw new OutputError(`未写入：${kind}的文件名应以 ${ext.join(' 或 ')} 结尾，收到“${out}”`);
  for (const i of inputs) if (sameFile(out, i)) throw new OutputError(`未写入：${out} 是要读取的文件本身，写入会覆盖它；请换一个输出文件名`);
  if (fs.existsSync(out) && !opts.force) throw new OutputError(`未写入：文件 ${out} 已存在；要覆盖请加 --force，或换一个文件名`);
  checkWritable(out, kind);
}

/** The read limits, raised by --max-cells / --max-part-mb / --max-total-mb. */
function readLimits(opts: Record<string, string>): ReadLimits {
  const num = (k: string) => {
    if (opts[k] === undefined) return undefined;
    const n = Number(opts[k]);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${k} 应为正数，收到“${opts[k]}”`);
    return n;
  };
  const mb = (k: string) => (num(k) === undefined ? undefined : Math.round(num(k)! * 1024 * 1024));
  return withLimits({ maxCells: num('max-cells'), maxPartBytes: mb('max-part-mb'), maxTotalBytes: mb('max-total-mb') });
}

/**
 * Writes a file atomically (temporary name, then rename): a reader never sees half a report. The temporary file
 * is removed when either step fails (a full disk, a folder gone meanwhile).
 */
function writeAtomic(file: string, content: string | Buffer): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** An output file written whole, or one Chinese line saying why not. */
function writeOutput(file: string, content: string | Buffer, kind: string): void {
  try {
    writeAtomic(file, content);
  } catch (e) {
    throw new OutputError(`未写入：${kind} ${file} 写入失败（${ioReason(e)}）`);
  }
}

async function validateBatch(inputs: string[], opts: Record<string, string>, io: CliIO): Promise<number> {
  const { emptyResult } = await import('../batch/check-file');
  const { collectFiles, runBatch } = await import('../batch/pool');
  const { progressReporter } = await import('../batch/progress');
  const { batchHtml, batchJson, batchXlsx, formatBatchText } = await import('../batch/reports');
  const report = opts.report;
  if (report !== undefined) refuseFolder(report, '报告', '.html');
  if (report !== undefined && !/\.(html?|xlsx|json)$/i.test(report)) throw new UsageError('--report 的文件名应以 .html、.xlsx 或 .json 结尾');
  let jobs: number | undefined;
  if (opts.jobs !== undefined) {
    jobs = Number(opts.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs 应为正整数，收到“${opts.jobs}”`);
  }
  const { files, missing, notRead, others } = collectFiles(inputs, report ? [report] : []);
  if (!files.length && !missing.length && !notRead.length)
    throw new UsageError(`所给的文件夹中没有 .xlsx 文件${others.length ? `（有 ${others.length} 个其他文件，如 ${path.basename(others[0])}）` : ''}`);
  if (report) guardOutput(report, files, opts, ['.html', '.htm', '.xlsx', '.json'], '报告');
  const limits = readLimits(opts);
  const t0 = Date.now();
  // Files that are not checked are results too: every report lists them with the reason.
  const missingResults = [
    ...missing.map((m) => emptyResult(m, 'unreadable', `找不到文件：${m}`)),
    ...notRead.map((n) => emptyResult(n.file, 'unreadable', n.reason)),
  ];
  // The report is written as files finish (at most every 2 s) and on Ctrl-C / kill, marked as partial, so an
  // interrupted batch still leaves a valid report of what was checked.
  const finished: FileResult[] = [];
  let lastWrite = 0;
  let writing: Promise<void> = Promise.resolve();
  /** Writes go one after another (a slow .xlsx report written early never lands over a later one). */
  const writeReport = (results: FileResult[], partial?: { done: number; total: number }) => {
    if (!report) return Promise.resolve();
    const ext = path.extname(report).toLowerCase();
    const elapsed = Date.now() - t0;
    writing = writing
      .catch(() => undefined)
      .then(async () => {
        const content =
          ext === '.xlsx' ? await batchXlsx(results, partial) : ext === '.json' ? batchJson(results, elapsed, partial) : batchHtml(results, elapsed, partial);
        writeAtomic(report, content);
      });
    return writing;
  };
  // On Ctrl-C or kill the results so far are the report: the checkers are stopped, the report of exactly those
  // files is written (an .xlsx report is built asynchronously: awaited) and only then does the batch say so and exit.
  const stop = new AbortController();
  let interrupted = false;
  const onSignal = (sig: NodeJS.Signals) => {
    if (interrupted) {
      io.err(`再次收到 ${sig}：不再等待报告写完，立即退出`);
      process.exit(130);
    }
    interrupted = true;
    stop.abort();
    const done = finished.length;
    const partialResults = [...missingResults, ...finished];
    if (io.isTTY) io.progress?.('\n');
    void (async () => {
      let line = `批量校验被中断（${sig}）：已校验完 ${done} / ${files.length} 个`;
      if (report) {
        try {
          await writeReport(partialResults, { done, total: files.length });
          line += `，未完成的报告已写入 ${path.resolve(report)}`;
        } catch (e) {
          line += `；未完成的报告未能写入 ${path.resolve(report)}（${ioReason(e)}）`;
        }
      }
      io.err(line);
      process.exit(130);
    })();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let checked: FileResult[];
  try {
    const progress = io.progress ? progressReporter(io.progress, !!io.isTTY) : undefined;
    checked = await runBatch(files, {
      jobs,
      limits,
      signal: stop.signal,
      onProgress: progress,
      onResult: (r) => {
        finished.push(r);
        if (report && Date.now() - lastWrite > 2000 && finished.length < files.length) {
          lastWrite = Date.now();
          void writeReport([...missingResults, ...finished], { done: finished.length, total: files.length }).catch(() => undefined);
        }
      },
    });
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
  const results = [...missingResults, ...checked];
  const elapsed = Date.now() - t0;
  io.out(opts.format === 'json' ? batchJson(results, elapsed, undefined, others) : formatBatchText(results, elapsed));
  if (others.length && opts.format !== 'json')
    io.out(
      `另有 ${others.length} 个不是工作簿的文件没有读：${others
        .slice(0, 5)
        .map((o) => path.basename(o))
        .join('、')}${others.length > 5 ? ' 等' : ''}`,
    );
  if (report) {
    try {
      await writeReport(results);
    } catch (e) {
      io.err(`未写入：报告 ${report} 写入失败（${ioReason(e)}）`);
      return 2;
    }
    io.err(`报告已写入 ${path.resolve(report)}`);
  }
  if (results.some((r) => r.status !== 'ok')) return 2;
  return results.some((r) => r.counts.error > 0) ? 1 : 0;
}

/** --stage 预算|决算 (or budget|final): the user's word on which disclosure the workbook is. */
function stageOption(opts: Record<string, string>): Stage | undefined {
  const v = opts.stage;
  if (v === undefined) return undefined;
  if (/^(预算|budget)$/.test(v)) return 'budget';
  if (/^(决算|final)$/.test(v)) return 'final';
  throw new UsageError(`--stage 只能是 预算 或 决算，收到“${v}”`);
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
  const wb = await readXlsxFile(file, undefined, readLimits(opts));
  const budget = opts.budget ? detectWorkbook(await readXlsxFile(opts.budget, undefined, readLimits(opts))) : undefined;
  if (budget && budget.stage?.stage !== 'budget') throw new UsageError(`--budget 应是同年的部门预算工作簿，“${path.basename(opts.budget)}”是决算工作簿`);
  const rep = validateWorkbook(wb, { stage: stageOption(opts), budget });
  if (budget && rep.stage.stage !== 'final') io.err('--budget 只用于决算工作簿（与同年预算对照），本工作簿是预算，未对照');
  if (format === 'json') {
    const { tables, unmapped, findings, suspects, others, counts, coverage, stage } = rep;
    io.out(
      safeJson(
        { file: path.basename(file), stage, tables, unmapped, others, counts, findings, suspects: suspects.map(({ explains: _e, ...s }) => s), coverage },
        2,
      ),
    );
  } else io.out(formatTextReport(path.basename(file), rep));
  // A workbook of only 项目绩效目标表 (the separately published 绩效文本) is a normal input: checked, exit 0/1.
  if (rep.tables.length === 0 && !rep.others.some((o) => o.checked)) {
    io.err(
      rep.unmapped.length
        ? `找到 ${rep.unmapped.length} 张表但无法识别其结构：${rep.unmapped[0].reason}`
        : rep.stage.stage === 'final'
          ? '工作簿中没有找到可识别的部门决算公开表（如“收入支出决算总表”“支出决算表”）'
          : '工作簿中没有找到部门预算公开表（如“部门预算收支总表”“部门预算支出总表”）',
    );
    return 2;
  }
  return rep.counts.error > 0 ? 1 : 0;
}

async function explain(files: string[], opts: Record<string, string>, io: CliIO): Promise<number> {
  const { addOtherTableFigures, extractFigures, plausibilityWarnings } = await import('../core/narrative/figures');
  const { explanationTitle, generateSections, sectionsText } = await import('../core/narrative/generate');
  const format = opts.format ?? 'text';
  if (!['text', 'json', 'docx'].includes(format)) throw new UsageError(`--format 只能是 text、json 或 docx，收到“${format}”`);
  if (files.length !== 1) throw new UsageError('请指定一个 .xlsx 工作簿');
  if (format === 'docx' && !opts.out) throw new UsageError('导出 .docx 时请用 --out 指定输出文件');
  if (opts.out)
    guardOutput(
      opts.out,
      [files[0], opts.prior, opts.reasons].filter((x): x is string => !!x),
      opts,
      format === 'docx' ? ['.docx'] : format === 'json' ? ['.json'] : ['.txt', '.md'],
      format === 'docx' ? 'Word 文档' : format === 'json' ? 'JSON' : '文本',
    );
  const wb = await readXlsxFile(files[0], undefined, readLimits(opts));
  const det = detectWorkbook(wb, [], { stage: stageOption(opts) });
  const final = det.stage?.stage === 'final';
  if (!det.tables.length) {
    io.err(`工作簿中没有找到部门${final ? '决算' : '预算'}公开表，无法生成情况说明`);
    return 2;
  }
  const figures = addOtherTableFigures(extractFigures(det.tables), wb, det.others);
  // A 决算's tables print neither year nor department (they are on its cover): the user may give them.
  if (opts.year !== undefined) {
    if (!/^20\d{2}$/.test(opts.year)) throw new UsageError(`--year 应为四位年份，如 2024，收到“${opts.year}”`);
    figures.year = Number(opts.year);
  }
  if (opts.department) figures.department = opts.department;
  const prior = opts.prior ? extractFigures(detectWorkbook(await readXlsxFile(opts.prior, undefined, readLimits(opts))).tables) : undefined;
  if (prior && (prior.stage === 'final') !== final)
    throw new UsageError(
      `上年工作簿是部门${prior.stage === 'final' ? '决算' : '预算'}公开表，本年的是${final ? '决算' : '预算'}：请提供同一种公开的上年工作簿`,
    );
  let reasons: Record<string, string> | undefined;
  if (opts.reasons) {
    try {
      reasons = JSON.parse((await import('../hosts/file/text')).decodeText(fs.readFileSync(opts.reasons)));
    } catch {
      throw new UsageError(`无法读取增减原因文件 ${opts.reasons}（应为 JSON：{"三公经费": "原因"}）`);
    }
  }
  if (opts.level !== undefined && !/^(省|自治区|市|州|盟|县|旗|区|本)级?$/.test(opts.level))
    throw new UsageError(`--level 应为 省级、自治区级、市级、州级、县级、旗级 或 区级，收到“${opts.level}”`);
  const level = opts.level ? (opts.level.endsWith('级') ? opts.level : `${opts.level}级`) : undefined;
  const sections = generateSections(figures, { prior, reasons, otherTables: det.others.map((o) => o.title), level });
  for (const w of plausibilityWarnings(figures)) io.err(`提示：${w.message}`);
  // A 单位预算 is titled and worded as one (its tables say 单位); the text warns when its tables do not reconcile.
  const kind = disclosureLevel(det.tables.map((t) => t.title));
  const title = explanationTitle(figures, kind);
  const imbalance = validateWorkbook(wb, { detection: det }).counts.error;
  if (imbalance) io.err(`注意：各表有 ${imbalance} 处错误（请先用 validate 核对），说明中的数字直接取自表中`);
  const todo = sections.flatMap((s) => s.placeholders);
  const toFill = sections.flatMap((s) => s.todo ?? []);
  // The texts come from the workbook: control characters are left out of the .docx and the text, escaped in JSON.
  if (format === 'docx') {
    writeOutput(opts.out, await (await import('../hosts/file/docx')).sectionsToDocx(title, sections), 'Word 文档');
    io.err(`情况说明已写入 ${opts.out}`);
  } else {
    const body =
      format === 'json'
        ? safeJson({ title, year: figures.year ?? null, department: figures.department ?? null, sections, placeholders: todo, todo: toFill }, 2)
        : safeText(`${title}\n\n${sectionsText(sections)}`);
    if (opts.out) writeOutput(opts.out, body + '\n', format === 'json' ? 'JSON' : '文本');
    else io.out(body);
  }
  if (todo.length) io.err(`还有 ${todo.length} 处增减原因待填写：${todo.map((t) => `【${t}】`).join('、')}（可用 --reasons 原因.json 提供）`);
  if (toFill.length) io.err(`还有 ${toFill.length} 处需单位补充：${toFill.join('；')}`);
  return 0;
}

async function checkTextCommand(files: string[], opts: Record<string, string>, io: CliIO): Promise<number> {
  const { checkText } = await import('../core/narrative/check-text');
  const { addOtherTableFigures, extractFigures } = await import('../core/narrative/figures');
  if (files.length < 1 || files.length > 2) throw new UsageError('用法：budget-check check-text [工作簿.xlsx] 说明.txt|说明.docx');
  const textFile = files[files.length - 1];
  const book = files.length === 2 ? files[0] : undefined;
  let raw: Buffer;
  try {
    raw = fs.readFileSync(textFile);
  } catch {
    throw new HostError(`找不到文件：${textFile}`, 'not-found');
  }
  const text = /\.docx$/i.test(textFile) ? (await import('../hosts/file/docx')).docxText(raw) : (await import('../hosts/file/text')).decodeText(raw);
  let figures;
  if (book) {
    const wb = await readXlsxFile(book);
    const det = detectWorkbook(wb);
    figures = addOtherTableFigures(extractFigures(det.tables), wb, det.others);
  }
  const year = opts.year ? Number(opts.year) : figures?.year;
  const prior = opts.prior ? extractFigures(detectWorkbook(await readXlsxFile(opts.prior, undefined, readLimits(opts))).tables) : undefined;
  if (prior?.year && year && prior.year !== year - 1) throw new UsageError(`--prior 工作簿的预算年度为 ${prior.year} 年，不是上年（${year - 1} 年）`);
  const findings = checkText(text, figures, { year, prior });
  if (opts.format === 'json') io.out(safeJson({ file: path.basename(textFile), workbook: book ? path.basename(book) : null, year: year ?? null, findings }, 2));
  else {
    const lines = [`说明：${path.basename(textFile)}${book ? `，对照工作簿：${path.basename(book)}` : '（未提供工作簿，只核对文字自身）'}`];
    if (!findings.length) lines.push('没有发现问题。');
    findings.forEach((f, i) => lines.push(`${i + 1}. [${f.severity === 'error' ? '错误' : '警告'}] ${f.message}\n   原句：${f.sentence}`));
    io.out(lines.join('\n'));
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

async function template(opts: Record<string, string>, io: CliIO): Promise<number> {
  const { FormulaEvaluator } = await import('../core/templates/evaluate');
  const { buildTemplate, OPTIONAL_TABLES } = await import('../core/templates/template');
  const year = Number(opts.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError('请用 --year 指定预算年度，如 --year 2023');
  const unit = opts.unit ?? '万元';
  if (unit !== '万元' && unit !== '元') throw new UsageError('--unit 只能是 万元 或 元');
  const layout = opts.layout ?? 'sheets';
  if (layout !== 'sheets' && layout !== 'stacked') throw new UsageError('--layout 只能是 sheets（每表一个工作表）或 stacked（堆叠在一个工作表）');
  if (!opts.out) throw new UsageError('请用 --out 指定输出文件，如 --out 模板.xlsx');
  guardOutput(opts.out, [], opts, ['.xlsx'], '模板');
  const optional = (opts.optional ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const bad = optional.filter((x) => !(OPTIONAL_TABLES as string[]).includes(x));
  if (bad.length)
    throw new UsageError(
      `--optional 只能是 procurement（政府采购预算）、assets（固定资产占用情况表）、performance（项目绩效目标表）、department-performance（部门整体绩效目标表），收到“${bad.join(',')}”`,
    );
  const final = stageOption(opts) === 'final';
  if (final && optional.length) throw new UsageError('--optional 只用于预算模板：决算模板是九张决算表');
  const t = buildTemplate({
    year,
    unit,
    layout,
    department: opts.department ?? '（单位名称）',
    departmentCode: opts.code,
    optional: optional as OptionalTable[],
    ...(final ? { stage: 'final' as const } : {}),
  });
  new FormulaEvaluator(t.workbook).evaluateAll();
  writeOutput(opts.out, await writeXlsxBuffer(t.workbook), '模板');
  io.err(`已生成 ${year} 年部门${final ? '决算' : '预算'}公开表模板：${opts.out}（${t.workbook.sheets.length} 个工作表，合计行均为公式）`);
  return 0;
}

export async function main(argv: string[], rawIO: CliIO): Promise<number> {
  // Whatever reaches the terminal (a department name, a sheet name, a sentence of the text) carries no control
  // character: ESC would start an escape sequence, NUL and BEL garble the line. JSON is escaped before this.
  const io: CliIO = { ...rawIO, out: (s) => rawIO.out(safeText(s)), err: (s) => rawIO.err(safeText(s)) };
  try {
    const { command, files, opts } = parseArgs(argv);
    if (opts.help || !command) {
      (opts.help ? io.out : io.err)(USAGE);
      return opts.help ? 0 : 2;
    }
    if (command === 'validate') return await validate(files, opts, io);
    if (command === 'explain') return await explain(files, opts, io);
    if (command === 'check-text') return await checkTextCommand(files, opts, io);
    if (command === 'template') return await template(opts, io);
    throw new UsageError(`未知命令“${command}”`);
  } catch (e) {
    if (e instanceof OutputError) {
      io.err(e.message);
      return 2;
    }
    if (e instanceof UsageError) {
      io.err(`用法错误：${e.message}（budget-check --help 查看用法）`);
      return 2;
    }
    if (e instanceof HostError) {
      io.err(e.message);
      return 2;
    }
    // A file or folder the system refused (one not caught where it was opened): said in words, with the path.
    const sys = e as NodeJS.ErrnoException;
    if (typeof sys?.code === 'string' && /^E[A-Z]+$/.test(sys.code)) {
      io.err(sys.code === 'ENOENT' ? `找不到文件或文件夹：${sys.path ?? ''}` : `无法完成：${sys.path ?? ''}（${ioReason(e)}）`);
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
  }).then((code) => {
    process.exitCode = code;
  });
}
