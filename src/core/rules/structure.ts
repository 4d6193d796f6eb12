/** Rules 12–13 of domain.md and data hygiene: presence, codes, names, metadata, unreadable amounts. */
import { Decimal, shortNumberText } from '../amount';
import { catalogueName, CodeKind, contradictedName, isFormerClassName } from '../catalogue';
import { majority } from '../collections';
import { fmt } from '../amount';
import { printedDecimals, rowLabel, shortTitle } from '../checks';
import { a1 } from '../grid';
import type { AmountRef, MappedRow, MappedTable } from '../model';
import { FINAL_SCHEMAS, SCHEMAS } from '../schemas';
import { normName } from '../text';
import { byCode, codeRows, firstTables, hasAmounts, Rule, RuleContext, tableParents } from './context';

const at = (t: MappedTable, row: number, col: number) => ({ sheet: t.sheet, cell: a1(row, col) });
const titleCell = (t: MappedTable) => at(t, t.range.top, t.range.left);
const labelCell = (t: MappedTable, r: MappedRow) => at(t, r.row, r.labelCol ?? t.range.left);

export const missingTable: Rule = {
  id: 'structure.missing-table',
  severity: 'warning',
  domain: '12',
  title: '九张标准表应齐全（无数据的表也应空表列示）',
  run(ctx) {
    const found = new Set(ctx.tables.map((t) => t.schema));
    if (found.size < 3) return; // not a full disclosure workbook
    for (const u of ctx.unmapped) if (u.schema) found.add(u.schema); // present, reported as unmapped with its reason
    const anchor = ctx.tables[0];
    for (const s of ctx.stage === 'final' ? FINAL_SCHEMAS : SCHEMAS) {
      if (found.has(s.id)) continue;
      const c = titleCell(anchor);
      ctx.finding({ rule: this.id, severity: 'warning', message: `未找到${s.title}：没有数据的表也应空表列示并加注说明`, ...c, cells: [c] });
    }
  },
};

export const duplicateTable: Rule = {
  id: 'structure.duplicate-table',
  severity: 'warning',
  domain: '12',
  title: '同一种表出现多次时提示（表间核对只用第一张；有隐藏的工作表时用可见的第一张）',
  run(ctx) {
    const used = firstTables(ctx.tables);
    for (const t of ctx.tables) {
      const first = used.get(t.schema)!;
      if (t === first) continue;
      const c = titleCell(t);
      const where = `${first.sheet}!${a1(first.range.top, first.range.left)}`;
      const message =
        t.hidden && !first.hidden
          ? `${t.def.title}出现多次：工作表“${t.sheet}”是隐藏的工作表，其中的这张表未用于表间核对，表间核对使用可见的 ${where}（隐藏的副本可能是旧版本，公开前请删去或核实）`
          : `${t.def.title}出现多次（另见 ${where}），表间核对只使用第一张`;
      ctx.finding({ rule: this.id, severity: 'warning', message, ...c, cells: [c], table: t.schema });
    }
  },
};

export const emptyNote: Rule = {
  id: 'structure.empty-note',
  severity: 'warning',
  reads: 'presence',
  domain: '12',
  title: '空表须有“注：无……，空表列示”说明',
  run(ctx) {
    for (const t of ctx.tables) {
      if (hasAmounts(t)) continue;
      if (t.notes.some((n) => /无|空表/.test(n))) continue;
      const c = titleCell(t);
      ctx.finding({
        rule: this.id,
        severity: 'warning',
        message: `${t.def.title}没有数据，也没有“注：无……，空表列示”的说明`,
        ...c,
        cells: [c],
        table: t.schema,
      });
    }
  },
};

/** Instructions of the template left under a table (final-accounts.md TX18: "仍保留该表格式，并在本表下方作下述说明："). */
const TEMPLATE_NOTE = /仍保留该表格式|在本表下方作下述说明|(按|参照)(以下|下述)格式填写|此处填写|有则填写|无则(填|写)/;

export const templateNote: Rule = {
  id: 'structure.template-note',
  severity: 'warning',
  domain: '12',
  title: '表下留有模板的填写说明（如“仍保留该表格式，并在本表下方作下述说明”），公开前应删去',
  run(ctx) {
    for (const t of ctx.tables)
      for (const n of t.notes) {
        const m = TEMPLATE_NOTE.exec(n);
        if (!m) continue;
        const c = titleCell(t);
        ctx.finding({
          rule: this.id,
          severity: 'warning',
          message: `${t.def.title}下方留有模板的填写说明“${n.length > 40 ? n.slice(0, 40) + '…' : n}”：公开前应删去`,
          ...c,
          cells: [c],
          table: t.schema,
        });
      }
  },
};

