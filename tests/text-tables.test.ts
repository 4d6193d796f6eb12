/**
 * 三公 tables pasted into an explanation text (src/core/narrative/text-tables.ts, table-checks.ts): read back in
 * each shape a copy makes of them, checked on their own and against the sentences around them. Made-up tables;
 * the real ones are in tests/corpus/passages.
 */
import { checkText } from '../src/core/narrative/check-text';
import { foldedLines } from '../src/core/narrative/pasted';
import { readTextTables } from '../src/core/narrative/text-tables';

const errors = (t: string) => checkText(t).filter((f) => f.severity === 'error');
const read = (t: string) =>
  readTextTables(foldedLines(t)).map((tb) => ({
    periods: tb.periods.map((p) => p.label.replace(/\s/g, '')),
    ...Object.fromEntries(tb.items.map((it, i) => [it, tb.cells[i].map((c) => (c ? c.text : null))])),
  }));

/** A row a line, cells between "|". */
const rowsTable = (total = '30.5', delta = '-2.5') =>
  [
    '单位:万元 | |||',
    '项目 | 2024年预算数 | 2025年预算数 | 增减 | 说明 |',
    `合计 | 33.00 | ${total} | ${delta} | |`,
    '1、因公出国(境)费 | 0 | 0 | 0 | 未安排 |',
    '2、公务接待费 | 13.00 | 12.50 | -0.50 | 压减 |',
    '3、公务用车费 | 20.00 | 18.00 | -2.00 | |',
    '其中:(1)公务用车运行维护费 | 20.00 | 18.00 | -2.00 | |',
    '(2)公务用车购置费 | 0 | 0 | 0 | |',
  ].join('\n');

/** A cell a line with "|" lines between the cells: periods down, the 公务用车 group header over its columns. */
const cellsTable = (rate = '-10.00') =>
  [
    '年度',
    '合计',
    '因公出国(境)费',
    '公务接待费',
    '公务用车购置及运行费',
    '合计',
    '购置',
    '运行',
    '2023年',
    '200',
    '20',
    '80',
    '100',
    '40',
    '60',
    '2024年',
    '180',
    '10',
    '80',
    '90',
    '30',
    '60',
    '2024年比2023年增减%',
    rate,
    '-50.00',
    '0.00',
    '-10.00',
    '-25.00',
    '0.00',
  ]
    .flatMap((c) => [c, '|'])
    .join('\n');

