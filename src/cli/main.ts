/**
 * `kap` — KAP's command line over .xlsx / .csv files.
 *   kap analyze <file> [--sheet NAME] [--as-of YYYY-MM-DD] [--json] [--quiet]
 *   kap sheets  <file> --account ID --out out.xlsx [--as-of ...]
 *   kap qbr     <file> --account ID [--quarter 2026Q3] --out qbr.xlsx
 *   kap qbr     <file> --all-top N [--quarter 2026Q3] --out folder/
 *   kap clv     <file> [--as-of ...] [--horizon-months 12] [--discount 0.10] [--holdout-from DATE] [--json]
 *   kap initiatives <file> [--account ID] [--propose --out proposed.xlsx]
 *   kap demo    (the bundled sample → out/)
 * A bad input (an unknown command or option included) prints one clear line on stderr and exits
 * with status 1; never a stack trace. `kap` with no arguments prints the usage on stderr, status 2;
 * `kap --help` prints it on stdout, status 0.
 * Files are streamed into the ingest session (src/cli/fileSource.ts); output is written as it
 * is made and flushed before the process exits; progress goes to stderr on a terminal only.
 */
import { COLLECT_AFTER_BYTES, collectGarbage, collectIfBuffersGrew } from "./gc";
import { existsSync, statSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { getHeapStatistics } from "node:v8";
import { isoToSerial, serialToIso } from "../domain/dates";
import { dateText } from "../domain/dateText";
import { MissingRoleError } from "../ingest/mapping";
import {
  fiscalQuarterSpan,
  isFiscalStartMonth,
  namesFiscalYear,
  parseFiscalQuarter,
} from "../domain/analysis/fiscal";
import { actionsOfScope, unavailableReason } from "../engine/actions";
import { KapEngine } from "../engine/engine";
import { otherOrdersWarning } from "../engine/otherOrders";
import { withGstr1Sections } from "../engine/gstr1Sections";
import { hiddenRowsWarning, hiddenSheetWarning } from "../engine/hiddenRows";
import { IngestSession, type SourceTable } from "../engine/session";
import { completeSettings } from "../engine/settings";
import type { KapSettings } from "../engine/settings";
import type { SheetSpec } from "../sheets/spec";
import { checkWritable, makeFolders } from "../xlsx/outPath";
import { FileReadError } from "./errors";
import { foldThreads } from "./foldThread";
import { fileSource, type FileSource } from "./fileSource";
import { cellTextNote, cellsToCut } from "../sheets/cellLimits";
import { offerEarlyReader, type EarlyReader } from "./readingThread";
import { Output, Progress, terminalSafe } from "./output";
import {
  accountsAndSites,
  assumedDatesLine,
  jsonPieces,
  jsonReplacerFor,
  money,
  NO_CURRENCY_CODE,
  printSummary,
  toJson,
  unnamedCurrencyJson,
} from "./report";

/**
 * ExcelJS is large: loaded only by the commands that write a workbook. A text over Excel's 32,767
 * characters a cell is written cut, ending "…": a warning says which, and where it is in full.
 */
async function writeXlsxFile(path: string, specs: SheetSpec[]): Promise<void> {
  const { writeXlsxFile: write } = await import("../xlsx/writeFile");
  try {
    await write(path, specs);
  } catch (e) {
    throw cannotWrite(path, e);
  }
  const cut = cellTextNote(cellsToCut(specs), "kap analyze --json gives the full text");
  if (cut) process.stderr.write(`kap: warning: ${basename(path)}: ${terminalSafe(cut)}\n`);
}

const THROUGH_A_FILE =
  "part of its path is a file, not a folder. Give --out a path in a folder you can write to.";

/** Why a workbook could not be written, by the system's error code: what the user can do about it. */
const WRITE_FAILURES: Record<string, string> = {
  // Excel on Windows locks the workbooks it has open
  EBUSY: "it is open in another program (Excel?). Close it there and run kap again.",
  EPERM:
    "it is open in another program (Excel?) or you may not write there. Close it, or give --out another path.",
  EACCES: "you may not write there. Give --out a path in a folder you can write to.",
  EROFS: "the disk is read-only. Give --out a path in a folder you can write to.",
  ENOSPC: "the disk is full. Free some space or give --out another disk.",
  ENOTDIR: THROUGH_A_FILE,
  // mkdir's word for the same: a file where a folder of the path should be
  EEXIST: THROUGH_A_FILE,
  ENOENT: "its folder cannot be made. Give --out a path in a folder you can write to.",
  ENAMETOOLONG: "the path is too long. Give --out a shorter one.",
  ELOOP: "a link in its path leads back to itself. Give --out another path.",
};

/** ENOENT when the file itself is made, in a folder that exists: a system folder (/proc) that takes no files. */
const NO_FILE_THERE =
  "its folder takes no new files (a system folder?). Give --out a path in a folder you can write to.";

/** The folder --out names for several workbooks, made if need be; a failure as one line. */
function makeFolder(dir: string): void {
  try {
    makeFolders(dir);
  } catch (e) {
    throw cannotWrite(dir, e);
  }
}

/** A failed write as one line (UsageError), or the error itself when it is not the file system's. */
export function cannotWrite(path: string, e: unknown): Error {
  const err = e as (NodeJS.ErrnoException & { why?: unknown }) | undefined;
  const code = err?.code;
  const why =
    typeof err?.why === "string"
      ? err.why
      : code === "ENOENT" && err?.syscall === "open"
        ? NO_FILE_THERE
        : code === undefined
          ? undefined
          : WRITE_FAILURES[code];
  if (why) return new UsageError(`Cannot write ${path}: ${why}`);
  return e instanceof Error || (typeof e === "object" && e !== null && "message" in e)
    ? (e as Error)
    : new Error(String(e));
}
import { clvJson, printClv } from "./clv";
import type { HoldoutCheck } from "../domain/analysis/clv";
import type { AccountAnalysis } from "../domain/analysis/types";

export class UsageError extends Error {}

/** The commands kap knows (analyse is analyze's other spelling). */
export const COMMANDS = ["analyze", "sheets", "qbr", "clv", "initiatives", "demo"] as const;

export const USAGE = `usage:
  kap analyze <file.xlsx|file.csv> [--json]
  kap sheets  <file> --account ID --out out.xlsx
  kap qbr     <file> --account ID [--quarter 2026Q3] --out qbr.xlsx
  kap qbr     <file> --all-top N [--quarter 2026Q3] --out folder/
  kap clv     <file> [--horizon-months 12] [--discount 0.10] [--holdout-from YYYY-MM-DD] [--json]
  kap initiatives <file> [--account ID]                       your Initiatives table's progress
  kap initiatives <file> [--account ID] --propose --out F.xlsx the plans' proposed initiatives, to add to it
  kap demo    [--out folder/]
  --quarter Q          the QBR's quarter: 2026Q3, Q3 2026 or FY2026 Q3 (default: the last quarter
                       complete at the as-of date)
options for every command that reads a file:
  --as-of YYYY-MM-DD   the day the analysis is as of (default: the data's last order date); a quarter
                       (Q3 2026, or FY26 Q3 with --fiscal-start) is its last day
  --culture NAME       e.g. de-DE: day- or month-first dates and a decimal comma or point, where the file does not say;
                       also how workbooks write dates (en-US 10/31/2026, de-DE 31.10.2026; default 31/10/2026)
  --fiscal-start MONTH first month of the fiscal year, 1-12 (default 1)
  --sheet NAME         the sheet that holds the order lines (.xlsx)
  --quiet, -q          no progress line
  --help, -h           this text`;

/** Every option `kap` accepts (each is named in USAGE). */
export const OPTIONS = {
  sheet: { type: "string" },
  "as-of": { type: "string" },
  culture: { type: "string" },
  json: { type: "boolean" },
  account: { type: "string" },
  out: { type: "string" },
  quarter: { type: "string" },
  "all-top": { type: "string" },
  "fiscal-start": { type: "string" },
  quiet: { type: "boolean", short: "q" },
  "horizon-months": { type: "string" },
  discount: { type: "string" },
  "holdout-from": { type: "string" },
  propose: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

interface Opts {
  sheet?: string;
  "as-of"?: string;
  culture?: string;
  json?: boolean;
  account?: string;
  out?: string;
  quarter?: string;
  "all-top"?: string;
  "fiscal-start"?: string;
  quiet?: boolean;
  "horizon-months"?: string;
  discount?: string;
  "holdout-from"?: string;
  propose?: boolean;
  help?: boolean;
}

/**
 * --as-of as a day: YYYY-MM-DD, or a quarter ("Q3 2026", "FY26 Q3") for its last day. A quarter
 * named by its fiscal year needs the year's start (`fiscalStart`, from --fiscal-start): January
 * would be a guess.
 */
function asOfDay(text: string, fiscalStart: number | undefined): string {
  if (isoToSerial(text) !== undefined) return text;
  const fq = parseFiscalQuarter(text);
  if (!fq)
    throw new UsageError(
      `--as-of "${text}" is not a date: use YYYY-MM-DD, or a quarter (Q3 2026; Q3 FY26 with --fiscal-start) for its last day.`
    );
  if (fiscalStart === undefined && namesFiscalYear(text))
    throw new UsageError(
      `--as-of "${text}" is a fiscal quarter, and when your fiscal year starts is not known: add --fiscal-start MONTH (1–12, e.g. 4 for April), or give the day as YYYY-MM-DD.`
    );
  return serialToIso(fiscalQuarterSpan(fq, fiscalStart ?? 1).lastDay);
}

/** What `load` gives: the analysed engine and what the file was read as. */
interface Loaded {
  engine: KapEngine;
  source: FileSource;
  file: string;
}

function settingsFrom(o: Opts): KapSettings {
  const settings: KapSettings = completeSettings({});
  if (o["fiscal-start"] !== undefined) {
    const m = Number(o["fiscal-start"]);
    if (!isFiscalStartMonth(m)) throw new UsageError("--fiscal-start must be a month number 1–12.");
    settings.fiscalYearStartMonth = m;
  }
  if (o["as-of"] !== undefined)
    settings.asOf = asOfDay(
      o["as-of"],
      o["fiscal-start"] !== undefined ? settings.fiscalYearStartMonth : undefined
    );
  if (o["horizon-months"] !== undefined) {
    const h = Number(o["horizon-months"]);
    if (!(Number.isFinite(h) && h > 0 && h <= 1200))
      throw new UsageError("--horizon-months must be a number of months from 1 to 1200 (e.g. 12).");
    settings.clvHorizonMonths = h;
  }
  if (o.discount !== undefined) {
    const d = Number(o.discount);
    if (!(Number.isFinite(d) && d > -1))
      throw new UsageError("--discount must be a yearly rate as a fraction, e.g. 0.10 for 10%.");
    // "--discount 10" means 10% far more often than 1,000% a year
    if (d > 1)
      throw new UsageError(
        `--discount ${o.discount} would be ${Math.round(d * 100)}% a year: give the yearly rate as a fraction, e.g. 0.10 for 10%.`
      );
    settings.clvDiscountRate = d;
  }
  return settings;
}

/**
 * The task pane's warning for order rows Excel does not show (hidden by hand or by a filter):
 * kap reads them all, as the pane does, and says so in the pane's words. `headerRow`: the
 * header's 0-based row on the sheet (a file's sheets start at row 1); the rows under it count.
 */
function hiddenWarning(
  source: FileSource,
  table: SourceTable,
  headerRow: number
): string | undefined {
  const h = source.hiddenRows?.(table);
  if (!h) return undefined;
  const firstData = headerRow + 2;
  const rows = h.rows.filter((r) => r >= firstData).length;
  const total = Math.max(0, h.lastRow - firstData + 1);
  return hiddenRowsWarning(table.peek.name, total, { rows, byFilter: h.byFilter });
}

/** Streams a file through the ingest session into a new engine, then analyses it once: as of --as-of, else the data's last order date (RULES.md §2). */
async function load(
  file: string,
  o: Opts,
  progress: Progress,
  settings = settingsFrom(o)
): Promise<Loaded> {
  const source = fileSource(file);
  // With --sheet, the order lines come from that sheet; the side tables still come from the whole workbook.
  // --culture settles what the file cannot: day- or month-first dates, and a decimal comma or point.
  // GSTR-1's sections on several sheets (B2B and its B2BA amendments) are one table, unless --sheet chose one
  const sections = o.sheet ? undefined : withGstr1Sections(source);
  const session = new IngestSession(sections ?? source, settings, {
    ordersSheet: o.sheet,
    culture: o.culture,
  });
  // A file read as other than its name says (a CSV named .xlsx) says so in a refusal too.
  const said = <T>(p: Promise<T>): Promise<T> =>
    source.notes
      ? p.catch((e: unknown) => {
          if (!(e instanceof MissingRoleError || e instanceof FileReadError)) throw e;
          throw new UsageError(`${source.notes!.join(" ")} ${explain(e)}`);
        })
      : p;
  const tables = await said(session.tables());
  if (o.sheet && !tables.some((t) => t.peek.name.toLowerCase() === o.sheet!.toLowerCase()))
    throw new UsageError(
      `No sheet "${o.sheet}" in ${file}. Sheets: ${tables.map((t) => t.peek.name).join(", ")}.`
    );
  const engine = new KapEngine();
  // a large file's purchases are folded on a thread of their own while this one parses
  engine.pairFolding = foldThreads(source.progress().total);
  const name = basename(file);
  const { report, found, plan } = await said(
    session.run(engine, {
      onProgress: () => {
        const { done, total } = source.progress();
        progress.show(`Reading ${name}`, done, total);
        if (total >= COLLECT_AFTER_BYTES) collectIfBuffersGrew();
      },
    })
  );
  // Order lines on other sheets are not read: said, as the task pane says it (unless --sheet chose).
  const others =
    found.orders && !o.sheet ? otherOrdersWarning(tables, found.orders.table) : undefined;
  if (others) report.warnings.push(others);
  const merged = sections?.note();
  if (merged) report.warnings.push(merged);
  const hidden = found.orders && hiddenWarning(source, found.orders.table, plan.mapping.headerRow);
  if (hidden) report.warnings.push(hidden);
  const hiddenSheet = found.orders && hiddenSheetWarning(found.orders.table);
  if (hiddenSheet) report.warnings.push(hiddenSheet);
  // what the file was read as, when its name says otherwise (a CSV named .xlsx)
  if (source.notes) report.warnings.unshift(...source.notes);
  if (report.accepted === 0) {
    // No row under the header was read, skipped or refused: a recognised layout's note
    // ("Read as Xero sales invoices: …") is no reason, so it is not given as one.
    const nothingUnder =
      report.rejected.length === 0 && report.skipped.every((rule) => rule.rows === 0);
    throw new UsageError(
      nothingUnder
        ? `No order lines in ${file}: it has a header row but no rows under it.${others ? ` ${others}` : ""}`
        : `No usable order lines in ${file}. ${report.warnings.join(" ")}`.trimEnd()
    );
  }
  const left = checkHeapFor(report.accounts, engine.book.categories.length, name);
  engine.maxCategoryRules = Math.floor(left / HEAP_PER_RULE);
  progress.show(`Analysing ${report.accounts.toLocaleString("en-GB")} accounts`);
  // what reading a large file let go is freed before the analysis allocates its own
  if (source.progress().total >= COLLECT_AFTER_BYTES) collectGarbage();
  engine.analyze(settings);
  progress.clear();
  return { engine, source, file };
}

/**
 * Heap the analysis takes per account, with room for the collector: the largest live heap of
 * `kap analyze --json` grew by 6.0 KB an account from 30,000 to 100,000 accounts of one line each
 * (167 → 585 MB), and the 1M-line bench file's 4,939 accounts took 51 MB in all.
 */
const HEAP_PER_ACCOUNT = 8 * 1024;
/**
 * …and per account and category: the whitespace map holds two numbers for each (spend, and
 * the gap's median spend or null), 8 bytes each. 20,000 accounts × 5,000 categories peaked at
 * 1.9 GB (1.8 GB counted here).
 */
const HEAP_PER_ACCOUNT_CATEGORY = 16;
/**
 * …and per cross-sell rule between categories (all pairs bought together by 3 or more accounts:
 * their number grows with the square of the categories an account buys). 518,000 rules took
 * about 330 MB (650 bytes each), and the miner's list and the portfolio's are alive together.
 */
const HEAP_PER_RULE = 1536;

/**
 * Refuses, in one line, to analyse more accounts (× categories) than the heap left can hold:
 * Node would otherwise stop minutes later with a native stack trace ("JavaScript heap out of
 * memory"). Returns the bytes left after them.
 */
function checkHeapFor(accounts: number, categories: number, name: string): number {
  const { heap_size_limit: limit, used_heap_size: used } = getHeapStatistics();
  const need = accounts * (HEAP_PER_ACCOUNT + categories * HEAP_PER_ACCOUNT_CATEGORY);
  if (need <= limit - used) return limit - used - need;
  const n = (k: number, one: string, many: string) =>
    `${k.toLocaleString("en-GB")} ${k === 1 ? one : many}`;
  const mb = (bytes: number) => Math.ceil(bytes / 1048576).toLocaleString("en-GB");
  // the old generation to ask for: what is used and needed, rounded up to a whole GB
  const ask = Math.ceil((used + need) / 2 ** 30) * 1024;
  throw new UsageError(
    `${name} has ${n(accounts, "account", "accounts")}${categories > 0 ? ` and ${n(categories, "category", "categories")}` : ""}: analysing them takes about ${mb(need)} MB, more than the ${mb(limit - used)} MB left of Node's ${mb(limit)} MB heap. Give Node more memory (NODE_OPTIONS=--max-old-space-size=${ask}) or analyse the accounts in parts.`
  );
}

/**
 * Refuses an option with a value given more than once, naming the values: parseArgs would
 * silently keep the last (`--account A --account B`). A flag given twice (`-q --quiet`) says
 * the same thing twice and is taken.
 */
function checkGivenOnce(tokens: readonly { kind: string; name?: string; value?: string }[]): void {
  const values = new Map<string, string[]>();
  for (const t of tokens) {
    if (t.kind !== "option" || t.name === undefined || t.value === undefined) continue;
    const list = values.get(t.name);
    if (list) list.push(t.value);
    else values.set(t.name, [t.value]);
  }
  for (const [name, given] of values) {
    if (given.length < 2) continue;
    const shown = given.map((v) => (v === "" || /\s/.test(v) ? `"${v}"` : v));
    const times = given.length === 2 ? "twice" : `${given.length} times`;
    throw new UsageError(
      `--${name} is given ${times}: ${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}. Give it once.`
    );
  }
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: OPTIONS,
    tokens: true,
  });
  checkGivenOnce(tokens);
  const o = values as Opts;
  const [command, file] = positionals;
  // `kap help`, as git and npm take it, is `kap --help`
  if (o.help || (command === "help" && positionals.length === 1)) {
    out.line(USAGE);
    return 0;
  }
  if (!command) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const progress = new Progress(process.stderr, !o.quiet);
  if (command === "demo") {
    checkOptions(command, tokens);
    checkOut(command, o);
    return demo(o, progress);
  }
  if (!["analyze", "analyse", "sheets", "qbr", "clv", "initiatives"].includes(command))
    throw new UsageError(
      `Unknown command "${command}": kap knows ${COMMANDS.join(", ")} (kap --help for the options).`
    );
  if (!file)
    throw new UsageError(`kap ${command} needs a file: kap ${command} <file.xlsx|file.csv>.`);
  // Most often a file name with spaces, unquoted: `kap analyze My Orders.csv`.
  if (positionals.length > 2) {
    const words = positionals.slice(1);
    throw new UsageError(
      `kap ${command} reads one file, but was given ${words.length}: ${words.map((w) => `"${w}"`).join(", ")}. Put a file name with spaces in quotes: kap ${command} "${words.join(" ")}".`
    );
  }
  checkOptions(command, tokens);
  checkOut(command, o);
  checkNotInput(file, o.out);

  if (command === "analyze" || command === "analyse") {
    const { engine, source } = await load(file, o, progress);
    if (o.json) {
      // Made piece by piece, never one huge string, and written whole or not at all.
      const json = toJson(engine, { name: basename(file), read: source.describe() });
      const replacer = jsonReplacerFor(unnamedCurrencyJson(engine).code);
      await out.writeWhole(() => withNewline(jsonPieces(json, 3, replacer)));
    } else
      printSummary(
        engine,
        (s) => out.line(s),
        Infinity,
        `${basename(file)} (${source.describe()})`
      );
    return 0;
  }
  if (command === "clv") {
    const from = o["holdout-from"];
    if (from !== undefined && isoToSerial(from) === undefined)
      throw new UsageError(`--holdout-from "${from}" is not a date: use YYYY-MM-DD.`);
    const { engine } = await load(file, o, progress);
    warnLateAsOf(engine);
    let holdout: HoldoutCheck | undefined;
    if (from !== undefined) {
      // the as-of date is known once the file is read (by default its last order date)
      const asOf = engine.portfolio?.asOf;
      if (asOf !== undefined && isoToSerial(from)! >= asOf)
        throw new UsageError(
          `--holdout-from ${from} is not before the as-of date, ${serialToIso(asOf)}: the check fits the model to the orders up to that day and compares its forecast with the orders after it, to the as-of date.`
        );
      try {
        holdout = engine.holdoutCheck(isoToSerial(from)!);
      } catch (e) {
        if (e instanceof RangeError) throw new UsageError(`--holdout-from: ${e.message}`);
        throw e;
      }
    }
    if (o.json) {
      const json = clvJson(engine, holdout);
      const replacer = jsonReplacerFor(unnamedCurrencyJson(engine).code);
      await out.writeWhole(() => withNewline(jsonPieces(json, 3, replacer)));
    } else printClv(engine, (s) => out.line(s), holdout);
    return 0;
  }
  if (command === "initiatives") return initiatives(file, o, progress);
  if (command === "sheets") {
    if (!o.account) throw new UsageError("kap sheets needs --account ID.");
    if (!o.out) throw new UsageError("kap sheets needs --out file.xlsx.");
    const { engine } = await load(file, o, progress);
    warnLateAsOf(engine);
    const accountKey = accountKeyOf(engine, o.account);
    // A sheet these lines cannot make (a product view on an invoice-level export) is named with
    // the column it needs; the rest are written.
    const actions = [...actionsOfScope("portfolio"), ...actionsOfScope("account")];
    const data = { hasProducts: engine.portfolio!.hasProducts };
    const skipped = actions.flatMap((a) => unavailableReason(a, data) ?? []);
    const specs = actions
      .filter((a) => unavailableReason(a, data) === null)
      .flatMap((a) => engine.sheets(a, { accountKey, live: false }));
    await writeXlsxFile(resolve(o.out), specs);
    out.line(`Wrote ${specs.length} sheets to ${resolve(o.out)}`);
    for (const s of skipped) out.line(`Not written: ${s}`);
    return 0;
  }
  // qbr
  if (!o.out)
    throw new UsageError("kap qbr needs --out (a .xlsx file, or a folder with --all-top).");
  // One analysis serves every workbook below, however many accounts --all-top asks for.
  const { engine } = await load(file, o, progress);
  warnLateAsOf(engine);
  if (o["all-top"] !== undefined) {
    const n = Number(o["all-top"]);
    const { top, currencies } = topAccountsByCurrency(engine.portfolio!.accounts, n);
    // Money in different currencies is never compared (no exchange rates given): the top N of each.
    if (currencies.length > 1) out.line(severalCurrenciesNote(currencies, n));
    const dir = resolve(o.out);
    makeFolder(dir);
    // One file per account: its key names the currency ("A1 (EUR)"), and a name two accounts
    // come to share once cleaned for the file system gets " (2)", never overwriting the other.
    const used = new Set<string>();
    for (const a of top) {
      const specs = engine.sheets("qbr", { accountKey: a.key, quarter: o.quarter, live: false });
      const base = qbrFileBase(a.key, a.accountId, a.name);
      let name = base;
      for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n})`;
      used.add(name.toLowerCase());
      const path = join(dir, `${name}.xlsx`);
      await writeXlsxFile(path, specs);
      out.line(path);
    }
    out.line(`Wrote ${top.length} QBR workbook${top.length === 1 ? "" : "s"} to ${dir}`);
    // the default quarter is the data's, not an account's: one note serves every workbook
    const note = top[0] ? engine.qbrQuarterNote(top[0].key, o.quarter) : null;
    if (note) out.line(note);
    return 0;
  }
  if (!o.account) throw new UsageError("kap qbr needs --account ID or --all-top N.");
  const accountKey = accountKeyOf(engine, o.account);
  const specs = engine.sheets("qbr", { accountKey, quarter: o.quarter, live: false });
  await writeXlsxFile(resolve(o.out), specs);
  out.line(`Wrote the QBR workbook to ${resolve(o.out)}`);
  const note = engine.qbrQuarterNote(accountKey, o.quarter);
  if (note) out.line(note);
  return 0;
}

/** Options every command that reads a file takes. */
const READING_OPTIONS = ["sheet", "as-of", "culture", "fiscal-start", "quiet", "help"];

/** The options each command reads: any other would be silently ignored, so it is refused. */
const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  analyze: [...READING_OPTIONS, "json"],
  analyse: [...READING_OPTIONS, "json"],
  clv: [...READING_OPTIONS, "json", "horizon-months", "discount", "holdout-from"],
  sheets: [...READING_OPTIONS, "account", "out"],
  qbr: [...READING_OPTIONS, "account", "out", "quarter", "all-top"],
  initiatives: [...READING_OPTIONS, "account", "propose", "out"],
  // the demo reads the bundled sample's own order sheet
  demo: ["as-of", "culture", "fiscal-start", "quiet", "help", "out"],
};

/** What to do instead, for the options users most often give a command that does not read them. */
const INSTEAD: Record<string, string> = {
  "analyze out":
    "it prints the analysis (--json for all of it); kap sheets or kap qbr write a workbook",
  "analyze account": "it prints every account; kap sheets or kap qbr take one",
};

/**
 * Refuses, in one line and before the file is read, an option the command would ignore
 * (`kap analyze f.csv --out x.xlsx` wrote nothing and said nothing) or two that contradict.
 */
function checkOptions(command: string, tokens: readonly { kind: string; name?: string }[]): void {
  const given = new Set(tokens.flatMap((t) => (t.kind === "option" && t.name ? [t.name] : [])));
  const allowed = COMMAND_OPTIONS[command] ?? [];
  for (const name of given) {
    if (allowed.includes(name)) continue;
    const verb = command === "analyse" ? "analyze" : command;
    const instead = INSTEAD[`${verb} ${name}`];
    throw new UsageError(
      instead
        ? `kap ${command} does not take --${name}: ${instead}.`
        : `kap ${command} does not take --${name} (kap --help lists each command's options).`
    );
  }
  if (command === "qbr" && given.has("account") && given.has("all-top"))
    throw new UsageError(
      "kap qbr takes --account ID (one QBR workbook) or --all-top N (one per account, into a folder), not both."
    );
  if (command === "initiatives" && given.has("out") && !given.has("propose"))
    throw new UsageError(
      "kap initiatives takes --out only with --propose (the proposed initiatives written to a file)."
    );
}

