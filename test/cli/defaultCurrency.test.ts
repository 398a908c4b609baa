/**
 * Money with no currency of its own is shown in the currency the data names (a number format, the
 * symbol on a report's totals rows), else the culture's (kap --culture), else KAP's default GBP; the
 * summary says which. A "$" names no one currency: the culture's dollar, else the bare "$" with no
 * ISO code. Multi-currency data (a currency column) is not changed by the culture.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

jest.setTimeout(120_000);

const KAP = resolve(__dirname, "../../bin/kap.js");
const FIXTURES = resolve(__dirname, "../fixtures");
const dir = mkdtempSync(join(tmpdir(), "kap-defccy-"));

beforeAll(() =>
  execFileSync(process.execPath, [resolve(__dirname, "../../scripts/build-cli.mjs")])
);

function analyze(...args: string[]) {
  const r = spawnSync(process.execPath, [KAP, "analyze", ...args, "-q"], { encoding: "utf8" });
  expect(r.status).toBe(0);
  return r.stdout;
}

// A German ERP export: ;-delimited, Windows-1252 (ü, Dübel), decimal commas, no € anywhere.
const GERMAN = [
  "Belegdatum;Kunde;Artikel;Menge;Einzelpreis;Betrag netto",
  "03.09.2026;Müller Elektro GmbH;Kabelbinder;10;4,50;45,00",
  "15.10.2026;Müller Elektro GmbH;Kabelschellen;200;0,25;50,00",
  "20.10.2026;Schulz Bau KG;Dübel;1000;0,125;125,00",
].join("\r\n");
const german = join(dir, "umsatz.csv");
writeFileSync(german, Buffer.from(GERMAN, "latin1"));

test("a German export with --culture de-DE: amounts in EUR, from the culture de-DE, in € not £", () => {
  const out = analyze(german, "--culture", "de-DE");
  expect(out).toContain(
    "Currency: none named in the data (amounts shown in EUR, from the culture de-DE)"
  );
  // 45,00 + 50,00 + 125,00 = 220 → €220; Müller 45 + 50 = €95; Schulz €125
  expect(out).toContain("Annual revenue: €220 ·");
  expect(out).toMatch(/Müller Elektro GmbH .* €95 /);
  expect(out).toMatch(/Schulz Bau KG .* €125 /);
  expect(out).not.toContain("£");
});

test("the same export without a culture: decimal commas doubt the default £, so no symbol", () => {
  const out = analyze(german);
  expect(out).toContain("Currency: none named in the data (amounts shown with no symbol)");
  // 45,00 + 50,00 + 125,00 = 220, with no currency symbol
  expect(out).toContain("Annual revenue: 220 ·");
  expect(out).not.toContain("£");
});

const QBO = join(FIXTURES, "exports/quickbooks-online-sales-by-customer-detail.csv");

test("QuickBooks Online customer detail: the bare '$' on its 'Total for …' rows is shown as '$', never called USD", () => {
  const out = analyze(QBO);
  // a "$" is USD, CAD, AUD … alike: without a culture KAP names no ISO code (was "USD")
  expect(out).toContain(
    'Currency: none named in the data (amounts shown in "$", as the totals rows write it: USD, CAD, AUD, NZD, SGD, HKD or MXN, not known which)'
  );
  expect(out).not.toContain("Currency: USD");
  expect(out).not.toContain("amounts shown in USD");
  // Brightwell 45 + 40 + 42 = 127; Harbour 18 − 9 + 15 = 24; Northfield 20 + 90 = 110; 127 + 24 + 110 = 261
  expect(out).toContain("Annual revenue: $261 ·");
  expect(out).not.toContain("£");
});

test("the '$' of a Canadian culture's data is the Canadian dollar", () => {
  const out = analyze(QBO, "--culture", "en-CA");
  expect(out).toContain(
    "amounts shown in CAD, from the $ on the totals rows and the culture en-CA)"
  );
  expect(out).toContain("Annual revenue: CAD 261 ·");
});

test("a currency column: the culture changes nothing, currencies are never added", () => {
  const out = analyze(join(FIXTURES, "tester/multi-currency.csv"), "--culture", "en-US");
  expect(out).toContain("Currency: EUR, GBP, USD");
  // EUR 50 + 50 = 100; GBP 100 + 100 = 200; USD 10
  expect(out).toContain("Annual revenue by currency: €100; £200; $10 ·");
  expect(out).not.toContain("amounts shown in");
});

test("'$' on the lines themselves: '$', or the Canadian dollar with --culture en-CA; 'USD' written out stays USD", () => {
  const file = join(dir, "dollars.csv");
  writeFileSync(
    file,
    "Customer ID,Invoice Date,Invoice No,SKU,Qty,Line Total\nA1,2026-10-05,I1,P1,2,$40.00\nB2,2026-10-06,I2,P1,1,$25.50\n"
  );
  // 40.00 + 25.50 = 65.50 → 66
  expect(analyze(file)).toContain("Annual revenue: $66 ·");
  const ca = analyze(file, "--culture", "en-CA");
  expect(ca).toContain("Currency: CAD");
  expect(ca).toContain("Annual revenue: CAD 66 ·");
  const written = join(dir, "usd.csv");
  writeFileSync(
    written,
    "Customer ID,Invoice Date,Invoice No,SKU,Qty,Line Total\nA1,2026-10-05,I1,P1,2,USD 40.00\n"
  );
  expect(analyze(written, "--culture", "en-CA")).toContain("Currency: USD");
});

describe("--json writes the currency it names, never 'XXX'", () => {
  /** kap analyze --json, parsed, and every "currency" value and money-map key in it. */
  function json(...args: string[]) {
    const r = spawnSync(process.execPath, [KAP, "analyze", ...args, "--json", "-q"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as {
      ingest: { warnings: string[] };
      portfolio: {
        dashboard: { annualRevenue: Record<string, number> };
        accounts: { accountId: string; currency: string | null }[];
      };
    };
    return { j, text: r.stdout };
  }

  test("the '$' on QuickBooks' totals rows with --culture en-US: USD in every account and money map", () => {
    const { j, text } = json(QBO, "--culture", "en-US");
    // Brightwell 45 + 40 + 42 = 127; Harbour 18 − 9 + 15 = 24; Northfield 20 + 90 = 110: 261
    expect(j.portfolio.dashboard.annualRevenue).toEqual({ USD: 261 });
    expect(j.portfolio.accounts.map((a) => a.currency)).toEqual(["USD", "USD", "USD"]);
    expect(text).not.toContain("XXX");
  });

  test("the bare '$' with no culture: no ISO code (null, 'XXX'), and a warning says why, never USD", () => {
    const { j } = json(QBO);
    expect(j.portfolio.dashboard.annualRevenue).toEqual({ XXX: 261 });
    expect(j.portfolio.accounts.map((a) => a.currency)).toEqual([null, null, null]);
    expect(j.ingest.warnings).toContain(
      'The amounts\' "$" names no one currency (USD, CAD, AUD, NZD, SGD, HKD, MXN all write it): "currency" is null, and money keyed by currency is under "XXX" (ISO 4217\'s "no currency"). kap\'s text and sheets show it with "$"; give --culture (the company\'s country) to name it.'
    );
  });

  test("with --culture de-DE on a German export: EUR", () => {
    const { j, text } = json(german, "--culture", "de-DE");
    // 45,00 + 50,00 + 125,00 = 220
    expect(j.portfolio.dashboard.annualRevenue).toEqual({ EUR: 220 });
    expect(text).not.toContain("XXX");
  });

  test("nothing names the currency (no column, symbol, format, totals row or culture): null, and a warning says so", () => {
    const { j, text } = json(german);
    expect(j.portfolio.accounts.map((a) => a.currency)).toEqual([null, null]);
    expect(j.ingest.warnings).toContain(
      'No currency is named in the data (no currency column, symbol, number format or totals row) and no culture was given: "currency" is null, and money keyed by currency is under "XXX" (ISO 4217\'s "no currency"). kap\'s text and sheets show it with no symbol; give --culture (e.g. de-DE) to name it.'
    );
    expect(text).not.toContain('"currency":"XXX"');
  });

  test("lines with no currency beside lines in GBP: their currency is null, with a warning, never 'XXX' nor GBP", () => {
    const file = join(dir, "mixed.csv");
    writeFileSync(
      file,
      "Customer ID,Invoice Date,Invoice No,SKU,Qty,Line Total,Currency\nA1,2026-10-05,I1,P1,2,40.00,GBP\nB2,2026-10-06,I2,P1,1,25.50,\n"
    );
    const { j, text } = json(file);
    const by = Object.fromEntries(j.portfolio.accounts.map((a) => [a.accountId, a.currency]));
    expect(by).toEqual({ A1: "GBP", B2: null });
    expect(j.ingest.warnings).toContain(
      '1 order line names no currency, beside lines in GBP: its "currency" is null, and money keyed by currency is under "XXX" (ISO 4217\'s "no currency"), never added to another currency\'s.'
    );
    expect(text).not.toContain('"currency":"XXX"');
  });
});

