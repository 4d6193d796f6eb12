/**
 * npm run release: the folder an accountant's IT puts on a server. Run for real into a temporary folder, reusing the
 * pane that `npm run build` left in dist/taskpane (as tests/wps-package.test.ts does; npm test builds first).
 */
import { execFileSync, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const root = path.resolve(__dirname, '..');
const script = path.join(root, 'scripts', 'release.js');
const version: string = require('../package.json').version;
const folder = `budget-check_${version}`;
const kit = `budget-check-wps-local_${version}.zip`;
const BASE = 'https://intranet.example.cn/预算/budget/';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'release-'));
const out = path.join(tmp, 'release');
let base = ''; // BASE as a URL (the Chinese path segment percent-encoded, as the manifest must carry it)

const release = (...args: string[]) => spawnSync(process.execPath, [script, ...args, '--skip-build'], { cwd: root, encoding: 'utf8' });
const read = (f: string) => fs.readFileSync(path.join(out, f), 'utf8');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: true, commentPropName: '#comment' });

/** Every attribute value and text node of a parsed XML document. */
function values(node: unknown, acc: string[] = []): string[] {
  if (typeof node === 'string') acc.push(node);
  else if (Array.isArray(node)) for (const n of node) values(n, acc);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) values(v, acc);
  return acc;
}

