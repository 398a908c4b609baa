/**
 * The Account Health sheet is live without the add-in (issue 15): its factor scores, score and
 * band are native formulas. A file written like the CLI's is edited (a weight changed, an
 * engagement cleared) and LibreOffice recalculates it; the scores then equal the values worked
 * out here by hand from RULES.md §2.1's table (written out again, not taken from src/).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parseCsv } from "../../src/cli/workbookFile";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { completeSettings } from "../../src/engine/settings";
import { writeXlsxFile } from "../../src/xlsx/writeFile";
import { smallWorkbook } from "../sample/fixture";

const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find(existsSync);
const it = soffice ? test : test.skip;

function csvOf(file: string): string[][] {
  const out = mkdtempSync(join(tmpdir(), "kap-lo-"));
  execFileSync(
    soffice!,
    [
      `-env:UserInstallation=file://${out}/profile`,
      "--headless",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,1",
      "--outdir",
      out,
      file,
    ],
    { timeout: 120_000, stdio: "ignore" }
  );
  const f = readdirSync(out).find((x) => x.endsWith(".csv"))!;
  return parseCsv(readFileSync(join(out, f), "utf8"));
}

// RULES.md §2.1
const recency = (d: number) => (d <= 7 ? 5 : d <= 14 ? 4 : d <= 30 ? 3 : d <= 60 ? 2 : 1);
const freq = (p: number) => (p >= 20 ? 5 : p >= 5 ? 4 : p >= -5 ? 3 : p >= -25 ? 2 : 1);
const rev = (p: number) => (p >= 20 ? 5 : p >= 10 ? 4 : p >= -10 ? 3 : p >= -30 ? 2 : 1);
const div = (c: number) => (c >= 6 ? 5 : c >= 4 ? 4 : c >= 2 ? 3 : c >= 1 ? 2 : 1);
const pay = (d: number) => (d <= -1 ? 5 : d === 0 ? 4 : d <= 7 ? 3 : d <= 30 ? 2 : 1);
const pctOf = (s: string) => Math.round(Number(s.replace("%", "")));
const half = (x: number) => Math.sign(x) * Math.floor(Math.abs(x) + 0.5 + 1e-9);

/** The score by hand from one CSV row's inputs and the weights (percent). */
function byHand(
  row: Record<string, string>,
  w: [number, number, number, number, number, number]
): { score: number; used: string[] } {
  const parts: [string, number, number][] = [];
  const d = row["Days since last order"];
  parts.push(["recency", w[0], d === "never" ? 1 : recency(Number(d))]);
  const f = row["Orders change (3m)"];
  if (f !== "new" && f !== "")
    parts.push(["frequency", w[1], f === "lapsed" ? 5 : f === "none" ? 1 : freq(pctOf(f))]);
  const r = row["Revenue change (12m)"];
  if (r !== "new" && r !== "")
    parts.push(["revenue", w[2], r === "lapsed" ? 5 : r === "none" ? 1 : rev(pctOf(r))]);
  const c = row["Categories (12m)"];
  if (c !== "") parts.push(["diversity", w[3], c === "1 (one product)" ? 1 : div(Number(c))]);
  const e = row["Engagement (1–5)"];
  if (e !== "") parts.push(["engagement", w[4], Number(e)]);
  const p = row["Days beyond terms"];
  if (p !== "") parts.push(["payment", w[5], pay(half(Number(p)))]);
  const total = parts.reduce((s, [, x]) => s + x, 0);
  const score =
    Math.round((parts.reduce((s, [, x, v]) => s + x * v, 0) / total) * 100 + 1e-9) / 100;
  return { score, used: parts.map(([n]) => n) };
}

function rowsOf(csv: string[][]): Record<string, string>[] {
  const h = csv.findIndex((r) => r[0] === "Account ID");
  return csv
    .slice(h + 1)
    .filter((r) => r[0])
    .map((r) => Object.fromEntries(csv[h].map((k, i) => [k, r[i] ?? ""])));
}

let file: string;
beforeAll(async () => {
  const wb = await smallWorkbook(16, 11);
  const { grids, culture } = await readWorkbookFile(wb.path);
  const engine = new KapEngine();
  const settings = completeSettings({ asOf: "2026-10-31" });
  await loadGrids(engine, grids, settings, { culture });
  engine.analyze(settings);
  file = join(wb.dir, "health.xlsx");
  // as `kap sheets` writes it: no add-in, live: false
  await writeXlsxFile(file, engine.sheets("scoreAll", { live: false }));
}, 60_000);

