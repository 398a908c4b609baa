/** Using, correcting, saving and re-applying a column mapping (the user's or a saved one). */
import {
  type ColumnMapping,
  type Detection,
  detectPartial,
  detectTable,
  type FieldMatch,
  HEADER_SCAN_ROWS,
  headerScores,
} from "./detect";
import {
  type FieldDef,
  MAX_HEADER_LENGTH,
  normaliseHeader,
  normaliseHeaderCell,
  type Role,
  ROLES,
} from "./fields";
import { type Cell, cellText, type Grid, isBlankCell } from "./grid";
import { layoutById } from "./layouts";
import { ONE_ROW_PER_PRODUCT } from "./packedLines";
import { parseDate } from "./values";

export class MissingRoleError extends Error {
  constructor(
    message: string,
    public readonly role: Role,
    /** The missing fields, as phrases ("order date", "line revenue or unit price"). */
    public readonly missing: string[],
    public readonly headersFound: string[],
    /** The same message in the CLI's words (how to map a column there); the message itself is the pane's. */
    public readonly cliMessage: string = message
  ) {
    super(message);
    this.name = "MissingRoleError";
  }
}

/** Which face a message speaks to: how to map a column differs (the pane's mapping, the CLI's file headers). */
export type Face = "pane" | "cli";

/** "Order date" → "order date"; "Account ID" keeps its capitals after the first letter. */
function phrase(f: FieldDef): string {
  return f.label.charAt(0).toLowerCase() + f.label.slice(1);
}

function missingGroups(
  mapping: Pick<ColumnMapping, "role" | "fields"> & {
    layout?: ColumnMapping["layout"];
    customerHeadings?: boolean;
  }
): FieldDef[][] {
  const def = ROLES[mapping.role];
  const have = new Set(mapping.fields.map((f) => f.field));
  // A grouped report names the customer in heading rows above its lines (QuickBooks' sales by
  // customer detail; Sage 200's "Customer: …" lines).
  if (
    mapping.role === "orders" &&
    (layoutById(mapping.layout)?.accountFromHeadings || mapping.customerHeadings)
  )
    have.add("accountName");
  const groups = def.requiredAny.filter((g) => !g.some((f) => have.has(f)));
  // A unit price makes a line value only with a quantity. A line value needs none, whether the
  // product is a code (Item, SKU, Artikel) or a name: units are then unknown, not the file unreadable.
  if (
    mapping.role === "orders" &&
    !have.has("quantity") &&
    have.has("unitPrice") &&
    !have.has("revenue")
  )
    groups.push(["quantity"]);
  return groups.map((g) =>
    g
      .map((f) => def.fields.find((d) => d.field === f))
      .filter((d): d is FieldDef => d !== undefined)
  );
}

/** Why line revenue need not be mapped when units and unit prices are: each line's value is worked out from them. */
export const REVENUE_FROM_UNITS = "worked out from quantity × unit price";

/**
 * The fields the pane's mapping marks as required for the columns mapped now, each with the
 * reason a usually required field is not ("worked out from quantity × unit price"): FieldDef.required,
 * less line revenue when quantity and unit price are both mapped (ingest/orders makes the line
 * value from them), and less the customer in a grouped report, which names it in heading rows.
 */
export function requiredNow(
  mapping: Pick<ColumnMapping, "role" | "fields"> & {
    layout?: ColumnMapping["layout"];
    customerHeadings?: boolean;
  }
): { required: Set<string>; optionalBecause: Map<string, string> } {
  const required = new Set(
    ROLES[mapping.role].fields.filter((f) => f.required).map((f) => f.field)
  );
  const optionalBecause = new Map<string, string>();
  const have = new Set(mapping.fields.map((f) => f.field));
  if (
    mapping.role === "orders" &&
    (layoutById(mapping.layout)?.accountFromHeadings || mapping.customerHeadings)
  ) {
    required.delete("accountId");
    required.delete("accountName");
  }
  if (mapping.role === "orders" && have.has("quantity") && have.has("unitPrice")) {
    required.delete("revenue");
    optionalBecause.set("revenue", REVENUE_FROM_UNITS);
  }
  return { required, optionalBecause };
}

