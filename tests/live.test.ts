/**
 * Live checking (issue 18): after each edit, the incremental report must equal a full validation of the edited
 * workbook — findings, suspects, counts and coverage — on random edit sequences over the seeds in several
 * layouts and the Shanghai tables; the marks to write must turn the old marks into the new ones.
 */
import type { Cell, Workbook } from '../src/core/grid';
import { CellEdit, LiveValidation } from '../src/core/live';
import { CellMark, marksFromReport } from '../src/core/marks';
import { detectWorkbook } from '../src/core/detect';
import { validateWorkbook } from '../src/core/validate';
import { layoutWorkbook } from '../src/samples/layout';
import { LAYOUTS } from '../src/samples/variants';
import { seed001Blocks } from '../src/samples/seed001';
import { seed004Blocks } from '../src/samples/seed004';
import { shanghaiWanli2025 } from './fixtures/provinces/shanghai-wanli-2025';

const clone = (wb: Workbook): Workbook => JSON.parse(JSON.stringify(wb));

const WORKBOOKS: Record<string, () => Workbook> = {
  '004 每表一个工作表': () => layoutWorkbook(seed004Blocks(), LAYOUTS['每表一个工作表']).workbook,
  '004 堆叠、金额为文本': () => layoutWorkbook(seed004Blocks(), LAYOUTS['金额为文本、空白写“—”']).workbook,
  '004 金额单位为元': () => layoutWorkbook(seed004Blocks(), LAYOUTS['金额单位为元']).workbook,
  '001 空白写 0': () => layoutWorkbook(seed001Blocks(), LAYOUTS['空白写 0']).workbook,
  '上海万里街道 2025': () => layoutWorkbook(shanghaiWanli2025(), { layout: 'sheets' }).workbook,
};

