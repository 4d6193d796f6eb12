/**
 * check-text on real 情况说明 passages of many provinces (tests/corpus/passages: verbatim, each with its source and
 * the relations and published errors checked by hand), without a workbook: the text's own arithmetic.
 *  - no false error on any passage, as published and in every paste style;
 *  - every published error that the text alone can decide is found (tests/corpus/passages/undecidable.json lists
 *    the others, each with why);
 *  - one figure of each relation that holds, changed, is found and pointed at its sentence (≥ 90%, the held-out
 *    passages too).
 * The documents under holdout/ were kept aside while claims.ts was written; their figures are printed apart.
 */
import fs from 'fs';
import path from 'path';
import { checkText, TextFinding } from '../src/core/narrative/check-text';
import { STYLES } from './fixtures/text/styles';

interface Passage {
  file: string;
  /** The folder: '.' developed on, 'holdout' kept aside while claims.ts was written, 'holdout2' gathered after it. */
  set: string;
  province: string;
  text: string;
  relations: { kind: string; statement: string; holds: boolean }[];
  errors: { quote: string; kind: string }[];
}

const dir = path.join(__dirname, 'corpus', 'passages');
const load = (sub: string): Passage[] =>
  fs
    .readdirSync(path.join(dir, sub))
    .filter((f) => f.endsWith('.json') && f !== 'undecidable.json' && f !== 'not-an-error.json')
    .sort()
    .map((f) => ({ ...JSON.parse(fs.readFileSync(path.join(dir, sub, f), 'utf8')), file: path.join(sub, f), set: sub }));
/** The folders, each with its name in the report: the one developed on, then the held-out sets in the order gathered. */
const SETS: [string, string][] = [
  ['开发', '.'],
  ['留出', 'holdout'],
  ...['二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八'].map((n, k): [string, string] => [
    `第${n}批留出`,
    `holdout${k + 2}`,
  ]),
];
const passages = SETS.flatMap(([, sub]) => load(sub));
const undecidable: { file: string; quote: string; why: string }[] = JSON.parse(fs.readFileSync(path.join(dir, 'undecidable.json'), 'utf8'));

const errorsOf = (t: string) => checkText(t).filter((f) => f.severity === 'error');
/**
 * The amounts, rates and shares of a text (thousands separators dropped). Left out, because changing them changes no
 * amount a relation is about: years, also as a statement's label ("2016：33 = 接待8 + 运行25" — changing 2016 to
 * 3016 tests nothing), and counts of cars, people, groups or items ("4辆", "24批次", "210人次").
 */
const numbers = (s: string, counts = false) =>
  [...s.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)]
    .filter((m) => !(/^(19|20)\d{2}$/.test(m[0]) && /^(\s*(年|预算|决算|度|[：:])|\s+[\u4e00-\u9fa5])/.test(s.slice(m.index! + m[0].length))))
    .filter((m) => counts || !/^\s*(辆|人次|人|个|批次|批|次|台|家|项|团组|户)/.test(s.slice(m.index! + m[0].length)))
    // Nor months ("1—5月").
    .filter((m) => !/^\s*([—–\-~至到]\s*\d{1,2}\s*)?月/.test(s.slice(m.index! + m[0].length)))
    .map((m) => m[0].replace(/,/g, ''));
/**
 * A finding is about a quote when its stated figure is one of the quote's, or its sentence holds two of them (its
 * counts too, where the error is about them: "实有人数69人,其中在职人员69人…"), or, for a quote of one figure, its
 * message names it (a list's total found wrong, the quote one of its parts).
 */
function about(f: TextFinding, quote: string): boolean {
  const qs = numbers(quote, true);
  const stated = (f.stated ?? '').replace(/[^\d.]/g, '');
  if (stated && qs.includes(stated)) return true;
  if (qs.length === 1 && f.message.includes(qs[0])) return true;
  return qs.filter((n) => f.sentence.includes(n)).length >= 2;
}
const isUndecidable = (p: Passage, quote: string) => undecidable.some((u) => u.file === p.file && u.quote === quote);

/**
 * Published errors the text alone can decide that check-text does not find yet, and why (the first runs of the sets are
 * recorded in docs/check-text.md).
 */
