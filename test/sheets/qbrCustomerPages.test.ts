/**
 * What the QBR's customer pages may say (a sales director's review of the sample's QBRs, as of
 * 31/10/2026): neutral facts about the customer's own buying, never our grading of them or what we
 * expect to sell them. That material is the sales team's, on the last sheet, "Preparation
 * (internal)" (qbrPreparationInternal.test.ts is the model for the split).
 *
 * 1. The health score graded the customer on the cover and the Partnership page, with a table of
 *    its factors 1–5 (C0135: Recency 1, Frequency 1, Revenue 1, Engagement 1). PRODUCT.md §2.9's
 *    partnership summary is customer since, tier, contact, 12-month orders and spend, savings.
 *    Book H, account S (Plumber; Accounts table: engagement 4, 0 days beyond terms): X1 £30 on
 *    15/09/2026 and £20 on 20/10/2026. Its score as of 31/10/2026: Recency 11 days → 4; Frequency
 *    and Revenue n/a (its first order is inside the 3 and 12 months); Diversity one product → 1;
 *    Engagement 4; Payment on time (0) → 4: (0.25·4 + 0.15·1 + 0.10·4 + 0.10·4) / 0.60 =
 *    1.95 / 0.60 = 3.25, Stable. Its FY2026 Q3 (Jul–Sep): 1 order, £30; 12 months to 30/09/2026
 *    the same.
 * 2. The Insights page gave each recommendation's annual £ estimate (what we expect to sell them)
 *    and an upsell's price comparison ending "… that is £4,631.35 more per year" (C0117), of the 12
 *    months to the as-of beside a page of the 12 months to 30/09/2026; C0109's £57.93 a year was
 *    offered £4,604.49 of recommendations. Now the page says what and why; the internal sheet has
 *    the estimates with their period, and says so beside one above the account's own 12 months.
 *    - Book H: B, C, D (Plumbers) buy X1 £50 (B also on 01/10/2025, where the data starts), Y1 £1,000 / £1,200 / £1,400 and Z1 £40 each
 *      (01/09/2026): S's gaps Y (3 of 3, median £1,200) and Z (3 of 3, median £40), both High, Y
 *      first (larger expected value). S's own spend in the 12 months to 31/10/2026: £30 + £20 =
 *      £50. Y's £1,200.00 is 24× that: flagged; Z's £40.00 is within it. Together £1,240.00, 24.8
 *      → 25×. (X → Y: 3 of 4 baskets buy X and Y, Y 3 of 4: lift 1.0, no rule.)
 *    - Book U: A buys Sealant (list £4.00, premium Sealant Pro at £6.00 list) 60 units for £180 on
 *      15/09/2026 and 40 for £120 on 10/10/2026: £3.00 a unit. B, C, D buy Sealant Pro, E
 *      Sealant: 3 of the 4 other accounts buying either buy the premium (75%, High). The upsell:
 *      +50% a unit at list, £3.00 carried to £4.50; on the 100 units of the 12 months to
 *      31/10/2026 (£300.00), £150.00 more a year — the page's 12 months to 30/09/2026 have 60 units.
 * 3. The lost account's QBR was a quarter of zeros (C0135). Book L, account L, marked lost
 *    ("Moved to a national distributor on price"): 10/01/2025 P1 £100 (2 units); 15/06/2025 P2 £300
 *    (3); 05/11/2025 P1 £120 (4); 20/01/2026 P2 returned −£100 (1); 13/02/2026 P1 £60 (2); list
 *    prices P1 £40, P2 £120 a unit. Its last order 13/02/2026, 260 days before 31/10/2026. Its pages
 *    look back on the 12 months to 28/02/2026 (the month of its last order), (28/02/2025,
 *    28/02/2026]: 3 orders worth 300 + 120 + 60 = £480, 1 return of −£100, spend after returns
 *    £380; products P2 £200 (3 − 1 = 2 units) and P1 £180 (6 units): 2; categories B £200 (200 /
 *    380 = 53%) and A £180 (47%); savings: list 6 × 40 + 3 × 120 − 1 × 120 = £480 less the £380
 *    paid = £100. B (an active account) orders P1 £200 on 01/12/2025 and £100 on 15/09/2026.
 */
