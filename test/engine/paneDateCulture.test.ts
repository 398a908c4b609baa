/**
 * The task pane writes dates the workbook's culture's way (Excel's application.cultureInfo, on
 * the Excel double): en-US "As of 10/31/2026" and m/d/yyyy date cells, de-DE 31.10.2026, as the
 * CLI does with --culture. The culture reaches the engine (in its worker) with the order lines.
 *
 * Data: A1 orders 5 Jul, 5 Aug, 5 Sep and 31 Oct 2026 (date serials: no reading to settle); as of
 * 31 Oct 2026. The QBR of FY2026 Q3 counts 12 months to 30 Sep 2026; A1's partnership since 5 Jul 2026.
 */
import ExcelJS from "exceljs";
import { ExcelDouble } from "../excel-double/excel";
import { createExcelHost } from "../../src/engine/excelHost";
import { defaultSettings } from "../../src/engine/settings";
import type { KapSettings, Progress } from "../../src/engine/contract";
import { ymdToSerial } from "../../src/domain/dates";

function setup(culture: string): ExcelDouble {
  const x = new ExcelDouble(["Orders"]);
  x.model.culture = { name: culture, decimalSeparator: ".", thousandsSeparator: "," };
  x.model.fill(x.sheet("Orders"), "A1", [
    ["Order Date", "Customer ID", "SKU", "Qty", "Line Total"],
    [ymdToSerial(2026, 7, 5), "A1", "S1", 1, 100],
    [ymdToSerial(2026, 8, 5), "A1", "S1", 1, 100],
    [ymdToSerial(2026, 9, 5), "A1", "S1", 1, 100],
    [ymdToSerial(2026, 10, 31), "A1", "S1", 1, 100],
    [ymdToSerial(2026, 8, 10), "B1", "S1", 1, 50],
  ]);
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  return x;
}

const settings = (): KapSettings => ({ ...defaultSettings(), asOf: "2026-10-31" });
const signal = () => new AbortController().signal;
const noop = (_p: Progress) => undefined;

test.each([
  ["en-US", "10/31/2026", "Letter"],
  ["de-DE", "31.10.2026", "A4"],
  ["en-GB", "31/10/2026", "A4"],
])(
  "%s: the Account Health sheet says As of %s, in its title and page header, on %s paper",
  async (culture, oct31, paper) => {
    const x = setup(culture);
    await createExcelHost().run("scoreAll", {}, settings(), noop, signal());
    const s = x.sheet("KAP Account Health");
    expect(String(x.cellAt("KAP Account Health", "A2")?.value)).toMatch(
      new RegExp(`^As of ${oct31.replace(/[./]/g, "\\$&")}`)
    );
    expect(s.page.headersFooters).toMatchObject({ rightHeader: `As of ${oct31}` });
    expect(s.page.paperSize).toBe(paper);
  }
);

test.each([
  ["en-US", "10/31/2026", "9/30/2026", "7/5/2026", "m/d/yyyy"],
  ["de-DE", "31.10.2026", "30.09.2026", "05.07.2026", "dd.mm.yyyy"],
])(
  "%s: the QBR workbook's cover says as of %s and 12 months to %s (data from %s); Partnership since is a %s cell",
  async (culture, oct31, sep30, jul5, format) => {
    const x = setup(culture);
    await createExcelHost().run(
      "qbr",
      { accountId: "A1", quarter: "2026Q3" },
      settings(),
      noop,
      signal()
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from(x.model.createdWorkbooks[0], "base64") as unknown as ArrayBuffer
    );
    const cover: string[] = [];
    wb.getWorksheet("Cover")!.eachRow((r) => r.eachCell((c) => cover.push(String(c.value))));
    // the as-of on the cover: its data's end (the health score as of it is the internal sheet's)
    expect(cover.some((t) => t.includes(`data to ${oct31} ·`))).toBe(true);
    expect(cover.filter((t) => /health score/i.test(t))).toEqual([]);
    // the data starts 5 Jul 2026, after the 12 months' first month (Oct 2025): the label says so
    expect(cover).toContain(`Spend after returns, 12 months to ${sep30} (data from ${jul5})`);
    const since = wb.getWorksheet("Partnership")!.getCell("B4");
    expect((since.value as Date).toISOString().slice(0, 10)).toBe("2026-07-05");
    expect(since.numFmt).toBe(format);
  }
);

test("the data summary carries the culture the sheets write dates in, for the pane to show its dates alike", async () => {
  setup("en-US");
  const host = createExcelHost();
  await host.analyze(settings(), noop, signal());
  expect((await host.discover(settings())).summary?.dateCulture).toBe("en-US");
});

test.each(["de-DE", "en-US"])(
  "%s: the discovery tells the pane the workbook's culture, before any analysis, for its own numbers",
  async (culture) => {
    setup(culture);
    const d = await createExcelHost().discover(settings());
    expect(d.culture).toBe(culture);
  }
);

test.each([
  ["de-DE", "1.200"],
  ["en-GB", "1,200"],
])(
  "%s: the progress line says Analysing %s accounts…, grouped as the pane groups its own count",
  async (culture, n) => {
    // 1,200 accounts, one order each on 1 Oct 2026
    const x = new ExcelDouble(["Orders"]);
    x.model.culture = { name: culture, decimalSeparator: ".", thousandsSeparator: "," };
    x.model.fill(x.sheet("Orders"), "A1", [
      ["Order Date", "Customer ID", "SKU", "Qty", "Line Total"],
      ...Array.from({ length: 1200 }, (_, i) => [
        ymdToSerial(2026, 10, 1),
        `A${i + 1}`,
        "S1",
        1,
        10,
      ]),
    ]);
    (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
    const said: string[] = [];
    await createExcelHost().analyze(settings(), (p) => said.push(p.message), signal());
    const analysing = said.filter((m) => m.startsWith("Analysing"));
    expect(analysing.length).toBeGreaterThan(0);
    expect(new Set(analysing)).toEqual(new Set([`Analysing ${n} accounts…`]));
  }
);
