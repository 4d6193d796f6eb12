/** A published table as data: title, meta line, header rows, 栏次, body rows and notes. */
export interface TableBlock {
  id: string;
  title: string;
  /** Meta cells written on the line(s) between title and header. */
  meta: string[][];
  /** Header rows; '' = empty cell. */
  header: string[][];
  /** Merged header areas relative to the header's top-left: [row, col, rowSpan, colSpan]. */
  headerMerges: [number, number, number, number][];
  /** 栏次 row present in the published table. */
  columnNumbers: boolean;
  /** Body rows; amounts as published strings ('4436.20'), '' for blank. */
  rows: string[][];
  /** Which body columns are amounts (0-based). */
  amountCols: number[];
  /** Which body column holds codes, if any. */
  codeCol?: number;
  notes: string[];
}
