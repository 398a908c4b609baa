/**
 * A chart series' name holds at most 255 characters in Excel. The decision map names each point
 * by the contacts at it, joined: 26 contacts at one point made a name of 26 × 12 − 2 = 310
 * characters, and the pane's write failed ("InvalidArgument") and was rolled back. Now both
 * writers cut such a name to 255 characters, the last one "…" (254 of the text + "…"), and the
 * chart's data cell keeps the whole text. A name of 255 or fewer is left as it is.
 */
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { ExcelDouble } from "../excel-double/excel";
import { writeSheetsIn } from "../../src/excel/writeSheets";
import { seriesNameText } from "../../src/sheets/cellLimits";
import { sheet, type SheetSpec } from "../../src/sheets/spec";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";

// "Contact A01" … "Contact A26": 11 characters each, joined by ", " (2): 26 × 11 + 25 × 2 = 336
const MANY = Array.from(
  { length: 26 },
  (_, k) => `Contact ${String.fromCharCode(65 + k)}${String(k + 1).padStart(2, "0")}`
).join(", ");
const CUT = `${MANY.slice(0, 254)}…`;

function map(): SheetSpec {
  return sheet(
    "Map",
    "relationships",
    "A",
    [
      {
        at: "J27",
        rows: [
          ["Contacts", "Feeling", "Influence"],
          [MANY, 5, 3],
          ["Jo Smith", 2, 4],
        ],
      },
    ],
    {
      charts: [
        {
          type: "scatter",
          title: "Who decides",
          data: "J27:L29",
          from: "J4",
          to: "P23",
          axes: { x: { min: 0, max: 6 }, y: { min: 0, max: 5 } },
        },
      ],
    }
  );
}

test("the names by hand: 336 characters cut to 255 ending '…'; a short one as it is", () => {
  expect(MANY).toHaveLength(336);
  expect(seriesNameText(MANY)).toBe(CUT);
  expect(CUT).toHaveLength(255);
  expect(seriesNameText("Jo Smith")).toBe("Jo Smith");
  expect(seriesNameText("x".repeat(255))).toBe("x".repeat(255));
});

test("Office.js: the write succeeds, the series named with the cut text, the cell keeps it whole", async () => {
  const x = new ExcelDouble();
  await writeSheetsIn(x.newContext() as unknown as Excel.RequestContext, [map()]);
  const c = x.sheet("Map").charts[0];
  expect(c.series.map((s) => s.name)).toEqual([CUT, "Jo Smith"]);
  expect(x.cellAt("Map", "J28")?.value).toBe(MANY);
});

test("the double refuses a name over 255 characters, as Excel does", async () => {
  const x = new ExcelDouble();
  const ctx = x.newContext() as unknown as Excel.RequestContext;
  const ws = ctx.workbook.worksheets.add("S");
  const chart = ws.charts.add("XYScatter" as Excel.ChartType, ws.getRange("A1:B1"), "Columns");
  chart.series.getItemAt(0).name = MANY;
  await expect(ctx.sync()).rejects.toThrow(/255/);
});

test(".xlsx: the series name written as the cut text; the cell keeps it whole", async () => {
  const bytes = await toXlsxBytes([map()]);
  const z = await JSZip.loadAsync(bytes);
  const xml = await z.file("xl/charts/chart1.xml")!.async("string");
  const names = [...xml.matchAll(/<c:ser>.*?<c:tx>(.*?)<\/c:tx>/g)].map((m) => m[1]);
  // the first series by its text (255 characters), the second by its cell as before
  expect(names[0]).toBe(`<c:v>${CUT}</c:v>`);
  expect(names[1]).toMatch(/^<c:strRef><c:f>Map!\$J\$29<\/c:f>.*Jo Smith/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  expect(wb.getWorksheet("Map")!.getCell("J28").value).toBe(MANY);
});
