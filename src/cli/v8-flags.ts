/**
 * V8 flags of every Node process that checks workbooks: the `budget-check` command (set by bin/budget-check.js
 * before any checking code is compiled) and the batch's checker processes (passed when they are forked).
 *
 * Without inlining, TurboFan compiles the rules' and the detection's large functions in a fraction of the time:
 * with it, single rule functions took 50–140 ms and a checker's first 400 workbooks 2.7 s of compiling, on
 * background threads that a second checker needs. Measured on this project's 2-core machine:
 * - two checkers side by side over 400 small workbooks: 2.8–3.0 s against 3.6–3.8 s, CPU per checker 17 % lower;
 * - one cold `validate` of the provincial-size workbook: 319–340 ms against 378–406 ms after the same read;
 * - a checker that is already warm loses about 8 %, which a batch of thousands would have to reach before it counted.
 *
 * Nor are the array methods that take a callback (some, every, map, filter, find …) expanded into loops in the
 * optimized code: the rules call them in almost every function, and each expansion added a loop to compile. The
 * checker's compiling over the 1,000 bench workbooks fell from 1,147–1,174 ms to 960 ms (V8's --trace-opt), and,
 * measured on the 2-core machine (plain loops, 5–6 alternated rounds, medians of 2 runs):
 * - two checkers side by side: 2.44–2.58 s against 2.53–2.70 s, CPU of both 4.4–4.6 % lower;
 * - one checker: 3.17–3.36 s against 3.20–3.36 s; warm (4th pass over the same files) no different (2.59–2.73 s
 *   against 2.61–2.89 s); a cold `validate` of the provincial-size workbook no different (median 219 ms against 220 ms).
 */
export const V8_FLAGS = ['--no-turbo-inlining', '--no-turbo-inline-array-builtins'];

/**
 * V8's budget before a function is optimized, for checkers that leave no core free: twice Node 20's default
 * (67,584 bytes of bytecode run). V8 compiles optimized code on a background thread; one checker has a spare core
 * for it, but when the checkers take every core each one's compiling waits for, and slows, the others. Fewer and
 * later compiles then win. Measured on this project's 2-core machine over the 1,000 bench workbooks (plain loops,
 * 5–6 alternated rounds, medians):
 * - two checkers: 2.36–2.40 s against 2.50–2.51 s (2 runs), CPU of both 4.48–4.58 s against 4.82–4.90 s; with the
 *   array methods also not expanded (V8_FLAGS), 2.35–2.52 s against 2.44–2.58 s (2 runs);
 * - one checker (which keeps V8's default) would take 3.16–3.20 s against 3.11–3.12 s.
 * Three and four times the default gained no more (two checkers 2.38–2.39 s, one 3.23–3.24 s).
 */
const SHARED_CORES_FLAGS = ['--interrupt-budget=135168'];

/** The flags of a batch's checker processes: `jobs` checkers on a machine of `cores` cores. */
export function checkerFlags(jobs: number, cores: number): string[] {
  return jobs >= cores ? [...V8_FLAGS, ...SHARED_CORES_FLAGS] : V8_FLAGS;
}
