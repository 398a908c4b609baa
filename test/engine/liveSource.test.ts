/**
 * The task pane's live Account Health sheet (issue 14) on the in-memory Excel double: when the
 * order lines are a range or a table of the workbook, "Score all accounts" writes one spilled
 * KAP.METRICS beside the health table and the table's order inputs read it by position; the
 * write takes the same round trips as the values sheet. When the data needs a reading the
 * function does not do, the inputs stay values and the message says why.
 */
import { ExcelDouble } from "../excel-double/excel";
import { createExcelHost } from "../../src/engine/excelHost";
import { liveOrderSource, type LiveSourceInput } from "../../src/engine/liveSource";
import { defaultSettings } from "../../src/engine/settings";
import type { KapSettings, Progress } from "../../src/engine/contract";
import { ymdToSerial } from "../../src/domain/dates";

const HEAD = [
  "Order Date",
  "Invoice No",
  "Customer ID",
  "Customer",
  "SKU",
  "Description",
  "Category",
  "Qty",
  "Line Total",
];

/** 6 accounts over 2 years (as in test/engine/excelHost.test.ts); A6 is a site of A1 when there is an Accounts table. */
function orderRows(): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const cats = ["Cable Ties", "Fixings", "Hand Tools", "Electrical"];
  let inv = 1;
  for (let a = 1; a <= 6; a++)
    for (let m = 0; m < 24; m++) {
      if (a === 5 && m > 20) continue;
      rows.push([
        ymdToSerial(2024, 11, 5) + m * 30 + a,
        `INV${inv++}`,
        `A${a}`,
        `Account ${a} Ltd`,
        `SKU${m % 3}-${a % 2}`,
        "Widget",
        cats[(m + a) % ((a % 4) + 1)],
        2 + (m % 3),
        100 + a * 10 + m,
      ]);
    }
  return rows;
}

const settings = (more: Partial<KapSettings> = {}): KapSettings => ({
  ...defaultSettings(),
  ...more,
});
const signal = () => new AbortController().signal;
const noop = (_p: Progress) => undefined;
const SHEET = "KAP Account Health";

function withRange(sheet = "Bob's Orders"): ExcelDouble {
  const x = new ExcelDouble([sheet]);
  x.model.fill(x.sheet(sheet), "A1", [["Sales export — October 2026"], [""], HEAD, ...orderRows()]);
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  return x;
}

function withTable(head = HEAD): ExcelDouble {
  const x = new ExcelDouble(["Orders", "Accounts"]);
  const rows = orderRows();
  x.model.fill(x.sheet("Orders"), "A1", [head, ...rows]);
  x.model.addTable(
    x.sheet("Orders"),
    { row: 0, col: 0, rows: rows.length + 1, cols: head.length },
    true
  ).name = "Sales_2026";
  x.model.fill(x.sheet("Accounts"), "A1", [
    ["Account No", "Account Name", "Parent Account"],
    ...[1, 2, 3, 4, 5, 6].map((a) => [`A${a}`, `Account ${a} Ltd`, a === 6 ? "A1" : ""]),
  ]);
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  return x;
}

/** Where a formula containing `text` sits on the sheet. */
const cellsWith = (x: ExcelDouble, text: string) =>
  x
    .formulaCells(SHEET)
    .filter((a) => x.cellAt(SHEET, a)?.formula?.includes(text))
    .sort();

