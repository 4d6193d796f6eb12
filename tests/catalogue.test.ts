/**
 * The built-in catalogue (issue 35 point 4): its data (every entry with a source, no code with two names, every 款/项
 * under a 类 it holds), its coverage of the codes real disclosures print (the workbooks beside the repository, and a
 * holdout of two published tables never used to build it), and what a code it lacks costs the user: one info line for
 * the workbook when the code's parent is known and its name the same throughout, a warning otherwise.
 */
import fs from 'fs';
import path from 'path';
import { catalogueName, CodeKind } from '../src/core/catalogue';
import { CATALOGUE_SOURCES, ECONOMIC_ENTRIES, FUNCTION_ENTRIES, NAME_VARIANTS } from '../src/core/catalogue-data';
import { detectWorkbook } from '../src/core/detect';
import { validateWorkbook } from '../src/core/validate';
import { readXlsxFile } from '../src/hosts/file/xlsx';
import { layoutWorkbook } from '../src/samples/layout';
import type { TableBlock } from '../src/samples/types';
import { shanghaiWanli2025 } from './fixtures/provinces/shanghai-wanli-2025';
import holdout from './fixtures/catalogue/holdout.json';

const root = path.join(__dirname, '..');
const shared = path.join(root, '..', 'shared');
const inDir = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.xlsx'))
        .map((f) => path.join(dir, f))
    : [];
const subDirs = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .map((d) => path.join(dir, d))
        .filter((d) => fs.statSync(d).isDirectory())
    : [];
/** Every real disclosure workbook: shared/real, shared/real-final, samples/, tests/fixtures/. */
const REAL = [
  ...subDirs(path.join(shared, 'real')).flatMap(inDir),
  ...subDirs(path.join(shared, 'real-final')).flatMap(inDir),
  ...inDir(path.join(root, 'samples')),
  ...inDir(path.join(root, 'tests', 'fixtures')),
];

describe('the catalogue data', () => {
  const kinds: [CodeKind, typeof FUNCTION_ENTRIES][] = [
    ['function', FUNCTION_ENTRIES],
    ['economic', ECONOMIC_ENTRIES],
  ];
  const sourceIds = new Set(CATALOGUE_SOURCES.map((s) => s.id));

  test.each(kinds)('%s: no code twice, every entry with known sources, every 款/项 under its 类 and 款', (kind, entries) => {
    const names = new Map<string, string>();
    for (const [code, name, sources] of entries) {
      expect([3, 5, 7]).toContain(code.length);
      expect(/^\d+$/.test(code)).toBe(true);
      expect(name.trim()).toBe(name);
      expect(names.has(code)).toBe(false); // one entry per code: one name
      names.set(code, name);
      const ids = sources.split(' ');
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(sourceIds).toContain(id);
    }
    for (const code of names.keys()) {
      if (code.length > 3) expect(names.has(code.slice(0, 3))).toBe(true);
      if (code.length === 7) expect(names.has(code.slice(0, 5))).toBe(true);
    }
    for (const [code, name, sources] of NAME_VARIANTS[kind]) {
      expect(names.has(code)).toBe(true);
      expect(names.get(code)).not.toBe(name);
      for (const id of sources.split(' ')) expect(sourceIds).toContain(id);
    }
  });

  test('every source has a year and a place, and gives at least one entry', () => {
    const used = new Set([...FUNCTION_ENTRIES, ...ECONOMIC_ENTRIES].flatMap(([, , s]) => s.split(' ')));
    for (const s of CATALOGUE_SOURCES) {
      expect(s.year).toBeGreaterThanOrEqual(2018);
      expect(path.isAbsolute(s.where)).toBe(false);
      expect(used).toContain(s.id);
    }
    expect(new Set(CATALOGUE_SOURCES.map((s) => s.id)).size).toBe(CATALOGUE_SOURCES.length);
  });

  test('docs/catalogue.md names every source', () => {
    const doc = fs.readFileSync(path.join(root, 'docs', 'catalogue.md'), 'utf8');
    for (const s of CATALOGUE_SOURCES) expect(doc).toContain(`\`${s.id}\``);
  });
});

/** Distinct codes (per kind) a workbook's code tables print with a name, and the names each is printed with. */
function printedCodes(tables: ReturnType<typeof detectWorkbook>['tables']): Map<string, { kind: CodeKind; code: string; names: Set<string> }> {
  const out = new Map<string, { kind: CodeKind; code: string; names: Set<string> }>();
  for (const t of tables) {
    const kind = t.def.codeKind;
    if (!kind) continue;
    for (const r of t.rows) {
      if (r.kind !== 'code' || !r.code || !r.name) continue;
      const key = `${kind}:${r.code}`;
      (out.get(key) ?? out.set(key, { kind, code: r.code, names: new Set() }).get(key)!).names.add(r.name.replace(/\s+/g, ''));
    }
  }
  return out;
}
const parentKnown = (kind: CodeKind, code: string) => code.length > 3 && catalogueName(kind, code.slice(0, code.length - 2)) !== undefined;

