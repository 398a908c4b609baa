/**
 * OrderBook: the compact aggregate the analytics engine reads. Order lines arrive one by one
 * (`add`) and are folded into:
 * - one record per order (account, currency, order id, return or not): date, value, list value;
 * - one entry per (account, currency, SKU, order date, return or not): revenue and units — the
 *   product's purchase history, which reorder periods and windowed category figures need;
 * - first date per (account, "ordered by" name).
 * Names, prices, rows and the lines themselves are not kept, so memory grows with accounts,
 * products, account×product pairs and orders, not with lines.
 *
 * Speed (a million lines, parsing included, in about 0.8–1 s here): records are found through
 * typed-array hash tables (./tables), not Maps of strings; a line's product purchase waits in a
 * small buffer and is folded into its pair in batches; and when lines come in date order, as
 * exports usually do, `freeze` buckets the records without sorting them.
 *
 * An "account unit" is (account id, currency): money in different currencies is never added.
 *
 * Money is counted in whole steps of a hundredth of the currency's minor unit (`moneySteps`:
 * £0.0001, so 0,035 € and £0.125 unit prices add up exactly; each line's revenue rounded half
 * away from zero to a step), so every sum is an exact integer: an account's
 * figures are the same to the penny whatever other accounts the data holds, and a fully credited
 * product nets to exactly 0. Frozen values are handed out in currency units (steps / unitScale,
 * the double nearest the decimal); the prefix sums stay in steps.
 *
 * Service and adjustment lines (postage, discounts, fees … — ../serviceLines) count in their
 * order's value but make no product entries: they are never products or categories.
 */
import { minorSteps, moneySteps, roundMoney } from "../currency";
import { roundHalfAwayFromZero } from "../numbers";
import { CATEGORY_STAND_IN, UNCATEGORISED } from "../orderLines";
import { serviceKind } from "../serviceLines";
import type { OrderLine, Serial } from "../types";
import { SiteLedger } from "./sites";
import {
  GrowF64,
  GrowI32,
  int32Room,
  internInto,
  IntPairIndex,
  permute,
  sortByDate,
} from "./collections";
import { OrderRuns } from "./orderRuns";
import {
  foldPurchases,
  newPairLists,
  type PairFolding,
  type PairLists,
  type PendingPurchases,
} from "./pairFold";

/** Lines buffered before their purchases are folded into pair entries. */
const PENDING = 4096;

/** The service kind of a line that names no product (an invoice-level export's invoice total). */
export const NO_PRODUCT = "invoice total without a product";

/** The currency key of lines without a currency column. */
export const NO_CURRENCY = "";

/**
 * Read-only, sorted arrays (CSR layout) built from the book; one "unit" range per account unit.
 * Orders and return records are sorted by date within a unit; entries by date within a pair.
 * Money values (ordVal, ordList, ordListCovered, retVal, entRev) are in currency units, each a
 * whole number of steps of the unit's currency (× unitScale[u] gives the exact integer back:
 * sum those where a sum must be exact); the prefix sums are in steps.
 */
export interface Frozen {
  unitCount: number;
  /** money steps per currency unit of unit u (10,000 for pounds: steps of £0.0001) */
  unitScale: Float64Array;
  /** money steps per minor unit of unit u's currency (100 steps in a penny; written figures are whole minor units) */
  unitMinor: Float64Array;
  /** purchase orders of unit u: [ordStart[u], ordStart[u+1]) */
  ordStart: Int32Array;
  ordDate: Int32Array;
  ordVal: Float64Array;
  /**
   * list-price value of the order's lines that had a list price, and the revenue of those lines;
   * both empty (length 0) when no line had a list price
   */
  ordList: Float64Array;
  ordListCovered: Float64Array;
  /**
   * the same for return records (negative: the list value and the revenue of the returned lines
   * that had a list price); both empty when no line had a list price
   */
  retList: Float64Array;
  retListCovered: Float64Array;
  /**
   * Prefix sums of ordVal in whole steps, restarting at each unit: unit u's run is
   * ordPrefix[ordStart[u] + u … ordStart[u+1] + u] (length = orders + units), so its window sums
   * are exact integers of its own lines alone.
   */
  ordPrefix: Float64Array;
  /** return records (credit notes) of unit u */
  retStart: Int32Array;
  retDate: Int32Array;
  retVal: Float64Array;
  /** as ordPrefix, for the return records */
  retPrefix: Float64Array;
  /** pairs (unit, sku, isReturn) of unit u: [pairStart[u], pairStart[u+1]) */
  pairStart: Int32Array;
  pairSku: Int32Array;
  pairRet: Uint8Array;
  /** the same unit and SKU's other pair (the returns of a purchase pair and back), or −1 */
  pairMate: Int32Array;
  /** entries of pair p: [entStart[p], entStart[p+1]), sorted by date */
  entStart: Int32Array;
  entDate: Int32Array;
  entRev: Float64Array;
  entQty: Float64Array;
}

