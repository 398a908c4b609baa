/** Purchase Breakdown for one account (RULES.md §2.5, methodology Step 2). */
import { noComparableAccountsText } from "../domain/analysis/crossSell";
import {
  offerToCustomer,
  type Opportunity,
  opportunitiesWithheld,
} from "../domain/analysis/opportunities";
import { decimalText, percentText, shareText } from "../domain/numberText";
import type { AccountDetail } from "../domain/analysis/types";
import { MONTH_SHORT } from "../domain/dates";
import { asOfText, dateFormatOf, kapName, type LayoutOptions, moneyFor } from "./options";
import { assumptionRankText, ratingCapText } from "./estimateBasis";
import {
  DORMANT,
  MIN_RECOMMENDATION_LIFT,
  MIN_RULE_SUPPORT_ACCOUNTS,
  OPPORTUNITY_PRIORITY,
  OVERDUE_MULTIPLE,
  REPLENISHMENT,
} from "../domain/rules";
import {
  type Block,
  type CellValue,
  date,
  FORMATS,
  medianFormat,
  PALETTE,
  sheet,
  type SheetSpec,
  table,
  title,
  cell,
} from "./spec";

export function breakdownSheet(d: AccountDetail, opts: LayoutOptions): SheetSpec {
  const a = d.account;
  const money = moneyFor(opts, a.currency);
  const blocks: Block[] = [
    title("A1", `Purchase Breakdown – ${a.name}`),
    cell(
      "A2",
      `Account ${a.accountId} · last 12 months to ${asOfText(opts.asOf, opts.culture)}`,
      "subtitle"
    ),
  ];
  let r = 4;

  blocks.push(cell(`A${r}`, "Category breakdown (last 12 months)", "label"));
  r++;
  const catRows: CellValue[][] = d.categories.map((c) => [
    c.category,
    c.revenue,
    c.share,
    c.units,
    c.averageUnitPrice,
  ]);
  const catTop = r;
  blocks.push({
    at: `A${r}`,
    rows: [
      ["Category", "Revenue", "% of total", "Units", "Avg unit price"],
      ...catRows,
      [
        "Total",
        d.categoryTotal.revenue,
        d.categoryTotal.revenue ? 1 : 0,
        d.categoryTotal.units,
        d.categoryTotal.averageUnitPrice,
      ],
    ],
    header: true,
    total: true,
    formats: [
      undefined,
      money,
      FORMATS.percent,
      FORMATS.integer,
      moneyFor(opts, a.currency).replace(/#,##0(?!\.)/g, "#,##0.00"),
    ],
  });
  r += catRows.length + 3;

  // a lost account: no list, the reason in its place (the plan and the QBR recommend nothing either)
  const withheld = opportunitiesWithheld(a);
  // the list's Priority column, shaded High and Medium (none when there is no list)
  let priorityRange: string | null = null;
  if (withheld !== null) {
    blocks.push(
      cell(
        `A${r}`,
        `Opportunities: none while the account is lost (the same answer as Cross-Sell, the plan and the QBR; as of ${asOfText(opts.asOf, opts.culture)})`,
        "label"
      )
    );
    r++;
    blocks.push(cell(`A${r}`, withheld, "note"));
    r += 3;
  } else {
    const o = opportunitiesBlock(blocks, r, d, opts);
    r = o.next;
    priorityRange = `C${o.top + 1}:C${o.end}`;
  }

  blocks.push(cell(`A${r}`, "Top 10 products", "label"));
  r++;
  const tp = d.topProducts.map((t) => [
    t.rank,
    t.name,
    t.sku,
    t.category,
    t.unitsLast12,
    t.revenueLast12,
    t.daysSinceLastOrder,
    t.reorderDays ?? "n/a",
    t.regular ? "Regular" : t.reorderDays === null ? null : "Irregular",
    t.nextExpectedOrder === null ? "n/a" : date(t.nextExpectedOrder),
    // never an empty column: "no" when the product is within its period, "n/a" without one
    t.overdue ? "OVERDUE" : t.reorderDays === null ? "n/a" : "no",
  ]);
  // Rank … Days since last order come before the reorder period (column H)
  const REORDER_COLUMN_PAD: undefined[] = Array<undefined>(7).fill(undefined);
  const topProducts: Block = {
    ...table(
      `A${r}`,
      `KAP_Top_${a.accountId}`,
      [
        { header: "Rank" },
        { header: "Product" },
        { header: "SKU" },
        { header: "Category" },
        { header: "Units 12m", format: FORMATS.integer },
        { header: "Revenue 12m", format: money },
        { header: "Days since last order", format: FORMATS.integer },
        { header: "Reorder period (days)", format: FORMATS.integer },
        { header: "Pattern" },
        { header: "Next expected order", format: dateFormatOf(opts) },
        { header: "Overdue" },
      ],
      tp.length
        ? tp
        : [
            [
              null,
              "No products in the last 12 months.",
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
            ],
          ],
      { filter: false }
    ),
    // the reorder period is a median of whole-day gaps: 7.5 stays 7.5, not "8"
    cellFormats: [
      [],
      ...d.topProducts.map((t) => [...REORDER_COLUMN_PAD, medianFormat(t.reorderDays)]),
    ],
  };
  blocks.push(topProducts);
  const tpTop = r;
  r += Math.max(1, tp.length) + 1;
  blocks.push(
    cell(
      `A${r}`,
      `Reorder period = median days between orders; Regular = ${REPLENISHMENT.minOrders}+ orders with gaps varying by at most ${percentText(Math.round(REPLENISHMENT.maxGapCv * 100), opts.numberCulture)} (coefficient of variation): an auto-replenishment candidate. Overdue = past ${decimalText(String(OVERDUE_MULTIPLE), opts.numberCulture)}× the period.`,
      "note"
    )
  );
  r += 3;

  // the two blocks count months differently: say which (a first month seen in part is a peak
  // month here and blank in the seasonality below)
  blocks.push(cell(`A${r}`, "Buying pattern (orders of the last 12 months)", "label"));
  r++;
  const bp = d.buyingPattern;
  const pattern: [string, CellValue, string | undefined][] = [
    ["Orders (12 months)", bp.ordersLast12, FORMATS.integer],
    ["Mean days between orders", bp.meanDaysBetweenOrders ?? "n/a", "0.0"],
    ["Median order value", bp.medianOrderValue ?? "n/a", money],
    ["Smallest order", bp.smallestOrder ?? "n/a", money],
    ["Largest order", bp.largestOrder ?? "n/a", money],
    ["Peak weekdays", bp.peakWeekdays.join(", ") || "n/a", undefined],
    // PRODUCT §2.5: the buying pattern's months, by revenue in the last 12 months; said on the
    // line (within column A's 30), as the seasonality index below averages every year
    ["Peak months (last 12 months)", bp.peakMonths.join(", ") || "n/a", undefined],
  ];
  for (const [k, v, f] of pattern) {
    blocks.push({ at: `A${r}`, rows: [[k, v]], formats: [undefined, f] });
    r++;
  }
  r += 2;

  blocks.push(
    cell(
      `A${r}`,
      "Seasonality (whole calendar months, averaged by month of year; a month not yet seen whole is blank)",
      "label"
    )
  );
  r++;
  const seasonTop = r;
  const season = d.seasonality.map((s, k) => [
    s.month || MONTH_SHORT[k],
    s.index === null ? null : Math.round(s.index),
    s.revenue,
  ]);
  blocks.push({
    at: `A${r}`,
    rows: [["Month", "Index (100 = average)", "Revenue"], ...season],
    header: true,
    formats: [undefined, FORMATS.integer, money],
  });
  r += season.length + 3;

  blocks.push(
    cell(
      `A${r}`,
      `Dormant products (bought before, now down ${shareText(DORMANT.dropShare, opts.numberCulture)} or more)`,
      "label"
    )
  );
  r++;
  const dorm = d.dormantProducts.map((p) => [
    p.name,
    p.sku,
    date(p.lastOrderDate),
    p.monthsSinceLastOrder,
    p.revenuePrior12,
    p.revenueLast12,
    -p.drop,
    p.churnRisk,
  ]);
  blocks.push({
    at: `A${r}`,
    rows: [
      [
        "Product",
        "SKU",
        "Last order",
        "Months since",
        "Revenue prior 12m",
        "Revenue last 12m",
        "Change",
        "Churn risk",
      ],
      ...(dorm.length ? dorm : [["No dormant products.", "", "", null, null, null, null, ""]]),
    ],
    header: true,
    formats: [
      undefined,
      undefined,
      dateFormatOf(opts),
      FORMATS.integer,
      money,
      money,
      FORMATS.percent,
      undefined,
    ],
  });
  const dormEnd = r + Math.max(1, dorm.length);

  return sheet(kapName("Breakdown", a.accountId), "breakdown", a.key, blocks, {
    widths: [30, 28, 14, 18, 14, 14, 14, 14, 16, 10],
    // Under the tables, side by side: beside them (L4:S36) they made the sheet 226 characters
    // wide, printed at 58%, and a page break ran through the pie.
    charts: [
      {
        type: "column",
        title: "Seasonality index by month",
        data: `A${seasonTop}:B${seasonTop + 12}`,
        from: `A${dormEnd + 3}`,
        to: `D${dormEnd + 18}`,
      },
      {
        type: "pie",
        title: "Revenue by category (12 months)",
        data: `A${catTop}:B${catTop + Math.max(1, catRows.length)}`,
        from: `F${dormEnd + 3}`,
        to: `K${dormEnd + 18}`,
      },
    ],
    conditionalFormats: [
      {
        range: `K${tpTop + 1}:K${tpTop + Math.max(1, tp.length)}`,
        rule: {
          type: "textContains",
          text: "OVERDUE",
          fill: PALETTE.bad,
          fontColor: PALETTE.badFont,
        },
      },
      {
        range: `I${tpTop + 1}:I${tpTop + Math.max(1, tp.length)}`,
        rule: {
          type: "textContains",
          text: "Regular",
          fill: PALETTE.good,
          fontColor: PALETTE.goodFont,
        },
      },
      ...(priorityRange === null
        ? []
        : [
            {
              range: priorityRange,
              rule: {
                type: "textContains" as const,
                text: "High",
                fill: PALETTE.good,
                fontColor: PALETTE.goodFont,
              },
            },
            {
              range: priorityRange,
              rule: {
                type: "textContains" as const,
                text: "Medium",
                fill: PALETTE.neutral,
                fontColor: PALETTE.neutralFont,
              },
            },
          ]),
      {
        range: `H${r + 1}:H${dormEnd}`,
        rule: { type: "textContains", text: "High", fill: PALETTE.bad, fontColor: PALETTE.badFont },
      },
      {
        range: `H${r + 1}:H${dormEnd}`,
        rule: {
          type: "textContains",
          text: "Medium",
          fill: PALETTE.neutral,
          fontColor: PALETTE.neutralFont,
        },
      },
    ],
    page: { orientation: "landscape", fitToWidth: true },
    showGridlines: false,
  });
}

/** A line gap's entry with comparable accounts buying what it buys of the line (its evidence). */
function lineGapPeers(o: Opportunity): boolean {
  return o.lineGap !== null && o.lineGap.lineBuyers > 0;
}

/**
 * The ranked opportunities with their heading and the priority note: the next free row, and the
 * list's first (header) and last rows.
 */
function opportunitiesBlock(
  blocks: Block[],
  r: number,
  d: AccountDetail,
  opts: LayoutOptions
): { next: number; top: number; end: number } {
  const money = moneyFor(opts, d.account.currency);
  blocks.push(
    cell(
      `A${r}`,
      `Opportunities: what to sell next (ranked; the same list as Cross-Sell, the plan and the QBR; as of ${asOfText(opts.asOf, opts.culture)})`,
      "label"
    )
  );
  r++;
  const opps = d.opportunities;
  const oppTop = r;
  const noPeers = noComparableAccountsText(
    d.account.currency,
    d.account.whitespace.comparableAccounts
  );
  const oppRows: CellValue[][] = opps.map((o) => [
    o.rank,
    // what the customer is offered, as the QBR names it (a line gap's missing variants)
    offerToCustomer(o, true),
    o.priority,
    // a line gap's comparable accounts: those buying what it buys of the line, and of them the
    // ones also buying the variant it misses (its likelihood)
    o.peers
      ? `${o.peers.comparableBuyers} of ${o.peers.comparableAccounts}`
      : lineGapPeers(o)
        ? `${o.lineGap!.gapBuyers} of ${o.lineGap!.lineBuyers}`
        : null,
    o.peers ? o.peers.share : lineGapPeers(o) ? o.lineGap!.gapBuyers / o.lineGap!.lineBuyers : null,
    o.rule?.metrics ? o.rule.metrics.confidence : null,
    o.annualEstimate,
    o.sources.join(", "),
  ]);
  blocks.push({
    at: `A${r}`,
    rows: [
      [
        "Rank",
        "Offer",
        "Priority",
        "Comparable accounts buying",
        "Share",
        "Rule confidence",
        "Annual estimate",
        "Evidence",
      ],
      ...(oppRows.length
        ? oppRows
        : [
            [
              null,
              // the only account in its currency: nothing was compared
              noPeers
                ? `${noPeers} No rule suggests more.`
                : "Buys everything comparable accounts buy; no rule suggests more.",
              null,
              null,
              null,
              null,
              null,
              null,
            ],
          ]),
    ],
    header: true,
    formats: [
      FORMATS.integer,
      undefined,
      undefined,
      undefined,
      FORMATS.percent,
      FORMATS.percent,
      money,
      undefined,
    ],
  });
  const oppEnd = r + Math.max(1, oppRows.length);
  r += Math.max(1, oppRows.length) + 1;
  blocks.push(
    cell(
      `A${r}`,
      `Priority: High when ${shareText(OPPORTUNITY_PRIORITY.high, opts.numberCulture)}+ of comparable accounts buy it or of accounts with a matching rule (lift ≥ ${decimalText(String(MIN_RECOMMENDATION_LIFT), opts.numberCulture)}, ${MIN_RULE_SUPPORT_ACCOUNTS}+ accounts buying both); Medium from ${shareText(OPPORTUNITY_PRIORITY.medium, opts.numberCulture)}; else Low. ${ratingCapText(opts.numberCulture)} ${assumptionRankText()}`,
      "note"
    )
  );
  r += 3;

  return { next: r, top: oppTop, end: oppEnd };
}
