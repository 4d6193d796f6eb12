/** Money values: parsing what people type into amount cells, and formatting. All arithmetic in decimal.js. */
import Decimal from 'decimal.js';
import { remember } from './collections';
import type { Cell } from './grid';

export { Decimal };

export const ZERO = new Decimal(0);

export interface ParsedAmount {
  value: Decimal;
  /** True when the cell is empty or shows a dash: an exact zero, no rounding involved. */
  blank: boolean;
  /** Decimals shown for this value (from its number format, else from its text). */
  decimals: number;
  /**
   * A number whose format fixes no decimals (General): shown in full, so its decimals say nothing of rounding (a whole
   * 22118861 is exactly that). Its rounding bound is the table's precision, not its own.
   */
  unformatted?: boolean;
  /** Set when the cell holds text that is not a number. */
  invalid?: string;
  /** The unit written after the number in a text cell ("30000000元", "3.5 万元"). */
  unitWord?: '元' | '万元';
  /**
   * The value × 10⁶ as an exact integer (NaN when it has more than 6 decimals or is too large): lets the checks add
   * exact scaled integers in their hot loop instead of decimal.js objects.
   */
  micro: number;
  /**
   * Set when the cell's number format shows the stored number divided by 10^shift (元 stored, 万元 shown by
   * "0!.0000" or "0!.0,"; thousands by "#,##0.00,"): the value is the amount as shown, and this says by how much.
   */
  shift?: number;
}

/** "−4436.2" → −4436200000, exactly (digits moved, never multiplied as a float); NaN beyond 6 decimals or 2⁵³. */
export function microOf(text: string): number {
  // By hand (this runs once per amount cell): sign, digits, point, at most 6 decimals.
  let i = 0;
  let neg = false;
  if (text[0] === '-' || text[0] === '+') {
    neg = text[0] === '-';
    i = 1;
  }
  let n = 0;
  let frac = -1;
  let digits = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      if (frac >= 0) return NaN;
      frac = 0;
    } else if (c >= 48 && c <= 57) {
      if (frac >= 0 && ++frac > 6) return NaN;
      n = n * 10 + (c - 48);
      digits++;
    } else return NaN;
  }
  if (!digits) return NaN;
  for (let k = frac < 0 ? 0 : frac; k < 6; k++) n *= 10;
  if (!Number.isSafeInteger(n)) return NaN;
  return neg && n !== 0 ? -n : n;
}

const DASHES = /^[-－—–一─_]+$|^——+$/;

/** What a number format does to the amounts it shows: the decimals it fixes (null: none), the power of ten it divides by. */
interface FormatInfo {
  decimals: number | null;
  shift: number;
}

/** One lookup per amount cell. */
const fmtCache = new Map<string, FormatInfo>();

function formatInfo(numFmt: string): FormatInfo {
  let f = fmtCache.get(numFmt);
  if (f === undefined) f = remember(fmtCache, numFmt, parseFormat(numFmt), 10_000);
  return f;
}

function formatDecimals(numFmt: string | undefined): number | undefined {
  if (!numFmt || numFmt === 'General' || numFmt === '@') return undefined;
  return formatInfo(numFmt).decimals ?? undefined;
}

/**
 * The positive section of a number format, read for what it shows: a real decimal point fixes the decimals; a
 * literal point ("0!.0000", "0\.0000", '0"."0000') before digit placeholders shows the stored number with that
 * many digits moved behind it (the number ÷ 10^n on screen); each comma after the last digit placeholder divides
 * by 1,000 ("#,##0.00,," shows millions, "0!.0," 万).
 */
function parseFormat(numFmt: string): FormatInfo {
  const section = numFmt.split(';')[0];
  let realPoint = false;
  let literalPoint = false;
  let moved = 0;
  let placeholders = 0;
  let trailingCommas = 0;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const lit = section.slice(i + 1, end < 0 ? section.length : end);
      if (lit === '.' && placeholders && !realPoint) literalPoint = true;
      i = end < 0 ? section.length : end;
    } else if (ch === '\\' || ch === '!') {
      if (section[i + 1] === '.' && placeholders && !realPoint) literalPoint = true;
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end;
    } else if (ch === '_' || ch === '*') i++;
    else if (ch === '0' || ch === '#' || ch === '?') {
      placeholders++;
      trailingCommas = 0;
      if (!realPoint && literalPoint) moved++;
    } else if (ch === '.') realPoint = true;
    else if (ch === ',' && placeholders) trailingCommas++;
    else if ((ch === 'E' || ch === 'e') && placeholders) return { decimals: formatFixedDecimals(section) ?? null, shift: 0 };
  }
  const shift = moved + 3 * trailingCommas;
  const fixed = formatFixedDecimals(section);
  // Digits moved behind a literal point show as decimals, with any behind a real point after it.
  return { decimals: moved ? moved + (fixed ?? 0) : (fixed ?? null), shift };
}

