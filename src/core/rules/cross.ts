/** Rules 5–11 of domain.md: the same figure in two tables. Units are normalised to 万元 by the terms. */
import { isZeroAmount } from '../amount';
import { contradictedName } from '../catalogue';
import { shortTitle } from '../checks';
import type { MappedRow, MappedTable } from '../model';
import type { SchemaId } from '../schemas';
import { byCode, EquationOptions, has, item, Rule, RuleContext, totalRow } from './context';
import { FINAL_CROSS_RULES } from './final';
import { incomeSources } from './within';

/** Equality per code between two tables (union of codes), plus the total rows. */
function compareByCode(
  ctx: RuleContext,
  a: MappedTable,
  b: MappedTable,
  pairs: [string, string][],
  filter: (r: MappedRow) => boolean = () => true,
  severity?: EquationOptions['severity'],
) {
  const ma = byCode(a);
  const mb = byCode(b);
  const codes = new Set<string>();
  for (const [c, r] of ma) if (r.kind === 'code' && filter(r)) codes.add(c);
  for (const [c, r] of mb) if (r.kind === 'code' && filter(r)) codes.add(c);
  for (const [ra, rb] of pairs) {
    if (!has(a, ra) || !has(b, rb)) continue;
    const ta = totalRow(a);
    const tb = totalRow(b);
    if (ta && tb) ctx.equal([[a, ta, ra]], [[b, tb, rb]], `${b.def.title}合计行的对应数`, { severity });
    for (const code of codes) {
      const x = ma.get(code);
      const y = mb.get(code);
      if (!x?.amounts[ra] && !y?.amounts[rb]) continue;
      // The finding names the cell that is there: a code missing in `a` is stated from `b`'s side.
      if (x) ctx.equal([[a, x, ra]], [[b, y, rb]], `${b.def.title}中同一科目的对应数`, { severity });
      else ctx.equal([[b, y, rb]], [[a, x, ra, `${a.def.title}中缺少科目 ${code}（${y!.name}），按 0 计`]], `${a.def.title}中同一科目的对应数`, { severity });
    }
  }
}

/**
 * A summary table's class rows (and 本年支出合计) against a code table's 类 rows (and 合计), one column of
 * the summary against the code table's 合计 column. A class missing on either side counts as zero.
 */
function compareClasses(ctx: RuleContext, summary: MappedTable, column: string, target: MappedTable) {
  const classes = new Map<string, MappedRow>();
  for (const r of summary.rows) if (r.side === 'out' && r.kind === 'class' && r.code) classes.set(r.code, r);
  const targetCodes = byCode(target);
  const codes = new Set<string>(classes.keys());
  for (const r of target.rows) if (r.kind === 'code' && r.level === 1) codes.add(r.code!);
  for (const code of codes) {
    const sr = classes.get(code);
    const tr = targetCodes.get(code);
    if (!sr?.amounts[column] && !tr?.amounts.total) continue;
    if (sr) ctx.equal([[summary, sr, column]], [[target, tr, 'total']], `${target.def.title}中该类的合计`);
    else
      ctx.equal([[target, tr, 'total']], [[summary, sr, column, `${shortTitle(summary)}中缺少功能类 ${code}，按 0 计`]], `${summary.def.title}中该类的对应数`);
  }
  // 本年支出合计 against the target's 合计 row; an empty target table (空表列示) counts as zero.
  const st = item(summary, 'exp-total', 'out');
  const tt = totalRow(target);
  if (st && (tt ? tt.amounts.total : !target.rows.some((r) => r.kind === 'code')))
    ctx.equal([[summary, st, column]], [[target, tt, 'total']], `${target.def.title}合计`);
}

export const summaryVsExpenditure: Rule = {
  id: 'cross.summary-expenditure',
  severity: 'error',
  domain: '5',
  title: '收支总表各功能类支出、本年支出合计 = 支出总表对应类的合计',
  covers: { label: '收支总表 ↔ 支出总表（各功能类）', needs: ['income-expenditure-summary', 'expenditure'] },
  run(ctx) {
    const s = ctx.first('income-expenditure-summary');
    const e = ctx.first('expenditure');
    if (s && e) compareClasses(ctx, s, 'out.total', e);
  },
};

