/**
 * A credit note whose lines straddle the edge between two pushes of rows to the parser: the
 * command line hands the order lines over in pieces (the first 1,000 rows, the sample that
 * settles how the file is read, then blocks of 4,096; a file read on the reading thread comes in
 * batches of 1,024 rows, then doubling). The credit note reversing a voided invoice is judged on
 * all its lines, wherever the edge falls; before, only the lines of its first piece counted, so
 * CN-0007 credited 90.00 of voided INV-0110's 111.00 and was read as a return. Two edges are
 * covered: rows 1,001 | 1,002 (the sample's end, checked with a print of the pushes) and
 * 1,025 | 1,026 (a first batch of 1,024 rows). Figures worked by hand; as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCli, kap } from "./kapProcess";
import { CN, INV, XERO_HEADER, xero } from "../ingest/xeroRows";

beforeAll(buildCli, 120_000);

/** Another customer's invoices of 1.00 each, numbered from `from`. */
const filler = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) =>
    xero(
      "Harbour Ltd",
      `INV-${10000 + from + i}`,
      "",
      "15/09/2026",
      "CT-200",
      1,
      "1.00",
      INV,
      "PAID"
    )
  );

test("a credit note split across two pieces of rows is judged on all its lines", () => {
  const lines = [
    XERO_HEADER,
    // rows 2–7
    xero("Brightwell", "INV-0101", "PO 7781", "14/09/2026", "CT-200", 10, "4.50", INV, "PAID"),
    xero("Brightwell", "INV-0110", "PO 7785", "01/10/2026", "CT-200", 20, "4.50", INV, "VOIDED"),
    xero("Brightwell", "INV-0110", "PO 7785", "01/10/2026", "CC-10", 10, "2.10", INV, "VOIDED"),
    xero("Cobalt", "INV-0140", "", "08/10/2026", "GL-1", 10, "5.00", INV, "VOIDED"),
    xero("Cobalt", "INV-0140", "", "08/10/2026", "CT-200", 4, "4.50", INV, "VOIDED"),
    xero("Cobalt", "INV-0141", "", "09/10/2026", "GL-1", 20, "5.00", INV, "PAID"),
    // rows 8–1,000
    ...filler(0, 993),
    // rows 1,001 and 1,002
    xero(
      "Brightwell",
      "CN-0007",
      "Credit Note for INV-0110",
      "05/10/2026",
      "CT-200",
      20,
      "4.50",
      CN,
      "PAID"
    ),
    xero(
      "Brightwell",
      "CN-0007",
      "Credit Note for INV-0110",
      "05/10/2026",
      "CC-10",
      10,
      "2.10",
      CN,
      "PAID"
    ),
    // rows 1,003–1,024
    ...filler(993, 22),
    // rows 1,025 and 1,026
    xero(
      "Cobalt",
      "CN-0010",
      "Credit Note for INV-0140",
      "09/10/2026",
      "GL-1",
      10,
      "5.00",
      CN,
      "PAID"
    ),
    xero(
      "Cobalt",
      "CN-0010",
      "Credit Note for INV-0140",
      "09/10/2026",
      "CT-200",
      4,
      "4.50",
      CN,
      "PAID"
    ),
    // rows 1,027–1,500
    ...filler(1015, 474),
  ];
  expect(lines.length).toBe(1500);
  const path = join(mkdtempSync(join(tmpdir(), "kap-cnedge-")), "xero-credit-note-edge.csv");
  writeFileSync(path, lines.join("\n") + "\n");
  const r = kap("analyze", path, "--as-of", "2026-10-31", "--json", "--quiet");
  expect(r.status).toBe(0);
  const out = JSON.parse(r.stdout) as {
    ingest: { returns: number; rejected: { reason: string; rows: number[] }[]; warnings: string[] };
    portfolio: { accounts: { accountId: string; revenueLast12: number }[] };
  };
  const revenue = Object.fromEntries(
    out.portfolio.accounts.map((a) => [a.accountId, Math.round(a.revenueLast12 * 100) / 100])
  );
  expect(revenue).toEqual({
    // INV-0101 45.00; voided INV-0110 (90.00 + 21.00 = 111.00) and CN-0007 crediting all of it
    // left out (was 45.00 − 111.00 = −66.00: CN-0007 read as a return, judged on 90.00)
    Brightwell: 45,
    // INV-0141 100.00; voided INV-0140 (50.00 + 18.00 = 68.00) and CN-0010 left out
    Cobalt: 100,
    // 993 + 22 + 474 = 1,489 invoices of 1.00
    "Harbour Ltd": 1489,
  });
  expect(out.ingest.returns).toBe(0);
  const skipped = out.ingest.rejected.find(
    (x) => x.reason === "voided or cancelled invoice's credit-note line"
  );
  expect(skipped?.rows).toEqual([1001, 1002, 1025, 1026]);
  expect(out.ingest.warnings.join("\n")).toContain("CN-0007 for INV-0110, CN-0010 for INV-0140");
});
