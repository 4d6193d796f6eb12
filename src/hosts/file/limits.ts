/**
 * Limits on every read of a workbook file, checked before the work they bound: sizes of the zip parts (declared
 * and actual), rows and columns (Excel's own maxima), cells per workbook and merged areas. The defaults cover the
 * largest real provincial workbook (about 170,000 cells, a sheet part of about 6 MB) more than ten times over; the CLI's
 * --max-cells / --max-part-mb / --max-total-mb raise them. Browser-safe: the preview and the pane use the same
 * limits and the same Chinese messages.
 */
import { HostError } from '../host';

export interface ReadLimits {
  /** Uncompressed bytes of one needed part (a sheet, the shared strings). */
  maxPartBytes: number;
  /** Uncompressed bytes of all needed parts together. */
  maxTotalBytes: number;
  /** Non-empty cells in the whole workbook. */
  maxCells: number;
  /** Merged areas in one sheet. */
  maxMerges: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export const DEFAULT_LIMITS: ReadLimits = {
  maxPartBytes: 100 * 1024 * 1024,
  maxTotalBytes: 250 * 1024 * 1024,
  maxCells: 2_000_000,
  maxMerges: 100_000,
};

const MB = 1024 * 1024;

export function withLimits(over: Partial<ReadLimits> = {}): ReadLimits {
  return { ...DEFAULT_LIMITS, ...Object.fromEntries(Object.entries(over).filter(([, v]) => v !== undefined)) };
}

export const limitError = {
  part: (part: string, limit: number) =>
    new HostError(
      `工作簿中的部件 ${part} 解压后超过 ${Math.round(limit / MB)} MB 的上限，未读取（可能是异常或被构造的文件；确需校验时用 --max-part-mb 提高上限）`,
      'limit',
    ),
  total: (limit: number) =>
    new HostError(`工作簿解压后的数据超过 ${Math.round(limit / MB)} MB 的上限，未读取（确需校验时用 --max-total-mb 提高上限）`, 'limit'),
  cells: (limit: number) =>
    new HostError(`工作簿中的单元格超过 ${limit.toLocaleString('en-US')} 个的上限，未读取（确需校验时用 --max-cells 提高上限）`, 'limit'),
  row: (sheet: string, row: number) =>
    new HostError(
      `工作簿已损坏：工作表“${sheet}”中有第 ${row.toLocaleString('en-US')} 行，超出工作表最多 ${MAX_ROWS.toLocaleString('en-US')} 行的范围`,
      'damaged',
    ),
  col: (sheet: string, ref: string) =>
    new HostError(`工作簿已损坏：工作表“${sheet}”中的单元格 ${ref.slice(0, 20)} 超出工作表最多 ${MAX_COLS.toLocaleString('en-US')} 列的范围`, 'damaged'),
  merges: (sheet: string, limit: number) => new HostError(`工作表“${sheet}”中的合并单元格超过 ${limit.toLocaleString('en-US')} 处的上限，未读取`, 'limit'),
  mergeRange: (sheet: string, ref: string) => new HostError(`工作簿已损坏：工作表“${sheet}”中的合并区域 ${ref.slice(0, 30)} 超出工作表的范围`, 'damaged'),
};

export function damaged(what: string): HostError {
  return new HostError(`工作簿已损坏：${what}。请在 Excel 或 WPS 中打开并另存后再校验`, 'damaged');
}

export const NUMBERS_ADVICE = '这是 Apple Numbers 表格（.numbers），不是 .xlsx 工作簿：请在 Numbers 中选择“文件 → 导出为 → Excel…”存为 .xlsx 后再校验';

/** Files of other kinds, told by the parts their zip holds. */
export function otherKind(names: string[], mimetype?: string): HostError | undefined {
  const has = (n: string) => names.includes(n);
  if (mimetype?.includes('opendocument.spreadsheet') || (has('content.xml') && has('META-INF/manifest.xml')))
    return new HostError('这是 OpenDocument 表格（.ods）：请在 WPS、Excel 或 LibreOffice 中“另存为” .xlsx 格式后再校验', 'wrong-kind');
  if (mimetype?.includes('opendocument')) return new HostError('这是 OpenDocument 文档，不是工作簿：请选择 .xlsx 文件', 'wrong-kind');
  if (has('xl/workbook.bin')) return new HostError('这是二进制工作簿（.xlsb）：请在 Excel 或 WPS 中“另存为” .xlsx 格式后再校验', 'wrong-kind');
  if (has('word/document.xml')) return new HostError('这是 Word 文档（.docx），不是工作簿：请选择 .xlsx 文件（情况说明请用 check-text 核对）', 'wrong-kind');
  if (has('ppt/presentation.xml')) return new HostError('这是 PowerPoint 演示文稿（.pptx），不是工作簿：请选择 .xlsx 文件', 'wrong-kind');
  // Apple iWork: Index/*.iwa parts (since 2013), index.xml.gz before.
  if (names.some((n) => /^Index\/.*\.iwa$/.test(n)) || has('index.xml.gz') || has('Index.zip')) return new HostError(NUMBERS_ADVICE, 'wrong-kind');
  if (!names.some((n) => n.startsWith('xl/'))) return new HostError('这是一个 zip 压缩包，不是 .xlsx 工作簿：请解压后选择其中的 .xlsx 文件', 'wrong-kind');
  return undefined;
}
