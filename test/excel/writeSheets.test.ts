import { ExcelDouble, NOT_CALCULATED } from "../excel-double/excel";
import { HOSTILE, healthSheet } from "../excel-double/fixtures";
import { writeSheets, writeSheetsIn, SheetWriteError } from "../../src/excel/writeSheets";
import { readAll } from "../../src/excel/readRegion";
import { MARKER_KEY, MARK_NAME, decodeMarker, markFromFormula } from "../../src/excel/marker";
import { setRequirementCheck } from "../../src/excel/requirements";
import { sheet, cell, formula, type SheetSpec } from "../../src/sheets/spec";

const asCtx = (x: ExcelDouble) => x.newContext() as unknown as Excel.RequestContext;

async function write(x: ExcelDouble, specs: SheetSpec[]) {
  return writeSheetsIn(asCtx(x), specs, {
    token: () => `t${Math.random().toString(36).slice(2, 6)}`,
  });
}

describe("writeSheets", () => {
  test("10 rows and 5,000 rows take the same number of syncs (3)", async () => {
    const small = new ExcelDouble();
    const big = new ExcelDouble();
    const a = await write(small, [healthSheet(10)]);
    const b = await write(big, [healthSheet(5000)]);
    expect(a.syncs).toBe(3);
    expect(b.syncs).toBe(3);
    expect(small.stats.syncs).toBe(3);
    expect(big.stats.syncs).toBe(3);
    // every request stayed under Excel on the web's 5 MB
    expect(Math.max(...big.stats.requestBytes)).toBeLessThan(5 * 1024 * 1024);
    // 5,000 data rows: header on row 3, last account on row 5,003
    expect(big.cellAt("Account Health", "A5003")?.value).toBe("A05000");
  });

  test("data larger than the request budget is split into more syncs, each under the limit", async () => {
    const x = new ExcelDouble();
    const r = await writeSheetsIn(asCtx(x), [healthSheet(5000)], { maxRequestBytes: 200_000 });
    expect(r.syncs).toBeGreaterThan(3);
    expect(Math.max(...x.stats.requestBytes)).toBeLessThan(5 * 1024 * 1024);
    expect(x.cellAt("Account Health", "B5003")?.value).toBe("Customer 5000");
  });

  test('the request budget counts UTF-8 bytes: 1,800 names of 1,000 "€" (1.8 M characters, 5.4 MB) go in requests under 5 MB', async () => {
    // Counted in characters, the data (≈ 1.9 M) would fit one 4,000,000 budget and Excel on the web would refuse the 5.4 MB request.
    const x = new ExcelDouble(["Data"], "web");
    const names = Array.from(
      { length: 1800 },
      (_v, i) => `${"€".repeat(1000 - String(i).length)}${i}`
    );
    const r = await writeSheetsIn(asCtx(x), [healthSheet(names.length, names)]);
    expect(Math.max(...x.stats.requestBytes)).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(r.syncs).toBeGreaterThan(3);
    expect(x.cellAt("Account Health", "B1803")?.value).toBe(names[1799]);
  });

  test("a request Excel refuses as too large is rolled back and the write retried with half the budget, instead of failing", async () => {
    const x = new ExcelDouble(["Data"], "web");
    x.payloadLimit = 300_000; // a host stricter than KAP's 4,000,000 budget expects
    const r = await writeSheetsIn(asCtx(x), [healthSheet(5000)]);
    // at least one request went over and was refused; every later one stayed under
    const refused = x.stats.requestBytes.filter((b) => b > 300_000);
    expect(refused.length).toBeGreaterThan(0);
    const lastRefused = x.stats.requestBytes.lastIndexOf(refused[refused.length - 1]);
    expect(x.stats.requestBytes.slice(lastRefused + 1).every((b) => b <= 300_000)).toBe(true);
    expect(r.sheets[0].name).toBe("Account Health");
    expect(x.sheetNames()).toEqual(["Data", "Account Health"]);
    expect(x.cellAt("Account Health", "B5003")?.value).toBe("Customer 5000");
  });

  test("Excel desktop documents no payload limit: the same data goes in one request there", async () => {
    const x = new ExcelDouble(["Data"], "desktop");
    const names = Array.from(
      { length: 1800 },
      (_v, i) => `${"€".repeat(1000 - String(i).length)}${i}`
    );
    await writeSheetsIn(asCtx(x), [healthSheet(names.length, names)], {
      maxRequestBytes: 64 * 1024 * 1024,
    });
    expect(x.stats.syncs).toBe(3);
    expect(Math.max(...x.stats.requestBytes)).toBeGreaterThan(5 * 1024 * 1024);
  });

  test("customer names that look like formulas read back as the literal strings; only KAP formulas are formulas", async () => {
    const x = new ExcelDouble();
    await write(x, [healthSheet(HOSTILE.length, HOSTILE)]);
    // read back through the API like the add-in would
    const { rows } = await readAll(asCtx(x), {
      sheet: "Account Health",
      address: `B4:B${3 + HOSTILE.length}`,
    });
    expect(rows.map((r) => r[0])).toEqual(HOSTILE);
    const ctx = asCtx(x);
    const f = ctx.workbook.worksheets
      .getItem("Account Health")
      .getRange(`B4:B${3 + HOSTILE.length}`)
      .load("formulas");
    await ctx.sync();
    expect(f.formulas.map((r) => r[0])).toEqual(HOSTILE);
    // the one formula on the sheet is the total KAP wrote under the table
    expect(x.formulaCells("Account Health")).toEqual([`C${5 + HOSTILE.length}`]);
    expect(x.cellAt("Account Health", `C${5 + HOSTILE.length}`)).toMatchObject({
      formula: `=SUM(C4:C${3 + HOSTILE.length})`,
      value: NOT_CALCULATED,
    });
    expect(x.cellAt("Account Health", `C${5 + HOSTILE.length}`)?.numberFormat).not.toBe("@");
  });

  test("formats, widths, freeze panes, table, conditional formats, chart and page setup land on the sheet", async () => {
    const x = new ExcelDouble();
    const r = await write(x, [healthSheet(20)]);
    expect(r.sheets[0]).toMatchObject({ name: "Account Health", tables: ["KAP_Health"] });
    expect(r.activated).toBe("Account Health");
    const s = x.sheet("Account Health");
    expect(x.model.activeSheetId).toBe(s.id);
    expect(x.cellAt("Account Health", "C4")).toMatchObject({
      value: 1000,
      numberFormat: "£#,##0.00",
    });
    expect(x.cellAt("Account Health", "D4")).toMatchObject({
      value: 45658,
      numberFormat: "dd/mm/yyyy",
    });
    expect(x.cellAt("Account Health", "A4")?.numberFormat).toBe("@");
    expect(s.formatAt("A1", "font.bold")).toBe(true);
    // 28 characters → (28 x 7 + 5) x 0.75 = 150.75 points
    expect(s.formatAt("B1", "columnWidth")).toBe(150.75);
    expect(s.freeze).toEqual({ rows: 3, columns: 0 });
    expect(x.model.tables[0]).toMatchObject({
      name: "KAP_Health",
      style: "TableStyleMedium2",
      showFilterButton: true,
      range: { row: 2, col: 0, rows: 21, cols: 7 },
    });
    expect(s.conditionalFormats.map((c) => c.type)).toEqual([
      "CellValue",
      "DataBar",
      "ContainsText",
    ]);
    expect(s.conditionalFormats[0].props["cellValue.rule"]).toEqual({
      formula1: "2",
      formula2: undefined,
      operator: "LessThan",
    });
    expect(s.charts[0]).toMatchObject({
      type: "ColumnClustered",
      title: "Revenue by account",
      source: "'Account Health'!B3:C13",
      position: { start: "I3", end: "P18" },
    });
    expect(s.page).toMatchObject({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$3:$3",
      topMargin: 54,
      leftMargin: 36,
    });
    expect(decodeMarker(s.customProperties.get(MARKER_KEY.toLowerCase())?.value)).toMatchObject({
      kind: "health",
      subject: "",
      name: "Account Health",
    });
    expect(markFromFormula(s.names.get(MARK_NAME.toLowerCase())?.formula)).toMatchObject({
      kind: "health",
      subject: "",
      name: "Account Health",
    });
    expect(x.model.calculationSuspendedSyncs).toBe(1);
  });

  test("a scatter chart: one series per row named from the sheet, x and y from its cells, labels by name, no legend, axes set", async () => {
    const x = new ExcelDouble();
    await write(x, [
      sheet(
        "Map",
        "relationships",
        "A",
        [
          {
            at: "J27",
            rows: [
              ["Contacts", "Feeling", "Influence"],
              ["Jo Smith", 5, 3],
              ["=Pat", 2, 4],
              ["Al Roy", 1, 1],
            ],
          },
        ],
        {
          charts: [
            {
              type: "scatter",
              title: "Who decides",
              data: "J27:L30",
              from: "J4",
              to: "P23",
              axes: {
                x: { title: "Feeling", min: 0, max: 6, majorUnit: 1 },
                y: { title: "Influence", min: 0, max: 5 },
              },
            },
          ],
        }
      ),
    ]);
    const c = x.sheet("Map").charts[0];
    expect(c).toMatchObject({
      type: "XYScatter",
      title: "Who decides",
      source: "Map!K28:L28",
      position: { start: "J4", end: "P23" },
      legendVisible: false,
    });
    expect(
      c.series.map((s) => [
        s.name,
        s.xValues,
        s.values,
        s.hasDataLabels,
        s.showSeriesName,
        s.showValue,
      ])
    ).toEqual([
      ["Jo Smith", "Map!K28", "Map!L28", true, true, false],
      // a name that looks like a formula is only ever a name
      ["=Pat", "Map!K29", "Map!L29", true, true, false],
      ["Al Roy", "Map!K30", "Map!L30", true, true, false],
    ]);
    expect(c.axes).toEqual({
      category: { minimum: 0, maximum: 6, majorUnit: 1, title: "Feeling" },
      value: { minimum: 0, maximum: 5, title: "Influence" },
    });
    expect(x.cellAt("Map", "J29")?.value).toBe("=Pat");
  });

  test("colour scales, icon sets, merges, styles, frozen rows and columns, gridlines and tab colour", async () => {
    const x = new ExcelDouble();
    await write(x, [
      sheet(
        "Dash",
        "dashboard",
        "",
        [
          {
            at: "A1",
            rows: [
              ["Title", null],
              [1, 2],
              [3, 4],
            ],
          },
        ],
        {
          styles: [{ range: "A2:B3", style: { border: "all", hAlign: "center", wrap: true } }],
          merges: ["A1:B1"],
          freeze: { rows: 1, columns: 1 },
          showGridlines: false,
          tabColor: "#1F4E79",
          conditionalFormats: [
            { range: "A2:B3", rule: { type: "colorScale", colors: ["#F8696B", "#63BE7B"] } },
            { range: "A2:B3", rule: { type: "iconSet", icons: "3Arrows" } },
          ],
        }
      ),
    ]);
    const s = x.sheet("Dash");
    expect(s.conditionalFormats.map((c) => [c.type, Object.keys(c.props)])).toEqual([
      ["ColorScale", ["colorScale.criteria"]],
      ["IconSet", ["iconSet.style"]],
    ]);
    expect(s.conditionalFormats[1].props["iconSet.style"]).toBe("ThreeArrows");
    expect(s.merges).toEqual([{ row: 0, col: 0, rows: 1, cols: 2 }]);
    expect(s.formatAt("B3", "borders.InsideVertical.style")).toBe("Continuous");
    expect(s.formatAt("A2", "horizontalAlignment")).toBe("Center");
    expect(s.freeze).toEqual({ rows: 1, columns: 1 });
    expect(s.showGridlines).toBe(false);
    expect(s.tabColor).toBe("#1F4E79");
    expect(x.cellAt("Dash", "B1")).toMatchObject({ value: "", numberFormat: "General" });
  });

  test("a header over a column of figures is right-aligned, over a text column it is not", async () => {
    const x = new ExcelDouble();
    await write(x, [
      sheet("Q", "qbr", "", [
        {
          at: "B2",
          header: true,
          rows: [
            ["Quarter", "Orders", "Net revenue", "Note"],
            ["This quarter", 76, 54250.42, "best"],
            ["Previous quarter", 88, "n/a", ""],
          ],
        },
      ]),
    ]);
    const s = x.sheet("Q");
    expect(s.formatAt("C2", "horizontalAlignment")).toBe("Right");
    expect(s.formatAt("D2", "horizontalAlignment")).toBe("Right");
    expect(s.formatAt("B2", "horizontalAlignment")).toBeUndefined();
    // the text beside the figures is indented one step, so "54,250.42" does not run into "best"
    expect(s.formatAt("E3", "indentLevel")).toBe(1);
    expect(s.formatAt("E3", "horizontalAlignment")).toBe("Left");
    expect(s.formatAt("B3", "indentLevel")).toBeUndefined();
  });

  test("a re-run replaces only KAP's sheet and never the user's sheet of the same name", async () => {
    const x = new ExcelDouble(["Account Health", "Orders"]);
    x.model.fill(x.sheet("Account Health"), "A1", [["my own notes"]]);
    const first = await write(x, [healthSheet(5, [], { tag: " v1" })]);
    expect(first.sheets[0].name).toBe("Account Health (2)");
    const second = await write(x, [healthSheet(5, [], { tag: " v2" })]);
    expect(second.sheets[0]).toMatchObject({
      name: "Account Health (2)",
      replaced: "Account Health (2)",
      tables: ["KAP_Health"],
    });
    expect(x.sheetNames()).toEqual(["Account Health", "Orders", "Account Health (2)"]);
    expect(x.cellAt("Account Health", "A1")?.value).toBe("my own notes");
    expect(x.cellAt("Account Health (2)", "B4")?.value).toBe("Customer 1 v2");
    expect(x.model.tables.map((t) => t.name)).toEqual(["KAP_Health"]);
  });

  test("a different subject is a different sheet; a renamed KAP sheet is still replaced in place", async () => {
    const x = new ExcelDouble(["Data"]);
    await write(x, [healthSheet(3, [], { name: "Breakdown", subject: "A1" })]);
    await write(x, [healthSheet(3, [], { name: "Breakdown", subject: "B2" })]);
    expect(x.sheetNames()).toEqual(["Data", "Breakdown", "Breakdown (2)"]);
    const ctx = asCtx(x);
    ctx.workbook.worksheets.getItem("Breakdown").name = "My view of A1";
    await ctx.sync();
    await write(x, [healthSheet(3, [], { name: "Breakdown", subject: "A1", tag: " new" })]);
    // 'Breakdown' is free again, and the A1 sheet goes back where it was (position 1)
    expect(x.sheetNames()).toEqual(["Data", "Breakdown", "Breakdown (2)"]);
    expect(x.cellAt("Breakdown", "B4")?.value).toBe("Customer 1 new");
  });

  test("a user's copy of a KAP sheet keeps KAP's mark but is the user's: a re-run replaces only the original", async () => {
    const x = new ExcelDouble(["Data"]);
    await write(x, [healthSheet(3)]);
    // Excel's "Move or Copy → Create a copy": the sheet-scoped name comes along, the custom property does not (office-js #5486)
    const copy = x.copySheet("Account Health");
    expect(copy).toBe("Account Health (2)");
    expect(
      markFromFormula(x.sheet(copy).names.get(MARK_NAME.toLowerCase())?.formula)
    ).toMatchObject({ kind: "health" });
    expect(x.sheet(copy).customProperties.size).toBe(0);
    await write(x, [healthSheet(3, [], { tag: " again" })]);
    expect(x.sheetNames()).toEqual(["Data", "Account Health", "Account Health (2)"]);
    expect(x.cellAt("Account Health (2)", "B4")?.value).toBe("Customer 1");
    expect(x.cellAt("Account Health", "B4")?.value).toBe("Customer 1 again");
  });

  test("the copy is left alone even when the user renamed the original or deleted it", async () => {
    const x = new ExcelDouble(["Data"]);
    await write(x, [healthSheet(3)]);
    const copy = x.copySheet("Account Health");
    x.sheet("Account Health").name = "Health in October";
    await write(x, [healthSheet(3, [], { tag: " again" })]);
    // the renamed original is replaced in place (it still has the custom property); the copy stays
    expect(x.sheetNames()).toEqual(["Data", "Account Health", copy]);
    expect(x.cellAt(copy, "B4")?.value).toBe("Customer 1");
    x.model.deleteSheet(x.sheet("Account Health"));
    await write(x, [healthSheet(3, [], { tag: " third" })]);
    expect(x.sheetNames()).toEqual(["Data", copy, "Account Health"]);
    expect(x.cellAt(copy, "B4")?.value).toBe("Customer 1");
  });

  test("without ExcelApi 1.12 (no custom properties) only the sheet still holding its written name is replaced", async () => {
    setRequirementCheck((set) => Number(set.split(".")[1]) < 12);
    try {
      const x = new ExcelDouble(["Data"]);
      await write(x, [healthSheet(3)]);
      expect(x.sheet("Account Health").customProperties.size).toBe(0);
      const copy = x.copySheet("Account Health");
      await write(x, [healthSheet(3, [], { tag: " again" })]);
      expect(x.sheetNames()).toEqual(["Data", "Account Health", copy]);
      expect([x.cellAt("Account Health", "B4")?.value, x.cellAt(copy, "B4")?.value]).toEqual([
        "Customer 1 again",
        "Customer 1",
      ]);
    } finally {
      setRequirementCheck(undefined);
    }
  });

  test.each([
    ["tables.add", (op: { op: string }) => op.op === "tables.add"],
    [
      "the KAP mark",
      (op: { op: string; key?: unknown }) => op.op === "add" && op.key === MARKER_KEY,
    ],
    [
      "the KAP name",
      (op: { op: string; name?: unknown }) => op.op === "names.add" && op.name === MARK_NAME,
    ],
    [
      "the second sheet",
      (op: { op: string; name?: unknown }) =>
        op.op === "worksheets.add" && String(op.name).endsWith(" 2"),
    ],
    [
      "the rename of the new sheet",
      (op: { op: string; prop?: unknown; value?: unknown }) =>
        op.op === "set" && op.prop === "name" && op.value === "Account Health (2)",
    ],
  ])("a failure at %s leaves the workbook as it was", async (_label, when) => {
    const x = new ExcelDouble(["Orders", "Account Health"]);
    x.model.fill(x.sheet("Account Health"), "A1", [["user data"]]);
    await write(x, [healthSheet(4, [], { tag: " old" })]); // our first run: 'Account Health (2)'
    const before = x.sheetNames();
    const active = x.model.activeSheetId;
    x.failWhen = when;
    const err = await write(x, [
      healthSheet(4, [], { tag: " new" }),
      sheet("Notes", "notes", "", [cell("A1", "n")]),
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SheetWriteError);
    expect((err as SheetWriteError).rolledBack).toBe(true);
    expect(x.sheetNames()).toEqual(before);
    expect(x.cellAt("Account Health (2)", "B4")?.value).toBe("Customer 1 old");
    expect(x.cellAt("Account Health", "A1")?.value).toBe("user data");
    expect(x.model.activeSheetId).toBe(active);
    expect(x.model.tables.map((t) => t.name)).toEqual(["KAP_Health"]);
  });

  test("a failure after several data syncs (large data) still rolls back", async () => {
    const x = new ExcelDouble(["Orders"]);
    const before = x.sheetNames();
    x.failWhen = (op) => op.op === "tables.add";
    const err = await writeSheetsIn(asCtx(x), [healthSheet(3000)], {
      maxRequestBytes: 100_000,
    }).catch((e: unknown) => e);
    expect(x.stats.syncs).toBeGreaterThan(5);
    expect((err as SheetWriteError).rolledBack).toBe(true);
    expect(x.sheetNames()).toEqual(before);
  });

  test("a failure after the replaced sheet was deleted rolls forward: no KAP sheet is lost, the user sheet untouched", async () => {
    const x = new ExcelDouble(["Account Health"]);
    x.model.fill(x.sheet("Account Health"), "A1", [["user data"]]);
    await write(x, [healthSheet(4, [], { tag: " old" })]);
    // the last command of the swap: naming the new table (after the old sheet was deleted)
    x.failWhen = (op) =>
      op.op === "set" && op.on === "TableProxy" && op.prop === "name" && op.value === "KAP_Health";
    const err = await write(x, [healthSheet(4, [], { tag: " new" })]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SheetWriteError);
    expect((err as SheetWriteError).message).toMatch(/could not fully undo/);
    expect((err as SheetWriteError).rolledBack).toBe(false);
    expect(x.sheetNames()).toEqual(["Account Health", "Account Health (2)"]);
    expect(x.cellAt("Account Health (2)", "B4")?.value).toBe("Customer 1 new");
    expect(x.cellAt("Account Health", "A1")?.value).toBe("user data");
  });

  test("sheet names from any wanted name are valid and unique in the real double", async () => {
    const x = new ExcelDouble(["Data", "History of sales"]);
    const r = await write(x, [
      sheet("Breakdown: Acme [UK] / Ltd? *", "breakdown", "ACME", [cell("A1", 1)]),
      sheet("History", "history", "", [cell("A1", 1)]),
      sheet("'Quoted'", "q", "", [cell("A1", 1)]),
      sheet("data", "data", "", [cell("A1", 1)]),
      sheet("A very long sheet name that goes on and on", "long", "", [cell("A1", 1)]),
    ]);
    expect(r.sheets.map((s) => s.name)).toEqual([
      "Breakdown Acme UK Ltd",
      "History (KAP)",
      "Quoted",
      "data (2)",
      "A very long sheet name that goe",
    ]);
  });

  test("writeSheets() runs through the global Excel.run", async () => {
    const x = new ExcelDouble();
    Object.assign(globalThis, { Excel: x.Excel });
    const r = await writeSheets([
      sheet("Summary", "summary", "", [cell("A1", formula("1+1")), cell("A2", "=1+1")]),
    ]);
    expect(r.sheets[0].name).toBe("Summary");
    expect(x.cellAt("Summary", "A1")?.formula).toBe("=1+1");
    expect(x.cellAt("Summary", "A2")).toMatchObject({ value: "=1+1", numberFormat: "@" });
  });

  test("two sheets of the same kind and subject in one write are refused", async () => {
    await expect(write(new ExcelDouble(), [healthSheet(1), healthSheet(1)])).rejects.toThrow(
      /Two sheets/
    );
  });
});
