/**
 * The figures a 情况说明 states, read as a whole rather than sentence by sentence. Every figure becomes a claim (an
 * amount, a change, a rate, a share, a completion or a prior-year amount, with its label, its base, its sentence and
 * paragraph and the year its heading names); this module also holds what the other stages ask of a claim's words
 * (its 三公 item, its year, its fund, whether a reason explains it). The relations between claims are checked in
 * claim-lists.ts (a total and the parts listed after it), claim-relations.ts (the other shapes) and check-claims.ts.
 * Interval arithmetic decides every relation: a figure printed with d decimals stands for ±½ unit of its last
 * decimal (a printed 0 is exact), and a relation is wrong only when no values inside the intervals satisfy it.
 */
import Decimal from 'decimal.js';
import { pastedParagraphs, type PastedText } from './pasted';
import { threePublicItem, type Item } from './items';
import { halfOf as half, hi, lo, meets, type Range, sumRange, UNIT_SCALES } from './interval';

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
export function baseOf(clause: string): Base | undefined {
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
  if (/\d{4}\s*年|同期|同比|(比|较)\s*(19|20)\d{2}(?![\d.])/.test(c)) return 'year';
  if (/预算/.test(c)) return 'budget';
  return undefined;
}

/** The base field of a change whose clause is this (none when the clause names no base). */
export function withBase(clause: string): { base?: Base } {
  const b = baseOf(clause);
  return b ? { base: b } : {};
}

/** A figure and its unit; "1.8亿多元", "3万多元" (news wording) are at least the figure and below its next step. */
/** (News texts write "1000.86万," for 万元: a 万 or 亿 that ends a clause, or that a comparison follows ("4453万比去年4432万增长"), is the amount's unit.) */
const NUMBER = /(\d+(?:\.\d+)?)(?:\s*(亿多元|万多元|亿元|万元|千元|元|%|[万亿](?=[，,。；;、)）]|\s*$|比|较|增|减|下降|上升)))?/g;
const UP = /(增加|增长|上升|上涨|提高|增幅|涨幅|增支|增收|多支|增|加|多)$/;
const DOWN = /(减少|下降|降低|减幅|降幅|下调|减支|减收|少支|压缩|压减|负增长|减|降|少)$/;
const RATE_CTX = /(增长|下降|降低|上升|上涨|增幅|涨幅|降幅|减幅|增长率|下降率|减少率|增加率|降低率|增加|减少|压缩|压减|增|减|降|提高)(了|为|是|约|达到|达)?$/;
const SHARE_CTX = /占(比|比重)?(为|是|达到|达)?[，,]?$|占([^，,；;。占]{1,20}?)(的)?(比重|比例)?(为|是|达)?$|比重(?:为|是|达到|达)?$/;
export const COMPARE = /(比|较|与|同比|相比|对比)/;
export const FLAT = /持平(?!稳)|无增减|无变化|没有变化|不变|相同|未增减/;
/** Text after which figures explain a change rather than state parts ("主要原因是…", "主要用于…"). */
const EXPLAINS_RE = /(主要原因|原因是|原因为|主要是|主要用于|用于|主要包括|具体包括|主要系|系)[^，,；;。]*$/;
/** Whether text ends in an explanation (not a part named by its use: "其中用于工资福利支出为613.35万元"). */
export const explains = (t: string) => EXPLAINS_RE.test(t.replace(/其中用于/g, '其中'));
export const TRIGGER = /(其中|包括|分别为|分别是|具体如下|如下|分项情况是|分项情况为|具体是|具体为|主要支出(事项|项目)(为|是|有)?)[:：，,]?/;
/** "…、…、…降幅均超过25%": a bound each item's rate is said to pass. */
export const THRESHOLD = /([^，,；;。：:]*?)的?(降幅|减幅|增幅|涨幅|下降幅度|增长幅度)(均|都|全部)(超过|高于|大于|不低于|达到|在)(\d+(?:\.\d+)?)%/g;
/** "决算数大于预算数55.93万元": how far the outturn is from the budget. */
export const OVER_BUDGET = /决算(数|支出)?(大于|多于|超过|超出|高于|小于|少于|低于)(年初)?预算(数)?$/;
/** A sentence that is a list of the amount before it ("其中,因公出国(境)费50万元,…"). */
export const TRIGGER_LEAD = /^\s*(其中|包括|分别为|分别是)/;
/** A clause that only goes on with the change just stated: no subject, a change or rate word first. */
const GOES_ON = /^\s*((对比|相比|比较)(增加|减少|增长|下降|降低)|(减少|增长|下降|增加|降低)(率|幅度)|[减增降]幅|完成(了)?(年初|全年)?预算)/;
/**
 * Whether words speak of 收入 or of 支出 ('' for neither). (What a figure is moved into is no measure of it:
 * "将一般公共预算的超收收入6.9亿元补充预算稳定调节基金" is a use.)
 */
