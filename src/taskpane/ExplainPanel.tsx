/** 生成说明: write the explanation from the open workbook's tables (and last year's), keep the reasons typed, check text. */
import { Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, Text, Textarea, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { detectWorkbook } from '../core/detect';
import { disclosureLevel } from '../core/titles';
import type { PaneSession } from './session';
import { checkText, TextFinding } from '../core/narrative/check-text';
import { addOtherTableFigures, extractFigures, Figures, priorMismatch } from '../core/narrative/figures';
import { explanationTitle, generateSections, placeholder, Section, sectionsText } from '../core/narrative/generate';
import { sectionsSheet } from '../core/narrative/sheet';
import { readXlsxLean } from '../hosts/file/xlsx-lean';
import { cellText, type Workbook } from '../core/grid';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: '10px' },
  row: { display: 'flex', columnGap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  finding: { borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}`, padding: '4px 8px' },
  warn: { borderLeft: `3px solid ${tokens.colorPaletteYellowBorder2}`, padding: '4px 8px' },
  list: { margin: '4px 0 0', paddingLeft: '18px', display: 'flex', flexDirection: 'column', rowGap: '2px' },
  link: {
    border: 'none',
    background: 'none',
    padding: 0,
    font: 'inherit',
    fontSize: tokens.fontSizeBase200,
    textAlign: 'left',
    cursor: 'pointer',
    color: tokens.colorBrandForegroundLink,
    ':hover': { textDecorationLine: 'underline' },
    ':disabled': { color: tokens.colorNeutralForeground2, cursor: 'default' },
  },
});

export function ExplainPanel({ session }: { session: PaneSession }) {
  const s = useStyles();
  const host = session.host;
  const [busy, setBusy] = React.useState<string>();
  const [error, setError] = React.useState<string>();
  const [info, setInfo] = React.useState<string>();
  const [figures, setFigures] = React.useState<Figures>();
  const [others, setOthers] = React.useState<string[]>([]);
  const [prior, setPrior] = React.useState<{ name: string; figures: Figures }>();
  /** A 上年 workbook that does not fit (wrong year or department), waiting for the user's confirmation. */
  const [priorDoubt, setPriorDoubt] = React.useState<{ name: string; figures: Figures; why: string[] }>();
  const [reasons, setReasons] = React.useState<Record<string, string>>({});
  const [sections, setSections] = React.useState<Section[]>();
  const [text, setText] = React.useState('');
  const [toCheck, setToCheck] = React.useState('');
  const [checked, setChecked] = React.useState<TextFinding[]>();
  /** What the last check compared the text with (the open workbook's tables, or nothing). */
  const [checkedWith, setCheckedWith] = React.useState<string>();
  /** How many standard tables 生成说明 read, and whether they are a 部门 or a 单位 budget. */
  const [tableCount, setTableCount] = React.useState(0);
  const [kind, setKind] = React.useState<'部门' | '单位'>('部门');
  const priorInput = React.useRef<HTMLInputElement>(null);
  const workbook = React.useRef<Workbook>();

  const title = figures ? explanationTitle(figures, kind) : '';

  /**
   * The workbook's tables as 校验 shows them (with the corrections the user made there on this workbook), and the
   * figures a text is written from and checked against (预算 or 决算): none for a workbook without standard tables.
   */
  const readTables = (wb: Workbook) => {
    const { det, corrected } = session.detect(wb);
    const figures = det.tables.length ? addOtherTableFigures(extractFigures(det.tables), wb, det.others) : undefined;
    return { det, corrected, figures };
  };

  const regenerate = React.useCallback((f: Figures, p: Figures | undefined, r: Record<string, string>, o: string[]) => {
    const secs = generateSections(f, { prior: p, reasons: r, otherTables: o });
    setSections(secs);
    setText(sectionsText(secs));
  }, []);

  const generate = async () => {
    setError(undefined);
    setInfo(undefined);
    try {
      setBusy('正在读取工作簿…');
      const wb = await host.readWorkbook();
      workbook.current = wb;
      const { det, corrected, figures: f } = readTables(wb);
      if (!f) throw new Error(`工作簿中没有找到部门${det.stage?.stage === 'final' ? '决算' : '预算'}公开表，无法生成说明`);
      const o = det.others.map((x) => x.title);
      setTableCount(det.tables.length);
      setKind(disclosureLevel(det.tables.map((t) => t.title)));
      setFigures(f);
      setOthers(o);
      // A 上年 file chosen before this workbook was read is checked against it now.
      const why = prior ? priorMismatch(f, prior.figures) : [];
      if (prior && why.length) {
        setPriorDoubt({ ...prior, why });
        setPrior(undefined);
      }
      regenerate(f, why.length ? undefined : prior?.figures, reasons, o);
      if (corrected.length) setInfo(`已按“校验”中对 ${corrected.length} 张表的识别更正读取各表。`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(undefined);
    }
  };

  const onPrior = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      const det = detectWorkbook(readXlsxLean(new Uint8Array(await file.arrayBuffer())));
      if (!det.tables.length) throw new Error(`“${file.name}”中没有找到部门预算或决算公开表`);
      const p = { name: file.name, figures: extractFigures(det.tables) };
      const why = figures ? priorMismatch(figures, p.figures) : [];
      if (why.length) {
        setPriorDoubt({ ...p, why });
        return;
      }
      usePrior(p);
    } catch (err) {
      setError(`无法读取上年工作簿：${(err as Error).message}`);
    }
  };

  const usePrior = (p: { name: string; figures: Figures }) => {
    setPriorDoubt(undefined);
    setPrior(p);
    if (figures) regenerate(figures, p.figures, reasons, others);
  };

  /**
   * A reason goes into its place only: while the text is as generated it is regenerated; once the user has
   * edited it, only the placeholder (or the reason typed before) is replaced, and nothing else of theirs changes.
   */
  const setReason = (id: string, value: string) => {
    const r = { ...reasons, [id]: value };
    setReasons(r);
    if (!figures) return;
    const generated = sections ? sectionsText(sections) : '';
    if (text === generated) {
      regenerate(figures, prior?.figures, r, others);
      return;
    }
    const fragment = (v: string | undefined) => (v?.trim() ? v.trim().replace(/[。.]?$/, '。') : placeholder(id));
    const before = fragment(reasons[id]);
    const after = fragment(value);
    if (text.includes(before)) {
      setText(text.replace(before, after));
      setSections(generateSections(figures, { prior: prior?.figures, reasons: r, otherTables: others }));
      setInfo(undefined);
    } else setInfo(`说明文本已被修改，找不到“${id}”的待填处，原因没有自动写入：请在文本中手动填写。`);
  };

  // Every place that needs a reason (filled or not): the sections as they would be without any reasons.
  // Derived once per change of the inputs, not on every keystroke.
  const pending = React.useMemo(
    () => (figures ? generateSections(figures, { prior: prior?.figures, otherTables: others }).flatMap((x) => x.placeholders) : []),
    [figures, prior, others],
  );

  /**
   * Each to-do item with the 【…】 place of the text it stands for: in order, the next place that shares words with
   * it (its heading before "："), else the next place.
   */
  const todoPlaces = React.useMemo(() => {
    const places = [...text.matchAll(/【[^】]*】/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0] }));
    const used = new Set<number>();
    let from = 0;
    return (sections ?? [])
      .flatMap((x) => x.todo ?? [])
      .map((todo) => {
        const key = todo.split('：')[0];
        const pairs = Array.from({ length: Math.max(1, key.length - 1) }, (_, i) => key.slice(i, i + 2));
        const open = places.map((p, i) => ({ p, i })).filter(({ p, i }) => !used.has(i) && p.start >= from);
        const hit = open.find(({ p }) => pairs.some((w) => p.text.includes(w))) ?? open[0];
        if (!hit) return { todo, place: undefined };
        used.add(hit.i);
        from = hit.p.start;
        return { todo, place: hit.p };
      });
  }, [text, sections]);

  const textRef = React.useRef<HTMLTextAreaElement>(null);
  const selectPlace = (p: { start: number; end: number }) => {
    const el = textRef.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(p.start, p.end);
    // Scroll the text so the place is in view (the line's share of the whole height).
    const before = el.value.slice(0, p.start).split('\n').length - 1;
    const lines = el.value.split('\n').length;
    el.scrollTop = Math.max(0, (before / lines) * el.scrollHeight - el.clientHeight / 3);
    el.scrollIntoView({ block: 'nearest' });
  };
  // The text grows with its content (up to most of the window), instead of 260 px for 1,500 px of text.
  React.useLayoutEffect(() => {
    const el = textRef.current;
    if (!el) return;
    // Fluent's Textarea sizes its wrapper; the textarea fills it. Both are set from the text's own height.
    const root = el.parentElement;
    el.style.height = 'auto';
    if (root) root.style.height = 'auto';
    const h = `${Math.min(el.scrollHeight + 6, Math.max(320, Math.round(window.innerHeight * 0.75)))}px`;
    if (root) {
      root.style.height = h;
      root.style.maxHeight = 'none';
    }
    el.style.height = '100%';
    el.style.maxHeight = 'none';
  }, [text]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setInfo('已复制到剪贴板。');
    } catch {
      setError('浏览器不允许直接复制：请在文本框中全选（Ctrl+A）后按 Ctrl+C');
    }
  };

  /** The sections as generated, or the user's edited text as one block. */
  const current = (): Section[] => (text === sectionsText(sections!) ? sections! : [{ id: '全文', title: '', text, placeholders: [] }]);

  const insert = async () => {
    try {
      const name = await host.insertSheet('情况说明', sectionsSheet(title, current()));
      setInfo(`已插入新工作表“${name}”（未改动已有工作表）。`);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  /**
   * The text as formatted HTML on the clipboard (headings, paragraphs, highlighted places to fill), to paste
   * into Word: the save path that works in every host.
   */
  const copyRich = async () => {
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const html = current()
      .map(
        (x) =>
          `${x.title ? `<h2>${esc(x.title)}</h2>` : ''}${x.text
            .split('\n')
            .map((l) => `<p>${esc(l).replace(/(【[^】]*】)/g, '<mark>$1</mark>')}</p>`)
            .join('')}`,
      )
      .join('');
    try {
      const ClipboardItemCtor = (window as unknown as { ClipboardItem?: new (items: Record<string, Blob>) => unknown }).ClipboardItem;
      if (!ClipboardItemCtor || !navigator.clipboard?.write) throw new Error('no rich clipboard');
      await navigator.clipboard.write([
        new ClipboardItemCtor({
          'text/html': new Blob([`<h1>${esc(title)}</h1>${html}`], { type: 'text/html' }),
          'text/plain': new Blob([`${title}\n\n${text}`], { type: 'text/plain' }),
        }) as never,
      ]);
      setInfo('已复制为带格式的文本：在 Word 或 WPS 文字中新建文档后粘贴（Ctrl+V），待填处保留黄色标记。');
    } catch {
      await copy();
      setInfo('这个环境不支持复制格式，已复制为纯文本：在 Word 中新建文档后粘贴即可。');
    }
  };

  /**
   * .docx through a download link. Blob-URL downloads fail silently in Office on Mac and in some WebViews
   * (https://learn.microsoft.com/office/dev/add-ins/develop/known-issues — file downloads from the task pane),
   * so there the text goes to the clipboard as formatted text instead, and everywhere the pane says what it did.
   * The docx library is loaded only here (a separate chunk).
   */
  const exportDocx = async () => {
    const mac = typeof Office !== 'undefined' && Office.context?.platform === Office.PlatformType?.Mac;
    if (mac) {
      await copyRich();
      setInfo('Mac 版 Office 的任务窗格不能下载文件：已复制为带格式的文本，请在 Word 中新建文档后粘贴（Ctrl+V），再另存为 .docx。');
      return;
    }
    const { sectionsToDocxBlob } = await import('../hosts/file/docx');
    const blob = await sectionsToDocxBlob(title, current());
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${title || '情况说明'}.docx`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    setInfo(`已开始下载“${a.download}”。如果没有出现下载（部分 Office/WPS 版本的任务窗格不允许下载），请点“复制为带格式文本”粘贴到 Word。`);
  };

  /**
   * Checks a text against the open workbook's tables whenever there is one (read now if 生成说明 has not read
   * it), and says what it was compared with.
   */
  const checkAgainstTables = async (text: string) => {
    setError(undefined);
    let f = figures;
    let tables = f ? tableCount : 0;
    if (!f)
      try {
        const wb = await host.readWorkbook();
        workbook.current = wb;
        const read = readTables(wb);
        f = read.figures;
        tables = read.det.tables.length;
      } catch {
        f = undefined;
      }
    setCheckedWith(
      f ? `已与当前工作簿的 ${tables} 张表对照，并核对了文字自身的算术。` : '没有可对照的工作簿或预算表：只核对了文字自身的算术、年份和遗留的模板文字。',
    );
    setChecked(checkText(text, f));
  };

  /** The text of the workbook's own 情况说明 sheet (column by column, row by row), checked against the tables. */
  const checkSheet = async () => {
    setError(undefined);
    // Read the workbook as it is now: a 情况说明 sheet inserted a moment ago is there.
    try {
      workbook.current = await host.readWorkbook();
    } catch (e) {
      setError((e as Error).message);
      return;
    }
    const sheet = workbook.current.sheets.find((x) => /情况说明/.test(x.name));
    if (!sheet) {
      setError('工作簿中没有名称含“情况说明”的工作表：可把说明全文粘贴到上面的文本框中核对');
      return;
    }
    const lines = sheet.rows
      .map((row) =>
        (row ?? [])
          .map((c) => cellText(c))
          .filter(Boolean)
          .join(' '),
      )
      .filter(Boolean);
    setToCheck(lines.join('\n'));
    await checkAgainstTables(lines.join('\n'));
  };

  return (
    <div className={s.root}>
      <div className={s.row}>
        <Button appearance="primary" onClick={generate} disabled={!!busy} data-testid="explain">
          生成说明
        </Button>
        <Button onClick={() => priorInput.current?.click()} data-testid="prior">
          上年工作簿（可选）
        </Button>
        <input ref={priorInput} type="file" accept=".xlsx" style={{ display: 'none' }} onChange={onPrior} data-testid="prior-input" />
        <Caption1>{prior ? `上年：${prior.name}` : '未提供上年数据时不写比上年增减'}</Caption1>
      </div>
      {priorDoubt && (
        <MessageBar intent="warning" data-testid="prior-doubt">
          <MessageBarBody>
            “{priorDoubt.name}”可能不是本单位上一年的预算：{priorDoubt.why.join('；')}。
            <div className={s.row}>
              <Button size="small" onClick={() => setPriorDoubt(undefined)} data-testid="prior-refuse">
                不用这个文件
              </Button>
              <Button size="small" onClick={() => usePrior(priorDoubt)} data-testid="prior-confirm">
                仍然作为上年使用
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {busy && <Spinner size="tiny" label={busy} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}

      {sections && (
        <>
          {pending.length > 0 && (
            <div data-testid="reasons">
              <Text weight="semibold">待填写的增减原因（{pending.filter((id) => !reasons[id]?.trim()).length} 处未填）</Text>
              {pending.map((id) => (
                <Field key={id} label={id}>
                  <Input value={reasons[id] ?? ''} onChange={(_, d) => setReason(id, d.value)} placeholder="填写后自动写入说明，重新生成时保留" />
                </Field>
              ))}
            </div>
          )}
          {sections.some((x) => x.todo?.length) && (
            <div data-testid="todo">
              <Text weight="semibold">需单位补充（文中以【】标出，点一项即在文中选中该处）</Text>
              <ul className={s.list}>
                {todoPlaces.map(({ todo, place }) => (
                  <li key={todo}>
                    <button className={s.link} onClick={() => place && selectPlace(place)} disabled={!place} data-testid="todo-item">
                      {todo}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <Field label={title}>
            <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" rows={16} data-testid="explain-text" textarea={{ ref: textRef }} />
          </Field>
          <div className={s.row}>
            <Button onClick={copy}>复制</Button>
            <Button onClick={insert} data-testid="insert-sheet">
              插入到新工作表“情况说明”
            </Button>
            <Button onClick={exportDocx}>导出 .docx</Button>
            <Button onClick={copyRich}>复制为带格式文本</Button>
          </div>
          {/* What the buttons did, right under them. */}
          {info && (
            <MessageBar intent="success" data-testid="explain-info">
              <MessageBarBody>{info}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
      <Field label="核对已有说明：把情况说明全文粘贴到这里（与当前工作簿中的各表对照）">
        <Textarea value={toCheck} onChange={(_, d) => setToCheck(d.value)} rows={5} data-testid="check-input" />
      </Field>
      <div className={s.row}>
        <Button onClick={() => void checkAgainstTables(toCheck)} disabled={!toCheck.trim()} data-testid="check-text">
          核对
        </Button>
        <Button onClick={checkSheet} data-testid="check-sheet">
          核对工作簿中的“情况说明”表
        </Button>
      </div>
      {checked && (
        <div data-testid="check-results">
          {checkedWith && (
            <Caption1 as="p" data-testid="checked-with">
              {checkedWith}
            </Caption1>
          )}
          {!checked.length && <Text>没有发现问题。</Text>}
          {checked.map((f, i) => (
            <div key={i} className={f.severity === 'error' ? s.finding : s.warn}>
              <Text weight="semibold">{f.severity === 'error' ? '错误' : '警告'}：</Text>
              {f.message}
              <br />
              <Caption1>原句：{f.sentence}</Caption1>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
