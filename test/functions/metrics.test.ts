/**
 * KAP.METRICS and KAP.ACCOUNTHEALTH (issue 14): each output column worked by hand at its window
 * boundaries, both blank conventions (desktop passes a blank cell as 0, the web as null), and
 * the same figures as `kap analyze` on the sample workbook for every account.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import { accountColumnsReady, accountHealth, metrics } from "../../src/functions/functions";
import { ymdToSerial } from "../../src/domain/dates";
import { setWorkbookDecimalSeparator } from "../../src/functions/culture";
import { both } from "./bothHosts";

const d = ymdToSerial;
const col = (xs: unknown[]) => xs.map((x) => [x]);
const AS_OF = [[d(2026, 10, 31)]];

// account, date, order id, revenue, category, quantity, product
const ORDERS: [string, number, string | null, number, string, number, string][] = [
  ["A", d(2025, 10, 31), "I1", 1000, "Tools", 1, "P1"], // prior 12 months ends here
  ["A", d(2025, 11, 1), "I2", 500, "Tools", 1, "P1"], // last 12 months start the day after
  ["A", d(2026, 7, 31), "I3", 100, "Tools", 1, "P2"], // previous quarter ends here
  ["A", d(2026, 8, 1), "I4", 200, "Fixings", 1, "P3"], // last quarter
  ["A", d(2026, 10, 24), "I5", 300, "Fixings", 1, "P3"],
  ["A", d(2026, 10, 24), "I5", 50, "Tape", 1, "P4"], // same order
  ["A", d(2026, 10, 25), "C-77", 50, "Tape", -1, "P4"], // credit note: Tape nets to 0
  ["B", d(2026, 6, 15), null, 40, "Tools", 1, "P1"], // no order id: one order per account per day
  ["B", d(2026, 6, 15), null, 60, "Tools", 1, "P1"],
  ["D", d(2024, 6, 1), "I9", 100, "Tools", 1, "P1"],
  ["D", d(2026, 10, 1), "I10", 100, "Tools", 1, "P1"],
];
const args = (rows = ORDERS, blank: null | 0 = null, spare = 0) => {
  const pad = <T>(xs: T[]) => [...xs, ...Array(spare).fill(blank)];
  return [
    col(pad(rows.map((r) => r[0]))),
    col(pad(rows.map((r) => r[1]))),
    col(pad(rows.map((r) => (r[2] === null ? blank : r[2])))),
    col(pad(rows.map((r) => r[3]))),
    col(pad(rows.map((r) => r[4]))),
  ] as unknown[][][];
};
const qtyOf = (rows = ORDERS, blank: null | 0 = null, spare = 0) =>
  col([...rows.map((r) => r[5]), ...Array(spare).fill(blank)]);
const prodOf = (rows = ORDERS, blank: null | 0 = null, spare = 0) =>
  col([...rows.map((r) => r[6]), ...Array(spare).fill(blank)]);
const run = (ids: unknown[], blank: null | 0 = null, spare = 0) => {
  const [a, dt, o, r, c] = args(ORDERS, blank, spare);
  return both(
    metrics,
    col(ids),
    a,
    dt,
    o,
    r,
    c,
    AS_OF,
    qtyOf(ORDERS, blank, spare),
    null as never,
    prodOf(ORDERS, blank, spare)
  );
};

describe("KAP.METRICS: each column worked by hand (as of 2026-10-31)", () => {
  // worked out once the tests run (KAP.METRICS's code is a chunk loaded as the functions start)
  let a: unknown[], b: unknown[], c: unknown[], dd: unknown[];
  beforeAll(async () => {
    await accountColumnsReady();
    [a, b, c, dd] = run(["A", "B", "C", "D"]);
  });

  it('days since the last order: 24 Oct → 7; never ordered → "never"', () => {
    expect(a[0]).toBe(7);
    expect(b[0]).toBe(138); // 15 Jun → 31 Oct: 15 + 31 + 31 + 30 + 31
    expect(c[0]).toBe("never");
  });

  it("orders last quarter (31 Jul, 31 Oct] and the quarter before (30 Apr, 31 Jul], credit notes not counted", () => {
    // A: I4 (1 Aug) and I5 (24 Oct) vs I3 (31 Jul, the previous quarter's last day): 2 vs 1 → +100%
    expect(a.slice(1, 4)).toEqual([2, 1, 1]);
    // B: two lines of 15 Jun with no order id are one order, in the previous quarter → −100%
    expect(b.slice(1, 4)).toEqual([0, 1, -1]);
    // D: an order now and none before, but ordered in 2024: lapsed and back (+∞)
    expect(dd.slice(1, 4)).toEqual([1, 0, "lapsed"]);
    expect(c.slice(1, 4)).toEqual([0, 0, "none"]);
  });

  it("revenue last 12 months (31 Oct 2025, 31 Oct 2026] and the prior 12, net of credit notes; the change rounded to a whole %", () => {
    // A: 500 + 100 + 200 + 300 + 50 − 50 = 1,100 against 1,000 (the line of 31 Oct 2025) → +10%
    expect(a.slice(4, 7)).toEqual([1100, 1000, 0.1]);
    // B: first order inside the 12 months → too little history ("new")
    expect(b.slice(4, 7)).toEqual([100, 0, "new"]);
    expect(dd.slice(4, 7)).toEqual([100, 0, "lapsed"]);
    expect(c.slice(4, 7)).toEqual([0, 0, "none"]);
  });

  it("categories and products bought (net positive) in 12 months; one product only is written as KAP.HEALTH reads it", () => {
    // A: Tools 600, Fixings 500, Tape 50 − 50 = 0 (not bought) → 2; products P1, P2, P3 → 3
    expect(a.slice(7)).toEqual([2, 3]);
    expect(b.slice(7)).toEqual(["1 (one product)", 1]);
    expect(c.slice(7)).toEqual([0, 0]);
  });

  it("puts a header row on top when asked", () => {
    const [x, dt, o, r, cat] = args();
    const out = both(metrics, col(["A"]), x, dt, o, r, cat, AS_OF, qtyOf(), [[true]], prodOf());
    expect(out[0]).toEqual([
      "Days since last order",
      "Orders last 3m",
      "Orders prior 3m",
      "Orders change (3m)",
      "Revenue 12m",
      "Revenue prior 12m",
      "Revenue change (12m)",
      "Categories (12m)",
      "Products (12m)",
    ]);
    expect(out[1]).toEqual(a);
  });

  it('without a category column: categories "n/a" (Diversity left out); without products: products blank', () => {
    const [x, dt, o, r] = args();
    const out = both(metrics, col(["A"]), x, dt, o, r, [[null]], AS_OF, qtyOf());
    expect(out[0].slice(7)).toEqual(["n/a", ""]);
  });

  it("defaults the as-of date to the last sale's date (I5, 24 Oct 2026; not credit note C-77's 25 Oct)", () => {
    const [x, dt, o, r, cat] = args();
    expect(
      both(
        metrics,
        col(["A"]),
        x,
        dt,
        o,
        r,
        cat,
        null as never,
        qtyOf(),
        null as never,
        prodOf()
      )[0][0]
      // A's I5 is on the as-of date: 0 days (1 when the credit note's date was the as-of)
    ).toBe(0);
  });
});

describe("the same results on Excel desktop (blank = 0) and on the web (blank = null)", () => {
  it("whole columns with spare blank rows, blank order ids and blank account rows", () => {
    const web = run(["A", null, "B", "C", "D", null], null, 20);
    const desktop = run(["A", 0, "B", "C", "D", 0], 0, 20);
    expect(desktop).toEqual(web);
    expect(web[1]).toEqual(["", "", "", "", "", "", "", "", ""]);
    expect(web[0]).toEqual(run(["A"])[0]);
  });
});

describe("blank cells in the order columns read the same on both hosts", () => {
  // as of 31 Oct 2026: last quarter (31 Jul, 31 Oct]; X's first order (1 Oct) is inside both
  // later periods, so both changes are "new" (too little history)
  const X = (rev2: unknown, qty?: [unknown, unknown]) =>
    [
      col(["X", "X"]),
      col([d(2026, 10, 1), d(2026, 10, 20)]),
      col(["I1", "I2"]),
      col([100, rev2]),
      col(["Tools", "Tools"]),
      AS_OF,
      qty ? col(qty) : (null as never),
    ] as const;
  const metricsOfX = (rev2: unknown, qty?: [unknown, unknown]) =>
    both(metrics, col(["X"]), ...X(rev2, qty))[0].slice(0, 7);

  it("a blank revenue on a line with an account and a date is 0 revenue, and the line is an order on its date", () => {
    // last order 20 Oct → 11 days; orders I1 and I2 last quarter; revenue 100 + 0
    expect(metricsOfX(null)).toEqual([11, 2, 0, "new", 100, 0, "new"]);
    expect(metricsOfX(0)).toEqual(metricsOfX(null));
  });

  it("with a quantity column, a line with neither quantity nor revenue is a comment line and skipped; a blank quantity beside a value is one unit", () => {
    // I2 skipped: last order 1 Oct → 30 days, one order, revenue 100
    expect(metricsOfX(null, [1, null])).toEqual([30, 1, 0, "new", 100, 0, "new"]);
    // I2 with 50 and no quantity: 11 days, two orders, 150
    expect(metricsOfX(50, [1, null])).toEqual([11, 2, 0, "new", 150, 0, "new"]);
  });

  it("the default as-of date is the last accepted line's, even when a later date sits on a skipped comment line", () => {
    // Y: 15 Nov 2025 Tools £100 (P1), 1 Oct 2026 Fixings £50 (P2), and a line of 20 Dec 2026 with
    // neither quantity nor revenue (skipped). As of 1 Oct 2026: 0 days; last quarter (1 Jul, 1 Oct]
    // 1 order, previous quarter none, first order before it → "lapsed"; revenue 12m (1 Oct 2025,
    // 1 Oct 2026] = 150, prior 0, first order inside → "new"; Tools and Fixings bought → 2 and 2.
    const c = (...xs: unknown[]) => col(xs);
    const out = both(
      metrics,
      c("Y"),
      c("Y", "Y", "Y"),
      c(d(2025, 11, 15), d(2026, 10, 1), d(2026, 12, 20)),
      c("I1", "I2", "I3"),
      c(100, 50, null),
      c("Tools", "Fixings", null),
      null as never,
      c(1, 1, null),
      null as never,
      c("P1", "P2", null)
    );
    expect(out).toEqual([[0, 1, 0, "lapsed", 150, 0, "new", 2, 2]]);
  });

  it("text revenue is read as the workbook writes numbers, and an ambiguous one gives its account's row the error naming the row", () => {
    try {
      setWorkbookDecimalSeparator(",");
      // "1.250,50" = 1,250.50 → 100 + 1,250.50 = 1,350.50
      expect(metricsOfX("1.250,50")[4]).toBe(1350.5);
      setWorkbookDecimalSeparator(".");
      expect(metricsOfX("1,250.50")[4]).toBe(1350.5);
      setWorkbookDecimalSeparator(undefined);
      const row = metricsOfX("1,250");
      expect(row).toHaveLength(7);
      for (const cell of row)
        expect(cell).toMatchObject({
          message: expect.stringMatching(/^Order row 2: revenue: "1,250" could be 1250 or 1.25/),
        });
    } finally {
      setWorkbookDecimalSeparator(undefined);
    }
  });
});

describe("service-only invoices (all lines postage, discounts, fees … — RULES.md §2)", () => {
  // PRODUCT.md §1–§2: returns and credit notes are not orders; service lines count in revenue but
  // are never products or categories. Nothing else is excluded, so an invoice of postage only is
  // an order with its revenue and no product.
  // S: I30 on 10 May 2026 (previous quarter (30 Apr, 31 Jul]) Tools £200; I31 on 10 Oct 2026, POST £15 only.
  const lines = [
    ["S", "2026-05-10", "I30", "P1", "Hammer", "Tools", 1, 200],
    ["S", "2026-10-10", "I31", "POST", "Postage", "", 1, 15],
  ];
  const expected = [
    21, // 10 Oct → 31 Oct
    1, // I31
    1, // I30
    0, // 1 vs 1 → 0%
    215, // 200 + 15
    0,
    "new", // first order 10 May 2026 is inside the last 12 months
    "1 (one product)", // Tools, through P1 only: postage is no category and no product
    1,
  ];

  it("METRICS: the postage-only invoice is an order, its £15 counts in revenue, it is no category or product", () => {
    const c = (k: number) => col(lines.map((l) => l[k]));
    const out = both(
      metrics,
      col(["S"]),
      c(0),
      c(1),
      c(2),
      c(7),
      c(5),
      AS_OF,
      c(6),
      null as never,
      c(3)
    );
    expect(out).toEqual([expected]);
  });

  it("the engine (kap analyze) gives the account the same inputs", async () => {
    const engine = new KapEngine();
    await loadGrids(
      engine,
      [
        {
          name: "Orders",
          values: [
            [
              "Customer ID",
              "Invoice Date",
              "Invoice No",
              "SKU",
              "Description",
              "Category",
              "Qty",
              "Line Total",
            ],
            ...lines,
          ],
        },
      ],
      defaultSettings()
    );
    const p = engine.analyze({ ...defaultSettings(), asOf: "2026-10-31" });
    const i = p.accounts.find((a) => a.accountId === "S")!.health.inputs;
    expect([
      i.daysSinceLastOrder,
      i.ordersLastQuarter,
      i.ordersPreviousQuarter,
      i.revenueLast12,
      i.revenuePrior12,
      i.categoriesLast12,
      i.productsLast12,
    ]).toEqual([21, 1, 1, 215, 0, 1, 1]);
  });
});

/** The @param text of ACCOUNTHEALTH's payment argument, as Excel shows it. */
function accountHealthHelp(): string {
  const src = readFileSync(join(__dirname, "../../src/functions/functions.ts"), "utf8");
  const at = src.indexOf("@customfunction ACCOUNTHEALTH");
  return /@param \[payment\]([^\n]*)/.exec(src.slice(at))![1];
}

