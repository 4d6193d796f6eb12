/**
 * V8 flags of the batch's checker processes, passed when they are forked (the `budget-check` command itself runs
 * with Node's defaults). Without inlining, and without expanding the array methods that take a callback, TurboFan
 * compiles the rules' and the detection's large functions in a fraction of the time; with every core busy,
 * optimizing later leaves the cores to checking. The figures that justify them are in docs/performance.md
 * ("checker processes"), measured by `npm run bench` (bench-batch.js prints a batch with and without them).
 */
export const V8_FLAGS = ['--no-turbo-inlining', '--no-turbo-inline-array-builtins'];

/** For checkers that leave no core free: twice Node 20's interrupt budget before a function is optimized. */
const SHARED_CORES_FLAGS = ['--interrupt-budget=135168'];

/** The flags of a batch's checker processes: `jobs` checkers on a machine of `cores` cores. */
export function checkerFlags(jobs: number, cores: number): string[] {
  return jobs >= cores ? [...V8_FLAGS, ...SHARED_CORES_FLAGS] : V8_FLAGS;
}
