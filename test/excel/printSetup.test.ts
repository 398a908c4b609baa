/**
 * The pane's sheets print as the CLI's files do (issue 15, item 4 on the Office.js side): the
 * writer (src/excel/renderSheet.ts) applies the SheetSpec's page setup through worksheet.pageLayout
 * (ExcelApi 1.9: paper size, orientation, fit to one page wide, print titles, header and footer)
 * and the row heights finishForPrint measured, checked on the Excel double.
 */
import { ExcelDouble } from "../excel-double/excel";
import { writeSheetsIn } from "../../src/excel/writeSheets";
import { setRequirementCheck } from "../../src/excel/requirements";
import { finishForPrint, paperFor } from "../../src/sheets/print";
import { sheet, table, type SheetSpec } from "../../src/sheets/spec";

const asCtx = (x: ExcelDouble) => x.newContext() as unknown as Excel.RequestContext;
const NOTE =
  "Offer UV Stabilised Cable Ties (100), 200mm Black in place of Nylon Cable Ties (100): on last year's 319 units that is £488.07 more per year.";

function report(culture: string): SheetSpec {
  return finishForPrint(
    sheet(
      "KAP Report – C1",
      "report",
      "C1",
      [
        { at: "A1", rows: [["Account Report – Acme Ltd"]], style: "title" },
        table(
          "A3",
          "KAP_Report",
          [{ header: "Initiative" }, { header: "Detail" }],
          [
            ["Upgrade", NOTE],
            ["Introduce Fixings", "21 of 40 comparable accounts buy Fixings."],
          ]
        ),
      ],
      { widths: [20, 30], page: { printTitleRows: "3:3" } }
    ),
    { paper: paperFor(culture), asOfText: "As of 30/09/2026" }
  );
}

afterEach(() => setRequirementCheck(undefined));

describe("page setup through Office.js", () => {
  test.each([
    ["en-US", "Letter"],
    ["en-GB", "A4"],
    ["de-DE", "A4"],
    ["es-MX", "Letter"],
  ])(
    "%s: %s paper, portrait, one page wide, print titles, header and footer",
    async (culture, paper) => {
      const x = new ExcelDouble();
      const spec = report(culture);
      await writeSheetsIn(asCtx(x), [spec]);
      const page = x.sheet("KAP Report – C1").page;
      expect(page.paperSize).toBe(paper);
      // 20 + 30 characters: far narrower than a portrait page (92)
      expect(page.orientation).toBe("Portrait");
      expect(page.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      expect(page.printTitleRows).toBe("$3:$3");
      expect(page.headersFooters).toEqual({
        leftHeader: "Account Report – Acme Ltd",
        rightHeader: "As of 30/09/2026",
        leftFooter: "KAP — Key Account Planner",
        rightFooter: "Page &P of &N",
      });
    }
  );

  test("the wrapped note's row gets the measured height (at least 4 lines of 15 pt in 30 characters), the title's row its font's line", async () => {
    const x = new ExcelDouble();
    const spec = report("en-GB");
    await writeSheetsIn(asCtx(x), [spec]);
    const s = x.sheet("KAP Report – C1");
    // 139 characters of about 5.6 px ≈ 780 px in a 30-character column (209 px of text): 4 lines
    expect(spec.rowHeights![4]).toBeGreaterThanOrEqual(60);
    expect(s.formatAt("A4", "rowHeight")).toBe(spec.rowHeights![4]);
    // "21 of 40 comparable accounts buy Fixings." (≈ 220 px) takes 2 lines of the 209 px too
    expect(s.formatAt("A5", "rowHeight")).toBe(30);
    // the 16 pt title: one line of 16 × 15/11 = 21.8 → 22 pt
    expect(s.formatAt("A1", "rowHeight")).toBe(22);
    expect(s.formatAt("B4", "wrapText")).toBe(true);
    expect(s.formatAt("A4", "verticalAlignment")).toBe("Top");
  });

  test("a page break finishForPrint placed (a table kept whole) starts a printed page in Excel too", async () => {
    // A4 at 100%: 733.7 pt a page = 48 rows of 15 pt; the second table and its heading (rows
    // 42–53) would be split at row 48, so row 42 starts page 2 (test/sheets/pageBreaks.test.ts)
    const cols = [{ header: "Account" }, { header: "Revenue" }];
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [`Account ${i + 1}`, i]);
    const spec = finishForPrint(
      sheet(
        "KAP Two tables",
        "t",
        "",
        [
          table("A3", "KAP_T1", cols, rows(37)),
          { at: "A42", rows: [["Second table"]], style: "label" },
          table("A43", "KAP_T2", cols, rows(10)),
        ],
        { widths: [20, 20], page: { fitToWidth: true } }
      ),
      { paper: "A4", asOfText: "As of 30/09/2026" }
    );
    const x = new ExcelDouble();
    await writeSheetsIn(asCtx(x), [spec]);
    expect(x.sheet("KAP Two tables").page.rowBreaks).toEqual([42]);
  });

  test("an Excel without ExcelApi 1.9 gets the sheet without its page setup, not an error", async () => {
    setRequirementCheck((set) => set !== "1.9" && Number(set) <= 1.8);
    const x = new ExcelDouble();
    await writeSheetsIn(asCtx(x), [report("en-US")]);
    const s = x.sheet("KAP Report – C1");
    expect(s.page.paperSize).toBeUndefined();
    expect(s.cell(0, 0)?.value).toBe("Account Report – Acme Ltd");
  });
});

