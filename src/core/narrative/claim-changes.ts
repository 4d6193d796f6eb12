/**
 * Changes and their rates in a 情况说明 (claims.ts reads its figures): each change paired with the amount it is of and
 * its prior, each rate with its change. Interval arithmetic as in claims.ts.
 */
import Decimal from 'decimal.js';
import { changeRate, hi, lo, meets, priorBefore } from './interval';
import { itemNamedLast, threePublicItem } from './items';
import {
  type Claim,
  clauseBefore,
  FUNDS,
  itemOf,
  sentenceYear,
  sharesSubject,
  show,
  signed,
  signedRange,
  subjectWords,
  TRIGGER,
  TRIGGER_LEAD,
  truncated,
  yearIn,
} from './claims';
import { heldIn } from './claim-lists';
import { type Scope } from './claim-relations';

/**
 * "本年支出568.5万元, 较2023年度决算数38.31万元,下降6.31%": a figure read as the prior compared with whose change word was
 * left out: where, read as the prior, it goes against its rate's direction and, read as the change, it gives the rate,
 * it is the change ("比上年的131870.68元减少32.20%" after 89410万元 stays the prior: its unit is the slip).
 */
export function changeWordLeftOut(claims: Claim[]): Claim[] {
  return claims.map((c, i) => {
    const [a, r] = [claims[i - 1], claims[i + 1]];
    const one = (x: Claim | undefined) => !!x && x.para === c.para && x.sentence === c.sentence;
    if (c.kind !== 'prior' || a?.kind !== 'amount' || r?.kind !== 'rate' || !r.sign || !one(a) || !one(r) || c.bracketed || a.bracketed) return c;
    const against = r.sign < 0 ? lo(a).gt(hi(c)) : hi(a).lt(lo(c));
    return against && meets(r, changeRate(c, priorBefore(a, c, r.sign))) ? { ...c, kind: 'delta', sign: r.sign, base: 'year' } : c;
  });
}

/**
 * A change and its rate: the rate follows the change in the same sentence, before the next amount; the change is of the
 * amount its words or its place name, against the prior stated or implied (current ∓ change); a rate and a change that
 * go different ways, a rate of a change of nothing, a change from nothing.
 */
export function checkChangesAndRates(s: Scope) {
  const { all, paras, report, out, sentenceOf } = s;
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
    // (So are "收入、支出总计各增加…", "收支各减少…".)
    const bothSides = /^(收支|收入支出)各?$/.test(subject) || (/各$/.test(subject) && /收入?、?支出?(总计|合计)?各/.test(d.context));
    // (This year's, where the words give both years: "2023年度收入总计…,支出总计…,2022年度收入总计…,支出总计…".)
    const bothTotals = bothSides
      ? candidates
          .filter((c) => c.kind === 'amount' && /(收入|支出|收|支)(总计|合计)/.test(c.label))
          .filter(
            (c, _, all2) => !(dYear && all2.some((x) => yearIn(x.label) === dYear) && (yearIn(c.label) ?? yearIn(paras[c.para].text.slice(0, c.at))) !== dYear),
          )
          .slice(0, 2)
      : [];
    const nearestWords = subject
      ? (bothTotals.length === 2 && bothTotals[0].text === bothTotals[1].text) ||
        // (One figure for both: "收、支总计8,960.51万元,…,收、支总计各增加540.34万元".)
        (bothTotals.length === 1 && /收、?支(总计|合计)/.test(bothTotals[0].context))
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
    // (A part after 其中 that is 0 cannot have grown: "收入总计231.24万元,其中年初结转和结余0万元,较2019年增加5.24万元,增长
    // 2.3%" is the total's change.)
    const nearest =
      nearestWords?.kind === 'amount' && nearestWords.value.isZero() && /其中[^，,；;。\d]*$/.test(nearestWords.context) && d.sign! > 0 && !d.value.isZero()
        ? (candidates.find((c) => c !== nearestWords && c.kind === 'amount' && c.para === d.para && c.sentence === d.sentence) ?? nearestWords)
        : nearestWords;
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
      const pr = priorBefore(ahead!, d, d.sign!);
      if (pr[0].lte(0)) continue;
      if (!meets(rate, changeRate(d, pr))) {
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
        const [sLo, sHi] = signedRange(d);
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
      [pLo, pHi] = priorBefore(before, d, d.sign!);
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
    const prior = priorBefore(total, d, d.sign!);
    if (prior[0].lte(0)) return false;
    return meets(rate, changeRate(d, prior));
  }
}
