/**
 * A generated template opens in a real spreadsheet program: LibreOffice Calc (headless) loads a template filled
 * with seed 004's numbers whose formula cells carry no cached results, so it must compute every formula itself;
 * the results must equal our evaluator's, and the file it saves must validate with no error.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { FormulaEvaluator } from '../../src/core/templates/evaluate';
import { buildTemplate } from '../../src/core/templates/template';
import { validateWorkbook } from '../../src/core/validate';
import { readXlsxBuffer, writeXlsxBuffer } from '../../src/hosts/file/xlsx';
import { fillSeed004 } from '../helpers';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
const maybe = SOFFICE || process.env.CI ? test : test.skip;

maybe(
  'LibreOffice Calc computes every template formula to our results, and its saved file validates',
  async () => {
    if (!SOFFICE) throw new Error('找不到 LibreOffice（soffice）：CI 中应由 .ci/run 安装 libreoffice-calc-nogui');
    const t = buildTemplate({ year: 2021, department: '秦皇岛市工业和信息化局', departmentCode: '471' });
    fillSeed004(t);
    // A code typed into a blank row (no name): the template's lookup formula must find 行政运行.
    const p = t.placements.get('expenditure')!;
    const typed = p.bodyRows[27];
    t.workbook.sheets.find((x) => x.name === p.sheet)!.rows[typed]![p.col0 + 1] = { value: '2010101' };
    const bare = JSON.parse(JSON.stringify(t.workbook));
    for (const s of bare.sheets) for (const row of s.rows) if (row) for (const c of row) if (c?.formula) c.value = null;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-'));
    const input = path.join(dir, 'template.xlsx');
    fs.writeFileSync(input, await writeXlsxBuffer(bare));
    execFileSync(
      SOFFICE,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        path.join(dir, 'out'),
        input,
      ],
      { stdio: 'ignore', timeout: 120000 },
    );
    const saved = await readXlsxBuffer(fs.readFileSync(path.join(dir, 'out', 'template.xlsx')));
    new FormulaEvaluator(t.workbook).evaluateAll();
    let formulas = 0;
    const diffs: string[] = [];
    t.workbook.sheets.forEach((s, i) =>
      s.rows.forEach((row, r) =>
        row?.forEach((c, col) => {
          if (!c?.formula) return;
          formulas++;
          const v = saved.sheets[i].rows[r]?.[col]?.value;
          if (typeof c.value === 'string') {
            if (c.value !== (v ?? '')) diffs.push(`${s.name}!${r + 1},${col + 1}: “${c.value}” vs “${v}”`);
            return;
          }
          const ours = Math.round(Number(c.value ?? 0) * 100);
          const theirs = Math.round((typeof v === 'number' ? v : 0) * 100);
          if (ours !== theirs) diffs.push(`${s.name}!${r + 1},${col + 1}: ${c.value} vs ${v}`);
        }),
      ),
    );
    expect(formulas).toBeGreaterThan(500);
    expect(diffs).toEqual([]);
    expect(saved.sheets.find((x) => x.name === p.sheet)!.rows[typed]![p.col0 + 2]!.value).toBe('行政运行');
    const rep = validateWorkbook(saved);
    expect(rep.tables).toHaveLength(9);
    expect(rep.counts.error).toBe(0);
  },
  180000,
);
