/** The meta line of a table (the lines between its title and its header): year, unit and department. */
import { stripDepartmentCode } from '../text';
import { SheetView } from './view';

export function parseYear(texts: string[]): number | undefined {
  const joined = texts.join(' ');
  const m = /预算年度[:：]?\s*(20\d{2})/.exec(joined) || /(20\d{2})\s*年(度)?/.exec(joined);
  return m ? Number(m[1]) : undefined;
}

export function parseUnit(texts: string[]): '元' | '万元' | undefined {
  const m = /单位[:：]\s*(万元|元)/.exec(texts.join(' '));
  return m ? (m[1] as '元' | '万元') : undefined;
}

function cleanDepartment(s: string): string {
  return stripDepartmentCode(s)
    .replace(/(预算年度|金额单位|单位[:：]).*$/, '')
    .trim();
}

/** The department a table's meta line names; `labelledOnly`: only after a label (编制单位：…), never a bare line. */
export function parseDepartment(metaCells: string[], labelledOnly = false): string | undefined {
  for (const t of metaCells) {
    const m = /(?:预算单位编码及名称|单位编码及名称|编制单位|编制部门|预算单位|单位名称|部门名称)[:：]\s*(.+)/.exec(t);
    if (m) {
      const d = cleanDepartment(m[1]);
      if (d) return d;
    }
  }
  if (labelledOnly) return undefined;
  for (const t of metaCells) {
    if (/单位[:：]|年度|年$|^\s*$/.test(t)) continue;
    const d = cleanDepartment(t);
    if (/[\u4e00-\u9fa5]{2,}/.test(d) && d.length <= 40) return d;
  }
  return undefined;
}

export interface TableMeta {
  unit: '元' | '万元';
  year?: number;
  department?: string;
}

/**
 * A table's unit (万元 unless its meta line, header or title says 元), year and department, from its meta rows, its
 * header rows and its title. `final`: a 决算 table.
 */
export function tableMeta(v: SheetView, metaRows: number[], header: { top: number; bottom: number }, title: string, final: boolean): TableMeta {
  const metaTexts: string[] = [];
  for (const r of metaRows) metaTexts.push(...v.rowTexts(r).filter((x) => x));
  const headerTexts: string[] = [];
  for (let r = header.top; r <= header.bottom; r++) headerTexts.push(...v.rowTexts(r).filter((x) => x));
  return {
    unit: parseUnit(metaTexts) ?? parseUnit(headerTexts) ?? parseUnit([title]) ?? '万元',
    year: parseYear(metaTexts) ?? parseYear([title]),
    // A 决算 table's lines above its header are headings (财政拨款“三公”经费), its department is on the cover.
    department: parseDepartment(metaTexts, final),
  };
}
