import { marksFromReport, MARK_COLORS, NOTE_PREFIX } from '../src/core/marks';
import { validateWorkbook } from '../src/core/validate';
import { BYTES_PER_CELL, ExcelHost, READ_BUDGET_BYTES } from '../src/hosts/excel/excel-host';
import { PAYLOAD_LIMIT } from './fakes/fake-excel';
import { layoutWorkbook, locate, setValue } from '../src/samples/layout';
import { seed004Blocks } from '../src/samples/seed004';
import { a1 } from '../src/core/grid';
import { fakeBookFrom, fakeExcel } from './fakes/fake-excel';

function setup(inject = true) {
  const l = layoutWorkbook(seed004Blocks(), { layout: 'sheets' });
  const at = locate(l, 'expenditure', 19, 4); // 2150501 行政运行 基本支出 691.02
  if (inject) setValue(l, at, 619.02);
  const book = fakeBookFrom(l.workbook);
  const excel = fakeExcel(book);
  return { l, at, book, excel, host: new ExcelHost(excel.run, excel.supports, excel.runIn), cell: a1(at.row, at.col) };
}

test('reading a workbook costs 3 syncs (names, sizes and merges, values) and gives the same grid', async () => {
  const { l, excel, host } = setup(false);
  const wb = await host.readWorkbook();
  expect(excel.syncs()).toEqual([3]);
  expect(wb.sheets.map((s) => s.name)).toEqual(l.workbook.sheets.map((s) => s.name));
  for (let i = 0; i < wb.sheets.length; i++) {
    expect(wb.sheets[i].merges).toEqual(l.workbook.sheets[i].merges);
    const got = wb.sheets[i].rows.map((r) => r?.map((c) => c && [c.value, c.numFmt]));
    const want = l.workbook.sheets[i].rows.map((r) => r?.map((c) => c && [c.value, c.numFmt]));
    expect(got).toEqual(want);
  }
  expect(validateWorkbook(wb).counts.error).toBe(0);
});

test('a big sheet is read in blocks budgeted by bytes: 2 syncs plus 1 per block, every response under 5 MB', async () => {
  const rows = Array.from({ length: 30000 }, (_, i) => Array.from({ length: 12 }, (_, j) => ({ value: i * 12 + j + 0.25, numFmt: '#,##0.00' })));
  const book = fakeBookFrom({ sheets: [{ name: '大表', rows, merges: [] }] });
  const excel = fakeExcel(book);
  const wb = await new ExcelHost(excel.run, excel.supports).readWorkbook();
  const cells = 30000 * 12;
  expect(excel.syncs()[0]).toBe(2 + Math.ceil(cells / Math.floor(READ_BUDGET_BYTES / BYTES_PER_CELL / 12) / 12));
  expect(Math.max(...excel.bytes()[0])).toBeLessThan(PAYLOAD_LIMIT);
  expect(wb.sheets[0].rows[29999][11]).toEqual({ value: cells - 1 + 0.25, numFmt: '#,##0.00' });
});

test('a workbook whose cells would exceed 5 MB per request (the old 200,000-cell plan) is read: long text, formulas only where they are', async () => {
  // 200,000 cells of long accounting formats and text: ≈ 60 bytes each, 12 MB in one request of the old plan.
  const rows = Array.from({ length: 20000 }, (_, i) =>
    Array.from({ length: 10 }, (_, j) =>
      j === 9 && i % 100 === 0
        ? { value: i, formula: `SUM(A${i + 1}:H${i + 1})`, numFmt: '#,##0.00' }
        : { value: j < 2 ? `科目名称很长的一段文字${i}-${j}` : i + j + 0.5, numFmt: '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ' },
    ),
  );
  const book = fakeBookFrom({ sheets: [{ name: '大表', rows, merges: [] }] });
  const excel = fakeExcel(book);
  const wb = await new ExcelHost(excel.run, excel.supports).readWorkbook();
  expect(wb.sheets[0].rows[19999][2]).toEqual({ value: 19999 + 2 + 0.5, numFmt: '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ' });
  expect(wb.sheets[0].rows[500][9]).toMatchObject({ value: 500, formula: 'SUM(A501:H501)' });
  expect(wb.sheets[0].rows[501][9]).not.toHaveProperty('formula');
  // Requests refused for their size were halved and read again: every successful response is under 5 MB.
  const sizes = excel.bytes()[0];
  expect(sizes.some((b) => b > PAYLOAD_LIMIT)).toBe(true); // the estimate was too low for this content: refused…
  expect(sizes.filter((b) => b <= PAYLOAD_LIMIT).length).toBeGreaterThan(3); // …then read in halves
});

