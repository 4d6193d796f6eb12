// Makes node_modules/.bin/budget-check point at this package's own bin after `npm run build`
// (npm links the bins of dependencies, not the root package's own).
const fs = require('fs');
const path = require('path');
const root = path.resolve(__dirname, '..');
const binDir = path.join(root, 'node_modules', '.bin');
fs.mkdirSync(binDir, { recursive: true });
const target = path.join(binDir, 'budget-check');
try {
  fs.unlinkSync(target);
} catch {}
fs.symlinkSync(path.relative(binDir, path.join(root, 'bin', 'budget-check.js')), target);
fs.chmodSync(path.join(root, 'bin', 'budget-check.js'), 0o755);
