/**
 * Blank standard tables for a budget year (插入模板), built from the same table definitions the samples and
 * detection use, with live formulas for every total the rules define, so a filled template reconciles by
 * construction:
 *  - code tables: 合计 row = Σ 类 (SUMPRODUCT over the code column, so rows can be added anywhere inside),
 *    类 = Σ its 款, 款 = Σ its 项 (written by fillCodeRows), row formulas (合计 = 基本 + 项目 …);
 *  - 收支总表 / 财政拨款收支总表: class rows linked to the expenditure / fund tables (SUMIF by code), totals;
 *  - “三公”经费表: 合计 = 出国 + 车 + 接待, 车 = 购置 + 运行, 合计列 = Σ 资金来源.
 */
import { catalogueEntries, catalogueName } from '../catalogue';
import { a1, Cell } from '../grid';
import { basicBlock, expenditureBlock, fiscalBlock, fundLikeBlock, generalBlock, incomeBlock, Meta, summaryBlock, threePublicBlock } from './blocks';
import { classLabels } from './classes';
import { LaidOut, layoutWorkbook, SHEET_NAMES } from './layout';
import type { TableBlock } from './types';
import { INDICATOR_LEVELS } from '../rules/performance';
import { buildFinalTemplate, FINAL_ROW_FORMULAS } from './final-template';

export const TEMPLATE_TABLES = [
  'income-expenditure-summary',
  'income',
  'expenditure',
  'fiscal-appropriation-summary',
  'general-budget-expenditure',
  'general-budget-basic-expenditure',
  'government-fund-expenditure',
  'state-capital-expenditure',
  'three-public-expenditure',
] as const;

export interface TemplateOptions {
  year: number;
  department: string;
  /** 预算单位编码, shown as [code] before the name. */
  departmentCode?: string;
  unit?: '万元' | '元';
  layout?: 'sheets' | 'stacked';
  /** Blank code rows left in each code table (default 40). */
  inputRows?: number;
  /** Sheet names to use instead of the defaults (e.g. to avoid names already in the workbook). */
  sheetNames?: Partial<Record<string, string>>;
  /** Optional tables after the nine: 政府采购预算, 固定资产占用情况表, 项目绩效目标表 (one blank project). */
  optional?: OptionalTable[];
  /** The nine 决算 tables instead of the budget's (final-templates.ts). */
  stage?: 'final';
}

export interface Template extends LaidOut {
  blocks: Map<string, TableBlock>;
  options: TemplateOptions;
}

/** Zero shows as blank, so untouched formula rows stay clean. */
export const AMOUNT_FORMAT = '#,##0.00;-#,##0.00;""';

/**
 * Derived columns of each code table (block column → the columns it sums, a negative one subtracted); the others
 * are inputs.
 */
export type RowFormulas = Record<string, Record<number, number[]>>;

const ROW_FORMULAS: RowFormulas = {
  income: { 3: [4, 12], 4: [5, 6, 7, 8, 9, 10, 11] },
  expenditure: { 3: [4, 5, 6, 7, 8] },
  'general-budget-expenditure': { 3: [4, 7], 4: [5, 6] },
  'general-budget-basic-expenditure': { 3: [4, 5] },
  'government-fund-expenditure': { 3: [4, 5] },
  'state-capital-expenditure': { 3: [4, 5] },
};

const blankRow = (n: number) => Array.from({ length: n }, () => '');

/** The optional tables a template can add after the nine. */
export type OptionalTable = 'procurement' | 'assets' | 'performance' | 'department-performance';
export const OPTIONAL_TABLES: OptionalTable[] = ['procurement', 'assets', 'performance', 'department-performance'];

