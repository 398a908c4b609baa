/** The as-of date fits the data (RULES.md §2): by default the last order date, and a warning when set far past it. */
import { isoToSerial, serialToIso } from "../../src/domain/dates";
import { readingLines } from "../../src/engine/assumptions";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { asOfOf, asOfWarning, defaultSettings } from "../../src/engine/settings";
import type { Grid } from "../../src/ingest/grid";

const grid: Grid = {
  name: "Orders",
  values: [
    ["Customer", "Order Date", "SKU", "Qty", "Revenue"],
    ["A", "2026-08-01", "S1", 1, 100],
    ["A", "2026-10-31", "S1", 1, 100],
    ["B", "2026-09-15", "S2", 2, 50],
  ],
};

async function engine() {
  const e = new KapEngine();
  await loadGrids(e, [grid], defaultSettings());
  return e;
}

test("with no as-of date the analysis is as of the last order date, whatever today is", async () => {
  const e = await engine();
  const p = e.analyze(defaultSettings(), isoToSerial("2030-01-01"));
  expect(serialToIso(p.asOf)).toBe("2026-10-31");
  // A: last order on the as-of date → 0 days; B: 15 Sep → 46 days
  expect(p.accounts.map((a) => [a.accountId, a.health.inputs.daysSinceLastOrder])).toEqual([
    ["A", 0],
    ["B", 46],
  ]);
  expect(p.warnings.some((w) => /as-of date/.test(w))).toBe(false);
});

test("an as-of date more than 31 days after the last order is warned about; 31 days is not", async () => {
  const e = await engine();
  // 2026-12-01 is 31 days after 2026-10-31; 2026-12-02 is 32
  expect(
    e
      .analyze({ ...defaultSettings(), asOf: "2026-12-01" })
      .warnings.some((w) => /as-of date/.test(w))
  ).toBe(false);
  const p = e.analyze({ ...defaultSettings(), asOf: "2026-12-02" });
  expect(p.warnings[0]).toBe(
    "The as-of date 2026-12-02 is 32 days after the last order in the data (2026-10-31): recency, win-back stages and alerts count from the as-of date, so accounts look lapsed that may not be. Leave the as-of date blank to analyse as of the last order date."
  );
});

test("an as-of date before the last order says how many order lines after it are not counted", async () => {
  const e = await engine();
  // lines dated 08-01 (A), 09-15 (B), 10-31 (A): after 2026-09-30 only A's 10-31 line, £100
  expect(e.analyze({ ...defaultSettings(), asOf: "2026-09-30" }).warnings[0]).toBe(
    "The as-of date 2026-09-30 is before the last order line in the data (2026-10-31): 1 order line dated after it, up to 2026-10-31, is not counted. That line's value is £100.00. Leave the as-of date blank to count every line, as of the last order date."
  );
  // after 2026-08-15: B's 09-15 and A's 10-31 lines
  expect(e.analyze({ ...defaultSettings(), asOf: "2026-08-15" }).warnings[0]).toContain(
    ": 2 order lines dated after it, up to 2026-10-31, are not counted."
  );
  // a line on the as-of date itself is counted: after 2026-09-15 only the 10-31 line
  expect(e.analyze({ ...defaultSettings(), asOf: "2026-09-15" }).warnings[0]).toContain(
    ": 1 order line dated after it"
  );
  // the last order date itself: nothing is left out, no warning
  expect(
    e
      .analyze({ ...defaultSettings(), asOf: "2026-10-31" })
      .warnings.some((w) => /as-of date/.test(w))
  ).toBe(false);
});

test("the lines left out are counted and dated the workbook culture's way: de-DE 1.234 … 31.10.2026, none 1,234 … 2026-10-31", () => {
  // as of 2026-09-30 (46295), the last order 2026-10-31 (46326), 1,234 lines after the as-of date
  const rest = "order lines dated after it, up to";
  expect(asOfWarning(46295, 46326, 46000, 1234, "de-DE")).toContain(
    `: 1.234 ${rest} 31.10.2026, are not counted.`
  );
  expect(asOfWarning(46295, 46326, 46000, 1234)).toContain(
    `: 1,234 ${rest} 2026-10-31, are not counted.`
  );
});

test("asOfOf: the set date, else the last order date, else today", () => {
  expect(asOfOf({ asOf: "2026-01-31" }, 46000, 46500)).toBe(isoToSerial("2026-01-31"));
  expect(asOfOf({}, 46000, 46500)).toBe(46000);
  expect(asOfOf({ asOf: "" }, null, 46500)).toBe(46500);
  expect(asOfWarning(46100, null)).toBeUndefined();
});

test("the reading is described in words: dates, numbers, currency", async () => {
  const e = await engine();
  // ISO dates (2026-08-01) read one way only: no day/month order was assumed
  expect(readingLines(e.report!)).toEqual([
    "Dates: no day/month question (no date in the data reads two ways)",
    "Numbers: decimal point (no column needed deciding)",
    "Currency: none named in the data",
  ]);
});

test("with no as-of date, a credit note dated after the last invoice does not move it: the analysis is as of the last sale, the credit note said", async () => {
  const e = new KapEngine();
  await loadGrids(
    e,
    [
      {
        name: "Orders",
        values: [
          ["Customer", "Invoice No", "Order Date", "SKU", "Qty", "Revenue"],
          ["A", "INV-1", "2026-08-01", "S1", 1, 100],
          ["A", "INV-2", "2026-10-20", "S1", 2, 200],
          ["B", "INV-3", "2026-09-15", "S2", 2, 50],
          // returns of A's INV-2 and B's INV-3, dated after the last invoice (20 Oct)
          ["A", "CN-1", "2026-10-30", "S1", -1, -100],
          ["B", "CN-2", "2026-10-31", "S2", -1, -25],
        ],
      },
    ],
    defaultSettings()
  );
  const p = e.analyze(defaultSettings(), isoToSerial("2030-01-01"));
  // before: as of 2026-10-31, CN-2's date; now the last invoice's, 2026-10-20
  expect(serialToIso(p.asOf)).toBe("2026-10-20");
  // A: INV-2 on the as-of date → 0 days; B: 15 Sep → 15 + 20 = 35 days
  expect(p.accounts.map((a) => [a.accountId, a.health.inputs.daysSinceLastOrder])).toEqual([
    ["A", 0],
    ["B", 35],
  ]);
  // CN-1 −£100 and CN-2 −£25 are after it: −£125 not counted, said with how to count them
  expect(p.warnings[0]).toBe(
    "The analysis is as of 2026-10-20, the last sale's date: 2 return lines (credit notes, refunds) dated after it, up to 2026-10-31, are not counted (their value -£125.00). Set the as-of date to 2026-10-31 to count them."
  );
  // set to the last line's date, the returns count and nothing is said
  const all = e.analyze({ ...defaultSettings(), asOf: "2026-10-31" });
  expect(all.warnings.some((w) => /as-of date|the last sale's date/.test(w))).toBe(false);
});
