/** Column choices checked against the data, on plain tables no layout knows (ingest/plausible). */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { textSource } from "../../src/cli/fileSource";
import { KapEngine, loadGrids, loadSource } from "../../src/engine/engine";
import { detectRoles } from "../../src/engine/session";
import { defaultSettings } from "../../src/engine/settings";
import { detectTable } from "../../src/ingest/detect";
import type { Cell, Grid } from "../../src/ingest/grid";
import { orderTotalEvidence } from "../../src/ingest/plausible";

const detectAll = (grids: Grid[], settings?: Parameters<typeof detectRoles>[1]) =>
  detectRoles(
    grids.map((g) => ({ peek: g, rows: g.values.length })),
    settings
  );
const field = (g: Grid, f: string) =>
  detectAll([g]).orders?.detection.mapping.fields.find((x) => x.field === f)?.header;
const notes = (g: Grid) => detectAll([g]).orders?.detection.notes ?? [];

async function revenueBy(g: Grid): Promise<Record<string, number>> {
  const engine = new KapEngine();
  await loadGrids(engine, [g], defaultSettings());
  const p = engine.analyze({ ...defaultSettings(), asOf: "2026-10-31" });
  return Object.fromEntries(
    p.accounts.map((a) => [a.accountId, Math.round(a.revenueLast12 * 100) / 100])
  );
}

describe("ledger, tax and posting codes are never the customer", () => {
  it.each([
    ["Account Code"],
    ["Nominal Code"],
    ["GL Account"],
    ["Tax Type"],
    ["Sales Account"],
    ["Posting Group"],
  ])('"%s"', (h) => {
    const d = detectTable({
      name: "s",
      values: [[h, "Customer Name", "Invoice Date", "SKU", "Qty", "Net Amount"]],
    })!;
    expect(d.mapping.fields.find((f) => f.field === "accountId")).toBeUndefined();
    expect(d.mapping.fields.find((f) => f.field === "accountName")!.header).toBe("Customer Name");
  });
  it("but the customer's own account code is", () => {
    const d = detectTable({
      name: "s",
      values: [["Customer Account Code", "Invoice Date", "SKU", "Qty", "Net Amount"]],
    })!;
    expect(d.mapping.fields.find((f) => f.field === "accountId")!.header).toBe(
      "Customer Account Code"
    );
  });
});

describe("a word inside a header does not beat a better reading", () => {
  it.each([
    ["UnitAmount", "unitPrice"],
    ["Tax Amount", undefined],
    ["Discount Amount", undefined],
    ["Shipping Amount", undefined],
    ["Amount Paid", undefined],
  ])('"%s" is not line revenue', (h, as) => {
    const d = detectTable({ name: "s", values: [["Customer", "Date", "SKU", "Qty", h]] });
    const hit = d?.mapping.fields.find((f) => f.header === h);
    expect(hit?.field).toBe(as);
  });
  it('"Due Date" is not the order date, "Tax Code" and "Discount Code" are not the product', () => {
    const d = detectTable({
      name: "s",
      values: [
        ["Customer", "Due Date", "Invoice Date", "Tax Code", "Discount Code", "Qty", "Line Total"],
      ],
    })!;
    expect(Object.fromEntries(d.mapping.fields.map((f) => [f.field, f.header]))).toEqual({
      accountName: "Customer",
      date: "Invoice Date",
      quantity: "Qty",
      revenue: "Line Total",
    });
  });
});

