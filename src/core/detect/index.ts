/**
 * Table detection and schema mapping: finds the standard tables in any sheet layout (one per sheet or
 * stacked, any start column), reads the meta line, the one- to three-row header (merged or not, with or
 * without a 栏次 row), and maps columns to roles and rows to kinds.
 */
import Decimal from 'decimal.js';
import { isZeroAmount } from '../amount';
import { catalogueName, codeLevel, CodeKind, functionClassByLabel } from '../catalogue';
import { remember } from '../collections';
import { CellRange, Sheet, Workbook, colName } from '../grid';
import type { AmountRef, CodeIssue, Detection, MappedColumn, MappedRow, MappedTable, OtherTable, Stage, UnmappedTable } from '../model';
import { EXPENDITURE_ITEMS, FINAL_EXPENDITURE_ITEMS, FINAL_INCOME_ITEMS, INCOME_ITEMS, SchemaDef, SchemaId, schemaById, THREE_PUBLIC_ITEMS } from '../schemas';
import { familiesOf, finalRoleOf, matchTitle, readTitle } from '../titles';
import { isNoteText, normName, squash, stripEnum } from '../text';
import { amountRef, anyAmount, padsDecimals, readAmounts, recordAmountIssues, shownDecimals } from './amounts';
import { amountColumns, assignColumns, columnsFor, isAmountRole, isCodeRole, requiredMissing } from './columns';
import { finalHeadingIn, hasDecimalAmount, HeaderInfo, isColumnNumberRow, isHeaderRow, isHeaderWord, readHeader, subHeadersInFirstRow } from './header';
import { parseDepartment, parseUnit, parseYear } from './meta';
import { SheetView } from './view';

export { padsDecimals, shownDecimals } from './amounts';
export { amountColumns, isAmountRole, isCodeRole } from './columns';

export { cleanTitle, matchTitle } from '../titles';

interface TitleHit {
  /** Set once the columns and codes have corrected the title's schema (no second correction). */
  judged?: boolean;
  row: number;
  col: number;
  text: string;
  schema?: SchemaDef;
  other?: boolean;
  stage?: 'final';
  role?: SchemaId;
  by?: MappedTable['recognisedBy'];
}

/** A table's factor to 万元 (decimal.js values are immutable: one of each serves every table). */
const PER_YUAN = new Decimal('0.0001');
const PER_WAN = new Decimal(1);

function findTitles(v: SheetView): TitleHit[] {
  const hits: TitleHit[] = [];
  for (let r = 0; r < v.height; r++) {
    const texts = v.rowTexts(r);
    let nonEmpty = 0;
    let first = -1;
    for (let c = 0; c < texts.length; c++)
      if (texts[c]) {
        nonEmpty++;
        if (first < 0) first = c;
      }
    if (nonEmpty === 0 || nonEmpty > 3) continue;
    const m = matchTitle(texts[first]);
    if (m) hits.push({ row: r, col: first, text: texts[first], ...m });
  }
  return hits;
}

/** A body row's amounts in the table's amount columns (of one side, with `side`); what is wrong with them is recorded. */
function rowAmounts(v: SheetView, t: MappedTable, r: number, side?: 'in' | 'out'): Record<string, AmountRef> {
  const { amounts, issues } = readAmounts(v, r, t.columns, t.unit, side);
  recordAmountIssues(t, issues);
  return amounts;
}

/** The amount of one cell of the table; what is wrong with it is recorded. */
function cellAmount(v: SheetView, t: MappedTable, r: number, col: number): AmountRef {
  const { ref, issues } = amountRef(t.unit, r, col, v.cell(r, col), v.text(r, col));
  recordAmountIssues(t, issues);
  return ref;
}

function colOf(cols: MappedColumn[], role: string): number | undefined {
  return cols.find((c) => c.role === role)?.col;
}

/**
 * Walks the body rows of a table: skips blank rows and repeated headers (page breaks), collects the notes
 * under the table ("注：…"), and hands every other row to `take`, which returns true when it used the row.
 * Returns the last row that belongs to the table.
 */
function scanBody(v: SheetView, t: MappedTable, dataTop: number, end: number, take: (r: number, texts: string[]) => boolean): number {
  let last = dataTop - 1;
  for (let r = dataTop; r < end; r++) {
    if (v.isEmptyRow(r)) continue;
    const texts = v.rowTexts(r);
    let first = '';
    for (let c = t.range.left; c < texts.length && !first; c++) first = texts[c] ?? '';
    if ((isNoteText(first) || t.notes.length) && !hasDecimalAmount(texts)) {
      t.notes.push(texts.filter((x) => x).join(' '));
      last = r;
      continue;
    }
    // A 决算 ledger's class row ("301 工资福利支出" beside "302 商品和服务支出", blank amounts) is no header.
    if ((isHeaderRow(texts) && !(t.def.stage === 'final' && codeLevel(squash(first)) !== undefined)) || isColumnNumberRow(texts)) continue;
    if (take(r, texts)) last = r;
  }
  return last;
}

/** A row that only repeats header words (a page break's repeated header, a 类/款/项 line): not data. */
function isHeaderEcho(texts: string[]): boolean {
  let any = false;
  for (const t of texts) {
    if (!t) continue;
    const c = t.charCodeAt(0);
    // A code or an amount (a digit first: a data row's first cell) is neither a header word nor 分类科目.
    if ((c >= 48 && c <= 57) || (!isHeaderWord(t) && !/^(功能|经济|部门预算经济)?分类科目(编码|名称)?$/.test(squash(t)))) return false;
    any = true;
  }
  return any;
}

