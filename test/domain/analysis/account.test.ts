import fc from "fast-check";
import {
  analyzeAccount,
  analyzePortfolio,
  buildPortfolio,
  churnRiskOf,
  quarterlyTargets,
  stakeholderCoverage,
  wholeMonthsBetween,
} from "../../../src/domain/analysis";
import { edate } from "../../../src/domain/dates";
import type { OrderLine } from "../../../src/domain/types";
import { bookOf, d, line } from "./helpers";

const asOf = d(2025, 6, 30);

function detailOf(
  lines: OrderLine[],
  id: string,
  ctx: Parameters<typeof analyzePortfolio>[1] = { asOf }
) {
  const book = bookOf(lines);
  const model = buildPortfolio(book, ctx);
  return analyzeAccount(model, id, ctx);
}

describe("category breakdown", () => {
  it("gives revenue, share, units, average unit price and a total row", () => {
    const det = detailOf(
      [
        line("A", d(2025, 3, 1), "x", 300, { category: "Fixings", quantity: 30 }),
        line("A", d(2025, 4, 1), "y", 100, { category: "Tools", quantity: 4 }),
        line("A", d(2025, 5, 1), "x", -60, { category: "Fixings", quantity: -6, orderId: "C1" }), // a return
        line("A", d(2024, 3, 1), "z", 999, { category: "Old" }), // outside the last 12 months
      ],
      "A"
    );
    // Fixings 300 − 60 = 240 (24 units, £10 each); Tools 100 (4 units, £25); total 340
    expect(det.categories).toEqual([
      { category: "Fixings", revenue: 240, share: 240 / 340, units: 24, averageUnitPrice: 10 },
      { category: "Tools", revenue: 100, share: 100 / 340, units: 4, averageUnitPrice: 25 },
    ]);
    expect(det.categoryTotal).toEqual({ revenue: 340, units: 28, averageUnitPrice: 340 / 28 });
  });

  it("lists categories not bought with the comparable buyers, their median spend and the priority of the one opportunity list", () => {
    // Peers of A: the 12 other accounts (no industry or tier: all accounts), all of them buying Base like A.
    // X: 6 of 12 (50% → High), spends 100…600 → median 350. Y: 3 of 12 (25% → Medium), 50/60/70 → 60.
    // Z: 2 of 12 → Low (17%, and fewer than 3 supporting accounts), 10/30 → 20.
    // Base → X has lift (6/13)/(6/13) = 1 < 1.2: no data rule adds to the evidence.
    const r = d(2025, 6, 1);
    const peers = "BCDEFGHIJKLM".split("");
    const lines = [
      line("A", r, "a", 10, { category: "Base" }),
      ...peers.map((p) => line(p, r, "a", 10, { category: "Base" })),
    ];
    peers
      .slice(0, 6)
      .forEach((p, i) => lines.push(line(p, r, "x", 100 * (i + 1), { category: "X" })));
    peers
      .slice(6, 9)
      .forEach((p, i) => lines.push(line(p, r, "y", 50 + 10 * i, { category: "Y" })));
    lines.push(line("J", r, "z", 10, { category: "Z" }), line("K", r, "z", 30, { category: "Z" }));
    const det = detailOf(lines, "A");
    expect(det.categoriesNotBought).toEqual([
      {
        category: "X",
        comparableBuyers: 6,
        comparableAccounts: 12,
        share: 0.5,
        medianSpend: 350,
        priority: "High",
      },
      {
        category: "Y",
        comparableBuyers: 3,
        comparableAccounts: 12,
        share: 0.25,
        medianSpend: 60,
        priority: "Medium",
      },
      {
        category: "Z",
        comparableBuyers: 2,
        comparableAccounts: 12,
        share: 2 / 12,
        medianSpend: 20,
        priority: "Low",
      },
    ]);
    // The same list, ranked, with expected value = likelihood × estimate: 0.5 × 350, 0.25 × 60, (2/12) × 20.
    expect(
      det.opportunities.map((o) => [
        o.rank,
        o.offer,
        o.priority,
        o.annualEstimate,
        Number(o.expectedValue!.toFixed(4)),
      ])
    ).toEqual([
      [1, "X", "High", 350, 175],
      [2, "Y", "Medium", 60, 15],
      [3, "Z", "Low", 20, 3.3333],
    ]);
    expect(det.opportunities[0].rationale).toBe("6 of 12 other accounts (50%) buy X.");
    // The plan's initiatives are the High and Medium ones, in the same order.
    expect(det.plan.initiatives.map((i) => i.title)).toEqual(["Introduce X", "Introduce Y"]);
  });
});

