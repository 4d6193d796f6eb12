/**
 * The bookkeeping of marks shared by the hosts that mark a real workbook (Excel, WPS): which cells to fill with
 * which mark, which to give back their own fill, what to remember so 清除标记 restores each cell exactly, and when
 * that record must be written into the workbook. It decides; each host carries out the plan with its own API calls
 * and keeps the record where its workbook can hold it (Excel's settings, a very hidden sheet in WPS).
 *
 * Nothing of the user's is changed without being asked: a marked cell that no longer shows a mark colour was
 * recoloured by the user, and a note that no longer starts with NOTE_PREFIX was written or edited by the user; neither
 * is put back or removed. So before giving cells back the host reads what they show now (recordedNow).
 *
 * Pure: no Office.js, no WPS object, no timers. A fill is whatever the host reads and writes back (Excel: '#RRGGBB',
 * WPS: a BGR number); the ledger only keeps it and asks the host whether it is a mark colour.
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

/** What a recorded cell shows now, as the host read it before the plan. */
export interface CellNow<F> {
  fill: F | null;
  /** Undefined where the host did not read notes: the record then says whether our note is there. */
  note?: NoteNow;
}

/**
 * Which notes the host can write: 'all'; 'no-new' — change or remove the notes that are there but add none (a retry
 * after a new note was refused: a legacy note (旧式批注) takes no comment); 'none' — no notes API.
 */
export type NoteWrites = 'all' | 'no-new' | 'none';

/** A cell marked no more, or a note of ours left on a cell with no mark. */
export interface Restore<F> {
  sheet: string;
  cell: string;
  /**
   * The cell's own fill to put back (null: none). Absent when the cell no longer shows a mark colour: the user
   * recoloured it, and that fill stays.
   */
  fill?: F | null;
  /** Remove our note from it (it is there and still ours). */
  note: boolean;
}

export interface MarkPlan<F> {
  kind: 'mark' | 'update' | 'clear';
  /** Done first: a cell marked no more gets its own fill back and loses our note. */
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
  /** The fill cell i of the marks has now (a recorded cell's too: it tells whether the user recoloured it). */
  fillNow: (m: CellMark, i: number) => F | null;
  /** The note the cell has now, where the host read it; without it a note is added unless the record says ours. */
  noteNow?: (m: CellMark, i: number) => NoteNow;
  /** What a recorded cell the plan gives back shows now (`recordedToRead` names the cells a host reads ahead). */
  recordedNow: (p: { sheet: string; cell: string }) => CellNow<F>;
  notes: NoteWrites;
}

export interface ClearInput<F> extends Pick<MarkInput<F>, 'stored' | 'access' | 'recordedNow' | 'notes'> {
  /** Every cell the host found with a note of ours, recorded or not: those on sheets that take marks lose it. */
  ourNotes?: { sheet: string; cell: string }[];
}

export interface LedgerOptions<F> {
  /** Whether a fill is one of the mark colours. */
  isMarkFill: (fill: F) => boolean;
  /**
   * For a host whose record could have been lost (WPS): a cell showing a mark colour with no record is a mark left
   * behind, whose own fill was none. Excel keeps its record in the workbook's settings, and a user's fill may be a
   * mark colour (#FFC7CE is Excel's 差 style): there a fill with no record is what it is.
   */
  recordMayBeLost?: boolean;
}

const keyOf = (m: { sheet: string; cell: string }) => `${m.sheet}\u0000${m.cell}`;

export class MarkLedger<F> {
  /** The record while live checking runs (the newest one; written into the workbook when it stops). */
  private live?: SavedMark<F>[];

  constructor(private readonly options: LedgerOptions<F>) {}

  /** Whether the host must read the record kept in the workbook (none is kept here). */
  get needsStored(): boolean {
    return this.live === undefined;
  }

  private record(stored: SavedMark<F>[] | undefined): SavedMark<F>[] {
    return this.live ?? stored ?? [];
  }

  private isMark(fill: F | null): boolean {
    return fill !== null && this.options.isMarkFill(fill);
  }

  /**
   * The cell's own fill for the record. A recorded cell still showing a mark colour keeps the fill saved when it was
   * first marked; one showing another fill was recoloured by the user over the mark, and that fill is its own now.
   */
  private original(prev: SavedMark<F> | undefined, now: F | null): F | null {
    if (prev) return this.isMark(now) ? prev.fill : now;
    return this.options.recordMayBeLost && this.isMark(now) ? null : now;
  }