/** Two-digit code part as printed: "05", "5" (leading zero lost), or the full 5/7-digit code. */
function codePart(text: string, prefix: string, fullLen: number): string | undefined {
  if (/^\d{1,2}$/.test(text)) return text.padStart(2, '0');
  if (text.length === fullLen && /^\d+$/.test(text) && text.startsWith(prefix)) return text.slice(-2);
  return undefined;
}

interface CodeReading {
  code: string;
  name: string;
  /** Set when the code as printed cannot exist. */
  printed?: string;
  /** 款/项 parts printed as one digit, read padded ("2" → 02). */
  short?: { part: '款' | '项'; col: number; printed: string }[];
}

/**
 * Reads the code of a body row, in any of the layouts real disclosures use: one code column ("2010101", 2010101,
 * "201 01 01"), code and name in one cell ("2010101 行政运行"), or 类 | 款 | 项 in three columns, with each part
 * printed on every row or only where it changes.
 */
function codeReader(v: SheetView, t: MappedTable) {
  const codeCol = colOf(t.columns, 'code');
  const nameCol = colOf(t.columns, 'name');
  const classCol = colOf(t.columns, 'code.class');
  const kuanCol = colOf(t.columns, 'code.kuan');
  const xiangCol = colOf(t.columns, 'code.xiang');
  let lastClass = '';
  let lastKuan = '';
  /** A number cell whose format shows two digits (5 shown "05"). */
  const padded = (r: number, c: number) => /^0+$/.test(v.cell(r, c)?.numFmt ?? '') && (v.cell(r, c)?.numFmt ?? '').length >= 2;
  /** Function classes are 2xx, economic ones 3xx (部门) or 5xx (政府). */
  const classDigit = t.def.codeKind === 'economic' ? /^[35]/ : /^2/;
  return (r: number): CodeReading => {
    const name = nameCol !== undefined ? v.text(r, nameCol) : '';
    if (classCol !== undefined) {
      const c = squash(v.text(r, classCol));
      const k = kuanCol !== undefined ? squash(v.text(r, kuanCol)) : '';
      const x = xiangCol !== undefined ? squash(v.text(r, xiangCol)) : '';
      if (!c && !k && !x) return { code: '', name };
      if (c && !/^\d+$/.test(c)) return { code: '', name: name || c };
      const printed = [c, k, x].filter((p, i) => p || i === 0).join('|');
      let cls = c;
      if (!cls) cls = lastClass;
      if (!/^\d{3}$/.test(cls)) return { code: '', name, printed };
      lastClass = cls;
      if (!k && !x) {
        lastKuan = '';
        return { code: cls, name };
      }
      const kuan = k ? codePart(k, cls, 5) : lastKuan;
      if (!kuan) return { code: '', name, printed };
      lastKuan = kuan;
      // A part printed as one digit ("2" for 02) is read padded, and said: it may be a misprint.
      const short: CodeReading['short'] = [];
      if (k && /^\d$/.test(k) && !padded(r, kuanCol!)) short.push({ part: '款', col: kuanCol!, printed: k });
      if (!x) return { code: cls + kuan, name, ...(short.length ? { short } : {}) };
      const xiang = codePart(x, cls + kuan, 7);
      if (!xiang) return { code: '', name, printed };
      if (/^\d$/.test(x) && !padded(r, xiangCol!)) short.push({ part: '项', col: xiangCol!, printed: x });
      return { code: cls + kuan + xiang, name, ...(short.length ? { short } : {}) };
    }
    const code = codeCol !== undefined ? squash(v.text(r, codeCol)) : '';
    if (codeLevel(code) !== undefined) {
      // 3, 5 or 7 digits, but of no class there is ("71102": the 类 210 printed "7"): misprinted, told by its name.
      if (!classDigit.test(code)) return { code: '', name, printed: code };
      return { code, name };
    }
    const own = /^(\d{3}(?:\d{2}){0,2})(\D.*)$/.exec(code);
    if (own) return { code: own[1], name: name || own[2] };
    if (!code) {
      const m = /^(\d{3}(?:\d{2}){0,2})(\D.*)$/.exec(squash(name));
      if (m) return { code: m[1], name: m[2] };
      return { code: '', name };
    }
    if (/^\d+$/.test(code)) return { code: '', name, printed: code };
    return { code: '', name: name || code };
  };
}

/**
 * The code a misprinted row probably means: by its name in the catalogue (among codes under the rows around it),
 * else by position (a 类 whose 款 rows below carry a class prefix no class row has).
 */
function intendedCode(
  t: MappedTable,
  kind: CodeKind,
  printed: string,
  name: string,
  prev: MappedRow | undefined,
  nextCode: string | undefined,
): { code?: string; why?: string } {
  const digits = printed.replace(/\|/g, '');
  const norm = normName(name);
  const candidates: string[] = [];
  if (/^\d{4}$/.test(digits)) candidates.push(`${digits.slice(0, 3)}0${digits[3]}`);
  if (/^\d{6}$/.test(digits)) candidates.push(`${digits.slice(0, 5)}0${digits[5]}`);
  if (prev?.code) {
    const base = prev.code.slice(0, 3);
    for (let i = 1; i <= 99; i++) candidates.push(base + String(i).padStart(2, '0'));
    if (prev.code.length >= 5) for (let i = 1; i <= 99; i++) candidates.push(prev.code.slice(0, 5) + String(i).padStart(2, '0'));
  }
  if (nextCode) candidates.push(nextCode.slice(0, 3), nextCode.slice(0, 5));
  for (const c of candidates) {
    const n = catalogueName(kind, c);
    if (n && normName(n) === norm && !t.rows.some((r) => r.code === c)) return { code: c, why: `科目名称“${name}”在目录中的编码` };
  }
  if (nextCode && /^\d{1,2}$/.test(digits) && !t.rows.some((r) => r.code === nextCode.slice(0, 3)) && nextCode.slice(0, 3).endsWith(digits))
    return { code: nextCode.slice(0, 3), why: '其下各款的编码' };
  return {};
}

