/**
 * KapHost over Excel: finds the data with src/excel, streams the order lines into the engine
 * (a Web Worker in the task pane), and writes the sheets back — or opens the QBR workbook.
 * Thin on purpose: rules live in src/domain, layout in src/sheets, Office.js in src/excel.
 */
import {
  base64Bytes,
  listGrids,
  loadSetting,
  NeedsNewerExcelError,
  openNewWorkbook,
  readRegion,
  readWorkbookFacts,
  saveSetting,
  SheetWriteError,
  withExcel,
  WorkbookTooLargeError,
  WriteCancelledError,
  writeSheets,
  type GridInfo,
  type HiddenRows,
  type WorkbookFacts,
} from "../excel";
import { addScoreColumns } from "../excel/addScoreColumns";
import {
  appendInitiativeRows,
  createUserTable,
  ENGAGEMENT_LOG_TEMPLATE,
  INITIATIVE_HEADERS,
  PAYMENTS_LEDGER_TEMPLATE,
  type InitiativeCells,
  type InitiativeTarget,
} from "../excel/userTables";
import { ROLES } from "../ingest/fields";
import type { Grid } from "../ingest/grid";
import { headerLabels, missingFields, requiredNow } from "../ingest/mapping";
import { isoToSerial, serialToIso } from "../domain/dates";
import type { ColumnMapping } from "../ingest/detect";
import { sourceText } from "../sheets/liveInputs";
import {
  CELL_TEXT_MAX,
  cellTextNote,
  cellsToCut,
  cutText,
  FULL_TEXT_IN_DATA,
} from "../sheets/cellLimits";
import { liveOrderSource, type LiveSourceResult } from "./liveSource";
import type {
  AccountListItem,
  ActionId,
  ActionResult,
  DataRole,
  Discovery,
  FoundTable,
  KapHost,
  KapSettings,
  Progress,
} from "./contract";
import { ACTIONS, actionOf } from "./actions";
import { EngineLostError, type EngineClient, LocalEngineClient } from "./engineClient";
import {
  type FoundRoles,
  type IngestSource,
  IngestSession,
  noOrdersIn,
  type OrderSink,
  type SourceTable,
} from "./session";
import { asOfOf, asOfWarning, completeSettings, defaultAsOf, settingsProblems } from "./settings";
import { currencyShownAs, readingLines } from "./assumptions";
import { defaultCurrencyOf } from "../ingest/cultureCurrency";
import { decimalText, wholeText } from "../domain/numberText";
import { otherOrdersWarning } from "./otherOrders";
import { hiddenRowsWarning, hiddenSheetWarning } from "./hiddenRows";
import { dateCultureOf } from "./engine";
import { type Gstr1Sections, withGstr1Sections } from "./gstr1Sections";

const SETTINGS_KEY = "kap.settings";
const SHOWN_ROLES: DataRole[] = ["orders", "accounts", "catalog", "contacts", "initiatives"];

/** An error the pane shows as it is: what went wrong and what to do. */
export class KapActionError extends Error {
  constructor(
    message: string,
    readonly action?: string
  ) {
    super(message);
  }
}

/** A file's size as a download shows it: "4.2 MB" (de-DE "4,2 MB"), or "38 kB" under a megabyte. */
export function fileSize(bytes: number, culture?: string): string {
  const kB = Math.round(bytes / 1000);
  return kB < 1000
    ? `${Math.max(1, kB)} kB`
    : `${decimalText((bytes / 1_000_000).toFixed(1), culture)} MB`;
}

function cancelled(): KapActionError {
  return new KapActionError("Cancelled. Nothing was changed.");
}

/** A write the user cancelled before it changed anything, said as the pane says a cancel. */
function asCancelled(e: unknown): never {
  throw e instanceof WriteCancelledError ? cancelled() : e;
}