/** What each fund table's note must be about, and the other fund its note must not name instead. */
const FUND_NOTES: { schema: 'government-fund-expenditure' | 'state-capital-expenditure'; own: RegExp; other: RegExp; label: string }[] = [
  { schema: 'government-fund-expenditure', own: /政府性?基金/, other: /国有资本经营/, label: '政府性基金预算' },
  { schema: 'state-capital-expenditure', own: /国有资本经营/, other: /政府性?基金/, label: '国有资本经营预算' },
];

export const noteOfAnotherTable: Rule = {
  id: 'structure.note-other-table',
  severity: 'warning',
  domain: '12',
  title: '表下的说明写的是另一张表（如国有资本经营预算支出表的注写成“无政府性基金预算……”，复制粘贴留下的）',
  run(ctx) {
    for (const t of ctx.tables) {
      const f = FUND_NOTES.find((x) => x.schema === t.schema);
      if (!f) continue;
      const wrong = t.notes.find((n) => f.other.test(n) && !f.own.test(n));
      if (!wrong) continue;
      const c = titleCell(t);
      ctx.finding({
        rule: this.id,
        severity: 'warning',
        message: `${t.def.title}下方的说明“${wrong.length > 40 ? wrong.slice(0, 40) + '…' : wrong}”说的是另一张表：应说明本表（${f.label}）的情况`,
        ...c,
        cells: [c],
        table: t.schema,
      });
    }
  },
};

export const duplicateCode: Rule = {
  id: 'structure.duplicate-code',
  severity: 'error',
  domain: '12',
  title: '同一张表中科目编码不得重复',
  run(ctx) {
    for (const t of ctx.tables) {
      // The first row of each code: in a code table every row with a code is a code row (other tables have none).
      const firsts = byCode(t);
      for (const r of codeRows(t)) {
        const first = firsts.get(r.code!);
        if (!first || first === r) continue;
        const c = labelCell(t, r);
        ctx.finding({
          rule: this.id,
          severity: 'error',
          message: `${shortTitle(t)}中科目编码 ${r.code} 重复出现（第 ${first.row + 1} 行和第 ${r.row + 1} 行），汇总关系无法确定`,
          ...c,
          cells: [labelCell(t, first), c],
          table: t.schema,
        });
      }
    }
  },
};

export const hierarchyGaps: Rule = {
  id: 'structure.missing-children',
  severity: 'warning',
  reads: 'presence',
  domain: '12',
  title: '科目层级完整：款下应列出其项（按公开深度），项/款应有上级科目',
  run(ctx) {
    for (const t of ctx.tables) {
      if (t.def.shape !== 'code') continue;
      const { rows, parent } = tableParents(t);
      const hasKids = new Set<MappedRow>();
      for (const r of rows) {
        const p = parent.get(r);
        if (p) hasKids.add(p);
        const expectLen = r.code!.length - 2;
        if (expectLen >= 3 && (!p || p.code!.length !== expectLen)) {
          const c = labelCell(t, r);
          ctx.finding({
            rule: this.id,
            severity: 'warning',
            message: `${shortTitle(t)}中 ${rowLabel(r)} 缺少上级科目 ${r.code!.slice(0, expectLen)}`,
            ...c,
            cells: [c],
            table: t.schema,
          });
        }
      }
      const depth = t.def.depth ?? 3;
      const deepest = Math.max(0, ...rows.map((r) => r.level ?? 0));
      for (const r of rows) {
        if (hasKids.has(r) || !r.level || r.level >= Math.min(depth, deepest)) continue;
        const tot = r.amounts['total'];
        if (tot && tot.blank) continue;
        const c = labelCell(t, r);
        ctx.finding({
          rule: this.id,
          severity: 'warning',
          message: `${shortTitle(t)}中 ${rowLabel(r)} 没有列出下级${r.level === 1 ? '款' : '项'}级科目`,
          ...c,
          cells: [c],
          table: t.schema,
        });
      }
    }
  },
};

/** The code one level up (20106 for 2010601, 201 for 20106); none for a class. */
const parentCode = (code: string) => (code.length > 3 ? code.slice(0, code.length - 2) : undefined);

