/**
 * The fitted lifetime parameters on Account Health (placed here from G3, as the sheet places them
 * over its lifetime columns) and in `kap clv`'s text. The demo's
 * fit gives b = 67,370,350.0103: with every parameter in 0.0000, b took 13 characters and pushed
 * its column wide, and the bold labels (left) stood apart from their figures (right), so the block
 * read misaligned. Now a parameter from 0.001 to 99,999.9999 keeps 4 decimals and one outside
 * reads in scientific notation (6.737E+07), the labels are right-aligned over their figures, and
 * the cells keep the fitted values whole (the KAP formulas read them).
 */
import ExcelJS from "exceljs";
import { isScientificParameter, parameterText } from "../../src/domain/numberText";
import type { CurrencyLifetimeModel, PortfolioAnalysis } from "../../src/domain/analysis/types";
import type { KapEngine } from "../../src/engine/engine";
import { printClv } from "../../src/cli/clv";
import { lifetimeModelBlocks } from "../../src/sheets/lifetimeCells";
import { shownText } from "../../src/sheets/print";
import { sheet } from "../../src/sheets/spec";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";

// the demo's fit (npm run demo, as of 31/10/2026)
const DEMO: CurrencyLifetimeModel = {
  currency: "GBP",
  bgnbd: { r: 1.9754, alpha: 2.9837, a: 7154.5379, b: 67370350.0103, logLikelihood: -181.7 },
  gammaGamma: { p: 0.332, q: 4.3107, gamma: 2238.4044 },
  accounts: 285,
  repeatBuyers: 280,
  reliable: true,
  warning: null,
  horizonMonths: 12,
  discountRate: 0.1,
} as unknown as CurrencyLifetimeModel;

const portfolio = (m: CurrencyLifetimeModel) =>
  ({ asOf: 46326, lifetimeModels: [m], accounts: [] }) as unknown as PortfolioAnalysis;

describe("parameterText", () => {
  test.each([
    [1.9754, "1.9754"],
    [7154.5379, "7,154.5379"],
    // 99,999.9999 is the largest with 4 decimals; 100,000 = 1.000 × 10^5
    [99999.9999, "99,999.9999"],
    [100000, "1.000E+05"],
    // 67,370,350.0103 = 6.7370… × 10^7, to 3 decimals 6.737
    [67370350.0103, "6.737E+07"],
    // 0.001 keeps its decimals; 0.00083 = 8.3 × 10^-4
    [0.001, "0.0010"],
    [0.00083, "8.300E-04"],
    [0, "0.0000"],
  ])("%p reads %p", (x, text) => {
    expect(parameterText(x)).toBe(text);
    expect(isScientificParameter(x)).toBe(text.includes("E"));
  });
});

describe("the Account Health sheet's lifetime model block", () => {
  const blocks = lifetimeModelBlocks(portfolio(DEMO), { col: "G" });

  test("labels r … Disc. / yr right-aligned over their figures; 'Lifetime model' as it was", () => {
    expect(blocks[0]).toMatchObject({ at: "G3", rows: [["Lifetime model"]] });
    expect(blocks[1]).toMatchObject({
      at: "H3",
      rows: [["r", "α", "a", "b", "p", "q", "γ", "Months", "Disc. / yr"]],
      style: { bold: true, hAlign: "right" },
    });
  });

  test("b alone is scientific; the rest 4 decimals; months and rate as before", () => {
    const fitted = blocks[2];
    expect(fitted.at).toBe("G4");
    expect(fitted.formats).toEqual([
      undefined,
      "0.0000", // r 1.9754
      "0.0000", // α 2.9837
      "0.0000", // a 7,154.5379
      "0.000E+00", // b 67,370,350.0103
      "0.0000", // p 0.3320
      "0.0000", // q 4.3107
      "0.0000", // γ 2,238.4044
      "#,##0",
      "0.0%",
    ]);
  });

  test("in the .xlsx, b's cell holds 67,370,350.0103 whole, shown 6.737E+07", async () => {
    const bytes = await toXlsxBytes([sheet("Account Health", "health", "", blocks)]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    // K is the 4th parameter column after G: G label, H r, I α, J a, K b
    expect(ws.getCell("K4").value).toBe(67370350.0103);
    expect(ws.getCell("K4").numFmt).toBe("0.000E+00");
    expect(ws.getCell("J4").numFmt).toBe("0.0000");
  });

  test("its column is measured for the 9 characters it shows, not b's 12 digits", () => {
    // 67,370,350.0103 = 6.7370… × 10^7: "6.737E+07" (it was measured as "67370350.010", 12
    // characters, and the column took 13)
    expect(shownText(67370350.0103, "0.000E+00")).toBe("6.737E+07");
    // 0.00083 = 8.3 × 10^-4
    expect(shownText(0.00083, "0.000E+00")).toBe("8.300E-04");
  });
});

test("kap clv's model lines: b reads 6.737E+07, the others 4 decimals", () => {
  const lines: string[] = [];
  const engine = { portfolio: portfolio(DEMO), settings: undefined } as unknown as KapEngine;
  printClv(engine, (s) => lines.push(s));
  expect(lines).toContain(
    "BG/NBD (GBP): r 1.9754 · α 2.9837 · a 7,154.5379 · b 6.737E+07 · log-likelihood -181.7"
  );
  expect(lines).toContain("Gamma-Gamma (GBP): p 0.3320 · q 4.3107 · γ 2,238.4044");
});
