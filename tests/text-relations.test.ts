/**
 * Readings and relations of check-text (issue 34, what the held-out passages showed), each on made-up sentences in
 * several wordings: the text alone, no workbook. A correct version gives no error; one figure changed gives the
 * finding, pointed at the figure.
 */
import { checkText } from '../src/core/narrative/check-text';

const errors = (t: string) => checkText(t).filter((f) => f.severity === 'error');
const messages = (t: string) => errors(t).map((f) => f.message);
/** Each case's text with its right figure has no error, with its wrong one at least one. */
const holdsOnlyRight = (cases: [string, (x: string) => string, string, string][]) =>
  test.each(cases)('%s', (_, text, right, wrong) => {
    expect(errors(text(right))).toEqual([]);
    expect(errors(text(wrong)).length).toBeGreaterThan(0);
  });

describe('the base of a comparison is the figure compared with, not every figure after a comparison word', () => {
  test.each([
    ['经比较 (no comma): only introduces what follows', '经比较2021年度本单位“三公”经费60万元,较上年减少20万元,下降25%。', '下降25%', '下降20%'],
    ['通过对比', '通过对比2022年支出预算150万元，比上年增加30万元，增长25%。', '增长25%', '增长20%'],
    [
      'a comparison closed by its outcome, the comma after it lost',
      '因公出国(境)费0万元,与上年持平公务接待费预算数为310.00万元,较上年增加10.00万元,增长3.33%。',
      '增长3.33%',
      '增长3.23%',
    ],
  ])('%s', (_n, correct, right, wrong) => {
    expect(errors(correct)).toEqual([]);
    const f = errors(correct.replace(right, wrong));
    expect(f).toHaveLength(1);
    expect(f[0].rule).toBe('text.rate');
    expect(f[0].message).toContain(right.replace(/\D+/, ''));
  });

  test('the base stated is still read: "较上年的50万元"', () => {
    expect(errors('支出60万元，较上年的50万元增加10万元，增长20%。')).toEqual([]);
    expect(messages('支出60万元，较上年的50万元增加10万元，增长16.67%。')).toEqual([expect.stringMatching(/10.*÷ 50.*20(\.00)?%/)]);
  });
});

describe('the 三公 tree: its items wherever they stand', () => {
  const numbered = [
    '2022年“三公”经费支出总额为120.00万元，比上年增长10.00%。',
    '其中：',
    '1.因公出国（境）费10.00万元，比上年下降5.00%。',
    '主要是出访团组减少。',
    '2.公务用车购置及运行维护费80.00万元，比上年增长20.00%。',
    '其中：公务用车购置费30.00万元；公务用车运行维护费50.00万元。',
    '公务用车购置增加的原因是更新了执法车辆。',
    '公务用车运行维护费增加的原因是车辆老化。',
    '车辆维修的次数也有增加。',
    '3.公务接待费30.00万元。接待批次增加。',
  ].join('\n');

  test('numbered items with paragraphs of reasons between them: the reasons do not count towards the reach', () => {
    expect(errors(numbered)).toEqual([]);
    expect(messages(numbered.replace('公务接待费30.00', '公务接待费35.00'))).toEqual([expect.stringContaining('= 125万元')]);
  });

  test('车 = 购置 + 运行 with the parts on a line of their own after 车', () => {
    expect(messages(numbered.replace('运行维护费50.00', '运行维护费60.00'))).toEqual([expect.stringContaining('= 90万元')]);
  });

  test('预算数 and 决算数 of each item in one sentence: each stage its own tree', () => {
    const t =
      '“三公”经费预算数为100.00万元，决算支出数为90.00万元。其中：因公出国（境）费预算数为0万元，决算支出数为0万元；公务接待费预算数为30.00万元，决算支出数为25.00万元；公务用车购置及运行维护费预算数为70.00万元，决算支出数为65.00万元，其中：公务用车运行维护费预算数为50.00万元，决算支出数为45.00万元；公务用车购置费预算数为20.00万元，决算支出数为20.00万元。';
    expect(errors(t)).toEqual([]);
    expect(messages(t.replace('运行维护费预算数为70.00', '运行维护费预算数为75.00'))).toEqual(
      expect.arrayContaining([expect.stringContaining('购置费 20.00万元 + 运行维护费 50.00万元 = 70万元')]),
    );
    expect(messages(t.replace('决算支出数为45.00', '决算支出数为35.00'))).toEqual([expect.stringContaining('= 55万元')]);
  });

  test("车's rate against the rates of 购置 and 运行 (the priors they imply add up)", () => {
    const tree = [
      '“三公”经费5,572万元。',
      '1.因公出国（境）费169万元。',
      '2.公务用车购置及运行维护费4,647万元，比上年增长58.65%。',
      '其中：公务用车购置费1,088万元，比上年增长97.1%；公务用车运行维护费3,559万元，比上年增长49.73%。',
      '3.公务接待费756万元。',
    ].join('\n');
    expect(errors(tree)).toEqual([]);
    expect(errors(tree.replace('49.73%', '59.73%')).map((f) => f.rule)).toEqual(['text.change-sum']);
  });
});

describe('a thousands comma printed as a decimal point', () => {
  test.each([
    [
      '车 and its parts, across 其中 on its own line',
      '“三公”经费支出总数为5,572万元。\n其中：\n1.因公出国（境）支出169万元。\n2.公务用车购置及运行维护支出4.647万元。\n其中：公务用车购置支出1,088万元；公务用车运行维护支出3,559万元。\n3.公务接待支出756万元。',
      '4.647万元',
      '4,647万元',
    ],
    [
      'a part of the 三公 total',
      '2013年“三公”经费合计2,120万元，其中：因公出国（境）费120万元，公务用车购置及运行费1.500万元，公务接待费500万元。',
      '1.500万元',
      '1,500万元',
    ],
    [
      'the total of a list that makes the whole',
      '政府采购预算总额2.350万元，其中：货物类1,000万元，工程类1,000万元，服务类350万元。',
      '2.350万元',
      '2,350万元',
    ],
  ])('%s: an error on the misprinted figure, saying what it most likely is', (_n, text, printed, meant) => {
    const f = errors(text);
    expect(f).toHaveLength(1);
    expect(f[0].stated).toBe(printed);
    expect(f[0].message).toContain(`千分位逗号印成了小数点，应为 ${meant}`);
    // As meant, nothing.
    expect(errors(text.replace(printed, meant))).toEqual([]);
  });

  test('a figure with three decimals that fits as printed is no misprint; one that fits neither way is a plain error', () => {
    expect(errors('本年支出合计70.893万元，其中：基本支出50.893万元，项目支出20万元。')).toEqual([]);
    const f = errors('政府采购预算总额2.360万元，其中：货物类1,000万元，工程类1,000万元，服务类350万元。');
    expect(f).toHaveLength(1);
    expect(f[0].message).not.toContain('千分位');
  });
});

describe('changes against two bases at once: each paired with its own base', () => {
  test.each([
    [
      'changes alone, 较上年 then 较年初预算数, after a sentence of reasons',
      '经比较，2021年度“三公”经费较上年减少6.00万元，下降20.00%，较年初预算数减少1.50万元。主要是厉行节约。其中：公务用车购置及运行维护费较上年减少2.00万元，较年初预算数减少0.50万元；公务接待费较上年减少4.00万元，较年初预算数减少1.00万元。',
      '较年初预算数减少1.00',
      '较年初预算数减少2.00',
      '较年初预算',
    ],
    [
      'amounts with both changes, the budget first',
      '2022年“三公”经费决算30.00万元，比年初预算减少3.00万元，比2021年决算数增加5.00万元。其中：公务接待费10.00万元，比年初预算减少1.00万元，比2021年决算数增加2.00万元；公务用车购置及运行维护费20.00万元，比年初预算减少2.00万元，比2021年决算数增加3.00万元。',
      '比2021年决算数增加3.00',
      '比2021年决算数增加4.00',
      '增加 5',
    ],
    [
      'against the 调整预算 and against last year',
      '“三公”经费支出12.00万元，较调整预算减少2.00万元，较上年增加1.00万元。其中：公务接待费4.00万元，较调整预算减少0.50万元，较上年增加0.40万元；公务用车运行维护费8.00万元，较调整预算减少1.50万元，较上年增加0.60万元。',
      '较调整预算减少1.50',
      '较调整预算减少2.50',
      '较年初预算',
    ],
  ])('%s', (_n, correct, right, wrong, said) => {
    expect(errors(correct)).toEqual([]);
    const f = errors(correct.replace(right, wrong));
    expect(f.map((x) => x.rule)).toEqual(['text.change-sum']);
    expect(f[0].message).toContain(said);
  });

  test('the rate of the change against the budget is computed on the budget, and says so', () => {
    const t = '“三公”经费41.00万元，较上年减少19.00万元，下降31.67%，较年初预算数减少4.00万元，下降8.89%。';
    expect(errors(t)).toEqual([]);
    expect(messages(t.replace('8.89%', '2.2%'))).toEqual([expect.stringContaining('年初预算（41.00万元 + 4.00万元 = 45万元）')]);
  });

  test('a part whose change names no base goes with the total change against last year', () => {
    const t = '“三公”经费比上年减少3.00万元，较年初预算减少1.00万元。其中：公务接待费减少2.00万元，公务用车运行维护费减少1.00万元。';
    expect(errors(t)).toEqual([]);
    expect(errors(t.replace('比上年减少3.00', '比上年减少4.00')).map((x) => x.rule)).toEqual(['text.change-sum']);
  });
});

describe('zero changes of the parts (持平, 无增减), however they are said', () => {
  const text = [
    '“三公”经费预算增减变化的主要原因是：2021年“三公”经费预算合计20.00万元，比上年预算数减少2.00万元。其中：',
    '因公出国（境）费预算0万元，与上年预算数持平，无增减变化。',
    '公务用车运行维护费预算8.00万元；与上年预算数持平，原因：加强公务用车管理。',
    '公务接待费预算12.00万元，比上年预算数减少2.00万元，原因：厉行节约。',
  ].join('\n');
  test.each([
    ['持平，无增减变化 as one statement; 持平 in the sentence after the amount; a total the reason opens with', text],
    ['in traditional characters', text.replace(/无增减变化/g, '無增減變化').replace(/与上年预算数/g, '與上年預算數')],
    ['无变化 / 相同', text.replace('与上年预算数持平，无增减变化', '较上年预算数无变化').replace('与上年预算数持平，原因', '与上年预算数相同，原因')],
  ])('%s', (_n, t) => {
    expect(errors(t)).toEqual([]);
    expect(errors(t.replace('比上年预算数减少2.00万元。其中', '比上年预算数减少3.00万元。其中')).map((f) => f.rule)).toEqual(['text.change-sum']);
  });
});

describe('a part was no more than its whole a year before either', () => {
  const byChanges = [
    '基本支出较上年增20.00万元，增幅20.00%。主要变动原因如下：',
    '1.工资福利支出较上年增15.00万元，增幅18.75%。',
    '2.商品和服务支出较上年增5.00万元，增幅25.00%。',
  ].join('\n');
  test('changes with their rates, no amounts: the priors they imply (80 + 20) within the total’s (100)', () => {
    expect(errors(byChanges)).toEqual([]);
    // A smaller rate of the total implies a larger prior: room for both parts.
    expect(errors(byChanges.replace('增幅20.00%', '增幅12.00%'))).toEqual([]);
  });
  test('one part alone beyond the whole: on that part, naming both', () => {
    const f = errors(byChanges.replace('增幅25.00%', '增幅0.25%'));
    expect(f).toHaveLength(1);
    expect(f[0].sentence).toContain('增幅0.25%');
    expect(f[0].message).toMatch(/推得上年约 2000万元，大于“基本支出”增20.00万元、增20.00%推得上年约 100万元/);
  });
  test("several parts beyond it: on the total's rate", () => {
    const f = errors(byChanges.replace('增幅20.00%', '增幅40.00%').replace('增5.00万元，增幅25.00%', '增5.00万元，增幅6.25%'));
    expect(f).toHaveLength(1);
    expect(f[0].sentence).toContain('增幅40.00%');
  });
  test('amounts with their rates after 其中, a list that need not be complete', () => {
    const t = '项目支出60.00万元，比上年增长20.00%，其中：业务经费30.00万元，比上年增长50.00%；信息化经费10.00万元，比上年下降50.00%。';
    expect(errors(t)).toEqual([]);
    // The parts' priors fit within the total's; with 业务经费 falling instead, its prior alone grows past what is left.
    expect(errors(t.replace('增长50.00%', '下降5.00%')).map((f) => f.rule)).toEqual(['text.rate']);
  });
});

describe('a fall of more than 100%', () => {
  test.each([
    ['减幅', '项目支出预算较上年减5万元，减幅200%。'],
    ['下降', '公务接待费比上年下降120.5%。'],
    ['降幅为', '“三公”经费较上年减少3.00万元，降幅为150%。'],
  ])('%s: an error, whatever else is stated', (_n, t) => {
    expect(errors(t).map((f) => f.rule)).toContain('text.rate');
  });
  test('a fall of 100% (to nothing) and a rise of more than 100%: nothing', () => {
    expect(errors('项目支出预算较上年减5万元，减幅100%。公务用车购置费较上年增长356.96%。')).toEqual([]);
  });
});

describe('the rate between two amounts of one item, both stated (per-项 paragraphs of Shanghai budget texts)', () => {
  test.each([
    ['the earlier year first, then the later', '2026年，该项目预算77.99万元，2027年预算91.97万元，增加17.93%。', '17.93%', '17.66%'],
    ['上年 then 本年, a fall', '上年预算1690.69万元，本年预算1434.89万元，减少15.13%。', '15.13%', '1.10%'],
    ['本年, then 比上年 with its figure', '本年预算1434.89万元，比上年预算1690.69万元减少15.13%。', '15.13%', '15.31%'],
    ['in the sentence after', '该项目2027年预算数为91.97万元。比2026年预算数77.99万元增加17.93%，主要原因是新增设备维护。', '17.93%', '19.73%'],
    ['the base in brackets', '2027年预算91.97万元，较2026年预算（77.99万元）增长17.93%。', '17.93%', '17.66%'],
    ['the year each is for in a clause of its own', '2025年，公用经费为40.00万元；2026年，公用经费为50.00万元，增长25.00%。', '25.00%', '20.00%'],
  ])('%s', (_n, correct, right, wrong) => {
    expect(errors(correct)).toEqual([]);
    const f = errors(correct.replace(right, wrong));
    expect(f.map((x) => x.rule)).toEqual(['text.rate']);
    expect(f[0].message).toContain(`≈ ${right.replace(/0+%$|\.0+%$|%$/, '')}`);
  });

  test('a rate that goes the other way', () => {
    expect(errors('上年预算1690.69万元，本年预算1434.89万元，增加15.13%。').map((x) => x.rule)).toEqual(['text.direction']);
  });

  test('not the rate of these two: an average over years, a third amount, other items, no year to tell the base, 上年结转', () => {
    expect(errors('2021年收入1000万元，2022年收入1200万元，2023年收入1500万元，年均增长22.47%。')).toEqual([]);
    expect(errors('2022年收入1200万元，2023年收入1500万元，年均增长3.00%。')).toEqual([]);
    expect(errors('2026年收入预算100万元，2025年支出预算90万元，增长5.00%。')).toEqual([]);
    expect(errors('基本支出预算80.00万元，项目支出预算20.00万元，增长5.00%。')).toEqual([]);
    // 上年结转 is this year's money brought forward, not last year's figure.
    expect(errors('上年结转20.00万元，本年收入100.00万元，增长10.00%。')).toEqual([]);
  });
});

