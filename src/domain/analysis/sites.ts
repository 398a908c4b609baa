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
import { GrowF64, GrowI32, IntPairIndex } from "./collections";

/** One (account unit, site): its net revenue by date and the dates with a purchase, in arrival order. */
export interface SiteEntry {
  unit: number;
  name: string;
  dates: Int32Array;
  revenue: Float64Array;
  /** 1 where the date has a purchase (not only returns) */
  ordered: Uint8Array;
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
  /**
   * (unit, site key) → entry, with the entry's last record and that record's date in the slot
   * (a line on the same date joins it; read in the same cache line as the look-up).
   */
  private index = new IntPairIndex(1 << 12, 2);
  private entryUnit = new GrowI32(64);
  private entryName: string[] = [];
  /**
   * Records in typed columns rather than arrays per entry: at millions of lines, per-entry JS
   * arrays cost three pointer hops per line and their growth leaves garbage on the heap.
   */
  /** entry·2 + 1 when the record's date has a purchase (not only returns) */
  private recKey = new GrowI32();
  private recDate = new GrowI32();
  private recRevenue = new GrowF64();
  private grouped: { entries: SiteEntry[]; byUnit: number[][] } | null = null;
  private lastRaw = "";
  private lastUnit = -1;
  /** the slot of the last line's entry in the index's table, and the last spelling looked up */
  private lastSlot = -1;
  private lastSpelling = -1;

  /** Folds in one line's site. */
  add(unit: number, raw: string, date: Serial, revenue: number, isReturn: boolean): void {
    let slot: number;
    if (unit === this.lastUnit && raw === this.lastRaw) slot = this.lastSlot;
    else {
      const k = this.siteKey(raw);
      if (k < 0) return;
      this.index.intern(unit, k);
      slot = this.index.slot;
      if (this.index.isNew) {
        this.entryUnit.push(unit);
        this.entryName.push(this.spellingName[this.lastSpelling]);
      }
      this.lastUnit = unit;
      this.lastRaw = raw;
      this.lastSlot = slot;
    }
    this.grouped = null;
    const t = this.index.table;
    const last = t[slot + 3];
    if (last >= 0 && t[slot + 4] === date) {
      this.recRevenue.a[last] += revenue;
      if (!isReturn) this.recKey.a[last] |= 1;
    } else {
      t[slot + 3] = this.recKey.push(t[slot + 2] * 2 + (isReturn ? 0 : 1));
      t[slot + 4] = date;
      this.recDate.push(date);
      this.recRevenue.push(revenue);
    }
  }

  /** The site key of a spelling (−1: blank); the spelling's number is left in lastSpelling. */
  private siteKey(raw: string): number {
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
    this.lastSpelling = sp;
    return this.spellingKey[sp];
  }

  /** The sites of one account unit, in the order first seen. */
  sitesOf(unit: number): readonly Readonly<SiteEntry>[] {
    const g = (this.grouped ??= this.group());
    return (g.byUnit[unit] ?? []).map((i) => g.entries[i]);
  }

  /** Each entry's records gathered into one run (a counting sort by entry, arrival order kept). */
  private group(): { entries: SiteEntry[]; byUnit: number[][] } {
    const nE = this.entryName.length;
    const n = this.recKey.n;
    const start = new Int32Array(nE + 1);
    const recKey = this.recKey.a;
    for (let i = 0; i < n; i++) start[(recKey[i] >> 1) + 1]++;
    for (let e = 0; e < nE; e++) start[e + 1] += start[e];
    const fill = start.slice(0, nE);
    const dates = new Int32Array(n);
    const revenue = new Float64Array(n);
    const ordered = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const j = fill[recKey[i] >> 1]++;
      dates[j] = this.recDate.a[i];
      revenue[j] = this.recRevenue.a[i];
      ordered[j] = recKey[i] & 1;
    }
    const entries: SiteEntry[] = [];
    const byUnit: number[][] = [];
    for (let e = 0; e < nE; e++) {
      const [a, b] = [start[e], start[e + 1]];
      const unit = this.entryUnit.a[e];
      entries.push({
        unit,
        name: this.entryName[e],
        dates: dates.subarray(a, b),
        revenue: revenue.subarray(a, b),
        ordered: ordered.subarray(a, b),
      });
      (byUnit[unit] ??= []).push(e);
    }
    return { entries, byUnit };
  }

  get size(): number {
    return this.entryName.length;
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
  x: { dates: ArrayLike<number>; revenue: ArrayLike<number>; ordered: ArrayLike<number> },
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
