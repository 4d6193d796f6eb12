import Decimal from 'decimal.js';
import fs from 'fs';
import path from 'path';
import { detectWorkbook } from '../src/core/detect';
import { checkText } from '../src/core/narrative/check-text';
import { extractFigures } from '../src/core/narrative/figures';
import { changeText, generateSections, governmentLevel, percent, placeholder, sectionsText } from '../src/core/narrative/generate';
import { expenditureBlock, threePublicBlock } from '../src/samples/blocks';
import { layoutWorkbook } from '../src/samples/layout';
import { seed004Blocks } from '../src/samples/seed004';

const fixture = (f: string) => fs.readFileSync(path.join(__dirname, 'fixtures', 'text', f), 'utf8');
const current = () => extractFigures(detectWorkbook(layoutWorkbook(seed004Blocks(), { layout: 'sheets' }).workbook).tables);

/** A 2020 workbook carrying the prior-year figures seed 004's text states (1255.61 total, 4.86 三公…). */
function prior2020() {
  const m = { department: '[471]秦皇岛市工业和信息化局', year: 2020, unit: '万元' as const };
  const e = '';
  const blocks = [
    expenditureBlock(m, [
      ['', '合计', '1255.61', '1210.61', '45.00', e, e, e],
      ['215', '资源勘探工业信息等支出', '1255.61', '1210.61', '45.00', e, e, e],
      ['21505', '工业和信息产业监管', '1255.61', '1210.61', '45.00', e, e, e],
      ['2150501', '行政运行', '1255.61', '1210.61', '45.00', e, e, e],
    ]),
    threePublicBlock(m, {
      total: ['4.86', '4.86', e, e],
      abroad: [e, e, e, e],
      vehicle: ['3.83', '3.83', e, e],
      purchase: [e, e, e, e],
      operation: ['3.83', '3.83', e, e],
      reception: ['1.03', '1.03', e, e],
    }),
  ];
  return extractFigures(detectWorkbook(layoutWorkbook(blocks, { layout: 'sheets' }).workbook).tables);
}

const numbers = (s: string) => [...s.matchAll(/(\d+(?:\.\d+)?)(?=万元|%)/g)].map((m) => new Decimal(m[1]).toString());

test('percentages: |Δ| / prior, 2 decimals, half-up; 新增 and 持平', () => {
  expect(percent(new Decimal('-0.61'), new Decimal('4.86'))).toBe('12.55');
  expect(percent(new Decimal('0.61'), new Decimal('1.03'))).toBe('59.22');
  expect(percent(new Decimal('1'), new Decimal('8'))).toBe('12.50');
  expect(changeText(new Decimal(5), new Decimal(0), '上年')).toMatch(/新增/);
  expect(changeText(new Decimal(5), new Decimal(5), '上年')).toBe('与上年持平');
  expect(governmentLevel('秦皇岛市工业和信息化局')).toBe('市级');
  expect(governmentLevel('香河县工业和信息化局')).toBe('县级');
  expect(governmentLevel('山海关区科工局')).toBe('区级');
});

test('generating from seed 004 reproduces every figure of its published sections 二 to 四', () => {
  const text = sectionsText(generateSections(current(), { prior: prior2020() }));
  const got = new Set(numbers(text));
  for (const n of ['4436.2', '1039.25', '936.21', '103.04', '3396.95', '4.25', '3.83', '0.42', '896.91', '39.3', '4.94', '27.1', '0.44'])
    expect(got).toContain(n);
  // 比上年: 3180.59, 171.36, 3351.95; 三公 0.61 / 12.55%, 接待 0.61 / 59.22%
  for (const n of ['1255.61', '3180.59', '171.36', '3351.95', '4.86', '0.61', '12.55', '1.03', '59.22']) expect(got).toContain(n);
  expect(text).toMatch(/较2020年预算1255\.61万元增加3180\.59万元/);
  expect(text).toMatch(/基本支出减少171\.36万元/);
  expect(text).toMatch(/项目支出增加3351\.95万元/);
  expect(text).toMatch(/预算安排4\.25万元，较上年4\.86万元减少0\.61万元，降低12\.55%/);
  expect(text).toMatch(/公务接待费0\.42万元，较上年1\.03万元减少0\.61万元，降低59\.22%/);
  expect(text).toMatch(/公务用车运行维护费3\.83万元，与上年持平/);
  expect(text).toMatch(/一般公共预算拨款收入：指市级财政/);
});

