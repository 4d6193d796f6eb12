/**
 * Every rule id, ESLint style: a valid workbook on which it finds nothing, and an invalid one — the same workbook
 * with one mutation — on which it fires. Budget rules on the bundled sample (seed 004), 决算 rules on the real
 * 普陀区财政局 2024 决算 (../shared/real-final). Cells are located through detection (by table, code or item, and
 * column role), never by hard-coded coordinates, so a layout change cannot make a case test something else.
 */
import path from 'path';
import { RULES } from '../src/core/rules';
import { detectWorkbook } from '../src/core/detect';
import type { Cell, Sheet, Workbook } from '../src/core/grid';
import type { MappedRow } from '../src/core/model';
import { FINAL_SCHEMAS, SCHEMAS, SchemaId } from '../src/core/schemas';
import { validateWorkbook } from '../src/core/validate';
import { readXlsxFile } from '../src/hosts/file/xlsx';
import { layoutWorkbook } from '../src/samples/layout';
import { seed004Blocks, seed004OptionalBlocks } from '../src/samples/seed004';
import { shanghaiWanli2025 } from './fixtures/provinces/shanghai-wanli-2025';

const budget = () => layoutWorkbook(seed004Blocks(), { layout: 'sheets' }).workbook;
let finalWb: Workbook;
const final = () => structuredClone(finalWb);
/** 上海市财政局 2025 单位预算: its 收支总表 splits the expenditure into 人员经费 | 公用经费 | 项目支出. */
let unitWb: Workbook;
const unit = () => structuredClone(unitWb);
beforeAll(async () => {
  finalWb = await readXlsxFile(
    path.join(__dirname, '..', '..', 'shared', 'real-final', 'sh-putuo-caizhengju-2024-js', 'sh-putuo-caizhengju-2024-js.joined.xlsx'),
  );
  unitWb = await readXlsxFile(path.join(__dirname, '..', '..', 'shared', 'real', 'sh-shi-caizhengju-2025', 'sh-shi-caizhengju-2025.joined.xlsx'));
});

/** The cell of a mapped table's row (the first matching `pick`) in a column role, located by detection. */
function cellOf(wb: Workbook, schema: SchemaId, pick: (r: MappedRow) => boolean, role: string): { sheet: Sheet; row: number; col: number } {
  const t = detectWorkbook(wb).tables.find((x) => x.schema === schema)!;
  const r = t.rows.find((x) => pick(x) && x.amounts[role])!;
  const a = r.amounts[role];
  return { sheet: wb.sheets.find((s) => s.name === t.sheet)!, row: a.row, col: a.col };
}

/** Adds `delta` to a cell's amount (as a number, what a person types). */
function bump(wb: Workbook, schema: SchemaId, pick: (r: MappedRow) => boolean, role: string, delta = 10): Workbook {
  const { sheet, row, col } = cellOf(wb, schema, pick, role);
  const old = sheet.rows[row]![col];
  const v = Number(old?.value ?? 0) || 0;
  sheet.rows[row]![col] = { ...(old ?? {}), value: Math.round((v + delta) * 100) / 100 } as Cell;
  return wb;
}

function setText(wb: Workbook, schema: SchemaId, pick: (r: MappedRow) => boolean, which: 'label' | string, text: string): Workbook {
  const t = detectWorkbook(wb).tables.find((x) => x.schema === schema)!;
  const r = t.rows.find(pick)!;
  const col = which === 'label' ? r.labelCol! : r.amounts[which].col;
  const sheet = wb.sheets.find((s) => s.name === t.sheet)!;
  sheet.rows[r.row]![col] = { value: text };
  return wb;
}

/** Prints another code in a row's code column. */
function setCode(wb: Workbook, schema: SchemaId, pick: (r: MappedRow) => boolean, printed: string): Workbook {
  const t = detectWorkbook(wb).tables.find((x) => x.schema === schema)!;
  const r = t.rows.find(pick)!;
  const col = t.columns.find((c) => c.role === 'code')!.col;
  wb.sheets.find((s) => s.name === t.sheet)!.rows[r.row]![col] = { value: printed };
  return wb;
}

const code = (c: string) => (r: MappedRow) => r.code === c;
const item = (k: string, side?: 'in' | 'out') => (r: MappedRow) => r.item === k && (!side || r.side === side);
const total = (r: MappedRow) => r.kind === 'total';
const sheetOf = (wb: Workbook, schema: SchemaId) => wb.sheets.find((s) => s.name === detectWorkbook(wb).tables.find((t) => t.schema === schema)!.sheet)!;

