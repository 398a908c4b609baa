import type { PortfolioAnalysis } from "../../src/domain/analysis/types";
import { accountsAndSites, bandAndQuadrantLines, moreRowsLine } from "../../src/cli/report";

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

describe("the summary's band and quadrant counts are grouped as its account count is", () => {
  test("50,000 accounts: 'Healthy 1,517', not 'Healthy 1517' beside 'accounts: 50,000'", () => {
    const d = {
      bands: [
        { band: "Healthy", count: 1517 },
        { band: "Stable", count: 5559 },
        { band: "At Risk", count: 12233 },
        { band: "Critical", count: 30691 },
      ],
      quadrants: { Key: 0, Maintenance: 7076, "Growth Potential": 0, Service: 42924 },
    } as unknown as Parameters<typeof bandAndQuadrantLines>[0];
    expect(bandAndQuadrantLines(d)).toEqual([
      "Bands: Healthy 1,517 · Stable 5,559 · At Risk 12,233 · Critical 30,691",
      "Quadrants: Key 0 · Maintenance 7,076 · Growth Potential 0 · Service 42,924",
    ]);
  });
});

describe("the line under a cut account list counts what is left as the summary counts", () => {
  const rows = (top: number, sites: number) => portfolio(top, sites).accounts;
  test("the demo: 285 accounts + 15 sites, 10 shown (all accounts) → 275 more accounts and 15 sites, not 290 more", () => {
    // 285 − 10 = 275 accounts left; the 15 sites are all left too
    expect(moreRowsLine(rows(275, 15))).toBe(
      "… and 275 more accounts and 15 sites (kap analyze <file> shows all; --json for everything)"
    );
  });
  test("only accounts, only sites, one of each, nothing left", () => {
    expect(moreRowsLine(rows(1240, 0))).toBe(
      "… and 1,240 more accounts (kap analyze <file> shows all; --json for everything)"
    );
    expect(moreRowsLine(rows(0, 1))).toBe(
      "… and 1 more site (kap analyze <file> shows all; --json for everything)"
    );
    expect(moreRowsLine(rows(1, 1))).toBe(
      "… and 1 more account and 1 site (kap analyze <file> shows all; --json for everything)"
    );
    expect(moreRowsLine([])).toBe("");
  });
});
