/** The tables of one sheet: its title rows (or its name, or its structure), the user's corrections, each region mapped. */
import { Sheet } from '../grid';
import type { Detection, OtherTable, Stage } from '../model';
import { SchemaId, schemaById } from '../schemas';
import { finalRoleOf, matchTitle } from '../titles';
import { mapRegion } from './region';
import { findTitles, schemaByStructure } from './titles';
import { SheetView } from './view';

/** A user's correction: the table whose title is at this row of this sheet is (or is not) this schema. */
export interface MappingOverride {
  sheet: string;
  /** 0-based row of the table's title (MappedTable.range.top / UnmappedTable.range.top). */
  titleRow: number;
  /** The schema to map it as, or null to ignore the region. */
  schema: SchemaId | null;
}

/**
 * The tables of one sheet. `stage` 'final': the sheet is read as part of a 决算 disclosure — every title naming a
 * standard table (with or without 决算 in it) is mapped with that table's 决算 columns and rows.
 */
export function detectSheet(sheet: Sheet, overrides: MappingOverride[] = [], stage: Stage = 'budget'): Detection {
  const v = new SheetView(sheet);
  const out: Detection = { tables: [], unmapped: [], others: [] };
  let titles = findTitles(v);
  if (stage === 'final')
    titles = titles.map((t) => {
      // A title without 决算 that named a budget table names the 决算 table its words say (titles/match.ts finalRole).
      const role = t.role ?? (t.schema && (finalRoleOf(t.text) ?? t.schema.id));
      return role && !(t.other && !t.stage) ? { ...t, schema: schemaById(role, 'final'), other: false } : t;
    });
  for (const o of overrides) {
    if (o.sheet !== sheet.name) continue;
    const hit = titles.find((t) => t.row === o.titleRow || (t.row === -1 && o.titleRow === 0));
    const schema = o.schema ? schemaById(o.schema, stage) : undefined;
    if (hit) {
      hit.schema = schema;
      hit.other = !schema;
    } else if (schema) {
      const texts = v.rowTexts(o.titleRow);
      const col = Math.max(
        0,
        texts.findIndex((x) => x),
      );
      titles.push({ row: o.titleRow, col, text: texts[col] || schema.title, schema });
      titles.sort((a, b) => a.row - b.row);
    }
  }
  if (titles.length === 0) {
    const m = matchTitle(sheet.name);
    const role = m?.schema?.id ?? (stage === 'final' ? m?.role : undefined);
    if (role) titles = [{ row: -1, col: 0, text: sheet.name, schema: schemaById(role, stage), by: 'sheet-name' }];
    else {
      const guess = schemaByStructure(v, stage);
      if (guess) titles = [guess];
    }
  }
  for (let i = 0; i < titles.length; i++) {
    const t = titles[i];
    const end = i + 1 < titles.length ? titles[i + 1].row : v.height;
    if (t.other || !t.schema) {
      const o: OtherTable = {
        sheet: sheet.name,
        title: t.text,
        range: { top: t.row, left: t.col, bottom: Math.max(t.row, end - 1), right: Math.max(t.col, v.width - 1) },
      };
      if (t.stage) {
        o.stage = t.stage;
        if (t.role) o.role = t.role;
      }
      out.others.push(o);
      continue;
    }
    const res = mapRegion(v, t.schema, t, end);
    if (res.table) out.tables.push(res.table);
    if (res.unmapped) out.unmapped.push(res.unmapped);
  }
  return out;
}
