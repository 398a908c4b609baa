/**
 * Values no order line has, whoever reads the lines (the ingest, KAP.METRICS and
 * KAP.ACCOUNTHEALTH): a code, an id or a barcode in the amount or quantity column, or Excel's
 * 9.99E+307. Summed with the rest they swamp it (an account's other lines lost, the CLV fit
 * overflowing), so such a line is left out and said (RULES.md §1.2).
 */

/** A line value at or beyond this is no sale: 10 trillion in any currency. */
export const MAX_LINE_VALUE = 1e13;
/** A line quantity at or beyond this is no sale either: 10 trillion units. */
export const MAX_QUANTITY = 1e13;
