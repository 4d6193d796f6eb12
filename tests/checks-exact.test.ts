/**
 * Checks are decided and quoted on exact scaled integers where every amount has one, and on decimal.js otherwise.
 * Both must give what plain decimal arithmetic gives: this compares them with an oracle written here, on random
 * checks over 万元 and 元 tables, 0–4 shown decimals, blanks, "=" and "≥", values with and without whole 分.
 */
import Decimal from 'decimal.js';
import { AmountCell, fmtScaled, grouped, microDecimal, parseAmount, plainAmountCell } from '../src/core/amount';
import { cellText, type Cell } from '../src/core/grid';
import { Check, cellsUnitsDiff, evaluate, rowsUnitsDiff, term, toFinding } from '../src/core/checks';
import type { MappedRow, MappedTable } from '../src/core/model';

let seed = 17;
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return Math.floor((seed / 2147483648) * n); // the high bits: an LCG's low bits repeat with short periods
};

function table(unit: '元' | '万元', decimals: number): MappedTable {
  return {
    schema: 'expenditure',
    unit,
    decimals,
    factor: new Decimal(unit === '元' ? '0.0001' : 1),
    sheet: '支出',
    title: '支出总表',
    range: { top: 0, left: 0, bottom: 40, right: 5 },
    columns: [{ role: 'total', col: 2, header: '合计', label: '合计' }],
  } as unknown as MappedTable;
}

