/**
 * The relationship map, the account plan's method sections, Initiative Progress on the dashboard
 * and the QBR's preparation blocks, read cell by cell from their sheet descriptions. The figures
 * are the ones worked out by hand in test/domain/analysis/relationship.test.ts and initiatives.test.ts.
 */
import { analyzeAccount, buildPortfolio, qbrData } from "../../src/domain/analysis";
import { OBJECTION_RESPONSES } from "../../src/domain/rules";
import type { AccountRecord, ContactRecord, InitiativeRecord } from "../../src/domain/types";
import { dashboardSheet } from "../../src/sheets/dashboardSheet";
import { layoutOptions } from "../../src/sheets/options";
import { planSheet } from "../../src/sheets/planSheet";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { relationshipSheet } from "../../src/sheets/relationshipSheet";
import {
  type CellValue,
  gapColumns,
  numericColumns,
  parseCell,
  type SheetSpec,
} from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2025, 6, 30);
const opts = layoutOptions({ asOf });

/** Every filled cell of a sheet description (later blocks win), as A1 → value. */
function cells(spec: SheetSpec): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const b of spec.blocks) {
    const at = parseCell(b.at);
    b.rows.forEach((row, i) => row.forEach((v, j) => out.set(`${i + at.row}:${j + at.col}`, v)));
  }
  return out;
}
/** The row of values `offset` rows below the topmost cell in column A holding `text`. */
function rowAfter(spec: SheetSpec, text: string, offset = 1, width = 8): CellValue[] {
  const c = cells(spec);
  let found = -1;
  for (const [k, v] of c) {
    const row = Number(k.split(":")[0]);
    if (v === text && k.endsWith(":0") && (found < 0 || row < found)) found = row;
  }
  if (found < 0) throw new Error(`"${text}" not in column A of ${spec.name}`);
  return Array.from({ length: width }, (_, j) => c.get(`${found + offset}:${j}`) ?? null);
}
const texts = (spec: SheetSpec) =>
  [...cells(spec).values()].filter((v): v is string => typeof v === "string");

