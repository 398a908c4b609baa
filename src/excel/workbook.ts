import { isPayloadTooLarge } from "./bytes";
import { requireFeature, supports } from "./requirements";

/**
 * The most base64 Excel on the web is sent for a new workbook. The file goes in one request and
 * Excel on the web takes at most 5 MB per request (resource-limits-and-performance-optimization.md;
 * Microsoft documents no other limit for createWorkbook, and none on desktop). Under 5 MB read as
 * 5,000,000 or as 5,242,880 bytes, with room for the request around the file.
 */
export const WEB_NEW_WORKBOOK_MAX_BYTES = 4_900_000;

/** The workbook is too large for this Excel to open from an add-in (Excel on the web). */
export class WorkbookTooLargeError extends Error {
  /** Size of the .xlsx file itself (what a download of it weighs). */
  readonly fileBytes: number;
  constructor(base64: string) {
    super("The workbook is too large for Excel on the web to open from an add-in.");
    this.name = "WorkbookTooLargeError";
    this.fileBytes = base64Bytes(base64);
  }
}

/** Bytes of the file a base64 string holds: 3 for every 4 characters, less the '=' padding. */
export function base64Bytes(base64: string): number {
  const pad = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
  return (base64.length / 4) * 3 - pad;
}

/** Whether the add-in runs in Excel on the web (Office.context.platform, as Office reports it). */
function onTheWeb(): boolean {
  return typeof Office !== "undefined" && String(Office.context?.platform) === "OfficeOnline";
}

/**
 * Whole-workbook handoffs: the QBR workbook is built as an .xlsx by src/xlsx (the same
 * writer as the CLI, text-safe by construction) and opened with Excel.createWorkbook
 * (ExcelApi 1.8, checked first: an older Excel gets a plain message, not an API error).
 * The add-in stays in the user's workbook; nothing there changes. On the web a file over the
 * request limit is not sent (WorkbookTooLargeError); Excel refusing one as too large says the same.
 */
export async function openNewWorkbook(
  base64: string,
  maxWebBytes = WEB_NEW_WORKBOOK_MAX_BYTES
): Promise<void> {
  requireFeature("newWorkbook");
  // base64 is ASCII: one byte a character over the wire
  if (onTheWeb() && base64.length > maxWebBytes) throw new WorkbookTooLargeError(base64);
  try {
    await Excel.createWorkbook(base64);
  } catch (e) {
    if (isPayloadTooLarge(e)) throw new WorkbookTooLargeError(base64);
    throw e;
  }
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
