/**
 * Build QBR workbook on Excel on the web when the workbook is over the 5 MB a request may carry
 * (test/excel/newWorkbook.test.ts): the QBR is not lost and no raw Office error is shown — the
 * pane is handed the .xlsx to offer for download, told why and what to do, and the user's
 * workbook is as it was. The double plays Excel on the web with a smaller limit, so a small
 * QBR is "too large".
 */
import ExcelJS from "exceljs";
import { ExcelDouble } from "../excel-double/excel";
import { DoubleError } from "../excel-double/model";
import { createExcelHost, fileSize } from "../../src/engine/excelHost";
import { defaultSettings } from "../../src/engine/settings";
import type { KapSettings } from "../../src/engine/contract";
import { ymdToSerial } from "../../src/domain/dates";
import { monthlyOrderRows } from "./fixtures/monthlyOrders";
import { setRequirementCheck } from "../../src/excel/requirements";

const settings = (): KapSettings => ({ ...defaultSettings(), asOf: "2026-10-31" });
const signal = () => new AbortController().signal;

test("a QBR workbook Excel on the web refuses as too large is offered for download, with why and what to do; nothing opened or changed", async () => {
  const x = new ExcelDouble(["Orders"], "web");
  x.model.fill(x.sheet("Orders"), "A1", monthlyOrderRows(ymdToSerial(2024, 11, 5)));
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  const host = createExcelHost();
  await host.analyze(settings(), () => undefined, signal());
  // from here Excel takes at most 20 kB a request: the QBR's .xlsx is larger
  x.payloadLimit = 20_000;
  const res = await host.run(
    "qbr",
    { accountId: "A2", quarter: "2026Q3" },
    settings(),
    () => undefined,
    signal()
  );
  expect(res.made).toEqual([]);
  expect(res.message).toMatch(
    /^The QBR workbook is too large for Excel on the web to open from an add-in \(at most 5 MB at a time\), so it was not opened and nothing was changed\. Download it \(\d+ kB\) and open it in Excel; to work on it in Excel on the web, upload it to OneDrive first\. Excel on Windows or Mac opens it directly\.$/
  );
  expect(res.download?.fileName).toBe("QBR Account 2 Ltd 2026Q3.xlsx");
  // the download is the QBR itself: every part of it
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(res.download!.base64, "base64") as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    "Cover",
    "Partnership",
    "Quarter at a glance",
    "Insights & offers",
    "Planning & actions",
    "Agenda",
    "Follow-up e-mail",
    "Preparation (internal)",
  ]);
  // its size as the message gives it: under a megabyte, the file's bytes in kB (1,000 bytes)
  const kB = Math.round(Buffer.from(res.download!.base64, "base64").length / 1000);
  expect(res.message).toContain(`Download it (${kB} kB)`);
  expect(x.model.createdWorkbooks).toEqual([]);
  expect(x.sheetNames()).toEqual(["Orders"]);
});

test("the download's size as the message gives it: MB with one decimal from a megabyte, kB under it", () => {
  // 3,750,000 bytes (5,000,000 base64 characters × 3 / 4) = 3.75 MB, one decimal: 3.8 MB
  expect(fileSize(3_750_000)).toBe("3.8 MB");
  // 999,999 bytes would round to 1,000 kB: said as 1.0 MB
  expect(fileSize(999_999)).toBe("1.0 MB");
  expect(fileSize(999_499)).toBe("999 kB");
  expect(fileSize(25_400)).toBe("25 kB");
  // never "0 kB" for a file that exists
  expect(fileSize(300)).toBe("1 kB");
  // in a de-DE or fr-FR workbook, the decimal comma: 3,8 MB
  expect(fileSize(3_750_000, "de-DE")).toBe("3,8 MB");
  expect(fileSize(3_750_000, "fr-FR")).toBe("3,8 MB");
  expect(fileSize(3_750_000, "en-GB")).toBe("3.8 MB");
});

test("Excel fails to open the QBR workbook for another reason: Office's words, and the same download as the way out", async () => {
  const x = new ExcelDouble(["Orders"], "web");
  x.model.fill(x.sheet("Orders"), "A1", monthlyOrderRows(ymdToSerial(2024, 11, 5)));
  const excel = x.Excel;
  excel.createWorkbook = async () => {
    throw new DoubleError("GeneralException", "An internal error has occurred.");
  };
  (globalThis as unknown as { Excel: unknown }).Excel = excel;
  const host = createExcelHost();
  await host.analyze(settings(), () => undefined, signal());
  const res = await host.run(
    "qbr",
    { accountId: "A2", quarter: "2026Q3" },
    settings(),
    () => undefined,
    signal()
  );
  expect(res.made).toEqual([]);
  expect(res.message).toMatch(
    /^Excel could not open the QBR workbook \(GeneralException: An internal error has occurred\.\), so nothing was changed\. Download it \(\d+ kB\) and open it in Excel\.$/
  );
  expect(res.download?.fileName).toBe("QBR Account 2 Ltd 2026Q3.xlsx");
  expect(x.sheetNames()).toEqual(["Orders"]);
});

test("an Excel too old to open new workbooks (ExcelApi 1.7) still says so plainly, no download offered", async () => {
  const x = new ExcelDouble(["Orders"], "desktop");
  x.model.fill(x.sheet("Orders"), "A1", monthlyOrderRows(ymdToSerial(2024, 11, 5)));
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  const host = createExcelHost();
  await host.analyze(settings(), () => undefined, signal());
  setRequirementCheck((set) => Number(set.split(".")[1]) <= 7);
  try {
    await expect(
      host.run("qbr", { accountId: "A2", quarter: "2026Q3" }, settings(), () => undefined, signal())
    ).rejects.toThrow(/This version of Excel cannot do opening the QBR workbook/);
  } finally {
    setRequirementCheck(undefined);
  }
  expect(x.model.createdWorkbooks).toEqual([]);
});