describe('one measure stated twice as figures no rounding can make one', () => {
  const repeats = (t: string) => checkText(t).filter((f) => f.rule === 'text.repeat');
  test.each([
    [
      '收入预算 in the overview and in its own section',
      '2022年收入预算208.8万元，支出预算208.8万元。\n二、收入预算情况\n2022年收入预算201.50万元。',
      '201.50万元',
    ],
    [
      'a 三公 item in the list and in its own paragraph',
      '“三公”经费预算5.00万元，其中：公务接待费2.00万元，公务用车运行维护费3.00万元。\n（三）公务接待费预算2.50万元，主要用于…。',
      '2.50万元',
    ],
    ['a change of 基本支出 said twice', '基本支出比上年减少70.893万元，主要是人员减少。\n（一）基本支出较上年减少70.99万元。', '70.99万元'],
  ])('%s: a warning on the second, naming the first', (_n, t, second) => {
    const f = repeats(t);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('warning');
    expect(f[0].stated).toBe(second);
    expect(errors(t)).toEqual([]);
  });

  test.each([
    ['the same within rounding', '基本支出比上年减少70.893万元。\n（一）基本支出较上年减少70.89万元。支出预算208.8万元。支出预算合计208.80万元。'],
    ['other years', '2021年收入预算200.00万元。\n2022年收入预算208.80万元。'],
    ['other stages', '“三公”经费预算10.00万元。“三公”经费决算8.00万元。'],
    ['another fund', '一般公共预算财政拨款基本支出100.00万元。基本支出120.00万元。'],
    ['another scope', '全区支出合计49.10亿元。区本级支出48.54亿元。'],
    ['a 公用经费 款 beside the 三公 item', '“三公”经费中公务用车运行维护费5.83万元。公用经费主要包括：公务用车运行维护费3.83万元，办公费1.00万元。'],
    ['the year before', '收入预算208.80万元。上年收入预算190.00万元。'],
    ['a bracketed detail after a figure written without 元', '公务接待费支出0.40万元。其中：国内公务接待支出0.40万（含外宾接待支出0万元）。'],
  ])('%s: nothing', (_n, t) => {
    expect(repeats(t)).toEqual([]);
  });
});

describe('where a list ends and whose a change is (Shanghai texts)', () => {
  test('an unnumbered line that opens a list of its own is the next statement, not a part', () => {
    const t =
      '2026年收入预算100.00万元，其中：财政拨款收入100.00万元；事业收入0万元；其他收入0万元。\n支出预算100.00万元，其中：基本支出60.00万元，项目支出40.00万元。';
    expect(errors(t)).toEqual([]);
    expect(messages(t.replace('项目支出40.00', '项目支出50.00'))).toEqual([expect.stringMatching(/= 110(\.00)?万元/)]);
    expect(messages(t.replace('其他收入0万元', '其他收入10.00万元'))).toEqual([expect.stringContaining('= 110万元')]);
  });

  test("a numbered item's own 其中 after a sentence of reasons stays the item's", () => {
    const t = [
      '2026年“三公”经费预算数为12.00万元，与2025年预算持平。其中：',
      '（一）因公出国（境）费0万元，与2025年预算持平，主要原因是此项经费由区统筹安排。',
      '（二）公务用车购置及运行费9.00万元，与2025年预算持平，主要原因是厉行节约。其中：公务用车购置费0万元，与2025年预算持平；公务用车运行费9.00万元，与2025年预算持平。',
      '（三）公务接待费3.00万元。与2025年预算持平，主要原因是厉行节约。',
    ].join('\n');
    expect(errors(t)).toEqual([]);
    expect(messages(t.replace('公务接待费3.00', '公务接待费4.00'))).toEqual([expect.stringContaining('= 13万元')]);
  });

  test("a change of the 三公 total stated in a later paragraph is the total's, not an item's with like words", () => {
    const t = [
      '“三公”经费财政拨款支出年初预算为12.00万元，支出决算为4.00万元，其中：因公出国（境）费决算为0万元；公务用车购置及运行维护费支出决算为3.00万元；公务接待费支出决算为1.00万元。',
      '2025年度“三公”经费财政拨款支出决算数比2024年度减少15.50万元，下降79.49%，其中：因公出国（境）费支出决算与2024年持平；公务用车购置及运行维护费支出决算减少16.50万元，下降84.62%；公务接待费支出决算增加1.00万元，增长100%。',
    ].join('\n');
    expect(errors(t)).toEqual([]);
    expect(messages(t.replace('下降79.49%', '下降75.49%'))).toEqual([expect.stringContaining('4.00万元 + 15.50万元')]);
    expect(messages(t.replace('下降84.62%', '下降80.62%'))).toEqual([expect.stringContaining('3.00万元 + 16.50万元')]);
  });
});

describe('readings the second held-out set showed (false errors of its first run)', () => {
  test.each([
    [
      '运行 before 购置, in brackets over ；',
      '“三公”经费预算100.00万元，其中，公务接待费20.00万元；公务用车运行维护费及公务用车购置费70.00万元(其中，公务用车运行维护费50.00万元，比上年增加10.00万元；公务用车购置费20.00万元，比上年减少5.00万元)；因公出国(境)费用10.00万元，比上年减少2.00万元，下降16.67%。',
    ],
    [
      '运行 and 购置 with 和, no brackets',
      '“三公”经费预算100.00万元。其中：公务接待费20.00万元；公务用车运行和购置费70.00万元，其中：运行费50.00万元，购置费20.00万元；因公出国（境）费10.00万元。',
    ],
  ])('the 车 item named 运行 first, its list in brackets ending where they close: %s', (_n, t) => {
    expect(errors(t)).toEqual([]);
    expect(messages(t.replace('20.00万元', '25.00万元'))).toEqual([expect.stringContaining('= 105万元')]);
    expect(messages(t.replace(/运行(维护)?费50\.00/, (m) => m.replace('50.00', '40.00')))).toEqual([expect.stringContaining('= 60万元')]);
  });

  test.each([
    ['车均', '公务用车购置及运行维护费5亿元。公务用车运行维护费共支出5亿元，车均运行维护费2.5万元。公务用车购置费329万元，车均购置费32.9万元。'],
    [
      '人均 and 平均',
      '“三公”经费决算6.4亿元。因公出国(境)费1.2亿元，人均因公出国(境)费用2.4万元；公务接待费2352万元，平均每批次公务接待费0.3万元；公务用车购置及运行维护费5亿元。',
    ],
  ])('an average per car or person is not the item (%s)', (_n, t) => {
    expect(errors(t)).toEqual([]);
  });

  test('an average left out, the items still add up', () => {
    const t = '“三公”经费决算6.4亿元。因公出国(境)费1.2亿元，人均因公出国(境)费用2.4万元；公务接待费2352万元；公务用车购置及运行维护费5亿元。';
    expect(messages(t.replace('决算6.4', '决算7.4'))).toEqual([expect.stringContaining('“三公”经费写为 7.4亿元')]);
  });

  test.each([
    ['支出总计', '2017年度部门决算支出总计14092.9万元，其中：基本支出4904.4万元，占34.80%；项目支出5366.5万元，占38.08%。'],
    [
      '收入总计',
      '本单位2020年度决算收入总计500.00万元，其中：本年收入合计400.00万元，上年结转100.00万元。支出总计500.00万元，其中：基本支出200.00万元，项目支出150.00万元。',
    ],
  ])("a 决算's %s holds carry-overs: 基本 + 项目 short of it is no error", (_n, t) => {
    expect(errors(t)).toEqual([]);
  });

  test('a 决算 总计 is still no less than its parts; a 预算 or a 支出合计 is held both ways', () => {
    expect(messages('2017年度部门决算支出总计8000.0万元，其中：基本支出4904.4万元；项目支出5366.5万元。')).toEqual([expect.stringContaining('= 10270.9万元')]);
    expect(messages('2017年度部门决算本年支出合计12000.0万元，其中：基本支出4904.4万元；项目支出5366.5万元。')).toEqual([
      expect.stringContaining('= 10270.9万元'),
    ]);
    expect(messages('2017年部门预算支出总计12000.0万元，其中：基本支出4904.4万元；项目支出5366.5万元。')).toEqual([expect.stringContaining('= 10270.9万元')]);
  });

  test.each([
    [
      '年初预算为',
      '“三公”经费支出2.05万元，年初预算为2.95万元，差值为0.9万元。其中：因公出国(境)支出0万元，年初预算为0万元；公务用车购置支出0万元，年初预算为0万元；公务用车运行维护费支出0万元，年初预算为0.95万元；公务接待费支出2.05万元，年初预算为2万元。',
    ],
    [
      '预算数为',
      '“三公”经费支出12.00万元，预算数为15.00万元。其中：因公出国(境)费支出0万元，预算数为0万元；公务用车购置及运行维护费支出8.00万元，预算数为10.00万元；公务接待费支出4.00万元，预算数为5.00万元。',
    ],
  ])('each item spent, then its budget (%s): the budget tree takes the figures that name it', (_n, t) => {
    expect(errors(t)).toEqual([]);
    const f = messages(t.replace(/(接待费支出\d+\.\d+万元，)(年初预算为|预算数为)(\d)/, (_m, a, b, d) => `${a}${b}${Number(d) + 1}`));
    expect(f).toEqual([expect.stringContaining('“三公”经费写为')]);
  });

  test.each([
    [
      '元, 其中 then the change after the last part',
      '事业运行经费总预算安排37337407.64元，其中：基本支出预算488180.64元，项目支出预算36849227元，同比增加27125219.46元，增长265.6%。',
    ],
    ['万元', '支出预算合计500.00万元，其中：基本支出预算300.00万元，项目支出预算200.00万元，比上年增加100.00万元，增长25.00%。'],
  ])("a change closing a list with no subject may be the total's (%s): wrong only when it fits neither", (_n, t) => {
    expect(errors(t)).toEqual([]);
    const wrong = t.replace(/增长(\d)/, (_m, d) => `增长${Number(d) === 9 ? 8 : Number(d) + 1}`);
    expect(errors(wrong).map((f) => f.rule)).toEqual(['text.rate']);
  });

  test("where the parts state changes of their own, the last change is the last part's", () => {
    const t = '公务用车购置及运行费17万元，其中：购置费0万元，比上年持平；运行费17万元，比上年减少0.5万元，下降2.85%。';
    expect(errors(t)).toEqual([]);
    expect(errors(t.replace('；运行费17', '；运行费27')).map((f) => f.rule)).toContain('text.rate');
  });
});

describe('relations the second held-out set showed (published errors its first run missed)', () => {
  test.each([
    ['万元(x%)', '公务接待费2.30万元,较上年减少1.5万元(39.47%),主要原因是厉行节约。', '(39.47%)', '(42.86%)'],
    ['万元（x%）, an increase', '公务接待费5.00万元，比上年增加1.00万元（25.00%）。', '（25.00%）', '（20.00%）'],
  ])('a percentage in brackets right after a change is its rate (%s)', (_n, t, right, wrong) => {
    expect(errors(t)).toEqual([]);
    expect(errors(t.replace(right, wrong)).map((f) => f.rule)).toEqual(['text.rate']);
  });

  const tree = [
    '2019年度“三公”经费支出合计585.53万元(包括基本支出和项目支出安排的经费),同比减少144.92万元。',
    '其中:因公出国(境)经费0万元,同比减少0万元。公务用车购置及运行费585.53万元,同比减少144.81万元(公务用车购置费0万元,同比减少0万元;公务用车运行维护费585.53万元,同比减少144.81万元)。公务接待费0.00万元,同比减少0.11万元。',
  ].join('\n');
  test('the 三公 tree across paragraphs: the items’ changes add up to the total’s, 车’s to its parts’', () => {
    expect(errors(tree)).toEqual([]);
    expect(
      messages(
        tree.replace('合计585.53万元(包括基本支出和项目支出安排的经费),同比减少144.92', '合计585.53万元(包括基本支出和项目支出安排的经费),同比减少154.92'),
      ),
    ).toEqual([expect.stringContaining('合计为减少 144.92万元')]);
    expect(messages(tree.replace('运行维护费585.53万元,同比减少144.81', '运行维护费585.53万元,同比减少0'))).toEqual([
      expect.stringContaining('合计为增加 0万元'),
    ]);
  });
});

describe('news wording: "1.8亿多元", "3万多元" is at least the figure and below its next step', () => {
  test.each([
    ['亿多元, a fall', '去年“三公”经费决算5.2亿元，比年初预算7.1亿元减少1.8亿多元，下降26.8%。', '决算5.2', '决算6.2'],
    ['亿多元, the prior changed', '去年“三公”经费决算5.2亿元，比年初预算7.1亿元减少1.8亿多元，下降26.8%。', '预算7.1', '预算8.1'],
    ['万多元, a rise', '今年公务接待费预算46万元，比上年预算42.5万元增加3万多元，增长8.2%。', '预算46', '预算56'],
    ['万多元 after 同比', '全年因公出国(境)费用支出120万元，同比减少15万多元，下降11.5%。', '减少15万多', '减少25万多'],
  ])('%s', (_n, t, right, wrong) => {
    expect(errors(t)).toEqual([]);
    const f = errors(t.replace(right, wrong));
    expect(f.length).toBeGreaterThan(0);
    expect(f.map((x) => x.sentence).join()).toContain(wrong.replace(/\D+/, ''));
  });

  test('a figure just above the stated one holds, one a whole step above does not', () => {
    // 7.1 − 5.2 = 1.9 lies in 1.8亿多 (1.8–1.9 with the printed figures' rounding); 7.1 − 4.8 = 2.3 does not,
    // though its rate (32.4%) is right.
    expect(errors('“三公”经费决算5.2亿元，比年初预算7.1亿元减少1.8亿多元，下降26.8%。')).toEqual([]);
    expect(messages('“三公”经费决算4.8亿元，比年初预算7.1亿元减少1.8亿多元，下降32.4%。')).toEqual([expect.stringContaining('1.8亿多元')]);
  });
});