const PLAIN_NUMBER = /^[-+]?[\d,]+(\.\d+)?$/;

/**
 * A 合计 row whose numbers are not under the amount headings, as a PDF-to-Excel conversion can leave it: shifted a
 * column left (into the name column) or right (past the last heading), or none under the headings at all. Its
 * amounts cannot be read. 'none' is decided once the table is read (an empty table's blank 合计 is no problem).
 */
function misplacedTotal(t: MappedTable, texts: string[], r: number): (NonNullable<MappedTable['totalMisplaced']> & { none?: boolean }) | undefined {
  let label = -1;
  for (let c = t.range.left; c < texts.length && label < 0; c++) if (texts[c]) label = c;
  if (label < 0 || !/^(合计|总计|合计数)$/.test(squash(texts[label]))) return undefined;
  if (!t.columns.some((c) => c.col === label && (isCodeRole(c.role) || /name$/.test(c.role)))) return undefined;
  const amountCols = new Set(amountColumns(t.columns).map((c) => c.col));
  const outside: number[] = [];
  let under = 0;
  for (let c = label + 1; c < texts.length; c++) {
    const x = squash(texts[c] ?? '');
    if (!x) continue;
    if (amountCols.has(c)) under++;
    else if (PLAIN_NUMBER.test(x)) outside.push(c);
  }
  if (outside.length) return { row: r, col: label, why: `的数字印在金额列之外（${outside.map(colName).join('、')} 列），没有对齐各金额列` };
  if (!under) return { row: r, col: label, why: '在各金额列下没有金额', none: true };
  return undefined;
}

function readCodeRows(v: SheetView, t: MappedTable, dataTop: number, end: number): number {
  const read = codeReader(v, t);
  const nameCol = colOf(t.columns, 'name');
  const codeCol = colOf(t.columns, 'code') ?? colOf(t.columns, 'code.class');
  const pending: { row: MappedRow; printed: string; index: number }[] = [];
  let blankTotal: ReturnType<typeof misplacedTotal>;
  const last = scanBody(v, t, dataTop, end, (r, texts) => {
    const misplaced = misplacedTotal(t, texts, r);
    if (misplaced) {
      blankTotal ??= misplaced;
      return true;
    }
    if (isHeaderEcho(texts)) return false;
    const { code, name, printed, short } = read(r);
    if (code && short) for (const x of short) t.shortCodeParts.push({ row: r, col: x.col, part: x.part, printed: x.printed, code, name: name.trim() });
    const label = squash(code ? '' : name || (codeCol !== undefined ? v.text(r, codeCol) : ''));
    if (!code && !printed && /^(合计|总计|合计数)$/.test(label)) {
      const labelCol = [codeCol, nameCol].find((c) => c !== undefined && /^(合计|总计|合计数)$/.test(squash(v.text(r, c))));
      t.rows.push({ row: r, kind: 'total', name: '合计', amounts: rowAmounts(v, t, r), labelCol: labelCol ?? nameCol });
      return true;
    }
    const amounts = rowAmounts(v, t, r);
    if (code) t.rows.push({ row: r, kind: 'code', code, level: codeLevel(code), name: name.trim(), amounts, labelCol: nameCol });
    else if (printed) {
      const row: MappedRow = { row: r, kind: 'other', name: name.trim(), amounts, labelCol: nameCol };
      pending.push({ row, printed, index: t.rows.length });
      t.rows.push(row);
    } else if (name || anyAmount(amounts)) t.rows.push({ row: r, kind: 'other', name: name.trim(), amounts, labelCol: nameCol });
    else return false;
    return true;
  });
  // A 合计 row that cannot be read, in a table with no readable one: said (a finding, a partial coverage entry), never
  // a silent loss of the checks on the total. A blank 合计 under a table with no amounts is an empty table's.
  if (blankTotal && !t.rows.some((x) => x.kind === 'total')) {
    const { none, ...at } = blankTotal;
    if (!none || t.rows.some((x) => x.kind === 'code' && Object.values(x.amounts).some((a) => !isZeroAmount(a)))) t.totalMisplaced = at;
  }
  const kind = t.def.codeKind ?? 'function';
  for (const p of pending) {
    const prev = t.rows
      .slice(0, p.index)
      .reverse()
      .find((r) => r.kind === 'code');
    const next = t.rows.slice(p.index + 1).find((r) => r.kind === 'code');
    const guess = intendedCode(t, kind, p.printed, p.row.name, prev, next?.code);
    const issue: CodeIssue = {
      row: p.row.row,
      col: codeCol ?? p.row.labelCol ?? t.range.left,
      printed: p.printed,
      name: p.row.name,
      suggested: guess.code,
      why: guess.why,
    };
    t.codeIssues.push(issue);
    if (guess.code) Object.assign(p.row, { kind: 'code', code: guess.code, level: codeLevel(guess.code) });
  }
  return last;
}

