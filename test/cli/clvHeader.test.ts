/**
 * `kap clv`'s table says its 12-month columns are forecasts: they were headed "Orders 12m" and
 * "Revenue 12m", the words `kap analyze` uses for the last 12 months' actual revenue, so the
 * sample's C0204 read £228,972 in one and 161,512 in the other under the same heading.
 */
import { printClv } from "../../src/cli/clv";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import type { Grid } from "../../src/ingest/grid";

test("the forecast columns are headed as expected orders and revenue of the next 12 months", async () => {
  const rows: (string | number)[][] = [["Customer", "Order Date", "SKU", "Qty", "Revenue"]];
  // A and B order on the 1st of each month of 2026 (A 100, B 50), C once
  for (let m = 1; m <= 10; m++) {
    const day = `2026-${String(m).padStart(2, "0")}-01`;
    rows.push(["A", day, "S", 1, 100], ["B", day, "S", 1, 50]);
  }
  rows.push(["C", "2026-03-01", "S", 1, 70]);
  const grid: Grid = { name: "Orders", values: rows };
  const e = new KapEngine();
  await loadGrids(e, [grid], defaultSettings());
  e.analyze(defaultSettings());
  const lines: string[] = [];
  printClv(e, (s) => lines.push(s));
  const header = lines.find((l) => l.startsWith("Account "))!;
  expect(header).toBe(
    "Account      Orders x       P(alive) Exp. orders 12m Exp. revenue 12m          CLV"
  );
  // each figure ends under its heading's last letter
  // (a row from a fit that is not reliable says so after its figures: 4cc0623)
  const a = lines[lines.indexOf(header) + 1].replace(/ {2}not reliable$/, "");
  expect(a.startsWith("A ")).toBe(true);
  expect(a.length).toBe(header.length);
  // the forecasts in money, with the symbol kap analyze gives the same account's revenue (was
  // "161,512" beside analyze's "£228,972" for the sample's C0204)
  expect(e.unnamedCurrency).toBe("GBP");
  expect(a).toMatch(/ £[\d,]+ +£[\d,]+$/);
});
