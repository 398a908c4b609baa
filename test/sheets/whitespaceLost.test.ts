/**
 * The Whitespace Map agrees with a lost account's plan, Cross-Sell and QBR: no gap is shown for
 * it. The sample's lost C0135 (Trident Facilities) showed "Gap: Cable Ties £526.73" and a
 * Whitespace potential of £526.73 while its plan said "no new categories or upsell until the
 * account orders again" and its Cross-Sell "None: … marked lost".
 *
 * Data, as of 31/10/2026 (no industry or tier: every other account is comparable):
 * - A, marked lost: X only, £100 on 10/01/2026 and £200 on 10/05/2026;
 * - E (the control, not lost): X only, £100 on 01/06/2026 and £200 on 01/08/2026;
 * - B, C, D: X £100 and Y £50 each, on 01/09/2026.
 * For E, 3 of its 4 comparable accounts (A, B, C, D) buy Y: 75%, over half, so Y is whitespace at
 * their median spend median(50, 50, 50) = £50, E's whole potential. A would have the same gap (3
 * of B, C, D, E): it is not shown, its potential is blank, and the note above the table says why.
 * A's own spend stays: X £300 (£100 + £200, both in the 12 months).
 */
import { analyzePortfolio } from "../../src/domain/analysis";
import { layoutOptions } from "../../src/sheets/options";
import { whitespaceSheet } from "../../src/sheets/whitespaceSheet";
import { LOST_AS_OF, lostAndControlBook } from "./lostAndControl";

const asOf = LOST_AS_OF;
const model = analyzePortfolio(lostAndControlBook(), {
  asOf,
  accounts: [
    {
      accountId: "A",
      name: "Acme Ltd",
      lost: true,
      lostReason: "Moved to a national distributor",
    },
    { accountId: "E" },
  ],
});
const spec = whitespaceSheet(model, layoutOptions({ asOf, currency: "GBP" }));
const table = spec.blocks.find((b) => b.rows[0]?.[0] === "Account ID")!;
const header = table.rows[0];
const rowOf = (id: string) => {
  const row = table.rows.find((r) => r[0] === id)!;
  return (h: string) => row[header.indexOf(h)];
};

test("the lost account: its spend, no gap and no potential; the control keeps its gap", () => {
  const a = rowOf("A");
  expect(a("X")).toBe(300);
  expect(a("Y")).toBeNull();
  expect(a("Gap: Y")).toBeNull();
  expect(a("Whitespace potential")).toBeNull();
  const e = rowOf("E");
  expect(e("Gap: Y")).toBe(50);
  expect(e("Whitespace potential")).toBe(50);
  // the lost account sorts last, below every account with a potential (B, C, D have none: 0)
  expect(table.rows[table.rows.length - 1][0]).toBe("A");
});

test("the note above the table names the lost account and why it has no gaps", () => {
  const notes = spec.blocks
    .flatMap((b) => b.rows.flat())
    .filter((v): v is string => typeof v === "string");
  expect(notes).toContain(
    "Filter by industry, tier or account manager with the header buttons; sort by Whitespace potential to find the biggest gaps. Acme Ltd (A) is marked lost in the accounts table: no gaps are shown for it, as nothing new is offered until it orders again."
  );
});

test("the domain's map row says lost, with no potential, while the account keeps its whitespace for the quadrant", () => {
  const a = model.whitespaceMap.rows.find((r) => r.accountId === "A")!;
  expect(a.lost).toBe(true);
  expect(a.potential).toBeNull();
  expect(a.whitespace.every((w) => w === null)).toBe(true);
  expect(model.whitespaceMap.rows.find((r) => r.accountId === "E")!.lost).toBe(false);
  // the quadrant's potential (PRODUCT.md §2.2) is still the account's whitespace: £50 (Y)
  expect(model.accounts.find((x) => x.accountId === "A")!.whitespace.potential).toBe(50);
});
