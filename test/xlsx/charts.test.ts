import ExcelJS from "exceljs";
import JSZip from "jszip";
import fc from "fast-check";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorkbook, toXlsxBytes } from "../../src/xlsx/writeXlsx";
import { addChartsToXlsx, insertDrawingElement, sheetRef } from "../../src/xlsx/charts";
import { sheet, table, date, FORMATS, type SheetSpec } from "../../src/sheets/spec";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Two sheets, three charts: a line and a column chart on a table, a pie on a plain block. */
function specs(): SheetSpec[] {
  const months = ["Jan 25", "Feb 25", "Mar 25", "Apr 25"];
  return [
    sheet(
      "Bob's Trend",
      "trend",
      "",
      [
        table(
          "A5",
          "Trend",
          [
            { header: "Month" },
            { header: "Revenue", format: FORMATS.integer },
            { header: "Orders" },
          ],
          months.map((m, i) => [m, 1000 * (i + 1), i + 2])
        ),
      ],
      {
        charts: [
          { type: "line", title: "Revenue & orders", data: "A5:C9", from: "E3", to: "L18" },
          { type: "column", title: "Revenue", data: "A5:B9", from: "E20", to: "L34" },
        ],
        page: { orientation: "landscape", fitToWidth: true },
        // ExcelJS writes an extLst inside a data-bar rule: the drawing must not land in there
        conditionalFormats: [{ range: "B6:B9", rule: { type: "dataBar" } }],
      }
    ),
    sheet(
      "Mix",
      "mix",
      "",
      [
        {
          at: "A1",
          rows: [
            ["Segment", "Share"],
            ["A", 50],
            ["B", 30],
            ["C", 20],
          ],
          header: true,
        },
      ],
      {
        charts: [{ type: "pie", title: "Segment mix", data: "A1:B4", from: "D1", to: "J12" }],
      }
    ),
  ];
}

interface Rel {
  id: string;
  type: string;
  target: string;
}
function rels(xml: string): Rel[] {
  return [...xml.matchAll(/<Relationship Id="([^"]+)" Type="([^"]+)" Target="([^"]+)"\/>/g)].map(
    (m) => ({ id: m[1], type: m[2], target: m[3] })
  );
}
async function text(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`missing part ${path}`);
  return f.async("string");
}

