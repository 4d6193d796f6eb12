/**
 * The Chinese install pages of a release (scripts/release.js): index.html and one page per route under install/.
 * Every address a user has to type or download is written out in full (the base URL of the release).
 */
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;max-width:800px;margin:24px auto;padding:0 16px;line-height:1.75;color:#222}
code,pre{background:#f4f4f4;padding:1px 4px;border-radius:3px;font-family:Consolas,"DejaVu Sans Mono",monospace;word-break:break-all}
pre{padding:8px 12px;white-space:pre-wrap}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:6px 10px;text-align:left;vertical-align:top}
th{background:#f4f4f4}.note{background:#fff8e1;border-left:4px solid #f0b400;padding:6px 12px}nav{margin-bottom:12px;font-size:14px}`;

function page(title, body, { depth = 1, version } = {}) {
  const up = depth ? '../' : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · 部门预算公开助手</title>
<style>${STYLE}</style>
</head>
<body>
${depth ? `<nav><a href="${up}index.html">← 安装说明首页</a></nav>\n` : ''}<h1>${esc(title)}</h1>
${body}
<hr><p style="font-size:13px;color:#666">部门预算公开助手 ${esc(version)}。遇到问题请把本页地址和出错时的截图发给单位 IT。</p>
</body>
</html>
`;
}

/**
 * @param {{ base: string, version: string, wpsOnly: boolean, folder: string, kit: string }} r
 *   base: the release's address ending in '/'; folder: budget-check_<version>; kit: the 单机 zip's file name
 * @returns {Record<string, string>} relative path → HTML
 */
function installPages(r) {
  const { base, version, wpsOnly, folder, kit } = r;
  const o = { version };
  const manifest = `${base}manifest.xml`;
  const wps = `${base}wps/`;
  const online = `${wps}${folder}/`;
  const pages = {};
  const routes = [];

  if (!wpsOnly) {
    routes.push(['我用 Excel 网页版（浏览器里的 Excel）', 'install/excel-web.html', '上传加载项清单 manifest.xml，两分钟']);
    pages['install/excel-web.html'] = page(
      'Excel 网页版：上传加载项',
      `<p>适用于在浏览器中使用的 Excel（Microsoft 365 网页版）。每个人自己就能做，不需要管理员。</p>
<ol>
<li>下载加载项清单：打开 <a href="../manifest.xml" download>${esc(manifest)}</a>，右键“另存为”保存到电脑上（文件名 <code>manifest.xml</code>）。</li>
<li>在浏览器中打开任意一个 Excel 工作簿。</li>
<li>在“开始”选项卡点“加载项”→“更多加载项”（较早的界面：“插入”→“加载项”→“Office 加载项”）。</li>
<li>在弹出的窗口中选“我的加载项”，点<b>“上传我的加载项”</b>（有的界面要先点“管理我的加载项”）。</li>
<li>点“浏览”，选第 1 步保存的 <code>manifest.xml</code>，点“上传”。</li>
<li>“开始”选项卡右侧出现“部门预算”组和<b>“预算校验”</b>按钮，点它打开任务窗格。</li>
</ol>
<p class="note">清单里的地址都指向 <code>${esc(base)}</code>，这台服务器要能从你的电脑访问，且证书受信任（浏览器打开该地址不报安全警告）。
清除浏览器缓存后需要重新上传一次。单位想给所有人统一装好，请看<a href="m365-admin.html">集中部署</a>。</p>`,
      o,
    );

    routes.push([
      '我用 Excel 桌面版（Windows 上的 Excel 2019、2021、Microsoft 365）',
      'install/excel-desktop.html',
      '把共享文件夹设为“受信任的加载项目录”，再从“共享文件夹”添加',
    ]);
    pages['install/excel-desktop.html'] = page(
      'Excel 桌面版：共享文件夹加载项目录',
      `<p>Windows 版 Excel 从一个<b>网络共享文件夹</b>读取加载项清单。一个科室设一次共享即可，每台电脑在 Excel 中设置一次。</p>
<h2>一、准备共享文件夹（科室一人做一次）</h2>
<ol>
<li>在一台常开的电脑或文件服务器上新建文件夹，例如 <code>D:\\加载项</code>。</li>
<li>把 <a href="../manifest.xml" download>manifest.xml</a>（地址 <code>${esc(manifest)}</code>）另存到这个文件夹。</li>
<li>右键该文件夹 →“属性”→“共享”→“共享…”，添加需要使用的同事（“读取”即可）→“共享”。记下显示的网络路径，
形如 <code>\\\\电脑名\\加载项</code>。</li>
</ol>
<h2>二、在每台电脑的 Excel 中添加目录（每人做一次）</h2>
<ol>
<li>Excel 中点“文件”→“选项”→“信任中心”→“信任中心设置…”→<b>“受信任的加载项目录”</b>。</li>
<li>在“目录 URL”中填入上面的网络路径（如 <code>\\\\电脑名\\加载项</code>），点“添加目录”。</li>
<li>勾选该行的“显示在菜单中”，点“确定”，然后<b>关闭并重新打开 Excel</b>。</li>
<li>“开始”选项卡点“加载项”→“更多加载项”（或“插入”→“我的加载项”），选<b>“共享文件夹”</b>，选“部门预算公开助手”，点“添加”。</li>
<li>“开始”选项卡出现“预算校验”按钮。</li>
</ol>
<p class="note">Excel 2016、2013 批量许可版无法安装（ExcelApi 版本过低），请用 WPS 加载项或浏览器预览。
Mac 版 Excel：把 manifest.xml 复制到 <code>~/Library/Containers/com.microsoft.Excel/Data/Documents/wef</code>（没有 wef 文件夹就新建），
重新打开 Excel 后在“插入”→“我的加载项”中选择。</p>`,
      o,
    );

    routes.push([
      '单位统一部署（有 Microsoft 365 管理员）',
      'install/m365-admin.html',
      '管理员在 Microsoft 365 管理中心上传清单，指定人员，大家的 Excel 自动出现按钮',
    ]);
    pages['install/m365-admin.html'] = page(
      'Microsoft 365 管理中心集中部署',
      `<p>由单位的 Microsoft 365 管理员（全局管理员或 Exchange 管理员）操作一次，指定的同事在 Excel 桌面版和网页版中自动出现“预算校验”按钮，不必各自安装。</p>
<ol>
<li>用管理员账号登录 Microsoft 365 管理中心（<code>https://admin.microsoft.com</code>；世纪互联运营的版本为 <code>https://portal.partner.microsoftonline.cn</code>）。</li>
<li>左侧“设置”→<b>“集成应用”</b>→<b>“上传自定义应用”</b>，应用类型选“Office 加载项”。</li>
<li>选“提供清单文件的链接”，填入 <code>${esc(manifest)}</code>，点“验证”；或先下载 <a href="../manifest.xml" download>manifest.xml</a>，选“上传清单文件（.xml）”。</li>
<li>选择用户：整个组织，或指定的用户和组（如“财务科”），点“下一步”→“完成部署”。</li>
<li>通常几小时内（最长 24 小时）生效：重新打开 Excel，“开始”选项卡出现“预算校验”。</li>
</ol>
<p class="note">没有 Microsoft 365（只有 Excel 2019、2021 单机版）时，请用<a href="excel-desktop.html">共享文件夹加载项目录</a>。
加载项的网页从 <code>${esc(base)}</code> 加载，各电脑要能访问这台服务器。</p>`,
      o,
    );
  }

  routes.push(['我用 WPS 表格，单位有服务器', 'install/wps-online.html', '在线模式：每台电脑登记一次 publish.xml，更新只需换服务器上的文件']);
  pages['install/wps-online.html'] = page(
    'WPS 在线模式（publish.xml）',
    `<p>加载项放在单位服务器上，每台电脑只在 <code>publish.xml</code> 中登记它的地址；以后升级只需替换服务器上的文件。</p>
<p>加载项地址：<code>${esc(online)}</code></p>
<h2>每台电脑做一次</h2>
<ol>
<li>下载并解压 <a href="../wps/${esc(kit)}">${esc(kit)}</a>。</li>
<li>Windows：双击其中的 <code>install-online.bat</code>。信创 Linux（统信 UOS、银河麒麟）：在解压出的文件夹中打开终端，运行 <code>sh install-wps.sh --online</code>。</li>
<li>完全退出 WPS，再打开 WPS 表格，功能区出现“部门预算”选项卡。</li>
</ol>
<p>脚本只在 <code>publish.xml</code> 中加入下面这一条，其他加载项的条目原样保留，原文件另存为 <code>publish.xml.bak</code>。也可以手工加入：</p>
<pre>${esc(`<jspluginonline name="budget-check" type="et" url="${online}" version="${version}" enable="enable" install="null" customDomain=""/>`)}</pre>
<p><code>publish.xml</code> 的位置：Windows <code>%APPDATA%\\kingsoft\\wps\\jsaddons\\publish.xml</code>；
信创 Linux <code>~/.local/share/Kingsoft/wps/jsaddons/publish.xml</code>。文件不存在时，直接复制 <a href="../wps/publish.xml">wps/publish.xml</a>。</p>`,
    o,
  );

  routes.push(['单位 IT 为全单位的 WPS 统一配置', 'install/wps-offline.html', '离线模式：oem.ini 指向 jsplugins.xml，WPS 启动时自动下载安装']);
  pages['install/wps-offline.html'] = page(
    'WPS 离线模式（jsplugins.xml、oem.ini）',
    `<p>由单位 IT 在每台电脑的 WPS 配置文件 <code>oem.ini</code> 中指定加载项清单 <code>jsplugins.xml</code>；WPS 启动时下载离线包
<a href="../wps/${esc(folder)}.7z">${esc(folder)}.7z</a> 并安装，之后不联网也能用。适合随 WPS 安装包统一下发。</p>
<ol>
<li>确认服务器上可以访问 <code>${esc(wps)}jsplugins.xml</code> 和 <code>${esc(wps)}${esc(folder)}.7z</code>。</li>
<li>找到 <code>oem.ini</code>（修改它需要管理员权限）：Windows 在 WPS 安装目录的 <code>office6\\cfgs\\oem.ini</code>；
信创 Linux 通常是 <code>/opt/kingsoft/wps-office/office6/cfgs/oem.ini</code>（专业版也可能在 <code>/opt/apps/</code> 下的 WPS 目录中）。</li>
<li>在其中加入（已有同名的节就把这几行加到该节下）：
<pre>[Support]
JsApiPlugin=true

[Server]
JSPluginsServer=${esc(wps)}jsplugins.xml</pre></li>
<li>重启 WPS 表格：自动下载并安装，功能区出现“部门预算”选项卡。</li>
</ol>
<p class="note">升级：把新版本的 .7z 和 jsplugins.xml 放到服务器上（jsplugins.xml 中的 version 变了，WPS 才会重新下载）。</p>`,
    o,
  );

  routes.push(['我用 WPS 表格，没有服务器（单机）', 'install/wps-local.html', '下载压缩包，双击 install-local.bat（Linux：sh install-wps.sh）']);
  pages['install/wps-local.html'] = page(
    'WPS 单机安装（复制到 jsaddons）',
    `<p>不需要服务器：把加载项复制到本机 WPS 的加载项目录 <code>jsaddons</code>，并在 <code>publish.xml</code> 中登记。下载一次，可以拷给同事。</p>
<ol>
<li>下载 <a href="../wps/${esc(kit)}">${esc(kit)}</a>，解压到任意文件夹（要解压出来，不能在压缩包里直接运行）。</li>
<li><b>Windows</b>：双击 <code>install-local.bat</code>（不需要管理员权限）。<br>
<b>信创 Linux</b>（统信 UOS、银河麒麟）：在解压出的文件夹中右键“在终端中打开”，运行 <code>sh install-wps.sh</code>。</li>
<li>完全退出 WPS，再打开 WPS 表格，功能区出现“部门预算”选项卡。</li>
</ol>
<h2>脚本做了什么</h2>
<ul>
<li>把 <code>${esc(folder)}</code> 文件夹复制到 <code>%APPDATA%\\kingsoft\\wps\\jsaddons</code>（Windows）或
<code>~/.local/share/Kingsoft/wps/jsaddons</code>（信创 Linux）。</li>
<li>在该目录的 <code>publish.xml</code> 和 <code>jsplugins.xml</code> 中加入 <code>name="budget-check"</code> 的一条：
只替换本加载项以前的条目，<b>其他加载项的条目原样保留</b>，原文件另存为 <code>.bak</code>。</li>
</ul>
<p>卸载：Windows 双击 <code>uninstall.bat</code>；Linux 运行 <code>sh install-wps.sh --uninstall</code>。</p>
<p class="note">手工安装：把 <code>${esc(folder)}</code> 复制到上面的 jsaddons 目录，在该目录的 publish.xml 的 <code>&lt;jsplugins&gt;</code> 中加入
<code>${esc(`<jsplugin name="budget-check" type="et" url="file:///…/jsaddons/${folder}/" version="${version}" enable="enable" install="null"/>`)}</code>
（url 换成该文件夹的实际位置）。重启后没有选项卡时，在 WPS 的“开发工具”→“WPS 加载项”中查看它是否被禁用。</p>`,
    o,
  );

  const rows = routes.map(([who, href, what]) => `<tr><td>${esc(who)}</td><td><a href="${href}">${esc(what)}</a></td></tr>`).join('\n');
  pages['index.html'] = page(
    '部门预算公开助手 · 安装说明',
    `<p>校验部门预算公开表的勾稽关系、生成情况说明、插入标准表模板。按你用的软件选一种安装方式：</p>
<table>
<tr><th>我的情况</th><th>怎么装</th></tr>
${rows}
</table>
${wpsOnly ? '<p class="note">本发布包只含 WPS 加载项，没有 Excel 加载项（发布时用了 --wps-only）。</p>\n' : ''}<p>没有 Excel 也没有 WPS：可以在浏览器中打开<a href="preview.html">浏览器预览</a>，选择 .xlsx 文件校验（文件不会上传）。</p>
<p>本发布包的地址：<code>${esc(base)}</code>${wpsOnly ? '' : `；Excel 加载项清单：<a href="manifest.xml">manifest.xml</a>`}；WPS 加载项：<a href="wps/publish.html">wps/</a>。</p>`,
    { ...o, depth: 0 },
  );
  return pages;
}

module.exports = { installPages, esc };
