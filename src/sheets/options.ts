/**
 * Options every layout takes. `live` is true when the sheet goes into Excel with KAP loaded
 * (the order-derived inputs become one spilled KAP.METRICS, `liveOrders`); files written for
 * people without the add-in get the same numbers as values. The factor scores and the score are
 * plain Excel formulas either way.
 */
import {
  minorUnitDigits,
  moneyLabel,
  type MoneyLabel,
  type SymbolPlacement,
} from "../domain/currency";
import { dateCellFormat, dateText } from "../domain/dateText";
import type { Serial } from "../domain/types";
import type { OpportunityKind } from "../domain/analysis/opportunities";
import type { ProductLineGap } from "../domain/analysis/types";
import type { LiveOrderSource } from "./liveInputs";
import { type Block, type CellValue, type ColumnSpec, moneyFormat } from "./spec";

export interface LayoutOptions {
  /** KAP functions available where the sheet is opened. */
  live: boolean;
  /** Number format of money cells: the source revenue column's own format, or a currency code/symbol. */
  money: string;
  asOf: Serial;
  /**
   * The first recommended item of an account's ranked opportunity list (by account key), where the
   * engine can work it out: the dashboard's next step for a focus account with no win-back stage.
   */
  topOpportunity?: (key: string) => TopOpportunity | undefined;
  /** false when the order lines have no product column: product counts are n/a, not a count of one placeholder */
  hasProducts?: boolean;
  /** false when the order lines have no category column and there is no catalog: category counts are n/a */
  hasCategories?: boolean;
  /**
   * The order lines in this workbook, with live: the Account Health sheet's order-derived inputs
   * become one spilled KAP.METRICS over them (./liveInputs). Absent: those inputs are values.
   */
  liveOrders?: LiveOrderSource;
  /**
   * The data's last order date, when the as-of date is set more than 31 days after it (the
   * analysis warns, RULES.md §2): the QBR's cover says its figures stop there.
   */
  dataEndsEarly?: Serial;
  /**
   * The day a QBR workbook is made (the engine's clock unless given): its cover says "Prepared" that
   * day and "data to" the as-of date, two different days. Absent: the cover names no prepared day.
   */
  preparedOn?: Serial;
  /**
   * The culture dates are written in ("en-US" → 10/31/2026 and m/d/yyyy cells, "de-DE" →
   * 31.10.2026): the workbook's, `kap --culture`'s, else en-US for order lines read month-first.
   * Absent: en-GB, dd/mm/yyyy (src/domain/dateText.ts).
   */
  culture?: string;
  /**
   * The culture the figures in the sheets' text follow ("Value 1.235 €", "53 %" in de-DE): the
   * workbook's or `kap --culture`'s only, never guessed from the dates. Absent: en-GB, as always.
   */
  numberCulture?: string;
  /** with numberCulture or moneyPlacement: the ISO code of money with no currency of its own (the analysis' default: "EUR") */
  textCurrency?: string;
  /**
   * Where the source's money format writes its currency after the figure ("#,##0.00 [$€-407]"):
   * money in the sheets' text is placed so too ("2,111.05 €"), as the cells beside it show it.
   */
  moneyPlacement?: SymbolPlacement;
  /**
   * The order lines have amounts below the whole unit (£100.50): money cells show the currency's
   * minor unit, so a table's rows add up to its total (£601.50, not rows of £301 + £201 + £101 and
   * a total of £602). Absent: whole units, unless the source column's own format shows decimals.
   */
  fractionalMoney?: boolean;
  /**
   * The shared symbol money on lines naming no currency code is shown with beside lines that
   * name one ("$100.00" beside "€80.00": "$"): figures of such money carry it, as the tables'
   * do. Absent: such money is a bare figure, its headline saying "(no currency)".
   */
  unnamedSymbol?: string;
  /** ISO codes shown by their code ("USD 80") beside money written with their bare symbol ("$") */
  codedCurrencies?: readonly string[];
}

/** What the dashboard says of an account's top opportunity (src/domain/analysis/opportunities.ts). */
export interface TopOpportunity {
  offer: string;
  /** a product-line gap's ("range") offer names its missing variants, as the QBR does (offerToCustomer) */
  kind?: OpportunityKind;
  lineGap?: ProductLineGap | null;
  rank: number;
  priority: "High" | "Medium" | "Low";
  /** a year, in the account's currency; null when nothing estimates it */
  annualEstimate: number | null;
}

