/** What `kap analyze` prints: a readable summary, or the whole analysis as JSON. */
import { serialToIso } from "../domain/dates";
import { fitColumns, terminalColumns } from "./terminalWidth";
import {
  currencyPrefix,
  formatMoney,
  isSharedSymbol,
  moneyLabel,
  type SymbolPlacement,
} from "../domain/currency";
import { asOfPhrase, currencyShownAs, readingLines } from "../engine/assumptions";
import type { KapEngine } from "../engine/engine";
import type { AccountAnalysis, PortfolioAnalysis } from "../domain/analysis/types";
import type { IngestReport } from "../ingest/orders";

/**
 * Members that hold an Excel serial date in the analysis (domain/types, domain/analysis/types,
 * clv, payment and engagement logs): written as ISO dates (YYYY-MM-DD) in the JSON.
 */
export const DATE_KEYS: ReadonlySet<string> = new Set([
  "asOf",
  "date",
  "firstDate",
  "lastDate",
  "firstOrderDate",
  "lastOrderDate",
  "nextExpectedOrder",
  "overdueFrom",
  "customerSince",
  "invoiceDate",
  "dueDate",
  "paidDate",
  "start",
  "end",
  "from",
  "to",
  "firstOrder",
  "lastOrder",
  "calibrationEnd",
  "holdoutEnd",
  "figuresTo",
  "firstDay",
  "lastDay",
  "today",
  "upTo",
  "dataStart",
  "productsAfter",
  "preparedOn",
]);

/** A member holding a serial date: one of DATE_KEYS, or any name ending in "Date" (lastReturnDate …). */
export function isDateKey(key: string): boolean {
  if (DATE_KEYS.has(key)) return true;
  // /[a-z]Date$/ without a regular expression: asked for every number of a 22 MB JSON
  const n = key.length;
  if (n < 5 || !key.endsWith("Date")) return false;
  const c = key.charCodeAt(n - 5);
  return c >= 97 && c <= 122;
}

/** ISO 4217's code for "no currency", written where the data names none (the analysis keys such money by ""). */
export const NO_CURRENCY_CODE = "XXX";

/** Scores (0–5, health, history, 5P) are written rounded to 2 decimals: the figure the bands use (RULES.md §2.1). */
const SCORE_KEYS: ReadonlySet<string> = new Set(["score", "averageHealth"]);

/** Members that hold a currency code ("" where the data names none). */
const CURRENCY_KEYS: ReadonlySet<string> = new Set([
  "currency",
  "fileCurrency",
  "reportingCurrency",
]);

/** A JSON replacer: JSON.stringify's (key, value) → value. */
type Replacer = (key: string, value: unknown) => unknown;

/** Replacers that leave a value under the key "" as it is (jsonPieces calls them bare). */
const ROOT_SAFE = new WeakSet<Replacer>();

/**
 * The JSON replacer of `kap … --json`: serial dates → "YYYY-MM-DD", scores → 2 decimals, the
 * empty currency ("" = none named on the lines) → `unnamed`: the code the data or the culture
 * names for such money, else null as a value and "XXX" (ISO 4217's "no currency") as a money
 * map's key. JSON.stringify calls it for every member of a 22 MB result (1M-line file): the
 * cheapest tests come first, and each key's kind and each day's ISO text are worked out once.
 */
export function jsonReplacerFor(unnamed: string | null): Replacer {
  const key0 = unnamed ?? NO_CURRENCY_CODE;
  const replacer: Replacer = (key, value) => {
    switch (typeof value) {
      case "number": {
        const kind = keyKind(key);
        if (kind === KeyKind.Date)
          return Number.isFinite(value) ? isoDate(Math.floor(value)) : value;
        return kind === KeyKind.Score ? Math.round(value * 100) / 100 : value;
      }
      case "string":
        return value === "" && CURRENCY_KEYS.has(key) ? unnamed : value;
      case "object": {
        if (value === null) return value;
        if (Array.isArray(value))
          return key === "currencies" && value.some((c) => c === "")
            ? value.map((c) => (c === "" ? unnamed : c))
            : value;
        if (!Object.hasOwn(value, "")) return value;
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) out[k === "" ? key0 : k] = v;
        return out;
      }
      default:
        return value;
    }
  };
  ROOT_SAFE.add(replacer);
  return replacer;
}

/** The replacer with no currency known for money that names none (null; "XXX" as a key). */
export const jsonReplacer: Replacer = jsonReplacerFor(null);

