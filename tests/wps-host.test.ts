import { marksFromReport, MARK_COLORS, NOTE_PREFIX } from '../src/core/marks';
import { validateWorkbook } from '../src/core/validate';
import { a1 } from '../src/core/grid';
import { as2d, prop, rgbHexToBgr, STATE_SHEET, WpsHost, wpsHostFromWindow } from '../src/hosts/wps/wps-host';
import { layoutWorkbook, locate, setValue } from '../src/samples/layout';
import { seed004Blocks } from '../src/samples/seed004';
import { fakeWpsApp, wpsBookFrom } from './fakes/fake-wps';

function setup(opts: { methods?: boolean; pluginStorage?: boolean; inject?: boolean; layout?: 'sheets' | 'stacked' } = {}) {
  const l = layoutWorkbook(seed004Blocks(), { layout: opts.layout ?? 'sheets' });
  const at = locate(l, 'expenditure', 19, 4); // 2150501 行政运行 基本支出 691.02
  if (opts.inject !== false) setValue(l, at, 619.02);
  const book = wpsBookFrom(l.workbook);
  const app = fakeWpsApp(book, opts);
  return { l, at, book, app, host: new WpsHost(app), cell: a1(at.row, at.col) };
}

test('helpers: BGR colours, scalar/2-D Value2, members as property or method', () => {
  expect(rgbHexToBgr('#FF0000')).toBe(0x0000ff);
  expect(rgbHexToBgr('#FFC7CE')).toBe(0xcec7ff);
  expect(as2d(5, 1, 1)).toEqual([[5]]);
  expect(as2d([1, 2], 1, 2)).toEqual([[1, 2]]);
  expect(as2d([[1], [2]], 2, 1)).toEqual([[1], [2]]);
  expect(prop({ Name: 'a' }, 'Name')).toBe('a');
  expect(prop({ Name: () => 'b' }, 'Name')).toBe('b');
});

test.each([
  ['properties', false],
  ['methods', true],
])('reading through the ET object model (members as %s) gives the same grid and a clean validation', async (_, methods) => {
  const { l, host } = setup({ methods, inject: false, layout: 'stacked' });
  const wb = await host.readWorkbook();
  const src = l.workbook.sheets[0];
  expect(wb.sheets[0].merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).sort()).toEqual(
    src.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).sort(),
  );
  expect(wb.sheets[0].rows.map((r) => r?.map((c) => c && [c.value, c.numFmt]))).toEqual(src.rows.map((r) => r?.map((c) => c && [c.value, c.numFmt])));
  const rep = validateWorkbook(wb);
  expect(rep.tables).toHaveLength(9);
  expect(rep.counts.error).toBe(0);
});

test('the full 校验 flow: highlighted cells (BGR) and comments, then 清除标记 restores exactly', async () => {
  const { book, host, at, cell } = setup();
  const sheet = book.sheets.find((s) => s.name === at.sheet)!;
  const userCell = sheet.cells.get(`${at.row},${at.col - 1}`)!; // D26 合计, will be marked (row formula)
  userCell.color = 0x00ff00;
  const rep = validateWorkbook(await host.readWorkbook());
  expect(rep.suspects[0]).toMatchObject({ sheet: at.sheet, cell });
  const marks = marksFromReport(rep);
  const res = await host.applyMarks(marks);
  expect(res).toEqual({ marked: marks.length, skipped: [] });
  const target = sheet.cells.get(`${at.row},${at.col}`)!;
  expect(target.color).toBe(rgbHexToBgr(MARK_COLORS.suspect));
  expect(target.comment).toMatch(new RegExp(`^${NOTE_PREFIX}最可能填错：建议值 691\\.02`));
  expect(userCell.color).toBe(rgbHexToBgr(MARK_COLORS.error));
  const marked = book.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.comment));
  expect(marked).toHaveLength(marks.length);
  expect(await host.clearMarks()).toBe(marks.length);
  expect(userCell.color).toBe(0x00ff00);
  expect(target.color).toBeNull();
  expect(book.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.comment))).toEqual([]);
  expect(book.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.color !== null))).toEqual([userCell]);
});

