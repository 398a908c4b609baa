/**
 * `kap clv` over euro and dollar accounts: CLV in different currencies is never compared (no
 * exchange rates), so the accounts are ranked within their currency, one list a currency headed by
 * its code, as the dashboard gives one figure a currency. Before: one list, most CLV first across
 * currencies — €3,274, then $775 ahead of €218, as if a dollar and a euro were the same money.
 */
import { printClv } from "../../src/cli/clv";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import type { Grid } from "../../src/ingest/grid";

async function clvLines(rows: (string | number)[][]): Promise<string[]> {
  const grid: Grid = {
    name: "Orders",
    values: [["Customer", "Order Date", "SKU", "Qty", "Revenue", "Currency"], ...rows],
  };
  const e = new KapEngine();
  await loadGrids(e, [grid], defaultSettings());
  e.analyze(defaultSettings());
  const lines: string[] = [];
  printClv(e, (s) => lines.push(s));
  return lines;
}

/** The account names of a table's rows under `heading`, up to the next blank line. */
function listUnder(lines: string[], heading: string): string[] {
  const at = lines.indexOf(heading);
  expect(at).toBeGreaterThan(0);
  expect(lines[at - 1]).toBe("");
  expect(lines[at + 1].startsWith("Account ")).toBe(true);
  const out: string[] = [];
  for (let i = at + 2; i < lines.length && lines[i] !== ""; i++)
    out.push(lines[i].slice(0, 12).trim());
  return out;
}

test("euro and dollar accounts: one ranking a currency, each headed EUR / USD", async () => {
  const rows: (string | number)[][] = [];
  // on the 1st of each month, January to October 2026: every account orders 10 times, so each
  // currency's fit gives its accounts the same expected orders, and CLV goes with the order value
  for (let m = 1; m <= 10; m++) {
    const day = `2026-${String(m).padStart(2, "0")}-01`;
    rows.push(
      ["Euro Big", day, "S", 1, 300, "EUR"],
      ["Euro Small", day, "S", 1, 20, "EUR"],
      ["Dollar Mid", day, "S", 1, 100, "USD"],
      ["Dollar Low", day, "S", 1, 10, "USD"]
    );
  }
  const lines = await clvLines(rows);
  // €300 an order before €20; $100 before $10; never a dollar account among the euro ones
  expect(listUnder(lines, "EUR")).toEqual(["Euro Big", "Euro Small"]);
  expect(listUnder(lines, "USD")).toEqual(["Dollar Mid", "Dollar Low"]);
  // the euro list in euros, the dollar list in dollars
  const eur = lines.indexOf("EUR");
  const usd = lines.indexOf("USD");
  expect(lines.slice(eur + 2, eur + 4).every((l) => /€/.test(l) && !/\$/.test(l))).toBe(true);
  expect(lines.slice(usd + 2, usd + 4).every((l) => /\$/.test(l) && !/€/.test(l))).toBe(true);
  // the currencies in the order their models are printed above
  expect(eur).toBeLessThan(usd);
});

test("one currency: one list, no heading (as before)", async () => {
  const rows: (string | number)[][] = [];
  for (let m = 1; m <= 10; m++) {
    const day = `2026-${String(m).padStart(2, "0")}-01`;
    rows.push(["A", day, "S", 1, 100, "EUR"], ["B", day, "S", 1, 50, "EUR"]);
  }
  const lines = await clvLines(rows);
  expect(lines).not.toContain("EUR");
  const header = lines.findIndex((l) => l.startsWith("Account "));
  expect(lines[header - 1]).toBe("");
  expect(lines.slice(header + 1).map((l) => l.slice(0, 12).trim())).toEqual(["A", "B"]);
});
