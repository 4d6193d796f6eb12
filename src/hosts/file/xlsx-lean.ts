/**
 * A lean .xlsx reader for the read path (CLI, batch, preview): only the few SpreadsheetML parts the grid model
 * needs (workbook, relationships, shared strings, number formats, sheet cells, merged areas, sheet protection)
 * are inflated and scanned directly, in linear time on any input (indexOf scanning, no regex that rescans from
 * an unmatched tag). Every read is bounded (limits.ts) and a damaged part is "工作簿已损坏" with the part named,
 * never an absent sheet. Anything valid it does not understand throws a plain Error, and the caller falls back
 * to ExcelJS. Browser-safe: in Node the file host passes the native-inflate zip reader (zip-node.ts); in the
 * browser fflate is used.
 */
import { Cell, CellValue, Sheet, Workbook } from '../../core/grid';
import { HostError } from '../host';
import { damaged, DEFAULT_LIMITS, limitError, MAX_COLS, MAX_ROWS, otherKind, ReadLimits } from './limits';
import type { ZipParts } from './zip-node';

const BUILTIN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** The parts the reader may need; nothing else in the zip is ever inflated (docProps, media, printer settings). */
const NEEDED =
  /^(\[Content_Types\]\.xml|mimetype|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/[^/]+\.xml)$/i;

function decode(s: string): string {
  if (s.indexOf('&') < 0 && s.indexOf('_x') < 0) return s;
  return s
    .replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_, hex, dec, name) =>
      hex
        ? String.fromCodePoint(parseInt(hex, 16))
        : dec
          ? String.fromCodePoint(Number(dec))
          : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name],
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:]+)\s*=\s*"([^"]*)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out[m[1]] = decode(m[2]);
  return out;
}

/**
 * An attribute name with its search texts made once: the cell loop asks every cell for r, s and t, and the batch's
 * checkers run without TurboFan inlining (v8-flags.ts), which would otherwise fold the texts built per call.
 */
interface AttrName {
  readonly spaced: string;
  readonly bare: string;
  readonly skip: number;
}

const attrName = (name: string): AttrName => ({ spaced: ` ${name}="`, bare: `${name}="`, skip: name.length + 2 });

const ATTR = {
  r: attrName('r'),
  s: attrName('s'),
  t: attrName('t'),
  si: attrName('si'),
  numFmtId: attrName('numFmtId'),
  ref: attrName('ref'),
  sheet: attrName('sheet'),
};

function attr(s: string, name: AttrName): string | undefined {
  const i = s.indexOf(name.spaced);
  const j = i < 0 && s.startsWith(name.bare) ? 0 : i < 0 ? -1 : i + 1;
  if (j < 0) return undefined;
  const from = j + name.skip;
  const to = s.indexOf('"', from);
  return to < 0 ? undefined : decode(s.slice(from, to));
}

const isTagEnd = (code: number) => code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;

/**
 * Calls `each(attrText, content)` for every <tag …>…</tag> or <tag …/> between `from` and `to`, in one forward
 * pass (each start found by indexOf from the end of the previous element). An element that never closes is
 * damage, reported through `broken`, never a rescan.
 */
function scan(
  xml: string,
  tag: string,
  from: number,
  to: number,
  broken: () => HostError,
  each: (attrText: string, content: string | undefined) => void,
): void {
  const open = `<${tag}`;
  const close = `</${tag}>`;
  let i = xml.indexOf(open, from);
  while (i >= 0 && i < to) {
    if (!isTagEnd(xml.charCodeAt(i + open.length))) {
      i = xml.indexOf(open, i + open.length);
      continue;
    }
    const gt = xml.indexOf('>', i + open.length);
    if (gt < 0 || gt >= to) throw broken();
    if (xml.charCodeAt(gt - 1) === 47) {
      each(xml.slice(i + open.length, gt - 1), undefined);
      i = xml.indexOf(open, gt + 1);
      continue;
    }
    const c = xml.indexOf(close, gt + 1);
    if (c < 0 || c > to) throw broken();
    each(xml.slice(i + open.length, gt), xml.slice(gt + 1, c));
    i = xml.indexOf(open, c + close.length);
  }
}

