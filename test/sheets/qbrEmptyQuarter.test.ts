/**
 * The quarter page of a quarter without orders (the sample's lapsed C0053, FY2026 Q3): the
 * category table says so, and no chart is drawn. It drew an empty pie whose one legend entry was
 * "Total (net revenue)" (the table had no category row, so the chart took the total row).
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const model = buildPortfolio(
  bookOf([
    // L: £112.68 of Tools on 14 Apr 2026 (FY2026 Q2), nothing in Q3
    line("L", d(2026, 4, 14), "P1", 112.68, { category: "Tools" }),
    // A: £100 of Tools on 5 Jul 2026 (Q3)
    line("A", d(2026, 7, 5), "P1", 100, { category: "Tools" }),
  ]),
  { asOf }
);

const quarterPage = (id: string): SheetSpec =>
  qbrSheets(
    qbrData(model, id, { year: 2026, q: 3 }),
    layoutOptions({ asOf, currency: "GBP" })
  ).find((s) => s.kind === "qbr-quarter")!;

test("no orders in FY2026 Q3: the category table says so, and there is no category chart", () => {
  const page = quarterPage("L");
  const table = page.blocks.find((b) => b.at === "A20")!.rows;
  expect(table[1][0]).toBe("No orders this quarter.");
  expect(table[table.length - 1].slice(0, 2)).toEqual(["Total (spend after returns)", 0]);
  expect((page.charts ?? []).filter((c) => c.title.startsWith("Spend by category"))).toEqual([]);
});

test("a quarter with orders keeps its pie of the category rows: Tools £100, A20:B21", () => {
  const page = quarterPage("A");
  const chart = page.charts!.find((c) => c.title.startsWith("Spend by category"))!;
  expect(chart.type).toBe("pie");
  expect(chart.data).toBe("A20:B21");
  expect(page.blocks.find((b) => b.at === "A20")!.rows[1].slice(0, 2)).toEqual(["Tools", 100]);
});
