/**
 * Checks an existing explanation text, however it was pasted (pasted.ts makes it readable first): every amount
 * it states is tied to the table figure it talks about, in its scope — 三公 items, the 机关运行经费 and 人员经费
 * breakdowns (each item against its basic-table 款), each fund's own expenditure, never the grand total by
 * accident; its own arithmetic must hold (基本 = 人员 + 公用, 合计 = 基本 + 项目, Δ = current − prior, the
 * percentage from the stated Δ); 增减 wordings are read however they are phrased, and checked against last
 * year's workbook when the text gives no prior figure; contradictions and empty reasons are flagged; years on
 * statements must be the budget year (dates and project names are not statements). Without a workbook the
 * text-only checks still run.
 */
import Decimal from 'decimal.js';
import { fmt } from '../amount';
import { catalogueName, FORMER_CLASS_NAMES } from '../catalogue';
import { normName } from '../text';
import type { FigureKey, Figures } from './figures';
import { percent } from './generate';
import { checkClaims } from './check-claims';
import { readClaims } from './claims';
import { halfOf, meets, UNIT_SCALES } from './interval';
import { refineClaims, seriesFindings, tableFindings } from './table-checks';
import { pastedSentences, readPasted } from './pasted';

export interface TextFinding {
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  sentence: string;
  stated?: string;
  table?: string;
  sheet?: string;
  cell?: string;
}

/** Label patterns, most specific first. */
const LABELS: [RegExp, FigureKey][] = [
  [/三公.{0,4}经费/, 'threeTotal'],
  [/因公出国/, 'abroad'],
  [/公务用车购置(及|和|与)运[行维]|购置及运[行维]/, 'vehicle'],
  [/公务用车购置/, 'purchase'],
  [/公务用车运[行维]|运维费/, 'operation'],
  [/公务接待/, 'reception'],
  [/机关运行经费/, 'running'],
  [/政府采购/, 'procurement'],
  [/^(?!.*购置).*资产总(价值|额)/, 'assets'], // "拟购置固定资产总额" is planned purchases, not the asset total
  [/人员.{0,4}经费/, 'personnel'],
  [/公用.{0,6}经费/, 'public'],
  [/基本支出/, 'basic'],
  [/项目支出/, 'project'],
  [/上年结转/, 'carryover'],
  // Each fund's own expenditure, before the income patterns ("一般公共预算拨款支出预算" is not an income).
  [/一般公共预算.{0,8}支出/, 'generalExp'],
  [/(政府性基金|基金预算).{0,8}支出/, 'fundExp'],
  [/国有资本经营.{0,8}支出/, 'stateExp'],
  [/财政拨款.{0,6}支出/, 'fiscalExp'],
  [/财政拨款收入/, 'fiscalIncome'],
  [/一般公共预算(拨款)?收入|一般公共预算拨款/, 'general'],
  [/政府性基金(预算)?(拨款)?收入|基金预算(拨款)?收入/, 'fund'],
  [/国有资本经营(预算)?(拨款)?收入/, 'state'],
  [/财政专户/, 'special'],
  [/事业单位经营收入/, 'operating'],
  [/^事业收入/, 'business'],
  [/上级补助收入/, 'superior'],
  [/附属单位上缴收入/, 'affiliated'],
  // The totals last: "政府性基金预算收入" is a source, not the total.
  [/(预算收入|收入预算|收入总计|收入合计|本部门.{0,4}收入)/, 'income'],
  [/(支出预算|预算支出|支出总计|支出合计|预算收支安排|收支预算)/, 'expenditure'],
];

/**
 * A 决算 text's own words, tried before LABELS (final-accounts.md §4): 收入支出总计 is the summary's 总计 with
 * carry-over, 本年收入/支出合计 the year's; "年初预算 / 全年预算 / 调整预算" name budget figures, not table cells.
 */
const FINAL_LABELS: [RegExp, FigureKey][] = [
  [/财政拨款收入支出总计/, 'fiscalTotal'],
  [/收入支出总计/, 'grandTotal'],
  [/本年收入合计/, 'income'],
  [/本年支出合计/, 'expenditure'],
  [/一般公共预算.{0,8}基本支出/, 'generalBasic'],
];
/** A budget figure stated in a 决算 text ("年初预算为", "全年预算数"): for 三公 the table's 预算数, otherwise none. */
const BUDGET_FIGURE = /(年初|全年|调整)预算(数)?(为|是)?$|预算数(为|是)?$/;

/** Former class names a text may still use; a generic one ("医疗卫生支出") reads as a description, not a class name. */
const TEXT_FORMER_NAMES = FORMER_CLASS_NAMES.filter((f) => f.name !== '医疗卫生支出');

