/** Batch reports: text summary (terminal), JSON, a self-contained sortable HTML page, and .xlsx (one row per finding). */
import type ExcelJS from 'exceljs';
import path from 'path';
import { safeJson, safeText } from '../core/safe-text';
import { schemaById } from '../core/schemas';
import type { FileResult } from './types';

export interface BatchSummary {
  files: number;
  checked: number;
  unreadable: number;
  noTables: number;
  withErrors: number;
  errors: number;
  warnings: number;
}

export function summarize(results: FileResult[]): BatchSummary {
  return {
    files: results.length,
    checked: results.filter((r) => r.status === 'ok').length,
    unreadable: results.filter((r) => r.status === 'unreadable').length,
    noTables: results.filter((r) => r.status === 'no-tables').length,
    withErrors: results.filter((r) => r.counts.error > 0).length,
    errors: results.reduce((s, r) => s + r.counts.error, 0),
    warnings: results.reduce((s, r) => s + r.counts.warning, 0),
  };
}

const STATUS = { ok: '已校验', unreadable: '无法读取', 'no-tables': '未找到预算表' } as const;

function firstSuspect(r: FileResult): string {
  const s = r.suspects[0];
  return s ? `${s.sheet}!${s.cell} → ${s.suggested}` : '';
}

export function formatBatchText(results: FileResult[], elapsedMs: number): string {
  const s = summarize(results);
  const lines = [
    `共 ${s.files} 个工作簿，用时 ${(elapsedMs / 1000).toFixed(1)} 秒（${(s.files / Math.max(elapsedMs / 1000, 0.001)).toFixed(1)} 个/秒）：`,
    `  已校验 ${s.checked} 个，其中有错误的 ${s.withErrors} 个（错误 ${s.errors} 项，警告 ${s.warnings} 项）；无法读取 ${s.unreadable} 个；未找到预算表 ${s.noTables} 个。`,
  ];
  const bad = results.filter((r) => r.status !== 'ok');
  if (bad.length) {
    lines.push('', '无法校验的文件：');
    for (const r of bad) lines.push(`  · ${r.file}：${r.reason}`);
  }
  const withErrors = results.filter((r) => r.counts.error > 0).sort((a, b) => b.counts.error - a.counts.error);
  if (withErrors.length) {
    lines.push('', '有错误的工作簿（按错误数排序）：');
    for (const r of withErrors)
      lines.push(`  · ${r.department ?? ''}  ${r.file}：错误 ${r.counts.error} 项，警告 ${r.counts.warning} 项；最可能填错：${firstSuspect(r) || '—'}`);
  }
  return lines.join('\n');
}

/** A report written while the batch runs (or after it was interrupted): how far it got. */
export interface Partial {
  done: number;
  total: number;
}

export function partialNote(p?: Partial): string {
  return p ? `（未完成：共 ${p.total} 个工作簿，已校验完 ${p.done} 个；批量校验被中断或仍在进行）` : '';
}

/** `otherFiles`: files in the folders that are no workbooks (documents, pictures), listed so none goes unmentioned. */
export function batchJson(results: FileResult[], elapsedMs: number, partial?: Partial, otherFiles: string[] = []): string {
  return safeJson(
    {
      generated: new Date().toISOString(),
      elapsedMs,
      ...(partial ? { partial: { ...partial, note: partialNote(partial) } } : {}),
      summary: summarize(results),
      files: results,
      ...(otherFiles.length ? { otherFiles } : {}),
    },
    2,
  );
}

