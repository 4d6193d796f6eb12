/**
 * A printed figure as the interval it stands for: d decimals stand for ±½ unit of the last one (a printed 0 for
 * exactly 0). One reading for the text's claims (claims.ts) and the cells of the tables pasted in (table-checks.ts).
 */
import Decimal from 'decimal.js';

export interface Printed {
  value: Decimal;
  /** Half the unit of the last printed decimal (0 for a printed 0). */
  half: Decimal;
}

export type Range = [Decimal, Decimal];

/** Each amount unit in 万元, the unit amounts are held in. */
export const UNIT_SCALES: Record<string, Decimal> = { 万元: new Decimal(1), 元: new Decimal('0.0001'), 亿元: new Decimal(10000), 千元: new Decimal('0.1') };

export const lo = (f: Printed) => f.value.minus(f.half);
export const hi = (f: Printed) => f.value.plus(f.half);
/** Whether a figure's interval meets a range. */
export const meets = (f: Printed, [a, b]: Range) => !(lo(f).gt(b) || hi(f).lt(a));
/** The exact sum of the figures as printed. */
export const sumOf = (fs: Printed[]) => fs.reduce((x, f) => x.plus(f.value), new Decimal(0));
/** The lowest and highest values the sum of these printed figures can stand for. */
export const sumRange = (fs: Printed[]): Range => [fs.reduce((x, f) => x.plus(lo(f)), new Decimal(0)), fs.reduce((x, f) => x.plus(hi(f)), new Decimal(0))];
/** Half the unit of a printed number's last decimal, in the unit `scale` turns it into (0 for a printed 0). */
export function halfOf(num: string, scale: Decimal): Decimal {
  if (/^-?0+(\.0+)?$/.test(num)) return new Decimal(0);
  const dec = num.includes('.') ? num.split('.')[1].length : 0;
  return new Decimal(10).pow(-dec).div(2).times(scale);
}
/** What an amount was before a change the way `sign` says (current ∓ change), over the figures' intervals. */
export function priorBefore(cur: Printed, change: Printed, sign: number): Range {
  if (sign === 0) return [lo(cur), hi(cur)];
  return sign > 0 ? [lo(cur).minus(hi(change)), hi(cur).minus(lo(change))] : [lo(cur).plus(lo(change)), hi(cur).plus(hi(change))];
}
/** change ÷ prior × 100 over the intervals, for a prior above 0. */
export const changeRate = (change: Printed, [pLo, pHi]: Range): Range => [lo(change).div(pHi).times(100), hi(change).div(pLo).times(100)];
/** (current − prior) ÷ prior × 100 over the figures' intervals, or undefined when the prior may be 0 or below. */
export function rateRange(cur: Printed, prior: Printed): Range | undefined {
  if (lo(prior).lte(0)) return undefined;
  return [lo(cur).div(hi(prior)).minus(1).times(100), hi(cur).div(lo(prior)).minus(1).times(100)];
}
