/**
 * A 合计 row whose amounts are not under the amount headings, as a PDF-to-Excel conversion can leave it (issue 37
 * item 6): shifted a column left (into the name column) or right (past the last heading), or none under the
 * headings. It is a warning and a partial entry of the coverage ledger — never 16 checks fewer in silence — and
 * 生成说明 says the table is there but its 合计 row has no amounts, as 校验 lists the table.
 */
import type { Workbook } from '../src/core/grid';
import { detectWorkbook } from '../src/core/detect';
import { validateWorkbook } from '../src/core/validate';
import { extractFigures } from '../src/core/narrative/figures';
import { generateSections, sectionsText } from '../src/core/narrative/generate';
import { layoutWorkbook } from '../src/samples/layout';
import { shanghaiWanli2025 } from './fixtures/provinces/shanghai-wanli-2025';

const workbook = () => layoutWorkbook(shanghaiWanli2025(), { layout: 'sheets' }).workbook;

type Shift = 'left' | 'right' | 'none';

/** Moves the 合计 row's cells of the income and expenditure tables as a conversion can. */
function shifted(how: Shift): Workbook {
  const wb = workbook();
  for (const t of detectWorkbook(wb).tables.filter((x) => x.schema === 'income' || x.schema === 'expenditure')) {
    const total = t.rows.find((r) => r.kind === 'total')!;
    const sheet = wb.sheets.find((s) => s.name === t.sheet)!;
    const row = sheet.rows[total.row];
    const label = total.labelCol!;
    const amountCols = Object.values(total.amounts)
      .map((a) => a.col)
      .sort((a, b) => a - b);
    const cells = amountCols.map((c) => row[c]);
    for (const c of amountCols) row[c] = undefined;
    // The name column (left of the first amount), one column right of each, or nowhere.
    if (how === 'left') cells.forEach((x, i) => (row[amountCols[0] - 1 + i] = x));
    if (how === 'right') cells.forEach((x, i) => (row[amountCols[0] + 1 + i] = x));
    expect(row[label]?.value).toMatch(/合计/);
  }
  return wb;
}

describe('a 合计 row with its amounts out of the amount columns', () => {
  test('the workbook as published has no such finding', () => {
    const rep = validateWorkbook(workbook());
    expect(rep.findings.filter((f) => f.rule === 'structure.total-misplaced')).toEqual([]);
    expect(rep.coverage!.filter((c) => c.status !== 'checked')).toEqual([]);
  });

  test.each(['left', 'right', 'none'] as Shift[])(
    'shifted %s: a warning per table, coverage partial with the reason, no false imbalance, and 生成说明 says the table is there',
    (how) => {
      const good = validateWorkbook(workbook());
      const wb = shifted(how);
      const rep = validateWorkbook(wb);
      // The same nine tables are listed.
      expect(rep.tables.map((t) => t.schema)).toEqual(good.tables.map((t) => t.schema));
      const found = rep.findings.filter((f) => f.rule === 'structure.total-misplaced');
      expect(found.map((f) => [f.table, f.severity])).toEqual([
        ['income', 'warning'],
        ['expenditure', 'warning'],
      ]);
      expect(found[0].message).toMatch(
        how === 'none' ? /收入总表的合计行（第 \d+ 行）在各金额列下没有金额/ : /收入总表的合计行（第 \d+ 行）的数字印在金额列之外（[A-Z] 列）/,
      );
      // Fewer checks ran, and the ledger says so, with why.
      expect(rep.counts.checks).toBeLessThan(good.counts.checks);
      const ledger = (family: string) => rep.coverage!.find((c) => c.family === family)!;
      expect(ledger('table:income')).toMatchObject({ status: 'partial', reason: expect.stringMatching(/合计行（第 \d+ 行）.*涉及合计的核对未进行/) });
      expect(ledger('table:expenditure').status).toBe('partial');
      expect(ledger('cross.summary-income').status).not.toBe('checked');
      // The row's numbers are not read as amounts of other columns: no error at all (the published tables reconcile).
      expect(rep.findings.filter((f) => f.severity === 'error')).toEqual(good.findings.filter((f) => f.severity === 'error'));
      // 生成说明 agrees: the tables are there, their 合计 rows have no readable amounts.
      const text = sectionsText(generateSections(extractFigures(detectWorkbook(wb).tables)));
      expect(text).not.toMatch(/没有可识别的收支总表或收入总表/);
      expect(text).toMatch(/【待补充：工作簿中有收入总表（工作表“[^”]+”），但其合计行（第 \d+ 行）/);
    },
  );

  test('an empty table’s blank 合计 row is no finding (空表列示)', () => {
    const wb = workbook();
    const t = detectWorkbook(wb).tables.find((x) => x.schema === 'government-fund-expenditure')!;
    expect(t.rows.filter((r) => r.kind === 'code')).toEqual([]);
    const sheet = wb.sheets.find((s) => s.name === t.sheet)!;
    const label = t.columns.find((c) => c.role === 'code' || c.role === 'code.class' || c.role === 'name')!.col;
    // Its 合计 row with nothing under the amount headings.
    const at = t.rows.find((r) => r.kind === 'total')?.row ?? t.headerBottom + 1;
    sheet.rows[at] = [];
    sheet.rows[at][label] = { value: '合计' };
    const rep = validateWorkbook(wb);
    expect(rep.findings.filter((f) => f.rule === 'structure.total-misplaced')).toEqual([]);
    expect(rep.coverage!.find((c) => c.family === 'table:government-fund-expenditure')!.status).toBe('checked');
  });
});