/** One service or adjustment SKU as found in the data (listed in the analysis result). */
export interface ServiceLineSummary {
  sku: string;
  name: string | null;
  /** "postage", "discount", "manual adjustment" … */
  kind: string;
  lines: number;
  /** net revenue per currency ('' = no currency named) */
  revenue: Record<string, number>;
}

export interface OrderBookOptions {
  /**
   * Keep product entries (the SKU and category histories) only for lines dated after this day;
   * earlier lines still make their orders, returns and order values. For a caller that asks
   * about windows after that day only (KAP.METRICS: the last 12 months for categories and
   * products). Default: every line.
   */
  productsAfter?: Serial;
  /**
   * The arrays of a book no longer read (its `release()`), cleared and filled again rather than
   * allocated anew: a caller that builds a book on every call (KAP.METRICS, on each
   * recalculation) then spares the garbage collector some 40 MB a call at a million lines.
   */
  reuse?: BookBuffers;
  /**
   * Folds the book's product purchases into pair entries elsewhere (the CLI's fold thread) until
   * the book is closed or frozen; the book then takes the lists back and folds any later ones
   * itself. Default: here, as they come.
   */
  folding?: PairFolding;
}

/** The large arrays of a released book (OrderBook.release), for the next book to reuse. */
export interface BookBuffers {
  orders: OrderRuns;
  pairIndex: IntPairIndex;
  ints: [GrowI32, GrowI32, GrowI32, GrowI32];
  floats: [GrowF64, GrowF64];
}

export class OrderBook {
  private readonly productsAfter: number;
  constructor(options: OrderBookOptions = {}) {
    this.productsAfter = options.productsAfter ?? -Infinity;
    const r = options.reuse;
    this.orders = r ? r.orders.clear() : new OrderRuns();
    this.pairs = newPairLists();
    if (r) {
      this.pairs.pairIndex = r.pairIndex.clear();
      const p = this.pairs;
      [p.pKey, p.pSku, p.ePair, p.eDate] = r.ints.map((g) => g.clear()) as BookBuffers["ints"];
      [p.eRev, p.eQty] = r.floats.map((g) => g.clear()) as BookBuffers["floats"];
    }
    this.folding = options.folding;
  }

  /** Interned account ids, names, SKUs, categories, currencies (index = internal id). */
  readonly accountIds: string[] = [];
  readonly accountNames: (string | undefined)[] = [];
  readonly skus: string[] = [];
  readonly skuNames: (string | undefined)[] = [];
  /**
   * Category of each SKU, −1 for a service line: the category of its latest line, and of the
   * first by name among that day's lines, so that it does not depend on the order of the lines
   * (a SKU re-filed under another category takes the new one). Purchase lines outrank returns and
   * a named category outranks none ("Uncategorised"): a credit note with a blank category, or
   * filed under "Returns", does not re-file the product it returns (RULES.md §2: it nets against
   * the product's category).
   */
  readonly skuCategory: number[] = [];
  /** the date and rank (categoryRank) of the line each SKU's category came from */
  private skuCategoryDate: number[] = [];
  private skuCategoryRank: number[] = [];
  /** Service kind of each SKU ("postage", "discount" …), or null for a product. */
  readonly skuService: (string | null)[] = [];
  readonly categories: string[] = [];
  readonly currencies: string[] = [];
  /** The order lines' site column, per account unit (empty when the data has none). */
  readonly sites = new SiteLedger();
  /** unit → account index / currency index */
  readonly unitAccount: number[] = [];
  readonly unitCurrency: number[] = [];
  /** unit → money steps per currency unit */
  readonly unitSteps: number[] = [];
  /** steps in one minor unit (a penny) of each unit's currency */
  readonly unitMinor: number[] = [];
  /** lines folded in, and lines whose category differed from the SKU's first category */
  linesAdded = 0;
  categoryConflicts = 0;