/** The workbook as an ingest source: its tables and used ranges (not KAP's own sheets), read in row blocks. */
function workbookSource(): IngestSource & {
  info(t: SourceTable): GridInfo;
  hidden(t: SourceTable): HiddenRows | undefined;
  /** GSTR-1's section sheets read as one table (engine/gstr1Sections): it is found where its lead is */
  readAsOne(merged: SourceTable, sections: readonly SourceTable[]): void;
} {
  const infos = new Map<SourceTable, GridInfo>();
  /** the hidden rows each table had when last read (readRegion) */
  const hiddenOf = new Map<SourceTable, HiddenRows | undefined>();
  // The culture and the date system, read together once (one round trip) when first asked.
  let factsP: Promise<WorkbookFacts> | undefined;
  const facts = () => (factsP ??= withExcel((ctx) => readWorkbookFacts(ctx)));
  const culture = async () => (await facts()).culture;
  return {
    async tables() {
      const list = await withExcel((ctx) => listGrids(ctx, { peekRows: 30 }));
      const out: SourceTable[] = [];
      for (const info of list) {
        if (info.kapMade || info.rowCount <= 1) continue;
        const peek: Grid = {
          name: info.sheet,
          tableName: info.table,
          values: info.peek,
          numberFormats: info.peekFormats,
          top: info.rowIndex + 1,
          left: info.columnIndex + 1,
        };
        const t: SourceTable = {
          peek,
          rows: info.rowCount,
          ...(info.hiddenSheet ? { hiddenSheet: info.hiddenSheet } : {}),
        };
        infos.set(t, info);
        out.push(t);
      }
      return out;
    },
    async read(t, onBlock) {
      const info = infos.get(t)!;
      // Blocks stay under Excel's 5 MB response limit (readRegion sizes them from a sample).
      const res = await withExcel((ctx) =>
        readRegion(ctx, { sheet: info.sheet, table: info.table }, (rows, offset) =>
          onBlock(rows, offset)
        )
      );
      hiddenOf.set(t, res.hidden);
    },
    async culture() {
      return (await culture())?.name;
    },
    // Excel's decimal separator settles number columns whose cells read two ways ("1,250").
    numberCulture: () => culture(),
    // A 1904-system workbook's serials are 1,462 days short of KAP's count: read so.
    async dateSystem() {
      return (await facts()).dateSystem;
    },
    info: (t) => infos.get(t)!,
    hidden: (t) => hiddenOf.get(t),
    readAsOne(merged, sections) {
      const lead = infos.get(sections[0])!;
      const others = sections.slice(1).map((t) => `"${infos.get(t)!.sheet}"`);
      infos.set(merged, {
        ...lead,
        rowCount: merged.rows ?? lead.rowCount,
        address: `${lead.address} + ${others.join(", ")}`,
      });
    },
  };
}

/** The engine client as the session's sink: each call a message to the worker. */
function clientSink(eng: EngineClient): OrderSink {
  return {
    begin: (plan) =>
      eng
        .call("reset", {
          side: plan.side,
          mapping: plan.mapping,
          headers: plan.headers,
          dateOrder: plan.dateOrder,
          read: plan.read,
          sourceMoneyFormat: plan.sourceMoneyFormat,
          culture: plan.culture,
        })
        .then(() => undefined),
    push: (rows, firstRowNumber) =>
      eng.call("push", { rows: rows as unknown[][], firstRowNumber }).then(() => undefined),
    finish: () => eng.call("finish", {}),
    // "reset" (begin) makes a new engine: nothing to forget before it.
    discard: () => undefined,
  };
}

export interface ExcelHostOptions {
  /** How to start the engine (the task pane passes a Web Worker; tests the local one). */
  makeEngine?: () => EngineClient;
}

