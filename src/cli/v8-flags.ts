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
