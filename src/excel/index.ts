/** The Office.js adapter: the only folder that touches `Excel.*`. */
export {
  writeSheets,
  writeSheetsIn,
  SheetWriteError,
  WriteCancelledError,
  type WriteOptions,
  type WriteResult,
  type WrittenSheet,
} from "./writeSheets";
export {
  readRegion,
  readAll,
  type RegionSource,
  type RegionInfo,
  type ReadOptions,
  type ReadResult,
  type ChunkHandler,
  type HiddenRows,
} from "./readRegion";
export { listGrids, type GridInfo, type ListOptions } from "./listGrids";
export {
  readCulture,
  readWorkbookFacts,
  type WorkbookCulture,
  type WorkbookFacts,
} from "./culture";
export { queueDateSystem, toWorkbookSerial, type DateSystem } from "./dateSystem";
export { supports, requireFeature, NeedsNewerExcelError, type Feature } from "./requirements";
export { saveSetting, loadSetting } from "./settings";
export {
  openNewWorkbook,
  insertSheetsFromBase64,
  WorkbookTooLargeError,
  WEB_NEW_WORKBOOK_MAX_BYTES,
  base64Bytes,
} from "./workbook";
export { MARKER_KEY, MARK_NAME, type SheetMarker } from "./marker";

/** Excel.run for the rest of the app, which never names `Excel.*` itself. */
export function withExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(batch);
}
