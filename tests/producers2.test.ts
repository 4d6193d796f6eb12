/**
 * Files as other producers write them, part 2 (issue 36, items 4–6), made byte by byte at test time: legal XML the
 * lean scanner does not read as it is (single-quoted attributes, spaces around "=", CDATA, comments, UTF-16 parts)
 * goes through the conformant path and reads to the same grid and report as the plain file; chart, dialog and macro
 * sheets are listed, not read; zip64 records are read; date1904 shifts dates. A hidden stale copy of a table is not
 * the one the cross-table checks use; a table continued on a （续） sheet is one table; 元 amounts shown as 万元 by a
 * number format are read as shown.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import { unzipSync } from 'fflate';
import { main } from '../src/cli/main';
import { cellText, Workbook } from '../src/core/grid';
import { validateWorkbook, ValidationReport } from '../src/core/validate';
import { readWithExcelJS, readXlsxBuffer, writeXlsxBuffer } from '../src/hosts/file/xlsx';
import { readXlsxLean } from '../src/hosts/file/xlsx-lean';
import { layoutWorkbook } from '../src/core/templates/layout';
import { seed004Blocks } from '../src/samples/seed004';
import { crc32, makeZip, workbookParts, ZipEntry } from './fakes/zip';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'producers2-'));
const texts = (wb: Workbook) => wb.sheets.map((s) => s.rows.map((r) => (r ?? []).map((c) => cellText(c))));
const str = (b: Uint8Array) => Buffer.from(b).toString('utf8');

let clean: Buffer;
let cleanParts: Record<string, Uint8Array>;
let cleanWb: Workbook;
let cleanRep: ValidationReport;

beforeAll(async () => {
  clean = await writeXlsxBuffer(layoutWorkbook(seed004Blocks(), { layout: 'sheets' }).workbook);
  cleanParts = unzipSync(clean);
  cleanWb = await readXlsxBuffer(clean);
  cleanRep = validateWorkbook(cleanWb);
});

/** The clean workbook's parts, each XML part passed through `change` (name, text → text or bytes). */
function rewritten(change: (name: string, xml: string) => string | Buffer): Buffer {
  return makeZip(
    Object.entries(cleanParts).map(([name, data]): ZipEntry => {
      const out = /\.(xml|rels)$/.test(name) ? change(name, str(data)) : Buffer.from(data);
      return { name, data: out };
    }),
  );
}

/**
 * Read as the file host reads it, and by the lean reader alone (with the browser's zip reader): the lean reader must
 * read it itself, not hand it to ExcelJS.
 */
async function read(buf: Buffer): Promise<Workbook> {
  const wb = await readXlsxBuffer(buf);
  expect(texts(readXlsxLean(buf))).toEqual(texts(wb));
  return wb;
}

/** The same tables, checks and findings as the clean workbook. */
function expectSameReport(rep: ValidationReport) {
  expect(rep.tables).toEqual(cleanRep.tables);
  expect(rep.counts).toEqual(cleanRep.counts);
  expect(rep.findings.map((f) => f.message)).toEqual(cleanRep.findings.map((f) => f.message));
}

/** Runs the CLI in this process: exit code and what it wrote. */
async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function write(name: string, buf: Buffer): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, buf);
  return f;
}

