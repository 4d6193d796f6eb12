/**
 * What the rules, the engine and the narrative look up in a mapped table again and again — its code rows, the rows
 * by code and by item, the code tree, the columns' labels — made once per table on first use. Every index lives in
 * one WeakMap keyed by its table: it goes with the table, and a table whose rows were replaced gets a new one.
 */
import type { MappedRow, MappedTable } from './model';

/** A table's code rows as a tree: each row's parent, each parent's children (in row order), the rows without one. */
export interface CodeTree {
  rows: readonly MappedRow[];
  parent: ReadonlyMap<MappedRow, MappedRow | undefined>;
  children: ReadonlyMap<MappedRow, readonly MappedRow[]>;
  roots: readonly MappedRow[];
}

export class TableIndex {
  private codeRowList?: readonly MappedRow[];
  private codeMap?: ReadonlyMap<string, MappedRow>;
  private itemMap?: Map<string, MappedRow[]>;
  private codeTree?: CodeTree;
  private labels?: Map<string, string>;
  constructor(
    private readonly table: MappedTable,
    /** The row list the index was made from. */
    readonly rows: readonly MappedRow[] = table.rows,
  ) {}

  /** The code rows, in table order. */
  get codeRows(): readonly MappedRow[] {
    return (this.codeRowList ??= this.rows.filter((r) => r.kind === 'code'));
  }

  /** The first row of each code. */
  get byCode(): ReadonlyMap<string, MappedRow> {
    if (!this.codeMap) {
      const m = new Map<string, MappedRow>();
      for (const r of this.rows) if (r.code && !m.has(r.code)) m.set(r.code, r);
      this.codeMap = m;
    }
    return this.codeMap;
  }

  /** The first row of an item (on a side). */
  item(key: string, side?: 'in' | 'out'): MappedRow | undefined {
    if (!this.itemMap) {
      this.itemMap = new Map();
      for (const r of this.rows) if (r.item) (this.itemMap.get(r.item) ?? this.itemMap.set(r.item, []).get(r.item)!).push(r);
    }
    const rows = this.itemMap.get(key);
    return rows && (side ? rows.find((r) => r.side === side) : rows[0]);
  }

  /** The code rows as a tree: a row's parent is the longest proper prefix of its code that the table has. */
  get tree(): CodeTree {
    if (!this.codeTree) {
      const rows = this.codeRows;
      const codes = this.byCode;
      const parent = new Map<MappedRow, MappedRow | undefined>();
      const children = new Map<MappedRow, MappedRow[]>();
      const roots: MappedRow[] = [];
      for (const r of rows) {
        const code = r.code!;
        let p: MappedRow | undefined;
        for (let len = code.length - 2; len >= 3 && !p; len -= 2) p = codes.get(code.slice(0, len));
        parent.set(r, p);
        if (p) (children.get(p) ?? children.set(p, []).get(p)!).push(r);
        else roots.push(r);
      }
      this.codeTree = { rows, parent, children, roots };
    }
    return this.codeTree;
  }

  /** A column's label by its role (the role itself when the table has no such column). */
  columnLabel(role: string): string {
    if (!this.labels) {
      this.labels = new Map();
      for (const c of this.table.columns) if (!this.labels.has(c.role)) this.labels.set(c.role, c.label);
    }
    return this.labels.get(role) ?? role;
  }
}

const indexes = new WeakMap<MappedTable, TableIndex>();

/** The table's index, made on first use (and again when its rows were replaced). */
export function tableIndex(t: MappedTable): TableIndex {
  let ix = indexes.get(t);
  if (!ix || ix.rows !== t.rows) indexes.set(t, (ix = new TableIndex(t)));
  return ix;
}
