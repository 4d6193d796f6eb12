/** The readable Chinese report of a validation (CLI text output, and the copyable summary in the pane). */
import { isDepartmentTargetTable } from './rules/performance';
import { notChecked } from './coverage';
import { schemaById } from './schemas';
import { SHORT_TITLE } from './checks';
import { companions, LIKELIHOOD_WORDS } from './suspects';
import type { ValidationReport } from './validate';

const SEV_TITLE = { error: '错误', warning: '警告', info: '提示（四舍五入尾差等）' } as const;

/** The first two titles and headings that said 决算. */
const stageEvidence = (s: ValidationReport['stage']) => s.evidence.slice(0, 2).join('；');

/** What decided a 决算 stage, in brackets: the user's word, or the titles and headings. */
function stageWhy(s: ValidationReport['stage']): string {
  return s.overridden ? '（按用户指定）' : s.evidence.length ? `（依据：${stageEvidence(s)}）` : '';
}

/** Which disclosure the workbook is, and why (first line of every report after the file). */
export function stageLine(rep: Pick<ValidationReport, 'stage'>): string {
  const s = rep.stage;
  return s.stage === 'final' ? `公开类型：部门决算${stageWhy(s)}` : `公开类型：部门预算${s.evidence.length ? `（另有决算表：${stageEvidence(s)}）` : ''}`;
}

export function formatTextReport(file: string, rep: ValidationReport, opts: { maxInfo?: number } = {}): string {
  const lines: string[] = [];
  const maxInfo = opts.maxInfo ?? 20;
  lines.push(`文件：${file}`);
  lines.push(stageLine(rep));
  lines.push(`识别到 ${rep.tables.length} 张标准表：`);
  for (const t of rep.tables) {
    const meta = [t.year ? `${t.year}年` : '未注明年度', t.unit, t.department ?? ''].filter(Boolean).join('，');
    const how =
      t.recognisedBy === 'structure'
        ? '；未找到表名，按列名和科目编码识别'
        : t.recognisedBy === 'sheet-name'
          ? '；未找到表名，按工作表名识别'
          : t.titleSaid
            ? `；表名“${t.title}”指${SHORT_TITLE[t.titleSaid]}，按科目编码识别为本表`
            : '';
    lines.push(`  · ${schemaById(t.schema, rep.stage.stage).title}  ${t.sheet}!${t.range}（${meta}${how}${t.hidden ? '；在隐藏的工作表中' : ''}）`);
  }
  if (rep.skippedSheets?.length) {
    const KIND = { chart: '图表工作表', dialog: '对话框工作表', macro: '宏表（Excel 4 宏）' } as const;
    lines.push(`不是表格的工作表 ${rep.skippedSheets.length} 张（未校验）：`);
    for (const x of rep.skippedSheets) lines.push(`  · ${x.sheet}（${KIND[x.kind]}）`);
  }
  if (rep.unmapped.length) {
    lines.push(`未能识别的表 ${rep.unmapped.length} 张：`);
    for (const u of rep.unmapped) lines.push(`  · ${u.sheet}!${u.range}：${u.reason}`);
  }
  const checkedOthers = rep.others.filter((o) => o.checked);
  const finalTables = rep.others.filter((o) => o.stage === 'final');
  const plainOthers = rep.others.filter((o) => !o.checked && !o.stage);
  if (finalTables.length) {
    lines.push(`决算表 ${finalTables.length} 张（这是预算工作簿，其中的决算表未校验；决算表请放在单独的工作簿中校验）：`);
    for (const o of finalTables) lines.push(`  · ${o.title}  ${o.sheet}!${o.range}${o.role ? `（${SHORT_TITLE[o.role]}）` : ''}`);
  }
  const departmentParts = checkedOthers.filter((o) => isDepartmentTargetTable(o.title));
  const projectTables = checkedOthers.filter((o) => !isDepartmentTargetTable(o.title));
  if (departmentParts.length) {
    lines.push(`已核对的部门整体绩效目标 ${departmentParts.length} 处：`);
    for (const o of departmentParts) lines.push(`  · ${o.title}  ${o.sheet}!${o.range}`);
  }
  if (projectTables.length) {
    lines.push(`已核对的项目绩效目标表 ${projectTables.length} 张：`);
    for (const o of projectTables) lines.push(`  · ${o.title}  ${o.sheet}!${o.range}`);
  }
  if (plainOthers.length) {
    lines.push(`其他表（本版本不校验）：`);
    for (const o of plainOthers) lines.push(`  · ${o.title}  ${o.sheet}!${o.range}`);
  }
  const c = rep.counts;
  const gaps = notChecked(rep.coverage ?? []);
  lines.push('');
  lines.push(`校验结果：共核对 ${c.checks} 项勾稽关系；错误 ${c.error} 项，警告 ${c.warning} 项，提示 ${c.info} 项。`);
  if (gaps.length) {
    lines.push(`${gaps.length} 类核对未能进行（或只进行了一部分）：`);
    for (const g of gaps) lines.push(`  · ${g.label}：${g.reason}`);
  }
  for (const sev of ['error', 'warning', 'info'] as const) {
    const list = rep.findings.filter((f) => f.severity === sev);
    if (!list.length) continue;
    lines.push('');
    lines.push(`${SEV_TITLE[sev]}：`);
    const shown = sev === 'info' ? list.slice(0, maxInfo) : list;
    shown.forEach((f, i) => lines.push(`  ${i + 1}. [${f.sheet}!${f.cell}] ${f.message}（${f.rule}）`));
    if (shown.length < list.length) lines.push(`  …另有 ${list.length - shown.length} 项，用 --format json 查看全部`);
  }
  if (rep.suspects.length) {
    lines.push('');
    lines.push('最可能填错的单元格：');
    rep.suspects.slice(0, 5).forEach((s, i) =>
      lines.push(
        `  ${i + 1}. ${s.sheet}!${s.cell}  现为 ${s.current}，建议值 ${s.suggested}${companions(s)
          .map((c) => `；并 ${c.sheet}!${c.cell} 现为 ${c.current}，建议值 ${c.suggested}`)
          .join('')}  ${LIKELIHOOD_WORDS[s.likelihood]}（${Math.round(s.score * 100)}%）  —— ${s.reason}`,
      ),
    );
  }
  if (c.error === 0) {
    lines.push('');
    if (gaps.length) lines.push(`结论：已核对的部分没有发现错误，但有 ${gaps.length} 类核对未能进行，不能认为全部平衡。`);
    else lines.push(c.warning === 0 ? '结论：各表勾稽关系全部平衡。' : '结论：没有发现错误，请逐项核对上面的警告。');
  }
  return lines.join('\n');
}
