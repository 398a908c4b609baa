import fc from "fast-check";
import { ymdToSerial } from "../../src/domain/dates";
import type { CatalogItem, OrderLine } from "../../src/domain/types";
import { detectTable } from "../../src/ingest/detect";
import type { Cell, Grid } from "../../src/ingest/grid";
import {
  createOrderParser,
  type IngestReport,
  type OrderParserOptions,
} from "../../src/ingest/orders";

const H = [
  "Customer ID",
  "Customer",
  "Order Date",
  "Invoice No",
  "SKU",
  "Description",
  "Category",
  "Qty",
  "Unit Price",
  "Line Total",
  "Currency",
];
const _ = null;
const JAN1 = 45658; // 2025-01-01
const APR3 = ymdToSerial(2025, 4, 3); // 45658 + 31 + 28 + 31 + 2 = 45750

/** A messy export: a title on row 1, the header on row 2, data from sheet row 3. */
const messy: Cell[][] = [
  ["Sales ledger FY25", _, _, _, _, _, _, _, _, _, _],
  H,
  /* 3 */ [
    "A1",
    "Acme Ltd",
    JAN1,
    "INV1",
    "CT-100",
    "Cable ties 100mm",
    "Cable Ties",
    10,
    1.5,
    15,
    "GBP",
  ],
  /* 4 */ [_, _, _, _, _, _, _, _, _, "  ", _],
  /* 5 */ H,
  /* 6 */ ["A1", "Acme Ltd", "03/04/2025", "INV2", "FX-8", _, _, "4 pcs", "£2.50", _, "£"],
  /* 7 */ [
    "A2",
    "Bolt & Co",
    JAN1 + 2,
    "C1001",
    "CT-100",
    "Cable ties 100mm",
    "Cable Ties",
    2,
    1.5,
    "3.00",
    "GBP",
  ],
  /* 8 */ [
    "A2",
    "Bolt & Co",
    JAN1 + 3,
    "INV3",
    "CT-100",
    "Cable ties 100mm",
    "Cable Ties",
    -1,
    1.5,
    -1.5,
    "GBP",
  ],
  /* 9 */ ["Total", _, _, _, _, _, _, _, _, 28.5, _],
  /* 10 */ [_, "Grand Total", _, _, _, _, _, _, _, 28.5, _],
  /* 11 */ [
    "A3",
    "Total Tools Ltd",
    JAN1 + 4,
    "INV4",
    "CT-100",
    "Cable ties 100mm",
    "Cable Ties",
    1,
    1.5,
    1.5,
    "GBP",
  ],
  /* 12 */ ["Acme Ltd Total", _, _, _, _, _, _, _, _, 25, _],
  /* 13 */ ["A3", "Total Tools Ltd", _, "INV5", "CT-100", _, _, 1, 1.5, 1.5, "GBP"],
  /* 14 */ ["A3", "Total Tools Ltd", "someday", "INV5", "CT-100", _, _, 1, 1.5, 1.5, "GBP"],
  // (an order no line above names: INV5 would be A3's, by its id on rows 13 and 14)
  /* 15 */ [_, _, JAN1 + 4, "INV9", "CT-100", _, _, 1, 1.5, 1.5, "GBP"],
  /* 16 */ ["A3", "Total Tools Ltd", JAN1 + 4, "INV6", _, _, _, 1, 1.5, 1.5, "GBP"],
  /* 17 */ ["A3", "Total Tools Ltd", JAN1 + 4, "INV6", "CT-100", _, _, "lots", 1.5, 1.5, "GBP"],
  /* 18 */ ["A3", "Total Tools Ltd", JAN1 + 4, "INV6", "CT-100", _, _, 2, 1.5, "abc", "GBP"],
  /* 19 */ ["A4", _, JAN1 + 5, _, "NEW-1", _, _, 3, _, "€30,00", _],
];
const grid: Grid = { name: "Sales", values: messy };
const detection = detectTable(grid)!;
const catalog = new Map<string, CatalogItem>([
  ["FX-8", { sku: "FX-8", name: "Wall plugs 8mm", category: "Fixings", listPrice: 3.2 }],
]);

function run(
  options: Partial<OrderParserOptions> = {},
  chunk = 1000,
  values: Cell[][] = messy
): { lines: OrderLine[]; report: IngestReport } {
  const parser = createOrderParser(detection.mapping, { dateOrder: "dmy", catalog, ...options });
  const lines: OrderLine[] = [];
  const data = values.slice(detection.mapping.headerRow + 1);
  const first = detection.mapping.headerRow + 2; // 1-based sheet row of the first data row
  for (let i = 0; i < data.length; i += chunk)
    parser.push(data.slice(i, i + chunk), first + i, (l) => lines.push(l));
  return { lines, report: parser.finish() };
}

