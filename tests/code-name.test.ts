/**
 * A printed code and its printed name that disagree with the catalogue (issue 37 item 7): the 社会福利院 2024 basic
 * table numbers its 302 款 in sequence ("30212 机关事业单位退休人员活动费", 7,020 元, is no 因公出国（境）费用).
 * Such a row is a code problem showing both code and name, and no rule that depends on what the row is runs on it;
 * a class misprinted "7" in a single code column ("71102") is a misprint told by its name, not 503,724 to set to 0;
 * a 款 printed as one digit in 类|款|项 columns is read padded and said.
 */
import fs from 'fs';
import path from 'path';
import { namesAgree } from '../src/core/catalogue';
import { a1 } from '../src/core/grid';
import { detectWorkbook } from '../src/core/detect';
import { contradictedName } from '../src/core/catalogue';
import { validateWorkbook } from '../src/core/validate';
import { readXlsxFile } from '../src/hosts/file/xlsx';
import { layoutWorkbook } from '../src/samples/layout';
import { shanghaiWanli2025 } from './fixtures/provinces/shanghai-wanli-2025';

const real = path.join(__dirname, '..', '..', 'shared', 'real');
const welfare = (joined: boolean) => path.join(real, 'sh-putuo-shehuifuliyuan-2024', `sh-putuo-shehuifuliyuan-2024${joined ? '.joined' : ''}.xlsx`);
const have = fs.existsSync(welfare(false));
const maybe = have ? describe : describe.skip;

test('names that name the same item agree; another item’s name does not', () => {
  expect(namesAgree('机关事业单位基本养老保险费', '机关事业单位基本养老保险缴费')).toBe(true);
  expect(namesAgree('行政运转', '行政运行')).toBe(true);
  expect(namesAgree('维修(护)费', '维修（护）费')).toBe(true);
  expect(namesAgree('机关事业单位退休人员活动费', '因公出国（境）费用')).toBe(false);
  expect(namesAgree('退休费', '离休费')).toBe(false);
  expect(namesAgree('水费', '电费')).toBe(false);
});

maybe('the real 社会福利院 2024 单位预算 (issue 37 item 7)', () => {
  test.each([false, true])('joined code column: %s — 30212 is a code problem with both code and name, and 三公 is not compared with it', async (joined) => {
    const rep = validateWorkbook(await readXlsxFile(welfare(joined)));
    const f = rep.findings.find((x) => x.rule === 'structure.code-name' && /30212/.test(x.message))!;
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/“30212 机关事业单位退休人员活动费”编码与名称不符：编码 30212 在科目目录中是“因公出国（境）费用”/);
    expect(rep.findings.filter((x) => x.rule === 'cross.three-public-basic')).toEqual([]);
    expect(rep.suspects.filter((s) => /因公出国|30212/.test(s.reason))).toEqual([]);
    // 30108 …养老保险费 is the catalogue's …养老保险缴费: still compared with 2080505, its name only a warning.
    expect(rep.findings.find((x) => /30108/.test(x.message))!.severity).toBe('warning');
    // The class printed "7": a misprint told by its name, checked as 2101102 — no amount error at all (expect.json).
    const misprints = rep.findings.filter((x) => x.rule === 'structure.code-misprint');
    expect(misprints.map((x) => x.message)).toEqual([expect.stringMatching(/印为“7(1102| 11 02)”.*应为 2101102/), expect.stringMatching(/应为 2101102/)]);
    expect(rep.findings.filter((x) => x.severity === 'error' && !x.rule.startsWith('structure.'))).toEqual([]);
    expect(rep.suspects).toEqual([]);
  });
});

maybe('real Shanghai workbooks: no finding rests on a row whose printed code and name disagree', () => {
  const files = fs
    .readdirSync(real)
    .filter((d) => fs.statSync(path.join(real, d)).isDirectory())
    .flatMap((d) =>
      fs
        .readdirSync(path.join(real, d))
        .filter((f) => f.endsWith('.xlsx'))
        .map((f) => path.join(real, d, f)),
    );
  test.each(files.map((f) => [path.basename(f), f]))('%s', async (_, file) => {
    const wb = await readXlsxFile(file);
    const det = detectWorkbook(wb);
    const bad = new Set<string>();
    for (const t of det.tables)
      for (const r of t.rows)
        if (t.def.codeKind && r.code && contradictedName(t.def.codeKind, r.code, r.name) !== undefined)
          for (const a of Object.values(r.amounts)) bad.add(`${t.sheet}!${a1(a.row, a.col)}`);
    const rep = validateWorkbook(wb);
    const resting = rep.findings.filter(
      (f) => f.rule !== 'structure.code-name' && !f.rule.startsWith('hierarchy.') && (f.cells ?? []).some((c) => bad.has(`${c.sheet}!${c.cell}`)),
    );
    expect(resting).toEqual([]);
    expect(rep.suspects.filter((s) => bad.has(`${s.sheet}!${s.cell}`))).toEqual([]);
  });
});

test('a 款 printed as one digit in 类|款|项 columns is read padded and said (warning)', () => {
  const wb = layoutWorkbook(shanghaiWanli2025(), { layout: 'sheets' }).workbook;
  const t = detectWorkbook(wb).tables.find((x) => x.schema === 'expenditure')!;
  const kuan = t.columns.find((c) => c.role === 'code.kuan')!.col;
  const sheet = wb.sheets.find((s) => s.name === t.sheet)!;
  const row = t.rows.find((r) => r.kind === 'code' && r.code!.length === 5 && /^0\d$/.test(String(sheet.rows[r.row][kuan]?.value)))!;
  const printed = String(sheet.rows[row.row][kuan]!.value).slice(1);
  sheet.rows[row.row][kuan] = { value: printed };
  const rep = validateWorkbook(wb);
  const f = rep.findings.filter((x) => x.rule === 'structure.code-part');
  expect(f).toHaveLength(1);
  expect(f[0]).toMatchObject({ severity: 'warning', sheet: t.sheet, cell: a1(row.row, kuan) });
  expect(f[0].message).toMatch(new RegExp(`款编码印为“${printed}”（一位数字），已按 0${printed} 读取为 ${row.code}`));
  // Read as before: no amount finding.
  expect(rep.findings.filter((x) => x.severity === 'error')).toEqual([]);
});
