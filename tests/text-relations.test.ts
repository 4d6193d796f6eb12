/**
 * Readings and relations of check-text (issue 34, what the held-out passages showed), each on made-up sentences in
 * several wordings: the text alone, no workbook. A correct version gives no error; one figure changed gives the
 * finding, pointed at the figure.
 */
import { checkText } from '../src/core/narrative/check-text';

const errors = (t: string) => checkText(t).filter((f) => f.severity === 'error');
const messages = (t: string) => errors(t).map((f) => f.message);

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
