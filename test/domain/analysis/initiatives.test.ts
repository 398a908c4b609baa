import {
  analyzeAccount,
  buildPortfolio,
  initiativeTypeOf,
  proposedInitiativeRows,
  type InitiativeProgress,
} from "../../../src/domain/analysis";
import type { InitiativeRecord } from "../../../src/domain/types";
import { bookOf, d, line } from "./helpers";

const asOf = d(2025, 6, 30);
const ties = { category: "Ties" };
const tools = { category: "Tools" };

/*
 * Account A ("Acme Ltd"): Ties (t1, t2) and Tools (k1).
 *   t1  1 Mar £100 · 28 Feb £1,000 · 10 May £300 · return 20 Jun −£50
 *   t2  15 Jun £200
 *   k1  20 May £1,000 · 5 Jun £800
 */
const lines = [
  line("A", d(2025, 2, 28), "t1", 1000, ties),
  line("A", d(2025, 3, 1), "t1", 100, ties),
  line("A", d(2025, 5, 10), "t1", 300, ties),
  line("A", d(2025, 5, 20), "k1", 1000, tools),
  line("A", d(2025, 6, 5), "k1", 800, tools),
  line("A", d(2025, 6, 15), "t2", 200, ties),
  line("A", d(2025, 6, 20), "t1", -50, { ...ties, orderId: "CN9", isReturn: true }),
  line("B", d(2025, 6, 1), "k1", 10, tools),
];

const rec = (initiative: string, more: Partial<InitiativeRecord>): InitiativeRecord => ({
  account: "A",
  initiative,
  categories: [],
  skus: [],
  ...more,
});
const initiatives: InitiativeRecord[] = [
  rec("Ties range expansion", {
    categories: ["Ties"],
    start: d(2025, 5, 1),
    end: d(2025, 7, 31),
    target: 600,
    row: 2,
  }),
  rec("Tool kit upgrade", { skus: ["K1"], start: d(2025, 6, 1), end: d(2025, 6, 30), target: 500 }),
  rec("Win back A", { start: d(2025, 6, 1), target: 100 }),
  rec("Introduce more ties", {
    categories: ["ties"],
    start: d(2025, 6, 15),
    end: d(2025, 9, 14),
    target: 800,
  }),
  rec("Premium t2 push", { skus: ["t2"], start: d(2025, 6, 1), end: d(2025, 12, 31), target: 150 }),
  rec("Next season", {
    categories: ["Ties"],
    start: d(2025, 8, 1),
    end: d(2025, 10, 31),
    target: 300,
  }),
  rec("Ghost", { account: "ZZZ", start: d(2025, 6, 1) }),
  rec("Dropped idea", {
    categories: ["Ties"],
    start: d(2025, 6, 1),
    target: 50,
    status: "Cancelled",
  }),
  rec("Nope", { categories: ["Nope"], start: d(2025, 6, 1) }),
  rec("QBR programme", { account: "acme ltd", start: d(2025, 6, 1), end: d(2026, 5, 31) }),
  rec("No date", { categories: ["Ties"] }),
];

function analyze() {
  const model = buildPortfolio(bookOf(lines), {
    asOf,
    accounts: [{ accountId: "A", name: "Acme Ltd" }],
    initiatives,
  });
  return { model, p: model.analysis };
}
const by = (ps: InitiativeProgress[], name: string) => ps.find((x) => x.initiative === name)!;