export const measure = (l: string) => (/^将/.test(l) ? '' : /收入/.test(l) ? '收入' : /支出/.test(l) ? '支出' : '');

/** A line's own numbering ("一、", "（二）", "3.") and a bullet ("——", "•") before its words. */
/** A numbered heading that opens its paragraph and ends at its first stop ("(一)因公出国(境)费。", "2.公务接待费:"). */
export const HEADED = /^\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．])\s*([^。；;:：\d,，]{2,20})[。:：]/;
export const NUMBERING = /^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])/;
export const BULLET = /^\s*(——|—|•|·|●|■|◆|▲)\s*/;
/** A heading that opens its line's own words before the first figure ("(一)收入预算,2018年年初预算数120.71万元"). */
const INLINE_HEAD = new RegExp(`${NUMBERING.source}\\s*([^，,。；;:：\\d]{2,12})[，,:：]`);
const HEADING = /^\s*(?:([一二三四五六七八九十]+)[、.．]|[(（]([一二三四五六七八九十]+)[)）]|(\d+)[、.．](?!\d)|[(（](\d+)[)）])/;

function headingLevel(p: string): number {
  const m = HEADING.exec(p);
  if (!m) return 0;
  return m[1] ? 1 : m[2] ? 2 : m[3] ? 3 : 4;
}

