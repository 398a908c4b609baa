/**
 * Tables the user owns, made or extended only when asked (issues 11 and 12):
 * - createUserTable: an empty engagement log or payments ledger as an Excel table on a new
 *   sheet, with headers KAP recognises, date formats and data validation (type and direction
 *   drop-downs, dates); it never reuses a sheet or table name that exists (a free name is chosen);
 * - appendInitiativeRows: KAP's proposed initiatives added below the user's Initiatives table
 *   (or a new Initiatives table when there is none); rows already there (same account and
 *   initiative) are left out, and no existing cell is written.
 * Data validation is ExcelApi 1.8 (Range.dataValidation; excel-add-ins-data-validation.md): on an
 * older Excel the table is made without it and the result says so.
 * Text cells get the Text format ('@') before their values land, so text never becomes a formula.
 * Each reads first and then writes everything in one round trip: a Cancel (`signal`) seen before
 * that last round trip leaves the workbook as it was; once it is sent the table is complete.
 */
import { queueDateSystem, toWorkbookSerial } from "./dateSystem";
import { readRegion } from "./readRegion";
import { supports } from "./requirements";
import { WriteCancelledError } from "./writeSheets";

/** The user's Cancel, as an AbortSignal shows it. */
export type CancelSignal = { readonly aborted: boolean } | undefined;

function stopIfCancelled(signal: CancelSignal): void {
  if (signal?.aborted) throw new WriteCancelledError();
}

export type ValidationKind = "date" | { list: readonly string[] } | "positiveAmount";

export interface UserTableColumn {
  header: string;
  /** Excel number format code (invariant, as Range.numberFormat takes it). */
  format?: string;
  validation?: ValidationKind;
  /** The error alert's message when a typed value fails the validation. */
  message?: string;
}

export interface UserTableTemplate {
  /** Sheet and table names asked for; a free variant is used when taken ("Engagement Log 2"). */
  sheet: string;
  table: string;
  columns: readonly UserTableColumn[];
}

/** How many rows below the header get the formats and validation (the table grows into them). */
export const PREPARED_ROWS = 1000;

const DATE_TIME = "yyyy-mm-dd hh:mm";
const DATE = "yyyy-mm-dd";

/** The engagement log RULES.md §1 recognises (the sample workbook's headers). */
export const ENGAGEMENT_LOG_TEMPLATE: UserTableTemplate = {
  sheet: "Engagement Log",
  table: "EngagementLog",
  columns: [
    {
      header: "Date",
      format: DATE_TIME,
      validation: "date",
      message: "A date (and time) of the contact.",
    },
    { header: "Account", message: "" },
    { header: "Contact" },
    {
      header: "Type",
      validation: { list: ["Call", "E-mail", "Visit", "Meeting"] },
      message: "Call, E-mail, Visit or Meeting.",
    },
    {
      header: "Direction",
      validation: { list: ["Inbound", "Outbound"] },
      message: "Inbound (the customer reached out) or Outbound (our outreach).",
    },
    { header: "Topic" },
    { header: "Follow-up" },
    {
      header: "Responded On",
      format: DATE_TIME,
      validation: "date",
      message: "The date (and time) the customer answered; leave blank while there is no answer.",
    },
  ],
};

/** The payments ledger RULES.md §1 recognises. */
export const PAYMENTS_LEDGER_TEMPLATE: UserTableTemplate = {
  sheet: "Payments",
  table: "PaymentsLedger",
  columns: [
    { header: "Invoice No", format: "@" },
    { header: "Account No" },
    { header: "Invoice Date", format: DATE, validation: "date", message: "The invoice date." },
    { header: "Due Date", format: DATE, validation: "date", message: "The date payment is due." },
    {
      header: "Paid Date",
      format: DATE,
      validation: "date",
      message: "The date it was paid; leave blank while unpaid.",
    },
    {
      header: "Amount",
      format: "#,##0.00",
      validation: "positiveAmount",
      message: "The invoice amount (a number).",
    },
  ],
};

/** The headers of a new Initiatives table (RULES.md §1, INITIATIVE_FIELDS). */
export const INITIATIVE_HEADERS = [
  "Account",
  "Initiative",
  "Type",
  "Categories",
  "SKUs",
  "Target",
  "Start Date",
  "End Date",
  "Owner",
  "Status",
] as const;

