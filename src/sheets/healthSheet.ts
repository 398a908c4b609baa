/**
 * Account Health: one row per account, live and explainable in any spreadsheet program.
 *
 * The six factor inputs are values (edit engagement or payment, or any input) and each factor
 * score, the total and the band are native Excel formulas over them and the weights row above
 * the factor columns — no add-in needed (RULES.md §2.10):
 * - factor score: LOOKUP of the input (rounded as RULES.md §2.1 says) in the factor's bands,
 *   text inputs spelled out ("never" → 1, "lapsed" → 5, "none" → 1, "new" → n/a), blank → n/a;
 * - score: ROUND(SUMPRODUCT(scores, weights) / SUMPRODUCT(ISNUMBER(scores) × weights), 2), so
 *   n/a factors are left out and the remaining weights are scaled up to 100%;
 * - band: from the rounded score (a hand-set override is written as text and wins).
 * The printed view is the first columns (who, score, band, trend, revenue, alerts, win-back
 * stage); the lifetime columns (./lifetimeCells: P(alive), expected 12-month revenue, CLV as live
 * formulas over the fitted parameters written above them when KAP is loaded, values otherwise),
 * the inputs, factor scores and the rest sit to the right of the print area.
 */
import { factorSourceText } from "../domain/analysis/basis";
import type { AccountAnalysis, HealthInputs, PortfolioAnalysis } from "../domain/analysis/types";
import type { Change } from "../domain/numbers";
import { percentText } from "../domain/numberText";
import {
  BANDS,
  CHANGE_TEXT,
  DIVERSITY_STEPS,
  FACTORS,
  FACTOR_LABELS,
  FREQUENCY_STEPS,
  NO_CATEGORIES_TEXT,
  ONE_PRODUCT_TEXT,
  PAYMENT_STEPS,
  RECENCY_STEPS,
  REVENUE_STEPS,
  type Factor,
} from "../domain/rules";
import {
  FIT_HEADER,
  flaggedLifetime,
  lifetimeCells,
  lifetimeColumns,
  lifetimeModelBlocks,
  lifetimeParamRows,
  NOT_RELIABLE_MARK,
  notReliableStyles,
  P_ALIVE_WIDTH,
} from "./lifetimeCells";
import { metricsFormula, sourceText, spillCellFormula } from "./liveInputs";
import {
  asOfText,
  kapName,
  type LayoutOptions,
  moneyColumns,
  portfolioMoney,
  withRowMoney,
} from "./options";
import {
  type Block,
  type CellValue,
  cellA1,
  colLetter,
  type ColumnSpec,
  type ConditionalFormat,
  FORMATS,
  formula,
  PALETTE,
  sheet,
  type SheetSpec,
  table,
  textSparkline,
  title,
  cell,
} from "./spec";

const HEADER_ROW = 6; // 0-based row of the table header (row 7 in Excel); the weights sit on row 6

export function changeCell(c: Change): CellValue {
  return c.kind === "pct" ? c.pct / 100 : CHANGE_TEXT[c.kind];
}

/**
 * Categories (12m) as KAP.HEALTH reads it: "n/a" when the data has no categories (Diversity left
 * out), "1 (one product)" for one category bought as one product (Diversity 1), else the count.
 */
export function categoriesCell(i: HealthInputs): CellValue {
  if (i.categoriesLast12 === null) return NO_CATEGORIES_TEXT;
  return i.categoriesLast12 === 1 && i.productsLast12 !== null && i.productsLast12 <= 1
    ? ONE_PRODUCT_TEXT
    : i.categoriesLast12;
}

/** The columns KAP.METRICS spills, in order. */
export const METRIC_HEADERS = [
  "Days since last order",
  "Orders last 3m",
  "Orders prior 3m",
  "Orders change (3m)",
  "Revenue 12m",
  "Revenue prior 12m",
  "Revenue change (12m)",
  "Categories (12m)",
  "Products (12m)",
] as const;

/** One account's health inputs as KAP.METRICS writes them (the same cells this sheet writes, so KAP.HEALTH reads either). */
export function metricCells(i: HealthInputs): (string | number)[] {
  return [
    i.daysSinceLastOrder ?? "never",
    i.ordersLastQuarter,
    i.ordersPreviousQuarter,
    changeCell(i.ordersChange) as string | number,
    i.revenueLast12,
    i.revenuePrior12,
    changeCell(i.revenueChange) as string | number,
    categoriesCell(i) as string | number,
    i.productsLast12 ?? "",
  ];
}

