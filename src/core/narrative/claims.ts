/**
 * The arithmetic a 情况说明 states, read as a whole rather than sentence by sentence. Every figure becomes a claim
 * (an amount, a change, a rate, a share or a prior-year amount, with its label and where it stands); claims are
 * tied into relations across the sentences of a section:
 *  - a total and the parts listed after it (其中 / 包括 / 分别为, across 。 and ；, in numbered items under it),
 *    their changes against the total's change, and the shares the parts state (part ÷ total);
 *  - a change and its rate, with the prior year stated or implied (current ∓ change);
 *  - shares of one named whole stated by sibling parts (each implies the whole: they must agree);
 *  - a change word and its rate's word in one clause must go the same way.
 * Interval arithmetic decides every relation: a figure printed with d decimals stands for ±½ unit of its last
 * decimal (a printed 0 is exact), and a relation is wrong only when no values inside the intervals satisfy it.
 */
import Decimal from 'decimal.js';
import type { TextFinding } from './check-text';
import { pastedParagraphs, type PastedText } from './pasted';
import { ITEM_NAMES, itemNamedLast, threePublicItem, type Item } from './items';
import { halfOf as half, hi, lo, meets, rateRange, sumOf, sumRange, UNIT_SCALES } from './interval';

type Kind = 'amount' | 'delta' | 'prior' | 'rate' | 'share' | 'percent' | 'completion';

export interface Claim {
  kind: Kind;
  /** In 万元 for amounts, in % for rates and shares. */
  value: Decimal;
  /** Half the unit of the last printed decimal, in the same unit (0 for a printed 0). */
  half: Decimal;
  /** As printed (for messages). */
  text: string;
  /** +1 increase, −1 decrease (changes and rates); 0 for 持平 / 无增减. */
  sign?: 1 | -1 | 0;
  label: string;
  /** For a share: the whole it is a share of, as worded ("一般公共预算支出"), '' for "占比". */
  of?: string;
  para: number;
  sentence: number;
  at: number;
  end: number;
  /** The sentence up to the figure (what a change is the change of: "较…“三公”经费合计16.08万元增加"). */
  context: string;
  /** Inside brackets ("2066万元(其中：运行1920万元，购置146万元)"). */
  bracketed?: boolean;
  /** Figures in a run ("收、支总计各是4125.49,4143.91万元", "各下降23.51%、38.28%"): the run's first claim and this one's place in it. */
  run?: { first: Claim; index: number };
  /** A 总计 of a 决算 text (决算 said before it): it also holds carry-overs, so its 基本 + 项目 may fall short of it. */
  carries?: boolean;
  /** For a change: what it is measured against, as its clause says (上年 or the year's own 年初预算); see baseOf. */
  base?: Base;
  /** A change said before what changed ("减少了“三公”经费342.74万元"), or a part of one after its 其中. */
  worded?: boolean;
}

/** The base of a change: the year before ("较上年", "比某年决算数", "同比") or this year's budget ("较年初预算数"). */
type Base = 'year' | 'budget';

/** The base a change's clause names, undefined when it names none ("增长…%", "其中：接待费减少…万元"). */
function baseOf(clause: string): Base | undefined {
  // An adjustment ("调增", "调减") is against the budget it adjusts.
  if (/调[增减]$/.test(clause.trim())) return 'budget';
  // (After the percentage before it: "完成年初预算的88.54%同比减收…" is against the year before.)
  const c = clause
    .replace(/(经过?|通过)(比较|对比)/g, '')
    .split(/\d[\d.]*\s*%/)
    .pop()!;
  if (!COMPARE.test(c)) return undefined;
  if (/上年|去年|上一年/.test(c)) return 'year';
  if (/年初|调整(后)?预算|全年预算/.test(c)) return 'budget';
  if (/\d{4}\s*年|同期|同比/.test(c)) return 'year';
  if (/预算/.test(c)) return 'budget';
  return undefined;
}

/** The base field of a change whose clause is this (none when the clause names no base). */
function withBase(clause: string): { base?: Base } {
  const b = baseOf(clause);
  return b ? { base: b } : {};
}

/** Whether two changes name different bases ("较上年减少…，较年初预算数减少…"). */
const otherBase = (a: Claim, b: Claim) => !!a.base && !!b.base && a.base !== b.base;

/**
 * Of a part's changes, the one against the base of the total's change `like`: the one that names it; for the
 * total's first change (not one against a second base), else one that names none.
 */
function changeAgainst(p: Part, like: Claim, second = false): Claim | undefined {
  const own = [p.delta, ...(p.alt ?? [])].filter((c): c is Claim => !!c);
  return own.find((c) => c.base && c.base === like.base) ?? (second ? undefined : own.find((c) => !c.base || !like.base));
}

/** A figure and its unit; "1.8亿多元", "3万多元" (news wording) are at least the figure and below its next step. */
/** (News texts write "1000.86万," for 万元: a 万 or 亿 that ends a clause is the amount's unit.) */
const NUMBER = /(\d+(?:\.\d+)?)(?:\s*(亿多元|万多元|亿元|万元|千元|元|%|[万亿](?=[，,。；;、)）]|\s*$)))?/g;
const UP = /(增加|增长|上升|上涨|提高|增幅|涨幅|增支|增收|多支|增|加|多)$/;
const DOWN = /(减少|下降|降低|减幅|降幅|下调|减支|减收|少支|压缩|压减|负增长|减|降|少)$/;
const RATE_CTX = /(增长|下降|降低|上升|上涨|增幅|涨幅|降幅|减幅|增长率|下降率|减少率|增加率|降低率|增加|减少|压缩|压减|增|减|降|提高)(了|为|是|约|达到|达)?$/;
const SHARE_CTX = /占(比|比重)?(为|是|达到|达)?[，,]?$|占([^，,；;。占]{1,20}?)(的)?(比重|比例)?(为|是|达)?$|比重(?:为|是|达到|达)?$/;
const COMPARE = /(比|较|与|同比|相比|对比)/;
const FLAT = /持平(?!稳)|无增减|无变化|没有变化|不变|相同|未增减/;
/** Text after which figures explain a change rather than state parts ("主要原因是…", "主要用于…"). */
const EXPLAINS_RE = /(主要原因|原因是|原因为|主要是|主要用于|用于|主要包括|具体包括|主要系|系)[^，,；;。]*$/;
/** Whether text ends in an explanation (not a part named by its use: "其中用于工资福利支出为613.35万元"). */
const explains = (t: string) => EXPLAINS_RE.test(t.replace(/其中用于/g, '其中'));
const TRIGGER = /(其中|包括|分别为|分别是|具体如下|如下|分项情况是|分项情况为|具体是|具体为)[:：，,]?/;
/** "…、…、…降幅均超过25%": a bound each item's rate is said to pass. */
const THRESHOLD = /([^，,；;。：:]*?)的?(降幅|减幅|增幅|涨幅|下降幅度|增长幅度)(均|都|全部)(超过|高于|大于|不低于|达到|在)(\d+(?:\.\d+)?)%/g;
/** "决算数大于预算数55.93万元": how far the outturn is from the budget. */
const OVER_BUDGET = /决算(数|支出)?(大于|多于|超过|超出|高于|小于|少于|低于)(年初)?预算(数)?$/;
/** A sentence that is a list of the amount before it ("其中,因公出国(境)费50万元,…"). */
const TRIGGER_LEAD = /^\s*(其中|包括|分别为|分别是)/;
/** A clause that only goes on with the change just stated: no subject, a change or rate word first. */
const GOES_ON = /^\s*((对比|相比|比较)(增加|减少|增长|下降|降低)|(减少|增长|下降|增加|降低)(率|幅度)|[减增降]幅|完成(了)?(年初|全年)?预算)/;
/**
 * Whether words speak of 收入 or of 支出 ('' for neither). (What a figure is moved into is no measure of it:
 * "将一般公共预算的超收收入6.9亿元补充预算稳定调节基金" is a use.)
 */
const measure = (l: string) => (/^将/.test(l) ? '' : /收入/.test(l) ? '收入' : /支出/.test(l) ? '支出' : '');

/** A line's own numbering ("一、", "（二）", "3.") and a bullet ("——", "•") before its words. */
const NUMBERING = /^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])/;
const BULLET = /^\s*(——|—|•|·|●|■|◆|▲)\s*/;
/** A heading that opens its line's own words before the first figure ("(一)收入预算,2018年年初预算数120.71万元"). */
const INLINE_HEAD = new RegExp(`${NUMBERING.source}\\s*([^，,。；;:：\\d]{2,12})[，,:：]`);
const HEADING = /^\s*(?:([一二三四五六七八九十]+)[、.．]|[(（]([一二三四五六七八九十]+)[)）]|(\d+)[、.．](?!\d)|[(（](\d+)[)）])/;

function headingLevel(p: string): number {
  const m = HEADING.exec(p);
  if (!m) return 0;
  return m[1] ? 1 : m[2] ? 2 : m[3] ? 3 : 4;
}

interface Para {
  text: string;
  /** The year its heading (or the nearest heading above) names: "二、2021年“三公”经费决算情况". */
  year?: number;
  level: number;
  /** The level of the nearest heading at or above this paragraph (its own when it is one). */
  under: number;
  sentences: { text: string; at: number }[];
}

/** The paragraphs with their sentences, headings and the figures they state. */
/** The paragraphs of a text with their sentences, and the figures they state. */
export interface ClaimsRead {
  paras: Para[];
  claims: Claim[];
  /** Where a figure stands that could not be read (garbled, or words run into its digits): a hole in any list over it. */
  unread?: { para: number; at: number }[];
}

export function readClaims(text: string | PastedText): ClaimsRead {
  const paras: Para[] = [];
  let under = 0;
  let year: { value: number; level: number } | undefined;
  for (const t of typeof text === 'string' ? pastedParagraphs(text) : text.paragraphs) {
    const level = headingLevel(t);
    if (level) under = level;
    // A heading that names a year sets it for what follows, until a heading at its level or above.
    if (level && year && level <= year.level) year = undefined;
    const y = level && t.length <= 40 ? /(20\d{2})\s*年/.exec(t) : null;
    if (y) year = { value: Number(y[1]), level };
    const sentences: { text: string; at: number }[] = [];
    for (const m of t.matchAll(/[^。；;]+[。；;]?/g)) {
      // A ； inside brackets that close later in the paragraph parts the bracket's items, not sentences
      // ("…万元(其中，运行维护费…万元；购置费…万元)；因公出国…").
      const last = sentences[sentences.length - 1];
      // Nor does one before a clause that only goes on with the change ("…2015年预算12.5万元;对比减少4.35万元;减少率35.22%").
      if (last && /[；;]$/.test(last.text) && ((bracketDepth(t.slice(0, m.index!)) > 0 && /[)）]/.test(t.slice(m.index!))) || GOES_ON.test(m[0])))
        last.text += m[0];
      else sentences.push({ text: m[0], at: m.index! });
    }
    paras.push({ text: t, level, under, sentences, ...(year ? { year: year.value } : {}) });
  }
  const claims: Claim[] = [];
  const unread: { para: number; at: number }[] = [];
  paras.forEach((p, pi) => {
    const inlineHead = INLINE_HEAD.exec(p.text)?.[1];
    p.sentences.forEach((s, si) => {
      let from = 0;
      const found = [...s.text.matchAll(NUMBER)];
      found.forEach((m, k) => {
        // "比年初预算8.3亿元减少1.8亿多元": more than 1.8亿, less than 1.9亿.
        const more = /多元$/.test(m[2] ?? '');
        let unit = m[2]?.replace('多', '').replace(/^([万亿])$/, '$1元');
        const num = m[1];
        const at = m.index!;
        const before = s.text.slice(0, at);
        // A figure run into garbled characters ("С?8639", a lost digit) is not read.
        if (/[?\ufffd]$/.test(before)) return void unread.push({ para: pi, at: s.at + at });
        // Nor one with foreign words run into its digits ("因公出国(境)费用56借款3万元", a mirror page's spam): its
        // start is not known. (Words that may stand between two figures, "2011年减少343万元", are no such words.)
        const split = /\d([\u4e00-\u9fa5]{1,3})$/.exec(before);
        if (split && !/[年月日号元万亿个项人次批辆台家至到和与及为是约共计达增减降下上比较同占的或余多少第分]/.test(split[1]))
          return void unread.push({ para: pi, at: s.at + at });
        // Years, dates, ordinals, counts and codes are not figures.
        if (/^(年|月|日|号|次|人|辆|个|项|批|家|台|所|名|处|期|届|类|款|级|户|套|平方|米|元\/)/.test(s.text.slice(at + num.length)) && !unit) return;
        // "收、支总计各是4125.49,4143.91万元": a number without a unit takes the unit of the next one in its run.
        if (!unit) {
          const next = found[k + 1];
          const between = next ? s.text.slice(at + m[0].length, next.index!) : '';
          if (next && next[2] && !/多元$/.test(next[2]) && /^[，,、和及与\s]*$/.test(between)) unit = next[2];
          // "较上年2.08减少0.03万元": the figure compared with, in the unit of the change after it.
          else if (
            next &&
            next[2] &&
            next[2] !== '%' &&
            !/多元$/.test(next[2]) &&
            /(较|比)(上年|去年|上一年|\d{4}\s*年度?)的?$/.test(before) &&
            /^(增加|减少|增长|下降|多|少)了?$/.test(between)
          )
            unit = next[2];
          // "减少173.75万元减少10.28主要原因是…": a change word again right after a change, and a figure with no
          // unit: its rate, the % left out.
          else if (
            claims.length &&
            claims[claims.length - 1].kind === 'delta' &&
            claims[claims.length - 1].para === pi &&
            claims[claims.length - 1].sentence === si &&
            /^[，,]?\s*(同比)?(增长|下降|减少|增加|降低|上升)了?$/.test(s.text.slice(claims[claims.length - 1].end - s.at, at)) &&
            !/^\s*(万|亿|元|个|人|辆|项|次|年|月|日)/.test(s.text.slice(at + m[0].length))
          )
            unit = '%';
          else return;
        }
        const ctx = s.text.slice(from, at);
        from = at + m[0].length;
        // The next figure of a run takes the kind of the one before it.
        const prev = claims[claims.length - 1];
        if (
          prev &&
          !more &&
          prev.para === pi &&
          prev.sentence === si &&
          /^[，,、和及与\s]+$/.test(ctx) &&
          (unit === '%') === (prev.kind === 'rate' || prev.kind === 'share' || prev.kind === 'percent' || prev.kind === 'completion')
        ) {
          const scale = unit === '%' ? new Decimal(1) : UNIT_SCALES[unit];
          const first = prev.run?.first ?? prev;
          prev.run ??= { first: prev, index: 0 };
          claims.push({
            ...prev,
            text: `${num}${unit}`,
            value: new Decimal(num).times(scale),
            half: half(num, scale),
            context: before,
            at: s.at + at,
            end: s.at + at + m[0].length,
            run: { first, index: (prev.run?.index ?? 0) + 1 },
          });
          return;
        }
        const clauseCtx = clauseBefore(s.text, at);
        const label = headedLabel(
          carLabel(labelOf(ctx), p.text.slice(0, s.at + at)),
          // (The heading may open the figure's own line: "(一)收入预算,2018年年初预算数120.71万元,其中,…".)
          si === 0 && !claims.some((c) => c.para === pi) ? (inlineHead ?? (pi > 0 ? paras[pi - 1].text : '')) : '',
        );
        const opened = (before.match(/[(（]/g) ?? []).length > (before.match(/[)）]/g) ?? []).length;
        const carries = /总计/.test(label) && (paras.slice(0, pi).some((q) => /决算/.test(q.text)) || /决算/.test(p.text.slice(0, s.at) + before));
        const base = {
          text: `${num}${more ? m[2] : unit}`,
          label,
          context: before,
          para: pi,
          sentence: si,
          at: s.at + at,
          end: s.at + at + m[0].length,
          ...(opened ? { bracketed: true } : {}),
          ...(carries ? { carries: true } : {}),
        };
        const tail = ctx.replace(/[(（]|[)）]|\s/g, '');
        // No figure a relation holds: a threshold passed ("2019年突破2000亿元"), a rate on another basis ("若剔除留抵退税
        // 政策对收入的影响,按同口径计算增长53.5%").
        if (unit !== '%' && /(突破|超过|逾|接近|不足)$/.test(tail)) return;
        // (A text that compares all on one basis says so at each figure, "同口径比2018年下降7.4%": kept.)
        if (unit === '%' && /剔除|扣除[^，,。；;]*因素|按(同|可比)口径计算/.test(tail)) return;
        if (unit === '%') {
          const shareM = SHARE_CTX.exec(tail);
          const value = new Decimal(num);
          const h = half(num, new Decimal(1));
          // ("占年初预算的94.59%", "占年初预算100%": a completion in the words of a share.)
          if (
            /完成(了)?(年初|全年|调整(后)?)?(预算|计划)(数)?(的)?$|^[，,]?为(年初|年|全年|调整(后)?)?(预算|计划)(目标|数)?(的)?$|^[，,]?占(年初|全年|年度|调整(后)?)(预算|计划)(数)?(的)?$/.test(
              tail,
            )
          )
            claims.push({ ...base, kind: 'completion', value, half: h });
          else if (shareM) claims.push({ ...base, kind: 'share', value, half: h, of: cleanWhole(shareM[3] ?? '') });
          else if (RATE_CTX.test(tail.replace(/[-−－]$/, ''))) {
            // "增长-10.3%": a rise below zero is a fall.
            const negative = /[-−－]$/.test(tail);
            const down = DOWN.test(tail.replace(/[-−－]$/, '').replace(/率?(了|为|是|约|达到|达)?$/, ''));
            claims.push({ ...base, kind: 'rate', value, half: h, sign: down !== negative ? -1 : 1 });
          }
          // "较上年减少1.5万元(42.86%)": a percentage in brackets right after a change is its rate.
          else if (prev && prev.kind === 'delta' && prev.sign && prev.para === pi && prev.sentence === si && /^\s*[(（]\s*$/.test(ctx))
            claims.push({ ...base, kind: 'rate', value, half: h, sign: prev.sign });
          // "…支出588.61万元占31.75%、…、社会保障和就业支出206.53万元11.14%": among shares of amounts, one whose 占 was
          // left out right after its amount.
          else if (
            prev?.kind === 'amount' &&
            prev.para === pi &&
            prev.sentence === si &&
            /^\s*$/.test(ctx) &&
            claims.some((c) => c.kind === 'share' && c.para === pi && c.sentence === si)
          ) {
            const like = [...claims].reverse().find((c) => c.kind === 'share' && c.para === pi && c.sentence === si)!;
            claims.push({ ...base, kind: 'share', value, half: h, of: like.of });
          } else claims.push({ ...base, kind: 'percent', value, half: h });
          return;
        }
        const scale = UNIT_SCALES[unit];
        const h = half(num, scale);
        const value = more ? new Decimal(num).times(scale).plus(h) : new Decimal(num).times(scale);
        // "比上年减少支出0.88亿元": the change of 支出.
        // (Not a name that ends in 加: "教育费附加为9.39亿元", "追加".)
        const deltaWord = tail.replace(/(支出|开支)?(了|为|是|约)?$/, '').replace(/(附|追|参|叠)加$/, '');
        // "完成预算20000万元的172.6%,超收14519万元": a change against the budget.
        if (/(超收|超支|短收)$/.test(deltaWord)) {
          claims.push({ ...base, kind: 'delta', value, half: h, sign: /短收$/.test(deltaWord) ? -1 : 1, base: 'budget' });
          return;
        }
        if (UP.test(deltaWord) || DOWN.test(deltaWord)) {
          claims.push({ ...base, kind: 'delta', value, half: h, sign: DOWN.test(deltaWord) ? -1 : 1, ...withBase(clauseCtx) });
          return;
        }
        // "减少了“三公”经费342.74万元,其中公务用车购置及运行维护费308.87万元": a change said before what changed, and
        // the parts of that change after its 其中.
        const worded = /^(减少|增加|节约|节省|压减|压缩)了?(?!到|至|为)/.exec(label);
        const ofWorded = prev?.worded && prev.para === pi && prev.sentence === si && /^[，,]?\s*其中[:：]?[^，,；;。\d]*$/.test(ctx);
        if ((worded && label.length <= 16) || ofWorded) {
          const sign = worded ? (DOWN.test(worded[1]) ? -1 : 1) : prev!.sign!;
          claims.push({ ...base, kind: 'delta', value, half: h, sign, worded: true, ...withBase(clauseCtx) });
          return;
        }
        // "较2022年决算数688.84万元131.49万元,增长19.09%": the change word left out, its direction in the rate after it.
        if (prev && prev.kind === 'prior' && prev.para === pi && prev.sentence === si && /^\s*$/.test(ctx)) {
          const after = s.text.slice(at + m[0].length, at + m[0].length + 8);
          if (/增长|增加|上升|下降|减少|降低/.test(after)) {
            claims.push({ ...base, kind: 'delta', value, half: h, sign: /下降|减少|降低/.test(after) ? -1 : 1, ...withBase(clauseCtx) });
            return;
          }
        }
        // "由397959万元调整为409959万元", "由去年的73,421.67万元增加到75,651.85万元": the figure it was.
        const fromTo =
          /由(上年|去年|上一年|\d{4}年度?)?的?$/.test(ctx.trim()) &&
          /^\s*(调整|增加|减少|下降|上升|提高|降低|增长)(为|到|至)/.test(s.text.slice(at + m[0].length));
        // "较2014年度…合计16.08万元增加15.15万元", "比上年的12.39万元": a figure of the year compared with.
        if (fromTo || (comparedWith(clauseCtx) && !/[，,]/.test(ctx.slice(ctx.search(COMPARE))))) {
          claims.push({ ...base, kind: 'prior', value, half: h });
          return;
        }
        claims.push({ ...base, kind: 'amount', value, half: h });
      });
    });
  });
  return { paras, claims, unread };
}

