/**
 * Money in KAP's text written as the cells show it, and lists of amounts in several currencies
 * written one way everywhere: a German ERP's '#,##0.00 [$€-407]' shows "9,348.20 €" (an English
 * Excel's marks), so the text says "9,348.20 €", not "€9,348.20"; "$130.00 and CAD 21.00", never
 * "130.00 USD + 21.00 CAD" in one message and "$130.00; C$21.00" in the next.
 */
import fc from "fast-check";
import {
  amountsText,
  codeLabel,
  formatMoney,
  moneyLabel,
  type SymbolPlacement,
} from "../../src/domain/currency";
import { formatText, symbolAfterPlacement } from "../../src/sheets/formatText";

const NBSP = "\u00a0";
const EURO_AFTER: SymbolPlacement = {
  currency: "EUR",
  before: "",
  after: `${NBSP}€`,
  negBefore: "-",
  negAfter: `${NBSP}€`,
};

describe("where a source format writes its currency", () => {
  it("after the figure: German ERP formats, quoted or locale-tagged, and their negatives", () => {
    // "#,##0.00 [$€-407]" shows 1,234.50 as "1,234.50 €": nothing before, " €" after
    expect(symbolAfterPlacement("#,##0.00 [$€-407]")).toEqual({
      before: "",
      after: `${NBSP}€`,
      negBefore: "-",
      negAfter: `${NBSP}€`,
    });
    expect(symbolAfterPlacement('#,##0.00\\ "€"')?.after).toBe(`${NBSP}€`);
    // a negative section in brackets: "(1,234.50 €)"
    expect(symbolAfterPlacement("#,##0.00 €;(#,##0.00 €)")).toMatchObject({
      negBefore: "(",
      negAfter: `${NBSP}€)`,
    });
    // padding ("_)") spaces a cell, not a sentence
    expect(symbolAfterPlacement('#,##0.00" EUR"_);(#,##0.00" EUR")')).toMatchObject({
      after: `${NBSP}EUR`,
      negAfter: `${NBSP}EUR)`,
    });
  });

  it("none for a symbol before the figure, or a format that is no money", () => {
    expect(symbolAfterPlacement("[$€-407]#,##0.00")).toBeUndefined();
    expect(symbolAfterPlacement("£#,##0.00")).toBeUndefined();
    expect(symbolAfterPlacement("#,##0.00")).toBeUndefined();
    expect(symbolAfterPlacement("0.0%")).toBeUndefined();
  });
});

describe("money placed as the source format places it", () => {
  it("'9,348.20 €' without a culture: the format's place, en-GB's marks, as the cell shows it", () => {
    const label = moneyLabel("EUR", undefined, EURO_AFTER);
    expect(formatMoney(9348.2, label)).toBe(`9,348.20${NBSP}€`);
    expect(formatMoney(-9348.2, label)).toBe(`-9,348.20${NBSP}€`);
    expect(formatMoney(9348.2, label, 0)).toBe(`9,348${NBSP}€`);
    // the cell: formatText gives what an English Excel shows under the format
    expect(formatText(9348.2, "#,##0.00 [$€-407]")).toBe("9,348.20 €");
  });

  it("with a culture, its marks: de-DE '9.348,20 €', en-US '9,348.20 €' (not Intl's '€9,348.20')", () => {
    expect(formatMoney(9348.2, moneyLabel("EUR", "de-DE", EURO_AFTER))).toBe(`9.348,20${NBSP}€`);
    expect(formatMoney(9348.2, moneyLabel("EUR", "en-US", EURO_AFTER))).toBe(`9,348.20${NBSP}€`);
  });

  it("only money in the format's currency: another is labelled as ever", () => {
    expect(formatMoney(50, moneyLabel("GBP", undefined, EURO_AFTER))).toBe("£50.00");
    expect(formatMoney(50, moneyLabel("SEK", undefined, EURO_AFTER))).toBe("SEK 50.00");
  });

  it("property: the placed text is the format's cell text, a no-break space for the space", () => {
    const placement = symbolAfterPlacement("#,##0.00 [$€-407]")!;
    const label = moneyLabel("EUR", undefined, { currency: "EUR", ...placement });
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (cents) => {
        const v = cents / 100;
        expect(formatMoney(v, label)).toBe(formatText(v, "#,##0.00 [$€-407]").replace(" ", NBSP));
      })
    );
  });
});

describe("amounts in several currencies, one way in every message", () => {
  it("joined with 'and', a dollar other than the bare '$' by its code beside it", () => {
    // USD writes "$", CAD "C$": beside each other CAD is said by its code
    expect(
      amountsText([
        ["USD", 130],
        ["CAD", 21],
      ])
    ).toBe("$130.00 and CAD 21.00");
    expect(
      amountsText([
        ["GBP", 100],
        ["EUR", 40],
        ["SEK", 1200],
      ])
    ).toBe("£100.00, €40.00 and SEK 1,200.00");
    // alone, CAD keeps its own symbol
    expect(amountsText([["CAD", 21]])).toBe("C$21.00");
  });

  it("money naming no currency is the plain figure, said so beside others", () => {
    expect(
      amountsText([
        ["GBP", 37],
        ["", 18],
      ])
    ).toBe("£37.00 and 18.00 (no currency)");
    expect(amountsText([["", 18]])).toBe("18.00");
  });

  it("codes the run writes by their code (USD beside a bare '$') stay so", () => {
    expect(
      amountsText(
        [
          ["USD", 80],
          ["$", 300],
        ],
        { coded: ["USD"] }
      )
    ).toBe("USD 80.00 and $300.00");
  });

  it("the run's culture: de-DE '130,00 $ and 21,00 CAD', the words English, the figures German", () => {
    expect(
      amountsText(
        [
          ["USD", 130],
          ["CAD", 21],
        ],
        { culture: "de-DE" }
      )
    ).toBe(`130,00${NBSP}$ and 21,00${NBSP}CAD`);
    // a code said the culture's way: de-DE after the figure, en-US before it
    expect(formatMoney(648.6, codeLabel("CAD", "de-DE"))).toBe(`648,60${NBSP}CAD`);
    expect(formatMoney(648.6, codeLabel("CAD", "en-US"))).toBe(`CAD${NBSP}648.60`);
    expect(formatMoney(648.6, codeLabel("CAD", undefined))).toBe("CAD 648.60");
  });

  it("the source format's placement: '9,348.20 € and £12.00'", () => {
    expect(
      amountsText(
        [
          ["EUR", 9348.2],
          ["GBP", 12],
        ],
        { placement: EURO_AFTER }
      )
    ).toBe(`9,348.20${NBSP}€ and £12.00`);
  });
});

test("a run with USD and CAD says CAD by its code in every message, also one that names CAD alone", () => {
  // the skipped rows' "$130.00 and CAD 21.00" beside the as-of note's "CAD 21.00", not "C$21.00"
  expect(amountsText([["CAD", 21]], { beside: ["USD", "CAD"] })).toBe("CAD 21.00");
  expect(amountsText([["", 18]], { beside: ["GBP"] })).toBe("18.00 (no currency)");
});
