/**
 * Reading a pasted 情况说明 as people paste it (issue 34, "Reading"): spaces between every character including
 * digits, traditional characters, web addresses, reasons that tell of another year, template remnants; and the
 * relations claims.ts decides, each on a real passage's wording with one figure changed.
 */
import { checkText } from '../src/core/narrative/check-text';
import { checkArithmetic } from '../src/core/narrative/check-claims';

const errors = (t: string, year?: number) => checkText(t, undefined, { year }).filter((f) => f.severity === 'error');
const spaced = (t: string) => t.split('').join(' ');

describe('reading', () => {
  const text = '2021年部门支出预算275.72万元，其中：基本支出175.72万元，项目支出100万元。';
  test('spaces between every character, digits too: read as the figures they are, right and wrong', () => {
    expect(errors(spaced(text))).toEqual([]);
    expect(errors(spaced(text.replace('175.72', '185.72'))).map((f) => f.message)).toEqual([expect.stringContaining('= 285.72万元')]);
  });

  test("traditional characters and a mirror site's pinyin are read as the simplified text", () => {
    const t = '“三公”經(jīng)費預算總額為20.00萬元,其中:因公出國(境)費0萬元,公務接待費9.00萬元,公務用車運行維護費12.00萬元。';
    expect(errors(t).map((f) => f.message)).toEqual([expect.stringContaining('= 21万元')]);
    expect(errors(t.replace('12.00', '11.00'))).toEqual([]);
  });

  test('a web address is no template leftover; "增加（减少）" is', () => {
    expect(checkText('详见本单位网站 http://www.xx.gov.cn/xxgk/2021/index.html 。')).toEqual([]);
    expect(checkText('收入比上年增加（减少）10万元。').map((f) => f.rule)).toEqual(['text.leftover']);
  });

  test('a reason that tells of another year is not a wrong year', () => {
    expect(checkText('公务接待费较上年减少，原因为2012年召开的会议已经完成。', undefined, { year: 2014 })).toEqual([]);
    expect(checkText('2012年公务接待费预算5万元。', undefined, { year: 2014 }).map((f) => f.rule)).toEqual(['text.year']);
  });
});

describe('relations, each on a real wording (tests/corpus/passages) with one figure changed', () => {
  test.each([
    ['rate with the prior implied', '2021年“三公”经费支出共计9.07万元,较上年支出数减少0.71万元,下降7.26%。', '下降7.26%', 'text.rate'],
    ['rate with the prior stated', '“三公”经费总额4.25万元，较上年4.86万元减少0.61万元，降幅为12.55%。', '降幅为12.55%', 'text.rate'],
    [
      'the 三公 tree across sentences',
      '2017年“三公”经费5834万元,较2015年下降2.3%,主要是贯彻落实中央八项规定。其中:公务用车购置安排692万元;公车运行及维护4612万元;公务接待费430万元;因公出国100万元。',
      '430万元',
      'text.sum',
    ],
    [
      "share of the list's total",
      '收入预算128023.79万元,其中:上年结转19535.40万元,占比15.26%;一般公共预算拨款收入108488.39万元,占比84.74%。',
      '占比15.26%',
      'text.share',
    ],
    [
      'part changes against the total change',
      '2023年“三公”经费预算6.50万元,比上年减少0.50万元。其中:因公出国(境)费用0万元,较上年无增减;公务接待费0.50万元,较上年无增减;公务用车运行维护费6.00万元,比上年减少0.50万元。',
      '比上年减少0.50万元。其中',
      'text.change-sum',
    ],
    [
      'runs paired by position',
      '2022年度收、支总计各是4125.49,4143.91万元。与2021年相比,收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.29%。',
      '38.29%',
      'text.rate',
    ],
    ['completion ratio', '“三公”经费支出预算为246万元,支出决算为167.37万元,完成预算的68%。', '完成预算的68%', 'text.rate'],
  ])('%s', (_name, correct, changedPart, rule) => {
    expect(checkArithmetic(correct)).toEqual([]);
    const changed = correct.replace(changedPart, bumpFirstDigit(changedPart));
    expect(changed).not.toBe(correct);
    expect(checkArithmetic(changed).map((f) => f.rule)).toContain(rule);
  });

  test('direction: a change and its rate that go opposite ways in one clause (临沧 2018: "减0.04万元,增0.01%")', () => {
    expect(checkArithmetic('商品和服务支出30.04万元,较上年减0.04万元,减0.13%。')).toEqual([]);
    expect(checkArithmetic('商品和服务支出30.04万元,较上年减0.04万元,增0.13%。').map((f) => f.rule)).toEqual(['text.direction']);
  });

  test('rounding never makes an error: every figure stands for ±½ unit of its last printed decimal', () => {
    // 凉山: 0 + 7634.75 + 602.47 = 8237.22 printed as 8237.23 — within the figures' own rounding.
    expect(checkArithmetic('“三公”经费支出总额为8237.23万元。其中:因公出国(境)经费0万元;公务用车购置及运行维护费7634.75万元;公务接待费602.47万元。')).toEqual(
      [],
    );
    // A rate cut instead of rounded is no rounding: 2570.97 ÷ 6714.88 = 38.2877%, printed 38.28.
    expect(checkArithmetic('支出4143.91万元,比上年减少2570.97万元,下降38.28%。').map((f) => f.message)).toEqual([expect.stringContaining('截断')]);
  });
});

/** The first non-zero digit of the first figure in the text, changed (the corpus test's own change). */
function bumpFirstDigit(s: string): string {
  const m = /\d+(\.\d+)?/.exec(s)!;
  const n = m[0];
  const i = n.search(/[1-9]/);
  const d = Number(n[i]);
  return s.slice(0, m.index) + n.slice(0, i) + String(d === 9 ? 8 : d + 1) + n.slice(i + 1) + s.slice(m.index + n.length);
}

describe('a comparison with the budget year itself (issue 34: "比2026年预算增加…", "与2026年预算持平" in a 2026 budget, Shanghai 2026 texts)', () => {
  test.each([
    ['比2026年预算增加', '2026年一般公共预算拨款支出预算1200.00万元，比2026年预算增加30.00万元。'],
    ['与2026年预算持平', '2026年“三公”经费预算0.95万元，与2026年预算持平。'],
  ])('%s: a year warning naming 2025 as the base', (_n, text) => {
    const f = checkText(text, undefined, { year: 2026 }).filter((x) => x.rule === 'text.year');
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/应与上年（2025 年）比较/);
  });
  test('with last year as the base, and the year stated as the budget year: nothing', () => {
    expect(checkText('2026年“三公”经费预算0.95万元，与2025年预算持平。2026年收入预算1200.00万元。', undefined, { year: 2026 })).toEqual([]);
  });
});

describe('an old class name in the text (issue 34: 医疗卫生与计划生育支出 where the tables say 卫生健康支出)', () => {
  test('in a 2026 text: a warning naming the current name; before 2020 (when it was current) and as a plain description: nothing', () => {
    const f = checkText('医疗卫生与计划生育支出（类）行政事业单位医疗（款）68.20万元。', undefined, { year: 2026 });
    expect(f.map((x) => x.rule)).toEqual(['text.former-name']);
    expect(f[0].message).toMatch(/210 类的旧名称，现行名称为“卫生健康支出”/);
    expect(checkText('医疗卫生与计划生育支出（类）行政事业单位医疗（款）68.20万元。', undefined, { year: 2018 })).toEqual([]);
    expect(checkText('主要用于职工医疗卫生支出。', undefined, { year: 2026 })).toEqual([]);
  });
});