/**
 * "其中:购置经费0万元、运行维护费3万元" under "公务用车购置及运行维护费…": the bare words name the car's items when the
 * paragraph is about 公务用车 up to them.
 */
function carLabel(label: string, before: string): string {
  return /^(购置|运行(维护)?|运维)(经)?费$/.test(label) && /公务用车|公车|车辆/.test(before.slice(-120)) ? `公务用车${label}` : label;
}

/**
 * "基本支出:" then "2018年年初预算数为1973.4万元": a figure whose words only name its stage takes the name of the short
 * heading line right above its paragraph.
 */
function headedLabel(label: string, above: string): string {
  if (!/^((19|20)\d{2}年度?)?(年初)?(预算|决算)(数)?(为|是)?$/.test(label.replace(/\s/g, ''))) return label;
  const title = above
    .replace(NUMBERING, '')
    .replace(/[:：]\s*$/, '')
    .trim();
  return title && title.length <= 12 && !/[，,。；;\d]/.test(title) ? `${title}${label}` : label;
}

/** How many brackets are open at the end of this text. */
function bracketDepth(t: string): number {
  return (t.match(/[(（]/g) ?? []).length - (t.match(/[)）]/g) ?? []).length;
}

/**
 * Whether the clause before a figure opens a comparison with another year or stage, so that the figure is the base
 * ("较某年度…合计", "比上年的"). "经比较" only introduces what follows, and a comparison already closed by its
 * outcome ("与上年持平公务接待费预算数为", a lost comma) is not this figure's.
 */
function comparedWith(clause: string): boolean {
  const c = clause.replace(/(经过?|通过)(比较|对比)/g, '');
  const m = COMPARE.exec(c);
  if (!m) return false;
  if (/持平|无增减|无变化|增加|减少|增长|下降|降低|上升|提高/.test(c.slice(m.index))) return false;
  return /(上年|去年|上一年|\d{4}年|年初|预算数|执行数|决算数)/.test(c);
}

/** The clause of a sentence up to a position (from the last comma, semicolon or colon before it). */
const clauseBefore = (sentence: string, at: number) =>
  sentence
    .slice(0, at)
    .split(/[，,；;：:]/)
    .pop() ?? '';

function cleanWhole(s: string): string {
  return s.replace(/^(本年|本单位|本部门|全部|部门)/, '').replace(/(的|比重|比例)$/, '');
}

/** The words a figure is stated for: the end of the text before it, without enumeration and change words. */
function labelOf(ctx: string): string {
  // "因公出国(境)费、公务用车购置及运行费和公务接待费的预算数": the three items named together are the 三公 total.
  const whole = ctx.split(/[，,；;：:]/).pop() ?? '';
  const clause = threePublicItem(whole) === 'total' && !/三公/.test(whole) ? whole : (ctx.split(/[，,；;：:、]/).pop() ?? '');
  return (
    clause
      .replace(BULLET, '')
      .replace(NUMBERING, '')
      .replace(/^(其中|包括|分别为|分别是)/, '')
      // ("从收入结构情况看税收收入747,539万元": the 税收收入.)
      .replace(/^从[^，,；;。\d]{1,12}?(来)?看/, '')
      .trim()
  );
}

/** A figure's 三公 item; a label of stage words only ("支出决算为7.69万元") takes the subject of its sentence. */
export function itemOf(c: Claim): Item | undefined {
  // An average ("车均运行维护费2.5万元", "人均因公出国(境)费用") is per car or per person, not the item's amount.
  if (/[车人户次]均|平均/.test(c.label)) return undefined;
  const own = threePublicItem(c.label);
  // The three named together in the clause before it are the total ("…开支的因公出国(境)经费、公务用车购置及运行费,、公务
  // 接待费决算支出94.7亿元": a comma slipped in before a 、).
  if (
    own &&
    own !== 'total' &&
    threePublicItem(
      c.context
        .replace(/[，,]\s*、/g, '、')
        .split(/\d[\d.]*\s*(?:万元|亿元|千元|元|%)/)
        .pop()!
        .split(/[，,；;。]/)
        .pop()!,
    ) === 'total'
  )
    return 'total';
  if (own) return own;
  if (/^((19|20)\d{2}年度?)?(支出)?(年初)?(预算|决算|实际执行|执行|实际支出)(支出)?(数)?(为|是)?$/.test(c.label.replace(/\s/g, ''))) {
    const clauses = c.context.split(/[，,]/);
    for (let k = clauses.length - 2; k >= 0; k--) {
      const it = threePublicItem(clauses[k]);
      if (it) return it;
    }
  }
  return undefined;
}

/** Parts that make a whole (a list of these that falls short of its total misses nothing it may leave out). */
const PARTITIONS: RegExp[][] = [
  [/基本支出/, /项目支出/],
  // (基本支出 as what it pays for: "人员和公用经费减少16.91万元,项目经费减少104.83万元".)
  [/人员(经费)?(和|及|与)公用经费/, /项目(支出|经费)/],
  [/人员经费/, /公用经费/],
  // The economic classes of 基本支出 (资本性支出 where it has one; 公用 for 商品和服务 in older texts).
  [/工资福利/, /商品和服务/, /对个人和家庭/],
  [/工资福利/, /对个人和家庭/, /公用/],
  [/工资福利/, /商品和服务/, /对个人和家庭/, /资本性/],
  // 政府采购 by kind, and by how it is organised.
  [/货物/, /工程/, /服务/],
  [/政府集中/, /部门集中/, /分散/],
  // 公务接待 at home and from abroad.
  [/国内/, /国[(（]?境[)）]?外|外事|外宾/],
  // Revenue: taxes and the rest; the central and the local share.
  [/(^|[^非])税收收入/, /非税(收)?收入/],
  [/^(其中)?中央(级|本级)?(公共财政预算|一般公共预算)?收入/, /^(其中)?地方(级|本级)?(公共财政预算|一般公共预算)?收入/],
  // 全口径 revenue: what goes up to the centre and the province, and the local.
  [/^(其中)?上划/, /^(其中)?地方/],
  [/^(其中)?上划中央/, /^(其中)?上划省/, /^(其中)?地方/],
  // What goes up (中央、市区级收入) and what stays (乡镇本级财政收入).
  [/^(其中)?(中央|上划|(省|市|市区|区)级)/, /^(其中)?(乡镇|镇|乡|县|区|市)?本级/],
  // Levels of government ("分级次看,市本级…;县区级…,其中,区级…;县级…"), and the three sectors.
  [/^(其中)?(省|市|州|盟|地|区)(本)?级/, /^(其中)?(县区|县市|市县|区县|县)([(（][^)）]*[)）])?级?/],
  [/第一产业/, /第二产业/, /第三产业/],
  // The four budgets.
  [/一般公共预算|公共财政/, /政府性基金/, /国有资本经营/, /社会保险基金/],
];

/** Whether these parts make their total whole: the 三公 items of a 三公 total, or one of the partitions above. */
function isComplete(total: Claim, labels: string[]): boolean {
  const items = labels.map(threePublicItem);
  const whole = threePublicItem(total.label) ?? (total.kind === 'delta' ? threePublicItem(total.context) : undefined);
  if (whole === 'total' && labels.length >= 2 && items.every((x) => x && x !== 'total')) return true;
  if (whole === 'vehicle' && items.length === 2 && items.includes('purchase') && items.includes('operation')) return true;
  // A 收入总量 / 支出总量 is what its list names ("其中,地方收入…;中央补助收入…,上年结转…"); so is a list that ends
  // with the rest ("…环境保护税454万元,其他税收收入2万元").
  // (A balance's: its list names what comes from or goes beyond the fund, "全镇一般公共预算总支出…其中,基本经费支出…,专项经费
  // 支出…,基建工程支出…" does not say it names every use.)
  if (
    /总量|总收入|总支出|收入总计|支出总计|总财力/.test(total.label) &&
    labels.length >= 3 &&
    labels.some((l) => /结转|结余|调入|调出|上解|补助|转移支付|债/.test(l))
  )
    return true;
  if (labels.length >= 3 && /^(其中)?其他/.test(labels[labels.length - 1])) return true;
  // So is a balance's list that ends with what is carried over ("…;新增地方政府一般债券18.8亿元;上年专项结转资金10.8亿元",
  // "…;结转下年继续使用的专项资金6.2亿元").
  if (labels.length >= 3 && /(上年|年初)[^，,；;]{0,4}结转|结转下年|年末结转|上年结余/.test(labels[labels.length - 1])) return true;
  // A 决算's 收入总计 / 支出总计 also holds what was carried over (上年结转, 年末结转和结余): 基本 + 项目 are its
  // 本年支出 only.
  if (total.carries) return false;
  return isPartition(labels);
}

/** A part's words; for a 持平 with none of its own ("；公务接待费与上年持平"), the subject of its clause. */
function partName(p: Part): string {
  const c = (p.amount ?? p.delta)!;
  if (c.label || c.kind !== 'delta' || c.sign !== 0) return c.label;
  return (c.context.split(/[，,；;：:]/).pop() ?? '').replace(/(与|比|较|同比|相比)[^，,]*$/, '').trim();
}

/** Whether these labels are the parts of one of the partitions above, and no more. */
function isPartition(labels: string[]): boolean {
  return PARTITIONS.some((ps) => labels.length === ps.length && ps.every((re) => labels.some((l) => re.test(l))));
}

/**
 * A figure whose thousands comma was printed as a decimal point (a.bcd万元 for a,bcd万元): three decimals, and the
 * relation it breaks holds with the figure read as thousands. The figure as meant, or undefined.
 */
function thousandsSlip(c: Claim, holds: (meant: Claim) => boolean): Claim | undefined {
  const m = /^(\d{1,3})\.(\d{3})(\D*)$/.exec(c.text);
  if (!m) return undefined;
  const meant: Claim = { ...c, text: `${m[1]},${m[2]}${m[3]}`, value: c.value.times(1000), half: c.half.times(1000) };
  return holds(meant) ? meant : undefined;
}

const slipNote = (meant: Claim) => `：多半是千分位逗号印成了小数点，应为 ${meant.text}`;

/** The one figure of a sum (its total or a part) whose thousands slip makes the sum hold, when there is just one. */
function slipIn(total: Claim, parts: Claim[]): { printed: Claim; meant: Claim } | undefined {
  const found: { printed: Claim; meant: Claim }[] = [];
  const t = thousandsSlip(total, (m) => sumFits(m, parts));
  if (t) found.push({ printed: total, meant: t });
  parts.forEach((p, k) => {
    const m = thousandsSlip(p, (x) =>
      sumFits(
        total,
        parts.map((q, j) => (j === k ? x : q)),
      ),
    );
    if (m) found.push({ printed: p, meant: m });
  });
  return found.length === 1 ? found[0] : undefined;
}

/** A computed amount shown in the unit the text uses for it (元 texts get 元). */
function show(v: Decimal, like: Claim): string {
  if (/亿元$/.test(like.text)) return `${v.div(10000).toDecimalPlaces(4)}亿元`;
  return /[^万亿千]元$/.test(like.text) ? `${v.times(10000).toDecimalPlaces(2)}元` : `${v.toDecimalPlaces(4)}万元`;
}

/** Whether the parts can add up to the total, every figure taken within its printed precision. */
const sumFits = (total: Claim, parts: Claim[]) => meets(total, sumRange(parts));
const signed = (c: Claim) => (c.sign === 0 ? new Decimal(0) : c.value.times(c.sign ?? 1));

interface Part {
  amount?: Claim;
  delta?: Claim;
  /** Its changes against other bases, stated beside the first ("较上年减少…万元，较年初预算数减少…万元"). */
  alt?: Claim[];
  rate?: Claim;
  share?: Claim;
  /** Its prior-year figure, stated ("较上年的12.39万元") or known from its own parts' (车 from 购置 and 运行). */
  prior?: Claim;
  sub: Claim[];
}

export function checkArithmetic(text: string): TextFinding[] {
  return checkClaims(readClaims(text));
}

