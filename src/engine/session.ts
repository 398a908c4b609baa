/**
 * The one ingest session every face uses: detect roles → read side tables → infer date order
 * (and number conventions) from a sample of the order lines → parse the order lines in chunks →
 * finish. Only the source differs: the CLI reads files (CSV streamed from disk, .xlsx sheets
 * streamed from the zip), the task pane reads ranges from Excel in row blocks, tests hand over
 * grids. The order lines go to a sink: the engine itself, or the engine in a Web Worker.
 * Pure (no Office.js, no files): sources are passed in.
 */
import {
  type ColumnMapping,
  type Detection,
  detectTable,
  HEADER_SCAN_ROWS,
  headersOf,
} from "../ingest/detect";
import { normaliseHeader, type Role } from "../ingest/fields";
import { type Cell, cellText, type Grid, isBlankCell, USUAL_COLUMNS } from "../ingest/grid";
import { currencyOfNumberFormat } from "../ingest/moneyFormat";
import {
  closestOrders,
  doubledHeaderNotes,
  kapOutputError,
  LATE_HEADER_ROWS,
  lateOrderHeader,
  nearOrders,
  noOrdersError,
  requireComplete,
  withUserChoices,
} from "../ingest/mapping";
import { layoutById } from "../ingest/layouts";
import { type ColumnConvention, numberEvidence, type NumberCulture } from "../ingest/numbers";
import { CREDIT_ID_SAMPLE, creditPrefixIsNumbering } from "../domain/orderLines";
import { billingCancellations, cancellationInWords } from "../ingest/cancellations";
import { sixDigitDateColumn } from "../ingest/compactDates";
import { type DocCode, docTypeCodes } from "../ingest/docTypeCodes";
import { firstLineFields, firstLineFieldsNote, firstLineReading } from "../ingest/firstLineFields";
import {
  countsForCreditPrefixes,
  CREDIT_TYPE,
  creditNotePrefixes,
  invoicePrefixesBeside,
  type IngestReport,
  NUMBER_FIELDS,
  type NumberField,
  SAGE_INVOICE_TYPE,
  SAP_BILLING_TYPES,
} from "../ingest/orders";
import { CHECK_ROWS, checkOrderColumns, orderNumberConventions } from "../ingest/plausible";
import { lineLikeRowsAbove, lineLikeRowsAboveNote } from "../ingest/rowsAboveHeader";
import {
  parseAccounts,
  parseCatalog,
  parseContacts,
  parseCrossSell,
  parseEngagementLog,
  parseInitiatives,
  parsePayments,
  parseRates,
  type TableResult,
} from "../ingest/tables";
import { firstRowPerAccount } from "../ingest/duplicateAccounts";
import {
  type DateOrder,
  type DateOrderSource,
  dateOrderEvidence,
  excelSwappedDates,
  swappedDatesHint,
  parseDate,
  parseMoney,
  settleDateOrder,
  type SwappedDates,
  textDateOrder,
  writesDayAndMonth,
} from "../ingest/values";
import { MONTH_NAMES, serialToYmd } from "../domain/dates";
import type {
  AccountRecord,
  CatalogItem,
  ContactRecord,
  CuratedRule,
  CurrencyRate,
  EngagementEntry,
  InitiativeRecord,
  Invoice,
} from "../domain/types";
import type { KapSettings } from "./settings";

/** One table-shaped region a source can read: a worksheet's used range, an Excel table, a text file. */
export interface SourceTable {
  /**
   * Its first rows as a grid (header detection looks at up to 30 rows; the header row need not
   * be the first), with `name`, `tableName`, `top` (1-based sheet row of values[0]) and the
   * number formats of those rows where the source has them.
   */
  peek: Grid;
  /** All its rows, header rows included, when the source knows (progress, and the tie-break between equal detections). */
  rows?: number;
  /** The workbook hides its sheet (no tab shown; "veryHidden": not even listed under Unhide). */
  hiddenSheet?: "hidden" | "veryHidden";
}

/** A block of consecutive rows; `offset` is the 0-based row within the table of rows[0]. */
export type BlockHandler = (
  rows: readonly (readonly Cell[])[],
  offset: number
) => void | Promise<void>;

/** Where rows come from. Each face supplies one; the session does the rest. */
export interface IngestSource {
  /** Every table that may hold data, each with its first rows. */
  tables(): Promise<SourceTable[]>;
  /** Reads all rows of a table from its first row, block by block, in order (awaiting each handler). */
  read(table: SourceTable, onBlock: BlockHandler): Promise<void>;
  /** The workbook's culture ("en-US", "de-DE"): settles day- or month-first dates. */
  culture?(): Promise<string | undefined>;
  /**
   * The workbook's date system (Excel's "Use 1904 date system"): in a 1904 workbook a date
   * cell's serial is 1,462 smaller than KAP's 1900-system count (domain/dates DATE1904_OFFSET).
   * Sources that give no serials, or only 1900-system ones, leave it out.
   */
  dateSystem?(): Promise<1900 | 1904>;
  /**
   * The workbook's number culture (Excel's decimal separator, with the culture name): settles
   * number columns whose cells read two ways ("1,250"). Falls back to `culture`.
   */
  numberCulture?(): Promise<NumberCulture | undefined>;
  /**
   * Rows per push to the sink this source suits (SessionOptions.chunkRows wins): the CLI's
   * files push small chunks, so their rows die young rather than live through collections.
   */
  chunkRows?: number;
  /**
   * Rows the sink has taken (its push has returned and it kept no row array): the source may
   * fill these arrays again rather than make new ones (a million rows then make no garbage).
   */
  recycle?(rows: Cell[][]): void;
  /**
   * The columns the order lines are read from, once settled, and the date column: from some
   * later row on, the source may leave the other cells of a row blank when its date cell starts
   * like a whole date (CsvParser's startsLikeDate: three runs of digits, or a serial). The order
   * parser reads no other cell of a row whose date reads as one; a row with a blank, text, zero
   * or period date (a header; a total, with SAP's 00.00.0000, a database's 0000-00-00, 01/2026)
   * comes whole. (A row whose date looks so but is no date, 31.02.2026, is rejected as an
   * unreadable date even where a total's label stands in a column left blank.) Skipping the
   * rest of a wide export's columns (Shopify's 70) is most of the reading.
   */
  project?(columns: readonly number[], dateColumn: number): void;
}

/** Optional tables, parsed (small: read whole). */
export interface SideTables {
  accounts: AccountRecord[];
  catalog: CatalogItem[];
  contacts: ContactRecord[];
  curatedRules: CuratedRule[];
  rates: CurrencyRate[];
  /** the engagement log (Engagement factor), empty when the workbook has none */
  engagement: EngagementEntry[];
  /** the payments ledger (Payment factor), empty when the workbook has none */
  invoices: Invoice[];
  /** the user's Initiatives table, empty when the workbook has none */
  initiatives: InitiativeRecord[];
  /** rows skipped per table, for the user */
  notes: string[];
}

export function emptySideTables(): SideTables {
  return {
    accounts: [],
    catalog: [],
    contacts: [],
    curatedRules: [],
    rates: [],
    engagement: [],
    invoices: [],
    initiatives: [],
    notes: [],
  };
}

/**
 * How the order lines are read, decided once from the sample of the order lines and the
 * workbook's culture (never cell by cell), and reported back as what KAP assumed.
 */