describe("KAP.ACCOUNTHEALTH", () => {
  const score = (ids: unknown[], eng?: unknown[], pay?: unknown[]) => {
    const [a, dt, o, r, c] = args();
    return both(
      accountHealth,
      col(ids),
      a,
      dt,
      o,
      r,
      c,
      eng ? col(eng) : (null as never),
      pay ? col(pay) : (null as never),
      AS_OF,
      null as never,
      qtyOf(),
      prodOf()
    ).map((x) => x[0]);
  };

  it("scores the inputs as KAP.HEALTH does", () => {
    // A: Recency 7 days → 5, Frequency +100% → 5, Revenue +10% → 4, Diversity 2 → 3:
    // (0.25·5 + 0.20·5 + 0.20·4 + 0.15·3) / 0.80 = 4.375 → 4.38
    expect(score(["A"])).toEqual([4.38]);
    // with engagement 2 and 10 days late (Payment 2): 3.5 + 0.2 + 0.2 = 3.90
    expect(score(["A"], [2], [10])).toEqual([3.9]);
    // C never ordered: Recency 1, Frequency 1, Revenue 1, Diversity 1 (none) → 1.00
    expect(score(["C"])).toEqual([1]);
  });

  it('payment: desktop cannot tell a blank cell from 0 days (on time), so the help says to write "n/a"', () => {
    const [a, dt, o, r, c] = args();
    const call = (pay: unknown) =>
      accountHealth(
        col(["A"]),
        a,
        dt,
        o,
        r,
        c,
        null as never,
        col([pay]),
        AS_OF,
        null as never,
        qtyOf(),
        prodOf()
      );
    // the web: blank = no figure → 4.38 as above; desktop: 0 days → Payment 4:
    // (1.25 + 1.00 + 0.80 + 0.45 + 0.10·4) / 0.90 = 3.90 / 0.90 = 4.333… → 4.33
    expect(call(null)).toEqual([[4.38]]);
    expect(call(0)).toEqual([[4.33]]);
    expect(score(["A"], undefined, ["n/a"])).toEqual([4.38]);
    expect(accountHealthHelp()).toMatch(/blank.*0 days.*desktop.*n\/a/is);
  });

  it("answers a bad engagement in its own row, and a blank id with a blank cell", () => {
    const out = score(["A", null, "B"], ["sometimes", null, 3]);
    expect(out[0]).toMatchObject({ message: expect.stringContaining("engagement") });
    expect(out[1]).toBe("");
    expect(typeof out[2]).toBe("number");
  });
});

