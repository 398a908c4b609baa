/**
 * The dashboard's headline revenue over accounts in € and $: one figure a currency, each naming its
 * own, under a label that names none (was "Revenue, 12 months (EUR)" over €1,500 and $250 alike).
 * Worked by hand, as of 30/06/2025:
 *
 *   E1  EUR  01/03/2025 1,000 and 01/06/2025 500 → EUR 1,500 in the 12 months
 *   U1  USD  01/05/2025 250                       → USD 250
 */
import { analyzePortfolio } from "../../src/domain/analysis";
import { codedWhole, dashboardSheet } from "../../src/sheets/dashboardSheet";
import { layoutOptions } from "../../src/sheets/options";
import { parseCell, type SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2025, 6, 30);

/** Each written cell's value and number format by A1 address (last block written wins). */
function cellsOf(s: SheetSpec): Map<string, { value: unknown; format?: string }> {
  const out = new Map<string, { value: unknown; format?: string }>();
  for (const b of s.blocks) {
    const at = parseCell(b.at);
    b.rows.forEach((row, i) =>
      row.forEach((v, j) =>
        out.set(`${String.fromCharCode(65 + at.col + j)}${at.row + i + 1}`, {
          value: v,
          format: b.cellFormats?.[i]?.[j] ?? b.formats?.[j],
        })
      )
    );
  }
  return out;
}

test("€ and $ accounts: 'Revenue, 12 months, by currency' over EUR 1,500 and USD 250, each figure with its own code", () => {
  const p = analyzePortfolio(
    bookOf([
      line("E1", d(2025, 3, 1), "s", 1000, { currency: "EUR" }),
      line("E1", d(2025, 6, 1), "s", 500, { currency: "EUR" }),
      line("U1", d(2025, 5, 1), "s", 250, { currency: "USD" }),
    ]),
    { asOf }
  );
  const c = cellsOf(dashboardSheet(p, layoutOptions({ asOf })));
  expect(c.get("B4")!.value).toBe("Revenue, 12 months, by currency");
  const figures = [c.get("B5")!, c.get("B6")!];
  expect(figures.map((f) => f.value).sort((x, y) => Number(x) - Number(y))).toEqual([250, 1500]);
  for (const f of figures) {
    const code = f.value === 1500 ? "EUR" : "USD";
    expect(f.format).toBe(`"${code} "#,##0;-"${code} "#,##0`);
  }
  // no currency code written anywhere on rows 4–6 but in the figures' own formats
  for (const [a1, x] of c)
    if (/^[A-E][4-6]$/.test(a1)) expect(String(x.value)).not.toMatch(/\b(EUR|USD)\b/);
});

test("one currency: the label stays 'Revenue, 12 months' and the figure its symbol's (€1,500)", () => {
  const p = analyzePortfolio(
    bookOf([
      line("E1", d(2025, 3, 1), "s", 1000, { currency: "EUR" }),
      line("E1", d(2025, 6, 1), "s", 500, { currency: "EUR" }),
    ]),
    { asOf }
  );
  const c = cellsOf(dashboardSheet(p, layoutOptions({ asOf })));
  expect(c.get("B4")!.value).toBe("Revenue, 12 months");
  expect(c.get("B5")).toEqual({ value: 1500, format: "€#,##0;-€#,##0" });
  expect(c.get("B6")?.value).not.toBe(expect.any(Number));
});

test("money whose lines name no currency beside euros says so in its figure", () => {
  expect(codedWhole("")).toBe('#,##0" (no currency)";-#,##0" (no currency)"');
});

test('a shared symbol no code names keeps it as written: "$42", "kr 1,600" (was "$ 42")', () => {
  expect(codedWhole("$")).toBe("$#,##0;-$#,##0");
  expect(codedWhole("kr")).toBe('"kr "#,##0;-"kr "#,##0');
});
