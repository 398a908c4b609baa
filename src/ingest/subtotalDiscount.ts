/**
 * A "Discount" column beside the line value read as revenue (Lightspeed's sale lines: "Subtotal",
 * "Discount", "Tax", "Total"). The value may be before the discount (quantity × price) or after
 * it, and a bare "Discount" says neither that nor whether it is money or a percentage. The
 * line's total settles it where the export has one: on the lines with a discount,
 * Subtotal − Discount + Tax = Total (or (Subtotal − Discount) × (1 + rate) = Total) says the
 * discount is money still to come off; Subtotal + Tax = Total says it is off already. Where no
 * reading fits the discounted lines, or none can be checked, the value is read as it is and a
 * note says so (PRODUCT.md §1: revenue is net of discounts; a guess either way misstates it).
 */
import type { FieldMatch } from "./detect";
import { type Cell, isBlankCell } from "./grid";
import { normaliseHeader } from "./fields";
import { isGrossAmountHeader, taxTrioOf } from "./taxTrio";

type Row = readonly Cell[];

/** How a line's value and its discount stand: off already, money still to come off, a % still to come off. */
export type DiscountReading = "after" | "money" | "percent";

/** The columns read (0-based): the line value, its discount, its tax (if any) and its total. */
export interface DiscountColumns {
  value: number;
  discount: number;
  tax?: number;
  total: number;
}

/** A discounted line, as its cells read: for the notes. */
export interface DiscountedLine {
  /** 0-based index in the sample */
  index: number;
  value: number;
  discount: number;
  tax: number | undefined;
  total: number;
  /** the tax column holds the rate (20 for 20 %), not the amount */
  taxIsRate: boolean;
}

export interface DiscountEvidence {
  /** the reading the discounted lines settle; undefined: none fits, or more than one */
  reading: DiscountReading | undefined;
  /** how many lines with a discount were checked */
  lines: number;
  /** the first line the reading fits (the first discounted line when none does) */
  example: DiscountedLine;
}

/** What a discount column can hold: money, a percentage, or either (a bare "Discount"). */
export type DiscountKind = "money" | "percent" | "either";

/**
 * A line's value less its discount `d` read as `reading` (`fraction`: a percentage written 0.1).
 * A discount is written either sign; it takes the value towards 0 (a return's too), as
 * ingest/orders takes a line discount off.
 */
export function valueLessDiscount(
  value: number,
  d: number,
  reading: DiscountReading,
  fraction: boolean
): number {
  if (reading === "money") return value - Math.abs(d) * Math.sign(value);
  if (reading === "percent") return value * (1 - (fraction ? Math.abs(d) : Math.abs(d) / 100));
  return value;
}

/** Two amounts that agree to the cent (or 0.5% of a large one). */
const near = (a: number, b: number) => Math.abs(a - b) <= Math.max(0.011, 0.005 * Math.abs(b));

/** The share of the discounted lines a reading must fit to settle it. */
const SETTLES = 0.8;

/**
 * What the sample's lines with a discount say of `cols.value` and `cols.discount`: the one
 * reading under which value, discount and tax make the line's total on at least 80% of them (and
 * on more of them than any other reading does); undefined when no line has a discount or a total.
 * `kind`: what the discount can be by its header, cells or number format ("10%" a percentage,
 * "Line Discount Amount" money); `fraction`: a percentage written as a fraction (0.1).
 */
export function discountEvidence(
  sample: readonly Row[],
  cols: DiscountColumns,
  money: (r: Row, column: number) => number | undefined,
  kind: DiscountKind,
  fraction: boolean
): DiscountEvidence | undefined {
  const fits: Record<DiscountReading, number> = { after: 0, money: 0, percent: 0 };
  const examples: Partial<Record<DiscountReading, DiscountedLine>> = {};
  let first: DiscountedLine | undefined;
  let lines = 0;
  sample.forEach((r, index) => {
    const value = money(r, cols.value);
    const d = money(r, cols.discount);
    const total = money(r, cols.total);
    if (value === undefined || d === undefined || total === undefined) return;
    if (Math.abs(d) < 0.005 || value === 0) return;
    // a blank tax on a line with a tax column: an exempt line, no tax
    const tax =
      cols.tax === undefined ? undefined : isBlankCell(r[cols.tax]) ? 0 : money(r, cols.tax);
    if (cols.tax !== undefined && tax === undefined) return;
    lines++;
    const bases: [DiscountReading, number | undefined][] = [
      ["after", value],
      ["money", kind === "percent" ? undefined : valueLessDiscount(value, d, "money", fraction)],
      [
        "percent",
        kind !== "money" && (fraction ? Math.abs(d) : Math.abs(d) / 100) <= 1
          ? valueLessDiscount(value, d, "percent", fraction)
          : undefined,
      ],
    ];
    const line = (taxIsRate: boolean): DiscountedLine => ({
      index,
      value,
      discount: d,
      tax,
      total,
      taxIsRate,
    });
    first ??= line(false);
    for (const [reading, base] of bases) {
      if (base === undefined) continue;
      const added = tax === undefined ? near(base, total) : near(base + tax, total);
      const rated = tax !== undefined && tax > 0 && near(base * (1 + tax / 100), total);
      if (!added && !rated) continue;
      fits[reading]++;
      examples[reading] ??= line(!added);
    }
  });
  if (!first) return undefined;
  const readings = (Object.keys(fits) as DiscountReading[]).sort((a, b) => fits[b] - fits[a]);
  const [best, next] = readings;
  const settled = fits[best] >= SETTLES * lines && fits[best] > fits[next];
  return {
    reading: settled ? best : undefined,
    lines,
    example: (settled ? examples[best] : undefined) ?? first,
  };
}

