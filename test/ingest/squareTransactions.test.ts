/**
 * Square's exports (Dashboard › Transactions › Export): the transactions CSV, one row a payment
 * or refund, and the item details CSV, one row an item. A refund by amount is in neither's "Net
 * Sales" but in the transactions' "Partial Refunds" (written negative): a tester found a sale of
 * 180.00 with 10.00 refunded so read as 180.00 where the customer kept 170.00.
 * Figures worked out by hand.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

// Square's 55 columns, in the dashboard's order
const HEAD =
  "Date,Time,Time Zone,Gross Sales,Discounts,Service Charges,Net Sales,Gift Card Sales,Tax,Tip,Partial Refunds,Total Collected,Source,Card,Card Entry Methods,Cash,Square Gift Card,Other Tender,Other Tender Type,Tender Note,Fees,Net Total,Transaction ID,Payment ID,Card Brand,PAN Suffix,Device Name,Staff Name,Staff ID,Details,Description,Event Type,Location,Dining Option,Customer ID,Customer Name,Customer Reference ID,Device Nickname,Third Party Fees,Deposit ID,Deposit Date,Deposit Details,Fee Percentage Rate,Fee Fixed Rate,Refund Reason,Discount Name,Transaction Status,Cash App,Order Reference ID,Fulfillment Note,Free Processing Applied,Channel,Unattributed Tips,Table Info,International Fee";

interface Tx {
  date: string;
  gross: string;
  discounts?: string;
  net: string;
  tax?: string;
  partial?: string;
  collected: string;
  id: string;
  items: string;
  event?: string;
  customer: string;
  name: string;
}

/** One transaction row, its other columns as Square fills them (fees, tenders, staff, device). */
function row(t: Tx): string {
  const cells: Record<string, string> = {
    Date: t.date,
    Time: "14:02:11",
    "Time Zone": "Eastern Time (US & Canada)",
    "Gross Sales": t.gross,
    Discounts: t.discounts ?? "$0.00",
    "Service Charges": "$0.00",
    "Net Sales": t.net,
    "Gift Card Sales": "$0.00",
    Tax: t.tax ?? "$0.00",
    Tip: "$0.00",
    "Partial Refunds": t.partial ?? "$0.00",
    "Total Collected": t.collected,
    Source: "Point of Sale",
    Card: t.collected,
    "Card Entry Methods": "Contactless",
    Cash: "$0.00",
    "Square Gift Card": "$0.00",
    "Other Tender": "$0.00",
    Fees: "-$1.50",
    "Net Total": t.collected,
    "Transaction ID": t.id,
    "Payment ID": `P-${t.id}`,
    "Card Brand": "Visa",
    "PAN Suffix": "4242",
    "Device Name": "Counter iPad",
    "Staff Name": "Ann Lee",
    "Staff ID": "TM1",
    Description: t.items,
    "Event Type": t.event ?? "Payment",
    Location: "Main St",
    "Customer ID": t.customer,
    "Customer Name": t.name,
    "Fee Percentage Rate": "2.6",
    "Fee Fixed Rate": "$0.15",
    "Transaction Status": "Complete",
    "Cash App": "$0.00",
    Channel: "Point of Sale",
    "Unattributed Tips": "$0.00",
    "International Fee": "$0.00",
  };
  return HEAD.split(",")
    .map((h) => cells[h] ?? "")
    .map((c) => (c.includes(",") ? `"${c}"` : c))
    .join(",");
}

function fileOf(head: string, lines: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "kap-square-")), "transactions.csv");
  writeFileSync(file, [head, ...lines].join("\n"));
  return file;
}

const ACME = { customer: "C-ACME", name: "Acme Corp" };
const BETA = { customer: "C-BETA", name: "Beta LLC" };

test("a refund by amount comes off, on the payment's row or as a refund's own", async () => {
  const { revenue, orders, report } = await analyzeFile(
    fileOf(HEAD, [
      // 3 widgets, 180.00; 10.00 given back by amount on the same row: 180 − 10 = 170.00
      row({
        date: "2026-10-05",
        gross: "$180.00",
        net: "$180.00",
        partial: "-$10.00",
        collected: "$170.00",
        id: "T1",
        items: "Widget x 3",
        ...ACME,
      }),
      // 100.00 less a 20.00 discount: Net Sales 80.00 (the discount already out of it)
      row({
        date: "2026-10-06",
        gross: "$100.00",
        discounts: "-$20.00",
        net: "$80.00",
        collected: "$80.00",
        id: "T2",
        items: "Gadget",
        ...BETA,
      }),
      // 50.00 sold, then 5.00 refunded by amount on a refund row of its own (Net Sales 0.00)
      row({
        date: "2026-10-07",
        gross: "$50.00",
        net: "$50.00",
        collected: "$50.00",
        id: "T3",
        items: "Gizmo",
        ...ACME,
      }),
      row({
        date: "2026-10-08",
        gross: "$0.00",
        net: "$0.00",
        partial: "-$5.00",
        collected: "-$5.00",
        id: "T3",
        items: "Gizmo",
        event: "Refund",
        ...ACME,
      }),
    ])
  );
  // Acme: 170.00 + 50.00 − 5.00 = 215.00; Beta: 80.00
  expect(revenue).toEqual({ "C-ACME": 215, "C-BETA": 80 });
  // T1 and T3 are Acme's orders (the refund row is T3's); T2 Beta's
  expect(orders).toEqual({ "C-ACME": 2, "C-BETA": 1 });
  expect(report.read?.layout).toBe("Square transactions");
  // the refund row is a return of 5.00
  expect(report.returns).toBe(1);
  expect(report.warnings.join(" ")).toContain('less its "Partial Refunds"');
});

