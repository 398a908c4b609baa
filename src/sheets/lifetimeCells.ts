/**
 * Lifetime value on the generated sheets (RULES.md §2.7a): the fitted parameters written to the
 * Account Health sheet (one row per currency, beside the weights) so the P(alive), expected
 * 12-month revenue and CLV columns stay live as =KAP.PALIVE / =KAP.CLV formulas over the row's
 * frequency, recency, age and mean value; and the dashboard's value × health view and silent-churn
 * list. Files for people without the add-in get the same numbers as values.
 */
import {
  CLV_DEFAULT_DISCOUNT_RATE,
  CLV_DEFAULT_HORIZON_MONTHS,
} from "../domain/analysis/clvBasics";
import type {
  AccountAnalysis,
  CurrencyLifetimeModel,
  Dashboard,
  PortfolioAnalysis,
} from "../domain/analysis/types";
// from clvBasics, not clv or lifetime: the worksheet functions' bundle reaches this file (test/functions/bundleReach)
import { findsNoDropout, SILENT_CHURN_P_ALIVE } from "../domain/analysis/clvBasics";
import { isScientificParameter, percentText, wholeText } from "../domain/numberText";
import { charsFor } from "./measure";
import { type LayoutOptions, moneyColumns, portfolioMoney, withRowMoney } from "./options";
import {
  type Block,
  type CellStyle,
  type CellValue,
  type ColumnSpec,
  FORMATS,
  formula,
  PALETTE,
  type RangeStyle,
  table,
} from "./spec";

/**
 * A row whose P(alive), expected revenue and CLV come from a fit that is not reliable says so in a
 * "Lifetime fit" column beside them, and the figures are muted as the notes are: a number KAP is
 * not sure of is flagged where it is read, not only in a note at the top of the sheet.
 */
export const FIT_HEADER = "Lifetime fit";
export const NOT_RELIABLE_MARK = "not reliable";
export const NOT_RELIABLE_STYLE: CellStyle = { italic: true, fontColor: PALETTE.note };

/** Whether an account shows a lifetime figure (P(alive), expected revenue, CLV) from a fit that is not reliable. */
export function flaggedLifetime(a: AccountAnalysis): boolean {
  const l = a.lifetime;
  return (
    !!l && !l.reliable && (l.pAlive !== null || l.expectedRevenue12m !== null || l.clv !== null)
  );
}

/** Whether some account's figures are flagged: the health sheet then carries the Lifetime fit column. */
export function someLifetimeFlagged(p: PortfolioAnalysis): boolean {
  return p.accounts.some(flaggedLifetime);
}

/**
 * The muted style over columns `from`–`to` of the rows flagged in `flags` (body row k on Excel row
 * `firstRow` + k), one range per run of neighbouring rows: a portfolio of one unreliable fit is
 * one command, not one per account.
 */
export function notReliableStyles(
  flags: readonly boolean[],
  firstRow: number,
  from: string,
  to: string
): RangeStyle[] {
  const out: RangeStyle[] = [];
  for (let k = 0; k < flags.length; k++) {
    if (!flags[k]) continue;
    let end = k;
    while (end + 1 < flags.length && flags[end + 1]) end++;
    out.push({
      range: `${from}${firstRow + k}:${to}${firstRow + end}`,
      style: NOT_RELIABLE_STYLE,
    });
    k = end;
  }
  return out;
}

/** Where the parameters go on the Account Health sheet: labels on row 3, one currency per row from row 4 (rows 4–5: the table starts on row 7). */
const PARAMS_LABEL_ROW = 3;
const PARAMS_FIRST_ROW = 4;
const PARAMS_ROWS = 2;
/**
 * Where the block starts on the Account Health sheet: over the lifetime figures (P(alive),
 * expected revenue, CLV) the parameters make — the label, then r, α, a, b (BG/NBD), p, q, γ
 * (Gamma-Gamma), the CLV months and the discount rate a year. Those columns are for the screen,
 * right of the printed view, so the block is never cut by the print area's edge.
 */
export interface ParamsAt {
  /** the label's column ("Lifetime model", "Fitted"); the parameters follow it */
  col: string;
}
/** The columns of r … γ, the CLV months and the rate, as absolute references' letters. */
function paramColumns(at: ParamsAt): { first: string; last: string; months: string; rate: string } {
  const [first, last, months, rate] = [1, 7, 8, 9].map((k) => colAt(at.col, k));
  return { first, last, months, rate };
}
const PARAM_HEADERS = ["r", "α", "a", "b", "p", "q", "γ"];

