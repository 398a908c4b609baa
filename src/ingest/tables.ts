/** The optional tables: accounts, catalog, contacts, the user's cross-sell rules, currency rates, the engagement log, the payments ledger and initiatives. */
import { ymdToSerial } from "../domain/dates";
import { parseEngagement } from "../domain/health";
import { isLostStatus } from "../domain/winback";
import type {
  AccountRecord,
  CatalogItem,
  ContactRecord,
  ContactType,
  CuratedRule,
  CurrencyRate,
  EngagementEntry,
  HealthBand,
  InitiativeRecord,
  Invoice,
  Tier,
} from "../domain/types";
import type { ColumnMapping } from "./detect";
import { parseDirection } from "./direction";
import { normaliseHeader } from "./fields";
import { type Cell, isBlankCell } from "./grid";
import type { RejectCount } from "./orders";
import {
  type DateOrder,
  inferDateOrder,
  normaliseCurrency,
  parseBoolean,
  parseDate,
  parseDateTime,
  parseNumber,
} from "./values";

export interface TableResult<T> {
  records: T[];
  rejected: RejectCount[];
}

type Row = readonly Cell[];

function reader(mapping: ColumnMapping) {
  const col: Record<string, number> = {};
  for (const f of mapping.fields) col[f.field] = f.column;
  const headers = mapping.fields.map((f) => {
    const n = normaliseHeader(f.header);
    return { c: f.column, n, compact: n.replace(/ /g, "") };
  });
  return {
    text(row: Row, f: string): string | undefined {
      const c = col[f];
      if (c === undefined) return undefined;
      const v = row[c];
      if (v === null || v === undefined) return undefined;
      const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
      return s === "" ? undefined : s;
    },
    cell(row: Row, f: string): Cell {
      const c = col[f];
      return c === undefined ? undefined : row[c];
    },
    skip(row: Row): boolean {
      if (row.every(isBlankCell)) return true;
      // Totals rows under a list ("Total", "Grand Total: 42").
      const first = row.find((v) => !isBlankCell(v));
      if (
        typeof first === "string" &&
        /^(grand\s*|sub[\s-]*)?totals?(\s*$|\s*[:\-–]|\s+for\b)/i.test(first.trim())
      )
        return true;
      const same = headers.filter((h) => {
        const v = row[h.c];
        return (
          typeof v === "string" && couldNormaliseTo(v, h.compact) && normaliseHeader(v) === h.n
        );
      }).length;
      return same >= Math.max(2, Math.ceil(headers.length / 2));
    },
  };
}

/** ASCII characters normaliseHeader turns into spaces (whitespace and its punctuation). */
const HEADER_GAP = new Uint8Array(128);
for (const ch of " \t\n\v\f\r_-./\\()[]{}#:;,'\"*?!&+|") HEADER_GAP[ch.charCodeAt(0)] = 1;

/**
 * False only when normaliseHeader(text) cannot be the header whose normalised form, spaces
 * taken out, is `compact`: a cheap test of every data cell before the regular expressions run.
 * For ASCII text, normaliseHeader lower-cases letters, adds or removes only spaces and turns
 * its punctuation into spaces, so without spaces both must read the same; other text is left
 * to normaliseHeader.
 */
export function couldNormaliseTo(text: string, compact: string): boolean {
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c > 127) return true;
    if (HEADER_GAP[c]) continue;
    if (c >= 65 && c <= 90) c += 32;
    if (k >= compact.length || compact.charCodeAt(k) !== c) return false;
    k++;
  }
  return k === compact.length;
}

function collect<T>(
  mapping: ColumnMapping,
  values: readonly Row[],
  make: (row: Row, rowNo: number) => T | string,
  firstRowNumber = 1
): TableResult<T> {
  const r = reader(mapping);
  const records: T[] = [];
  const rejects = new Map<string, RejectCount>();
  for (let i = mapping.headerRow + 1; i < values.length; i++) {
    const row = values[i] ?? [];
    if (r.skip(row)) continue;
    const rowNo = firstRowNumber + i;
    const out = make(row, rowNo);
    if (typeof out === "string") {
      const x = rejects.get(out) ?? { reason: out, count: 0, rows: [] };
      x.count++;
      if (x.rows.length < 5) x.rows.push(rowNo);
      rejects.set(out, x);
    } else records.push(out);
  }
  return { records, rejected: [...rejects.values()] };
}

