import fs from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../src/cli/main';
import { docxText } from '../src/hosts/file/docx';
import { writeXlsxBuffer } from '../src/hosts/file/xlsx';
import { expenditureBlock, threePublicBlock } from '../src/samples/blocks';
import { layoutWorkbook } from '../src/samples/layout';
import { seed004Blocks } from '../src/samples/seed004';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'explain-'));
const book = path.join(dir, '2021.xlsx');
const prior = path.join(dir, '2020.xlsx');
const fixture = (f: string) => path.join(__dirname, 'fixtures', f.endsWith('.txt') ? 'text' : '', f);

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  fs.writeFileSync(book, await writeXlsxBuffer(layoutWorkbook(seed004Blocks(), { layout: 'stacked' }).workbook));
  const m = { department: '[471]秦皇岛市工业和信息化局', year: 2020, unit: '万元' as const };
  const e = '';
  const blocks = [
    expenditureBlock(m, [
      ['', '合计', '1255.61', '1210.61', '45.00', e, e, e],
      ['215', '资源勘探工业信息等支出', '1255.61', '1210.61', '45.00', e, e, e],
    ]),
    threePublicBlock(m, {
      total: ['4.86', '4.86', e, e],
      abroad: [e, e, e, e],
      vehicle: ['3.83', '3.83', e, e],
      purchase: [e, e, e, e],
      operation: ['3.83', '3.83', e, e],
      reception: ['1.03', '1.03', e, e],
    }),
  ];
  fs.writeFileSync(prior, await writeXlsxBuffer(layoutWorkbook(blocks, { layout: 'sheets' }).workbook));
});

test('explain: text with last year, placeholders reported on stderr', async () => {
  const r = await run('explain', book, '--prior', prior);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^秦皇岛市工业和信息化局2021年部门预算信息公开情况说明/);
  expect(r.out).toMatch(/较2020年预算1255\.61万元增加3180\.59万元，增长253\.31%/);
  expect(r.out).toMatch(/降低12\.55%/);
  expect(r.err).toMatch(/还有 2 处增减原因待填写/);
  expect(r.err).toMatch(/还有 4 处需单位补充：部门职责及机构设置；政府采购预算情况；国有资产信息；预算绩效信息/);
});

test('explain: reasons from a JSON file replace the placeholders', async () => {
  const reasons = path.join(dir, 'reasons.json');
  fs.writeFileSync(reasons, JSON.stringify({ 三公经费: '厉行节约', 收支增减: '新增智慧城市运维项目' }));
  const r = await run('explain', book, '--prior', prior, '--reasons', reasons, '--format', 'json');
  const j = JSON.parse(r.out);
  expect(j.placeholders).toEqual([]);
  expect(j.sections.map((s: { id: string }) => s.id)).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九']);
  expect(r.err).toBe('还有 4 处需单位补充：部门职责及机构设置；政府采购预算情况；国有资产信息；预算绩效信息');
});

test('explain --format docx writes a Word file whose text passes check-text against the workbook', async () => {
  const out = path.join(dir, '情况说明.docx');
  const r = await run('explain', book, '--prior', prior, '--format', 'docx', '--out', out);
  expect(r.code).toBe(0);
  const text = docxText(fs.readFileSync(out));
  expect(text).toMatch(/四、财政拨款“三公”经费预算情况及增减变化原因/);
  expect(text).toMatch(/【请填写增减原因：三公经费】/);
  const c = await run('check-text', book, out);
  expect(c.out).not.toMatch(/\[错误\]/);
  expect(c.code).toBe(0);
});

test("check-text: seed 004's text passes; one changed amount exits 1 naming the table cell", async () => {
  expect((await run('check-text', book, fixture('seed004-text-2-4.txt'))).code).toBe(0);
  const changed = path.join(dir, 'changed.txt');
  fs.writeFileSync(changed, fs.readFileSync(fixture('seed004-text-2-4.txt'), 'utf8').replace('公务接待费 0.42 万元，较上年', '公务接待费 0.24 万元，较上年'));
  const r = await run('check-text', book, changed, '--format', 'json');
  expect(r.code).toBe(1);
  const errors = JSON.parse(r.out).findings.filter((f: { severity: string }) => f.severity === 'error');
  expect(errors.map((f: { rule: string }) => f.rule)).toContain('text.amount');
  expect(errors.find((f: { rule: string }) => f.rule === 'text.amount')).toMatchObject({ stated: '0.24', table: '0.42' });
});

test('check-text without a workbook runs the text-only checks', async () => {
  const r = await run('check-text', fixture('seed003-text-2.txt'), '--year', '2021');
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/未提供工作簿/);
  expect(r.out).toMatch(/\[错误\] 基本支出写为 4624\.64万元/);
});

test('explain / check-text bad input', async () => {
  expect((await run('explain', book, '--format', 'pdf')).code).toBe(2);
  expect((await run('explain', book, '--format', 'docx')).err).toMatch(/--out/);
  expect((await run('check-text', book, path.join(dir, 'nope.txt'))).err).toMatch(/找不到文件/);
  const junk = path.join(dir, 'x.docx');
  fs.writeFileSync(junk, 'not a docx');
  expect((await run('check-text', junk)).err).toMatch(/无法读取该 Word 文件/);
});