const KNOWN_MISSES: { file: string; quote: string; why: string }[] = [];

/**
 * Paste styles that take away what an error is read from, so that no reader could find it there: a table whose cells
 * stand between spaces, once its lines are wrapped every 37 characters or a space is put between all characters,
 * has no columns left. The error is looked for in every other style.
 */
const LAYOUT_LOST: { file: string; quote: string; styles: string[] }[] = [
  {
    file: 'holdout4/hunan-yueyang-xian-wenlian-sangong-2017-01.json',
    quote: '一、支出合計 4.9 0 0 0',
    styles: ['PDF 复制（每 37 字换行）', '字间有空格（基 本 支 出、万 元）'],
  },
];

/**
 * Published errors check-text reports as a warning, not an error, and why: a rate on a zero base has no value, so
 * the wording is what is wrong ("请改写"), not a figure.
 */
const WARNED: { file: string; quote: string }[] = [
  { file: 'holdout3/anhui-xuancheng-shizhigongwei-sangong-2018-03.json', quote: '增加4.79万元,增长100%' },
  // 0 spent, "完成年初预算的100%": 0 ÷ 0 when nothing was budgeted either.
  { file: 'holdout2/anhui-ningguo-chengguanju-sangong-2016-01.json', quote: '因公出国(境)费支出决算为0万元,完成年初预算的100%' },
  // "增长100%" of a part the others and the total leave nothing a year before.
  { file: 'holdout5/sichuan-mianyang-fucheng-sangong-2019-01.json', quote: '公车购置费384万元,同比增长100%' },
  // One count of people stated twice (退休人员去世 2, then 1): a warning, the words may speak of two periods.
  { file: 'holdout13/beijing-mentougou-xifengsi-linchang-yusuan-2022-01.json', quote: '退休人员去世1人' },
  // "各增加(减少)67.65万元,增长100%" of totals that are 67.65: from nothing.
  { file: 'holdout14/hainan-danzhou-diba-youeryuan-juesuan-2023-01.json', quote: '增长100%' },
  { file: 'holdout17/hainan-danzhou-shida-fushu-youeryuan-juesuan-2024-01.json', quote: '各增加506.91万元,增长100%' },
  // 支出's change against its 基本支出's and its 一般公共预算拨款 项目支出's, stated in later sections: other funds last year
  // could explain it.
  { file: 'holdout17/gansu-wushan-luomen-xuequ-yusuan-2022-01.json', quote: '比2021年预算减少 745.91万元' },
  // One rise stated twice (一般公共预算拨款 "增加了32.42", then "…财政拨款收入1125.76万元,较2024年增加34.42"): which is right
  // the text cannot say.
  { file: 'holdout16/chongqing-liangping-wenhua-xiaoxue-yusuan-2025-02.json', quote: '较2024年增加34.42 万元' },
];

/**
 * Changed figures that leave the text right, by the interval rule the corpus was checked with (finding them would be
 * a false error), or that change a figure no relation ties to the statement's: not counted, each with why.
 */
const NOT_AN_ERROR: { file: string; statement: string; why: string }[] = JSON.parse(fs.readFileSync(path.join(dir, 'not-an-error.json'), 'utf8'));

/** The paste styles that keep every figure's printed precision (amounts turned into 元 would make them exact). */
const PASTE = Object.keys(STYLES).filter((s) => !/^元/.test(s));

const lines: string[] = [];
afterAll(() => console.log(lines.join('\n')));

