/**
 * The pane's session store without a browser: 校验 over the preview host, the corrections other tabs read, results
 * that become stale when another workbook is opened (told by the host, or polled where the host cannot tell), and
 * 清除标记 during live checking.
 */
import { a1 } from '../src/core/grid';
import { writeXlsxBuffer } from '../src/hosts/file/xlsx';
import { PreviewHost } from '../src/hosts/preview/preview-host';
import { layoutWorkbook, locate, setValue } from '../src/samples/layout';
import { seed004Blocks } from '../src/samples/seed004';
import { NOT_A_TABLE, PaneSession, WORKBOOK_POLL_MS } from '../src/taskpane/session';

async function workbookBytes(inject: boolean) {
  const l = layoutWorkbook(seed004Blocks(), { layout: 'sheets' });
  const at = locate(l, 'expenditure', 19, 4); // 2150501 行政运行 基本支出 691.02
  if (inject) setValue(l, at, 619.02);
  return { bytes: new Uint8Array(await writeXlsxBuffer(l.workbook)), at: { sheet: at.sheet, cell: a1(at.row, at.col) } };
}

/** Waits until the session's live queue has run (edits are handled one after another, after the current task). */
const settle = () => new Promise((r) => setTimeout(r, 20));

test('校验: results, marks counted, live checking on by default; the summary takes the focus once', async () => {
  const host = new PreviewHost();
  const { bytes, at } = await workbookBytes(true);
  host.open('有错误.xlsx', bytes);
  const session = new PaneSession(host);
  const seen: string[] = [];
  const stop = session.subscribe(() => seen.push(session.getSnapshot().phase.kind));
  await session.validate();
  const s = session.getSnapshot();
  expect(s.phase).toEqual({ kind: 'done' });
  expect(s.report!.counts.error).toBeGreaterThan(0);
  expect(s.report!.suspects[0]).toMatchObject(at);
  expect(s.marked).toBe(host.markCount());
  expect(s.marked).toBeGreaterThan(0);
  expect(s.live).toBe(true);
  expect(seen).toContain('busy');
  expect(session.takeResultsFocus()).toBe(true);
  expect(session.takeResultsFocus()).toBe(false);
  // An edit in the grid: live checking updates the results and the marks.
  host.editCell(at.sheet, at.cell, '691.02');
  await settle();
  expect(session.getSnapshot().report!.counts.error).toBe(0);
  expect(host.markCount()).toBe(0);
  stop();
});

test('corrections made in 校验 are what 生成说明 reads, for that workbook only; another file makes the results stale at once', async () => {
  const host = new PreviewHost();
  const { bytes } = await workbookBytes(false);
  host.open('甲.xlsx', bytes);
  const session = new PaneSession(host);
  const stop = session.subscribe(() => undefined);
  await session.validate();
  const threePublic = session.getSnapshot().report!.tables.find((t) => t.schema === 'three-public-expenditure')!;
  await session.remap(threePublic.sheet, threePublic.range, NOT_A_TABLE);
  expect(session.getSnapshot().report!.tables).toHaveLength(8);
  const wb = await host.readWorkbook();
  expect(session.detect(wb).det.tables).toHaveLength(8);
  expect(session.detect(wb).corrected).toHaveLength(1);
  // Another workbook (here the same bytes under another name): told by the host, no waiting.
  host.open('乙.xlsx', bytes);
  expect(session.getSnapshot()).toMatchObject({ stale: true, corrections: [] });
  expect(session.detect(wb).det.tables).toHaveLength(9);
  await session.validate();
  expect(session.getSnapshot()).toMatchObject({ stale: false, corrections: [] });
  expect(session.getSnapshot().report!.tables).toHaveLength(9);
  stop();
});

test('a host that can tell which workbook is open but not when it changes is asked every WORKBOOK_POLL_MS while the pane watches', async () => {
  const host = new PreviewHost();
  const { bytes } = await workbookBytes(false);
  host.open('甲.xlsx', bytes);
  // As WPS: workbookId, no watchWorkbook.
  let id = 'D:\\甲.xlsx';
  const wps = Object.assign(Object.create(host) as PreviewHost, { workbookId: () => id, watchWorkbook: undefined });
  const session = new PaneSession(wps);
  await session.validate();
  jest.useFakeTimers();
  try {
    const stop = session.subscribe(() => undefined);
    id = 'D:\\乙.xlsx';
    expect(session.getSnapshot().stale).toBe(false);
    jest.advanceTimersByTime(WORKBOOK_POLL_MS);
    expect(session.getSnapshot().stale).toBe(true);
    stop();
  } finally {
    jest.useRealTimers();
  }
});

test('清除标记 during live checking stops marking until the next 校验, which marks again', async () => {
  const host = new PreviewHost();
  const { bytes, at } = await workbookBytes(false);
  host.open('无错误.xlsx', bytes);
  const session = new PaneSession(host);
  await session.validate();
  await session.clearMarks();
  expect(session.getSnapshot()).toMatchObject({ marked: 0, marking: false });
  expect(session.getSnapshot().notices[0]).toMatch(/已清除 \d+ 个标记.*实时校验不再标记单元格/);
  // A wrong figure typed while marking is paused is found, and marks nothing.
  host.editCell(at.sheet, at.cell, '619.02');
  await settle();
  expect(session.getSnapshot().report!.counts.error).toBeGreaterThan(0);
  expect(host.markCount()).toBe(0);
  await session.validate();
  expect(session.getSnapshot().marking).toBe(true);
  expect(host.markCount()).toBeGreaterThan(0);
  expect(session.getSnapshot().marked).toBe(host.markCount());
});
