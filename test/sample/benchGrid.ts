/**
 * Order lines at benchmark scale (up to Excel's 1,048,575 data rows), exactly as Excel hands
 * a range over: dates as serial numbers, quantities and money as numbers, ids as text, header
 * row first with the Orders sheet's headers. Orders of 1–8 lines, in date order, each account
 * buying from its industry's categories; about 1% of orders are credit notes (id "CN…",
 * negative quantities). Allocation-light: strings are made once per account, SKU and order,
 * never per line, and the only per-line allocation is the row itself.
 */
import { edate } from "../../src/domain/dates";
import type { Serial } from "../../src/domain/types";
import {
  CATEGORIES,
  FIRST_NAMES,
  INDUSTRIES,
  LAST_NAMES,
  STEMS,
  TOWNS,
  type Category,
} from "./catalog";
import { ORDER_HEADERS, buildCatalog, mulberry32 } from "./generate";

export interface BenchGridOptions {
  rows: number;
  accounts: number;
  skus: number;
  seed: number;
  endDate: Serial;
  /** Months of history before endDate (default 27). */
  months?: number;
}

/** SKUs each account keeps buying. */
const HABIT = 12;

type BenchRow = (string | number)[];

/** The whole grid in memory: header row, then every order line. */
export function buildBenchGrid(o: BenchGridOptions): BenchRow[] {
  const out: BenchRow[] = [[...ORDER_HEADERS]];
  for (const chunk of benchChunks(o, 65_536)) for (const row of chunk) out.push(row);
  return out;
}

/**
 * The same order lines (no header) made chunk by chunk as they are consumed, the way Excel
 * hands ranges to the add-in: only the chunk being read need be in memory.
 */
export function* benchChunks(o: BenchGridOptions, chunkRows: number): Generator<BenchRow[]> {
  const rows = Math.max(0, Math.floor(o.rows));
  const nAcc = Math.max(1, Math.floor(o.accounts));
  const nSku = Math.max(1, Math.floor(o.skus));
  const r = mulberry32(o.seed);

  // SKUs: the sample catalog first, then numbered items of the same categories.
  const catalog = buildCatalog();
  const skuId: string[] = new Array<string>(nSku);
  const skuName: string[] = new Array<string>(nSku);
  const skuCat: string[] = new Array<string>(nSku);
  const skuPrice = new Float64Array(nSku);
  const byCat = new Map<Category, number[]>(CATEGORIES.map((c) => [c, []]));
  for (let i = 0; i < nSku; i++) {
    const base = catalog[i % catalog.length];
    const lap = Math.floor(i / catalog.length);
    skuId[i] = lap === 0 ? base.sku : `${base.sku}-${lap}`;
    skuName[i] = lap === 0 ? base.name : `${base.name} (${lap})`;
    skuCat[i] = base.category;
    skuPrice[i] = Math.round(base.price * (0.8 + r() * 0.4) * 100) / 100;
    byCat.get(base.category)?.push(i);
  }

  // Accounts: id, name, a trade discount and a dozen habitual SKUs from its industry's categories.
  const width = Math.max(4, String(nAcc).length);
  const accId: string[] = new Array<string>(nAcc);
  const accName: string[] = new Array<string>(nAcc);
  const discount = new Float64Array(nAcc);
  const habits = new Int32Array(nAcc * HABIT);
  const shares = INDUSTRIES.map((x) => x.share);
  for (let a = 0; a < nAcc; a++) {
    const ind = INDUSTRIES[pickWeighted(r(), shares)];
    accId[a] = `C${String(a + 1).padStart(width, "0")}`;
    const stem = STEMS[a % STEMS.length];
    const town = TOWNS[Math.floor(a / STEMS.length) % TOWNS.length];
    accName[a] =
      a < STEMS.length
        ? `${stem} ${ind.suffixes[0]}`
        : `${stem} ${ind.suffixes[a % ind.suffixes.length]} (${town} ${Math.floor(a / (STEMS.length * TOWNS.length)) + 1})`;
    discount[a] = 0.05 + r() * 0.15;
    const cats = Object.keys(ind.prefs) as Category[];
    const weights = cats.map((c) => ind.prefs[c] ?? 0);
    for (let k = 0; k < HABIT; k++) {
      const list = byCat.get(cats[pickWeighted(r(), weights)]) ?? [];
      habits[a * HABIT + k] =
        list.length > 0 ? list[Math.floor(r() * list.length)] : Math.floor(r() * nSku);
    }
  }
  const buyers: string[] = [];
  for (const f of FIRST_NAMES) for (const l of LAST_NAMES) buyers.push(`${f} ${l}`);
  const sites = TOWNS.flatMap((t) => [`${t} Depot`, `${t} Branch`]);

  const start = edate(o.endDate, -(o.months ?? 27));
  const span = o.endDate - start;
  let chunk: BenchRow[] = [];
  let made = 0;
  let invoice = 100_000;
  let credit = 5_000;
  while (made < rows) {
    // One order: a skewed pick of account (a few big ones), a date that moves forward, 1–8 lines.
    const a = Math.floor(r() * r() * nAcc);
    let date = start + 1 + Math.floor(((made + r() * 4) * span) / Math.max(1, rows));
    if (date > o.endDate) date = o.endDate;
    const wd = (date + 6) % 7;
    if (wd === 0) date = Math.min(o.endDate, date + 1);
    else if (wd === 6) date -= 1;
    const isCredit = r() < 0.01;
    const id = isCredit ? `CN${++credit}` : `INV${++invoice}`;
    const buyer = buyers[(a * 7 + Math.floor(r() * 3) * 13) % buyers.length];
    const site = sites[(a + (r() < 0.2 ? 1 : 0)) % sites.length];
    const lines = isCredit ? 1 : 1 + Math.floor(r() * r() * 8);
    for (let l = 0; l < lines && made < rows; l++) {
      const k = r() < 0.9 ? habits[a * HABIT + Math.floor(r() * HABIT)] : Math.floor(r() * nSku);
      const price = Math.round(skuPrice[k] * (1 - discount[a]) * 100) / 100;
      const units = 1 + Math.floor(r() * r() * (skuPrice[k] < 10 ? 60 : 6));
      const qty = isCredit ? -units : units;
      chunk.push([
        date,
        id,
        accId[a],
        accName[a],
        skuId[k],
        skuName[k],
        skuCat[k],
        qty,
        price,
        Math.round(qty * price * 100) / 100,
        buyer,
        site,
      ]);
      made++;
      if (chunk.length === chunkRows) {
        yield chunk;
        chunk = [];
      }
    }
  }
  if (chunk.length) yield chunk;
}

function pickWeighted(u: number, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let x = u * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}