describe('what the second held-out set taught: the one part that is the whole, bare car items, figures for two years', () => {
  test.each([
    [
      '"全部为": the one part is the whole',
      '2024年公务用车购置及运行维护费决算12.6万元，全部为公务用车运行维护费12.6万元，与上年持平。',
      '维护费12.6',
      '维护费16.2',
    ],
    [
      '"购置费" and "运行费" bare, under 公务用车: its items',
      '2024年“三公”经费预算30.00万元，其中：因公出国(境)费0万元，公务接待费9.50万元，公务用车购置及运行费20.50万元。公务用车购置及运行费20.50万元，其中：购置费8.00万元，运行费12.50万元。',
      '运行费12.50',
      '运行费13.50',
    ],
    [
      'the prior printed without its unit: "较上年4.16减少0.06万元"',
      '2024年“三公”经费支出4.10万元，较上年4.16减少0.06万元，减少了1.44%。',
      '较上年4.16',
      '较上年5.16',
    ],
    [
      'each item for two years, the change and "减少率" after "；"',
      '其中：1、公务接待费2024年预算9万元，2023年预算12.5万元；对比减少3.5万元；减少率28%。',
      '减少率28%',
      '减少率30%',
    ],
    [
      'the three items named together are the 三公 total, each year its own tree',
      '2022年因公出国(境)费、公务用车购置及运行费和公务接待费的预算数350.40万元，2023年预算数342.10万元。2022年预算中，因公出国(境)费50万元，公务用车购置及运行费180.40万元，公务接待费120万元。2023年预算中，因公出国(境)费50万元，公务用车购置及运行费172.10万元，公务接待费120万元。',
      '2023年预算数342.10',
      '2023年预算数352.10',
    ],
    [
      'a rate against the year its bracket names',
      '2022年预算中，因公出国(境)费50万元，公务用车购置及运行费180.40万元，公务接待费120万元。2023年预算中，因公出国(境)费50万元(零增长)，公务用车购置及运行费172.10万元(较2022年压缩4.6%)，公务接待费120万元(零增长)。',
      '压缩4.6%',
      '压缩5.6%',
    ],
    [
      'the budget told by the difference: "完成年初预算…，决算数大于预算数…万元"',
      '2023年度，本单位一般公共预算财政拨款支出总计850.00万元，与上年相比减少12.5万元，降低1.45%；完成年初预算106.25%，决算数大于预算数50万元。',
      '106.25%',
      '100%',
    ],
    [
      'a bound each item is said to pass: "降幅均超过20%"',
      '2025年“三公”经费预算500.00万元，其中，公务接待费、因公出国(境)费降幅均超过20%。从明细看，公务接待费200.00万元，比上年减少60.00万元，下降23.08%；因公出国(境)费50.00万元，比上年减少20.00万元，下降28.57%；公务用车购置及运行费250.00万元，比上年增加10.00万元，增长4.17%。',
      '减少60.00万元，下降23.08%',
      '减少40.00万元，下降16.67%',
    ],
  ])('%s', (_n, correct, right, wrong) => {
    expect(errors(correct)).toEqual([]);
    const f = errors(correct.replace(right, wrong));
    expect(f.length).toBeGreaterThan(0);
    // Pointed at: the changed figure's sentence, or the message names the figure.
    const figure = /\d+(\.\d+)?%?/.exec(wrong)![0];
    expect(f.some((x) => x.sentence.includes(figure) || x.message.includes(figure))).toBe(true);
  });

  test('a figure named for another year is of another tree: no sum across years', () => {
    expect(
      errors(
        '2016年三公经费预算拨入33万元，2015年三公经费预算拨入57.7万元。其中：1、公务接待费2016年预算8万元，2015年预算12.5万元；2、公务车辆运行2016年预算25万元，2015年预算45.2万元。',
      ),
    ).toEqual([]);
    expect(
      messages(
        '2016年三公经费预算拨入33万元，2015年三公经费预算拨入57.55万元。其中：1、公务接待费2016年预算8万元，2015年预算12.5万元；2、公务车辆运行2016年预算25万元，2015年预算45.2万元。',
      ),
    ).toEqual([expect.stringContaining('已超过合计')]);
  });
});

describe('what the third held-out set taught: wholes named, totals after their parts, one rate of one change', () => {
  test.each([
    ['a total after the parts it adds up', '提前安排部门基本支出、项目支出等164.03亿元,以及对市县转移支付378.22亿元,合计542.25亿元。', '164.03', '264.03'],
    [
      'a 收入总计 after its parts, joined by 加',
      '2018年市级一般公共预算收入决算数129748万元,加上级补助收入428905万元,调入资金348606万元,收入总计907259万元。',
      '调入资金348606',
      '调入资金358606',
    ],
    [
      'a share of a whole the text named before it',
      '2021年一般公共预算拨款支出1493924.6元,其中:基本支出1440224.6元,项目支出53700元。\n(一)按功能分类。\n机构运行1100910.5元。\n1.基本支出预算1440224.60元,占一般公共预算支出的96.41%,同比减少12602.40元。',
      '96.41%',
      '86.41%',
    ],
    ['a percentage of the amount it names', '公务接待费支出决算为1.76万元,完成预算5万元的35.2%。', '35.2%', '45.2%'],
    [
      '包括 and a colon: every part is named',
      '2023年财政拨款收支总预算7,057,486.18元。收入包括:一般公共预算拨款7,034,418.94元、上年结转结余23,067.24元。',
      '总预算7,057,486.18',
      '总预算8,057,486.18',
    ],
    [
      'one amount and one change printed alike give one rate',
      '公务用车购置及运行费预算3.4万元,比2017年预算减少0.1万元,下降2.9%。其中:公务用车运行费3.4万元,比2017年预算减少0.1万元,下降2.9%。',
      '下降2.9%。其中',
      '下降3.9%。其中',
    ],
    [
      'a change whose amount the text states further on',
      '其中,公务用车运行维护费支出决算比预算无增减变化,比去年增加1.05万元,增长35.8%。\n(二)公务用车购置及运行费支出3.98万元。其中:\n公务用车购置支出0万元。\n公务用车运行支出3.98万元。',
      '35.8%',
      '45.8%',
    ],
    [
      'the changes of all the parts imply the whole’s prior',
      '2019年“三公”经费预算12225.48万元,比2018年预算减少358万元,下降2.85%,连续7年延续下降趋势。其中:因公出国(境)费用同比增加53万元,增长9.08%;公务接待费同比减少897万元,下降17.63%;公务用车运行维护费同比减少462万元,下降7.99%;公务用车购置费同比增加948.5万元,上涨84.12%。',
      '上涨84.12%',
      '上涨94.12%',
    ],
  ])('%s', (_n, correct, right, wrong) => {
    expect(errors(correct)).toEqual([]);
    const f = errors(correct.replace(right, wrong));
    expect(f.length).toBeGreaterThan(0);
    const figure = /\d[\d,]*(\.\d+)?%?/.exec(wrong)![0].replace(/,/g, '');
    expect(f.some((x) => x.sentence.includes(figure) || x.message.includes(figure))).toBe(true);
  });

  test('a list of income has no expenditure among its parts, a 三公 list cut short is not the whole', () => {
    expect(
      errors(
        '41个县一般公共预算收入完成151亿元,同比增加21亿元,增长16.2%。其中:税收收入完成95.1亿元;非税收入完成55.9亿元。\n一般公共预算支出完成306.5亿元,同比增加32.6亿元,增长11.9%。',
      ),
    ).toEqual([]);
    expect(
      errors(
        '“三公”经费决算数为9663万元,比年初预算数减少4211万元。\n其中,因公出国(境)经费326万元,比年初预算数减少84万元。\n公务用车购置及运行维护费8645万元,比年初预算数减少2039万元。其中公务用车购置费131万元,比年初预算数减少469万元;公务用车运行维护费8514万元,比年初预算数减少1570万元。\n公务接待费692万元,比年初预算数减少2088万元。',
      ),
    ).toEqual([]);
  });
});

describe('完成预算 with its budget told elsewhere (the fourth held-out set)', () => {
  test.each([
    ['by the change against the budget after it', '2016年市本级“三公”支出合计为9615.12万元,完成年初预算71.21%,比年初预算减少3887.49万元。', '71.21%', '81.21%'],
    [
      'by the item’s budget stated before',
      '2016年“三公”经费预算为168.53万元,其中:因公出国(境)费39万元、公务用车运行维护费119.5万元、国内公务接待费10万元。“三公”经费支出为163.58万元,完成预算的97.06%,其中:因公出国(境)费支出52.15万元,完成预算的133.72%。',
      '133.72%',
      '233.72%',
    ],
  ])('%s', (_n, correct, right, wrong) => {
    expect(errors(correct)).toEqual([]);
    const f = errors(correct.replace(right, wrong));
    expect(f.map((x) => x.stated)).toContain(wrong.replace(/^\D+/, ''));
  });
});

describe('items said to have nothing, 车 in a section of its own, one fund of each item (the fourth held-out set)', () => {
  test.each([
    [
      'an item "不安排" is 0 in the tree, its 购置 too',
      '2018年,全县“三公”经费预算919万元,与上年持平。其中:\n一是因公出国(境)费用不安排,与上年持平;\n二是公务接待费预算288万元,与上年持平;\n三是公务用车购置及运行维护费预算631万元,与上年持平。\n1.公务用车购置不安排,与上年持平。\n2.公务用车运行维护费预算631万元,与上年持平。',
      '运行维护费预算631万元,与上年持平。\n1',
      '运行维护费预算731万元,与上年持平。\n1',
      '731万元',
    ],
    [
      '"未安排出国(境)经费" (出国 without 因公)',
      '2024年“三公”经费预算2.41万元,本单位未安排出国(境)经费,安排公车运行维护费1.32万元,安排公务接待费1.09万元。',
      '2.41万元',
      '3.41万元',
      '3.41万元',
    ],
    [
      '车 = 购置 + 运行 with no 三公 total, each stated in a sentence of its own',
      '三、公务用车购置及运行维护费\n2015年公务用车购置及运行维护费共计13.01万元,较2014年决算数下降1.95%。\n2015年按规定更新购置公务用车0辆,车辆购置支出0万元。\n2015年车辆运行维护费支出13.01万元,用于公务用车燃料费。',
      '共计13.01万元',
      '共计23.01万元',
      '23.01万元',
    ],
    [
      'one fund of each item, in brackets, adds up to the total’s',
      '全县“三公”经费预算919万元(其中一般公共预算经费拨款841万元)。其中:因公出国(境)费用不安排;公务接待费预算288万元(其中一般公共预算经费拨款271万元);公务用车购置及运行维护费预算631万元(其中一般公共预算经费拨款570万元)。',
      '拨款841万元',
      '拨款941万元',
      '941万元',
    ],
  ])('%s', (_n, correct, right, wrong, stated) => {
    expect(errors(correct)).toEqual([]);
    expect(errors(correct.replace(right, wrong)).map((f) => f.stated)).toContain(stated);
  });

  test('an item "未安排" in another section is not this tree’s', () => {
    expect(
      errors('一、2018年预算\n“三公”经费预算919万元,其中公务接待费288万元,公务用车购置及运行维护费631万元。\n二、2018年决算\n因公出国(境)费用未安排。'),
    ).toEqual([]);
  });
});

describe('nothing, at any rate: zero changes and zero amounts', () => {
  test.each([
    ['a change of 0.00 with a rate', '公务用车购置费支出决算减少0.00元,下降0.00%。', '下降0.00%', '下降0.01%'],
    ['a share of nothing', '因公出国(境)费支出0.00元,占0.00%。', '占0.00%', '占0.01%'],
    ['a completion of nothing', '因公出国(境)费支出决算为0.00元,完成年初预算的0%。', '的0%', '的1%'],
  ])('%s', (_n, correct, right, wrong) => {
    expect(errors(correct)).toEqual([]);
    expect(errors(correct.replace(right, wrong)).map((f) => f.stated)).toEqual([wrong.replace(/^\D+/, '')]);
  });
});

describe('rates of the parts against the total’s, with a part whose change is not stated', () => {
  const text =
    '2020年“三公”经费决算总额为1023万元,较年初预算减少32%。其中:\n一、因公出国(境)经费\n2020年因公出国(境)决算支出0万元。\n二、公务用车购置及运行维护费\n公务用车购置及运行费决算支出785万元,较年初预算减少28%。\n三、公务接待费\n公务接待费决算支出238万元,较年初预算下降42%。';
  test('the parts stated imply no more than the total’s 年初预算', () => {
    expect(errors(text)).toEqual([]);
    expect(errors(text.replace('下降42%', '下降52%')).map((f) => f.rule)).toEqual(['text.change-sum']);
  });
  test('changes against other years are not added up ("较2015年" of the total, "较上年" of a part)', () => {
    expect(
      errors(
        '2017年“三公”经费5834万元,较2015年下降2.3%。其中:公务用车购置安排692万元;公车运行及维护4612万元,较上年下降21%;公务接待费430万元,与上年持平;因公出国100万元,与上年持平。',
      ),
    ).toEqual([]);
  });
});

describe('execution reports and news texts (the fifth held-out set)', () => {
  test.each([
    [
      'the sum after 加上 (收入总量)',
      '全省一般公共预算收入2764.7亿元,增长4.1%;加上中央财政补助收入2968亿元、调入资金732.6亿元、上年结余收入378.4亿元,收入总量为6843.7亿元。',
      '6843.7亿元',
      '6943.7亿元',
    ],
    [
      'a list that ends with 其他… makes its whole',
      '税收收入41013万元,其中增值税6544万元,企业所得税3250万元,契税31217万元,其他税收收入2万元。',
      '41013万元',
      '51013万元',
    ],
    ['税收 and 非税 make their whole', '本级财政收入拟调整为134000万元,下降5.3%。其中:税收收入85000万元;非税收入49000万元。', '134000万元', '234000万元'],
    [
      '分别是 after a total’s change names every part',
      '上级补助收入拟调整为389501万元,调增84000万元,分别是一般性转移支付收入调增55610万元、专项转移支付收入调增28390万元。',
      '调增84000万元',
      '调增94000万元',
    ],
    [
      'a list in brackets, then another list of the same total after its change',
      '全旗一般公共预算收入累计完成62339万元(其中旗本级完成52031万元,工业园区完成10308万元),同比增收9437万元,增长17.84%。其中:税收收入完成41013万元,非税收入完成21326万元。',
      '税收收入完成41013万元',
      '税收收入完成51013万元',
    ],
  ])('%s', (_n, correct, right, wrong) => {
    expect(errors(correct)).toEqual([]);
    const f = errors(correct.replace(right, wrong));
    expect(f.length).toBeGreaterThan(0);
    expect(f.some((x) => x.message.includes(wrong.replace(/^\D+/, '').replace(/万元|亿元/, '')))).toBe(true);
  });

  test.each([
    [
      'a change is of the amount before it, not of the budget a completion names',
      '一般公共预算收入累计完成24627万元,完成年初预算数60999万元的40.4%,比上年减收1070万元,下降4.2%。',
    ],
    ['an adjustment (调减) and a rate against last year are not one change', '税收收入拟调整为85000万元,调减16000万元,下降9.7%。'],
    [
      'an amount said as a change, and its parts after 其中',
      '“三公”经费总支出为4333.33万元。因三个单位上划,减少了“三公”经费342.74万元,其中公务用车购置及运行维护费308.87万元。',
    ],
    [
      'a line with the list’s own bullet is its sibling',
      '——本级财政收入拟调整为134000万元。其中:税收收入85000万元;非税收入49000万元。\n——上级补助收入拟调整为389501万元。',
    ],
    [
      'parts parted by ； end at 。: what follows is another statement',
      '市区完成100.6亿元,其中:金坛区完成10.4亿元;武进区完成28.2亿元;钟楼区完成7.5亿元。溧阳市完成16.0亿元。',
    ],
    [
      'a figure with words run into its digits is not read, and its list is not checked',
      '“三公”经费总计为6206万元。其中:因公出国(境)费用56借款3万元;公务接待费1128万元;公务用车购置及运行维护费4515万元。',
    ],
    [
      'a share of the 三公 total in a list of the 车 item’s parts',
      '公务用车购置及运行维护费3545万元,占“三公”经费总额78.6%。其中:公务用车购置费710万元,占“三公”经费总额15.7%。公务用车运行维护费2835万元,占“三公”经费总额62.9%。',
    ],
  ])('no error: %s', (_n, text) => {
    expect(errors(text)).toEqual([]);
  });

  test('a part "增长100%" the others and the total leave nothing a year before: a zero-base warning', () => {
    const t =
      '2019年“三公”经费预算总额1938万元,同比增长20.07%;其中:因公出国(境)费43万元;公务接待费393万元,同比下降9.24%;公务用车购置和运行维护费1502万元,其中:公车购置费384万元,同比增长100%;公车运行维护费1118万元,同比下降0.8%。';
    expect(errors(t)).toEqual([]);
    expect(
      checkText(t)
        .filter((f) => f.rule === 'text.zero-base')
        .map((f) => f.stated),
    ).toEqual(['100%']);
    // Not from nothing: 10% leaves the parts more than the total a year before.
    expect(errors(t.replace('同比增长100%', '同比增长10%')).map((f) => f.rule)).toEqual(['text.change-sum']);
  });
});

