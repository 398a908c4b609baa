/**
 * The sheets KAP writes, opened by a real spreadsheet program: `kap sheets` and `kap qbr`
 * output converted by LibreOffice headless, and the numbers checked against figures computed
 * here straight from the generated order lines (not from KAP's engine), and the health score
 * recomputed from the sheet's own factor inputs with RULES.md's table.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { edate } from "../../src/domain/dates";
import { parseCsv } from "../../src/cli/workbookFile";
import { END, smallWorkbook } from "../sample/fixture";

const KAP = resolve(__dirname, "../../bin/kap.js");
const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find(existsSync);
const it = soffice ? test : test.skip;

/** Every sheet of a workbook as CSV, through LibreOffice. */
function sheetsOf(file: string, outDir: string): Record<string, string[][]> {
  execFileSync(
    soffice!,
    [
      `-env:UserInstallation=file://${outDir}/lo-profile`,
      "--headless",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1",
      "--outdir",
      outDir,
      file,
    ],
    { timeout: 120_000, stdio: "ignore" }
  );
  const stem = file.replace(/^.*\//, "").replace(/\.xlsx$/, "");
  const out: Record<string, string[][]> = {};
  for (const f of readdirSync(outDir))
    if (f.startsWith(`${stem}-`) && f.endsWith(".csv"))
      out[f.slice(stem.length + 1, -4)] = parseCsv(readFileSync(join(outDir, f), "utf8"));
  return out;
}

const EPOCH = Date.UTC(1899, 11, 30);
const serial = (d: unknown) => Math.round(((d as Date).getTime() - EPOCH) / 86_400_000);

// RULES.md §2.1, written out again here on purpose (independent of src/domain/rules.ts).
const recency = (d: number) => (d <= 7 ? 5 : d <= 14 ? 4 : d <= 30 ? 3 : d <= 60 ? 2 : 1);
const freq = (p: number) => (p >= 20 ? 5 : p >= 5 ? 4 : p >= -5 ? 3 : p >= -25 ? 2 : 1);
const rev = (p: number) => (p >= 20 ? 5 : p >= 10 ? 4 : p >= -10 ? 3 : p >= -30 ? 2 : 1);
const div = (c: number) => (c >= 6 ? 5 : c >= 4 ? 4 : c >= 2 ? 3 : c >= 1 ? 2 : 1);
const eng = (e: number) => e;
const pay = (d: number) => (d <= -1 ? 5 : d === 0 ? 4 : d <= 7 ? 3 : d <= 30 ? 2 : 1);
/** A cell as LibreOffice shows it: "-25%" is -0.25. */
const num = (s: string) =>
  s.trim().endsWith("%") ? Number(s.trim().slice(0, -1)) / 100 : Number(s);
const half = (x: number) => Math.sign(x) * Math.floor(Math.abs(x) + 0.5 + 1e-9);

let wb: Awaited<ReturnType<typeof smallWorkbook>>;
beforeAll(async () => {
  wb = await smallWorkbook(16, 11);
});

it("kap sheets: LibreOffice reads the health sheet; revenue matches the order lines and the score matches the table", () => {
  const out = join(wb.dir, "sheets.xlsx");
  const id = String(wb.data.accounts[1][0]);
  const r = spawnSync(
    process.execPath,
    [KAP, "sheets", wb.path, "--account", id, "--out", out, "--as-of", "2026-10-31"],
    { encoding: "utf8" }
  );
  expect(r.status).toBe(0);
  const sheets = sheetsOf(out, wb.dir);
  expect(Object.keys(sheets).sort()).toEqual(
    [
      "KAP 5P – " + id,
      "KAP Account Health",
      "KAP Alerts",
      "KAP Breakdown – " + id,
      "KAP Cross-Sell – " + id,
      "KAP Dashboard",
      "KAP Health Report – " + id,
      "KAP Plan – " + id,
      "KAP Relationships – " + id,
      "KAP Whitespace Map",
    ].sort()
  );
  const h = sheets["KAP Account Health"];
  const header = h.findIndex((row) => row[0] === "Account ID");
  const col = (name: string) => h[header].indexOf(name);
  const rows = h.slice(header + 1).filter((row) => row[0]);
  // 12-month revenue straight from the generated lines: (31/10/2025, 31/10/2026], returns included.
  const from = edate(END, -12);
  const revenue = new Map<string, number>();
  for (const l of wb.data.orders.slice(1)) {
    const d = serial(l[0]);
    if (d > from && d <= END)
      revenue.set(String(l[2]), (revenue.get(String(l[2])) ?? 0) + (l[9] as number));
  }
  // A parent's figures include its sites' (RULES.md §1: groups roll up to the parent).
  for (const a of wb.data.accounts.slice(1)) {
    const parent = a[2] ? String(a[2]) : "";
    if (parent) revenue.set(parent, (revenue.get(parent) ?? 0) + (revenue.get(String(a[0])) ?? 0));
  }
  let checked = 0;
  for (const row of rows) {
    const id2 = row[0];
    expect(Number(row[col("Revenue 12m")])).toBeCloseTo(revenue.get(id2) ?? 0, 2);
    // Recompute the score from the sheet's own inputs (blank inputs left out, weights rescaled).
    const parts: [number, number][] = [];
    const days = row[col("Days since last order")];
    parts.push([25, days === "never" ? 1 : recency(Number(days))]);
    const f = row[col("Orders change (3m)")];
    if (f !== "new")
      parts.push([20, f === "lapsed" ? 5 : f === "none" ? 1 : freq(half(num(f) * 100))]);
    const rv = row[col("Revenue change (12m)")];
    if (rv !== "new")
      parts.push([20, rv === "lapsed" ? 5 : rv === "none" ? 1 : rev(half(num(rv) * 100))]);
    const c = row[col("Categories (12m)")];
    parts.push([15, c === "1 (one product)" ? 1 : div(Number(c))]);
    const e = row[col("Engagement (1–5)")];
    if (e !== "") parts.push([10, eng(Number(e))]);
    const p = row[col("Days beyond terms")];
    if (p !== "") parts.push([10, pay(half(Number(p)))]);
    const w = parts.reduce((s, [x]) => s + x, 0);
    const score = Math.round((parts.reduce((s, [x, v]) => s + x * v, 0) / w) * 100 + 1e-9) / 100;
    expect(Number(row[col("Health score")])).toBeCloseTo(score, 2);
    const band =
      score >= 4 ? "Healthy" : score >= 3 ? "Stable" : score >= 2 ? "At Risk" : "Critical";
    // A hand-set band (shown "… (override)") wins over the score; every other band follows it.
    if (!row[col("Band")].endsWith("(override)")) expect(row[col("Band")]).toBe(band);
    checked++;
  }
  expect(checked).toBeGreaterThanOrEqual(12);
  // The health report's weighted scores add up (a native SUM LibreOffice calculates) to the Account Health sheet's score.
  const hr = sheets["KAP Health Report – " + id];
  const total = hr.find((row) => row[0] === "Total")!;
  const mine = rows.find((row) => row[0] === id)!;
  expect(Number(total[4])).toBeCloseTo(Number(mine[col("Health score")]), 2);
  expect(
    hr.filter((row) =>
      [
        "No order in 45+ days",
        "Order value down >20%",
        "Switched product categories",
        "Late payments increasing",
        "Contact not responding",
        "Complaints/returns increasing",
      ].includes(row[0])
    )
  ).toHaveLength(6);
  // The 5P sheet's totals are real Excel formulas that LibreOffice calculates.
  const fp = sheets["KAP 5P – " + id];
  const fh = fp.findIndex((row) => row[0] === "Name");
  expect(fp[fh]).toEqual(
    expect.arrayContaining([
      "Power",
      "Perception",
      "Priority",
      "Promoter",
      "Pliability",
      "Total (5–25)",
      "Weighted total",
    ])
  );
}, 180_000);

it("kap qbr: LibreOffice opens every part of the QBR, and the 12-month spend matches the order lines", () => {
  const id = String(wb.data.accounts[2][0]);
  const out = join(wb.dir, "qbr.xlsx");
  const r = spawnSync(
    process.execPath,
    [
      KAP,
      "qbr",
      wb.path,
      "--account",
      id,
      "--quarter",
      "2026Q3",
      "--out",
      out,
      "--as-of",
      "2026-10-31",
    ],
    { encoding: "utf8" }
  );
  expect(r.status).toBe(0);
  const sheets = sheetsOf(out, wb.dir);
  expect(Object.keys(sheets).sort()).toEqual(
    [
      "Agenda",
      "Cover",
      "Follow-up e-mail",
      "Insights & offers",
      "Partnership",
      "Planning & actions",
      "Preparation (internal)",
      "Quarter at a glance",
    ].sort()
  );
  // Q3 2026 (calendar fiscal year) = Jul–Sep 2026; 12-month figures run to its last day, 30/09/2026.
  const to = edate(END, -1);
  const from = edate(to, -12);
  let spend = 0;
  let q3 = 0;
  const q3From = edate(to, -3);
  for (const l of wb.data.orders.slice(1)) {
    if (l[2] !== id) continue;
    const d = serial(l[0]);
    if (d > from && d <= to) spend += l[9] as number;
    if (d > q3From && d <= to && (l[9] as number) > 0) q3 += l[9] as number;
  }
  const p = sheets["Partnership"];
  const spendRow = p.find((row) => row[0] === "Spend after returns, 12 months to 30/09/2026")!;
  expect(Number(spendRow[1])).toBeCloseTo(spend, 2);
  const q = sheets["Quarter at a glance"];
  const thisQ = q.find((row) => row[0].startsWith("This quarter"))!;
  expect(Number(thisQ[2])).toBeCloseTo(q3, 2);
  const email = sheets["Follow-up e-mail"].map((row) => row[0]).join("\n");
  expect(email).toMatch(/Subject: QBR Summary & Actions/);
  expect(email).toMatch(/orders, spend after returns £/);
}, 180_000);
