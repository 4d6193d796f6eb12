/**
 * The 三公 tree a 情况说明 states (claims.ts reads its figures): its items wherever they stand, held to their total.
 * Interval arithmetic as in claims.ts.
 */
import Decimal from 'decimal.js';
import { ITEM_NAMES, itemNamedLast, type Item } from './items';
import { hi, lo, sumOf, sumRange } from './interval';
import { type Claim, after, explained, FUND, itemOf, keyYear, show, signed, sumFits } from './claims';
import { type Part, asPrior, checkChanges, otherBase, checkPriors, followers, priorOf, slipIn, slipNote, thousandsSlip } from './claim-lists';
import { type Scope, checkItemBudgets } from './claim-relations';

/** What the tree needs beyond the Scope: the items said to have nothing, the 车 items done, the shares lists took. */
export interface TreeScope {
  nil: { item: Item; claim: Claim }[];
  carsDone: Set<Claim>;
  inLists: Set<Claim>;
  holeBetween: (a: Claim, b: Claim) => boolean;
}

/**
 * The 三公 tree wherever its items stand: a 三公 total, then the first amount of each item after it (in its paragraph or
 * the next five that state figures, before another 三公 total of its stage): 合计 = 出国 + 车 + 接待, 车 = 购置 + 运行; the
 * items' shares of the total, their changes against the total's, their priors against the total's prior.
 */
export function checkThreePublicTrees(s: Scope, tree: TreeScope) {
  const { all, paras, report, out, sentenceOf, partOfList, figuredBetween } = s;
  const { nil, carsDone, inLists, holeBetween } = tree;
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
}
