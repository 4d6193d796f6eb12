/**
 * A sheet as detection reads it: each row's cell texts worked out once (every reader asks for them again and
 * again), whether a row is empty, and merged areas' values under every cell they cover. One view per sheet read.
 */
import { Cell, Sheet, cellAt, cellNumber, cellText, mergeLookup, sheetWidth } from '../grid';

export class SheetView {
  private texts: string[][] = [];
  readonly width: number;
  private merges?: Map<number, { row: number; col: number }>;
  private empty: (boolean | undefined)[] = [];
  constructor(readonly sheet: Sheet) {
    this.width = sheetWidth(sheet);
  }
  get height(): number {
    return this.sheet.rows.length;
  }
  cell(r: number, c: number): Cell | undefined {
    return cellAt(this.sheet, r, c);
  }
  /** A row's cell texts as shown (grid.cellText), worked out once. */
  rowTexts(r: number): string[] {
    let t = this.texts[r];
    if (!t) {
      const row = this.sheet.rows[r] || [];
      t = [];
      for (let c = 0; c < row.length; c++) t[c] = cellText(row[c]);
      this.texts[r] = t;
    }
    return t;
  }
  text(r: number, c: number): string {
    return this.rowTexts(r)[c] ?? '';
  }
  /** Text of a cell, taking a merged area's value for every cell it covers. */
  mergedText(r: number, c: number): string {
    const own = this.text(r, c);
    if (own) return own;
    if (!this.merges) this.merges = mergeLookup(this.sheet);
    const tl = this.merges.get(cellNumber(r, c));
    return tl ? this.text(tl.row, tl.col) : '';
  }
  isEmptyRow(r: number): boolean {
    let e = this.empty[r];
    if (e === undefined) {
      e = true;
      for (const x of this.rowTexts(r))
        if (x) {
          e = false;
          break;
        }
      this.empty[r] = e;
    }
    return e;
  }
}
