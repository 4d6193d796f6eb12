/**
 * Lists in a 情况说明 (claims.ts reads its figures): a total and the parts listed after it (其中 / 包括 / 分别为 / 如下, across
 * 。 and ；, into numbered items under it), which lists make their whole (partitions), and the relations a list is held
 * to: Σ parts = total, Σ part changes = total change, the parts' priors against the total's, shares of the total.
 * Interval arithmetic as in claims.ts.
 */
import Decimal from 'decimal.js';
import { catalogueEntries } from '../catalogue';
import { normName } from '../text';
import { itemNamedLast, threePublicItem } from './items';
import { hi, lo, priorBefore, sumOf, sumRange } from './interval';
import {
  BULLET,
  type Claim,
  FUNDS,
  HEADED,
  NUMBERING,
  type Para,
  TRIGGER,
  baseOf,
  bracketDepth,
  clauseBefore,
  closingBracket,
  core,
  explains,
  itemOf,
  keyYear,
  measure,
  paraAbout,
  show,
  signed,
  subjectWords,
  sumFits,
  truncated,
} from './claims';

/** Whether two changes name different bases ("较上年减少…，较年初预算数减少…"). */
export const otherBase = (a: Claim, b: Claim) => !!a.base && !!b.base && a.base !== b.base;

/**
 * Of a part's changes, the one against the base of the total's change `like`: the one that names it; for the
 * total's first change (not one against a second base), else one that names none.
 */
