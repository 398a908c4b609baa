/**
 * Real exports' variants beside the ones the layouts were first written for (the same systems,
 * other reports or settings), each read as a user would check it: the accounts, their revenue and
 * currency. As of 2026-10-31; every figure worked by hand from the fixture in a comment.
 */
import { join } from "node:path";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";

jest.setTimeout(120_000);

const fixture = (name: string) => join(__dirname, "../fixtures/exports", name);

async function analyzed(name: string) {
  const { grids } = await readWorkbookFile(fixture(name));
  const engine = new KapEngine();
  const report = await loadGrids(engine, grids, defaultSettings());
  const p = engine.analyze({ ...defaultSettings(), asOf: "2026-10-31" });
  const revenue = Object.fromEntries(p.accounts.map((a) => [a.accountId, a.revenueLast12]));
  const currency = Object.fromEntries(p.accounts.map((a) => [a.accountId, a.currency]));
  return { report, p, revenue, currency };
}

test("Xero's Receivable Invoice Detail report: the customer is the Contact, never the ledger Account '200 - Sales'", async () => {
  const { report, revenue } = await analyzed("xero-receivable-invoice-detail.csv");
  // four title rows above the header; Account is "200 - Sales" on every line (the ledger).
  // Linden: INV-0601 Net 20.00 + 15.00 = 35.00. Marsh: INV-0655 30.00 − credit note CN-0044 6.00
  // (a "Sales credit note", positive on the report) = 24.00; INV-0660 (75.00) is Voided: no sale.
  expect(revenue).toEqual({ "Linden Electrical": 35, "Marsh Plumbing": 24 });
  expect(report.returns).toBe(1);
});
