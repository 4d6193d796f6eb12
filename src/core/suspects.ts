/**
 * Error localisation (in the spirit of Fellegi–Holt minimal change): for every cell that takes part in a
 * failing check, compute the value that would make each of those checks hold. A cell whose implied values
 * agree across many failing checks, and whose change would not break checks that hold now, is the most
 * likely single wrong cell. Score = failing checks explained / (all failing checks + checks it would break).
 */
import Decimal from 'decimal.js';
import { fmt } from './amount';
import type { CheckResult, Term } from './checks';
import { a1 } from './grid';

export interface Suspect {
  sheet: string;
  cell: string;
  score: number;
  /** The value the cell shows now (in its table's unit). */
  current: string;
  suggested: string;
  /** How sure, in words: 很可能 (likely) / 可能 (possible) / 不确定 (uncertain). */
  likelihood: 'likely' | 'possible' | 'uncertain';
  reason: string;
  /** Number of failing checks explained by changing this cell. */
  explains: number;
  /** A second cell changed together with this one (a row changed consistently: 合计 and 人员经费 both). */
  with?: Companion;
  /** Further cells of the same change (three cells: a 项, its 款 and its 类). */
  also?: Companion[];
  /** For a group: how its cells are linked — one row, one column, the same figure in two tables, or mixed. */
  kind?: 'row' | 'column' | 'cross' | 'mixed';
}

export const LIKELIHOOD_WORDS = { likely: '很可能', possible: '可能', uncertain: '不确定' } as const;

/** Score thresholds for the words (the colour of a suspect is shown only for the likely ones). */
export function likelihoodOf(score: number): Suspect['likelihood'] {
  return score >= 0.75 ? 'likely' : score >= 0.4 ? 'possible' : 'uncertain';
}

interface Occurrence {
  res: CheckResult;
  term: Term;
  sign: 1 | -1;
}

const key = (t: Term) => `${t.table.sheet}\u0000${t.ref!.row}\u0000${t.ref!.col}`;

function occurrences(res: CheckResult, into: (k: string, o: Occurrence) => void) {
  for (const t of res.check.lhs) if (t.ref) into(key(t), { res, term: t, sign: 1 });
  for (const t of res.check.rhs) if (t.ref) into(key(t), { res, term: t, sign: -1 });
}

/** Whether a check holds (within its rounding bound) once its Σlhs − Σrhs has become `diff`. */
function holdsWith(res: CheckResult, diff: Decimal): boolean {
  return res.check.op === 'gte' ? diff.gte(res.bound.negated()) : diff.abs().lte(res.bound);
}

/** Value (in 万元) this cell must take for the check to hold exactly. */
function implied(o: Occurrence): Decimal {
  return o.term.value.minus(o.res.diff.times(o.sign));
}

/** A group's score is weighed down against one cell (minimal change): it must explain clearly more to win. */
const GROUP_WEIGHT: Record<number, number> = { 2: 0.9, 3: 0.8 };
/** What a fixed warning-level identity adds (lower weight than an error-level check). */
const SOFT_WEIGHT = 0.05;
/** Groups tried at most (a workbook full of errors is not searched exhaustively). */
const MAX_GROUPS = 4000;

/** Another cell changed together with the suspect (a row, a column or a copied figure changed consistently). */
export interface Companion {
  sheet: string;
  cell: string;
  current: string;
  suggested: string;
}

/** The suspect's companions: the second cell, then any further ones. */
export function companions(s: Suspect): Companion[] {
  return [...(s.with ? [s.with] : []), ...(s.also ?? [])];
}

const GROUP_WORDS: Record<string, string> = { row: '同行', column: '同列', cross: '表间同一数字', mixed: '相互勾稽的' };

/**
 * Two or three cells moved by one amount d where an identity links them (they stand on opposite sides of one
 * check: 合计 and 人员经费 of a row, a 款 and its 类 in a column, the same figure in two tables), so that identity still
 * holds while the others fail. d is taken from a failing check that holds only some of them. Explained when every
 * failing check it touches is back within its bound, at the cost of the holding checks it breaks; the warning-level
 * identities it also fixes (30113 = 2210201 …) add a small weight and pick the right cells among equals.
 */
