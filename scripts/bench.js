#!/usr/bin/env node
/**
 * Benchmark of the core on a provincial-size workbook: all nine tables, ~5,000 code rows in each code table,
 * consistent by construction (amounts in integer 分, summed exactly). Prints validate time and peak memory.
 * Run after `npm run build`:  npm run bench   (options: --rows 5000  --runs 5  --no-xlsx)
 */
const { performance } = require('perf_hooks');
const path = require('path');
const dist = path.join(__dirname, '..', 'dist');
const { summaryBlock, incomeBlock, expenditureBlock, fiscalBlock, generalBlock, basicBlock, fundLikeBlock, threePublicBlock } = require(
  path.join(dist, 'samples', 'blocks'),
);
const { layoutWorkbook, locate, setValue } = require(path.join(dist, 'samples', 'layout'));
const { validateWorkbook } = require(path.join(dist, 'core', 'validate'));
const { FUNCTION_CLASSES, catalogueName } = require(path.join(dist, 'core', 'catalogue'));

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const ROWS = opt('rows', 5000);
module.exports = { buildBlocks: (n) => buildBlocks(n) };
const RUNS = opt('runs', 5);
const WITH_XLSX = !args.includes('--no-xlsx');

let seed = 20211231;
const rnd = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const yuan = (fen) => (fen === 0 ? '' : (fen / 100).toFixed(2));