test("an unreadable partial refund: its transaction skipped and said with its value, never read whole", async () => {
  const { revenue, report } = await analyzeFile(
    fileOf(HEAD, [
      row({
        date: "2026-10-05",
        gross: "$60.00",
        net: "$60.00",
        collected: "$60.00",
        id: "T1",
        items: "Widget",
        ...ACME,
      }),
      // 40.00 whose refund cannot be read: not 40.00, not 0, but skipped with its 40.00 said
      row({
        date: "2026-10-06",
        gross: "$40.00",
        net: "$40.00",
        partial: "ten dollars",
        collected: "$30.00",
        id: "T2",
        items: "Widget",
        ...BETA,
      }),
    ])
  );
  expect(revenue).toEqual({ "C-ACME": 60 });
  const skipped = report.skipped.find((s) => s.rule === "unreadable partial refund");
  expect(skipped?.rows).toBe(1);
  expect(skipped?.revenue).toBe(40);
});

test("a gift card sold (Net Sales 0): no order of 0, said", async () => {
  const { revenue, orders, p, report } = await analyzeFile(
    fileOf(HEAD, [
      row({
        date: "2026-10-05",
        gross: "$180.00",
        net: "$180.00",
        collected: "$180.00",
        id: "T1",
        items: "Widget x 3",
        ...ACME,
      }),
      // a 25.00 gift card: Gross and Net Sales 0.00 (Square keeps it in Gift Card Sales)
      row({
        date: "2026-10-09",
        gross: "$0.00",
        net: "$0.00",
        collected: "$25.00",
        id: "T9",
        items: "eGift Card",
        ...ACME,
      }),
    ])
  );
  // Acme: T1's 180.00 in 1 order, its last order 180.00 (before: 2 orders, "Last order $0.00 is
  // 0% of the 12-month average order $90.00")
  expect(revenue).toEqual({ "C-ACME": 180 });
  expect(orders).toEqual({ "C-ACME": 1 });
  const alerts = p.accounts[0].alerts.map((a) => a.message).join(" ");
  expect(alerts).not.toMatch(/Last order/);
  expect(report.rejected).toEqual([
    {
      reason: "no goods sold (Net Sales 0: a gift card sale or a $0 transaction)",
      count: 1,
      rows: [3],
    },
  ]);
});

test("the item details export: Net Sales after each item's discount, a refunded item negative", async () => {
  const head =
    "Date,Time,Time Zone,Category,Item,Qty,Price Point Name,SKU,Modifiers Applied,Gross Sales,Discounts,Net Sales,Tax,Transaction ID,Payment ID,Device Name,Notes,Details,Event Type,Location,Dining Option,Customer ID,Customer Name,Customer Reference ID,Unit,Count,Itemization Type,Fulfillment Note,Channel,Token,Card Brand,PAN Suffix";
  const item = (
    d: string,
    it: string,
    qty: string,
    gross: string,
    disc: string,
    net: string,
    tax: string,
    tx: string,
    ev: string,
    c: { customer: string; name: string }
  ) =>
    `${d},14:02:11,Eastern Time (US & Canada),Hardware,${it},${qty},Regular,${it.toUpperCase()},,${gross},${disc},${net},${tax},${tx},P-${tx},Counter iPad,,,${ev},Main St,,${c.customer},${c.name},,,,Physical Good,,Point of Sale,,Visa,4242`;
  const { revenue } = await analyzeFile(
    fileOf(head, [
      item(
        "2026-10-05",
        "Widget",
        "3",
        "$180.00",
        "$0.00",
        "$180.00",
        "$14.40",
        "T1",
        "Payment",
        ACME
      ),
      item(
        "2026-10-06",
        "Gadget",
        "1",
        "$100.00",
        "-$20.00",
        "$80.00",
        "$6.40",
        "T2",
        "Payment",
        BETA
      ),
      item(
        "2026-10-07",
        "Widget",
        "-1",
        "-$60.00",
        "$0.00",
        "-$60.00",
        "-$4.80",
        "T1",
        "Refund",
        ACME
      ),
    ])
  );
  // Acme: 180.00 − 60.00 (one widget back) = 120.00; Beta: 100.00 − 20.00 = 80.00; tax never in
  expect(revenue).toEqual({ "C-ACME": 120, "C-BETA": 80 });
});