/**
 * Refuses, before the file is read, a --culture, --quarter or --all-top that cannot be read, and an --out
 * that cannot take what the command writes: one
 * workbook needs a file name ending .xlsx (not an existing folder: Node's EISDIR came only after
 * the analysis), a folder of workbooks (qbr --all-top, demo) a name that is not an existing file.
 */
function checkOut(command: string, o: Opts): void {
  if (o.culture !== undefined) checkCulture(o.culture);
  // a quarter that cannot be read is said now, not after the whole file has been analysed
  if (o.quarter !== undefined && !parseFiscalQuarter(o.quarter))
    throw new UsageError(`"${o.quarter}" is not a quarter: use e.g. 2026Q3 or FY2026 Q3.`);
  if (command === "qbr" && o["all-top"] !== undefined) {
    const n = Number(o["all-top"]);
    if (!Number.isInteger(n) || n < 1)
      throw new UsageError(
        `--all-top "${o["all-top"]}" is not a number of accounts: give a whole number, 1 or more, e.g. --all-top 10.`
      );
  }
  if (o.out === undefined) return;
  // a path through a file ("orders.csv/q.xlsx") is no folder either: stat throws ENOTDIR there
  const isDir = (p: string) => {
    try {
      return statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
    } catch {
      return false;
    }
  };
  const folderOf =
    command === "demo"
      ? "kap demo writes three workbooks"
      : command === "qbr" && o["all-top"] !== undefined
        ? "kap qbr --all-top writes one workbook per account"
        : undefined;
  if (folderOf) {
    if (existsSync(o.out) && !isDir(o.out))
      throw new UsageError(
        `--out "${o.out}" is a file: ${folderOf} into a folder, so give a folder name, e.g. ${command === "demo" ? "out/" : "qbr-pack/"}.`
      );
    writableOrSay(o.out, "folder");
    return;
  }
  if (isDir(o.out))
    throw new UsageError(
      `--out "${o.out}" is a folder: kap ${command} writes one workbook, so give a file name, e.g. ${join(o.out, `${command}.xlsx`)}.`
    );
  // Excel opens a workbook by its extension: one named .csv, or with none, does not open.
  if (extname(o.out).toLowerCase() !== ".xlsx") {
    const stem = o.out.slice(0, o.out.length - extname(o.out).length);
    throw new UsageError(
      `--out "${o.out}": kap writes an Excel workbook, so give a name ending .xlsx, e.g. ${stem}.xlsx.`
    );
  }
  writableOrSay(o.out, "file");
}