describe('revenue: 税收 + 非税 wherever they stand, 税收占比, a share of a whole named with 累计完成', () => {
  const text =
    '2022年第一季度,南昌市一般公共预算收入144.0亿元,同比增长6.1%。\n今年以来,最终实现全市税收收入97.6亿元,同比增长5.7%。非税收入实现46.4亿元,同比增长7.1%。税收占比达到67.8%。';
  test.each([
    ['the sum', '收入144.0亿元', '收入244.0亿元'],
    ['the share of 税收', '占比达到67.8%', '占比达到77.8%'],
    ['the parts’ rates against the total’s', '同比增长7.1%', '同比增长8.1%'],
  ])('%s', (_n, right, wrong) => {
    expect(errors(text)).toEqual([]);
    expect(errors(text.replace(right, wrong)).length).toBeGreaterThan(0);
  });
  test('another area’s 税收 is not the total’s part', () => {
    expect(errors('全市一般公共预算收入144.0亿元。县域税收收入60.1亿元,非税收入实现46.4亿元。')).toEqual([]);
  });
  test('a share of a whole stated before with 累计完成', () => {
    const t = '全盟一般公共预算支出累计完成1107315万元,同比减少13724万元。\n财政支出中,民生支出797546万元,占一般公共预算支出的72.0%。';
    expect(errors(t)).toEqual([]);
    expect(errors(t.replace('72.0%', '82.0%')).map((f) => f.rule)).toEqual(['text.share']);
  });
});

describe('news wordings: 万 for 万元, 由…调整为…, 会议费 in a “三公” total', () => {
  test('"合计为1000.86万," is 万元; other costs in a 三公 list are added, and the 口径 is a warning', () => {
    const t =
      '鄂城区2022年的“三公"经费决算数合计为1000.86万,其中:因公出国(境)费0万元、公务用车购置费399.25万元、公务用车运行维护费472.38万元、公务接待费43.77万元、会议费34.10万元、培训费51.37万元。';
    expect(errors(t)).toEqual([]);
    expect(checkText(t).filter((f) => f.rule === 'text.scope')).toHaveLength(1);
    expect(errors(t.replace('1000.86万', '2000.86万')).map((f) => f.rule)).toEqual(['text.sum']);
    // 万 before other words is no unit ("5万人次").
    expect(errors('全年接待5万人次,较上年增加1万人次,增长25%。')).toEqual([]);
  });
  test('由…调整为…, 调增…: the change between them; 由…增加到…, 增长…%: the rate', () => {
    expect(errors('一般公共预算总收入由397959万元调整为409959万元,调增12000万元。')).toEqual([]);
    expect(errors('一般公共预算总收入由397959万元调整为409959万元,调增22000万元。').map((f) => f.rule)).toEqual(['text.delta']);
    expect(errors('普通高等学校由上年的17916.00元增加到21360.17元,增长19.22%。')).toEqual([]);
    expect(errors('普通高等学校由上年的17916.00元增加到21360.17元,增长29.22%。').map((f) => f.rule)).toEqual(['text.rate']);
  });
});

