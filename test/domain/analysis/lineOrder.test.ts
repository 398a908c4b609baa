/**
 * The same order lines in any order give the same analysis: an export sorted by customer, by
 * product or not at all says what the one sorted by date says.
 */
import fc from "fast-check";
import { analyzePortfolio, OrderBook } from "../../../src/domain/analysis";
import type { OrderLine } from "../../../src/domain/types";
import { d, line } from "./helpers";

const asOf = d(2025, 6, 30);

/** The portfolio of `lines`, added in that order, the book closed (as `kap` reads a file) or open (as the pane does). */
function portfolioOf(lines: readonly OrderLine[], closed: boolean) {
  const b = new OrderBook();
  for (const l of lines) b.add(l);
  if (closed) b.close();
  return analyzePortfolio(b, { asOf });
}

describe("order lines in any order", () => {
  // Account A's 12 months to 30 Jun 2025: four orders, two of them on its last day.
  // Average order (100 + 100 + 50 + 350) / 4 = 150. The last order is the day's higher-numbered
  // one, INV-1002 (£350): 350 / 150 = 233%, over 150%: an Opportunity. Were it INV-998 (£50),
  // 50 / 150 = 33%: Critical.
  const a = (id: string, date: number, revenue: number) =>
    line("A", date, "s", revenue, { orderId: id });
  const lines = [
    a("INV-0990", d(2025, 1, 10), 100),
    a("INV-0995", d(2025, 3, 10), 100),
    a("INV-998", d(2025, 6, 20), 50),
    a("INV-1002", d(2025, 6, 20), 350),
  ];

  it.each([
    ["as numbered", lines, true],
    ["the day's later number first", [lines[0], lines[1], lines[3], lines[2]], true],
    ["newest first", [...lines].reverse(), true],
    ["newest first, book still open", [...lines].reverse(), false],
  ])("the last order of a day with two is the higher-numbered one (%s)", (_name, order, closed) => {
    const acc = portfolioOf(order, closed).accounts[0];
    const last = acc.alerts.find((x) => x.kind.startsWith("lastOrder"))!;
    expect(last.kind).toBe("lastOrderHigh");
    expect(last.values).toMatchObject({ lastOrderValue: 350, averageOrderLast12: 150 });
    expect(last.values.ratio).toBeCloseTo(350 / 150, 12);
  });

  it("switched categories are listed by their share, the largest first", () => {
    // Baseline (30 Mar 2024, 31 Mar 2025]: A 500, C 200 (20%), B 300 (30%) = 1,000; the last
    // quarter buys only A. C is met first in the file, B is listed first.
    const sw = [
      line("S", d(2024, 10, 1), "c", 200, { category: "C" }),
      line("S", d(2024, 11, 1), "b", 300, { category: "B" }),
      line("S", d(2024, 12, 1), "a", 500, { category: "A" }),
      line("S", d(2025, 6, 1), "a", 100, { category: "A" }),
    ];
    const flags = portfolioOf(sw, true).accounts[0].riskFlags.filter(
      (f) => f.kind === "switchedCategory"
    );
    expect(flags.map((f) => [f.values.category, f.values.share])).toEqual([
      ["B", 0.3],
      ["C", 0.2],
    ]);
  });

  it("any order of the same lines gives the same accounts, alerts and flags in the same order (property)", () => {
    // Three accounts over two years: orders of several lines, two orders on one day, returns,
    // new categories and new people ordering in the last 30 days, categories dropped.
    const all: OrderLine[] = [];
    let n = 1000;
    const days = [d(2024, 5, 2), d(2024, 9, 9), d(2024, 12, 1), d(2025, 2, 3), d(2025, 4, 4)];
    for (const acc of ["K1", "K2", "K3"]) {
      for (const [i, day] of days.entries()) {
        const id = `SO-${n++}`;
        all.push(
          line(acc, day, `p${i % 3}`, 40 + 10 * i, {
            orderId: id,
            category: `C${i % 3}`,
            orderedBy: "Sam",
          })
        );
        all.push(
          line(acc, day, `q${i % 2}`, 25, { orderId: id, category: `D${i % 2}`, orderedBy: "Sam" })
        );
      }
      // two orders on the last day, numbered apart; a return; new categories and people
      const more: [number, string, number, string, string, number][] = [
        [d(2025, 6, 20), "p0", 60, "C0", "Alex", 1],
        [d(2025, 6, 20), "n1", 400, "New1", "Jo", 1],
        [d(2025, 6, 18), "n2", 90, "New2", "Ann", 1],
        [d(2025, 6, 25), "p1", -30, "C1", "", -1],
      ];
      for (const [day, sku, revenue, category, orderedBy, quantity] of more)
        all.push(
          line(acc, day, sku, revenue, {
            orderId: `${quantity < 0 ? "CN" : "SO"}-${n++}`,
            category,
            quantity,
            ...(orderedBy ? { orderedBy } : {}),
          })
        );
    }
    const expected = JSON.stringify(portfolioOf(all, true).accounts);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }),
        fc.boolean(),
        (shuffled, closed) => {
          expect(JSON.stringify(portfolioOf(shuffled, closed).accounts)).toBe(expected);
        }
      ),
      { numRuns: 60 }
    );
  });
});