/** currency → its parameters row on the health sheet (only currencies whose model has both fits, and only the first PARAMS_ROWS). */
function paramRows(p: PortfolioAnalysis): Map<string, number> {
  const rows = new Map<string, number>();
  p.lifetimeModels
    .filter((m) => m.bgnbd && m.gammaGamma)
    .slice(0, PARAMS_ROWS)
    .forEach((m, k) => rows.set(m.currency, PARAMS_FIRST_ROW + k));
  return rows;
}

function modelRow(m: CurrencyLifetimeModel, multi: boolean): CellValue[] {
  const bg = m.bgnbd!;
  const gg = m.gammaGamma!;
  return [
    multi ? m.currency || "(no currency)" : "Fitted",
    bg.r,
    bg.alpha,
    bg.a,
    bg.b,
    gg.p,
    gg.q,
    gg.gamma,
    m.horizonMonths,
    m.discountRate,
  ];
}

/** The parameter block (rows 3–5 from `at.col`) and, on A5, what the user must know about the fit (not reliable, not fitted). */
export function lifetimeModelBlocks(p: PortfolioAnalysis, at: ParamsAt): Block[] {
  const rows = paramRows(p);
  const multi = p.lifetimeModels.length > 1;
  const blocks: Block[] = [];
  if (rows.size) {
    // at the foot of its row, over the figures (the note beside it makes the row tall); each
    // label right-aligned, over its right-aligned figure
    blocks.push(
      {
        at: `${at.col}${PARAMS_LABEL_ROW}`,
        rows: [["Lifetime model"]],
        style: { bold: true, vAlign: "bottom" },
      },
      {
        at: `${colAt(at.col, 1)}${PARAMS_LABEL_ROW}`,
        rows: [[...PARAM_HEADERS, "Months", "Disc. / yr"]],
        style: { bold: true, vAlign: "bottom", hAlign: "right" },
      }
    );
    for (const m of p.lifetimeModels) {
      const r = rows.get(m.currency);
      if (r === undefined) continue;
      const row = modelRow(m, multi);
      blocks.push({
        at: `${at.col}${r}`,
        rows: [row],
        // 4 decimals, or scientific past 99,999.9999 (b = 67,370,350 reads 6.737E+07): the
        // cell keeps the fitted value whole, which the KAP.PALIVE and KAP.CLV formulas read
        formats: [
          undefined,
          ...row
            .slice(1, 1 + PARAM_HEADERS.length)
            .map((x) =>
              typeof x === "number" && isScientificParameter(x) ? "0.000E+00" : "0.0000"
            ),
          FORMATS.integer,
          FORMATS.percent1,
        ],
      });
    }
  }
  const notes = p.lifetimeModels
    .filter((m) => m.warning)
    .map((m) => `${multi ? `${m.currency || "No currency"}: ` : ""}${m.warning}`);
  if (notes.length)
    blocks.push({
      at: "A5",
      rows: [
        [
          `Lifetime value: ${notes.join(" ")}${someLifetimeFlagged(p) ? ` Figures from ${multi ? "such a fit" : "this fit"} are in grey, "${NOT_RELIABLE_MARK}" under ${FIT_HEADER}.` : ""}`,
        ],
      ],
      style: "note",
    });
  return blocks;
}

/** The health table's lifetime columns, after its own; the CLV header's rate in `culture`'s way ("10 %" in de-DE). */
export function lifetimeColumns(
  p: PortfolioAnalysis,
  money: string,
  culture?: string
): ColumnSpec[] {
  const months = p.lifetimeModels[0]?.horizonMonths ?? CLV_DEFAULT_HORIZON_MONTHS;
  const rate = p.lifetimeModels[0]?.discountRate ?? CLV_DEFAULT_DISCOUNT_RATE;
  return [
    { header: "Repeat orders (x)", format: FORMATS.integer },
    { header: "Weeks first to last order (t_x)", format: FORMATS.decimal2 },
    { header: "Weeks since first order (T)", format: FORMATS.decimal2 },
    { header: "Mean repeat order", format: money },
    { header: "P(alive)", format: FORMATS.percent },
    { header: "Expected revenue 12m", format: money },
    {
      header: `CLV (${months} months, ${percentText(Number((rate * 100).toFixed(2)), culture)} a year)`,
      format: money,
    },
  ];
}

/** P(alive) of an account with no repeat order (the model gives 100% there by construction). */
export const ONE_ORDER_ONLY = "one order only";

/**
 * The most a P(alive) column is widened to: "one order only" on one line (13.5 characters of
 * Calibri 11 with the cell's padding). finishForPrint narrows a column to its content, so a
 * sheet with no one-order account keeps its narrow column of percentages.
 */
export const P_ALIVE_WIDTH = Math.ceil((charsFor(ONE_ORDER_ONLY) + 0.75) * 4) / 4;

