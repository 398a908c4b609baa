/**
 * A file with a document-type column and no status column (Xero's export without Status): only
 * the Type says an invoice is voided ("Sales invoice (Voided)"). A credit note listed before the
 * first voided invoice, as in an export listed newest first, is judged once every voided invoice
 * is read, as in a file with a status column; before, it was judged as read, found no voided
 * invoice to reverse, and was taken off as a return, the voided invoice's value lost twice.
 * Figures worked by hand from the rows below; as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";
import { CN, INV, XERO_HEADER_NO_STATUS, xero } from "./xeroRows";

const dir = mkdtempSync(join(tmpdir(), "kap-voidtype-"));
function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n"));
  return path;
}
const VOID_CREDIT = "voided or cancelled invoice's credit-note line";
const VOIDED = "Sales invoice (Voided)";

test("Type only: a credit note listed before the voided invoice it reverses takes nothing off", async () => {
  const path = file("xero-type-only-newest-first.csv", [
    XERO_HEADER_NO_STATUS,
    // row 2–4: Delta, the credit note naming the voided invoice listed after it
    xero("Delta", "INV-0151", "", "20/10/2026", "CT-200", 10, "6.00", INV),
    xero("Delta", "CN-0011", "Credit Note for INV-0150", "12/10/2026", "CT-200", 5, "6.00", CN),
    xero("Delta", "INV-0150", "", "10/10/2026", "CT-200", 5, "6.00", VOIDED),
    // rows 5–7: Echo, naming nothing: the value and item of Echo's one voided invoice before it
    xero("Echo", "INV-0161", "", "22/10/2026", "CC-10", 20, "2.10", INV),
    xero("Echo", "CN-0012", "", "14/10/2026", "CC-10", 10, "2.10", CN),
    xero("Echo", "INV-0160", "", "11/10/2026", "CC-10", 10, "2.10", VOIDED),
    // rows 8–9: Golf, a credit note with no voided invoice to reverse: a return, as before
    xero("Golf", "INV-0181", "", "21/10/2026", "GL-1", 20, "5.00", INV),
    xero("Golf", "CN-0014", "", "16/10/2026", "GL-1", 4, "5.00", CN),
  ]);
  const { report, revenue, orders } = await analyzeFile(path);
  expect(revenue).toEqual({
    // INV-0151 10 × 6.00 = 60.00; voided INV-0150 (30.00) and CN-0011 (30.00) both left out
    // (was 60.00 − 30.00 = 30.00)
    Delta: 60,
    // INV-0161 20 × 2.10 = 42.00; voided INV-0160 (21.00) and CN-0012 (21.00) left out (was 21.00)
    Echo: 42,
    // INV-0181 20 × 5.00 = 100.00 − CN-0014 4 × 5.00 = 20.00
    Golf: 80,
  });
  expect(orders).toEqual({ Delta: 1, Echo: 1, Golf: 1 });
  // CN-0014 only (was 3: CN-0011, CN-0012 and CN-0014)
  expect(report.returns).toBe(1);
  // CN-0011 (row 3) and CN-0012 (row 6)
  expect(report.rejected.find((r) => r.reason === VOID_CREDIT)?.rows).toEqual([3, 6]);
  const sure = report.warnings.find((x) => x.includes("CN-0011"));
  expect(sure).toContain("CN-0011 for INV-0150, CN-0012 for INV-0160");
  // nothing left unsure ("… comes before it in the export")
  expect(report.warnings.join("\n")).not.toContain("cannot tell for sure");
});