/** The optional tables, in the seeds' layouts (seed 004: 政府采购预算 and 固定资产; seeds 000/002/004: 绩效目标表). */
export function optionalBlocks(o: TemplateOptions): TableBlock[] {
  const dept = `${o.departmentCode ? `${o.departmentCode} ` : ''}${o.department}`;
  const n = o.inputRows ?? 40;
  const blocks: TableBlock[] = [];
  if (o.optional?.includes('procurement'))
    blocks.push({
      id: 'procurement',
      title: '部门政府采购预算',
      meta: [[dept], [`单位：${o.unit ?? '万元'}`]],
      header: [
        ['政府采购项目来源', '', '采购物品名称', '政府采购目录序号', '计量单位', '数量', '单价', '政府采购金额（当年部门预算安排资金）', '', '', '', '', ''],
        ['项目名称', '预算资金', '', '', '', '', '', '合计', '一般公共预算拨款', '基金预算拨款', '国有资本经营预算拨款', '财政专户核拨', '单位资金'],
      ],
      headerMerges: [
        [0, 0, 1, 2],
        [0, 2, 2, 1],
        [0, 3, 2, 1],
        [0, 4, 2, 1],
        [0, 5, 2, 1],
        [0, 6, 2, 1],
        [0, 7, 1, 6],
      ],
      columnNumbers: false,
      rows: [['合计', ...blankRow(12)], ...Array.from({ length: n }, () => blankRow(13))],
      amountCols: [1, 6, 7, 8, 9, 10, 11, 12],
      notes: [],
    });
  if (o.optional?.includes('assets'))
    blocks.push({
      id: 'assets',
      title: '部门固定资产占用情况表',
      meta: [[`编制部门：${o.department}`], [`截止时间：${o.year - 1}年12月31日`]],
      header: [['项目', '数量', `价值(金额单位:${o.unit ?? '万元'})`]],
      headerMerges: [],
      columnNumbers: false,
      rows: [
        ['资产总额', '——', ''],
        ['1、房屋(平方米)', '', ''],
        ['其中：办公用房(平方米)', '', ''],
        ['2、车辆(台、辆)', '', ''],
        ['3、通用设备', '', ''],
        ['4、专用设备', '', ''],
        ['5、家具、用具、装具及动植物', '', ''],
        ['6、无形资产', '', ''],
      ],
      amountCols: [2],
      notes: [],
    });
  if (o.optional?.includes('performance'))
    blocks.push({
      id: 'performance',
      title: '1.（项目名称）绩效目标表',
      meta: [[dept], [`单位：${o.unit ?? '万元'}`]],
      header: [['项目编码', '', '', '项目名称', '', '']],
      headerMerges: [
        [0, 1, 1, 2],
        [0, 4, 1, 2],
      ],
      columnNumbers: false,
      rows: [
        ['预算规模及资金用途', '预算数', '', '其中：财政资金', '', '其他资金', ''],
        ['', '（资金用途）', '', '', '', '', ''],
        ['资金支出计划（%）', '3月底', '6月底', '10月底', '12月底', '', ''],
        ['', '', '', '', '100.00%', '', ''],
        ['绩效目标', '', '', '', '', '', ''],
        ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据', ''],
        ...Object.entries(INDICATOR_LEVELS).flatMap(([l1, l2s]) =>
          l2s.filter((x) => x !== '经济效益指标' && x !== '生态效益指标').map((l2, i) => [i === 0 ? l1 : '', l2, '', '', '', '', '']),
        ),
      ],
      amountCols: [2, 4, 6],
      notes: [],
    });
  if (o.optional?.includes('department-performance'))
    blocks.push({
      // 部门整体绩效目标 as a form: 资金总额 (a live sum), the three parts of the 绩效文本, and the indicator table in
      // the 部门产出 / 部门效果 framework of seed 003's 部门整体支出绩效指标.
      id: 'department-performance',
      title: '部门整体绩效目标表',
      meta: [[dept], [`单位：${o.unit ?? '万元'}`]],
      header: [['项目', '内容', '', '', '', '']],
      headerMerges: [[0, 1, 1, 5]],
      columnNumbers: false,
      rows: [
        ['年度资金总额', '', '其中：财政拨款', '', '其他资金', ''],
        ['总体绩效目标', '', '', '', '', ''],
        ['分项绩效目标', '', '', '', '', ''],
        ['工作保障措施', '', '', '', '', ''],
        ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
        ...[
          ['部门产出', '数量'],
          ['', '质量'],
          ['', '时效'],
          ['', '成本'],
          ['部门效果', '社会效益'],
          ['', '可持续影响'],
          ['', '满意度'],
        ].map(([a, b]) => [a, b, '', '', '', '']),
      ],
      amountCols: [1, 3, 5],
      notes: [],
    });
  return blocks;
}

