/**
 * The QBR of an account at each win-back stage (PRODUCT.md §2.4: 30–44 days since its last order
 * Stage 1, 45–59 Stage 2, 60–89 Stage 3, 90+ Stage 4, marked lost Stage 5) speaks to the customer
 * on the pages the customer is handed, and to the account manager on the internal sheet and the
 * account plan. The stage's name and the methodology's actions ("Manager escalation + special
 * offer", "Exit interview: …") are the sales team's: printed for the customer, "Stage 5 – Exit
 * interview" read as their exit and "Stage 3 – Critical" as what we think of them. Before, a lost
 * account's Insights page and agenda said "None: a win-back conversation (Stage 5 – Exit
 * interview)", its checklist "☐ Prepare the win-back (Stage 5 – Exit interview)", and its planning
 * questions asked about next quarter's projects and who else should join these reviews.
 *
 * Read back as a user gets it, from both writers: the .xlsx (ExcelJS) and the Office.js writer on
 * the double.
 *
 * Data, as of 31/10/2026, QBR of FY2026 Q3 (Jul–Sep 2026). Each account orders £100 of category X
 * on 01/03/2026 and £100 on its last order day:
 * - S1 29/09/2026: 31/10 − 29/09 = 2 + 30 = 32 days, Stage 1 – Early warning;
 * - S2 16/09/2026: 14 + 31 = 45 days, Stage 2 – Active concern;
 * - S3 31/08/2026: 30 + 31 = 61 days, Stage 3 – Critical;
 * - S4 03/07/2026: 28 + 31 + 30 + 31 = 120 days, Stage 4 – Recovery offer;
 * - L 03/07/2026 too, and the Accounts table marks it lost: Stage 5 – Exit interview, whatever the
 *   days (120).
 */
import ExcelJS from "exceljs";
import { analyzeAccount, buildPortfolio, qbrData } from "../../src/domain/analysis";
import { writeSheetsIn } from "../../src/excel/writeSheets";
import { layoutOptions } from "../../src/sheets/options";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { planSheet } from "../../src/sheets/planSheet";
import type { SheetSpec } from "../../src/sheets/spec";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";
import { ExcelDouble } from "../excel-double/excel";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const lastOrder: Record<string, number> = {
  S1: d(2026, 9, 29),
  S2: d(2026, 9, 16),
  S3: d(2026, 8, 31),
  S4: d(2026, 7, 3),
  L: d(2026, 7, 3),
};
const model = buildPortfolio(
  bookOf(
    Object.entries(lastOrder).flatMap(([id, last]) => [
      line(id, d(2026, 3, 1), "X1", 100, { category: "X" }),
      line(id, last, "X1", 100, { category: "X" }),
    ])
  ),
  {
    asOf,
    accounts: [
      ...["S1", "S2", "S3", "S4"].map((accountId) => ({ accountId })),
      { accountId: "L", lost: true, lostReason: "Moved to a national distributor on price" },
    ],
  }
);
const opts = layoutOptions({ asOf, currency: "GBP" });
const sheetsOf = (id: string) => qbrSheets(qbrData(model, id, { year: 2026, q: 3 }), opts);

const INTERNAL = "Preparation (internal)";

/** Each stage: its days, name, action and script, as the methodology gives them (rules.ts). */
const STAGES = [
  {
    id: "S1",
    days: 32,
    name: "Stage 1 – Early warning",
    action: "Friendly check-in call/email",
    script:
      "Hi [Name], noticed it's been a few weeks since your last order. Just checking in - is there anything you need? Any issues we should know about?",
    more: [] as string[],
  },
  {
    id: "S2",
    days: 45,
    name: "Stage 2 – Active concern",
    action: "Direct call with value offer",
    script:
      "We've missed you! I wanted to reach out personally. Is everything okay? I'd love to help you with your next order - I can offer [incentive].",
    more: [],
  },
  {
    id: "S3",
    days: 61,
    name: "Stage 3 – Critical",
    action: "Manager escalation + special offer",
    script:
      "I've asked our Sales Manager to reach out. We value your business and want to make sure we're meeting your needs. Can we schedule a call to discuss?",
    more: [],
  },
  {
    id: "S4",
    days: 120,
    name: "Stage 4 – Recovery offer",
    action:
      "Recovery offer: one-time 20% discount, free delivery for 3 months, samples of new lines, extended credit terms",
    script:
      "We'd really like to have you back. For your next order I can offer a one-time 20% discount, free delivery for three months, samples of our new lines and extended credit terms. Shall I put an order together with you?",
    more: [
      "☐ One-time 20% discount on the next order",
      "☐ Free delivery for 3 months",
      "☐ Product samples for new lines",
      "☐ Extended credit terms",
    ],
  },
  {
    id: "L",
    days: 120,
    name: "Stage 5 – Exit interview",
    action:
      "Exit interview: ask why they changed supplier and record the learning for other accounts",
    script:
      "Thank you for the business we've done together. So we can learn from it, may I ask you three quick questions?",
    more: [
      "☐ What made you change suppliers?",
      "☐ What could we have done differently?",
      "☐ Would you consider us for future needs?",
      "Moved to a national distributor on price",
    ],
  },
];

/**
 * What only the sales team reads: a stage's number or name, the methodology's words for the
 * account's state, and its actions. None of it on a page the customer is handed.
 */