describe("top products, reorder period and overdue", () => {
  const lines = [
    // R: every 30 days, last 1 Apr → 90 days ago > 1.5 × 30 = 45 → overdue; next expected 1 May
    ...[d(2025, 1, 1), d(2025, 1, 31), d(2025, 3, 2), d(2025, 4, 1)].map((x) =>
      line("A", x, "R", 100, { productName: "Ratchet", quantity: 2 })
    ),
    // S: 1 May, 10 Jun → 40 days; 20 days since → not overdue
    line("A", d(2025, 5, 1), "S", 150, { productName: "Spanner" }),
    line("A", d(2025, 6, 10), "S", 150, { productName: "Spanner" }),
    // B1: 11 May, 31 May → 20 days; 30 days since = exactly 1.5 × 20 → not overdue (only past it)
    line("A", d(2025, 5, 11), "B1", 50),
    line("A", d(2025, 5, 31), "B1", 50),
    // T: one order → n/a
    line("A", d(2025, 6, 1), "T", 10),
  ];
  const det = detailOf(lines, "A");

  it("ranks by 12-month revenue and computes each column", () => {
    expect(det.topProducts.map((p) => [p.rank, p.sku, p.revenueLast12])).toEqual([
      [1, "R", 400],
      [2, "S", 300],
      [3, "B1", 100],
      [4, "T", 10],
    ]);
    expect(det.topProducts[0]).toMatchObject({
      name: "Ratchet",
      unitsLast12: 8,
      daysSinceLastOrder: 90,
      reorderDays: 30,
      nextExpectedOrder: d(2025, 5, 1),
      overdue: true,
    });
    expect(det.topProducts[1]).toMatchObject({
      daysSinceLastOrder: 20,
      reorderDays: 40,
      nextExpectedOrder: d(2025, 7, 20),
      overdue: false,
    });
    expect(det.topProducts[2]).toMatchObject({
      daysSinceLastOrder: 30,
      reorderDays: 20,
      overdue: false,
    });
    expect(det.topProducts[3]).toMatchObject({
      reorderDays: null,
      nextExpectedOrder: null,
      overdue: false,
    });
  });
});

describe("buying pattern", () => {
  it("gives the mean gap, median order, extremes, peak weekdays and months", () => {
    // 2 Jun (Mon) £100, 9 Jun (Mon) £300, 13 Jun (Fri) £200, 20 Jun (Fri) £50, 24 Jun (Tue) £1,000
    const det = detailOf(
      [
        line("A", d(2025, 6, 2), "s", 100),
        line("A", d(2025, 6, 9), "s", 300),
        line("A", d(2025, 6, 13), "s", 200),
        line("A", d(2025, 6, 20), "s", 50),
        line("A", d(2025, 6, 24), "s", 1000),
      ],
      "A"
    );
    expect(det.buyingPattern).toEqual({
      ordersLast12: 5,
      meanDaysBetweenOrders: 5.5, // (24 − 2) / 4
      medianOrderValue: 200,
      smallestOrder: 50,
      largestOrder: 1000,
      peakWeekdays: ["Monday", "Friday"], // 2 orders each; Monday has more revenue (400 vs 250)
      peakMonths: ["June"],
    });
  });
});

