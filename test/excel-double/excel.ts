/**
 * An in-memory double of the Excel JavaScript API subset KAP uses, shaped like
 * @types/office-js (pass `double.context as unknown as Excel.RequestContext`, or install
 * `double.Excel` as the global `Excel`). It enforces the rules that bite in real Excel:
 * - commands are queued and only run at `context.sync()`; a property that was not loaded
 *   and synced throws PropertyNotLoaded when read (a property you set reads back locally);
 * - a batch is not a transaction: commands before a failing one stay applied;
 * - a request larger than 5 MB (JSON of the queued commands), or a response larger than
 *   5 MB, throws RequestPayloadSizeLimitExceeded (Excel on the web);
 * - `range.values` parses strings like typed input (see ./model.ts enterValue);
 * - a values/formulas/numberFormat array whose shape differs from the range throws;
 * - sheet and table names are validated.
 * It counts syncs and records each request's size in `double.stats`, can inject a
 * failure into any command (`double.failWhen`), and can be slow (`double.syncDelayMs`: each
 * round trip takes that long, so a test can press Cancel while an action runs).
 */
import { parseRange, parseCell, type RangePos } from "../../src/sheets/spec";
import {
  DoubleError,
  WorkbookModel,
  SheetModel,
  enterValue,
  a1,
  within,
  newId,
  PAYLOAD_LIMIT,
  utf8Bytes,
  asFunctionArg,
  nameValue,
  excelDate,
  type CellModel,
  type TableModel,
  type DataValidationModel,
  type ChartModel,
  type ChartSeriesModel,
  type ChartAxisModel,
  type Scalar,
  type HostMode,
  type NameModel,
} from "./model";

export {
  DoubleError,
  WorkbookModel,
  SheetModel,
  NOT_CALCULATED,
  asFunctionArg,
  type HostMode,
} from "./model";

export interface OpDesc {
  op: string;
  [k: string]: unknown;
}
interface Op {
  desc: OpDesc;
  apply: () => void;
}

export interface DoubleStats {
  syncs: number;
  /** Range loads that included `values` (reads of cell data). */
  valueReads: number;
  requestBytes: number[];
  responseBytes: number[];
  /** every command run, when `recordOps` is set on the double (tests that count calls) */
  ops?: OpDesc[];
}

type LoadArg = string | string[] | { select?: string | string[] } | undefined;