describe("line revenue ≈ quantity × unit price on most lines", () => {
  const head = ["Customer", "Order No", "Order Date", "SKU", "Qty", "Unit Price", "Value"];
  it('a "Value" that is the line value is kept', () => {
    const g: Grid = {
      name: "o",
      values: [
        head,
        ["A", "O1", "2026-10-01", "S1", 2, 5, 10],
        ["A", "O2", "2026-10-02", "S2", 3, 4, 12],
        ["B", "O3", "2026-10-03", "S1", 1, 5, 5],
      ],
    };
    expect(field(g, "revenue")).toBe("Value");
    expect(notes(g)).toEqual([]);
  });
  it('a "Value" at or below quantity × price is revenue net of discounts, and is kept', () => {
    const g: Grid = {
      name: "o",
      values: [
        head,
        ["A", "O1", "2026-10-01", "S1", 2, 5, 9],
        ["A", "O2", "2026-10-02", "S2", 3, 4, 10.8],
        ["B", "O3", "2026-10-03", "S1", 1, 5, 4.5],
      ],
    };
    expect(field(g, "revenue")).toBe("Value");
  });
  it('a "Value" that is neither is replaced by quantity × price, and the user is told with a row', async () => {
    // "Value" here is the stock value per unit, not the line value: 2×5 = 10 but Value 30.
    const g: Grid = {
      name: "o",
      values: [
        head,
        ["A", "O1", "2026-10-01", "S1", 2, 5, 30],
        ["A", "O2", "2026-10-02", "S2", 3, 4, 41],
        ["B", "O3", "2026-10-03", "S1", 1, 5, 30],
      ],
    };
    expect(field(g, "revenue")).toBeUndefined();
    expect(notes(g)).toEqual([
      '"Value" does not equal "Qty" × "Unit Price" on most lines (row 2: 2.00 × 5.00 = 10.00, but "Value" holds 30.00): KAP works line revenue out as "Qty" × "Unit Price". If "Value" is each line\'s value, choose it as the line revenue in the column mapping.',
    ]);
    // A: 2×5 + 3×4 = 22; B: 1×5 = 5
    expect(await revenueBy(g)).toEqual({ A: 22, B: 5 });
  });
  it("the user's own choice is never overridden", () => {
    const g: Grid = { name: "o", values: [head, ["A", "O1", "2026-10-01", "S1", 2, 5, 30]] };
    expect(
      detectAll([g], {
        mapping: { orders: { revenue: "Value" } },
      }).orders!.detection.mapping.fields.find((f) => f.field === "revenue")!.header
    ).toBe("Value");
  });
  it("a discount % column is taken off (10 × 4.50 × (1 − 10%) = 40.50)", async () => {
    const g: Grid = {
      name: "o",
      values: [
        ["Customer", "Date", "SKU", "Qty", "Unit Price", "Disc %"],
        ["A", "2026-10-01", "S1", 10, 4.5, 10],
        ["A", "2026-10-02", "S2", 2, 3, "25%"],
      ],
    };
    // 40.50 + 2 × 3 × 0.75 = 40.50 + 4.50 = 45.00
    expect(await revenueBy(g)).toEqual({ A: 45 });
  });
  it('a "discount" column over 100 is not a percentage and is not taken off', async () => {
    const g: Grid = {
      name: "o",
      values: [
        ["Customer", "Date", "SKU", "Qty", "Unit Price", "Discount"],
        ["A", "2026-10-01", "S1", 10, 40, 150],
      ],
    };
    expect(notes(g)).toEqual([
      '"Discount" is not a discount percentage (row 2 holds 150), so it is not taken off the line values.',
    ]);
    expect(await revenueBy(g)).toEqual({ A: 400 });
  });
});

describe("an order-level total is not line revenue", () => {
  it("a Total on the first line of each order only is dropped for quantity × price, with the order named", async () => {
    const g: Grid = {
      name: "o",
      values: [
        ["Order", "Customer", "Created at", "SKU", "Qty", "Price", "Total"],
        ["#1", "A", "2026-10-01", "S1", 2, 10, 41.5],
        ["#1", "A", "2026-10-01", "S2", 1, 15, null],
        ["#2", "B", "2026-10-02", "S1", 1, 10, 12],
      ],
    };
    expect(field(g, "revenue")).toBeUndefined();
    expect(notes(g)[0]).toBe(
      '"Total" is a figure per order (blank on the later lines of order #1, row 3), not each line\'s value: KAP works line revenue out as "Qty" × "Price".'
    );
    // A: 2×10 + 1×15 = 35 (not 41.50, which holds shipping); B: 10
    expect(await revenueBy(g)).toEqual({ A: 35, B: 10 });
  });
  it("a Total repeated on every line of an order whose lines differ is dropped too", () => {
    // 2 × 10 = 20 and 1 × 15 = 15 differ by line; 35 (= 20 + 15) is on both: the order's
    const rows: Cell[][] = [
      ["INV-1", "A", "2026-10-01", "S1", 2, 10, 35],
      ["INV-1", "A", "2026-10-01", "S2", 1, 15, 35],
    ];
    expect(
      orderTotalEvidence(
        rows,
        (r) => String(r[0]),
        (r) => r[6] as number,
        (r) => String(r[3]),
        () => false,
        (r) => [(r[4] as number) * (r[5] as number)]
      )
    ).toEqual({ kind: "repeated", order: "INV-1", row: 1 });
  });
  it("one or two orders of equal lines, with no line figure beside them, are no evidence; three are", () => {
    const order = (id: string, v: number): Cell[][] => [
      [id, "A", "2026-10-01", "S1", 10, null, v],
      [id, "A", "2026-10-01", "S2", 5, null, v],
    ];
    const evidence = (rows: Cell[][]) =>
      orderTotalEvidence(
        rows,
        (r) => String(r[0]),
        (r) => r[6] as number,
        (r) => String(r[3])
      );
    expect(evidence(order("INV-1", 500))).toBeUndefined();
    expect(evidence([...order("INV-1", 500), ...order("INV-2", 300)])).toBeUndefined();
    expect(
      evidence([...order("INV-1", 500), ...order("INV-2", 300), ...order("INV-3", 80)])
    ).toEqual({ kind: "repeated", order: "INV-1", row: 1 });
  });
  it("equal values on identical lines are not an order total", () => {
    const rows: Cell[][] = [
      ["INV-1", "A", "2026-10-01", "S1", 1, 10, 10],
      ["INV-1", "A", "2026-10-01", "S1", 1, 10, 10],
    ];
    expect(
      orderTotalEvidence(
        rows,
        (r) => String(r[0]),
        (r) => r[6] as number,
        (r) => String(r[3]) + r[4]
      )
    ).toBeUndefined();
  });
  it("with no unit price to fall back on, the message says why the total was not used and what to do", async () => {
    const g: Grid = {
      name: "Orders",
      values: [
        ["Order", "Customer", "Created at", "Total"],
        ["#1", "A", "2026-10-01", 41.5],
        ["#1", "A", "2026-10-01", null],
        ["#2", "B", "2026-10-02", 12],
      ],
    };
    await expect(loadGrids(new KapEngine(), [g], defaultSettings())).rejects.toThrow(
      'No column for "line revenue" (or "unit price") was found in the order lines on "Orders". Headers found: Order, Customer, Created at, Total. Choose the line-revenue column in the task pane\'s mapping, or rename it to "Revenue". "Total" is a figure per order (blank on the later lines of order #1, row 3), not each line\'s value, and there is no unit price to work line values out from: map a line value column, or a quantity and a unit price column.'
    );
  });
});

