#!/usr/bin/env node
/**
 * npm run release -- --base-url https://服务器/路径/ [--out 文件夹] [--zip] [--wps-only] [--skip-build]
 *
 * Builds (npm run build, unless --skip-build) and lays out a folder to put on any HTTPS static host or intranet server,
 * served at --base-url (default output dist/release/):
 *   index.html, install/*.html   Chinese install pages, one per route (Excel 网页版, 桌面版, 集中部署, WPS 在线/离线/单机)
 *   manifest.xml                 the Excel manifest with every https://localhost:3000 address replaced by the base URL
 *   taskpane.html … assets/      the built pane (dist/taskpane)
 *   wps/                         the WPS add-in (scripts/build-wps.js) addressed at <base>wps/, the 单机 install scripts
 *                                (install-wps.sh / .ps1 / .bat) and a zip holding them with the add-in folder
 * --zip also writes <out>.zip. Office loads add-ins only over HTTPS: an http base URL is refused unless --wps-only
 * (then no manifest and no Excel pages). Usage errors: one Chinese line on stderr, exit 2.
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { installPages } = require('./release-pages');

const root = path.resolve(__dirname, '..');
const NAME = 'budget-check';
const version = require(path.join(root, 'package.json')).version;
const folder = `${NAME}_${version}`;
const kit = `${NAME}-wps-local_${version}.zip`;
const MARK = '.budget-check-release';
const USAGE = '用法：npm run release -- --base-url https://服务器/路径/ [--out 输出文件夹] [--zip] [--wps-only] [--skip-build]';

function fail(message) {
  console.error(message);
  process.exit(2);
}

// ---- options
const opts = { zip: false, wpsOnly: false, skipBuild: false };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const [flag, inline] =
    args[i].startsWith('--') && args[i].includes('=')
      ? [args[i].slice(0, args[i].indexOf('=')), args[i].slice(args[i].indexOf('=') + 1)]
      : [args[i], undefined];
  const value = () => {
    const v = inline !== undefined ? inline : args[++i];
    if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) fail(`${flag} 后面缺少值。${USAGE}`);
    return v;
  };
  if (flag === '--base-url') opts.baseUrl = value();
  else if (flag === '--out') opts.out = value();
  else if (flag === '--zip') opts.zip = true;
  else if (flag === '--wps-only') opts.wpsOnly = true;
  else if (flag === '--skip-build') opts.skipBuild = true;
  else if (flag === '--help' || flag === '-h') {
    console.log(USAGE);
    process.exit(0);
  } else fail(`不认识的参数：${args[i]}。${USAGE}`);
}
if (!opts.baseUrl) fail(`缺少发布地址 --base-url。${USAGE}`);

// ---- the base URL
let url;
try {
  url = new URL(opts.baseUrl);
} catch {
  fail(`发布地址不是有效的网址：${opts.baseUrl}（应形如 https://intranet.example.cn/budget/）。`);
}
if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(`发布地址必须以 https:// 开头：${opts.baseUrl}`);
if (url.search || url.hash || opts.baseUrl.includes('?') || opts.baseUrl.includes('#')) fail(`发布地址不能带“?”或“#”：${opts.baseUrl}`);
if (url.username || url.password) fail(`发布地址不能带用户名或密码：${url.host}`);
if (url.protocol === 'http:' && !opts.wpsOnly)
  fail(
    `Excel 加载项只能从 https:// 地址加载（Office 的要求），${opts.baseUrl} 是 http。请给服务器配置 HTTPS 证书后用 https:// 地址；` +
      `只发布 WPS 加载项时可加 --wps-only（WPS 可以用 http）。`,
  );
const base = url.href.replace(/\/?$/, '/');

// ---- the output folder: never deletes a folder this command did not make
const out = path.resolve(opts.out || path.join(root, 'dist', 'release'));
if (fs.existsSync(out)) {
  if (!fs.statSync(out).isDirectory()) fail(`输出位置 ${out} 是一个文件，不是文件夹。`);
  const entries = fs.readdirSync(out);
  if (entries.length && !entries.includes(MARK)) fail(`输出文件夹 ${out} 中已有其他内容，不会清空它：请换一个 --out，或先把它清空。`);
}

// ---- build
if (!opts.skipBuild)
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
const pane = path.join(root, 'dist', 'taskpane');
for (const f of ['taskpane.html', 'taskpane.js', 'commands.html', 'help.html'])
  if (!fs.existsSync(path.join(pane, f))) fail(`缺少 dist/taskpane/${f}：请先运行 npm run build（不加 --skip-build 时 npm run release 会自己构建）。`);

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, MARK), `npm run release 生成（${version}，${base}）。再次发布到这里时本文件夹会被清空重建。\n`);

// ---- the pane, served at the base URL
fs.cpSync(pane, out, { recursive: true });

// ---- the Excel manifest
const xmlAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
if (!opts.wpsOnly) {
  const DEV = 'https://localhost:3000';
  let manifest = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
  // AppDomain is an origin (scheme, host, port; no path), as Office expects; every other URL is base + the file.
  manifest = manifest.replace(/<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g, `<AppDomain>${xmlAttr(url.origin)}</AppDomain>`);
  manifest = manifest.split(`${DEV}/`).join(xmlAttr(base));
  const left = /[^\s"<>]*localhost[^\s"<>]*/i.exec(manifest);
  if (left) throw new Error(`manifest.xml 中还有开发地址 ${left[0]}：release.js 需要更新`);
  fs.writeFileSync(path.join(out, 'manifest.xml'), manifest);
}

