import { analyzePortfolio } from "../../../src/domain/analysis";
import type { AccountRecord } from "../../../src/domain/types";
import { bookOf, d, line } from "./helpers";

// Four accounts that all buy the one category there is: no account has whitespace, so every
// potential is £0 and the median is £0. An account with £0 potential is low potential
// (PRODUCT.md §2.2: potential = the money it would add; there is none), so the quadrant is
// decided by engagement alone: ≥ 3 Maintenance, < 3 Service — never Key or Growth Potential.
describe("quadrants when no account has whitespace", () => {
  const asOf = d(2026, 10, 31);
  const on = d(2026, 10, 1);
  const accounts: AccountRecord[] = [
    { accountId: "E5", engagement: 5 },
    { accountId: "E4", engagement: 4 },
    { accountId: "E2", engagement: 2 },
    { accountId: "E1", engagement: 1 },
  ];
  const p = analyzePortfolio(
    bookOf(accounts.map((a) => line(a.accountId, on, "S1", 100, { category: "Tape" }))),
    { asOf, accounts }
  );
  const q = (id: string) => p.accounts.find((a) => a.accountId === id)!.quadrant;

  it("puts £0 potential below the cut, with the cut shown as more than £0", () => {
    expect(["E5", "E4", "E2", "E1"].map((id) => [id, q(id).potential, q(id).quadrant])).toEqual([
      ["E5", 0, "Maintenance"],
      ["E4", 0, "Maintenance"],
      ["E2", 0, "Service"],
      ["E1", 0, "Service"],
    ]);
    // the smallest amount that is potential at all: one penny
    expect(q("E5").potentialCut).toBe(0.01);
    expect(p.dashboard.quadrants).toEqual({
      Key: 0,
      Maintenance: 2,
      "Growth Potential": 0,
      Service: 2,
    });
  });
});
