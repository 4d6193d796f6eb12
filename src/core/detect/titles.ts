/**
 * Where a sheet's tables start: the rows whose text names a table (the title matcher, titles/), or, for a sheet
 * with no title, the table its header and codes say.
 */
import type { MappedTable, Stage } from '../model';
import { SchemaDef, SchemaId, schemaById } from '../schemas';
import { matchTitle } from '../titles';
import { squash } from '../text';
import { readHeader } from './header';
import { SheetView } from './view';

/**
 * A row that starts a table (row -1: a table named by its sheet or by its structure, from the top of the sheet), the
 * schema its title names, or `other`: a table the checks do not cover (with its 决算 stage and role, if it names one).
 */
export interface TitleHit {
  row: number;
  col: number;
  text: string;
  schema?: SchemaDef;
  other?: boolean;
  stage?: 'final';
  role?: SchemaId;
  by?: MappedTable['recognisedBy'];
}

/** Rows of one to three texts whose first the title matcher knows. */
export function findTitles(v: SheetView): TitleHit[] {
  const hits: TitleHit[] = [];
  for (let r = 0; r < v.height; r++) {
    const texts = v.rowTexts(r);
    let nonEmpty = 0;
    let first = -1;
    for (let c = 0; c < texts.length; c++)
      if (texts[c]) {
        nonEmpty++;
        if (first < 0) first = c;
      }
    if (nonEmpty === 0 || nonEmpty > 3) continue;
    const m = matchTitle(texts[first]);
    if (m) hits.push({ row: r, col: first, text: texts[first], ...m });
  }
  return hits;
}

/**
 * A table with no title (or one the vocabulary does not know), recognised by its columns and codes: the 三公
 * items, the two sides of a summary, economic (301, 30101) or function (201, 20101) codes and the column roles.
 */
export function schemaByStructure(v: SheetView, stage: Stage): TitleHit | undefined {
  const { header } = readHeader(v, 0, Math.min(v.height, 40));
  if (!header) return undefined;
  const words = [...header.paths.values()].flat().join('|');
  const byId = (id: SchemaId) => schemaById(id, stage);
  // From the top of the sheet, so the meta line (单位：元, 编制部门) above the header is read too.
  const hit = (id: SchemaId): TitleHit => ({ row: -1, col: header.left, text: v.sheet.name, schema: byId(id), by: 'structure' });
  if (/因公出国|公务接待/.test(words)) return hit('three-public-expenditure');
  const leaves = [...header.paths.values()].map((p) => p[p.length - 1]);
  if (leaves.filter((l) => /^(项目|科目|名称)$/.test(l)).length >= 2 && /收入/.test(words) && /支出/.test(words))
    return hit(/一般公共预算/.test(words) ? 'fiscal-appropriation-summary' : 'income-expenditure-summary');
  let econ = 0;
  let func = 0;
  for (let r = header.dataTop; r < Math.min(v.height, header.dataTop + 60); r++)
    for (const t of v.rowTexts(r)) {
      const c = squash(t);
      if (/^3\d{2}(\d{2})?$/.test(c)) econ++;
      else if (/^2\d{2}(\d{2}){0,2}$/.test(c)) func++;
    }
  if (econ === 0 && func === 0) return undefined;
  if (econ > func) return hit('general-budget-basic-expenditure');
  if (/财政拨款(收入)?|事业收入|上年结转/.test(words)) return hit('income');
  if (/经营支出|上缴上级|对附属/.test(words)) return hit('expenditure');
  if (/基本支出|人员经费/.test(words)) {
    const named = matchTitle(`${v.sheet.name}表`);
    const role = named?.schema?.id ?? named?.role;
    const def = role && schemaById(role);
    return hit(def && def.shape === 'code' && def.codeKind === 'function' ? def.id : 'general-budget-expenditure');
  }
  return undefined;
}
