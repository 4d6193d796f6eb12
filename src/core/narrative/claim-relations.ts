/**
 * The relations a 情况说明 states in other shapes than a list (lists are claim-lists.ts), each a named check over one
 * Scope: totals after their parts, 加 sums, 由…构成, levels and sectors, 收支总预算, balance sheets, headcounts, year-on-year
 * lists, tables run into a line … Interval arithmetic as in claims.ts.
 */
import Decimal from 'decimal.js';
import type { TextFinding } from './check-text';
import { ITEM_NAMES, threePublicItem, type Item } from './items';
import { changeRate, halfOf as half, hi, lo, meets, priorBefore, rateRange, sumOf, sumRange, UNIT_SCALES } from './interval';
import {
  type Claim,
  FUND,
  FUNDS,
  HEADED,
  MEASURES,
  NUMBERING,
  type Para,
  TOTAL_NAMES,
  TRIGGER,
  after,
  clauseBefore,
  closingBracket,
  core,
  explained,
  itemOf,
  keyYear,
  measure,
  sentenceYear,
  sharesSubject,
  show,
  signed,
  signedRange,
  subjectWords,
  sumFits,
  truncated,
  whenOf,
  yearIn,
  yearless,
} from './claims';
import {
  type Part,
  changeOf,
  checkList,
  checkPriors,
  comparedStage,
  followers,
  isPartition,
  listedName,
  priorAsPrinted,
  priorOf,
  reportUnitSlip,
} from './claim-lists';

/**
 * One thing's amount in lists of two years, its rate beside the later ("回顾一下2023年1-12月份…:1.沈阳(800.85亿元 同比增长12.2%
 * 下同)、2.大连…" then "再看看2024年…:1.沈阳(825.60亿元 同比增长4.0%下同)、…"): the rate is the later over the earlier.
 * A bare percentage after an amount is a rate where the list's first said "下同".
 */
