/**
 * Business Central item ledger entries (Artikelposten), as exported from the page with "Source
 * No." (Herkunftsnr.) shown: a sale's quantity is negative (stock leaves), a return's positive;
 * only Sale entries are sales; a shipment not yet invoiced has no sales amount. Were refused (no
 * customer column); read naively, every sale would have been a return. Worked by hand.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const EXPORTS = join(__dirname, "../fixtures/exports");

const analyze = (file: string) => analyzeFile(join(EXPORTS, file));

test("German Artikelposten: Verkauf entries only, negative Menge a sale, Verkaufsreklamation a return", async () => {
  const { report, revenue, orders, days } = await analyze("business-central-de-artikelposten.csv");
  expect(report.read).toMatchObject({
    layout: "Dynamics 365 Business Central item ledger entries",
    dateOrder: "dmy",
  });
  expect(revenue).toEqual({
    // VL102001: 45,00 + 37,80 = 82,80
    "10000": 82.8,
    // VL102007: 1.140,00 − return VR104002: 7,60 = 1.132,40 (VL102011 shipped, not invoiced)
    "20000": 1132.4,
  });
  // the vendor 30000 (Einkauf) is no account
  expect(orders).toEqual({ "10000": 1, "20000": 1 });
  // last orders 02.10 (29 days) and 19.10 (12 days)
  expect(days).toEqual({ "10000": 29, "20000": 12 });
  expect(report.accepted).toBe(4);
  expect(report.returns).toBe(1);
  expect(report.revenue).toBe(1215.2);
  // Einkauf, two Umlagerung, Zugang: not sales; VL102011: Fakturierte Menge 0, Verkaufsbetrag 0
  expect(report.skipped).toEqual([
    // no sale: no share of revenue
    { rule: "not a sale entry", rows: 4, revenue: 0, share: null },
    { rule: "empty line (no quantity, no value)", rows: 1, revenue: 0, share: 0 },
  ]);
});

test("English item ledger entries: the same sales, month-first dates", async () => {
  const { report, revenue, orders } = await analyze("business-central-item-ledger-entries.csv");
  expect(report.read).toMatchObject({
    layout: "Dynamics 365 Business Central item ledger entries",
    dateOrder: "mdy",
  });
  // 45.00 + 37.80 = 82.80; 1,140.00 − 7.60 (Sales Return Receipt) = 1,132.40
  expect(revenue).toEqual({ "10000": 82.8, "20000": 1132.4 });
  expect(orders).toEqual({ "10000": 1, "20000": 1 });
  expect(report.returns).toBe(1);
});

test("without Fakturierte Menge: a shipment not yet invoiced (Menge −400, Verkaufsbetrag 0) is no order", async () => {
  const { report, revenue, orders, days } = await analyze(
    "business-central-de-artikelposten-ohne-fakturierte-menge.csv"
  );
  expect(revenue).toEqual({ "10000": 82.8, "20000": 1132.4 });
  // 20000: VL102007 only, last order 19.10 (12 days), not VL102011 of 29.10
  expect(orders).toEqual({ "10000": 1, "20000": 1 });
  expect(days).toEqual({ "10000": 29, "20000": 12 });
  expect(report.skipped).toContainEqual({
    rule: "shipped, not yet invoiced",
    rows: 1,
    revenue: 0,
    share: 0,
  });
});

test.each([
  ["business-central-nl-artikelposten.csv", "10000", "20000"],
  ["business-central-fr-ecritures-article.csv", "C10000", "C20000"],
])("Dutch and French captions (%s): Verkoop / Vente entries only", async (file, a, b) => {
  const { report, revenue, orders } = await analyze(file);
  expect(report.read).toMatchObject({
    layout: "Dynamics 365 Business Central item ledger entries",
  });
  // 1 000 × 0,045 = 45,00; 1 140,00 less the return receipt 7,60 = 1 132,40; the purchase skipped
  expect(revenue).toEqual({ [a]: 45, [b]: 1132.4 });
  expect(orders).toEqual({ [a]: 1, [b]: 1 });
  expect(report.returns).toBe(1);
  expect(report.skipped).toContainEqual({
    rule: "not a sale entry",
    rows: 1,
    revenue: 0,
    share: null,
  });
});

describe("Value Entries (Wertposten): the item entry's type beside the value entry's own", () => {
  // Entry Type (Postenart) is the value entry's kind (Direct Cost, Revaluation); the sale or
  // purchase is the Item Ledger Entry Type (Artikelpostenart). Read by the former, every row was
  // "not a sale entry" and the file refused.
  it.each([
    ["business-central-value-entries.csv", "mdy"],
    ["business-central-de-wertposten.csv", "dmy"],
  ])("%s: the sales by their item entry's type", async (file, dateOrder) => {
    const { report, revenue, orders } = await analyze(file);
    expect(report.read).toMatchObject({
      layout: "Dynamics 365 Business Central item ledger entries",
      dateOrder,
    });
    // 10000: 103021 1,298.00 + 761.20, credit memo 104001 −190.30 = 1,868.90; 20000: 103022 649.00
    expect(revenue).toEqual({ "10000": 1868.9, "20000": 649 });
    expect(orders).toEqual({ "10000": 1, "20000": 1 });
    expect(report.returns).toBe(1);
    // the purchase (vendor 30000) is no sale
    expect(report.skipped[0]).toMatchObject({ rule: "not a sale entry", rows: 1 });
  });
});