describe("initiatives track themselves (RULES.md §2.7a)", () => {
  const { p } = analyze();
  const ps = p.initiatives;

  it("actual since the start, same-length baseline before it, uplift, progress and on track against the straight line", () => {
    // 1 May–30 Jun = 61 days run of 92 planned (1 May–31 Jul). Actual: 300 + 200 − 50 = 450 (Tools left out).
    // Baseline: the 61 days 1 Mar–30 Apr: 100 (28 Feb is outside). Uplift 350; expected 600 × 61/92 = 397.83 → behind.
    const r = by(ps, "Ties range expansion");
    expect(r).toMatchObject({
      type: "Range expansion",
      actual: 450,
      baseline: 100,
      uplift: 350,
      track: "Behind",
      row: 2,
      accountId: "A",
    });
    expect(r.progress).toBeCloseTo(350 / 600, 10);
    expect(r.elapsedShare).toBeCloseTo(61 / 92, 10);
    // 397.8261… written to the penny
    expect(r.expectedByNow).toBe(397.83);
  });

  it("SKUs match ignoring case; a baseline above the actual is a negative uplift", () => {
    // June: k1 800. The 30 days before (2–31 May): k1 1,000. Uplift −200; the whole run has passed (share 1) → behind.
    expect(by(ps, "Tool kit upgrade")).toMatchObject({
      type: "Upsell",
      actual: 800,
      baseline: 1000,
      uplift: -200,
      elapsedShare: 1,
      expectedByNow: 500,
      track: "Behind",
    });
  });

  it("no categories and no SKUs: the whole account; no end date: in progress (no straight line to judge by)", () => {
    // June: 800 + 200 − 50 = 950; 2–31 May: 300 + 1,000 = 1,300.
    expect(by(ps, "Win back A")).toMatchObject({
      type: "Win-back",
      actual: 950,
      baseline: 1300,
      uplift: -350,
      elapsedShare: null,
      expectedByNow: null,
      track: "In progress",
    });
  });

  it("on track: 16 of 92 days run, uplift 150 ≥ 800 × 16/92 = 139.13", () => {
    const r = by(ps, "Introduce more ties");
    expect(r).toMatchObject({
      type: "New category",
      actual: 150,
      baseline: 0,
      uplift: 150,
      track: "On track",
    });
    // 139.1304… written to the penny
    expect(r.expectedByNow).toBe(139.13);
    expect(r.progress).toBeCloseTo(0.1875, 10);
  });

  it("achieved once the uplift reaches the target, however early", () => {
    expect(by(ps, "Premium t2 push")).toMatchObject({
      actual: 200,
      baseline: 0,
      uplift: 200,
      track: "Achieved",
    });
  });

  it("not started before its start date; not tracked without an account, a known category or a start date", () => {
    expect(by(ps, "Next season")).toMatchObject({
      track: "Not started",
      actual: 0,
      elapsedShare: 0,
      expectedByNow: 0,
    });
    expect(by(ps, "Ghost")).toMatchObject({
      track: "Not tracked",
      note: 'Account "ZZZ" is not in the order lines.',
    });
    expect(by(ps, "Nope")).toMatchObject({
      track: "Not tracked",
      note: 'Not in the order lines: category "Nope".',
    });
    expect(by(ps, "No date")).toMatchObject({
      track: "Not tracked",
      note: "No start date: give one to track it.",
    });
  });

  it("the account may be given by name, any case; the user’s status is kept and a cancelled one flagged", () => {
    expect(by(ps, "QBR programme")).toMatchObject({
      accountId: "A",
      type: "QBR programme",
      actual: 950,
      track: "In progress",
    });
    expect(by(ps, "Dropped idea")).toMatchObject({ status: "Cancelled", cancelled: true });
  });

  it("Initiative Progress rolls up by type and in total, leaving out cancelled and untracked ones", () => {
    const rows = p.dashboard.initiativeProgress;
    expect(rows.map((r) => `${r.type}:${r.count}`)).toEqual([
      "Win-back:1",
      "Upsell:2",
      "Range expansion:1",
      "QBR programme:1",
      "New category:1",
      "Other:1",
      "Total:7",
    ]);
    const total = rows.find((r) => r.type === "Total")!;
    // targets 600 + 500 + 100 + 800 + 150 + 300 = 2,450; uplift of those 350 − 200 − 350 + 150 + 200 + 0 = 150
    // actual 450 + 800 + 950 + 150 + 200 + 0 + 950 = 3,500
    // expected 397.83 + 500 + 0 + 139.13 + 150 × 30/214 (21.03) + 0 = 1,057.99 → behind
    expect(total).toMatchObject({ count: 7, target: 2450, actual: 3500, track: "Behind" });
    expect(total.progress).toBeCloseTo(150 / 2450, 10);
    // each to the penny, then added: 397.83 + 500 + 139.13 + 21.03 (150 × 30 / 214 = 21.028…) = 1,057.99
    expect(total.expectedByNow).toBe(1057.99);
    const upsell = rows.find((r) => r.type === "Upsell")!;
    expect(upsell).toMatchObject({ target: 650, uplift: 0, track: "Behind" });
  });

  it("the account detail carries its own initiatives", () => {
    const { model } = analyze();
    const names = analyzeAccount(model, "A").initiatives.map((x) => x.initiative);
    expect(names).toHaveLength(10); // every row of A (the name-matched one included), not Ghost (ZZZ)
    expect(names).toContain("QBR programme");
    expect(names).not.toContain("Ghost");
  });
});

describe("initiative types", () => {
  it.each([
    ["Liverpool site expansion", undefined, "Multi-site expansion"],
    ["Cable Ties Range Expansion", undefined, "Range expansion"],
    ["Tool Category Entry", undefined, "New category"],
    ["Tape & consumables conversion", undefined, "New category"],
    ["Preferred Supplier Agreement", undefined, "Agreement"],
    ["Something", "Win-back", "Win-back"],
    ["Something", undefined, "Other"],
  ] as const)("%s (type %p) → %s", (name, type, want) => {
    expect(initiativeTypeOf(name, type)).toBe(want);
  });
});

describe("proposed rows for the Initiatives table", () => {
  it("the plan’s initiatives from the day after the as-of date, leaving out those the table already has for the account", () => {
    // three other accounts buy B (a recommendation needs 3 supporting accounts, issue 15)
    const book = bookOf([
      line("A", d(2025, 4, 1), "a", 1000, { category: "A" }),
      ...["B", "C", "D"].flatMap((o) => [
        line(o, d(2025, 6, 1), "a", 10, { category: "A" }),
        line(o, d(2025, 6, 1), "b", 70, { category: "B" }),
      ]),
    ]);
    const det = analyzeAccount(
      buildPortfolio(book, { asOf, accounts: [{ accountId: "A", accountManager: "Kim" }] }),
      "A"
    );
    // Plan: Introduce B (whitespace, £70) and Win back (Stage 4)
    const rows = proposedInitiativeRows(
      det.account,
      det.plan,
      [{ account: "a", initiative: " introduce  b ", categories: [], skus: [] }],
      asOf
    );
    expect(rows).toEqual([
      // 1 Jul 2025 + 3 months − 1 day = 30 Sep 2025
      {
        account: "A",
        initiative: "Win back: Stage 4 – Recovery offer",
        type: "Win-back",
        categories: [],
        skus: [],
        target: null,
        start: d(2025, 7, 1),
        end: d(2025, 9, 30),
        owner: "Kim",
        status: "Proposed",
      },
    ]);
    const all = proposedInitiativeRows(det.account, det.plan, [], asOf);
    // New category runs 4 months: 1 Jul – 31 Oct
    expect(all[0]).toMatchObject({
      initiative: "Introduce B",
      type: "New category",
      categories: ["B"],
      target: 70,
      start: d(2025, 7, 1),
      end: d(2025, 10, 31),
    });
  });
});
