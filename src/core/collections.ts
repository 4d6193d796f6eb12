/** The most frequent non-empty value (first seen wins a tie); undefined when there is none. */
export function majority<T>(values: (T | null | undefined)[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== null && v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

/**
 * Stores `value` under `key` in a memo and returns it. A memo past `cap` entries is emptied first: a long batch or a
 * huge sheet of distinct texts never grows it without bound.
 */
export function remember<K, V>(memo: Map<K, V>, key: K, value: V, cap: number): V {
  if (memo.size > cap) memo.clear();
  memo.set(key, value);
  return value;
}
