import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { decodeText, FileReadError, parseCsv, readWorkbookFile } from "../../src/cli/workbookFile";
import { detectTable } from "../../src/ingest/detect";
import type { OrderLine } from "../../src/domain/types";
import { createOrderParser } from "../../src/ingest/orders";

const dir = mkdtempSync(join(tmpdir(), "kap-ingest-"));

describe("parseCsv", () => {
  it("reads RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes; CRLF", () => {
    const text =
      'Customer,Note,Qty\r\n"Bolt, Nut & Co","He said ""hi""",3\r\n"Acme","two\nlines",4\r\n';
    expect(parseCsv(text)).toEqual([
      ["Customer", "Note", "Qty"],
      ["Bolt, Nut & Co", 'He said "hi"', "3"],
      ["Acme", "two\nlines", "4"],
    ]);
  });
  it("sniffs semicolons and tabs, ignoring delimiters inside quotes", () => {
    expect(parseCsv('A;B;C\n"1,5";2;3')).toEqual([
      ["A", "B", "C"],
      ["1,5", "2", "3"],
    ]);
    expect(parseCsv('A\tB\n"x,y,z"\t2\n')).toEqual([
      ["A", "B"],
      ["x,y,z", "2"],
    ]);
    expect(parseCsv('"a,b,c";d\n1;2')).toEqual([
      ["a,b,c", "d"],
      ["1", "2"],
    ]);
  });
  it("honours Excel's sep= line and strips a BOM", () => {
    expect(parseCsv("\ufeffsep=;\nA;B\n1;2")).toEqual([
      ["A", "B"],
      ["1", "2"],
    ]);
    expect(parseCsv("\ufeffA,B\n1,2")).toEqual([
      ["A", "B"],
      ["1", "2"],
    ]);
  });
  it("keeps empty fields and a last line without a newline", () => {
    expect(parseCsv("A,B,C\n1,,3")).toEqual([
      ["A", "B", "C"],
      ["1", "", "3"],
    ]);
  });
  it("decodes UTF-8, UTF-16 and Windows-1252 bytes", () => {
    expect(decodeText(Buffer.from("£5", "utf8"))).toBe("£5");
    expect(decodeText(Buffer.from([0xa3, 0x35]))).toBe("£5"); // Windows-1252 £
    expect(
      decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("£5", "utf16le")]))
    ).toBe("£5");
  });
});

describe("readWorkbookFile: CSV", () => {
  it("reads a semicolon CSV into one grid: plain numbers become numbers, ids with leading zeros stay text", async () => {
    const path = join(dir, "orders.csv");
    writeFileSync(
      path,
      '\ufeffCustomer ID;Order Date;SKU;Qty;Revenue\r\n00123;03/04/2025;CT-100;4;"1.200,50 €"\r\nA2;2025-04-05;FX-8;-2;-12.5\r\n'
    );
    const { grids, culture } = await readWorkbookFile(path);
    expect(culture).toBeUndefined();
    expect(grids).toHaveLength(1);
    expect(grids[0].name).toBe("orders");
    expect(grids[0].values).toEqual([
      ["Customer ID", "Order Date", "SKU", "Qty", "Revenue"],
      ["00123", "03/04/2025", "CT-100", 4, "1.200,50 €"],
      ["A2", "2025-04-05", "FX-8", -2, -12.5],
    ]);
    // and it goes through ingest: 1,200.50 EUR on 3 April 2025 (day-first)
    const d = detectTable(grids[0])!;
    const lines: OrderLine[] = [];
    const p = createOrderParser(d.mapping, { dateOrder: "dmy" });
    p.push(grids[0].values.slice(1), 2, (l) => lines.push(l));
    expect(lines[0]).toMatchObject({ accountId: "00123", date: 45750, revenue: 1200.5, row: 2 });
    expect(lines[1]).toMatchObject({ isReturn: true, quantity: -2, revenue: -12.5, row: 3 });
    // no currency column: the € names the file's currency, and the plain -12.5 is in it too
    const report = p.finish();
    expect(report.fileCurrency).toBe("EUR");
    expect(report.currencies).toEqual({ EUR: 2 });
    expect(report.warnings).toEqual([]);
  });
});

