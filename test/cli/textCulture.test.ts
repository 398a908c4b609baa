/**
 * kap qbr --culture de-DE writes the figures in the QBR's text the German way, with KAP's
 * English words: "3.600 €" in the e-mail, "+200 %" in the factor lines, "1.000–2.499 €" in the
 * discount tiers. Money cells stay numbers with their Excel format.
 *
 * Data (by hand): A orders 1,200 on 5 Jul, 5 Aug and 5 Sep 2026, 100 on 31 Oct 2026; B 50 on
 * 10 Aug. As of 31 Oct 2026; the QBR's quarter FY2026 Q3 (Jul–Sep): 3 orders, 3 × 1,200 = 3,600;
 * the 12 months to 30 Sep 2026: the same 3 orders, 3,600. Frequency: Aug 5, Sep 5, Oct 31 = 3
 * orders in the 3 months to 31 Oct vs 1 (Jul 5) in the 3 before: (3 − 1) / 1 = +200%.
 * No currency column; the culture de-DE makes it euros.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { buildCli, kap } from "./kapProcess";

jest.setTimeout(120_000);
const NBSP = "\u00a0"; // Intl's de-DE space before € and %

let dir: string;
let csv: string;
beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), "kap-textculture-"));
  csv = join(dir, "orders.csv");
  writeFileSync(
    csv,
    "Customer,Order Date,SKU,Qty,Revenue\nA,2026-07-05,S1,1,1200\nA,2026-08-05,S1,1,1200\nA,2026-09-05,S1,1,1200\nA,2026-10-31,S1,1,100\nB,2026-08-10,S1,1,50\n"
  );
});

async function qbrTexts(...culture: string[]) {
  const out = join(dir, `qbr${culture.join("")}.xlsx`);
  const r = kap("qbr", csv, "--account", "A", "--out", out, "--quiet", ...culture);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const texts: string[] = [];
  const numbers: number[] = [];
  for (const w of wb.worksheets)
    w.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === "string") texts.push(c.value);
        if (typeof c.value === "number") numbers.push(c.value);
      })
    );
  return { texts, numbers };
}

test("--culture de-DE: the e-mail, factor lines and tiers write 3.600 €, +200 %, 1.000–2.499 €", async () => {
  const { texts, numbers } = await qbrTexts("--culture", "de-DE");
  expect(texts).toContain(
    `- In FY2026 Q3 (Jul–Sep 2026) you placed 3 orders, spend after returns 3.600${NBSP}€.`
  );
  expect(texts).toContain(
    `- Over the 12 months to 30.09.2026 (data from 05.07.2026): 3 orders, 3.600${NBSP}€ in total after returns.`
  );
  expect(texts).toContain(`3 orders in Aug–Oct 2026 vs 1 in May–Jul: +200${NBSP}%`);
  expect(texts).toContain(`1.000–2.499${NBSP}€`);
  // the order value stays a number cell (its format shows it), not text
  expect(numbers).toContain(3600);
});

test("without --culture: the same texts in en-GB, as before", async () => {
  const { texts } = await qbrTexts();
  expect(texts).toContain(
    "- In FY2026 Q3 (Jul–Sep 2026) you placed 3 orders, spend after returns £3,600."
  );
  expect(texts).toContain("3 orders in Aug–Oct 2026 vs 1 in May–Jul: +200%");
  expect(texts).toContain("£1,000–2,499");
});