/**
 * A 单位预算's summary (Shanghai) splits its expenditure side into 基本支出 (人员经费 | 公用经费) and 项目支出: each
 * class's 基本支出 and 项目支出 are the expenditure table's for that class (both cover every fund), and the 人员经费 /
 * 公用经费 totals are the basic table's (一般公共预算 only: equal where all money is 一般公共预算, else not less).
 */
/** A summary whose expenditure side is split into 基本支出 / 人员经费 / 公用经费 / 项目支出 (a 单位预算, Shanghai). */
function splitSummary(first: ReadonlyMap<SchemaId, MappedTable>): boolean {
  const s = first.get('income-expenditure-summary');
  return !!s && s.columns.some((c) => ['out.basic', 'out.personnel', 'out.public', 'out.project'].includes(c.role));
}

export const summarySplit: Rule = {
  id: 'cross.summary-split',
  severity: 'error',
  reads: 'presence',
  stages: ['budget'],
  domain: '5, 8',
  title:
    '收支总表分列基本支出（人员经费、公用经费）、项目支出时：各功能类的基本支出、项目支出 = 支出总表该类的对应数；人员经费、公用经费合计 = 基本支出表合计行（全部为一般公共预算资金时相等，否则不少于）',
  covers: {
    label: '收支总表（基本支出、人员经费、公用经费、项目支出列）↔ 支出总表、基本支出表',
    needs: ['income-expenditure-summary', 'expenditure', 'general-budget-basic-expenditure'],
    when: splitSummary,
  },
  run(ctx) {
    const s = ctx.first('income-expenditure-summary');
    if (!s) return;
    const basic = has(s, 'out.basic') ? ['out.basic'] : ['out.personnel', 'out.public'].filter((r) => has(s, r));
    const classes = s.rows.filter((r) => r.side === 'out' && r.kind === 'class' && r.code);
    const e = ctx.first('expenditure');
    if (e) {
      const codes = byCode(e);
      const all = new Map<string, MappedRow | undefined>(classes.map((r) => [r.code!, r]));
      for (const r of e.rows) if (r.kind === 'code' && r.level === 1 && !all.has(r.code!)) all.set(r.code!, undefined);
      for (const [code, sr] of all) {
        const er = codes.get(code);
        if (basic.length && has(e, 'basic'))
          ctx.equal(
            basic.map((role) => [s, sr, role] as const),
            [[e, er, 'basic']],
            `${e.def.title}中该类的基本支出`,
          );
        if (has(s, 'out.project') && has(e, 'project')) ctx.equal([[s, sr, 'out.project']], [[e, er, 'project']], `${e.def.title}中该类的项目支出`);
      }
    }
    const b = ctx.first('general-budget-basic-expenditure');
    const bt = b && totalRow(b);
    if (!b || !bt) return;
    const st = item(s, 'exp-total', 'out');
    const equal = allGeneralBudget(ctx);
    for (const [role, brole, word] of [
      ['out.personnel', 'personnel', '人员经费'],
      ['out.public', 'public', '公用经费'],
    ] as const) {
      if (!has(s, role) || !has(b, brole)) continue;
      const lhs = st ? [[s, st, role] as const] : classes.map((r) => [s, r, role] as const);
      const expectation = `${b.def.title}合计行的${word}`;
      if (equal) ctx.equal(lhs, [[b, bt, brole]], expectation);
      else ctx.atLeast(lhs, [[b, bt, brole]], expectation);
    }
  },
};

const SUMMARY_INCOME_MAP: { items: string[]; role: string }[] = [
  { items: ['general', 'fund', 'state'], role: 'fiscal' },
  { items: ['special'], role: 'special' },
  { items: ['business'], role: 'business' },
  { items: ['operating'], role: 'operating' },
  { items: ['superior'], role: 'superior' },
  { items: ['affiliated'], role: 'affiliated' },
  { items: ['other'], role: 'other' },
  { items: ['income-total'], role: 'subtotal' },
  { items: ['carryover'], role: 'carryover' },
  { items: ['income-grand'], role: 'total' },
];