describe("readWorkbookFile: .xlsx", () => {
  it("reads sheets, tables, dates, formulas, rich text and hyperlinks as their shown values", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sales");
    ws.getCell("A1").value = "Sales ledger";
    ws.addRow([]);
    ws.getRow(3).values = [
      "Customer ID",
      "Customer",
      "Order Date",
      "SKU",
      "Qty",
      "Unit Price",
      "Line Total",
    ];
    ws.getRow(4).values = [
      "A1",
      { richText: [{ text: "Acme " }, { font: { bold: true }, text: "Ltd" }] },
      new Date(Date.UTC(2025, 0, 1)),
      "CT-100",
      10,
      1.5,
      { formula: "E4*F4", result: 15 },
    ];
    ws.getRow(5).values = [
      "A2",
      { text: "Bolt & Co", hyperlink: "https://example.com" },
      new Date(Date.UTC(2025, 0, 2, 15, 30)),
      "FX-8",
      2,
      2.5,
      { formula: "E5*F5", result: 5 },
    ];
    ws.getCell("F4").numFmt = "£#,##0.00";
    ws.getCell("C4").numFmt = "dd/mm/yyyy";
    ws.getCell("H5").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    const acc = wb.addWorksheet("Accounts");
    acc.addTable({
      name: "tblAccounts",
      ref: "B2",
      headerRow: true,
      columns: [{ name: "Account No" }, { name: "Tier" }, { name: "Industry" }],
      rows: [["A1", "Gold", "Plumber"]],
    });
    const path = join(dir, "book.xlsx");
    await wb.xlsx.writeFile(path);

    const { grids } = await readWorkbookFile(path);
    expect(grids.map((g) => g.name)).toEqual(["Sales", "Accounts"]);
    const sales = grids[0];
    expect(sales.values[0][0]).toBe("Sales ledger");
    expect(sales.values[2]).toEqual([
      "Customer ID",
      "Customer",
      "Order Date",
      "SKU",
      "Qty",
      "Unit Price",
      "Line Total",
      null,
    ]);
    expect(sales.values[3].slice(0, 7)).toEqual([
      "A1",
      "Acme Ltd",
      new Date(Date.UTC(2025, 0, 1)),
      "CT-100",
      10,
      1.5,
      15,
    ]);
    expect(sales.values[4][1]).toBe("Bolt & Co");
    expect(sales.values[4][7]).toBe("#DIV/0!"); // an error result as range.values gives it
    expect(sales.numberFormats![3][5]).toBe("£#,##0.00");
    expect(sales.numberFormats![3][2]).toBe("dd/mm/yyyy");

    const d = detectTable(sales)!;
    expect(d.mapping.headerRow).toBe(2);
    const lines: OrderLine[] = [];
    const p = createOrderParser(d.mapping, { dateOrder: "dmy" });
    p.push(sales.values.slice(3), 4, (l) => lines.push(l));
    // 2025-01-02 15:30 UTC → serial 45659, time dropped
    expect(lines.map((l) => [l.accountName, l.date, l.revenue, l.row])).toEqual([
      ["Acme Ltd", 45658, 15, 4],
      ["Bolt & Co", 45659, 5, 5],
    ]);

    const accounts = grids[1];
    expect(accounts.tableName).toBe("tblAccounts");
    expect(accounts.values[1].slice(1)).toEqual(["Account No", "Tier", "Industry"]);
    expect(detectTable(accounts)!.role).toBe("accounts");
  });
});

describe("readWorkbookFile: errors in one sentence", () => {
  const expectError = async (path: string, message: RegExp) => {
    const p = readWorkbookFile(path);
    await expect(p).rejects.toBeInstanceOf(FileReadError);
    await expect(p).rejects.toThrow(message);
  };
  it("missing file", () => expectError(join(dir, "nope.xlsx"), /nope\.xlsx: no such file\.$/));
  it("a folder", () => expectError(dir, /is a folder, not a workbook\.$/));
  it("not a workbook", async () => {
    const path = join(dir, "fake.xlsx");
    writeFileSync(path, "just some text");
    await expectError(
      path,
      /^fake\.xlsx is not an Excel workbook \(\.xlsx\): it may be damaged or have the wrong extension\.$/
    );
  });
  it("password-protected (an OLE container)", async () => {
    const path = join(dir, "locked.xlsx");
    writeFileSync(path, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    await expectError(path, /^locked\.xlsx is password-protected/);
  });
  it("a damaged zip", async () => {
    const path = join(dir, "broken.xlsx");
    writeFileSync(
      path,
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40, 7)])
    );
    await expectError(path, /^broken\.xlsx could not be/);
  });
  it("an old .xls workbook", async () => {
    const old = join(dir, "old.xls");
    writeFileSync(old, "x");
    await expectError(
      old,
      /^old\.xls is an old \.xls workbook: save it as \.xlsx in Excel and try again\.$/
    );
  });
  it("an empty file and an unknown extension", async () => {
    const empty = join(dir, "empty.xlsx");
    writeFileSync(empty, "");
    await expectError(empty, /^empty\.xlsx is empty\.$/);
    const pdf = join(dir, "report.pdf");
    writeFileSync(pdf, "%PDF");
    await expectError(pdf, /^report\.pdf: KAP reads \.xlsx and \.csv files\.$/);
  });
});
