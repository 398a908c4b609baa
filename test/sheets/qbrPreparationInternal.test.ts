/**
 * The QBR workbook is put in front of the customer (PRODUCT.md §2.9), so the sales team's own
 * material is on one last sheet, "Preparation (internal)", its tab red and its header line and
 * printed page header saying it is not for the customer. Before, the agenda page printed the
 * objection scripts, the competitive intelligence, "Why spend is down" with its likely causes and
 * the win-back plan; the planning page the tracked initiatives with "Behind"; the partnership page
 * how many of our calls went unanswered and how many invoices were unpaid.
 *
 * Read back as a user gets it, from both writers: the .xlsx (ExcelJS: `kap qbr`, and the pane's
 * one-button QBR, which opens those bytes) and the Office.js writer (src/excel) on the double.
 *
 * Account A (industry Electrical Contractor), as of 31/10/2026, QBR of FY2026 Q3 (Jul–Sep 2026):
 * - orders: 01/03/2025 Cable Ties £2,000 (the 12 months before); 03/08/2026 Cable Ties £100 (the
 *   last 12 months): (100 − 2,000) / 2,000 = −95%, a declining account with likely causes.
 *   Its last order 03/08/2026 is 28 + 30 + 31 = 89 days before 31/10: win-back Stage 3 (60–89).
 * - B, C, D (the same industry) buy Cable Ties and Lighting: Lighting is probably bought elsewhere
 *   ("3 of 3 Electrical Contractor accounts"), the competitive intelligence's one category.
 * - engagement log: four calls to Jo Bloggs 60, 50, 40 and 30 days before, the first two answered
 *   in 5 h, the last two not: 2 of the 4 older than 14 days unanswered, half → engagement 1.
 * - payments ledger: £100 due 01/09/2026 paid 23/09/2026 (22 days late); £100 due 01/10/2026
 *   unpaid, 30 days overdue at 31/10: weighted mean (22 + 30) / 2 = 26 days, 1 unpaid → payment 2
 *   (8–30 days).
 * - Initiatives table: "Introduce Lighting" from 01/07/2026 to 30/06/2027, target £5,000, no
 *   Lighting bought since: Behind.
 * - the user's cross-sell sheet: Cable Ties → Cable Clips, High; nothing in the workbook sells
 *   Cable Clips (no catalog, no order line): recommended 2nd, after Lighting (3 of 3, High, with an
 *   estimate). The Insights page gives its reasons (KAP's product matrix and the user's rule);
 *   that it is only a suggestion with no sales behind it, and from where, is the internal sheet's.
 *   The same recommendation as if KAP's built-in product matrix alone named it (the ranking no
 *   longer recommends such an item, but the pages must not depend on it) says so there too.
 *   The planning page's action and the e-mail offer a quote for it ("Quote for Cable Clips"); that
 *   we must first check we can supply it is the internal sheet's.
 *
 * The same book with Lighting bought by B (£200) and C (£300) only, and Plumbers E (Cable Ties £50,
 * Lighting £500) and G, H, I, J (Fixings £50 each): 9 baskets, Cable Ties 5 (A–E), Lighting 3
 * (B, C, E), both 3: Cable Ties → Lighting 3 / 5 = 60%, lift 0.6 / (3 / 9) = 1.8; 2 of A's 3
 * comparable accounts buy Lighting (under 3: the rule's 60% alone, capped to Medium), so its
 * estimate is their median (200 + 300) / 2 = £250.00 resting on 2 accounts. The Insights page
 * gives the reasons only; the figure, whose spend it is and "fewer than 3 accounts: a rough figure"
 * are the internal sheet's ("Recommendations: what each is worth to us"), with £250.00 flagged as
 * 2.5× A's own £100 in the 12 months to 31/10/2026.
 *
 * The health score (1.90, Critical) with its band and factors is the internal sheet's too: it
 * grades the customer (the cover and the Partnership page showed it, and a table of its factors).
 *
 * Account L, alone in another book: orders 10/04/2026 £500 and 03/08/2026 £120; the Accounts table
 * marks it lost ("Moved to a framework supplier"); its QBR made as of 31/10/2026 with order data
 * said to end 15/09/2026 (as the engine says when the as-of is 31+ days past the last order):
 * 15 + 31 = 46 days before. Both were red on the cover; now "Before you send this", at the top of
 * the internal sheet.
 */