const INTERNAL_WORDS =
  /stage \d|win-?back|churn|at risk|early warning|active concern|critical|recovery offer|escalat|exit interview|record the learning|lost\b|national distributor/i;

/** Each sheet's text cells as the .xlsx holds them, read back with ExcelJS. */
async function xlsxTexts(sheets: SheetSpec[]): Promise<Map<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await toXlsxBytes(sheets)) as unknown as ExcelJS.Buffer);
  const texts = new Map<string, string[]>();
  for (const ws of wb.worksheets) {
    const t: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === "string") t.push(c.value);
      })
    );
    texts.set(ws.name, t);
  }
  return texts;
}

/** Each sheet's text cells as the Office.js writer leaves them on the double. */
async function officeTexts(sheets: SheetSpec[]): Promise<Map<string, string[]>> {
  const x = new ExcelDouble([]);
  await writeSheetsIn(x.newContext() as unknown as Excel.RequestContext, sheets);
  const texts = new Map<string, string[]>();
  for (const name of x.sheetNames())
    texts.set(
      name,
      x
        .sheet(name)
        .cells.flatMap((row) => row ?? [])
        .map((c) => c?.value)
        .filter((v): v is string => typeof v === "string" && v !== "")
    );
  return texts;
}

/** The customer's pages say nothing of the stage; the internal sheet has it whole. */
function expectStageSplit(texts: Map<string, string[]>, s: (typeof STAGES)[number]) {
  for (const [name, t] of texts)
    if (name !== INTERNAL)
      expect([s.id, name, t.filter((x) => INTERNAL_WORDS.test(x))]).toEqual([s.id, name, []]);
  const internal = texts.get(INTERNAL)!;
  const at = internal.indexOf(`Win-back: ${s.name}`);
  expect([s.id, at]).not.toEqual([s.id, -1]);
  // (ExcelJS reads a merged cell's text once for each cell of the merge)
  const block = [...new Set(internal.slice(at))];
  expect(block.slice(0, 7)).toEqual([
    `Win-back: ${s.name}`,
    "Why",
    `${s.days} days since the last order.`,
    "Action",
    s.action,
    "Script",
    s.script,
  ]);
  for (const m of s.more) expect([s.id, internal.includes(m)]).toEqual([s.id, true]);
}

/** What the customer reads on the planning and agenda pages: an active customer's or a lost one's. */
function expectCustomerWording(texts: Map<string, string[]>, lost: boolean) {
  const planning = texts.get("Planning & actions")!;
  const agenda = texts.get("Agenda & checklist")!;
  const insights = texts.get("Insights & offers")!;
  if (!lost) {
    expect(planning).toContain("What projects or jobs are coming up in the next quarter?");
    expect(planning).toContain("Who else should be involved in these reviews?");
    expect(planning).toContain("Confirm date of next QBR");
    expect(agenda).toContain("4. Recommendations");
    // no other account buys anything they do not: nothing to recommend, said to the customer
    // (before: "No recommendation meets the bar yet (High or Medium priority)." and, in the
    // agenda, "Product recommendations")
    expect(insights).toContain("Nothing new to suggest this quarter.");
    expect(agenda).toContain("Nothing new to suggest this quarter.");
    expect(
      [...insights, ...agenda].filter((t) =>
        /meets the bar|priority\)|Product recommendations/.test(t)
      )
    ).toEqual([]);
    expect(agenda).toContain("☐ Prepare cross-sell recommendations (3–5)");
    return;
  }
  expect(insights).toContain("None this time: today is about your feedback on working with us.");
  expect(planning).toContain("What has changed in your business since your last order with us?");
  expect(planning).toContain("When would be a good time to talk again?");
  expect(planning).toContain("Agree when to talk again");
  expect(planning.filter((t) => /next quarter|these reviews|next QBR/.test(t))).toEqual([]);
  expect(agenda).toContain("4. Your feedback");
  expect(agenda).toContain("What we will follow up on; when to talk again");
  expect(agenda).toContain("☐ Prepare your questions (internal sheet, last tab)");
  expect(agenda.filter((t) => /Recommendations|new products|Upcoming projects/.test(t))).toEqual(
    []
  );
}

describe.each(STAGES)("$id, $name", (s) => {
  const lost = s.id === "L";
  test(".xlsx: the customer's pages name no stage; the internal sheet has the stage, its action and script", async () => {
    const texts = await xlsxTexts(sheetsOf(s.id));
    expectStageSplit(texts, s);
    expectCustomerWording(texts, lost);
  });

  test("Office.js writer: the same", async () => {
    const texts = await officeTexts(sheetsOf(s.id));
    expectStageSplit(texts, s);
    expectCustomerWording(texts, lost);
  });

  test("the account plan keeps the stage and the methodology's action", () => {
    const x = analyzeAccount(model, s.id);
    expect(x.account.winBack?.name).toBe(s.name);
    expect(x.plan.initiatives.map((i) => i.title)).toContain(`Win back: ${s.name}`);
    expect(x.plan.nextActions).toContain(s.action);
    const texts = planSheet(x, opts)
      .blocks.flatMap((b) => b.rows.flat())
      .filter((v): v is string => typeof v === "string");
    expect(texts).toContain(`Win-back: ${s.name}`);
    expect(texts).toContain(s.script);
  });
});
