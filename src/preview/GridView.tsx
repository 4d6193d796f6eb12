/**
 * The sheet as a grid, with the marks the task pane placed and the selected cell. Numbers are shown as their
 * format says (thousands separators, decimals, zero hidden); the table's header rows and its code and name
 * columns stay in view (sticky) while scrolling; only the rows in view are rendered (virtualised), so a large
 * sheet redraws at once.
 */
import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { detectSheet } from '../core/detect';
import { a1, cellText, colName, parseA1, Sheet } from '../core/grid';
import { MARK_COLORS } from '../core/marks';
import type { PreviewState } from '../hosts/preview/preview-host';

const ROW_H = 21;
const OVERSCAN = 30;
const STICKY_W = [90, 220];

const useStyles = makeStyles({
  wrap: { overflow: 'auto', flexGrow: 1, border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: '#fff' },
  table: { borderCollapse: 'collapse', fontSize: '12px', fontFamily: '"Microsoft YaHei","Noto Sans CJK SC",sans-serif' },
  head: {
    backgroundColor: '#f3f3f3',
    color: '#666',
    fontWeight: 'normal',
    position: 'sticky',
    top: 0,
    zIndex: 4,
    border: '1px solid #ddd',
    padding: '0 4px',
    height: `${ROW_H}px`,
    boxSizing: 'border-box',
  },
  rowHead: {
    backgroundColor: '#f3f3f3',
    color: '#666',
    textAlign: 'right',
    border: '1px solid #ddd',
    padding: '0 4px',
    position: 'sticky',
    left: 0,
    minWidth: '40px',
    maxWidth: '40px',
    width: '40px',
    boxSizing: 'border-box',
  },
  cell: {
    border: '1px solid #e5e5e5',
    padding: '1px 4px',
    whiteSpace: 'nowrap',
    maxWidth: '260px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    height: `${ROW_H}px`,
    boxSizing: 'border-box',
  },
  num: { textAlign: 'right' },
  selected: { outline: '2px solid #1f6fc5', outlineOffset: '-2px' },
});

