/** Checks one workbook file into a FileResult; never throws (a bad file becomes a result with a reason). */
import path from 'path';
import { majority } from '../core/collections';
import { validateWorkbook } from '../core/validate';
import { HostError } from '../hosts/host';
import type { ReadLimits } from '../hosts/file/limits';
import { readXlsxFile } from '../hosts/file/xlsx';
import type { FileResult } from './types';

export function emptyResult(file: string, status: FileResult['status'], reason: string, ms = 0): FileResult {
  return {
    file,
    status,
    reason,
    ms,
    department: null,
    year: null,
    tables: [],
    unmapped: [],
    findings: [],
    suspects: [],
    counts: { error: 0, warning: 0, info: 0, checks: 0 },
  };
}

export async function checkFile(file: string, limits?: ReadLimits): Promise<FileResult> {
  const t0 = Date.now();
  try {
    const wb = await readXlsxFile(file, undefined, limits);
    const rep = validateWorkbook(wb);
    const checked = rep.tables.length > 0 || rep.others.some((o) => o.checked);
    const result: FileResult = {
      file,
      status: checked ? 'ok' : 'no-tables',
      reason: checked
        ? undefined
        : (rep.unmapped[0]?.reason ?? (rep.stage.stage === 'final' ? '工作簿中没有找到可识别的部门决算公开表' : '工作簿中没有找到部门预算公开表')),
      department: majority(rep.tables.map((t) => t.department)) ?? path.basename(file, path.extname(file)),
      year: majority(rep.tables.map((t) => t.year)) ?? null,
      tables: rep.tables,
      unmapped: rep.unmapped,
      counts: rep.counts,
      // Rounding notes (info) are counted, not carried: a batch report lists what needs action.
      findings: rep.findings.filter((f) => f.severity !== 'info'),
      suspects: rep.suspects.slice(0, 5),
      ms: 0,
    };
    result.ms = Date.now() - t0;
    return result;
  } catch (e) {
    const reason = e instanceof HostError ? e.message : `校验时发生意外错误：${(e as Error).message}`;
    return emptyResult(file, 'unreadable', reason, Date.now() - t0);
  }
}