import ExcelJS from "exceljs";
import { buildPortfolio, qbrData, type QbrData } from "../../src/domain/analysis";
import { OBJECTION_RESPONSES } from "../../src/domain/rules";
import type { EngagementEntry, OrderLine } from "../../src/domain/types";
import { writeSheetsIn } from "../../src/excel/writeSheets";
import { layoutOptions } from "../../src/sheets/options";
import { finishForPrint } from "../../src/sheets/print";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import type { SheetSpec } from "../../src/sheets/spec";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";
import { ExcelDouble } from "../excel-double/excel";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const industry = "Electrical Contractor";
const ct = (id: string, date: number, v: number) =>
  line(id, date, "CT", v, { category: "Cable Ties" });
const lt = (id: string, date: number, v: number) =>
  line(id, date, "LT", v, { category: "Lighting" });
const call = (daysAgo: number, answeredAfterHours?: number): EngagementEntry => ({
  accountId: "A",
  at: asOf - daysAgo,
  contact: "Jo Bloggs",
  direction: "outbound",
  respondedOn:
    answeredAfterHours === undefined ? undefined : asOf - daysAgo + answeredAfterHours / 24,
});
/** The book above: A, B, C, D's Cable Ties, the `more` lines, and `plumbers` (industry Plumber). */
const modelWith = (more: OrderLine[], plumbers: string[] = []) =>
  buildPortfolio(
    bookOf([
      ct("A", d(2025, 3, 1), 2000),
      ct("A", d(2026, 8, 3), 100),
      ...["B", "C", "D"].map((id) => ct(id, d(2026, 9, 1), 50)),
      ...more,
    ]),
    {
      asOf,
      accounts: [
        ...["A", "B", "C", "D"].map((accountId) => ({ accountId, industry })),
        ...plumbers.map((accountId) => ({ accountId, industry: "Plumber" })),
      ],
      engagementLog: [call(60, 5), call(50, 5), call(40), call(30)],
      invoices: [
        { accountId: "A", dueDate: d(2026, 9, 1), paidDate: d(2026, 9, 23), amount: 100 },
        { accountId: "A", dueDate: d(2026, 10, 1), amount: 100 },
      ],
      initiatives: [
        {
          account: "A",
          initiative: "Introduce Lighting",
          categories: ["Lighting"],
          skus: [],
          start: d(2026, 7, 1),
          end: d(2027, 6, 30),
          target: 5000,
          status: "Planned",
        },
      ],
      curatedRules: [
        {
          theyBuy: "Cable Ties",
          considerSelling: "Cable Clips",
          rationale: "Installers fit them with the ties",
          priority: "High",
        },
      ],
    }
  );
const model = modelWith(["B", "C", "D"].map((id) => lt(id, d(2026, 9, 1), 200)));
const printed = (q: QbrData) =>
  qbrSheets(q, layoutOptions({ asOf, currency: "GBP" })).map((s) =>
    finishForPrint(s, { paper: "A4", asOfText: "As of 31/10/2026" })
  );
const qbrA = qbrData(model, "A", { year: 2026, q: 3 });
const specs = printed(qbrA);
/** Account L, lost, its order data said to end 15/09/2026. */
const lostLate = qbrSheets(
  qbrData(
    buildPortfolio(bookOf([ct("L", d(2026, 4, 10), 500), ct("L", d(2026, 8, 3), 120)]), {
      asOf,
      accounts: [{ accountId: "L", lost: true, lostReason: "Moved to a framework supplier" }],
    }),
    "L",
    { year: 2026, q: 3 }
  ),
  { ...layoutOptions({ asOf, currency: "GBP" }), dataEndsEarly: d(2026, 9, 15) }
).map((s) => finishForPrint(s, { paper: "A4", asOfText: "As of 31/10/2026" }));
const DATA_ENDS =
  "The order data ends 15/09/2026, 46 days before the as-of date 31/10/2026: nothing after 15/09/2026 is counted. Check the export is complete before presenting these figures.";
const LOST =
  "Your Accounts table marks this account lost: hold a win-back conversation rather than a review, with the Stage 5 exit interview below (the reason recorded is there too); as on its plan, nothing new is recommended until it orders again, and the follow-up e-mail thanks them for their time and frankness and says what you will come back to them with.";

