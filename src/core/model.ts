/** What detection produces: tables mapped onto schemas, with columns by role and rows by kind. */
import type Decimal from 'decimal.js';
import type { CellRange } from './grid';
import type { SchemaDef, SchemaId } from './schemas';

export interface AmountRef {
  row: number;
  col: number;
  value: Decimal;
  /** Empty cell or dash: exactly zero. */
  blank: boolean;
  decimals: number;
}

export type RowKind = 'total' | 'code' | 'item' | 'class' | 'other';

export interface MappedRow {
  row: number;
  kind: RowKind;
  /** For two-sided summary tables: which side of the row this entry describes. */
  side?: 'in' | 'out';
  code?: string;
  level?: 1 | 2 | 3;
  name: string;
  /** Item key (summary items, 三公 items). */
  item?: string;
  /** The cell holding the row's label (for messages and name findings). */
  labelCol?: number;
  amounts: Record<string, AmountRef>;
}

export interface MappedColumn {
  role: string;
  col: number;
  header: string;
  label: string;
}

export interface MappedTable {
  schema: SchemaId;
  def: SchemaDef;
  title: string;
  sheet: string;
  range: CellRange;
  titleRow: number;
  headerTop: number;
  headerBottom: number;
  unit: '元' | '万元';
  /** Multiply a shown amount by this to get 万元. */
  factor: Decimal;
  decimals: number;
  year?: number;
  department?: string;
  columns: MappedColumn[];
  rows: MappedRow[];
  notes: string[];
  invalid: { row: number; col: number; text: string }[];
  /** Merged areas that cover amount cells in the body (values may be read from one cell only). */
  mergedData: CellRange[];
}

export interface UnmappedTable {
  sheet: string;
  range: CellRange;
  title?: string;
  reason: string;
}

export interface OtherTable {
  sheet: string;
  range: CellRange;
  title: string;
}

export interface Detection {
  tables: MappedTable[];
  unmapped: UnmappedTable[];
  others: OtherTable[];
}

export function roleLabel(t: MappedTable, role: string): string {
  return t.columns.find((c) => c.role === role)?.label ?? role;
}
