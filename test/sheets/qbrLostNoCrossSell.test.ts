/**
 * A lost account's QBR agrees with its plan: the plan is a win-back plan ("no growth target, no
 * new categories or upsell until it orders again"), so the QBR recommends nothing new either. The
 * sample's lost C0135 had a win-back plan but a QBR recommending Electrical, Cable Ties and Power
 * Tools, and a follow-up e-mail agreeing to "Send samples / a quote for Electrical …".
 *
 * Data (lostAccountPlan.test.ts's), as of 31/10/2026: A buys category X only (£100 on 10/01/2026,
 * £200 on 10/05/2026); B, C and D each buy X and Y, so all 3 of A's peers buy Y: Y is A's
 * whitespace. Not marked lost (the control): the QBR recommends Y and the e-mail's action is its
 * samples. Marked lost: no Y on any page the customer sees, the recommendations say there are none
 * this time, the meeting being for the customer's feedback (in the customer's words: the win-back
 * stage, "Stage 5 – Exit interview", is the internal sheet's), and the one action is the exit
 * interview.
 *
 * The exit interview's wording ("… record the learning for other accounts") is the sales team's:
 * it is on the internal sheet; the customer's pages (the action items, the e-mail) say what will be
 * followed up, and the e-mail is a win-back one, with no special offers, samples or product
 * information to attach (nothing new is offered a lost account).
 */