describe("native charts in the .xlsx", () => {
  let bytes: Uint8Array;
  let zip: JSZip;
  beforeAll(async () => {
    bytes = await toXlsxBytes(specs());
    zip = await JSZip.loadAsync(bytes);
  });

  test("each sheet links a drawing, the drawing links its charts, and content types name them all", async () => {
    const ct = await text(zip, "[Content_Types].xml");
    const chartTypes: string[][] = [];
    // ExcelJS writes sheets in order as sheet1.xml, sheet2.xml
    for (const [n, expected] of [
      [1, 2],
      [2, 1],
    ] as const) {
      const sheetXml = await text(zip, `xl/worksheets/sheet${n}.xml`);
      const rId = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml)?.[1];
      expect(rId).toBeDefined();
      const drawingRel = rels(await text(zip, `xl/worksheets/_rels/sheet${n}.xml.rels`)).find(
        (r) => r.id === rId
      )!;
      expect(drawingRel.type).toBe(`${REL}/drawing`);
      const drawingPath = `xl/${drawingRel.target.replace("../", "")}`;
      expect(ct).toContain(
        `<Override PartName="/${drawingPath}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`
      );
      const drawing = await text(zip, drawingPath);
      const frames = [...drawing.matchAll(/<c:chart [^>]*r:id="([^"]+)"\/>/g)].map((m) => m[1]);
      expect(frames).toHaveLength(expected);
      const drawingRels = rels(
        await text(zip, drawingPath.replace("drawings/", "drawings/_rels/") + ".rels")
      );
      const kinds: string[] = [];
      for (const id of frames) {
        const r = drawingRels.find((x) => x.id === id)!;
        expect(r.type).toBe(`${REL}/chart`);
        const chartPath = `xl/${r.target.replace("../", "")}`;
        expect(ct).toContain(
          `<Override PartName="/${chartPath}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`
        );
        const chart = await text(zip, chartPath);
        kinds.push(
          /<c:(lineChart|barChart|pieChart)>/.exec(chart)![1] +
            (/<c:barDir val="(\w+)"/.exec(chart)?.[1] ?? "")
        );
      }
      chartTypes.push(kinds);
    }
    expect(chartTypes).toEqual([["lineChart", "barChartcol"], ["pieChart"]]);
  });

  test("<drawing> sits where the worksheet schema wants it: after pageSetup, before tableParts", async () => {
    const xml = await text(zip, "xl/worksheets/sheet1.xml");
    const at = (s: string) => xml.indexOf(s);
    expect(at("<pageSetup")).toBeGreaterThan(0);
    expect(at("<drawing ")).toBeGreaterThan(at("<pageSetup"));
    expect(at("<drawing ")).toBeLessThan(at("<tableParts"));
    expect(at("<drawing ")).toBeGreaterThan(at("</conditionalFormatting>"));
  });

  test("charts are placed over their cells: E3..L18 anchors from col 4 row 2 to the start of col 12 row 18", async () => {
    const drawing = await text(zip, "xl/drawings/drawing1.xml");
    const anchors = [
      ...drawing.matchAll(
        /<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>.*?<xdr:to><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g
      ),
    ].map((m) => m.slice(1, 5).map(Number));
    // E = col 4, row 3 = index 2; L = col 11 so the frame ends at col 12; row 18 = index 17 → 18
    // E20..L34: rows index 19 → 34
    expect(anchors).toEqual([
      [4, 2, 12, 18],
      [4, 19, 12, 34],
    ]);
  });

  test("series point at the header cell, the category column and each value column, quoting the sheet name", async () => {
    const line = await text(zip, "xl/charts/chart1.xml");
    const q = "&apos;Bob&apos;&apos;s Trend&apos;!"; // 'Bob''s Trend'! escaped in XML
    expect([...line.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1])).toEqual([
      `${q}$B$5`,
      `${q}$A$6:$A$9`,
      `${q}$B$6:$B$9`,
      `${q}$C$5`,
      `${q}$A$6:$A$9`,
      `${q}$C$6:$C$9`,
    ]);
    // caches hold what the sheet shows, so viewers that do not recalc still draw the lines
    expect(line).toContain(
      '<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>Revenue</c:v></c:pt></c:strCache>'
    );
    expect(
      [...line.matchAll(/<c:numCache>(.*?)<\/c:numCache>/g)].map((m) =>
        [...m[1].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => Number(v[1]))
      )
    ).toEqual([
      [1000, 2000, 3000, 4000],
      [2, 3, 4, 5],
    ]);
    expect(line).toContain("<c:formatCode>#,##0</c:formatCode>");
    expect(line).toContain("<a:t>Revenue &amp; orders</a:t>");
    const pie = await text(zip, "xl/charts/chart3.xml");
    expect(pie).toContain("<c:f>Mix!$B$2:$B$4</c:f>");
    expect(pie).toContain('<c:varyColors val="1"/>');
  });

  test("the placeholder notes are gone for drawn charts; the workbook still loads in ExcelJS", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Bob's Trend")!;
    expect(ws.getCell("E3").value).toBeNull();
    expect(ws.getCell("E20").value).toBeNull();
    expect(wb.getWorksheet("Mix")!.getCell("D1").value).toBeNull();
    expect(ws.getCell("B6").value).toBe(1000);
  });

  test("buildWorkbook alone (no charts possible) and nativeCharts:false keep the labelled notes", async () => {
    const { workbook } = buildWorkbook(specs());
    expect(String(workbook.getWorksheet("Mix")!.getCell("D1").value)).toMatch(
      /^Chart: Segment mix — pie chart of A1:B4/
    );
    const plain = await JSZip.loadAsync(await toXlsxBytes(specs(), { nativeCharts: false }));
    expect(plain.file(/^xl\/charts\//)).toHaveLength(0);
  });

  test("a chart whose data range cannot be drawn keeps its note and adds no parts", async () => {
    const one = sheet("One", "k", "", [{ at: "A1", rows: [["Only"], [1], [2]] }], {
      charts: [{ type: "column", title: "Lonely", data: "A1:A3", from: "C1", to: "H10" }],
    });
    const bytesOne = await toXlsxBytes([one]);
    const z = await JSZip.loadAsync(bytesOne);
    expect(z.file(/^xl\/(charts|drawings)\//)).toHaveLength(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytesOne) as unknown as ExcelJS.Buffer);
    expect(String(wb.getWorksheet("One")!.getCell("C1").value)).toMatch(/^Chart: Lonely/);
  });

  test("seriesBy rows: the header row gives the categories, each row a series named by its first cell", async () => {
    const s = sheet(
      "Rows",
      "k",
      "",
      [
        {
          at: "B2",
          rows: [
            ["Account", "Q1", "Q2", "Q3"],
            ["North", 1, 2, 3],
            ["South", 4, 5, 6],
          ],
        },
      ],
      {
        charts: [
          {
            type: "bar",
            title: "By quarter",
            data: "B2:E4",
            seriesBy: "rows",
            from: "G2",
            to: "M12",
          },
        ],
      }
    );
    const z = await JSZip.loadAsync(await toXlsxBytes([s]));
    const xml = await text(z, "xl/charts/chart1.xml");
    expect([...xml.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1])).toEqual([
      "Rows!$B$3",
      "Rows!$C$2:$E$2",
      "Rows!$C$3:$E$3",
      "Rows!$B$4",
      "Rows!$C$2:$E$2",
      "Rows!$C$4:$E$4",
    ]);
    expect(xml).toContain('<c:barDir val="bar"/>');
  });

  test("scatter: one series per row (name, x, y), each point labelled with its name, no legend, axes titled and bounded", async () => {
    const s = sheet(
      "Map",
      "k",
      "",
      [
        {
          at: "J27",
          rows: [
            ["Contacts", "Feeling (1–5)", "Influence (1–4)"],
            ["Jo Smith", 5, 3],
            ["Pat Lee, Al Roy", 2, 4],
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
            axes: {
              x: { title: "Feeling", min: 0, max: 6, majorUnit: 1 },
              y: { title: "Influence", min: 0, max: 5 },
            },
          },
        ],
      }
    );
    const z = await JSZip.loadAsync(await toXlsxBytes([s]));
    const xml = await text(z, "xl/charts/chart1.xml");
    expect(xml).toContain('<c:scatterChart><c:scatterStyle val="lineMarker"/>');
    // name, x, y of each row
    expect([...xml.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1])).toEqual([
      "Map!$J$28",
      "Map!$K$28",
      "Map!$L$28",
      "Map!$J$29",
      "Map!$K$29",
      "Map!$L$29",
    ]);
    expect(xml).toContain("<c:v>Pat Lee, Al Roy</c:v>");
    expect((xml.match(/<c:showSerName val="1"\/>/g) ?? []).length).toBe(2);
    expect(xml).not.toContain("<c:legend>");
    expect(xml).toContain(
      '<c:scaling><c:orientation val="minMax"/><c:max val="6"/><c:min val="0"/></c:scaling>'
    );
    expect(xml).toContain('<c:majorUnit val="1"/>');
    expect(xml).toContain("<a:t>Feeling</a:t>");
    expect(xml).toContain("<a:t>Influence</a:t>");
    // both axes are value axes (a scatter has no category axis)
    expect((xml.match(/<c:valAx>/g) ?? []).length).toBe(2);
    expect(xml).not.toContain("<c:catAx>");
  });

  test("a scatter needs three columns: two are a note, not a chart", async () => {
    const s = sheet(
      "Map",
      "k",
      "",
      [
        {
          at: "A1",
          rows: [
            ["Name", "X"],
            ["a", 1],
          ],
        },
      ],
      { charts: [{ type: "scatter", title: "Two columns", data: "A1:B2", from: "D1", to: "H9" }] }
    );
    const z = await JSZip.loadAsync(await toXlsxBytes([s]));
    expect(z.file("xl/charts/chart1.xml")).toBeNull();
  });

  test("date categories stay numbers with their date format", async () => {
    const s = sheet(
      "Dates",
      "k",
      "",
      [
        {
          at: "A1",
          rows: [
            ["Month", "Revenue"],
            [date(45658), 10],
            [date(45689), 20],
          ],
          formats: [FORMATS.month, undefined],
        },
      ],
      {
        charts: [{ type: "column", title: "Monthly", data: "A1:B3", from: "D1", to: "J10" }],
      }
    );
    const xml = await text(await JSZip.loadAsync(await toXlsxBytes([s])), "xl/charts/chart1.xml");
    // 45658 = 1 Jan 2025, 45689 = 1 Feb 2025 (31 days later)
    expect(xml).toContain(
      '<c:cat><c:numRef><c:f>Dates!$A$2:$A$3</c:f><c:numCache><c:formatCode>mmm yyyy</c:formatCode><c:ptCount val="2"/><c:pt idx="0"><c:v>45658</c:v></c:pt><c:pt idx="1"><c:v>45689</c:v></c:pt>'
    );
  });
});

