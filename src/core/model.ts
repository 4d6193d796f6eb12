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
  /** The decimals the cell prints (its number format, else its text): its own rounding bound (尾差). */
  decimals: number;
  /** A number whose format fixes no decimals (General): shown in full; its rounding bound is the table's. */
  unformatted?: boolean;
  /** The value × 10⁶ in the table's unit as an exact integer, NaN when not exact (see microOf). */
  micro: number;
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
  /** The label is a former name of its class (210 医疗卫生与计划生育支出 …): mapped to the code, with a warning. */
  formerName?: boolean;
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
  /** The table prints trailing zeros in its decimals (detect/amounts.ts padsDecimals): a cell shown with fewer is coarser. */
  padded?: boolean;
  year?: number;
  department?: string;
  columns: MappedColumn[];
  rows: MappedRow[];
  notes: string[];
  invalid: { row: number; col: number; text: string }[];
  /** Merged areas that cover amount cells in the body (values may be read from one cell only). */
  mergedData: CellRange[];
  /** Codes that cannot exist as printed ("7" as a 类, "3012" under 301), with the code probably meant. */
  codeIssues: CodeIssue[];
  /** 款/项 parts printed as one digit in 类|款|项 columns ("2"), read padded (02): said, as they may be misprints. */
  shortCodeParts: { row: number; col: number; part: '款' | '项'; printed: string; code: string; name: string }[];
  /** Formula cells with no cached result (never calculated, or saved by a tool that does not calculate). */
  uncalculated: { row: number; col: number; formula: string }[];
  /** Amounts written with a unit word that contradicts the table's unit ("30000000元" in a 万元 table), converted. */
  unitWords: { row: number; col: number; text: string; unit: '元' | '万元' }[];
  /**
   * A 合计 row whose numbers are not under the amount headings (shifted a column by a PDF conversion, or none
   * there) while the table's rows have amounts: it is not read as the total row, and this says so.
   */
  totalMisplaced?: { row: number; col: number; /** Follows "合计行": "在各金额列下没有金额". */ why: string };
  /** Header columns holding amounts that no role was given to (detect/region.ts unmappedAmountColumns): checked by nothing. */
  unmappedColumns?: { col: number; header: string }[];
  /** Figures a table carries beside its checked amounts (机关运行经费 of a 三公 table). */
  figures: Record<string, AmountRef>;
  /** How the table was recognised: by its title, by its sheet's name, or by its columns and codes. */
  recognisedBy: 'title' | 'sheet-name' | 'structure';
  /** A title that named another table, corrected by the columns and codes (the title's schema). */
  titleSaid?: SchemaId;
  /** A column heading only a 决算 table has (决算数, 年初结转和结余, 年初预算数 …): the table is a final-accounts one. */
  finalHeading?: string;
  /**
   * Amounts whose number format shows the stored number divided by 10^shift (元 stored, 万元 shown by "0!.0000"):
   * read as shown.
   */
  scaledFormats?: { row: number; col: number; numFmt: string; shift: number; stored: number }[];
  /** On a hidden sheet: cross-table checks take a visible table of the schema over it (rules/context.ts firstTables). */
  hidden?: boolean;
  /** A 决算 ledger's columns on both sides (`columns` holds the left side's, which give the roles). */
  ledgerColumns?: MappedColumn[];
}

export interface CodeIssue {
  row: number;
  col: number;
  /** The code as printed (parts joined with "|" when printed in 类/款/项 columns). */
  printed: string;
  name: string;
  /** The code probably meant, used for the checks; absent when it could not be told. */
  suggested?: string;
  why?: string;
}

export interface UnmappedTable {
  sheet: string;
  range: CellRange;
  title?: string;
  reason: string;
  /** The standard table its title names, when it does: present in the workbook, never reported as missing. */
  schema?: SchemaId;
  /** A 决算 column heading under its title (see MappedTable.finalHeading). */
  finalHeading?: string;
}

export interface OtherTable {
  sheet: string;
  range: CellRange;
  title: string;
  /** A 决算 table (by its title or its column headings): never checked as a budget table. */
  stage?: 'final';
  /** For a 决算 table, the standard role it has (收入支出决算总表 → income-expenditure-summary). */
  role?: SchemaId;
}

/** Which disclosure a workbook is: the budget (部门预算公开) or the final accounts (部门决算公开). */
export type Stage = 'budget' | 'final';

export interface StageDecision {
  stage: Stage;
  /** What decided it: titles and column headings that say 决算 ("标题“收入支出决算总表”"). */
  evidence: string[];
  /** The user said which it is. */
  overridden?: boolean;
}

export interface Detection {
  tables: MappedTable[];
  unmapped: UnmappedTable[];
  others: OtherTable[];
  /** Set by detectWorkbook. */
  stage?: StageDecision;
}

export function roleLabel(t: MappedTable, role: string): string {
  return t.columns.find((c) => c.role === role)?.label ?? role;
}
