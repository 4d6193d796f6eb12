/**
 * The pane's session: one store for what the tabs share about the open workbook — the results of 校验 and the
 * detection behind them, the user's corrections of that detection (生成说明 reads the tables through them too),
 * live checking, the marks in the workbook, the one-click fixes, whether the results still belong to the open
 * workbook, and what the pane is busy with. The tabs are views: they read a snapshot through useSession and call
 * its actions; every change of the workbook or of the results goes through here.
 */
import * as React from 'react';
import { detectWorkbook, type MappingOverride } from '../core/detect';
import { type Cell, parseA1, parseRangeA1, type Workbook } from '../core/grid';
import { LiveValidation } from '../core/live';
import type { SchemaId } from '../core/schemas';
import { companions, type Suspect } from '../core/suspects';
import type { ValidationReport } from '../core/validate';
import type { InteractiveHost, LiveChange } from '../hosts/host';

export type Phase = { kind: 'idle' } | { kind: 'busy'; message: string } | { kind: 'done' };

/** A one-click fix: what each cell held before (to undo it) and what it shows now. */
export interface Fix {
  cells: { sheet: string; cell: string; before: Cell | undefined; after: string; shown: string }[];
}

export interface SessionState {
  /** Nothing checked yet, busy (with the progress message), or results shown. */
  phase: Phase;
  /** The last failure, in Chinese. */
  error?: string;
  /** What the last action could not do (a protected sheet, a refused note…), or what it did (marks cleared). */
  notices: string[];
  /** The results of the last 校验, kept up to date by live checking. */
  report?: ValidationReport;
  /** The workbook the results belong to (the host's id; undefined where the pane belongs to one document). */
  shownFor?: string;
  /** Another workbook is open now: the results are not shown as current. */
  stale: boolean;
  /** The user's corrections of the detected mapping, for the workbook the results belong to. */
  corrections: MappingOverride[];
  /** Whether results are marked in the workbook (the user's choice; paused by 清除标记 during live checking). */
  marking: boolean;
  /** Cells marked now, where known (the host counts them, or the pane marked or cleared them). */
  marked?: number;
  /** Live checking on: edits update the results. */
  live: boolean;
  /** Why live checking read the whole workbook again, or why it is off. */
  liveNote?: string;
  /** One-click fixes, newest last, each reversible from the pane. */
  fixes: Fix[];
}

/** 'not a table', as the table-type picker says it. */
export const NOT_A_TABLE = '__none__';

/**
 * How often the open workbook is compared with the one the results belong to, for a host that can tell which
 * workbook is open but not when that changes. WPS: its ApiEvent list has WorkbookActivate, but closing the last
 * workbook, or saving one under another name, activates none; reading the active workbook's name now and then
 * sees every case.
 */
export const WORKBOOK_POLL_MS = 1000;

const message = (e: unknown) => (e as Error).message;
const cellPos = (c: { sheet: string; cell: string }) => {
  const { row, col } = parseA1(c.cell);
  return { sheet: c.sheet, row, col };
};

export class PaneSession {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  /** The workbook as last read (a table-type correction checks it again without reading it). */
  private workbook?: Workbook;
  /** The checks of the last 校验, kept so that an edit re-runs only the checks of the cells it changed. */
  private checker?: LiveValidation;
  /** Live updates run one after another (an edit during a mark update waits for it). */
  private queue: Promise<void> = Promise.resolve();
  /** Set once the user turns live checking off or on: it is then not turned on again by itself. */
  private liveChosen = false;
  /** Set when 清除标记 turned marking off during live checking: the next 校验 turns it on again. */
  private markPaused = false;
  /** Set by 校验 until the view has moved the focus to the results' summary. */
  private focusPending = false;
  /** Watching the host's edits while live checking runs; `stop` is there once the host has started. */
  private watching?: { stop?: () => Promise<void>; cancelled: boolean };
  private stopWorkbookWatch?: () => void;

  constructor(readonly host: InteractiveHost) {
    this.state = { phase: { kind: 'idle' }, notices: [], stale: false, corrections: [], marking: true, marked: host.markCount?.(), live: false, fixes: [] };
  }

