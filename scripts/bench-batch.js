#!/usr/bin/env node
/**
 * Batch benchmark: generates N realistic department workbooks from the seed tables (varied layouts,
 * department names, about 1 in 10 with one wrong cell), then validates them end to end (read .xlsx +
 * detect + rules + suspects) with 1 and 2 checker processes. Prints files per second next to the floor measured
 * in the same run — a read-only loop over the same files in one process — and the gain from 1 to 2 checkers.
 * Targets (issue 17): batch ≤ 2× the read-only loop; ≥ 1.6× from 1 to 2 checkers — printed next to this machine's
 * own ceiling for that gain: the same check in plain loops, one process over all files against two over half each.
 * For reference it also reads the files in a new process like a checker's (its flags, start-up and warm-up).
 * Run after `npm run build`:  node scripts/bench-batch.js [--files 1000]
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { performance } = require('perf_hooks');
const { execFile } = require('child_process');
const dist = path.join(__dirname, '..', 'dist');
const { seed004Blocks, SEED004_META } = require(path.join(dist, 'samples', 'seed004'));
const { seed001Blocks, SEED001_META } = require(path.join(dist, 'samples', 'seed001'));
const { layoutWorkbook, locate, setValue } = require(path.join(dist, 'samples', 'layout'));
const { LAYOUTS } = require(path.join(dist, 'samples', 'variants'));
const { writeXlsxBuffer } = require(path.join(dist, 'hosts', 'file', 'xlsx'));
const { runBatch } = require(path.join(dist, 'batch', 'pool'));
const { V8_FLAGS } = require(path.join(dist, 'cli', 'v8-flags'));

const args = process.argv.slice(2);
const N = (() => {
  const i = args.indexOf('--files');
  return i >= 0 ? Number(args[i + 1]) : 1000;
})();

const COUNTIES = ['迁安市', '遵化市', '香河县', '山海关区', '海港区', '昌黎县', '卢龙县', '青龙满族自治县', '抚宁区', '北戴河区'];
const BUREAUS = ['工业和信息化局', '科学技术局', '财政局', '教育局', '卫生健康局', '民政局', '自然资源局', '住房和城乡建设局', '交通运输局', '农业农村局'];

let seed = 7;
const rnd = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};

async function generate(dir) {
  const layouts = Object.values(LAYOUTS);
  let injected = 0;
  for (let i = 0; i < N; i++) {
    const use001 = i % 2 === 1;
    const dept = `${COUNTIES[i % COUNTIES.length]}${BUREAUS[Math.floor(i / COUNTIES.length) % BUREAUS.length]}`;
    const make = () => {
      const blocks = use001 ? seed001Blocks() : seed004Blocks({ splitGeneral: i % 3 !== 0 });
      const from = use001 ? SEED001_META.department : SEED004_META.department;
      for (const b of blocks) b.meta = b.meta.map((line) => line.map((t) => t.replace(from, `[${100 + i}]${dept}`)));
      return blocks;
    };
    let layout = layouts[i % layouts.length];
    if (use001 && layout.unit === '元') layout = LAYOUTS['每表一个工作表'];
    const blocks = make();
    const l = layoutWorkbook(blocks, layout);
    if (rnd(10) === 0) {
      const b = blocks[rnd(blocks.length)];
      const candidates = [];
      b.rows.forEach((row, r) => b.amountCols.forEach((c) => row[c] && candidates.push([r, c])));
      if (candidates.length) {
        const [r, c] = candidates[rnd(candidates.length)];
        setValue(l, locate(l, b.id, r, c), Number(b.rows[r][c]) + 10);
        injected++;
      }
    }
    fs.writeFileSync(path.join(dir, `${String(i).padStart(4, '0')}-${dept}.xlsx`), await writeXlsxBuffer(l.workbook));
  }
  return injected;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-batch-'));
  const t0 = performance.now();
  const injected = await generate(dir);
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
  console.log(`批量基准：生成 ${files.length} 个工作簿（种子 004/001，12 种版式，${injected} 个含一个错误单元格），用时 ${((performance.now() - t0) / 1000).toFixed(1)} 秒`);
  // The floor: the same files only read (native inflate + lean reader), one after another in this process.
  const { readXlsxBuffer } = require(path.join(dist, 'hosts', 'file', 'xlsx'));
  const tr = performance.now();
  for (const f of files) await readXlsxBuffer(fs.readFileSync(f));
  const readSec = (performance.now() - tr) / 1000;
  console.log(`  下限：同一批文件只读取（单进程循环）${readSec.toFixed(1)} 秒，${(files.length / readSec).toFixed(1)} 个/秒`);
  // The ceiling for more checkers on this machine: the same check in plain loops (no pool, no messages; the
  // checkers' V8 flags), one process over all the files against two processes over half each, at the same time.
  const listFile = path.join(dir, '..', `${path.basename(dir)}-list.json`);
  const loop = (part, of, readOnly = false) => new Promise((resolve, reject) => {
    const code = readOnly
      ? `const {readXlsxFile:go}=require(${JSON.stringify(path.join(dist, 'hosts', 'file', 'xlsx'))});`
      : `const {checkFile:go}=require(${JSON.stringify(path.join(dist, 'batch', 'check-file'))});`;
    const run = `(async()=>{const fs=JSON.parse(require('fs').readFileSync(${JSON.stringify(listFile)},'utf8'));` +
      `for(let i=${part};i<fs.length;i+=${of})await go(fs[i]);})();`;
    execFile(process.execPath, [...V8_FLAGS, '-e', code + run], (e) => (e ? reject(e) : resolve()));
  });
  fs.writeFileSync(listFile, JSON.stringify(files));
  // For comparison, not the target's floor: the read-only loop in a new process like a checker's (its V8 flags,
  // its start-up and warm-up), which shows how much of the gap is the checker being a fresh process.
  let t = performance.now();
  await loop(0, 1, true);
  const freshReadSec = (performance.now() - t) / 1000;
  console.log(`  参考：同一批文件只读取，在新进程中（校验进程的 V8 选项，含启动）${freshReadSec.toFixed(1)} 秒`);
  t = performance.now();
  await loop(0, 1);
  const oneLoop = (performance.now() - t) / 1000;
  t = performance.now();
  await Promise.all([loop(0, 2), loop(1, 2)]);
  const twoLoops = (performance.now() - t) / 1000;
  fs.rmSync(listFile);
  console.log(`  机器上限：不用进程池，1 个进程循环校验全部文件 ${oneLoop.toFixed(1)} 秒，2 个进程同时各校验一半 ${twoLoops.toFixed(1)} 秒：快 ${(oneLoop / twoLoops).toFixed(2)}×（本机 2 个核能给的上限）`);
  const secs = {};
  for (const jobs of [1, 2]) {
    const t = performance.now();
    const results = await runBatch(files, { jobs });
    const sec = (performance.now() - t) / 1000;
    secs[jobs] = sec;
    const withErrors = results.filter((r) => r.counts.error > 0).length;
    const unreadable = results.filter((r) => r.status !== 'ok').length;
    const ms = results.map((r) => r.ms).sort((a, b) => a - b);
    console.log(`  ${jobs} 个校验进程：${sec.toFixed(1)} 秒，${(files.length / sec).toFixed(1)} 个/秒（每核 ${(files.length / sec / jobs).toFixed(1)} 个/秒；每个文件中位数 ${ms[Math.floor(ms.length / 2)]} ms）；有错误 ${withErrors} 个，无法校验 ${unreadable} 个` + (jobs === 1 ? `；为只读取下限的 ${(sec / readSec).toFixed(2)}×（目标 ≤ 2×；为新进程只读取的 ${(sec / freshReadSec).toFixed(2)}×）` : ''));
  }
  console.log(`  1 → 2 个校验进程：快 ${(secs[1] / secs[2]).toFixed(2)}×（目标 ≥ 1.6×；同一次运行中本机上限 ${(oneLoop / twoLoops).toFixed(2)}×）`);
  fs.rmSync(dir, { recursive: true, force: true });
}

main();
