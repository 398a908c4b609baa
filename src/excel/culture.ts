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
 * (custom-functions-call-excel-api.md); this only reads. Outside Office it does nothing.
 */
export async function loadDecimalSeparator(
  onSeparator: (separator: string | undefined) => void
): Promise<void> {
  if (typeof Office === "undefined" || typeof Excel === "undefined") return;
  try {
    await Office.onReady();
    const culture = await Excel.run((context) => readCulture(context));
    onSeparator(culture?.decimalSeparator);
  } catch {
    onSeparator(undefined);
  }
}