const TIER_WORDS: readonly [RegExp, Tier][] = [
  [/\bplat(inum)?\b/, "Platinum"],
  [/\bgold\b/, "Gold"],
  [/\bsilver\b/, "Silver"],
  [/\bbronze\b/, "Bronze"],
];

/** "gold", "GOLD ", "Gold account", "Tier: Platinum", "Plat" → the tier; anything else → undefined. */
export function parseTier(v: string | undefined): Tier | undefined {
  if (!v) return undefined;
  const s = v.trim().toLowerCase();
  for (const [re, tier] of TIER_WORDS) if (re.test(s)) return tier;
  return undefined;
}

/**
 * A tier column's cell: one of the four named tiers spelled so ("gold" → "Gold"), else the
 * user's own label as given, trimmed ("A", "Key account"); blank → undefined.
 */
export function tierLabel(v: string | undefined): Tier | undefined {
  const s = v?.trim().replace(/\s+/g, " ");
  return s ? (parseTier(s) ?? s) : undefined;
}

/** "Healthy", "at-risk", "AT_RISK", "At Risk (manual)" → the band; anything else → undefined. */
export function parseBand(v: string | undefined): HealthBand | undefined {
  if (!v) return undefined;
  const s = v.toLowerCase().replace(/[_\-]+/g, " ");
  if (/\bhealthy\b|\bgreen\b/.test(s)) return "Healthy";
  if (/\bstable\b|\bamber\b/.test(s)) return "Stable";
  if (/\bat ?risk\b/.test(s)) return "At Risk";
  if (/\bcritical\b|\bred\b/.test(s)) return "Critical";
  return undefined;
}

/** A list of numbers in one cell, oldest first: "12, 9; 4" → [12, 9, 4]; a lone number → [n]. */
/** "5 days", "12 days late", "5d": the number; "3 days early": negative. */
const DAYS_TEXT = /^([+-]?\d+(?:[.,]\d+)?)\s*(?:d|days?)?\s*(late|overdue|early)?$/i;

/** A number of days as people type it: a number, or text with "days", "late" or "early" ("3 days early" = −3). */
export function parseDays(v: Cell): number | undefined {
  if (typeof v !== "string") return parseNumber(v);
  const m = DAYS_TEXT.exec(v.trim());
  if (!m) return parseNumber(v);
  const n = Number(m[1].replace(",", "."));
  return m[2]?.toLowerCase() === "early" ? -Math.abs(n) : n;
}

export function parseNumberList(v: Cell): number[] | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? [v] : undefined;
  if (typeof v !== "string" || v.trim() === "") return undefined;
  const parts = v.split(/[;|,/\s]+/).filter((p) => p !== "");
  const out: number[] = [];
  for (const p of parts) {
    const n = parseNumber(p);
    if (n === undefined) return undefined;
    out.push(n);
  }
  return out.length ? out : undefined;
}

/**
 * Whether the status cell marks the account lost: a word such as "Lost", "Churned", "Closed"
 * (isLostStatus), or yes/true under a header that itself says lost or churned ("Lost?": Yes).
 */
function lostOf(v: Cell, mapping: ColumnMapping): boolean | undefined {
  if (isBlankCell(v ?? null)) return undefined;
  const header = normaliseHeader(mapping.fields.find((f) => f.field === "status")?.header ?? "");
  if (/\b(lost|churn|churned)\b/.test(header)) {
    const b = parseBoolean(v ?? null);
    if (b !== undefined) return b;
  }
  return typeof v === "string" ? isLostStatus(v) : undefined;
}

