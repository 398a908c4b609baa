/**
 * The task pane's engine host end to end against the in-memory Excel double: find the data,
 * stream it into the engine, write sheets (safely), build the QBR workbook.
 */
import ExcelJS from "exceljs";
import { ExcelDouble } from "../excel-double/excel";
import { createExcelHost, KapActionError } from "../../src/engine/excelHost";
import {
  EngineLostError,
  LocalEngineClient,
  WorkerEngineClient,
  type EngineClient,
  type EngineRequests,
} from "../../src/engine/engineClient";
import { defaultSettings } from "../../src/engine/settings";
import type { KapSettings, Progress } from "../../src/engine/contract";
import { ymdToSerial } from "../../src/domain/dates";

const HOSTILE = '=HYPERLINK("http://x","y")';
/** Customer names from the data that Excel would turn into formulas or numbers if entered as typed. */
const LOOKALIKES: Record<number, string> = { 3: "+44 20 7946 0958", 4: "-1", 5: "@x", 6: HOSTILE };

/** 6 accounts over 2 years; A3–A6 have names that look like formulas or numbers. Title rows above the header. */
function orderRows(): (string | number)[][] {
  const rows: (string | number)[][] = [
    ["Sales export — October 2026"],
    [""],
    [
      "Order Date",
      "Invoice No",
      "Customer ID",
      "Customer",
      "SKU",
      "Description",
      "Category",
      "Qty",
      "Line Total",
    ],
  ];
  const cats = ["Cable Ties", "Fixings", "Hand Tools", "Electrical"];
  let inv = 1;
  for (let a = 1; a <= 6; a++) {
    for (let m = 0; m < 24; m++) {
      const date = ymdToSerial(2024, 11, 5) + m * 30 + a;
      if (a === 5 && m > 20) continue; // A5 lapses
      rows.push([
        date,
        `INV${inv++}`,
        `A${a}`,
        LOOKALIKES[a] ?? `Account ${a} Ltd`,
        `SKU${m % 3}-${a % 2}`,
        "Widget",
        cats[(m + a) % ((a % 4) + 1)],
        2 + (m % 3),
        100 + a * 10 + m,
      ]);
    }
  }
  return rows;
}

function setup(extraSheets: string[] = []): ExcelDouble {
  const x = new ExcelDouble(["Orders", ...extraSheets]);
  x.model.fill(x.sheet("Orders"), "A1", orderRows());
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  return x;
}

const settings = (): KapSettings => ({ ...defaultSettings(), asOf: "2026-10-31" });
const signal = () => new AbortController().signal;
const noop = (_p: Progress) => undefined;