/** Which required field groups a mapping lacks, as phrases ("order date", "line revenue or unit price"). */
export function missingFields(
  mapping: Pick<ColumnMapping, "role" | "fields"> & {
    layout?: ColumnMapping["layout"];
    customerHeadings?: boolean;
  }
): string[] {
  return missingGroups(mapping).map((g) => g.map(phrase).join(" or "));
}

/** Headers as a list in one line: a header wrapped in its cell (Alt+Enter) is shown with a space. */
function headerList(headers: readonly string[]): string {
  return headers.map((h) => h.replace(/\s+/g, " ").trim()).join(", ");
}

function andList(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;
}

/**
 * The message for missing required fields: names them, lists the headers found, says how to fix it.
 * 'No column for "order date" was found in the order lines on "Sales". Headers found: Cust, When, Item.
 *  Choose the order-date column in the task pane's mapping, or rename it to "Order Date".'
 */
export function missingMessage(
  mapping: Pick<ColumnMapping, "role" | "fields" | "sheet"> & { layout?: ColumnMapping["layout"] },
  headersFound: readonly string[],
  face: Face = "pane"
): string | undefined {
  const groups = missingGroups(mapping);
  if (groups.length === 0) return undefined;
  // an export that holds no order lines at all: what it is, not which column to rename
  const wrong = mapping.role === "orders" ? wrongExport(mapping.sheet, headersFound) : undefined;
  if (wrong) return wrong;
  const role = ROLES[mapping.role].label;
  const names = groups.map(
    (g) =>
      `"${phrase(g[0])}"${
        g.length > 1
          ? ` (or ${g
              .slice(1)
              .map((f) => `"${phrase(f)}"`)
              .join(" or ")})`
          : ""
      }`
  );
  const kebab = groups.map((g) =>
    phrase(g[0])
      .replace(/\s*\(.*\)$/, "")
      .replace(/ /g, "-")
  );
  // a column already so named was set aside by the data checks (their notes say why): renaming
  // another to it is no advice
  const present = new Set(headersFound.map((h) => normaliseHeader(h)));
  const renamable = groups.filter((g) => !present.has(normaliseHeader(g[0].header)));
  const renames = renamable.map((g) => `"${g[0].header}"`);
  const renameKebab = renamable.map((g) => kebab[groups.indexOf(g)]);
  const one = groups.length === 1;
  const oneRename = renamable.length === 1;
  // a cell too long to be a column name (a note in the row taken for the headers) is not listed
  const headers = headersFound.filter((h) => h.trim() !== "" && h.length <= MAX_HEADER_LENGTH);
  return (
    `No column${one ? "" : "s"} for ${andList(names)} ${one ? "was" : "were"} found in the ${role} on "${mapping.sheet}". ` +
    `Headers found: ${headerList(headers) || "(none)"}. ` +
    (face === "cli"
      ? renamable.length
        ? `kap takes the headers as they are: rename the ${andList(renameKebab)} column${oneRename ? "" : "s"} in the file to ${andList(renames)}, or pick another sheet with --sheet.`
        : "Pick another sheet with --sheet if the order lines are elsewhere."
      : `Choose the ${andList(kebab)} column${one ? "" : "s"} in the task pane's mapping${renamable.length ? `, or rename ${oneRename ? "it" : "them"} to ${andList(renames)}` : ""}.`)
  );
}

/**
 * Throws a MissingRoleError naming the missing fields, the headers found and how to map them;
 * `why` adds the data checks' notes (why a column the headers suggested was not used).
 */
export function requireComplete(
  mapping: ColumnMapping,
  headersFound: string[],
  why: readonly string[] = []
): void {
  const message = missingMessage(mapping, headersFound);
  if (message === undefined) return;
  // a file that holds no order lines is refused as such: no note on how its columns were read
  // ("… is read as returns") follows the refusal
  const refused =
    mapping.role === "orders" && wrongExport(mapping.sheet, headersFound) !== undefined;
  const reasons = refused ? [] : why.filter((n) => !n.startsWith("Read as "));
  const withReasons = (m: string) => (reasons.length ? `${m} ${reasons.join(" ")}` : m);
  throw new MissingRoleError(
    withReasons(message),
    mapping.role,
    missingFields(mapping),
    headersFound.filter((h) => h.trim() !== ""),
    withReasons(missingMessage(mapping, headersFound, "cli")!)
  );
}

