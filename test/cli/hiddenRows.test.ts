/**
 * Rows an .xlsx hides (by hand, or by a filter): kap reads them all, as the task pane does, and
 * now says so in the pane's words (src/engine/hiddenRows.ts) rather than counting them silently.
 * Run with the sheet read on the main thread and on the reading thread (KAP_READ_THREAD=0 / 1).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SheetScanner } from "../../src/cli/xlsxReader";
import { xlsxSource } from "../../src/cli/fileSource";

jest.setTimeout(120_000);

const KAP = resolve(__dirname, "../../bin/kap.js");
const dir = mkdtempSync(join(tmpdir(), "kap-hidden-"));
const kap = (thread: "0" | "1", file: string) =>
  spawnSync(process.execPath, [KAP, "analyze", file, "--as-of", "2026-09-30", "-q"], {
    encoding: "utf8",
    env: { ...process.env, KAP_READ_THREAD: thread },
  });

beforeAll(() =>
  execFileSync(process.execPath, [resolve(__dirname, "../../scripts/build-cli.mjs")])
);

/**
 * A title row, a blank row, the header on row 3, and five order lines on rows 4–8 (A1 100 + 60,
 * B1 40 + 20, C1 30: £250 in all). Rows `hide` are hidden.
 */
async function orders(file: string, hide: number[], filter?: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Orders");
  ws.addRow(["Sales export September 2026"]);
  ws.addRow([]);
  ws.addRow(["Customer ID", "Invoice Date", "Invoice No", "SKU", "Qty", "Line Total"]);
  const d = (day: number) => new Date(Date.UTC(2026, 8, day));
  ws.addRow(["A1", d(1), "I1", "P1", 1, 100]);
  ws.addRow(["B1", d(2), "I2", "P1", 2, 40]);
  ws.addRow(["A1", d(3), "I3", "P2", 1, 60]);
  ws.addRow(["C1", d(4), "I4", "P1", 3, 30]);
  ws.addRow(["B1", d(5), "I5", "P2", 1, 20]);
  for (const r of hide) ws.getRow(r).hidden = true;
  if (filter) ws.autoFilter = "A3:F8";
  await wb.xlsx.writeFile(file);
  if (!filter) return;
  // ExcelJS writes the AutoFilter's range only: its criteria go in as Excel writes them
  const zip = await JSZip.loadAsync(readFileSync(file));
  const part = "xl/worksheets/sheet1.xml";
  const xml = (await zip.file(part)!.async("string")).replace(
    '<autoFilter ref="A3:F8"/>',
    `<autoFilter ref="A3:F8"><filterColumn colId="0"><filters><filter val="${filter}"/></filters></filterColumn></autoFilter>`
  );
  expect(xml).toContain("<filterColumn");
  zip.file(part, xml);
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
}

test("rows hidden by hand, read on the reading thread: the pane's warning, every row read", async () => {
  const file = join(dir, "hidden.xlsx");
  // rows 5 (B1 40) and 7 (C1 30) hidden, and row 2 (blank, above the header): 2 of the 5 order rows
  await orders(file, [2, 5, 7]);
  const r = kap("1", file);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(
    '! 2 of the 5 order rows on "Orders" are hidden. KAP read all 5: the results cover every row, not only the rows shown.'
  );
  // all five lines: 100 + 40 + 60 + 30 + 20 = £250
  expect(r.stdout).toContain("Order lines: 5 ");
  expect(r.stdout).toContain("Annual revenue: £250");
});

test("rows hidden by a filter, read on the main thread: said to be hidden by a filter", async () => {
  const file = join(dir, "filtered.xlsx");
  // a filter keeping A1 (rows 4 and 6) hides rows 5, 7 and 8: 3 of the 5
  await orders(file, [5, 7, 8], "A1");
  const r = kap("0", file);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(
    '! 3 of the 5 order rows on "Orders" are hidden by a filter. KAP read all 5: the results cover every row, not only the rows shown.'
  );
  expect(r.stdout).toContain("Annual revenue: £250");
});

test("no hidden row: nothing to say", async () => {
  const file = join(dir, "shown.xlsx");
  await orders(file, []);
  process.env.KAP_READ_THREAD = "0";
  const source = xlsxSource(file);
  const [t] = await source.tables();
  await source.read(t, () => undefined);
  // 8 rows: title, blank, header, five lines; none hidden, no filter criteria
  expect(source.hiddenRows?.(t)).toEqual({ rows: [], byFilter: false, lastRow: 8 });
});

test('the scanner takes hidden="1" and "true", not "0" or "false", and no blank hidden row', () => {
  const scan = new SheetScanner([], [], undefined, false, false, () => undefined);
  const xml =
    '<sheetData><row r="1" hidden="1"><c r="A1"><v>1</v></c></row>' +
    '<row r="2" hidden="false" spans="1:1"><c r="A2"><v>2</v></c></row>' +
    '<row r="3" ht="0" hidden = \'true\'><c r="A3"><v>3</v></c></row>' +
    '<row r="4" hidden="0"><c r="A4"><v>4</v></c></row>' +
    '<row r="5" hidden="1"/><row r="6" hidden="1"><c r="A6" s="0"/></row>' +
    '</sheetData><autoFilter ref="A1:A6"><filterColumn colId="0" hiddenButton="1"/></autoFilter>';
  const buf = Buffer.from(xml, "latin1");
  const out = scan.block(buf, buf.length);
  expect(out.rows.map((r) => r[0] ?? null)).toEqual([1, 2, 3, 4, null, null]);
  // rows 1 and 3 hold values and are hidden; 5 and 6 are hidden but blank
  expect(scan.hiddenRows).toEqual([1, 3]);
  // a filter column with no criteria (only its button hidden) filters nothing
  expect(scan.filtered).toBe(false);
  expect(scan.lastRow).toBe(6);
});
