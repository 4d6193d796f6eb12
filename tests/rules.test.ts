import type { Workbook } from '../src/core/grid';
import { a1 } from '../src/core/grid';
import { RULES } from '../src/core/rules';
import { validateWorkbook } from '../src/core/validate';
import { layoutWorkbook, locate, setValue } from '../src/samples/layout';
import { seed001Blocks } from '../src/samples/seed001';
import { seed004Blocks } from '../src/samples/seed004';

const seed004 = (o = {}) => layoutWorkbook(seed004Blocks(), { layout: 'sheets', ...o });
const byRule = (wb: Workbook, rule: string) => validateWorkbook(wb).findings.filter((f) => f.rule === rule);

test('rule ids are unique and every rule has a Chinese title', () => {
  const ids = RULES.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const r of RULES) expect(r.title).toMatch(/[\u4e00-\u9fa5]/);
});

describe('seed 001 real rounding residues (尾差) are info, never errors', () => {
  const rep = validateWorkbook(layoutWorkbook(seed001Blocks(), { layout: 'sheets' }).workbook);
  test('no error', () => expect(rep.counts.error).toBe(0));
  test('208 = 85.20 vs 83.45 + 1.74 = 85.19 is reported as info', () => {
    const f = rep.findings.find((x) => x.rule === 'hierarchy.parent' && x.sheet === '2收入总表' && /208/.test(x.message))!;
    expect(f).toMatchObject({ severity: 'info', expected: '85.19', actual: '85.20', difference: '0.01' });
  });
  test('301 = 175.16 vs its 款 175.17 is reported as info', () => {
    const f = rep.findings.find((x) => x.rule === 'hierarchy.parent' && /301 工资福利支出/.test(x.message))!;
    expect(f).toMatchObject({ severity: 'info', expected: '175.17', actual: '175.16' });
    expect(f.cells).toHaveLength(10);
  });
  test('a difference just beyond the (n+1)/2 bound is an error', () => {
    const l = layoutWorkbook(seed001Blocks(), { layout: 'sheets' });
    // 20808 抚恤 1.74 → 1.72: 208 = 85.20 vs 83.45 + 1.72 = 85.17, 3 units > bound 1.5 units.
    setValue(l, locate(l, 'income', 16, 3), 1.72);
    const errs = validateWorkbook(l.workbook).findings.filter((f) => f.severity === 'error' && f.rule === 'hierarchy.parent');
    expect(errs.some((f) => /208/.test(f.message))).toBe(true);
  });
});

test('units are normalised across tables: 基本支出表 in 元, the rest in 万元', () => {
  const blocks = seed004Blocks();
  const basic = blocks.find((b) => b.id === 'general-budget-basic-expenditure')!;
  const rest = layoutWorkbook(
    blocks.filter((b) => b !== basic),
    { layout: 'sheets' },
  );
  const yuan = layoutWorkbook([basic], { layout: 'sheets', unit: '元', sheetNames: ['基本支出表（元）'] });
  const wb: Workbook = { sheets: [...rest.workbook.sheets, ...yuan.workbook.sheets] };
  const rep = validateWorkbook(wb);
  expect(rep.tables.find((t) => t.schema === 'general-budget-basic-expenditure')?.unit).toBe('元');
  expect(rep.counts.error).toBe(0);
  // 基本支出表 合计 10392500 元 → 10492500 元: cross-table check states the expected value in 元.
  setValue(yuan, locate(yuan, 'general-budget-basic-expenditure', 0, 3), 10492500);
  const f = byRule(wb, 'cross.general-basic').find((x) => x.severity === 'error')!;
  expect(f.message).toMatch(/万元/);
  const rep2 = validateWorkbook(wb);
  expect(rep2.findings.some((x) => x.rule === 'cross.general-basic' && x.severity === 'error')).toBe(true);
});