describe("createOrderParser on a messy export", () => {
  const { lines, report } = run();
  const byRow = new Map(lines.map((l) => [l.row, l]));

  it("finds the header under the title", () => {
    expect(detection.mapping.headerRow).toBe(1);
  });

  it("accepts the six usable lines and skips blank, header and totals rows", () => {
    expect(lines.map((l) => l.row)).toEqual([3, 6, 7, 8, 11, 19]);
    expect(report.accepted).toBe(6);
    expect(report.skippedBlank).toBe(1); // row 4
    expect(report.skippedHeaders).toBe(1); // row 5
    expect(report.skippedTotals).toBe(3); // rows 9, 10, 12
  });

  it("a plain line is kept exactly", () => {
    expect(byRow.get(3)).toEqual({
      accountId: "A1",
      accountName: "Acme Ltd",
      date: JAN1,
      orderId: "INV1",
      sku: "CT-100",
      productName: "Cable ties 100mm",
      category: "Cable Ties",
      quantity: 10,
      revenue: 15,
      unitPrice: 1.5,
      listPrice: undefined,
      orderedBy: undefined,
      site: undefined,
      currency: "GBP",
      isReturn: false,
      row: 3,
    });
  });

  it('text date, "4 pcs" and "£2.50" with no line total: revenue = 4 × 2.50 = 10; name, category, list price from the catalog', () => {
    const l = byRow.get(6)!;
    expect(l.date).toBe(APR3);
    expect(l.quantity).toBe(4);
    expect(l.unitPrice).toBe(2.5);
    expect(l.revenue).toBe(10);
    expect(l.productName).toBe("Wall plugs 8mm");
    expect(l.category).toBe("Fixings");
    expect(l.listPrice).toBe(3.2);
    expect(l.currency).toBe("GBP"); // "£" in the currency column
  });

  it("credit note C1001 with positive figures becomes a return of −2 units, −£3.00", () => {
    expect(byRow.get(7)).toMatchObject({
      orderId: "C1001",
      isReturn: true,
      quantity: -2,
      revenue: -3,
    });
  });

  it("a negative quantity is a return", () => {
    expect(byRow.get(8)).toMatchObject({ isReturn: true, quantity: -1, revenue: -1.5 });
    expect(report.returns).toBe(2);
  });

  it('"Total Tools Ltd" is a customer, not a totals row', () => {
    expect(byRow.get(11)!.accountName).toBe("Total Tools Ltd");
  });

  it('no order id → one order per account per day; no category anywhere → Uncategorised; currency from "€30,00"', () => {
    expect(byRow.get(19)).toMatchObject({
      orderId: `A4|${JAN1 + 5}`,
      category: "Uncategorised",
      revenue: 30,
      currency: "EUR",
      accountName: undefined,
    });
  });

  it("counts each unusable row by reason with its sheet row number", () => {
    const rejected = Object.fromEntries(report.rejected.map((r) => [r.reason, r]));
    expect(rejected).toEqual({
      "no date": { reason: "no date", count: 1, rows: [13] },
      "unreadable date": { reason: "unreadable date", count: 1, rows: [14] },
      "no account": { reason: "no account", count: 1, rows: [15] },
      "no product": { reason: "no product", count: 1, rows: [16] },
      "unreadable quantity": { reason: "unreadable quantity", count: 1, rows: [17] },
      "unreadable revenue": { reason: "unreadable revenue", count: 1, rows: [18] },
    });
  });

  it("reports date range, accounts, currencies and the mixed-currency warning", () => {
    expect(report.firstDate).toBe(JAN1);
    expect(report.lastDate).toBe(APR3);
    expect(report.accounts).toBe(4); // A1, A2, A3, A4
    expect(report.currencies).toEqual({ GBP: 5, EUR: 1 }); // rows 3, 6, 7, 8, 11 · row 19
    expect(report.converted).toBe(false);
    expect(report.warnings).toContain(
      "Revenue is in 2 currencies (GBP, EUR) and no rates table was found: figures are shown per currency and never added together."
    );
    expect(report.warnings.some((w) => w.startsWith("6 rows were skipped: "))).toBe(true);
  });

  it("month-first data reads 03/04/2025 as 4 March", () => {
    const { lines: us } = run({ dateOrder: "mdy" });
    expect(us.find((l) => l.row === 6)!.date).toBe(ymdToSerial(2025, 3, 4)); // 45658 + 31 + 28 + 3 = 45720
    expect(ymdToSerial(2025, 3, 4)).toBe(45720);
  });

  it("with a rates table, converts to the reporting currency and says so", () => {
    const { lines: gbp, report: r } = run({
      rates: [
        { from: "EUR", rate: 0.85 },
        { from: "GBP", rate: 1 },
      ],
      reportingCurrency: "GBP",
    });
    const l = gbp.find((x) => x.row === 19)!;
    expect(l.revenue).toBeCloseTo(25.5, 10); // €30.00 × 0.85
    expect(l.currency).toBe("GBP");
    expect(gbp.every((x) => x.currency === "GBP")).toBe(true);
    expect(r.converted).toBe(true);
    expect(r.reportingCurrency).toBe("GBP");
    expect(r.warnings).toContain("Revenue in EUR was converted to GBP with the rates table.");
    expect(r.warnings.some((w) => w.includes("no rates table"))).toBe(false);
  });

  it("the rates table base (rate 1) is the reporting currency when none is named; a currency without a rate is rejected", () => {
    const usd: Cell[][] = [
      ...messy,
      // "US$" names the US dollar ("$" alone names no currency: kept apart, not converted)
      /* 20 */ ["A5", _, JAN1, "INV9", "CT-100", _, _, 1, _, "US$10", _],
    ];
    const { lines: out, report: r } = run(
      {
        rates: [
          { from: "eur", rate: 0.85 },
          { from: "£", rate: 1 },
        ],
      },
      1000,
      usd
    );
    expect(r.reportingCurrency).toBe("GBP");
    expect(out.find((l) => l.row === 19)!.revenue).toBeCloseTo(25.5, 10);
    expect(r.rejected.find((x) => x.reason === "no exchange rate for USD")).toEqual({
      reason: "no exchange rate for USD",
      count: 1,
      rows: [20],
    });
  });
});