/**
 * The currency `kap --json` writes for money whose lines name none, and the warning when it
 * writes null: the default when nothing on the lines names a currency and the revenue column's
 * format, the totals rows or the culture names one (RULES.md §1.2); null beside lines that name
 * one (such money is kept apart, never passed off as theirs) or when only KAP's own default
 * (GBP) would name it.
 */
export function unnamedCurrencyJson(engine: KapEngine): { code: string | null; warning?: string } {
  const { currencies } = engine.report!;
  const lines = currencies[""] ?? 0;
  const named = Object.keys(currencies).filter((c) => c !== "");
  const keyed = `money keyed by currency is under "${NO_CURRENCY_CODE}" (ISO 4217's "no currency")`;
  if (named.length) {
    if (!lines) return { code: null };
    const one = lines === 1;
    return {
      code: null,
      warning: `${lines.toLocaleString("en-GB")} order line${one ? "" : "s"} name${one ? "s" : ""} no currency, beside lines in ${named.join(", ")}: ${one ? "its" : "their"} "currency" is null, and ${keyed}, never added to another currency's.`,
    };
  }
  const choice = engine.defaultCurrencyChoice;
  if (choice.sharedBy)
    return {
      code: null,
      warning: `The amounts' "${choice.code}" names no one currency (${choice.sharedBy.join(", ")} all write it): "currency" is null, and ${keyed}. kap's text and sheets show it with "${choice.code}"; give --culture (the company's country) to name it.`,
    };
  if (choice.code && choice.source !== "default") return { code: choice.code };
  const shown = choice.code
    ? `kap's text and sheets show it in ${choice.code}, KAP's default`
    : "kap's text and sheets show it with no symbol";
  return {
    code: null,
    warning: `No currency is named in the data (no currency column, symbol, number format or totals row) and no culture was given: "currency" is null, and ${keyed}. ${shown}; give --culture (e.g. de-DE) to name it.`,
  };
}

/** What jsonReplacer does with a number under a key: write it as a date, as a score, or as it is. */
const enum KeyKind {
  Other,
  Date,
  Score,
}

/** Each key's kind, worked out once per key: a result has a few hundred keys and a million numbers. */
const keyKinds = new Map<string, KeyKind>();
function keyKind(key: string): KeyKind {
  let kind = keyKinds.get(key);
  if (kind === undefined) {
    kind = isDateKey(key) ? KeyKind.Date : SCORE_KEYS.has(key) ? KeyKind.Score : KeyKind.Other;
    keyKinds.set(key, kind);
  }
  return kind;
}

/** serialToIso once per day: a result's dates fall on a few thousand days. */
const isoDates = new Map<number, string>();
function isoDate(serial: number): string {
  let iso = isoDates.get(serial);
  if (iso === undefined) isoDates.set(serial, (iso = serialToIso(serial)));
  return iso;
}

/** The whole analysis as plain data; `file` says what was read and how (encoding, delimiter). */
export function toJson(engine: KapEngine, file?: { name: string; read: string }): unknown {
  const p = engine.portfolio!;
  const { warning } = unnamedCurrencyJson(engine);
  const report = engine.report!;
  return {
    asOf: serialToIso(p.asOf),
    asOfSource: engine.settings?.asOf ? "set" : "last order date",
    ...(file ? { file } : {}),
    ingest: warning ? { ...report, warnings: [...report.warnings, warning] } : report,
    sideTables: {
      accounts: engine.side.accounts.length,
      catalog: engine.side.catalog.length,
      contacts: engine.side.contacts.length,
      engagementLog: engine.side.engagement.length,
      invoices: engine.side.invoices.length,
      notes: engine.side.notes,
    },
    portfolio: p,
  };
}

/** Arrays longer than this are written element by element at any depth (jsonPieces). */
const LONG_ARRAY = 256;

/**
 * JSON text of `value` in pieces, as JSON.stringify would write it (undefined members left
 * out, undefined in arrays as null, toJSON honoured): objects and arrays near the top are
 * split member by member, and arrays of more than LONG_ARRAY elements at any depth element by
 * element, so a portfolio of any size is never one string. `replacer` is
 * JSON.stringify's (default jsonReplacer: ISO dates, 2-decimal scores, ISO currency codes),
 * applied to every member, split or not.
 */
