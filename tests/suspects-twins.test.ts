/**
 * Issue 35 point 2: one figure wrong in two tables. A 项 row prints 项目支出 64,840,547.00 where it should be empty
 * (its 合计 equals its 基本支出), in the 支出总表 and in the 一般公共预算支出表. Each of the two cells explains its
 * own table's failing checks (the row's formula and its 款's sum); together they explain all of them: they lead, and
 * the findings, which name the 款 and the 合计 as their targets, name them as the likely wrong cells.
 */
import fs from 'fs';
import path from 'path';
import type { Workbook } from '../src/core/grid';
import { a1 } from '../src/core/grid';
import { validateWorkbook } from '../src/core/validate';
import { readXlsxFile } from '../src/hosts/file/xlsx';

const real = path.join(__dirname, '..', '..', 'shared', 'real');

/** Puts `value` into the 项目支出 cell of the row of `code` (printed in one cell, or as 类|款|项) in both tables. */
function printProject(wb: Workbook, code: string, value: number): { sheet: string; cell: string }[] {
  const at: { sheet: string; cell: string }[] = [];
  for (const s of wb.sheets) {
    if (!/支出预算总表|一般公共预算支出功能分类/.test(s.name)) continue;
    let col = -1;
    s.rows.slice(0, 8).forEach((r) => (r ?? []).forEach((c, i) => String(c?.value ?? '').replace(/\s/g, '') === '项目支出' && (col = i)));
    for (let r = 0; r < s.rows.length; r++) {
      const texts = (s.rows[r] ?? []).map((c) => String(c?.value ?? ''));
      if (texts[0] !== code && texts.slice(0, 3).join('') !== code) continue;
      s.rows[r]![col] = { value, numFmt: s.rows[r]![col - 1]?.numFmt ?? '#,##0.00' };
      at.push({ sheet: s.name, cell: a1(r, col) });
    }
  }
  return at;
}

const cases: [string, string][] = [
  ['sh-putuo-caizhengju-2025', 'sh-putuo-caizhengju-2025.xlsx'],
  ['sh-putuo-caizhengju-2025', 'sh-putuo-caizhengju-2025.joined.xlsx'],
  ['sh-putuo-wanli-jiedao-2023', 'sh-putuo-wanli-jiedao-2023.joined.xlsx'],
];

describe.each(cases)('real %s (%s): 2080505 项目支出 printed 64,840,547 in both tables', (dir, file) => {
  const p = path.join(real, dir, file);
  (fs.existsSync(p) ? test : test.skip)('the two 项目支出 cells are the first suspect, and every error names them', async () => {
    const wb = await readXlsxFile(p);
    expect(validateWorkbook(wb).counts.error).toBe(0);
    const at = printProject(wb, '2080505', 64840547);
    expect(at).toHaveLength(2);
    const rep = validateWorkbook(wb);
    const errors = rep.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule).sort()).toEqual(['hierarchy.parent', 'hierarchy.parent', 'row.expenditure-total', 'row.general-total']);
    const top = rep.suspects[0];
    expect([`${top.sheet}!${top.cell}`, `${top.with?.sheet}!${top.with?.cell}`].sort()).toEqual(at.map((x) => `${x.sheet}!${x.cell}`).sort());
    expect(top).toMatchObject({ kind: 'cross', likelihood: 'likely', explains: 4 });
    expect(Number(top.suggested.replace(/,/g, ''))).toBe(0);
    // Each error proposes its own target (the 款, the 合计) and then names the 项目支出 cell of its table.
    for (const f of errors) {
      expect(f.message).toMatch(
        /；最可能填错的是(支出总表|一般公共预算支出表)「2080505 机关事业单位基本养老保险缴费支出」项目支出（64,?840,?547(\.00)?，应为 0(\.00)?）$/,
      );
      const table = f.message.startsWith('支出总表') ? '支出总表' : '一般公共预算支出表';
      expect(f.message.split('；最可能填错的是')[1].startsWith(table)).toBe(true);
    }
  });
});
