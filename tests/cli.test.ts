import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../src/cli/main';
import { sheetFromArray } from '../src/core/grid';
import { writeXlsxBuffer } from '../src/hosts/file/xlsx';
import { layoutWorkbook, locate, setValue } from '../src/samples/layout';
import { seed004Blocks } from '../src/samples/seed004';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-check-'));
const root = path.resolve(__dirname, '..');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let clean: string;
let broken: string;
let injected: { sheet: string; cell: string };

beforeAll(async () => {
  clean = path.join(dir, 'clean.xlsx');
  fs.writeFileSync(clean, await writeXlsxBuffer(layoutWorkbook(seed004Blocks(), { layout: 'stacked', startCol: 1 }).workbook));
  const l = layoutWorkbook(seed004Blocks(), { layout: 'sheets' });
  const at = locate(l, 'expenditure', 19, 4); // 2150501 行政运行 基本支出 691.02
  setValue(l, at, 619.02);
  injected = { sheet: at.sheet, cell: `${String.fromCharCode(65 + at.col)}${at.row + 1}` };
  broken = path.join(dir, 'broken.xlsx');
  fs.writeFileSync(broken, await writeXlsxBuffer(l.workbook));
});

test('text report on a clean workbook: exit 0, nine tables listed, conclusion', async () => {
  const r = await run('validate', clean);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/识别到 9 张标准表/);
  expect(r.out).toMatch(/部门预算一般公共预算财政拨款基本支出表 {2}部门预算公开表!B\d+:G\d+/);
  expect(r.out).toMatch(/各表勾稽关系全部平衡/);
  expect(r.err).toBe('');
});

test('json report on a workbook with one wrong cell: exit 1, contract fields, injected cell first suspect', async () => {
  const r = await run('validate', broken, '--format', 'json');
  expect(r.code).toBe(1);
  const j = JSON.parse(r.out);
  expect(j.file).toBe('broken.xlsx');
  expect(j.tables).toHaveLength(9);
  expect(Object.keys(j.tables[0]).sort()).toEqual(['department', 'range', 'schema', 'sheet', 'title', 'unit', 'year']);
  expect(j.unmapped).toEqual([]);
  const errs = j.findings.filter((f: { severity: string }) => f.severity === 'error');
  expect(errs.length).toBeGreaterThan(0);
  for (const f of errs) {
    expect(Object.keys(f)).toEqual(expect.arrayContaining(['rule', 'severity', 'message', 'sheet', 'cell', 'cells', 'expected', 'actual', 'difference']));
    expect(f.cell).toMatch(/^[A-Z]+\d+$/);
  }
  expect(j.suspects[0]).toMatchObject({ ...injected, suggested: '691.02' });
  // The contract's fields, plus the additive current value and likelihood in words.
  expect(Object.keys(j.suspects[0]).sort()).toEqual(['cell', 'current', 'likelihood', 'reason', 'score', 'sheet', 'suggested']);
  expect(j.suspects[0]).toMatchObject({ current: '619.02', likelihood: 'likely' });
});

test('unreadable input: exit 2 and one Chinese line on stderr', async () => {
  const bad = path.join(dir, 'bad.xlsx');
  fs.writeFileSync(bad, 'not a workbook');
  const r = await run('validate', bad);
  expect(r.code).toBe(2);
  expect(r.err.split('\n')).toHaveLength(1);
  expect(r.err).toMatch(/不是 \.xlsx/);
});

test('a workbook with no budget table: exit 2 with a message', async () => {
  const f = path.join(dir, 'other.xlsx');
  fs.writeFileSync(
    f,
    await writeXlsxBuffer({
      sheets: [
        sheetFromArray('Sheet1', [
          ['姓名', '电话'],
          ['张三', '123'],
        ]),
      ],
    }),
  );
  const r = await run('validate', f);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/没有找到部门预算公开表/);
});

test('bad usage: exit 2', async () => {
  expect((await run()).code).toBe(2);
  expect((await run('check', clean)).err).toMatch(/未知命令/);
  expect((await run('validate')).err).toMatch(/请指定/);
  expect((await run('validate', clean, '--format', 'xml')).code).toBe(2);
  expect((await run('--help')).code).toBe(0);
});

test('node_modules/.bin/budget-check works from the repo root after the build', () => {
  const bin = path.join(root, 'node_modules', '.bin', 'budget-check');
  const r = spawnSync(bin, ['validate', broken, '--format', 'json'], { cwd: root, encoding: 'utf8' });
  expect(r.status).toBe(1);
  expect(JSON.parse(r.stdout).suspects[0]).toMatchObject(injected);
  const sample = fs.readdirSync(path.join(root, 'samples')).find((f) => f.endsWith('.xlsx'))!;
  const s = spawnSync(bin, ['validate', path.join('samples', sample)], { cwd: root, encoding: 'utf8' });
  expect(s.status).toBe(0);
  expect(s.stdout).toMatch(/识别到 9 张标准表/);
});

test('an empty workbook (one blank sheet): exit 2 with a message', async () => {
  const f = path.join(dir, 'empty.xlsx');
  fs.writeFileSync(f, await writeXlsxBuffer({ sheets: [{ name: 'Sheet1', rows: [], merges: [] }] }));
  const r = await run('validate', f);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/没有找到部门预算公开表/);
});
