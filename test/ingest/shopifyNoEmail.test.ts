/**
 * Shopify orders without an e-mail (a B2B distributor's phone orders entered as draft orders, POS
 * sales): modelled on Shopify's orders export (Name, Email, Financial Status, …, Created at, the
 * Lineitem columns, Billing Name/Company/Zip/Phone, Shipping Name/Company, Source: web,
 * shopify_draft_order, pos; order-level cells on an order's first line only).
 * The customer is the e-mail where there is one. Without one, Shopify B2B's account is the
 * company (a B2B order is placed for a company location, whose name fills Billing Company), else
 * the person billed (Billing Name: a sole trader's phone order): the order is theirs, not lost.
 * An order with none of the three (a walk-in POS sale) has no account, as before.
 * Figures worked by hand from the fixture.
 */
import { join } from "node:path";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import { analyzeFile } from "./fileAnalysis";

const FILE = join(__dirname, "../fixtures/exports/shopify-b2b-orders-without-email.csv");

test("orders without an e-mail go to the Billing Company, else the Billing Name; a walk-in sale has no account", async () => {
  const { report, revenue, orders, names } = await analyzeFile(FILE);
  expect(revenue).toEqual({
    // #3001: 2×14.00 + 1×20.00 = 48.00
    "buyer@northfield.example": 48,
    // #3002 (draft order, no e-mail): 6×14.00 + 4×14.00 = 140.00
    "Northfield Builders": 140,
    // #3003 (POS): 3×14.00 = 42.00
    "Quayside Electrical": 42,
    // #3004 (draft order, no company): 2×20.00 + 1×14.00 = 54.00, both lines (the second has no order-level cells)
    "Lee Hart": 54,
  });
  expect(orders).toEqual({
    "buyer@northfield.example": 1,
    "Northfield Builders": 1,
    "Quayside Electrical": 1,
    "Lee Hart": 1,
  });
  expect(names["Lee Hart"]).toBe("Lee Hart");
  // #3005: no e-mail, company or name: 1×14.00
  expect(report.rejected).toEqual([{ reason: "no account", count: 1, rows: [9] }]);
  // the same company with and without an e-mail is two accounts: said, with the way to join them
  expect(report.warnings.join("\n")).toContain(
    'Orders without an e-mail for "Northfield Builders" are a separate account from that company\'s orders with one'
  );
});

test("the user can still choose: Account ID mapped to Billing Company keys every order by company", async () => {
  const { grids } = await readWorkbookFile(FILE);
  const engine = new KapEngine();
  const settings = { ...defaultSettings(), mapping: { orders: { accountId: "Billing Company" } } };
  const report = await loadGrids(engine, grids, settings);
  const p = engine.analyze({ ...settings, asOf: "2026-10-31" });
  const revenue = Object.fromEntries(p.accounts.map((a) => [a.accountId, a.revenueLast12]));
  // Northfield Builders: 48.00 + 140.00 = 188.00; Lee Hart (no company): his name, 54.00
  expect(revenue).toEqual({
    "Northfield Builders": 188,
    "Quayside Electrical": 42,
    "Lee Hart": 54,
  });
  expect(report.rejected).toEqual([{ reason: "no account", count: 1, rows: [9] }]);
});
