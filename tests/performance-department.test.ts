/**
 * 部门整体绩效目标 (issue 15): seeds 000, 002 and 003 as published — the text in column A as pasted from Word, in
 * column B after a blank column, stacked before seed 000's project tables, and seed 003's 部门整体支出绩效指标 table with
 * its 符号 | 值 | 单位 header — are recognised and checked with no finding; each rule is then shown on an injected
 * error; the 部门整体绩效目标表 template (live 资金总额) is checked like a filled one; 生成说明 七 says what was found.
 */
import type { CellValue, Workbook } from '../src/core/grid';
import { sheetFromArray } from '../src/core/grid';
import { detectWorkbook } from '../src/core/detect';
import { addOtherTableFigures, extractFigures } from '../src/core/narrative/figures';
import { generateSections } from '../src/core/narrative/generate';
import { formatTextReport } from '../src/core/report-text';
import { FormulaEvaluator } from '../src/core/templates/evaluate';
import { buildTemplate, setTemplateText, setTemplateValue } from '../src/core/templates/template';
import { validateWorkbook } from '../src/core/validate';
import { layoutWorkbook } from '../src/samples/layout';
import { seed004Blocks } from '../src/samples/seed004';
import { DEPARTMENT_TEXT, SEED003_INDICATOR_TABLE } from './fixtures/performance/department';
import { SEED002_PROJECT_TABLES, SEED003_PROJECT_TABLES } from './fixtures/performance/projects-002-003';
import { projectRows, SEED000_PROJECTS } from './fixtures/performance/seed000';

type Seed = keyof typeof DEPARTMENT_TEXT;
const column = (lines: string[], col = 0): CellValue[][] => lines.map((l) => [...Array(col).fill(null), l]);
const book = (rows: CellValue[][], name = '部门整体绩效目标'): Workbook => ({ sheets: [sheetFromArray(name, rows)] });
const seedRows = (seed: Seed, col = 0, lines = DEPARTMENT_TEXT[seed]): CellValue[][] => [
  ...column(lines, col),
  ...(seed === '003' ? SEED003_INDICATOR_TABLE.map((r) => [...Array(col).fill(null), ...r]) : []),
];
const rules = (wb: Workbook) => validateWorkbook(wb).findings.map((f) => [f.rule, f.severity, f.message]);
const figures = (wb: Workbook) => {
  const det = detectWorkbook(wb);
  return addOtherTableFigures(extractFigures(det.tables), wb, det.others).performance?.department;
};

describe('as published', () => {
  test.each([
    ['000', 0, 14, 0],
    ['000', 1, 14, 0],
    ['002', 0, 4, 0],
    ['003', 0, 25, 7],
    ['003', 2, 25, 7],
  ] as [Seed, number, number, number][])('seed %s, text in column %i: recognised, checked, no finding', (seed, col, items, indicators) => {
    const wb = book(seedRows(seed, col));
    const rep = validateWorkbook(wb);
    expect(rep.findings).toEqual([]);
    expect(rep.others.filter((o) => o.checked).length).toBe(seed === '003' ? 2 : 1); // 003: the text and its indicator table
    expect(formatTextReport('绩效文本.xlsx', rep)).toMatch(/已核对的部门整体绩效目标/);
    expect(figures(wb)).toEqual({ parts: ['总体绩效目标', '分项绩效目标', '工作保障措施'], items, indicators, funds: undefined });
  });

  test('seed 000 as the 绩效文本 prints it: 部门整体 first, then the project tables, all checked in one workbook', () => {
    const rows = [...seedRows('000'), ['第二部分'], ['预算项目绩效目标'], ...SEED000_PROJECTS.flatMap((p) => projectRows(p))];
    const rep = validateWorkbook(book(rows, '绩效文本'));
    expect(rep.findings).toEqual([]);
    expect(rep.others.filter((o) => o.checked).map((o) => o.title)).toEqual(['部门整体绩效目标', ...SEED000_PROJECTS.map((p) => p.title)]);
    const sections = generateSections(addOtherTableFigures(extractFigures([]), book(rows, '绩效文本'), detectWorkbook(book(rows, '绩效文本')).others));
    const seven = sections.find((s) => s.id === '七')!;
    expect(seven.text).toMatch(/共有 2 个项目编报了绩效目标/);
    expect(seven.text).toMatch(/部门整体绩效目标（总体绩效目标、分项绩效目标、工作保障措施），分项绩效目标 14 项/);
    expect(seven.text).toMatch(/【请填写：部门整体绩效目标的主要内容】/);
  });
});

