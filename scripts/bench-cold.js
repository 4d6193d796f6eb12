#!/usr/bin/env node
/**
 * Cold start of `budget-check validate` on the bundled sample, next to its floors measured in the same run:
 * a bare `node -e 0`, and a process that only reads the same file (native inflate + the lean reader) without
 * validating. Runs are alternated and the medians compared. Target (issue 17): cold CLI ≤ 2× `node -e 0`.
 * Run after `npm run build`:  node scripts/bench-cold.js [--runs 15]
 */
const { execFileSync } = require('child_process');
const path = require('path');
const { performance } = require('perf_hooks');

const root = path.join(__dirname, '..');
const runs = (() => {
  const i = process.argv.indexOf('--runs');
  return i >= 0 ? Number(process.argv[i + 1]) : 15;
})();
const sample = path.join(root, 'samples', '2021-秦皇岛市工业和信息化局-部门预算公开表.xlsx');
const readOnly = `const z=require(${JSON.stringify(path.join(root, 'dist', 'hosts', 'file', 'zip-node'))});const l=require(${JSON.stringify(path.join(root, 'dist', 'hosts', 'file', 'xlsx-lean'))});const lim=require(${JSON.stringify(path.join(root, 'dist', 'hosts', 'file', 'limits'))});const b=require('fs').readFileSync(${JSON.stringify(sample)});l.readXlsxLean(b,undefined,{parts:z.openZip(b,lim.DEFAULT_LIMITS)});`;
const commands = {
  'node -e 0': ['-e', '0'],
  '只读取同一文件（解压 + 精简读取器）': ['-e', readOnly],
  'budget-check validate 示例': [path.join(root, 'bin', 'budget-check.js'), 'validate', sample],
};
const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (let i = 0; i < runs; i++)
  for (const [name, args] of Object.entries(commands)) {
    const t = performance.now();
    try {
      execFileSync(process.execPath, args, { stdio: 'ignore' });
    } catch (e) {
      if (e.status !== 0 && e.status !== 1) throw e;
    }
    times[name].push(performance.now() - t);
  }
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const floor = median(times['node -e 0']);
const read = median(times['只读取同一文件（解压 + 精简读取器）']);
const cli = median(times['budget-check validate 示例']);
console.log(`冷启动（${runs} 轮交替运行取中位数）：`);
console.log(`  node -e 0：${floor.toFixed(0)} ms（下限）`);
console.log(`  只读取同一文件：${read.toFixed(0)} ms（${(read / floor).toFixed(2)}× node -e 0）`);
console.log(`  budget-check validate 示例：${cli.toFixed(0)} ms（${(cli / floor).toFixed(2)}× node -e 0，目标 ≤ 2×；${(cli / read).toFixed(2)}× 只读取）`);
