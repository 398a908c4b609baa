/**
 * The bench's input files, written once from test/sample/benchGrid.ts and cached in
 * bench/.cache (gitignored): the order lines as a CSV the way exports save them (ISO dates,
 * numbers with a decimal point, text quoted only when it must be).
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from "node:fs";
import { join } from "node:path";
import { serialToIso, ymdToSerial } from "../src/domain/dates";
import { benchChunks, type BenchGridOptions } from "../test/sample/benchGrid";
import { ORDER_HEADERS } from "../test/sample/generate";

/** bench/.cache, or KAP_BENCH_CACHE (e.g. /tmp for the 1.6 GB 10,000,000-line file). */
export const CACHE = process.env.KAP_BENCH_CACHE ?? join(__dirname, ".cache");

/** The bench's order lines: 5,000 accounts and 2,000 SKUs unless told (the `kap sheets` case: 50,000 and 300). */
export function benchOptions(rows: number, accounts = 5_000, skus = 2_000): BenchGridOptions {
  return { rows, accounts, skus, seed: 7, endDate: ymdToSerial(2026, 10, 31) };
}

function csvField(v: string | number): string {
  if (typeof v === "number") return String(v);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The bench's order lines as a CSV file of `rows` lines (plus the header); made once, then reused. */
export function benchCsv(rows: number, accounts = 5_000, skus = 2_000): string {
  mkdirSync(CACHE, { recursive: true });
  const shape = accounts === 5_000 && skus === 2_000 ? "" : `-${accounts}a-${skus}p`;
  const path = join(CACHE, `orders-${rows}${shape}.csv`);
  if (existsSync(path)) return path;
  const tmp = `${path}.part`;
  const fd = openSync(tmp, "w");
  try {
    writeSync(fd, ORDER_HEADERS.join(",") + "\n");
    for (const chunk of benchChunks(benchOptions(rows, accounts, skus), 20_000)) {
      let out = "";
      for (const r of chunk)
        out += [serialToIso(r[0] as number), ...r.slice(1)].map(csvField).join(",") + "\n";
      writeSync(fd, out);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return path;
}

/**
 * Columns a web shop's or an ERP's export has beside the order lines' own (Shopify's run to 70):
 * customer contact and address, shipping and payment, notes. KAP reads none of them.
 */
export const WIDE_EXTRA_HEADERS = [
  "Email",
  "Phone",
  "Billing Name",
  "Billing Street",
  "Billing Address2",
  "Billing City",
  "Billing Zip",
  "Billing Province",
  "Billing Country",
  "Billing Phone",
  "Shipping Name",
  "Shipping Street",
  "Shipping Address2",
  "Shipping City",
  "Shipping Zip",
  "Shipping Province",
  "Shipping Country",
  "Shipping Phone",
  "Shipping Method",
  "Payment Method",
  "Payment Reference",
  "Tags",
  "Note",
  "Note Attributes",
  "Risk Level",
  "Source",
  "Device",
  "Receipt",
] as const;

const CITIES = ["Leeds", "Hull", "Bristol", "Norwich", "Derby", "Exeter", "Cardiff", "Bath"];

/** Line i's values for WIDE_EXTRA_HEADERS (made from i: the same file every time). */
function wideExtras(i: number): string {
  const c = CITIES[i % CITIES.length];
  const s = CITIES[(i >> 3) % CITIES.length];
  const n = i % 4_999;
  return [
    `buyer${n}@example.com`,
    `+44 113 ${100_000 + ((i * 7) % 900_000)}`,
    `Buyer ${n}`,
    `${1 + (i % 200)} High Street`,
    i % 5 ? "" : `Unit ${i % 40}`,
    c,
    `LS${1 + (i % 20)} ${1 + (i % 9)}AB`,
    "West Yorkshire",
    "GB",
    `+44 113 ${200_000 + ((i * 11) % 800_000)}`,
    `Buyer ${n}`,
    `${1 + (i % 150)} Mill Lane`,
    "",
    s,
    `BS${1 + (i % 20)} ${1 + (i % 9)}CD`,
    "Avon",
    "GB",
    "",
    i % 3 ? "Standard" : "Next day",
    i % 4 ? "Card" : "Bank transfer",
    `pay_${(i * 2_654_435_761) % 4_294_967_296}`,
    i % 7 ? "" : "trade",
    "",
    "",
    "Low",
    "web",
    i % 2 ? "desktop" : "mobile",
    `R-${i}`,
  ].join(",");
}

/**
 * The bench's order lines with WIDE_EXTRA_HEADERS after their own columns: an export 40 columns
 * wide of which KAP reads 12 (the same answer as benchCsv's). Made once, then reused.
 */
export function benchWideCsv(rows: number): string {
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `orders-wide-${rows}.csv`);
  if (existsSync(path)) return path;
  const tmp = `${path}.part`;
  const fd = openSync(tmp, "w");
  let i = 0;
  try {
    writeSync(fd, [...ORDER_HEADERS, ...WIDE_EXTRA_HEADERS].join(",") + "\n");
    for (const chunk of benchChunks(benchOptions(rows), 20_000)) {
      let out = "";
      for (const r of chunk)
        out +=
          [serialToIso(r[0] as number), ...r.slice(1)].map(csvField).join(",") +
          "," +
          wideExtras(i++) +
          "\n";
      writeSync(fd, out);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return path;
}

/**
 * The same order lines as an .xlsx workbook (one "Orders" sheet, shared strings and real dates,
 * as Excel saves it), written with ExcelJS's streaming writer; made once, then reused.
 */
export async function benchXlsx(rows: number): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `orders-${rows}.xlsx`);
  if (existsSync(path)) return path;
  const { default: ExcelJS } = await import("exceljs");
  const tmp = `${path}.part`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: tmp,
    useSharedStrings: true,
    useStyles: true,
  });
  const ws = wb.addWorksheet("Orders");
  ws.addRow([...ORDER_HEADERS]).commit();
  const epoch = Date.UTC(1899, 11, 30);
  for (const chunk of benchChunks(benchOptions(rows), 20_000)) {
    for (const r of chunk) {
      const row = ws.addRow([new Date(epoch + (r[0] as number) * 86_400_000), ...r.slice(1)]);
      row.getCell(1).numFmt = "dd/mm/yyyy";
      row.getCell(9).numFmt = "£#,##0.00";
      row.getCell(10).numFmt = "£#,##0.00";
      row.commit();
    }
  }
  ws.commit();
  await wb.commit();
  renameSync(tmp, path);
  return path;
}