/** An --out that cannot be written, said now in one line, not after the analysis (or never: /proc). */
function writableOrSay(out: string, as: "file" | "folder"): void {
  try {
    checkWritable(out, as);
  } catch (e) {
    throw cannotWrite(resolve(out), e);
  }
}

/**
 * Refuses an --out that is the file being read (the same path written another way, or a link
 * to it): the workbook KAP writes would replace the user's order lines.
 */
function checkNotInput(file: string, out: string | undefined): void {
  if (out === undefined || !sameFile(file, out)) return;
  const stem = file.slice(0, file.length - extname(file).length);
  throw new UsageError(
    `--out "${out}" is the file kap reads: writing it would replace your data. Give --out another name, e.g. ${stem} KAP.xlsx.`
  );
}

/** True when both paths name one existing file (same device and inode: links count). */
function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a, { throwIfNoEntry: false });
    const sb = statSync(b, { throwIfNoEntry: false });
    return sa !== undefined && sb !== undefined && sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * Refuses a --culture that is no culture name ("english"), or one written like a name that Intl
 * has no data for ("xx-XX", "zz"): either would be taken as no culture at all, silently.
 */
function checkCulture(culture: string): void {
  const hint = "use e.g. en-GB, en-US or de-DE.";
  if (!/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(culture))
    throw new UsageError(`--culture "${culture}" is not a culture name: ${hint}`);
  let known: string[];
  try {
    // "de_DE" is written with "-" in a BCP 47 tag
    known = Intl.DateTimeFormat.supportedLocalesOf(culture.replace(/_/g, "-"));
  } catch {
    known = [];
  }
  if (known.length === 0)
    throw new UsageError(
      `--culture "${culture}" is not a culture Intl knows (Node's list of languages and regions): ${hint}`
    );
  // Intl takes "en-XX" as plain "en": the region would be dropped, silently
  const region = unknownRegion(known[0]);
  if (region)
    throw new UsageError(
      `--culture "${culture}" is not a culture Intl knows ("${region}" is no region in Node's list of regions): ${hint}`
    );
}