/**
 * The grid's detection for `role`, or a MissingRoleError that names what is missing from the
 * closest header row (or, when no row comes close, every header-like text found).
 */
export function requireRole(grid: Grid, role: Role): Detection {
  const full = detectTable(grid, role);
  if (full) return full;
  const near = detectPartial(grid, role);
  if (near) {
    requireComplete(near.mapping, near.headers);
    return near; // unreachable: a partial detection that is complete would have been found above
  }
  const empty: ColumnMapping = { role, sheet: grid.name, headerRow: 0, fields: [] };
  const headers = (grid.values[0] ?? []).map((v) => cellText(v));
  throw new MissingRoleError(
    missingMessage(empty, headers) ?? "",
    role,
    missingFields(empty),
    headers.filter(Boolean),
    missingMessage(empty, headers, "cli") ?? ""
  );
}

/** Rows below the first HEADER_SCAN_ROWS searched for an order header KAP would miss (for the message only). */
export const LATE_HEADER_ROWS = 1000;

/**
 * An order-lines header row below the first HEADER_SCAN_ROWS rows, where detection does not look
 * (a report's long title block): its 1-based sheet row and headers, for the message; else undefined.
 */
export function lateOrderHeader(grid: Grid): { row: number; headers: string[] } | undefined {
  const end = Math.min(grid.values.length, LATE_HEADER_ROWS);
  for (let from = HEADER_SCAN_ROWS; from < end; from += HEADER_SCAN_ROWS) {
    const d = detectTable({ ...grid, values: grid.values.slice(from, end) }, "orders");
    if (d)
      return {
        row: (grid.top ?? 1) + from + d.mapping.headerRow,
        headers: d.headers.filter(Boolean),
      };
  }
  return undefined;
}

/** A report's title line that names a summary ("Sales by Customer Summary", "Sales by Item Summary"). */
const SUMMARY_TITLE = /^(.*\b(?:sales|income|revenue)\b.*\bby\b.*?)\bsummary\b(.*)$/i;

/** A journal's general (ledger) account header, normalised ("N° compte général", "Compte général", "General account", "Sachkonto"). */
const GENERAL_ACCOUNT_HEADER =
  /^(?:n° |no |num[ée]ro )?(?:compte g[ée]n[ée]ral|general (?:ledger )?account(?: no| number| code)?|gl account(?: no| number| code)?|sachkonto|grootboekrekening)$/;
const DEBIT_HEADER = /^(?:d[ée]bit|soll|debet)(?: amount| montant)?$/;
const CREDIT_HEADER = /^(?:cr[ée]dit|haben)(?: amount| montant)?$/;

/**
 * An export brought by mistake that holds no order lines, by its headers (or a report's title
 * lines): what it is and what to export instead; undefined when it is none of them.
 */
