/**
 * The roles of a table's columns, from the schema and the header's paths of headings: names, codes (one column or
 * 类 | 款 | 项), amounts, the two sides of a summary and the 三公 tables' item columns; and what a schema needs.
 */
import { remember } from '../collections';
import type { MappedColumn } from '../model';
import { SchemaDef, THREE_PUBLIC_COLUMNS, THREE_PUBLIC_ITEMS } from '../schemas';

/**
 * Memo of assignColumns by schema and header paths: a batch's workbooks share their templates' headers. The lists
 * are shared by every table with that header (and frozen: nothing changes a table's columns).
 */
const columnsByHeader = new Map<string, readonly MappedColumn[]>();

export function columnsFor(def: SchemaDef, paths: Map<number, string[]>): MappedColumn[] {
  let key = def.stage === 'final' ? `final:${def.id}` : def.id;
  for (const [c, p] of paths) key += `\u0001${c}\u0002${p.join('\u0002')}`;
  let cols = columnsByHeader.get(key);
  if (!cols) cols = remember(columnsByHeader, key, Object.freeze(assignColumns(def, paths).map((c) => Object.freeze(c))), 10_000);
  return cols as MappedColumn[];
}

export function assignColumns(def: SchemaDef, paths: Map<number, string[]>): MappedColumn[] {
  const cols: MappedColumn[] = [];
  const taken = new Set<string>();
  const add = (role: string, col: number, header: string, label: string) => {
    if (taken.has(role)) return;
    taken.add(role);
    cols.push({ role, col, header, label });
  };
  if (def.shape === 'two-sided') {
    const entries = [...paths.entries()].sort((a, b) => a[0] - b[0]);
    const nameCols = entries.filter(([, p]) => /^(项目|科目|名称)$/.test(p[p.length - 1])).map(([c]) => c);
    const outStart = nameCols.length >= 2 ? nameCols[1] : Infinity;
    for (const [c, p] of entries) {
      const leaf = p[p.length - 1];
      const sideHint = p.find((x) => /^(收入|支出)$/.test(x));
      const side = sideHint === '收入' ? 'in' : sideHint === '支出' ? 'out' : c >= outStart ? 'out' : 'in';
      if (leaf === '序号') continue;
      if (/^(项目|科目|名称)$/.test(leaf)) {
        add(`${side}.name`, c, leaf, side === 'in' ? '收入项目' : '支出项目');
        continue;
      }
      if (side === 'in') {
        add('in.amount', c, leaf, def.stage === 'final' ? '收入决算数' : '收入预算数');
        continue;
      }
      const rule = def.columns.find((cr) => cr.leaf.test(leaf) && !taken.has(cr.role) && (!cr.parent || p.slice(0, -1).some((x) => cr.parent!.test(x))));
      if (rule) add(rule.role, c, leaf, rule.label);
    }
    return cols;
  }
  if (def.shape === 'three-public' && isHorizontalThreePublic(paths))
    return def.stage === 'final' ? assignFinalThreePublicColumns(paths) : assignThreePublicColumns(paths);
  for (const [c, p] of [...paths.entries()].sort((a, b) => a[0] - b[0])) {
    const leaf = p[p.length - 1];
    const parents = p.slice(0, -1);
    if (leaf === '序号' || leaf === '栏次') {
      add('seq', c, leaf, '序号');
      continue;
    }
    // Codes printed in three columns: 类 | 款 | 项 (economic tables: 类 | 款).
    const part = CODE_PARTS[leaf];
    if (part && def.shape === 'code') {
      add(part.role, c, leaf, part.label);
      continue;
    }
    if (/编码|代码/.test(leaf)) {
      add('code', c, leaf, '科目编码');
      continue;
    }
    if (/名称$|^项目$|^科目$/.test(leaf) || (def.shape === 'code' && /分类科目$/.test(leaf) && !taken.has('code'))) {
      if (/分类科目$/.test(leaf)) add('code', c, leaf, '科目编码');
      else add('name', c, leaf, def.shape === 'code' ? '科目名称' : '项目');
      continue;
    }
    const rule = def.columns.find((cr) => !taken.has(cr.role) && cr.leaf.test(leaf) && (!cr.parent || parents.some((x) => cr.parent!.test(x))));
    if (rule) add(rule.role, c, leaf, rule.label);
  }
  return cols;
}

const CODE_PARTS: Record<string, { role: string; label: string }> = {
  类: { role: 'code.class', label: '科目编码（类）' },
  款: { role: 'code.kuan', label: '科目编码（款）' },
  项: { role: 'code.xiang', label: '科目编码（项）' },
};

/** Roles that locate a row's code, not amounts. */
export function isCodeRole(role: string): boolean {
  return role === 'code' || role.startsWith('code.');
}

/**
 * A column role that holds a row's amounts: not 序号, a code or a name, nor a horizontal 三公 item column (tp.*,
 * read as item rows of their own). `side` keeps one side of a two-sided summary.
 */
