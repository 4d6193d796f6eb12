/**
 * The localisation benchmark (issue 16), shared by `npm run bench` and the tests: on a clean workbook, every filled
 * amount cell is made wrong in turn (single), and every pair of filled cells that an identity links — on opposite
 * sides of one check — is made wrong by the same amount (a row changed consistently: 合计 and 人员经费; a column:
 * a 项 and its 款; the same figure copied wrong into two tables). First-suspect accuracy is counted by kind.
 */
import { parseAmount } from '../core/amount';
import type { Check } from '../core/checks';
import { companions } from '../core/suspects';
import { detectWorkbook } from '../core/detect';
import { a1, Workbook } from '../core/grid';
import { ruleInput, runRules } from '../core/engine';
import { validateWorkbook } from '../core/validate';

export type InjectionKind = 'single' | 'row' | 'column' | 'cross';

export interface InjectionOutcome {
  kind: InjectionKind;
  cells: string[];
  found: boolean;
  first: boolean;
  /** The first suspect was called 很可能 (likely): a miss that says so misleads. */
  likely: boolean;
}

/** Changes of several sizes and signs, all beyond the rounding bound. */
const DELTAS = [10, -1.5, 0.37, 123.45, -0.08, 2.6];

interface At {
  sheet: string;
  row: number;
  col: number;
}

const name = (x: At) => `${x.sheet}!${a1(x.row, x.col)}`;

/**
 * Runs the campaign on a workbook built afresh by `make` for every injection (so no injection leaks into the next).
 * `limit` caps the cases of each kind (taken evenly over all of them) to bound the time.
 */
export function localisationCampaign(make: () => Workbook, limit = Infinity): InjectionOutcome[] {
  const clean = make();
  const det = detectWorkbook(clean);
  const singles: At[][] = [];
  for (const t of det.tables)
    for (const r of t.rows)
      for (const a of Object.values(r.amounts)) if (!a.blank && !a.value.isZero()) singles.push([{ sheet: t.sheet, row: a.row, col: a.col }]);
  const pairs: Record<Exclude<InjectionKind, 'single'>, At[][]> = { row: [], column: [], cross: [] };
  const seen = new Set<string>();
  const checks: Check[] = [];
  // The checks of the clean workbook, only to learn which cells each identity links.
  runRules(ruleInput(det, clean), (c) => {
    checks.push(c);
    return false;
  });
  for (const c of checks) {
    if (c.op !== 'eq' || (c.severity ?? 'error') !== 'error') continue;
    for (const x of c.lhs)
      for (const y of c.rhs) {
        if (!x.ref || !y.ref || x.ref.blank || y.ref.blank || x.ref.value.isZero() || y.ref.value.isZero()) continue;
        const a = { sheet: x.table.sheet, row: x.ref.row, col: x.ref.col };
        const b = { sheet: y.table.sheet, row: y.ref.row, col: y.ref.col };
        const k = [name(a), name(b)].sort().join(' ');
        if (seen.has(k) || k.split(' ')[0] === k.split(' ')[1]) continue;
        seen.add(k);
        const kind = x.table !== y.table ? 'cross' : a.row === b.row ? 'row' : a.col === b.col ? 'column' : undefined;
        if (kind) pairs[kind].push([a, b]);
      }
  }
  const spread = <T>(xs: T[]) => (xs.length <= limit ? xs : Array.from({ length: limit }, (_, i) => xs[Math.floor((i * xs.length) / limit)]));
  const out: InjectionOutcome[] = [];
  let n = 0;
  const run = (kind: InjectionKind, cells: At[]) => {
    const wb = make();
    const delta = DELTAS[n++ % DELTAS.length];
    for (const at of cells) {
      const sheet = wb.sheets.find((s) => s.name === at.sheet)!;
      const cell = sheet.rows[at.row]![at.col]!;
      const old = parseAmount(cell).value;
      // Amounts are not negative: a change that would make one negative is made the other way.
      const d = old.plus(delta).isNegative() ? -delta : delta;
      sheet.rows[at.row]![at.col] = { ...cell, value: Number(old.plus(d).toFixed(2)) };
    }
    const rep = validateWorkbook(wb);
    const top = rep.suspects[0];
    const named = top ? [`${top.sheet}!${top.cell}`, ...companions(top).map((c) => `${c.sheet}!${c.cell}`)].sort() : [];
    const want = cells.map(name).sort();
    out.push({ kind, cells: want, found: rep.counts.error > 0, first: named.join(' ') === want.join(' '), likely: top?.likelihood === 'likely' });
  };
  for (const c of spread(singles)) run('single', c);
  for (const kind of ['row', 'column', 'cross'] as const) for (const c of spread(pairs[kind])) run(kind, c);
  return out;
}

/** First-suspect accuracy by kind, with the pairs together and everything together. */
export function accuracyByKind(
  outcomes: InjectionOutcome[],
): Record<string, { n: number; first: number; rate: number; found: number; missedButLikely: number }> {
  const groups: Record<string, InjectionOutcome[]> = { single: [], row: [], column: [], cross: [], pairs: [], all: outcomes };
  for (const o of outcomes) {
    groups[o.kind].push(o);
    if (o.kind !== 'single') groups.pairs.push(o);
  }
  return Object.fromEntries(
    Object.entries(groups).map(([k, xs]) => [
      k,
      {
        n: xs.length,
        first: xs.filter((x) => x.first).length,
        found: xs.filter((x) => x.found).length,
        rate: xs.length ? xs.filter((x) => x.first).length / xs.length : 1,
        missedButLikely: xs.filter((x) => !x.first && x.likely).length,
      },
    ]),
  );
}
