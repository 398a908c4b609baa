/**
 * What an .xlsx hides beyond <row hidden="1">, said in the pane's words (src/engine/hiddenRows.ts,
 * otherOrders.ts): a sheet whose rows are hidden by default (<sheetFormatPr zeroHeight="1">,
 * only rows with a custom height above 0 shown), and order lines on a sheet the workbook hides
 * (workbook.xml state="hidden" / "veryHidden"). kap read them without a word. Run with the sheet
 * read on the main thread and on the reading thread (KAP_READ_THREAD=0 / 1). By hand from the
 * rows written.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SheetScanner } from "../../src/cli/xlsxReader";

jest.setTimeout(120_000);

const KAP = resolve(__dirname, "../../bin/kap.js");
const dir = mkdtempSync(join(tmpdir(), "kap-hidden-sheets-"));
const kap = (thread: "0" | "1", file: string) =>
  spawnSync(process.execPath, [KAP, "analyze", file, "--as-of", "2026-09-30", "-q"], {
    encoding: "utf8",
    env: { ...process.env, KAP_READ_THREAD: thread },
  });

beforeAll(() =>
  execFileSync(process.execPath, [resolve(__dirname, "../../scripts/build-cli.mjs")])
);

const HEADER = ["Customer ID", "Invoice Date", "Invoice No", "SKU", "Qty", "Line Total"];
const d = (day: number) => new Date(Date.UTC(2026, 8, day));
/** Five order lines: A1 100 + 60, B1 40 + 20, C1 30 (£250 in all). */
const LINES = [
  ["A1", d(1), "I1", "P1", 1, 100],
  ["B1", d(2), "I2", "P1", 2, 40],
  ["A1", d(3), "I3", "P2", 1, 60],
  ["C1", d(4), "I4", "P1", 3, 30],
  ["B1", d(5), "I5", "P2", 1, 20],
];

/** The workbook written by ExcelJS, then each part's XML edited as Excel writes it. */
async function edited(
  file: string,
  build: (wb: ExcelJS.Workbook) => void,
  edit: Record<string, (xml: string) => string>
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  await wb.xlsx.writeFile(file);
  const zip = await JSZip.loadAsync(readFileSync(file));
  for (const [part, f] of Object.entries(edit)) {
    const before = await zip.file(part)!.async("string");
    const after = f(before);
    expect(after).not.toBe(before);
    zip.file(part, after);
  }
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
}

describe("a sheet whose rows are hidden by default (zeroHeight)", () => {
  // header on row 1, lines on rows 2–6; only rows 1, 2 and 4 (A1 100, A1 60) are given a height:
  // rows 3, 5 and 6 (B1 40, C1 30, B1 20) are hidden, 3 of the 5 order rows
  const file = join(dir, "zero-height.xlsx");
  beforeAll(() =>
    edited(
      file,
      (wb) => {
        const ws = wb.addWorksheet("Orders");
        ws.addRow(HEADER);
        for (const l of LINES) ws.addRow(l);
      },
      {
        "xl/worksheets/sheet1.xml": (xml) =>
          xml
            .replace(/<sheetFormatPr\b[^>]*?\/>/, (t) => t.replace("/>", ' zeroHeight="1"/>'))
            .replace(/<row r="(\d+)"([^>]*)>/g, (_t, r: string, rest: string) =>
              ["1", "2", "4"].includes(r)
                ? `<row r="${r}"${rest} ht="15" customHeight="1">`
                : `<row r="${r}"${rest}>`
            ),
      }
    )
  );

  test.each(["0", "1"] as const)(
    "3 of the 5 order rows are said hidden, all 5 read (thread %s)",
    (thread) => {
      const r = kap(thread, file);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(
        '! 3 of the 5 order rows on "Orders" are hidden. KAP read all 5: the results cover every row, not only the rows shown.'
      );
      expect(r.stdout).toContain("Order lines: 5 ");
      expect(r.stdout).toContain("Annual revenue: £250");
    }
  );

  test("the scanner: a row shows only with customHeight and a height above 0; hidden blank rows hide nothing", () => {
    const scan = new SheetScanner([], [], undefined, false, false, () => undefined);
    const xml =
      '<sheetFormatPr defaultRowHeight="15" zeroHeight="1"/><sheetData>' +
      '<row r="1" ht="15" customHeight="1"><c r="A1"><v>1</v></c></row>' +
      '<row r="2"><c r="A2"><v>2</v></c></row>' +
      '<row r="3" ht="0" customHeight="1"><c r="A3"><v>3</v></c></row>' +
      '<row r="4" ht="20" customHeight="true"><c r="A4"><v>4</v></c></row>' +
      '<row r="5" ht="15"><c r="A5"><v>5</v></c></row>' +
      '<row r="6" ht="15" customHeight="1" hidden="1"><c r="A6"><v>6</v></c></row>' +
      '<row r="7"/></sheetData>';
    const buf = Buffer.from(xml, "latin1");
    const out = scan.block(buf, buf.length);
    expect(out.rows.map((r) => r[0] ?? null)).toEqual([1, 2, 3, 4, 5, 6, null]);
    // 2 (no height), 3 (height 0), 5 (no customHeight), 6 (hidden="1"); 7 is blank
    expect(scan.hiddenRows).toEqual([2, 3, 5, 6]);
  });

  test('zeroHeight="0" hides nothing', () => {
    const scan = new SheetScanner([], [], undefined, false, false, () => undefined);
    const xml =
      '<sheetFormatPr zeroHeight="0"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>';
    const buf = Buffer.from(xml, "latin1");
    scan.block(buf, buf.length);
    expect(scan.hiddenRows).toEqual([]);
  });
});