test("a user's own comment is never changed or removed", async () => {
  const { book, host, at } = setup();
  const target = book.sheets.find((s) => s.name === at.sheet)!.cells.get(`${at.row},${at.col}`)!;
  target.comment = '财务科：此数待核';
  await host.applyMarks(marksFromReport(validateWorkbook(await host.readWorkbook())));
  expect(target.comment).toBe('财务科：此数待核');
  await host.clearMarks();
  expect(target.comment).toBe('财务科：此数待核');
});

test('清除标记 leaves a fill the user chose and a note the user edited while the cell was marked', async () => {
  const { book, host, at } = setup();
  const marks = marksFromReport(validateWorkbook(await host.readWorkbook()));
  await host.applyMarks(marks);
  const sheet = book.sheets.find((s) => s.name === at.sheet)!;
  const recoloured = sheet.cells.get(`${at.row},${at.col}`)!;
  recoloured.color = 0xff0000; // over the suspect mark
  const edited = sheet.cells.get(`${at.row - 1},${at.col}`)!; // E25, marked too
  expect(edited.comment).toMatch(new RegExp(`^${NOTE_PREFIX}`));
  edited.comment = '已核：此数无误';
  expect(await host.clearMarks()).toBe(marks.length);
  expect(recoloured.color).toBe(0xff0000);
  expect(edited.comment).toBe('已核：此数无误');
  expect(book.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.comment))).toEqual([edited]);
  expect(book.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.color !== null))).toEqual([recoloured]);
});

test('校验 again after a fix: a cell the user recoloured while it was marked keeps its colour', async () => {
  const { book, host, at } = setup();
  await host.applyMarks(marksFromReport(validateWorkbook(await host.readWorkbook())));
  const target = book.sheets.find((s) => s.name === at.sheet)!.cells.get(`${at.row},${at.col}`)!;
  target.color = 0xff0000;
  target.value = 691.02;
  const rep = validateWorkbook(await host.readWorkbook());
  expect(rep.counts.error).toBe(0);
  await host.applyMarks(marksFromReport(rep));
  expect(target.color).toBe(0xff0000);
  expect(book.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.comment))).toEqual([]);
  expect(book.sheets.filter((s) => s.name !== STATE_SHEET).flatMap((s) => [...s.cells.values()].filter((c) => c.color !== null))).toEqual([target]);
});

test('清除标记 with marks on a protected sheet: the other cells get their fills back and lose their notes; the protected ones stay, named', async () => {
  const { book, host } = setup();
  const marks = marksFromReport(validateWorkbook(await host.readWorkbook()));
  await host.applyMarks(marks);
  const locked = book.sheets.find((s) => s.name === '5一般公共预算支出表')!;
  locked.protected = true;
  const left = marks.filter((m) => m.sheet === locked.name);
  expect(left.length).toBeGreaterThan(0);
  await expect(host.clearMarks()).rejects.toThrow(new RegExp(`有 ${left.length} 个标记所在的工作表受保护`));
  const userSheets = () => book.sheets.filter((s) => s.name !== STATE_SHEET);
  expect(userSheets().flatMap((s) => [...s.cells.values()].filter((c) => c.comment))).toHaveLength(left.length);
  expect(userSheets().flatMap((s) => [...s.cells.values()].filter((c) => c.color !== null))).toHaveLength(left.length);
  expect([...locked.cells.values()].filter((c) => c.comment)).toHaveLength(left.length);
  locked.protected = false;
  expect(await host.clearMarks()).toBe(left.length);
  expect(userSheets().flatMap((s) => [...s.cells.values()].filter((c) => c.comment || c.color !== null))).toEqual([]);
});

test('protected sheet and read-only workbook', async () => {
  const { book, host, at } = setup();
  const rep = validateWorkbook(await host.readWorkbook());
  book.sheets.find((s) => s.name === at.sheet)!.protected = true;
  const res = await host.applyMarks(marksFromReport(rep));
  expect(res.skipped).toEqual([{ sheet: at.sheet, reason: expect.stringMatching(/受保护/) }]);
  expect([...book.sheets.find((s) => s.name === at.sheet)!.cells.values()].some((c) => c.color !== null)).toBe(false);
  await host.clearMarks().catch(() => undefined);
  book.readOnly = true;
  const ro = await host.applyMarks(marksFromReport(rep));
  expect(ro.marked).toBe(0);
  expect(ro.skipped[0].reason).toMatch(/只读/);
});