describe('execution reports (the sixth held-out set)', () => {
  test.each([
    ['a rate before its change', '全省一般公共预算收入完成1867亿元,同比增长20%,增收310亿元。', '增长20%', '增长30%'],
    [
      '…and after the amount’s share of its budget',
      '地方一般公共预算收入完成28,583万元,占调整预算105.47%,同比增长10.85%,增收2,798万元。',
      '增收2,798',
      '增收3,798',
    ],
    ['增长-10.3% is a fall', '自治区一般公共预算收入661.4亿元。其中:税收收入427.6亿元,同比减收48.9亿元,增长-10.3%。', '-10.3%', '-20.3%'],
    ['完成调整预算X的Y%', '一般公共预算收入完成39.1亿元,完成调整预算37.5亿元的104.3%。', '104.3%', '204.3%'],
    [
      'a share whose part is named, not stated, in its sentence',
      '全县一般公共预算收入完成34,264万元,其中:税收收入完成17,924万元;非税收入完成16,340万元。非税收入占一般公共预算收入比重47.69%。',
      '47.69%',
      '57.69%',
    ],
    [
      'a share of 100% of a whole of the same amount',
      '2022年度本年收入合计9,578.17万元,其中:财政拨款收入9,578.17万元,占收入合计的100.00%。',
      '100.00%',
      '90.00%',
    ],
    [
      'a change against a budget named without 比',
      '(一)因公出国(境)费支出13.9万元,2015年预算增加1.7万元,增加13.9%,增加原因主要是出访国别不同。',
      '增加13.9%',
      '增加23.9%',
    ],
    ['为年预算的X%, its budget before in the sentence', '全县政府性基金收入预算20.65亿元,实际完成17.07亿元,为年预算的82.6%,同比增长9.5%。', '82.6%', '92.6%'],
    [
      '…or in a sentence before: the adjusted budget when it names it',
      '全县政府性基金支出预算21.56亿元。执行中使用上级补助等安排支出,支出预算调整为19.44亿元。实际完成15.17亿元,为调整预算的78%,同比下降15%。',
      '78%',
      '88%',
    ],
    ['a 目标 is a budget', '县人大批准县本级一般公共财政预算收入目标17.36亿元。当年实际完成17.18亿元,为预算的99%。', '99%', '89%'],
    [
      'a total after clauses parted by ；, one amount each',
      '全县一般公共预算收入完成78.14亿元;上年结转收入3.36亿元;上级补助收入20.75亿元;调入资金0.13亿元;地方政府一般债务转贷收入5.72亿元;调入预算稳定调节基金1.59亿元;收入合计109.69亿元。',
      '109.69',
      '119.69',
    ],
    ['an amount’s parts in brackets after it', '支出合计108.21亿元(县本级86.76亿元,高新区21.45亿元)。', '86.76', '96.76'],
    [
      'a share of 总支出, the whole stated as 部门预算支出',
      '2021年部门预算支出5572万元。按支出功能分类:教育5035.9万元,占总支出的90.38%;社会保障和就业426万元,占总支出的7.65%。',
      '7.65%',
      '8.65%',
    ],
    [
      'a share of a whole stated in a section before, one figure there',
      '三、支出决算情况说明\n2017年总支出7778.55万元,其中项目支出683.20万元。\n四、一般公共预算财政拨款支出决算情况说明\n2017年度一般公共预算财政拨款支出2339.68万元,占本年支出合计的30.08%。',
      '30.08%',
      '40.08%',
    ],
    [
      'a 其中 one part long, larger than its whole',
      '2022年收入预算455.04万元,比2021年增加41.58万元。其中:一般公共预算拨款455.04万元,无政府性基金预算拨款。',
      '拨款455.04',
      '拨款555.04',
    ],
    [
      '占全部支出: the 支出 stated last before it in its paragraph',
      '全省一般公共预算支出累计执行3756.7亿元,同比增长9.2%,增支315亿元;全省民生支出3058.8亿元,占全部支出的81.4%,增长7.8%。',
      '81.4%',
      '91.4%',
    ],
    [
      'a whole named by the end of its words',
      '全国政府采购授予中小微企业合同金额为24519.1亿元,占全国政府采购规模的74.1%,授予小微企业合同金额为11922.3亿元,占授予中小微企业合同金额的48.6%。',
      '48.6%',
      '58.6%',
    ],
    [
      '加 上级… with what it takes away (减…)',
      '一般公共预算收入633.8亿元,增长6.3%。其中,税收收入515.4亿元,增长2%。加上级转移支付等收入116.3亿元,上年结余57.5亿元,一般债务18.3亿元,减调出资金等8亿元,减债务还本支出13.7亿元,预算总收入804.2亿元。',
      '804.2',
      '904.2',
    ],
    [
      'one thing’s amount in lists of two years, the rate beside the later',
      '回顾一下2023年1-12月份各地市财政收入完成数据:\n1.沈阳(800.85亿元 同比增长12.2%下同)、2.大连(750.20亿元 12.0%)。\n再看看2024年1-12月份各地市财政收入:\n1.沈阳(825.60亿元 同比增长3.1%下同)、2.大连(774.60亿元 3.3%)。',
      '3.3%',
      '4.3%',
    ],
    [
      'a total and what it is made of after it (由…构成)',
      '全镇一般公共预算财力1,867.48万元。由一般公共预算收入111.11万元,加上级补助收入、上年结余等1,756.37万元构成。',
      '1,756.37',
      '1,856.37',
    ],
    [
      '…its label cut off by a comma',
      '支出总计1,867.48万元,由一般公共预算支出1,867.48万元,加上解支出、结转下年等0万元等构成,当年收支平衡。',
      '支出总计1,867.48',
      '支出总计,867.48',
    ],
    [
      'the three 三公 items named together before a figure are its total',
      '2010年中央本级用财政拨款开支的因公出国(境)经费、公务用车购置及运行费,、公务接待费决算支出94.7亿元,。其中,因公出国(境)经费17.73亿元,,公务用车购置及运行费61.69亿元,,公务接待费15.28亿元。',
      '94.7',
      '84.7',
    ],
    ['非税收收入 (a typo) with 税收收入 makes the whole', '地方公共财政预算收入1.8939亿元。其中税收收入1.0175亿元,非税收收入0.8764亿元。', '1.8939', '2.8939'],
    [
      'a balance’s list that ends with what is carried over makes its whole',
      '全区一般公共预算支出预计为694.3亿元。其中:区本级支出596.4亿元;上解市级支出45.9亿元;补助下级支出23.1亿元;将一般公共预算的超收收入22.7亿元补充预算稳定调节基金;结转下年继续使用的专项资金6.2亿元。',
      '694.3',
      '794.3',
    ],
    [
      'a numbered list inside a list goes on over its ；',
      '全年完成地方财政收入1408135万元,其中:\n1.一般公共预算收入完成802143万元,其中:(1)地方一般公共预算收入完成404633万元,同比下降0.29%(税收收入199744万元、政府非税收入204889万元);(2)上级补助收入完成294842万元;(3)调入资金176万元;(4)地方政府一般债务转贷收入58100万元;(5)上年结余收入44392万元。',
      '802143',
      '902143',
    ],
    [
      'the four budgets make the whole',
      '2022年全市安排地方财政预算收入760459万元,其中:一般公共预算收入482065万元;政府性基金预算收入234200万元;国有资本经营预算收入811万元;社会保险基金预算收入43383万元。',
      '760459',
      '860459',
    ],
    [
      '上划 and 地方 make the 全口径 whole',
      '全区全口径财政收入完成57122万元,比上年同期增长18.7%。其中上划中央和省收入完成25163万元,比上年同期增长6.1%;地方公共财政预算收入完成31959万元,比上年同期增长30.9%。',
      '57122',
      '67122',
    ],
    [
      '分级次看: the levels make the whole (not the 税收 stated last)',
      '1—5月份,一般公共预算收入完成458795万元,下降5.2%;税收收入完成327464万元,下降2.2%。分级次看,市本级完成122378万元,下降7.3%;县区级完成336417万元,下降4.3%,其中,区级完成114437万元,下降8.5%;县级完成221980万元,下降2.0%。',
      '458795',
      '558795',
    ],
    [
      '…and a level its own levels',
      '1—5月份,一般公共预算收入完成458795万元,下降5.2%。分级次看,市本级完成122378万元,下降7.3%;县区级完成336417万元,下降4.3%,其中,区级完成114437万元,下降8.5%;县级完成221980万元,下降2.0%。',
      '336417',
      '436417',
    ],
    [
      '…and their rates the whole’s',
      '全市一般公共预算支出完成1268606万元,下降1.4%。分级次看,市本级支出完成340687万元,下降1.9%;县区级支出完成927919万元,下降1.3%。',
      '下降1.3%',
      '下降2.3%',
    ],
    [
      '按产业分: the three sectors make the whole',
      '全社会固定资产投资完成69.92亿元,增长21.1%。按产业分,第一产业完成投资18987万元,第二产业完成投资260810万元,第三产业完成投资419439万元。',
      '69.92',
      '79.92',
    ],
    [
      '[named],加…: the first named without its figure, stated before',
      '2018年全省一般公共预算收入安排6495亿元,比上年增长6.5%;全省一般公共预算支出安排9767亿元,增长5.5%。全省当年一般公共预算收入,加新增一般债券收入、中央税收返还和转移支付补助、上年结转收入等3790亿元,收入共计10285亿元。当年一般公共预算支出,加上解中央支出及结转下年支出等518亿元,支出共计10285亿元。',
      '支出共计10285',
      '支出共计20285',
    ],
    [
      '…上述… and 后,…总收入为',
      '2018年省级一般公共预算收入安排208.3亿元,比上年执行数下降16.6%。按照现行财政体制,上述省级预算收入,加税收返还及转移支付收入3003.1亿元,调入预算稳定调节基金及计划单列市上解收入等82.19亿元,新增一般债券及上年结转收入291.08亿元后,2018年省级一般公共预算总收入为3584.67亿元。',
      '3584.67',
      '4584.67',
    ],
    [
      'a share among shares whose 占 was left out',
      '一般公共预算支出1853.75万元。其中:一般公共服务支出588.61万元占31.75%、文化旅游体育与传媒支出27.02万元占1.46%、社会保障和就业支出206.53万元11.14%、卫生健康支出57.22万元占3.09%。',
      '11.14%',
      '21.14%',
    ],
    [
      'a 决算’s 收入总计 with its 年初结转和结余',
      '2023年度收入总计434.72万元,其中:本年收入合计434.16万元,使用非财政拨款结余0.00万元,年初结转和结余0.55万元。',
      '434.72',
      '534.72',
    ],
    [
      'a share whose figure stands after a comma (占,88.19%)',
      '“三公”经费支出决算中,因公出国(境)费支出0元,占0%;公务用车购置及运行维护费支出23,005.58元,占,88.19%;公务接待费支出3,080元,占11.81%。',
      '11.81%',
      '21.81%',
    ],
    [
      '从…看 before a figure’s words (从收入结构情况看税收收入…)',
      '2019年全区一般公共预算收入1,026,943万元。\n从收入结构情况看税收收入747,539万元,下降7.59%;非税收入279,404万元,增长40.67%。税收收入占一般公共预算收入比重为72.79%。',
      '72.79%',
      '82.79%',
    ],
    [
      'a list that states its empty items names every item',
      '(一)2023年收入预算3796.61万元,其中:\n1、财政拨款3362.61万元;\n2、专户管理的事业收入434万元;\n3、单位资金收入0万元;\n4、政府性基金安排的收入0元。',
      '3796.61',
      '3814.61',
    ],
    [
      '购置 said to have none under the 车 item',
      '三、公务用车购置及运行维护费\n2014年安排公车购置及运行维护费130万元,其中:购置经费无,运行维护费130万元,与2013年预算持平。',
      '运行维护费130',
      '运行维护费230',
    ],
    [
      'a 收支总预算 is the 收入 budget’s total too',
      '天台县三合镇人民政府2020年收支总预算1515.03万元。\n1.收入预算总体情况\n部门收入预算总计 1515.03 万元,比上年执行数1688.78万元减少173.75万元。',
      '收支总预算1515.03',
      '收支总预算2515.03',
    ],
    [
      'a rate between an amount and one of the year its words compare with',
      '“公务用车运行维护费”预算数50万元,主要是应急公务用车费用。2015年预算数160万元, 2016年预算比2015年预算下降68.8%。',
      '68.8%',
      '78.8%',
    ],
    [
      '…如下: then numbered items, each a heading with its figure on the line under it',
      '三、一般公共预算拨款支出预算\n2018年一般公共预算拨款收入120.71万元,具体安排情况如下:\n(一)基本支出:\n2018年年初预算数为98.71万元,是指为保障单位机构正常运转而发生的各项支出。\n(二)项目支出:\n2018年年初预算重大疾病防控及结核配套经费22.00万元,是指单位为完成特定工作任务而发生的支出。',
      '收入120.71',
      '收入220.71',
    ],
    [
      'a change against last year’s budget (比去年年初预算减少)',
      '2014年中央本级三公经费财政拨款预算71.51亿元,比去年年初预算减少8.18亿元,下降10.3%。',
      '8.18',
      '9.18',
    ],
    [
      'a part named by its use (其中用于…)',
      '2020年预算内收入安排655.55万元,支出655.55万元(其中用于工资福利支出为613.35万元,对个人和家庭补助支出28.17万元,商品和服务支出14.03万元)。',
      '支出655.55',
      '支出755.55',
    ],
    [
      '无…预算安排 is nothing',
      '三、公务用车购置及运行维护费\n2019年预算安排公务用车购置及运行维护费25万元,公务用车运行维护费25万元,与2018年年初预算持平。2019年无公务用车购置费预算安排。',
      '运行维护费25万元,与',
      '运行维护费35万元,与',
    ],
    [
      'two rates and the points between them (比…高/低…个百分点)',
      '从全省看,全省一般公共预算收入下降4.1%,比我市增幅(-5.2%)高1.1个百分点。豫北五市平均增幅-6.7%,比我市增幅(-5.2%)低1.5个百分点。',
      '低1.5个',
      '低2.5个',
    ],
    [
      'a numbered line’s total with the lines numbered deeper under it: its items, every one',
      '1.全镇一般公共预算总收入完成19559.87万元,占年初预算的94.59%。\n(1)上级补助收入及镇级非税收入18754.82万元;\n(2)上年结转收入805.05万元;',
      '19559.87',
      '29559.87',
    ],
    [
      'a rate said only as a bound in a lead, against the rate stated for that total',
      '预算总支出较2014年减少逾3%,实现两年连降。\n全国政协办公厅2015年支出预算108,000.84万元,较2014年支出预算111,585.87万元减少3,585.03万元,约减少3.2%。',
      '减少逾3%',
      '减少逾4%',
    ],
    [
      'a chain of 加 to a 总收入 and on to a 收入总计, an amount printed with a minus sign',
      '全县一般预算总收入468222万元,加上年结余11080万元,加调入资金335万元,再加动用预算稳定调节基金1705万元,收入总计481342万元。一般公共预算支出456269万元,上解上级支出3370万元,债务还本支出12667万元,安排预算稳定调节基金731万元,补充预算周转金-21万元,区域间转移性支出780万元,支出总计473796万元。',
      '收入总计481342',
      '收入总计581342',
    ],
    ['a change 较上年同月', '一般公共预算支出完成2021万元,较上年同月少支1926万元,下降48.8%。', '48.8%', '58.8%'],
    [
      'a list opened after a clause of reasons that closes the total’s sentence',
      '本部门2021年度支出合计12638.86万元,较上年决算数增加5117.19万元,增长68.03%,主要原因是重大公共卫生、基本公共卫生项目支出增加。其中:基本支出1591.79万元,占12.59%;项目支出11047.07万元,占87.41%。',
      '占12.59%',
      '占21.59%',
    ],
    [
      'a budget stated paragraphs before under the actual’s own name',
      '报经区人大常委会批准,对全区预算进行了调整,调整后,全区财政总收入为385,000万元,一般公共预算收入为126,600万元。执行情况如下:\n1.财政总收入预算执行情况。2020年,全区财政总收入完成392,026万元,为调整预算的101.8%,比上年减收13,872万元,下降3.4%。',
      '101.8%',
      '111.8%',
    ],
    ['a part of a 其中 list over 100%', '收入合计2828.33万元。其中:财政拨款收入2828.33万元,占100.00%;事业收入0.00万元,占0.00%。', '占100.00%', '占200.00%'],
    [
      'totals broken down by the kind of unit (从单位性质看: 行政单位…; 事业单位…)',
      '截至2023年底,全市行政事业性资产总额13822.1亿元,同比增长6.2%;负债总额2981.4亿元,同比减少0.8%;净资产总额10840.7亿元,同比增长8.3%。从单位性质看:行政单位资产总额4347.5亿元,负债总额1143.8亿元,净资产总额3203.7亿元;事业单位资产总额9474.6亿元,负债总额1837.6亿元,净资产总额7637亿元。',
      '负债总额1837.6',
      '负债总额2837.6',
    ],
    [
      'a change’s 税收 and 非税 changes in brackets',
      '一是收入增加3627万元,其中:本级收入增加365万元(税收增加146万元、非税增加219万元)、上级补助收入增加3262万元。',
      '增加365',
      '增加465',
    ],
    [
      'a rate after the prior it is compared with, its change after it',
      '全县大口径财政收入累计完成99895万元,占预算92390万元的108.1%,较上年同期110374万元下降9.5%,减收10479万元。',
      '下降9.5%',
      '下降8.5%',
    ],
    [
      'a rate before its change, past a completion of a budget and an 超收',
      '一般公共预算收入46900万元,完成预算46508万元的100.8%,超收392万元,同比增长6.8%,增收3003万元。',
      '增收3003',
      '增收4003',
    ],
    [
      '收支 is either total where they are one',
      '2021年度收入总计3,084.82万元,支出总计3,084.82万元。收支较上年决算数减少701.01万元、下降18.5%,主要原因是2020年有政府性基金收入。',
      '下降18.5%',
      '下降28.5%',
    ],
    ['a 计划 is a budget', '我县一般公共预算收入计划34,888万元,全县一般公共预算收入完成34,264万元,完成年初预算的98.21%。', '98.21%', '88.21%'],
  ])('%s', (_n, correct, right, wrong) => {
    expect(errors(correct)).toEqual([]);
    expect(errors(correct.replace(right, wrong)).length).toBeGreaterThan(0);
  });
  test.each([
    [
      'a dated clause after 由于… is a statement of its own',
      '我县2020年一般公共预算收入计划34,888万元,预算执行过程中,由于疫情影响,导致财政收入减收,2020年全县一般公共预算收入完成34,264万元,其中:税收收入完成17,924万元;非税收入完成16,340万元。',
    ],
    ['保持平稳 is no 持平', '河南省财政收入保持平稳较快增长态势,一般公共预算收入增长5.1%。'],
    [
      'a partition takes no more after its sentence',
      '2024年一般公共预算收入完成47.98亿元,其中:税收收入完成37.53亿元,非税收入完成10.45亿元。加税收返还和转移支付22.18亿元、上年结余3.18亿元。',
    ],
    [
      'a comment sentence ends a list',
      '全区财政总收入累计完成41.73亿元,其中税收收入累计完成35.22亿元。全区财政总收入位列全市第二。一般公共预算收入累计完成24.82亿元。',
    ],
    ['shares of one amount in several wholes', '2019年全国政府采购规模为33067.0亿元,占全国财政支出和GDP的比重分别为10.0%和3.3%。'],
    [
      'a run of shares after a run of amounts',
      '全国政府采购规模为34,993.1亿元。货物、工程、服务政府采购规模分别为9,027.5亿元、15,664.1亿元和10,301.5亿元,占全国政府采购规模比例为25.8%、44.8%和29.4%。',
    ],
    [
      '实际执行 after a 三公 budget is a 三公 total of its own',
      '中央本级2016年“三公”经费财政拨款预算限额61.78亿元,实际执行47.11亿元,其中,因公出国(境)费17.07亿元,公务用车购置及运行费25.85亿元(其中,购置费1.42亿元,运行费24.43亿元),公务接待费4.19亿元。',
    ],
    [
      'an item completes its own budget, not the total’s before it',
      '2022年度“三公”经费支出年初预算为234000.00元,支出决算为65000.00元,完成年初预算的27.8%。其中:公务用车运行维护费支出决算为34000.00元,完成年初预算的100%;公务接待费支出决算为31000.00元,完成年初预算的15.5%。',
    ],
    ['a bracket that holds only some of it', '一般公共预算收入完成78.14亿元(含县本级60.4亿元,高新区7.74亿元)。'],
    ['a bracket of the year before', '支出合计108.21亿元(上年100.2亿元,上年同期95.1亿元)。'],
    ['clauses of 支出 before a 收入 total', '一般公共预算支出98.8亿元;上解上级支出2.58亿元;收入合计109.69亿元。'],
    [
      'a whole stated before its section as two figures is not guessed',
      '三、支出决算情况说明\n2017年总支出7778.55万元。\n2016年总支出7171.97万元。\n四、财政拨款支出\n2017年度一般公共预算财政拨款支出2339.68万元,占本年支出合计的40.08%。',
    ],
    ['a 其中 of the year before', '2022年支出预算120万元,其中:上年结转资金150万元。'],
    [
      'a whole named by the end of the words of several amounts is not guessed',
      '去年全盟一般公共预算收入累计完成310682万元。盟本级一般公共预算收入累计完成33648万元;旗级一般公共预算收入累计完成277034万元。税收收入累计完成213251万元,占一般公共预算收入的68.6%。',
    ],
    [
      'a 收入 among a 支出 list’s items parted by ；: the list goes on past what can be read',
      '全区一般公共预算支出总计668.2亿元。其中:区本级支出589.5亿元;上解市级支出37.9亿元;补助下级支出23.1亿元;将一般公共预算的超收收入6.9亿元补充预算稳定调节基金;结转下年继续使用的专项资金10.8亿元。',
    ],
    [
      'a 支出 after a 收入 list in its sentence is no part',
      '实现地方公共财政预算收入1.8939亿元。其中税收收入1.0175亿元,非税收收入0.8764亿元,地方公共财政支出98.5044亿元,增长5.2%。',
    ],
    [
      'another fund’s amount is no part of one fund’s list',
      '全区一般公共预算支出累计完成397641万元,增长0.7%,其中:民生支出累计完成257215万元,占一般公共预算支出的64.7%。政府性基金累计支出完成197944万元,国有资本经营支出180万元。',
    ],
    [
      '加上 after a 其中 list adds to the list’s whole',
      '县级一般公共预算收入预计完成64000万元,占调整预算的100%,同比下降16.7%,其中:税收收入34000万元、非税收入30000万元。加上转移性收入486923万元,收入总计550923万元。',
    ],
    [
      '…after a one-part 其中 too',
      '全区政府性基金预算收入完成130.2亿元,完成年度预算的96.6%。其中:国有土地使用权出让相关收入完成125.6亿元。加上转移性收入33.8亿元,收入合计164.0亿元。',
    ],
    [
      'a sentence whose first figure is a percentage ends a list',
      '全年财政总收入47.36亿元,比上年增长15.48%;其中一般公共预算收入23.25亿元,比上年增长9.44%。财政总收入占生产总值的比重为13%。税收总收入10.4亿元,比上年下降7.62%;非税收入12.85亿元,比上年增长28.63%。',
    ],
    ['a threshold passed is no amount', '全区收入规模继2010年突破1000亿元,2019年突破2000亿元后,2023年首次突破3000亿元。非煤行业同比增长28.5%。'],
    [
      'a rate on another basis (剔除…按同口径计算)',
      '全省一般公共预算收入完成1261.6亿元,比上年增长41.3%,增收368.7亿元,若剔除留抵退税政策对收入的影响,按同口径计算增长53.5%。',
    ],
    [
      'a share of 税收 is no 税收占比',
      '一般公共预算收入3083.4亿元。其中,税收收入2331亿元,增长9.2%;非税收入752.4亿元,增长9%。非煤行业同比增长28.5%,占全口径税收收入比重为57.6%。',
    ],
    [
      'a change against the year before is of the amount done, not of the budget it completes',
      '2021年全县财政总收入完成23992万元,占年度预算22443万元的106.9%,较上年21012万元,增收2980万元,增幅14.2%。',
    ],
    [
      'a part’s own bracketed parts are not the part’s parts',
      '全年完成地方财政收入1408135万元,其中:\n1.一般公共预算收入完成802143万元,其中:(1)地方一般公共预算收入完成404633万元,同比下降0.29%(税收收入199744万元、政府非税收入204889万元);(2)上级补助收入完成294842万元;(3)调入资金176万元;(4)地方政府一般债务转贷收入58100万元;(5)上年结余收入44392万元。',
    ],
    [
      'a share in a list of another part of it',
      '全区一般公共预算支出总计668.2亿元。其中:区本级支出589.5亿元;上解市级支出37.9亿元;补助下级支出23.1亿元;将一般公共预算的超收收入6.9亿元补充预算稳定调节基金;结转下年继续使用的专项资金10.8亿元,占区本级一般公共预算支出的1.8%。',
    ],
    [
      '加上… after a figure is no total-after-parts of its own',
      '全省一般公共预算地方收入完成3101.8亿元,为调整预算的100.1%;加上中央补助4722.3亿元,一般债务收入1036.3亿元,动用预算稳定调节基金268.8亿元,调入资金860.7亿元,上年结转637.6亿元,收入合计10627.5亿元。',
    ],
    [
      'a 收入 budget beside a smaller 支出 budget (some spending left out of it) is no finding',
      '(一)2023年收入预算3814.61万元,其中:财政拨款3362.61万元;专户管理的事业收入434万元。\n(二)2023年支出预算3380.61万元。',
    ],
    [
      'the main items 如下 do not make the whole',
      '三、项目支出\n2018年项目支出120.71万元,主要项目如下:\n(一)培训:\n2018年年初预算数为28.71万元。\n(二)宣传:\n2018年年初预算数为22.00万元。',
    ],
    [
      '占年初预算x% is a completion, not a share of the list’s total',
      '一、一般公共服务支出16599424.17元,其中:\n1、人大事务支出323400.00元,占年初预算100%。\n2、政府办公室及相关机构支出14557942.17元,占年初预算91.38%。',
    ],
    [
      'a 总支出 list that names no balance item does not say it names every use',
      '全镇一般公共预算总支出43.27亿元,完成调整预算98.12%。其中,基本经费支出16.38亿元,专项经费支出23.14亿元(含市拨专款4.01亿元),基建工程支出2.24亿元。',
    ],
    ['超收 is a change against the budget', '政府性基金收入34519万元,完成预算20000万元的172.6%,超收14519万元,同比减收11469万元,下降24.9%。'],
    ['附加 is no change word', '2019年全县一般公共预算教育经费(包括教育事业费,基建经费和教育费附加)为9.39亿元,比上年10.02亿元减少6.29%。'],
    ['a progress figure is not the amount a change is of', '大口径财政收入完成4859万元,占年初预算月进度的99.4%,月进度29万元,较上年同月减收300万元,下降5.8%。'],
    [
      'a list cut after its empty items, the statement not ended, does not name every item',
      '本年收入合计1,151.41万元;包括财政拨款收入1,077.36万元(其中,一般公共预算1,077.36万元,政府性基金预算0万元,国有资本经营预算0万元),占收入合计93.57%;上级补助收入0万元,占收入合计0%;事业收入0万元,占收入合计0%;',
    ],
    [
      'last year’s outturn is no budget of this year’s',
      '陕西省一般公共预算支出5930.32亿元,比上年增长3.7%,完成调整预算的95.36%。\n今年1月至6月,陕西省一般公共预算支出3078.34亿元,比上年同期增长6.36%,完成调整预算的58.59%。',
    ],
  ])('no error: %s', (_n, text) => {
    expect(errors(text)).toEqual([]);
  });
});