describe("order lines on a hidden sheet", () => {
  /** A shown "Notes" sheet and the orders on a sheet the workbook hides as `state`. */
  const hiddenOrders = (file: string, state: "hidden" | "veryHidden") =>
    edited(
      file,
      (wb) => {
        wb.addWorksheet("Notes").addRow(["Exported from the ERP on 30/09/2026"]);
        const ws = wb.addWorksheet("Orders");
        ws.addRow(HEADER);
        for (const l of LINES) ws.addRow(l);
      },
      {
        "xl/workbook.xml": (xml) =>
          xml.replace(/(name="Orders") state="visible"/, `$1 state="${state}"`),
      }
    );

  test.each([
    ["hidden", "0", "a hidden sheet"],
    ["veryHidden", "1", "a very hidden sheet (Excel's Unhide does not list it)"],
  ] as const)("state=%s (thread %s): read, and said", async (state, thread, how) => {
    const file = join(dir, `orders-${state}.xlsx`);
    await hiddenOrders(file, state);
    const r = kap(thread, file);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      `! The order lines were read from "Orders", ${how}: its rows are analysed as any sheet's. Check that it holds the orders you mean to analyse.`
    );
    expect(r.stdout).toContain("Annual revenue: £250");
  });

  test("a hidden sheet of other order lines is named hidden among those not read", async () => {
    // "Orders" (shown, 5 lines, £250) is read; "Old orders" (hidden, 2 lines) is not
    const file = join(dir, "old-hidden.xlsx");
    await edited(
      file,
      (wb) => {
        const ws = wb.addWorksheet("Orders");
        ws.addRow(HEADER);
        for (const l of LINES) ws.addRow(l);
        const old = wb.addWorksheet("Old orders");
        old.addRow(HEADER);
        old.addRow(["A1", d(1), "X1", "P1", 1, 10]);
        old.addRow(["B1", d(2), "X2", "P1", 1, 10]);
      },
      {
        "xl/workbook.xml": (xml) =>
          xml.replace(/(name="Old orders") state="visible"/, '$1 state="hidden"'),
      }
    );
    const r = kap("0", file);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'Order lines were also found on "Old orders" (a hidden sheet, 2 rows), and were not read'
    );
    expect(r.stdout).toContain("Annual revenue: £250");
  });
});

describe("a shown order sheet beside a hidden one of the same shape", () => {
  /**
   * "Orders" (shown: the 5 lines, £250) and "Orders 2024" (hidden as `state` by ExcelJS: 8 older
   * lines of 1,000 each for Z1–Z8, more rows than "Orders"). The longer table won before, whatever
   * the workbook showed: kap analysed the hidden copy (£8,000 over Z1–Z8).
   */
  const withHiddenCopy = async (file: string, state: "hidden" | "veryHidden") => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Orders");
    ws.addRow(HEADER);
    for (const l of LINES) ws.addRow(l);
    const old = wb.addWorksheet("Orders 2024");
    old.state = state;
    old.addRow(HEADER);
    for (let i = 1; i <= 8; i++) old.addRow([`Z${i}`, d(i), `X${i}`, "P1", 1, 1000]);
    await wb.xlsx.writeFile(file);
  };

  test.each([
    ["hidden", "0"],
    ["veryHidden", "1"],
  ] as const)(
    "state=%s (thread %s): the shown sheet is read, the hidden one named",
    async (state, thread) => {
      const file = join(dir, `shown-and-${state}.xlsx`);
      await withHiddenCopy(file, state);
      const r = kap(thread, file);
      expect(r.status).toBe(0);
      // worked by hand: "Orders" A1 100 + 60, B1 40 + 20, C1 30 = £250 over 3 accounts
      expect(r.stdout).toContain("Order lines: 5 ");
      expect(r.stdout).toContain("Annual revenue: £250");
      expect(r.stdout).toContain(
        'Order lines were also found on "Orders 2024" (a hidden sheet, 8 rows), and were not read: KAP reads one order table, "Orders".'
      );
      expect(r.stdout).not.toContain("The order lines were read from");
    }
  );
});