export const codeNames: Rule = {
  id: 'structure.code-name',
  severity: ['warning', 'error'],
  emits: ['structure.unknown-code', 'structure.former-name'],
  domain: '12',
  title: '科目名称与工作簿中同一编码的名称、与内置科目目录一致',
  run(ctx) {
    // Codes the catalogue lacks, with every name the workbook prints for each: a lacking code whose parent the catalogue
    // holds and whose name is the same throughout is most likely a real code the catalogue has not collected (one info
    // line for the workbook); one whose parent is lacking too, or printed with different names, stays a warning per table.
    const lacking = new Map<string, { kind: CodeKind; code: string; names: Set<string>; first: { t: MappedTable; r: MappedRow } }>();
    for (const t of ctx.tables) {
      const kind = t.def.codeKind;
      if (!kind) continue;
      for (const r of codeRows(t)) {
        if (!r.name || catalogueName(kind, r.code!) !== undefined) continue;
        const key = `${kind}:${r.code}`;
        const l = lacking.get(key) ?? lacking.set(key, { kind, code: r.code!, names: new Set(), first: { t, r } }).get(key)!;
        l.names.add(normName(r.name));
      }
    }
    const benign = (kind: CodeKind, code: string) => {
      const l = lacking.get(`${kind}:${code}`)!;
      const parent = parentCode(code);
      return l.names.size === 1 && parent !== undefined && catalogueName(kind, parent) !== undefined;
    };
    // The first name of each code, per kind of code (function, economic).
    const seenByKind = new Map<string, Map<string, { name: string; t: MappedTable; r: MappedRow }>>();
    for (const t of ctx.tables) {
      if (!t.def.codeKind) continue;
      const unknown: MappedRow[] = [];
      const seen = seenByKind.get(t.def.codeKind) ?? seenByKind.set(t.def.codeKind, new Map()).get(t.def.codeKind)!;
      for (const r of codeRows(t)) {
        if (!r.name) continue;
        const key = r.code!;
        const prev = seen.get(key);
        if (prev && prev.name !== r.name && normName(prev.name) !== normName(r.name)) {
          ctx.finding({
            rule: this.id,
            severity: 'warning',
            message: `科目 ${r.code} 在${shortTitle(t)}中名为“${r.name}”，在${shortTitle(prev.t)}中名为“${prev.name}”`,
            ...labelCell(t, r),
            cells: [labelCell(t, r), labelCell(prev.t, prev.r)],
            table: t.schema,
          });
        } else if (!prev) seen.set(key, { name: r.name, t, r });
        const official = catalogueName(t.def.codeKind, r.code!);
        if (official === undefined) {
          if (!benign(t.def.codeKind, r.code!)) unknown.push(r);
        } else if (t.def.codeKind === 'function' && isFormerClassName(r.code!, r.name))
          ctx.finding({
            rule: 'structure.former-name',
            severity: 'warning',
            message: `${shortTitle(t)}中科目 ${r.code}“${r.name}”科目名称为旧名称，现行名称为“${official}”`,
            ...labelCell(t, r),
            cells: [labelCell(t, r)],
            table: t.schema,
          });
        else if (contradictedName(t.def.codeKind, r.code!, r.name) !== undefined) {
          // Another item's name: the code or the name is misprinted, and what the row is cannot be told.
          const cells = [labelCell(t, r)];
          ctx.finding({
            rule: this.id,
            severity: 'error',
            message: `${shortTitle(t)}中“${r.code} ${r.name}”编码与名称不符：编码 ${r.code} 在科目目录中是“${official}”，印的名称“${r.name}”是另一科目（编码或名称印错）；依赖科目含义的核对（“三公”经费、经济与功能分类对应）不对该行进行`,
            ...labelCell(t, r),
            cells,
            table: t.schema,
            expected: official,
            actual: r.name,
          });
        } else if (official !== r.name && normName(official) !== normName(r.name))
          ctx.finding({
            rule: this.id,
            severity: 'warning',
            message: `${shortTitle(t)}中科目 ${r.code} 名为“${r.name}”，科目目录中为“${official}”`,
            ...labelCell(t, r),
            cells: [labelCell(t, r)],
            table: t.schema,
          });
      }
      if (unknown.length) {
        const c = labelCell(t, unknown[0]);
        const list =
          unknown
            .slice(0, 8)
            .map((r) => r.code)
            .join('、') + (unknown.length > 8 ? ` 等 ${unknown.length} 个` : '');
        ctx.finding({
          rule: 'structure.unknown-code',
          severity: 'warning',
          message: `${shortTitle(t)}中科目 ${list} 不在内置科目目录中，未核对其名称（目录可能未收录，不代表编码有误）`,
          ...c,
          cells: unknown.map((r) => labelCell(t, r)),
          table: t.schema,
        });
      }
    }
    const quiet = [...lacking.values()].filter((l) => benign(l.kind, l.code));
    if (quiet.length) {
      const c = labelCell(quiet[0].first.t, quiet[0].first.r);
      const list =
        quiet
          .slice(0, 8)
          .map((l) => `${l.code} ${l.first.r.name}`)
          .join('、') + (quiet.length > 8 ? ` 等 ${quiet.length} 个` : '');
      ctx.finding({
        rule: 'structure.unknown-code',
        severity: 'info',
        message: `科目 ${list} 不在内置科目目录中，未核对其名称；其上级科目在目录中，工作簿中各处名称一致（目录未收录，不代表编码有误）`,
        ...c,
        cells: quiet.map((l) => labelCell(l.first.t, l.first.r)),
      });
    }
  },
};

