// Empties the folders tsc writes under dist/ before it writes them again: tsc never deletes the output of a source
// that is gone, and a stale file can shadow its successor (dist/core/detect.js is loaded before the folder
// dist/core/detect/ that src/core/detect/ now compiles to). The bundles (dist/web, dist/taskpane, dist/wps) are
// left to webpack and build-wps.js.
const fs = require('fs');
const path = require('path');
const root = path.resolve(__dirname, '..');
const excluded = new Set(require('../tsconfig.build.json').exclude.map((e) => path.basename(e)));
const hasTypeScript = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).some((f) => (f.isDirectory() ? hasTypeScript(path.join(dir, f.name)) : /\.tsx?$/.test(f.name)));
for (const d of fs.readdirSync(path.join(root, 'src'), { withFileTypes: true }))
  if (d.isDirectory() && !excluded.has(d.name) && hasTypeScript(path.join(root, 'src', d.name)))
    fs.rmSync(path.join(root, 'dist', d.name), { recursive: true, force: true });