describe('each rule on an injected error', () => {
  const without = (seed: Seed, drop: (l: string, i: number) => boolean) => DEPARTMENT_TEXT[seed].filter((l, i) => !drop(l, i));

  test('a part missing, a part left empty', () => {
    const noMeasures = without('002', (l, i) => i >= DEPARTMENT_TEXT['002'].indexOf('三、工作保障措施'));
    expect(rules(book(seedRows('002', 0, noMeasures)))).toEqual([['performance.department-part', 'warning', '2022年部门整体绩效目标缺少“工作保障措施”部分']]);
    const lines = DEPARTMENT_TEXT['002'];
    const from = lines.indexOf('一、总体绩效目标');
    const emptyGoal = without('002', (_, i) => i === from + 1);
    expect(rules(book(seedRows('002', 0, emptyGoal)))).toEqual([
      ['performance.department-part', 'warning', '2022年部门整体绩效目标的“总体绩效目标”下没有内容'],
    ]);
  });

  test('a 分项 of a labelled list without its 绩效指标', () => {
    const lines = DEPARTMENT_TEXT['000'];
    const i = lines.findIndex((l) => l.startsWith('（三）'));
    const dropped = without('000', (l, j) => j > i && j < i + 3 && l.startsWith('绩效指标'));
    expect(dropped.length).toBe(lines.length - 1);
    const r = rules(book(seedRows('000', 0, dropped)));
    expect(r).toHaveLength(1);
    expect(r[0]).toEqual([
      'performance.department-part',
      'warning',
      expect.stringMatching(/^部门整体绩效目标：分项“（三）促进工业节能减排与资源综合利用.*没有写明绩效指标$/),
    ]);
  });

  const table = (edit: (rows: CellValue[][]) => void) => {
    const rows = SEED003_INDICATOR_TABLE.map((r) => [...r]);
    edit(rows);
    return book([...column(DEPARTMENT_TEXT['003']), ...rows]);
  };

  test('the indicator table: 值 missing after ≥, a percentage over 100, a 二级 under the wrong 一级', () => {
    expect(rules(table((r) => (r[4][6] = '')))).toEqual([['performance.indicator-value', 'error', '部门整体支出绩效指标：“工作合格率”的指标值“≥”缺少数值']]);
    expect(rules(table((r) => (r[9][6] = '120.00')))).toEqual([
      ['performance.indicator-value', 'warning', '部门整体支出绩效指标：“服务企业满意度”的指标值为 120.00%，超过 100%，请核对'],
    ]);
    expect(rules(table((r) => (r[8][1] = '数量')))).toEqual([
      ['performance.indicator-level', 'warning', '部门整体支出绩效指标：二级指标“数量”不属于一级指标“效果指标”，应在“产出指标”下'],
    ]);
    // 文字描述 with no number is fine (as published); a ≤ over 100% is not questioned.
    expect(rules(table((r) => ((r[7][5] = '≤'), (r[7][6] = '150.00'), (r[7][7] = '%'))))).toEqual([]);
  });

  test('project tables too: a 成本指标 in 万元 above the 预算数, and a ≥ without a number', () => {
    const p = SEED000_PROJECTS[0];
    const budget = Number(p.budget) / 10000; // the table is in 元
    const cost = (value: string): typeof p => ({ ...p, indicators: [...p.indicators, ['产出指标', '成本指标', '人均保险费', '人均保险费用', value]] });
    const wbOf = (proj: typeof p) => book(projectRows(proj), '项目');
    expect(rules(wbOf(cost(`${(budget + 1).toFixed(2)}万元`)))).toEqual([
      ['performance.indicator-budget', 'warning', expect.stringMatching(/人均保险费”的指标值 .*万元 超过项目预算数/)],
    ]);
    expect(rules(wbOf(cost(`${(budget / 2).toFixed(2)}万元`)))).toEqual([]);
    expect(rules(wbOf(cost('≥')))).toEqual([['performance.indicator-value', 'error', '保险费绩效目标表：“人均保险费”的指标值“≥”缺少数值']]);
  });
});

describe('the 部门整体绩效目标表 template', () => {
  const template = () => buildTemplate({ year: 2027, department: '某某局', optional: ['department-performance'], inputRows: 5 });

  test('blank: recognised, no finding for the empty form; 年度资金总额 is a live sum', () => {
    const t = template();
    const rep = validateWorkbook(t.workbook);
    expect(rep.others.find((o) => o.title === '部门整体绩效目标表')).toMatchObject({ checked: true });
    expect(rep.findings.filter((f) => f.rule.startsWith('performance'))).toEqual([]);
    setTemplateValue(t, 'department-performance', 0, 3, 800);
    setTemplateValue(t, 'department-performance', 0, 5, 25.5);
    new FormulaEvaluator(t.workbook).evaluateAll();
    const det = detectWorkbook(t.workbook);
    expect(addOtherTableFigures(extractFigures(det.tables), t.workbook, det.others).performance?.department?.funds?.toString()).toBe('825.5');
  });

  test('filled in the form: the parts beside their labels count; a typed-over 资金总额 is an error; with the budget tables, a total unlike the 支出 is a warning', () => {
    const t = template();
    for (const [row, text] of [
      [1, '保障机关运转，推进工业转型升级'],
      [2, '（一）支持工业转型升级'],
      [3, '完善制度建设'],
    ] as [number, string][])
      setTemplateText(t, 'department-performance', row, 1, text);
    setTemplateValue(t, 'department-performance', 0, 3, 800);
    setTemplateValue(t, 'department-performance', 0, 5, 25.5);
    new FormulaEvaluator(t.workbook).evaluateAll();
    expect(validateWorkbook(t.workbook).findings.filter((f) => f.rule.startsWith('performance'))).toEqual([]);
    // The sum typed over with a wrong figure.
    setTemplateValue(t, 'department-performance', 0, 1, 900);
    expect(rules(t.workbook).filter(([r]) => String(r).startsWith('performance'))).toEqual([
      ['performance.budget-sum', 'error', '部门整体绩效目标表：资金总额 900 应等于财政拨款 800 + 其他资金 25.5 = 825.5'],
    ]);
    // Beside seed 004's budget tables (本年支出合计 4,436.20万元).
    setTemplateValue(t, 'department-performance', 0, 1, 825.5);
    const wb: Workbook = {
      sheets: [...layoutWorkbook(seed004Blocks(), { layout: 'sheets' }).workbook.sheets, ...t.workbook.sheets.filter((s) => /部门整体/.test(s.name))],
    };
    expect(rules(wb).filter(([r]) => String(r).startsWith('performance'))).toEqual([
      ['performance.department-funds', 'warning', expect.stringMatching(/资金总额 825\.50万元，与支出表的本年支出合计 4436\.20万元/)],
    ]);
  });
});

