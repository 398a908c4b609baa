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

/**
 * What the customer reads on the planning, agenda and insights pages at each stage: an active
 * customer's review led by what methodology 000 Step 9.3 has the account manager ask at the stage,
 * in the customer's words. Before, Stages 1–4 got an active customer's review unchanged ("Who else
 * should be involved in these reviews?"), and Stage 4's page offered the bulk tiers (£250–499 3% …)
 * while its internal sheet said the offer is a one-time 20% discount.
 */
const LAPSING: Record<
  string,
  { first: string[]; check: string; offers: string[] | null; attendees: string }
> = {
  // Step 9.3, Stage 1: "is there anything you need? Any issues we should know about?"
  S1: {
    first: [
      "Is there anything you need from us at the moment?",
      "Any issues we should know about (products, deliveries, service)?",
    ],
    check: "How is business going? Is there anything you need? Any issues we should know about?",
    offers: null,
    attendees: "Account: S1 · Date: · Attendees:",
  },
  // Stage 2: "Is everything okay? I'd love to help you with your next order - I can offer [incentive]."
  S2: {
    first: [
      "Is everything okay on your side? Has anything changed in how you buy?",
      "What will your next order be, and how can we help you with it?",
    ],
    check: "Is everything okay? How is business going? Any issues we should know about?",
    offers: null,
    attendees: "Account: S2 · Date: · Attendees:",
  },
  // Stage 3: "I've asked our Sales Manager to reach out. We value your business and want to make
  // sure we're meeting your needs. Can we schedule a call to discuss?"
  S3: {
    first: [
      "Are we meeting your needs? Where have we fallen short?",
      "What has changed in your business, or in how you buy?",
    ],
    check: "Are we meeting your needs? How is business going? Concerns or feedback for us?",
    offers: null,
    attendees: "Account: S3 · Date: · Attendees: our Sales Manager,",
  },
  // Stage 4: the recovery offer, its four offers for the next order
  S4: {
    first: [
      "What has changed since your last order with us?",
      "Which products do you buy elsewhere today, and why?",
    ],
    check: "What has changed since your last order? Concerns or feedback for us?",
    offers: [
      "☐ One-time 20% discount on the next order",
      "☐ Free delivery for 3 months",
      "☐ Product samples for new lines",
      "☐ Extended credit terms",
    ],
    attendees: "Account: S4 · Date: · Attendees:",
  },
};

/** The tab of a lost account's insights page: it offers nothing (no bulk tiers, no replenishment). */
const LOST_INSIGHTS = "Service & insights";

function expectCustomerWording(texts: Map<string, string[]>, id: string) {
  const planning = texts.get("Planning & actions")!;
  const agenda = texts.get("Agenda")!;
  // the preparation checklist is the team's: on the internal sheet, never the customer's agenda
  const prep = texts.get("Preparation (internal)")!;
  expect(agenda.filter((t) => t.startsWith("☐"))).toEqual([]);
  const lapsing = LAPSING[id];
  if (lapsing) {
    const insights = texts.get("Insights & offers")!;
    // the stage's own questions lead the planning questions (the page's first two after its headings)
    const at = planning.indexOf("Planning questions");
    expect(planning.slice(at + 1, at + 3)).toEqual(lapsing.first);
    expect(planning).not.toContain("Who else should be involved in these reviews?");
    expect(planning).toContain("What should we do differently?");
    expect(planning).toContain("Confirm date of next QBR");
    expect(agenda).toContain(lapsing.check);
    expect(agenda).toContain(lapsing.attendees);
    expect(agenda).toContain("4. Recommendations");
    // Stages 2–4 bring an offer for the next order (Step 9.3's value, special and recovery offers)
    expect(agenda).toContain(
      `Nothing new to suggest this quarter.${id === "S1" ? "" : "; an offer for your next order"}`
    );
    expect(insights).toContain("Nothing new to suggest this quarter.");
    if (lapsing.offers) {
      const o = insights.indexOf("Offers for your next order");
      expect(insights.slice(o + 1, o + 5)).toEqual(lapsing.offers);
      expect(insights.filter((t) => /bulk order incentives|^£250/.test(t))).toEqual([]);
    } else {
      expect(insights).toContain("Offers: bulk order incentives");
      expect(insights).toContain("£250–499");
    }
    // Stage 3's escalation: our Sales Manager joins (agenda's attendees and the checklist)
    expect(
      prep.includes("☐ Confirm attendees (request MD attendance; our Sales Manager joins)")
    ).toBe(id === "S3");
    expect(prep).toContain("☐ Prepare cross-sell recommendations (3–5)");
    return;
  }
  const insights = texts.get(LOST_INSIGHTS)!;
  expect(texts.has("Insights & offers")).toBe(false);
  expect(insights).toContain("None this time: today is about your feedback on working with us.");
  // no terms to sell a lost account: no bulk tiers, no "Also available", no auto-replenishment
  expect(
    insights.filter((t) => /offer|discount|£250|Also available|replenishment/i.test(t))
  ).toEqual([]);
  // its pages look back on what it bought (the 12 months to its last order), no quarter page
  expect(texts.get("Cover")!.find((t) => t.startsWith("Contents:"))).toBe(
    "Contents: Partnership summary · What you bought · Service · Insights · Recommendations · Planning · Actions · Agenda · Follow-up e-mail"
  );
  expect(texts.has("Quarter at a glance")).toBe(false);
  expect(texts.has("What you bought")).toBe(true);
  expect(planning).toContain("What has changed in your business since your last order with us?");
  expect(planning).toContain("When would be a good time to talk again?");
  expect(planning).toContain("Agree when to talk again");
  expect(planning.filter((t) => /next quarter|these reviews|next QBR/.test(t))).toEqual([]);
  expect(agenda).toContain("4. Your feedback");
  expect(agenda).toContain("What we will follow up on; when to talk again");
  expect(agenda).toContain(
    "Comparison with similar customers; how we served you (service levels, issues resolved)"
  );
  expect(prep).toContain("☐ Prepare your questions (the win-back below)");
  expect(
    agenda.filter((t) => /Recommendations|new products|Upcoming projects|volume discounts/.test(t))
  ).toEqual([]);
}

/** Stage 4's internal sheet says the customer's page lists the whole recovery offer, to be pruned. */
test("S4: the internal sheet's 'Before you send this' points to the offers on the Insights page", async () => {
  const internal = (await xlsxTexts(sheetsOf("S4"))).get(INTERNAL)!;
  expect(internal).toContain(
    "120 days since the last order (Stage 4 – Recovery offer): the Insights page offers all 4 recovery offers for the next order, in place of the bulk discounts. Strike out the ones you will not give before you print or send it."
  );
});

describe.each(STAGES)("$id, $name", (s) => {
  test(".xlsx: the customer's pages name no stage; the internal sheet has the stage, its action and script", async () => {
    const texts = await xlsxTexts(sheetsOf(s.id));
    expectStageSplit(texts, s);
    expectCustomerWording(texts, s.id);
  });

  test("Office.js writer: the same", async () => {
    const texts = await officeTexts(sheetsOf(s.id));
    expectStageSplit(texts, s);
    expectCustomerWording(texts, s.id);
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