describe("seasonality", () => {
  it("averages each calendar month over two years and indexes it against the mean month", () => {
    // Orders on the 1st of every month of 2023 and 2024, £100 each, except January 2024 £300.
    const lines: OrderLine[] = [];
    for (let y = 2023; y <= 2024; y++)
      for (let m = 1; m <= 12; m++)
        lines.push(line("A", d(y, m, 1), "s", y === 2024 && m === 1 ? 300 : 100));
    const det = detailOf(lines, "A", { asOf: d(2024, 12, 31) });
    // January (100 + 300)/2 = 200, other months 100; mean month (200 + 11·100)/12 = 108.33;
    // index January 200/108.33·100 = 184.6, others 92.3
    expect(det.seasonality[0].revenue).toBe(200);
    expect(det.seasonality[0].index).toBeCloseTo(184.615, 2);
    expect(det.seasonality[5]).toMatchObject({ month: "June", revenue: 100 });
    expect(det.seasonality[5].index).toBeCloseTo(92.308, 2);
  });
});

describe("dormant products", () => {
  const lines = [
    // X: £200 in the prior 12 months, none since; last order 1 Mar 2024 → 15 months → High
    line("A", d(2024, 3, 1), "X", 200),
    // V: prior £100, last order 30 Nov 2024 (£10): EDATE(30 Nov, 7) = 30 Jun ≤ as-of → 7 months → High
    line("A", d(2024, 3, 1), "V", 100),
    line("A", d(2024, 11, 30), "V", 10),
    // U: prior £100, last order 31 Dec 2024 (£10): 6 months → Medium
    line("A", d(2024, 3, 1), "U", 100),
    line("A", d(2024, 12, 31), "U", 10),
    // Y: prior £200, last 12 £100 on 15 Feb 2025: down exactly 50% → dormant; 4 months → Medium
    line("A", d(2024, 5, 1), "Y", 200),
    line("A", d(2025, 2, 15), "Y", 100),
    // W: prior £100, £40 on 1 Apr 2025: down 60%; 2 months → Low
    line("A", d(2024, 6, 1), "W", 100),
    line("A", d(2025, 4, 1), "W", 40),
    // Z: prior £200, £101 since: down 49.5% → not dormant
    line("A", d(2024, 5, 1), "Z", 200),
    line("A", d(2025, 5, 1), "Z", 101),
  ];
  const det = detailOf(lines, "A");
  const bySku = Object.fromEntries(det.dormantProducts.map((p) => [p.sku, p]));

  it("lists products down ≥ 50% or gone, with churn risk by months since the last order", () => {
    expect(Object.keys(bySku).sort()).toEqual(["U", "V", "W", "X", "Y"]);
    expect(bySku.X).toMatchObject({
      revenuePrior12: 200,
      revenueLast12: 0,
      drop: 1,
      monthsSinceLastOrder: 15,
      churnRisk: "High",
    });
    expect(bySku.V).toMatchObject({ monthsSinceLastOrder: 7, churnRisk: "High" });
    expect(bySku.U).toMatchObject({ monthsSinceLastOrder: 6, churnRisk: "Medium" });
    expect(bySku.Y).toMatchObject({ drop: 0.5, monthsSinceLastOrder: 4, churnRisk: "Medium" });
    expect(bySku.W).toMatchObject({ monthsSinceLastOrder: 2, churnRisk: "Low" });
  });

  it("churn risk only rises with months (property)", () => {
    const rank = { Low: 0, Medium: 1, High: 2 };
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), (a, b) =>
        a <= b ? rank[churnRiskOf(a)] <= rank[churnRiskOf(b)] : true
      )
    );
  });

  it("whole months are the EDATE steps that still land on or before the date (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 40000, max: 50000 }), fc.nat(2000), (from, gap) => {
        const m = wholeMonthsBetween(from, from + gap);
        expect(edate(from, m)).toBeLessThanOrEqual(from + gap);
        expect(edate(from, m + 1)).toBeGreaterThan(from + gap);
      })
    );
  });
});

