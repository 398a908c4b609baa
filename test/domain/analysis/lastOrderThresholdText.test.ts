/**
 * The last-order alert's share never reads as the threshold it crosses. Before, a last order of
 * 49.85% of the 12-month average (Critical, the rule is "< 50%") read "is 50% of the average".
 * Worked out by hand, as of 30/06/2025, each account with two orders in the 12 months.
 */
import { analyzePortfolio } from "../../../src/domain/analysis";
import { bookOf, d, line } from "./helpers";

const asOf = d(2025, 6, 30);
const lines = [
  // L: £300.00 then £99.70; average (300 + 99.70) / 2 = 199.85; 99.70 / 199.85 = 0.49887
  line("L", d(2025, 5, 1), "s", 300),
  line("L", d(2025, 6, 1), "s", 99.7),
  // H: £100.00 then £302.40; average 201.20; 302.40 / 201.20 = 1.50298 (rule "> 150%")
  line("H", d(2025, 5, 1), "s", 100),
  line("H", d(2025, 6, 1), "s", 302.4),
  // M: £300.00 then £150.00; average 225; 150 / 225 = 0.667: a whole percent as before
  line("M", d(2025, 5, 1), "s", 300),
  line("M", d(2025, 6, 1), "s", 150),
];
const p = analyzePortfolio(bookOf(lines), { asOf });
const alert = (id: string) =>
  p.accounts.find((a) => a.accountId === id)!.alerts.find((a) => a.kind.startsWith("lastOrder"))!;

test("49.887% against '< 50%' is 49.8%, Critical", () => {
  expect(alert("L").severity).toBe("Critical");
  expect(alert("L").message).toBe(
    "Last order £99.70 is 49.8% of the 12-month average order £199.85."
  );
});

test("150.298% against '> 150%' is 150.3%, an Opportunity", () => {
  expect(alert("H").severity).toBe("Opportunity");
  expect(alert("H").message).toBe(
    "Last order £302.40 is 150.3% of the 12-month average order £201.20."
  );
});

test("a share clear of the threshold stays a whole percent", () => {
  expect(alert("M").severity).toBe("Warning");
  expect(alert("M").message).toBe(
    "Last order £150.00 is 67% of the 12-month average order £225.00."
  );
});
