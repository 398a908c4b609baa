/**
 * The summary's money carries the currency KAP says it shows it in: with no currency in the data,
 * the revenue column's number format (€ here), the same as the alerts and the written sheets.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";

jest.setTimeout(120_000);

const KAP = resolve(__dirname, "../../bin/kap.js");
const dir = mkdtempSync(join(tmpdir(), "kap-ccy-"));

beforeAll(() =>
  execFileSync(process.execPath, [resolve(__dirname, "../../scripts/build-cli.mjs")])
);

test("a euro-formatted revenue column, the euro after the figure: 'Annual revenue: 123 €' and each account in €, not £", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Orders");
  ws.addRow(["Customer ID", "Invoice Date", "Invoice No", "SKU", "Category", "Qty", "Line Total"]);
  const lines: [string, number, number, number][] = [
    ["A1", 5, 10, 100],
    ["A1", 6, 4, 20],
    ["B2", 7, 1, 2.5],
  ];
  lines.forEach(([a, day, q, v], i) => {
    const row = ws.addRow([a, new Date(Date.UTC(2026, 9, day)), `I${i}`, "P1", "Ties", q, v]);
    row.getCell(7).numFmt = "#,##0.00 [$€-407]";
  });
  const file = join(dir, "eur-format.xlsx");
  await wb.xlsx.writeFile(file);
  const r = spawnSync(process.execPath, [KAP, "analyze", file, "--as-of", "2026-10-31", "-q"], {
    encoding: "utf8",
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("amounts shown in EUR, from the revenue column's number format");
  // 100 + 20 + 2.50 = 122.50 → 123 €; A1 100 + 20 = 120 €; B2 2.50 € → 3 €: the euro after the
  // figure, as the format's cells show it ("122.50 €"), a no-break space between
  expect(r.stdout).toContain("Annual revenue: 123\u00a0€ ·");
  expect(r.stdout).toMatch(/^A1 .* 120\u00a0€ /m);
  expect(r.stdout).toMatch(/^B2 .* 3\u00a0€ /m);
  expect(r.stdout).not.toContain("£");
});

test("a unit price column before the revenue column does not hide the revenue's € format (German layout: Menge, Preis, Betrag)", async () => {
  // Preis is left General and stands before Betrag, whose format is Excel's German '#,##0.00 "€"':
  // the money is in euros, not KAP's default pounds.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Umsatz");
  ws.addRow(["Kunde", "Kd-Nr", "Datum", "Artikel", "Menge", "Preis", "Betrag"]);
  const lines: [string, string, number, number][] = [
    ["Meier KG", "D100", 1, 10],
    ["Huber OHG", "D200", 2, 3],
  ];
  for (const [name, id, day, qty] of lines) {
    const row = ws.addRow([
      name,
      id,
      new Date(Date.UTC(2026, 9, day)),
      "Kabel",
      qty,
      12.5,
      qty * 12.5,
    ]);
    row.getCell(7).numFmt = '#,##0.00 "€"';
  }
  const file = join(dir, "preis-betrag.xlsx");
  await wb.xlsx.writeFile(file);
  const r = spawnSync(process.execPath, [KAP, "analyze", file, "--as-of", "2026-10-31", "-q"], {
    encoding: "utf8",
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("amounts shown in EUR, from the revenue column's number format");
  // D100 10 × 12.50 = 125 €; D200 3 × 12.50 = 37.50 € → 38 €; together 162.50 € → 163 €, the
  // euro after the figure as '#,##0.00 "€"' shows it
  expect(r.stdout).toContain("Annual revenue: 163\u00a0€ ·");
  expect(r.stdout).toMatch(/^D100 .* 125\u00a0€ /m);
  expect(r.stdout).toMatch(/^D200 .* 38\u00a0€ /m);
  expect(r.stdout).not.toContain("£");
});

test("a revenue column left General names no currency: the pounds are KAP's default, not 'from the revenue column's number format'", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Orders").addRows([
    ["Customer ID", "Invoice Date", "SKU", "Qty", "Line Total"],
    ["A1", new Date(Date.UTC(2026, 9, 5)), "P1", 2, 40],
  ]);
  const file = join(dir, "general.xlsx");
  await wb.xlsx.writeFile(file);
  const r = spawnSync(process.execPath, [KAP, "analyze", file, "--as-of", "2026-10-31", "-q"], {
    encoding: "utf8",
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("amounts shown in GBP, the default)");
  expect(r.stdout).toContain("Annual revenue: £40 ·");
});

test("lines that name no currency beside lines in GBP are shown with no symbol, and said once (were '£', as if GBP)", () => {
  const file = join(dir, "some-unnamed.csv");
  writeFileSync(
    file,
    [
      "Customer ID,Order Date,SKU,Qty,Revenue,Currency",
      "A1,2026-10-01,X,1,10,GBP",
      "A1,2026-10-02,X,1,20,GBP",
      "B2,2026-10-03,X,1,10,",
      "B2,2026-10-04,Y,1,5,",
      "C3,2026-10-05,X,1,7,GBP",
      "C3,2026-10-06,X,1,3,",
    ].join("\n")
  );
  const r = spawnSync(process.execPath, [KAP, "analyze", file, "--as-of", "2026-10-31", "-q"], {
    encoding: "utf8",
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(
    "  Currency: GBP; 3 order lines name no currency (their amounts are shown with no symbol)\n"
  );
  // GBP: A1 10 + 20 + C3 7 = £37; no currency: B2 10 + 5 + C3 3 = 18
  expect(r.stdout).toContain("Annual revenue by currency: £37; 18 (no currency) ·");
  expect(r.stdout).toMatch(/^A1 .* £30 /m);
  expect(r.stdout).toMatch(/^B2 .* {2}15 /m);
  expect(r.stdout).toMatch(/^C3 \(GBP\) .* £7 /m);
  expect(r.stdout).toMatch(/^C3 \(no currency\) .* {2}3 /m);
  expect(r.stdout).not.toMatch(/£(15|18|3)\b/);
});

test("an alert of an account whose lines name no currency (others name GBP) writes its money with no symbol, as its revenue is (was '£10.00')", () => {
  const file = join(dir, "unnamed-alert.csv");
  writeFileSync(
    file,
    [
      "Customer ID,Order Date,SKU,Qty,Revenue,Currency",
      "A1,2026-10-01,X,1,10,GBP",
      "A1,2026-10-20,X,1,20,GBP",
      "B2,2026-06-10,X,1,100,",
      "B2,2026-07-10,X,1,100,",
      "B2,2026-08-10,X,1,100,",
      "B2,2026-10-20,X,1,10,",
    ].join("\n")
  );
  const r = spawnSync(process.execPath, [KAP, "analyze", file, "--as-of", "2026-10-31", "-q"], {
    encoding: "utf8",
  });
  expect(r.status).toBe(0);
  // B2: 12-month average order (100 + 100 + 100 + 10) / 4 = 77.50; last order 10.00 is 12.9% → 13%
  expect(r.stdout).toMatch(
    /^B2 .* {2}310 {2}Last order 10\.00 is 13% of the 12-month average order 77\.50\.$/m
  );
  // A1's pounds keep their symbol: 10 + 20 = £30
  expect(r.stdout).toMatch(/^A1 .* £30 /m);
  expect(r.stdout).not.toMatch(/£(10\.00|77\.50)/);
});

test("kap sheets: the money cells of an account whose lines name no currency (others name GBP) carry no £ either, as its alerts do", async () => {
  const file = join(dir, "unnamed-sheets.csv");
  writeFileSync(
    file,
    [
      "Customer ID,Order Date,SKU,Qty,Revenue,Currency",
      "A1,2026-10-01,X,1,10,GBP",
      "A1,2026-10-20,X,1,20,GBP",
      "B2,2026-06-10,X,1,100,",
      "B2,2026-07-10,X,1,100,",
      "B2,2026-08-10,X,1,100,",
      "B2,2026-10-20,X,1,10,",
    ].join("\n")
  );
  const out = join(dir, "unnamed-b2.xlsx");
  const r = spawnSync(
    process.execPath,
    [KAP, "sheets", file, "--account", "B2", "--as-of", "2026-10-31", "--out", out, "-q"],
    { encoding: "utf8" }
  );
  expect(r.status).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  // B2's 12-month revenue, 100 + 100 + 100 + 10 = 310, wherever it is written: no £ in its format;
  // A1's 10 + 20 = 30 keeps its pounds
  const formats = (value: number) => {
    const found: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.value === value) found.push(c.numFmt ?? "");
        })
      )
    );
    return found;
  };
  expect(formats(310).length).toBeGreaterThan(0);
  expect(formats(310).filter((f) => f.includes("£"))).toEqual([]);
  expect(formats(30).some((f) => f.includes("£"))).toBe(true);
});

test("German ERP money ('#,##0.00 [$€-407]', cells '2,111.05 €'): the sheets' text says '2,111.05 €' too, not '€2,111.05'", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Orders");
  ws.addRow(["Customer ID", "Order Date", "Order No", "SKU", "Category", "Qty", "Line Total"]);
  // A1's orders: 3 Feb 1,123.45, 3 Jun 1,617.25, 3 Oct 2,111.05; B2 one order on 3 Oct
  const lines: [string, number, number][] = [
    ["A1", 1, 1123.45],
    ["A1", 5, 1617.25],
    ["A1", 9, 2111.05],
    ["B2", 9, 500],
  ];
  lines.forEach(([a, month, v], i) => {
    const row = ws.addRow([a, new Date(Date.UTC(2026, month, 3)), `O${i}`, "P1", "Cat", 1, v]);
    row.getCell(7).numFmt = "#,##0.00 [$€-407]";
  });
  const file = join(dir, "erp-eur.xlsx");
  await wb.xlsx.writeFile(file);
  const out = join(dir, "erp-eur-a1.xlsx");
  const r = spawnSync(process.execPath, [KAP, "sheets", file, "--account", "A1", "--out", out], {
    encoding: "utf8",
  });
  expect(r.status).toBe(0);
  const written = new ExcelJS.Workbook();
  await written.xlsx.readFile(out);
  const texts: string[] = [];
  written.eachSheet((s) =>
    s.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === "string") texts.push(c.value);
      })
    )
  );
  // as of 3 Oct (the last order): the last 3 months hold 2,111.05; the 12 before (to 3 Jul, named
  // by that date), 1,123.45 and 1,617.25, an average of 2,740.70 / 2 = 1,370.35
  expect(texts).toContain(
    "average order 2,111.05\u00a0€ in the last 3 months vs 1,370.35\u00a0€ in the 12 months to 03/07/2026 (+54%)"
  );
  expect(texts.join("\n")).not.toMatch(/€\d/);
});
