/**
 * Checking while the user types. After one full validation, every check is kept with an index from each amount
 * cell to the checks it takes part in; an edit of amount cells updates those cells in place, re-evaluates only the
 * checks that read them, re-runs the few rules whose output depends on which cells are filled (Rule.reads), and
 * re-ranks the suspects. The report is the same as a full run on the edited workbook (asserted by the tests on
 * random edit sequences). Anything else — a code, a name, a title, a cell outside the tables, text that is not an
 * amount, a change of a table's shown decimals — re-detects the whole workbook: the answer is never a guess.
 */
import { isZeroAmount, parseAmount } from './amount';
import { Check, CheckResult, evaluate, Finding, Term, toFinding } from './checks';
import { detectWorkbook, MappingOverride, padsDecimals, shownDecimals } from './detect';
import { type Cell, cellNumber, inRange, type Workbook } from './grid';
import { diffMarks, marksFromReport, CellMark } from './marks';
import type { AmountRef, Detection, MappedRow, MappedTable } from './model';
import { rulesFor } from './rules';
import type { Rule } from './rules/context';
import { CheckCounts, countCheck, emptyCounts, RuleContexts, ruleContexts, ruleInput } from './engine';
import { finishReport, ValidationReport } from './validate';

/** One cell as it is now (undefined: emptied). Rows and columns are 0-based. */
export interface CellEdit {
  sheet: string;
  row: number;
  col: number;
  cell: Cell | undefined;
}

export interface LiveUpdate {
  report: ValidationReport;
  /** 'incremental': only the checks of the edited cells were evaluated; 'full': the workbook was detected again. */
  mode: 'incremental' | 'full';
  /** Why a full run was needed (in Chinese), for the status line and the tests. */
  why?: string;
  /** Checks evaluated again for this update (incremental mode). */
  reevaluated: number;
  /** Marks to write and cells to clear so the workbook shows the new report (only cells whose state changed). */
  marks: { set: CellMark[]; clear: { sheet: string; cell: string }[] };
}

interface Item {
  check?: Check;
  /** The result while the check does not pass (a passing one is not kept: most checks pass, memory stays small). */
  result?: CheckResult;
  /** The finding of a non-passing result, made once per result. */
  made?: { result: CheckResult; finding: Finding | undefined };
  finding?: Finding;
  seg: number;
  pos: number;
  gen: number;
}

interface Segment {
  rule: Rule;
  /** Its place in the rule order. */
  seg: number;
  items: Item[];
  /** The items that give a finding: the rule's own findings and its checks that do not pass now. */
  shown: Set<Item>;
  counts: CheckCounts;
  gen: number;
}

interface RefAt {
  table: MappedTable;
  ref: AmountRef;
  row: MappedRow | undefined;
}

const cellOf = (k: string): [string, number, number] => {
  const [sheet, row, col] = k.split('\u0000');
  return [sheet, Number(row), Number(col)];
};
const key = (sheet: string, row: number, col: number) => `${sheet}\u0000${row}\u0000${col}`;
/** Cell → the checks that read it, per sheet. */
class CellIndex {
  private sheets = new Map<string, Map<number, Item[]>>();
  get(sheet: string, row: number, col: number): Item[] | undefined {
    return this.sheets.get(sheet)?.get(cellNumber(row, col));
  }
  add(sheet: string, row: number, col: number, it: Item) {
    let m = this.sheets.get(sheet);
    if (!m) this.sheets.set(sheet, (m = new Map()));
    const k = cellNumber(row, col);
    const list = m.get(k);
    if (!list) m.set(k, [it]);
    else if (list[list.length - 1] !== it) list.push(it);
  }
  clear() {
    this.sheets.clear();
  }
  /** Keeps only the entries `keep` accepts. */
  filter(keep: (it: Item) => boolean) {
    for (const m of this.sheets.values())
      for (const [k, list] of m) {
        const live = list.filter(keep);
        if (live.length) m.set(k, live);
        else m.delete(k);
      }
  }
}

class FullRun {
  constructor(readonly why: string) {}
}