export function parseAccounts(
  mapping: ColumnMapping,
  values: readonly Row[],
  firstRowNumber = 1,
  _culture?: string,
  date1904 = false
): TableResult<AccountRecord> {
  const r = reader(mapping);
  return collect(
    mapping,
    values,
    (row, rowNo) => {
      const accountId = r.text(row, "accountId") ?? r.text(row, "name");
      if (!accountId) return "no account id";
      const eng = r.cell(row, "engagement");
      const band = parseBand(r.text(row, "healthOverride"));
      const since = r.cell(row, "customerSince");
      // A bare year ("2014" or 2014) means 1 January of that year; anything else is a date.
      const sinceText = typeof since === "string" ? since.trim() : "";
      const sinceYear =
        typeof since === "number" && Number.isInteger(since) && since >= 1900 && since <= 2200
          ? since
          : /^(19|20|21)\d\d$/.test(sinceText)
            ? Number(sinceText)
            : undefined;
      const sinceSerial =
        sinceYear !== undefined
          ? ymdToSerial(sinceYear, 1, 1)
          : parseDate(since ?? null, "dmy", date1904);
      const history = parseNumberList(r.cell(row, "daysBeyondTermsHistory") ?? null);
      return {
        accountId,
        name: r.text(row, "name"),
        parentId: r.text(row, "parentId"),
        // A status column may hold the tier ("Gold") in files that use it that way.
        // the tier column's own labels ("A", "Key") are kept as given, never dropped
        tier: tierLabel(r.text(row, "tier")) ?? parseTier(r.text(row, "status")),
        industry: r.text(row, "industry"),
        primaryContact: r.text(row, "primaryContact"),
        email: r.text(row, "email"),
        phone: r.text(row, "phone"),
        accountManager: r.text(row, "accountManager"),
        creditTerms: r.text(row, "creditTerms"),
        creditLimit: parseNumber(r.cell(row, "creditLimit") ?? null),
        address: r.text(row, "address"),
        engagement:
          isBlankCell(eng ?? null) || typeof eng === "boolean" || eng instanceof Date
            ? undefined
            : parseEngagement(eng as number | string),
        daysBeyondTerms: parseDays(r.cell(row, "daysBeyondTerms") ?? null),
        daysBeyondTermsHistory: history,
        creditHold: parseBoolean(r.cell(row, "creditHold") ?? null),
        healthOverride: band
          ? { band, reason: r.text(row, "overrideReason") ?? "Set by hand (no reason given)" }
          : undefined,
        customerSince: sinceSerial,
        lost: lostOf(r.cell(row, "status"), mapping),
        lostReason: r.text(row, "lostReason"),
        row: rowNo,
      };
    },
    firstRowNumber
  );
}

export function parseCatalog(
  mapping: ColumnMapping,
  values: readonly Row[],
  firstRowNumber = 1
): TableResult<CatalogItem> {
  const r = reader(mapping);
  return collect(
    mapping,
    values,
    (row, rowNo) => {
      const sku = r.text(row, "sku");
      if (!sku) return "no SKU";
      return {
        sku,
        name: r.text(row, "name"),
        category: r.text(row, "category"),
        productLine: r.text(row, "productLine"),
        listPrice: parseNumber(r.cell(row, "listPrice") ?? null),
        premiumSku: r.text(row, "premiumSku"),
        row: rowNo,
      };
    },
    firstRowNumber
  );
}

/** A 1–5 score: a number in range, or a word ("High" = 4); out-of-range numbers are not scores. */
function score15(v: Cell): number | undefined {
  const n = parseNumber(v ?? null);
  if (n !== undefined) return n >= 1 && n <= 5 ? n : undefined;
  if (typeof v !== "string") return undefined;
  const s = v.trim().toLowerCase();
  const words: Record<string, number> = {
    "very high": 5,
    high: 4,
    medium: 3,
    moderate: 3,
    low: 2,
    "very low": 1,
    none: 1,
    strong: 4,
    weak: 2,
  };
  return words[s];
}

export function parseContacts(
  mapping: ColumnMapping,
  values: readonly Row[],
  firstRowNumber = 1
): TableResult<ContactRecord> {
  const r = reader(mapping);
  return collect(
    mapping,
    values,
    (row, rowNo) => {
      const accountId = r.text(row, "accountId");
      const name = r.text(row, "name");
      if (!accountId) return "no account";
      if (!name) return "no name";
      const feelingCell = r.cell(row, "feeling");
      const feeling = parseNumber(feelingCell ?? null);
      const p5 = (f: string): number | undefined => {
        const n = parseNumber(r.cell(row, f) ?? null);
        return n !== undefined && Number.isInteger(n) && n >= 1 && n <= 5 ? n : undefined;
      };
      const five = {
        power: p5("fivePPower"),
        perception: p5("fivePPerception"),
        priority: p5("fivePPriority"),
        promoter: p5("fivePPromoter"),
        pliability: p5("fivePPliability"),
        weight: p5("fivePWeight"),
        veto: parseBoolean(r.cell(row, "fivePVeto") ?? null),
      };
      const fiveP = Object.values(five).some((v) => v !== undefined) ? five : undefined;
      return {
        accountId,
        name,
        role: r.text(row, "role"),
        influence: score15(r.cell(row, "influence")),
        relationship: score15(r.cell(row, "relationship")),
        feeling,
        feelingText: feeling === undefined ? r.text(row, "feeling") : undefined,
        fiveP,
        row: rowNo,
      };
    },
    firstRowNumber
  );
}