export function templateBlocks(o: TemplateOptions): TableBlock[] {
  const m: Meta = { department: `${o.departmentCode ? `[${o.departmentCode}]` : ''}${o.department}`, year: o.year, unit: o.unit ?? '万元' };
  const n = o.inputRows ?? 40;
  const code = (width: number) => [['', '合计', ...blankRow(width - 2)], ...Array.from({ length: n }, () => blankRow(width))];
  return [
    summaryBlock(m, { income: blankRow(9), classes: {}, incomeTotal: '', carryover: '', incomeGrand: '', expTotal: '', yearEnd: '', expGrand: '' }),
    incomeBlock(m, code(12)),
    expenditureBlock(m, code(8)),
    fiscalBlock(m, {
      income: ['', '', ''],
      classes: {},
      incomeTotal: '',
      expTotal: ['', '', '', ''],
      carry: ['', '', ''],
      yearEnd: ['', '', '', ''],
      incomeGrand: '',
      expGrand: ['', '', '', ''],
    }),
    generalBlock(m, code(7), true),
    basicBlock(m, code(5)),
    fundLikeBlock('government-fund-expenditure', '部门预算政府性基金预算财政拨款支出表', m, code(5), ['注：无政府性基金预算时，本表空表列示并保留此注。']),
    fundLikeBlock('state-capital-expenditure', '部门预算国有资本经营预算财政拨款支出表', m, code(5), ['注：无国有资本经营预算时，本表空表列示并保留此注。']),
    threePublicBlock(m, {
      total: blankRow(4),
      abroad: blankRow(4),
      vehicle: blankRow(4),
      purchase: blankRow(4),
      operation: blankRow(4),
      reception: blankRow(4),
    }),
  ];
}

export function setCell(t: Template, blockId: string, bodyRow: number, blockCol: number, cell: Cell) {
  const p = t.placements.get(blockId)!;
  const sheet = t.workbook.sheets.find((s) => s.name === p.sheet)!;
  const r = p.bodyRows[bodyRow];
  (sheet.rows[r] ??= [])[p.col0 + blockCol] = cell;
}

/** 'Sheet'!$D$9:$D$48 style reference to a block column over some body rows. */
export function ref(t: Template, blockId: string, col: number, fromRow: number, toRow: number, from?: string): string {
  const p = t.placements.get(blockId)!;
  const abs = (r: number) => `$${a1(p.bodyRows[r], p.col0 + col).replace(/(\d+)$/, '$$$1')}`;
  const range = fromRow === toRow ? abs(fromRow) : `${abs(fromRow)}:${abs(toRow)}`;
  return from === p.sheet ? range : `'${p.sheet.replace(/'/g, "''")}'!${range}`;
}

export function cellRef(t: Template, blockId: string, row: number, col: number, from?: string): string {
  const p = t.placements.get(blockId)!;
  const r = a1(p.bodyRows[row], p.col0 + col);
  return from === p.sheet ? r : `'${p.sheet.replace(/'/g, "''")}'!${r}`;
}

export const formula = (f: string): Cell => ({ value: 0, formula: f, numFmt: AMOUNT_FORMAT });

/** A cell the user types an amount into: blank, in the amount format. */
export const inputCell = (): Cell => ({ value: null, numFmt: AMOUNT_FORMAT });

/**
 * A summary's class row taken from a code table: SUMIF of that table's column `col` over the rows of the class's code.
 * 人行科目, which has no code, is typed in.
 */
export function classSum(t: Template, table: string, code: string, col: number, from: string): Cell {
  if (!/^\d+$/.test(code)) return inputCell();
  const last = t.blocks.get(table)!.rows.length - 1;
  return formula(`SUMIF(${ref(t, table, 1, 1, last, from)},"${code}",${ref(t, table, col, 1, last, from)})`);
}

/** The row formulas of a template's code tables (决算 tables have their own). */
export function rowFormulasOf(t: Template): RowFormulas {
  return t.options.stage === 'final' ? FINAL_ROW_FORMULAS : ROW_FORMULAS;
}

