/**
 * A change is shown with its sign wherever KAP writes one as a percent: the Health Report's
 * year-over-year block showed a rise of 10% as "10%", beside "-5%" for a fall, so a reader could
 * not tell a rise from an unsigned figure (the QBR already wrote "+10%"). Now "+10%", "-5%", "0%"
 * (number format +0%;-0%;0%), in the Health Report and the Account Health sheet's change columns.
 * Checked as LibreOffice prints the sheet.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeAccount, buildPortfolio } from "../../src/domain/analysis";
import { healthReportSheet } from "../../src/sheets/healthReportSheet";
import { healthSheet } from "../../src/sheets/healthSheet";
import { layoutOptions } from "../../src/sheets/options";
import type { SheetSpec } from "../../src/sheets/spec";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
// prior 12 months: 01/11/2024 – 31/10/2025; last 12 months: 01/11/2025 – 31/10/2026
const orders = (id: string, start: number, count: number, value: number) =>
  Array.from({ length: count }, (_, k) => line(id, start + 15 * k, "S1", value));
const model = buildPortfolio(
  bookOf([
    // UP: 20 orders of £100, then 20 of £110 — revenue 2,000 → 2,200 = +10%, orders 0%, AOV +10%
    ...orders("UP", d(2024, 11, 15), 20, 100),
    ...orders("UP", d(2025, 11, 15), 20, 110),
    // DOWN: 20 orders of £100, then 19 of £100 — revenue 2,000 → 1,900 = −5%, orders −5%, AOV 0%
    ...orders("DOWN", d(2024, 11, 15), 20, 100),
    ...orders("DOWN", d(2025, 11, 15), 19, 100),
  ]),
  { asOf }
);
const opts = layoutOptions({ asOf, currency: "GBP" });
const SIGNED = "+0%;-0%;0%";

/** The label → [value, format] rows of the Health Report's year-over-year block. */
function yearOverYear(spec: SheetSpec): [unknown, unknown, unknown][] {
  const head = spec.blocks.findIndex((b) => String(b.rows[0]?.[0]).startsWith("Year-over-year"));
  return [1, 3, 5].map((k) => {
    const label = spec.blocks[head + k];
    const value = spec.blocks[head + k + 1];
    return [label.rows[0][0], value.rows[0][0], value.formats?.[0]];
  });
}

/** The text of a sheet as LibreOffice prints it to PDF (pdftotext -layout), line by line. */
async function printed(spec: SheetSpec): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "kap-signed-"));
  const file = join(dir, "book.xlsx");
  writeFileSync(file, await toXlsxBytes([spec]));
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${dir}/profile`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      file,
    ],
    { timeout: 120_000, stdio: "ignore" }
  );
  return execFileSync("pdftotext", ["-layout", join(dir, "book.pdf"), "-"], {
    encoding: "utf8",
  }).split("\n");
}

const soffice = ["/usr/bin/soffice"].some(existsSync) && ["/usr/bin/pdftotext"].some(existsSync);

describe("changes carry their sign", () => {
  it("Health Report, year over year: +10%, 0%, +10% and -5%, -5%, 0% (format +0%;-0%;0%)", () => {
    expect(yearOverYear(healthReportSheet(analyzeAccount(model, "UP"), opts))).toEqual([
      ["Revenue", 0.1, SIGNED],
      ["Order frequency", 0, SIGNED],
      ["Average order value", 0.1, SIGNED],
    ]);
    expect(yearOverYear(healthReportSheet(analyzeAccount(model, "DOWN"), opts))).toEqual([
      ["Revenue", -0.05, SIGNED],
      ["Order frequency", -0.05, SIGNED],
      ["Average order value", 0, SIGNED],
    ]);
  });

  it("Account Health sheet: the orders and revenue change columns are signed too", () => {
    const spec = healthSheet(model.analysis, opts);
    const t = spec.blocks.find((b) => b.rows[0]?.includes("Revenue change (12m)"))!;
    for (const h of ["Orders change (3m)", "Revenue change (12m)"])
      expect(t.formats?.[t.rows[0].indexOf(h)]).toBe(SIGNED);
  });

  (soffice ? it : it.skip)(
    "as printed: the Health Report reads +10%, 0%, +10% for UP and -5%, -5%, 0% for DOWN",
    async () => {
      const shown = async (id: string) => {
        const lines = await printed(healthReportSheet(analyzeAccount(model, id), opts));
        const at = lines.findIndex((l) => l.trim().startsWith("Year-over-year"));
        // "Revenue        +10%": the label, then the figure as the cell shows it
        return lines.slice(at + 1, at + 4).map((l) => l.trim().split(/\s{2,}/));
      };
      expect(await shown("UP")).toEqual([
        ["Revenue", "+10%"],
        ["Order frequency", "0%"],
        ["Average order value", "+10%"],
      ]);
      expect(await shown("DOWN")).toEqual([
        ["Revenue", "-5%"],
        ["Order frequency", "-5%"],
        ["Average order value", "0%"],
      ]);
    },
    120_000
  );
});