interface SideReading {
  item?: string;
  /** Out side: the function class the label names (when it names no item). */
  cls?: { code: string; former?: boolean };
}

/** What a summary table's label says, per stage and side (memoised: a batch's summaries repeat the same labels). */
const sideReadings = {
  budget: { in: new Map<string, SideReading>(), out: new Map<string, SideReading>() },
  final: { in: new Map<string, SideReading>(), out: new Map<string, SideReading>() },
};

function readSideLabel(side: 'in' | 'out', label: string, stage: Stage = 'budget'): SideReading {
  const memo = sideReadings[stage][side];
  let r = memo.get(label);
  if (!r) {
    const items = stage === 'final' ? { in: FINAL_INCOME_ITEMS, out: FINAL_EXPENDITURE_ITEMS } : { in: INCOME_ITEMS, out: EXPENDITURE_ITEMS };
    if (side === 'in') r = { item: items.in.find((i) => i.match.test(stripEnum(normName(label)).replace(/^\d+\.(?!\d)/, '')))?.key };
    else {
      const key = stripEnum(normName(label));
      const item = items.out.find((i) => i.match.test(key))?.key;
      r = item ? { item } : { cls: functionClassByLabel(label) };
    }
    remember(memo, label, Object.freeze(r), 10_000);
  }
  return r;
}

function readTwoSidedRows(v: SheetView, t: MappedTable, dataTop: number, end: number): number {
  const inName = colOf(t.columns, 'in.name')!;
  const outName = colOf(t.columns, 'out.name')!;
  const fiscal = t.schema === 'fiscal-appropriation-summary';
  const stage = t.def.stage ?? 'budget';
  let inCarry = false;
  return scanBody(v, t, dataTop, end, (r) => {
    const inLabel = v.text(r, inName);
    if (inLabel) {
      let item = readSideLabel('in', inLabel, stage).item;
      if (item === 'carryover') inCarry = true;
      else if (item === 'income-grand' || item === 'income-total') inCarry = false;
      else if (fiscal && inCarry && item && ['general', 'fund', 'state'].includes(item)) item = `carryover-${item}`;
      const amounts = rowAmounts(v, t, r, 'in');
      t.rows.push({ row: r, kind: item ? 'item' : 'other', side: 'in', item, name: inLabel, amounts, labelCol: inName });
    }
    const outLabel = v.text(r, outName);
    if (outLabel) {
      const { item, cls } = readSideLabel('out', outLabel, stage);
      const amounts = rowAmounts(v, t, r, 'out');
      if (item) t.rows.push({ row: r, kind: 'item', side: 'out', item, name: outLabel, amounts, labelCol: outName });
      else
        t.rows.push({
          row: r,
          kind: cls ? 'class' : 'other',
          side: 'out',
          code: cls?.code,
          level: cls ? 1 : undefined,
          name: outLabel,
          amounts,
          labelCol: outName,
          formerName: cls?.former || undefined,
        });
    }
    return !!(inLabel || outLabel);
  });
}

/** A horizontal 三公 table: every item column of the (first) data row becomes one item row; 机关运行经费 a figure. */
function readThreePublicColumns(v: SheetView, t: MappedTable, dataTop: number, end: number): number {
  let done = false;
  return scanBody(v, t, dataTop, end, (r, texts) => {
    if (done || isHeaderEcho(texts)) return false;
    const total = rowAmounts(v, t, r);
    const items: MappedRow[] = [{ row: r, kind: 'item', item: 'total', name: '“三公”经费合计', amounts: total, labelCol: colOf(t.columns, 'total') }];
    for (const c of t.columns) {
      const measure = c.role.startsWith('tp.') ? 'total' : c.role.startsWith('tpb.') ? 'budget' : undefined;
      if (!measure) continue;
      const key = c.role.slice(c.role.indexOf('.') + 1);
      const ref = cellAmount(v, t, r, c.col);
      if (key === 'running') t.figures.running = ref;
      else {
        const same = items.find((i) => i.item === key);
        if (same) same.amounts[measure] = ref;
        else
          items.push({
            row: r,
            kind: 'item',
            item: key,
            name: THREE_PUBLIC_ITEMS.find((i) => i.key === key)?.label ?? c.label,
            amounts: { [measure]: ref },
            labelCol: c.col,
          });
      }
    }
    if (!items.some((i) => Object.values(i.amounts).some((a) => !a.blank)) && !t.figures.running) return false;
    t.rows.push(...items);
    done = true;
    return true;
  });
}

function readThreePublicRows(v: SheetView, t: MappedTable, dataTop: number, end: number): number {
  if (t.columns.some((c) => c.role.startsWith('tp.') || c.role.startsWith('tpb.'))) return readThreePublicColumns(v, t, dataTop, end);
  const nameCol = colOf(t.columns, 'name')!;
  return scanBody(v, t, dataTop, end, (r) => {
    const label = v.text(r, nameCol);
    if (!label) return false;
    const key = stripEnum(normName(label));
    const hit = THREE_PUBLIC_ITEMS.find((i) => i.match.test(key));
    t.rows.push({ row: r, kind: hit ? 'item' : 'other', item: hit?.key, name: label, amounts: rowAmounts(v, t, r), labelCol: nameCol });
    return true;
  });
}

