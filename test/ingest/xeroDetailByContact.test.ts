/**
 * Xero's Receivable Invoice Detail grouped by contact, its Contact column hidden: each contact is
 * a heading row in the date column and "Total <contact>" ends it. The "Account" column
 * ("200 - Sales") is the sales ledger, never the customer: it was read as one customer holding
 * every sale. By hand from the file; as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const FILE = join(__dirname, "../fixtures/tester/xero-receivable-invoice-detail-by-contact.csv");

test("each contact heading is the customer of the lines below it; '200 - Sales' is no customer", async () => {
  const { report, revenue, orders } = await analyzeFile(FILE);
  // Linden Electrical: INV-0601 24.00 + 15.00 = 39.00 (Net, before the VAT in Gross)
  // Marsh Plumbing: INV-0655 30.00 − CN-0044 6.00 = 24.00 (INV-0660 75.00 Voided)
  expect(revenue).toEqual({ "Linden Electrical": 39, "Marsh Plumbing": 24 });
  expect(orders).toEqual({ "Linden Electrical": 1, "Marsh Plumbing": 1 });
  expect(report.returns).toBe(1);
  expect(report.skipped.find((s) => s.rule === "customer heading row")?.rows).toBe(2);
  // "Total Linden Electrical", "Total Marsh Plumbing", "Total"
  expect(report.skippedTotals).toBe(3);
  expect(report.read!.layout).toBe("Xero invoice detail report grouped by contact");
  expect(report.rejected).toEqual([
    { reason: "cancelled, voided, refunded or draft order", count: 1, rows: [13] },
  ]);
});

describe("the same report with plainer headers: its contact headings are still the customers", () => {
  const dir = mkdtempSync(join(tmpdir(), "kap-xero-contact-"));
  /** The fixture's lines under `header`, each written by `line`, below the contact headings. */
  const fileOf = (name: string, header: string, line: (l: Line) => string) => {
    const path = join(dir, name);
    writeFileSync(
      path,
      [
        "Receivable Invoice Detail",
        "Demo Supplies Ltd",
        "",
        header,
        "Linden Electrical",
        ...LINDEN.map(line),
        "Total Linden Electrical,,,,39.00",
        "Marsh Plumbing",
        ...MARSH.map(line),
        "Total Marsh Plumbing,,,,99.00",
        "Total,,,,138.00",
      ].join("\n")
    );
    return path;
  };
  type Line = { date: string; no: string; item: string; qty: number; net: string; status: string };
  const LINDEN: Line[] = [
    { date: "4 Sep 2026", no: "INV-0601", item: "CT-1", qty: 10, net: "24.00", status: "Paid" },
    { date: "4 Sep 2026", no: "INV-0601", item: "CL-1", qty: 5, net: "15.00", status: "Paid" },
  ];
  const MARSH: Line[] = [
    { date: "11 Oct 2026", no: "INV-0655", item: "PF-1", qty: 20, net: "30.00", status: "Paid" },
    { date: "18 Oct 2026", no: "CN-0044", item: "PF-1", qty: -4, net: "-6.00", status: "Paid" },
    { date: "20 Oct 2026", no: "INV-0660", item: "PF-1", qty: 50, net: "75.00", status: "Voided" },
  ];
  // by hand: Linden INV-0601 24.00 + 15.00 = 39.00; Marsh INV-0655 30.00 − CN-0044 6.00 = 24.00
  // (INV-0660 75.00 voided). Before, with bare headers: "200 - Sales" 63.00 (39 + 30 − 6), one
  // account, or refused with no Account column.
  const READ = { "Linden Electrical": 39, "Marsh Plumbing": 24 };

  test("bare 'Net' and 'Gross' beside 'Account' ('200 - Sales'): the headings, never the ledger", async () => {
    const { report, revenue } = await analyzeFile(
      fileOf(
        "bare.csv",
        "Invoice Date,Invoice Number,Item Code,Quantity,Net,Tax,Gross,Account,Status",
        (l) => `${l.date},${l.no},${l.item},${l.qty},${l.net},0,${l.net},200 - Sales,${l.status}`
      )
    );
    expect(revenue).toEqual(READ);
    expect(report.read!.layout).toBe("Xero invoice detail report grouped by contact");
    expect(report.skipped.find((s) => s.rule === "customer heading row")?.rows).toBe(2);
  });

  test("'Account Code' (200) and 'Net' only", async () => {
    const { revenue } = await analyzeFile(
      fileOf(
        "code.csv",
        "Invoice Date,Invoice Number,Item Code,Quantity,Net,Account Code,Status",
        (l) => `${l.date},${l.no},${l.item},${l.qty},${l.net},200,${l.status}`
      )
    );
    expect(revenue).toEqual(READ);
  });

  test("no Account column at all: no longer refused", async () => {
    const { revenue } = await analyzeFile(
      fileOf(
        "noaccount.csv",
        "Invoice Date,Invoice Number,Item Code,Quantity,Net (GBP),Gross (GBP),Status",
        (l) => `${l.date},${l.no},${l.item},${l.qty},${l.net},${l.net},${l.status}`
      )
    );
    expect(revenue).toEqual(READ);
  });
});

test("a sales ledger column with no contact column and no contact headings is no customer: refused, and why", async () => {
  const path = join(mkdtempSync(join(tmpdir(), "kap-xero-ledger-")), "ledger.csv");
  writeFileSync(
    path,
    "Invoice Date,Invoice Number,Description,Quantity,Unit Price,Net,Account,Status\n" +
      "4 Sep 2026,INV-0601,Cable ties,10,2.40,24.00,200 - Sales,Paid\n" +
      "5 Sep 2026,INV-0602,Clips,5,3.00,15.00,200 - Sales,Paid\n"
  );
  // before: one account "200 - Sales" of 39.00
  await expect(analyzeFile(path)).rejects.toThrow(
    '"Account" holds sales ledger accounts (such as "200 - Sales"), not customers, and no other column names the customer.'
  );
});