export function wrongExport(
  name: string,
  headers: readonly string[],
  titles: readonly string[] = []
): string | undefined {
  const has = new Set(headers.map((h) => normaliseHeader(h)));
  const orders =
    "export the orders instead (Shopify admin › Orders › Export) and analyse that file.";
  if (has.has("handle") && (has.has("variant sku") || has.has("variant price")))
    return `"${name}" is a Shopify products export (one row per product variant: Handle, Title, Variant SKU, Variant Price), not orders: ${orders}`;
  if (has.has("umsatz ohne soll haben kz") || has.has("soll haben kennzeichen"))
    return `"${name}" is a DATEV booking batch (Buchungsstapel: one booking per invoice, amounts with VAT, dates without their year, no products), not order lines: export the invoice lines from the invoicing program or ERP instead (customer number, invoice date, article, quantity and net amount) and analyse that file.`;
  // An accounting journal (Sage 100's "Journal des ventes", a general ledger's sales journal):
  // the customer only on its receivable line, with the tax in it; the sales on revenue accounts
  // with no customer. Read as lines, every figure would be wrong.
  const journal = [...has].some((h) => GENERAL_ACCOUNT_HEADER.test(h));
  if (
    journal &&
    [...has].some((h) => DEBIT_HEADER.test(h)) &&
    [...has].some((h) => CREDIT_HEADER.test(h))
  )
    return `"${name}" is an accounting journal (one posting per general account, in debit and credit: the customer on its receivable line with the tax in it, the sales on revenue accounts with no customer), not order lines: export the sales invoice lines instead (in Sage 100, Gestion commerciale › documents des ventes; elsewhere the invoice-line export: customer number, invoice date, article, quantity and net amount) and analyse that file.`;
  // Amazon's Date Range (payments) report: its orders name no buyer, so there is no account
  if (has.has("settlement id") && has.has("product sales"))
    return `"${name}" is an Amazon payments report (Date Range Report: transactions with fees and settlements, no buyer named), not order lines with customers: export the order report instead (Seller Central › Reports › Order Reports, whose lines name the buyer) and analyse that file.`;
  // Fishbowl's sales-order import/export file: an "SO" row per order, then "Item" rows whose
  // columns mean other things (its second header row)
  if (has.has("flag") && (has.has("so num") || has.has("sonum")))
    return `"${name}" is Fishbowl's sales-order import/export file (an "SO" row for each order, then its "Item" rows under other columns), which is not one table of lines: export the sales order items as one table instead (a report or custom query exported to Excel with one row per item: order number, customer, date, product, quantity and price) and analyse that file.`;
  // BigCommerce's orders (one row per order, its products packed in one cell) that cannot be read
  if (
    has.has("product details") &&
    ["order total inc tax", "subtotal inc tax", "total quantity"].some((h) => has.has(h))
  )
    return `"${name}" is a BigCommerce order export (one row per order, its products packed into "Product Details") that KAP cannot read as it is: ${ONE_ROW_PER_PRODUCT}; or, for one line per order with no products, include "Order Date", "Customer ID" and "Subtotal (ex tax)" in the export.`;
  if (has.has("total spent") && (has.has("total orders") || has.has("orders count")))
    return `"${name}" is a Shopify customers export (one row per customer with its Total Spent and Total Orders), not order lines: ${orders}`;
  for (const t of titles) {
    const m = SUMMARY_TITLE.exec(t.trim());
    if (m)
      return `"${name}" is a summary report ("${t.trim()}": one total per customer or product, no dates, no lines): run "${`${m[1]}Detail${m[2]}`.trim()}" instead, export it and analyse that file.`;
  }
  return undefined;
}

/**
 * A workbook KAP wrote: every table one of KAP's (KAP_Health, "KAP Plan – C0204"), or a QBR
 * workbook (its cover's "Quarterly Business Review").
 */
function isKapOutput(sheets: readonly { name: string; headers: string[] }[]): boolean {
  if (sheets.some((s) => s.headers[0] === "Quarterly Business Review")) return true;
  return sheets.length > 0 && sheets.every((s) => /^KAP[ _]/.test(s.name));
}

/**
 * The error for a workbook KAP wrote (isKapOutput), whatever its sheets look like: a sheet of
 * KAP's own may hold words that read as order headers ("Data", Italian for date, on the QBR's
 * checklist), and it is still no data.
 */
export function kapOutputError(
  sheets: readonly { name: string; headers: string[] }[]
): MissingRoleError | undefined {
  if (!isKapOutput(sheets)) return undefined;
  const msg =
    "This is a workbook KAP wrote (its analysis, not your data): run kap on the file that holds your order lines, the export or workbook it was made from.";
  const pane =
    "This is a workbook KAP made (its analysis, not your data): open the workbook that holds your order lines and run KAP there.";
  return new MissingRoleError(pane, "orders", ["order lines"], [], msg);
}

