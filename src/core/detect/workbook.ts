/**
 * The tables of a workbook: every sheet read as a budget disclosure, the stage decided for the whole workbook (a 决算
 * one is read again with the 决算 tables' columns and rows), and the tables that cannot be checked alone set aside:
 * continued tables, and a second title naming a table another title already maps.
 */
import { Workbook } from '../grid';
import type { Detection, MappedTable, Stage } from '../model';
import { SchemaId } from '../schemas';
import { familiesOf, readTitle } from '../titles';
import { detectSheet, MappingOverride } from './sheet';

export interface DetectOptions {
  /** The user's word on which disclosure the workbook is, over what its titles and headings say. */
  stage?: Stage;
}

/**
 * The tables of a workbook (mapped, unmapped with the reason, other tables) and its stage: 预算, or 决算 by its titles
 * and headings or by `opts.stage`. `overrides`: the user's corrections of what a title names.
 */
export function detectWorkbook(wb: Workbook, overrides: MappingOverride[] = [], opts: DetectOptions = {}): Detection {
  const budget = decideStage(detectStage(wb, overrides, 'budget'), opts.stage);
  if (budget.stage!.stage !== 'final') return budget;
  // A 决算 workbook: read again with the 决算 tables' columns and rows.
  const final = detectStage(wb, overrides, 'final');
  final.stage = budget.stage;
  return final;
}

function detectStage(wb: Workbook, overrides: MappingOverride[], stage: Stage): Detection {
  const out: Detection = { tables: [], unmapped: [], others: [] };
  for (const s of wb.sheets) {
    const d = detectSheet(s, overrides, stage);
    out.tables.push(...d.tables);
    out.unmapped.push(...d.unmapped);
    out.others.push(...d.others);
  }
  return continuedTables(oneTablePerTitle(out));
}

/**
 * A table continued elsewhere ("…（续）", "续表", or a sheet named so): neither half adds up alone, so neither is
 * checked as a table (each would be called wrong); both are listed with the reason and what to do. Joining the
 * halves is not done yet: the cells of one table are taken to lie on one sheet.
 */
function continuedTables(det: Detection): Detection {
  const continued = (t: MappedTable) => readTitle(t.title).continued || /续/.test(t.sheet.replace(/继续|持续|连续|陆续/g, ''));
  const split = new Set<MappedTable>();
  for (const t of det.tables) {
    if (!continued(t)) continue;
    const head = det.tables.find((x) => x !== t && x.schema === t.schema && !continued(x));
    split.add(t);
    if (head) split.add(head);
  }
  if (!split.size) return det;
  for (const t of split) {
    const parts = [...split].filter((x) => x.schema === t.schema).map((x) => `“${x.sheet}”`);
    det.unmapped.push({
      sheet: t.sheet,
      range: t.range,
      title: t.title,
      schema: t.schema,
      reason: `${t.def.title}分在${parts.join('和')}${parts.length > 1 ? '' : '（另一半未找到）'}（续表），两部分各自不能平衡，本版本不合并核对：请把续表的行接到原表下方后再校验`,
    });
  }
  det.tables = det.tables.filter((t) => !split.has(t));
  return det;
}

/**
 * Two differently worded titles naming the same standard table (甘肃: 部门收入总体情况表 and 部门预算收入总表; 山东:
 * 一般公共预算基本支出预算表 and the all-funds 基本支出预算表): the one of the template family most of the workbook's
 * titles belong to, or else of any family, is the table; the other is listed as another table. Titles worded the
 * same (a department's table and its units' tables) are all kept.
 */
