/**
 * Layouts of other provinces (issue 10), on real published tables: 上海市普陀区万里街道 2025 (all nine tables, 元,
 * 类 | 款 | 项 in three columns, a horizontal 三公 table in 万元 with 机关运行经费) and the 三公 tables of two more
 * 普陀区 departments; then the layouts the seeds don't show, made from them: codes with lost leading zeros, class
 * printed once, code and name in one cell, misprinted codes, former class names, no title, 单位预算 titles.
 */
import { cellText, Sheet, sheetFromArray, Workbook } from '../src/core/grid';
import { detectWorkbook, matchTitle } from '../src/core/detect';
import { formatTextReport } from '../src/core/report-text';
import { SCHEMAS } from '../src/core/schemas';
import { validateWorkbook } from '../src/core/validate';
import { layoutWorkbook } from '../src/samples/layout';
import { seed004Blocks } from '../src/samples/seed004';
import { shanghaiThreePublic, shanghaiWanli2025 } from './fixtures/provinces/shanghai-wanli-2025';

const NEUTRAL = ['表1', '表2', '表3', '表4', '表5', '表6', '表7', '表8', '表9'];
const wanli = (layout: 'sheets' | 'stacked' = 'sheets') => layoutWorkbook(shanghaiWanli2025(), { layout, sheetNames: NEUTRAL });
const bySeverity = (rep: ReturnType<typeof validateWorkbook>, sev: string) => rep.findings.filter((f) => f.severity === sev);

function cell(wb: Workbook, sheet: string, row: number, col: number) {
  return wb.sheets.find((s) => s.name === sheet)!.rows[row]?.[col];
}
function findRow(s: Sheet, pred: (texts: string[]) => boolean): number {
  return s.rows.findIndex((r) => !!r && pred(r.map((c) => cellText(c))));
}