function buildBlocks(rows) {
  const m = { department: '[999]某省大型厅局（基准测试）', year: 2021, unit: '万元' };
  // Function codes: classes × 款 × 项 ≈ rows.
  // Codes stay valid at any size: at most 99 款 per 类 and 99 项 per 款.
  const classes = FUNCTION_CLASSES.filter((c) => /^\d+$/.test(c.code)).slice(0, 20);
  const kuanPerClass = Math.min(99, Math.max(1, Math.ceil(Math.sqrt(rows / classes.length))));
  const perKuan = Math.min(99, Math.max(1, Math.ceil(rows / classes.length / kuanPerClass)));
  const fn = []; // { code, name, level, p, u, j }
  for (const c of classes) {
    const cls = { code: c.code, name: c.name, p: 0, u: 0, j: 0, f: 0, s: 0 };
    fn.push(cls);
    for (let k = 1; k <= kuanPerClass; k++) {
      const kcode = `${c.code}${String(k).padStart(2, '0')}`;
      const kuan = { code: kcode, name: catalogueName('function', kcode) || `款${k}`, p: 0, u: 0, j: 0, f: 0, s: 0 };
      fn.push(kuan);
      for (let x = 1; x <= perKuan; x++) {
        const xcode = `${kuan.code}${String(x).padStart(2, '0')}`;
        const leaf = {
          code: xcode,
          name: catalogueName('function', xcode) || `项${x}`,
          p: rnd(500000),
          u: rnd(80000),
          j: rnd(3) ? rnd(2000000) : 0,
          f: rnd(4) ? 0 : rnd(900000),
          s: rnd(6) ? 0 : rnd(300000),
        };
        fn.push(leaf);
        for (const t of [kuan, cls]) ((t.p += leaf.p), (t.u += leaf.u), (t.j += leaf.j), (t.f += leaf.f), (t.s += leaf.s));
      }
    }
  }
  const clsRows = fn.filter((r) => r.code.length === 3);
  const P = clsRows.reduce((s, r) => s + r.p, 0);
  const U = clsRows.reduce((s, r) => s + r.u, 0);
  const J = clsRows.reduce((s, r) => s + r.j, 0);
  const F = clsRows.reduce((s, r) => s + r.f, 0);
  const S = clsRows.reduce((s, r) => s + r.s, 0);
  const gen = (r) => r.p + r.u + r.j;
  const all = (r) => gen(r) + r.f + r.s;
  const ALL = P + U + J + F + S;
  const used = (rows) => rows.filter((r) => r[2] !== '');
  const expRows = [
    ['', '合计', yuan(ALL), yuan(P + U), yuan(J + F + S), '', '', ''],
    ...fn.map((r) => [r.code, r.name, yuan(all(r)), yuan(r.p + r.u), yuan(r.j + r.f + r.s), '', '', '']),
  ];
  const genRows = [
    ['', '合计', yuan(P + U + J), yuan(P + U), yuan(P), yuan(U), yuan(J)],
    ...used(fn.map((r) => [r.code, r.name, yuan(gen(r)), yuan(r.p + r.u), yuan(r.p), yuan(r.u), yuan(r.j)])),
  ];
  const fundRows = [['', '合计', yuan(F), '', yuan(F)], ...used(fn.map((r) => [r.code, r.name, yuan(r.f), '', yuan(r.f)]))];
  const stateRows = [['', '合计', yuan(S), '', yuan(S)], ...used(fn.map((r) => [r.code, r.name, yuan(r.s), '', yuan(r.s)]))];
  const incRows = [
    ['', '合计', ...Array(3).fill(yuan(ALL)), ...Array(8).fill('')],
    ...fn.map((r) => [r.code, r.name, yuan(all(r)), yuan(all(r)), yuan(all(r)), ...Array(8).fill('')]),
  ];
  // Economic codes: classes 301–399 × 款 01–50; 人员经费 in 301/303, 公用经费 in the others.
  const econ = [];
  const econClasses = [];
  for (let c = 301; c <= 399 && econ.length < rows; c++) {
    const cls = { code: String(c), name: catalogueName('economic', String(c)) || `经济类${c}`, personnel: c === 301 || c === 303, kids: [] };
    econClasses.push(cls);
    const econKids = Math.min(99, Math.max(5, Math.ceil(rows / 99)));
    for (let k = 1; k <= econKids; k++) {
      const code = `${c}${String(k).padStart(2, '0')}`;
      cls.kids.push({ code, name: catalogueName('economic', code) || `经济款${k}`, w: 1 + rnd(1000), v: 0 });
    }
    econ.push(cls, ...cls.kids);
  }
  for (const personnel of [true, false]) {
    const leaves = econClasses.filter((c) => c.personnel === personnel).flatMap((c) => c.kids);
    const target = personnel ? P : U;
    const W = leaves.reduce((s, l) => s + l.w, 0);
    let used = 0;
    leaves.forEach((l, i) => {
      l.v = i === leaves.length - 1 ? target - used : Math.floor((target * l.w) / W);
      used += l.v;
    });
  }
  const basicRows = [['', '合计', yuan(P + U), yuan(P), yuan(U)]];
  const codeAmount = {};
  for (const c of econClasses) {
    const v = c.kids.reduce((s, l) => s + l.v, 0);
    basicRows.push([c.code, c.name, yuan(v), c.personnel ? yuan(v) : '', c.personnel ? '' : yuan(v)]);
    for (const l of c.kids) {
      basicRows.push([l.code, l.name, yuan(l.v), c.personnel ? yuan(l.v) : '', c.personnel ? '' : yuan(l.v)]);
      codeAmount[l.code] = l.v;
    }
  }
  const abroad = codeAmount['30212'] || 0;
  const reception = codeAmount['30217'] || 0;
  const operation = codeAmount['30231'] || 0;
  const purchase = (codeAmount['31013'] || 0) + (codeAmount['30913'] || 0);
  const tp = (v) => [yuan(v), yuan(v), '', ''];
  const classAmounts = {};
  const fiscalClasses = {};
  for (const r of clsRows) {
    classAmounts[r.code] = yuan(all(r));
    fiscalClasses[r.code] = [yuan(all(r)), yuan(gen(r)), yuan(r.f), yuan(r.s)];
  }
  const T = yuan(ALL);
  const G = yuan(P + U + J);
  const fiscalTotals = [T, G, yuan(F), yuan(S)];
  return [
    summaryBlock(m, {
      income: [G, yuan(F), yuan(S), '', '', '', '', '', ''],
      classes: classAmounts,
      incomeTotal: T,
      carryover: '',
      incomeGrand: T,
      expTotal: T,
      yearEnd: '',
      expGrand: T,
    }),
    incomeBlock(m, incRows),
    expenditureBlock(m, expRows),
    fiscalBlock(m, {
      income: [G, yuan(F), yuan(S)],
      classes: fiscalClasses,
      incomeTotal: T,
      expTotal: fiscalTotals,
      carry: ['', '', ''],
      yearEnd: ['', '', '', ''],
      incomeGrand: T,
      expGrand: fiscalTotals,
    }),
    generalBlock(m, genRows, true),
    basicBlock(m, basicRows),
    fundLikeBlock('government-fund-expenditure', '部门预算政府性基金预算财政拨款支出表', m, fundRows, []),
    fundLikeBlock('state-capital-expenditure', '部门预算国有资本经营预算财政拨款支出表', m, stateRows, []),
    threePublicBlock(m, {
      total: tp(abroad + purchase + operation + reception),
      abroad: tp(abroad),
      vehicle: tp(purchase + operation),
      purchase: tp(purchase),
      operation: tp(operation),
      reception: tp(reception),
    }),
  ];
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Child mode: load a grid from JSON, then measure one validate's peak memory above that baseline. */
function memoryChild(file) {
  const wb = JSON.parse(require('fs').readFileSync(file, 'utf8'));
  global.gc();
  const base = process.memoryUsage().rss;
  const baseMax = process.resourceUsage().maxRSS * 1024;
  const heap0 = process.memoryUsage().heapUsed;
  let peakHeap = heap0;
  // validate is synchronous, so the heap is sampled after each phase (detection, then rules and suspects).
  const { detectWorkbook } = require(path.join(dist, 'core', 'detect'));
  const det = detectWorkbook(wb);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const rep = validateWorkbook(wb, { detection: det });
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ base, baseMax, peak, heap0, peakHeap, checks: rep.counts.checks }));
}