describe("rolledInto: a parent's row includes the orders of the accounts below it", () => {
  const rolled = (ids: unknown[], parents: unknown[], blank: null | 0 = null) => {
    const [a, dt, o, r, c] = args(ORDERS, blank);
    return both(
      metrics,
      col(ids),
      a,
      dt,
      o,
      r,
      c,
      AS_OF,
      qtyOf(ORDERS, blank),
      null as never,
      prodOf(ORDERS, blank),
      col(parents)
    );
  };
  it("P over A and B (worked by hand); A and B keep their own figures", () => {
    const [p, a, b] = rolled(["P", "A", "B"], [null, "P", "P"]);
    // last order 24 Oct (A's; the 25 Oct credit note is no order) → 7 days
    // last quarter: A's I4, I5 = 2; previous quarter: A's I3 (31 Jul) + B's 15 Jun = 2 → 0%
    // revenue last 12: A 500+100+200+300+50−50 = 1,100, B 40+60 = 100 → 1,200; prior 12: A's 1,000 → +20%
    // categories: Tools, Fixings (Tape nets to 0) = 2; products P1, P2, P3 = 3
    expect(p).toEqual([7, 2, 2, 0, 1200, 1000, 0.2, 2, 3]);
    expect(a).toEqual([7, 2, 1, 1, 1100, 1000, 0.1, 2, 3]);
    expect([a, b]).toEqual(run(["A", "B"]));
  });
  it("at any depth, on both hosts (a blank Rolled into cell arrives as 0 on desktop)", () => {
    // G ← P ← A, B: G's figures are P's; a row rolling into itself is top-level
    const [g, p] = rolled(["G", "P", "A", "B", "D"], [null, "G", "P", "P", "D"], 0);
    expect(g).toEqual([7, 2, 2, 0, 1200, 1000, 0.2, 2, 3]);
    expect(p).toEqual(g);
  });
  it("a cycle (A into B, B into A) stops: each then counts both, once", () => {
    const [a, b] = rolled(["A", "B"], ["B", "A"]);
    expect(a).toEqual([7, 2, 2, 0, 1200, 1000, 0.2, 2, 3]);
    expect(b).toEqual(a);
  });
  it("a rolledInto column of another height is refused with a message", () => {
    expect(() => rolled(["A", "B"], [null, "A", "B"])).toThrow(
      expect.objectContaining({
        message:
          "rolledInto has 3 rows but accountIds has 2 rows; give the column beside the account ids.",
      })
    );
  });
});

