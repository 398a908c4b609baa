/**
 * "Fr." / "Fr" is the Swiss franc's symbol and other francs' (CFA, CFP, Congolese, Rwandan, …).
 * Before: always read as CHF. Now the culture names it (de-CH, fr-CH, it-CH: CHF; fr-SN: XOF),
 * else the summary says which currencies it may be, as for "$" and "kr"; "CHF" and "SFr." stay
 * CHF. Figures by hand from test/fixtures/tester/ch-franken-fr.csv; as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildCli, kap } from "./kapProcess";

jest.setTimeout(120_000);

beforeAll(() => {
  buildCli();
});

const dir = mkdtempSync(join(tmpdir(), "kap-franc-"));
const SWISS = resolve(__dirname, "../fixtures/tester/ch-franken-fr.csv");

function run(file: string, ...args: string[]): string {
  const r = kap("analyze", file, "--as-of", "2026-10-31", ...args);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
}

// K-2001: 450.00 + 2'148.00 − 179.00 = 2'419.00; K-2002: 400.00 + 3'703.50 − 1'234.50 = 2'869.00;
// together 5'288.00
describe('a Swiss export written "Fr. 1\'234.50"', () => {
  test("no culture: shown with Fr, no currency named, and what it may be is said", () => {
    const out = run(SWISS);
    expect(out).toContain(
      '  Currency: none named in the data (amounts shown in "Fr", as the amounts write it: CHF, XOF, XAF, XPF, CDF, RWF, BIF, GNF, DJF or KMF, not known which)'
    );
    expect(out).toContain(
      '! The currency is not known: the amounts are written with "Fr", which CHF, XOF, XAF, XPF, CDF, RWF, BIF, GNF, DJF and KMF all write, and nothing in the data or the culture says which.'
    );
    expect(out).toContain("Annual revenue: Fr 5,288 ·");
    expect(out).toMatch(/^K-2002 .* Fr 2,869 /m);
    expect(out).not.toContain("CHF 5,288");
  });

  test.each(["de-CH", "fr-CH", "it-CH"])("--culture %s: CHF", (culture) => {
    const out = run(SWISS, "--culture", culture);
    expect(out).toContain("  Currency: CHF\n");
    expect(out).toContain("Annual revenue: CHF 5,288 ·");
    expect(out).not.toContain("The currency is not known");
  });

  test("--culture fr-FR names no franc (its currency is EUR): not known", () => {
    const out = run(SWISS, "--culture", "fr-FR");
    expect(out).toContain("The currency is not known");
    expect(out).not.toContain("Currency: CHF");
  });
});

test('"SFr." and "CHF" stay CHF with no culture', () => {
  const path = join(dir, "sfr.csv");
  writeFileSync(
    path,
    [
      "Customer,Invoice,Date,Product,Quantity,Amount",
      "Huber AG,R-1,02/09/2026,KB-200,10,SFr. 45.00",
      "Huber AG,R-2,14/10/2026,KB-200,2,CHF 9.00",
    ].join("\n") + "\n"
  );
  const out = run(path);
  // 45.00 + 9.00 = 54.00
  expect(out).toContain("  Currency: CHF\n");
  expect(out).toContain("Annual revenue: CHF 54 ·");
  expect(out).not.toContain("The currency is not known");
});