describe('上海市普陀区万里街道 2025, as published', () => {
  test.each(['sheets', 'stacked'] as const)('layout %s: all nine tables mapped, no error, the real 1-元 residues are 尾差', (layout) => {
    const rep = validateWorkbook(wanli(layout).workbook);
    expect(rep.unmapped).toEqual([]);
    expect(rep.tables.map((t) => t.schema).sort()).toEqual(SCHEMAS.map((s) => s.id).sort());
    expect(bySeverity(rep, 'error')).toEqual([]);
    // No warning: every code it prints is in the catalogue (before issue 35: one unknown-code warning per code table, for the 37 codes the catalogue lacked).
    expect(bySeverity(rep, 'warning')).toEqual([]);
    // Real published residues (212 01: 94,995,790 vs 94,995,789) are reported as rounding, in 3 tables.
    const info = bySeverity(rep, 'info');
    expect(info.filter((f) => f.rule === 'hierarchy.parent')).toHaveLength(8);
    expect(info.filter((f) => /row\.(expenditure|general)-total/.test(f.rule)).map((f) => f.message)).toEqual([
      expect.stringContaining('21201 城乡社区管理事务」合计为 94,995,790，基本支出 + 项目支出为 94,995,789，相差 1元'),
      expect.stringContaining('21201 城乡社区管理事务」合计为 94,995,790，基本支出 + 项目支出为 94,995,789，相差 1元'),
    ]);
    for (const t of rep.tables) {
      expect(t.year).toBe(2025);
      expect(t.department).toBe('上海市普陀区人民政府万里街道办事处');
      expect(t.unit).toBe(t.schema === 'three-public-expenditure' ? '万元' : '元');
    }
    expect(rep.coverage.filter((c) => c.status !== 'checked')).toEqual([]);
    expect(rep.counts.checks).toBeGreaterThan(700);
    expect(formatTextReport('x.xlsx', rep)).not.toMatch(/未能进行/);
  });

  test('codes in three columns are joined (201 | 05 | 07 → 2010507); the 三公 items are read from columns', () => {
    const det = detectWorkbook(wanli().workbook);
    const exp = det.tables.find((t) => t.schema === 'expenditure')!;
    expect(
      exp.rows
        .filter((r) => r.kind === 'code')
        .map((r) => r.code)
        .slice(0, 3),
    ).toEqual(['201', '20105', '2010507']);
    expect(exp.rows.filter((r) => r.kind === 'code')).toHaveLength(66);
    const basic = det.tables.find((t) => t.schema === 'general-budget-basic-expenditure')!;
    expect(basic.rows.find((r) => r.code === '30217')!.amounts.total.value.toString()).toBe('13500');
    const tp = det.tables.find((t) => t.schema === 'three-public-expenditure')!;
    const v = (k: string) => tp.rows.find((r) => r.item === k)!.amounts.total.value.toString();
    expect(['total', 'abroad', 'reception', 'vehicle', 'purchase', 'operation'].map(v)).toEqual(['37.91', '0', '1.35', '36.56', '15', '21.56']);
    expect(tp.figures.running.value.toString()).toBe('464.64');
    // Cross-table checks ran across units: 三公 in 万元 against the basic table in 元.
    const rep = validateWorkbook(wanli().workbook);
    expect(rep.coverage.find((c) => c.family === 'cross.three-public-basic')).toMatchObject({ status: 'checked' });
    expect(rep.coverage.find((c) => c.family === 'cross.three-public-basic')!.checks).toBe(2);
  });

  test('an amount changed in a 项 row is found and its cell is the first suspect', () => {
    const l = wanli();
    const s = l.workbook.sheets.find((x) => x.name === '表3')!;
    const r = findRow(s, (t) => t[0] === '208' && t[1] === '07' && t[2] === '05');
    s.rows[r][4] = { value: '528,800' };
    const rep = validateWorkbook(l.workbook);
    expect(bySeverity(rep, 'error').length).toBeGreaterThan(0);
    expect(rep.suspects[0]).toMatchObject({ sheet: '表3', cell: `E${r + 1}` });
    expect(rep.suspects[0].suggested).toBe('582800');
  });

  test('三公 tables of two more 普陀区 departments (blanks for absent items) reconcile', () => {
    for (const [dept, values, running] of [
      ['上海市普陀区人民政府办公室', ['867.50', '839.00', '28.50', '', '', '', '213.28'], '213.28'],
      ['上海市普陀区财政局', ['0.95', '', '0.95', '', '', '', '229.43'], '229.43'],
    ] as const) {
      const wb = layoutWorkbook([shanghaiThreePublic(dept, [...values])], { layout: 'sheets', sheetNames: ['三公'] }).workbook;
      const det = detectWorkbook(wb);
      expect(det.tables[0].schema).toBe('three-public-expenditure');
      expect(det.tables[0].figures.running.value.toFixed(2)).toBe(running);
      const rep = validateWorkbook(wb);
      expect(bySeverity(rep, 'error')).toEqual([]);
      expect(rep.counts.checks).toBe(2);
    }
    const wrong = layoutWorkbook([shanghaiThreePublic('上海市普陀区财政局', ['0.95', '', '0.59', '', '', '', '229.43'])], { layout: 'sheets' }).workbook;
    expect(bySeverity(validateWorkbook(wrong), 'error').map((f) => f.rule)).toEqual(['three-public.items']);
  });
});

