/**
 * The 决算 rules of final-accounts.md §3 that the budget has no counterpart of: carry-over (结转和结余) in the
 * summaries and the fund tables, the basic-expenditure ledger's 人员经费合计 / 公用经费合计, and the tables that
 * cover only 财政拨款 against those that cover every source. The rules both stages share are in within.ts and
 * cross.ts; the budget rules that do not hold in 决算 say so with `stages`.
 */
import type { CellAt } from '../checks';
import type { MappedRow, MappedTable } from '../model';
import { byCode, codeRows, has, item, Rule, totalRow, twoSided } from './context';
import { incomeSide } from './within';

const FINAL = ['final'] as const;

const FUNDS = [
  { key: 'general', label: '一般公共预算财政拨款' },
  { key: 'fund', label: '政府性基金预算财政拨款' },
  { key: 'state', label: '国有资本经营预算财政拨款' },
];

const cells = (t: MappedTable, rows: (MappedRow | undefined)[], role: string): CellAt[] => rows.filter((r): r is MappedRow => !!r).map((r) => [t, r, role]);

export const finalSummaryTotals: Rule = {
  id: 'final.summary-totals',
  severity: 'error',
  reads: 'presence',
  stages: FINAL,
  domain: 'J1.3–J1.4, J4.2–J4.5',
  title:
    '决算收支总表：总计(收) = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余；总计(支) = 本年支出合计 + 结余分配 + 年末结转和结余（每一金额列）；年初财政拨款结转和结余 = 其下各项资金之和',
  run(ctx) {
    for (const t of twoSided(ctx)) {
      const { inGrand, inTotal, carry, carrySub } = incomeSide(t);
      const carryCells = carry && !carry.amounts['in.amount']?.blank ? cells(t, [carry], 'in.amount') : cells(t, carrySub, 'in.amount');
      if (inGrand && inTotal)
        ctx.equal(
          [[t, inGrand, 'in.amount']],
          [...cells(t, [inTotal, item(t, 'nonfiscal-use', 'in')], 'in.amount'), ...carryCells],
          '本年收入合计 + 使用非财政拨款结余 + 年初结转和结余',
        );
      if (carry && carrySub.length && !carry.amounts['in.amount']?.blank)
        ctx.equal([[t, carry, 'in.amount']], cells(t, carrySub, 'in.amount'), '其下各项资金的年初结转和结余之和');
      const outGrand = item(t, 'exp-grand', 'out');
      const outTotal = item(t, 'exp-total', 'out');
      if (!outGrand || !outTotal) continue;
      const rest = [item(t, 'distribution', 'out'), item(t, 'year-end', 'out')];
      for (const c of t.columns)
        if (c.role.startsWith('out.') && c.role !== 'out.name')
          ctx.equal([[t, outGrand, c.role]], cells(t, [outTotal, ...rest], c.role), '本年支出合计 + 结余分配 + 年末结转和结余');
    }
  },
};

export const finalCarryOver: Rule = {
  id: 'final.carry-over',
  severity: 'error',
  reads: 'presence',
  stages: FINAL,
  domain: 'J4.7, J8.2',
  title: '决算结转和结余：年末 = 年初 + 本年收入 − 本年支出（财政拨款收支总表按资金来源，政府性基金、国有资本经营表逐行）',
  run(ctx) {
    const f = ctx.first('fiscal-appropriation-summary');
    if (f) {
      const yearEnd = item(f, 'year-end', 'out');
      const spent = item(f, 'exp-total', 'out');
      for (const { key, label } of FUNDS) {
        const role = `out.${key}`;
        const income = item(f, key, 'in');
        if (!has(f, role) || !yearEnd || !spent || !income) continue;
        ctx.equal(
          [
            [f, yearEnd, role],
            [f, spent, role],
          ],
          cells(f, [income, item(f, `carryover-${key}`, 'in')], 'in.amount'),
          `${label}：年初结转和结余 + 本年收入 − 本年支出合计`,
        );
      }
    }
    for (const t of ctx.tables) {
      if (t.def.stage !== 'final' || !['government-fund-expenditure', 'state-capital-expenditure'].includes(t.schema)) continue;
      if (!['carry-begin', 'income', 'total', 'carry-end'].every((r) => has(t, r))) continue;
      for (const row of t.rows) {
        if (row.kind === 'other' || !row.amounts.total || !row.amounts['carry-end']) continue;
        ctx.equal(
          [
            [t, row, 'carry-end'],
            [t, row, 'total'],
          ],
          [
            [t, row, 'carry-begin'],
            [t, row, 'income'],
          ],
          '年初结转和结余 + 本年收入 − 本年支出合计',
        );
      }
    }
  },
};