describe("relationship map sheet", () => {
  // The parent with two site-column sites and three children of test/domain/analysis/relationship.test.ts.
  const lines = [
    line("P", d(2024, 9, 1), "a", 300, { site: "Head Office", orderedBy: "Sam Jones" }),
    line("P", d(2025, 6, 10), "a", 500, { site: "Head Office", orderedBy: "Jo Smith" }),
    line("P", d(2025, 6, 20), "a", -50, { site: "Head Office", orderId: "CN1", isReturn: true }),
    line("P", d(2025, 1, 15), "a", 200, { site: "Warehouse" }),
    line("C1", d(2025, 4, 2), "a", 400, { orderedBy: "Ali Khan" }),
    line("C2", d(2025, 4, 1), "a", 250),
  ];
  const accounts: AccountRecord[] = [
    { accountId: "P", name: "Parent Ltd", primaryContact: "Jo Smith" },
    { accountId: "C1", name: "Parent – Leeds", parentId: "P" },
    { accountId: "C2", name: "Parent – York", parentId: "P" },
    { accountId: "C3", name: "Parent – Hull", parentId: "P" },
  ];
  const contacts: ContactRecord[] = [
    {
      accountId: "P",
      name: "Jo Smith",
      role: "Purchasing Manager",
      influence: 4,
      relationship: 4,
      feeling: 2,
    },
    {
      accountId: "P",
      name: "Pat Lee",
      role: "MD",
      influence: 5,
      relationship: 1,
      feeling: -1,
      fiveP: {
        power: 5,
        perception: 2,
        priority: 3,
        promoter: 1,
        pliability: 2,
        weight: 4,
        veto: true,
      },
    },
    { accountId: "P", name: "Al Roy", role: "Finance", influence: 5, relationship: 2, feeling: -1 },
  ];
  const detail = analyzeAccount(buildPortfolio(bookOf(lines), { asOf, accounts, contacts }), "P");
  const s = relationshipSheet(detail, opts);

  it("is an account sheet named for the account", () => {
    expect(s).toMatchObject({ name: "KAP Relationships – P", kind: "relationships", subject: "P" });
    expect(texts(s)).toContain("Account P · as of 30/06/2025 · ask Jo Smith for introductions");
  });

  it("lists each contact with role, what it covers, influence level, strength, feeling and decision-map position", () => {
    expect(rowAfter(s, "Name", 1, 7)).toEqual([
      "Jo Smith",
      "Purchasing Manager",
      "Purchasing Manager",
      "High",
      4,
      "Champion",
      "Sponsor",
    ]);
    expect(rowAfter(s, "Name", 2, 7)).toEqual([
      "Pat Lee",
      "MD",
      "Owner/MD",
      "Very High",
      1,
      "Sceptical",
      "Blocker",
    ]);
    expect(rowAfter(s, "Name", 3, 7)).toEqual([
      "Al Roy",
      "Finance",
      "Finance/Accounts",
      "Very High",
      2,
      "Sceptical",
      "Blocker",
    ]);
  });

  it("draws influence against feeling; people on the same point share one label", () => {
    expect(s.charts).toEqual([expect.objectContaining({ type: "scatter", data: "J27:L29" })]);
    const c = cells(s);
    // J27 = row 26, col 9: header, then (Jo: feeling 5, influence High = 3), (Pat and Al: 2, Very High = 4)
    expect([c.get("27:9"), c.get("27:10"), c.get("27:11")]).toEqual(["Jo Smith", 5, 3]);
    expect([c.get("28:9"), c.get("28:10"), c.get("28:11")]).toEqual(["Pat Lee, Al Roy", 2, 4]);
  });

  it("shows required coverage with the priority to obtain each missing role and the ways to reach it", () => {
    expect(rowAfter(s, "Role", 1, 4)).toEqual(["Owner/MD", "✔ yes", "Pat Lee", "–"]);
    expect(rowAfter(s, "Role", 5, 4)).toEqual(["Site Supervisor(s)", "✘ missing", "–", "High"]);
    expect(rowAfter(s, "Target: Site Supervisor(s) (priority High)", 1, 1)).toEqual([
      "☐ Ask Jo Smith for an introduction",
    ]);
    expect(texts(s)).toContain("Target: End Users (priority Medium)");
    expect(texts(s)).not.toContain("Target: Finance/Accounts (priority Low)"); // Al Roy covers it
  });

  it("keeps the contact acquisition plan on one printed page: its heading to its last ☐ way", () => {
    // the rows (1-based) of the heading and of the last "☐" line before "People who order …"
    const c = cells(s);
    const rowOf = (pred: (v: CellValue) => boolean) =>
      [...c]
        .filter(([k, v]) => k.endsWith(":0") && pred(v))
        .map(([k]) => Number(k.split(":")[0]) + 1);
    const heading = rowOf((v) => v === "Contact acquisition plan")[0];
    const people = rowOf((v) => v === "People who order but are not in the contacts")[0];
    const lastWay = Math.max(
      ...rowOf((v) => typeof v === "string" && v.startsWith("☐ ")).filter((r) => r < people)
    );
    expect(s.page?.keepTogether).toEqual([`${heading}:${lastWay}`]);
  });

  it("lists the people who order but are not contacts, and the sites, silent and never-ordering ones included", () => {
    expect(rowAfter(s, "Ordered by", 1, 3)).toEqual([
      "Ali Khan",
      { date: d(2025, 4, 2) },
      { date: d(2025, 4, 2) },
    ]);
    expect(rowAfter(s, "Ordered by", 2, 3)).toEqual([
      "Sam Jones",
      { date: d(2024, 9, 1) },
      { date: d(2024, 9, 1) },
    ]);
    expect(rowAfter(s, "Site", 1, 7)).toEqual([
      "Head Office",
      "",
      750,
      { date: d(2025, 6, 10) },
      20,
      "Yes",
      "ordering",
    ]);
    expect(rowAfter(s, "Site", 3, 7)).toEqual([
      "Parent – York",
      "C2",
      250,
      { date: d(2025, 4, 1) },
      90,
      "No",
      "silent",
    ]);
    expect(rowAfter(s, "Site", 5, 7)).toEqual([
      "Parent – Hull",
      "C3",
      0,
      "never",
      null,
      "No",
      "never ordered",
    ]);
    expect(
      texts(s).some((t) =>
        t.startsWith("Multi-site expansion: 3 of 5 sites have not ordered in the last 90 days")
      )
    ).toBe(true);
  });

  it("shows the 5P scores the contacts table gives: 5+2+3+1+2 = 13, × weight 4 = 52, veto", () => {
    const c = cells(s);
    const row = [...c.entries()].find(
      ([k, v]) => v === "Pat Lee" && k.endsWith(":0") && c.get(k.replace(":0", ":2")) === 5
    )!;
    const r = Number(row[0].split(":")[0]);
    expect(Array.from({ length: 11 }, (_, j) => c.get(`${r}:${j}`))).toEqual([
      "Pat Lee",
      "MD",
      5,
      2,
      3,
      1,
      2,
      13,
      4,
      52,
      "Yes",
    ]);
  });
});

