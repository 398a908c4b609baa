/**
 * What KAP assumed to read the order lines, in words for every face (RULES.md §1: every output
 * states the date order, number convention, encoding, delimiter and currency it settled on, and
 * how many rows each rule skipped with their share of revenue). The CLI prints these lines, the
 * pane shows them under the order table, the JSON carries the same facts as data (IngestReport.read,
 * .numbers, .skipped).
 */
import { serialToIso } from "../domain/dates";
import { percentText, wholeText } from "../domain/numberText";
import type { Serial } from "../domain/types";
import { isSharedSymbol } from "../domain/currency";
import type { DefaultCurrency } from "../ingest/cultureCurrency";
import type { IngestReport } from "../ingest/orders";
import { ruleCounted } from "../ingest/ruleCount";

const DATE_SOURCE: Record<string, string> = {
  culture: "the workbook's regional settings",
  data: "the data",
  layout: "the export layout",
  default: "assumed: no date in the data settles it",
};

const NUMBER_SOURCE: Record<string, string> = {
  data: "its own cells",
  file: "the file's other number columns",
  culture: "the workbook's regional settings",
  delimiter: "the file's ; delimiter, as Excel writes CSV where the comma is the decimal mark",
  default: "assumed",
};

/**
 * Where a number column's decimal mark came from, with the cells that settled it or the reason
 * nothing did: "its own cells: "1,200" beside the bare count "3", so "," groups thousands";
 * "assumed: "1,250" reads 1250 or 1.25, and nothing in the file settles which".
 */
function numberSource(n: IngestReport["numbers"][number]): string {
  const g = n.grouping;
  if (n.source === "data" && g)
    return `its own cells: "${g.grouped}" beside the bare count "${g.whole}", so "${n.decimal === "." ? "," : "."}" groups thousands`;
  const r = n.readings;
  if (n.source === "default" && r) {
    const two = `"${r.example}" reads ${plain(r.thousands)} or ${plain(r.decimals)}`;
    return r.counts
      ? `assumed: ${two}, and no count in the column is written bare (as "3") to settle which`
      : `assumed: ${two}, and nothing in the file settles which`;
  }
  return NUMBER_SOURCE[n.source] ?? n.source;
}

/** A number as plain digits, its decimals after a point (1200, 1.2): the readings of a cell, in neither culture's grouping. */
function plain(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[], and = "and"): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
}

/** "as of 2026-10-31 (the last order date)" or "as of 2026-12-31 (as set)". */
export function asOfPhrase(asOf: Serial, set: boolean): string {
  return `as of ${serialToIso(asOf)} (${set ? "as set" : "the last order date"})`;
}

/**
 * The currency money without one of its own is shown in, and where it came from: "EUR, from the
 * culture de-DE", "USD, from the $ on the totals rows", "GBP, the default"; undefined for figures
 * shown without a symbol.
 */
export function currencyShownAs(c: DefaultCurrency): string | undefined {
  if (!c.code) return undefined;
  const andCulture = c.culture ? ` and the culture ${c.culture}` : "";
  // a symbol several currencies write, nothing saying which: the symbol, and no currency named
  if (c.sharedBy) {
    const as =
      c.source === "format"
        ? "the revenue column's number format shows it"
        : c.source === "totals"
          ? "the totals rows write it"
          : "the amounts write it";
    return `"${c.code}", as ${as}: ${listOf(c.sharedBy, "or")}, not known which`;
  }
  switch (c.source) {
    case "format":
      return `${c.code}, from the revenue column's number format${andCulture}`;
    case "totals":
      return `${c.code}, from the ${c.symbol ?? c.code} on the totals rows${andCulture}`;
    case "symbol":
      return `${c.code}, from the ${c.symbol ?? c.code} on the amounts${andCulture}`;
    case "culture":
      return `${c.code}, from the culture ${c.culture}`;
    default:
      return `${c.code}, the default`;
  }
}

/**
 * The reading's assumptions as short lines (`shownAs`: the currency money without one of its own
 * is shown in, when the face applies a default, so the text's "£" is said to be assumed):
 *   "Layout: Xero sales invoices"
 *   "Dates: day-first (the data)"
 *   "Date system: 1904 (the workbook's setting)" (only then)
 *   "Accounts: by "CIF", the customer's tax id (…)" (only beside a tax id column)
 *   "Line revenue: "Base imponible", the amount before tax ("IVA" is the tax, "Total" the amount with it)" (only then)
 *   "Numbers: Qty decimal comma (the file's other number columns); Unit Price decimal comma (its own cells)"
 *   "Text file: UTF-8, semicolon-delimited"
 *   "Currency: EUR"
 *   "Skipped: 3 totals rows; 1 no account (4.8% of revenue)"
 * `culture`: the workbook's, the counts and shares follow it ("1.234 … (4,8 % of revenue)" in
 * de-DE, as the pane writes its own numbers); none: en-GB (the command line's text).
 */