function consistentGroups(
  cand: Map<string, Occurrence[]>,
  holding: Map<string, Occurrence[]>,
  failing: CheckResult[],
  soft: Map<string, Occurrence[]>,
): Suspect[] {
  const all = (k: string) => [...(cand.get(k) ?? []), ...(holding.get(k) ?? [])];
  // Links: candidate cells on opposite sides of one check.
  const links = new Map<string, Set<string>>();
  const byCheck = new Map<CheckResult, { k: string; sign: number }[]>();
  for (const k of cand.keys()) for (const o of all(k)) (byCheck.get(o.res) ?? byCheck.set(o.res, []).get(o.res)!).push({ k, sign: o.sign });
  for (const members of byCheck.values())
    for (const a of members)
      for (const b of members)
        if (a.k < b.k && a.sign !== b.sign) {
          (links.get(a.k) ?? links.set(a.k, new Set()).get(a.k)!).add(b.k);
          (links.get(b.k) ?? links.set(b.k, new Set()).get(b.k)!).add(a.k);
        }
  const groups = new Map<string, string[]>();
  for (const [a, near] of links)
    for (const b of near) {
      if (groups.size >= MAX_GROUPS) break;
      if (a < b) groups.set([a, b].join('\u0001'), [a, b]);
      for (const c of [...(links.get(a) ?? []), ...(links.get(b) ?? [])]) {
        if (c === a || c === b || groups.size >= MAX_GROUPS) continue;
        const g = [a, b, c].sort();
        groups.set(g.join('\u0001'), g);
      }
    }
  const out: Suspect[] = [];
  const failingSet = new Set(failing);
  for (const keys of groups.values()) {
    const occ = keys.map((k) => cand.get(k)!);
    const touched = new Set(occ.flat().map((o) => o.res));
    // d: from a failing check that holds some members and not others, the change that makes it hold.
    const deltas: Decimal[] = [];
    for (const res of touched) {
      let net = 0;
      for (const k of keys) for (const o of cand.get(k)!) if (o.res === res) net += o.sign;
      if (net === 0) continue;
      const d = res.diff.negated().div(net);
      if (!d.isZero() && !deltas.some((x) => x.eq(d))) deltas.push(d);
    }
    for (const d of deltas.slice(0, 3)) {
      const shift = (res: CheckResult, from: (k: string) => Occurrence[]) => {
        let x = res.diff;
        for (const k of keys) for (const o of from(k)) if (o.res === res) x = x.plus(d.times(o.sign));
        return x;
      };
      // Amounts are not negative: a group that needs one below zero is no explanation.
      if (keys.some((k) => turnsNegative(cand.get(k)![0].term, d))) continue;
      let explained = 0;
      for (const res of touched) if (failingSet.has(res) && holdsWith(res, shift(res, all))) explained++;
      if (explained < 2) continue;
      let broken = 0;
      const held = new Set(keys.flatMap((k) => (holding.get(k) ?? []).map((o) => o.res)));
      for (const res of held) if (!holdsWith(res, shift(res, all))) broken++;
      let softFixed = 0;
      const softRes = new Set(keys.flatMap((k) => (soft.get(k) ?? []).map((o) => o.res)));
      for (const res of softRes)
        if (
          shift(res, (k) => soft.get(k) ?? [])
            .abs()
            .lte(res.bound)
        )
          softFixed++;
      // Blank cells are rarely the ones typed wrong.
      const blanks = keys.filter((k) => cand.get(k)![0].term.ref!.blank).length;
      const score =
        Math.round(Math.min(1, (explained / (failing.length + broken)) * GROUP_WEIGHT[keys.length] * (blanks ? 0.5 : 1) + SOFT_WEIGHT * softFixed) * 1000) /
        1000;
      const terms = keys.map((k) => cand.get(k)![0].term);
      // The first cell is the one a person most likely typed: a part before its total (a leaf, an rhs term).
      terms.sort((x, y) => rank(x, cand) - rank(y, cand));
      const show = (t: Term) => fmt(t.value.plus(d).div(t.table.factor), t.table.decimals);
      const comp = (t: Term): Companion => ({ sheet: t.table.sheet, cell: a1(t.ref!.row, t.ref!.col), current: shownNow(t), suggested: show(t) });
      const [first, ...rest] = terms;
      const kind =
        new Set(terms.map((t) => t.table)).size > 1
          ? 'cross'
          : terms.every((t) => t.ref!.row === first.ref!.row)
            ? 'row'
            : terms.every((t) => t.ref!.col === first.ref!.col)
              ? 'column'
              : 'mixed';
      const dec = first.table.decimals;
      out.push({
        sheet: first.table.sheet,
        cell: a1(first.ref!.row, first.ref!.col),
        score,
        current: shownNow(first),
        suggested: show(first),
        likelihood: likelihoodOf(score),
        explains: explained,
        with: comp(rest[0]),
        ...(rest.length > 1 ? { also: rest.slice(1).map(comp) } : {}),
        kind,
        reason: `${terms.map((t) => t.label).join('、')}${GROUP_WORDS[kind]} ${terms.length} 格一起改动了 ${fmt(d.div(first.table.factor).abs(), dec)}：都改回（${terms.map(show).join('、')}）可使 ${explained} 项不平衡（共 ${failing.length} 项）同时成立${broken ? `，但会使 ${broken} 项现已平衡的关系不再平衡` : ''}`,
      });
    }
  }
  return out;
}

