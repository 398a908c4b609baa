/**
 * KAP.ENGAGEMENT and KAP.PAYMENT over a user's own rows: they build the same EngagementEntry /
 * Invoice records the ingest builds from an engagement log or a payments ledger and call the
 * engine's rules (domain/engagement.ts engagementFromLog, domain/payment.ts paymentFromLedger and
 * ledgerMean, domain/health.ts paymentScore). Nothing here decides a score.
 *
 * Blank cells: the web passes null, desktop Excel 0 (args.ts). A 0 is never a date, so a blank
 * date, response date or paid date reads the same on both; a blank or 0 amount leaves its
 * invoice out (as a credit note is), and an empty days-late cell beside an amount is 0 days; a
 * blank direction is outbound (the rule's default).
 */
import { engagementFromLog } from "../domain/engagement";
import { paymentScore } from "../domain/health";
import { ledgerMean, paymentFromLedger } from "../domain/payment";
import { dayOfSerial, isoToSerial, MAX_DATE_SERIAL } from "../domain/dates";
import type { EngagementEntry, Invoice } from "../domain/types";
import { parseDirection } from "../ingest/direction";
import {
  asColumn,
  at,
  callMarks,
  commonHeight,
  headerFirst,
  inputErrorOf,
  InputError,
  isEmpty,
  singleCell,
  toNumber,
} from "./args";
import type { Matrix, Plain } from "./args";
import { ArgError } from "./errors";
import { checkDayCount } from "./parseCells";
import { columnDateOrder, dateCellSerial, textDateTime, type ColumnDateOrder } from "./dateCell";

/**
 * A date, keeping its time of day: a date serial (what a date cell holds, with a fraction for the
 * time) or text "yyyy-mm-dd" / "yyyy-mm-dd hh:mm"; undefined for a blank (null or desktop 0).
 */
export function dateTimeOf(
  v: Plain,
  argName: string,
  row: number,
  column?: ColumnDateOrder
): number | undefined {
  if (v instanceof InputError) throw inputErrorOf(v, `${argName} (row ${row})`);
  if (isEmpty(v)) return undefined;
  if (typeof v === "number" && v > 0) {
    const s = dateCellSerial(v, `${argName} (row ${row})`);
    if (s < MAX_DATE_SERIAL + 1) return s;
  }
  if (typeof v === "string") {
    const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(v.trim());
    const day = m ? isoToSerial(m[1]) : undefined;
    if (day !== undefined && m) {
      const h = m[2] === undefined ? 0 : Number(m[2]);
      const min = m[3] === undefined ? 0 : Number(m[3]);
      if (h < 24 && min < 60) return day + (h * 60 + min) / 1440;
    }
    // other text dates (31/10/2026 14:30, 31.10.2026) as the ingest reads them
    if (!m) {
      const t = textDateTime(v, `${argName} (row ${row})`, column);
      if (t !== undefined) return t;
    }
  }
  throw new ArgError(
    `${argName}: "${String(v)}" in row ${row} is not a date (use a date cell, yyyy-mm-dd, or a date as this workbook writes them, with hh:mm for a time).`
  );
}

/** The as-of day: one cell (spare blank cells after it are ignored), as the other functions read it (args singleCell). */
function asOfArg(asOf: Matrix | undefined | null): number | undefined {
  const c = singleCell(asOf, "asOf", "date");
  if (c === undefined) return undefined;
  const d = dateTimeOf(c, "asOf", 1);
  return d === undefined ? undefined : dayOfSerial(d);
}

/** The latest whole day among the dates (the default as-of). */
function lastDay(dates: readonly (number | undefined)[]): number {
  let m = -Infinity;
  for (const d of dates) if (d !== undefined && d > m) m = d;
  return dayOfSerial(m);
}

/**
 * The Engagement score of one account's contacts (see KAP.ENGAGEMENT). Returns the 1–5 score,
 * or throws an ArgError #N/A with the rule's reason when the log is too thin to score.
 */
export function engagementOfRows(
  contactDates: Matrix,
  directions: Matrix,
  respondedOn: Matrix,
  asOf?: Matrix | null
): number {
  const names = ["contactDates", "directions", "respondedOn"];
  const cols = [contactDates, directions, respondedOn].map((m, k) => asColumn(m ?? null, names[k]));
  if (cols[0].length === 1 && cols.some((c) => c.length > 1))
    throw new ArgError("contactDates must be a column with one date per contact.");
  const raw = [contactDates, directions, respondedOn];
  const n = commonHeight(cols.map((values, k) => ({ name: names[k], values, raw: raw[k] })));
  const entries: EngagementEntry[] = [];
  const dates: (number | undefined)[] = [];
  const contactOrder = columnDateOrder(() => cols[0]);
  const responseOrder = columnDateOrder(() => cols[2]);
  // a whole column (A:A) or a range from the header down: the labels are not a contact
  for (let i = n > 1 && headerFirst(at(cols[0], 0)) ? 1 : 0; i < n; i++) {
    const [d, dir, resp] = cols.map((c) => at(c, i));
    const row = i + 1;
    const at_ = dateTimeOf(d, "contactDates", row, contactOrder);
    const answered = dateTimeOf(resp, "respondedOn", row, responseOrder);
    if (dir instanceof InputError) throw inputErrorOf(dir, `directions (row ${row})`);
    const dirText = isEmpty(dir) ? undefined : String(dir);
    if (at_ === undefined) {
      // a blank row; one directions cell applies to every row, a spare one too
      const ownDirection = cols[1].length > 1 ? dirText : undefined;
      if (answered === undefined && ownDirection === undefined) continue;
      throw new ArgError(`contactDates: row ${row} has a direction or a response but no date.`);
    }
    const direction = parseDirection(dirText);
    if (dirText !== undefined && direction === undefined)
      throw new ArgError(
        `directions: "${dirText}" in row ${row} is neither inbound nor outbound (blank = outbound).`
      );
    if (answered !== undefined && answered < at_)
      throw new ArgError(`respondedOn: row ${row} is answered before its contact date.`);
    if (direction === "inbound" && answered !== undefined)
      throw new ArgError(
        `respondedOn: row ${row} is an inbound contact (the customer reached out); only outreach is answered.`
      );
    entries.push({ accountId: "", at: at_, direction, respondedOn: answered });
    dates.push(at_, answered);
  }
  if (entries.length === 0)
    throw new ArgError("No contacts: give a column of contact dates.", "notAvailable");
  const day = asOfArg(asOf) ?? lastDay(dates);
  const r = engagementFromLog(entries, day);
  if (r.score === null) throw new ArgError(`Not enough log to score: ${r.basis}.`, "notAvailable");
  return r.score;
}

