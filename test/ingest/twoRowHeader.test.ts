/**
 * A report saved from Excel with a two-row header: group labels merged over their columns
 * ("Invoice" over No and Date, "Customer" over ID and Name, "Sales" over Qty and Value). KAP read
 * the lower row alone and refused the file: 'No column for "account ID" … Headers found: No,
 * Date, ID, Name, Code, Description, Qty, Value'. Each column is now also read with its group's
 * label before it ("Customer ID"), where that makes the better header.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { analyzeFile } from "./fileAnalysis";
import { detectTable } from "../../src/ingest/detect";

const dir = mkdtempSync(join(tmpdir(), "kap-two-row-"));
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

async function report(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Report");
  ws.mergeCells("A1:H1");
  ws.getCell("A1").value = "Sales lines Q3 2026";
  ws.getRow(3).values = ["Invoice", null, "Customer", null, "Product", null, "Sales", null];
  for (const r of ["A3:B3", "C3:D3", "E3:F3", "G3:H3"]) ws.mergeCells(r);
  ws.getRow(4).values = ["No", "Date", "ID", "Name", "Code", "Description", "Qty", "Value"];
  ws.getRow(5).values = ["I1", utc(2026, 7, 3), "C1", "Alpha", "P1", "Ties", 10, 45];
  ws.getRow(6).values = ["I2", utc(2026, 8, 14), "C2", "Beta", "P2", "Plugs", 5, 12.5];
  ws.getRow(7).values = ["I3", utc(2026, 9, 20), "C1", "Alpha", "P3", "Boots", 2, 100];
  ws.getColumn(2).numFmt = "dd/mm/yyyy";
  const path = join(dir, "two-row-header.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

test("a two-row header is read with its group labels", async () => {
  const { revenue, names, orders } = await analyzeFile(await report(), "2026-09-30");
  // C1: I1 45.00 + I3 100.00 = 145.00 in 2 orders; C2: I2 12.50 in 1
  expect(revenue).toEqual({ C1: 145, C2: 12.5 });
  expect(orders).toEqual({ C1: 2, C2: 1 });
  expect(names).toEqual({ C1: "Alpha", C2: "Beta" });
});

test("the columns are named with their group: Customer ID, Customer Name; a plain header is left as it is", () => {
  const grid = (above: (string | null)[]) => ({
    name: "S",
    values: [
      above,
      ["No", "Date", "ID", "Name", "Qty", "Value"],
      ["I1", "03/07/2026", "C1", "Alpha", 1, 5],
    ],
  });
  const d = detectTable(grid(["Invoice", null, "Customer", null, "Sales", null]), "orders");
  expect(d?.headers).toEqual([
    "Invoice No",
    "Invoice Date",
    "Customer ID",
    "Customer Name",
    "Sales Qty",
    "Sales Value",
  ]);
  expect(d?.mapping.fields.find((f) => f.field === "accountId")?.column).toBe(2);
  // a title alone above the header is no band of group labels
  const plain = detectTable(
    {
      name: "S",
      values: [
        ["Sales lines", null, null, null],
        ["Customer ID", "Date", "SKU", "Revenue"],
        ["C1", "03/07/2026", "P1", 5],
      ],
    },
    "orders"
  );
  expect(plain?.headers).toEqual(["Customer ID", "Date", "SKU", "Revenue"]);
});