/** "D9+E9", "F9+G9-H9": a derived cell from the columns it sums (a negative column subtracted). */
function derivedFormula(t: Template, id: string, r: number, cols: number[], sheet: string): string {
  return cols.map((c, i) => `${c < 0 ? '-' : i ? '+' : ''}${cellRef(t, id, r, Math.abs(c), sheet)}`).join('');
}

export function codeTableFormulas(t: Template, id: string) {
  const b = t.blocks.get(id)!;
  const sheet = t.placements.get(id)!.sheet;
  const last = b.rows.length - 1;
  const derived = rowFormulasOf(t)[id];
  const codes = ref(t, id, 1, 1, last, sheet);
  // Typing a code into a blank row shows its catalogue name (科目目录 sheet); the user may overwrite it.
  const kind = id === 'general-budget-basic-expenditure' ? 'economic' : 'function';
  const lookup = `'${catalogueSheetName(t).replace(/'/g, "''")}'!${kind === 'function' ? '$A$2:$B$' + (catalogueEntries('function').length + 1) : '$D$2:$E$' + (catalogueEntries('economic').length + 1)}`;
  for (let r = 1; r <= last; r++) {
    const c = cellRef(t, id, r, 1, sheet);
    setCell(t, id, r, 2, { value: '', formula: `IF(${c}="","",IFERROR(VLOOKUP(${c}&"",${lookup},2,FALSE),"（目录中无此编码，请填写名称）"))` });
  }
  for (const col of b.amountCols) {
    if (derived[col]) {
      for (let r = 0; r <= last; r++) setCell(t, id, r, col, formula(derivedFormula(t, id, r, derived[col], sheet)));
    } else {
      setCell(t, id, 0, col, formula(`SUMPRODUCT((LEN(${codes})=3)*${ref(t, id, col, 1, last, sheet)})`));
      for (let r = 1; r <= last; r++) setCell(t, id, r, col, inputCell());
    }
  }
}

/** Builds the blank template (layout, formulas, cached results of 0). */
export function buildTemplate(o: TemplateOptions): Template {
  if (o.stage === 'final') return buildFinalTemplate(o);
  const blocks = [...templateBlocks(o), ...optionalBlocks(o)];
  const names = blocks.map((b) => o.sheetNames?.[b.id] ?? SHEET_NAMES[b.id]);
  const laid = layoutWorkbook(blocks, {
    layout: o.layout ?? 'sheets',
    unit: o.unit,
    sheetNames: o.layout === 'stacked' ? [o.sheetNames?.stacked ?? `${o.year}年部门预算公开表`] : names,
  });
  const t: Template = { ...laid, blocks: new Map(blocks.map((b) => [b.id, b])), options: o };
  for (const id of Object.keys(ROW_FORMULAS)) codeTableFormulas(t, id);
  addCatalogueSheet(t);
  twoSidedFormulas(t, o.year);
  threePublicFormulas(t);
  if (t.blocks.has('performance')) {
    // 预算数 = 财政资金 + 其他资金.
    const sheet = t.placements.get('performance')!.sheet;
    setCell(t, 'performance', 0, 2, formula(`${cellRef(t, 'performance', 0, 4, sheet)}+${cellRef(t, 'performance', 0, 6, sheet)}`));
  }
  if (t.blocks.has('department-performance')) {
    // 年度资金总额 = 财政拨款 + 其他资金.
    const sheet = t.placements.get('department-performance')!.sheet;
    setCell(
      t,
      'department-performance',
      0,
      1,
      formula(`${cellRef(t, 'department-performance', 0, 3, sheet)}+${cellRef(t, 'department-performance', 0, 5, sheet)}`),
    );
  }
  printSetup(t, [6, 12, 34, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14]);
  return t;
}

/** Column widths, landscape, fit to width; with a table per sheet its title, meta and header repeat on every page. */
export function printSetup(t: Template, widths: number[]) {
  for (const s of t.workbook.sheets) {
    s.columnWidths = widths;
    s.print = { landscape: true, fitToWidth: true };
  }
  if ((t.options.layout ?? 'sheets') === 'sheets')
    for (const p of t.placements.values()) {
      const s = t.workbook.sheets.find((x) => x.name === p.sheet)!;
      s.print = { landscape: true, fitToWidth: true, titleRows: [p.titleRow, p.bodyRows[0] - 1] };
    }
}