import { analyzeAccount, buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const book = () =>
  bookOf([
    line("A", d(2026, 1, 10), "X1", 100, { category: "X" }),
    line("A", d(2026, 5, 10), "X1", 200, { category: "X" }),
    ...["B", "C", "D"].flatMap((id) => [
      line(id, d(2026, 9, 1), "X1", 100, { category: "X" }),
      line(id, d(2026, 9, 1), "Y1", 50, { category: "Y" }),
    ]),
  ]);
const modelOf = (lost: boolean) =>
  buildPortfolio(book(), {
    asOf,
    accounts: [
      lost
        ? { accountId: "A", lost: true, lostReason: "Moved to a national distributor on price" }
        : { accountId: "A" },
    ],
  });
const sheetsOf = (lost: boolean) =>
  qbrSheets(qbrData(modelOf(lost), "A", { year: 2026, q: 2 }), layoutOptions({ asOf }));
const texts = (s: SheetSpec): string[] =>
  s.blocks.flatMap((b) => b.rows.flat()).filter((v): v is string => typeof v === "string");
const sheet = (all: SheetSpec[], name: string) => texts(all.find((s) => s.name === name)!);

const EXIT =
  "Exit interview: ask why they changed supplier and record the learning for other accounts";
const NONE = "None this time: today is about your feedback on working with us.";
const FOLLOW_UP = "Come back to you on the points you raised";
const customerPages = (all: SheetSpec[]) => all.filter((s) => s.kind !== "qbr-prep").flatMap(texts);

test("control, not marked lost: the QBR recommends Y and the e-mail agrees to send its samples", () => {
  const all = sheetsOf(false);
  expect(sheet(all, "Insights & offers")).toContain("1. Y");
  expect(sheet(all, "Follow-up e-mail")).toContain("- Send samples / a quote for Y – me – [date]");
});

test("marked lost: no recommendation, no Y to sell, a win-back follow-up in the action items and the e-mail", () => {
  const all = sheetsOf(true);
  expect(qbrData(modelOf(true), "A", { year: 2026, q: 2 }).recommendations).toEqual([]);
  const customer = all.filter((s) => s.kind !== "qbr-prep").flatMap(texts);
  expect(customer.some((t) => /\bY\b/.test(t))).toBe(false);
  expect(customer.some((t) => /samples \/ (a )?quote/.test(t))).toBe(false);
  // its tab says what it holds: service and insights, no offers (nothing is sold a lost account)
  expect(sheet(all, "Service & insights")).toContain(NONE);
  expect(all.some((s) => s.name === "Insights & offers")).toBe(false);
  const planning = sheet(all, "Planning & actions");
  expect(planning).toContain(FOLLOW_UP);
  // no next QBR is booked with a lost account: the planning action and agenda item 5 say so
  expect(planning).toContain("Agree when to talk again");
  expect(planning).not.toContain("Confirm date of next QBR");
  // the agenda: the customer's feedback in place of recommendations, when to talk again in place
  // of a next QBR; the checklist points to the internal sheet without naming the stage
  const agenda = sheet(all, "Agenda");
  expect(agenda).toContain("4. Your feedback");
  expect(agenda).toContain(
    "What worked for you; what we could have done differently; anything you still need from us"
  );
  expect(agenda).toContain("What we will follow up on; when to talk again");
  expect(agenda.filter((t) => /next QBR|Upcoming projects|new products/.test(t))).toEqual([]);
  // the checklist is on the internal sheet, never the customer's agenda
  expect(agenda.filter((t) => t.startsWith("☐"))).toEqual([]);
  const prep = sheet(all, "Preparation (internal)");
  expect(prep).not.toContain("☐ Prepare cross-sell recommendations (3–5)");
  expect(prep).toContain("☐ Prepare your questions (the win-back below)");
  expect(prep).not.toContain("☐ Prepare pricing for recommended products");
  const email = sheet(all, "Follow-up e-mail");
  expect(email).toContain("- I'll come back to you by [date] on the points you raised.");
});

test("marked lost: the exit interview's wording is on the internal sheet only; the customer's pages have no offers or samples", () => {
  const all = sheetsOf(true);
  const customer = customerPages(all);
  // nor its name: "Stage 5 – Exit interview" printed for the customer reads as their exit
  expect(
    customer.filter((t) => /record the learning|exit interview|stage \d|win-?back|churn/i.test(t))
  ).toEqual([]);
  expect(customer.filter((t) => /special offer|samples|product information/i.test(t))).toEqual([]);
  expect(sheet(all, "Preparation (internal)")).toContain(EXIT);
  expect(sheet(all, "Preparation (internal)")).not.toContain(
    "☐ Bring product samples and catalogues"
  );
});

test("marked lost: the planning questions are the customer's feedback and when to talk again, not next quarter's projects", () => {
  const planning = sheet(sheetsOf(true), "Planning & actions");
  const at = planning.indexOf("Planning questions");
  expect(planning.slice(at + 1, at + 7)).toEqual([
    "What has changed in your business since your last order with us?",
    "What could we have done differently?",
    "Is there anything you still need that we could help with?",
    "Who should we stay in touch with at your business?",
    "When would be a good time to talk again?",
    "Action items",
  ]);
  expect(planning.filter((t) => /next quarter|these reviews/.test(t))).toEqual([]);
});

test("marked lost: the e-mail thanks them for their time and frankness and says what will be followed up", () => {
  // A has no account manager or contact in the data: "there" and "[Name]". A lost account's e-mail
  // looks back on the 12 months to the month of its last order (10/05/2026): to 31/05/2026, 2
  // orders, £100 + £200 = £300, X1 both times (1 unit each); no quarter, nor how it changed
  expect(sheet(sheetsOf(true), "Follow-up e-mail")).toEqual([
    "Follow-up e-mail (draft)",
    "Subject: Thank you for your time – A",
    "",
    "Hi there,",
    "",
    "Thank you for your time today, and for being so frank with us. It was good to look back together on our work with you, and your feedback matters to us.",
    "",
    "Summary of discussion:",
    "- Over the 12 months to 31/05/2026 (data from 10/01/2026): 2 orders, £300 in total after returns.",
    "- Your top product over those 12 months was X1 (2 units).",
    "",
    "What I will follow up on:",
    "- I'll come back to you by [date] on the points you raised.",
    "- [Anything else you asked for] – [date]",
    "",
    "Attachment: QBR summary (the review pages).",
    "",
    "If your needs change, or there is anything we can help with in future, I am always available.",
    "",
    "Best regards,",
    "[Name]",
    "Account Manager",
  ]);
});

// The control is still a customer, lapsing: 31/10 − 10/05 = 21 + 30 + 31 + 31 + 30 + 31 = 174 days
// without an order, Stage 4 (90+). Its review is a customer's (recommendations, next QBR), led by
// the stage's questions, with an offer for the next order (methodology 000 Step 9.3).
test("control, not marked lost: the e-mail, checklist and next-QBR wording are a customer's", () => {
  const all = sheetsOf(false);
  const email = sheet(all, "Follow-up e-mail");
  expect(email).toContain("Subject: QBR Summary & Actions – A (FY2026 Q2)");
  expect(email).toContain("Agreed actions:");
  expect(email).toContain(
    "Attachments: QBR summary (the review pages), special offer details, product information."
  );
  expect(email).toContain("Next QBR: [date] – I will send a calendar invite.");
  expect(email).toContain("If you need anything in the meantime, I am always available.");
  expect(sheet(all, "Preparation (internal)")).toContain("☐ Bring product samples and catalogues");
  expect(sheet(all, "Planning & actions")).not.toContain(FOLLOW_UP);
  expect(sheet(all, "Planning & actions")).toContain("Confirm date of next QBR");
  expect(sheet(all, "Planning & actions")).not.toContain("Agree when to talk again");
  expect(sheet(all, "Agenda")).toContain(
    "Upcoming projects; our changes (pricing, products, delivery); actions and next steps; date of next QBR"
  );
  expect(sheet(all, "Agenda")).toContain("1) Y; an offer for your next order");
  expect(sheet(all, "Planning & actions")).toContain(
    "What has changed since your last order with us?"
  );
  expect(sheet(all, "Planning & actions")).toContain("Can we put your next order together now?");
});

test("the QBR and the plan of a lost account agree: neither introduces Y", () => {
  const plan = analyzeAccount(modelOf(true), "A").plan;
  expect(plan.initiatives.some((i) => i.title.includes("Y"))).toBe(false);
  expect(plan.nextActions).toContain(EXIT);
});
