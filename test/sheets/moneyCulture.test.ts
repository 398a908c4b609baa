/**
 * One money convention per workbook: with a culture (kap --culture, the workbook's regional
 * format) money cells place the symbol where the culture and KAP's text do. Before: with de-DE
 * the cells were formatted "€#,##0.00" ("€3,453.50") while the alert text in the same row read
 * "3.453,50 € is 233 %". Now the cells are '#,##0.00" €"', as Excel's own de-DE currency format;
 * the marks (. or ,) are the viewer's Excel's, the symbol's place is the culture's.
 */
import { formatMoney, moneyLabel } from "../../src/domain/currency";
import { formatText } from "../../src/sheets/formatText";
import { charsFor } from "../../src/sheets/measure";
import { layoutOptions, moneyFor } from "../../src/sheets/options";
import { finishForPrint } from "../../src/sheets/print";
import { sheet } from "../../src/sheets/spec";

const cellFormat = (culture: string | undefined, currency: string) =>
  moneyFor(
    layoutOptions({ asOf: 46326, currency, numberCulture: culture, fractionalMoney: true }),
    currency
  );

/** [culture, currency, the cell's format, what it shows for 3453.5 with "," and "." marks, the text] */
const CASES: [string | undefined, string, string, string, string][] = [
  ["de-DE", "EUR", '#,##0.00" €";"-"#,##0.00" €"', "3,453.50 €", "3.453,50 €"],
  ["fr-FR", "EUR", '#,##0.00" €";"-"#,##0.00" €"', "3,453.50 €", "3 453,50 €"],
  ["pl-PL", "PLN", '#,##0.00" zł";"-"#,##0.00" zł"', "3,453.50 zł", "3 453,50 zł"],
  ["cs-CZ", "CZK", '#,##0.00" Kč";"-"#,##0.00" Kč"', "3,453.50 Kč", "3 453,50 Kč"],
  ["da-DK", "DKK", '#,##0.00" kr.";"-"#,##0.00" kr."', "3,453.50 kr.", "3.453,50 kr."],
  ["pt-BR", "BRL", '"R$ "#,##0.00;"-R$ "#,##0.00', "R$ 3,453.50", "R$ 3.453,50"],
  ["nl-NL", "EUR", '"€ "#,##0.00;"€ -"#,##0.00', "€ 3,453.50", "€ 3.453,50"],
  // cultures that put KAP's own prefix first: the formats as they always were
  ["en-US", "USD", "$#,##0.00;-$#,##0.00", "$3,453.50", "$3,453.50"],
  ["en-GB", "GBP", "£#,##0.00;-£#,##0.00", "£3,453.50", "£3,453.50"],
  [undefined, "EUR", "€#,##0.00;-€#,##0.00", "€3,453.50", "€3,453.50"],
  ["de-CH", "CHF", '"CHF "#,##0.00;"CHF-"#,##0.00', "CHF 3,453.50", "CHF 3'453.50"],
];

const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("money cells place the symbol as the culture's text does", () => {
  test.each(CASES)("%s %s: %s", (culture, currency, format, shown, text) => {
    const f = cellFormat(culture, currency);
    expect(f).toBe(format);
    expect(formatText(3453.5, f)).toBe(shown);
    expect(spaces(formatMoney(3453.5, moneyLabel(currency, culture)))).toBe(text);
    // the same convention: the cell's text is the text's, up to the marks the viewer's Excel puts
    const marks = (s: string) => s.replace(/[\d.,'’ ]+(?=\d)|\d/g, "9");
    expect(marks(formatText(3453.5, f))).toBe(marks(spaces(text)));
    expect(marks(formatText(-3453.5, f).replace("−", "-"))).toBe(
      marks(spaces(formatMoney(-3453.5, moneyLabel(currency, culture))).replace("−", "-"))
    );
  });

  test("a German money column is measured for its symbol after the figure", () => {
    const f = cellFormat("de-DE", "EUR");
    const spec = finishForPrint(
      sheet(
        "KAP Cover",
        "qbr",
        "K1",
        [
          { at: "A1", rows: [["Spend after returns"]], style: "label" },
          { at: "B1", rows: [[9348.2]], formats: [f] },
        ],
        { widths: [20, 8.25] }
      ),
      { paper: "A4", asOfText: "As of 30/11/2026" }
    );
    // "9,348.20 €": 9.10 characters (moneyWidths.test.ts), more than the layout's 8.25
    expect(spec.widths![1]).toBeGreaterThanOrEqual(charsFor("9,348.20 €"));
  });

  test("Polish and Spanish text groups thousands (was 1,234,50 zł: the comma both marks)", () => {
    expect(spaces(formatMoney(1234.5, moneyLabel("PLN", "pl-PL")))).toBe("1 234,50 zł");
    expect(spaces(formatMoney(1234.5, moneyLabel("EUR", "es-ES")))).toBe("1.234,50 €");
  });
});