/** A's QBR when only B and C of its comparable accounts buy Lighting (£200, £300). */
const twoBuyLighting = printed(
  qbrData(
    modelWith(
      [
        lt("B", d(2026, 9, 1), 200),
        lt("C", d(2026, 9, 1), 300),
        ct("E", d(2026, 9, 1), 50),
        lt("E", d(2026, 9, 1), 500),
        ...["G", "H", "I", "J"].map((id) =>
          line(id, d(2026, 9, 1), "FX", 50, { category: "Fixings" })
        ),
      ],
      ["E", "G", "H", "I", "J"]
    ),
    "A",
    { year: 2026, q: 3 }
  )
);

/** Cable Clips as if only KAP's built-in product matrix named it. */
const builtInOnly = printed({
  ...qbrA,
  recommendations: qbrA.recommendations.map((o) =>
    o.offer === "Cable Clips"
      ? { ...o, curated: o.curated.filter((c) => c.source === "product matrix") }
      : o
  ),
});

const INTERNAL = "Preparation (internal)";
const HEADER = "Preparation (internal) – not for the customer";

/** What must be on the internal sheet and on no customer page, each found by a text it holds. */
const internalOnly: [string, (t: string) => boolean][] = [
  ...OBJECTION_RESPONSES.flatMap((o): [string, (t: string) => boolean][] => [
    [`objection ${o.objection}`, (t) => t === o.objection],
    [`response to ${o.objection}`, (t) => t === o.response],
  ]),
  ["competitive intelligence", (t) => t === "Competitive intelligence"],
  ["the intel's category bought elsewhere", (t) => t === `3 of 3 ${industry} accounts`],
  ["the question naming it", (t) => t.includes("Who else do you work with for Lighting?")],
  ["the competitor table", (t) => t === "Competitors (fill in)"],
  ["an initiative behind", (t) => /\bBehind\b/.test(t)],
  ["the tracked initiative", (t) => t === "Introduce Lighting"],
  ["outreach counts", (t) => /outreach|answered/i.test(t)],
  ["the contact who did not answer", (t) => t.includes("Jo Bloggs")],
  ["unpaid invoices", (t) => /unpaid|weighted mean/i.test(t)],
  ["why spend is down", (t) => /likely causes|Why spend is down/i.test(t)],
  ["the win-back plan", (t) => t.startsWith("Win-back: Stage 3")],
  ["a recommendation with no sales behind it", (t) => /no sales behind it/i.test(t)],
  ["that we may not supply it", (t) => /check we can supply/i.test(t)],
  [
    "where a suggestion comes from",
    (t) => /cross-sell sheet|built-in (product|industry) matrix/i.test(t),
  ],
  // the health score grades the customer: it, its band and its factors are the sales team's
  ["the health score", (t) => /health score/i.test(t)],
  ["its band", (t) => /^(Healthy|Stable|At Risk|Critical)\b/.test(t)],
  [
    "a factor of the score",
    (t) => ["Recency", "Frequency", "Diversity", "Engagement", "Payment"].includes(t),
  ],
  // what a recommendation is worth to us, and an estimate out of scale with the account
  ["a recommendation's estimate", (t) => /\bestimates?\b/i.test(t)],
  ["an estimate out of scale", (t) => /out of scale|size the offer/i.test(t)],
];

const NOT_STOCKED = "Not in the catalog or the order data: a suggestion from";