/** Appends a line under a table (a note, as people leave them). */
function noteUnder(wb: Workbook, schema: SchemaId, text: string): Workbook {
  const s = sheetOf(wb, schema);
  s.rows.push([{ value: text }]);
  return wb;
}

interface Case {
  id: string;
  make: () => Workbook;
  invalid: (wb: Workbook) => Workbook;
}

const B = (id: string, invalid: Case['invalid']): Case => ({ id, make: budget, invalid });
/** The sample with its optional tables (政府采购, 资产 …): what the rules about the other tables read. */
const withOthers = () => layoutWorkbook([...seed004Blocks(), ...seed004OptionalBlocks()], { layout: 'stacked' }).workbook;
/** Every cell showing `from` shows `to` (a number typed in its place). */
function retype(wb: Workbook, from: string, to: number): Workbook {
  for (const s of wb.sheets) for (const r of s.rows) for (const [i, c] of (r ?? []).entries()) if (c && String(c.value) === from) r![i] = { ...c, value: to };
  return wb;
}
const F = (id: string, invalid: Case['invalid']): Case => ({ id, make: final, invalid });
const U = (id: string, invalid: Case['invalid']): Case => ({ id, make: unit, invalid });

/**
 * The same 收支总表 with a 基本支出 小计 column before 人员经费 | 公用经费 (as other 单位 layouts print it), its values
 * the sums of the two: every formula still holds.
 */
function withBasicSubtotal(): Workbook {
  const wb = unit();
  const s = wb.sheets[0];
  const at = 4;
  s.rows = s.rows.map((r, i) => {
    if (!r) return r;
    const row = [...r];
    const cell =
      i === 4
        ? { value: '基本支出' }
        : i === 5
          ? { value: '小计' }
          : typeof row[at]?.value === 'number'
            ? { value: Number(row[at]!.value) + Number(row[at + 1]?.value ?? 0) }
            : undefined;
    if (i === 4) row[at] = undefined;
    row.splice(at, 0, cell);
    return row;
  });
  s.merges = s.merges.map((m) =>
    m.top === 4 && m.left === 4
      ? { ...m, right: m.right + 1 }
      : m.left >= at
        ? { ...m, left: m.left + 1, right: m.right + 1 }
        : m.right >= at
          ? { ...m, right: m.right + 1 }
          : m,
  );
  return wb;
}
/** A Shanghai layout (万里街道 2025 as published: 类 | 款 | 项 columns, 合计 row first). */
const W = (id: string, invalid: Case['invalid']): Case => ({ id, make: () => layoutWorkbook(shanghaiWanli2025(), { layout: 'sheets' }).workbook, invalid });

