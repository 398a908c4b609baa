import { requireFeature, supports } from "./requirements";

/**
 * Whole-workbook handoffs: the QBR workbook is built as an .xlsx by src/xlsx (the same
 * writer as the CLI, text-safe by construction) and opened with Excel.createWorkbook
 * (ExcelApi 1.8, checked first: an older Excel gets a plain message, not an API error).
 * The add-in stays in the user's workbook; nothing there changes.
 */
export async function openNewWorkbook(base64: string): Promise<void> {
  requireFeature("newWorkbook");
  await Excel.createWorkbook(base64);
}

/**
 * Inserts the sheets of an .xlsx into the open workbook (ExcelApi 1.13). Excel on the web
 * refuses sources with charts, PivotTables, comments or slicers: add charts afterwards.
 * Returns false when the host lacks the API (callers then fall back to writeSheets).
 */
export async function insertSheetsFromBase64(
  context: Excel.RequestContext,
  base64: string
): Promise<boolean> {
  if (typeof Office === "undefined" || !supports("insertSheets")) return false;
  context.workbook.insertWorksheetsFromBase64(base64, { positionType: "End" });
  await context.sync();
  return true;
}