function expectSplit(texts: Map<string, string[]>) {
  const names = [...texts.keys()];
  expect(names[names.length - 1]).toBe(INTERNAL);
  const internal = texts.get(INTERNAL)!;
  expect(internal[0]).toBe(HEADER);
  for (const [what, found] of internalOnly) {
    for (const [name, t] of texts)
      if (name !== INTERNAL) expect([what, name, t.filter(found)]).toEqual([what, name, []]);
    expect([what, internal.some(found)]).toEqual([what, true]);
  }
  // the figures themselves: 2 of 4 calls unanswered, 26 days on average, 1 unpaid
  expect(internal).toContain("2 of 4 outreach older than 14 days unanswered (90 days)");
  expect(internal).toContain(
    "weighted mean 26 days, 2 invoices due in the 12 months to 31/10/2026, 1 unpaid"
  );
  expect(internal).toContain(
    "Unanswered outreach, 90 days to 31/10/2026 (engagement log): 2 of the 4 older than 14 days have no response (Jo Bloggs)."
  );
  expect(internal).toContain(
    "Spend after returns, 12 months to 31/10/2026: £100, -95% on the £2,000 of the 12 months before. Likely causes, as the account plan lists them:"
  );
  // the recommendation's caveat, numbered as the Insights page lists it; the page its reasons only
  expect(internal).toContain("Recommendations to check we can supply");
  expect(internal).toContain("2. Cable Clips");
  expect(internal).toContain(`${NOT_STOCKED} your cross-sell sheet, with no sales behind it yet.`);
  expect(internal).toContain(
    "Check we can supply each before the review: the action items and the follow-up e-mail offer the customer a quote for it."
  );
  // the customer is offered a quote, with nothing said of whether we stock it
  expect(texts.get("Planning & actions")).toContain("Quote for Cable Clips");
  expect(texts.get("Follow-up e-mail")).toContain("- Send a quote for Cable Clips – me – [date]");
  const insights = texts.get("Insights & offers")!;
  expect(insights).toContain("2. Cable Clips");
  expect(insights).toContain(
    "Cable Ties → Cable Clips: Complementary. Cable Ties → Cable Clips: Installers fit them with the ties."
  );
  // the health score, its band and each factor, internal: Recency 89 days → 1; Frequency 1 order
  // in Aug–Oct against none in May–Jul, after orders before (lapsed and back) → 5; Revenue −95% → 1;
  // Diversity one product → 1; Engagement 1; Payment 2: 0.25 + 1.00 + 0.20 + 0.15 + 0.10 + 0.20 = 1.90
  expect(internal).toContain("Health score and its factors (each 1–5), as of 31/10/2026");
  expect(internal).toContain("Critical: escalate to management");
  expect(internal).toContain("89 days since last order");
  // the factors' bases in full, on the internal sheet only (the partnership page said them in
  // neutral words beside the scores before)
  const partnership = texts.get("Partnership")!;
  expect(
    partnership.filter((t) => /contact with each other|payment against terms/.test(t))
  ).toEqual([]);
  const agenda = texts.get("Agenda")!;
  expect(agenda).toContain("2. Partnership review");
  // the preparation checklist is the team's own: on the internal sheet, not the customer's agenda
  expect(agenda.filter((t) => /Preparation checklist|^☐/.test(t))).toEqual([]);
  expect(internal).toContain("Preparation checklist");
  // what is printed and sent is the review pages, never the workbook whole with its internal sheet
  expect(internal).toContain("☐ Create presentation deck / print the review pages");
  expect(texts.get("Follow-up e-mail")).toContain(
    "Attachments: QBR summary (the review pages), special offer details, product information."
  );
}

/** The built-in matrix's caveat: on the internal sheet, on no customer page. */
function expectBuiltInCaveatSplit(texts: Map<string, string[]>) {
  for (const [name, t] of texts)
    if (name !== INTERNAL)
      expect([name, t.filter((x) => /built-in product matrix|no sales behind/i.test(x))]).toEqual([
        name,
        [],
      ]);
  expect(texts.get(INTERNAL)).toContain(
    `${NOT_STOCKED} KAP's built-in product matrix, with no sales behind it yet.`
  );
}

/**
 * An estimate resting on 2 accounts: the reasons on the Insights page; the figure, whose spend it is
 * and "a rough figure" internal only, with the £250.00 flagged as 2.5× A's £100 of the 12 months.
 */
function expectRoughEstimateSplit(texts: Map<string, string[]>) {
  for (const [name, t] of texts)
    if (name !== INTERNAL)
      expect([
        name,
        t.filter((x) => /rough figure|check we can supply|£250\.00|\bestimates?\b/i.test(x)),
      ]).toEqual([name, []]);
  const insights = texts.get("Insights & offers")!;
  expect(insights).toContain("2. Lighting");
  expect(insights).toContain(
    "60% of accounts that buy Cable Ties also buy Lighting, 1.8x the base rate. 2 of 3 comparable Electrical Contractor accounts (67%) buy Lighting."
  );
  const internal = texts.get(INTERNAL)!;
  const at = internal.indexOf("Recommendations: what each is worth to us");
  expect(at).toBeGreaterThan(0);
  // numbered as the Insights page lists it, the sales team's wording whole (the .xlsx holds text
  // cells only here: the estimates, £250.00 and none for Cable Clips, are numbers or "none")
  expect(internal.slice(at + 2, at + 12)).toEqual([
    "Recommendation (Insights page)",
    "How it is estimated",
    "Annual estimate, as of 31/10/2026",
    "1. Cable Clips",
    "Nothing in the data estimates it.",
    "none",
    "2. Lighting",
    "Estimate, 12 months to 31/10/2026: the median 12-month spend of the 2 comparable Electrical Contractor accounts that buy Lighting, fewer than 3 accounts: a rough figure.",
    "Out of scale with the account",
    "£250.00 is 2.5× this account's £100.00 in the 12 months to 31/10/2026: comparable accounts are larger; size the offer to the account.",
  ]);
}