import ExcelJS from "exceljs";
import { buildPortfolio, qbrData, type QbrData } from "../../src/domain/analysis";
import type { AccountRecord, CatalogItem, OrderLine } from "../../src/domain/types";
import type { Upsell } from "../../src/domain/analysis/types";
import type { Opportunity } from "../../src/domain/analysis";
import { customerReason, estimateSentence } from "../../src/sheets/estimateBasis";
import { layoutOptions } from "../../src/sheets/options";
import { finishForPrint } from "../../src/sheets/print";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const Q3 = { year: 2026, q: 3 } as const;
const INTERNAL = "Preparation (internal)";

/** The QBR as a user opens it: laid out, finished for print, written as .xlsx and read back. */
async function workbook(q: QbrData): Promise<ExcelJS.Workbook> {
  const specs = qbrSheets(q, layoutOptions({ asOf, currency: "GBP" })).map((s) =>
    finishForPrint(s, { paper: "A4", asOfText: "As of 31/10/2026" })
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await toXlsxBytes(specs)) as unknown as ExcelJS.Buffer);
  return wb;
}
/** Every written value of a sheet (a merged cell's once), in row order. */
function values(ws: ExcelJS.Worksheet): unknown[] {
  const out: unknown[] = [];
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (!c.isMerged || c.master.address === c.address) out.push(c.value);
    })
  );
  return out;
}
const textsOf = (ws: ExcelJS.Worksheet): string[] =>
  values(ws).filter((v): v is string => typeof v === "string");
/** Each row's values from column A (ExcelJS's row.values starts at index 1). */
function rows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}
/** The sheet row (1-based) whose first cell is `first`. */
function rowNumber(ws: ExcelJS.Worksheet, first: string): number {
  let found = 0;
  ws.eachRow((row, r) => {
    if (!found && row.getCell(1).value === first) found = r;
  });
  return found;
}
/** The value beside a label (the label in A, its value in B). */
function beside(ws: ExcelJS.Worksheet, label: string): unknown {
  const r = rows(ws).find((x) => x[0] === label);
  if (!r) throw new Error(`no row "${label}" on ${ws.name}`);
  return r[1];
}
const customerSheets = (wb: ExcelJS.Workbook) => wb.worksheets.filter((w) => w.name !== INTERNAL);

// ---------------------------------------------------------------- book H: health and estimates

const plumbers: AccountRecord[] = [
  { accountId: "S", industry: "Plumber", engagement: 4, daysBeyondTerms: 0 },
  ...["B", "C", "D"].map((accountId) => ({ accountId, industry: "Plumber" })),
];
const x1 = (id: string, date: number, v: number) => line(id, date, "X1", v, { category: "X" });
const bookH: OrderLine[] = [
  // (the data starts in the first month of the 12 months to 30/09/2026: no "data from" in the labels)
  x1("B", d(2025, 10, 1), 50),
  x1("S", d(2026, 9, 15), 30),
  x1("S", d(2026, 10, 20), 20),
  ...(
    [
      ["B", 1000],
      ["C", 1200],
      ["D", 1400],
    ] as const
  ).flatMap(([id, y]) => [
    x1(id, d(2026, 9, 1), 50),
    line(id, d(2026, 9, 1), "Y1", y, { category: "Y" }),
    line(id, d(2026, 9, 1), "Z1", 40, { category: "Z" }),
  ]),
];
const qbrS = qbrData(buildPortfolio(bookOf(bookH), { asOf, accounts: plumbers }), "S", Q3);