describe('tables read back as printed', () => {
  test('a row a line: items down, periods across; a column of words is no period', () => {
    expect(read(rowsTable())).toEqual([
      {
        periods: ['2024年预算数', '2025年预算数', '增减'],
        total: ['33.00', '30.5', '-2.5'],
        abroad: ['0', '0', '0'],
        reception: ['13.00', '12.50', '-0.50'],
        vehicle: ['20.00', '18.00', '-2.00'],
        operation: ['20.00', '18.00', '-2.00'],
        purchase: ['0', '0', '0'],
      },
    ]);
  });

  test('a cell a line: the group header gives way to its own columns, in its place', () => {
    expect(read(cellsTable())).toEqual([
      {
        periods: ['2023年', '2024年', '2024年比2023年增减%'],
        total: ['200', '180', '-10.00'],
        abroad: ['20', '10', '-50.00'],
        reception: ['80', '80', '0.00'],
        vehicle: ['100', '90', '-10.00'],
        purchase: ['40', '30', '-25.00'],
        operation: ['60', '60', '0.00'],
      },
    ]);
  });

  test('a cell a line without separators: a row that lost an empty cell is placed only when all it has is 0', () => {
    const t = [
      '(单位:万元)',
      '项 目',
      '预算数',
      '决算数',
      '合 计',
      '50.00',
      '45.20',
      '因公出国(境)费',
      '0.00',
      '公务接待费',
      '20.00',
      '18.20',
      '公务用车购置及运行费',
      '30.00',
      '27.00',
      '其中:公务用车运行维护费',
      '27.00',
    ].join('\n');
    expect(read(t)).toEqual([
      {
        periods: ['预算数', '决算数'],
        total: ['50.00', '45.20'],
        abroad: ['0', '0'],
        reception: ['20.00', '18.20'],
        vehicle: ['30.00', '27.00'],
        // One figure under two columns: which one is not known.
        operation: [null, null],
      },
    ]);
  });

  test('a cell a paragraph with its header cells lost: unnamed columns, the row above the items their 合计', () => {
    const t = (total: string) =>
      [
        '单位:万元 ',
        '',
        ' ',
        '',
        total,
        '',
        '42.00',
        '',
        '因公出国(境)费',
        '',
        '0.00',
        '',
        '0.00',
        '',
        '公务接待费',
        '',
        '50.50',
        '',
        '30.00',
        '',
        '公务用车购置及运行维护费',
        '',
        '12.80',
        '',
        '12.00',
        '',
        '  其中:公务用车运行维护费',
        '',
        '12.80',
        '',
        '12.00',
        '',
        '        公务用车购置费',
        '',
        '0.00',
        '',
        '0.00',
      ].join('\n');
    expect(read(t('63.30'))).toEqual([
      {
        periods: ['第1列', '第2列'],
        total: ['63.30', '42.00'],
        abroad: ['0.00', '0.00'],
        reception: ['50.50', '30.00'],
        vehicle: ['12.80', '12.00'],
        operation: ['12.80', '12.00'],
        purchase: ['0.00', '0.00'],
      },
    ]);
    expect(errors(t('63.30'))).toEqual([]);
    expect(errors(t('73.30')).map((f) => f.rule)).toEqual(['text.table']);
    // Columns no header names are never held to the text (which of them is the 预算数 is not known).
    expect(errors(`${t('63.30')}\n\n三公经费支出预算为63.30万元，支出决算为42.00万元。`)).toEqual([]);
    // A row above the items smaller than one of them is not their 合计: no table.
    expect(read(t('33.30'))).toEqual([]);
  });

  test('"cell |" lines: a bare "|" is an empty cell, and one that ends every row separates rows', () => {
    const empty = [
      '单位:万元 |',
      '项目 |',
      '2024年预算数 |',
      '2025年预算数 |',
      '合计 |',
      '10 |',
      '9 |',
      '因公出国(境)费 |',
      '|',
      '|',
      '公务接待费 |',
      '4 |',
      '4 |',
      '公务用车购置及运行费 |',
      '6 |',
      '5 |',
    ].join('\n');
    expect(read(empty)[0]).toMatchObject({ total: ['10', '9'], reception: ['4', '4'], vehicle: ['6', '5'] });
    const separated = [
      '单位:万元',
      '|',
      '项 目 |',
      '预 算 数 |',
      '决 算 数 |',
      '|',
      '合 计 |',
      '10 |',
      '9 |',
      '|',
      '公务接待费 |',
      '4 |',
      '4 |',
      '|',
      '公务用车购置及运行费 |',
      '6 |',
      '5 |',
    ].join('\n');
    expect(read(separated)[0]).toMatchObject({ periods: ['预算数', '决算数'], total: ['10', '9'], reception: ['4', '4'], vehicle: ['6', '5'] });
  });

  test('copied from a spreadsheet (cells between tabs), and a row a line between spaces, a group over its columns', () => {
    const tabs = ['项目\t预算数\t决算数', '合计\t50.00\t45.20', '公务接待费\t20.00\t18.20', '公务用车购置及运行费\t30.00\t27.00'].join('\n');
    expect(read(tabs)).toEqual([{ periods: ['预算数', '决算数'], total: ['50.00', '45.20'], reception: ['20.00', '18.20'], vehicle: ['30.00', '27.00'] }]);
    const spaced = [
      '项目 本年预算数 上年预算数 本年比上年增减情况',
      '增减额 增减幅度',
      '合计 16.4 18.8 -2.4 -12.77%',
      '1.因公出国(境)费        ',
      '2.公务接待费 2.4 4.8 -2.4 -50.00%',
      '3.公务用车购置及运行费 14 14 0 0.00%',
      '5.公务接待批次(批) 186',
    ].join('\n');
    expect(read(spaced)).toEqual([
      {
        periods: ['本年预算数', '上年预算数', '增减额', '增减幅度'],
        total: ['16.4', '18.8', '-2.4', '-12.77%'],
        reception: ['2.4', '4.8', '-2.4', '-50.00%'],
        vehicle: ['14', '14', '0', '0.00%'],
      },
    ]);
    expect(errors(spaced)).toEqual([]);
    // 上年 before 本年 whatever the columns' order: the change is 本年 − 上年.
    expect(errors(spaced.replace('-2.4 -12.77%', '-3.4 -12.77%')).map((f) => f.message)).toEqual([
      '文中所附表格“三公”经费合计的增减额应为 16.4 − 18.8 = -2.4，表中写 -3.4',
    ]);
    // A row cut by a wrap between its figures ("-5" then "0.00%") is not read.
    expect((read(spaced.replace('-50.00%', '-5\n0.00%'))[0] as Record<string, unknown>).reception).toEqual([null, null, null, null]);
  });

  test('a row cut by a line wrap is not read: its cells stay unknown', () => {
    const cut = rowsTable().replace('2、公务接待费 | 13.00 | 12.50 | -0.50 | 压减 |', '2、公务接待费 | 13.00 | 12\n.50 | -0.50 | 压减 |');
    const t = read(cut)[0] as Record<string, unknown>;
    expect(t.reception).toEqual([null, null, null]);
    expect(errors(cut)).toEqual([]);
  });

  test('a table of other figures (codes and classes) is not read as a 三公 table', () => {
    expect(read(['科目编码 | 科目名称 | 合计 |', '201 | 一般公共服务支出 | 300 |', '205 | 教育支出 | 200 |', '合计 | | 500 |'].join('\n'))).toEqual([]);
  });
});

