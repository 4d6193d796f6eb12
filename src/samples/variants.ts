/** Layout variants seen in real disclosures, shared by the tests, the sample generator and the benchmarks. */
import type { LayoutOptions } from './layout';

export const LAYOUTS: Record<string, LayoutOptions> = {
  每表一个工作表: { layout: 'sheets' },
  全部堆叠在一个工作表: { layout: 'stacked' },
  '从 C4 开始、堆叠、间隔 1 行': { layout: 'stacked', startRow: 3, startCol: 2, gap: 1 },
  无合并单元格: { layout: 'sheets', merges: false },
  无栏次行: { layout: 'stacked', columnNumbers: false },
  '金额为文本（千分位）': { layout: 'sheets', amounts: 'text-thousands' },
  '金额为文本、空白写“—”': { layout: 'stacked', amounts: 'text', blanks: 'dash' },
  '空白写 0': { layout: 'sheets', blanks: 'zero' },
  编码为数字: { layout: 'sheets', codesAsNumbers: true },
  表头词中有空格: { layout: 'stacked', headerSpaces: true, merges: false },
  金额单位为元: { layout: 'sheets', unit: '元' },
  '工作表名称任意、标题带编号': { layout: 'sheets', sheetNames: ['Sheet1', '表二', 'x', 'y', 'z', 'data', '7', '8', '9'], titlePrefix: '表1 ' },
};