// ---- the WPS add-in, addressed at <base>wps/; its help page links to the install pages
const wpsDir = path.join(out, 'wps');
execFileSync(process.execPath, [path.join(root, 'scripts', 'build-wps.js')], {
  cwd: root,
  env: { ...process.env, WPS_BASE_URL: `${base}wps/`, WPS_OUT: wpsDir, WPS_INSTALL_URL: `${base}index.html` },
  stdio: ['ignore', 'ignore', 'inherit'],
});
// The pane's help page at the base URL: its install link is relative (index.html sits beside it).

// ---- the 单机 install scripts, beside the add-in folder, and a zip holding both
const fill = (text) =>
  text
    .replace(/@NAME@/g, NAME)
    .replace(/@VERSION@/g, version)
    .replace(/@ONLINE_URL@/g, `${base}wps/${folder}/`);
const tmpl = (f) => fs.readFileSync(path.join(root, 'src', 'wps', 'install', f), 'utf8');
fs.writeFileSync(path.join(wpsDir, 'install-wps.sh'), fill(tmpl('install-wps.sh')), { mode: 0o755 });
// Windows PowerShell 5.1 reads a .ps1 without a BOM in the ANSI code page: the BOM keeps the Chinese intact.
fs.writeFileSync(path.join(wpsDir, 'install-wps.ps1'), '\ufeff' + fill(tmpl('install-wps.ps1')).replace(/\r?\n/g, '\r\n'));
const bat = (mode) => ['@echo off', `powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0install-wps.ps1" -Mode ${mode}`, 'pause', ''].join('\r\n');
fs.writeFileSync(path.join(wpsDir, 'install-local.bat'), bat('local'));
fs.writeFileSync(path.join(wpsDir, 'install-online.bat'), bat('online'));
fs.writeFileSync(path.join(wpsDir, 'uninstall.bat'), bat('uninstall'));
const { path7za } = require('7zip-bin');
fs.chmodSync(path7za, 0o755);
const kitFiles = [folder, 'install-wps.sh', 'install-wps.ps1', 'install-local.bat', 'install-online.bat', 'uninstall.bat'];
execFileSync(path7za, ['a', '-tzip', '-bd', '-y', kit, ...kitFiles], { cwd: wpsDir, stdio: 'ignore' });

// ---- the install pages
for (const [file, html] of Object.entries(installPages({ base, version, wpsOnly: opts.wpsOnly, folder, kit }))) {
  fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
  fs.writeFileSync(path.join(out, file), html);
}

if (opts.zip) {
  const zip = `${out}.zip`;
  fs.rmSync(zip, { force: true });
  execFileSync(path7za, ['a', '-tzip', '-bd', '-y', zip, '.'], { cwd: out, stdio: 'ignore' });
}

const shown = path.relative(process.cwd(), out) || '.';
console.log(`发布包已生成：${shown}${opts.zip ? `（另有 ${shown}.zip）` : ''}`);
console.log(`把它整个放到 ${base} 下（${opts.wpsOnly ? 'http 亦可' : '必须是 https，证书受信任'}），然后把安装说明 ${base}index.html 发给大家。`);
