/**
 * The browser preview's host (issue 37 item 9): a typed figure updates the formulas that read it, as a spreadsheet
 * does (an inserted template's totals), and live checking hears of those cells too; full-width digits and point
 * ("２７．１０", typed with a Chinese input method) are a number.
 */
import { a1 } from '../src/core/grid';
import { detectWorkbook } from '../src/core/detect';
import { LiveValidation } from '../src/core/live';
import { buildTemplate } from '../src/core/templates/template';
import { validateWorkbook } from '../src/core/validate';
import type { LiveChange } from '../src/hosts/host';
import { PreviewHost, typedValue } from '../src/hosts/preview/preview-host';

test('typed values: full-width digits, point, comma and sign are numbers; other text stays as typed', () => {
  expect(typedValue('２７．１０')).toBe(27.1);
  expect(typedValue('１，２３４．５')).toBe(1234.5);
  expect(typedValue('－３')).toBe(-3);
  expect(typedValue('27。10')).toBe(27.1);
  expect(typedValue(' 1,234.50 ')).toBe(1234.5);
  expect(typedValue('')).toBeNull();
  expect(typedValue('待定')).toBe('待定');
  expect(typedValue('（一）')).toBe('（一）');
});

test('two 三公 items typed into an inserted template: its totals recalculate, no error, and live checking hears of the totals', async () => {
  const host = new PreviewHost();
  const t = buildTemplate({ year: 2023, department: '秦皇岛市工业和信息化局' });
  await host.insertSheets(t.workbook.sheets);
  const wb = await host.readWorkbook();
  const live = new LiveValidation(wb);
  const heard: LiveChange[] = [];
  await host.watchChanges((c) => heard.push(c));
  const tp = detectWorkbook(wb).tables.find((x) => x.schema === 'three-public-expenditure')!;
  const total = tp.rows.find((r) => r.item === 'total')!;
  // Typed where a unit types them: the 一般公共预算 column (the 合计 column and row are formulas).
  const role = 'general' in total.amounts ? 'general' : Object.keys(total.amounts)[0];
  const at = (key: string) => {
    const r = tp.rows.find((x) => x.item === key)!;
    return a1(r.amounts[role].row, r.amounts[role].col);
  };
  host.editCell(tp.sheet, at('reception'), '２７．１０');
  host.editCell(tp.sheet, at('abroad'), '3');
  // The 合计 formula now shows the sum, as Excel would.
  const ref = total.amounts.total;
  const sheet = wb.sheets.find((s) => s.name === tp.sheet)!;
  expect(sheet.rows[ref.row][ref.col]!.formula).toBeTruthy();
  expect(sheet.rows[ref.row][ref.col]!.value).toBeCloseTo(30.1, 6);
  expect(
    validateWorkbook(wb)
      .findings.filter((f) => f.severity === 'error')
      .map((f) => f.message),
  ).toEqual([]);
  // Live checking got the typed cell and the recalculated ones: its report is the full run's.
  for (const c of heard) if (c.kind === 'edits') live.apply(c.edits);
  expect(heard.some((c) => c.kind === 'edits' && c.edits.some((e) => e.row === ref.row && e.col === ref.col))).toBe(true);
  expect(live.report.counts.error).toBe(0);
  expect(live.report.findings).toEqual(validateWorkbook(JSON.parse(JSON.stringify(wb))).findings);
});