describe("Score all accounts keeps the order inputs live over the workbook's order lines", () => {
  test("a range under a title: one KAP.METRICS over whole columns of the quoted sheet, INDEX in each input cell", async () => {
    const x = withRange();
    const host = createExcelHost();
    const res = await host.run("scoreAll", {}, settings(), noop, signal());
    expect(res.message).toContain(
      "Its order inputs stay live: one KAP.METRICS over 'Bob''s Orders'!A:I recalculates them, and the scores, as orders are added. It reads whole columns; making the order lines an Excel table keeps each recalculation lighter."
    );
    // the table runs A:AP (14 + 3 lifetime figures + Lifetime fit, as the fit on 6 accounts is not
    // reliable + 6 inputs + 6 scores + 6 more + 4 lifetime inputs + 2 sources = 42 columns),
    // a blank AQ, the spill from AR8
    expect(cellsWith(x, "KAP.METRICS")).toEqual(["AR8"]);
    expect(x.cellAt(SHEET, "AR8")?.formula).toBe(
      "=KAP.METRICS($A$8:$A$13,'Bob''s Orders'!$C$4:$C$1048576,'Bob''s Orders'!$A$4:$A$1048576,'Bob''s Orders'!$B$4:$B$1048576,'Bob''s Orders'!$I$4:$I$1048576,'Bob''s Orders'!$G$4:$G$1048576,,'Bob''s Orders'!$H$4:$H$1048576,,'Bob''s Orders'!$E$4:$E$1048576,$C$8:$C$13)"
    );
    expect(x.cellAt(SHEET, "AR7")?.value).toBe("Days since last order");
    expect(x.cellAt(SHEET, "AZ7")?.value).toBe("Products (12m)");
    // S..V are the inputs Days since last order, Orders change, Revenue change, Categories; J and AF the revenues
    const want: Record<string, number> = { S: 1, T: 4, U: 7, V: 8, J: 5, AF: 6 };
    for (const [c, k] of Object.entries(want))
      for (let r = 8; r <= 13; r++)
        expect([c, r, x.cellAt(SHEET, `${c}${r}`)?.formula]).toEqual([
          c,
          r,
          `=INDEX($AR$8#,ROW()-ROW($AR$8)+1,${k})`,
        ]);
    expect(x.cellAt(SHEET, "V7")?.value).toBe("Categories (12m)");
    expect(x.cellAt(SHEET, "AF7")?.value).toBe("Revenue prior 12m");
    // engagement, payment and Orders 12m stay values
    expect(x.cellAt(SHEET, "W8")?.formula).toBeUndefined();
    expect(x.cellAt(SHEET, "AG8")?.formula).toBeUndefined();
    // the spill area below the anchor is left empty, formatted
    expect(x.cellAt(SHEET, "AR9")?.value ?? "").toBe("");
    // the orders-change column, signed as on the sheet (+0%;-0%;0%, 9c9a86a)
    expect(x.cellAt(SHEET, "AU9")?.numberFormat).toBe("+0%;-0%;0%");
    expect(String(x.cellAt(SHEET, "A4")?.value)).toMatch(
      /^Live: Days since last order, .* read the one KAP\.METRICS call in column AR over 'Bob''s Orders'!A:I, as of its last sale's date: .*; a return dated after the last sale is not counted until a sale follows it/
    );
  });

  test("the same round trips as the values sheet", async () => {
    const a = withRange();
    const host = createExcelHost();
    await host.analyze(settings(), noop, signal());
    const before = a.stats.syncs;
    await host.run("scoreAll", {}, settings(), noop, signal());
    const live = a.stats.syncs - before;
    const b = withRange();
    const host2 = createExcelHost();
    await host2.analyze(settings(), noop, signal());
    const before2 = b.stats.syncs;
    await host2.run("scoreAll", {}, settings({ liveHealthInputs: false }), noop, signal());
    expect(live).toBe(b.stats.syncs - before2);
    expect(live).toBeLessThanOrEqual(3);
    expect(cellsWith(b, "KAP.METRICS")).toEqual([]);
  });

  test("a table with awkward column names: structured references escaped; a site rolls into its parent through Rolled into", async () => {
    const head = [...HEAD];
    head[1] = "Invoice #";
    head[8] = "Line Total [£]";
    const x = withTable(head);
    const host = createExcelHost();
    const d = await host.discover(settings());
    const fields = d.tables.find((t) => t.role === "orders")!.fields;
    expect(fields.find((f) => f.field === "orderId")?.header).toBe("Invoice #");
    expect(fields.find((f) => f.field === "revenue")?.header).toBe("Line Total [£]");
    const res = await host.run("scoreAll", {}, settings({ asOf: "2026-10-31" }), noop, signal());
    expect(res.message).toContain("one KAP.METRICS over the table Sales_2026");
    const [at] = cellsWith(x, "KAP.METRICS");
    expect(x.cellAt(SHEET, at)?.formula).toBe(
      "=KAP.METRICS($A$8:$A$13,Sales_2026[[Customer ID]],Sales_2026[[Order Date]],Sales_2026[[Invoice '#]],Sales_2026[[Line Total '[£']]],Sales_2026[[Category]],DATE(2026,10,31),Sales_2026[[Qty]],,Sales_2026[[SKU]],$C$8:$C$13)"
    );
    // A6 is a site of A1: its row says so in Rolled into (C), which the call passes as rolledInto
    const rolled: unknown[] = [];
    for (let r = 8; r <= 13; r++)
      if (x.cellAt(SHEET, `A${r}`)?.value === "A6") rolled.push(x.cellAt(SHEET, `C${r}`)?.value);
    expect(rolled).toEqual(["A1"]);
  });

  test("turned off in the settings, or data the function reads otherwise: values, and the message says why", async () => {
    withRange();
    const off = await createExcelHost().run(
      "scoreAll",
      {},
      settings({ liveHealthInputs: false }),
      noop,
      signal()
    );
    expect(off.message).not.toContain("KAP.METRICS");
    const x = new ExcelDouble(["Orders"]);
    const iso = (s: number) => {
      const d = new Date((s - 25_569) * 86_400_000);
      return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
    };
    x.model.fill(x.sheet("Orders"), "A1", [
      HEAD,
      ...orderRows().map((r) => [iso(r[0] as number), ...r.slice(1)]),
    ]);
    (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
    const res = await createExcelHost().run("scoreAll", {}, settings(), noop, signal());
    expect(res.message).toContain(
      "Its order inputs are values as of the analysis (not live), because the order dates are text, not date cells."
    );
    expect(cellsWith(x, "KAP.")).toEqual(
      cellsWith(x, "KAP.PALIVE").concat(cellsWith(x, "KAP.CLV")).sort()
    );
  });
});

test("a totals row under the order lines (skipped by the analysis, an error to the function): values, and why", async () => {
  const x = new ExcelDouble(["Orders"]);
  const rows = orderRows();
  const total = rows.reduce((t, r) => t + (r[8] as number), 0);
  x.model.fill(x.sheet("Orders"), "A1", [
    HEAD,
    ...rows,
    ["", "", "", "Total", "", "", "", "", total],
  ]);
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  const res = await createExcelHost().run("scoreAll", {}, settings(), noop, signal());
  expect(res.message).toContain(
    "(not live), because the analysis skipped 1 order row (totals row) that KAP.METRICS would read otherwise."
  );
  expect(cellsWith(x, "KAP.METRICS")).toEqual([]);
});

describe("liveOrderSource: live only where KAP.METRICS reads the lines as the analysis did", () => {
  const base = (): LiveSourceInput => ({
    sheet: "Orders",
    table: "Orders",
    rowIndex: 0,
    columnIndex: 0,
    mapping: {
      role: "orders",
      sheet: "Orders",
      headerRow: 0,
      fields: [
        { field: "accountId", column: 0, header: "Customer", confidence: 1 },
        { field: "date", column: 1, header: "Date", confidence: 1 },
        { field: "revenue", column: 2, header: "Amount", confidence: 1 },
        { field: "productName", column: 3, header: "Item", confidence: 1 },
      ],
    },
    headers: ["Customer", "Date", "Amount", "Item"],
    sample: [
      ["A1", 46000, 10, "x"],
      [null, null, null, null],
      ["A2", "2026-01-02", null, "y"],
    ],
    hasCatalog: false,
  });
  const why = (i: LiveSourceInput) => {
    const r = liveOrderSource(i);
    return "why" in r ? r.why : "live";
  };
  test("plain columns are live; a product name stands in for a missing SKU; blank rows and ISO dates are fine", () => {
    const r = liveOrderSource(base());
    expect(r).toEqual({
      source: {
        sheet: "Orders",
        table: "Orders",
        headerRow: 1,
        columns: {
          accountId: { header: "Customer", column: 0 },
          date: { header: "Date", column: 1 },
          revenue: { header: "Amount", column: 2 },
          sku: { header: "Item", column: 3 },
        },
      },
    });
  });
  test("each reading the function does not do keeps values, with its reason", () => {
    const b = base();
    expect(why({ ...b, mapping: { ...b.mapping, layout: "quickbooks" as never } })).toBe(
      "the order lines are read as a known export layout (quickbooks)"
    );
    const plus = (field: string) => ({
      ...b,
      mapping: {
        ...b.mapping,
        fields: [...b.mapping.fields, { field, column: 4, header: field, confidence: 1 }],
      },
    });
    expect(why(plus("docType"))).toBe(
      "the order lines mark credit notes in a document-type column"
    );
    expect(why(plus("currency"))).toBe("the order lines have a currency column");
    expect(why({ ...b, currencies: 2 })).toBe("the order lines are in several currencies");
    expect(why({ ...b, currencies: 1 })).toBe("live");
    expect(why({ ...b, hasCatalog: true })).toBe(
      "the categories come from the catalog, not the order lines"
    );
    expect(why({ ...b, mapping: { ...b.mapping, fields: b.mapping.fields.slice(1) } })).toBe(
      "the order lines have no account id column KAP.METRICS can read"
    );
    expect(why({ ...b, sample: [["A1", "03/01/2026", 10, "x"]] })).toBe(
      "the order dates are text, not date cells"
    );
    expect(why({ ...b, sample: [["A1", 46000, "£10.00", "x"]] })).toBe(
      "the line revenue is text, not numbers"
    );
    expect(why({ ...b, sample: [[null, 46000, 10, "x"]] })).toBe(
      "some order lines leave the account to the order's first line"
    );
    expect(why({ ...b, table: "My Orders" })).toBe(
      '"My Orders" is not a table name a formula can use'
    );
    // blank rows and comment lines are skipped alike; a totals row or a rejected line is not
    const skipped = [
      { rule: "blank row", rows: 4 },
      { rule: "empty line (no quantity, no value)", rows: 2 },
    ];
    expect(why({ ...b, skipped })).toBe("live");
    expect(
      why({
        ...b,
        skipped: [...skipped, { rule: "totals row", rows: 1 }, { rule: "no date", rows: 2 }],
      })
    ).toBe(
      "the analysis skipped 3 order rows (totals row, no date) that KAP.METRICS would read otherwise"
    );
  });
  test("a range source: the header's sheet row and the columns' sheet positions", () => {
    const r = liveOrderSource({ ...base(), table: undefined, rowIndex: 2, columnIndex: 1 });
    expect("source" in r && r.source.headerRow).toBe(3);
    expect("source" in r && r.source.columns.revenue).toEqual({ header: "Amount", column: 3 });
  });
});
