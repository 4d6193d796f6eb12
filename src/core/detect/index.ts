/**
 * Table detection and schema mapping: finds the standard tables in any sheet layout (one per sheet or stacked, any
 * start column), reads the meta line, the one- to five-row header (merged or not, with or without a 栏次 row), and
 * maps columns to roles and rows to kinds. One file per job:
 *
 *   workbook.ts   detectWorkbook: the budget pass over every sheet, the stage decided, the 决算 pass; continued
 *                 tables and a second title naming a table already mapped set aside
 *   sheet.ts      detectSheet: a sheet's title rows (or its name, or its structure), the user's corrections
 *   titles.ts     title rows, and the table a sheet without a title holds by its header and codes
 *   region.ts     one titled region mapped under a schema, the codes correcting the title's schema
 *   header.ts     the header rows, their paths of headings and the words that tell a header row from data
 *   columns.ts    column roles from the paths of headings (三公 layouts, required columns, amount columns)
 *   meta.ts       year, unit and department from the meta line
 *   body.ts       the walk over body rows shared by the readers: codes.ts (code tables), summary.ts (two-sided
 *                 summaries), three-public.ts (三公 tables), ledger.ts (决算 basic-expenditure ledger)
 *   amounts.ts    amount cells read, with what is wrong with them returned to the body reader that records it
 *   view.ts       a sheet's cell texts, empty rows and merged areas, worked out once per sheet
 *
 * Detection keeps nothing between calls but memos of pure functions, each bounded and owned by the file of its
 * function: header words (header.ts), column roles by schema and header (columns.ts), summary labels (summary.ts), all
 * keyed by strings, and the amount columns of a column list (columns.ts, a WeakMap keyed by the list). A memo's
 * answer depends on its key only, so sharing one across sheets, workbooks and a batch changes no result.
 */
export { padsDecimals, shownDecimals } from './amounts';
export { amountColumns, isAmountRole, isCodeRole } from './columns';
export { detectSheet } from './sheet';
export type { MappingOverride } from './sheet';
export { detectWorkbook } from './workbook';
export type { DetectOptions } from './workbook';

export { cleanTitle, matchTitle } from '../titles';
