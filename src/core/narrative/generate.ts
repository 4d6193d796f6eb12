/**
 * Writes the explanation sections (情况说明) from the figures, in the seeds' wording. Reasons for changes are
 * the department's words: the text carries a visible placeholder 【请填写增减原因：…】 until a reason is given,
 * and regenerating with the same reasons keeps them. Missing data is said, never invented.
 */
import Decimal from 'decimal.js';
import { fmt, ZERO } from '../amount';
import { stripDepartmentCode } from '../text';
import type { FigureKey, Figures } from './figures';
import type { SchemaId } from '../schemas';
import { SHORT_TITLE } from '../checks';
import { generateFinalSections } from './generate-final';

export interface Section {
  id: string;
  title: string;
  text: string;
  /** Placeholder ids still to be filled by the department. */
  placeholders: string[];
  /** What the tables could not give and the department must write or complete (highlighted like placeholders). */
  todo?: string[];
}

export interface GenerateOptions {
  prior?: Figures;
  /** Reasons typed by the user, by placeholder id; they replace the placeholders. */
  reasons?: Record<string, string>;
  /** 政府采购 / 固定资产 tables seen in the workbook (titles). */
  otherTables?: string[];
  /** 省级 / 市级 / 县级 / 区级; inferred from the department name when absent. */
  level?: string;
}

export const placeholder = (id: string) => `【请填写增减原因：${id}】`;

const wan = (d: Decimal) => `${fmt(d, 2)}万元`;

/** |Δ| / prior as a percentage, 2 decimals, half-up (decimal.js). */
export function percent(delta: Decimal, prior: Decimal): string {
  return delta.abs().div(prior).times(100).toFixed(2, Decimal.ROUND_HALF_UP);
}

/** "较上年X万元增加Y万元，增长P%" / "与上年持平" / "为新增" (prior 0). `down`: the word for a fall (决算 writes 下降). */
export function changeText(cur: Decimal, prior: Decimal | undefined, priorLabel: string, withPrior = true, down = '降低'): string | undefined {
  if (prior === undefined) return undefined;
  if (prior.isZero()) return cur.isZero() ? '与上年持平' : `为新增安排（上年为0）`;
  const d = cur.minus(prior);
  if (d.isZero()) return `与上年持平`;
  const head = withPrior ? `较${priorLabel}${wan(prior)}` : '';
  return `${head}${d.gt(0) ? '增加' : '减少'}${wan(d.abs())}，${d.gt(0) ? '增长' : down}${percent(d, prior)}%`;
}

/** Administrative divisions by their suffix, and the budget level each stands for (街道/乡/镇 belong to their 区/县). */
const DIVISIONS: [RegExp, string | null][] = [
  [/^特别行政区/, null],
  [/^自治区/, '自治区级'],
  [/^省/, '省级'],
  [/^自治州|^州|^盟|^地区/, '州级'],
  [/^自治县|^县/, '县级'],
  [/^自治旗|^旗/, '旗级'],
  [/^市(?!场|政|民|容|委|区)/, '市级'],
  [/^区(?!域)/, '区级'],
  [/^街道|^乡|^镇/, null],
];

/**
 * The budget level (省级 / 自治区级 / 市级 / 州级 / 县级 / 旗级 / 区级) from the place names that open a
 * department's name: the last division named before the department's own words wins ("河北省市场监督管理局" is
 * 省级 — 市场 is not a 市; "上海市普陀区人民政府万里街道办事处" is 区级 — a 街道 belongs to its district).
 */
export function governmentLevel(department?: string): string {
  let d = stripDepartmentCode(department ?? '').replace(/\s+/g, '');
  let level: string | undefined;
  for (let guard = 0; guard < 6 && d; guard++) {
    const m = /^[\u4e00-\u9fa5]{1,7}?(?=特别行政区|自治区|自治州|自治县|自治旗|省|州|盟|地区|县|旗|市|区|街道|乡|镇)/.exec(d);
    if (!m) break;
    const rest = d.slice(m[0].length);
    const hit = DIVISIONS.find(([re]) => re.test(rest));
    if (!hit) break;
    const suffix = /^(特别行政区|自治区|自治州|自治县|自治旗|省|州|盟|地区|县|旗|市|区|街道|乡|镇)/.exec(rest)![0];
    if (hit[1]) level = hit[1];
    d = rest.slice(suffix.length).replace(/^人民政府/, '');
  }
  return level ?? '本级';
}

