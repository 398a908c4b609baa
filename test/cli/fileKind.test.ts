/**
 * A file is read by what it holds, not only by its name: a CSV renamed to .xlsx is read as CSV
 * (and said), an .xlsx renamed to .xls is read as .xlsx, and an old Excel 97–2003 workbook,
 * whatever its name, is told to be saved as .xlsx or .csv (a password-protected .xlsx, the same
 * kind of container, is told to lose its password).
 */
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { buildCli, kap } from "./kapProcess";

jest.setTimeout(180_000);

const dir = mkdtempSync(join(tmpdir(), "kap-kind-"));
const ORDERS = [
  "Customer ID,Order Date,SKU,Qty,Revenue",
  "A1,2026-10-01,X,2,20",
  "A1,2026-10-05,Y,1,5",
  "B2,2026-10-03,X,3,30",
].join("\n");

/** An OLE compound file's header and first directory sector, holding the streams named. */
function oleFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x3e, 0x18); // minor version
  header.writeUInt16LE(3, 0x1a); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 0x1c); // little-endian
  header.writeUInt16LE(9, 0x1e); // sector shift: 2^9
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(0, 0x30); // the directory starts at sector 0 (just after the header)
  const dirSector = Buffer.alloc(512);
  ["Root Entry", ...streams].forEach((name, i) => {
    dirSector.write(name, i * 128, "utf16le");
    dirSector.writeUInt16LE((name.length + 1) * 2, i * 128 + 64);
  });
  return Buffer.concat([header, dirSector]);
}

beforeAll(buildCli);

test("a CSV file named .xlsx is read as CSV, and the reading says so (was 'damaged or not a real .xlsx')", () => {
  const file = join(dir, "sample.xlsx");
  writeFileSync(file, `${ORDERS}\n`);
  const r = kap("analyze", file, "-q");
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("! sample.xlsx is a text (CSV) file, not a workbook: read as CSV.");
  // A1 20 + 5 = £25, B2 £30
  expect(r.stdout).toMatch(/^A1 .* £25 /m);
  expect(r.stdout).toMatch(/^B2 .* £30 /m);
  const j = JSON.parse(kap("analyze", file, "--json").stdout);
  expect(j.ingest.warnings).toContain(
    "sample.xlsx is a text (CSV) file, not a workbook: read as CSV."
  );
});

test("an .xlsx workbook named .xls is read as the workbook it is, and said", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Orders");
  for (const line of ORDERS.split("\n"))
    ws.addRow(line.split(",").map((v, i) => (i >= 3 && /^\d+$/.test(v) ? Number(v) : v)));
  const xlsx = join(dir, "orders-book.xlsx");
  await wb.xlsx.writeFile(xlsx);
  const file = join(dir, "orders.xls");
  copyFileSync(xlsx, file);
  const r = kap("analyze", file, "-q");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("! orders.xls is an .xlsx workbook with an .xls name: read as .xlsx.");
  expect(r.stdout).toMatch(/^A1 .* £25 /m);
});

test("an old Excel 97–2003 workbook, named .xls or .xlsx, is told to be saved as .xlsx or .csv", () => {
  const xls = join(dir, "old.xls");
  writeFileSync(xls, oleFile(["Workbook", "\u0005SummaryInformation"]));
  const r = kap("analyze", xls);
  expect(r.status).toBe(1);
  expect(r.stderr).toBe(
    "old.xls is an Excel 97–2003 workbook (.xls), which KAP does not read: open it in Excel and save it as an Excel Workbook (.xlsx) or as CSV (.csv), then run kap again.\n"
  );
  const renamed = join(dir, "old.xlsx");
  writeFileSync(renamed, oleFile(["Workbook"]));
  expect(kap("analyze", renamed).stderr).toBe(
    "old.xlsx is an Excel 97–2003 workbook (.xls) with an .xlsx name, which KAP does not read: open it in Excel and save it as an Excel Workbook (.xlsx) or as CSV (.csv), then run kap again.\n"
  );
});

test("a password-protected .xlsx (the same kind of container, holding an encrypted package) is told to lose its password", () => {
  const locked = join(dir, "locked.xlsx");
  writeFileSync(locked, oleFile(["EncryptionInfo", "EncryptedPackage"]));
  const r = kap("analyze", locked);
  expect(r.status).toBe(1);
  expect(r.stderr).toBe(
    "locked.xlsx is password-protected: KAP cannot open an encrypted workbook. Remove the password in Excel (File › Info › Protect Workbook › Encrypt with Password), save, and run kap again.\n"
  );
});

test("a web page saved with an Excel name (an online system's 'Excel' export) is told what it is", () => {
  const page = join(dir, "report.xls");
  writeFileSync(page, "<html><body><table><tr><td>Customer</td></tr></table></body></html>\n");
  const r = kap("analyze", page);
  expect(r.status).toBe(1);
  expect(r.stderr).toBe(
    "report.xls is a web page (HTML) with an Excel name, not a workbook: open it in Excel and save it as an Excel Workbook (.xlsx) or as CSV (.csv), then run kap again.\n"
  );
});

test("a text file named .xls that holds no order lines: the refusal says it was read as CSV", () => {
  const file = join(dir, "notes.xls");
  writeFileSync(file, "Meeting notes\nCall Acme on Monday\n");
  const r = kap("analyze", file);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(
    /^notes\.xls is a text \(CSV\) file, not a workbook: read as CSV\. No order lines were found\./
  );
});
