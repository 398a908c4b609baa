/**
 * Account Health: one row per account, metrics as values and the score and band as live
 * =KAP.HEALTH / =KAP.BAND formulas over them (edit engagement or payment and it re-scores),
 * with trend arrow, 12-month sparkline, quadrant, ABC tier, alerts and win-back stage; then the
 * lifetime columns (./lifetimeCells: P(alive), expected 12-month revenue, CLV as live formulas over
 * the fitted parameters written beside the weights). The Engagement source and Payment source
 * columns say where those two came from (log, ledger, accounts table).
 */
import { factorSourceText } from '../domain/analysis/basis';
import type { AccountAnalysis, HealthInputs, PortfolioAnalysis } from '../domain/analysis/types';
import type { Change } from '../domain/numbers';
import { CHANGE_TEXT, FACTORS, FACTOR_LABELS, NO_CATEGORIES_TEXT, ONE_PRODUCT_TEXT } from '../domain/rules';
import { lifetimeCells, lifetimeColumns, lifetimeModelBlocks, lifetimeParamRows } from './lifetimeCells';
import { asOfText, kapName, type LayoutOptions, moneyFor } from './options';
import { type CellValue, cellA1, colLetter, type ConditionalFormat, FORMATS, formula, PALETTE, sheet, type SheetSpec, table, textSparkline, title, cell } from './spec';

const HEADER_ROW = 6; // 0-based row of the table header (row 7 in Excel)
const WEIGHTS_ROW = 3; // weights on row 4, B4:G4

export function changeCell(c: Change): CellValue {
  return c.kind === 'pct' ? c.pct / 100 : CHANGE_TEXT[c.kind];
}

/**
 * Categories (12m) as KAP.HEALTH reads it: "n/a" when the data has no categories (Diversity left
 * out), "1 (one product)" for one category bought as one product (Diversity 1), else the count.
 */
export function categoriesCell(i: HealthInputs): CellValue {
  if (i.categoriesLast12 === null) return NO_CATEGORIES_TEXT;
  return i.categoriesLast12 === 1 && i.productsLast12 !== null && i.productsLast12 <= 1 ? ONE_PRODUCT_TEXT : i.categoriesLast12;
}

/** The columns KAP.METRICS spills, in order. */
export const METRIC_HEADERS = ['Days since last order', 'Orders last quarter', 'Orders previous quarter', 'Orders change (qtr)', 'Revenue 12m', 'Revenue prior 12m', 'Revenue change (12m)', 'Categories (12m)', 'Products (12m)'] as const;

/** One account's health inputs as KAP.METRICS writes them (the same cells this sheet writes, so KAP.HEALTH reads either). */
export function metricCells(i: HealthInputs): (string | number)[] {
  return [
    i.daysSinceLastOrder ?? 'never',
    i.ordersLastQuarter,
    i.ordersPreviousQuarter,
    changeCell(i.ordersChange) as string | number,
    i.revenueLast12,
    i.revenuePrior12,
    changeCell(i.revenueChange) as string | number,
    categoriesCell(i) as string | number,
    i.productsLast12 ?? '',
  ];
}

const TREND = { up: '▲', down: '▼', flat: '►' } as const;

function row(a: AccountAnalysis, r: number, opts: LayoutOptions): CellValue[] {
  const i = a.health.inputs;
  const excelRow = r + 1;
  const cat = categoriesCell(i);
  const score = opts.live ? formula(`KAP.HEALTH(G${excelRow},H${excelRow},I${excelRow},J${excelRow},K${excelRow},L${excelRow},$B$${WEIGHTS_ROW + 1}:$G$${WEIGHTS_ROW + 1})`) : a.health.score;
  // An override wins and says so; otherwise the band follows the live score.
  const band = a.health.isOverride ? `${a.health.finalBand} (override)` : opts.live ? formula(`IFERROR(KAP.BAND(M${excelRow}),"")`) : a.health.finalBand;
  const alerts = a.alerts.map((x) => `${x.severity}: ${x.message}`).join('\n');
  return [
    a.accountId,
    a.name,
    a.industry ?? '',
    a.tier ?? '',
    a.accountManager ?? '',
    a.currency,
    i.daysSinceLastOrder ?? 'never',
    changeCell(i.ordersChange),
    changeCell(i.revenueChange),
    cat,
    i.engagement ?? '',
    i.daysBeyondTerms ?? '',
    score,
    band,
    a.trend ? TREND[a.trend] : '',
    textSparkline(a.history.map((h) => h.score)),
    a.quadrant.quadrant,
    a.abcTier ?? '',
    a.revenueLast12,
    a.revenuePrior12,
    a.ordersLast12,
    a.whitespace.potential,
    a.alerts.length,
    alerts,
    a.winBack && a.winBack.stage > 0 ? a.winBack.name : '',
    a.health.isOverride && a.health.override ? a.health.override.reason : '',
  ];
}