/** The region of a culture tag when Intl has no name for it ("XX", "ZZ" = unknown region); undefined when it has one or the tag names none. */
function unknownRegion(tag: string): string | undefined {
  const region = new Intl.Locale(tag).region;
  if (region === undefined) return undefined;
  const name = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" }).of(region);
  return name === undefined || region.toUpperCase() === "ZZ" ? region : undefined;
}

/**
 * The as-of warning (a date set more than 31 days after the data's last order, before its
 * first, or before its last, with the count of lines left out) on stderr for kap qbr, sheets, clv and initiatives (analyze shows it in its summary): their
 * figures stop where the data does.
 */
function warnLateAsOf(engine: KapEngine): void {
  const late = engine.portfolio?.warnings.find((w) => w.startsWith("The as-of date"));
  if (late) process.stderr.write(`kap: warning: ${terminalSafe(late)}\n`);
  // analyze's summary says how the dates were read; these commands say it when it was assumed
  const assumed = assumedDatesLine(engine.report);
  if (assumed && !late?.includes("by assumption")) process.stderr.write(`kap: note: ${assumed}\n`);
}

/**
 * `kap initiatives`: the Initiatives table's progress (target, actual, uplift, on track or
 * behind), or with --propose the account plans' proposed initiatives the table lacks, written to
 * --out as a table to copy into it (the input file is never changed).
 */
