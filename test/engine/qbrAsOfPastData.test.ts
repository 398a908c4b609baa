/**
 * A QBR asked for as of a date well past the data (as-of 31/12/2026, last order 15/11/2026): its
 * quarter, FY2026 Q4, is set against whole quarters although the data stops six weeks before its
 * end, so the customer would read a fall that is only missing data. The analysis warns (RULES.md
 * §2); the QBR workbook says so to the salesperson, at the top of its internal sheet ("Before you
 * send this"; it was on the cover, which the customer is handed). Within 31 days it says nothing.
 */
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import type { Grid } from "../../src/ingest/grid";
import type { SheetSpec } from "../../src/sheets/spec";

// A: Q3 2026 three orders of £100 (5 Jul, 5 Aug, 5 Sep); Q4 one of £100 (15 Nov); the data ends 15/11/2026
const grid: Grid = {
  name: "Orders",
  values: [
    ["Customer", "Order Date", "SKU", "Qty", "Revenue"],
    ["A", "2026-07-05", "S1", 1, 100],
    ["A", "2026-08-05", "S1", 1, 100],
    ["A", "2026-09-05", "S1", 1, 100],
    ["A", "2026-11-15", "S1", 1, 100],
  ],
};

/** Each QBR sheet's text cells, by kind ("qbr-cover", "qbr-prep" …). */
async function qbrTexts(asOf: string): Promise<Map<string, string[]>> {
  const e = new KapEngine();
  await loadGrids(e, [grid], defaultSettings());
  e.analyze({ ...defaultSettings(), asOf });
  const sheets = e.sheets("qbr", { accountKey: "A", quarter: "2026Q4", live: false });
  return new Map(
    sheets.map((s: SheetSpec) => [
      s.kind,
      s.blocks.flatMap((b) => b.rows.flat()).filter((v): v is string => typeof v === "string"),
    ])
  );
}

const ENDS =
  "The order data ends 15/11/2026, 46 days before the as-of date 31/12/2026: nothing after 15/11/2026 is counted. Check the export is complete before presenting these figures.";

test("as of 31/12/2026 (46 days after the last order) the internal sheet says the data ends 15/11/2026, before you send it; the cover does not", async () => {
  const t = await qbrTexts("2026-12-31");
  expect(t.get("qbr-prep")!.slice(2, 4)).toEqual(["Before you send this", ENDS]);
  for (const [kind, texts] of t)
    if (kind !== "qbr-prep")
      expect([kind, texts.filter((x) => x.startsWith("The order data ends"))]).toEqual([kind, []]);
  // the quarter's figures are what the data holds: 1 order
  expect(t.get("qbr-cover")).toContain("Orders, FY2026 Q4");
});

test("as of 16/12/2026 (31 days after) there is no such note", async () => {
  const t = [...(await qbrTexts("2026-12-16")).values()].flat();
  expect(t.some((x) => x.startsWith("The order data ends"))).toBe(false);
  expect(t).not.toContain("Before you send this");
});

test("a quarter that ends before the data's first order (FY2026 Q1; orders from 05/07/2026) is refused, not written as zeros", async () => {
  const e = new KapEngine();
  await loadGrids(e, [grid], defaultSettings());
  e.analyze({ ...defaultSettings(), asOf: "2026-11-15" });
  expect(() => e.qbr("A", "2026Q1")).toThrow(
    "FY2026 Q1 (Jan–Mar 2026) ends before the first order in the data, 2026-07-05: there is nothing to review. Choose FY2026 Q3 (the first quarter with orders) or a later one."
  );
  // the quarter holding the first order is reviewed
  expect(e.qbr("A", "2026Q3").glance.current.orders).toBe(3);
});

test("with no quarter given and data starting after the last complete one, the QBR is of the running quarter", async () => {
  // orders from 05/07/2026, as of 20/09/2026: the last complete quarter, FY2026 Q2, has none
  const e = new KapEngine();
  await loadGrids(e, [grid], defaultSettings());
  e.analyze({ ...defaultSettings(), asOf: "2026-09-20" });
  const q = e.qbr("A");
  expect(q.quarter.label).toBe("FY2026 Q3");
  // 5 Jul, 5 Aug, 5 Sep: 3 orders to 20/09/2026
  expect(q.glance.current.orders).toBe(3);
  expect(q.glance.current.to).toBe(q.asOf);
});
