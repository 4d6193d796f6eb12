// Mechanical check of a held-out set of passages (no checker code involved): the format, sources not reused from
// the folders before it, every error quoted from the text and matched by a failing relation, and the set's size.
// Each set's check.js calls it: node tests/corpus/passages/holdout3/check.js
const fs = require('fs');
const path = require('path');

/** dir: the set's folder; earlier: the folders whose sources it may not reuse; minFiles, minProvinces: its size. */
function checkSet(dir, earlier, minFiles, minProvinces) {
  const parent = __dirname;
  const KINDS = new Set(['sum', 'tree', 'change', 'rate', 'share', 'direction', 'repeat']);
  const KEYS = ['province', 'document', 'level', 'year', 'source', 'section', 'text', 'relations', 'errors'];

  const oldSources = new Set();
  for (const d of [parent, ...earlier.map((e) => path.join(parent, e))]) {
    for (const f of fs.readdirSync(d).filter((f) => f.endsWith('.json'))) {
      const j = JSON.parse(fs.readFileSync(path.join(d, f), 'utf8'));
      for (const x of Array.isArray(j) ? j : [j]) if (x && x.source) oldSources.add(x.source);
    }
  }

  const problems = [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const provinces = new Map();
  const seen = new Set();
  let relations = 0, errors = 0, withErrors = 0;
  for (const f of files) {
    const p = (m) => problems.push(`${f}: ${m}`);
    let j;
    try { j = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')); } catch (e) { p('JSON does not parse: ' + e.message); continue; }
    if (JSON.stringify(Object.keys(j)) !== JSON.stringify(KEYS)) p('keys are not ' + KEYS.join(','));
    if (!/^[a-z0-9]+(-[a-z0-9]+)*-(19|20)\d\d-\d\d\.json$/.test(f)) p('file name pattern');
    if (!String(j.year) || !f.includes('-' + j.year + '-')) p('year not in file name');
    if (!/^https?:\/\//.test(j.source)) p('source does not start with http');
    if (oldSources.has(j.source)) p('source reused from the old corpus');
    if (seen.has(j.source)) p(`source used twice in ${path.basename(dir)}`);
    seen.add(j.source);
    if (typeof j.text !== 'string' || !j.text.length) p('empty text');
    if (j.text !== j.text.trim()) p('text has leading/trailing whitespace');
    if (!Array.isArray(j.relations) || !j.relations.length) p('no relations');
    for (const r of j.relations) {
      if (!KINDS.has(r.kind)) p('bad relation kind ' + r.kind);
      if (typeof r.holds !== 'boolean') p('holds not boolean');
      if (!r.statement || !r.computation) p('relation without statement/computation');
    }
    for (const e of j.errors) {
      if (!KINDS.has(e.kind)) p('bad error kind ' + e.kind);
      if (!j.text.includes(e.quote)) p('quote not in text: ' + e.quote);
      if (!e.computation || !e.why) p('error without computation/why');
    }
    const falseKinds = j.relations.filter((r) => !r.holds).map((r) => r.kind).sort();
    const errKinds = j.errors.map((e) => e.kind).sort();
    if ((falseKinds.length > 0) !== (errKinds.length > 0)) p('errors present <=> a false relation: violated');
    if (JSON.stringify(falseKinds) !== JSON.stringify(errKinds)) p(`false relation kinds ${falseKinds} != error kinds ${errKinds}`);
    relations += j.relations.length; errors += j.errors.length; if (j.errors.length) withErrors++;
    provinces.set(j.province, (provinces.get(j.province) || 0) + 1);
  }
  const real = [...provinces.keys()].filter((k) => !['未知', '中央', '全国', '河北', '上海'].includes(k));
  if (files.length < minFiles) problems.push(`only ${files.length} files`);
  if (real.length < minProvinces) problems.push(`only ${real.length} provinces`);
  console.log(`${files.length} files, ${relations} relations, ${errors} error entries in ${withErrors} files`);
  console.log('by province:', [...provinces].map(([k, v]) => `${k} ${v}`).join(', '), `(${real.length} provinces)`);
  if (problems.length) {
    console.log('PROBLEMS:\n' + problems.join('\n'));
    process.exit(1);
  }
  console.log('all checks pass');
}

module.exports = { checkSet };