  private accountIndex = new Map<string, number>();
  private skuIndex = new Map<string, number>();
  private categoryIndex = new Map<string, number>();
  private currencyIndex = new Map<string, number>();
  private unitIndex = new Map<number, number>();
  private firstUnitOf: (number | undefined)[] = [];
  private lastAccountId: string | undefined = undefined;
  private lastAccount = -1;
  private lastCurrencyName: string | undefined = undefined;
  private lastCurrency = -1;
  private lastUnitKey = -1;
  private lastUnit = -1;
  private lastOrderUnit = -1;
  private lastOrderRet = -1;
  private lastOrderId = "";
  /**
   * Order records: one per run of an order's lines, runs of one order merged (./orderRuns). An
   * order is (account unit, sale or return, order id).
   */
  private orders: OrderRuns;
  /** the pairs and their entries, folded from the buffered purchases (./pairFold) */
  private pairs: PairLists;
  /** where the purchases are folded until the book is closed, when not here (OrderBookOptions.folding) */
  private folding: PairFolding | undefined;

  /**
   * "Ordered by": each spelling seen → a person key (trimmed, lower-cased), and per
   * (unit, person) the first spelling and first date. Spellings repeat on every order, so they
   * are looked up once each rather than trimmed and lower-cased per line.
   */
  private spellingIndex = new Map<string, number>();
  private spellingText: string[] = [];
  private spellingPerson: number[] = [];
  private personIndex = new Map<string, number>();
  private personKey: string[] = [];
  /**
   * (unit, person) → entry, with its first and last date in the slot (read in the same cache
   * line as the look-up); per entry its unit, person and first spelling.
   */
  private unitPerson = new IntPairIndex(1 << 12, 2);
  private upUnit = new GrowI32();
  private upPerson = new GrowI32();
  private upSpelling = new GrowI32();
  /** the slot of the last line's (unit, person) in unitPerson's table */
  private lastPersonSlot = -1;
  private lastSpellingRaw = "";
  private lastSpelling = -1;
  private lastPersonUnit = -1;
  private lastPerson = -1;
  private lastPersonDate = 0;
  private orderedByMaps: Map<string, { name: string; date: Serial; lastDate: Serial }>[] | null =
    null;

  /** lines whose purchase is not yet folded into pair entries */
  private pendingCount = 0;
  private pend: PendingPurchases = {
    key: new Int32Array(PENDING),
    sku: new Int32Array(PENDING),
    date: new Int32Array(PENDING),
    rev: new Float64Array(PENDING),
    qty: new Float64Array(PENDING),
  };

  private lastOrder = -1;
  private frozen: Frozen | null = null;
  /** service SKU → lines, and (sku, currency) → net revenue in steps */
  private serviceLineCount = new Map<number, number>();
  private serviceRevenue = new Map<number, number>();