describe("chart helpers", () => {
  test("sheet names are quoted in formulas when they must be", () => {
    expect(sheetRef("Mix")).toBe("Mix!");
    expect(sheetRef("My Sheet")).toBe("'My Sheet'!");
    expect(sheetRef("Bob's")).toBe("'Bob''s'!");
    expect(sheetRef("A1")).toBe("'A1'!"); // reads as a cell reference otherwise
    expect(sheetRef("R1C1")).toBe("'R1C1'!");
    expect(sheetRef("2024")).toBe("'2024'!");
  });

  test("a quoted sheet name always reads back as the name", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 31 }), (name) => {
        const ref = sheetRef(name).slice(0, -1);
        const back = ref.startsWith("'") ? ref.slice(1, -1).replace(/''/g, "'") : ref;
        expect(back).toBe(name);
      })
    );
  });

  test("<drawing> goes before the first of legacyDrawing/tableParts/extLst, else at the end", () => {
    const root = `<worksheet xmlns:r="${REL}">`;
    expect(
      insertDrawingElement(
        `${root}<sheetData/><pageSetup/><tableParts count="1"/><extLst/></worksheet>`,
        "rId9"
      )
    ).toBe(
      `${root}<sheetData/><pageSetup/><drawing r:id="rId9"/><tableParts count="1"/><extLst/></worksheet>`
    );
    expect(
      insertDrawingElement(`${root}<sheetData/><extLst><ext/></extLst></worksheet>`, "x")
    ).toBe(`${root}<sheetData/><drawing r:id="x"/><extLst><ext/></extLst></worksheet>`);
    expect(
      insertDrawingElement(`${root}<sheetData/><legacyDrawing r:id="a"/></worksheet>`, "x")
    ).toBe(`${root}<sheetData/><drawing r:id="x"/><legacyDrawing r:id="a"/></worksheet>`);
    // an extLst nested in a conditional-format rule (ExcelJS writes one for data bars) is not the place
    expect(
      insertDrawingElement(
        `${root}<conditionalFormatting sqref="C4:C9"><cfRule type="dataBar"><extLst><ext a=">"/></extLst></cfRule></conditionalFormatting><pageSetup/><tableParts/></worksheet>`,
        "x"
      )
    ).toBe(
      `${root}<conditionalFormatting sqref="C4:C9"><cfRule type="dataBar"><extLst><ext a=">"/></extLst></cfRule></conditionalFormatting><pageSetup/><drawing r:id="x"/><tableParts/></worksheet>`
    );
    expect(insertDrawingElement("<worksheet><sheetData/></worksheet>", "x")).toBe(
      `<worksheet><sheetData/><drawing xmlns:r="${REL}" r:id="x"/></worksheet>`
    );
  });
});

