// Prints the rule list (Markdown) for the README from the rule definitions:  node scripts/rules-table.js
const { RULES } = require('../dist/core/rules');
const { SCHEMAS } = require('../dist/core/schemas');
const rows = [];
for (const r of RULES) {
  if (r.id === 'row.*') {
    const groups = new Map();
    for (const s of SCHEMAS)
      for (const f of s.rowFormulas) {
        const target = (s.columns.find((c) => c.role === f.target) || { label: f.target }).label;
        const key = `${f.rule}|${target} = ${f.describe}`;
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push(s.title.replace(/^部门预算/, ''));
      }
    for (const [key, tables] of groups) {
      const [rule, text] = key.split('|');
      rows.push(`| \`${rule}\` | 3 | 行内公式（${tables.join('、')}）：${text} | 错误 |`);
    }
    continue;
  }
  const sev = /economic-split|economic-function|missing|empty-note|code-name|former-name|uncalculated|unit-word|invalid|merged|mixed-precision|duplicate-table|department/.test(r.id) ? '警告' : '错误';
  rows.push(`| \`${r.id}\` | ${r.domain} | ${r.title} | ${sev} |`);
  if (r.id === 'structure.code-name') rows.push('| `structure.unknown-code` | 12 | 科目编码不在内置目录中（每表一条，不判为错误） | 警告 |');
}
console.log('| 规则 id | domain.md | 内容 | 不平衡时 |\n|---|---|---|---|\n' + rows.join('\n'));