test('without PluginStorage the marks are remembered for the session', async () => {
  const { book, host } = setup({ pluginStorage: false });
  const marks = marksFromReport(validateWorkbook(await host.readWorkbook()));
  await host.applyMarks(marks);
  expect(await host.clearMarks()).toBe(marks.length);
  expect(book.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.color !== null))).toEqual([]);
});

test('selectCell activates the sheet and selects the cell', async () => {
  const { book, host } = setup();
  await host.selectCell('6基本支出表', 'F29');
  expect(book).toMatchObject({ active: '6基本支出表', selected: '6基本支出表!F29' });
});

test('insertSheet copes with Worksheets.Add() returning nothing and never overwrites a sheet', async () => {
  const { book, host } = setup();
  const l = layoutWorkbook(
    seed004Blocks().filter((b) => b.id === 'three-public-expenditure'),
    { layout: 'sheets' },
  );
  const name1 = await host.insertSheet('9三公经费表', l.workbook.sheets[0]);
  expect(name1).toBe('9三公经费表(2)');
  const added = book.sheets.find((s) => s.name === name1)!;
  expect(added.cells.get('0,0')!.value).toBe('部门预算财政拨款“三公”经费支出表');
  expect(added.merges).toContain('A1:F1');
  const rep = validateWorkbook(await host.readWorkbook());
  expect(rep.tables.filter((t) => t.schema === 'three-public-expenditure')).toHaveLength(2);
});

test('the pane finds WPS from the window object', () => {
  const { book } = setup();
  expect(wpsHostFromWindow({ Application: fakeWpsApp(book) })?.kind).toBe('wps');
  expect(wpsHostFromWindow({ wps: { EtApplication: () => fakeWpsApp(book) } })?.kind).toBe('wps');
  expect(wpsHostFromWindow({})).toBeUndefined();
});

