/**
 * Evaluates the formulas templates write (not a general spreadsheet engine): + − × ÷, comparison, &,
 * SUM, SUMPRODUCT, SUMIF, LEN, LEFT, references and ranges on the same or another sheet ('表名'!$B$8:$B$40).
 * Numbers are decimal.js. Used to give generated workbooks their cached results and to test templates.
 */
import Decimal from 'decimal.js';
import { Cell, parseA1, Workbook } from '../grid';

type Scalar = Decimal | string | boolean | null;
type Value = Scalar | Scalar[];

const ZERO = new Decimal(0);
/** #N/A (VLOOKUP found nothing); IFERROR catches it. */
const ERROR = '#N/A';

function num(v: Scalar): Decimal {
  if (v instanceof Decimal) return v;
  if (typeof v === 'boolean') return v ? new Decimal(1) : ZERO;
  if (v === null || v === '') return ZERO;
  const d = Number(v);
  return Number.isFinite(d) ? new Decimal(v) : ZERO;
}

function str(v: Scalar): string {
  if (v instanceof Decimal) return v.toString();
  if (v === null) return '';
  return String(v);
}

function lift(a: Value, b: Value, f: (x: Scalar, y: Scalar) => Scalar): Value {
  if (Array.isArray(a) || Array.isArray(b)) {
    const n = Array.isArray(a) ? a.length : (b as Scalar[]).length;
    return Array.from({ length: n }, (_, i) => f(Array.isArray(a) ? a[i] : a, Array.isArray(b) ? b[i] : b));
  }
  return f(a, b);
}

const map = (a: Value, f: (x: Scalar) => Scalar): Value => (Array.isArray(a) ? a.map(f) : f(a));

export class FormulaEvaluator {
  private cache = new Map<string, Scalar>();
  private stack = new Set<string>();
  constructor(private readonly wb: Workbook) {}

  private cell(sheet: string, row: number, col: number): Scalar {
    const key = `${sheet}!${row},${col}`;
    if (this.cache.has(key)) return this.cache.get(key)!;
    const s = this.wb.sheets.find((x) => x.name === sheet);
    if (!s) throw new Error(`公式引用了不存在的工作表“${sheet}”`);
    const c: Cell | undefined = s.rows[row]?.[col];
    let v: Scalar;
    if (c?.formula) {
      if (this.stack.has(key)) throw new Error(`循环引用：${key}`);
      this.stack.add(key);
      const r = this.evaluate(c.formula, sheet);
      this.stack.delete(key);
      v = Array.isArray(r) ? r[0] : r;
    } else if (c === undefined || c.value === null) v = null;
    else v = typeof c.value === 'number' ? new Decimal(c.value) : c.value;
    this.cache.set(key, v);
    return v;
  }

  evaluate(formula: string, sheet: string): Value {
    const p = new Parser(formula.replace(/^=/, ''), sheet, this);
    const v = p.expr();
    p.end();
    return v;
  }

  /** Values of a rectangle, row by row. */
  range(sheet: string, a: string, b: string): Scalar[] {
    const p = parseA1(a.replace(/\$/g, ''));
    const q = parseA1(b.replace(/\$/g, ''));
    const out: Scalar[] = [];
    for (let r = Math.min(p.row, q.row); r <= Math.max(p.row, q.row); r++)
      for (let c = Math.min(p.col, q.col); c <= Math.max(p.col, q.col); c++) out.push(this.cell(sheet, r, c));
    return out;
  }

  /** The value of one cell, its formula evaluated (throws on a formula this evaluator does not read). */
  valueAt(sheet: string, row: number, col: number): Scalar {
    return this.cell(sheet, row, col);
  }

