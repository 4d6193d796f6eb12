import fs from 'fs';
import os from 'os';
import path from 'path';
import { HostError } from '../src/hosts/host';
import { FileHost, readXlsxBuffer, readXlsxFile, writeXlsxBuffer } from '../src/hosts/file/xlsx';
import { validateWorkbook } from '../src/core/validate';
import { layoutWorkbook, locate } from '../src/samples/layout';
import { seed004Blocks } from '../src/samples/seed004';

async function expectHostError(p: Promise<unknown>, code: HostError['code'], text: RegExp) {
  await expect(p).rejects.toBeInstanceOf(HostError);
  await p.catch((e: HostError) => {
    expect(e.code).toBe(code);
    expect(e.message).toMatch(text);
  });
}

test('round trip through .xlsx keeps values, number formats and merged headers; validation is unchanged', async () => {
  const l = layoutWorkbook(seed004Blocks(), { layout: 'stacked', startCol: 1 });
  const buf = await writeXlsxBuffer(l.workbook);
  const wb = await new FileHost(buf).readWorkbook();
  expect(wb.sheets).toHaveLength(1);
  expect(wb.sheets[0].merges.length).toBe(l.workbook.sheets[0].merges.length);
  const at = locate(l, 'income', 0, 3);
  expect(wb.sheets[0].rows[at.row][at.col]).toEqual({ value: 4436.2, numFmt: '#,##0.00' });
  const rep = validateWorkbook(wb);
  expect(rep.tables).toHaveLength(9);
  expect(rep.counts.error).toBe(0);
});

test('formula cells are read with their cached results', async () => {
  const l = layoutWorkbook(
    seed004Blocks().filter((b) => b.id === 'three-public-expenditure'),
    { layout: 'sheets' },
  );
  const sheet = l.workbook.sheets[0];
  const at = locate(l, 'three-public-expenditure', 0, 2);
  sheet.rows[at.row][at.col] = { value: 4.25, formula: 'C8+C9+C12', numFmt: '0.00' };
  const wb = await readXlsxBuffer(await writeXlsxBuffer(l.workbook));
  expect(wb.sheets[0].rows[at.row][at.col]).toEqual({ value: 4.25, formula: 'C8+C9+C12', numFmt: '0.00' });
});

test('progress is reported per sheet', async () => {
  const buf = await writeXlsxBuffer(layoutWorkbook(seed004Blocks(), { layout: 'sheets' }).workbook);
  const seen: string[] = [];
  await readXlsxBuffer(buf, (p) => seen.push(`${p.done}/${p.total}`));
  expect(seen[0]).toBe('0/9');
  expect(seen[seen.length - 1]).toBe('9/9');
});

describe('bad input gives a clear Chinese message, never a crash trace', () => {
  test('empty file', () => expectHostError(readXlsxBuffer(new Uint8Array()), 'unreadable', /空的/));
  test('plain text', () =>
    expectHostError(readXlsxBuffer(Buffer.from('序号,项目\n1,合计')), 'wrong-kind', /这是文本文件（如 \.csv 或 \.txt），不是 \.xlsx 工作簿/));
  test('legacy .xls', () => {
    const b = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
    return expectHostError(readXlsxBuffer(b), 'legacy-xls', /另存为/);
  });
  test('password-protected workbook', () => {
    const b = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
    Buffer.from('EncryptionInfo', 'utf16le').copy(b, 1200);
    return expectHostError(readXlsxBuffer(b), 'encrypted', /密码/);
  });
  test('corrupt zip', () =>
    expectHostError(readXlsxBuffer(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 7)])), 'damaged', /工作簿已损坏/));
  test('truncated xlsx', async () => {
    const buf = await writeXlsxBuffer(layoutWorkbook(seed004Blocks(), { layout: 'sheets' }).workbook);
    await expectHostError(readXlsxBuffer(buf.subarray(0, Math.floor(buf.length / 2))), 'damaged', /工作簿已损坏：文件不完整/);
  });
  test('missing file', () => expectHostError(readXlsxFile(path.join(os.tmpdir(), 'no-such-budget.xlsx')), 'not-found', /找不到文件/));
  test('a folder', () => expectHostError(readXlsxFile(fs.mkdtempSync(path.join(os.tmpdir(), 'bc-'))), 'unreadable', /文件夹/));
});

describe('the lean reader gives the same grid as the ExcelJS reference reader', () => {
  const { readWithExcelJS } = require('../src/hosts/file/xlsx');
  const { readXlsxLean } = require('../src/hosts/file/xlsx-lean');
  const { LAYOUTS } = require('../src/samples/variants');
  const { seed001Blocks } = require('../src/samples/seed001');
  test.each(Object.keys(LAYOUTS))('layout %s', async (name) => {
    const wb = layoutWorkbook(name.includes('元') ? seed004Blocks() : seed001Blocks(), LAYOUTS[name]).workbook;
    // A formula cell with its cached result, a boolean and a string with XML entities, too.
    const rows = wb.sheets[0].rows;
    (rows[0] ??= [])[20] = { value: 998.77, formula: 'SUM(C6:C14)', numFmt: '0.00' };
    (rows[1] ??= [])[20] = { value: true };
    (rows[2] ??= [])[20] = { value: '<注> A&B “三公”' };
    // Date formats (a date's text) beside formats that only look like one (quoted or bracketed letters: a number),
    // each style judged once for all its cells: a style's flag given to another style's cells fails here.
    const formats = ['yyyy-mm-dd', '[Red]#,##0.00', 'mm-dd-yy', '0.00" days"', 'yyyy"年"m"月"d"日"', '#,##0.00'];
    formats.forEach((numFmt, i) => ((rows[3 + i] ??= [])[20] = { value: 45292 + i, numFmt }));
    formats.forEach((numFmt, i) => ((rows[3 + i] ??= [])[21] = { value: 45300 + i, numFmt }));
    const buf = await writeXlsxBuffer(wb);
    const lean = readXlsxLean(buf);
    const ref = await readWithExcelJS(buf);
    expect(lean).toEqual(ref);
  });
});

test('a workbook saved by another program (LibreOffice Calc): both readers agree, all tables map, no error', async () => {
  const { readWithExcelJS } = require('../src/hosts/file/xlsx');
  const { readXlsxLean } = require('../src/hosts/file/xlsx-lean');
  const buf = fs.readFileSync(path.join(__dirname, 'fixtures', 'seed004-saved-by-libreoffice.xlsx'));
  const lean = readXlsxLean(buf);
  expect(lean).toEqual(await readWithExcelJS(buf));
  const rep = validateWorkbook(lean);
  expect(rep.tables).toHaveLength(9);
  expect(rep.counts.error + rep.counts.warning).toBe(0);
});