  /** Folds one order line in. Lines may arrive in any order. */
  add(line: OrderLine): void {
    if (this.closed) throw new Error("OrderBook: no lines can be added after close().");
    // its arrays are another book's now
    if (this.released) throw new Error("OrderBook: no lines can be added after release().");
    this.frozen = null;
    this.linesAdded++;
    let acc: number;
    if (line.accountId === this.lastAccountId) acc = this.lastAccount;
    else {
      acc = this.accountIndex.get(line.accountId) ?? this.newAccount(line.accountId);
      this.lastAccountId = line.accountId;
      this.lastAccount = acc;
    }
    if (line.accountName && this.accountNames[acc] === undefined)
      this.accountNames[acc] = line.accountName;
    const curName = line.currency ?? NO_CURRENCY;
    let cur: number;
    if (curName === this.lastCurrencyName) cur = this.lastCurrency;
    else {
      cur = internInto(this.currencyIndex, this.currencies, curName);
      this.lastCurrencyName = curName;
      this.lastCurrency = cur;
    }
    const unitKey = acc * 4096 + cur;
    let unit: number;
    if (unitKey === this.lastUnitKey) unit = this.lastUnit;
    else {
      // most accounts trade in one currency: their first unit is the one
      const first = this.firstUnitOf[acc];
      let found =
        first !== undefined && this.unitCurrency[first] === cur
          ? first
          : this.unitIndex.get(unitKey);
      if (found === undefined) {
        found = this.unitAccount.length;
        this.unitIndex.set(unitKey, found);
        this.unitAccount.push(acc);
        if (this.firstUnitOf[acc] === undefined) this.firstUnitOf[acc] = found;
        this.unitCurrency.push(cur);
        this.unitSteps.push(moneySteps(curName));
        this.unitMinor.push(minorSteps(curName));
      }
      unit = found;
      this.lastUnitKey = unitKey;
      this.lastUnit = unit;
    }
    const date = Math.floor(line.date);
    const ret = line.isReturn ? 1 : 0;
    const steps = this.unitSteps[unit];
    // whole steps of the minor unit (revenue × steps carries binary noise: 1.005 × 100 = 100.4999…)
    const revenue = Number.isFinite(line.revenue) ? roundHalfAwayFromZero(line.revenue * steps) : 0;
    const qty = Number.isFinite(line.quantity) ? line.quantity : 0;

    // Order record: lines of one order usually arrive together, so a run of them makes one
    // record; runs of one order that arrived apart are merged when the records are compacted.
    const orders = this.orders;
    let order: number;
    if (
      unit === this.lastOrderUnit &&
      ret === this.lastOrderRet &&
      line.orderId === this.lastOrderId
    )
      order = this.lastOrder;
    else {
      if (orders.due) orders.compact();
      order = orders.add(unit * 2 + ret, date, line.orderId);
      this.lastOrderUnit = unit;
      this.lastOrderRet = ret;
      this.lastOrderId = line.orderId;
      this.lastOrder = order;
    }
    // An order's date is its earliest line date.
    if (date < orders.date.a[order]) orders.date.a[order] = date;
    orders.val.a[order] += revenue;
    if (date <= this.productsAfter) return;
    let sku = this.skuIndex.get(line.sku);
    if (sku === undefined) {
      // A SKU is a product or a service line from its first sight (code and description).
      // A line without a product (an invoice-level export's total) counts like a service line;
      // a category standing in for the product (categoryStandIn) is one unless it names a service.
      const byCategory = line.sku.startsWith(CATEGORY_STAND_IN);
      const service = byCategory
        ? serviceKind(line.category, line.category)
        : line.sku === ""
          ? NO_PRODUCT
          : serviceKind(line.sku, line.productName);
      const cat =
        service === null ? internInto(this.categoryIndex, this.categories, line.category) : -1;
      sku = this.skus.length;
      this.skuIndex.set(line.sku, sku);
      this.skus.push(byCategory ? line.category : line.sku);
      this.skuNames.push(byCategory ? line.category : line.productName || undefined);
      this.skuCategory.push(cat);
      this.skuCategoryDate.push(date);
      this.skuCategoryRank.push(categoryRank(line.category, ret));
      this.skuService.push(service);
    } else {
      if (this.skuNames[sku] === undefined && line.productName)
        this.skuNames[sku] = line.productName;
      const cat = this.skuCategory[sku];
      if (cat >= 0) {
        // the line's claim (rank, date) against the one the category came from: the highest wins
        const rank = categoryRank(line.category, ret);
        const held = this.skuCategoryRank[sku];
        const since = this.skuCategoryDate[sku];
        if (this.categories[cat] !== line.category) {
          this.categoryConflicts++;
          if (
            rank > held ||
            (rank === held &&
              (date > since || (date === since && line.category < this.categories[cat])))
          ) {
            this.skuCategory[sku] = internInto(this.categoryIndex, this.categories, line.category);
            this.skuCategoryRank[sku] = rank;
            this.skuCategoryDate[sku] = date;
          }
        } else if (rank > held || (rank === held && date > since)) {
          this.skuCategoryRank[sku] = rank;
          this.skuCategoryDate[sku] = date;
        }
      }
    }
    const isService = this.skuCategory[sku] < 0;
    if (isService) {
      // Counts in the order's (and its site's) value; never a product entry, nor a site's order day.
      this.serviceLineCount.set(sku, (this.serviceLineCount.get(sku) ?? 0) + 1);
      const key = sku * 4096 + cur;
      this.serviceRevenue.set(key, (this.serviceRevenue.get(key) ?? 0) + revenue);
      if (line.orderedBy && !ret) this.addOrderedBy(line.orderedBy, unit, date);
      if (line.site) this.sites.add(unit, line.site, date, revenue / steps, true);
      return;
    }
    if (line.listPrice !== undefined && Number.isFinite(line.listPrice)) {
      if (orders.list === null) orders.startListPrices();
      // a return gives back the list value of what it returns (its quantity and revenue negative)
      const listValue = roundHalfAwayFromZero(Math.abs(line.listPrice * qty) * steps);
      orders.list!.a[order] += ret ? -listValue : listValue;
      orders.cov!.a[order] += revenue;
    }

    // The line's product purchase goes to a small buffer, folded into pair entries in a tight
    // loop (`foldPending`): the hash lookups then run without the row data crowding the cache.
    const k = this.pendingCount++;
    const pend = this.pend;
    pend.key[k] = unit * 2 + ret;
    pend.sku[k] = sku;
    pend.date[k] = date;
    pend.rev[k] = revenue;
    pend.qty[k] = qty;
    if (this.pendingCount === PENDING) this.foldPending();

    if (line.orderedBy && !ret) this.addOrderedBy(line.orderedBy, unit, date);
    if (line.site) this.sites.add(unit, line.site, date, revenue / steps, ret === 1);
  }