test('over 512 merged areas: Excel refuses the request; the host reads again with new proxies, without merges', async () => {
  const rows = Array.from({ length: 1100 }, (_, i) => [{ value: `行${i}` }, { value: i }]);
  const merges = Array.from({ length: 530 }, (_, i) => ({ top: i * 2, left: 2, bottom: i * 2 + 1, right: 3 }));
  const book = fakeBookFrom({ sheets: [{ name: '合并很多', rows, merges }] });
  const excel = fakeExcel(book);
  const wb = await new ExcelHost(excel.run, excel.supports).readWorkbook();
  expect(wb.sheets[0].merges).toEqual([]);
  expect(wb.sheets[0].rows[1099][1]).toEqual({ value: 1099 });
});

test('marks: 2 syncs; errors red, the first suspect its own colour, notes added; 清除标记 (3 syncs) restores exactly', async () => {
  const { book, excel, host, cell } = setup();
  const sheet = book.sheets.find((s) => s.name === '3支出总表')!;
  // The user had a green fill and an own comment on a cell that will be marked.
  const { row, col } = { row: 25, col: 3 }; // D26: 2150501 合计, part of the failing row formula
  sheet.cells.get(`${row},${col}`)!.fill = '#00FF00';
  const rep = validateWorkbook(await host.readWorkbook());
  const marks = marksFromReport(rep);
  expect(rep.suspects[0]).toMatchObject({ sheet: '3支出总表', cell });
  excel.reset();
  const res = await host.applyMarks(marks);
  expect(excel.syncs()).toEqual([2]);
  expect(res).toEqual({ marked: marks.length, skipped: [] });
  const [r, c] = [Number(/\d+/.exec(cell)![0]) - 1, cell.charCodeAt(0) - 65];
  expect(sheet.cells.get(`${r},${c}`)!.fill).toBe(MARK_COLORS.suspect);
  expect(sheet.cells.get(`${row},${col}`)!.fill).toMatch(/^#FF/);
  expect(book.comments.length).toBe(marks.length);
  expect(book.comments.every((x) => x.content.startsWith(NOTE_PREFIX))).toBe(true);
  expect(book.comments.find((x) => x.cell === cell)!.content).toMatch(/最可能填错：建议值 691\.02/);
  expect(book.settings.size).toBe(1);

  // 清除标记 reads what the marked cells show and where the comments are before it writes: 3 syncs, however many cells.
  excel.reset();
  expect(await host.clearMarks()).toBe(marks.length);
  expect(excel.syncs()).toEqual([3]);
  expect(sheet.cells.get(`${row},${col}`)!.fill).toBe('#00FF00');
  expect(sheet.cells.get(`${r},${c}`)!.fill).toBeNull();
  expect(book.comments).toEqual([]);
  expect(book.settings.size).toBe(0);
  const filled = book.sheets.flatMap((s) => [...s.cells.values()].filter((x) => x.fill));
  expect(filled).toHaveLength(1);
});

test('a comment the user wrote is never changed or deleted (3 syncs when comments exist)', async () => {
  const { book, excel, host, cell } = setup();
  book.comments.push({ sheet: '3支出总表', cell, content: '财务科：此数待核' });
  const marks = marksFromReport(validateWorkbook(await host.readWorkbook()));
  excel.reset();
  await host.applyMarks(marks);
  expect(excel.syncs()).toEqual([3]);
  expect(book.comments.filter((x) => x.sheet === '3支出总表' && x.cell === cell)).toEqual([{ sheet: '3支出总表', cell, content: '财务科：此数待核' }]);
  expect(book.comments.length).toBe(marks.length); // every other mark got its note
  await host.clearMarks();
  expect(book.comments).toEqual([{ sheet: '3支出总表', cell, content: '财务科：此数待核' }]);
});

test('清除标记 with marks on a protected sheet: the other cells get their fills back and lose their notes; the protected ones stay, named', async () => {
  const { book, excel, host } = setup();
  const marks = marksFromReport(validateWorkbook(await host.readWorkbook()));
  await host.applyMarks(marks);
  const locked = book.sheets.find((s) => s.name === '5一般公共预算支出表')!;
  locked.protected = true;
  const left = marks.filter((m) => m.sheet === locked.name);
  expect(left.length).toBeGreaterThan(0);
  excel.reset();
  await expect(host.clearMarks()).rejects.toThrow(new RegExp(`有 ${left.length} 个标记所在的工作表受保护`));
  expect(excel.syncs()).toEqual([3]);
  expect(book.comments.map((c) => `${c.sheet}!${c.cell}`)).toEqual(left.map((m) => `${m.sheet}!${m.cell}`));
  expect(book.sheets.flatMap((s) => [...s.cells.values()].filter((x) => x.fill)).length).toBe(left.length);
  expect(JSON.parse(book.settings.get('budgetCheck.marks')!)).toEqual(left.map((m) => ({ sheet: m.sheet, cell: m.cell, fill: null, comment: true })));
  // Unprotected: the next 清除标记 restores the rest.
  locked.protected = false;
  expect(await host.clearMarks()).toBe(left.length);
  expect(book.comments).toEqual([]);
  expect(book.sheets.flatMap((s) => [...s.cells.values()].filter((x) => x.fill))).toEqual([]);
  expect(book.settings.size).toBe(0);
});

test('清除标记 leaves a fill the user chose and a note the user edited while the cell was marked; 3 syncs however many cells', async () => {
  const { book, excel, host, at, cell } = setup();
  const marks = marksFromReport(validateWorkbook(await host.readWorkbook()));
  await host.applyMarks(marks);
  const sheet = book.sheets.find((s) => s.name === at.sheet)!;
  const recoloured = sheet.cells.get(`${at.row},${at.col}`)!;
  recoloured.fill = '#0000FF'; // over the suspect mark
  const edited = book.comments.find((c) => c.sheet === at.sheet && c.cell !== cell)!;
  edited.content = '已核：此数无误'; // the user rewrote our note
  excel.reset();
  expect(await host.clearMarks()).toBe(marks.length);
  expect(excel.syncs()).toEqual([3]);
  expect(recoloured.fill).toBe('#0000FF');
  expect(book.comments).toEqual([edited]);
  expect(book.sheets.flatMap((s) => [...s.cells.values()].filter((x) => x.fill))).toEqual([recoloured]);
  expect(book.settings.size).toBe(0);
  // A hundred times as many marks: the same 3 syncs.
  const many = Array.from({ length: 400 }, (_, i) => ({ sheet: at.sheet, cell: a1(100 + i, 10), kind: 'warning' as const, note: `${NOTE_PREFIX}测试` }));
  await host.applyMarks(many);
  excel.reset();
  expect(await host.clearMarks()).toBe(many.length);
  expect(excel.syncs()).toEqual([3]);
  expect(book.comments).toEqual([edited]);
});

test('校验 again after a fix: a cell the user recoloured while it was marked keeps its colour', async () => {
  const { book, host, at } = setup();
  await host.applyMarks(marksFromReport(validateWorkbook(await host.readWorkbook())));
  const target = book.sheets.find((s) => s.name === at.sheet)!.cells.get(`${at.row},${at.col}`)!;
  target.fill = '#0000FF';
  target.value = 691.02; // and fixes the figure
  const rep = validateWorkbook(await host.readWorkbook());
  expect(rep.counts.error).toBe(0);
  await host.applyMarks(marksFromReport(rep));
  expect(target.fill).toBe('#0000FF');
  expect(book.comments).toEqual([]);
  expect(book.sheets.flatMap((s) => [...s.cells.values()].filter((x) => x.fill))).toEqual([target]);
});

test('marking again after a fix restores the cells that are no longer marked', async () => {
  const { book, host, at } = setup();
  await host.applyMarks(marksFromReport(validateWorkbook(await host.readWorkbook())));
  const sheet = book.sheets.find((s) => s.name === at.sheet)!;
  sheet.cells.get(`${at.row},${at.col}`)!.value = 691.02; // the user fixes the cell (it is still filled)
  const rep = validateWorkbook(await host.readWorkbook());
  expect(rep.counts.error).toBe(0);
  await host.applyMarks(marksFromReport(rep));
  expect(sheet.cells.get(`${at.row},${at.col}`)!.fill).toBeNull();
  expect(book.comments).toEqual([]);
  expect(book.sheets.flatMap((s) => [...s.cells.values()].filter((x) => x.fill))).toEqual([]);
});

test('a protected sheet is skipped with a clear message; the others are marked', async () => {
  const { book, host } = setup();
  const rep = validateWorkbook(await host.readWorkbook());
  book.sheets.find((s) => s.name === '3支出总表')!.protected = true;
  const res = await host.applyMarks(marksFromReport(rep));
  expect(res.skipped).toEqual([{ sheet: '3支出总表', reason: expect.stringMatching(/受保护.*撤消工作表保护/) }]);
  expect(book.sheets.find((s) => s.name === '3支出总表')!.cells.size).toBeGreaterThan(0);
  expect([...book.sheets.find((s) => s.name === '3支出总表')!.cells.values()].some((x) => x.fill)).toBe(false);
  expect(res.marked).toBeGreaterThan(0);
});

test('a read-only workbook is not touched', async () => {
  const { book, host } = setup();
  const rep = validateWorkbook(await host.readWorkbook());
  book.readOnly = true;
  const res = await host.applyMarks(marksFromReport(rep));
  expect(res.marked).toBe(0);
  expect(res.skipped[0].reason).toMatch(/只读/);
  expect(book.sheets.flatMap((s) => [...s.cells.values()].filter((x) => x.fill))).toEqual([]);
  expect(book.comments).toEqual([]);
});

test('selectCell activates the sheet and selects the cell in one sync', async () => {
  const { book, excel, host } = setup();
  await host.selectCell('6基本支出表', 'F29');
  expect(excel.syncs()).toEqual([1]);
  expect(book).toMatchObject({ active: '6基本支出表', selected: '6基本支出表!F29' });
});

test('insertSheet adds a new sheet in 2 syncs and never overwrites one (情况说明 → 情况说明(2))', async () => {
  const { book, excel, host } = setup(false);
  const { sectionsSheet } = require('../src/core/narrative/sheet');
  const sheet = sectionsSheet('某局2021年部门预算信息公开情况说明', [
    { id: '九', title: '九、其他需要说明的事项', text: '无其他需要说明的事项。', placeholders: [] },
  ]);
  expect(await host.insertSheet('情况说明', sheet)).toBe('情况说明');
  expect(excel.syncs()).toEqual([2]);
  expect(await host.insertSheet('情况说明', sheet)).toBe('情况说明(2)');
  const added = book.sheets.find((s) => s.name === '情况说明')!;
  expect(added.cells.get('0,0')!.value).toBe('某局2021年部门预算信息公开情况说明');
  expect(added.cells.get('3,0')!.value).toBe('无其他需要说明的事项。');
  expect(book.sheets.filter((s) => s.name.startsWith('情况说明'))).toHaveLength(2);
  expect(book.active).toBe('情况说明(2)');
});

test('a legacy note on a marked cell refuses the comment: the colours are still marked, and the pane is told why', async () => {
  const { book, excel, host, cell, at } = setup();
  book.notes = [{ sheet: at.sheet, cell }];
  const rep = validateWorkbook(await host.readWorkbook());
  const marks = marksFromReport(rep);
  excel.reset();
  const res = await host.applyMarks(marks);
  expect(res.marked).toBe(marks.length);
  expect(res.skipped).toEqual([{ sheet: '（批注）', reason: expect.stringMatching(/旧式批注/) }]);
  const sheet = book.sheets.find((s) => s.name === at.sheet)!;
  expect(sheet.cells.get(`${at.row},${at.col}`)!.fill).toBe(MARK_COLORS.suspect);
  expect(await host.clearMarks()).toBe(marks.length);
  expect(sheet.cells.get(`${at.row},${at.col}`)!.fill).toBeNull();
});

test('after a legacy note refuses a comment, the retry still removes our notes from cells no longer marked and updates the others', async () => {
  const { book, host, at } = setup(false);
  const note = (cell: string, text: string, kind: 'error' | 'warning' = 'error') => ({ sheet: at.sheet, cell, kind, note: `${NOTE_PREFIX}${text}` });
  await host.applyMarks([note('E25', '第一次'), note('D26', '第一次'), note('F26', '第一次')]);
  expect(book.comments).toHaveLength(3);
  book.notes = [{ sheet: at.sheet, cell: 'C26' }]; // a legacy note on a cell marked next, ahead of E25 in the plan
  const res = await host.applyMarks([note('C26', '新的'), note('E25', '第二次', 'warning'), note('F26', '第一次')]);
  expect(res).toEqual({ marked: 3, skipped: [{ sheet: '（批注）', reason: expect.stringMatching(/旧式批注/) }] });
  expect(book.comments.map((c) => [c.cell, c.content])).toEqual([
    ['E25', `${NOTE_PREFIX}第二次`],
    ['F26', `${NOTE_PREFIX}第一次`],
  ]);
  const sheet = book.sheets.find((s) => s.name === at.sheet)!;
  const fill = (cell: string) => sheet.cells.get(`${Number(cell.slice(1)) - 1},${cell.charCodeAt(0) - 65}`)?.fill ?? null;
  expect([fill('C26'), fill('E25'), fill('D26')]).toEqual([MARK_COLORS.error, MARK_COLORS.warning, null]);
  // The record knows which notes are ours: 清除标记 removes them all.
  await host.clearMarks();
  expect(book.comments).toEqual([]);
  expect(book.sheets.flatMap((s) => [...s.cells.values()].filter((x) => x.fill))).toEqual([]);
});

test('the fake Excel has the shapes of @types/office-js for every member the host uses', async () => {
  const { EXCEL_METHODS } = require('./fakes/excel-contract');
  const { excel } = setup(false);
  await excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('3支出总表') as unknown as Record<string, unknown>;
    const range = (ws.getRange as (a: string) => Record<string, unknown>)('A1');
    for (const m of EXCEL_METHODS as { object: string; member: string }[]) {
      const obj = m.object === 'Worksheet' ? ws : range;
      expect([m.object, m.member, typeof obj[m.member]]).toEqual([m.object, m.member, 'function']);
    }
  });
});

