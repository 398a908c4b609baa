/**
 * A continental export (semicolons, 1.250,50, SARL/AG/BV) that names no currency: KAP said its
 * default GBP was "most likely not their currency" and then wrote "£" everywhere (summary, QBR
 * text and number formats), so a guessed £ reached a customer's QBR. Now money KAP doubts is
 * shown with no symbol, as money naming no currency is elsewhere, and the warning says how to
 * name it. A plain file that gives no hint keeps the default £.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { buildCli, kap } from "./kapProcess";

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), "kap-doubted-currency-"));

beforeAll(() => buildCli());

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Every entry of an .xlsx (a zip) as text: enough to look for a "£" anywhere in it. */
function xlsxText(path: string): string {
  const zip = readFileSync(path);
  let text = "";
  for (let at = zip.indexOf("PK\x03\x04"); at >= 0; at = zip.indexOf("PK\x03\x04", at + 4)) {
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const data = zip.subarray(start, start + size);
    text += method === 8 ? inflateRawSync(data).toString("utf8") : data.toString("utf8");
  }
  return text;
}

const CONTINENTAL = [
  "Date;Doc;Type;Customer;Item;Category;Qty;Net",
  "03/04/2026;F100;Invoice;Alpha SARL;A1;Tools;2;1.250,50",
  "05/06/2026;F101;Invoice;Alpha SARL;B1;Paint;1;300,00",
  "07/08/2026;F102;Invoice;Beta AG;A1;Tools;4;2.501,00",
  "09/08/2026;G103;Credit Memo;Beta AG;A1;Tools;1;625,25",
  "10/09/2026;F104;Invoice;Gamma BV;B1;Paint;3;900,00",
  "11/09/2026;F105;Invoice;Gamma BV;A1;Tools;1;625,25",
  "12/10/2026;F106;Invoice;Alpha SARL;A1;Tools;1;625,25",
  "",
].join("\n");

const WARNING =
  "! No currency is named in the data, and its numbers are written with a decimal comma (\"Net\"), as in continental Europe: KAP's default, GBP, is most likely not their currency, so the amounts are shown with no currency symbol. Give --culture (e.g. de-DE or fr-FR for euros), or a currency column, to name it (in Excel, the workbook's regional format).";

test("decimal commas and no currency: the summary shows the figures with no £, and says how to name it", () => {
  const out = kap("analyze", file("amb.csv", CONTINENTAL), "-q");
  expect(out.status).toBe(0);
  expect(out.stdout).toContain(WARNING);
  expect(out.stdout).toContain("Currency: none named in the data (amounts shown with no symbol)");
  // Alpha SARL 1,250.50 + 300.00 + 625.25 = 2,175.75; Beta AG 2,501.00 − 625.25 (credit memo)
  // = 1,875.75; Gamma BV 900.00 + 625.25 = 1,525.25; all within 12 months of 12/10/2026:
  // 2,175.75 + 1,875.75 + 1,525.25 = 5,576.75 → "5,577"
  expect(out.stdout).toContain("Annual revenue: 5,577 ·");
  expect(out.stdout).toMatch(/Alpha SARL {2,}Alpha SARL .* 2,176 {2}/);
  expect(out.stdout).toMatch(/Beta AG {2,}Beta AG .* 1,876 {2}/);
  expect(out.stdout).toMatch(/Gamma BV {2,}Gamma BV .* 1,525 {2}/);
  expect(out.stdout).not.toContain("£");
});

test("the same file's QBR and sheets: no £ in a number format or in the text", () => {
  const path = join(dir, "amb.csv");
  const qbr = join(dir, "qbr.xlsx");
  const sheets = join(dir, "sheets.xlsx");
  expect(
    kap("qbr", path, "--account", "Alpha SARL", "--quarter", "2026Q3", "--out", qbr, "-q").status
  ).toBe(0);
  expect(kap("sheets", path, "--account", "Alpha SARL", "--out", sheets, "-q").status).toBe(0);
  for (const book of [qbr, sheets]) {
    const text = xlsxText(book);
    expect(text).toContain('formatCode="#,##0.00;-#,##0.00"');
    expect(text).not.toContain("£");
  }
  // Alpha SARL over the 12 months to 30/09/2026: 1,250.50 + 300.00 = 1,550.50, bare
  expect(xlsxText(qbr)).toContain("2 orders, 1,550.50 in total after returns");
});

test("--culture fr-FR names euros: no doubt, the figures in €", () => {
  const out = kap("analyze", join(dir, "amb.csv"), "-q", "--culture", "fr-FR");
  expect(out.stdout).not.toContain("most likely not their currency");
  expect(out.stdout).toContain("Annual revenue: €5,577 ·");
});