export interface OrderReadOptions {
  dateOrder: DateOrder;
  dateOrderSource?: DateOrderSource;
  /** the serials come from a workbook in Excel's 1904 date system (IngestSource.dateSystem) */
  date1904?: boolean;
  /** the date column writes six-digit dates (ingest/compactDates): five digits are one missing its zero */
  sixDigitDates?: boolean;
  /** the order dates Excel converted have day and month swapped (ingest/values excelSwappedDates) */
  swapSerialDayMonth?: boolean;
  /** each number column's decimal convention (ingest/numbers), decided over the column and the file */
  numbers?: Partial<Record<NumberField, ColumnConvention>>;
  /** the discount column is formatted as a percentage (0.1 = 10%) */
  discountIsFraction?: boolean;
  /** the document-type column holds SAP billing types (F2, G2 …) in the sample: its RE is a return */
  sapDocTypes?: boolean;
  /**
   * the document-type column writes a cancellation in words in the sample, of an invoice ("Storno
   * Rechnung", "Invoice Cancellation") or of a credit note ("Storno Gutschrift"): paired as S1
   * and S2 are, with no other SAP reading
   */
  cancellationWords?: boolean;
  /** a cancellation met past the sample: pair the cancellations though the sample showed none */
  pairCancellations?: boolean;
  /**
   * SAP's S1 cancellations in the sample and the invoices they cancel ([cancellation id, invoice
   * id]): both documents' lines are left out (ingest/cancellations)
   */
  cancelledBilling?: [string, string][];
  /** the document-type column holds Sage's SI in the sample: its SR, SA, PI … are no sales */
  sageDocTypes?: boolean;
  /** the document-type column writes one system's codes (FT/NC, FA/AV): these are its credit notes' (ingest/docTypeCodes) */
  docCreditCodes?: string[];
  /** … and these its codes of no sale: quotes and inquiries (SAP's AG and AF) */
  docNotSaleCodes?: string[];
  /** false when the sample's order ids mostly look like credit notes: "C26101" is the numbering */
  creditNoteIds?: boolean;
  /** credit-note id prefixes the sample shows beside their invoice prefixes ("av" beside "fa"; ingest/orders creditNotePrefixes) */
  creditIdPrefixes?: string[];
  /**
   * the order's id and customer are on its first line only (a report, a PivotTable in tabular
   * form): a later line leaving them blank is the order's above it (ingest/firstLineFields)
   */
  orderFieldsOnFirstLine?: boolean;
  /**
   * the file is grouped by customer, its name on the group's first line only (a PivotTable): a
   * line leaving it blank is the customer's above it (ingest/firstLineFields)
   */
  customerOnFirstLine?: boolean;
  /** what the column checks changed and why, and the export layout recognised (ingest/plausible) */
  notes?: string[];
  /** what the file reader knows (text files): encoding and delimiter */
  file?: { encoding?: string; delimiter?: string };
}

/** What the pane says of a workbook in the 1904 date system (its order dates were read in it). */
export const DATE1904_NOTE =
  "This workbook uses the 1904 date system (an option from Excel for Mac): KAP read its dates in it and writes its own dates in it.";

/**
 * What the user is told of Excel's swapped dates: the file was opened in Excel under the other
 * date order and saved, and KAP reads the converted dates back the way the text ones are written.
 */
function swappedDatesNote(s: SwappedDates): string {
  const { y, m, d } = serialToYmd(s.savedDate);
  const [saved, meant] = [`${d} ${MONTH_NAMES[m - 1]} ${y}`, `${m} ${MONTH_NAMES[d - 1]} ${y}`];
  const way = s.order === "dmy" ? "day-first" : "month-first";
  return `The order dates look opened in Excel under the other date order and saved: the dates that read both ways became dates with day and month swapped, the rest stayed text ("${s.text}", ${way}). KAP swaps day and month back in those dates (one saved as ${saved} is read as ${meant}). To be sure, export the file again and open it with its dates imported as ${way}.`;
}

/**
 * Excel's mix on too few dates to be sure (ingest/values swappedDatesHint): the dates are read as
 * they are, and the user is told which may be swapped and how to settle it.
 */
function swappedDatesHintNote(s: SwappedDates & { dates: number }): string {
  const { y, m, d } = serialToYmd(s.savedDate);
  const [saved, meant] = [`${d} ${MONTH_NAMES[m - 1]} ${y}`, `${m} ${MONTH_NAMES[d - 1]} ${y}`];
  const way = s.order === "dmy" ? "day-first" : "month-first";
  const n = s.dates === 1 ? "1 order date" : `${s.dates} order dates`;
  return `The order date column mixes dates and text dates: the text dates read ${way} only ("${s.text}") and no date has a day over 12, as when a ${way} file is opened in Excel under the other date order and saved. ${n[0].toUpperCase()}${n.slice(1)} may then have day and month swapped (${saved} may be ${meant}); too few to be sure, KAP read them as they are. Export the file again and open it with its dates imported as ${way}, or check those dates, and analyse again.`;
}

/** A QuickBooks report's footer: "Accrual basis Monday, November 2, 2026 10:15 AM GMT". */
const REPORT_BASIS = /^(?:accrual|cash)\s+basis\b/i;

/**
 * The reading options from a sample of the order rows (below the header) and the culture:
 * date order (culture, else the data, else the layout's known order, else a date written with
 * its month's name in the report's title block or footer, else day-first), number
 * conventions per column (ingest/numbers), the discount's scale from its number format.
 */
