#!/usr/bin/env node
'use strict';
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
let cli;
if (!fs.existsSync(entry)) {
  process.stderr.write('budget-check 尚未构建：请先在项目目录运行 npm run build\n');
  process.exit(2);
}
try {
  cli = require(entry);
} catch (e) {
  // Built, but it cannot load: a dependency is missing or the build is broken — not "not built".
  const missing = e && e.code === 'MODULE_NOT_FOUND' ? `（缺少模块：${String(e.message).split('\n')[0]}）` : `（${e && e.message ? String(e.message).split('\n')[0] : e}）`;
  process.stderr.write(`budget-check 无法启动${missing}：请在项目目录重新运行 npm ci && npm run build\n`);
  process.exit(2);
}
cli
  .main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s + '\n'),
    err: (s) => process.stderr.write(s + '\n'),
    progress: (s) => process.stderr.write(s),
    isTTY: !!process.stderr.isTTY,
  })
  .then((code) => {
    process.exitCode = code;
  });