export function* jsonPieces(
  value: unknown,
  depth = 3,
  replacer: (key: string, value: unknown) => unknown = jsonReplacer,
  key = ""
): Generator<string> {
  const raw =
    value !== null &&
    typeof value === "object" &&
    typeof (value as { toJSON?: unknown }).toJSON === "function"
      ? (value as { toJSON(): unknown }).toJSON()
      : value;
  const v = replacer(key, raw);
  if (depth <= 0 && Array.isArray(v) && v.length > LONG_ARRAY) {
    // A long array below the split depth (the whitespace map's rows: one per account, each a
    // spend per category) goes element by element too, with JSON.stringify's own commas: the
    // same bytes as one string, but never one string past V8's limit (20,000 accounts × 5,000
    // categories made one of about 600 MB).
    yield "[";
    for (let i = 0; i < v.length; i++) {
      if (i) yield ",";
      const x = v[i];
      if (x === undefined || typeof x === "function" || typeof x === "symbol") yield "null";
      else yield* jsonPieces(x, 0, replacer, String(i));
    }
    yield "]";
    return;
  }
  if (depth <= 0 || v === null || typeof v !== "object") {
    // The top of this piece is replaced already: the replacer runs on its members only.
    // jsonReplacer leaves a replaced value as it is under the key "" (no date, score or
    // currency key is ""; a money map has no "" key left), so it is given to JSON.stringify as
    // it is: a wrapper call per member costs more than the replacer itself at 22 MB of JSON.
    yield (
      JSON.stringify(
        v,
        ROOT_SAFE.has(replacer) ? replacer : (k, x) => (k === "" ? x : replacer(k, x))
      ) ?? "null"
    );
    return;
  }
  if (Array.isArray(v)) {
    yield "[";
    for (let i = 0; i < v.length; i++) {
      if (i) yield ",\n";
      const x = v[i];
      if (x === undefined || typeof x === "function" || typeof x === "symbol") yield "null";
      else yield* jsonPieces(x, depth - 1, replacer, String(i));
    }
    yield "]";
    return;
  }
  yield "{";
  let first = true;
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined || typeof x === "function" || typeof x === "symbol") continue;
    yield `${first ? "" : ",\n"}${JSON.stringify(k)}:`;
    first = false;
    yield* jsonPieces(x, depth - 1, replacer, k);
  }
  yield "}";
}

/**
 * Whole money with its currency's symbol (£, €, $) or code, or a shared symbol as written ("$",
 * "kr "); "" is a currency not known: no symbol. Money in the currency whose source format writes
 * it after the figure is placed so ("20,148 €", as the cells of `kap sheets` show it).
 */
export function money(
  n: number,
  currency: string,
  coded?: ReadonlySet<string>,
  placement?: SymbolPlacement
): string {
  if (placement?.currency === currency && !coded?.has(currency))
    return formatMoney(n, moneyLabel(currency, undefined, placement), 0);
  const sym = coded?.has(currency)
    ? `${currency} `
    : currency === "GBP"
      ? "£"
      : currency === "EUR"
        ? "€"
        : currency === "USD"
          ? "$"
          : isSharedSymbol(currency)
            ? currencyPrefix(currency)
            : currency
              ? `${currency} `
              : "";
  // the rupee in lakhs and crores ("INR 1,47,500"), as India writes it
  const grouping = currency === "INR" ? "en-IN" : "en-GB";
  return `${n < 0 ? "-" : ""}${sym}${Math.round(Math.abs(n)).toLocaleString(grouping)}`;
}

/** The currency money that names none is shown in (KapEngine.unnamedCurrency: the alerts' too). */
function unnamedShownIn(engine: KapEngine): string {
  return engine.unnamedCurrency;
}

/**
 * What to do about dates read day-first by assumption (no culture given, none past 12 in either
 * place): a US export's 03/04/2026 is 4 March, not 3 April, and its 12-month revenue differs.
 */
function assumedDatesNote(r: IngestReport): string {
  if (r.read?.dateOrderSource !== "default") return "";
  return r.read.dateOrder === "dmy"
    ? " — if the file's dates are month-first (a US export), give --culture en-US"
    : " — if the file's dates are day-first, give --culture en-GB";
}

/**
 * "Dates: day-first (assumed: no date in the data settles it) — if …": the summary's line, for
 * the commands that print no summary; undefined when the data, layout or culture settled it.
 */
export function assumedDatesLine(r: IngestReport | undefined): string | undefined {
  const note = r ? assumedDatesNote(r) : "";
  if (!note) return undefined;
  return `Dates: ${r!.read!.dateOrder === "dmy" ? "day-first" : "month-first"} (assumed: no date in the data settles it)${note}`;
}