export function planReading(
  found: Found,
  sample: readonly (readonly Cell[])[],
  culture?: NumberCulture,
  date1904 = false
): OrderReadOptions {
  const { mapping, notes } = found.detection;
  const peek = found.table.peek;
  const dateCol = mapping.fields.find((f) => f.field === "date")?.column ?? 0;
  const cultureName = typeof culture === "string" ? culture : culture?.name;
  const idCol = mapping.fields.find((f) => f.field === "orderId")?.column;
  // the date cells and order ids, taken out of the rows in one pass: a pass over a 50,000-row
  // sample costs a cache miss a row
  const dateCells: Cell[] = [];
  const ids: string[] = [];
  for (const r of sample) {
    dateCells.push(r[dateCol]);
    if (idCol === undefined) continue;
    const id = r[idCol];
    ids.push(id === null || id === undefined ? "" : String(id).trim());
  }
  let date = settleDateOrder(dateCells, cultureName, layoutById(mapping.layout)?.dateOrder);
  // Dates that read one way only (15.10.2026) settle the column even against the culture: read
  // the culture's way, the dates that read both ways would be taken the other way round from them.
  const dateNotes: string[] = [];
  if (date.source === "culture") {
    const own = settleDateOrder(dateCells);
    if (own.source === "data" && own.order !== date.order) {
      const proofs = dateCells.filter(
        (v): v is string => typeof v === "string" && settleDateOrder([v]).source === "data"
      );
      // a date that reads one way only by its numbers (15.10.2026) says it best; else one written
      // with dots (05.10.2026), the day-first way of writing dates
      const byNumbers = proofs.find(
        (v) => /^\s*(?:1[3-9]|[23]\d)\D/.test(v) || /^\s*\d{1,2}\D(?:1[3-9]|[23]\d)\D/.test(v)
      );
      const proof = (byNumbers ?? proofs[0] ?? "").trim();
      const way = (o: DateOrder) => (o === "dmy" ? "day-first" : "month-first");
      dateNotes.push(
        byNumbers !== undefined || own.order !== "dmy"
          ? `The workbook's regional settings (${cultureName}) read dates ${way(date.order)}, but order dates such as "${proof}" read ${way(own.order)} only: every order date is read ${way(own.order)}.`
          : `The workbook's regional settings (${cultureName}) read dates month-first, but the order dates are written with dots, as day-first dates are ("${proof}"): every order date is read day-first.`
      );
      date = own;
    }
  }
  // The order dates read both ways: another date column of the same export (a due date, a
  // delivery date) written the same way may settle it ("11/21/2026" is month-first).
  if (date.source === "default" || date.source === "layout") {
    const width = sample.reduce((w, r) => Math.max(w, r.length), 0);
    for (let c = 0; c < width; c++) {
      if (c === dateCol) continue;
      const cells = sample.map((r) => r[c]).filter((v) => typeof v === "string" && v.trim());
      // a date column: (nearly) every text a date, not part numbers such as 10-15-200
      const dates = cells.filter((v) => DATE_TEXT.test(v as string)).length;
      if (dates < 2 || dates < 0.9 * cells.length) continue;
      const order = dateOrderEvidence(cells);
      if (order) {
        date = { order, source: "data" };
        break;
      }
    }
  }
  // Still both ways: an invoice never falls due before it is dated, so a due-date column read
  // the wrong way round shows due dates before their invoice dates (a US Xero org's 10/2/2026,
  // due 11/1/2026, is 10 February due 11 January day-first).
  if (date.source === "default" || date.source === "layout") {
    const due = dueDateOrder(sample, dateCol, found.detection.headers);
    if (due) {
      date = { order: due.order, source: "data" };
      dateNotes.push(due.note);
    }
  }
  // Still unsettled: the report's own words, its period under the title ("October 1-31, 2026"
  // is month-first, "1-31 October 2026" day-first) or its "Accrual basis" footer.
  if (date.source === "default") {
    const words: Cell[] = peek.values.slice(0, mapping.headerRow).flat();
    for (const r of sample) {
      const cells = r.filter((v) => !isBlankCell(v));
      if (cells.length === 1 && typeof cells[0] === "string" && REPORT_BASIS.test(cells[0]))
        words.push(cells[0]);
    }
    const order = textDateOrder(words);
    if (order) date = { order, source: "data" };
  }
  // Excel's mix: the dates that read both ways made dates with day and month swapped, the rest text.
  const swapped = excelSwappedDates(dateCells, date1904);
  const sixDigitDates = sixDigitDateColumn(dateCells);
  if (swapped) {
    date = { order: swapped.order, source: "data" };
    dateNotes.push(swappedDatesNote(swapped));
  } else {
    const hint = swappedDatesHint(dateCells, date1904);
    if (hint) dateNotes.push(swappedDatesHintNote(hint));
  }
  const disc = mapping.fields.find((f) => f.field === "discount")?.column;
  const docCol = mapping.fields.find((f) => f.field === "docType")?.column;
  const sapDocTypes =
    docCol !== undefined &&
    sample.some((r) => typeof r[docCol] === "string" && SAP_BILLING_TYPES.test(r[docCol]));
  const cancellationWords =
    docCol !== undefined &&
    sample.some((r) => typeof r[docCol] === "string" && cancellationInWords(r[docCol]));
  // Two-letter codes are Sage's only beside its sales invoices (a German 'SA' is a Sammelrechnung)
  const sageDocTypes =
    docCol !== undefined &&
    sample.some((r) => typeof r[docCol] === "string" && SAGE_INVOICE_TYPE.test(r[docCol]));
  // Document types as a system's codes (FT and NC, FA and AV, RE and GS): the credit notes' codes
  const codes =
    docCol !== undefined && !mapping.layout
      ? docTypeCodes(sample.map((r) => r[docCol]))
      : { credits: [], notSales: [] };
  const docCodes = codes.credits;
  const seen = (list: readonly DocCode[]) =>
    list.filter(({ code }) => sample.some((r) => cellText(r[docCol!]).toUpperCase() === code));
  const docCodesSeen = seen(docCodes);
  const notSaleCodesSeen = seen(codes.notSales);
  const numbering = idCol !== undefined && creditPrefixIsNumbering(ids);
  // Credit notes numbered apart from the invoices (AV… beside FA…, GU… beside RE…, NC… beside FT…), whatever their sign.
  const creditIdPrefixes = creditNotePrefixes(ids);
  const layout = layoutById(mapping.layout);
  // (a known export layout has its own rules for whose a line is)
  const firstLine =
    layout || mapping.customerHeadings ? undefined : firstLineFields(mapping, sample);
  const firstLineRead = firstLineReading(firstLine);
  const firstLineOnly = firstLineRead.orderFields || firstLineRead.customerGroups;
  // rows above the header that read as order lines are never left out unsaid
  const above = lineLikeRowsAbove(peek.values, mapping, date.order);
  const allNotes = [
    ...(notes ?? []),
    ...(above.length
      ? [lineLikeRowsAboveNote(above, peek.values, mapping.headerRow, (r) => (peek.top ?? 1) + r)]
      : []),
    // two columns under one header: which one is read (the user's choice or the guess)
    ...doubledHeaderNotes(found.detection.headers, mapping, peek.left),
    ...dateNotes,
    ...(firstLineOnly ? [firstLineFieldsNote(mapping, firstLine!, firstLineRead)] : []),
    ...(docCodesSeen.length || notSaleCodesSeen.length
      ? [docCodesNote(mapping, docCodesSeen, notSaleCodesSeen)]
      : []),
    ...(creditIdPrefixes.length
      ? [
          `Order ids starting ${creditIdPrefixes.map((p) => p.toUpperCase()).join(" or ")} beside the invoices' ${invoicePrefixesBeside(creditIdPrefixes).join("… or ")}… are credit notes: read as returns, whatever their sign.`,
        ]
      : []),
  ];
  const numbers = orderNumberConventions(
    mapping,
    sample,
    culture,
    // the CLI names it ("semicolon"), a grid read whole gives the character
    peek.file?.delimiter === "semicolon" ? ";" : peek.file?.delimiter
  );
  // SAP's S1 cancellations and the invoices they cancel: both left out (ingest/cancellations)
  const cancelled =
    sapDocTypes || cancellationWords ? sampleCancellations(mapping, sample, numbers) : [];
  return {
    dateOrder: date.order,
    ...(swapped ? { swapSerialDayMonth: true } : {}),
    ...(sixDigitDates ? { sixDigitDates } : {}),
    ...(sapDocTypes ? { sapDocTypes } : {}),
    ...(cancellationWords ? { cancellationWords } : {}),
    ...(cancelled.length ? { cancelledBilling: cancelled } : {}),
    ...(sageDocTypes ? { sageDocTypes } : {}),
    ...(docCodes.length ? { docCreditCodes: docCodes.map((c) => c.code) } : {}),
    ...(codes.notSales.length ? { docNotSaleCodes: codes.notSales.map((c) => c.code) } : {}),
    ...(numbering ? { creditNoteIds: false } : {}),
    ...(creditIdPrefixes.length ? { creditIdPrefixes } : {}),
    ...(firstLineRead.orderFields ? { orderFieldsOnFirstLine: true } : {}),
    ...(firstLineRead.customerGroups ? { customerOnFirstLine: true } : {}),
    dateOrderSource: date.source,
    numbers,
    discountIsFraction:
      disc !== undefined &&
      (peek.numberFormats?.[mapping.headerRow + 1]?.[disc] ?? "").includes("%"),
    ...(allNotes.length ? { notes: allNotes } : {}),
    ...(peek.file ? { file: peek.file } : {}),
  };
}

