/**
 * Outputs and errors as a user meets them (issue 36, items 10–13): the partial report on Ctrl-C / kill, a report
 * path that cannot be written, control characters from a workbook in every output, and plain-language errors for
 * files of other kinds. Every input is made here, byte by byte; every case runs the built CLI in its own process.
 */
import { ChildProcess, spawn, spawnSync, SpawnSyncOptions } from 'child_process';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { SaxesParser } from 'saxes';
import { writeXlsxBuffer } from '../src/hosts/file/xlsx';
import { layoutWorkbook } from '../src/samples/layout';
import { seed004Blocks } from '../src/samples/seed004';

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin', 'budget-check.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outputs-'));
// Readable by the unprivileged user the read-only case runs as.
fs.chmodSync(dir, 0o755);
const sample = path.join(dir, 'sample.xlsx');
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The CLI as a user runs it, in its own process. */
function cli(args: string[], opts: SpawnSyncOptions = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir, timeout: 60000, ...opts });
  return { code: r.status, out: String(r.stdout), err: String(r.stderr) };
}

/** Every file under a folder, hidden ones included (a left-behind `.报告.json.123.tmp`). */
function allFiles(d: string): string[] {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(d, e.name)) : [path.join(d, e.name)]));
}
const leftovers = (d: string) => allFiles(d).filter((f) => /\.(tmp|probe)$/.test(f));

/** Throws when the text is not well-formed XML 1.0 (a forbidden control character included). */
function parseXml(xml: string): void {
  new SaxesParser().write(xml).close();
}

beforeAll(async () => {
  // The tests run the compiled CLI: a dist/ older than the sources would test old code.
  const main = path.join(root, 'dist', 'cli', 'main.js');
  if (!fs.existsSync(main)) throw new Error('dist/ is missing: run npm run build:cli first');
  const newest = (d: string): number =>
    Math.max(
      0,
      ...allFiles(d)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => fs.statSync(f).mtimeMs),
    );
  const src = Math.max(...['cli', 'batch', 'core', 'hosts'].map((d) => newest(path.join(root, 'src', d))));
  if (src > fs.statSync(main).mtimeMs) throw new Error('dist/ is older than src/: run npm run build:cli first');
  fs.writeFileSync(sample, await writeXlsxBuffer(layoutWorkbook(seed004Blocks(), { layout: 'sheets' }).workbook));
});

