/** The streaming .xlsx reader on a small workbook: values as Excel's range.values gives them, formats, tables, gaps, errors in one sentence. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { XlsxFileError, XlsxReader } from "../../src/cli/xlsxReader";
import { xlsxSource } from "../../src/cli/fileSource";
import type { Cell } from "../../src/ingest/grid";

const dir = mkdtempSync(join(tmpdir(), "kap-xlsx-"));

/** Every row of sheet `index` with its cells' number formats. */
async function wholeSheet(
  r: XlsxReader,
  index: number
): Promise<{ rows: Cell[][]; formats: string[][] }> {
  const rows: Cell[][] = [];
  const formats: string[][] = [];
  await r.readSheet(
    index,
    (row, f) => {
      rows.push(row);
      formats.push(f);
      return true;
    },
    { formats: true }
  );
  return { rows, formats };
}

async function workbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sales");
  ws.getCell("A1").value = "Sales ledger & <co>";
  // row 2 left empty: rows the file leaves out come as empty rows
  ws.getRow(3).values = [
    "Customer ID",
    "Customer",
    "Order Date",
    "SKU",
    "Qty",
    "Unit Price",
    "Line Total",
    "Paid",
  ];
  ws.getRow(4).values = [
    "A1",
    { richText: [{ text: "Acme " }, { font: { bold: true }, text: "Ltd" }] },
    new Date(Date.UTC(2025, 0, 1)),
    "CT-100",
    10,
    1.5,
    { formula: "E4*F4", result: 15 },
    true,
  ];
  ws.getRow(5).values = [
    "A2",
    { text: "Bolt & Co", hyperlink: "https://example.com" },
    new Date(Date.UTC(2025, 0, 2)),
    "FX-8",
    -2,
    2.5,
    { formula: "1/0", result: { error: "#DIV/0!" } },
    false,
  ];
  ws.getCell("J5").value = "far right";
  ws.getCell("F4").numFmt = "£#,##0.00";
  ws.getCell("C4").numFmt = "dd/mm/yyyy";
  const acc = wb.addWorksheet("Accounts");
  acc.addTable({
    name: "tblAccounts",
    ref: "B2",
    headerRow: true,
    columns: [{ name: "Account No" }, { name: "Tier" }],
    rows: [["A1", "Gold"]],
  });
  const path = join(dir, "book.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

test("sheets stream as Excel hands ranges over: dates as serials, formula results, rich text, booleans; errors as their text", async () => {
  const r = await XlsxReader.open(await workbook());
  expect(r.sheets.map((s) => [s.name, s.tables])).toEqual([
    ["Sales", []],
    ["Accounts", ["tblAccounts"]],
  ]);
  const { rows, formats } = await wholeSheet(r, 0);
  expect(rows[0]).toEqual(["Sales ledger & <co>"]);
  expect(rows[1]).toEqual([]);
  expect(rows[2]).toEqual([
    "Customer ID",
    "Customer",
    "Order Date",
    "SKU",
    "Qty",
    "Unit Price",
    "Line Total",
    "Paid",
  ]);
  // 2025-01-01 is Excel serial 45658 (days since 1899-12-30)
  expect(rows[3]).toEqual(["A1", "Acme Ltd", 45658, "CT-100", 10, 1.5, 15, true]);
  expect(rows[4]).toEqual([
    "A2",
    "Bolt & Co",
    45659,
    "FX-8",
    -2,
    2.5,
    "#DIV/0!", // =1/0: Excel's error, as range.values gives it, not a blank
    false,
    null,
    "far right",
  ]);
  expect(formats[3][5]).toBe("£#,##0.00");
  expect(formats[3][2]).toBe("dd/mm/yyyy");
  // stopping early reads no further
  let seen = 0;
  await r.readSheet(0, () => ++seen < 2);
  expect(seen).toBe(2);
  r.close();
});

test("as an ingest source: each sheet a table with its first rows and number formats", async () => {
  const src = xlsxSource(await workbook());
  const tables = await src.tables();
  expect(tables.map((t) => [t.peek.name, t.peek.tableName, t.peek.values.length])).toEqual([
    ["Sales", undefined, 5],
    ["Accounts", "tblAccounts", 3],
  ]);
  expect(tables[0].peek.numberFormats![3][5]).toBe("£#,##0.00");
  const blocks: [number, number][] = [];
  await src.read(tables[1], (rows, offset) => void blocks.push([offset, rows.length]));
  expect(blocks).toEqual([[0, 3]]);
});

test("a 5,000-column sheet comes in blocks of far fewer than 4,096 rows (cut by cells too), every row once", async () => {
  // 5,000 rows with a date, a customer and an amount, and a note in column 5,000 (GJH)
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Orders");
  ws.getRow(1).values = ["Order Date", "Customer", "Revenue"];
  ws.getCell(1, 5000).value = "Note";
  for (let i = 0; i < 5000; i++) {
    ws.getRow(i + 2).values = [new Date(Date.UTC(2026, 9, 1)), `C${i % 50}`, i];
    ws.getCell(i + 2, 5000).value = "x";
  }
  const file = join(dir, "wide.xlsx");
  await wb.xlsx.writeFile(file);
  const src = xlsxSource(file);
  const [table] = await src.tables();
  const revenue: Cell[] = [];
  let most = 0;
  await src.read(table, (rows) => {
    most = Math.max(most, rows.length);
    for (const r of rows) revenue.push(r[2]);
  });
  expect(revenue.length).toBe(5001);
  expect(revenue.slice(1).every((v, i) => v === i)).toBe(true);
  // 4,096 × 64 / 5,000 = 52.4 rows' cells, reached within one inflated chunk of the sheet
  expect(most).toBeLessThan(1000);
});

test("files that are not workbooks are refused in one sentence", async () => {
  const fake = join(dir, "fake.xlsx");
  writeFileSync(fake, "just text");
  await expect(XlsxReader.open(fake)).rejects.toThrow(
    new XlsxFileError(
      "fake.xlsx is not an Excel workbook (.xlsx): it may be damaged or have the wrong extension."
    )
  );
  const broken = join(dir, "broken.xlsx");
  writeFileSync(
    broken,
    Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40, 7)])
  );
  await expect(XlsxReader.open(broken)).rejects.toThrow(
    /^broken\.xlsx could not be opened: it is damaged or not a real \.xlsx workbook/
  );
});