async function initiatives(file: string, o: Opts, progress: Progress): Promise<number> {
  if (o.propose && !o.out)
    throw new UsageError("kap initiatives --propose needs --out file.xlsx for the proposed rows.");
  const { engine } = await load(file, o, progress);
  warnLateAsOf(engine);
  if (o.account && !engine.account(o.account)) throw noAccount(engine, o.account);
  if (o.propose) {
    const rows = engine.proposedInitiatives(o.account);
    if (rows.length === 0) {
      // Without an Initiatives table, nothing to propose means the plans propose nothing.
      out.line(
        engine.side.initiatives.length === 0
          ? `No initiatives to propose: the account plan${o.account ? ` of ${o.account} proposes` : "s propose"} none, and there is no Initiatives table.`
          : `No new initiatives to propose: the Initiatives table has every initiative the plan${o.account ? ` of ${o.account}` : "s"} propose${o.account ? "s" : ""}.`
      );
      return 0;
    }
    const { proposedInitiativesSheet } = await import("../sheets/proposedInitiativesSheet");
    const accounts = new Set(rows.map((r) => r.account)).size;
    await writeXlsxFile(resolve(o.out!), [
      proposedInitiativesSheet(
        rows,
        `From ${basename(file)} as of ${dateText(engine.portfolio!.asOf, engine.dateCulture)}: ${rows.length} initiatives for ${accounts} account${accounts === 1 ? "" : "s"} that your Initiatives table does not have. Copy the rows you want into it; KAP tracks them from the next analysis.`,
        `As of ${dateText(engine.portfolio!.asOf, engine.dateCulture)}`,
        engine.portfolio!.currencies.length === 1 ? engine.portfolio!.currencies[0] : undefined,
        engine.dateCulture
      ),
    ]);
    out.line(
      `Wrote ${rows.length} proposed initiative${rows.length === 1 ? "" : "s"} for ${accounts} account${accounts === 1 ? "" : "s"} to ${resolve(o.out!)}`
    );
    return 0;
  }
  const list = engine.portfolio!.initiatives.filter(
    (i) => !o.account || i.accountId === o.account || i.key === o.account
  );
  if (list.length === 0) {
    out.line(
      `No initiatives${o.account ? ` for ${o.account}` : ""} in ${basename(file)}: add an Initiatives table (Account, Initiative, Categories or SKUs, Target, Start Date, End Date), or run kap initiatives ${basename(file)} --propose --out proposed.xlsx.`
    );
    return 0;
  }
  // in the account's currency, as the analysis summary shows money ("£9,000", not "9,000")
  const cash = (x: number | null | undefined, currency: string) =>
    x === null || x === undefined
      ? "–"
      : money(x, currency || engine.unnamedCurrency, engine.codedCurrencies, engine.moneyPlacement);
  out.line(
    `${"Account".padEnd(10)} ${"Initiative".padEnd(36)} ${"Target".padStart(10)} ${"Uplift".padStart(10)} ${"Progress".padStart(8)}  Status`
  );
  for (const i of list)
    out.line(
      `${(i.accountId ?? i.account).padEnd(10).slice(0, 10)} ${i.initiative.padEnd(36).slice(0, 36)} ${cash(i.target, i.currency).padStart(10)} ${cash(i.uplift, i.currency).padStart(10)} ${(i.progress === null || i.progress === undefined ? "–" : `${Math.round(i.progress * 100)}%`).padStart(8)}  ${[i.track, i.note].filter(Boolean).join(": ")}`
    );
  return 0;
}

