/**
 * Credit notes kept on a sheet of their own beside the invoices: KAP reads one order table, so
 * the warning says that the credits are not taken off and by how much revenue is overstated
 * (a tester's workbook: Harbour 217.50 read for 188.50, Northfield 2,500.00 for 1,250.00).
 */
import { otherOrdersWarning } from "../../src/engine/otherOrders";
import type { SourceTable } from "../../src/engine/session";

const HEAD = ["Date", "Credit Note", "Customer", "Item", "Amount"];
const table = (name: string, rows: (string | number)[][]): SourceTable => ({
  peek: { name, values: [HEAD, ...rows], top: 1, left: 1 },
  rows: rows.length + 1,
});

const invoices = table("Invoices", [
  ["2026-10-05", "INV-1", "Harbour", "PIPE-15", 217.5],
  ["2026-10-14", "INV-2", "Northfield", "BRK-01", 2500],
]);
const credits = table("Credit Notes", [
  ["2026-10-09", "CN-1", "Harbour", "PIPE-15", 29],
  ["2026-10-20", "CN-2", "Northfield", "BRK-01", 1250],
]);

test("a sheet of credit notes not read: the warning says revenue is overstated, and by how much", () => {
  const w = otherOrdersWarning([invoices, credits], invoices);
  // 29.00 + 1,250.00
  expect(w).toContain(
    '"Credit Notes" holds credit notes or returns (1,279.00 in all): they are not taken off, so revenue is overstated by them.'
  );
});

test("the amount is written the workbook's way", () => {
  expect(otherOrdersWarning([invoices, credits], invoices, "de-DE")).toContain("(1.279,00 in all)");
});

test("a second year's sheet is no credit-note sheet: no overstatement is claimed", () => {
  const y2025 = table("Orders 2025", [["2025-10-05", "INV-0", "Harbour", "PIPE-15", 100]]);
  const w = otherOrdersWarning([invoices, y2025], invoices);
  expect(w).toContain('Order lines were also found on "Orders 2025" (1 row), and were not read');
  expect(w).not.toContain("overstated");
});
