/** Rules 1–4 of domain.md: reconciliation inside one table. */
import { isZeroAmount } from '../amount';
import { CellAt, cellLabel } from '../checks';
import { a1 } from '../grid';
import type { MappedRow, MappedTable } from '../model';
import { FINAL_SCHEMAS, SCHEMAS } from '../schemas';
import { amountRoles, codeRows, has, item, Rule, tableParents, totalRow, twoSided, uncertainSums } from './context';

const INCOME_SOURCE_ITEMS = ['general', 'fund', 'state', 'special', 'business', 'operating', 'superior', 'affiliated', 'other'];

/**
 * The income items a summary's 本年收入 is the sum of. "财政拨款收入" is the parent of its 一般公共预算 / 政府性基金 /
 * 国有资本经营 lines where they are printed (Shanghai: "一、财政拨款收入" then "1. 一般公共预算资金"); alone, it counts.
 */
export function incomeSources(t: MappedTable): MappedRow[] {
  const rows = t.rows.filter((r) => r.side === 'in' && r.item && INCOME_SOURCE_ITEMS.includes(r.item));
  const fiscal = item(t, 'fiscal', 'in');
  const split = rows.some((r) => ['general', 'fund', 'state'].includes(r.item!) && !r.amounts['in.amount']?.blank);
  return fiscal && !split ? [fiscal, ...rows.filter((r) => !['general', 'fund', 'state'].includes(r.item!))] : rows;
}

/** A summary's income side: 收入总计, 本年收入合计, the carry-over line and its lines by fund (财政拨款收支总表). */
export function incomeSide(t: MappedTable) {
  return {
    inGrand: item(t, 'income-grand', 'in'),
    inTotal: item(t, 'income-total', 'in'),
    carry: item(t, 'carryover', 'in'),
    carrySub: t.rows.filter((r) => r.side === 'in' && r.item?.startsWith('carryover-')),
  };
}

function classRows(t: MappedTable): MappedRow[] {
  return t.rows.filter((r) => r.side === 'out' && (r.kind === 'class' || r.kind === 'other'));
}

export const summaryIncomeTotal: Rule = {
  id: 'summary.income-total',
  severity: 'error',
  reads: 'presence',
  domain: '1',
  title: '收支总表：本年收入合计 = 各项收入之和',
  run(ctx) {
    for (const t of twoSided(ctx)) {
      const total = item(t, 'income-total', 'in');
      if (!total) continue;
      ctx.equal(
        [[t, total, 'in.amount']],
        incomeSources(t).map((p) => [t, p, 'in.amount']),
        '各项收入之和',
      );
    }
  },
};

export const summaryExpenditureTotal: Rule = {
  id: 'summary.expenditure-total',
  severity: 'error',
  domain: '1',
  title: '收支总表：本年支出合计 = 各功能类支出之和（每一金额列）',
  run(ctx) {
    for (const t of twoSided(ctx)) {
      const total = item(t, 'exp-total', 'out');
      if (!total) continue;
      const parts = classRows(t);
      for (const role of amountRoles(t, 'out')) ctx.columnSum(t, role, total, parts, '各功能类支出之和');
    }
  },
};

/** The carry-over cells of a sum: the 结转结余 line where it is filled, else its sub-lines. */
function carryCells(t: MappedTable, header: MappedRow | undefined, sub: MappedRow[], role: string): CellAt[] {
  if (header && !header.amounts[role]?.blank) return [[t, header, role]];
  return sub.map((s) => [t, s, role]);
}

