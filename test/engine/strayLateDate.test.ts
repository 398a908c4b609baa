/**
 * One order line with a mistyped year (2062 for 2026) becomes the last order date, so the
 * analysis' default as-of date: every other account then looks lapsed (Critical, "No order for
 * 13117 days", annual revenue only that line's). It was silent; now it is warned about with the
 * date the rest of the data ends on.
 */
import { defaultSettings } from "../../src/engine/settings";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import type { Grid } from "../../src/ingest/grid";

/** 100 order lines, one a day from 2026-07-16 to 2026-10-23 (accounts A–E), then `more`. */
function grid(more: (string | number)[][]): Grid {
  const rows: (string | number)[][] = [["Customer", "Order Date", "SKU", "Qty", "Revenue"]];
  const start = Date.UTC(2026, 6, 16);
  for (let i = 0; i < 100; i++) {
    const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    rows.push(["ABCDE"[i % 5], day, "S1", 1, 100]);
  }
  return { name: "Orders", values: [...rows, ...more] };
}

async function warnings(more: (string | number)[][], asOf = "") {
  const e = new KapEngine();
  await loadGrids(e, [grid(more)], defaultSettings());
  return e.analyze({ ...defaultSettings(), asOf }).warnings;
}

test("a line dated more than a year after all the others is warned about, with the date the rest ends on", async () => {
  const w = await warnings([["C", "2062-09-01", "S1", 1, 120]]);
  // 2026-07-16 + 99 days = 2026-10-23, the last of the 100 lines
  expect(w[0]).toBe(
    "The as-of date 2062-09-01 is the date of 1 order line dated more than a year after all the others (they end on 2026-10-23): a mistyped year? As of it, every other account looks lapsed. Correct that date, or set the as-of date to 2026-10-23."
  );
});

test("two such lines are counted; the warning names the first and last of them", async () => {
  const w = await warnings([
    ["C", "2062-09-01", "S1", 1, 120],
    ["D", "2206-10-01", "S1", 1, 90],
  ]);
  expect(w[0]).toBe(
    "The as-of date 2206-10-01 is the date of 2 order lines dated more than a year after all the others (2062-09-01 to 2206-10-01; they end on 2026-10-23): a mistyped year? As of it, every other account looks lapsed. Correct those dates, or set the as-of date to 2026-10-23."
  );
});

test("no warning for data that simply ends, or an as-of date set before the stray line", async () => {
  expect((await warnings([])).some((x) => /mistyped year/.test(x))).toBe(false);
  // a line 11 months after the rest is no stray
  expect(
    (await warnings([["C", "2027-09-20", "S1", 1, 120]])).some((x) => /mistyped/.test(x))
  ).toBe(false);
  // set before it, the line is left out and said so by the existing as-of warning
  const set = await warnings([["C", "2062-09-01", "S1", 1, 120]], "2026-10-23");
  expect(set.some((x) => /mistyped year/.test(x))).toBe(false);
  expect(set[0]).toMatch(
    /^The as-of date 2026-10-23 is before the last order line in the data \(2062-09-01\): 1 order line/
  );
});

test("an old order before a small file's later ones is no mistyped year: the later lines are not the few", async () => {
  // A new user's 4-line file: one order in June 2025, three in Sep–Oct 2026 (more than a year
  // later). The three are the data, not a stray; no "set the as-of date to 2025-06-15" advice.
  const e = new KapEngine();
  await loadGrids(
    e,
    [
      {
        name: "Orders",
        values: [
          ["Customer", "Order Date", "SKU", "Qty", "Revenue"],
          ["Northgate", "2026-09-02", "S1", 10, 250],
          ["Oldfield", "2025-06-15", "S1", 40, 1000],
          ["Oldfield", "2026-10-12", "S1", -8, -200],
          ["Harbour", "2026-10-07", "S2", 40, 100],
        ],
      },
    ],
    defaultSettings()
  );
  const w = e.analyze({ ...defaultSettings(), asOf: "2026-10-31" }).warnings;
  expect(w.join(" ")).not.toMatch(/mistyped year/);
});
