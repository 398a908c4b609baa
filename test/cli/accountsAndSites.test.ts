import type { PortfolioAnalysis } from "../../src/domain/analysis/types";
import { accountsAndSites } from "../../src/cli/report";

/** A portfolio of `top` top-level accounts and `sites` sites rolled into them (only what the count reads). */
function portfolio(top: number, sites: number): PortfolioAnalysis {
  const accounts = [
    ...Array.from({ length: top }, () => ({ isTopLevel: true })),
    ...Array.from({ length: sites }, () => ({ isTopLevel: false })),
  ];
  return { accounts, dashboard: { accountsManaged: top } } as unknown as PortfolioAnalysis;
}

describe("the demo's closing line counts accounts as the summary does", () => {
  test("285 accounts and the 15 sites rolled into them, not '300 accounts' (the list's rows)", () => {
    expect(accountsAndSites(portfolio(285, 15))).toBe("285 accounts (+ 15 sites)");
  });
  test("one of each, and no sites", () => {
    expect(accountsAndSites(portfolio(1, 1))).toBe("1 account (+ 1 site)");
    expect(accountsAndSites(portfolio(1250, 0))).toBe("1,250 accounts");
  });
});
