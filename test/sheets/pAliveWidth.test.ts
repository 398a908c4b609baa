/**
 * "one order only" in Account Health's P(alive) column: the column was 9 characters wide and
 * the 14-character text wrapped to two lines ("one order / only"), each such row printed twice
 * as tall. The column now widens to hold it on one line — at most 13.5 characters, what
 * "one order only" takes in Calibri 11 with the cell's padding — in a file (a value) and in the
 * pane's live sheet (KAP.PALIVE's formula, whose text is known); a sheet without one-order
 * accounts keeps its narrow column. The dashboard's value × health table likewise.
 */
import { analyzePortfolio, OrderBook } from "../../src/domain/analysis";
import { ymdToSerial } from "../../src/domain/dates";
import { healthSheet } from "../../src/sheets/healthSheet";
import { dashboardSheet } from "../../src/sheets/dashboardSheet";
import { charsFor } from "../../src/sheets/measure";
import { layoutOptions } from "../../src/sheets/options";
import { finishForPrint } from "../../src/sheets/print";
import { colLetter, parseCell, type SheetSpec } from "../../src/sheets/spec";

const asOf = ymdToSerial(2026, 10, 31);

/** Accounts with 2–6 orders a month apart, and (withOne) "Once Ltd" with one order. */
function portfolio(withOne: boolean) {
  const book = new OrderBook();
  let n = 0;
  const order = (id: string, m: number, revenue: number) =>
    book.add({
      accountId: id,
      date: ymdToSerial(2026, m, 10),
      orderId: `o${n++}`,
      sku: "S1",
      category: "Fixings",
      quantity: 1,
      revenue,
      isReturn: false,
      currency: "GBP",
    });
  for (let a = 0; a < 12; a++)
    for (let m = 1; m <= 2 + (a % 5); m++) order(`A${a}`, m + (a % 4), 100);
  if (withOne) order("Once Ltd", 3, 70);
  return analyzePortfolio(book, { asOf });
}

function printed(spec: SheetSpec): SheetSpec {
  return finishForPrint(spec, { paper: "A4", asOfText: "As of 31/10/2026" });
}

/** The P(alive) column's letter and the row (1-based) of the account's cell. */
function pAliveCell(spec: SheetSpec, accountId: string): { col: number; row: number } {
  const t = spec.blocks.find((b) => b.table?.name === "KAP_Health")!;
  const col = t.rows[0].indexOf("P(alive)");
  const i = t.rows.findIndex((r) => r[0] === accountId);
  return { col: parseCell(t.at).col + col, row: parseCell(t.at).row + i + 1 };
}

// "one order only" in Calibri 11: its pixels with Excel's cell padding, in characters, and
// finishForPrint's 0.75 of room (13.43: 13.5 once rounded to a quarter)
const ONE_LINE = charsFor("one order only") + 0.75;

describe.each([false, true])("Account Health (live: %s)", (live) => {
  test("a one-order account's 'one order only' fits its column on one line", () => {
    const spec = printed(healthSheet(portfolio(true), layoutOptions({ live, asOf })));
    const { col, row } = pAliveCell(spec, "Once Ltd");
    const width = spec.widths![col]!;
    expect(width).toBeGreaterThanOrEqual(ONE_LINE);
    expect(width).toBeLessThanOrEqual(13.5);
    // one line: no wrap style on the cell and a row of one line's height (15 pt), if any is set
    const wrapped = (spec.styles ?? []).some(
      (s) =>
        typeof s.style === "object" &&
        s.style.wrap &&
        s.range.split(":")[0] === `${colLetter(col)}${row}`
    );
    expect(wrapped).toBe(false);
    expect(spec.rowHeights?.[row] ?? 15).toBe(15);
  });

  test("without one-order accounts the column stays as narrow as its percentages and header", () => {
    const spec = printed(healthSheet(portfolio(false), layoutOptions({ live, asOf })));
    const { col } = pAliveCell(spec, "A0");
    expect(spec.widths![col]!).toBeLessThan(ONE_LINE);
  });
});

test("the dashboard's value × health P(alive) column (G) holds 'one order only' on one line", () => {
  const p = portfolio(true);
  const spec = printed(dashboardSheet(p, layoutOptions({ live: false, asOf })));
  expect(spec.widths![6]!).toBeGreaterThanOrEqual(ONE_LINE);
});
