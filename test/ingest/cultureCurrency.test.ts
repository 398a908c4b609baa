import {
  currencyOfCulture,
  currencyOfSharedSymbol,
  defaultCurrencyOf,
  sharedSymbolOfText,
} from "../../src/ingest/cultureCurrency";

test.each([
  ["de-DE", "EUR"],
  ["fr-FR", "EUR"],
  ["nl-NL", "EUR"],
  ["de-AT", "EUR"],
  ["en-IE", "EUR"],
  ["en-US", "USD"],
  ["en-GB", "GBP"],
  ["en-CA", "CAD"],
  ["fr-CA", "CAD"],
  ["en-AU", "AUD"],
  ["de-CH", "CHF"],
  ["de_de", "EUR"],
])("%s → %s", (culture, code) => expect(currencyOfCulture(culture)).toBe(code));

test.each([["de"], ["en"], ["xx-ZZ"], [""], [undefined]])(
  "%s names no region with a known currency: undefined",
  (culture) => expect(currencyOfCulture(culture)).toBeUndefined()
);

describe("a symbol several currencies write, with no ISO code beside it", () => {
  test.each([
    ["$40.00", "USD", "$"],
    ["US$40.00", "USD", undefined],
    ["USD 40.00", "USD", undefined],
    ["C$40.00", "CAD", undefined],
    ["¥1,000", "JPY", "¥"],
    ["JPY 1,000", "JPY", undefined],
    ["1 249,50 kr", undefined, "kr"],
    ["kr 45,00", undefined, "kr"],
    ["12 Okr", undefined, undefined],
    ["Rs. 1,234.50", "INR", "Rs"],
    ["Rs1,234", "INR", "Rs"],
    ["₹1,234", "INR", undefined],
    ["INR 1,234", "INR", undefined],
    ["￥1,000", "JPY", "¥"],
    ["£40.00", "GBP", undefined],
    // francs: "Fr." and "Fr" are the Swiss franc's and others'; "SFr." and "CHF" the Swiss alone
    ["Fr. 1'234.50", "CHF", "Fr"],
    ["Fr 45.00", "CHF", "Fr"],
    ["45.00 Fr.", "CHF", "Fr"],
    ["SFr. 45.00", "CHF", undefined],
    ["CHF 45.00", "CHF", undefined],
  ])("%s (read as %s) → %s", (text, code, symbol) =>
    expect(sharedSymbolOfText(text, code)).toBe(symbol)
  );

  test("the culture names it when it is one of the symbol's currencies", () => {
    expect(currencyOfSharedSymbol("$", "en-AU")).toBe("AUD");
    expect(currencyOfSharedSymbol("$", "es-MX")).toBe("MXN");
    expect(currencyOfSharedSymbol("¥", "zh-CN")).toBe("CNY");
    expect(currencyOfSharedSymbol("kr", "da-DK")).toBe("DKK");
    expect(currencyOfSharedSymbol("kr", "is-IS")).toBe("ISK");
    // no culture, or one whose currency the symbol is not
    expect(currencyOfSharedSymbol("$", undefined)).toBeUndefined();
    expect(currencyOfSharedSymbol("$", "en-GB")).toBeUndefined();
    expect(currencyOfSharedSymbol("kr", "de-DE")).toBeUndefined();
  });

  test("the revenue column's format: a bare $ is no USD; en-AU's locale tag or the culture names it", () => {
    const dollars = ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"];
    expect(defaultCurrencyOf("$#,##0.00", undefined, undefined)).toEqual({
      code: "$",
      source: "format",
      sharedBy: dollars,
    });
    expect(defaultCurrencyOf("[$$-C09]#,##0.00", undefined, undefined)).toEqual({
      code: "AUD",
      source: "format",
    });
    expect(defaultCurrencyOf("$#,##0.00", undefined, "en-NZ")).toEqual({
      code: "NZD",
      source: "format",
      culture: "en-NZ",
    });
    // the "$" of Excel's bracket is no dollar; "[$USD]" names it
    expect(defaultCurrencyOf("#,##0.00 [$€-407]", undefined, undefined).code).toBe("EUR");
    expect(defaultCurrencyOf("[$USD] #,##0.00", undefined, undefined).code).toBe("USD");
    expect(defaultCurrencyOf("[$¥-411]#,##0", undefined, undefined).code).toBe("JPY");
  });

  test("the totals rows' and the lines' symbol", () => {
    expect(defaultCurrencyOf(undefined, { code: "USD", symbol: "$" }, undefined)).toEqual({
      code: "$",
      source: "totals",
      symbol: "$",
      sharedBy: ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"],
    });
    expect(defaultCurrencyOf(undefined, { code: "CAD", symbol: "CAD" }, undefined).code).toBe(
      "CAD"
    );
    expect(defaultCurrencyOf(undefined, undefined, "sv-SE", "kr")).toEqual({
      code: "SEK",
      source: "symbol",
      symbol: "kr",
      culture: "sv-SE",
    });
    // "kr" beside the culture en-GB: never GBP
    expect(defaultCurrencyOf(undefined, undefined, "en-GB", "kr").code).toBe("kr");
  });
});