/**
 * Checks a session keeps at most (about 2 KB each with the mapped tables): beyond, live checking is not offered
 * and every update is a full run (a provincial workbook of 5,000 rows a table has about 55,000).
 */
export const LIVE_MAX_CHECKS = 250_000;

export class LiveValidation {
  /** Too many checks to keep: live checking is not offered (the report is still complete). */
  tooLarge = false;
  private det!: Detection;
  private segments: Segment[] = [];
  private index = new CellIndex();
  /** Index entries of checks replaced by a re-run, skipped until purged. */
  private staleEntries = 0;
  /** Per edited table, its rows by sheet row (made on the first edit of the table). */
  private rowsByLine = new WeakMap<MappedTable, Map<number, MappedRow[]>>();
  private marks: CellMark[] = [];
  private contexts!: RuleContexts;
  private current!: Segment;
  report!: ValidationReport;

  /** Validates `wb` in full; the session keeps the grid and updates it with every edit it is given. */
  constructor(
    public wb: Workbook,
    private readonly overrides?: MappingOverride[],
    private readonly maxChecks = LIVE_MAX_CHECKS,
  ) {
    this.fullRun();
  }

  /** How many checks the session holds (its memory is linear in them). */
  get checks(): number {
    return this.segments.reduce((s, g) => s + g.items.length, 0);
  }

  /** The marks of the current report (what the workbook should show). */
  get currentMarks(): CellMark[] {
    return this.marks;
  }

  /** Applies the edits to the grid and brings the report up to date. */
  apply(edits: CellEdit[]): LiveUpdate {
    for (const e of edits) writeCell(this.wb, e);
    const before = this.marks;
    let reevaluated = 0;
    let mode: LiveUpdate['mode'] = 'incremental';
    let why: string | undefined;
    try {
      if (this.tooLarge) throw new FullRun(`工作簿很大（超过 ${this.maxChecks} 项核对），已完整校验`);
      reevaluated = this.incremental(edits);
    } catch (e) {
      if (!(e instanceof FullRun)) throw e;
      this.fullRun();
      mode = 'full';
      why = e.why;
    }
    if (mode === 'incremental') this.compose();
    return { report: this.report, mode, why, reevaluated, marks: diffMarks(before, this.marks) };
  }

  /** Re-detects the workbook (after rows were inserted, a sheet renamed …). */
  refresh(): LiveUpdate {
    const before = this.marks;
    this.fullRun();
    return { report: this.report, mode: 'full', why: '工作簿结构有变化，已重新识别各表', reevaluated: 0, marks: diffMarks(before, this.marks) };
  }

  /**
   * Live checking resumed after a pause: edits made meanwhile were not seen (no host reports them once it stopped
   * watching), so the session's amounts are stale, and with them its report. The workbook as it is now (read again
   * by the host; the preview's grid may be the very object the session holds, already changed) is detected and
   * checked in full: never the report of before the pause.
   */
  resume(wb: Workbook): LiveUpdate {
    this.wb = wb;
    this.rowsByLine = new WeakMap();
    const before = this.marks;
    this.fullRun();
    return { report: this.report, mode: 'full', why: '已重新读取暂停期间的改动', reevaluated: 0, marks: diffMarks(before, this.marks) };
  }

  private fullRun(): void {
    this.det = detectWorkbook(this.wb, this.overrides);
    // One context per detection; each rule's checks and findings go to the segment running now.
    this.contexts = ruleContexts(ruleInput(this.det, this.wb), {
      check: (c) => this.onCheck(c),
      finding: (f) => void this.push({ finding: f }),
    });
    this.segments = [];
    this.index.clear();
    this.staleEntries = 0;
    rulesFor(this.contexts.stage).forEach((rule, i) => this.segments.push(this.runRule(rule, i, 0)));
    this.compose();
    this.tooLarge = this.checks > this.maxChecks;
    if (this.tooLarge) {
      // Keep the report, not the checks: an edit is then checked by a full run.
      this.index.clear();
      for (const g of this.segments) g.items = [];
    }
  }