  /** The buffered purchases folded into pair entries, here or where `folding` folds them. */
  private foldPending(): void {
    const n = this.pendingCount;
    if (n === 0) return;
    if (this.folding) this.folding.fold(this.pend, n);
    else foldPurchases(this.pairs, this.pend, n);
    this.pendingCount = 0;
  }

  /** The lists folded elsewhere, back in this book: from here on it folds its purchases itself. */
  private takeFolds(): void {
    this.foldPending();
    if (!this.folding) return;
    this.pairs = this.folding.finish();
    this.folding = undefined;
  }

  private addOrderedBy(raw: string, unit: number, date: Serial): void {
    let spelling: number;
    if (raw === this.lastSpellingRaw) spelling = this.lastSpelling;
    else {
      const known = this.spellingIndex.get(raw);
      if (known === undefined) {
        const name = raw.trim();
        const key = name.toLowerCase();
        let person = this.personIndex.get(key);
        if (person === undefined && name) {
          person = this.personKey.length;
          this.personIndex.set(key, person);
          this.personKey.push(key);
        }
        spelling = this.spellingText.length;
        this.spellingIndex.set(raw, spelling);
        this.spellingText.push(name);
        this.spellingPerson.push(person ?? -1);
      } else spelling = known;
      this.lastSpellingRaw = raw;
      this.lastSpelling = spelling;
    }
    const person = this.spellingPerson[spelling];
    if (person < 0) return;
    // the other lines of an order: same unit, same person, no earlier date — only a later last date to record
    if (unit === this.lastPersonUnit && person === this.lastPerson && date >= this.lastPersonDate) {
      const t = this.unitPerson.table;
      if (date > t[this.lastPersonSlot + 4]) {
        t[this.lastPersonSlot + 4] = date;
        this.orderedByMaps = null;
      }
      return;
    }
    this.unitPerson.intern(unit, person);
    const slot = this.unitPerson.slot;
    const t = this.unitPerson.table;
    this.lastPersonUnit = unit;
    this.lastPerson = person;
    this.lastPersonSlot = slot;
    if (this.unitPerson.isNew) {
      this.upUnit.push(unit);
      this.upPerson.push(person);
      this.upSpelling.push(spelling);
      t[slot + 3] = t[slot + 4] = date;
      this.orderedByMaps = null;
    } else {
      if (date < t[slot + 3]) {
        t[slot + 3] = date;
        this.orderedByMaps = null;
      }
      if (date > t[slot + 4]) {
        t[slot + 4] = date;
        this.orderedByMaps = null;
      }
    }
    this.lastPersonDate = t[slot + 3];
  }

  private newAccount(id: string): number {
    const acc = this.accountIds.length;
    this.accountIndex.set(id, acc);
    this.accountIds.push(id);
    this.accountNames.push(undefined);
    return acc;
  }

  accountIndexOf(id: string): number | undefined {
    return this.accountIndex.get(id);
  }

  skuIndexOf(sku: string): number | undefined {
    return this.skuIndex.get(sku);
  }

  categoryIndexOf(category: string): number | undefined {
    return this.categoryIndex.get(category);
  }

  /** Renames a currency (e.g. '' → 'GBP' once the data's money symbols have named it); no-op if the new name is taken. */
  nameCurrency(from: string, to: string): void {
    const i = this.currencyIndex.get(from);
    if (i === undefined || this.currencyIndex.has(to)) return;
    this.currencies[i] = to;
    this.currencyIndex.delete(from);
    this.currencyIndex.set(to, i);
    this.lastCurrencyName = undefined;
    // Frozen arrays hold no currency names: once the lists they came from are released, they stay.
    if (!this.listsReleased) this.frozen = null;
  }

  /**
   * No more lines (the ingest has finished): the look-up tables that match lines to orders and
   * pairs are dropped now, and the next freeze() moves the order and entry lists into place as the
   * frozen arrays rather than copying them (at 10,000,000 lines those lists are about 250 MB).
   * add() afterwards throws.
   */
  close(): void {
    if (this.closed) return;
    this.takeFolds();
    this.closed = true;
    // The pair index's table (40 MB at 10,000,000 lines) is spare now: freeze moves the records
    // into place with one Int32 each of it.
    this.scratch = this.pairs.pairIndex.table;
    this.pairs.pairIndex = new IntPairIndex(2, 2);
    // the order ids are let go too: the runs of each order are merged now
    this.orders.seal(this.scratch);
  }
  /** a closed book's spare Int32 space for freeze, until freeze has used it */
  private scratch: Int32Array | null = null;
  private closed = false;
  /** freeze() of a closed book has released the lists: the frozen arrays are all there is. */
  private listsReleased = false;

