/**
 * A US invoice-line export whose number columns end in "#" ("Cust #", "Inv #", "Part #"): the
 * "#" was dropped with the punctuation, so "Cust #" read as a bare "cust", no customer-number
 * header, and the accounts were keyed by the "Bill To" name: two customers of the same name (1001
 * and 1003, both "Acme Supply Co") became one. A customer's "#" now reads as its number
 * ("cust no"), and "Bill To" right after the number is the customer's name. Other "#" headers
 * stay bare: WooCommerce's "Item #" is a line's position in its order, not a product number.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";
import { normaliseHeader } from "../../src/ingest/fields";

const EXPORTS = join(__dirname, "../fixtures/exports");

test.each([
  ["Cust #", "cust no"],
  ["Cust. #", "cust no"],
  ["Customer#", "customer no"],
  ["Acct #", "acct no"],
  // not a customer's: as before
  ["Item #", "item"],
  ["Inv #", "inv"],
  ["# of Units", "of units"],
])("the header %s reads as %s", (header, normalised) => {
  expect(normaliseHeader(header)).toBe(normalised);
});

test("Cust # is the account, Bill To its name: two customers of one name stay two", async () => {
  const { revenue, orders, names, report } = await analyzeFile(
    join(EXPORTS, "us-invoice-lines-cust-hash.csv")
  );
  // 1001: 45.00 + 1,234.50 − the RMA 45.00 = 1,234.50 in 2 orders (the RMA, negative, is a
  // return); 1002: 24.00 + 15.00 = 39.00; 1003, the other Acme Supply Co: 30.00
  expect(revenue).toEqual({ "1001": 1234.5, "1002": 39, "1003": 30 });
  expect(orders).toEqual({ "1001": 2, "1002": 2, "1003": 1 });
  expect(names).toEqual({
    "1001": "Acme Supply Co",
    "1002": "Beacon Mechanical",
    "1003": "Acme Supply Co",
  });
  expect(report.returns).toBe(1);
});