test('reasons are placeholders until given, and regenerating keeps the reasons the user typed', () => {
  const f = current();
  const first = generateSections(f, { prior: prior2020() });
  expect(first.flatMap((s) => s.placeholders)).toEqual(['收支增减', '三公经费']);
  expect(sectionsText(first)).toContain(placeholder('三公经费'));
  const reasons = { 三公经费: '厉行节约，压缩“三公”经费支出' };
  // The numbers change (a new figure) and the text is regenerated: the reason stays.
  f.values.reception = { value: new Decimal('0.40') };
  const again = sectionsText(generateSections(f, { prior: prior2020(), reasons }));
  expect(again).toContain('“三公”经费增减变化的主要原因：厉行节约，压缩“三公”经费支出。');
  expect(again).not.toContain(placeholder('三公经费'));
  expect(again).toContain(placeholder('收支增减'));
});

test('without a prior workbook or a table, the text says what is missing instead of inventing numbers', () => {
  const text = sectionsText(generateSections(current()));
  expect(text).toMatch(/未提供上年工作簿/);
  const onlyThree = extractFigures(detectWorkbook(layoutWorkbook(seed004Blocks().filter((b) => b.id === 'three-public-expenditure')).workbook).tables);
  const t2 = sectionsText(generateSections(onlyThree));
  expect(t2).toMatch(/没有可识别的支出总表/);
  expect(t2).toMatch(/没有可识别的一般公共预算财政拨款基本支出表/);
});

test("checking seed 004's own published text against its tables raises no error", () => {
  const findings = checkText(fixture('seed004-text-2-4.txt'), current());
  expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
});

test('the same text with one amount changed raises exactly that one, with the table value and cell', () => {
  const text = fixture('seed004-text-2-4.txt').replace('日常公用经费 103.04 万元；', '日常公用经费 130.04 万元；');
  const errors = checkText(text, current()).filter((f) => f.severity === 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({
    rule: 'text.amount',
    stated: '130.04',
    table: '103.04',
    sheet: expect.any(String),
    cell: expect.stringMatching(/^[A-Z]+\d+$/),
  });
  expect(errors[0].sentence).toContain('130.04');
});

test("seed 003's section 二 alone (no workbook) flags its 基本支出 sentence", () => {
  const findings = checkText(fixture('seed003-text-2.txt'), undefined, { year: 2021 });
  const errors = findings.filter((f) => f.severity === 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0].rule).toBe('text.arithmetic');
  expect(errors[0].message).toMatch(/基本支出写为 4624\.64万元，但人员经费 1623\.63 \+ 公用经费 123\.86 = 1747\.49万元/);
  expect(findings.some((f) => f.rule === 'text.leftover' && /有则写/.test(f.message))).toBe(true);
});

test('wrong deltas, percentages and years are flagged', () => {
  const text =
    '2021年预算收支安排4436.2万元，较2020年预算1255.61万元增加3180.95万元。安排“三公”经费总额4.25万元，较上年4.86万元减少0.61万元，降低15.55%。2019年度说明。';
  const rules = checkText(text, undefined, { year: 2021 }).map((f) => f.rule);
  expect(rules).toEqual(expect.arrayContaining(['text.delta', 'text.percent', 'text.year']));
});

describe('五、政府采购预算情况 and 六、国有资产信息 from the optional tables', () => {
  const { addOtherTableFigures } = require('../src/core/narrative/figures');
  const { seed004OptionalBlocks } = require('../src/samples/seed004');
  const withOptional = () => {
    const wb = layoutWorkbook([...seed004Blocks(), ...seed004OptionalBlocks()], { layout: 'stacked' }).workbook;
    const det = detectWorkbook(wb);
    return addOtherTableFigures(extractFigures(det.tables), wb, det.others);
  };
  test('the published totals 290.38 and 1160.08 are written', () => {
    const text = sectionsText(generateSections(withOptional()));
    expect(text).toMatch(/五、政府采购预算情况\n2021年，我部门安排政府采购预算290\.38万元/);
    expect(text).toMatch(/六、国有资产信息\n截至2020年12月31日，本部门资产总价值1160\.08万元/);
  });
  test("seed 004's sentences about them check clean; a changed figure is caught", () => {
    const f = withOptional();
    const text =
      '2020年，我部门安排政府采购预算290.38万元。截止到 2020 年 12 月 31 日资产总价值 1160.08 万元，本年度各单位（处室）拟购置固定资产总额为 290.38 万元。';
    expect(checkText(text, f).filter((x) => x.severity === 'error')).toEqual([]);
    const bad = checkText(text.replace('1160.08', '1106.08'), f).filter((x) => x.severity === 'error');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ rule: 'text.amount', table: '1160.08' });
  });
  test('without those tables the sections still stand, as places to fill listed as 需单位补充 (never 四 then 七)', () => {
    const sections = generateSections(current());
    expect(sections.map((s) => s.id)).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九']);
    expect(sections.find((s) => s.id === '五')!.text).toMatch(/^【请填写：政府采购预算情况/);
    expect(sections.flatMap((s) => s.todo ?? [])).toEqual(expect.arrayContaining(['政府采购预算情况', '国有资产信息']));
  });
});