function propList(arg: LoadArg, all: readonly string[]): string[] {
  let raw: string[];
  if (arg === undefined) raw = [...all];
  else if (typeof arg === "string") raw = arg.split(",");
  else if (Array.isArray(arg)) raw = arg;
  else
    raw =
      arg.select === undefined
        ? [...all]
        : typeof arg.select === "string"
          ? arg.select.split(",")
          : arg.select;
  return raw.map((p) => p.trim().replace(/^items\//, "")).filter((p) => p !== "" && p !== "items");
}

// ====================================================================== context

export class DoubleContext {
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  private queue: Op[] = [];
  private responses: { data: unknown; commit: () => void }[] = [];
  syncCount = 0;
  constructor(readonly excel: ExcelDouble) {
    this.workbook = new WorkbookProxy(this);
    this.application = new ApplicationProxy(this);
  }

  _queue(desc: OpDesc, apply: () => void): void {
    this.queue.push({ desc, apply });
  }

  _respond(data: unknown, commit: () => void): void {
    this.responses.push({ data, commit });
  }

  get pendingOps(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.responses = [];
    this.syncCount++;
    const stats = this.excel.stats;
    stats.syncs++;
    stats.valueReads += ops.filter(
      (o) =>
        o.desc.op === "load" &&
        /RangeProxy$/.test(String(o.desc.on)) /* esbuild may name it _RangeProxy */ &&
        (o.desc.props as string[]).includes("values")
    ).length;
    const size = utf8Bytes(JSON.stringify(ops.map((o) => o.desc)));
    stats.requestBytes.push(size);
    // a slow Excel: the request is on its way; nothing is applied until it arrives
    const delay = this.excel.syncDelayMs;
    if (delay) await new Promise((r) => setTimeout(r, delay));
    await Promise.resolve();
    const limit = this.excel.payloadLimit ?? PAYLOAD_LIMIT[this.excel.mode];
    if (size > limit)
      throw new DoubleError(
        "RequestPayloadSizeLimitExceeded",
        `Request of ${size} bytes is over the ${limit} byte limit`
      );
    const suspended = ops.some((o) => o.desc.op === "suspendApiCalculationUntilNextSync");
    if (suspended) this.excel.model.calculationSuspendedSyncs++;
    if (stats.ops) for (const op of ops) stats.ops.push(op.desc);
    for (const op of ops) {
      if (this.excel.failWhen?.(op.desc)) {
        this.excel.failWhen = undefined;
        throw new DoubleError("GeneralException", `Injected failure at ${op.desc.op}`);
      }
      op.apply();
    }
    const rsize = utf8Bytes(JSON.stringify(this.responses.map((r) => r.data)));
    stats.responseBytes.push(rsize);
    if (rsize > limit)
      throw new DoubleError(
        "RequestPayloadSizeLimitExceeded",
        `Response of ${rsize} bytes is over the ${limit} byte limit`
      );
    for (const r of this.responses) r.commit();
    this.responses = [];
  }

  trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
}

// ====================================================================== base proxy

abstract class ClientObject<M> {
  protected _loaded: Record<string, unknown> = {};
  private _bound: { m: M | null } | undefined;
  constructor(
    protected readonly context: DoubleContext,
    private readonly resolver: (() => M | null) | undefined,
    protected readonly orNull = false,
    getOp?: OpDesc
  ) {
    if (getOp) context._queue(getOp, () => void this._bind());
  }

  protected abstract readonly scalars: readonly string[];
  protected abstract _get(m: M, prop: string): unknown;

  _setBound(m: M | null): void {
    this._bound = { m };
    this._loaded.isNullObject = m === null;
  }

  /** Collections are live views: they resolve again at every command. */
  protected readonly live: boolean = false;

  _bind(): M | null {
    if (!this._bound || (this.live && this.resolver)) {
      const m = this.resolver ? this.resolver() : null;
      if (m === null && !this.orNull)
        throw new DoubleError("ItemNotFound", `${this.constructor.name} not found`);
      this._setBound(m);
    }
    return this._bound!.m;
  }

  /** The model object, throwing like Excel when it is a null object. */
  _m(): M {
    const m = this._bind();
    if (m === null)
      throw new DoubleError("InvalidObjectPath", `${this.constructor.name} is a null object`);
    return m;
  }

  get isNullObject(): boolean {
    return this._read("isNullObject") as boolean;
  }

  protected _read(prop: string): unknown {
    if (!(prop in this._loaded)) {
      throw new DoubleError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
    }
    return this._loaded[prop];
  }

  protected _write(prop: string, value: unknown, apply: (m: M) => void): void {
    this._loaded[prop] = value;
    this.context._queue({ op: "set", on: this.constructor.name, prop, value }, () => {
      const m = this._bind();
      if (m !== null) apply(m);
    });
  }

  protected _call(method: string, args: unknown[], apply: (m: M) => void): void {
    this.context._queue({ op: method, on: this.constructor.name, args }, () => {
      const m = this._bind();
      if (m !== null) apply(m);
    });
  }

  load(arg?: LoadArg): this {
    const props = propList(arg, this.scalars);
    this.context._queue({ op: "load", on: this.constructor.name, props }, () => {
      const m = this._bind();
      const data: Record<string, unknown> = {};
      if (m !== null) for (const p of props) data[p] = this._get(m, p);
      this.context._respond(data, () => Object.assign(this._loaded, data));
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return { ...this._loaded };
  }
}

abstract class Collection<M, P extends ClientObject<M> & Snapshottable> extends ClientObject<M[]> {
  protected override readonly live = true;
  protected readonly scalars: readonly string[] = [];
  protected abstract readonly itemScalars: readonly string[];
  protected abstract wrap(m: M): P;
  protected _get(): unknown {
    return undefined;
  }

  get items(): P[] {
    return this._read("items") as P[];
  }

  override load(arg?: LoadArg): this {
    const props = propList(arg, this.itemScalars);
    this.context._queue({ op: "load", on: this.constructor.name, props }, () => {
      const list = this._m();
      const proxies = list.map((m) => this.wrap(m));
      const data = proxies.map((p) => p._snapshot(props));
      this.context._respond(data, () => {
        proxies.forEach((p, i) => p._fill(data[i]));
        this._loaded.items = proxies;
      });
    });
    return this;
  }

  getCount(): { value: number } {
    const result = { value: -1 };
    this.context._queue({ op: "getCount", on: this.constructor.name }, () => {
      const n = this._m().length;
      this.context._respond(n, () => (result.value = n));
    });
    return result;
  }
}

// Item proxies expose snapshot/fill for collection loads.
interface Snapshottable {
  _snapshot(props: string[]): Record<string, unknown>;
  _fill(data: Record<string, unknown>): void;
}

abstract class Item<M> extends ClientObject<M> implements Snapshottable {
  _snapshot(props: string[]): Record<string, unknown> {
    const m = this._m();
    const d: Record<string, unknown> = {};
    for (const p of props) d[p] = this._get(m, p);
    return d;
  }
  _fill(data: Record<string, unknown>): void {
    Object.assign(this._loaded, data);
  }
}

// ====================================================================== application & workbook

export class ApplicationProxy extends ClientObject<WorkbookModel> {
  protected readonly scalars = [
    "calculationMode",
    "decimalSeparator",
    "thousandsSeparator",
    "useSystemSeparators",
  ] as const;
  readonly cultureInfo: CultureInfoProxy;
  constructor(ctx: DoubleContext) {
    super(ctx, () => ctx.excel.model);
    this.cultureInfo = new CultureInfoProxy(ctx, () => ctx.excel.model);
  }
  protected _get(m: WorkbookModel, p: string): unknown {
    // Excel's own separators (model.ts excelSeparators) when set, else the system's (the culture's)
    const own = m.excelSeparators;
    switch (p) {
      case "calculationMode":
        return "Automatic";
      case "decimalSeparator":
        return own?.decimal ?? m.culture.decimalSeparator;
      case "thousandsSeparator":
        return own?.thousands ?? m.culture.thousandsSeparator;
      case "useSystemSeparators":
        return own === undefined;
      default:
        return undefined;
    }
  }
  get decimalSeparator(): string {
    return this._read("decimalSeparator") as string;
  }
  get thousandsSeparator(): string {
    return this._read("thousandsSeparator") as string;
  }
  get useSystemSeparators(): boolean {
    return this._read("useSystemSeparators") as boolean;
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context._queue({ op: "suspendApiCalculationUntilNextSync" }, () => undefined);
  }
  /** application.calculate (ExcelApi 1.1): the double records the request. */
  calculate(calculationType: string): void {
    this.context._queue({ op: "calculate", args: [calculationType] }, () => {
      this.context.excel.model.calculations.push(calculationType);
    });
  }
}

export class CultureInfoProxy extends ClientObject<WorkbookModel> {
  protected readonly scalars = ["name"] as const;
  readonly numberFormat: NumberFormatInfoProxy;
  constructor(ctx: DoubleContext, r: () => WorkbookModel) {
    super(ctx, r);
    this.numberFormat = new NumberFormatInfoProxy(ctx, r);
  }
  protected _get(m: WorkbookModel, p: string): unknown {
    return p === "name" ? m.culture.name : undefined;
  }
  get name(): string {
    return this._read("name") as string;
  }
}

export class NumberFormatInfoProxy extends ClientObject<WorkbookModel> {
  protected readonly scalars = ["numberDecimalSeparator", "numberGroupSeparator"] as const;
  protected _get(m: WorkbookModel, p: string): unknown {
    return p === "numberDecimalSeparator"
      ? m.culture.decimalSeparator
      : m.culture.thousandsSeparator;
  }
  get numberDecimalSeparator(): string {
    return this._read("numberDecimalSeparator") as string;
  }
  get numberGroupSeparator(): string {
    return this._read("numberGroupSeparator") as string;
  }
}

export class WorkbookProxy extends ClientObject<WorkbookModel> {
  protected readonly scalars = [] as const;
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly settings: SettingCollectionProxy;
  /** workbook.functions (ExcelApi 1.2): the double evaluates DATE only. */
  readonly functions: FunctionsProxy;
  constructor(ctx: DoubleContext) {
    super(ctx, () => ctx.excel.model);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx, undefined);
    this.settings = new SettingCollectionProxy(ctx);
    this.functions = new FunctionsProxy(ctx);
  }
  protected _get(): unknown {
    return undefined;
  }
  get application(): ApplicationProxy {
    return this.context.application;
  }
  insertWorksheetsFromBase64(base64: string, options?: unknown): { value: string[] } {
    const result = { value: [] as string[] };
    this.context._queue({ op: "insertWorksheetsFromBase64", bytes: base64.length }, () => {
      this.context.excel.model.insertedFromBase64.push({ base64, options });
    });
    return result;
  }
}

/**
 * workbook.functions (ExcelApi 1.2, web and desktop alike): worksheet functions evaluated without
 * touching a cell. Each call queues a command; its FunctionResult's `value` (or `error`, "#NUM!"
 * in English) is readable after load and sync, as in Office.js.
 */
export class FunctionsProxy extends ClientObject<WorkbookModel> {
  protected readonly scalars = [] as const;
  constructor(ctx: DoubleContext) {
    super(ctx, () => ctx.excel.model);
  }
  protected _get(): unknown {
    return undefined;
  }
  /** DATE(year, month, day) in the workbook's date system (model.ts excelDate). */
  date(year: number, month: number, day: number): FunctionResultProxy {
    const r = new FunctionResultProxy(this.context, undefined);
    this.context._queue({ op: "functions.date", args: [year, month, day] }, () =>
      r._setBound(excelDate(this.context.excel.model, year, month, day))
    );
    return r;
  }
}

export class FunctionResultProxy extends ClientObject<{ value: number } | { error: string }> {
  protected readonly scalars = ["value", "error"] as const;
  protected _get(m: { value: number } | { error: string }, p: string): unknown {
    if (p === "value") return "value" in m ? m.value : null;
    if (p === "error") return "error" in m ? m.error : null;
    return undefined;
  }
  get value(): number {
    return this._read("value") as number;
  }
  get error(): string {
    return this._read("error") as string;
  }
}

// ====================================================================== worksheets

export class WorksheetCollectionProxy extends Collection<SheetModel, WorksheetProxy> {
  protected readonly itemScalars = WORKSHEET_SCALARS;
  constructor(ctx: DoubleContext) {
    super(ctx, () => ctx.excel.model.sheets);
  }
  protected wrap(m: SheetModel): WorksheetProxy {
    const p = new WorksheetProxy(this.context, undefined);
    p._setBound(m);
    return p;
  }
  add(name?: string): WorksheetProxy {
    const p = new WorksheetProxy(this.context, undefined);
    this.context._queue({ op: "worksheets.add", name }, () =>
      p._setBound(this.context.excel.model.addSheet(name))
    );
    return p;
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => findSheet(this.context, key), false, {
      op: "worksheets.getItem",
      key,
    });
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => findSheet(this.context, key), true, {
      op: "worksheets.getItemOrNullObject",
      key,
    });
  }
  getActiveWorksheet(): WorksheetProxy {
    const wb = this.context.excel.model;
    return new WorksheetProxy(this.context, () => wb.sheetById(wb.activeSheetId) ?? null, false, {
      op: "worksheets.getActiveWorksheet",
    });
  }
}

function findSheet(ctx: DoubleContext, key: string): SheetModel | null {
  const wb = ctx.excel.model;
  return wb.sheetByName(key) ?? wb.sheetById(key) ?? null;
}

const WORKSHEET_SCALARS = [
  "id",
  "name",
  "position",
  "visibility",
  "showGridlines",
  "tabColor",
] as const;

export class WorksheetProxy extends Item<SheetModel> {
  protected readonly scalars = WORKSHEET_SCALARS;
  protected _get(m: SheetModel, p: string): unknown {
    switch (p) {
      case "id":
        return m.id;
      case "name":
        return m.name;
      case "position":
        return this.context.excel.model.sheets.indexOf(m);
      case "visibility":
        return m.visibility;
      case "showGridlines":
        return m.showGridlines;
      case "tabColor":
        return m.tabColor;
      default:
        return undefined;
    }
  }
  get id(): string {
    return this._read("id") as string;
  }
  get name(): string {
    return this._read("name") as string;
  }
  set name(v: string) {
    this._write("name", v, (m) => {
      this.context.excel.model.validateSheetName(v, m);
      m.name = v;
    });
  }
  get position(): number {
    return this._read("position") as number;
  }
  set position(v: number) {
    this._write("position", v, (m) => this.context.excel.model.moveSheet(m, v));
  }
  get visibility(): string {
    return this._read("visibility") as string;
  }
  set visibility(v: string) {
    this._write("visibility", v, (m) => (m.visibility = v as SheetModel["visibility"]));
  }
  get showGridlines(): boolean {
    return this._read("showGridlines") as boolean;
  }
  set showGridlines(v: boolean) {
    this._write("showGridlines", v, (m) => (m.showGridlines = v));
  }
  get tabColor(): string {
    return this._read("tabColor") as string;
  }
  set tabColor(v: string) {
    this._write("tabColor", v, (m) => (m.tabColor = v));
  }

  delete(): void {
    this._call("worksheet.delete", [], (m) => this.context.excel.model.deleteSheet(m));
  }
  activate(): void {
    this._call("worksheet.activate", [], (m) => {
      if (m.visibility !== "Visible")
        throw new DoubleError("InvalidOperation", "Cannot activate a hidden sheet");
      this.context.excel.model.activeSheetId = m.id;
    });
  }
  getRange(address: string): RangeProxy {
    return new RangeProxy(
      this.context,
      () => ({ sheet: this._m(), pos: parseRange(address) }),
      false,
      { op: "getRange", address }
    );
  }
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0)
          throw new DoubleError("InvalidArgument", "Bad range indexes");
        return {
          sheet: this._m(),
          pos: { row: startRow, col: startColumn, rows: rowCount, cols: columnCount },
        };
      },
      false,
      { op: "getRangeByIndexes", args: [startRow, startColumn, rowCount, columnCount] }
    );
  }
  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const s = this._m();
        return { sheet: s, pos: s.usedRange() ?? { row: 0, col: 0, rows: 1, cols: 1 } };
      },
      false,
      { op: "getUsedRange", valuesOnly }
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const s = this._m();
        const pos = s.usedRange();
        return pos ? { sheet: s, pos } : null;
      },
      true,
      { op: "getUsedRangeOrNullObject", valuesOnly }
    );
  }
  get freezePanes(): FreezePanesProxy {
    return new FreezePanesProxy(this.context, () => this._m());
  }
  /** worksheet.autoFilter (ExcelApi 1.9): the sheet's filter over a plain range. */
  get autoFilter(): AutoFilterProxy {
    return new AutoFilterProxy(this.context, () => {
      const f = this._m().autoFilter;
      return { enabled: f !== undefined, isDataFiltered: f?.filtered ?? false };
    });
  }
  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.context, this);
  }
  get charts(): ChartCollectionProxy {
    return new ChartCollectionProxy(this.context, this);
  }
  get pageLayout(): PageLayoutProxy {
    return new PageLayoutProxy(this.context, () => this._m());
  }
  get horizontalPageBreaks(): PageBreakCollectionProxy {
    return new PageBreakCollectionProxy(this.context, () => this._m());
  }
  /** worksheet.notes (ExcelApi 1.18) */
  get notes(): NoteCollectionProxy {
    return new NoteCollectionProxy(this.context, () => this._m());
  }
  get customProperties(): CustomPropertyCollectionProxy {
    return new CustomPropertyCollectionProxy(this.context, () => this._m());
  }
  get names(): NamedItemCollectionProxy {
    return new NamedItemCollectionProxy(this.context, () => this._m());
  }
}

