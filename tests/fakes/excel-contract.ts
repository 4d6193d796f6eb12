/**
 * The members of the Excel JavaScript API the host uses, checked against @types/office-js: each line fails to
 * compile when Office.js lacks the member or has it as a property where the host calls it (or the reverse).
 * EXCEL_MEMBERS lets a runtime test hold the fake Excel (fake-excel.ts) to the same shapes.
 */

import type { Assert, IsMethod, IsProperty } from './contract-types';

export type ExcelChecks = [
  Assert<IsMethod<Excel.Worksheet, 'getUsedRangeOrNullObject'>>,
  Assert<IsMethod<Excel.Worksheet, 'getRange'>>,
  Assert<IsMethod<Excel.Worksheet, 'getRangeByIndexes'>>,
  Assert<IsMethod<Excel.Worksheet, 'activate'>>,
  Assert<IsProperty<Excel.Worksheet, 'protection'>>,
  Assert<IsProperty<Excel.Worksheet, 'pageLayout'>>,
  Assert<IsMethod<Excel.Range, 'getSpecialCellsOrNullObject'>>,
  Assert<IsMethod<Excel.Range, 'getMergedAreasOrNullObject'>>,
  Assert<IsMethod<Excel.Range, 'select'>>,
  Assert<IsMethod<Excel.Range, 'merge'>>,
  Assert<IsProperty<Excel.Range, 'values'>>,
  Assert<IsProperty<Excel.Range, 'formulas'>>,
  Assert<IsProperty<Excel.Range, 'numberFormat'>>,
  Assert<IsProperty<Excel.Range, 'format'>>,
  Assert<IsProperty<Excel.RangeAreas, 'address'>>,
  Assert<IsProperty<Excel.RangeFormat, 'wrapText'>>,
  Assert<IsProperty<Excel.RangeFormat, 'columnWidth'>>,
  Assert<IsProperty<Excel.PageLayout, 'orientation'>>,
  Assert<IsMethod<Excel.PageLayout, 'setPrintTitleRows'>>,
  Assert<IsMethod<Excel.CommentCollection, 'add'>>,
  Assert<IsMethod<Excel.Comment, 'getLocation'>>,
  Assert<IsMethod<Excel.SettingCollection, 'getItemOrNullObject'>>,
  // Live checking: events of the worksheet collection (ExcelApi 1.7; onNameChanged 1.17), comments by cell (1.10).
  Assert<IsProperty<Excel.WorksheetCollection, 'onChanged'>>,
  Assert<IsProperty<Excel.WorksheetCollection, 'onAdded'>>,
  Assert<IsProperty<Excel.WorksheetCollection, 'onDeleted'>>,
  Assert<IsProperty<Excel.WorksheetCollection, 'onNameChanged'>>,
  Assert<IsMethod<Excel.CommentCollection, 'getItemByCell'>>,
  Assert<IsProperty<Excel.WorksheetChangedEventArgs, 'worksheetId'>>,
  Assert<IsProperty<Excel.WorksheetChangedEventArgs, 'changeType'>>,
  Assert<IsMethod<OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>, 'remove'>>,
];

/** The methods as data, for the runtime check of the fake (each name compiles only if the typings have it). */
export const EXCEL_METHODS: { object: 'Worksheet' | 'Range'; member: string }[] = [
  { object: 'Worksheet', member: 'getUsedRangeOrNullObject' satisfies keyof Excel.Worksheet },
  { object: 'Worksheet', member: 'getRange' satisfies keyof Excel.Worksheet },
  { object: 'Worksheet', member: 'getRangeByIndexes' satisfies keyof Excel.Worksheet },
  { object: 'Worksheet', member: 'activate' satisfies keyof Excel.Worksheet },
  { object: 'Range', member: 'getSpecialCellsOrNullObject' satisfies keyof Excel.Range },
  { object: 'Range', member: 'getMergedAreasOrNullObject' satisfies keyof Excel.Range },
  { object: 'Range', member: 'select' satisfies keyof Excel.Range },
  { object: 'Range', member: 'merge' satisfies keyof Excel.Range },
];