/** 决算 (final-accounts.md JX.1): 本年收入合计 is the income table's total column; 总计 includes carry-over it lacks. */
const FINAL_SUMMARY_INCOME_MAP: { items: string[]; role: string }[] = [
  ...SUMMARY_INCOME_MAP.filter((m) => !['income-total', 'carryover', 'income-grand'].includes(m.items[0])),
  { items: ['income-total'], role: 'total' },
];

export const summaryVsIncome: Rule = {
  id: 'cross.summary-income',
  severity: 'error',
  reads: 'presence',
  domain: '5',
  title: '收支总表各项收入 = 收入总表合计行对应列',
  covers: { label: '收支总表 ↔ 收入总表（各项收入）', needs: ['income-expenditure-summary', 'income'] },
  run(ctx) {
    const s = ctx.first('income-expenditure-summary');
    const inc = ctx.first('income');
    if (!s || !inc) return;
    const total = totalRow(inc);
    if (!total) return;
    for (const m of ctx.stage === 'final' ? FINAL_SUMMARY_INCOME_MAP : SUMMARY_INCOME_MAP) {
      if (!has(inc, m.role)) continue;
      let rows = m.items.map((k) => item(s, k, 'in')).filter((r): r is MappedRow => !!r);
      if (m.role === 'fiscal') rows = incomeSources(s).filter((r) => ['fiscal', 'general', 'fund', 'state'].includes(r.item!));
      if (!rows.length) continue;
      const label = inc.columns.find((c) => c.role === m.role)!.label;
      ctx.equal(
        rows.map((r) => [s, r, 'in.amount']),
        [[inc, total, m.role]],
        `收入总表合计行“${label}”`,
      );
    }
  },
};

export const incomeVsExpenditure: Rule = {
  id: 'cross.income-expenditure',
  severity: 'error',
  // 决算: carry-over and unspent non-fiscal income legitimately break it (final-accounts.md N1).
  stages: ['budget'],
  domain: '6',
  title: '收入总表与支出总表逐科目合计一致',
  covers: { label: '收入总表 ↔ 支出总表（逐科目）', needs: ['income', 'expenditure'] },
  run(ctx) {
    const inc = ctx.first('income');
    const e = ctx.first('expenditure');
    if (inc && e) compareByCode(ctx, inc, e, [['total', 'total']]);
  },
};

function fiscalVs(ctx: RuleContext, column: string, target: SchemaId) {
  const f = ctx.first('fiscal-appropriation-summary');
  const g = ctx.first(target);
  if (f && g && has(f, column)) compareClasses(ctx, f, column, g);
}

export const fiscalVsGeneral: Rule = {
  id: 'cross.fiscal-general',
  severity: 'error',
  domain: '7',
  title: '财政拨款收支总表“一般公共预算财政拨款”列 = 一般公共预算财政拨款支出表（合计及各类）',
  covers: { label: '财政拨款收支总表 ↔ 一般公共预算支出表', needs: ['fiscal-appropriation-summary', 'general-budget-expenditure'] },
  run(ctx) {
    fiscalVs(ctx, 'out.general', 'general-budget-expenditure');
  },
};

export const fiscalVsFund: Rule = {
  id: 'cross.fiscal-fund',
  severity: 'error',
  domain: '7',
  title: '财政拨款收支总表“政府性基金预算财政拨款”列 = 政府性基金预算财政拨款支出表',
  covers: { label: '财政拨款收支总表 ↔ 政府性基金预算支出表', needs: ['fiscal-appropriation-summary', 'government-fund-expenditure'] },
  run(ctx) {
    fiscalVs(ctx, 'out.fund', 'government-fund-expenditure');
  },
};

export const fiscalVsState: Rule = {
  id: 'cross.fiscal-state',
  severity: 'error',
  domain: '7',
  title: '财政拨款收支总表“国有资本经营预算财政拨款”列 = 国有资本经营预算财政拨款支出表',
  covers: { label: '财政拨款收支总表 ↔ 国有资本经营预算支出表', needs: ['fiscal-appropriation-summary', 'state-capital-expenditure'] },
  run(ctx) {
    fiscalVs(ctx, 'out.state', 'state-capital-expenditure');
  },
};

