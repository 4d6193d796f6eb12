/** 校验: read the workbook through the host, map the tables, run the rules, show and mark the results. */
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Caption1, Checkbox, Dropdown, makeStyles,
  MessageBar, MessageBarBody, MessageBarTitle, Option, Spinner, Text, tokens,
} from '@fluentui/react-components';
import * as React from 'react';
import type { Finding } from '../core/checks';
import type { MappingOverride } from '../core/detect';
import type { Workbook } from '../core/grid';
import { parseRangeA1 } from '../core/grid';
import { marksFromReport } from '../core/marks';
import { SCHEMAS, SchemaId, schemaById } from '../core/schemas';
import { validateWorkbook, ValidationReport } from '../core/validate';
import type { InteractiveHost } from '../hosts/host';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: '10px' },
  row: { display: 'flex', columnGap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  finding: {
    display: 'block', width: '100%', textAlign: 'left', padding: '6px 8px', border: 'none', cursor: 'pointer',
    backgroundColor: 'transparent', borderLeft: `3px solid ${tokens.colorNeutralStroke2}`, marginBottom: '4px', font: 'inherit',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  where: { color: tokens.colorNeutralForeground3, marginRight: '6px' },
  table: { display: 'grid', gridTemplateColumns: '1fr auto', rowGap: '6px', columnGap: '8px', alignItems: 'center' },
});

const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '尾差提示' } as const;
const NOT_A_TABLE = '__none__';

type Phase = { kind: 'idle' } | { kind: 'busy'; message: string } | { kind: 'done' };

export function ValidatePanel({ host }: { host: InteractiveHost }) {
  const s = useStyles();
  const [phase, setPhase] = React.useState<Phase>({ kind: 'idle' });
  const [error, setError] = React.useState<string>();
  const [notice, setNotice] = React.useState<string[]>([]);
  const [report, setReport] = React.useState<ValidationReport>();
  const [mark, setMark] = React.useState(true);
  const [overrides, setOverrides] = React.useState<MappingOverride[]>([]);
  const workbook = React.useRef<Workbook>();

  const show = React.useCallback(
    async (wb: Workbook, ov: MappingOverride[]) => {
      setPhase({ kind: 'busy', message: '正在识别表格并核对勾稽关系…' });
      await new Promise((r) => setTimeout(r, 0)); // let the progress message paint
      const rep = validateWorkbook(wb, { overrides: ov });
      setReport(rep);
      const notes: string[] = [];
      if (mark) {
        setPhase({ kind: 'busy', message: '正在工作表中标记…' });
        const res = await host.applyMarks(marksFromReport(rep));
        for (const k of res.skipped) notes.push(k.reason);
      }
      setNotice(notes);
      setPhase({ kind: 'done' });
    },
    [host, mark],
  );

  const run = async () => {
    setError(undefined);
    setNotice([]);
    try {
      setPhase({ kind: 'busy', message: '正在读取工作簿…' });
      workbook.current = await host.readWorkbook((p) => setPhase({ kind: 'busy', message: p.message }));
      await show(workbook.current, overrides);
    } catch (e) {
      setError((e as Error).message);
      setPhase({ kind: 'idle' });
    }
  };

  const remap = async (sheet: string, range: string, schema: string) => {
    const titleRow = parseRangeA1(range).top;
    const next = [...overrides.filter((o) => !(o.sheet === sheet && o.titleRow === titleRow)), { sheet, titleRow, schema: schema === NOT_A_TABLE ? null : (schema as SchemaId) }];
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
      setNotice([`已清除 ${n} 个标记，单元格已恢复原来的格式。`]);
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
        <Button onClick={clear} disabled={busy} data-testid="clear-marks">
          清除标记
        </Button>
      </div>
      <Checkbox checked={mark} onChange={(_, d) => setMark(!!d.checked)} label="在工作表中标记（红：错误，黄：警告，深红：最可能填错）" />
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
      {report && phase.kind !== 'busy' && <Results report={report} onGo={go} onRemap={remap} />}
    </div>
  );
}

const SCHEMA_OPTIONS = [...SCHEMAS.map((x) => ({ value: x.id as string, text: x.title })), { value: NOT_A_TABLE, text: '不是预算表（忽略）' }];

/** Lets the user say which standard table a region is (or that it is none). */
function SchemaPicker({ sheet, range, current, onRemap }: { sheet: string; range: string; current?: SchemaId; onRemap: (sheet: string, range: string, schema: string) => void }) {
  return (
    <Dropdown
      size="small"
      placeholder="指定表类型"
      aria-label={`${sheet}!${range} 的表类型`}
      value={current ? schemaById(current).title : undefined}
      selectedOptions={current ? [current] : []}
      onOptionSelect={(_, d) => d.optionValue && d.optionValue !== current && onRemap(sheet, range, d.optionValue)}
    >
      {SCHEMA_OPTIONS.map((o) => (
        <Option key={o.value} value={o.value}>
          {o.text}
        </Option>
      ))}
    </Dropdown>
  );
}