/** A small deterministic generator, so a failing sequence can be replayed from its seed. */
function rng(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

/** What people type: a small change, the same figure, blank, zero, more decimals, text, a dash, a copied cell. */
function randomEdit(wb: Workbook, amounts: { sheet: string; row: number; col: number }[], r: (n: number) => number): CellEdit & { plain: boolean } {
  const outside = r(10) === 0;
  const at = outside ? randomCell(wb, r) : amounts[r(amounts.length)];
  const sheet = wb.sheets.find((s) => s.name === at.sheet)!;
  const old = sheet.rows[at.row]?.[at.col];
  const num = typeof old?.value === 'number' ? old.value : Number(String(old?.value ?? '0').replace(/,/g, '')) || 0;
  const numFmt = old?.numFmt;
  const kinds: (() => Cell | undefined)[] = [
    () => ({ value: Math.round((num + ((r(2) ? 1 : -1) * (1 + r(500))) / 100) * 100) / 100, numFmt }),
    () => ({ value: num + 1 + r(9), numFmt }),
    () => undefined,
    () => ({ value: 0, numFmt }),
    () => ({ value: Math.round(num * 1000 + 7) / 1000 }),
    () => ({ value: '待定' }),
    () => ({ value: '—' }),
    () => ({ value: String((num + 2).toFixed(2)) }),
    () => {
      const o = amounts[r(amounts.length)];
      const src = wb.sheets.find((s) => s.name === o.sheet)!.rows[o.row]?.[o.col];
      return src ? { ...src } : undefined;
    },
  ];
  // Plain edits (1–3) are drawn more often: they are most of what people type.
  const draw = r(kinds.length + 6);
  const kind = draw < kinds.length ? draw : 1 + (draw % 3);
  // A figure typed over a figure, emptied or zeroed, keeping the cell's format: the edits live checking is for.
  const plain = !outside && (old === undefined || typeof old.value === 'number' || /^([\d,.]+|—)$/.test(String(old.value))) && [1, 2, 3].includes(kind);
  return { sheet: at.sheet, row: at.row, col: at.col, cell: kinds[kind](), plain };
}

function randomCell(wb: Workbook, r: (n: number) => number) {
  const s = wb.sheets[r(wb.sheets.length)];
  return { sheet: s.name, row: r(Math.max(1, s.rows.length + 2)), col: r(8) };
}

function amountCells(wb: Workbook) {
  const out: { sheet: string; row: number; col: number }[] = [];
  for (const t of detectWorkbook(wb).tables)
    for (const r of t.rows) for (const a of Object.values(r.amounts)) out.push({ sheet: t.sheet, row: a.row, col: a.col });
  return out;
}

const k = (m: { sheet: string; cell: string }) => `${m.sheet}!${m.cell}`;
function applyMarkDiff(before: CellMark[], d: { set: CellMark[]; clear: { sheet: string; cell: string }[] }): CellMark[] {
  const m = new Map(before.map((x) => [k(x), x]));
  for (const c of d.clear) m.delete(k(c));
  for (const s of d.set) m.set(k(s), s);
  return [...m.values()].sort((a, b) => k(a).localeCompare(k(b)));
}
const sorted = (ms: CellMark[]) => [...ms].sort((a, b) => k(a).localeCompare(k(b)));

describe('the incremental report equals a full run after every edit', () => {
  test.each(Object.keys(WORKBOOKS))('%s: 25 random sequences of up to 4 edits', (name) => {
    let plain = 0;
    for (let seq = 0; seq < 25; seq++) {
      const r = rng(1000 + seq);
      const wb = WORKBOOKS[name]();
      const live = new LiveValidation(wb);
      expect(live.report).toEqual(validateWorkbook(clone(wb)));
      let marks = sorted(live.currentMarks);
      const steps = 1 + r(4);
      for (let i = 0; i < steps; i++) {
        const edits = Array.from({ length: 1 + (r(4) === 0 ? 1 : 0) }, () => randomEdit(wb, amountCells(wb), r));
        const u = live.apply(edits.map(({ plain: _, ...e }) => e));
        if (edits.every((e) => e.plain)) {
          plain++;
          // …and those are handled without a new detection (unless the table's shown decimals moved).
          if (u.mode === 'full') expect(u.why).toMatch(/小数位数/);
        }
        const expected = validateWorkbook(clone(wb));
        try {
          expect(u.report).toEqual(expected);
        } catch (e) {
          throw new Error(`${name}, sequence ${seq}, step ${i}, edits ${JSON.stringify(edits)} (${u.mode}): ${(e as Error).message.slice(0, 3000)}`);
        }
        marks = applyMarkDiff(marks, u.marks);
        expect(marks).toEqual(sorted(marksFromReport(expected)));
      }
    }
    expect(plain).toBeGreaterThan(5);
  });
});

describe('what live checking does on a typical edit', () => {
  const wb = () => layoutWorkbook(seed004Blocks(), LAYOUTS['每表一个工作表']).workbook;

  test('a wrong figure is marked at once, and the mark goes when it is put back', () => {
    const w = wb();
    const live = new LiveValidation(w);
    expect(live.report.counts.error).toBe(0);
    const t = detectWorkbook(w).tables.find((x) => x.schema === 'general-budget-basic-expenditure')!;
    const row = t.rows.find((x) => x.code === '30101')!;
    const ref = row.amounts.personnel;
    const before = w.sheets.find((s) => s.name === t.sheet)!.rows[ref.row][ref.col];
    const u = live.apply([{ sheet: t.sheet, row: ref.row, col: ref.col, cell: { ...before!, value: Number(before!.value) + 1 } }]);
    expect(u.mode).toBe('incremental');
    expect(u.report.counts.error).toBeGreaterThan(0);
    expect(u.reevaluated).toBeLessThan(40);
    expect(u.report.suspects[0]).toMatchObject({ sheet: t.sheet, suggested: ref.value.toFixed(2) });
    expect(u.marks.set.length).toBeGreaterThan(0);
    const back = live.apply([{ sheet: t.sheet, row: ref.row, col: ref.col, cell: before }]);
    expect(back.report.counts.error).toBe(0);
    expect(back.marks.set).toEqual([]);
    expect(back.marks.clear.length).toBe(u.marks.set.length);
  });

  test('a code typed over, or a cell outside the tables, re-detects the workbook and says why', () => {
    const w = wb();
    const live = new LiveValidation(w);
    const t = detectWorkbook(w).tables.find((x) => x.schema === 'expenditure')!;
    const row = t.rows.find((x) => x.kind === 'code')!;
    const u = live.apply([{ sheet: t.sheet, row: row.row, col: t.columns.find((c) => c.role === 'code')!.col, cell: { value: '999' } }]);
    expect(u.mode).toBe('full');
    expect(u.why).toMatch(/重新识别/);
    expect(u.report).toEqual(validateWorkbook(clone(w)));
  });

  test('a workbook with more checks than a session keeps: live checking is not offered, and an edit is a full run', () => {
    const w = wb();
    const live = new LiveValidation(w, undefined, 100);
    expect(live.tooLarge).toBe(true);
    expect(live.report).toEqual(validateWorkbook(clone(w)));
    const t = detectWorkbook(w).tables.find((x) => x.schema === 'expenditure')!;
    const ref = t.rows.find((x) => x.kind === 'code')!.amounts.total;
    const u = live.apply([{ sheet: t.sheet, row: ref.row, col: ref.col, cell: { value: 1 } }]);
    expect(u.mode).toBe('full');
    expect(u.why).toMatch(/工作簿很大/);
    expect(u.report).toEqual(validateWorkbook(clone(w)));
  });
});

describe('live checking paused and resumed (issue 37 item 1, every host)', () => {
  const wb = () => layoutWorkbook(seed004Blocks(), LAYOUTS['每表一个工作表']).workbook;
  /** A 基本支出 amount of the 一般公共预算基本支出表 and the workbook with it one more. */
  const broken = (w: Workbook) => {
    const t = detectWorkbook(w).tables.find((x) => x.schema === 'general-budget-basic-expenditure')!;
    const ref = t.rows.find((x) => x.code === '30101')!.amounts.personnel;
    const cell = w.sheets.find((s) => s.name === t.sheet)!.rows[ref.row][ref.col]!;
    cell.value = Number(cell.value) + 1;
  };

  test('a host that reads a new grid (Excel, WPS): the edit made while paused is found on resume, as a full run finds it', () => {
    const w = wb();
    const live = new LiveValidation(w);
    expect(live.report.counts.error).toBe(0);
    const marks = sorted(live.currentMarks);
    // Paused: the host stops watching; the user breaks a total; the session hears nothing.
    const now = clone(w);
    broken(now);
    expect(live.report.counts.error).toBe(0); // what the pane would show without a re-read
    const u = live.resume(now);
    expect(u.mode).toBe('full');
    expect(u.why).toMatch(/暂停期间的改动/);
    expect(u.report.counts.error).toBeGreaterThan(0);
    expect(u.report).toEqual(validateWorkbook(clone(now)));
    expect(applyMarkDiff(marks, u.marks)).toEqual(sorted(marksFromReport(u.report)));
    // And live checking goes on from the new grid: putting the figure back is incremental and clears the errors.
    const t = detectWorkbook(now).tables.find((x) => x.schema === 'general-budget-basic-expenditure')!;
    const ref = t.rows.find((x) => x.code === '30101')!.amounts.personnel;
    const cell = now.sheets.find((s) => s.name === t.sheet)!.rows[ref.row][ref.col]!;
    const back = live.apply([{ sheet: t.sheet, row: ref.row, col: ref.col, cell: { ...cell, value: Number(cell.value) - 1 } }]);
    expect(back.mode).toBe('incremental');
    expect(back.report.counts.error).toBe(0);
  });

  test('a host whose grid is the session’s own object (the preview): changed in place while paused, found on resume', () => {
    const w = wb();
    const live = new LiveValidation(w);
    broken(w);
    expect(live.report.counts.error).toBe(0);
    const u = live.resume(w);
    expect(u.report.counts.error).toBeGreaterThan(0);
    expect(u.report).toEqual(validateWorkbook(clone(w)));
  });
});
