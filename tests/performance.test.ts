/**
 * 项目绩效目标表 as first-class tables (issue 15), on seed 000's tables as published: a workbook of only these
 * (the separately published 绩效文本) is a normal input; the plan without % signs; the 产出 / 效果 framework;
 * injected errors for each rule; across the workbook with the budget tables; 生成说明 七 from them.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../src/cli/main';
import { Sheet, sheetFromArray, Workbook } from '../src/core/grid';
import { detectWorkbook } from '../src/core/detect';
import { addOtherTableFigures, extractFigures } from '../src/core/narrative/figures';
import { generateSections } from '../src/core/narrative/generate';
import { formatTextReport } from '../src/core/report-text';
import { validateWorkbook } from '../src/core/validate';
import { writeXlsxBuffer } from '../src/hosts/file/xlsx';
import { layoutWorkbook } from '../src/samples/layout';
import { seed004Blocks } from '../src/samples/seed004';
import { Project, projectRows, SEED000_PROJECTS } from './fixtures/performance/seed000';

const stacked = (projects: Project[] = SEED000_PROJECTS, plan?: (p: Project) => (string | number | null)[]): Workbook => ({
  sheets: [
    sheetFromArray(
      '项目绩效目标表',
      projects.flatMap((p) => projectRows(p, plan?.(p))),
    ),
  ],
});
const perSheet = (): Workbook => ({ sheets: SEED000_PROJECTS.map((p, i) => sheetFromArray(`项目${i + 1}`, projectRows(p))) });
const rules = (wb: Workbook) => validateWorkbook(wb).findings.map((f) => [f.rule, f.severity]);

test.each([
  ['stacked on one sheet', stacked],
  ['one per sheet', perSheet],
])('seed 000 as published (%s): both tables checked, no finding', (_, make) => {
  const rep = validateWorkbook(make());
  expect(rep.others.filter((o) => o.checked)).toHaveLength(2);
  expect(rep.findings).toEqual([]);
  expect(formatTextReport('绩效文本.xlsx', rep)).toMatch(/已核对的项目绩效目标表 2 张/);
});

test('a workbook of only 绩效目标表 is a normal input for the CLI: exit 0, and 1 with an error', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-'));
  const ok = path.join(dir, '绩效文本.xlsx');
  fs.writeFileSync(ok, await writeXlsxBuffer(stacked()));
  const io = { out: () => undefined, err: () => undefined };
  expect(await main(['validate', ok], io)).toBe(0);
  const bad = path.join(dir, '绩效文本-错.xlsx');
  fs.writeFileSync(bad, await writeXlsxBuffer(stacked([{ ...SEED000_PROJECTS[0], budget: '4400.00' }, SEED000_PROJECTS[1]])));
  expect(await main(['validate', bad], io)).toBe(1);
});

test('the plan without % signs is checked: a decrease and a last period short of 100 are errors; blanks early are fine', () => {
  expect(rules(stacked(SEED000_PROJECTS, (p) => (p.name === '保险费' ? ['30.00', '60.00', '50.00', '100.00'] : p.plan)))).toEqual([
    ['performance.plan', 'error'],
  ]);
  expect(rules(stacked(SEED000_PROJECTS, (p) => (p.name === '保险费' ? ['30.00', '60.00', '90.00', '90.00'] : p.plan)))).toEqual([
    ['performance.plan', 'error'],
  ]);
  expect(rules(stacked(SEED000_PROJECTS, (p) => (p.name === '保险费' ? [null, null, '90.00', '100.00'] : p.plan)))).toEqual([]);
  // As text with % and as numbers with a % format.
  expect(rules(stacked(SEED000_PROJECTS, () => ['30%', '60%', '90%', '100%']))).toEqual([]);
  const pct: Workbook = stacked();
  const sheet = pct.sheets[0] as Sheet;
  const planRow = sheet.rows.findIndex((r) => r?.some((c) => c?.value === '30.00'));
  sheet.rows[planRow] = [
    undefined,
    undefined,
    { value: 0.3, numFmt: '0.00%' },
    { value: 0.6, numFmt: '0.00%' },
    { value: 0.5, numFmt: '0.00%' },
    { value: 1, numFmt: '0.00%' },
  ];
  expect(rules(pct)).toEqual([['performance.plan', 'error']]);
});

test('the 产出 / 效果 framework: a 数量指标 under 效果指标 is a finding; an unknown 一级 is said, never skipped', () => {
  const wrong = {
    ...SEED000_PROJECTS[0],
    indicators: [...SEED000_PROJECTS[0].indicators, ['', '数量指标', '用车次数', '描述', '48'] as [string, string, string, string, string]],
  };
  expect(validateWorkbook(stacked([wrong, SEED000_PROJECTS[1]])).findings.map((f) => f.message)).toEqual([
    expect.stringMatching(/二级指标“数量指标”不属于一级指标“效果指标”，应在“产出指标”下/),
  ]);
  const unknown = { ...SEED000_PROJECTS[0], indicators: [['成效指标', '社会效益指标', '满意率', '描述', '100']] as [string, string, string, string, string][] };
  expect(validateWorkbook(stacked([unknown])).findings.map((f) => f.message)).toEqual([expect.stringMatching(/一级指标“成效指标”不是常用的一级指标/)]);
  const noThird = {
    ...SEED000_PROJECTS[0],
    indicators: [...SEED000_PROJECTS[0].indicators.slice(0, 2), ['效果指标', '社会效益指标', '', '', ''] as [string, string, string, string, string]],
  };
  expect(validateWorkbook(stacked([noThird])).findings.map((f) => f.message)).toEqual([expect.stringMatching(/一级指标“效果指标”下没有三级指标/)]);
});

test('预算数 = 财政资金 + 其他资金', () => {
  expect(rules(stacked([{ ...SEED000_PROJECTS[0], budget: '4400.00' }]))).toEqual([['performance.budget-sum', 'error']]);
});

test('with the budget tables: project names unique, Σ 预算数 not above 项目支出 (warnings), and 生成说明 七 from them', () => {
  const budget = layoutWorkbook(seed004Blocks(), { layout: 'sheets' }).workbook;
  const projects = stacked().sheets[0];
  const wb: Workbook = { sheets: [...budget.sheets, projects] };
  expect(validateWorkbook(wb).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  const det = detectWorkbook(wb);
  const f = addOtherTableFigures(extractFigures(det.tables), wb, det.others);
  expect(f.performance).toMatchObject({ projects: 2 });
  expect(f.performance!.total.toFixed(2)).toBe('50.40'); // 4,000 元 + 500,000 元
  const seven = generateSections(f).find((x) => x.id === '七')!;
  expect(seven.text).toMatch(/本部门共有 2 个项目编报了绩效目标，涉及项目预算资金50\.40万元/);
  // The same project twice, and projects worth more than all 项目支出 (3396.95万元).
  const big = { ...SEED000_PROJECTS[1], budget: '40000000.00', fiscal: '40000000.00' };
  const twice: Workbook = { sheets: [...budget.sheets, stacked([SEED000_PROJECTS[0], SEED000_PROJECTS[0], big]).sheets[0]] };
  const rs = validateWorkbook(twice).findings.map((x) => x.rule);
  expect(rs).toContain('performance.unique-name');
  expect(rs).toContain('performance.project-total');
});
