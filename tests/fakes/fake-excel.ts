/**
 * An in-memory fake of the part of the Excel JavaScript API the adapter uses, faithful where it matters for
 * batching: properties throw until they were loaded and a sync() happened, writes take effect only at sync(),
 * and every sync() is counted. Its real failure modes: a response over Excel on the web's 5 MB is refused
 * (RequestPayloadSizeLimitExceeded — the limit counts bytes: https://learn.microsoft.com/office/dev/add-ins/
 * concepts/resource-limits-and-performance-optimization), getMergedAreasOrNullObject over 512 areas fails the
 * request, and every proxy of a failed request is invalid afterwards (InvalidObjectPath when used again).
 */
import { a1, parseA1, parseRangeA1, type Workbook } from '../../src/core/grid';

interface FakeCell {
  value: unknown;
  formula?: string;
  numFmt?: string;
  fill: string | null;
}

export interface FakeSheet {
  /** Worksheet.id, the key of change events (stable across renames); defaults to a name-derived id. */
  id?: string;
  name: string;
  cells: Map<string, FakeCell>;
  merges: string[];
  protected: boolean;
}

export interface FakeBookData {
  sheets: FakeSheet[];
  settings: Map<string, string>;
  comments: { sheet: string; cell: string; content: string }[];
  /** Legacy notes (旧式批注): a threaded comment cannot be added on a cell that has one. */
  notes?: { sheet: string; cell: string }[];
  readOnly: boolean;
  active?: string;
  selected?: string;
}

