/**
 * A QBR for an account the Accounts table marks lost (win-back Stage 5) says so: the workbook
 * otherwise reads as a review with an active customer (the e-mail thanks them for the meeting and
 * lists "send samples" actions), which is not the meeting to have (the QBR checker's finding on the
 * sample's lost C0135). It is said to the salesperson, at the top of the internal sheet ("Before
 * you send this"), not on the cover and the e-mail sheet the customer is handed.
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const model = buildPortfolio(
  bookOf([
    line("L", d(2026, 4, 10), "P1", 500),
    line("L", d(2026, 8, 3), "P1", 120),
    line("A", d(2026, 10, 20), "P1", 300),
  ]),
  {
    asOf,
    accounts: [{ accountId: "L", lost: true, lostReason: "Moved to a framework supplier" }],
  }
);

const texts = (s: SheetSpec): string[] =>
  s.blocks.flatMap((b) => b.rows.flat()).filter((v): v is string => typeof v === "string");
const sheetsOf = (id: string) =>
  qbrSheets(qbrData(model, id, { year: 2026, q: 3 }), layoutOptions({ asOf }));

test("a lost account's internal sheet opens with 'Before you send this': it is marked lost, the win-back script below; no customer page says so, nor the reason", () => {
  const sheets = sheetsOf("L");
  const note =
    "Your Accounts table marks this account lost: hold a win-back conversation rather than a review, with the Stage 5 exit interview below (the reason recorded is there too); as on its plan, nothing new is recommended until it orders again, and the follow-up e-mail thanks them for their time and frankness and says what you will come back to them with.";
  // the lost reason is the sales team's learning, never on a page the customer sees
  const customer = sheets.filter((s) => s.kind !== "qbr-prep").flatMap(texts);
  expect(customer.filter((t) => /framework supplier|marks this account lost/.test(t))).toEqual([]);
  const prep = texts(sheets.find((s) => s.kind === "qbr-prep")!);
  expect(prep.slice(2, 4)).toEqual(["Before you send this", note]);
  expect(prep).toContain("Win-back: Stage 5 – Exit interview");
  expect(prep).toContain("Moved to a framework supplier");
});

test("an active account's QBR has no such note", () => {
  const all = sheetsOf("A").flatMap(texts);
  expect(all.some((t) => t.includes("marks this account lost"))).toBe(false);
});
