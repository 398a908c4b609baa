import fc from 'fast-check';
import { analyzePortfolio, OrderBook } from '../../../src/domain/analysis';
import type { OrderLine } from '../../../src/domain/types';
import { bookOf, d, line } from './helpers';

const asOf = d(2025, 6, 30);
const start = d(2023, 1, 1);

/** Random small order books: 1–6 accounts, 1–5 SKUs in 1–3 categories, dates over 2.5 years, some returns. */
const lineArb = fc
  .record({
    acc: fc.integer({ min: 0, max: 5 }),
    day: fc.integer({ min: 0, max: asOf - start + 20 }),
    sku: fc.integer({ min: 0, max: 4 }),
    rev: fc.integer({ min: 1, max: 1000 }),
    ret: fc.boolean(),
    retChance: fc.integer({ min: 0, max: 9 }),
  })
  .map(({ acc, day, sku, rev, ret, retChance }): OrderLine => {
    const isReturn = ret && retChance === 0;
    return line(`A${acc}`, start + day, `S${sku}`, isReturn ? -rev : rev, { category: `C${sku % 3}`, isReturn, orderId: isReturn ? `C${day}` : `A${acc}|${start + day}` });
  });

describe('engine properties', () => {
  it('scores stay within 1–5 with a 13-point history, and ABC tiers never improve as revenue falls', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 60 }), (lines) => {
        const p = analyzePortfolio(bookOf(lines), { asOf });
        const rank = { A: 0, B: 1, C: 2 };
        for (const a of p.accounts) {
          expect(a.history).toHaveLength(13);
          for (const h of a.history) if (h.score !== null) expect(h.score >= 1 && h.score <= 5).toBe(true);
          expect(a.health.used.length).toBeGreaterThan(0);
        }
        const sorted = p.accounts.slice().sort((x, y) => y.revenueLast12 - x.revenueLast12);
        for (let i = 1; i < sorted.length; i++) {
          if (sorted[i].revenueLast12 < sorted[i - 1].revenueLast12) expect(rank[sorted[i].abcTier!]).toBeGreaterThanOrEqual(rank[sorted[i - 1].abcTier!]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same analysis whatever order the lines arrive in', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 40 }), fc.integer(), (lines, seed) => {
        const shuffled = lines.slice();
        let s = seed | 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (Math.imul(s, 1103515245) + 12345) | 0;
          const j = Math.abs(s) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        const a = analyzePortfolio(bookOf(lines), { asOf });
        const b = analyzePortfolio(bookOf(shuffled), { asOf });
        const view = (p: typeof a) => p.accounts.map((x) => [x.key, x.health.score, x.revenueLast12, x.history.map((h) => h.score), x.abcTier, x.alerts.length]);
        expect(view(b)).toEqual(view(a));
      }),
      { numRuns: 60 },
    );
  });
});

describe('the order book keeps aggregates, not lines', () => {
  it('folds lines of the same account, SKU and day into one entry and lines of one order into one order', () => {
    const book = new OrderBook();
    for (let i = 0; i < 1000; i++) book.add(line('A', d(2025, 6, 1), 'S', 1, { orderId: `O${i % 2}` }));
    const f = book.freeze();
    expect(book.linesAdded).toBe(1000);
    expect(f.entDate.length).toBe(1); // one (account, SKU, date) entry holding £1,000
    expect(f.entRev[0]).toBe(1000);
    expect(f.ordDate.length).toBe(2); // two orders
  });
});
