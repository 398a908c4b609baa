/**
 * Every money cell KAP writes is formatted in its own row's currency: in a file with euros and
 * rupees, each account's Revenue 12m shows € or ₹ (never the default £); a one-currency PLN file
 * shows "PLN" everywhere; a US export read with --culture en-US gives a QBR in $.
 * Read back from the written .xlsx, as a user opening it in Excel sees the cells.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { buildCli, kap } from "./kapProcess";

jest.setTimeout(180_000);

const dir = mkdtempSync(join(tmpdir(), "kap-money-cells-"));
beforeAll(buildCli);

/** A money format: its currency's symbol or quoted code before the digits. */
const SYMBOL = /^(?:"([^"]+)"|([£€$¥₹]))#/;
const symbolOf = (numFmt: string | undefined): string | undefined => {
  const m = SYMBOL.exec(numFmt ?? "");
  return m ? (m[1] ?? m[2]).trim() : undefined;
};

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every money-formatted cell of the workbook: sheet, address, symbol, value. */
function moneyCells(wb: ExcelJS.Workbook) {
  const out: { sheet: string; at: string; symbol: string; value: unknown }[] = [];
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const symbol = symbolOf(c.numFmt);
        if (symbol) out.push({ sheet: ws.name, at: c.address, symbol, value: c.value });
      })
    );
  return out;
}

/** The table rows under a header row holding `header`: one map of header → cell per row, keyed by the first column. */
function tableRows(ws: ExcelJS.Worksheet, header: string): Map<string, Map<string, ExcelJS.Cell>> {
  let headerRow = 0;
  ws.eachRow((row, r) => {
    if (!headerRow && (row.values as unknown[]).includes(header)) headerRow = r;
  });
  expect(headerRow).toBeGreaterThan(0);
  const heads = ws.getRow(headerRow).values as unknown[];
  const rows = new Map<string, Map<string, ExcelJS.Cell>>();
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const id = row.getCell(1).value;
    if (typeof id !== "string" || !id) break;
    const cells = new Map<string, ExcelJS.Cell>();
    heads.forEach((h, c) => typeof h === "string" && cells.set(h, row.getCell(c)));
    rows.set(id, cells);
  }
  return rows;
}

test("euros and rupees in one file: each account's money cells in its own currency, on every portfolio sheet", async () => {
  const file = join(dir, "eur-inr.csv");
  writeFileSync(
    file,
    [
      "Customer ID,Customer,Invoice Date,Invoice No,SKU,Category,Qty,Line Total,Currency",
      "E1,Euro GmbH,2026-03-10,I1,P1,Cables,10,120.50,EUR",
      "E1,Euro GmbH,2026-09-20,I2,P2,Fittings,5,1630.50,EUR",
      "N1,Nair Traders,2025-06-01,I0,P1,Cables,10,5000,INR",
      "N1,Nair Traders,2026-05-05,I3,P1,Cables,100,40000,INR",
      "N1,Nair Traders,2026-10-15,I4,P1,Cables,50,25000,INR",
      "",
    ].join("\n")
  );
  const out = join(dir, "eur-inr.xlsx");
  const r = kap("sheets", file, "--as-of", "2026-10-31", "--account", "E1", "--out", out, "-q");
  expect(r.status).toBe(0);
  const wb = await readBook(out);

  // worked by hand (as of 31/10/2026; 12 months = 1/11/2025–31/10/2026):
  // E1 120.50 + 1,630.50 = €1,751, prior 12 months nothing → €0;
  // N1 40,000 + 25,000 = ₹65,000, prior 12 months (1/11/2024–31/10/2025) the 1/6/2025 order ₹5,000.
  const health = tableRows(wb.getWorksheet("KAP Account Health")!, "Revenue 12m");
  const want = {
    E1: { symbol: "€", r12: 1751, prior: 0 },
    N1: { symbol: "₹", r12: 65000, prior: 5000 },
  };
  for (const [id, w] of Object.entries(want)) {
    const row = health.get(id)!;
    expect(row.get("Revenue 12m")!.value).toBe(w.r12);
    expect(symbolOf(row.get("Revenue 12m")!.numFmt)).toBe(w.symbol);
    expect(row.get("Revenue prior 12m")!.value).toBe(w.prior);
    expect(symbolOf(row.get("Revenue prior 12m")!.numFmt)).toBe(w.symbol);
    // every money cell of the account's row (CLV, expected revenue, whitespace …) in its currency
    for (const c of row.values()) if (symbolOf(c.numFmt)) expect(symbolOf(c.numFmt)).toBe(w.symbol);
  }
  // The Whitespace Map: each account's spend in its own currency (Cables: E1 €120.50, N1 ₹65,000).
  const map = tableRows(wb.getWorksheet("KAP Whitespace Map")!, "Whitespace potential");
  expect(map.get("E1")!.get("Cables")!.value).toBe(120.5);
  expect(symbolOf(map.get("E1")!.get("Cables")!.numFmt)).toBe("€");
  expect(map.get("N1")!.get("Cables")!.value).toBe(65000);
  expect(symbolOf(map.get("N1")!.get("Cables")!.numFmt)).toBe("₹");
  // No money here is pounds: not one £ cell in the workbook.
  expect(moneyCells(wb).filter((c) => c.symbol === "£")).toEqual([]);
  // The dashboard's alert table: E1's "No order for 41 days" alert shows €1,751 in €. The table
  // ranks by revenue at stake now (the larger of the last and prior 12 months: €1,751 and €0).
  const alerts = tableRows(wb.getWorksheet("KAP Dashboard")!, "Alert");
  expect(alerts.get("E1")!.get("Revenue at stake")!.value).toBe(1751);
  expect(symbolOf(alerts.get("E1")!.get("Revenue at stake")!.numFmt)).toBe("€");
});