/** A shown amount: digits with `decimals` places, sometimes a value carrying finer digits (not whole 分 in 元). */
function amountText(decimals: number): string {
  const whole = String(rnd(10) === 0 ? rnd(3) : rnd(2_000_000));
  let frac = '';
  for (let i = 0; i < decimals; i++) frac += String(rnd(10));
  if (rnd(12) === 0) frac += '37';
  return `${rnd(8) === 0 ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

function row(r: number, text: string | undefined, decimals: number): MappedRow {
  const micro =
    text === undefined
      ? 0
      : (() => {
          const [i, f = ''] = text.replace('-', '').split('.');
          const m = f.length > 6 ? NaN : Number(i + f.padEnd(6, '0'));
          return text.startsWith('-') ? -m : m;
        })();
  const cell = new AmountCell(r, 2, text === undefined, decimals, micro, text === undefined ? undefined : new Decimal(text));
  return { row: r, kind: 'code', code: String(201 + r), name: `行${r}`, amounts: { total: cell } };
}

/** The oracle: values in 万元, bound = half a unit per shown term, everything in decimal.js. */
function oracle(check: Check) {
  const v = (t: Check['lhs'][number]) => (t.ref && !t.ref.blank ? new Decimal(t.ref.value).times(t.table.factor) : new Decimal(0));
  const half = (t: Check['lhs'][number]) =>
    t.ref && !t.ref.blank ? new Decimal(0.5).times(new Decimal(10).pow(-t.table.decimals)).times(t.table.factor) : new Decimal(0);
  let diff = new Decimal(0);
  let bound = new Decimal(0);
  for (const t of check.lhs) {
    diff = diff.plus(v(t));
    bound = bound.plus(half(t));
  }
  for (const t of check.rhs) {
    diff = diff.minus(v(t));
    bound = bound.plus(half(t));
  }
  const status = check.op === 'gte' ? (diff.gte(bound.negated()) ? 'pass' : 'fail') : diff.isZero() ? 'pass' : diff.abs().lte(bound) ? 'rounding' : 'fail';
  const target = check.lhs[0];
  const dec = target.table.decimals;
  const actual = target.ref ? new Decimal(target.ref.value) : new Decimal(0);
  const expected = v(target).minus(diff).div(target.table.factor);
  const f = (d: Decimal, p = dec) => d.toFixed(p, Decimal.ROUND_HALF_UP);
  return {
    status,
    diff,
    actual: f(actual),
    expected: f(expected),
    difference: f(actual.minus(expected)),
    shortfall: f(expected.minus(actual)),
    bound: f(bound.div(target.table.factor), dec + 1),
  };
}

test('fmtScaled writes what decimal.js toFixed writes, half away from zero', () => {
  const cases: [number, number, number][] = [
    [5, 3, 2],
    [-5, 3, 2],
    [-4, 3, 2],
    [0, 6, 2],
    [1_234_500_000, 6, 0],
    [-2_500_000, 6, 0],
    [9_007_199_254_740_991, 6, 2],
    [-9_007_199_254_740_991, 7, 3],
    [123, 2, 4],
    [-1, 6, 6],
  ];
  for (let i = 0; i < 3000; i++) cases.push([(rnd(2) ? -1 : 1) * rnd(2_000_000_000) * (rnd(3) ? 1 : 4096), rnd(8), rnd(5)]);
  for (const [n, scale, dec] of cases)
    expect([n, scale, dec, fmtScaled(n, scale, dec)]).toEqual([
      n,
      scale,
      dec,
      new Decimal(n).div(new Decimal(10).pow(scale)).toFixed(dec, Decimal.ROUND_HALF_UP),
    ]);
  expect(microDecimal(-4_436_200_000).toString()).toBe('-4436.2');
  expect(microDecimal(7).toString()).toBe('0.000007');
});

test('evaluate and toFinding agree with plain decimal arithmetic on random checks', () => {
  let exactQuoted = 0;
  let decimalQuoted = 0;
  const statuses = new Set<string>();
  for (let i = 0; i < 4000; i++) {
    const t = table(rnd(2) ? '元' : '万元', rnd(5));
    const n = 1 + rnd(5);
    const texts = Array.from({ length: n }, () => (rnd(6) === 0 ? undefined : amountText(t.decimals)));
    const rows = texts.map((x, r) => row(r, x, t.decimals));
    // A total that holds, is off by a rounding residue, or is wrong.
    let sum = new Decimal(0);
    for (const x of texts) if (x !== undefined) sum = sum.plus(x);
    const off = [0, 0, 1, -1, 2, 250][rnd(6)];
    const totalText = sum.plus(new Decimal(off).times(new Decimal(10).pow(-t.decimals))).toFixed(t.decimals);
    const total = row(30, rnd(15) === 0 ? undefined : totalText, t.decimals);
    const check: Check = {
      rule: 'hierarchy.parent',
      op: rnd(4) === 0 ? 'gte' : 'eq',
      lhs: [term(t, total, 'total')],
      rhs: rows.map((r) => term(t, r, 'total')),
      expectation: '其下各款之和',
    };
    const want = oracle(check);
    const res = evaluate(check);
    statuses.add(res.status);
    expect([i, res.status]).toEqual([i, want.status]);
    expect([i, res.diff.toString()]).toEqual([i, want.diff.toString()]);
    const f = toFinding(res);
    if (res.status === 'pass') continue;
    if (Number.isNaN(res.units)) decimalQuoted++;
    else exactQuoted++;
    expect([i, f!.actual, f!.expected, f!.difference]).toEqual([i, want.actual, want.expected, want.difference]);
    // Messages of a 元 table group thousands (issue 37 item 10); the fields above stay plain.
    const g = (x: string) => (t.unit === '元' ? grouped(x) : x);
    if (res.status === 'rounding') expect([i, f!.message]).toEqual([i, expect.stringContaining(`（±${g(want.bound)}）`)]);
    if (check.op === 'gte') expect([i, f!.message]).toEqual([i, expect.stringContaining(`少 ${g(want.shortfall)}`)]);
  }
  // Both paths ran, on every outcome.
  expect([...statuses].sort()).toEqual(['fail', 'pass', 'rounding']);
  expect(exactQuoted).toBeGreaterThan(500);
  expect(decimalQuoted).toBeGreaterThan(100);
});

test('a number cell made directly is the cell parseAmount gives, and the rest are left to parseAmount', () => {
  const formats = [undefined, 'General', '0.00', '#,##0.00', '#,##0', '0.0000', '0.00_ ;[Red]-0.00 ', '@'];
  const values: Cell['value'][] = [
    null,
    0,
    -0,
    1,
    85.2,
    85.19999999999999,
    4436.2,
    -4436.25,
    1e-7,
    1e21,
    123.4567891,
    0.1 + 0.2,
    NaN,
    Infinity,
    '4,436.20',
    '',
    true,
  ];
  for (let i = 0; i < 400; i++) values.push(((rnd(2) ? -1 : 1) * rnd(100_000_000)) / 10 ** rnd(8));
  let direct = 0;
  for (const value of values)
    for (const numFmt of formats)
      for (const formula of [undefined, 'SUM(C5:C9)']) {
        const cell: Cell = { value, numFmt, formula };
        const made = plainAmountCell(3, 4, cell, cellText(cell));
        if (!made) {
          // Left to parseAmount: text, booleans, non-finite, exponent form, rounding to the format, an empty formula.
          expect([
            value,
            numFmt,
            formula,
            typeof value !== 'number' ||
              !/^-?\d+(\.\d{1,6})?$/.test(cellText(cell)) ||
              (value === null && !!formula) ||
              parseAmount(cell).decimals < (cellText(cell).split('.')[1]?.length ?? 0),
          ]).toEqual([value, numFmt, formula, true]);
          continue;
        }
        direct++;
        const p = parseAmount(cell);
        expect([value, numFmt, made.blank, made.decimals, made.micro, made.value.toString()]).toEqual([
          value,
          numFmt,
          p.blank,
          p.decimals,
          p.micro,
          p.value.toString(),
        ]);
      }
  expect(direct).toBeGreaterThan(3000);
});

test('a plain number or a dash typed as text is made directly; any other text is left to parseAmount', () => {
  const direct = ['4436.20', '-12', '.5', '-.5', '+3', '-0', '0.000', '1.234567', '—', '－', '——', '-', '_', '一'];
  const left = ['5.', '1,234.50', '(12.50)', '（12.50）', '12元', '3.5万元', '¥12', '1e5', '1.2345678', '— —', '12 345', '１２', 'abc', '.', '+', '1.2.3'];
  for (const value of [...direct, ...left]) {
    const cell: Cell = { value };
    const made = plainAmountCell(0, 0, cell, cellText(cell));
    expect([value, made !== undefined]).toEqual([value, direct.includes(value)]);
    if (!made) continue;
    const p = parseAmount(cell);
    expect([value, made.blank, made.decimals, made.micro, made.value.toString(), p.invalid]).toEqual([
      value,
      p.blank,
      p.decimals,
      p.micro,
      p.value.toString(),
      undefined,
    ]);
  }
});

test('a sum that passes 2⁵³ on the way is not taken as exact (decided by decimal.js instead)', () => {
  // 9,007,199,254.740991 万元 is 2⁵³ − 1 millionths: x + y leaves the exact range, and rounding it would hide the
  // one millionth by which the two sides differ.
  const t = table('万元', 6);
  const [x, y, z, w] = [row(0, '9007199254.740991', 6), row(1, '0.000002', 6), row(2, '9007199254.740991', 6), row(3, '0.000001', 6)];
  const check: Check = {
    rule: 'hierarchy.parent',
    op: 'eq',
    lhs: [term(t, x, 'total'), term(t, y, 'total')],
    rhs: [term(t, z, 'total'), term(t, w, 'total')],
    expectation: '其下各款之和',
  };
  const res = evaluate(check);
  expect(res.diff.toString()).toBe('0.000001');
  expect(res.status).toBe('rounding');
  expect(Number.isNaN(res.units)).toBe(true);
});

test('the sums that settle checks unbuilt agree with evaluate, and none takes a sum that passes 2⁵³ on the way as exact', () => {
  // The same four cells as above, through every scaled-integer shortcut the rules take before building a check:
  // each must give NaN (so the check is built and decided by decimal.js), never the rounded difference 0.
  const t = table('万元', 6);
  const big = row(0, '9007199254.740991', 6);
  const tiny = row(1, '0.000002', 6);
  const twin = row(2, '9007199254.740991', 6);
  const one = row(3, '0.000001', 6);
  const minus = row(4, '-0.000002', 6);
  // big − (−2 millionths) passes 2⁵³; big − twin − tiny never leaves the exact range and is exact (as evaluate says).
  expect(rowsUnitsDiff(t, 'total', big, [minus])).toBeNaN();
  expect(rowsUnitsDiff(t, 'total', big, [twin, tiny])).toBe(-2);
  expect(evaluate({ rule: 'x', op: 'eq', lhs: [term(t, big, 'total')], rhs: [term(t, twin, 'total'), term(t, tiny, 'total')], expectation: '' }).units).toBe(
    -2,
  );
  expect(
    cellsUnitsDiff(
      [
        [t, big, 'total'],
        [t, tiny, 'total'],
      ],
      [
        [t, twin, 'total'],
        [t, one, 'total'],
      ],
    ),
  ).toBeNaN();
  expect(cellsUnitsDiff([[t, big, 'total']], [[t, undefined, 'total']])).toBe(9007199254740991);
  // Within the exact range they give what evaluate decides on: Σlhs − Σrhs in millionths of a 万元 (NaN alike for a
  // 元 table's cell that is not whole 分).
  for (const unit of ['万元', '元'] as const) {
    const u = table(unit, 2);
    const rows = Array.from({ length: 60 }, (_, i) => row(i, amountText(rnd(3)), 2));
    let nan = 0;
    for (let k = 0; k < 200; k++) {
      const parts = rows.slice(rnd(30), 30 + rnd(30));
      const head = rows[rnd(60)];
      const check: Check = { rule: 'hierarchy.parent', op: 'eq', lhs: [term(u, head, 'total')], rhs: parts.map((p) => term(u, p, 'total')), expectation: '' };
      const units = evaluate(check).units;
      if (Number.isNaN(units)) nan++;
      expect(rowsUnitsDiff(u, 'total', head, parts)).toBe(units);
      expect(
        cellsUnitsDiff(
          [[u, head, 'total']],
          parts.map((p) => [u, p, 'total'] as const),
        ),
      ).toBe(units);
      expect(cellsUnitsDiff([[u, head, 'total']], [[u, parts[0], 'total']])).toBe(evaluate({ ...check, rhs: [term(u, parts[0], 'total')] }).units);
    }
    // Both kinds of sum occur: exact ones, and in the 元 table ones that are not (a cell with finer digits than 分).
    expect(nan).toBeLessThan(200);
    if (unit === '元') expect(nan).toBeGreaterThan(0);
  }
});
