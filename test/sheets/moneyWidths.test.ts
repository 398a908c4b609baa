/**
 * Money never prints ### (tester: a German workbook's Line Total formatted `#,##0.00 [$€-407]`
 * put "###" on the QBR cover, 9 times in its PDF and 55 in `kap sheets`): a column is measured
 * for all its money format shows, the symbol after the figure and its space, an ISO code, a
 * long symbol, a negative's brackets, lakh grouping. Each kind is measured (finishForPrint's
 * width against the shown text worked out by hand), written by both writers (the .xlsx and the
 * Office.js path on the Excel double) and, where LibreOffice is installed, printed.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ExcelDouble } from "../excel-double/excel";
import { writeSheetsIn } from "../../src/excel/writeSheets";
import { formatText } from "../../src/sheets/formatText";
import { charsFor } from "../../src/sheets/measure";
import { finishForPrint, isMoneyFormat, shownText } from "../../src/sheets/print";
import { sheet, widthCharsToPoints, type SheetSpec } from "../../src/sheets/spec";
import { writeXlsxFile } from "../../src/xlsx/writeFile";

/** [kind, format, value, the text Excel shows (by hand; digits grouped with "," and ".")] */
const KINDS: [string, string, number, string][] = [
  ["German euro, locale tag", "#,##0.00 [$€-407]", 9348.2, "9,348.20 €"],
  ["German euro, quoted after an escaped space", '#,##0.00\\ "€"', 9348.2, "9,348.20 €"],
  ["suffix euro, negative", '#,##0.00 "€";-#,##0.00 "€"', -9348.2, "-9,348.20 €"],
  ["ISO code before", '"CHF "#,##0.00', 1234.5, "CHF 1,234.50"],
  ["złoty after", '#,##0.00 "zł"', 1234.5, "1,234.50 zł"],
  ["krona after, whole", '#,##0 "kr"', 1234567, "1,234,567 kr"],
  ["real, two-character symbol", '"R$ "#,##0.00', 1234.5, "R$ 1,234.50"],
  // the rupee grouped in lakhs: 12,34,567.50 (one mark more than 1,234,567.50)
  ["rupee in lakhs", '"₹"#,##0.00', 1234567.5, "₹12,34,567.50"],
  ["negative in brackets", "€#,##0.00;(€#,##0.00)", -1234.5, "(€1,234.50)"],
  [
    "lakhs by conditions",
    "[>=10000000]##\\,##\\,##\\,##0;[>=100000]##\\,##\\,##0;##,##0",
    12345678,
    "1,23,45,678",
  ],
];

/** A cover-like sheet: a label in A, the figure in B, whose layout width (8.25) fits "£9,348" but not the suffix format. */
function cover(format: string, value: number): SheetSpec {
  return finishForPrint(
    sheet(
      "KAP Cover",
      "qbr",
      "K1",
      [
        { at: "A1", rows: [["Spend after returns, 12 months to 30/09/2026"]], style: "label" },
        { at: "B1", rows: [[value]], formats: [format] },
        { at: "A2", rows: [["Orders"]], style: "label" },
        { at: "B2", rows: [[32]], formats: ["#,##0"] },
      ],
      { widths: [38, 8.25] }
    ),
    { paper: "A4", asOfText: "As of 30/11/2026" }
  );
}

describe("the text a money cell shows", () => {
  test.each(KINDS)("%s: %s", (_kind, format, value, shown) => {
    expect(formatText(value, format)).toBe(shown);
    expect(shownText(value, format)).toBe(shown);
  });

  test("the symbol before or after the digits makes a money format", () => {
    for (const [, format] of KINDS.slice(0, 9)) expect(isMoneyFormat(format)).toBe(true);
    expect(isMoneyFormat("#,##0")).toBe(false);
    expect(isMoneyFormat("0%")).toBe(false);
    expect(isMoneyFormat('0.0" days"')).toBe(false);
  });
});

describe("a money column is as wide as its figures", () => {
  test.each(KINDS)("%s: column B shows %s", (_kind, format, value, shown) => {
    const spec = cover(format, value);
    // each column at least as wide as its text with Excel's padding (charsFor), whatever the layout gave
    expect(spec.widths![1]).toBeGreaterThanOrEqual(charsFor(shown));
  });

  test("the German cover's 9,348.20 € needs more than 8.25 characters", () => {
    // Calibri advance widths (1/2048 em): six digits 6 × 1038 + "," 511 + "." 517 + space 463
    // + "€" 1038 = 8757 units = 8757 / 2048 × 11 pt × 96/72 = 62.7 px; with Excel's padding
    // (+6 − 5 px) 63.7 / 7 = 9.10 characters. "9,348.20" alone was 7.8 and the column 8.25: ###
    expect(charsFor("9,348.20 €")).toBeCloseTo(9.1, 1);
    expect(cover("#,##0.00 [$€-407]", 9348.2).widths![1]).toBeGreaterThanOrEqual(9.1);
  });

  test("the Office.js writer sets the measured width (Excel double)", async () => {
    for (const [, format, value, shown] of KINDS) {
      const x = new ExcelDouble();
      const spec = cover(format, value);
      await writeSheetsIn(x.newContext() as unknown as Excel.RequestContext, [spec]);
      const points = x.sheet("KAP Cover").formatAt("B1", "columnWidth") as number;
      expect(points).toBeGreaterThanOrEqual(widthCharsToPoints(charsFor(shown)) - 0.01);
    }
  });
});

const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find(existsSync);
const pdftotext = ["/usr/bin/pdftotext"].find(existsSync);
const printed = soffice && pdftotext ? test : test.skip;

printed(
  "LibreOffice prints every kind without ###",
  async () => {
    const dir = mkdtempSync(join(tmpdir(), "kap-money-"));
    try {
      const specs = KINDS.map(([, format, value], k) => ({
        ...cover(format, value),
        name: `KAP Cover ${k + 1}`,
      }));
      const file = join(dir, "money.xlsx");
      await writeXlsxFile(file, specs);
      execFileSync(
        soffice!,
        [
          `-env:UserInstallation=file://${dir}/lo-profile`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          dir,
          file,
        ],
        { timeout: 120_000, stdio: "ignore" }
      );
      execFileSync(pdftotext!, ["-layout", join(dir, "money.pdf"), join(dir, "money.txt")]);
      const text = readFileSync(join(dir, "money.txt"), "utf8");
      expect(text).toContain("9,348.20");
      expect(text).not.toContain("###");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  180_000
);