describe("bad order columns give one clear message", () => {
  it("a row with revenue but no account", () => {
    const [a, dt, o, r, c] = args();
    a[3] = [null];
    expect(() => both(metrics, col(["A"]), a, dt, o, r, c, AS_OF)).toThrow(
      expect.objectContaining({
        message:
          "Order row 4 has a date or revenue but no account (orderAccounts is blank or 0). An account numbered 0 must be typed as text ('0): Excel desktop passes a blank cell as 0.",
      })
    );
  });
  it("an unreadable date: its account's row is the error naming the row; the other accounts are read as ever", () => {
    const [a, dt, o, r, c] = args();
    dt[2] = ["last Tuesday"]; // row 3 is one of A's lines
    const [rowA, rowB] = both(metrics, col(["A", "B"]), a, dt, o, r, c, AS_OF);
    expect(rowA).toHaveLength(9);
    for (const cell of rowA)
      expect(cell).toMatchObject({
        message: expect.stringMatching(/^Order row 3: orderDates: "last Tuesday" is not a date/),
      });
    // B as worked by hand above: 15 Jun → 31 Oct is 138 days; no order last quarter, one before
    expect(rowB.slice(0, 4)).toEqual([138, 0, 1, -1]);
    // £40 + £60 in the last 12 months, none before; Tools only
    expect([rowB[4], rowB[5], rowB[7]]).toEqual([100, 0, 1]);
    // KAP.ACCOUNTHEALTH over the same columns: A's cell is the error, B's a score
    const [[hA], [hB]] = both(
      accountHealth,
      col(["A", "B"]),
      a,
      dt,
      o,
      r,
      c,
      null as never,
      null as never,
      AS_OF
    );
    expect(hA).toMatchObject({ message: expect.stringMatching(/^Order row 3: orderDates/) });
    expect(typeof hB).toBe("number");
  });
  it("with no as-of given, a row left out for its amount still dates the data: the other accounts keep the as-of it sets", () => {
    const [a, dt, o, r, c] = args();
    // E's one line, 10 Nov 2026 (the latest in the data), has an amount that is not a number
    a.push(["E"]);
    dt.push([d(2026, 11, 10)]);
    o.push(["I20"]);
    r.push(["n/a"]);
    c.push(["Tools"]);
    const [rowB, rowD, rowE] = both(metrics, col(["B", "D", "E"]), a, dt, o, r, c);
    expect(rowE[0]).toMatchObject({ message: expect.stringMatching(/^Order row 12: revenue/) });
    // as of 10 Nov 2026 (not A's 25 Oct, the last line read): B's 15 Jun is 15 + 31 + 31 + 30
    // + 31 + 10 = 148 days back; last quarter (10 Aug, 10 Nov] none, the one before 1 order
    expect(rowB.slice(0, 4)).toEqual([148, 0, 1, -1]);
    // D's 1 Oct is 30 + 10 = 40 days back; £100 in (10 Nov 2025, 10 Nov 2026], none before
    expect([rowD[0], rowD[4], rowD[5]]).toEqual([40, 100, 0]);
  });
  it("with no as-of given, a credit note dated after the last invoice does not set it: as of the last sale, as kap analyze", () => {
    const [a, dt, o, r, c] = args();
    // the data's last row is A's credit note C-77 (25 Oct 2026, quantity −1); its last sale I5, 24 Oct
    const [rowA, rowB] = both(metrics, col(["A", "B"]), a, dt, o, r, c, null as never, qtyOf());
    // B's 15 Jun is 15 + 31 + 31 + 30 + 24 = 131 days back from 24 Oct (132 from the credit note's 25 Oct)
    expect(rowB[0]).toBe(131);
    // A's last 12 months (24 Oct 2025, 24 Oct 2026]: 1000 + 500 + 100 + 200 + 300 + 50 = 2150
    // (C-77's −50, after the as-of date, is not in them)
    expect([rowA[0], rowA[4]]).toEqual([0, 2150]);
  });
  it("a revenue or quantity of 10 trillion or more (an id in the column) is no amount: its account's row says so, as the ingest leaves the line out", () => {
    const [a, dt, o, r, c] = args();
    // row 4 is A's I4 (£200 on 1 Aug 2026): an invoice number pasted into its revenue cell
    r[3] = [20260801000013];
    const q = qtyOf();
    // row 9 is B's second £60 line: a barcode in its quantity
    q[8] = [5012345678900000];
    const [rowA, rowB, rowD] = both(metrics, col(["A", "B", "D"]), a, dt, o, r, c, AS_OF, q);
    expect(rowA[0]).toMatchObject({
      message: expect.stringMatching(
        /^Order row 4: revenue 20260801000013 is too large to be real/
      ),
    });
    expect(rowB[0]).toMatchObject({
      message: expect.stringMatching(
        /^Order row 9: quantity 5012345678900000 is too large to be real/
      ),
    });
    // D is read as ever: £100 on 1 Oct 2026 in the last 12 months, 30 days back
    expect([rowD[0], rowD[4]]).toEqual([30, 100]);
    // just under the limit is an amount (£9,999,999,999,999 on I4 instead of £200)
    r[3] = [9_999_999_999_999];
    const [okA] = both(metrics, col(["A"]), a, dt, o, r, c, AS_OF, qtyOf());
    // last 12 months (1 Nov 2025 – 31 Oct 2026): 500 + 100 + 9,999,999,999,999 + 300 + 50 − 50
    expect(okA[4]).toBe(10_000_000_000_899);
  });
  it("an unreadable date with no as-of given stops the call: that row might have been the data's last date", () => {
    const [a, dt, o, r, c] = args();
    dt[2] = ["last Tuesday"];
    expect(() => both(metrics, col(["A", "B"]), a, dt, o, r, c)).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(
          /^Order row 3: orderDates: "last Tuesday" is not a date.*With no asOf given, .*correct the row, or give asOf\.$/
        ),
      })
    );
  });
  it("a site's unreadable row shows in its own row and in the row of the account it rolls into", () => {
    const [a, dt, o, r, c] = args();
    r[7] = ["forty"]; // row 8 is one of B's lines
    const [p, rowA, rowB] = both(
      metrics,
      col(["P", "A", "B"]),
      a,
      dt,
      o,
      r,
      c,
      AS_OF,
      null as never,
      null as never,
      null as never,
      col([null, "P", "P"])
    );
    const msg = { message: expect.stringMatching(/^Order row 8: revenue/) };
    expect(p[0]).toMatchObject(msg);
    expect(rowB[0]).toMatchObject(msg);
    expect(rowA[0]).toBe(7); // A's own figures: last order 24 Oct → 7 days
  });
  it("a column given as a block of two columns, unless an earlier row's own error comes first", () => {
    const [a, dt, o, r, c] = args();
    const block = o.map((row) => [row[0], "x"]);
    expect(() => both(metrics, col(["A"]), a, dt, block, r, c, AS_OF)).toThrow(
      expect.objectContaining({ message: "orderIds must be one cell, one column or one row." })
    );
    a[0] = [null];
    expect(() => both(metrics, col(["A"]), a, dt, block, r, c, AS_OF)).toThrow(
      expect.objectContaining({
        message:
          "Order row 1 has a date or revenue but no account (orderAccounts is blank or 0). An account numbered 0 must be typed as text ('0): Excel desktop passes a blank cell as 0.",
      })
    );
  });
  it("rows far down a long column are read, and named by their own row (row 2,000 of 2,012)", () => {
    // the 11 lines, 2,000 blank rows, then E's line of £70 on 1 Oct 2026 at row 2,012
    const rows = [...ORDERS.map((x) => [...x]), ...Array(2000).fill(null)];
    const cols = [0, 1, 2, 3, 4].map((k) => col(rows.map((x) => (x ? x[k] : null))));
    for (const [k, v] of ["E", d(2026, 10, 1), "I99", 70, "Tools"].entries()) cols[k].push([v]);
    const [e] = both(metrics, col(["E"]), cols[0], cols[1], cols[2], cols[3], cols[4], AS_OF);
    // 1 Oct → 31 Oct: 30 days; one order in the last quarter, none before; £70 in 12 months
    expect([e[0], e[1], e[2], e[4], e[5]]).toEqual([30, 1, 0, 70, 0]);
    cols[0][1999] = ["A"];
    cols[3][1999] = [5];
    cols[1][1999] = ["yesterday"];
    const [a2, e2] = both(
      metrics,
      col(["A", "E"]),
      cols[0],
      cols[1],
      cols[2],
      cols[3],
      cols[4],
      AS_OF
    );
    expect(a2[0]).toMatchObject({
      message: expect.stringMatching(/^Order row 2000: orderDates: "yesterday" is not a date/),
    });
    expect([e2[0], e2[1], e2[2], e2[4], e2[5]]).toEqual([30, 1, 0, 70, 0]);
    // the next call, on other columns, reuses the last call's order-book arrays: A as worked above
    const [a] = run(["A"]);
    expect([a[0], a[4], a[5], a[6]]).toEqual([7, 1100, 1000, 0.1]);
  });
  it("columns of different heights", () => {
    const [a, dt, o, r, c] = args();
    expect(() => both(metrics, col(["A"]), a, dt.slice(1), o, r, c, AS_OF)).toThrow(
      expect.objectContaining({
        message: expect.stringContaining("give ranges of the same height"),
      })
    );
  });
});

