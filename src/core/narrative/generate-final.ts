/**
 * The 决算 情况说明 (第三部分) written from the 决算 tables, in the Shanghai template's order and wording
 * (final-accounts.md §4): 一 收入支出总体 … 十一 其他重要事项. Budget figures (年初预算 of each 项) are not in the
 * tables: they are places for the department to fill, as are the reasons, the 团组/人次 of 三公, 绩效, 政府采购
 * and 国有资产. Changes against last year need last year's 决算 workbook; without it they are places to fill too.
 */
import Decimal from 'decimal.js';
import { fmt, ZERO } from '../amount';
import type { FigureKey, Figures } from './figures';
import { cnNumber } from '../templates/classes';
import { changeText, GenerateOptions, percent, placeholder, Section } from './generate';

const wan = (d: Decimal) => `${fmt(d, 2)}万元`;
/** A share of a whole, 2 decimals, half-up ("" when the whole is 0). */
const share = (part: Decimal, whole: Decimal | undefined) =>
  whole && !whole.isZero() ? `${part.div(whole).times(100).toFixed(2, Decimal.ROUND_HALF_UP)}%` : '';

/** "A X万元，占P%；B Y万元，占Q%" of the parts that are not zero. */
const sharesOf = (parts: readonly (readonly [string, Decimal])[], whole: Decimal) =>
  parts
    .filter(([, x]) => !x.isZero())
    .map(([label, x]) => `${label}${wan(x)}，占${share(x, whole)}`)
    .join('；');

const INCOME: [FigureKey, string][] = [
  ['fiscalIncome', '财政拨款收入'],
  ['superior', '上级补助收入'],
  ['business', '事业收入'],
  ['operating', '经营收入'],
  ['affiliated', '附属单位上缴收入'],
  ['otherIncome', '其他收入'],
];

const THREE: [FigureKey, string][] = [
  ['abroad', '因公出国（境）费'],
  ['vehicle', '公务用车购置及运行维护费'],
  ['reception', '公务接待费'],
];

