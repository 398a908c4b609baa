/**
 * Export variants a sales-ops user brings that earlier fixtures did not cover (test/fixtures/tester).
 * Every expected figure is worked out by hand from the file, as the comments show; as of 2026-10-31.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const DIR = join(__dirname, "../fixtures/tester");

describe("export variants found by the tester", () => {
  it("Xero: Voided, Draft and Deleted invoices (Status) are no sales; a 'Sales credit note' (Type) is a return whatever its number", async () => {
    const { report, revenue } = await analyzeFile(join(DIR, "xero-status-type.csv"));
    // Brightwell: INV-0101 45.00 + 60.00, INV-0140 45.00 = 150.00
    expect(revenue["Brightwell Electrical Ltd"]).toBe(150);
    // Harbour: INV-0120 40.00; INV-0121 (Voided, 400.00), INV-0122 (Draft, 20.00) and
    // INV-0123 (Deleted, 30.00) were never sales
    expect(revenue["Harbour Plumbing"]).toBe(40);
    // Cobalt: INV-0130 100.00 less credit note ADJ-0003 20.00 (positive in the export) = 80.00
    expect(revenue["Cobalt Facilities"]).toBe(80);
    expect(report.returns).toBe(1);
    expect(report.read!.layout).toBe("Xero sales invoices");
    const skipped = report.skipped.find((s) => /draft/.test(s.rule));
    expect(skipped?.rows).toBe(3);
  });

  it("Sage 50 audit trail: a Type column of SI and SC codes; SC (sales credit) lines, written positive, are returns", async () => {
    const { report, revenue } = await analyzeFile(join(DIR, "sage50-audit-si-sc.csv"));
    // BRI001: SI 450.00 + SI 1,200.00 − SC 100.00 = 1,550.00
    expect(revenue["BRI001"]).toBe(1550);
    // HAR002: SI 300.00 − SC 50.00 = 250.00
    expect(revenue["HAR002"]).toBe(250);
    expect(report.returns).toBe(2);
  });
});