describe('a table checked on its own', () => {
  test('a correct table: nothing', () => {
    expect(errors(rowsTable())).toEqual([]);
    expect(errors(cellsTable())).toEqual([]);
  });

  test('a total that is not the sum of its items, and a change that is not the difference of its periods', () => {
    const f = errors(rowsTable('31.5'));
    expect(f.map((x) => x.message)).toEqual([
      '文中所附表格2025年预算数的“三公”经费合计为 31.5，但因公出国（境）费 0 + 公务用车购置及运行费 18.00 + 公务接待费 12.50 = 30.5',
      '文中所附表格“三公”经费合计的增减应为 31.5 − 33.00 = -1.5，表中写 -2.5',
    ]);
    expect(f[0].sentence).toContain('31.5');
  });

  test('a rate that no rounding of its two amounts explains', () => {
    const f = errors(cellsTable('-11.00'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'text.rate', stated: '-11.00' });
    expect(f[0].message).toBe('文中所附表格“三公”经费合计的2024年比2023年增减%应为 (180 − 200) ÷ 200 ≈ -10%，表中写 -11.00');
  });
});

describe('the text against the table it carries', () => {
  const prose = (total: string, reception: string, vehicle: string) =>
    `2025年“三公”经费预算${total}万元，其中：因公出国(境)费0万元，公务接待费${reception}万元，公务用车购置及运行费${vehicle}万元。\n${rowsTable()}`;

  test('the text in the period most of its amounts agree with: one that differs is found', () => {
    expect(errors(prose('30.5', '12.5', '18'))).toEqual([]);
    // 12.6 against the table's 12.50: a figure of the text that the table does not hold.
    const f = errors(prose('30.6', '12.6', '18')).filter((x) => x.rule === 'text.table-mismatch');
    expect(f.map((x) => x.message)).toEqual(
      [
        '文中写公务接待费 12.6万元，文中所附表格（2025年预算数）为 12.50万元',
        '文中写“三公”经费合计 30.6万元，文中所附表格（2025年预算数）为 30.5万元',
      ].reverse(),
    );
  });

  test('printed to the same decimals, two figures of one amount must be the same (995 and 996 cannot both be it)', () => {
    const t = (purchase: string) => `2024年“三公”经费决算180万元。因公出国(境)费10万元。公务用车购置费${purchase}万元。\n${cellsTable()}`;
    expect(errors(t('30'))).toEqual([]);
    expect(errors(t('31')).map((x) => x.message)).toEqual(['文中写公务用车购置费 31万元，文中所附表格（2024年）为 30']);
  });

  test('完成预算的 x% against the table’s 预算数 of the item', () => {
    const table = [
      '(单位:万元)',
      '项 目',
      '预算数',
      '决算数',
      '合 计',
      '50.00',
      '45.20',
      '公务接待费',
      '20.00',
      '18.20',
      '公务用车购置及运行费',
      '30.00',
      '27.00',
    ].join('\n');
    const t = (pct: string) => `${table}\n2024年度“三公”经费支出决算为45.2万元，完成年初预算的90.4%；公务接待费支出决算为18.2万元，完成年初预算的${pct}%。`;
    expect(errors(t('91'))).toEqual([]);
    expect(errors(t('93')).map((x) => x.message)).toEqual(['完成预算的比例应为 18.2万元 ÷ 20.00万元（文中所附表格的预算数）≈ 91%，文中写 93%']);
  });

  test('a table of one column: one amount of the text agreeing with it is enough to hold the others to it', () => {
    const table = [
      '2014年“三公”经费预算财政拨款情况统计表 |',
      '单位:万元 |',
      '项 目 | 本年预算数 |',
      '合 计 | 2.41 |',
      '1.因公出国(境)费用 | 0 |',
      '2.公务接待费 | 1.09 |',
      '3.公务用车费 | 1.32 |',
      '其中:(1)公务用车运行维护费 | 1.32 |',
      '(2)公务用车购置 | 0 |',
    ].join('\n');
    const t = (reception: string) => `2014年本站安排公务接待费预算${reception}万元。安排公务用车运行维护费1.32万元。\n${table}`;
    expect(errors(t('1.09'))).toEqual([]);
    expect(errors(t('2.09')).map((x) => x.message)).toEqual(['文中写公务接待费 2.09万元，文中所附表格（本年预算数）为 1.09万元']);
  });

  test('columns by fund under each of two stages ("预算数 | 决算数" over "合计 | 一般公共预算 | 政府性基金" twice)', () => {
    const table = (total: string) =>
      [
        '项目 | 预算数 | 决算数 | ||||',
        '合计 | 一般公共预算 | 政府性基金 | 合计 | 一般公共预算 | 政府性基金 | |',
        '因公出国(境)费 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 |',
        '公务接待费 | 0.95 | 0.95 | 0.00 | 0.39 | 0.39 | 0.00 |',
        '公务用车购置及运行费 | 2.10 | 2.10 | 0.00 | 1.37 | 1.37 | 0.00 |',
        `总计 | 3.05 | 3.05 | 0.00 | ${total} | 1.75 | 0.00 |`,
      ].join('\n');
    const text = (total: string) => `“三公”经费支出年初预算3.05万元,支出决算1.75万元,完成年初预算的57.38%。\n${table(total)}`;
    expect(errors(text('1.75'))).toEqual([]);
    expect(errors(text('1.85')).length).toBeGreaterThan(0);
  });

  test('a change against a one-column table in 元: the prior computed in the table’s unit', () => {
    const table = [
      '2014年“三公”经费预算财政拨款情况统计表 |',
      '单位:元 |',
      '项 目 | 本年预算数 |',
      '合 计 | 24100 |',
      '1.因公出国(境)费用 | 0 |',
      '2.公务接待费 | 10900 |',
      '3.公务用车费 | 13200 |',
    ].join('\n');
    expect(errors(`公务接待费比上年减少1000元,降低5.5%。\n${table}`).map((x) => x.message)).toEqual([
      '增减幅度应为 1000元 ÷ 上年（文中所附表格公务接待费 10900元 + 1000元 = 11900元）≈ 8.4%，文中写 5.5%',
    ]);
  });

  test('no period most amounts agree with: the text is not held to the table', () => {
    const t = `2025年“三公”经费预算40万元，其中：公务接待费15万元。\n${rowsTable()}`;
    expect(errors(t).filter((x) => x.rule === 'text.table-mismatch')).toEqual([]);
  });
});