describe('coverage of the codes real disclosures print', () => {
  // Each figure is what the catalogue reaches now, less a small margin: a catalogue that loses codes fails here.
  test('the real workbooks (the sources the data was built from)', async () => {
    expect(REAL.length).toBeGreaterThanOrEqual(14);
    let seen = 0;
    let known = 0;
    const lines: string[] = [];
    for (const file of REAL) {
      const codes = printedCodes(detectWorkbook(await readXlsxFile(file)).tables);
      const missing = [...codes.values()].filter((c) => catalogueName(c.kind, c.code) === undefined);
      seen += codes.size;
      known += codes.size - missing.length;
      lines.push(
        `${path.basename(file)}: ${codes.size - missing.length}/${codes.size}${missing.length ? ' (lacking ' + missing.map((c) => c.code).join(', ') + ')' : ''}`,
      );
    }
    lines.push(`all: ${known}/${seen} = ${((100 * known) / seen).toFixed(1)}%`);
    console.log(`catalogue coverage, real workbooks:\n${lines.join('\n')}`);
    expect(known / seen).toBeGreaterThanOrEqual(0.99);
  });

  test('the holdout: two published 2026 tables not used to build the data', () => {
    let seen = 0;
    let known = 0;
    let sameName = 0;
    const lines: string[] = [];
    for (const s of holdout.sources) {
      const rows = [...s.function.map((r) => ['function', ...r]), ...s.economic.map((r) => ['economic', ...r])] as [CodeKind, string, string][];
      const hits = rows.filter(([k, code]) => catalogueName(k, code) !== undefined);
      seen += rows.length;
      known += hits.length;
      sameName += hits.filter(([k, code, name]) => catalogueName(k, code) === name).length;
      const lacking = rows.filter((r) => !hits.includes(r)).map(([, code]) => code);
      lines.push(`${s.id}: ${hits.length}/${rows.length}${lacking.length ? ' (lacking ' + lacking.join(', ') + ')' : ''}`);
    }
    lines.push(`all: ${known}/${seen} = ${((100 * known) / seen).toFixed(1)}%, names as the catalogue's: ${sameName}/${known}`);
    console.log(`catalogue coverage, holdout:\n${lines.join('\n')}`);
    expect(known / seen).toBeGreaterThanOrEqual(0.93);
    expect(sameName).toBe(known);
  });
});

describe('a code the catalogue lacks (structure.unknown-code)', () => {
  test.each(REAL.map((f) => [path.basename(f), f]))(
    '%s: no warning for a lacking code whose parent is known and name consistent; at most one info line',
    async (_name, file) => {
      const wb = await readXlsxFile(file);
      const codes = printedCodes(detectWorkbook(wb).tables);
      const rep = validateWorkbook(wb);
      const findings = rep.findings.filter((f) => f.rule === 'structure.unknown-code');
      expect(findings.filter((f) => f.severity === 'info').length).toBeLessThanOrEqual(1);
      for (const f of findings.filter((f) => f.severity === 'warning')) {
        const listed = /科目 (.*?) 不在内置科目目录中/
          .exec(f.message)![1]
          .split('、')
          .map((c) => c.replace(/ 等.*/, ''));
        for (const code of listed) {
          const c = [...codes.values()].find((x) => x.code === code)!;
          expect(catalogueName(c.kind, code)).toBeUndefined();
          expect(parentKnown(c.kind, code) && c.names.size === 1).toBe(false);
        }
      }
    },
  );

  /** The 万里街道 2025 tables (every code now in the catalogue), with the code rows changed by `edit`. */
  function wanliWith(edit: (row: string[], block: TableBlock) => void) {
    const blocks = shanghaiWanli2025();
    for (const b of blocks) if (b.codeCol === 0) for (const r of b.rows) edit(r, b);
    const rep = validateWorkbook(layoutWorkbook(blocks, { layout: 'sheets' }).workbook);
    return rep.findings.filter((f) => f.rule === 'structure.unknown-code');
  }

  test('as published: nothing to say', () => {
    expect(wanliWith(() => {})).toEqual([]);
  });

  // 2040698 and 20497 are not real codes: they stand for codes a later year adds, which the catalogue would lack.
  test('parent known, one name throughout: one info line for the workbook, not a warning per table', () => {
    const found = wanliWith((r) => {
      if (r[0] === '204' && r[1] === '06' && r[2] === '07') r[2] = '98';
    });
    expect(found.map((f) => f.severity)).toEqual(['info']);
    expect(found[0].message).toContain('2040698 公共法律服务');
  });

  test('printed with different names in different tables: a warning in each table', () => {
    const found = wanliWith((r, b) => {
      if (r[0] === '204' && r[1] === '06' && r[2] === '07') {
        r[2] = '98';
        if (b.id === 'expenditure') r[3] = '法律援助';
      }
    });
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(found.every((f) => f.severity === 'warning' && /2040698/.test(f.message))).toBe(true);
  });

  test('parent lacking too: the 款 is an info line (its 类 is known), its 项 a warning', () => {
    const found = wanliWith((r) => {
      if (r[0] === '204' && r[1] === '06') r[1] = '97';
    });
    const info = found.filter((f) => f.severity === 'info');
    expect(info).toHaveLength(1);
    expect(info[0].message).toContain('20497 司法');
    expect(info[0].message).not.toContain('2049707');
    const warnings = found.filter((f) => f.severity === 'warning');
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(w.message).toMatch(/科目 2049707 不在内置科目目录中/);
  });
});