test('cross-table: a summary class row that disagrees with the expenditure table', () => {
  const l = seed004();
  const at = locate(l, 'income-expenditure-summary', 5, 4); // 六、科学技术支出 3000.00
  setValue(l, at, 3100);
  const rep = validateWorkbook(l.workbook);
  const f = rep.findings.find((x) => x.rule === 'cross.summary-expenditure')!;
  expect(f).toMatchObject({ severity: 'error', sheet: '1收支总表', cell: a1(at.row, at.col), expected: '3000.00', actual: '3100.00', difference: '100.00' });
  expect(f.cells).toContainEqual({ sheet: '3支出总表', cell: 'D8' });
  expect(rep.suspects[0]).toMatchObject({ sheet: '1收支总表', cell: a1(at.row, at.col), suggested: '3000.00' });
});

test('meta.year: a table whose budget year differs', () => {
  const blocks = seed004Blocks();
  blocks[8].meta = [['预算单位编码及名称：[471]秦皇岛市工业和信息化局'], ['预算年度：2020', '', '', '金额单位：万元']];
  const f = byRule(layoutWorkbook(blocks, { layout: 'stacked' }).workbook, 'meta.year');
  expect(f).toHaveLength(1);
  expect(f[0]).toMatchObject({ severity: 'error', expected: '2021', actual: '2020', table: 'three-public-expenditure' });
});

test('structure.duplicate-code: the same code twice in one table is an error', () => {
  const blocks = seed004Blocks();
  const basic = blocks.find((b) => b.id === 'general-budget-basic-expenditure')!;
  basic.rows.splice(3, 0, [...basic.rows[2]]);
  const f = byRule(layoutWorkbook(blocks).workbook, 'structure.duplicate-code');
  expect(f).toHaveLength(1);
  expect(f[0].severity).toBe('error');
  expect(f[0].message).toMatch(/30101/);
});

test('structure.empty-note: an empty table without its note is a warning; with the note it is fine', () => {
  const blocks = seed004Blocks();
  blocks.find((b) => b.id === 'state-capital-expenditure')!.notes = [];
  const f = byRule(layoutWorkbook(blocks).workbook, 'structure.empty-note');
  expect(f.map((x) => x.table)).toEqual(['state-capital-expenditure']);
});

test('structure.missing-table: a full disclosure without one of the nine tables', () => {
  const blocks = seed004Blocks().filter((b) => b.id !== 'state-capital-expenditure');
  const f = byRule(layoutWorkbook(blocks).workbook, 'structure.missing-table');
  expect(f).toHaveLength(1);
  expect(f[0].message).toMatch(/国有资本经营预算财政拨款支出表/);
});

test('cross.three-public-basic: 公务接待费 below the basic table 30217 is an error', () => {
  const blocks = seed004Blocks();
  const tp = blocks.find((b) => b.id === 'three-public-expenditure')!;
  // 接待 0.42 → 0.30 with the table's own totals kept consistent (4.25 → 4.13).
  tp.rows[0] = ['1', '合计', '4.13', '4.13', '', ''];
  tp.rows[5] = ['6', '三、公务接待费', '0.30', '0.30', '', ''];
  const rep = validateWorkbook(layoutWorkbook(blocks).workbook);
  const f = rep.findings.filter((x) => x.severity === 'error');
  expect(f.map((x) => x.rule)).toEqual(['cross.three-public-basic']);
  expect(f[0].message).toMatch(/30217/);
});

test('basic.economic-split: a 301 amount in the 公用经费 column is flagged', () => {
  const blocks = seed004Blocks();
  const basic = blocks.find((b) => b.id === 'general-budget-basic-expenditure')!;
  basic.rows[4] = ['5', '30103', '奖金', '16.35', '', '16.35'];
  const l = layoutWorkbook(blocks);
  const at = locate(l, 'general-budget-basic-expenditure', 4, 5);
  const f = byRule(l.workbook, 'basic.economic-split');
  expect(f).toHaveLength(1);
  expect(f[0]).toMatchObject({ severity: 'warning', sheet: '6基本支出表', cell: a1(at.row, at.col) });
  expect(a1(at.row, at.col)).toBe('F11');
});

