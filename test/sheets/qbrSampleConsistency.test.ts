/**
 * The sample workbook's QBRs and account plans, as of its last order date (31/10/2026, PRODUCT.md
 * §2's default), read as a sales director would: no page contradicts another or the data. Every
 * expected figure was worked out with pandas from assets/sample-workbook.xlsx, not from KAP.
 */
import { join } from "node:path";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import type { SheetSpec } from "../../src/sheets/spec";

let engine: KapEngine;

beforeAll(async () => {
  const { grids, culture } = await readWorkbookFile(
    join(__dirname, "../../assets/sample-workbook.xlsx")
  );
  engine = new KapEngine();
  await loadGrids(engine, grids, defaultSettings(), { culture });
  engine.analyze(defaultSettings());
}, 120_000);

const keyOf = (id: string) =>
  engine.analyze(defaultSettings()).accounts.find((a) => a.accountId === id)!.key;

/** Every text cell of a sheet, block by block, row by row. */
function texts(s: SheetSpec): string[] {
  return s.blocks.flatMap((b) => b.rows.flat().filter((v): v is string => typeof v === "string"));
}

describe("C0292's multi-site expansion agrees with its sites and its own revenue", () => {
  // pandas, 12 months to 31/10/2026: Sheffield Depot 765.03 (last 14/08/2026), Exeter Head
  // Office 614.37 (last 29/07/2026, 94 days), Luton Yard 75.78 (last 19/02/2026); the account
  // 1,455.18. Exeter ordered: it is silent, not a site that never ordered. Each silent site
  // brought up to the one ordering site's 765.03: 150.66 + 689.25 = 839.91 (was 765.03 × 2 =
  // 1,530.06, above the account's whole year).
  it("sizes it at £839.91, below the account's £1,455.18, its basis and Exeter's last order said", () => {
    const d = engine.detail(keyOf("C0292"));
    const i = d.plan.initiatives.find((x) => x.type === "Multi-site expansion")!;
    expect(i.estimate).toBeCloseTo(839.91, 2);
    expect(i.estimate!).toBeLessThan(1455.18);
    expect(i.detail).toContain("Exeter Head Office last ordered on 29/07/2026");
    expect(i.detail).toContain("£765.03");
    expect(i.detail).toContain("Exeter Head Office £150.66, Luton Yard £689.25");
    const exeter = d.relationships.sites.find((s) => s.site === "Exeter Head Office")!;
    expect(exeter.status).toBe("silent");
    expect(exeter.revenueLast12).toBeCloseTo(614.37, 2);
  });
});

describe("C0129, a 9-month gap in its ordering: its targets and its fall say so", () => {
  // pandas: orders on 29/08/2025, then none until 01/06/2026 (276 days); the last 3 months to
  // 31/10/2026 £10,163.89, the 12 months £21,328.78 → +50% = £31,993.17, Quarter 1 =
  // 21,328.78/4 + 10,664.39 × 1/10 = £6,398.63, below the £10,163.89 run rate.
  it("says why Quarter 1's £6,398.63 is below the last 3 months' £10,163.89, naming the gap", () => {
    const d = engine.detail(keyOf("C0129"));
    expect(d.plan.quarterlyTargets[0].target).toBeCloseTo(6398.63, 2);
    expect(d.plan.targetNote).toContain("£10,163.89");
    expect(d.plan.targetNote).toContain("29/08/2025 to 01/06/2026");
  });
  it("names the gap first among the causes on the QBR's 'Why spend is down'", () => {
    const prep = engine
      .sheets("qbr", { accountKey: keyOf("C0129"), quarter: "2026Q3", live: false })
      .find((s) => s.kind === "qbr-prep")!;
    const t = texts(prep);
    const i = t.findIndex((x) => x === "Why spend is down");
    expect(t.slice(i, i + 4).join(" ")).toMatch(
      /No order for 9 months \(276 days, 29\/08\/2025 to 01\/06\/2026\)/
    );
  });
});