/** The arithmetic of a text read (its figures may have been narrowed first: table-checks.ts refineClaims). */
export function checkClaims({ paras, claims, unread = [] }: ClaimsRead): TextFinding[] {
  const out: TextFinding[] = [];
  /** Whether a figure that could not be read stands between these two. */
  const holeBetween = (a: Claim, b: Claim) =>
    unread.some((u) => (u.para > a.para || (u.para === a.para && u.at > a.at)) && (u.para < b.para || (u.para === b.para && u.at < b.at)));
  const sentenceOf = (c: Claim) => paras[c.para].sentences[c.sentence].text.trim();
  const report = (rule: string, c: Claim, message: string) => {
    if (!out.some((f) => f.rule === rule && f.stated === c.text && f.sentence === sentenceOf(c)))
      out.push({ rule, severity: 'error', message, sentence: sentenceOf(c), stated: c.text });
  };

  // Zero changes ("较上年无增减", "与2022年持平") as claims of their own, after the amount they speak of.
  const zeroes: Claim[] = [];
  paras.forEach((p, pi) =>
    p.sentences.forEach((s, si) => {
      for (const m of s.text.matchAll(new RegExp(FLAT.source, 'g'))) {
        // "与上年持平，无增减变化": one statement said twice.
        const prev = zeroes[zeroes.length - 1];
        if (prev && prev.para === pi && prev.sentence === si && /^[，,、\s]*$/.test(p.text.slice(prev.end, s.at + m.index!))) continue;
        if (COMPARE.test(s.text.slice(Math.max(0, m.index! - 16), m.index!)))
          zeroes.push({
            kind: 'delta',
            value: new Decimal(0),
            half: new Decimal(0),
            sign: 0,
            text: m[0],
            label: '',
            context: s.text.slice(0, m.index!),
            para: pi,
            sentence: si,
            at: s.at + m.index!,
            end: s.at + m.index! + m[0].length,
            ...withBase(clauseBefore(s.text, m.index!)),
          });
      }
    }),
  );
  const all = [...claims, ...zeroes].sort((a, b) => a.para - b.para || a.at - b.at);
  /** Shares already checked against the total of their list. */
  const inLists = new Set<Claim>();
  const partOfList = new Set<Claim>();
  /** Changes of a total against its second base, checked with that total: no totals of their own. */
  const secondBase = new Set<Claim>();

  // A change and its rate: the rate follows the change in the same sentence, before the next amount.
  let lastBase: Claim | undefined;
  /** The rates read, by the amount and change they are of. */
  const rated = new Map<string, Claim>();
  for (let i = 0; i < all.length; i++) {
    const d = all[i];
    if (d.kind !== 'delta' || d.sign === 0) continue;
    const k = d.run?.index ?? 0;
    const firstAfter = all
      .slice(i + 1)
      .find(
        (c) =>
          c.para === d.para &&
          c.sentence === d.sentence &&
          (c.kind === 'rate' || c.kind === 'amount' || (c.kind === 'delta' && c.run?.first !== (d.run?.first ?? d))),
      );
    // In runs ("各减少a,b万元,各下降x%、y%") the k-th change goes with the k-th rate and the k-th amount.
    // ("完成1867亿元,同比增长20%,增收310亿元": the rate may come first, right after the amount, or after its share of
    // the budget: "完成28,583万元,占调整预算105.47%,同比增长10.85%,增收2,798万元".)
    const just = all[i - 1];
    let back = i - 2;
    // (Past its completion of a budget and the budget named in it, and an 超收 against that budget: "…收入46900万元,完成预算
    // 46508万元的100.8%,超收392万元,同比增长6.8%,增收3003万元".)
    const aside = (c: Claim) =>
      ['share', 'completion', 'percent'].includes(c.kind) ||
      (c.kind === 'delta' && c.base === 'budget' && /超收|超支|短收/.test(c.label)) ||
      (c.kind === 'amount' && /^(占|完成)[^，,；;。]{0,12}(预算|计划)/.test(c.label));
    while (back >= 0 && aside(all[back]) && all[back].para === d.para && all[back].sentence === d.sentence) back--;
    const rateFirst =
      (!firstAfter || firstAfter.kind !== 'rate') &&
      just?.kind === 'rate' &&
      just.para === d.para &&
      just.sentence === d.sentence &&
      just.sign === d.sign &&
      // (Or the prior it is compared with: "…,较上年同期110374万元下降9.5%,减收10479万元".)
      (all[back]?.kind === 'amount' || all[back]?.kind === 'prior') &&
      all[back].para === d.para &&
      all[back].sentence === d.sentence &&
      !/其中|包括/.test(paras[d.para].text.slice(just.end, d.at)) &&
      !d.run
        ? just
        : undefined;
    const rate =
      rateFirst ?? (firstAfter?.kind !== 'rate' ? undefined : k === 0 ? firstAfter : all.find((c) => c.run?.first === firstAfter && c.run.index === k));
    if (firstAfter?.kind === 'rate' && !rate) continue;
    // An adjustment ("调减16000万元") is against the budget before it; a rate after it in other words ("下降9.7%"),
    // against last year.
    if (rate && /调[增减]$/.test(d.context.trim()) && !/调/.test(clauseBefore(rate.context, rate.context.length))) continue;
    if (rate && rate.sign !== undefined && rate.sign !== d.sign && !rate.value.isZero()) {
      report(
        'text.direction',
        rate,
        `同一项先说${d.sign! < 0 ? '减少' : '增加'} ${d.text}，又说${rate.sign! < 0 ? '下降' : '增长'} ${rate.text}：增减方向前后矛盾`,
      );
      continue;
    }
    // Nothing changed is no change at any rate ("减少0.00元,下降0.01%").
    if (rate && d.value.isZero() && d.half.isZero() && !rate.value.isZero()) {
      report('text.rate', rate, `增减额为 ${d.text}，增减幅度应为 0%，文中写 ${rate.text}`);
      continue;
    }
    // The prior: stated ("较上年的12.39万元减少…") or the current amount ∓ the change.
    // The amount it is the change of: the nearest amount or prior figure before it in the sentence (a second
    // comparison in one sentence, "较年初预算数减少…，较上年支出数减少…", is of the same amount).
    // A change that names its own subject ("其中：基本支出减少171.36万元") is the change of the amount stated for
    // that subject ("“三公”经费预算总额为2.5万元…。“三公”经费预算数比上年减少1万元"), not of the amount before it.
    const words = d.run ? '' : subjectWords(d.label);
    const subject = words.length >= 2 ? words : '';
    const candidates = all
      .slice(0, i)
      .reverse()
      .filter(
        (c) =>
          (c.kind === 'amount' || c.kind === 'prior') &&
          (d.bracketed || !c.bracketed) &&
          c.para >= d.para - 3 &&
          (c.para < d.para || c.sentence <= d.sentence) &&
          // Not the whole of a percentage ("完成年初预算数60999万元的40.4%"), nor an amount said as a change
          // ("减少了“三公”经费342.74万元").
          !/^(占|完成(了)?(年初|全年|调整(后)?)?(预算|计划))/.test(c.label) &&
          !/^(减少|增加|增长|下降|降低|节约|节省|压减|压缩|调增|调减)了?(?!到|至|为)/.test(c.label) &&
          // (Nor a measure of progress, "占年初预算月进度的99.4%,月进度29万元,较上年同月减收300万元".)
          !/进度$/.test(c.label),
      );
    // Across sentences, the amount must be of the year the change is of (not the prior year's figure under a
    // "二、2021年…决算情况" heading).
    const yearOf = (c: Claim) => paras[c.para].year ?? sentenceYear(paras[c.para].sentences[c.sentence].text);
    const dYear = sentenceYear(paras[d.para].sentences[d.sentence].text) ?? sentenceYear(paras[d.para].text) ?? paras[d.para].year;
    // A sentence that only goes on comparing ("。较年初预算数减少6.3万元") speaks of the amount the sentence before
    // compared.
    const goesOn =
      !subject && /^((按)?(同|可比)口径)?(较|比|与|同比)/.test(d.context.trim()) && !candidates.some((c) => c.para === d.para && c.sentence === d.sentence);
    // A subject that names a 三公 item is that item's amount, not another's that shares words with it
    // ("“三公”经费…支出决算数比上年减少" is not "公务接待费支出决算为…").
    const subjectItem = subject ? threePublicItem(subject) : undefined;
    // ("收入总计3,084.82万元,支出总计3,084.82万元。收支较上年决算数减少701.01万元": 收支 is either total, where they are one.)
    const bothTotals = subject === '收支' ? candidates.filter((c) => c.kind === 'amount' && /(收入|支出)(总计|合计)/.test(c.label)).slice(0, 2) : [];
    const nearest = subject
      ? bothTotals.length === 2 && bothTotals[0].text === bothTotals[1].text
        ? bothTotals[0]
        : candidates.find(
            (c) =>
              c.kind === 'amount' &&
              (subjectItem ? itemOf(c) === subjectItem : sharesSubject(subject, c.label)) &&
              !(dYear && yearOf(c) && yearOf(c) !== dYear),
          )
      : goesOn && lastBase && lastBase.para === d.para && d.sentence - lastBase.sentence <= 2
        ? lastBase
        : goesOn
          ? // "1.上级补助收入8.38万元,为…收入。较2020年度决算数减少17.40万元": the amount the sentence before states; when
            // that sentence is a list ("…3328万元。其中,因公出国(境)费50万元,…。同口径比2018年减少830万元"), its total's.
            // (Of a sentence whose later amounts are what its first one holds, "总预算4,471.22万元,含…250万元,…537.31万元", the first.)
            heldIn(
              candidates.filter(
                // (Not a figure with no words of its own: "…,平均进度38.9个百分点,8378万元。较上年同期增2684万元".)
                (c) =>
                  c.para === d.para &&
                  c.sentence === d.sentence - (listSentence(d.para, d.sentence - 1) ? 2 : 1) &&
                  c.kind === 'amount' &&
                  !c.bracketed &&
                  !!c.label,
              ),
              paras,
            )
          : candidates.find((c) => (c.para === d.para && c.sentence === d.sentence) || (!!d.run && c.para === d.para));
    if (nearest && nearest.kind === 'amount') lastBase = nearest;
    const stated =
      d.run && nearest
        ? (all.find((c) => c.run?.first === (nearest.run?.first ?? nearest) && c.run.index === k) ??
          respectively(d, nearest) ??
          (k === 0 ? (nearest.run?.first ?? nearest) : undefined))
        : nearest;
    // "公务用车运行维护费支出决算比预算无增减变化,比去年增加1.05万元,增长35.8%" with the item's amount only stated later
    // ("(二)…公务用车运行支出3.98万元"): the item its sentence names, where the text states it next.
    const named = !stated && !d.run && d.base !== 'budget' ? itemNamedLast(d.context) : undefined;
    const ahead =
      named && named !== 'total'
        ? all.find(
            (c) =>
              c.kind === 'amount' && !c.bracketed && c.para > d.para && c.para <= d.para + 6 && itemOf(c) === named && !/预算/.test(c.label.replace(FUNDS, '')),
          )
        : undefined;
    if (!stated && !ahead) continue;
    if (!stated) {
      if (!rate || lo(ahead!).lte(0)) continue;
      const pr: [Decimal, Decimal] = d.sign! > 0 ? [lo(ahead!).minus(hi(d)), hi(ahead!).minus(lo(d))] : [lo(ahead!).plus(lo(d)), hi(ahead!).plus(hi(d))];
      if (pr[0].lte(0)) continue;
      if (hi(rate).lt(lo(d).div(pr[1]).times(100)) || lo(rate).gt(hi(d).div(pr[0]).times(100))) {
        const prior = ahead!.value.minus(signed(d));
        report(
          'text.rate',
          rate,
          `增减幅度应为 ${d.text} ÷ 上年（后文${ahead!.label} ${ahead!.text} ${d.sign! > 0 ? '−' : '+'} ${d.text} = ${show(prior, ahead!)}）≈ ${d.value.div(prior).times(100).toDecimalPlaces(2)}%，文中写 ${rate.text}`,
        );
      }
      continue;
    }
    // Two amounts for two years before the change ("公务接待费2016年预算8万元,2015年预算12.5万元;对比减少4.35万元"):
    // the change is between them, the earlier year's the base.
    const year = yearIn(stated.label);
    const later =
      stated.kind === 'amount' && year !== undefined
        ? all
            .slice(0, i)
            .reverse()
            .find((c) => c !== stated && c.kind === 'amount' && c.para === d.para && c.sentence === d.sentence && (yearIn(c.label) ?? 0) > year)
        : undefined;
    // "决算数为9663万元,预算数为13874万元,比年初预算数减少4211万元": against the budget, the budget stated is the base
    // and the 决算 before it the amount.
    const outturn =
      !later && stated.kind === 'amount' && d.base === 'budget' && /预算/.test(stated.label.replace(FUNDS, '')) && !/决算/.test(stated.label)
        ? all
            .slice(0, all.indexOf(stated))
            .reverse()
            .find((c) => c.para === d.para && c.sentence === d.sentence && c.kind === 'amount' && /决算|执行|实际/.test(c.label))
        : undefined;
    // "由397959万元调整为409959万元,调增12000万元": the figure it was, just before the one it became.
    const was =
      stated.kind === 'amount'
        ? all.find(
            (c) =>
              c.kind === 'prior' &&
              c.para === stated.para &&
              c.sentence === stated.sentence &&
              c.end <= stated.at &&
              /^\s*(调整|增加|减少|下降|上升|提高|降低|增长)(为|到|至)\s*$/.test(paras[c.para].text.slice(c.end, stated.at)),
          )
        : undefined;
    const current = later ?? outturn ?? (was ? stated : undefined);
    const before: Claim = was ?? (current ? { ...stated, kind: 'prior' } : stated);
    if (before.kind === 'prior') {
      // Amount, prior and change all stated: the change must be their difference, or the rate is not checked (the
      // wrong change is the finding: "4436.2万元，较上年1255.61万元增长3180.59万元").
      const amount =
        current ??
        all
          .slice(0, all.indexOf(stated))
          .reverse()
          // (In brackets, the amount in them: "(其中:购置费209万元,较上年251万元减少42万元…)".)
          // (Not the budget a percentage is of: "完成23992万元,占年度预算22443万元的106.9%,较上年21012万元,增收2980万元".)
          .find(
            (c) =>
              c.para === d.para &&
              c.sentence === d.sentence &&
              c.kind === 'amount' &&
              !!c.bracketed === !!stated.bracketed &&
              !/^(占|完成|为)[^，,；;。]{0,20}(预算|计划)(数)?$/.test(c.label),
          );
      if (amount) {
        const dLo = lo(amount).minus(hi(before));
        const dHi = hi(amount).minus(lo(before));
        const sLo = d.sign! > 0 ? lo(d) : hi(d).neg();
        const sHi = d.sign! > 0 ? hi(d) : lo(d).neg();
        if (sHi.lt(dLo) || sLo.gt(dHi)) {
          const diff = amount.value.minus(before.value);
          report(
            'text.delta',
            d,
            `${amount.text}较${d.base === 'budget' ? '年初预算' : '上年'} ${before.text} 应${diff.gte(0) ? '增加' : '减少'} ${show(diff.abs(), amount)}，文中写${d.sign! < 0 ? '减少' : '增加'} ${d.text}`,
          );
          continue;
        }
      }
    }
    if (!rate) continue;
    let pLo: Decimal;
    let pHi: Decimal;
    if (before.kind === 'prior') {
      pLo = lo(before);
      pHi = hi(before);
    } else {
      // prior = current − sign × change.
      pLo = d.sign! > 0 ? lo(before).minus(hi(d)) : lo(before).plus(lo(d));
      pHi = d.sign! > 0 ? hi(before).minus(lo(d)) : hi(before).plus(hi(d));
    }
    if (pLo.lte(0)) {
      // "较上年增加50万元，增长100%" where the amount is 50: from nothing, a rate says nothing.
      if (before.kind === 'amount' && d.sign! > 0 && pHi.gte(0) && rate.value.eq(100))
        out.push({
          rule: 'text.zero-base',
          severity: 'warning',
          message: `上年为 0（${before.text} − ${d.text}），从 0 增长不能用百分比表示，“增长${rate.text}”请改写`,
          sentence: sentenceOf(rate),
          stated: rate.text,
        });
      continue;
    }
    const rLo = lo(d).div(pHi).times(100);
    const rHi = hi(d).div(pLo).times(100);
    // One amount and one change printed alike give one rate ("…3.4万元,减少0.1万元,下降2.9%" for 车 and for 运行):
    // two rates of them printed to the same decimals must be the same.
    const key = `${before.kind}|${before.text}|${d.text}|${d.sign}|${d.base ?? ''}`;
    const twin = rated.get(key);
    if (twin && twin.half.eq(rate.half) && !twin.value.eq(rate.value)) {
      const exact = d.value.div(before.kind === 'prior' ? before.value : before.value.minus(signed(d))).times(100);
      const odd = twin.value.minus(exact).abs().gt(rate.value.minus(exact).abs()) ? twin : rate;
      report(
        'text.rate',
        odd,
        `同为 ${before.text}、${d.sign! < 0 ? '减少' : '增加'} ${d.text}，幅度一处写 ${twin.text}，一处写 ${rate.text}：应都约为 ${exact.toDecimalPlaces(2)}%`,
      );
    }
    if (!twin) rated.set(key, rate);
    if ((hi(rate).lt(rLo) || lo(rate).gt(rHi)) && !closesList(before, d, rate)) {
      const prior = before.kind === 'prior' ? before.value : before.value.minus(signed(d));
      const mid = d.value.div(prior).times(100);
      const what = d.base === 'budget' ? '年初预算' : '上年';
      const base =
        before.kind === 'prior' ? `${what} ${before.text}` : `${what}（${before.text} ${d.sign! > 0 ? '−' : '+'} ${d.text} = ${show(prior, before)}）`;
      report(
        'text.rate',
        rate,
        `增减幅度应为 ${d.text} ÷ ${base} ≈ ${mid.toDecimalPlaces(2)}%，文中写 ${rate.text}${truncated(mid, rate) ? '（像是截断而不是四舍五入）' : ''}`,
      );
    }
  }

  /** Whether a sentence is a list of parts (其中 … and two amounts or more). */
  function listSentence(para: number, sentence: number): boolean {
    const text = paras[para].sentences[sentence]?.text ?? '';
    return TRIGGER_LEAD.test(text) && all.filter((c) => c.para === para && c.sentence === sentence && c.kind === 'amount').length >= 2;
  }

  /**
   * "购置费0.14亿元和运行费1.27亿元，与2015年相比，分别减少0.18亿元和0.56亿元": a run of changes after 分别 goes with
   * the amounts before it, one by one, when there are as many.
   */
  function respectively(d: Claim, nearest: Claim): Claim | undefined {
    const first = d.run!.first;
    if (nearest.run || !/分别[^，,；;。]*$/.test(first.context)) return undefined;
    const n = all.filter((c) => c.run?.first === first).length;
    const amounts = all.filter((c) => c.para === first.para && c.sentence === first.sentence && c.kind === 'amount' && c.at < first.at);
    return amounts.length >= n ? amounts.slice(-n)[d.run!.index] : undefined;
  }

  /**
   * A change with no subject of its own right after the last part of a list ("总预算…元，其中：基本支出…元，项目支出…
   * 元，同比增加…元，增长…%") may close the list with the total's change: wrong only when it fits neither.
   */
  function closesList(part: Claim, d: Claim, rate: Claim): boolean {
    if (part.kind !== 'amount' || subjectWords(d.label).length >= 2) return false;
    const s = paras[part.para].sentences[part.sentence];
    const head = paras[part.para].text.slice(s.at, part.at);
    const t = TRIGGER.exec(head);
    if (!t) return false;
    const total = all.filter((c) => c.para === part.para && c.sentence === part.sentence && c.kind === 'amount' && c.at < s.at + t.index).pop();
    if (!total || total.bracketed) return false;
    // Where the total or another part states a change of its own, each change is its part's.
    if (all.some((c) => c.para === part.para && c.sentence === part.sentence && c.kind === 'delta' && c.at > total.at && c.at < part.at)) return false;
    const tLo = d.sign! > 0 ? lo(total).minus(hi(d)) : lo(total).plus(lo(d));
    const tHi = d.sign! > 0 ? hi(total).minus(lo(d)) : hi(total).plus(hi(d));
    if (tLo.lte(0)) return false;
    return !(hi(rate).lt(lo(d).div(tHi).times(100)) || lo(rate).gt(hi(d).div(tLo).times(100)));
  }

  checkRatesOfTwoAmounts(all, paras, report);

  // "公务用车购置及运行费1205.06万元(较2010年压缩2%)": a 三公 item's rate against the year its clause names, whose
  // amount of the item the text stated before ("2010年…预算中,…公务用车购置及运行费1229.65万元").
  for (let i = 1; i < all.length; i++) {
    const r = all[i];
    const a = all[i - 1];
    if (r.kind !== 'rate' || !r.sign || a.kind !== 'amount' || a.para !== r.para || a.sentence !== r.sentence) continue;
    const base = /(较|比|与)\s*((?:19|20)\d{2})\s*年度?[^，,；;。\d]*$/.exec(
      clauseBefore(paras[r.para].sentences[r.sentence].text, r.at - paras[r.para].sentences[r.sentence].at),
    );
    const item = itemOf(a);
    if (!base || !item || keyYear(a) === Number(base[2])) continue;
    const priors = all.slice(0, i - 1).filter((p) => p.kind === 'amount' && itemOf(p) === item && keyYear(p) === Number(base[2]));
    if (priors.length !== 1 || lo(priors[0]).lte(0)) continue;
    const prior = priors[0];
    const range = [lo(a).div(hi(prior)).minus(1).times(100), hi(a).div(lo(prior)).minus(1).times(100)];
    const said = [r.sign < 0 ? hi(r).neg() : lo(r), r.sign < 0 ? lo(r).neg() : hi(r)];
    if (said[1].lt(range[0]) || said[0].gt(range[1])) {
      const exact = a.value.div(prior.value).minus(1).times(100);
      report(
        'text.rate',
        r,
        `${base[2]}年${ITEM_NAMES[item]} ${prior.text}到 ${a.text}，幅度应为 ≈ ${exact.abs().toDecimalPlaces(2)}%（${exact.lt(0) ? '减少' : '增加'}），文中写${r.sign < 0 ? '减少' : '增加'} ${r.text}`,
      );
    }
  }

  // Lists: a total, then 其中 / 包括 / 分别为 and its parts, over 。 and ；, and over the numbered items under it.
  for (let i = 0; i < all.length; i++) {
    const total = all[i];
    if ((total.kind !== 'amount' && total.kind !== 'delta') || explained(paras, total) || secondBase.has(total)) continue;
    // The whole a percentage is of ("完成预算27万元的…", "占…总额114.72亿元的…") is no list's total.
    if (/^(占|完成(了)?(年初|全年|调整(后)?)?(预算|计划))/.test(total.label)) continue;
    const p = paras[total.para];
    // The total's own change, rate, share or prior may stand between it and the list ("…万元,比上年减少0.50万元。其中:").
    let j = i + 1;
    let last = total;
    let totalDelta: Claim | undefined = total.kind === 'delta' ? total : undefined;
    let totalRate: Claim | undefined;
    let totalPrior: Claim | undefined;
    /** The total's changes against other bases ("较上年减少…万元，…，较年初预算数减少…万元"). */
    const totalAlt: Claim[] = [];
    let listFrom: number | undefined;
    let enumerated = false;
    for (;;) {
      const next = all[j];
      const end = next && next.para === total.para ? next.at : p.text.length;
      const gap = p.text.slice(last.end, end);
      // A change broken down after 主要是 ("支出较去年增加105.77万元,主要是基本支出增加…，项目支出增加…"): read as a
      // list, and held to its total only where the parts make the whole (checkList).
      const found = TRIGGER.exec(gap);
      // ("占全国财政支出和GDP的比重分别为10.0%和3.3%": the 分别 of a run of shares, no list.)
      const trig = found && /^分别/.test(found[1]) && /占|比重|比例/.test(gap.slice(0, found.index)) ? null : found;
      const t = trig ?? (totalDelta && last === totalDelta ? /(主要是|其中)[:：]?/.exec(gap) : null);
      // The list is the total's when its word follows the total in its sentence, or starts the next sentence.
      const between = t ? gap.slice(0, t.index) : '';
      // "…。主要变动原因如下：" leads into the items of the changes just stated; "…。收入包括：" starts another subject.
      const own =
        t &&
        (!/[。；;]/.test(between) ||
          /[。；;]\s*$/.test(between) ||
          (/如下/.test(t[1]) && !/\d/.test(between)) ||
          // "收支总预算…元。收入包括:…": the income of a 收支 total.
          (/收支/.test(total.label) && /[。；;]\s*收入$/.test(between)));
      // Sentences that only give the reasons ("…减少…万元。主要是严格落实…。其中:") do not part the list from it.
      // (So does a clause of reasons after the total's change, closing its sentence: "…增长40.48%,主要原因是…支出增加。其中:".)
      const reasons = reasonsOnly(between) || (/^[，,]\s*(主要原因|原因是|主要是)[^。；;\d]*[。；;]\s*$/.test(between) && !!totalDelta);
      // A figure in brackets ("919万元(其中一般公共预算经费拨款841万元)。其中:…") heads no list after they close.
      // Nor does the last part of a list, ending its sentence before "具体情况如下:" (what follows details every part): the
      // total before "…。如下" is the first amount of its sentence.
      const closed =
        (!!total.bracketed && /[)）]/.test(p.text.slice(total.end, last.end) + between)) ||
        ((partOfList.has(total) || all.some((c) => c.kind === 'amount' && c.para === total.para && c.sentence === total.sentence && c.at < total.at)) &&
          /如下/.test(t?.[1] ?? '') &&
          /[。；;]/.test(between));
      if (
        t &&
        own &&
        !closed &&
        (t.index <= 24 || reasons) &&
        !/\d/.test(between.replace(/\d+\s*(年|个|次|项|批|人次)/g, '')) &&
        (!explains(between) || /主要是/.test(t[1]) || reasons)
      ) {
        listFrom = last.end + t.index + t[0].length;
        // "收入包括:…、…;": an enumeration after 包括 and a colon (not 主要包括, not ending in 等) names every part.
        // So does "分别是" after a total ("调增84000万元,分别是一般性转移支付收入调增55610万元、专项…").
        // So does "…如下:" before numbered items, each a line of its own ("具体安排情况如下:" then "(一)基本支出:", "(二)项目支出:"),
        // where it does not say they are the main ones (主要…如下).
        enumerated =
          (t[1] === '包括' && /[:：]$/.test(t[0]) && !/主要$/.test(gap.slice(0, t.index))) ||
          /^分别(是|为)$/.test(t[1]) ||
          (/如下/.test(t[1]) &&
            !/主要|重点|部分/.test(p.text.slice(0, last.end + t.index)) &&
            /^\s*$/.test(p.text.slice(last.end + t.index + t[0].length)) &&
            !!paras[total.para + 1]?.level);
        break;
      }
      const anotherBase = next?.kind === 'delta' && !!totalDelta && [totalDelta, ...totalAlt].every((x) => otherBase(x, next));
      if (!next || next.para !== total.para || (next.kind === 'delta' && totalDelta && !anotherBase) || explains(gap)) break;
      // Amounts in an explanation between the total and a sentence-initial 其中 ("原因是:…7000万元。其中:…").
      if (next.kind === 'amount' && !explained(paras, next)) break;
      if (anotherBase) {
        totalAlt.push(next);
        secondBase.add(next);
      } else if (next.kind === 'delta') totalDelta = next;
      if (next.kind === 'rate' && !totalRate) totalRate = next;
      if (next.kind === 'prior' && !totalPrior) totalPrior = next;
      last = next;
      j++;
    }
    // A numbered line whose total ends it, the lines after it numbered deeper and each with its amount ("1.全镇一般公共预算
    // 总收入完成19559.87万元,占年初预算的94.59%。" then "(1)上级补助收入及镇级非税收入18754.82万元;", "(2)上年结转收入
    // 805.05万元;"): its items, every one.
    if (listFrom === undefined && !total.bracketed && p.level && (!all[j] || all[j].para !== total.para)) {
      const below = paras[total.para + 1];
      if (below && below.level > p.level && all.some((c) => c.para === total.para + 1 && c.kind === 'amount' && c.sentence === 0)) {
        listFrom = p.text.length;
        enumerated = true;
      }
    }
    if (listFrom === undefined) continue;
    const starts = [{ from: listFrom, enumerated }];
    // A list in brackets right after the total ("62339万元(其中旗本级…,工业园区…)"), then, after the total's change,
    // one of its own ("。其中:税收收入…,非税收入…"): both are the total's.
    const close = closingBracket(p.text, listFrom);
    const rest = close === undefined ? [] : all.filter((c) => c.para === total.para && c.at > close);
    const k2 = rest.findIndex((c) => c.kind === 'amount');
    if (close !== undefined && k2 >= 0 && rest.slice(0, k2).every((c) => c.kind === 'delta' || c.kind === 'rate')) {
      const m2 = /[。；;，,]\s*其中[:：]?(?=[^，,；;。\d]*$)/.exec(p.text.slice(close, rest[k2].at));
      if (m2) starts.push({ from: close + m2.index + m2[0].length, enumerated: false });
    }
    for (const st of starts) {
      // A part of a list already read has its own list within its sentence ("财政拨款收入751.8万元，包括…；").
      const parts = scoped(total, listParts(all, paras, total.para, st.from, partOfList.has(total) && itemOf(total) !== 'vehicle'));
      if (!parts) continue;
      // A 三公 list cut short: an item it leaves out is stated after it ("其中,因公出国…。" "公务用车…。其中…" "公务接待费…"),
      // so it does not make the whole (the tree below takes the items wherever they stand).
      if ((itemOf(total) ?? (total.kind === 'delta' ? threePublicItem(total.context) : undefined)) === 'total') {
        const named = new Set(parts.map((x) => threePublicItem((x.amount ?? x.delta)!.label)));
        const later = all.filter((c) => c.kind === 'amount' && (c.para > total.para || (c.para === total.para && c.at > total.at)) && c.para <= total.para + 6);
        const left = (['abroad', 'vehicle', 'reception'] as Item[]).filter(
          (it) => !named.has(it) && !(it === 'vehicle' && named.has('purchase') && named.has('operation')),
        );
        if (left.some((it) => later.some((c) => itemOf(c) === it && !parts.some((x) => x.amount === c)))) continue;
      }
      const lastPart = parts[parts.length - 1];
      // A figure in the list that could not be read: the list is not known whole.
      const ends = parts.flatMap((x) => [x.amount, x.delta, x.rate, x.share, ...x.sub]).filter((c): c is Claim => !!c);
      if (ends.some((c) => holeBetween(total, c))) continue;
      const endsInDeng = !!lastPart.amount && /^\s*等/.test(paras[lastPart.amount.para].text.slice(lastPart.amount.end));
      checkList(total, totalDelta, parts, report, paras, st.enumerated && !endsInDeng);
      for (const d of totalAlt) checkChanges(total, d, parts, report, true);
      if (total.kind === 'amount') checkPriors(total, { delta: totalDelta, rate: totalRate, prior: totalPrior }, parts, report);
      checkPartPriors(total, { delta: totalDelta, rate: totalRate, prior: totalPrior }, parts, report);
      for (const x of parts) {
        if (x.share) inLists.add(x.share);
        for (const c of [x.amount, x.delta, ...(x.alt ?? []), ...x.sub]) if (c) partOfList.add(c);
      }
    }
  }

  // The 三公 tree wherever its items stand: a 三公 total, then the first amount of each item after it (in its
  // paragraph or the next five that state figures, before another 三公 total of its stage): 合计 = 出国 + 车 + 接待,
  // 车 = 购置 + 运行.
  const figured = [...new Set(all.map((c) => c.para))];
  /** How many paragraphs that state figures lie after paragraph `a`, up to and with paragraph `b`. */
  const figuredBetween = (a: number, b: number) => figured.filter((q) => q > a && q <= b).length;
  const s: Scope = { all, paras, report, out, sentenceOf, partOfList, figuredBetween };
  const nil = zeroItems(paras);
  const noneOf = new Map(nil.map((z) => [z.claim, z.item]));
  /** The 车 items whose 购置 and 运行 a tree has taken. */
  const carsDone = new Set<Claim>();
  for (const t of all) {
    if (t.kind !== 'amount' || t.bracketed || itemOf(t) !== 'total' || explained(paras, t)) continue;
    const stage = /决算/.test(t.label) ? '决算' : /预算/.test(t.label) ? '预算' : '';
    // In a text that states both stages (a 决算 说明 with its 预算数), an item must say which it is.
    const other = stage === '预算' ? /决算/ : /预算/;
    const strict = !!stage && all.some((c) => c.kind === 'amount' && other.test(c.label) && !!itemOf(c));
    const items = new Map<Item, Claim>();
    const tYear = keyYear(t);
    /** Where the tree's items end: the figure that ended it, if one did. */
    let stop: Claim | undefined;
    for (const c of all) {
      if (!after(c, t)) continue;
      // A figure whose own words name another year ("2015年三公经费预算拨入…", "2010年…预算中，因公出国…") is of
      // another tree.
      const cYear = c.kind === 'amount' ? keyYear(c) : undefined;
      if (tYear && cYear && cYear !== tYear) continue;
      if (
        figuredBetween(t.para, c.para) > 5 ||
        (c.para > t.para && paras[c.para].level && paras[c.para].level <= 2 && paras[c.para].level <= paras[t.para].under)
      ) {
        stop = c;
        break;
      }
      if (c.kind !== 'amount') continue;
      const it = itemOf(c);
      // The total of the other stage ("预算数为…万元,决算支出数为…万元") stands among this one's items.
      // So does the next figure of a run ("预算数…万元、决算数…万元").
      if (it === 'total' && c.run?.index) continue;
      if (it === 'total' && !(strict && other.test(c.label) && !new RegExp(stage).test(c.label))) {
        stop = c;
        break;
      }
      if (!it || it === 'total' || explained(paras, c)) continue;
      if ((stage === '决算' && /预算/.test(c.label) && !/决算/.test(c.label)) || (stage === '预算' && /决算/.test(c.label))) continue;
      // (An item that names no stage but is compared with the 年初预算 is the 决算's: "因公出国(境)经费326万元,比年初预算数减少84万元".)
      if (strict && !new RegExp(stage).test(c.label) && !(stage === '决算' && followers(all, c).delta?.base === 'budget')) continue;
      // An item stated as spent, then with its 年初预算 ("接待费支出2.05万元,年初预算为2万元"): the tree of a stage
      // takes the figure that names it.
      const had = items.get(it);
      if (had && !(stage && !new RegExp(stage).test(had.label) && new RegExp(stage).test(c.label) && c.para === had.para && c.sentence === had.sentence))
        continue;
      items.set(it, c);
    }
    // An item said to have none ("因公出国(境)费用不安排", "未安排出国(境)经费") is 0, where no figure states it.
    const lastPara = stop ? stop.para : Math.max(...all.map((c) => c.para));
    const sectionEnds = (q: number) => paras.slice(t.para + 1, q + 1).some((p) => p.level && p.level <= 2 && p.level <= paras[t.para].under);
    for (const z of nil)
      if (
        !items.has(z.item) &&
        after(z.claim, t) &&
        (stop ? after(stop, z.claim) : z.claim.para <= lastPara) &&
        figuredBetween(t.para, z.claim.para) <= 5 &&
        !sectionEnds(z.claim.para)
      )
        items.set(z.item, z.claim);
    // An item whose figure could not be read leaves the tree unknown.
    if ([...items.values()].some((c) => holeBetween(t, c))) continue;
    if (stage === '决算') checkItemBudgets(s, t, items);
    const abroad = items.get('abroad');
    const reception = items.get('reception');
    let vehicle = items.get('vehicle');
    const purchase = items.get('purchase');
    const operation = items.get('operation');
    // Items of the total's year, each naming it, but not all of them ("其中:1、公务接待费2016年预算8万元…2、公务车辆
    // 运行2016年预算25万元"): together they cannot be more than their total.
    const tops = [abroad, vehicle ?? purchase, vehicle ? undefined : operation, reception].filter((c): c is Claim => !!c);
    if (tYear && !(abroad && reception && (vehicle || (purchase && operation))) && tops.length >= 2 && tops.every((c) => keyYear(c) === tYear)) {
      const [sLo] = sumRange(tops);
      if (sLo.gt(hi(t)))
        report(
          'text.sum',
          t,
          `“三公”经费写为 ${t.text}，但其下所列 ${tops.map((c) => `${ITEM_NAMES[itemOf(c)!]} ${c.text}`).join(' + ')} = ${show(sumOf(tops), t)}，已超过合计`,
        );
    }
    // Each item's share of the total ("公务接待费支出决算6.28万元,占34.88%"), where no list has checked it.
    for (const c of items.values()) {
      const next = all.find((x) => x.para === c.para && x.sentence === c.sentence && x.at > c.at);
      if (!next || next.kind !== 'share' || inLists.has(next) || (next.of && !/三公|合计|总额|总数/.test(next.of)) || lo(t).lte(0)) continue;
      if (hi(next).lt(lo(c).div(hi(t)).times(100)) || lo(next).gt(hi(c).div(lo(t)).times(100)))
        report(
          'text.share',
          next,
          `“${c.label}”${c.text}占“三公”经费 ${t.text}的比例应为 ≈ ${c.value.div(t.value).times(100).toDecimalPlaces(2)}%，文中写 ${next.text}`,
        );
    }
    // An item's change may come where the text states the item again ("（一）因公出国(境)费预算1.7万元，…同比下降86%").
    const changeOf = (c: Claim) => {
      const own = followers(all, c);
      if (own.delta || own.rate || own.prior) return own;
      const again = all.find((x) => x.kind === 'amount' && x.at !== c.at && after(x, c) && x.value.eq(c.value) && itemOf(x) === itemOf(c));
      if (again) return followers(all, again);
      // A paragraph that only goes on comparing, right after the item's ("…11680人次。" then "与2016年相比,公务接待费
      // 支出增加1.36万元,增长0.62%", a wrap after its full stop).
      const next = paras[c.para + 1];
      if (!next || next.level || !/^\s*(与|较|比|同比)/.test(next.text) || all.some((x) => x.para === c.para && x.at > c.at && x.kind === 'amount')) return own;
      const first = all.filter((x) => x.para === c.para + 1 && x.sentence === 0);
      if (first.some((x) => x.kind === 'amount' || x.kind === 'prior') || (first[0]?.kind !== 'delta' && first[0]?.kind !== 'rate')) return own;
      const named = itemNamedLast(first[0].context);
      if (named && named !== itemOf(c)) return own;
      return { delta: first.find((x) => x.kind === 'delta'), rate: first.find((x) => x.kind === 'rate') };
    };
    // 车 = 购置 + 运行 first: a 车 figure misprinted is read as meant in the tree above it.
    if (vehicle && purchase && operation && after(purchase, vehicle) && after(operation, vehicle)) {
      carsDone.add(vehicle);
      const vParts = [purchase, operation];
      // Other amounts listed under 车 beside 购置 and 运行 ("其他交通工具购置144万元,其他交通费用2846万元"): 购置 + 运行
      // are then no more than it.
      const v = vehicle;
      const others = all.some(
        (c) =>
          c.kind === 'amount' &&
          c.para === v.para &&
          c.sentence === v.sentence &&
          c.at > v.at &&
          c !== purchase &&
          c !== operation &&
          !!c.bracketed &&
          !itemOf(c) &&
          // (Nor is the share of one fund, "(其中一般公共预算经费拨款570万元)", another part.)
          !FUND.test(c.label),
      );
      const [vLo] = sumRange(vParts);
      if (others ? vLo.gt(hi(vehicle)) : !sumFits(vehicle, vParts)) {
        const meant = thousandsSlip(vehicle, (v) => sumFits(v, vParts));
        report(
          'text.sum',
          vehicle,
          `公务用车购置及运行费写为 ${vehicle.text}，但购置费 ${purchase.text} + 运行维护费 ${operation.text} = ${show(sumOf(vParts), vehicle)}${meant ? slipNote(meant) : ''}`,
        );
        if (meant) vehicle = meant;
      }
      const vParts2: Part[] = vParts.map((c) => ({ amount: c, sub: [], ...changeOf(c) }));
      const vf = changeOf(vehicle);
      checkPriors(vehicle, vf, vParts2, report);
      if (vf.delta) checkChanges(vehicle, vf.delta, vParts2, report);
    }
    // 车 as one item, as 购置 + 运行, or as the one of them a text names (no 购置 planned: "公务用车运行维护费14.01万元").
    const one = purchase ?? operation;
    const car = vehicle
      ? [vehicle]
      : purchase && operation
        ? [purchase, operation]
        : one && [abroad, reception, one].every((c) => c?.para === t.para)
          ? [one]
          : undefined;
    if (abroad && reception && car) {
      // Other costs listed with the items as the 三公 total's ("其中:因公出国(境)费…、公务接待费…、会议费34.10万元、培训费
      // 51.37万元"): the total is held to what its list names, and the 口径 is a warning.
      const others = all.filter(
        (c) => c.kind === 'amount' && c.para === t.para && c.sentence === t.sentence && c.at > t.at && !itemOf(c) && /^(会议费|培训费)/.test(c.label),
      );
      if (others.length)
        out.push({
          rule: 'text.scope',
          severity: 'warning',
          message: `“三公”经费只含因公出国（境）费、公务用车购置及运行费、公务接待费，文中写的合计 ${t.text}还含${others.map((c) => `${c.label} ${c.text}`).join('、')}：三项合计应为 ${show(sumOf([abroad, ...car, reception]), t)}`,
          sentence: sentenceOf(t),
          stated: t.text,
        });
      const items = [abroad, ...car, reception, ...others];
      if (!sumFits(t, items)) {
        const slip = slipIn(t, items);
        report(
          'text.sum',
          slip?.printed ?? t,
          `“三公”经费写为 ${t.text}，但因公出国（境）费 ${abroad.text} + 公务用车 ${car.map((c) => c.text).join(' + ')} + 公务接待费 ${reception.text}${others.map((c) => ` + ${c.label} ${c.text}`).join('')} = ${show(sumOf(items), t)}${slip ? `；${slip.printed.text}${slipNote(slip.meant)}` : ''}`,
        );
      }
      // The same for one fund, where each figure gives its share in brackets ("919万元(其中一般公共预算经费拨款841万元)").
      const fundOf = (c: Claim) =>
        all.find((x) => x.bracketed && x.kind === 'amount' && x.para === c.para && x.sentence === c.sentence && x.at > c.at && FUND.test(x.label));
      const tFund = fundOf(t);
      const funds = items.map((c) => (c.value.isZero() && c.half.isZero() ? c : fundOf(c)));
      const fundName = (c: Claim | undefined) => (c ? FUND.exec(c.label)?.[0] : undefined);
      if (tFund && funds.every((f): f is Claim => !!f && (f.value.isZero() || fundName(f) === fundName(tFund))) && !sumFits(tFund, funds))
        report(
          'text.sum',
          tFund,
          `“三公”经费中${fundName(tFund)} ${tFund.text}，但各项的${fundName(tFund)} ${funds.map((c) => c.text).join(' + ')} = ${show(sumOf(funds), tFund)}`,
        );
      const parts: Part[] = items.map((c) => ({ amount: c, sub: [], ...changeOf(c) }));
      const tf = followers(all, t);
      // 车 with no change of its own: its prior is its 购置's and its 运行's ("公车购置费384万元,同比增长100%;公车运行维护费
      // 1118万元,同比下降0.8%").
      const carPart = parts.find((x) => x.amount === vehicle);
      const subs = purchase && operation ? [purchase, operation].map((c) => ({ c, f: changeOf(c) })) : [];
      if (carPart && vehicle && !carPart.delta && !carPart.rate && !carPart.prior && subs.length) {
        const ps = subs.map((x) => priorOf(x.c, x.f));
        if (ps.every((x) => !!x)) carPart.prior = asPrior(vehicle, [ps[0]![0].plus(ps[1]![0]), ps[0]![1].plus(ps[1]![1])]);
        // …and its change theirs together ("公务用车购置费…减少79.4万元", "公务用车运行费…减少596.98万元").
        const ds = subs.map((x) => x.f.delta);
        if (ds.every((d) => d && d.sign !== undefined && (!tf.delta || !otherBase(d, tf.delta)))) {
          const v = ds.reduce((a, d) => a.plus(signed(d!)), new Decimal(0));
          carPart.delta = {
            ...ds[0]!,
            kind: 'delta',
            value: v.abs(),
            half: ds.reduce((a, d) => a.plus(d!.half), new Decimal(0)),
            sign: v.isZero() ? 0 : v.gt(0) ? 1 : -1,
            text: show(v.abs(), ds[0]!),
            label: vehicle.label,
          };
        }
      }
      const found: [string, Claim, string][] = [];
      checkPriors(t, tf, parts, (...f) => found.push(f));
      // A part "增长100%" where the others and the total leave it nothing a year before: from 0, which a rate cannot say.
      const hundred = [...parts.map((x) => ({ c: x.amount!, f: { delta: x.delta, rate: x.rate, prior: x.prior } })), ...subs].find(
        (x) => x.f.rate?.sign === 1 && x.f.rate.value.eq(100) && !x.f.delta,
      );
      let zeroBase = false;
      if (found.length && hundred) {
        const fromNothing = asPrior(hundred.c, [new Decimal(0), hi(hundred.c).div(2)]);
        const again = parts.map((x) =>
          x.amount === hundred.c
            ? { ...x, rate: undefined, prior: fromNothing }
            : x === carPart && subs.some((y) => y.c === hundred.c)
              ? (() => {
                  const other = subs.find((y) => y.c !== hundred.c)!;
                  const op = priorOf(other.c, other.f);
                  return op ? { ...x, prior: asPrior(vehicle!, [op[0], op[1].plus(hi(hundred.c).div(2))]) } : x;
                })()
              : x,
        );
        const second: unknown[] = [];
        checkPriors(t, tf, again, (...f) => second.push(f));
        if (!second.length) {
          zeroBase = true;
          out.push({
            rule: 'text.zero-base',
            severity: 'warning',
            message: `“${hundred.c.label}”${hundred.c.text}增长${hundred.f.rate!.text}：按总额与其他各项的增减推算，上年约为 0，从 0 增长不能用百分比表示，请改写（若上年确有此项，则总额的增减幅度不对）`,
            sentence: sentenceOf(hundred.f.rate!),
            stated: hundred.f.rate!.text,
          });
        }
      }
      if (!zeroBase) for (const f of found) report(...f);
      // The items' changes add up to the total's (a list after 其中 does this where it is read as one).
      if (tf.delta && !partOfList.has(tf.delta)) checkChanges(t, tf.delta, parts, report);
    }
  }

  checkCarSections(s, nil, noneOf, carsDone);

  checkRevenue(s);

  checkAddedOn(s);
  checkMadeOf(s);
  checkLevels(s);
  checkByUnitKind(s);
  checkBalanceSheet(s);
  checkHeadcount(s);
  checkChangeOfYears(s);
  checkPartsBeforeWhole(s);
  checkTotalBudget(s);
  checkBudgetSides(s);
  checkPoints(s);
  checkFlatRows(s);
  checkBounds(s);

  // "…决算11.9万元，全部为公务用车运行维护费11.9万元": the one part is the whole.
  for (let i = 1; i < all.length; i++) {
    const [a, b] = [all[i - 1], all[i]];
    if (a.kind !== 'amount' || b.kind !== 'amount' || a.para !== b.para || a.sentence !== b.sentence) continue;
    if (!/^[，,]?\s*全部(为|是)[^，,。；;\d]*$/.test(paras[a.para].text.slice(a.end, b.at))) continue;
    if (hi(a).lt(lo(b)) || lo(a).gt(hi(b)))
      report('text.sum', b, `“${a.label}”${a.text}全部为“${b.label.replace(/^全部(为|是)/, '')}”，两数应相同，文中写 ${b.text}`);
  }

  // "公务接待费、因公出国(境)费用、公务用车购置费降幅均超过25%": each item's change, against its amount, must be.
  paras.forEach((p, pi) =>
    p.sentences.forEach((s, si) => {
      for (const m of s.text.matchAll(THRESHOLD)) {
        const down = /降|减/.test(m[2]);
        const bound = new Decimal(m[5]);
        const strict = /超过|高于|大于/.test(m[4]);
        for (const name of m[1].split(/[、和及与]/)) {
          const item = threePublicItem(name);
          if (!item) continue;
          for (const a of all.filter((c) => c.para === pi && c.kind === 'amount' && itemOf(c) === item)) {
            const d = followers(all, a).delta;
            if (!d || d.sign !== (down ? -1 : 1)) continue;
            // prior = amount ± change; the rate is change ÷ prior, at its largest within the printed figures.
            const prior = down ? lo(a).plus(hi(d)) : lo(a).minus(hi(d));
            if (prior.lte(0)) continue;
            const most = hi(d).div(prior).times(100);
            if (strict ? most.gt(bound) : most.gte(bound)) continue;
            const exact = d.value.div(down ? a.value.plus(d.value) : a.value.minus(d.value)).times(100);
            const said = all.find((c) => c.para === pi && c.sentence === si && c.at >= s.at + m.index! && c.text === `${m[5]}%`) ?? a;
            report(
              'text.rate',
              said,
              `文中说${m[1]}${m[2]}均${m[4]}${m[5]}%，但${a.label} ${a.text}${down ? '减少' : '增加'} ${d.text}，${m[2]}约 ${exact.toDecimalPlaces(3)}%，未${m[4]}${m[5]}%`,
            );
            break;
          }
        }
      }
    }),
  );

  checkNothing(s);

  // A part of a 其中 list is no more than all of it ("其中:财政拨款收入2828.33万元,占200.00%").
  for (const c of all)
    if (c.kind === 'share' && lo(c).gt(100) && /其中/.test(paras[c.para].sentences[c.sentence].text.slice(0, c.at - paras[c.para].sentences[c.sentence].at)))
      report('text.share', c, `其中一项占 ${c.text}：部分所占比例不能超过 100%`);

  // A fall of more than all of it would leave less than nothing: no budget amount can.
  for (const r of all) if (r.kind === 'rate' && r.sign === -1 && lo(r).gt(100)) report('text.rate', r, `下降 ${r.text}：金额最多减少到 0，降幅不能超过 100%`);

  // One figure stated in 元 and in 万元 for the same item ("公务接待费1.58元" beside "公务接待费为1.58万元").
  for (const c of all) {
    if (c.kind !== 'amount' || !/[^万亿千]元$/.test(c.text)) continue;
    const num = c.text.replace(/元$/, '');
    const item = threePublicItem(c.label);
    const twin = all.find((x) => x !== c && x.kind === 'amount' && x.text === `${num}万元` && (item ? threePublicItem(x.label) === item : x.label === c.label));
    // (Nothing is nothing in any unit: "0.00元" beside "0.00万元".)
    if (twin && !c.value.isZero()) report('text.unit', c, `“${c.label}”写为 ${c.text}，同一项在别处写为 ${twin.text}：单位前后不一致`);
  }

  // One measure stated twice, in two sentences, as figures no rounding can make one.
  const seen = new Map<string, Claim>();
  for (const c of all) {
    const key = measureOf(c, paras);
    if (!key) continue;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, c);
      continue;
    }
    if ((first.para === c.para && first.sentence === c.sentence) || first.text.replace(/[^\d.]/g, '') === c.text.replace(/[^\d.]/g, '')) continue;
    if (hi(first).lt(lo(c)) || lo(first).gt(hi(c)))
      out.push({
        rule: 'text.repeat',
        severity: 'warning',
        message: `“${c.label}”在前文写为 ${first.text}（“${sentenceOf(first).slice(0, 40)}”），这里写为 ${c.text}：同一数字前后不一致，请核对`,
        sentence: sentenceOf(c),
        stated: c.text,
      });
  }

  checkTotalsAfter(s);
  checkBreakdowns(s);
  checkPartsWithin(s);

  // "完成预算27万元的63.2%", "占三公总额114.72亿元的65.85%": the percentage of the amount before, of the one it names.
  for (let i = 2; i < all.length; i++) {
    const [part, whole, pct] = [all[i - 2], all[i - 1], all[i]];
    if (pct.kind !== 'percent' || whole.kind !== 'amount' || part.kind !== 'amount' || pct.label !== '的') continue;
    if (new Set([part.para, whole.para, pct.para]).size > 1 || new Set([part.sentence, whole.sentence, pct.sentence]).size > 1) continue;
    // ("完成区第十八届人大常委会第十九次会议批准收入调整预算37.5亿元的104.3%": the budget named at length.)
    const completion =
      /^完成(了)?(年初|全年|调整(后)?)?(预算|计划)(数)?$/.test(whole.label) ||
      /^完成[^，,；;。]{0,40}(预算|计划)(数)?$/.test(whole.label) ||
      // "为年预算21.06亿元的103.8%", "为预算目标17.36亿元的99%".
      /^为(年初|年|全年|调整(后)?)?(预算|计划)(目标|数)?$/.test(whole.label);
    // ("约占其…总预算35779.22万元的47.3%": 约 before 占.)
    if ((!completion && !/^(约|大约)?占/.test(whole.label)) || lo(whole).lte(0)) continue;
    if (hi(pct).lt(lo(part).div(hi(whole)).times(100)) || lo(pct).gt(hi(part).div(lo(whole)).times(100)))
      report(
        completion ? 'text.rate' : 'text.share',
        pct,
        `${completion ? '完成预算的比例' : '所占比例'}应为 ${part.text} ÷ ${whole.text} ≈ ${part.value.div(whole.value).times(100).toDecimalPlaces(2)}%，文中写 ${pct.text}`,
      );
  }

  // "基本支出预算1440224.60元,占一般公共预算支出的96.41%": a share of a whole the text stated by name before it.
  for (let i = 1; i < all.length; i++) {
    const sh = all[i];
    if (sh.kind !== 'share' || !sh.of || inLists.has(sh)) continue;
    // The part: the amount before it in its sentence (past its own change and rate; in a run, the one in its place).
    const inSentence = sh.run
      ? partOfShare(all, sh)
      : all
          .slice(0, i)
          .reverse()
          // (Not in a bracket the share stands after: "…1,077.36万元(其中,…,国有资本经营预算0万元),占收入合计93.57%".)
          .find((c) => c.para === sh.para && c.sentence === sh.sentence && c.kind !== 'delta' && c.kind !== 'rate' && !!c.bracketed === !!sh.bracketed);
    // "非税收入占一般公共预算收入比重47.69%": no figure before it in its sentence; the part its words name, stated before.
    const subject = inSentence
      ? ''
      : core(
          sh.context
            .split(/[，,；;。]/)
            .pop()!
            .replace(/占.*$/, ''),
        );
    const part =
      inSentence ??
      (subject.length >= 2
        ? all
            .slice(0, i)
            .reverse()
            .find((c) => c.kind === 'amount' && !c.bracketed && c.para >= sh.para - 1 && core(c.label) === subject)
        : undefined);
    if (!part || part.kind !== 'amount') continue;
    const named = wholeKey(sh.of);
    if (named.length < 2) continue;
    // The whole: the nearest amount so named before it, in its section (no top-level heading between); before the
    // section, only when every amount so named is one figure ("2017年總支出7778.55萬元" in 三, "…占本年支出合計的30.08%" in 四).
    const heading = paras.slice(0, sh.para + 1).reduce((h, q, k) => (q.level === 1 ? k : h), -1);
    const so = all
      .slice(0, all.indexOf(part))
      .reverse()
      .filter((c) => c.kind === 'amount' && !c.bracketed && wholeKey(c.label) === named);
    const before = all.slice(0, all.indexOf(part)).reverse();
    const whole =
      so.find((c) => c.para >= heading) ??
      (so.length && so.every((c) => c.text === so[0].text) ? so[0] : undefined) ??
      // "全部支出" of an execution report: the 支出 stated last before it in its paragraph ("全省一般公共预算支出累计执行
      // 3756.7亿元,…;全省民生支出3058.8亿元,占全部支出的81.4%").
      ((named === '收入' || named === '支出') && /占(全部|总)(收入|支出)(的)?$/.test(sh.context.replace(/\s/g, ''))
        ? before.find((c) => c.para === part.para && c.kind === 'amount' && !c.bracketed && measure(c.label) === named && c.value.gt(part.value))
        : undefined) ??
      // A whole named by the end of its words, the only one so named ("全国政府采购授予中小微企业合同金额为…" as
      // "授予中小微企业合同金额"; not one of 盟本级… and 旗级一般公共预算收入 for "一般公共预算收入").
      (named.length >= 4
        ? only(before.filter((c) => c.kind === 'amount' && c.para >= heading && !c.bracketed && wholeKey(c.label).endsWith(named)))
        : undefined);
    if (!whole || lo(whole).lte(0) || whole === part) continue;
    if (hi(sh).lt(lo(part).div(hi(whole)).times(100)) || lo(sh).gt(hi(part).div(lo(whole)).times(100)))
      report(
        'text.share',
        sh,
        `“${part.label}”${part.text}占“${whole.label}”${whole.text}的比例应为 ≈ ${part.value.div(whole.value).times(100).toDecimalPlaces(2)}%，文中写 ${sh.text}`,
      );
  }

  checkShareRuns(s);

  checkYearlyAverages(s);
  checkYearOnYear(s);

  // 完成预算的x%: what was spent ÷ the budget, both stated in the sentence.
  for (const c of all) {
    if (c.kind !== 'completion') continue;
    const before = all.filter((x) => x.para === c.para && x.sentence === c.sentence && x.kind === 'amount' && x.at < c.at);
    // (A fund's name, "一般公共预算财政拨款支出", names no budget.)
    const inSentence = [...before].reverse().find(isBudget);
    const actual = [...before].reverse().find((x) => x !== inSentence && /决算|支出|执行|实际|完成|实现/.test(x.label));
    // The budget told by the difference after the percentage ("完成年初预算100%,决算数大于预算数55.93万元", "完成年初预算
    // 71.21%,比年初预算减少3887.49万元").
    const gap = all.find(
      (x) =>
        x.para === c.para &&
        x.sentence === c.sentence &&
        x.at > c.at &&
        ((x.kind === 'amount' && OVER_BUDGET.test(x.label)) || (x.kind === 'delta' && x.base === 'budget' && !!x.sign)),
    );
    const over = gap && (gap.kind === 'delta' ? gap.sign! : /(大于|多于|超过|超出|高于)/.test(gap.label) ? 1 : -1);
    // Or the item's budget stated before ("“三公”经费预算为168.53万元,其中:因公出国(境)费39万元…。…因公出国(境)费支出
    // 52.15万元,完成预算的133.72%").
    const item = actual && itemOf(actual);
    const earlier =
      !inSentence && !gap && item
        ? all
            .slice(0, all.indexOf(actual!))
            .reverse()
            .find(
              (x) =>
                x.kind === 'amount' &&
                x.para >= c.para - 2 &&
                itemOf(x) === item &&
                [...x.context.replace(FUNDS, '').matchAll(/决算|预算|支出/g)].pop()?.[0] === '预算',
            )
        : undefined;
    // Or the budget stated in a sentence before, in the paragraph ("支出预算调整为19.44亿元。实际完成15.17亿元,为调整预算的
    // 78%"): the adjusted one when the percentage names it.
    // (Not an item's: its budget is the item's own, above. Nor a budget another amount was said to complete before.)
    const adjusted = /调整/.test(c.context);
    let inPara: Claim | undefined;
    if (!inSentence && !gap && !earlier && actual && !item)
      for (const x of all.slice(0, all.indexOf(actual)).reverse()) {
        if (x.para !== c.para || x.kind !== 'amount' || itemOf(x)) break;
        if (!isBudget(x)) {
          if (/决算|执行|实际|完成|实现/.test(x.label)) break;
          continue;
        }
        inPara ??= x;
        if (/调整/.test(x.label) === adjusted) {
          inPara = x;
          break;
        }
      }
    // Or a budget stated paragraphs before under the actual's own name ("…调整后,全区财政总收入为385,000万元,…" then
    // "全区财政总收入完成392,026万元,为调整预算的101.8%").
    const byName =
      !inSentence && !gap && !earlier && !inPara && actual && !item && core(actual.label).length >= 3
        ? all
            .slice(0, all.indexOf(actual))
            .reverse()
            .find(
              (x) =>
                x.kind === 'amount' &&
                !x.bracketed &&
                x.para < c.para &&
                x.para >= c.para - 4 &&
                core(x.label) === core(actual.label) &&
                /预算/.test(paras[x.para].sentences[x.sentence].text) &&
                // (Not an outturn itself, "…支出5930.32亿元,比上年增长3.7%,完成调整预算的95.36%".)
                !all.some((y) => y.kind === 'completion' && y.para === x.para && y.sentence === x.sentence && y.at > x.at) &&
                (!adjusted || /调整/.test(paras[x.para].sentences[x.sentence].text)),
            )
        : undefined;
    const stated = inSentence ?? earlier ?? inPara ?? byName;
    const budget: [Decimal, Decimal] | undefined = stated
      ? [lo(stated), hi(stated)]
      : actual && gap
        ? [lo(actual).minus(over! > 0 ? hi(gap) : lo(gap).neg()), hi(actual).minus(over! > 0 ? lo(gap) : hi(gap).neg())]
        : undefined;
    if (!budget || !actual || budget[0].lte(0)) continue;
    const rLo = lo(actual).div(budget[1]).times(100);
    const rHi = hi(actual).div(budget[0]).times(100);
    if (hi(c).lt(rLo) || lo(c).gt(rHi)) {
      const b = stated ? stated.value : actual.value.minus(gap!.value.times(over!));
      const shown = stated ? stated.text : `（${actual.text} ${over! > 0 ? '−' : '+'} ${gap!.text} = ${show(b, actual)}）`;
      report('text.rate', c, `完成预算的比例应为 ${actual.text} ÷ ${shown} ≈ ${actual.value.div(b).times(100).toDecimalPlaces(2)}%，文中写 ${c.text}`);
    }
  }

  // Shares of one named whole, stated by sibling parts in one section: each implies the whole; they must agree.
  const groups = new Map<string, Claim[]>();
  let section = 0;
  let lastPara = -1;
  for (const c of all) {
    if (c.para !== lastPara) {
      if (paras[c.para].level === 1) section++;
      lastPara = c.para;
    }
    // ("占同类产品采购规模的90%": each its own kind's, no whole in common.)
    if (c.kind !== 'share' || /^(同类|本类|各自|同期)/.test(c.of ?? '')) continue;
    // "占比x%" with no whole named: the shares of one paragraph only.
    const key = c.of ? `${section}|${c.of}` : `${section}|${c.para}|`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const list of groups.values()) {
    // The shares of the three 三公 items of one whole ("因公出国(境)费支出0.00万元,占0.00%;公务用车…12,000.00元,占100%;
    // 公务接待费支出0.00元,占0.00%"): each is its part over the three together.
    const byItem = list.map((sh) => ({ sh, part: partOfShare(all, sh) })).filter((x) => x.part && itemOf(x.part));
    const items = byItem.map((x) => itemOf(x.part!));
    if (byItem.length === 3 && ['abroad', 'vehicle', 'reception'].every((it) => items.filter((x) => x === it).length === 1)) {
      const parts = byItem.map((x) => x.part!);
      const [wLo, wHi] = sumRange(parts);
      for (const { sh, part } of byItem) {
        if (wHi.lte(0) || inLists.has(sh)) continue;
        const range: [Decimal, Decimal] = [lo(part!).div(wHi).times(100), wLo.gt(0) ? hi(part!).div(wLo).times(100) : new Decimal(100)];
        if (meets(sh, range)) continue;
        report(
          'text.share',
          sh,
          `“${part!.label}”${part!.text}占“三公”经费（三项合计 ${show(sumOf(parts), part!)}）的比例应为 ≈ ${part!.value.div(sumOf(parts)).times(100).toDecimalPlaces(2)}%，文中写 ${sh.text}`,
        );
      }
      continue;
    }
    const implied: { c: Claim; part: Claim; lo: Decimal; hi: Decimal }[] = [];
    for (const sh of list) {
      if (inLists.has(sh) || sh.value.isZero()) continue;
      const part = partOfShare(all, sh);
      if (!part || part.value.isZero() || lo(sh).lte(0)) continue;
      implied.push({ c: sh, part, lo: lo(part).div(hi(sh)).times(100), hi: hi(part).div(lo(sh)).times(100) });
    }
    const agree = (x: (typeof implied)[number], y: (typeof implied)[number]) => !(y.hi.lt(x.lo) || y.lo.gt(x.hi));
    for (const x of implied) {
      const others = implied.filter((y) => y !== x);
      if (!others.length) continue;
      // The other share that pins the whole down best; with three or more it must agree with another one.
      const ref = others.reduce((a, b) => (b.hi.minus(b.lo).lt(a.hi.minus(a.lo)) ? b : a));
      if (agree(x, ref)) continue;
      if (others.length >= 2 && !others.some((y) => y !== ref && agree(y, ref))) continue;
      // Two that disagree: one finding, on the later, naming both.
      if (others.length === 1 && implied.indexOf(x) < implied.indexOf(ref)) continue;

      const whole = ref.part.value.div(ref.c.value).times(100);
      report(
        'text.share',
        x.c,
        `“${x.part.label || x.part.text}”${x.part.text}占${x.c.of} ${x.c.text}，而“${ref.part.label || ref.part.text}”${ref.part.text}占同一总数 ${ref.c.text}：由后者推得总数约 ${show(whole, ref.part)}，前者应约为 ${x.part.value.div(whole).times(100).toDecimalPlaces(2)}%${others.length === 1 ? '（两个比例至少有一个不对）' : ''}`,
      );
    }
  }
  return out;
}