/**
 * A sheet that is order lines but for a column or two KAP did not recognise (an account and a
 * line value, say, but no date header it knows): which required fields it lacks, as phrases,
 * and which of its columns hold dates (the order date under a header KAP does not know).
 */
export interface NearOrders {
  missing: string[];
  dateColumns: string[];
}

/** Rows below the header searched for dates (a peek's worth). */
const DATE_SAMPLE_ROWS = 50;

/** Whether a cell is a date: a date value, or text that reads as one (not a bare number: a code, a serial). */
function isDateCell(v: Cell): boolean {
  if (v instanceof Date) return true;
  return typeof v === "string" && /[^\d\s]/.test(v) && parseDate(v) !== undefined;
}

/** The headers of a grid's columns below `headerRow` whose cells are dates, four in five at least. */
function dateColumnsOf(grid: Grid, headerRow: number, headers: readonly string[]): string[] {
  const rows = grid.values.slice(headerRow + 1, headerRow + 1 + DATE_SAMPLE_ROWS);
  return headers.filter((h, c) => {
    if (h.trim() === "") return false;
    const cells = rows.map((r) => r[c]).filter((v) => !isBlankCell(v));
    const dates = cells.filter(isDateCell).length;
    return dates > 0 && dates >= 0.8 * cells.length;
  });
}

/**
 * The sheet's closest order-lines reading when it is order lines but for what NearOrders names:
 * at least three order columns recognised, one required field among them. Undefined otherwise
 * (a customer list, a note), which the generic message answers.
 */
export function nearOrders(grid: Grid): NearOrders | undefined {
  const near = detectPartial(grid, "orders");
  if (!near || near.mapping.fields.length < 3) return undefined;
  const missing = missingFields(near.mapping);
  if (missing.length === 0 || missing.length >= ROLES.orders.requiredAny.length) return undefined;
  return {
    missing,
    dateColumns: dateColumnsOf(grid, near.mapping.headerRow, near.headers),
  };
}

/**
 * What a sheet close to order lines lacks, in words: 'no order date column: none of the headers
 * reads as a date; columns with dates in them: "Erstellt"'. Names the missing fields; for the date,
 * the columns that hold dates (or that none does).
 */
function nearOrdersSentence(sheet: string, headers: readonly string[], near: NearOrders): string {
  const parts = near.missing.map((m) => `no ${m} column`);
  const dated = near.dateColumns.map((h) => `"${h.replace(/\s+/g, " ").trim()}"`);
  const listed = headerList(headers.slice(0, 12)) + (headers.length > 12 ? ", …" : "");
  const none = near.missing.includes(phrase(dateField()))
    ? `none of its headers (${listed}) reads as a date; ${
        dated.length
          ? `column${dated.length > 1 ? "s" : ""} with dates in ${dated.length > 1 ? "them" : "it"}: ${andList(dated)}`
          : "no column's cells read as dates"
      }`
    : `none of its headers (${listed}) reads as one`;
  return `"${sheet}" has ${andList(parts)}: ${none}.`;
}

function dateField(): FieldDef {
  return ROLES.orders.fields.find((f) => f.field === "date")!;
}

/** How to name a missing column, for kap: rename it in the file to the header KAP knows. */
function nearOrdersCliFix(near: NearOrders): string {
  const dated = near.dateColumns.map((h) => `"${h.replace(/\s+/g, " ").trim()}"`);
  if (!near.missing.includes(phrase(dateField())))
    return `kap takes the headers as they are: rename the ${andList(near.missing)} column${near.missing.length > 1 ? "s" : ""} in the file (e.g. "Customer ID", "Revenue"), or pick the sheet with --sheet.`;
  // no text dates: the date may be there as numbers (serials), or the export left it out
  if (dated.length === 0)
    return `kap takes the headers as they are: rename the order date column in the file to "${dateField().header}", or export the lines with their order or invoice date; or pick the sheet with --sheet.`;
  const which = dated.length === 1 ? dated[0] : `the order date's column (${orList(dated)})`;
  return `kap takes the headers as they are: rename ${which} in the file to "${dateField().header}", or pick the sheet with --sheet.`;
}

