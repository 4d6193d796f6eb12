#!/usr/bin/env node
/**
 * Batch benchmark: generates N realistic department workbooks from the seed tables (varied layouts,
 * department names, about 1 in 6 with one wrong cell), then validates them end to end (read .xlsx +
 * detect + rules + suspects) with 1 and 2 checker processes, for the first 1,000 files and for all N (4,000 unless
 * --files says otherwise): a checker's start-up and warm-up (V8 compiling the code, on a background thread) is a
 * fixed cost per checker, so the figures depend on the batch's size. Prints files per second next to the floor
 * measured in the same run — a read-only loop over the same files in this process — and the gain from 1 to 2
 * checkers, in alternated rounds (3 unless --rounds says otherwise) with each ratio's median. Targets (issue 17):
 * batch ≤ 2× the read-only loop; ≥ 1.6× from 1 to 2 checkers.
 * To explain the gain, it also measures the CPU time of the same check in plain loops (one process over 1,000
 * files, two over half each) and the machine's own gain for a pure computation in two processes.
 * Run after `npm run build`:  node scripts/bench-batch.js [--files 4000] [--rounds 3]
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
const { checkerFlags } = require(path.join(dist, 'cli', 'v8-flags'));
const CORES = os.cpus().length;

const args = process.argv.slice(2);
const N = (() => {
  const i = args.indexOf('--files');
  return i >= 0 ? Number(args[i + 1]) : 4000;
})();
const FIRST = Math.min(1000, N);
/** Alternated rounds of the batch figures (medians printed): --rounds R, 3 unless said. */
const ROUNDS = (() => {
  const i = args.indexOf('--rounds');
  return i >= 0 ? Math.max(1, Number(args[i + 1])) : 3;
})();
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

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

/**
 * A child process running `code` with the V8 flags of `jobs` checkers (the pool's); resolves with what the code
 * printed, else its CPU seconds (user + system).
 */
function child(code, jobs = 1, flags = checkerFlags(jobs, CORES)) {
  return new Promise((resolve, reject) => {
    const report = `process.on('exit',()=>{const u=process.resourceUsage();if(!globalThis.printed)process.stdout.write(String((u.userCPUTime+u.systemCPUTime)/1e6));});`;
    execFile(process.execPath, [...flags, '-e', report + code], (e, out) => (e ? reject(e) : resolve(Number(out))));
  });
}

/**
 * `go` (checkFile or readXlsxFile) over every `of`-th file of the list from `part`, in a new process with the flags
 * of `jobs` checkers. With `passes` > 1, the same files again and again: it prints the last pass's seconds.
 */
function loop(listFile, part, of, { readOnly = false, jobs = 1, passes = 1, flags = undefined } = {}) {
  const code = readOnly
    ? `const {readXlsxFile:go}=require(${JSON.stringify(path.join(dist, 'hosts', 'file', 'xlsx'))});`
    : `const {checkFile:go}=require(${JSON.stringify(path.join(dist, 'batch', 'check-file'))});`;
  return child(
    code +
      `(async()=>{const fs=JSON.parse(require('fs').readFileSync(${JSON.stringify(listFile)},'utf8'));let t=0;` +
      `for(let p=0;p<${passes};p++){t=performance.now();for(let i=${part};i<fs.length;i+=${of})await go(fs[i]);}` +
      `if(${passes}>1)globalThis.printed=process.stdout.write(String((performance.now()-t)/1000));})();`,
    jobs,
    flags,
  );
}

