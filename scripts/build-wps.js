#!/usr/bin/env node
/**
 * npm run build:wps — the WPS 表格 JS add-in, following wpsjs conventions (run after `npm run build`):
 *   dist/wps/budget-check_<version>/      the add-in folder: index.html, main.js, ribbon.xml, taskpane.html/js, assets
 *   dist/wps/budget-check_<version>.7z    the offline package (离线模式), referenced by dist/wps/jsplugins.xml
 *   dist/wps/publish.xml, publish.html    the online mode files (在线模式): jspluginonline entry and a page for IT
 * WPS_BASE_URL sets the intranet address the files will be served from (default http://127.0.0.1:3889/wps/);
 * WPS_OUT another output folder; WPS_INSTALL_URL the address of the install pages (npm run release sets it) that the
 * pane's help page links to — without it that paragraph is left out (a relative link would reach the add-in's index.html).
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const pkg = require(path.join(root, 'package.json'));
const NAME = 'budget-check';
const version = pkg.version;
const base = (process.env.WPS_BASE_URL || 'http://127.0.0.1:3889/wps/').replace(/\/?$/, '/');
const out = process.env.WPS_OUT ? path.resolve(process.env.WPS_OUT) : path.join(root, 'dist', 'wps');
const folder = `${NAME}_${version}`;
const addin = path.join(out, folder);
const pane = path.join(root, 'dist', 'taskpane');

if (!fs.existsSync(path.join(pane, 'taskpane.js'))) {
  console.error('缺少 dist/taskpane：请先运行 npm run build');
  process.exit(2);
}
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(addin, { recursive: true });

const ribbon = fs.readFileSync(path.join(root, 'src', 'wps', 'ribbon.xml'), 'utf8');
if (!ribbon.startsWith('<customUI')) throw new Error('ribbon.xml 必须以 <customUI 开头（不能有 XML 声明）');
fs.writeFileSync(path.join(addin, 'ribbon.xml'), ribbon);
for (const f of ['index.html', 'main.js']) fs.copyFileSync(path.join(root, 'src', 'wps', f), path.join(addin, f));
fs.copyFileSync(path.join(pane, 'taskpane.js'), path.join(addin, 'taskpane.js'));
// Chunks the pane loads on demand (the docx export): every .js webpack emitted besides the other pages' entries.
for (const f of fs.readdirSync(pane))
  if (f.endsWith('.js') && !['taskpane.js', 'preview.js', 'commands.js'].includes(f)) fs.copyFileSync(path.join(pane, f), path.join(addin, f));
// The same task pane, without Office.js: inside WPS it finds window.Application.
const html = fs.readFileSync(path.join(pane, 'taskpane.html'), 'utf8').replace(/<script src="?https:\/\/appsforoffice[^>]*><\/script>\s*/, '');
if (/office\.js/.test(html)) throw new Error('WPS 版任务窗格不应加载 Office.js');
fs.writeFileSync(path.join(addin, 'taskpane.html'), html);
// The help page the pane links to (帮助与安装), with its link to the install pages made absolute, or left out.
const help = fs.readFileSync(path.join(pane, 'help.html'), 'utf8');
const installUrl = process.env.WPS_INSTALL_URL;
fs.writeFileSync(
  path.join(addin, 'help.html'),
  installUrl
    ? help.replace(/href="?index\.html"? data-install-link/, `href="${installUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" data-install-link`)
    : help.replace(/<div id="?install"?>[\s\S]*?<\/div>/, ''),
);
fs.cpSync(path.join(root, 'assets'), path.join(addin, 'assets'), { recursive: true });
fs.writeFileSync(path.join(addin, 'package.json'), JSON.stringify({ name: NAME, addonType: 'et', version, customDomain: '' }, null, 2) + '\n');

// Offline package (.7z) with 7-Zip from the npm package 7zip-bin (its binary lacks the execute bit when installed).
const { path7za } = require('7zip-bin');
fs.chmodSync(path7za, 0o755);
const archive = path.join(out, `${folder}.7z`);
// As the official `wpsjs build` packs it: the name_version/ folder itself inside the archive (jsaddons/ expects it).
execFileSync(path7za, ['a', '-t7z', '-bd', '-y', archive, folder], { cwd: out, stdio: 'ignore' });

const xml = (body) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<jsplugins>\n${body}\n</jsplugins>\n`;
fs.writeFileSync(path.join(out, 'jsplugins.xml'), xml(`  <jsplugin name="${NAME}" type="et" url="${base}${folder}.7z" version="${version}"/>`));
fs.writeFileSync(
  path.join(out, 'publish.xml'),
  xml(`  <jspluginonline name="${NAME}" type="et" url="${base}${folder}/" version="${version}" enable="enable" install="null" customDomain=""/>`),
);
fs.writeFileSync(
  path.join(out, 'publish.html'),
  `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="UTF-8"><title>部门预算公开助手 · WPS 加载项发布</title></head>
<body style="font-family:sans-serif;max-width:760px;margin:24px auto;line-height:1.7">
<h1>部门预算公开助手（WPS 表格加载项）${version}</h1>
<p>加载项地址：<code>${base}${folder}/</code></p>
<h2>在线模式（推荐）</h2>
<ol>
<li>把本目录整体放到内网 Web 服务器上，使上面的地址可访问。</li>
<li>把 <a href="publish.xml">publish.xml</a> 中的 <code>jspluginonline</code> 一行加入每台电脑的
<code>%APPDATA%\\kingsoft\\wps\\jsaddons\\publish.xml</code>（信创 Linux：<code>~/.local/share/Kingsoft/wps/jsaddons/publish.xml</code>），
文件不存在时直接复制本文件；保留其中其他加载项的条目。</li>
<li>重启 WPS 表格，功能区出现“部门预算”选项卡。</li>
</ol>
<h2>离线模式</h2>
<ol>
<li>把 <a href="${folder}.7z">${folder}.7z</a> 放到内网服务器上，地址与 <a href="jsplugins.xml">jsplugins.xml</a> 中的 url 一致。</li>
<li>在 WPS 的 oem.ini（[Support] 节）设置 <code>JsApiPlugin=true</code>、<code>JsApiShowWebDebugger=false</code>，
[Server] 节设置 <code>JSPluginsServer=${base}jsplugins.xml</code>；WPS 启动时下载并安装该包。</li>
<li>也可把 <code>${folder}</code> 文件夹直接复制到 <code>jsaddons</code> 目录，并在该目录的 jsplugins.xml 中加入同名 <code>jsplugin</code> 条目。</li>
</ol>
</body></html>
`,
);
console.log(`WPS 加载项已生成：${path.relative(root, out) || '.'}/${folder}/、${folder}.7z、jsplugins.xml、publish.xml、publish.html（地址 ${base}）`);