/** What a document-type column written in one system's codes says: its credit notes' codes, its codes of no sale. */
function docCodesNote(
  mapping: ColumnMapping,
  credits: readonly DocCode[],
  notSales: readonly DocCode[]
): string {
  const said = (list: readonly DocCode[]) => list.map((c) => `${c.code} (${c.name})`).join(" and ");
  const header = mapping.fields.find((f) => f.field === "docType")!.header;
  return `"${header}" writes document types as codes: ${[
    ...(credits.length
      ? [`its ${said(credits)} lines are credit notes, read as returns whatever their sign`]
      : []),
    ...(notSales.length ? [`its ${said(notSales)} lines are no sales, skipped and counted`] : []),
  ].join("; ")}.`;
}

/**
 * The order table's header-based mapping checked against its first rows (ingest/plausible):
 * line revenue ≈ qty × price, order-level totals, one customer value; the fields the user chose
 * are left alone. The notes say what changed, and which export layout was recognised.
 */
export function checkOrders(
  found: Found,
  settings?: Pick<KapSettings, "mapping">,
  sample?: readonly (readonly Cell[])[]
): Found {
  const { table } = found;
  const detection = found.unchecked ?? found.detection;
  const peek = table.peek;
  const m = detection.mapping;
  const rows = sample ?? peek.values.slice(m.headerRow + 1);
  const choices = settings?.mapping?.orders;
  const userFields = new Set(
    Object.entries(choices ?? {})
      .filter(([, h]) => h !== undefined)
      .map(([f]) => f)
  );
  const disc = m.fields.find((f) => f.field === "discount")?.column;
  const check = checkOrderColumns(m, rows, {
    numbers: orderNumberConventions(m, rows),
    firstRowNumber: (peek.top ?? 1) + m.headerRow + 1,
    discountIsFraction:
      disc !== undefined && (peek.numberFormats?.[m.headerRow + 1]?.[disc] ?? "").includes("%"),
    userFields,
    headers: detection.headers,
  });
  const layout = layoutById(m.layout);
  const notes = [
    ...(layout
      ? [
          `Read as ${layout.name}${layout.note ? `: ${layout.note.charAt(0).toLowerCase()}${layout.note.slice(1)}` : "."}`,
        ]
      : []),
    ...check.notes,
  ];
  const mapping =
    sample && choices ? withUserChoices(check.mapping, detection.headers, choices) : check.mapping;
  return {
    table,
    unchecked: detection,
    detection: { ...detection, mapping, notes: notes.length ? notes : undefined },
  };
}

/** What the order lines are read with, settled before the first line is parsed. */
export interface OrderPlan {
  side: SideTables;
  mapping: ColumnMapping;
  headers: string[];
  dateOrder: DateOrder;
  /** everything else the sample settled (number conventions, notes); `dateOrder` repeats its date order */
  read?: OrderReadOptions;
  /** Number format of the source revenue (or unit price) column, so money on KAP's sheets looks like the data's. */
  sourceMoneyFormat?: string;
  /** The workbook's culture when known ("en-GB"): KAP's sheets print on its paper size. */
  culture?: string;
}

/** Where order lines go: the engine on this thread, or the engine in a worker (each call then a message). */
export interface OrderSink {
  begin(plan: OrderPlan): void | Promise<void>;
  push(rows: readonly (readonly Cell[])[], firstRowNumber: number): void | Promise<void>;
  finish(): IngestReport | Promise<IngestReport>;
  /**
   * Forgets every row pushed since `begin`, which is called again next (with another plan).
   * A sink that has it is given the sample's rows under a provisional plan while the sample
   * grows (IngestSession.run).
   */
  discard?(): void | Promise<void>;
}

/** A detected table: where it is, and how its columns map. */
export interface Found {
  table: SourceTable;
  detection: Detection;
  /** The order table's header-based detection before the data checks (checked again on the larger sample). */
  unchecked?: Detection;
}

export type FoundRoles = Partial<Record<Role, Found>>;

export interface SessionOptions {
  /** Read the order lines from this sheet only (CLI --sheet); side tables still come from anywhere. */
  ordersSheet?: string;
  /** Rows per push to the sink (default 20,000; a source's blocks are cut or joined to this). */
  chunkRows?: number;
  /** Culture when the source has none (tests, `kap --culture`). */
  culture?: string;
  /** Number culture when the source has none (a decimal separator or a culture name). */
  numberCulture?: NumberCulture;
  /** Rows read so far of the order table (`total` when known). */
  onProgress?: (done: number, total: number | undefined) => void;
  /** Checked between blocks; throws what `cancelled()` returns when set. */
  signal?: AbortSignal;
  cancelled?: () => Error;
}

/** A due date's header: Due Date, DueDate, Fälligkeit, Échéance, Vervaldatum, Vencimiento, Scadenza. */
const DUE_HEADER =
  /(?:^| )(?:due|f[äa]llig(?:keit|keitsdatum)?|[ée]ch[ée]ance|vervaldatum|vencimiento|scadenza)(?: |$)/;

/**
 * The date order a due-date column settles, where the order dates read both ways: the order in
 * which no due date falls before its invoice date while the other order puts some before it.
 */
function dueDateOrder(
  sample: readonly (readonly Cell[])[],
  dateCol: number,
  headers: readonly string[]
): { order: DateOrder; note: string } | undefined {
  const dueCol = headers.findIndex((h, c) => c !== dateCol && DUE_HEADER.test(normaliseHeader(h)));
  if (dueCol < 0) return undefined;
  const before: Record<DateOrder, number> = { dmy: 0, mdy: 0 };
  const example: Partial<Record<DateOrder, string>> = {};
  for (const r of sample) {
    const [d, due] = [r[dateCol], r[dueCol]];
    if (typeof d !== "string" || typeof due !== "string") continue;
    for (const o of ["dmy", "mdy"] as const) {
      const [a, b] = [parseDate(d, o), parseDate(due, o)];
      if (a === undefined || b === undefined || b >= a) continue;
      if (before[o]++ === 0) example[o] = `${d.trim()} due ${due.trim()}`;
    }
  }
  const order: DateOrder | undefined =
    before.dmy > 0 && before.mdy === 0
      ? "mdy"
      : before.mdy > 0 && before.dmy === 0
        ? "dmy"
        : undefined;
  if (!order) return undefined;
  const other: DateOrder = order === "dmy" ? "mdy" : "dmy";
  const way = (o: DateOrder) => (o === "dmy" ? "day-first" : "month-first");
  const n = before[other];
  return {
    order,
    note: `The order dates read both ways, but "${headers[dueCol].trim()}" settles it: read ${way(other)}, ${n} due date${n === 1 ? "" : "s"} would fall before ${n === 1 ? "its invoice date" : "their invoice dates"} (${example[other]}): every date is read ${way(order)}.`,
  };
}

