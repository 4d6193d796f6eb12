/**
 * The bookkeeping of marks shared by the hosts that mark a real workbook (Excel, WPS): which cells to fill with
 * which mark, which to give back their own fill, what to remember so 清除标记 restores each cell exactly, and when
 * that record must be written into the workbook. It decides; each host carries out the plan with its own API calls
 * and keeps the record where its workbook can hold it (Excel's settings, a very hidden sheet in WPS).
 *
 * Pure: no Office.js, no WPS object, no timers. A fill is whatever the host reads and writes back (Excel: '#RRGGBB',
 * WPS: a BGR number); the ledger only keeps it.
 */
import type { CellMark } from '../core/marks';

/**
 * What restores one marked cell. Hosts store the record as JSON in the workbook: the field names are a file
 * format (a workbook marked by an earlier version is cleared by this one).
 */
export interface SavedMark<F> {
  sheet: string;
  cell: string;
  /** The cell's own fill before it was first marked; null when it had none. */
  fill: F | null;
  /** True when the note on the cell is ours (a comment the user wrote is never recorded as ours). */
  comment: boolean;
}

/** Whether a sheet can take marks now. */
export type SheetAccess = 'ok' | 'protected' | 'missing';

/** The note a cell carries now, where the host read it: none, ours (it starts with NOTE_PREFIX), or the user's. */
export type NoteNow = 'none' | 'ours' | 'user';

/** A cell to fill with its mark's colour, and what to do with its note. */
export interface Paint {
  mark: CellMark;
  /** 'add' a new note, 'replace' ours with this text, or leave the note alone ('none': the user's, or no notes). */
  note: 'add' | 'replace' | 'none';
}

/** A cell to give back its own fill (null: no fill); `note`: remove our note from it if it is still there. */
export interface Restore<F> {
  sheet: string;
  cell: string;
  fill: F | null;
  note: boolean;
}

export interface MarkPlan<F> {
  kind: 'mark' | 'update' | 'clear';
  /** Done first: a cell marked no more gets its own fill back. */
  restore: Restore<F>[];
  /** Then the marks. */
  paint: Paint[];
  /** Protected sheets that marks (or cleared marks) are on, in the order first met: left as they are. */
  blocked: string[];
  /** The record once the plan is carried out. */
  record: SavedMark<F>[];
  /**
   * Whether the host writes `record` into the workbook with this plan. A live update keeps it in memory unless a
   * newly marked cell had a fill of its own (nothing of the user's may depend on memory alone): writing Excel's
   * settings clears its undo list, so typing and then Ctrl+Z keeps working while live checking runs.
   */
  store: boolean;
  /** Cells marked by this plan. */
  marked: number;
}

export interface MarkInput<F> {
  /** The record kept in the workbook; read by the host only when `needsStored` (no live record here). */
  stored?: SavedMark<F>[];
  /** Whether a sheet can take marks now. */
  access: (sheet: string) => SheetAccess;
  /** The fill cell i of the marks has now (read only for a cell with no record). */
  fillNow: (m: CellMark, i: number) => F | null;
  /** The note the cell has now, where the host read it; without it a note is added unless the record says ours. */
  noteNow?: (m: CellMark, i: number) => NoteNow;
  /** False when the host cannot write notes (no API, or a retry after a refused note): colours only. */
  notes: boolean;
}

const keyOf = (m: { sheet: string; cell: string }) => `${m.sheet}\u0000${m.cell}`;

export class MarkLedger<F> {
  /** The record while live checking runs (the newest one; written into the workbook when it stops). */
  private live?: SavedMark<F>[];

  /**
   * `isMarkFill`: a host whose record could have been lost passes how to tell a mark's colour; a cell showing one
   * with no record is then a mark left behind, whose own fill was none (never the mark colour).
   */
  constructor(private readonly isMarkFill?: (fill: F) => boolean) {}

  /** Whether the host must read the record kept in the workbook (none is kept here). */
  get needsStored(): boolean {
    return this.live === undefined;
  }

  private record(stored: SavedMark<F>[] | undefined): SavedMark<F>[] {
    return this.live ?? stored ?? [];
  }

  /** The cell's own fill for the record: the one saved when it was first marked, else what it shows now. */
  private original(prev: SavedMark<F> | undefined, now: () => F | null): F | null {
    if (prev) return prev.fill;
    const f = now();
    return f !== null && this.isMarkFill?.(f) ? null : f;
  }

