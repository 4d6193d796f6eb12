/**
 * The localisation campaign: inject one wrong value into every filled amount cell of the seed workbooks,
 * one at a time, and require that the error is found every time and that the injected cell is the first
 * suspect in at least 9 cases of 10.
 */
import { a1 } from '../src/core/grid';
import { validateWorkbook } from '../src/core/validate';
import { layoutWorkbook, locate, setValue } from '../src/samples/layout';
import type { TableBlock } from '../src/samples/types';
import { SEEDS } from './helpers';

interface Outcome {
  cell: string;
  found: boolean;
  first: boolean;
}

function campaign(makeBlocks: () => TableBlock[], layout: 'sheets' | 'stacked'): Outcome[] {
  const blocks = makeBlocks();
  const out: Outcome[] = [];
  let k = 0;
  for (const b of blocks)
    b.rows.forEach((row, ri) =>
      b.amountCols.forEach((ci) => {
        if (!row[ci]) return;
        const l = layoutWorkbook(makeBlocks(), { layout });
        const at = locate(l, b.id, ri, ci);
        // Deltas of different sizes and signs, all beyond the rounding bound.
        const delta = [10, -1.5, 0.37, 123.45, -0.08][k++ % 5];
        const old = Number(row[ci]);
        setValue(l, at, Math.round((old + delta) * 100) / 100);
        const rep = validateWorkbook(l.workbook);
        const cell = `${at.sheet}!${a1(at.row, at.col)}`;
        const top = rep.suspects[0];
        out.push({ cell, found: rep.counts.error > 0, first: !!top && `${top.sheet}!${top.cell}` === cell });
      }),
    );
  return out;
}

describe.each([
  ['004 (2021 秦皇岛市工信局)', 'sheets'],
  ['004 (2021 秦皇岛市工信局)', 'stacked'],
  ['001 (2023 山海关区科工局)', 'sheets'],
] as const)('seed %s, layout %s', (seed, layout) => {
  const outcomes = campaign(SEEDS[seed], layout);
  test('every injected error is found', () => {
    expect(outcomes.length).toBeGreaterThan(100);
    expect(outcomes.filter((o) => !o.found).map((o) => o.cell)).toEqual([]);
  });
  test('the injected cell is the first suspect in at least 90% of cases', () => {
    const rate = outcomes.filter((o) => o.first).length / outcomes.length;
    const missed = outcomes.filter((o) => !o.first).map((o) => o.cell);
    // Printed so the figure is visible in CI logs.
    console.log(`${seed} ${layout}: first suspect correct in ${(rate * 100).toFixed(1)}% of ${outcomes.length}; missed: ${missed.join(' ')}`);
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });
});

test('the suggested value restores the published figure', () => {
  const l = layoutWorkbook(SEEDS['004 (2021 秦皇岛市工信局)'](), { layout: 'sheets' });
  const at = locate(l, 'general-budget-basic-expenditure', 22, 5); // 30217 公务接待费 公用经费 0.42
  setValue(l, at, 4.2);
  const rep = validateWorkbook(l.workbook);
  expect(rep.suspects[0]).toMatchObject({ sheet: '6基本支出表', cell: a1(at.row, at.col), suggested: '0.42' });
  expect(rep.suspects[0].score).toBe(1);
});

test('a failing "≥" rule has a suspect: 三公 公务接待费 lowered below basic-table 30217, consistently within the 三公 table', () => {
  const { seed004Blocks } = require('../src/samples/seed004');
  const blocks: TableBlock[] = seed004Blocks();
  const tp = blocks.find((b) => b.id === 'three-public-expenditure')!;
  // 0.42 → 0.24 in the 接待费 row and 4.25 → 4.07 in the 合计 row, in every column, so the 三公 table still adds up.
  tp.rows = tp.rows.map((r) => r.map((x) => (x === '0.42' ? '0.24' : x === '4.25' ? '4.07' : x)));
  const l = layoutWorkbook(blocks, { layout: 'sheets' });
  const rep = validateWorkbook(l.workbook);
  expect(rep.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['cross.three-public-basic']);
  const row = tp.rows.findIndex((r) => r.includes('0.24'));
  // The ≥ rule compares the 一般公共预算 column (the second 0.24 of the row; the first is 合计).
  const col = tp.rows[row].indexOf('0.24', tp.rows[row].indexOf('0.24') + 1);
  const at = locate(l, 'three-public-expenditure', row, col);
  expect(rep.suspects[0]).toMatchObject({ sheet: at.sheet, cell: a1(at.row, at.col), current: '0.24', suggested: '0.42' });
});

test('two cells of one row changed consistently (住房公积金 合计 and 人员经费 both): the pair is the first suspect', () => {
  const { seed004Blocks } = require('../src/samples/seed004');
  const blocks: TableBlock[] = seed004Blocks();
  const basic = blocks.find((b) => b.id === 'general-budget-basic-expenditure')!;
  // Rows: [序号, code, name, 合计, 人员经费, 公用经费].
  const ri = basic.rows.findIndex((r) => r[1] === '30113');
  const old = basic.rows[ri][3];
  const bumped = (Number(old) + 0.36).toFixed(2);
  const l = layoutWorkbook(blocks, { layout: 'sheets' });
  const total = locate(l, basic.id, ri, 3);
  const personnel = locate(l, basic.id, ri, 4);
  setValue(l, total, Number(bumped));
  setValue(l, personnel, Number(bumped));
  const rep = validateWorkbook(l.workbook);
  expect(rep.counts.error).toBeGreaterThan(1);
  const top = rep.suspects[0];
  const cells = [top.cell, top.with?.cell].sort();
  expect(cells).toEqual([a1(total.row, total.col), a1(personnel.row, personnel.col)].sort());
  expect(top.suggested).toBe(old);
  expect(top.with!.suggested).toBe(old);
  expect(top.reason).toMatch(/同行 2 格一起改动了 0\.36/);
  expect(top.kind).toBe('row');
});