describe.each(SETS)('%s语料', (name, sub) => {
  const set = passages.filter((p) => p.set === sub);

  test('no false error, as published and in every paste style', () => {
    const falses: string[] = [];
    for (const p of set)
      for (const style of PASTE) {
        const errs = errorsOf(STYLES[style](p.text));
        for (const f of errs) if (!p.errors.some((e) => about(f, e.quote))) falses.push(`${p.file}（${style}）：${f.message}`);
      }
    lines.push(`${name}：${set.length} 段 × ${PASTE.length} 种粘贴方式，误报 ${falses.length}`);
    expect(falses).toEqual([]);
  });

  test('every published error the text alone can decide is found, in every paste style (less the known misses listed)', () => {
    let decidable = 0;
    /** Found as published and in every paste style. */
    let found = 0;
    const missed: string[] = [];
    for (const p of set)
      for (const e of p.errors) {
        if (isUndecidable(p, e.quote)) continue;
        decidable++;
        const before = missed.length;
        const warned = WARNED.some((w) => w.file === p.file && w.quote === e.quote);
        const findingsOf = (t: string) => (warned ? checkText(t).filter((f) => f.severity === 'warning') : errorsOf(t));
        const lost = LAYOUT_LOST.find((x) => x.file === p.file && x.quote === e.quote)?.styles ?? [];
        for (const style of PASTE.filter((x) => !lost.includes(x)))
          if (!findingsOf(STYLES[style](p.text)).some((f) => about(f, e.quote))) missed.push(`${p.file}（${style}）：${e.quote}`);
        if (missed.length === before) found++;
      }
    const all = set.reduce((n, p) => n + p.errors.length, 0);
    const unexpected = missed.filter((m) => !KNOWN_MISSES.some((k) => m.startsWith(k.file) && m.endsWith(k.quote)));
    const known = KNOWN_MISSES.filter((k) => path.dirname(k.file) === sub);
    lines.push(
      `${name}：已公开的错误 ${all} 处，其中仅凭文字可判定 ${decidable} 处；检出 ${found} 处（每种粘贴方式都检出${set.some((p) => WARNED.some((w) => w.file === p.file)) ? '；其中零基数上的增长率、前后两处不一的人数或金额、资金范围不同的增减以警告报出' : ''}${set.some((p) => LAYOUT_LOST.some((w) => w.file === p.file)) ? '；以空格分列的表格在换行、字间加空格两种方式中已无列可读，这两种不计' : ''}），漏检 ${known.map((k) => `${k.file}（${k.why}）`).join('；') || '0'}`,
    );
    expect(unexpected).toEqual([]);
    // A known miss that is found now: take it off the list.
    for (const k of known) expect(missed.filter((m) => m.startsWith(k.file) && m.endsWith(k.quote))).toHaveLength(PASTE.length);
  });

  test('one figure changed in each relation that holds: found and pointed at its sentence (≥ 90%)', () => {
    let tried = 0;
    let found = 0;
    const missed: string[] = [];
    const skipped: string[] = [];
    for (const p of set) {
      const base = errorsOf(p.text).map((f) => f.message);
      for (const r of p.relations) {
        if (!r.holds || !['sum', 'tree', 'rate', 'share'].includes(r.kind)) continue;
        // The relations of the issue: sums, the 三公 tree, rates, shares — not balances (a − b), products or averages.
        if (/[×÷]|平均|≤|≥|\s[−-]\s/.test(r.statement)) continue;
        const ns = numbers(r.statement);
        // The total of a sum, the rate or share of a rate or share.
        const n = r.kind === 'sum' || r.kind === 'tree' ? ns[0] : ns[ns.length - 1];
        if (!n) continue;
        if (NOT_AN_ERROR.some((x) => x.file === p.file && x.statement === r.statement)) {
          skipped.push(`${p.file}：${r.statement}（${NOT_AN_ERROR.find((x) => x.file === p.file && x.statement === r.statement)!.why}）`);
          continue;
        }
        const at = findFigure(p.text, n, ns, r.kind === 'sum' || r.kind === 'tree' ? 'after' : 'before');
        if (at.at < 0) continue;
        const changed = bump(n);
        const variant = p.text.slice(0, at.at) + changed + p.text.slice(at.at + at.len);
        tried++;
        // Pointed at: the finding's sentence holds the changed figure, or its message names it.
        const hit = errorsOf(variant).some(
          (f) => !base.includes(f.message) && (f.sentence.replace(/\s/g, '').includes(changed) || f.message.includes(changed)),
        );
        if (hit) found++;
        else missed.push(`${p.file}：${r.statement}（${n} → ${changed}）`);
      }
    }
    lines.push(
      `${name}：注入 ${tried} 处（每处改一个数），检出并指向所在句 ${found} 处（${((100 * found) / tried).toFixed(1)}%）${skipped.length ? `；另 ${skipped.length} 处改后仍对或改的不是关系中的数，不计` : ''}`,
    );
    if (skipped.length) lines.push(...skipped.map((m) => `  不计 ${m}`));
    if (missed.length) lines.push(...missed.map((m) => `  未检出 ${m}`));
    // The issue's bar, reached by general fixes on the sets worked on (the second from 62.2% at its first run, the third
    // from 58.8%, the fifth from 63.9%, the sixth from 47.1%, the seventh from 53.7%, the eighth from 63.6%, the ninth
    // from 81.0%, the tenth from 81.3%, the eleventh from 54.9%, the fourth from 48.8%; the twelfth to fifteenth from 69.6%,
    // 50.0%, 75.8% and 83.6%, the sixteenth from 80.0%; docs/check-text.md). A set below it would get a floor here, what
    // it measures, so that no change makes it worse.
    const FLOORS: Record<string, number> = {};
    expect(found / tried).toBeGreaterThanOrEqual(FLOORS[sub] ?? 0.9);
  });
});