beforeAll(() => {
  const r = release('--base-url', BASE, '--out', out, '--zip');
  if (r.status !== 0) throw new Error(`release failed (${r.status}): ${r.stderr}`);
  base = new URL(BASE).href;
}, 120000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the Excel manifest', () => {
  test('is well-formed, and every URL in it is on the given address; none mentions localhost', () => {
    const xml = read('manifest.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/localhost/i);
    const doc = parser.parse(xml);
    const urls = values(doc).filter((v) => /^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !v.startsWith('http://schemas.') && !v.startsWith('http://www.w3.org/'));
    // IconUrl, HighResolutionIconUrl, SupportUrl, AppDomain, SourceLocation, 3 × bt:Image, 3 × bt:Url
    expect(urls.length).toBe(11);
    const origin = new URL(base).origin;
    for (const u of urls) {
      if (u === origin) continue; // AppDomain is an origin: scheme, host and port, no path (as Office wants it)
      expect(u.startsWith(base)).toBe(true);
    }
    expect(doc.OfficeApp.AppDomains.AppDomain).toBe(origin);
    expect(doc.OfficeApp.DefaultSettings.SourceLocation['@DefaultValue']).toBe(`${base}taskpane.html`);
  });

  test('points at files that are in the release: the pane, its function file, help and icons', () => {
    const urls = values(parser.parse(read('manifest.xml'))).filter((v) => v.startsWith(base));
    const files = new Set(urls.map((u) => decodeURIComponent(u.slice(base.length))));
    expect([...files].sort()).toEqual([
      'assets/icon-16.png',
      'assets/icon-32.png',
      'assets/icon-64.png',
      'assets/icon-80.png',
      'commands.html',
      'help.html',
      'taskpane.html',
    ]);
    for (const f of files) expect(fs.existsSync(path.join(out, f))).toBe(true);
    expect(read('taskpane.html')).toMatch(/taskpane\.js/);
    expect(fs.existsSync(path.join(out, 'taskpane.js'))).toBe(true);
  });

  test('is otherwise the project manifest (same id, version, permissions)', () => {
    const mine = parser.parse(read('manifest.xml')).OfficeApp;
    const dev = parser.parse(fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8')).OfficeApp;
    for (const k of ['Id', 'Version', 'Permissions', 'Requirements', 'Hosts']) expect(mine[k]).toEqual(dev[k]);
  });
});

describe('the WPS add-in', () => {
  const wps = () => `${base}wps/`;
  /** A URL under <base>wps/ → the file in the release. */
  const local = (u: string) => path.join(out, 'wps', decodeURIComponent(u.slice(wps().length)));

  test('publish.xml (online) and jsplugins.xml (offline) point under <base>wps/ at files that exist', () => {
    const online = parser.parse(read('wps/publish.xml')).jsplugins.jspluginonline;
    const offline = parser.parse(read('wps/jsplugins.xml')).jsplugins.jsplugin;
    expect(online['@url']).toBe(`${wps()}${folder}/`);
    expect(offline['@url']).toBe(`${wps()}${folder}.7z`);
    for (const f of ['index.html', 'main.js', 'ribbon.xml', 'taskpane.html', 'taskpane.js', 'help.html', 'assets/icon-32.png'])
      expect(fs.existsSync(path.join(local(online['@url']), f))).toBe(true);
    const archive = fs.readFileSync(local(offline['@url']));
    expect(archive.subarray(0, 6)).toEqual(Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]));
    expect(read('wps/publish.html')).toContain(`${wps()}${folder}/`);
  });

  test('every script the add-in page and the pane load is in the add-in folder', () => {
    const dir = path.join(out, 'wps', folder);
    for (const page of ['index.html', 'taskpane.html']) {
      const html = fs.readFileSync(path.join(dir, page), 'utf8');
      const srcs = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
      expect(srcs.length).toBeGreaterThan(0);
      for (const s of srcs) expect(fs.existsSync(path.join(dir, s))).toBe(true);
    }
  });

  test('the 单机 zip holds the add-in folder and the install scripts', () => {
    const { path7za } = require('7zip-bin');
    const listing = execFileSync(path7za, ['l', '-slt', path.join(out, 'wps', kit)], { encoding: 'utf8' });
    const paths = [...listing.matchAll(/^Path = (.+)$/gm)].map((m) => m[1].replace(/\\/g, '/')).slice(1);
    for (const f of [
      `${folder}/index.html`,
      `${folder}/main.js`,
      `${folder}/ribbon.xml`,
      `${folder}/taskpane.js`,
      'install-wps.sh',
      'install-wps.ps1',
      'install-local.bat',
      'install-online.bat',
      'uninstall.bat',
    ])
      expect(paths).toContain(f);
  });

  test('the Windows scripts: a BOM on the .ps1 (Windows PowerShell reads it as UTF-8 then), CRLF .bat files calling it', () => {
    const ps1 = fs.readFileSync(path.join(out, 'wps', 'install-wps.ps1'));
    expect([...ps1.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = ps1.toString('utf8');
    expect(text).not.toMatch(/@(NAME|VERSION|ONLINE_URL)@/);
    expect(text).toContain(`$OnlineUrl = '${wps()}${folder}/'`);
    expect(text).toContain(`$Version = '${version}'`);
    for (const [bat, mode] of [
      ['install-local.bat', 'local'],
      ['install-online.bat', 'online'],
      ['uninstall.bat', 'uninstall'],
    ]) {
      const b = read(`wps/${bat}`);
      expect(b).toContain(`-File "%~dp0install-wps.ps1" -Mode ${mode}`);
      expect(b).not.toMatch(/[^\r]\n/);
      expect(/^[\x00-\x7f]*$/.test(b)).toBe(true); // cmd.exe reads .bat in the ANSI code page
    }
  });
});

describe('the install pages', () => {
  const PAGES: [string, RegExp[]][] = [
    ['install/excel-web.html', [/上传我的加载项/, /manifest\.xml/, /我的加载项/]],
    ['install/excel-desktop.html', [/受信任的加载项目录/, /共享文件夹/, /目录 URL/, /\\\\电脑名\\加载项/]],
    ['install/m365-admin.html', [/集成应用/, /上传自定义应用/, /manifest\.xml/]],
    ['install/wps-online.html', [/publish\.xml/, /jspluginonline/, /install-online\.bat/, /install-wps\.sh --online/]],
    ['install/wps-offline.html', [/oem\.ini/, /JsApiPlugin=true/, /JSPluginsServer=/, /jsplugins\.xml/]],
    [
      'install/wps-local.html',
      [
        /jsaddons/,
        /%APPDATA%\\kingsoft\\wps\\jsaddons/,
        /~\/\.local\/share\/Kingsoft\/wps\/jsaddons/,
        /publish\.xml/,
        /install-local\.bat/,
        /sh install-wps\.sh/,
      ],
    ],
  ];

  test.each(PAGES)('%s exists, is linked from index.html and gives its route’s key steps', (page, steps) => {
    const index = read('index.html');
    expect(index).toContain(`href="${page}"`);
    const html = read(page);
    for (const s of steps) expect(html).toMatch(s);
  });

  test('every relative link of the index and the pages reaches a file of the release', () => {
    for (const page of ['index.html', ...PAGES.map(([p]) => p)]) {
      const html = read(page);
      const links = [...html.matchAll(/href="([^"#]+)"/g)].map((m) => m[1]).filter((h) => !/^[a-z]+:/i.test(h));
      expect(links.length).toBeGreaterThan(0);
      for (const l of links) expect(fs.existsSync(path.join(out, path.dirname(page), l))).toBe(true);
    }
  });

  test('the pages write out the addresses to type: the manifest, the WPS add-in and jsplugins.xml', () => {
    expect(read('install/excel-web.html')).toContain(`${base}manifest.xml`);
    expect(read('install/m365-admin.html')).toContain(`${base}manifest.xml`);
    expect(read('install/wps-online.html')).toContain(`url=&quot;${base}wps/${folder}/&quot;`);
    expect(read('install/wps-offline.html')).toContain(`JSPluginsServer=${base}wps/jsplugins.xml`);
  });

  test('the pane’s 帮助与安装 page links to the install index: relative beside the pane, absolute in the WPS add-in', () => {
    expect(read('help.html')).toMatch(/href="?index\.html"? data-install-link/);
    expect(read(`wps/${folder}/help.html`)).toContain(`href="${base}index.html" data-install-link`);
  });

  test('--zip writes the whole release beside the folder', () => {
    const { path7za } = require('7zip-bin');
    const listing = execFileSync(path7za, ['l', '-slt', `${out}.zip`], { encoding: 'utf8' });
    const paths = [...listing.matchAll(/^Path = (.+)$/gm)].map((m) => m[1].replace(/\\/g, '/'));
    for (const f of ['index.html', 'manifest.xml', 'install/wps-local.html', `wps/${kit}`]) expect(paths).toContain(f);
  });
});

describe('refusals (exit 2, one Chinese line, nothing written)', () => {
  test('no --base-url: the usage line', () => {
    const r = release('--out', path.join(tmp, 'none'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^缺少发布地址 --base-url。用法：npm run release -- --base-url https:\/\//);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(path.join(tmp, 'none'))).toBe(false);
  });

  test('an http address for Excel: Office requires HTTPS', () => {
    const r = release('--base-url', 'http://intranet.example.cn/budget/', '--out', path.join(tmp, 'http'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Excel 加载项只能从 https:\/\/ 地址加载/);
    expect(r.stderr).toMatch(/--wps-only/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(fs.existsSync(path.join(tmp, 'http'))).toBe(false);
  });

  test('not a URL, another scheme, a query; an unknown option', () => {
    for (const args of [
      ['--base-url', 'intranet/budget'],
      ['--base-url', 'ftp://intranet/budget/'],
      ['--base-url', 'https://intranet/budget/?v=1'],
      ['--base-url', BASE, '--zipp'],
    ]) {
      const r = release(...args, '--out', path.join(tmp, 'bad'));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
      expect(fs.existsSync(path.join(tmp, 'bad'))).toBe(false);
    }
  });

  test('an output folder with other content is not emptied', () => {
    const mine = path.join(tmp, 'mine');
    fs.mkdirSync(mine);
    fs.writeFileSync(path.join(mine, '重要.xlsx'), 'x');
    const r = release('--base-url', BASE, '--out', mine);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/不会清空/);
    expect(fs.readdirSync(mine)).toEqual(['重要.xlsx']);
  });
});

test('--wps-only accepts http: the WPS add-in at that address, no Excel manifest or pages', () => {
  const wpsOut = path.join(tmp, 'wps-only');
  const r = release('--base-url', 'http://10.1.2.3:8080/budget', '--out', wpsOut, '--wps-only');
  expect(r.status).toBe(0);
  expect(fs.existsSync(path.join(wpsOut, 'manifest.xml'))).toBe(false);
  expect(fs.existsSync(path.join(wpsOut, 'install', 'excel-web.html'))).toBe(false);
  const online = parser.parse(fs.readFileSync(path.join(wpsOut, 'wps', 'publish.xml'), 'utf8')).jsplugins.jspluginonline;
  expect(online['@url']).toBe(`http://10.1.2.3:8080/budget/wps/${folder}/`);
  const index = fs.readFileSync(path.join(wpsOut, 'index.html'), 'utf8');
  expect(index).toContain('href="install/wps-local.html"');
  expect(index).not.toContain('excel-web.html');
  // Released again into the same folder: it is this command's own, so it is replaced.
  expect(release('--base-url', 'http://10.1.2.3:8080/budget', '--out', wpsOut, '--wps-only').status).toBe(0);
}, 60000);

(process.platform === 'win32' ? describe.skip : describe)('the 单机 install script (sh, on a temporary HOME)', () => {
  let kitDir = '';
  let home = '';
  let jsaddons = '';
  const OTHER = '<jspluginonline name="other-addin" type="wps" url="http://10.0.0.2/other/" enable="enable" install="null"/>';
  const install = (...args: string[]) =>
    spawnSync('sh', [path.join(kitDir, 'install-wps.sh'), ...args], { env: { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8' }, encoding: 'utf8' });
  const entries = (file: string): Record<string, string>[] => {
    const doc = parser.parse(fs.readFileSync(path.join(jsaddons, file), 'utf8')).jsplugins;
    return ['jsplugin', 'jspluginonline'].flatMap((tag) => [doc[tag] ?? []].flat().map((e: Record<string, string>) => ({ tag, ...e })));
  };

  beforeAll(() => {
    kitDir = path.join(tmp, 'kit');
    fs.mkdirSync(kitDir);
    const { path7za } = require('7zip-bin');
    execFileSync(path7za, ['x', '-y', `-o${kitDir}`, path.join(out, 'wps', kit)], { stdio: 'ignore' });
  });

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(tmp, 'home-'));
    jsaddons = path.join(home, '.local', 'share', 'Kingsoft', 'wps', 'jsaddons');
    fs.mkdirSync(jsaddons, { recursive: true });
    // Another add-in on the same line as an older entry of ours, and a comment.
    fs.writeFileSync(
      path.join(jsaddons, 'publish.xml'),
      `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>${OTHER}<jsplugin name="budget-check" type="et" url="http://old/" version="0.0.9"></jsplugin>\n  <!-- 本单位的其他加载项 -->\n</jsplugins>\n`,
    );
  });

  test('copies the add-in into jsaddons and merges its entry into publish.xml, keeping the other add-in', () => {
    const r = install();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const f of ['index.html', 'main.js', 'ribbon.xml', 'taskpane.html', 'taskpane.js']) expect(fs.existsSync(path.join(jsaddons, folder, f))).toBe(true);
    const publish = fs.readFileSync(path.join(jsaddons, 'publish.xml'), 'utf8');
    expect(XMLValidator.validate(publish)).toBe(true);
    expect(publish).toContain(OTHER);
    expect(publish).toContain('<!-- 本单位的其他加载项 -->');
    const ours = entries('publish.xml').filter((e) => e['@name'] === 'budget-check');
    expect(ours).toEqual([
      {
        tag: 'jsplugin',
        '@name': 'budget-check',
        '@type': 'et',
        '@url': `file://${jsaddons}/${folder}/`,
        '@version': version,
        '@enable': 'enable',
        '@install': 'null',
      },
    ]);
    expect(entries('jsplugins.xml')).toEqual([
      { tag: 'jsplugin', '@name': 'budget-check', '@type': 'et', '@url': `file://${jsaddons}/${folder}/`, '@version': version },
    ]);
    expect(fs.readFileSync(path.join(jsaddons, 'publish.xml.bak'), 'utf8')).toContain('http://old/');
  });

  test('run twice, still one entry of ours; --online swaps it for the server’s; --uninstall leaves only the other add-in', () => {
    expect(install().status).toBe(0);
    expect(install().status).toBe(0);
    expect(
      entries('publish.xml')
        .map((e) => e['@name'])
        .sort(),
    ).toEqual(['budget-check', 'other-addin']);
    expect(entries('jsplugins.xml').map((e) => e['@name'])).toEqual(['budget-check']);
    expect(install('--online').status).toBe(0);
    const online = entries('publish.xml').filter((e) => e['@name'] === 'budget-check');
    expect(online).toHaveLength(1);
    expect(online[0]).toMatchObject({ tag: 'jspluginonline', '@url': `${base}wps/${folder}/`, '@type': 'et' });
    expect(entries('jsplugins.xml')).toEqual([]);
    const u = install('--uninstall');
    expect(u.status).toBe(0);
    expect(entries('publish.xml').map((e) => e['@name'])).toEqual(['other-addin']);
    expect(fs.readFileSync(path.join(jsaddons, 'publish.xml'), 'utf8')).toContain(OTHER);
    expect(fs.existsSync(path.join(jsaddons, folder))).toBe(false);
  });

  test('a publish.xml it cannot read is left as it was, with a Chinese message', () => {
    const broken = '<jsplugins>\n  <jspluginonline name="other-addin" url="http://10.0.0.2/other/"/>\n';
    fs.writeFileSync(path.join(jsaddons, 'publish.xml'), broken);
    const r = install();
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/无法识别 .*publish\.xml.*未作改动/);
    expect(fs.readFileSync(path.join(jsaddons, 'publish.xml'), 'utf8')).toBe(broken);
  });

  test('no publish.xml yet: one is created with our entry', () => {
    fs.rmSync(path.join(jsaddons, 'publish.xml'));
    expect(install().status).toBe(0);
    expect(XMLValidator.validate(fs.readFileSync(path.join(jsaddons, 'publish.xml'), 'utf8'))).toBe(true);
    expect(entries('publish.xml').map((e) => e['@name'])).toEqual(['budget-check']);
  });
});