export function parseCrossSell(
  mapping: ColumnMapping,
  values: readonly Row[],
  firstRowNumber = 1
): TableResult<CuratedRule> {
  const r = reader(mapping);
  return collect(
    mapping,
    values,
    (row) => {
      const theyBuy = r.text(row, "theyBuy");
      const considerSelling = r.text(row, "considerSelling");
      if (!theyBuy || !considerSelling) return "incomplete rule";
      // "High"/"H"/"1" → High, "Low"/"L"/"3" → Low, anything else (or blank) → Medium.
      const p = (r.text(row, "priority") ?? "").toLowerCase();
      const priority =
        p.startsWith("h") || p === "1" || p.startsWith("top")
          ? "High"
          : p.startsWith("l") || p === "3"
            ? "Low"
            : "Medium";
      return { theyBuy, considerSelling, rationale: r.text(row, "rationale") ?? "", priority };
    },
    firstRowNumber
  );
}

export function parseRates(
  mapping: ColumnMapping,
  values: readonly Row[],
  firstRowNumber = 1
): TableResult<CurrencyRate> {
  const r = reader(mapping);
  return collect(
    mapping,
    values,
    (row) => {
      const from = r.text(row, "currency");
      const rate = parseNumber(r.cell(row, "rate") ?? null);
      if (!from) return "no currency";
      if (rate === undefined || rate <= 0) return "unreadable rate";
      return { from: normaliseCurrency(from), rate };
    },
    firstRowNumber
  );
}

/** The day-first or month-first reading of a table's date columns, from their own values (a first field over 12 settles it). */
function dateOrderOf(
  mapping: ColumnMapping,
  values: readonly Row[],
  fields: readonly string[],
  culture?: string
): DateOrder {
  const cols = mapping.fields.filter((f) => fields.includes(f.field)).map((f) => f.column);
  const cells: Cell[] = [];
  for (let i = mapping.headerRow + 1; i < values.length; i++)
    for (const c of cols) cells.push(values[i]?.[c]);
  return inferDateOrder(cells, culture);
}

/** "Call", "phone", "E-mail", "email", "Site visit", "Teams meeting" → the type; anything else undefined. */
export function parseContactType(v: string | undefined): ContactType | undefined {
  if (!v) return undefined;
  const s = v.trim().toLowerCase();
  if (/e-?mail|\bmail\b|\bmessage\b/.test(s)) return "e-mail";
  if (/meet|teams|zoom|video|webinar|conference/.test(s)) return "meeting";
  if (/visit|on ?site|in person|face to face/.test(s)) return "visit";
  if (/call|phone|tel\b|rang|ring/.test(s)) return "call";
  return undefined;
}

/**
 * The engagement log (methodology 000 Step 4.4). Dates keep their time of day (responses are
 * timed in hours). Rows are skipped, and counted, with no account, no readable date, or a
 * response dated before the contact.
 */
export function parseEngagementLog(
  mapping: ColumnMapping,
  values: readonly Row[],
  firstRowNumber = 1,
  culture?: string,
  date1904 = false
): TableResult<EngagementEntry> {
  const r = reader(mapping);
  const order = dateOrderOf(mapping, values, ["date", "respondedOn"], culture);
  return collect(
    mapping,
    values,
    (row, rowNo) => {
      const accountId = r.text(row, "accountId");
      if (!accountId) return "no account";
      const at = parseDateTime(r.cell(row, "date") ?? null, order, date1904);
      if (at === undefined) return "no readable date";
      const respCell = r.cell(row, "respondedOn") ?? null;
      const respondedOn = isBlankCell(respCell)
        ? undefined
        : parseDateTime(respCell, order, date1904);
      if (
        !isBlankCell(respCell) &&
        respondedOn === undefined &&
        !/^(no|none|n\/?a|-|pending|not yet|no response|no reply)$/i.test(String(respCell).trim())
      )
        return 'unreadable "responded on" date';
      if (respondedOn !== undefined && Math.floor(respondedOn) < Math.floor(at))
        return "response dated before the contact";
      const typeText = r.text(row, "type");
      return {
        accountId,
        at,
        contact: r.text(row, "contact"),
        type: parseContactType(typeText),
        typeText,
        direction: parseDirection(r.text(row, "direction")),
        topic: r.text(row, "topic"),
        followUp: r.text(row, "followUp"),
        respondedOn: respondedOn !== undefined && respondedOn < at ? at : respondedOn,
        row: rowNo,
      };
    },
    firstRowNumber
  );
}