/** A 决算 合计 row's cells that print a sub-header instead of an amount: not amounts, and not unreadable ones. */
function dropSubHeaderCells(v: SheetView, t: MappedTable): void {
  for (const row of t.rows) {
    if (row.kind !== 'total') continue;
    for (const role of Object.keys(row.amounts)) {
      const ref = row.amounts[role];
      const text = v.text(ref.row, ref.col);
      if (!text || !isHeaderWord(text)) continue;
      delete row.amounts[role];
      t.invalid = t.invalid.filter((i) => i.row !== ref.row || i.col !== ref.col);
    }
  }
}

/**
 * The 决算 basic-expenditure ledger (final-accounts.md T6): (编码, 名称, 决算数) twice side by side. Each side's
 * code rows become rows of the table (the left side's first), with the amount of their own side; the labelled
 * 人员经费合计 / 公用经费合计 cells become the items 'personnel-total' / 'public-total'.
 */
function readLedgerRows(v: SheetView, t: MappedTable, header: HeaderInfo, end: number): number {
  const leftTotal = colOf(t.columns, 'total')!;
  const right = new Map([...header.paths].filter(([c]) => c > leftTotal));
  const groups = [t.columns, right.size ? assignColumns(t.def, right) : []].filter((g) => g.some((c) => c.role === 'total'));
  if (groups.length > 1) t.ledgerColumns = [...groups[0], ...groups[1]];
  const sides: MappedRow[][] = groups.map(() => []);
  // Each side's reader and columns, worked out once.
  const sideOf = groups.map((columns) => ({
    read: codeReader(v, { ...t, columns }),
    amountCol: colOf(columns, 'total')!,
    nameCol: colOf(columns, 'name'),
    firstCol: Math.min(...columns.map((c) => c.col)),
  }));
  const last = scanBody(v, t, header.dataTop, end, (r, texts) => {
    if (isHeaderEcho(texts)) return false;
    let used = false;
    sideOf.forEach(({ read, amountCol, nameCol, firstCol }, i) => {
      const { code, name, printed } = read(r);
      const amounts = { total: cellAmount(v, t, r, amountCol) };
      const label = squash(name || v.text(r, firstCol));
      if (code) sides[i].push({ row: r, kind: 'code', code, level: codeLevel(code), name: name.trim(), amounts, labelCol: nameCol });
      else if (/^人员经费(合计)?$/.test(label) || /^公用经费(合计)?$/.test(label))
        sides[i].push({ row: r, kind: 'item', item: label.startsWith('人员') ? 'personnel-total' : 'public-total', name: label, amounts, labelCol: firstCol });
      else if (label || !amounts.total.blank) {
        if (printed) t.codeIssues.push({ row: r, col: firstCol, printed, name: label });
        sides[i].push({ row: r, kind: 'other', name: label, amounts, labelCol: nameCol ?? firstCol });
      } else return;
      used = true;
    });
    return used;
  });
  t.rows.push(...sides.flat());
  return last;
}

function hasNumbers(v: SheetView, from: number, end: number): boolean {
  for (let r = from; r < end; r++) if (v.rowTexts(r).some((t) => /^-?[\d,]+(\.\d+)?$/.test(squash(t)) && t.length > 0)) return true;
  return false;
}