  /** The note to write on a marked cell, and whether the note on it is ours afterwards. */
  private note(prev: SavedMark<F> | undefined, notes: boolean, now: NoteNow | undefined): { note: Paint['note']; ours: boolean } {
    const kept = prev?.comment ?? false;
    if (!notes) return { note: 'none', ours: kept };
    if (now === 'user') return { note: 'none', ours: kept }; // a comment the user wrote is left as it is
    if (now === 'ours' || (now === undefined && kept)) return { note: 'replace', ours: true };
    return { note: 'add', ours: true };
  }

  private blocked(cells: { sheet: string }[], access: (sheet: string) => SheetAccess): string[] {
    return [...new Set(cells.map((c) => c.sheet))].filter((s) => access(s) === 'protected');
  }

  /**
   * A full marking (校验): the workbook shows exactly `marks`. Cells marked before and not now get their own fill
   * back; marks on a protected or missing sheet are left, and so is the record of cells there.
   */
  mark(marks: CellMark[], input: MarkInput<F>): MarkPlan<F> {
    const { access, notes } = input;
    const previous = this.record(input.stored);
    const prevByKey = new Map(previous.map((p) => [keyOf(p), p]));
    const todo = marks.map((m, i) => ({ m, i })).filter(({ m }) => access(m.sheet) === 'ok');
    const now = new Set(todo.map(({ m }) => keyOf(m)));
    const restore: Restore<F>[] = [];
    const record: SavedMark<F>[] = [];
    for (const p of previous) {
      if (now.has(keyOf(p))) continue;
      if (access(p.sheet) !== 'ok') record.push(p);
      else restore.push({ sheet: p.sheet, cell: p.cell, fill: p.fill, note: notes && p.comment });
    }
    const paint: Paint[] = [];
    for (const { m, i } of todo) {
      const prev = prevByKey.get(keyOf(m));
      const { note, ours } = this.note(prev, notes, input.noteNow?.(m, i));
      paint.push({ mark: m, note });
      record.push({ sheet: m.sheet, cell: m.cell, fill: this.original(prev, () => input.fillNow(m, i)), comment: ours });
    }
    return { kind: 'mark', restore, paint, blocked: this.blocked(marks, access), record, store: true, marked: todo.length };
  }

  /** A live update: writes only `set` and restores only `clear`, leaving every other mark as it is. */
  update(set: CellMark[], clear: { sheet: string; cell: string }[], input: MarkInput<F>): MarkPlan<F> {
    const { access, notes } = input;
    const before = new Map(this.record(input.stored).map((p) => [keyOf(p), p]));
    const after = new Map(before);
    const restore: Restore<F>[] = [];
    for (const c of clear) {
      const p = before.get(keyOf(c));
      if (access(c.sheet) !== 'ok' || !p) continue;
      restore.push({ sheet: p.sheet, cell: p.cell, fill: p.fill, note: notes && p.comment });
      after.delete(keyOf(c));
    }
    const paint: Paint[] = [];
    let store = false;
    set.forEach((m, i) => {
      if (access(m.sheet) !== 'ok') return;
      const prev = before.get(keyOf(m));
      const { note, ours } = this.note(prev, notes, input.noteNow?.(m, i));
      const fill = this.original(prev, () => input.fillNow(m, i));
      if (!prev && fill !== null) store = true;
      paint.push({ mark: m, note });
      after.set(keyOf(m), { sheet: m.sheet, cell: m.cell, fill, comment: ours });
    });
    return { kind: 'update', restore, paint, blocked: this.blocked([...set, ...clear], access), record: [...after.values()], store, marked: paint.length };
  }

  /** 清除标记: every recorded cell gets its own fill back, except on a protected or missing sheet (kept in the record). */
  clear(input: Pick<MarkInput<F>, 'stored' | 'access'>): MarkPlan<F> & { cleared: number } {
    const previous = this.record(input.stored);
    const ok = (p: SavedMark<F>) => input.access(p.sheet) === 'ok';
    return {
      kind: 'clear',
      restore: previous.filter(ok).map((p) => ({ sheet: p.sheet, cell: p.cell, fill: p.fill, note: p.comment })),
      paint: [],
      blocked: this.blocked(previous, input.access),
      record: previous.filter((p) => !ok(p)),
      store: true,
      marked: 0,
      cleared: previous.length,
    };
  }

  /** The host carried out the plan: a live update's record is kept here; any other was written into the workbook. */
  done(plan: MarkPlan<F>): void {
    this.live = plan.kind === 'update' ? plan.record : undefined;
  }

  /** Live checking stopped: the record to write into the workbook, if one is kept here (then no longer). */
  stop(): SavedMark<F>[] | undefined {
    const record = this.live;
    this.live = undefined;
    return record;
  }
}