function changeAgainst(p: Part, like: Claim, second = false): Claim | undefined {
  const own = [p.delta, ...(p.alt ?? [])].filter((c): c is Claim => !!c);
  return own.find((c) => c.base && c.base === like.base) ?? (second ? undefined : own.find((c) => !c.base || !like.base));
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
  // A 收入合计 / 收入总计 and a 支出总计 by where the money comes from and goes: this year's, and what is carried.
  [/本年收入/, /(上年|年初)结转/],
  [/本年收入/, /使用非财政拨款结余/, /年初结转(和)?结余/],
  [/本年支出/, /结余分配/, /年末结转(和)?结余/],
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
  // New government bonds: 一般债券 and 专项债券.
  [/^(其中)?(地方政府)?一般债券$/, /^(其中)?(地方政府)?专项债券$/],
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
export function isPartition(labels: string[]): boolean {
  return PARTITIONS.some((ps) => labels.length === ps.length && ps.every((re) => labels.some((l) => re.test(l))));
}

/**
 * A figure whose thousands comma was printed as a decimal point (a.bcd万元 for a,bcd万元): three decimals, and the
 * relation it breaks holds with the figure read as thousands. The figure as meant, or undefined.
 */
export function thousandsSlip(c: Claim, holds: (meant: Claim) => boolean): Claim | undefined {
  const m = /^(\d{1,3})\.(\d{3})(\D*)$/.exec(c.text);
  if (!m) return undefined;
  const meant: Claim = { ...c, text: `${m[1]},${m[2]}${m[3]}`, value: c.value.times(1000), half: c.half.times(1000) };
  return holds(meant) ? meant : undefined;
}

export const slipNote = (meant: Claim) => `：多半是千分位逗号印成了小数点，应为 ${meant.text}`;

/** The one figure of a sum (its total or a part) whose thousands slip makes the sum hold, when there is just one. */
export function slipIn(total: Claim, parts: Claim[]): { printed: Claim; meant: Claim } | undefined {
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

export interface Part {
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

/**
 * The parts of a list that starts at `from` in paragraph `para`: each amount (or change) starts a part, the change,
 * rate and share after it belong to it, amounts in brackets after it are its own parts (购置c，运行d). The list
 * runs over 。 while the next sentence starts like a part (a short label, then its figure), and over the
 * paragraphs under it (deeper numbered items, unnumbered lines); a nested 其中 or a text that explains instead of
 * listing ends it. Undefined when the list cannot be read with confidence.
 */
export function listParts(all: Claim[], paras: Para[], para: number, from: number, withinSentence: boolean): Part[] | undefined {
  const parts: Part[] = [];
  /** The amount the list is of: the last before its start in its paragraph. */
  const total = all.filter((c) => c.para === para && c.at < from && c.kind === 'amount').pop();
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
    // (So does a numbered item's own list, over its ； to the item's end: "2.…22061.32万元,…。其中:人大事务…;行政事业单位
    // 养老支出…;住房改革经费…。")
    // (A line a copy broke out of the item, unnumbered, is still the item's.)
    const itemOwn = itemLevel !== undefined && ((c.para === pos.para && paras[c.para].level === itemLevel) || (c.para !== para && !paras[c.para].level));
    if (crossed) {
      explaining = false;
      if (!(nested && (itemOwn || /^\s*[(（]\d+[)）]/.test(paras[c.para].sentences[c.sentence].text)))) nested = false;
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
    // (Not over ； in its sentence where its parts are parted by ；, the list going on past them: a 决算's "本年支出合计…其中:
    // 基本支出…;项目支出…;经营支出14,694.4万元,对附属单位补助支出130万元".)
    const partedBySemicolons =
      parts.length >= 2 &&
      !!parts[0].amount &&
      !!parts[1].amount &&
      /[；;]/.test(paras[parts[0].amount.para].text.slice(parts[0].amount.end, parts[1].amount.at));
    const goesOn = partedBySemicolons && c.para === pos.para && !/。/.test(text);
    if (crossed && !goesOn && parts.length >= 2 && c.kind === 'amount' && parts.every((x) => x.amount)) {
      const labels = parts.map((x) => x.amount!.label);
      if (isPartition(labels) && !isPartition([...labels, c.label])) return finish(parts);
    }
    // The whole again on another basis, in a sentence of its own, is no part ("…一般公共预算收入202.96亿元,…。其中,完成税收收入
    // 173.65亿元,…。全区还原留抵退税后累计完成一般公共预算收入250.9亿元").
    // (Larger than the whole it is named as: a part of it may be named with the whole's name, "地方公共财政预算收入".)
    const whole = core(total?.label ?? '');
    if (crossed && parts.length && c.kind === 'amount' && whole.length >= 4 && core(c.label).endsWith(whole) && total && lo(c).gt(hi(total)))
      return finish(parts);
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
    // (A part's own list is the part's business: "一般公共预算拨款收入…。其中:…行政事业单位养老支出2211.80万元".)
    if (c.kind === 'amount' && !nested && listMeasure && measure(c.label) && measure(c.label) !== listMeasure)
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
    // (Nor is that of a line led by its item's name, as the list's first part's line was: "基本支出:2021年年初预算数为
    // 418.76万元,…" then "项目支出:2021年年初预算数为85万元".)
    const ledLine = (q: number) => /^\s*[^，,。；;:：\d\s]{2,10}[:：]/.test(paras[q].text);
    const underItem =
      (itemLevel !== undefined && c.para > 0 && !paras[c.para].level && paras[c.para - 1].level === itemLevel && c.sentence === 0 && c.para !== pos.para) ||
      (c.para !== pos.para && c.sentence === 0 && !!parts[0]?.amount && parts[0].amount.para !== para && ledLine(c.para) && ledLine(parts[0].amount.para));
    // (A numbered item's own list, "2.一般公共预算拨款收入…。其中:人大事务…", is the item's: it goes on.)
    // (Nor the first figure of the next numbered item: "2.项目支出2022年预算1521.04万元".)
    // (Its first figure, past a heading that ends with a stop: "(一)基本支出。2022年基本支出3736.92万元".)
    const opensItem = c.sentence === 0 || (all.find((x) => x.para === c.para) === c && HEADED.test(paras[c.para].text));
    const nextItem = inItem && c.para !== pos.para && opensItem;
    if (crossed && parts.length && (c.kind === 'amount' || c.kind === 'delta') && !underItem && !(inItem && nested) && !nextItem) {
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
      // (Nor, after parts that are amounts, one that compares its subject with last year: "；支出较去年增加2102.84万元,…".)
      if (
        /[，,:：]/.test(lead) ||
        lead.length > 30 ||
        /^(较|比|与|同比|相比|加上?|减去?|扣除)/.test(lead) ||
        (/(较|比)(上年|去年|上一年)/.test(lead) && c.kind === 'delta' && parts.every((x) => x.amount)) ||
        /\d{4}\s*年|合计|总计|总额/.test(lead)
      )
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
export function scoped(total: Claim, parts: Part[] | undefined): Part[] | undefined {
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
export function followers(all: Claim[], c: Claim): { delta?: Claim; rate?: Claim; prior?: Claim } {
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

/**
 * An amount's change: after it in its sentence (followers), or, for the first figure of its paragraph with its own parts
 * between, the one change of the paragraph that names nothing else and stands in a sentence with no figure before it
 * ("2022年基本支出3736.92万元,其中人员经费…,公用经费…。比2021年预算增加654万元"; not "…,公用经费353.71万元,比2021年
 * 预算增加54万元", the 公用经费's).
 */
export function changeOf(all: Claim[], paras: Para[], c: Claim): Claim | undefined {
  const own = followers(all, c).delta;
  if (own || all.find((x) => x.para === c.para) !== c) return own;
  // (Its words name nothing else, or what the amount's do: "收入较2024增加39.39万元" after "收入预算…1282.73万元".)
  const loose = all.filter((x) => x.para === c.para && x.kind === 'delta' && (!subjectWords(x.label) || c.label.includes(subjectWords(x.label))));
  const lead = loose.length === 1 && loose[0].sentence > c.sentence ? loose[0] : undefined;
  return lead && !all.some((x) => x.para === lead.para && x.sentence === lead.sentence && x.at < lead.at) ? lead : undefined;
}

/** The stage a change's words compare with ("比2021年预算" → 预算, "较上年决算数" → 决算), '' where they name none. */
export const comparedStage = (d: Claim) => /(比|较|与)[^，,；;。]{0,12}?(预算|决算)/.exec(d.label.replace(FUNDS, ''))?.[2] ?? '';

/** Of amounts of one sentence, latest first: the last, or the first where the later ones follow a 含 / 其中 / 包括 after it. */
export function heldIn(latestFirst: Claim[], paras: Para[]): Claim | undefined {
  const first = latestFirst[latestFirst.length - 1];
  if (
    first &&
    latestFirst.length > 1 &&
    /^[^。；;]*?[，,]?\s*(含|其中|包括)/.test(paras[first.para].text.slice(first.end, latestFirst[latestFirst.length - 2].at))
  )
    return first;
  return latestFirst[0];
}

/** The prior-year value an amount implies with its change, its rate or a stated prior; undefined when none. */
export function priorOf(a: Claim, f: { delta?: Claim; rate?: Claim; prior?: Claim }): [Decimal, Decimal] | undefined {
  if (f.prior) return [lo(f.prior), hi(f.prior)];
  if (f.delta) return priorBefore(a, f.delta, f.delta.sign!);
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
export function checkPriors(
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
export function asPrior(like: Claim, [a, b]: [Decimal, Decimal]): Claim {
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
export function priorAsPrinted(amount: Claim | undefined, d: Claim | undefined, r: Claim | undefined): Decimal | undefined {
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
export function checkPartPriors(
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

const amountsOf = (parts: Part[]) => parts.map((p) => p.amount).filter((c): c is Claim => !!c);

/** Function-classification codes by name ("群众文化" → 2070109; a class also without its 支出). */
let codesByName: Map<string, string[]> | undefined;
/** The code of the class, 款 or 项 a list's label names ("群众文化支出预算" → 2070109), where only one has that name. */
function functionCode(label: string): string | undefined {
  if (!codesByName) {
    codesByName = new Map();
    for (const [code, name] of catalogueEntries('function'))
      for (const n of new Set([normName(name), normName(name).replace(/支出$/, '')])) codesByName.set(n, [...(codesByName.get(n) ?? []), code]);
  }
  const n = normName(label)
    .replace(/^(其中[:：]?)/, '')
    .replace(/(年初)?(预算|决算)(数)?(为|是)?$/, '')
    .replace(/(支出)+$/, '');
  const codes = codesByName.get(n);
  return codes?.length === 1 ? codes[0] : undefined;
}

/** A total's words without the bracket and ordinal that open its clause ("(一是增加部分" → 增加部分). */
export const listedName = (label: string) => label.replace(/^[(（]/, '').replace(/^[一二三四五六七八九十]是/, '');

/**
 * A list that need not be whole falls short, and one part printed in 元 among 万元 makes it exactly whole read as 万元
 * ("…,新增债券转贷收入较预算增加13637元,…" in "增加部分47349万元,其中:…"): the 万 left out.
 */
export function reportUnitSlip(total: Claim, parts: Claim[], report: (rule: string, c: Claim, message: string) => void) {
  const asWan = (a: Claim) => ({ ...a, value: a.value.times(10000), half: a.half.times(10000) });
  const slips = parts.filter(
    (a) =>
      /[^万亿千]元$/.test(a.text) &&
      sumFits(
        total,
        parts.map((b) => (b === a ? asWan(b) : b)),
      ),
  );
  if (slips.length !== 1 || !parts.every((a) => slips.includes(a) || /万元$/.test(a.text))) return;
  const name = listedName(total.label || '合计');
  report(
    'text.unit',
    slips[0],
    `“${slips[0].label}”写为 ${slips[0].text}，其余各项都是万元；读作 ${slips[0].text.replace(/元$/, '万元')}，所列各项之和正好是“${name}”${total.text}：多半是漏了“万”`,
  );
}

export function checkList(
  total: Claim,
  totalDelta: Claim | undefined,
  parts: Part[],
  report: (rule: string, c: Claim, message: string) => void,
  paras: Para[],
  enumerated = false,
) {
  // A function class's own 款 or 项 listed after it ("文化旅游体育与传媒支出支出预算286.85万元,群众文化支出预算286.85万元") is a
  // detail of it, not another part.
  const nested = (c: Claim, k: number) => {
    const code = functionCode(c.label);
    return !!code && amountsOf(parts.slice(0, k)).some((x) => (functionCode(x.label) ?? code).length < code.length && code.startsWith(functionCode(x.label)!));
  };
  const amounts = amountsOf(parts).filter((c, k) => !nested(c, k));
  if (total.kind === 'amount' && amountsOf(parts).length === parts.length) {
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
    } else if (sHi.lt(lo(total))) reportUnitSlip(total, amounts, report);
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
      // (Not where its words name the total too: "占收入合计55.61%" under "本年收入合计", beside "财政拨款收入".)
      if (p.share.of && named(p.share.of) !== named(total.label) && parts.some((x) => x !== p && x.amount && named(x.amount.label) === named(p.share!.of!)))
        continue;
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
export function checkChanges(
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