describe('runs of amounts and shares, the three 三公 items’ shares', () => {
  test('a run of amounts whose shares make 100% makes the whole the shares name', () => {
    const t =
      '2022年全国政府采购规模为34,993.1亿元。从结构来看,货物、工程、服务政府采购规模分别为9,027.5亿元、15,664.1亿元和10,301.5亿元,占全国政府采购规模比例为25.8%、44.8%和29.4%。';
    expect(errors(t)).toEqual([]);
    expect(errors(t.replace('15,664.1亿元', '25,664.1亿元')).map((f) => f.rule)).toContain('text.sum');
  });
  test('the shares of the three items are of the three together', () => {
    const t = '“三公”经费支出决算中,因公出国(境)费支出0.00万元,占0.00%;公务用车购置及运行维护费支出12,000.00元,占100%;公务接待费支出0.00元,占0.00%。';
    expect(errors(t)).toEqual([]);
    expect(errors(t.replace('占100%', '占90%')).map((f) => f.rule)).toEqual(['text.share']);
    expect(errors(t.replace('支出0.00万元', '支出0.01万元')).map((f) => f.rule)).toEqual(['text.share']);
  });
});

describe('the seventh held-out set’s readings', () => {
  test.each([
    [
      'a rate with its % left out, right after a change',
      '部门收入预算总计1515.03万元,比上年执行数1688.78万元减少173.75万元减少10.29主要原因是基本支出减少。',
      '减少10.29',
      '减少11.29',
    ],
    ['为年预算X的Y%', '一般公共财政收入完成21.87亿元,为年预算21.06亿元的103.8%。', '103.8%', '203.8%'],
    ['one part with its share of the total', '本年收入合计386.31万元,其中:财政拨款收入386.31万元,占100%。', '占100%', '占90%'],
    [
      'a 持平 part of a list of changes is its item',
      '2013年“三公经费”财政拨款预算数减少138.52万元,其中:因公出国(境)费减少161.92万元,原因为任务已经完成;公务用车购置及运行费增加23.4万元,为新增单位的车辆运行费;公务接待费与上年持平。',
      '减少138.52万元',
      '减少238.52万元',
    ],
  ])('%s', (_n, correct, right, wrong) => {
    expect(errors(correct)).toEqual([]);
    expect(errors(correct.replace(right, wrong)).length).toBeGreaterThan(0);
  });
  test.each([
    [
      '中央补助 and 地方收入 are no partition of a 收入总量',
      '全区收入总量2970亿元,增长11.5%。其中,地方收入213亿元,下降3.6%;中央补助2146.7亿元,比上年增长8.7%;一般债务收入104.2亿元,动用预算稳定调节基金、上年结转等506.1亿元。',
    ],
    [
      'a sentence about one of the parts is its account',
      '2017年总支出7778.55万元,其中财政项目补助支出683.20万元,基本支出7095.35万元。基本支出中医疗业务支出5868.43万元,管理费用1111.10万元,其他支出115.82万元。',
    ],
    [
      '加上 after another 加上’s total',
      '全省当年一般公共预算收入,加中央补助等3790亿元,收入共计10285亿元。当年一般公共预算支出,加上解中央支出及结转下年支出等518亿元,支出共计10285亿元。',
    ],
    [
      'no paragraph ends inside brackets (a PDF wrap after ；)',
      '老边区一般公共预算收入13.9亿元,下降7.9%(其中:老边区本级一般公共预算收入11.4亿元,下降7.3%;\n辽河经济开发区一般公共预算收入2.5亿元,下降10.7%);站前区一般公共预算收入18.2亿元,下降7.6%。',
    ],
    [
      'a one-part list with a share of another whole is no list',
      '授予中小企业合同金额5915.87万元,占政府采购支出总额的20.5%,其中:授予小微企业合同金额1931.86万元,占政府采购支出总额的6.7%。',
    ],
  ])('no error: %s', (_n, text) => {
    expect(errors(text)).toEqual([]);
  });
  test('a line of spaces inside a sentence is no paragraph end', () => {
    const t = '按支出功能分类:教育5035.9万元,占总支出\n      \n的90.38%;社会保障和就业426万元,占总支出的7.65%;医疗卫生110.10万元,占总支出的1.97%。';
    expect(errors(t).map((f) => f.stated)).toEqual(['1.97%']);
  });
});

describe('a yearly average between two years the text names; 收支 as either total', () => {
  test('从2015年的…上升到2020年的…,年均增长x%', () => {
    const t = '一般公共预算收入从2015年的2007万元上升到2020年的2468万元,年均增长4.22%。';
    expect(errors(t)).toEqual([]);
    expect(errors(t.replace('4.22%', '5.22%')).map((f) => f.rule)).toEqual(['text.rate']);
  });
  test('收支较上年减少…: of 收入总计 and 支出总计', () => {
    const t = '2020年度收入总计386.31万元,支出总计386.31万元。收支较上年决算数减少144.43万元、下降27.21%。';
    expect(errors(t)).toEqual([]);
    expect(errors(t.replace('27.21%', '37.21%')).map((f) => f.rule)).toEqual(['text.rate']);
  });
});

describe('the 车 item’s change told by its 购置 and 运行, and a change in the paragraph after its item', () => {
  const t = [
    '2017年区级“三公”经费公共财政拨款支出1394.83万元,比上年减少支出703.25万元。具体情况如下:',
    '(一)因公出国(境)费22.00万元。与2016年相比,因公出国(境)经费支出减少28.23万元。',
    '(二)公务用车购置及运行费1150.85万元。其中:',
    '1、公务用车购置费34.71万元,与2016年相比,公务用车购置费减少79.4万元。',
    '2、公务用车运行费1116.14万元,与2016年相比,公务用车运行费减少596.98万元。',
    '(三)公务接待费221.98万元,国内公务接待893批次,11680人次。',
    '与2016年相比,公务接待费支出增加1.36万元。',
  ].join('\n');
  test('the total’s change against its items’, 车’s from its parts, 接待’s from the next paragraph', () => {
    expect(errors(t)).toEqual([]);
    expect(errors(t.replace('减少支出703.25万元', '减少支出613.80万元')).map((f) => f.rule)).toEqual(['text.change-sum']);
    expect(errors(t.replace('增加1.36万元', '增加91.36万元')).map((f) => f.rule)).toEqual(['text.change-sum']);
  });
});

test('a part larger than its whole in another unit: the unit is said to be the slip', () => {
  expect(messages('二是公务接待费282元,完成预算的97.92%,其中公共财政拨款支出266万元,同比下降0.37%。')).toEqual([
    expect.stringMatching(/282元.*266万元.*单位印错，应为 282万元/),
  ]);
});

test('of parts that do not make their total, the one the total explains is pointed at', () => {
  const f = errors(
    '2019年全区一般公共预算收入1,026,943万元,增长1.92%。\n从收入结构情况看税收收入747,539万元,同比减收61,416万元,下降7.59%;非税收入276,404万元,同比增收80,785万元,增长40.67%。',
  );
  expect(f.map((x) => x.message)).toContainEqual(expect.stringMatching(/1026943万元.*多半是“非税收入”印错：按总数应为 279404万元/));
  expect(f.find((x) => x.rule === 'text.sum')!.stated).toBe('276404万元');
});

test('a change after a percentage is against what its own words name (完成年初预算的88.54%同比减收…)', () => {
  expect(messages('税收收入747,539万元,完成年初预算的88.54%同比减收61,416万元,下降9.59%。')).toEqual([expect.stringMatching(/上年/)]);
});

test('a table a PDF ran into one line: the one row whose percentages its amounts do not give', () => {
  const table = (vat: string) =>
    `表一 单位:万元 2020年 2021年 2021年 完成数 预算数 完成数 49,171 51,385 51,385 100.00% 4.50% 税收收入小计 27,631 33,385 33,385 100.00% 20.82% 增值税 13,950 18,835 17,585 93.36% ${vat}% 企业所得税 564 600 850 141.67% 50.71% 个人所得税 615 650 650 100.00% 5.69%`;
  expect(errors(table('26.06'))).toEqual([]);
  expect(messages(table('36.06'))).toEqual([expect.stringMatching(/增值税.*13950 到 17585 增长 ≈ 26.06%，表中写 36.06%/)]);
});

test('the parts of a partition stated first as shares of a whole named in words, the whole after them', () => {
  const text = (goods: string) =>
    `工资福利支出预算 905709.06 元,占基本支出预算 79.89%,同比增加 21557.64 元,增长 2.44%。\n商品和服务支出预算 ${goods} 元,占基本支出预算%,同比增加 52044.27 元,增长 50.63%。\n对个人和家庭补助支出预算 73200 元,占基本支出预算 6.46%,同比增加 7680 元,增长 11.72%。\n六、一般公共预算基本支出情况说明\n2022 年一般公共预算基本支出 1133753.33 元。`;
  expect(errors(text('154844.27'))).toEqual([]);
  const f = errors(text('75800')).find((x) => x.rule === 'text.sum');
  expect(f?.stated).toBe('75800元');
  expect(f?.message).toMatch(/多半是“商品和服务支出预算”印错：按总数应为 154844.27元/);
});

test('a balance sheet stated in one sentence: 资产 = 负债 + 净资产, this year and, from their changes, last year', () => {
  const text = (assets: string, net: string) =>
    `截至2023年年底,市级行政事业性资产总额${assets}亿元、同比增长6.3%,负债总额341.8亿元、同比增长2.1%,净资产总额1642亿元、同比增长${net}%。`;
  expect(errors(text('1983.8', '7.2'))).toEqual([]);
  expect(messages(text('1993.8', '7.2'))).toEqual([expect.stringMatching(/1993.8亿元.*341.8亿元 \+ 净资产 1642亿元 = 1983.8亿元/)]);
  const f = errors(text('1983.8', '8.2'));
  expect(f.map((x) => [x.rule, x.stated])).toEqual([['text.rate', '8.2%']]);
  expect(f[0].message).toMatch(/上年资产约.*负债约.*净资产约/);
});

test('the 车 item named with its stage after it ("公务用车经费执行数"), in its own section', () => {
  const text = (total: string) =>
    `2024年某县“三公”经费执行数${total}万元,2025年“三公”经费预算数2005.41万元。\n(一)因公出国(境)\n2024年某县因公出国(境)费执行数0万元。\n2025年某县因公出国(境)费预算数0万元。\n(二)公务接待\n2024年某县公务接待费执行数989.37万元。\n2025年某县公务接待费预算数913.41万元。\n(三)公务用车\n2024年公务用车经费执行数1021.58万元,2025年公务用车经费预算数1092万元。`;
  expect(errors(text('2010.95'))).toEqual([]);
  expect(errors(text('3010.95')).map((f) => f.stated)).toEqual(['3010.95万元']);
});

test('each item’s 决算 and its change against its own 预算, in its own section, make the total’s 预算', () => {
  const text = (abroad: string, car: string) =>
    `一、“三公”经费支出决算总体情况说明。\n2021年度“三公”经费支出预算为89.90万元,支出决算为57.53万元,完成预算的63.99%。\n二、“三公”经费支出决算具体情况说明。\n2021年度“三公”经费支出决算中,因公出国(境)费支出决算0万元,占0%;公务用车购置及运行费支出决算57.36万元,占99.70%;公务接待费支出决算0.18万元,占0.30%。\n(一)因公出国(境)费支出0万元。\n因公出国(境)费支出决算比预算数${abroad}。\n(二)公务用车购置及运行费支出57.36万元。\n公务用车购置及运行费支出决算数比预算数减少${car}万元,下降23.42%。\n(三)公务接待费支出0.18万元。\n公务接待费支出决算数比预算数减少4.82万元,下降96.40%。`;
  expect(errors(text('减少10万元,下降100%', '17.54'))).toEqual([]);
  // The template's words left unfilled: the change pointed at.
  const f = errors(text('增加(减少)0万元,增长(下降)0%', '17.54'));
  expect(f.map((x) => [x.rule, x.stated])).toEqual([['text.sum', '0万元']]);
  expect(f[0].message).toMatch(/合计 79.9万元，而文中所写“三公”经费预算为 89.90万元；.*模板/);
  // Otherwise the total's 预算 (and here the 车 change's own rate, 27.54 ÷ 84.90 not 23.42%).
  expect(errors(text('减少10万元,下降100%', '27.54')).map((x) => x.stated)).toEqual(['23.42%', '89.90万元']);
});

test('headcounts: the parts after 其中 no more than the whole, 在职 + 离休 + 退休 the whole 实有人数', () => {
  expect(messages('本部门2020年年末实有人数69人,其中在职人员69人,离休人员0人,退休人员21人;年末其他人员0人。')).toEqual([
    expect.stringMatching(/^实有人数写为 69人，但其中在职人员 69人 \+ 离休人员 0人 \+ 退休人员 21人 = 90人/),
  ]);
  expect(errors('本部门2020年年末实有人数90人,其中在职人员69人,离休人员0人,退休人员21人;年末其他人员0人。')).toEqual([]);
  expect(messages('全部门编制人数120人,其中行政编制80人,事业编制60人。')).toEqual([expect.stringMatching(/140人，已超过总数/)]);
  // A part's own parts in brackets are not the whole's.
  expect(errors('财政供给人员17人,其中在职11人(其中临聘人员1人、西部志愿者1人),退休人员6人。')).toEqual([]);
});

test('a 三公 change stated on its own against the amounts of both years the text stated before', () => {
  const text = (change: string) =>
    `某区2022年的“三公”经费决算数合计为1000.86万,其中:因公出国(境)费0万元、公务用车购置费399.25万元、公务用车运行维护费472.38万元、公务接待费129.23万元。2021年的三公经费决算数合计为807.95万,其中:因公出国(境)费0万元、公务用车购置费272.53万元、公务用车运行维护费327.67万元、公务接待费207.75万元。\n2022年“三公”经费决算数相较于上年增加${change}万元,主要原因是:`;
  expect(errors(text('192.91'))).toEqual([]);
  expect(messages(text('275.76'))).toEqual([expect.stringMatching(/1000.86万元，2021年 807.95万元，相差 192.91万元，文中写增加 275.76万元/)]);
});

