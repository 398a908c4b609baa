/**
 * Benchmark order lines as Excel hands them over (range.values): serial dates, numbers as
 * numbers, ids as text. Orders of 1–8 lines (same invoice, account and date), as ERP exports
 * list them. Generated chunk by chunk, deterministically, like blocks read from a sheet.
 */
import { mulberry32 } from '../test/sample/generate';

export const BENCH_HEADERS = ['Invoice Date', 'Invoice No', 'Customer ID', 'Customer', 'SKU', 'Description', 'Category', 'Qty', 'Unit Price', 'Line Total'];

export interface BenchSource {
  header: string[];
  /** The next `n` rows (fewer at the end); empty when done. */
  next(n: number): (string | number)[][];
}

export function benchSource(rows: number, accounts: number, skus: number, endSerial: number, seed = 7): BenchSource {
  const rnd = mulberry32(seed);
  const categories = ['Cable Ties', 'Fixings', 'Hand Tools', 'Electrical', 'Safety & PPE', 'Power Tools', 'Consumables', 'Storage', 'Lighting', 'Test Equipment'];
  const accIds = Array.from({ length: accounts }, (_, i) => `C${String(i + 1).padStart(5, '0')}`);
  const accNames = accIds.map((_, i) => `Customer ${i + 1} Ltd`);
  const skuIds = Array.from({ length: skus }, (_, i) => `SKU${String(i + 1).padStart(5, '0')}`);
  const skuNames = skuIds.map((id) => `Product ${id}`);
  const skuCat = skuIds.map((_, i) => categories[i % categories.length]);
  const skuPrice = skuIds.map(() => Math.round((1 + rnd() * 80) * 100) / 100);
  const days = 3 * 365;
  let made = 0;
  let inv = 0;
  let left = 0;
  let a = 0;
  let date = 0;
  let invText = '';
  return {
    header: BENCH_HEADERS,
    next(n) {
      const out: (string | number)[][] = [];
      while (out.length < n && made < rows) {
        if (left === 0) {
          a = Math.floor(rnd() * rnd() * accounts); // skewed: a few big accounts
          date = endSerial - Math.floor(rnd() * days);
          left = 1 + Math.floor(rnd() * 8);
          invText = `INV${++inv}`;
        }
        const k = Math.floor(rnd() * skus);
        const qty = 1 + Math.floor(rnd() * 20);
        out.push([date, invText, accIds[a], accNames[a], skuIds[k], skuNames[k], skuCat[k], qty, skuPrice[k], Math.round(qty * skuPrice[k] * 100) / 100]);
        left--;
        made++;
      }
      return out;
    },
  };
}

