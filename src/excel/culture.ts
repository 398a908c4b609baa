/**
 * The workbook's culture (Excel's application.cultureInfo, ExcelApi 1.11): its name settles
 * day-first or month-first text dates, its numberFormat the decimal and group separators
 * ("based on current system settings": Excel.NumberFormatInfo). Undefined where the host lacks
 * the set; callers then fall back to the data.
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
  const ci = context.application.cultureInfo;
  ci.load("name");
  ci.numberFormat.load("numberDecimalSeparator,numberGroupSeparator");
  await context.sync();
  return {
    name: ci.name,
    decimalSeparator: ci.numberFormat.numberDecimalSeparator,
    groupSeparator: ci.numberFormat.numberGroupSeparator,
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
  const ci = context.application.cultureInfo;
  ci.load("name");
  ci.numberFormat.load("numberDecimalSeparator,numberGroupSeparator");
  await context.sync();
  return {
    culture: {
      name: ci.name,
      decimalSeparator: ci.numberFormat.numberDecimalSeparator,
      groupSeparator: ci.numberFormat.numberGroupSeparator,
    },
    dateSystem: dateSystem(),
  };
}

/**
 * For the KAP.* functions: once the shared runtime is ready, reads the culture once and hands
 * its decimal separator on. Custom functions in a shared runtime may call the Excel API
 * (custom-functions-call-excel-api.md); this only reads — unless `onSeparator` says answers
 * given before it came may be stale (a text number read without the mark): then it asks Excel
 * for one full recalculation (application.calculate, ExcelApi 1.1), since Excel does not
 * recalculate a function whose arguments did not change. Outside Office it does nothing.
 */
export async function loadDecimalSeparator(
  onSeparator: (separator: string | undefined) => boolean | void,
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
    stale = onSeparator(culture?.decimalSeparator);
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
