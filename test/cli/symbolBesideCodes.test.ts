/**
 * Order lines whose money is written with a symbol several currencies write ("$12.00") and that
 * nothing names (a blank currency cell, no code), beside lines in named currencies. Before: no
 * word of them (only "2 order lines name no currency"), and a "$" line of a GBP order took the
 * order's GBP. Now a warning says how many, which rows and their value, and they are kept apart
 * from the coded lines; the culture names them when it is one of the symbol's currencies.
 * With a rates table, such lines are not converted as USD: kept apart, unconverted, and said.
 * Figures by hand; as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { buildCli, kap } from "./kapProcess";

jest.setTimeout(120_000);

beforeAll(() => {
  buildCli();
});

const dir = mkdtempSync(join(tmpdir(), "kap-symbol-beside-codes-"));

function run(file: string, ...args: string[]): string {
  const r = kap("analyze", file, "--as-of", "2026-10-31", ...args);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
}

// rows 3 and 5: a blank currency cell and "$"; row 3 is a later line of the GBP order INV-1,
// row 7 a later line of the USD order INV-4 ("$" is the US dollar's symbol too: USD).
const BLANK_CELLS = join(dir, "blank-cells.csv");
writeFileSync(
  BLANK_CELLS,
  [
    "Customer,Invoice,Date,Product,Quantity,Amount,Currency",
    "Acme Ltd,INV-1,01/10/2026,CT-1,10,100.00,GBP",
    "Acme Ltd,INV-1,01/10/2026,CT-2,1,$12.00,",
    "Acme Ltd,INV-2,05/10/2026,CT-1,6,60.00,GBP",
    "Bolt Ltd,INV-3,12/10/2026,CT-1,5,$30.00,",
    "Cole Inc,INV-4,14/10/2026,CT-1,2,20.00,USD",
    "Cole Inc,INV-4,14/10/2026,CT-2,1,$5.00,",
  ].join("\n") + "\n"
);

describe('a blank currency cell and "$" beside GBP and USD lines', () => {
  test("said, with the lines' count, rows and value, and kept apart from GBP and USD", () => {
    const out = run(BLANK_CELLS);
    // "$" lines: 12.00 (row 3) + 30.00 (row 5) = 42.00; GBP 100.00 + 60.00 = 160; USD 20.00 + 5.00 = 25
    expect(out).toContain(
      '! 2 order lines (rows 3, 5; $42.00) name no currency code and are written with "$", which USD, CAD, AUD, NZD, SGD, HKD and MXN all write: nothing in the data or the culture says which, so they are kept apart from the lines in GBP and in USD, never added to them. Write the currency\'s code on those lines ("USD 12.00", or in a currency column), or give the culture of the company\'s country (kap --culture, e.g. en-AU for AUD, en-CA for CAD, en-US for USD; in Excel, the workbook\'s regional format) to name it.'
    );
    // the "$" lines shown as written, "$42"; beside them USD, which writes "$" too, by its code
    expect(out).toContain("Annual revenue by currency: $42; £160; USD 25 ·");
    expect(out).toContain('The order lines are in 3 currencies ("$", GBP, USD).');
    // Acme's GBP lines stay £160, its "$" line (12) apart; Cole's USD 20.00 + 5.00 = USD 25
    expect(out).toMatch(/^Acme Ltd \(GBP\) .* £160 /m);
    expect(out).toMatch(/^Acme Ltd \(no currency\) .* \$12 /m);
    expect(out).toMatch(/^Cole Inc .* USD 25 /m);
  });

  test("--json: the lines under XXX, never GBP's or USD's", () => {
    const j = JSON.parse(run(BLANK_CELLS, "--json"));
    expect(j.ingest.revenueByCurrency).toEqual({ GBP: 160, USD: 25, XXX: 42 });
    expect(j.ingest.currencies).toEqual({ GBP: 2, USD: 2, XXX: 2 });
  });

  test("--culture en-AU names the dollar AUD: AUD 42, no warning", () => {
    const out = run(BLANK_CELLS, "--culture", "en-AU");
    expect(out).toContain("Annual revenue by currency: AUD 42; £160; $25 ·");
    expect(out).not.toContain("name no currency code");
  });
});

/** A workbook with a rates table to GBP: the GBP, EUR and USD lines are converted, the "$" ones cannot be. */
async function ratesWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const day = (d: number) => new Date(Date.UTC(2026, 9, d));
  wb.addWorksheet("Orders").addRows([
    ["Customer", "Invoice", "Date", "Product", "Quantity", "Amount", "Currency"],
    ["Acme Ltd", "INV-1", day(1), "CT-1", 10, 100, "GBP"],
    ["Acme Ltd", "INV-2", day(5), "CT-1", 6, "€50.00", "EUR"],
    // rows 4 and 5: a blank currency cell and "$"
    ["Bolt Ltd", "INV-3", day(12), "CT-1", 5, "$12.00", null],
    ["Bolt Ltd", "INV-4", day(13), "CT-1", 5, "$30.00", null],
    ["Cole Inc", "INV-5", day(14), "CT-1", 2, "20.00", "USD"],
  ]);
  wb.addWorksheet("Rates").addRows([
    ["Currency", "Rate"],
    ["GBP", 1],
    ["EUR", 0.8],
    ["USD", 0.75],
  ]);
  const path = join(dir, "rates.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

describe('a rates table beside a blank currency cell and "$"', () => {
  test('the "$" lines are not converted as USD: kept apart, said', async () => {
    const path = await ratesWorkbook();
    const out = run(path);
    // converted to GBP: 100.00 + €50.00 × 0.8 = 40.00 + USD 20.00 × 0.75 = 15.00 → £155;
    // "$" 12.00 + 30.00 = 42.00 unconverted (as USD they would have been 31.50 more pounds)
    expect(out).toContain("Annual revenue by currency: £155; $42 ·");
    expect(out).toContain(
      '  Currency: GBP, EUR, USD (converted to GBP; not converted: the amounts written with "$", no currency named)'
    );
    expect(out).toContain(
      '! 2 order lines (rows 4, 5; $42.00) name no currency code and are written with "$", which USD, CAD, AUD, NZD, SGD, HKD and MXN all write: nothing in the data or the culture says which, so they are not converted with the rates table: kept apart from the GBP revenue, never added to it.'
    );
    expect(out).toMatch(/^Bolt Ltd .* \$42 /m);
    expect(out).toContain("! Revenue in EUR, USD was converted to GBP with the rates table.");

    // --culture en-US names them USD: converted, 42.00 × 0.75 = 31.50 → £155 + 31.50 = £186.50 → £187
    const us = run(path, "--culture", "en-US");
    expect(us).toContain("Annual revenue: £187 ·");
    expect(us).not.toContain("name no currency code");
  });
});

/**
 * No currency column: every symbol on the lines is checked, not only the first. Before: "£"
 * first made the later "$" lines USD, and "kr" first then "£" read all as GBP (£1,612).
 */
describe("no currency column: a shared symbol after another symbol", () => {
  const POUND_THEN_DOLLAR = join(dir, "pound-then-dollar.csv");
  writeFileSync(
    POUND_THEN_DOLLAR,
    [
      "Customer,Invoice,Date,Product,Quantity,Amount",
      "Acme Ltd,INV-1,01/10/2026,CT-1,10,£100.00",
      "Acme Ltd,INV-2,05/10/2026,CT-1,6,60.00",
      "Bolt Ltd,INV-3,12/10/2026,CT-1,5,$12.00",
      "Bolt Ltd,INV-4,13/10/2026,CT-1,5,$30.00",
    ].join("\n") + "\n"
  );
  const KRONA_THEN_POUND = join(dir, "krona-then-pound.csv");
  writeFileSync(
    KRONA_THEN_POUND,
    [
      "Customer,Invoice,Date,Product,Quantity,Amount",
      'Acme AB,INV-1,01/10/2026,CT-1,10,"1 000,00 kr"',
      'Acme AB,INV-2,05/10/2026,CT-1,6,"600,00 kr"',
      'Bolt Ltd,INV-3,12/10/2026,CT-1,5,"£12,00"',
    ].join("\n") + "\n"
  );

  test('"£" then "$": the "$" lines are no USD, said and kept apart', () => {
    const out = run(POUND_THEN_DOLLAR);
    // GBP: £100.00 + the bare 60.00 (the first currency's) = 160; "$": 12.00 + 30.00 = 42.00
    expect(out).toContain('  Currency: GBP, "$" (no currency named)');
    expect(out).toContain(
      '! 2 order lines (rows 4, 5; $42.00) name no currency code and are written with "$", which USD, CAD, AUD, NZD, SGD, HKD and MXN all write: nothing in the data or the culture says which, so they are kept apart from the lines in GBP, never added to them.'
    );
    expect(out).toContain("Annual revenue by currency: £160; $42 ·");
    // named as written, as on the Currency line (was "($, GBP)")
    expect(out).toContain('! The order lines are in 2 currencies ("$", GBP).');
    expect(out).not.toMatch(/Currency: .*USD/);
    const j = JSON.parse(run(POUND_THEN_DOLLAR, "--json"));
    expect(j.ingest.revenueByCurrency).toEqual({ GBP: 160, $: 42 });
  });

  test('"£" then "$" with --culture en-AU: the "$" lines are AUD', () => {
    const out = run(POUND_THEN_DOLLAR, "--culture", "en-AU");
    expect(out).toContain("  Currency: GBP, AUD");
    expect(out).toContain("Annual revenue by currency: £160; AUD 42 ·");
    expect(out).not.toContain("name no currency code");
  });

  test('"kr" then "£": the krona lines are no pounds', () => {
    const out = run(KRONA_THEN_POUND);
    // kr 1,000.00 + 600.00 = 1,600.00 apart from £12.00 (before: £1,612 in one sum)
    expect(out).toContain(
      '! 2 order lines (rows 2, 3; kr 1,600.00) name no currency code and are written with "kr", which SEK, NOK, DKK and ISK all write'
    );
    // no pound writes "kr": the krona lines keep the "kr" they were written with, no code claimed
    expect(out).toContain("Annual revenue by currency: kr 1,600; £12 ·");
    expect(out).not.toContain("£1,612");
  });
});

/**
 * No currency column, "$" lines and a line that writes "USD" in its cell. Before: the parser read
 * both as USD, so the USD line was added to the "$" lines' sum and lost its code ("Annual
 * revenue: $380", --json {"XXX":380}, "Currency: none named in the data").
 */
describe('no currency column: "USD 80.00" beside "$" lines', () => {
  const USD_CELL = join(dir, "usd-cell.csv");
  writeFileSync(
    USD_CELL,
    [
      "Date,Customer,Product,Category,Qty,Total",
      "2026-03-01,A,P1,C1,1,$100.00",
      "2026-04-01,A,P1,C1,1,$200.00",
      "2026-05-01,B,P1,C1,1,USD 80.00",
    ].join("\n") + "\n"
  );

  test('the USD line stays USD; the "$" lines stay "$", never added to it', () => {
    const out = run(USD_CELL);
    // A: 100.00 + 200.00 = 300, shown with the "$" it was written with; B: its USD 80 by its code
    // (USD writes "$" too: "$300; $80" would read as one currency)
    expect(out).toContain("Annual revenue by currency: $300; USD 80 ·");
    expect(out).toContain(
      '! 2 order lines (rows 2, 3; $300.00) name no currency code and are written with "$"'
    );
    expect(out).not.toContain("380");
    const j = JSON.parse(run(USD_CELL, "--json"));
    expect(j.ingest.revenueByCurrency).toEqual({ XXX: 300, USD: 80 });
    expect(j.ingest.currencies).toEqual({ XXX: 2, USD: 1 });
  });

  test('--culture en-CA: the "$" lines are CAD 300, the USD line USD 80', () => {
    const out = run(USD_CELL, "--culture", "en-CA");
    expect(out).toContain("Annual revenue by currency: CAD 300; $80 ·");
    const j = JSON.parse(run(USD_CELL, "--culture", "en-CA", "--json"));
    expect(j.ingest.revenueByCurrency).toEqual({ CAD: 300, USD: 80 });
  });

  test('--culture en-US: "$" is USD, one sum (100 + 200 + 80 = 380)', () => {
    expect(run(USD_CELL, "--culture", "en-US")).toContain("Annual revenue: $380 ·");
  });
});

/**
 * "USD 80.00" lines first, then bare "$" lines, and rows refused with "$" amounts. Before: "$" and
 * USD both shown with "$" ("$100; $300"), and the refused row's $50.00 said as 33.3% of USD
 * revenue (50 / (100 + 50)), as if "$" were USD.
 */
describe('no currency column: "USD" lines first, then "$" lines and a refused "$" row', () => {
  const lines = [
    "Customer,Date,Invoice,Product,Amount",
    "A1,2026-09-01,I1,P1,USD 80.00",
    "A1,2026-09-02,I2,P1,USD 20.00",
    "B1,2026-09-03,I3,P1,$100.00",
    "B1,2026-09-04,I4,P1,$200.00",
    // row 6: no customer, refused; its $50.00 is the "$" lines' money, not USD
    ",2026-09-05,I5,P1,$50.00",
  ];
  const USD_FIRST = join(dir, "usd-first.csv");
  writeFileSync(USD_FIRST, lines.join("\n") + "\n");
  const DOLLAR_FIRST = join(dir, "dollar-first.csv");
  writeFileSync(
    DOLLAR_FIRST,
    [lines[0], lines[3], lines[4], lines[1], lines[2], lines[5]].join("\n") + "\n"
  );

  test.each([
    ["USD first", USD_FIRST],
    ['"$" first', DOLLAR_FIRST],
  ])('%s: each shown as written, the refused row\'s value under "$"', (_, file) => {
    const out = run(file);
    // A1: USD 80 + 20 = USD 100; B1: $100 + $200 = $300
    expect(out).toMatch(/Annual revenue by currency: (USD 100; \$300|\$300; USD 100) ·/);
    expect(out).toMatch(/^A1 .* USD 100 /m);
    expect(out).toMatch(/^B1 .* \$300 /m);
    // $50.00 of the "$" lines' 300 + 50: 14.3%
    expect(out).toContain('1 no account (row 6; $50.00, 14.3% of "$" revenue)');
    expect(out).not.toContain("of USD revenue");
  });
});
