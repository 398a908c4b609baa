/**
 * Sites of an account (methodology 000 Steps 4.2 and 8.2): where its orders go, from the order
 * lines' site / delivery-address column, and its child accounts in the accounts table.
 *
 * SiteLedger is the OrderBook's record of the site column: per (account unit, site) the net
 * revenue by date and the dates with a purchase (returns lower revenue but are not orders).
 * Sites are matched trimmed and case-insensitively; the first spelling is shown. Lines without
 * a site add nothing, so a file without the column costs nothing.
 */
import { SITE_SILENT_DAYS } from "../rules";
import type { Serial } from "../types";
import { edate } from "../dates";
import { IntPairIndex } from "./collections";

interface SiteEntry {
  unit: number;
  name: string;
  dates: number[];
  revenue: number[];
  /** 1 where the date has a purchase (not only returns) */
  ordered: number[];
}

export class SiteLedger {
  /**
   * Each spelling met → its site key's id (−1: blank), and its trimmed text: the key (trimmed,
   * lower-cased, runs of space as one) is made once per spelling, not once per order.
   */
  private spellingIndex = new Map<string, number>();
  private spellingKey: number[] = [];
  private spellingName: string[] = [];
  private keyIndex = new Map<string, number>();
  /** (unit, site key) → entry */
  private index = new IntPairIndex();
  private entries: SiteEntry[] = [];
  private byUnit: number[][] | null = null;
  private lastRaw = "";
  private lastUnit = -1;
  private lastEntry = -1;

  /** Folds in one line's site. */
  add(unit: number, raw: string, date: Serial, revenue: number, isReturn: boolean): void {
    let e: number;
    if (unit === this.lastUnit && raw === this.lastRaw) e = this.lastEntry;
    else {
      let sp = this.spellingIndex.get(raw);
      if (sp === undefined) {
        const name = raw.trim();
        const key = name.toLowerCase().replace(/\s+/g, " ");
        let k = this.keyIndex.get(key);
        if (k === undefined && name) {
          k = this.keyIndex.size;
          this.keyIndex.set(key, k);
        }
        sp = this.spellingKey.length;
        this.spellingIndex.set(raw, sp);
        this.spellingKey.push(k ?? -1);
        this.spellingName.push(name);
      }
      const k = this.spellingKey[sp];
      if (k < 0) return;
      e = this.index.intern(unit, k);
      if (this.index.isNew) {
        this.entries.push({
          unit,
          name: this.spellingName[sp],
          dates: [],
          revenue: [],
          ordered: [],
        });
        this.byUnit = null;
      }
      this.lastUnit = unit;
      this.lastRaw = raw;
      this.lastEntry = e;
    }
    const x = this.entries[e];
    const k = x.dates.length - 1;
    if (k >= 0 && x.dates[k] === date) {
      x.revenue[k] += revenue;
      if (!isReturn) x.ordered[k] = 1;
    } else {
      x.dates.push(date);
      x.revenue.push(revenue);
      x.ordered.push(isReturn ? 0 : 1);
    }
  }

  /** The sites of one account unit, in the order first seen. */
  sitesOf(unit: number): readonly Readonly<SiteEntry>[] {
    if (!this.byUnit) {
      const m: number[][] = [];
      this.entries.forEach((x, i) => (m[x.unit] ??= []).push(i));
      this.byUnit = m;
    }
    return (this.byUnit[unit] ?? []).map((i) => this.entries[i]);
  }

  get size(): number {
    return this.entries.length;
  }
}

export type SiteStatus = "ordering" | "silent" | "never ordered";

export interface SiteFigures {
  /** the site as written in the order lines, or the child account's name */
  site: string;
  /** the account whose lines these are (the account itself or a child) */
  accountId: string;
  accountName: string;
  source: "site column" | "child account";
  /** net revenue in (as-of − 12 months, as-of] */
  revenueLast12: number;
  lastOrderDate: Serial | null;
  daysSinceLastOrder: number | null;
  /** a purchase in (as-of − SITE_SILENT_DAYS days, as-of]: days since the last order below 90 */
  orderedLast90: boolean;
  /** ordering; silent = ordered before, not in the last 90 days; never ordered */
  status: SiteStatus;
}

/** Figures of one site from its dated revenue and purchase days, as of a date (later dates ignored). */
export function siteFigures(
  x: { dates: readonly number[]; revenue: readonly number[]; ordered: readonly number[] },
  asOf: Serial
): Pick<
  SiteFigures,
  "revenueLast12" | "lastOrderDate" | "daysSinceLastOrder" | "orderedLast90" | "status"
> {
  const y1start = edate(asOf, -12);
  let rev = 0;
  let last: number | null = null;
  for (let i = 0; i < x.dates.length; i++) {
    const d = x.dates[i];
    if (d > asOf) continue;
    if (d > y1start) rev += x.revenue[i];
    if (x.ordered[i] && (last === null || d > last)) last = d;
  }
  return siteStatusOf(rev, last, asOf);
}

/** Revenue, last order and status from the two figures (shared by site-column sites and child accounts). */
export function siteStatusOf(
  revenueLast12: number,
  lastOrderDate: Serial | null,
  asOf: Serial
): Pick<
  SiteFigures,
  "revenueLast12" | "lastOrderDate" | "daysSinceLastOrder" | "orderedLast90" | "status"
> {
  const days = lastOrderDate === null ? null : asOf - lastOrderDate;
  const recent = days !== null && days < SITE_SILENT_DAYS;
  return {
    revenueLast12,
    lastOrderDate,
    daysSinceLastOrder: days,
    orderedLast90: recent,
    status: lastOrderDate === null ? "never ordered" : recent ? "ordering" : "silent",
  };
}