test('cross.economic-function: 30113 住房公积金 vs 2210201 is a warning', () => {
  const l = seed004();
  setValue(l, locate(l, 'general-budget-basic-expenditure', 9, 3), 50.99);
  const f = byRule(l.workbook, 'cross.economic-function');
  expect(f).toHaveLength(1);
  expect(f[0].severity).toBe('warning');
});

test('structure.code-name: a name differing from the same code elsewhere and from the catalogue', () => {
  const blocks = seed004Blocks();
  blocks.find((b) => b.id === 'expenditure')!.rows[19][2] = '行政运转';
  const f = byRule(layoutWorkbook(blocks).workbook, 'structure.code-name');
  expect(f.length).toBeGreaterThanOrEqual(1);
  expect(f.every((x) => x.severity === 'warning')).toBe(true);
  expect(f.some((x) => /行政运转/.test(x.message))).toBe(true);
});

test('structure.invalid-amount: text that is not a number in an amount cell', () => {
  const l = seed004();
  setValue(l, locate(l, 'three-public-expenditure', 1, 2), '待定');
  const f = byRule(l.workbook, 'structure.invalid-amount');
  expect(f).toHaveLength(1);
  expect(f[0].message).toMatch(/待定/);
});

test('structure.missing-children: a 款 shown without its 项 rows', () => {
  const blocks = seed004Blocks();
  const e = blocks.find((b) => b.id === 'expenditure')!;
  e.rows.splice(12, 1); // remove 2080899 under 20808
  const rep = validateWorkbook(layoutWorkbook(blocks).workbook);
  expect(rep.findings.filter((f) => f.rule === 'structure.missing-children').map((f) => f.message)).toEqual([
    expect.stringMatching(/20808 抚恤 没有列出下级项级科目/),
  ]);
});

test('fiscal summary: per-column balance and the 一般公共预算 column against the general-budget table', () => {
  const l = seed004();
  setValue(l, locate(l, 'fiscal-appropriation-summary', 9, 5), 81.8); // 十、卫生健康支出 一般公共预算 81.81 → 81.80? within rounding → not error
  expect(validateWorkbook(l.workbook).counts.error).toBe(0);
  setValue(l, locate(l, 'fiscal-appropriation-summary', 9, 5), 91.81);
  const rules = new Set(
    validateWorkbook(l.workbook)
      .findings.filter((f) => f.severity === 'error')
      .map((f) => f.rule),
  );
  expect(rules).toEqual(new Set(['row.fiscal-total', 'summary.expenditure-total', 'cross.fiscal-general']));
});

test('structure.merged-data: a merged area over amount cells is a warning, and the sums it breaks are errors', () => {
  const l = seed004();
  const at = locate(l, 'expenditure', 19, 3); // 2150501 行政运行: 合计 691.02 merged over 基本支出 691.02
  const sheet = l.workbook.sheets.find((s) => s.name === at.sheet)!;
  sheet.rows[at.row][at.col + 1] = undefined;
  sheet.merges.push({ top: at.row, left: at.col, bottom: at.row, right: at.col + 1 });
  const rep = validateWorkbook(l.workbook);
  const f = rep.findings.filter((x) => x.rule === 'structure.merged-data');
  expect(f).toHaveLength(1);
  expect(f[0].message).toMatch(/D26:E26 是合并单元格/);
  expect(rep.counts.error).toBeGreaterThan(0);
});

test('fiscal summary: an amount in the 政府性基金 column while the fund table is empty is an error', () => {
  const l = seed004();
  setValue(l, locate(l, 'fiscal-appropriation-summary', 5, 6), 12.5); // 六、科学技术支出 政府性基金
  const rules = validateWorkbook(l.workbook)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => f.rule);
  expect(rules).toContain('cross.fiscal-fund');
});
