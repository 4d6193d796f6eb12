/** The meta line of a table (the lines between its title and its header): year, unit and department. */
import { stripDepartmentCode } from '../text';

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