describe('columns by fund', () => {
  test('each row’s 合计 against its funds; the text held to the 合计 where the columns agree alike', () => {
    const t = (general: string) =>
      [
        '项目 合计 一般公共预算 政府性基金预算 国有资本经营预算',
        `“三公”经费 29.00 ${general} 0.00 0.00`,
        '(一)因公出国(境)支出 0.00 0.00 0.00 0.00',
        '(二)公务用车购置及运行维护支出 28.00 28.00 0.00 0.00',
        '(三)公务接待费支出 1.00 1.00 0.00 0.00',
        '2019年本部门“三公”经费29万元,其中:因公出国(境)费0万元;公务用车购置及运行费28万元;公务接待费1万元。',
      ].join('\n');
    expect(errors(t('29.00'))).toEqual([]);
    expect(errors(t('39.00')).map((f) => f.message)).toContain(
      '文中所附表格“三公”经费合计的合计为 29.00，但一般公共预算 39.00 + 政府性基金预算 0.00 + 国有资本经营预算 0.00 = 39',
    );
  });
});

describe('rows of other things beside the 三公 items', () => {
  test('a 行政经费 row is held to its columns by fund too', () => {
    const table = (total: string) =>
      [
        '单位:万元',
        '项 目 | 合计 | 一般公共预算 | 政府性基金预算 |',
        `行政经费 | ${total} | 312.23 | 0.00 |`,
        '“三公”经费 | 29.00 | 29.00 | 0.00 |',
        '其中:(一)因公出国(境)支出 | 0.00 | 0.00 | 0.00 |',
        '(二)公务用车购置及运行维护支出 | 28.00 | 28.00 | 0.00 |',
        '(三)公务接待费支出 | 1.00 | 1.00 | 0.00 |',
      ].join('\n');
    expect(errors(table('312.23'))).toEqual([]);
    expect(errors(table('412.23')).map((f) => f.message)).toEqual([
      '文中所附表格“行政经费”的合计为 412.23，但一般公共预算 312.23 + 政府性基金预算 0.00 = 312.23',
    ]);
  });
});

