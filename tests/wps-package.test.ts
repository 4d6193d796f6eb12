/** npm run build:wps: the package follows wpsjs conventions, and its ribbon opens the shared task pane. */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import os from 'os';
import vm from 'vm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const root = path.resolve(__dirname, '..');
// Built into a temporary folder: the browser test reads dist/wps at the same time.
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wps-build-'));
const version = require('../package.json').version;
const folder = path.join(out, `budget-check_${version}`);

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-wps.js')], {
    cwd: root,
    env: { ...process.env, WPS_BASE_URL: 'http://intranet.example/wps', WPS_OUT: out },
    stdio: 'pipe',
  });
}, 60000);

test('the add-in folder, the offline .7z and the online publish files are produced', () => {
  for (const f of ['index.html', 'main.js', 'ribbon.xml', 'taskpane.html', 'taskpane.js', 'help.html', 'assets/icon-32.png', 'package.json'])
    expect(fs.existsSync(path.join(folder, f))).toBe(true);
  // The pane's 帮助与安装 page: without WPS_INSTALL_URL its relative link to the install pages would reach the add-in's own index.html.
  expect(fs.readFileSync(path.join(folder, 'help.html'), 'utf8')).not.toMatch(/data-install-link/);
  const archive = fs.readFileSync(path.join(out, `budget-check_${version}.7z`));
  expect(archive.subarray(0, 6)).toEqual(Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]));
  expect(archive.length).toBeGreaterThan(50000);
  const html = fs.readFileSync(path.join(folder, 'taskpane.html'), 'utf8');
  expect(html).not.toMatch(/office\.js/);
  expect(html).toMatch(/taskpane\.js/);
});

test('the offline .7z holds the name_version/ folder, as the official wpsjs build packs it', () => {
  const { path7za } = require('7zip-bin');
  const listing = execFileSync(path7za, ['l', '-slt', path.join(out, `budget-check_${version}.7z`)], { encoding: 'utf8' });
  const paths = [...listing.matchAll(/^Path = (.+)$/gm)].map((m) => m[1].replace(/\\/g, '/')).slice(1);
  expect(paths).toContain(`budget-check_${version}/index.html`);
  expect(paths).toContain(`budget-check_${version}/ribbon.xml`);
  expect(paths).toContain(`budget-check_${version}/taskpane.js`);
  expect(paths.every((p) => p.startsWith(`budget-check_${version}`))).toBe(true);
});

test('the pane parses as ES2017 (WPS builds with an older embedded Chromium reject ?., ?? and look-behind)', () => {
  const acorn = require('acorn');
  const scripts = fs.readdirSync(folder).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(2); // the pane, main.js and the on-demand docx chunk
  for (const f of scripts) {
    const code = fs.readFileSync(path.join(folder, f), 'utf8');
    expect(() => acorn.parse(code, { ecmaVersion: 2017, sourceType: 'script' })).not.toThrow();
  }
});

test('ribbon.xml starts with <customUI, is well-formed, and every callback exists in main.js', () => {
  const ribbon = fs.readFileSync(path.join(folder, 'ribbon.xml'), 'utf8');
  expect(ribbon.startsWith('<customUI')).toBe(true);
  expect(XMLValidator.validate(ribbon)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(ribbon);
  const group = doc.customUI.ribbon.tabs.tab.group;
  expect(group.label).toBe('预算校验');
  expect(group.button.map((b: { label: string }) => b.label)).toEqual(['校验', '生成说明', '插入模板']);
  const main = fs.readFileSync(path.join(folder, 'main.js'), 'utf8');
  for (const cb of new Set([...ribbon.matchAll(/(?:onAction|getImage|onLoad)="(\w+)"/g)].map((m) => m[1])))
    expect(main).toMatch(new RegExp(`window\\.${cb} =`));
});

test('jsplugins.xml (offline) and publish.xml (online) point at the intranet address', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
  const offline = fs.readFileSync(path.join(out, 'jsplugins.xml'), 'utf8');
  const online = fs.readFileSync(path.join(out, 'publish.xml'), 'utf8');
  expect(XMLValidator.validate(offline)).toBe(true);
  expect(XMLValidator.validate(online)).toBe(true);
  expect(parser.parse(offline).jsplugins.jsplugin).toMatchObject({
    name: 'budget-check',
    type: 'et',
    version,
    url: `http://intranet.example/wps/budget-check_${version}.7z`,
  });
  expect(parser.parse(online).jsplugins.jspluginonline).toMatchObject({
    name: 'budget-check',
    type: 'et',
    url: `http://intranet.example/wps/budget-check_${version}/`,
  });
  expect(fs.readFileSync(path.join(out, 'publish.html'), 'utf8')).toMatch(/jsaddons/);
});

test('the ribbon buttons open one task pane on their tab (main.js run against a fake Application)', () => {
  const created: { url: string; pane: { ID: string; Visible: boolean; Navigate: (u: string) => void } }[] = [];
  const store = new Map<string, string>();
  const Application = {
    PluginStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) },
    CreateTaskPane(url: string) {
      const pane = { ID: `pane${created.length + 1}`, Visible: false, Navigate: (u: string) => void (created[0].url = u) };
      created.push({ url, pane });
      return pane;
    },
    GetTaskPane: (id: string) => created.find((c) => c.pane.ID === id)?.pane,
  };
  const window: Record<string, unknown> = { Application };
  vm.runInNewContext(fs.readFileSync(path.join(folder, 'main.js'), 'utf8'), {
    window,
    document: { location: { href: 'file:///jsaddons/budget-check_1/index.html' } },
  });
  (window.OnAction as (c: { Id: string }) => void)({ Id: 'btnExplain' });
  expect(created).toHaveLength(1);
  expect(created[0].url).toBe('file:///jsaddons/budget-check_1/taskpane.html#explain');
  expect(created[0].pane.Visible).toBe(true);
  (window.OnAction as (c: { Id: string }) => void)({ Id: 'btnValidate' });
  expect(created).toHaveLength(1); // the same pane, navigated
  expect(created[0].url).toMatch(/#validate$/);
  expect((window.GetImage as () => string)()).toBe('assets/icon-32.png');
});
