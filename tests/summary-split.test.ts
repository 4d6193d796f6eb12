/**
 * Issue 35 point 3: every amount column of a mapped table takes part. The 收支总表 of a Shanghai 单位预算 (上海市财政局
 * 2025) splits its expenditure side into 合计 | 基本支出 (人员经费 | 公用经费) | 项目支出: those columns are read, summed
 * (支出总计 = Σ类, 合计 = 人员 + 公用 + 项目) and compared with the 支出总表 (基本/项目 per class) and the 基本支出表
 * (人员经费/公用经费 合计); a column whose header no role fits is listed as unchecked in the coverage ledger.
 */
import fs from 'fs';
import path from 'path';
import type { Workbook } from '../src/core/grid';
import { validateWorkbook } from '../src/core/validate';
import { readXlsxFile } from '../src/hosts/file/xlsx';

const dir = path.join(__dirname, '..', '..', 'shared', 'real', 'sh-shi-caizhengju-2025');
const files = ['sh-shi-caizhengju-2025.xlsx', 'sh-shi-caizhengju-2025.joined.xlsx'];
const run = fs.existsSync(dir) ? test : test.skip;

const summarySheet = (wb: Workbook) => wb.sheets.find((s) => /收支预算总表/.test(s.name) && !/财政拨款/.test(s.name))!;
/** The row of the summary whose 支出项目 is `label`, and the column under `header`. */
function at(wb: Workbook, label: RegExp, header: string): { row: number; col: number } {
  const s = summarySheet(wb);
  const row = s.rows.findIndex((r) => (r ?? []).some((c) => label.test(String(c?.value ?? ''))));
  let col = -1;
  s.rows.slice(0, 8).forEach((r) => (r ?? []).forEach((c, i) => String(c?.value ?? '').replace(/\s/g, '') === header && (col = i)));
  return { row, col };
}
const add = (wb: Workbook, label: RegExp, header: string, d: number) => {
  const { row, col } = at(wb, label, header);
  const c = summarySheet(wb).rows[row]![col]!;
  c.value = Number(c.value) + d;
};

describe.each(files)('real 上海市财政局 2025 单位预算 (%s)', (file) => {
  run('as published: the split columns are mapped and checked, all hold; the ledger counts them', async () => {
    const wb = await readXlsxFile(path.join(dir, file));
    const rep = validateWorkbook(wb);
    expect(rep.counts.error).toBe(0);
    const cov = (f: string) => rep.coverage.find((c) => c.family === f)!;
    expect(cov('table:income-expenditure-summary')).toMatchObject({ status: 'checked' });
    expect(cov('table:income-expenditure-summary').checks).toBeGreaterThan(3);
    expect(cov('cross.summary-split')).toMatchObject({ status: 'checked' });
    expect(cov('cross.summary-split').checks).toBeGreaterThanOrEqual(10);
  });

  run('101,200 moved from 人员经费 to 公用经费 in the summary (class 201 and 支出总计 alike): found against the basic table', async () => {
    const wb = await readXlsxFile(path.join(dir, file));
    add(wb, /一般公共服务支出/, '人员经费', 101200);
    add(wb, /一般公共服务支出/, '公用经费', -101200);
    add(wb, /^支出总计$/, '人员经费', 101200);
    add(wb, /^支出总计$/, '公用经费', -101200);
    const errors = validateWorkbook(wb).findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((f) => f.rule === 'cross.summary-split')).toBe(true);
    expect(errors.map((f) => f.message).join('\n')).toMatch(/公用经费.*101,200/);
  });

  run('项目支出 of a class changed alone: its row formula, 支出总计 and the 支出总表 disagree', async () => {
    const wb = await readXlsxFile(path.join(dir, file));
    add(wb, /社会保障和就业支出/, '项目支出', 1000);
    const rules = validateWorkbook(wb)
      .findings.filter((f) => f.severity === 'error')
      .map((f) => f.rule)
      .sort();
    expect(rules).toEqual(['cross.summary-split', 'row.summary-total', 'summary.grand-totals']);
  });

  run('a column whose header no role fits is listed as unchecked, with the reason', async () => {
    const wb = await readXlsxFile(path.join(dir, file));
    const { col } = at(wb, /一般公共服务支出/, '项目支出');
    const s = summarySheet(wb);
    for (const r of s.rows.slice(0, 8)) if (r?.[col] && String(r[col]!.value).replace(/\s/g, '') === '项目支出') r[col] = { value: '待分配' };
    const entry = validateWorkbook(wb).coverage.find((c) => c.family === 'table:income-expenditure-summary')!;
    expect(entry.status).toBe('partial');
    expect(entry.reason).toMatch(/未核对的金额列：“[^”]*待分配”（[A-Z]+ 列）/);
  });
});
