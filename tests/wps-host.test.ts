import { marksFromReport, MARK_COLORS, NOTE_PREFIX } from '../src/core/marks';
import { validateWorkbook } from '../src/core/validate';
import { a1 } from '../src/core/grid';
import { as2d, prop, rgbHexToBgr, WpsHost, wpsHostFromWindow } from '../src/hosts/wps/wps-host';
import { layoutWorkbook, locate, setValue } from '../src/samples/layout';
import { seed004Blocks } from '../src/samples/seed004';
import { fakeWpsApp, wpsBookFrom } from './fakes/fake-wps';

function setup(opts: { methods?: boolean; pluginStorage?: boolean; inject?: boolean; layout?: 'sheets' | 'stacked' } = {}) {
  const l = layoutWorkbook(seed004Blocks(), { layout: opts.layout ?? 'sheets' });
  const at = locate(l, 'expenditure', 19, 4); // 2150501 行政运行 基本支出 691.02
  if (opts.inject !== false) setValue(l, at, 619.02);
  const book = wpsBookFrom(l.workbook);
  const app = fakeWpsApp(book, opts);
  return { l, at, book, host: new WpsHost(app), cell: a1(at.row, at.col) };
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
  expect(wb.sheets[0].merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).sort()).toEqual(src.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).sort());
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
  const l = layoutWorkbook(seed004Blocks().filter((b) => b.id === 'three-public-expenditure'), { layout: 'sheets' });
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
