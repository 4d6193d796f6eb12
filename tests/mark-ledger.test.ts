/**
 * The mark ledger on its own: what it plans for a workbook whose fills and notes are a plain map (the hosts' tests
 * check that Excel and WPS carry the plans out).
 */
import type { CellMark } from '../src/core/marks';
import { ChangeBatch } from '../src/hosts/host';
import { LedgerOptions, MarkInput, MarkLedger, MarkPlan, NoteNow, NoteWrites, SavedMark, SheetAccess } from '../src/hosts/mark-ledger';

const RED = '#FFC7CE';
const DARK = '#FF6B6B';
const MARKS: LedgerOptions<string> = { isMarkFill: (f) => f === RED || f === DARK };

/** A workbook as the ledger sees it: fills and notes by "sheet!cell", and which sheets are protected. */
function book(fills: Record<string, string> = {}, notes: Record<string, NoteNow> = {}) {
  return {
    fills: new Map(Object.entries(fills)),
    notes: new Map(Object.entries(notes)),
    protected: new Set<string>(),
    sheets: new Set(['收支总表', '支出总表']),
    /** The record as the host stores it in the workbook. */
    stored: [] as SavedMark<string>[],
    stores: 0,
  };
}
type Book = ReturnType<typeof book>;

const mark = (cell: string, kind: CellMark['kind'] = 'error', sheet = '支出总表'): CellMark => ({ sheet, cell, kind, note: `【预算校验】${cell}` });
const at = (m: { sheet: string; cell: string }) => `${m.sheet}!${m.cell}`;

function input(b: Book, ledger: MarkLedger<string>, notes: NoteWrites = 'all', readNotes = true): MarkInput<string> {
  const noteNow = (c: { sheet: string; cell: string }) => b.notes.get(at(c)) ?? 'none';
  return {
    stored: ledger.needsStored ? b.stored : undefined,
    access: (s): SheetAccess => (!b.sheets.has(s) ? 'missing' : b.protected.has(s) ? 'protected' : 'ok'),
    fillNow: (m) => b.fills.get(at(m)) ?? null,
    noteNow: readNotes ? noteNow : undefined,
    recordedNow: (c) => ({ fill: b.fills.get(at(c)) ?? null, note: readNotes ? noteNow(c) : undefined }),
    notes,
  };
}

/** Carries a plan out on the map, as a host does with its API. */
function carryOut(b: Book, ledger: MarkLedger<string>, plan: MarkPlan<string>) {
  for (const r of plan.restore) {
    if (r.fill === null) b.fills.delete(at(r));
    else if (r.fill !== undefined) b.fills.set(at(r), r.fill);
    if (r.note) b.notes.delete(at(r));
  }
  for (const p of plan.paint) {
    b.fills.set(at(p.mark), p.mark.kind === 'suspect' ? DARK : RED);
    if (p.note !== 'none') b.notes.set(at(p.mark), 'ours');
  }
  if (plan.store) {
    b.stored = plan.record;
    b.stores++;
  }
  ledger.done(plan);
}

test('marking: each cell gets its mark and a note; the record keeps its own fill; a protected sheet is left and named', () => {
  const b = book({ '支出总表!D7': '#00FF00' });
  b.protected.add('收支总表');
  const ledger = new MarkLedger<string>(MARKS);
  const plan = ledger.mark([mark('D7'), mark('E7', 'suspect'), mark('B5', 'error', '收支总表'), mark('A1', 'error', '已删除')], input(b, ledger));
  expect(plan.paint).toEqual([
    { mark: mark('D7'), note: 'add' },
    { mark: mark('E7', 'suspect'), note: 'add' },
  ]);
  expect(plan.record).toEqual([
    { sheet: '支出总表', cell: 'D7', fill: '#00FF00', comment: true },
    { sheet: '支出总表', cell: 'E7', fill: null, comment: true },
  ]);
  expect(plan).toMatchObject({ restore: [], blocked: ['收支总表'], store: true, marked: 2 });
});

