/**
 * KAP.METRICS and KAP.ACCOUNTHEALTH read a negative discount line of an invoice ("Skonto 2%",
 * "Rabatt", "Volume rebate 5%") as `kap analyze` does: a price reduction of that invoice, not a
 * return (PRODUCT.md §2, discounts are adjustment lines; domain/orderLines keepTakenOffSigned).
 * The lines below are a German ERP's invoice lines as a sheet holds them: INV-1's early-payment
 * discount booked on the invoice 6 days after it, across the 12-month edge. Read as a return, it
 * was −2.00 in the last 12 months on the sheet, where the file analysis counts it in INV-1, dated
 * 30/10/2025, in the prior 12. Figures worked by hand; as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { accountHealth, metrics } from "../../src/functions/functions";
import { ymdToSerial as d } from "../../src/domain/dates";
import { analyzeFile } from "../ingest/fileAnalysis";
import { both } from "./bothHosts";
import { cell, col } from "./ranges";

// account, date, invoice, product, category, quantity, revenue
const LINES: [string, number, string, string, string, number, number][] = [
  ["Krause", d(2025, 10, 30), "INV-1", "CT-100", "Fixings", 10, 100],
  ["Krause", d(2025, 11, 5), "INV-1", "Skonto 2%", "Fixings", 1, -2],
  ["Krause", d(2026, 10, 20), "INV-2", "CT-100", "Fixings", 5, 50],
];
const AS_OF = d(2026, 10, 31);
const column = (k: number) => col(...LINES.map((l) => l[k]));

function sheetMetrics(): unknown[] {
  return both(
    metrics,
    cell("Krause"),
    column(0),
    column(1),
    column(2),
    column(6),
    column(4),
    cell(AS_OF),
    column(5),
    undefined,
    column(3)
  )[0];
}

test("a discount line of the order above is no return on the sheet, as in the file analysis", async () => {
  const [, , , , revenue12, prior12, change] = sheetMetrics();
  // last 12 months (31/10/2025, 31/10/2026]: INV-2 50.00 (was 50.00 − 2.00 Skonto = 48.00)
  expect(revenue12).toBe(50);
  // prior 12 months: INV-1 of 30/10/2025, 100.00 − 2.00 = 98.00 (was 100.00)
  expect(prior12).toBe(98);
  // (50 − 98) / 98 = −49.0 % (was (48 − 100) / 100 = −52 %)
  expect(change).toBe(-0.49);

  const dir = mkdtempSync(join(tmpdir(), "kap-skonto-"));
  const path = join(dir, "rechnungspositionen.csv");
  const iso = (serial: number) =>
    new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
  writeFileSync(
    path,
    [
      "Customer,Date,Invoice,Product,Category,Quantity,Revenue",
      ...LINES.map((l) => [l[0], iso(l[1]), l[2], l[3], l[4], l[5], l[6].toFixed(2)].join(",")),
    ].join("\n")
  );
  const { report, p } = await analyzeFile(path);
  const a = p.accounts[0];
  expect(report.returns).toBe(0);
  // the same figures as the sheet's
  expect([a.health.inputs.revenueLast12, a.health.inputs.revenuePrior12]).toEqual([50, 98]);

  // KAP.ACCOUNTHEALTH scores the same inputs: Revenue −49 % is factor 1 (≤ −31), as the file's
  const health = both(
    accountHealth,
    cell("Krause"),
    column(0),
    column(1),
    column(2),
    column(6),
    column(4),
    undefined,
    undefined,
    cell(AS_OF),
    undefined,
    column(5),
    column(3)
  )[0];
  expect(health[0]).toBe(a.health.score);
});