/** Words of a line value that may be before the line's discount or after it ("Subtotal", "Sous-total HT"). */
const SUBTOTAL_WORDS: ReadonlySet<string> = new Set([
  "subtotal",
  "soustotal",
  "zwischensumme",
  "subtotale",
  "subtotaal",
]);

/** Words that say the discount is off already ("Subtotal after discount", "Net subtotal"). */
const AFTER_DISCOUNT_WORDS: ReadonlySet<string> = new Set([
  "after",
  "net",
  "nett",
  "netto",
  "discounted",
]);

/** "Subtotal", "Sub-total", "Line Subtotal", "Sous-total HT": a line value that does not say whether its discount is off. */
export function isSubtotalHeader(header: string): boolean {
  const words = normaliseHeader(header)
    .replace(/\bsub total\b/g, "subtotal")
    .replace(/\bsous total\b/g, "soustotal")
    .split(" ");
  return (
    words.some((w) => SUBTOTAL_WORDS.has(w)) && !words.some((w) => AFTER_DISCOUNT_WORDS.has(w))
  );
}

const fmt = (x: number) =>
  (Math.round(x * 100) / 100).toLocaleString("en-GB", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });

/** The headers of the columns read, for the notes. */
export interface DiscountHeaders {
  value: string;
  discount: string;
  tax?: string;
  total: string;
}

/** The sum a line's figures make under a reading: "70.00 − 7.00 + 12.60 = 75.60". */
function sumSaid(line: DiscountedLine, reading: DiscountReading, fraction: boolean): string {
  const pct = fraction ? Math.abs(line.discount) * 100 : Math.abs(line.discount);
  const base =
    reading === "after"
      ? fmt(line.value)
      : reading === "money"
        ? `${fmt(line.value)} − ${fmt(Math.abs(line.discount))}`
        : `${fmt(line.value)} less ${pct} %`;
  const grouped = reading === "after" ? base : `(${base})`;
  const withTax =
    line.tax === undefined
      ? base
      : line.taxIsRate
        ? `${grouped} × (1 + ${line.tax} %)`
        : `${base} + ${fmt(line.tax)}`;
  return `${withTax} = ${fmt(line.total)}`;
}

/** The columns' sum in words: `"Subtotal" − "Discount" + "Tax" = "Total"`. */
function columnsSaid(h: DiscountHeaders, reading: "money" | "percent", taxIsRate: boolean): string {
  const base =
    reading === "money" ? `"${h.value}" − "${h.discount}"` : `"${h.value}" less "${h.discount}" %`;
  if (h.tax === undefined) return `${base} = "${h.total}"`;
  return taxIsRate
    ? `(${base}) × (1 + "${h.tax}"${h.tax.includes("%") ? "" : " %"}) = "${h.total}"`
    : `${base} + "${h.tax}" = "${h.total}"`;
}

/** The note when the discounted lines say the discount is still to come off the value read. */
export function discountTakenOffNote(
  evidence: DiscountEvidence,
  h: DiscountHeaders,
  firstRow: number,
  fraction: boolean
): string {
  const reading = evidence.reading === "percent" ? "percent" : "money";
  const e = evidence.example;
  const what = reading === "money" ? `money off the line` : `a percentage off the line`;
  return `"${h.value}" is each line's value before its "${h.discount}" (${what}): on the lines with a discount ${columnsSaid(h, reading, e.taxIsRate)} (row ${firstRow + e.index}: ${sumSaid(e, reading, fraction)}), so the discount is taken off "${h.value}".`;
}

