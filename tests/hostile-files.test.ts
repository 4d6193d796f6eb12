/**
 * Bad files and big files (issue 12): every hostile input generated here, at test time (the big ones are built
 * from compressed bytes, never committed). Each must end with exit 2 and one Chinese line — no trace, no hang,
 * no overwrite — within 10 s and 1 GB, run through the built CLI in its own process so time and peak memory are
 * the process's own.
 */
import { spawn, spawnSync } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import { unzipSync } from 'fflate';
import { Cell, sheetFromArray } from '../src/core/grid';
import { validateWorkbook } from '../src/core/validate';
import { writeXlsxBuffer } from '../src/hosts/file/xlsx';
import { layoutWorkbook } from '../src/samples/layout';
import { seed004Blocks } from '../src/samples/seed004';
import { makeZip, workbookParts, ZipEntry } from './fakes/zip';

const root = path.resolve(__dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-'));
const cliMain = path.join(root, 'dist', 'cli', 'main.js');
const built = fs.existsSync(cliMain);

/** Runs the built CLI in a child process; reports its exit code, output, wall time and peak RSS. */
function cli(args: string[], timeoutMs = 30000) {
  const rssFile = path.join(dir, `rss-${crypto.randomBytes(4).toString('hex')}`);
  const wrapper = `const m=require(${JSON.stringify(cliMain)});m.main(process.argv.slice(1),{out:s=>process.stdout.write(s+'\\n'),err:s=>process.stderr.write(s+'\\n')}).then(c=>{require('fs').writeFileSync(${JSON.stringify(rssFile)},String(process.resourceUsage().maxRSS));process.exitCode=c;});`;
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['-e', wrapper, ...args], { encoding: 'utf8', timeout: timeoutMs, cwd: dir });
  const ms = Date.now() - t0;
  const rssKb = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : NaN;
  return { code: r.status, out: r.stdout, err: r.stderr, ms, rssMb: rssKb / 1024 };
}

let seedParts: Record<string, Uint8Array>;
const sample = path.join(dir, 'sample.xlsx');

beforeAll(async () => {
  const buf = await writeXlsxBuffer(layoutWorkbook(seed004Blocks(), { layout: 'sheets' }).workbook);
  fs.writeFileSync(sample, buf);
  seedParts = unzipSync(buf);
});

/** The seed workbook's parts with some replaced, added or removed. */
function seedWith(change: Record<string, ZipEntry | null>): Buffer {
  const entries: ZipEntry[] = [];
  for (const [name, data] of Object.entries(seedParts)) {
    if (name in change) continue;
    entries.push({ name, data: Buffer.from(data) });
  }
  for (const [name, e] of Object.entries(change)) if (e) entries.push({ ...e, name });
  return makeZip(entries);
}

const sheet1 = () => Buffer.from(seedParts['xl/worksheets/sheet1.xml']).toString('utf8');
const BIG = 150 * 1024 * 1024;