// ---------------------------------------------------------------- LibreOffice

const SOFFICE = [
  "/usr/bin/soffice",
  "/usr/local/bin/soffice",
  "/opt/libreoffice/program/soffice",
].find((p) => existsSync(p));
const withSoffice = SOFFICE ? describe : describe.skip;

function convert(file: string, to: string, outDir: string, profile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      SOFFICE!,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        to,
        "--outdir",
        outDir,
        file,
      ],
      { timeout: 60_000 },
      (err, _out, stderr) =>
        err ? reject(new Error(`soffice failed: ${err.message} ${stderr}`)) : resolve()
    );
  });
}

withSoffice(
  `LibreOffice opens the charts (${SOFFICE ? "soffice found" : "SKIPPED: soffice not installed"})`,
  () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "kap-charts-"));
      await writeFile(join(dir, "charts.xlsx"), await toXlsxBytes(specs()));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    test("converted to .ods, the workbook has one embedded chart object per chart, of the right kinds", async () => {
      await convert(join(dir, "charts.xlsx"), "ods", dir, join(dir, "profile"));
      const ods = await JSZip.loadAsync(await readFile(join(dir, "charts.ods")));
      const content = await text(ods, "content.xml");
      const objects = [...content.matchAll(/<draw:object [^>]*xlink:href="\.\/([^"]+)"/g)].map(
        (m) => m[1]
      );
      expect(objects).toHaveLength(3);
      const classes: string[] = [];
      for (const o of objects)
        classes.push(
          /<chart:chart [^>]*chart:class="chart:(\w+)"/.exec(
            await text(ods, `${o}/content.xml`)
          )![1]
        );
      // LibreOffice calls a column chart "bar" (vertical) and a pie "circle"
      expect(classes).toEqual(["line", "bar", "circle"]);
    }, 120_000);

    test("converted to PDF, it prints", async () => {
      await convert(join(dir, "charts.xlsx"), "pdf", dir, join(dir, "profile"));
      expect((await stat(join(dir, "charts.pdf"))).size).toBeGreaterThan(1000);
    }, 120_000);
  }
);

