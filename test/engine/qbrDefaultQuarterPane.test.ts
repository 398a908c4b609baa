/**
 * The pane's host makes the QBR with the default quarter as `kap qbr` does with no --quarter
 * (477e74c): on data that starts after the last complete quarter (the tester's SAP export, orders
 * 02/10–28/10/2026, no as-of set: as of 28/10/2026) it reviews FY2026 Q4 to date, and the pane's
 * message and the QBR's cover say why in the CLI's words. The pane's own choice and note:
 * test/taskpane/qbrDefaultQuarter.test.tsx.
 */
import ExcelJS from "exceljs";
import { ExcelDouble } from "../excel-double/excel";
import { createExcelHost } from "../../src/engine/excelHost";
import type { KapSettings } from "../../src/engine/contract";
import { defaultSettings } from "../../src/engine/settings";
import { ymdToSerial } from "../../src/domain/dates";

// Q3 (Jul–Sep 2026) ends 30/09, before the first order 02/10; Q4 from 01/10 to the as-of 28/10
const NOTE =
  "FY2026 Q3 (Jul–Sep 2026), the last quarter complete at 28/10/2026, has no orders in the data, which starts 02/10/2026: this QBR covers FY2026 Q4 to date, 01/10/2026 – 28/10/2026, not a whole quarter.";

describe("the pane's host (on the Excel double): the QBR with the default quarter", () => {
  // the tester's SAP export in short: orders on 02/10 and 28/10/2026 only, no as-of set
  function setup(): ExcelDouble {
    const x = new ExcelDouble(["Orders"]);
    x.model.culture = { name: "en-GB", decimalSeparator: ".", thousandsSeparator: "," };
    x.model.fill(x.sheet("Orders"), "A1", [
      ["Order Date", "Customer ID", "SKU", "Qty", "Line Total"],
      [ymdToSerial(2026, 10, 2), "Acme", "S1", 1, 100],
      [ymdToSerial(2026, 10, 28), "Acme", "S1", 1, 50],
    ]);
    (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
    return x;
  }

  test("reviews FY2026 Q4 to date; its message and its cover say why, in the CLI's words", async () => {
    const x = setup();
    const settings: KapSettings = { ...defaultSettings(), asOf: undefined };
    const host = createExcelHost();
    const res = await host.run(
      "qbr",
      { accountId: "Acme", quarter: undefined },
      settings,
      () => undefined,
      new AbortController().signal
    );
    expect(res.message).toContain(NOTE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from(x.model.createdWorkbooks[0], "base64") as unknown as ArrayBuffer
    );
    const cover: string[] = [];
    wb.getWorksheet("Cover")!.eachRow((r) => r.eachCell((c) => cover.push(String(c.value))));
    expect(cover).toContain(NOTE);
  });
});
