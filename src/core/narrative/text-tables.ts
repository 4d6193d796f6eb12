/**
 * Tables pasted into an explanation text, read back into rows and columns. A web page or a PDF copied into a text
 * box keeps a table in one of three shapes:
 *  - a row a line, cells between "|" ("合计 | 2378.77 | 2415.44 | 36.67 | |"), header cells spanning several
 *    columns written once;
 *  - a cell a line, "|" on lines of their own between them or after each cell (a bare "|" is an empty cell);
 *  - a cell a line and no separator at all: empty cells are simply gone;
 *  - a row a line, cells between tabs (copied from a spreadsheet).
 * The "三公" tables are read: their items (合计, 因公出国, 公务用车 and its 购置 / 运行, 公务接待) on one axis, periods
 * (a year, 预算数 / 决算数, a change or a rate between two of them) on the other. A cell that cannot be placed for
 * certain (a row cut by a line wrap, a row of fewer cells than columns when empty cells are gone) is left unknown:
 * nothing is decided from a guess. Pure: works on the text's lines, folded as pasted.ts folds them.
 */
import Decimal from 'decimal.js';
import { halfOf, UNIT_SCALES, type Printed } from './interval';
import { threePublicItem, type Item } from './items';

/** A cell's figure: in 万元 for amounts, in % for rates. */
export interface Fig extends Printed {
  text: string;
  /** An empty cell read as 0 (an item with nothing). */
  empty?: boolean;
}

export interface Period {
  label: string;
  kind: 'amount' | 'delta' | 'rate';
  year?: number;
  stage?: 'budget' | 'final';
  /** A column of one fund ("一般公共预算", "政府性基金预算"), or '合计' for the column of all of them. */
  fund?: string;
  /** 本年 0, 上年 −1, when the label says so rather than name the year. */
  rel?: number;
  /** A column the header does not name (its label lost in the copy): checked on its own, never against the text. */
  unnamed?: boolean;
  /** For a change or a rate, the years its label names ("2016年比2015年增减%": from 2015 to 2016). */
  from?: number;
  to?: number;
}

export interface TextTable {
  items: Item[];
  periods: Period[];
  /** cells[i][p]: item i in period p; undefined when the cell is empty or cannot be placed for certain. */
  cells: (Fig | undefined)[][];
  /** The table's row of each cell as pasted (cells joined by " | "), for messages. */
  rows: string[][];
  /** The unit the table names ("单位：万元"), '' when it names none (its amounts are then read as 万元). */
  unit: string;
  /** The lines of the text the table takes, first and last (0-based). */
  first: number;
  last: number;
  /**
   * Rows of other things ("行政经费", "(一) 收入总计", "1. 财政补助收入"), by period like the items': their columns by
   * fund, changes and rates are checked, and a numbered row against the rows numbered under it.
   */
  others?: OtherRow[];
}

export interface OtherRow {
  label: string;
  cells: (Fig | undefined)[];
  row: string;
  /** The rank of its numbering: 一、 1, (一) 2, 1. 3, (1) 4; undefined when it has none or is a 其中 row. */
  rank?: number;
  /** (While read: the row of a 三公 item.) */
  item?: boolean;
}

/** The rank of a row label's last numbering ("一、收入支出情况对比 (一) 收入总计" → 2, its "(一)"). */
function rankOf(label: string): number | undefined {
  return lastMark(label)?.rank;
}

/** A row's name: its words after its last numbering ("一、收入支出情况对比 (一) 收入总计" → "收入总计"). */
function nameOf(label: string): string {
  const m = lastMark(label);
  return m ? label.replace(/\s/g, '').slice(m.end) || bare(label) : bare(label);
}

function lastMark(label: string): { rank: number; end: number } | undefined {
  const l = label.replace(/\s/g, '');
  if (/^其中/.test(l)) return undefined;
  const marks: [RegExp, number][] = [
    [/[一二三四五六七八九十]+、/g, 1],
    [/[(（][一二三四五六七八九十]+[)）]/g, 2],
    // (A number not after a digit or a point: no look-behind, which WPS's older browsers lack.)
    [/(^|[^\d.])\d{1,2}[、.．](?!\d)/g, 3],
    [/[(（]\d{1,2}[)）]/g, 4],
  ];
  let best: { at: number; rank: number; end: number } | undefined;
  for (const [re, rank] of marks)
    for (const m of l.matchAll(re)) {
      const at = m.index! + (rank === 3 ? (m[1] ?? '').length : 0);
      if (!best || at > best.at) best = { at, rank, end: m.index! + m[0].length };
    }
  return best;
}

