/**
 * The 三公 tables pasted into a text (text-tables.ts), checked on their own and against the text around them:
 *  - each period's tree: 合计 = 因公出国 + 公务用车 + 公务接待, 公务用车 = 购置 + 运行;
 *  - a change column or row against its two periods, a rate against (current − prior) ÷ prior;
 *  - the text's amounts against the table's, in the period the text speaks of (the one most of its 三公 amounts
 *    agree with), and its 完成预算 percentages against the table's 预算数.
 * Interval arithmetic as in claims.ts: a figure printed with d decimals stands for ±½ unit of its last decimal.
 */
import Decimal from 'decimal.js';
import type { TextFinding } from './check-text';
import { itemOf, type Claim, type ClaimsRead } from './claims';
import { changeRate, hi, lo, meets, priorBefore, rateRange, sumOf, sumRange, UNIT_SCALES, type Range } from './interval';
import { ITEM_NAMES, itemNamedLast, type Item } from './items';
import { type Fig, type Period, type TextTable, type YearSeries } from './text-tables';

const show = (d: Decimal) => d.toDecimalPlaces(2).toString();
/** An amount computed (held in 万元) in the unit the table prints its cells in. */
const amount = (v: Decimal, t: TextTable) => show(v.div(UNIT_SCALES[t.unit] ?? 1));
/** A cell as printed, with the table's unit where the cell names none ("34万元" stays as it is). */
const inUnit = (cell: Fig, t: TextTable) => (/元$/.test(cell.text) ? cell.text : `${cell.text}${t.unit}`);
/**
 * Whether a figure of the text and the table's can be one amount: printed to the same decimals they must be the
 * same (one value rounds to one figure), else their intervals must meet.
 */
const same = (c: Fig, cell: Fig) => (c.half.eq(cell.half) && !c.half.isZero() ? c.value.eq(cell.value) : meets(cell, [lo(c), hi(c)]));
const TREES: [Item, Item[]][] = [
  ['total', ['abroad', 'vehicle', 'reception']],
  ['vehicle', ['purchase', 'operation']],
];

const periodName = (p: Period) => p.label.replace(/\s/g, '') || '表中';