const TREND = { up: "▲", down: "▼", flat: "►" } as const;

/** An Excel array constant: {1,2,3}. */
const arr = (xs: readonly (number | string)[]) =>
  `{${xs.map((x) => (typeof x === "string" ? `"${x}"` : String(x))).join(",")}}`;
// below any input (LibreOffice does not read exponents in inline arrays)
const LOW = -999999999;

/**
 * The factor-score formula for one input cell, from the band tables in rules.ts (so the sheet and
 * the engine cannot disagree). LOOKUP finds the last threshold ≤ the value.
 */
export function factorFormula(f: Factor, ref: string): string {
  switch (f) {
    case "recency": {
      // whole days: 0–7 → 5 … 61+ → 1; "never" → 1
      const mins = RECENCY_STEPS.map((s, i) => (i === 0 ? 0 : RECENCY_STEPS[i - 1].max + 1));
      return `IF(ISNUMBER(${ref}),LOOKUP(MAX(0,ROUND(${ref},0)),${arr(mins)},${arr(RECENCY_STEPS.map((s) => s.score))}),IF(${ref}="never",1,""))`;
    }
    case "frequency":
    case "revenue": {
      const steps = [...(f === "frequency" ? FREQUENCY_STEPS : REVENUE_STEPS)].reverse();
      // % change as a fraction, scored on the whole percent (rounded half away from zero, as ROUND does)
      return `IF(ISNUMBER(${ref}),LOOKUP(ROUND(${ref}*100,0),${arr(steps.map((s) => (Number.isFinite(s.min) ? s.min : LOW)))},${arr(steps.map((s) => s.score))}),IF(${ref}="${CHANGE_TEXT.inf}",5,IF(${ref}="${CHANGE_TEXT.none}",1,"")))`;
    }
    case "diversity": {
      const steps = [...DIVERSITY_STEPS].reverse();
      return `IF(ISNUMBER(${ref}),LOOKUP(MAX(0,INT(${ref})),${arr(steps.map((s) => (Number.isFinite(s.min) ? s.min : 0)))},${arr(steps.map((s) => s.score))}),IF(${ref}="${ONE_PRODUCT_TEXT}",1,""))`;
    }
    case "engagement":
      return `IF(ISNUMBER(${ref}),MAX(1,MIN(5,ROUND(${ref},0))),"")`;
    case "payment": {
      const mins = PAYMENT_STEPS.map((s, i) => (i === 0 ? LOW : PAYMENT_STEPS[i - 1].max + 1));
      return `IF(ISNUMBER(${ref}),LOOKUP(ROUND(${ref},0),${arr(mins)},${arr(PAYMENT_STEPS.map((s) => s.score))}),"")`;
    }
  }
}

/** The band of a (rounded) score cell: ≥ 4 Healthy, ≥ 3 Stable, ≥ 2 At Risk, else Critical. */
export function bandFormula(scoreRef: string): string {
  const asc = [...BANDS].reverse();
  return `IF(ISNUMBER(${scoreRef}),LOOKUP(${scoreRef},${arr(asc.map((b) => (Number.isFinite(b.min) ? b.min : LOW)))},${arr(asc.map((b) => b.band))}),"")`;
}

/** The health table's input columns that read KAP.METRICS's spill when the sheet is live (their headers are METRIC_HEADERS'). */
export const LIVE_INPUTS = [
  "Days since last order",
  "Orders change (3m)",
  "Revenue change (12m)",
  "Categories (12m)",
  "Revenue 12m",
  "Revenue prior 12m",
] as const;

/**
 * The live block beside the table: a one-line note above, METRIC_HEADERS on the header row, and
 * the KAP.METRICS anchor on the first data row with the spill area below it formatted (written
 * blank: an empty string clears a cell, so nothing blocks the spill).
 */
