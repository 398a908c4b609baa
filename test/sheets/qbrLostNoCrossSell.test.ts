/**
 * A lost account's QBR agrees with its plan: the plan is a win-back plan ("no growth target, no
 * new categories or upsell until it orders again"), so the QBR recommends nothing new either. The
 * sample's lost C0135 had a win-back plan but a QBR recommending Electrical, Cable Ties and Power
 * Tools, and a follow-up e-mail agreeing to "Send samples / a quote for Electrical …".
 *
 * Data (lostAccountPlan.test.ts's), as of 31/10/2026: A buys category X only (£100 on 10/01/2026,
 * £200 on 10/05/2026); B, C and D each buy X and Y, so all 3 of A's peers buy Y: Y is A's
 * whitespace. Not marked lost (the control): the QBR recommends Y and the e-mail's action is its
 * samples. Marked lost: no Y on any page the customer sees, the recommendations say it is a
 * win-back conversation (Stage 5 – Exit interview), and the one action is the exit interview.
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
const NONE = "None: a win-back conversation (Stage 5 – Exit interview).";

test("control, not marked lost: the QBR recommends Y and the e-mail agrees to send its samples", () => {
  const all = sheetsOf(false);
  expect(sheet(all, "Insights & offers")).toContain("1. Y");
  expect(sheet(all, "Follow-up e-mail")).toContain("- Send samples / a quote for Y – me – [date]");
});

test("marked lost: no recommendation, no Y to sell, the win-back's action in the action items and the e-mail", () => {
  const all = sheetsOf(true);
  expect(qbrData(modelOf(true), "A", { year: 2026, q: 2 }).recommendations).toEqual([]);
  const customer = all.filter((s) => s.kind !== "qbr-prep").flatMap(texts);
  expect(customer.some((t) => /\bY\b/.test(t))).toBe(false);
  expect(customer.some((t) => /samples \/ (a )?quote/.test(t))).toBe(false);
  expect(sheet(all, "Insights & offers")).toContain(NONE);
  const planning = sheet(all, "Planning & actions");
  expect(planning).toContain(EXIT);
  expect(planning).toContain("Confirm date of next QBR");
  const agenda = sheet(all, "Agenda & checklist");
  expect(agenda).toContain(NONE);
  expect(agenda).not.toContain("☐ Prepare cross-sell recommendations (3–5)");
  expect(agenda).toContain("☐ Prepare the win-back (Stage 5 – Exit interview)");
  expect(agenda).not.toContain("☐ Prepare pricing for recommended products");
  const email = sheet(all, "Follow-up e-mail");
  expect(email).toContain(`- ${EXIT} – me – [date]`);
});

test("the QBR and the plan of a lost account agree: neither introduces Y", () => {
  const plan = analyzeAccount(modelOf(true), "A").plan;
  expect(plan.initiatives.some((i) => i.title.includes("Y"))).toBe(false);
  expect(plan.nextActions).toContain(EXIT);
});
