/**
 * A CRM deal export with both a close date and a created date: a won deal became a sale on its
 * close date. A tester found Salesforce's opportunity report dated by "Created Date": as of
 * 2026-06-01 instead of 2026-10-28, every deal moved back by its sales cycle; and its "Amount
 * Currency" unread (amounts shown in £). Figures worked out by hand from the fixture (a copy of the
 * tester's file).
 */
import { join } from "node:path";
import { serialToIso } from "../../src/domain/dates";
import { closeDateColumn } from "../../src/ingest/statuses";
import { analyzeFile, csvFile } from "./fileAnalysis";

const FIXTURE = join(__dirname, "../fixtures/tester/salesforce-opportunities-close-created.csv");

const fileOf = (lines: string[]): string => csvFile(lines, "deals.csv");

test("Salesforce opportunities: won deals dated by Close Date, in the Amount Currency", async () => {
  const { report, revenue, orders, days, currency } = await analyzeFile(FIXTURE, "2026-10-31");
  // Won: Granite 48,500 closed 9/15/2026 (created 6/1); Pacific 120,000 closed 10/28/2026
  // (created 5/5) and 15,250 closed 11/30/2025 (created 9/9/2025). Lost 12,000 and open 9,000 skipped.
  // The last sale is 2026-10-28 (by Created Date it was 2026-06-01).
  expect(serialToIso(report.lastDate!)).toBe("2026-10-28");
  expect(serialToIso(report.firstDate!)).toBe("2025-11-30");
  // 12 months to 2026-10-31 reach back past 2025-11-30: Pacific 120,000 + 15,250 = 135,250
  expect(revenue).toEqual({ "Granite Quarry Services": 48500, "Pacific Aggregates": 135250 });
  expect(orders).toEqual({ "Granite Quarry Services": 1, "Pacific Aggregates": 2 });
  // 2026-09-15 → 2026-10-31: 15 + 31 = 46 days; 2026-10-28 → 2026-10-31: 3 days
  expect(days).toEqual({ "Granite Quarry Services": 46, "Pacific Aggregates": 3 });
  expect(currency).toEqual({ "Granite Quarry Services": "USD", "Pacific Aggregates": "USD" });
  // 48,500 + 120,000 + 15,250 = 183,750, in dollars
  expect(report.revenueByCurrency).toEqual({ USD: 183750 });
  expect(report.warnings.join(" ")).toContain(
    'Each won deal is dated by its "Close Date", the day it became a sale, not by "Created Date".'
  );
});

test.each([
  ["Closedate", "closedate"],
  ["Won Date", "Won Date"],
  ["Date Closed", "Date Closed"],
])("a deal export's %s wins over its Created Date, whichever comes first", async (header) => {
  const file = fileOf([
    `Account Name,Stage,Created Date,Amount,${header}`,
    "Granite,Closed Won,2026-06-01,48500,2026-09-15",
    "Pacific,Closed Won,2026-05-05,120000,2026-10-28",
    "Pacific,Prospecting,2026-09-01,9000,",
  ]);
  const { report, days } = await analyzeFile(file, "2026-10-31");
  // as above: 46 and 3 days since the close dates (by Created Date: 152 and 179)
  expect(days).toEqual({ Granite: 46, Pacific: 3 });
  expect(serialToIso(report.lastDate!)).toBe("2026-10-28");
});

test("an order export's Created Date beside a Closed Date stays its order date (no deal stages)", async () => {
  const file = fileOf([
    "Customer,Order No,Created Date,Closed Date,Amount,Status",
    "Acme,S1,2026-10-01,2026-10-20,100,Paid",
    "Bolt,S2,2026-10-10,2026-10-30,40,Shipped",
  ]);
  const { days } = await analyzeFile(file, "2026-10-31");
  // dated by Created Date: 2026-10-01 → 30 days, 2026-10-10 → 21 days
  expect(days).toEqual({ Acme: 30, Bolt: 21 });
});

test("the close-date headers", () => {
  expect(closeDateColumn(["Account", "Created Date", "Close Date"])).toBe(2);
  expect(closeDateColumn(["Deal - Won time", "Deal - Title"])).toBe(0);
  expect(closeDateColumn(["Created Date", "Expected Close Date"])).toBeUndefined();
  expect(closeDateColumn(["Account", "Date"])).toBeUndefined();
});
