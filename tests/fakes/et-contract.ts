/// <reference types="et-jsapi-declare" />
/**
 * The members of the WPS ET object model the host uses, checked against the vendor's published typings
 * (et-jsapi-declare, a dev dependency only — nothing of it is copied): each line fails to compile when the real
 * host does not have the member, or has it as a property where the host calls it (or the other way round).
 * ET_MEMBERS then lets a runtime test hold the fake to the same shape (fake-wps.ts, members as properties).
 */

import type { Assert, IsMethod, IsProperty } from './contract-types';

// Worksheet.Cells is a read-only Range property (never Cells(r, c)); Range(...) is a method; Name, Visible are properties.
export type WorksheetChecks = [
  Assert<IsProperty<Et.Worksheet, 'Cells'>>,
  Assert<IsMethod<Et.Worksheet, 'Range'>>,
  Assert<IsProperty<Et.Worksheet, 'Name'>>,
  Assert<IsProperty<Et.Worksheet, 'Visible'>>,
  Assert<IsProperty<Et.Worksheet, 'UsedRange'>>,
  Assert<IsProperty<Et.Worksheet, 'PageSetup'>>,
  Assert<IsProperty<Et.Worksheet, 'Columns'>>,
  Assert<IsMethod<Et.Worksheet, 'Activate'>>,
];
// One cell is Range.Item(row, col); Find locates the last value; Value2, WrapText, Interior, Comment are properties.
export type RangeChecks = [
  Assert<IsMethod<Et.Range, 'Item'>>,
  Assert<IsMethod<Et.Range, 'Find'>>,
  Assert<IsMethod<Et.Range, 'AddComment'>>,
  Assert<IsMethod<Et.Range, 'Select'>>,
  Assert<IsProperty<Et.Range, 'Value2'>>,
  Assert<IsProperty<Et.Range, 'Formula'>>,
  Assert<IsProperty<Et.Range, 'NumberFormat'>>,
  Assert<IsProperty<Et.Range, 'WrapText'>>,
  Assert<IsProperty<Et.Range, 'Interior'>>,
  Assert<IsProperty<Et.Range, 'Comment'>>,
  Assert<IsProperty<Et.Range, 'MergeCells'>>,
  Assert<IsProperty<Et.Range, 'Row'>>,
  Assert<IsProperty<Et.Range, 'ColumnWidth'>>,
];
export type PageSetupChecks = [
  Assert<IsProperty<Et.PageSetup, 'Orientation'>>,
  Assert<IsProperty<Et.PageSetup, 'PaperSize'>>,
  Assert<IsProperty<Et.PageSetup, 'FitToPagesWide'>>,
  Assert<IsProperty<Et.PageSetup, 'PrintTitleRows'>>,
];
export type WorkbookChecks = [
  Assert<IsProperty<Et.Workbook, 'Worksheets'>>,
  Assert<IsProperty<Et.Workbook, 'FullName'>>,
  Assert<IsProperty<Et.Workbook, 'ReadOnly'>>,
  Assert<IsProperty<Et.Application, 'ActiveWorkbook'>>,
  Assert<IsProperty<Et.Application, 'ActiveSheet'>>,
  Assert<IsMethod<Et.Sheets, 'Item'>>,
  Assert<IsMethod<Et.Sheets, 'Add'>>,
  Assert<IsProperty<Et.Sheets, 'Count'>>,
];

// Live checking: the application's events (Application is the merged root: AddonRoot & EtAddonRoot & Et.Application).
export type EventChecks = [
  Assert<IsProperty<WPS.EtAddonRoot, 'ApiEvent'>>,
  Assert<IsMethod<WPS.EtApiEvent, 'AddApiEventListener'>>,
  Assert<IsMethod<WPS.EtApiEvent, 'RemoveApiEventListener'>>,
  Assert<IsProperty<Et.Range, 'Rows'>>,
  Assert<IsProperty<Et.Range, 'Columns'>>,
  Assert<IsProperty<Et.Range, 'Column'>>,
];

/** The same facts as data, for the runtime check of the fake (each entry compiles only if the typings agree). */
export const ET_MEMBERS: { object: 'Worksheet' | 'Range'; member: string; kind: 'method' | 'property' }[] = [
  { object: 'Worksheet', member: 'Cells' satisfies keyof Et.Worksheet, kind: 'property' },
  { object: 'Worksheet', member: 'Range' satisfies keyof Et.Worksheet, kind: 'method' },
  { object: 'Worksheet', member: 'Visible' satisfies keyof Et.Worksheet, kind: 'property' },
  { object: 'Worksheet', member: 'Activate' satisfies keyof Et.Worksheet, kind: 'method' },
  { object: 'Range', member: 'Item' satisfies keyof Et.Range, kind: 'method' },
  { object: 'Range', member: 'Find' satisfies keyof Et.Range, kind: 'method' },
  { object: 'Range', member: 'AddComment' satisfies keyof Et.Range, kind: 'method' },
  { object: 'Range', member: 'Select' satisfies keyof Et.Range, kind: 'method' },
  { object: 'Range', member: 'Interior' satisfies keyof Et.Range, kind: 'property' },
  { object: 'Range', member: 'Comment' satisfies keyof Et.Range, kind: 'property' },
];