describe("account plan, dashboard and QBR: initiatives with their figures", () => {
  const ties = { category: "Ties" };
  const lines = [
    line("A", d(2025, 2, 28), "t1", 1000, ties),
    line("A", d(2025, 3, 1), "t1", 100, ties),
    line("A", d(2025, 5, 10), "t1", 300, ties),
    line("A", d(2025, 5, 20), "k1", 1000, { category: "Tools" }),
    line("A", d(2025, 6, 15), "t2", 200, ties),
    line("A", d(2025, 6, 20), "t1", -50, { ...ties, orderId: "CN9", isReturn: true }),
  ];
  const initiatives: InitiativeRecord[] = [
    {
      account: "A",
      initiative: "Ties range expansion",
      categories: ["Ties"],
      skus: [],
      start: d(2025, 5, 1),
      end: d(2025, 7, 31),
      target: 600,
      status: "In progress",
    },
  ];
  const model = buildPortfolio(bookOf(lines), {
    asOf,
    initiatives,
    accounts: [{ accountId: "A", name: "Acme", industry: "Plumber" }],
  });

  it("the plan tracks the account’s initiative: 450 actual, 100 baseline, 350 uplift, 58% of 600, behind the straight line", () => {
    const plan = planSheet(analyzeAccount(model, "A"), opts);
    const row = rowAfter(plan, "Initiative", 1, 10);
    expect(row.slice(0, 3)).toEqual([
      "Ties range expansion",
      "Range expansion",
      "01/05/2025 – 31/07/2025",
    ]);
    expect(row.slice(3, 7)).toEqual([600, 450, 100, 350]);
    expect(row[7]).toBeCloseTo(350 / 600, 10);
    expect(row.slice(8)).toEqual(["Behind", "In progress"]);
  });

  it("the dashboard rolls it up as Initiative Progress", () => {
    const dash = dashboardSheet(model.analysis, opts);
    const first = rowAfter(dash, "Initiative type", 1, 8);
    // the account "A" of the Initiatives table is matched to its row in the accounts table: Acme
    expect(first.slice(0, 6)).toEqual(["Range expansion", 1, 600, 450, "Acme", 350]);
    expect(first[7]).toBe("Behind");
    expect(rowAfter(dash, "Initiative type", 2, 8).slice(0, 5)).toEqual([
      "Total",
      1,
      600,
      450,
      "1 account",
    ]);
  });

  it("the dashboard's Initiative Progress: figures' headers over them, Status set off from the % (not '58%Behind')", () => {
    const dash = dashboardSheet(model.analysis, opts);
    const b = dash.blocks.find((x) => x.rows[0]?.[0] === "Initiative type")!;
    expect(b.header).toBe(true);
    // Initiative type | Initiatives 1 | Target 600 | Actual 450 | Accounts Acme | Uplift 350 |
    // % of target 58% | Status Behind: the accounts (in the wide text column E) and Status set off
    expect(numericColumns(b)).toEqual([false, true, true, true, false, true, true, false]);
    expect(gapColumns(b)).toEqual([false, false, false, false, true, false, false, true]);
  });

  it("the QBR's comparison with similar accounts: its figures in the header's block, headers right over them", () => {
    const q = qbrSheets(qbrData(model, "A", { year: 2025, q: 2 }), opts);
    // A's first order (28/02/2025) is inside the 12 months: its column says for how many days
    const b = q
      .flatMap((x) => x.blocks)
      .find((x) => String(x.rows[0]?.[1] ?? "").startsWith("This account ("))!;
    expect(b.rows[0][1]).toBe("This account (123 days)");
    expect(b.header).toBe(true);
    // 12 months to 30/06/2025: 1,000 + 100 + 300 + 1,000 + 200 − 50 (the credit note) = 2,550;
    // the data starts 28/02/2025, after the 12 months' first month (Jul 2024), and the label says so
    expect(b.rows[1].slice(0, 2)).toEqual([
      "Spend after returns, 12 months to 30/06/2025 (data from 28/02/2025)",
      2550,
    ]);
    expect(b.rows).toHaveLength(4);
    expect(numericColumns(b)[1]).toBe(true);
  });

  it("the QBR's internal preparation sheet shows it too, with objection handling and competitive intelligence; the customer's planning page does not", () => {
    const q = qbrSheets(qbrData(model, "A", { year: 2025, q: 2 }), opts);
    const planning = q.find((x) => x.kind === "qbr-planning")!;
    expect(texts(planning)).not.toContain("Ties range expansion");
    const prep = q.find((x) => x.kind === "qbr-prep")!;
    expect(rowAfter(prep, "Initiative", 1, 3)).toEqual([
      "Ties range expansion",
      "Range expansion",
      "01/05/2025 – 31/07/2025",
    ]);
    const t = texts(prep);
    for (const o of OBJECTION_RESPONSES) {
      expect(t).toContain(o.objection);
      expect(t).toContain(o.response);
    }
    expect(t).toContain("Competitive intelligence");
    expect(t).toContain("☐ Who else is involved in purchasing decisions?");
    expect(rowAfter(prep, "Competitor", 0, 5)).toEqual([
      "Competitor",
      "What they supply",
      "Strengths",
      "Weaknesses",
      "Our strategy",
    ]);
  });
});

