/**
 * Formula cells carry their result in the .xlsx (<v>), so a reader that does not recalculate
 * (Excel's protected view, file previewers) shows the figure, not a blank. Read back from the
 * written file with ExcelJS; figures worked by hand from PRODUCT.md §2.3 and §2.1.
 */
import ExcelJS from "exceljs";
import { analyzeAccount, buildPortfolio } from "../../src/domain/analysis";
import type { ContactRecord } from "../../src/domain/types";
import { analyzePortfolio } from "../../src/domain/analysis";
import { fivePSheet } from "../../src/sheets/fivePSheet";
import { healthSheet } from "../../src/sheets/healthSheet";
import { healthReportSheet } from "../../src/sheets/healthReportSheet";
import { layoutOptions } from "../../src/sheets/options";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";
import { bookOf, d, line } from "../domain/analysis/helpers";

const asOf = d(2025, 6, 30);
const opts = layoutOptions({ asOf });
const contacts: ContactRecord[] = [
  {
    accountId: "A",
    name: "Pat Lee",
    role: "MD",
    fiveP: { power: 5, perception: 2, priority: 3, promoter: 1, pliability: 2, weight: 4 },
  },
  // no weight given: the formula weighs by 1
  {
    accountId: "A",
    name: "Sue Kay",
    role: "Finance",
    fiveP: { power: 1, perception: 1, priority: 1, promoter: 1, pliability: 1 },
  },
  // Priority and Pliability not scored: no total (blank), never a guess
  { accountId: "A", name: "Al Roy", role: "Legal", influence: 3, relationship: 2 },
];
const detail = analyzeAccount(
  buildPortfolio(bookOf([line("A", d(2025, 6, 1), "a", 100), line("A", d(2025, 5, 1), "b", 50)]), {
    asOf,
    accounts: [{ accountId: "A", name: "Acme" }],
    contacts,
  }),
  "A"
);

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets[0];
}
const shown = (ws: ExcelJS.Worksheet, at: string): unknown => {
  const v = ws.getCell(at).value;
  return v !== null && typeof v === "object" && "formula" in v ? v.result : "(not a formula)";
};

describe("formula cells carry their cached result", () => {
  it("5P: Total 5+2+3+1+2 = 13, Weighted 13 × 4 = 52; 1+1+1+1+1 = 5 × weight 1 (Power, none given) = 5; unscored row blank", async () => {
    const ws = await readBack(await toXlsxBytes([fivePSheet(detail, opts)]));
    // table header at row 6: rows 7, 8, 9
    expect([shown(ws, "H7"), shown(ws, "J7")]).toEqual([13, 52]);
    // no weight given: Weight (I) falls back to Power = 1, so 5 × 1 = 5
    expect([shown(ws, "H8"), shown(ws, "I8"), shown(ws, "J8")]).toEqual([5, "(not a formula)", 5]);
    // shows "": stored without a value, which every reader shows as blank too
    expect([shown(ws, "H9"), shown(ws, "J9")]).toEqual([undefined, undefined]);
    // and the sheet says why a Total is blank
    expect(ws.getCell("A3").value).toBe(
      "Total and Weighted total stay blank until all five Ps of a person are scored; they update as you fill them in."
    );
  });

  it("Health Report: the Total row's weights sum to 100% (1) and its Weighted figure is the score", async () => {
    const spec = healthReportSheet(detail, opts);
    const ws = await readBack(await toXlsxBytes([spec]));
    const row = ws.getColumn(1).values.findIndex((v) => v === "Total");
    expect(row).toBeGreaterThan(0);
    // weights 25+20+20+15+10+10 = 100% → 1; applied weights likewise sum to 100% (n/a factors' weight moved to the rest)
    expect(shown(ws, `B${row}`)).toBeCloseTo(1, 10);
    expect(shown(ws, `C${row}`)).toBeCloseTo(1, 10);
    expect(shown(ws, `E${row}`)).toBe(detail.report.score);
  });

  it("Account Health: each factor score, the score and the band carry the engine's figures; the weights' total 100%", async () => {
    // A: orders 30 days apart, last on 01/06/2025 (29 days before 30/06/2025): Recency 15–30 days → 3 (RULES §2.1)
    const lines = [
      line("A", d(2025, 5, 2), "a", 100),
      line("A", d(2025, 6, 1), "b", 100),
      line("B", d(2025, 6, 20), "a", 50),
    ];
    const p = analyzePortfolio(bookOf(lines), { asOf });
    const ws = await readBack(await toXlsxBytes([healthSheet(p, opts)]));
    const header = ws.getColumn(1).values.findIndex((v) => v === "Account ID");
    const col = (h: string) => (ws.getRow(header).values as unknown[]).findIndex((v) => v === h);
    const rowOf = (id: string) => ws.getColumn(1).values.findIndex((v) => v === id);
    const a = p.accounts.find((x) => x.accountId === "A")!;
    expect(shown(ws, `${ws.getColumn(col("Recency score")).letter}${rowOf("A")}`)).toBe(3);
    expect(a.health.factors.recency).toBe(3);
    for (const x of p.accounts) {
      const r = rowOf(x.accountId);
      expect(shown(ws, `${ws.getColumn(col("Health score")).letter}${r}`)).toBe(
        x.health.score ?? undefined
      );
      expect(shown(ws, `${ws.getColumn(col("Band")).letter}${r}`)).toBe(
        x.health.computedBand ?? undefined
      );
    }
    // weights row: 25+20+20+15+10+10 = 100% → 1, right of the six weights
    const total = ws.getCell(`${ws.getColumn(col("Payment score") + 1).letter}${header - 1}`)
      .value as { result?: number };
    expect(total.result).toBeCloseTo(1, 10);
  });
});
