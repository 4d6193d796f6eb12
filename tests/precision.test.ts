/**
 * Issue 35 point 1: the rounding bound (尾差) of each cell comes from its own printed precision. A cell printed
 * "16,231,841" among cells printed "….00" may be 0.5 元 off; the difference it leaves is rounding (info), not an
 * error, and the table gets one structure.mixed-precision warning.
 */
import fs from 'fs';
import path from 'path';
import type { Workbook } from '../src/core/grid';
import { validateWorkbook } from '../src/core/validate';
import { readXlsxFile } from '../src/hosts/file/xlsx';
import { layoutWorkbook, locate } from '../src/samples/layout';
import { seed004Blocks } from '../src/samples/seed004';

const real = path.join(__dirname, '..', '..', 'shared', 'real', 'sh-putuo-caizhengju-2025');
const hasReal = fs.existsSync(real);
const realTest = hasReal ? test : test.skip;

/** The cell of a sheet whose value is `v` (the first one). */
function cellWith(wb: Workbook, sheet: RegExp, v: number): { s: Workbook['sheets'][number]; r: number; c: number } {
  const s = wb.sheets.find((x) => sheet.test(x.name))!;
  for (let r = 0; r < s.rows.length; r++) for (let c = 0; c < (s.rows[r]?.length ?? 0); c++) if (s.rows[r]?.[c]?.value === v) return { s, r, c };
  throw new Error(`no ${v} in ${s.name}`);
}

const errorsOf = (wb: Workbook) => validateWorkbook(wb).findings.filter((f) => f.severity === 'error');

