import { detectWorkbook } from '../src/core/detect';
import type { Workbook } from '../src/core/grid';
import { validateWorkbook } from '../src/core/validate';
import { LayoutOptions, layoutWorkbook } from '../src/samples/layout';
import { LAYOUTS } from '../src/samples/variants';
import { seed001Blocks } from '../src/samples/seed001';
import { seed004Blocks } from '../src/samples/seed004';
import type { TableBlock } from '../src/samples/types';

export const SEEDS: Record<string, () => TableBlock[]> = {
  '004 (2021 秦皇岛市工信局)': () => seed004Blocks(),
  '004 基本支出不拆分': () => seed004Blocks({ splitGeneral: false }),
  '001 (2023 山海关区科工局)': () => seed001Blocks(),
};

export { LAYOUTS };

export function build(seed: string, layout: LayoutOptions) {
  return layoutWorkbook(SEEDS[seed](), layout);
}

export function errors(wb: Workbook) {
  return validateWorkbook(wb).findings.filter((f) => f.severity === 'error');
}

export { detectWorkbook, validateWorkbook };