/** The salesperson's warnings: at the internal sheet's top, on no customer page (the cover had them). */
function expectWarningsSplit(texts: Map<string, string[]>) {
  for (const [name, t] of texts)
    if (name !== INTERNAL)
      expect([
        name,
        t.filter((x) => /check the export|marks this account lost|framework supplier/i.test(x)),
      ]).toEqual([name, []]);
  const internal = texts.get(INTERNAL)!;
  // (ExcelJS reads a merged cell's text once for each cell of the merge)
  expect([...new Set(internal)].slice(0, 5)).toEqual([
    HEADER,
    "L · FY2026 Q3 · your own notes for the review: keep this sheet out of what you print or send the customer.",
    "Before you send this",
    DATA_ENDS,
    LOST,
  ]);
  // the lost reason, where it always was: the win-back's exit interview
  expect(internal).toContain("Moved to a framework supplier");
}

/** Each sheet's text cells as the .xlsx holds them, read back with ExcelJS. */
async function xlsxTexts(sheets: SheetSpec[]): Promise<[ExcelJS.Workbook, Map<string, string[]>]> {
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
  return [wb, texts];
}

/** Each sheet's text cells as the Office.js writer leaves them on the double. */
async function officeTexts(sheets: SheetSpec[]): Promise<[ExcelDouble, Map<string, string[]>]> {
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
  return [x, texts];
}

test(".xlsx (kap qbr and the pane's QBR): the internal sheet last, red, saying so in its header; no customer sheet holds its material", async () => {
  const [wb, texts] = await xlsxTexts(specs);
  expect([...texts.keys()]).toEqual([
    "Cover",
    "Partnership",
    "Quarter at a glance",
    "Insights & offers",
    "Planning & actions",
    "Agenda",
    "Follow-up e-mail",
    INTERNAL,
  ]);
  expectSplit(texts);
  const ws = wb.getWorksheet(INTERNAL)!;
  expect(ws.properties.tabColor).toEqual({ argb: "FFC00000" });
  expect(ws.getCell("A1").value).toBe(HEADER);
  expect(ws.headerFooter.oddHeader).toContain(`&L${HEADER}`);
  expect(ws.headerFooter.oddFooter).toBe("&LInternal — not for the customer&RPage &P of &N");
  // no customer sheet's tab is red, and each one's footer names the customer, not the tool
  for (const w of wb.worksheets.slice(0, -1)) {
    expect(w.properties.tabColor).toBeUndefined();
    expect(w.headerFooter.oddFooter).toBe("&LPrepared for A&RPage &P of &N");
  }
  expectBuiltInCaveatSplit((await xlsxTexts(builtInOnly))[1]);
  expectWarningsSplit((await xlsxTexts(lostLate))[1]);
  expectRoughEstimateSplit((await xlsxTexts(twoBuyLighting))[1]);
});

test("Office.js writer: the same sheets in the same order, the internal one red with its page header", async () => {
  const [x, texts] = await officeTexts(specs);
  expect(x.sheetNames()).toHaveLength(8);
  expectSplit(texts);
  const s = x.sheet(INTERNAL);
  expect(s.tabColor).toBe("#C00000");
  expect(s.page.headersFooters).toMatchObject({
    leftHeader: HEADER,
    leftFooter: "Internal — not for the customer",
  });
  for (const name of x.sheetNames().slice(0, -1))
    expect(x.sheet(name).page.headersFooters).toMatchObject({ leftFooter: "Prepared for A" });
  expect(s.page.orientation).toBe("Landscape");
  expectBuiltInCaveatSplit((await officeTexts(builtInOnly))[1]);
  expectWarningsSplit((await officeTexts(lostLate))[1]);
  expectRoughEstimateSplit((await officeTexts(twoBuyLighting))[1]);
});