  /** The amount cells (and carried figures) of the tables at this cell. */
  private refsAt(sheet: string, row: number, col: number): RefAt[] {
    const out: RefAt[] = [];
    for (const table of this.det.tables) {
      if (table.sheet !== sheet || row < table.range.top || row > table.range.bottom) continue;
      let lines = this.rowsByLine.get(table);
      if (!lines) {
        lines = new Map();
        for (const r of table.rows) (lines.get(r.row) ?? lines.set(r.row, []).get(r.row)!).push(r);
        this.rowsByLine.set(table, lines);
      }
      for (const r of lines.get(row) ?? [])
        for (const ref of Object.values(r.amounts)) if (ref.col === col && ref.row === row) out.push({ table, ref, row: r });
      for (const ref of Object.values(table.figures)) if (ref.row === row && ref.col === col) out.push({ table, ref, row: undefined });
    }
    return out;
  }

  private runRule(rule: Rule, seg: number, gen: number): Segment {
    const segment: Segment = { rule, items: [], shown: new Set(), counts: emptyCounts(), gen, seg };
    this.current = segment;
    rule.run(this.contexts.forRule(rule));
    return segment;
  }

  /** Records an emitted check or finding in the segment of the rule running now. */
  private push(item: Pick<Item, 'check' | 'result' | 'finding'>): Item {
    const g = this.current;
    const it: Item = { check: item.check, result: item.result, made: undefined, finding: item.finding, seg: g.seg, pos: g.items.length, gen: g.gen };
    g.items.push(it);
    if (it.finding || it.result) g.shown.add(it);
    return it;
  }

  /** A check as a rule emits it: counted, evaluated, kept with its result if it does not pass, and indexed by cell. */
  private onCheck(c: Check): void {
    countCheck(this.current.counts, c);
    const r = evaluate(c);
    const it = this.push({ check: c, result: r.status === 'pass' ? undefined : r });
    const add = (t: Term) => t.ref && this.index.add(t.table.sheet, t.ref.row, t.ref.col, it);
    c.lhs.forEach(add);
    c.rhs.forEach(add);
  }

  /** Returns the number of checks evaluated again; throws FullRun when the edit needs a new detection. */
  private incremental(edits: CellEdit[]): number {
    const touched = new Set<string>();
    const tables = new Set<MappedTable>();
    let presence = false;
    /** An edited cell is, or was, shown with fewer decimals than its table, or its format now fixes none (or does). */
    let precision = false;
    for (const e of edits) {
      const k = key(e.sheet, e.row, e.col);
      const refs = this.refsAt(e.sheet, e.row, e.col);
      if (!refs.length) throw new FullRun('改动的单元格不在已识别的金额格中，已重新识别各表');
      const p = parseAmount(e.cell);
      for (const { table, ref, row } of refs) {
        if (e.cell?.formula && (e.cell.value === null || e.cell.value === '')) throw new FullRun('公式没有计算结果');
        if (p.invalid !== undefined || (p.unitWord && p.unitWord !== table.unit)) throw new FullRun('输入的不是本表单位的金额');
        const listed = (xs: { row: number; col: number }[]) => xs.some((x) => x.row === ref.row && x.col === ref.col);
        if (p.shift || listed(table.invalid) || listed(table.unitWords) || listed(table.uncalculated) || listed(table.scaledFormats ?? []))
          throw new FullRun('该格原有内容需要重新识别');
        if (table.mergedData.some((m) => inRange(m, ref.row, ref.col))) throw new FullRun('该格在合并单元格中');
        if (row && row.kind === 'other' && !row.name.trim()) throw new FullRun('无名称的行由金额决定是否成行');
        const wasZero = isZeroAmount(ref);
        const isZero = isZeroAmount(p);
        if (ref.blank !== p.blank || wasZero !== isZero) presence = true;
        if (p.decimals < table.decimals || ref.decimals < table.decimals || !!p.unformatted !== !!ref.unformatted) precision = true;
        ref.blank = p.blank;
        ref.decimals = p.decimals;
        ref.unformatted = !!p.unformatted;
        ref.micro = p.micro;
        ref.value = p.value;
        tables.add(table);
      }
      touched.add(k);
    }
    // The table's precision is what its non-zero amounts show (as detection computes it): if it moved, every
    // rounding bound and every message of the table changes.
    for (const t of tables)
      if (shownDecimals(t) !== t.decimals || padsDecimals(t) !== !!t.padded) throw new FullRun('表中金额显示的小数位数有变化，已重新识别');
    let n = 0;
    const again = new Set<Item>();
    for (const k of touched) for (const item of this.index.get(...cellOf(k)) ?? []) if (item.gen === this.segments[item.seg].gen) again.add(item);
    for (const item of again) {
      const c = item.check!;
      for (const t of c.lhs) if (t.ref && touched.has(key(t.table.sheet, t.ref.row, t.ref.col))) t.refresh();
      for (const t of c.rhs) if (t.ref && touched.has(key(t.table.sheet, t.ref.row, t.ref.col))) t.refresh();
      const r = evaluate(c);
      item.result = r.status === 'pass' ? undefined : r;
      const shown = this.segments[item.seg].shown;
      if (item.result) shown.add(item);
      else shown.delete(item);
      n++;
    }
    // Rules whose output depends on which cells are filled (or quote amounts) run again in full; they are small.
    this.segments.forEach((s, i) => {
      if (s.rule.reads === 'values' || (s.rule.reads === 'presence' && presence) || (s.rule.reads === 'precision' && (presence || precision))) {
        this.staleEntries += s.items.length;
        this.segments[i] = this.runRule(s.rule, i, s.gen + 1);
        n += this.segments[i].items.filter((x) => x.check).length;
      }
    });
    if (this.staleEntries > this.checks + 1000) this.purge();
    return n;
  }

