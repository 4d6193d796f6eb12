import ExcelJS from 'exceljs';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../src/cli/main';
import { checkerFlags, V8_FLAGS } from '../src/cli/v8-flags';
import { collectFiles, runBatch } from '../src/batch/pool';
import { writeXlsxBuffer } from '../src/hosts/file/xlsx';
import { layoutWorkbook, locate, setValue } from '../src/samples/layout';
import { seed001Blocks } from '../src/samples/seed001';
import { seed004Blocks } from '../src/samples/seed004';
import { makeZip, workbookParts } from './fakes/zip';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'batch-'));
const clean = path.join(dir, 'clean', '0-秦皇岛.xlsx');
const clean001 = path.join(dir, 'clean', 'sub', '1-山海关.xlsx');
const broken = path.join(dir, 'mixed', '2-有错.xlsx');
const junk = path.join(dir, 'mixed', '3-坏文件.xlsx');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const progress: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), progress: (s) => progress.push(s), isTTY: false });
  return { code, out: out.join('\n'), err: err.join('\n'), progress: progress.join('') };
}

beforeAll(async () => {
  for (const d of ['clean/sub', 'mixed']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  fs.writeFileSync(clean, await writeXlsxBuffer(layoutWorkbook(seed004Blocks(), { layout: 'sheets' }).workbook));
  fs.writeFileSync(clean001, await writeXlsxBuffer(layoutWorkbook(seed001Blocks(), { layout: 'stacked' }).workbook));
  fs.writeFileSync(path.join(dir, 'clean', '~$0-秦皇岛.xlsx'), 'office lock file');
  const l = layoutWorkbook(seed004Blocks(), { layout: 'stacked' });
  setValue(l, locate(l, 'income', 5, 3), 120.19); // 20805 合计 110.19 → 120.19
  fs.writeFileSync(broken, await writeXlsxBuffer(l.workbook));
  fs.writeFileSync(junk, 'not a workbook at all');
});

test('collectFiles walks folders, skips Office lock files, reports missing paths', () => {
  const { files, missing } = collectFiles([path.join(dir, 'clean'), junk, path.join(dir, 'nope.xlsx')]);
  expect(files).toEqual([clean, clean001, junk]);
  expect(missing).toEqual([path.join(dir, 'nope.xlsx')]);
});

test('runBatch: results in input order, one bad file does not stop the others', async () => {
  const seen: number[] = [];
  const results = await runBatch([clean, junk, broken, clean001], { jobs: 2, onProgress: (p) => seen.push(p.done) });
  expect(results.map((r) => [path.basename(r.file), r.status])).toEqual([
    ['0-秦皇岛.xlsx', 'ok'],
    ['3-坏文件.xlsx', 'unreadable'],
    ['2-有错.xlsx', 'ok'],
    ['1-山海关.xlsx', 'ok'],
  ]);
  expect(seen).toEqual([1, 2, 3, 4]);
  expect(results[0]).toMatchObject({ department: '秦皇岛市工业和信息化局', year: 2021 });
  expect(results[3]).toMatchObject({ department: '科技和工信部门', year: 2023 });
  expect(results[0].counts.error).toBe(0);
  expect(results[1].reason).toMatch(/不是 \.xlsx/);
  expect(results[2].counts.error).toBeGreaterThan(0);
  expect(results[2].suspects[0]).toMatchObject({ suggested: '110.19' });
  expect(results[2].findings.every((f) => f.severity !== 'info')).toBe(true);
});

test('a checker process that dies (out of memory) is reported per file and replaced; the batch still finishes', async () => {
  const results = await runBatch([clean, clean001], { jobs: 1, workerMemoryMb: 1 });
  expect(results).toHaveLength(2);
  for (const r of results) {
    expect(r.status).toBe('unreadable');
    expect(r.reason).toMatch(/校验该文件的进程异常退出/);
  }
});

test('a checker that dies on one file: that file is named, the file queued behind it is checked by a fresh checker', async () => {
  // 1.5 million cells: within the reader's cell limit, beyond a 64 MB heap; the clean workbooks fit in it.
  const big = path.join(dir, 'big.xlsx');
  fs.writeFileSync(big, makeZip(workbookParts(`<row>${'<c><v>1</v></c>'.repeat(1000)}</row>`.repeat(1500))));
  const results = await runBatch([clean, big, clean001, broken], { jobs: 1, workerMemoryMb: 64 });
  expect(results.map((r) => [path.basename(r.file), r.status])).toEqual([
    ['0-秦皇岛.xlsx', 'ok'],
    ['big.xlsx', 'unreadable'],
    ['1-山海关.xlsx', 'ok'],
    ['2-有错.xlsx', 'ok'],
  ]);
  expect(results[1].reason).toMatch(/校验该文件的进程异常退出/);
  expect(results[3].counts.error).toBeGreaterThan(0);
  fs.rmSync(big);
}, 60000);

test('CLI batch: clean folder exits 0 with a summary and progress lines', async () => {
  const r = await run('validate', path.join(dir, 'clean'), '--jobs', '2');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/共 2 个工作簿/);
  expect(r.out).toMatch(/已校验 2 个，其中有错误的 0 个/);
  expect(r.progress).toMatch(/2\/2 100%/);
});

