/**
 * What to show in the workbook for a report: one mark per cell, the strongest severity wins, the first suspect
 * gets its own kind. Pure: hosts (Excel, WPS, preview) turn marks into fills and notes.
 */
import { companions } from './suspects';
import type { ValidationReport } from './validate';

export type MarkKind = 'suspect' | 'error' | 'warning';

export interface CellMark {
  sheet: string;
  cell: string;
  kind: MarkKind;
  /** The note text to attach (Chinese), one line per finding about this cell. */
  note: string;
}

const RANK: Record<MarkKind, number> = { suspect: 0, error: 1, warning: 2 };

/** Fill colours (RGB hex) per mark kind; WPS converts to BGR itself. */
export const MARK_COLORS: Record<MarkKind, string> = { suspect: '#FF6B6B', error: '#FFC7CE', warning: '#FFEB9C' };

export const NOTE_PREFIX = '【预算校验】';

export function marksFromReport(rep: ValidationReport, maxNoteLines = 5): CellMark[] {
  const byCell = new Map<string, CellMark & { lines: string[] }>();
  const add = (sheet: string, cell: string, kind: MarkKind, line: string) => {
    const key = `${sheet}\u0000${cell}`;
    const m = byCell.get(key);
    if (!m) {
      byCell.set(key, { sheet, cell, kind, note: '', lines: [line] });
      return;
    }
    if (RANK[kind] < RANK[m.kind]) m.kind = kind;
    if (!m.lines.includes(line)) m.lines.push(line);
  };
  const first = rep.suspects[0];
  if (first) add(first.sheet, first.cell, 'suspect', `最可能填错：建议值 ${first.suggested}。${first.reason}`);
  for (const c of first ? companions(first) : [])
    add(c.sheet, c.cell, 'suspect', `最可能填错（与 ${first!.sheet}!${first!.cell} 一起）：建议值 ${c.suggested}。${first!.reason}`);
  for (const f of rep.findings) {
    if (f.severity === 'info' || !f.cell) continue;
    add(f.sheet, f.cell, f.severity, f.message);
  }
  return [...byCell.values()].map(({ lines, ...m }) => ({
    ...m,
    note: NOTE_PREFIX + (lines.length > maxNoteLines ? [...lines.slice(0, maxNoteLines), `……另有 ${lines.length - maxNoteLines} 条`] : lines).join('\n'),
  }));
}

/** What to write so a workbook showing `before` shows `after`: marks new or changed, and cells no longer marked. */
export function diffMarks(before: CellMark[], after: CellMark[]): { set: CellMark[]; clear: { sheet: string; cell: string }[] } {
  const k = (m: { sheet: string; cell: string }) => `${m.sheet}\u0000${m.cell}`;
  const old = new Map(before.map((m) => [k(m), m]));
  const now = new Set(after.map(k));
  const set = after.filter((m) => {
    const o = old.get(k(m));
    return !o || o.kind !== m.kind || o.note !== m.note;
  });
  const clear = before.filter((m) => !now.has(k(m))).map(({ sheet, cell }) => ({ sheet, cell }));
  return { set, clear };
}
