/** @jest-environment jsdom */
/** The pane's glance shows P(alive) and the expected revenue of the next 12 months, in words. */
import { render, screen } from "@testing-library/react";
import { AccountGlance } from "../../src/taskpane/AccountGlance";
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

  test("one-order accounts say so, and a thin fit is called an estimate not to rely on", () => {
    render(
      <AccountGlance
        glance={{ ...GLANCE, lifetime: { pAlive: null, expectedRevenue12m: 88, reliable: false } }}
      />
    );
    expect(
      screen.getByText(
        /Chance still active: n\/a \(one order only\); expected revenue next 12 months £88 \(an estimate from too few accounts to rely on\)\./
      )
    ).toBeTruthy();
  });

  test("no line without a fit", () => {
    render(<AccountGlance glance={GLANCE} />);
    expect(screen.queryByText(/Chance still active/)).toBeNull();
  });
});