export interface Para {
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
    // (Or an unnumbered one: "基本支出:2021年年初预算数为418.76万元" under "具体安排如下:".)
    const inlineHead = INLINE_HEAD.exec(p.text)?.[1] ?? /^\s*([^，,。；;:：\d\s]{2,10})[:：]/.exec(p.text)?.[1];
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
          // "收入总计3874.92万元,…。收支较上年减少484.05,降低11.1%": a change with its unit left out, its rate after it,
          // in the unit of the amounts its paragraph states.
          else if (
            next?.[2] === '%' &&
            /(增加|减少|增长|下降|增收|减收|增支|减支)了?$/.test(before) &&
            /^[，,]\s*(同比)?(增长|下降|降低|增加|减少|上升)了?$/.test(between) &&
            claims.some((c) => c.para === pi && c.kind === 'amount')
          )
            unit = /(亿元|万元|千元|元)$/.exec([...claims].reverse().find((c) => c.para === pi && c.kind === 'amount')!.text)?.[1] ?? '';
          if (!unit) return;
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
            /完成(了)?(年初|全年|调整(后)?)?(收入|支出)?(预算|计划|预期)(数)?(的)?$|^[，,]?为(年初|年|全年|调整(后)?)?(预算|计划|预期)(目标|数)?(的)?$|^[，,]?占(年初|全年|年度|调整(后)?)(预算|计划)(数)?(的)?$/.test(
              tail,
            )
          )
            claims.push({ ...base, kind: 'completion', value, half: h });
          else if (shareM) claims.push({ ...base, kind: 'share', value, half: h, of: cleanWhole(shareM[3] ?? '') });
          else if (RATE_CTX.test(tail.replace(/[-−－]$/, ''))) {
            // "增长-10.3%": a rise below zero is a fall.
            const negative = /[-−－]$/.test(tail);
            const down = DOWN.test(firstOfTwo(tail.replace(/[-−－]$/, '').replace(/率?(了|为|是|约|达到|达)?$/, ''), ctx));
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
          claims.push({ ...base, kind: 'delta', value, half: h, sign: DOWN.test(firstOfTwo(deltaWord, ctx)) ? -1 : 1, ...withBase(clauseCtx) });
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

/**
 * The template's two words left unfilled ("增加(减少)67.65万元", "同比下降(增加)6%", their brackets gone from the words
 * read here): its first word, as the template reads (the leftover is a warning of its own).
 */
const firstOfTwo = (words: string, ctx: string) =>
  /(增加|增长|减少|下降)\s*[(（]\s*(增加|增长|减少|下降)\s*[)）]\s*$/.test(ctx)
    ? words.replace(/(增加|增长)(减少|下降)$/, '$1').replace(/(减少|下降)(增加|增长)$/, '$1')
    : words;

/** How many brackets are open at the end of this text. */
export function bracketDepth(t: string): number {
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
export const clauseBefore = (sentence: string, at: number) =>
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

/** A computed amount shown in the unit the text uses for it (元 texts get 元). */
export function show(v: Decimal, like: Claim): string {
  if (/亿元$/.test(like.text)) return `${v.div(10000).toDecimalPlaces(4)}亿元`;
  return /[^万亿千]元$/.test(like.text) ? `${v.times(10000).toDecimalPlaces(2)}元` : `${v.toDecimalPlaces(4)}万元`;
}

/** Whether the parts can add up to the total, every figure taken within its printed precision. */
export const sumFits = (total: Claim, parts: Claim[]) => meets(total, sumRange(parts));
export const signed = (c: Claim) => (c.sign === 0 ? new Decimal(0) : c.value.times(c.sign ?? 1));

/** A change's or rate's interval with its direction (a fall of 2.5 is −2.55 to −2.45); `sign` where its words give another. */
export const signedRange = (c: Claim, sign = c.sign ?? 1): Range => (sign < 0 ? [hi(c).neg(), lo(c).neg()] : [lo(c), hi(c)]);

/** Whether one claim stands after another in the text. */
export const after = (a: Claim, b: Claim) => a.para > b.para || (a.para === b.para && a.at > b.at);

/** The words of a whole as a share or a label names it, without year, place, stage and filler ("全县一般公共预算收入完成" → 一般公共预算收入). */
export const core = (l: string) =>
  l
    // (And the period of a report: "一季度全省公共财政预算支出", "1-5月份…".)
    .replace(
      /^(其中[:：]?)?((19|20)\d{2}\s*年度?|本年度?|全年|当年|全(省|市|县|区|盟|旗|州)|[一二三四]季度|前三季度|上半年|\d{1,2}\s*[-—–至]\s*\d{1,2}\s*月份?)*/,
      '',
    )
    .replace(/拨款|财政|的|累计|实际|实现|完成|执行|安排|合计|总计|总额|总量|预算数|决算数|为|是|\s/g, '');

/**
 * The year a figure's own words name: its clause ("2015年预算12.5万元"), else the lead of its sentence when that
 * states no figure ("2010年…预算中,因公出国(境)费617万元"); undefined when neither does.
 */
export function keyYear(c: Claim): number | undefined {
  const own = yearIn(c.context.split(/[，,；;：:]/).pop() ?? '');
  if (own !== undefined) return own;
  const lead = c.context.split(/[，,；;]/)[0];
  return lead !== c.context && !/\d+(\.\d+)?\s*(万元|亿元|元|%)/.test(lead) ? yearIn(lead) : undefined;
}

/** A label without its white space and the years it names ("2023年度收入总计" → 收入总计). */
export const yearless = (l: string) => l.replace(/\s/g, '').replace(/(19|20)\d{2}年度?/g, '');

/** The last year a label names ("公务接待费2016年预算" → 2016). */
export function yearIn(label: string): number | undefined {
  const m = [...label.matchAll(/(20\d{2})\s*年/g)].pop();
  return m ? Number(m[1]) : undefined;
}

/**
 * When a figure is for, as its words say: a year, or −1 for the year before ("上年", a figure compared with) and 0
 * for this one ("本年"); undefined when they do not say.
 */
export function whenOf(c: Claim, words: string): number | undefined {
  if (c.kind === 'prior') return -1;
  const y = [...words.matchAll(/(20\d{2})\s*年/g)].pop();
  if (y) return Number(y[1]);
  // "上年结转" and "上年结余" are this year's money, brought forward.
  if (/(上年|去年|上一年)(?!结转|结余)/.test(words)) return -1;
  if (/本年|今年|当年/.test(words)) return 0;
  return undefined;
}

/**
 * The measures a text may state more than once, by their whole name once years, fund and stage words are taken out
 * (a name with more before it, "区本级支出", "全区基本支出", is another scope). 收入 and 支出 alone are the totals
 * only as "收入合计", "支出预算" and the like: "支出决算为", "…，支出…亿元" take their subject from elsewhere.
 */
export const MEASURES: [RegExp, string][] = [
  [/^(部门|单位|本部门|本单位)?基本支出$/, '基本支出'],
  [/^(部门|单位|本部门|本单位)?项目支出$/, '项目支出'],
  [/^(部门|单位|本部门|本单位)?人员经费$/, '人员经费'],
  [/^(部门|单位|本部门|本单位)?公用经费$/, '公用经费'],
  [/^(部门|单位|本部门|本单位)?机关运行经费$/, '机关运行经费'],
  [/^(部门|单位|本部门|本单位)?政府采购$/, '政府采购'],
];
/** 收入 and 支出 named as totals, on the words with the year and fund taken out. */
export const TOTAL_NAMES: [RegExp, string][] = [
  [/^(部门|单位|本部门|本单位|本年|全年)?(收入(总计|合计|总额|总数|共计)|收入预算|预算收入)/, '收入'],
  [/^(部门|单位|本部门|本单位|本年|全年)?(支出(总计|合计|总额|总数|共计)|支出预算|预算支出)/, '支出'],
];
export const FUND = /一般公共预算|公共财政(预算)?|政府性基金|国有资本经营|社会保险基金|财政拨款|财政专户/;
export const FUNDS = new RegExp(FUND.source, 'g');
/** A budget's amount: its words, the fund's name taken out, say 预算, 计划 or 目标 ("…一般公共财政预算收入目标17.36亿元"). */
export const isBudget = (x: Claim) =>
  x.kind === 'amount' && /预算|计划|目标/.test(x.label.replace(FUNDS, '').replace(/计划生育/g, '')) && !/决算/.test(x.label);

/** The year a sentence states its figures for: its first year not compared with ("较2021年度" is the prior). */
export function sentenceYear(t: string): number | undefined {
  for (const m of t.matchAll(/(20\d{2})\s*年/g)) if (!/(较|比|与|同)\s*$/.test(t.slice(0, m.index!))) return Number(m[1]);
  return undefined;
}

/** What a change's own words name, beyond the comparison ("基本支出减少" → 基本支出; "较上年减少" → ''). */
export function subjectWords(label: string): string {
  return (
    label
      .replace(/[(（][^)）]*[)）]/g, '')
      .replace(/(按)?(同|可比)口径/g, '')
      // ("2015年预算增加1.7万元": the comparison with its 比 left out.)
      .replace(/^((19|20)\d{2}年度?|上年|去年)(预算|决算)(数)?(?=(增加|减少|增长|下降|持平))/, '')
      // ("比去年年初预算减少": the year and the stage both named.)
      // ("比2023单位预算收入减少": the year without 年, the budget named as whose and of what.)
      .replace(
        /(比|较|与|同比|相比|对比)(上年|去年|上一年|\d{4}(年度?)?)?(年初|调整)?(同期|同月)?(的|度)?((单位|部门)?(预算|决算)(收入|支出)?|支出|执行|实际)?(数|安排)?(相比)?/g,
        '',
      )
      .replace(/(增加|减少|增长|下降|降低|上升|提高|增幅|降幅|减幅|增支|减支|增收|减收|增|减|降|加|少|了|为|是|约|同比|共|计|合计|总计)/g, '')
      .replace(/[^\u4e00-\u9fa5]/g, '')
  );
}

/** Whether an amount's label speaks of this subject: they share a run of three characters ("三公经费"). */
export function sharesSubject(subject: string, label: string): boolean {
  if (subject.length < 2) return true;
  const l = label.replace(/[^\u4e00-\u9fa5]/g, '');
  // "收入总计386.31万元,支出总计386.31万元。收支较上年决算数减少…": 收支 is either total.
  if (/^收支(总计|合计|总额)?$/.test(subject)) return /(收入|支出)(总计|合计)/.test(l);
  if (subject.length <= 3) return l.includes(subject);
  for (let k = 0; k + 3 <= subject.length; k++) if (l.includes(subject.slice(k, k + 3))) return true;
  return false;
}

/** A figure inside an explanation ("原因是:1、…;2、本年增加了其他资金预算7000万元"): from the last 。 before it. */
export function explained(paras: Para[], c: Claim): boolean {
  // A reason gives details, not totals: "增减变化的主要原因是:某年“三公”经费支出预算合计…万元,比上年…。其中:"
  // opens the account it explains with.
  if (/合计|总计|总额/.test(c.label)) return false;
  const t = paras[c.para].text.slice(0, c.at);
  // (Not a part named by its use: "其中用于工资福利支出为613.35万元".)
  const seg = t.slice(t.lastIndexOf('。') + 1).replace(/其中用于/g, '其中');
  if (!/原因|主要是|主要用于|用于|系因|由于/.test(seg)) return false;
  // A clause dated or numbered after it starts a statement of its own ("由于疫情影响,导致财政收入减收,2020年全县…收入完成
  // 34,264万元"; "…主要原因是严控“三公”经费,三、2023年公务接待费预算200万元").
  const from = seg.search(/原因|主要是|主要用于|用于|系因|由于/);
  if (
    seg
      .slice(from)
      .split(/[，,]/)
      .slice(1)
      .some((x) => /^\s*((19|20)\d{2}\s*年|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])/.test(x))
  )
    return false;
  // An explanation goes on over ； only through its numbered points ("原因是:1、…;2、…7000万元").
  const last = seg.split(/[；;]/);
  return last.length === 1 || /原因|主要是|主要用于|用于|系因|由于/.test(last[last.length - 1]) || /^\s*\d+[、.．]/.test(last[last.length - 1]);
}