const CASES: Case[] = [
  B('summary.income-total', (wb) => bump(wb, 'income-expenditure-summary', item('general', 'in'), 'in.amount')),
  B('summary.expenditure-total', (wb) => bump(wb, 'income-expenditure-summary', (r) => r.side === 'out' && r.code === '208', 'out.total')),
  B('summary.grand-totals', (wb) => bump(wb, 'income-expenditure-summary', item('income-grand', 'in'), 'in.amount')),
  B('summary.balance', (wb) => bump(wb, 'income-expenditure-summary', item('exp-grand', 'out'), 'out.total')),
  B('hierarchy.parent', (wb) => bump(wb, 'expenditure', code('2080505'), 'basic')),
  B('hierarchy.total', (wb) => bump(wb, 'expenditure', total, 'basic')),
  B('row.income-total', (wb) => bump(wb, 'income', code('2080505'), 'total')),
  B('row.income-subtotal', (wb) => bump(wb, 'income', code('2080505'), 'subtotal')),
  B('row.expenditure-total', (wb) => bump(wb, 'expenditure', code('2080505'), 'total')),
  B('row.general-total', (wb) => bump(wb, 'general-budget-expenditure', code('2080505'), 'total')),
  B('row.general-basic', (wb) => bump(wb, 'general-budget-expenditure', code('2080505'), 'personnel')),
  B('row.basic-total', (wb) => bump(wb, 'general-budget-basic-expenditure', code('30101'), 'total')),
  B('row.fiscal-total', (wb) => bump(wb, 'fiscal-appropriation-summary', (r) => r.side === 'out' && r.code === '208', 'out.total')),
  B('row.three-public-funds', (wb) => bump(wb, 'three-public-expenditure', item('reception'), 'general')),
  B('three-public.items', (wb) => bump(wb, 'three-public-expenditure', item('reception'), 'total')),
  B('basic.economic-split', (wb) =>
    bump(bump(wb, 'general-budget-basic-expenditure', code('30101'), 'public', 5), 'general-budget-basic-expenditure', code('30101'), 'personnel', -5),
  ),
  B('cross.summary-expenditure', (wb) =>
    bump(
      bump(wb, 'income-expenditure-summary', (r) => r.side === 'out' && r.code === '208', 'out.total'),
      'income-expenditure-summary',
      item('exp-total', 'out'),
      'out.total',
    ),
  ),
  B('cross.summary-income', (wb) =>
    bump(bump(wb, 'income-expenditure-summary', item('general', 'in'), 'in.amount'), 'income-expenditure-summary', item('income-total', 'in'), 'in.amount'),
  ),
  B('cross.income-expenditure', (wb) =>
    ['2080505', '20805', '208', ''].reduce(
      (w, c) =>
        bump(w, 'income', c ? code(c) : total, 'fiscal') &&
        bump(w, 'income', c ? code(c) : total, 'subtotal') &&
        bump(w, 'income', c ? code(c) : total, 'total'),
      wb,
    ),
  ),
  B('cross.fiscal-general', (wb) =>
    bump(
      bump(wb, 'fiscal-appropriation-summary', (r) => r.side === 'out' && r.code === '208', 'out.general'),
      'fiscal-appropriation-summary',
      (r) => r.side === 'out' && r.code === '208',
      'out.total',
    ),
  ),
  B('cross.fiscal-fund', (wb) =>
    bump(
      bump(wb, 'fiscal-appropriation-summary', (r) => r.side === 'out' && r.code === '208', 'out.fund'),
      'fiscal-appropriation-summary',
      (r) => r.side === 'out' && r.code === '208',
      'out.total',
    ),
  ),
  B('cross.fiscal-state', (wb) =>
    bump(
      bump(wb, 'fiscal-appropriation-summary', (r) => r.side === 'out' && r.code === '208', 'out.state'),
      'fiscal-appropriation-summary',
      (r) => r.side === 'out' && r.code === '208',
      'out.total',
    ),
  ),
  B('cross.general-basic', (wb) =>
    ['30101', '301', ''].reduce(
      (w, c) =>
        bump(bump(w, 'general-budget-basic-expenditure', c ? code(c) : total, 'personnel'), 'general-budget-basic-expenditure', c ? code(c) : total, 'total'),
      wb,
    ),
  ),
  B('cross.general-expenditure', (wb) =>
    ['2080505', '20805', '208', ''].reduce(
      (w, c) =>
        bump(
          bump(bump(w, 'expenditure', c ? code(c) : total, 'project'), 'expenditure', c ? code(c) : total, 'total'),
          'expenditure',
          c ? code(c) : total,
          'project',
          0,
        ),
      wb,
    ),
  ),
  B('cross.three-public-basic', (wb) =>
    ['30217', '302', ''].reduce(
      (w, c) =>
        bump(
          bump(
            bump(w, 'general-budget-basic-expenditure', c ? code(c) : total, 'public', 50),
            'general-budget-basic-expenditure',
            c ? code(c) : total,
            'total',
            50,
          ),
          'general-budget-basic-expenditure',
          c ? code(c) : total,
          'public',
          0,
        ),
      wb,
    ),
  ),
  B('cross.economic-function', (wb) =>
    ['30108', '301', ''].reduce(
      (w, c) =>
        bump(bump(w, 'general-budget-basic-expenditure', c ? code(c) : total, 'personnel'), 'general-budget-basic-expenditure', c ? code(c) : total, 'total'),
      wb,
    ),
  ),
  B('structure.missing-table', (wb) => ({ ...wb, sheets: wb.sheets.filter((s) => !s.name.startsWith('9')) })),
  B('structure.duplicate-table', (wb) => ({ ...wb, sheets: [...wb.sheets, { ...structuredClone(wb.sheets[8]), name: '9三公经费表（副本）' }] })),
  B('structure.empty-note', (wb) => {
    const s = sheetOf(wb, 'government-fund-expenditure');
    s.rows = s.rows.map((r) => (r?.some((c) => typeof c?.value === 'string' && /^注/.test(c.value)) ? [] : r));
    return wb;
  }),
  B('structure.template-note', (wb) =>
    noteUnder(wb, 'government-fund-expenditure', '无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：'),
  ),
  B('structure.note-other-table', (wb) => noteUnder(wb, 'state-capital-expenditure', '注：本部门无政府性基金预算财政拨款安排的预算，故本表为空表。')),
  W('structure.total-misplaced', (wb) => {
    // The 合计 row's amounts one column right of their headings, as a PDF conversion can leave them.
    const t = detectWorkbook(wb).tables.find((x) => x.schema === 'expenditure')!;
    const total = t.rows.find((r) => r.kind === 'total')!;
    const row = wb.sheets.find((s) => s.name === t.sheet)!.rows[total.row]!;
    const cols = Object.values(total.amounts)
      .map((a) => a.col)
      .sort((a, b) => a - b);
    const cells = cols.map((c) => row[c]);
    for (const c of cols) row[c] = undefined;
    cells.forEach((x, i) => (row[cols[0] + 1 + i] = x));
    return wb;
  }),
  W('structure.code-part', (wb) => {
    // A 款 printed "5" for 05 in the 类 | 款 | 项 columns.
    const t = detectWorkbook(wb).tables.find((x) => x.schema === 'expenditure')!;
    const kuan = t.columns.find((c) => c.role === 'code.kuan')!.col;
    const sheet = wb.sheets.find((s) => s.name === t.sheet)!;
    const r = t.rows.find((x) => x.kind === 'code' && x.code!.length === 5 && /^0\d$/.test(String(sheet.rows[x.row]![kuan]?.value)))!;
    sheet.rows[r.row]![kuan] = { value: String(sheet.rows[r.row]![kuan]!.value).slice(1) };
    return wb;
  }),
  U('row.summary-total', (wb) => bump(wb, 'income-expenditure-summary', (r) => r.side === 'out' && r.code === '201', 'out.total')),
  {
    id: 'row.summary-basic',
    make: withBasicSubtotal,
    invalid: (wb) => bump(wb, 'income-expenditure-summary', (r) => r.side === 'out' && r.code === '201', 'out.basic'),
  },
  U('cross.summary-split', (wb) =>
    bump(
      bump(wb, 'income-expenditure-summary', (r) => r.side === 'out' && r.code === '201', 'out.personnel', 10.12),
      'income-expenditure-summary',
      (r) => r.side === 'out' && r.code === '201',
      'out.public',
      -10.12,
    ),
  ),
  B('structure.mixed-precision', (wb) => {
    // One amount printed without decimals ("691") among amounts printed with two.
    const { sheet, row, col } = cellOf(wb, 'expenditure', code('2080505'), 'basic');
    sheet.rows[row]![col] = { value: Math.round(Number(sheet.rows[row]![col]!.value)), numFmt: '#,##0' };
    return wb;
  }),
  B('structure.duplicate-code', (wb) => setCode(wb, 'expenditure', code('2080502'), '2080501')),
  B('structure.missing-children', (wb) => {
    const { sheet, row } = cellOf(wb, 'expenditure', code('20805'), 'total');
    sheet.rows[row] = [];
    return wb;
  }),
  B('structure.code-name', (wb) => setText(wb, 'expenditure', code('2080505'), 'label', '城乡社区规划与管理')),
  B('structure.unknown-code', (wb) => setCode(wb, 'expenditure', code('2080505'), '2089988')),
  B('structure.former-name', (wb) =>
    setText(wb, 'income-expenditure-summary', (r) => r.side === 'out' && r.code === '210', 'label', '九、医疗卫生与计划生育支出'),
  ),
  B('structure.code-misprint', (wb) => setCode(wb, 'expenditure', code('208'), '7')),
  B('structure.uncalculated', (wb) => {
    const { sheet, row, col } = cellOf(wb, 'expenditure', total, 'total');
    sheet.rows[row]![col] = { value: null, formula: 'SUM(ZZ1:ZZ9)' };
    return wb;
  }),
  B('structure.unit-word', (wb) => {
    const { sheet, row, col } = cellOf(wb, 'expenditure', code('2080505'), 'basic');
    sheet.rows[row]![col] = { value: `${Number(sheet.rows[row]![col]!.value) * 10000}元` };
    return wb;
  }),
  B('structure.scaled-format', (wb) => {
    const { sheet, row, col } = cellOf(wb, 'expenditure', code('2080505'), 'basic');
    const v = Number(sheet.rows[row]![col]!.value);
    sheet.rows[row]![col] = { value: Math.round(v * 10000), numFmt: '0!.0000' };
    return wb;
  }),
  B('structure.invalid-amount', (wb) => setText(wb, 'expenditure', code('2080505'), 'basic', '见附表')),
  B('structure.merged-data', (wb) => {
    const { sheet, row, col } = cellOf(wb, 'expenditure', code('2080505'), 'basic');
    sheet.merges.push({ top: row, left: col, bottom: row, right: col + 1 });
    return wb;
  }),
  B('meta.year', (wb) => {
    const s = sheetOf(wb, 'expenditure');
    for (const r of s.rows) for (const c of r ?? []) if (c && typeof c.value === 'string' && /2021/.test(c.value)) c.value = c.value.replace('2021', '2020');
    return wb;
  }),
  B('meta.department', (wb) => {
    const s = sheetOf(wb, 'expenditure');
    for (const r of s.rows)
      for (const c of r ?? [])
        if (c && typeof c.value === 'string' && /工业和信息化局/.test(c.value)) c.value = c.value.replace('工业和信息化局', '发展和改革委员会');
    return wb;
  }),
  F('final.summary-totals', (wb) => bump(wb, 'income-expenditure-summary', item('carryover', 'in'), 'in.amount')),
  F('final.carry-over', (wb) =>
    bump(
      bump(wb, 'fiscal-appropriation-summary', item('year-end', 'out'), 'out.general'),
      'fiscal-appropriation-summary',
      item('exp-grand', 'out'),
      'out.general',
    ),
  ),
  F('final.basic-ledger', (wb) => bump(wb, 'general-budget-basic-expenditure', item('public-total'), 'total')),
  F('cross.final-general-basic', (wb) =>
    bump(bump(wb, 'general-budget-basic-expenditure', item('public-total'), 'total'), 'general-budget-basic-expenditure', code('302'), 'total'),
  ),
  F('cross.final-summary-fiscal', (wb) =>
    bump(bump(wb, 'fiscal-appropriation-summary', item('general', 'in'), 'in.amount'), 'fiscal-appropriation-summary', item('income-total', 'in'), 'in.amount'),
  ),
  F('cross.final-fiscal-subset', (wb) => bump(wb, 'expenditure', code('2010602'), 'project', -5)),
  // 资产总额 in 元 under a 万元 heading: 193 times the year's expenditure.
  { id: 'meta.unit-plausibility', make: withOthers, invalid: (wb) => retype(wb, '1160.08', 856766.73) },
];

