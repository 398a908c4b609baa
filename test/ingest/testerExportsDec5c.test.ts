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

/*
 * An Italian and a French invoice list whose customer code sits under the bare word ("Cliente",
 * "Client") beside the registered name ("Ragione sociale", "Raison sociale"): both are name
 * headers, so the accounts were keyed by the name and the code was left unread.
 */
test("Cliente beside Ragione sociale is the customer's code: accounts 00123 and 00124", async () => {
  const { revenue, orders, names, report } = await analyzeFile(
    join(EXPORTS, "it-documenti-cliente-ragione-sociale.csv")
  );
  // 00123: FT 45,00 less the NC (nota di credito, written positive) 4,50 = 40,50 in 1 order;
  // 00124: 50,00 (the Imponibile, before IVA; Totale is with it)
  expect(revenue).toEqual({ "00123": 40.5, "00124": 50 });
  expect(orders).toEqual({ "00123": 1, "00124": 1 });
  expect(names).toEqual({
    "00123": "Elettroforniture Rossi S.r.l.",
    "00124": "Idraulica Bianchi S.n.c.",
  });
  expect(report.returns).toBe(1);
});

test("Client beside Raison sociale: two customers of one name (411002, 411003) stay two", async () => {
  const { revenue, orders, names } = await analyzeFile(
    join(EXPORTS, "fr-factures-client-raison-sociale.csv")
  );
  // 411001: 45,00 + 123,50 = 168,50 in 2 invoices; 411002: 50,00; 411003: 10,00 (8 × 1,25)
  expect(revenue).toEqual({ "411001": 168.5, "411002": 50, "411003": 10 });
  expect(orders).toEqual({ "411001": 2, "411002": 1, "411003": 1 });
  expect(names).toEqual({
    "411001": "Électricité Dubois SARL",
    "411002": "Plomberie Martin",
    "411003": "Plomberie Martin",
  });
});
