/**
 * A day-first export (UK: 05/10/2026 is 5 October) opened in Excel set to month-first (US) and
 * saved as .xlsx: Excel turned the dates that read both ways into dates with day and month
 * swapped (05/10/2026 became 10 May 2026) and left the others as text ("13/10/2026"). KAP read
 * the converted ones as saved: orders in May, a first order months before the real one, and an
 * as-of date of 10 December for a file whose last order is 28 October. Now such a column (dates
 * that are never past the 12th beside text dates all reading day-first only) has day and month
 * of its dates swapped back, and the user is told.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { excelSwappedDates, parseDate, swappedDatesHint } from "../../src/ingest/values";
import { ymdToSerial } from "../../src/domain/dates";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { defaultSettings } from "../../src/engine/settings";

const dir = mkdtempSync(join(tmpdir(), "kap-swapped-"));
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** The UK export's dates as a US Excel saved them: a date when both fields are ≤ 12 (month-first), else the text. */
function asUsExcelSaves(ukText: string): Date | string {
  const [d, m, y] = ukText.split("/").map(Number);
  return d <= 12 ? utc(y, d, m) : ukText;
}

async function workbook(rows: [string, string, string, number][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Invoices");
  ws.addRow(["Invoice No", "Invoice Date", "Customer ID", "SKU", "Qty", "Line Total"]);
  for (const [inv, date, acct, total] of rows)
    ws.addRow([inv, asUsExcelSaves(date), acct, "CT-100", 1, total]);
  ws.getColumn(2).numFmt = "m/d/yyyy";
  const path = join(dir, `swapped-${rows.length}.xlsx`);
  await wb.xlsx.writeFile(path);
  return path;
}

async function analyse(path: string) {
  const { grids } = await readWorkbookFile(path);
  const engine = new KapEngine();
  const report = await loadGrids(engine, grids, defaultSettings());
  const p = engine.analyze(defaultSettings());
  return { report, p };
}

test("a UK export saved by US Excel: dates read as the export wrote them", async () => {
  const path = await workbook([
    ["INV-1", "05/07/2026", "A1", 100], // 5 July  → saved as 7 May
    ["INV-2", "18/07/2026", "B2", 50], //  text
    ["INV-3", "02/08/2026", "A1", 100], // 2 August → saved as 8 February
    ["INV-4", "21/08/2026", "B2", 50], //  text
    ["INV-5", "09/09/2026", "A1", 100], // same either way
    ["INV-6", "11/10/2026", "B2", 50], //  11 October → saved as 10 November
    ["INV-7", "28/10/2026", "A1", 100], // text: the last order
    ["INV-8", "03/10/2026", "A1", 100], // 3 October → saved as 10 March
  ]);
  const { report, p } = await analyse(path);
  // the last order is 28/10/2026, not 10 November (INV-6 as saved)
  expect(p.asOf).toBe(ymdToSerial(2026, 10, 28));
  const inputs = Object.fromEntries(p.accounts.map((a) => [a.accountId, a.health.inputs]));
  // A1's first order 5 July (not 7 May, nor 8 February); B2's last 11 October (not 10 November)
  expect(inputs.A1.firstOrderDate).toBe(ymdToSerial(2026, 7, 5));
  expect(inputs.B2.lastOrderDate).toBe(ymdToSerial(2026, 10, 11));
  // last quarter (28 Jul, 28 Oct]: A1 2/8, 9/9, 3/10, 28/10 = 4 orders; B2 21/8, 11/10 = 2
  expect(inputs.A1.ordersLastQuarter).toBe(4);
  expect(inputs.B2.ordersLastQuarter).toBe(2);
  expect(report.warnings.join(" ")).toContain("one saved as 7 May 2026 is read as 5 July 2026");
});

describe("what is and is not Excel's swap", () => {
  const d = (y: number, m: number, day: number) => ymdToSerial(y, m, day);
  test("a US export saved by UK Excel: month-first texts beside swapped dates", () => {
    // 10/05/2026 (5 October) became 10 May; 10/25/2026 stayed text
    const cells = [
      d(2026, 5, 10),
      "10/25/2026",
      d(2026, 5, 11),
      "10/30/2026",
      d(2026, 3, 9),
      d(2026, 2, 8),
    ];
    expect(excelSwappedDates(cells)?.order).toBe("mdy");
  });
  test("real dates past the 12th, a text that reads both ways, too few dates: no swap", () => {
    const texts = ["13/10/2026", "20/10/2026"];
    expect(
      excelSwappedDates([d(2026, 5, 10), d(2026, 7, 12), d(2026, 9, 3), d(2026, 10, 14), ...texts])
    ).toBeUndefined();
    expect(
      excelSwappedDates([
        d(2026, 5, 10),
        d(2026, 7, 12),
        d(2026, 9, 3),
        d(2026, 10, 4),
        "05/10/2026",
        ...texts,
      ])
    ).toBeUndefined();
    expect(
      excelSwappedDates([d(2026, 5, 10), d(2026, 7, 12), d(2026, 9, 3), ...texts])
    ).toBeUndefined();
    // every date on a day equal to its month: swapping changes nothing
    expect(
      excelSwappedDates([d(2026, 5, 5), d(2026, 7, 7), d(2026, 9, 9), d(2026, 10, 10), ...texts])
    ).toBeUndefined();
  });
  test("a plain date column is read as it is", () => {
    expect(parseDate(utc(2026, 5, 7))).toBe(d(2026, 5, 7));
  });
});

/**
 * The same mix on too few dates to swap them back (3 dates, 2 texts): a new user's 5-line file.
 * Kestrel's orders were 3 Sep ("03/09/2026", saved as 9 March), 14 Sep (text) and 5 Oct
 * ("05/10/2026", saved as 10 May). Read as saved, Kestrel's last order is 14 Sep, 47 days before
 * 31 Oct; KAP reads them as they are but says which dates may be swapped and what to do.
 */
describe("too few dates to be sure: read as they are, and said", () => {
  test("swappedDatesHint: 3 dates and 2 texts", () => {
    const d = (y: number, m: number, day: number) => ymdToSerial(y, m, day);
    const cells = [d(2026, 3, 9), "14/09/2026", d(2026, 5, 10), d(2026, 10, 10), "27/10/2026"];
    expect(excelSwappedDates(cells)).toBeUndefined();
    const hint = swappedDatesHint(cells);
    expect(hint).toMatchObject({ order: "dmy", dates: 3, text: "14/09/2026" });
    // a date past the 12th: no mix
    expect(swappedDatesHint([d(2026, 3, 19), "14/09/2026"])).toBeUndefined();
    // enough to swap: excelSwappedDates's, not a hint
    expect(
      swappedDatesHint([
        d(2026, 3, 9),
        d(2026, 5, 10),
        d(2026, 7, 2),
        d(2026, 8, 1),
        "14/09/2026",
        "27/10/2026",
      ])
    ).toBeUndefined();
  });

  test.each([
    ["uk-dates-opened-in-us-excel-few.xlsx", "day-first", "14/09/2026"],
    ["us-dates-opened-in-uk-excel-few.xlsx", "month-first", "09/14/2026"],
  ])("%s: the note names the dates that may be swapped", async (file, way, text) => {
    const { grids } = await readWorkbookFile(join(__dirname, "../fixtures/exports", file));
    const engine = new KapEngine();
    const report = await loadGrids(engine, grids, defaultSettings());
    const note = report.warnings.find((w) => w.startsWith("The order date column mixes"));
    expect(note).toContain(`the text dates read ${way} only ("${text}")`);
    // 46090 is 9 March 2026 as saved; 3 September as written
    expect(note).toContain(
      "3 order dates may then have day and month swapped (9 March 2026 may be 3 September 2026)"
    );
    expect(note).toContain(`open it with its dates imported as ${way}`);
    const p = engine.analyze({ ...defaultSettings(), asOf: "2026-10-31" });
    const kestrel = p.accounts.find((a) => a.name === "Kestrel Electrical")!;
    // read as saved: last order 14 Sep, 47 days before 31 Oct
    expect(kestrel.health.inputs.daysSinceLastOrder).toBe(47);
  });
});