describe("catalog: product-line gaps and upsell; competitor displacement", () => {
  const r = d(2025, 6, 1);
  const catalog = [
    { sku: "T100", name: "Ties 100mm", productLine: "Cable Ties", listPrice: 5 },
    { sku: "T200", name: "Ties 200mm", productLine: "Cable Ties", listPrice: 6 },
    {
      sku: "T300",
      name: "Ties 300mm",
      productLine: "Cable Ties",
      listPrice: 8,
      premiumSku: "T300HD",
    },
    { sku: "T300HD", name: "Ties 300mm heavy duty", productLine: "Heavy Ties", listPrice: 10 },
  ];
  const lines = [
    line("A", r, "T100", 50, { category: "Cable Ties", quantity: 10 }),
    line("A", r, "T300", 80, { category: "Cable Ties", quantity: 10 }),
    // T200 buyers: B £30, C £50 → median 40
    line("B", r, "T200", 30, { category: "Cable Ties" }),
    line("C", r, "T200", 50, { category: "Cable Ties" }),
    line("B", r, "g", 20, { category: "Gloves" }),
    line("C", r, "g", 20, { category: "Gloves" }),
    line("D", r, "g", 20, { category: "Gloves" }),
  ];
  const accounts = ["A", "B", "C", "D"].map((accountId) => ({
    accountId,
    industry: "Electrical Contractor",
  }));
  const book = bookOf(lines);
  const model = buildPortfolio(book, { asOf, accounts, catalog });
  const det = analyzeAccount(model, "A", { catalog });

  it("ticks and crosses the variants of a line the account buys in part", () => {
    expect(det.productLineGaps).toEqual([
      {
        productLine: "Cable Ties",
        variants: [
          { sku: "T100", name: "Ties 100mm", bought: true, medianSpend: null },
          { sku: "T200", name: "Ties 200mm", bought: false, medianSpend: 40 },
          { sku: "T300", name: "Ties 300mm", bought: true, medianSpend: null },
        ],
        boughtCount: 2,
        missingCount: 1,
        estimate: 40,
        // A's comparable accounts buying what A buys of the line (T100 or T300): none (B and C
        // buy only T200), so no evidence for the gap
        lineBuyers: 0,
        gapBuyers: 0,
        gapVariant: null,
      },
    ]);
  });

  it("offers the premium alternative with the price difference", () => {
    // list £8 → £10: +25%; 10 units last year → £20 more
    expect(det.upsell).toEqual([
      expect.objectContaining({
        currentSku: "T300",
        premiumSku: "T300HD",
        currentPrice: 8,
        premiumPrice: 10,
        priceDifferencePct: 25,
        unitsLast12: 10,
      }),
    ]);
    expect(det.upsell[0].valueProposition).toMatch(/\+25% per unit.*20\.00 more per year/);
  });

  it("the current price is what the account pays (12 months' net revenue ÷ units); the premium is list against list", () => {
    // A bought 10 × T300 for £72 (list £8): pays £72 / 10 = £7.20 a unit. Premium T300HD list £10:
    // like for like (10 − 8) / 8 = +25%; at A's own price level the premium is 7.20 × 1.25 = £9.00
    // a unit, so 10 units × £1.80 = £18.00 more per year (= £72 × 25%). Before: list £10 against
    // the discounted £7.20 paid, +38.9% and £28.00, A's discount read as the premium.
    const paid = bookOf([line("A", r, "T300", 72, { category: "Cable Ties", quantity: 10 })]);
    const u = analyzeAccount(buildPortfolio(paid, { asOf, catalog }), "A", { catalog }).upsell[0];
    expect(u).toEqual(
      expect.objectContaining({
        currentPrice: 7.2,
        currentPriceBasis: "paid",
        premiumPrice: 10,
        priceDifferencePct: 25,
        unitsLast12: 10,
        spendLast12: 72,
        extraPerYear: 18,
        capped: false,
      })
    );
    expect(u.valueProposition).toBe(
      "Offer Ties 300mm heavy duty in place of Ties 300mm (+25% per unit: list £8.00 against £10.00; at the £7.20 a unit it pays over the last 12 months, £9.00): on last year's 10 units (£72.00) that is £18.00 more per year."
    );
  });

  it("no price a unit to be had (the 10 units came back for no credit): the list price, said to be one", () => {
    // bought 10 for £80, sent back 10 for £0 (a replacement): net £80 on 0 units, no price a unit
    // → list £8 against £10 list, +25%
    const replaced = bookOf([
      line("A", r, "T300", 80, { category: "Cable Ties", quantity: 10 }),
      line("A", r + 1, "T300", 0, { category: "Cable Ties", quantity: -10 }),
    ]);
    const u = analyzeAccount(buildPortfolio(replaced, { asOf, catalog }), "A", { catalog }).upsell;
    expect(u[0]).toEqual(expect.objectContaining({ currentPrice: 8, currentPriceBasis: "list" }));
    expect(u[0].valueProposition).toContain("(+25% per unit: list prices, £8.00 against £10.00)");
  });

  it("a culture writes the units its way: de-DE 1.250 units, 12,5 units; none: 1250 as before", () => {
    // A buys 1,250 T300 at £8 list; the premium is £10: 1,250 × £2 = £2,500 more a year
    const many = bookOf([line("A", r, "T300", 10000, { category: "Cable Ties", quantity: 1250 })]);
    const units = (culture?: string, b = many) =>
      analyzeAccount(buildPortfolio(b, { asOf, catalog, culture }), "A", { catalog }).upsell[0]
        .valueProposition;
    // its own spend £10,000 × the list premium (10 − 8) / 8 = 25% → £2,500
    expect(units("de-DE")).toContain(
      "on last year's 1.250 units (10.000,00\u00a0£) that is 2.500,00\u00a0£ more"
    );
    expect(units()).toContain("on last year's 1250 units (£10,000.00) that is £2,500.00 more");
    // 12.5 units (metres of cable, say): 12.5 × £2 = £25
    const part = bookOf([line("A", r, "T300", 100, { category: "Cable Ties", quantity: 12.5 })]);
    expect(units("de-DE", part)).toContain(
      "on last year's 12,5 units (100,00\u00a0£) that is 25,00\u00a0£ more"
    );
  });

  it("flags categories most same-industry accounts buy and this one does not", () => {
    // Gloves: B, C, D = 3 of 3 other Electrical Contractors
    expect(det.competitorDisplacement).toEqual([
      expect.objectContaining({
        category: "Gloves",
        industryBuyers: 3,
        industryAccounts: 3,
        share: 1,
        medianSpend: 20,
      }),
    ]);
    expect(det.competitorDisplacement[0].message).toMatch(/probably bought elsewhere/);
  });

  it("the industry matrix's reason says what such accounts usually buy, not that this one buys it", () => {
    // "(alongside Cable Ties, Electrical)" read as if the account bought Electrical, which the
    // same QBR recommends to it when it does not
    expect(det.crossSell.find((c) => c.offer === "Hand Tools")!.rationale).toBe(
      "Electrical Contractor accounts usually buy Cable Ties and Electrical, and also need Hand Tools."
    );
  });

  it("adds the curated industry and product matrices, marked curated", () => {
    const curated = det.crossSell.filter((c) => c.curated);
    // Electrical Contractor targets: Hand Tools, Power Tools, Test Equipment, Safety & PPE;
    // product matrix: buys "Cable Ties" → Cable Tie Gun, Cable Clips, Spiral Wrap
    expect(curated.filter((c) => c.source === "industry matrix").map((c) => c.offer)).toEqual([
      "Hand Tools",
      "Power Tools",
      "Test Equipment",
      "Safety & PPE",
    ]);
    expect(
      curated.filter((c) => c.source === "product matrix").map((c) => [c.offer, c.priority])
    ).toEqual([
      ["Cable Tie Gun", "High"],
      ["Cable Clips", "Medium"],
      ["Spiral Wrap", "Medium"],
    ]);
    const withUser = analyzeAccount(model, "A", {
      catalog,
      curatedRules: [
        {
          theyBuy: "cable ties",
          considerSelling: "Label Printer",
          rationale: "Identify runs",
          priority: "Low",
        },
      ],
    });
    expect(withUser.crossSell.find((c) => c.source === "user rule")).toMatchObject({
      offer: "Label Printer",
      curated: true,
      priority: "Low",
    });
  });
});