describe('code layouts the seeds do not show', () => {
  const exp = () => shanghaiWanli2025().find((b) => b.id === 'expenditure')!;
  const alone = (rows: string[][]) => layoutWorkbook([{ ...exp(), rows }], { layout: 'sheets', sheetNames: ['支出'] }).workbook;

  test('款/项 with the leading zero lost ("5" for "05") and the class printed only where it changes', () => {
    const rows = exp().rows.map((r, i, all) => {
      const out = r.slice();
      if (/^\d+$/.test(out[1])) out[1] = String(Number(out[1]));
      if (/^\d+$/.test(out[2])) out[2] = String(Number(out[2]));
      if (i > 0 && out[0] === all[i - 1][0] && /^\d{3}$/.test(out[0])) out[0] = '';
      return out;
    });
    const rep = validateWorkbook(alone(rows));
    expect(bySeverity(rep, 'error')).toEqual([]);
    const t = detectWorkbook(alone(rows)).tables[0];
    expect(t.rows.filter((r) => r.kind === 'code').map((r) => r.code)).toEqual(
      detectWorkbook(alone(exp().rows))
        .tables[0].rows.filter((r) => r.kind === 'code')
        .map((r) => r.code),
    );
  });

  test('code and name in one cell ("2010507 专项普查活动"), and codes with spaces ("201 05 07")', () => {
    const joined = exp().rows.filter((r) => r[0] !== '项目' && r[0] !== '功能分类科目编码' && r[0] !== '类');
    const oneCell = joined.map((r) => (r[0] === '合计' ? ['合计', '', ...r.slice(4)] : [`${r[0]}${r[1]}${r[2]} ${r[3]}`, '', ...r.slice(4)]));
    const spaced = joined.map((r) => (r[0] === '合计' ? ['合计', '', ...r.slice(4)] : [[r[0], r[1], r[2]].filter(Boolean).join(' '), r[3], ...r.slice(4)]));
    for (const [label, body] of [
      ['一格', oneCell],
      ['空格', spaced],
    ] as const) {
      const wb = {
        sheets: [sheetFromArray(label, [['2025年部门支出预算总表'], ['单位：元'], ['科目编码', '科目名称', '合计', '基本支出', '项目支出'], ...body])],
      };
      const rep = validateWorkbook(wb);
      expect(rep.tables.map((t) => t.schema)).toEqual(['expenditure']);
      expect(bySeverity(rep, 'error')).toEqual([]);
      expect(detectWorkbook(wb).tables[0].rows.filter((r) => r.kind === 'code')).toHaveLength(66);
    }
  });

  test('a misprinted class ("7" for 207) is one code finding with the probable code, not amount errors', () => {
    const rows = exp().rows.map((r) => (r[0] === '207' && !r[1] ? ['7', ...r.slice(1)] : r));
    const rep = validateWorkbook(alone(rows));
    const errs = bySeverity(rep, 'error');
    expect(errs.map((f) => f.rule)).toEqual(['structure.code-misprint']);
    expect(errs[0].message).toMatch(/“文化旅游体育与传媒支出”的科目编码印为“7”，不是有效的编码，应为 207/);
    expect(rep.suspects).toEqual([]);
  });

  test('"3012" under 301 is read as 30102 by its name (津贴补贴); an unreadable code leaves its sums unchecked, said so', () => {
    const basicBlock = shanghaiWanli2025().find((b) => b.id === 'general-budget-basic-expenditure')!;
    const misprint = basicBlock.rows.map((r) => (r[0] === '301' && r[1] === '02' ? ['3012', '', ...r.slice(2)] : r));
    const wb = layoutWorkbook([{ ...basicBlock, rows: misprint }], { layout: 'sheets' }).workbook;
    const errs = bySeverity(validateWorkbook(wb), 'error');
    expect(errs.map((f) => f.rule)).toEqual(['structure.code-misprint']);
    expect(errs[0].message).toMatch(/应为 30102/);
    const garbled = basicBlock.rows.map((r) => (r[0] === '301' && r[1] === '02' ? ['3', '', '津贴', ...r.slice(3)] : r));
    const rep = validateWorkbook(layoutWorkbook([{ ...basicBlock, rows: garbled }], { layout: 'sheets' }).workbook);
    expect(bySeverity(rep, 'error').map((f) => f.rule)).toEqual(['structure.code-misprint']);
    expect(bySeverity(rep, 'error')[0].message).toMatch(/无法判断/);
    expect(rep.coverage.find((c) => c.family === 'table:general-budget-basic-expenditure')).toMatchObject({ status: 'partial' });
    expect(formatTextReport('x', rep)).toMatch(/基本支出表（表内）：1 个科目编码无法识别，相关层级核对未进行/);
  });
});