test('marking again: a cell still marked keeps the fill it had before the first mark; one no longer marked gets it back', () => {
  const b = book({ '支出总表!D7': '#00FF00' });
  const ledger = new MarkLedger<string>(MARKS);
  carryOut(b, ledger, ledger.mark([mark('D7'), mark('E7')], input(b, ledger)));
  expect(b.fills.get('支出总表!D7')).toBe(RED);
  // The next 校验: D7 balances now, E7 is still wrong and now the first suspect.
  const plan = ledger.mark([mark('E7', 'suspect')], input(b, ledger));
  expect(plan.restore).toEqual([{ sheet: '支出总表', cell: 'D7', fill: '#00FF00', note: true }]);
  expect(plan.paint).toEqual([{ mark: mark('E7', 'suspect'), note: 'replace' }]);
  expect(plan.record).toEqual([{ sheet: '支出总表', cell: 'E7', fill: null, comment: true }]);
  carryOut(b, ledger, plan);
  expect(b.fills.get('支出总表!D7')).toBe('#00FF00');
  expect(b.notes.has('支出总表!D7')).toBe(false);
  expect(b.fills.get('支出总表!E7')).toBe(DARK);
});

test("清除标记 gives every cell its own fill back (the user's own colour too) and keeps the record of a protected sheet", () => {
  const b = book({ '支出总表!D7': '#00FF00', '收支总表!B5': '#FFFF00' });
  const ledger = new MarkLedger<string>(MARKS);
  carryOut(b, ledger, ledger.mark([mark('D7'), mark('E7'), mark('B5', 'warning', '收支总表')], input(b, ledger)));
  b.protected.add('收支总表');
  const plan = ledger.clear(input(b, ledger));
  expect(plan.cleared).toBe(3);
  expect(plan.restore).toEqual([
    { sheet: '支出总表', cell: 'D7', fill: '#00FF00', note: true },
    { sheet: '支出总表', cell: 'E7', fill: null, note: true },
  ]);
  expect(plan.record).toEqual([{ sheet: '收支总表', cell: 'B5', fill: '#FFFF00', comment: true }]);
  carryOut(b, ledger, plan);
  expect(b.fills.get('支出总表!D7')).toBe('#00FF00');
  expect(b.fills.has('支出总表!E7')).toBe(false);
  expect(b.notes.has('支出总表!E7')).toBe(false);
  // Unprotected again: the second 清除标记 restores the rest.
  b.protected.clear();
  carryOut(b, ledger, ledger.clear(input(b, ledger)));
  expect(b.fills.get('收支总表!B5')).toBe('#FFFF00');
  expect(b.stored).toEqual([]);
});

test('a comment the user wrote is left as it is and never recorded as ours', () => {
  const b = book({}, { '支出总表!D7': 'user' });
  const ledger = new MarkLedger<string>(MARKS);
  const plan = ledger.mark([mark('D7')], input(b, ledger));
  expect(plan.paint).toEqual([{ mark: mark('D7'), note: 'none' }]);
  expect(plan.record[0].comment).toBe(false);
  carryOut(b, ledger, plan);
  expect(ledger.clear(input(b, ledger)).restore).toEqual([{ sheet: '支出总表', cell: 'D7', fill: null, note: false }]);
});