describe('real WPS behaviour the fakes used to hide (issue 14)', () => {
  test('after a WPS restart (PluginStorage is empty) 清除标记 still restores exactly: the state is in the workbook', async () => {
    const { book, host, at } = setup();
    const sheet = book.sheets.find((s) => s.name === at.sheet)!;
    const userCell = sheet.cells.get(`${at.row},${at.col - 1}`)!;
    userCell.color = 0x00ff00;
    await host.applyMarks(marksFromReport(validateWorkbook(await host.readWorkbook())));
    expect(userCell.color).toBe(rgbHexToBgr(MARK_COLORS.error));
    const state = book.sheets.find((s) => s.name === STATE_SHEET)!;
    expect(state.visible).toBe(2); // xlSheetVeryHidden
    // Restart: a new Application over the same workbook.
    const restarted = new WpsHost(fakeWpsApp(book));
    expect(await restarted.sheetNames()).not.toContain(STATE_SHEET);
    expect((await restarted.readWorkbook()).sheets.map((s) => s.name)).not.toContain(STATE_SHEET);
    // A new 校验 after the restart must not take the mark colour for the original…
    await restarted.applyMarks(marksFromReport(validateWorkbook(await restarted.readWorkbook())));
    // …so 清除标记 gives back the user's own green.
    await restarted.clearMarks();
    expect(userCell.color).toBe(0x00ff00);
    expect(book.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.color !== null))).toEqual([userCell]);
  });

  test('a mark left behind with no record is not taken for the original fill', async () => {
    const { book, at } = setup();
    const sheet = book.sheets.find((s) => s.name === at.sheet)!;
    const c = sheet.cells.get(`${at.row},${at.col}`)!;
    c.color = rgbHexToBgr(MARK_COLORS.suspect); // an old mark whose state was lost
    const host = new WpsHost(fakeWpsApp(book, { pluginStorage: false }));
    await host.applyMarks(marksFromReport(validateWorkbook(await host.readWorkbook())));
    await host.clearMarks();
    expect(c.color).toBeNull();
  });

  test('a state longer than one cell holds is split over rows, and a shorter one clears the rows it no longer uses', async () => {
    const { book, host, at } = setup({ inject: false });
    const many = Array.from({ length: 1200 }, (_, i) => ({ sheet: at.sheet, cell: a1(200 + i, 30), kind: 'warning' as const, note: `${NOTE_PREFIX}测试` }));
    await host.applyMarks(many);
    const state = book.sheets.find((s) => s.name === STATE_SHEET)!;
    const column = () => [...Array(10).keys()].map((r) => state.cells.get(`${r},0`)?.value ?? null);
    const rowsUsed = column().filter((v) => typeof v === 'string' && v).length;
    expect(rowsUsed).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(column().slice(0, rowsUsed).join(''))).toHaveLength(1200);
    // A new 校验 with one mark: only row 1 keeps state, the rows below are emptied.
    await host.applyMarks([many[0]]);
    expect(JSON.parse(String(column()[0]))).toHaveLength(1);
    expect(
      column()
        .slice(1)
        .filter((v) => v),
    ).toEqual([]);
    await host.clearMarks();
    expect(column().filter((v) => v)).toEqual([]);
    expect(book.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.color !== null))).toEqual([]);
  });

  test('Cells is a property: Cells(r, c) would throw; the host uses Cells.Item(r, c) for reads and writes', async () => {
    const { book, host } = setup({ inject: false });
    const app = fakeWpsApp(book);
    const ws = (app.ActiveWorkbook as { Worksheets: { Item: (i: number) => { Cells: unknown } } }).Worksheets.Item(1);
    expect(typeof ws.Cells).toBe('object');
    expect(() => (ws.Cells as unknown as (r: number, c: number) => unknown)(1, 1)).toThrow(TypeError);
    const name = await host.insertSheet('模板', { name: '模板', rows: [[{ value: '标题' }, { value: 1.5, numFmt: '#,##0.00' }]], merges: [] });
    const added = book.sheets.find((s) => s.name === name)!;
    expect(added.cells.get('0,0')!.value).toBe('标题');
    expect(added.cells.get('0,1')).toMatchObject({ value: 1.5, numFmt: '#,##0.00' });
    expect(added.cells.size).toBe(2); // only those two cells were written, not the whole sheet
  });

  test('error cells come back as CVErr numbers: read as the error text, never as amounts', async () => {
    const { book, host, at } = setup({ inject: false });
    book.sheets.find((s) => s.name === at.sheet)!.cells.get(`${at.row},${at.col}`)!.value = -2146826281;
    const wb = await host.readWorkbook();
    expect(wb.sheets.find((s) => s.name === at.sheet)!.rows[at.row][at.col]!.value).toBe('#DIV/0!');
    expect(validateWorkbook(wb).findings.some((f) => f.rule === 'structure.invalid-amount' && /#DIV\/0!/.test(f.message))).toBe(true);
  });

  test('AddComment with the author prefix: our notes are still recognised and removed', async () => {
    const l = layoutWorkbook(seed004Blocks(), { layout: 'sheets' });
    setValue(l, locate(l, 'expenditure', 19, 4), 619.02);
    const book = wpsBookFrom(l.workbook);
    const host = new WpsHost(fakeWpsApp(book, { authorPrefix: '张会计' }));
    await host.applyMarks(marksFromReport(validateWorkbook(await host.readWorkbook())));
    expect(book.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.comment)).every((c) => c.comment!.startsWith(`张会计:\n${NOTE_PREFIX}`))).toBe(
      true,
    );
    // Marking again replaces our notes (no "already has a comment" failure), and clearing removes them.
    await host.applyMarks(marksFromReport(validateWorkbook(await host.readWorkbook())));
    await host.clearMarks();
    expect(book.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.comment))).toEqual([]);
  });

  test('UsedRange covering 65,536 formatted rows: the read is trimmed to the data', async () => {
    const { book, host, at } = setup({ inject: false });
    const sheet = book.sheets.find((s) => s.name === at.sheet)!;
    for (let r = 0; r < 65536; r++) sheet.cells.set(`${r},20`, { value: null, numFmt: '#,##0.00', color: null });
    const wb = await host.readWorkbook();
    const read = wb.sheets.find((s) => s.name === at.sheet)!;
    expect(read.rows.length).toBeLessThan(100);
    expect(validateWorkbook(wb).counts.error).toBe(0);
  });
});

