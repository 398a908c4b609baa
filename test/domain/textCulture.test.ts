import { formatMoney, moneyLabel } from "../../src/domain/currency";
import { rankOpportunities } from "../../src/domain/analysis/opportunities";
import { decimalText, figuresText, percentText, wholeText } from "../../src/domain/numberText";

const NBSP = "\u00a0"; // de-DE and fr-FR put a no-break space before € and %
const NNBSP = "\u202f"; // fr-FR groups thousands with a narrow no-break space

describe("numbers in KAP's text follow the culture, words stay English", () => {
  it("money: de-DE 1.234,50 €, en-US $1,234.50, fr-FR 1 234,50 €", () => {
    expect(formatMoney(1234.5, moneyLabel("EUR", "de-DE"))).toBe(`1.234,50${NBSP}€`);
    expect(formatMoney(-0.5, moneyLabel("EUR", "de-DE"))).toBe(`-0,50${NBSP}€`);
    expect(formatMoney(1234567.891, moneyLabel("EUR", "de-DE"))).toBe(`1.234.567,89${NBSP}€`);
    expect(formatMoney(110.4, moneyLabel("USD", "en-US"))).toBe("$110.40");
    expect(formatMoney(-1234.5, moneyLabel("USD", "en-US"))).toBe("-$1,234.50");
    expect(formatMoney(1234.5, moneyLabel("EUR", "fr-FR"))).toBe(`1${NNBSP}234,50${NBSP}€`);
    // a pound in a German workbook: the symbol after the figure, as Excel shows it there
    expect(formatMoney(208.3, moneyLabel("GBP", "de-DE"))).toBe(`208,30${NBSP}£`);
    // KAP's symbol, as its cells show it, where the culture puts it: not fr-FR's "£GB", en-US's "CA$"
    expect(formatMoney(1234.5, moneyLabel("GBP", "fr-FR"))).toBe(`1${NNBSP}234,50${NBSP}£`);
    expect(formatMoney(110.4, moneyLabel("CAD", "en-US"))).toBe("C$110.40");
    // no currency known: the figure alone, in the culture's marks
    expect(formatMoney(1234.5, moneyLabel("", "de-DE"))).toBe("1.234,50");
    // a tiny negative that rounds to nothing is not "-0,00 €"
    expect(formatMoney(-0.001, moneyLabel("EUR", "de-DE"))).toBe(`0,00${NBSP}€`);
  });

  it("no culture (or one Intl refuses): byte for byte as before, en-GB", () => {
    expect(moneyLabel("GBP", undefined)).toBe("£");
    expect(formatMoney(1234.5, moneyLabel("EUR", undefined))).toBe("€1,234.50");
    expect(formatMoney(-1234.5, moneyLabel("SEK", ""))).toBe("-SEK 1,234.50");
    expect(formatMoney(1234.5, moneyLabel("GBP", "not a culture!"))).toBe("£1,234.50");
    expect(percentText(53)).toBe("53%");
    expect(decimalText("9.3")).toBe("9.3");
    expect(percentText(53, "xx-not-a-culture!")).toBe("53%");
  });

  it("percent and decimals: de-DE 53 %, 9,3; en-US 53%, 9.3; fr-FR 53 %", () => {
    expect(percentText(53, "de-DE")).toBe(`53${NBSP}%`);
    expect(percentText("+37", "de-DE")).toBe(`+37${NBSP}%`);
    expect(percentText(12.5, "de-DE")).toBe(`12,5${NBSP}%`);
    expect(decimalText("9.3", "de-DE")).toBe("9,3");
    expect(percentText(53, "en-US")).toBe("53%");
    expect(decimalText("9.3", "en-US")).toBe("9.3");
    expect(percentText(53, "fr-FR")).toBe(`53${NBSP}%`);
    expect(decimalText("-9.3", "fr-FR")).toBe("-9,3");
  });
});

describe("whole counts in text", () => {
  it("1012 units: en-GB 1,012, de-DE 1.012, fr-FR 1 012", () => {
    expect(wholeText(1012)).toBe("1,012");
    expect(wholeText(1012, "de-DE")).toBe("1.012");
    expect(wholeText(1012, "fr-FR")).toBe(`1${NNBSP}012`);
  });
});

describe("opportunity reasons", () => {
  it("21 of 40 comparable accounts (53 %) buy Fixings, in de-DE; 53% without a culture", () => {
    // 21 / 40 = 0.525 → 53%
    const fixings = {
      category: "Fixings",
      comparableBuyers: 21,
      comparableAccounts: 40,
      share: 21 / 40,
      medianSpend: 904,
      priority: "High" as const,
    };
    const de = rankOpportunities([], [fixings], [], "comparable accounts", 3, "de-DE");
    expect(de[0].rationale).toContain(`21 of 40 comparable accounts (53${NBSP}%) buy Fixings.`);
    const none = rankOpportunities([], [fixings], [], "comparable accounts", 3);
    expect(none[0].rationale).toContain("21 of 40 comparable accounts (53%) buy Fixings.");
  });
});

describe("KAP's fixed English text with figures in it", () => {
  it("de-DE: +20 % or more, lift ≥ 1,2, 2.500+; the words and other marks as they are", () => {
    expect(figuresText("+20% or more", "de-DE")).toBe(`+20${NBSP}% or more`);
    expect(figuresText("−5% to +4%", "de-DE")).toBe(`−5${NBSP}% to +4${NBSP}%`);
    expect(figuresText("lift ≥ 1.2 and 3+ accounts", "de-DE")).toBe("lift ≥ 1,2 and 3+ accounts");
    expect(figuresText("2,500+ or 1,000–2,499", "de-DE")).toBe("2.500+ or 1.000–2.499");
    // a year and a score range have no marks to change
    expect(figuresText("FY2026 scores 1–5", "de-DE")).toBe("FY2026 scores 1–5");
  });

  it("fr-FR: top 80 % of revenue, 2 500", () => {
    expect(figuresText("A tier (top 80% of revenue)", "fr-FR")).toBe(
      `A tier (top 80${NBSP}% of revenue)`
    );
    expect(figuresText("2,500+", "fr-FR")).toBe(`2${NNBSP}500+`);
  });

  it("no culture, en-GB or en-US: the text byte for byte", () => {
    const t = "scaled up to 100%; lift ≥ 1.2; £2,500+";
    expect(figuresText(t)).toBe(t);
    expect(figuresText(t, "en-GB")).toBe(t);
    expect(figuresText(t, "en-US")).toBe(t);
    expect(figuresText(t, "not a culture!")).toBe(t);
  });
});

test("a shared symbol no ISO code names ('$', 'kr', '¥') is written as the data writes it, in any culture", () => {
  // 1234.5 in sv-SE groups with a no-break space and a decimal comma: "kr 1 234,50"
  expect(formatMoney(1234.5, moneyLabel("kr", "sv-SE"))).toBe(`kr 1${NBSP}234,50`);
  expect(formatMoney(-0.5, moneyLabel("kr", "sv-SE"))).toBe("-kr 0,50");
  expect(formatMoney(1234.5, moneyLabel("$", "en-GB"))).toBe("$1,234.50");
  expect(formatMoney(1234.5, moneyLabel("$", undefined))).toBe("$1,234.50");
  expect(formatMoney(1000, moneyLabel("¥", undefined))).toBe("¥1,000.00");
});