describe("chart axes in whole currency units (as the .xlsx writer's)", () => {
  const chartSheet = (): SheetSpec =>
    sheet(
      "KAP Chart",
      "t",
      "",
      [
        {
          at: "A1",
          rows: [
            ["Month", "Revenue"],
            ["Jan", 1200.5],
            ["Feb", 980.25],
          ],
          header: true,
          formats: [undefined, "£#,##0.00;-£#,##0.00"],
        },
      ],
      {
        charts: [
          { type: "column", title: "Revenue", data: "A1:B3", from: "D1", to: "J12" },
          { type: "pie", title: "Share", data: "A1:B3", from: "D13", to: "J24" },
        ],
      }
    );
  test("a money column chart's value axis reads £1,200, not £1,200.50; a pie has no axis to format", async () => {
    const x = new ExcelDouble();
    await writeSheetsIn(asCtx(x), [chartSheet()]);
    const [column, pie] = x.sheet("KAP Chart").charts;
    expect(column.axes.value.numberFormat).toBe("£#,##0;-£#,##0");
    expect(pie.axes.value.numberFormat).toBeUndefined();
  });
  test("an Excel without ExcelApi 1.8 keeps its own axis format", async () => {
    setRequirementCheck((set) => Number(set) <= 1.7);
    const x = new ExcelDouble();
    await writeSheetsIn(asCtx(x), [chartSheet()]);
    expect(x.sheet("KAP Chart").charts[0].axes.value.numberFormat).toBeUndefined();
  });
});

test("chart colours: a pie's slices and a column series take the spec's colours (the dashboard's bands)", async () => {
  const x = new ExcelDouble();
  await writeSheetsIn(asCtx(x), [
    sheet(
      "KAP Bands",
      "t",
      "",
      [
        {
          at: "A1",
          rows: [
            ["Status", "Accounts"],
            ["Healthy", 55],
            ["Stable", 153],
            ["At Risk", 66],
            ["Critical", 11],
          ],
          header: true,
        },
      ],
      {
        charts: [
          {
            type: "pie",
            title: "Bands",
            data: "A1:B5",
            colors: ["#70AD47", "#FFC000", "#ED7D31", "#C00000"],
            from: "D1",
            to: "J12",
          },
          {
            type: "column",
            title: "Bands",
            data: "A1:B5",
            colors: ["#1F4E79"],
            from: "D13",
            to: "J24",
          },
        ],
      }
    ),
  ]);
  const [pie, column] = x.sheet("KAP Bands").charts;
  expect(pie.series[0].pointColors).toEqual({
    0: "#70AD47",
    1: "#FFC000",
    2: "#ED7D31",
    3: "#C00000",
  });
  expect(column.series[0].color).toBe("#1F4E79");
});
