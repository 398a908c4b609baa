/**
 * The workbook's date system. A workbook saved with "Use 1904 date system" (Excel for Mac's
 * default before Excel 2011; still an option in every Excel) stores each day as a serial 1,462
 * smaller than the 1900 system does ([MS-XLS] 2.4.77 Date1904: 1904-01-01 is serial 0). KAP
 * reads and writes serials in the 1900 system, so in such a workbook they are shifted on the way
 * in and out.
 *
 * Office.js has no released property for it (@types/office-js declares none; Workbook.use1904DateSystem
 * is listed only among the preview APIs, "ExcelApi BETA (PREVIEW ONLY)"), but worksheet functions
 * evaluate in the workbook's system: DATE(1904,1,1) is 0 there and 1,462 in a 1900 workbook
 * (`workbook.functions`, ExcelApi 1.2 — within the manifest's 1.7 — on the web and desktop alike;
 * excel-add-ins-worksheet-functions.md; Functions.date's year "from 1900 or 1904 (depending on
 * the workbook's date system)"). Nothing is written to a cell. It is queued beside another read
 * so it costs no round trip of its own.
 */
import { DATE1904_OFFSET } from "../domain/dates";

export type DateSystem = 1900 | 1904;

/**
 * Queues the check on `context`; the returned function tells the system after the next sync.
 * A result Excel could not give (an error value) reads as 1900, the default of every Excel.
 */
export function queueDateSystem(context: Excel.RequestContext): () => DateSystem {
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load("value");
  return () => (probe.value === 0 ? 1904 : 1900);
}

/** The serial to write for a 1900-system serial `serial` in a workbook of `system`. */
export function toWorkbookSerial(serial: number, system: DateSystem): number {
  return system === 1904 ? serial - DATE1904_OFFSET : serial;
}