describe('a table by year (a yearbook’s), its figures between spaces', () => {
  const table = (rate2019: string) =>
    [
      '表39:                       2017—2021 年度武义县财政收支情况表',
      '',
      '      年份         财政总收入   (亿元)                          一般公共预算支出(亿元)',
      '                                  比上年增长    (%)                             比上年增长   (%)',
      '      2017              40.97               9.4                  45.80                2.8',
      '',
      '      2018              43.89               7.1                  42.13               -8.0',
      `      2019              44.06               ${rate2019}                  48.99               16.3`,
      '      2020              44.71               1.5                  56.47               15.3',
      '      2021              49.27              10.2                  62.99               11.6',
    ].join('\n');
  test('each rate against its amount and the year before’s; the text’s rate after an amount the table prints', () => {
    expect(errors(table('0.4'))).toEqual([]);
    expect(errors(table('0.5')).map((f) => [f.rule, f.sentence])).toEqual([['text.rate', '2019 | 44.06 | 0.5 | 48.99 | 16.3']]);
    expect(errors(table('0.4').replace('56.47', '66.47')).map((f) => f.stated)).toEqual(['15.3', '11.6']);
    const text = (rate: string) => `完成财政总收入49.27亿元,增长${rate}%。\n${table('0.4')}`;
    expect(errors(text('10.2'))).toEqual([]);
    expect(errors(text('20.2')).map((f) => f.message)).toEqual([
      expect.stringMatching(/财政总收入.*49.27亿元增长 20.2%.*2021年比上年为 \(49.27 − 44.71\) ÷ 44.71 ≈ 10.2%/),
    ]);
  });
});

test('a title above the unit is no column; 一般公共预算财政拨款 is a column by fund', () => {
  const t = (total: string) =>
    [
      '合肥市科技馆2022三公经费预算',
      '',
      '单位:万元',
      '',
      '项目',
      '',
      '预算金额',
      '',
      '合计',
      '',
      '一般公共预算财政拨款',
      '',
      '政府性基金财政拨款',
      '',
      '因公出国(境)费',
      '',
      '0',
      '',
      '0',
      '',
      '0',
      '',
      '公务接待费',
      '',
      '1.90',
      '',
      '1.90',
      '',
      '0',
      '',
      '公务用车购置及运行费',
      '',
      '2.40',
      '',
      '2.40',
      '',
      '0',
      '',
      '总计',
      '',
      total,
      '',
      total,
      '',
      '0',
    ].join('\n');
  expect(read(t('4.30'))).toEqual([
    {
      periods: ['合计', '一般公共预算财政拨款', '政府性基金财政拨款'],
      abroad: ['0', '0', '0'],
      reception: ['1.90', '1.90', '0'],
      vehicle: ['2.40', '2.40', '0'],
      total: ['4.30', '4.30', '0'],
    },
  ]);
  expect(errors(t('5.30')).map((f) => f.rule)).toEqual(['text.table', 'text.table']);
});
