import fs from 'fs';
import path from 'path';
import { RULES } from '../src/core/rules';
import { SCHEMAS } from '../src/core/schemas';

const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
const rulesDoc = fs.readFileSync(path.join(__dirname, '..', 'docs', 'rules.md'), 'utf8');

test('the README is for users: at most 300 lines, with a table of contents, every docs link pointing at a file', () => {
  expect(readme.split('\n').length).toBeLessThanOrEqual(300);
  expect(readme).toMatch(/^## 目录$/m);
  for (const m of readme.matchAll(/\]\((docs\/[^)#]+)\)/g)) expect(fs.existsSync(path.join(__dirname, '..', m[1]))).toBe(true);
});

test('the rules reference (docs/rules.md) lists every rule id', () => {
  const ids = new Set<string>(['structure.unknown-code']);
  for (const r of RULES) for (const id of [r.id, ...(r.emits ?? [])]) if (!id.endsWith('.*')) ids.add(id);
  for (const s of SCHEMAS) for (const f of s.rowFormulas) ids.add(f.rule);
  for (const id of ids) expect(rulesDoc).toContain(`\`${id}\``);
});

test('the README set-up command names the bundled sample that exists', () => {
  const m = /budget-check validate (samples\/\S+\.xlsx)/.exec(readme)!;
  expect(fs.existsSync(path.join(__dirname, '..', m[1]))).toBe(true);
});