describe("identical to `kap analyze` on the sample workbook, for every account", () => {
  let engine: KapEngine;
  let orders: unknown[][];
  let head: string[];
  beforeAll(async () => {
    const { grids } = await readWorkbookFile(join(__dirname, "../../assets/sample-workbook.xlsx"));
    engine = new KapEngine();
    await loadGrids(engine, grids, defaultSettings());
    engine.analyze({ ...defaultSettings(), asOf: "2026-10-31" });
    const g = grids.find((x) => x.values[0]?.includes("Invoice No"))!;
    head = g.values[0] as string[];
    orders = g.values.slice(1);
  }, 120_000);
  const column = (name: string, map: (v: unknown) => unknown = (v) => v) =>
    col(orders.map((r) => map(r[head.indexOf(name)])));

  it("METRICS gives each account the engine's health inputs; ACCOUNTHEALTH its score", () => {
    const p = engine.portfolio!;
    // a parent's row includes its children's lines: give METRICS each line's top account
    const topOf = new Map<string, string>();
    for (const a of p.accounts)
      if (a.isTopLevel)
        for (const c of [a.accountId, ...descendants(a.accountId)]) topOf.set(c, a.accountId);
    function descendants(id: string): string[] {
      const row = p.accounts.find((x) => x.accountId === id);
      return (row?.childIds ?? []).flatMap((c) => [c, ...descendants(c)]);
    }
    const rows = p.accounts.filter((a) => a.isTopLevel);
    const ids = col(rows.map((a) => a.accountId));
    const args = [
      column("Customer ID", (v) => topOf.get(String(v)) ?? v),
      column("Invoice Date", (v) =>
        v instanceof Date ? Math.floor(v.getTime() / 86_400_000) + 25_569 : v
      ),
      column("Invoice No"),
      column("Line Total"),
      column("Category"),
    ] as unknown[][][];
    const out = both(
      metrics,
      ids,
      ...(args as [unknown[][], unknown[][], unknown[][], unknown[][], unknown[][]]),
      AS_OF,
      column("Qty"),
      null as never,
      column("SKU")
    );
    const expected = rows.map((a) => {
      const i = a.health.inputs;
      const change = (c: typeof i.ordersChange) =>
        c.kind === "pct" ? c.pct / 100 : { na: "new", inf: "lapsed", none: "none" }[c.kind];
      const cats =
        i.categoriesLast12 === 1 && (i.productsLast12 ?? 2) <= 1
          ? "1 (one product)"
          : i.categoriesLast12;
      return [
        i.daysSinceLastOrder ?? "never",
        i.ordersLastQuarter,
        i.ordersPreviousQuarter,
        change(i.ordersChange),
        i.revenueLast12,
        i.revenuePrior12,
        change(i.revenueChange),
        cats,
        i.productsLast12,
      ];
    });
    expect(out).toEqual(expected);
    const scores = both(
      accountHealth,
      ids,
      ...(args as [unknown[][], unknown[][], unknown[][], unknown[][], unknown[][]]),
      col(rows.map((a) => a.health.inputs.engagement)),
      col(rows.map((a) => a.health.inputs.daysBeyondTerms ?? "n/a")),
      AS_OF,
      null as never,
      column("Qty"),
      column("SKU")
    );
    expect(scores.map((x) => x[0])).toEqual(rows.map((a) => a.health.score));
    expect(rows.length).toBeGreaterThan(100);
  });

  it("one call over every row, sites too, with rolledInto = each row's parent, gives each row the engine's inputs", () => {
    const all = engine.portfolio!.accounts;
    expect(all.some((a) => !a.isTopLevel)).toBe(true);
    const out = both(
      metrics,
      col(all.map((a) => a.accountId)),
      column("Customer ID"),
      column("Invoice Date", (v) =>
        v instanceof Date ? Math.floor(v.getTime() / 86_400_000) + 25_569 : v
      ),
      column("Invoice No"),
      column("Line Total"),
      column("Category"),
      AS_OF,
      column("Qty"),
      null as never,
      column("SKU"),
      col(all.map((a) => a.parentId))
    );
    all.forEach((a, k) => {
      const i = a.health.inputs;
      expect([a.accountId, out[k][0], out[k][4], out[k][5]]).toEqual([
        a.accountId,
        i.daysSinceLastOrder ?? "never",
        i.revenueLast12,
        i.revenuePrior12,
      ]);
      expect([out[k][1], out[k][2]]).toEqual([i.ordersLastQuarter, i.ordersPreviousQuarter]);
    });
  });

  it("README's worked example: C0204 as of 31/10/2026 (worked with pandas from the Orders sheet)", () => {
    const dates = column("Invoice Date", (v) =>
      v instanceof Date ? Math.floor(v.getTime() / 86_400_000) + 25_569 : v
    );
    const args = [
      column("Customer ID"),
      dates,
      column("Invoice No"),
      column("Line Total"),
      column("Category"),
    ] as [unknown[][], unknown[][], unknown[][], unknown[][], unknown[][]];
    const [row] = both(
      metrics,
      [["C0204"]],
      ...args,
      AS_OF,
      column("Qty"),
      null as never,
      column("SKU")
    );
    // last order 30/10; 87 vs 90 invoices: −3.3% → −3%; £228,972.47 vs £123,585.16: +85.3% → 85%; 5 categories, 19 SKUs
    expect(row).toEqual([1, 87, 90, -0.03, 228972.47, 123585.16, 0.85, 5, 19]);
    const score = (engagement: unknown, payment: unknown) =>
      both(
        accountHealth,
        [["C0204"]],
        ...args,
        [[engagement]],
        [[payment]],
        AS_OF,
        null as never,
        column("Qty"),
        column("SKU")
      )[0][0];
    // Recency 5, Frequency 3 (−3%), Revenue 5 (+85%), Diversity 4 (5 categories), Engagement 5, Payment 3 (4.46 → 4 days)
    expect(score(5, 4.46)).toBe(4.25); // (1.25 + 0.60 + 1.00 + 0.60 + 0.50 + 0.30) / 1.00
    expect(score(null, "n/a")).toBe(4.31); // (1.25 + 0.60 + 1.00 + 0.60) / 0.80 = 4.3125
  });
});

