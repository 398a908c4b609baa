import { ExcelDouble } from "../excel-double/excel";
import { readRegion, readAll } from "../../src/excel/readRegion";
import { listGrids, readCulture } from "../../src/excel/listGrids";
import { saveSetting, loadSetting } from "../../src/excel/settings";
import { writeSheetsIn } from "../../src/excel/writeSheets";
import { healthSheet } from "../excel-double/fixtures";

const asCtx = (x: ExcelDouble) => x.newContext() as unknown as Excel.RequestContext;
const MB5 = 5 * 1024 * 1024;

function orders(n: number): (string | number)[][] {
  const rows: (string | number)[][] = [
    ["Account", "Order Date", "Invoice", "SKU", "Description", "Qty", "Line Total"],
  ];
  for (let i = 1; i <= n; i++)
    rows.push([
      `C${i % 500}`,
      45000 + (i % 700),
      `INV${i}`,
      `SKU-${i % 1234}`,
      `Cable ties 300mm black pack ${i % 17}`,
      (i % 9) + 1,
      Math.round(i * 1.37 * 100) / 100,
    ]);
  return rows;
}

describe("readRegion", () => {
  test("reads every row of a 100,000-row sheet in blocks, each response under 5 MB", async () => {
    const x = new ExcelDouble(["Orders"]);
    const data = orders(100_000);
    x.model.fill(x.sheet("Orders"), "B3", data); // header row need not be row 1
    const offsets: number[] = [];
    let count = 0;
    let checksum = 0;
    const r = await readRegion(
      asCtx(x),
      { sheet: "Orders" },
      (rows, offset) => {
        expect(offset).toBe(count); // consecutive, in order
        offsets.push(offset);
        count += rows.length;
        for (const row of rows) checksum += typeof row[5] === "number" ? row[5] : 0;
      },
      { maxResponseBytes: 1_000_000 }
    );
    expect(r).toMatchObject({
      address: "Orders!B3:H100003",
      rowIndex: 2,
      columnIndex: 1,
      rowCount: 100_001,
      columnCount: 7,
    });
    expect(count).toBe(100_001);
    // Qty is (i mod 9) + 1: i = 1..99,999 is 11,111 full cycles of 1..9 (45 each) = 499,995;
    // i = 100,000 ≡ 1 (mod 9) adds 2. The header row is text and adds nothing.
    expect(checksum).toBe(499_995 + 2);
    expect(r.blocks).toBeGreaterThan(5);
    expect(Math.max(...x.stats.responseBytes)).toBeLessThan(1_000_000 * 1.05);
    expect(r.syncs).toBe(r.blocks + 1); // one to size the region, then one per block
  });

  test("a block that comes back too large (long text further down) is halved and retried", async () => {
    const x = new ExcelDouble(["Notes"]);
    const rows: string[][] = [["Note"]];
    for (let i = 0; i < 2000; i++) rows.push([i < 100 ? "short" : "x".repeat(4000)]);
    x.model.fill(x.sheet("Notes"), "A1", rows);
    const { rows: got, result } = await readAll(
      asCtx(x),
      { sheet: "Notes" },
      { maxResponseBytes: 4_000_000 }
    );
    expect(got.length).toBe(2001);
    expect(got[2000][0]).toHaveLength(4000);
    // the first full-size block was refused by the (double's) 5 MB response limit, then halved
    expect(x.stats.responseBytes.some((b) => b > MB5)).toBe(true);
    expect(result.blocks).toBeGreaterThan(2);
  });

  test("reads a table by name, and an empty sheet as no rows", async () => {
    const x = new ExcelDouble(["Data", "Empty"]);
    x.model.fill(x.sheet("Data"), "C5", [
      ["SKU", "Price"],
      ["A", 1],
      ["B", 2],
    ]);
    x.model.addTable(x.sheet("Data"), { row: 4, col: 2, rows: 3, cols: 2 }, true).name = "Catalog";
    const { rows, result } = await readAll(asCtx(x), { sheet: "Data", table: "Catalog" });
    expect(rows).toEqual([
      ["SKU", "Price"],
      ["A", 1],
      ["B", 2],
    ]);
    expect(result.address).toBe("Data!C5:D7");
    const empty = await readAll(asCtx(x), { sheet: "Empty" });
    expect(empty.rows).toEqual([]);
    expect(empty.result.rowCount).toBe(0);
  });

  test("sample number formats come back so money formats can follow the source column", async () => {
    const x = new ExcelDouble(["Orders"]);
    x.model.fill(x.sheet("Orders"), "A1", [["Net"], [12.5]]);
    x.sheet("Orders").cell(1, 0)!.numberFormat = "[$€-x-euro2] #,##0.00";
    const { result } = await readAll(asCtx(x), { sheet: "Orders" });
    expect(result.sampleFormats[1][0]).toBe("[$€-x-euro2] #,##0.00");
  });
});