/** "; 3 order lines name no currency (…)" after the Currency line, when they are shown with no symbol. */
function unnamedNote(engine: KapEngine, unnamed: string): string {
  const { currencies } = engine.report!;
  const lines = currencies[""] ?? 0;
  if (lines === 0) return "";
  const n = lines.toLocaleString("en-GB");
  const one = lines === 1;
  // "$" lines beside others: shown with the symbol they were written with, no code claimed
  if (isSharedSymbol(unnamed) && Object.keys(currencies).some((c) => c !== ""))
    return `; ${n} order line${one ? "" : "s"} name${one ? "s" : ""} no currency code (their amounts are shown with "${unnamed}", as written)`;
  if (unnamed !== "") return "";
  // with no currency named anywhere, the Currency line says so already
  if (!Object.keys(currencies).some((c) => c !== ""))
    return engine.currencyDoubt ? " (amounts shown with no symbol)" : "";
  return `; ${n} order line${lines === 1 ? "" : "s"} name${lines === 1 ? "s" : ""} no currency (their amounts are shown with no symbol)`;
}

/**
 * "285 accounts (+ 15 sites)": the top-level accounts, and the sites rolled into them, which the
 * account list shows as rows of their own (the summary's "accounts: 285 (+ 15 sites …)").
 */
export function accountsAndSites(p: PortfolioAnalysis): string {
  const sites = p.accounts.filter((a) => !a.isTopLevel).length;
  const n = p.dashboard.accountsManaged;
  const accounts = `${n.toLocaleString("en-GB")} account${n === 1 ? "" : "s"}`;
  return sites
    ? `${accounts} (+ ${sites.toLocaleString("en-GB")} site${sites === 1 ? "" : "s"})`
    : accounts;
}

/**
 * `text` in at most `n` characters, cut at a word boundary with "…" when longer: never mid-word
 * (a single word longer than `n` is the only thing cut inside).
 */
/** The summary's band and quadrant counts, grouped as its other counts are ("Healthy 1,517", not "1517"). */
export function bandAndQuadrantLines(
  d: Pick<PortfolioAnalysis["dashboard"], "bands" | "quadrants">
): string[] {
  const n = (x: number) => x.toLocaleString("en-GB");
  return [
    `Bands: ${d.bands.map((b) => `${b.band} ${n(b.count)}`).join(" · ")}`,
    `Quadrants: ${Object.entries(d.quadrants)
      .map(([q, c]) => `${q} ${n(c)}`)
      .join(" · ")}`,
  ];
}

export function cutAtWord(text: string, n: number): string {
  if (text.length <= n) return text;
  const room = text.slice(0, n); // n − 1 characters and "…" must fit
  const space = room.lastIndexOf(" ", n - 1);
  if (space <= 0) return `${text.slice(0, n - 1)}…`;
  return `${room.slice(0, space).replace(/[\s,;:.–—-]+$/, "")}…`;
}

/**
 * The warning when no currency is named anywhere and KAP's default (GBP) is most likely not the
 * data's (KapEngine.currencyDoubt: decimal commas, month-first dates, lakhs, Japanese text): the
 * money is shown with no symbol, and the user is told how to name the currency.
 */
function defaultCurrencyDoubt(engine: KapEngine): string | undefined {
  const doubt = engine.currencyDoubt;
  if (!doubt) return undefined;
  return `No currency is named in the data, and ${doubt.evidence}: KAP's default, GBP, is most likely not their currency, so the amounts are shown with no currency symbol. Give --culture (e.g. ${doubt.culture}), or a currency column, to name it (in Excel, the workbook's regional format).`;
}