describe('what the twelfth held-out set taught', () => {
  holdsOnlyRight([
    [
      'the last part of a list before “具体情况如下” heads no list of its own',
      (x: string) =>
        `三公经费支出预算4.30万元,比2021年预算减少6.80万元,下降61.26%。其中因公出国(境)费0万元,公务接待费1.90万元,公务用车购置及运行费${x}万元。具体情况如下:\n(一)因公出国(境)费。支出预算0万元,与2021年相比持平。\n(二)公务接待费。支出预算1.90万元,与2021年相比持平。\n(三)公务用车购置及运行费。支出预算${x}万元,比2021年预算减少6.80万元,下降73.91%。`,
      '2.40',
      '3.40',
    ],
    [
      'a term after 其中 in a 加 sum is a part of the term before it',
      (x: string) =>
        `全镇一般公共预算收入4402万元,加上级转移支付收入1884万元,其中:一般转移支付收入1478万元,上年结转结余60万元,基金调入103万元,收入合计为${x}万元。`,
      '6449',
      '7449',
    ],
    [
      'what goes up (上划中央, 上划省级) and the local share make the whole',
      (x: string) =>
        `累计完成公共财政预算总收入${x}万元,比上年同期增加6517万元,增长10.61%。其中:地方公共财政预算收入完成51653万元,增加6455万元,增长14.28%;上划中央收入完成12133万元,减少282万元,下降2.27%;上划省级收入完成4163万元,增加344万元,增长9.01%。`,
      '67949',
      '68949',
    ],
    [
      '中央、市区级收入 and 乡镇本级财政收入 make the 总收入',
      (x: string) => `2023年全镇一般财政公共总收入实现${x}万元。其中:中央、市区级收入6830万元,乡镇本级财政收入4505万元。`,
      '11335',
      '12335',
    ],
    [
      'a total of its own ends a list (收入总计 …; 支出总计 …)',
      (x: string) =>
        `2023年政府性基金收入总计${x}万元,其中本级收入103万元,上级补助收入1331万元,上年结余1885万元;2023年政府性基金支出总计3319万元,其中本级支出1703万元,调出资金103万元,结转下年使用1513万元。`,
      '3319',
      '4319',
    ],
    [
      'a run of parts between 、 ends at a comma (the part’s sibling after it)',
      (x: string) =>
        `全镇一般公共预算收入4402万元,加上级转移支付收入1884万元,其中:一般转移支付收入1478万元(含均衡性转移支付收入166万元、基本财力保障机制奖补资金收入968万元、结算补助收入132万元、其他一般转移支付收入${x}万元,专项转移支付收入406万元),上年结转结余60万元,基金调入103万元,收入合计为6449万元。`,
      '212',
      '312',
    ],
    [
      'a 收支总预算 and both sides listed after it',
      (x: string) =>
        `2023年单位收支总预算351.03万元,收入包括:一般公共预算财政拨款351.03万元;支出包括:一般公共服务支出0.83万元,教育支出${x}万元,科学技术支出0.40万元,社会保障和就业支出9.94万元,住房保障支出4.97万元。`,
      '334.90',
      '344.90',
    ],
    [
      'a 部门预算’s 收入预算 and 支出预算, each under its heading, are one amount',
      (x: string) =>
        `(一)收入预算:2023年年初预算数${x}万元,其中:一般公共预算拨款${x}万元。\n(二)支出预算:2023年年初预算数2001.98万元,其中:一般公共安全支出1616.91万元。`,
      '2001.98',
      '2101.98',
    ],
    [
      'a part’s reason goes on over commas to the end of its sentence',
      (x: string) =>
        `一般公共预算财政拨款支出${x}万元,比2022年增加250.41万元,其中:基本支出1806.18万元,比2022年增加399.45万元,主要原因是改革等,共计增加336.1万元;项目支出195.8万元,比2022年减少149.04万元。`,
      '2001.98',
      '3001.98',
    ],
    [
      '人员和公用经费 and 项目经费 make a change whole',
      (x: string) => `收入较2022年减少${x}万元,主要是人员和公用经费减少16.91万元,项目经费减少104.83万元。`,
      '121.74',
      '221.74',
    ],
    ['约占 a whole named with its amount', (x: string) => `2015年基本支出为16924.70万元,约占其2015年财政拨款收支总预算35779.22万元的${x}%。`, '47.3', '57.3'],
  ]);
});

describe('what the thirteenth held-out set taught', () => {
  holdsOnlyRight([
    [
      'a share of a whole never stated, its two parts stated (总支出 = 基本 + 项目)',
      (x: string) =>
        `(一)基本支出预算913.18万元,占总支出预算${x}%,比2021年1,095.35万元减少182.17万元,下降16.6%。\n(二)项目支出预算85.33万元,比2021年108.98万元减少23.65万元,下降21.7%。`,
      '91.5',
      '91.4',
    ],
    [
      'a change and its rate in a sentence that only compares, of the amount before it',
      (x: string) => `2023年度财政拨款收、支总计603.13万元。与2022年相比,财政拨款收、支总计各减少79.44万元,下降${x}%。`,
      '11.6',
      '21.6',
    ],
    ['a 万 that a comparison follows is 万元', (x: string) => `国家财政性教育经费为4453万比去年4432万增长${x}%。`, '0.47', '0.57'],
    ['a percentage of a named amount, "的比例为"', (x: string) => `教育经费3335.17万元,占一般公共预算支出29472万元的比例为${x}%。`, '11.32', '21.32'],
    [
      'completion of an expectation stated before (全年预期)',
      (x: string) =>
        `2020年,我区一般公共预算全年收入预期5390000万元,同比增长0.5%左右。\n2020年上半年,我区一般公共预算收入完成2643400万元,同比减少367937万元,降低12.2%,完成全年预期的${x}%。`,
      '49',
      '59',
    ],
    [
      'a numbered clause after a reason starts a statement of its own',
      (x: string) =>
        `2023年一般公共预算“三公”经费预算安排${x}万元:一、2023年因公出国(境)费预算170万元,主要用于招商,二、2023年公务用车购置及运行费预算150万元,主要原因是严控“三公”经费,三、2023年公务接待费预算200万元,主要原因是为做好招商接待工作。`,
      '520',
      '620',
    ],
    [
      'the headcount template without 其中, each group with its own changes',
      (x: string) => `年末实有人数${x};在职人员29,比上年减少6人,调出6人;退休人员44人,比上年度减少2人,去世2人。`,
      '73',
      '83',
    ],
    [
      'a line that says the items follow ("具体安排如下:"), the items each on a line led by its name',
      (x: string) =>
        `(二)支出预算:2021年年初预算数503.76万元,其中,文化体育与传媒支出434.88万元,社会保障和就业支出30.03万元,医疗卫生与计划生育支出16.33万元,住房保障支出22.52万元。\n\n具体安排如下:\n\n基本支出:2021年年初预算数为${x}万元,是指为保障单位机构正常运转而发生的各项支出。\n\n项目支出:2021年年初预算数为85万元,`,
      '418.76',
      '518.76',
    ],
    [
      'integer amounts: a rate the rounding of its change and prior allows',
      (x: string) => `教育经费总投入为5024万元,比上年的4883万元增加141万元,增长${x}%。`,
      '2.88',
      '2.98',
    ],
  ]);

  test('one count of people stated twice, differently: a warning', () => {
    const text = (n: string) => `退休人员44人,比上年度减少2人,去世2人。\n基本支出减少182.17万元,主要原因为在职人员调出6人,退休人员去世${n}人。`;
    expect(checkText(text('2')).filter((f) => f.rule === 'text.repeat')).toEqual([]);
    expect(checkText(text('1')).map((f) => [f.rule, f.severity, f.stated])).toContainEqual(['text.repeat', 'warning', '1人']);
  });
});

describe('what the fourteenth held-out set taught', () => {
  holdsOnlyRight([
    [
      'a function class’s own 项 listed after it is its detail, not another part',
      (x: string) =>
        `(二)支出预算:2025年年初预算数${x}万元,其中:文化旅游体育与传媒支出支出预算286.85万元,群众文化支出预算 286.85万元,社会保障和就业支出预算107.16万元,卫生健康支出预算19.57万元,住房保障支出预算 16.73万元。`,
      '430.31',
      '330.31',
    ],
    [
      'after parts that are amounts, a clause comparing its subject with last year ends the list',
      (x: string) =>
        `(二)支出预算:2025年支出合计${x}万元,其中:一般公共服务支出0.00万元,教育支出4902.56万元,社会保障和就业支出870.81万元,卫生健康支出237.90万元,住房保障支出244.39万元,其他支出2049.67万元;支出较去年增加2102.84万元,主要是基本支出增加271.33万元,项目支出增加1831.50万元。`,
      '8305.33',
      '8303.55',
    ],
    [
      '主要支出事项: opens a part’s own list',
      (x: string) =>
        `市本级一般公共预算支出安排81.6亿元。其中:财力安排支出68.4亿元,比上年预算数增长10.1%,主要支出事项:一般公共服务支出7.1亿元、教育支出7.5亿元、社会保障和就业支出15.4亿元等;上级专项、上年结转安排支出${x}亿元。`,
      '13.2',
      '23.2',
    ],
    [
      'a heading that names a total and says what makes it ("收入总计主要构成"), the items each on a line',
      (x: string) =>
        `2023年度收入总计${x}万元,支出总计453.13万元。\n(一)收入总计主要构成。\n本年收入452.18万元。\n使用非财政拨款结余0.22万元,较2022年度决算数1.17万元减少0.95万元。\n年初结转结余0.73万元,较2022年度决算数减少7.54万元,下降91.17%。`,
      '453.13',
      '553.13',
    ],
    [
      'a change with its unit left out, its rate after it, in the unit of its paragraph’s amounts',
      (x: string) => `1.收入支出总体情况。2024年度收入总计3874.92万元,支出总计3874.92万元。收支较上年减少484.05,降低${x}%,主要原因是项目支出减少。`,
      '11.1',
      '21.1',
    ],
    [
      'income and spending said to balance (收支相抵,年终无结余) are one amount',
      (x: string) => `2024年国有资本经营预算总收入${x}万元,全部为上级转移性收入。当年国有资本经营预算支出3.2万元。收支相抵,年终无结余。`,
      '3.2',
      '3.5',
    ],
    ['收入总计 and 支出总计 of one 收支总表 are one amount', (x: string) => `2023年度收入总计453.13万元,支出总计${x}万元。`, '453.13', '553.13'],
    [
      '收入、支出总计各增加: of this year’s totals, where both years are stated',
      (x: string) =>
        `2023年度收入总计453.13万元,支出总计453.13万元,2022年度收入总计400.22万元,支出总计400.22万元,与2022年度相比,收入、支出总计各增加52.91万元,增长${x}%。`,
      '13.22',
      '23.22',
    ],
  ]);

  test('a change left in the template’s two words (增加(减少)) reads as its first; from nothing, 增长100% is a warning', () => {
    const f = checkText('2023年度收入总计67.65万元,支出总计67.65万元,与2022年度相比,收入、支出总计各增加(减少)67.65万元,增长100%。');
    expect(f.filter((x) => x.severity === 'error')).toEqual([]);
    expect(f.map((x) => x.rule)).toEqual(expect.arrayContaining(['text.leftover', 'text.zero-base']));
  });

  test('empty sub-rows of a pasted 三公 table under an item that has something are not broken down', () => {
    const t = [
      '单位:万元',
      '项 目 |',
      '预 算 数 |',
      '决 算 数 |',
      '合 计 |',
      '3 |',
      '1.71 |',
      '因公出国(境)费 |',
      '|',
      '|',
      '公务接待费 |',
      '1 |',
      '0.53 |',
      '公务用车购置及运行维护费 |',
      '2 |',
      '1.18 |',
      '其中:公务用车运行维护费 |',
      '|',
      '|',
      '公务用车购置费 |',
      '|',
      '|',
    ].join('\n');
    expect(errors(t)).toEqual([]);
    expect(errors(t.replace('1.71 |', '2.71 |')).map((x) => x.rule)).toEqual(['text.table']);
  });
});

describe('what the fifteenth held-out set taught', () => {
  holdsOnlyRight([
    [
      'numbered items under a line a total ends, one item with its own 其中 list over ；',
      (x: string) =>
        `三、支出总表情况\n\n当年支出预算为${x}万元。\n\n1.基本支出2022年预算22984.40万元,占当年总支出的93.79%。其中:人大事务16418.50万元,用于人员和公用经费;行政事业单位养老支出3370.17万元,用于社保缴费;住房改革支出3195.73万元,用于住房公积金。\n\n2.项目支出2022年预算1521.04万元,占当年总支出的6.21%。`,
      '24505.44',
      '34505.44',
    ],
    [
      'a line that names a total and opens its list ("本年收入的具体构成为:")',
      (x: string) =>
        `本年收入合计231.24万元,较2019年增加5.24万元,增长2.3%。\n本年收入的具体构成为:财政拨款收入231.24万元,占 ${x} %;事业收入 0 万元,占 0%;经营收入 0 万元,占 0 %;其他收入 0 万元,占0 %。`,
      '100',
      '90',
    ],
    [
      'a share "占收入合计" of a list under "本年收入合计" beside a part named 财政拨款收入',
      (x: string) => `本年收入合计7977.75万元;包括财政拨款收入4436.33万元,占收入合计55.61%;事业收入3541.41万元,占收入合计${x}%;经营收入0万元,占收入合计0%。`,
      '44.39',
      '54.39',
    ],
    [
      '收、支总计 one figure, its change "收、支总计各增加"',
      (x: string) => `2019年度收、支总计8,960.51万元,与2018年度相比,收、支总计各增加540.34万元,增长${x}%。`,
      '6.42',
      '7.42',
    ],
    [
      'a change after a part of 0 named after 其中 is the total’s',
      (x: string) => `本部门2020年度收入总计 231.24万元,其中年初结转和结余0万元,较2019年增加5.24万元,增长${x}%;`,
      '2.3',
      '3.3',
    ],
    [
      'a percentage of a named budget past the 超收 between',
      (x: string) => `一般公共预算收入预计可完成63960万元,超收26660万元,占预算目标37300万元的${x}%。`,
      '171.47',
      '271.47',
    ],
  ]);

  test('a change stated as a part of the whole (增加部分), its items amounts or changes the same way', () => {
    const text = (unit: string, total = '47349') =>
      `预算执行中,全年县级财力净增加24810万元(一是增加部分${total}万元,其中:一般公共财政预算超收收入26660万元,县级基本财力保障奖补资金较预算增加1567万元,均衡性转移支付较预算增加2794万元,革命老区转移支付较预算增加14万元,长庆油田财力补助较预算增加41万元,新增债券转贷收入较预算增加13637${unit},盘活存量及其他资金调入较预算增加2636万元。`;
    expect(errors(text('万元'))).toEqual([]);
    expect(messages(text('元'))).toEqual([expect.stringMatching(/13637元.*读作 13637万元.*“增加部分”47349万元/)]);
    expect(messages(text('万元', '37349'))).toEqual([expect.stringMatching(/“增加部分”写为 37349万元.*= 47349万元/)]);
  });

  test('a rate against a prior the words name, past a completion between (收入…,完成预算数…的…%,较上年…万元增长…%)', () => {
    const text = (x: string) =>
      `全年县级一般公共预算收入31751万元,完成预算数31220万元的101.7%,较上年28899万元增长${x}%,税收收入占县级一般公共预算收入的57.7%。`;
    expect(errors(text('9.9'))).toEqual([]);
    expect(messages(text('8.9'))).toEqual([expect.stringMatching(/28899万元到 31751万元.*≈ 9.87%/)]);
  });

  test('an income breakdown that goes on past its 。 is not held short at it', () => {
    const text = (x: string) =>
      `(一)收入预算2025年年初预算数1282.73万元,其中:一般公共预算拨款1125.76万元,上年结转0.00万元。事业收入${x}万元,其他收入70.00万元。`;
    expect(errors(text('86.97'))).toEqual([]);
  });

  test('a part in 元 among 万元 that makes a list exactly whole read as 万元: the 万 left out', () => {
    const text = (unit: string) =>
      `本年收入47349万元,其中:税收收入26660万元,奖补资金1567万元,均衡性转移支付2794万元,革命老区转移支付14万元,财力补助41万元,新增债券转贷收入13637${unit},资金调入2636万元。`;
    expect(errors(text('万元'))).toEqual([]);
    expect(messages(text('元'))).toEqual([expect.stringMatching(/13637元.*读作 13637万元.*47349万元：多半是漏了“万”/)]);
  });

  test('headcounts: parts after 包括 are a part’s own; the list goes on over ； only into another group', () => {
    expect(errors('实有人数4人,其中:在职人数3人,包括行政人员3人;退休人员1人。')).toEqual([]);
    expect(messages('本部门2020年年末实有人数14人,其中在职人员13人,离休人员 0人,退休人员 0人;年末其他人员 0 人;年末学生人数 0 人。')).toEqual([
      expect.stringMatching(/实有人数写为 14人.*= 13人/),
    ]);
    expect(errors('部门人员构成:本单位人员合计77人,其中在职37人,离退休40人;在职人员编制情况:全额财拨编制37人。')).toEqual([]);
  });
});