describe('项目绩效目标表 of seeds 002 and 003 as published (4 and 16 tables)', () => {
  type Printed = (typeof SEED002_PROJECT_TABLES)[number];
  const shift = (rows: string[][], col: number): CellValue[][] => rows.map((r) => [...Array(col).fill(null), ...r]);
  const layouts: Record<string, (list: Printed[]) => Workbook> = {
    堆叠在一个工作表: (list) =>
      book(
        list.flatMap((p) => [[p.title], ...p.rows, []]),
        '绩效文本',
      ),
    '每表一个工作表，从 B 列开始': (list) => ({ sheets: list.map((p, i) => sheetFromArray(`项目${i + 1}`, shift([[p.title], ...p.rows], 1))) }),
    // 资金支出计划 as numbers with a % format (what Excel keeps when "30%" is typed).
    计划为百分比格式的数字: (list) => {
      const wb = book(
        list.flatMap((p) => [[p.title], ...p.rows, []]),
        '绩效文本',
      );
      const rows = wb.sheets[0].rows;
      rows.forEach((row, i) => {
        if (!/月底/.test(String(rows[i - 1]?.[1]?.value ?? ''))) return; // the row under 3月底 / 6月底 / …
        row?.forEach((c, j) => {
          const m = /^(\d+(?:\.\d+)?)%$/.exec(String(c?.value ?? ''));
          if (m) row[j] = { value: Number(m[1]) / 100, numFmt: '0.00%' };
        });
      });
      expect(rows.some((r) => r?.some((c) => c?.numFmt === '0.00%'))).toBe(true);
      return wb;
    },
  };
  test.each(
    Object.keys(layouts).flatMap(
      (l) =>
        [
          [l, '002', SEED002_PROJECT_TABLES],
          [l, '003', SEED003_PROJECT_TABLES],
        ] as [string, string, Printed[]][],
    ),
  )('%s, seed %s: every table checked, no finding', (layout, _, list) => {
    const rep = validateWorkbook(layouts[layout](list));
    expect(rep.others.filter((o) => o.checked)).toHaveLength(list.length);
    expect(rep.findings).toEqual([]);
  });

  test('injected into the published tables: 财政资金 mistyped, the last period short of 100%, a 数量指标 in 万元 above its 预算数', () => {
    const edit = (list: Printed[], i: number, f: (rows: string[][]) => void) =>
      list.map((p, j) => (j === i ? { ...p, rows: ((r) => (f(r), r))(p.rows.map((r) => [...r])) } : p));
    const r = (list: Printed[]) => rules(layouts['堆叠在一个工作表'](list));
    // 002 №1: 预算数 10.96, 其中：财政资金 10.96 → 10.69.
    expect(r(edit(SEED002_PROJECT_TABLES, 0, (rows) => (rows[2][4] = '10.69')))).toEqual([
      ['performance.budget-sum', 'error', '工信局购置公务用车绩效目标表：预算数 10.96 应等于财政资金 10.69 + 其他资金 0 = 10.69'],
    ]);
    // 003 №16: the plan printed with blanks early and 100.00% at 12月底 → 90.00%.
    expect(r(edit(SEED003_PROJECT_TABLES, 15, (rows) => (rows[5][4] = '90.00%')))).toEqual([
      ['performance.plan', 'error', '王学义药费绩效目标表：资金支出计划最后一期应为 100%，实际为 90%'],
    ]);
    // 002 №1: its 数量指标 "审核金额 10.96万元" equals the 预算数 (fine); 12.00万元 is more than the project has.
    expect(r(edit(SEED002_PROJECT_TABLES, 0, (rows) => (rows[8][4] = '12.00万元')))).toEqual([
      ['performance.indicator-budget', 'warning', '工信局购置公务用车绩效目标表：“审核金额”的指标值 12.00万元 超过项目预算数 10.96万元，请核对'],
    ]);
  });
});
