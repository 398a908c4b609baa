/**
 * A payments ledger date that is written but is no date (31/02/2026, a paid date typed 31/09/2026)
 * is not read as blank: a blank paid date means unpaid, so the invoice counted as overdue to the
 * as-of date, and a blank due date dropped the invoice, both without a word. Such a row is skipped
 * and counted, with its row number; words such as "tbc" still mean no date yet.
 */
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import type { Grid } from "../../src/ingest/grid";
import { ymdToSerial as d } from "../../src/domain/dates";

const grid = (name: string, values: Grid["values"]): Grid => ({ name, values, top: 1, left: 1 });

test("two rows with impossible dates are skipped and named; Payment from the rest", async () => {
  const engine = new KapEngine();
  const report = await loadGrids(
    engine,
    [
      grid("Orders", [
        ["Order Date", "Invoice No", "Customer ID", "SKU", "Category", "Qty", "Line Total"],
        [d(2026, 9, 1), "I1", "A1", "X", "Tape", 1, 100],
        [d(2026, 10, 1), "I2", "A1", "Y", "Gloves", 1, 50],
      ]),
      grid("Payments", [
        ["Invoice No", "Account No", "Invoice Date", "Due Date", "Paid Date", "Amount"],
        ["I1", "A1", "01/09/2026", "31/02/2026", "05/10/2026", 100],
        ["I3", "A1", "01/08/2026", "31/08/2026", "10/09/2026", 50],
        ["I4", "A1", "01/08/2026", "30/08/2026", "31/09/2026", 1000],
        ["I5", "A1", "01/10/2026", "30/11/2026", "tbc", 80],
      ]),
    ],
    defaultSettings()
  );
  const p = engine.analyze({ ...defaultSettings(), asOf: "2026-10-31" });
  const led = p.accounts.find((a) => a.accountId === "A1")!.health.inputs.paymentLedger!;
  // I3 alone: paid 10/09 − due 31/08 = 10 days (I5 "tbc" is not due until 30/11: not counted).
  // Before: I4's paid date read as blank, unpaid 62 days at 31/10: (50 × 10 + 1000 × 62) / 1050 = 59.5 → 60.
  expect(led).toMatchObject({ days: 10, invoices: 1 });
  const note = [...report.warnings, ...engine.side.notes].find((w) => /^Payments ledger/.test(w));
  expect(note).toMatch(/2 rows skipped/);
  expect(note).toMatch(/rows 2, 4/);
  expect(note).toMatch(/31\/02\/2026/);
});