describe('live checking in Excel (issue 18)', () => {
  const editsOf = (c: import('../src/hosts/host').LiveChange) => {
    if (c.kind !== 'edits') throw new Error(`expected edits, got: ${c.why}`);
    return c.edits;
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  /** The changes the session's watcher reported, and how many a test has seen so far. */
  let reported: import('../src/hosts/host').LiveChange[] = [];
  let seen = 0;
  /** Waits for the host to report the next change (its events are asynchronous; a loaded machine is slow), at most 2 s. */
  const settle = async () => {
    for (let i = 0; i < 400 && reported.length <= seen; i++) await sleep(5);
    seen = reported.length;
  };

  async function liveSetup() {
    const { LiveValidation } = await import('../src/core/live');
    const s = setup(false);
    s.host.liveDelayMs = 0;
    const wb = await s.host.readWorkbook();
    const live = new LiveValidation(wb);
    const changes: import('../src/hosts/host').LiveChange[] = [];
    const stop = await s.host.watchChanges!((c) => void changes.push(c));
    reported = changes;
    seen = 0;
    s.excel.reset();
    return { ...s, live, changes, stop };
  }

  test('typing a wrong figure raises one change with the cell as it is now; the marks follow in 2 syncs without touching the settings', async () => {
    const { excel, host, book, at, live, changes, cell } = await liveSetup();
    expect(excel.listening()).toMatchObject({ onChanged: 1, onAdded: 1, onDeleted: 1 });
    excel.userEdit(at.sheet, cell, [[619.02]], '#,##0.00');
    await settle();
    expect(changes).toEqual([{ kind: 'edits', edits: [{ sheet: at.sheet, row: at.row, col: at.col, cell: { value: 619.02, numFmt: '#,##0.00' } }] }]);
    expect(excel.syncs()).toEqual([1]); // the changed range only, in one sync
    const u = live.apply(editsOf(changes[0]));
    expect(u.mode).toBe('incremental');
    expect(u.report.counts.error).toBeGreaterThan(0);
    excel.reset();
    await host.updateMarks!(u.marks.set, u.marks.clear);
    expect(excel.syncs()).toEqual([2]);
    const filled = book.sheets.find((x) => x.name === at.sheet)!.cells.get(`${at.row},${at.col}`)!;
    expect(filled.fill).toBe(MARK_COLORS.suspect);
    expect(book.comments.some((c) => c.cell === cell && c.content.startsWith(NOTE_PREFIX))).toBe(true);
    // Writing settings clears Excel's undo list: a live update whose cells had no fill of their own does not.
    expect(book.settings.size).toBe(0);
    // Put back: the marks of the cells that balance again go, in 2 syncs, and their comments with them.
    excel.userEdit(at.sheet, cell, [[691.02]], '#,##0.00');
    await settle();
    const back = live.apply(editsOf(changes[1]));
    expect(back.report.counts.error).toBe(0);
    excel.reset();
    await host.updateMarks!(back.marks.set, back.marks.clear);
    expect(excel.syncs()).toEqual([2]);
    expect(filled.fill).toBeNull();
    expect(book.comments.filter((c) => c.content.startsWith(NOTE_PREFIX))).toEqual([]);
  });

  test('a cell with a fill of its own is recorded in the workbook at once; stopping writes the record and removes the handlers', async () => {
    const { excel, host, book, at, live, changes, cell, stop } = await liveSetup();
    book.sheets.find((x) => x.name === at.sheet)!.cells.get(`${at.row},${at.col}`)!.fill = '#00B050';
    excel.userEdit(at.sheet, cell, [[619.02]]);
    await settle();
    const u = live.apply(editsOf(changes[0]));
    await host.updateMarks!(u.marks.set, u.marks.clear);
    const saved = JSON.parse(book.settings.get('budgetCheck.marks')!);
    expect(saved).toContainEqual({ sheet: at.sheet, cell, fill: '#00B050', comment: true });
    await stop();
    expect(excel.listening()).toMatchObject({ onChanged: 0, onAdded: 0, onDeleted: 0 });
    expect(JSON.parse(book.settings.get('budgetCheck.marks')!).length).toBe(u.marks.set.length);
    // 清除标记 restores the user's own green.
    await host.clearMarks();
    expect(book.sheets.find((x) => x.name === at.sheet)!.cells.get(`${at.row},${at.col}`)!.fill).toBe('#00B050');
  });

  test('the figure put back: a cell recoloured while marked keeps its colour, a note the user edited stays (found first: 3 syncs)', async () => {
    const { excel, host, book, at, live, changes, cell } = await liveSetup();
    excel.userEdit(at.sheet, cell, [[619.02]], '#,##0.00');
    await settle();
    const u = live.apply(editsOf(changes[0]));
    await host.updateMarks!(u.marks.set, u.marks.clear);
    const target = book.sheets.find((x) => x.name === at.sheet)!.cells.get(`${at.row},${at.col}`)!;
    target.fill = '#0000FF';
    const edited = book.comments.find((c) => c.sheet === at.sheet && c.cell !== cell)!;
    edited.content = '已核：此数无误';
    excel.userEdit(at.sheet, cell, [[691.02]], '#,##0.00');
    await settle();
    const back = live.apply(editsOf(changes[1]));
    expect(back.marks.clear.length).toBe(u.marks.set.length);
    excel.reset();
    await host.updateMarks!(back.marks.set, back.marks.clear);
    expect(excel.syncs()).toEqual([3]);
    expect(target.fill).toBe('#0000FF');
    expect(book.comments).toEqual([edited]);
    expect(book.sheets.flatMap((s) => [...s.cells.values()].filter((x) => x.fill))).toEqual([target]);
  });

  test('a note of ours the user deleted does not keep the others: the retry reads the comments again and removes the rest', async () => {
    const { host, book, at } = await liveSetup();
    const marks = ['D26', 'E25', 'F26'].map((cell) => ({ sheet: at.sheet, cell, kind: 'error' as const, note: `${NOTE_PREFIX}测试` }));
    await host.updateMarks!(marks, []);
    expect(book.comments).toHaveLength(3);
    book.comments = book.comments.filter((c) => c.cell !== 'D26'); // deleted by the user; the record says ours
    const res = await host.updateMarks!(
      [],
      marks.map(({ sheet, cell }) => ({ sheet, cell })),
    );
    expect(res.marked).toBe(0);
    expect(book.comments).toEqual([]);
    expect(book.sheets.flatMap((s) => [...s.cells.values()].filter((x) => x.fill))).toEqual([]);
  });

  test('a live update giving back cells on a sheet deleted meanwhile gives back the others', async () => {
    const { host, book, at } = await liveSetup();
    const gone = '5一般公共预算支出表';
    const marks = [at.sheet, gone].map((sheet) => ({ sheet, cell: 'E26', kind: 'error' as const, note: `${NOTE_PREFIX}测试` }));
    await host.updateMarks!(marks, []);
    book.sheets = book.sheets.filter((s) => s.name !== gone);
    book.comments = book.comments.filter((c) => c.sheet !== gone);
    await host.updateMarks!(
      [],
      marks.map(({ sheet, cell }) => ({ sheet, cell })),
    );
    expect(book.sheets.find((s) => s.name === at.sheet)!.cells.get(`25,4`)!.fill).toBeNull();
    expect(book.comments).toEqual([]);
  });

  test('inserting a row asks for a new detection; a paste larger than a live read asks for the whole workbook', async () => {
    const { excel, at, changes } = await liveSetup();
    excel.userInsertRow(at.sheet, 5);
    await settle();
    expect(changes[0]).toMatchObject({ kind: 'structure', why: expect.stringMatching(/插入或删除/) });
    excel.userEdit(
      at.sheet,
      'A1:J3000',
      Array.from({ length: 3000 }, () => Array(10).fill(1)),
    );
    await settle();
    expect(changes[1]).toMatchObject({ kind: 'structure', why: expect.stringMatching(/30000 个单元格/) });
  });

  test('a one-click fix writes the value, returns the old cell, and live checking sees the write', async () => {
    const { host, at, changes, cell, live } = await liveSetup();
    const before = await host.writeCell!(at.sheet, cell, 619.02);
    expect(before).toEqual({ value: 691.02, numFmt: '#,##0.00' });
    await settle();
    expect(changes[0]).toMatchObject({ kind: 'edits', edits: [{ sheet: at.sheet, row: at.row, col: at.col, cell: { value: 619.02 } }] });
    expect(live.apply(editsOf(changes[0])).report.counts.error).toBeGreaterThan(0);
  });

  test('Excel without ExcelApi 1.7 says live checking is not available, in Chinese', async () => {
    const book = fakeBookFrom(layoutWorkbook(seed004Blocks(), { layout: 'sheets' }).workbook);
    const excel = fakeExcel(book, new Set(['1.4']));
    await expect(new ExcelHost(excel.run, excel.supports).watchChanges(() => undefined)).rejects.toThrow(/不支持实时校验/);
  });
});