/**
 * The payments ledger (an invoice list or aged-debtors export with paid dates). The account is
 * the id, else the name. Rows are skipped, and counted, with no account, no amount, or neither a
 * due date nor an invoice date. A paid date that is text ("Unpaid", "-") means unpaid.
 */
export function parsePayments(
  mapping: ColumnMapping,
  values: readonly Row[],
  firstRowNumber = 1,
  culture?: string,
  date1904 = false
): TableResult<Invoice> {
  const r = reader(mapping);
  const order = dateOrderOf(mapping, values, ["invoiceDate", "dueDate", "paidDate"], culture);
  // the first written date that is no date (31/02/2026), quoted in the skipped rows' reason
  let firstBad: string | undefined;
  return collect(
    mapping,
    values,
    (row, rowNo) => {
      const accountId = r.text(row, "accountId") ?? r.text(row, "accountName");
      if (!accountId) return "no account";
      const amount = parseNumber(r.cell(row, "amount") ?? null);
      if (amount === undefined) return "no amount";
      const date = (f: string) => parseDate(r.cell(row, f) ?? null, order, date1904);
      const invoiceDate = date("invoiceDate");
      const dueDate = date("dueDate");
      const paidDate = date("paidDate");
      // A date written with digits that is no date is not a blank: a blank paid date is unpaid
      // (overdue to the as-of date), a blank due date leaves the invoice out. "tbc" stays blank.
      const bad = (["invoiceDate", "dueDate", "paidDate"] as const).find(
        (f, k) =>
          [invoiceDate, dueDate, paidDate][k] === undefined && writtenDateText(r.text(row, f))
      );
      if (bad) {
        firstBad ??= r.text(row, bad);
        return `a date that cannot be read, such as "${firstBad}"`;
      }
      if (invoiceDate === undefined && dueDate === undefined) return "no due date or invoice date";
      return {
        accountId,
        invoiceNo: r.text(row, "invoiceNo"),
        invoiceDate,
        dueDate,
        paidDate,
        amount,
        row: rowNo,
      };
    },
    firstRowNumber
  );
}

/** Text that was meant as a date: it has a digit ("31/02/2026", "2026-13-01"), unlike "tbc" or "-". */
function writtenDateText(text: string | undefined): boolean {
  return text !== undefined && /\d/.test(text);
}

/** A list in one cell: "Cable Ties; Hand Tools", "CT-100, CT-200", one per line → trimmed, blanks dropped, first spelling of repeats kept. */
export function parseList(v: Cell): string[] {
  if (v === null || v === undefined) return [];
  const text = v instanceof Date ? "" : String(v);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[;,|\n\r]+/)) {
    const t = part.trim();
    if (!t || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out;
}

/**
 * The user's Initiatives table. Rows need an account and an initiative; text dates follow the
 * table's own date order (like the other tables; Excel dates as they are); a target that is not a
 * number is left out (the initiative is still tracked, without progress against a target).
 */
export function parseInitiatives(
  mapping: ColumnMapping,
  values: readonly Row[],
  firstRowNumber = 1,
  culture?: string,
  date1904 = false
): TableResult<InitiativeRecord> {
  const r = reader(mapping);
  const order = dateOrderOf(mapping, values, ["start", "end"], culture);
  return collect(
    mapping,
    values,
    (row, rowNo) => {
      const account = r.text(row, "account");
      const initiative = r.text(row, "initiative");
      if (!account) return "no account";
      if (!initiative) return "no initiative";
      const start = parseDate(r.cell(row, "start") ?? null, order, date1904);
      const end = parseDate(r.cell(row, "end") ?? null, order, date1904);
      if (start !== undefined && end !== undefined && end < start)
        return "end date before start date";
      return {
        account,
        initiative,
        type: r.text(row, "type"),
        categories: parseList(r.cell(row, "categories") ?? null),
        skus: parseList(r.cell(row, "skus") ?? null),
        target: parseNumber(r.cell(row, "target") ?? null),
        start,
        end,
        owner: r.text(row, "owner"),
        status: r.text(row, "status"),
        row: rowNo,
      };
    },
    firstRowNumber
  );
}

// the engagement log's direction words, in a module of their own (the worksheet functions need them without the header vocabulary)
export { parseDirection };
