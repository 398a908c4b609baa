import { ACTION_REGISTRY, ACTIONS, actionsOfScope } from "../../src/engine/actions";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import type { Grid } from "../../src/ingest/grid";

const HEAD = ["Order Date", "Customer", "Order No", "SKU", "Category", "Qty", "Revenue"];
const ROWS: (string | number)[][] = [
  ["2026-01-05", "Acme", "O1", "S1", "Fixings", 2, 40],
  ["2026-02-05", "Acme", "O2", "S2", "Tools", 1, 120],
  ["2026-02-20", "Bolt", "O3", "S1", "Fixings", 5, 100],
];

async function engineOver(): Promise<KapEngine> {
  const engine = new KapEngine();
  const grid: Grid = { name: "Orders", values: [HEAD, ...ROWS] };
  await loadGrids(engine, [grid], defaultSettings());
  engine.analyze({ ...defaultSettings(), asOf: "2026-03-31" });
  return engine;
}

describe("the action registry", () => {
  it("has unique ids, and the pane list is the registry in the same order", () => {
    const ids = ACTION_REGISTRY.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ACTIONS.map((a) => a.id)).toEqual(ids);
  });

  it("account and workbook actions need an account, and so does proposing initiatives; portfolio and other edit actions do not", () => {
    for (const a of ACTIONS)
      expect(a.needsAccount).toBe(
        a.scope === "account" || a.scope === "workbook" || a.id === "proposeInitiatives"
      );
    expect(ACTIONS.filter((a) => a.withoutData).map((a) => a.id)).toEqual([
      "createEngagementLog",
      "createPaymentsLedger",
    ]);
  });

  it("every sheet action makes its sheets through the engine, dispatched by scope", async () => {
    const engine = await engineOver();
    for (const id of actionsOfScope("portfolio"))
      expect(engine.sheets(id, { live: false })).toHaveLength(1);
    for (const id of actionsOfScope("account"))
      expect(engine.sheets(id, { accountKey: "Acme", live: false })).toHaveLength(1);
    const qbr = engine.sheets("qbr", { accountKey: "Acme", quarter: "2026Q1", live: false });
    expect(qbr.length).toBeGreaterThan(5);
    expect(engine.sheets("addScores", { live: false })).toEqual([]);
  });

  it("an account action without an account says what to do", async () => {
    const engine = await engineOver();
    expect(() => engine.sheets("breakdown", { live: false })).toThrow("Choose an account first.");
  });
});

test("no action's description in the pane names a currency: it shows in a euro or dollar workbook too", () => {
  for (const a of ACTIONS)
    expect(`${a.label}: ${a.description}`).not.toMatch(/[£$€]|\b(GBP|EUR|USD)\b/);
});
