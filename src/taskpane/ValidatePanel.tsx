/** 校验: read the workbook through the host, map the tables, run the rules, show and mark the results. */
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
import type { MappingOverride } from '../core/detect';
import type { Stage } from '../core/model';
import type { Cell, Workbook } from '../core/grid';
import { parseA1, parseRangeA1 } from '../core/grid';
import { LiveValidation } from '../core/live';
import type { MappingCorrections } from './corrections';
import { stageLine } from '../core/report-text';
import { SCHEMAS, SchemaId, schemaById } from '../core/schemas';
import { companions, LIKELIHOOD_WORDS, Suspect } from '../core/suspects';
import type { ValidationReport } from '../core/validate';
import type { InteractiveHost, LiveChange } from '../hosts/host';

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
const NOT_A_TABLE = '__none__';

type Phase = { kind: 'idle' } | { kind: 'busy'; message: string } | { kind: 'done' };

export function ValidatePanel({ host, corrections }: { host: InteractiveHost; corrections?: MappingCorrections }) {
  const s = useStyles();
  const [phase, setPhase] = React.useState<Phase>({ kind: 'idle' });
  const [error, setError] = React.useState<string>();
  const [notice, setNotice] = React.useState<string[]>([]);
  const [report, setReport] = React.useState<ValidationReport>();
  const [mark, setMark] = React.useState(true);
  const [overrides, setOverrides] = React.useState<MappingOverride[]>([]);
  const workbook = React.useRef<Workbook>();
  /** The live session of the last 校验: edits update it instead of validating again. */
  const session = React.useRef<LiveValidation>();
  const [live, setLive] = React.useState(false);
  /** Set once the user turns live checking off: it is then not turned on again by itself. */
  const liveChosen = React.useRef(false);
  const [liveNote, setLiveNote] = React.useState<string>();
  /** One-click fixes, newest last, each reversible from the pane. */
  const [fixes, setFixes] = React.useState<Fix[]>([]);
  const markRef = React.useRef(mark);
  markRef.current = mark;
  /** Set when 清除标记 turned marking off during live checking (the next 校验 turns it on again). */
  const markPaused = React.useRef(false);
  const overridesRef = React.useRef(overrides);
  overridesRef.current = overrides;
  /** The workbook the results belong to; when another one is open they are stale (never shown as current). */
  const [shownFor, setShownFor] = React.useState<string>();
  /** Cells marked now, where known (the host counts them, or the pane marked / cleared them): 清除标记 is off at 0. */
  const [marked, setMarked] = React.useState<number | undefined>(() => host.markCount?.());
  const countMarks = () => setMarked(host.markCount ? host.markCount() : session.current && markRef.current ? session.current.currentMarks.length : undefined);
  /** Set by 校验: the summary takes the focus when the results are shown (not <body>, as the button was disabled). */
  const focusResults = React.useRef(false);
  const [stale, setStale] = React.useState(false);
  // The corrections in force, for the workbook they were made on: 生成说明 reads the tables through them too.
  React.useEffect(() => corrections?.set(shownFor, overrides), [corrections, shownFor, overrides]);
  React.useEffect(() => {
    if (!host.workbookId) return;
    const check = () => {
      const id = host.workbookId!();
      if (shownFor !== undefined && id !== shownFor) {
        setStale(true);
        setOverrides([]); // a correction of the old file's mapping must not hide a table of this one
      }
    };
    const timer = setInterval(check, 1000);
    return () => clearInterval(timer);
  }, [host, shownFor]);

  const show = React.useCallback(
    async (wb: Workbook, ov: MappingOverride[]) => {
      setPhase({ kind: 'busy', message: '正在识别表格并核对勾稽关系…' });
      await new Promise((r) => setTimeout(r, 0)); // let the progress message paint
      session.current = new LiveValidation(wb, ov);
      const rep = session.current.report;
      setReport(rep);
      setLiveNote(undefined);
      const notes: string[] = [];
      if (markRef.current) {
        setPhase({ kind: 'busy', message: '正在工作表中标记…' });
        const res = await host.applyMarks(session.current.currentMarks);
        for (const k of res.skipped) notes.push(k.reason);
      }
      countMarks();
      setNotice(notes);
      setPhase({ kind: 'done' });
      // Live checking is on by default once a workbook has been validated (where the host can watch edits), but not
      // for a workbook too large to keep its checks.
      if (session.current.tooLarge) {
        setLive(false);
        setLiveNote(`工作簿很大（${rep.counts.checks} 项核对），实时校验未开启：改动后请点“校验”`);
      } else if (host.watchChanges && !liveChosen.current) setLive(true);
    },
    [host, mark],
  );

  /** Live updates run one after another (an edit during a mark update waits for it). */
  const queue = React.useRef<Promise<void>>(Promise.resolve());
  const onLiveChange = React.useCallback(
    (c: LiveChange) => {
      queue.current = queue.current
        .then(async () => {
          const sess = session.current;
          if (!sess) return;
          if (c.kind === 'structure') {
            // Rows or sheets moved: read the workbook again and mark it in full.
            workbook.current = await host.readWorkbook();
            session.current = new LiveValidation(workbook.current, overridesRef.current);
            setReport(session.current.report);
            setLiveNote(c.why);
            if (markRef.current) await host.applyMarks(session.current.currentMarks);
            countMarks();
            return;
          }
          const u = sess.apply(c.edits);
          setReport(u.report);
          setLiveNote(u.mode === 'full' ? u.why : undefined);
          const { set, clear } = u.marks;
          if (!markRef.current || (!set.length && !clear.length)) return;
          if (host.updateMarks) await host.updateMarks(set, clear);
          else await host.applyMarks(sess.currentMarks);
          countMarks();
        })
        .catch((e) => setError(`实时校验出错：${(e as Error).message}（可再点“校验”）`));
    },
    [host],
  );

  /**
   * Live checking turned on again: the edits made while it was off were not watched, so the workbook is read again
   * and checked in full before any new edit (queued like an edit) — the pane never shows the report of before.
   */
  const resume = React.useCallback(() => {
    queue.current = queue.current
      .then(async () => {
        const sess = session.current;
        if (!sess) return;
        // Busy: the results of before the pause are not shown (nor green) while the workbook is read again.
        setPhase({ kind: 'busy', message: '正在重新读取暂停期间的改动…' });
        let u;
        try {
          workbook.current = await host.readWorkbook();
          u = sess.resume(workbook.current);
          setReport(u.report);
          setLiveNote(u.why);
        } finally {
          setPhase({ kind: 'done' });
        }
        if (!markRef.current) return;
        if (host.updateMarks) await host.updateMarks(u.marks.set, u.marks.clear);
        else await host.applyMarks(sess.currentMarks);
        countMarks();
      })
      .catch((e) => setError(`实时校验出错：${(e as Error).message}（可再点“校验”）`));
  }, [host]);

  const hasSession = !!report;
  React.useEffect(() => {
    if (!live || !host.watchChanges || !hasSession || stale) return;
    let stop: (() => Promise<void>) | undefined;
    let cancelled = false;
    host
      .watchChanges(onLiveChange)
      .then((s) => (cancelled ? void s() : (stop = s)))
      .catch((e) => {
        setError((e as Error).message);
        setLive(false);
      });
    return () => {
      cancelled = true;
      void stop?.();
    };
  }, [live, host, hasSession, stale, onLiveChange]);

  /** A one-click fix: writes the suggested value(s) the user clicked, keeps what was there to undo it. */
  const fix = async (x: Suspect) => {
    if (!host.writeCell) return;
    setError(undefined);
    try {
      const cells = [
        { sheet: x.sheet, cell: x.cell, value: x.suggested, was: x.current },
        ...companions(x).map((c) => ({ sheet: c.sheet, cell: c.cell, value: c.suggested, was: c.current })),
      ];
      const done: Fix['cells'] = [];
      for (const c of cells)
        done.push({ sheet: c.sheet, cell: c.cell, before: await host.writeCell(c.sheet, c.cell, Number(c.value)), after: c.value, shown: c.was });
      setFixes((f) => [...f, { cells: done }]);
      // Without live checking, the pane brings the results up to date itself.
      if (!live)
        onLiveChange({
          kind: 'edits',
          edits: done.map((d) => ({ ...cellPos(d), cell: { ...(d.before?.numFmt ? { numFmt: d.before.numFmt } : {}), value: Number(d.after) } })),
        });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const undo = async (f: Fix) => {
    if (!host.writeCell) return;
    try {
      for (const c of [...f.cells].reverse()) await host.writeCell(c.sheet, c.cell, c.before ? c.before.value : null);
      setFixes((list) => list.filter((x) => x !== f));
      if (!live) onLiveChange({ kind: 'edits', edits: f.cells.map((d) => ({ ...cellPos(d), cell: d.before })) });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const run = async () => {
    setError(undefined);
    setNotice([]);
    // Marks cleared during live checking stop marking until the next 校验: this one marks again.
    if (markPaused.current) {
      markPaused.current = false;
      markRef.current = true;
      setMark(true);
    }
    try {
      setPhase({ kind: 'busy', message: '正在读取工作簿…' });
      const id = host.workbookId?.();
      const ov = id !== shownFor ? [] : overrides;
      if (ov !== overrides) setOverrides(ov);
      workbook.current = await host.readWorkbook((p) => setPhase({ kind: 'busy', message: p.message }));
      focusResults.current = true;
      await show(workbook.current, ov);
      setShownFor(id);
      setStale(false);
    } catch (e) {
      setError((e as Error).message);
      setPhase({ kind: 'idle' });
    }
  };

  const remap = async (sheet: string, range: string, schema: string) => {
    const titleRow = parseRangeA1(range).top;
    const next = [
      ...overrides.filter((o) => !(o.sheet === sheet && o.titleRow === titleRow)),
      { sheet, titleRow, schema: schema === NOT_A_TABLE ? null : (schema as SchemaId) },
    ];
    setOverrides(next);
    if (workbook.current)
      try {
        await show(workbook.current, next);
      } catch (e) {
        setError((e as Error).message);
      }
  };

  const clear = async () => {
    setError(undefined);
    try {
      const n = await host.clearMarks();
      setMarked(0);
      // Live checking would otherwise mark again only the cells that change next: marking stops until asked for.
      if (mark && live) {
        setMark(false);
        markPaused.current = true;
      }
      setNotice([`已清除 ${n} 个标记，单元格已恢复原来的格式。${live ? '实时校验不再标记单元格，直到再点“校验”或勾选“在工作表中标记”。' : ''}`]);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const go = (f: { sheet: string; cell: string }) => host.selectCell(f.sheet, f.cell).catch((e) => setError((e as Error).message));

  const busy = phase.kind === 'busy';
  return (
    <div className={s.root}>
      <div className={s.row}>
        <Button appearance="primary" onClick={run} disabled={busy} data-testid="validate">
          校验
        </Button>
        <Button onClick={clear} disabled={busy || marked === 0} data-testid="clear-marks">
          清除标记
        </Button>
      </div>
      <Checkbox
        checked={mark}
        onChange={(_, d) => {
          setMark(!!d.checked);
          // Turned on again with results shown: mark the workbook as the results are now.
          if (d.checked && session.current && !stale)
            host.applyMarks(session.current.currentMarks).then(
              (r) => {
                setNotice(r.skipped.map((k) => k.reason));
                setMarked(host.markCount ? host.markCount() : session.current?.currentMarks.length);
              },
              (e) => setError((e as Error).message),
            );
        }}
        label="在工作表中标记（红：错误，黄：警告，深红：最可能填错）"
        data-testid="mark-switch"
      />
      {host.watchChanges && (
        <div className={s.row}>
          <Switch
            checked={live}
            disabled={!report}
            onChange={(_, d) => {
              liveChosen.current = true;
              setLive(!!d.checked);
              if (d.checked && !stale) resume();
            }}
            label="实时校验"
            data-testid="live-switch"
          />
          {report && !stale && <LiveStatus report={report} on={live} note={liveNote} />}
          {report && !stale && !live && liveNote && <Caption1 data-testid="live-note">{liveNote}</Caption1>}
          {report && !stale && !live && !liveNote && <Caption1 data-testid="live-paused">暂停期间的改动不核对；再打开时重新读取工作簿</Caption1>}
        </div>
      )}
      {fixes.map((f, i) => (
        <MessageBar intent="info" key={i} data-testid="fix">
          <MessageBarBody>
            已改：{f.cells.map((c) => `${c.sheet}!${c.cell} ${c.shown} → ${c.after}`).join('；')}{' '}
            <Button size="small" appearance="transparent" onClick={() => undo(f)} data-testid="undo-fix">
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
      {notice.map((n) => (
        <MessageBar intent="warning" key={n}>
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}
      {report && stale && phase.kind !== 'busy' && (
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
      {report && !stale && phase.kind !== 'busy' && (
        <Results report={report} onGo={go} onRemap={remap} onFix={host.writeCell ? fix : undefined} focus={focusResults} />
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

interface Fix {
  cells: { sheet: string; cell: string; before: Cell | undefined; after: string; shown: string }[];
}

const cellPos = (c: { sheet: string; cell: string }) => {
  const { row, col } = parseA1(c.cell);
  return { sheet: c.sheet, row, col };
};

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
  focus,
}: {
  report: ValidationReport;
  onGo: (f: { sheet: string; cell: string }) => void;
  onRemap: (sheet: string, range: string, schema: string) => void;
  onFix?: (x: Suspect) => void;
  focus?: React.MutableRefObject<boolean>;
}) {
  const s = useStyles();
  const summaryRef = React.useRef<HTMLDivElement>(null);
  const [otherSuspects, setOtherSuspects] = React.useState(false);
  React.useEffect(() => {
    if (!focus?.current) return;
    focus.current = false;
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