/** The same row (by code, or by item and side) and column in another table: the same figure printed twice. */
function twinKey(t: Term): string | undefined {
  const r = t.row;
  const row = r?.code ?? (r?.item ? `${r.item}\u0000${r.side ?? ''}` : undefined);
  return row === undefined ? undefined : `${row}\u0000${t.role}`;
}

/**
 * The same figure wrong in two tables (a 项's 项目支出 printed where it should be empty, in the 支出总表 and in the
 * 一般公共预算支出表): each cell alone explains only its own table's failing checks, and when no check compares the two
 * (cross.general-expenditure runs only where all money is 一般公共预算) no group links them. Two single-cell
 * suspects of the same row and column in two tables that want the same change are tried together: when the pair
 * explains every failing check either cell takes part in, more than either alone, and breaks none that holds, it is
 * a group (weighed as one, like consistentGroups) and leads.
 */
function sameFigureTwins(
  singles: Suspect[],
  keyOf: Map<Suspect, string>,
  deltaOf: Map<Suspect, Decimal>,
  cand: Map<string, Occurrence[]>,
  holding: Map<string, Occurrence[]>,
  failing: CheckResult[],
  groups: Suspect[],
): Suspect[] {
  const byTwin = new Map<string, { s: Suspect; k: string; t: Term; d: Decimal }[]>();
  for (const s of singles) {
    const k = keyOf.get(s);
    if (!k) continue;
    const occ = cand.get(k)!;
    const t = occ[0].term;
    const tk = twinKey(t);
    if (!tk) continue;
    const d = deltaOf.get(s)!;
    if (d.isZero()) continue;
    (byTwin.get(tk) ?? byTwin.set(tk, []).get(tk)!).push({ s, k, t, d });
  }
  const seen = new Set(groups.map((g) => [g.sheet + '!' + g.cell, ...companions(g).map((c) => c.sheet + '!' + c.cell)].sort().join('|')));
  const failingSet = new Set(failing);
  const out: Suspect[] = [];
  for (const list of byTwin.values())
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (a.t.table === b.t.table || !a.d.eq(b.d)) continue;
        const cellId = (x: typeof a) => `${x.s.sheet}!${x.s.cell}`;
        if (seen.has([cellId(a), cellId(b)].sort().join('|'))) continue;
        const d = a.d;
        const shift = (res: CheckResult, from: (k: string) => Occurrence[]) => {
          let x = res.diff;
          for (const k of [a.k, b.k]) for (const o of from(k)) if (o.res === res) x = x.plus(d.times(o.sign));
          return x;
        };
        const all = (k: string) => [...(cand.get(k) ?? []), ...(holding.get(k) ?? [])];
        const touched = new Set([a.k, b.k].flatMap((k) => all(k).map((o) => o.res)));
        let explained = 0;
        let unexplained = 0;
        let broken = 0;
        for (const res of touched) {
          const holds = holdsWith(res, shift(res, all));
          if (failingSet.has(res)) {
            if (holds) explained++;
            else unexplained++;
          } else if (!holds) broken++;
        }
        // Only the pair that explains every failing check either cell takes part in, more than either alone, and
        // breaks no check that holds now.
        if (unexplained || broken || explained <= Math.max(a.s.explains, b.s.explains)) continue;
        // Blank cells are rarely the ones typed wrong (as in consistentGroups).
        const blanks = a.t.ref!.blank || b.t.ref!.blank ? 0.5 : 1;
        const score = Math.round(Math.min(1, (explained / failing.length) * GROUP_WEIGHT[2] * blanks) * 1000) / 1000;
        const [first, second] = rank(a.t, cand) <= rank(b.t, cand) ? [a, b] : [b, a];
        const dec = first.t.table.decimals;
        out.push({
          sheet: first.s.sheet,
          cell: first.s.cell,
          score,
          current: first.s.current,
          suggested: first.s.suggested,
          likelihood: likelihoodOf(score),
          explains: explained,
          with: { sheet: second.s.sheet, cell: second.s.cell, current: second.s.current, suggested: second.s.suggested },
          kind: 'cross',
          reason: `${first.t.label}、${second.t.label}${GROUP_WORDS.cross} 2 格一起改动了 ${fmt(d.div(first.t.table.factor).abs(), dec)}：都改回（${first.s.suggested}、${second.s.suggested}）可使 ${explained} 项不平衡（共 ${failing.length} 项）同时成立`,
        });
      }
  return out;
}