/** Days beyond terms (whole days, amount-weighted) and the Payment score (see KAP.PAYMENT). */
export function paymentOfRows(
  dueDatesOrDaysLate: Matrix,
  paidDates?: Matrix | null,
  amounts?: Matrix | null,
  asOf?: Matrix | null
): [number, number] {
  const byDates = !(paidDates === null || paidDates === undefined);
  const first = byDates ? "dueDates" : "daysLate";
  const a = asColumn(dueDatesOrDaysLate ?? null, first);
  const p = byDates ? asColumn(paidDates, "paidDates") : [];
  const w = amounts === null || amounts === undefined ? undefined : asColumn(amounts, "amounts");
  const cols = [
    { name: first, values: a, raw: dueDatesOrDaysLate },
    ...(byDates ? [{ name: "paidDates", values: p, raw: paidDates }] : []),
    ...(w ? [{ name: "amounts", values: w, raw: amounts }] : []),
  ];
  if (a.length === 1 && cols.some((c) => c.values.length > 1))
    throw new ArgError(`${first} must be a column with one value per invoice.`);
  // One amount for every invoice weighs nothing, and beside days late it would make each spare
  // row of the days column an invoice 0 days late (an empty days cell beside an amount is 0 days).
  if (w && w.length === 1 && a.length > 1)
    throw new ArgError(
      `amounts must be a column with one amount per invoice, beside ${first}; leave it out to weigh every invoice alike.`
    );
  const n = commonHeight(cols);
  const invoices: Invoice[] = [];
  const dates: (number | undefined)[] = [];
  const dueOrder = columnDateOrder(() => a);
  // text amounts and days are read as their column writes them ("1.000" beside "3.000,00" is 1,000)
  const [amountMark, daysMark] = callMarks([() => w ?? [], () => a]);
  const paidOrder = columnDateOrder(() => p);
  // a whole column (A:A) or a range from the header down: the labels are not an invoice
  for (let i = n > 1 && headerFirst(at(a, 0)) ? 1 : 0; i < n; i++) {
    const row = i + 1;
    let amount = 1;
    if (w) {
      const v = at(w, i);
      const x = isEmpty(v) ? 0 : toNumber(v, `amounts (row ${row})`, amountMark);
      if (x === undefined)
        throw new ArgError(`amounts: "${String(v)}" in row ${row} is not an amount.`);
      amount = x;
    }
    if (byDates) {
      const due = dateTimeOf(at(a, i), "dueDates", row, dueOrder);
      const paid = dateTimeOf(at(p, i), "paidDates", row, paidOrder);
      if (due === undefined) {
        if (paid === undefined) continue; // a blank row
        throw new ArgError(`dueDates: row ${row} has a paid date but no due date.`);
      }
      invoices.push({
        accountId: "",
        // whole days as Excel shows them: a time float noise short of midnight is that midnight
        dueDate: dayOfSerial(due),
        paidDate: paid === undefined ? undefined : dayOfSerial(paid),
        amount,
      });
      dates.push(due, paid);
    } else {
      const v = at(a, i);
      // An empty days cell: desktop passes 0 (on time) and the web null. Beside an amount it is
      // an invoice, 0 days on every Excel; with no amounts column it is a blank row on the web
      // only (desktop cannot tell it from 0: see the help).
      if (v === null && !(w && amount > 0)) continue;
      const d = v === null ? 0 : toNumber(v, `daysLate (row ${row})`, daysMark);
      if (d === undefined || !Number.isFinite(d))
        throw new ArgError(`daysLate: "${String(v)}" in row ${row} is not a number of days.`);
      // a due date given without paidDates would count as 46,000 days late
      checkDayCount(d, `daysLate (row ${row})`, "or give the paid dates as the second argument");
      // the same record the ledger gives: due on day 0, paid d days later (negative = early)
      invoices.push({ accountId: "", dueDate: 0, paidDate: d, amount });
    }
  }
  const days = byDates
    ? paymentFromLedger(invoices, asOfArg(asOf) ?? lastDay(dates)).days
    : ledgerMean(invoices, -Infinity, 0, undefined, Infinity).days;
  if (days === null)
    throw new ArgError(
      byDates
        ? "No invoice counts: none was due in the 12 months to asOf (unpaid ones count once past due) with an amount above 0."
        : "No invoice counts: give days late with amounts above 0.",
      "notAvailable"
    );
  return [days, paymentScore(days)];
}