// ====================================================================== sheet-scoped names

interface NameRef {
  sheet: SheetModel;
  item: NameModel;
}

export class NamedItemProxy extends Item<NameRef> {
  protected readonly scalars = ["name", "formula", "value", "comment", "type", "visible"] as const;
  protected _get(m: NameRef, p: string): unknown {
    switch (p) {
      case "name":
        return m.item.name;
      case "formula":
        return m.item.formula;
      case "value":
        return nameValue(m.item.formula);
      case "comment":
        return m.item.comment;
      case "type":
        return typeof nameValue(m.item.formula) === "string" ? "String" : "Double";
      case "visible":
        return true;
      default:
        return undefined;
    }
  }
  get name(): string {
    return this._read("name") as string;
  }
  get formula(): string {
    return this._read("formula") as string;
  }
  get value(): unknown {
    return this._read("value");
  }
  delete(): void {
    this._call("name.delete", [], (m) => m.sheet.names.delete(m.item.name.toLowerCase()));
  }
}

export class NamedItemCollectionProxy extends Collection<NameRef, NamedItemProxy> {
  protected readonly itemScalars = [
    "name",
    "formula",
    "value",
    "comment",
    "type",
    "visible",
  ] as const;
  constructor(
    ctx: DoubleContext,
    private readonly sheet: () => SheetModel
  ) {
    super(ctx, () => [...sheet().names.values()].map((item) => ({ sheet: sheet(), item })));
  }
  protected wrap(m: NameRef): NamedItemProxy {
    const p = new NamedItemProxy(this.context, undefined);
    p._setBound(m);
    return p;
  }
  /** names.add(name, reference, comment) — ExcelApi 1.4; `reference` a formula string such as '="text"'. */
  add(name: string, reference: string, comment = ""): NamedItemProxy {
    const p = new NamedItemProxy(this.context, undefined);
    this.context._queue({ op: "names.add", name, reference, comment }, () => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
        throw new DoubleError("InvalidArgument", `Invalid name '${name}'`);
      if (typeof reference !== "string" || !reference.startsWith("="))
        throw new DoubleError("InvalidArgument", "The double only supports formula references");
      const str = /^="(.*)"$/s.exec(reference);
      if (str && str[1].replace(/""/g, '"').length > 255)
        throw new DoubleError(
          "InvalidArgument",
          "Text values in formulas are limited to 255 characters"
        );
      const s = this.sheet();
      if (s.names.has(name.toLowerCase()))
        throw new DoubleError(
          "ItemAlreadyExists",
          `The name '${name}' already exists on this sheet`
        );
      const item = { name, formula: reference, comment };
      s.names.set(name.toLowerCase(), item);
      p._setBound({ sheet: s, item });
    });
    return p;
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(
      this.context,
      () => {
        const s = this.sheet();
        const item = s.names.get(name.toLowerCase());
        return item ? { sheet: s, item } : null;
      },
      true,
      { op: "names.getItemOrNullObject", name }
    );
  }
}

export class FreezePanesProxy extends ClientObject<SheetModel> {
  protected readonly scalars = [] as const;
  protected _get(): unknown {
    return undefined;
  }
  freezeRows(count = 1): void {
    this._call("freezeRows", [count], (m) => (m.freeze = { rows: count, columns: 0 }));
  }
  freezeColumns(count = 1): void {
    this._call("freezeColumns", [count], (m) => (m.freeze = { rows: 0, columns: count }));
  }
  freezeAt(range: RangeProxy | string): void {
    const addr = typeof range === "string" ? range : undefined;
    this._call("freezeAt", [addr ?? "range"], (m) => {
      const pos = typeof range === "string" ? parseRange(range) : range._m().pos;
      m.freeze = { rows: pos.row + pos.rows, columns: pos.col + pos.cols };
    });
  }
  unfreeze(): void {
    this._call("unfreeze", [], (m) => (m.freeze = { rows: 0, columns: 0 }));
  }
}

export class PageLayoutProxy extends ClientObject<SheetModel> {
  protected readonly scalars = [
    "orientation",
    "zoom",
    "leftMargin",
    "rightMargin",
    "topMargin",
    "bottomMargin",
    "centerHorizontally",
    "printGridlines",
  ] as const;
  protected _get(m: SheetModel, p: string): unknown {
    return m.page[p];
  }
  private prop(p: string, v: unknown): void {
    this._write(p, v, (m) => (m.page[p] = v));
  }
  get orientation(): string {
    return this._read("orientation") as string;
  }
  set orientation(v: string) {
    this.prop("orientation", v);
  }
  get zoom(): Record<string, number> {
    return this._read("zoom") as Record<string, number>;
  }
  set zoom(v: Record<string, number>) {
    this.prop("zoom", v);
  }
  set leftMargin(v: number) {
    this.prop("leftMargin", v);
  }
  set rightMargin(v: number) {
    this.prop("rightMargin", v);
  }
  set topMargin(v: number) {
    this.prop("topMargin", v);
  }
  set bottomMargin(v: number) {
    this.prop("bottomMargin", v);
  }
  set centerHorizontally(v: boolean) {
    this.prop("centerHorizontally", v);
  }
  set printGridlines(v: boolean) {
    this.prop("printGridlines", v);
  }
  set paperSize(v: string) {
    this.prop("paperSize", v);
  }
  set printOrder(v: string) {
    this.prop("printOrder", v);
  }
  get headersFooters(): { defaultForAllPages: HeaderFooterProxy } {
    return { defaultForAllPages: new HeaderFooterProxy(this.context, () => this._m()) };
  }
  setPrintTitleRows(rows: string): void {
    this._call("setPrintTitleRows", [rows], (m) => (m.page.printTitleRows = rows));
  }
  setPrintArea(area: string): void {
    this._call("setPrintArea", [area], (m) => (m.page.printArea = area));
  }
  setPrintTitleColumns(cols: string): void {
    this._call("setPrintTitleColumns", [cols], (m) => (m.page.printTitleColumns = cols));
  }
}

/** worksheet.horizontalPageBreaks (ExcelApi 1.9): add(range) starts a printed page at the range's row, kept in page.rowBreaks (1-based rows). */
export class PageBreakCollectionProxy extends ClientObject<SheetModel> {
  protected readonly scalars = [] as const;
  protected _get(): unknown {
    return undefined;
  }
  add(range: string): void {
    const row = Number(/\d+$/.exec(range)?.[0]);
    this._call("add", [range], (m) => {
      m.page.rowBreaks = [...((m.page.rowBreaks as number[] | undefined) ?? []), row];
    });
  }
}