/** Error when no sheet looks like order lines at all. */
export function noOrdersError(
  sheets: {
    name: string;
    headers: string[];
    late?: { row: number; headers: string[] };
    /** the first text of each of its first rows (a report's title lines) */
    titles?: string[];
    /** order lines but for a required column or two (nearOrders) */
    near?: NearOrders;
  }[]
): MissingRoleError {
  const late = sheets.find((s) => s.late);
  if (late) {
    const msg = `${late.name} has the order lines' header row on row ${late.late!.row} (${headerList(late.late!.headers.slice(0, 12))}), below the first ${HEADER_SCAN_ROWS} rows where KAP looks for it: delete the rows above it, or copy the table to a sheet of its own, and run again.`;
    return new MissingRoleError(msg, "orders", ["order lines"], late.late!.headers, msg);
  }
  const own = kapOutputError(sheets);
  if (own) return own;
  const seen = sheets
    .map((s) => `${s.name}: ${headerList(s.headers.slice(0, 12)) || "(empty)"}`)
    .join("; ");
  const found = `No order lines were found. KAP needs a table with an account, an order date and a line value (a revenue column, or a quantity and a unit price); a product code (SKU) adds the product sheets. Headers found — ${seen || "no sheets with data"}.`;
  const wrong = sheets
    .map((s) => wrongExport(s.name, s.headers, s.titles))
    .filter((w): w is string => !!w);
  if (wrong.length) {
    const msg = `${found} ${wrong.join(" ")}`;
    return new MissingRoleError(
      msg,
      "orders",
      ["order lines"],
      sheets.flatMap((s) => s.headers),
      msg
    );
  }
  const names = `"Customer ID", "Order Date", "SKU", "Qty", "Revenue"`;
  // order lines but for a column or two: say which, and where the dates are
  const close = sheets.find((s) => s.near);
  if (close?.near) {
    const what = `No order lines were found. ${nearOrdersSentence(close.name, close.headers, close.near)}`;
    const columns = andList(close.near.missing.map((m) => `${m} column`));
    return new MissingRoleError(
      `${what} To read them, choose the sheet that holds them under "Order lines are on", then its ${columns}.`,
      "orders",
      close.near.missing,
      sheets.flatMap((s) => s.headers),
      `${what} ${nearOrdersCliFix(close.near)}`
    );
  }
  // the pane's words: there is nothing to map in a workbook without data
  const pane = seen
    ? `${found} If they are here under other headers, choose the sheet that holds them under "Order lines are on", then its columns; or rename the headers (e.g. ${names}).`
    : `This workbook has no data yet. Paste or import your order lines (one row per line of an order or invoice, with an account, an order date and a line value, e.g. ${names}), then choose "Read the data again".`;
  return new MissingRoleError(
    pane,
    "orders",
    ["order lines"],
    sheets.flatMap((s) => s.headers),
    `${found} kap takes the headers as they are: rename them in the file (e.g. ${names}), or pick the sheet with --sheet.`
  );
}

/**
 * When no grid is a complete order table, the one that comes closest: it has an order date
 * and one more of the required columns (an account, or a line value or unit price). The caller shows it with what is missing,
 * so the user can map the rest instead of being told nothing was found.
 * `named`: the user said these grids hold the order lines (the pane's "Order lines are on", kap
 * --sheet): any column KAP recognises will do, so a date under an unknown header can be chosen.
 */
export function closestOrders(
  grids: readonly Grid[],
  named = false
): { grid: Grid; detection: Detection } | undefined {
  let best: { grid: Grid; detection: Detection } | undefined;
  let bestHave = named ? -1 : 0;
  for (const grid of grids) {
    const near = detectPartial(grid, "orders");
    if (!near || (!named && !near.mapping.fields.some((f) => f.field === "date"))) continue;
    const have = ROLES.orders.requiredAny.length - missingGroups(near.mapping).length;
    if ((named || have >= 2) && have > bestHave) {
      best = { grid, detection: near };
      bestHave = have;
    }
  }
  return best;
}