describe("one customer value across a whole large file", () => {
  const rows = (id: (i: number) => string, name: (i: number) => string): Cell[][] =>
    Array.from({ length: 60 }, (_, i) => [
      id(i),
      name(i),
      `2026-10-${String((i % 28) + 1).padStart(2, "0")}`,
      "S1",
      1,
      10,
    ]);
  it("with a name column that tells customers apart, the names are the accounts", async () => {
    const g: Grid = {
      name: "o",
      values: [
        ["Account", "Customer Name", "Date", "SKU", "Qty", "Revenue"],
        ...rows(
          () => "200",
          (i) => `Cust ${i % 3}`
        ),
      ],
    };
    expect(field(g, "accountId")).toBeUndefined();
    expect(notes(g)).toEqual([
      'Every line has "200" in "Account", so it cannot tell customers apart: KAP takes the customer from "Customer Name" instead.',
    ]);
    // 60 lines of 10 over 3 names: 200 each
    expect(await revenueBy(g)).toEqual({ "Cust 0": 200, "Cust 1": 200, "Cust 2": 200 });
  });
  it("without one, the user is warned", () => {
    const g: Grid = {
      name: "o",
      values: [
        ["Account", "Date", "SKU", "Qty", "Revenue"],
        ...rows(
          () => "X1",
          () => ""
        ).map((r) => [r[0], ...r.slice(2)]),
      ],
    };
    expect(notes(g)).toEqual([
      'Every one of the first 60 lines has the same customer "X1" in "Account": KAP analyses them as one account. If "Account" is not the customer, choose the customer column in the column mapping.',
    ]);
  });
  it("a file source shows the detection only its first 30 rows; the check runs again on the sample the session reads", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "kap-plausible-")), "ledger.csv");
    const lines = [
      "Account,Customer Name,Date,SKU,Qty,Revenue",
      ...rows(
        () => "200",
        (i) => (i < 40 ? "Cust 0" : "Cust 1")
      ).map((r) => r.join(",")),
    ];
    writeFileSync(path, lines.join("\n"));
    const engine = new KapEngine();
    const report = await loadSource(engine, textSource(path), defaultSettings());
    expect(report.warnings[0]).toBe(
      'Every line has "200" in "Account", so it cannot tell customers apart: KAP takes the customer from "Customer Name" instead.'
    );
    // 40 lines of 10 and 20 lines of 10
    expect(
      engine
        .analyze({ ...defaultSettings(), asOf: "2026-10-31" })
        .accounts.map((a) => [a.accountId, a.revenueLast12])
    ).toEqual([
      ["Cust 0", 400],
      ["Cust 1", 200],
    ]);
  });
  it("a small file of one customer is no suspicion", () => {
    const g: Grid = {
      name: "o",
      values: [
        ["Account", "Date", "SKU", "Qty", "Revenue"],
        ["X1", "2026-10-01", "S1", 1, 10],
      ],
    };
    expect(notes(g)).toEqual([]);
  });
});