test('CLI batch: a workbook with errors exits 1; an unreadable one exits 2', async () => {
  expect((await run('validate', clean, broken)).code).toBe(1);
  const r = await run('validate', path.join(dir, 'mixed'), path.join(dir, 'clean'));
  expect(r.code).toBe(2);
  expect(r.out).toMatch(/3-坏文件\.xlsx：这是文本文件（如 \.csv 或 \.txt），不是 \.xlsx 工作簿/);
  expect(r.out).toMatch(/2-有错\.xlsx：错误 \d+ 项/);
});

test('CLI batch reports: self-contained sortable HTML, xlsx with one row per finding, JSON', async () => {
  const html = path.join(dir, 'report.html');
  const xlsx = path.join(dir, 'report.xlsx');
  const json = path.join(dir, 'report.json');
  for (const rep of [html, xlsx, json]) await run('validate', path.join(dir, 'mixed'), path.join(dir, 'clean'), '--report', rep);
  const page = fs.readFileSync(html, 'utf8');
  expect(page).toMatch(/^<!DOCTYPE html>/);
  expect(page).not.toMatch(/<script src=|<link /);
  for (const f of ['0-秦皇岛.xlsx', '1-山海关.xlsx', '2-有错.xlsx', '3-坏文件.xlsx']) expect(page).toContain(f);
  expect(page).toMatch(/th\.addEventListener\('click'/);
  const j = JSON.parse(fs.readFileSync(json, 'utf8'));
  expect(j.summary).toMatchObject({ files: 4, checked: 3, unreadable: 1, withErrors: 1 });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '问题明细']);
  expect(wb.getWorksheet('汇总')!.rowCount).toBe(5);
  const detail = wb.getWorksheet('问题明细')!;
  const errorRows = j.files.flatMap((f: { findings: unknown[] }) => f.findings).length;
  expect(detail.rowCount).toBe(1 + errorRows + 1); // header + findings + one row for the unreadable file
});

test('CLI batch: bad options are usage errors', async () => {
  expect((await run('validate', dir, '--jobs', '0')).code).toBe(2);
  expect((await run('validate', dir, '--report', 'x.pdf')).err).toMatch(/\.html、\.xlsx 或 \.json/);
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'empty-'));
  expect((await run('validate', empty)).err).toMatch(/没有 \.xlsx 文件/);
});

test('checker flags: a later optimization budget only when the checkers take every core', () => {
  const budget = (flags: string[]) => flags.find((f) => f.startsWith('--interrupt-budget='));
  expect(checkerFlags(1, 2)).toEqual(V8_FLAGS);
  expect(checkerFlags(3, 8)).toEqual(V8_FLAGS);
  for (const [jobs, cores] of [
    [2, 2],
    [1, 1],
    [8, 8],
    [4, 2],
  ]) {
    const flags = checkerFlags(jobs, cores);
    expect(flags.slice(0, V8_FLAGS.length)).toEqual(V8_FLAGS);
    expect(Number(budget(flags)!.split('=')[1])).toBe(2 * 67584);
  }
});

