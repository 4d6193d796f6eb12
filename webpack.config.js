/*
 * Two builds:
 *  - core:  the pure core as a browser library (dist/web/budget-core.js). Node built-ins are deliberately not
 *           polyfilled, so if anything in src/core ever imports fs or path, this build fails.
 *  - app:   the task pane (taskpane.html, inside Excel), the browser preview (preview.html, no Office),
 *           the ribbon's function file (commands.html) and a help page, into dist/taskpane/.
 * `npm run preview` serves the app over http on port 3001; `npm run dev-server` serves it over https on port
 * 3000 for sideloading into Excel (with office-addin-dev-certs' certificates when they are installed).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const page = (title, body, head = '') => `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${head}
</head>
<body style="margin:0">
${body}
</body>
</html>`;

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  // ES modules (not the CLI's CommonJS) so webpack can tree-shake Fluent UI.
  // ES2017: WPS's embedded Chromium varies by build and older ones reject ?. and ?? (issue 14).
  use: { loader: 'ts-loader', options: { configFile: 'tsconfig.build.json', transpileOnly: true, compilerOptions: { module: 'esnext', moduleResolution: 'bundler', target: 'ES2017', rootDir: '.' } } },
};

/** Packages shipped as ES2018+ (object spread, ?. and ??) are brought down to ES2017 too, by TypeScript. */
const depsRule = {
  test: /\.m?js$/,
  include: /node_modules/,
  resolve: { fullySpecified: false },
  use: { loader: 'ts-loader', options: { configFile: 'tsconfig.build.json', transpileOnly: true, compilerOptions: { allowJs: true, rootDir: '.', module: 'esnext', moduleResolution: 'bundler', target: 'ES2017', sourceMap: false, declaration: false } } },
};

function httpsOptions() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  if (fs.existsSync(cert) && fs.existsSync(key)) return { type: 'https', options: { cert: fs.readFileSync(cert), key: fs.readFileSync(key), ca: fs.readFileSync(path.join(dir, 'ca.crt')) } };
  return { type: 'https' }; // webpack-dev-server's own self-signed certificate
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const core = {
    name: 'core',
    mode,
    target: 'web',
    entry: { 'budget-core': './src/web/core-entry.ts' },
    output: { path: path.resolve(__dirname, 'dist', 'web'), filename: '[name].js', library: { name: 'BudgetCore', type: 'umd' }, globalObject: 'this', clean: true },
    resolve: { extensions: ['.ts', '.js'], fallback: { fs: false, path: false, crypto: false } },
    module: { rules: [tsRule] },
    performance: { hints: false },
    devtool: false,
  };
  const app = {
    name: 'app',
    mode,
    // webpack's own runtime in ES2017 as well.
    target: ['web', 'es2017'],
    entry: { taskpane: './src/taskpane/index.tsx', preview: './src/preview/index.tsx', commands: './src/taskpane/commands.ts' },
    output: { path: path.resolve(__dirname, 'dist', 'taskpane'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.tsx', '.ts', '.js'], fallback: { fs: false, path: false, crypto: false } },
    module: { rules: mode === 'production' ? [tsRule, depsRule] : [tsRule] },
    performance: { hints: false },
    devtool: mode === 'development' ? 'source-map' : false,
    plugins: [
      // Office.js loaded async with load/error flags: a blocked CDN (intranets) is told within 3 s, never a blank pane.
      new HtmlWebpackPlugin({ filename: 'taskpane.html', chunks: ['taskpane'], templateContent: page('部门预算公开助手', '<div id="root"></div>', `<script src="${OFFICE_JS}" async onload="window.__officeJs='loaded'" onerror="window.__officeJs='failed'"></script>`) }),
      new HtmlWebpackPlugin({ filename: 'preview.html', chunks: ['preview'], templateContent: page('部门预算公开助手 · 浏览器预览', '<div id="root"></div>') }),
      new HtmlWebpackPlugin({ filename: 'commands.html', chunks: ['commands'], templateContent: page('预算校验命令', '', `<script src="${OFFICE_JS}"></script>`) }),
      new HtmlWebpackPlugin({
        filename: 'help.html',
        chunks: [],
        templateContent: page(
          '部门预算公开助手 · 帮助',
          `<div style="font-family:sans-serif;max-width:720px;margin:24px auto;line-height:1.7">
<h1>部门预算公开助手</h1>
<p>在 Excel 的“开始”选项卡点击“预算校验”，打开任务窗格后点“校验”：加载项会找到工作簿中的九张部门预算（或部门决算）公开表，按预算或决算的规则核对表内、表间的勾稽关系，
在工作表中用红色标出错误、黄色标出警告、深红色标出最可能填错的单元格，并在批注中说明应为多少。点“清除标记”恢复单元格原来的格式。</p>
<p>在 WPS 表格中：功能区“部门预算”选项卡的“校验”“生成说明”“插入模板”按钮打开同一个任务窗格。</p>
<p>没有 Excel 时可使用<a href="preview.html">浏览器预览</a>，或命令行工具 budget-check。</p>
<div id="install">装到其他电脑（Excel 网页版、Excel 桌面版、单位统一部署、WPS 有服务器或单机）：见<a href="index.html" data-install-link target="_blank">安装说明</a>。</div></div>`,
        ),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'samples/2021-秦皇岛市工业和信息化局-部门预算公开表.xlsx', to: 'sample.xlsx' },
        ],
      }),
    ],
    devServer: env.preview
      ? { port: 3001, server: 'http', static: false, open: ['/preview.html'], hot: false, client: { overlay: false } }
      : { port: 3000, server: httpsOptions(), headers: { 'Access-Control-Allow-Origin': '*' }, hot: false, client: { overlay: false } },
  };
  if (env.only === 'core') return core;
  if (env.only === 'app' || argv.$0 === undefined && env.WEBPACK_SERVE) return app;
  return env.WEBPACK_SERVE ? app : [core, app];
};