/**
 * The account `--account` names: an account's key ("A1 (EUR)"), or an id that names one account.
 * An id that buys in several currencies is as many accounts, never added together: refused, with
 * the keys to choose from, rather than one currency's part shown as the whole account.
 */
function accountKeyOf(engine: KapEngine, id: string): string {
  const accounts = engine.portfolio!.accounts;
  if (accounts.some((a) => a.key === id)) return id;
  const same = accounts.filter((a) => a.accountId === id);
  if (same.length === 0) throw noAccount(engine, id);
  if (same.length > 1)
    throw new UsageError(
      `Account "${id}" buys in ${same.length} currencies (${same.map((a) => a.currency).join(", ")}), analysed apart because money in different currencies is never added: give ${same.map((a) => `--account "${a.key}"`).join(" or ")}.`
    );
  return same[0].key;
}

/**
 * "No account …", with the ID to give when the user was near: the same ID in other capitals or
 * with spaces around it, or the account's name (--account takes the ID).
 */
function noAccount(engine: KapEngine, id: string): UsageError {
  const accounts = engine.portfolio!.accounts;
  // an account whose first order is after the as-of date: there, but not yet a customer
  const later = engine.portfolio!.notYetCustomers?.find((a) => a.accountId === id.trim());
  if (later) {
    const d = (s: number) => dateText(s, engine.dateCulture);
    return new UsageError(
      `Account ${later.accountId}${later.name !== later.accountId ? ` (${later.name})` : ""} is not yet a customer at the as-of date ${d(engine.portfolio!.asOf)}: its first order is on ${d(later.firstOrderDate)}. Give a later --as-of to analyse it.`
    );
  }
  const base = `No account "${id}" in the order lines`;
  const norm = (x: string) => x.trim().replace(/\s+/g, " ").toLowerCase();
  const arg = (x: string) => (/\s/.test(x) ? `"${x}"` : x);
  const want = norm(id);
  const byId = accounts.find((a) => norm(a.accountId) === want);
  if (byId)
    return new UsageError(
      `${base}: did you mean ${byId.accountId}${byId.name !== byId.accountId ? ` (${byId.name})` : ""}?`
    );
  const byName = [
    ...new Set(accounts.filter((a) => norm(a.name) === want).map((a) => a.accountId)),
  ];
  if (byName.length === 1)
    return new UsageError(
      `${base}: --account takes the account ID, and ${id.trim()} is ${byName[0]}: give --account ${arg(byName[0])}.`
    );
  if (byName.length > 1)
    return new UsageError(
      `${base}: --account takes the account ID, and ${byName.length} accounts are called ${id.trim()}: ${byName.join(", ")}.`
    );
  // part of a name ("warren"): the accounts whose names hold it, by name, five at most
  const like =
    want.length < 3
      ? []
      : accounts
          .filter((a) => norm(a.name).includes(want))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (like.length > 0) {
    const shown = like.slice(0, 5).map((a) => `${a.accountId} (${a.name})`);
    const more = like.length > 5 ? ` and ${like.length - 5} more` : "";
    return new UsageError(
      `${base}: --account takes the account ID; accounts named like it: ${shown.join(", ")}${more}.`
    );
  }
  return new UsageError(`${base}.`);
}