test("a file all in złoty: every money cell in PLN, none in the default £", async () => {
  const file = join(dir, "pln.csv");
  writeFileSync(
    file,
    [
      "Customer ID,Customer,Invoice Date,Invoice No,SKU,Category,Qty,Line Total,Currency",
      "K1,Żabka Instalacje,2026-04-10,F1,P1,Rury,10,1236.00,PLN",
      "K1,Żabka Instalacje,2026-06-12,F2,P2,Zawory,4,2076.40,PLN",
      "K2,Łęczna Budowlane,2026-10-20,F3,P1,Rury,3,309.00,PLN",
      "",
    ].join("\n")
  );
  const out = join(dir, "pln.xlsx");
  const r = kap("sheets", file, "--as-of", "2026-10-31", "--account", "K1", "--out", out, "-q");
  expect(r.status).toBe(0);
  const wb = await readBook(out);
  const cells = moneyCells(wb);
  expect(cells.length).toBeGreaterThan(10);
  expect(cells.filter((c) => c.symbol !== "PLN")).toEqual([]);
  // worked by hand: K1 1,236.00 + 2,076.40 = PLN 3,312.40, K2 PLN 309
  const health = tableRows(wb.getWorksheet("KAP Account Health")!, "Revenue 12m");
  expect(health.get("K1")!.get("Revenue 12m")!.value).toBe(3312.4);
  expect(health.get("K2")!.get("Revenue 12m")!.value).toBe(309);
});

test("a US export with --culture en-US: the QBR's money cells are in $, as its text", async () => {
  const file = join(dir, "us.csv");
  writeFileSync(
    file,
    [
      "Customer ID,Customer,Invoice Date,Invoice No,SKU,Category,Qty,Line Total",
      "U1,Acme Supply,02/10/2026,I1,P1,Valves,10,270.00",
      "U1,Acme Supply,07/15/2026,I2,P2,Pipe,50,1250.00",
      "U1,Acme Supply,08/20/2026,I3,P1,Valves,25,450.00",
      "U1,Acme Supply,10/29/2026,I4,P3,Fittings,11,220.00",
      "V2,Bolt Works,09/03/2026,I5,P1,Valves,5,90.00",
      "",
    ].join("\n")
  );
  const out = join(dir, "us-qbr.xlsx");
  const r = kap("qbr", file, "--culture", "en-US", "--account", "U1", "--out", out, "-q");
  expect(r.status).toBe(0);
  const wb = await readBook(out);
  const cells = moneyCells(wb);
  expect(cells.length).toBeGreaterThan(10);
  expect(cells.filter((c) => c.symbol !== "$")).toEqual([]);
  // worked by hand: FY2026 Q3 (Jul–Sep) 1,250 + 450 = $1,700; 12 months to 9/30/2026 270 + 1,250 + 450 = $1,970
  const cover = wb.getWorksheet("Cover")!;
  const byLabel = new Map<string, ExcelJS.Cell>();
  cover.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === "string") byLabel.set(label, row.getCell(2));
  });
  const q3 = byLabel.get("Spend after returns, FY2026 Q3")!;
  expect(q3.value).toBe(1700);
  expect(symbolOf(q3.numFmt)).toBe("$");
  const year = [...byLabel].find(([l]) => l.startsWith("Spend after returns, 12 months"))![1];
  expect(year.value).toBe(1970);
  expect(symbolOf(year.numFmt)).toBe("$");

  // the account's sheets too (Health Report, Breakdown …): $, not £
  const sheetsOut = join(dir, "us-sheets.xlsx");
  const s = kap("sheets", file, "--culture", "en-US", "--account", "U1", "--out", sheetsOut, "-q");
  expect(s.status).toBe(0);
  const all = moneyCells(await readBook(sheetsOut));
  expect(all.some((c) => c.sheet.startsWith("KAP Breakdown"))).toBe(true);
  expect(all.filter((c) => c.symbol !== "$")).toEqual([]);
});