function liveBlocks(
  col: number,
  call: ReturnType<typeof formula>,
  rows: number,
  money: string,
  note: string
): Block[] {
  const L = colLetter(col);
  const formats = [
    FORMATS.integer,
    FORMATS.integer,
    FORMATS.integer,
    FORMATS.signedPercent,
    money,
    money,
    FORMATS.signedPercent,
    FORMATS.integer,
    FORMATS.integer,
  ];
  return [
    cell(`A4`, note, "note"),
    cell(`${L}${HEADER_ROW}`, "Live inputs: =KAP.METRICS(…) over the order lines ↓", "label"),
    { at: `${L}${HEADER_ROW + 1}`, rows: [[...METRIC_HEADERS]], style: "header" },
    {
      at: `${L}${HEADER_ROW + 2}`,
      rows: Array.from({ length: rows }, (_, i) => [
        i === 0 ? call : null,
        ...formats.slice(1).map(() => null),
      ]),
      formats,
    },
  ];
}

/** The last column of the printed view (see the page setup in healthSheet). */
export const PRINTED_LAST = "Win-back stage";

/** lifetimeColumns' first four (x, t_x, T, mean order) are the model's inputs; the last three its figures. */
const LIFETIME_INPUTS = 4;

interface Col extends ColumnSpec {
  width: number;
  value: (a: AccountAnalysis, r: number) => CellValue;
}