export function generateSections(f: Figures, opts: GenerateOptions = {}): Section[] {
  if (f.stage === 'final') return generateFinalSections(f, opts);
  const y = f.year ?? new Date().getFullYear();
  const v = (k: FigureKey) => f.values[k]?.value;
  const p = (k: FigureKey) => opts.prior?.values[k]?.value;
  const reasons = opts.reasons ?? {};
  const sections: Section[] = [];
  const withReason = (id: string, text: string, needed: boolean) => {
    if (!needed) return { text, placeholders: [] as string[] };
    const r = reasons[id]?.trim();
    return r ? { text: `${text}${r.replace(/[。.]?$/, '。')}`, placeholders: [] } : { text: `${text}${placeholder(id)}`, placeholders: [id] };
  };

  // 二、部门预算安排的总体情况
  const parts: string[] = [];
  const todo: string[] = [];
  /** Missing data is said where it is missing, highlighted, and listed as still to fill. */
  const missing = (what: string, fix = '本段无法生成，请补充') => {
    todo.push(`${what}：${fix}`);
    return `【待补充：工作簿中没有可识别的${what}，${fix}】`;
  };
  /** A table that is there but whose 合计 row has no readable amounts: said as such, never "no table". */
  const unreadTotal = (ids: SchemaId[], what: string) => {
    const u = f.unreadTotals?.find((x) => ids.includes(x.schema));
    if (!u) return undefined;
    todo.push(`${what}：${SHORT_TITLE[u.schema]}的合计行没有可读的金额，请补充`);
    return `【待补充：工作簿中有${SHORT_TITLE[u.schema]}（工作表“${u.sheet}”），但其合计行（第 ${u.row + 1} 行）${u.why}，无法读取${what}；请把合计金额放到各金额列下后重新生成，或在此填写】`;
  };
  if (v('income')) {
    const items: [FigureKey, string][] = [
      ['general', '一般公共预算收入'],
      ['fund', '政府性基金预算收入'],
      ['state', '国有资本经营预算收入'],
      ['special', '财政专户管理资金收入'],
      ['business', '事业收入'],
      ['operating', '事业单位经营收入'],
      ['superior', '上级补助收入'],
      ['affiliated', '附属单位上缴收入'],
      ['otherIncome', '其他收入'],
    ];
    const listed = items.filter(([k], i) => i < 3 || (v(k) && !v(k)!.isZero())).map(([k, label]) => `${label}${wan(v(k) ?? ZERO)}`);
    const carry = v('carryover') && !v('carryover')!.isZero() ? `，上年结转${wan(v('carryover')!)}` : '';
    parts.push(`1、收入说明\n${y}年预算收入为${wan(v('income')!)}，其中：${listed.join('，')}${carry}。`);
  } else parts.push(`1、收入说明\n${unreadTotal(['income'], '收入合计') ?? missing('收支总表或收入总表')}`);
  if (v('expenditure')) {
    const basic = v('basic') ?? ZERO;
    const inner = v('personnel') && v('public') ? `，包括人员经费${wan(v('personnel')!)}和日常公用经费${wan(v('public')!)}` : '';
    parts.push(`2、支出说明\n${y}年预算支出为${wan(v('expenditure')!)}，其中：基本支出${wan(basic)}${inner}；项目支出${wan(v('project') ?? ZERO)}。`);
  } else parts.push(`2、支出说明\n${unreadTotal(['expenditure'], '支出合计') ?? missing('支出总表')}`);
  const placeholders: string[] = [];
  if (!opts.prior) {
    todo.push('比上年增减情况：未提供上年工作簿');
    parts.push(`3、比上年增减情况\n【待补充：未提供上年工作簿，请提供${y - 1}年的预算表，才能计算比上年增减】`);
  } else if (v('expenditure') && p('expenditure')) {
    const main = changeText(v('expenditure')!, p('expenditure')!, `${y - 1}年预算`);
    const sub = (k: FigureKey, label: string) => {
      const c = changeText(v(k) ?? ZERO, p(k) ?? ZERO, '', false);
      return `${label}${c}`;
    };
    const changed = !v('expenditure')!.eq(p('expenditure')!) || !(v('basic') ?? ZERO).eq(p('basic') ?? ZERO);
    const r = withReason(
      '收支增减',
      `${y}年预算收支安排${wan(v('expenditure')!)}，${main}，其中：${sub('basic', '基本支出')}；${sub('project', '项目支出')}。${changed ? '增减变化的主要原因：' : ''}`,
      changed,
    );
    parts.push(`3、比上年增减情况\n${r.text}`);
    placeholders.push(...r.placeholders);
  } else parts.push(`3、比上年增减情况\n${missing('上年支出总表', '无法计算比上年增减')}`);
  // 一: the department's own words, a clearly marked place to fill.
  sections.push({
    id: '一',
    title: '一、部门职责及机构设置',
    text: '【请填写：部门的主要职责、内设机构和所属单位（本段由单位按“三定”方案填写）】',
    placeholders: [],
    todo: ['部门职责及机构设置'],
  });
  sections.push({ id: '二', title: '二、部门预算安排的总体情况', text: parts.join('\n'), placeholders, todo: todo.splice(0) });

  // 三、机关运行经费安排情况
  if (f.economic.length && v('public')) {
    const personnelClasses = f.economic.filter((e) => e.code.length === 3 && !e.personnel.isZero());
    const publicItems = f.economic.filter((e) => e.code.length === 5 && !e.public.isZero());
    const pText = v('personnel')
      ? `按照规定标准和项目核定人员经费${wan(v('personnel')!)}，主要用于${personnelClasses.map((e) => `${e.name}${wan(e.personnel)}`).join('、')}；`
      : '';
    const running = f.values.running;
    const runningText = running && !running.assumed ? `机关运行经费${wan(running.value)}。` : '';
    const uText = `按照定额标准核定日常公用经费${running?.assumed ? '（机关运行经费）' : ''}${wan(v('public')!)}，主要用于${publicItems.map((e) => `${e.name}${wan(e.public)}`).join('、')}。${runningText}`;
    sections.push({ id: '三', title: '三、机关运行经费安排情况', text: `${y}年，${pText}${uText}`, placeholders: [] });
  } else
    sections.push({ id: '三', title: '三、机关运行经费安排情况', text: missing('一般公共预算财政拨款基本支出表'), placeholders: [], todo: todo.splice(0) });

  // 四、财政拨款“三公”经费预算情况及增减变化原因
  if (v('threeTotal')) {
    const items: [FigureKey, string][] = [
      ['abroad', '因公出国（境）费'],
      ['purchase', '公务用车购置费'],
      ['operation', '公务用车运行维护费'],
      ['reception', '公务接待费'],
    ];
    const total = changeText(v('threeTotal')!, p('threeTotal'), '上年');
    const one = (k: FigureKey, label: string) => {
      const c = changeText(v(k) ?? ZERO, opts.prior ? (p(k) ?? ZERO) : undefined, '上年');
      return `${label}${wan(v(k) ?? ZERO)}${c ? `，${c}` : ''}`;
    };
    // The 公务用车购置及运行维护费 subtotal, then its two parts.
    const vehicle = v('vehicle') ?? (v('purchase') ?? ZERO).plus(v('operation') ?? ZERO);
    const vc = changeText(vehicle, opts.prior ? (p('vehicle') ?? (p('purchase') ?? ZERO).plus(p('operation') ?? ZERO)) : undefined, '上年');
    const each = [
      one('abroad', '因公出国（境）费'),
      `公务用车购置及运行维护费${wan(vehicle)}${vc ? `，${vc}` : ''}，其中：${one('purchase', '公务用车购置费')}，${one('operation', '公务用车运行维护费')}`,
      one('reception', '公务接待费'),
    ];
    const changed = !!opts.prior && items.some(([k]) => !(v(k) ?? ZERO).eq(p(k) ?? ZERO));
    let text = `${y}年财政拨款“三公”经费预算安排${wan(v('threeTotal')!)}${total ? `，${total}` : ''}。其中：${each.join('；')}。`;
    if (!opts.prior) text += '（未提供上年工作簿，无法说明增减变化。）';
    const r = withReason('三公经费', `${text}${changed ? '“三公”经费增减变化的主要原因：' : ''}`, changed);
    sections.push({ id: '四', title: '四、财政拨款“三公”经费预算情况及增减变化原因', text: r.text, placeholders: r.placeholders });
  } else
    sections.push({
      id: '四',
      title: '四、财政拨款“三公”经费预算情况及增减变化原因',
      text: missing('“三公”经费支出表'),
      placeholders: [],
      todo: todo.splice(0),
    });

  // 五、六: from their tables where the workbook has them.
  const others = opts.otherTables ?? [];
  const proc = v('procurement');
  if (proc)
    sections.push({
      id: '五',
      title: '五、政府采购预算情况',
      text: proc.isZero()
        ? `${y}年，我部门无政府采购预算（政府采购预算为0万元）。`
        : `${y}年，我部门安排政府采购预算${wan(proc)}，具体内容见部门政府采购预算表。`,
      placeholders: [],
    });
  else if (others.some((t) => /政府采购/.test(t)))
    sections.push({
      id: '五',
      title: '五、政府采购预算情况',
      text: missing('政府采购预算表“合计”行', '请按表填写政府采购预算总额'),
      placeholders: [],
      todo: todo.splice(0),
    });
  // Without the table the section still stands (the numbering never jumps from 四 to 七), as a place to fill.
  else
    sections.push({
      id: '五',
      title: '五、政府采购预算情况',
      text: '【请填写：政府采购预算情况（工作簿中没有政府采购预算表；没有政府采购预算的，写明“无政府采购预算”）】',
      placeholders: [],
      todo: ['政府采购预算情况'],
    });
  const assets = v('assets');
  if (assets)
    sections.push({
      id: '六',
      title: '六、国有资产信息',
      text: assets.isZero()
        ? `截至${y - 1}年12月31日，本部门无固定资产（资产总价值为0万元）。`
        : `截至${y - 1}年12月31日，本部门资产总价值${wan(assets)}，详见固定资产占用情况表。`,
      placeholders: [],
    });
  else if (others.some((t) => /固定资产/.test(t)))
    sections.push({
      id: '六',
      title: '六、国有资产信息',
      text: missing('固定资产占用情况表“资产总额”', '请按表填写资产总价值'),
      placeholders: [],
      todo: todo.splice(0),
    });
  else
    sections.push({
      id: '六',
      title: '六、国有资产信息',
      text: '【请填写：国有资产占用情况（工作簿中没有固定资产占用情况表）】',
      placeholders: [],
      todo: ['国有资产信息'],
    });
  // 七: 绩效 is the department's own text; a clearly marked place to fill.
  const perf = f.performance;
  if (perf) {
    const d = perf.department;
    const projectsText = perf.projects
      ? `${y}年，本部门共有 ${perf.projects} 个项目编报了绩效目标${perf.withBudget ? `，涉及项目预算资金${wan(perf.total)}` : ''}，各项目的绩效目标见项目绩效目标表。`
      : `【请填写：编报绩效目标的项目个数及涉及的预算资金】`;
    // 部门整体: what the workbook shows (its parts, 分项 and indicators); the goals themselves are the department's words.
    const departmentText = d
      ? `本部门编制了部门整体绩效目标${d.parts.length ? `（${d.parts.join('、')}）` : ''}${d.items ? `，分项绩效目标 ${d.items} 项` : ''}${d.indicators ? `，部门整体支出绩效指标 ${d.indicators} 个` : ''}${d.funds ? `，涉及资金${wan(d.funds)}` : ''}。【请填写：部门整体绩效目标的主要内容】`
      : '【请填写：部门整体绩效目标及其他需说明的绩效管理情况】';
    sections.push({
      id: '七',
      title: '七、预算绩效信息',
      text: projectsText + departmentText,
      placeholders: [],
      todo: [...(perf.projects ? [] : ['预算绩效信息：项目绩效目标']), d ? '预算绩效信息：部门整体绩效目标的主要内容' : '预算绩效信息：部门整体绩效目标'],
    });
  } else
    sections.push({
      id: '七',
      title: '七、预算绩效信息',
      text: '【请填写：预算绩效信息（编报绩效目标的项目个数及涉及的预算资金，部门整体绩效目标等）】',
      placeholders: [],
      todo: ['预算绩效信息'],
    });

  // 八、名词解释
  const level = opts.level ?? governmentLevel(f.department);
  sections.push({
    id: '八',
    title: '八、名词解释',
    text: [
      `1、一般公共预算拨款收入：指${level}财政当年拨付的资金。`,
      '2、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。',
      '3、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。',
      `4、“三公”经费：纳入${level}财政预算管理的“三公”经费，是指${level}部门用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。`,
      '5、机关运行经费：为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。',
    ].join('\n'),
    placeholders: [],
  });
  sections.push({ id: '九', title: '九、其他需要说明的事项', text: '无其他需要说明的事项。', placeholders: [] });
  return sections;
}

/**
 * The explanation's title: "…2025年部门预算信息公开情况说明", or for 决算 "…2024年度部门决算情况说明" (a 决算's tables carry
 * neither department nor year: the places to fill show until the user gives them).
 */
export function explanationTitle(f: Figures, kind: '部门' | '单位'): string {
  if (f.stage === 'final') return `${f.department ?? '【单位名称】'}${f.year ?? '【年度】'}年度${kind}决算情况说明`;
  return `${f.department ?? ''}${f.year ?? ''}年${kind}预算信息公开情况说明`;
}

export function sectionsText(sections: Section[]): string {
  return sections.map((s) => `${s.title}\n${s.text}`).join('\n\n');
}
