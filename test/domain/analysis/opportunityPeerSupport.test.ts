/**
 * A recommendation is not "High" on a rule alone when the account's own comparable group (its
 * industry or tier) barely buys the item. In the sample, Kestrel Heating Services (C0117, a
 * Plumber) got Electrical "High" from "64% of accounts that buy Test Equipment also buy Electrical"
 * beside "1 of 46 comparable Plumber accounts (2%) buy Electrical".
 *
 * The High/Medium/Low rating is KAP's own (PRODUCT.md §2.5 asks for "a priority" and defines none;
 * the methodology's tables give examples only): likelihood = the larger of the rule's confidence
 * and the comparable share, High ≥ 50%, Medium ≥ 25%. The rule's confidence and lift (PRODUCT.md
 * §2.6) are kept as they are; only the rating is capped at Medium when the comparable group's
 * support is itself Low (under 25%, or under 3 accounts).
 *
 * Worked: rule Test Equipment → Electrical, 40 baskets, 11 buy Test Equipment, 10 buy Electrical,
 * 7 both: confidence 7/11 = 64%, lift 0.636 / 0.25 = 2.5.
 *  - 1 of 46 comparable Plumber accounts buy it (2%): Medium (was High).
 *  - none of 46 buy it (no peers row at all): Medium.
 *  - 12 of 46 (26%, Medium support): High stays (the rule's 64%).
 *  - no comparable group (all accounts are the peers): High stays, the rule is the portfolio's own.
 */
import { rankOpportunities, type CrossSellRecommendation } from "../../../src/domain/analysis";
import { ruleMetrics } from "../../../src/domain/analysis/affinity";

const m = ruleMetrics(40, 11, 10, 7);
const rule: CrossSellRecommendation = {
  source: "affinity",
  curated: false,
  level: "category",
  because: "Test Equipment",
  offer: "Electrical",
  rationale: "64% of accounts that buy Test Equipment also buy Electrical, 2.5x the base rate.",
  priority: null,
  annualEstimate: 1000,
  metrics: m,
};
const peers = (n: number) => ({
  category: "Electrical",
  comparableBuyers: n,
  comparableAccounts: 46,
  share: n / 46,
  medianSpend: 500,
  priority: "Low" as const,
});
const basis = "comparable Plumber accounts";

test("the rule: confidence 7/11 = 64%, lift 2.5", () => {
  expect(m.confidence).toBeCloseTo(7 / 11, 12);
  expect(m.lift).toBeCloseTo(7 / 11 / 0.25, 12);
});

test("1 of 46 Plumbers: Medium, not High; its likelihood stays the rule's 64%", () => {
  const [o] = rankOpportunities([rule], [peers(1)], [], basis, 3, undefined, 46);
  expect(o.priority).toBe("Medium");
  expect(o.likelihood).toBeCloseTo(7 / 11, 12);
});

test("none of 46 Plumbers: Medium", () => {
  expect(rankOpportunities([rule], [], [], basis, 3, undefined, 46)[0].priority).toBe("Medium");
});

test("12 of 46 Plumbers (26%): High stays", () => {
  expect(rankOpportunities([rule], [peers(12)], [], basis, 3, undefined, 46)[0].priority).toBe(
    "High"
  );
});

test("no comparable group: High stays", () => {
  expect(rankOpportunities([rule], [], [], "other accounts")[0].priority).toBe("High");
});
