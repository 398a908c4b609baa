/**
 * A money symbol several currencies write, with no ISO code in the file: an MYOB (Australian)
 * sales export's bare "$" was labelled USD, and a Swedish export's "kr" was shown as £ (KAP's
 * default) without a culture. Now the culture names the currency when it is one the symbol may
 * be (en-AU → AUD, nb-NO → NOK); else the figures keep their symbol, no ISO code is named, and
 * the summary says which currencies it may be and how to name it. Figures by hand; as of
 * 2026-10-31.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";

jest.setTimeout(180_000);

const KAP = resolve(__dirname, "../../bin/kap.js");
const dir = mkdtempSync(join(tmpdir(), "kap-shared-"));

beforeAll(() =>
  execFileSync(process.execPath, [resolve(__dirname, "../../scripts/build-cli.mjs")])
);

function kap(...args: string[]): string {
  const r = spawnSync(process.execPath, [KAP, ...args, "-q"], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
}

// An MYOB item sales export (tab-delimited, as MYOB writes it): "$" on every amount, the
// Inc-Tax columns beside the ex-tax ones, a quote (Sale Status Q) that is no sale.
const MYOB = [
  "Co./Last Name\tFirst Name\tInvoice #\tDate\tItem Number\tQuantity\tDescription\tPrice\tInc-Tax Price\tTotal\tInc-Tax Total\tTax Code\tSale Status",
  "Acme Pty Ltd\t\t00000101\t3/09/2026\tWID-1\t2\tWidget\t$500.00\t$550.00\t$1,000.00\t$1,100.00\tGST\tI",
  "Acme Pty Ltd\t\t00000102\t15/10/2026\tGAD-2\t1\tGadget\t$234.50\t$257.95\t$234.50\t$257.95\tGST\tI",
  "Bolt Traders\t\t00000103\t20/10/2026\tWID-1\t3\tWidget\t$500.00\t$550.00\t$1,500.00\t$1,650.00\tGST\tI",
  "Bolt Traders\t\t00000104\t21/10/2026\tWID-1\t1\tWidget\t$500.00\t$550.00\t$500.00\t$550.00\tGST\tQ",
].join("\r\n");
const myob = join(dir, "ITEMSALE.TXT");
writeFileSync(myob, MYOB);

const DOLLAR_WARNING =
  '! The currency is not known: the amounts are written with "$", which USD, CAD, AUD, NZD, SGD, HKD and MXN all write, and nothing in the data or the culture says which. The amounts are shown with "$" and no currency code. Give the culture of the company\'s country (kap --culture, e.g. en-AU for AUD, en-CA for CAD, en-US for USD; in Excel, the workbook\'s regional format) or write the code in the data ("USD 1,234.50") to name it.';

describe('an MYOB export\'s bare "$"', () => {
  // Acme 2 × 500.00 = 1,000.00 + 234.50 = 1,234.50 → 1,235; Bolt 3 × 500.00 = 1,500.00 (its
  // quote Q not counted); together 2,734.50 → 2,735
  test("without a culture: shown as $, never called USD, and the summary says how to name it", () => {
    const out = kap("analyze", myob, "--as-of", "2026-10-31");
    expect(out).toContain(
      '  Currency: none named in the data (amounts shown in "$", as the amounts write it: USD, CAD, AUD, NZD, SGD, HKD or MXN, not known which)'
    );
    expect(out).toContain(DOLLAR_WARNING);
    expect(out).toContain("Annual revenue: $2,735 ·");
    expect(out).toMatch(/^Acme Pty Ltd .* \$1,235 /m);
    expect(out).toMatch(/^Bolt Traders .* \$1,500 /m);
    expect(out).not.toContain("Currency: USD");
  });

  test("--culture en-AU: AUD", () => {
    const out = kap("analyze", myob, "--as-of", "2026-10-31", "--culture", "en-AU");
    expect(out).toContain("  Currency: AUD\n");
    expect(out).toContain("Annual revenue: AUD 2,735 ·");
    expect(out).toMatch(/^Acme Pty Ltd .* AUD 1,235 /m);
    expect(out).not.toContain("The currency is not known");
  });

  test("--culture en-GB names no dollar: still the bare $, not USD", () => {
    const out = kap("analyze", myob, "--as-of", "2026-10-31", "--culture", "en-GB");
    expect(out).toContain(DOLLAR_WARNING);
    expect(out).toContain("Annual revenue: $2,735 ·");
  });

  test("--json: no ISO code (null, 'XXX') without a culture; AUD with en-AU", () => {
    const j = JSON.parse(kap("analyze", myob, "--as-of", "2026-10-31", "--json"));
    expect(j.ingest.fileSymbol).toBe("$");
    expect(j.ingest.revenueByCurrency).toEqual({ XXX: 2734.5 });
    expect(j.portfolio.dashboard.annualRevenue).toEqual({ XXX: 2734.5 });
    expect(j.portfolio.accounts.map((a: { currency: string | null }) => a.currency)).toEqual([
      null,
      null,
    ]);
    expect(JSON.stringify(j)).not.toContain('USD"');
    const au = JSON.parse(
      kap("analyze", myob, "--as-of", "2026-10-31", "--json", "--culture", "en-AU")
    );
    expect(au.ingest.revenueByCurrency).toEqual({ AUD: 2734.5 });
    expect(au.portfolio.dashboard.annualRevenue).toEqual({ AUD: 2734.5 });
  });

  test("the written sheets: money cells in $, no 'USD' in any heading or note", async () => {
    const out = join(dir, "acme.xlsx");
    kap("sheets", myob, "--as-of", "2026-10-31", "--account", "Acme Pty Ltd", "--out", out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts: string[] = [];
    const formats = new Set<string>();
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string") texts.push(cell.value);
          if (typeof cell.value === "number" && cell.numFmt) formats.add(cell.numFmt);
        })
      )
    );
    expect(texts.filter((t) => t.includes("USD"))).toEqual([]);
    expect([...formats].some((f) => f.startsWith("$#,##0"))).toBe(true);
    expect([...formats].filter((f) => f.includes("£"))).toEqual([]);
    // day-first dates and a "$" no culture names: A4 (Australia's), not the Letter of USD
    expect(wb.worksheets.map((ws) => ws.pageSetup.paperSize)).toEqual(wb.worksheets.map(() => 9));
  });

  test("a bare '$' with month-first dates (QuickBooks Online, a US export) still prints on Letter", async () => {
    const qbo = resolve(
      __dirname,
      "../fixtures/exports/quickbooks-online-sales-by-customer-detail.csv"
    );
    const out = join(dir, "qbo.xlsx");
    kap("sheets", qbo, "--account", "Northfield Builders", "--out", out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // ExcelJS reads paperSize="1" (Letter) as 1
    expect(wb.worksheets.map((ws) => ws.pageSetup.paperSize)).toEqual(wb.worksheets.map(() => 1));
  });
});

// MYOB writes its Currency Code column empty for home-currency sales: a blank cell names no
// currency, so the line's money is read by its symbol as if the column were not there.
const BLANK_CODE = join(dir, "blank-code.csv");
writeFileSync(
  BLANK_CODE,
  "Customer,Date,Invoice,Item,Quantity,Total,Currency Code\nA,2/10/2026,1,X,1,$42.00,\n"
);
const MIXED_CODE = join(dir, "mixed-code.csv");
writeFileSync(
  MIXED_CODE,
  [
    "Customer,Date,Invoice,Item,Quantity,Total,Currency Code",
    "A,2/10/2026,1,X,1,$42.00,",
    "B,3/10/2026,2,X,1,$10.00,USD",
    "C,4/10/2026,3,X,1,$7.00,",
  ].join("\n")
);
const KR_CODE = join(dir, "kr-code.csv");
writeFileSync(
  KR_CODE,
  'Customer,Invoice,Date,SKU,Qty,Amount,Currency\nNordvik AB,1001,2026-09-03,A1,2,"1 000,00 kr",\n'
);

describe("a currency column whose cells are blank", () => {
  // A: 1 × 42.00 = 42.00 → 42
  test('"$" with a blank Currency Code: the bare-symbol rule, never USD', () => {
    const out = kap("analyze", BLANK_CODE, "--as-of", "2026-10-31");
    expect(out).toContain(
      '  Currency: none named in the data (amounts shown in "$", as the amounts write it: USD, CAD, AUD, NZD, SGD, HKD or MXN, not known which)'
    );
    expect(out).toContain(DOLLAR_WARNING);
    expect(out).toContain("Annual revenue: $42 ·");
    expect(out).not.toContain("Currency: USD");
  });

  test("--culture en-AU: AUD", () => {
    const out = kap("analyze", BLANK_CODE, "--as-of", "2026-10-31", "--culture", "en-AU");
    expect(out).toContain("  Currency: AUD\n");
    expect(out).toContain("Annual revenue: AUD 42 ·");
  });

  // blank lines A 42.00 + C 7.00 = 49.00 by their "$"; B 10.00 in the USD its cell names
  test("some codes, some blanks: only the coded lines are USD", () => {
    const out = kap("analyze", MIXED_CODE, "--as-of", "2026-10-31");
    // each as written: the blank-coded lines with their "$", B's USD by its code (never "$10"
    // beside "$49", which would read as one currency)
    expect(out).toContain("Annual revenue by currency: $49; USD 10 ·");
    expect(out).toMatch(/^A .* \$42 {2}$/m);
    expect(out).toMatch(/^B .* USD 10 {2}$/m);
    const au = kap("analyze", MIXED_CODE, "--as-of", "2026-10-31", "--culture", "en-AU");
    expect(au).toContain("  Currency: AUD, USD\n");
    expect(au).toContain("Annual revenue by currency: AUD 49; $10 ·");
    const j = JSON.parse(kap("analyze", MIXED_CODE, "--as-of", "2026-10-31", "--json"));
    expect(j.ingest.revenueByCurrency).toEqual({ XXX: 49, USD: 10 });
  });

  // 1 000,00 kr → 1,000: "kr", not KAP's default £
  test('"kr" with a blank Currency: kr, not £; NOK with nb-NO', () => {
    const out = kap("analyze", KR_CODE, "--as-of", "2026-10-31");
    expect(out).toContain("Annual revenue: kr 1,000 ·");
    expect(out).not.toContain("£");
    const nb = kap("analyze", KR_CODE, "--as-of", "2026-10-31", "--culture", "nb-NO");
    expect(nb).toContain("Annual revenue: NOK 1,000 ·");
  });
});

// A Swedish export with "kr" after every amount (decimal comma, space-grouped thousands)
const KRONA = [
  "Customer,Invoice,Date,SKU,Qty,Amount",
  'Nordvik AB,1001,2026-09-03,A1,2,"1 000,00 kr"',
  'Nordvik AB,1002,2026-10-15,A2,1,"234,50 kr"',
  'Sorby AB,1003,2026-10-20,A1,3,"1 500,00 kr"',
].join("\n");
const krona = join(dir, "kr.csv");
writeFileSync(krona, KRONA);

describe('"kr" with no ISO code', () => {
  // Nordvik 1 000,00 + 234,50 = 1 234,50 → 1,235; Sorby 1 500,00; together 2 734,50 → 2,735
  test("without a culture: shown as kr, not £, and the summary says which currencies it may be", () => {
    const out = kap("analyze", krona, "--as-of", "2026-10-31");
    expect(out).toContain(
      '  Currency: none named in the data (amounts shown in "kr", as the amounts write it: SEK, NOK, DKK or ISK, not known which)'
    );
    expect(out).toContain(
      '! The currency is not known: the amounts are written with "kr", which SEK, NOK, DKK and ISK all write, and nothing in the data or the culture says which. The amounts are shown with "kr" and no currency code. Give the culture of the company\'s country (kap --culture, e.g. sv-SE for SEK, nb-NO for NOK, da-DK for DKK; in Excel, the workbook\'s regional format) or write the code in the data ("SEK 1,234.50") to name it.'
    );
    expect(out).toContain("Annual revenue: kr 2,735 ·");
    expect(out).toMatch(/^Nordvik AB .* kr 1,235 /m);
    expect(out).not.toContain("£");
    // the "decimal comma, so most likely not GBP" guess is gone with the GBP it doubted
    expect(out).not.toContain("KAP's default");
  });

  test("--culture nb-NO: NOK, from the kr and the culture", () => {
    const out = kap("analyze", krona, "--as-of", "2026-10-31", "--culture", "nb-NO");
    expect(out).toContain(
      "Currency: none named in the data (amounts shown in NOK, from the kr on the amounts and the culture nb-NO)"
    );
    expect(out).toContain("Annual revenue: NOK 2,735 ·");
    const j = JSON.parse(
      kap("analyze", krona, "--as-of", "2026-10-31", "--culture", "nb-NO", "--json")
    );
    expect(j.portfolio.dashboard.annualRevenue).toEqual({ NOK: 2734.5 });
  });

  test("--culture en-GB is no krona's: kr, never £", () => {
    const out = kap("analyze", krona, "--as-of", "2026-10-31", "--culture", "en-GB");
    expect(out).toContain("Annual revenue: kr 2,735 ·");
    expect(out).not.toContain("£");
  });
});

// The rupee's "Rs" (India, Pakistan, Sri Lanka, Nepal, Mauritius) and the rand's "R" were
// unreadable: every line refused as "unreadable revenue"
describe('"Rs" and "R" before the figure', () => {
  const rupees = join(dir, "rs.csv");
  writeFileSync(
    rupees,
    [
      "Customer,Invoice,Date,SKU,Qty,Amount",
      'Mehta Traders,1001,2026-09-03,A1,2,"Rs. 1,000.00"',
      "Mehta Traders,1002,2026-10-15,A2,1,Rs. 234.50",
      'Khan & Sons,1003,2026-10-20,A1,3,"Rs. 1,500.00"',
    ].join("\n")
  );
  // Mehta 1,000.00 + 234.50 = 1,234.50 → 1,235; Khan 1,500.00; together 2,734.50 → 2,735
  test("Rs without a culture: shown as Rs, no currency code; en-IN → INR, ur-PK → PKR", () => {
    const out = kap("analyze", rupees, "--as-of", "2026-10-31");
    expect(out).toContain(
      '  Currency: none named in the data (amounts shown in "Rs", as the amounts write it: INR, PKR, LKR, NPR or MUR, not known which)'
    );
    expect(out).toContain("Annual revenue: Rs 2,735 ·");
    expect(out).toMatch(/^Mehta Traders .* Rs 1,235 /m);
    expect(kap("analyze", rupees, "--as-of", "2026-10-31", "--culture", "en-IN")).toContain(
      "Annual revenue: INR 2,735 ·"
    );
    expect(kap("analyze", rupees, "--as-of", "2026-10-31", "--culture", "ur-PK")).toContain(
      "Annual revenue: PKR 2,735 ·"
    );
  });

  test("R 1 234,50 is the South African rand", () => {
    const rand = join(dir, "zar.csv");
    writeFileSync(
      rand,
      [
        "Customer;Invoice;Date;SKU;Qty;Amount",
        "Botha Bouwerke;1001;2026-09-03;A1;2;R 1 000,00",
        "Botha Bouwerke;1002;2026-10-15;A2;1;R 234,50",
        "Nkosi Hardware;1003;2026-10-20;A1;3;R 1 500,00",
      ].join("\n")
    );
    // Botha 1 000,00 + 234,50 = 1 234,50 → 1,235; Nkosi 1 500,00; together 2 734,50 → 2,735
    const out = kap("analyze", rand, "--as-of", "2026-10-31");
    expect(out).toContain("  Currency: ZAR\n");
    expect(out).toContain("Annual revenue: ZAR 2,735 ·");
    expect(out).toMatch(/^Botha Bouwerke .* ZAR 1,235 /m);
  });
});
