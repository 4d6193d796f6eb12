/**
 * Localisation of errors that are not a single cell (issue 16): pairs linked by an identity and changed by one
 * amount — a row (合计 and 人员经费), a column (a 项 and its 款), the same figure copied wrong into two tables — and
 * three cells (a 项, its 款 and its 类). The campaign (src/samples/localisation.ts, also run in full by
 * `npm run bench`) injects every single cell and, here, up to 120 pairs of each kind per seed.
 */
import { a1 } from '../src/core/grid';
import { companions } from '../src/core/suspects';
import { validateWorkbook } from '../src/core/validate';
import { layoutWorkbook, locate, setValue } from '../src/samples/layout';
import { accuracyByKind, localisationCampaign } from '../src/samples/localisation';
import { seed004Blocks } from '../src/samples/seed004';
import { SEEDS } from './helpers';

describe.each(Object.keys(SEEDS))('seed %s', (seed) => {
  const outcomes = localisationCampaign(() => layoutWorkbook(SEEDS[seed](), { layout: 'sheets' }).workbook, 120);
  const acc = accuracyByKind(outcomes);
  test('first suspect: ≥ 95% overall, ≥ 90% for pairs, and a miss is never called 很可能', () => {
    console.log(
      `${seed}: ${Object.entries(acc)
        .map(([k, v]) => `${k} ${v.first}/${v.n} (${(v.rate * 100).toFixed(1)}%)`)
        .join('，')}`,
    );
    expect(acc.single.n).toBeGreaterThan(100);
    expect(acc.single.found).toBe(acc.single.n);
    expect(acc.pairs.n).toBeGreaterThan(250);
    expect(acc.all.rate).toBeGreaterThanOrEqual(0.95);
    expect(acc.pairs.rate).toBeGreaterThanOrEqual(0.9);
    for (const k of ['row', 'column', 'cross']) expect(acc[k].n).toBeGreaterThan(20);
    expect(acc.all.missedButLikely).toBe(0);
  });
});

const cellsOf = (s: { sheet: string; cell: string } & Parameters<typeof companions>[0]) =>
  [`${s.sheet}!${s.cell}`, ...companions(s).map((c) => `${c.sheet}!${c.cell}`)].sort();

describe('groups on seed 004', () => {
  const build = () => layoutWorkbook(seed004Blocks(), { layout: 'sheets' });
  const bump = (l: ReturnType<typeof build>, id: string, code: string, col: number, d: number) => {
    const block = seed004Blocks().find((x) => x.id === id)!;
    const ri = block.rows.findIndex((r) => r.includes(code));
    const at = locate(l, id, ri, col);
    const old = Number(block.rows[ri][col]);
    setValue(l, at, Math.round((old + d) * 100) / 100);
    return { at: `${at.sheet}!${a1(at.row, at.col)}`, old: block.rows[ri][col] };
  };

  test('three cells of a column (2080501, its 20805 and its 208, 支出总表 基本支出) moved by 0.50: one suspect with all three', () => {
    const l = build();
    const cells = ['2080501', '20805', '208'].map((c) => bump(l, 'expenditure', c, 4, 0.5)); // column 4: 基本支出
    const rep = validateWorkbook(l.workbook);
    const top = rep.suspects[0];
    expect(cellsOf(top)).toEqual(cells.map((c) => c.at).sort());
    expect(top.kind).toBe('column');
    expect(top.reason).toMatch(/同列 3 格一起改动了 0\.50/);
    expect([top.suggested, ...companions(top).map((c) => c.suggested)].sort()).toEqual(cells.map((c) => Number(c.old).toFixed(2)).sort());
  });

  test('the same figure copied wrong into two tables (2080505 基本支出 in 支出总表 and 一般公共预算支出表): the pair, named as such', () => {
    const l = build();
    // Column 4 is 基本支出 in both tables (支出总表: 基本支出; 一般公共预算支出表: 基本支出 小计).
    const cells = [bump(l, 'expenditure', '2080505', 4, 1.2), bump(l, 'general-budget-expenditure', '2080505', 4, 1.2)];
    const rep = validateWorkbook(l.workbook);
    const top = rep.suspects[0];
    expect(cellsOf(top)).toEqual(cells.map((c) => c.at).sort());
    expect(top.kind).toBe('cross');
    expect(top.reason).toMatch(/表间同一数字 2 格一起改动了 1\.20/);
    expect(top.suggested).toBe('67.86');
  });

  test('a row moved consistently where the checks cannot tell which row: said possible, with the others named', () => {
    const l = build();
    const basic = seed004Blocks().find((x) => x.id === 'general-budget-basic-expenditure')!;
    const ri = basic.rows.findIndex((r) => r[1] === '30101');
    for (const col of [3, 4]) setValue(l, locate(l, basic.id, ri, col), Math.round((Number(basic.rows[ri][col]) + 2.6) * 100) / 100);
    const rep = validateWorkbook(l.workbook);
    const top = rep.suspects[0];
    expect(top.likelihood).not.toBe('likely');
    expect(top.reason).toMatch(/另有 \d+ 种同样能解释的改法/);
  });
});