export const generalVsBasic: Rule = {
  id: 'cross.general-basic',
  severity: 'error',
  // 决算: the basic table is a ledger with 人员经费合计 / 公用经费合计 (final.general-basic).
  stages: ['budget'],
  domain: '8',
  title: '一般公共预算支出表合计行的基本支出（人员经费、公用经费）= 基本支出表合计',
  covers: { label: '一般公共预算支出表 ↔ 基本支出表（基本支出）', needs: ['general-budget-expenditure', 'general-budget-basic-expenditure'] },
  run(ctx) {
    const g = ctx.first('general-budget-expenditure');
    const b = ctx.first('general-budget-basic-expenditure');
    if (!g || !b) return;
    const gt = totalRow(g);
    const bt = totalRow(b);
    if (!gt || !bt) return;
    if (has(g, 'basic')) ctx.equal([[g, gt, 'basic']], [[b, bt, 'total']], '基本支出表合计');
    else if (has(g, 'personnel'))
      ctx.equal(
        [
          [g, gt, 'personnel'],
          [g, gt, 'public'],
        ],
        [[b, bt, 'total']],
        '基本支出表合计',
      );
    for (const role of ['personnel', 'public'])
      if (has(g, role) && has(b, role)) ctx.equal([[g, gt, role]], [[b, bt, role]], `基本支出表合计行${role === 'personnel' ? '人员经费' : '公用经费'}`);
  },
};

/** All money is 一般公共预算 when no other income source or fund column carries an amount. */
function allGeneralBudget(ctx: RuleContext): boolean {
  const inc = ctx.first('income');
  const it = inc && totalRow(inc);
  if (it) {
    for (const role of ['special', 'business', 'operating', 'superior', 'affiliated', 'other', 'carryover']) {
      const a = it.amounts[role];
      if (a && !isZeroAmount(a)) return false;
    }
  }
  const s = ctx.first('income-expenditure-summary');
  if (s)
    for (const r of s.rows)
      if (
        r.side === 'in' &&
        r.item &&
        !['general', 'income-total', 'income-grand'].includes(r.item) &&
        r.amounts['in.amount'] &&
        !isZeroAmount(r.amounts['in.amount'])
      )
        return false;
  const f = ctx.first('fiscal-appropriation-summary');
  if (f) for (const r of f.rows) for (const role of ['out.fund', 'out.state']) if (r.amounts[role] && !isZeroAmount(r.amounts[role])) return false;
  for (const id of ['government-fund-expenditure', 'state-capital-expenditure'] as SchemaId[]) {
    const t = ctx.first(id);
    if (t && t.rows.some((r) => Object.values(r.amounts).some((a) => !isZeroAmount(a)))) return false;
  }
  return !!(it || s || f);
}

export const generalVsExpenditure: Rule = {
  id: 'cross.general-expenditure',
  severity: 'error',
  reads: 'presence',
  // 决算: non-fiscal carry-over can be spent with only 一般公共预算 income (final-accounts.md N2; final.fiscal-subset).
  stages: ['budget'],
  domain: '9',
  title: '全部为一般公共预算资金时，一般公共预算支出表与支出总表逐行一致（合计、基本支出、项目支出）',
  covers: { label: '一般公共预算支出表 ↔ 支出总表', needs: ['general-budget-expenditure', 'expenditure'] },
  run(ctx) {
    const g = ctx.first('general-budget-expenditure');
    const e = ctx.first('expenditure');
    if (!g || !e || !allGeneralBudget(ctx)) return;
    compareByCode(ctx, g, e, [
      ['total', 'total'],
      ['basic', 'basic'],
      ['project', 'project'],
    ]);
  },
};

const THREE_PUBLIC_ECONOMIC: { item: string; codes: string[]; label: string }[] = [
  { item: 'abroad', codes: ['30212'], label: '基本支出表 30212 因公出国（境）费用' },
  { item: 'reception', codes: ['30217'], label: '基本支出表 30217 公务接待费' },
  { item: 'operation', codes: ['30231'], label: '基本支出表 30231 公务用车运行维护费' },
  { item: 'purchase', codes: ['31013', '30913'], label: '基本支出表 31013 + 30913 公务用车购置' },
];