export function healthSheet(p: PortfolioAnalysis, opts: LayoutOptions): SheetSpec {
  const accounts = [...p.accounts].sort(
    (a, b) => (a.health.score ?? -1) - (b.health.score ?? -1) || b.revenueLast12 - a.revenueLast12
  );
  const multiCurrency = p.currencies.length > 1;
  const money = portfolioMoney(opts, p.currencies);
  const sites = accounts.filter((a) => !a.isTopLevel).length;
  const top = accounts.length - sites;

  // Column positions are worked out from this list; formulas refer to them by letter.
  const INPUTS: Record<
    Factor,
    { header: string; format?: string; value: (a: AccountAnalysis) => CellValue }
  > = {
    recency: {
      header: "Days since last order",
      format: FORMATS.integer,
      value: (a) => a.health.inputs.daysSinceLastOrder ?? "never",
    },
    frequency: {
      header: "Orders change (3m)",
      format: FORMATS.signedPercent,
      value: (a) => changeCell(a.health.inputs.ordersChange),
    },
    revenue: {
      header: "Revenue change (12m)",
      format: FORMATS.signedPercent,
      value: (a) => changeCell(a.health.inputs.revenueChange),
    },
    diversity: {
      header: "Categories (12m)",
      format: FORMATS.integer,
      // no categories in the data: Diversity is n/a (the formula reads the text as left out)
      value: (a) => categoriesCell(a.health.inputs),
    },
    engagement: {
      header: "Engagement (1–5)",
      format: FORMATS.integer,
      value: (a) => a.health.inputs.engagement,
    },
    payment: {
      header: "Days beyond terms",
      format: FORMATS.integer,
      value: (a) => a.health.inputs.daysBeyondTerms,
    },
  };
  const cols: Col[] = [
    { header: "Account ID", width: 11, value: (a) => a.accountId },
    { header: "Account", width: 28, value: (a) => a.name },
    { header: "Rolled into", width: 11, value: (a) => (a.isTopLevel ? null : a.parentId) },
    { header: "Account tier", width: 9, value: (a) => a.tier },
    { header: "Account manager", width: 16, value: (a) => a.accountManager },
    { header: "Health score", format: FORMATS.score, width: 9, value: () => null },
    { header: "Band", width: 17, value: () => null },
    { header: "Trend", width: 6, value: (a) => (a.trend ? TREND[a.trend] : null) },
    {
      header: "12-month trend",
      width: 18,
      value: (a) => textSparkline(a.history.map((h) => h.score)),
    },
    { header: "Revenue 12m", format: money, width: 13, value: (a) => a.revenueLast12 },
    { header: "ABC", width: 5, value: (a) => a.abcTier },
    { header: "Quadrant", width: 16, value: (a) => a.quadrant.quadrant },
    { header: "Alerts", format: FORMATS.integer, width: 7, value: (a) => a.alerts.length || null },
    {
      header: PRINTED_LAST,
      // "Stage 4 – Recovery offer" on one line beside its indent (after the Alerts figures): at 22
      // it wrapped, and every Stage 4 row printed two lines tall
      width: 24,
      value: (a) => (a.winBack && a.winBack.stage > 0 ? a.winBack.name : null),
    },
  ];
  // Lifetime value prints with the account (P(alive), expected revenue, CLV); the model's inputs
  // (x, t_x, T, mean order) sit after the other details, where the formulas read them.
  const lifetime = lifetimeColumns(p, money, opts.numberCulture);
  const lifetimeIn = lifetime.slice(0, LIFETIME_INPUTS);
  const lifetimeOut = lifetime.slice(LIFETIME_INPUTS);
  // P(alive) as wide as "one order only" at most (finishForPrint narrows it to a column of %)
  const outWidths = [P_ALIVE_WIDTH, 13, 14];
  lifetimeOut.forEach((c, k) =>
    cols.push({ header: c.header, format: c.format, width: outWidths[k], value: () => null })
  );
  // beside the figures, printed with them: which rows' figures come from a fit that is not reliable
  const flagged = accounts.map(flaggedLifetime);
  const flagColumn = flagged.some(Boolean);
  if (flagColumn)
    cols.push({
      header: FIT_HEADER,
      width: 12,
      value: (a) => (flaggedLifetime(a) ? NOT_RELIABLE_MARK : null),
    });
  for (const f of FACTORS)
    cols.push({
      header: INPUTS[f].header,
      format: INPUTS[f].format,
      // printed now: "1 (one product)" on one line (at 11 it wrapped, every such row two lines tall)
      width: f === "diversity" ? 15 : 11,
      value: INPUTS[f].value,
    });
  for (const f of FACTORS)
    cols.push({
      header: `${FACTOR_LABELS[f]} score`,
      format: FORMATS.integer,
      width: 10,
      value: () => null,
    });
  cols.push(
    { header: "Industry", width: 20, value: (a) => a.industry },
    { header: "Revenue prior 12m", format: money, width: 13, value: (a) => a.revenuePrior12 },
    { header: "Orders 12m", format: FORMATS.integer, width: 9, value: (a) => a.ordersLast12 },
    {
      header: "Whitespace potential",
      format: money,
      width: 13,
      value: (a) => a.whitespace.potential || null,
    },
    {
      header: "Alert details",
      width: 60,
      value: (a) => a.alerts.map((x) => `${x.severity}: ${x.message}`).join(" · ") || null,
    },
    {
      header: "Override reason",
      width: 24,
      value: (a) => (a.health.isOverride && a.health.override ? a.health.override.reason : null),
    }
  );
  if (multiCurrency) cols.push({ header: "Currency", width: 9, value: (a) => a.currency });
  const lifetimeFrom = cols.length;
  const paramRows = lifetimeParamRows(p);
  // the fitted model over the lifetime figures it makes, beside the printed view: from expected
  // revenue on (its bold label would widen P(alive), a narrow column of percentages)
  const paramsAt = { col: colLetter(cols.findIndex((c) => c.header === lifetimeOut[1].header)) };
  const sources = [{ header: "Engagement source" }, { header: "Payment source" }];

  const at = (header: string) => colLetter(cols.findIndex((c) => c.header === header));
  const inputCol = (f: Factor) => at(INPUTS[f].header);
  const scoreCol = (f: Factor) => at(`${FACTOR_LABELS[f]} score`);
  const firstScore = scoreCol(FACTORS[0]);
  const lastScore = scoreCol(FACTORS[FACTORS.length - 1]);
  const weightsRow = HEADER_ROW; // 1-based row just above the header
  const W = `$${firstScore}$${weightsRow}:$${lastScore}$${weightsRow}`;
  const scoreAt = at("Health score");
  const bandAt = at("Band");

  // Live inputs (issue 14): one spilled KAP.METRICS to the right of the table, after a blank
  // column; the order-derived input cells read it by position. Not with several currencies (the
  // function does not split an account by currency) nor with no rows.
  const first = HEADER_ROW + 2;
  const last = HEADER_ROW + 1 + Math.max(1, accounts.length);
  const live = opts.live && !multiCurrency && accounts.length ? opts.liveOrders : undefined;
  const tableWidth = cols.length + lifetimeIn.length + sources.length;
  const spillCol = tableWidth + 1;
  const anchor = `$${colLetter(spillCol)}$${first}`;
  const liveCols = LIVE_INPUTS.map((h) => ({
    idx: cols.findIndex((c) => c.header === h),
    k: METRIC_HEADERS.indexOf(h) + 1,
  }));

  const rows = accounts.map((a, k) => {
    const r = HEADER_ROW + 2 + k; // 1-based Excel row
    const out = cols.map((c) => c.value(a, r));
    if (live) for (const c of liveCols) out[c.idx] = formula(spillCellFormula(anchor, c.k));
    // Cached results (what the formulas give over the written inputs, the engine's figures) only
    // when the inputs are values: live inputs are recalculated by Excel from the order lines.
    const cached = <T>(v: T | null): T | undefined => (live || v === null ? undefined : v);
    for (const f of FACTORS)
      out[cols.findIndex((c) => c.header === `${FACTOR_LABELS[f]} score`)] = formula(
        factorFormula(f, `${inputCol(f)}${r}`),
        cached(a.health.factors[f])
      );
    const S = `${firstScore}${r}:${lastScore}${r}`;
    out[cols.findIndex((c) => c.header === "Health score")] = formula(
      `IF(SUMPRODUCT(ISNUMBER(${S})*${W})=0,"",ROUND(SUMPRODUCT(${S},${W})/SUMPRODUCT(ISNUMBER(${S})*${W}),2))`,
      cached(a.health.score)
    );
    // An override wins and says so; otherwise the band follows the live score.
    out[cols.findIndex((c) => c.header === "Band")] = a.health.isOverride
      ? `${a.health.finalBand} (override)`
      : formula(bandFormula(`${scoreAt}${r}`), cached(a.health.computedBand));
    const life = lifetimeCells(a, p, r, colLetter(lifetimeFrom), opts, paramsAt, paramRows).map(
      (v) => (v === "" ? null : v)
    );
    lifetimeOut.forEach((c, k) => {
      out[cols.findIndex((x) => x.header === c.header)] = life[LIFETIME_INPUTS + k];
    });
    // last: where Engagement and Payment came from (engagement log, payments ledger, accounts table)
    return [
      ...out,
      ...life.slice(0, LIFETIME_INPUTS),
      factorSourceText(a.health.inputs, "engagement", opts.numberCulture),
      factorSourceText(a.health.inputs, "payment", opts.numberCulture),
    ];
  });
  const cf: ConditionalFormat[] = [
    {
      range: `${bandAt}${first}:${bandAt}${last}`,
      rule: {
        type: "textContains",
        text: "Healthy",
        fill: PALETTE.good,
        fontColor: PALETTE.goodFont,
      },
    },
    {
      range: `${bandAt}${first}:${bandAt}${last}`,
      rule: { type: "textContains", text: "Stable", fill: "#DDEBF7", fontColor: PALETTE.brand },
    },
    {
      range: `${bandAt}${first}:${bandAt}${last}`,
      rule: {
        type: "textContains",
        text: "At Risk",
        fill: PALETTE.neutral,
        fontColor: PALETTE.neutralFont,
      },
    },
    {
      range: `${bandAt}${first}:${bandAt}${last}`,
      rule: {
        type: "textContains",
        text: "Critical",
        fill: PALETTE.bad,
        fontColor: PALETTE.badFont,
      },
    },
    {
      range: `${scoreAt}${first}:${scoreAt}${last}`,
      rule: { type: "dataBar", color: PALETTE.bar },
    },
  ];
  const weights = p.weights;
  const firstScoreIdx = cols.findIndex((c) => c.header === `${FACTOR_LABELS[FACTORS[0]]} score`);
  const rollup = sites
    ? ` · ${top} accounts + ${sites} sites rolled into their parents ("Rolled into"); a parent's figures include its sites'`
    : ` · ${top} accounts`;
  return sheet(
    kapName("Account Health"),
    "health",
    "",
    [
      title("A1", "Account Health"),
      cell("A2", `As of ${asOfText(opts.asOf, opts.culture)}${rollup}`, "subtitle"),
      cell(
        "A3",
        `Score = the factor scores (1–5) weighted by row ${weightsRow} (factors with no data left out, the other weights scaled up to ${percentText(100, opts.numberCulture)}), rounded to 2 decimals; live formulas: edit a weight or an input and it re-scores. Inputs and factor scores from column ${inputCol(FACTORS[0])}.`,
        "note"
      ),
      cell(`${colLetter(firstScoreIdx - 1)}${weightsRow}`, "Weights →", {
        bold: true,
        hAlign: "right",
      }),
      {
        at: `${firstScore}${weightsRow}`,
        rows: [FACTORS.map((f) => weights[f] / 100)],
        formats: FACTORS.map(() => FORMATS.percent),
        style: { bold: true, fill: PALETTE.totalFill, border: "box" },
      },
      cell(
        `${colLetter(firstScoreIdx + FACTORS.length)}${weightsRow}`,
        formula(
          `SUM(${firstScore}${weightsRow}:${lastScore}${weightsRow})`,
          FACTORS.reduce((t, f) => t + weights[f] / 100, 0)
        ),
        { bold: true },
        FORMATS.percent
      ),
      ...lifetimeModelBlocks(p, paramsAt),
      ...(live
        ? liveBlocks(
            spillCol,
            formula(
              metricsFormula(
                live,
                `$${at("Account ID")}$${first}:$${at("Account ID")}$${last}`,
                `$${at("Rolled into")}$${first}:$${at("Rolled into")}$${last}`
              )
            ),
            accounts.length,
            money,
            `Live: ${LIVE_INPUTS.join(", ")} read the one KAP.METRICS call in column ${colLetter(spillCol)} over ${sourceText(live)}, ${live.asOf === undefined ? "as of its last sale's date" : `as of ${asOfText(live.asOf, opts.culture)}`}${sites ? ` (a parent's row includes its sites', by "Rolled into")` : ""}: append order lines and they, the factor scores, score and band recalculate${live.asOf === undefined ? "; a return dated after the last sale is not counted until a sale follows it (KAP.METRICS cannot warn of it: set the as-of date to count it)" : ""}. Engagement, payment, Orders 12m, trend, ABC, quadrant, alerts and lifetime columns are values as of ${asOfText(opts.asOf, opts.culture)}: run KAP again to refresh them.`
          )
        : []),
      // each account's money in its own currency's format (€1,751, $2,770 in one column)
      withRowMoney(
        table(
          cellA1(HEADER_ROW, 0),
          "KAP_Health",
          [...cols, ...lifetimeIn, ...sources],
          rows.length ? rows : [[...cols, ...lifetimeIn, ...sources].map(() => null)]
        ),
        opts,
        accounts.map((a) => a.currency),
        moneyColumns([...cols, ...lifetimeIn, ...sources], money)
      ),
    ],
    {
      widths: [
        ...cols.map((c) => c.width),
        9,
        11,
        11,
        12,
        ...(live
          ? [
              ...Array<undefined>(Math.max(0, tableWidth - cols.length - LIFETIME_INPUTS)).fill(
                undefined
              ),
              3,
              ...METRIC_HEADERS.map(() => 11),
            ]
          : []),
      ],
      freeze: { rows: HEADER_ROW + 1, columns: 2 },
      // the flagged rows' P(alive), expected revenue, CLV and their mark, muted
      styles: flagColumn
        ? notReliableStyles(
            flagged,
            first,
            colLetter(cols.findIndex((c) => c.header === lifetimeOut[0].header)),
            at(FIT_HEADER)
          )
        : undefined,
      conditionalFormats: cf,
      // The printed view is the review: who (ID, name, rolled into, tier, manager), how healthy
      // (score, band, trend), how much (revenue 12m, ABC, quadrant) and what to do (alerts,
      // win-back stage), columns A to Win-back stage, one landscape page wide with the header row
      // on every page: the sample's 300 rows on 9 pages at about 77% (LibreOffice). The rest of
      // the table — lifetime value (on the sample every figure from a fit flagged not reliable),
      // the six inputs and factor scores behind each score, details, the model's inputs and the
      // sources — is for the screen, right of the print area: all 42 columns printed 60 pages,
      // 4 pages across (the Health Report prints one account's factors). A:B repeat should the
      // view ever be wider than a page at a readable scale (finishForPrint then goes 2 across).
      page: {
        orientation: "landscape",
        fitToWidth: true,
        printTitleRows: `${HEADER_ROW + 1}:${HEADER_ROW + 1}`,
        printTitleColumns: "A:B",
        printArea: `A1:${at(PRINTED_LAST)}${last}`,
      },
      tabColor: PALETTE.brand,
    }
  );
}