/** The findings of one table. */
function ownArithmetic(t: TextTable): TextFinding[] {
  const out: TextFinding[] = [];
  const at = (item: Item, p: number) => {
    const i = t.items.indexOf(item);
    return i < 0 ? undefined : t.cells[i][p];
  };
  const rowOf = (item: Item, p: number) => t.rows[t.items.indexOf(item)][p];
  t.periods.forEach((period, p) => {
    if (period.kind === 'rate') return;
    for (const [whole, parts] of TREES) {
      const total = at(whole, p);
      const figs = parts.map((x) => at(x, p));
      // (Parts all left empty under a whole that has something are not broken down: "其中:公务用车运行维护费 | |".)
      if (!total || figs.every((f) => !f) || (figs.every((f) => !f || f.empty) && !total.value.isZero())) continue;
      const [a, b] = sumRange(figs.filter((f): f is Fig => !!f));
      // With a cell empty or unknown, the ones known can only fall short of an amount's total.
      const partial = figs.some((f) => !f);
      if (partial ? period.kind !== 'amount' || !a.gt(hi(total)) : meets(total, [a, b])) continue;
      const sentence =
        t.rows[0][p] === t.rows[t.rows.length - 1][p]
          ? rowOf(whole, p)
          : `表（${periodName(period)}）：${[whole, ...parts]
              .filter((x) => at(x, p))
              .map((x) => `${ITEM_NAMES[x]} ${at(x, p)!.text}`)
              .join('，')}`;
      const known = parts.filter((x) => at(x, p));
      out.push({
        rule: 'text.table',
        severity: 'error',
        message: `文中所附表格${periodName(period)}的${ITEM_NAMES[whole]}为 ${total.text}，但${known.map((x) => `${ITEM_NAMES[x]} ${at(x, p)!.text}`).join(' + ')} = ${amount(sumOf(known.map((k) => at(k, p)!)), t)}${partial ? '（其余项空缺），已超过合计' : ''}`,
        sentence,
        stated: total.text,
      });
    }
  });
  // A 合计 column against the columns of each fund beside it (of its stage and year, where the table has several).
  t.periods.forEach((tp, all) => {
    if (tp.fund !== '合计') return;
    // (A stage or year only one of the two names does not part them: "合计" beside "公共财政预算拨款".)
    const one = <T>(a: T | undefined, b: T | undefined) => a === undefined || b === undefined || a === b;
    const funds = t.periods.map((p, k) => (p.fund && p.fund !== '合计' && one(p.stage, tp.stage) && one(p.year, tp.year) ? k : -1)).filter((k) => k >= 0);
    if (!funds.length) return;
    rowsOf(t).forEach(({ name, cells, rowAt }) => {
      const row = rowAt(all);
      const total = cells[all];
      const parts = funds.map((k) => cells[k]);
      if (!total || parts.some((f) => !f)) return;
      // One fund beside the 合计 ("其中:一般公共预算安排数") is at most the 合计; all of them add up to it.
      const [a, b] = sumRange(parts as Fig[]);
      if (funds.length === 1 ? !a.gt(hi(total)) : meets(total, [a, b])) return;
      out.push({
        rule: 'text.table',
        severity: 'error',
        message: `文中所附表格${name}的合计为 ${total.text}，但${funds.map((k, j) => `${periodName(t.periods[k])} ${parts[j]!.text}`).join(' + ')} = ${amount(sumOf(parts as Fig[]), t)}`,
        sentence: row,
        stated: total.text,
      });
    });
  });
  // Changes and rates against the two periods they are between.
  // In time order where the labels tell (上年 before 本年, years), else as printed.
  const when = (p: Period) => p.year ?? (p.rel !== undefined ? 10000 + p.rel : undefined);
  const amounts = t.periods
    .map((p, k) => ({ p, k }))
    .filter((x) => x.p.kind === 'amount' && !x.p.fund)
    .sort((a, b) => (when(a.p) !== undefined && when(b.p) !== undefined ? when(a.p)! - when(b.p)! : a.k - b.k));
  // The change column the table prints, if any: a rate is also held to it.
  const change = t.periods.findIndex((q) => q.kind === 'delta');
  t.periods.forEach((period, d) => {
    if (period.kind === 'amount') return;
    // (With more than two amounts, "比上年增长%" after "2020年执行数" is from the year before's column to the one before it.)
    const left = amounts.filter((x) => x.k < d).sort((a, b) => b.k - a.k)[0];
    const byYear = amounts.length > 2 && period.to === undefined && left?.p.year !== undefined ? left : undefined;
    const to = amounts.find((x) => period.to !== undefined && x.p.year === period.to) ?? (amounts.length === 2 ? amounts[1] : byYear);
    const yearBefore = byYear ? amounts.filter((x) => x.p.year === byYear.p.year! - 1) : [];
    const from =
      amounts.find((x) => period.from !== undefined && x.p.year === period.from) ??
      (amounts.length === 2 ? amounts.find((x) => x !== to) : yearBefore.length === 1 ? yearBefore[0] : undefined);
    if (!to || !from || to === from) return;
    rowsOf(t).forEach(({ name, cells, rowAt }) => {
      const c = cells[d];
      const a = cells[to.k];
      const b = cells[from.k];
      if (!c || !a || !b) return;
      let range: Range | undefined = period.kind === 'delta' ? [lo(a).minus(hi(b)), hi(a).minus(lo(b))] : rateRange(a, b);
      // A rate also against the change the table prints between the same periods (a change of exactly 0 is a 0% rate).
      const dc = period.kind === 'rate' && change >= 0 ? cells[change] : undefined;
      if (range && dc && lo(b).gt(0)) {
        const byChange: Range = [Decimal.min(lo(dc).div(hi(b)), lo(dc).div(lo(b))).times(100), Decimal.max(hi(dc).div(lo(b)), hi(dc).div(hi(b))).times(100)];
        const both: Range = [Decimal.max(range[0], byChange[0]), Decimal.min(range[1], byChange[1])];
        // (Where the change and the amounts disagree, the change is the finding, not the rate.)
        if (both[0].lte(both[1])) range = both;
      }
      if (!range || meets(c, range)) return;
      const exact = period.kind === 'delta' ? a.value.minus(b.value) : b.value.isZero() ? undefined : a.value.div(b.value).minus(1).times(100);
      if (!exact) return;
      out.push({
        rule: period.kind === 'delta' ? 'text.table' : 'text.rate',
        severity: 'error',
        message:
          period.kind === 'delta'
            ? `文中所附表格${name}的${periodName(period)}应为 ${a.text} − ${b.text} = ${amount(exact, t)}，表中写 ${c.text}`
            : `文中所附表格${name}的${periodName(period)}应为 (${a.text} − ${b.text}) ÷ ${b.text} ≈ ${show(exact)}%，表中写 ${c.text}`,
        sentence: rowAt(d),
        stated: c.text,
      });
    });
  });
  // Rows numbered into a tree ("(一) 收入总计" over "1. 财政补助收入", "2. …"): each over the rows ranked right under it.
  const others = t.others ?? [];
  others.forEach((o, k) => {
    if (o.rank === undefined) return;
    const children: typeof others = [];
    for (const x of others.slice(k + 1)) {
      if (x.rank === undefined) continue;
      if (x.rank <= o.rank) break;
      if (!children.length || x.rank === children[0].rank) children.push(x);
    }
    if (children.length < 2) return;
    t.periods.forEach((period, p) => {
      const total = o.cells[p];
      if (period.kind === 'rate' || !total || children.some((c) => !c.cells[p])) return;
      const figs = children.map((c) => c.cells[p]!);
      if (meets(total, sumRange(figs))) return;
      out.push({
        rule: 'text.table',
        severity: 'error',
        message: `文中所附表格“${o.label}”（${periodName(period)}）为 ${total.text}，但其下各行 ${figs.map((f) => f.text).join(' + ')} = ${amount(sumOf(figs), t)}`,
        sentence: o.row,
        stated: total.text,
      });
    });
  });
  return out;
}