describe("kap clv --json says so too when the currency is null", () => {
  function clv(...args: string[]) {
    const r = spawnSync(process.execPath, [KAP, "clv", ...args, "--json", "-q"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    return JSON.parse(r.stdout) as { warnings: string[] };
  }

  test("nothing names the currency: the same warning as kap analyze --json", () => {
    // the German export: no currency column, no €, no culture (as in the analyze test above)
    expect(clv(german, "--as-of", "2026-10-31").warnings).toEqual([
      'No currency is named in the data (no currency column, symbol, number format or totals row) and no culture was given: "currency" is null, and money keyed by currency is under "XXX" (ISO 4217\'s "no currency"). kap\'s text and sheets show it with no symbol; give --culture (e.g. de-DE) to name it.',
    ]);
  });

  test("a culture names it (EUR): no warning", () => {
    expect(clv(german, "--as-of", "2026-10-31", "--culture", "de-DE").warnings).toEqual([]);
  });
});

describe("a continental export with no currency named: the summary says the default £ is most likely wrong", () => {
  const DOUBT =
    "No currency is named in the data, and its numbers are written with a decimal comma (\"Betrag netto\"), as in continental Europe: KAP's default, GBP, is most likely not their currency, so the amounts are shown with no currency symbol. Give --culture (e.g. de-DE or fr-FR for euros), or a currency column, to name it (in Excel, the workbook's regional format).";

  test("the German export (4,50; 0,125): the warning, as a '!' line", () => {
    expect(analyze(german)).toContain(`! ${DOUBT}`);
  });

  test("with --culture de-DE (EUR named): no such warning", () => {
    expect(analyze(german, "--culture", "de-DE")).not.toContain("most likely not their currency");
  });

  test("a decimal-point export with no currency: shown in GBP as before, no such warning", () => {
    const file = join(dir, "uk.csv");
    writeFileSync(
      file,
      "Customer ID,Invoice Date,Invoice No,SKU,Qty,Line Total\nA1,2026-10-05,I1,P1,2,40.50\n"
    );
    const out = analyze(file);
    expect(out).toContain("amounts shown in GBP, the default)");
    expect(out).not.toContain("most likely not their currency");
  });
});