test('live edits: the record stays in the ledger (no write into the workbook) unless a newly marked cell had a fill of its own', () => {
  const b = book({ '支出总表!F9': '#00B050' });
  const ledger = new MarkLedger<string>(MARKS);
  carryOut(b, ledger, ledger.mark([mark('D7')], input(b, ledger)));
  expect(b.stores).toBe(1);
  // Typing breaks E7: marked, nothing written into the workbook, the ledger keeps the newer record.
  const typed = ledger.update([mark('E7')], [], input(b, ledger));
  expect(typed).toMatchObject({ store: false, marked: 1, restore: [] });
  carryOut(b, ledger, typed);
  expect(b.stores).toBe(1);
  expect(ledger.needsStored).toBe(false);
  // F9 has the user's green: recorded in the workbook at once.
  const green = ledger.update([mark('F9')], [], input(b, ledger));
  expect(green.store).toBe(true);
  carryOut(b, ledger, green);
  expect(b.stored.map((p) => p.cell)).toEqual(['D7', 'E7', 'F9']);
  // E7 is put right: only E7 is restored; D7 and F9 stay as they are.
  const fixed = ledger.update([], [{ sheet: '支出总表', cell: 'E7' }], input(b, ledger));
  expect(fixed.restore).toEqual([{ sheet: '支出总表', cell: 'E7', fill: null, note: true }]);
  expect(fixed.paint).toEqual([]);
  carryOut(b, ledger, fixed);
  // Live checking stops: the record to write, once.
  expect(ledger.stop()!.map((p) => p.cell)).toEqual(['D7', 'F9']);
  expect(ledger.stop()).toBeUndefined();
  expect(ledger.needsStored).toBe(true);
});

test('a live update leaves a cleared cell it has no record of, and marks on protected sheets, as they are', () => {
  const b = book({ '支出总表!G3': '#123456' });
  b.protected.add('收支总表');
  const ledger = new MarkLedger<string>(MARKS);
  const plan = ledger.update([mark('B5', 'error', '收支总表')], [{ sheet: '支出总表', cell: 'G3' }], input(b, ledger));
  expect(plan).toMatchObject({ restore: [], paint: [], blocked: ['收支总表'], record: [], store: false, marked: 0 });
});

test('notes unknown (a live update that did not read them): ours is replaced where the record says so, else one is added', () => {
  const b = book();
  const ledger = new MarkLedger<string>(MARKS);
  carryOut(b, ledger, ledger.mark([mark('D7')], input(b, ledger)));
  const plan = ledger.update([mark('D7', 'suspect'), mark('E7')], [], input(b, ledger, 'all', false));
  expect(plan.paint.map((p) => p.note)).toEqual(['replace', 'add']);
});

test('colours only (no notes, or a note refused): no note is written or removed, and the record keeps what it knew', () => {
  const b = book();
  const ledger = new MarkLedger<string>(MARKS);
  carryOut(b, ledger, ledger.mark([mark('D7'), mark('E7')], input(b, ledger)));
  const plan = ledger.mark([mark('E7'), mark('F7')], input(b, ledger, 'none'));
  expect(plan.restore).toEqual([{ sheet: '支出总表', cell: 'D7', fill: null, note: false }]);
  expect(plan.paint.map((p) => p.note)).toEqual(['none', 'none']);
  expect(plan.record).toEqual([
    { sheet: '支出总表', cell: 'E7', fill: null, comment: true },
    { sheet: '支出总表', cell: 'F7', fill: null, comment: false },
  ]);
});

test('a cell the user recoloured after its mark was removed keeps the new colour: it is what the next mark records', () => {
  const b = book();
  const ledger = new MarkLedger<string>(MARKS);
  carryOut(b, ledger, ledger.mark([mark('D7')], input(b, ledger)));
  carryOut(b, ledger, ledger.mark([], input(b, ledger)));
  b.fills.set('支出总表!D7', '#0000FF'); // the user colours the cell blue
  carryOut(b, ledger, ledger.mark([mark('D7')], input(b, ledger)));
  carryOut(b, ledger, ledger.clear(input(b, ledger)));
  expect(b.fills.get('支出总表!D7')).toBe('#0000FF');
});