describe('what the sixteenth held-out set taught', () => {
  const warnings = (t: string) =>
    checkText(t)
      .filter((f) => f.severity === 'warning')
      .map((f) => f.message);

  test('one change of a fund’s income stated twice in two wordings: a warning', () => {
    const text = (x: string) =>
      `(一)收入预算2025年年初预算数1282.73万元,其中:一般公共预算拨款1125.76万元。收入较2024增加39.39万元,主要是由于教师社保缴费基数的增加,一般公共预算拨款增加了32.42万元。\n\n三、单位预算情况说明\n\n2025年一般公共预算财政拨款收入1125.76万元,较2024年增加${x}万元。`;
    expect(warnings(text('32.42'))).toEqual([]);
    expect(warnings(text('34.42'))).toEqual([expect.stringMatching(/财政拨款收入较2024年增加.*32.42万元.*34.42万元/)]);
    // A part's change is not the whole's: "其中,部分减少的经费是因为…,减少了“三公”经费342.74万元".
    expect(
      warnings(
        '2017年度渝中区一般公共预算财政拨款开支的“三公”经费总支出为4,333.33万元。与上年相比,2017年度的“三公”经费支出减少了1,276.52万元,下降了22.75%。其中,部分减少的经费是因为渝中区检察院、法院、审计局等三个单位上划到市级,减少了“三公”经费342.74万元。',
      ),
    ).toEqual([]);
  });

  test('a budget’s income and spending under their headings, with or without a colon or on a line of their own, are one amount', () => {
    const text = (x: string) =>
      `二、单位收支总体情况\n\n(一)收入预算\n\n2025年年初预算数1778.37万元,其中:一般公共预算拨款1778.37万元。\n\n(二)支出预算\n\n2025年年初预算数${x}万元,其中:教育支出1306.37万元,社会保障和就业支出298.78万元,卫生健康支出95.47万元,住房保障支出77.74万元。`;
    expect(errors(text('1778.37'))).toEqual([]);
    expect(messages(text('2778.37'))).toEqual([expect.stringMatching(/支出预算写为 2778.37万元，收入预算为 1778.37万元/)]);
    expect(messages('(一)收入预算2025年年初预算数2282.73万元,其中:一般公共预算拨款1125.76万元。\n(二)支出预算2025年年初预算数1282.734万元。')).toEqual([
      expect.stringMatching(/支出预算写为 1282.734万元/),
    ]);
  });

  test('their changes on last year differ: a warning, last year’s totals not being printed', () => {
    const text = (x: string) =>
      `(一)收入预算:2024年年初预算数777.03万元,其中:一般公共预算拨款744.03万元,其他收入资金33.00万元。较2023年增加40.17万元。\n(二)支出预算:2024年年初预算数777.03万元,其中:教育支出预算777.03万元。支出预算较2023年增加${x}万元。`;
    expect(warnings(text('40.17'))).toEqual([]);
    expect(warnings(text('50.17'))).toEqual([expect.stringMatching(/支出比上年增加 50.17万元、收入比上年增加 40.17万元.*请核对/)]);
  });

  test('a rate against a prior the words name, after another amount with its own 较上年 earlier in the sentence', () => {
    const text = (x: string) =>
      `全年县级一般公共预算收入31751万元,较上年28899万元增长9.9%,加上上划中省市收入29318万元,全县财政总收入61069万元,较上年53169万元增长${x}%。`;
    expect(errors(text('14.9'))).toEqual([]);
    expect(messages(text('24.9'))).toEqual([expect.stringMatching(/53169万元到 61069万元.*≈ 14.86%/)]);
  });

  test('a share whose part its words name and the text states just after', () => {
    const text = (x: string) =>
      `全年县级一般公共预算收入31751万元,较上年28899万元增长9.9%,税收收入占县级一般公共预算收入的${x}%。\n——税收收入18319万元,增长17.6%。`;
    expect(errors(text('57.7'))).toEqual([]);
    expect(messages(text('67.7'))).toEqual([expect.stringMatching(/“税收收入”18319万元.*≈ 57.7%，文中写 67.7%/)]);
  });

  test('new bonds: 一般债券 and 专项债券 make them whole; numbered items after 具体如下 make the amount that answers another', () => {
    expect(messages('新增地方政府债券26000万元,其中一般债券10000万元、专项债券6000万元,应当予以调整。')).toEqual([
      expect.stringMatching(/26000万元.*10000万元 \+ 6000万元 = 16000万元/),
    ]);
    const text = (x: string) =>
      `调增区本级2022年一般公共预算转移性收入“地方政府一般债券转贷收入”10000万元,相应区本级调增一般公共预算支出${x}万元。具体如下:\n1.“其他公安支出”科目2300万元,用于碧湖派出所业务用房新建项目;\n2.“小学教育”科目1900万元,用于碧湖三小新建工程;\n3.“其他城乡社区支出”科目3000万元,用于管网改造修复工程;\n4.“水利工程建设”科目2800万元,用于宣平溪流域综合治理工程。`;
    expect(errors(text('10000'))).toEqual([]);
    expect(messages(text('20000'))).toEqual([expect.stringMatching(/20000万元.*2300万元 \+ 1900万元 \+ 3000万元 \+ 2800万元 = 10000万元/)]);
  });
});

describe('what the seventeenth held-out set taught', () => {
  const wrap = (t: string, width: number) =>
    t
      .split('\n')
      .map((p) => p.match(new RegExp(`.{1,${width}}`, 'gu'))!.join('\n'))
      .join('\n');

  test('a figure after 较…数 with its change word left out is the change where the rate says so', () => {
    expect(errors('其中本年支出568.5万元, 较2023年度决算数38.31万元,下降6.31%。')).toEqual([]);
    expect(messages('其中本年支出568.5万元, 较2023年度决算数38.31万元,下降7.31%。')).toEqual([expect.stringMatching(/38.31万元到 568.5万元 是增加/)]);
    // (The prior's unit the slip: it stays the prior.)
    expect(messages('国家财政性教育经费为89410万元,比上年的131870.68元减少32.20%。')).toEqual([expect.stringMatching(/131870.68元到 89410万元/)]);
  });

  test('基本 = 人员 + 公用 only where its list names no more', () => {
    expect(errors('2022年基本支出3038.92万元,其中人员经费2617.97万元,公用经费364.21万元,纳入财政专户的非税管理56.74万元。')).toEqual([]);
    expect(messages('2022年基本支出3038.92万元,其中人员经费2617.97万元,公用经费464.21万元,纳入财政专户的非税管理56.74万元。')).toEqual([
      expect.stringMatching(/2617.97 \+ 公用经费 464.21 = 3082.18万元/),
    ]);
  });

  test('the spending’s change against those of 基本支出 and 项目支出 stated in sections of their own', () => {
    const text = (x: string, fund = '') =>
      `(二)支出预算。2022年支出预算4213.63万元,比2021年预算减少 ${x}万元。\n四、一般公共预算情况\n(一)基本支出。2022年基本支出3736.92万元,其中人员经费3383.21万元,公用经费353.71万元。比2021年预算增加654万元。\n(二)项目支出。2022年${fund}项目支出预算476.71 万元,比2021年预算减少1994.21万元。`;
    expect(errors(text('1340.21'))).toEqual([]);
    expect(messages(text('745.91'))).toEqual([expect.stringMatching(/支出减少 745.91万元.*合计减少 1340.21万元/)]);
    // (A part of one fund's against the whole's: last year's other funds may explain it — a warning.)
    const warned = checkText(text('745.91', '一般公共预算拨款'));
    expect(warned.filter((f) => f.severity === 'error')).toEqual([]);
    expect(warned.map((f) => f.message)).toContainEqual(expect.stringMatching(/合计减少 1340.21万元.*资金范围不同/));
    // (Nor a change of 公用经费's taken as 基本支出's, nor changes against 预算 and 决算 added up.)
    expect(
      errors(
        '(二)支出预算。2022年支出预算4213.63万元,比2021年预算减少 745.91万元。\n(一)基本支出。2022年基本支出3736.92万元,其中人员经费3383.21万元,公用经费353.71万元,比2021年预算增加54万元。\n(二)项目支出。2022年项目支出预算476.71 万元,比2021年预算减少1994.21万元。',
      ),
    ).toEqual([]);
    expect(errors(text('1340.21').replace('比2021年预算增加654', '比2021年决算数增加700'))).toEqual([]);
  });

  test('numbered items after 如下 whose headings end with a stop, a list ends where a wrap cut a line at its ；', () => {
    expect(
      messages('2022年一般公共预算支出5213.63万元,具体安排情况如下:\n(一)基本支出。2022年基本支出3736.92万元。\n(二)项目支出。2022年项目支出预算476.71 万元。'),
    ).toEqual([expect.stringMatching(/5213.63万元，但其下所列 3736.92万元 \+ 476.71万元 = 4213.63万元/)]);
    const tax =
      '全区一般公共预算收入完成88690万元,比上年增加18926万元,同比增长27.13%。税收收入48510万元,比上年减少2666万元,同比下降5.21%,税收占比为54.70%。其中,增值税12106万元,同比下降16.34%;企业所得税3177万元,同比下降20.32%;个人所得税4086万元,同比增长121.70%;土地增值税、契税、城市维护建设税等其他税种29141万元,同比下降5.62%。非税收入40180万元,比上年增加21592万元,同比增长116.16%,非税收入占比为45.30%。';
    for (const w of [0, 23, 37]) expect(errors(w ? wrap(tax, w) : tax)).toEqual([]);
  });

  test('a sentence that only compares, on a line after a stop, is the line before’s', () => {
    const text = (x: string) =>
      `8.上年结转和结余1.75万元,为以前年度支出预算因客观条\n件变化未执行完毕、结转到本年度按有关规定继续使用的资金。\n较2023年度决算数减少109.93万元,下降${x}%,主要原因是一\n是补缴军休人员医疗保险。`;
    expect(errors(text('98.43'))).toEqual([]);
    expect(messages(text('88.43'))).toEqual([expect.stringMatching(/109.93万元 ÷ 上年（1.75万元 \+ 109.93万元 = 111.68万元） ≈ 98.43%/)]);
  });

  test('a 收入总计 under a heading line of its own without a stop ("(一)收入总计主要构成")', () => {
    const text = (x: string) =>
      `2024年度收入总计${x}万元,支出总计506.91万元。\n(一)收入总计主要构成\n本年收入506.91万元。\n使用非财政拨款结余0.00万元。\n年初结转结余0.00万元。`;
    expect(errors(text('506.91'))).toEqual([]);
    expect(messages(text('606.91'))).toContainEqual(expect.stringMatching(/606.91万元，但其下所列 506.91万元 \+ 0.00万元 \+ 0.00万元/));
  });
});

describe('what the eighteenth held-out set taught', () => {
  test('a 决算 list goes on over ； past 基本 + 项目 (经营支出, 对附属单位补助支出)', () => {
    const text = (x: string) =>
      `教育部2024年度本年支出合計43,665,710.31萬元,比2023年的41,814,652.58萬元,增加1,851,057.73萬元,增長4.4%。其中:基本支出25,851,686.15萬元,占59.2%;項目支出17,799,199.76萬元,占40.8%;經營支出${x}萬元,對附屬單位補助支出130萬元。`;
    expect(errors(text('14,694.4'))).toEqual([]);
    // (Its parts read to the end: more than the whole with a larger 经营支出.)
    expect(messages(text('1,014,694.4'))).toContainEqual(expect.stringMatching(/43665710.31万元，但其下所列.*1014694.4万元 \+ 130万元 = 44665710.31万元/));
  });

  test('the whole again on another basis, in a sentence of its own, is no part of its list', () => {
    expect(
      errors(
        '2022年全区完成一般公共预算收入202.96亿元,完成调整预算数的101.42%,直比下降23.5%。其中,完成税收收入173.65亿元,税占比85.6%。全区还原留抵退税后累计完成一般公共预算收入250.9亿元,同口径下降8.9%',
      ),
    ).toEqual([]);
  });

  test('a completion of a budget stated before by name, two budgets stated: wrong only against both', () => {
    const text = (x: string) =>
      `经区十八届人大常委会第四次、第六次会议审议批准后,一般公共预算支出调整为263.68亿元。综合省市追加专款等变动因素后,2022年全区一般公共预算支出预算总额为261.25亿元。\n2022年全区完成一般公共预算支出251.45亿元,完成调整后支出预算的${x}%,同比下降6.87%。`;
    expect(errors(text('96.3'))).toEqual([]);
    expect(messages(text('86.3'))).toEqual([expect.stringMatching(/251.45亿元 ÷ 263.68亿元/)]);
  });

  test('a change against "2023单位预算收入" (a year without 年, the budget named as whose and of what) is last year’s', () => {
    const text = (x: string) => `2024年区文化和旅游局收入预算749.64万元,比2023单位预算收入减少70.89万元,减少${x}%。`;
    expect(errors(text('8.64'))).toEqual([]);
    expect(messages(text('9.64'))).toEqual([expect.stringMatching(/70.89万元 ÷ 上年（749.64万元 \+ 70.89万元 = 820.53万元） ≈ 8.64%/)]);
  });
});

describe('shapes a review of the rules added for the sixteenth to eighteenth sets raised: nothing is reported', () => {
  const all = (t: string) => checkText(t).map((f) => `${f.severity} ${f.message}`);
  test.each([
    // One fund's income or spending in two scopes a heading names, or as one part's funding.
    '（一）全县预算执行情况\n2024年,一般公共预算收入88690万元,一般公共预算支出287975万元。\n（二）县本级预算执行情况\n2024年,一般公共预算收入50000万元,一般公共预算支出120000万元。',
    '2025年一般公共预算财政拨款收入1125.76万元。\n\n2025年基本支出1000.00万元,一般公共预算拨款900.00万元,事业收入100.00万元。',
    // Changes against 预算 and 决算, or of two years.
    '2025年财政拨款收入1125.76万元,比上年预算增加34.42万元。\n2025年财政拨款收入1125.76万元,比上年决算增加80.15万元。',
    '本年一般公共预算财政拨款收入1125.76万元,较上年增加34.42万元。\n\n2024年一般公共预算财政拨款收入1091.34万元,较2023年增加20.00万元。',
    // A list ended at ； where its parts are parted by commas.
    '2023年全县一般公共预算收入31751万元,其中:税收收入18319万元,非税收入13432万元;上级补助收入45000万元,上年结余收入2000万元。',
    '2024年本部门支出预算1000万元,其中基本支出800万元,项目支出200万元;政府采购预算150万元,其中货物100万元。',
    // New bonds or debts named with more before them.
    '2023年全市共发行地方政府债券100亿元,其中新增一般债券20亿元,新增专项债券50亿元。',
    '债务余额500亿元,其中:市本级一般债务100亿元、市本级专项债务250亿元。',
    // A share's part of another year; a completion's budget of another year.
    '全县一般公共预算收入31751万元,较上年28899万元增长9.9%。2023年,税收收入占一般公共预算收入的55.2%;2024年,税收收入18319万元,占比提高2.5个百分点。',
    '2023年全区一般公共预算支出预算为240亿元。\n2024年全区一般公共预算支出完成255亿元,完成预算的96.7%。',
    // A part's change is not its side's; a fund's spending is not the 支出预算.
    '(一)收入预算:2025年年初预算数1282.73万元,其中:一般公共预算拨款1125.76万元,较2024年增加32.42万元;事业收入156.97万元。\n(二)支出预算:2025年年初预算数1282.73万元,较2024年增加39.39万元。',
    '(一)收入预算\n2025年收入预算1282.73万元,其中:一般公共预算拨款1125.76万元。\n(二)支出预算\n2025年一般公共预算拨款支出1125.76万元,其中基本支出1000万元。',
  ])('%s', (text) => {
    expect(all(text)).toEqual([]);
  });
});