export const threePublicVsBasic: Rule = {
  id: 'cross.three-public-basic',
  severity: 'error',
  domain: '10',
  title: '“三公”经费各项 ≥ 基本支出表对应经济科目（三公含项目支出，少于基本支出即有误）',
  covers: { label: '“三公”经费表 ↔ 基本支出表（经济科目）', needs: ['three-public-expenditure', 'general-budget-basic-expenditure'] },
  run(ctx) {
    const tp = ctx.first('three-public-expenditure');
    const b = ctx.first('general-budget-basic-expenditure');
    if (!tp || !b) return;
    const codes = byCode(b);
    const role = has(tp, 'general') ? 'general' : 'total';
    for (const m of THREE_PUBLIC_ECONOMIC) {
      // A row whose printed name is another item's is not known to be this item: it is not compared.
      const rows = m.codes.map((c) => codes.get(c)).filter((r): r is MappedRow => !!r && isWhatItsCodeSays(b, r));
      if (!rows.length) continue;
      const missing = `“三公”经费表缺少“${m.label.split(' ').pop()}”行，按 0 计`;
      ctx.atLeast(
        [[tp, item(tp, m.item), role, missing]],
        rows.map((x) => [b, x, 'total']),
        m.label,
      );
    }
  },
};

/** The row is the item its code names: its printed name does not contradict the catalogue's (catalogue.contradictedName). */
function isWhatItsCodeSays(t: MappedTable, r: MappedRow): boolean {
  return !t.def.codeKind || !r.code || contradictedName(t.def.codeKind, r.code, r.name) === undefined;
}

const IDENTITIES: { econ: string[]; func: string[]; text: string }[] = [
  { econ: ['30108'], func: ['2080505'], text: '30108 机关事业单位基本养老保险缴费 = 2080505' },
  { econ: ['30110'], func: ['2101101', '2101102'], text: '30110 职工基本医疗保险缴费 = 2101101 + 2101102' },
  { econ: ['30111'], func: ['2101103'], text: '30111 公务员医疗补助缴费 = 2101103' },
  { econ: ['30113'], func: ['2210201'], text: '30113 住房公积金 = 2210201' },
];

export const economicVsFunction: Rule = {
  id: 'cross.economic-function',
  severity: 'warning',
  domain: '11',
  title: '经济分类与功能分类的常见对应（30108 = 2080505 等），不一致时提示核对（警告）',
  covers: { label: '基本支出表 ↔ 一般公共预算支出表（经济与功能分类对应）', needs: ['general-budget-basic-expenditure', 'general-budget-expenditure'] },
  run(ctx) {
    const b = ctx.first('general-budget-basic-expenditure');
    const g = ctx.first('general-budget-expenditure') ?? ctx.first('expenditure');
    if (!b || !g) return;
    const bc = byCode(b);
    const gc = byCode(g);
    for (const id of IDENTITIES) {
      const er = id.econ.map((c) => bc.get(c)).filter((r): r is MappedRow => !!r);
      const fr = id.func.map((c) => gc.get(c)).filter((r): r is MappedRow => !!r);
      if (!er.length || !fr.length) continue;
      // Each side must be the items the identity names (a row printed with another item's name is not).
      if (![...er.map((r) => [b, r] as const), ...fr.map((r) => [g, r] as const)].every(([t, r]) => isWhatItsCodeSays(t, r))) continue;
      ctx.equal(
        er.map((r) => [b, r, 'total']),
        fr.map((r) => [g, r, 'total']),
        `${g.def.title}中 ${id.func.join(' + ')} 的合计（${id.text}）`,
        { severity: 'warning' },
      );
    }
  },
};

export const CROSS_RULES: Rule[] = [
  summaryVsExpenditure,
  summarySplit,
  summaryVsIncome,
  incomeVsExpenditure,
  fiscalVsGeneral,
  fiscalVsFund,
  fiscalVsState,
  generalVsBasic,
  generalVsExpenditure,
  ...FINAL_CROSS_RULES,
  threePublicVsBasic,
  economicVsFunction,
];