/**
 * The note when nothing settles whether the discount is off the value read: the value is read as
 * it is, and the user is told what to check. `total` undefined: the export has no line total to
 * check against.
 */
export function discountUnsettledNote(
  evidence: DiscountEvidence | undefined,
  h: Omit<DiscountHeaders, "total"> & { total?: string },
  firstRow: number,
  example: { index: number; value: number; discount: number } | undefined
): string {
  const e = evidence?.example ?? example;
  const row = e
    ? ` (row ${firstRow + e.index}: ${fmt(e.value)} with ${fmt(Math.abs(e.discount))} in "${h.discount}")`
    : "";
  const why =
    evidence && h.total !== undefined
      ? `on the lines with a discount, "${h.value}"${h.tax ? ` and "${h.tax}"` : ""} make "${h.total}" neither with the discount taken off nor without it`
      : `the export has no line total to check them against`;
  return `"${h.value}" stands beside "${h.discount}"${row}, and the file does not show whether "${h.value}" is before the discount or after it: ${why}. "${h.value}" is read as it is, the discount already off; if it is not, revenue is overstated by the discounts. Export the line values after discount, or take the discounts off by hand where they matter.`;
}

/** A discount column beside the line value, and what the sample says of them. */
export interface DiscountBesideValue {
  columns: Omit<DiscountColumns, "total"> & { total?: number };
  headers: Omit<DiscountHeaders, "total"> & { total?: string };
  /** the field the discount column is read as */
  field: "discount" | "lineDiscount";
  /** undefined: no line has a discount, or the export has no line total */
  evidence: DiscountEvidence | undefined;
  /** the first line with a discount (for the note when there is no line total) */
  discounted: { index: number; value: number; discount: number } | undefined;
}

/**
 * The discount column mapped beside the line value, with the line's tax and total where the
 * headers have them: a net/tax/gross trio's (ingest/taxTrio, whose net is then the value read,
 * as ingest/plausible reads it), else a "Subtotal" read as the value and a "Total" beside it.
 * Undefined when no discount column is mapped, the revenue is no such column, or the value is
 * not read from a column (quantity × price).
 */
export function discountBesideValue(
  fields: readonly FieldMatch[],
  headers: readonly string[],
  sample: readonly Row[],
  money: (r: Row, column: number) => number | undefined,
  percentCells: boolean,
  fraction: boolean
): DiscountBesideValue | undefined {
  const disc =
    fields.find((m) => m.field === "discount") ?? fields.find((m) => m.field === "lineDiscount");
  const revenue = fields.find((m) => m.field === "revenue");
  if (!disc || fields.some((m) => m.field === "credit")) return undefined;
  const trio = taxTrioOf(headers);
  const taken = (c: number) => fields.some((m) => m.column === c && m.field !== "revenue");
  let columns: DiscountBesideValue["columns"];
  if (trio && (!revenue || [trio.net, trio.tax, trio.gross].includes(revenue.column))) {
    if (taken(trio.net) || taken(trio.tax) || taken(trio.gross)) return undefined;
    columns = { value: trio.net, discount: disc.column, tax: trio.tax, total: trio.gross };
  } else if (revenue && isSubtotalHeader(revenue.header)) {
    const totals = headers.flatMap((h, c) =>
      c !== revenue.column && !taken(c) && h.trim() !== "" && isGrossAmountHeader(h) ? [c] : []
    );
    columns = {
      value: revenue.column,
      discount: disc.column,
      ...(totals.length === 1 ? { total: totals[0] } : {}),
    };
  } else return undefined;
  const field = disc.field === "lineDiscount" ? "lineDiscount" : "discount";
  const evidence =
    columns.total === undefined
      ? undefined
      : discountEvidence(
          sample,
          { ...columns, total: columns.total },
          money,
          field === "lineDiscount" ? "money" : percentCells || fraction ? "percent" : "either",
          fraction
        );
  const index = sample.findIndex((r) => {
    const d = money(r, disc.column);
    return d !== undefined && Math.abs(d) >= 0.005 && money(r, columns.value) !== undefined;
  });
  const h = (c: number | undefined) => (c === undefined ? undefined : headers[c].trim());
  return {
    columns,
    headers: {
      value: h(columns.value)!,
      discount: disc.header,
      ...(columns.tax !== undefined ? { tax: h(columns.tax) } : {}),
      ...(columns.total !== undefined ? { total: h(columns.total) } : {}),
    },
    field,
    evidence,
    discounted:
      index < 0
        ? undefined
        : {
            index,
            value: money(sample[index], columns.value)!,
            discount: money(sample[index], disc.column)!,
          },
  };
}