describe("1. the health score: the internal sheet's, never a customer page's", () => {
  test("the data: 3.25, Stable, its factors 4, n/a, n/a, 1, 4, 4", () => {
    expect([qbrS.health.score, qbrS.health.band]).toEqual([3.25, "Stable"]);
    expect(qbrS.health.factors.map((f) => f.score)).toEqual([4, null, null, 1, 4, 4]);
  });

  test("the cover and the Partnership page: orders, spend and savings, no score, band or factor", async () => {
    const wb = await workbook(qbrS);
    const cover = wb.getWorksheet("Cover")!;
    // the cover's figures: the quarter's and the 12 months' orders and spend, no fifth row
    expect(rows(cover).filter((r) => typeof r[1] === "number")).toEqual([
      ["Orders, FY2026 Q3", 1],
      ["Spend after returns, FY2026 Q3", 30],
      ["Orders, 12 months to 30/09/2026", 1],
      ["Spend after returns, 12 months to 30/09/2026", 30],
    ]);
    const partnership = wb.getWorksheet("Partnership")!;
    expect(
      rows(partnership)
        .slice(2, 10)
        .map((r) => r[0])
    ).toEqual([
      "Partnership since",
      "Account tier",
      "Your dedicated contact",
      "Primary contact",
      "Orders, 12 months to 30/09/2026",
      "Spend after returns, 12 months to 30/09/2026",
      // (the 12 months before start before the data, 01/10/2025: said)
      "Change vs the 12 months to 30/09/2025 (data from 01/10/2025)",
      "Savings vs list price, 12 months to 30/09/2026",
    ]);
    // nothing on a page the customer reads grades them: no score, band, factor or its basis
    const factor = /^(Recency|Frequency|Diversity|Engagement|Payment)$/;
    for (const ws of customerSheets(wb))
      expect([
        ws.name,
        textsOf(ws).filter(
          (t) =>
            /health|score|\b(Healthy|Stable|At Risk|Critical)\b|since last order/i.test(t) ||
            factor.test(t)
        ),
        values(ws).filter((v) => v === 3.25),
      ]).toEqual([ws.name, [], []]);
  });

  test("the internal sheet: the score, its band and each factor with its basis and source", async () => {
    const prep = (await workbook(qbrS)).getWorksheet(INTERNAL)!;
    expect(beside(prep, "Health score (1–5), as of 31/10/2026")).toBe(3.25);
    expect(beside(prep, "Band, as of 31/10/2026")).toBe("Stable: identify growth opportunities");
    const all = rows(prep);
    const at = all.findIndex((r) => r[0] === "Factor" && r[1] === "Based on");
    expect(all.slice(at, at + 7)).toEqual([
      ["Factor", "Based on", "Score", "Source"],
      ["Recency", "11 days since last order", 4, "order lines"],
      [
        "Frequency",
        "2 orders in the 3 months to 31/10/2026 vs 0 in the 3 before: too little history (n/a)",
        "n/a",
        "order lines",
      ],
      [
        "Revenue",
        "revenue, 12 months to 31/10/2026: too little history (n/a)",
        "n/a",
        "order lines",
      ],
      ["Diversity", "1 category, 1 product in the 12 months to 31/10/2026", 1, "order lines"],
      ["Engagement", "4 of 5", 4, "accounts table"],
      ["Payment", "0 days beyond terms on average", 4, "accounts table"],
    ]);
  });
});

