/**
 * The reading's warnings, shown in the pane, write their figures the workbook culture's way, as
 * the pane's own numbers do: de-DE "1.200 rows", "3.000,00", "50,0 %"; en-GB "1,200", "3,000.00",
 * "50.0%". With no culture (the command line) they read as they always did ("1200 rows").
 */
import { detectTable } from "../../src/ingest/detect";
import type { Cell, Grid } from "../../src/ingest/grid";
import { createOrderParser } from "../../src/ingest/orders";

const H = ["Customer ID", "Order Date", "Invoice No", "SKU", "Qty", "Line Total"];
const JAN1 = 45658; // 2025-01-01

/**
 * One good line of 3,000.00 and 1,200 lines with no account of 2.50 each: 1,200 × 2.50 = 3,000.00
 * skipped, so the skipped rows carry 3,000 / (3,000 + 3,000) = 50.0% of the revenue.
 */
function rows(): Cell[][] {
  const out: Cell[][] = [H, ["A1", JAN1, "INV1", "CT-100", 1, 3000]];
  for (let i = 0; i < 1200; i++) out.push([null, JAN1, `INV${i + 2}`, "CT-100", 1, 2.5]);
  return out;
}

function warningsIn(culture?: string): string[] {
  const grid: Grid = { name: "Orders", values: rows() };
  const detection = detectTable(grid)!;
  const parser = createOrderParser(detection.mapping, {
    dateOrder: "dmy",
    ...(culture ? { culture } : {}),
  });
  parser.push(grid.values.slice(1), 2, () => undefined);
  return parser.finish().warnings;
}

const skipped = (ws: string[]) => ws.find((w) => /were skipped/.test(w)) ?? "";

test("de-DE: the skipped rows' count, money and share are written the German way", () => {
  const w = skipped(warningsIn("de-DE"));
  expect(w).toMatch(/^1\.200 rows were skipped: 1\.200 /);
  // 1,200 × 2.50 = 3,000.00; 3,000 of 6,000 = 50.0 % (a no-break space before the %)
  expect(w).toContain("; 3.000,00, 50,0\u00a0% of revenue)");
  // sheet row numbers are no figures: Excel writes them ungrouped
  expect(w).toContain("(rows 3, 4, 5");
});

test("en-GB: grouped with commas, a decimal point", () => {
  const w = skipped(warningsIn("en-GB"));
  expect(w).toMatch(/^1,200 rows were skipped: 1,200 /);
  expect(w).toContain("; 3,000.00, 50.0% of revenue)");
});

test("no culture (the command line): as before", () => {
  const w = skipped(warningsIn());
  expect(w).toMatch(/^1200 rows were skipped: 1200 /);
  expect(w).toContain("; 3,000.00, 50.0% of revenue)");
});