it("LibreOffice calculates the scores from the inputs and the weights row", () => {
  const rows = rowsOf(csvOf(file));
  expect(rows.length).toBeGreaterThanOrEqual(16);
  for (const row of rows) {
    const { score } = byHand(row, [25, 20, 20, 15, 10, 10]);
    expect(Number(row["Health score"])).toBeCloseTo(score, 2);
    if (!row["Band"].endsWith("(override)"))
      expect(row["Band"]).toBe(
        score >= 4 ? "Healthy" : score >= 3 ? "Stable" : score >= 2 ? "At Risk" : "Critical"
      );
  }
}, 120_000);

it("after a weight is changed and an engagement cleared, LibreOffice re-scores to the hand-worked values", async () => {
  const x = new ExcelJS.Workbook();
  await x.xlsx.readFile(file);
  const ws = x.getWorksheet("KAP Account Health")!;
  // the weights row sits above the factor-score columns; "Recency score" heads the first of them
  let header = 0;
  let recencyCol = 0;
  ws.eachRow((r, n) =>
    r.eachCell((c, k) => {
      if (c.value === "Recency score") {
        header = n;
        recencyCol = k;
      }
    })
  );
  expect(ws.getCell(header - 1, recencyCol).value).toBe(0.25);
  ws.getCell(header - 1, recencyCol).value = 0.5; // Recency 25% → 50%: weights now add to 125%, scaled back to 100%
  // The first account's inputs set by hand: 10 days (Recency 4), orders +7% (Frequency 4), revenue −12%
  // (Revenue 2), 3 categories (Diversity 3), engagement cleared (n/a), paid on time, 0 days (Payment 4).
  // Weights 50/20/20/15/–/10 (engagement left out): (50×4 + 20×4 + 20×2 + 15×3 + 10×4) / 115 = 405/115 = 3.52, Stable.
  const col = (name: string) => (ws.getRow(header).values as unknown[]).indexOf(name);
  const first = ws.getRow(header + 1);
  const firstId = first.getCell(1).value;
  first.getCell(col("Days since last order")).value = 10;
  // typed as 7% and −12%: Excel gives the cells a percent format (the first row's may have held text such as "none")
  first.getCell(col("Orders change (3m)")).value = 0.07;
  first.getCell(col("Orders change (3m)")).numFmt = "0%";
  first.getCell(col("Revenue change (12m)")).value = -0.12;
  first.getCell(col("Revenue change (12m)")).numFmt = "0%";
  first.getCell(col("Categories (12m)")).value = 3;
  first.getCell(col("Engagement (1–5)")).value = null;
  first.getCell(col("Days beyond terms")).value = 0;
  // ExcelJS does not recalculate: drop the formulas' stored results, as Excel or LibreOffice
  // recomputes them after an edit, so the converted file shows the re-scored figures.
  ws.eachRow((r) =>
    r.eachCell((c) => {
      const v = c.value;
      if (v !== null && typeof v === "object" && "formula" in v && typeof v.formula === "string")
        c.value = { formula: v.formula };
    })
  );
  const edited = file.replace(/\.xlsx$/, "-edited.xlsx");
  await x.xlsx.writeFile(edited);

  const rows = rowsOf(csvOf(edited));
  let changed = 0;
  for (const row of rows) {
    const before = byHand(row, [25, 20, 20, 15, 10, 10]).score;
    const { score, used } = byHand(row, [50, 20, 20, 15, 10, 10]);
    expect(Number(row["Health score"])).toBeCloseTo(score, 2);
    if (Math.abs(score - before) > 0.001) changed++;
    if (row["Account ID"] === firstId) expect(used).not.toContain("engagement");
  }
  expect(changed).toBeGreaterThan(rows.length / 2);
  const worked = rows.find((r) => r["Account ID"] === firstId)!;
  expect(Number(worked["Health score"])).toBe(3.52);
  if (!worked["Band"].endsWith("(override)")) expect(worked["Band"]).toBe("Stable");
  expect(worked["Engagement score"]).toBe("");
  expect([
    worked["Recency score"],
    worked["Frequency score"],
    worked["Revenue score"],
    worked["Diversity score"],
    worked["Payment score"],
  ]).toEqual(["4", "4", "2", "3", "4"]);
}, 120_000);