/** What the cell shows now, in its table's unit ("（空白）" for an empty cell). */
function shownNow(t: Term): string {
  return t.ref!.blank ? '（空白）' : fmt(t.ref!.value, t.table.decimals);
}

/** Whether moving a cell by d makes an amount that is not negative negative (no budget amount is). */
function turnsNegative(t: Term, d: Decimal): boolean {
  return t.value.plus(d).isNegative() && !t.value.isNegative();
}

/** Fewer checks with the cell on the left (a total) come first: the part is what was typed. */
function rank(t: Term, cand: Map<string, Occurrence[]>): number {
  return (cand.get(key(t)) ?? []).filter((o) => o.sign === 1).length;
}

export function rankSuspects(results: CheckResult[], limit = 20): Suspect[] {
  // Equalities, and the "≥" rules (三公 items ≥ their economic items): a failing one is explained by raising its
  // left side to the right (or lowering the right), which is the value implied() gives for either side.
  const eq = results.filter((r) => (r.check.severity ?? 'error') === 'error');
  const failing = eq.filter((r) => r.status === 'fail');
  if (!failing.length) return [];
  const cand = new Map<string, Occurrence[]>();
  for (const res of failing) occurrences(res, (k, o) => (cand.get(k) ?? cand.set(k, []).get(k)!).push(o));
  const holding = new Map<string, Occurrence[]>();
  for (const res of eq) {
    if (res.status === 'fail') continue;
    occurrences(res, (k, o) => {
      if (cand.has(k)) (holding.get(k) ?? holding.set(k, []).get(k)!).push(o);
    });
  }
  const out: Suspect[] = [];
  /** Cells on the left of a failing "≥" (the 三公 item that must cover its economic item): preferred on a tie. */
  const covering = new Set<string>();
  for (const [k, occ] of cand) if (occ.some((o) => o.res.check.op === 'gte' && o.sign === 1)) covering.add(k);
  const keyOf = new Map<Suspect, string>();
  /** Each single-cell suspect's change, in 万元. */
  const deltaOf = new Map<Suspect, Decimal>();
  for (const [k, occ] of cand) {
    // Pick the implied value that the most failing checks agree on.
    let best: Decimal | undefined;
    let bestCount = 0;
    for (const o of occ) {
      const v = implied(o);
      let n = 0;
      for (const p of occ) if (implied(p).minus(v).abs().lte(p.res.bound)) n++;
      if (n > bestCount) [best, bestCount] = [v, n];
    }
    const t = occ[0].term;
    // Budget amounts are not negative: a suggestion below zero is no explanation (an empty 经营支出 column
    // "should be −9.00" only says the other cells differ).
    const delta = best!.minus(t.value);
    if (turnsNegative(t, delta)) continue;
    let broken = 0;
    for (const h of holding.get(k) ?? []) {
      const nd = h.res.diff.plus(delta.times(h.sign));
      if (!holdsWith(h.res, nd)) broken++;
    }
    // An empty cell is rarely the wrong one (a figure typed wrong is there to be seen): weighed down.
    const score = (bestCount / (failing.length + broken)) * (t.ref!.blank ? 0.5 : 1);
    const shown = best!.div(t.table.factor);
    const dec = t.table.decimals;
    const rounded = Math.round(score * 1000) / 1000;
    const suspect: Suspect = {
      sheet: t.table.sheet,
      cell: a1(t.ref!.row, t.ref!.col),
      score: rounded,
      current: shownNow(t),
      suggested: fmt(shown, dec),
      likelihood: likelihoodOf(rounded),
      explains: bestCount,
      reason: `${t.label}：改为 ${fmt(shown, dec)} 可使 ${bestCount} 项不平衡（共 ${failing.length} 项）同时成立${broken ? `，但会使 ${broken} 项现已平衡的关系不再平衡` : ''}`,
    };
    keyOf.set(suspect, k);
    deltaOf.set(suspect, delta);
    out.push(suspect);
  }
  // Two or three cells linked by an identity and changed by one amount (a row, a column, a figure copied into two
  // tables): tried only when no single cell explains every failing check without breaking another.
  if (!out.some((x) => x.score >= 1)) {
    const soft = new Map<string, Occurrence[]>();
    for (const res of results)
      if (res.status === 'fail' && (res.check.severity ?? 'error') !== 'error' && res.check.op === 'eq')
        occurrences(res, (k, o) => (soft.get(k) ?? soft.set(k, []).get(k)!).push(o));
    const groups = consistentGroups(cand, holding, failing, soft);
    out.push(...groups, ...sameFigureTwins(out, keyOf, deltaOf, cand, holding, failing, groups));
  }
  const covers = (x: Suspect) => (covering.has(keyOf.get(x)!) ? 1 : 0);
  // Ties in the order of sheet and cell names as code units: the same on every machine (a locale's collation is not,
  // and its first use in a process loads ICU's data, ~10 ms, on the first edit that breaks a sum).
  out.sort((a, b) => b.score - a.score || b.explains - a.explains || covers(b) - covers(a) || byUnits(a.sheet, b.sheet) || byUnits(a.cell, b.cell));
  // Explanations the checks cannot tell apart (any row of a class moved by the same amount fixes the same sums) are
  // said to be that: none of them is "likely" on its own.
  const top = out[0];
  const tied = top ? out.filter((x) => x.score === top.score && x.explains === top.explains && covers(x) === covers(top)) : [];
  if (tied.length > 1)
    for (const x of tied) {
      if (x.likelihood === 'likely') x.likelihood = 'possible';
      x.reason += `（另有 ${tied.length - 1} 种同样能解释的改法，表中数字无法区分，请逐一核对）`;
    }
  return out.slice(0, limit);
}

