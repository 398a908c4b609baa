import { ymdToSerial } from "../../src/domain/dates";
import { KapEngine } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import { detectTable } from "../../src/ingest/detect";
import { benchChunks } from "../sample/benchGrid";
import { ORDER_HEADERS } from "../sample/generate";

function engineOf(rows: number, accounts: number): KapEngine {
  const detection = detectTable({ name: "Orders", values: [[...ORDER_HEADERS]] })!;
  const engine = new KapEngine();
  engine.beginOrders(detection.mapping, detection.headers, "dmy");
  let first = 2;
  const endDate = ymdToSerial(2026, 10, 31);
  for (const chunk of benchChunks({ rows, accounts, skus: 300, seed: 11, endDate }, 5_000)) {
    engine.pushOrders(chunk, first);
    first += chunk.length;
  }
  engine.finishOrders();
  engine.analyze({ ...defaultSettings(), asOf: "2026-10-31" });
  return engine;
}

describe("an account's opportunities without its whole detail (the dashboard's focus list)", () => {
  it("are the detail's opportunities, for every account", () => {
    const engine = engineOf(30_000, 120);
    const keys = engine.portfolio!.accounts.map((a) => a.key);
    const alone = keys.map((k) => engine.opportunities(k));
    // some accounts have opportunities to rank (cross-sell rules and category gaps exist)
    expect(alone.some((o) => o.length > 0)).toBe(true);
    keys.forEach((k, i) => expect(alone[i]).toEqual(engine.detail(k).opportunities));
    // once the detail is made, it is the list given
    expect(engine.opportunities(keys[0])).toBe(engine.detail(keys[0]).opportunities);
  });

  it("names an unknown account in its error", () => {
    expect(() => engineOf(2_000, 10).opportunities("NOPE")).toThrow('No account "NOPE"');
  });
});
