// Lists the classification codes a disclosure prints, with their names: the raw material for src/core/catalogue-data.ts.
//   node scripts/catalogue-harvest.js FILE...        (after `npx tsc -p tsconfig.build.json`)
// A workbook (.xlsx) is read with the checker's own reader and table detection (code rows of the function and economic
// tables); any other file is read as text: a code (201, 20101, 2010101, or 类 | 款 | 项 split as "201 01 01" or
// "201|01|01") followed by a name. Prints one line per code and name: kind, code, name, in catalogue (=, ≠ name, or -), file.
// Text harvests need reading over before use: a number followed by words is not always a code row.
const fs = require('fs');
const path = require('path');
const { readXlsxFile } = require('../dist/hosts/file/xlsx.js');
const { detectWorkbook } = require('../dist/core/detect');
const { catalogueName } = require('../dist/core/catalogue.js');

const kindOf = (code) => (code[0] === '2' ? 'function' : code[0] === '3' ? 'economic' : undefined);

async function fromWorkbook(file) {
  const det = detectWorkbook(await readXlsxFile(file));
  const out = [];
  for (const t of det.tables) {
    if (!t.def.codeKind) continue;
    for (const r of t.rows) if (r.kind === 'code' && r.code && r.name) out.push([t.def.codeKind, r.code, r.name]);
  }
  return out;
}

function fromText(file) {
  const text = fs.readFileSync(file, 'utf8');
  const tokens = text.match(/\d+|[\u4e00-\u9fff（）()、“”]+/g) || [];
  const out = [];
  for (let i = 0; i < tokens.length; i++) {
    let code = tokens[i];
    if (!/^\d+$/.test(code)) continue;
    let j = i + 1;
    if (code.length === 3) while (j < tokens.length && /^\d\d$/.test(tokens[j]) && code.length < 7) code += tokens[j++];
    if (code.length !== 3 && code.length !== 5 && code.length !== 7) continue;
    const name = tokens[j];
    if (!name || /^\d/.test(name) || name.length < 2) continue;
    const kind = kindOf(code);
    if (!kind || (kind === 'function' && +code.slice(0, 3) > 234) || (kind === 'economic' && +code.slice(0, 3) > 399)) continue;
    out.push([kind, code, name.replace(/\(/g, '（').replace(/\)/g, '）')]);
  }
  return out;
}

(async () => {
  const seen = new Map();
  for (const file of process.argv.slice(2)) {
    const rows = file.endsWith('.xlsx') ? await fromWorkbook(file) : fromText(file);
    for (const [kind, code, name] of rows) {
      const key = `${kind}\t${code}\t${name}\t${path.basename(file)}`;
      if (seen.has(key)) continue;
      const known = catalogueName(kind, code);
      seen.set(key, `${kind}\t${code}\t${name}\t${known === undefined ? '-' : known === name ? '=' : '≠ ' + known}\t${path.basename(file)}`);
    }
  }
  for (const line of [...seen.values()].sort()) console.log(line);
})();