test('a cell the user recoloured while it was marked keeps that colour: 清除标记 leaves its fill and drops it from the record', () => {
  const b = book({ '支出总表!D7': '#00FF00', '支出总表!E7': '#FFFF00' });
  const ledger = new MarkLedger<string>(MARKS);
  carryOut(b, ledger, ledger.mark([mark('D7'), mark('E7'), mark('F7')], input(b, ledger)));
  b.fills.set('支出总表!D7', '#0000FF'); // recoloured over the mark
  b.fills.delete('支出总表!E7'); // its fill taken off
  const plan = ledger.clear(input(b, ledger));
  expect(plan.restore).toEqual([
    { sheet: '支出总表', cell: 'D7', note: true },
    { sheet: '支出总表', cell: 'E7', note: true },
    { sheet: '支出总表', cell: 'F7', fill: null, note: true },
  ]);
  expect(plan.record).toEqual([]);
  carryOut(b, ledger, plan);
  expect(b.fills.get('支出总表!D7')).toBe('#0000FF');
  expect(b.fills.has('支出总表!E7')).toBe(false);
  expect(b.fills.has('支出总表!F7')).toBe(false);
  expect(b.notes.size).toBe(0);
});

test('a cell recoloured over its mark and then no longer marked keeps that colour (校验 and live updates alike)', () => {
  const b = book({ '支出总表!D7': '#00FF00' });
  const ledger = new MarkLedger<string>(MARKS);
  carryOut(b, ledger, ledger.mark([mark('D7'), mark('E7')], input(b, ledger)));
  b.fills.set('支出总表!D7', '#0000FF');
  const again = ledger.mark([mark('E7')], input(b, ledger));
  expect(again.restore).toEqual([{ sheet: '支出总表', cell: 'D7', note: true }]);
  carryOut(b, ledger, again);
  expect(b.fills.get('支出总表!D7')).toBe('#0000FF');
  b.fills.set('支出总表!E7', '#00B050');
  const live = ledger.update([], [{ sheet: '支出总表', cell: 'E7' }], input(b, ledger));
  expect(live.restore).toEqual([{ sheet: '支出总表', cell: 'E7', note: true }]);
  carryOut(b, ledger, live);
  expect(b.fills.get('支出总表!E7')).toBe('#00B050');
});

test('marking again a cell recoloured over its mark: the new colour is recorded as its own, so 清除标记 gives it back', () => {
  const b = book({ '支出总表!D7': '#00FF00' });
  const ledger = new MarkLedger<string>(MARKS);
  carryOut(b, ledger, ledger.mark([mark('D7')], input(b, ledger)));
  b.fills.set('支出总表!D7', '#0000FF'); // recoloured over the mark
  const again = ledger.mark([mark('D7')], input(b, ledger));
  expect(again.record[0].fill).toBe('#0000FF');
  carryOut(b, ledger, again);
  expect(b.fills.get('支出总表!D7')).toBe(RED);
  // Another kind of mark on a cell still showing a mark colour keeps the fill it had before the first mark.
  const suspect = ledger.update([mark('D7', 'suspect')], [], input(b, ledger));
  expect(suspect.record[0].fill).toBe('#0000FF');
  carryOut(b, ledger, suspect);
  carryOut(b, ledger, ledger.clear(input(b, ledger)));
  expect(b.fills.get('支出总表!D7')).toBe('#0000FF');
});

test('a note the user edited while the cell was marked is left, and no longer recorded as ours', () => {
  const b = book();
  const ledger = new MarkLedger<string>(MARKS);
  carryOut(b, ledger, ledger.mark([mark('D7'), mark('E7')], input(b, ledger)));
  b.notes.set('支出总表!D7', 'user'); // the user rewrote our note
  b.notes.delete('支出总表!E7'); // and deleted this one
  const again = ledger.mark([mark('D7')], input(b, ledger));
  expect(again.paint).toEqual([{ mark: mark('D7'), note: 'none' }]);
  expect(again.record[0].comment).toBe(false);
  expect(again.restore).toEqual([{ sheet: '支出总表', cell: 'E7', fill: null, note: false }]);
  carryOut(b, ledger, again);
  const plan = ledger.clear(input(b, ledger));
  expect(plan.restore).toEqual([{ sheet: '支出总表', cell: 'D7', fill: null, note: false }]);
  carryOut(b, ledger, plan);
  expect(b.notes.get('支出总表!D7')).toBe('user');
});