  /** Drops index entries of checks replaced by a re-run (they are skipped until then). */
  private purge() {
    this.staleEntries = 0;
    this.index.filter((x) => x.gen === this.segments[x.seg].gen);
  }

  /** Findings in emission order, counts, the suspects' inputs, and the report, as the full run makes them. */
  private compose() {
    const findings: Finding[] = [];
    const counts = emptyCounts();
    const failing: Item[] = [];
    for (const s of this.segments) {
      counts.total += s.counts.total;
      for (const [k, v] of s.counts.byRule) counts.byRule.set(k, (counts.byRule.get(k) ?? 0) + v);
      for (const [k, v] of s.counts.byTable) counts.byTable.set(k, (counts.byTable.get(k) ?? 0) + v);
      const shown = s.shown.size > 1 ? [...s.shown].sort((a, b) => a.pos - b.pos) : [...s.shown];
      for (const it of shown) {
        if (it.finding) {
          findings.push(it.finding);
          continue;
        }
        const r = it.result!;
        if (it.made?.result !== r) it.made = { result: r, finding: toFinding(r) };
        if (it.made.finding) findings.push(it.made.finding);
        if (r.status === 'fail') failing.push(it);
      }
    }
    // The suspects are ranked on the failing checks and every other check that shares a cell with them.
    let inputs: CheckResult[] = [];
    if (failing.length) {
      const near = new Set<Item>();
      for (const f of failing)
        for (const t of [...f.check!.lhs, ...f.check!.rhs]) {
          if (!t.ref) continue;
          for (const item of this.index.get(t.table.sheet, t.ref.row, t.ref.col) ?? [])
            if (item.gen === this.segments[item.seg].gen && item.result?.status !== 'fail') near.add(item);
        }
      const kept = [...near].sort((a, b) => a.seg - b.seg || a.pos - b.pos);
      // A passing check keeps no result: evaluated again here (only the few around the failing cells).
      inputs = [...failing.map((x) => x.result!), ...kept.map((x) => x.result ?? evaluate(x.check!))];
    }
    this.report = finishReport(this.wb, this.det, findings, counts, inputs);
    this.marks = marksFromReport(this.report);
  }
}

/** Writes one edited cell into the grid (growing the sheet's rows as needed). */
export function writeCell(wb: Workbook, e: CellEdit): void {
  const sheet = wb.sheets.find((s) => s.name === e.sheet);
  if (!sheet) return;
  while (sheet.rows.length <= e.row) sheet.rows.push([]);
  const row = (sheet.rows[e.row] ??= []);
  row[e.col] = e.cell;
}
