/**
 * Order lines with a filter on, or rows hidden by hand: the pane reads every row, as the CLI
 * does, and says so plainly — a user who filtered to one region must not take the results for
 * that region's.
 *
 * Worked by hand: 6 accounts × 24 monthly orders, A5 stopping after 21 → 141 order rows under
 * the header. A filter keeping A2 shows A2's 24 and hides 141 − 24 = 117.
 */
import { ExcelDouble } from "../excel-double/excel";
import { createExcelHost } from "../../src/engine/excelHost";
import { defaultSettings } from "../../src/engine/settings";
import { setRequirementCheck } from "../../src/excel/requirements";
import type { KapSettings, Progress } from "../../src/engine/contract";
import { monthlyOrderRows } from "./fixtures/monthlyOrders";

const START = 45_601; // 2024-11-05

function workbook(asTable: boolean, mode: "web" | "desktop" = "web"): ExcelDouble {
  const x = new ExcelDouble(["Orders"], mode);
  x.model.fill(x.sheet("Orders"), "A1", monthlyOrderRows(START));
  if (asTable)
    x.model.addTable(x.sheet("Orders"), { row: 0, col: 0, rows: 142, cols: 8 }, true).name =
      "Sales";
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  return x;
}

const onlyA2 = (x: ExcelDouble) =>
  x.model.applyFilter(
    x.sheet("Orders"),
    { row: 0, col: 0, rows: 142, cols: 8 },
    (r) => r[2] === "A2"
  );

const settings = (): KapSettings => ({ ...defaultSettings(), asOf: "2026-10-31" });
const signal = () => new AbortController().signal;
const noop = (_p: Progress) => undefined;

/** The pane's analysis of the workbook just installed as `Excel`. */
async function summaryOf() {
  const host = createExcelHost();
  const list = await host.analyze(settings(), noop, signal());
  const d = await host.discover(settings(), { reuse: true });
  return { list, warnings: d.summary!.warnings };
}

afterEach(() => setRequirementCheck(undefined));

describe("hidden order rows", () => {
  test.each([
    { what: "a sheet's AutoFilter", asTable: false, mode: "web" },
    { what: "a table's filter", asTable: true, mode: "web" },
    { what: "a table's filter", asTable: true, mode: "desktop" },
  ] as const)(
    "filtered to one account by $what: all 6 accounts analysed, and the pane says 117 of 141 rows are hidden by a filter ($mode)",
    async ({ asTable, mode }) => {
      const x = workbook(asTable, mode);
      onlyA2(x);
      const { list, warnings } = await summaryOf();
      expect(list.map((a) => a.id).sort()).toEqual(["A1", "A2", "A3", "A4", "A5", "A6"]);
      expect(warnings).toContain(
        `117 of the 141 order rows on "Orders" are hidden by a filter. KAP read all 141: the results cover every row, not only the rows shown.`
      );
    }
  );

  test("rows hidden by hand are named as hidden, not filtered", async () => {
    const x = workbook(false);
    for (const r of [10, 11, 12]) x.sheet("Orders").hiddenRows.add(r);
    const { warnings } = await summaryOf();
    expect(warnings).toContain(
      `3 of the 141 order rows on "Orders" are hidden. KAP read all 141: the results cover every row, not only the rows shown.`
    );
  });

  test("an Excel without ExcelApi 1.9 cannot say what hides them: the count alone", async () => {
    setRequirementCheck((set) => Number(set.split(".")[1]) < 9);
    const x = workbook(true);
    onlyA2(x);
    const { warnings } = await summaryOf();
    expect(warnings).toContain(
      `117 of the 141 order rows on "Orders" are hidden (by a filter or by hand). KAP read all 141: the results cover every row, not only the rows shown.`
    );
  });

  test("nothing hidden: nothing said", async () => {
    workbook(true);
    const { warnings } = await summaryOf();
    expect(warnings.join(" ")).not.toMatch(/hidden/);
  });
});
