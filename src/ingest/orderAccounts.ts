/**
 * An order's line listed again further down with its customer left blank (an adjustment line
 * appended at the bottom of a flat export under the invoice it adjusts): read as its order's by
 * the order id, when the lines above gave that id to exactly one customer. A lookup by id, not
 * the row above: the row above is another order's. An id unknown above, or given to two
 * customers, leaves the line with no account, and the user is told which.
 *
 * Bounded: the ids of the first ORDER_IDS_KEPT orders are kept (about 70 bytes each); past them a
 * new id is not kept, only checked against those kept (a second customer makes one ambiguous), and
 * a line whose id is not among them is said as not looked up, never guessed.
 *
 * Cheap on the common path, where every order is new: a Bloom filter of the kept ids (128 KB,
 * cached where the Map's 100,000 entries are not) answers "never kept" for almost all of them
 * without a Map probe. On a 1,048,575-line file (413,679 orders) the probes had cost 0.3 s.
 */

/** How many order ids are kept for the lookup. */
export const ORDER_IDS_KEPT = 100_000;

/** The customer as a line writes it: its account code and name (either may be ''). */
export interface OrderCustomer {
  key: string;
  name: string;
}

/** What the lookup found for an id: its one customer, or why none. */
export type OrderIdMatch =
  | { kind: "one"; customer: OrderCustomer }
  | { kind: "two"; names: readonly [string, string] }
  | { kind: "unknown" }
  | { kind: "notKept" };

/** A customer's index among those met; -1: the id was given to two customers. */
const TWO = -1;

/** The Bloom filter's bits (2^20: about 3% false "maybe" at 100,000 ids kept, 2 bits each). */
const FILTER_BITS = 1 << 20;
const FILTER_MASK = FILTER_BITS - 1;
const FILTER_WORDS = FILTER_BITS >>> 5;

/** FNV-1a over the UTF-16 code units: the filter's hash of an order id. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class OrderAccounts {
  private readonly byId = new Map<string, number>();
  private readonly customers: OrderCustomer[] = [];
  private readonly indexOf = new Map<string, number>();
  /** for an ambiguous id, the two customers first met with it */
  private readonly pairs = new Map<string, readonly [string, string]>();
  /** an id was met past the bound and not kept */
  private past = false;
  private lastId = "";
  private lastCustomer = "";
  /** Bloom filter of the ids in `byId` (2 bits an id): a clear bit is "never kept" */
  private readonly maybeKept = new Int32Array(FILTER_WORDS);

  constructor(private readonly kept = ORDER_IDS_KEPT) {}

  /** A line names `id` and its customer (code, name): noted for the lines below. */
  note(id: string, key: string, name: string): void {
    const who = key || name;
    // an order's lines come together: one look a run
    if (id === this.lastId && who === this.lastCustomer) return;
    this.lastId = id;
    this.lastCustomer = who;
    const h = fnv1a(id);
    const had = this.mayHave(h) ? this.byId.get(id) : undefined;
    if (had === undefined) {
      if (this.byId.size < this.kept) {
        this.byId.set(id, this.customerIndex(who, key, name));
        this.addToFilter(h);
      } else this.past = true;
    } else if (had !== TWO && had !== this.customerIndex(who, key, name)) {
      this.byId.set(id, TWO);
      this.pairs.set(id, [this.said(had), who]);
    }
  }

  /** The customer the lines above gave `id`, or why there is none. */
  match(id: string): OrderIdMatch {
    const c = this.byId.get(id);
    if (c === TWO) return { kind: "two", names: this.pairs.get(id)! };
    if (c !== undefined) return { kind: "one", customer: this.customers[c] };
    return this.past ? { kind: "notKept" } : { kind: "unknown" };
  }

  private mayHave(h: number): boolean {
    const a = h & FILTER_MASK;
    const b = ((h >>> 12) ^ Math.imul(h, 0x9e3779b1)) & FILTER_MASK;
    const f = this.maybeKept;
    return (f[a >>> 5] & (1 << (a & 31))) !== 0 && (f[b >>> 5] & (1 << (b & 31))) !== 0;
  }

  private addToFilter(h: number): void {
    const a = h & FILTER_MASK;
    const b = ((h >>> 12) ^ Math.imul(h, 0x9e3779b1)) & FILTER_MASK;
    this.maybeKept[a >>> 5] |= 1 << (a & 31);
    this.maybeKept[b >>> 5] |= 1 << (b & 31);
  }

  private customerIndex(who: string, key: string, name: string): number {
    let c = this.indexOf.get(who);
    if (c === undefined) {
      c = this.customers.push({ key, name }) - 1;
      this.indexOf.set(who, c);
    }
    return c;
  }

  private said(c: number): string {
    const { key, name } = this.customers[c];
    return key || name;
  }
}
