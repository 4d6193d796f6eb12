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
  with?: { sheet: string; cell: string; current: string; suggested: string };
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

/** A pair's score is weighed down against one cell (minimal change): it must explain clearly more to win. */
const PAIR_WEIGHT = 0.9;
/** What a fixed warning-level identity adds (lower weight than an error-level check). */
const SOFT_WEIGHT = 0.05;

/**
 * Pairs of cells in the same row of the same table, both moved by one amount d (taken from a failing check that
 * holds only one of them): explained when every failing check is back within its bound, at the cost of the
 * holding checks it breaks.
 */
function rowPairs(cand: Map<string, Occurrence[]>, holding: Map<string, Occurrence[]>, failing: CheckResult[], soft: Map<string, Occurrence[]>): Suspect[] {
  const byRow = new Map<string, string[]>();
  for (const [k, occ] of cand) {
    const t = occ[0].term;
    const rowKey = `${t.table.sheet}\u0000${t.ref!.row}`;
    (byRow.get(rowKey) ?? byRow.set(rowKey, []).get(rowKey)!).push(k);
  }
  const out: Suspect[] = [];
  for (const keys of byRow.values()) {
    if (keys.length < 2 || keys.length > 12) continue;
    for (let i = 0; i < keys.length; i++)
      for (let j = i + 1; j < keys.length; j++) {
        const a = cand.get(keys[i])!;
        const b = cand.get(keys[j])!;
        const inB = new Set(b.map((o) => o.res));
        const only = a.find((o) => !inB.has(o.res));
        if (!only) continue;
        const d = implied(only).minus(only.term.value);
        if (d.isZero()) continue;
        const shift = (res: CheckResult) => {
          let x = res.diff;
          for (const o of [...a, ...b]) if (o.res === res) x = x.plus(d.times(o.sign));
          for (const o of [...(holding.get(keys[i]) ?? []), ...(holding.get(keys[j]) ?? [])]) if (o.res === res) x = x.plus(d.times(o.sign));
          return x;
        };
        const touched = new Set([...a, ...b].map((o) => o.res));
        let explained = 0;
        for (const res of failing) {
          if (!touched.has(res)) continue;
          const nd = shift(res);
          if (holdsWith(res, nd)) explained++;
        }
        if (explained < 2) continue;
        const held = new Set([...(holding.get(keys[i]) ?? []), ...(holding.get(keys[j]) ?? [])].map((o) => o.res));
        let broken = 0;
        for (const res of held) {
          const nd = shift(res);
          if (!holdsWith(res, nd)) broken++;
        }
        // The warning-level identities (30113 = 2210201 …) it also fixes point at the right row among equals.
        let softFixed = 0;
        const softRes = new Set([...(soft.get(keys[i]) ?? []), ...(soft.get(keys[j]) ?? [])].map((o) => o.res));
        for (const res of softRes) {
          let x = res.diff;
          for (const o of [...(soft.get(keys[i]) ?? []), ...(soft.get(keys[j]) ?? [])]) if (o.res === res) x = x.plus(d.times(o.sign));
          if (x.abs().lte(res.bound)) softFixed++;
        }
        const score = Math.round(Math.min(1, (explained / (failing.length + broken)) * PAIR_WEIGHT + SOFT_WEIGHT * softFixed) * 1000) / 1000;
        const ta = a[0].term;
        const tb = b[0].term;
        const dec = ta.table.decimals;
        const show = (t: Term) => fmt(t.value.plus(d).div(t.table.factor), t.table.decimals);
        const cur = (t: Term) => (t.ref!.blank ? '（空白）' : fmt(t.ref!.value, t.table.decimals));
        out.push({
          sheet: ta.table.sheet,
          cell: a1(ta.ref!.row, ta.ref!.col),
          score,
          current: cur(ta),
          suggested: show(ta),
          likelihood: likelihoodOf(score),
          explains: explained,
          with: { sheet: tb.table.sheet, cell: a1(tb.ref!.row, tb.ref!.col), current: cur(tb), suggested: show(tb) },
          reason: `${ta.label}与${tb.label}同行一起改动了 ${fmt(d.div(ta.table.factor).abs(), dec)}：两格都改回（${show(ta)}、${show(tb)}）可使 ${explained} 项不平衡（共 ${failing.length} 项）同时成立${broken ? `，但会使 ${broken} 项现已平衡的关系不再平衡` : ''}`,
        });
      }
  }
  return out;
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
    if (best!.isNegative() && !t.value.isNegative()) continue;
    const delta = best!.minus(t.value);
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
      current: t.ref!.blank ? '（空白）' : fmt(t.ref!.value, dec),
      suggested: fmt(shown, dec),
      likelihood: likelihoodOf(rounded),
      explains: bestCount,
      reason: `${t.label}：改为 ${fmt(shown, dec)} 可使 ${bestCount} 项不平衡（共 ${failing.length} 项）同时成立${broken ? `，但会使 ${broken} 项现已平衡的关系不再平衡` : ''}`,
    };
    keyOf.set(suspect, k);
    out.push(suspect);
  }
  // Two cells of one row changed by the same amount (the row still adds up, its columns do not): tried only when
  // no single cell explains every failing check without breaking another.
  if (!out.some((x) => x.score >= 1)) {
    const soft = new Map<string, Occurrence[]>();
    for (const res of results)
      if (res.status === 'fail' && (res.check.severity ?? 'error') !== 'error' && res.check.op === 'eq')
        occurrences(res, (k, o) => (soft.get(k) ?? soft.set(k, []).get(k)!).push(o));
    out.push(...rowPairs(cand, holding, failing, soft));
  }
  const covers = (x: Suspect) => (covering.has(keyOf.get(x)!) ? 1 : 0);
  out.sort((a, b) => b.score - a.score || b.explains - a.explains || covers(b) - covers(a) || a.sheet.localeCompare(b.sheet) || a.cell.localeCompare(b.cell));
  return out.slice(0, limit);
}
