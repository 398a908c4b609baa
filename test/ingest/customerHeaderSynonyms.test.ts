/**
 * Customer columns under the names real exports give them: GST returns' "Receiver Name", Tally's
 * "Party Name", Dutch "Afnemer"/"Relatiecode", French "Tiers", Spanish "Tercero"/"Socio de
 * negocio", German "Rechnungsempfänger", Japanese 顧客名/得意先名/取引先, and a buyer's e-mail or
 * user name where nothing else names the customer. Every figure by hand from the rows below;
 * as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-customer-headers-"));
let n = 0;
function analyze(lines: string[]) {
  const file = join(dir, `export-${n++}.csv`);
  writeFileSync(file, lines.join("\r\n") + "\r\n", "utf8");
  return analyzeFile(file);
}

// Alpha BV: 100.00 + 50.00 = 150.00 (two invoices); Beta BV: 200.00
const body = (customer: string) => [
  `Date,Invoice No,${customer},Amount`,
  "2026-01-10,1,Alpha BV,100.00",
  "2026-02-10,2,Beta BV,200.00",
  "2026-03-10,3,Alpha BV,50.00",
];

describe("a customer column under another name", () => {
  it.each([
    "Receiver Name",
    "Party Name",
    "Party",
    "Billing Name",
    "Tercero",
    "Tiers",
    "Afnemer",
    "Rechnungsempfänger",
    "Socio de negocio",
    "顧客名",
    "得意先名",
    "取引先",
  ])("'%s' is the customer", async (header) => {
    const { revenue, orders } = await analyze(body(header));
    expect(revenue).toEqual({ "Alpha BV": 150, "Beta BV": 200 });
    expect(orders).toEqual({ "Alpha BV": 2, "Beta BV": 1 });
  });

  it("'Relatiecode' is the customer's id, named by 'Naam'", async () => {
    // 1001 Alpha BV: 100 + 50 = 150; 1002 Beta BV: 200
    const { revenue, names } = await analyze([
      "Date,Invoice No,Relatiecode,Naam,Amount",
      "2026-01-10,1,1001,Alpha BV,100.00",
      "2026-02-10,2,1002,Beta BV,200.00",
      "2026-03-10,3,1001,Alpha BV,50.00",
    ]);
    expect(revenue).toEqual({ "1001": 150, "1002": 200 });
    expect(names["1002"]).toBe("Beta BV");
  });
});

describe("a buyer's e-mail is the customer only where nothing else names one", () => {
  it("'buyer-email' alone: each address an account", async () => {
    // harbor@example.com: 120 + 80 = 200; kline@example.com: 140
    const { revenue } = await analyze([
      "Date,Order No,buyer-email,Amount",
      "2026-09-01,A1,harbor@example.com,120.00",
      "2026-09-02,A2,kline@example.com,140.00",
      "2026-09-03,A3,harbor@example.com,80.00",
    ]);
    expect(revenue).toEqual({ "harbor@example.com": 200, "kline@example.com": 140 });
  });

  it("'Email' beside 'Customer': the customer column is the account, not the e-mail", async () => {
    // Acme: 120 + 80 = 200 (two buyers' addresses); Bolt: 140
    const { revenue } = await analyze([
      "Date,Order No,Customer,Email,Amount",
      "2026-09-01,A1,Acme,ann@acme.example,120.00",
      "2026-09-02,A2,Bolt,bo@bolt.example,140.00",
      "2026-09-03,A3,Acme,joe@acme.example,80.00",
    ]);
    expect(revenue).toEqual({ Acme: 200, Bolt: 140 });
  });
});
