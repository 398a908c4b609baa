/**
 * Order lines whose money is written with a symbol several currencies write ("$12.00") and that
 * nothing names (a blank currency cell, no code), beside lines in named currencies. Before: no
 * word of them (only "2 order lines name no currency"), and a "$" line of a GBP order took the
 * order's GBP. Now a warning says how many, which rows and their value, and they are kept apart
 * from the coded lines; the culture names them when it is one of the symbol's currencies.
 * Figures by hand; as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
      '! 2 order lines (rows 3, 5; $42.00) name no currency code and are written with "$", which USD, CAD, AUD, NZD, SGD, HKD and MXN all write: nothing in the data or the culture says which, so they are kept apart from the lines in GBP and in USD, never added to them. Write the currency\'s code on those lines ("USD 12.00", or in the currency column), or give the culture of the company\'s country (kap --culture, e.g. en-AU for AUD, en-CA for CAD, en-US for USD; in Excel, the workbook\'s regional format) to name it.'
    );
    expect(out).toContain("Annual revenue by currency: 42 (no currency); £160; $25 ·");
    // Acme's GBP lines stay £160, its "$" line (12) apart
    expect(out).toMatch(/^Acme Ltd \(GBP\) .* £160 /m);
    expect(out).toMatch(/^Acme Ltd \(no currency\) .* 12 /m);
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