/** Text that is a day, month and year and nothing else but a time: 21/11/2026, 11-21-26 09:30. */
const DATE_TEXT =
  /^\s*\d{1,2}[-/.]\d{1,2}[-/.](?:\d{2}|\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*$/;

/** Thrown out of the reading when the sample must be read again whole (IngestSession.run's dropPushed). */
const RESTART_SAMPLE = new Error("the sample is read again");

/** Rows of the order table looked at before parsing starts: at least this many… */
const SAMPLE_ROWS = 1_000;
/**
 * …and, while text dates stay ambiguous (every day ≤ 12), up to this many, or as many cells as
 * that many rows of USUAL_COLUMNS hold (a wide export's sample stops sooner, at SAMPLE_ROWS).
 */
const SAMPLE_ROWS_MAX = 50_000;

/**
 * Where the dates need no order (ISO dates: no text date written day and month first), the plan
 * is settled on the first CHECK_ROWS + 1 rows, all the column checks read (and one more: they
 * know the sample goes on), not SAMPLE_ROWS_MAX.
 */
const PLAN_ROWS = CHECK_ROWS + 1;

/**
 * For a plan settled on the first PLAN_ROWS rows (`sample`) where the dates need no order: a
 * test of each later row of the full sample (to SAMPLE_ROWS_MAX), true when the row could make
 * the full sample's plan differ from this one. A row that is not (the usual one) changes none
 * of the plan's judgements: its date is no day-month text (the date order, Excel's swapped
 * dates), its number cells no text that proves or leaves open a decimal mark (the number
 * conventions and their counts), its order id no credit or invoice prefix (creditNotePrefixes;
 * creditPrefixIsNumbering reads the first 1,000 ids only), its document type no SAP or Sage
 * type nor a cancellation in words; the column checks read the first CHECK_ROWS rows only. Undefined where the plan
 * cannot be kept so: a date order settled otherwise, SAP documents (their cancellations are
 * paired over the whole sample), a quantity with ambiguous text (a later bare count may settle
 * its grouping), customer headings, fewer than 1,000 order ids.
 */
function laterRowsTest(
  plan: OrderPlan,
  unchecked: ColumnMapping,
  sample: readonly (readonly Cell[])[]
): ((row: readonly Cell[]) => boolean) | undefined {
  const read = plan.read;
  const { mapping } = plan;
  if (
    !read ||
    read.dateOrderSource !== "unneeded" ||
    read.sapDocTypes ||
    read.cancellationWords ||
    (read.numbers?.quantity?.ambiguous ?? 0) > 0 ||
    mapping.customerHeadings ||
    unchecked.customerHeadings
  )
    return undefined;
  const column = (f: string) => mapping.fields.find((m) => m.field === f)?.column;
  const dateCol = column("date") ?? 0;
  const idCol = column("orderId");
  const docCol = column("docType");
  const sageKnown = read.sageDocTypes === true;
  // the number columns of the checked mapping and of the headers' (checkOrders reads both)
  const numberCols = [
    ...new Set(
      [...mapping.fields, ...unchecked.fields]
        .filter((m) => (NUMBER_FIELDS as readonly string[]).includes(m.field))
        .map((m) => m.column)
    ),
  ];
  if (idCol !== undefined) {
    let ids = 0;
    for (const r of sample) if (!isBlankCell(r[idCol]) && String(r[idCol]).trim() !== "") ids++;
    if (ids < CREDIT_ID_SAMPLE) return undefined;
  }
  // an order's lines repeat its date and id: each run of one is tested once
  let lastDate: Cell = null;
  let lastId: Cell = null;
  return (row) => {
    const d = row[dateCol];
    if (d !== lastDate) {
      lastDate = d;
      if (typeof d === "string" && writesDayAndMonth(d)) return true;
    }
    for (let i = 0; i < numberCols.length; i++) {
      const v = row[numberCols[i]];
      if (typeof v !== "string") continue;
      const e = numberEvidence(v);
      if (e === "point" || e === "comma" || e === "ambiguous") return true;
    }
    if (idCol !== undefined) {
      const id = row[idCol];
      if (id !== lastId) {
        lastId = id;
        if (typeof id === "string" && countsForCreditPrefixes(id.trim())) return true;
      }
    }
    if (docCol !== undefined) {
      const t = row[docCol];
      if (
        typeof t === "string" &&
        (SAP_BILLING_TYPES.test(t) ||
          cancellationInWords(t) ||
          (!sageKnown && SAGE_INVOICE_TYPE.test(t)))
      )
        return true;
    }
    return false;
  };
}

/** What of a plan decides how rows are parsed and reported: equal keys, the same lines. */
function planKey(p: OrderPlan): string {
  return JSON.stringify([p.mapping, p.read]);
}

/**
 * Whether the workbook shows the table's sheet. Of two tables found for one role, a shown
 * sheet's is read before a hidden one's, whatever else ranks them: a hidden sheet beside the
 * shown one is most often an old copy or a lookup the user does not see, and analysing it would
 * answer for data the user never looked at. A hidden sheet is still read where it is the only
 * one found (hiddenSheetWarning says so). kap and the pane both choose here.
 */
function shown(t: SourceTable): boolean {
  return !t.hiddenSheet;
}

/**
 * The best detection per role over a source's tables, with the user's column choices applied.
 * A shown sheet's table beats a hidden sheet's (shown); then the higher confidence; on equal
 * confidence an Excel table beats a plain range (a table and its sheet's used range often both
 * match), then the longer one. With `ordersSheet`, only that sheet is read as order lines.
 */
export function detectRoles(
  tables: readonly SourceTable[],
  settings?: Pick<KapSettings, "mapping">,
  ordersSheet?: string
): FoundRoles {
  const out: FoundRoles = {};
  const isOrdersSheet = (t: SourceTable) =>
    t.peek.name.toLowerCase() === ordersSheet?.toLowerCase();
  const dataRows = (f: Found) =>
    (f.table.rows ?? f.table.peek.values.length) - f.detection.mapping.headerRow - 1;
  for (const table of tables) {
    // A named orders sheet is read as order lines (whatever else it might look like), and only it.
    const d =
      ordersSheet && isOrdersSheet(table)
        ? detectTable(table.peek, "orders")
        : detectTable(table.peek);
    if (!d || (ordersSheet && d.mapping.role === "orders" && !isOrdersSheet(table))) continue;
    const cand: Found = { table, detection: d };
    const cur = out[d.mapping.role];
    const better =
      !cur ||
      (shown(table) && !shown(cur.table)) ||
      (shown(table) === shown(cur.table) &&
        (d.confidence > cur.detection.confidence ||
          (d.confidence === cur.detection.confidence &&
            ((!!table.peek.tableName && !cur.table.peek.tableName) ||
              (!!table.peek.tableName === !!cur.table.peek.tableName &&
                dataRows(cand) > dataRows(cur))))));
    if (better) out[d.mapping.role] = cand;
  }
  // No complete order table: offer the closest one, so its missing columns can be mapped.
  // A sheet with an order date and most order columns is order lines, whatever else it matched.
  // (A shown sheet's first, as above.)
  if (!out.orders) {
    const pool = ordersSheet ? tables.filter(isOrdersSheet) : tables;
    const closest = (ts: readonly SourceTable[]) =>
      closestOrders(
        ts.map((t) => t.peek),
        !!ordersSheet
      );
    const near = closest(pool.filter(shown)) ?? closest(pool);
    if (near) {
      const table = pool.find((t) => t.peek === near.grid)!;
      for (const role of Object.keys(out) as Role[])
        if (out[role]?.table === table) delete out[role];
      out.orders = { table, detection: near.detection };
    }
  }
  // The order columns checked against the rows (line revenue ≈ qty × price, order totals, one customer).
  if (out.orders) out.orders = checkOrders(out.orders, settings);
  for (const role of Object.keys(out) as Role[]) {
    const choices = settings?.mapping?.[role as keyof KapSettings["mapping"]];
    const hit = out[role];
    if (hit && choices)
      hit.detection = {
        ...hit.detection,
        mapping: withUserChoices(hit.detection.mapping, hit.detection.headers, choices),
      };
  }
  return out;
}

/** The error for a source with no order lines: each table's name and the headers found in it. */
export function noOrdersIn(tables: readonly SourceTable[], ordersSheet?: string): Error {
  const pool = tables.filter(
    (t) => !ordersSheet || t.peek.name.toLowerCase() === ordersSheet.toLowerCase()
  );
  return noOrdersError(
    pool.map((t) => ({
      name: t.peek.tableName ?? t.peek.name,
      headers: headersOf(t.peek),
      late: lateOrderHeader(t.peek),
      near: nearOrders(t.peek),
      titles: t.peek.values
        .slice(0, 5)
        .map((r) => String((r ?? []).find((v) => typeof v === "string" && v.trim() !== "") ?? "")),
    }))
  );
}

function note<T>(label: string, r: TableResult<T>): string[] {
  return r.rejected.map(
    (x) =>
      `${label}: ${x.count} row${x.count === 1 ? "" : "s"} skipped (${x.reason}; row${x.rows.length === 1 ? "" : "s"} ${x.rows.join(", ")}).`
  );
}

/**
 * Parses the optional tables from whole grids (one per role found); `date1904`: their serials
 * are in Excel's 1904 date system (IngestSource.dateSystem).
 */
export function parseSideTables(
  full: Partial<Record<Role, { grid: Grid; detection: Detection }>>,
  date1904 = false
): SideTables {
  const t = emptySideTables();
  const read = <T>(
    role: Role,
    label: string | null,
    parse: (
      m: ColumnMapping,
      v: Grid["values"],
      top: number,
      culture: undefined,
      date1904: boolean
    ) => TableResult<T>
  ): T[] => {
    const f = full[role];
    if (!f) return [];
    const r = parse(f.detection.mapping, f.grid.values, f.grid.top ?? 1, undefined, date1904);
    if (label) t.notes.push(...note(label, r));
    return r.records;
  };
  const accounts = firstRowPerAccount(read("accounts", "Accounts", parseAccounts));
  t.accounts = accounts.records;
  if (accounts.note) t.notes.push(accounts.note);
  t.catalog = read("catalog", "Catalog", parseCatalog);
  t.contacts = read("contacts", "Contacts", parseContacts);
  t.curatedRules = read("crossSell", null, parseCrossSell);
  t.rates = read("rates", "Rates", parseRates);
  t.engagement = read("engagement", "Engagement log", parseEngagementLog);
  t.invoices = read("payments", "Payments ledger", parsePayments);
  t.initiatives = read("initiatives", "Initiatives", parseInitiatives);
  return t;
}

const SIDE_ROLES: readonly Role[] = [
  "accounts",
  "catalog",
  "contacts",
  "crossSell",
  "rates",
  "engagement",
  "payments",
  "initiatives",
];

/** Reads a whole (small) table into a grid. */
/** Thrown to stop a read once enough rows are in. */
class EnoughRows extends Error {}

/** A table's first `n` rows (or all, when fewer); its peek when they cannot be read. */
async function firstRows(source: IngestSource, table: SourceTable, n: number): Promise<Grid> {
  const values: Cell[][] = [];
  try {
    await source.read(table, (rows) => {
      for (const r of rows) {
        values.push((r as Cell[]).slice());
        if (values.length >= n) throw new EnoughRows();
      }
    });
  } catch (e) {
    if (!(e instanceof EnoughRows)) return table.peek;
  }
  return { ...table.peek, values };
}

async function readWhole(source: IngestSource, table: SourceTable): Promise<Grid> {
  const values: Cell[][] = [];
  await source.read(table, (rows) => {
    for (const r of rows) values.push(r as Cell[]);
  });
  return { ...table.peek, values };
}

/** The session's result: what was found, the side tables, how the order lines were read, and the report. */
export interface IngestOutcome {
  found: FoundRoles;
  plan: OrderPlan;
  report: IngestReport;
}

/**
 * One ingest over a source, in a fixed order:
 * 1. detect roles on every table's first rows (throws MissingRoleError when there are no
 *    order lines, or the order lines lack a required column);
 * 2. read the side tables whole;
 * 3. read the order table's first rows (SAMPLE_ROWS, more while text dates stay ambiguous)
 *    and settle the date order from them (the culture decides when known);
 * 4. push those rows, then every further block, to the sink in chunks;
 * 5. finish: the sink's report.
 */
export class IngestSession {
  private tablesP?: Promise<SourceTable[]>;
  private foundRoles?: FoundRoles;
  private date1904P?: Promise<boolean>;

  constructor(
    readonly source: IngestSource,
    readonly settings: Pick<KapSettings, "mapping">,
    private options: SessionOptions = {}
  ) {}

  /** The source's tables, listed once per session. */
  tables(): Promise<SourceTable[]> {
    this.tablesP ??= this.source.tables();
    return this.tablesP;
  }

  /** Whether the source's serials are in the 1904 date system, asked once per session. */
  private date1904(): Promise<boolean> {
    this.date1904P ??= Promise.resolve(this.source.dateSystem?.()).then((s) => s === 1904);
    return this.date1904P;
  }

  /** Step 1: the best table for each role. */
  async detect(): Promise<FoundRoles> {
    if (!this.foundRoles)
      this.foundRoles = detectRoles(await this.tables(), this.settings, this.options.ordersSheet);
    return this.foundRoles;
  }

  /** The order table, complete; else the error that says what is missing. */
  async orders(): Promise<Found> {
    const found = await this.detect();
    const orders = found.orders;
    // a workbook KAP wrote is said to be one, even where one of its sheets reads as order lines
    const own = kapOutputError(
      (await this.tables()).map((t) => ({
        name: t.peek.tableName ?? t.peek.name,
        headers: headersOf(t.peek),
      }))
    );
    if (own) throw own;
    if (!orders) {
      // A header row below the first rows detection looks at (a report's long title block) is
      // named in the message: each table's first LATE_HEADER_ROWS rows are read for it.
      const tables: SourceTable[] = [];
      for (const t of await this.tables())
        tables.push(
          t.peek.values.length >= HEADER_SCAN_ROWS
            ? { ...t, peek: await firstRows(this.source, t, LATE_HEADER_ROWS) }
            : t
        );
      throw noOrdersIn(tables, this.options.ordersSheet);
    }
    requireComplete(orders.detection.mapping, orders.detection.headers, orders.detection.notes);
    return orders;
  }

  /** Step 2: the side tables, read whole. */
  async sideTables(): Promise<SideTables> {
    const found = await this.detect();
    const full: Partial<Record<Role, { grid: Grid; detection: Detection }>> = {};
    for (const role of SIDE_ROLES) {
      const f = found[role];
      if (!f) continue;
      this.checkCancel();
      full[role] = { grid: await readWhole(this.source, f.table), detection: f.detection };
    }
    return parseSideTables(full, await this.date1904());
  }

  private checkCancel(): void {
    if (this.options.signal?.aborted) throw this.options.cancelled?.() ?? new Error("Cancelled.");
  }

  /** Every step, into `sink`; `more` adds options for this run (progress, cancelling). */
  async run(sink: OrderSink, more: SessionOptions = {}): Promise<IngestOutcome> {
    this.options = { ...this.options, ...more };
    const orders = await this.orders();
    const side = await this.sideTables();
    this.checkCancel();
    const culture = this.options.culture ?? (await this.source.culture?.());
    const numberCulture: NumberCulture | undefined =
      this.options.numberCulture ?? (await this.source.numberCulture?.());
    const date1904 = await this.date1904();
    let { mapping } = orders.detection;
    const { headers } = orders.detection;
    const top = orders.table.peek.top ?? 1;
    const dateCol = mapping.fields.find((f) => f.field === "date")?.column ?? 0;
    // The money's format is the line value's; the unit price's only when there is no line value
    // (a General "Preis" before a '#,##0.00 "€"' "Betrag" hid the euros).
    const revCol = (
      mapping.fields.find((f) => f.field === "revenue") ??
      mapping.fields.find((f) => f.field === "unitPrice")
    )?.column;
    // Excel's General names no currency: as if no format were given (KAP's default is said as such)
    const givenFormat =
      revCol === undefined
        ? undefined
        : orders.table.peek.numberFormats?.[mapping.headerRow + 1]?.[revCol];
    const sourceMoneyFormat =
      givenFormat && givenFormat.toLowerCase() !== "general" ? givenFormat : undefined;
    const chunkRows = Math.max(1, this.options.chunkRows ?? this.source.chunkRows ?? 20_000);
    const total = orders.table.rows;

    let plan: OrderPlan | undefined;
    // Rows held until the plan is settled, then the chunk being filled.
    let held: (readonly Cell[])[] = [];
    // and their cells: a chunk of a wide export is cut at as many cells as chunkRows usual rows
    let heldCells = 0;
    const chunkCells = chunkRows * USUAL_COLUMNS;
    let heldFirst = top + mapping.headerRow + 1;
    let ambiguous = culture === undefined;
    // While the sample grows past SAMPLE_ROWS, a sink that can discard parses it with the plan
    // its first SAMPLE_ROWS settle: kept when the whole sample settles the same plan, else
    // discarded and parsed again. Rows are then parsed as they arrive rather than after up to
    // SAMPLE_ROWS_MAX of them (on a file read by another thread, time the sink would sit idle).
    let guess: { key: string; pushed: number; plan: OrderPlan } | undefined;
    let guessed = false;
    // Where the guess's dates need no order, the guess is made again on PLAN_ROWS rows and then
    // kept at SAMPLE_ROWS_MAX unless a later row could change it (laterRowsTest).
    let replanned = false;
    let laterRows: ((row: readonly Cell[]) => boolean) | undefined;

    // The culture's name settles the date order, its decimal separator the number columns.
    const named: NumberCulture | undefined =
      culture === undefined
        ? numberCulture
        : typeof numberCulture === "object"
          ? { ...numberCulture, name: culture }
          : culture;
    const planOf = (sample: readonly (readonly Cell[])[]): OrderPlan => {
      // The column checks again, on the sample rather than the first rows the detection saw.
      let checked = orders;
      if (
        orders.unchecked &&
        sample.length > orders.table.peek.values.length - orders.detection.mapping.headerRow - 1
      ) {
        checked = checkOrders(orders, this.settings, sample);
        requireComplete(checked.detection.mapping, headers, checked.detection.notes);
      }
      const read = planReading(checked, sample, named, date1904);
      const mixed = mixedFormatCurrencies(orders.table.peek, checked.detection.mapping, revCol);
      if (mixed) read.notes = [...(read.notes ?? []), mixed];
      if (date1904) {
        read.date1904 = true;
        read.notes = [...(read.notes ?? []), DATE1904_NOTE];
      }
      return {
        side,
        mapping: checked.detection.mapping,
        headers,
        dateOrder: read.dateOrder,
        read,
        sourceMoneyFormat,
        culture,
      };
    };
    const startGuess = async () => {
      guessed = true;
      try {
        const p = planOf(held);
        // A grouped report's parser looks ahead in the rows of a push for the "Total for …"
        // row that ends a heading (ingest/orders, totalsAhead): its lines depend on where
        // pushes end, so its sample is pushed whole once settled, as before.
        if (layoutById(p.mapping.layout)?.accountFromHeadings) return;
        await sink.begin(p);
        guess = { key: planKey(p), pushed: 0, plan: p };
      } catch {
        // a sample this small cannot settle it: the whole sample will (or will say why not)
      }
    };
    /** The guess made again on the first PLAN_ROWS rows, where its dates need no order. */
    const replan = async () => {
      replanned = true;
      if (!guess || guess.plan.read?.dateOrderSource !== "unneeded") return;
      let p: OrderPlan;
      try {
        p = planOf(held);
      } catch {
        return;
      }
      const key = planKey(p);
      if (key !== guess.key) {
        await sink.discard!();
        await sink.begin(p);
        guess = { key, pushed: 0, plan: p };
      } else guess.plan = p;
      laterRows = laterRowsTest(p, (orders.unchecked ?? orders.detection).mapping, held);
    };
    const pushGuessed = async () => {
      if (!guess || guess.pushed === held.length) return;
      await sink.push(held.slice(guess.pushed), heldFirst + dropped + guess.pushed);
      guess.pushed = held.length;
    };
    /**
     * Rows of the sample past its first PLAN_ROWS that were pushed under a guess kept by
     * laterRows, and let go rather than held (held then has the first PLAN_ROWS rows, then the
     * rows after these): 45,000 rows the young generation otherwise copies at each collection
     * until the sample ends. Only a later row that could change the plan needs them again, and
     * then the sample is read again from the start (RESTART_SAMPLE), holding every row.
     */
    let dropped = 0;
    let keepSample = false;
    const dropPushed = () => {
      if (plan || !guess || !laterRows || keepSample || held.length <= PLAN_ROWS) return;
      if (guess.pushed !== held.length) return;
      const gone = held.slice(PLAN_ROWS);
      dropped += gone.length;
      held.length = PLAN_ROWS;
      guess.pushed = PLAN_ROWS;
      this.source.recycle?.(gone as Cell[][]);
    };
    /** Rows of `held` the sink already has (parsed with a plan that turned out right). */
    let pushedOfHeld = 0;
    const settle = async () => {
      if (guess && laterRows) {
        // no row after the first PLAN_ROWS could change the plan: the full sample's is this one
        plan = guess.plan;
        mapping = plan.mapping;
        pushedOfHeld = guess.pushed;
        return;
      }
      plan = planOf(held);
      mapping = plan.mapping;
      if (guess && planKey(plan) === guess.key) {
        pushedOfHeld = guess.pushed;
        return;
      }
      if (guess) await sink.discard?.();
      await sink.begin(plan);
    };
    // The sample's rows went to the plan's checks too: only rows pushed after them are recycled.
    let sampleHeld = true;
    const flush = async () => {
      if (held.length === 0) return;
      const rows = held;
      held = [];
      heldCells = 0;
      const from = pushedOfHeld;
      pushedOfHeld = 0;
      if (from < rows.length)
        await sink.push(from ? rows.slice(from) : rows, heldFirst + dropped + from);
      heldFirst += rows.length + dropped;
      dropped = 0;
      if (!sampleHeld) this.source.recycle?.(rows as Cell[][]);
      sampleHeld = false;
    };

    let lastDateText: string | undefined;
    const readRows = () =>
      this.source.read(orders.table, async (rows, offset) => {
        this.checkCancel();
        // Rows above and including the header are not data.
        const skip = Math.max(0, mapping.headerRow + 1 - offset);
        for (let i = skip; i < rows.length; i++) {
          const row = rows[i];
          held.push(row);
          heldCells += row.length;
          if (plan) {
            if (held.length >= chunkRows || heldCells >= chunkCells) await flush();
            continue;
          }
          // A text date with a day over 12 settles the order: the sample can stop growing. (An
          // order's lines repeat its date: each run of one text is tested once.)
          const dateText = row[dateCol];
          if (ambiguous && typeof dateText === "string" && dateText !== lastDateText) {
            lastDateText = dateText;
            if (dateOrderEvidence([dateText]) !== undefined) ambiguous = false;
          }
          if (laterRows?.(row)) {
            laterRows = undefined;
            if (dropped) throw RESTART_SAMPLE;
          }
          const sampled = held.length + dropped;
          if (
            sampled >= SAMPLE_ROWS_MAX ||
            (sampled >= SAMPLE_ROWS && (!ambiguous || heldCells >= SAMPLE_ROWS_MAX * USUAL_COLUMNS))
          ) {
            await settle();
            this.projectSource(plan!.mapping, orders.table.peek.values[plan!.mapping.headerRow]);
            await flush();
          } else if (sampled >= SAMPLE_ROWS && !guessed && sink.discard) await startGuess();
          else if (sampled === PLAN_ROWS && ambiguous && !replanned && guess) await replan();
        }
        if (!plan) {
          await pushGuessed();
          dropPushed();
        }
        this.options.onProgress?.(offset + rows.length, total);
      });
    try {
      await readRows();
    } catch (e) {
      if (e !== RESTART_SAMPLE) throw e;
      // A row past the rows let go could change the plan: the guess is forgotten and the
      // sample read again, whole, as the plan's checks need it.
      await sink.discard!();
      ({ mapping } = orders.detection);
      plan = guess = laterRows = lastDateText = undefined;
      held = [];
      heldCells = pushedOfHeld = dropped = 0;
      heldFirst = top + mapping.headerRow + 1;
      ambiguous = culture === undefined;
      guessed = replanned = false;
      sampleHeld = keepSample = true;
      await readRows();
    }
    if (!plan) await settle();
    await flush();
    let report = await sink.finish();
    const late = report.cancellationsPastSample;
    delete report.cancellationsPastSample;
    if (late && sink.discard) {
      // a cancellation first met past the sample (ingest/orders): read again, pairing on (and
      // an invoice's cancellation in words a return where it cancels none, as in the sample)
      plan = {
        ...plan!,
        read: {
          ...plan!.read!,
          pairCancellations: true,
          ...(late.words ? { cancellationWords: true } : {}),
        },
      };
      report = await this.readAgain(sink, plan, orders.table, chunkRows, top);
      delete report.cancellationsPastSample;
    } else if (late)
      report.warnings.push(
        "A cancellation (S1, S2, Storno) was first met past the rows the reading was planned on: it was read as a sale or a return, and what it cancels as a sale or a return too. Analyse the file again from the command line to pair them."
      );
    if (report.cancelledBillingFound && sink.discard) {
      // SAP cancellations whose invoices were read before them (ingest/cancellations): read again
      plan = { ...plan!, read: { ...plan!.read!, cancelledBilling: report.cancelledBillingFound } };
      report = await this.readAgain(sink, plan, orders.table, chunkRows, top);
    } else if (report.cancelledBillingFound)
      report.warnings.push(
        `${report.cancelledBillingFound.length} cancellation(s) (S1, S2, Storno) cancel an invoice or credit note read before the first rows had shown them: those count as sales or returns and the cancellations as the opposite. Analyse the file again from the command line to leave both out.`
      );
    delete report.cancelledBillingFound;
    return { found: await this.detect(), plan: plan!, report };
  }

  /**
   * Every order line again, into a sink that forgets what it was given: under `plan`, which
   * differs from the first reading's in what it leaves out only. Rows go as they come (the plan
   * is settled), `top` the sheet row of the table's first.
   */
  private async readAgain(
    sink: OrderSink,
    plan: OrderPlan,
    table: SourceTable,
    chunkRows: number,
    top: number
  ): Promise<IngestReport> {
    await sink.discard?.();
    await sink.begin(plan);
    const first = plan.mapping.headerRow + 1;
    await this.source.read(table, async (rows, offset) => {
      this.checkCancel();
      for (let i = Math.max(0, first - offset); i < rows.length; i += chunkRows) {
        const part = rows.slice(i, i + chunkRows);
        await sink.push(part, top + offset + i);
        this.source.recycle?.(part as Cell[][]);
      }
      this.options.onProgress?.(offset + rows.length, table.rows);
    });
    return sink.finish();
  }

  /**
   * Tells the source the columns the order lines are read from (IngestSource.project): every
   * mapped column and the date's. A grouped report (headings above its lines) reads whole rows,
   * and so does a table whose every header is mapped (nothing to skip: the check per field
   * would only cost).
   */
  private projectSource(mapping: ColumnMapping, header: readonly Cell[] | undefined): void {
    const layout = layoutById(mapping.layout);
    if (
      !this.source.project ||
      layout?.accountFromHeadings ||
      layout?.productFromHeadings ||
      mapping.customerHeadings
    )
      return;
    const date = mapping.fields.find((f) => f.field === "date")?.column;
    if (date === undefined) return;
    const columns = mapping.fields.map((f) => f.column);
    const read = new Set(columns);
    if (header && header.every((_, c) => read.has(c))) return;
    this.source.project(columns, date);
  }
}

/**
 * The S1 cancellations among the sample's SAP billing documents and the invoice each cancels
 * (ingest/cancellations): the pairs the reading leaves out from the start. The parser pairs them
 * over the whole file and says so; where it finds others, the session reads the file again.
 */
function sampleCancellations(
  mapping: ColumnMapping,
  sample: readonly (readonly Cell[])[],
  numbers: Partial<Record<NumberField, ColumnConvention>>
): [string, string][] {
  const column = (f: string) => mapping.fields.find((m) => m.field === f)?.column ?? -1;
  const [type, id, revenue] = [column("docType"), column("orderId"), column("revenue")];
  const account = column("accountId") >= 0 ? column("accountId") : column("accountName");
  if (type < 0 || id < 0 || revenue < 0 || account < 0) return [];
  const textOf = (v: Cell) => (v === null || v === undefined ? "" : String(v).trim());
  const found = billingCancellations(sample, {
    id: (r) => textOf(r[id]),
    type: (r) => textOf(r[type]),
    account: (r) => textOf(r[account]),
    value: (r) => parseMoney(r[revenue], numbers.revenue)?.value,
    credit: (t) => CREDIT_TYPE.test(t),
  });
  return [...found.pairs];
}

/**
 * A line value column whose cells are formatted in different currencies (£ on some, € on
 * others) in a file with no currency column: the warning that says so, since the currency is
 * read from one format for every line (ingest/cultureCurrency defaultCurrencyOf).
 */
function mixedFormatCurrencies(
  peek: Grid,
  mapping: ColumnMapping,
  column: number | undefined
): string | undefined {
  if (column === undefined || mapping.fields.some((f) => f.field === "currency")) return undefined;
  const codes = new Set<string>();
  for (const row of (peek.numberFormats ?? []).slice(mapping.headerRow + 1)) {
    const f = row?.[column];
    if (!f || f.toLowerCase() === "general") continue;
    const code = currencyOfNumberFormat(f);
    if (code) codes.add(code);
  }
  if (codes.size < 2) return undefined;
  const header = mapping.fields.find((f) => f.column === column)?.header ?? "";
  return `"${header}" is formatted in ${codes.size} currencies (${[...codes].join(", ")}) and the file has no currency column: every line is read in the first one, so amounts in the others are misstated and added to it. Add a column with each line's currency (e.g. "Currency": GBP, EUR) and read the file again.`;
}