/** Text of all <t> runs in an <si> or <is>, without phonetic (<rPh>) runs. */
function runsText(xml: string, broken: () => HostError): string {
  let body = xml;
  if (body.indexOf('<rPh') >= 0) {
    let out = '';
    let i = 0;
    for (;;) {
      const s = body.indexOf('<rPh', i);
      if (s < 0) break;
      const e = body.indexOf('</rPh>', s);
      if (e < 0) throw broken();
      out += body.slice(i, s);
      i = e + 6;
    }
    body = out + body.slice(i);
  }
  let out = '';
  scan(body, 't', 0, body.length, broken, (_a, content) => {
    if (content) out += decode(content);
  });
  return out;
}

function isDateFormat(code: string): boolean {
  const c = code.replace(/\[[^\]]*\]|"[^"]*"|\\./g, '');
  return /[ymdhs]/i.test(c) && !/^[#0.,%\s]*$/.test(c);
}

function excelDate(serial: number, date1904 = false): string {
  // Day 0 is 1899-12-30 (1900 system, 25569 days before 1970) or 1904-01-01 (1904 system, 24107 days before).
  const ms = Math.round((serial - (date1904 ? 24107 : 25569)) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

/** The zip in the browser: fflate, only the needed parts, declared and actual sizes checked against the limits. */
function fflateParts(buf: Uint8Array, limits: ReadLimits): ZipParts {
  // Required here, not at the top: the Node file host never needs fflate (a cold CLI start does not pay for it).

  const { unzipSync } = require('fflate') as typeof import('fflate');
  const names: string[] = [];
  let files: Record<string, Uint8Array>;
  let declared = 0;
  try {
    files = unzipSync(buf, {
      filter: (f) => {
        names.push(f.name);
        if (!NEEDED.test(f.name)) return false;
        if (f.originalSize > limits.maxPartBytes) throw limitError.part(f.name, limits.maxPartBytes);
        declared += f.originalSize;
        if (declared > limits.maxTotalBytes) throw limitError.total(limits.maxTotalBytes);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw damaged('zip 结构已损坏或文件不完整');
  }
  let total = 0;
  return {
    names,
    get(name) {
      const f = files[name];
      if (!f) return undefined;
      if (f.length > limits.maxPartBytes) throw limitError.part(name, limits.maxPartBytes);
      total += f.length;
      if (total > limits.maxTotalBytes) throw limitError.total(limits.maxTotalBytes);
      return f;
    },
  };
}

export interface LeanOptions {
  limits?: ReadLimits;
  /** The zip reader (Node passes the native one); fflate by default. */
  parts?: ZipParts;
}

const utf8 = new TextDecoder('utf-8');

/**
 * A part's bytes as text, in the encoding XML says it is in: UTF-8 (with or without a BOM), UTF-16 either way round
 * (by its BOM, or by its first character "<" written in two bytes), or the encoding its declaration names.
 */
function decodePart(b: Uint8Array, part: string): string {
  if (b.length >= 2) {
    if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b);
    if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b);
    if (b[0] === 0x3c && b[1] === 0) return new TextDecoder('utf-16le').decode(b);
    if (b[0] === 0 && b[1] === 0x3c) return new TextDecoder('utf-16be').decode(b);
  }
  const text = utf8.decode(b);
  if (!text.startsWith('<?xml')) return text;
  const decl = text.slice(0, text.indexOf('?>') + 2);
  const enc = /\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(decl)?.[1].toLowerCase();
  if (!enc || enc === 'utf-8' || enc === 'utf8') return text;
  try {
    return new TextDecoder(enc).decode(b);
  } catch {
    throw damaged(`部件 ${part} 声明的字符编码“${enc.slice(0, 20)}”无法识别`);
  }
}

/**
 * XML the lean scanner reads as it is: attributes in double quotes, "=" without spaces, attributes separated by
 * spaces, no CDATA sections, comments or document type declarations. Anything else (single-quoted attributes,
 * spaces around "=", CDATA in shared strings …) is legal XML, and goes through the conformant path. A false alarm
 * (such text inside a cell) only costs that path's time.
 */
const NOT_PLAIN = /<!|='|=[ \t\r\n]|[ \t\r\n]=|[\t\r\n][A-Za-z_][\w:.-]*="/;

/**
 * The conformant path: the part checked and parsed by fast-xml-parser (an XML parser, not a scanner) and written
 * back in the plain form (double-quoted attributes, entities escaped, CDATA as escaped text, comments dropped), so
 * the same cell logic reads it. Malformed XML is damage, never a partly read part.
 */
function conformant(xml: string, part: string): string {
  // Loaded only for such a part: nearly every file never needs it.
  const { XMLParser, XMLBuilder, XMLValidator } = require('fast-xml-parser') as typeof import('fast-xml-parser');
  const ok = XMLValidator.validate(xml);
  if (ok !== true) throw damaged(`部件 ${part} 不是完整有效的 XML（第 ${ok.err.line} 行第 ${ok.err.col} 列）`);
  const tree = new XMLParser({
    ignoreAttributes: false,
    preserveOrder: true,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
  }).parse(xml);
  return new XMLBuilder({ ignoreAttributes: false, preserveOrder: true, processEntities: true, suppressEmptyNode: true, format: false }).build(tree) as string;
}

function toText(b: Uint8Array, part: string): string {
  const text = decodePart(b, part);
  return unprefixed(NOT_PLAIN.test(text) ? conformant(text, part) : text);
}

/** The SpreadsheetML namespace; a part may bind it to a prefix (<x:workbook xmlns:x="…">, the Open XML SDK's way). */
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * A part whose root element carries the SpreadsheetML namespace under a prefix, read as the same part without it:
 * every element of that prefix loses it (<x:c r="A1"> → <c r="A1">). Parts without a prefix (nearly all) are
 * returned as they are, after one look at the root.
 */
function unprefixed(xml: string): string {
  const m = /<([A-Za-z_][\w.-]*):(workbook|worksheet|sst|styleSheet)[\s>]/.exec(xml.slice(0, 2000));
  if (!m || !xml.includes(`xmlns:${m[1]}="${MAIN_NS}"`)) return xml;
  return xml.replace(new RegExp(`<(/?)${m[1]}:`, 'g'), '<$1');
}

export function readXlsxLean(buf: Uint8Array, onSheet?: (done: number, total: number, name: string) => void, opts: LeanOptions = {}): Workbook {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const zip = opts.parts ?? fflateParts(buf, limits);
  const text = (name: string): string | undefined => {
    const b = zip.get(name);
    return b ? toText(b, name) : undefined;
  };
  const wbXml = text('xl/workbook.xml');
  if (wbXml === undefined) {
    const mime = zip.names.includes('mimetype') ? text('mimetype') : undefined;
    throw otherKind(zip.names, mime) ?? damaged('缺少工作簿部件 xl/workbook.xml');
  }
  if (wbXml.indexOf('</workbook>') < 0) throw damaged('工作簿部件 xl/workbook.xml 不完整');
  const relsXml = text('xl/_rels/workbook.xml.rels');
  if (relsXml === undefined) throw damaged('缺少工作簿关系部件 xl/_rels/workbook.xml.rels');
  const rels = new Map<string, string>();
  const relTypes = new Map<string, string>();
  scan(
    relsXml,
    'Relationship',
    0,
    relsXml.length,
    () => damaged('关系部件 xl/_rels/workbook.xml.rels 不完整'),
    (a) => {
      const x = attrs(a);
      if (!x.Id || !x.Target) return;
      const target = x.Target.startsWith('/') ? x.Target.slice(1) : `xl/${x.Target}`;
      rels.set(x.Id, target.replace(/\/\.\//g, '/'));
      if (x.Type) relTypes.set(x.Id, x.Type);
    },
  );
  const sstXml = text('xl/sharedStrings.xml');
  let shared: string[] | undefined;
  if (sstXml !== undefined) {
    const broken = () => damaged('共享字符串部件 xl/sharedStrings.xml 不完整');
    if (sstXml.indexOf('</sst>') < 0 && !/<sst\b[^>]*\/>/.test(sstXml.slice(0, 2000))) throw broken();
    shared = [];
    const list = shared;
    scan(sstXml, 'si', 0, sstXml.length, broken, (_a, content) => list.push(content ? runsText(content, broken) : ''));
  }
  const formats = new Map<number, string>();
  const styles = text('xl/styles.xml') ?? '';
  const stylesBroken = () => damaged('样式部件 xl/styles.xml 不完整');
  scan(styles, 'numFmt', 0, styles.length, stylesBroken, (a) => {
    const x = attrs(a);
    formats.set(Number(x.numFmtId), x.formatCode);
  });
  const xfFormats: (string | undefined)[] = [];
  /** Whether each style's number format is a date's (false without one): judged once per style, not for every cell. */
  const xfDates: boolean[] = [];
  const xfsStart = styles.indexOf('<cellXfs');
  if (xfsStart >= 0) {
    const xfsEnd = styles.indexOf('</cellXfs>', xfsStart);
    if (xfsEnd < 0) throw stylesBroken();
    scan(styles, 'xf', xfsStart, xfsEnd, stylesBroken, (a) => {
      const id = Number(attr(a, ATTR.numFmtId) ?? 0);
      const fmt = id === 0 ? undefined : (formats.get(id) ?? BUILTIN_FORMATS[id]);
      xfFormats.push(fmt);
      xfDates.push(fmt !== undefined && isDateFormat(fmt));
    });
  }
  const sheetDefs: Record<string, string>[] = [];
  scan(
    wbXml,
    'sheet',
    0,
    wbXml.length,
    () => damaged('工作簿部件 xl/workbook.xml 不完整'),
    (a) => sheetDefs.push(attrs(a)),
  );
  // <workbookPr date1904="1"/> (Excel for Mac before 2011, some exports): date serials count from 1904-01-01.
  const pr = wbXml.indexOf('<workbookPr');
  const prAttrs = pr >= 0 ? attrs(wbXml.slice(pr + 11, wbXml.indexOf('>', pr))) : {};
  const date1904 = prAttrs.date1904 === '1' || prAttrs.date1904 === 'true';
  const sheets: Sheet[] = [];
  const skipped: NonNullable<Workbook['skipped']> = [];
  const budget = { cells: 0 };
  sheetDefs.forEach((def, i) => {
    onSheet?.(i, sheetDefs.length, def.name);
    const rid = Object.entries(def).find(([k]) => /(^|:)id$/.test(k) && k !== 'sheetId')?.[1];
    const path = rid ? rels.get(rid) : undefined;
    if (!path) throw damaged(`工作表“${def.name}”在关系部件中没有对应的部件`);
    // A chart sheet, dialog sheet or Excel 4 macro sheet is a <sheet> of the workbook but holds no table: listed, not read.
    const kind = sheetKind(relTypes.get(rid!), path);
    if (kind) {
      skipped.push({ name: def.name, kind });
      return;
    }
    const xml = text(path);
    if (xml === undefined) throw damaged(`工作表“${def.name}”指向的部件 ${path} 不存在`);
    const sheet = readSheet(def.name, path, xml, shared, xfFormats, xfDates, limits, budget, date1904);
    if (def.state === 'hidden' || def.state === 'veryHidden') sheet.hidden = true;
    sheets.push(sheet);
  });
  // <calcPr fullCalcOnLoad="1"/> (xlsxwriter writes a cached 0 for every formula and asks for this).
  const calc = wbXml.indexOf('<calcPr');
  const calcAttrs = calc >= 0 ? attrs(wbXml.slice(calc + 7, wbXml.indexOf('>', calc))) : {};
  const recalc = calcAttrs.fullCalcOnLoad === '1' || calcAttrs.fullCalcOnLoad === 'true';
  const wb: Workbook = { sheets };
  if (recalc) wb.recalcOnOpen = true;
  if (skipped.length) wb.skipped = skipped;
  return wb;
}

/** What a <sheet> is when it is no worksheet: by its relationship's type, else by the folder of its part. */
export function sheetKind(type: string | undefined, path: string): 'chart' | 'dialog' | 'macro' | undefined {
  const t = (type ?? '').replace(/^.*\//, '').toLowerCase();
  if (t === 'chartsheet' || /^xl\/chartsheets\//i.test(path)) return 'chart';
  if (t === 'dialogsheet' || /^xl\/dialogsheets\//i.test(path)) return 'dialog';
  if (t === 'xlmacrosheet' || t === 'xlintlmacrosheet' || t === 'macrosheet' || /^xl\/macrosheets\//i.test(path)) return 'macro';
  return undefined;
}

/** Column of an A1 reference ("AB12" → 27), checked against Excel's maximum. */
function refCol(sheet: string, ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) col = col * 26 + (ch - 96);
    else break;
    if (col > MAX_COLS) throw limitError.col(sheet, ref);
  }
  if (i === 0) throw damaged(`工作表“${sheet}”中的单元格地址“${ref.slice(0, 20)}”无效`);
  return col - 1;
}

function refRow(sheet: string, ref: string): number {
  // The digits at the end, found by hand (this runs for every cell).
  let i = ref.length;
  while (i > 0 && ref.charCodeAt(i - 1) >= 48 && ref.charCodeAt(i - 1) <= 57) i--;
  if (i === ref.length) throw damaged(`工作表“${sheet}”中的单元格地址“${ref.slice(0, 20)}”无效`);
  const r = Number(ref.slice(i));
  if (r < 1 || r > MAX_ROWS) throw limitError.row(sheet, r);
  return r - 1;
}

function readSheet(
  name: string,
  path: string,
  xml: string,
  shared: string[] | undefined,
  xfFormats: (string | undefined)[],
  xfDates: boolean[],
  limits: ReadLimits,
  budget: { cells: number },
  date1904 = false,
): Sheet {
  const broken = () => damaged(`工作表“${name}”的部件 ${path} 不完整或已损坏`);
  if (xml.indexOf('<worksheet') < 0 || xml.lastIndexOf('</worksheet>') < 0) throw broken();
  const rows: (Cell | undefined)[][] = [];
  const sharedFormulas = new Map<string, string>();
  const dataStart = xml.indexOf('<sheetData');
  let dataEnd = xml.indexOf('</sheetData>');
  if (dataStart >= 0 && dataEnd < 0 && !/^<sheetData[^>]*\/>/.test(xml.slice(dataStart, dataStart + 200))) throw broken();
  if (dataEnd < 0) dataEnd = dataStart;
  let rowIndex = -1;
  if (dataStart >= 0)
    scan(xml, 'row', dataStart, dataEnd, broken, (ra, content) => {
      const r = attr(ra, ATTR.r);
      if (r !== undefined) {
        const n = Number(r);
        if (!Number.isInteger(n) || n < 1) throw broken();
        if (n > MAX_ROWS) throw limitError.row(name, n);
        rowIndex = n - 1;
      } else rowIndex++;
      if (rowIndex >= MAX_ROWS) throw limitError.row(name, rowIndex + 1);
      if (!content) return;
      if (content.indexOf('<row') >= 0) throw broken();
      const line: (Cell | undefined)[] = [];
      let col = -1;
      scan(content, 'c', 0, content.length, broken, (ca, inner) => {
        const ref = attr(ca, ATTR.r);
        if (ref !== undefined) {
          col = refCol(name, ref);
          refRow(name, ref);
        } else col++;
        if (col >= MAX_COLS) throw limitError.col(name, `第 ${col + 1} 列`);
        const body = inner ?? '';
        if (body.indexOf('<c ') >= 0 || body.indexOf('<c>') >= 0) throw broken();
        let formula: string | undefined;
        const fi = body.indexOf('<f');
        if (fi >= 0 && isTagEnd(body.charCodeAt(fi + 2))) {
          const gt = body.indexOf('>', fi);
          if (gt < 0) throw broken();
          const selfClose = body.charCodeAt(gt - 1) === 47;
          const fa = body.slice(fi + 2, selfClose ? gt - 1 : gt);
          if (!selfClose) {
            const fe = body.indexOf('</f>', gt);
            if (fe < 0) throw broken();
            formula = decode(body.slice(gt + 1, fe));
          }
          if (attr(fa, ATTR.t) === 'shared') {
            const si = attr(fa, ATTR.si);
            if (si !== undefined) {
              if (formula) sharedFormulas.set(si, formula);
              else formula = sharedFormulas.get(si);
            }
          }
        }
        let raw: string | undefined;
        // <v>…</v>, or with attributes (<v xml:space="preserve">, SheetJS's way for text with spaces or a line break).
        let vi = body.indexOf('<v');
        while (vi >= 0 && !isTagEnd(body.charCodeAt(vi + 2))) vi = body.indexOf('<v', vi + 2);
        if (vi >= 0) {
          const gt = body.indexOf('>', vi);
          if (gt < 0) throw broken();
          if (body.charCodeAt(gt - 1) === 47) raw = '';
          else {
            const ve = body.indexOf('</v>', gt);
            if (ve < 0) throw broken();
            raw = decode(body.slice(gt + 1, ve));
          }
        }
        const s = attr(ca, ATTR.s);
        const xf = s !== undefined ? Number(s) : -1;
        const fmt = xf >= 0 ? xfFormats[xf] : undefined;
        let value: CellValue = null;
        switch (attr(ca, ATTR.t)) {
          case 's': {
            if (raw === undefined) break;
            if (!shared) throw damaged('单元格引用了共享字符串，但工作簿缺少共享字符串部件 xl/sharedStrings.xml');
            const idx = Number(raw);
            if (!Number.isInteger(idx) || idx < 0 || idx >= shared.length)
              throw damaged(`工作表“${name}”引用了不存在的共享字符串（第 ${raw.slice(0, 12)} 项），共享字符串部件可能不完整`);
            value = shared[idx];
            break;
          }
          case 'str':
          case 'e':
            value = raw ?? null;
            break;
          case 'inlineStr': {
            const is = body.indexOf('<is>');
            const ie = body.indexOf('</is>', is);
            value = is >= 0 && ie > is ? runsText(body.slice(is + 4, ie), broken) : null;
            break;
          }
          case 'b':
            value = raw === undefined ? null : raw === '1' || raw === 'true';
            break;
          case 'd':
            value = raw ? raw.slice(0, 10) : null;
            break;
          default:
            if (raw !== undefined && raw !== '') {
              const n = Number(raw);
              // "3,000.00" stored as a number is no number: damage, never read as 3 by a lenient parser.
              if (Number.isNaN(n)) throw damaged(`工作表“${name}”的单元格 ${ref ?? `第 ${col + 1} 列`} 存的数值“${raw.slice(0, 20)}”不是有效数字，文件已损坏`);
              value = xfDates[xf] ? excelDate(n, date1904) : n;
            }
        }
        if (value === null && !formula) return;
        if (++budget.cells > limits.maxCells) throw limitError.cells(limits.maxCells);
        const cell: Cell = { value };
        if (formula) cell.formula = formula;
        if (fmt && fmt !== 'General') cell.numFmt = fmt;
        line[col] = cell;
      });
      rows[rowIndex] = line;
    });
  const merges: Sheet['merges'] = [];
  const mStart = xml.indexOf('<mergeCells');
  if (mStart >= 0) {
    const mEnd = xml.indexOf('</mergeCells>', mStart);
    if (mEnd < 0) throw broken();
    scan(xml, 'mergeCell', mStart, mEnd, broken, (a) => {
      const ref = attr(a, ATTR.ref);
      if (!ref) return;
      if (merges.length >= limits.maxMerges) throw limitError.merges(name, limits.maxMerges);
      const [p, q = p] = ref.split(':');
      const top = refRow(name, p);
      const bottom = refRow(name, q);
      const left = refCol(name, p);
      const right = refCol(name, q);
      if (bottom < top || right < left) throw limitError.mergeRange(name, ref);
      merges.push({ top, left, bottom, right });
    });
  }
  const pi = xml.indexOf('<sheetProtection');
  let isProtected = false;
  if (pi >= 0) {
    const gt = xml.indexOf('>', pi);
    const sheetAttr = gt > pi ? attr(xml.slice(pi + 16, gt), ATTR.sheet) : undefined;
    isProtected = sheetAttr === '1' || sheetAttr === 'true';
  }
  return { name, rows, merges, protected: isProtected };
}