test('a retry after a refused note (no new notes): our notes are still changed and removed, none is added', () => {
  const b = book();
  const ledger = new MarkLedger<string>(MARKS);
  carryOut(b, ledger, ledger.mark([mark('D7'), mark('E7')], input(b, ledger)));
  const plan = ledger.mark([mark('E7', 'suspect'), mark('F7')], input(b, ledger, 'no-new'));
  expect(plan.restore).toEqual([{ sheet: '支出总表', cell: 'D7', fill: null, note: true }]);
  expect(plan.paint.map((p) => p.note)).toEqual(['replace', 'none']);
  expect(plan.record.map((p) => p.comment)).toEqual([true, false]);
});

test('清除标记 removes a note of ours the record does not know, on the sheets that take marks', () => {
  const b = book({}, { '支出总表!G3': 'ours', '收支总表!B5': 'ours' });
  b.protected.add('收支总表');
  const ledger = new MarkLedger<string>(MARKS);
  carryOut(b, ledger, ledger.mark([mark('D7')], input(b, ledger)));
  const ourNotes = [...b.notes.keys()].map((k) => ({ sheet: k.split('!')[0], cell: k.split('!')[1] }));
  const plan = ledger.clear({ ...input(b, ledger), ourNotes });
  expect(plan.restore).toEqual([
    { sheet: '支出总表', cell: 'D7', fill: null, note: true },
    { sheet: '支出总表', cell: 'G3', note: true },
  ]);
  // A host without notes removes none.
  expect(ledger.clear({ ...input(b, ledger, 'none'), ourNotes }).restore).toEqual([{ sheet: '支出总表', cell: 'D7', fill: null, note: false }]);
});

test('a host whose record could be lost: a mark colour with no record is a mark left behind, its own fill none', () => {
  const b = book({ '支出总表!D7': RED, '支出总表!E7': '#00FF00' });
  const ledger = new MarkLedger<string>({ ...MARKS, recordMayBeLost: true });
  const plan = ledger.mark([mark('D7'), mark('E7')], input(b, ledger));
  expect(plan.record.map((p) => p.fill)).toEqual([null, '#00FF00']);
  // Without that rule (Excel keeps the record in the workbook's settings, and #FFC7CE is its 差 style) a fill is what it is.
  const plain = new MarkLedger<string>(MARKS);
  expect(plain.mark([mark('D7')], input(b, plain)).record[0].fill).toBe(RED);
});

test('a full marking during live checking writes the record and the ledger drops its own', () => {
  const b = book();
  const ledger = new MarkLedger<string>(MARKS);
  carryOut(b, ledger, ledger.update([mark('D7')], [], input(b, ledger)));
  expect(ledger.needsStored).toBe(false);
  carryOut(b, ledger, ledger.mark([mark('D7'), mark('E7')], input(b, ledger)));
  expect(ledger.needsStored).toBe(true);
  expect(b.stored.map((p) => p.cell)).toEqual(['D7', 'E7']);
  expect(ledger.stop()).toBeUndefined();
});

describe('ChangeBatch: changes handed on together after a pause', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('a burst is one batch, read after the pause that follows the last change', () => {
    const batches: number[][] = [];
    const batch = new ChangeBatch<number>(
      () => 300,
      (b) => batches.push(b),
    );
    batch.add(1);
    jest.advanceTimersByTime(200);
    batch.add(2);
    jest.advanceTimersByTime(200);
    expect(batches).toEqual([]);
    jest.advanceTimersByTime(100);
    expect(batches).toEqual([[1, 2]]);
    batch.add(3);
    jest.advanceTimersByTime(300);
    expect(batches).toEqual([[1, 2], [3]]);
  });

  test('stopping drops what is waiting', () => {
    const batches: number[][] = [];
    const batch = new ChangeBatch<number>(
      () => 300,
      (b) => batches.push(b),
    );
    batch.add(1);
    batch.stop();
    jest.advanceTimersByTime(1000);
    expect(batches).toEqual([]);
  });
});