export const summaryGrandTotals: Rule = {
  id: 'summary.grand-totals',
  severity: 'error',
  reads: 'presence',
  stages: ['budget'],
  domain: '1',
  title: '收支总表：收入总计 = 本年收入合计 + 上年结转结余；支出总计 = 本年支出合计 + 年终结转结余',
  run(ctx) {
    for (const t of twoSided(ctx)) {
      const { inGrand, inTotal, carry, carrySub } = incomeSide(t);
      if (inGrand && inTotal)
        ctx.equal([[t, inGrand, 'in.amount']], [[t, inTotal, 'in.amount'], ...carryCells(t, carry, carrySub, 'in.amount')], '本年收入合计 + 上年结转结余');
      // Layouts without a 本年收入合计 line (Shanghai): 收入总计 = 各项收入 + 上年结转结余.
      if (inGrand && !inTotal)
        ctx.equal(
          [[t, inGrand, 'in.amount']],
          [...incomeSources(t).map((r): CellAt => [t, r, 'in.amount']), ...carryCells(t, carry, carrySub, 'in.amount')],
          '各项收入 + 上年结转结余',
        );
      if (carry && carrySub.length && !carry.amounts['in.amount']?.blank)
        ctx.equal(
          [[t, carry, 'in.amount']],
          carrySub.map((s) => [t, s, 'in.amount']),
          '各项结转结余之和',
        );
      const outGrand = item(t, 'exp-grand', 'out');
      const outTotal = item(t, 'exp-total', 'out');
      const yearEnd = item(t, 'year-end', 'out');
      if (outGrand && outTotal)
        for (const role of amountRoles(t, 'out'))
          ctx.equal([[t, outGrand, role]], [[t, outTotal, role], ...(yearEnd ? [[t, yearEnd, role] as const] : [])], '本年支出合计 + 年终结转结余');
      if (outGrand && !outTotal)
        for (const role of amountRoles(t, 'out'))
          ctx.equal(
            [[t, outGrand, role]],
            [...classRows(t).map((r): CellAt => [t, r, role]), ...(yearEnd ? [[t, yearEnd, role] as const] : [])],
            '各功能类支出 + 年终结转结余',
          );
    }
  },
};

export const summaryBalance: Rule = {
  id: 'summary.balance',
  severity: 'error',
  domain: '1',
  title: '收支总表：收入总计 = 支出总计（财政拨款收支总表按资金来源逐列）',
  run(ctx) {
    for (const t of twoSided(ctx)) {
      const inGrand = item(t, 'income-grand', 'in');
      const outGrand = item(t, 'exp-grand', 'out');
      if (!inGrand || !outGrand) continue;
      ctx.equal([[t, outGrand, 'out.total']], [[t, inGrand, 'in.amount']], '收入总计');
      if (t.schema !== 'fiscal-appropriation-summary') continue;
      for (const k of ['general', 'fund', 'state']) {
        const role = `out.${k}`;
        if (!has(t, role)) continue;
        const inc = item(t, k, 'in');
        const carry = item(t, `carryover-${k}`, 'in');
        if (!inc) continue;
        const col = t.columns.find((c) => c.role === role)!.label;
        ctx.equal([[t, outGrand, role]], [[t, inc, 'in.amount'], ...(carry ? [[t, carry, 'in.amount'] as const] : [])], `${col}收入 + 年初结转结余`);
      }
    }
  },
};

export const hierarchyParent: Rule = {
  id: 'hierarchy.parent',
  severity: 'error',
  domain: '2',
  title: '科目层级：类 = 其下各款之和，款 = 其下各项之和（每一金额列）',
  run(ctx) {
    for (const t of ctx.tables) {
      if (t.def.shape !== 'code') continue;
      const { children } = tableParents(t);
      const roles = amountRoles(t);
      const uncertain = uncertainSums(t).codes;
      for (const [p, kids] of children) {
        if (uncertain.has(p.code!)) continue;
        const what = p.level === 1 ? '其下各款之和' : '其下各项之和';
        for (const role of roles) ctx.columnSum(t, role, p, kids, what);
      }
    }
  },
};

export const hierarchyTotal: Rule = {
  id: 'hierarchy.total',
  severity: 'error',
  domain: '2',
  title: '科目层级：合计 = 各类之和（每一金额列）',
  run(ctx) {
    for (const t of ctx.tables) {
      if (t.def.shape !== 'code') continue;
      const total = totalRow(t);
      if (!total || uncertainSums(t).total) continue;
      const { roots } = tableParents(t);
      // A 决算 fund table's 合计 row may print sub-headers instead of its 本年支出 amounts (not checked there).
      for (const role of amountRoles(t)) if (total.amounts[role]) ctx.columnSum(t, role, total, roots, '各类之和');
    }
  },
};