export function checkYearOnYear(s: Scope) {
  const { all, paras, report } = s;
  const nameOf = (c: Claim) =>
    c.label
      .replace(/[(（]\s*$/, '')
      .replace(NUMBERING, '')
      .replace(/^[、，,\s]+/, '')
      .trim();
  /** The year last named before the figure in its paragraph, else in the paragraph before. */
  const yearOf = (c: Claim) => {
    const own = [...paras[c.para].text.slice(0, c.at).matchAll(/(20\d{2})\s*年/g)].pop();
    const above = c.para > 0 ? [...paras[c.para - 1].text.matchAll(/(20\d{2})\s*年/g)].pop() : undefined;
    return Number((own ?? above)?.[1]) || undefined;
  };
  all.forEach((a, i) => {
    const r = all[i + 1];
    if (
      a.kind !== 'amount' ||
      !r ||
      r.para !== a.para ||
      r.sentence !== a.sentence ||
      !/^[\s]*$/.test(paras[a.para].text.slice(a.end, r.at).replace(/同比|增长|下降|-|−/g, ''))
    )
      return;
    const sameAs = all
      .slice(0, i)
      .reverse()
      .find((c) => c.para === a.para && c.kind === 'rate' && /^\s*下同/.test(paras[c.para].text.slice(c.end)));
    const sign = r.kind === 'rate' ? r.sign : r.kind === 'percent' && sameAs ? (/[-−]$/.test(r.context) ? -1 : 1) : undefined;
    const name = nameOf(a);
    const year = yearOf(a);
    if (!sign || name.length < 2 || /\d/.test(name) || !year) return;
    const earlier = all.filter((c) => c.kind === 'amount' && c.para < a.para && nameOf(c) === name);
    if (earlier.length !== 1 || yearOf(earlier[0]) !== year - 1) return;
    const b = earlier[0];
    const range = rateRange(a, b);
    if (!range) return;
    const [sLo, sHi] = signedRange(r, sign);
    if (sHi.lt(range[0]) || sLo.gt(range[1])) {
      const exact = a.value.minus(b.value).div(b.value).times(100);
      report(
        'text.rate',
        r,
        `${name} ${year - 1}年 ${b.text}、${year}年 ${a.text}：${exact.gte(0) ? '增长' : '下降'}应约为 ${exact.abs().toDecimalPlaces(2)}%，文中写${sign < 0 ? '下降' : '增长'} ${r.text}`,
      );
    }
  });
}

/**
 * Of parts that do not add up to their total, the one the total explains: with the value the total leaves for it, its
 * own change and rate agree, as printed they do not ("…非税收入276,404万元,…同比增收80,785万元,增长40.67%": 1,026,943 −
 * 747,539 = 279,404, and 80,785 ÷ (279,404 − 80,785) = 40.67%).
 */
function blamed(all: Claim[], total: Claim, parts: Claim[]): Claim | undefined {
  const fits = (amount: [Decimal, Decimal], d: Claim, r: Claim) => {
    // prior = amount ∓ change; rate = change ÷ prior, over the intervals.
    const [pLo, pHi] = d.sign! > 0 ? [amount[0].minus(hi(d)), amount[1].minus(lo(d))] : [amount[0].plus(lo(d)), amount[1].plus(hi(d))];
    if (pLo.lte(0)) return true;
    return meets(r, [lo(d).div(pHi).times(100), hi(d).div(pLo).times(100)]);
  };
  const found = parts.filter((p) => {
    const { delta: d, rate: r } = followers(all, p);
    if (!d || !r || !d.sign || d.sign !== r.sign) return false;
    const [oLo, oHi] = sumRange(parts.filter((x) => x !== p));
    return !fits([lo(p), hi(p)], d, r) && fits([lo(total).minus(oHi), hi(total).minus(oLo)], d, r);
  });
  return found.length === 1 ? found[0] : undefined;
}

/** The finding's note on the part `blamed` names: the value the total leaves it. */
const blamedNote = (wrong: Claim, total: Claim, parts: Claim[]) =>
  `；多半是“${wrong.label}”印错：按总数应为 ${show(total.value.minus(sumOf(parts.filter((x) => x !== wrong))), wrong)}，与它自己的增减幅度相符`;

/** A term of a sum after 加 that its words take away ("减调出资金等8亿元"). */
const takenAway = (c: Claim): Claim => (/^减/.test(c.label) ? { ...c, value: c.value.neg() } : c);
/** The terms of a sum as a message shows them: "116.3亿元 + 57.5亿元 − 8亿元". */
const terms = (cs: Claim[]) => cs.map((c, j) => `${c.value.isNeg() ? '− ' : j ? '+ ' : ''}${c.text}`).join(' ');

/** An amount printed with a minus sign before it ("补充预算周转金-21万元") counts as taken away in a sum. */
function signedIn(paras: Para[], c: Claim): Claim {
  return /[-−]\s*$/.test(paras[c.para].text.slice(Math.max(0, c.at - 2), c.at)) && /[\u4e00-\u9fa5]/.test(paras[c.para].text[c.at - 2] ?? '')
    ? { ...c, value: c.value.neg() }
    : c;
}

/** The one element of a list, if it has one. */
export const only = <T>(xs: T[]): T | undefined => (xs.length === 1 ? xs[0] : undefined);

/** The name of a whole, so that 总支出, 支出合计, 本年支出合计 and 部门预算支出 are one (收入 likewise). */
export function wholeKey(label: string): string {
  const named = core(label).replace(/^(预算)?(全部|总)(?=收入|支出)/, '');
  return TOTAL_NAMES.find(([re]) => re.test(named))?.[1] ?? named;
}

/** What the checks of a text share: its claims, paragraphs, findings and the lists read. */
export interface Scope {
  all: Claim[];
  paras: Para[];
  report: (rule: string, c: Claim, message: string) => void;
  out: TextFinding[];
  sentenceOf: (c: Claim) => string;
  partOfList: Set<Claim>;
  figuredBetween: (a: number, b: number) => number;
}

/**
 * "…164.03亿元,以及对市县转移支付378.22亿元,合计542.25亿元", "…加上级补助收入428905万元,…,收入总计968113万元": a
 * total after the parts it adds up, in their sentence; or after clauses parted by ；, one amount each, since the
 * paragraph's start or its last 。 ("…收入完成78.14亿元;上年结转收入3.36亿元;…;收入合计109.69亿元").
 */
export function checkTotalsAfter(s: Scope) {
  const { all, paras, report } = s;
  for (const t of all) {
    if (t.kind !== 'amount' || t.bracketed || t.run || !/^[\u4e00-\u9fa5]{0,4}(合计|共计|总计)(为|是|达)?$/.test(t.label.replace(/\s/g, ''))) continue;
    const para = paras[t.para];
    const sentence = para.sentences[t.sentence];
    const lead = para.text.slice(sentence.at, t.at);
    // Not the end of a 其中 list (its total stands before it), nor a sum that adds to a figure before ("…为调整预算的100.1%;
    // 加上中央补助4722.3亿元,…,收入合计10627.5亿元": checkAddedOn's).
    if (TRIGGER.test(lead) || /^\s*加上?/.test(lead)) continue;
    let parts = all.filter((c) => c.para === t.para && c.sentence === t.sentence && c.at < t.at && c.kind === 'amount');
    if (!parts.length)
      for (let k = t.sentence - 1; k >= 0 && /[；;]\s*$/.test(para.text.slice(0, para.sentences[k + 1].at)); k--) {
        const clause = all.filter((c) => c.para === t.para && c.sentence === k);
        const own = clause.filter((c) => !c.bracketed);
        if (own.length !== 1 || own[0].kind !== 'amount' || TRIGGER.test(para.sentences[k].text)) {
          parts = [];
          break;
        }
        parts.unshift(own[0]);
      }
    if (parts.length < 2 || parts.some((c) => c.bracketed || /合计|总计|总额|共计/.test(c.label))) continue;
    // (A 收入 total of no 支出.)
    if (measure(t.label) && parts.some((c) => measure(c.label) && measure(c.label) !== measure(t.label))) continue;
    parts = parts.map((c) => signedIn(paras, c));
    if (!sumFits(t, parts)) report('text.sum', t, `“${t.label}”写为 ${t.text}，但前面所列 ${parts.map((c) => c.text).join(' + ')} = ${show(sumOf(parts), t)}`);
  }
}

/**
 * A part of a 其中 list is no more than its whole, the list one part long too ("收入预算455.04万元,比2021年增加41.58万元。
 * 其中:一般公共预算拨款555.04万元,无政府性基金预算拨款"): the first amount after the 其中 that follows an amount.
 */
export function checkPartsWithin(s: Scope) {
  const { all, paras, report, out, sentenceOf } = s;
  all.forEach((t, i) => {
    if (t.kind !== 'amount' || t.bracketed || t.run || !t.value.gt(0)) return;
    const part = all.slice(i + 1).find((c) => c.kind === 'amount' || c.kind === 'prior');
    if (!part || part.kind !== 'amount' || part.para !== t.para || part.sentence > t.sentence + 1 || !!part.bracketed !== !!t.bracketed) return;
    const between = paras[t.para].text.slice(t.end, part.at);
    // (Its own change and rate may stand between; nothing of another year, fund total or stage.)
    if (!/(^|[。；;，,：:\s])其中\s*[:：，,]?[^，,。；;:：]*$/.test(between) || /上年|去年|同期|决算|预算数/.test(part.label)) return;
    if (lo(part).lte(hi(t)) || out.some((f) => f.rule === 'text.sum' && f.sentence === sentenceOf(t))) return;
    // ("公务接待费282元…其中公共财政拨款支出266万元": in the part's unit the whole would hold it.)
    const unitOf = (c: Claim) => /(亿元|万元|千元|元)$/.exec(c.text)?.[1] ?? '';
    const [tu, pu] = [unitOf(t), unitOf(part)];
    const slip =
      tu && pu && tu !== pu && t.value.div(UNIT_SCALES[tu]).times(UNIT_SCALES[pu]).gte(part.value) ? `；多半是单位印错，应为 ${t.text.replace(tu, pu)}` : '';
    report('text.sum', t, `“${t.label}”写为 ${t.text}，其中“${part.label}”就有 ${part.text}：部分不能大于总数${slip}`);
  });
}

/**
 * An amount followed by its parts in brackets, amounts and nothing else ("收入合计109.69亿元(县本级87.87亿元,高新区21.82亿元)"):
 * they make it. Not where the bracket says it holds only some (其中, 含, 包括).
 */
export function checkBreakdowns(s: Scope) {
  const { all, paras, report } = s;
  for (const t of all) {
    // (A change too, its parts' changes in brackets: "本级收入增加365万元(税收增加146万元、非税增加219万元)", as 税收 + 非税.)
    if ((t.kind !== 'amount' && t.kind !== 'delta') || t.bracketed || t.run || (t.kind === 'delta' && !t.sign)) continue;
    const text = paras[t.para].text;
    const open = /^\s*[(（]/.exec(text.slice(t.end));
    if (!open) continue;
    const close = closingBracket(text, t.end + open[0].length);
    if (close === undefined || /^\s*[(（]\s*(其中|含|包括|包含|另)/.test(text.slice(t.end))) continue;
    const inside = all.filter((c) => c.para === t.para && c.at > t.end && c.end <= close);
    if (inside.length < 2 || inside.some((c) => c.kind !== t.kind || /上年|去年|同期|比|较|预算|决算|\d{4}/.test(c.label))) continue;
    // (Its parts named by the change, "税收增加", "非税增加": 税收收入, 非税收入.)
    const named = (l: string) =>
      l
        .replace(/^[(（]/, '')
        .replace(/(增加|减少|增长|下降|增收|减收|增|减)$/, '')
        .replace(/^(税收|非税)$/, '$1收入');
    if (t.kind === 'delta' && !isPartition(inside.map((c) => named(c.label)))) continue;
    const total = t.kind === 'delta' ? { ...t, value: signed(t) } : t;
    const parts = t.kind === 'delta' ? inside.map((c) => ({ ...c, value: signed(c) })) : inside;
    if (!sumFits(total, parts))
      report('text.sum', t, `“${t.label}”写为 ${t.text}，括号内所列 ${inside.map((c) => `${c.label}${c.text}`).join(' + ')} = ${show(sumOf(parts).abs(), t)}`);
  }
}

/** 车 = 购置 + 运行 where no 三公 total heads them ("三、公务用车购置及运行维护费" then its 购置 and 运行, each in a sentence of its own): the first of each after it, in its section, before another item. */
export function checkCarSections(s: Scope, nil: { item: Item; claim: Claim }[], noneOf: Map<Claim, Item>, carsDone: Set<Claim>) {
  const { all, paras, report, figuredBetween } = s;
  for (const v of all) {
    if (v.kind !== 'amount' || v.bracketed || carsDone.has(v) || itemOf(v) !== 'vehicle' || explained(paras, v)) continue;
    const level = paras[v.para].level || paras[v.para].under;
    const vYear = keyYear(v);
    const own = new Map<Item, Claim>();
    const candidates = [...all.filter((c) => c.kind === 'amount'), ...nil.map((z) => z.claim)]
      .filter((c) => after(c, v))
      .sort((a, b) => a.para - b.para || a.at - b.at);
    for (const c of candidates) {
      if (figuredBetween(v.para, c.para) > 3 || paras.slice(v.para + 1, c.para + 1).some((p) => p.level && (!level || p.level <= level))) break;
      const it = noneOf.get(c) ?? itemOf(c);
      if (!it || explained(paras, c)) continue;
      if (it !== 'purchase' && it !== 'operation') {
        if (!c.bracketed) break;
        continue;
      }
      const cYear = keyYear(c);
      if (
        (vYear && cYear && cYear !== vYear) ||
        (/决算/.test(v.label) && /预算/.test(c.label) && !/决算/.test(c.label)) ||
        (/预算/.test(v.label) && /决算/.test(c.label))
      )
        continue;
      if (!own.has(it)) own.set(it, c);
    }
    const purchase = own.get('purchase');
    const operation = own.get('operation');
    if (!purchase || !operation || sumFits(v, [purchase, operation])) continue;
    report(
      'text.sum',
      v,
      `公务用车购置及运行费写为 ${v.text}，但购置费 ${purchase.text} + 运行维护费 ${operation.text} = ${show(sumOf([purchase, operation]), v)}`,
    );
  }
}

/** 税收 + 非税 = the revenue they are of, wherever they stand ("一般公共预算收入144.0亿元,同比增长6.1%。" … "全市税收收入 97.6亿元,同比增长5.7%。非税收入实现46.4亿元,同比增长7.1%…税收占比达到67.8%"): the first of each after the total, in its paragraph or the next two that state figures, before another revenue total; none of another area's. */
export function checkRevenue(s: Scope) {
  const { all, paras, report, partOfList, figuredBetween } = s;
  const OTHER_AREA = /本级|县域|市区|省级|市级|县级|区级|旗级|乡镇|街道|园区/;
  for (const t of all) {
    if (
      t.kind !== 'amount' ||
      t.bracketed ||
      !/^(全(省|市|县|区|盟|旗|州))?[^，,、]{0,6}(一般公共预算收入|公共财政预算收入)/.test(t.label.replace(/^(19|20)\d{2}\s*年度?/, '')) ||
      OTHER_AREA.test(t.label)
    )
      continue;
    let tax: Claim | undefined;
    let nonTax: Claim | undefined;
    for (const c of all) {
      if (!after(c, t) || c.kind !== 'amount') continue;
      if (
        figuredBetween(t.para, c.para) > 2 ||
        (c.para > t.para && paras.slice(t.para + 1, c.para + 1).some((q) => q.level && q.level <= (paras[t.para].level || paras[t.para].under)))
      )
        break;
      if (/(一般公共预算|公共财政预算)收入/.test(c.label) || c.bracketed || OTHER_AREA.test(c.label) || explained(paras, c)) break;
      if (!nonTax && /非税收入/.test(c.label)) nonTax = c;
      else if (!tax && /(^|[^非])税收收入/.test(c.label)) tax = c;
      if (tax && nonTax) break;
    }
    if (!tax || !nonTax) continue;
    const parts = [tax, nonTax];
    // (Where they are its 其中 list, the list has held them to it.)
    if (!partOfList.has(tax) && !partOfList.has(nonTax)) {
      if (!sumFits(t, parts)) {
        const wrong = blamed(all, t, parts);
        report(
          'text.sum',
          wrong ?? t,
          `“${t.label}”写为 ${t.text}，但税收收入 ${tax.text} + 非税收入 ${nonTax.text} = ${show(sumOf(parts), t)}${wrong ? blamedNote(wrong, t, parts) : ''}`,
        );
      }
      checkPriors(
        t,
        followers(all, t),
        parts.map((c) => ({ amount: c, sub: [], ...followers(all, c) })),
        report,
      );
    }
    // "税收占比达到67.8%", "税收比重91.6%": 税收 ÷ the total.
    // (Not a share of 税收, "非煤行业…占全口径税收收入比重为57.6%".)
    const share = all.find(
      (c) =>
        c.kind === 'share' &&
        after(c, tax!) &&
        c.para <= tax!.para + 1 &&
        /税收(收入)?(占比|比重)/.test(c.context.slice(-12)) &&
        !/占[^，,；;。]*税收/.test(c.context.split(/[，,；;。]/).pop()!),
    );
    if (share && !meets(share, [lo(tax).div(hi(t)).times(100), hi(tax).div(lo(t)).times(100)]))
      report(
        'text.share',
        share,
        `税收收入 ${tax.text}占“${t.label}”${t.text}的比例应为 ≈ ${tax.value.div(t.value).times(100).toDecimalPlaces(2)}%，文中写 ${share.text}`,
      );
  }
}

/** "全省一般公共预算收入2764.7亿元,增长4.1%;加上中央财政补助收入2968亿元、调入资金732.6亿元…,收入总量为8830.6亿元": the first amount and those after 加上 make the 总量. */
/** Where a sum adds on: 加上, or 加 after a comma (not 加强, 加快 …). */
const ADD = /加上|[，,]加(?![强快大紧速以之入])/g;
/** The words before a sum's figure ("…,收入总量为", "…支出总计,"). */
const SUM_WORDS = /(总量|总计|合计|共计|总额|总收入|总支出)(预计)?(为|是|达到|达)?[，,]?$/;

export function checkAddedOn(s: Scope) {
  const { all, paras, report, partOfList } = s;
  paras.forEach((p, pi) => {
    // ("加上级转移支付等收入116.3亿元": 加 上级…, the same sum; so is 加 after a comma, "全省当年一般公共预算收入,加新增…".)
    for (const m0 of p.text.matchAll(ADD)) {
      const m = { index: m0.index! + (m0[0].startsWith('加') ? 0 : 1) };
      const amounts = all.filter((c) => c.para === pi && c.kind === 'amount' && !c.bracketed);
      // (A 加 that goes on with the one before, no total between, is of its sum: "…加上年结余11080万元,加调入资金335万元,…".)
      const sentenceStart = p.text.slice(0, m.index).search(/[。；;][^。；;]*$/) + 1;
      const prevAdd = [...p.text.slice(sentenceStart, m.index).matchAll(ADD)].pop();
      if (prevAdd && !amounts.some((c) => c.at > sentenceStart + prevAdd.index! && c.end <= m.index && SUM_WORDS.test(c.context))) continue;
      // (Not the budget a completion names: "完成…调整预算37.5亿元的104.3%。加上…".)
      // (Nor another 加上's total, "收入共计10285亿元。当年一般公共预算支出,加上解中央支出…": that 加上 has no amount of its own.)
      // (Nor a part of the list before: "…收入实现111.11万元,…,其中税收收入109.91万元;非税收入1.2万元。加上…等1,756.37万元,
      // 收入总计1,867.48万元" adds to 111.11.)
      const before = [...amounts].reverse().filter((c) => c.end <= m.index! && !/^(完成|占)/.test(c.label));
      // The first named without its figure, stated before ("2018年全省一般公共预算收入安排6495亿元,…。全省当年一般公共预算
      // 收入,加…", "…省级一般公共预算收入安排208.3亿元,…。按照现行财政体制,上述省级预算收入,加…").
      const clause = p.text.slice(Math.max(before[0]?.end ?? 0, p.text.slice(0, m.index!).search(/[。；;][^。；;]*$/) + 1), m.index!);
      const named = /([^，,。；;]*(收入|支出))[，,]?\s*$/.exec(clause)?.[1];
      const loose = (l: string) =>
        core(l)
          .replace(FUNDS, '')
          .replace(/上述|预算|安排|当年|本年/g, '');
      // (A chain: "…全县一般预算总收入468222万元,加上年结余11080万元,…,收入总计481342万元" adds to the 总收入.)
      const chained =
        before[0] && /总收入|总支出|总财力/.test(before[0].label) && !p.text.slice(before[0].end, m.index!).includes('。') ? before[0] : undefined;
      const first = chained
        ? chained
        : named
          ? [...all]
              .reverse()
              .find((c) => c.kind === 'amount' && !c.bracketed && (c.para === pi ? c.end <= m.index! : c.para === pi - 1) && loose(c.label) === loose(named))
          : before.find((c) => !partOfList.has(c) && !/其中/.test(p.text.slice(p.sentences[c.sentence].at, c.at)));
      if (first && /共计|合计|总计|总量|总额/.test(first.label)) continue;
      const after = amounts.filter((c) => c.at > m.index!);
      // ("…等0万元,支出总计,867.48万元": a comma slipped in before the figure.)
      const k = after.findIndex((c) => SUM_WORDS.test(c.context));
      const gap = first && !named ? p.text.slice(before[0].end, m.index!) : '';
      if (!first || k < 1 || (gap.match(/。/g) ?? []).length > 1 || /加上|减去|扣除/.test(p.text.slice(m.index! + 2, after[k].at))) continue;
      if (measure(first.label) && measure(after[k].context) && measure(first.label) !== measure(after[k].context.split(/[，,]/).pop()!)) continue;
      // ("…,一般债务18.3亿元,减调出资金等8亿元,减债务还本支出13.7亿元,预算总收入804.2亿元": what it takes away.)
      const parts = [first, ...after.slice(0, k).map(takenAway)];
      // A term after 其中 is a part of the one before it ("加上级转移支付收入1884万元,其中:一般转移支付收入1478万元(…),上年
      // 结转结余60万元"): where its run ends is not said, so any end that makes the total will do.
      const within = (j: number) => /其中/.test(p.text.slice(j === 0 ? m.index! : after[j - 1].end, after[j].at));
      const readings = [parts];
      for (let j = 1; j < k; j++) if (within(j)) for (let e = j; e < k; e++) readings.push(parts.filter((_, x) => x < j + 1 || x > e + 1));
      if (!readings.some((r) => sumFits(after[k], r)))
        report(
          'text.sum',
          after[k],
          `“${after[k].label.replace(/(为|是|达到|达)$/, '')}”写为 ${after[k].text}，但${first.label} ${first.text}加上 ${terms(parts.slice(1))} = ${show(sumOf(parts), after[k])}`,
        );
    }
  });
}

/**
 * A total and what it is made of after it, "由…构成" ("全镇一般公共预算财力1,867.48万元。由一般公共预算收入111.11万元,
 * 加上级补助收入…等1,756.37万元构成"; "支出总计,867.48万元,由一般公共预算支出1,867.48万元,加上解支出…等0万元等构成").
 */
export function checkMadeOf(s: Scope) {
  const { all, paras, report } = s;
  paras.forEach((p, pi) => {
    for (const m of p.text.matchAll(/由([^。]*?)(构成|组成)/g)) {
      const [from, to] = [m.index!, m.index! + m[0].length];
      const parts = all.filter((c) => c.para === pi && c.at > from && c.end <= to && c.kind === 'amount' && !c.bracketed);
      // The total: the amount right before, in the sentence or as the last of the one before.
      const total = [...all].reverse().find((c) => c.para === pi && c.end <= from && !c.bracketed);
      if (!total || total.kind !== 'amount' || parts.length < 2 || parts.length !== all.filter((c) => c.para === pi && c.at > from && c.end <= to).length)
        continue;
      if (
        (p.text.slice(total.end, from).match(/。/g) ?? []).length > 1 ||
        /[，,；;]/.test(
          p.text
            .slice(total.end, from)
            .split('。')
            .pop()!
            .replace(/^[，,]/, ''),
        )
      )
        continue;
      const signed = parts.map(takenAway);
      // (A label the comma cut off, "支出总计,867.48万元": the words before the comma.)
      const name =
        total.label ||
        total.context
          .replace(/[，,\s]+$/, '')
          .split(/[，,。；;]/)
          .pop();
      if (!sumFits(total, signed))
        report('text.sum', total, `“${name}”写为 ${total.text}，但其后所说由 ${terms(signed)} 构成，合计 ${show(sumOf(signed), total)}`);
    }
  });
}

/**
 * A whole broken down by level or sector after it ("一般公共预算收入完成458795万元,下降5.2%;税收收入…。分级次看,市本级完成
 * 122378万元,下降7.3%;县区级完成336417万元,下降4.3%,其中,区级…;县级…"; "…投资完成69.92亿元。按产业分,第一产业…"):
 * the parts make the whole, and their implied priors its prior; the parts after a 其中 are the part's before it.
 */
export function checkLevels(s: Scope) {
  const { all, paras, report, partOfList } = s;
  paras.forEach((p, pi) => {
    for (const m of p.text.matchAll(/(分级次|按级次|从级次上?|按产业|分产业)(看|分|来看)?[，,:：]/g)) {
      const from = m.index! + m[0].length;
      const stop = p.text.indexOf('。', from);
      const inside = all.filter((c) => c.para === pi && c.at >= from && (stop < 0 || c.at < stop));
      const parts: Part[] = [];
      let under = false;
      for (const c of inside) {
        const cur = parts[parts.length - 1];
        if (c.kind === 'amount') {
          if (cur?.amount && /其中/.test(p.text.slice(cur.amount.end, c.at))) under = true;
          if (under) cur!.sub.push(c);
          else parts.push({ amount: c, sub: [] });
        } else if (!under && cur && c.kind === 'delta' && !cur.delta) cur.delta = c;
        else if (!under && cur && c.kind === 'rate' && !cur.rate) cur.rate = c;
      }
      if (parts.length < 2 || parts.some((x) => partOfList.has(x.amount!) || x.amount!.bracketed)) continue;
      // The whole: an amount before, in the paragraph or the one before, not a part of a list; the fund's own total first
      // ("一般公共预算收入…;税收收入…。分级次看": not the 税收).
      const candidates = all
        .filter((c) => c.kind === 'amount' && !c.bracketed && !partOfList.has(c) && (c.para === pi ? c.end <= m.index! : c.para === pi - 1))
        .filter((c) => !/其中/.test(paras[c.para].text.slice(paras[c.para].sentences[c.sentence].at, c.at)))
        .reverse();
      const whole = candidates.find((c) => /一般公共预算|公共财政/.test(c.label)) ?? candidates[0];
      if (!whole) continue;
      const tf = followers(all, whole);
      checkList(whole, tf.delta, parts, report, paras, true);
      checkPriors(whole, tf, parts, report);
      for (const x of parts)
        if (x.sub.length >= 2)
          checkPriors(
            x.amount!,
            { delta: x.delta, rate: x.rate },
            x.sub.map((c) => ({ amount: c, sub: [], ...followers(all, c) })),
            report,
          );
      for (const x of parts) for (const c of [x.amount, x.delta, ...x.sub]) if (c) partOfList.add(c);
    }
  });
}

/**
 * A 收支总预算 is both the 收入 and the 支出 budget ("天台县三合镇人民政府2020年收支总预算2515.03万元。…部门收入预算总计
 * 1515.03万元"): each stated after it, in its year, is that figure. (Not 收入 against 支出 alone: a text may leave some
 * spending out of its 支出预算, "2023年收入预算3814.61万元" beside "2023年支出预算3380.61万元".)
 */
export function checkTotalBudget(s: Scope) {
  const { all, paras, report } = s;
  if (paras.some((p) => /决算/.test(p.text))) return;
  const both = new Map<string, Claim>();
  for (const c of all) {
    if (c.kind !== 'amount' || c.bracketed || c.run || FUND.test(c.label) || /本年|上年|去年|调整|三公/.test(c.label) || itemOf(c)) continue;
    const name = yearless(c.label).replace(/^.*?(部门|单位)(?=收|支)/, '');
    const year = String(keyYear(c) ?? sentenceYear(paras[c.para].sentences[c.sentence].text) ?? '');
    if (/(收支总预算|收支预算总(额|计)|收支总额)(为|是)?$/.test(name)) {
      if (!both.has(year)) both.set(year, c);
      checkBothSides(s, c);
      continue;
    }
    // (A figure that names no year is of the one year stated, where only one is.)
    const first = both.get(year) ?? (!year && both.size === 1 ? [...both.values()][0] : undefined);
    if (!first || !/预算/.test(c.label) || !TOTAL_NAMES.some(([re]) => re.test(name))) continue;
    if (hi(first).lt(lo(c)) || lo(first).gt(hi(c)))
      report('text.sum', c, `“${c.label}”写为 ${c.text}，而前文“${first.label}”为 ${first.text}：收支总预算即收入预算、支出预算的总数，应相同`);
  }
}

/**
 * A 收支总预算 and both sides listed after it in its sentence ("单位收支总预算351.03万元,…,收入包括:一般公共预算财政拨款351.03万元;
 * 支出包括:一般公共服务支出0.83万元,教育支出334.90万元,…"): each side's parts make the total.
 */
function checkBothSides(s: Scope, total: Claim) {
  const { all, paras, report } = s;
  const text = paras[total.para].text;
  const stop = text.indexOf('。', total.end);
  const end = stop < 0 ? text.length : stop;
  const sides = [...text.slice(total.end, end).matchAll(/(收入|支出)(包括|为|是)[:：]/g)].map((m) => ({ side: m[1], at: total.end + m.index! + m[0].length }));
  sides.forEach((x, k) => {
    const to = sides[k + 1] ? sides[k + 1].at : end;
    const parts = all.filter((c) => c.para === total.para && c.kind === 'amount' && !c.bracketed && c.at >= x.at && c.end <= to);
    if (!parts.length || sumFits(total, parts)) return;
    const listed =
      parts.length === 1 ? `只列“${parts[0].label}”${parts[0].text}` : `所列 ${parts.map((c) => c.text).join(' + ')} = ${show(sumOf(parts), total)}`;
    report('text.sum', parts.length === 1 ? parts[0] : total, `“${total.label}”写为 ${total.text}，但其${x.side}${listed}：收支总预算即收入、支出各自的总数`);
  });
}

/**
 * A 部门预算's income and spending, each under its own heading ("(一)收入预算:2023年年初预算数2001.98万元,其中:…" and
 * "(二)支出预算:2023年年初预算数2001.98万元,其中:…", or the heading on a line of its own): a budget balances, the two
 * are one amount, and (if last year's balanced too) their changes on last year's budget one change ("较2023年增加40.17万元" and
 * "支出预算较2023年增加40.17万元").
 */
export function checkBudgetSides(s: Scope) {
  const { all, paras, report, out, sentenceOf } = s;
  const SIDE = /^\s*([(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)?\s*(收入|支出)预算(?=[:：\s]|20\d{2}|$)[:：]?/;
  const sides = (side: string) =>
    paras
      .map((p, pi) => ({ m: SIDE.exec(p.text), pi }))
      .filter((x) => x.m?.[2] === side)
      .map(({ m, pi }) => {
        // (The heading alone on its line: the paragraph after it.)
        const alone = paras[pi].text.trim() === m![0].trim() && paras[pi + 1] && !paras[pi + 1].level;
        const para = alone ? pi + 1 : pi;
        const total = all.find((c) => c.para === para && c.kind === 'amount' && !c.bracketed);
        // (Its own change: after it, or the paragraph's that stands alone — not a part's.)
        const change = total && changeOf(all, paras, total);
        const ownChange = change && /^(收入|支出)?(预算)?$/.test(subjectWords(change.label)) && !/决算/.test(change.label) ? change : undefined;
        return { total, change: ownChange };
      })
      .filter((x) => !!x.total && /预算/.test(x.total.label.replace(FUNDS, '')) && !/决算|上年|去年/.test(x.total.label));
  const [income, spending] = [sides('收入'), sides('支出')];
  if (income.length !== 1 || spending.length !== 1 || yearIn(income[0].total!.label) !== yearIn(spending[0].total!.label)) return;
  const [a, b] = [income[0].total!, spending[0].total!];
  if (hi(a).lt(lo(b)) || lo(a).gt(hi(b))) {
    report('text.sum', b, `支出预算写为 ${b.text}，收入预算为 ${a.text}：部门预算收支平衡，两者应相同`);
    return;
  }
  const [x, y] = [income[0].change, spending[0].change];
  if (!x || !y) return;
  const [[xl, xh], [yl, yh]] = [signedRange(x), signedRange(y)];
  // (A warning: last year's two totals are not printed, and may not have balanced.)
  if (xh.lt(yl) || xl.gt(yh))
    out.push({
      rule: 'text.change',
      severity: 'warning',
      message: `收入、支出预算都是 ${a.text}，但支出比上年${y.sign! < 0 ? '减少' : '增加'} ${y.text}、收入比上年${x.sign! < 0 ? '减少' : '增加'} ${x.text}：上年收支若也平衡，两者应相同，请核对`,
      sentence: sentenceOf(y),
      stated: y.text,
    });
}

/**
 * Two rates in one clause and the points between them ("全省一般公共预算收入下降4.1%,比我市增幅(-5.2%)高1.1个百分点",
 * "平均增幅-6.7%,比我市增幅(-5.2%)低1.5个百分点"): the first less the second is the points, 高 up and 低 down.
 */
export function checkPoints(s: Scope) {
  const { paras, out } = s;
  const POINTS =
    /(增长|上升|提高|下降|降低|减少|增幅|降幅|为|是)?\s*([-−]?\d+(?:\.\d+)?)%\s*[,，]?\s*比[^，,。；;\d%(（\-−]{0,12}[(（]?\s*([-−]?\d+(?:\.\d+)?)%\s*[)）]?\s*(高|低|快|慢|多|少)出?\s*(\d+(?:\.\d+)?)\s*个?百分点/g;
  const printed = (t: string, negative: boolean) => {
    const v = new Decimal(t.replace('−', '-'));
    const h = half(t.replace(/^[-−]/, ''), new Decimal(1));
    const x = negative && !v.isNeg() ? v.neg() : v;
    return { value: x, half: h };
  };
  paras.forEach((p) =>
    p.sentences.forEach((st) => {
      for (const m of st.text.matchAll(POINTS)) {
        const a = printed(m[2], /下降|降低|减少|降幅/.test(m[1] ?? ''));
        const b = printed(m[3], false);
        const z = printed(m[5], /低|慢|少/.test(m[4]));
        // a − b over the intervals, against the points.
        const dLo = lo(a).minus(hi(b));
        const dHi = hi(a).minus(lo(b));
        if (meets(z, [dLo, dHi])) continue;
        const d = a.value.minus(b.value);
        out.push({
          rule: 'text.rate',
          severity: 'error',
          message: `${a.value}% 与 ${b.value}% 相差 ${d.abs().toDecimalPlaces(2)} 个百分点（${d.gte(0) ? '高' : '低'}），文中写${m[4]}${m[5]}个百分点`,
          sentence: st.text.trim(),
          stated: `${m[5]}个百分点`,
        });
      }
    }),
  );
}

/**
 * A table a PDF ran into one line of text, its rows "label a b c p% q%" under a header of 完成数/预算数 columns ("…2020年
 * 2021年 2021年 完成数 预算数 完成数 49,171 51,385 51,385 100.00% 4.50% 税收收入小计 27,631 …"): p is c ÷ b (完成预算)
 * and q is (c − a) ÷ a (比上年增长), where three rows or more and all but one show it; the one row that does not is
 * reported.
 */
export function checkFlatRows(s: Scope) {
  const { paras, out } = s;
  const ROW = /([\u4e00-\u9fa5]{0,12})(\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) ?(-?\d+(?:\.\d+)?)% ?(-?\d+(?:\.\d+)?)%/g;
  const fig = (t: string) => ({ value: new Decimal(t), half: half(t.replace(/^-/, ''), new Decimal(1)) });
  for (const p of paras) {
    if (!/(完成数|执行数|决算数)[^。]{0,12}预算数/.test(p.text)) continue;
    const rows = [...p.text.matchAll(ROW)].map((m) => {
      const [a, b, c, pct, up] = [m[2], m[3], m[4], m[5], m[6]].map(fig);
      const done = lo(b).gt(0) && meets(pct, [lo(c).div(hi(b)).times(100), hi(c).div(lo(b)).times(100)]);
      const range = rateRange(c, a);
      const grew = !!range && meets(up, range);
      return { m, a, b, c, pct, up, done, grew };
    });
    const fit = rows.filter((r) => r.done && r.grew);
    if (rows.length < 3 || fit.length < rows.length - 1 || fit.length < 3) continue;
    for (const r of rows.filter((x) => !(x.done && x.grew))) {
      const name = r.m[1].replace(/^(完成数|预算数|执行数)+/, '') || '合计';
      const message = !r.done
        ? `文中表格“${name}”一行：完成 ${r.m[4]} ÷ 预算 ${r.m[3]} ≈ ${r.c.value.div(r.b.value).times(100).toDecimalPlaces(2)}%，表中写 ${r.m[5]}%`
        : `文中表格“${name}”一行：${r.m[2]} 到 ${r.m[4]} 增长 ≈ ${r.c.value.minus(r.a.value).div(r.a.value).times(100).toDecimalPlaces(2)}%，表中写 ${r.m[6]}%`;
      const st = p.sentences.filter((x) => x.at <= r.m.index!).pop() ?? p.sentences[0];
      out.push({ rule: 'text.table', severity: 'error', message, sentence: st.text.trim(), stated: `${r.done ? r.m[6] : r.m[5]}%` });
    }
  }
}

/**
 * A rate said only as a bound, in a lead ("预算总支出较2014年减少逾3%"), against the rate the text states for that total
 * ("支出预算108,000.84万元,较2014年支出预算111,585.87万元减少3,585.03万元,约减少3.2%"): it must pass the bound.
 */
export function checkBounds(s: Scope) {
  const { all, report } = s;
  for (const c of all) {
    const m = /([^，,；;。]*?)(较|比)[^，,；;。]{0,12}(减少|下降|降低|增长|增加)(逾|超过)$/.exec(c.context.replace(/\s/g, ''));
    if ((c.kind !== 'percent' && c.kind !== 'rate') || !m) continue;
    const key = wholeKey(m[1]);
    const down = /减少|下降|降低/.test(m[3]);
    if (key.length < 2) continue;
    const rates = all.filter((r) => {
      if (r === c || r.kind !== 'rate' || r.sign !== (down ? -1 : 1)) return false;
      const amount = [...all.slice(0, all.indexOf(r))].reverse().find((a) => a.kind === 'amount' && a.para === r.para && a.sentence === r.sentence);
      // (Its words after the year they name: "…全国政协办公厅2015年支出预算".)
      return !!amount && wholeKey(amount.label.split(/(?:19|20)\d{2}\s*年度?/).pop()!) === key;
    });
    if (rates.length !== 1 || hi(rates[0]).gt(c.value)) continue;
    report('text.rate', c, `文中说${m[1]}${m[3]}${m[4]}${c.text}，而后文所写为${down ? '下降' : '增长'} ${rates[0].text}，未${m[4]}${c.text}`);
  }
}

/**
 * A 决算 total beside its 预算 ("“三公”经费支出预算为89.90万元,支出决算为57.53万元"), each item's 决算 and its change
 * against its own 预算 stated after ("因公出国(境)费支出决算比预算数增加(减少)0万元", "公务用车购置及运行费支出决算数比预算数减少
 * 17.54万元", "公务接待费支出决算数比预算数减少4.82万元"): the items' 预算 so implied make the total's. Where one change is
 * the template's words left unfilled ("增加(减少)"), it is the one pointed at.
 */
export function checkItemBudgets(s: Scope, t: Claim, items: Map<Item, Claim>) {
  const { all, paras, report } = s;
  const budget = all.find(
    (c) =>
      c.kind === 'amount' &&
      c !== t &&
      c.para === t.para &&
      c.sentence === t.sentence &&
      itemOf(c) === 'total' &&
      /预算/.test(c.label) &&
      !/决算/.test(c.label),
  );
  if (!budget) return;
  const tops: Item[] = ['abroad', 'vehicle', 'reception'];
  const rows = tops.map((it) => {
    const amount = items.get(it);
    // Its first change against 预算 after it, in its section (no heading of the first rank, no other 三公 total between).
    const delta =
      amount &&
      all.find(
        (c) =>
          c.kind === 'delta' &&
          c.base === 'budget' &&
          c.sign !== undefined &&
          itemOf(c) === it &&
          after(c, amount) &&
          !paras.slice(amount.para + 1, c.para + 1).some((p) => p.level === 1),
      );
    const between = delta && all.some((x) => x.kind === 'amount' && itemOf(x) === 'total' && x !== t && x !== budget && after(x, t) && after(delta, x));
    if (!amount || !delta || between) return undefined;
    // 预算 = 决算 − the change.
    return { it, amount, delta, budget: priorBefore(amount, delta, delta.sign!) };
  });
  if (rows.some((r) => !r)) return;
  const known = rows as { it: Item; amount: Claim; delta: Claim; budget: [Decimal, Decimal] }[];
  const range: [Decimal, Decimal] = [known.reduce((a, r) => a.plus(r.budget[0]), new Decimal(0)), known.reduce((a, r) => a.plus(r.budget[1]), new Decimal(0))];
  if (meets(budget, range)) return;
  const left = known.filter((r) => /增加[(（]减少[)）]|减少[(（]增加[)）]/.test(r.delta.label));
  const each = known.map(
    (r) => `${ITEM_NAMES[r.it]} ${r.amount.text} ${r.delta.sign! < 0 ? '+' : '−'} ${r.delta.text} = ${show(r.amount.value.minus(signed(r.delta)), budget)}`,
  );
  report(
    'text.sum',
    left.length === 1 ? left[0].delta : budget,
    `由各项决算数与其“比预算数”增减推得各项预算：${each.join('，')}，合计 ${show(
      known.reduce((a, r) => a.plus(r.amount.value).minus(signed(r.delta)), new Decimal(0)),
      budget,
    )}，而文中所写“三公”经费预算为 ${budget.text}${left.length === 1 ? `；“${left[0].delta.label}”仍是模板的字样，多半未按实际填写` : ''}`,
  );
}

/**
 * Headcounts with their parts after 其中 ("年末实有人数69人,其中在职人员69人,离休人员0人,退休人员21人"): counts are exact, the
 * parts no more than the whole; 在职 + 离休 + 退休 is the whole 实有人数 of the 部门决算 template.
 */
export function checkHeadcount(s: Scope) {
  const { paras, out } = s;
  const seen = new Set<string>();
  const PART = /([\u4e00-\u9fa5()（）]{2,12}?)\s*(?:为)?\s*(\d+)\s*人(?!次)/g;
  paras.forEach((p) =>
    p.sentences.forEach((sen) => {
      const m = /([\u4e00-\u9fa5]{0,10}(?:人数|人员|职工|编制))\s*(?:为|共|共计|合计)?\s*(\d+)\s*人(?!次)[，,]\s*其中[:：，,]?/.exec(sen.text);
      if (!m) return;
      // (A part's own parts in brackets are not the whole's: "其中在职11人(其中临聘人员1人、西部志愿者1人),退休人员6人"; nor
      // those after 包括: "其中:在职人数3人,包括行政人员3人;退休人员1人". The list goes on over ； into clauses that name
      // another of the groups (在职, 离休, 退休), not into "年末其他人员0人".)
      const clauses = p.text
        .slice(sen.at + m.index + m[0].length)
        .split('。')[0]
        .split(/[；;]/);
      const other = clauses.slice(1).findIndex((x) => !/^\s*(在职|离休|退休)(人员)?(人数)?\s*(为)?\s*\d/.test(x));
      const rest = clauses
        .slice(0, other < 0 ? clauses.length : other + 1)
        .join('；')
        .replace(/[(（][^()（）]*[)）]/g, '')
        .replace(/[，,]\s*(包括|含)[^，,；;。]*/g, '');
      const parts = [...rest.matchAll(PART)].map((x) => ({ name: x[1].replace(/^[，,、:：]/, ''), n: Number(x[2]) }));
      if (parts.length < 2) return;
      const whole = Number(m[2]);
      seen.add(sen.text);
      const sum = parts.reduce((a, x) => a + x.n, 0);
      const template = /实有人数/.test(m[1]) && parts.length === 3 && parts.every((x, k) => x.name.endsWith(['在职人员', '离休人员', '退休人员'][k]));
      if (template ? sum === whole : sum <= whole) return;
      out.push({
        rule: 'text.sum',
        severity: 'error',
        message: `${m[1].replace(/^[年末初底]+/, '')}写为 ${whole}人，但其中${parts.map((x) => `${x.name} ${x.n}人`).join(' + ')} = ${sum}人${template ? '（实有人数为在职、离休、退休人员之和）' : '，已超过总数'}`,
        sentence: sen.text.trim(),
        stated: `${whole}人`,
      });
    }),
  );
  // The template's groups each with their own changes between them ("年末实有人数73;在职人员29,比上年减少6人,调出6人;退休人员
  // 44人,…"): the figure right after each group's name.
  paras.forEach((p) => {
    const m = /实有人数\s*(?:为)?\s*(\d+)\s*人?(?!次)[；;，,]/.exec(p.text);
    if (!m || p.sentences.some((x) => seen.has(x.text))) return;
    const rest = p.text.slice(m.index + m[0].length).split('。')[0];
    const group = (name: string) => new RegExp(`${name}\\s*(?:为)?\\s*(\\d+)\\s*人?(?![\\d次])`).exec(rest);
    const [on, left, off] = [group('在职人员'), group('离休人员'), group('退休人员')];
    if (!on || !off || (left && left.index > off.index) || on.index > off.index) return;
    const parts = [on, left, off].filter((x): x is RegExpExecArray => !!x).map((x) => Number(x[1]));
    const sum = parts.reduce((a, x) => a + x, 0);
    if (sum === Number(m[1])) return;
    const sentence = p.sentences.find((x) => x.at <= m.index && m.index < x.at + x.text.length) ?? p.sentences[0];
    out.push({
      rule: 'text.sum',
      severity: 'error',
      message: `实有人数写为 ${m[1]}人，但在职人员 ${on[1]}人${left ? ` + 离休人员 ${left[1]}人` : ''} + 退休人员 ${off[1]}人 = ${sum}人（实有人数为在职、离休、退休人员之和）`,
      sentence: sentence.text.trim(),
      stated: `${m[1]}人`,
    });
  });
}

/**
 * A 三公 change stated on its own ("2022年“三公”经费决算数相较于上年增加275.76万元") where the text stated the item's amount of
 * both years before ("2022年的“三公”经费决算数合计为1000.86万", "2021年的三公经费决算数合计为807.95万"): the change is their
 * difference.
 */
export function checkChangeOfYears(s: Scope) {
  const { all, report } = s;
  const stageOf = (l: string) => (/决算|执行/.test(l) ? 'final' : /预算/.test(l) ? 'budget' : undefined);
  for (const d of all) {
    if (d.kind !== 'delta' || d.sign === undefined || d.base === 'budget' || d.bracketed || d.run) continue;
    const item = itemOf(d);
    const year = yearIn(d.label);
    if (!item || !year || all.some((c) => c.kind === 'amount' && c.para === d.para && c.sentence === d.sentence && c.at < d.at)) continue;
    const base = /(较|比|与|相较于|相比于)\s*(上年|去年|上一年|((?:19|20)\d{2})\s*年)/.exec(d.label);
    const from = base ? (base[3] ? Number(base[3]) : year - 1) : undefined;
    if (!from || from >= year) continue;
    const of = (y: number) =>
      all.filter(
        (c) =>
          c.kind === 'amount' &&
          !c.bracketed &&
          !c.run &&
          after(d, c) &&
          c.para >= d.para - 4 &&
          itemOf(c) === item &&
          keyYear(c) === y &&
          (!stageOf(d.label) || stageOf(c.label) === stageOf(d.label)),
      );
    const [cur, prior] = [of(year), of(from)];
    if (cur.length !== 1 || prior.length !== 1) continue;
    const [a, b] = [cur[0], prior[0]];
    const v = { value: d.value.times(d.sign), half: d.half };
    if (meets(v, [lo(a).minus(hi(b)), hi(a).minus(lo(b))])) continue;
    report(
      'text.change',
      d,
      `${year}年${ITEM_NAMES[item]}${a.text}，${from}年 ${b.text}，相差 ${show(a.value.minus(b.value), a)}，文中写${d.sign > 0 ? '增加' : d.sign < 0 ? '减少' : '持平'} ${d.text}`,
    );
  }
}

/** The stock or flow an amount's words end with ("市级行政事业性资产总额" → 资产). */
const stockOf = (l: string) => /(净资产|资产|负债|收入|支出)(总额|合计|总计)?$/.exec(l.replace(/[为是]$/, ''))?.[1];

/**
 * A share of a whole the text does not state but whose two parts it does ("(一)基本支出预算913.18万元,占总支出预算91.4%"
 * and "(二)项目支出预算85.33万元"): 总支出 = 基本支出 + 项目支出.
 */
export function checkShareOfTwoParts(s: Scope) {
  const { all, report } = s;
  all.forEach((c, k) => {
    const sh = all[k + 1];
    if (c.kind !== 'amount' || c.bracketed || sh?.kind !== 'share' || sh.para !== c.para || sh.sentence !== c.sentence) return;
    if (!/^(总支出|支出总(额|计)|本年支出(合计)?)(预算)?(数)?$/.test(sh.of ?? '')) return;
    const other = /基本支出/.test(c.label) ? '项目支出' : /项目支出/.test(c.label) ? '基本支出' : undefined;
    // The whole stated by its name is held to it elsewhere.
    const named = all.some(
      (x) => x.kind === 'amount' && !x.bracketed && /^(\d{4}年度?)?(总支出|支出总(额|计)|本年支出(合计)?)(预算)?(数)?(为|是)?$/.test(x.label),
    );
    if (!other || named) return;
    const siblings = all.filter(
      (x) => x.kind === 'amount' && !x.bracketed && !x.run && x.label.includes(other) && Math.abs(x.para - c.para) <= 3 && yearIn(x.label) === yearIn(c.label),
    );
    if (siblings.length !== 1) return;
    const parts = [c, siblings[0]];
    const [wLo, wHi] = sumRange(parts);
    if (wLo.lte(0) || meets(sh, [lo(c).div(wHi).times(100), hi(c).div(wLo).times(100)])) return;
    const exact = c.value.div(sumOf(parts)).times(100);
    report(
      'text.share',
      sh,
      `“${c.label}”${c.text}占${sh.of}（${c.label} ${c.text} + ${siblings[0].label} ${siblings[0].text} = ${show(sumOf(parts), c)}）的比例应为 ≈ ${exact.toDecimalPlaces(2)}%，文中写 ${sh.text}${truncated(exact, sh) ? '（像是截断而不是四舍五入）' : ''}`,
    );
  });
}

/**
 * One count of people stated twice, differently ("退休人员44人,比上年度减少2人,去世2人" and later "退休人员去世1人"): the
 * same group and the same event (去世, 调出, 调入 …). A warning: the words may speak of two periods.
 */
export function checkCountsTwice(s: Scope) {
  const { paras, out } = s;
  const seen = new Map<string, { n: number; sentence: string }>();
  paras.forEach((p) =>
    p.sentences.forEach((sen) => {
      for (const m of sen.text.matchAll(/(去世|病故|调出|调入|新进|新录用|辞职|死亡)\s*(\d+)\s*人(?!次)/g)) {
        const group = [...sen.text.slice(0, m.index).matchAll(/(在职人员|退休人员|离休人员|在职|退休|离休)/g)].pop()?.[1].replace(/人员$/, '');
        if (!group) continue;
        const key = `${group}|${m[1]}`;
        const first = seen.get(key);
        const n = Number(m[2]);
        if (!first) seen.set(key, { n, sentence: sen.text.trim() });
        else if (first.n !== n && first.sentence !== sen.text.trim())
          out.push({
            rule: 'text.repeat',
            severity: 'warning',
            message: `“${group}人员${m[1]}”在前文写为 ${first.n}人（“${first.sentence.slice(0, 40)}”），这里写为 ${n}人：同一数字前后不一致，请核对`,
            sentence: sen.text.trim(),
            stated: `${n}人`,
          });
      }
    }),
  );
}

/**
 * A change and its rate in a sentence of their own that only compares ("…收、支总计603.13万元。与2022年相比,财政拨款收、支
 * 总计各减少79.44万元,下降11.6%。"): of the amount that ends the sentence before; the rate against the prior they imply.
 */
export function checkComparedAfter(s: Scope) {
  const { all, paras, report } = s;
  all.forEach((d, k) => {
    const r = all[k + 1];
    if (d.kind !== 'delta' || !d.sign || d.base === 'budget' || r?.kind !== 'rate' || r.sign !== d.sign || r.para !== d.para || r.sentence !== d.sentence)
      return;
    const sentence = paras[d.para].sentences[d.sentence];
    if (all.some((c) => c.para === d.para && c.sentence === d.sentence && c.at < d.at)) return;
    const lead = paras[d.para].text.slice(sentence.at, d.at).replace(/(19|20)\d{2}\s*年度?/g, '');
    if (/\d/.test(lead) || !/^\s*[^，,]{0,8}(与|较|比|同比)[^，,]{0,6}(相比|比较)?[，,]/.test(lead)) return;
    // (The sentence before may end the paragraph before, where a copy broke the line after its 。.)
    const a =
      d.sentence > 0
        ? [...all].reverse().find((c) => c.para === d.para && c.sentence === d.sentence - 1)
        : d.para > 0 && !paras[d.para].level && !paras[d.para - 1].level
          ? [...all].reverse().find((c) => c.para === d.para - 1)
          : undefined;
    if (a?.kind !== 'amount' || a.bracketed || lo(a).lte(0)) return;
    const prior = priorBefore(a, d, d.sign);
    if (prior[0].lte(0) || meets(r, changeRate(d, prior))) return;
    const p = a.value.minus(d.value.times(d.sign));
    // (To two decimals more than the rate is printed with: "≈ 33.048%" beside a printed 33.1%.)
    const places = Math.max(2, (r.text.replace('%', '').split('.')[1]?.length ?? 0) + 2);
    report(
      'text.rate',
      r,
      `增减幅度应为 ${d.text} ÷ 上年（${a.text} ${d.sign > 0 ? '−' : '+'} ${d.text} = ${show(p, a)}） ≈ ${d.value.div(p).times(100).toDecimalPlaces(places)}%，文中写 ${r.text}`,
    );
  });
}

/**
 * "收入总计453.13万元,支出总计453.13万元": the 收支总表's two sides, one amount (收入总计 holds what was carried in, 支出总计
 * what is carried out); 合计 of each side may differ.
 */
export function checkBothTotals(s: Scope) {
  const { all, report } = s;
  all.forEach((a, k) => {
    const b = all[k + 1];
    if (a.kind !== 'amount' || b?.kind !== 'amount' || a.bracketed || b.bracketed || b.para !== a.para || b.sentence !== a.sentence) return;
    const stem = (c: Claim) => yearless(c.label).replace(/(为|是)$/, '');
    if (stem(a) !== '收入总计' || stem(b) !== '支出总计' || yearIn(b.label) !== undefined) return;
    if (!(hi(a).lt(lo(b)) || lo(a).gt(hi(b)))) return;
    report('text.sum', b, `收入总计写为 ${a.text}，支出总计写为 ${b.text}：收支总表的收入总计与支出总计应相等`);
  });
}

/**
 * "…总收入3万元,…。当年…支出3万元。收支相抵,年终无结余。": income and spending said to balance are one amount (the
 * totals of its paragraph, or its one income and one spending).
 */
export function checkBalanced(s: Scope) {
  const { all, paras, report } = s;
  paras.forEach((p, pi) => {
    for (const m of p.text.matchAll(/(收支相抵[，,]?\s*(年终|年末)?\s*无结余|实现收支平衡|收支平衡)/g)) {
      const before = all.filter((c) => c.para === pi && c.kind === 'amount' && !c.bracketed && c.end <= m.index!);
      // (Not where a balance is stated after it: "收支相抵,结余…万元".)
      if (all.some((c) => c.para === pi && c.kind === 'amount' && c.at > m.index! && c.at < m.index! + m[0].length + 12)) continue;
      // Each side's total; or, where the paragraph states just one income and one spending, those.
      const side = (re: RegExp) => {
        const totals = before.filter((c) => re.test(c.label) && /总计|总收入|总支出|合计|总额/.test(c.label));
        return totals.length ? totals[totals.length - 1] : before.length === 2 ? before.find((c) => re.test(c.label)) : undefined;
      };
      const [income, spending] = [side(/收入/), side(/支出/)];
      if (!income || !spending || /支出/.test(income.label) || /收入/.test(spending.label) || !(hi(income).lt(lo(spending)) || lo(income).gt(hi(spending))))
        continue;
      report('text.sum', spending, `“${income.label}”${income.text}，“${spending.label}”${spending.text}，而文中说${m[0]}：收入与支出应相等`);
    }
  });
}

/**
 * A change stated as a part of the whole ("一是增加部分47349万元,其中:…超收收入26660万元,…奖补资金较预算增加1567万元,…")
 * and the items after its 其中, amounts or changes the same way, up to the sentence's end or the next part: their sizes
 * make it.
 */
export function checkChangeParts(s: Scope) {
  const { all, paras, report } = s;
  all.forEach((t, k) => {
    if (t.kind !== 'amount' || !/(增加|减少|增收|减收|调增|调减)部分$/.test(t.label)) return;
    const down = /减少|减收|调减/.test(t.label);
    if (!/^\s*[,，]?\s*其中[:：]/.test(paras[t.para].text.slice(t.end))) return;
    const items: Claim[] = [];
    for (const c of all.slice(k + 1)) {
      if (c.para !== t.para || c.sentence !== t.sentence || /部分$/.test(c.label)) break;
      if (c.kind === 'amount' || (c.kind === 'delta' && c.sign === (down ? -1 : 1))) items.push(c);
      else return;
    }
    if (items.length < 2) return;
    const [sLo, sHi] = sumRange(items);
    const name = listedName(t.label);
    if (sLo.gt(hi(t))) report('text.sum', t, `“${name}”写为 ${t.text}，但其中所列 ${items.map((c) => c.text).join(' + ')} = ${show(sumOf(items), t)}`);
    else if (sHi.lt(lo(t))) reportUnitSlip(t, items, report);
  });
}

/**
 * A budget's spending and its change ("2022年支出预算4213.63万元,比2021年预算减少745.91万元"), and, in sections of their own,
 * 基本支出 and 项目支出 with theirs ("2022年基本支出3736.92万元,…比2021年预算增加654万元", "…项目支出预算476.71万元,比2021年
 * 预算减少1994.21万元"): where this year's two make the spending, last year's made last year's, and the changes add up.
 */
export function checkBasicAndProjectChanges(s: Scope) {
  const { all, paras, report, out, sentenceOf } = s;
  const words = (c: Claim) =>
    yearless(c.label)
      .replace(FUNDS, '')
      .replace(/拨款|预算|安排|本年|年初/g, '')
      .replace(/(为|是|共|计)$/, '');
  const withChange = (re: RegExp) =>
    all
      .filter((c) => c.kind === 'amount' && !c.bracketed && !c.run && re.test(words(c)) && !/上年|去年|其中/.test(c.label))
      .map((c) => ({ amount: c, delta: changeOf(all, paras, c) }))
      .filter((x): x is { amount: Claim; delta: Claim } => !!x.delta && !!x.delta.sign && (x.delta.base ?? 'year') === 'year');
  const [basic, project] = [withChange(/^基本支出$/), withChange(/^项目支出$/)];
  if (basic.length !== 1 || project.length !== 1) return;
  const [b, p] = [basic[0], project[0]];
  for (const t of withChange(/^(支出|总支出|支出总计|支出合计)$/)) {
    if (!/预算/.test(t.amount.label.replace(FUNDS, '')) || yearIn(t.amount.label) !== yearIn(b.amount.label) || !sumFits(t.amount, [b.amount, p.amount]))
      continue;
    // (In one sentence, the list after the change is checked as a list: checkList. Changes against different stages,
    // 预算 and 决算, are not one sum.)
    if ([b, p].some((x) => x.delta.para === t.delta.para && x.delta.sentence === t.delta.sentence)) continue;
    if (new Set([t, b, p].map((x) => comparedStage(x.delta))).size > 1) continue;
    const [[bl, bh], [pl, ph]] = [signedRange(b.delta), signedRange(p.delta)];
    const [dl, dh] = [bl.plus(pl), bh.plus(ph)];
    const [tl, th] = signedRange(t.delta);
    if (th.lt(dl) || tl.gt(dh)) {
      const sum = signed(b.delta).plus(signed(p.delta));
      const message = `支出${t.delta.sign! < 0 ? '减少' : '增加'} ${t.delta.text}，但基本支出${b.delta.sign! < 0 ? '减少' : '增加'} ${b.delta.text}、项目支出${p.delta.sign! < 0 ? '减少' : '增加'} ${p.delta.text}，合计${sum.lt(0) ? '减少' : '增加'} ${show(sum.abs(), t.delta)}（本年基本支出 ${b.amount.text} + 项目支出 ${p.amount.text} 正是支出 ${t.amount.text}）`;
      // Where the words name different funds (所有资金的支出 against 一般公共预算拨款的基本、项目支出), last year's other funds
      // may explain it: a warning.
      const funds = new Set([t, b, p].map((x) => FUND.exec(x.amount.label)?.[0] ?? ''));
      if (funds.size > 1)
        out.push({
          rule: 'text.change-sum',
          severity: 'warning',
          message: `${message}；各数所指资金范围不同，上年若有其他资金，请核对`,
          sentence: sentenceOf(t.delta),
          stated: t.delta.text,
        });
      else report('text.change-sum', t.delta, message);
    }
  }
}

/**
 * A balance sheet's three stated in one sentence ("资产总额1983.8亿元、同比增长6.3%,负债总额341.8亿元、同比增长2.1%,净资产总额
 * 1642亿元、同比增长7.2%"): 资产 = 负债 + 净资产 this year and, from each one's change, last year.
 */
export function checkBalanceSheet(s: Scope) {
  const { all, paras, report } = s;
  all.forEach((a, k) => {
    if (a.kind !== 'amount' || a.bracketed || stockOf(a.label) !== '资产') return;
    const [l, n] = all.slice(k + 1).filter((c) => c.para === a.para && c.kind === 'amount' && !c.bracketed);
    if (!l || !n || stockOf(l.label) !== '负债' || stockOf(n.label) !== '净资产' || paras[a.para].text.slice(a.at, n.at).includes('。')) return;
    if (!sumFits(a, [l, n])) {
      report('text.sum', a, `“${a.label}”写为 ${a.text}，但负债 ${l.text} + 净资产 ${n.text} = ${show(sumOf([l, n]), a)}（资产 = 负债 + 净资产）`);
      return;
    }
    const priors = [a, l, n].map((c) => priorOf(c, followers(all, c)));
    if (priors.some((p) => !p) || [a, l, n].some((c) => !followers(all, c).rate && !followers(all, c).delta)) return;
    const [pa, pl, pn] = priors as [Decimal, Decimal][];
    if (meets({ value: pa[0].plus(pa[1]).div(2), half: pa[1].minus(pa[0]).div(2) }, [pl[0].plus(pn[0]), pl[1].plus(pn[1])])) return;
    const was = (c: Claim) => show(priorAsPrinted(c, followers(all, c).delta, followers(all, c).rate) ?? c.value, c);
    report(
      'text.rate',
      followers(all, n).rate ?? followers(all, n).delta ?? n,
      `由各自的增减推得上年资产约 ${was(a)}，负债约 ${was(l)}、净资产约 ${was(n)}，两者之和与资产不符（资产 = 负债 + 净资产）：三个增减幅度不能同时成立`,
    );
  });
}

/**
 * Several totals broken down by the kind of unit after them ("资产总额13822.1亿元,…;负债总额2981.4亿元,…;净资产总额
 * 10840.7亿元,…。从单位性质看:行政单位资产总额4347.5亿元,负债总额1143.8亿元,净资产总额3203.7亿元;事业单位资产总额…"):
 * each total is its 行政 and 事业 parts, matched by the measure their words end with.
 */
export function checkByUnitKind(s: Scope) {
  const { all, paras, report } = s;
  paras.forEach((p, pi) => {
    for (const m of p.text.matchAll(/(从|按|分)单位(性质|类型)(看|分|来看)?[，,:：]/g)) {
      const from = m.index! + m[0].length;
      const stop = p.text.indexOf('。', from);
      const inside = all.filter((c) => c.para === pi && c.kind === 'amount' && !c.bracketed && c.at >= from && (stop < 0 || c.at < stop));
      // Each part's kind: the last 行政/事业 named before it in the segment.
      const kinds = inside.map((c) => [...p.text.slice(from, c.at).matchAll(/行政单位|事业单位/g)].pop()?.[0]);
      if (kinds.some((k) => !k) || new Set(kinds).size !== 2) continue;
      const totals = all.filter((c) => c.para === pi && c.kind === 'amount' && !c.bracketed && c.end <= m.index! && stockOf(c.label));
      for (const key of new Set(inside.map((c) => stockOf(c.label)).filter(Boolean))) {
        const parts = inside.filter((c) => stockOf(c.label) === key);
        const whole = totals.filter((c) => stockOf(c.label) === key).pop();
        if (parts.length !== 2 || !whole || new Set(parts.map((c) => kinds[inside.indexOf(c)])).size !== 2) continue;
        if (!sumFits(whole, parts))
          report(
            'text.sum',
            whole,
            `“${whole.label}”写为 ${whole.text}，但行政单位 ${parts[0].text} + 事业单位 ${parts[1].text} = ${show(sumOf(parts), whole)}`,
          );
      }
    }
  });
}

/**
 * The parts of a partition stated first, each as its share of a whole named in words, and that whole stated after them
 * ("工资福利支出预算 905709.06 元,占基本支出预算 79.89%,…商品和服务支出预算 75800 元,占基本支出预算%,…对个人和家庭补助支出
 * 预算 73200 元,占基本支出预算 6.45%" then "六、…2022 年一般公共预算基本支出 1133753.33 元"): they make it; the part
 * its own change and rate point at is named.
 */
export function checkPartsBeforeWhole(s: Scope) {
  const { all, paras, report, partOfList } = s;
  const bare = (l: string) =>
    yearless(l)
      .replace(FUNDS, '')
      .replace(/(预算|决算)(数)?$/, '');
  for (let i = 0; i < all.length; i++) {
    const run: Claim[] = [];
    let of: string | undefined;
    for (let k = i; k < all.length && run.length < 5; k++) {
      const c = all[k];
      if (c.kind === 'share' || c.kind === 'delta' || c.kind === 'rate' || c.kind === 'percent') continue;
      if (c.kind !== 'amount' || c.bracketed || partOfList.has(c)) break;
      // Its share's whole, named in words (占基本支出预算 x%, or 占基本支出预算% with the figure left out).
      const named = /^[，,]?\s*占([^，,；;。\d%]{2,12}?)(的)?\s*(\d|%)/.exec(paras[c.para].text.slice(c.end).replace(/^\s*(万元|元|亿元)/, ''))?.[1];
      if (!named || (of && named !== of)) break;
      of = named;
      run.push(c);
      if (isPartition(run.map((x) => x.label))) break;
    }
    if (!of || run.length < 2 || !isPartition(run.map((x) => x.label))) continue;
    const last = run[run.length - 1];
    const wholes = all.filter((c) => c.kind === 'amount' && !c.bracketed && after(c, last) && c.para <= last.para + 12 && bare(c.label).endsWith(bare(of)));
    if (wholes.length !== 1 || bare(of).length < 3) continue;
    const whole = wholes[0];
    if (sumFits(whole, run)) continue;
    const wrong = blamed(all, whole, run);
    report(
      'text.sum',
      wrong ?? whole,
      `${run.map((c) => `“${c.label}”${c.text}`).join(' + ')} = ${show(sumOf(run), whole)}，而其后所写“${whole.label}”为 ${whole.text}${wrong ? blamedNote(wrong, whole, run) : ''}`,
    );
    i = all.indexOf(last);
  }
}

/** Nothing is no share of anything, and completes no budget ("因公出国(境)费支出0.00元,占0.01%"). */
export function checkNothing(s: Scope) {
  const { all, report, out, sentenceOf } = s;
  all.forEach((c, k) => {
    const next = all[k + 1];
    if (c.kind !== 'amount' || !c.value.isZero() || !c.half.isZero() || !next || next.para !== c.para || next.sentence !== c.sentence) return;
    if ((next.kind !== 'share' && next.kind !== 'completion') || next.value.isZero()) return;
    // (Not the share of the amount whose bracket the nothing closes: "…1,077.36万元(其中,…,国有资本经营预算0万元),占收入合计93.57%".)
    if (c.bracketed && !next.bracketed) return;
    const name = c.label.replace(/(为|是)$/, '');
    // "支出决算为0万元,完成年初预算的100%": how texts say nothing was budgeted and nothing spent (0 ÷ 0).
    if (next.kind === 'completion' && next.value.eq(100))
      out.push({
        rule: 'text.zero-base',
        severity: 'warning',
        message: `“${name}”为 ${c.text}：预算大于 0 时完成 0%，预算也为 0 时无从计算，“完成预算的${next.text}”请改写`,
        sentence: sentenceOf(next),
        stated: next.text,
      });
    else
      report(
        next.kind === 'share' ? 'text.share' : 'text.rate',
        next,
        `“${name}”为 ${c.text}，${next.kind === 'share' ? '所占比例' : '完成预算的比例'}应为 0%，文中写 ${next.text}`,
      );
  });
}

/** A run of amounts with its run of shares of one named whole ("货物、工程、服务政府采购规模分别为9,027.5亿元、15,664.1亿元 和10,301.5亿元,占全国政府采购规模比例为25.8%、44.8%和29.4%"): where the shares make 100% or the names a partition, the amounts make the whole. */
export function checkShareRuns(s: Scope) {
  const { all, report } = s;
  for (const first of all) {
    if (first.kind !== 'amount' || first.run?.first !== first) continue;
    const amounts = all.filter((c) => c.run?.first === first);
    const shares = all.filter((c) => c.kind === 'share' && c.para === first.para && c.sentence === first.sentence && c.at > first.at);
    const sharesRun = shares.length && shares[0].run ? all.filter((c) => c.run?.first === shares[0]) : [];
    if (amounts.length < 2 || sharesRun.length !== amounts.length || !shares[0].of) continue;
    const named = core(shares[0].of);
    const whole = all
      .slice(0, all.indexOf(first))
      .reverse()
      .find((c) => c.kind === 'amount' && !c.bracketed && c.para >= first.para - 1 && core(c.label) === named);
    if (!whole) continue;
    const [pLo, pHi] = sumRange(sharesRun);
    const names = first.context
      .split(/[，,；;。：:]/)
      .pop()!
      .replace(/(分别|各自)(为|是)?$/, '')
      .split(/[、和及与]/);
    if (!(pLo.lte(100) && pHi.gte(100)) && !isPartition(names)) continue;
    if (!sumFits(whole, amounts))
      report(
        'text.sum',
        whole,
        `“${whole.label}”写为 ${whole.text}，但${names.join('、')}分别为 ${amounts.map((a) => a.text).join(' + ')} = ${show(sumOf(amounts), whole)}（其占比合计 100%）`,
      );
  }
}

/** "从2015年的2007万元上升到2020年的2468万元,年均增长4.22%": the yearly rate that takes the first to the second over the years between: (b ÷ a)^(1/n) − 1. */
export function checkYearlyAverages(s: Scope) {
  const { all, report } = s;
  for (const r of all) {
    if (r.kind !== 'rate' || !/年均(增长|增幅|增速|下降|降幅)?(率)?(为|是|达|达到)?$/.test(clauseBefore(r.context, r.context.length))) continue;
    // The earliest and the latest of the amounts before it in its sentence, each with its year.
    const dated = all
      .filter((c) => c.kind === 'amount' && c.para === r.para && c.sentence === r.sentence && c.at < r.at)
      .map((c) => ({ c, y: yearIn(c.context.slice(Math.max(0, c.context.length - 12))) }))
      .filter((x): x is { c: Claim; y: number } => x.y !== undefined)
      .sort((x, y) => x.y - y.y);
    if (dated.length < 2) continue;
    const { c: a, y: ya } = dated[0];
    const { c: b, y: yb } = dated[dated.length - 1];
    // Only where the text says it goes from the one to the other ("从2015年的…上升到2020年的…"): an average stated
    // beside two amounts may be over more years than theirs.
    if (yb <= ya || lo(a).lte(0) || !/从[^，,；;。]{0,12}$/.test(a.context) || !/(上升|增长|增加|提高|下降|减少|降低)(到|至)[^，,；;。]{0,12}$/.test(b.context))
      continue;
    const n = new Decimal(1).div(yb - ya);
    const sign = r.sign ?? 1;
    const range: [Decimal, Decimal] = [
      lo(b)
        .div(hi(a))
        .pow(n)
        .minus(1)
        .times(100 * sign),
      hi(b)
        .div(lo(a))
        .pow(n)
        .minus(1)
        .times(100 * sign),
    ];
    if (range[0].gt(range[1])) range.reverse();
    if (meets(r, range)) continue;
    const exact = b.value.div(a.value).pow(n).minus(1).times(100);
    report('text.rate', r, `${ya}年 ${a.text}到 ${yb}年 ${b.text}，${yb - ya} 年的年均增幅应为 ≈ ${exact.toDecimalPlaces(2)}%，文中写 ${r.text}`);
  }
}
/**
 * The amount a share is of: the last before it in its sentence; for a run of shares after a run of amounts ("分别为
 * 2666.3亿元和30400.7亿元,占…的8.1%和91.9%"), the one in its place; none for a run of shares of one amount (its
 * shares of several wholes: "占全国财政支出和GDP的比重分别为10.0%和3.3%").
 */
export function partOfShare(all: Claim[], sh: Claim): Claim | undefined {
  const before = all.filter((c) => c.para === sh.para && c.sentence === sh.sentence && c.kind === 'amount' && c.at < sh.at);
  if (!sh.run) return before.pop();
  const runs = before.filter((c) => c.run);
  if (!runs.length) return undefined;
  const first = runs[runs.length - 1].run!.first;
  return runs.find((c) => c.run!.first === first && c.run!.index === sh.run!.index);
}

/** Words that say an item has nothing: "因公出国(境)费用不安排", "未安排出国(境)经费", "公务用车购置费为零". */
const NONE = /(未|不|没有)(安排|发生|列支|开支)|为零$|(费|经费|支出)无$|^((19|20)\d{2}年度?)?无[^，,；;。]*(预算安排|安排)$/;

/**
 * The 三公 items a clause says have nothing, as amounts of exactly 0 ("一是因公出国(境)费用不安排,与上年持平" →
 * 因公出国 0): only a clause that states no figure and names one item.
 */
export function zeroItems(paras: Para[]): { item: Item; claim: Claim }[] {
  const out: { item: Item; claim: Claim }[] = [];
  paras.forEach((p, pi) =>
    p.sentences.forEach((s, si) => {
      let at = 0;
      for (const clause of (s.text.match(/[^，,；;。：:]*[，,；;。：:]?/g) ?? []).filter(Boolean)) {
        const start = s.at + at;
        at += clause.length;
        const words = clause
          .replace(/[，,；;。：:]$/, '')
          .replace(NUMBERING, '')
          .trim();
        if (!NONE.test(words) || /\d/.test(words.replace(/(19|20)\d{2}\s*年度?/g, ''))) continue;
        // "未安排出国(境)经费": 出国 without 因公 is the same item.
        // ("公车购置及运行维护费230万元,其中:购置经费无": 购置 under the 车 item is its purchase.)
        const underCar = threePublicItem(s.text.slice(0, start - s.at)) === 'vehicle' && /其中/.test(s.text.slice(0, start - s.at));
        const item =
          threePublicItem(words) ??
          (/出国/.test(words) ? 'abroad' : underCar && /^购置/.test(words) ? 'purchase' : underCar && /^运行/.test(words) ? 'operation' : undefined);
        if (!item || item === 'total') continue;
        const claim: Claim = {
          kind: 'amount',
          value: new Decimal(0),
          half: new Decimal(0),
          text: `0（${NONE.exec(words)![0]}）`,
          label: words,
          context: s.text.slice(0, start - s.at + clause.length),
          para: pi,
          sentence: si,
          at: start,
          end: start + clause.length,
        };
        out.push({ item, claim });
      }
    }),
  );
  return out;
}

/**
 * The rate between two amounts of one item both stated, with no change amount ("某年预算…万元，次年预算…万元，
 * 增加…%", "本年预算…万元，比上年预算…万元减少…%"): in the rate's sentence or the one
 * before, in whatever order, the year each is for telling which is the base. Two amounts exactly: a third (a run of
 * years) or an average rate ("年均增长") is another relation.
 */
export function checkRatesOfTwoAmounts(all: Claim[], paras: Para[], report: (rule: string, c: Claim, message: string) => void) {
  for (const r of all) {
    if (r.kind !== 'rate' || r.run || r.sign === undefined || /年均|平均/.test(r.context)) continue;
    // The amounts right before the rate, back to a change or another rate (whose the rate then is): in its sentence,
    // or in the one before when its own holds fewer than two.
    const figures: Claim[] = [];
    for (const c of [...all].reverse()) {
      if (c.para !== r.para || c.at >= r.at) continue;
      if (c.sentence < r.sentence - 1 || (c.sentence < r.sentence && figures.length >= 2)) break;
      // (Past a completion of the amount and the budget it names: "收入31751万元,完成预算数31220万元的101.7%,较上年28899万元
      // 增长9.9%".)
      if (c.kind === 'completion' || (c.kind === 'percent' && /^的/.test(c.label))) continue;
      if (c.kind === 'amount' && /^(完成|占|为)[^，,；;。]{0,20}(预算|计划)(数)?$/.test(c.label)) continue;
      if (c.kind !== 'amount' && c.kind !== 'prior') break;
      figures.push(c);
      // A prior the words compare with ("较上年28899万元") and the amount right before it: the pair.
      if (figures.length === 2 && figures[0].kind === 'prior' && c.kind === 'amount') break;
    }
    if (figures.length !== 2) continue;
    const [b, a] = figures;
    // A bracketed amount is a detail, but a bracketed prior is the comparison's own figure ("比上年（…万元）减少").
    if ((a.bracketed && a.kind !== 'prior') || (b.bracketed && b.kind !== 'prior') || a.run || b.run) continue;
    // What each is for: the words since the figure before it in its sentence.
    const wordsOf = (c: Claim, before?: Claim) => (before && before.sentence === c.sentence ? paras[c.para].text.slice(before.end, c.at) : c.context);
    // (For the first, the words since the figure before it: "…收入31751万元,较上年28899万元增长9.9%,加上…29318万元,全县财政
    // 总收入61069万元,较上年53169万元增长14.9%" — the first 较上年 is not 61069's.)
    const previous = all[all.indexOf(a) - 1];
    const wa = whenOf(a, wordsOf(a, previous?.para === a.para ? previous : undefined));
    const wb = whenOf(b, wordsOf(b, a));
    let prior: Claim;
    let current: Claim;
    if (wa !== undefined && wb !== undefined && wa !== wb && (wa === -1 || wb === -1 || (wa > 0 && wb > 0))) {
      [prior, current] = wa === -1 || (wb !== -1 && wa < wb) ? [a, b] : [b, a];
    } else if (wa === -1 && wb === undefined) [prior, current] = [a, b];
    else if (wb === -1 && wa === undefined) [prior, current] = [b, a];
    // One of a year the rate's own words compare with ("“…运行维护费”预算数50万元,…。2015年预算数160万元, 2016年预算比
    // 2015年预算下降68.8%"): that one is the base, the other of the year the rate is for.
    else if ((wa === undefined) !== (wb === undefined) && new RegExp(`(比|较)${wa ?? wb}\\s*年`).test(r.context)) {
      const dated = wa === undefined ? b : a;
      const other = dated === a ? b : a;
      if (!new RegExp(`${(wa ?? wb)! + 1}\\s*年`).test(r.context)) continue;
      [prior, current] = [dated, other];
    } else continue;
    // One item: the words of each, without years and stage words, name the same thing or one names nothing.
    const subject = (c: Claim) =>
      subjectWords(c.label)
        .replace(/(本年|上年|去年|今年|当年|年度|年初|预算|决算|安排|数|年)/g, '')
        .trim();
    const [sa, sb] = [subject(a), subject(b)];
    if (sa && sb && !sharesSubject(sa, sb) && !sharesSubject(sb, sa)) continue;
    if (lo(prior).lte(0)) continue;
    const up = current.value.gt(prior.value);
    const change = current.value.minus(prior.value).abs();
    if ((up && lo(current).gt(hi(prior)) && r.sign < 0) || (!up && hi(current).lt(lo(prior)) && r.sign > 0)) {
      report('text.direction', r, `${prior.text}到 ${current.text} 是${up ? '增加' : '减少'}，文中写${r.sign < 0 ? '减少' : '增加'} ${r.text}`);
      continue;
    }
    // |current − prior| ÷ prior, over the figures' intervals.
    const dLo = Decimal.max(new Decimal(0), up ? lo(current).minus(hi(prior)) : lo(prior).minus(hi(current)));
    const dHi = up ? hi(current).minus(lo(prior)) : hi(prior).minus(lo(current));
    const rLo = Decimal.min(dLo.div(hi(prior)), dLo.div(lo(prior))).times(100);
    const rHi = dHi.div(lo(prior)).times(100);
    if (hi(r).lt(rLo) || lo(r).gt(rHi)) {
      const exact = change.div(prior.value).times(100);
      report(
        'text.rate',
        r,
        `${prior.text}到 ${current.text}${up ? '增加' : '减少'} ${show(change, current)}，幅度应为 ${show(change, current)} ÷ ${prior.text} ≈ ${exact.toDecimalPlaces(2)}%，文中写${r.sign < 0 ? '减少' : '增加'} ${r.text}${truncated(exact, r) ? '（像是截断而不是四舍五入）' : ''}`,
      );
    }
  }
}

/**
/**
 * What a figure measures, as a key two statements of one quantity share: its kind (an amount, a prior figure, a
 * change with its direction, base and the stage it compares with), the fund its words name, the item they name (a 三公
 * item or one of MEASURES), the stage they name and the year it is for. Undefined for a figure whose words name no
 * such item ("支出决算为", a 项 of the classification), a detail of an explanation or a breakdown, or a figure of a run.
 * A fund's own income or spending ("一般公共预算拨款", "财政拨款收入") is a measure of its changes only (`ofChange`: for a
 * change, or the amount a change's words leave to it) — its amounts are as often one part's funding as the whole's —
 * and the one detail of an explanation that is ("…,主要是由于…,一般公共预算拨款增加了32.42万元").
 */
export function measureOf(c: Claim, paras: Para[], ofChange = c.kind === 'delta'): string | undefined {
  if (!['amount', 'prior', 'delta'].includes(c.kind) || c.run || c.bracketed || c.sign === 0) return undefined;
  const words = c.label.replace(/\s/g, '');
  const named = words.replace(/(20\d{2})\s*年度?/g, '').replace(FUNDS, '');
  // A label with a figure in it ran past a number the text did not read as an amount ("…万（含…").
  if (/\d/.test(named) || /[（(](类|款|项)[)）]|占|其中|平均|人均/.test(words)) return undefined;
  const core = named
    .replace(/^.*(经过?|通过)(比较|对比)/, '')
    .replace(/(比|较|与|同比|相比|对比).*$/, '')
    .replace(/本年度?|上年度?|去年|上一年/g, '')
    .replace(/(年初|调整|全年)?(预算|决算)(数)?/g, '')
    // ("一般公共预算拨款增加了": a change its words name after the item.)
    .replace(/(增加|减少|增长|下降)了?$/, (m) => (c.kind === 'delta' ? '' : m))
    .replace(/(为|是|达|共|计|安排|拨款|数|的)+$/, '')
    .replace(/(总计|合计|总额|总数|共计|小计)$/, '');
  // The 款 of a 公用经费 or 机关运行经费 breakdown ("…主要包括公务用车运行维护费…万元") is not the 三公 item.
  const breakdown = /公用经费|机关运行经费|人员经费|商品和服务/.test(c.context.slice(0, c.context.length - c.label.length));
  const own = breakdown ? undefined : threePublicItem(core);
  // A paragraph opening with its own numbered heading that names a 三公 item ("(一)因公出国(境)费。支出预算0万元"): a figure
  // whose words name none is that item's.
  // So is one under a heading of its own line that names one ("(一)因公出国(境)经费" then "2022年预算安排0万元").
  const head = HEADED.exec(paras[c.para].text);
  const above = paras
    .slice(0, c.para)
    .reverse()
    .find((p) => p.level > 0);
  const subject = own
    ? undefined
    : head && c.at >= head[0].length
      ? threePublicItem(head[1])
      : above && above.level >= 2 && above.text.length <= 24 && !/\d/.test(above.text) && paras.slice(paras.indexOf(above) + 1, c.para).every((p) => !p.level)
        ? [threePublicItem(above.text)].find((x) => x !== 'total')
        : undefined;
  // A fund's own income or spending ("一般公共预算拨款", "一般公共预算财政拨款收入", "财政拨款支出").
  const ofFund =
    ofChange && FUND.test(words)
      ? /^(拨款)?支出$/.test(core)
        ? '支出'
        : /^(拨款)?(收入)?$/.test(core) && /拨款|收入/.test(words)
          ? '收入'
          : undefined
      : undefined;
  const item = own ?? subject ?? MEASURES.find(([re]) => re.test(core))?.[1] ?? TOTAL_NAMES.find(([re]) => re.test(named))?.[1] ?? ofFund;
  // (An explanation's figures are its details, not the measures, save a fund's whole: "收入较2024增加39.39万元,主要是由于…,
  // 一般公共预算拨款增加了32.42万元".)
  if (!item || (explained(paras, c) && item !== ofFund)) return undefined;
  // The stage its words name, else the last its sentence names before it ("“三公”经费预算…万元，其中：公务接待费…万元").
  const stage = /决算|预算/.exec(named)?.[0] ?? [...c.context.replace(FUNDS, '').matchAll(/决算|预算/g)].pop()?.[0] ?? '';
  const para = paras[c.para];
  const year =
    c.kind === 'prior' || /(上年|去年|上一年)(?!结转|结余)/.test(words)
      ? 'prior'
      : (/(20\d{2})\s*年/.exec(words)?.[1] ?? sentenceYear(para.sentences[c.sentence].text) ?? para.year ?? '');
  const kind = c.kind === 'delta' ? `delta${c.sign}${c.base ?? 'year'}${comparedStage(c)}` : c.kind;
  // The fund its words name, else the first its sentence names before it ("全区政府性基金上年结余…，收入合计…亿元").
  const fund = FUND.exec(words)?.[0] ?? FUND.exec(c.context)?.[0] ?? '';
  // The area its paragraph speaks of, last named before it ("全市…收入总计222.7亿元" and "市本级…收入总计178.2亿元" are two).
  const area = [...paras[c.para].text.slice(0, c.at).matchAll(/全(省|市|州|县|区|旗|镇|乡)|(省|市|州|县|区|旗)本级/g)].pop()?.[0] ?? '';
  return [kind, fund, item, stage, year, area].join('|');
}
