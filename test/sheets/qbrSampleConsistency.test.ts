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
      /A gap of 9 months between orders \(276 days, 29\/08\/2025 to 01\/06\/2026\), 213 days of it inside the 12 months to 31\/10\/2026/
    );
  });
});

const qbrOf = (id: string) =>
  engine.sheets("qbr", { accountKey: keyOf(id), quarter: "2026Q3", live: false });
const sheetOf = (id: string, kind: string) => qbrOf(id).find((s) => s.kind === `qbr-${kind}`)!;

describe("C0013, a new customer: its peer comparison is flagged, not 26 days against a year", () => {
  // pandas: C0013's first order 05/09/2026; the comparison's 12 months end 30/09/2026 (FY2026 Q3's
  // end): 5–30 September is 26 days, both counted.
  it("says its figures cover 26 days of the 12 months, from 05/09/2026", () => {
    const t = texts(sheetOf("C0013", "insights"));
    expect(t).toContain("This account (26 days)");
    expect(t.join("\n")).toContain(
      "This account's first order was on 05/09/2026: its figures cover 26 days of these 12 months"
    );
  });
  it("an account of several years (C0162) has no such flag", () => {
    expect(texts(sheetOf("C0162", "insights"))).toContain("This account");
  });
});

describe("C0162, 120 days silent: re-engaged before anything new is offered", () => {
  // pandas: C0162's last order 03/07/2026, 120 days before 31/10/2026 (win-back Stage 4, 90+)
  it("its first action item agrees the next order; the cross-sell actions follow, two of them", () => {
    const planning = sheetOf("C0162", "planning");
    const block = planning.blocks.find((b) => b.rows[0]?.[0] === "Action")!;
    const actions = block.rows.slice(1).map((r) => String(r[0]));
    expect(actions[0]).toMatch(/^Agree your next order: .*last order on 03\/07\/2026/);
    expect(actions.filter((a) => a.startsWith("Send samples"))).toHaveLength(2);
    const email = texts(sheetOf("C0162", "email"));
    const agreed = email.indexOf("Agreed actions:");
    expect(email[agreed + 1]).toMatch(/^- Agree your next order/);
  });
});

describe("an offer that starts a list item or a cell starts with a capital", () => {
  it("C0162's and C0013's QBR and plan: no recommendation reads '5. the rest of …'", () => {
    for (const id of ["C0162", "C0013"]) {
      const all = [
        ...qbrOf(id),
        ...engine.sheets("plan", { accountKey: keyOf(id), live: false }),
      ].flatMap(texts);
      expect(all.filter((t) => /^(\d+[.)] |• )?the rest of/.test(t))).toEqual([]);
      expect(all.some((t) => /The rest of the Nylon Cable Ties \(100\) range/.test(t))).toBe(true);
    }
  });
});

describe("C0162's Owner/MD, whose e-mail bounced on 02/10/2026, is not covered", () => {
  // pandas: the engagement log's 02/10/2026 outbound e-mail to Rachel Price (Economic Buyer)
  // "E-mail bounced", nothing from her since; 29 days before 31/10/2026
  it("is shown not reachable on the plan, with what failed", () => {
    const d = engine.detail(keyOf("C0162"));
    const owner = d.plan.stakeholders.find((s) => s.role === "Owner/MD")!;
    expect(owner.held).toBe(false);
    expect(owner.unreachable).toEqual([
      "Rachel Price (E-mail bounced on 02/10/2026, nothing answered since)",
    ]);
    const plan = engine.sheets("plan", { accountKey: keyOf("C0162"), live: false })[0];
    const row = plan.blocks.flatMap((b) => b.rows).find((r) => r[0] === "Owner/MD")!;
    expect(row[1]).toBe("✘ not reachable");
  });
});

describe("C0162's SWOT, 120 days since its last order, is written as of a lapsed account", () => {
  // pandas: last order 03/07/2026; 12 months to 31/10/2026 £6,214.15 over 5 categories
  it("says what it bought and since when, the win-back first, the spend at risk", () => {
    const s = engine.detail(keyOf("C0162")).plan.swot;
    expect(s.strengths[0]).toMatch(
      /^Bought 5 categories in the 12 months to 31\/10\/2026, none since its last order on 03\/07\/2026: /
    );
    expect(s.strengths.some((t) => /^Buys /.test(t))).toBe(false);
    expect(s.opportunities[0]).toMatch(/^Win the account back first \(Stage 4/);
    expect(s.threats[0]).toContain("No order for 120 days: its £6,214.15");
  });
});

describe("the preparation checklist is internal", () => {
  it("C0292's customer pages hold no checklist; the internal sheet holds all 11 items", () => {
    const all = qbrOf("C0292");
    const customer = all.filter((s) => s.kind !== "qbr-prep").flatMap(texts);
    expect(customer.filter((t) => /Preparation checklist|^☐/.test(t))).toEqual([]);
    const prep = texts(sheetOf("C0292", "prep"));
    expect(prep).toContain("Preparation checklist");
    expect(prep.filter((t) => t.startsWith("☐ ")).length).toBeGreaterThanOrEqual(11);
  });
});
