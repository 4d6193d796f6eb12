import { detectWorkbook } from '../src/core/detect';
import type { Workbook } from '../src/core/grid';
import { validateWorkbook } from '../src/core/validate';
import { LayoutOptions, layoutWorkbook } from '../src/samples/layout';
import { seed001Blocks } from '../src/samples/seed001';
import { seed004Blocks } from '../src/samples/seed004';
import type { TableBlock } from '../src/samples/types';

export const SEEDS: Record<string, () => TableBlock[]> = {
  '004 (2021 秦皇岛市工信局)': () => seed004Blocks(),
  '004 基本支出不拆分': () => seed004Blocks({ splitGeneral: false }),
  '001 (2023 山海关区科工局)': () => seed001Blocks(),
};

/** Layout variants seen in real disclosures. */
export const LAYOUTS: Record<string, LayoutOptions> = {
  '每表一个工作表': { layout: 'sheets' },
  '全部堆叠在一个工作表': { layout: 'stacked' },
  '从 C4 开始、堆叠、间隔 1 行': { layout: 'stacked', startRow: 3, startCol: 2, gap: 1 },
  '无合并单元格': { layout: 'sheets', merges: false },
  '无栏次行': { layout: 'stacked', columnNumbers: false },
  '金额为文本（千分位）': { layout: 'sheets', amounts: 'text-thousands' },
  '金额为文本、空白写“—”': { layout: 'stacked', amounts: 'text', blanks: 'dash' },
  '空白写 0': { layout: 'sheets', blanks: 'zero' },
  '编码为数字': { layout: 'sheets', codesAsNumbers: true },
  '表头词中有空格': { layout: 'stacked', headerSpaces: true, merges: false },
  '金额单位为元': { layout: 'sheets', unit: '元' },
  '工作表名称任意、标题带编号': { layout: 'sheets', sheetNames: ['Sheet1', '表二', 'x', 'y', 'z', 'data', '7', '8', '9'], titlePrefix: '表1 ' },
};

export function build(seed: string, layout: LayoutOptions) {
  return layoutWorkbook(SEEDS[seed](), layout);
}

export function errors(wb: Workbook) {
  return validateWorkbook(wb).findings.filter((f) => f.severity === 'error');
}

export { detectWorkbook, validateWorkbook };