  /** Units (one per currency) of an account. */
  unitsOf(accountId: string): number[] {
    const acc = this.accountIndex.get(accountId);
    if (acc === undefined) return [];
    const out: number[] = [];
    for (let u = 0; u < this.unitAccount.length; u++) if (this.unitAccount[u] === acc) out.push(u);
    return out;
  }

  /** "Ordered by" names of a unit (keyed lower-case) with the first spelling, first order date and last order date. */
  orderedByOf(unit: number): ReadonlyMap<string, { name: string; date: Serial; lastDate: Serial }> {
    if (!this.orderedByMaps) {
      const maps = this.unitAccount.map(
        () => new Map<string, { name: string; date: Serial; lastDate: Serial }>()
      );
      const index = this.unitPerson;
      for (let e = 0; e < this.upUnit.n; e++) {
        const unit = this.upUnit.a[e];
        index.intern(unit, this.upPerson.a[e]);
        maps[unit].set(this.personKey[this.upPerson.a[e]], {
          name: this.spellingText[this.upSpelling.a[e]],
          date: index.table[index.slot + 3],
          lastDate: index.table[index.slot + 4],
        });
      }
      this.orderedByMaps = maps;
    }
    return this.orderedByMaps[unit] ?? new Map();
  }

  get unitCount(): number {
    return this.unitAccount.length;
  }

  /**
   * The service and adjustment lines found (they counted in revenue, never as products): per
   * SKU its kind, lines and net revenue per currency, most lines first.
   */
  serviceLines(): ServiceLineSummary[] {
    const out: ServiceLineSummary[] = [];
    for (const [sku, lines] of this.serviceLineCount) {
      const revenue: Record<string, number> = {};
      for (let cur = 0; cur < this.currencies.length; cur++) {
        const v = this.serviceRevenue.get(sku * 4096 + cur);
        const code = this.currencies[cur];
        if (v !== undefined) revenue[code] = roundMoney(v / moneySteps(code), code);
      }
      out.push({
        sku: this.skus[sku],
        name: this.skuNames[sku] ?? null,
        kind: this.skuService[sku] ?? "service",
        lines,
        revenue,
      });
    }
    return out.sort((a, b) => b.lines - a.lines || (a.sku < b.sku ? -1 : 1));
  }

  private released = false;

  /**
   * Hands the book's large arrays over for a new book to reuse (OrderBookOptions.reuse). The
   * book can then no longer take lines or freeze again; what freeze handed out stays valid (those
   * arrays are its own), and so do its names and indexes.
   */
  release(): BookBuffers {
    // (lists folded elsewhere come back to be handed on; this book's own pending ones need no fold)
    if (this.folding) this.takeFolds();
    this.released = true;
    return {
      // emptied now: the spare records hold no order ids between calls
      orders: this.orders.clear(),
      pairIndex: this.pairs.pairIndex,
      ints: [this.pairs.pKey, this.pairs.pSku, this.pairs.ePair, this.pairs.eDate],
      floats: [this.pairs.eRev, this.pairs.eQty],
    };
  }