describe("charts next to other sheet relationships", () => {
  test("a hyperlink relationship ExcelJS wrote keeps its TargetMode when the drawing is added", async () => {
    const s = sheet(
      "Links",
      "k",
      "",
      [
        {
          at: "A1",
          rows: [
            ["Cat", "N"],
            ["a", 1],
            ["b", 2],
          ],
        },
      ],
      {
        charts: [{ type: "column", title: "N", data: "A1:B3", from: "D1", to: "J10" }],
      }
    );
    // without links, the sheet's rels part holds just the drawing
    const bytes = await toXlsxBytes([s]);
    const z = await JSZip.loadAsync(bytes);
    const base = await text(z, "xl/worksheets/_rels/sheet1.xml.rels");
    expect(rels(base).map((r) => r.type)).toEqual([`${REL}/drawing`]);
    // with a link ExcelJS wrote (specs cannot say links, so add one to the ExcelJS workbook)
    const { workbook } = buildWorkbook([s], { chartNotes: false });
    workbook.getWorksheet("Links")!.getCell("A5").value = {
      text: "site",
      hyperlink: "https://example.com/?a=1&b=2",
    };
    const linked = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const out = await JSZip.loadAsync(
      await addChartsToXlsx(linked, [
        { sheetName: "Links", charts: s.charts!, cell: () => ({ value: 1 }) },
      ])
    );
    const xml = await text(out, "xl/worksheets/_rels/sheet1.xml.rels");
    expect(xml).toMatch(
      /<Relationship Id="rId1" Type="[^"]+\/hyperlink" Target="https:\/\/example\.com\/\?a=1&amp;b=2" TargetMode="External"\/>/
    );
    expect(xml).toContain(`Type="${REL}/drawing" Target="../drawings/drawing1.xml"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from(await out.generateAsync({ type: "uint8array" })) as unknown as ExcelJS.Buffer
    );
    expect(wb.getWorksheet("Links")!.getCell("A5").hyperlink).toBe("https://example.com/?a=1&b=2");
  });
});