describe("2. recommendations: what and why for the customer, what they are worth to us internally", () => {
  test("the Insights page: each recommendation's reasons, no estimate column and no £ beside them", async () => {
    const wb = await workbook(qbrS);
    const all = rows(wb.getWorksheet("Insights & offers")!);
    const at = all.findIndex((r) => r[0] === "Recommendation");
    expect(all.slice(at, at + 3)).toEqual([
      ["Recommendation", "Priority", "Priority", "Why"],
      ["1. Y", "High", "High", "3 of 3 comparable Plumber accounts (100%) buy Y."],
      ["2. Z", "High", "High", "3 of 3 comparable Plumber accounts (100%) buy Z."],
    ]);
    // the estimates (£1,200, £40) are on no customer page, in a cell or in words
    for (const ws of customerSheets(wb))
      expect([
        ws.name,
        values(ws).filter((v) => v === 1200 || v === 40),
        textsOf(ws).filter((t) => /£1,200|£40\b|\bestimates?\b|a year/i.test(t)),
      ]).toEqual([ws.name, [], []]);
  });

  test("the internal sheet: each estimate with its period and whose spend it is; Y's £1,200.00, 24× S's £50.00, flagged beside it", async () => {
    const prep = (await workbook(qbrS)).getWorksheet(INTERNAL)!;
    const all = rows(prep);
    const at = all.findIndex((r) => r[0] === "Recommendation (Insights page)");
    expect(all[at - 2][0]).toBe("Recommendations: what each is worth to us");
    expect(all.slice(at, at + 5)).toEqual([
      [
        "Recommendation (Insights page)",
        "How it is estimated",
        "Annual estimate, as of 31/10/2026",
      ],
      [
        "1. Y",
        "Estimate, 12 months to 31/10/2026: the median 12-month spend of the 3 comparable Plumber accounts that buy Y.",
        1200,
      ],
      [
        "Out of scale with the account",
        "£1,200.00 is 24× this account's £50.00 in the 12 months to 31/10/2026: comparable accounts are larger; size the offer to the account.",
      ],
      [
        "2. Z",
        "Estimate, 12 months to 31/10/2026: the median 12-month spend of the 3 comparable Plumber accounts that buy Z.",
        40,
      ],
      [
        "The 2 estimates add up to £1,240.00 a year, 25× this account's £50.00 in the 12 months to 31/10/2026.",
      ],
    ]);
    // flagged in red, the estimate itself unchanged (it is the list's, as on every other sheet)
    const flag = rowNumber(prep, "Out of scale with the account");
    expect(flag).toBe(rowNumber(prep, "1. Y") + 1);
    expect(prep.getCell(`B${flag}`).font?.bold).toBe(true);
    // (PALETTE.badFont, as the "Before you send this" warnings)
    expect(prep.getCell(`B${flag}`).font?.color?.argb).toBe("FF9C0006");
    expect(qbrS.recommendations.map((o) => o.annualEstimate)).toEqual([1200, 40]);
  });

  // book U: an upsell
  const catalog: CatalogItem[] = [
    { sku: "P", name: "Sealant", category: "Sealants", listPrice: 4, premiumSku: "PP" },
    { sku: "PP", name: "Sealant Pro", category: "Sealants", listPrice: 6 },
  ];
  const sealant = (id: string, date: number, sku: string, units: number, v: number) =>
    line(id, date, sku, v, { category: "Sealants", quantity: units });
  const qbrA = qbrData(
    buildPortfolio(
      bookOf([
        sealant("A", d(2026, 9, 15), "P", 60, 180),
        sealant("A", d(2026, 10, 10), "P", 40, 120),
        ...["B", "C", "D"].map((id) => sealant(id, d(2026, 9, 1), "PP", 10, 60)),
        sealant("E", d(2026, 9, 1), "P", 10, 30),
      ]),
      { asOf }
    ),
    "A",
    Q3,
    { catalog }
  );

  test("an upsell: the customer reads what the premium replaces and who buys it; its prices and the £150.00 a year more are internal, of the 12 months to 31/10/2026", async () => {
    expect(qbrA.recommendations.map((o) => [o.offer, o.priority, o.annualEstimate])).toEqual([
      ["Sealant Pro", "High", 150],
    ]);
    const wb = await workbook(qbrA);
    const insights = rows(wb.getWorksheet("Insights & offers")!);
    expect(insights.find((r) => r[0] === "1. Sealant Pro")).toEqual([
      "1. Sealant Pro",
      "High",
      "High",
      "The premium alternative to Sealant, which you buy. 3 of 4 other accounts buying Sealant or Sealant Pro (75%) buy Sealant Pro.",
    ]);
    for (const ws of customerSheets(wb))
      expect([
        ws.name,
        textsOf(ws).filter((t) => /per unit|per year|a year|list £|£4\.50|£150|\+50%/i.test(t)),
        values(ws).filter((v) => v === 150),
      ]).toEqual([ws.name, [], []]);
    const prep = rows(wb.getWorksheet(INTERNAL)!);
    expect(prep.find((r) => r[0] === "1. Sealant Pro")).toEqual([
      "1. Sealant Pro",
      "Upsell from Sealant to Sealant Pro (+50% per unit: list £4.00 against £6.00; at the £3.00 a unit it paid in the 12 months to 31/10/2026, £4.50): on its 100 units in the 12 months to 31/10/2026 (£300.00), £150.00 more a year for the customer to pay.",
      150,
    ]);
    // the review pages' own 12 months (to 30/09/2026; the data starts 01/09/2026) hold the 60
    // units of 15/09 (£180)
    expect(
      rows(wb.getWorksheet("Partnership")!).find((r) =>
        String(r[0]).startsWith("Spend after returns, 12 months to 30/09/2026")
      )?.[1]
    ).toBe(180);
  });
});

test("an upsell joined to its premium's category entry names the premium; the price wording never reaches the customer", () => {
  const u = {
    premiumName: "Sealant Pro",
    currentName: "Sealant",
    valueProposition:
      "Offer Sealant Pro in place of Sealant (+50% per unit: list £4.00 against £6.00): on last year's 100 units (£300.00) that is £150.00 more per year.",
  } as Upsell;
  const rationale = `3 of 3 comparable Plumber accounts (100%) buy Sealants. ${u.valueProposition} 3 of 4 other accounts buying Sealant or Sealant Pro (75%) buy Sealant Pro.`;
  expect(customerReason({ offer: "Sealants", rationale, upsell: u })).toBe(
    "3 of 3 comparable Plumber accounts (100%) buy Sealants. Sealant Pro is the premium alternative to Sealant, which you buy. 3 of 4 other accounts buying Sealant or Sealant Pro (75%) buy Sealant Pro."
  );
  // a rationale not holding the value proposition as written: the plain sentence alone, never the rest
  expect(
    customerReason({ offer: "Sealant Pro", rationale: "£150.00 more per year.", upsell: u })
  ).toBe("The premium alternative to Sealant, which you buy.");
});