/** worksheet.notes (ExcelApi 1.18): add(cell, content) keeps the note in page.notes by address, one cell each. */
export class NoteCollectionProxy extends ClientObject<SheetModel> {
  protected readonly scalars = [] as const;
  protected _get(): unknown {
    return undefined;
  }
  add(cellAddress: string, content: string): void {
    this._call("notes.add", [cellAddress, content], (m) => {
      if (cellAddress.includes(":"))
        throw new DoubleError("InvalidArgument", "A note goes on a single cell");
      const notes = (m.page.notes as Record<string, string> | undefined) ?? {};
      m.page.notes = { ...notes, [cellAddress.replace(/\$/g, "")]: content };
    });
  }
}

/** pageLayout.headersFooters.defaultForAllPages (ExcelApi 1.9): the six header/footer sections, kept in page.headersFooters. */
export class HeaderFooterProxy extends ClientObject<SheetModel> {
  protected readonly scalars = [
    "leftHeader",
    "centerHeader",
    "rightHeader",
    "leftFooter",
    "centerFooter",
    "rightFooter",
  ] as const;
  protected _get(m: SheetModel, p: string): unknown {
    return (m.page.headersFooters as Record<string, string> | undefined)?.[p];
  }
  private prop(p: string, v: string): void {
    // Excel's specifications and limits: a header or footer holds at most 255 characters
    if (v.length > 255)
      throw new DoubleError("InvalidArgument", "A header or footer holds at most 255 characters");
    this._write(
      p,
      v,
      (m) =>
        (m.page.headersFooters = {
          ...(m.page.headersFooters as Record<string, string> | undefined),
          [p]: v,
        })
    );
  }
  set leftHeader(v: string) {
    this.prop("leftHeader", v);
  }
  set centerHeader(v: string) {
    this.prop("centerHeader", v);
  }
  set rightHeader(v: string) {
    this.prop("rightHeader", v);
  }
  set leftFooter(v: string) {
    this.prop("leftFooter", v);
  }
  set centerFooter(v: string) {
    this.prop("centerFooter", v);
  }
  set rightFooter(v: string) {
    this.prop("rightFooter", v);
  }
}

// ====================================================================== custom properties & settings

interface KeyValue {
  key: string;
  value: unknown;
}

class KeyValueProxy extends Item<{ owner: Map<string, KeyValue>; entry: KeyValue }> {
  protected readonly scalars = ["key", "value"] as const;
  protected _get(m: { entry: KeyValue }, p: string): unknown {
    return p === "key" ? m.entry.key : m.entry.value;
  }
  get key(): string {
    return this._read("key") as string;
  }
  get value(): unknown {
    return this._read("value");
  }
  set value(v: unknown) {
    this._write("value", v, (m) => (m.entry.value = v));
  }
  delete(): void {
    this._call("delete", [], (m) => m.owner.delete(m.entry.key.toLowerCase()));
  }
}
export class CustomPropertyProxy extends KeyValueProxy {
  override get value(): string {
    return super.value as string;
  }
  override set value(v: string) {
    super.value = v;
  }
}
export class SettingProxy extends KeyValueProxy {}

abstract class KeyValueCollection<P extends KeyValueProxy> extends Collection<
  { owner: Map<string, KeyValue>; entry: KeyValue },
  P
> {
  protected readonly itemScalars = ["key", "value"] as const;
  protected abstract map(): Map<string, KeyValue>;
  protected abstract make(
    r: (() => { owner: Map<string, KeyValue>; entry: KeyValue } | null) | undefined,
    orNull: boolean,
    op?: OpDesc
  ): P;
  protected abstract check(key: string, value: unknown): void;
  protected wrap(m: { owner: Map<string, KeyValue>; entry: KeyValue }): P {
    const p = this.make(undefined, false);
    p._setBound(m);
    return p;
  }
  private find(key: string): { owner: Map<string, KeyValue>; entry: KeyValue } | null {
    const owner = this.map();
    const entry = owner.get(key.toLowerCase());
    return entry ? { owner, entry } : null;
  }
  add(key: string, value: unknown): P {
    const p = this.make(undefined, false);
    this.context._queue({ op: "add", on: this.constructor.name, key, value }, () => {
      this.check(key, value);
      const owner = this.map();
      const entry = { key, value };
      owner.set(key.toLowerCase(), entry);
      p._setBound({ owner, entry });
    });
    return p;
  }
  getItem(key: string): P {
    return this.make(() => this.find(key), false, {
      op: "getItem",
      on: this.constructor.name,
      key,
    });
  }
  getItemOrNullObject(key: string): P {
    return this.make(() => this.find(key), true, {
      op: "getItemOrNullObject",
      on: this.constructor.name,
      key,
    });
  }
}

export class CustomPropertyCollectionProxy extends KeyValueCollection<CustomPropertyProxy> {
  constructor(
    ctx: DoubleContext,
    private readonly sheet: () => SheetModel
  ) {
    super(ctx, () =>
      [...sheet().customProperties.values()].map((entry) => ({
        owner: sheet().customProperties,
        entry,
      }))
    );
  }
  protected map(): Map<string, KeyValue> {
    return this.sheet().customProperties as Map<string, KeyValue>;
  }
  protected make(
    r: (() => { owner: Map<string, KeyValue>; entry: KeyValue } | null) | undefined,
    orNull: boolean,
    op?: OpDesc
  ): CustomPropertyProxy {
    return new CustomPropertyProxy(this.context, r, orNull, op);
  }
  protected check(key: string, value: unknown): void {
    if (key.length === 0 || key.length > 255)
      throw new DoubleError("InvalidArgument", "Custom property key must be 1–255 characters");
    if (typeof value !== "string")
      throw new DoubleError("InvalidArgument", "Custom property value must be a string");
    if (value.length > 32767)
      throw new DoubleError(
        "InvalidArgument",
        "Custom property value is limited to 32,767 characters"
      );
  }
}

export class SettingCollectionProxy extends KeyValueCollection<SettingProxy> {
  constructor(ctx: DoubleContext) {
    super(ctx, () =>
      [...ctx.excel.model.settings.values()].map((entry) => ({
        owner: ctx.excel.model.settings,
        entry,
      }))
    );
  }
  protected map(): Map<string, KeyValue> {
    return this.context.excel.model.settings;
  }
  protected make(
    r: (() => { owner: Map<string, KeyValue>; entry: KeyValue } | null) | undefined,
    orNull: boolean,
    op?: OpDesc
  ): SettingProxy {
    return new SettingProxy(this.context, r, orNull, op);
  }
  protected check(_key: string, value: unknown): void {
    // Settings must survive a JSON round trip (the host serialises them).
    if (JSON.stringify(value) === undefined)
      throw new DoubleError("InvalidArgument", "Setting value must be JSON-serialisable");
  }
}

// ====================================================================== ranges

interface RangeModel {
  sheet: SheetModel;
  pos: RangePos;
}

const RANGE_SCALARS = [
  "address",
  "addressLocal",
  "rowCount",
  "columnCount",
  "rowIndex",
  "columnIndex",
  "cellCount",
  "values",
  "formulas",
  "numberFormat",
  "text",
  "valueTypes",
  "rowHidden",
] as const;

function grid<T>(pos: RangePos, f: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < pos.rows; i++) {
    const row: T[] = [];
    for (let j = 0; j < pos.cols; j++) row.push(f(pos.row + i, pos.col + j));
    out.push(row);
  }
  return out;
}

function checkShape(v: unknown, pos: RangePos, prop: string): unknown[][] | null {
  if (!Array.isArray(v)) return null; // a single value applies to every cell
  const ok = v.length === pos.rows && v.every((r) => Array.isArray(r) && r.length === pos.cols);
  if (!ok) {
    const got = `${v.length}x${Array.isArray(v[0]) ? (v[0] as unknown[]).length : "?"}`;
    throw new DoubleError(
      "InvalidArgument",
      `The number of rows or columns in the input array for ${prop} (${got}) doesn't match the size of the range (${pos.rows}x${pos.cols}).`
    );
  }
  return v as unknown[][];
}