test("a plain decimal-point file that gives no hint: KAP's default £, as before", () => {
  // 40.50 + 2 × 10.00 = 60.50 → "£61"
  const out = kap(
    "analyze",
    file(
      "plain.csv",
      "Customer ID,Date,SKU,Qty,Amount\nA1,2026-10-05,P1,1,40.50\nB2,2026-10-06,P1,2,20.00\n"
    ),
    "-q"
  );
  expect(out.stdout).not.toContain("most likely not their currency");
  expect(out.stdout).toContain("Annual revenue: £61 ·");
});

/** "$" lines naming no code (100 + 50 + 200 = $350) beside "€" lines (80 − 20 = €60; the credit note before the last sale, so the default as-of date counts it). */
const SYM = [
  "Date,Customer,Product,Category,Qty,Total",
  "2026-08-01,Kiwi Co,Widget,Widgets,1,$100.00",
  "2026-08-15,Kiwi Co,Gadget,Gadgets,1,$50.00",
  "2026-09-01,Maple Inc,Widget,Widgets,2,$200.00",
  "2026-09-10,Euro SA,Widget,Widgets,1,€80.00",
  "2026-09-05,Euro SA,Widget,Widgets,-1,-€20.00",
  "",
].join("\n");

test('"$" lines with no code beside "€" lines: shown with the "$" written, no ISO code claimed', () => {
  const path = file("sym.csv", SYM);
  const out = kap("analyze", path, "-q");
  expect(out.stdout).toContain(
    'Currency: EUR; 3 order lines name no currency code (their amounts are shown with "$", as written)'
  );
  // "$": 100 + 50 + 200 = 350; EUR: 80 − 20 = 60; never added together
  expect(out.stdout).toContain("Annual revenue by currency: €60; $350 ·");
  expect(out.stdout).toMatch(/Maple Inc {2,}Maple Inc .* \$200 {2}/);
  // Kiwi Co 100 + 50 = 150 over 2 orders: average 75.00, last order 50.00 = 67% of it
  expect(out.stdout).toMatch(
    /Kiwi Co {2,}Kiwi Co .* \$150 {2}Last order \$50\.00 is 67% of the 12-month average order \$75\.00\./
  );
  expect(out.stdout).toMatch(/Euro SA {2,}Euro SA .* €60 {2}/);
  expect(out.stdout).not.toMatch(/USD [\d,]+ /);
  // the JSON claims no code for them: keyed "XXX", 350
  const json = JSON.parse(kap("analyze", path, "--json", "-q").stdout);
  expect(json.portfolio.dashboard.annualRevenue).toEqual({ EUR: 60, XXX: 350 });
  const qbr = join(dir, "kiwi.xlsx");
  kap("qbr", path, "--account", "Kiwi Co", "--quarter", "2026Q3", "--out", qbr, "-q");
  expect(xlsxText(qbr)).toContain('formatCode="$#,##0;-$#,##0"');
});

test('the same "$" lines: named "$" in the currencies warning and the Dashboard\'s headline (were "no currency")', async () => {
  const path = file("sym-sheets.csv", SYM);
  const out = kap("analyze", path, "-q").stdout;
  expect(out).toContain('! The order lines are in 2 currencies ("$", EUR).');
  expect(out).not.toContain("no currency, EUR");
  const book = join(dir, "sym-portfolio.xlsx");
  expect(kap("sheets", path, "--account", "Kiwi Co", "--out", book, "-q").status).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(book);
  const dash = wb.getWorksheet("KAP Dashboard")!;
  // headline: $ 100 + 50 + 200 = 350 in the "$" the tables use; € 80 − 20 = 60 under its code
  expect(dash.getCell("B5").value).toBe(350);
  expect(dash.getCell("B5").numFmt).toBe("$#,##0;-$#,##0");
  expect(dash.getCell("B6").value).toBe(60);
  expect(dash.getCell("B6").numFmt).toBe('"EUR "#,##0;-"EUR "#,##0');
  // the Account Health table beside it writes the same 350's accounts in "$": Maple Inc 200
  const health = wb.getWorksheet("KAP Account Health")!;
  const maple: string[] = [];
  health.eachRow((row) =>
    row.eachCell((c) => {
      if (c.value === 200) maple.push(c.numFmt ?? "");
    })
  );
  expect(maple).toContain("$#,##0;-$#,##0");
  let text = "";
  wb.eachSheet((ws) =>
    ws.eachRow((row) => row.eachCell((c) => (text += ` ${String(c.value)} ${c.numFmt ?? ""}`)))
  );
  expect(text).not.toContain("(no currency)");
});
