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

/**
 * For the KAP.* functions: once the shared runtime is ready, reads the culture once and hands
 * its decimal separator and name on (the name settles ambiguous text dates). Custom functions in a shared runtime may call the Excel API
 * (custom-functions-call-excel-api.md); this only reads — unless `onSeparator` says answers
 * given before it came may be stale (a text number read without the mark): then it asks Excel
 * for one full recalculation (application.calculate, ExcelApi 1.1), since Excel does not
 * recalculate a function whose arguments did not change. Outside Office it does nothing.
 */
export async function loadDecimalSeparator(
  onSeparator: (separator: string | undefined, cultureName?: string) => boolean | void,
  /** Excel itself in Office; a test passes its double */
  excel?: { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> }
): Promise<void> {
  if (!excel) {
    if (typeof Office === "undefined" || typeof Excel === "undefined") return;
    await Office.onReady();
  }
  const host = excel ?? Excel;
  let stale: boolean | void;
  try {
    const culture = await host.run((context) => readCulture(context));
    stale = onSeparator(culture?.decimalSeparator, culture?.name);
  } catch {
    onSeparator(undefined);
    return;
  }
  if (!stale) return;
  try {
    await host.run(async (context) => {
      context.workbook.application.calculate("Full");
      await context.sync();
    });
  } catch {
    // the answers stand until their cells recalculate
  }
}
