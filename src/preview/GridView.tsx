/** The sheet as a grid, with the marks the task pane placed and the selected cell. */
import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { a1, cellText, colName, parseA1, Sheet } from '../core/grid';
import { MARK_COLORS } from '../core/marks';
import type { PreviewState } from '../hosts/preview/preview-host';

const MAX_ROWS = 3000;

const useStyles = makeStyles({
  wrap: { overflow: 'auto', flexGrow: 1, border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: '#fff' },
  table: { borderCollapse: 'collapse', fontSize: '12px', fontFamily: '"Microsoft YaHei","Noto Sans CJK SC",sans-serif' },
  head: { backgroundColor: '#f3f3f3', color: '#666', fontWeight: 'normal', position: 'sticky', top: 0, zIndex: 1, border: '1px solid #ddd', padding: '0 4px' },
  rowHead: { backgroundColor: '#f3f3f3', color: '#666', textAlign: 'right', border: '1px solid #ddd', padding: '0 4px', position: 'sticky', left: 0 },
  cell: { border: '1px solid #e5e5e5', padding: '1px 4px', whiteSpace: 'nowrap', maxWidth: '260px', overflow: 'hidden', textOverflow: 'ellipsis', height: '18px' },
  num: { textAlign: 'right' },
  selected: { outline: '2px solid #1f6fc5', outlineOffset: '-2px' },
});

/** What the cell shows: 2 decimals under a 0.00 format, and nothing for zero when the format's third section is empty. */
function display(cell: Sheet['rows'][number][number]): string {
  if (typeof cell?.value !== 'number' || !cell.numFmt) return cellText(cell);
  const sections = cell.numFmt.split(';');
  if (cell.value === 0 && sections.length >= 3 && sections[2].replace(/"/g, '') === '') return '';
  return /0\.00/.test(cell.numFmt) ? cell.value.toFixed(2) : cellText(cell);
}

export function GridView({ state, onSheet, sheetName }: { state: PreviewState; sheetName?: string; onSheet: (name: string) => void }) {
  const s = useStyles();
  const wb = state.workbook;
  const selectedRef = React.useRef<HTMLTableCellElement>(null);
  React.useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [state.selected, sheetName]);
  if (!wb) return <div className={s.wrap} style={{ padding: 24 }}>请打开一个 .xlsx 文件，或点“加载示例”。</div>;
  const sheet: Sheet = wb.sheets.find((x) => x.name === sheetName) ?? wb.sheets[0];
  const marks = new Map(state.marks.filter((m) => m.sheet === sheet.name).map((m) => [m.cell, m]));
  const sel = state.selected && state.selected.sheet === sheet.name ? parseA1(state.selected.cell) : undefined;
  let width = 0;
  for (const r of sheet.rows) if (r && r.length > width) width = r.length;
  const height = Math.min(sheet.rows.length, MAX_ROWS);
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of sheet.merges) {
    spans.set(`${m.top},${m.left}`, { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <div style={{ overflowX: 'auto', flexShrink: 0 }}>
      <TabList size="small" selectedValue={sheet.name} onTabSelect={(_, d) => onSheet(String(d.value))} data-testid="sheet-tabs">
        {wb.sheets.map((x) => (
          <Tab key={x.name} value={x.name}>
            {x.name}
            {state.marks.some((m) => m.sheet === x.name) ? ' ●' : ''}
          </Tab>
        ))}
      </TabList>
      </div>
      <div className={s.wrap} data-testid="grid">
        <table className={s.table}>
          <thead>
            <tr>
              <th className={s.head} />
              {Array.from({ length: width }, (_, c) => (
                <th key={c} className={s.head}>
                  {colName(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: height }, (_, r) => (
              <tr key={r}>
                <th className={s.rowHead}>{r + 1}</th>
                {Array.from({ length: width }, (_, c) => {
                  if (covered.has(`${r},${c}`)) return null;
                  const cell = sheet.rows[r]?.[c];
                  const ref = a1(r, c);
                  const mark = marks.get(ref);
                  const isSel = sel && sel.row === r && sel.col === c;
                  const span = spans.get(`${r},${c}`);
                  return (
                    <td
                      key={c}
                      ref={isSel ? selectedRef : undefined}
                      rowSpan={span?.rowSpan}
                      colSpan={span?.colSpan}
                      className={`${s.cell} ${typeof cell?.value === 'number' ? s.num : ''} ${isSel ? s.selected : ''}`}
                      style={mark ? { backgroundColor: MARK_COLORS[mark.kind] } : undefined}
                      title={mark?.note}
                      data-cell={ref}
                      data-mark={mark?.kind}
                    >
                      {display(cell)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {sheet.rows.length > MAX_ROWS && <p style={{ padding: 8 }}>预览只显示前 {MAX_ROWS} 行（校验覆盖全部 {sheet.rows.length} 行）。</p>}
      </div>
    </div>
  );
}
