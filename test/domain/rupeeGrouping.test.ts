/**
 * The rupee's figures are grouped in lakhs and crores, as India writes them (1,47,500.00: three
 * digits last, pairs before), wherever KAP writes money in INR: with the culture en-IN and with
 * no culture at all (a GSTR-1 return is in rupees whatever the culture). A tester found the
 * skipped-rows warning and the summary writing 147,500.00 and INR 225,000.
 */
import { formatMoney, moneyLabel } from "../../src/domain/currency";
import { money } from "../../src/cli/report";

test("INR with no culture: ₹ and lakh grouping", () => {
  expect(formatMoney(147500, moneyLabel("INR", undefined))).toBe("₹1,47,500.00");
  // 1,23,45,678.90: a crore
  expect(formatMoney(12345678.9, moneyLabel("INR", undefined))).toBe("₹1,23,45,678.90");
  expect(formatMoney(-29500, moneyLabel("INR", undefined))).toBe("-₹29,500.00");
  expect(formatMoney(999, moneyLabel("INR", undefined))).toBe("₹999.00");
});

test("INR with the culture en-IN: the same grouping; other currencies and cultures as before", () => {
  expect(formatMoney(147500, moneyLabel("INR", "en-IN"))).toBe("₹1,47,500.00");
  expect(formatMoney(147500, moneyLabel("GBP", undefined))).toBe("£147,500.00");
  expect(formatMoney(147500, moneyLabel("EUR", "de-DE"))).toBe("147.500,00\u00a0€");
});

test("the command line's whole money: INR 2,25,000, £225,000", () => {
  expect(money(225000, "INR")).toBe("INR 2,25,000");
  expect(money(-1000000, "INR")).toBe("-INR 10,00,000");
  expect(money(225000, "GBP")).toBe("£225,000");
});