/** A figure, a percentage, or an amount with its own unit ("44万元" in a table of 万元). */
const NUMERIC = /^[-−]?\d[\d,]*(\.\d+)?(%|万元|亿元|元)?$/;
/** A label (no figure at its end) and one or more figures after it, between spaces. */
const SPACED_ROW = /^(.*?[^\d\s.,%-])\s+([-−]?\d[\d,]*(?:\.\d+)?%?(?:\s+[-−]?\d[\d,]*(?:\.\d+)?%?)*)\s*$/;
const isNumeric = (c: string) => NUMERIC.test(c.replace(/\s/g, ''));
const UNITS: [RegExp, Decimal, string][] = [
  [/单位[:：]?\s*[(（]?\s*亿元/, UNIT_SCALES['亿元'], '亿元'],
  [/单位[:：]?\s*[(（]?\s*千元/, UNIT_SCALES['千元'], '千元'],
  [/单位[:：]?\s*[(（]?\s*万/, UNIT_SCALES['万元'], '万元'],
  [/单位[:：]?\s*[(（]?\s*元/, UNIT_SCALES['元'], '元'],
];

/** A line that may belong to a pasted table: it has a "|", or it is short and no sentence. */
function tableLike(line: string): boolean {
  const t = line.trim();
  if (!t || t.includes('|') || line.includes('\t')) return true;
  if (/[，。；;！？!?]|,(?!\d{3})/.test(t)) return false;
  // Short, or a label and its figures between spaces, or a header of columns between spaces ("项目 2017年预算数合计
  // 公共财政预算拨款 政府性基金预算拨款 …").
  if (t.length <= 30 || (t.length <= 80 && SPACED_ROW.test(t))) return true;
  const words = t.split(/\s+/);
  return t.length <= 120 && words.length >= 3 && words.filter((w) => periodOf(w) && periodOf(w) !== 'text').length >= 2;
}

/** Numbering and "其中：" before a row's label ("其中:(1)公务用车运行维护费" → "公务用车运行维护费"). */
function bare(label: string): string {
  return label
    .replace(/\s/g, '')
    .replace(/^(其中[:：]?)?([一二三四五六七八九十]+[、.．]|[(（]?\d+[)）、.．]|[(（][一二三四五六七八九十]+[)）])?(其中[:：]?)?/, '');
}

/** A count ("公务接待批次(批)", "因公出国(境)人数(人)", "公务用车保有量"), not an amount. */
const isCount = (label: string) => /批次|人数|人次|团组|数[(（]|[(（](批|人|辆|个|次|台|套)[)）]|(购置|保有)(数|量)$|保有量|相关统计/.test(bare(label));

/** The 三公 item a table label names; '小计' for a subtotal (of the 公务用车 group it stands under). */
function tableItem(label: string): Item | 'subtotal' | undefined {
  const l = bare(label);
  // A count of the items ("公务接待批次(批)", "因公出国(境)人数(人)") is none of them.
  if (isCount(l)) return undefined;
  if (/^((支出|经费)?(合计|总计)|[“"]?三公[”"]?经费(支出)?(合计|总计|总额)?)$/.test(l)) return 'total';
  // 公务接待 at home or from abroad ("(1)国内接待费", "其中:外事接待费") is a part of the item, not the item.
  if (/(国内|外事|外宾|国[(（]?境[)）]?外).*接待/.test(l)) return undefined;
  if (/^小计$/.test(l)) return 'subtotal';
  if (/\d{4}年|单位|表$/.test(l)) return undefined;
  // Under the 公务用车 group a column may say no more than "购置" or "运行".
  if (/^(车辆)?购置(费)?$/.test(l)) return 'purchase';
  if (/^(车辆)?(运行|运维|运转)(维护)?(费)?$/.test(l)) return 'operation';
  return threePublicItem(l) ?? (/^(公务用车|公车|用车)(费|经费)?(用)?$/.test(l) ? 'vehicle' : undefined);
}

/** The period a table label names, 'text' for a column of words (备注, 增减原因), undefined for none. */
function periodOf(label: string): Period | 'text' | undefined {
  const l = label.replace(/[\s、]/g, '');
  if (/^第\d+列$/.test(l)) return { label: l, kind: 'amount', unnamed: true };
  if (/备注|原因|说明|注释/.test(l)) return 'text';
  // A date ("2017-04-27", the page's) names no column.
  if (/\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/.test(l)) return undefined;
  const years = [...l.matchAll(/((?:19|20)\d{2})年?/g)].map((m) => Number(m[1]));
  const stage = /决算|执行数|实际/.test(l) ? ('final' as const) : /预算|安排/.test(l) ? ('budget' as const) : undefined;
  const span = (): { from?: number; to?: number } => {
    // "2016年比2015年增减%": from the second year to the first; "2023年预算数增减": to the year named.
    if (years.length >= 2) return { to: years[0], from: years[1] };
    return years.length === 1 ? { to: years[0] } : {};
  };
  // Columns by fund under a stage ("预算数" over "合计 | 一般公共预算 | 政府性基金", read as "预算数合计", "预算数一般公共预算"):
  // the fund's, of that stage.
  const staged = /^(预算|决算)数?(合计|小计|一般公共预算|政府性基金(预算)?|国有资本经营(预算)?)$/.exec(l);
  if (staged)
    return {
      label,
      kind: 'amount',
      fund: /^(合计|小计)$/.test(staged[2]) ? '合计' : staged[2].replace(/预算$/, ''),
      stage: staged[1] === '决算' ? 'final' : 'budget',
    };
  // Columns by fund: 合计, then 一般公共预算, 政府性基金预算, 国有资本经营预算 (one year, one stage).
  if (/^(合计|小计)$/.test(l)) return { label, kind: 'amount', fund: '合计' };
  // "2017年预算数合计" over the columns by fund: their 合计, of its year.
  if (/^((19|20)\d{2}[年-]?度?)?(预算|决算)?数?(合计|小计)$/.test(l))
    return { label, kind: 'amount', fund: '合计', ...(years.length ? { year: years[0] } : {}) };
  const fund = /^(其中[:：]?)?(一般公共预算|公共财政(预算)?|政府性基金(预算)?|国有资本经营(预算)?|财政专户|其他资金)((财政)?拨款|安排数?)?$/.exec(l)?.[2];
  if (fund) return { label, kind: 'amount', fund: /^公共财政/.test(fund) ? '一般公共预算' : fund };
  const rel = /上年|去年|上一年/.test(l) ? -1 : /本年|今年|当年/.test(l) ? 0 : undefined;
  const own = { label, ...(stage ? { stage } : {}), ...(rel !== undefined ? { rel } : {}) };
  if (/%|率|幅|百分比/.test(l)) return /增减|增长|下降|增加|减少|变动|比/.test(l) ? { ...own, kind: 'rate', ...span() } : undefined;
  if (/增减|增加|减少|变动|差额|比较|对比|增长|下降/.test(l)) return { ...own, kind: 'delta', ...span() };
  if (years.length === 1 || stage || rel !== undefined) return { ...own, kind: 'amount', ...(years.length ? { year: years[0] } : {}) };
  return undefined;
}

/** Header cells that describe the table rather than name a column: its title, its unit, a note. */
const isMeta = (c: string) => /单位[:：]|表$|附表[:：]?|^注|说明/.test(c.replace(/\s/g, '')) || c.replace(/\s/g, '').length > 24;

function fig(text: string, scale: Decimal): Fig {
  const own = /(万元|亿元|元)$/.exec(text.trim());
  if (own) {
    const f = fig(text.trim().slice(0, -own[1].length), UNIT_SCALES[own[1]]);
    return { ...f, text: text.trim() };
  }
  const t = text.replace(/\s|,/g, '').replace('−', '-');
  const pct = t.endsWith('%');
  const num = pct ? t.slice(0, -1) : t;
  const s = pct ? new Decimal(1) : scale;
  return { value: new Decimal(num).times(s), half: halfOf(num, s), text: text.trim() };
}

interface RawRow {
  cells: string[];
  /** The line ended with "|" (a row cut by a wrap does not). */
  whole: boolean;
  /** Empty cells are kept in place (separated rows); in a cell-a-line table without separators they are gone. */
  keepsEmpty: boolean;
  /** A cell a paragraph: an empty cell is a line of spaces, no row ends in a separator. */
  paragraphs?: boolean;
}

/** The rows of a block of table-like lines. */
function rowsOf(block: string[]): RawRow[] {
  // Copied from a spreadsheet: a row a line, cells between tabs.
  const tabRows = block.filter((l) => l.split('\t').filter((c) => c.trim()).length >= 2).length;
  // (One line with a "|" in it, "浏览量:1 | | |", makes no table of cells between "|".)
  const piped = block.filter((l) => l.includes('|')).length >= 2;
  // A row a line, the label then its figures, all between spaces ("合计 16.4 18.8 -2.4 -13%"): empty cells are gone.
  const spaced = (l: string) => !l.includes('\t') && SPACED_ROW.exec(l.trim());
  // (Lines between tabs beside such rows are another table pasted next to it.)
  const spacedRows = block.filter((l) => spaced(l)).length;
  if (!piped && tabRows >= 2 && spacedRows < 2)
    return block.filter((l) => l.trim()).map((l) => ({ cells: l.split('\t').map((c) => c.trim()), whole: true, keepsEmpty: true }));
  if (!piped && spacedRows >= 2)
    return block
      .filter((l) => l.trim() && !l.includes('|') && !l.includes('\t'))
      .map((l, k, all) => {
        const m = spaced(l);
        const cells = m ? [m[1].trim(), ...m[2].trim().split(/\s+/)] : l.trim().split(/\s+/);
        // A row whose next line starts with a figure or "%" was cut by a wrap ("…-2.4 -5" then "0.00%"): not read.
        const rest = /^\s*[\d.%][\d.,%\s-]*$/;
        const cut = rest.test(all[k + 1] ?? '');
        return { cells: rest.test(l) ? [] : cells, whole: !cut, keepsEmpty: false };
      });
  // Lines of another table pasted in between (cells between tabs) are not this one's.
  const lines = block.filter((l) => l.includes('|') || !l.includes('\t'));
  const pipeRows = lines.filter((l) => l.split('|').filter((c) => c.trim()).length >= 2).length;
  if (pipeRows >= 2) {
    const ended = lines.filter((l) => /\|\s*$/.test(l)).length;
    return lines
      .filter((l) => l.trim())
      .map((l) => {
        const cells = l.split('|').map((c) => nil(c.trim()));
        if (/^\s*\|/.test(l)) cells.shift();
        const whole = /\|\s*$/.test(l) || ended < lines.length / 2;
        if (/\|\s*$/.test(l)) cells.pop();
        return { cells, whole, keepsEmpty: true };
      });
  }
  // A cell a line: "|" separates cells (a bare "|" after a cell's own "|" is an empty cell), or nothing does.
  const joined = lines.join('\n');
  const pipes = joined.includes('|');
  // A cell a paragraph: an empty line after each cell, a cell's words wrapped over lines ("公务\n接待\n费"), an
  // empty cell a line of spaces.
  const paragraphs = !pipes && lines.filter((l) => l === '').length >= Math.max(3, lines.filter((l) => l !== '').length * 0.6);
  if (paragraphs) {
    const cells = joined
      .split(/\n(?:\n)+/)
      .map((c) => (c.trim() ? c.replace(/\s*\n\s*/g, '').trim() : ''))
      .filter((c, k, all) => c || (k > 0 && k < all.length - 1));
    return rowsOfCells(cells, true).map((r) => ({ ...r, paragraphs: true }));
  }
  const cells = pipes ? joined.split('|').map((c) => c.trim()) : lines.map((l) => l.trim()).filter(Boolean);
  if (pipes && cells.length && !cells[cells.length - 1]) cells.pop();
  return rowsOfCells(cells, pipes);
}

/** A cell of dashes or a slash ("-", "—", "/") stands for nothing: an empty cell. */
const nil = (c: string) => (/^[-—–－/／]+$/.test(c.trim()) ? '' : c);

/** Cells in reading order as rows: a label starts a row, the figures (and empty cells) after it are its own. */
function rowsOfCells(cells: string[], keepsEmpty: boolean): RawRow[] {
  const rows: RawRow[] = [];
  for (const c of cells.map(nil)) {
    if (c && !isNumeric(c)) rows.push({ cells: [c], whole: true, keepsEmpty });
    else if (rows.length) rows[rows.length - 1].cells.push(c);
    else rows.push({ cells: [c], whole: true, keepsEmpty });
  }
  return rows;
}

/** The 三公 table of a block of lines, or undefined when the block is none (or cannot be read for certain). */
function readBlock(lines: string[], first: number): TextTable | undefined {
  const raw = rowsOf(lines);
  const dataAt = raw.findIndex((r) => r.cells.some(isNumeric));
  if (dataAt < 0) return undefined;
  const unit = UNITS.find(([re]) => lines.some((l) => re.test(l.replace(/\s/g, ''))));
  const scale = unit?.[1] ?? new Decimal(1);
  // What stands above the unit ("单位:万元") is the table's title ("合肥市科技馆2022三公经费预算"), not its columns.
  const unitAt = raw.slice(0, dataAt).findIndex((r) => r.cells.some((c) => /单位[:：]/.test(c.replace(/\s/g, ''))));
  const header = raw.slice(Math.max(0, unitAt), dataAt);
  // The rows with figures, and an item's row left blank where the empty cells are kept ("1、因公出国(境)费 | |").
  const data = raw
    .slice(dataAt)
    .filter((r) => r.cells.some(isNumeric) || (r.keepsEmpty && r.cells.length > 1 && !!tableItem(r.cells[0]) && r.cells.slice(1).every((c) => !c)));
  // A column of row numbers ("行次", "栏次" in the header; 1, 2, 3 … after each label) is no period: dropped.
  if (header.some((r) => r.cells.some((c) => /^行次$/.test(c.replace(/\s/g, ''))))) {
    for (const r of data) if (/^\d{1,3}$/.test(r.cells[1] ?? '')) r.cells.splice(1, 1);
    for (const r of header) r.cells = r.cells.filter((c) => !/^(行次|栏次)$/.test(c.replace(/\s/g, '')));
  }
  // The 合计 row's label lost with its merged cell (its figures right after the title or the unit, "单位:万元 | 63.30 |
  // 42.00"): the row above the 三公 items, where none is labelled 合计, no less in any column than every item.
  const items = data.map((r) => tableItem(r.cells[0] ?? ''));
  // (Empty cells before its figures are the header's, left blank.)
  const lost = data[0] && (isNumeric(data[0].cells[0]) || isMeta(data[0].cells[0])) ? data[0].cells.slice(isNumeric(data[0].cells[0]) ? 0 : 1) : [];
  while (lost.length && !lost[0]) lost.shift();
  if (
    lost.length &&
    items[1] &&
    !items.includes('total') &&
    data
      .slice(1)
      .every(
        (r, k) =>
          !items[k + 1] ||
          (r.cells.length - 1 === lost.length &&
            r.cells.slice(1).every((c, j) => isNumeric(c) && isNumeric(lost[j]) && fig(c, scale).value.lte(fig(lost[j], scale).value))),
      )
  )
    data[0] = { ...data[0], cells: ['合计', ...lost] };
  const labelled = data.filter((r) => r.cells[0] && !isNumeric(r.cells[0]));
  const itemRows = labelled.filter((r) => tableItem(r.cells[0]) && tableItem(r.cells[0]) !== 'subtotal').length;
  const base = { unit: unit?.[2] ?? '', first, last: first + lines.length - 1 };
  // Rows numbered into a tree, none of them a 三公 item ("(一) 收入总计 …", "1. 财政补助收入 …"): items down all the same.
  const numberedRows = labelled.filter((r) => !tableItem(r.cells[0]) && rankOf(r.cells[0]) !== undefined).length;
  // Every label first, then every figure (a cell a line, items across under periods side by side).
  if (raw.length >= 3 && raw.slice(0, -1).every((r) => r.cells.length === 1) && raw[raw.length - 1].cells.length > 2) {
    const last = raw[raw.length - 1];
    const across = groupsAcross(
      [...raw.slice(0, -1), last].map((r) => r.cells[0]),
      last.cells.slice(1),
      last.keepsEmpty,
      scale,
      base,
    );
    if (across) return across;
  }
  if (itemRows >= 2) return itemsDown(header, data, scale, base);
  return periodsDown(header, data, scale, base) ?? (numberedRows >= 3 || labelled.length >= 3 ? itemsDown(header, data, scale, base) : undefined);
}

type Base = Pick<TextTable, 'unit' | 'first' | 'last'>;

/** Items down the rows, periods across ("合计 | 2378.77 | 2415.44 | 36.67"). */
function itemsDown(header: RawRow[], rows: RawRow[], scale: Decimal, base: Base): TextTable | undefined {
  // The columns: the last header row of several cells, by place (a row a line); or the last header labels, as
  // many as the first item row has values (a cell a line).
  let columns: string[];
  let data = rows;
  const separated = data[0].keepsEmpty && header.some((h) => h.cells.filter(Boolean).length >= 2);
  if (separated) {
    const rowsOfHeader = header.filter((r) => r.cells.filter(Boolean).length >= 2);
    const h = rowsOfHeader[rowsOfHeader.length - 1];
    columns = h.cells.slice(1);
    while (columns.length && !columns[columns.length - 1]) columns.pop();
    // Two header rows, the second under a group of the first ("比上年增、减情况" over "增、减金额 | 增、减幅度"): the
    // group gives way to its own columns, in its place.
    const main = rowsOfHeader[rowsOfHeader.length - 2];
    const width = Math.max(...data.map((r) => r.cells.length - 1));
    // The row labels' column spanning both header rows ("项 目 | 2019年决算数 | 2020年预算调整数 | 2020年执行数" over
    // "金额 | 占调整预算% | 比上年增长%"): every cell of the second row is a column of the last group, 金额 its amount.
    const spanning = !!main && h.cells.filter(Boolean).length < main.cells.filter(Boolean).length && !!h.cells[0] && !tableItem(h.cells[0]);
    // The row labels' column spanning both rows, the second all columns by fund under each period of the first ("项目 |
    // 预算数 | 决算数 | ||||" over "合计 | 一般公共预算 | 政府性基金 | 合计 | 一般公共预算 | 政府性基金"): each period its funds.
    const top0 = main ? main.cells.slice(1).filter(Boolean) : [];
    const all0 = h.cells.filter(Boolean);
    if (main && /^(合计|小计)$/.test((h.cells[0] ?? '').replace(/\s/g, '')) && top0.length >= 2 && all0.length === width && width % top0.length === 0) {
      const span = width / top0.length;
      columns = all0.map((c, k) => `${top0[Math.floor(k / span)]}${c}`);
    } else if (main && spanning) {
      const top = main.cells.slice(1);
      while (top.length && !top[top.length - 1]) top.pop();
      const g = top.length - 1;
      const sub = h.cells.filter(Boolean).map((c) => (/^(金额|数额)$/.test(c.replace(/\s/g, '')) ? top[g] : c));
      if (g >= 0 && g + sub.length === width) columns = [...top.slice(0, g), ...sub];
    } else if (main && periodOf(h.cells[0]) && h.cells[0]) {
      const top = main.cells.slice(1);
      while (top.length && !top[top.length - 1]) top.pop();
      const sub = h.cells.filter(Boolean);
      const g = top
        .map((c, k) => ({ c, k }))
        .filter((x) => x.c && (periodOf(x.c) as Period | undefined)?.kind !== 'amount')
        .pop()?.k;
      if (g !== undefined && top.length - 1 + sub.length <= width) columns = [...top.slice(0, g), ...sub, ...top.slice(g + 1)];
    }
  } else {
    // An empty cell that ends every row is the separator between rows ("167.37 |\n|\n因公出国…"), not a column.
    const ends = (r: RawRow) => r.cells.length > 1 && !r.cells[r.cells.length - 1];
    if (data.length > 1 && !data[0].paragraphs && data.slice(0, -1).every(ends)) data = data.map((r) => (ends(r) ? { ...r, cells: r.cells.slice(0, -1) } : r));
    const named = header.flatMap((r) => r.cells).filter((c) => c && !isMeta(c));
    // A group label over its own columns ("本年预算比上年增减情况" over "增减额 增减幅度") is no column.
    // So is a period over its columns by fund ("2016年预算数" over "小计 | 其中:一般公共预算安排数").
    const labels = named.filter((c, k) => {
      const p = periodOf(c);
      const after = named.slice(k + 1, k + 3).map(periodOf) as (Period | 'text' | undefined)[];
      const two = after.length === 2 && after.every((x) => x && x !== 'text');
      if (p && p !== 'text' && p.kind === 'amount') return !(two && !p.fund && after.every((x) => (x as Period).fund));
      return !(two && after.every((x) => (x as Period).kind !== 'amount'));
    });
    // Empty cells after a row's last figure, more than most rows have, are the page's, not columns ("…34万元 | | | |").
    const counts = data.map((r) => r.cells.length - 1);
    const usual = counts.slice().sort((a, b) => counts.filter((x) => x === b).length - counts.filter((x) => x === a).length)[0];
    const width = Math.max(...data.map((r) => (r.cells.slice(usual + 1).every((c) => !c) ? Math.min(usual, r.cells.length - 1) : r.cells.length - 1)));
    data = data.map((r) =>
      r.keepsEmpty && r.cells.length - 1 > width && r.cells.slice(width + 1).every((c) => !c) ? { ...r, cells: r.cells.slice(0, width + 1) } : r,
    );
    const periodLabels = labels.filter((c) => periodOf(c) && periodOf(c) !== 'text').length;
    // No column named at all (the header's cells lost in the copy), every row as wide and no rate among them: columns
    // of amounts, each held to the items' tree and to nothing else.
    if (!periodLabels && data.every((r) => r.cells.length - 1 === width && r.cells.slice(1).every((c) => isNumeric(c) && !c.includes('%'))))
      columns = Array.from({ length: width }, (_, k) => `第${k + 1}列`);
    // As many period labels as columns: more, and a label cut by a wrap may be among them ("本年预算" of "本年预算比…").
    else if (periodLabels !== width) return undefined;
    else columns = labels.slice(-width);
    // Every column a period (or words): else the labels are not the columns, and nothing is placed.
    if (columns.length < width || columns.some((c) => !periodOf(c))) return undefined;
    data = data.map((r) => (r.cells.length - 1 === width ? r : { ...r, whole: r.keepsEmpty ? false : r.whole }));
  }
  const periods: (Period | 'text' | undefined)[] = columns.map(periodOf);
  const used = periods.map((p, j) => (p && p !== 'text' ? j : -1)).filter((j) => j >= 0);
  if (!used.length) return undefined;
  const table: TextTable = { ...base, items: [], periods: used.map((j) => periods[j] as Period), cells: [], rows: [], others: [] };
  const seen = new Map<Item, number>();
  for (const r of data) {
    const item = tableItem(r.cells[0] ?? '');
    // A row of something else ("行政经费", "机关运行经费"): kept for the checks that need no item (its funds' sum).
    const other = !item && !!r.cells[0] && !isNumeric(r.cells[0]) && !isCount(r.cells[0]);
    if ((!item && !other) || item === 'subtotal') continue;
    const values = r.cells.slice(1);
    const text = r.cells.filter(Boolean).join(' | ');
    let cells: (Fig | undefined)[];
    if (!r.whole) cells = used.map(() => undefined);
    else if (r.keepsEmpty || values.length === columns.length)
      cells = used.map((j) => {
        const kind = (periods[j] as Period).kind;
        if (values[j] && isNumeric(values[j])) return fig(values[j], kind === 'rate' ? new Decimal(1) : scale);
        // An empty cell kept in its place is no amount: 0 (a change or a rate left empty is none: an item new this
        // year has no change to show).
        return values[j] === '' && kind === 'amount' ? { ...fig('0', scale), empty: true } : undefined;
      });
    // Empty cells gone: a row of fewer values than columns is placed only when every value it has is 0.
    else if (values.length && values.every((v) => isNumeric(v) && /^-?0+(\.0+)?$/.test(v))) cells = used.map(() => fig('0', scale));
    // One figure where the first column is the 合计 of the columns by fund after it: the 合计's (any fund's figure
    // is in it too).
    else if (
      values.length === 1 &&
      isNumeric(values[0]) &&
      (periods[used[0]] as Period).fund === '合计' &&
      used.slice(1).every((j) => (periods[j] as Period).fund)
    )
      cells = used.map((j, k) => (k === 0 ? fig(values[0], scale) : undefined));
    else cells = used.map(() => undefined);
    if (!item) {
      table.others!.push({ label: nameOf(r.cells[0]), cells, row: text, rank: rankOf(r.cells[0]) });
      continue;
    }
    if (seen.has(item)) {
      // The same item twice: neither row is trusted.
      table.cells[seen.get(item)!] = used.map(() => undefined);
      continue;
    }
    seen.set(item, table.items.length);
    table.items.push(item);
    table.cells.push(cells);
    table.rows.push(used.map(() => text));
    table.others!.push({ label: nameOf(r.cells[0]), cells, row: text, rank: rankOf(r.cells[0]), item: true });
  }
  if (table.items.length >= 2) {
    table.others = table.others!.filter((o) => !o.item);
    return table;
  }
  // Columns no header names are read only under the 三公 items.
  if (table.periods.some((p) => p.unnamed)) return undefined;
  // A table of other things (one of its rows may be named like a 三公 item: "(二) 支出总计") is kept when its rows are
  // numbered into a tree ("(一) 收入总计", "1. 财政补助收入" …).
  // So is one with a change or rate column that its rows can be held to.
  const rowsWithFigures = table.others!.filter((o) => o.cells.filter(Boolean).length >= 2).length;
  const changes = table.periods.some((p) => p.kind !== 'amount');
  if (table.others!.filter((o) => o.rank !== undefined).length < 3 && !(changes && rowsWithFigures >= 3)) return undefined;
  return { ...table, items: [], cells: [], rows: [], others: table.others!.map(({ item: _, ...o }) => o) };
}

/**
 * The header's item labels as the table's columns: a group label ("公务用车购置及运行费") with its own columns under
 * it (小计 or a second 合计, 购置, 运行) gives way to them, in its place.
 */
function itemColumns(labels: string[]): Item[] | undefined {
  const named = labels.map((l) => ({ l, it: tableItem(l) })).filter((x) => x.it);
  const g = named.findIndex((x) => x.it === 'vehicle');
  let items = named.map((x) => x.it!);
  if (g >= 0) {
    const under = named
      .map((x, k) => ({ ...x, k }))
      .filter(
        (x) =>
          x.k > g &&
          (x.it === 'subtotal' || x.it === 'purchase' || x.it === 'operation' || (x.it === 'total' && named.slice(0, g).some((y) => y.it === 'total'))),
      );
    if (under.length >= 2) {
      const children = under.map((x) => (x.it === 'subtotal' || x.it === 'total' ? 'vehicle' : x.it!));
      const rest = named.map((x, k) => ({ it: x.it!, k })).filter((x) => x.k !== g && !under.some((u) => u.k === x.k));
      items = [...rest.filter((x) => x.k < g).map((x) => x.it), ...children, ...rest.filter((x) => x.k > g).map((x) => x.it)] as Item[];
    }
  }
  if (items.some((x) => x === 'subtotal') || new Set(items).size !== items.length) return undefined;
  return items as Item[];
}

/**
 * Items across under periods side by side, as one row of figures: "2016年预算数 | 2017年预算数", then each period's
 * items ("合计 | 因公出国(境)费 | 公务用车购置及运行费 | 公务接待费", once a period), then the 公务用车 group's own
 * columns ("小计 | 购置费 | 运行费", once a period), then the figures, period after period.
 */
function groupsAcross(labels: string[], values: string[], keepsEmpty: boolean, scale: Decimal, base: Base): TextTable | undefined {
  const named = labels.filter((c) => c && !isMeta(c));
  const periods: Period[] = [];
  let k = 0;
  for (; k < named.length; k++) {
    const p = periodOf(named[k]);
    if (!p || p === 'text' || p.kind !== 'amount' || p.fund || tableItem(named[k])) break;
    periods.push(p);
  }
  const n = periods.length;
  const rest = named.slice(k);
  if (!n || !rest.length || rest.some((c) => !tableItem(c))) return undefined;
  // Each level of the header is the same labels once a period.
  const level = (from: number): number | undefined => {
    for (let w = 1; from + w * n <= rest.length; w++)
      if (Array.from({ length: n }, (_, g) => rest.slice(from + g * w, from + (g + 1) * w).join('|')).every((x, _, all) => x === all[0])) return w;
    return undefined;
  };
  const first = level(0);
  if (!first) return undefined;
  const second = rest.length === first * n ? 0 : level(first * n);
  if (second === undefined || (first + second) * n !== rest.length) return undefined;
  const items = itemColumns([...rest.slice(0, first), ...rest.slice(first * n, first * n + second)]);
  if (!items || items.length < 2 || items.length * n !== values.length || !values.every((v) => !v || isNumeric(v))) return undefined;
  const cell = (v: string) => (v ? fig(v, scale) : keepsEmpty ? fig('0', scale) : undefined);
  return {
    ...base,
    items,
    periods,
    cells: items.map((_, i) => periods.map((_, p) => cell(values[p * items.length + i]))),
    rows: items.map((it, i) => periods.map((p, q) => `${p.label.replace(/\s/g, '')}：${values[q * items.length + i] || '（空）'}`)),
  };
}

/** Periods down the rows, items across ("2015年 | 2840 | 90 | 1400 | 1350 | 73 | 1277"). */
function periodsDown(header: RawRow[], data: RawRow[], scale: Decimal, base: Base): TextTable | undefined {
  const labels = header.flatMap((r) => r.cells).filter((c) => c && !isMeta(c));
  const items = itemColumns(labels);
  if (!items || items.length < 2) return undefined;
  // A row without a label of its own takes the title's period ("…2016年“三公”经费预算", the only row).
  const title = header
    .flatMap((r) => r.cells)
    .map(periodOf)
    .find((p): p is Period => !!p && p !== 'text' && p.kind === 'amount');
  const table: TextTable = { ...base, items, periods: [], cells: items.map(() => []), rows: items.map(() => []) };
  for (const r of data) {
    const labelled = !!r.cells[0] && !isNumeric(r.cells[0]);
    const p = labelled ? periodOf(r.cells[0]) : data.length === 1 ? (title ?? { label: '', kind: 'amount' as const }) : undefined;
    if (!p || p === 'text') continue;
    const values = (labelled ? r.cells.slice(1) : r.cells).filter(Boolean);
    const fits = r.whole && values.length === items.length && values.every(isNumeric);
    table.periods.push(p);
    items.forEach((_, i) => {
      table.cells[i].push(fits ? fig(values[i], p.kind === 'rate' ? new Decimal(1) : scale) : undefined);
      table.rows[i].push(r.cells.filter(Boolean).join(' | '));
    });
  }
  return table.periods.length ? table : undefined;
}

/** The 三公 tables pasted into a text, from its lines (folded as pasted.ts folds them). */
export function readTextTables(lines: string[]): TextTable[] {
  const tables: TextTable[] = [];
  for (let i = 0; i < lines.length;) {
    if (!tableLike(lines[i]) || !lines[i].trim()) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && tableLike(lines[j])) j++;
    const end = j;
    // A caption above, a heading or a short line of prose at either end is the text's, not the table's.
    // (A long line of labels between spaces is a header: "项目 本年年初预算数 上年年初预算数 …".)
    const loose = (l: string) =>
      !l.includes('|') &&
      !l.includes('\t') &&
      !SPACED_ROW.test(l.trim()) &&
      ((l.trim().length >= 20 && l.trim().split(/\s+/).length <= 2) || /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/.test(l));
    while (i < j && (loose(lines[i]) || !lines[i].trim())) i++;
    while (j > i && (loose(lines[j - 1]) || !lines[j - 1].trim())) j--;
    const block = lines.slice(i, j);
    const numbers = block.flatMap((l) => l.split(/[|\t]|\s+/)).filter(isNumeric).length;
    const t = numbers >= 2 ? readBlock(block, i) : undefined;
    if (t) tables.push(t);
    i = end;
  }
  return tables;
}

/**
 * A table by year (a yearbook's "2017—2021年度财政收支情况表"): a row a year, its figures between spaces, tabs or "|";
 * each amount column followed by its rate against the year before ("财政总收入(亿元) | 比上年增长(%)").
 */
export interface YearSeries {
  years: number[];
  /** Per column: an amount, or the rate of the amount column just before it against the row of the year before. */
  kinds: ('amount' | 'rate')[];
  /** The amount columns' names as the header gives them ("财政总收入"), '' where it gives none. */
  names: string[];
  /** cells[row][column]: amounts in 万元 (the header's unit, "(亿元)", read), rates in %. */
  cells: Fig[][];
  /** Each row as pasted (cells joined by " | "), for messages. */
  rows: string[];
  first: number;
  last: number;
}

const FIGURE = String.raw`[-−]?\d[\d,]*(?:\.\d+)?%?`;
const YEAR_ROW = new RegExp(String.raw`^\s*((?:19|20)\d{2})\s*(?:年度?)?((?:[\s|]+${FIGURE})+)[\s|]*$`);
/** A rate column's label in the header ("比上年增长(%)", "增幅%", "增长率"). */
const RATE_LABEL = /(比上年|同比)?(增长|增减|增幅|下降)\s*[(（]?\s*[%％]|增长率|增幅/g;
/** An amount column's label, by the unit in brackets after its name ("财政总收入 (亿元)"). */
const AMOUNT_LABEL = /([\u4e00-\u9fa5]*)\s*[(（]\s*(亿元|万元|元)\s*[)）]/g;

/** The tables by year in a text's lines (folded as pasted.ts folds them). */
export function readYearSeries(lines: string[]): YearSeries[] {
  const out: YearSeries[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!YEAR_ROW.test(lines[i])) continue;
    // The rows: consecutive years, as many figures each, blank lines between them allowed.
    const rows: { at: number; year: number; figs: string[] }[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      if (!lines[j].trim()) continue;
      const m = YEAR_ROW.exec(lines[j]);
      if (!m) break;
      const figs = m[2].trim().split(/[\s|]+/);
      const prev = rows[rows.length - 1];
      if (prev && (Number(m[1]) !== prev.year + 1 || figs.length !== prev.figs.length)) break;
      rows.push({ at: j, year: Number(m[1]), figs });
    }
    const last = rows[rows.length - 1];
    i = last.at;
    if (rows.length < 3) continue;
    // The header: the lines just above, up to a sentence or the table's title.
    const header: string[] = [];
    for (let k = rows[0].at - 1; k >= 0 && header.length < 4; k--) {
      const l = lines[k];
      if (!l.trim()) continue;
      if (/[。；;]/.test(l) || /表\s*$|\d{4}\s*[—–-]+\s*\d{4}/.test(l)) break;
      header.unshift(l);
    }
    const text = header.join(' ');
    const rates = [...text.matchAll(RATE_LABEL)].length;
    const labels = [...text.matchAll(AMOUNT_LABEL)];
    const amounts = labels.map((m) => m[1]);
    const scale = labels.length && labels.every((m) => m[2] === labels[0][2]) ? UNIT_SCALES[labels[0][2]] : undefined;
    const n = rows[0].figs.length;
    // Each amount followed by its rate: as many of each as half the columns.
    if (!rates || rates !== amounts.length || 2 * rates !== n || !scale) continue;
    const kinds = Array.from({ length: n }, (_, k) => (k % 2 ? ('rate' as const) : ('amount' as const)));
    out.push({
      years: rows.map((r) => r.year),
      kinds,
      names: amounts,
      cells: rows.map((r) => r.figs.map((f, k) => fig(f, kinds[k] === 'rate' ? new Decimal(1) : scale))),
      rows: rows.map((r) => [String(r.year), ...r.figs].join(' | ')),
      first: rows[0].at,
      last: last.at,
    });
  }
  return out;
}