export class RangeProxy extends ClientObject<RangeModel> {
  protected readonly scalars = RANGE_SCALARS;
  protected _get(m: RangeModel, p: string): unknown {
    const { sheet, pos } = m;
    switch (p) {
      case "address":
      case "addressLocal":
        return a1(pos, sheet);
      case "rowCount":
        return pos.rows;
      case "columnCount":
        return pos.cols;
      case "rowIndex":
        return pos.row;
      case "columnIndex":
        return pos.col;
      case "cellCount":
        return pos.rows * pos.cols;
      case "values":
        return grid(pos, (r, c) => sheet.cell(r, c)?.value ?? "");
      case "formulas":
        return grid(pos, (r, c) => {
          const x = sheet.cell(r, c);
          return x?.formula ?? x?.value ?? "";
        });
      case "numberFormat":
        return grid(pos, (r, c) => sheet.cell(r, c)?.numberFormat ?? "General");
      case "text":
        return grid(pos, (r, c) => String(sheet.cell(r, c)?.value ?? ""));
      case "rowHidden": {
        // Office.js: true when every row is hidden, false when none is, null when some are
        let hidden = 0;
        for (let i = 0; i < pos.rows; i++) if (sheet.isRowHidden(pos.row + i)) hidden++;
        return hidden === 0 ? false : hidden === pos.rows ? true : null;
      }
      case "valueTypes":
        return grid(pos, (r, c) => {
          const v = sheet.cell(r, c)?.value;
          return v === undefined || v === ""
            ? "Empty"
            : typeof v === "number"
              ? "Double"
              : typeof v === "boolean"
                ? "Boolean"
                : "String";
        });
      default:
        return undefined;
    }
  }
  get address(): string {
    return this._read("address") as string;
  }
  get rowCount(): number {
    return this._read("rowCount") as number;
  }
  get columnCount(): number {
    return this._read("columnCount") as number;
  }
  get rowIndex(): number {
    return this._read("rowIndex") as number;
  }
  get columnIndex(): number {
    return this._read("columnIndex") as number;
  }
  get cellCount(): number {
    return this._read("cellCount") as number;
  }
  get text(): string[][] {
    return this._read("text") as string[][];
  }
  get valueTypes(): string[][] {
    return this._read("valueTypes") as string[][];
  }
  get rowHidden(): boolean {
    return this._read("rowHidden") as boolean;
  }
  set rowHidden(v: boolean) {
    this._write("rowHidden", v, ({ sheet, pos }) => {
      for (let i = 0; i < pos.rows; i++)
        if (v) {
          sheet.hiddenRows.add(pos.row + i);
          sheet.shownRows.delete(pos.row + i);
        } else {
          sheet.hiddenRows.delete(pos.row + i);
          sheet.shownRows.add(pos.row + i);
        }
    });
  }
  /** range.getVisibleView() (ExcelApi 1.3): the range's rows that are not hidden. */
  getVisibleView(): RangeViewProxy {
    return new RangeViewProxy(
      this.context,
      () => {
        const m = this._m();
        const rows: number[] = [];
        for (let i = 0; i < m.pos.rows; i++)
          if (!m.sheet.isRowHidden(m.pos.row + i)) rows.push(m.pos.row + i);
        return { ...m, rows };
      },
      false,
      { op: "range.getVisibleView" }
    );
  }

  get values(): Scalar[][] {
    return this._read("values") as Scalar[][];
  }
  set values(v: Scalar[][]) {
    this._write("values", v, ({ sheet, pos }) => {
      const rows = checkShape(v, pos, "values");
      for (let i = 0; i < pos.rows; i++)
        for (let j = 0; j < pos.cols; j++) {
          const x = rows ? rows[i][j] : v;
          const old = sheet.cell(pos.row + i, pos.col + j);
          const entered = enterValue(x, old?.numberFormat);
          if (entered) sheet.setCell(pos.row + i, pos.col + j, entered);
        }
    });
  }

  get formulas(): Scalar[][] {
    return this._read("formulas") as Scalar[][];
  }
  set formulas(v: Scalar[][]) {
    this._write("formulas", v, ({ sheet, pos }) => {
      const rows = checkShape(v, pos, "formulas");
      for (let i = 0; i < pos.rows; i++)
        for (let j = 0; j < pos.cols; j++) {
          const x = rows ? rows[i][j] : v;
          const old = sheet.cell(pos.row + i, pos.col + j);
          const entered = enterValue(x, old?.numberFormat, true);
          if (entered) sheet.setCell(pos.row + i, pos.col + j, entered);
        }
    });
  }

  get numberFormat(): string[][] {
    return this._read("numberFormat") as string[][];
  }
  set numberFormat(v: string[][]) {
    this._write("numberFormat", v, ({ sheet, pos }) => {
      const rows = checkShape(v, pos, "numberFormat");
      for (let i = 0; i < pos.rows; i++)
        for (let j = 0; j < pos.cols; j++) {
          const nf = String(rows ? rows[i][j] : v);
          const old: CellModel = sheet.cell(pos.row + i, pos.col + j) ?? { value: "" };
          sheet.setCell(pos.row + i, pos.col + j, { ...old, numberFormat: nf });
        }
    });
  }

  get format(): RangeFormatProxy {
    return new RangeFormatProxy(this.context, () => this._m(), "");
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return new ConditionalFormatCollectionProxy(this.context, () => this._m());
  }
  /** range.dataValidation (ExcelApi 1.8): rule, errorAlert, prompt, ignoreBlanks; clear(). */
  get dataValidation(): DataValidationProxy {
    return new DataValidationProxy(this.context, () => this._m());
  }
  get worksheet(): WorksheetProxy {
    const p = new WorksheetProxy(this.context, () => this._m().sheet);
    return p;
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const m = this._m();
        return {
          sheet: m.sheet,
          pos: { row: m.pos.row + row, col: m.pos.col + column, rows: 1, cols: 1 },
        };
      },
      false,
      { op: "range.getCell", args: [row, column] }
    );
  }
  merge(across = false): void {
    this._call("merge", [across], ({ sheet, pos }) => {
      if (across)
        for (let i = 0; i < pos.rows; i++)
          sheet.merges.push({ row: pos.row + i, col: pos.col, rows: 1, cols: pos.cols });
      else sheet.merges.push(pos);
    });
  }
  clear(): void {
    this._call("clear", [], ({ sheet, pos }) => {
      for (let i = 0; i < pos.rows; i++)
        for (let j = 0; j < pos.cols; j++) sheet.setCell(pos.row + i, pos.col + j, undefined);
    });
  }
}

/** A RangeView (ExcelApi 1.3): the visible rows of a range, in order. */
export class RangeViewProxy extends ClientObject<RangeModel & { rows: number[] }> {
  protected readonly scalars = ["rowCount", "columnCount", "values"] as const;
  protected _get(m: RangeModel & { rows: number[] }, p: string): unknown {
    if (p === "rowCount") return m.rows.length;
    if (p === "columnCount") return m.pos.cols;
    if (p === "values")
      return m.rows.map((r) => {
        const out: Scalar[] = [];
        for (let c = m.pos.col; c < m.pos.col + m.pos.cols; c++)
          out.push(m.sheet.cell(r, c)?.value ?? "");
        return out;
      });
    return undefined;
  }
  get rowCount(): number {
    return this._read("rowCount") as number;
  }
  get columnCount(): number {
    return this._read("columnCount") as number;
  }
  get values(): Scalar[][] {
    return this._read("values") as Scalar[][];
  }
}

/**
 * An AutoFilter (ExcelApi 1.9): the sheet's (worksheet.autoFilter, over a plain range) or a
 * table's own (table.autoFilter). `enabled`: there is one; `isDataFiltered`: criteria are applied.
 */
export class AutoFilterProxy extends ClientObject<{ enabled: boolean; isDataFiltered: boolean }> {
  protected readonly scalars = ["enabled", "isDataFiltered"] as const;
  protected _get(m: { enabled: boolean; isDataFiltered: boolean }, p: string): unknown {
    return p === "enabled" ? m.enabled : p === "isDataFiltered" ? m.isDataFiltered : undefined;
  }
  get enabled(): boolean {
    return this._read("enabled") as boolean;
  }
  get isDataFiltered(): boolean {
    return this._read("isDataFiltered") as boolean;
  }
}

const VALIDATION_KINDS = ["custom", "date", "decimal", "list", "textLength", "time", "wholeNumber"];

/**
 * range.dataValidation. As Excel: a rule holds exactly one kind; a list needs a non-empty source;
 * the other kinds need formula1 and an operator. Setting a rule over cells that already have one
 * replaces it for those cells (the double keeps the latest record per range).
 */
export class DataValidationProxy extends ClientObject<RangeModel> {
  protected readonly scalars = ["type", "ignoreBlanks"] as const;
  protected _get(m: RangeModel, p: string): unknown {
    const v = this.find(m);
    if (p === "ignoreBlanks") return v?.ignoreBlanks ?? true;
    if (p === "type") {
      const kind = v?.rule ? Object.keys(v.rule)[0] : undefined;
      return kind ? kind[0].toUpperCase() + kind.slice(1) : "None";
    }
    return undefined;
  }
  private find(m: RangeModel): DataValidationModel | undefined {
    return m.sheet.dataValidations.find(
      (d) =>
        d.range.row === m.pos.row &&
        d.range.col === m.pos.col &&
        d.range.rows === m.pos.rows &&
        d.range.cols === m.pos.cols
    );
  }
  private record(m: RangeModel): DataValidationModel {
    let v = this.find(m);
    if (!v) {
      v = { range: m.pos };
      m.sheet.dataValidations.push(v);
    }
    return v;
  }
  get rule(): Record<string, unknown> {
    return this._read("rule") as Record<string, unknown>;
  }
  set rule(rule: Record<string, unknown>) {
    this._write("rule", rule, (m) => {
      const kinds = Object.keys(rule).filter((k) => rule[k] !== undefined);
      if (kinds.length !== 1 || !VALIDATION_KINDS.includes(kinds[0]))
        throw new DoubleError(
          "InvalidArgument",
          `A data validation rule holds exactly one of ${VALIDATION_KINDS.join(", ")}.`
        );
      const body = rule[kinds[0]] as Record<string, unknown>;
      if (kinds[0] === "list") {
        if (typeof body.source !== "string" || body.source.trim() === "")
          throw new DoubleError("InvalidArgument", "A list validation needs a source.");
      } else if (kinds[0] !== "custom" && (body.formula1 === undefined || !body.operator))
        throw new DoubleError(
          "InvalidArgument",
          `A ${kinds[0]} validation needs formula1 and an operator.`
        );
      this.record(m).rule = rule;
    });
  }
  set errorAlert(v: Record<string, unknown>) {
    this._write("errorAlert", v, (m) => (this.record(m).errorAlert = v));
  }
  set prompt(v: Record<string, unknown>) {
    this._write("prompt", v, (m) => (this.record(m).prompt = v));
  }
  get ignoreBlanks(): boolean {
    return this._read("ignoreBlanks") as boolean;
  }
  set ignoreBlanks(v: boolean) {
    this._write("ignoreBlanks", v, (m) => (this.record(m).ignoreBlanks = v));
  }
  clear(): void {
    this._call("dataValidation.clear", [], (m) => {
      m.sheet.dataValidations = m.sheet.dataValidations.filter((d) => d !== this.find(m));
    });
  }
}

