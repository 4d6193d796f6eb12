/**
 * The arithmetic a 情况说明 states, checked as a whole (claims.ts reads its figures; claim-lists.ts, claim-tree.ts and
 * claim-relations.ts hold the relations): the 三公 tree, changes and rates, shares, completions, one measure stated twice,
 * and every named relation, each reported once.
 */
import Decimal from 'decimal.js';
import type { TextFinding } from './check-text';
import { ITEM_NAMES, threePublicItem, type Item } from './items';
import { hi, lo, meets, sumOf, sumRange } from './interval';
import {
  COMPARE,
  type Claim,
  type ClaimsRead,
  FLAT,
  FUNDS,
  OVER_BUDGET,
  THRESHOLD,
  TRIGGER,
  clauseBefore,
  closingBracket,
  core,
  explained,
  explains,
  isBudget,
  itemOf,
  keyYear,
  measure,
  readClaims,
  reasonsOnly,
  sentenceYear,
  subjectWords,
  show,
  signedRange,
  withBase,
  yearIn,
  yearless,
} from './claims';
import { checkChanges, checkList, checkPartPriors, checkPriors, comparedStage, followers, listParts, otherBase, scoped } from './claim-lists';
import {
  type Scope,
  checkAddedOn,
  checkBalanceSheet,
  checkBounds,
  checkBreakdowns,
  checkBudgetSides,
  checkByUnitKind,
  checkCarSections,
  checkChangeOfYears,
  checkBalanced,
  checkBothTotals,
  checkBasicAndProjectChanges,
  checkChangeParts,
  checkComparedAfter,
  checkCountsTwice,
  checkShareOfTwoParts,
  checkFlatRows,
  checkHeadcount,
  checkLevels,
  checkMadeOf,
  checkNothing,
  checkPartsBeforeWhole,
  checkPartsWithin,
  checkPoints,
  checkRatesOfTwoAmounts,
  checkRevenue,
  checkShareRuns,
  checkTotalBudget,
  checkTotalsAfter,
  checkYearOnYear,
  checkYearlyAverages,
  measureOf,
  only,
  partOfShare,
  wholeKey,
  zeroItems,
} from './claim-relations';
import { checkThreePublicTrees } from './claim-tree';
import { changeWordLeftOut, checkChangesAndRates } from './claim-changes';

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
  const all = changeWordLeftOut([...claims, ...zeroes].sort((a, b) => a.para - b.para || a.at - b.at));
  /** Shares already checked against the total of their list. */
  const inLists = new Set<Claim>();
  const partOfList = new Set<Claim>();
  /** Changes of a total against its second base, checked with that total: no totals of their own. */
  const secondBase = new Set<Claim>();
  const figured = [...new Set(all.map((c) => c.para))];
  /** How many paragraphs that state figures lie after paragraph `a`, up to and with paragraph `b`. */
  const figuredBetween = (a: number, b: number) => figured.filter((q) => q > a && q <= b).length;
  const s: Scope = { all, paras, report, out, sentenceOf, partOfList, figuredBetween };

  checkChangesAndRates(s);

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
    const said = signedRange(r);
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
        // (Not after the figure it answers: "调增…转贷收入10000万元,相应区本级调增一般公共预算支出10000万元。具体如下:".)
        ((partOfList.has(total) ||
          all.some(
            (c) =>
              c.kind === 'amount' && c.para === total.para && c.sentence === total.sentence && c.at < total.at && !/相应/.test(p.text.slice(c.end, total.at)),
          )) &&
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
    // (So does an unnumbered line the total ends, "…当年支出预算为24505.44万元。" then "1.基本支出…", "2.项目支出…": its items
    // make it where they are a partition, and are no more than it otherwise.)
    const endsLine = !p.level && /^[。；;\s]*$/.test(p.text.slice(total.end));
    if (listFrom === undefined && !total.bracketed && (p.level || endsLine) && (!all[j] || all[j].para !== total.para)) {
      const below = paras[total.para + 1];
      if (below && below.level > (p.level || p.under) && all.some((c) => c.para === total.para + 1 && c.kind === 'amount' && c.sentence === 0)) {
        listFrom = p.text.length;
        enumerated = !endsLine;
      }
    }
    // A line of its own that says the items follow ("具体安排如下:"), after the line the total opens, then the items each
    // on a line of its own ("基本支出:…418.76万元…", "项目支出:…85万元"): another list of the total's.
    const below = paras[total.para + 1];
    const asFollows =
      !total.bracketed &&
      !all.some((c) => c.para === total.para && c.at < total.at) &&
      !!below &&
      /^\s*(具体(安排|情况))?如下[:：]?\s*$/.test(below.text) &&
      all.some((c) => c.para === total.para + 2 && c.kind === 'amount');
    // A heading further on that names the total and says what makes it ("(一)收入总计主要构成。" then "本年收入67.65万元。",
    // "使用非财政拨款结余0万元,…", "年初结转结余0万元,…", each a line of its own): that list is the total's too.
    const stem = yearless(total.label);
    // (This year's, the first of its name in its paragraph: "2023年度收入总计…,2022年度收入总计…".)
    const firstOfName = !all.some((c) => c.kind === 'amount' && c.para === total.para && c.at < total.at && yearless(c.label) === stem);
    // (Or a line that opens the list itself: "本年收入合计231.24万元,…。" then "本年收入的具体构成为:财政拨款收入213.24万元,…".)
    const name = stem.replace(/(为|是)$/, '');
    const opens = /^(本年)?(收入|支出)(总计|合计)$/.test(name)
      ? new RegExp(
          `^\\s*([(（][一二三四五六七八九十]+[)）])?\\s*(${name}|${name.replace(/(合计|总计)$/, '')})(的)?(具体|主要)?构成(情况)?(为|是|如下)?([。:：]?\\s*$|[:：])`,
        )
      : undefined;
    const namedAt =
      firstOfName && opens
        ? paras.findIndex((q, k) => k > total.para && k <= total.para + 8 && opens.test(q.text) && !paras.slice(total.para + 1, k).some((x) => x.level === 1))
        : -1;
    if (listFrom === undefined && !asFollows && namedAt < 0) continue;
    const starts: { para: number; from: number; enumerated: boolean }[] = listFrom === undefined ? [] : [{ para: total.para, from: listFrom, enumerated }];
    if (asFollows) starts.push({ para: total.para + 1, from: below.text.length, enumerated: false });
    if (namedAt >= 0) {
      const m = opens!.exec(paras[namedAt].text)!;
      starts.push({
        para: namedAt,
        from: /[:：]$/.test(m[0]) && m[0].length < paras[namedAt].text.trimEnd().length ? m[0].length : paras[namedAt].text.length,
        enumerated: false,
      });
    }
    // A list in brackets right after the total ("62339万元(其中旗本级…,工业园区…)"), then, after the total's change,
    // one of its own ("。其中:税收收入…,非税收入…"): both are the total's.
    const close = listFrom === undefined ? undefined : closingBracket(p.text, listFrom);
    const rest = close === undefined ? [] : all.filter((c) => c.para === total.para && c.at > close);
    const k2 = rest.findIndex((c) => c.kind === 'amount');
    if (close !== undefined && k2 >= 0 && rest.slice(0, k2).every((c) => c.kind === 'delta' || c.kind === 'rate')) {
      const m2 = /[。；;，,]\s*其中[:：]?(?=[^，,；;。\d]*$)/.exec(p.text.slice(close, rest[k2].at));
      if (m2) starts.push({ para: total.para, from: close + m2.index + m2[0].length, enumerated: false });
    }
    for (const st of starts) {
      // A part of a list already read has its own list within its sentence ("财政拨款收入751.8万元，包括…；").
      const parts = scoped(total, listParts(all, paras, st.para, st.from, partOfList.has(total) && itemOf(total) !== 'vehicle'));
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

  // The named relations over the Scope (claim-tree.ts, claim-relations.ts).
  const nil = zeroItems(paras);
  const noneOf = new Map(nil.map((z) => [z.claim, z.item]));
  /** The 车 items whose 购置 and 运行 a tree has taken. */
  const carsDone = new Set<Claim>();
  // The 三公 tree wherever its items stand; then 车 = 购置 + 运行 in sections of their own, where no tree took them.
  checkThreePublicTrees(s, { nil, carsDone, inLists, holeBetween });

  checkCarSections(s, nil, noneOf, carsDone);

  checkRevenue(s);

  checkAddedOn(s);
  checkMadeOf(s);
  checkLevels(s);
  checkByUnitKind(s);
  checkBalanceSheet(s);
  checkHeadcount(s);
  checkCountsTwice(s);
  checkShareOfTwoParts(s);
  checkComparedAfter(s);
  checkBothTotals(s);
  checkBalanced(s);
  checkChangeParts(s);
  checkBasicAndProjectChanges(s);
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
    if (c.kind === 'share' && lo(c).gt(100) && /其中/.test(c.context)) report('text.share', c, `其中一项占 ${c.text}：部分所占比例不能超过 100%`);

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

  // A change whose words name nothing but the comparison ("…收入1125.76万元,较2024年增加34.42万元"): a change of what
  // the amount it follows measures.
  const amountOf = (c: Claim) => {
    if (c.kind !== 'delta' || subjectWords(c.label)) return undefined;
    const a = all
      .slice(0, all.indexOf(c))
      .reverse()
      .find((x) => x.para === c.para && x.sentence === c.sentence && x.kind === 'amount');
    return a && followers(all, a).delta === c ? a : undefined;
  };
  // One measure stated twice, in two sentences, as figures no rounding can make one.
  // (A change whose year its sentence does not name is this year's: "…,一般公共预算拨款增加了32.42万元" and later
  // "2025年一般公共预算财政拨款收入…,较2024年增加34.42万元" are one. Not a part's: "其中,部分减少的经费是因为…上划到市级,减少了
  // “三公”经费342.74万元". Nor one of an amount another than the other's, which tells another year: "本年…1125.76万元,较上年
  // 增加…" and "2024年…1091.34万元,较2023年增加…".)
  const undated = (x: Claim) => x.kind === 'delta' && !/其中|部分|包括/.test(x.context);
  const seen = new Map<string, { year: string; claim: Claim; amount?: Claim }[]>();
  for (const c of all) {
    const amount = amountOf(c);
    const measured = amount && measureOf(amount, paras, true);
    const key = measureOf(c, paras) ?? (measured && `delta${c.sign}${c.base ?? 'year'}${comparedStage(c)}${measured.slice(measured.indexOf('|'))}`);
    if (!key) continue;
    const [kind, fund, item, stage, year, area] = key.split('|');
    const loose = [kind, fund, item, stage, area].join('|');
    const earlier = seen.get(loose) ?? [];
    const sameAmount = (x: { amount?: Claim }) => !x.amount || !amount || x.amount.text === amount.text;
    const first = earlier.find((x) => x.year === year || ((!x.year || !year) && undated(x.claim) && undated(c) && sameAmount(x)))?.claim;
    if (!earlier.some((x) => x.year === year)) seen.set(loose, [...earlier, { year, claim: c, amount }]);
    if (!first) continue;
    if ((first.para === c.para && first.sentence === c.sentence) || first.text.replace(/[^\d.]/g, '') === c.text.replace(/[^\d.]/g, '')) continue;
    if (hi(first).lt(lo(c)) || lo(first).gt(hi(c)))
      out.push({
        rule: 'text.repeat',
        severity: 'warning',
        message: `“${amount?.label ?? ''}${c.label}”在前文写为 ${first.text}（“${sentenceOf(first).slice(0, 40)}”），这里写为 ${c.text}：同一数字前后不一致，请核对`,
        sentence: sentenceOf(c),
        stated: c.text,
      });
  }

  checkTotalsAfter(s);
  checkBreakdowns(s);
  checkPartsWithin(s);

  // "完成预算27万元的63.2%", "占三公总额114.72亿元的65.85%": the percentage of the amount before, of the one it names.
  for (let i = 2; i < all.length; i++) {
    // (Past the 超收 said between: "预计可完成63960万元,超收26660万元,占预算目标37300万元的171.47%".)
    const over = all[i - 2]?.kind === 'delta' && all[i - 2].base === 'budget' && i >= 3;
    const [part, whole, pct] = [all[over ? i - 3 : i - 2], all[i - 1], all[i]];
    if (pct.kind !== 'percent' || whole.kind !== 'amount' || part.kind !== 'amount' || !/^的(比例|比重)?(为|是)?$/.test(pct.label)) continue;
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
    // (So is one named past a figure of another kind: "…较上年28899万元增长9.9%,税收收入占县级一般公共预算收入的57.7%".)
    const subject =
      inSentence?.kind === 'amount'
        ? ''
        : core(
            sh.context
              .split(/[，,；;。]/)
              .pop()!
              .replace(/占.*$/, ''),
          );
    // Stated before it, or (its words name it) just after ("…的57.7%" then "——税收收入18319万元,增长17.6%").
    const byName = (c: Claim) => c.kind === 'amount' && !c.bracketed && core(c.label) === subject;
    // (After it, of the year its own sentence is for: not "2024年,税收收入18319万元" after "2023年,税收收入占…的55.2%".)
    const yearOf = (c: Claim) => sentenceYear(paras[c.para].sentences[c.sentence].text);
    const sameYear = (a: Claim, b: Claim) => yearOf(a) === undefined || yearOf(b) === undefined || yearOf(a) === yearOf(b);
    const part =
      subject.length >= 2
        ? (all
            .slice(0, i)
            .reverse()
            .find((c) => byName(c) && c.para >= sh.para - 1) ?? all.slice(i + 1).find((c) => byName(c) && c.para <= sh.para + 1 && sameYear(c, sh)))
        : inSentence;
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
    // (Its words may name the budget after the name: "一般公共预算支出调整为263.68亿元", "…支出预算总额为261.25亿元".)
    const stem = (l: string) => core(l.replace(/全年|预期(数)?$/g, '')).replace(/(年初)?(预算)?(调整|总额)?$/, '');
    const byNameAll =
      !inSentence && !gap && !earlier && !inPara && actual && !item && core(actual.label).length >= 3
        ? all
            .slice(0, all.indexOf(actual))
            .reverse()
            .filter(
              (x) =>
                x.kind === 'amount' &&
                !x.bracketed &&
                x.para < c.para &&
                x.para >= c.para - 4 &&
                // ("全年收入预期5390000万元" then "收入完成2643400万元,…,完成全年预期的49%".)
                stem(x.label) === core(actual.label) &&
                // (Of its year: not "2023年全区一般公共预算支出预算为240亿元" for "2024年…完成255亿元".)
                (yearIn(x.label) ?? yearIn(actual.label)) === (yearIn(actual.label) ?? yearIn(x.label)) &&
                /预算/.test(paras[x.para].sentences[x.sentence].text) &&
                // (Not an outturn itself, "…支出5930.32亿元,比上年增长3.7%,完成调整预算的95.36%".)
                !all.some((y) => y.kind === 'completion' && y.para === x.para && y.sentence === x.sentence && y.at > x.at),
            )
        : [];
    const byName = byNameAll.find((x) => !adjusted || /调整/.test(paras[x.para].sentences[x.sentence].text));
    // (Where the words leave two budgets stated before it, "调整为263.68亿元" and, after more changes, "预算总额为
    // 261.25亿元", either may be the one: wrong only against both.)
    const fits = (b: Claim) => actual && lo(b).gt(0) && meets(c, [lo(actual).div(hi(b)).times(100), hi(actual).div(lo(b)).times(100)]);
    if (byName && !inSentence && !earlier && !inPara && byNameAll.some((b) => b !== byName && fits(b))) continue;
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