describe('item 10: SIGTERM during a batch writes the partial report it announces', () => {
  const TOTAL = 400;
  const folder = path.join(dir, 'many');
  beforeAll(() => {
    fs.mkdirSync(folder);
    for (let i = 0; i < TOTAL; i++) fs.copyFileSync(sample, path.join(folder, `f${String(i).padStart(3, '0')}.xlsx`));
  });

  /** Runs a batch, sends SIGTERM once `ready` holds for the progress on stderr; the exit code and stderr. */
  async function interrupt(args: string[], ready: (done: number) => boolean) {
    const child: ChildProcess = spawn(process.execPath, [bin, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let sent = false;
    child.stderr!.on('data', (d) => {
      err += d;
      const done = [...err.matchAll(/(\d+)\/\d+ \d+%/g)].map((m) => Number(m[1]));
      if (!sent && done.length && ready(done[done.length - 1])) {
        sent = true;
        child.kill('SIGTERM');
      }
    });
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    return { code, err, sent };
  }

  /** How many files the report says were done, and how many it lists. */
  async function reportCounts(file: string): Promise<{ note: number; listed: number; total: number }> {
    if (file.endsWith('.json')) {
      const j = JSON.parse(fs.readFileSync(file, 'utf8'));
      return { note: j.partial.done, listed: j.files.length, total: j.partial.total };
    }
    if (file.endsWith('.html')) {
      const page = fs.readFileSync(file, 'utf8');
      const note = /未完成：共 (\d+) 个工作簿，已校验完 (\d+) 个/.exec(page)!;
      return { note: Number(note[2]), listed: Number(/<p>共 (\d+) 个工作簿，已校验/.exec(page)![1]), total: Number(note[1]) };
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sum = wb.getWorksheet('汇总')!;
    const last = String(sum.getRow(sum.rowCount).getCell(1).value);
    const note = /未完成：共 (\d+) 个工作簿，已校验完 (\d+) 个/.exec(last)!;
    return { note: Number(note[2]), listed: sum.rowCount - 2, total: Number(note[1]) };
  }

  test.each([
    ['xlsx', 'at the first result (before any report was written)', 1],
    ['xlsx', 'after 40 files', 40],
    ['json', 'after 40 files', 40],
    ['html', 'after 40 files', 40],
  ])(
    '.%s report, SIGTERM %s: the file exists at the path stderr names and holds as many files as stderr says',
    async (ext, _when, after) => {
      const report = path.join(dir, `partial-${after}.${ext}`);
      const r = await interrupt(['validate', folder, '--jobs', '1', '--report', report], (done) => done >= after);
      expect(r.sent).toBe(true);
      expect(r.code).toBe(130);
      const m = /批量校验被中断（SIGTERM）：已校验完 (\d+) \/ 400 个，未完成的报告已写入 (.+)\n/.exec(r.err);
      expect(m).not.toBeNull();
      const done = Number(m![1]);
      expect(done).toBeGreaterThanOrEqual(after);
      expect(done).toBeLessThan(TOTAL);
      expect(m![2]).toBe(report);
      expect(fs.existsSync(report)).toBe(true);
      expect(await reportCounts(report)).toEqual({ note: done, listed: done, total: TOTAL });
      expect(leftovers(dir)).toEqual([]);
    },
    60000,
  );
});

describe('item 11: a report path that cannot be written is refused before the batch starts', () => {
  const folder = path.join(dir, 'two');
  beforeAll(() => {
    fs.mkdirSync(folder);
    fs.copyFileSync(sample, path.join(folder, 'a.xlsx'));
    fs.copyFileSync(sample, path.join(folder, 'b.xlsx'));
    fs.mkdirSync(path.join(dir, 'folder.html'));
    fs.mkdirSync(path.join(dir, 'readonly'));
    fs.chmodSync(path.join(dir, 'readonly'), 0o555);
  });
  afterAll(() => fs.chmodSync(path.join(dir, 'readonly'), 0o755));

  // root writes anywhere: the read-only folder is tried as an unprivileged user.
  const asUser: SpawnSyncOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

  test.each([
    ['a folder', () => path.join(dir, 'folder.html'), /^未写入：.*folder\.html 是一个文件夹，不是文件；请给出报告的文件名，如 .*folder\.html\/报告\.html$/, {}],
    ['a folder without extension', () => dir, /^未写入：.* 是一个文件夹，不是文件；请给出报告的文件名/, {}],
    ['in a missing folder', () => path.join(dir, 'missing', 'r.json'), /^未写入：文件夹 .*missing 不存在；请先建好这个文件夹/, {}],
    ['in a read-only folder', () => path.join(dir, 'readonly', 'r.xlsx'), /^未写入：不能在文件夹 .*readonly 中新建文件（没有写入权限，EACCES）/, asUser],
  ])('--report %s: one Chinese line, exit 2, nothing checked, nothing left behind', (_name, report, message, opts) => {
    const r = cli(['validate', folder, '--jobs', '1', '--report', report(), '--force'], opts);
    expect(r.code).toBe(2);
    // One line and no summary: the refusal came before the batch (its progress and summary would be there too).
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err.trim()).toMatch(message);
    expect(r.out).toBe('');
    expect(leftovers(dir)).toEqual([]);
  });

  test('a report that fails while the batch runs (its path became a folder): a Chinese line, exit 2, no .tmp left', async () => {
    const big = path.join(dir, 'many-for-rename');
    fs.mkdirSync(big);
    for (let i = 0; i < 150; i++) fs.copyFileSync(sample, path.join(big, `f${i}.xlsx`));
    const report = path.join(dir, 'becomes-folder.json');
    const child = spawn(process.execPath, [bin, 'validate', big, '--jobs', '1', '--report', report], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let swapped = false;
    child.stderr.on('data', (d) => {
      err += d;
      if (!swapped && /\d+\/150/.test(err)) {
        swapped = true;
        // The batch writes its partial report every 2 s: it may put the file back between the two calls.
        for (let i = 0; i < 50; i++) {
          try {
            fs.rmSync(report, { force: true });
            fs.mkdirSync(report);
            break;
          } catch {
            // written again just now: remove it again
          }
        }
        fs.writeFileSync(path.join(report, 'keep.txt'), 'x');
      }
    });
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(swapped).toBe(true);
    expect(code).toBe(2);
    expect(err.trim().split('\n').pop()).toMatch(/^未写入：报告 .*becomes-folder\.json 写入失败（/);
    expect(leftovers(dir)).toEqual([]);
  }, 60000);
});

describe('item 12: control characters from a workbook reach no output', () => {
  const ctl = path.join(dir, 'ctl', '控制字符.xlsx');
  const DEPT = '秦皇岛市工业和信息化局';
  beforeAll(() => {
    // The department name with Word's line break (U+000B), ESC, BEL, NUL and a C1 CSI, as Excel stores them.
    const parts = unzipSync(fs.readFileSync(sample));
    const ss = strFromU8(parts['xl/sharedStrings.xml']);
    expect(ss).toContain(DEPT);
    parts['xl/sharedStrings.xml'] = strToU8(ss.split(DEPT).join('秦皇岛市_x000B_工业和_x001B_信息化_x0007_局_x0000__x009B_'));
    fs.mkdirSync(path.dirname(ctl));
    fs.writeFileSync(ctl, zipSync(parts));
  });

  test('explain --format docx: Word can open it (document.xml is well-formed XML 1.0, no control character)', () => {
    const out = path.join(dir, '说明.docx');
    const r = cli(['explain', ctl, '--format', 'docx', '--out', out]);
    expect(r.code).toBe(0);
    const xml = strFromU8(unzipSync(fs.readFileSync(out))['word/document.xml']);
    expect(xml).not.toMatch(CONTROL);
    expect(() => parseXml(xml)).not.toThrow();
    expect(xml).toContain(`${DEPT}2021年部门预算信息公开情况说明`);
  });

  test('the text on the terminal (validate, explain) carries no ESC, BEL or NUL', () => {
    for (const args of [
      ['validate', ctl],
      ['explain', ctl],
    ]) {
      const r = cli(args);
      expect(r.code).toBe(0);
      expect(r.out + r.err).not.toMatch(CONTROL);
    }
    expect(cli(['explain', ctl]).out).toContain(`${DEPT}2021年`);
  });

  test('explain --format json (stdout and --out) and validate --format json stay valid JSON with no raw control character', () => {
    const out = path.join(dir, '说明.json');
    expect(cli(['explain', ctl, '--format', 'json', '--out', out]).code).toBe(0);
    const file = fs.readFileSync(out, 'utf8');
    expect(file).not.toMatch(CONTROL);
    expect(JSON.parse(file).title).toMatch(/^秦皇岛市.*局.*2021年部门预算信息公开情况说明$/);
    for (const args of [
      ['explain', ctl, '--format', 'json'],
      ['validate', ctl, '--format', 'json'],
    ]) {
      const r = cli(args);
      expect(r.out).not.toMatch(CONTROL);
      expect(() => JSON.parse(r.out)).not.toThrow();
    }
  });

  test('batch reports (.html, .json, .xlsx) carry no control character; the .xlsx parts are well-formed XML', () => {
    for (const ext of ['html', 'json', 'xlsx']) {
      const report = path.join(dir, `ctl-report.${ext}`);
      const r = cli(['validate', path.dirname(ctl), '--report', report]);
      expect(r.code).toBe(0);
      expect(r.out + r.err).not.toMatch(CONTROL);
      if (ext === 'xlsx') {
        for (const [name, data] of Object.entries(unzipSync(fs.readFileSync(report))).filter(([n]) => n.endsWith('.xml'))) {
          const xml = strFromU8(data);
          expect([name, CONTROL.test(xml)]).toEqual([name, false]);
          parseXml(xml);
        }
      } else {
        const text = fs.readFileSync(report, 'utf8');
        expect(text).not.toMatch(CONTROL);
        // HTML: left out; JSON: kept, escaped (\u000b), so the data is as the workbook has it.
        if (ext === 'html') expect(text).toContain(DEPT);
        else expect(JSON.parse(text).files[0].department).toBe('秦皇岛市\u000B工业和\u001B信息化\u0007局\u0000\u009B');
      }
    }
  });
});

describe('item 13: output paths in plain language', () => {
  test('explain --out and template --out into a missing folder name the folder, exit 2', () => {
    const missing = path.join(dir, '没有的文件夹');
    const e = cli(['explain', sample, '--out', path.join(missing, 'x.txt')]);
    const t = cli(['template', '--year', '2023', '--out', path.join(missing, 't.xlsx')]);
    for (const r of [e, t]) {
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err.trim()).toBe(`未写入：文件夹 ${missing} 不存在；请先建好这个文件夹，或把${r === e ? '文本' : '模板'}存到已有的文件夹中`);
      expect(r.err).not.toMatch(/ENOENT|意外错误/);
    }
    expect(fs.existsSync(missing)).toBe(false);
  });

  test('--out=a=b.docx writes a=b.docx (the value is split at the first "=" only)', () => {
    const r = cli(['explain', sample, '--format', 'docx', '--out=a=b.docx']);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'a=b.docx'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'a'))).toBe(false);
    expect(r.err).toMatch(/情况说明已写入 a=b\.docx/);
  });
});