/**
 * A QBR workbook's file name, without .xlsx: "QBR C0204 Warren Facilities", "QBR A1 (EUR) Alpha
 * GmbH"; an account known by its name alone (its id is the name) is named once, "QBR Acme Ltd".
 */
function qbrFileBase(key: string, accountId: string, name: string): string {
  const named = name && name !== accountId ? ` ${safeFile(name)}` : "";
  return `QBR ${safeFile(key)}${named}`;
}

function safeFile(s: string): string {
  return s
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, "_")
    .slice(0, 60)
    .trim();
}

/** The README's main job: the bundled sample → health sheet, dashboard and a QBR workbook in out/. */
async function demo(o: Opts, progress: Progress): Promise<number> {
  const sample = resolve(__dirname, "../../assets/sample-workbook.xlsx");
  const dir = resolve(o.out ?? "out");
  makeFolder(dir);
  const t0 = Date.now();
  // The sample's history ends on its last order date: analyse as of then, so the demo never ages.
  const { engine, source } = await load(
    sample,
    { ...o, sheet: undefined },
    progress,
    settingsFrom(o)
  );
  const p = engine.portfolio!;
  const report = engine.report!;
  const portfolioFile = join(dir, "KAP portfolio.xlsx");
  const portfolioSheets = actionsOfScope("portfolio").flatMap((a) =>
    engine.sheets(a, { live: false })
  );
  await writeXlsxFile(portfolioFile, portfolioSheets);
  const top = p.accounts
    .filter((a) => a.isTopLevel)
    .sort((a, b) => b.revenueLast12 - a.revenueLast12)[0];
  const qbrFile = join(dir, `${qbrFileBase(top.accountId, top.accountId, top.name)}.xlsx`);
  await writeXlsxFile(qbrFile, engine.sheets("qbr", { accountKey: top.key, live: false }));
  const accountFile = join(dir, `KAP account ${safeFile(top.accountId)}.xlsx`);
  const accountSheets = actionsOfScope("account").flatMap((a) =>
    engine.sheets(a, { accountKey: top.key, live: false })
  );
  await writeXlsxFile(accountFile, accountSheets);
  printSummary(engine, (s) => out.line(s), 10, `${basename(sample)} (${source.describe()})`);
  out.line("");
  out.line(
    `Read ${report.accepted.toLocaleString("en-GB")} order lines of ${accountsAndSites(p)} as of ${serialToIso(p.asOf)} in ${((Date.now() - t0) / 1000).toFixed(1)} s.`
  );
  // the sheets each file holds, as their tabs read ("KAP Plan – C0204" → "Plan")
  const tabs = (specs: { name: string }[]) =>
    specs.map((x) => x.name.replace(/^KAP /, "").replace(/ – .*$/, "")).join(", ");
  out.line(`${tabs(portfolioSheets)}: ${portfolioFile}`);
  out.line(`${tabs(accountSheets)} for ${top.name}: ${accountFile}`);
  out.line(`QBR workbook for ${top.name}: ${qbrFile}`);
  return 0;
}