/**
 * One account's lifetime cells, the first of them in column `firstCol` on Excel row `excelRow`:
 * x, t_x, T, mean value, then P(alive), expected 12-month revenue and CLV — live formulas over
 * the first four when the sheet is live and its currency's parameters are on the sheet.
 */
export function lifetimeCells(
  a: AccountAnalysis,
  p: PortfolioAnalysis,
  excelRow: number,
  firstCol: string,
  opts: LayoutOptions,
  at: ParamsAt,
  rows = paramRows(p)
): CellValue[] {
  const l = a.lifetime;
  if (!l) return ["", "", "", "", "", "", ""];
  const paramsRow = rows.get(a.currency);
  const base = [l.frequency, l.recency, l.T, l.meanValue ?? ""];
  if (opts.live && paramsRow !== undefined) {
    const c = (k: number) => `${colAt(firstCol, k)}${excelRow}`;
    const k = paramColumns(at);
    const params = `$${k.first}$${paramsRow}:$${k.last}$${paramsRow}`;
    const args = `${c(0)},${c(1)},${c(2)},${c(3)},${params}`;
    return [
      ...base,
      // its text as the function gives it, so the printed column is measured to hold it
      l.frequency === 0
        ? formula(`KAP.PALIVE(${c(0)},${c(1)},${c(2)},${params})`, ONE_ORDER_ONLY)
        : formula(`KAP.PALIVE(${c(0)},${c(1)},${c(2)},${params})`),
      formula(`KAP.CLV(${args},12,0)`),
      formula(`KAP.CLV(${args},$${k.months}$${paramsRow},$${k.rate}$${paramsRow})`),
    ];
  }
  return [
    ...base,
    l.frequency === 0 ? ONE_ORDER_ONLY : (l.pAlive ?? ""),
    l.expectedRevenue12m ?? "",
    l.clv ?? "",
  ];
}

/** The parameters' rows for lifetimeCells, worked out once per sheet. */
export function lifetimeParamRows(p: PortfolioAnalysis): Map<string, number> {
  return paramRows(p);
}