describe("KAP.METRICS without a products column: each line's category stands for its product, as in kap analyze", () => {
  // test/fixtures/exports/invoice-level-categories.csv as columns: "Delivery" and "Samples" name
  // service lines (never categories, PRODUCT.md §2), Tools and Fixings categories.
  const rows: [string, number, string, number, string][] = [
    ["Acme", d(2026, 10, 5), "INV-1", 15, "Delivery"],
    ["Acme", d(2026, 10, 5), "INV-1", 120, "Tools"],
    ["Acme", d(2026, 10, 20), "INV-2", 100, "Samples"],
    ["Birch", d(2026, 10, 12), "INV-3", 250, "Tools"],
    ["Birch", d(2026, 10, 28), "INV-4", 80, "Fixings"],
    ["Cedar", d(2026, 9, 15), "INV-5", 60, "Tools"],
    ["Cedar", d(2026, 10, 30), "INV-6", 40, "Tools"],
  ];
  const c = (k: number) => col(rows.map((r) => r[k]));
  const asOf = [[d(2026, 10, 30)]];

  it("counts 1, 2 and 1 categories with products n/a, and ACCOUNTHEALTH scores 3.25, 4.25, 3.88 (worked in test/ingest/invoiceLevel)", () => {
    const out = both(metrics, col(["Acme", "Birch", "Cedar"]), c(0), c(1), c(2), c(3), c(4), asOf);
    expect(out.map((r) => [r[4], r[7], r[8]])).toEqual([
      [235, 1, ""],
      [330, 2, ""],
      [100, 1, ""],
    ]);
    const scores = both(
      accountHealth,
      col(["Acme", "Birch", "Cedar"]),
      c(0),
      c(1),
      c(2),
      c(3),
      c(4),
      null as never,
      null as never,
      asOf
    );
    expect(scores.map((r) => r[0])).toEqual([3.25, 4.25, 3.88]);
  });
});