/**
 * The argument that is a file named like an option ("-2026 orders.csv", read as options), if any:
 * it exists, or has a data file's extension.
 */
function dashFile(argv: readonly string[]): string | undefined {
  return argv.find(
    (a) => /^-[^-]/.test(a) && (existsSync(a) || /\.(?:csv|tsv|txt|xlsx)$/i.test(a))
  );
}

/** One clear line for anything the user can fix; exit status 1. */
export function explain(e: unknown, argv: readonly string[] = []): string {
  if (e instanceof MissingRoleError) return e.cliMessage;
  if (e instanceof UsageError || e instanceof FileReadError) return e.message;
  if (
    e instanceof RangeError &&
    /string length|allocation failed|Array buffer|Maximum call stack/i.test(e.message)
  )
    return `kap: the input is too large for this machine (${e.message}). Split the file by year, or give Node more memory with NODE_OPTIONS=--max-old-space-size=4096.`;
  // node:util parseArgs: "Unknown option '--x'. To specify a positional argument starting with a '-', …"
  if (
    e instanceof Error &&
    ((e as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS") ||
      (e.name === "TypeError" && /Unknown option|Unexpected argument/.test(e.message)))
  ) {
    // A file named "-q.csv" is read as the options -q, -., -c …: parseArgs then names whichever
    // letter it trips on ("Unknown option '-.'"), which says nothing about the file.
    const file = dashFile(argv);
    if (file)
      return `"${file}" starts with "-", so it was read as options: to read the file, write it as ./${file}.`;
    // "--discount -0.5": Node calls the value "ambiguous" and suggests "--discount=-XYZ"
    const dashed = /^Option '(--[\w-]+)' argument is ambiguous/.exec(e.message)?.[1];
    const value = dashed ? argv[argv.indexOf(dashed) + 1] : undefined;
    if (dashed && value !== undefined)
      return `${dashed} "${value}" starts with "-", so it was read as an option: to give that value, write ${dashed}=${value}.`;
    // Node's own hint for an unknown option ("To specify a positional argument starting with
    // a '-', place it at the end of the command after '--', as in '-- "--x"') is about
    // parseArgs, not kap: its first sentence and where the options are listed, on one line.
    return `${e.message
      .replace(/ To specify a positional argument.*$/s, "")
      .split("\n")[0]
      .replace(/\.?$/, ".")} kap --help lists the options.`;
  }
  if (e instanceof Error) return `kap: ${e.message.split("\n")[0]}`;
  return `kap: ${String(e)}`;
}

/**
 * The top-level accounts with the most revenue in the last 12 months, `n` of each currency (the
 * analysis keeps each currency's money apart; a rates table would have made it one), in order of
 * the currency with the most accounts first, then by revenue; '' is the lines with no currency.
 */
export function topAccountsByCurrency(
  accounts: readonly AccountAnalysis[],
  n: number
): { top: AccountAnalysis[]; currencies: string[] } {
  const byCurrency = new Map<string, AccountAnalysis[]>();
  for (const a of accounts)
    if (a.isTopLevel) {
      const list = byCurrency.get(a.currency);
      if (list) list.push(a);
      else byCurrency.set(a.currency, [a]);
    }
  const groups = [...byCurrency].sort(
    (x, y) => y[1].length - x[1].length || (x[0] < y[0] ? -1 : 1)
  );
  return {
    top: groups.flatMap(([, list]) =>
      list.sort((a, b) => b.revenueLast12 - a.revenueLast12).slice(0, n)
    ),
    currencies: groups.map(([c]) => c),
  };
}

/**
 * What --all-top says when it takes the top N of each currency: the currencies by code, and lines
 * with none named in words (JSON's "XXX" means nothing to a reader).
 */
export function severalCurrenciesNote(currencies: readonly string[], n: number): string {
  const named = currencies.filter((c) => c !== "" && c !== NO_CURRENCY_CODE);
  const unnamed = named.length < currencies.length ? " and with no currency named" : "";
  return `Amounts in ${named.join(", ")}${unnamed} are not compared without exchange rates: the top ${n} of each currency.`;
}

/** The pieces, then a line end. */
function* withNewline(pieces: Iterable<string>): Generator<string> {
  yield* pieces;
  yield "\n";
}

/** Standard output, written with backpressure and flushed before exit. */
const out = new Output(process.stdout);

/**
 * The process entry: bin/kap.js (the bundle in dist/cli, or this file through tsx) ends here.
 * Exits only once everything written has left the process (a pipe to a slow reader gets it all).
 * `early`: the reading thread bin/kap.js started on the file before loading the bundle.
 */
export function main(argv: string[] = process.argv.slice(2), early?: EarlyReader): void {
  offerEarlyReader(early);
  // The reader went away (`kap analyze f.csv | head`): stop quietly, as other command-line tools do.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    out.abandon();
    process.stderr.write(`kap: cannot write the output (${e.message}).\n`);
    process.exit(1);
  });
  const exit = async (code: number) => {
    await out.flush();
    process.exit(code);
  };
  run(argv).then(exit, (e: unknown) => {
    out.abandon();
    process.stderr.write(`${terminalSafe(explain(e, argv))}\n`);
    if (process.env.KAP_DEBUG) console.error(e);
    return exit(1);
  });
}

if (require.main === module) main();

export { run };