/** range.format and its children (font, fill, borders.getItem(edge)) record FormatRecords. */
export class RangeFormatProxy extends ClientObject<RangeModel> {
  protected readonly scalars = [
    "columnWidth",
    "rowHeight",
    "wrapText",
    "horizontalAlignment",
    "verticalAlignment",
    "indentLevel",
    "bold",
    "italic",
    "color",
    "size",
    "name",
    "style",
    "weight",
  ] as const;
  constructor(
    ctx: DoubleContext,
    r: () => RangeModel,
    private readonly prefix: string
  ) {
    super(ctx, r);
  }
  protected _get(m: RangeModel, p: string): unknown {
    return m.sheet.formatAt(a1(m.pos), this.prefix + p);
  }
  private prop(p: string, v: unknown): void {
    this._write(p, v, (m) =>
      m.sheet.formats.push({ range: m.pos, path: this.prefix + p, value: v })
    );
  }
  private child(name: string): RangeFormatProxy {
    return new RangeFormatProxy(this.context, () => this._m(), `${this.prefix}${name}.`);
  }
  get font(): RangeFormatProxy {
    return this.child("font");
  }
  get fill(): RangeFormatProxy {
    return this.child("fill");
  }
  get borders(): { getItem(edge: string): RangeFormatProxy } {
    return { getItem: (edge: string) => this.child(`borders.${edge}`) };
  }
  get columnWidth(): number {
    return this._read("columnWidth") as number;
  }
  set columnWidth(v: number) {
    this.prop("columnWidth", v);
  }
  set rowHeight(v: number) {
    // Excel's specifications and limits: a row is at most 409 points tall
    if (v < 0 || v > 409)
      throw new DoubleError("InvalidArgument", "A row height is from 0 to 409 points");
    this.prop("rowHeight", v);
  }
  get wrapText(): boolean {
    return this._read("wrapText") as boolean;
  }
  set wrapText(v: boolean) {
    this.prop("wrapText", v);
  }
  set horizontalAlignment(v: string) {
    this.prop("horizontalAlignment", v);
  }
  set indentLevel(v: number) {
    this.prop("indentLevel", v);
  }
  set verticalAlignment(v: string) {
    this.prop("verticalAlignment", v);
  }
  get bold(): boolean {
    return this._read("bold") as boolean;
  }
  set bold(v: boolean) {
    this.prop("bold", v);
  }
  set italic(v: boolean) {
    this.prop("italic", v);
  }
  get color(): string {
    return this._read("color") as string;
  }
  set color(v: string) {
    this.prop("color", v);
  }
  set size(v: number) {
    this.prop("size", v);
  }
  set name(v: string) {
    this.prop("name", v);
  }
  set style(v: string) {
    this.prop("style", v);
  }
  set weight(v: string) {
    this.prop("weight", v);
  }
  clear(): void {
    this._call("fill.clear", [], (m) =>
      m.sheet.formats.push({ range: m.pos, path: `${this.prefix}color`, value: undefined })
    );
  }
  autofitColumns(): void {
    this._call("autofitColumns", [], (m) =>
      m.sheet.formats.push({ range: m.pos, path: "autofitColumns", value: true })
    );
  }
  autofitRows(): void {
    this._call("autofitRows", [], (m) =>
      m.sheet.formats.push({ range: m.pos, path: "autofitRows", value: true })
    );
  }
}

// ====================================================================== conditional formats

const CF_TYPES = [
  "CellValue",
  "DataBar",
  "ColorScale",
  "IconSet",
  "ContainsText",
  "Custom",
  "TopBottom",
  "PresetCriteria",
];

/** Records every property set under a conditional format (e.g. cellValue.format.fill.color). */
function recorder(
  ctx: DoubleContext,
  props: () => Record<string, unknown>,
  path: string
): Record<string, unknown> {
  return new Proxy({} as Record<string, unknown>, {
    get: (_t, key) =>
      typeof key === "string" ? recorder(ctx, props, path ? `${path}.${key}` : key) : undefined,
    set: (_t, key, value) => {
      const full = path ? `${path}.${String(key)}` : String(key);
      ctx._queue(
        { op: "set", on: "ConditionalFormat", prop: full, value },
        () => (props()[full] = value)
      );
      return true;
    },
  });
}

export class ConditionalFormatCollectionProxy extends ClientObject<RangeModel> {
  protected readonly scalars = [] as const;
  protected _get(): unknown {
    return undefined;
  }
  add(type: string): Record<string, unknown> {
    let rec: Record<string, unknown> | undefined;
    this._call("conditionalFormats.add", [type], ({ sheet, pos }) => {
      if (!CF_TYPES.includes(type))
        throw new DoubleError("InvalidArgument", `Unknown conditional format type ${type}`);
      const cf = { range: pos, type, props: {} as Record<string, unknown> };
      sheet.conditionalFormats.push(cf);
      rec = cf.props;
    });
    return recorder(
      this.context,
      () => {
        if (!rec) throw new DoubleError("InvalidObjectPath", "Conditional format not created");
        return rec;
      },
      ""
    );
  }
}

// ====================================================================== tables

const TABLE_SCALARS = [
  "id",
  "name",
  "style",
  "showFilterButton",
  "showHeaders",
  "showTotals",
] as const;

export class TableCollectionProxy extends Collection<TableModel, TableProxy> {
  protected readonly itemScalars = TABLE_SCALARS;
  constructor(
    ctx: DoubleContext,
    private readonly sheet: WorksheetProxy | undefined
  ) {
    super(ctx, () =>
      sheet ? ctx.excel.model.tables.filter((t) => t.sheet === sheet._m()) : ctx.excel.model.tables
    );
  }
  protected wrap(m: TableModel): TableProxy {
    const p = new TableProxy(this.context, undefined);
    p._setBound(m);
    return p;
  }
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    const p = new TableProxy(this.context, undefined);
    this.context._queue(
      { op: "tables.add", address: typeof address === "string" ? address : "range", hasHeaders },
      () => {
        const wb = this.context.excel.model;
        let sheet: SheetModel;
        let pos: RangePos;
        if (typeof address !== "string") ({ sheet, pos } = address._m());
        else {
          const bang = address.lastIndexOf("!");
          const sheetName =
            bang >= 0
              ? address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'")
              : undefined;
          // An address without a sheet name is read on the ACTIVE sheet, even through a
          // worksheet's own tables collection: "If the address does not contain a sheet name,
          // the currently-active sheet is used" (TableCollection.add,
          // https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1)).
          const s = sheetName
            ? wb.sheetByName(sheetName)
            : (wb.sheetById(wb.activeSheetId) ?? null);
          if (!s)
            throw new DoubleError("InvalidArgument", `tables.add needs a sheet in '${address}'`);
          sheet = s;
          pos = parseRange(address);
        }
        p._setBound(wb.addTable(sheet, pos, hasHeaders));
      }
    );
    return p;
  }
  getItem(key: string): TableProxy {
    return new TableProxy(this.context, () => this.findTable(key), false, {
      op: "tables.getItem",
      key,
    });
  }
  getItemOrNullObject(key: string): TableProxy {
    return new TableProxy(this.context, () => this.findTable(key), true, {
      op: "tables.getItemOrNullObject",
      key,
    });
  }
  private findTable(key: string): TableModel | null {
    const l = key.toLowerCase();
    return this._m().find((t) => t.name.toLowerCase() === l || t.id === key) ?? null;
  }
}

