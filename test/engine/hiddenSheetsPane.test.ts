/**
 * The pane's side of what a workbook hides beyond rows hidden by hand or a filter, in the same
 * words as kap (test/cli/hiddenSheetsAndDefaultRows.test.ts): a sheet whose rows are hidden by
 * default (an .xlsx's zeroHeight: Excel answers rowHidden and the visible view so), and order
 * lines on a hidden or very hidden sheet, read or not. Against the in-memory Excel double.
 *
 * Worked by hand: 6 accounts × 24 monthly orders, A5 stopping after 21 → 141 order rows under
 * the header (monthlyOrderRows).
 */
import { ExcelDouble } from "../excel-double/excel";
import { createExcelHost } from "../../src/engine/excelHost";
import { defaultSettings } from "../../src/engine/settings";
import type { KapSettings, Progress } from "../../src/engine/contract";
import { monthlyOrderRows } from "./fixtures/monthlyOrders";

const START = 45_601; // 2024-11-05

/** `names` as the workbook's sheets, the order table on "Orders"; installed as `Excel`. */
function workbook(names: string[]): ExcelDouble {
  const x = new ExcelDouble(names);
  x.model.fill(x.sheet("Orders"), "A1", monthlyOrderRows(START));
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  return x;
}

const settings = (): KapSettings => ({ ...defaultSettings(), asOf: "2026-10-31" });
const noop = (_p: Progress) => undefined;

/** The pane's analysis of the workbook just installed as `Excel`. */
async function summaryOf() {
  const host = createExcelHost();
  const list = await host.analyze(settings(), noop, new AbortController().signal);
  const d = await host.discover(settings(), { reuse: true });
  return { list, warnings: d.summary!.warnings };
}

const ALL = ["A1", "A2", "A3", "A4", "A5", "A6"];

test("a sheet whose rows are hidden by default, 41 order rows given a height: 100 of 141 said hidden", async () => {
  const x = workbook(["Orders"]);
  const sheet = x.sheet("Orders");
  sheet.rowsHiddenByDefault = true;
  // the header (row 0) and the first 41 order rows (1–41, all of A1's 24 and 17 of A2's) show
  for (let r = 0; r <= 41; r++) sheet.shownRows.add(r);
  const { list, warnings } = await summaryOf();
  expect(list.map((a) => a.id).sort()).toEqual(ALL);
  expect(warnings).toContain(
    `100 of the 141 order rows on "Orders" are hidden. KAP read all 141: the results cover every row, not only the rows shown.`
  );
});

test.each([
  ["Hidden", "a hidden sheet"],
  ["VeryHidden", "a very hidden sheet (Excel's Unhide does not list it)"],
] as const)("order lines on a sheet %s: read, and said", async (visibility, how) => {
  const x = workbook(["Notes", "Orders"]);
  x.model.fill(x.sheet("Notes"), "A1", [["Exported from the ERP"]]);
  x.sheet("Orders").visibility = visibility;
  const { list, warnings } = await summaryOf();
  expect(list.map((a) => a.id).sort()).toEqual(ALL);
  expect(warnings).toContain(
    `The order lines were read from "Orders", ${how}: its rows are analysed as any sheet's. Check that it holds the orders you mean to analyse.`
  );
});

test("a hidden sheet of other order lines is named hidden among those not read", async () => {
  // "Old orders" (hidden): its header and 2 order lines, not read beside the 141 on "Orders"
  const x = workbook(["Orders", "Old orders"]);
  x.model.fill(x.sheet("Old orders"), "A1", monthlyOrderRows(START - 1000).slice(0, 3));
  x.sheet("Old orders").visibility = "Hidden";
  const { warnings } = await summaryOf();
  expect(warnings.join("\n")).toContain(
    'Order lines were also found on "Old orders" (a hidden sheet, 2 rows), and were not read'
  );
  expect(warnings.join("\n")).not.toContain("The order lines were read from");
});

test.each(["Hidden", "VeryHidden"] as const)(
  "a shown order sheet beside a longer one %s: the shown one is read, as kap does",
  async (visibility) => {
    // "Orders 2024" (hidden, listed first): the same header and 141 rows of its own plus 9 more
    // for Z1–Z9, 150 in all, more than the 141 on "Orders", which the longer table beat before
    const x = workbook(["Orders 2024", "Orders"]);
    const old = monthlyOrderRows(START - 1000).map((r) => [...r]);
    for (let i = 1; i <= 9; i++)
      old.push([START - 900 + i, `OLD${i}`, `Z${i}`, `Old ${i}`, "SKU0", "Fixings", 1, 1000]);
    x.model.fill(x.sheet("Orders 2024"), "A1", old);
    x.sheet("Orders 2024").visibility = visibility;
    const { list, warnings } = await summaryOf();
    // worked by hand: "Orders" holds A1–A6 only; the Z accounts are on the hidden sheet alone
    expect(list.map((a) => a.id).sort()).toEqual(ALL);
    expect(warnings.join("\n")).toContain(
      'Order lines were also found on "Orders 2024" (a hidden sheet, 150 rows), and were not read'
    );
    expect(warnings.join("\n")).not.toContain("The order lines were read from");
  }
);

test("a shown sheet with nothing hidden: nothing said of hiding", async () => {
  workbook(["Orders"]);
  const { warnings } = await summaryOf();
  expect(warnings.join(" ")).not.toMatch(/hidden/);
});