  /** Evaluates every formula cell and stores its result as the cell's cached value (numbers, 2 decimals kept exact). */
  evaluateAll(): void {
    for (const s of this.wb.sheets)
      s.rows.forEach((row, r) =>
        row?.forEach((c, col) => {
          if (!c?.formula) return;
          const v = this.cell(s.name, r, col);
          c.value = v instanceof Decimal ? v.toNumber() : typeof v === 'boolean' ? v : v === null ? 0 : v;
        }),
      );
  }
}

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly sheet: string,
    private readonly ev: FormulaEvaluator,
  ) {}

  private ws() {
    while (this.src[this.i] === ' ') this.i++;
  }
  private peek(s: string): boolean {
    this.ws();
    return this.src.startsWith(s, this.i);
  }
  private eat(s: string) {
    if (!this.peek(s)) throw new Error(`公式“${this.src}”第 ${this.i + 1} 个字符处应为“${s}”`);
    this.i += s.length;
  }
  end() {
    this.ws();
    if (this.i < this.src.length) throw new Error(`无法解析公式“${this.src}”`);
  }

  expr(): Value {
    let a = this.concat();
    while (this.peek('=') || this.peek('<>')) {
      const ne = this.peek('<>');
      this.i += ne ? 2 : 1;
      const b = this.concat();
      a = lift(a, b, (x, y) => {
        const eq =
          x instanceof Decimal || y instanceof Decimal
            ? typeof x === 'string' || typeof y === 'string'
              ? str(x) === str(y)
              : num(x).eq(num(y))
            : str(x) === str(y);
        return ne ? !eq : eq;
      });
    }
    return a;
  }
  private concat(): Value {
    let a = this.add();
    while (this.peek('&')) {
      this.i++;
      const b = this.add();
      a = lift(a, b, (x, y) => str(x) + str(y));
    }
    return a;
  }
  private add(): Value {
    let a = this.mul();
    while (this.peek('+') || this.peek('-')) {
      const op = this.src[this.i++];
      const b = this.mul();
      a = lift(a, b, (x, y) => (op === '+' ? num(x).plus(num(y)) : num(x).minus(num(y))));
    }
    return a;
  }
  private mul(): Value {
    let a = this.unary();
    while (this.peek('*') || this.peek('/')) {
      const op = this.src[this.i++];
      const b = this.unary();
      a = lift(a, b, (x, y) => (op === '*' ? num(x).times(num(y)) : num(x).div(num(y))));
    }
    return a;
  }
  private unary(): Value {
    if (this.peek('-')) {
      this.i++;
      return map(this.unary(), (x) => num(x).negated());
    }
    return this.primary();
  }
  private primary(): Value {
    this.ws();
    const rest = this.src.slice(this.i);
    if (rest.startsWith('(')) {
      this.i++;
      const v = this.expr();
      this.eat(')');
      return v;
    }
    let m = /^"((?:[^"]|"")*)"/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return m[1].replace(/""/g, '"');
    }
    m = /^\d+(\.\d+)?/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return new Decimal(m[0]);
    }
    m = /^(TRUE|FALSE)(?![A-Z0-9(!])/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return m[1] === 'TRUE';
    }
    m = /^([A-Z]+)\(/.exec(rest);
    if (m) {
      this.i += m[0].length;
      const args: Value[] = [];
      if (!this.peek(')'))
        do args.push(this.expr());
        while (this.peek(',') && ++this.i);
      this.eat(')');
      return call(m[1], args);
    }
    m = /^(?:'((?:[^']|'')+)'|([^\s'!():,+\-*/=&"]+))!/.exec(rest);
    let sheet = this.sheet;
    if (m) {
      sheet = (m[1] ?? m[2]).replace(/''/g, "'");
      this.i += m[0].length;
    }
    const r = /^(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?/.exec(this.src.slice(this.i));
    if (!r) throw new Error(`无法解析公式“${this.src}”`);
    this.i += r[0].length;
    if (r[2]) return this.ev.range(sheet, r[1], r[2]);
    return this.ev.range(sheet, r[1], r[1])[0];
  }
}

function flat(args: Value[]): Scalar[] {
  return args.flatMap((a) => (Array.isArray(a) ? a : [a]));
}

function call(name: string, args: Value[]): Value {
  switch (name) {
    case 'IF':
      return (Array.isArray(args[0]) ? args[0][0] : args[0]) ? args[1] : (args[2] ?? false);
    case 'IFERROR':
      return args[0] === ERROR ? args[1] : args[0];
    case 'VLOOKUP': {
      // Exact match over a two-column table read row by row: [key, value, key, value, …].
      const [key, table, col] = args as [Scalar, Scalar[], Scalar];
      const width = 2;
      const k = str(key);
      for (let i = 0; i + width - 1 < table.length; i += width) if (str(table[i]) === k) return table[i + num(col).toNumber() - 1];
      return ERROR;
    }
    case 'SUM':
      return flat(args).reduce<Decimal>((s, x) => (x instanceof Decimal ? s.plus(x) : s), ZERO);
    case 'SUMPRODUCT': {
      const [first, ...more] = args;
      let prod: Value = first;
      for (const m of more) prod = lift(prod, m, (x, y) => num(x).times(num(y)));
      return flat([prod]).reduce<Decimal>((s, x) => s.plus(num(x)), ZERO);
    }
    case 'SUMIF': {
      const [range, crit, sumRange] = args as [Scalar[], Scalar, Scalar[]];
      const c = str(crit);
      return range.reduce<Decimal>((s, x, i) => (str(x) === c ? s.plus(num((sumRange ?? range)[i])) : s), ZERO);
    }
    case 'LEN':
      return map(args[0], (x) => new Decimal(str(x).length));
    case 'LEFT': {
      const n = num(args[1] as Scalar).toNumber();
      return map(args[0], (x) => str(x).slice(0, n));
    }
    default:
      throw new Error(`模板公式不支持函数 ${name}`);
  }
}