export class TableProxy extends Item<TableModel> {
  protected readonly scalars = TABLE_SCALARS;
  protected _get(m: TableModel, p: string): unknown {
    return (m as unknown as Record<string, unknown>)[p];
  }
  get id(): string {
    return this._read("id") as string;
  }
  get name(): string {
    return this._read("name") as string;
  }
  set name(v: string) {
    this._write("name", v, (m) => {
      this.context.excel.model.validateTableName(v, m);
      m.name = v;
    });
  }
  get style(): string {
    return this._read("style") as string;
  }
  set style(v: string) {
    this._write("style", v, (m) => (m.style = v));
  }
  get showFilterButton(): boolean {
    return this._read("showFilterButton") as boolean;
  }
  set showFilterButton(v: boolean) {
    this._write("showFilterButton", v, (m) => (m.showFilterButton = v));
  }
  get showHeaders(): boolean {
    return this._read("showHeaders") as boolean;
  }
  get showTotals(): boolean {
    return this._read("showTotals") as boolean;
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this._m().sheet);
  }
  /** table.autoFilter (ExcelApi 1.9): the table's own filter (its header's filter buttons). */
  get autoFilter(): AutoFilterProxy {
    return new AutoFilterProxy(this.context, () => {
      const t = this._m();
      return { enabled: t.showFilterButton, isDataFiltered: t.filtered ?? false };
    });
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => ({ sheet: this._m().sheet, pos: this._m().range }));
  }
  getHeaderRowRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this._m();
      return { sheet: t.sheet, pos: { ...t.range, rows: 1 } };
    });
  }
  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this._m();
      // header row above, totals row (when shown) below: neither is the body
      const below = t.showTotals ? 1 : 0;
      return {
        sheet: t.sheet,
        pos: { ...t.range, row: t.range.row + 1, rows: Math.max(1, t.range.rows - 1 - below) },
      };
    });
  }
  delete(): void {
    this._call("table.delete", [], (m) => {
      const wb = this.context.excel.model;
      wb.tables = wb.tables.filter((t) => t !== m);
    });
  }
  /**
   * table.rows.add(index?, values?) (ExcelApi 1.1) as Office.js: appends rows below the table and
   * grows it; the cells below must be free (Excel shifts them; the double refuses instead).
   * With a totals row shown (TableModel.showTotals: the table's range ends with it), the rows go
   * in above it and the totals row moves down, as in Excel.
   * Values are entered as typed input (a text starting with = would be a formula).
   */
  get rows(): { add: (index?: number | null, values?: unknown[][]) => void } {
    return {
      add: (index?: number | null, values?: unknown[][]) =>
        this._call("table.rows.add", [index ?? null], (m) => {
          if (index !== undefined && index !== null)
            throw new DoubleError("NotImplemented", "the double only appends table rows");
          if (!values || values.length === 0) return;
          if (values.some((r) => r.length !== m.range.cols))
            throw new DoubleError(
              "InvalidArgument",
              `The number of columns in the input array doesn't match the table (${m.range.cols}).`
            );
          const end = m.range.row + m.range.rows;
          const start = m.showTotals ? end - 1 : end;
          for (let i = 0; i < values.length; i++)
            for (let j = 0; j < m.range.cols; j++)
              if (
                m.sheet.cell(end + i, m.range.col + j)?.value !== undefined &&
                m.sheet.cell(end + i, m.range.col + j)?.value !== null
              )
                throw new DoubleError(
                  "InvalidOperation",
                  "The double does not shift cells below a table."
                );
          if (m.showTotals)
            for (let j = 0; j < m.range.cols; j++) {
              const c = m.range.col + j;
              m.sheet.setCell(start + values.length, c, m.sheet.cell(start, c));
            }
          values.forEach((r, i) =>
            r.forEach((v, j) =>
              m.sheet.setCell(start + i, m.range.col + j, enterValue(v as Scalar, undefined))
            )
          );
          m.range = { ...m.range, rows: m.range.rows + values.length };
        }),
    };
  }
  /**
   * table.columns.add(index?, values?, name?) as Office.js: appends a column (header + body) and
   * widens the table. Without values, `name` (ExcelApi 1.4) is its header and the body is blank.
   */
  get columns(): { add: (index?: number, values?: unknown[][], name?: string) => void } {
    return {
      add: (index?: number, values?: unknown[][], name?: string) =>
        this._call("table.columns.add", [index ?? null, name ?? null], (m) => {
          if (index !== undefined && index !== null && index !== m.range.cols)
            throw new DoubleError("NotImplemented", "the double only appends table columns");
          if (values && values.length !== m.range.rows)
            throw new DoubleError(
              "InvalidArgument",
              `The number of rows in the input array (${values.length}) doesn't match the table (${m.range.rows}).`
            );
          const col = m.range.col + m.range.cols;
          values?.forEach((r, i) =>
            m.sheet.setCell(m.range.row + i, col, { value: r[0] as Scalar })
          );
          if (!values)
            m.sheet.setCell(m.range.row, col, { value: name ?? `Column${m.range.cols + 1}` });
          m.range = { ...m.range, cols: m.range.cols + 1 };
        }),
    };
  }
}

// ====================================================================== charts

export class ChartCollectionProxy extends Collection<ChartModel, ChartProxy> {
  protected readonly itemScalars = ["id", "name"] as const;
  constructor(
    ctx: DoubleContext,
    private readonly sheet: WorksheetProxy
  ) {
    super(ctx, () => sheet._m().charts);
  }
  protected wrap(m: ChartModel): ChartProxy {
    const p = new ChartProxy(this.context, undefined);
    p._setBound(m);
    return p;
  }
  add(type: string, sourceData: RangeProxy, seriesBy = "Auto"): ChartProxy {
    const p = new ChartProxy(this.context, undefined);
    this.context._queue({ op: "charts.add", type, seriesBy }, () => {
      const s = this.sheet._m();
      const src = sourceData._m();
      // The source follows its sheet's name, as a chart's series references do in Excel.
      const c: ChartModel = {
        id: newId("chart"),
        name: `Chart ${s.charts.length + 1}`,
        type,
        get source() {
          return a1(src.pos, src.sheet);
        },
        seriesBy,
        title: "",
        // An XYScatter made from one row of x | y holds one series, as Excel makes it; other
        // charts one series per value column (a header row and a category column, as KAP's data).
        series: Array.from(
          { length: type === "XYScatter" ? 1 : Math.max(1, src.pos.cols - 1) },
          (_x, k) => ({
            name: `Series${k + 1}`,
            hasDataLabels: false,
            showSeriesName: false,
            showValue: false,
          })
        ),
        legendVisible: true,
        axes: { category: {}, value: {} },
      };
      s.charts.push(c);
      p._setBound(c);
    });
    return p;
  }
}

export class ChartProxy extends Item<ChartModel> {
  protected readonly scalars = ["id", "name"] as const;
  protected _get(m: ChartModel, p: string): unknown {
    return p === "id" ? m.id : m.name;
  }
  get name(): string {
    return this._read("name") as string;
  }
  set name(v: string) {
    this._write("name", v, (m) => (m.name = v));
  }
  get title(): ChartTitleProxy {
    return new ChartTitleProxy(this.context, () => this._m());
  }
  setPosition(startCell: string | RangeProxy, endCell?: string | RangeProxy): void {
    const s = typeof startCell === "string" ? startCell : "range";
    const e = typeof endCell === "string" ? endCell : undefined;
    this._call("chart.setPosition", [s, e], (m) => (m.position = { start: s, end: e }));
  }
  get series(): ChartSeriesCollectionProxy {
    return new ChartSeriesCollectionProxy(this.context, () => this._m());
  }
  get legend(): ChartLegendProxy {
    return new ChartLegendProxy(this.context, () => this._m());
  }
  get axes(): { categoryAxis: ChartAxisProxy; valueAxis: ChartAxisProxy } {
    return {
      categoryAxis: new ChartAxisProxy(this.context, () => this._m().axes.category),
      valueAxis: new ChartAxisProxy(this.context, () => this._m().axes.value),
    };
  }
}

/** Excel refuses a chart series name over 255 characters (the tester's 300-character decision-map point). */
function seriesNameWithinLimit(name: string): void {
  if (name.length > 255)
    throw new DoubleError("InvalidArgument", "A series name holds at most 255 characters");
}

export class ChartSeriesCollectionProxy extends ClientObject<ChartModel> {
  protected readonly scalars = [] as const;
  protected _get(): unknown {
    return undefined;
  }
  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.context, () => {
      const s = this._m().series[index];
      if (!s) throw new DoubleError("ItemNotFound", `no series ${index}`);
      return s;
    });
  }
  add(name?: string): ChartSeriesProxy {
    const p = new ChartSeriesProxy(this.context, undefined);
    this.context._queue({ op: "series.add", name }, () => {
      if (name !== undefined) seriesNameWithinLimit(name);
      const s: ChartSeriesModel = {
        name: name ?? `Series${this._m().series.length + 1}`,
        hasDataLabels: false,
        showSeriesName: false,
        showValue: false,
      };
      this._m().series.push(s);
      p._setBound(s);
    });
    return p;
  }
}