describe('legal XML the lean scanner does not read as it is: the conformant path, the same grid and report', () => {
  /** Every attribute in single quotes with spaces around "=" (values with a "'" written as &apos;). */
  const singleQuoted = (_name: string, xml: string) => xml.replace(/([\w:]+)="([^"]*)"/g, (_m, k, v) => `${k} = '${v.replace(/'/g, '&apos;')}'`);

  test('single-quoted attributes with spaces around "=" in every part', async () => {
    const buf = rewritten(singleQuoted);
    expect(str(unzipSync(buf)['xl/worksheets/sheet1.xml'])).toMatch(/<c r = 'A1'/);
    const wb = await read(buf);
    expect(texts(wb)).toEqual(texts(cleanWb));
    expect(wb.sheets[0].rows.flat().filter((c) => c?.numFmt).length).toBeGreaterThan(5);
    expect(wb.sheets.map((s) => s.rows.map((r) => (r ?? []).map((c) => c?.numFmt ?? '')))).toEqual(
      cleanWb.sheets.map((s) => s.rows.map((r) => (r ?? []).map((c) => c?.numFmt ?? ''))),
    );
    expectSameReport(validateWorkbook(wb));
  });

  test('attributes separated by a line break, comments (one holding an old row), the declaration in single quotes', async () => {
    const buf = rewritten((name, xml) =>
      /worksheets|workbook\.xml$/.test(name)
        ? xml
            .replace(/<\?xml[^?]*\?>/, "<?xml version='1.0' encoding='UTF-8'?><!-- 导出工具 -->")
            .replace(/<c r="/g, '<c\nr="')
            .replace('</sheetData>', '<!-- <row r="7"><c r="D7"><v>999</v></c></row> --></sheetData>')
        : xml,
    );
    const wb = await read(buf);
    expect(texts(wb)).toEqual(texts(cleanWb));
    expectSameReport(validateWorkbook(wb));
  });

  test('CDATA in the shared strings (and text with "&" and "<" in it)', async () => {
    const decode = (s: string) =>
      s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
    const buf = rewritten((name, xml) =>
      name === 'xl/sharedStrings.xml' ? xml.replace(/<t([^>]*)>([^<]*)<\/t>/g, (_m, a, t) => `<t${a}><![CDATA[${decode(t)}]]></t>`) : xml,
    );
    expect(str(unzipSync(buf)['xl/sharedStrings.xml'])).toMatch(/<t><!\[CDATA\[部门预算/);
    const wb = await read(buf);
    expect(texts(wb)).toEqual(texts(cleanWb));
    expectSameReport(validateWorkbook(wb));
    // A text with markup characters in a CDATA section is read as written, not as markup.
    const parts = workbookParts('<row r="1"><c r="A1" t="s"><v>0</v></c></row>');
    parts.push({ name: 'xl/sharedStrings.xml', data: '<sst><si><t><![CDATA[收入 & <支出>]]></t></si></sst>' });
    expect((await read(makeZip(parts))).sheets[0].rows[0][0]!.value).toBe('收入 & <支出>');
  });

  test('UTF-16 parts: the shared strings little-endian with a BOM, a sheet big-endian without one', async () => {
    const utf16 = (xml: string, be: boolean, bom: boolean) => {
      const text = xml.replace(/<\?xml[^?]*\?>/, '<?xml version="1.0" encoding="UTF-16" standalone="yes"?>');
      const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
      return be ? le.swap16() : le;
    };
    const buf = rewritten((name, xml) =>
      name === 'xl/sharedStrings.xml' ? utf16(xml, false, true) : name === 'xl/worksheets/sheet2.xml' ? utf16(xml, true, false) : xml,
    );
    expect(unzipSync(buf)['xl/worksheets/sheet2.xml'][0]).toBe(0);
    const wb = await read(buf);
    expect(texts(wb)).toEqual(texts(cleanWb));
    expectSameReport(validateWorkbook(wb));
  });

  test('an invalid number in a single-quoted part is still damage, never 3', async () => {
    const parts = workbookParts("<row r = '1'><c r = 'A1'><v>3,000.00</v></c></row>");
    expect(() => readXlsxLean(makeZip(parts))).toThrow(/不是有效数字/);
    await expect(readXlsxBuffer(makeZip(parts))).rejects.toThrow(/单元格 A1 存的数值“3,000\.00”不是有效数字，文件已损坏/);
  });

  test('a truncated part that takes the conformant path is damage: exit 2, one Chinese line', async () => {
    const sheet = singleQuoted('', str(cleanParts['xl/worksheets/sheet1.xml']));
    const buf = rewritten((name, xml) => (name === 'xl/worksheets/sheet1.xml' ? sheet.slice(0, Math.floor(sheet.length * 0.6)) : xml));
    const r = await cli(['validate', write('truncated-quoted.xlsx', buf)]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^工作簿已损坏：.*xl\/worksheets\/sheet1\.xml/);
    expect(r.err).not.toMatch(/Error|\bat /);
  });
});

describe('sheets that are no worksheets: listed, never an error', () => {
  /** The clean workbook with a chart sheet first, a dialog sheet and an Excel 4 macro sheet among its sheets. */
  function withOtherSheets(): Buffer {
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const extra: ZipEntry[] = [
      {
        name: 'xl/chartsheets/sheet1.xml',
        data: `<?xml version="1.0"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`,
      },
      { name: 'xl/dialogsheets/sheet1.xml', data: '<?xml version="1.0"?><dialogsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>' },
      {
        name: 'xl/macrosheets/sheet1.xml',
        data: '<?xml version="1.0"?><xm:macrosheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData><row r="1"><c r="A1" t="str"><f>RETURN()</f><v>x</v></c></row></sheetData></xm:macrosheet>',
      },
    ];
    const buf = rewritten((name, xml) => {
      if (name === 'xl/workbook.xml')
        return xml
          .replace(/<sheets>/, '<sheets><sheet name="图表1" sheetId="91" r:id="rIdC1"/>')
          .replace(/<\/sheets>/, '<sheet name="对话框1" sheetId="92" r:id="rIdC2"/><sheet name="宏1" sheetId="93" r:id="rIdC3"/></sheets>');
      if (name === 'xl/_rels/workbook.xml.rels')
        return xml.replace(
          '</Relationships>',
          `<Relationship Id="rIdC1" Type="${R}/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rIdC2" Type="${R}/dialogsheet" Target="dialogsheets/sheet1.xml"/><Relationship Id="rIdC3" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" Target="macrosheets/sheet1.xml"/></Relationships>`,
        );
      return xml;
    });
    return makeZip([...Object.entries(unzipSync(buf)).map(([name, data]) => ({ name, data: Buffer.from(data) })), ...extra]);
  }

  test('a chart sheet, a dialog sheet and a macro sheet: the same tables and findings, the three listed as not tables', async () => {
    const buf = withOtherSheets();
    expect(str(unzipSync(buf)['xl/workbook.xml'])).toMatch(/<sheets><sheet name="图表1"/);
    for (const wb of [await readXlsxBuffer(buf), readXlsxLean(buf) /* the browser's zip reader */]) {
      expect(texts(wb)).toEqual(texts(cleanWb));
      expect(wb.skipped).toEqual([
        { name: '图表1', kind: 'chart' },
        { name: '对话框1', kind: 'dialog' },
        { name: '宏1', kind: 'macro' },
      ]);
      const rep = validateWorkbook(wb);
      expectSameReport(rep);
      expect(rep.skippedSheets!.map((x) => x.sheet)).toEqual(['图表1', '对话框1', '宏1']);
    }
    const r = await cli(['validate', write('chart-sheets.xlsx', buf)]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/不是表格的工作表 3 张（未校验）：\n {2}· 图表1（图表工作表）\n {2}· 对话框1（对话框工作表）\n {2}· 宏1（宏表（Excel 4 宏））/);
  });
});

describe('zip64 records (System.IO.Packaging, streaming writers)', () => {
  /** The parts written as a zip64 archive: sizes and offsets in zip64 extra fields, a zip64 end record and locator. */
  function zip64(parts: Record<string, Uint8Array>): Buffer {
    const chunks: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    const FF = 0xffffffff;
    for (const [n, data] of Object.entries(parts)) {
      const raw = Buffer.from(data);
      const comp = zlib.deflateRawSync(raw);
      const name = Buffer.from(n, 'utf8');
      const localExtra = Buffer.alloc(20);
      localExtra.writeUInt16LE(1, 0);
      localExtra.writeUInt16LE(16, 2);
      localExtra.writeBigUInt64LE(BigInt(raw.length), 4);
      localExtra.writeBigUInt64LE(BigInt(comp.length), 12);
      const lh = Buffer.alloc(30);
      lh.writeUInt32LE(0x04034b50, 0);
      lh.writeUInt16LE(45, 4);
      lh.writeUInt16LE(0x0800, 6);
      lh.writeUInt16LE(8, 8);
      lh.writeUInt32LE(crc32(raw), 14);
      lh.writeUInt32LE(FF, 18);
      lh.writeUInt32LE(FF, 22);
      lh.writeUInt16LE(name.length, 26);
      lh.writeUInt16LE(localExtra.length, 28);
      chunks.push(lh, name, localExtra, comp);
      const extra = Buffer.alloc(28);
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(raw.length), 4);
      extra.writeBigUInt64LE(BigInt(comp.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
      const ch = Buffer.alloc(46);
      ch.writeUInt32LE(0x02014b50, 0);
      ch.writeUInt16LE(45, 4);
      ch.writeUInt16LE(45, 6);
      ch.writeUInt16LE(0x0800, 8);
      ch.writeUInt16LE(8, 10);
      ch.writeUInt32LE(crc32(raw), 16);
      ch.writeUInt32LE(FF, 20);
      ch.writeUInt32LE(FF, 24);
      ch.writeUInt16LE(name.length, 28);
      ch.writeUInt16LE(extra.length, 30);
      ch.writeUInt32LE(FF, 42);
      central.push(ch, name, extra);
      offset += 30 + name.length + localExtra.length + comp.length;
    }
    const cd = Buffer.concat(central);
    const count = Object.keys(parts).length;
    const z = Buffer.alloc(56);
    z.writeUInt32LE(0x06064b50, 0);
    z.writeBigUInt64LE(44n, 4);
    z.writeUInt16LE(45, 12);
    z.writeUInt16LE(45, 14);
    z.writeBigUInt64LE(BigInt(count), 24);
    z.writeBigUInt64LE(BigInt(count), 32);
    z.writeBigUInt64LE(BigInt(cd.length), 40);
    z.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    loc.writeUInt32LE(1, 16);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(0xffff, 8);
    end.writeUInt16LE(0xffff, 10);
    end.writeUInt32LE(FF, 12);
    end.writeUInt32LE(FF, 16);
    return Buffer.concat([...chunks, cd, z, loc, end]);
  }

  test('read by the native zip reader and by the browser one: the same grid and report', async () => {
    const buf = zip64(cleanParts);
    for (const wb of [await readXlsxBuffer(buf), readXlsxLean(buf)]) {
      expect(texts(wb)).toEqual(texts(cleanWb));
      expectSameReport(validateWorkbook(wb));
    }
  });
});

describe('date1904', () => {
  /** One date cell (serial 45000, format yyyy-mm-dd) in a workbook of the 1900 or the 1904 date system. */
  function dated(date1904: boolean): Buffer {
    const parts = workbookParts('<row r="1"><c r="A1" s="1"><v>45000</v></c></row>');
    parts.push({
      name: 'xl/styles.xml',
      data: '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
    });
    if (date1904) parts[1] = { ...parts[1], data: String(parts[1].data).replace('<sheets>', '<workbookPr date1904="1"/><sheets>') };
    return makeZip(parts);
  }

  test('a date in a 1904 workbook is four years and a day later than the same serial in a 1900 one, as ExcelJS reads it', async () => {
    expect((await readXlsxBuffer(dated(false))).sheets[0].rows[0][0]!.value).toBe('2023-03-15');
    expect((await readXlsxBuffer(dated(true))).sheets[0].rows[0][0]!.value).toBe('2027-03-16');
    expect((await readWithExcelJS(dated(true))).sheets[0].rows[0][0]!.value).toBe('2027-03-16');
  });
});

describe('which copy is checked: a hidden stale copy placed before the visible table', () => {
  /** The clean workbook with a stale copy of the income table (every amount doubled) on a hidden sheet before all others. */
  async function withHiddenCopy(state: 'hidden' | 'veryHidden'): Promise<Buffer> {
    const l = layoutWorkbook(seed004Blocks(), { layout: 'sheets' });
    const p = l.placements.get('income')!;
    const src = l.workbook.sheets.find((s) => s.name === p.sheet)!;
    const stale = {
      name: '收入总表（旧）',
      merges: src.merges.map((m) => ({ ...m })),
      rows: src.rows.map((r, i) =>
        (r ?? []).map((c, col) =>
          c && typeof c.value === 'number' && i >= p.bodyRows[0] && col > p.col0 + 1 ? { ...c, value: Math.round(c.value * 200) / 100 } : c && { ...c },
        ),
      ),
    };
    l.workbook.sheets.unshift(stale);
    const parts = unzipSync(await writeXlsxBuffer(l.workbook));
    const wbXml = str(parts['xl/workbook.xml']).replace(
      /<sheet ([^>]*?)name="收入总表（旧）"([^>]*?)\/>/,
      (_m, a, b) => `<sheet ${a.replace(/state="\w+"\s*/, '')}name="收入总表（旧）" state="${state}"${b.replace(/\s*state="\w+"/, '')}/>`,
    );
    expect(wbXml).toMatch(new RegExp(`<sheet [^>]*name="收入总表（旧）" state="${state}"`));
    return makeZip(Object.entries(parts).map(([name, data]) => ({ name, data: name === 'xl/workbook.xml' ? wbXml : Buffer.from(data) })));
  }

  test.each(['hidden', 'veryHidden'] as const)('state="%s": the visible table is used, no false error, one warning says which copy was used', async (state) => {
    const buf = await withHiddenCopy(state);
    for (const wb of [await readXlsxBuffer(buf), await readWithExcelJS(buf)]) {
      expect(wb.sheets[0]).toMatchObject({ name: '收入总表（旧）', hidden: true });
      expect(wb.sheets.filter((s) => s.hidden)).toHaveLength(1);
      const rep = validateWorkbook(wb);
      expect(rep.tables.filter((t) => t.hidden).map((t) => t.sheet)).toEqual(['收入总表（旧）']);
      expect(rep.counts.error).toBe(cleanRep.counts.error);
      const extra = rep.findings.filter((f) => !cleanRep.findings.some((c) => c.message === f.message));
      expect(extra.map((f) => [f.rule, f.severity, f.sheet])).toEqual([['structure.duplicate-table', 'warning', '收入总表（旧）']]);
      expect(extra[0].message).toBe(
        '部门预算收入总表出现多次：工作表“收入总表（旧）”是隐藏的工作表，其中的这张表未用于表间核对，表间核对使用可见的 2收入总表!A1（隐藏的副本可能是旧版本，公开前请删去或核实）',
      );
    }
    const r = await cli(['validate', write(`hidden-${state}.xlsx`, buf)]);
    expect(r.out).toMatch(/部门预算收入总表 {2}收入总表（旧）!A1:\S+（[^）\n]*；在隐藏的工作表中）/);
  });
});

describe('元 stored, 万元 shown by the number format', () => {
  /** The clean workbook with every amount stored in 元 (× 10,000) and shown in 万元 by `format`. */
  async function scaled(format: string): Promise<Buffer> {
    const l = layoutWorkbook(seed004Blocks(), { layout: 'sheets' });
    for (const s of l.workbook.sheets)
      for (const row of s.rows)
        (row ?? []).forEach((c) => {
          if (c && typeof c.value === 'number' && c.numFmt === '#,##0.00') {
            c.value = Math.round(c.value * 100) * 100;
            c.numFmt = format;
          }
        });
    return writeXlsxBuffer(l.workbook);
  }

  test.each(['0!.0000', '#,##0!.0000', '0"."0000', '0\\.0000'])(
    '"%s": read as shown, the same checks and errors, one warning per table, explain writes 4436.20万元',
    async (format) => {
      const buf = await scaled(format);
      expect(str(unzipSync(buf)['xl/worksheets/sheet1.xml'])).toMatch(/<v>44362000<\/v>/);
      const rep = validateWorkbook(await readXlsxBuffer(buf));
      expect(rep.tables).toEqual(cleanRep.tables);
      expect(rep.counts.error).toBe(cleanRep.counts.error);
      expect(rep.counts.checks).toBe(cleanRep.counts.checks);
      const extra = rep.findings.filter((f) => !cleanRep.findings.some((c) => c.message === f.message));
      expect(new Set(extra.map((f) => f.rule))).toEqual(new Set(['structure.scaled-format']));
      expect(extra.length).toBeGreaterThanOrEqual(6);
      expect(extra.find((f) => f.sheet === '1收支总表')!.message).toMatch(
        /存的数是“\d+”，数字格式“.+”把它缩小 10000 倍显示为 [\d.]+：已按显示的金额（万元）核对/,
      );
      const r = await cli(['explain', write(`scaled-${format.replace(/\W/g, '_')}.xlsx`, buf)]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/4436\.20万元/);
      expect(r.out).not.toMatch(/44362000/);
    },
  );

  test('"#,##0.00," in a 元 table shows thousands: read as shown (× 1/1000) and said', async () => {
    const l = layoutWorkbook(
      seed004Blocks().filter((b) => b.id === 'three-public-expenditure'),
      { layout: 'sheets' },
    );
    const before = validateWorkbook(l.workbook);
    for (const row of l.workbook.sheets[0].rows)
      (row ?? []).forEach((c) => {
        if (c && typeof c.value === 'number' && c.numFmt === '#,##0.00') {
          c.value = Math.round(c.value * 100) * 10;
          c.numFmt = '#,##0.00,';
        }
      });
    const rep = validateWorkbook(await readXlsxBuffer(await writeXlsxBuffer(l.workbook)));
    expect(rep.counts.error).toBe(before.counts.error);
    expect(rep.findings.filter((f) => f.rule === 'structure.scaled-format')[0].message).toMatch(/缩小 1000 倍/);
  });
});