/**
 * A small order sheet's parts with SpreadsheetML's elements under the prefix `p` (as the Open XML
 * SDK and ClosedXML write them, `x:`; or Python's ElementTree when a script rewrote a part,
 * `ns0:`), and the relationships under `rel` ("" for the default namespace).
 */
async function prefixedWorkbook(file: string, p: string, rel: string, idAttr: string) {
  const JSZip = (await import("jszip")).default;
  const main = `xmlns:${p}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
  const rels = (body: string) =>
    rel
      ? `<${rel}:Relationships xmlns:${rel}="http://schemas.openxmlformats.org/package/2006/relationships">${body.replace(/<Relationship /g, `<${rel}:Relationship `)}</${rel}:Relationships>`
      : `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
  const type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const zip = new JSZip();
  zip.file(
    "_rels/.rels",
    rels(`<Relationship Id="rId1" Type="${type}/officeDocument" Target="xl/workbook.xml"/>`)
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="utf-8"?><${p}:workbook ${main} xmlns:${idAttr.split(":")[0]}="${type}">` +
      `<${p}:workbookPr/><${p}:sheets><${p}:sheet name="Orders" sheetId="1" ${idAttr}="rId1"/></${p}:sheets></${p}:workbook>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels(
      `<Relationship Id="rId1" Type="${type}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${type}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId3" Type="${type}/sharedStrings" Target="sharedStrings.xml"/>`
    )
  );
  zip.file(
    "xl/styles.xml",
    `<${p}:styleSheet ${main}><${p}:numFmts count="1"><${p}:numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></${p}:numFmts>` +
      `<${p}:cellXfs count="2"><${p}:xf numFmtId="0"/><${p}:xf numFmtId="164" applyNumberFormat="1"/></${p}:cellXfs></${p}:styleSheet>`
  );
  zip.file(
    "xl/sharedStrings.xml",
    `<${p}:sst ${main} count="4" uniqueCount="4"><${p}:si><${p}:t>Order Date</${p}:t></${p}:si><${p}:si><${p}:t>Customer</${p}:t></${p}:si>` +
      `<${p}:si><${p}:r><${p}:t xml:space="preserve">Acme </${p}:t></${p}:r><${p}:r><${p}:rPr><${p}:b/></${p}:rPr><${p}:t>Ltd</${p}:t></${p}:r></${p}:si>` +
      `<${p}:si><${p}:t>Line Total</${p}:t></${p}:si></${p}:sst>`
  );
  const c = (ref: string, attrs: string, body: string) =>
    `<${p}:c r="${ref}"${attrs}>${body}</${p}:c>`;
  const v = (x: string | number) => `<${p}:v>${x}</${p}:v>`;
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<?xml version="1.0" encoding="utf-8"?><${p}:worksheet ${main}><${p}:dimension ref="A1:D3"/><${p}:sheetData>` +
      `<${p}:row r="1">${c("A1", ' t="s"', v(0))}${c("B1", ' t="s"', v(1))}${c("C1", ' t="inlineStr"', `<${p}:is><${p}:t>Qty</${p}:t></${p}:is>`)}${c("D1", ' t="s"', v(3))}</${p}:row>` +
      `<${p}:row r="2">${c("A2", ' s="1"', v(45658))}${c("B2", ' t="s"', v(2))}${c("C2", "", v(10))}${c("D2", "", `<${p}:f>C2*1.5</${p}:f>${v(15)}`)}</${p}:row>` +
      `<${p}:row r="3">${c("A3", ' s="1"', v(45659))}${c("B3", ' t="str"', v("Bolt &amp; Co"))}${c("C3", "", v(-2))}${c("D3", "", v(-5))}</${p}:row>` +
      `</${p}:sheetData></${p}:worksheet>`
  );
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

test("a workbook whose XML names its elements with a prefix (Open XML SDK's x:, ElementTree's ns0:) reads as the same workbook", async () => {
  for (const [p, rel, idAttr] of [
    ["x", "", "r:id"],
    ["ns0", "ns0", "ns1:id"],
  ]) {
    const file = join(dir, `prefixed-${p}.xlsx`);
    await prefixedWorkbook(file, p, rel, idAttr);
    const r = await XlsxReader.open(file);
    expect(r.sheets.map((s) => s.name)).toEqual(["Orders"]);
    const { rows, formats } = await wholeSheet(r, 0);
    // 45658 is 1 January 2025 (days since 1899-12-30), shown as dd/mm/yyyy
    expect(rows).toEqual([
      ["Order Date", "Customer", "Qty", "Line Total"],
      [45658, "Acme Ltd", 10, 15],
      [45659, "Bolt & Co", -2, -5],
    ]);
    expect(formats[1][0]).toBe("dd/mm/yyyy");
    // the used range's height, from the sheet's dimension (A1:D3)
    expect(r.sheets[0].rows).toBe(3);
    // the reading thread's path: shared strings numbered by their index
    const ids: number[][] = [];
    for await (const block of r.sheetBlocks(0, { sharedIds: true })) ids.push(...block.sharedIds);
    expect(ids).toEqual([
      [0, 1, -1, 3],
      [-1, 2, -1, -1],
      [-1, -1, -1, -1],
    ]);
    r.close();
  }
});
