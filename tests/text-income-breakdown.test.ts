/**
 * An income total and the sources listed right after it ("收入X万元，其中：…") must add up, in the text alone — on
 * real explanations of another province (Chongqing 2025) and of the seeds, with wrong figures injected one at a time.
 */
import fs from 'fs';
import path from 'path';
import { checkText } from '../src/core/narrative/check-text';
import { CHONGQING_2025 } from './fixtures/text/chongqing-2025';

const breakdown = (text: string) => checkText(text).filter((f) => f.rule === 'text.arithmetic' && /^收入写为/.test(f.message));
const seedText = (f: string) => fs.readFileSync(path.join(__dirname, 'fixtures', 'text', f), 'utf8');

describe('real texts whose parts add up give nothing', () => {
  test.each(Object.entries(CHONGQING_2025))('重庆 %s', (_, text) => {
    expect(checkText(text)).toEqual([]);
  });
  test.each(['seed001-text-2-4.txt', 'seed003-text-2.txt', 'seed004-text-2-4.txt'])('%s', (f) => {
    expect(breakdown(seedText(f))).toEqual([]);
  });
});

describe('one wrong figure in a real breakdown is found, with the sum', () => {
  test.each([
    [
      CHONGQING_2025['铜梁区财政局'],
      '一般公共预算拨款5941.79万元',
      '一般公共预算拨款5914.79万元',
      /收入写为 5941\.79万元，但其中所列各项 5914\.79 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 = 5914\.79万元/,
    ],
    [CHONGQING_2025['平滩镇'], '2025年年初预算数3033.04万元', '2025年年初预算数3303.04万元', /收入写为 3303\.04万元.*= 3033\.04万元/],
    [
      CHONGQING_2025['大渡口区民政局'],
      '政府性基金预算拨款1,607.36万元',
      '政府性基金预算拨款1,670.36万元',
      /收入写为 4463\.73万元，但其中所列各项 2856\.37 \+ 1670\.36 = 4526\.73万元/,
    ],
    [
      CHONGQING_2025['璧山区福禄镇新时代文明实践服务中心'],
      '一般公共预算拨款128.8万元,政府性',
      '一般公共预算拨款118.8万元,政府性',
      /收入写为 128\.8万元，但其中所列各项 118\.8 \+ 0 .*= 118\.80万元/,
    ],
    [seedText('seed001-text-2-4.txt'), '一般公共预算收入998.77万元', '一般公共预算收入989.77万元', /收入写为 998\.77万元/],
    [seedText('seed003-text-2.txt'), '上年结转295.00万元', '上年结转259.00万元', /收入写为 4624\.64万元.*= 4588\.64万元/],
  ])('%#', (text, from, to, message) => {
    expect(text).toContain(from);
    const found = breakdown(text.replace(from, to));
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(message);
    expect(found[0].severity).toBe('error');
  });
});

describe('what is not a breakdown of the total is not summed', () => {
  test('a part broken down in turn (seed 004: 一般公共预算拨款 …，其中：财政拨款 …) ends the list', () => {
    expect(breakdown('本部门预算收入 100 万元，其中：一般公共预算拨款 60 万元，其中：财政拨款 60 万元，专项收入 0 万元；政府性基金预算拨款 40 万元。')).toEqual(
      [],
    );
  });
  test('parts that do not follow the total directly (listed in later sentences) are not summed', () => {
    expect(breakdown('本部门预算收入 4436.2 万元，一般公共预算拨款 4000 万元，其中：财政拨款 4000 万元。')).toEqual([]);
  });
  test('财政拨款收入 with its own funds beside it is nested, not checked', () => {
    expect(breakdown('收入预算 100 万元，其中：财政拨款收入 90 万元，一般公共预算拨款收入 90 万元，事业收入 10 万元。')).toEqual([]);
  });
  test('a single part is an "of which", not a breakdown', () => {
    expect(breakdown('收入预算 100 万元，其中：一般公共预算拨款收入 90 万元。')).toEqual([]);
  });
  test('stated figures rounded to fewer decimals are allowed half a unit each', () => {
    expect(breakdown('收入预算 100.1 万元，其中：一般公共预算拨款收入 60.1 万元，事业收入 40 万元。')).toEqual([]);
    expect(breakdown('收入预算 103 万元，其中：一般公共预算拨款收入 60 万元，事业收入 40 万元。')).toHaveLength(1);
  });
  test('a 支出预算 heading makes the next 年初预算数 the expenditure total, not income', () => {
    expect(breakdown('（二）支出预算\n2025年年初预算数500万元，其中：一般公共服务支出200万元，教育支出100万元。')).toEqual([]);
  });
});
