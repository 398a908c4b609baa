import { isoToSerial, MAX_DATE_SERIAL } from "../domain/dates";
import { ArgError } from "./errors";
import { InputError, inputErrorOf, type Plain } from "./args";

/**
 * A date argument: an Excel date serial (what a date cell holds, 1 = 1 Jan 1900) or ISO text
 * yyyy-mm-dd. A number under 1 is a time of day alone (10:30 = 0.4375), not a date; one past
 * 31 Dec 9999 (serial 2,958,465) is no date either (an order number column picked as the dates).
 */
export function toSerial(v: Plain, argName: string): number {
  if (v instanceof InputError) throw inputErrorOf(v, argName);
  if (typeof v === "number" && v >= 1 && v < MAX_DATE_SERIAL + 1) return Math.floor(v);
  if (typeof v === "string") {
    const s = isoToSerial(v.trim().slice(0, 10));
    if (s !== undefined) return s;
  }
  throw new ArgError(
    `${argName}: "${String(v ?? "")}" is not a date (use a date cell or yyyy-mm-dd).`
  );
}