describe('a real folder of submissions: every file is checked or listed with its reason (issue 36 points 7–9)', () => {
  const folder = path.join(dir, 'submissions');
  beforeAll(async () => {
    fs.mkdirSync(path.join(folder, 'locked'), { recursive: true });
    fs.copyFileSync(clean, path.join(folder, 'a-部门.xlsx'));
    fs.copyFileSync(clean, path.join(folder, 'b-宏.xlsm'));
    fs.writeFileSync(path.join(folder, 'c-旧版.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    fs.writeFileSync(path.join(folder, 'd-wps.et'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    fs.writeFileSync(path.join(folder, 'e-导出.csv'), '科目编码,合计\n201,1.00\n');
    fs.writeFileSync(path.join(folder, '说明.pdf'), '%PDF-1.4');
    fs.copyFileSync(clean, path.join(folder, 'locked', 'x.xlsx'));
    fs.chmodSync(path.join(folder, 'locked'), 0o000);
  });
  afterAll(() => fs.chmodSync(path.join(folder, 'locked'), 0o755));

  test('collectFiles: .xlsx and .xlsm checked; .xls, .et, .csv and an unreadable folder listed with what to do; other files named', () => {
    // The folder without permission, as an ordinary user meets it (root opens any folder): readdir says EACCES.
    const real = fs.readdirSync;
    const spy = jest.spyOn(fs, 'readdirSync').mockImplementation(((p: fs.PathLike, o?: unknown) => {
      if (String(p).endsWith('locked')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return (real as (p: fs.PathLike, o?: unknown) => unknown)(p, o);
    }) as typeof fs.readdirSync);
    let c: ReturnType<typeof collectFiles>;
    try {
      c = collectFiles([folder]);
    } finally {
      spy.mockRestore();
    }
    expect(c.files.map((f) => path.basename(f))).toEqual(['a-部门.xlsx', 'b-宏.xlsm']);
    const reasons = Object.fromEntries(c.notRead.map((n) => [path.basename(n.file), n.reason]));
    expect(reasons['c-旧版.xls']).toMatch(/另存为 \.xlsx/);
    expect(reasons['d-wps.et']).toMatch(/WPS 表格文件（\.et）/);
    expect(reasons['e-导出.csv']).toMatch(/\.csv/);
    expect(reasons['locked']).toMatch(/无法打开这个文件夹（EACCES）/);
    expect(c.others.map((f) => path.basename(f))).toEqual(['说明.pdf']);
  });

  test('the batch lists them, exits 2, and a report saved in the folder is passed over on the next run', async () => {
    const report = path.join(folder, '报告.xlsx');
    const r = await run('validate', folder, '--report', report, '--jobs', '1');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/c-旧版\.xls/);
    expect(r.out).toMatch(/另存为 \.xlsx/);
    expect(r.out).toMatch(/另有 1 个不是工作簿的文件没有读：说明\.pdf/);
    expect(fs.existsSync(report)).toBe(true);
    const again = await run('validate', folder, '--report', report, '--jobs', '1', '--force');
    expect(again.out).not.toMatch(/报告\.xlsx/);
    const json = JSON.parse((await run('validate', folder, '--format', 'json', '--jobs', '1')).out);
    expect(json.otherFiles.map((f: string) => path.basename(f))).toEqual(['说明.pdf']);
    expect(json.files.map((f: { file: string; status: string }) => [path.basename(f.file), f.status])).toEqual(
      expect.arrayContaining([
        ['c-旧版.xls', 'unreadable'],
        ['d-wps.et', 'unreadable'],
        ['e-导出.csv', 'unreadable'],
        ['a-部门.xlsx', 'ok'],
        ['b-宏.xlsm', 'ok'],
      ]),
    );
  }, 60000);
});
