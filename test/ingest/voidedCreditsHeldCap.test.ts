/**
 * Past the 200,000 credit-note lines KAP holds to the end of the file (to match them against
 * voided invoices listed after them), credit notes are judged as read. A credit note past that
 * bound listed before the voided invoice it reverses is read as a return: the summary says so,
 * naming the bound, where before nothing did (only "… comes before it in the export" for one
 * that names the invoice). Figures worked by hand from the rows below; as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";
import { CN, INV, XERO_HEADER, xero } from "./xeroRows";

const HELD = 200_000;

function file(lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), "kap-heldcap-")), "xero-many-credit-notes.csv");
  writeFileSync(path, lines.join("\n"));
  return path;
}

test("credit notes past the 200,000 lines held are judged as read, and the summary says so", async () => {
  const lines = [
    XERO_HEADER,
    // row 2: 300,000 × 1.00
    xero("Harbour", "INV-0001", "", "01/09/2026", "CT-200", 300000, "1.00", INV, "PAID"),
    // rows 3–200,002: 200,000 credit notes of one line, 1.00 each: all held
    ...Array.from({ length: HELD }, (_, i) =>
      xero("Harbour", `CN-H${100000 + i}`, "", "02/09/2026", "CT-200", 1, "1.00", CN, "PAID")
    ),
    // row 200,003: past the bound, judged as read: no voided invoice read yet, so a return
    xero(
      "Delta",
      "CN-0011",
      "Credit Note for INV-0150",
      "12/10/2026",
      "CT-200",
      5,
      "6.00",
      CN,
      "PAID"
    ),
    // row 200,004: the voided invoice it reverses, listed after it
    xero("Delta", "INV-0150", "", "10/10/2026", "CT-200", 5, "6.00", INV, "VOIDED"),
    // row 200,005
    xero("Delta", "INV-0151", "", "20/10/2026", "CT-200", 10, "6.00", INV, "PAID"),
  ];
  const { report, revenue } = await analyzeFile(file(lines));
  expect(revenue).toEqual({
    // 300,000.00 − 200,000 × 1.00
    Harbour: 100000,
    // INV-0151 60.00 − CN-0011 30.00 (its voided INV-0150 listed after it, past the bound)
    Delta: 30,
  });
  // the 200,000 held credit notes and CN-0011
  expect(report.returns).toBe(HELD + 1);
  const all = report.warnings.join("\n");
  expect(all).toContain("CN-0011 names voided INV-0150 but comes before it in the export");
  const cap = report.warnings.find((w) => w.startsWith("More than"));
  // the bound as a count: grouped the culture's way, or plain where none is given
  expect(cap).toMatch(/^More than 200,?000 credit-note lines/);
  expect(cap).toContain(
    "the 1 credit note past them was matched only against the voided invoices listed before it"
  );
}, 120_000);