export function createExcelHost(options: ExcelHostOptions = {}): KapHost {
  const makeEngine = options.makeEngine ?? (() => new LocalEngineClient());
  /** Once the worker is lost, the rest of this session runs on the pane's thread. */
  let workerLost = false;
  const newEngine = () => (workerLost ? new LocalEngineClient() : makeEngine());
  let engine: EngineClient | undefined;
  let found: FoundRoles = {};
  let session: IngestSession | undefined;
  let source: ReturnType<typeof workbookSource> | undefined;
  /** the workbook read with GSTR-1's section sheets as one table (none when a sheet was chosen) */
  let sections: (IngestSource & Gstr1Sections) | undefined;
  let summary: Discovery["summary"];
  let analyzed = false;
  let accounts: AccountListItem[] = [];
  /** how the last analysis read the order lines (the Account Health sheet's live inputs read the same columns) */
  let orderPlan:
    | {
        mapping: ColumnMapping;
        headers: string[];
        skipped: { rule: string; rows: number }[];
        currencies: number;
        /** the workbook counts dates in the 1904 date system */
        date1904: boolean;
      }
    | undefined;

  /**
   * The last discovery, for the analysis that follows it: opening the pane discovers, analyses
   * and shows the summary, and lists the workbook once for all three. A discovery serves one
   * analysis (later actions list afresh: the user may have changed the workbook since).
   */
  let last: { mappingKey: string; discovery: Discovery; unused: boolean } | undefined;
  const mappingKeyOf = (s: KapSettings) => JSON.stringify([s.mapping ?? {}, s.ordersSheet ?? ""]);

  /** Lists the workbook once and detects what each table holds (a new session per discovery). */
  async function discoverIn(
    settings: KapSettings,
    options: { reuse?: boolean } = {}
  ): Promise<Discovery> {
    if (options.reuse && last && last.mappingKey === mappingKeyOf(settings))
      return { ...last.discovery, summary };
    source = workbookSource();
    // GSTR-1's sections on several sheets (B2B and its B2BA amendments) are one table, as kap
    // reads them, unless the user chose the order lines' sheet
    sections = settings.ordersSheet ? undefined : withGstr1Sections(source);
    session = new IngestSession(sections ?? source, settings, {
      cancelled,
      ...(settings.ordersSheet ? { ordersSheet: settings.ordersSheet } : {}),
    });
    const listed = await session.tables();
    const merged = sections?.merged();
    if (merged) source.readAsOne(merged.table, merged.sections);
    found = await session.detect();
    const tables: FoundTable[] = [];
    for (const role of SHOWN_ROLES) {
      const f = found[role];
      if (!f) continue;
      const info = source.info(f.table);
      const m = f.detection.mapping;
      // less what the other columns make up for: revenue from units × price, a grouped report's customer
      const { required, optionalBecause } = requiredNow(m);
      // one choice per column: a header two columns share is offered as "Amount", "Amount (2)"
      const labels = headerLabels(f.detection.headers);
      tables.push({
        role,
        sheet: info.sheet,
        table: info.table,
        address: info.address,
        rows: Math.max(0, info.rowCount - m.headerRow - 1),
        confidence: f.detection.confidence,
        headers: labels.filter((h) => h !== ""),
        fields: ROLES[role].fields.map((fd) => {
          const hit = m.fields.find((x) => x.field === fd.field);
          return {
            field: fd.field,
            label: fd.label,
            required: required.has(fd.field),
            ...(optionalBecause.has(fd.field)
              ? { optionalBecause: optionalBecause.get(fd.field) }
              : {}),
            header:
              hit && labels[hit.column] !== f.detection.headers[hit.column]
                ? labels[hit.column]
                : hit?.header,
            confidence: hit?.confidence ?? 0,
          };
        }),
      });
    }
    const problems: string[] = [];
    // each section sheet read as one stays a sheet the user may choose alone
    const dataSheets = [
      ...new Set([...listed, ...(merged?.sections ?? [])].map((t) => t.peek.name)),
    ];
    if (!found.orders) problems.push(noOrdersIn(listed, settings.ordersSheet).message);
    else {
      const missing = missingFields(found.orders.detection.mapping);
      if (missing.length)
        problems.push(
          `The order lines on "${found.orders.table.peek.name}" have no column for ${missing.map((x) => `"${x}"`).join(", ")}. Choose it under Columns.`
        );
    }
    // read with the date system in one round trip, and kept for the analysis that follows
    const culture = await source.culture?.();
    const discovery = { tables, dataSheets, problems, summary, ...(culture ? { culture } : {}) };
    last = { mappingKey: mappingKeyOf(settings), discovery, unused: true };
    return discovery;
  }

  async function addScores(
    onProgress: (p: Progress) => void,
    signal: AbortSignal
  ): Promise<ActionResult> {
    const acc =
      found.accounts && source
        ? { ...found.accounts, info: source.info(found.accounts.table) }
        : undefined;
    const idField =
      acc?.detection.mapping.fields.find((f) => f.field === "accountId") ??
      acc?.detection.mapping.fields.find((f) => f.field === "name");
    if (!acc || !idField)
      throw new KapActionError(
        "There is no accounts table to add scores to.",
        'Add an Accounts table (Account No, Account Name, …) or use "Score all accounts", which makes its own sheet.'
      );
    onProgress({
      phase: "writing",
      done: 0,
      total: accounts.length,
      message: `Adding score columns to ${acc.info.table ?? acc.info.sheet}…`,
    });
    const scores = new Map(accounts.map((a) => [a.id, { score: a.score, band: a.band }]));
    const res = await withExcel((ctx) =>
      addScoreColumns(
        ctx,
        { sheet: acc.info.sheet, table: acc.info.table, idHeader: idField.header },
        scores,
        signal
      )
    ).catch(asCancelled);
    onProgress({ phase: "writing", done: res.matched, total: res.rows, message: "Done" });
    // grouped the workbook culture's way when it has one ("1.234 of 1.500"), as the pane's counts
    const culture = last?.discovery.culture;
    const rowsText = (n: number) => (culture ? wholeText(n, culture) : String(n));
    return {
      made: [`${acc.info.table ?? acc.info.sheet}: KAP Health score, KAP Band`],
      message: `${res.refreshed ? "Refreshed" : "Added"} the KAP Health score and KAP Band columns in ${acc.info.table ?? acc.info.sheet} (${rowsText(res.matched)} of ${rowsText(res.rows)} rows matched an account).`,
    };
  }

  /** "Create an empty engagement log / payments ledger": a new table of the user's, on a new sheet (needs no data). */
  async function createTable(action: ActionId, signal: AbortSignal): Promise<ActionResult> {
    if (signal.aborted) throw cancelled();
    const ledger = action === "createPaymentsLedger";
    const what = ledger ? "payments ledger" : "engagement log";
    // Cancel is honoured until the one writing round trip: no sheet is made before it
    const r = await withExcel((ctx) =>
      createUserTable(ctx, ledger ? PAYMENTS_LEDGER_TEMPLATE : ENGAGEMENT_LOG_TEMPLATE, signal)
    ).catch(asCancelled);
    return {
      made: [`${r.sheet}: ${r.table}`],
      message: `Made an empty ${what}: the table ${r.table} on the sheet "${r.sheet}". Fill it in; KAP reads it at the next analysis and never overwrites it.${r.validated ? "" : " This Excel cannot add drop-downs and date checks (they need Excel JavaScript API 1.8); the table works without them."}`,
    };
  }

  /** "Propose initiatives": the chosen account's proposals appended to the user's Initiatives table. */
  async function proposeInitiatives(
    accountKey: string | undefined,
    signal: AbortSignal
  ): Promise<ActionResult> {
    if (!accountKey)
      throw new KapActionError("Choose an account first.", "Pick the account above.");
    const rows = await engine!.call("proposedInitiatives", { accountKey });
    const FIELD_HEADER: Record<string, (typeof INITIATIVE_HEADERS)[number]> = {
      account: "Account",
      initiative: "Initiative",
      type: "Type",
      categories: "Categories",
      skus: "SKUs",
      target: "Target",
      start: "Start Date",
      end: "End Date",
      owner: "Owner",
      status: "Status",
    };
    let target: InitiativeTarget | undefined;
    if (found.initiatives && source) {
      const info = source.info(found.initiatives.table);
      const headers: InitiativeTarget["headers"] = {};
      for (const f of found.initiatives.detection.mapping.fields)
        if (FIELD_HEADER[f.field]) headers[FIELD_HEADER[f.field]] = f.header;
      target = { sheet: info.sheet, table: info.table, headers };
    }
    // a text over Excel's 32,767 characters a cell is cut, ending "…", and the message says so
    let cut = 0;
    const withinCellLimit = <T extends string | null>(v: T): T => {
      if (v === null || v.length <= CELL_TEXT_MAX) return v;
      cut++;
      return cutText(v, CELL_TEXT_MAX) as T;
    };
    const cells: InitiativeCells[] = rows.map((r) => ({
      Account: withinCellLimit(r.account),
      Initiative: withinCellLimit(r.initiative),
      Type: withinCellLimit(r.type),
      Categories: withinCellLimit(r.categories.join(", ") || null),
      SKUs: withinCellLimit(r.skus.join(", ") || null),
      Target: r.target,
      "Start Date": r.start,
      "End Date": r.end,
      Owner: withinCellLimit(r.owner),
      Status: r.status,
    }));
    if (cells.length === 0)
      return {
        made: [],
        message:
          "Your Initiatives table already has every initiative the plan proposes for this account.",
      };
    if (signal.aborted) throw cancelled();
    // read first, then the rows (and a new table) in one round trip: a cancel before it writes nothing
    const res = await withExcel((ctx) => appendInitiativeRows(ctx, target, cells, signal)).catch(
      asCancelled
    );
    return {
      made: res.added
        ? [`${res.table}: ${res.added} proposed initiative${res.added === 1 ? "" : "s"}`]
        : [],
      message: `${res.created ? `Made the Initiatives table on the sheet "${res.sheet}" and added` : `Added`} ${res.added} proposed initiative${res.added === 1 ? "" : "s"}${res.skipped ? ` (${res.skipped} already there)` : ""}, status Proposed. Edit or delete them as you like; KAP tracks them from the next analysis and never changes your rows.${cut ? ` ${cut === 1 ? "1 cell's text was" : `${cut} cells' text was`} cut to Excel's limit of 32,767 characters, ending "…": ${FULL_TEXT_IN_DATA}.` : ""}`,
    };
  }

  /**
   * The QBR workbook Excel could not open — on the web, over the 5 MB a request may carry — is
   * offered to the pane as a download instead, with why and what to do: the QBR is never lost.
   */
  function qbrToDownload(
    e: unknown,
    base64: string,
    o: { accountId?: string; quarter?: string }
  ): ActionResult {
    const name = accounts.find((a) => a.id === o.accountId)?.name || o.accountId || "account";
    // characters Windows and macOS refuse in a file name
    const fileName = `QBR ${name} ${o.quarter ?? ""}`.replace(/[\\/:*?"<>|\s]+/g, " ").trim();
    const download = { fileName: `${fileName}.xlsx`, base64 };
    const size = fileSize(base64Bytes(base64), last?.discovery.culture);
    if (!(e instanceof WorkbookTooLargeError))
      return {
        made: [],
        download,
        message: `Excel could not open the QBR workbook (${e instanceof Error ? e.message : String(e)}), so nothing was changed. Download it (${size}) and open it in Excel.`,
      };
    return {
      made: [],
      download,
      message: `The QBR workbook is too large for Excel on the web to open from an add-in (at most 5 MB at a time), so it was not opened and nothing was changed. Download it (${size}) and open it in Excel; to work on it in Excel on the web, upload it to OneDrive first. Excel on Windows or Mac opens it directly.`,
    };
  }

  /**
   * The order lines the Account Health sheet's inputs stay live over (src/engine/liveSource), or
   * why not; undefined for other sheets or when the user turned live inputs off.
   */
  function liveOrders(action: ActionId, settings: KapSettings): LiveSourceResult | undefined {
    if (action !== "scoreAll" || settings.liveHealthInputs === false) return undefined;
    const orders = found.orders;
    if (!orders || !source || !orderPlan) return undefined;
    // KAP.METRICS would get the cells' 1904 serials and count them as 1900 ones (README, "Dates
    // in a 1904 workbook"): each date the day before, four years early, so month and quarter
    // edges move. The sheet keeps the analysis' values.
    if (orderPlan.date1904)
      return {
        why: "the workbook uses the 1904 date system, which KAP's worksheet functions do not read",
      };
    const info = source.info(orders.table);
    const asOf = settings.asOf ? isoToSerial(settings.asOf) : undefined;
    return liveOrderSource({
      sheet: info.sheet,
      table: info.table,
      rowIndex: info.rowIndex,
      columnIndex: info.columnIndex,
      mapping: orderPlan.mapping,
      headers: orderPlan.headers,
      sample: orders.table.peek.values.slice(orderPlan.mapping.headerRow + 1),
      hasCatalog: !!found.catalog,
      skipped: orderPlan.skipped,
      currencies: orderPlan.currencies,
      ...(asOf !== undefined ? { asOf } : {}),
    });
  }

  /** What the run message says of the live inputs. */
  function liveNote(live: LiveSourceResult | undefined): string {
    if (!live) return "";
    return "source" in live
      ? ` Its order inputs stay live: one KAP.METRICS over ${sourceText(live.source)} recalculates them, and the scores, as orders are added.${live.source.table ? "" : " It reads whole columns; making the order lines an Excel table keeps each recalculation lighter."}`
      : ` Its order inputs are values as of the analysis (not live), because ${live.why}.`;
  }

  const host: KapHost = {
    actions: ACTIONS,
    async loadSettings() {
      const saved = await withExcel((ctx) => loadSetting<Partial<KapSettings>>(ctx, SETTINGS_KEY));
      return completeSettings(saved);
    },

    async saveSettings(settings) {
      await withExcel((ctx) => saveSetting(ctx, SETTINGS_KEY, settings));
    },

    discover: discoverIn,

    hasAnalysis: () => analyzed,

    async analyze(settings, onProgress, signal): Promise<AccountListItem[]> {
      const problems = settingsProblems(settings);
      if (problems.length)
        throw new KapActionError(problems.join(" "), "Fix the settings, then analyse again.");
      const fresh = last?.unused && last.mappingKey === mappingKeyOf(settings) && session;
      const d = fresh ? last!.discovery : await discoverIn(settings);
      last!.unused = false;
      // with no order table found the problem says itself what to do (an empty workbook: add data)
      if (d.problems.length)
        throw new KapActionError(
          d.problems[0],
          found.orders ? "Map the columns under Data, or rename the headers." : undefined
        );
      const orders = found.orders!;
      const total = source!.info(orders.table).rowCount;
      // the progress counts order lines, as the Data section does ("6,088 rows"): not the header
      // row and any title rows above it (the sheet's 6,089 rows read "6,089 of 6,089")
      const above = orders.detection.mapping.headerRow + 1;
      const lines = Math.max(0, total - above);
      const progress = (p: Progress) => onProgress(p);
      progress({
        phase: "reading",
        done: 0,
        total: lines,
        message: "Reading accounts, catalog and contacts…",
      });
      // The session of the discovery just made: the workbook is listed once per analysis.
      const load = async (eng: EngineClient) => {
        const { report, plan } = await session!.run(clientSink(eng), {
          signal,
          onProgress: (done) =>
            progress({
              phase: "reading",
              done: Math.min(lines, Math.max(0, done - above)),
              total: lines,
              message: "Reading order lines…",
            }),
        });
        if (signal.aborted) throw cancelled();
        progress({
          phase: "analyzing",
          done: 0,
          total: report.accounts,
          message: `Analysing ${wholeText(report.accounts, plan.culture)} accounts…`,
        });
        const scored = (done: number, total: number) =>
          progress({
            phase: "analyzing",
            done,
            total,
            // the pane adds "12 of 24" from done and total, in the workbook's culture, as here
            message: `Analysing ${wholeText(total, plan.culture)} accounts…`,
          });
        return { report, plan, list: await eng.call("analyze", { settings }, scored) };
      };
      // The earlier analysis goes with its engine (one is held, not two: a large workbook's
      // data would be kept twice). Until this one completes nothing is given as current: a
      // cancel or a failure leaves no scores, no summary, and the next action analyses first.
      analyzed = false;
      accounts = [];
      summary = undefined;
      engine?.dispose();
      engine = newEngine();
      let loaded: Awaited<ReturnType<typeof load>>;
      try {
        loaded = await load(engine);
      } catch (e) {
        if (!(e instanceof EngineLostError)) throw e;
        // The worker could not start or died: the same analysis on this thread, still read in blocks with progress.
        workerLost = true;
        engine = new LocalEngineClient();
        progress({
          phase: "reading",
          done: 0,
          total,
          message: "The analysis worker stopped; analysing on this thread instead…",
        });
        loaded = await load(engine);
      }
      const { report, plan, list } = loaded;
      const side = plan.side;
      orderPlan = {
        mapping: plan.mapping,
        headers: plan.headers,
        skipped: report.skipped,
        currencies: Object.keys(report.currencies).length,
        date1904: report.read?.date1904 === true,
      };
      analyzed = true;
      accounts = list;
      const asOf = asOfOf(settings, defaultAsOf(report));
      // the engine knows how many lines an earlier as-of date leaves out: the text kap prints
      const late = await engine
        .call("asOfWarning", { asOf })
        .catch(() => asOfWarning(asOf, report.lastDate, report.firstDate, undefined, plan.culture));
      // the pane's lines follow the workbook's culture, as its own numbers do ("1.234 rows")
      const others = otherOrdersWarning(await session!.tables(), orders.table, plan.culture);
      const hidden = hiddenRowsWarning(
        source!.info(orders.table).sheet,
        Math.max(0, total - plan.mapping.headerRow - 1),
        source!.hidden(orders.table),
        plan.culture
      );
      const hiddenSheet = hiddenSheetWarning(orders.table);
      const merged = sections?.note();
      const dateCulture = dateCultureOf(plan.culture, report.read);
      summary = {
        rows: report.accepted,
        firstDate: report.firstDate === null ? "" : serialToIso(report.firstDate),
        lastDate: report.lastDate === null ? "" : serialToIso(report.lastDate),
        ...(defaultAsOf(report) !== null ? { defaultAsOf: serialToIso(defaultAsOf(report)!) } : {}),
        accounts: report.accounts,
        rejected: report.rejected.reduce((s, r) => s + r.count, 0),
        asOf: serialToIso(asOf),
        asOfSet: !!settings.asOf,
        // the currency money that names none is shown in, and why (as kap analyze says it)
        assumed: readingLines(
          report,
          currencyShownAs(
            defaultCurrencyOf(
              plan.sourceMoneyFormat,
              report.totalsCurrency,
              plan.culture,
              report.fileSymbol
            )
          ),
          plan.culture
        ),
        hasProducts: report.hasProducts,
        ...(dateCulture ? { dateCulture } : {}),
        warnings: [
          ...(others ? [others] : []),
          ...(merged ? [merged] : []),
          ...(hidden ? [hidden] : []),
          ...(hiddenSheet ? [hiddenSheet] : []),
          ...(late ? [late] : []),
          ...report.warnings,
          ...side.notes,
        ],
      };
      progress({
        phase: "analyzing",
        done: report.accounts,
        total: report.accounts,
        message: `Analysing ${wholeText(list.length, plan.culture)} accounts…`,
      });
      return list;
    },

    async glance(accountId) {
      if (!engine || !analyzed) return undefined;
      try {
        return (await engine.call("glance", { key: accountId })) ?? undefined;
      } catch (e) {
        if (!(e instanceof EngineLostError)) throw e;
        // The next analysis or action starts a fresh engine on this thread.
        workerLost = true;
        analyzed = false;
        return undefined;
      }
    },

    async run(action: ActionId, o, settings, onProgress, signal): Promise<ActionResult> {
      if (action === "createEngagementLog" || action === "createPaymentsLedger")
        return createTable(action, signal);
      if (!engine || !analyzed) await host.analyze(settings, onProgress, signal);
      if (signal.aborted) throw cancelled();
      const scope = actionOf(action).scope;
      if (action === "proposeInitiatives") return proposeInitiatives(o.accountId, signal);
      if (scope === "edit") return addScores(onProgress, signal);
      onProgress({ phase: "analyzing", done: 0, message: "Laying out the sheets…" });
      const live = liveOrders(action, settings);
      const layout = () =>
        engine!.call("sheets", {
          action,
          accountKey: o.accountId,
          quarter: o.quarter,
          live: scope !== "workbook",
          ...(live && "source" in live ? { liveOrders: live.source } : {}),
        });
      let specs: Awaited<ReturnType<typeof layout>>;
      try {
        specs = await layout();
      } catch (e) {
        if (!(e instanceof EngineLostError)) throw e;
        // The worker died since the analysis: analyse again on this thread, then lay out.
        workerLost = true;
        analyzed = false;
        await host.analyze(settings, onProgress, signal);
        specs = await layout();
      }
      if (signal.aborted) throw cancelled();
      if (scope === "workbook") {
        onProgress({
          phase: "writing",
          done: 0,
          total: specs.length,
          message: "Building the QBR workbook…",
        });
        // ExcelJS is large: loaded only when a QBR is built.
        const { toXlsxBase64 } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/writeXlsx");
        const base64 = await toXlsxBase64(specs);
        // the quarter it reviews, and why when the default passed over the last complete one
        // (the engine's words, as kap qbr prints them)
        const reviewed = o.accountId
          ? await engine!.call("qbrQuarter", { accountKey: o.accountId, quarter: o.quarter })
          : undefined;
        // the last moment Cancel can stop it: once opened, the workbook is the user's
        if (signal.aborted) throw cancelled();
        try {
          await openNewWorkbook(base64);
        } catch (e) {
          // an Excel too old for new workbooks says so itself (NeedsNewerExcelError)
          if (e instanceof NeedsNewerExcelError) throw e;
          // the file is named by its quarter: the engine's default when none was chosen
          return qbrToDownload(e, base64, { ...o, quarter: o.quarter ?? reviewed?.label });
        }
        onProgress({
          phase: "writing",
          done: specs.length,
          total: specs.length,
          message: "Opened the QBR workbook",
        });
        // the writer cut any text over Excel's 32,767 characters a cell: say so
        const cut = cellTextNote(cellsToCut(specs), FULL_TEXT_IN_DATA);
        return {
          made: [`QBR workbook (${specs.length} sheets)`],
          message: `Opened a new QBR workbook with ${specs.length} sheets: ${specs.map((s) => s.name).join(", ")}. Save it where you keep your QBRs.${reviewed?.note ? ` ${reviewed.note}` : ""}${cut ? ` ${cut}` : ""}`,
        };
      }
      onProgress({
        phase: "writing",
        done: 0,
        total: specs.length,
        message: `Writing ${specs.map((s) => s.name).join(", ")}…`,
      });
      try {
        // Cancel is honoured up to the last round trip; the workbook is then as it was
        const res = await writeSheets(specs, { signal });
        onProgress({ phase: "writing", done: specs.length, total: specs.length, message: "Done" });
        const names = res.sheets.map((s) => `'${s.name}'`).join(", ");
        const replaced = res.sheets.some((s) => s.replaced);
        return {
          made: res.sheets.map((s) => s.name),
          activated: res.activated,
          message: `${replaced ? "Updated" : "Made"} sheet${res.sheets.length > 1 ? "s" : ""} ${names}${res.activated ? " and opened it" : ""}.${liveNote(live)}${res.notes.map((n) => ` ${n}`).join("")}`,
        };
      } catch (e) {
        if (e instanceof WriteCancelledError) throw cancelled();
        if (e instanceof SheetWriteError && e.cause instanceof WriteCancelledError)
          throw e.rolledBack
            ? cancelled()
            : new KapActionError(
                "Cancelled, but KAP could not remove every sheet it had begun.",
                "Delete the sheets whose names start with '~KAP'."
              );
        if (e instanceof SheetWriteError)
          throw new KapActionError(
            `KAP could not write the sheet: ${(e.cause as Error | undefined)?.message ?? e.message}. ${e.rolledBack ? "Your workbook is as it was." : ""}`.trim(),
            "Try again; if it keeps failing, close other add-ins or save and reopen the workbook."
          );
        throw e;
      }
    },
  };
  return host;
}