/** The economic classes of 人员经费 and of 公用经费 (final-accounts.md J6.2, J6.3). */
const LEDGER_TOTALS = [
  { item: 'personnel-total', classes: ['301', '303'], label: '301 工资福利支出 + 303 对个人和家庭的补助' },
  { item: 'public-total', classes: ['302', '307', '309', '310', '399'], label: '302 商品和服务支出 + 310 资本性支出（及 307、309、399）' },
];

export const finalBasicLedger: Rule = {
  id: 'final.basic-ledger',
  severity: 'error',
  stages: FINAL,
  domain: 'J6.2–J6.3',
  title: '决算基本支出表：人员经费合计 = 301 + 303；公用经费合计 = 302 + 310（及 307、309、399）',
  run(ctx) {
    for (const t of ctx.tables) {
      if (!t.def.ledger) continue;
      const codes = byCode(t);
      for (const l of LEDGER_TOTALS) {
        const total = item(t, l.item);
        const parts = l.classes.map((c) => codes.get(c));
        if (total && parts.some((p) => p)) ctx.equal([[t, total, 'total']], cells(t, parts, 'total'), l.label);
      }
    }
  },
};

export const finalGeneralBasic: Rule = {
  id: 'cross.final-general-basic',
  severity: 'error',
  stages: FINAL,
  domain: 'JX.6',
  title: '决算：一般公共预算支出表合计行的基本支出 = 基本支出表人员经费合计 + 公用经费合计',
  covers: {
    label: '一般公共预算支出决算表 ↔ 基本支出决算表（人员经费合计 + 公用经费合计）',
    needs: ['general-budget-expenditure', 'general-budget-basic-expenditure'],
  },
  run(ctx) {
    const g = ctx.first('general-budget-expenditure');
    const b = ctx.first('general-budget-basic-expenditure');
    const gt = g && totalRow(g);
    if (!g || !b || !gt || !has(g, 'basic')) return;
    const parts = cells(b, [item(b, 'personnel-total'), item(b, 'public-total')], 'total');
    if (parts.length) ctx.equal([[g, gt, 'basic']], parts, '基本支出表人员经费合计 + 公用经费合计');
  },
};