function mapRegion(v: SheetView, def: SchemaDef, title: TitleHit, end: number): { table?: MappedTable; unmapped?: UnmappedTable } {
  const from = title.row + 1;
  const final = def.stage === 'final';
  const { header, metaRows } = readHeader(v, from, end, final);
  if (header && final) subHeadersInFirstRow(v, header);
  const regionRange = (bottom: number, left = title.col, right = Math.max(title.col, v.width - 1)): CellRange => ({
    top: Math.max(0, title.row),
    left,
    bottom: Math.max(bottom, Math.max(0, title.row)),
    right,
  });
  if (!header) {
    if (!hasNumbers(v, from, end)) return {};
    return {
      unmapped: {
        sheet: v.sheet.name,
        range: regionRange(end - 1),
        title: title.text,
        reason: `“${title.text}”下方未找到表头（应有“项目”“科目编码”“合计”等列名）`,
        schema: def.id,
      },
    };
  }
  const columns = columnsFor(def, header.paths);
  const missing = requiredMissing(def, columns);
  const finalHeading = finalHeadingIn(v, from, Math.min(end, header.bottom + 3));
  if (missing) {
    const unmapped: UnmappedTable = {
      sheet: v.sheet.name,
      range: regionRange(header.bottom, header.left, header.right),
      title: title.text,
      reason: `${def.title}：${missing}`,
      schema: def.id,
    };
    if (finalHeading) unmapped.finalHeading = finalHeading;
    return { unmapped };
  }
  const metaTexts: string[] = [];
  for (const r of metaRows) metaTexts.push(...v.rowTexts(r).filter((x) => x));
  const headerTexts: string[] = [];
  for (let r = header.top; r <= header.bottom; r++) headerTexts.push(...v.rowTexts(r).filter((x) => x));
  const unit = parseUnit(metaTexts) ?? parseUnit(headerTexts) ?? parseUnit([title.text]) ?? '万元';
  const table: MappedTable = {
    schema: def.id,
    def,
    title: title.text.trim(),
    sheet: v.sheet.name,
    range: { top: 0, left: 0, bottom: 0, right: 0 },
    titleRow: title.row,
    headerTop: header.top,
    headerBottom: header.bottom,
    unit,
    factor: unit === '元' ? PER_YUAN : PER_WAN,
    decimals: 2,
    year: parseYear(metaTexts) ?? parseYear([title.text]),
    // A 决算 table's lines above its header are headings (财政拨款“三公”经费), its department is on the cover.
    department: parseDepartment(metaTexts, final),
    columns,
    rows: [],
    notes: [],
    invalid: [],
    mergedData: [],
    codeIssues: [],
    shortCodeParts: [],
    uncalculated: [],
    unitWords: [],
    figures: {},
    recognisedBy: title.by ?? 'title',
  };
  if (finalHeading) table.finalHeading = finalHeading;
  if (v.sheet.hidden) table.hidden = true;
  table.range = {
    top: Math.max(0, title.row >= 0 ? title.row : header.top),
    left: Math.min(header.left, title.col >= 0 ? title.col : header.left),
    bottom: header.bottom,
    right: header.right,
  };
  const last =
    def.shape === 'two-sided'
      ? readTwoSidedRows(v, table, header.dataTop, end)
      : def.shape === 'three-public'
        ? readThreePublicRows(v, table, header.dataTop, end)
        : def.ledger
          ? readLedgerRows(v, table, header, end)
          : readCodeRows(v, table, header.dataTop, end);
  if (final) dropSubHeaderCells(v, table);
  table.range.bottom = Math.max(header.bottom, last);
  const unread = unmappedAmountColumns(v, table, header.paths);
  if (unread.length) table.unmappedColumns = unread;
  // Merged areas over the table's amount cells (the amount columns are looked up only if a merge reaches its rows).
  let amountCols: number[] | undefined;
  for (const m of v.sheet.merges) {
    if (m.bottom < header.dataTop || m.top > table.range.bottom || (m.bottom === m.top && m.right === m.left)) continue;
    amountCols ??= (table.ledgerColumns ?? columns)
      .filter((c) => isAmountRole(c.role) || c.role.startsWith('tp.') || c.role.startsWith('tpb.'))
      .map((c) => c.col);
    if (amountCols.some((c) => c >= m.left && c <= m.right)) table.mergedData.push(m);
  }
  table.decimals = shownDecimals(table);
  table.padded = padsDecimals(table);
  // Structure is the judge: a function table whose codes are economic (301, 30101 …) is the 基本支出 table, and
  // an economic table whose codes are function codes is the 一般公共预算支出 table, whatever the title said.
  const judged = judgeByCodes(table);
  if (judged && !title.judged) {
    const again = mapRegion(v, judged, { ...title, judged: true }, end);
    if (again.table) {
      again.table.titleSaid = def.id;
      return again;
    }
  }
  return { table };
}

/**
 * Header columns no role was given to that hold amounts in the table's rows (a column the schema does not know):
 * never read by any check, so the coverage ledger lists them.
 */
function unmappedAmountColumns(v: SheetView, table: MappedTable, paths: Map<number, string[]>): { col: number; header: string }[] {
  const mapped = new Set([...table.columns, ...(table.ledgerColumns ?? [])].map((c) => c.col));
  const out: { col: number; header: string }[] = [];
  for (const [c, p] of paths) {
    if (mapped.has(c) || /^(序号|栏次)$/.test(p[p.length - 1] ?? '')) continue;
    const amount = table.rows.some((r) => {
      const x = v.cell(r.row, c)?.value;
      return typeof x === 'number' ? x !== 0 : typeof x === 'string' && /^[-+]?[\d,，]+(\.\d+)?$/.test(x.trim()) && /[1-9]/.test(x);
    });
    if (amount) out.push({ col: c, header: p.join('/') });
  }
  return out.sort((a, b) => a.col - b.col);
}

function judgeByCodes(t: MappedTable): SchemaDef | undefined {
  if (t.def.shape !== 'code') return undefined;
  let econ = 0;
  let func = 0;
  for (const r of t.rows) {
    if (r.code?.startsWith('3')) econ++;
    else if (r.code?.startsWith('2')) func++;
  }
  const stage = t.def.stage ?? 'budget';
  if (t.def.codeKind === 'function' && econ > func && econ >= 2) return schemaById('general-budget-basic-expenditure', stage);
  if (t.def.codeKind === 'economic' && func > econ && func >= 2) return schemaById('general-budget-expenditure', stage);
  return undefined;
}

/**
 * A table with no title (or one the vocabulary does not know), recognised by its columns and codes: the 三公
 * items, the two sides of a summary, economic (301, 30101) or function (201, 20101) codes and the column roles.
 */
function schemaByStructure(v: SheetView, stage: Stage): TitleHit | undefined {
  const { header } = readHeader(v, 0, Math.min(v.height, 40));
  if (!header) return undefined;
  const words = [...header.paths.values()].flat().join('|');
  const byId = (id: SchemaId) => schemaById(id, stage);
  // From the top of the sheet, so the meta line (单位：元, 编制部门) above the header is read too.
  const hit = (id: SchemaId): TitleHit => ({ row: -1, col: header.left, text: v.sheet.name, schema: byId(id), by: 'structure' });
  if (/因公出国|公务接待/.test(words)) return hit('three-public-expenditure');
  const leaves = [...header.paths.values()].map((p) => p[p.length - 1]);
  if (leaves.filter((l) => /^(项目|科目|名称)$/.test(l)).length >= 2 && /收入/.test(words) && /支出/.test(words))
    return hit(/一般公共预算/.test(words) ? 'fiscal-appropriation-summary' : 'income-expenditure-summary');
  let econ = 0;
  let func = 0;
  for (let r = header.dataTop; r < Math.min(v.height, header.dataTop + 60); r++)
    for (const t of v.rowTexts(r)) {
      const c = squash(t);
      if (/^3\d{2}(\d{2})?$/.test(c)) econ++;
      else if (/^2\d{2}(\d{2}){0,2}$/.test(c)) func++;
    }
  if (econ === 0 && func === 0) return undefined;
  if (econ > func) return hit('general-budget-basic-expenditure');
  if (/财政拨款(收入)?|事业收入|上年结转/.test(words)) return hit('income');
  if (/经营支出|上缴上级|对附属/.test(words)) return hit('expenditure');
  if (/基本支出|人员经费/.test(words)) {
    const named = matchTitle(`${v.sheet.name}表`);
    const role = named?.schema?.id ?? named?.role;
    const def = role && schemaById(role);
    return hit(def && def.shape === 'code' && def.codeKind === 'function' ? def.id : 'general-budget-expenditure');
  }
  return undefined;
}

