/**
 * SAP's S1 cancellations are paired with the invoices they cancel wherever they stand in the
 * file. Before, the pairs were found among the first rows only (the session's sample): an S1
 * past them cancelled nothing (read as a return, and the invoice it cancels as a sale), and the
 * notes said only "found in the first rows". Each file here has its pair past row 6,000; every
 * figure is worked out by hand from the rows written.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { textSource } from "../../src/cli/fileSource";
import { KapEngine, loadSource } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import { BillingPairing, DOCS_KEPT, cancellationNotes } from "../../src/ingest/cancellations";
import { analyzeFile } from "./fileAnalysis";

const HEADER =
  "Billing Date\tBilling Doc.\tBillT\tSold-to pt\tName 1\tMaterial\tDescription\tBilled Qty\tSU\tNet value\tCurr.";
const TITLE = ["Billing Documents - Sales Volume", "", "Selection: Sales Org. 1000", ""];

/** Hartmann's filler invoice n: one line of 10 × M-4711 worth 10.00 (the first dated 09/29, a day over 12: month-first settles at once). */
const filler = (n: number) =>
  `${n === 0 ? "09/29/2026" : "10/01/2026"}\t${80000000 + n}\tF2\t100211\tHartmann Industrial Supply Inc\tM-4711\tHex bolt M12x60\t10\tEA\t10.00\tUSD`;
const lakeside = (date: string, doc: string, type: string, qty: string, value: string) =>
  `${date}\t${doc}\t${type}\t100305\tLakeside Fabrication LLC\tM-4712\tHex nut M12\t${qty}\tEA\t${value}\tUSD`;

/** A file of TITLE, HEADER (row 5), fillers 0–5,999 (rows 6–6,005), `a` (row 6,006), fillers 6,000–6,499 (rows 6,007–6,506), then `b` (from row 6,507). */
function sapFile(a: string[], b: string[]): string {
  const lines = [...TITLE, HEADER];
  for (let n = 0; n < 6000; n++) lines.push(filler(n));
  lines.push(...a);
  for (let n = 6000; n < 6500; n++) lines.push(filler(n));
  lines.push(...b);
  const path = join(mkdtempSync(join(tmpdir(), "kap-s1-")), "billing.txt");
  writeFileSync(path, lines.join("\r\n") + "\r\n");
  return path;
}

const INVOICE = lakeside("10/13/2026", "90037300", "F2", "500", "90.00");
const CANCELLATION = lakeside("10/30/2026", "90037390", "S1", "500-", "90.00-");
const LATER = lakeside("10/30/2026", "90037391", "F2", "450", "81.00");

test("an S1 at row 6,507 cancels the invoice at row 6,006: both out, Lakeside has 1 order of $81", async () => {
  const path = sapFile([INVOICE], [CANCELLATION, LATER]);
  const { report, p, revenue, orders } = await analyzeFile(path, "2026-10-30");
  // by hand: Hartmann 6,500 invoices × 10.00 = 65,000.00, 6,500 orders; Lakeside 90037300
  // (90.00, row 6,006) cancelled by 90037390 (90.00-, row 6,507): both out; 90037391 81.00
  // (row 6,508) is its one order. Before: 90.00 + 81.00 − 90.00 = 81.00 but 2 orders and a return.
  expect(revenue).toEqual({ "100211": 65000, "100305": 81 });
  expect(orders).toEqual({ "100211": 6500, "100305": 1 });
  const lakesideAlerts = p.accounts.find((a) => a.accountId === "100305")!.alerts;
  expect(lakesideAlerts.map((a) => a.message).join(" ")).not.toMatch(/return/);
  expect(report.returns).toBe(0);
  expect(report.rejected).toEqual(
    expect.arrayContaining([
      { reason: "cancelled, voided, refunded or draft order", count: 1, rows: [6006] },
      { reason: "voided or cancelled invoice's credit-note line", count: 1, rows: [6507] },
    ])
  );
  expect(report.warnings.join("\n")).toContain(
    '"BillT" lists a cancellation (S1) of an invoice (90037390 cancels 90037300)'
  );
  // read once more (the pair found at the end): the lines are counted once, not twice
  expect(report.accepted).toBe(6501);
});

test("a list newest first: the S1 at row 6,006 cancels the invoice at row 6,507 after it", async () => {
  const path = sapFile([CANCELLATION], [INVOICE, LATER]);
  const { report, revenue, orders } = await analyzeFile(path, "2026-10-30");
  // by hand: as above, the S1 before its invoice: Lakeside 81.00 in 1 order
  expect(revenue).toEqual({ "100211": 65000, "100305": 81 });
  expect(orders["100305"]).toBe(1);
  expect(report.returns).toBe(0);
  expect(report.rejected).toEqual(
    expect.arrayContaining([
      { reason: "cancelled, voided, refunded or draft order", count: 1, rows: [6507] },
      { reason: "voided or cancelled invoice's credit-note line", count: 1, rows: [6006] },
    ])
  );
});

test("the file read from disk (kap's reader) is read again: the same figures", async () => {
  const path = sapFile([INVOICE], [CANCELLATION, LATER]);
  const engine = new KapEngine();
  const report = await loadSource(engine, textSource(path), defaultSettings());
  // by hand: 6,500 × 10.00 + 81.00 = 65,081.00 over 6,501 lines, no return
  expect(report.revenue).toBe(65081);
  expect([report.accepted, report.returns]).toEqual([6501, 0]);
  expect(report.cancelledBillingFound).toBeUndefined();
});