describe("account plan", () => {
  it("splits a +50% target into rising quarters that add up", () => {
    // baseline 1,000, uplift 500, weights 1:2:3:4 → 250 + 50, 250 + 100, 250 + 150, 250 + 200
    expect(quarterlyTargets(1000).map((q) => q.target)).toEqual([300, 350, 400, 450]);
  });

  it("quarterly targets rise and sum to baseline × 1.5 (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e9, noNaN: true }), (b) => {
        const t = quarterlyTargets(b).map((q) => q.target);
        expect(t[0] + t[1] + t[2] + t[3]).toBeCloseTo(b * 1.5, 3);
        for (let i = 1; i < 4; i++) expect(t[i]).toBeGreaterThan(t[i - 1]);
      })
    );
  });

  it("reports stakeholder coverage from the contacts", () => {
    const cov = stakeholderCoverage([
      { accountId: "A", name: "John Smith", role: "Purchasing Manager" },
      { accountId: "A", name: "Mike Brown", role: "MD" },
    ]);
    expect(cov.filter((c) => c.held).map((c) => [c.role, c.names])).toEqual([
      ["Economic Buyer", ["Mike Brown"]],
      ["Purchaser", ["John Smith"]],
    ]);
    expect(cov.filter((c) => !c.held).map((c) => c.role)).toEqual([
      "Technical Buyer",
      "User",
      "Finance",
      "Legal",
    ]);
  });

  it("builds targets, initiatives and actions from the analysis", () => {
    const r = d(2025, 6, 1);
    // Three other accounts buy A and B (a recommendation needs 3 supporting accounts, issue 15).
    const lines = [line("A", d(2025, 4, 1), "a", 1000, { category: "A" })];
    for (const o of ["B", "C", "D"])
      lines.push(line(o, r, "a", 10, { category: "A" }), line(o, r, "b", 70, { category: "B" }));
    const book = bookOf(lines);
    const model = buildPortfolio(book, {
      asOf,
      contacts: [{ accountId: "A", name: "Jo", role: "Buyer" }],
    });
    const plan = analyzeAccount(model, "A").plan;
    expect(plan).toMatchObject({
      revenueBaseline: 1000,
      revenueTarget: 1500,
      categoriesNow: 1,
      categoriesTarget: 2,
      contactsNow: 1,
      contactsTarget: 6,
    });
    // whitespace B (3 of 3 other accounts buy it, £70) becomes an initiative; 90 days silent → Stage 4 win-back (90+ days, RULES.md §2.4)
    expect(plan.initiatives.map((i) => i.title)).toEqual([
      "Introduce B",
      "Win back: Stage 4 – Recovery offer",
    ]);
    // With one other account buying B, B is a Low opportunity: not an initiative (a recommendation needs 3 supporting accounts, issue 15).
    const one = bookOf([
      line("A", d(2025, 4, 1), "a", 1000, { category: "A" }),
      line("B", r, "a", 10, { category: "A" }),
      line("B", r, "b", 70, { category: "B" }),
    ]);
    const d1 = analyzeAccount(buildPortfolio(one, { asOf }), "A");
    expect(d1.opportunities.map((o) => [o.offer, o.priority])).toEqual([["B", "Low"]]);
    expect(d1.plan.initiatives.map((i) => i.title)).toEqual(["Win back: Stage 4 – Recovery offer"]);
    expect(plan.nextActions[0]).toBe(
      "Recovery offer: one-time 20% discount, free delivery for 3 months, samples of new lines, extended credit terms"
    );
    expect(plan.risks.some((x) => /No order for 90 days/.test(x))).toBe(true);
  });
});