/** Child mode: one read and one validate of a .xlsx in a fresh process, as `budget-check validate` does them. */
async function coldChild(file) {
  const { readXlsxFile } = require(path.join(dist, 'hosts', 'file', 'xlsx'));
  let t = performance.now();
  const wb = await readXlsxFile(file);
  const read = performance.now() - t;
  t = performance.now();
  validateWorkbook(wb);
  process.stdout.write(JSON.stringify({ read, validate: performance.now() - t }));
}

/** Child mode for the scaling series: build a workbook of ROWS code rows per table, time validate. */
function scalingChild(rows) {
  let blocks = buildBlocks(rows);
  const wb = layoutWorkbook(blocks, { layout: 'sheets' }).workbook;
  const codeRows = blocks.filter((b) => b.codeCol !== undefined).reduce((s, b) => s + b.rows.length, 0);
  blocks = null; // only the grid stays alive
  // Memory first, in a process that has validated nothing yet (the engine may keep the last run's objects until
  // the next one): the mapped tables of detection, then the report on top of them, each kept alive and used below.
  const { detectWorkbook } = require(path.join(dist, 'core', 'detect'));
  global.gc();
  const h0 = process.memoryUsage().heapUsed;
  const det = detectWorkbook(wb);
  global.gc();
  const h1 = process.memoryUsage().heapUsed;
  const held = validateWorkbook(wb, { detection: det });
  global.gc();
  const h2 = process.memoryUsage().heapUsed;
  const keep = [det.tables.length, held.counts.checks];
  validateWorkbook(wb); // warm-up
  global.gc();
  const t0 = performance.now();
  const rep = validateWorkbook(wb);
  const ms = performance.now() - t0;
  process.stdout.write(
    JSON.stringify({
      rows,
      codeRows,
      ms,
      checks: rep.counts.checks,
      errors: rep.counts.error,
      heapMb: (h2 - h1) / 1048576,
      detPerRow: (h1 - h0) / codeRows,
      kept: keep.length,
    }),
  );
}

function scaling() {
  const { execFileSync } = require('child_process');
  console.log('随行数增长（每档一个独立进程；各代码表行数约为 N，经济分类表最多 99×99 行）：');
  let prev;
  for (const n of [1000, 10000, 100000]) {
    const r = JSON.parse(
      execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', __filename, '--scaling-child', String(n)], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      }),
    );
    const per = r.ms / (r.codeRows / 1000);
    const growth = prev ? `，行数 ×${(r.codeRows / prev.codeRows).toFixed(1)} 时间 ×${(r.ms / prev.ms).toFixed(1)}` : '';
    console.log(
      `  N=${String(n).padStart(6)}：代码行共 ${r.codeRows}，核对 ${r.checks} 项，错误 ${r.errors}，validate ${r.ms.toFixed(0)} ms（每千行 ${per.toFixed(1)} ms${growth}）；映射后的表每代码行 ${(r.detPerRow / 1024).toFixed(2)} KB，校验报告保留 ${r.heapMb.toFixed(1)} MB（目标：内存随行数线性，每代码行 ≤ 1 KB）`,
    );
    prev = r;
  }
}