/** A user's correction: the table whose title is at this row of this sheet is (or is not) this schema. */
export interface MappingOverride {
  sheet: string;
  /** 0-based row of the table's title (MappedTable.range.top / UnmappedTable.range.top). */
  titleRow: number;
  /** The schema to map it as, or null to ignore the region. */
  schema: SchemaId | null;
}

/**
 * The tables of one sheet. `stage` 'final': the sheet is read as part of a 决算 disclosure — every title naming a
 * standard table (with or without 决算 in it) is mapped with that table's 决算 columns and rows.
 */
export function detectSheet(sheet: Sheet, overrides: MappingOverride[] = [], stage: Stage = 'budget'): Detection {
  const v = new SheetView(sheet);
  const out: Detection = { tables: [], unmapped: [], others: [] };
  let titles = findTitles(v);
  if (stage === 'final')
    titles = titles.map((t) => {
      // A title without 决算 that named a budget table names the 决算 table its words say (titles/match.ts finalRole).
      const role = t.role ?? (t.schema && (finalRoleOf(t.text) ?? t.schema.id));
      return role && !(t.other && !t.stage) ? { ...t, schema: schemaById(role, 'final'), other: false } : t;
    });
  for (const o of overrides) {
    if (o.sheet !== sheet.name) continue;
    const hit = titles.find((t) => t.row === o.titleRow || (t.row === -1 && o.titleRow === 0));
    const schema = o.schema ? schemaById(o.schema, stage) : undefined;
    if (hit) {
      hit.schema = schema;
      hit.other = !schema;
    } else if (schema) {
      const texts = v.rowTexts(o.titleRow);
      const col = Math.max(
        0,
        texts.findIndex((x) => x),
      );
      titles.push({ row: o.titleRow, col, text: texts[col] || schema.title, schema });
      titles.sort((a, b) => a.row - b.row);
    }
  }
  if (titles.length === 0) {
    const m = matchTitle(sheet.name);
    const role = m?.schema?.id ?? (stage === 'final' ? m?.role : undefined);
    if (role) titles = [{ row: -1, col: 0, text: sheet.name, schema: schemaById(role, stage), by: 'sheet-name' }];
    else {
      const guess = schemaByStructure(v, stage);
      if (guess) titles = [guess];
    }
  }
  for (let i = 0; i < titles.length; i++) {
    const t = titles[i];
    const end = i + 1 < titles.length ? titles[i + 1].row : v.height;
    if (t.other || !t.schema) {
      const o: OtherTable = {
        sheet: sheet.name,
        title: t.text,
        range: { top: t.row, left: t.col, bottom: Math.max(t.row, end - 1), right: Math.max(t.col, v.width - 1) },
      };
      if (t.stage) {
        o.stage = t.stage;
        if (t.role) o.role = t.role;
      }
      out.others.push(o);
      continue;
    }
    const res = mapRegion(v, t.schema, t, end);
    if (res.table) out.tables.push(res.table);
    if (res.unmapped) out.unmapped.push(res.unmapped);
  }
  return out;
}

export interface DetectOptions {
  /** The user's word on which disclosure the workbook is, over what its titles and headings say. */
  stage?: Stage;
}

export function detectWorkbook(wb: Workbook, overrides: MappingOverride[] = [], opts: DetectOptions = {}): Detection {
  const budget = decideStage(detectStage(wb, overrides, 'budget'), opts.stage);
  if (budget.stage!.stage !== 'final') return budget;
  // A 决算 workbook: read again with the 决算 tables' columns and rows.
  const final = detectStage(wb, overrides, 'final');
  final.stage = budget.stage;
  return final;
}

function detectStage(wb: Workbook, overrides: MappingOverride[], stage: Stage): Detection {
  const out: Detection = { tables: [], unmapped: [], others: [] };
  for (const s of wb.sheets) {
    const d = detectSheet(s, overrides, stage);
    out.tables.push(...d.tables);
    out.unmapped.push(...d.unmapped);
    out.others.push(...d.others);
  }
  return continuedTables(oneTablePerTitle(out));
}

/**
 * A table continued elsewhere ("…（续）", "续表", or a sheet named so): neither half adds up alone, so neither is
 * checked as a table (each would be called wrong); both are listed with the reason and what to do. Joining the
 * halves is not done yet: the cells of one table are taken to lie on one sheet.
 */