function Results({ report, onGo, onRemap }: { report: ValidationReport; onGo: (f: { sheet: string; cell: string }) => void; onRemap: (sheet: string, range: string, schema: string) => void }) {
  const s = useStyles();
  const c = report.counts;
  const byTable = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const k = f.table ? schemaById(f.table).title : '整个工作簿';
    (byTable.get(k) ?? byTable.set(k, []).get(k)!).push(f);
  }
  // Never green for what was not checked: no table found, or a family of checks that could not run.
  const gaps = (report.coverage ?? []).filter((g) => g.status !== 'checked');
  const nothing = report.tables.length === 0;
  const summary = c.error
    ? `发现 ${c.error} 项错误、${c.warning} 项警告`
    : nothing
      ? '没有核对：未找到可识别的预算表'
      : gaps.length
        ? `已核对部分没有错误，但有 ${gaps.length} 类核对未能进行`
        : c.warning
          ? `没有错误，有 ${c.warning} 项警告请核对`
          : '各表勾稽关系全部平衡';
  const intent = c.error ? 'error' : nothing || gaps.length || c.warning ? 'warning' : 'success';
  return (
    <div className={s.root} data-testid="results">
      <MessageBar intent={intent} data-testid="summary">
        <MessageBarBody>
          <MessageBarTitle>{summary}</MessageBarTitle>
          识别到 {report.tables.length} 张表，核对 {c.checks} 项关系{c.info ? `，另有 ${c.info} 项四舍五入尾差（不算错误）` : ''}。
        </MessageBarBody>
      </MessageBar>
      {report.tables.length === 0 && !report.unmapped.length && (
        <MessageBar intent="warning">
          <MessageBarBody>没有找到部门预算公开表（如“部门预算收支总表”）。请确认表格标题在表头上方。</MessageBarBody>
        </MessageBar>
      )}
      {gaps.length > 0 && !nothing && (
        <div data-testid="coverage">
          <Text weight="semibold">未能进行的核对（{gaps.length}）</Text>
          {gaps.map((g) => (
            <Caption1 key={g.family} as="p">
              {g.label}：{g.reason}
            </Caption1>
          ))}
        </div>
      )}
      {report.suspects.length > 0 && (
        <div data-testid="suspects">
          <Text weight="semibold">最可能填错的单元格</Text>
          {report.suspects.slice(0, 3).map((x, i) => (
            <button key={`${x.sheet}!${x.cell}`} className={`${s.finding} ${s.error}`} onClick={() => onGo(x)} data-testid={`suspect-${i}`}>
              <span className={s.where}>{x.sheet}!{x.cell}</span>
              建议值 <b>{x.suggested}</b>（可信度 {Math.round(x.score * 100)}%）
              <br />
              <Caption1>{x.reason}</Caption1>
            </button>
          ))}
        </div>
      )}
      <Accordion multiple collapsible defaultOpenItems={['findings']}>
        <AccordionItem value="tables">
          <AccordionHeader>识别到的表（{report.tables.length}）{report.unmapped.length ? `，未能识别 ${report.unmapped.length}` : ''}</AccordionHeader>
          <AccordionPanel>
            <div className={s.table} data-testid="tables">
              {report.tables.map((t) => (
                <React.Fragment key={`${t.sheet}!${t.range}`}>
                  <Caption1>
                    {t.sheet}!{t.range}（{t.year ?? '未注明年度'}，{t.unit}）
                  </Caption1>
                  <SchemaPicker sheet={t.sheet} range={t.range} current={t.schema} onRemap={onRemap} />
                </React.Fragment>
              ))}
              {report.unmapped.map((u) => (
                <React.Fragment key={`u-${u.sheet}!${u.range}`}>
                  <Caption1>
                    {u.sheet}!{u.range}：{u.reason}
                  </Caption1>
                  <SchemaPicker sheet={u.sheet} range={u.range} onRemap={onRemap} />
                </React.Fragment>
              ))}
            </div>
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="findings">
          <AccordionHeader>
            检查结果&nbsp;
            <Badge color="danger">{c.error}</Badge>&nbsp;<Badge color="warning">{c.warning}</Badge>&nbsp;<Badge color="informative">{c.info}</Badge>
          </AccordionHeader>
          <AccordionPanel>
            <div data-testid="findings">
              {[...byTable.entries()].map(([table, list]) => (
                <div key={table}>
                  <Text weight="semibold">{table}</Text>
                  {(['error', 'warning', 'info'] as const).map((sev) => {
                    const items = list.filter((f) => f.severity === sev);
                    if (!items.length) return null;
                    return (
                      <div key={sev}>
                        <Caption1>
                          {SEVERITY_LABEL[sev]}（{items.length}）
                        </Caption1>
                        {items.slice(0, sev === 'info' ? 30 : 500).map((f, i) => (
                          <button key={i} className={`${s.finding} ${s[sev]}`} onClick={() => onGo(f)} data-testid="finding" data-severity={sev} data-cell={`${f.sheet}!${f.cell}`}>
                            <span className={s.where}>
                              {f.sheet}!{f.cell}
                            </span>
                            {f.message}
                          </button>
                        ))}
                      </div>
                    );
                  })}
                </div>
              ))}
              {!report.findings.length && <Text>没有需要处理的问题。</Text>}
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