/**
 * Where the statement's figure stands in the text: of its occurrences as a whole number, in prose (a line of a
 * table pasted into the text, "246 |", is no statement), the one with most of the statement's other figures near it.
 */
function findFigure(text: string, n: string, all: string[], others: 'before' | 'after'): { at: number; len: number } {
  const [int, dec] = n.split('.');
  const re = new RegExp(`(?<![\\d.,])${int.split('').join(',?')}${dec ? `\\.${dec}` : ''}(?![\\d])`, 'g');
  let best = { at: -1, len: 0 };
  let bestScore = -Infinity;
  for (const m of text.matchAll(re)) {
    const lineStart = text.lastIndexOf('\n', m.index!) + 1;
    const lineEnd = text.indexOf('\n', m.index!);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    if (/^[\s\d.,|]*\|[\s|]*$/.test(line)) continue;
    // Nor is a year or a count that happens to print the same digits ("4辆" beside "减少4万元").
    if (/^\s*(年|辆|人次|人|个|批次|批|次|台|家|项|团组|户)/.test(text.slice(m.index! + m[0].length))) continue;
    // Nor a time or a date ("12:53:41", "4月19日").
    if (/[:：]$/.test(text.slice(0, m.index!)) || /^\s*([:：]|月|日|时|分)/.test(text.slice(m.index! + m[0].length))) continue;
    // A total stands before its parts; a rate or a share after the figures it is computed from.
    // (Read without thousands separators, as the statement's figures are.)
    const near = (others === 'after' ? text.slice(m.index!, m.index! + 250) : text.slice(Math.max(0, m.index! - 250), m.index!)).replace(
      /(\d),(?=\d{3})/g,
      '$1',
    );
    // Most of the statement's other figures near it; of equals, the one they stand closest to.
    const found = all.filter((x) => x !== n && near.includes(x));
    const distance = found.reduce((d, x) => Math.min(d, others === 'after' ? near.indexOf(x) : near.length - near.lastIndexOf(x)), Infinity);
    const score = found.length * 10000 - (Number.isFinite(distance) ? distance : 9999);
    if (score > bestScore) {
      best = { at: m.index!, len: m[0].length };
      bestScore = score;
    }
  }
  return best;
}

/** The figure with its first non-zero digit changed (444.16 → 544.16, 0.61 → 0.71): far beyond any rounding. */
function bump(n: string): string {
  // A printed zero ("0.00") becomes one unit of its last decimal.
  if (!/[1-9]/.test(n)) return n.replace(/\d$/, '1');
  const i = n.search(/[1-9]/);
  const d = Number(n[i]);
  return n.slice(0, i) + String(d === 9 ? 8 : d + 1) + n.slice(i + 1);
}

test('the corpus is what it says: ≥ 40 passages from ≥ 12 provinces other than 河北, each with its source', () => {
  expect(passages.length).toBeGreaterThanOrEqual(40);
  expect(new Set(passages.map((p) => p.province).filter((x) => x !== '河北')).size).toBeGreaterThanOrEqual(12);
  for (const p of passages) expect((p as unknown as { source: string }).source).toMatch(/^https?:\/\//);
});