export function readingLines(report: IngestReport, shownAs?: string, culture?: string): string[] {
  const out: string[] = [];
  const r = report.read;
  if (r?.layout) out.push(`Layout: ${r.layout}`);
  if (r?.dateOrderSource === "unneeded")
    out.push("Dates: no day/month question (no date in the data reads two ways)");
  else if (r)
    out.push(
      `Dates: ${r.dateOrder === "dmy" ? "day-first" : "month-first"} (${DATE_SOURCE[r.dateOrderSource] ?? r.dateOrderSource})`
    );
  if (r?.date1904) out.push("Date system: 1904 (the workbook's setting)");
  const k = r?.accountKey;
  if (k)
    out.push(
      k.key
        ? `Accounts: by "${k.taxId}", the customer's tax id (the file has no customer number or name column)`
        : `Accounts: by "${k.by}"; "${k.taxId}", the customer's tax id, is not the key (one per legal entity, not per account, and often blank for a retail customer)`
    );
  const t = r?.revenueBeforeTax;
  if (t)
    out.push(
      `Line revenue: "${t.net}", the amount before tax ("${t.tax}" is the tax, "${t.gross}" the amount with it)`
    );
  const b = r?.revenueBesideOrderFigures;
  if (b)
    out.push(
      `Line revenue: "${b.line}", each line's amount${b.beforeTax ? " before tax" : ""} (${listOf(b.orderFigures.map((h) => `"${h}"`))} ${b.orderFigures.length === 1 ? "is the order's figure" : "are the order's figures"}, repeated on its lines and not added up)`
    );
  // a column with nothing to decide (whole numbers) is named only where its cells or the culture settled it
  const nums = report.numbers.filter(
    (n) => (n.source !== "default" && n.source !== "delimiter") || n.ambiguous > 0
  );
  out.push(
    nums.length
      ? `Numbers: ${nums.map((n) => `${n.header} decimal ${n.decimal === "," ? "comma" : "point"} (${numberSource(n)})`).join("; ")}`
      : "Numbers: decimal point (no column needed deciding)"
  );
  if (r?.encoding || r?.delimiter)
    out.push(
      `Text file: ${[r.encoding, r.delimiter ? `${r.delimiter}-delimited` : undefined].filter(Boolean).join(", ")}`
    );
  // a symbol naming no currency ("$") is kept as its lines' own, and never converted
  const symbols = Object.keys(report.currencies).filter((c) => isSharedSymbol(c));
  const converted = report.converted && !!report.reportingCurrency;
  const currencies = Object.keys(report.currencies)
    .filter((c) => c !== "" && !(converted && isSharedSymbol(c)))
    .map((c) => (isSharedSymbol(c) ? `"${c}" (no currency named)` : c));
  const notConverted = symbols.length
    ? `; not converted: the amounts written with ${symbols.map((s) => `"${s}"`).join(", ")}, no currency named`
    : "";
  out.push(
    `Currency: ${currencies.length ? currencies.join(", ") : `none named in the data${shownAs ? ` (amounts shown in ${shownAs})` : ""}`}${converted ? ` (converted to ${report.reportingCurrency}${notConverted})` : ""}`
  );
  if (report.skipped.length) {
    out.push(
      `Skipped: ${report.skipped
        .map((s) => {
          const share =
            s.share !== null && s.revenue !== 0
              ? `${percentText((s.share * 100).toFixed(1), culture)} of revenue`
              : "";
          // an order's lines counted as orders and as lines: "3 … orders (5 lines)"
          if (s.orders !== undefined && s.orders !== s.rows)
            return `${wholeText(s.orders, culture)} ${ruleCounted(s.rule, s.orders)} (${wholeText(s.rows, culture)} lines${share ? `, ${share}` : ""})`;
          return `${wholeText(s.rows, culture)} ${ruleCounted(s.rule, s.rows)}${share ? ` (${share})` : ""}`;
        })
        .join("; ")}`
    );
  }
  return out;
}