export const formerClassNames: Rule = {
  id: 'structure.former-name',
  severity: 'warning',
  domain: '12',
  title: '收支总表中的功能类用了旧名称（如 210 医疗卫生与计划生育支出）：按其编码核对，并提示改为现行名称',
  run(ctx) {
    cellWarnings(
      ctx,
      this.id,
      (t) => t.rows.filter((r) => r.formerName && r.code).map((r) => ({ row: r.row, col: r.labelCol ?? t.range.left, r })),
      (t, { r }) => `${shortTitle(t)}中“${r.name}”科目名称为旧名称，按 ${r.code} ${catalogueName('function', r.code!)}核对`,
    );
  },
};

export const misprintedCodes: Rule = {
  id: 'structure.code-misprint',
  severity: 'error',
  domain: '12',
  title: '不可能存在的科目编码（如类印成“7”、301 下印成“3012”）：指出应为的编码，金额仍按应为的编码核对',
  run(ctx) {
    // Names seen with a valid code anywhere in the workbook: the same name elsewhere tells the code meant.
    // Built only when some code is misprinted (almost never): the provincial workbook has 33,000 code rows.
    if (!ctx.tables.some((t) => t.codeIssues.length)) return;
    const byName = new Map<string, string>();
    for (const t of ctx.tables)
      for (const r of codeRows(t))
        if (r.name && !t.codeIssues.some((i) => i.row === r.row)) byName.set(`${t.def.codeKind}:${normName(r.name)}:${r.code!.length}`, r.code!);
    for (const t of ctx.tables)
      for (const i of t.codeIssues) {
        const c = at(t, i.row, i.col);
        const printed = i.printed.replace(/\|+$/, '').split('|').join(' ');
        let suggested = i.suggested;
        let why = i.why;
        if (!suggested)
          for (const len of [3, 5, 7]) {
            const hit = byName.get(`${t.def.codeKind}:${normName(i.name)}:${len}`);
            if (hit) {
              suggested = hit;
              why = '工作簿中同名科目的编码';
              break;
            }
          }
        const message = suggested
          ? `${shortTitle(t)}中“${i.name}”的科目编码印为“${printed}”，不是有效的编码，应为 ${suggested}（依据：${why}）${i.suggested ? '；金额已按 ' + suggested + ' 核对' : ''}`
          : `${shortTitle(t)}中“${i.name}”的科目编码印为“${printed}”，不是有效的编码，无法判断应为哪个科目；该行未参加层级核对`;
        ctx.finding({ rule: this.id, severity: 'error', message, ...c, cells: [c], table: t.schema, expected: suggested, actual: printed });
      }
  },
};

export const shortCodeParts: Rule = {
  id: 'structure.code-part',
  severity: 'warning',
  domain: '12',
  title: '类|款|项 分列时，款或项印成一位数字（如“2”）：按两位（02）读取，并提示核对编码是否印错',
  run(ctx) {
    for (const t of ctx.tables)
      for (const x of t.shortCodeParts) {
        const c = at(t, x.row, x.col);
        ctx.finding({
          rule: this.id,
          severity: 'warning',
          message: `${shortTitle(t)}中“${x.name}”的${x.part}编码印为“${x.printed}”（一位数字），已按 ${x.printed.padStart(2, '0')} 读取为 ${x.code}：请核对编码是否印错`,
          ...c,
          cells: [c],
          table: t.schema,
        });
      }
  },
};