/**
 * The failing checks' messages name the target cell of each sum (a 款, a 合计) as the one to change; where the first
 * suspect is likely (and not one of several the checks cannot tell apart), the findings that read it name it too:
 * "…；最可能填错的是支出总表「2080505 …」项目支出（64840547.00，应为 0.00）". New finding objects (the live check keeps
 * the rules' findings between runs). `labelOf`: a cell's label.
 */
export function nameLikelySuspect<F extends { severity: string; message: string; sheet: string; cell: string; cells?: { sheet: string; cell: string }[] }>(
  findings: F[],
  suspects: Suspect[],
  labelOf: (sheet: string, cell: string) => string | undefined,
): F[] {
  const top = suspects[0];
  if (!top || top.likelihood !== 'likely') return findings;
  const cells = [{ sheet: top.sheet, cell: top.cell, current: top.current, suggested: top.suggested }, ...companions(top)];
  const ids = new Set(cells.map((c) => `${c.sheet}!${c.cell}`));
  const labels = cells.map((c) => labelOf(c.sheet, c.cell));
  if (labels.some((l) => l === undefined)) return findings;
  return findings.map((f) => {
    if (f.severity !== 'error' || ids.has(`${f.sheet}!${f.cell}`)) return f;
    // The suspect's cells this finding reads (of a group in two tables, the one in the finding's table).
    const read = cells.map((c, i) => ({ c, i })).filter(({ c }) => (f.cells ?? []).some((x) => x.sheet === c.sheet && x.cell === c.cell));
    if (!read.length) return f;
    return { ...f, message: `${f.message}；最可能填错的是${read.map(({ c, i }) => `${labels[i]}（${c.current}，应为 ${c.suggested}）`).join('、')}` };
  });
}

/** Strings compared as code units. */
function byUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
