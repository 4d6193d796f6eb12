/**
 * Files as other producers write them (issue 36), made byte by byte: SheetJS's <v xml:space="preserve"> text, the
 * Open XML SDK's prefixed SpreadsheetML (<x:workbook xmlns:x=…>), and a number cell that holds no number. The
 * valid ones must read to the same grid as the plain file; the damaged one is damage, never a lenient guess.
 */
import { unzipSync } from 'fflate';
import { readXlsxBuffer, settleFormulas, writeXlsxBuffer } from '../src/hosts/file/xlsx';
import { cellText, sheetFromArray, Workbook } from '../src/core/grid';
import { FormulaEvaluator } from '../src/core/templates/evaluate';
import { buildTemplate, fillCodeRows } from '../src/core/templates/template';
import { validateWorkbook } from '../src/core/validate';
import { layoutWorkbook } from '../src/core/templates/layout';
import { seed004Blocks } from '../src/samples/seed004';
import { makeZip, workbookParts, ZipEntry } from './fakes/zip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const texts = (wb: Workbook) => wb.sheets.map((s) => s.rows.map((r) => (r ?? []).map((c) => cellText(c))));

test('<v xml:space="preserve"> (SheetJS): the text is read, with its line break', async () => {
  const wb = await readXlsxBuffer(
    makeZip(workbookParts('<row r="1"><c r="A1" t="str"><v xml:space="preserve">事业单位\n经营收入</v></c><c r="B1" t="str"><v>合计</v></c></row>')),
  );
  expect(wb.sheets[0].rows[0]!.map((c) => c?.value)).toEqual(['事业单位\n经营收入', '合计']);
});

test('a number cell that holds "3,000.00" is damage, never 3', async () => {
  await expect(readXlsxBuffer(makeZip(workbookParts('<row r="1"><c r="A1"><v>3,000.00</v></c></row>')))).rejects.toThrow(
    /单元格 A1 存的数值“3,000\.00”不是有效数字，文件已损坏/,
  );
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

describe('formulas whose cached results cannot be trusted (issue 36 point 1)', () => {
  /** A filled 2021 template: totals are live formulas (SUM, SUMPRODUCT …) with their results cached. */
  async function template(): Promise<Buffer> {
    const t = buildTemplate({ year: 2021, unit: '万元', department: '测试局' });
    fillCodeRows(t, 'expenditure', [
      { code: '208' },
      { code: '20805' },
      { code: '2080501', values: { 4: 40.55, 5: 2.1 } },
      { code: '2080502', values: { 4: 1.78 } },
    ]);
    new FormulaEvaluator(t.workbook).evaluateAll();
    return writeXlsxBuffer(t.workbook);
  }
  /** The same file with every formula's cached result rewritten: removed (openpyxl, excel4node) or 0 (xlsxwriter). */
  function rewrite(buf: Buffer, how: 'none' | 'zero', fullCalc: boolean): Buffer {
    const parts = unzipSync(buf);
    const entries: ZipEntry[] = Object.entries(parts).map(([name, data]) => {
      let xml = Buffer.from(data).toString('utf8');
      if (/^xl\/worksheets\//.test(name)) xml = xml.replace(/(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, how === 'none' ? '$1' : '$1<v>0</v>');
      if (name === 'xl/workbook.xml')
        xml = xml.replace(/<calcPr[^>]*\/>/, '').replace('</workbook>', fullCalc ? '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>' : '</workbook>');
      return { name, data: Buffer.from(xml, 'utf8') };
    });
    return makeZip(entries);
  }

  test.each([
    ['openpyxl / excel4node: formulas saved without results', 'none', false],
    ['xlsxwriter: a cached 0 for every formula, fullCalcOnLoad', 'zero', true],
  ] as const)('%s: evaluated, the same report as the calculated file', async (_name, how, fullCalc) => {
    const good = await template();
    const bad = rewrite(good, how, fullCalc);
    expect(Buffer.from(unzipSync(bad)['xl/worksheets/sheet3.xml']).toString('utf8')).not.toMatch(/<f>[^<]*<\/f><v>[1-9]/);
    const a = validateWorkbook(await readXlsxBuffer(good));
    const b = validateWorkbook(await readXlsxBuffer(bad));
    expect(b.counts).toEqual(a.counts);
    expect(b.findings.map((f) => f.message)).toEqual(a.findings.map((f) => f.message));
    expect(b.suspects.map((x) => [x.cell, x.suggested])).toEqual(a.suspects.map((x) => [x.cell, x.suggested]));
  });

  test('a cached 0 under fullCalcOnLoad that the evaluator cannot read: no amount error, no suggestion, the table partly checked', async () => {
    const wb = {
      recalcOnOpen: true,
      sheets: [
        {
          ...sheetFromArray('t', []),
          rows: [
            [{ value: '部门预算支出总表' }],
            [{ value: '单位：万元' }],
            [{ value: '科目编码' }, { value: '科目名称' }, { value: '合计' }, { value: '基本支出' }, { value: '项目支出' }],
            [undefined, { value: '合计' }, { value: 0, formula: 'INDIRECT("C5")' }, { value: 1 }, { value: 2 }],
            [{ value: '201' }, { value: '一般公共服务支出' }, { value: 3 }, { value: 1 }, { value: 2 }],
          ],
        },
      ],
    } as Workbook;
    const rep = validateWorkbook(settleFormulas(wb));
    expect(rep.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(rep.suspects).toEqual([]);
    expect(rep.findings.map((f) => f.rule)).toContain('structure.uncalculated');
    expect(rep.coverage.find((c) => c.family === 'table:expenditure')).toMatchObject({
      status: 'partial',
      reason: expect.stringMatching(/没有可信的计算结果/),
    });
  });
});
