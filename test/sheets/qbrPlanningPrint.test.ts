/**
 * The QBR's "Forward planning" page prints readable. With the account's initiatives (ten columns,
 * 232 characters of column width) it was forced to A4 portrait and one page wide: about 40% of
 * full size (92 / 232), the sample's Jubilee Construction (C0082) page unreadable on paper. With
 * initiatives it is landscape; without, the questions and actions (columns A–D) stay portrait.
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
const planningOf = (id: string) =>
  qbrSheets(
    qbrData(model, id, { year: 2026, q: 3 }),
    layoutOptions({ asOf, currency: "GBP" })
  ).find((s) => s.kind === "qbr-planning")!;

it("with initiatives the planning page prints landscape", () => {
  expect(planningOf("A").page?.orientation).toBe("landscape");
});

it("without, portrait", () => {
  expect(planningOf("B").page?.orientation).toBe("portrait");
});
