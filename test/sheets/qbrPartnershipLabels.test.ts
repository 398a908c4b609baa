/**
 * The QBR's partnership page prints each of its figures on one line: "Spend after returns, 12
 * months to 30/09/2026" and "Savings vs list price, 12 months to 30/09/2026" (about 42 characters
 * in bold) wrapped in the 40-wide label column, and their rows printed two lines tall with the
 * figure on the first line, a gap under each. Column A is now 44 wide, as on the cover.
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { charsFor } from "../../src/sheets/measure";
import { layoutOptions } from "../../src/sheets/options";
import { finishForPrint, paperFor } from "../../src/sheets/print";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const model = buildPortfolio(
  bookOf([
    // a first order before the 12 months, so their labels carry no "(data from …)"
    line("A", d(2025, 6, 2), "P1", 100, { listPrice: 12, quantity: 10 }),
    line("A", d(2026, 7, 3), "P1", 500, { listPrice: 60, quantity: 10 }),
    line("A", d(2026, 9, 4), "P2", 300, { listPrice: 35, quantity: 10 }),
  ]),
  { asOf }
);
const opts = layoutOptions({ asOf, currency: "GBP" });
const partnership = finishForPrint(
  qbrSheets(qbrData(model, "A", { year: 2026, q: 3 }), opts).find(
    (s) => s.kind === "qbr-partnership"
  )!,
  { paper: paperFor(), asOfText: "As of 31/10/2026" }
);

/** Row (1-based) of the label cell whose text starts with `start`. */
function rowOf(start: string): number {
  for (const b of partnership.blocks)
    if (typeof b.rows[0]?.[0] === "string" && b.rows[0][0].startsWith(start))
      return Number(/\d+/.exec(b.at)![0]);
  throw new Error(`no label ${start}`);
}

test("the long labels fit column A in bold: no wrap, one line (15 pt) each", () => {
  const labels = [
    "Orders, 12 months to 30/09/2026",
    "Spend after returns, 12 months to 30/09/2026",
    "Savings vs list price, 12 months to 30/09/2026",
  ];
  for (const l of labels) {
    expect(partnership.widths![0]).toBeGreaterThan(charsFor(l, 11, true));
    const r = rowOf(l);
    const wrapped = (partnership.styles ?? []).filter(
      (s) => s.range === `A${r}` && typeof s.style === "object" && s.style.wrap
    );
    expect([l, wrapped]).toEqual([l, []]);
    expect([l, partnership.rowHeights?.[r]]).toEqual([l, 15]);
  }
});
