import type { Finding } from '../core/checks';
import type { Suspect } from '../core/suspects';
import type { TableSummary } from '../core/validate';

/** What one workbook's check produced, small enough to pass between threads and to keep for 1,000 files. */
export interface FileResult {
  file: string;
  status: 'ok' | 'unreadable' | 'no-tables';
  /** Why the file could not be checked (Chinese, for the report). */
  reason?: string;
  department: string | null;
  year: number | null;
  tables: TableSummary[];
  unmapped: { sheet: string; range: string; reason: string }[];
  counts: { error: number; warning: number; info: number; checks: number };
  findings: Finding[];
  suspects: Suspect[];
  ms: number;
}