/** HTML-escaped, without control characters (a department name with ESC or U+000B from its workbook). */
const esc = (s: unknown) => safeText(String(s ?? '')).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function batchHtml(results: FileResult[], elapsedMs: number, partial?: Partial): string {
  const s = summarize(results);
  const rows = results
    .map((r, i) => {
      const cls = r.status !== 'ok' ? 'bad' : r.counts.error ? 'err' : r.counts.warning ? 'warn' : 'okr';
      return `<tr class="${cls}"><td>${esc(r.department)}</td><td>${r.year ?? ''}</td><td><a href="#f${i}">${esc(path.basename(r.file))}</a></td><td>${STATUS[r.status]}</td><td data-v="${r.tables.length}">${r.tables.length}</td><td data-v="${r.counts.error}">${r.counts.error}</td><td data-v="${r.counts.warning}">${r.counts.warning}</td><td>${esc(firstSuspect(r) || r.reason || '')}</td></tr>`;
    })
    .join('\n');
  const details = results
    .map((r, i) => {
      const head = `<h3 id="f${i}">${esc(r.department ?? '')} — ${esc(r.file)}</h3>`;
      if (r.status !== 'ok') return `${head}<p class="reason">${esc(r.reason)}</p>`;
      const tables = r.tables.map((t) => `<li>${esc(schemaById(t.schema).title)}：${esc(t.sheet)}!${esc(t.range)}</li>`).join('');
      const unmapped = r.unmapped.map((u) => `<li class="bad">未能识别：${esc(u.sheet)}!${esc(u.range)}：${esc(u.reason)}</li>`).join('');
      const findings = r.findings
        .map(
          (f) =>
            `<tr class="${f.severity === 'error' ? 'err' : 'warn'}"><td>${f.severity === 'error' ? '错误' : '警告'}</td><td>${esc(f.sheet)}!${esc(f.cell)}</td><td>${esc(f.message)}</td><td>${esc(f.rule)}</td></tr>`,
        )
        .join('');
      const suspects = r.suspects
        .map((x) => `<li>${esc(x.sheet)}!${esc(x.cell)} 建议值 ${esc(x.suggested)}（可信度 ${Math.round(x.score * 100)}%）：${esc(x.reason)}</li>`)
        .join('');
      return `${head}<details><summary>识别到 ${r.tables.length} 张表，错误 ${r.counts.error} 项，警告 ${r.counts.warning} 项，尾差提示 ${r.counts.info} 项</summary><ul>${tables}${unmapped}</ul>${
        suspects ? `<p>最可能填错的单元格：</p><ol>${suspects}</ol>` : ''
      }${findings ? `<table class="f"><thead><tr><th>级别</th><th>位置</th><th>说明</th><th>规则</th></tr></thead><tbody>${findings}</tbody></table>` : '<p>各表勾稽关系全部平衡。</p>'}</details>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>部门预算公开批量校验报告</title>
<style>
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:24px;color:#222}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;font-size:14px}
th{background:#f0f4fa;cursor:pointer;user-select:none;white-space:nowrap}th.sorted-asc::after{content:" ▲"}th.sorted-desc::after{content:" ▼"}
tr.err td:nth-child(6),tr.err td:first-child{color:#b00020;font-weight:bold}tr.warn td:nth-child(7){color:#a15c00}tr.bad{background:#fff1f1}
table.f tr.err td:first-child{color:#b00020}table.f tr.warn td:first-child{color:#a15c00}.reason{color:#b00020}
#q{padding:4px 8px;width:300px}
</style></head><body>
<h1>部门预算公开批量校验报告</h1>
${
  partial
    ? `<p class="partial"><b>${esc(partialNote(partial))}</b></p>
`
    : ''
}<p>共 ${s.files} 个工作簿，已校验 ${s.checked} 个，其中有错误的 ${s.withErrors} 个（错误 ${s.errors} 项，警告 ${s.warnings} 项）；无法读取 ${s.unreadable} 个；未找到预算表 ${s.noTables} 个。用时 ${(elapsedMs / 1000).toFixed(1)} 秒。</p>
<p><input id="q" placeholder="按单位或文件名筛选"> 点击表头可排序。</p>
<table id="summary"><thead><tr><th>单位</th><th>年度</th><th>文件</th><th>状态</th><th>识别表数</th><th>错误</th><th>警告</th><th>最可能填错 / 原因</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<h2>各工作簿明细</h2>
${details}
<script>
(function(){
  var table=document.getElementById('summary'),tbody=table.tBodies[0];
  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,i){
    th.addEventListener('click',function(){
      var asc=!th.classList.contains('sorted-asc');
      Array.prototype.forEach.call(table.tHead.rows[0].cells,function(h){h.classList.remove('sorted-asc','sorted-desc')});
      th.classList.add(asc?'sorted-asc':'sorted-desc');
      var rows=Array.prototype.slice.call(tbody.rows);
      rows.sort(function(a,b){
        var x=a.cells[i],y=b.cells[i];
        var p=x.getAttribute('data-v'),q=y.getAttribute('data-v');
        var c=(p!==null&&q!==null)?(Number(p)-Number(q)):x.textContent.localeCompare(y.textContent,'zh-CN');
        return asc?c:-c;
      });
      rows.forEach(function(r){tbody.appendChild(r)});
    });
  });
  document.getElementById('q').addEventListener('input',function(e){
    var q=e.target.value.trim();
    Array.prototype.forEach.call(tbody.rows,function(r){r.style.display=!q||r.textContent.indexOf(q)>=0?'':'none'});
  });
})();
</script>
</body></html>
`;
}

export async function batchXlsx(results: FileResult[], partial?: Partial): Promise<Buffer> {
  // Loaded only for an .xlsx report (ExcelJS is heavy).
  const m = (await import('exceljs')) as unknown as { default?: typeof ExcelJS };
  const lib = m.default ?? (m as unknown as typeof ExcelJS);
  const wb = new lib.Workbook();
  // Every text from a workbook goes in without control characters (ExcelJS drops C0 ones but not lone surrogates or C1).
  const clean = <T extends Record<string, unknown>>(row: T): T =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? safeText(v) : v])) as T;
  const sum = wb.addWorksheet('汇总');
  sum.columns = [
    { header: '单位', key: 'department', width: 28 },
    { header: '年度', key: 'year', width: 8 },
    { header: '文件', key: 'file', width: 40 },
    { header: '状态', key: 'status', width: 12 },
    { header: '识别表数', key: 'tables', width: 10 },
    { header: '错误', key: 'errors', width: 8 },
    { header: '警告', key: 'warnings', width: 8 },
    { header: '最可能填错的单元格', key: 'suspect', width: 30 },
    { header: '无法校验的原因', key: 'reason', width: 40 },
  ];
  for (const r of results)
    sum.addRow(
      clean({
        department: r.department,
        year: r.year,
        file: r.file,
        status: STATUS[r.status],
        tables: r.tables.length,
        errors: r.counts.error,
        warnings: r.counts.warning,
        suspect: firstSuspect(r),
        reason: r.reason ?? '',
      }),
    );
  if (partial) sum.addRow({ department: partialNote(partial) });
  const det = wb.addWorksheet('问题明细');
  det.columns = [
    { header: '单位', key: 'department', width: 28 },
    { header: '文件', key: 'file', width: 40 },
    { header: '级别', key: 'severity', width: 8 },
    { header: '规则', key: 'rule', width: 26 },
    { header: '工作表', key: 'sheet', width: 20 },
    { header: '单元格', key: 'cell', width: 10 },
    { header: '说明', key: 'message', width: 80 },
    { header: '应为', key: 'expected', width: 14 },
    { header: '实际', key: 'actual', width: 14 },
    { header: '差额', key: 'difference', width: 14 },
  ];
  for (const r of results) {
    if (r.status !== 'ok') {
      det.addRow(clean({ department: r.department, file: r.file, severity: '无法校验', message: r.reason }));
      continue;
    }
    for (const f of r.findings)
      det.addRow(
        clean({
          department: r.department,
          file: r.file,
          severity: f.severity === 'error' ? '错误' : '警告',
          rule: f.rule,
          sheet: f.sheet,
          cell: f.cell,
          message: f.message,
          expected: f.expected ?? '',
          actual: f.actual ?? '',
          difference: f.difference ?? '',
        }),
      );
  }
  for (const ws of [sum, det]) {
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columnCount } };
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