export function printSummary(
  engine: KapEngine,
  out: (s: string) => void,
  limit = Infinity,
  file?: string
): void {
  const p = engine.portfolio!;
  const r = engine.report!;
  const d = p.dashboard;
  out(`KAP analysis ${asOfPhrase(p.asOf, !!engine.settings?.asOf)}`);
  if (file) out(`Read: ${file}`);
  // The file line above already says how a text file was read.
  // money without a currency of its own: the format's, the totals rows', the culture's, else KAP's default
  const unnamed = unnamedShownIn(engine);
  const coded = engine.codedCurrencies;
  const placement = engine.moneyPlacement;
  const shownAs = currencyShownAs(engine.defaultCurrencyChoice);
  // kap has no workbook settings: what the shared words call them is its --culture
  const lines = readingLines(r, shownAs).map((l) =>
    l.replaceAll("the workbook's regional settings", "the --culture given")
  );
  for (const line of lines)
    if (!(file && line.startsWith("Text file:")))
      out(
        `  ${line}${line.startsWith("Currency:") ? unnamedNote(engine, unnamed) : ""}${line.startsWith("Dates:") ? assumedDatesNote(r) : ""}`
      );
  // The rows below (and "Read … of N accounts") count sites too: say how the two numbers meet.
  const sites = p.accounts.filter((a) => !a.isTopLevel).length;
  out(
    `Order lines: ${r.accepted.toLocaleString("en-GB")} (${r.returns.toLocaleString("en-GB")} return${r.returns === 1 ? "" : "s"}) · accounts: ${d.accountsManaged.toLocaleString("en-GB")}${sites ? ` (+ ${sites.toLocaleString("en-GB")} site${sites === 1 ? "" : "s"} rolled into their parents)` : ""} · ${r.firstDate !== null ? `${serialToIso(r.firstDate)} to ${serialToIso(r.lastDate!)}` : ""}`
  );
  const guessed = defaultCurrencyDoubt(engine);
  for (const w of [
    ...r.warnings,
    ...engine.side.notes,
    ...p.warnings,
    ...(p.currencyWarning ? [p.currencyWarning] : []),
    ...(guessed ? [guessed] : []),
  ])
    out(`! ${w}`);
  // several currencies are never added up: each is its own figure, so not "£37 + 18"
  const revenues = Object.entries(d.annualRevenue);
  const revenueText = revenues
    .map(
      ([c, v]) =>
        `${money(v, c || unnamed, coded, placement)}${revenues.length > 1 && !(c || unnamed) ? " (no currency)" : ""}`
    )
    .join("; ");
  out(
    `Annual revenue${revenues.length > 1 ? " by currency" : ""}: ${revenueText} · average health ${d.averageHealth === null ? "n/a" : d.averageHealth.toFixed(2)}`
  );
  for (const line of bandAndQuadrantLines(d)) out(line);
  out("");
  const rows = [...p.accounts].sort((a, b) => b.revenueLast12 - a.revenueLast12);
  const shown = rows.slice(0, limit);
  // A name may hold a line break or tab inside its quotes: shown as one space, one account a line.
  const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
  // The account column is as wide as the longest ID shown (e-mail addresses are IDs in shop exports), within 12–40.
  const idWidth = Math.min(40, Math.max(12, ...shown.map((a) => terminalColumns(oneLine(a.key)))));
  // in terminal columns: a CJK name or an emoji takes two a character
  const cell = (text: string, n: number) => fitColumns(oneLine(text), n);
  out(
    `${"Account".padEnd(idWidth)} ${"Name".padEnd(30)} ${"Score".padStart(5)} ${"Band".padEnd(9)} ${"Quadrant".padEnd(17)} ABC ${"Revenue 12m".padStart(12)}  Alerts`
  );
  for (const a of shown) {
    const alerts = a.alerts
      .filter((x) => x.severity !== "Opportunity")
      .map((x) => oneLine(x.message))
      .join(" ");
    out(
      `${cell(a.key, idWidth)} ${cell(a.name, 30)} ${(a.health.score === null ? "n/a" : a.health.score.toFixed(2)).padStart(5)} ${String(a.health.finalBand ?? "").padEnd(9)} ${a.quadrant.quadrant.padEnd(17)} ${(a.abcTier ?? "-").padEnd(3)} ${money(a.revenueLast12, a.currency || unnamed, coded, placement).padStart(12)}  ${cutAtWord(alerts, 80)}`
    );
  }
  const more = moreRowsLine(rows.slice(shown.length));
  if (more) out(more);
}

/**
 * The line under a cut account list: the accounts and the sites left out, counted as the summary
 * counts them ("accounts: 285 (+ 15 sites …)" and 10 rows shown: "275 more accounts and 15
 * sites", not "290 more"). Empty when nothing is left out.
 */
export function moreRowsLine(hidden: readonly Pick<AccountAnalysis, "isTopLevel">[]): string {
  if (hidden.length === 0) return "";
  const sites = hidden.filter((a) => !a.isTopLevel).length;
  const accounts = hidden.length - sites;
  const n = (x: number) => x.toLocaleString("en-GB");
  const parts = [
    ...(accounts ? [`${n(accounts)} more account${accounts === 1 ? "" : "s"}`] : []),
    ...(sites ? [`${n(sites)}${accounts ? "" : " more"} site${sites === 1 ? "" : "s"}`] : []),
  ];
  return `… and ${parts.join(" and ")} (kap analyze <file> shows all; --json for everything)`;
}