describe('every rule has a valid and an invalid case', () => {
  test('the cases name every rule id the rules and schemas define', () => {
    const ids = new Set<string>();
    for (const r of RULES) if (!r.id.endsWith('.*')) ids.add(r.id);
    for (const s of [...SCHEMAS, ...FINAL_SCHEMAS]) for (const f of s.rowFormulas) ids.add(f.rule);
    ids.add('structure.unknown-code');
    expect([...ids].filter((id) => !CASES.some((c) => c.id === id)).sort()).toEqual([]);
  });

  /** Every finding's id is a rule's own or one it declares it emits; a rule's own findings have its declared severity. */
  const declared = (findings: { rule: string; severity: string }[]) => {
    for (const f of findings) {
      if (f.rule.startsWith('cross-stage.')) continue; // run only with a second workbook (validate --budget)
      const own = RULES.find((r) => r.id === f.rule);
      const emitter = RULES.find((r) => r.emits?.includes(f.rule));
      expect([f.rule, !!(own || emitter)]).toEqual([f.rule, true]);
      if (own && !emitter && f.severity !== 'info') expect([f.rule, ([] as string[]).concat(own.severity).includes(f.severity)]).toEqual([f.rule, true]);
    }
  };

  test.each(CASES.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const valid = validateWorkbook(c.make());
    expect(valid.findings.filter((f) => f.rule === id)).toEqual([]);
    const invalid = validateWorkbook(c.invalid(c.make()));
    expect([id, invalid.findings.filter((f) => f.rule === id).length > 0]).toEqual([id, true]);
    declared(invalid.findings);
  });
});

describe('real published mistakes the structure rules find', () => {
  test("普陀区财政局 2025 预算: the 国有资本经营 table's note says 政府性基金 (its expect.json: a copy-paste error, p.18)", async () => {
    const dir = path.join(__dirname, '..', '..', 'shared', 'real', 'sh-putuo-caizhengju-2025');
    const issues: string[] = JSON.parse(require('fs').readFileSync(path.join(dir, 'expect.json'), 'utf8')).real_text_issues;
    expect(issues.join()).toMatch(/国有资本经营预算支出表的注写成“无政府性基金预算财政拨款安排的预算”/);
    const rep = validateWorkbook(await readXlsxFile(path.join(dir, 'sh-putuo-caizhengju-2025.xlsx')));
    const f = rep.findings.filter((x) => x.rule === 'structure.note-other-table');
    expect(f.map((x) => x.table)).toEqual(['state-capital-expenditure']);
    expect(f[0].message).toMatch(/无政府性基金预算财政拨款安排的预算.*说的是另一张表/);
  });
});