test('the fake ET object model has the shapes of the vendor typings (et-jsapi-declare): methods are methods, properties properties', () => {
  const { ET_MEMBERS } = require('./fakes/et-contract');
  const { book } = setup({ inject: false });
  const app = fakeWpsApp(book) as { ActiveWorkbook: { Worksheets: { Item: (i: number) => Record<string, unknown> } } };
  const ws = app.ActiveWorkbook.Worksheets.Item(1);
  const range = (ws.Range as (a: string) => Record<string, unknown>)('A1');
  const cells = ws.Cells as Record<string, unknown>;
  for (const m of ET_MEMBERS as { object: string; member: string; kind: string }[]) {
    const obj = m.object === 'Worksheet' ? ws : m.member === 'Item' || m.member === 'Find' ? cells : range;
    const desc = Object.getOwnPropertyDescriptor(obj, m.member);
    expect([m.object, m.member, desc !== undefined]).toEqual([m.object, m.member, true]);
    const isMethod = typeof desc!.value === 'function';
    expect([m.object, m.member, isMethod ? 'method' : 'property']).toEqual([m.object, m.member, m.kind]);
  }
});

describe('live checking in WPS (issue 18)', () => {
  const settle = (ms = 5) => new Promise((r) => setTimeout(r, ms));
  type User = { listening(n: string): number; edit(s: string, a: string, v: unknown[][]): void; insertRow(s: string, r: number): void };

  async function liveSetup() {
    const { LiveValidation } = await import('../src/core/live');
    const s = setup({ inject: false });
    s.host.liveDelayMs = 0;
    const live = new LiveValidation(await s.host.readWorkbook());
    const changes: import('../src/hosts/host').LiveChange[] = [];
    const stop = await s.host.watchChanges((c) => void changes.push(c));
    const user = (s.app as unknown as { __user: User }).__user;
    const editsOf = (c: import('../src/hosts/host').LiveChange) => {
      if (c.kind !== 'edits') throw new Error(`expected edits: ${c.why}`);
      return c.edits;
    };
    return { ...s, live, changes, stop, user, editsOf };
  }
  const fillOf = (book: ReturnType<typeof setup>['book'], sheet: string, row: number, col: number) =>
    book.sheets.find((x) => x.name === sheet)!.cells.get(`${row},${col}`)?.color ?? null;

  test('SheetChange gives the typed cell; marks follow without writing the hidden state sheet, and go when the figure is put back', async () => {
    const { user, at, cell, changes, live, host, book, editsOf } = await liveSetup();
    expect(user.listening('SheetChange')).toBe(1);
    user.edit(at.sheet, cell, [[619.02]]);
    await settle();
    expect(editsOf(changes[0])).toEqual([{ sheet: at.sheet, row: at.row, col: at.col, cell: expect.objectContaining({ value: 619.02 }) }]);
    const u = live.apply(editsOf(changes[0]));
    expect(u.report.counts.error).toBeGreaterThan(0);
    await host.updateMarks(u.marks.set, u.marks.clear);
    expect(fillOf(book, at.sheet, at.row, at.col)).toBe(rgbHexToBgr(MARK_COLORS.suspect));
    expect(book.sheets.some((x) => x.name === STATE_SHEET)).toBe(false);
    user.edit(at.sheet, cell, [[691.02]]);
    await settle();
    const back = live.apply(editsOf(changes[1]));
    expect(back.report.counts.error).toBe(0);
    await host.updateMarks(back.marks.set, back.marks.clear);
    expect(fillOf(book, at.sheet, at.row, at.col)).toBeNull();
    expect(changes).toHaveLength(2);
  });

  test('the figure put back: a cell recoloured while marked keeps its colour, a note the user edited stays', async () => {
    const { user, at, cell, changes, live, host, book, editsOf } = await liveSetup();
    user.edit(at.sheet, cell, [[619.02]]);
    await settle();
    const u = live.apply(editsOf(changes[0]));
    await host.updateMarks(u.marks.set, u.marks.clear);
    const sheet = book.sheets.find((x) => x.name === at.sheet)!;
    const target = sheet.cells.get(`${at.row},${at.col}`)!;
    target.color = 0xff0000;
    const edited = sheet.cells.get(`${at.row - 1},${at.col}`)!;
    edited.comment = '已核：此数无误';
    user.edit(at.sheet, cell, [[691.02]]);
    await settle();
    const back = live.apply(editsOf(changes[1]));
    await host.updateMarks(back.marks.set, back.marks.clear);
    expect(target.color).toBe(0xff0000);
    expect(book.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.comment))).toEqual([edited]);
    expect(book.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.color !== null))).toEqual([target]);
  });

  test('an inserted row asks for a new detection; stopping removes the listeners and keeps the record in the workbook', async () => {
    const { user, at, cell, changes, live, host, book, stop, editsOf } = await liveSetup();
    user.insertRow(at.sheet, 3);
    await settle();
    expect(changes[0]).toMatchObject({ kind: 'structure' });
    user.edit(at.sheet, cell, [[619.02]]);
    await settle();
    live.refresh();
    const upd = live.apply(editsOf(changes[1]));
    await host.updateMarks(upd.marks.set, upd.marks.clear);
    await stop();
    expect(user.listening('SheetChange')).toBe(0);
    // The state sheet's own writes raise SheetChange too; after stop nothing is listening, and the record is there.
    expect(book.sheets.some((x) => x.name === STATE_SHEET)).toBe(true);
    await host.clearMarks();
    for (const m of upd.marks.set) {
      const { row, col } = (await import('../src/core/grid')).parseA1(m.cell);
      expect(fillOf(book, m.sheet, row, col)).toBeNull();
    }
  });

  test('a one-click fix writes through Cells.Item, returns the old cell, and is seen as a change', async () => {
    const { host, at, cell, changes, editsOf } = await liveSetup();
    const before = await host.writeCell(at.sheet, cell, 619.02);
    expect(before).toMatchObject({ value: 691.02 });
    await settle();
    expect(editsOf(changes[0])[0]).toMatchObject({ row: at.row, col: at.col, cell: { value: 619.02 } });
  });

  test('the record of live checking stays with its workbook when the user switches to another one (the pane outlives the switch)', async () => {
    const { user, at, cell, changes, live, host, app, book, stop, editsOf } = await liveSetup();
    user.edit(at.sheet, cell, [[619.02]]);
    await settle();
    const u = live.apply(editsOf(changes[0]));
    await host.updateMarks(u.marks.set, u.marks.clear);
    // Another workbook with the same sheet names becomes the active one.
    const other = wpsBookFrom(layoutWorkbook(seed004Blocks(), { layout: 'sheets' }).workbook);
    const otherApp = fakeWpsApp(other, { fullName: 'D:\\预算\\另一个单位.xlsx' });
    const mine = { workbook: app.ActiveWorkbook, sheet: Object.getOwnPropertyDescriptor(app, 'ActiveSheet')!.get! };
    let switched = true;
    Object.defineProperty(app, 'ActiveWorkbook', { get: () => (switched ? otherApp.ActiveWorkbook : mine.workbook), configurable: true });
    Object.defineProperty(app, 'ActiveSheet', { get: () => (switched ? otherApp.ActiveSheet : mine.sheet()), configurable: true });
    // 校验 in the other workbook marks it from its own (empty) record: nothing of the first one is restored there.
    const otherCell = other.sheets.find((x) => x.name === at.sheet)!.cells.get(`${at.row},${at.col}`)!;
    otherCell.color = 0x00ff00;
    await host.applyMarks([]);
    expect(otherCell.color).toBe(0x00ff00);
    // The pane stops live checking (its results are stale): the record is written into the workbook it belongs to.
    await stop();
    expect(other.sheets.some((x) => x.name === STATE_SHEET)).toBe(false);
    expect(book.sheets.some((x) => x.name === STATE_SHEET)).toBe(true);
    // Back in the first workbook, 清除标记 restores its marks.
    switched = false;
    await host.clearMarks();
    expect(fillOf(book, at.sheet, at.row, at.col)).toBeNull();
    expect(otherCell.color).toBe(0x00ff00);
  });

  test('a WPS build without ApiEvent says live checking is not available', async () => {
    const s = setup({ events: false } as never);
    await expect(s.host.watchChanges(() => undefined)).rejects.toThrow(/不支持实时校验/);
  });
});
