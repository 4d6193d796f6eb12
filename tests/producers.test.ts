/**
 * Files as other producers write them (issue 36), made byte by byte: SheetJS's <v xml:space="preserve"> text, the
 * Open XML SDK's prefixed SpreadsheetML (<x:workbook xmlns:x=…>), and a number cell that holds no number. The
 * valid ones must read to the same grid as the plain file; the damaged one is damage, never a lenient guess.
 */
import { unzipSync } from 'fflate';
import { readXlsxBuffer, writeXlsxBuffer } from '../src/hosts/file/xlsx';
import { cellText, Workbook } from '../src/core/grid';
import { validateWorkbook } from '../src/core/validate';
import { layoutWorkbook } from '../src/core/templates/layout';
import { seed004Blocks } from '../src/samples/seed004';
import { makeZip, workbookParts, ZipEntry } from './fakes/zip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const texts = (wb: Workbook) => wb.sheets.map((s) => s.rows.map((r) => (r ?? []).map((c) => cellText(c))));

test('<v xml:space="preserve"> (SheetJS): the text is read, with its line break', async () => {
  const wb = await readXlsxBuffer(makeZip(workbookParts('<row r="1"><c r="A1" t="str"><v xml:space="preserve">事业单位\n经营收入</v></c><c r="B1" t="str"><v>合计</v></c></row>')));
  expect(wb.sheets[0].rows[0]!.map((c) => c?.value)).toEqual(['事业单位\n经营收入', '合计']);
});

test('a number cell that holds "3,000.00" is damage, never 3', async () => {
  await expect(readXlsxBuffer(makeZip(workbookParts('<row r="1"><c r="A1"><v>3,000.00</v></c></row>')))).rejects.toThrow(/单元格 A1 存的数值“3,000\.00”不是有效数字，文件已损坏/);
});

describe('prefixed SpreadsheetML (the Open XML SDK, .NET exports)', () => {
  /** Every SpreadsheetML part of a workbook rewritten with its elements under the prefix x:. */
  function prefixed(parts: Record<string, Uint8Array>): ZipEntry[] {
    return Object.entries(parts).map(([name, data]) => {
      let xml = Buffer.from(data).toString('utf8');
      if (/^xl\/(workbook|worksheets\/[^/]+|sharedStrings|styles)\.xml$/.test(name)) {
        xml = xml
          .replace(/<(\/?)(?![?!])([A-Za-z][\w.-]*)(?=[\s>/])/g, (m, slash, tag) => (tag.includes(':') ? m : `<${slash}x:${tag}`))
          .replace(/xmlns="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/, `xmlns:x="${MAIN}"`);
      }
      return { name, data: Buffer.from(xml, 'utf8') };
    });
  }

  test('the sample written with the prefix reads to the same grid and the same report as without it', async () => {
    const plain = await writeXlsxBuffer(layoutWorkbook(seed004Blocks(), { layout: 'sheets' }).workbook);
    const parts = unzipSync(plain);
    const withPrefix = makeZip(prefixed(parts));
    expect(Buffer.from(unzipSync(withPrefix)['xl/workbook.xml']).toString('utf8')).toMatch(/<x:workbook xmlns:x=/);
    const a = await readXlsxBuffer(plain);
    const b = await readXlsxBuffer(withPrefix);
    expect(texts(b)).toEqual(texts(a));
    expect(validateWorkbook(b).counts).toEqual(validateWorkbook(a).counts);
    expect(validateWorkbook(b).tables).toHaveLength(9);
  });
});