export function isAmountRole(role: string, side?: 'in' | 'out'): boolean {
  return (
    role !== 'seq' && !isCodeRole(role) && !/name$/.test(role) && !role.startsWith('tp.') && !role.startsWith('tpb.') && (!side || role.startsWith(side + '.'))
  );
}

function isHorizontalThreePublic(paths: Map<number, string[]>): boolean {
  return [...paths.values()].some((p) => p.some((x) => /因公出国|公务接待/.test(x)));
}

/**
 * A 三公 table printed as columns of one data row: 合计, 因公出国（境）费, 公务用车购置及运行费 (小计 / 购置费 / 运行费),
 * 公务接待费, and sometimes 机关运行经费. The 合计 column is the table's amount column ('total'); every other item
 * column gets the role `tp.<item>`, read into one item row each by readThreePublicColumns.
 */
function assignThreePublicColumns(paths: Map<number, string[]>): MappedColumn[] {
  const cols: MappedColumn[] = [];
  const taken = new Set<string>();
  for (const [c, p] of [...paths.entries()].sort((a, b) => a[0] - b[0])) {
    const leaf = p[p.length - 1];
    const parents = p.slice(0, -1);
    const hit = THREE_PUBLIC_COLUMNS.find((x) => x.leaf.test(leaf) && (!x.parent || parents.some((y) => x.parent!.test(y))));
    if (!hit) continue;
    const role = hit.key === 'total' ? 'total' : `tp.${hit.key}`;
    if (taken.has(role)) continue;
    taken.add(role);
    const label = hit.key === 'running' ? '机关运行经费' : THREE_PUBLIC_ITEMS.find((i) => i.key === hit.key)!.label;
    cols.push({ role, col: c, header: leaf, label });
  }
  return cols;
}

/**
 * A 决算 三公 table: every item is split into 预算数 | 决算数 (final-accounts.md T7). The item is named by the
 * deepest heading above the leaf that names one; 合计 gives the table's 'budget' and 'total' columns, the items
 * `tpb.<item>` (预算数) and `tp.<item>` (决算数).
 */
function assignFinalThreePublicColumns(paths: Map<number, string[]>): MappedColumn[] {
  const cols: MappedColumn[] = [];
  const taken = new Set<string>();
  for (const [c, p] of [...paths.entries()].sort((a, b) => a[0] - b[0])) {
    const leaf = p[p.length - 1];
    const measure = /^(年初)?预算数?$/.test(leaf) ? 'budget' : /^决算数?$/.test(leaf) ? 'final' : undefined;
    if (!measure) continue;
    let key: string | undefined;
    for (let i = p.length - 2; i >= 0 && !key; i--) {
      const above = p.slice(0, i);
      key = THREE_PUBLIC_COLUMNS.find((x) => x.leaf.test(p[i]) && (!x.parent || above.some((y) => x.parent!.test(y))))?.key;
    }
    if (!key || key === 'running') continue;
    const role = key === 'total' ? (measure === 'budget' ? 'budget' : 'total') : `${measure === 'budget' ? 'tpb' : 'tp'}.${key}`;
    if (taken.has(role)) continue;
    taken.add(role);
    const item = THREE_PUBLIC_ITEMS.find((i) => i.key === key)!.label;
    cols.push({
      role,
      col: c,
      header: leaf,
      label: key === 'total' ? (measure === 'budget' ? '预算数' : '决算数') : `${item}${measure === 'budget' ? '预算数' : '决算数'}`,
    });
  }
  return cols;
}

export function requiredMissing(def: SchemaDef, cols: MappedColumn[]): string | undefined {
  const has = (r: string) => cols.some((c) => c.role === r);
  if (def.shape === 'two-sided') {
    const need: [string, string][] = [
      ['in.name', '收入“项目”列'],
      ['in.amount', '收入“预算数”列'],
      ['out.name', '支出“项目”列'],
      ['out.total', '支出“预算数/合计”列'],
    ];
    const miss = need.filter(([r]) => !has(r)).map(([, l]) => l);
    return miss.length ? `表头中未找到${miss.join('、')}` : undefined;
  }
  if (def.shape === 'code' && !has('code') && !has('code.class') && !has('name')) return '表头中未找到“科目编码”或“科目名称”列';
  if (def.shape === 'three-public' && !has('name') && !cols.some((c) => c.role.startsWith('tp.'))) return '表头中未找到“项目”列';
  if (!has('total')) return '表头中未找到“合计”列';
  return undefined;
}

/**
 * The amount columns of a column list (and side), worked out once per list: readAmounts runs for every body row,
 * and the rules ask for their roles (rules/context.ts amountRoles).
 */
const amountColumnsMemo = new WeakMap<MappedColumn[], Map<string, MappedColumn[]>>();

export function amountColumns(cols: MappedColumn[], side?: 'in' | 'out'): MappedColumn[] {
  let bySide = amountColumnsMemo.get(cols);
  if (!bySide) amountColumnsMemo.set(cols, (bySide = new Map()));
  const key = side ?? '';
  let list = bySide.get(key);
  if (!list) {
    list = cols.filter((c) => isAmountRole(c.role, side));
    bySide.set(key, list);
  }
  return list;
}