export const misplacedTotal: Rule = {
  id: 'structure.total-misplaced',
  severity: 'warning',
  domain: '12',
  title: '合计行的金额不在金额列下（PDF 转换时错位一列，或金额列下为空）：合计行无法读取，涉及合计的核对未进行',
  run(ctx) {
    for (const t of ctx.tables) {
      const m = t.totalMisplaced;
      if (!m) continue;
      const c = at(t, m.row, m.col);
      ctx.finding({
        rule: this.id,
        severity: 'warning',
        message: `${shortTitle(t)}的合计行（第 ${m.row + 1} 行）${m.why}（可能是从 PDF 转换时错位）：合计行无法读取，涉及合计的核对未进行；请把合计金额放到各金额列下`,
        ...c,
        cells: [c],
        table: t.schema,
      });
    }
  },
};

export const uncalculatedFormulas: Rule = {
  id: 'structure.uncalculated',
  severity: 'warning',
  domain: '—',
  title: '公式没有计算结果（工作簿保存时未重新计算）：这些格按空白读取，相关核对不可信',
  run(ctx) {
    for (const t of ctx.tables) {
      if (!t.uncalculated.length) continue;
      const cells = t.uncalculated.map((x) => at(t, x.row, x.col));
      const list =
        cells
          .slice(0, 5)
          .map((c) => c.cell)
          .join('、') + (cells.length > 5 ? ` 等 ${cells.length} 格` : '');
      ctx.finding({
        rule: this.id,
        severity: 'warning',
        message: `${shortTitle(t)} ${list} 的公式没有计算结果，请在 Excel/WPS 中重新计算并保存（按 F9 或打开后保存）后再校验；涉及这些格的核对暂不报告`,
        ...cells[0],
        cells,
        table: t.schema,
      });
    }
  },
};

/** One warning per recorded cell of each table (former names, misprinted units, unreadable amounts, merged areas). */
function cellWarnings<T extends { row: number; col: number }>(
  ctx: RuleContext,
  rule: string,
  list: (t: MappedTable) => T[],
  message: (t: MappedTable, x: T, cell: string) => string,
) {
  for (const t of ctx.tables)
    for (const x of list(t)) {
      const c = at(t, x.row, x.col);
      ctx.finding({ rule, severity: 'warning', message: message(t, x, c.cell), ...c, cells: [c], table: t.schema });
    }
}

export const unitWords: Rule = {
  id: 'structure.unit-word',
  severity: 'warning',
  domain: '—',
  title: '金额后写的单位与表的金额单位不一致（如万元表中写“30000000元”）：按所写单位换算后核对，并提示改为数字',
  run(ctx) {
    cellWarnings(
      ctx,
      this.id,
      (t) => t.unitWords,
      (t, x, cell) =>
        `${shortTitle(t)} ${cell} 写的是“${x.text}”，单位为${x.unit}，而本表金额单位为${t.unit}：已按${t.unit}换算后核对，请改为以${t.unit}计的数字`,
    );
  },
};

export const scaledFormats: Rule = {
  id: 'structure.scaled-format',
  severity: 'warning',
  domain: '—',
  title: '金额按数字格式缩小显示（如以元存储、用“0!.0000”显示为万元）：按显示的金额核对，并提示',
  run(ctx) {
    for (const t of ctx.tables) {
      const list = t.scaledFormats;
      if (!list?.length) continue;
      const cells = list.map((x) => at(t, x.row, x.col));
      const x = list[0];
      const shown = new Decimal(x.stored).times(new Decimal(10).pow(-x.shift));
      const more = list.length > 1 ? ` 等 ${list.length} 格` : '';
      ctx.finding({
        rule: this.id,
        severity: 'warning',
        message: `${shortTitle(t)} ${cells[0].cell}${more}存的数是“${shortNumberText(x.stored)}”，数字格式“${x.numFmt}”把它缩小 ${'1' + '0'.repeat(x.shift)} 倍显示为 ${shown.toFixed()}：已按显示的金额（${t.unit}）核对；复制或引用这些格时得到的是未缩小的数，建议改为直接填写以${t.unit}计的金额`,
        ...cells[0],
        cells,
        table: t.schema,
      });
    }
  },
};

export const invalidAmounts: Rule = {
  id: 'structure.invalid-amount',
  severity: 'warning',
  domain: '—',
  title: '金额单元格中无法识别为数字的内容',
  run(ctx) {
    cellWarnings(
      ctx,
      this.id,
      (t) => t.invalid,
      (t, x, cell) => `${shortTitle(t)} ${cell} 的内容“${x.text}”不是金额，按空白处理`,
    );
  },
};

