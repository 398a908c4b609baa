/** The analysis says how far it is ("Analysing 24 accounts… 12 of 24"), through either engine client. */
import { LocalEngineClient } from "../../src/engine/engineClient";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import { detectTable } from "../../src/ingest/detect";
import type { Grid } from "../../src/ingest/grid";

/** 45 accounts, one order each. */
const grid: Grid = {
  name: "Orders",
  values: [
    ["Customer", "Order Date", "SKU", "Qty", "Revenue"],
    ...Array.from({ length: 45 }, (_, i) => [`A${i + 1}`, "2026-10-01", "S1", 1, 100]),
  ],
};

test("the engine reports done of total as it scores: about 20 steps, ending at 45 of 45", async () => {
  const e = new KapEngine();
  const seen: [number, number][] = [];
  e.onAnalysisProgress = (done, total) => seen.push([done, total]);
  await loadGrids(e, [grid], defaultSettings());
  seen.length = 0; // whatever loading did, count one analysis
  e.analyze(defaultSettings());
  // 45 accounts in steps of ceil(45 / 20) = 3: 3, 6, …, 45 → 15 reports
  expect(seen).toHaveLength(15);
  expect(seen[0]).toEqual([3, 45]);
  expect(seen[seen.length - 1]).toEqual([45, 45]);
  expect(seen.every(([d], i) => i === 0 || d > seen[i - 1][0])).toBe(true);
});

test("the local client passes a call's progress to its caller, and only for that call", async () => {
  const c = new LocalEngineClient();
  const d = detectTable(grid, "orders")!;
  await c.call("reset", {
    side: new KapEngine().side,
    mapping: d.mapping,
    headers: grid.values[0].map(String),
    dateOrder: "dmy",
  });
  await c.call("push", { rows: grid.values.slice(1), firstRowNumber: 2 });
  await c.call("finish", {});
  const seen: number[] = [];
  await c.call("analyze", { settings: defaultSettings() }, (done) => seen.push(done));
  expect(seen[seen.length - 1]).toBe(45);
  const n = seen.length;
  await c.call("analyze", { settings: defaultSettings() }); // no callback: the first hears nothing
  expect(seen).toHaveLength(n);
});
