/**
 * The workbook's culture (Excel's application.cultureInfo, ExcelApi 1.11): its name settles
 * day-first or month-first text dates, its numberFormat the decimal and group separators
 * ("based on current system settings": Excel.NumberFormatInfo; Excel's own where the user set
 * them, see queueCulture). Undefined where the host lacks the set; callers then fall back to the data.
 */
import { queueDateSystem, type DateSystem } from "./dateSystem";
import { supports } from "./requirements";

export interface WorkbookCulture {
  name: string;
  decimalSeparator: string;
  groupSeparator: string;
}

export async function readCulture(
  context: Excel.RequestContext
): Promise<WorkbookCulture | undefined> {
  if (!supports("culture")) return undefined;
  const culture = queueCulture(context);
  await context.sync();
  return culture();
}

/**
 * Queues the culture's reads; the returned function gives it after the next sync. The separators
 * are Excel's own when the user turned off "Use system separators" (File > Options > Advanced, in
 * Excel on Windows and Mac; the web has no such option): application.decimalSeparator is "based
 * on the local Excel settings", NumberFormatInfo's on the system's (both ExcelApi 1.11;
 * excel.application, excel.numberformatinfo). Excel reads typed numbers, and shows them, with
 * its own; so does KAP.
 */
function queueCulture(context: Excel.RequestContext): () => WorkbookCulture {
  const app = context.application;
  const ci = app.cultureInfo;
  ci.load("name");
  ci.numberFormat.load("numberDecimalSeparator,numberGroupSeparator");
  app.load("decimalSeparator,thousandsSeparator,useSystemSeparators");
  return () => {
    const own = app.useSystemSeparators === false;
    return {
      name: ci.name,
      decimalSeparator: own ? app.decimalSeparator : ci.numberFormat.numberDecimalSeparator,
      groupSeparator: own ? app.thousandsSeparator : ci.numberFormat.numberGroupSeparator,
    };
  };
}

/** What a read of the workbook needs to know before its cells: its culture and its date system. */
export interface WorkbookFacts {
  /** undefined where the host lacks ExcelApi 1.11 */
  culture?: WorkbookCulture;
  dateSystem: DateSystem;
}

/** The culture (where the host has it) and the date system (./dateSystem) in one round trip. */
export async function readWorkbookFacts(context: Excel.RequestContext): Promise<WorkbookFacts> {
  const dateSystem = queueDateSystem(context);
  if (!supports("culture")) {
    await context.sync();
    return { dateSystem: dateSystem() };
  }
  const culture = queueCulture(context);
  await context.sync();
  return { culture: culture(), dateSystem: dateSystem() };
}

type ExcelRunner = {
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
};

/** Excel in Office once it is ready; undefined outside Office (jest, the CLI). */
async function officeExcel(excel?: ExcelRunner): Promise<ExcelRunner | undefined> {
  if (excel) return excel;
  if (typeof Office === "undefined" || typeof Excel === "undefined") return undefined;
  await Office.onReady();
  return Excel;
}

/**
 * Excel does not recalculate a function whose arguments did not change: answers given before a
 * fact arrived (or changed) are refreshed by one full recalculation (application.calculate,
 * ExcelApi 1.1). A failure leaves them until their cells recalculate.
 */
async function recalculate(host: ExcelRunner): Promise<void> {
  try {
    await host.run(async (context) => {
      context.workbook.application.calculate("Full");
      await context.sync();
    });
  } catch {
    // the answers stand until their cells recalculate
  }
}

/**
 * For the KAP.* functions: once the shared runtime is ready, reads the culture (where the host has
 * it) and the date system in one request (readWorkbookFacts) and hands on the decimal separator,
 * the culture's name (it settles ambiguous text dates) and the date system. Custom functions in a
 * shared runtime may call the Excel API (custom-functions-call-excel-api.md); this only reads —
 * unless `onFacts` says answers given before may be stale (a text number, an ambiguous text date
 * or a date cell read without them): then it asks Excel for one full recalculation. Outside
 * Office it does nothing and returns false.
 */
export async function loadDecimalSeparator(
  onFacts: (
    separator: string | undefined,
    cultureName?: string,
    dateSystem?: DateSystem
  ) => boolean | void,
  /** Excel itself in Office; a test passes its double */
  excel?: ExcelRunner
): Promise<boolean> {
  const host = await officeExcel(excel);
  if (!host) return false;
  let stale: boolean | void;
  try {
    const facts = await host.run((context) => readWorkbookFacts(context));
    stale = onFacts(facts.culture?.decimalSeparator, facts.culture?.name, facts.dateSystem);
  } catch {
    onFacts(undefined);
    return true;
  }
  if (stale) await recalculate(host);
  return true;
}

/**
 * Asks the date system again (DATE(1904,1,1), ./dateSystem) after the functions calculated, so a
 * workbook switched to or from the 1904 system is seen: `onSystem` says whether answers are then
 * stale, and Excel recalculates once. Office.js has no released property or event for the setting
 * (Workbook.use1904DateSystem is in the preview set only).
 */
export async function recheckDateSystem(
  onSystem: (system: DateSystem) => boolean,
  excel?: ExcelRunner
): Promise<void> {
  const host = await officeExcel(excel);
  if (!host) return;
  let stale = false;
  try {
    stale = await host.run(async (context) => {
      const system = queueDateSystem(context);
      await context.sync();
      return onSystem(system());
    });
  } catch {
    return;
  }
  if (stale) await recalculate(host);
}
