/**
 * SAP's and German ERPs' cancellations read in the task pane as `kap` reads them
 * (test/ingest/creditCancellation.test.ts, billingCancellationLate.test.ts): a lone S2 (its
 * credit note issued before the list starts) is no sale; a "Storno" first met past the rows the
 * reading is planned on is paired with the Rechnung it cancels all the same (the pane reads the
 * sheet again from Excel with the pairing on). The cells as Excel holds a pasted list: numbers and
 * date serials. Figures worked by hand.
 */
import { ExcelDouble } from "../excel-double/excel";
import { createExcelHost } from "../../src/engine/excelHost";
import { defaultSettings } from "../../src/engine/settings";
import type { KapSettings } from "../../src/engine/contract";
import { ymdToSerial as d } from "../../src/domain/dates";

async function analyse(x: ExcelDouble, asOf: string) {
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  const s: KapSettings = { ...defaultSettings(), asOf };
  const host = createExcelHost();
  const list = await host.analyze(s, () => undefined, new AbortController().signal);
  const summary = (await host.discover(s, { reuse: true })).summary!;
  return { host, summary, revenue: Object.fromEntries(list.map((a) => [a.id, a.revenue12m])) };
}

test("SAP's S2 cancels the G2 of its customer and value; an S2 that cancels none is no sale, its value said", async () => {
  const x = new ExcelDouble(["Billing"]);
  x.model.fill(x.sheet("Billing"), "A1", [
    [
      "Billing Document",
      "Billing Type",
      "Billing Date",
      "Sold-To Party",
      "Name",
      "Material",
      "Billed Quantity",
      "Net Value",
      "Currency",
    ],
    [90002001, "F2", d(2026, 10, 1), 100031, "Quay Ltd", "PF-15", 50, 400, "GBP"],
    [90002002, "G2", d(2026, 10, 5), 100031, "Quay Ltd", "PF-15", 5, 40, "GBP"],
    [90002003, "S2", d(2026, 10, 6), 100031, "Quay Ltd", "PF-15", 5, 40, "GBP"],
    [90002004, "F2", d(2026, 10, 2), 100032, "Pier Ltd", "PF-10", 10, 100, "GBP"],
    [90002005, "G2", d(2026, 10, 7), 100032, "Pier Ltd", "PF-10", 2, 20, "GBP"],
    [90002006, "S2", d(2026, 10, 8), 100032, "Pier Ltd", "PF-10", 1, 10, "GBP"],
  ]);
  const { revenue, summary } = await analyse(x, "2026-10-31");
  // Quay: F2 400.00; G2 40.00 cancelled by S2 40.00, both out: 400.00
  // Pier: F2 100.00 − G2 20.00 = 80.00; its S2 10.00 cancels no credit of 10.00 in the list: left
  // out (read as a sale it would make 90.00)
  expect(revenue).toEqual({ "100031": 400, "100032": 80 });
  expect(summary.warnings).toContain(
    "The cancellation (S2) 90002006 cancels no credit note of the same customer and value in the file: left out, neither a sale nor a return: the credit note it cancels is not in the file (its value is said among the skipped rows)."
  );
  // the rows read: 6 − the lone S2 (row 7) − the pair (rows 3, 4) = 3 order lines
  expect(summary.rows).toBe(3);
});

test("a Storno first met past the rows the reading is planned on is paired all the same", async () => {
  const x = new ExcelDouble(["Belege"]);
  const rows: (string | number)[][] = [
    [
      "Belegart",
      "Belegnummer",
      "Belegdatum",
      "Kundennummer",
      "Kunde",
      "Artikelnummer",
      "Menge",
      "Nettobetrag",
    ],
  ];
  // rows 2–1,501: Rechnung only, the sample shows no cancellation
  for (let n = 0; n < 1500; n++)
    rows.push(["Rechnung", `RE-${5000 + n}`, d(2026, 10, 13), 10009, "Filler AG", "A-9", 1, 10]);
  rows.push(
    ["Rechnung", "RE-1001", d(2026, 10, 14), 10001, "Müller GmbH", "A-1", 10, 100],
    ["Rechnung", "RE-1002", d(2026, 10, 15), 10001, "Müller GmbH", "A-2", 2, 60],
    ["Storno", "ST-1001", d(2026, 10, 16), 10001, "Müller GmbH", "A-1", 10, -100]
  );
  x.model.fill(x.sheet("Belege"), "A1", rows);
  const { revenue, summary, host } = await analyse(x, "2026-10-31");
  // Filler 1,500 × 10 = 15,000; Müller RE-1001 100 and ST-1001 −100 both out, RE-1002 60
  expect(revenue).toEqual({ "10009": 15000, "10001": 60 });
  // 1,503 rows − the pair = 1,501 order lines
  expect(summary.rows).toBe(1501);
  expect(summary.warnings.join("\n")).toContain(
    '"Belegart" lists a cancellation ("Storno") of an invoice (ST-1001 cancels RE-1001)'
  );
  expect(summary.warnings.join("\n")).not.toContain("from the command line");
  // no return: read unpaired, the Storno was "1 return in the last 30 days, worth 100"
  const g = await host.glance("10001");
  expect(g!.alerts.map((a) => a.message).join("\n")).not.toMatch(/return/i);
});
