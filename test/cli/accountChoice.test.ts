/**
 * `--account ID` for an account that buys in several currencies: each currency is its own account
 * ("A1 (EUR)", "A1 (GBP)"), never added together, so a bare id names none of them alone.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildCli, kap } from "./kapProcess";

jest.setTimeout(120_000);

const FILE = resolve(__dirname, "../fixtures/tester/multi-currency.csv");
const dir = mkdtempSync(join(tmpdir(), "kap-account-"));

// bin/kap.js runs the bundle: build it from the source under test.
beforeAll(() => buildCli());

test("a bare id of an account in two currencies is refused with the keys to choose from, not one currency's half silently", () => {
  // A1 bought €50 + €50 (EUR) and £100 (GBP): a QBR of "A1" showed the euro half alone
  const out = join(dir, "a1.xlsx");
  const r = kap("qbr", FILE, "--account", "A1", "--as-of", "2026-10-31", "--out", out, "-q");
  expect(r.status).toBe(1);
  expect(r.stderr.trim()).toBe(
    'Account "A1" buys in 2 currencies (EUR, GBP), analysed apart because money in different currencies is never added: give --account "A1 (EUR)" or --account "A1 (GBP)".'
  );
  expect(existsSync(out)).toBe(false);
  const s = kap("sheets", FILE, "--account", "B2", "--as-of", "2026-10-31", "--out", out, "-q");
  expect(s.status).toBe(1);
  expect(s.stderr).toMatch(/"B2 \(GBP\)" or --account "B2 \(USD\)"/);
});

test("the currency's key chooses that half", () => {
  const out = join(dir, "a1-gbp.xlsx");
  const r = kap("qbr", FILE, "--account", "A1 (GBP)", "--as-of", "2026-10-31", "--out", out, "-q");
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(existsSync(out)).toBe(true);
});

test("kap qbr --all-top writes one workbook per account: the two currencies of A1 get two files, not one overwriting the other", () => {
  const out = join(dir, "pack");
  const r = kap("qbr", FILE, "--all-top", "4", "--as-of", "2026-10-31", "--out", out, "-q");
  expect(r.status).toBe(0);
  expect(readdirSync(out).sort()).toEqual([
    "QBR A1 (EUR) Alpha GmbH.xlsx",
    "QBR A1 (GBP) Alpha GmbH.xlsx",
    "QBR B2 (GBP) Beta Ltd.xlsx",
    "QBR B2 (USD) Beta Ltd.xlsx",
  ]);
  expect(r.stdout).toContain("Wrote 4 QBR workbooks");
});

test("accounts whose ids differ only in characters a file name cannot hold get files of their own", () => {
  const file = join(dir, "slashes.csv");
  writeFileSync(
    file,
    "Customer ID,Customer,Invoice Date,Invoice No,SKU,Qty,Line Total\n" +
      "A/1,Same Name,05/10/2026,I1,P1,1,30.00\n" +
      "A_1,Same Name,06/10/2026,I2,P1,1,20.00\n"
  );
  const out = join(dir, "pack2");
  const r = kap("qbr", file, "--all-top", "2", "--as-of", "2026-10-31", "--out", out, "-q");
  expect(r.status).toBe(0);
  // A/1 (£30) first, as A_1 Same Name.xlsx; then A_1 (£20), whose name is taken: (2)
  expect(readdirSync(out).sort()).toEqual(["QBR A_1 Same Name (2).xlsx", "QBR A_1 Same Name.xlsx"]);
  // one workbook is one workbook
  const one = kap(
    "qbr",
    file,
    "--all-top",
    "1",
    "--as-of",
    "2026-10-31",
    "--out",
    join(dir, "pack-one")
  );
  expect(one.status).toBe(0);
  expect(one.stdout).toMatch(/^Wrote 1 QBR workbook to /m);
});

test("kap qbr --all-top in two currencies without exchange rates takes the top N of each, and says so", () => {
  // £500, £300, £100 and €900, €50 in the last 12 months: ranked together, --all-top 2 took
  // E1 (900) and G1 (500), setting euros against pounds as if one money
  const file = join(dir, "two-currencies.csv");
  writeFileSync(
    file,
    "Customer ID,Customer,Invoice Date,Invoice No,SKU,Qty,Line Total,Currency\n" +
      "G1,Gamma One,05/10/2026,I1,P1,1,500.00,GBP\n" +
      "G2,Gamma Two,06/10/2026,I2,P1,1,300.00,GBP\n" +
      "G3,Gamma Three,07/10/2026,I3,P1,1,100.00,GBP\n" +
      "E1,Epsilon One,08/10/2026,I4,P1,1,900.00,EUR\n" +
      "E2,Epsilon Two,09/10/2026,I5,P1,1,50.00,EUR\n"
  );
  const out = join(dir, "pack3");
  const r = kap("qbr", file, "--all-top", "2", "--as-of", "2026-10-31", "--out", out, "-q");
  expect(r.status).toBe(0);
  expect(readdirSync(out).sort()).toEqual([
    "QBR E1 Epsilon One.xlsx",
    "QBR E2 Epsilon Two.xlsx",
    "QBR G1 Gamma One.xlsx",
    "QBR G2 Gamma Two.xlsx",
  ]);
  expect(r.stdout).toContain(
    "Amounts in GBP, EUR are not compared without exchange rates: the top 2 of each currency."
  );
  expect(r.stdout).toContain("Wrote 4 QBR workbooks");
});

test("an account known by its name alone (no id column) names its QBR once: 'QBR Acme Ltd.xlsx', not 'QBR Acme Ltd Acme Ltd.xlsx'", () => {
  const file = join(dir, "names.csv");
  writeFileSync(
    file,
    "Customer,Invoice Date,Invoice No,SKU,Qty,Line Total\n" +
      "Acme Ltd,05/10/2026,I1,P1,1,30.00\n" +
      "Bolt & Co,06/10/2026,I2,P1,1,20.00\n"
  );
  const out = join(dir, "pack-names");
  const r = kap("qbr", file, "--all-top", "2", "--as-of", "2026-10-31", "--out", out, "-q");
  expect(r.status).toBe(0);
  expect(readdirSync(out).sort()).toEqual(["QBR Acme Ltd.xlsx", "QBR Bolt & Co.xlsx"]);
});
