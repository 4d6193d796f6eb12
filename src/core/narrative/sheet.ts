/**
 * The explanation laid out as a worksheet for “插入到新工作表”: column A, one paragraph per row, wrapped in a
 * column as wide as an A4 page, printed portrait on A4 fitted to the page width.
 */
import type { Sheet } from '../grid';
import type { Section } from './generate';

export function sectionsSheet(title: string, sections: Section[]): Sheet {
  const lines: string[] = [title, ''];
  for (const s of sections) {
    lines.push(s.title);
    lines.push(...s.text.split('\n'));
    lines.push('');
  }
  return {
    name: '情况说明',
    rows: lines.map((t) => (t ? [{ value: t, wrap: true }] : [])),
    merges: [],
    columnWidths: [90],
    print: { landscape: false, fitToWidth: true },
  };
}