export const rowFormulas: Rule = {
  id: 'row.*',
  severity: 'error',
  // Each schema's formulas report under their own ids (row.general-total …).
  emits: [...new Set([...SCHEMAS, ...FINAL_SCHEMAS].flatMap((s) => s.rowFormulas.map((f) => f.rule)))],
  domain: '3',
  title: '行内公式：收入合计 = 小计 + 上年结转；支出合计 = 基本 + 项目 + …；基本 = 人员 + 公用；财政拨款合计 = 一般公共 + 基金 + 国资（规则号见 schemas.ts）',
  run(ctx) {
    for (const t of ctx.tables) {
      const roles = new Set(amountRoles(t));
      for (const f of t.def.rowFormulas) {
        const requires = f.requires ?? [f.target];
        if (!requires.every((r) => roles.has(r)) || (f.unless ?? []).some((r) => roles.has(r))) continue;
        const parts = f.parts.filter((p) => roles.has(p));
        if (!parts.length) continue;
        // The expectation in words, written once an equation of this formula does not hold exactly.
        let describe: string | undefined;
        const expectation = () => (describe ??= parts.map((p) => t.columns.find((c) => c.role === p)!.label).join(' + '));
        for (const row of t.rows) {
          if (row.kind === 'other' || !row.amounts[f.target]) continue;
          if (t.def.shape === 'two-sided' && row.side !== 'out') continue;
          ctx.rowSum(t, row, f.target, parts, expectation, { rule: f.rule });
        }
      }
    }
  },
};

export const threePublicItems: Rule = {
  id: 'three-public.items',
  severity: 'error',
  domain: '3',
  title: '“三公”经费表：合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；公务用车购置及运行维护费 = 购置费 + 运行维护费',
  run(ctx) {
    for (const t of ctx.tables) {
      if (t.def.shape !== 'three-public') continue;
      const get = (k: string) => item(t, k);
      const total = get('total');
      const vehicle = get('vehicle');
      for (const role of amountRoles(t)) {
        if (total) {
          const parts = ['abroad', 'vehicle', 'reception'].map(get).filter((r): r is MappedRow => !!r);
          if (parts.length)
            ctx.equal(
              [[t, total, role]],
              parts.map((p) => [t, p, role]),
              '因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费',
            );
        }
        if (vehicle) {
          const parts = ['purchase', 'operation'].map(get).filter((r): r is MappedRow => !!r);
          if (parts.length)
            ctx.equal(
              [[t, vehicle, role]],
              parts.map((p) => [t, p, role]),
              '公务用车购置费 + 公务用车运行维护费',
            );
        }
      }
    }
  },
};

export const basicEconomicSplit: Rule = {
  id: 'basic.economic-split',
  severity: 'warning',
  reads: 'values',
  stages: ['budget'],
  domain: '4',
  title: '基本支出表：301、303 属人员经费，302、310（及 309、399）属公用经费，填错列的金额提示核对',
  run(ctx) {
    for (const t of ctx.tables) {
      if (t.schema !== 'general-budget-basic-expenditure') continue;
      for (const r of codeRows(t)) {
        const cls = r.code!.slice(0, 3);
        const personnel = ['301', '303'].includes(cls);
        const wrongRole = personnel ? 'public' : ['302', '309', '310', '399'].includes(cls) ? 'personnel' : undefined;
        const a = wrongRole ? r.amounts[wrongRole] : undefined;
        if (!a || isZeroAmount(a)) continue;
        ctx.finding({
          rule: this.id,
          severity: 'warning',
          message: `${cellLabel(t, r, wrongRole!)}为 ${a.value.toFixed(t.decimals)}：${cls} 类一般应列${personnel ? '人员经费' : '公用经费'}，请核对`,
          sheet: t.sheet,
          cell: a1(a.row, a.col),
          cells: [{ sheet: t.sheet, cell: a1(a.row, a.col) }],
          table: t.schema,
        });
      }
    }
  },
};

export const WITHIN_RULES: Rule[] = [
  summaryIncomeTotal,
  summaryExpenditureTotal,
  summaryGrandTotals,
  summaryBalance,
  hierarchyParent,
  hierarchyTotal,
  rowFormulas,
  threePublicItems,
  basicEconomicSplit,
];