/**
 * One name per column, for choosing a column by its header: a header used by more than one
 * column (a plain range keeps duplicates: "Amount" gross and "Amount" net) is named as it is for
 * its first column and "Amount (2)", "Amount (3)"… for the others, skipping a name another
 * column already has. Blank headers stay blank.
 */
export function headerLabels(headers: readonly string[]): string[] {
  const taken = new Set(headers.map((h) => normaliseHeader(h)));
  const seen = new Map<string, number>();
  return headers.map((h) => {
    const key = normaliseHeader(h);
    if (key === "") return h;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n === 1) return h;
    let label = "";
    for (let k = n; label === "" || taken.has(normaliseHeader(label)); k++)
      label = `${h.trim()} (${k})`;
    taken.add(normaliseHeader(label));
    return label;
  });
}

/** A 0-based column of a grid whose first column is the sheet's `left` (1-based) as Excel names it: A … Z, AA. */
function columnLetters(column: number, left = 1): string {
  let n = column + left;
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * One note per header that more than one column carries (a plain range keeps duplicates:
 * "Amount" gross and "Amount" net) where it matters: one of them is read, or the header names a
 * field. Says at which columns (Excel's letters), which one `mapping` reads and as what (the
 * guess takes the leftmost of equal columns; the user may choose another), and how to read
 * another: the pane and the CLI show the same text.
 */
export function doubledHeaderNotes(
  headers: readonly string[],
  mapping: Pick<ColumnMapping, "role" | "fields">,
  left = 1
): string[] {
  const columnsOf = new Map<string, number[]>();
  headers.forEach((h, column) => {
    const key = h.length > MAX_HEADER_LENGTH ? "" : normaliseHeader(h);
    if (key === "") return;
    const list = columnsOf.get(key);
    if (list) list.push(column);
    else columnsOf.set(key, [column]);
  });
  const labels = headerLabels(headers);
  const def = ROLES[mapping.role].fields;
  const letter = (c: number) => columnLetters(c, left);
  const notes: string[] = [];
  for (const columns of columnsOf.values()) {
    if (columns.length < 2) continue;
    const header = headers[columns[0]].trim();
    const read = mapping.fields.filter((f) => columns.includes(f.column));
    const names = headerScores(header, def).some((x) => x.score === 1);
    if (read.length === 0 && !names) continue;
    const where = `Columns ${andList(columns.map(letter))} are ${columns.length === 2 ? "both" : "all"} headed "${header}"`;
    const unread = columns.filter((c) => !read.some((f) => f.column === c));
    const col = (cs: number[]) => `column${cs.length > 1 ? "s" : ""} ${orList(cs.map(letter))}`;
    const as = read.map((f) => {
      const d = def.find((x) => x.field === f.field);
      return `column ${letter(f.column)} as the ${d ? phrase(d) : f.field}`;
    });
    if (read.length === 0) {
      notes.push(
        `${where}: KAP read ${columns.length === 2 ? "neither" : "none of them"}. To read one, rename one of the headers (in the task pane, choose ${orList(columns.map((c) => `"${labels[c]}"`))} in the column mapping).`
      );
      continue;
    }
    if (unread.length === 0) {
      notes.push(`${where}: KAP read ${andList(as)}.`);
      continue;
    }
    const two = columns.length === 2 ? "one of the two headers" : "the headers";
    const choose = orList(unread.map((c) => `"${labels[c]}"`));
    notes.push(
      `${where}: KAP read ${andList(as)}, and not ${col(unread)}. If ${col(unread)} ${unread.length > 1 ? "hold" : "holds"} ${read.length > 1 ? "one of them" : "it"}, rename ${two} (in the task pane, choose ${choose} in the column mapping).`
    );
  }
  return notes;
}

function orList(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} or ${xs[xs.length - 1]}`;
}

/**
 * A user's choice of header per field (header text, undefined or '' = not mapped) applied to a
 * mapping. A header several columns share is told apart as headerLabels names them ("Amount (2)").
 */
export function withUserChoices(
  mapping: ColumnMapping,
  headers: readonly string[],
  choices: Record<string, string | undefined>
): ColumnMapping {
  const fields: FieldMatch[] = mapping.fields.filter((f) => !(f.field in choices));
  for (const [field, header] of Object.entries(choices)) {
    if (header === undefined || header === "") continue;
    const want = normaliseHeader(header);
    const column = headerLabels(headers).findIndex((h) => normaliseHeader(h) === want);
    if (column < 0) continue;
    // A column belongs to one field: the user's choice takes it from any guess.
    const clash = fields.findIndex((f) => f.column === column);
    if (clash >= 0) fields.splice(clash, 1);
    fields.push({ field, column, header: headers[column].trim(), confidence: 1 });
  }
  return { ...mapping, fields: fields.sort((a, b) => a.column - b.column) };
}

/** A mapping as the JSON the add-in stores in the workbook. */
export function mappingToJson(mapping: ColumnMapping): string {
  return JSON.stringify(mapping);
}

/** Reads a stored mapping back; throws a plain-English Error when the text is not one. */
export function mappingFromJson(json: string): ColumnMapping {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    throw new Error(
      "The saved column mapping is not readable; map the columns again in the task pane."
    );
  }
  const o = v as Partial<ColumnMapping> | null;
  const ok =
    !!o &&
    typeof o === "object" &&
    typeof o.role === "string" &&
    o.role in ROLES &&
    typeof o.sheet === "string" &&
    typeof o.headerRow === "number" &&
    Array.isArray(o.fields) &&
    o.fields.every(
      (f) =>
        !!f &&
        typeof f.field === "string" &&
        typeof f.header === "string" &&
        typeof f.column === "number" &&
        typeof f.confidence === "number"
    );
  if (!ok)
    throw new Error(
      "The saved column mapping is incomplete; map the columns again in the task pane."
    );
  return {
    role: o.role as Role,
    sheet: o.sheet as string,
    ...(o.table !== undefined ? { table: o.table } : {}),
    headerRow: o.headerRow as number,
    fields: (o.fields as FieldMatch[]).map((f) => ({ ...f })),
  };
}

/**
 * Re-applies a saved mapping to a grid: finds the header row again (rows may have been
 * inserted above) and each field's column by its header text (columns may have moved).
 * Throws a MissingRoleError naming the saved headers that are gone.
 */
export function applyMapping(grid: Grid, saved: ColumnMapping): ColumnMapping {
  const want = saved.fields.map((f) => normaliseHeader(f.header));
  let bestRow = -1;
  let bestHits = -1;
  for (let r = 0; r < Math.min(grid.values.length, HEADER_SCAN_ROWS); r++) {
    const norm = (grid.values[r] ?? []).map((v) => normaliseHeaderCell(cellText(v)));
    const hits = want.filter((w) => norm.includes(w)).length;
    if (hits === want.length && want.length > 0) {
      return {
        ...saved,
        sheet: grid.name,
        table: grid.tableName ?? saved.table,
        headerRow: r,
        fields: saved.fields.map((f) => ({
          ...f,
          header: f.header.trim(),
          column: norm.indexOf(normaliseHeader(f.header)),
        })),
      };
    }
    if (hits > bestHits) {
      bestHits = hits;
      bestRow = r;
    }
  }
  const row =
    bestHits > 0 ? bestRow : Math.min(saved.headerRow, Math.max(grid.values.length - 1, 0));
  const headers = (grid.values[row] ?? []).map((v) => cellText(v)).filter(Boolean);
  const gone = saved.fields.filter(
    (f) => !headers.some((h) => normaliseHeader(h) === normaliseHeader(f.header))
  );
  const list = gone.map(
    (f) =>
      `"${f.header}" (${phrase(ROLES[saved.role].fields.find((d) => d.field === f.field) ?? { field: f.field, label: f.field, header: f.header, synonyms: [] })})`
  );
  throw new MissingRoleError(
    `The saved column mapping for "${saved.sheet}" no longer fits: ${list.join(", ") || "its headers"} ${gone.length === 1 ? "is" : "are"} not there any more. Headers now: ${headers.join(", ") || "(none)"}. Check the column mapping in the task pane.`,
    saved.role,
    gone.map((f) => f.header),
    headers
  );
}
