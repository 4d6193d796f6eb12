#!/usr/bin/env node
/**
 * Localisation benchmark (issue 16) on the seeds: every filled amount cell made wrong in turn, and every pair of
 * filled cells linked by an identity (a row, a column, the same figure in two tables) made wrong by one amount.
 * Prints first-suspect accuracy by kind next to the targets (≥ 95% overall, ≥ 90% for pairs), and how many misses
 * were called 很可能. Run after `npm run build`.
 */
const path = require('path');
const { performance } = require('perf_hooks');
const dist = path.join(__dirname, '..', 'dist');
const { layoutWorkbook } = require(path.join(dist, 'samples', 'layout'));
const { seed004Blocks } = require(path.join(dist, 'samples', 'seed004'));
const { seed001Blocks } = require(path.join(dist, 'samples', 'seed001'));
const { accuracyByKind, localisationCampaign } = require(path.join(dist, 'samples', 'localisation'));

const SEEDS = {
  '种子 004（每表一个工作表）': () => layoutWorkbook(seed004Blocks(), { layout: 'sheets' }).workbook,
  '种子 004（堆叠）': () => layoutWorkbook(seed004Blocks(), { layout: 'stacked' }).workbook,
  '种子 001': () => layoutWorkbook(seed001Blocks(), { layout: 'sheets' }).workbook,
};
const LABEL = { single: '单格', row: '同行两格', column: '同列两格', cross: '表间同一数字', pairs: '两格合计', all: '全部' };
const pct = (x) => `${(x * 100).toFixed(1)}%`;

console.log('错误定位（第一嫌疑即注入的单元格/单元格组的比例）：');
const total = [];
for (const [name, make] of Object.entries(SEEDS)) {
  const t0 = performance.now();
  const o = localisationCampaign(make);
  total.push(...o);
  const acc = accuracyByKind(o);
  const ms = performance.now() - t0;
  console.log(
    `  ${name}：${Object.entries(acc)
      .map(([k, v]) => `${LABEL[k]} ${v.first}/${v.n}（${pct(v.rate)}）`)
      .join('，')}；误判却标“很可能” ${acc.all.missedButLikely} 例；每例平均 ${(ms / o.length).toFixed(1)} ms`,
  );
}
const acc = accuracyByKind(total);
console.log(
  `  合计：全部 ${pct(acc.all.rate)}（目标 ≥ 95%），两格 ${pct(acc.pairs.rate)}（目标 ≥ 90%）；误判却标“很可能” ${acc.all.missedButLikely} 例（应为 0）`,
);

// 决算 layouts: the two real published 决算 workbooks (../shared/real-final), every amount cell and linked pair in turn.
(async () => {
  const fs = require('fs');
  const { readXlsxFile } = require(path.join(dist, 'hosts', 'file', 'xlsx'));
  const finalDir = path.join(__dirname, '..', '..', 'shared', 'real-final');
  if (!fs.existsSync(finalDir)) return console.log('决算错误定位：未找到 ../shared/real-final，跳过');
  const all = [];
  console.log('决算错误定位（真实决算工作簿，第一嫌疑即注入处的比例）：');
  for (const name of ['sh-putuo-caizhengju-2024-js', 'sh-putuo-shegongbu-2024-js']) {
    const base = await readXlsxFile(path.join(finalDir, name, `${name}.xlsx`));
    const t0 = performance.now();
    const o = localisationCampaign(() => structuredClone(base));
    all.push(...o);
    const a = accuracyByKind(o);
    console.log(
      `  ${name}：${Object.entries(a)
        .map(([k, v]) => `${LABEL[k]} ${v.first}/${v.n}（${pct(v.rate)}）`)
        .join(
          '，',
        )}；检出 ${a.all.found}/${a.all.n}；误判却标“很可能” ${a.all.missedButLikely} 例；每例平均 ${((performance.now() - t0) / o.length).toFixed(1)} ms`,
    );
  }
  const a = accuracyByKind(all);
  console.log(
    `  决算合计：全部 ${pct(a.all.rate)}（预算种子为 ${pct(acc.all.rate)}），两格 ${pct(a.pairs.rate)}；未中的多为基本支出表（账页式）的款：类 = Σ款 不成立时任何一款都同样能解释`,
  );
})();