describe("Excel host", () => {
  test("finds the order lines under a title, with the header on row 3", async () => {
    setup();
    const host = createExcelHost();
    const d = await host.discover(settings());
    expect(d.problems).toEqual([]);
    const orders = d.tables.find((t) => t.role === "orders")!;
    expect(orders.sheet).toBe("Orders");
    expect(orders.rows).toBe(6 * 24 - 3);
    const mapped = Object.fromEntries(
      orders.fields.filter((f) => f.header).map((f) => [f.field, f.header])
    );
    expect(mapped).toMatchObject({
      date: "Order Date",
      orderId: "Invoice No",
      accountId: "Customer ID",
      accountName: "Customer",
      sku: "SKU",
      quantity: "Qty",
      revenue: "Line Total",
      category: "Category",
    });
  });

  test("analyses every account and scores the chosen one", async () => {
    setup();
    const host = createExcelHost();
    const progress: Progress[] = [];
    const list = await host.analyze(settings(), (p) => progress.push(p), signal());
    expect(list.map((a) => a.id).sort()).toEqual(["A1", "A2", "A3", "A4", "A5", "A6"]);
    expect(progress.some((p) => p.phase === "reading" && p.done > 0)).toBe(true);
    // the reading counts order lines, as the Data section's "141 rows": the sheet's 144 rows
    // less the title, the blank row and the header (was "144 of 144")
    const reading = progress.filter((p) => p.phase === "reading");
    expect(reading.map((p) => p.total)).toEqual(reading.map(() => 6 * 24 - 3));
    expect(reading[reading.length - 1].done).toBe(6 * 24 - 3);
    const g = await host.glance("A5");
    // A5's last order: 2024-11-05 + 20*30 + 5 days = serial of 2026-07-03; as of 2026-10-31 that is 120 days → recency 1.
    expect(g?.factors.find((f) => f.factor === "recency")?.score).toBe(1);
    expect(g?.daysSinceLastOrder).toBe(
      ymdToSerial(2026, 10, 31) - (ymdToSerial(2024, 11, 5) + 600 + 5)
    );
  });

  test("Score all accounts writes a health sheet with live native formulas and the look-alike names as text", async () => {
    const x = setup();
    const host = createExcelHost();
    const res = await host.run("scoreAll", {}, settings(), noop, signal());
    expect(res.made).toEqual(["KAP Account Health"]);
    expect(res.message).toMatch(/Made sheet 'KAP Account Health'/);
    const formulas = x.formulaCells("KAP Account Health");
    // per account six factor scores, the score and the band as native formulas (live without the add-in, issue 15),
    // plus the weights total; and (issue 13) per account KAP.PALIVE, KAP.CLV for the expected 12-month revenue and KAP.CLV for the CLV;
    // and (issue 14, the order lines are a plain range here) per account six order inputs reading the one spilled KAP.METRICS
    expect(formulas.length).toBe(6 * 8 + 1 + 6 * 3 + 6 * 6 + 1);
    expect(x.cellAt("KAP Account Health", "F8")?.formula).toBe(
      '=IF(SUMPRODUCT(ISNUMBER(Y8:AD8)*$Y$6:$AD$6)=0,"",ROUND(SUMPRODUCT(Y8:AD8,$Y$6:$AD$6)/SUMPRODUCT(ISNUMBER(Y8:AD8)*$Y$6:$AD$6),2))'
    );
    // after the printed view (A–N): P(alive), expected revenue and CLV (O–Q) and, the fit on 6
    // accounts not being reliable, "Lifetime fit" (R): the inputs start at S
    expect(x.cellAt("KAP Account Health", "R7")?.value).toBe("Lifetime fit");
    expect(x.cellAt("KAP Account Health", "Y8")?.formula).toBe(
      '=IF(ISNUMBER(S8),LOOKUP(MAX(0,ROUND(S8,0)),{0,8,15,31,61},{5,4,3,2,1}),IF(S8="never",1,""))'
    );
    expect(x.cellAt("KAP Account Health", "O8")?.formula).toBe(
      "=KAP.PALIVE(AK8,AL8,AM8,$Q$4:$W$4)"
    );
    const names: unknown[] = [];
    for (let r = 8; r <= 13; r++) names.push(x.cellAt("KAP Account Health", `B${r}`)?.value);
    for (const name of Object.values(LOOKALIKES)) {
      expect(names).toContain(name);
      const cell = x.cellAt("KAP Account Health", `B${8 + names.indexOf(name)}`);
      expect([name, cell?.formula, cell?.numberFormat]).toEqual([name, undefined, "@"]);
    }
    expect(x.sheetNames()).toEqual(["Orders", "KAP Account Health"]);
  });

  test("a copy the user made of a KAP sheet is still KAP's: it is never read as input", async () => {
    const x = setup();
    const host = createExcelHost();
    await host.run("scoreAll", {}, settings(), noop, signal());
    const copy = x.copySheet("KAP Account Health"); // Excel copies the sheet-scoped mark, not the custom property
    const d = await host.discover(settings());
    expect(d.tables.map((t) => t.sheet)).toEqual(["Orders"]);
    expect(d.tables.map((t) => t.sheet)).not.toContain(copy);
  });

  test("re-running replaces only KAP’s sheet; a user sheet with the same name is left alone", async () => {
    const x = setup(["KAP Dashboard"]);
    x.model.fill(x.sheet("KAP Dashboard"), "A1", [["my own notes"]]);
    const host = createExcelHost();
    const first = await host.run("dashboard", {}, settings(), noop, signal());
    expect(first.made[0]).toBe("KAP Dashboard (2)");
    const again = await host.run("dashboard", {}, settings(), noop, signal());
    expect(again.made[0]).toBe("KAP Dashboard (2)");
    expect(again.message).toMatch(/^Updated/);
    expect(x.sheetNames().sort()).toEqual(["KAP Dashboard", "KAP Dashboard (2)", "Orders"]);
    expect(x.cellAt("KAP Dashboard", "A1")?.value).toBe("my own notes");
  });

  test("a failure half-way leaves the workbook as it was and says so in plain words", async () => {
    const x = setup();
    const host = createExcelHost();
    await host.analyze(settings(), noop, signal());
    x.failWhen = (op) => op.op.includes("table");
    await expect(host.run("scoreAll", {}, settings(), noop, signal())).rejects.toThrow(
      /Your workbook is as it was/
    );
    expect(x.sheetNames()).toEqual(["Orders"]);
  });

  test("Build QBR workbook opens a new workbook with every part of the QBR", async () => {
    const x = setup();
    const host = createExcelHost();
    const res = await host.run(
      "qbr",
      { accountId: "A1", quarter: "2026Q3" },
      settings(),
      noop,
      signal()
    );
    expect(res.made[0]).toMatch(/QBR workbook/);
    expect(x.model.createdWorkbooks).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from(x.model.createdWorkbooks[0], "base64") as unknown as ArrayBuffer
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Cover",
      "Partnership",
      "Quarter at a glance",
      "Insights & offers",
      "Planning & actions",
      "Agenda",
      "Follow-up e-mail",
      "Preparation (internal)",
    ]);
    // the user's workbook is untouched
    expect(x.sheetNames()).toEqual(["Orders"]);
  });

  test("cancelling stops the action and changes nothing", async () => {
    const x = setup();
    const host = createExcelHost();
    const ac = new AbortController();
    ac.abort();
    await expect(host.run("scoreAll", {}, settings(), noop, ac.signal)).rejects.toThrow(
      KapActionError
    );
    expect(x.sheetNames()).toEqual(["Orders"]);
  });

  test("settings are saved in the workbook and read back", async () => {
    setup();
    const host = createExcelHost();
    const s = { ...settings(), fiscalYearStartMonth: 4 };
    await host.saveSettings(s);
    expect(await host.loadSettings()).toEqual(s);
  });

  test("weights that do not add to 100% stop the analysis with a message", async () => {
    setup();
    const host = createExcelHost();
    const s = settings();
    s.weights.recency = 30;
    await expect(host.analyze(s, noop, signal())).rejects.toThrow(
      /Weights must add to 100%; these add to 105%/
    );
  });

  test("a workbook without order lines says which columns KAP looks for and what it found", async () => {
    const x = new ExcelDouble(["Stuff"]);
    x.model.fill(x.sheet("Stuff"), "A1", [
      ["Name", "Colour"],
      ["x", "red"],
    ]);
    (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
    const d = await createExcelHost().discover(settings());
    expect(d.problems[0]).toMatch(/No order lines were found/);
    expect(d.problems[0]).toMatch(/Name, Colour/);
  });

  test("an order table with one column KAP cannot name is shown with what it lacks, and analyses once that column is mapped", async () => {
    // the line value headed "Takings": no line value, no unit price, so nothing to value a line by
    // (a quantity alone is not needed since ca55910: a line value is)
    const x = new ExcelDouble(["Sales"]);
    const rows = orderRows().slice(2);
    rows[0] = rows[0].map((h) => (h === "Line Total" ? "Takings" : h));
    x.model.fill(x.sheet("Sales"), "A1", rows);
    (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
    const host = createExcelHost();
    const d = await host.discover(settings());
    const orders = d.tables.find((t) => t.role === "orders")!;
    expect(orders.sheet).toBe("Sales");
    expect(d.tables.map((t) => t.role)).toEqual(["orders"]);
    expect(orders.fields.find((f) => f.field === "revenue")!.header).toBeUndefined();
    expect(d.problems).toEqual([
      'The order lines on "Sales" have no column for "line revenue or unit price". Choose it under Columns.',
    ]);
    const mapped: KapSettings = { ...settings(), mapping: { orders: { revenue: "Takings" } } };
    expect((await host.discover(mapped)).problems).toEqual([]);
    const list = await host.analyze(mapped, noop, signal());
    expect(list).toHaveLength(6);
  });

  test("a QuickBooks sales-by-customer-detail report pasted in: the customers from its headings, nothing to map", async () => {
    const x = new ExcelDouble(["Sales by Customer Detail"]);
    const blank = (n: number) => Array.from({ length: n }, () => "");
    const line = (
      d: number,
      type: string,
      num: string,
      item: string,
      qty: number,
      price: number
    ) => ["", ymdToSerial(2026, 10, d), type, num, item, qty, price, qty * price, ""];
    x.model.fill(x.sheet("Sales by Customer Detail"), "A1", [
      ["Kestrel Supplies Ltd", ...blank(8)],
      ["Sales by Customer Detail", ...blank(8)],
      [
        "",
        "Date",
        "Transaction Type",
        "Num",
        "Product/Service",
        "Qty",
        "Sales Price",
        "Amount",
        "Balance",
      ],
      ["Brightwell Electrical Ltd", ...blank(8)],
      line(2, "Invoice", "1001", "Cable ties 100mm", 10, 4.5),
      line(21, "Sales Receipt", "1012", "Cable clips 10mm", 20, 2.1),
      ["Total for Brightwell Electrical Ltd", ...blank(6), 87, ""],
      ["Harbour Plumbing:Quay Street", ...blank(8)],
      line(15, "Invoice", "1007", "Cable ties 100mm", 4, 4.5),
      line(20, "Credit Memo", "1009", "Cable ties 100mm", -2, 4.5),
      ["Total for Harbour Plumbing:Quay Street", ...blank(6), 9, ""],
      ["TOTAL", ...blank(6), 96, ""],
    ]);
    (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
    const host = createExcelHost();
    const d = await host.discover(settings());
    expect(d.problems).toEqual([]);
    const orders = d.tables.find((t) => t.role === "orders")!;
    // the customer is no column: the mapping does not ask for one
    expect(orders.fields.filter((f) => f.required).map((f) => f.field)).not.toContain("accountId");
    const list = await host.analyze(settings(), noop, signal());
    // 10×4.50 + 20×2.10 = 87.00; 4×4.50 − 2×4.50 (credit memo) = 9.00
    expect(list.map((a) => [a.id, Math.round(a.revenue12m * 100) / 100]).sort()).toEqual([
      ["Brightwell Electrical Ltd", 87],
      ["Harbour Plumbing", 9],
    ]);
  });
});

describe("Add score columns to my table", () => {
  function withAccounts(asTable: boolean): ExcelDouble {
    const x = setup(["Accounts"]);
    x.model.fill(x.sheet("Accounts"), "A1", [
      ["Account No", "Account Name", "Tier"],
      ["A1", "Account 1 Ltd", "Gold"],
      ["A2", "Account 2 Ltd", "Silver"],
      ["ZZ9", "Not in orders", "Bronze"],
    ]);
    if (asTable)
      x.model.addTable(x.sheet("Accounts"), { row: 0, col: 0, rows: 4, cols: 3 }, true).name =
        "AccountList";
    return x;
  }

  test.each([true, false])(
    "adds two columns beside the accounts (table: %p) and leaves every other cell as it was; a re-run refreshes them",
    async (asTable) => {
      const x = withAccounts(asTable);
      const host = createExcelHost();
      const list = await host.analyze(settings(), noop, signal());
      const res = await host.run("addScores", {}, settings(), noop, signal());
      // ZZ9 is in the Accounts table with no orders: it is still an account (never ordered), so all 3 match.
      expect(res.message).toMatch(
        /Added the KAP Health score and KAP Band columns .*\(3 of 3 rows matched an account\)/
      );
      expect(x.cellAt("Accounts", "D1")?.value).toBe("KAP Health score");
      expect(x.cellAt("Accounts", "E1")?.value).toBe("KAP Band");
      const a1 = list.find((a) => a.id === "A1")!;
      expect(x.cellAt("Accounts", "D2")?.value).toBe(a1.score);
      expect(x.cellAt("Accounts", "E2")?.value).toBe(a1.band);
      expect(list.find((a) => a.id === "ZZ9")?.band).toBe(x.cellAt("Accounts", "E4")?.value);
      // the user's own cells are untouched
      expect([
        x.cellAt("Accounts", "A2")?.value,
        x.cellAt("Accounts", "B3")?.value,
        x.cellAt("Accounts", "C4")?.value,
      ]).toEqual(["A1", "Account 2 Ltd", "Bronze"]);
      if (asTable) expect(x.model.tables.find((t) => t.name === "AccountList")!.range.cols).toBe(5);
      const again = await host.run("addScores", {}, settings(), noop, signal());
      expect(again.message).toMatch(/^Refreshed/);
      expect(x.cellAt("Accounts", "F1")?.value ?? "").toBe("");
    }
  );

  test("in a de-DE workbook the counts are grouped its way: 1.200 of 1.200 rows matched", async () => {
    // 1,200 accounts in the table; each is an account (most never ordered): all 1,200 match
    const x = setup(["Accounts"]);
    x.model.culture = { name: "de-DE", decimalSeparator: ",", thousandsSeparator: "." };
    x.model.fill(x.sheet("Accounts"), "A1", [
      ["Account No", "Account Name", "Tier"],
      ...Array.from({ length: 1200 }, (_, i) => [`A${i + 1}`, `Account ${i + 1} Ltd`, "Gold"]),
    ]);
    const host = createExcelHost();
    await host.analyze(settings(), noop, signal());
    const res = await host.run("addScores", {}, settings(), noop, signal());
    expect(res.message).toContain("(1.200 of 1.200 rows matched an account)");
  });

  test("without an accounts table it says so and what to do", async () => {
    setup();
    const host = createExcelHost();
    await expect(host.run("addScores", {}, settings(), noop, signal())).rejects.toThrow(
      /no accounts table to add scores to/
    );
  });
});

describe("Excel host: the user's own tables (issues 11, 12)", () => {
  test("creates an empty engagement log without an analysis; the next analysis reads it and nothing else changed", async () => {
    const x = setup();
    const host = createExcelHost();
    const res = await host.run("createEngagementLog", {}, settings(), noop, signal());
    expect(res.message).toMatch(
      /Made an empty engagement log: the table EngagementLog on the sheet "Engagement Log"/
    );
    expect(x.model.tables.map((t) => t.name)).toEqual(["EngagementLog"]);
    expect(x.cellAt("Orders", "A3")?.value).toBe("Order Date");
    // a second one never replaces the first
    const again = await host.run("createPaymentsLedger", {}, settings(), noop, signal());
    expect(again.message).toMatch(
      /payments ledger: the table PaymentsLedger on the sheet "Payments"/
    );
    // a few entries typed into the log are read at the next analysis
    x.model.fill(x.sheet("Engagement Log"), "A2", [
      [ymdToSerial(2026, 10, 1) + 0.375, "A1", "Ann", "Call", "Inbound", "", "", ""],
    ]);
    const list = await host.analyze(settings(), noop, signal());
    expect(list).toHaveLength(6);
  });

  test("proposes the chosen account's initiatives into the user's Initiatives table: appended, deduped, user rows untouched", async () => {
    const x = setup(["Initiatives"]);
    x.model.fill(x.sheet("Initiatives"), "A1", [
      ["Account", "Initiative", "Categories", "Target", "Start Date", "Owner"],
      ["A2", "My own idea", "Fixings", 500, ymdToSerial(2026, 9, 1), "Me"],
    ]);
    x.model.addTable(x.sheet("Initiatives"), { row: 0, col: 0, rows: 2, cols: 6 }, true).name =
      "Plans";
    const host = createExcelHost();
    await host.analyze(settings(), noop, signal());
    const res = await host.run(
      "proposeInitiatives",
      { accountId: "A2" },
      settings(),
      noop,
      signal()
    );
    const added = Number(/Added (\d+) proposed/.exec(res.message)?.[1]);
    expect(added).toBeGreaterThan(0);
    const t = x.model.tables.find((t) => t.name === "Plans")!;
    expect(t.range.rows).toBe(2 + added);
    // the user's row as it was; the new rows are A2's, status columns the table lacks left out
    expect(["A2", "B2", "C2", "D2", "F2"].map((a) => x.cellAt("Initiatives", a)?.value)).toEqual([
      "A2",
      "My own idea",
      "Fixings",
      500,
      "Me",
    ]);
    for (let r = 3; r < 3 + added; r++) {
      expect(x.cellAt("Initiatives", `A${r}`)?.value).toBe("A2");
      expect(String(x.cellAt("Initiatives", `B${r}`)?.value)).not.toBe("");
      expect(x.cellAt("Initiatives", `E${r}`)?.value).toBe(ymdToSerial(2026, 11, 1)); // the day after as-of
    }
    expect(x.cellAt("Initiatives", "G1")?.value ?? "").toBe("");
    // a second run (the table re-read at the next analysis) adds nothing
    await host.analyze(settings(), noop, signal());
    const again = await host.run(
      "proposeInitiatives",
      { accountId: "A2" },
      settings(),
      noop,
      signal()
    );
    expect(again.message).toMatch(/already has every initiative/);
    expect(t.range.rows).toBe(2 + added);
  });

  test("propose initiatives needs an account", async () => {
    setup();
    const host = createExcelHost();
    await expect(host.run("proposeInitiatives", {}, settings(), noop, signal())).rejects.toThrow(
      /Choose an account first/
    );
  });
});

describe("Excel host: the workbook is listed once per action", () => {
  const listings = (x: ExcelDouble) =>
    x.stats.ops!.filter((o) => o.op === "load" && o.on === "WorksheetCollectionProxy").length;

  test("opening the pane (discover, analyse, show the summary) lists the workbook once", async () => {
    const x = setup();
    x.stats.ops = [];
    const host = createExcelHost();
    const d = await host.discover(settings());
    expect(d.summary).toBeUndefined();
    await host.analyze(settings(), noop, signal());
    const after = await host.discover(settings(), { reuse: true });
    expect(listings(x)).toBe(1);
    // the summary the pane shows after the analysis: 6 × 24 − 3 lines of 6 accounts
    expect(after.summary).toMatchObject({ rows: 6 * 24 - 3, accounts: 6 });
  });

  test("a later analysis lists the workbook again (it may have changed), once", async () => {
    const x = setup();
    x.stats.ops = [];
    const host = createExcelHost();
    await host.discover(settings());
    await host.analyze(settings(), noop, signal());
    await host.analyze(settings(), noop, signal());
    expect(listings(x)).toBe(2);
  });

  test("a changed column mapping is discovered afresh", async () => {
    const x = setup();
    x.stats.ops = [];
    const host = createExcelHost();
    await host.discover(settings());
    const remapped = { ...settings(), mapping: { orders: { accountName: "Description" } } };
    const d = await host.discover(remapped, { reuse: true });
    expect(listings(x)).toBe(2);
    expect(
      d.tables.find((t) => t.role === "orders")!.fields.find((f) => f.field === "accountName")!
        .header
    ).toBe("Description");
  });
});

describe("when the analysis worker cannot start or dies", () => {
  /** A worker-like engine that is lost at the n-th call of `op` (0 = at once: it never started). */
  function dyingEngine(op: keyof EngineRequests, atCall: number): () => EngineClient {
    return () => {
      const inner = new LocalEngineClient();
      let calls = 0;
      return {
        call: (o, args) => {
          if (o === op && calls++ >= atCall) return Promise.reject(new EngineLostError("test"));
          return inner.call(o, args);
        },
        dispose: () => inner.dispose(),
      } as EngineClient;
    };
  }

  test.each([
    ["cannot start (lost at the first message)", "reset", 0],
    ["dies while the order lines are being read", "push", 0],
  ] as const)(
    "the worker %s: the analysis runs on this thread, with progress, and gives the same accounts",
    async (_label, op, at) => {
      setup();
      const expected = await createExcelHost().analyze(settings(), noop, signal());
      setup();
      const progress: Progress[] = [];
      const list = await createExcelHost({ makeEngine: dyingEngine(op, at) }).analyze(
        settings(),
        (p) => progress.push(p),
        signal()
      );
      expect(list).toEqual(expected);
      const fallback = progress.findIndex((p) =>
        /analysing on this thread instead/.test(p.message ?? "")
      );
      expect(fallback).toBeGreaterThanOrEqual(0);
      expect(
        progress.slice(fallback + 1).some((p) => p.phase === "reading" && (p.done ?? 0) > 0)
      ).toBe(true);
    }
  );

  test("the worker dies after the analysis: the action analyses again on this thread and still makes its sheet", async () => {
    const x = setup();
    const host = createExcelHost({ makeEngine: dyingEngine("sheets", 0) });
    await host.analyze(settings(), noop, signal());
    const res = await host.run("scoreAll", {}, settings(), noop, signal());
    expect(res.made).toEqual(["KAP Account Health"]);
    expect(x.sheetNames()).toContain("KAP Account Health");
  });

  test("WorkerEngineClient: an error event rejects the calls waiting and every later call with EngineLostError", async () => {
    const worker = {
      postMessage: jest.fn(),
      terminate: jest.fn(),
      onmessage: null,
      onerror: null,
      onmessageerror: null,
    } as unknown as Worker;
    const client = new WorkerEngineClient(worker);
    const waiting = client.call("finish", {});
    (worker.onerror as (ev: Partial<ErrorEvent>) => void)({ message: "Script failed to load" });
    await expect(waiting).rejects.toBeInstanceOf(EngineLostError);
    await expect(client.call("finish", {})).rejects.toThrow(
      /The analysis worker stopped \(Script failed to load\)/
    );
    expect(worker.terminate).toHaveBeenCalled();
  });
});