async function main() {
  const blocks = buildBlocks(ROWS);
  const laid = layoutWorkbook(blocks, { layout: 'sheets' });
  const wb = laid.workbook;
  const codeRows = blocks.filter((b) => b.codeCol !== undefined).map((b) => b.rows.length);
  const cells = wb.sheets.reduce((s, sh) => s + sh.rows.reduce((t, r) => t + (r ? r.filter(Boolean).length : 0), 0), 0);
  const times = [];
  let rep;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    rep = validateWorkbook(wb);
    times.push(performance.now() - t0);
  }
  const cleanXlsx = WITH_XLSX ? await require(path.join(dist, 'hosts', 'file', 'xlsx')).writeXlsxBuffer(wb) : undefined;
  // One wrong cell deep in the general-budget table: the suspect-ranking path.
  const at = locate(laid, 'general-budget-expenditure', Math.floor(blocks[4].rows.length / 2), 5);
  setValue(laid, at, 123456.78);
  const t1 = performance.now();
  const bad = validateWorkbook(wb);
  const tBad = performance.now() - t1;
  const mb = (b) => (b / 1048576).toFixed(1);
  // Memory of the core alone, in a fresh process that holds only the grid.
  const fs = require('fs');
  const os = require('os');
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'grid.json');
  fs.writeFileSync(tmp, JSON.stringify(wb));
  const { execFileSync } = require('child_process');
  const mem = JSON.parse(execFileSync(process.execPath, ['--expose-gc', __filename, '--memory-child', tmp], { encoding: 'utf8', maxBuffer: 1 << 20 }));
  fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
  console.log(`大型工作簿：9 张表，代码表行数 ${codeRows.join(' / ')}，非空单元格 ${cells}`);
  console.log(`  识别 ${rep.tables.length} 张表，核对 ${rep.counts.checks} 项关系，错误 ${rep.counts.error}，警告 ${rep.counts.warning}`);
  console.log(`  validate（识别+规则+定位）中位数 ${median(times).toFixed(0)} ms（${RUNS} 次：${times.map((t) => t.toFixed(0)).join(', ')} ms）`);
  console.log(
    `  含一个错误单元格时 ${tBad.toFixed(0)} ms，错误 ${bad.counts.error} 项，第一嫌疑 ${bad.suspects[0] ? bad.suspects[0].sheet + '!' + bad.suspects[0].cell : '无'}`,
  );
  console.log(
    `  内存（独立进程，只载入网格后校验一次）：网格载入后 RSS ${mb(mem.base)} MB，校验期间进程峰值 RSS ${mb(mem.peak)} MB，核心峰值增量 ≈ ${mb(mem.peak - mem.base)} MB（堆：${mb(mem.heap0)} → 阶段峰值 ${mb(mem.peakHeap)} MB）`,
  );
  live(blocks);
  if (WITH_XLSX) {
    const { readXlsxBuffer } = require(path.join(dist, 'hosts', 'file', 'xlsx'));
    const buf = cleanXlsx;
    // Read and validate alternated, as the issue measured them, so that both are equally warm; each one's first
    // (cold) run is printed too.
    const reads = [];
    const checks = [];
    let back;
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      back = await readXlsxBuffer(buf);
      reads.push(performance.now() - t);
      t = performance.now();
      validateWorkbook(back);
      checks.push(performance.now() - t);
    }
    const readMs = median(reads);
    console.log(
      `  文件宿主：.xlsx ${mb(buf.length)} MB，读取（原生解压 + 精简读取器）中位数 ${readMs.toFixed(0)} ms，读后校验错误 ${validateWorkbook(back).counts.error} 项（预期 0）；进程峰值 RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`,
    );
    // The same workbook as a producer the lean scanner does not read as written would save it (single-quoted
    // attributes): every sheet part then goes through the conformant XML path (fast-xml-parser).
    const { unzipSync, zipSync } = require('fflate');
    const parts = unzipSync(new Uint8Array(buf));
    for (const name of Object.keys(parts))
      if (/^xl\/worksheets\/.*\.xml$/.test(name))
        parts[name] = Buffer.from(
          Buffer.from(parts[name])
            .toString('utf8')
            .replace(/(\s[\w:]+)="([^"<>']*)"/g, "$1='$2'"),
        );
    const quoted = Buffer.from(zipSync(parts));
    const conformant = [];
    let viaParser;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      viaParser = await readXlsxBuffer(quoted);
      conformant.push(performance.now() - t);
    }
    console.log(
      `  同一工作簿的单引号属性版本（走标准 XML 解析）：读取中位数 ${median(conformant).toFixed(0)} ms，为精简读取的 ${(median(conformant) / readMs).toFixed(2)}×；读后校验错误 ${validateWorkbook(viaParser).counts.error} 项（预期 0）`,
    );
    // As the command runs it: a fresh process (Node's defaults, as bin/budget-check.js), one read and one validate, RUNS times.
    const coldFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'provincial.xlsx');
    fs.writeFileSync(coldFile, buf);
    const cold = [];
    for (let i = 0; i < RUNS; i++) cold.push(JSON.parse(execFileSync(process.execPath, [__filename, '--cold-child', coldFile], { encoding: 'utf8' })));
    fs.rmSync(path.dirname(coldFile), { recursive: true, force: true });
    const coldRead = median(cold.map((c) => c.read));
    const coldCheck = median(cold.map((c) => c.validate));
    console.log(
      `  命令行的方式（新进程、读取和校验各一次，${RUNS} 个进程的中位数）：读取 ${coldRead.toFixed(0)} ms，校验 ${coldCheck.toFixed(0)} ms：${(coldCheck / coldRead).toFixed(2)}×（目标 ≤ 1.5×）`,
    );
    console.log(
      `  validate 为读取的 ${(median(checks) / readMs).toFixed(2)}×（目标 ≤ 1.5×；读取与校验交替 ${RUNS} 次的中位数：读取 ${reads.map((t) => t.toFixed(0)).join(', ')} ms，校验 ${checks.map((t) => t.toFixed(0)).join(', ')} ms；进程中第一次校验 ${times[0].toFixed(0)} ms）`,
    );
  }
}