describe('item 13: files of other kinds named for what they are', () => {
  const XML2003 =
    '<?xml version="1.0"?>\r\n<?mso-application progid="Excel.Sheet"?>\r\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\r\n' +
    '<Worksheet ss:Name="Sheet1"><Table><Row><Cell><Data ss:Type="String">部门预算收支总表</Data></Cell></Row></Table></Worksheet></Workbook>\r\n';
  const HTML =
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"></head>\r\n<body><table><tr><td>部门预算收支总表</td></tr></table></body></html>\r\n';
  const utf16 = (s: string, be: boolean) => {
    const le = Buffer.from(s, 'utf16le');
    if (be) for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
    return Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), le]);
  };
  const numbers = () =>
    Buffer.from(
      zipSync({
        'Index/Document.iwa': new Uint8Array([0, 1, 2]),
        'Index/Tables/DataList.iwa': new Uint8Array([3]),
        'Metadata/Properties.plist': strToU8('<plist/>'),
        'preview.jpg': new Uint8Array([0xff, 0xd8]),
      }),
    );

  test.each([
    [
      'an Excel 2003 XML file named .xls',
      'x2003.xls',
      () => Buffer.from(XML2003, 'utf8'),
      /^这是 Excel 2003 XML 表格.*请在 Excel 或 WPS 中打开后“另存为” \.xlsx 格式再校验$/,
    ],
    [
      'an Excel 2003 XML file with a byte order mark',
      'x2003-bom.xml',
      () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(XML2003, 'utf8')]),
      /^这是 Excel 2003 XML 表格/,
    ],
    ['a web page named .xls', 'page.xls', () => Buffer.from(HTML, 'utf8'), /^这是网页（HTML）格式的表格.*另存为” \.xlsx/],
    ['an Apple Numbers file', 'book.numbers', numbers, /^这是 Apple Numbers 表格（\.numbers）.*导出为.*\.xlsx/],
    ['UTF-16 LE text', 'u16le.txt', () => utf16('科目编码\t合计\r\n201\t1.00\r\n', false), /^这是 UTF-16 编码的文本文件.*另存为” \.xlsx/],
    ['UTF-16 BE text', 'u16be.csv', () => utf16('科目编码,合计\r\n201,1.00\r\n', true), /^这是 UTF-16 编码的文本文件/],
  ])('validate %s: says what it is and how to convert it, exit 2', (_name, file, make, message) => {
    fs.writeFileSync(path.join(dir, file), make());
    const r = cli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err.trim()).toMatch(message);
    expect(r.err).not.toMatch(/文本文件（如 \.csv|解压|无法识别/);
  });

  test('in a folder: a web page or XML named .xls and a .numbers file are listed as what they are; an .xlsx named .xls is checked', () => {
    const folder = path.join(dir, 'kinds');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'a-网页.xls'), HTML);
    fs.writeFileSync(path.join(folder, 'b-2003.xls'), XML2003);
    fs.writeFileSync(path.join(folder, 'c-苹果.numbers'), numbers());
    fs.writeFileSync(path.join(folder, 'd-旧版.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    fs.copyFileSync(sample, path.join(folder, 'e-其实是xlsx.xls'));
    const r = cli(['validate', folder, '--format', 'json', '--jobs', '1']);
    expect(r.code).toBe(2);
    const files = Object.fromEntries(
      JSON.parse(r.out).files.map((f: { file: string; status: string; reason?: string }) => [path.basename(f.file), [f.status, f.reason ?? '']]),
    );
    expect(files['a-网页.xls'][1]).toMatch(/^这是网页（HTML）格式的表格/);
    expect(files['b-2003.xls'][1]).toMatch(/^这是 Excel 2003 XML 表格/);
    expect(files['c-苹果.numbers'][1]).toMatch(/^这是 Apple Numbers 表格/);
    expect(files['d-旧版.xls'][1]).toMatch(/^旧版 Excel 97-2003 工作簿/);
    expect(files['e-其实是xlsx.xls']).toEqual(['ok', '']);
  });

  test('check-text reads a UTF-16 (and a GBK) text as text: the wrong percentage is found', () => {
    const sentence = '支出共计9.07万元，较上年支出数减少0.71万元，下降7.83%。';
    // The same sentence in GBK (Notepad's "ANSI" on Chinese Windows), byte by byte.
    const gbk = Buffer.from('d6a7b3f6b9b2bcc6392e3037cdf2d4aaa3acbdcfc9cfc4ead6a7b3f6cafdbcf5c9d9302e3731cdf2d4aaa3accfc2bdb5372e383325a1a3', 'hex');
    for (const [file, bytes] of [
      ['le.txt', utf16(sentence, false)],
      ['be.txt', utf16(sentence, true)],
      ['gbk.txt', gbk],
    ] as const) {
      fs.writeFileSync(path.join(dir, file), bytes);
      const r = cli(['check-text', file, '--year', '2021']);
      expect([file, r.code]).toEqual([file, 1]);
      expect(r.out).toMatch(/≈ 7\.26%，文中写 7\.83%/);
      expect(r.out).toContain(`原句：${sentence}`);
    }
  });
});