test("an S1 past row 6,000 of a value no invoice of its customer has stays a return, and the notes say so", async () => {
  const other = lakeside("10/30/2026", "90037390", "S1", "500-", "75.00-");
  const path = sapFile([INVOICE], [other, LATER]);
  const { report, revenue } = await analyzeFile(path, "2026-10-30");
  // by hand: 90.00 + 81.00 − 75.00 = 96.00
  expect(revenue["100305"]).toBe(96);
  expect(report.returns).toBe(1);
  expect(report.warnings.join("\n")).toContain(
    "The cancellation (S1) 90037390 cancels no invoice of the same customer and value in the file: read as a return."
  );
});

test("an invoice's lines apart in the file are one document: its S1 cancels their sum", () => {
  const pairing = new BillingPairing((t) => t === "G2");
  // invoice 1 of A: 30 + 20 = 50, its lines apart; 2 of A: 30; S1 3 of A: −50 cancels 1, not 2
  pairing.note("1", "F2", "A", 30);
  pairing.note("2", "F2", "A", 30);
  pairing.note("1", "F2", "A", 20);
  pairing.note("3", "S1", "A", -50);
  const found = pairing.pairs();
  expect([...found.pairs]).toEqual([["3", "1"]]);
  expect(found.unpaired).toEqual([]);
});

test("past DOCS_KEPT documents the notes name the bound", () => {
  // the pairing past the bound is not run here (a million documents): the note on it is
  const notes = cancellationNotes({ pairs: new Map(), unpaired: [], docsPast: 12 }, "BillT", (n) =>
    n.toLocaleString("en-GB")
  );
  expect(DOCS_KEPT).toBe(1_000_000);
  expect(notes).toEqual([
    "More than 1,000,000 billing documents, the most KAP holds to pair SAP's cancellations (S1) with the invoices they cancel: the 12 documents after them were not paired, so a cancellation among them is read as a return and the invoice it cancels as a sale. Split the export to pair them.",
  ]);
});

/**
 * A German ERP's list whose first rows show no cancellation (Lexware's Belegart: Rechnung only,
 * dates day-first, settled at once: the reading is planned on the first 1,000 rows): a
 * "Storno" at row 1,504 cancels the Rechnung at row 1,502. Before, the pairing was off past
 * them: the Rechnung counted as an order and the Storno as a return ("1 return in the last 30
 * days, worth 100,00").
 */
test("a cancellation in words first met past the first rows is paired all the same", async () => {
  const lines = [
    "Belegart;Belegnummer;Belegdatum;Kundennummer;Kunde;Artikelnummer;Menge;Nettobetrag",
  ];
  for (let n = 0; n < 1500; n++)
    lines.push(`Rechnung;RE-${5000 + n};13.10.2026;10009;Filler AG;A-9;1;10,00`);
  lines.push(
    "Rechnung;RE-1001;14.10.2026;10001;Müller GmbH;A-1;10;100,00",
    "Rechnung;RE-1002;15.10.2026;10001;Müller GmbH;A-2;2;60,00",
    "Storno;ST-1001;16.10.2026;10001;Müller GmbH;A-1;10;-100,00"
  );
  const path = join(mkdtempSync(join(tmpdir(), "kap-storno-")), "belege.csv");
  writeFileSync(path, lines.join("\n") + "\n");
  const { report, revenue, orders } = await analyzeFile(path, "2026-10-31");
  // by hand: Filler 1,500 × 10,00 = 15.000,00; Müller RE-1001 100,00 and ST-1001 −100,00 both
  // out, RE-1002 60,00 its one order, no return
  expect(revenue).toEqual({ "10009": 15000, "10001": 60 });
  expect(orders["10001"]).toBe(1);
  expect(report.returns).toBe(0);
  expect(report.rejected).toEqual(
    expect.arrayContaining([
      { reason: "cancelled, voided, refunded or draft order", count: 1, rows: [1502] },
      { reason: "voided or cancelled invoice's credit-note line", count: 1, rows: [1504] },
    ])
  );
  expect(report.warnings.join("\n")).toContain(
    '"Belegart" lists a cancellation ("Storno") of an invoice (ST-1001 cancels RE-1001)'
  );
  expect(report.accepted).toBe(1501);
});

test("SAP codes first met past the first rows (the sample's invoices a custom ZF2): the S1 paired, its RE-less reading kept", async () => {
  const lines = [...TITLE, HEADER];
  // rows 6–1,505: Hartmann's ZF2 invoices, 10.00 each (09/29 settles month-first at once)
  for (let n = 0; n < 1500; n++) lines.push(filler(n).replace("\tF2\t", "\tZF2\t"));
  lines.push(
    lakeside("10/13/2026", "90037300", "ZF2", "500", "90.00"),
    lakeside("10/30/2026", "90037390", "S1", "500-", "90.00-"),
    lakeside("10/30/2026", "90037391", "ZF2", "450", "81.00")
  );
  const path = join(mkdtempSync(join(tmpdir(), "kap-s1-")), "billing.txt");
  writeFileSync(path, lines.join("\r\n") + "\r\n");
  const { report, revenue, orders } = await analyzeFile(path, "2026-10-30");
  // by hand: Hartmann 1,500 × 10.00 = 15,000.00; Lakeside 90037300 (row 1,506) cancelled by
  // 90037390 (row 1,507): both out; 90037391 81.00 its one order. Before: 81.00 in 2 orders and a
  // return of 90.00.
  expect(revenue).toEqual({ "100211": 15000, "100305": 81 });
  expect(orders["100305"]).toBe(1);
  expect(report.returns).toBe(0);
});