export function addCatalogueSheet(t: Template) {
  t.workbook.sheets.push(catalogueSheet(catalogueSheetName(t)));
}

export const CATALOGUE_SHEET = '科目目录';

/** Function codes in A:B, economic codes in D:E, codes as text: the lookup source of the name formulas. */
function catalogueSheetName(t: Template): string {
  return t.options.sheetNames?.catalogue ?? CATALOGUE_SHEET;
}

function catalogueSheet(name: string) {
  const fn = catalogueEntries('function');
  const ec = catalogueEntries('economic');
  const rows: (Cell | undefined)[][] = [
    [{ value: '支出功能分类科目编码' }, { value: '科目名称' }, undefined, { value: '部门经济分类科目编码' }, { value: '科目名称' }],
  ];
  for (let i = 0; i < Math.max(fn.length, ec.length); i++)
    rows.push([
      fn[i] ? { value: fn[i][0], numFmt: '@' } : undefined,
      fn[i] ? { value: fn[i][1] } : undefined,
      undefined,
      ec[i] ? { value: ec[i][0], numFmt: '@' } : undefined,
      ec[i] ? { value: ec[i][1] } : undefined,
    ]);
  return { name, rows, merges: [], columnWidths: [14, 36, 4, 14, 36] };
}

function twoSidedFormulas(t: Template, year: number) {
  const classes = classLabels(year);
  const n = Math.max(classes.length, 9);
  const S = 'income-expenditure-summary';
  const F = 'fiscal-appropriation-summary';
  const E = 'expenditure';
  const I = 'income';
  const sumSheet = t.placements.get(S)!.sheet;
  const fSheet = t.placements.get(F)!.sheet;
  // 收支总表: class rows from the expenditure table, income items from the income table and the fiscal summary.
  classes.forEach((c, i) => setCell(t, S, i, 4, classSum(t, E, c.code, 3, sumSheet)));
  [0, 1, 2].forEach((i) => setCell(t, S, i, 2, formula(cellRef(t, F, i, 2, sumSheet))));
  [
    [3, 6],
    [4, 7],
    [5, 8],
    [6, 9],
    [7, 10],
    [8, 11],
  ].forEach(([row, col]) => setCell(t, S, row, 2, formula(cellRef(t, I, 0, col, sumSheet))));
  setCell(t, S, n, 2, formula(`SUM(${ref(t, S, 2, 0, 8, sumSheet)})`));
  setCell(t, S, n + 1, 2, formula(cellRef(t, I, 0, 12, sumSheet)));
  setCell(t, S, n + 2, 2, formula(`${cellRef(t, S, n, 2, sumSheet)}+${cellRef(t, S, n + 1, 2, sumSheet)}`));
  setCell(t, S, n, 4, formula(`SUM(${ref(t, S, 4, 0, classes.length - 1, sumSheet)})`));
  setCell(t, S, n + 1, 4, inputCell());
  setCell(t, S, n + 2, 4, formula(`${cellRef(t, S, n, 4, sumSheet)}+${cellRef(t, S, n + 1, 4, sumSheet)}`));
  // 财政拨款收支总表: class rows by fund from the three fund tables.
  const k = classes.length;
  const sources: [number, string][] = [
    [5, 'general-budget-expenditure'],
    [6, 'government-fund-expenditure'],
    [7, 'state-capital-expenditure'],
  ];
  classes.forEach((c, i) => {
    for (const [col, table] of sources) setCell(t, F, i, col, classSum(t, table, c.code, 3, fSheet));
    setCell(t, F, i, 4, formula([5, 6, 7].map((col) => cellRef(t, F, i, col, fSheet)).join('+')));
  });
  for (const i of [0, 1, 2, k + 2, k + 3, k + 4]) setCell(t, F, i, 2, inputCell());
  setCell(t, F, k, 2, formula(`SUM(${ref(t, F, 2, 0, 2, fSheet)})`));
  setCell(t, F, k + 5, 2, formula(`${cellRef(t, F, k, 2, fSheet)}+SUM(${ref(t, F, 2, k + 2, k + 4, fSheet)})`));
  for (const col of [5, 6, 7]) {
    setCell(t, F, k, col, formula(`SUM(${ref(t, F, col, 0, k - 1, fSheet)})`));
    setCell(t, F, k + 1, col, inputCell());
    setCell(t, F, k + 5, col, formula(`${cellRef(t, F, k, col, fSheet)}+${cellRef(t, F, k + 1, col, fSheet)}`));
  }
  for (const row of [k, k + 1, k + 5]) setCell(t, F, row, 4, formula([5, 6, 7].map((col) => cellRef(t, F, row, col, fSheet)).join('+')));
}

