/** @jest-environment jsdom */
/** The pane's glance shows P(alive) and the expected revenue of the next 12 months, in words. */
import { render, screen } from "@testing-library/react";
import { AccountGlance } from "../../src/taskpane/AccountGlance";
import { trendPoint, trendRuns } from "../../src/taskpane/HealthTrend";
import { GLANCE_C001 as GLANCE } from "./fakeHost";

describe("the glance’s lifetime line", () => {
  test("P(alive) as a percentage and the 12-month forecast in the account’s currency", () => {
    render(
      <AccountGlance
        glance={{
          ...GLANCE,
          lifetime: { pAlive: 0.7266, expectedRevenue12m: 1234.4, reliable: true },
        }}
      />
    );
    expect(
      screen.getByText(/Chance still active: 73%; expected revenue next 12 months £1,234\./)
    ).toBeTruthy();
  });

  test("one-order accounts say so, and a thin fit is called an estimate not to rely on, with the model's reason", () => {
    render(
      <AccountGlance
        glance={{
          ...GLANCE,
          lifetime: {
            pAlive: null,
            expectedRevenue12m: 88,
            reliable: false,
            warning:
              "Not reliable: 12 accounts and 9 repeat buyers. The orders show almost no dropping out.",
          },
        }}
      />
    );
    expect(
      screen.getByText(
        /Chance still active: n\/a \(one order only\); expected revenue next 12 months £88 \(not reliable: 12 accounts and 9 repeat buyers\)\.$/
      )
    ).toBeTruthy();
  });

  test("no line without a fit", () => {
    render(<AccountGlance glance={GLANCE} />);
    expect(screen.queryByText(/Chance still active/)).toBeNull();
  });
});

describe("the glance’s health trend and factor bars", () => {
  test("the sparkline puts 5 at the top and 1 at the bottom of a 240 × 44 box with a 4 px margin", () => {
    // x runs over 240 − 2·4 = 232: point 0 at 4, point 6 of 13 at 4 + 232·6/12 = 120, point 12 at 236;
    // y runs over 44 − 2·4 = 36 from 5 (y = 4) to 1 (y = 40): 3 → 4 + 36·2/4 = 22, 3.45 → 4 + 36·1.55/4 = 17.95 → 18.0 (1 dp)
    expect(trendPoint(0, 13, 5)).toEqual([4, 4]);
    expect(trendPoint(6, 13, 3)).toEqual([120, 22]);
    expect(trendPoint(12, 13, 1)).toEqual([236, 40]);
    expect(trendPoint(12, 13, 3.45)[1]).toBeCloseTo(18, 1);
  });

  test("a month without a score breaks the line in two", () => {
    const h = [3, null, 4, 4.5, null].map((score, i) => ({ date: `2026-0${i + 1}-28`, score }));
    const runs = trendRuns(h);
    expect(runs.map((r) => r.length)).toEqual([1, 2]);
    // 5 points: x steps of 232/4 = 58 → 4, 62, 120, 178, 236
    expect(runs[1].map((p) => p[0])).toEqual([120, 178]);
  });

  test("month-ends before the first order read “not yet a customer”; another unscored month stays n/a", () => {
    // GLANCE as of 30/06/2026: say the first order came in August 2025, so Jun and Jul 2025 are
    // before it; Oct 2025 has no score for another reason (n/a)
    const history = GLANCE.history.map((h, i) =>
      i < 2 ? { ...h, beforeFirstOrder: true } : i === 4 ? { ...h, score: null } : h
    );
    render(<AccountGlance glance={{ ...GLANCE, history }} />);
    expect(
      screen.getByRole("img", { name: /^Health score by month:/ }).getAttribute("aria-label")
    ).toBe(
      "Health score by month: Jun 2025 not yet a customer, Jul 2025 not yet a customer, Aug 2025 2.50, " +
        "Sep 2025 2.80, Oct 2025 n/a, Nov 2025 3.10, Dec 2025 3.20, Jan 2026 3.00, Feb 2026 3.30, " +
        "Mar 2026 3.40, Apr 2026 3.50, May 2026 3.40, Jun 2026 3.45"
    );
  });

  test("no score at all in the 12 months says so instead of an empty chart", () => {
    render(
      <AccountGlance
        glance={{ ...GLANCE, history: GLANCE.history.map((h) => ({ ...h, score: null })) }}
      />
    );
    expect(screen.getByText("No health score in the last 12 months.")).toBeTruthy();
    expect(screen.queryByRole("img", { name: /Health score by month/ })).toBeNull();
  });

  test("a forecast that is not a number reads n/a, never £NaN", () => {
    render(
      <AccountGlance
        glance={{ ...GLANCE, lifetime: { pAlive: 0.5, expectedRevenue12m: NaN, reliable: false } }}
      />
    );
    expect(screen.getByText(/expected revenue next 12 months n\/a/)).toBeTruthy();
    expect(screen.queryByText(/NaN/)).toBeNull();
  });
});