describe('titles, structure and the ledger', () => {
  test.each([
    ['部门收支预算总表', 'income-expenditure-summary'],
    ['2025年部门财务收支预算总表', 'income-expenditure-summary'],
    ['预算单位财务收支预算总表', 'income-expenditure-summary'],
    ['单位收入预算总表', 'income'],
    ['表2 部门收入预算总表', 'income'],
    ['部门支出预算总表', 'expenditure'],
    ['单位支出总表', 'expenditure'],
    ['财政拨款收支预算总表', 'fiscal-appropriation-summary'],
    ['上海市XX局2024年单位财政拨款收支总表', 'fiscal-appropriation-summary'],
    ['一般公共预算支出功能分类预算表', 'general-budget-expenditure'],
    ['单位一般公共预算拨款表', 'general-budget-expenditure'],
    ['一般公共预算基本支出部门预算经济分类预算表', 'general-budget-basic-expenditure'],
    ['单位一般公共预算拨款基本支出明细表', 'general-budget-basic-expenditure'],
    ['政府性基金预算支出功能分类预算表', 'government-fund-expenditure'],
    ['部门预算政府基金预算财政拨款支出表', 'government-fund-expenditure'],
    ['国有资本经营预算支出功能分类预算表', 'state-capital-expenditure'],
    ['“三公”经费和机关运行经费预算表', 'three-public-expenditure'],
    ['单位“三公”经费和机关运行费预算表', 'three-public-expenditure'],
    ['部门预算财政拨款“三公”经费支出表', 'three-public-expenditure'],
  ])('%s → %s', (title, schema) => {
    expect(matchTitle(title)?.schema?.id).toBe(schema);
  });

  // Table titles exactly as other provinces print them in their disclosures' tables of contents (the tables
  // themselves are published as attachments the search could not reach):
  //  - Guangxi, 防城港市公共资源交易中心 2018年部门预算 (fcgggzy.cn, 2018部门预算公开);
  //  - Shandong, 省民主党派 2017年部门预算 and 山东省商业集团 2016年部门预算 (docsplayer.com, 2018年山东省商业集团有限公司部门预算);
  //  - Chongqing, 秀山土家族苗族自治县人民法院 (ibid., 表 1).
  test.each([
    ['财政拨款收支总表', 'fiscal-appropriation-summary'],
    ['一般公共预算支出表', 'general-budget-expenditure'],
    ['一般公共预算基本支出表', 'general-budget-basic-expenditure'],
    ['部门预算资金安排的“三公”经费情况表', 'three-public-expenditure'],
    ['政府性基金预算拨款支出预算表', 'government-fund-expenditure'],
    ['部门收支总表', 'income-expenditure-summary'],
    ['部门收入总表', 'income'],
    ['部门支出总表', 'expenditure'],
    ['收支预算总表', 'income-expenditure-summary'],
    ['收入预算表', 'income'],
    ['支出预算表', 'expenditure'],
    ['财政拨款收支预算表', 'fiscal-appropriation-summary'],
    ['政府性基金预算支出表', 'government-fund-expenditure'],
    ['财政拨款安排的基本支出预算表', 'general-budget-basic-expenditure'],
    ['一般公共预算“三公”经费支出表', 'three-public-expenditure'],
    ['2016 年收支预算总表 ( 功能分类科目 )', 'income-expenditure-summary'],
    ['2016 年收支预算总表 ( 经济分类科目 )', 'income-expenditure-summary'],
    ['2016 年收入预算表', 'income'],
    ['2016 年支出预算表', 'expenditure'],
    ['2016 年财政拨款收支预算表', 'fiscal-appropriation-summary'],
    ['表 1 重庆市秀山土家族苗族自治县人民法院财政拨款收支总表', 'fiscal-appropriation-summary'],
  ])("another province's title %s → %s", (title, schema) => {
    expect(matchTitle(title)?.schema?.id).toBe(schema);
  });

  test.each(['政府采购预算表'])("another province's %s is another table", (title) => {
    expect(matchTitle(title)).toEqual({ other: true });
  });

  test.each(['部门财政拨款支出预算明细表', '项目支出预算表', '部门政府采购预算'])('%s is another table, never a standard one', (title) => {
    expect(matchTitle(title)).toEqual({ other: true });
  });

  test('收入支出决算总表 is a 决算 table: another table for the budget checks, with its role kept', () => {
    expect(matchTitle('收入支出决算总表')).toEqual({ other: true, stage: 'final', role: 'income-expenditure-summary' });
  });

  test.each(['注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。', '本表为空表', '一、部门主要职能'])('%s is not a title', (text) => {
    expect(matchTitle(text)).toBeUndefined();
  });

  test('单位预算 titles of every table (seed 004 retitled) are all mapped and reconcile', () => {
    const unitTitles: Record<string, string> = {
      'income-expenditure-summary': '单位收支预算总表',
      income: '单位收入预算总表',
      expenditure: '单位支出预算总表',
      'fiscal-appropriation-summary': '单位财政拨款收支预算总表',
      'general-budget-expenditure': '单位一般公共预算支出功能分类预算表',
      'general-budget-basic-expenditure': '单位一般公共预算基本支出经济分类预算表',
      'government-fund-expenditure': '单位政府性基金预算支出功能分类预算表',
      'state-capital-expenditure': '单位国有资本经营预算支出功能分类预算表',
      'three-public-expenditure': '单位“三公”经费和机关运行经费预算表',
    };
    const blocks = seed004Blocks().map((b) => ({ ...b, title: `2021年${unitTitles[b.id]}` }));
    const rep = validateWorkbook(layoutWorkbook(blocks, { layout: 'stacked' }).workbook);
    expect(rep.tables.map((t) => t.schema).sort()).toEqual(SCHEMAS.map((s) => s.id).sort());
    expect(bySeverity(rep, 'error')).toEqual([]);
  });

  test('a table without a title is recognised by its columns and codes', () => {
    const l = wanli();
    for (const name of ['表8', '表9']) {
      const s = l.workbook.sheets.find((x) => x.name === name)!;
      s.rows[0] = [];
      s.name = name === '表8' ? 'Sheet8' : 'Sheet9';
    }
    const rep = validateWorkbook(l.workbook);
    expect(rep.tables.map((t) => t.schema).sort()).toEqual(SCHEMAS.map((s) => s.id).sort());
    expect(bySeverity(rep, 'error')).toEqual([]);
    expect(detectWorkbook(l.workbook).tables.find((t) => t.sheet === 'Sheet8')!.recognisedBy).toBe('structure');
  });

  test('a title that names the wrong table is corrected by the codes (economic codes under a function title)', () => {
    const b = shanghaiWanli2025().find((x) => x.id === 'general-budget-basic-expenditure')!;
    const wb = layoutWorkbook([{ ...b, title: '2025年部门一般公共预算支出表' }], { layout: 'sheets' }).workbook;
    const t = detectWorkbook(wb).tables[0];
    expect(t.schema).toBe('general-budget-basic-expenditure');
    expect(t.titleSaid).toBe('general-budget-expenditure');
  });

  test('former class name in the summary maps to its code with a warning, never a zero row', () => {
    const blocks = seed004Blocks();
    const summary = blocks.find((b) => b.id === 'income-expenditure-summary')!;
    summary.rows = summary.rows.map((r) => r.map((x) => (x === '十、卫生健康支出' ? '十、医疗卫生与计划生育支出' : x)));
    expect(summary.rows.some((r) => r.includes('十、医疗卫生与计划生育支出'))).toBe(true);
    const rep = validateWorkbook(layoutWorkbook(blocks, { layout: 'sheets' }).workbook);
    expect(bySeverity(rep, 'error')).toEqual([]);
    expect(bySeverity(rep, 'warning').map((f) => f.message)).toEqual([
      expect.stringMatching(/“十、医疗卫生与计划生育支出”科目名称为旧名称，按 210 卫生健康支出核对/),
    ]);
  });

  test('never silent: a titled table that cannot be mapped is unmapped with its reason, not "missing"; the ledger and the report say what was not checked', () => {
    const l = wanli();
    const s = l.workbook.sheets.find((x) => x.name === '表8')!;
    for (let r = 2; r <= 4; r++) s.rows[r] = [{ value: '？' }, { value: '？' }];
    const rep = validateWorkbook(l.workbook);
    expect(rep.unmapped).toEqual([expect.objectContaining({ sheet: '表8', schema: 'general-budget-basic-expenditure' })]);
    expect(rep.findings.filter((f) => f.rule === 'structure.missing-table')).toEqual([]);
    const gaps = rep.coverage.filter((c) => c.status !== 'checked');
    expect(gaps.map((g) => g.family).sort()).toEqual([
      'cross.economic-function',
      'cross.general-basic',
      'cross.three-public-basic',
      'table:general-budget-basic-expenditure',
    ]);
    expect(gaps[0].reason).toMatch(/在 表8 中但无法识别/);
    const text = formatTextReport('x.xlsx', rep);
    expect(text).toMatch(/4 类核对未能进行/);
    expect(text).toMatch(/不能认为全部平衡/);
    expect(text).not.toMatch(/各表勾稽关系全部平衡/);
  });
});

test('cells of the fixture are as published: amounts as text with thousands separators', () => {
  const wb = wanli().workbook;
  expect(cell(wb, '表1', 4, 1)?.value).toBe('189,767,551');
});

test('a finding in 元 quotes its amounts with thousands separators; its fields (JSON) keep the plain figures (issue 37 item 10)', () => {
  const wb = layoutWorkbook(shanghaiWanli2025(), { layout: 'sheets' }).workbook;
  const t = detectWorkbook(wb).tables.find((x) => x.schema === 'expenditure')!;
  const ref = t.rows.find((r) => r.kind === 'total')!.amounts.total;
  const cell = wb.sheets.find((s) => s.name === t.sheet)!.rows[ref.row][ref.col]!;
  cell.value = Number(String(cell.value).replace(/,/g, '')) - 503724;
  const f = validateWorkbook(wb).findings.find((x) => x.rule === 'row.expenditure-total')!;
  expect(f.message).toMatch(/相差 -503,724元/);
  expect(f.difference).toBe('-503724');
  expect(f.expected).toMatch(/^\d+$/);
});