export const finalSummaryFiscal: Rule = {
  id: 'cross.final-summary-fiscal',
  severity: 'error',
  stages: FINAL,
  domain: 'JX.3, JX.5',
  title: '决算：财政拨款收支总表的本年收入 = 收入表合计行财政拨款收入，各项资金 = 收支总表对应收入；政府性基金、国有资本经营的收入和结转结余 = 其决算表合计行',
  covers: { label: '财政拨款收支决算总表 ↔ 收入决算表、收支决算总表（财政拨款收入）', needs: ['fiscal-appropriation-summary', 'income'] },
  run(ctx) {
    const f = ctx.first('fiscal-appropriation-summary');
    if (!f) return;
    const inc = ctx.first('income');
    const incTotal = inc && totalRow(inc);
    const fTotal = item(f, 'income-total', 'in');
    if (inc && incTotal && fTotal && has(inc, 'fiscal')) ctx.equal([[f, fTotal, 'in.amount']], [[inc, incTotal, 'fiscal']], '收入决算表合计行“财政拨款收入”');
    const s = ctx.first('income-expenditure-summary');
    for (const { key, label } of FUNDS) {
      const fi = item(f, key, 'in');
      const si = s && item(s, key, 'in');
      if (s && fi && si) ctx.equal([[f, fi, 'in.amount']], [[s, si, 'in.amount']], `收入支出决算总表“${label}收入”`);
    }
    const funds: [string, 'government-fund-expenditure' | 'state-capital-expenditure'][] = [
      ['fund', 'government-fund-expenditure'],
      ['state', 'state-capital-expenditure'],
    ];
    for (const [key, id] of funds) {
      const t = ctx.first(id);
      const tt = t && totalRow(t);
      if (!t || !tt) continue;
      const pairs: [MappedRow | undefined, string, string, string][] = [
        [item(f, key, 'in'), 'in.amount', 'income', '本年收入'],
        [item(f, `carryover-${key}`, 'in'), 'in.amount', 'carry-begin', '年初结转和结余'],
        [item(f, 'year-end', 'out'), `out.${key}`, 'carry-end', '年末结转和结余'],
      ];
      for (const [row, role, tRole, what] of pairs)
        if (row && has(f, role) && tt.amounts[tRole]) ctx.equal([[f, row, role]], [[t, tt, tRole]], `${t.def.title}合计行“${what}”`);
    }
  },
};

export const finalFiscalSubset: Rule = {
  id: 'cross.final-fiscal-subset',
  severity: 'error',
  stages: FINAL,
  domain: 'JX.7, JX.8',
  title: '决算：支出决算表（全部资金）≥ 一般公共预算财政拨款支出决算表，逐科目逐列；收支总表的年初、年末结转和结余 ≥ 财政拨款收支总表的',
  covers: { label: '支出决算表 ≥ 一般公共预算财政拨款支出决算表（逐科目）', needs: ['expenditure', 'general-budget-expenditure'] },
  run(ctx) {
    const e = ctx.first('expenditure');
    const g = ctx.first('general-budget-expenditure');
    if (e && g) {
      const ec = byCode(e);
      const roles = ['total', 'basic', 'project'].filter((r) => has(e, r) && has(g, r));
      const et = totalRow(e);
      const gt = totalRow(g);
      for (const role of roles) {
        if (et && gt && gt.amounts[role]) ctx.atLeast([[e, et, role]], [[g, gt, role]], `${g.def.title}合计行的对应数（全部资金不少于财政拨款）`);
        for (const r of codeRows(g))
          ctx.atLeast(
            [[e, ec.get(r.code!), role, `${e.def.title}中缺少科目 ${r.code}（${r.name}），按 0 计`]],
            [[g, r, role]],
            `${g.def.title}中同一科目的对应数（全部资金不少于财政拨款）`,
          );
      }
    }
    const s = ctx.first('income-expenditure-summary');
    const f = ctx.first('fiscal-appropriation-summary');
    if (!s || !f) return;
    const pairs: [MappedRow | undefined, MappedRow | undefined, string, string, string][] = [
      [item(s, 'carryover', 'in'), item(f, 'carryover', 'in'), 'in.amount', 'in.amount', '年初财政拨款结转和结余'],
      [item(s, 'year-end', 'out'), item(f, 'year-end', 'out'), 'out.total', 'out.total', '年末财政拨款结转和结余'],
    ];
    for (const [a, b, ra, rb, what] of pairs)
      if (a && b && a.amounts[ra] && b.amounts[rb]) ctx.atLeast([[s, a, ra]], [[f, b, rb]], `财政拨款收支总表的${what}（全部资金不少于财政拨款）`);
  },
};

/** The 决算 rules within one table. */
export const FINAL_RULES: Rule[] = [finalSummaryTotals, finalCarryOver, finalBasicLedger];

/** The 决算 rules between tables (listed with the other cross-table rules, in the coverage ledger's order). */
export const FINAL_CROSS_RULES: Rule[] = [finalGeneralBasic, finalSummaryFiscal, finalFiscalSubset];
