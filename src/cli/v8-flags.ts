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
 */
export const V8_FLAGS = ['--no-turbo-inlining'];

/**
 * V8's budget before a function is optimized, for checkers that leave no core free: twice Node 20's default
 * (67,584 bytes of bytecode run). V8 compiles optimized code on a background thread; one checker has a spare core
 * for it, but when the checkers take every core each one's compiling waits for, and slows, the others. Fewer and
 * later compiles then win. Measured on this project's 2-core machine over the 1,000 bench workbooks (plain loops,
 * 6 alternated rounds, medians of 2 runs):
 * - two checkers: 2.36–2.40 s against 2.50–2.51 s, CPU of both 4.48–4.58 s against 4.82–4.90 s;
 * - one checker (which keeps V8's default) would take 3.16–3.20 s against 3.11–3.12 s.
 * Three and four times the default gained no more (two checkers 2.38–2.39 s, one 3.23–3.24 s).
 */
const SHARED_CORES_FLAGS = ['--interrupt-budget=135168'];

/** The flags of a batch's checker processes: `jobs` checkers on a machine of `cores` cores. */
export function checkerFlags(jobs: number, cores: number): string[] {
  return jobs >= cores ? [...V8_FLAGS, ...SHARED_CORES_FLAGS] : V8_FLAGS;
}
