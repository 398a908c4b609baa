/**
 * The QBR quotes a quarter's returned value once and the same way everywhere: the service table's
 * note read "Value -£153" (whole pounds) beside the quarter page's Returned value -£152.64. Now
 * "Returned value -£152.64": the page's figure with its sign, to the penny where the page's money
 * format shows pennies and in whole pounds where it shows whole pounds.
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const Q3 = { year: 2026, q: 3 } as const;
const model = buildPortfolio(
  bookOf([
    line("A", d(2026, 7, 3), "P1", 500, { quantity: 10, category: "Tools" }),
    line("A", d(2026, 8, 4), "P2", 300, { quantity: 6, category: "Fixings" }),
    // two returns in Q3: −100.25 − 52.39 = −152.64
    line("A", d(2026, 8, 20), "P1", -100.25, { quantity: -2, category: "Tools", orderId: "CR1" }),
    line("A", d(2026, 9, 10), "P2", -52.39, { quantity: -1, category: "Fixings", orderId: "CR2" }),
  ]),
  { asOf }
);

const sheets = (opts: ReturnType<typeof layoutOptions>): SheetSpec[] =>
  qbrSheets(qbrData(model, "A", Q3), opts);

/** The row of a sheet's block whose first cell is `label`. */
function rowOf(s: SheetSpec, label: string): unknown[] {
  for (const b of s.blocks) for (const r of b.rows) if (r[0] === label) return r;
  throw new Error(`no row ${label} on ${s.name}`);
}

/** This quarter's returns and returned value on the quarter page, with the value's format. */
function quarterReturns(all: SheetSpec[]): unknown[] {
  const quarter = all.find((s) => s.kind === "qbr-quarter")!;
  const head = quarter.blocks.find((b) => b.rows[0]?.[0] === "Quarter")!;
  const col = head.rows[0].indexOf("Returned value");
  const thisQuarter = head.rows.find((r) => String(r[0]).startsWith("This quarter"))!;
  return [thisQuarter[col - 1], thisQuarter[col], head.formats?.[col]];
}

/** The service table's returns row: count and note. */
function serviceReturns(all: SheetSpec[]): unknown[] {
  const service = all.find((s) => s.blocks.some((b) => b.rows[0]?.[0] === "Measure"))!;
  return rowOf(service, "Returns (from the data)").slice(1);
}

test("money to the penny (the sample's £#,##0.00): both -£152.64", () => {
  const all = sheets(layoutOptions({ asOf, sourceMoneyFormat: "£#,##0.00;-£#,##0.00" }));
  expect(quarterReturns(all)).toEqual([2, -152.64, "£#,##0.00;-£#,##0.00"]);
  expect(serviceReturns(all)).toEqual([2, "Returned value -£152.64"]);
});

test("whole money (GBP named, £#,##0): the page shows -£153 and the note says -£153", () => {
  const all = sheets(layoutOptions({ asOf, currency: "GBP" }));
  expect(quarterReturns(all)).toEqual([2, -152.64, "£#,##0;-£#,##0"]);
  expect(serviceReturns(all)).toEqual([2, "Returned value -£153"]);
});

test("in a de-DE workbook's words, to the cent: -152,64 € (a no-break space before the €)", () => {
  const all = sheets(
    layoutOptions({
      asOf,
      sourceMoneyFormat: "€#,##0.00;-€#,##0.00",
      numberCulture: "de-DE",
      textCurrency: "EUR",
    })
  );
  expect(serviceReturns(all)).toEqual([2, "Returned value -152,64\u00a0€"]);
});