export function fakeBookFrom(wb: Workbook): FakeBookData {
  return {
    sheets: wb.sheets.map((s) => {
      const cells = new Map<string, FakeCell>();
      s.rows.forEach((row, r) => row?.forEach((c, col) => c && cells.set(`${r},${col}`, { value: c.value, formula: c.formula, numFmt: c.numFmt, fill: null })));
      return { name: s.name, cells, merges: s.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`), protected: false };
    }),
    settings: new Map(),
    comments: [],
    readOnly: false,
  };
}

/** An error as Office.js raises it (OfficeExtension.Error has a `code`). */
export function officeError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

class Ctx {
  syncs = 0;
  /** Response bytes of each sync (JSON of the loaded properties). */
  bytes: number[] = [];
  ops: (() => void)[] = [];
  /** A load computes its values (and may fail), adds their size to `pending`, and returns how to apply them. */
  loads: (() => (() => void) | void)[] = [];
  owners: Proxyish[] = [];
  pending = 0;
  /** Raises a change event (set by fakeExcel). */
  changed?: (sheet: FakeSheet, address: string, changeType: string, trigger: string) => void;
  constructor(
    readonly book: FakeBookData,
    readonly payloadLimit = PAYLOAD_LIMIT,
  ) {}
  /** Inside Excel.run (or Excel.run(context, …)): a context syncs only there. */
  open = true;
  async sync() {
    if (!this.open) throw officeError('InvalidRequestContext', 'the context was used after its Excel.run ended; pass it to Excel.run(context, …)');
    this.syncs++;
    const loads = this.loads.splice(0);
    const owners = this.owners.splice(0);
    const ops = this.ops.splice(0);
    this.pending = 0;
    try {
      for (const op of ops) op();
      const commits: (() => void)[] = [];
      for (const l of loads) {
        const c = l();
        if (c) commits.push(c);
      }
      this.bytes.push(this.pending);
      if (this.pending > this.payloadLimit) throw officeError('RequestPayloadSizeLimitExceeded', `the response is ${this.pending} bytes`);
      for (const c of commits) c();
    } catch (e) {
      for (const o of owners) o.invalid = true;
      throw e;
    }
  }
}

/** Base: a property bag that throws on read before load + sync, like Office.js proxies. */
class Proxyish {
  protected snap: Record<string, unknown> = {};
  protected loadedProps = new Set<string>();
  /** Set when a request this proxy was part of failed: Office.js invalidates it. */
  invalid = false;
  constructor(protected ctx: Ctx) {}
  protected read<T>(prop: string): T {
    if (this.invalid) throw officeError('InvalidObjectPath', 'the object was part of a request that failed');
    if (!this.loadedProps.has(prop)) throw new Error(`PropertyNotLoaded: ${prop} (call load() and context.sync() first)`);
    return this.snap[prop] as T;
  }
  protected queueLoad(props: string[], fetch: () => Record<string, unknown>) {
    this.ctx.owners.push(this);
    this.ctx.loads.push(() => {
      if (this.invalid) throw officeError('InvalidObjectPath', 'the object was part of a request that failed');
      const all = fetch();
      const v: Record<string, unknown> = {};
      for (const p of props) v[p] = all[p];
      this.ctx.pending += Buffer.byteLength(JSON.stringify(v));
      return () => {
        for (const p of props) {
          this.snap[p] = v[p];
          this.loadedProps.add(p);
        }
      };
    });
  }
}

/** Worksheet.id as the fake gives it. */
export const sheetId = (s: FakeSheet) => s.id ?? `{${s.name}}`;

/** WorksheetCollection.getItem takes a name or an id (https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-getitem-member(1)). */
function sheetOf(ctx: Ctx, name: string): FakeSheet {
  const s = ctx.book.sheets.find((x) => x.name === name || sheetId(x) === name);
  if (!s) throw new Error(`ItemNotFound: worksheet ${name}`);
  return s;
}

class FakeFill extends Proxyish {
  constructor(
    ctx: Ctx,
    private sheet: string,
    private r: number,
    private c: number,
  ) {
    super(ctx);
  }
  private cell(): FakeCell {
    const s = sheetOf(this.ctx, this.sheet);
    const k = `${this.r},${this.c}`;
    if (!s.cells.has(k)) s.cells.set(k, { value: '', fill: null });
    return s.cells.get(k)!;
  }
  load(props: string) {
    const list = props.split(',');
    this.queueLoad(list, () => ({ color: this.cell().fill ?? '#FFFFFF', pattern: this.cell().fill ? 'Solid' : 'None' }));
  }
  get color() {
    return this.read<string>('color');
  }
  set color(v: string) {
    this.ctx.ops.push(() => {
      const s = sheetOf(this.ctx, this.sheet);
      if (s.protected) throw new Error('AccessDenied: sheet is protected');
      this.cell().fill = v;
    });
  }
  get pattern() {
    return this.read<string>('pattern');
  }
  clear() {
    this.ctx.ops.push(() => {
      this.cell().fill = null;
    });
  }
}

class FakeRange extends Proxyish {
  readonly format: { fill: FakeFill };
  constructor(
    ctx: Ctx,
    private sheet: string | null,
    private r0 = 0,
    private c0 = 0,
    private nr = 0,
    private nc = 0,
    private addressText = '',
  ) {
    super(ctx);
    this.format = { fill: new FakeFill(ctx, sheet ?? '', r0, c0) };
  }
  get isNullObject() {
    return this.sheet === null;
  }
  load(props: string) {
    const list = props.split(',').map((p) => p.trim());
    this.queueLoad(list, () => {
      const s = sheetOf(this.ctx, this.sheet!);
      const grid = (f: (c: FakeCell | undefined) => unknown) =>
        Array.from({ length: this.nr }, (_, i) => Array.from({ length: this.nc }, (_, j) => f(s.cells.get(`${this.r0 + i},${this.c0 + j}`))));
      return {
        rowIndex: this.r0,
        columnIndex: this.c0,
        rowCount: this.nr,
        columnCount: this.nc,
        address: this.addressText || `${s.name}!${a1(this.r0, this.c0)}`,
        values: grid((c) => (c && c.value !== null && c.value !== undefined ? c.value : '')),
        formulas: grid((c) => (c?.formula ? `=${c.formula}` : c && c.value !== null ? c.value : '')),
        numberFormat: grid((c) => c?.numFmt ?? 'General'),
      };
    });
  }
  get rowIndex() {
    return this.read<number>('rowIndex');
  }
  get columnIndex() {
    return this.read<number>('columnIndex');
  }
  get rowCount() {
    return this.read<number>('rowCount');
  }
  get columnCount() {
    return this.read<number>('columnCount');
  }
  get values() {
    return this.read<unknown[][]>('values');
  }
  get formulas() {
    return this.read<unknown[][]>('formulas');
  }
  get numberFormat() {
    return this.read<unknown[][]>('numberFormat');
  }
  get address() {
    return this.read<string>('address');
  }
  getMergedAreasOrNullObject() {
    const ctx = this.ctx;
    const sheet = this.sheet!;
    const areas = new Proxyish(ctx) as Proxyish & { items: { address: string }[]; isNullObject: boolean; load: (p: string) => void; areas: unknown };
    const merges = () => sheetOf(ctx, sheet).merges;
    Object.defineProperty(areas, 'isNullObject', { get: () => merges().length === 0 });
    Object.defineProperty(areas, 'areas', { get: () => ({ items: (areas as unknown as { read: (p: string) => unknown }).read('items') }) });
    areas.load = () =>
      (areas as unknown as { queueLoad: Proxyish['queueLoad'] }).queueLoad(['items'], () => {
        if (merges().length > 512) throw officeError('GeneralException', 'getMergedAreas: more than 512 merged areas');
        return { items: merges().map((m) => ({ address: `${sheet}!${m}` })) };
      });
    return areas;
  }
  /** The formula cells of this range as Excel gives them: one address list, areas joined by commas. */
  getSpecialCellsOrNullObject(type: string) {
    const ctx = this.ctx;
    const sheet = this.sheet!;
    if (type !== 'Formulas') throw new Error(`fake: special cells ${type}`);
    const runs = () => {
      const s = sheetOf(ctx, sheet);
      const cells = [...s.cells.entries()]
        .filter(([, c]) => c.formula)
        .map(([k]) => k.split(',').map(Number))
        .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const out: string[] = [];
      for (let i = 0; i < cells.length;) {
        let j = i;
        while (j + 1 < cells.length && cells[j + 1][0] === cells[i][0] && cells[j + 1][1] === cells[j][1] + 1) j++;
        out.push(`${sheet}!${a1(cells[i][0], cells[i][1])}${j > i ? `:${a1(cells[j][0], cells[j][1])}` : ''}`);
        i = j + 1;
      }
      return out;
    };
    const areas = new Proxyish(ctx) as Proxyish & { address: string; isNullObject: boolean; load: (p: string) => void };
    let none: boolean | undefined;
    Object.defineProperty(areas, 'isNullObject', {
      get: () => {
        if (none === undefined) throw new Error('PropertyNotLoaded: isNullObject');
        return none;
      },
    });
    Object.defineProperty(areas, 'address', { get: () => (areas as unknown as { read: (p: string) => string }).read('address') });
    areas.load = () =>
      (areas as unknown as { queueLoad: Proxyish['queueLoad'] }).queueLoad(['address'], () => {
        const r = runs();
        none = r.length === 0;
        return { address: r.join(',') };
      });
    return areas;
  }
  select() {
    this.ctx.ops.push(() => {
      this.ctx.book.selected = `${this.sheet}!${a1(this.r0, this.c0)}`;
    });
  }
  private write(f: (c: FakeCell, v: unknown) => void, grid: unknown[][]) {
    this.ctx.ops.push(() => {
      const s = sheetOf(this.ctx, this.sheet!);
      if (s.protected) throw new Error('AccessDenied: sheet is protected');
      grid.forEach((row, i) =>
        row.forEach((v, j) => {
          const k = `${this.r0 + i},${this.c0 + j}`;
          if (!s.cells.has(k)) s.cells.set(k, { value: '', fill: null });
          f(s.cells.get(k)!, v);
        }),
      );
    });
  }
  set values(v: unknown[][]) {
    this.write((c, x) => (c.value = x), v);
    // Office.js raises onChanged for a value an add-in writes too (triggerSource ThisLocalAddin, ExcelApi 1.14).
    this.ctx.ops.push(() =>
      this.ctx.changed?.(
        sheetOf(this.ctx, this.sheet!),
        `${a1(this.r0, this.c0)}${this.nr * this.nc > 1 ? `:${a1(this.r0 + this.nr - 1, this.c0 + this.nc - 1)}` : ''}`,
        'RangeEdited',
        'ThisLocalAddin',
      ),
    );
  }
  set formulas(v: unknown[][]) {
    this.write((c, x) => (c.formula = String(x).replace(/^=/, '')), v);
  }
  set numberFormat(v: unknown[][]) {
    this.write((c, x) => (c.numFmt = String(x)), v);
  }
  merge() {
    this.ctx.ops.push(() => void sheetOf(this.ctx, this.sheet!).merges.push(`${a1(this.r0, this.c0)}:${a1(this.r0 + this.nr - 1, this.c0 + this.nc - 1)}`));
  }
}

class FakeWorksheet extends Proxyish {
  readonly protection: { protected: boolean };
  constructor(
    ctx: Ctx,
    readonly sheetName: string,
  ) {
    super(ctx);
    const self = this;
    this.protection = {
      get protected() {
        return self.read<boolean>('protected');
      },
    } as { protected: boolean };
  }
  load(_props?: string) {
    this.ctx.owners.push(this);
    this.ctx.loads.push(() => {
      this.markLoaded();
    });
  }
  markLoaded() {
    const s = sheetOf(this.ctx, this.sheetName);
    this.snap = { name: s.name, protected: s.protected };
    this.loadedProps = new Set(['name', 'protected']);
  }
  get name() {
    return this.read<string>('name');
  }
  getUsedRangeOrNullObject() {
    const s = sheetOf(this.ctx, this.sheetName);
    let [r0, c0, r1, c1] = [Infinity, Infinity, -1, -1];
    for (const [k, c] of s.cells) {
      if (c.value === '' || c.value === null || c.value === undefined) continue;
      const [r, col] = k.split(',').map(Number);
      [r0, c0, r1, c1] = [Math.min(r0, r), Math.min(c0, col), Math.max(r1, r), Math.max(c1, col)];
    }
    if (r1 < 0) return new FakeRange(this.ctx, null);
    return new FakeRange(this.ctx, s.name, r0, c0, r1 - r0 + 1, c1 - c0 + 1);
  }
  getRange(address?: string) {
    if (!address) return new FakeRange(this.ctx, this.sheetName, 0, 0, 1, 1);
    const cols = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/.exec(address);
    if (cols) {
      // Whole columns ("A:A"), as Office.js accepts them.
      const left = parseA1(`${cols[1]}1`).col;
      const right = parseA1(`${cols[2]}1`).col;
      return new FakeRange(this.ctx, this.sheetName, 0, left, 1048576, right - left + 1);
    }
    const r = parseRangeA1(address);
    return new FakeRange(this.ctx, this.sheetName, r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
  }
  getRangeByIndexes(r: number, c: number, nr: number, nc: number) {
    return new FakeRange(this.ctx, this.sheetName, r, c, nr, nc);
  }
  activate() {
    this.ctx.ops.push(() => {
      this.ctx.book.active = this.sheetName;
    });
  }
}

class FakeComment extends Proxyish {
  constructor(
    ctx: Ctx,
    private entry: { sheet: string; cell: string; content: string },
  ) {
    super(ctx);
    this.snap.content = entry.content;
    this.loadedProps.add('content');
  }
  get content() {
    return this.read<string>('content');
  }
  set content(v: string) {
    this.ctx.ops.push(() => {
      this.entry.content = v;
    });
  }
  delete() {
    this.ctx.ops.push(() => {
      const list = this.ctx.book.comments;
      const i = list.indexOf(this.entry);
      if (i >= 0) list.splice(i, 1);
    });
  }
  getLocation() {
    const { row, col } = parseA1(this.entry.cell);
    const sheet = this.entry.sheet;
    return new FakeRange(this.ctx, sheet, row, col, 1, 1, `'${sheet.replace(/'/g, "''")}'!${this.entry.cell}`);
  }
}

function parseCommentAddress(addr: string): { sheet: string; cell: string } {
  const bang = addr.lastIndexOf('!');
  return {
    sheet: addr
      .slice(0, bang)
      .replace(/^'(.*)'$/, '$1')
      .replace(/''/g, "'"),
    cell: addr.slice(bang + 1),
  };
}

type Handler = (args: Record<string, unknown>) => Promise<unknown>;

export function fakeExcel(book: FakeBookData, supported = new Set(['1.4', '1.7', '1.8', '1.9', '1.10', '1.13']), payloadLimit = PAYLOAD_LIMIT) {
  const contexts: Ctx[] = [];
  const contextOf = new WeakMap<Excel.RequestContext, Ctx>();
  /** Registered event handlers by event; they stay registered until removed and the removal synced. */
  const handlers: Record<string, Set<Handler>> = { onChanged: new Set(), onAdded: new Set(), onDeleted: new Set(), onNameChanged: new Set() };
  /** Events are delivered after the change, asynchronously, to every handler registered at that time. */
  const raise = (event: string, args: Record<string, unknown>) => {
    for (const h of [...handlers[event]]) void Promise.resolve().then(() => h(args));
  };
  const changed = (sheet: FakeSheet, address: string, changeType: string, triggerSource: string) =>
    raise('onChanged', { type: 'WorksheetChanged', worksheetId: sheetId(sheet), address, changeType, source: 'Local', triggerSource });
  const events = (ctx: Ctx) =>
    Object.fromEntries(
      Object.keys(handlers).map((event) => [
        event,
        {
          add(h: Handler) {
            if (event === 'onNameChanged' && !supported.has('1.17')) throw officeError('ApiNotFound', 'onNameChanged needs ExcelApi 1.17');
            let added = false;
            ctx.ops.push(() => {
              handlers[event].add(h);
              added = true;
            });
            return {
              context: ctx,
              remove() {
                ctx.ops.push(() => {
                  if (!added) throw officeError('InvalidOperation', 'the handler was not registered');
                  handlers[event].delete(h);
                });
              },
            };
          },
        },
      ]),
    );
  const run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new Ctx(book, payloadLimit);
    ctx.changed = changed;
    contexts.push(ctx);
    const sheetsObj: Record<string, unknown> & { _items: FakeWorksheet[] | undefined; items: FakeWorksheet[] } = {
      _items: undefined as FakeWorksheet[] | undefined,
      load() {
        ctx.loads.push(() => {
          sheetsObj._items = book.sheets.map((s) => {
            const w = new FakeWorksheet(ctx, s.name);
            w.markLoaded();
            return w;
          });
        });
      },
      get items(): FakeWorksheet[] {
        if (!sheetsObj._items) throw new Error('PropertyNotLoaded: items');
        return sheetsObj._items;
      },
      getItem: (name: string) => new FakeWorksheet(ctx, name),
      ...events(ctx),
      add: (name: string) => {
        ctx.ops.push(() => {
          if (book.sheets.some((x) => x.name === name)) throw new Error(`ItemAlreadyExists: ${name}`);
          book.sheets.push({ name, cells: new Map(), merges: [], protected: false });
        });
        return new FakeWorksheet(ctx, name);
      },
    };
    const commentsObj = {
      _items: undefined as FakeComment[] | undefined,
      load() {
        ctx.loads.push(() => {
          commentsObj._items = book.comments.map((c) => new FakeComment(ctx, c));
        });
      },
      get items() {
        if (!commentsObj._items) throw new Error('PropertyNotLoaded: comments.items');
        return commentsObj._items;
      },
      /** No comment on the cell fails the request at sync (ItemNotFound), as Office.js does. */
      getItemByCell(addr: string) {
        const { sheet, cell } = parseCommentAddress(addr);
        const find = () => {
          const e = book.comments.find((c) => c.sheet === sheet && c.cell === cell);
          if (!e) throw officeError('ItemNotFound', `no comment at ${addr}`);
          return e;
        };
        return {
          set content(v: string) {
            ctx.ops.push(() => void (find().content = v));
          },
          delete() {
            ctx.ops.push(() => {
              const e = find();
              book.comments.splice(book.comments.indexOf(e), 1);
            });
          },
        };
      },
      add(addr: string, content: string) {
        ctx.ops.push(() => {
          const { sheet, cell } = parseCommentAddress(addr);
          if (book.comments.some((c) => c.sheet === sheet && c.cell === cell)) throw new Error(`InvalidArgument: ${addr} already has a comment`);
          if (book.notes?.some((n) => n.sheet === sheet && n.cell === cell))
            throw officeError('InvalidOperation', `${addr} has a note; a comment cannot be added`);
          book.comments.push({ sheet, cell, content });
        });
      },
    };
    const workbook = {
      worksheets: sheetsObj,
      comments: commentsObj,
      _readOnly: undefined as boolean | undefined,
      load() {
        ctx.loads.push(() => {
          workbook._readOnly = book.readOnly;
        });
      },
      get readOnly() {
        if (workbook._readOnly === undefined) throw new Error('PropertyNotLoaded: readOnly');
        return workbook._readOnly;
      },
      settings: {
        add: (k: string, v: string) => ctx.ops.push(() => void book.settings.set(k, v)),
        getItemOrNullObject: (k: string) => {
          const item = new Proxyish(ctx) as Proxyish & { value: string; isNullObject: boolean; load: () => void; delete: () => void };
          let exists: boolean | undefined;
          Object.defineProperty(item, 'isNullObject', {
            get: () => {
              if (exists === undefined) throw new Error('PropertyNotLoaded: isNullObject');
              return !exists;
            },
          });
          Object.defineProperty(item, 'value', { get: () => (item as unknown as { read: (p: string) => string }).read('value') });
          item.load = () =>
            (item as unknown as { queueLoad: Proxyish['queueLoad'] }).queueLoad(['value'], () => {
              exists = book.settings.has(k);
              return { value: book.settings.get(k) };
            });
          item.delete = () => ctx.ops.push(() => void book.settings.delete(k));
          return item;
        },
      },
    };
    const rc = { workbook, sync: () => ctx.sync() } as unknown as Excel.RequestContext;
    contextOf.set(rc, ctx);
    return runIn(rc, batch);
  };
  /** Excel.run(context, batch): the batch runs in that context (new or earlier), open for its duration only. */
  const runIn = async <T>(rc: Excel.RequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = contextOf.get(rc)!;
    ctx.open = true;
    try {
      return await batch(rc);
    } finally {
      ctx.open = false;
    }
  };
  return {
    run,
    runIn,
    supports: (set: string, version: string) => set === 'ExcelApi' && supported.has(version),
    /** Syncs used by each Excel.run batch so far. */
    syncs: () => contexts.map((c) => c.syncs),
    /** Response bytes of every sync of each batch. */
    bytes: () => contexts.map((c) => c.bytes),
    reset: () => void (contexts.length = 0),
    /** Handlers registered now, by event. */
    listening: () => Object.fromEntries(Object.entries(handlers).map(([k, v]) => [k, v.size])),
    /** The user types into cells (one event for the block, as a paste or Ctrl+Enter gives). */
    userEdit(sheetName: string, address: string, values: unknown[][], numFmt?: string) {
      const s = book.sheets.find((x) => x.name === sheetName)!;
      const r = parseRangeA1(address);
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          const k = `${r.top + i},${r.left + j}`;
          const c = s.cells.get(k) ?? { value: '', fill: null };
          c.value = v;
          c.formula = undefined;
          if (numFmt) c.numFmt = numFmt;
          s.cells.set(k, c);
        }),
      );
      changed(s, address, 'RangeEdited', 'Unknown');
    },
    /** The user inserts a row above `row` (0-based): cells move down, one RowInserted event. */
    userInsertRow(sheetName: string, row: number) {
      const s = book.sheets.find((x) => x.name === sheetName)!;
      const moved = new Map<string, FakeCell>();
      for (const [k, c] of s.cells) {
        const [r, col] = k.split(',').map(Number);
        moved.set(`${r >= row ? r + 1 : r},${col}`, c);
      }
      s.cells = moved;
      changed(s, `${row + 1}:${row + 1}`, 'RowInserted', 'Unknown');
    },
  };
}