/** Whether one claim stands after another in the text. */
const after = (a: Claim, b: Claim) => a.para > b.para || (a.para === b.para && a.at > b.at);

/** The words of a whole as a share or a label names it, without year, place, stage and filler ("全县一般公共预算收入完成" → 一般公共预算收入). */
const core = (l: string) =>
  l
    // (And the period of a report: "一季度全省公共财政预算支出", "1-5月份…".)
    .replace(
      /^(其中[:：]?)?((19|20)\d{2}\s*年度?|本年度?|全年|当年|全(省|市|县|区|盟|旗|州)|[一二三四]季度|前三季度|上半年|\d{1,2}\s*[-—–至]\s*\d{1,2}\s*月份?)*/,
      '',
    )
    .replace(/拨款|财政|的|累计|实际|实现|完成|执行|安排|合计|总计|总额|总量|预算数|决算数|为|是|\s/g, '');

/**
 * One thing's amount in lists of two years, its rate beside the later ("回顾一下2023年1-12月份…:1.沈阳(800.85亿元 同比增长12.2%
 * 下同)、2.大连…" then "再看看2024年…:1.沈阳(825.60亿元 同比增长4.0%下同)、…"): the rate is the later over the earlier.
 * A bare percentage after an amount is a rate where the list's first said "下同".
 */