async function timed(f) {
  const t = performance.now();
  const value = await f();
  return { sec: (performance.now() - t) / 1000, value };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-batch-'));
  const t0 = performance.now();
  const injected = await generate(dir);
  const all = fs
    .readdirSync(dir)
    .sort()
    .map((f) => path.join(dir, f));
  console.log(
    `批量基准：生成 ${all.length} 个工作簿（种子 004/001，12 种版式，${injected} 个含一个错误单元格），用时 ${((performance.now() - t0) / 1000).toFixed(1)} 秒`,
  );
  const { readXlsxBuffer } = require(path.join(dist, 'hosts', 'file', 'xlsx'));
  // Alternated rounds (the floor, one checker, two checkers, then again), each ratio taken within its round and the
  // median printed beside every round's: on a shared virtual machine one run of the same figure can differ by 10 %.
  for (const size of [...new Set([FIRST, all.length])]) {
    const files = all.slice(0, size);
    console.log(`  ${size} 个文件（交替 ${ROUNDS} 轮：只读取、1 个校验进程、2 个校验进程）：`);
    const ratios = [];
    const gains = [];
    const perCore = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // The floor: the same files only read (native inflate + lean reader), one after another in this process.
      const read = await timed(async () => {
        for (const f of files) await readXlsxBuffer(fs.readFileSync(f));
      });
      const secs = {};
      const notes = [];
      for (const jobs of [1, 2]) {
        const { sec, value: results } = await timed(() => runBatch(files, { jobs }));
        secs[jobs] = sec;
        const withErrors = results.filter((r) => r.counts.error > 0).length;
        const unreadable = results.filter((r) => r.status !== 'ok').length;
        const ms = results.map((r) => r.ms).sort((a, b) => a - b);
        notes.push(
          `${jobs} 个进程 ${sec.toFixed(1)} 秒、${(files.length / sec).toFixed(1)} 个/秒（每个文件中位数 ${ms[Math.floor(ms.length / 2)]} ms；有错误 ${withErrors} 个，无法校验 ${unreadable} 个）`,
        );
      }
      ratios.push(secs[1] / read.sec);
      perCore.push(files.length / secs[1]);
      gains.push(secs[1] / secs[2]);
      console.log(
        `    第 ${round} 轮：只读取（本进程循环，下限）${read.sec.toFixed(1)} 秒、${(files.length / read.sec).toFixed(1)} 个/秒；${notes.join('；')}；` +
          `1 个进程为下限的 ${ratios[round - 1].toFixed(2)}×，1 → 2 快 ${gains[round - 1].toFixed(2)}×`,
      );
    }
    const list = (xs) => xs.map((x) => x.toFixed(2)).join('、');
    console.log(
      `    1 个校验进程每秒 ${median(perCore).toFixed(0)} 个（各轮 ${perCore.map((x) => x.toFixed(0)).join('、')}；目标 ≥ 200 个/秒/核）；` +
        `为只读取下限的 ${median(ratios).toFixed(2)}×（各轮 ${list(ratios)}）；1 → 2 个校验进程快 ${median(gains).toFixed(2)}×（各轮 ${list(gains)}）`,
    );
  }
  // Why the gain depends on the batch's size: the same check in plain loops (no pool, no messages; the checkers'
  // V8 flags), one process over the first files and two over half each at the same time, with their CPU time.
  const listFile = path.join(dir, '..', `${path.basename(dir)}-list.json`);
  fs.writeFileSync(listFile, JSON.stringify(all.slice(0, FIRST)));
  const fresh = await timed(() => loop(listFile, 0, 1, { readOnly: true }));
  const one = await timed(() => loop(listFile, 0, 1));
  const two = await timed(() => Promise.all([loop(listFile, 0, 2, { jobs: 2 }), loop(listFile, 1, 2, { jobs: 2 })]));
  const twoCpu = two.value[0] + two.value[1];
  // The checkers' V8 flags (src/cli/v8-flags.ts) are kept only while they buy a visible gain: the same two processes without them.
  const twoPlain = await timed(() => Promise.all([loop(listFile, 0, 2, { jobs: 2, flags: [] }), loop(listFile, 1, 2, { jobs: 2, flags: [] })]));
  console.log(
    `  校验进程的 V8 选项：2 个进程各一半 加选项 ${two.sec.toFixed(2)} 秒（CPU ${twoCpu.toFixed(1)} 秒），不加 ${twoPlain.sec.toFixed(2)} 秒（CPU ${(twoPlain.value[0] + twoPlain.value[1]).toFixed(1)} 秒）：${(twoPlain.sec / two.sec).toFixed(2)}×`,
  );
  console.log(
    `  说明（${FIRST} 个文件，不用进程池的循环）：1 个进程校验全部 墙钟 ${one.sec.toFixed(1)} 秒、CPU ${one.value.toFixed(1)} 秒（占 ${(one.value / one.sec).toFixed(2)} 个核：V8 在后台线程编译）；` +
      `2 个进程各一半 墙钟 ${two.sec.toFixed(1)} 秒、CPU 共 ${twoCpu.toFixed(1)} 秒（多 ${(twoCpu - one.value).toFixed(1)} 秒：每个进程各自启动、预热）：快 ${(one.sec / two.sec).toFixed(2)}×；` +
      `新进程只读取 ${fresh.sec.toFixed(1)} 秒`,
  );
  // What the two targets would be if start-up and warm-up cost nothing (a batch of unlimited size): processes that
  // have already checked the same files 3 times, timed on the 4th pass; two such processes at once, each over all
  // the files (the same work each, so the gain is 2 × alone ÷ together).
  const warm = { passes: 4 };
  const readWarm = await loop(listFile, 0, 1, { ...warm, readOnly: true });
  const oneWarm = await loop(listFile, 0, 1, warm);
  const twoWarm = Math.max(...(await Promise.all([loop(listFile, 0, 1, { ...warm, jobs: 2 }), loop(listFile, 0, 1, { ...warm, jobs: 2 })])));
  fs.rmSync(listFile);
  console.log(
    `  极限（进程已把同样 ${FIRST} 个文件各做过 3 遍，计第 4 遍，相当于无限大的批量）：只读取 ${readWarm.toFixed(2)} 秒，1 个进程校验 ${oneWarm.toFixed(2)} 秒，` +
      `为只读取的 ${(oneWarm / readWarm).toFixed(2)}×；2 个进程同时各做全部 ${twoWarm.toFixed(2)} 秒，1 → 2 相当于快 ${((2 * oneWarm) / twoWarm).toFixed(2)}×`,
  );
  // The machine's own gain from a second process, for a computation that needs no warm-up.
  const spin = 'let x=0;for(let i=0;i<4e8;i++)x+=i%7;if(x<0)console.log(x);';
  const spinOne = await timed(() => child(spin));
  const spinTwo = await timed(() => Promise.all([child(spin), child(spin)]));
  console.log(
    `  本机 2 个进程同时做纯计算（同样的量各一份）：${spinOne.sec.toFixed(2)} 秒对 ${spinTwo.sec.toFixed(2)} 秒，相当于快 ${((2 * spinOne.sec) / spinTwo.sec).toFixed(2)}×`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

main();