export function generateFinalSections(f: Figures, opts: GenerateOptions = {}): Section[] {
  const y = f.year;
  const year = y ? `${y}年度` : '本年度';
  const lastYear = y ? `${y - 1}年度` : '上年度';
  const who = f.department ?? '本部门';
  const v = (k: FigureKey) => f.values[k]?.value;
  const p = (k: FigureKey) => opts.prior?.values[k]?.value;
  const reasons = opts.reasons ?? {};
  const sections: Section[] = [];
  const push = (title: string, text: string, placeholders: string[] = [], todo: string[] = []) =>
    sections.push({
      id: cnNumber(sections.length + 1),
      title: `${cnNumber(sections.length + 1)}、${title}`,
      text,
      placeholders,
      ...(todo.length ? { todo } : {}),
    });
  /** "与上年相比…。主要原因：…" with the department's reason, or the place for it; without last year's workbook, a place to fill. */
  const compared = (id: string, label: string, cur: Decimal, prior: Decimal | undefined, todo: string[], placeholders: string[]): string => {
    if (!opts.prior) {
      todo.push(`${label}与上年相比的增减：未提供上年决算工作簿`);
      return `【待补充：${label}与${lastYear}相比的增减（请提供上年决算工作簿）】`;
    }
    const before = prior ?? ZERO;
    if (cur.eq(before)) return `与${lastYear}相比，${label}持平。`;
    if (before.isZero()) return `${label}为本年度新增（${lastYear}为0）。`;
    // The template's words: 增加 / 减少, 增长 / 下降.
    const c = changeText(cur, before, lastYear, false, '下降');
    const r = reasons[id]?.trim();
    if (!r) placeholders.push(id);
    return `与${lastYear}相比，${label}${c}。主要原因：${r ? r.replace(/[。.]?$/, '。') : placeholder(id)}`;
  };
  const missing = (what: string, todo: string[]) => {
    todo.push(`${what}：本段无法生成，请补充`);
    return `【待补充：工作簿中没有可识别的${what}】`;
  };

  // 一、收入支出决算总体情况说明
  {
    const todo: string[] = [];
    const ph: string[] = [];
    const total = v('grandTotal');
    push(
      '收入支出决算总体情况说明',
      total
        ? `${who}${year}收入支出总计${wan(total)}。${compared('收入支出总计', '收入支出总计', total, p('grandTotal'), todo, ph)}`
        : missing('收入支出决算总表', todo),
      ph,
      todo,
    );
  }
  // 二、收入决算情况说明
  {
    const todo: string[] = [];
    const income = v('income');
    const fiscal = v('fiscalIncome') ?? [v('general'), v('fund'), v('state')].reduce((a: Decimal, b) => a.plus(b ?? ZERO), ZERO);
    const parts = INCOME.map(([k, label]) => [label, k === 'fiscalIncome' ? fiscal : (v(k) ?? ZERO)] as const);
    push('收入决算情况说明', income ? `${who}${year}本年收入合计${wan(income)}，其中：${sharesOf(parts, income)}。` : missing('收入决算表', todo), [], todo);
  }
  // 三、支出决算情况说明
  {
    const todo: string[] = [];
    const spent = v('expenditure');
    const parts = [
      ['基本支出', v('basic') ?? ZERO],
      ['项目支出', v('project') ?? ZERO],
    ] as const;
    push('支出决算情况说明', spent ? `${who}${year}本年支出合计${wan(spent)}，其中：${sharesOf(parts, spent)}。` : missing('支出决算表', todo), [], todo);
  }
  // 四、财政拨款收入支出决算总体情况说明
  {
    const todo: string[] = [];
    const ph: string[] = [];
    const total = v('fiscalTotal');
    push(
      '财政拨款收入支出决算总体情况说明',
      total
        ? `${who}${year}财政拨款收入支出总计${wan(total)}。${compared('财政拨款收入支出总计', '财政拨款收入支出总计', total, p('fiscalTotal'), todo, ph)}`
        : missing('财政拨款收入支出决算总表', todo),
      ph,
      todo,
    );
  }
  // 五、一般公共预算财政拨款支出决算情况说明
  {
    const todo: string[] = [];
    const ph: string[] = [];
    const general = v('generalExp');
    if (general === undefined) push('一般公共预算财政拨款支出决算情况说明', missing('一般公共预算财政拨款支出决算表', todo), [], todo);
    else {
      const lines: string[] = [];
      const ofSpent = share(general, v('expenditure'));
      lines.push(
        `（一）一般公共预算财政拨款支出决算总体情况\n${who}${year}一般公共预算财政拨款支出${wan(general)}${ofSpent ? `，占本年支出合计的${ofSpent}` : ''}。${compared('一般公共预算财政拨款支出', '一般公共预算财政拨款支出', general, p('generalExp'), todo, ph)}`,
      );
      const classes = (f.items ?? []).filter((i) => i.level === 1 && !i.total.value.isZero());
      const structure = classes.map((c) => `${c.names[0]}（类）${wan(c.total.value)}，占${share(c.total.value, general)}`);
      lines.push(
        `（二）一般公共预算财政拨款支出决算结构情况\n${who}${year}一般公共预算财政拨款支出${wan(general)}${structure.length ? `，主要用于以下方面：${structure.join('；')}` : ''}。`,
      );
      todo.push('一般公共预算财政拨款支出的年初预算、完成年初预算的比例，以及各项的用途和决算数与预算数的差异原因（年初预算数不在决算表中）');
      const items = (f.items ?? [])
        .filter((i) => i.level === 3 && !i.total.value.isZero())
        .map(
          (i, n) =>
            `${n + 1}、${i.names[0]}（类）${i.names[1]}（款）${i.names[2]}（项）。主要用于：【请填写：用途】。年初预算为【请填写】万元，支出决算为${wan(i.total.value)}。【请填写：决算数大于（小于）预算数的主要原因；预决算持平的不用说明】`,
        );
      lines.push(
        `（三）一般公共预算财政拨款支出决算具体情况\n${who}${year}一般公共预算财政拨款支出年初预算为【请填写】万元，支出决算为${wan(general)}，完成年初预算的【请填写】%。${items.length ? `其中：\n${items.join('\n')}` : ''}`,
      );
      push('一般公共预算财政拨款支出决算情况说明', lines.join('\n'), ph, todo);
    }
  }
  // 六、一般公共预算财政拨款基本支出决算情况说明
  {
    const todo: string[] = [];
    const personnel = v('personnel');
    const publicCost = v('public');
    const names = (classes: string[]) =>
      f.economic
        .filter((e) => e.code.length === 5 && classes.includes(e.code.slice(0, 3)) && !e.total.isZero())
        .map((e) => e.name.replace(/\s+/g, ''))
        .join('、');
    if (personnel === undefined || publicCost === undefined)
      push('一般公共预算财政拨款基本支出决算情况说明', missing('一般公共预算财政拨款基本支出决算表（人员经费合计、公用经费合计）', todo), [], todo);
    else
      push(
        '一般公共预算财政拨款基本支出决算情况说明',
        `${who}${year}一般公共预算财政拨款基本支出${wan(v('generalBasic') ?? personnel.plus(publicCost))}，其中：人员经费${wan(personnel)}，主要包括：${names(['301', '303']) || '无'}；公用经费${wan(publicCost)}，主要包括：${names(['302', '307', '309', '310', '399']) || '无'}。`,
      );
  }
  // 七、“三公”经费
  {
    const todo: string[] = [];
    const ph: string[] = [];
    const spent = v('threeTotal');
    const budget = f.budgets?.threeTotal?.value;
    if (spent === undefined && budget === undefined) push('财政拨款“三公”经费支出决算情况说明', missing('财政拨款“三公”经费支出决算表', todo), [], todo);
    else {
      const s = spent ?? ZERO;
      const b = budget ?? ZERO;
      const rate = (x: Decimal, bx: Decimal | undefined) => (bx && !bx.isZero() ? `，完成预算的${percent(x, bx)}%` : '');
      const items = THREE.map(([k, label]) => `${label}决算为${wan(v(k) ?? ZERO)}${rate(v(k) ?? ZERO, f.budgets?.[k]?.value)}`);
      const lines = [
        `（一）“三公”经费财政拨款支出决算总体情况\n${who}${year}“三公”经费财政拨款支出年初预算为${wan(b)}，支出决算为${wan(s)}${rate(s, b)}，其中：${items.join('；')}。${b.isZero() && s.isZero() ? '' : b.eq(s) ? '决算数与预算数持平。' : `决算数${s.gt(b) ? '大于' : '小于'}预算数的主要原因：${reasons['三公经费']?.trim() || placeholder('三公经费')}`}`,
      ];
      if (!b.eq(s) && !reasons['三公经费']?.trim()) ph.push('三公经费');
      const detail = THREE.map(([k, label]) => `${label}支出${wan(v(k) ?? ZERO)}${s.isZero() ? '' : `，占“三公”经费的${share(v(k) ?? ZERO, s)}`}`);
      lines.push(
        `（二）“三公”经费财政拨款支出决算具体情况\n${detail.join('；')}。【请填写：因公出国（境）团组数及人次、公务用车购置数及保有量、国内公务接待批次及人次】`,
      );
      todo.push('“三公”经费：团组数、人次、车辆购置数及保有量、接待批次及人次');
      if (s.isZero() && b.isZero()) push('财政拨款“三公”经费支出决算情况说明', `${who}${year}无财政拨款“三公”经费支出。`);
      else push('财政拨款“三公”经费支出决算情况说明', lines.join('\n'), ph, todo);
    }
  }
  // 八、九: each fund's table; an empty table is said as "无".
  for (const [k, label] of [
    ['fundExp', '政府性基金预算'],
    ['stateExp', '国有资本经营预算'],
  ] as const) {
    const x = v(k);
    const title = `${label}财政拨款支出决算情况说明`;
    if (x === undefined)
      push(title, `【请填写：${label}财政拨款收入、支出及结转和结余情况（工作簿中没有${label}财政拨款收入支出决算表）】`, [], [`${label}财政拨款支出情况`]);
    else
      push(
        title,
        x.isZero() ? `${who}${year}无${label}财政拨款收入和支出。` : `${who}${year}${label}财政拨款支出${wan(x)}。【请填写：主要用途】`,
        [],
        x.isZero() ? [] : [`${label}财政拨款支出的主要用途`],
      );
  }
  // 十、预算绩效管理情况; 十一、其他重要事项
  push('预算绩效管理情况', '【请填写：本年度预算绩效管理工作开展情况、绩效自评结果】', [], ['预算绩效管理情况']);
  {
    const running = f.values.running;
    const runningText = running
      ? `${who}${year}机关运行经费支出${wan(running.value)}${running.assumed ? '（按公用经费合计；有事业单位的，请按行政单位和参公事业单位的公用经费核实）' : ''}。`
      : '【请填写：机关运行经费支出】';
    push(
      '其他重要事项的情况说明',
      `（一）机关运行经费支出情况\n${runningText}\n（二）政府采购支出情况\n【请填写：政府采购支出总额及货物、工程、服务的采购额，授予中小企业合同金额】\n（三）国有资产占用情况\n【请填写：截至${y ? `${y}年` : '本年'}12月31日的车辆等国有资产占用情况】`,
      [],
      ['政府采购支出情况', '国有资产占用情况', ...(running?.assumed ? ['机关运行经费（按公用经费合计写出，请核实）'] : [])],
    );
  }
  return sections;
}
