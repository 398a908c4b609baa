/** The Excel double's own rules: if these are wrong, every test of src/excel is wrong. */
import { ExcelDouble, NOT_CALCULATED } from "../excel-double/excel";

const code = (p: Promise<unknown>) =>
  p.then(
    () => "resolved",
    (e: { code?: string }) => e.code ?? String(e)
  );

describe("Excel double", () => {
  test("reading a property that was not loaded and synced throws PropertyNotLoaded", async () => {
    const x = new ExcelDouble();
    const ctx = x.newContext();
    const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
    expect(() => r.values).toThrow(/PropertyNotLoaded/);
    r.load("values");
    // eslint-disable-next-line office-addins/call-sync-after-load -- the point: reading before sync must throw
    expect(() => r.values).toThrow(/PropertyNotLoaded/); // loaded but not synced yet
    await ctx.sync();
    // eslint-disable-next-line office-addins/call-sync-after-load -- synced just above (the rule misreads the earlier read)
    expect(r.values).toEqual([
      ["", ""],
      ["", ""],
    ]);
    expect(() => r.address).toThrow(/PropertyNotLoaded/); // only what was asked for
  });

  test("a collection has no items until loaded; items carry only the loaded properties", async () => {
    const x = new ExcelDouble(["Data", "Notes"]);
    const ctx = x.newContext();
    const sheets = ctx.workbook.worksheets;
    expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
    sheets.load("items/name");
    await ctx.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(["Data", "Notes"]);
    expect(() => sheets.items[0].position).toThrow(/PropertyNotLoaded/);
  });

  test("a values array whose shape differs from the range throws at sync", async () => {
    const x = new ExcelDouble();
    const ctx = x.newContext();
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2, 3]];
    await expect(code(ctx.sync())).resolves.toBe("InvalidArgument");
  });

  test("a request over 5 MB throws RequestPayloadSizeLimitExceeded and changes nothing", async () => {
    const x = new ExcelDouble();
    const ctx = x.newContext();
    // 60,000 rows x 10 cells of 10 characters ≈ 60,000 x 10 x 13 bytes of JSON ≈ 7.8 MB
    const big = Array.from({ length: 60000 }, () => Array.from({ length: 10 }, () => "abcdefghij"));
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:J60000").values = big;
    await expect(code(ctx.sync())).resolves.toBe("RequestPayloadSizeLimitExceeded");
    expect(x.cellAt("Sheet1", "A1")).toBeUndefined();
    expect(x.stats.requestBytes[0]).toBeGreaterThan(5 * 1024 * 1024);
  });

  test("a response over 5 MB throws too", async () => {
    const x = new ExcelDouble();
    x.model.fill(
      x.sheet("Sheet1"),
      "A1",
      Array.from({ length: 60000 }, () => Array.from({ length: 10 }, () => "abcdefghij"))
    );
    const ctx = x.newContext();
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:J60000").load("values");
    await expect(code(ctx.sync())).resolves.toBe("RequestPayloadSizeLimitExceeded");
  });

  test("strings through range.values are parsed like typed input unless the cell is Text or the string has a quote prefix", async () => {
    const x = new ExcelDouble();
    const ctx = x.newContext();
    const ws = ctx.workbook.worksheets.getItem("Sheet1");
    ws.getRange("A1:F1").values = [
      ['=HYPERLINK("http://x","y")', "@SUM(A1)", "+A1", "00123", "'=1+1", "plain"],
    ];
    ws.getRange("A2:C2").numberFormat = [["@", "@", "@"]];
    ws.getRange("A2:C2").values = [['=HYPERLINK("http://x","y")', "@SUM(A1)", "00123"]];
    await ctx.sync();
    expect(x.cellAt("Sheet1", "A1")).toMatchObject({
      formula: '=HYPERLINK("http://x","y")',
      value: NOT_CALCULATED,
    });
    expect(x.cellAt("Sheet1", "B1")?.formula).toBe("=SUM(A1)");
    expect(x.cellAt("Sheet1", "C1")?.formula).toBe("=+A1");
    expect(x.cellAt("Sheet1", "D1")?.value).toBe(123);
    expect(x.cellAt("Sheet1", "E1")).toMatchObject({ value: "=1+1", quotePrefix: true });
    expect(x.cellAt("Sheet1", "F1")?.value).toBe("plain");
    expect(x.formulaCells("Sheet1")).toEqual(["A1", "B1", "C1"]);
    expect(x.cellAt("Sheet1", "A2")?.value).toBe('=HYPERLINK("http://x","y")');
    expect(x.cellAt("Sheet1", "C2")?.value).toBe("00123");
  });

  test("sheet names are validated like Excel", async () => {
    const x = new ExcelDouble(["Data"]);
    for (const bad of ["", "x".repeat(32), "a/b", "a[1]", "What?", "'quoted'", "History", "DATA"]) {
      const ctx = x.newContext();
      ctx.workbook.worksheets.add(bad);
      await expect(code(ctx.sync())).resolves.toMatch(/InvalidArgument|ItemAlreadyExists/);
    }
    const ctx = x.newContext();
    ctx.workbook.worksheets.add("x".repeat(31));
    await ctx.sync();
    expect(x.sheetNames()).toEqual(["Data", "x".repeat(31)]);
  });

  test("a batch is not a transaction: commands before the failing one stay applied", async () => {
    const x = new ExcelDouble();
    const ctx = x.newContext();
    ctx.workbook.worksheets.add("One");
    ctx.workbook.worksheets.add("Sheet1"); // clash
    ctx.workbook.worksheets.add("Three");
    await expect(code(ctx.sync())).resolves.toBe("ItemAlreadyExists");
    expect(x.sheetNames()).toEqual(["Sheet1", "One"]);
  });

  test("getItemOrNullObject, counting syncs, Excel.run syncs what is left, createWorkbook is recorded", async () => {
    const x = new ExcelDouble();
    const found = await x.run(async (ctx) => {
      const a = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      const b = ctx.workbook.worksheets.getItemOrNullObject("sheet1");
      b.load("name");
      await ctx.sync();
      ctx.workbook.worksheets.add("Later"); // left for run() to sync
      // eslint-disable-next-line office-addins/call-sync-after-load -- synced above; the rule sees the queued add
      return [a.isNullObject, b.isNullObject, b.name];
    });
    expect(found).toEqual([true, false, "Sheet1"]);
    expect(x.stats.syncs).toBe(2);
    expect(x.sheetNames()).toContain("Later");
    await x.Excel.createWorkbook("UEsDBA==");
    expect(x.model.createdWorkbooks).toEqual(["UEsDBA=="]);
  });

  test("custom properties, settings, tables, charts and conditional formats are kept", async () => {
    const x = new ExcelDouble();
    const ctx = x.newContext();
    const ws = ctx.workbook.worksheets.getItem("Sheet1");
    ws.customProperties.add("KAP", '{"v":1}');
    ctx.workbook.settings.add("kap.x", "[1,2]");
    ws.getRange("A1:B3").values = [
      ["H1", "H2"],
      [1, 2],
      [3, 4],
    ];
    const t = ws.tables.add("A1:B3", true);
    t.name = "Sales";
    ws.charts.add("Line", ws.getRange("A1:B3"), "Columns").title.text = "Trend";
    const cf = ws.getRange("B2:B3").conditionalFormats.add("DataBar") as {
      dataBar: { positiveFormat: { fillColor: string } };
    };
    cf.dataBar.positiveFormat.fillColor = "#5B9BD5";
    await ctx.sync();
    const s = x.sheet("Sheet1");
    expect(s.customProperties.get("kap")?.value).toBe('{"v":1}');
    expect(x.model.settings.get("kap.x")?.value).toBe("[1,2]");
    expect(x.model.tables.map((tb) => tb.name)).toEqual(["Sales"]);
    expect(s.charts[0]).toMatchObject({ type: "Line", title: "Trend", source: "Sheet1!A1:B3" });
    expect(s.conditionalFormats[0]).toMatchObject({
      type: "DataBar",
      props: { "dataBar.positiveFormat.fillColor": "#5B9BD5" },
    });
    const ctx2 = x.newContext();
    ctx2.workbook.tables.add("Sheet1!A2:B3", true);
    await expect(code(ctx2.sync())).resolves.toBe("InvalidOperation"); // overlaps Sales
  });
  test.each(["web", "desktop"] as const)(
    "workbook.functions.date follows the workbook's date system (%s)",
    async (mode) => {
      // Worked by hand: 1904-01-01 is the 1904 system's day 0 and the 1900 system's 1,462
      // (4 × 365 + 1 leap day 1900-02-29 that Excel counts + 1 for 1900-01-01 = 1);
      // 2026-11-01 is 46,327 days after 1899-12-30, and 46,327 − 1,462 = 44,865 after 1904-01-01.
      const results: Record<string, number[]> = {};
      for (const date1904 of [false, true]) {
        const x = new ExcelDouble(["Sheet1"], mode);
        x.model.date1904 = date1904;
        const ctx = x.newContext();
        const f = ctx.workbook.functions;
        const r = [f.date(1904, 1, 1), f.date(2026, 11, 1), f.date(1900, 3, 1), f.date(126, 11, 1)];
        for (const x of r) x.load("value");
        expect(() => r[0].value).toThrow(/PropertyNotLoaded/);
        await ctx.sync();
        results[date1904 ? "1904" : "1900"] = r.map((x) => x.value);
      }
      expect(results["1900"]).toEqual([1462, 46327, 61, 46327]);
      // 1900-03-01 comes before the 1904 system's first day: #NUM!, no value
      expect(results["1904"]).toEqual([0, 44865, null, 44865]);
    }
  );
});