export const mergedData: Rule = {
  id: 'structure.merged-data',
  severity: 'warning',
  domain: '—',
  title: '金额区域中的合并单元格（合并后只有左上角一格有值，其余按空白读取）',
  run(ctx) {
    cellWarnings(
      ctx,
      this.id,
      (t) => t.mergedData.map((m) => ({ row: m.top, col: m.left, m })),
      (t, { m }, cell) =>
        `${shortTitle(t)} ${a1(m.top, m.left)}:${a1(m.bottom, m.right)} 是合并单元格，覆盖了金额栏：只有 ${cell} 的值被计入，其余格按空白处理，请取消合并后分别填写`,
    );
  },
};

/**
 * Cells printed with fewer decimals than the rest of their table ("22,118,861" among "….00"): their rounding bound is
 * their own (checks.printedDecimals), so the sums they take part in are not errors for a difference they explain;
 * one warning per table says the precision is mixed. Zeros and numbers whose format fixes no decimals do not count.
 */
export const mixedPrecision: Rule = {
  id: 'structure.mixed-precision',
  severity: 'warning',
  // What it reports depends on which cells are shown coarser than their table (and quotes those): not on every value.
  reads: 'precision',
  domain: '—',
  title: '同一张表中金额显示的小数位数不一致（如多数为“.00”，个别格为整数）：各格按自身显示的精度计算尾差，提示统一小数位数',
  run(ctx) {
    for (const t of ctx.tables) {
      const coarse: AmountRef[] = [];
      for (const r of t.rows)
        for (const role in r.amounts) {
          const a = r.amounts[role];
          if (!a.blank && printedDecimals(t, a) < t.decimals) coarse.push(a);
        }
      if (!coarse.length) continue;
      const first = coarse[0];
      const c = at(t, first.row, first.col);
      const places = [...new Set(coarse.map((a) => a.decimals))].sort((x, y) => x - y).join('、');
      const shown = (a: AmountRef) => fmt(a.value, a.decimals);
      const cells = coarse.map((a) => at(t, a.row, a.col));
      const example = coarse
        .slice(0, 3)
        .map((a) => `${at(t, a.row, a.col).cell}“${shown(a)}”`)
        .join('、');
      ctx.finding({
        rule: this.id,
        severity: 'warning',
        message: `${shortTitle(t)}的金额多数显示 ${t.decimals} 位小数，有 ${coarse.length} 格只显示 ${places} 位（${example}${coarse.length > 3 ? ' 等' : ''}）：这些格按其显示的精度计算尾差，请统一小数位数`,
        ...c,
        cells,
        table: t.schema,
      });
    }
  },
};

export const metaYear: Rule = {
  id: 'meta.year',
  severity: 'error',
  domain: '13',
  title: '各表预算年度一致',
  run(ctx) {
    const year = majority(ctx.tables.map((t) => t.year).filter((y): y is number => !!y));
    if (!year) return;
    for (const t of ctx.tables) {
      if (!t.year || t.year === year) continue;
      const c = titleCell(t);
      ctx.finding({
        rule: this.id,
        severity: 'error',
        message: `${t.def.title}的预算年度为 ${t.year}，其他各表为 ${year}`,
        ...c,
        cells: [c],
        table: t.schema,
        expected: String(year),
        actual: String(t.year),
      });
    }
  },
};

export const metaDepartment: Rule = {
  id: 'meta.department',
  severity: 'warning',
  domain: '13',
  title: '各表预算单位一致',
  run(ctx) {
    const dept = majority(ctx.tables.map((t) => t.department && normName(t.department)).filter((d): d is string => !!d));
    if (!dept) return;
    for (const t of ctx.tables) {
      if (!t.department || normName(t.department) === dept) continue;
      const c = titleCell(t);
      ctx.finding({
        rule: this.id,
        severity: 'warning',
        message: `${t.def.title}的单位为“${t.department}”，其他各表为“${dept}”`,
        ...c,
        cells: [c],
        table: t.schema,
      });
    }
  },
};

export const STRUCTURE_RULES: Rule[] = [
  missingTable,
  duplicateTable,
  emptyNote,
  templateNote,
  noteOfAnotherTable,
  duplicateCode,
  hierarchyGaps,
  codeNames,
  formerClassNames,
  misprintedCodes,
  shortCodeParts,
  misplacedTotal,
  uncalculatedFormulas,
  unitWords,
  scaledFormats,
  invalidAmounts,
  mergedData,
  mixedPrecision,
  metaYear,
  metaDepartment,
];