/** `sourceMoneyFormat`: the source revenue column's Excel number format; `currency`: an ISO code, which wins. */
export function layoutOptions(o: {
  live?: boolean;
  sourceMoneyFormat?: string;
  currency?: string;
  asOf: Serial;
  hasProducts?: boolean;
  hasCategories?: boolean;
  culture?: string;
  numberCulture?: string;
  moneyPlacement?: SymbolPlacement;
  textCurrency?: string;
  fractionalMoney?: boolean;
  unnamedSymbol?: string;
  codedCurrencies?: readonly string[];
}): LayoutOptions {
  // A known currency code wins: in multi-currency data the column's one format fits only some rows.
  const fractionalMoney = o.fractionalMoney === true;
  return {
    live: o.live ?? false,
    money: moneyFormat(
      o.currency || o.sourceMoneyFormat || undefined,
      moneyDecimals({ fractionalMoney }, o.currency),
      o.numberCulture
    ),
    asOf: o.asOf,
    ...(fractionalMoney ? { fractionalMoney } : {}),
    ...(o.hasProducts === false ? { hasProducts: false } : {}),
    ...(o.hasCategories === false ? { hasCategories: false } : {}),
    ...(o.culture ? { culture: o.culture } : {}),
    ...(o.unnamedSymbol ? { unnamedSymbol: o.unnamedSymbol } : {}),
    ...(o.codedCurrencies?.length ? { codedCurrencies: o.codedCurrencies } : {}),
    ...(o.numberCulture ? { numberCulture: o.numberCulture } : {}),
    ...(o.moneyPlacement ? { moneyPlacement: o.moneyPlacement } : {}),
    ...(o.numberCulture || o.moneyPlacement ? { textCurrency: o.textCurrency ?? "GBP" } : {}),
  };
}

/**
 * The label of money in a sheet's text: the culture's way when one is set, placed as the source
 * format places its currency when it writes it after the figure ("2,111.05 €"); undefined: as
 * the money format's own leading symbol (estimateBasis' money2).
 */
export function textMoneyLabel(opts: LayoutOptions, currency: string): MoneyLabel | undefined {
  if (!opts.numberCulture && !opts.moneyPlacement) return undefined;
  return moneyLabel(currency || opts.textCurrency, opts.numberCulture, opts.moneyPlacement);
}

/** Money format for one currency of a multi-currency portfolio (codes never mix in one column). */
export function moneyFor(opts: LayoutOptions, currency: string): string {
  if (!currency) return opts.money;
  // beside money written with its bare symbol ("$"), the code ("USD 80"), never the symbol
  const source = opts.codedCurrencies?.includes(currency) ? `"${currency} "#,##0` : currency;
  return moneyFormat(source, moneyDecimals(opts, currency), opts.numberCulture);
}

/** Decimals of money cells: the currency's minor unit (2 for GBP, 0 for JPY) when amounts have one, else none. */
function moneyDecimals(o: { fractionalMoney?: boolean }, currency: string | undefined): number {
  return o.fractionalMoney ? minorUnitDigits(currency) : 0;
}

/**
 * The money format of a portfolio table's column: the one currency's where the workbook has one
 * (a PLN-only file prints "PLN", not the default £), else the layout's (rows then carry their own,
 * withRowMoney).
 */
export function portfolioMoney(opts: LayoutOptions, currencies: readonly string[]): string {
  return moneyFor(opts, currencies.length === 1 ? currencies[0] : "");
}

/**
 * A table block (header row first) whose rows can be in different currencies: each body row's
 * money cells (columns `moneyCols` of the block) take the format of that row's currency,
 * `currencies[k]` for body row k; rows past the list (a placeholder row) keep the columns'.
 */
export function withRowMoney(
  b: Block,
  opts: LayoutOptions,
  currencies: readonly string[],
  moneyCols: readonly number[]
): Block {
  const width = b.rows[0]?.length ?? 0;
  const cellFormats = b.rows.map((_, i) => {
    if (i === 0 || i > currencies.length) return [];
    const f = moneyFor(opts, currencies[i - 1]);
    return Array.from({ length: width }, (_, j) => (moneyCols.includes(j) ? f : undefined));
  });
  return { ...b, cellFormats };
}

/** The indexes of the columns formatted as `money`. */
export function moneyColumns(columns: readonly ColumnSpec[], money: string): number[] {
  return columns.flatMap((c, j) => (c.format === money ? [j] : []));
}

/**
 * A date in a label, as the culture writes it ("31/10/2026", en-US "10/31/2026"): every label
 * of every sheet goes through here. The culture is the layout's (`opts.culture`); undefined = en-GB.
 */
export function asOfText(asOf: Serial, culture: string | undefined): string {
  return dateText(asOf, culture);
}

/** The label of a 12-month figure: "12 months to 30/09/2026". */
export function twelveMonthsTo(end: Serial, culture: string | undefined): string {
  return `12 months to ${asOfText(end, culture)}`;
}

/** The number format of the layout's date cells: "dd/mm/yyyy", en-US "m/d/yyyy", de-DE "dd.mm.yyyy". */
export function dateFormatOf(opts: Pick<LayoutOptions, "culture">): string {
  return dateCellFormat(opts.culture);
}

/** Sheet names start with "KAP " so a person sees at once which sheets the add-in made. */
export function kapName(what: string, subject?: string): string {
  return subject ? `KAP ${what} – ${subject}` : `KAP ${what}`;
}

/** Label | value rows from `row` (1-based) down, each value with its own number format. */
export function labelledRows(
  row: number,
  pairs: readonly (readonly [string, CellValue, string?])[],
  col = "A",
  valueCol = "B"
): Block[] {
  return pairs.flatMap(([label, value, format], k) => [
    { at: `${col}${row + k}`, rows: [[label]], style: "label" as const },
    { at: `${valueCol}${row + k}`, rows: [[value]], formats: [format] },
  ]);
}