/** Text made only of whole sentences that give reasons ("。主要是严格落实过紧日子举措。"), no figures. */
export function reasonsOnly(between: string): boolean {
  if (!/^\s*[。；;]/.test(between) || !/[。；;]\s*$/.test(between) || /\d/.test(between)) return false;
  return between
    .split(/[。；;]/)
    .filter((x) => x.trim())
    .every((x) => /^\s*(主要(原因)?(是|为|系|由于)|原因(是|为|主要是)|由于|系)/.test(x));
}

/** A rate printed by cutting the digits off instead of rounding (23.47 ÷ 228.35 = 10.278… printed 10.27). */
export function truncated(exact: Decimal, printed: Claim): boolean {
  const dec = printed.text.replace('%', '').split('.')[1]?.length ?? 0;
  return exact.toDecimalPlaces(dec, Decimal.ROUND_DOWN).eq(printed.value) && !exact.toDecimalPlaces(dec).eq(printed.value);
}

/** Where the bracket open at `from` closes in the paragraph; undefined when none is open there (or it never closes). */
export function closingBracket(text: string, from: number): number | undefined {
  const open = bracketDepth(text.slice(0, from));
  if (open <= 0) return undefined;
  let depth = open;
  for (let k = from; k < text.length; k++) {
    if (/[(（]/.test(text[k])) depth++;
    else if (/[)）]/.test(text[k]) && --depth < open) return k;
  }
  return undefined;
}

/** A figure that opens a numbered paragraph ("（三）公务用车购置及运行费预算245.98万元…"): the paragraph is about it. */
export function paraAbout(c: Claim): boolean {
  return c.sentence === 0 && HEADING.test(c.context);
}