  /** The note to write on a marked cell, and whether the note on it is ours afterwards. */
  private note(prev: SavedMark<F> | undefined, notes: NoteWrites, now: NoteNow | undefined): { note: Paint['note']; ours: boolean } {
    const ours = now === undefined ? (prev?.comment ?? false) : now === 'ours';
    if (notes === 'none' || now === 'user') return { note: 'none', ours }; // a comment the user wrote is left as it is
    if (ours) return { note: 'replace', ours: true };
    if (notes === 'no-new') return { note: 'none', ours: false };
    return { note: 'add', ours: true };
  }

  /**
   * What giving a recorded cell back does: its own fill, unless the user recoloured it; our note off, unless the user
   * edited it (or it is gone). Undefined when nothing is left to do.
   */
  private restoreOf(p: SavedMark<F>, input: Pick<MarkInput<F>, 'recordedNow' | 'notes'>): Restore<F> | undefined {
    const now = input.recordedNow(p);
    const note = input.notes !== 'none' && (now.note === undefined ? p.comment : now.note === 'ours');
    const refill = this.isMark(now.fill);
    if (!refill && !note) return undefined;
    return refill ? { sheet: p.sheet, cell: p.cell, fill: p.fill, note } : { sheet: p.sheet, cell: p.cell, note };
  }

  private blocked(cells: { sheet: string }[], access: (sheet: string) => SheetAccess): string[] {
    return [...new Set(cells.map((c) => c.sheet))].filter((s) => access(s) === 'protected');
  }

  /**
   * The recorded cells a full marking or 清除标记 may give back (on sheets that take marks, and not among `keep`, the
   * marks of a full marking): a host that reads in batches reads what they show now before asking for the plan.
   */
  recordedToRead(
    stored: SavedMark<F>[] | undefined,
    access: (sheet: string) => SheetAccess,
    keep: { sheet: string; cell: string }[] = [],
  ): { sheet: string; cell: string }[] {
    const kept = new Set(keep.map(keyOf));
    return this.record(stored)
      .filter((p) => access(p.sheet) === 'ok' && !kept.has(keyOf(p)))
      .map(({ sheet, cell }) => ({ sheet, cell }));
  }

  /**
   * A full marking (校验): the workbook shows exactly `marks`. Cells marked before and not now get their own fill
   * back (unless the user recoloured them); marks on a protected or missing sheet are left, and so is the record of
   * cells there.
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
      else {
        const r = this.restoreOf(p, input);
        if (r) restore.push(r);
      }
    }
    const paint: Paint[] = [];
    for (const { m, i } of todo) {
      const prev = prevByKey.get(keyOf(m));
      const { note, ours } = this.note(prev, notes, input.noteNow?.(m, i));
      paint.push({ mark: m, note });
      record.push({ sheet: m.sheet, cell: m.cell, fill: this.original(prev, input.fillNow(m, i)), comment: ours });
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
      const r = this.restoreOf(p, input);
      if (r) restore.push(r);
      after.delete(keyOf(c));
    }
    const paint: Paint[] = [];
    let store = false;
    set.forEach((m, i) => {
      if (access(m.sheet) !== 'ok') return;
      const prev = before.get(keyOf(m));
      const { note, ours } = this.note(prev, notes, input.noteNow?.(m, i));
      const fill = this.original(prev, input.fillNow(m, i));
      if (!prev && fill !== null) store = true;
      paint.push({ mark: m, note });
      after.set(keyOf(m), { sheet: m.sheet, cell: m.cell, fill, comment: ours });
    });
    return { kind: 'update', restore, paint, blocked: this.blocked([...set, ...clear], access), record: [...after.values()], store, marked: paint.length };
  }

  /**
   * 清除标记: every recorded cell is given back, except on a protected or missing sheet (kept in the record); a note of
   * ours the record does not know (its mark was cleared while notes could not be removed) goes too.
   */
  clear(input: ClearInput<F>): MarkPlan<F> & { cleared: number } {
    const previous = this.record(input.stored);
    const ok = (p: { sheet: string }) => input.access(p.sheet) === 'ok';
    const restore: Restore<F>[] = [];
    for (const p of previous.filter(ok)) {
      const r = this.restoreOf(p, input);
      if (r) restore.push(r);
    }
    const recorded = new Set(previous.map(keyOf));
    if (input.notes !== 'none')
      for (const c of input.ourNotes ?? []) if (ok(c) && !recorded.has(keyOf(c))) restore.push({ sheet: c.sheet, cell: c.cell, note: true });
    return {
      kind: 'clear',
      restore,
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