test("each estimate says its 12 months: the analysis's for other accounts' medians, a switched category's own spend its own", () => {
  const period = "12 months to 31/10/2026";
  const none = {
    peers: null,
    rule: null,
    lineGap: null,
    lapsed: null,
    upsell: null,
    switched: null,
  };
  const switched = {
    ...none,
    offer: "Fixings",
    annualEstimate: 400,
    switched: {
      spendBefore: 400,
      estimateBasis: "its own net spend on Fixings in the 12 months to 31/10/2025",
    },
  } as unknown as Opportunity;
  expect(estimateSentence(switched, period)).toBe(
    "Estimate: its own net spend on Fixings in the 12 months to 31/10/2025."
  );
  const peers = {
    ...none,
    offer: "Y",
    annualEstimate: 1200,
    peerBasis: "comparable Plumber accounts",
    peers: { medianSpend: 1200, comparableBuyers: 3 },
  } as unknown as Opportunity;
  expect(estimateSentence(peers, period)).toBe(
    "Estimate, 12 months to 31/10/2026: the median 12-month spend of the 3 comparable Plumber accounts that buy Y."
  );
});

// ---------------------------------------------------------------- book L: a lost account

const bookL = (lost: boolean) =>
  buildPortfolio(
    bookOf([
      line("L", d(2025, 1, 10), "P1", 100, { category: "A", quantity: 2, listPrice: 40 }),
      line("L", d(2025, 6, 15), "P2", 300, { category: "B", quantity: 3, listPrice: 120 }),
      line("L", d(2025, 11, 5), "P1", 120, { category: "A", quantity: 4, listPrice: 40 }),
      line("L", d(2026, 1, 20), "P2", -100, { category: "B", quantity: -1, listPrice: 120 }),
      line("L", d(2026, 2, 13), "P1", 60, { category: "A", quantity: 2, listPrice: 40 }),
      line("B", d(2025, 12, 1), "P1", 200, { category: "A", quantity: 5, listPrice: 40 }),
      line("B", d(2026, 9, 15), "P1", 100, { category: "A", quantity: 2, listPrice: 40 }),
    ]),
    {
      asOf,
      accounts: [
        lost
          ? { accountId: "L", lost: true, lostReason: "Moved to a national distributor on price" }
          : { accountId: "L" },
      ],
    }
  );

