/**
 * "Sales by invoice line" exports (QuickBooks, Zoho Books) write each line's "Line Amount" and
 * repeat the invoice's "Subtotal; Tax; Total" on every one of its lines, with no unit price. The
 * order's figure was read first, found to be a figure per order and dropped, and the file refused
 * ("figure per order … no unit price"). The line amount is each line's revenue, before tax where
 * the lines add up to the Subtotal; the repeated figures are never added up. Where the rows do not
 * settle it (the lines add up to the total with tax, to neither, or two columns could be the line
 * value) the file is still refused, and the message says why. Every figure is worked out by hand
 * from the rows below; as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readingLines } from "../../src/engine/assumptions";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-line-amount-"));
let n = 0;
/** `lines` written as a CSV file; analysed. */
async function analyze(lines: string[]) {
  const file = join(dir, `sales-by-line-${n++}.csv`);
  writeFileSync(file, lines.join("\r\n") + "\r\n", "utf8");
  const a = await analyzeFile(file);
  return { ...a, said: readingLines(a.report) };
}

// A QuickBooks-like sales by invoice line: the invoice's Subtotal, Tax (20%) and Total on each line.
// INV-1001 Acme: 40.00 + 60.00 = 100.00 (Subtotal), 20.00 tax, 120.00 total
// INV-1002 Bolt: 20.00 + 30.00 = 50.00, 10.00 tax, 60.00
// INV-1003 Acme: 60.00 (one line), 12.00 tax, 72.00
const header =
  "Invoice No,Invoice Date,Customer,Product/Service,Qty,Line Amount,Subtotal,Tax,Total";
const lines = [
  "INV-1001,2026-01-10,Acme Ltd,Hammer,2,40.00,100.00,20.00,120.00",
  "INV-1001,2026-01-10,Acme Ltd,Saw,3,60.00,100.00,20.00,120.00",
  "INV-1002,2026-02-11,Bolt Co,Hammer,1,20.00,50.00,10.00,60.00",
  "INV-1002,2026-02-11,Bolt Co,Drill,1,30.00,50.00,10.00,60.00",
  "INV-1003,2026-03-12,Acme Ltd,Drill,2,60.00,60.00,12.00,72.00",
];

describe("a line amount beside the invoice's Subtotal, Tax and Total on every line", () => {
  it("reads each line's amount as its revenue, before tax, and never adds up the repeated totals", async () => {
    const { revenue, said } = await analyze([header, ...lines]);
    // worked by hand: Acme 40 + 60 + 60 = 160 (not 100 + 100 + 60 Subtotals = 260, nor the Totals'
    // 312); Bolt 20 + 30 = 50
    expect(revenue).toEqual({ "Acme Ltd": 160, "Bolt Co": 50 });
    expect(said).toContain(
      'Line revenue: "Line Amount", each line\'s amount before tax ("Subtotal", "Tax" and "Total" are the order\'s figures, repeated on its lines and not added up)'
    );
  });

  it("the totals on the first line of each invoice only read the same", async () => {
    // worked by hand: the later line of an invoice has its Subtotal, Tax and Total blank
    const firstOnly = lines.map((l, i) =>
      i === 1 || i === 3 ? l.replace(/,[\d.]+,[\d.]+,[\d.]+$/, ",,,") : l
    );
    const { revenue } = await analyze([header, ...firstOnly]);
    expect(revenue).toEqual({ "Acme Ltd": 160, "Bolt Co": 50 });
  });

  it("a Line Amount beside the order's Total alone, adding up to it, is read (no tax is claimed)", async () => {
    // worked by hand: INV-1001 40 + 60 = 100 = its Total; INV-1002 20 + 30 = 50; INV-1003 60
    const noTax = [
      "Invoice No,Invoice Date,Customer,Product/Service,Qty,Line Amount,Total",
      ...lines.map((l) => l.split(",").slice(0, 7).join(",")),
    ];
    const { revenue, said } = await analyze(noTax);
    expect(revenue).toEqual({ "Acme Ltd": 160, "Bolt Co": 50 });
    expect(said).toContain(
      'Line revenue: "Line Amount", each line\'s amount ("Total" is the order\'s figure, repeated on its lines and not added up)'
    );
  });
});

describe("where the rows do not settle the line amount, the file is still refused, saying why", () => {
  it("line amounts with their tax (adding up to the Total, not the Subtotal)", async () => {
    // worked by hand: INV-1001's lines 48 + 72 = 120 = its Total, not its Subtotal 100
    const withTax = [
      header,
      "INV-1001,2026-01-10,Acme Ltd,Hammer,2,48.00,100.00,20.00,120.00",
      "INV-1001,2026-01-10,Acme Ltd,Saw,3,72.00,100.00,20.00,120.00",
      "INV-1002,2026-02-11,Bolt Co,Hammer,1,24.00,50.00,10.00,60.00",
      "INV-1002,2026-02-11,Bolt Co,Drill,1,36.00,50.00,10.00,60.00",
    ];
    await expect(analyze(withTax)).rejects.toThrow(
      '"Line Amount" holds each line\'s value with tax: an order\'s lines add up to its "Total", not its "Subtotal" (order INV-1001: its lines 120.00, "Subtotal" 100.00), and revenue is read before tax, so it is not read as the line value either.'
    );
  });

  it("line amounts that add up to neither figure", async () => {
    // worked by hand: INV-1001's lines 40 + 50 = 90, its Subtotal 100 (a shipping charge not on a line)
    const short = [
      header,
      "INV-1001,2026-01-10,Acme Ltd,Hammer,2,40.00,100.00,20.00,120.00",
      "INV-1001,2026-01-10,Acme Ltd,Saw,3,50.00,100.00,20.00,120.00",
      "INV-1002,2026-02-11,Bolt Co,Hammer,1,25.00,50.00,10.00,60.00",
      "INV-1002,2026-02-11,Bolt Co,Drill,1,20.00,50.00,10.00,60.00",
    ];
    await expect(analyze(short)).rejects.toThrow(
      '"Subtotal" is a figure per order (repeated on every line of order INV-1001, row 3), not each line\'s value, and there is no unit price to work line values out from: map a line value column, or a quantity and a unit price column. "Line Amount" does not add up to the order\'s "Subtotal" (order INV-1001: its lines 90.00, "Subtotal" 100.00), so it is not read as the line value either.'
    );
  });

  it("two columns that could each be the line value", async () => {
    // (a header that ranks before "Total", such as "Amount", is read as the line value outright)
    const two = [
      "Invoice No,Invoice Date,Customer,Product/Service,Qty,Line Amount,Extended Amount,Subtotal,Tax,Total",
      ...lines.map((l) => {
        const c = l.split(",");
        return [...c.slice(0, 6), c[5], ...c.slice(6)].join(",");
      }),
    ];
    await expect(analyze(two)).rejects.toThrow(
      '"Line Amount" and "Extended Amount" could each be the line value, so neither is read.'
    );
  });
});
