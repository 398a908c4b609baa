import { analyzePortfolio } from "../../src/domain/analysis";
import { codedBesideSameSymbol, currencyPrefix, formatMoney } from "../../src/domain/currency";
import { currencyOfNumberFormat } from "../../src/ingest/moneyFormat";
import { bookOf, d, line } from "./analysis/helpers";

describe("money in the text KAP writes", () => {
  it("labels figures by their ISO currency code", () => {
    expect(currencyPrefix("GBP")).toBe("£");
    expect(currencyPrefix("eur")).toBe("€");
    expect(currencyPrefix("SEK")).toBe("SEK ");
    expect(currencyPrefix("")).toBe("");
  });

  it("formats with thousands separators and two decimals, the sign before the symbol", () => {
    expect(formatMoney(1234.5, "£")).toBe("£1,234.50");
    expect(formatMoney(-1234567.891, "€")).toBe("-€1,234,567.89");
    expect(formatMoney(0.005, "£")).toBe("£0.01");
    // a tiny negative that rounds to nothing is not "-£0.00"
    expect(formatMoney(-0.001, "£")).toBe("£0.00");
    expect(formatMoney(999.999, "SEK ")).toBe("SEK 1,000.00");
  });

  it("alerts name money in the account's currency", () => {
    const asOf = d(2025, 6, 30);
    const three = (id: string, currency: string) =>
      [d(2025, 3, 1), d(2025, 4, 1), d(2025, 5, 1)].map((x) => line(id, x, "s", 100, { currency }));
    const lines = [
      ...three("E", "EUR"),
      line("E", d(2025, 6, 1), "s", 40, { currency: "EUR" }), // average (300 + 40)/4 = 85
      line("E", d(2025, 6, 15), "s", -20.5, { orderId: "C1", currency: "EUR" }),
      ...three("G", "GBP"),
      line("G", d(2025, 6, 1), "s", 40, { currency: "GBP" }),
    ];
    const p = analyzePortfolio(bookOf(lines), { asOf });
    const alertsOf = (id: string) =>
      p.accounts.find((a) => a.accountId === id)!.alerts.map((a) => a.message);
    expect(alertsOf("E")).toContain(
      "Last order €40.00 is 47% of the 12-month average order €85.00."
    );
    expect(alertsOf("E")).toContain("1 return in the last 30 days, worth €20.50.");
    expect(alertsOf("G")).toContain(
      "Last order £40.00 is 47% of the 12-month average order £85.00."
    );
  });

  it("without a currency column, alerts use the analysis' default currency", () => {
    const asOf = d(2025, 6, 30);
    const lines = [d(2025, 3, 1), d(2025, 4, 1), d(2025, 5, 1)]
      .map((x) => line("A", x, "s", 100))
      .concat(line("A", d(2025, 6, 1), "s", 40));
    const msg = (defaultCurrency?: string) =>
      analyzePortfolio(bookOf(lines), { asOf, defaultCurrency }).accounts[0].alerts.find(
        (a) => a.kind === "lastOrderVeryLow"
      )!.message;
    expect(msg("EUR")).toBe("Last order €40.00 is 47% of the 12-month average order €85.00.");
    expect(msg()).toBe("Last order £40.00 is 47% of the 12-month average order £85.00.");
  });
});

describe("formatMoney grouping", () => {
  it("puts a comma every three digits of the whole part, for every length", () => {
    const cases: [number, string][] = [
      [0, "0.00"],
      [7, "7.00"],
      [12.3, "12.30"],
      [123, "123.00"],
      [1234, "1,234.00"],
      [12345.678, "12,345.68"],
      [123456, "123,456.00"],
      [1234567, "1,234,567.00"],
      [-98765432.1, "-98,765,432.10"],
    ];
    for (const [x, s] of cases) expect(formatMoney(x)).toBe(s);
  });
});

describe("the currency a revenue column's number format names, as a code", () => {
  it("reads symbols and codes in the format; a plain number format names none; no format at all is GBP", () => {
    expect(currencyOfNumberFormat('"£"#,##0.00')).toBe("GBP");
    expect(currencyOfNumberFormat("£#,##0.00;-£#,##0.00")).toBe("GBP");
    expect(currencyOfNumberFormat("[$€-x-euro2] #,##0.00")).toBe("EUR");
    expect(currencyOfNumberFormat("#,##0.00 [$CHF]")).toBe("CHF");
    expect(currencyOfNumberFormat('"SEK "#,##0.00')).toBe("SEK");
    expect(currencyOfNumberFormat("#,##0.00")).toBe("");
    expect(currencyOfNumberFormat(undefined)).toBe("GBP");
  });
});

describe("a dollar beside another dollar", () => {
  it("is said by its code unless written with the bare symbol", () => {
    // CAD's "C$" beside USD's "$": CAD by its code, USD keeps "$" (the summary's "CAD 24; $25")
    expect(codedBesideSameSymbol("CAD", "C$", ["USD", "CAD"])).toBe(true);
    expect(codedBesideSameSymbol("USD", "$", ["USD", "CAD"])).toBe(false);
    // alone, or beside no other dollar: its own symbol
    expect(codedBesideSameSymbol("CAD", "C$", ["CAD", "GBP"])).toBe(false);
    // en-CA writes CAD "$" and USD "US$": USD by its code
    expect(
      codedBesideSameSymbol(
        "USD",
        { before: "US$", negBefore: "-US$", after: "", negAfter: "", group: ",", decimal: "." },
        ["USD", "CAD"]
      )
    ).toBe(true);
  });
});
