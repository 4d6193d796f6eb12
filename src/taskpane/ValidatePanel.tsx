/** 校验: the results of the pane's session, its marks, live checking and one-click fixes. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Spinner,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import * as React from 'react';
import type { Finding } from '../core/checks';
import type { Stage } from '../core/model';
import { stageLine } from '../core/report-text';
import { SCHEMAS, SchemaId, schemaById } from '../core/schemas';
import { companions, LIKELIHOOD_WORDS, Suspect } from '../core/suspects';
import type { ValidationReport } from '../core/validate';
import { NOT_A_TABLE, PaneSession, useSession } from './session';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: '10px' },
  row: { display: 'flex', columnGap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  finding: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    padding: '6px 8px',
    border: 'none',
    cursor: 'pointer',
    backgroundColor: 'transparent',
    borderLeft: `3px solid ${tokens.colorNeutralStroke2}`,
    marginBottom: '4px',
    font: 'inherit',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  where: { color: tokens.colorNeutralForeground3, marginRight: '6px' },
  list: { margin: '4px 0 0', paddingLeft: '18px', display: 'flex', flexDirection: 'column', rowGap: '2px' },
  /** Count badges keep their text on one line inside the pill; the group wraps as a whole. */
  badges: { display: 'inline-flex', flexWrap: 'wrap', columnGap: '4px', rowGap: '2px', marginLeft: '6px' },
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
  table: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 170px)', rowGap: '6px', columnGap: '8px', alignItems: 'center' },
});

const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '尾差提示' } as const;

