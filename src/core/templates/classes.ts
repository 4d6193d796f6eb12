import { FUNCTION_CLASSES } from '../catalogue';

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 21 → 二十一 (enough for the summary tables' 31 class rows). */
export function cnNumber(n: number): string {
  if (n <= 10) return CN[n - 1];
  if (n < 20) return '十' + CN[n - 11];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return CN[tens - 1] + '十' + (ones ? CN[ones - 1] : '');
}

/** The expenditure-side labels of the two summary tables for a budget year. */
export function classLabels(year: number): { code: string; label: string }[] {
  return FUNCTION_CLASSES.filter((c) => !c.since || year >= c.since).map((c, i) => ({
    code: c.code,
    label: `${cnNumber(i + 1)}、${c.name}`,
  }));
}
