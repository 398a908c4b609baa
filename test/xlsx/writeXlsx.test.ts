import ExcelJS from "exceljs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  buildWorkbook,
  toXlsxBytes,
  toXlsxBase64,
  bytesToBase64,
  wrappedLines,
} from "../../src/xlsx/writeXlsx";
import { writeXlsxFile } from "../../src/xlsx/writeFile";
import { sheet, cell, formula, keyValues, table, type SheetSpec } from "../../src/sheets/spec";
import { HOSTILE, healthSheet } from "../excel-double/fixtures";

async function roundTrip(specs: SheetSpec[]): Promise<ExcelJS.Workbook> {
  const bytes = await toXlsxBytes(specs);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe("writeXlsx", () => {
  test("hostile customer names are plain strings in the file; only KAP formulas are formulas", async () => {
    const wb = await roundTrip([healthSheet(HOSTILE.length, HOSTILE)]);
    const ws = wb.getWorksheet("Account Health")!;
    HOSTILE.forEach((name, i) => {
      const c = ws.getCell(`B${4 + i}`);
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.value).toBe(name);
      expect(c.formula).toBeUndefined();
      // Text format, so editing the cell in Excel (F2, Enter) keeps it text too
      expect(c.numFmt).toBe("@");
    });
    const formulas: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.type === ExcelJS.ValueType.Formula) formulas.push(c.address);
      })
    );
    // the total under the table: header row 3, data rows 4..3+n, total two rows below
    expect(formulas).toEqual([`C${5 + HOSTILE.length}`]);
    expect(ws.getCell(`C${5 + HOSTILE.length}`).formula).toBe(`SUM(C4:C${3 + HOSTILE.length})`);
  });

  test("the raw sheet XML has the hostile strings as shared strings, never as <f>", async () => {
    const bytes = await toXlsxBytes([
      sheet("S", "k", "", [{ at: "A1", rows: [['=HYPERLINK("http://x","y")'], ["@SUM(A1)"]] }]),
    ]);
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).not.toContain("<f>");
    const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
    expect(strings).toContain("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)");
  });

  test("print titles are written as the _xlnm.Print_Titles defined name Excel reads", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await toXlsxBytes([healthSheet(3)]));
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    expect(xml).toMatch(
      /<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Account Health&apos;!\$3:\$3<\/definedName>/
    );
  });

  test("values, number formats, widths, freeze panes, table, conditional formats and page setup survive a round trip", async () => {
    const wb = await roundTrip([healthSheet(20)]);
    const ws = wb.getWorksheet("Account Health")!;
    expect(ws.getCell("A1").value).toBe("Account Health");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("C4").value).toBe(1000);
    expect(ws.getCell("C4").numFmt).toBe("£#,##0.00");
    // dates are serials with a date format (45658 = 1 Jan 2025); ExcelJS reads them back as Dates
    expect(ws.getCell("D4").numFmt).toBe("dd/mm/yyyy");
    expect((ws.getCell("D4").value as Date).toISOString().slice(0, 10)).toBe("2025-01-01");
    expect(ws.getCell("E4").numFmt).toBe("0.00");
    expect(ws.getColumn(2).width).toBe(28);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3, xSplit: 0 });
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.pageSetup.margins).toMatchObject({ top: 0.75, left: 0.5 });
    expect(ws.pageSetup.printTitlesRow).toBe("3:3");
    const t = ws.getTable("KAP_Health") as unknown as {
      table: { ref: string; tableRef?: string; columns: { name: string }[]; headerRow: boolean };
    };
    expect(t.table.tableRef ?? t.table.ref).toBe("A3:G23");
    expect(t.table.columns.map((c) => c.name)).toEqual([
      "Account",
      "Name",
      "Revenue 12m",
      "Last order",
      "Score",
      "Trend",
      "Band",
    ]);
    const cf = (
      ws as unknown as {
        conditionalFormattings: { ref: string; rules: { type: string; operator?: string }[] }[];
      }
    ).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules[0].type])).toEqual([
      ["E4:E23", "cellIs"],
      ["C4:C23", "dataBar"],
      ["G4:G23", "containsText"],
    ]);
    expect(ws.getCell("I3").value).toBeNull(); // drawn as a native chart (test/xlsx/charts.test.ts)
  });

  test("colour scales and icon sets are written as Excel rules", async () => {
    const wb = await roundTrip([
      sheet("CF", "cf", "", [{ at: "A1", rows: [[1], [2], [3]] }], {
        conditionalFormats: [
          {
            range: "A1:A3",
            rule: { type: "colorScale", colors: ["#F8696B", "#FFEB84", "#63BE7B"] },
          },
          { range: "A1:A3", rule: { type: "iconSet", icons: "3TrafficLights1" } },
        ],
      }),
    ]);
    const cf = (
      wb.getWorksheet("CF") as unknown as {
        conditionalFormattings: {
          rules: { type: string; iconSet?: string; cfvo?: { type: string; value?: number }[] }[];
        }[];
      }
    ).conditionalFormattings;
    expect(cf[0].rules[0]).toMatchObject({
      type: "colorScale",
      cfvo: [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
    });
    // three icons split at 0%, 33%, 67% (round(100/3) = 33, round(200/3) = 67)
    expect(cf[1].rules[0]).toMatchObject({
      type: "iconSet",
      iconSet: "3TrafficLights1",
      cfvo: [
        { type: "percent", value: 0 },
        { type: "percent", value: 33 },
        { type: "percent", value: 67 },
      ],
    });
  });

  test("sheet and table names are made valid and unique", () => {
    const { workbook, sheets } = buildWorkbook([
      sheet("Summary", "a", "", [cell("A1", 1)]),
      sheet("summary", "b", "", [cell("A1", 1)]),
      sheet("What? [x]", "c", "", [cell("A1", 1)]),
      healthSheet(2, [], { name: "H1" }),
      healthSheet(2, [], { name: "H2", subject: "other" }),
    ]);
    expect(sheets.map((s) => s.name)).toEqual(["Summary", "summary (2)", "What x", "H1", "H2"]);
    expect(sheets.map((s) => s.tables)).toEqual([[], [], [], ["KAP_Health"], ["KAP_Health_2"]]);
    expect(workbook.worksheets).toHaveLength(5);
  });

  test("a table block with no data rows still makes a valid table; key-value blocks and formulas render", async () => {
    const wb = await roundTrip([
      sheet("Plan", "plan", "A1", [
        { at: "A1", rows: [["Objective", "Target"]], table: { name: "Objectives" } },
        keyValues("D1", [
          ["Accounts", 12],
          ["Revenue", formula("SUM(B2:B3)")],
        ]),
      ]),
    ]);
    const ws = wb.getWorksheet("Plan")!;
    expect(ws.getCell("A1").value).toBe("Objective");
    expect(ws.getCell("E1").value).toBe(12);
    expect(ws.getCell("E2").formula).toBe("SUM(B2:B3)");
  });

  test("wrapped header text: lines worked out by packing words into width ÷ 1.1 characters", () => {
    // width 11 → 10 characters a line: "Days since" (10) | "last order" (10)
    expect(wrappedLines("Days since last order", 11)).toBe(2);
    // width 11: "Revenue" | "change" | "(12m)" — "Revenue change" (14) does not fit in 10
    expect(wrappedLines("Revenue change (12m)", 11)).toBe(3);
    expect(wrappedLines("Account ID", 12)).toBe(1);
    // a 25-letter word in 10-character lines takes 3
    expect(wrappedLines("Abcdefghijklmnopqrstuvwxy", 11)).toBe(3);
    expect(wrappedLines("", 5)).toBe(1);
  });

  test("a table header longer than its column gets a row tall enough for its wrapped lines, and wraps", async () => {
    const spec = sheet(
      "T",
      "k",
      "",
      [
        table(
          "A3",
          "T1",
          [
            { header: "Account ID" },
            { header: "Days since last order" },
            { header: "Revenue change (12m)" },
          ],
          [["C1", 5, 0.1]]
        ),
      ],
      { widths: [12, 11, 11] }
    );
    const ws = (await roundTrip([spec])).getWorksheet("T")!;
    // three lines of 11-point text at 15 points each (the "Revenue change (12m)" header)
    expect(ws.getRow(3).height).toBe(45);
    expect(ws.getCell("B3").alignment?.wrapText).toBe(true);
    // the headers over figures read right-aligned, over the figures; the text column's stays left
    expect(ws.getCell("B3").alignment?.horizontal).toBe("right");
    expect(ws.getCell("C3").alignment?.horizontal).toBe("right");
    expect(ws.getCell("A3").alignment?.horizontal).toBeUndefined();
    // a header that fits leaves the row at Excel's default height
    const short = sheet("S", "k", "", [table("A1", "T2", [{ header: "ID" }], [["C1"]])], {
      widths: [12],
    });
    expect((await roundTrip([short])).getWorksheet("S")!.getRow(1).height).toBeUndefined();
  });

  test("base64 for Excel.createWorkbook matches the bytes; the node helper writes the file", async () => {
    const specs = [healthSheet(3)];
    const b64 = await toXlsxBase64(specs);
    const bytes = Buffer.from(b64, "base64");
    expect(bytes.subarray(0, 2).toString()).toBe("PK"); // a zip
    for (const n of [0, 1, 2, 3, 4, 5, 255]) {
      const arr = Uint8Array.from({ length: n }, (_x, i) => (i * 37) % 256);
      expect(bytesToBase64(arr)).toBe(Buffer.from(arr).toString("base64"));
    }
    const dir = await mkdtemp(join(tmpdir(), "kap-xlsx-"));
    const path = join(dir, "out.xlsx");
    await writeXlsxFile(path, specs);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(path)) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet("Account Health")!.getCell("B4").value).toBe("Customer 1");
  });
});

test("text beside a column of figures is indented one step, header and rows; the figures' header is right-aligned", async () => {
  const spec = sheet("H", "health", "", [
    {
      at: "A1",
      header: true,
      rows: [
        ["Period", "Products", "Dates"],
        ["This month", 19, "01/10/2026 – 31/10/2026"],
      ],
    },
  ]);
  const ws = (await roundTrip([spec])).getWorksheet("H")!;
  expect(ws.getCell("B1").alignment?.horizontal).toBe("right");
  expect(ws.getCell("C2").alignment).toMatchObject({ horizontal: "left", indent: 1 });
  expect(ws.getCell("C1").alignment).toMatchObject({ horizontal: "left", indent: 1 });
  expect(ws.getCell("A2").alignment?.indent).toBeUndefined();
});
