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
  suggested: string;
  reason: string;
  /** Number of failing checks explained by changing this cell. */
  explains: number;
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

/** Value (in 万元) this cell must take for the check to hold exactly. */
function implied(o: Occurrence): Decimal {
  return o.term.value.minus(o.res.diff.times(o.sign));
}

export function rankSuspects(results: CheckResult[], limit = 20): Suspect[] {
  const eq = results.filter((r) => r.check.op === 'eq' && (r.check.severity ?? 'error') === 'error');
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
    const delta = best!.minus(t.value);
    let broken = 0;
    for (const h of holding.get(k) ?? []) {
      const nd = h.res.diff.plus(delta.times(h.sign));
      if (nd.abs().gt(h.res.bound)) broken++;
    }
    const score = bestCount / (failing.length + broken);
    const shown = best!.div(t.table.factor);
    const dec = t.table.decimals;
    out.push({
      sheet: t.table.sheet,
      cell: a1(t.ref!.row, t.ref!.col),
      score: Math.round(score * 1000) / 1000,
      suggested: fmt(shown, dec),
      explains: bestCount,
      reason: `${t.label}：改为 ${fmt(shown, dec)} 可使 ${bestCount} 项不平衡（共 ${failing.length} 项）同时成立${broken ? `，但会使 ${broken} 项现已平衡的关系不再平衡` : ''}`,
    });
  }
  out.sort((a, b) => b.score - a.score || b.explains - a.explains || a.sheet.localeCompare(b.sheet) || a.cell.localeCompare(b.cell));
  return out.slice(0, limit);
}