const LEFTOVER =
  /有则写|无则填|XX|××|x{2,}|【请填写|\bTC\s|\\f\s|MERGEFIELD|\[bookmark|此处填写|（填写|待填|【待补充|增加[（(]减少[)）]|减少[（(]增加[)）]|增长[（(]下降[)）]/i;
/** Web addresses (…/xxgk/…): their letters are no template leftover. */
const URL = /(https?:\/\/|www\.)[\w.\-/?=&%#:~+]*/gi;

const NUM = /(\d+(?:\.\d+)?)(万元|元|%)/g;

/** The words that end a prior value's context ("较上年", "比2020年的", "上年为（"). */
const PRIOR_CTX = /((比|较|与|同)(上年|上一年|去年|\d{4}年)(度)?(年初)?(预算)?(数|安排|执行数)?(的|为|是)?|上年(预算)?(数|安排)?(为|是|的)|同比|同期)[（(]?$/;
/** The words that end a change's context ("增加", "降幅为", "减少了（"). */
const DELTA_CTX = /(增加|减少|增长|下降|降低|增幅|降幅|增长幅度|下降幅度)(了|为|是)?[（(]?$/;
const DOWN = /(减少|下降|降低|降幅|下降幅度)(了|为|是)?[（(]?$/;
/** A breakdown follows: the items after it are basic-table 款, not 三公 items or totals. */
const BREAKDOWN = /(公用经费|机关运行经费|人员经费)[^。；]{0,30}?(主要用于|主要包括|包括|用于|其中)/;

interface Mention {
  value: Decimal;
  unit: string;
  /** Half the unit of its last printed decimal, in its own unit (万元 for amounts, % for percentages). */
  half: Decimal;
  /** Where the number starts and ends in the sentence. */
  at: number;
  end: number;
  label: string;
  kind: 'amount' | 'prior' | 'delta' | 'percent' | 'item';
  /** A 决算 text's budget figure (年初预算, 全年预算): compared with the 三公 预算数 only. */
  budget?: boolean;
  sign?: 1 | -1;
  key?: FigureKey;
  /** For breakdown items: the basic-table row it names. */
  econ?: Figures['economic'][number];
}

function classify(label: string, final = false): FigureKey | undefined {
  const l = label.replace(/\s+/g, '');
  if (final) for (const [re, key] of FINAL_LABELS) if (re.test(l)) return key;
  for (const [re, key] of LABELS) if (re.test(l)) return key;
  return undefined;
}

/** The basic-table 款 a breakdown item names ("日常维修（护）费" → 30213 维修(护)费); exact names only. */
function economicByName(figures: Figures | undefined, label: string): Figures['economic'][number] | undefined {
  if (!figures) return undefined;
  const n = normName(label).replace(/^(其中|主要用于|主要包括|包括|用于|日常|办公用房)+/, '');
  return figures.economic.find((e) => {
    const en = normName(e.name);
    return en === n || en === n.replace(/^(日常|办公用房)/, '');
  });
}

/** Splits a sentence into mentions: amounts with the label before them, prior values, deltas, percentages. */
function mentions(sentence: string, figures: Figures | undefined): Mention[] {
  const out: Mention[] = [];
  let last = 0;
  const bd = BREAKDOWN.exec(sentence);
  const breakdownFrom = bd ? bd.index + bd[0].length : Infinity;
  for (const m of sentence.matchAll(NUM)) {
    const ctx = sentence.slice(last, m.index!);
    const label = ctx
      .split(/[，,；;：:、]/)
      .pop()!
      .trim()
      .replace(/^[(（][一二三四五六七八九十\d]+[)）]/, '');
    const value = new Decimal(m[1]);
    const unit = m[2];
    const at = m.index!;
    last = at + m[0].length;
    const pos = { at, end: last, half: halfOf(m[1], unit === '元' ? UNIT_SCALES['元'] : new Decimal(1)) };
    if (unit === '%') {
      out.push({ value, unit, ...pos, label, kind: 'percent', sign: DOWN.test(ctx) ? -1 : 1 });
      continue;
    }
    const amount = unit === '元' ? value.div(10000) : value;
    if (PRIOR_CTX.test(ctx) && !DELTA_CTX.test(ctx)) out.push({ value: amount, unit, ...pos, label, kind: 'prior' });
    else if (DELTA_CTX.test(ctx)) {
      // "基本支出减少171.36万元": a new subject stated only by its change.
      const subjectKey = classify(label.replace(/(比|较)(上年|去年|\d{4}年)(预算)?/, '').replace(DELTA_CTX, ''));
      out.push({ value: amount, unit, ...pos, label, kind: 'delta', sign: DOWN.test(ctx) ? -1 : 1, key: subjectKey });
    } else if (at >= breakdownFrom) {
      // Item names keep their brackets ("日常维修（护）费").
      const itemLabel = ctx
        .split(/[，,；;：:、]/)
        .pop()!
        .trim();
      out.push({ value: amount, unit, ...pos, label: itemLabel, kind: 'item', econ: economicByName(figures, itemLabel) });
    } else if (figures?.stage === 'final' && BUDGET_FIGURE.test(label.replace(/\s+/g, ''))) {
      // A 决算 text's budget figure: the 三公 预算数 are in the table, any other budget only in the budget disclosure.
      const key = classify(label);
      out.push({ value: amount, unit, ...pos, label, kind: 'amount', key, budget: true });
    } else out.push({ value: amount, unit, ...pos, label, kind: 'amount', key: classify(label, figures?.stage === 'final') });
  }
  return out;
}

/** "完成（年初/全年）预算的 P%" (final-accounts.md TX7, TX11). */
const COMPLETION = /完成(年初|全年|调整)?预算(数)?的\s*(\d+(?:\.\d+)?)%/g;
const STATED = (what: string) => new RegExp(`${what}(?:数)?(?:为|是)?\\s*(?<n>\\d+(?:\\.\\d+)?)\\s*万元`, 'g');

/**
 * A 决算 text's completion rates: P = 支出决算 ÷ the budget it names, which must not be 0 (a rate of a zero budget
 * does not exist — often it was computed on the 全年预算 and called 完成年初预算). The budget is the one the clause
 * states, or for a 三公 item the 预算数 of the 三公 table.
 */
function completionFindings(sentence: string, figures: Figures): TextFinding[] {
  const out: TextFinding[] = [];
  let from = 0;
  for (const m of sentence.matchAll(COMPLETION)) {
    const chunk = sentence.slice(from, m.index!);
    from = m.index! + m[0].length;
    const clause = chunk.split(/[；;]/).pop()!;
    const last = (re: RegExp) => [...clause.matchAll(re)].pop();
    const which = m[1] ?? '年初';
    const statedBudget = last(STATED(`${which}预算`)) ?? (m[1] ? undefined : last(STATED('预算')));
    const full = last(STATED('全年预算'));
    const actual = last(STATED('(支出)?决算'));
    const key = LABELS.find(([re]) => re.test(clause.replace(/\s+/g, '')))?.[1];
    const tableBudget = key && figures.budgets?.[key];
    const budget = statedBudget ? new Decimal(statedBudget.groups!.n) : tableBudget?.value;
    const rate = new Decimal(m[3]);
    const subject = clause
      .split(/年初预算|全年预算|调整预算|支出决算|决算(?:数)?(?:为|是)|完成/)[0]
      .replace(/^[，,：:\s]*(其中[:：]?)?/, '')
      .trim();
    if (budget === undefined) continue;
    if (budget.isZero()) {
      const onFull =
        full &&
        actual &&
        !new Decimal(full.groups!.n).isZero() &&
        close(new Decimal(percent(new Decimal(actual.groups!.n), new Decimal(full.groups!.n))), rate, rate);
      const where = statedBudget ? '' : tableBudget?.sheet ? `（${tableBudget.sheet}!${tableBudget.cell}）` : '';
      out.push({
        rule: 'text.completion',
        severity: 'error',
        message: `${subject ? `“${subject}”的` : ''}${m[1] ?? ''}预算为 0${where}，不能写“完成${m[1] ?? ''}预算的${m[3]}%”${onFull ? `：${m[3]}% 是支出决算 ${actual!.groups!.n} ÷ 全年预算 ${full!.groups!.n}，应说明是完成全年预算的比例` : '：预算为 0 时没有完成率'}`,
        sentence,
        stated: `${m[3]}%`,
      });
    } else if (actual) {
      const expected = percent(new Decimal(actual.groups!.n), budget);
      if (!close(new Decimal(expected), rate, rate))
        out.push({
          rule: 'text.completion',
          severity: 'error',
          message: `完成${m[1] ?? ''}预算的比例应为 ${actual.groups!.n} ÷ ${budget} = ${expected}%，文中写 ${m[3]}%`,
          sentence,
          stated: `${m[3]}%`,
        });
    }
  }
  return out;
}

/**
 * A 决算 text's class shares (final-accounts.md TX6): "A（类）X万元，占P%" of the 一般公共预算财政拨款支出, recomputed
 * on the 一般公共预算支出决算表's 合计. One unit off in the last decimal (shares forced to add to 100) is a warning.
 */
function classShareFindings(sentence: string, figures: Figures): TextFinding[] {
  const total = figures.values.generalExp;
  if (!total || total.value.isZero()) return [];
  const out: TextFinding[] = [];
  for (const m of sentence.matchAll(/([^，,；;。：:]+?)[（(]类[)）]\s*(\d+(?:\.\d+)?)\s*万元[，,]?\s*占(?:比)?(?:为)?\s*(\d+(?:\.\d+)?)%/g)) {
    const stated = new Decimal(m[3]);
    const expected = new Decimal(m[2]).div(total.value).times(100);
    const unit = new Decimal(10).pow(-stated.decimalPlaces());
    const off = expected.minus(stated).abs();
    if (off.lte(unit.div(2).plus('0.0000001'))) continue;
    const oneUnit = off.lte(unit.times(1.5));
    out.push({
      rule: 'text.share',
      severity: oneUnit ? 'warning' : 'error',
      message: `“${m[1].trim()}（类）”${m[2]}万元占一般公共预算财政拨款支出 ${fmt(total.value, 2)}万元（${total.sheet}!${total.cell}）的 ${expected.toDecimalPlaces(stated.decimalPlaces(), Decimal.ROUND_HALF_UP).toFixed(stated.decimalPlaces())}%，文中写 ${m[3]}%${oneUnit ? '（末位相差 1，可能是为凑足 100% 而调整，请核对）' : ''}`,
      sentence,
      stated: `${m[3]}%`,
    });
  }
  return out;
}

/** What an item's 主要用于 must not say (final-accounts.md TX20): the purpose of another kind of item. */
const PURPOSE_CLASHES: { item: RegExp; not: RegExp; what: string }[] = [
  { item: /住房公积金/, not: /医疗|养老保险|职业年金|失业|工伤/, what: '住房公积金' },
  { item: /基本养老保险缴费/, not: /医疗|公积金|职业年金/, what: '养老保险缴费' },
  { item: /职业年金缴费/, not: /医疗|公积金|基本养老/, what: '职业年金缴费' },
  { item: /(行政|事业)单位医疗|公务员医疗补助/, not: /公积金|养老|年金/, what: '医疗保险' },
];

/**
 * The 决算 text's per-项 paragraphs (final-accounts.md TX8, TX20): "N、A（类）B（款）C（项）。主要用于：…。年初预算为
 * X万元，支出决算为Y万元" — Y is the 项's amount in the 一般公共预算支出决算表, and the purpose fits the 项.
 */
function itemParagraphFindings(sentences: string[], figures: Figures): TextFinding[] {
  const out: TextFinding[] = [];
  /** The 项 paragraph being read: its 类, 款 and 项 names. */
  let current: string[] | undefined;
  for (const sentence of sentences) {
    const s = sentence.replace(/\s+/g, '');
    const head = /([^、（(]+)[（(]类[)）]([^（(]+)[（(]款[)）]([^（(]+)[（(]项[)）]/.exec(s);
    if (head) current = [head[1].replace(/^\d+/, ''), head[2], head[3]];
    if (!current) continue;
    const use = /主要用于[:：]?([^。；]*)/.exec(s);
    const clash = use && PURPOSE_CLASHES.find((c) => c.item.test(current![2]) && c.not.test(use[1]));
    if (clash)
      out.push({
        rule: 'text.item-purpose',
        severity: 'warning',
        message: `“${current[2]}（项）”的用途写为“${use![1]}”：这是${clash.not.exec(use![1])![0]}的内容，不是${clash.what}，请核对`,
        sentence,
      });
    const actual = /支出决算(数)?(为|是)?(\d+(?:\.\d+)?)万元/.exec(s);
    if (!actual) continue;
    const [, kuan, xiang] = current;
    const hit = figures.items?.find((i) => i.level === 3 && normName(i.names[2]) === normName(xiang) && normName(i.names[1]) === normName(kuan));
    if (hit && !close(new Decimal(actual[3]), hit.total.value, new Decimal(actual[3])))
      out.push({
        rule: 'text.amount',
        severity: 'error',
        message: `“${current.join('／')}”支出决算写为 ${actual[3]}万元，表中为 ${fmt(hit.total.value, 2)}万元（${hit.total.sheet}!${hit.total.cell}，${hit.code}）`,
        sentence,
        stated: actual[3],
        table: fmt(hit.total.value, 2),
        sheet: hit.total.sheet,
        cell: hit.total.cell,
      });
    current = undefined;
  }
  return out;
}

/** Tolerance for stated amounts: the text may round to fewer decimals than the tables (4436.2 for 4436.20). */
function close(a: Decimal, b: Decimal, stated: Decimal): boolean {
  const dec = Math.max(stated.decimalPlaces(), 0);
  const tol = dec >= 2 ? new Decimal('0.005') : new Decimal(10).pow(-dec).div(2);
  return a.minus(b).abs().lte(tol.plus('0.0000001'));
}

/** Years that are not statements: dates (2024年8月31日), periods (2021-2023年), project and document names. */
function isNotStatement(sentence: string, at: number, len: number): boolean {
  const after = sentence.slice(at + len, at + len + 12);
  const before = sentence.slice(Math.max(0, at - 12), at);
  if (/^\d{1,2}月/.test(after)) return true;
  if (/[-—～~至到]$/.test(before) || /^[-—～~至到]\s*\d{4}/.test(after)) return true;
  if (/^(度)?[^，。；]{0,10}(项目|工程|规划|计划|行动|方案|专项|活动|工作要点)/.test(after)) return true;
  const opens = (sentence.slice(0, at).match(/[《“「『]/g) ?? []).length;
  const closes = (sentence.slice(0, at).match(/[》”」』]/g) ?? []).length;
  return opens > closes;
}

const COMPARISON = /比|较|上年|同比|相比|持平|相同|增加|减少|增长|下降|降低|增幅|降幅|同期/;

export interface CheckTextOptions {
  year?: number;
  /** Last year's figures (check-text --prior): changes stated without a prior figure are checked against them. */
  prior?: Figures;
}

/**
 * A heading line that names what the next sentence's unlabelled total is (Chongqing: "（一）收入预算" then
 * "2025年年初预算数5941.79万元，其中：…").
 */
function headingKey(sentence: string): FigureKey | undefined {
  const t = sentence.replace(/\s+/g, '').replace(/^[(（]?[一二三四五六七八九十\d]+[)）、.．]?/, '');
  if (t.length > 12 || /\d/.test(t)) return undefined;
  if (/^(收入预算|预算收入|收入预算情况|收入情况)$/.test(t)) return 'income';
  if (/^(支出预算|预算支出|支出预算情况|支出情况)$/.test(t)) return 'expenditure';
  return undefined;
}

/** A label that names no item, only "the budget": the heading above says which total it is. */
const BARE_TOTAL = /^(\d{4}年)?(年?初)?预算(数|总额|总数)?(为|是)?$|^(\d{4}年)?(年?初)?(预算)?总额(为|是)?$/;

/** The income sources a total's breakdown may list (each fund, 财政拨款 as their sum, the other sources). */
const INCOME_PARTS = new Set<FigureKey>([
  'general',
  'fund',
  'state',
  'fiscalIncome',
  'special',
  'operating',
  'business',
  'superior',
  'affiliated',
  'carryover',
]);

/**
 * "收入X万元，其中：A a万元，B b万元…": the parts of an income total broken down right after it must add up to it.
 * The breakdown ends at the sentence's end or at a nested "其中" / "主要是" (the breakdown of a part). A 财政拨款 part stated
 * together with a fund's part is nested too (财政拨款 = the funds): not checked. Parts need not carry a known label
 * (其他来源收入, 行政事业性收费), but every amount there must be a plain amount, not a change or a prior figure.
 */
function incomeBreakdownFinding(sentence: string, ms: Mention[], goesOn = false): TextFinding | undefined {
  const ti = ms.findIndex((m) => m.kind === 'amount' && m.key === 'income');
  if (ti < 0) return undefined;
  const total = ms[ti];
  const lead = /^[，,]?\s*其中[:：]/.exec(sentence.slice(total.end));
  if (!lead) return undefined;
  const parts: Mention[] = [];
  // Text between one part and the next (from the end of the leading "其中："): another "其中" there is nested.
  let from = total.end + lead[0].length;
  for (const m of ms.slice(ti + 1)) {
    // (So is one after 主要是 / 包括: "本年收入6128.16万元,主要是一般公共预算拨款5478.16万元,…".)
    if (/其中|主要是|主要包括|包括/.test(sentence.slice(from, m.at))) break;
    if (m.kind !== 'amount' || m.unit === '%' || (m.key && !INCOME_PARTS.has(m.key))) return undefined;
    parts.push(m);
    from = m.end;
  }
  if (parts.length < 2) return undefined;
  const keys = new Set(parts.map((p) => p.key));
  if (keys.has('fiscalIncome') && (keys.has('general') || keys.has('fund') || keys.has('state'))) return undefined;
  let sum = new Decimal(0);
  for (const p of parts) sum = sum.plus(p.value);
  // Each stated figure may be rounded: half a unit of its last decimal, the total's and every part's (a 0 is exact).
  let tol = new Decimal(0);
  for (const m of [total, ...parts]) if (!m.value.isZero()) tol = tol.plus(new Decimal(10).pow(-m.value.decimalPlaces()).div(2));
  if (sum.minus(total.value).abs().lte(tol.plus('0.0000001')) || (goesOn && sum.lt(total.value))) return undefined;
  return {
    rule: 'text.arithmetic',
    severity: 'error',
    message: `收入写为 ${total.value}万元，但其中所列各项 ${parts.map((p) => p.value.toString()).join(' + ')} = ${fmt(sum, 2)}万元`,
    sentence,
    stated: total.value.toString(),
  };
}

export function checkText(text: string, figures?: Figures, opts: CheckTextOptions = {}): TextFinding[] {
  const findings: TextFinding[] = [];
  const year = opts.year ?? figures?.year;
  const prior = opts.prior;
  let heading: FigureKey | undefined;
  // Read once: the lines, the tables pasted in, the paragraphs of prose; and the figures those state.
  const pasted = readPasted(text);
  const sentences = pastedSentences(pasted);
  /** Sentences whose class shares were checked against the tables: the text's own share arithmetic is not repeated. */
  const tableShares = new Set<string>();
  if (figures?.stage === 'final') findings.push(...itemParagraphFindings(sentences, figures));
  // (Read once: a sentence's figures are asked for again by the sentence before it.)
  const mentioned = sentences.map((x) => mentions(x, figures));
  for (const [si, sentence] of sentences.entries()) {
    if (figures?.stage === 'final') {
      findings.push(...completionFindings(sentence, figures));
      const shares = classShareFindings(sentence, figures);
      findings.push(...shares);
      if (/[（(]类[)）]\s*\d[^%]*%/.test(sentence) && figures.values.generalExp) tableShares.add(sentence);
    }
    const underHeading = heading;
    heading = headingKey(sentence);
    const withoutUrls = sentence.replace(URL, '');
    if (LEFTOVER.test(withoutUrls))
      findings.push({
        rule: 'text.leftover',
        severity: 'warning',
        message: `这句还留有模板说明或占位内容：“${(LEFTOVER.exec(withoutUrls) ?? [''])[0]}”`,
        sentence,
      });
    if (year)
      for (const m of sentence.matchAll(/(20\d{2})年/g)) {
        const y = Number(m[1]);
        if (isNotStatement(sentence, m.index!, m[0].length)) continue;
        // A reason that tells of another year ("原因为2012年…已经完成") is no statement of this year's figures.
        if (/(原因|由于|因为|系因)[^。；;]*$/.test(sentence.slice(0, m.index!))) continue;
        const clause = sentence.slice(m.index!).split(/[。；;]/)[0];
        const clauseBefore =
          sentence
            .slice(0, m.index!)
            .split(/[。；;，,]/)
            .pop() ?? '';
        // "比2026年预算增加…" inside the 2026 budget: the comparison's base is last year.
        if (
          y === year &&
          /(比|较|与|同)\s*$/.test(sentence.slice(0, m.index!)) &&
          /^(度)?(预算|决算|年初预算)?(数)?(相比|持平|增加|减少|增长|下降|相同)?/.test(sentence.slice(m.index! + m[0].length)) &&
          COMPARISON.test(clause)
        )
          findings.push({
            rule: 'text.year',
            severity: 'warning',
            message: `这里与 ${y} 年比较，而 ${y} 年就是本年：应与上年（${y - 1} 年）比较，请核对年份`,
            sentence,
            stated: String(y),
          });
        else if (y !== year && y !== year - 1)
          findings.push({
            rule: 'text.year',
            severity: 'warning',
            message: `提到 ${y} 年：预算年度为 ${year} 年（上年为 ${year - 1} 年），请核对年份`,
            sentence,
            stated: String(y),
          });
        else if (y === year - 1 && !COMPARISON.test(clause) && !COMPARISON.test(clauseBefore) && /安排|预算|收入|支出|我部门|本部门|本单位/.test(clause))
          findings.push({
            rule: 'text.year',
            severity: 'warning',
            message: `这句说的是 ${y} 年的安排，而预算年度为 ${year} 年：请核对年份`,
            sentence,
            stated: String(y),
          });
      }
    // A class under its old name (医疗卫生与计划生育支出 where the tables of these years say 卫生健康支出).
    const compact = year && year >= 2020 ? sentence.replace(/\s+/g, '') : '';
    if (compact)
      for (const f of TEXT_FORMER_NAMES)
        if (compact.includes(f.name))
          findings.push({
            rule: 'text.former-name',
            severity: 'warning',
            message: `“${f.name}”是 ${f.code} 类的旧名称，现行名称为“${catalogueName('function', f.code)}”：请按现行科目名称写`,
            sentence,
            stated: f.name,
          });
    // Contradictions and empty reasons.
    const clauses = sentence.split(/[，,；;。]/).filter(Boolean);
    clauses.forEach((clause, i) => {
      // "增加…持平" about one subject: the same clause, or the next one when it brings no amount of its own.
      const next = clauses[i + 1];
      const moves = (c: string) => /增加|增长|减少|下降|降低/.test(c) && !/原因/.test(c);
      // ("保持平稳" is steady, not unchanged.)
      const flat = (c: string) => /持平(?!稳)|不变/.test(c);
      const pairHit =
        next !== undefined &&
        !/\d/.test(next) &&
        !/\d/.test(clause.replace(/^.*?(比|较)/, '')) &&
        ((moves(clause) && flat(next)) || (flat(clause) && moves(next)));
      if ((moves(clause) && flat(clause)) || pairHit)
        findings.push({
          rule: 'text.contradiction',
          severity: 'error',
          message: `同一项既说有增减又说“持平”：“${pairHit ? `${clause}，${next}` : clause}”`,
          sentence,
        });
    });
    for (const clause of clauses) {
      const dup = /(增加|减少|增长|下降|降低)\1/.exec(clause);
      if (dup) findings.push({ rule: 'text.contradiction', severity: 'warning', message: `“${dup[0]}”重复了，请核对这句的写法`, sentence });
    }
    if (/原因(是|为|主要是|主要为)[。；;，,]?$|主要原因[:：]?[。；;]?$|原因[:：][。；;]?$/.test(sentence.replace(/\s+/g, '')))
      findings.push({ rule: 'text.empty-reason', severity: 'warning', message: '增减原因没有写内容（“主要原因是。”）：请写明原因', sentence });
    const ms = mentioned[si];
    // The first amount under a 收入预算 / 支出预算 heading, labelled only "年初预算数", is that total: the heading on
    // the line above, or run into the sentence ("（一）收入预算：2025年年初预算数128.8万元，其中：…", Chongqing 璧山).
    const first = ms[0];
    if (first?.kind === 'amount' && !first.key && BARE_TOTAL.test(first.label.replace(/\s+/g, ''))) {
      const before = sentence.slice(0, first.at);
      const labelAt = before.lastIndexOf(first.label);
      first.key = underHeading ?? headingKey(before.slice(0, labelAt >= 0 ? labelAt : before.length).replace(/[:：\s]+$/, ''));
    }
    let subject: Mention | undefined;
    let priorM: Mention | undefined;
    let delta: Mention | undefined;
    let deltaWrong = false;
    const stated = new Map<FigureKey, Mention>();
    const amountFinding = (m: Mention, fig: { value: Decimal; sheet?: string; cell?: string; assumed?: string }, label = m.label) => {
      if (close(m.value, fig.value, m.value)) return;
      findings.push({
        rule: 'text.amount',
        severity: fig.assumed ? 'warning' : 'error',
        message: `“${label}”写为 ${m.value.toString()}万元，表中为 ${fmt(fig.value, 2)}万元（${fig.sheet}!${fig.cell}）${fig.assumed ? `；${fig.assumed}` : ''}`,
        sentence,
        stated: m.value.toString(),
        table: fmt(fig.value, 2),
        sheet: fig.sheet,
        cell: fig.cell,
      });
    };
    for (const m of ms) {
      if (m.kind === 'amount') {
        subject = m;
        priorM = delta = undefined;
        deltaWrong = false;
        if (m.budget) {
          const fig = m.key && figures?.budgets?.[m.key];
          if (fig) amountFinding(m, fig, `${m.label}（预算数）`);
          continue;
        }
        if (m.key && !stated.has(m.key)) stated.set(m.key, m);
        const fig = m.key && figures?.values[m.key];
        if (fig) amountFinding(m, fig);
      } else if (m.kind === 'item') {
        if (m.econ) amountFinding(m, { value: m.econ.total, sheet: m.econ.sheet, cell: m.econ.cell }, `${m.label}（${m.econ.code}）`);
      } else if (m.kind === 'prior') {
        priorM = m;
        if (subject?.key && prior?.values[subject.key]) amountFinding(m, prior.values[subject.key]!, `${subject.label}的上年数`);
      } else if (m.kind === 'delta' && m.key) {
        // A new subject given by its change alone ("其中：基本支出减少171.36万元").
        subject = undefined;
        priorM = undefined;
        delta = m;
        const cur = figures?.values[m.key];
        const before = prior?.values[m.key];
        if (cur && before) {
          const expected = cur.value.minus(before.value);
          if (!close(expected, m.value.times(m.sign!), m.value)) {
            deltaWrong = true;
            findings.push({
              rule: 'text.delta',
              severity: 'error',
              message: `“${m.label}”：按本年 ${fmt(cur.value, 2)}万元与上年 ${fmt(before.value, 2)}万元，应${expected.gte(0) ? '增加' : '减少'}${fmt(expected.abs(), 2)}万元，文中写${m.sign! < 0 ? '减少' : '增加'}${m.value}万元`,
              sentence,
              stated: m.value.toString(),
            });
          }
        }
      } else if (m.kind === 'delta' && subject) {
        delta = m;
        const before = priorM?.value ?? (subject.key ? prior?.values[subject.key]?.value : undefined);
        // (Not a part after 其中: "收入总计231.24万元,其中年初结转和结余0万元,较2019年增加5.24万元,增长2.3%" may be the total's.)
        if (subject.value.isZero() && !priorM && m.sign! > 0 && !m.value.isZero() && !/^其中/.test(subject.label))
          findings.push({ rule: 'text.contradiction', severity: 'error', message: `“${subject.label}”为 0万元，却写比上年增加 ${m.value}万元`, sentence });
        if (before !== undefined) {
          const expected = subject.value.minus(before);
          const got = m.value.times(m.sign!);
          if (!close(expected, got, m.value)) {
            deltaWrong = true;
            findings.push({
              rule: 'text.delta',
              severity: 'error',
              message: `“${subject.label}”${subject.value}万元较上年${fmt(before, 2)}万元应${expected.gte(0) ? '增加' : '减少'}${fmt(expected.abs(), 2)}万元，文中写${m.sign! < 0 ? '减少' : '增加'}${m.value}万元`,
              sentence,
              stated: m.value.toString(),
            });
          }
        }
      } else if (m.kind === 'percent' && delta && !deltaWrong) {
        // A wrong Δ is one finding: the percentage computed from it is not checked again.
        const base = priorM?.value ?? (subject?.key ? prior?.values[subject.key]?.value : delta.key ? prior?.values[delta.key]?.value : undefined);
        if (!base || base.isZero()) continue;
        const expected = percent(delta.value, base);
        // Over the printed figures' intervals: a rate the rounding of its change and prior allows is right.
        const baseHalf = priorM?.half ?? new Decimal(0);
        const allowed: [Decimal, Decimal] | undefined = base.minus(baseHalf).gt(0)
          ? [delta.value.minus(delta.half).div(base.plus(baseHalf)).times(100), delta.value.plus(delta.half).div(base.minus(baseHalf)).times(100)]
          : undefined;
        if (!close(new Decimal(expected), m.value, m.value) && !(allowed && meets({ value: m.value, half: m.half }, allowed)))
          findings.push({
            rule: 'text.percent',
            severity: 'error',
            message: `增减幅度应为 ${fmt(delta.value, 2)} ÷ ${fmt(base, 2)} = ${expected}%，文中写 ${m.value}%`,
            sentence,
            stated: `${m.value}%`,
          });
      }
    }
    // The sentence's own arithmetic: 基本 = 人员 + 公用; 合计 = 基本 + 项目. Not repeated when a stated part
    // already differs from the tables (that finding says it).
    if (findings.some((f) => f.rule === 'text.amount' && f.sentence === sentence && f.severity === 'error')) continue;
    // (A breakdown that goes on in the next sentence, "…,上年结转0.00万元。事业收入86.97万元,其他收入70.00万元", is not
    // known whole at its 。: only more than its total is wrong there.)
    const next = mentioned[si + 1]?.[0];
    const breakdown = incomeBreakdownFinding(sentence, ms, next?.kind === 'amount' && !!next.key && INCOME_PARTS.has(next.key));
    if (breakdown) findings.push(breakdown);
    const b = stated.get('basic');
    const per = stated.get('personnel');
    const pub = stated.get('public');
    // (Not where its list names more: "基本支出3038.92万元,其中人员经费2617.97万元,公用经费364.21万元,纳入财政专户的非税管理
    // 56.74万元" — only more than the whole is wrong there.)
    const more =
      !!per && !!pub && ms.some((m) => m.kind === 'amount' && m.at > Math.max(per.at, pub.at) && !['project', 'expenditure', 'basic'].includes(m.key ?? ''));
    const parts = per && pub && per.value.plus(pub.value);
    if (b && parts && (more ? parts.minus(per.half).minus(pub.half).gt(b.value.plus(b.half)) : !close(b.value, parts, b.value)))
      findings.push({
        rule: 'text.arithmetic',
        severity: 'error',
        message: `基本支出写为 ${b.value}万元，但人员经费 ${per.value} + 公用经费 ${pub.value} = ${fmt(per.value.plus(pub.value), 2)}万元`,
        sentence,
        stated: b.value.toString(),
      });
    const total = stated.get('expenditure');
    const proj = stated.get('project');
    // A 决算's 支出总计 also holds 结余分配 and 年末结转和结余: 基本 + 项目 (its 本年支出) may fall short of it.
    const carries = !!total && /总计/.test(total.label) && (figures ? figures.stage === 'final' : /决算/.test(text));
    if (total && b && proj && !close(total.value, b.value.plus(proj.value), total.value) && !(carries && b.value.plus(proj.value).lt(total.value)))
      findings.push({
        rule: 'text.arithmetic',
        severity: 'error',
        message: `支出合计写为 ${total.value}万元，但基本支出 ${b.value} + 项目支出 ${proj.value} = ${fmt(b.value.plus(proj.value), 2)}万元`,
        sentence,
        stated: total.value.toString(),
      });
  }
  // The arithmetic the text states across its sentences (check-claims.ts), where the sentence-by-sentence checks above
  // have not already said the sentence is wrong (one wrong figure, one finding).
  const said = findings.filter((g) => g.severity === 'error').map((g) => g.sentence);
  const read = readClaims(pasted);
  // The text's figures the tables print more precisely, read to the tables' precision first.
  refineClaims(pasted.tables, read.claims);
  for (const f of checkClaims(read)) if (!said.includes(f.sentence) && !(f.rule === 'text.share' && tableShares.has(f.sentence))) findings.push(f);
  // The 三公 tables pasted into the text, on their own and against its sentences.
  for (const f of [...tableFindings(pasted.tables, read), ...seriesFindings(pasted.series, read)])
    if (!findings.some((g) => g.severity === 'error' && g.sentence === f.sentence && g.stated === f.stated)) findings.push(f);
  return findings;
}