describe('a cell printed with fewer decimals than its table (real 普陀区财政局 2025, amounts in 元 with ".00")', () => {
  // 支出总表 2010601 行政运行 合计 16,231,840.80 printed as a whole number: "16,231,841", 0.20 元 from the sums.
  for (const file of ['sh-putuo-caizhengju-2025.xlsx', 'sh-putuo-caizhengju-2025.joined.xlsx']) {
    realTest(`${file}: as published, 0 errors; printed "#,##0" the cell is rounding, not 5 errors, and one mixed-precision warning`, async () => {
      const wb = await readXlsxFile(path.join(real, file));
      expect(errorsOf(wb)).toEqual([]);
      const { s, r, c } = cellWith(wb, /支出预算总表/, 16231840.8);
      s.rows[r]![c] = { ...s.rows[r]![c]!, numFmt: '#,##0' };
      const rep = validateWorkbook(wb);
      expect(rep.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(rep.suspects).toEqual([]);
      const mixed = rep.findings.filter((f) => f.rule === 'structure.mixed-precision');
      expect(mixed).toHaveLength(1);
      expect(mixed[0]).toMatchObject({ severity: 'warning', table: 'expenditure', sheet: s.name });
      expect(mixed[0].message).toMatch(/多数显示 2 位小数，有 1 格只显示 0 位（[A-Z]+\d+“16231841”）/);
      // The sums it takes part in differ by 0.20 元, within its own half unit: rounding, said as such.
      const info = rep.findings.filter((f) => f.severity === 'info' && f.difference && /0\.20$/.test(f.difference));
      expect(info.length).toBeGreaterThanOrEqual(3);
    });
  }

  realTest('the same as text "16,231,841" (its text is its precision)', async () => {
    const wb = await readXlsxFile(path.join(real, 'sh-putuo-caizhengju-2025.xlsx'));
    const { s, r, c } = cellWith(wb, /支出预算总表/, 16231840.8);
    s.rows[r]![c] = { value: '16,231,841' };
    const rep = validateWorkbook(wb);
    expect(rep.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(rep.findings.filter((f) => f.rule === 'structure.mixed-precision')).toHaveLength(1);
  });

  realTest('beyond half a unit of what the cell shows, still an error, and the cell is the first suspect', async () => {
    const wb = await readXlsxFile(path.join(real, 'sh-putuo-caizhengju-2025.xlsx'));
    const { s, r, c } = cellWith(wb, /支出预算总表/, 16231840.8);
    s.rows[r]![c] = { value: 16231842, numFmt: '#,##0' }; // 1.20 元 off: more than 0.5 + the others' 0.005s
    const rep = validateWorkbook(wb);
    expect(rep.counts.error).toBeGreaterThan(0);
    expect(`${rep.suspects[0].sheet}!${rep.suspects[0].cell}`).toBe(`${s.name}!${'E'}${r + 1}`);
  });
});

describe('a table that never prints a trailing zero prints its numbers in full (real 万里街道 2024, 三公 in 万元)', () => {
  const file = path.join(__dirname, '..', '..', 'shared', 'real', 'sh-putuo-wanli-jiedao-2024', 'sh-putuo-wanli-jiedao-2024.joined.xlsx');
  (fs.existsSync(file) ? test : test.skip)('"25" beside "21.56", "46.56": exact, no mixed-precision warning; a 0.35 difference stays an error', async () => {
    const wb = await readXlsxFile(file);
    expect(validateWorkbook(wb).findings.filter((f) => f.rule === 'structure.mixed-precision')).toEqual([]);
    // 公务用车购置及运行费 46.56 = 购置费 25 + 运行费 21.56; printed 46.91 it is 0.35 off, more than 3 half hundredths.
    const { s, r, c } = cellWith(wb, /三公/, 46.56);
    s.rows[r]![c] = { ...s.rows[r]![c]!, value: 46.91 };
    const vehicle = (f: { rule: string; message: string }) =>
      f.rule === 'three-public.items' && /^“三公”经费支出表「公务用车购置及运行维护费」/.test(f.message);
    expect(errorsOf(wb).filter(vehicle)).toHaveLength(1);
    // Printed "46.90" the table shows a trailing zero: "25" is then rounded coarser, and the 0.34 is rounding.
    s.rows[r]![c] = { ...s.rows[r]![c]!, value: 46.9 };
    const rep = validateWorkbook(wb);
    expect(rep.findings.filter((f) => f.severity === 'error' && vehicle(f))).toEqual([]);
    expect(rep.findings.filter((f) => f.severity === 'info' && vehicle(f))).toHaveLength(1);
    expect(rep.findings.filter((f) => f.rule === 'structure.mixed-precision')).toHaveLength(1);
  });
});

describe('generated: seed 004 (万元, ".00"), one cell printed with no decimals', () => {
  test('the basic table 合计 1039.25 printed "1039" is rounding; a General-format whole number is not loosened', () => {
    const blocks = seed004Blocks();
    const l = layoutWorkbook(blocks, { layout: 'sheets' });
    expect(errorsOf(l.workbook)).toEqual([]);
    // The basic table's 合计 row, 合计 column: shown without decimals.
    const basic = blocks.find((b) => b.id === 'general-budget-basic-expenditure')!;
    const ri = basic.rows.findIndex((x) => /合计/.test(x.join('')));
    const at = locate(l, basic.id, ri, 3);
    const cell = l.workbook.sheets.find((x) => x.name === at.sheet)!.rows[at.row]![at.col]!;
    const old = Number(cell.value);
    expect(old % 1).not.toBe(0);
    // Printed as a whole number of 万元: differs from the sums by less than 0.5.
    cell.numFmt = '0';
    const rep = validateWorkbook(l.workbook);
    expect(rep.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(rep.findings.filter((f) => f.rule === 'structure.mixed-precision')).toHaveLength(1);
    // The same whole number in General format is shown in full: exact, so the difference is an error again.
    cell.value = Math.round(old);
    cell.numFmt = 'General';
    const again = validateWorkbook(l.workbook);
    expect(again.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
    expect(again.findings.filter((f) => f.rule === 'structure.mixed-precision')).toEqual([]);
  });
});