  // --- the external store React reads (useSyncExternalStore) ---

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.watchWorkbook();
    return () => {
      this.listeners.delete(listener);
      if (!this.listeners.size) {
        this.stopWorkbookWatch?.();
        this.stopWorkbookWatch = undefined;
      }
    };
  };

  readonly getSnapshot = (): SessionState => this.state;

  private set(patch: Partial<SessionState>) {
    this.state = { ...this.state, ...patch };
    this.followLive();
    for (const l of this.listeners) l();
  }

  // --- what other tabs read ---

  /** The corrections made in 校验 on this workbook; none for another one (they would hide its tables). */
  correctionsFor(workbookId: string | undefined): MappingOverride[] {
    return workbookId === this.state.shownFor ? this.state.corrections : [];
  }

  /** The workbook's tables as 校验 shows them: detected with the corrections the user made there on this workbook. */
  detect(wb: Workbook) {
    const corrected = this.correctionsFor(this.host.workbookId?.());
    return { det: detectWorkbook(wb, corrected), corrected };
  }

  /** True once after each 校验: the view then moves the focus to the results' summary. */
  takeResultsFocus(): boolean {
    const pending = this.focusPending;
    this.focusPending = false;
    return pending;
  }

  // --- actions ---

  /** 校验: reads the workbook, maps the tables, runs the rules, shows and marks the results. */
  readonly validate = async (): Promise<void> => {
    // Marks cleared during live checking stop marking until the next 校验: this one marks again.
    const resumeMarking = this.markPaused;
    this.markPaused = false;
    this.set({ error: undefined, notices: [], ...(resumeMarking ? { marking: true } : {}) });
    try {
      this.set({ phase: { kind: 'busy', message: '正在读取工作簿…' } });
      const id = this.host.workbookId?.();
      // Corrections belong to the workbook they were made on.
      if (id !== this.state.shownFor && this.state.corrections.length) this.set({ corrections: [] });
      const corrections = this.state.corrections;
      this.workbook = await this.host.readWorkbook((p) => this.set({ phase: { kind: 'busy', message: p.message } }));
      this.focusPending = true;
      await this.show(this.workbook, corrections, { shownFor: id, stale: false });
    } catch (e) {
      this.set({ error: message(e), phase: { kind: 'idle' } });
    }
  };

  /** The user says which standard table a region is (or that it is none): checked again with that correction. */
  readonly remap = async (sheet: string, range: string, schema: string): Promise<void> => {
    const titleRow = parseRangeA1(range).top;
    const corrections = [
      ...this.state.corrections.filter((o) => !(o.sheet === sheet && o.titleRow === titleRow)),
      { sheet, titleRow, schema: schema === NOT_A_TABLE ? null : (schema as SchemaId) },
    ];
    this.set({ corrections });
    if (this.workbook)
      try {
        await this.show(this.workbook, corrections);
      } catch (e) {
        this.set({ error: message(e) });
      }
  };

  /** 清除标记: every marked cell gets its own format back. */
  readonly clearMarks = async (): Promise<void> => {
    this.set({ error: undefined });
    try {
      const n = await this.host.clearMarks();
      const { live, marking } = this.state;
      // Live checking would otherwise mark again only the cells that change next: marking stops until asked for.
      if (marking && live) this.markPaused = true;
      this.set({
        marked: 0,
        ...(marking && live ? { marking: false } : {}),
        notices: [`已清除 ${n} 个标记，单元格已恢复原来的格式。${live ? '实时校验不再标记单元格，直到再点“校验”或勾选“在工作表中标记”。' : ''}`],
      });
    } catch (e) {
      this.set({ error: message(e) });
    }
  };

  /** The 在工作表中标记 checkbox; turned on with results shown, it marks the workbook as the results are now. */
  readonly setMarking = (on: boolean): void => {
    this.set({ marking: on });
    const checker = this.checker;
    if (!on || !checker || this.state.stale) return;
    this.host.applyMarks(checker.currentMarks).then(
      (r) => this.set({ notices: r.skipped.map((k) => k.reason), marked: this.host.markCount ? this.host.markCount() : this.checker?.currentMarks.length }),
      (e) => this.set({ error: message(e) }),
    );
  };

  /** The 实时校验 switch. */
  readonly setLive = (on: boolean): void => {
    this.liveChosen = true;
    this.set({ live: on });
    if (on && !this.state.stale) this.resume();
  };

  /** Selects a finding's cell in the workbook. */
  readonly select = (f: { sheet: string; cell: string }): void => {
    this.host.selectCell(f.sheet, f.cell).catch((e) => this.set({ error: message(e) }));
  };

  /** A one-click fix: writes the suggested value(s) the user clicked, keeps what was there to undo it. */
  readonly fix = async (x: Suspect): Promise<void> => {
    if (!this.host.writeCell) return;
    this.set({ error: undefined });
    try {
      const cells = [
        { sheet: x.sheet, cell: x.cell, value: x.suggested, was: x.current },
        ...companions(x).map((c) => ({ sheet: c.sheet, cell: c.cell, value: c.suggested, was: c.current })),
      ];
      const done: Fix['cells'] = [];
      for (const c of cells)
        done.push({ sheet: c.sheet, cell: c.cell, before: await this.host.writeCell(c.sheet, c.cell, Number(c.value)), after: c.value, shown: c.was });
      this.set({ fixes: [...this.state.fixes, { cells: done }] });
      // Without live checking, the pane brings the results up to date itself.
      if (!this.state.live)
        this.onLiveChange({
          kind: 'edits',
          edits: done.map((d) => ({ ...cellPos(d), cell: { ...(d.before?.numFmt ? { numFmt: d.before.numFmt } : {}), value: Number(d.after) } })),
        });
    } catch (e) {
      this.set({ error: message(e) });
    }
  };

  /** 撤销 of a one-click fix: each cell gets what it held before. */
  readonly undo = async (f: Fix): Promise<void> => {
    if (!this.host.writeCell) return;
    try {
      for (const c of [...f.cells].reverse()) await this.host.writeCell(c.sheet, c.cell, c.before ? c.before.value : null);
      this.set({ fixes: this.state.fixes.filter((x) => x !== f) });
      if (!this.state.live) this.onLiveChange({ kind: 'edits', edits: f.cells.map((d) => ({ ...cellPos(d), cell: d.before })) });
    } catch (e) {
      this.set({ error: message(e) });
    }
  };

  // --- inside ---

  /** Cells marked now, where known: the host's count, else the marks of the results while marking is on. */
  private markedNow(): number | undefined {
    if (this.host.markCount) return this.host.markCount();
    return this.checker && this.state.marking ? this.checker.currentMarks.length : undefined;
  }

  /** Checks the workbook (with these corrections), marks it, and shows the results with `then` in one change. */
  private async show(wb: Workbook, corrections: MappingOverride[], then: Partial<SessionState> = {}): Promise<void> {
    this.set({ phase: { kind: 'busy', message: '正在识别表格并核对勾稽关系…' } });
    await new Promise((r) => setTimeout(r, 0)); // let the progress message paint
    const checker = new LiveValidation(wb, corrections);
    this.checker = checker;
    const notices: string[] = [];
    this.set({ report: checker.report, liveNote: undefined });
    if (this.state.marking) {
      this.set({ phase: { kind: 'busy', message: '正在工作表中标记…' } });
      const res = await this.host.applyMarks(checker.currentMarks);
      for (const k of res.skipped) notices.push(k.reason);
    }
    // Live checking is on by default once a workbook has been validated (where the host can watch edits), but not
    // for a workbook too large to keep its checks.
    const live = checker.tooLarge
      ? { live: false, liveNote: `工作簿很大（${checker.report.counts.checks} 项核对），实时校验未开启：改动后请点“校验”` }
      : this.host.watchChanges && !this.liveChosen
        ? { live: true }
        : {};
    this.set({ corrections, marked: this.markedNow(), notices, phase: { kind: 'done' }, ...live, ...then });
  }

  /** An edit (or a change of rows and sheets) while live checking: the results and marks follow it. */
  private onLiveChange(c: LiveChange) {
    this.queue = this.queue
      .then(async () => {
        const checker = this.checker;
        if (!checker) return;
        if (c.kind === 'structure') {
          // Rows or sheets moved: read the workbook again and mark it in full.
          this.workbook = await this.host.readWorkbook();
          const fresh = new LiveValidation(this.workbook, this.state.corrections);
          this.checker = fresh;
          this.set({ report: fresh.report, liveNote: c.why });
          if (this.state.marking) await this.host.applyMarks(fresh.currentMarks);
          this.set({ marked: this.markedNow() });
          return;
        }
        const u = checker.apply(c.edits);
        this.set({ report: u.report, liveNote: u.mode === 'full' ? u.why : undefined });
        const { set, clear } = u.marks;
        if (!this.state.marking || (!set.length && !clear.length)) return;
        if (this.host.updateMarks) await this.host.updateMarks(set, clear);
        else await this.host.applyMarks(checker.currentMarks);
        this.set({ marked: this.markedNow() });
      })
      .catch((e) => this.set({ error: `实时校验出错：${message(e)}（可再点“校验”）` }));
  }

  /**
   * Live checking turned on again: the edits made while it was off were not watched, so the workbook is read again
   * and checked in full before any new edit (queued like an edit) — the pane never shows the report of before.
   */
  private resume() {
    this.queue = this.queue
      .then(async () => {
        const checker = this.checker;
        if (!checker) return;
        // Busy: the results of before the pause are not shown (nor green) while the workbook is read again.
        this.set({ phase: { kind: 'busy', message: '正在重新读取暂停期间的改动…' } });
        let u;
        try {
          this.workbook = await this.host.readWorkbook();
          u = checker.resume(this.workbook);
          this.set({ report: u.report, liveNote: u.why });
        } finally {
          this.set({ phase: { kind: 'done' } });
        }
        if (!this.state.marking) return;
        if (this.host.updateMarks) await this.host.updateMarks(u.marks.set, u.marks.clear);
        else await this.host.applyMarks(checker.currentMarks);
        this.set({ marked: this.markedNow() });
      })
      .catch((e) => this.set({ error: `实时校验出错：${message(e)}（可再点“校验”）` }));
  }

  /** Watches the host's edits exactly while live checking is on, results are shown, and they are current. */
  private followLive() {
    const { live, report, stale } = this.state;
    const want = live && !!this.host.watchChanges && !!report && !stale;
    if (want && !this.watching) {
      const w: { stop?: () => Promise<void>; cancelled: boolean } = { cancelled: false };
      this.watching = w;
      this.host.watchChanges!((c) => this.onLiveChange(c)).then(
        (stop) => (w.cancelled ? void stop() : (w.stop = stop)),
        (e) => {
          if (this.watching === w) this.watching = undefined;
          this.set({ error: message(e), live: false });
        },
      );
    } else if (!want && this.watching) {
      const w = this.watching;
      this.watching = undefined;
      w.cancelled = true;
      void w.stop?.();
    }
  }

  /** Results shown for one workbook become stale when another is open (WPS, the preview; Excel's pane has one). */
  private watchWorkbook() {
    const host = this.host;
    if (!host.workbookId) return;
    const check = () => {
      const { shownFor, stale, corrections } = this.state;
      // A correction of the old file's mapping must not hide a table of this one.
      if (shownFor !== undefined && host.workbookId!() !== shownFor && (!stale || corrections.length)) this.set({ stale: true, corrections: [] });
    };
    if (host.watchWorkbook) this.stopWorkbookWatch = host.watchWorkbook(check);
    else {
      const timer = setInterval(check, WORKBOOK_POLL_MS);
      this.stopWorkbookWatch = () => clearInterval(timer);
    }
  }
}

/** The session's state in a component, re-rendered when it changes. */
export function useSession(session: PaneSession): SessionState {
  return React.useSyncExternalStore(session.subscribe, session.getSnapshot);
}
