/**
 * The user's own tier column is headed "Account tier" (as the plan, the Health Report and the
 * QBR call it), so it is not read as a second ABC tier beside KAP's "ABC" column.
 */
import { analyzePortfolio } from "../../src/domain/analysis";
import { healthSheet } from "../../src/sheets/healthSheet";
import { layoutOptions } from "../../src/sheets/options";
import { whitespaceSheet } from "../../src/sheets/whitespaceSheet";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2025, 6, 30);
const p = analyzePortfolio(
  bookOf([line("A", d(2025, 6, 1), "a", 100), line("B", d(2025, 5, 1), "b", 50)]),
  { asOf, accounts: [{ accountId: "A", tier: "Gold" }] }
);
const opts = layoutOptions({ asOf });

/** The header row of the sheet's table and the row of account A under it. */
function tableRows(spec: SheetSpec): { header: string[]; a: unknown[] } {
  const t = spec.blocks.find((b) => b.table)!;
  const header = t.rows[0] as string[];
  return { header, a: t.rows.find((r) => r[0] === "A")! };
}

test("Account Health heads the user's tier 'Account tier', apart from KAP's 'ABC'", () => {
  const { header, a } = tableRows(healthSheet(p, opts));
  expect(header).not.toContain("Tier");
  expect(header).toContain("ABC");
  expect(a[header.indexOf("Account tier")]).toBe("Gold");
});

test("the Whitespace Map heads it 'Account tier' too", () => {
  const { header, a } = tableRows(whitespaceSheet(p, opts));
  expect(header).not.toContain("Tier");
  expect(a[header.indexOf("Account tier")]).toBe("Gold");
});
