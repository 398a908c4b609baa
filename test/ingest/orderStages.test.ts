/**
 * An ERP's "Stage" column of order stages (tester round 2, file 30: Infor CSD's Paid, Invoiced,
 * Quoted, Cancelled) was taken for a CRM's deal stages: every line an open deal, the file refused.
 * Now a Stage whose every value is an order's stage, a shipped, invoiced or paid one among them,
 * is the order's status (Quoted no sale, Cancelled skipped), and Infor's transaction types (SO,
 * QU, RM) are read as codes. A CRM's stages stay deal stages. Worked by hand, as of 2026-11-30.
 */
import { holdsDealStages } from "../../src/ingest/statuses";
import { analyzeFile, csvFile } from "./fileAnalysis";

const fileOf = (lines: string[]): string => csvFile(lines);
const AS_OF = "2026-11-30";
const skippedRows = (skipped: readonly { rule: string; rows: number }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, s.rows]));

/** The tester's 30_infor_csd_invoices.csv (dates as Excel serials: 46328 = 02/11/2026), its Stage header given. */
function inforCsd(stage = "Stage", types = ["SO", "SO", "SO", "QU", "SO", "RM", "SO"]) {
  return fileOf([
    `Order #,Suf,Trans Type,${stage},Invoice Date,Cust #,Customer Name,Ship To,Product,Qty Ship,Net Amount`,
    `1234567,00,${types[0]},Paid,46328,10045,CENTRAL ELECTRIC SUPPLY,MAIN,WIRE-12,500,450.00`,
    `1234567,01,${types[1]},Invoiced,46335,10045,CENTRAL ELECTRIC SUPPLY,MAIN,WIRE-12,100,90.00`,
    `1234570,00,${types[2]},Paid,46330,10077,LAKESHORE MECHANICAL,,PIPE-1,20,300.00`,
    `1234571,00,${types[3]},Quoted,46332,10077,LAKESHORE MECHANICAL,,PIPE-1,1000,"15,000.00"`,
    `1234575,00,${types[4]},Cancelled,46336,10045,CENTRAL ELECTRIC SUPPLY,MAIN,WIRE-12,0,80.00`,
    `1234580,00,${types[5]},Invoiced,46342,10045,CENTRAL ELECTRIC SUPPLY,MAIN,WIRE-12,-50,-45.00`,
    `1234585,00,${types[6]},Invoiced,46349,10077,LAKESHORE MECHANICAL,,PIPE-1,10,150.00`,
  ]);
}

// 10045: 450.00 + 90.00 (suffix 01, its backorder, an order of its own: ingest/orderSuffix)
// − 45.00 (RM) = 495.00 in 2 orders (Cancelled 80.00 out); 10077: 300.00 (46330 = 04/11) + 150.00 (46349 = 23/11) = 450.00 in 2
// orders, last 23/11 (7 days); the quote 1234571 15,000.00 out. Was: the file refused.
test("Infor CSD: Stage Paid/Invoiced/Quoted is the order's status — 10077 450.00 in 2 orders; the file was refused", async () => {
  const { report, revenue, orders, days } = await analyzeFile(inforCsd(), AS_OF);
  expect(revenue).toEqual({ "10045": 495, "10077": 450 });
  expect(orders).toMatchObject({ "10077": 2 });
  expect(days).toMatchObject({ "10077": 7 });
  expect(report.returns).toBe(1);
  expect(skippedRows(report.skipped)).toEqual({
    "not a sale (a quote, sales order or delivery note)": 1,
    "cancelled, voided, refunded or draft order": 1,
  });
  expect(report.warnings.join("\n")).not.toMatch(/deal/);
});

test("a 'Status' of Quoted is no sale, and Infor's QU a quote, each alone", async () => {
  // Stage renamed Status: the quote still out (was 15,450.00 in 3 orders)
  expect((await analyzeFile(inforCsd("Status"), AS_OF)).revenue).toMatchObject({ "10077": 450 });
  // the quote's type written SO, its Status Quoted: out by its status
  const byStatus = await analyzeFile(inforCsd("Status", Array(7).fill("SO")), AS_OF);
  expect(byStatus.revenue).toMatchObject({ "10077": 450 });
});

test("a CRM's stages stay deal stages; an ERP's order stages are none", () => {
  expect(holdsDealStages("Stage", ["Prospecting", "Closed Won", "Negotiation"])).toBe(true);
  expect(holdsDealStages("Deal Stage", ["Appointment scheduled"])).toBe(true);
  // no shipped, invoiced or paid order: nothing says it is an order's stage
  expect(holdsDealStages("Stage", ["Quoted", "Cancelled"])).toBe(true);
  expect(holdsDealStages("Stage", ["Paid", "Invoiced", "Quoted", "Cancelled"])).toBe(false);
  expect(holdsDealStages("Stage", ["Entered", "Picked", "Shipped"])).toBe(false);
});