  /** The sorted arrays analyses read; rebuilt after more lines are added. */
  freeze(): Frozen {
    if (this.frozen) return this.frozen;
    if (this.released) throw new Error("OrderBook.freeze: the book was released");
    this.takeFolds();
    const U = this.unitAccount.length;
    // Each part in its own method: a closed book's lists are released as each is frozen, and no
    // local variable here keeps them alive.
    const o = this.orders.freeze(U, this.closed, this.scratch);
    // a closed book's order records are now the frozen arrays; an open book's were compacted
    // (record indexes changed)
    if (this.closed) this.orders = new OrderRuns();
    this.lastOrderUnit = -1;
    const ordPrefix = unitPrefix(o.ordCount, o.ordVal, U);
    const retPrefix = unitPrefix(o.retCount, o.retVal, U);
    // from here on, money in currency units
    const scale = Float64Array.from(this.unitSteps);
    toUnits(o.ordCount, scale, U, o.ordVal, o.ordList, o.ordListCovered);
    toUnits(o.retCount, scale, U, o.retVal, o.retList, o.retListCovered);
    const p = this.freezePairs(U);
    const pairMate = matePairs(p.pairStart, p.pairSku, p.pairRet, U, this.skus.length);
    const e = this.freezeEntries(p.pairNew);
    // entries: steps → currency units, unit by unit (pairs are bucketed by unit)
    for (let u = 0; u < U; u++) {
      const sc = scale[u];
      const end = e.entStart[p.pairStart[u + 1]];
      for (let k = e.entStart[p.pairStart[u]]; k < end; k++) e.entRev[k] /= sc;
    }
    if (this.closed) {
      this.listsReleased = true;
      this.scratch = null;
    }
    this.frozen = {
      unitCount: U,
      unitScale: scale,
      unitMinor: Float64Array.from(this.unitMinor),
      ordStart: o.ordCount,
      ordDate: o.ordDate,
      ordVal: o.ordVal,
      ordList: o.ordList,
      ordListCovered: o.ordListCovered,
      retList: o.retList,
      retListCovered: o.retListCovered,
      ordPrefix,
      retStart: o.retCount,
      retDate: o.retDate,
      retVal: o.retVal,
      retPrefix,
      pairStart: p.pairStart,
      pairSku: p.pairSku,
      pairRet: p.pairRet,
      pairMate,
      entStart: e.entStart,
      entDate: e.entDate,
      entRev: e.entRev,
      entQty: e.entQty,
    };
    return this.frozen;
  }

  /** Pairs bucketed by unit; pairNew maps a pair's creation index to its bucketed one. */
  private freezePairs(U: number) {
    const pN = this.pairs.pKey.n;
    const pKey = this.pairs.pKey.a;
    const pairStart = new Int32Array(U + 1);
    for (let p = 0; p < pN; p++) pairStart[(pKey[p] >> 1) + 1]++;
    for (let u = 0; u < U; u++) pairStart[u + 1] += pairStart[u];
    const pairNew = new Int32Array(pN);
    const pairSku = new Int32Array(pN);
    const pairRet = new Uint8Array(pN);
    const pFill = pairStart.slice(0, U);
    for (let p = 0; p < pN; p++) {
      const k = pFill[pKey[p] >> 1]++;
      pairNew[p] = k;
      pairSku[k] = this.pairs.pSku.a[p];
      pairRet[k] = pKey[p] & 1;
    }
    // each its own (a released book hands them to the next book, which fills them apart)
    if (this.closed) {
      this.pairs.pKey = new GrowI32(1);
      this.pairs.pSku = new GrowI32(1);
    }
    return { pairStart, pairNew, pairSku, pairRet };
  }

  /** Entries bucketed by pair, each pair's sorted by date (same-date entries merged). */
  private freezeEntries(pairNew: Int32Array) {
    const pN = pairNew.length;
    const eN = this.pairs.ePair.n;
    const entStart = new Int32Array(pN + 1);
    {
      const ePair = this.pairs.ePair.a;
      for (let e = 0; e < eN; e++) entStart[pairNew[ePair[e]] + 1]++;
    }
    for (let k = 0; k < pN; k++) entStart[k + 1] += entStart[k];
    if (!this.pairs.inDateOrder) return this.sortEntries(pairNew, entStart);
    // Each pair's entries arrived in date order, same dates already merged: bucket them as they
    // are.
    const dest = int32Room(this.scratch, eN);
    const eFill = entStart.slice(0, pN);
    const ePair = this.pairs.ePair.a;
    for (let e = 0; e < eN; e++) dest[e] = eFill[pairNew[ePair[e]]]++;
    // A closed book's lists become the frozen arrays, moved into place (no second copy of a
    // 10,000,000-line book's entries); an open book's are copied, as more lines may come.
    const own = this.closed;
    const entDate = own ? this.pairs.eDate.a : this.pairs.eDate.a.slice(0, eN);
    const entRev = own ? this.pairs.eRev.a : this.pairs.eRev.a.slice(0, eN);
    const entQty = own ? this.pairs.eQty.a : this.pairs.eQty.a.slice(0, eN);
    if (own) this.dropEntryLists();
    permute(dest, [entDate], [entRev, entQty]);
    return {
      entStart,
      entDate: entDate.subarray(0, eN),
      entRev: entRev.subarray(0, eN),
      entQty: entQty.subarray(0, eN),
    };
  }

  /**
   * A closed book's entry lists are let go once frozen; each gets its own small list, as a
   * released book hands them to the next book (OrderBookOptions.reuse), which fills them apart.
   */
  private dropEntryLists(): void {
    this.pairs.ePair = new GrowI32(1);
    this.pairs.eDate = new GrowI32(1);
    this.pairs.eRev = new GrowF64(1);
    this.pairs.eQty = new GrowF64(1);
  }

