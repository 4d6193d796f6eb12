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
    ['0-秦皇岛.xlsx', 'ok'], ['3-坏文件.xlsx', 'unreadable'], ['2-有错.xlsx', 'ok'], ['1-山海关.xlsx', 'ok'],
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
    ['0-秦皇岛.xlsx', 'ok'], ['big.xlsx', 'unreadable'], ['1-山海关.xlsx', 'ok'], ['2-有错.xlsx', 'ok'],
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
  for (const [jobs, cores] of [[2, 2], [1, 1], [8, 8], [4, 2]]) {
    const flags = checkerFlags(jobs, cores);
    expect(flags.slice(0, V8_FLAGS.length)).toEqual(V8_FLAGS);
    expect(Number(budget(flags)!.split('=')[1])).toBe(2 * 67584);
  }
});