const CASES: [string, () => Buffer, RegExp][] = [
  [
    'zip bomb: a sheet part declared 1 KB that inflates to 150 MB',
    () => seedWith({ 'xl/worksheets/sheet1.xml': { name: '', deflated: zlib.deflateRawSync(Buffer.alloc(BIG, 32)), declaredSize: 1024 } }),
    /xl\/worksheets\/sheet1\.xml 解压后超过 100 MB 的上限/,
  ],
  [
    'a sheet part that honestly declares 3 GB',
    () => seedWith({ 'xl/worksheets/sheet1.xml': { name: '', deflated: zlib.deflateRawSync(Buffer.alloc(1024, 32)), declaredSize: 3_000_000_000 } }),
    /解压后超过 100 MB 的上限/,
  ],
  [
    'row number past the sheet limit (r="300000000")',
    () => makeZip(workbookParts('<row r="300000000"><c r="A300000000"><v>1</v></c></row>')),
    /第 300,000,000 行，超出工作表最多 1,048,576 行/,
  ],
  ['row number r="2000000000"', () => makeZip(workbookParts('<row r="2000000000"><c><v>1</v></c></row>')), /第 2,000,000,000 行/],
  ['column past XFD', () => makeZip(workbookParts('<row r="1"><c r="XFE1"><v>1</v></c></row>')), /超出工作表最多 16,384 列/],
  [
    '60,000 unclosed <c> tags',
    () => makeZip(workbookParts('<row r="1">' + '<c r="A1"><v>1</v>'.repeat(60000) + '</row>')),
    /工作表“表1”的部件 xl\/worksheets\/sheet1\.xml 不完整或已损坏/,
  ],
  [
    '60,000 unclosed <rPh> runs in the shared strings',
    () =>
      makeZip([
        ...workbookParts('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
        { name: 'xl/sharedStrings.xml', data: '<sst><si><t>a</t>' + '<rPh><t>x</t>'.repeat(60000) + '</si></sst>' },
      ]),
    /共享字符串部件 xl\/sharedStrings\.xml 不完整/,
  ],
  [
    'a truncated sheet part',
    () => seedWith({ 'xl/worksheets/sheet1.xml': { name: '', data: sheet1().slice(0, Math.floor(sheet1().length / 2)) } }),
    /工作表“.*”的部件 xl\/worksheets\/sheet1\.xml 不完整或已损坏/,
  ],
  [
    'a garbage sheet part',
    () => seedWith({ 'xl/worksheets/sheet1.xml': { name: '', data: crypto.randomBytes(5000) } }),
    // Random bytes may hold what sends the part to the conformant XML parser ("<!", "='", a space by "="), which
    // words the same damage with the place it stopped at.
    /xl\/worksheets\/sheet1\.xml (不完整或已损坏|不是完整有效的 XML（第 \d+ 行第 \d+ 列）)/,
  ],
  ['an empty sheet part', () => seedWith({ 'xl/worksheets/sheet1.xml': { name: '', data: '' } }), /xl\/worksheets\/sheet1\.xml 不完整或已损坏/],
  ['a relationship to a missing part', () => seedWith({ 'xl/worksheets/sheet2.xml': null }), /指向的部件 xl\/worksheets\/sheet2\.xml 不存在/],
  [
    'a truncated shared-strings part',
    () => seedWith({ 'xl/sharedStrings.xml': { name: '', data: Buffer.from(seedParts['xl/sharedStrings.xml']).toString('utf8').slice(0, 300) } }),
    /共享字符串部件 xl\/sharedStrings\.xml 不完整/,
  ],
  ['cells that use shared strings with the part missing', () => seedWith({ 'xl/sharedStrings.xml': null }), /缺少共享字符串部件/],
  ['no xl/workbook.xml', () => seedWith({ 'xl/workbook.xml': null }), /缺少工作簿部件 xl\/workbook\.xml/],
  [
    'an .ods spreadsheet',
    () =>
      makeZip([
        { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
        { name: 'content.xml', data: '<x/>' },
        { name: 'META-INF/manifest.xml', data: '<x/>' },
      ]),
    /OpenDocument 表格（\.ods）/,
  ],
  [
    'an .xlsb workbook',
    () =>
      makeZip([
        { name: '[Content_Types].xml', data: '<x/>' },
        { name: 'xl/workbook.bin', data: 'bin' },
      ]),
    /二进制工作簿（\.xlsb）/,
  ],
  [
    'a .docx document',
    () =>
      makeZip([
        { name: '[Content_Types].xml', data: '<x/>' },
        { name: 'word/document.xml', data: '<w:document/>' },
      ]),
    /Word 文档（\.docx）/,
  ],
  ['a .csv file', () => Buffer.from('科目编码,科目名称,合计\n201,一般公共服务支出,12.00\n', 'utf8'), /文本文件（如 \.csv 或 \.txt）/],
  ['2.1 million real cells', () => makeZip(workbookParts(`<row>${'<c><v>1</v></c>'.repeat(1000)}</row>`.repeat(2100))), /单元格超过 2,000,000 个的上限/],
];

describe('hostile files: exit 2, one Chinese line, within 10 s and 1 GB', () => {
  (built ? test.each(CASES) : test.skip.each(CASES))('%s', (name, make, message) => {
    const file = path.join(dir, `${name.replace(/[^\w]+/g, '_').slice(0, 40)}.xlsx`);
    fs.writeFileSync(file, make());
    const r = cli(['validate', file]);
    expect(r.code).toBe(2);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(r.err).not.toMatch(/\bat .*\.js:\d+|Error:|RangeError|FATAL/);
    expect(r.ms).toBeLessThan(10000);
    expect(r.rssMb).toBeLessThan(1024);
  });
});

(built ? test : test.skip)('a 150 MB part that is never needed (docProps) is not inflated: the workbook validates', () => {
  const file = path.join(dir, 'docprops-bomb.xlsx');
  fs.writeFileSync(file, seedWith({ 'docProps/custom.xml': { name: '', deflated: zlib.deflateRawSync(Buffer.alloc(BIG, 32)), declaredSize: BIG } }));
  const r = cli(['validate', file]);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/识别到 9 张标准表/);
  expect(r.rssMb).toBeLessThan(1024);
});

(built ? test : test.skip)('3,000 large merged areas: no crash, no English message, within 10 s', () => {
  const merges = Array.from({ length: 3000 }, (_, i) => `<mergeCell ref="A${100 + i * 100}:CV${199 + i * 100}"/>`).join('');
  const data =
    '<row r="1"><c r="A1" t="inlineStr"><is><t>部门预算支出总表</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>科目编码</t></is></c><c r="B3" t="inlineStr"><is><t>科目名称</t></is></c><c r="C3" t="inlineStr"><is><t>合计</t></is></c></row>';
  const file = path.join(dir, 'merges.xlsx');
  fs.writeFileSync(file, makeZip(workbookParts(data, { extraSheetXml: `<mergeCells count="3000">${merges}</mergeCells>` })));
  const r = cli(['validate', file]);
  expect([0, 1, 2]).toContain(r.code);
  expect(r.err + r.out).not.toMatch(/Map maximum|Error|\bat .*\.js/);
  expect(r.ms).toBeLessThan(10000);
  expect(r.rssMb).toBeLessThan(1024);
});

(built ? test : test.skip)('--max-cells raises (and lowers) the cell limit', () => {
  expect(cli(['validate', sample, '--max-cells', '100']).err).toMatch(/单元格超过 100 个的上限/);
  expect(cli(['validate', sample, '--max-cells', '100000']).code).toBe(0);
});

describe('overwrites are refused', () => {
  const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
  (built ? test : test.skip)('validate in.xlsx --report in.xlsx leaves the workbook as it was, even with --force', () => {
    const f = path.join(dir, 'in.xlsx');
    fs.copyFileSync(sample, f);
    const before = sha(f);
    for (const extra of [[], ['--force']]) {
      const r = cli(['validate', f, '--report', f, ...extra]);
      expect(r.code).toBe(2);
      expect(r.err.trim()).toMatch(/^未写入：.*in\.xlsx 是要读取的文件本身，写入会覆盖它/);
    }
    expect(sha(f)).toBe(before);
  });
  (built ? test : test.skip)('explain X.xlsx --format docx --out X.xlsx is refused: a Word document is not named .xlsx', () => {
    const f = path.join(dir, 'x.xlsx');
    fs.copyFileSync(sample, f);
    const r = cli(['explain', f, '--format', 'docx', '--out', f]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toMatch(/^未写入：Word 文档的文件名应以 \.docx 结尾/);
    expect(sha(f)).toBe(sha(sample));
  });
  (built ? test : test.skip)('template --out and --report over an existing file need --force', () => {
    const t = path.join(dir, 'existing.xlsx');
    fs.writeFileSync(t, 'mine');
    const r = cli(['template', '--year', '2025', '--out', t]);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toMatch(/^未写入：文件 .*existing\.xlsx 已存在；要覆盖请加 --force/);
    expect(fs.readFileSync(t, 'utf8')).toBe('mine');
    expect(cli(['template', '--year', '2025', '--out', t, '--force']).code).toBe(0);
    const h = path.join(dir, 'existing.html');
    fs.writeFileSync(h, 'mine');
    expect(cli(['validate', sample, '--report', h]).err).toMatch(/已存在/);
    expect(fs.readFileSync(h, 'utf8')).toBe('mine');
    expect(cli(['validate', sample, '--report', h, '--force']).code).toBe(0);
    expect(fs.readFileSync(h, 'utf8')).toMatch(/<html/);
  });
});

describe('batch', () => {
  (built ? test : test.skip)('a file that would kill its checker is one failed row; the others are checked and reported', () => {
    const folder = path.join(dir, 'batch');
    fs.mkdirSync(folder);
    fs.copyFileSync(sample, path.join(folder, 'a-clean.xlsx'));
    fs.writeFileSync(
      path.join(folder, 'b-bomb.xlsx'),
      seedWith({ 'xl/worksheets/sheet1.xml': { name: '', deflated: zlib.deflateRawSync(Buffer.alloc(BIG, 32)), declaredSize: 1024 } }),
    );
    fs.writeFileSync(path.join(folder, 'c-rows.xlsx'), makeZip(workbookParts('<row r="2000000000"><c><v>1</v></c></row>')));
    fs.copyFileSync(sample, path.join(folder, 'd-clean.xlsx'));
    const report = path.join(dir, 'batch.json');
    const r = cli(['validate', folder, '--jobs', '2', '--report', report]);
    expect(r.code).toBe(2);
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    expect(json.partial).toBeUndefined();
    expect(json.files.map((f: { status: string }) => f.status)).toEqual(['ok', 'unreadable', 'unreadable', 'ok']);
    expect(json.files[1].reason).toMatch(/超过 100 MB 的上限/);
    expect(json.files[2].reason).toMatch(/超出工作表最多 1,048,576 行/);
  });

  (built ? test : test.skip)('an interrupted batch leaves a valid report that says it is partial', async () => {
    const folder = path.join(dir, 'many');
    fs.mkdirSync(folder);
    for (let i = 0; i < 400; i++) fs.copyFileSync(sample, path.join(folder, `f${String(i).padStart(3, '0')}.xlsx`));
    const report = path.join(dir, 'partial.json');
    const child = spawn(process.execPath, [path.join(root, 'bin', 'budget-check.js'), 'validate', folder, '--jobs', '1', '--report', report], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const deadline = Date.now() + 20000;
    while (!fs.existsSync(report) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(130);
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    expect(json.partial.total).toBe(400);
    expect(json.partial.done).toBeLessThan(400);
    expect(json.partial.note).toMatch(/未完成/);
    expect(json.files.length).toBe(json.partial.done);
    expect(err).toMatch(/批量校验被中断（SIGTERM）/);
  });
});

describe('content that reads but cannot be trusted', () => {
  const table = (cells: (Cell | undefined)[][]) => ({ sheets: [{ ...sheetFromArray('t', []), rows: cells }] });
  const v = (value: Cell['value']): Cell => ({ value });

  test('a formula with no cached value is a clear finding and the table is only partly checked', () => {
    const wb = table([
      [v('部门预算支出总表')],
      [v('单位：万元')],
      [v('科目编码'), v('科目名称'), v('合计'), v('基本支出'), v('项目支出')],
      [undefined, v('合计'), { value: null, formula: 'SUM(C5:C5)' }, v(1), v(2)],
      [v('201'), v('一般公共服务支出'), v(3), v(1), v(2)],
    ]);
    const rep = validateWorkbook(wb);
    const f = rep.findings.find((x) => x.rule === 'structure.uncalculated')!;
    expect(f.message).toMatch(/C4 的公式没有计算结果，请在 Excel\/WPS 中重新计算并保存/);
    expect(rep.coverage.find((c) => c.family === 'table:expenditure')).toMatchObject({ status: 'partial' });
  });

  test('"30000000元" in a 万元 table is converted and warned about, not read as 30,000,000 万元', () => {
    const wb = table([
      [v('部门预算支出总表')],
      [v('单位：万元')],
      [v('科目编码'), v('科目名称'), v('合计'), v('基本支出'), v('项目支出')],
      [undefined, v('合计'), v(3001), v('30000000元'), v(1)],
      [v('201'), v('一般公共服务支出'), v(3001), v(3000), v(1)],
    ]);
    const rep = validateWorkbook(wb);
    expect(rep.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(rep.findings.find((f) => f.rule === 'structure.unit-word')!.message).toMatch(
      /D4 写的是“30000000元”，单位为元，而本表金额单位为万元：已按万元换算后核对/,
    );
  });
});

test('the launcher tells "not built" from a build that cannot load', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'launcher-'));
  fs.mkdirSync(path.join(tmp, 'bin'));
  fs.copyFileSync(path.join(root, 'bin', 'budget-check.js'), path.join(tmp, 'bin', 'budget-check.js'));
  const notBuilt = spawnSync(process.execPath, [path.join(tmp, 'bin', 'budget-check.js'), '--help'], { encoding: 'utf8' });
  expect(notBuilt.status).toBe(2);
  expect(notBuilt.stderr).toMatch(/尚未构建/);
  fs.mkdirSync(path.join(tmp, 'dist', 'cli'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'dist', 'cli', 'main.js'), "require('a-module-that-is-not-installed');");
  const broken = spawnSync(process.execPath, [path.join(tmp, 'bin', 'budget-check.js'), '--help'], { encoding: 'utf8' });
  expect(broken.status).toBe(2);
  expect(broken.stderr).toMatch(/无法启动（缺少模块/);
  expect(broken.stderr).not.toMatch(/尚未构建/);
});