  /** Entries in date order (counting sort), then bucketed by pair: each pair's run is date-sorted. */
  private sortEntries(pairNew: Int32Array, entStart: Int32Array) {
    const pN = pairNew.length;
    const eN = this.pairs.ePair.n;
    const ePair = this.pairs.ePair.a;
    const eDate = this.pairs.eDate.a;
    const eRev = this.pairs.eRev.a;
    const eQty = this.pairs.eQty.a;
    const entDate = new Int32Array(eN);
    const entRev = new Float64Array(eN);
    const entQty = new Float64Array(eN);
    const byDate = sortByDate(eDate, eN);
    const entIdx = new Int32Array(eN);
    const eFill = entStart.slice(0, pN);
    for (let k = 0; k < eN; k++) {
      const e = byDate[k];
      entIdx[eFill[pairNew[ePair[e]]]++] = e;
    }
    // Same-date entries of a pair that arrived apart are merged here.
    let w = 0;
    const newStart = new Int32Array(pN + 1);
    for (let k = 0; k < pN; k++) {
      const first = w;
      newStart[k] = w;
      const end = entStart[k + 1];
      for (let j = entStart[k]; j < end; j++) {
        const e = entIdx[j];
        const d = eDate[e];
        if (w > first && entDate[w - 1] === d) {
          entRev[w - 1] += eRev[e];
          entQty[w - 1] += eQty[e];
        } else {
          entDate[w] = d;
          entRev[w] = eRev[e];
          entQty[w] = eQty[e];
          w++;
        }
      }
    }
    newStart[pN] = w;
    if (this.closed) this.dropEntryLists();
    return {
      entStart: newStart,
      entDate: entDate.subarray(0, w),
      entRev: entRev.subarray(0, w),
      entQty: entQty.subarray(0, w),
    };
  }
}

/** Divides each unit's run of the arrays by its scale (whole steps → currency units). */
function toUnits(
  start: Int32Array,
  scale: Float64Array,
  units: number,
  ...arrays: Float64Array[]
): void {
  for (let u = 0; u < units; u++) {
    const sc = scale[u];
    for (const a of arrays) for (let k = start[u]; k < start[u + 1]; k++) a[k] /= sc;
  }
}

/**
 * How strongly a line says which category its SKU is in: a purchase more than a return (a
 * credit note's category cell is often blank or "Returns"), a named category more than none.
 */
function categoryRank(category: string, isReturn: number): number {
  return (category === UNCATEGORISED ? 0 : 2) + (isReturn ? 0 : 1);
}

/** Prefix sums of `values` restarting at each unit's run: run u is [start[u] + u, start[u+1] + u]. */
export function unitPrefix(start: Int32Array, values: Float64Array, units: number): Float64Array {
  const out = new Float64Array(start[units] + units + 1);
  for (let u = 0; u < units; u++) {
    let t = 0;
    const off = u + 1;
    for (let k = start[u]; k < start[u + 1]; k++) out[k + off] = t += values[k];
  }
  return out;
}

/**
 * Each pair's mate: the same unit and SKU's pair of the other kind (purchases ↔ returns), or −1.
 * Pairs of unit u are [pairStart[u], pairStart[u+1]); `skuCount` bounds the SKU ids.
 */
export function matePairs(
  pairStart: Int32Array,
  pairSku: Int32Array,
  pairRet: Uint8Array,
  units: number,
  skuCount: number
): Int32Array {
  const mate = new Int32Array(pairSku.length).fill(-1);
  // SKU → purchase pair of the current unit, valid when owner[sku] is that unit (no clearing between units)
  const purchase = new Int32Array(Math.max(1, skuCount));
  const owner = new Int32Array(Math.max(1, skuCount)).fill(-1);
  for (let u = 0; u < units; u++) {
    const a = pairStart[u];
    const b = pairStart[u + 1];
    let returns = false;
    for (let p = a; p < b; p++) {
      if (pairRet[p]) returns = true;
      else {
        purchase[pairSku[p]] = p;
        owner[pairSku[p]] = u;
      }
    }
    if (!returns) continue;
    for (let p = a; p < b; p++) {
      if (!pairRet[p] || owner[pairSku[p]] !== u) continue;
      const q = purchase[pairSku[p]];
      mate[p] = q;
      mate[q] = p;
    }
  }
  return mate;
}

/** Index of the first element > value in sorted arr[lo, hi). */
export function upperBound(arr: ArrayLike<number>, lo: number, hi: number, value: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
