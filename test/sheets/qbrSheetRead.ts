/**
 * One QBR sheet of a small portfolio, laid out, finished for print, written as .xlsx and read
 * back with ExcelJS: what a user opening the workbook gets. Account A bought 100.00 (3 Aug
 * 2026) and 80.00 (7 Sep), B 120.00 (9 Sep); as of 31 Oct 2026, the QBR of FY2026 Q3.
 */
import ExcelJS from "exceljs";
import { buildPortfolio, qbrData } from "../../src/domain/analysis";
import { qbrSheets } from "../../src/sheets/qbrWorkbook";
import { layoutOptions } from "../../src/sheets/options";
import { finishForPrint } from "../../src/sheets/print";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";
import { d, bookOf, line } from "../domain/analysis/helpers";

type Qbr = ReturnType<typeof qbrData>;

/** The sheet of `kind` ("qbr-agenda", "qbr-planning" …) of account A's QBR, `change` applied to its data first. */
export async function qbrSheetAsRead(
  kind: string,
  change: (q: Qbr) => Qbr = (q) => q
): Promise<ExcelJS.Worksheet> {
  const asOf = d(2026, 10, 31);
  const model = buildPortfolio(
    bookOf([
      line("A", d(2026, 8, 3), "P1", 100),
      line("A", d(2026, 9, 7), "P2", 80),
      line("B", d(2026, 9, 9), "P1", 120),
    ]),
    { asOf }
  );
  const q = change(qbrData(model, "A", { year: 2026, q: 3 }));
  const sheet = qbrSheets(q, layoutOptions({ asOf, currency: "GBP" })).find(
    (s) => s.kind === kind
  )!;
  const spec = finishForPrint(sheet, { paper: "A4", asOfText: "As of 31/10/2026" });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await toXlsxBytes([spec])) as unknown as ExcelJS.Buffer);
  return wb.worksheets[0];
}