describe("KAP.METRICS with a products column: a blank product cell is a line without a product, not its category", () => {
  it("counts 1 product and 1 category for A (P1, Tools), whatever the blank-product lines' categories (tester's repro)", () => {
    const rows: [string, number, string, number, string | null, string | null][] = [
      ["A", d(2026, 10, 5), "I1", 100, "Tools", "P1"],
      ["A", d(2026, 10, 5), "I1", 15, "Carriage", null],
      ["A", d(2026, 10, 6), "I2", 30, "Fixings", null],
      ["A", d(2026, 10, 7), "I3", 40, null, null],
    ];
    const c = (k: number) => col(rows.map((r) => r[k]));
    const [row] = both(
      metrics,
      [["A"]],
      c(0),
      c(1),
      c(2),
      c(3),
      c(4),
      AS_OF,
      null as never,
      null as never,
      c(5)
    );
    // revenue 100 + 15 + 30 + 40 = 185 (lines without a product count in revenue); only P1 bought
    expect([row[4], row[7], row[8]]).toEqual([185, "1 (one product)", 1]);
  });
});

describe("KAP.METRICS: order ids that all look like credit notes are the numbering, as in kap analyze", () => {
  it("reads C26101 and C26188 as two orders worth 132 (not two credit notes, −132)", () => {
    const rows: [string, number, string, number, string][] = [
      ["C045", d(2026, 9, 3), "C26101", 45, "Fixings"],
      ["C045", d(2026, 10, 6), "C26188", 87, "Fixings"],
    ];
    const c = (k: number) => col(rows.map((r) => r[k]));
    const [row] = both(metrics, [["C045"]], c(0), c(1), c(2), c(3), c(4), AS_OF);
    // 6 Oct → 31 Oct: 25 days; both in (31 Jul, 31 Oct]
    expect([row[0], row[1], row[4]]).toEqual([25, 2, 132]);
  });
});