function formatFixedDecimals(section: string): number | undefined {
  const m = /0\.(0+)/.exec(section) || /#\.(#+)/.exec(section);
  if (m) return m[1].length;
  if (/[0#]/.test(section)) return 0;
  return undefined;
}

function textDecimals(s: string): number {
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** Shortest exact text of a number, without binary float noise (85.19999999999999 → "85.2"). */
export function shortNumberText(v: number): string {
  const s = String(v);
  return s.length <= 15 || /e/i.test(s) ? s : String(Number(v.toPrecision(15)));
}

/**
 * A parsed amount whose decimal.js value is made only when asked for: detection parses every amount cell, and
 * the checks decide almost all of them on the exact scaled integer (`micro`) alone.
 */
class Parsed implements ParsedAmount {
  private d?: Decimal;
  shift?: number;
  constructor(
    /** Canonical decimal text of the value (without its sign), or '' for blank. */
    private readonly text: string,
    private readonly negative: boolean,
    readonly blank: boolean,
    readonly decimals: number,
    readonly micro: number,
    readonly invalid?: string,
    readonly unitWord?: '元' | '万元',
    value?: Decimal,
    readonly unformatted = false,
  ) {
    this.d = value;
  }
  get value(): Decimal {
    if (!this.d) {
      const d = this.text ? new Decimal(this.text) : ZERO;
      this.d = this.negative ? d.negated() : d;
    }
    return this.d;
  }
}

const BLANK = new Parsed('', false, true, 0, 0);
const blankInvalid = (raw: string) => new Parsed('', false, true, 0, 0, raw);

/** Parses a cell into an amount. Numbers are rounded to the decimals their format shows. */
export function parseAmount(cell: Cell | undefined): ParsedAmount {
  if (!cell || cell.value === null || cell.value === undefined) return BLANK;
  const v = cell.value;
  const fmtDec = formatDecimals(cell.numFmt);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return blankInvalid(String(v));
    const shift = cell.numFmt && cell.numFmt !== 'General' && cell.numFmt !== '@' ? formatInfo(cell.numFmt).shift : 0;
    if (shift) {
      // Read as shown: the stored number ÷ 10^shift, rounded to the decimals the format shows.
      let d = new Decimal(shortNumberText(v)).times(new Decimal(10).pow(-shift));
      if (fmtDec !== undefined && d.decimalPlaces() > fmtDec) d = d.toDecimalPlaces(fmtDec, Decimal.ROUND_HALF_UP);
      const p = new Parsed('', false, false, fmtDec ?? Math.min(d.decimalPlaces(), 6), microOf(d.toFixed()), undefined, undefined, d);
      p.shift = shift;
      return p;
    }
    // toPrecision(15) removes binary float noise (85.19999999999999 → 85.2) before Decimal sees it.
    const text = shortNumberText(v);
    if (/e/i.test(text)) {
      // Exponent notation (1e-7, 1e+21): decimal.js reads it; rare enough to do at once.
      let d = new Decimal(text);
      if (fmtDec !== undefined && d.decimalPlaces() > fmtDec) d = d.toDecimalPlaces(fmtDec, Decimal.ROUND_HALF_UP);
      return new Parsed('', false, false, fmtDec ?? Math.min(d.decimalPlaces(), 6), microOf(d.toFixed()), undefined, undefined, d, fmtDec === undefined);
    }
    const places = textDecimals(text);
    if (fmtDec !== undefined) {
      if (places > fmtDec) {
        const d = new Decimal(text).toDecimalPlaces(fmtDec, Decimal.ROUND_HALF_UP);
        return new Parsed('', false, false, fmtDec, microOf(d.toFixed()), undefined, undefined, d);
      }
      return new Parsed(text, false, false, fmtDec, microOf(text));
    }
    return new Parsed(text, false, false, Math.min(places, 6), microOf(text), undefined, undefined, undefined, true);
  }
  if (typeof v === 'boolean') return blankInvalid(String(v));
  const raw = String(v);
  let s = raw.replace(/[\s\u3000\u00a0]/g, '').replace(/[，,]/g, '');
  if (s === '' || DASHES.test(s)) return BLANK;
  let negative = false;
  if (/^\(.*\)$/.test(s) || /^（.*）$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  const unit = /万元$/.test(s) ? '万元' : /元$/.test(s) ? '元' : undefined;
  s = s.replace(/^[¥￥]/, '').replace(/万?元$/, '');
  if (/^[+-]?\d+(\.\d+)?$/.test(s) || /^[+-]?\.\d+$/.test(s)) {
    const micro = microOf(s);
    return new Parsed(s, negative, false, textDecimals(s), negative ? -micro : micro, undefined, unit);
  }
  return blankInvalid(raw);
}

/**
 * The model's cell for a number, an empty cell, or a plain number or dash typed as text, made directly (detection's
 * body rows are almost all such cells); undefined where `parseAmount` must decide: other text, booleans, formulas
 * without a result, exponent form, more decimals than the format shows, beyond millionths. Gives what
 * `new AmountCell(…, parseAmount(cell))` gives. `shown` is grid.cellText of the cell.
 */
export function plainAmountCell(row: number, col: number, cell: Cell | undefined, shown: string): AmountCell | undefined {
  // An empty formula cell (no cached result) is for the caller to record.
  if (!cell || ((cell.value === null || cell.value === undefined) && !cell.formula)) return new AmountCell(row, col, true, 0, 0);
  if (typeof cell.value === 'string') return plainTextAmountCell(row, col, shown);
  if (typeof cell.value !== 'number' || shown === '') return undefined;
  const micro = microOf(shown); // NaN for exponent form, NaN, Infinity and more than 6 decimals
  if (Number.isNaN(micro)) return undefined;
  // textDecimals and formatDecimals' first test written out (once per amount cell; no inlining in the checkers).
  const point = shown.indexOf('.');
  const places = point < 0 ? 0 : shown.length - point - 1;
  const numFmt = cell.numFmt;
  // No format that fixes decimals: shown in full (as parseAmount reads it, unformatted).
  if (!numFmt || numFmt === 'General' || numFmt === '@') return new AmountCell(row, col, false, places, micro, undefined, true);
  const fmt = formatInfo(numFmt);
  // A format that moves the point (元 shown as 万元) is parseAmount's: the amount is read as shown.
  if (fmt.shift) return undefined;
  const fmtDec = fmt.decimals ?? undefined;
  if (fmtDec !== undefined && places > fmtDec) return undefined;
  return new AmountCell(row, col, false, fmtDec ?? places, micro, undefined, fmtDec === undefined);
}

/**
 * A text cell that is a plain number ("4436.20", "-12", ".5") or only a dash ("—"): numbers stored as text, and
 * the dashes of empty amounts. Anything else (spaces, thousands separators, brackets, ¥, 元) is parseAmount's.
 */
function plainTextAmountCell(row: number, col: number, shown: string): AmountCell | undefined {
  if (shown === '') return undefined;
  const last = shown.charCodeAt(shown.length - 1);
  if (last >= 48 && last <= 57) {
    const micro = microOf(shown); // digits with at most one point and six decimals, an optional sign
    return Number.isNaN(micro) ? undefined : new AmountCell(row, col, false, textDecimals(shown), micro);
  }
  return DASHES.test(shown) ? new AmountCell(row, col, true, 0, 0) : undefined;
}

/** The decimal.js value of an exact number of millionths: its text, digits moved (parsing costs less than dividing). */
export function microDecimal(micro: number): Decimal {
  return new Decimal(scaledFixed(Math.abs(micro), 6, 6, micro < 0));
}

/**
 * `fmt` for an exact scaled integer (n ÷ 10^scale): the same text decimal.js gives, half away from zero, "-" on
 * any negative value (also one that rounds to 0) — without making a decimal.js object.
 */
export function fmtScaled(n: number, scale: number, decimals = 2): string {
  if (decimals >= scale) return scaledFixed(Math.abs(n), scale, decimals, n < 0);
  const p = 10 ** (scale - decimals);
  const a = Math.abs(n);
  let q = Math.floor(a / p);
  let r = a - q * p;
  if (r < 0) {
    q -= 1;
    r += p;
  } else if (r >= p) {
    q += 1;
    r -= p;
  }
  if (2 * r >= p) q += 1;
  return scaledFixed(q, decimals, decimals, n < 0);
}

/** q ÷ 10^scale written with exactly `decimals` places (decimals ≥ scale). */
function scaledFixed(q: number, scale: number, decimals: number, negative: boolean): string {
  const digits = String(q).padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale) + '0'.repeat(decimals - scale);
  return `${negative ? '-' : ''}${int}${decimals ? `.${frac}` : ''}`;
}

/**
 * One amount cell of a mapped table (model.AmountRef). Its decimal.js value is made from the exact scaled integer
 * only when something asks for it (a message, a figure, a check that does not hold exactly); a value that has no
 * exact scaled integer is kept as given.
 */
export class AmountCell {
  private v?: Decimal;
  constructor(
    readonly row: number,
    readonly col: number,
    public blank: boolean,
    public decimals: number,
    public micro: number,
    value?: Decimal,
    /** A number whose format fixes no decimals (see ParsedAmount.unformatted). */
    public unformatted = false,
  ) {
    this.v = blank ? ZERO : Number.isFinite(micro) ? undefined : value;
  }
  get value(): Decimal {
    return (this.v ??= microDecimal(this.micro));
  }
  set value(d: Decimal) {
    this.v = d;
  }
}

/** Whether an amount is zero (or blank), from its scaled integer when it has one (no decimal.js object made). */
export function isZeroAmount(a: { blank: boolean; micro: number; value: Decimal }): boolean {
  return a.blank || (Number.isFinite(a.micro) ? a.micro === 0 : a.value.isZero());
}

/** A formatted amount with thousands separators ("-503724" → "-503,724", "12121164.50" → "12,121,164.50"): for messages. */
export function grouped(text: string): string {
  return text.replace(/^([-+]?)(\d+)/, (_, sign: string, int: string) => sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
}

/** Formats an amount with a fixed number of decimals, half-up. */
export function fmt(d: Decimal, decimals = 2): string {
  return d.toFixed(decimals, Decimal.ROUND_HALF_UP);
}
