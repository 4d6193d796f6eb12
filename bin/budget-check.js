#!/usr/bin/env node
'use strict';
const path = require('path');
let cli;
try {
  cli = require(path.join(__dirname, '..', 'dist', 'cli', 'main.js'));
} catch (e) {
  process.stderr.write('budget-check 尚未构建：请先在项目目录运行 npm run build\n');
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