describe("listGrids", () => {
  test("describes sheets and tables with a peek, and flags KAP-made sheets, in 3 syncs", async () => {
    const x = new ExcelDouble(["Orders", "Accounts", "Blank"]);
    x.model.fill(x.sheet("Orders"), "A4", orders(30));
    x.model.fill(x.sheet("Accounts"), "A1", [
      ["Customer ID", "Tier"],
      ["C1", "Gold"],
    ]);
    x.model.addTable(x.sheet("Accounts"), { row: 0, col: 0, rows: 2, cols: 2 }, true).name =
      "tblAccounts";
    await writeSheetsIn(asCtx(x), [healthSheet(3)]);
    const before = x.stats.syncs;
    const grids = await listGrids(asCtx(x), { peekRows: 5 });
    expect(x.stats.syncs - before).toBe(3);
    const orderGrid = grids.find((g) => g.sheet === "Orders")!;
    expect(orderGrid).toMatchObject({
      address: "Orders!A4:G34",
      rowIndex: 3,
      rowCount: 31,
      columnCount: 7,
      kapMade: false,
      visible: true,
    });
    expect(orderGrid.peek[0]).toEqual([
      "Account",
      "Order Date",
      "Invoice",
      "SKU",
      "Description",
      "Qty",
      "Line Total",
    ]);
    expect(orderGrid.peek).toHaveLength(5);
    expect(grids.find((g) => g.table === "tblAccounts")).toMatchObject({
      sheet: "Accounts",
      address: "Accounts!A1:B2",
      peek: [
        ["Customer ID", "Tier"],
        ["C1", "Gold"],
      ],
    });
    expect(grids.find((g) => g.sheet === "Account Health" && !g.table)?.kapMade).toBe(true);
    expect(grids.some((g) => g.sheet === "Blank")).toBe(false);
  });

  test("reads the culture", async () => {
    const x = new ExcelDouble();
    x.model.culture = { name: "de-DE", decimalSeparator: ",", thousandsSeparator: "." };
    await expect(readCulture(asCtx(x))).resolves.toEqual({
      name: "de-DE",
      decimalSeparator: ",",
      groupSeparator: ".",
    });
  });
});

describe("settings", () => {
  test("JSON round trip through workbook.settings; missing or corrupt reads as undefined", async () => {
    const x = new ExcelDouble();
    const value = {
      asOf: "2025-06-30",
      weights: { recency: 25 },
      mapping: { orders: { date: "InvoiceDate" } },
    };
    await saveSetting(asCtx(x), "settings", value);
    await expect(loadSetting(asCtx(x), "settings")).resolves.toEqual(value);
    await expect(loadSetting(asCtx(x), "nothing")).resolves.toBeUndefined();
    x.model.settings.set("kap.bad", { key: "kap.bad", value: "{not json" });
    await expect(loadSetting(asCtx(x), "bad")).resolves.toBeUndefined();
    const isNum = (v: unknown): v is number => typeof v === "number";
    await expect(loadSetting(asCtx(x), "settings", isNum)).resolves.toBeUndefined();
  });
});

describe("readRegion: hidden and filtered rows", () => {
  // orders(1000): 1,001 rows with the header. Account C7 is on rows i ≡ 7 (mod 500): i = 7 and
  // 507, so a filter keeping C7 shows 2 of the 1,000 body rows and hides 998.
  test.each(["web", "desktop"] as const)(
    "a sheet filtered to one account: every row is read, and the result says 998 rows are hidden by a filter (%s)",
    async (mode) => {
      const x = new ExcelDouble(["Orders"], mode);
      x.model.fill(x.sheet("Orders"), "A1", orders(1000));
      x.model.applyFilter(
        x.sheet("Orders"),
        { row: 0, col: 0, rows: 1001, cols: 7 },
        (r) => r[0] === "C7"
      );
      const { rows, result } = await readAll(asCtx(x), { sheet: "Orders" });
      expect(rows).toHaveLength(1001);
      expect(result.hidden).toEqual({ rows: 998, byFilter: true });
      // one round trip more than an unfiltered read (sizing, sample and blocks), for the count
      expect(result.syncs).toBe(result.blocks + 2);
    }
  );

  test("rows hidden by hand in a table: counted, and not called a filter", async () => {
    const x = new ExcelDouble(["Orders"]);
    x.model.fill(x.sheet("Orders"), "A1", orders(100));
    x.model.addTable(x.sheet("Orders"), { row: 0, col: 0, rows: 101, cols: 7 }, true).name =
      "Sales";
    for (const r of [5, 6, 50]) x.sheet("Orders").hiddenRows.add(r);
    const { rows, result } = await readAll(asCtx(x), { sheet: "Orders", table: "Sales" });
    expect(rows).toHaveLength(101);
    expect(result.hidden).toEqual({ rows: 3, byFilter: false });
  });

  test("nothing hidden: no count, and no round trip for it", async () => {
    const x = new ExcelDouble(["Orders"]);
    x.model.fill(x.sheet("Orders"), "A1", orders(100));
    const { result } = await readAll(asCtx(x), { sheet: "Orders" });
    expect(result.hidden).toBeUndefined();
    expect(result.syncs).toBe(result.blocks + 1);
  });
});
