/**
 * Cell → domain input for the health factors. Each returns the factor score (1–5), null for
 * n/a (blank, or the words "n/a"/"na"), or throws ArgError naming the argument. Kept apart from
 * functions.ts so the metadata plugin sees only the registered functions there.
 *
 * A blank cell is n/a. Desktop Excel passes a blank cell as 0, and for days, % changes,
 * categories and payment days 0 is a real value, so there the two cannot be told apart: the
 * function help says so and tells the user to write "n/a" to leave a factor out.
 *
 * A text number is read under its column's decimal mark where the column's text proves one
 * (`column`, args columnMark: "1.200" beside "12,5" is 1,200), else the workbook's.
 */
import {
  diversityScore,
  frequencyScore,
  paymentScore,
  parseEngagement,
  recencyScore,
  revenueScore,
} from "../domain/health";
import { asShown, type Change } from "../domain/numbers";
import { DATE1904_OFFSET, serialToIso } from "../domain/dates";
import { workbookDate1904 } from "./culture";
import { ArgError } from "./errors";
import {
  type ColumnMark,
  InputError,
  inputErrorOf,
  isBlank,
  isZeroText,
  toNumber,
  type Plain,
} from "./args";

const NA_WORDS = /^\s*(n\/?a|-|—)\s*$/i;

/** Blank, or written as n/a: the factor is left out. Errors throw as themselves. */
function leftOut(v: Plain, argName: string): boolean {
  if (v instanceof InputError) throw inputErrorOf(v, argName);
  return isBlank(v) || (typeof v === "string" && NA_WORDS.test(v));
}

/**
 * More days than any order history spans (100 years, 36,525 days): such a number is a date cell
 * given where a count of days belongs (the last order date, a due date; 1 Jan 2000 is serial
 * 36,526), or a stand-in for "never". Either way KAP cannot know the days, so it says so.
 */
const MAX_DAYS = 36_525;

/** Throws when a number of days (either sign) is beyond MAX_DAYS; `hint` says what to write instead. */
export function checkDayCount(n: number, argName: string, hint: string): void {
  if (Math.abs(n) <= MAX_DAYS) return;
  // the day the cell shows: a 1904 workbook's serials are 1,462 days behind (culture.ts)
  const day = n + (workbookDate1904() ? DATE1904_OFFSET : 0);
  const asDate =
    n > 0 && day < 2_958_466 ? ` It looks like a date (${serialToIso(Math.floor(day))}).` : "";
  throw new ArgError(
    `${argName}: ${n} is more than 100 years of days.${asDate} Give a number of days, ${hint}.`
  );
}

export function recencyCell(v: Plain, column?: ColumnMark): number | null {
  if (leftOut(v, "daysSinceLastOrder")) return null;
  if (typeof v === "string" && /^\s*never\s*$/i.test(v)) return recencyScore(null);
  const n = toNumber(v, "daysSinceLastOrder", column);
  if (n === undefined)
    throw new ArgError(`daysSinceLastOrder: "${String(v)}" is not a number of days.`);
  if (n < 0)
    throw new ArgError(
      `daysSinceLastOrder: ${n} is negative; the last order cannot be after the as-of date.`
    );
  checkDayCount(n, "daysSinceLastOrder", 'e.g. =asOf − last order date, or "never"');
  return recencyScore(n);
}

const CHANGE_WORDS: Record<string, Change> = {
  new: { kind: "na" },
  lapsed: { kind: "inf" },
  returned: { kind: "inf" },
  back: { kind: "inf" },
  inf: { kind: "inf" },
  "∞": { kind: "inf" },
  "+∞": { kind: "inf" },
  none: { kind: "none" },
};

/** % change as Excel holds a percentage (0.2 = +20%), or a word: "new"/"n/a" (too little history), "lapsed" (+∞), "none" (both periods empty). */
export function changeCell(v: Plain, argName: string, column?: ColumnMark): Change | null {
  if (leftOut(v, argName)) return null;
  if (typeof v === "string") {
    const w = CHANGE_WORDS[v.trim().toLowerCase()];
    if (w) return w;
  }
  const n = toNumber(v, argName, column);
  if (n === undefined)
    throw new ArgError(
      `${argName}: "${String(v)}" is not a % change (use e.g. 20% or 0.2, or "new", "lapsed", "none").`
    );
  // No count or amount falls by more than all of it: below −100% is a typing slip (-15 for −15%).
  // As the cell shows it: =1.2-2.2 (−1.0000000000000002) is −100%.
  if (asShown(n) < -1) {
    const typedPercent = typeof v === "string" && v.includes("%");
    throw new ArgError(
      `${argName}: ${String(v).trim()} is a change of ${roundForMessage(n * 100)}%, below −100% (nothing can fall by more than all of it).` +
        (typedPercent
          ? ""
          : ` For −${roundForMessage(-n)}% write -${roundForMessage(-n)}% or ${roundForMessage(n / 100)}.`)
    );
  }
  return { kind: "pct", pct: n * 100 };
}

/** A number as a message shows it: at most 4 decimals, no float noise (−0.15, not −0.15000000000000002). */
function roundForMessage(x: number): string {
  return String(Math.round(x * 10_000) / 10_000);
}

