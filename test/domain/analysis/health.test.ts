import { analyzePortfolio, historyDates } from "../../../src/domain/analysis";
import { eomonth } from "../../../src/domain/dates";
import { bookOf, d, line } from "./helpers";

const asOf = d(2025, 6, 30);

describe("health inputs and score as of a date", () => {
  // Account H: orders 2025-06-20 £300 (A/a1), 2025-05-10 £200 (B/b1), 2025-04-15 £100 (A/a2),
  // 2025-02-01 £100 (A/a1), 2024-06-15 £400 (C/c1). Engagement 3, 0 days beyond terms.
  const book = bookOf([
    line("H", d(2025, 6, 20), "a1", 300, { category: "A" }),
    line("H", d(2025, 5, 10), "b1", 200, { category: "B" }),
    line("H", d(2025, 4, 15), "a2", 100, { category: "A" }),
    line("H", d(2025, 2, 1), "a1", 100, { category: "A" }),
    line("H", d(2024, 6, 15), "c1", 400, { category: "C" }),
  ]);
  const p = analyzePortfolio(book, {
    asOf,
    accounts: [{ accountId: "H", engagement: 3, daysBeyondTerms: 0 }],
  });
  const h = p.accounts[0];

  it("computes every input a user would check", () => {
    const i = h.health.inputs;
    expect(i.daysSinceLastOrder).toBe(10); // 30 June − 20 June
    // last quarter (30 Mar, 30 Jun]: 20 Jun, 10 May, 15 Apr = 3; previous (30 Dec, 30 Mar]: 1 Feb = 1
    expect([i.ordersLastQuarter, i.ordersPreviousQuarter]).toEqual([3, 1]);
    expect(i.ordersChange).toEqual({ kind: "pct", pct: 200 }); // (3−1)/1
    // last 12 (30 Jun 2024, 30 Jun 2025]: 300+200+100+100 = 700; prior 12: 15 Jun 2024 = 400
    expect([i.revenueLast12, i.revenuePrior12]).toEqual([700, 400]);
    expect(i.revenueChange).toEqual({ kind: "pct", pct: 75 }); // 300/400
    expect([i.categoriesLast12, i.productsLast12]).toEqual([2, 3]); // A, B; a1, a2, b1
  });

  it("combines the factors with the default weights", () => {
    // recency 10 days → 4; frequency +200% → 5; revenue +75% → 5; diversity 2 → 3; engagement 3; payment 0 → 4
    expect(h.health.factors).toEqual({
      recency: 4,
      frequency: 5,
      revenue: 5,
      diversity: 3,
      engagement: 3,
      payment: 4,
    });
    // 0.25·4 + 0.2·5 + 0.2·5 + 0.15·3 + 0.1·3 + 0.1·4 = 1 + 1 + 1 + 0.45 + 0.3 + 0.4 = 4.15
    expect(h.health.score).toBe(4.15);
    expect(h.health.finalBand).toBe("Healthy");
    expect(h.health.isOverride).toBe(false);
  });

  it("keeps a history at the 12 month-ends, oldest first, then as-of", () => {
    expect(historyDates(asOf)).toEqual(
      [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((k) => eomonth(asOf, -k)).concat(asOf)
    );
    expect(h.history.map((x) => x.date)).toEqual(historyDates(asOf));
    // 31 May 2025: last order 10 May → 21 days → 3. Quarter (28 Feb, 31 May]: 2 orders vs (30 Nov, 28 Feb]: 1 → +100% → 5.
    // 12 months (31 May 2024, 31 May 2025] = 800, prior empty, first order 15 Jun 2024 inside → revenue n/a (left out).
    // Categories A, B, C → 3. Engagement 3, payment 4.
    // (25·3 + 20·5 + 15·3 + 10·3 + 10·4) / 80 = 290/80 = 3.625 → 3.63
    expect(h.history[11]).toEqual({ date: d(2025, 5, 31), score: 3.63, band: "Stable" });
    // 30 Jun 2024: last order 15 Jun → 15 days → 3; frequency n/a (first order in the later quarter); revenue n/a;
    // one category, one product → 1. (25·3 + 15·1 + 10·3 + 10·4) / 60 = 160/60 = 2.666… → 2.67
    expect(h.history[0]).toEqual({ date: d(2024, 6, 30), score: 2.67, band: "At Risk" });
    expect(h.history[12].score).toBe(4.15);
    expect(h.trend).toBe("up"); // 4.15 against 3.63
  });
});

describe("recency boundaries and the n/a / +∞ / both-empty rules", () => {
  const book = bookOf([
    line("R7", d(2025, 6, 23), "s", 10), // 7 days before 30 Jun
    line("R8", d(2025, 6, 22), "s", 10), // 8 days
    line("NEW", d(2025, 6, 1), "s", 10), // first order ever inside the last quarter
    line("LAPSED", d(2023, 1, 10), "s", 100), // ordered long ago, came back
    line("LAPSED", d(2025, 6, 1), "s", 50),
    line("GONE", d(2022, 1, 1), "s", 100), // nothing in any window
  ]);
  const p = analyzePortfolio(book, { asOf });
  const row = (id: string) => p.accounts.find((a) => a.accountId === id)!;

  it("scores 7 days as 5 and 8 days as 4", () => {
    expect(row("R7").health.factors.recency).toBe(5);
    expect(row("R8").health.factors.recency).toBe(4);
  });

  it("leaves frequency and revenue out when the first order is inside the later period", () => {
    const n = row("NEW").health;
    expect(n.inputs.ordersChange).toEqual({ kind: "na" });
    expect(n.inputs.revenueChange).toEqual({ kind: "na" });
    expect(n.used).toEqual(["recency", "diversity"]);
    // recency 29 days → 3, diversity 1 product → 1: (25·3 + 15·1)/40 = 90/40 = 2.25
    expect(n.score).toBe(2.25);
  });

  it("counts a lapsed account that came back as +∞ (5)", () => {
    const l = row("LAPSED").health;
    expect(l.inputs.ordersChange).toEqual({ kind: "inf" });
    expect(l.inputs.revenueChange).toEqual({ kind: "inf" });
    expect([l.factors.frequency, l.factors.revenue]).toEqual([5, 5]);
  });

  it("scores both periods empty as 1", () => {
    const g = row("GONE").health;
    expect(g.inputs.ordersChange).toEqual({ kind: "none" });
    expect(g.inputs.revenueChange).toEqual({ kind: "none" });
    expect(g.factors).toEqual({
      recency: 1,
      frequency: 1,
      revenue: 1,
      diversity: 1,
      engagement: null,
      payment: null,
    });
    expect(g.score).toBe(1);
    expect(g.finalBand).toBe("Critical");
  });

  it("ignores lines after the as-of date", () => {
    const later = analyzePortfolio(
      bookOf([line("X", d(2025, 6, 1), "s", 10), line("X", d(2025, 7, 5), "s", 99)]),
      { asOf }
    );
    expect(later.accounts[0].health.inputs.lastOrderDate).toBe(d(2025, 6, 1));
    expect(later.accounts[0].revenueLast12).toBe(10);
  });
});

describe("health override", () => {
  it("wins over the computed band and is flagged", () => {
    const p = analyzePortfolio(bookOf([line("O", d(2025, 6, 29), "s", 10)]), {
      asOf,
      accounts: [
        { accountId: "O", healthOverride: { band: "Critical", reason: "Disputed invoices" } },
      ],
    });
    const h = p.accounts[0].health;
    expect(h.finalBand).toBe("Critical");
    expect(h.computedBand).not.toBe("Critical");
    expect(h.isOverride).toBe(true);
    expect(h.override?.reason).toBe("Disputed invoices");
    expect(p.dashboard.bands.find((b) => b.band === "Critical")!.count).toBe(1);
  });
});