/**
 * Live checking: one session on a clean provincial workbook, then single-cell edits of 一般公共预算支出表 leaves
 * (each breaks its 款, 类 and 合计 and the cross-table figures; the next edit puts it back). Time from the edit to
 * the updated report (findings, suspects, coverage) and marks, in the core; its floor is a full validate.
 */
function live(blocks0) {
  const { LiveValidation } = require(path.join(dist, 'core', 'live'));
  const laid = layoutWorkbook(blocks0, { layout: 'sheets' });
  const wb = laid.workbook;
  const t0 = performance.now();
  const session = new LiveValidation(wb);
  const tStart = performance.now() - t0;
  const tFull = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    validateWorkbook(wb);
    tFull.push(performance.now() - t);
  }
  const gen = blocks0[4];
  const times = [];
  let modes = new Set();
  let errors = 0;
  for (let i = 0; i < 40; i++) {
    const rowIndex = 1 + ((i * 7919) % (gen.rows.length - 1));
    const at = locate(laid, 'general-budget-expenditure', rowIndex, 5);
    const cell = wb.sheets.find((s) => s.name === at.sheet).rows[at.row][at.col];
    const put = (value) => ({ sheet: at.sheet, row: at.row, col: at.col, cell: value === undefined ? undefined : { ...(cell || {}), value } });
    const orig = cell ? cell.value : undefined;
    const changed = typeof orig === 'number' ? orig + 1.23 : 1.23;
    let t = performance.now();
    const u = session.apply([put(changed)]);
    times.push(performance.now() - t);
    modes.add(u.mode);
    errors = Math.max(errors, u.report.counts.error);
    t = performance.now();
    session.apply([put(orig)]);
    times.push(performance.now() - t);
  }
  console.log(
    `  实时校验：开启（完整校验并建立单元格索引，保留 ${session.checks} 项核对）${tStart.toFixed(0)} ms；改一个金额格到结果更新（${times.length} 次，方式 ${[...modes].join('/')}，改错时最多 ${errors} 项错误）中位数 ${median(times).toFixed(1)} ms，最慢 ${Math.max(...times).toFixed(1)} ms（目标 < 20 ms）；同一工作簿完整校验 ${median(tFull).toFixed(0)} ms`,
  );
}

if (require.main === module) {
  const i = process.argv.indexOf('--memory-child');
  const j = process.argv.indexOf('--scaling-child');
  const k = process.argv.indexOf('--cold-child');
  if (i >= 0) memoryChild(process.argv[i + 1]);
  else if (k >= 0) coldChild(process.argv[k + 1]);
  else if (j >= 0) scalingChild(Number(process.argv[j + 1]));
  else if (args.includes('--scaling')) scaling();
  else main().then(() => !args.includes('--no-scaling') && scaling());
}