describe("streaming", () => {
  it("chunked pushes give the same lines and report as one push", () => {
    const whole = run();
    for (const size of [1, 2, 3, 7]) {
      const chunked = run({}, size);
      expect(chunked.lines).toEqual(whole.lines);
      expect(chunked.report).toEqual(whole.report);
    }
  });

  it("property: any chunking of generated rows gives the same result", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom("A1", "A2", "", "Total"),
            fc.integer({ min: 45000, max: 46000 }),
            fc.constantFrom("S1", "S2", ""),
            fc.integer({ min: -3, max: 20 }),
            fc.constantFrom<Cell>(1.5, "£2", "(3)", "x", null)
          ),
          { maxLength: 40 }
        ),
        fc.integer({ min: 1, max: 10 }),
        (rows, size) => {
          const values: Cell[][] = [
            ["t"],
            H,
            ...rows.map(([a, d, s, q, r]) => [a, _, d, _, s, _, _, q, _, r, _] as Cell[]),
          ];
          const a = run({}, 1000, values);
          const b = run({}, size, values);
          return JSON.stringify(a) === JSON.stringify(b);
        }
      )
    );
  });

  it("property: one bad row never stops the rest, and every row is accounted for once", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.double(), fc.boolean()),
          { minLength: 11, maxLength: 11 }
        ),
        (junk) => {
          const values: Cell[][] = [H, junk as Cell[], messy[2]];
          const { lines, report } = run({}, 1000, [["title"], ...values]);
          const counted =
            report.accepted +
            report.rejected.reduce((n, r) => n + r.count, 0) +
            report.skippedBlank +
            report.skippedHeaders +
            report.skippedTotals;
          return lines.some((l) => l.orderId === "INV1") && counted === 2;
        }
      )
    );
  });

  it("keeps only the first five row numbers per reason but counts them all", () => {
    const values: Cell[][] = [
      H,
      ...Array.from({ length: 8 }, (): Cell[] => ["A1", _, _, "I", "S", _, _, 1, _, 1, _]),
    ];
    const parser = createOrderParser(detectTable({ name: "s", values })!.mapping, {
      dateOrder: "dmy",
    });
    parser.push(values.slice(1, 4), 2, () => undefined);
    parser.push(values.slice(4), 5, () => undefined);
    expect(parser.finish().rejected).toEqual([
      { reason: "no date", count: 8, rows: [2, 3, 4, 5, 6] },
    ]);
  });

  it("credit-note ids: C, CN or CRN then a digit or dash", () => {
    const values: Cell[][] = [
      H,
      ...["C1", "c-7", "CN-12", "CRN004", "Cash", "CUST1", "INV-C1"].map((id): Cell[] => [
        "A1",
        _,
        JAN1,
        id,
        "S",
        _,
        _,
        1,
        _,
        5,
        _,
      ]),
    ];
    const lines: OrderLine[] = [];
    const parser = createOrderParser(detectTable({ name: "s", values })!.mapping, {
      dateOrder: "dmy",
    });
    parser.push(values.slice(1), 2, (l) => lines.push(l));
    expect(lines.map((l) => [l.orderId, l.isReturn, l.revenue])).toEqual([
      ["C1", true, -5],
      ["c-7", true, -5],
      ["CN-12", true, -5],
      ["CRN004", true, -5],
      ["Cash", false, 5],
      ["CUST1", false, 5],
      ["INV-C1", false, 5],
    ]);
  });

  it("an account name stands in for a missing account id; unreadable unit price is named", () => {
    const h = ["Customer", "Date", "Item", "Qty", "Price"];
    const values: Cell[][] = [h, ["Acme", JAN1, "S1", 3, 2], ["Acme", JAN1, "S1", 3, "ask"]];
    const lines: OrderLine[] = [];
    const parser = createOrderParser(detectTable({ name: "s", values })!.mapping, {
      dateOrder: "dmy",
    });
    parser.push(values.slice(1), 2, (l) => lines.push(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      accountId: "Acme",
      accountName: "Acme",
      revenue: 6,
      orderId: `Acme|${JAN1}`,
    }); // 3 × 2
    expect(parser.finish().rejected).toEqual([
      { reason: "unreadable unit price", count: 1, rows: [3] },
    ]);
  });
});