/** What the cell shows under its number format: decimals, thousands separators, nothing for a hidden zero. */
export function display(cell: Sheet['rows'][number][number]): string {
  if (typeof cell?.value !== 'number' || !cell.numFmt) return cellText(cell);
  const sections = cell.numFmt.split(';');
  if (cell.value === 0 && sections.length >= 3 && sections[2].replace(/"/g, '').trim() === '') return '';
  const first = sections[0];
  const dec = /0\.(0+)/.exec(first)?.[1].length ?? (/[0#]/.test(first) ? 0 : undefined);
  if (dec === undefined || /%/.test(first)) return cellText(cell);
  const fixed = Math.abs(cell.value).toFixed(dec);
  const [i, f] = fixed.split('.');
  const int = /#,##/.test(first) ? i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : i;
  return `${cell.value < 0 ? '-' : ''}${int}${f ? `.${f}` : ''}`;
}

export function GridView({
  state,
  onSheet,
  sheetName,
  onEdit,
}: {
  state: PreviewState;
  sheetName?: string;
  onSheet: (name: string) => void;
  onEdit?: (sheet: string, cell: string, text: string) => void;
}) {
  const s = useStyles();
  /**
   * The cell being typed into (double-click, or F2 on the cell last clicked), as in a spreadsheet: Enter, Tab or
   * leaving the cell writes what was typed, Esc cancels.
   */
  const [editing, setEditing] = React.useState<{ cell: string; text: string }>();
  /** The cell last clicked (or selected by the pane) on this sheet: where F2 starts typing. */
  const [cursor, setCursor] = React.useState<string>();
  /** Set by Esc (and by a write) so that the blur that follows does not write again. */
  const done = React.useRef(false);
  const wb = state.workbook;
  const wrapRef = React.useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = React.useState({ top: 0, height: 800 });
  const sheetNow = wb ? (wb.sheets.find((x) => x.name === sheetName) ?? wb.sheets[0]) : undefined;
  // The first table's header rows and its code / name columns stay in view.
  const frame = React.useMemo(() => {
    if (!sheetNow) return { headTop: -1, headBottom: -1, sticky: [] as number[] };
    const t = detectSheet(sheetNow).tables[0];
    if (!t) return { headTop: -1, headBottom: -1, sticky: [] as number[] };
    const sticky = t.columns
      .filter((c) => c.role === 'code' || c.role.startsWith('code.') || /name$/.test(c.role))
      .map((c) => c.col)
      .sort((a, b) => a - b)
      .slice(0, 2);
    return { headTop: t.headerTop, headBottom: t.headerBottom, sticky };
  }, [sheetNow]);
  // Selecting a cell scrolls to its row, keeping the sticky columns (never scrolls them away).
  React.useEffect(() => {
    const el = wrapRef.current;
    const sel = state.selected && sheetNow && state.selected.sheet === sheetNow.name ? parseA1(state.selected.cell) : undefined;
    if (!el || !sel) return;
    const y = (sel.row + 1) * ROW_H;
    if (y < el.scrollTop + ROW_H * 3 || y > el.scrollTop + el.clientHeight - ROW_H) el.scrollTop = Math.max(0, y - el.clientHeight / 2);
    const td = el.querySelector<HTMLElement>(`td[data-cell="${state.selected!.cell}"]`);
    if (td && !frame.sticky.includes(sel.col)) {
      const left = STICKY_W.slice(0, frame.sticky.length).reduce((a, b) => a + b, 40);
      if (td.offsetLeft < el.scrollLeft + left) el.scrollLeft = Math.max(0, td.offsetLeft - left);
      else if (td.offsetLeft + td.offsetWidth > el.scrollLeft + el.clientWidth) el.scrollLeft = td.offsetLeft + td.offsetWidth - el.clientWidth;
    }
    setScroll({ top: el.scrollTop, height: el.clientHeight });
  }, [state.selected, sheetNow, frame]);
  // The pane selecting a cell moves the cursor there too.
  React.useEffect(() => {
    setCursor(state.selected && sheetNow && state.selected.sheet === sheetNow.name ? state.selected.cell : undefined);
  }, [state.selected, sheetNow]);
  if (!wb)
    return (
      <div className={s.wrap} style={{ padding: 24 }}>
        请打开一个 .xlsx 文件，或点“加载示例”。
      </div>
    );
  const sheet: Sheet = sheetNow!;
  const editable = (ref: string) => {
    const { row, col } = parseA1(ref);
    return !!onEdit && !sheet.protected && !sheet.rows[row]?.[col]?.formula;
  };
  const startEdit = (ref: string) => {
    const { row, col } = parseA1(ref);
    const cell = sheet.rows[row]?.[col];
    done.current = false;
    setCursor(ref);
    setEditing({ cell: ref, text: cell ? String(cell.value ?? '') : '' });
  };
  /** Writes what was typed (once), and gives the keyboard back to the grid. */
  const commit = (refocus: boolean) => {
    if (!editing || done.current) return;
    done.current = true;
    onEdit!(sheet.name, editing.cell, editing.text);
    setEditing(undefined);
    if (refocus) wrapRef.current?.focus();
  };
  const cur = cursor ? parseA1(cursor) : undefined;
  const marks = new Map(state.marks.filter((m) => m.sheet === sheet.name).map((m) => [m.cell, m]));
  let width = 0;
  for (const r of sheet.rows) if (r && r.length > width) width = r.length;
  const height = sheet.rows.length;
  // Virtualised: the header rows, then the rows in view (with spacers for the rest).
  const first = Math.max(0, Math.floor(scroll.top / ROW_H) - OVERSCAN);
  const last = Math.min(height, Math.ceil((scroll.top + scroll.height) / ROW_H) + OVERSCAN);
  const headRows = frame.headTop >= 0 ? Array.from({ length: frame.headBottom + 1 }, (_, r) => r) : [];
  const bodyRows = Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i).filter((r) => r > frame.headBottom);
  const stickyLeft = (c: number): React.CSSProperties | undefined => {
    const i = frame.sticky.indexOf(c);
    if (i < 0) return undefined;
    const left = 40 + STICKY_W.slice(0, i).reduce((a, b) => a + b, 0);
    return { position: 'sticky', left, zIndex: 1, backgroundColor: '#fff', minWidth: STICKY_W[i], maxWidth: STICKY_W[i] };
  };
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
      <div
        className={s.wrap}
        data-testid="grid"
        ref={wrapRef}
        tabIndex={0}
        onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
        onKeyDown={(e) => {
          if (e.key === 'F2' && !editing && cursor && editable(cursor)) {
            e.preventDefault();
            startEdit(cursor);
          }
        }}
      >
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
            {[...headRows, ...(bodyRows.length && bodyRows[0] > frame.headBottom + 1 ? [-1] : []), ...bodyRows, ...(last < height ? [-2] : [])].map((r) =>
              r < 0 ? (
                <tr key={r} aria-hidden style={{ height: r === -1 ? (bodyRows[0] - frame.headBottom - 1) * ROW_H : (height - last) * ROW_H }} />
              ) : (
                <tr key={r} data-row={r}>
                  <th className={s.rowHead} style={{ zIndex: 3, ...(r <= frame.headBottom ? { top: (r + 1) * ROW_H, zIndex: 5 } : {}) }}>
                    {r + 1}
                  </th>
                  {Array.from({ length: width }, (_, c) => {
                    if (covered.has(`${r},${c}`)) return null;
                    const cell = sheet.rows[r]?.[c];
                    const ref = a1(r, c);
                    const mark = marks.get(ref);
                    const isSel = cur && cur.row === r && cur.col === c;
                    const span = spans.get(`${r},${c}`);
                    return (
                      <td
                        key={c}
                        rowSpan={span?.rowSpan}
                        colSpan={span?.colSpan}
                        className={`${s.cell} ${typeof cell?.value === 'number' ? s.num : ''} ${isSel ? s.selected : ''}`}
                        style={{
                          ...stickyLeft(c),
                          // Header rows stay on top: every cell of them is sticky (a sticky <tr> leaves its cells behind).
                          ...(r <= frame.headBottom
                            ? { position: 'sticky', top: (r + 1) * ROW_H, zIndex: stickyLeft(c) ? 4 : 2, backgroundColor: '#fafafa' }
                            : {}),
                          ...(mark ? { backgroundColor: MARK_COLORS[mark.kind] } : {}),
                        }}
                        title={mark?.note}
                        data-cell={ref}
                        data-mark={mark?.kind}
                        data-cursor={cursor === ref ? 'true' : undefined}
                        onClick={() => setCursor(ref)}
                        onDoubleClick={editable(ref) ? () => startEdit(ref) : undefined}
                      >
                        {editing?.cell === ref ? (
                          <input
                            autoFocus
                            aria-label={`编辑 ${ref}`}
                            data-testid="cell-editor"
                            value={editing.text}
                            style={{ width: '100%', boxSizing: 'border-box', font: 'inherit', textAlign: 'right' }}
                            onChange={(e) => setEditing({ cell: ref, text: e.target.value })}
                            onBlur={() => commit(false)}
                            onKeyDown={(e) => {
                              e.stopPropagation();
                              if (e.key === 'Enter' || e.key === 'Tab') {
                                e.preventDefault();
                                commit(true);
                                // Tab goes on to the next cell to the right, as in a spreadsheet.
                                if (e.key === 'Tab') setCursor(a1(r, c + (span?.colSpan ?? 1)));
                              } else if (e.key === 'Escape') {
                                done.current = true;
                                setEditing(undefined);
                                wrapRef.current?.focus();
                              }
                            }}
                          />
                        ) : (
                          display(cell)
                        )}
                      </td>
                    );
                  })}
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