/** A column letter from a 0-based index. */
function letter(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `want`, else `want 2`, `want 3`… (or want2… with no space for table names), free in `taken` (ignoring case). */
export function freeName(want: string, taken: readonly string[], sep = " "): string {
  const t = new Set(taken.map((x) => x.toLowerCase()));
  if (!t.has(want.toLowerCase())) return want;
  for (let k = 2; ; k++) if (!t.has(`${want}${sep}${k}`.toLowerCase())) return `${want}${sep}${k}`;
}

function ruleOf(v: ValidationKind): Excel.DataValidationRule {
  if (v === "date")
    return {
      date: {
        formula1: "2000-01-01",
        operator: "GreaterThanOrEqualTo",
      },
    };
  if (v === "positiveAmount") return { decimal: { formula1: -1e12, operator: "GreaterThan" } };
  return { list: { inCellDropDown: true, source: v.list.join(",") } };
}

export interface CreatedTable {
  sheet: string;
  table: string;
  /** false on an Excel without ExcelApi 1.8: the table was made without data validation */
  validated: boolean;
}

/** Makes an empty user-owned table from a template on a new sheet (see the file comment). */
export async function createUserTable(
  context: Excel.RequestContext,
  t: UserTableTemplate,
  signal?: CancelSignal
): Promise<CreatedTable> {
  const sheets = context.workbook.worksheets;
  const tables = context.workbook.tables;
  sheets.load("items/name");
  tables.load("items/name");
  await context.sync();
  // only names read so far: a cancel now changes nothing
  stopIfCancelled(signal);
  const sheetName = freeName(
    t.sheet,
    sheets.items.map((s) => s.name)
  );
  const tableName = freeName(
    t.table,
    tables.items.map((x) => x.name),
    ""
  );
  const ws = sheets.add(sheetName);
  const n = t.columns.length;
  const last = letter(n - 1);
  ws.getRange(`A1:${last}1`).values = [t.columns.map((c) => c.header)];
  // A Range, not an address string: a bare address is read on the ACTIVE sheet (TableCollection.add).
  const table = ws.tables.add(ws.getRange(`A1:${last}2`), true);
  table.name = tableName;
  const validated = supports("dataValidation");
  t.columns.forEach((c, i) => {
    const body = ws.getRange(`${letter(i)}2:${letter(i)}${PREPARED_ROWS + 1}`);
    if (c.format)
      body.numberFormat = Array.from({ length: PREPARED_ROWS }, () => [c.format as string]);
    if (c.validation && validated) {
      body.dataValidation.rule = ruleOf(c.validation);
      body.dataValidation.errorAlert = {
        showAlert: true,
        style: "Stop",
        title: c.header,
        message: c.message ?? c.header,
      };
    }
  });
  ws.getRange(`A1:${last}1`).format.columnWidth = 90;
  ws.freezePanes.freezeRows(1);
  await context.sync();
  return { sheet: sheetName, table: tableName, validated };
}

/** One proposed row, by INITIATIVE_HEADERS name (dates as serials, target as a number). */
export type InitiativeCells = Partial<
  Record<(typeof INITIATIVE_HEADERS)[number], string | number | null>
>;

export interface InitiativeTarget {
  sheet: string;
  /** Excel table name; undefined when the Initiatives are a plain range (rows go below it) */
  table?: string;
  /** the user's header for each field it has, by INITIATIVE_HEADERS name */
  headers: Partial<Record<(typeof INITIATIVE_HEADERS)[number], string>>;
}

export interface AppendResult {
  sheet: string;
  table: string;
  added: number;
  /** proposed rows left out because the table has them (same account and initiative) */
  skipped: number;
  /** the table was made for them (there was none) */
  created: boolean;
}

const DATE_HEADERS = new Set(["Start Date", "End Date"]);
const norm = (v: unknown) =>
  String(v ?? "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ");

/**
 * Where a new Initiatives table will go (its free sheet and table names), read in one round trip;
 * nothing is made yet.
 */
async function newInitiativesTable(context: Excel.RequestContext): Promise<InitiativeTarget> {
  const sheets = context.workbook.worksheets;
  const tables = context.workbook.tables;
  sheets.load("items/name");
  tables.load("items/name");
  await context.sync();
  return {
    sheet: freeName(
      "Initiatives",
      sheets.items.map((s) => s.name)
    ),
    table: freeName(
      "Initiatives",
      tables.items.map((x) => x.name),
      ""
    ),
    headers: Object.fromEntries(INITIATIVE_HEADERS.map((h) => [h, h])),
  };
}

/**
 * Appends proposed initiatives to the user's Initiatives table (or a new one when `target` is
 * undefined): reads its header and rows, leaves out rows whose account and initiative it has,
 * then adds the rest below, writing only the new rows' cells. A new table is made with its rows
 * in the same, last round trip: a cancel before it leaves no empty Initiatives sheet behind.
 */
export async function appendInitiativeRows(
  context: Excel.RequestContext,
  target: InitiativeTarget | undefined,
  rows: readonly InitiativeCells[],
  signal?: CancelSignal
): Promise<AppendResult> {
  // Start and end dates are 1900-system serials: written in the workbook's date system.
  const dateSystemOf = queueDateSystem(context);
  const where = target ?? (await newInitiativesTable(context));
  const created = !target;
  // Read in blocks under Excel on the web's 5 MB per response (readRegion; desktop has no such
  // limit). A table's totals row is not read: not a row of initiatives, and the new rows go in
  // above it (table.rows.add inserts them there). A new table has its header only.
  const values: unknown[][] = created ? [[...INITIATIVE_HEADERS]] : [];
  const region = created
    ? { rowIndex: 0, columnIndex: 0, columnCount: INITIATIVE_HEADERS.length }
    : await readRegion(context, { sheet: where.sheet, table: where.table }, (chunk) => {
        for (const r of chunk) values.push(r);
      });
  // only read so far: a cancel now changes nothing
  stopIfCancelled(signal);
  const dateSystem = dateSystemOf();
  const headerRow = Math.max(
    0,
    values.findIndex((r) => r.some((v) => norm(v) === norm(where.headers.Initiative)))
  );
  const header = (values[headerRow] ?? []).map(norm);
  const colOf = (name: (typeof INITIATIVE_HEADERS)[number]) => {
    const h = where.headers[name];
    return h === undefined ? -1 : header.indexOf(norm(h));
  };
  const accountCol = colOf("Account");
  const initiativeCol = colOf("Initiative");
  if (initiativeCol < 0)
    throw new Error(`The Initiatives table on "${where.sheet}" has no Initiative column.`);
  const body = values.slice(headerRow + 1);
  const have = new Set(
    body.map((r) => `${norm(accountCol >= 0 ? r[accountCol] : "")}|${norm(r[initiativeCol])}`)
  );
  const fresh: InitiativeCells[] = [];
  let skipped = 0;
  for (const r of rows) {
    const key = `${accountCol >= 0 ? norm(r.Account) : ""}|${norm(r.Initiative)}`;
    if (have.has(key)) {
      skipped++;
      continue;
    }
    have.add(key);
    fresh.push(r);
  }
  const width = region.columnCount;
  const result = {
    sheet: where.sheet,
    table: where.table ?? where.sheet,
    added: fresh.length,
    skipped,
    created: created && fresh.length > 0,
  };
  // nothing to add: no table is made either
  if (fresh.length === 0) return result;
  const cells = fresh.map((r) => {
    const row: (string | number)[] = Array.from({ length: width }, () => "");
    for (const name of INITIATIVE_HEADERS) {
      const c = colOf(name);
      const v = r[name];
      if (c >= 0 && v !== undefined && v !== null)
        row[c] =
          DATE_HEADERS.has(name) && typeof v === "number" ? toWorkbookSerial(v, dateSystem) : v;
    }
    return row;
  });
  const formats = fresh.map(() =>
    Array.from({ length: width }, (_v, c) => {
      const name = INITIATIVE_HEADERS.find((h) => colOf(h) === c);
      if (name && DATE_HEADERS.has(name)) return DATE;
      if (name === "Target") return "#,##0";
      return "@";
    })
  );
  const ws = created
    ? context.workbook.worksheets.add(where.sheet)
    : context.workbook.worksheets.getItem(where.sheet);
  const last = letter(width - 1);
  if (created) ws.getRange(`A1:${last}1`).values = [[...INITIATIVE_HEADERS]];
  // A user's table whose one body row is blank (as Excel makes it) takes the first proposal there.
  const blankRow = body.length === 1 && body[0].every((v) => v === "" || v === null);
  const first = region.rowIndex + headerRow + 1 + (blankRow ? 0 : body.length);
  const extra = blankRow ? fresh.length - 1 : fresh.length;
  if (!created && where.table && extra > 0)
    ws.tables.getItem(where.table).rows.add(
      undefined,
      Array.from({ length: extra }, () => Array.from({ length: width }, () => ""))
    );
  const range = ws.getRangeByIndexes(first, region.columnIndex, fresh.length, width);
  range.numberFormat = formats;
  range.values = cells;
  if (created) {
    // the table over the header and the rows just written (tables.add over written values)
    ws.tables.add(ws.getRange(`A1:${last}${fresh.length + 1}`), true).name = where.table!;
    ws.getRange(`A1:${last}1`).format.columnWidth = 90;
  }
  await context.sync();
  return result;
}