function oneTablePerTitle(det: Detection): Detection {
  const byTitle = det.tables.filter((t) => t.recognisedBy === 'title');
  if (byTitle.length < 2 && !(byTitle.length && det.unmapped.length)) return det;
  const cores = new Map(byTitle.map((t) => [t, readTitle(t.title).core]));
  const votes = new Map<string, number>();
  for (const core of cores.values()) for (const f of familiesOf(core)) votes.set(f, (votes.get(f) ?? 0) + 1);
  const major = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
  /** 2 for a title of the workbook's own family, 1 for another family's, 0 for one read by its words. */
  const coreScore = (core: string) => {
    const fams = familiesOf(core);
    return fams.includes(major ?? '') ? 2 : fams.length ? 1 : 0;
  };
  const score = (t: MappedTable) => coreScore(cores.get(t)!);
  const drop = new Set<MappedTable>();
  const groups = new Map<SchemaId, MappedTable[]>();
  for (const t of byTitle) {
    const id = t.titleSaid ?? t.schema;
    groups.set(id, [...(groups.get(id) ?? []), t]);
  }
  for (const group of groups.values()) {
    if (new Set(group.map((t) => cores.get(t))).size < 2) continue;
    const best = Math.max(...group.map(score));
    if (group.every((t) => score(t) === best)) continue;
    for (const t of group) if (score(t) < best) drop.add(t);
  }
  // A titled region that could not be mapped, naming a table a better-placed title already maps, is that other table.
  const dropUnmapped = det.unmapped.filter((u) => {
    const group = u.schema && u.title ? groups.get(u.schema) : undefined;
    if (!group || !u.title) return false;
    const core = readTitle(u.title).core;
    return group.some((t) => !drop.has(t) && score(t) > coreScore(core) && cores.get(t) !== core);
  });
  if (!drop.size && !dropUnmapped.length) return det;
  det.tables = det.tables.filter((t) => !drop.has(t));
  for (const t of drop) det.others.push({ sheet: t.sheet, title: t.title, range: t.range });
  det.unmapped = det.unmapped.filter((u) => !dropUnmapped.includes(u));
  for (const u of dropUnmapped) det.others.push({ sheet: u.sheet, title: u.title!, range: u.range });
  return det;
}

/**
 * 预算 or 决算, for the whole workbook: 决算 titles and 决算 column headings against the tables mapped as budget
 * ones. A 决算 workbook is never checked as a budget one: its tables are listed as 决算 tables, unchecked. In a
 * budget workbook a table with 决算 headings (a 决算 三公 table whose title lacks 决算) is listed the same way.
 */
function decideStage(det: Detection, said?: Stage): Detection {
  const evidence: string[] = [];
  for (const o of det.others) if (o.stage === 'final') evidence.push(`标题“${o.title}”`);
  const budgetTables = det.tables.filter((t) => !t.finalHeading);
  for (const t of det.tables) if (t.finalHeading) evidence.push(`“${t.title}”的列名“${t.finalHeading}”`);
  for (const u of det.unmapped) if (u.finalHeading) evidence.push(`“${u.title ?? u.sheet}”的列名“${u.finalHeading}”`);
  const stage: Stage = said ?? (evidence.length > 0 && evidence.length >= budgetTables.length ? 'final' : 'budget');
  det.stage = { stage, evidence: evidence.slice(0, 5), ...(said ? { overridden: true } : {}) };
  const asFinal = stage === 'final' ? det.tables : said ? [] : det.tables.filter((t) => t.finalHeading);
  if (asFinal.length) {
    det.tables = det.tables.filter((t) => !asFinal.includes(t));
    for (const t of asFinal) det.others.push({ sheet: t.sheet, title: t.title, range: t.range, stage: 'final', role: t.schema });
  }
  const unmappedFinal = stage === 'final' ? det.unmapped : said ? [] : det.unmapped.filter((u) => u.finalHeading);
  if (unmappedFinal.length) {
    for (const u of unmappedFinal)
      det.others.push({ sheet: u.sheet, title: u.title ?? '', range: u.range, stage: 'final', ...(u.schema ? { role: u.schema } : {}) });
    det.unmapped = det.unmapped.filter((u) => !unmappedFinal.includes(u));
  }
  return det;
}
