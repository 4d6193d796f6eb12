/**
 * The engine's equal() tells `countHolding` which tables an equality reads, so that the suspects' second pass can drop, unbuilt,
 * the holding equalities that read no table with a failing cell. An equality over more than two tables cannot be
 * told of them all: it must be built (and so looked at), never settled.
 */
import Decimal from 'decimal.js';
import { AmountCell } from '../src/core/amount';
import type { CellAt } from '../src/core/checks';
import type { MappedRow, MappedTable } from '../src/core/model';
import { ruleContexts, ruleInput } from '../src/core/engine';
import { evaluate, toFinding, type Finding } from '../src/core/checks';
import { detectWorkbook } from '../src/core/detect';
import type { Workbook } from '../src/core/grid';
import { byCode, codeRows, item, Rule } from '../src/core/rules/context';
import { layoutWorkbook } from '../src/samples/layout';
import { seed004Blocks } from '../src/samples/seed004';

function table(sheet: string): MappedTable {
  return {
    schema: 'expenditure',
    unit: '万元',
    decimals: 2,
    factor: new Decimal(1),
    sheet,
    title: '支出总表',
    range: { top: 0, left: 0, bottom: 5, right: 3 },
    columns: [{ role: 'total', col: 2, header: '合计', label: '合计' }],
    rows: [],
  } as unknown as MappedTable;
}

const row = (r: number, micro: number): MappedRow => ({
  row: r,
  kind: 'code',
  code: '201',
  name: '一般公共服务支出',
  amounts: { total: new AmountCell(r, 2, false, 2, micro) },
});

function context() {
  const asked: { table: MappedTable; other?: MappedTable }[] = [];
  const built: string[] = [];
  const contexts = ruleContexts(
    { tables: [], unmapped: [], others: [], workbook: { sheets: [] } },
    {
      finding: () => undefined,
      check: (c) => void built.push(c.rule),
      countHolding: (_rule, table, units, other) => {
        asked.push({ table, other });
        return units === 0;
      },
    },
  );
  const rule: Rule = { id: 'x', severity: 'error', domain: '', title: '', run: () => undefined };
  return { ctx: contexts.forRule(rule), asked, built };
}

describe('equal() and the tables it reads', () => {
  const [a, b, c] = [table('表一'), table('表二'), table('表三')];
  const one: CellAt = [a, row(1, 5_000_000), 'total'];
  const two: CellAt = [b, row(1, 3_000_000), 'total'];
  const three: CellAt = [c, row(1, 2_000_000), 'total'];

  it('names the second table of a cross-table equality, and none for one table', () => {
    const { ctx, asked, built } = context();
    ctx.equal([one], [two, [b, row(2, 2_000_000), 'total']], '');
    ctx.equal([one], [[a, row(2, 5_000_000), 'total']], '', { rule: 'y' });
    expect(asked).toEqual([
      { table: a, other: b },
      { table: a, other: undefined },
    ]);
    expect(built).toEqual([]);
  });

  it('builds an equality over three tables instead of settling it', () => {
    const { ctx, asked, built } = context();
    ctx.equal([one], [two, three], '', { rule: 'z' });
    expect(asked).toEqual([]);
    expect(built).toEqual(['z']);
  });

  it('builds one that does not hold exactly', () => {
    const { ctx, asked, built } = context();
    ctx.equal([one], [two], '', { rule: 'w' });
    expect(asked).toEqual([{ table: a, other: b }]);
    expect(built).toEqual(['w']);
  });
});

describe('the table index', () => {
  it('follows a table whose rows are replaced: the old index is not reused, and the table itself carries nothing', () => {
    const t = table('表一');
    t.rows = [row(1, 5_000_000)];
    expect([...byCode(t).keys()]).toEqual(['201']);
    expect(codeRows(t)).toHaveLength(1);
    expect(Object.keys(t)).toEqual(Object.keys(table('表一')));
    t.rows = [
      { ...row(1, 5_000_000), code: '205' },
      { ...row(2, 1_000_000), code: '20501' },
    ];
    expect([...byCode(t).keys()]).toEqual(['205', '20501']);
    expect(codeRows(t)).toHaveLength(2);
  });
});

describe('a new rule is metadata and equations (docs/rules.md, “加一条规则”)', () => {
  /** Written as a rule author would: no scaled integers, checks or terms. */
  const vehicleSplit: Rule = {
    id: 'test.vehicle-split',
    severity: 'error',
    domain: '3',
    title: '“三公”经费表：公务用车购置及运行维护费 = 购置费 + 运行维护费',
    run(ctx) {
      for (const t of ctx.tables) {
        if (t.def.shape !== 'three-public') continue;
        const vehicle = item(t, 'vehicle');
        if (vehicle)
          ctx.equal(
            [[t, vehicle, 'total']],
            [
              [t, item(t, 'purchase'), 'total'],
              [t, item(t, 'operation'), 'total'],
            ],
            '购置费 + 运行维护费',
          );
      }
    },
  };
  const findingsOf = (wb: Workbook) => {
    const findings: Finding[] = [];
    const contexts = ruleContexts(ruleInput(detectWorkbook(wb), wb), {
      check: (c) => void findings.push(...[toFinding(evaluate(c))].filter((f): f is Finding => !!f)),
      finding: (f) => void findings.push(f),
    });
    vehicleSplit.run(contexts.forRule(vehicleSplit));
    return findings;
  };
  const sample = () => layoutWorkbook(seed004Blocks(), { layout: 'sheets' }).workbook;

  it('finds nothing on the sample, and the changed cell with what it should be when 公务用车 no longer adds up', () => {
    expect(findingsOf(sample())).toEqual([]);
    const wb = sample();
    const t = detectWorkbook(wb).tables.find((x) => x.schema === 'three-public-expenditure')!;
    const a = item(t, 'vehicle')!.amounts.total;
    const sheet = wb.sheets.find((s) => s.name === t.sheet)!;
    sheet.rows[a.row]![a.col] = { value: Number(a.value.plus(1).toFixed(2)) };
    const [f] = findingsOf(wb);
    expect(f).toMatchObject({ rule: 'test.vehicle-split', severity: 'error', expected: a.value.toFixed(2), difference: '1.00' });
    expect(f.message).toMatch(/应为 .*（购置费 \+ 运行维护费）/);
  });
});