describe("win-back on the account plan", () => {
  it("Stage 5: the exit questions and the learning recorded", () => {
    const model = buildPortfolio(
      bookOf([line("L", d(2025, 3, 1), "a", 10), line("X", d(2025, 6, 30), "a", 10)]),
      {
        asOf,
        accounts: [{ accountId: "L", lost: true, lostReason: "Moved to a framework supplier" }],
      }
    );
    const t = texts(planSheet(analyzeAccount(model, "L"), opts));
    expect(t).toContain("Win-back: Stage 5 – Exit interview");
    expect(t).toContain("☐ What made you change suppliers?");
    expect(
      rowAfter(planSheet(analyzeAccount(model, "L"), opts), "Learning recorded", 0, 2)
    ).toEqual(["Learning recorded", "Moved to a framework supplier"]);
  });

  it("Stage 4 at 90+ days: the four recovery offers", () => {
    // 30 Jun 2025 − 1 Apr 2025 = 90 days
    const model = buildPortfolio(
      bookOf([line("S", d(2025, 4, 1), "a", 10), line("X", d(2025, 6, 30), "a", 10)]),
      { asOf }
    );
    const plan = planSheet(analyzeAccount(model, "S"), opts);
    expect(texts(plan)).toContain("Win-back: Stage 4 – Recovery offer");
    expect(rowAfter(plan, "Recovery offer (choose one or more)", 1, 1)).toEqual([
      "☐ One-time 20% discount on the next order",
    ]);
    expect(rowAfter(plan, "Recovery offer (choose one or more)", 4, 1)).toEqual([
      "☐ Extended credit terms",
    ]);
  });
});