export class ChartSeriesProxy extends ClientObject<ChartSeriesModel> {
  protected readonly scalars = ["name", "hasDataLabels"] as const;
  protected _get(m: ChartSeriesModel, p: string): unknown {
    return p === "name" ? m.name : m.hasDataLabels;
  }
  set name(v: string) {
    this._write("name", v, (m) => {
      seriesNameWithinLimit(v);
      m.name = v;
    });
  }
  set hasDataLabels(v: boolean) {
    this._write("hasDataLabels", v, (m) => (m.hasDataLabels = v));
  }
  get dataLabels(): { showSeriesName: boolean; showValue: boolean; position: string } {
    const set = (prop: string, v: boolean | string, apply: (m: ChartSeriesModel) => void) =>
      this._write(prop, v, apply);
    return {
      /** ChartDataLabels.position (ExcelApi 1.8) */
      set position(v: string) {
        set("dataLabels.position", v, (m) => (m.labelPosition = v));
      },
      get position(): string {
        throw new DoubleError("NotImplemented", "read dataLabels");
      },
      set showSeriesName(v: boolean) {
        set("dataLabels.showSeriesName", v, (m) => (m.showSeriesName = v));
      },
      set showValue(v: boolean) {
        set("dataLabels.showValue", v, (m) => (m.showValue = v));
      },
      get showSeriesName(): boolean {
        throw new DoubleError("NotImplemented", "read dataLabels");
      },
      get showValue(): boolean {
        throw new DoubleError("NotImplemented", "read dataLabels");
      },
    };
  }
  /** series.format.fill (ExcelApi 1.1) */
  get format(): { fill: { setSolidColor(c: string): void } } {
    const call = (c: string) =>
      this._call("series.format.fill.setSolidColor", [c], (m) => (m.color = c));
    return { fill: { setSolidColor: call } };
  }
  /** series.points.getItemAt(k).format.fill (ExcelApi 1.7) */
  get points(): { getItemAt(k: number): { format: { fill: { setSolidColor(c: string): void } } } } {
    return {
      getItemAt: (k: number) => ({
        format: {
          fill: {
            setSolidColor: (c: string) =>
              this._call(
                "point.format.fill.setSolidColor",
                [k, c],
                (m) => (m.pointColors = { ...m.pointColors, [k]: c })
              ),
          },
        },
      }),
    };
  }
  // The references follow their sheet's name, as a chart's series references do in Excel.
  setXAxisValues(r: RangeProxy): void {
    this._call("series.setXAxisValues", [], (m) => {
      const x = r._m();
      Object.defineProperty(m, "xValues", {
        get: () => a1(x.pos, x.sheet),
        enumerable: true,
        configurable: true,
      });
    });
  }
  setValues(r: RangeProxy): void {
    this._call("series.setValues", [], (m) => {
      const x = r._m();
      Object.defineProperty(m, "values", {
        get: () => a1(x.pos, x.sheet),
        enumerable: true,
        configurable: true,
      });
    });
  }
}

export class ChartLegendProxy extends ClientObject<ChartModel> {
  protected readonly scalars = ["visible"] as const;
  protected _get(m: ChartModel): unknown {
    return m.legendVisible;
  }
  set visible(v: boolean) {
    this._write("visible", v, (m) => (m.legendVisible = v));
  }
}

export class ChartAxisProxy extends ClientObject<ChartAxisModel> {
  protected readonly scalars = ["minimum", "maximum", "majorUnit", "numberFormat"] as const;
  protected _get(m: ChartAxisModel, p: string): unknown {
    return m[p as "minimum" | "maximum" | "majorUnit" | "numberFormat"];
  }
  /** ExcelApi 1.8 */
  set numberFormat(v: string) {
    this._write("numberFormat", v, (m) => (m.numberFormat = v));
  }
  set minimum(v: number) {
    this._write("minimum", v, (m) => (m.minimum = v));
  }
  set maximum(v: number) {
    this._write("maximum", v, (m) => (m.maximum = v));
  }
  set majorUnit(v: number) {
    this._write("majorUnit", v, (m) => (m.majorUnit = v));
  }
  get title(): { text: string } {
    const set = (v: string) => this._write("title.text", v, (m) => (m.title = v));
    return {
      set text(v: string) {
        set(v);
      },
      get text(): string {
        throw new DoubleError("NotImplemented", "read axis title");
      },
    };
  }
}

export class ChartTitleProxy extends ClientObject<ChartModel> {
  protected readonly scalars = ["text"] as const;
  protected _get(m: ChartModel): unknown {
    return m.title;
  }
  get text(): string {
    return this._read("text") as string;
  }
  set text(v: string) {
    this._write("text", v, (m) => (m.title = v));
  }
}

function contextClass(excel: ExcelDouble): new () => DoubleContext {
  return class extends DoubleContext {
    constructor() {
      super(excel);
    }
  };
}

// ====================================================================== the namespace

export class ExcelDouble {
  readonly model: WorkbookModel;
  readonly stats: DoubleStats = { syncs: 0, valueReads: 0, requestBytes: [], responseBytes: [] };
  /** A stricter request/response limit in bytes than the mode's (tests of the halving retry). */
  payloadLimit: number | undefined;
  /**
   * Test-only: every context.sync() waits this many milliseconds before its commands run, as a
   * slow Excel (a large workbook, Excel on the web over a slow line) would. 0 or unset: at once.
   */
  syncDelayMs: number | undefined;
  /** Makes the first command matching this predicate fail at sync (then clears itself). */
  failWhen: ((op: OpDesc) => boolean) | undefined;
  /** Every context handed out by run(), newest last. */
  readonly contexts: DoubleContext[] = [];

  constructor(
    sheetNames: string[] = ["Sheet1"],
    /** Which Excel to play (model.ts HostMode): blank function arguments and payload limits differ. */
    readonly mode: HostMode = "web"
  ) {
    this.model = new WorkbookModel(sheetNames);
  }

  /** A range's cells as a KAP.* function receives them in an any[][] argument on this host. */
  functionArg(sheet: string, address: string): unknown[][] {
    const p = parseRange(address);
    const s = this.sheet(sheet);
    const values: unknown[][] = [];
    for (let i = 0; i < p.rows; i++) {
      const row: unknown[] = [];
      for (let j = 0; j < p.cols; j++) row.push(s.cell(p.row + i, p.col + j)?.value ?? null);
      values.push(row);
    }
    return asFunctionArg(values, this.mode);
  }

  newContext(): DoubleContext {
    const c = new DoubleContext(this);
    this.contexts.push(c);
    return c;
  }

  /** What to install as the global `Excel` (only the members KAP uses). */
  get Excel(): {
    run: ExcelDouble["run"];
    createWorkbook: ExcelDouble["createWorkbook"];
    RequestContext: new () => DoubleContext;
  } {
    return {
      run: this.run,
      createWorkbook: this.createWorkbook,
      RequestContext: contextClass(this),
    };
  }

  /** Excel.run(batch): a fresh context; commands still queued when the batch resolves are synced. */
  run = async <T>(
    a: ((ctx: DoubleContext) => Promise<T>) | object,
    b?: (ctx: DoubleContext) => Promise<T>
  ): Promise<T> => {
    const batch = typeof a === "function" ? a : b;
    if (!batch) throw new DoubleError("InvalidArgument", "Excel.run needs a batch function");
    const ctx = this.newContext();
    const result = await batch(ctx);
    if (ctx.pendingOps > 0) await ctx.sync();
    return result;
  };

  /**
   * Excel.createWorkbook(base64): the file goes to Excel in one request, so on the web it is held
   * to the 5 MB request limit like any other (resource-limits-and-performance-optimization.md;
   * Microsoft documents no other limit for it); desktop documents none.
   */
  createWorkbook = async (base64?: string): Promise<void> => {
    const size = utf8Bytes(JSON.stringify([{ op: "createWorkbook", args: [base64 ?? ""] }]));
    this.stats.requestBytes.push(size);
    const limit = this.payloadLimit ?? PAYLOAD_LIMIT[this.mode];
    if (size > limit)
      throw new DoubleError(
        "RequestPayloadSizeLimitExceeded",
        `Request of ${size} bytes is over the ${limit} byte limit`
      );
    this.model.createdWorkbooks.push(base64 ?? "");
  };

  // ---- inspection helpers for tests (not part of Office.js)

  sheet(name: string): SheetModel {
    const s = this.model.sheetByName(name);
    if (!s) throw new Error(`No sheet '${name}' (have: ${this.sheetNames().join(", ")})`);
    return s;
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  /** A user's copy of a sheet in Excel (model.ts copySheet: custom properties are not copied). Returns the copy's name. */
  copySheet(name: string): string {
    return this.model.copySheet(this.sheet(name)).name;
  }

  cellAt(sheet: string, address: string): CellModel | undefined {
    const p = parseCell(address);
    return this.sheet(sheet).cell(p.row, p.col);
  }

  formulaCells(sheet: string): string[] {
    const out: string[] = [];
    this.sheet(sheet).cells.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (c?.formula) out.push(a1({ row: r, col, rows: 1, cols: 1 }));
      })
    );
    return out;
  }

  isWithin = within;
}