/** Every row of a table with its figures by period: the 三公 items', then the other rows'. */
function rowsOf(t: TextTable): { name: string; cells: (Fig | undefined)[]; rowAt: (p: number) => string }[] {
  return [
    ...t.items.map((item, i) => ({ name: ITEM_NAMES[item], cells: t.cells[i], rowAt: (p: number) => t.rows[i][p] })),
    ...(t.others ?? []).map((o) => ({ name: `“${o.label}”`, cells: o.cells, rowAt: () => o.row })),
  ];
}

/** The years and stage a figure's sentence names before it. */
function whenOf(c: Claim): { year?: number; stage?: 'budget' | 'final'; prior: boolean } {
  const clause = c.context.split(/[，,；;。]/).pop() ?? '';
  const years = [...c.context.matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
  const stages = [...c.context.matchAll(/决算|预算|安排/g)].map((m) => m[0]);
  const last = stages[stages.length - 1];
  return {
    ...(years.length ? { year: years[years.length - 1] } : {}),
    ...(last ? { stage: last === '决算' ? ('final' as const) : ('budget' as const) } : {}),
    prior: c.kind === 'prior' || /上年|去年|上一年|同期/.test(clause),
  };
}

/** The text's 三公 amounts, and the table's period they speak of: the one most of them agree with (two at least, of several). */
function anchorOf(t: TextTable, claims: Claim[]) {
  if (t.periods.some((p) => p.unnamed)) return undefined;
  const amounts = t.periods.map((p, k) => ({ p, k })).filter((x) => x.p.kind === 'amount');
  const stated = claims
    .filter((c) => c.kind === 'amount' && !c.run?.index)
    .map((c) => ({ c, i: t.items.indexOf(itemOf(c) as Item), when: whenOf(c) }))
    .filter((x) => x.i >= 0 && !x.when.prior);
  const score = amounts.map(({ k }) => new Set(stated.filter((x) => t.cells[x.i][k] && same(x.c, t.cells[x.i][k]!)).map((x) => x.i)).size);
  const best = Math.max(0, ...score);
  const tied = amounts.filter((_, k) => score[k] === best);
  // Of columns by fund that agree alike, the 合计.
  const anchor = tied.length === 1 ? tied[0] : tied.filter((x) => x.p.fund === '合计').length === 1 ? tied.find((x) => x.p.fund === '合计')! : undefined;
  // Two of the text's items agreeing pick a column among several; a table of one column (本年预算数) needs one.
  if (best < (amounts.length === 1 ? 1 : 2) || !anchor) return undefined;
  const agreeing = stated.filter((x) => t.cells[x.i][anchor.k] && same(x.c, t.cells[x.i][anchor.k]!));
  return { amounts, stated, anchor, agreeing };
}

/**
 * The text's amounts that the table prints too, to the table's precision where it prints more ("2万元" beside the
 * table's 2.00): one quantity lies inside both intervals. Read before the text's own arithmetic is checked.
 */
export function refineClaims(tables: TextTable[], claims: Claim[]): void {
  for (const t of tables) {
    const a = anchorOf(t, claims);
    if (!a) continue;
    for (const x of a.agreeing) {
      // (Not a figure its words give to the other stage: "公务接待费预算为1万元" beside a 决算数 column's 0.53.)
      if (x.when.stage && a.anchor.p.stage && x.when.stage !== a.anchor.p.stage) continue;
      const cell = t.cells[x.i][a.anchor.k]!;
      if (cell.half.lt(x.c.half) && !cell.half.isZero()) Object.assign(x.c, { value: cell.value, half: cell.half });
      else if (cell.half.isZero() && !x.c.half.isZero() && meets(cell, [lo(x.c), hi(x.c)])) Object.assign(x.c, { value: cell.value, half: cell.half });
    }
  }
}

/** The text's amounts and 完成预算 percentages against one table. */
function againstText(t: TextTable, claims: Claim[], sentenceOf: (c: Claim) => string): TextFinding[] {
  const a = anchorOf(t, claims);
  if (!a) return [];
  const { amounts, stated, anchor, agreeing } = a;
  // The table's year: its column's, else that of the text's amounts agreeing with it, else the one year the text's
  // amounts name, if they name one.
  const named = [...new Set(stated.map((x) => x.when.year).filter((y) => y !== undefined))];
  const anchorYear = anchor.p.year ?? agreeing.map((x) => x.when.year).find((y) => y !== undefined) ?? (named.length === 1 ? named[0] : undefined);
  /** The table's period a figure of the text is stated for, if the table has it. */
  const periodFor = (when: { year?: number; stage?: 'budget' | 'final' }) => {
    const year = when.year ?? anchorYear;
    if (year === anchorYear && (!when.stage || !anchor.p.stage || when.stage === anchor.p.stage)) return anchor;
    if (year === undefined) return undefined;
    const fits = amounts.filter((x) => x !== anchor && (x.p.year ?? anchorYear) === year && (!when.stage || !x.p.stage || x.p.stage === when.stage));
    return fits.length === 1 ? fits[0] : undefined;
  };
  const out: TextFinding[] = [];
  for (const { c, i, when } of stated) {
    const target = periodFor(when);
    const cell = target && t.cells[i][target.k];
    if (!cell || same(c, cell)) continue;
    out.push({
      rule: 'text.table-mismatch',
      severity: 'error',
      message: `文中写${ITEM_NAMES[t.items[i]]} ${c.text}，文中所附表格（${periodName(target.p)}）为 ${inUnit(cell, t)}`,
      sentence: sentenceOf(c),
      stated: c.text,
    });
  }
  // 完成年初预算的 x%: the amount before it in its sentence ÷ the table's 预算数 of the same item.
  const budget = amounts.filter((x) => x.p.stage === 'budget' && x !== anchor && (x.p.year ?? anchorYear) === anchorYear);
  if (anchor.p.stage === 'final' && budget.length === 1)
    for (const pc of claims.filter((x) => x.kind === 'completion')) {
      const a = [...stated].reverse().find((x) => x.c.para === pc.para && x.c.sentence === pc.sentence && x.c.at < pc.at);
      const b = a && t.cells[a.i][budget[0].k];
      if (!a || !b) continue;
      const range = rateRange(a.c, b);
      if (!range) continue;
      const pct: Range = [range[0].plus(100), range[1].plus(100)];
      if (meets(pc, pct)) continue;
      out.push({
        rule: 'text.completion',
        severity: 'error',
        message: `完成预算的比例应为 ${a.c.text} ÷ ${inUnit(b, t)}（文中所附表格的${periodName(budget[0].p)}）≈ ${show(a.c.value.div(b.value).times(100))}%，文中写 ${pc.text}`,
        sentence: sentenceOf(pc),
        stated: pc.text,
      });
    }
  return out;
}

/**
 * A change the text states with no amount in its sentence ("三公经费比2014年决算数略有减少,减少0.54万元,降低5.5%"), of
 * an item of a table with one period: its rate against the table's amount.
 */
function changesAgainstTable(t: TextTable, claims: Claim[], sentenceOf: (c: Claim) => string): TextFinding[] {
  const periods = t.periods.map((p, k) => ({ p, k })).filter((x) => x.p.kind === 'amount');
  if (periods.length !== 1 || periods[0].p.unnamed) return [];
  const { k } = periods[0];
  const out: TextFinding[] = [];
  claims.forEach((d, n) => {
    const r = claims[n + 1];
    if (d.kind !== 'delta' || !d.sign || !r || r.kind !== 'rate' || r.para !== d.para || r.sentence !== d.sentence || d.base === 'budget') return;
    if (claims.some((c) => c.kind === 'amount' && c.para === d.para && c.sentence === d.sentence)) return;
    const item = itemNamedLast(d.context);
    const i = item ? t.items.indexOf(item) : -1;
    const cell = i >= 0 ? t.cells[i][k] : undefined;
    if (!cell) return;
    const prior = priorBefore(cell, d, d.sign);
    if (prior[0].lte(0) || meets(r, changeRate(d, prior))) return;
    const p = cell.value.minus(d.value.times(d.sign));
    out.push({
      rule: 'text.rate',
      severity: 'error',
      message: `增减幅度应为 ${d.text} ÷ 上年（文中所附表格${ITEM_NAMES[item!]} ${inUnit(cell, t)} ${d.sign > 0 ? '−' : '+'} ${d.text} = ${amount(p, t)}${t.unit}）≈ ${show(d.value.div(p).times(100))}%，文中写 ${r.text}`,
      sentence: sentenceOf(r),
      stated: r.text,
    });
  });
  return out;
}

/** The findings of the tables a text carries, against the text read. */
export function tableFindings(tables: TextTable[], { paras, claims }: ClaimsRead): TextFinding[] {
  if (!tables.length) return [];
  const sentenceOf = (c: Claim) => paras[c.para].sentences[c.sentence].text.trim();
  return tables.flatMap((t) => [...ownArithmetic(t), ...againstText(t, claims, sentenceOf), ...changesAgainstTable(t, claims, sentenceOf)]);
}

/**
 * A table by year: each rate against its amount and the amount of the year before ((this − last) ÷ last); and a rate
 * the text states after an amount the table prints (its name and figure), against the table's two years.
 */
export function seriesFindings(series: YearSeries[], { paras, claims }: ClaimsRead): TextFinding[] {
  const out: TextFinding[] = [];
  const growth = (cur: Fig, prior: Fig) => `(${cur.text} − ${prior.text}) ÷ ${prior.text} ≈ ${show(cur.value.div(prior.value).minus(1).times(100))}%`;
  for (const y of series)
    y.kinds.forEach((kind, k) => {
      if (kind !== 'rate' || y.kinds[k - 1] !== 'amount') return;
      const name = y.names[Math.floor(k / 2)];
      for (let r = 1; r < y.years.length; r++) {
        const [rate, cur, prior] = [y.cells[r][k], y.cells[r][k - 1], y.cells[r - 1][k - 1]];
        const range = rateRange(cur, prior);
        if (!range || meets(rate, range)) continue;
        out.push({
          rule: 'text.rate',
          severity: 'error',
          message: `表中${y.years[r]}年“${name || `第${k}列`}”比上年增长应为 ${growth(cur, prior)}，表中写 ${rate.text}`,
          sentence: y.rows[r],
          stated: rate.text,
        });
      }
      if (!name) return;
      claims.forEach((c, n) => {
        const next = claims[n + 1];
        if (c.kind !== 'amount' || !c.label.endsWith(name) || next?.kind !== 'rate' || next.para !== c.para || next.sentence !== c.sentence || !next.sign)
          return;
        const r = y.cells.findIndex((row) => same(c, row[k - 1]));
        // (The last year's row, or one the text names.)
        if (r < 1 || y.cells.filter((row) => same(c, row[k - 1])).length > 1) return;
        const range = rateRange(y.cells[r][k - 1], y.cells[r - 1][k - 1]);
        if (!range || meets({ value: next.value.times(next.sign), half: next.half }, range)) return;
        out.push({
          rule: 'text.rate',
          severity: 'error',
          message: `文中写“${name}”${c.text}${next.sign > 0 ? '增长' : '下降'} ${next.text}，文中所附表格${y.years[r]}年比上年为 ${growth(y.cells[r][k - 1], y.cells[r - 1][k - 1])}`,
          sentence: paras[c.para].sentences[c.sentence].text.trim(),
          stated: next.text,
        });
      });
    });
  return out;
}
