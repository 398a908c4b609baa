/**
 * kap qbr --culture en-US writes US dates into the workbook: the cover's labels (10/31/2026), the
 * page header, and date cells formatted m/d/yyyy; without --culture, dd/mm/yyyy as before.
 * The file is read back with ExcelJS, as a user opening it would see the cells.
 *
 * Data: A orders 05/07, 05/08, 05/09 and 31/10/2026 (ISO, one reading in every culture): as of
 * 31 Oct 2026; the default quarter FY2026 Q3, its 12 months to 30 Sep 2026; A's partnership
 * since its first order, 5 Jul 2026.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { buildCli, kap } from "./kapProcess";

jest.setTimeout(120_000);

let dir: string;
let csv: string;
beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), "kap-dates-"));
  csv = join(dir, "orders.csv");
  writeFileSync(
    csv,
    "Customer,Order Date,SKU,Qty,Revenue\nA,2026-07-05,S1,1,100\nA,2026-08-05,S1,1,100\nA,2026-09-05,S1,1,100\nA,2026-10-31,S1,1,100\nB,2026-08-10,S1,1,50\n"
  );
});

async function qbr(...culture: string[]) {
  const out = join(dir, `qbr${culture.join("")}.xlsx`);
  const r = kap("qbr", csv, "--account", "A", "--out", out, "--quiet", ...culture);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const cover = wb.worksheets.find((w) => /Cover/.test(w.name))!;
  const coverText: string[] = [];
  cover.eachRow((row) => row.eachCell((c) => coverText.push(String(c.value))));
  // the partnership sheet's first date cell: "Partnership since"
  const partnership = wb.worksheets.find((w) => /Partnership/.test(w.name))!;
  let since: ExcelJS.Cell | undefined;
  partnership.eachRow((row) =>
    row.eachCell((c) => {
      if (!since && c.value instanceof Date) since = c;
    })
  );
  return { coverText, header: cover.headerFooter.oddHeader ?? "", since: since! };
}

test("--culture en-US: As of 10/31/2026, 12 months to 9/30/2026, date cells m/d/yyyy", async () => {
  const { coverText, header, since } = await qbr("--culture", "en-US");
  // the as-of on the cover: its data's end (the health score as of it is the internal sheet's)
  expect(coverText.some((t) => t.includes("data to 10/31/2026 ·"))).toBe(true);
  // the data starts 5 Jul 2026, after the 12 months' first month (Oct 2025): the label says so
  expect(coverText).toContain("Spend after returns, 12 months to 9/30/2026 (data from 7/5/2026)");
  expect(header).toContain("As of 10/31/2026");
  expect((since.value as Date).toISOString().slice(0, 10)).toBe("2026-07-05");
  expect(since.numFmt).toBe("m/d/yyyy");
});

test("--culture de-DE: 31.10.2026 and dd.mm.yyyy", async () => {
  const { coverText, since } = await qbr("--culture", "de-DE");
  // the as-of on the cover: its data's end (the health score as of it is the internal sheet's)
  expect(coverText.some((t) => t.includes("data to 31.10.2026 ·"))).toBe(true);
  expect(since.numFmt).toBe("dd.mm.yyyy");
});

test("no --culture: dd/mm/yyyy, as before", async () => {
  const { coverText, header, since } = await qbr();
  // the as-of on the cover: its data's end (the health score as of it is the internal sheet's)
  expect(coverText.some((t) => t.includes("data to 31/10/2026 ·"))).toBe(true);
  expect(coverText).toContain(
    "Spend after returns, 12 months to 30/09/2026 (data from 05/07/2026)"
  );
  expect(header).toContain("As of 31/10/2026");
  expect(since.numFmt).toBe("dd/mm/yyyy");
});