export function healthSheet(p: PortfolioAnalysis, opts: LayoutOptions): SheetSpec {
  const accounts = [...p.accounts].sort((a, b) => (a.health.score ?? -1) - (b.health.score ?? -1) || b.revenueLast12 - a.revenueLast12);
  const money = moneyFor(opts, p.currencies.length === 1 ? p.currencies[0] : '');
  const columns = [
    { header: 'Account ID' },
    { header: 'Account' },
    { header: 'Industry' },
    { header: 'Tier' },
    { header: 'Account manager' },
    { header: 'Currency' },
    { header: 'Days since last order', format: FORMATS.integer },
    { header: 'Orders change (qtr)', format: FORMATS.percent },
    { header: 'Revenue change (12m)', format: FORMATS.percent },
    { header: 'Categories (12m)', format: FORMATS.integer },
    { header: 'Engagement (1–5)' },
    { header: 'Days beyond terms', format: FORMATS.integer },
    { header: 'Health score', format: FORMATS.score },
    { header: 'Band' },
    { header: 'Trend' },
    { header: '12-month trend' },
    { header: 'Quadrant' },
    { header: 'ABC' },
    { header: 'Revenue 12m', format: money },
    { header: 'Revenue prior 12m', format: money },
    { header: 'Orders 12m', format: FORMATS.integer },
    { header: 'Whitespace potential', format: money },
    { header: 'Alerts' },
    { header: 'Alert details' },
    { header: 'Win-back stage' },
    { header: 'Override reason' },
  ];
  const lifetimeFrom = columns.length;
  columns.push(...lifetimeColumns(p, money));
  // Last: where Engagement and Payment came from (engagement log, payments ledger, accounts table).
  columns.push({ header: 'Engagement source' }, { header: 'Payment source' });
  const paramRows = lifetimeParamRows(p);
  const rows = accounts.map((a, k) => [
    ...row(a, HEADER_ROW + 1 + k, opts),
    ...lifetimeCells(a, p, HEADER_ROW + 2 + k, colLetter(lifetimeFrom), opts, paramRows),
    factorSourceText(a.health.inputs, 'engagement'),
    factorSourceText(a.health.inputs, 'payment'),
  ]);
  const first = HEADER_ROW + 2;
  const last = HEADER_ROW + 1 + Math.max(1, rows.length);
  const cf: ConditionalFormat[] = [
    { range: `N${first}:N${last}`, rule: { type: 'textContains', text: 'Healthy', fill: PALETTE.good, fontColor: PALETTE.goodFont } },
    { range: `N${first}:N${last}`, rule: { type: 'textContains', text: 'Stable', fill: '#DDEBF7', fontColor: PALETTE.brand } },
    { range: `N${first}:N${last}`, rule: { type: 'textContains', text: 'At Risk', fill: PALETTE.neutral, fontColor: PALETTE.neutralFont } },
    { range: `N${first}:N${last}`, rule: { type: 'textContains', text: 'Critical', fill: PALETTE.bad, fontColor: PALETTE.badFont } },
    { range: `M${first}:M${last}`, rule: { type: 'dataBar', color: PALETTE.bar } },
  ];
  const weights = p.weights;
  return sheet(
    kapName('Account Health'),
    'health',
    '',
    [
      title('A1', 'Account Health'),
      cell('A2', `As of ${asOfText(opts.asOf)} · ${accounts.length} accounts · score = weighted factors 1–5 (edit the weights in row 4 or any input column and the score updates)`, 'subtitle'),
      { at: `A${WEIGHTS_ROW}`, rows: [['Weights', ...FACTORS.map((f) => FACTOR_LABELS[f])]], style: 'label' },
      { at: `A${WEIGHTS_ROW + 1}`, rows: [['(must total 100%)', ...FACTORS.map((f) => weights[f] / 100)]], formats: [undefined, ...FACTORS.map(() => FORMATS.percent)] },
      cell(`H${WEIGHTS_ROW + 1}`, formula(`SUM(B${WEIGHTS_ROW + 1}:G${WEIGHTS_ROW + 1})`), 'label', FORMATS.percent),
      ...lifetimeModelBlocks(p),
      table(cellA1(HEADER_ROW, 0), 'KAP_Health', columns, rows),
    ],
    {
      widths: [12, 28, 20, 10, 18, 9, 11, 11, 11, 12, 12, 11, 10, 18, 7, 16, 17, 6, 14, 14, 10, 14, 8, 60, 24, 24, 9, 11, 11, 12, 14, 13, 14, 30, 30],
      freeze: { rows: HEADER_ROW + 1, columns: 2 },
      conditionalFormats: cf,
      page: { orientation: 'landscape', fitToWidth: true, printTitleRows: `${HEADER_ROW + 1}:${HEADER_ROW + 1}` },
      tabColor: PALETTE.brand,
    },
  );
}