function colAt(first: string, offset: number): string {
  let n = 0;
  for (const ch of first) n = n * 26 + (ch.charCodeAt(0) - 64);
  n += offset;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Why no account is listed under silent churn. With a fit that finds almost no dropping out, P(alive)
 * never falls below the table's cut, so an empty table says nothing about lost accounts.
 */
function noSilentChurnText(p: PortfolioAnalysis): string {
  if (p.lifetimeModels.some((m) => findsNoDropout(m.bgnbd)))
    return "P(alive) cannot show lost accounts here: the fit finds almost no dropping out (see the note on the Account Health sheet). The alerts and win-back stages show who has stopped ordering.";
  const unreliable = unreliableFits(p);
  if (unreliable.length && unreliable.length === p.lifetimeModels.length)
    return `P(alive) cannot show lost accounts here: ${NOT_RELIABLE}`;
  const all = "No high-revenue account looks lost without an alert.";
  return unreliable.length ? `${all} ${notListedText(unreliable)}` : all;
}

const NOT_RELIABLE =
  "the lifetime fit is not reliable (see the note on the Account Health sheet). The alerts and win-back stages show who has stopped ordering.";

/** The currencies whose lifetime fit is not reliable: silentChurnList leaves their accounts out. */
function unreliableFits(p: PortfolioAnalysis): string[] {
  return p.lifetimeModels.filter((m) => !m.reliable).map((m) => m.currency || "no currency");
}

/** Beside accounts of reliable fits: which currencies' accounts are not listed, and why. */
function notListedText(currencies: readonly string[]): string {
  return `Not listed: accounts in ${currencies.join(", ")}, as ${NOT_RELIABLE}`;
}

/**
 * The dashboard's lifetime section from Excel row `row`: a heading with the fit's reliability, the
 * value × health table and the silent-churn table. Returns the blocks and the next free row.
 */
export function dashboardLifetimeBlocks(
  p: PortfolioAnalysis,
  d: Dashboard,
  opts: LayoutOptions,
  row: number,
  nextStepOf: (key: string) => string
): { blocks: Block[]; styles: RangeStyle[]; next: number } {
  const blocks: Block[] = [];
  // each table's Next step in the dashboard's wide text column E, wrapped
  const styles: RangeStyle[] = [];
  let r = row;
  const money = portfolioMoney(opts, p.currencies);
  blocks.push({
    at: `A${r - 1}`,
    rows: [["Worth most, least healthy: the accounts to protect"]],
    style: "label",
  });
  const models = p.lifetimeModels.map(
    (m) =>
      `${m.currency ? `${m.currency}: ` : ""}${wholeText(m.accounts, opts.numberCulture)} accounts, ${wholeText(m.repeatBuyers, opts.numberCulture)} repeat buyers${m.reliable ? "" : ", not reliable (see the note on the Account Health sheet)"}`
  );
  blocks.push({
    at: `A${r}`,
    rows: [
      [`CLV and P(alive): BG/NBD + Gamma-Gamma fitted to ${models.join("; ") || "no orders"}.`],
    ],
    style: "note",
  });
  r++;
  const vhRows: CellValue[][] = d.valueHealth.map((v) => [
    v.accountId,
    v.name,
    v.valueTier,
    v.clv,
    nextStepOf(v.key),
    v.expectedRevenue12m ?? "",
    v.pAlive === null ? ONE_ORDER_ONLY : v.pAlive,
    v.score ?? "n/a",
    v.band ?? "",
  ]);
  const vhColumns: ColumnSpec[] = [
    { header: "Account ID" },
    { header: "Account" },
    { header: "Value (CLV third)" },
    { header: "CLV", format: money },
    { header: "Next step" },
    { header: "Expected revenue 12m", format: money },
    { header: "P(alive)", format: FORMATS.percent },
    { header: "Score", format: FORMATS.score },
    { header: "Status" },
  ];
  // as on the Account Health sheet: rows from a fit that is not reliable say so, their figures muted
  const vhFlags = d.valueHealth.map((v) => !v.reliable);
  if (vhFlags.some(Boolean)) {
    vhColumns.push({ header: FIT_HEADER });
    vhRows.forEach((row, k) => row.push(vhFlags[k] ? NOT_RELIABLE_MARK : ""));
    for (const [from, to] of [
      ["D", "D"],
      ["F", "G"],
      ["J", "J"],
    ])
      styles.push(...notReliableStyles(vhFlags, r + 1, from, to));
  }
  blocks.push(
    // each account's CLV and expected revenue in its own currency
    withRowMoney(
      table(
        `A${r}`,
        "KAP_Dashboard_ValueHealth",
        vhColumns,
        vhRows.length
          ? vhRows
          : [
              vhColumns.map((_, j) =>
                j === 1 ? "No account has a lifetime value yet (see the note above)." : ""
              ),
            ]
      ),
      opts,
      d.valueHealth.map((v) => v.currency),
      moneyColumns(vhColumns, money)
    )
  );
  if (vhRows.length)
    styles.push({ range: `E${r + 1}:E${r + vhRows.length}`, style: { wrap: true } });
  r += Math.max(1, vhRows.length) + 3;

  blocks.push({
    at: `A${r - 1}`,
    rows: [
      [
        `Silent churn: high past revenue, P(alive) below ${percentText(SILENT_CHURN_P_ALIVE * 100, opts.numberCulture)}, no alert yet`,
      ],
    ],
    style: "label",
  });
  const scRows: CellValue[][] = d.silentChurn.map((s) => [
    s.accountId,
    s.name,
    s.revenuePast24m,
    s.pAlive,
    nextStepOf(s.key),
    s.daysSinceLastOrder ?? "never",
    s.expectedRevenue12m ?? "",
    s.clv ?? "",
  ]);
  const scColumns: ColumnSpec[] = [
    { header: "Account ID" },
    { header: "Account" },
    { header: "Revenue 24m", format: money },
    { header: "P(alive)", format: FORMATS.percent },
    { header: "Next step" },
    { header: "Days since order", format: FORMATS.integer },
    { header: "Expected revenue 12m", format: money },
    { header: "CLV", format: money },
  ];
  if (!scRows.length) {
    // No account to list: the reason reads as a note under the heading, across the page (in
    // the table's Account cell it wrapped to six lines), and no empty table header is printed.
    blocks.push({ at: `A${r}`, rows: [[noSilentChurnText(p)]], style: "note" });
    return { blocks, styles, next: r + 3 };
  }
  blocks.push(
    withRowMoney(
      table(`A${r}`, "KAP_Dashboard_SilentChurn", scColumns, scRows),
      opts,
      d.silentChurn.map((s) => s.currency),
      moneyColumns(scColumns, money)
    )
  );
  styles.push({ range: `E${r + 1}:E${r + scRows.length}`, style: { wrap: true } });
  r += scRows.length + 1;
  // a currency whose fit is not reliable has no rows above: said under the table
  const unreliable = unreliableFits(p);
  if (unreliable.length) {
    blocks.push({ at: `A${r}`, rows: [[notListedText(unreliable)]], style: "note" });
    r++;
  }
  r += 2;
  return { blocks, styles, next: r };
}