/**
 * Whether a column of % changes shows it holds fractions, as Excel holds percentages (20% = 0.2):
 * a cell strictly between −1 and 1 other than 0 (0.1, −0.05), or a number typed with "%" ("150%").
 * A column typed in percent points (10 for 10%) holds whole numbers over 1 and such a column says
 * nothing; nor does a heading with "%" over it ("Orders change %"): it is no number.
 */
export function holdsFraction(cells: readonly Plain[], column?: ColumnMark): boolean {
  for (const v of cells) {
    let n: number | undefined;
    try {
      n = typeof v === "number" || typeof v === "string" ? toNumber(v, "", column) : undefined;
    } catch {
      continue; // an unreadable cell has its own error
    }
    if (n === undefined) continue;
    if (typeof v === "string" && v.includes("%")) return true;
    if (n !== 0 && Math.abs(asShown(n)) < 1) return true;
  }
  return false;
}

/**
 * A % change scored. A number over 1 (not typed with "%") is a change over +100% as Excel holds
 * it (2 = +200%, orders 1 → 3), or a percentage typed as points (10 for 10%): where the two
 * readings score differently and its column (`fractions`, holdsFraction) does not settle it, it
 * is refused with both readings — never a guess (PRODUCT.md §3: an error, never a wrong number).
 */
function scoredChange(
  v: Plain,
  argName: string,
  score: (c: Change) => number | null,
  fractions: () => boolean,
  column: ColumnMark | undefined
): number | null {
  const c = changeCell(v, argName, column);
  if (c === null) return null;
  const s = score(c);
  // +100% as the cell shows it (=2.2-1.2 is 1.0000000000000002) is no change over +100%
  if (c.kind !== "pct" || asShown(c.pct) <= 100 || (typeof v === "string" && v.includes("%")))
    return s;
  const points = c.pct / 100;
  const asPoints = score({ kind: "pct", pct: points });
  if (asPoints === s || fractions()) return s;
  const x = roundForMessage(points);
  throw new ArgError(
    `${argName}: ${x} could be a change of +${roundForMessage(c.pct)}% (as Excel holds 20% as 0.2), scoring ${s}, or ${x}%, scoring ${asPoints}; nothing else in its column settles which. Write ${x}% for ${x} percent, or ${roundForMessage(c.pct)}% for the larger change.`
  );
}

const NO_EVIDENCE = () => false;

export function frequencyCell(
  v: Plain,
  fractions: () => boolean = NO_EVIDENCE,
  column?: ColumnMark
): number | null {
  return scoredChange(v, "frequencyChange", frequencyScore, fractions, column);
}

export function revenueCell(
  v: Plain,
  fractions: () => boolean = NO_EVIDENCE,
  column?: ColumnMark
): number | null {
  return scoredChange(v, "revenueChange", revenueScore, fractions, column);
}

export function diversityCell(v: Plain, column?: ColumnMark): number | null {
  if (leftOut(v, "categories")) return null;
  if (
    typeof v === "string" &&
    /^\s*(1\s*\(\s*one product( only)?\s*\)|one product( only)?)\s*$/i.test(v)
  )
    return diversityScore(1, 1);
  const n = toNumber(v, "categories", column);
  if (n === undefined || n < 0)
    throw new ArgError(`categories: "${String(v)}" is not a count of categories (0 or more).`);
  // a count is whole: 5.5 (an average over sites, say) would be scored as 5 without a word
  if (Math.abs(n - Math.round(n)) > 1e-9)
    throw new ArgError(
      `categories: ${n} is not a whole number of categories; give the count bought in the last 12 months.`
    );
  return diversityScore(Math.round(n));
}

/**
 * Engagement has no 0: a 0 is desktop Excel's blank cell, so it is n/a too (the same on every
 * host), typed as a number or as text ("0").
 */
export function engagementCell(v: Plain, column?: ColumnMark): number | null {
  if (leftOut(v, "engagement") || v === 0 || isZeroText(v)) return null;
  const e =
    typeof v === "number"
      ? parseEngagement(v)
      : typeof v === "string"
        ? (parseEngagement(v) ?? engagementNumberText(v, column))
        : undefined;
  if (e === undefined)
    throw new ArgError(
      `engagement: "${String(v)}" is not 1–5 or a known label (e.g. "Responds within 24 hours").`
    );
  return e;
}

/**
 * An engagement typed as a text number the domain's labels do not cover ("4,0" under a decimal
 * comma, of the workbook or of its column); undefined for any other text, which keeps the
 * engagement message.
 */
function engagementNumberText(v: string, column: ColumnMark | undefined): number | undefined {
  try {
    const n = toNumber(v, "engagement", column);
    return n === undefined ? undefined : parseEngagement(n);
  } catch (e) {
    if (e instanceof ArgError) return undefined;
    throw e;
  }
}

/** Average days paid beyond terms as given (negative = early); null when left out (blank or "n/a"). */
export function paymentDaysCell(
  v: Plain,
  argName = "paymentDays",
  column?: ColumnMark
): number | null {
  if (leftOut(v, argName)) return null;
  const n = toNumber(v, argName, column);
  if (n === undefined)
    throw new ArgError(`${argName}: "${String(v)}" is not a number of days beyond terms.`);
  checkDayCount(n, argName, 'e.g. paid date − due date, or "n/a"');
  return n;
}

export function paymentCell(v: Plain, column?: ColumnMark): number | null {
  const n = paymentDaysCell(v, "paymentDays", column);
  return n === null ? null : paymentScore(n);
}