function threePublicFormulas(t: Template) {
  const id = 'three-public-expenditure';
  const sheet = t.placements.get(id)!.sheet;
  const c = (r: number, col: number) => cellRef(t, id, r, col, sheet);
  for (const r of [1, 3, 4, 5]) {
    setCell(t, id, r, 2, formula(`${c(r, 3)}+${c(r, 4)}+${c(r, 5)}`));
    for (const col of [3, 4, 5]) setCell(t, id, r, col, inputCell());
  }
  for (const col of [2, 3, 4, 5]) {
    setCell(t, id, 2, col, formula(`${c(3, col)}+${c(4, col)}`));
    setCell(t, id, 0, col, formula(`${c(1, col)}+${c(2, col)}+${c(5, col)}`));
  }
}

export interface CodeRowInput {
  code: string;
  name?: string;
  /** Amounts of the input columns, by block column (only used for rows without children). */
  values?: Record<number, string | number>;
}

/**
 * Writes code rows into a code table's blank rows: the catalogue name when none is given; 类/款 rows that have
 * children get SUMPRODUCT formulas in the input columns, the others the given amounts.
 */
export function fillCodeRows(t: Template, id: string, rows: CodeRowInput[]) {
  const b = t.blocks.get(id)!;
  const sheet = t.placements.get(id)!.sheet;
  const last = b.rows.length - 1;
  if (rows.length > last) throw new Error(`${b.title}只预留了 ${last} 行，要填 ${rows.length} 行：请用 inputRows 加大预留行数`);
  const derived = rowFormulasOf(t)[id];
  const kind = b.title.includes('基本支出') ? 'economic' : 'function';
  rows.forEach((row, i) => {
    const r = i + 1;
    // The rows below this one only: a range that contained the formula's own cell would be a circular
    // reference in Excel, even though the mask excludes it. Children always follow their parent.
    const below = (col: number) => ref(t, id, col, Math.min(r + 1, last), last, sheet);
    setCell(t, id, r, 1, { value: row.code });
    setCell(t, id, r, 2, { value: row.name ?? catalogueName(kind, row.code) ?? '' });
    const parent = rows.slice(i + 1).some((x) => x.code !== row.code && x.code.startsWith(row.code));
    if (!parent && rows.slice(0, i).some((x) => x.code !== row.code && x.code.startsWith(row.code)))
      throw new Error(`科目 ${row.code} 的下级科目排在它前面：请按科目编码顺序填写`);
    for (const col of b.amountCols) {
      if (derived[col]) continue;
      if (parent) {
        const len = row.code.length + 2;
        setCell(
          t,
          id,
          r,
          col,
          formula(`SUMPRODUCT((LEN(${below(1)})=${len})*(LEFT(${below(1)},${row.code.length})=${cellRef(t, id, r, 1, sheet)}&"")*${below(col)})`),
        );
      } else {
        const v = row.values?.[col];
        setCell(t, id, r, col, v === undefined || v === '' ? inputCell() : { value: Number(v), numFmt: AMOUNT_FORMAT });
      }
    }
  });
}

/** Sets one input cell of a template table (summary income items, 三公 items…). */
export function setTemplateValue(t: Template, id: string, bodyRow: number, blockCol: number, value: number) {
  setCell(t, id, bodyRow, blockCol, { value, numFmt: AMOUNT_FORMAT });
}

/** Writes text into a template's body cell (a 绩效 form's goals and measures). */
export function setTemplateText(t: Template, id: string, bodyRow: number, blockCol: number, text: string) {
  setCell(t, id, bodyRow, blockCol, { value: text });
}
