/**
 * The Account Health sheet prints each account on one line: the Win-back stage column holds its
 * longest stage, "Stage 4 – Recovery offer", on one line beside the indent it takes after the
 * Alerts figures. At width 22 it wrapped, and every Stage 4 row printed two lines tall among the
 * one-line rows (the sample's page 1: Northgate Heating Services, Nova Heating Services …).
 */
import { buildPortfolio } from "../../src/domain/analysis";
import { WINBACK_EXIT_STAGE, WINBACK_STAGES } from "../../src/domain/rules";
import { healthSheet } from "../../src/sheets/healthSheet";
import { charsFor } from "../../src/sheets/measure";
import { layoutOptions } from "../../src/sheets/options";
import { finishForPrint, paperFor } from "../../src/sheets/print";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
// last orders 35, 50, 70 and 100 days before 31/10/2026: Stages 1, 2, 3 and 4
const silentFor = (id: string, days: number) => [
  line(id, asOf - days - 60, "S", 100),
  line(id, asOf - days, "S", 100),
];
const model = buildPortfolio(
  bookOf([
    ...silentFor("S1", 35),
    ...silentFor("S2", 50),
    ...silentFor("S3", 70),
    ...silentFor("S4", 100),
  ]),
  { asOf }
);
const spec = finishForPrint(healthSheet(model.analysis, layoutOptions({ asOf, currency: "GBP" })), {
  paper: paperFor(),
  asOfText: "As of 31/10/2026",
});
const table = spec.blocks.find((b) => b.rows[0]?.includes("Win-back stage"))!;
const col = table.rows[0].indexOf("Win-back stage");
const first = Number(/\d+/.exec(table.at)![0]) + 1; // the first account's row (1-based)
const letter = String.fromCharCode(65 + col);

test("the four accounts are at Stages 1–4, Stage 4 named in full", () => {
  expect(table.rows.slice(1).map((r) => r[col])).toEqual(
    expect.arrayContaining([
      "Stage 1 – Early warning",
      "Stage 2 – Active concern",
      "Stage 3 – Critical",
      "Stage 4 – Recovery offer",
    ])
  );
});

test("no stage wraps: the column holds the longest name and its one-step indent", () => {
  const longest = Math.max(...[...WINBACK_STAGES, WINBACK_EXIT_STAGE].map((s) => charsFor(s.name)));
  // 1.5 characters for the indent (print.ts INDENT_CHARS)
  expect(spec.widths![col]).toBeGreaterThanOrEqual(longest + 1.5);
  const wrapped = (spec.styles ?? []).filter(
    (s) =>
      new RegExp(`^${letter}\\d+$`).test(s.range) && typeof s.style === "object" && s.style.wrap
  );
  expect(wrapped).toEqual([]);
});

test("every account row prints one line tall (15 pt at 11 pt type)", () => {
  const heights = table.rows.slice(1).map((_, k) => spec.rowHeights?.[first + k]);
  expect(heights).toEqual([15, 15, 15, 15]);
});
