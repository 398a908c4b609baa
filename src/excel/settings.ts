/**
 * KAP's remembered choices (column mapping, weights, as-of...) saved in the workbook.
 *
 * Stored in `workbook.settings` (Excel.SettingCollection, ExcelApi 1.4) rather than
 * Office.context.document.settings or a custom XML part: it lives inside Excel.run, so it
 * shares the batch/sync model (and the test double) with every other read and write, needs
 * no separate saveAsync, is saved with the workbook and scoped to the add-in. Custom XML
 * parts would mean hand-written XML for plain JSON. The value is stored as a JSON string so
 * what comes back is exactly what went in (the host would otherwise turn ISO date strings
 * into Date objects).
 */
const PREFIX = "kap.";

export async function saveSetting(
  context: Excel.RequestContext,
  key: string,
  value: unknown
): Promise<void> {
  context.workbook.settings.add(PREFIX + key, JSON.stringify(value));
  await context.sync();
}

export async function loadSetting<T>(
  context: Excel.RequestContext,
  key: string,
  isT?: (v: unknown) => v is T
): Promise<T | undefined> {
  const item = context.workbook.settings.getItemOrNullObject(PREFIX + key);
  item.load("value");
  await context.sync();
  if (item.isNullObject || typeof item.value !== "string") return undefined;
  try {
    const parsed: unknown = JSON.parse(item.value);
    if (isT && !isT(parsed)) return undefined;
    return parsed as T;
  } catch {
    return undefined;
  }
}