/** A view over the pane's session: what it shows and the actions it offers are the session's. */
export function ValidatePanel({ session }: { session: PaneSession }) {
  const s = useStyles();
  const { phase, error, notices, report, stale, marking, marked, live, liveNote, fixes } = useSession(session);
  const host = session.host;
  const busy = phase.kind === 'busy';
  return (
    <div className={s.root}>
      <div className={s.row}>
        <Button appearance="primary" onClick={session.validate} disabled={busy} data-testid="validate">
          校验
        </Button>
        <Button onClick={session.clearMarks} disabled={busy || marked === 0} data-testid="clear-marks">
          清除标记
        </Button>
      </div>
      <Checkbox
        checked={marking}
        onChange={(_, d) => session.setMarking(!!d.checked)}
        label="在工作表中标记（红：错误，黄：警告，深红：最可能填错）"
        data-testid="mark-switch"
      />
      {host.watchChanges && (
        <div className={s.row}>
          <Switch checked={live} disabled={!report} onChange={(_, d) => session.setLive(!!d.checked)} label="实时校验" data-testid="live-switch" />
          {report && !stale && <LiveStatus report={report} on={live} note={liveNote} />}
          {report && !stale && !live && liveNote && <Caption1 data-testid="live-note">{liveNote}</Caption1>}
          {report && !stale && !live && !liveNote && <Caption1 data-testid="live-paused">暂停期间的改动不核对；再打开时重新读取工作簿</Caption1>}
        </div>
      )}
      {fixes.map((f, i) => (
        <MessageBar intent="info" key={i} data-testid="fix">
          <MessageBarBody>
            已改：{f.cells.map((c) => `${c.sheet}!${c.cell} ${c.shown} → ${c.after}`).join('；')}{' '}
            <Button size="small" appearance="transparent" onClick={() => session.undo(f)} data-testid="undo-fix">
              撤销
            </Button>
          </MessageBarBody>
        </MessageBar>
      ))}
      {busy && <Spinner size="tiny" label={phase.message} data-testid="progress" />}
      {error && (
        <MessageBar intent="error" data-testid="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {notices.map((n) => (
        <MessageBar intent="warning" key={n}>
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}
      {report && stale && !busy && (
        <MessageBar intent="warning" data-testid="stale">
          <MessageBarBody>
            <MessageBarTitle>下面的结果属于之前打开的工作簿</MessageBarTitle>
            当前工作簿还没有校验：请点“校验”。
          </MessageBarBody>
        </MessageBar>
      )}
      {!report && phase.kind === 'idle' && !error && (
        <Caption1 data-testid="cold-hint">先点“校验”：读取当前工作簿，识别各表并核对勾稽关系，问题会列在这里并在表中标出。</Caption1>
      )}
      {report && !stale && !busy && (
        <Results
          report={report}
          onGo={session.select}
          onRemap={session.remap}
          onFix={host.writeCell ? session.fix : undefined}
          takeFocus={() => session.takeResultsFocus()}
        />
      )}
    </div>
  );
}

/** The table types a region can be said to be, in the words of the workbook's stage (预算 or 决算). */
const schemaOptions = (stage: Stage) => [
  ...SCHEMAS.map((x) => ({ value: x.id as string, text: schemaById(x.id, stage).title })),
  { value: NOT_A_TABLE, text: stage === 'final' ? '不是决算表（忽略）' : '不是预算表（忽略）' },
];

/** Lets the user say which standard table a region is (or that it is none). */
function SchemaPicker({
  sheet,
  range,
  current,
  onRemap,
  stage,
}: {
  sheet: string;
  range: string;
  current?: SchemaId;
  onRemap: (sheet: string, range: string, schema: string) => void;
  stage: Stage;
}) {
  return (
    <Dropdown
      size="small"
      style={{ minWidth: 0, maxWidth: '100%' }}
      placeholder="指定表类型"
      aria-label={`${sheet}!${range} 的表类型`}
      value={current ? schemaById(current, stage).title : undefined}
      selectedOptions={current ? [current] : []}
      onOptionSelect={(_, d) => d.optionValue && d.optionValue !== current && onRemap(sheet, range, d.optionValue)}
    >
      {schemaOptions(stage).map((o) => (
        <Option key={o.value} value={o.value}>
          {o.text}
        </Option>
      ))}
    </Dropdown>
  );
}

/** A suggested value: bold only when the suggestion is likely (an uncertain one is not to stand out). */
function Suggested({ likely, children }: { likely: boolean; children: React.ReactNode }) {
  return likely ? <b>{children}</b> : <span data-testid="suggested-plain">{children}</span>;
}

/** The live status line: what the workbook is now, in words, never green for what was not checked. */
function LiveStatus({ report, on, note }: { report: ValidationReport; on: boolean; note?: string }) {
  const gaps = (report.coverage ?? []).filter((g) => g.status !== 'checked');
  // Amounts that do not reconcile, apart from code and structure problems (a misprinted code is no imbalance).
  const errors = report.findings.filter((f) => f.severity === 'error');
  const imbalances = errors.filter((f) => !f.rule.startsWith('structure.')).length;
  const otherErrors = errors.length - imbalances;
  const errorText = [imbalances ? `${imbalances} 处不平衡` : '', otherErrors ? `${otherErrors} 处编码或结构错误` : ''].filter(Boolean).join('，');
  const final = report.stage?.stage === 'final';
  const text = !report.tables.length
    ? `未核对：没有识别到${final ? '决算表' : '预算表'}`
    : errors.length
      ? errorText
      : gaps.length
        ? `未核对：${gaps
            .map((g) => g.label)
            .slice(0, 2)
            .join('、')}${gaps.length > 2 ? ` 等 ${gaps.length} 类` : ''}`
        : report.counts.warning
          ? `没有错误，${report.counts.warning} 项警告请核对`
          : '全部平衡 ✓';
  // Green only when everything was checked and nothing, not even a warning, was found.
  const green = !errors.length && !gaps.length && !report.counts.warning && report.tables.length > 0;
  const color = errors.length ? tokens.colorPaletteRedForeground1 : green ? tokens.colorPaletteGreenForeground1 : tokens.colorPaletteMarigoldForeground1;
  return (
    <Caption1 data-testid="live-status" aria-live="polite" style={{ color: on ? color : tokens.colorNeutralForeground3 }}>
      {on ? text : `已暂停（上次：${text}）`}
      {on && note ? `（${note}）` : ''}
    </Caption1>
  );
}

function Results({
  report,
  onGo,
  onRemap,
  onFix,
  takeFocus,
}: {
  report: ValidationReport;
  onGo: (f: { sheet: string; cell: string }) => void;
  onRemap: (sheet: string, range: string, schema: string) => void;
  onFix?: (x: Suspect) => void;
  /** True once after each 校验: the summary then takes the focus (not <body>, as the button was disabled). */
  takeFocus: () => boolean;
}) {
  const s = useStyles();
  const summaryRef = React.useRef<HTMLDivElement>(null);
  const [otherSuspects, setOtherSuspects] = React.useState(false);
  React.useEffect(() => {
    if (!takeFocus()) return;
    // To the summary after 校验 — unless the user has already moved on (an open table-type list keeps its focus).
    const active = document.activeElement as HTMLElement | null;
    if (active && active !== document.body && active.dataset.testid !== 'validate') return;
    summaryRef.current?.focus();
  });
  const c = report.counts;
  // Never green for what was not checked: no table found, or a family of checks that could not run.
  const gaps = (report.coverage ?? []).filter((g) => g.status !== 'checked');
  const nothing = report.tables.length === 0;
  const final = report.stage?.stage === 'final';
  const summary = c.error
    ? `发现 ${c.error} 项错误${c.warning ? `、${c.warning} 项警告` : ''}`
    : nothing
      ? `没有核对：未找到可识别的${final ? '决算表' : '预算表'}`
      : gaps.length
        ? `已核对部分没有错误，但有 ${gaps.length} 类核对未能进行`
        : c.warning
          ? `没有错误，有 ${c.warning} 项警告请核对`
          : '各表勾稽关系全部平衡';
  const intent = c.error ? 'error' : nothing || gaps.length || c.warning ? 'warning' : 'success';
  // A first suspect that is certain ('likely') while the others are not: it alone, the others behind a toggle.
  const top = report.suspects.slice(0, 3);
  const certain = top.length > 1 && top[0].likelihood === 'likely' && top.slice(1).every((x) => x.likelihood !== 'likely');
  const shownSuspects = certain && !otherSuspects ? top.slice(0, 1) : top;
  const hidden = certain ? top.length - 1 : 0;
  return (
    <div className={s.root} data-testid="results">
      <MessageBar intent={intent} data-testid="summary" ref={summaryRef} tabIndex={-1}>
        <MessageBarBody>
          <MessageBarTitle>{summary}</MessageBarTitle>
          识别到 {report.tables.length} 张表，核对 {c.checks} 项关系{c.info ? `，另有 ${c.info} 项四舍五入尾差（不算错误）` : ''}。
        </MessageBarBody>
      </MessageBar>
      {final && (
        <MessageBar intent="info" data-testid="stage-final">
          <MessageBarBody>{stageLine(report)}：按部门决算公开表的勾稽关系核对（决算数、结转和结余）。</MessageBarBody>
        </MessageBar>
      )}
      {report.tables.length === 0 && !report.unmapped.length && !final && (
        <MessageBar intent="warning">
          <MessageBarBody>没有找到部门预算公开表（如“部门预算收支总表”）。请确认表格标题在表头上方。</MessageBarBody>
        </MessageBar>
      )}
      {gaps.length > 0 && !nothing && (
        <div data-testid="coverage">
          <Text weight="semibold">未能进行的核对（{gaps.length}）</Text>
          <ul className={s.list}>
            {gaps.map((g) => (
              <li key={g.family}>
                <Caption1>
                  {g.label}
                  {g.status === 'partial' ? '（部分）' : ''}：{g.reason}
                </Caption1>
              </li>
            ))}
          </ul>
        </div>
      )}
      {report.suspects.length > 0 && (
        <div data-testid="suspects">
          <Text weight="semibold">最可能填错的单元格</Text>
          {shownSuspects.map((x, i) => (
            <div key={`${x.sheet}!${x.cell}`}>
              <button
                className={`${s.finding} ${x.likelihood === 'likely' ? s.error : s.info}`}
                onClick={() => onGo(x)}
                data-testid={`suspect-${i}`}
                data-likelihood={x.likelihood}
              >
                <span className={s.where}>
                  {x.sheet}!{x.cell}
                </span>
                <Badge appearance={x.likelihood === 'likely' ? 'filled' : 'outline'} color={x.likelihood === 'likely' ? 'danger' : 'informative'}>
                  {LIKELIHOOD_WORDS[x.likelihood]}
                </Badge>{' '}
                现为 {x.current}，建议改为 <Suggested likely={x.likelihood === 'likely'}>{x.suggested}</Suggested>
                {companions(x).map((c) => (
                  <React.Fragment key={`${c.sheet}!${c.cell}`}>
                    ；并 {c.sheet}!{c.cell} 现为 {c.current}，建议改为 <Suggested likely={x.likelihood === 'likely'}>{c.suggested}</Suggested>
                  </React.Fragment>
                ))}
                <br />
                <Caption1>{x.reason}</Caption1>
              </button>
              {/* Only a likely suggestion offers the write, and only when the user clicks it (reversible below the switch). */}
              {onFix && x.likelihood === 'likely' && (
                <Button size="small" onClick={() => onFix(x)} data-testid={`fix-${i}`} style={{ marginLeft: '11px', marginBottom: '6px' }}>
                  改为 {x.suggested}
                  {companions(x).length
                    ? `（并把 ${companions(x)
                        .map((c) => `${c.cell} 改为 ${c.suggested}`)
                        .join('、')}）`
                    : ''}
                </Button>
              )}
            </div>
          ))}
          {hidden > 0 && (
            <Button size="small" appearance="subtle" onClick={() => setOtherSuspects((v) => !v)} data-testid="other-suspects" aria-expanded={otherSuspects}>
              {otherSuspects ? '收起其他可能' : `显示其他可能（${hidden}）`}
            </Button>
          )}
        </div>
      )}
      <Accordion multiple collapsible defaultOpenItems={['findings']}>
        <AccordionItem value="tables">
          <AccordionHeader>
            识别到的表（{report.tables.length}）{report.unmapped.length ? `，未能识别 ${report.unmapped.length}` : ''}
          </AccordionHeader>
          <AccordionPanel>
            <div className={s.table} data-testid="tables">
              {report.tables.map((t) => (
                <React.Fragment key={`${t.sheet}!${t.range}`}>
                  <Caption1>
                    {t.sheet}!{t.range}（{t.year ? `${t.year}年` : '未注明年度'}，{t.unit}）
                  </Caption1>
                  <SchemaPicker sheet={t.sheet} range={t.range} current={t.schema} onRemap={onRemap} stage={report.stage?.stage ?? 'budget'} />
                </React.Fragment>
              ))}
              {report.unmapped.map((u) => (
                <React.Fragment key={`u-${u.sheet}!${u.range}`}>
                  <Caption1>
                    {u.sheet}!{u.range}：{u.reason}
                  </Caption1>
                  <SchemaPicker sheet={u.sheet} range={u.range} onRemap={onRemap} stage={report.stage?.stage ?? 'budget'} />
                </React.Fragment>
              ))}
            </div>
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="findings">
          <AccordionHeader>
            检查结果&nbsp;
            <span className={s.badges}>
              <Badge className={s.badge} color="danger" aria-label={`错误 ${c.error} 项`}>
                错误 {c.error}
              </Badge>
              <Badge className={s.badge} color="warning" aria-label={`警告 ${c.warning} 项`}>
                警告 {c.warning}
              </Badge>
              <Badge className={s.badge} color="informative" aria-label={`尾差提示 ${c.info} 项`}>
                尾差 {c.info}
              </Badge>
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <FindingList findings={report.findings} onGo={onGo} checked={report.counts.checks > 0} stage={report.stage?.stage ?? 'budget'} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}

const PAGE = 50;
const tableTitle = (f: Finding, stage: Stage) => (f.table ? schemaById(f.table, stage).title : '整个工作簿');

/**
 * The findings, filtered by severity and table, grouped per table (collapsible, with labelled counts), 50 at a
 * time with "显示全部" (never a silent cap), and 上一个/下一个 (also Alt+↓ / Alt+↑) that step through them and
 * select each cell in the workbook.
 */
function FindingList({
  findings,
  onGo,
  checked,
  stage,
}: {
  findings: Finding[];
  onGo: (f: { sheet: string; cell: string }) => void;
  checked: boolean;
  stage: Stage;
}) {
  const s = useStyles();
  const tableOf = (f: Finding) => tableTitle(f, stage);
  const [sev, setSev] = React.useState<Record<Finding['severity'], boolean>>({ error: true, warning: true, info: false });
  const [table, setTable] = React.useState<string>('全部');
  const [shownAll, setShownAll] = React.useState<Record<string, boolean>>({});
  const [pos, setPos] = React.useState(-1);
  /** Groups the user collapsed: a group that appears while typing (live checking) opens, a closed one stays closed. */
  const [closed, setClosed] = React.useState<Set<string>>(new Set());
  const tables = [...new Set(findings.map(tableOf))];
  const visible = findings.filter((f) => sev[f.severity] && (table === '全部' || tableOf(f) === table));
  const byTable = new Map<string, Finding[]>();
  for (const f of visible) (byTable.get(tableOf(f)) ?? byTable.set(tableOf(f), []).get(tableOf(f))!).push(f);
  const step = (d: 1 | -1) => {
    if (!visible.length) return;
    const next = (pos + d + visible.length) % visible.length;
    setPos(next);
    onGo(visible[next]);
  };
  const count = (sv: Finding['severity']) => findings.filter((f) => f.severity === sv && (table === '全部' || tableOf(f) === table)).length;
  return (
    <div
      data-testid="findings"
      onKeyDown={(e) => {
        if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
          e.preventDefault();
          step(e.key === 'ArrowDown' ? 1 : -1);
        }
      }}
    >
      <div className={s.row} role="toolbar" aria-label="筛选检查结果">
        {(['error', 'warning', 'info'] as const).map((k) => (
          <Checkbox
            key={k}
            checked={sev[k]}
            onChange={(_, d) => setSev({ ...sev, [k]: !!d.checked })}
            label={`${SEVERITY_LABEL[k]} ${count(k)}`}
            data-testid={`filter-${k}`}
          />
        ))}
      </div>
      <div className={s.row}>
        <Dropdown
          size="small"
          aria-label="按表筛选"
          value={table}
          selectedOptions={[table]}
          onOptionSelect={(_, d) => setTable(String(d.optionValue))}
          data-testid="filter-table"
          style={{ minWidth: 0, maxWidth: '100%' }}
        >
          {['全部', ...tables].map((t) => (
            <Option key={t} value={t}>
              {t === '全部' ? '全部表' : t}
            </Option>
          ))}
        </Dropdown>
        <Button size="small" onClick={() => step(-1)} disabled={!visible.length} data-testid="prev" title="上一个（Alt+↑）">
          上一个
        </Button>
        <Button size="small" onClick={() => step(1)} disabled={!visible.length} data-testid="next" title="下一个（Alt+↓）">
          下一个
        </Button>
        {pos >= 0 && visible.length > 0 && (
          <Caption1 data-testid="position">
            第 {Math.min(pos + 1, visible.length)} / {visible.length} 项
          </Caption1>
        )}
      </div>
      <Accordion
        multiple
        collapsible
        openItems={tables.filter((t) => !closed.has(t))}
        onToggle={(_, d) =>
          setClosed((c) => {
            const next = new Set(c);
            if (next.has(String(d.value))) next.delete(String(d.value));
            else next.add(String(d.value));
            return next;
          })
        }
      >
        {[...byTable.entries()].map(([t, list]) => {
          const n = (k: Finding['severity']) => list.filter((f) => f.severity === k).length;
          const all = shownAll[t] || list.length <= PAGE;
          return (
            <AccordionItem value={t} key={t} data-testid="finding-group">
              <AccordionHeader size="small">
                {t}&nbsp;
                <span className={s.badges}>
                  {n('error') > 0 && (
                    <Badge className={s.badge} color="danger" size="small">
                      错误 {n('error')}
                    </Badge>
                  )}
                  {n('warning') > 0 && (
                    <Badge className={s.badge} color="warning" size="small">
                      警告 {n('warning')}
                    </Badge>
                  )}
                  {n('info') > 0 && (
                    <Badge className={s.badge} color="informative" size="small">
                      尾差 {n('info')}
                    </Badge>
                  )}
                </span>
              </AccordionHeader>
              <AccordionPanel>
                {(all ? list : list.slice(0, PAGE)).map((f) => {
                  const i = visible.indexOf(f);
                  return (
                    <button
                      key={i}
                      className={`${s.finding} ${s[f.severity]}`}
                      style={i === pos ? { outline: `2px solid ${tokens.colorBrandStroke1}` } : undefined}
                      onClick={() => {
                        setPos(i);
                        onGo(f);
                      }}
                      data-testid="finding"
                      data-severity={f.severity}
                      data-cell={`${f.sheet}!${f.cell}`}
                    >
                      <span className={s.where}>
                        {SEVERITY_LABEL[f.severity]} · {f.sheet}!{f.cell}
                      </span>
                      {f.message}
                    </button>
                  );
                })}
                {!all && (
                  <Button size="small" onClick={() => setShownAll({ ...shownAll, [t]: true })} data-testid="show-all">
                    显示全部（共 {list.length} 项，已显示 {PAGE} 项）
                  </Button>
                )}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
      {!findings.length && <Text>{checked ? '没有需要处理的问题。' : '没有核对任何勾稽关系。'}</Text>}
      {findings.length > 0 && !visible.length && <Text>筛选条件下没有结果（可勾选“尾差提示”或选“全部表”）。</Text>}
    </div>
  );
}