describe("3. a lost account's QBR looks back on the 12 months to its last order, with no quarter of zeros", () => {
  const qbrL = qbrData(bookL(true), "L", Q3);

  test("the data: the 12 months to 28/02/2026, its last order's month", () => {
    expect(qbrL.figuresTo).toBe(d(2026, 2, 28));
    expect([qbrL.ordersLast12, qbrL.spendLast12, qbrL.savings?.savings]).toEqual([3, 380, 100]);
    const look = qbrL.lookBack!;
    expect(look.lastOrder).toBe(d(2026, 2, 13));
    expect([look.orders, look.orderValue, look.returns, look.returnValue, look.netRevenue]).toEqual(
      [3, 480, 1, -100, 380]
    );
    expect(look.distinctProducts).toBe(2);
    expect(look.topProducts.map((p) => [p.sku, p.units, p.revenue])).toEqual([
      ["P2", 2, 200],
      ["P1", 6, 180],
    ]);
    expect(look.categorySplit.map((c) => [c.category, c.revenue])).toEqual([
      ["B", 200],
      ["A", 180],
    ]);
    // an active account's QBR has none
    expect(qbrData(bookL(false), "L", Q3).lookBack).toBeNull();
  });

  test("its pages: the cover, the partnership and 'What you bought' of those 12 months; no quarter page, no £0 beside £0", async () => {
    const wb = await workbook(qbrL);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Cover",
      "Partnership",
      "What you bought",
      "Service & insights",
      "Planning & actions",
      "Agenda",
      "Follow-up e-mail",
      INTERNAL,
    ]);
    const Y = "12 months to 28/02/2026";
    const cover = wb.getWorksheet("Cover")!;
    expect(textsOf(cover)).toContain(`Our partnership, ${Y}`);
    expect(rows(cover).filter((r) => typeof r[1] === "number")).toEqual([
      [`Orders, ${Y}`, 3],
      [`Spend after returns, ${Y}`, 380],
      [`Products bought, ${Y}`, 2],
      [`Savings vs list price, ${Y}`, 100],
    ]);
    const partnership = wb.getWorksheet("Partnership")!;
    expect(beside(partnership, `Spend after returns, ${Y}`)).toBe(380);
    expect(beside(partnership, `Savings vs list price, ${Y}`)).toBe(100);
    // what it bought, not how its buying fell
    expect(textsOf(partnership).filter((t) => t.startsWith("Change vs"))).toEqual([]);
    // the monthly table: Mar 2025 – Feb 2026, its total the 12 months' £380
    const months = rows(partnership).filter((r) => /^[A-Z][a-z]{2} 20\d\d$/.test(String(r[0])));
    expect(months.map((r) => r[0])).toEqual([
      "Mar 2025",
      "Apr 2025",
      "May 2025",
      "Jun 2025",
      "Jul 2025",
      "Aug 2025",
      "Sep 2025",
      "Oct 2025",
      "Nov 2025",
      "Dec 2025",
      "Jan 2026",
      "Feb 2026",
    ]);
    expect(months.filter((r) => r[1] !== 0).map((r) => [r[0], r[1]])).toEqual([
      ["Jun 2025", 300],
      ["Nov 2025", 120],
      ["Jan 2026", -100],
      ["Feb 2026", 60],
    ]);
    expect(beside(partnership, "Total")).toBe(380);
    const bought = rows(wb.getWorksheet("What you bought")!);
    expect(bought[0][0]).toBe(`What you bought, ${Y}`);
    expect(bought.find((r) => r[0] === Y)).toEqual([Y, 3, 480, 1, -100, 380, 2]);
    expect(bought.filter((r) => r[0] === "P2" || r[0] === "P1")).toEqual([
      ["P2", "P2", 2, 200],
      ["P1", "P1", 6, 180],
    ]);
    expect(bought.filter((r) => r[0] === "A" || r[0] === "B").map((r) => r.slice(0, 3))).toEqual([
      ["B", 200, 200 / 380],
      ["A", 180, 180 / 380],
    ]);
    // no quarter it did not order in, on any page the customer reads
    for (const ws of customerSheets(wb))
      expect([
        ws.name,
        textsOf(ws).filter((t) => /FY20\d\d Q\d|no orders|this quarter|£0\b/i.test(t)),
      ]).toEqual([ws.name, []]);
  });

  test("the agenda and the e-mail: what it bought over those 12 months; nothing says that it stopped ordering", async () => {
    const wb = await workbook(qbrL);
    expect(textsOf(wb.getWorksheet("Agenda")!)).toContain(
      "Spend after returns £380 over the 12 months to 28/02/2026; what you bought; savings; service levels; issues resolved"
    );
    const email = textsOf(wb.getWorksheet("Follow-up e-mail")!);
    const at = email.indexOf("Summary of discussion:");
    expect(email.slice(at, at + 3)).toEqual([
      "Summary of discussion:",
      "- Over the 12 months to 28/02/2026: 3 orders, £380 in total after returns, saving an estimated £100 against list price.",
      "- Your top product over those 12 months was P2 (2 units).",
    ]);
    expect(email.filter((t) => /no orders|stopped|last order|since/i.test(t))).toEqual([]);
  });

  test("the internal sheet: what the pages look back on, and the exit interview as before", async () => {
    const prep = textsOf((await workbook(qbrL)).getWorksheet(INTERNAL)!);
    expect(prep).toContain(
      "The review pages look back on the 12 months to 28/02/2026, the month of its last order (13/02/2026, 260 days before the as-of date 31/10/2026): what it bought, its categories and its savings, with no FY2026 Q3 figures; the follow-up e-mail does not say that it stopped ordering."
    );
    expect(prep).toContain("Win-back: Stage 5 – Exit interview");
    expect(prep).toContain("☐ What made you change suppliers?");
    expect(prep).toContain("Moved to a national distributor on price");
  });

  test("control, not marked lost: the quarter's review as before", async () => {
    const wb = await workbook(qbrData(bookL(false), "L", Q3));
    expect(wb.worksheets.map((w) => w.name)).toContain("Quarter at a glance");
    expect(beside(wb.getWorksheet("Cover")!, "Orders, FY2026 Q3")).toBe(0);
  });
});