function continuedTables(det: Detection): Detection {
  const continued = (t: MappedTable) => readTitle(t.title).continued || /续/.test(t.sheet.replace(/继续|持续|连续|陆续/g, ''));
  const split = new Set<MappedTable>();
  for (const t of det.tables) {
    if (!continued(t)) continue;
    const head = det.tables.find((x) => x !== t && x.schema === t.schema && !continued(x));
    split.add(t);
    if (head) split.add(head);
  }
  if (!split.size) return det;
  for (const t of split) {
    const parts = [...split].filter((x) => x.schema === t.schema).map((x) => `“${x.sheet}”`);
    det.unmapped.push({
      sheet: t.sheet,
      range: t.range,
      title: t.title,
      schema: t.schema,
      reason: `${t.def.title}分在${parts.join('和')}${parts.length > 1 ? '' : '（另一半未找到）'}（续表），两部分各自不能平衡，本版本不合并核对：请把续表的行接到原表下方后再校验`,
    });
  }
  det.tables = det.tables.filter((t) => !split.has(t));
  return det;
}

/**
 * Two differently worded titles naming the same standard table (甘肃: 部门收入总体情况表 and 部门预算收入总表; 山东:
 * 一般公共预算基本支出预算表 and the all-funds 基本支出预算表): the one of the template family most of the workbook's
 * titles belong to, or else of any family, is the table; the other is listed as another table. Titles worded the
 * same (a department's table and its units' tables) are all kept.
 */
function oneTablePerTitle(det: Detection): Detection {
  const byTitle = det.tables.filter((t) => t.recognisedBy === 'title');
  if (byTitle.length < 2 && !(byTitle.length && det.unmapped.length)) return det;
  const cores = new Map(byTitle.map((t) => [t, readTitle(t.title).core]));
  const votes = new Map<string, number>();
  for (const core of cores.values()) for (const f of familiesOf(core)) votes.set(f, (votes.get(f) ?? 0) + 1);
  const major = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
  /** 2 for a title of the workbook's own family, 1 for another family's, 0 for one read by its words. */
  const coreScore = (core: string) => {
    const fams = familiesOf(core);
    return fams.includes(major ?? '') ? 2 : fams.length ? 1 : 0;
  };
  const score = (t: MappedTable) => coreScore(cores.get(t)!);
  const drop = new Set<MappedTable>();
  const groups = new Map<SchemaId, MappedTable[]>();
  for (const t of byTitle) {
    const id = t.titleSaid ?? t.schema;
    groups.set(id, [...(groups.get(id) ?? []), t]);
  }
  for (const group of groups.values()) {
    if (new Set(group.map((t) => cores.get(t))).size < 2) continue;
    const best = Math.max(...group.map(score));
    if (group.every((t) => score(t) === best)) continue;
    for (const t of group) if (score(t) < best) drop.add(t);
  }
  // A titled region that could not be mapped, naming a table a better-placed title already maps, is that other table.
  const dropUnmapped = det.unmapped.filter((u) => {
    const group = u.schema && u.title ? groups.get(u.schema) : undefined;
    if (!group || !u.title) return false;
    const core = readTitle(u.title).core;
    return group.some((t) => !drop.has(t) && score(t) > coreScore(core) && cores.get(t) !== core);
  });
  if (!drop.size && !dropUnmapped.length) return det;
  det.tables = det.tables.filter((t) => !drop.has(t));
  for (const t of drop) det.others.push({ sheet: t.sheet, title: t.title, range: t.range });
  det.unmapped = det.unmapped.filter((u) => !dropUnmapped.includes(u));
  for (const u of dropUnmapped) det.others.push({ sheet: u.sheet, title: u.title!, range: u.range });
  return det;
}

/**
 * 预算 or 决算, for the whole workbook: 决算 titles and 决算 column headings against the tables mapped as budget
 * ones. A 决算 workbook is never checked as a budget one: its tables are listed as 决算 tables, unchecked. In a
 * budget workbook a table with 决算 headings (a 决算 三公 table whose title lacks 决算) is listed the same way.
 */
function decideStage(det: Detection, said?: Stage): Detection {
  const evidence: string[] = [];
  for (const o of det.others) if (o.stage === 'final') evidence.push(`标题“${o.title}”`);
  const budgetTables = det.tables.filter((t) => !t.finalHeading);
  for (const t of det.tables) if (t.finalHeading) evidence.push(`“${t.title}”的列名“${t.finalHeading}”`);
  for (const u of det.unmapped) if (u.finalHeading) evidence.push(`“${u.title ?? u.sheet}”的列名“${u.finalHeading}”`);
  const stage: Stage = said ?? (evidence.length > 0 && evidence.length >= budgetTables.length ? 'final' : 'budget');
  det.stage = { stage, evidence: evidence.slice(0, 5), ...(said ? { overridden: true } : {}) };
  const asFinal = stage === 'final' ? det.tables : said ? [] : det.tables.filter((t) => t.finalHeading);
  if (asFinal.length) {
    det.tables = det.tables.filter((t) => !asFinal.includes(t));
    for (const t of asFinal) det.others.push({ sheet: t.sheet, title: t.title, range: t.range, stage: 'final', role: t.schema });
  }
  const unmappedFinal = stage === 'final' ? det.unmapped : said ? [] : det.unmapped.filter((u) => u.finalHeading);
  if (unmappedFinal.length) {
    for (const u of unmappedFinal)
      det.others.push({ sheet: u.sheet, title: u.title ?? '', range: u.range, stage: 'final', ...(u.schema ? { role: u.schema } : {}) });
    det.unmapped = det.unmapped.filter((u) => !unmappedFinal.includes(u));
  }
  return det;
}
