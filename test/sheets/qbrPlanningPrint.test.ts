/**
 * The QBR's "Forward planning" page prints readable. With the account's initiatives (ten columns,
 * 232 characters of column width) it was forced to A4 portrait and one page wide: about 40% of
 * full size (92 / 232), the sample's Jubilee Construction (C0082) page unreadable on paper; then
 * it printed landscape. The tracked initiatives (with "Behind" among their statuses) are the sales
 * team's and now sit on the internal preparation sheet, which prints landscape; the planning page
 * keeps the questions and actions (columns A–D: 56 + 16 + 22 + 16 = 110 characters at most, cut
 * to their content) and prints portrait, with initiatives or without.
 */
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import type { InitiativeRecord } from "../../src/domain/types";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2026, 10, 31);
const lines = [
  line("A", d(2026, 8, 1), "t1", 300, { category: "Ties" }),
  line("B", d(2026, 8, 1), "t1", 300, { category: "Ties" }),
];
const initiatives: InitiativeRecord[] = [
  {
    account: "A",
    initiative: "Grow Ties share",
    categories: ["Ties"],
    skus: [],
    start: d(2026, 5, 1),
    end: d(2027, 4, 30),
    target: 5000,
    status: "In progress",
  },
];
const model = buildPortfolio(bookOf(lines), { asOf, initiatives });
const sheetOf = (id: string, kind: string) =>
  qbrSheets(
    qbrData(model, id, { year: 2026, q: 3 }),
    layoutOptions({ asOf, currency: "GBP" })
  ).find((s) => s.kind === kind)!;

it("with initiatives the planning page prints portrait, the initiatives on the internal sheet in landscape", () => {
  const planning = sheetOf("A", "qbr-planning");
  expect(planning.page?.orientation).toBe("portrait");
  expect(planning.blocks.some((b) => b.rows.some((r) => r[0] === "Grow Ties share"))).toBe(false);
  const prep = sheetOf("A", "qbr-prep");
  expect(prep.page?.orientation).toBe("landscape");
  expect(prep.blocks.some((b) => b.rows.some((r) => r[0] === "Grow Ties share"))).toBe(true);
});

it("without, portrait", () => {
  expect(sheetOf("B", "qbr-planning").page?.orientation).toBe("portrait");
});
