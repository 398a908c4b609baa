/**
 * Opening the QBR as a new workbook (Excel.createWorkbook) against Excel on the web's request
 * limit: the whole .xlsx goes to Excel as base64 in one request, and Excel on the web takes at most
 * 5 MB per request (resource-limits-and-performance-optimization.md; Microsoft documents no other
 * limit for createWorkbook, and none on desktop). Over it, KAP says so (WorkbookTooLargeError)
 * instead of a raw Office error, and does not send it at all when it knows it is on the web.
 */
import { ExcelDouble } from "../excel-double/excel";
import {
  openNewWorkbook,
  WEB_NEW_WORKBOOK_MAX_BYTES,
  WorkbookTooLargeError,
} from "../../src/excel/workbook";

const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };

/** Office as the host reports itself: platform "OfficeOnline" (the web) or "PC" (Windows). */
function officeOn(platform: "OfficeOnline" | "PC"): void {
  g.Office = {
    context: { platform, requirements: { isSetSupported: () => true } },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline" },
  };
}

afterEach(() => {
  delete g.Office;
  delete g.Excel;
});

// 5,000,000 base64 characters: 3,750,000 bytes of .xlsx, one byte each over the wire
const BIG = "A".repeat(5_000_000);

test("the limit KAP keeps to is under Excel on the web's 5 MB, read either way (5,000,000 or 5,242,880 bytes), with room for the request around it", () => {
  expect(WEB_NEW_WORKBOOK_MAX_BYTES).toBeLessThan(5_000_000);
  expect(WEB_NEW_WORKBOOK_MAX_BYTES).toBeGreaterThan(4_500_000);
});

test("on the web, a workbook over the limit is not sent: a clear error, no workbook opened, Excel not asked", async () => {
  const x = new ExcelDouble(["Orders"], "web");
  g.Excel = x.Excel;
  officeOn("OfficeOnline");
  const err = await openNewWorkbook(BIG).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(WorkbookTooLargeError);
  // 5,000,000 × 3 / 4 = 3,750,000 bytes of .xlsx
  expect((err as WorkbookTooLargeError).fileBytes).toBe(3_750_000);
  expect(x.model.createdWorkbooks).toEqual([]);
  expect(x.stats.requestBytes).toEqual([]);
});

test("on the web, a workbook under the limit opens", async () => {
  const x = new ExcelDouble(["Orders"], "web");
  g.Excel = x.Excel;
  officeOn("OfficeOnline");
  await openNewWorkbook("UEsDBA==");
  expect(x.model.createdWorkbooks).toEqual(["UEsDBA=="]);
});

test("on Excel for Windows (no documented limit) the same workbook opens", async () => {
  const x = new ExcelDouble(["Orders"], "desktop");
  g.Excel = x.Excel;
  officeOn("PC");
  await openNewWorkbook(BIG);
  expect(x.model.createdWorkbooks).toHaveLength(1);
});

test("where the platform is not known and Excel refuses the request as too large, the same clear error, not Office's", async () => {
  const x = new ExcelDouble(["Orders"], "web");
  g.Excel = x.Excel;
  x.payloadLimit = 1000;
  const err = await openNewWorkbook("A".repeat(2000)).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(WorkbookTooLargeError);
  expect((err as WorkbookTooLargeError).fileBytes).toBe(1500);
  expect(x.model.createdWorkbooks).toEqual([]);
});
