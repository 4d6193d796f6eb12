/**
 * The one interface every spreadsheet host implements (Excel via Office.js, WPS via its JSA object model,
 * and .xlsx files via ExcelJS). The core only ever sees the Workbook grid model it returns.
 */
import type { Workbook } from '../core/grid';

export type HostKind = 'excel' | 'wps' | 'file';

export interface ReadProgress {
  done: number;
  total: number;
  message: string;
}

export interface SpreadsheetHost {
  readonly kind: HostKind;
  /** Reads every sheet of the open workbook (values, cached formula results, formats, merged areas). */
  readWorkbook(onProgress?: (p: ReadProgress) => void): Promise<Workbook>;
}

/** A user-facing failure with a Chinese message (unreadable file, protected sheet…). */
export class HostError extends Error {
  constructor(
    message: string,
    readonly code: 'unreadable' | 'encrypted' | 'legacy-xls' | 'not-found' | 'protected' | 'empty',
  ) {
    super(message);
    this.name = 'HostError';
  }
}