describe('generation as each department needs it (issue 11)', () => {
  test.each([
    ['河北省市场监督管理局', '省级'],
    ['秦皇岛市工业和信息化局', '市级'],
    ['[471]秦皇岛市工业和信息化局', '市级'],
    ['上海市普陀区人民政府万里街道办事处', '区级'],
    ['内蒙古自治区财政厅', '自治区级'],
    ['鄂托克前旗教育体育局', '旗级'],
    ['香河县工业和信息化局', '县级'],
    ['延边朝鲜族自治州民政局', '州级'],
    ['北京市市政市容管理委员会', '市级'],
  ])('%s is %s', (dept, level) => expect(governmentLevel(dept)).toBe(level));

  test('empty 政府采购 / 资产 tables give 0 wording; missing data is a highlighted place to fill, listed; 一 and 七 are places to fill', () => {
    const { addOtherTableFigures } = require('../src/core/narrative/figures');
    const { seed004OptionalBlocks } = require('../src/samples/seed004');
    const optional = seed004OptionalBlocks().map((b: import('../src/samples/types').TableBlock) => ({
      ...b,
      rows: b.rows.map((r) => (/^(合计|资产总额)/.test(r[0]) || /^(合计|资产总额)/.test(r[1] ?? '') ? r.map((x, i) => (i > 0 && /^\d/.test(x) ? '' : x)) : r)),
    }));
    const wb = layoutWorkbook([...seed004Blocks().filter((b) => b.id !== 'three-public-expenditure'), ...optional], { layout: 'stacked' }).workbook;
    const det = detectWorkbook(wb);
    const sections = generateSections(addOtherTableFigures(extractFigures(det.tables), wb, det.others), { otherTables: det.others.map((o) => o.title) });
    const text = sectionsText(sections);
    expect(text).toMatch(/我部门无政府采购预算（政府采购预算为0万元）/);
    expect(text).not.toMatch(/找不到|没有读到/);
    const four = sections.find((s) => s.id === '四')!;
    expect(four.text).toMatch(/^【待补充：工作簿中没有可识别的“三公”经费支出表/);
    expect(four.todo).toEqual(['“三公”经费支出表：本段无法生成，请补充']);
    expect(sections.find((s) => s.id === '一')!.text).toMatch(/^【请填写：部门的主要职责/);
    expect(sections.find((s) => s.id === '七')!.text).toMatch(/^【请填写：预算绩效信息/);
  });

  test('the 三公 paragraph states the 公务用车购置及运行维护费 subtotal', () => {
    const text = sectionsText(generateSections(current()));
    expect(text).toMatch(/公务用车购置及运行维护费3\.83万元，其中：公务用车购置费0\.00万元，公务用车运行维护费3\.83万元/);
  });

  test('a 资产 figure implausible for its unit is warned about in validate and explain', () => {
    const { plausibilityWarnings, addOtherTableFigures } = require('../src/core/narrative/figures');
    const { seed004OptionalBlocks } = require('../src/samples/seed004');
    const optional = seed004OptionalBlocks().map((b: import('../src/samples/types').TableBlock) => ({
      ...b,
      rows: b.rows.map((r) => r.map((x) => (x === '1160.08' ? '856766.73' : x))),
    }));
    const wb = layoutWorkbook([...seed004Blocks(), ...optional], { layout: 'stacked' }).workbook;
    const det = detectWorkbook(wb);
    expect(plausibilityWarnings(addOtherTableFigures(extractFigures(det.tables), wb, det.others)).map((w: { message: string }) => w.message)).toEqual([
      expect.stringMatching(/资产总额 856766\.73万元.*是本年支出总额 4436\.20万元的 193 倍，可能把以“元”为单位的数字填在了“万元”表中/),
    ]);
    const { validateWorkbook } = require('../src/core/validate');
    expect(validateWorkbook(wb).findings.filter((f: { rule: string }) => f.rule === 'meta.unit-plausibility')).toHaveLength(1);
  });
});