function checkYearOnYear(s: Scope) {
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
    const [sLo, sHi] = sign > 0 ? [lo(r), hi(r)] : [hi(r).neg(), lo(r).neg()];
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
const only = <T>(xs: T[]): T | undefined => (xs.length === 1 ? xs[0] : undefined);

/** The name of a whole, so that 总支出, 支出合计, 本年支出合计 and 部门预算支出 are one (收入 likewise). */
function wholeKey(label: string): string {
  const named = core(label).replace(/^(预算)?(全部|总)(?=收入|支出)/, '');
  return TOTAL_NAMES.find(([re]) => re.test(named))?.[1] ?? named;
}

/** What the checks of a text share: its claims, paragraphs, findings and the lists read. */
interface Scope {
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
function checkTotalsAfter(s: Scope) {
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
function checkPartsWithin(s: Scope) {
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
function checkBreakdowns(s: Scope) {
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
function checkCarSections(s: Scope, nil: { item: Item; claim: Claim }[], noneOf: Map<Claim, Item>, carsDone: Set<Claim>) {
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
function checkRevenue(s: Scope) {
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

function checkAddedOn(s: Scope) {
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
function checkMadeOf(s: Scope) {
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
function checkLevels(s: Scope) {
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
function checkTotalBudget(s: Scope) {
  const { all, paras, report } = s;
  if (paras.some((p) => /决算/.test(p.text))) return;
  const both = new Map<string, Claim>();
  for (const c of all) {
    if (c.kind !== 'amount' || c.bracketed || c.run || FUND.test(c.label) || /本年|上年|去年|调整|三公/.test(c.label) || itemOf(c)) continue;
    const name = c.label
      .replace(/\s/g, '')
      .replace(/(19|20)\d{2}年度?/g, '')
      .replace(/^.*?(部门|单位)(?=收|支)/, '');
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
 * "(二)支出预算:2023年年初预算数2001.98万元,其中:…"): a budget balances, the two are one amount.
 */
function checkBudgetSides(s: Scope) {
  const { all, paras, report } = s;
  const SIDE = /^\s*([(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)?\s*(收入|支出)预算[:：]/;
  const firstOf = (side: string) =>
    paras
      .map((p, pi) => ({ m: SIDE.exec(p.text), pi }))
      .filter((x) => x.m?.[2] === side)
      .map((x) => all.find((c) => c.para === x.pi && c.kind === 'amount' && !c.bracketed))
      .filter((c): c is Claim => !!c && /预算/.test(c.label) && !/决算|上年|去年/.test(c.label));
  const [income, spending] = [firstOf('收入'), firstOf('支出')];
  if (income.length !== 1 || spending.length !== 1 || yearIn(income[0].label) !== yearIn(spending[0].label)) return;
  const [a, b] = [income[0], spending[0]];
  if (hi(a).lt(lo(b)) || lo(a).gt(hi(b))) report('text.sum', b, `支出预算写为 ${b.text}，收入预算为 ${a.text}：部门预算收支平衡，两者应相同`);
}

/**
 * Two rates in one clause and the points between them ("全省一般公共预算收入下降4.1%,比我市增幅(-5.2%)高1.1个百分点",
 * "平均增幅-6.7%,比我市增幅(-5.2%)低1.5个百分点"): the first less the second is the points, 高 up and 低 down.
 */
function checkPoints(s: Scope) {
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
function checkFlatRows(s: Scope) {
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
function checkBounds(s: Scope) {
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
function checkItemBudgets(s: Scope, t: Claim, items: Map<Item, Claim>) {
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
    const implied: [Decimal, Decimal] =
      delta.sign! > 0
        ? [lo(amount).minus(hi(delta)), hi(amount).minus(lo(delta))]
        : delta.sign! < 0
          ? [lo(amount).plus(lo(delta)), hi(amount).plus(hi(delta))]
          : [lo(amount), hi(amount)];
    return { it, amount, delta, budget: implied };
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
function checkHeadcount(s: Scope) {
  const { paras, out } = s;
  const PART = /([\u4e00-\u9fa5()（）]{2,12}?)\s*(?:为)?\s*(\d+)\s*人(?!次)/g;
  paras.forEach((p) =>
    p.sentences.forEach((sen) => {
      const m = /([\u4e00-\u9fa5]{0,10}(?:人数|人员|职工|编制))\s*(?:为|共|共计|合计)?\s*(\d+)\s*人(?!次)[，,]\s*其中[:：，,]?/.exec(sen.text);
      if (!m) return;
      // (A part's own parts in brackets are not the whole's: "其中在职11人(其中临聘人员1人、西部志愿者1人),退休人员6人".)
      const rest = sen.text
        .slice(m.index + m[0].length)
        .split(/[；;。]/)[0]
        .replace(/[(（][^()（）]*[)）]/g, '');
      const parts = [...rest.matchAll(PART)].map((x) => ({ name: x[1].replace(/^[，,、:：]/, ''), n: Number(x[2]) }));
      if (parts.length < 2) return;
      const whole = Number(m[2]);
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
}

/**
 * A 三公 change stated on its own ("2022年“三公”经费决算数相较于上年增加275.76万元") where the text stated the item's amount of
 * both years before ("2022年的“三公”经费决算数合计为1000.86万", "2021年的三公经费决算数合计为807.95万"): the change is their
 * difference.
 */
function checkChangeOfYears(s: Scope) {
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
 * A balance sheet's three stated in one sentence ("资产总额1983.8亿元、同比增长6.3%,负债总额341.8亿元、同比增长2.1%,净资产总额
 * 1642亿元、同比增长7.2%"): 资产 = 负债 + 净资产 this year and, from each one's change, last year.
 */
function checkBalanceSheet(s: Scope) {
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
function checkByUnitKind(s: Scope) {
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
function checkPartsBeforeWhole(s: Scope) {
  const { all, paras, report, partOfList } = s;
  const bare = (l: string) =>
    l
      .replace(/\s/g, '')
      .replace(/(19|20)\d{2}年度?/g, '')
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
function checkNothing(s: Scope) {
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
function checkShareRuns(s: Scope) {
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
function checkYearlyAverages(s: Scope) {
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
function partOfShare(all: Claim[], sh: Claim): Claim | undefined {
  const before = all.filter((c) => c.para === sh.para && c.sentence === sh.sentence && c.kind === 'amount' && c.at < sh.at);
  if (!sh.run) return before.pop();
  const runs = before.filter((c) => c.run);
  if (!runs.length) return undefined;
  const first = runs[runs.length - 1].run!.first;
  return runs.find((c) => c.run!.first === first && c.run!.index === sh.run!.index);
}

/**
 * The year a figure's own words name: its clause ("2015年预算12.5万元"), else the lead of its sentence when that
 * states no figure ("2010年…预算中,因公出国(境)费617万元"); undefined when neither does.
 */
function keyYear(c: Claim): number | undefined {
  const own = yearIn(c.context.split(/[，,；;：:]/).pop() ?? '');
  if (own !== undefined) return own;
  const lead = c.context.split(/[，,；;]/)[0];
  return lead !== c.context && !/\d+(\.\d+)?\s*(万元|亿元|元|%)/.test(lead) ? yearIn(lead) : undefined;
}

/** Words that say an item has nothing: "因公出国(境)费用不安排", "未安排出国(境)经费", "公务用车购置费为零". */
const NONE = /(未|不|没有)(安排|发生|列支|开支)|为零$|(费|经费|支出)无$|^((19|20)\d{2}年度?)?无[^，,；;。]*(预算安排|安排)$/;

/**
 * The 三公 items a clause says have nothing, as amounts of exactly 0 ("一是因公出国(境)费用不安排,与上年持平" →
 * 因公出国 0): only a clause that states no figure and names one item.
 */
function zeroItems(paras: Para[]): { item: Item; claim: Claim }[] {
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

/** The last year a label names ("公务接待费2016年预算" → 2016). */
function yearIn(label: string): number | undefined {
  const m = [...label.matchAll(/(20\d{2})\s*年/g)].pop();
  return m ? Number(m[1]) : undefined;
}

/**
 * When a figure is for, as its words say: a year, or −1 for the year before ("上年", a figure compared with) and 0
 * for this one ("本年"); undefined when they do not say.
 */
function whenOf(c: Claim, words: string): number | undefined {
  if (c.kind === 'prior') return -1;
  const y = [...words.matchAll(/(20\d{2})\s*年/g)].pop();
  if (y) return Number(y[1]);
  // "上年结转" and "上年结余" are this year's money, brought forward.
  if (/(上年|去年|上一年)(?!结转|结余)/.test(words)) return -1;
  if (/本年|今年|当年/.test(words)) return 0;
  return undefined;
}

/**
 * The rate between two amounts of one item both stated, with no change amount ("某年预算…万元，次年预算…万元，
 * 增加…%", "本年预算…万元，比上年预算…万元减少…%"): in the rate's sentence or the one
 * before, in whatever order, the year each is for telling which is the base. Two amounts exactly: a third (a run of
 * years) or an average rate ("年均增长") is another relation.
 */
function checkRatesOfTwoAmounts(all: Claim[], paras: Para[], report: (rule: string, c: Claim, message: string) => void) {
  for (const r of all) {
    if (r.kind !== 'rate' || r.run || r.sign === undefined || /年均|平均/.test(r.context)) continue;
    // The amounts right before the rate, back to a change or another rate (whose the rate then is): in its sentence,
    // or in the one before when its own holds fewer than two.
    const figures: Claim[] = [];
    for (const c of [...all].reverse()) {
      if (c.para !== r.para || c.at >= r.at) continue;
      if (c.sentence < r.sentence - 1 || (c.sentence < r.sentence && figures.length >= 2)) break;
      if (c.kind !== 'amount' && c.kind !== 'prior') break;
      figures.push(c);
    }
    if (figures.length !== 2) continue;
    const [b, a] = figures;
    // A bracketed amount is a detail, but a bracketed prior is the comparison's own figure ("比上年（…万元）减少").
    if ((a.bracketed && a.kind !== 'prior') || (b.bracketed && b.kind !== 'prior') || a.run || b.run) continue;
    // What each is for: the words since the figure before it in its sentence.
    const wordsOf = (c: Claim, before?: Claim) => (before && before.sentence === c.sentence ? paras[c.para].text.slice(before.end, c.at) : c.context);
    const wa = whenOf(a, wordsOf(a));
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
 * The measures a text may state more than once, by their whole name once years, fund and stage words are taken out
 * (a name with more before it, "区本级支出", "全区基本支出", is another scope). 收入 and 支出 alone are the totals
 * only as "收入合计", "支出预算" and the like: "支出决算为", "…，支出…亿元" take their subject from elsewhere.
 */
const MEASURES: [RegExp, string][] = [
  [/^(部门|单位|本部门|本单位)?基本支出$/, '基本支出'],
  [/^(部门|单位|本部门|本单位)?项目支出$/, '项目支出'],
  [/^(部门|单位|本部门|本单位)?人员经费$/, '人员经费'],
  [/^(部门|单位|本部门|本单位)?公用经费$/, '公用经费'],
  [/^(部门|单位|本部门|本单位)?机关运行经费$/, '机关运行经费'],
  [/^(部门|单位|本部门|本单位)?政府采购$/, '政府采购'],
];
/** 收入 and 支出 named as totals, on the words with the year and fund taken out. */
const TOTAL_NAMES: [RegExp, string][] = [
  [/^(部门|单位|本部门|本单位|本年|全年)?(收入(总计|合计|总额|总数|共计)|收入预算|预算收入)/, '收入'],
  [/^(部门|单位|本部门|本单位|本年|全年)?(支出(总计|合计|总额|总数|共计)|支出预算|预算支出)/, '支出'],
];
const FUND = /一般公共预算|公共财政(预算)?|政府性基金|国有资本经营|社会保险基金|财政拨款|财政专户/;
const FUNDS = new RegExp(FUND.source, 'g');
/** A budget's amount: its words, the fund's name taken out, say 预算, 计划 or 目标 ("…一般公共财政预算收入目标17.36亿元"). */
const isBudget = (x: Claim) => x.kind === 'amount' && /预算|计划|目标/.test(x.label.replace(FUNDS, '').replace(/计划生育/g, '')) && !/决算/.test(x.label);

/**
 * What a figure measures, as a key two statements of one quantity share: its kind (an amount, a prior figure, a
 * change with its direction and base), the fund its words name, the item they name (a 三公 item or one of
 * MEASURES), the stage they name and the year it is for. Undefined for a figure whose words name no such item
 * ("支出决算为", a 项 of the classification), a detail of an explanation or a breakdown, or a figure of a run.
 */
/** A numbered heading that opens its paragraph and ends at its first stop ("(一)因公出国(境)费。", "2.公务接待费:"). */
const HEADED = /^\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．])\s*([^。；;:：\d,，]{2,20})[。:：]/;

function measureOf(c: Claim, paras: Para[]): string | undefined {
  if (!['amount', 'prior', 'delta'].includes(c.kind) || c.run || c.bracketed || c.sign === 0 || explained(paras, c)) return undefined;
  const words = c.label.replace(/\s/g, '');
  const named = words.replace(/(20\d{2})\s*年度?/g, '').replace(FUNDS, '');
  // A label with a figure in it ran past a number the text did not read as an amount ("…万（含…").
  if (/\d/.test(named) || /[（(](类|款|项)[)）]|占|其中|平均|人均/.test(words)) return undefined;
  const core = named
    .replace(/^.*(经过?|通过)(比较|对比)/, '')
    .replace(/(比|较|与|同比|相比|对比).*$/, '')
    .replace(/本年度?|上年度?|去年|上一年/g, '')
    .replace(/(年初|调整|全年)?(预算|决算)(数)?/g, '')
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
  const item = own ?? subject ?? MEASURES.find(([re]) => re.test(core))?.[1] ?? TOTAL_NAMES.find(([re]) => re.test(named))?.[1];
  if (!item) return undefined;
  // The stage its words name, else the last its sentence names before it ("“三公”经费预算…万元，其中：公务接待费…万元").
  const stage = /决算|预算/.exec(named)?.[0] ?? [...c.context.replace(FUNDS, '').matchAll(/决算|预算/g)].pop()?.[0] ?? '';
  const para = paras[c.para];
  const year =
    c.kind === 'prior' || /(上年|去年|上一年)(?!结转|结余)/.test(words)
      ? 'prior'
      : (/(20\d{2})\s*年/.exec(words)?.[1] ?? sentenceYear(para.sentences[c.sentence].text) ?? para.year ?? '');
  const kind = c.kind === 'delta' ? `delta${c.sign}${c.base ?? 'year'}` : c.kind;
  // The fund its words name, else the first its sentence names before it ("全区政府性基金上年结余…，收入合计…亿元").
  const fund = FUND.exec(words)?.[0] ?? FUND.exec(c.context)?.[0] ?? '';
  return [kind, fund, item, stage, year].join('|');
}

/** The year a sentence states its figures for: its first year not compared with ("较2021年度" is the prior). */
function sentenceYear(t: string): number | undefined {
  for (const m of t.matchAll(/(20\d{2})\s*年/g)) if (!/(较|比|与|同)\s*$/.test(t.slice(0, m.index!))) return Number(m[1]);
  return undefined;
}

/** What a change's own words name, beyond the comparison ("基本支出减少" → 基本支出; "较上年减少" → ''). */
function subjectWords(label: string): string {
  return (
    label
      .replace(/[(（][^)）]*[)）]/g, '')
      .replace(/(按)?(同|可比)口径/g, '')
      // ("2015年预算增加1.7万元": the comparison with its 比 left out.)
      .replace(/^((19|20)\d{2}年度?|上年|去年)(预算|决算)(数)?(?=(增加|减少|增长|下降|持平))/, '')
      // ("比去年年初预算减少": the year and the stage both named.)
      .replace(/(比|较|与|同比|相比|对比)(上年|去年|上一年|\d{4}年度?)?(年初|调整)?(同期|同月)?(的|度)?(预算|决算|支出|执行|实际)?(数|安排)?(相比)?/g, '')
      .replace(/(增加|减少|增长|下降|降低|上升|提高|增幅|降幅|减幅|增支|减支|增收|减收|增|减|降|加|少|了|为|是|约|同比|共|计|合计|总计)/g, '')
      .replace(/[^\u4e00-\u9fa5]/g, '')
  );
}

/** Whether an amount's label speaks of this subject: they share a run of three characters ("三公经费"). */
function sharesSubject(subject: string, label: string): boolean {
  if (subject.length < 2) return true;
  const l = label.replace(/[^\u4e00-\u9fa5]/g, '');
  // "收入总计386.31万元,支出总计386.31万元。收支较上年决算数减少…": 收支 is either total.
  if (/^收支(总计|合计|总额)?$/.test(subject)) return /(收入|支出)(总计|合计)/.test(l);
  if (subject.length <= 3) return l.includes(subject);
  for (let k = 0; k + 3 <= subject.length; k++) if (l.includes(subject.slice(k, k + 3))) return true;
  return false;
}

/** A figure inside an explanation ("原因是:1、…;2、本年增加了其他资金预算7000万元"): from the last 。 before it. */
function explained(paras: Para[], c: Claim): boolean {
  // A reason gives details, not totals: "增减变化的主要原因是:某年“三公”经费支出预算合计…万元,比上年…。其中:"
  // opens the account it explains with.
  if (/合计|总计|总额/.test(c.label)) return false;
  const t = paras[c.para].text.slice(0, c.at);
  // (Not a part named by its use: "其中用于工资福利支出为613.35万元".)
  const seg = t.slice(t.lastIndexOf('。') + 1).replace(/其中用于/g, '其中');
  if (!/原因|主要是|主要用于|用于|系因|由于/.test(seg)) return false;
  // A clause dated after it starts a statement of its own ("由于疫情影响,导致财政收入减收,2020年全县…收入完成34,264万元").
  const from = seg.search(/原因|主要是|主要用于|用于|系因|由于/);
  if (
    seg
      .slice(from)
      .split(/[，,]/)
      .slice(1)
      .some((x) => /^\s*(19|20)\d{2}\s*年/.test(x))
  )
    return false;
  // An explanation goes on over ； only through its numbered points ("原因是:1、…;2、…7000万元").
  const last = seg.split(/[；;]/);
  return last.length === 1 || /原因|主要是|主要用于|用于|系因|由于/.test(last[last.length - 1]) || /^\s*\d+[、.．]/.test(last[last.length - 1]);
}

/** Text made only of whole sentences that give reasons ("。主要是严格落实过紧日子举措。"), no figures. */
function reasonsOnly(between: string): boolean {
  if (!/^\s*[。；;]/.test(between) || !/[。；;]\s*$/.test(between) || /\d/.test(between)) return false;
  return between
    .split(/[。；;]/)
    .filter((x) => x.trim())
    .every((x) => /^\s*(主要(原因)?(是|为|系|由于)|原因(是|为|主要是)|由于|系)/.test(x));
}

/** A rate printed by cutting the digits off instead of rounding (23.47 ÷ 228.35 = 10.278… printed 10.27). */
function truncated(exact: Decimal, printed: Claim): boolean {
  const dec = printed.text.replace('%', '').split('.')[1]?.length ?? 0;
  return exact.toDecimalPlaces(dec, Decimal.ROUND_DOWN).eq(printed.value) && !exact.toDecimalPlaces(dec).eq(printed.value);
}

/**
 * The parts of a list that starts at `from` in paragraph `para`: each amount (or change) starts a part, the change,
 * rate and share after it belong to it, amounts in brackets after it are its own parts (购置c，运行d). The list
 * runs over 。 while the next sentence starts like a part (a short label, then its figure), and over the
 * paragraphs under it (deeper numbered items, unnumbered lines); a nested 其中 or a text that explains instead of
 * listing ends it. Undefined when the list cannot be read with confidence.
 */
function listParts(all: Claim[], paras: Para[], para: number, from: number, withinSentence: boolean): Part[] | undefined {
  const parts: Part[] = [];
  const startLevel = paras[para].under;
  let cur: Part | undefined;
  let pos = { para, at: from, sentence: paras[para].sentences.filter((s) => s.at <= from).length - 1 };
  let explaining = false;
  let nested = false;
  /** Whether the list inside the list opened in brackets (and so ends with them). */
  let nestedInBrackets = false;
  /** The level of the numbered items the list is made of, when it is ("如下：" then 1. 2. 3.). */
  let itemLevel: number | undefined;
  // A list opened inside brackets ("13984.61万元(其中，运行…；购置…)；因公出国…") ends where they close.
  const closeAt = closingBracket(paras[para].text, from);
  /** The fund the whole is of, as its clause names it. */
  const headFund = [
    ...(
      paras[para].text
        .slice(0, from)
        .split(/[。；;]/)
        .pop() ?? ''
    ).matchAll(/一般公共预算|公共财政|政府性基金|国有资本经营|社会保险基金/g),
  ]
    .pop()?.[0]
    .replace('公共财政', '一般公共预算');
  for (const c of all) {
    if (c.para < para || (c.para === para && c.at < from)) continue;
    if (closeAt !== undefined && (c.para > para || c.at > closeAt)) return finish(parts);
    if (c.para !== pos.para) {
      // Over paragraphs: unnumbered lines go on with the list; numbered items only where the list has no part yet
      // ("…如下：" then "1.…", "2.…"), and only those deeper than the heading the list stands under.
      for (let q = pos.para + 1; q <= c.para; q++) {
        const level = paras[q].level;
        if (!level) continue;
        if (itemLevel === undefined && parts.length === 0 && level > startLevel) itemLevel = level;
        if (level !== itemLevel) return finish(parts);
      }
    }
    // A line that starts with the list's own bullet ("——本级财政收入…" then "——上级补助收入…") is its sibling.
    const bulletOf = (q: number) => BULLET.exec(paras[q].text)?.[1];
    if (c.para !== para && bulletOf(c.para) && bulletOf(c.para) === bulletOf(para)) return finish(parts);
    const text = c.para === pos.para ? paras[c.para].text.slice(pos.at, c.at) : paras[c.para].text.slice(0, c.at);
    // Into another sentence (a ； inside brackets parts the bracket's items, not sentences).
    const crossed = c.para !== pos.para || c.sentence !== pos.sentence;
    // (A list inside the list numbered (1), (2) … goes on over its ；: "1.…802143万元,其中:(1)…;(2)…;(3)…".)
    if (crossed) {
      explaining = false;
      if (!(nested && /^\s*[(（]\d+[)）]/.test(paras[c.para].sentences[c.sentence].text))) nested = false;
    }
    // A list inside the list (", 包括一般公共预算收入751.8万元;"): its amounts are the current part's own parts;
    // a new sentence that opens a list of its own ("。与上年相比增长…，其中…") ends this one.
    const opensList = TRIGGER.test(text.split(/[。；;]/).pop() ?? '');
    // Inside a numbered item of the list ("（二）公务用车购置及运行费…。其中：购置费…"), though, it is the item's own.
    const inItem = itemLevel !== undefined && paras[c.para].level === itemLevel;
    if (parts.length && opensList && c.para === pos.para && /。/.test(text) && !inItem) return finish(parts);
    // "收入包括:…;支出包括:…": the list of another subject after ；.
    if (parts.length && /[。；;]\s*(收入|支出)[^，,；;。]{0,6}(包括|其中)[:：]?[^，,；;。]*$/.test(text)) return finish(parts);
    if (parts.length && opensList) {
      nested = true;
      const opener = text.split(/[。；;]/).pop() ?? '';
      nestedInBrackets = bracketDepth(opener.slice(0, opener.search(TRIGGER))) > 0;
    }
    // A list inside brackets ends with them ("…25.85亿元(其中,购置费1.42亿元,运行费24.43亿元),公务接待费4.19亿元").
    else if (nested && nestedInBrackets && /[)）]/.test(text)) nested = false;
    // An unnumbered line that opens a list of its own ("收入预算…，其中：…。" then "支出预算…，其中：…") is the
    // next statement, not a part of this list.
    if (parts.length && c.kind === 'amount' && c.para !== pos.para && !paras[c.para].level && opensOwnList(paras[c.para], c)) return finish(parts);
    // (The list's first part named by its use, "其中用于工资福利支出为…": its 其中 stands before the list's start.)
    const opener = !parts.length && c.para === para && /其中[:：，,]?\s*$/.test(paras[para].text.slice(0, from)) ? '其中' : '';
    if (explains(opener + (text.split(/[。；;]/).pop() ?? ''))) explaining = true;
    // A part's reason goes on to the end of its sentence, over commas ("…增加399.45万元,主要原因是…纳入年初预算编制等,共计增加
    // 336.1万元,主要用于…;项目支出…").
    if (!crossed && parts.length && /主要原因|原因是|原因为/.test(text.split(/[。；;]/).pop() ?? '')) explaining = true;
    if (explaining) {
      pos = { para: c.para, at: c.end, sentence: c.sentence };
      continue;
    }
    if (crossed && parts.length && c.kind === 'prior') return finish(parts);
    // A sentence whose first figure is a percentage is a statement of its own ("…;其中一般公共预算收入23.25亿元…。
    // 财政总收入占生产总值的比重为13%。税收总收入…"), but for a run of shares after a run of amounts.
    if (crossed && parts.length && (c.kind === 'share' || c.kind === 'percent') && !(c.run && parts.some((x) => x.amount?.run))) return finish(parts);
    // Parts that already make a whole (税收 + 非税; 货物 + 工程 + 服务) take no more after their sentence; nor does a list
    // a sentence of comment interrupts ("…第二。" with no figure, not a reason or a use).
    // A total of its own ("…上年结余1885万元;2023年政府性基金支出总计3319万元,其中…", "…基金调入103万元,收入合计为6449万元")
    // is no part: it ends the list.
    if (parts.length && c.kind === 'amount' && /总计|合计|共计|总额/.test(c.label)) return finish(parts);
    if (crossed && parts.length >= 2 && c.kind === 'amount' && parts.every((x) => x.amount)) {
      const labels = parts.map((x) => x.amount!.label);
      if (isPartition(labels) && !isPartition([...labels, c.label])) return finish(parts);
    }
    if (crossed && parts.length && c.kind === 'amount') {
      // A sentence about one of the parts ("基本支出中医疗业务支出5868.43万元…") is that part's account, not more parts.
      const sentence = paras[c.para].sentences[c.sentence];
      const about = /^\s*([^，,：:。；;\d]{2,12}?)中[，,：:]?/.exec(sentence.text)?.[1];
      if (about && parts.some((x) => (x.amount ?? x.delta)!.label.includes(about))) return finish(parts);
      const between = c.para === pos.para ? paras[c.para].text.slice(pos.at, c.at) : '';
      const sentencesBetween = between.split(/[。；;]/).slice(1, -1);
      if (sentencesBetween.some((x) => x.trim() && !/\d/.test(x) && !/^\s*(主要|用于|原因|其中|包括|具体)/.test(x))) return finish(parts);
    }
    // Parts parted by ； end with the sentence: what follows its 。 is another statement ("…；经开区完成12.6亿元…。
    // 溧阳市完成16.0亿元…", a county beside the city's districts).
    const head = parts[0]?.amount ?? parts[0]?.delta;
    if (
      crossed &&
      head &&
      parts.length >= 2 &&
      c.para === head.para &&
      /[；;]/.test(paras[c.para].text.slice(head.end, c.at).split('。')[0]) &&
      /。/.test(text)
    )
      return finish(parts);
    // A list of 收入 has no 支出 among its parts, nor the other way ("…收入完成151亿元，其中：…。" then "一般公共预算支出完成…";
    // "…非税收收入0.8764亿元,地方公共财政支出98.5044亿元"). Where one stands among its items, parted by ；, the list
    // goes on past what can be read of it ("…补助下级支出23.1亿元;将一般公共预算的超收收入6.9亿元补充预算稳定调节基金;…"):
    // no list.
    const listMeasure = parts.map((x) => measure((x.amount ?? x.delta)!.label)).find(Boolean);
    if (c.kind === 'amount' && listMeasure && measure(c.label) && measure(c.label) !== listMeasure)
      return c.para === pos.para && /[；;]/.test(text) && !/。/.test(text) ? undefined : finish(parts);
    // Nor has a list of one fund's an amount of another's ("一般公共预算支出…,其中:民生支出…。政府性基金累计支出完成…").
    const fundOf = (t: string) => /一般公共预算|公共财政|政府性基金|国有资本经营|社会保险基金/.exec(t)?.[0].replace('公共财政', '一般公共预算');
    if (c.kind === 'amount' && parts.length && headFund && fundOf(c.label) && fundOf(c.label) !== headFund) return finish(parts);
    // A list names each part once: the same item again in a sentence of its own is another statement of it.
    const item = threePublicItem(c.label);
    if (c.kind === 'amount' && !c.bracketed && item && parts.some((x) => x.amount && threePublicItem(x.amount.label) === item)) return finish(parts);
    // Nor is a 三公 total a part of a list of 三公 items ("…国内公务接待费10万元。“三公”经费支出为163.58万元").
    if (crossed && c.kind === 'amount' && item === 'total' && parts.some((x) => x.amount && threePublicItem(x.amount.label))) return finish(parts);
    // (The first figure of the line under a numbered item's own heading, "(二)项目支出:" then "2018年年初预算数为159.30万元",
    // is that item's.)
    const underItem =
      itemLevel !== undefined && c.para > 0 && !paras[c.para].level && paras[c.para - 1].level === itemLevel && c.sentence === 0 && c.para !== pos.para;
    if (crossed && parts.length && (c.kind === 'amount' || c.kind === 'delta') && !underItem) {
      // A sentence that goes on with the list starts with the part's label: no comma before its first figure.
      const sentence = paras[c.para].sentences[c.sentence];
      const lead = paras[c.para].text.slice(sentence.at, c.at).replace(NUMBERING, '');
      // "…运行维护费支出预算…万元；与上年预算数持平": a sentence that only goes on comparing is the change of the
      // part just stated.
      if (
        c.kind === 'delta' &&
        cur?.amount &&
        !cur.delta &&
        c.para === cur.amount.para &&
        c.sentence === cur.amount.sentence + 1 &&
        /^(较|比|与|同比|相比)[^，,]*$/.test(lead)
      ) {
        cur.delta = c;
        pos = { para: c.para, at: c.end, sentence: c.sentence };
        continue;
      }
      // (Nor does one that introduces a list of its own: "几项重点支出完成情况为:教育支出…".)
      // (Nor one that adds to the whole: "。加上转移性收入486923万元,收入总计550923万元".)
      if (/[，,:：]/.test(lead) || lead.length > 30 || /^(较|比|与|同比|相比|加上?|减去?|扣除)/.test(lead) || /\d{4}\s*年|合计|总计|总额/.test(lead))
        return finish(parts);
      if (withinSentence) return finish(parts);
    }
    const anchor = cur?.amount ?? cur?.delta;
    const sameSentence = !!anchor && anchor.para === c.para && anchor.sentence === c.sentence;
    const bracketed = !!cur?.amount && sameSentence && /[(（][^)）]*$/.test(paras[c.para].text.slice(cur.amount.end, c.at));
    // Under a 三公 车 item, its 购置 and 运行 are its own parts however they are separated.
    const underVehicle = !!cur?.amount && threePublicItem(cur.amount.label) === 'vehicle' && ['purchase', 'operation'].includes(threePublicItem(c.label) ?? '');
    // The change of a bracketed part's own part ("(其中，运行…万元，比上年增加…万元；…)") is not the part's.
    // Nor is that of its 购置 or 运行 stated after it ("…运行维护费1502万元,其中:公车购置费384万元,同比增长100%").
    const lastSub = cur?.sub[cur.sub.length - 1];
    if (
      (bracketed && c.kind !== 'amount' && cur!.sub.length) ||
      (c.kind !== 'amount' && lastSub && lastSub.para === c.para && lastSub.sentence === c.sentence)
    ) {
      pos = { para: c.para, at: c.end, sentence: c.sentence };
      continue;
    }
    // 购置 or 运行 after the list's 车 item, in a sentence of their own ("…公务用车及运行维护费用61.8万元,公务接待费12.8万元。
    // 公务用车费用中含公车购置费0万元,公务用车运行维护费61.8万元"): the 车 item's own parts.
    const car =
      c.kind === 'amount' && ['purchase', 'operation'].includes(threePublicItem(c.label) ?? '')
        ? parts.find((x) => x.amount && threePublicItem(x.amount.label) === 'vehicle')
        : undefined;
    if (car && !underVehicle && !bracketed) car.sub.push(c);
    else if (c.kind === 'amount' && (bracketed || (nested && cur?.amount) || underVehicle)) cur!.sub.push(c);
    else if (c.kind === 'amount') parts.push((cur = { amount: c, sub: [] }));
    else if (c.kind === 'delta' && cur && sameSentence && !cur.delta) cur.delta = c;
    else if (c.kind === 'delta' && cur?.delta && sameSentence && [cur.delta, ...(cur.alt ?? [])].every((x) => otherBase(x, c))) (cur.alt ??= []).push(c);
    else if (c.kind === 'delta') parts.push((cur = { delta: c, sub: [] }));
    else if (c.kind === 'rate' && cur && sameSentence && !cur.rate) cur.rate = c;
    else if (c.kind === 'share' && c.run && parts.some((x) => x.amount?.run)) {
      // A run of shares after a run of amounts ("分别为9,027.5亿元、15,664.1亿元和10,301.5亿元,占…比例为25.8%、44.8%和
      // 29.4%"): the k-th share is the k-th amount's.
      const own = parts.find((x) => x.amount?.run && x.amount.para === c.para && x.amount.sentence === c.sentence && x.amount.run.index === c.run!.index);
      if (own && !own.share) own.share = c;
    } else if (c.kind === 'share' && cur && sameSentence && !cur.share) cur.share = c;
    pos = { para: c.para, at: c.end, sentence: c.sentence };
  }
  return finish(parts);
}

/** Where the bracket open at `from` closes in the paragraph; undefined when none is open there (or it never closes). */
function closingBracket(text: string, from: number): number | undefined {
  const open = bracketDepth(text.slice(0, from));
  if (open <= 0) return undefined;
  let depth = open;
  for (let k = from; k < text.length; k++) {
    if (/[(（]/.test(text[k])) depth++;
    else if (/[)）]/.test(text[k]) && --depth < open) return k;
  }
  return undefined;
}

/** Whether a list opens right after this amount in its sentence ("支出预算…万元，其中："). */
function opensOwnList(para: Para, c: Claim): boolean {
  const sentence = para.sentences[c.sentence];
  return /^[，,]?\s*(其中|包括)/.test(para.text.slice(c.end, sentence.at + sentence.text.length));
}

function finish(parts: Part[]): Part[] | undefined {
  // (One part is a list only with a share of no other whole named: "其中:财政拨款收入386.31万元,占100%".)
  if (parts.length < 2 && !(parts.length === 1 && parts[0].amount && parts[0].share && !parts[0].share.of)) return undefined;
  // Items each stated as 预算数 and 决算数 (a comparison in prose): two figures an item, not one list.
  // ("…支出决算为7.8万元,完成预算10万元的78.0%": the budget beside each item, not an item of its own.)
  // (Not 年初结转和结余, a part of a 决算's 收入总计; nor items each stated only as their 预算数, "(一)基本支出:2018年年初预算数为
  // 1973.4万元" under "…如下:".)
  const labels = parts.map((x) => (x.amount ?? x.delta)!.label);
  const budgetsOnly = labels.every((l) => /预算数|年初预算/.test(l) && !/决算|执行|完成/.test(l));
  if (!budgetsOnly && labels.some((l) => /预算数|决算(支出)?数|执行数|年初(预算|数)|完成.{0,2}预算/.test(l))) return undefined;
  // A list of amounts, or of changes alone: a mixture was not read right.
  if (parts.some((x) => x.amount) && parts.some((x) => !x.amount)) return undefined;
  return parts;
}

/** The parts that belong to this total: under a 三公 车 item only its 购置 and 运行 (the next 三公 item ends it). */
function scoped(total: Claim, parts: Part[] | undefined): Part[] | undefined {
  if (!parts) return undefined;
  // (A change as the total, "…运行维护费3545万元,占“三公”经费总额78.6%,同比减少970万元。其中:…", is of the item its
  // sentence names, not of the whole a share names.)
  const item = threePublicItem(total.label) ?? (total.kind === 'delta' ? itemNamedLast(total.context.replace(/占[^，,；;。]*/g, '')) : undefined);
  if (!item || item === 'total') return parts;
  if (item !== 'vehicle') return undefined;
  // (Parts that are no 三公 item, "其他交通工具购置144万元", are the 车's too: its list then is not 购置 + 运行 alone.)
  const end = parts.findIndex((p) => !['purchase', 'operation', undefined].includes(threePublicItem((p.amount ?? p.delta)!.label)));
  const own = end < 0 ? parts : parts.slice(0, end);
  return own.length >= 2 ? own : undefined;
}

/** The change, rate, zero change and prior figure stated right after an amount, before the next amount. */
function followers(all: Claim[], c: Claim): { delta?: Claim; rate?: Claim; prior?: Claim } {
  const out: { delta?: Claim; rate?: Claim; prior?: Claim } = {};
  const vehicle = itemOf(c) === 'vehicle';
  let sub: Claim | undefined;
  for (const x of all) {
    // Its sentence, or (for a numbered item's paragraph about it) the paragraph, up to the next amount; a 车
    // item's own 购置 and 运行 do not end it.
    if (x.para !== c.para || x.at <= c.at || (x.sentence !== c.sentence && !paraAbout(c))) continue;
    // Its 购置 and 运行 in brackets ("…万元(其中，运行…万元，比上年增加…)") and their changes are skipped.
    if (vehicle && x.bracketed && !c.bracketed) continue;
    // Unbracketed ("…万元,其中:购置费0万元,比上年…"), the changes after them in their sentence are theirs.
    if (x.kind === 'amount' && vehicle && ['purchase', 'operation'].includes(itemOf(x) ?? '')) {
      if (!x.bracketed) sub = x;
      continue;
    }
    if (sub && x.sentence === sub.sentence) continue;
    if (x.kind === 'amount') break;
    if (x.kind === 'delta' && !out.delta) out.delta = x;
    else if (x.kind === 'rate' && !out.rate) out.rate = x;
    else if (x.kind === 'prior' && !out.prior) out.prior = x;
  }
  return out;
}

/** Of amounts of one sentence, latest first: the last, or the first where the later ones follow a 含 / 其中 / 包括 after it. */
function heldIn(latestFirst: Claim[], paras: Para[]): Claim | undefined {
  const first = latestFirst[latestFirst.length - 1];
  if (
    first &&
    latestFirst.length > 1 &&
    /^[^。；;]*?[，,]?\s*(含|其中|包括)/.test(paras[first.para].text.slice(first.end, latestFirst[latestFirst.length - 2].at))
  )
    return first;
  return latestFirst[0];
}

/** A figure that opens a numbered paragraph ("（三）公务用车购置及运行费预算245.98万元…"): the paragraph is about it. */
function paraAbout(c: Claim): boolean {
  return c.sentence === 0 && HEADING.test(c.context);
}

/** The prior-year value an amount implies with its change, its rate or a stated prior; undefined when none. */
function priorOf(a: Claim, f: { delta?: Claim; rate?: Claim; prior?: Claim }): [Decimal, Decimal] | undefined {
  if (f.prior) return [lo(f.prior), hi(f.prior)];
  if (f.delta) {
    if (f.delta.sign === 0) return [lo(a), hi(a)];
    return f.delta.sign! > 0 ? [lo(a).minus(hi(f.delta)), hi(a).minus(lo(f.delta))] : [lo(a).plus(lo(f.delta)), hi(a).plus(hi(f.delta))];
  }
  if (f.rate && f.rate.sign !== undefined) {
    // prior = amount ÷ (1 ± rate)
    const s = f.rate.sign;
    const kLo = new Decimal(1).plus(lo(f.rate).times(s).div(100));
    const kHi = new Decimal(1).plus(hi(f.rate).times(s).div(100));
    const [k1, k2] = kLo.lt(kHi) ? [kLo, kHi] : [kHi, kLo];
    if (k1.lte(0)) return undefined;
    return [lo(a).div(k2), hi(a).div(k1)];
  }
  return undefined;
}

/**
 * The parts' changes against the total's, whatever form each is stated in (an amount and its change, its rate,
 * 持平, or a stated prior): the priors they imply must add up to the total's. Only for parts that make the whole.
 */
function checkPriors(
  total: Claim,
  tf: { delta?: Claim; rate?: Claim; prior?: Claim },
  parts: Part[],
  report: (rule: string, c: Claim, message: string) => void,
) {
  const labels = parts.map((p) => (p.amount ?? p.delta)!.label);
  if (!isComplete(total, labels) || parts.some((p) => !p.amount)) return;
  // A part's change against another base than the total's (an adjustment, "调减16000万元"; "保持不变" beside "增长3.6%")
  // gives way to its rate.
  const against = measuredAgainst(tf.rate ?? tf.delta, keyYear(total));
  parts = parts.map((p) =>
    p.delta && p.rate && ((measuredAgainst(p.delta, keyYear(total)) === 'budget' && against !== 'budget') || (p.delta.sign === 0 && !p.rate.value.isZero()))
      ? { ...p, delta: undefined }
      : p,
  );
  // Only where some part is stated by its rate: changes alone are the change sum (checkList).
  if (!parts.some((p) => p.rate && !p.delta) && !(tf.rate && !tf.delta)) return;
  const tp = priorOf(total, tf);
  if (!tp) return;
  // Changes against other years ("较2015年下降2.3%" of the total, "较上年下降21%" of a part) have other priors.
  if (!sameBases(total, tf, parts)) return;
  let sLo = new Decimal(0);
  let sHi = new Decimal(0);
  // A part whose prior cannot be told (an item with no change stated) was 0 or more: the others' can then only
  // fall short of the total's.
  let unknown = false;
  for (const p of parts) {
    const pp = priorOf(p.amount!, tf.delta ? { ...p, delta: changeAgainst(p, tf.delta) } : p);
    if (!pp) {
      unknown = true;
      continue;
    }
    sLo = sLo.plus(pp[0]);
    sHi = sHi.plus(pp[1]);
  }
  if ((!unknown && sHi.lt(tp[0])) || sLo.gt(tp[1])) {
    const at = tf.rate ?? tf.delta ?? total;
    const word = (p: Part) =>
      p.delta
        ? p.delta.sign === 0
          ? '持平'
          : `${p.delta.sign! < 0 ? '减' : '增'}${p.delta.text}`
        : p.rate
          ? `${p.rate.sign! < 0 ? '降' : '增'}${p.rate.text}`
          : '';
    report(
      'text.change-sum',
      at,
      `各分项的增减（${parts.map((p) => `${p.amount!.label || ''}${p.amount!.text}${word(p)}`).join('；')}）推得上年${unknown ? `至少约 ${show(sLo.toDecimalPlaces(2), total)}` : `合计约 ${show(sLo.plus(sHi).div(2).toDecimalPlaces(2), total)}`}，而总额 ${total.text}${tf.rate ? `${tf.rate.sign! < 0 ? '下降' : '增长'}${tf.rate.text}` : tf.delta ? `${tf.delta.sign! < 0 ? '减少' : '增加'}${tf.delta.text}` : ''}推得上年约 ${show(tp[0].plus(tp[1]).div(2), total)}：增减幅度与各项不符`,
    );
  }
}

/**
 * Whether the total's change and its parts' are against one base: not "较2015年" of the total beside "较上年" of a part,
 * nor an adjustment of the budget (调减) beside a change from last year.
 */
function sameBases(total: Claim, tf: { delta?: Claim; rate?: Claim }, parts: Part[]): boolean {
  const year = keyYear(total);
  const against = measuredAgainst(tf.rate ?? tf.delta, year);
  const bases = parts.map((p) => [p.delta, p.rate].map((c) => measuredAgainst(c, keyYear((p.amount ?? p.delta)!) ?? year))).flat();
  if (against !== 'budget' && bases.includes('budget')) return false;
  return !against || bases.every((b) => b === undefined || b === against);
}

/**
 * What a change or rate is measured against, as its clause says: a year ("较2015年" → '2015'; "较上年" → the year
 * before `year`, the amount's), or 'budget' (年初预算); undefined when it does not say.
 */
function measuredAgainst(change: Claim | undefined, year: number | undefined): string | undefined {
  if (!change || change.sign === 0) return undefined;
  const clause = clauseBefore(change.context, change.context.length);
  const base = baseOf(clause);
  if (base === 'budget') return 'budget';
  if (base !== 'year') return undefined;
  const named = /(?:比|较|与|同)\s*((?:19|20)\d{2})\s*年/.exec(clause)?.[1];
  if (named) return named;
  return year ? String(year - 1) : 'year';
}

/** A prior known only as a range (the sum of its parts' priors), as a figure of that interval. */
function asPrior(like: Claim, [a, b]: [Decimal, Decimal]): Claim {
  const value = a.plus(b).div(2);
  return { ...like, kind: 'prior', value, half: b.minus(a).div(2), text: show(value.toDecimalPlaces(2), like) };
}

/** The prior a change and its rate imply (change ÷ rate), when both go the same way; undefined otherwise. */
function priorOfChange(d: Claim | undefined, r: Claim | undefined): [Decimal, Decimal] | undefined {
  if (!d || !r || !d.sign || d.sign !== r.sign || lo(r).lte(0)) return undefined;
  const range: [Decimal, Decimal] = [lo(d).div(hi(r)).times(100), hi(d).div(lo(r)).times(100)];
  // "增加…万元，增长100%" is how texts say "from nothing" (text.zero-base): the prior may be 0.
  return r.sign > 0 && r.value.eq(100) ? [new Decimal(0), range[1]] : range;
}

/** The prior an amount, a change or a rate imply as printed (for messages: the interval's middle can mislead). */
function priorAsPrinted(amount: Claim | undefined, d: Claim | undefined, r: Claim | undefined): Decimal | undefined {
  if (amount && d) return amount.value.minus(signed(d));
  if (amount && r) return amount.value.div(new Decimal(1).plus(r.value.times(r.sign ?? 1).div(100)));
  if (d && r && !r.value.isZero()) return d.value.div(r.value).times(100);
  return undefined;
}

/** How a part or total is said to have changed, for messages ("增…万元、增…%"). */
function changeWords(d: Claim | undefined, r: Claim | undefined): string {
  const ws = [d && (d.sign === 0 ? '持平' : `${d.sign! < 0 ? '减' : '增'}${d.text}`), r && `${r.sign! < 0 ? '降' : '增'}${r.text}`];
  return ws.filter(Boolean).join('、');
}

/**
 * A year before, the parts were no more than their whole either: the priors the parts' changes imply (an amount with
 * its change or rate, or a change with its rate) must not add up to more than the prior of the total. For any list,
 * complete or not (one that makes the whole and states amounts is held both ways by checkPriors); a part whose prior
 * cannot be told is left out. One part alone beyond the whole is reported on that part, naming both; several, on
 * the total's rate.
 */
function checkPartPriors(
  total: Claim,
  tf: { delta?: Claim; rate?: Claim; prior?: Claim },
  parts: Part[],
  report: (rule: string, c: Claim, message: string) => void,
) {
  if (
    parts.every((p) => p.amount) &&
    isComplete(
      total,
      parts.map((p) => p.amount!.label),
    )
  )
    return;
  if (!sameBases(total, tf, parts)) return;
  const tp = total.kind === 'amount' ? priorOf(total, tf) : priorOfChange(total, tf.rate);
  // A prior below zero is a reading gone wrong (the change is not this amount's), not a finding.
  if (!tp || tp[1].lte(0)) return;
  const known = parts
    .map((p) => {
      const delta = tf.delta ? changeAgainst(p, tf.delta) : p.delta;
      const prior = p.amount ? priorOf(p.amount, { ...p, delta }) : priorOfChange(delta, p.rate);
      return prior && { part: p, delta, prior };
    })
    .filter((x): x is { part: Part; delta: Claim | undefined; prior: [Decimal, Decimal] } => !!x);
  const least = known.reduce((s, x) => s.plus(x.prior[0]), new Decimal(0));
  const name = (c: Claim) => c.label.replace(/(比|较|与)(上年|去年|上一年|\d{4}年).*$/, '').replace(/(增加|减少|增长|下降|增|减)(了)?$/, '') || c.text;
  const printed = (amount: Claim | undefined, d: Claim | undefined, r: Claim | undefined, range: [Decimal, Decimal], like: Claim) =>
    show(priorAsPrinted(amount, d, r) ?? range[0].plus(range[1]).div(2), like);
  const whole = `“${name(total)}”${changeWords(tf.delta, tf.rate)}推得上年约 ${printed(total.kind === 'amount' ? total : undefined, tf.delta, tf.rate, tp, total)}`;
  // All the parts of a whole ("出国…增长9.08%；接待…下降17.63%；运行…下降7.99%；购置…上涨84.12%"): their priors add up
  // to the whole's, not just no more than it.
  const most = known.reduce((s, x) => s.plus(x.prior[1]), new Decimal(0));
  if (
    known.length === parts.length &&
    most.lt(tp[0]) &&
    isComplete(
      total,
      parts.map((p) => (p.amount ?? p.delta)!.label),
    )
  ) {
    report(
      'text.rate',
      tf.rate ?? tf.delta ?? total,
      `各分项的增减（${known.map((x) => `${name((x.part.amount ?? x.part.delta)!)}${changeWords(x.delta, x.part.rate)}`).join('；')}）推得上年至多约 ${show(most, total)}，小于${whole}：总的增减幅度与各项不符`,
    );
    return;
  }
  if (!known.length || !least.gt(tp[1])) return;
  const beyond = known.filter((x) => x.prior[0].gt(tp[1]));
  const alone = beyond.length === 1 && least.minus(beyond[0].prior[0]).lte(tp[1]) ? beyond[0] : undefined;
  if (alone) {
    const p = alone.part;
    const anchor = (p.amount ?? p.delta)!;
    report(
      'text.rate',
      p.rate ?? alone.delta ?? anchor,
      `“${name(anchor)}”${changeWords(alone.delta, p.rate)}推得上年约 ${printed(p.amount, alone.delta, p.rate, alone.prior, anchor)}，大于${whole}：分项不能大于总数，两者的增减幅度至少有一个不对`,
    );
  } else
    report(
      'text.rate',
      // (On the total's change where every part states its own: the amounts are what disagree.)
      known.every((x) => x.delta) && tf.delta ? tf.delta : (tf.rate ?? tf.delta ?? total),
      `各分项的增减（${known.map((x) => `${name((x.part.amount ?? x.part.delta)!)}${changeWords(x.delta, x.part.rate)}`).join('；')}）推得上年至少约 ${show(least, total)}，大于${whole}：总的增减幅度与各项不符`,
    );
}

function checkList(
  total: Claim,
  totalDelta: Claim | undefined,
  parts: Part[],
  report: (rule: string, c: Claim, message: string) => void,
  paras: Para[],
  enumerated = false,
) {
  const amounts = parts.map((p) => p.amount).filter((c): c is Claim => !!c);
  if (total.kind === 'amount' && amounts.length === parts.length) {
    // An incomplete list only when it exceeds its total; one that makes the whole, both ways.
    const [sLo, sHi] = sumRange(amounts);
    // (A list that states its empty items, "3、单位资金收入0万元;4、政府性基金安排的收入0元", names every item.)
    const lastOne = amounts[amounts.length - 1];
    const complete =
      enumerated ||
      // (Its last item's sentence ending the statement: a text cut after "…事业收入0万元,占收入合计0%;" may go on.)
      (amounts.length >= 3 &&
        amounts.some((a) => a.value.isZero()) &&
        amounts.some((a) => !a.value.isZero()) &&
        /。\s*$/.test(paras[lastOne.para].sentences[lastOne.sentence].text)) ||
      isComplete(
        total,
        amounts.map((a) => a.label),
      );
    if (sLo.gt(hi(total)) || (complete && sHi.lt(lo(total)))) {
      const slip = complete ? slipIn(total, amounts) : undefined;
      report(
        'text.sum',
        slip?.printed ?? total,
        `“${total.label || '合计'}”写为 ${total.text}，但其下所列 ${amounts.map((a) => a.text).join(' + ')} = ${show(sumOf(amounts), total)}${slip ? `；${slip.printed.text}${slipNote(slip.meant)}` : ''}`,
      );
    }
    for (const p of parts) {
      // (Of a part's own parts in and out of brackets, those out of them: the bracketed are theirs, "(1)地方一般公共预算收入
      // 完成404633万元,同比下降0.29%(税收收入199744万元、政府非税收入204889万元);(2)…".)
      const both = p.sub.some((x) => x.bracketed) && p.sub.some((x) => !x.bracketed) ? p.sub.filter((x) => !x.bracketed) : p.sub;
      // (A run of parts between "、" ends at a comma: "(含均衡性…166万元、…、其他一般转移支付收入212万元,专项转移支付收入406万元)"
      // goes on with the part's sibling.)
      const seps = both.slice(1).map((x, k) => (x.para === both[k].para ? paras[x.para].text.slice(both[k].end, x.at) : '。'));
      const cut = seps[0]?.includes('、') ? seps.findIndex((g) => /[,，；;。]/.test(g)) : -1;
      const sub = cut >= 0 ? both.slice(0, cut + 1) : both;
      if (!p.amount || sub.length < 2) continue;
      // A part's own list is held both ways only where it makes the part whole (as the list itself).
      const [pLo, pHi] = sumRange(sub);
      const whole = isComplete(
        p.amount,
        sub.map((x) => x.label),
      );
      if (pLo.gt(hi(p.amount)) || (whole && pHi.lt(lo(p.amount)))) {
        const slip = slipIn(p.amount, sub);
        report(
          'text.sum',
          slip?.printed ?? p.amount,
          `“${p.amount.label}”写为 ${p.amount.text}，但其中所列 ${sub.map((a) => a.text).join(' + ')} = ${show(sumOf(sub), p.amount)}${slip ? `；${slip.printed.text}${slipNote(slip.meant)}` : ''}`,
        );
      }
    }
    // Shares of the list's total ("占比15.26%", "占基本支出预算81.25%").
    for (const p of parts) {
      if (!p.share || !p.amount || lo(total).lte(0)) continue;
      // (A share after the bracket its part stands in is the bracket's owner's: "…1,077.36万元(其中,…,国有资本经营预算0万元),
      // 占收入合计93.57%".)
      if (p.amount.bracketed && !p.share.bracketed) continue;
      // Nor a share of another part ("区本级支出589.5亿元;…;结转下年…10.8亿元,占区本级一般公共预算支出的1.8%").
      const named = (l: string) => core(l).replace(FUNDS, '');
      if (p.share.of && parts.some((x) => x !== p && x.amount && named(x.amount.label) === named(p.share!.of!))) continue;
      // A share of one thing the total names beside another ("对市县税收返还和转移支付…(包括一般性转移支付…，占转移支付比重达82%"):
      // not of the total.
      if (p.share.of && p.share.of !== total.label && total.label.includes(p.share.of) && /[和及与、]/.test(total.label.replace(p.share.of, ''))) continue;
      // Nor a share of the 三公 total named in a list of the 车 item's parts ("购置费710万元,占“三公”经费总额15.7%").
      if (p.share.of && threePublicItem(p.share.of) && threePublicItem(p.share.of) !== itemOf(total)) continue;
      const rLo = lo(p.amount).div(hi(total)).times(100);
      const rHi = hi(p.amount).div(lo(total)).times(100);
      if (hi(p.share).lt(rLo) || lo(p.share).gt(rHi)) {
        const exact = p.amount.value.div(total.value).times(100);
        report(
          'text.share',
          p.share,
          `“${p.amount.label}”${p.amount.text}占“${total.label || '合计'}”${total.text}的比例应为 ≈ ${exact.toDecimalPlaces(2)}%，文中写 ${p.share.text}${truncated(exact, p.share) ? '（像是截断而不是四舍五入）' : ''}`,
        );
      }
    }
  }
  // The changes of the parts add up to the change of the total.
  if (totalDelta) checkChanges(total, totalDelta, parts, report, false, enumerated);
}

/**
 * The changes of the parts add up to the total's change against the same base (a part that states changes against
 * 上年 and 年初预算 gives the one the total's change names). Only for parts that make the whole: a list of some
 * changes leaves the others out.
 */
function checkChanges(
  total: Claim,
  delta: Claim,
  parts: Part[],
  report: (rule: string, c: Claim, message: string) => void,
  second = false,
  enumerated = false,
) {
  const ds = parts.map((p) => changeAgainst(p, delta, second));
  if (
    !ds.every((d): d is Claim => !!d) ||
    !(
      enumerated ||
      isComplete(
        total,
        parts.map((p) => partName(p)),
      )
    )
  )
    return;
  let sLo = new Decimal(0);
  let sHi = new Decimal(0);
  for (const d of ds) {
    const v = signed(d);
    sLo = sLo.plus(v.minus(d.half));
    sHi = sHi.plus(v.plus(d.half));
  }
  const t = signed(delta);
  if (sLo.gt(t.plus(delta.half)) || sHi.lt(t.minus(delta.half))) {
    const sum = ds.reduce((s, d) => s.plus(signed(d)), new Decimal(0));
    report(
      'text.change-sum',
      delta,
      `总的增减${delta.base === 'budget' ? (/调[增减]$/.test(delta.context.trim()) ? '（较调整前的预算）' : '（较年初预算）') : ''}写为${delta.sign! < 0 ? '减少' : '增加'} ${delta.text}，但各分项的增减 ${ds.map((d) => (d.sign === 0 ? '0' : `${d.sign! < 0 ? '−' : '+'}${d.text}`)).join(' ')} 合计为${sum.gte(0) ? '增加' : '减少'} ${show(sum.abs(), delta)}`,
    );
  }
}
