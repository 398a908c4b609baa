/** The factor texts a user reads beside each score (Account Health Report, QBR, pane): plain English counts. */
import { analyzeAccount, buildPortfolio } from "../../../src/domain/analysis";
import { factorBasis, factorSourceText } from "../../../src/domain/analysis/basis";
import type { HealthInputs } from "../../../src/domain/analysis/types";
import { bookOf, d, line } from "./helpers";

const inputs = (over: Partial<HealthInputs>): HealthInputs => ({
  date: 46326,
  firstOrderDate: 45530,
  lastOrderDate: 46325,
  daysSinceLastOrder: 1,
  ordersLastQuarter: 1,
  ordersPreviousQuarter: 2,
  ordersChange: { kind: "pct", pct: -50 },
  revenueLast12: 100,
  revenuePrior12: 100,
  revenueChange: { kind: "pct", pct: 0 },
  categoriesLast12: 1,
  productsLast12: 1,
  engagement: null,
  engagementSource: null,
  engagementLog: null,
  engagementTyped: null,
  daysBeyondTerms: 1,
  paymentSource: "accounts table",
  paymentLedger: null,
  daysBeyondTermsTyped: 1,
  ...over,
});

test("one of a thing is singular: 1 day, 1 order, 1 category, 1 product", () => {
  const i = inputs({});
  expect(factorBasis(i, "recency")).toBe("1 day since last order");
  expect(factorBasis(i, "frequency")).toBe(
    "1 order in the last 3 months vs 2 in the 3 before: -50%"
  );
  expect(factorBasis(i, "diversity")).toBe("1 category, 1 product in 12 months");
  expect(factorBasis(i, "payment")).toBe("1 day beyond terms on average");
});

test("other counts, 0 included, are plural", () => {
  const i = inputs({
    daysSinceLastOrder: 0,
    ordersLastQuarter: 87,
    ordersPreviousQuarter: 90,
    ordersChange: { kind: "pct", pct: -3 },
    categoriesLast12: 5,
    productsLast12: 19,
    daysBeyondTerms: 4,
  });
  expect(factorBasis(i, "recency")).toBe("0 days since last order");
  expect(factorBasis(i, "frequency")).toBe(
    "87 orders in the last 3 months vs 90 in the 3 before: -3%"
  );
  expect(factorBasis(i, "diversity")).toBe("5 categories, 19 products in 12 months");
  expect(factorBasis(i, "payment")).toBe("4 days beyond terms on average");
});

test("lines without products never show 'null products'", () => {
  expect(factorBasis(inputs({ productsLast12: null, categoriesLast12: 3 }), "diversity")).toBe(
    "3 categories in 12 months"
  );
  expect(factorBasis(inputs({ productsLast12: null, categoriesLast12: null }), "diversity")).toBe(
    "no categories in the data"
  );
  expect(factorBasis(inputs({ productsLast12: 7, categoriesLast12: null }), "diversity")).toBe(
    "no categories in the data; 7 products in 12 months"
  );
});

test("the health report of an account that ordered yesterday says 1 day, as factor and as warning sign", () => {
  // last order 29/06/2025, as of 30/06/2025: 1 day → Recency 5 (0–7 days), no 45+ day warning
  const lines = [line("Y", d(2025, 6, 29), "a", 100), line("Y", d(2025, 1, 10), "a", 400)];
  const r = analyzeAccount(buildPortfolio(bookOf(lines), { asOf: d(2025, 6, 30) }), "Y").report;
  expect(r.factors[0]).toMatchObject({
    label: "Recency",
    score: 5,
    basis: "1 day since last order",
  });
  expect(r.warningSigns[0]).toMatchObject({ present: false, figure: "1 day since the last order" });
});

test("de-DE: the engagement log's median response and a typed 9.3 days read 8,2 h and 9,3 days", () => {
  // the log's own words, as engagementFromLog writes them (en-GB): 8.2 hours median
  const log = {
    score: 5,
    from: 46236,
    to: 46326,
    outbound: 12,
    inbound: 2,
    answered: 12,
    medianResponseHours: 8.2,
    oldOutreach: 10,
    unansweredOld: 0,
    unansweredContacts: [],
    basis: "median response 8.2 h: 12 of 12 answered, 2 inbound (90 days)",
  };
  const i = inputs({
    engagement: 5,
    engagementSource: "engagement log",
    engagementLog: log,
    daysBeyondTerms: 9.3,
  });
  expect(factorBasis(i, "engagement", undefined, "de-DE")).toBe(
    "median response 8,2 h: 12 of 12 answered, 2 inbound (90 days)"
  );
  expect(factorBasis(i, "payment", undefined, "de-DE")).toBe("9,3 days beyond terms on average");
  // no culture: the log's words as they are
  expect(factorBasis(i, "engagement")).toBe(log.basis);
});

test("de-DE: the source note says the typed figure the ledger won over as 9,3 days", () => {
  const i = inputs({
    paymentSource: "payments ledger",
    daysBeyondTerms: 4,
    daysBeyondTermsTyped: 9.3,
  });
  expect(factorSourceText(i, "payment", "de-DE")).toBe(
    "payments ledger (wins over accounts table: 9,3 days)"
  );
  expect(factorSourceText(i, "payment")).toBe(
    "payments ledger (wins over accounts table: 9.3 days)"
  );
});
