/**
 * Whitespace Map (RULES.md §2.6a): accounts down, categories across, 12-month spend in
 * each cell; an empty cell that comparable accounts usually fill shows the estimate, highlighted.
 * A filterable table (industry, tier, account manager), the pivot a sales director asks for first.
 */
import type { PortfolioAnalysis } from "../domain/analysis/types";
import {
  asOfText,
  kapName,
  type LayoutOptions,
  moneyColumns,
  portfolioMoney,
  withRowMoney,
} from "./options";
import {
  type CellValue,
  colLetter,
  type ConditionalFormat,
  PALETTE,
  sheet,
  type SheetSpec,
  table,
  title,
  cell,
} from "./spec";

const FIXED_ALL = [
  "Account ID",
  "Account",
  "Industry",
  "Account tier",
  "Account manager",
  "Currency",
];

export function whitespaceSheet(p: PortfolioAnalysis, opts: LayoutOptions): SheetSpec {
  const m = p.whitespaceMap;
  // the largest gaps first; accounts marked lost (no potential: not pursued) last
  const rows = [...m.rows].sort((a, b) => (b.potential ?? -1) - (a.potential ?? -1));
  const lost = rows.filter((r) => r.lost);
  const headerRow = 5; // Excel row of the table header
  // The Currency column only when the portfolio has more than one (no empty columns).
  const multi = p.currencies.length > 1;
  const FIXED = multi ? FIXED_ALL : FIXED_ALL.slice(0, -1);
  const data: CellValue[][] = rows.map((r) => [
    r.accountId,
    r.name,
    r.industry,
    r.tier,
    r.accountManager,
    ...(multi ? [r.currency || null] : []),
    // Spend where bought; where not, the whitespace estimate as a negative marker would mislead: keep
    // spend cells numeric and put estimates in a separate block of columns, highlighted.
    ...m.categories.map((_, k) => (r.spend[k] > 0 ? r.spend[k] : null)),
    r.potential,
    ...m.categories.map((_, k) => r.whitespace[k] ?? null),
  ]);
  const nCat = m.categories.length;
  const spendFrom = FIXED.length;
  const potCol = spendFrom + nCat;
  const estFrom = potCol + 1;
  const money = portfolioMoney(opts, p.currencies);
  const columns = [
    ...FIXED.map((h) => ({ header: h })),
    ...m.categories.map((c) => ({ header: c, format: money })),
    { header: "Whitespace potential", format: money },
    ...m.categories.map((c) => ({ header: `Gap: ${c}`, format: money })),
  ];
  const first = headerRow + 1;
  const last = headerRow + Math.max(1, data.length);
  const cf: ConditionalFormat[] = [
    {
      range: `${colLetter(spendFrom)}${first}:${colLetter(spendFrom + nCat - 1)}${last}`,
      rule: { type: "colorScale", colors: ["#FFFFFF", "#9BC2E6"] },
    },
    {
      range: `${colLetter(estFrom)}${first}:${colLetter(estFrom + nCat - 1)}${last}`,
      rule: {
        type: "cellValue",
        operator: "greaterThan",
        values: [0],
        fill: PALETTE.neutral,
        fontColor: PALETTE.neutralFont,
      },
    },
    {
      range: `${colLetter(potCol)}${first}:${colLetter(potCol)}${last}`,
      rule: { type: "dataBar", color: PALETTE.bar },
    },
  ];
  return sheet(
    kapName("Whitespace Map"),
    "whitespace",
    "",
    [
      title("A1", "Whitespace Map"),
      cell(
        "A2",
        `12-month spend by category, as of ${asOfText(opts.asOf, opts.culture)}. "Gap" columns show what the account would add by buying a category that comparable accounts (same industry, else tier, else all) usually buy, at their median spend.`,
        "subtitle"
      ),
      cell(
        "A3",
        `Filter by industry, tier or account manager with the header buttons; sort by Whitespace potential to find the biggest gaps.${lostNote(lost)}`,
        "note"
      ),
      // each account's spend and gaps in its own currency (the Currency column beside them)
      withRowMoney(
        table(
          `A${headerRow}`,
          "KAP_Whitespace",
          columns,
          data.length
            ? data
            : [
                [
                  ...FIXED.map(() => null),
                  ...m.categories.map(() => null),
                  0,
                  ...m.categories.map(() => null),
                ],
              ]
        ),
        opts,
        rows.map((r) => r.currency),
        moneyColumns(columns, money)
      ),
    ],
    {
      widths: [
        12,
        28,
        20,
        9,
        18,
        ...(multi ? [9] : []),
        ...m.categories.map(() => 12),
        14,
        ...m.categories.map(() => 12),
      ],
      freeze: { rows: headerRow, columns: 2 },
      conditionalFormats: cf,
      page: {
        orientation: "landscape",
        fitToWidth: true,
        printTitleRows: `${headerRow}:${headerRow}`,
        // account ID and name on every page: the map prints several pages wide at a readable size
        printTitleColumns: "A:B",
      },
      tabColor: PALETTE.brand,
    }
  );
}

/**
 * " Trident Facilities (C0135) is marked lost in the accounts table: no gaps are shown for it …":
 * why a row has spend and no gaps, as its plan, Cross-Sell and QBR say; "" when none is lost.
 */
function lostNote(lost: readonly { accountId: string; name: string }[]): string {
  if (lost.length === 0) return "";
  const named = lost
    .slice(0, 3)
    .map((r) => `${r.name} (${r.accountId})`)
    .join(", ");
  const who = lost.length > 3 ? `${named} and ${lost.length - 3} more` : named;
  const are = lost.length === 1 ? "is" : "are";
  return ` ${who} ${are} marked lost in the accounts table: no gaps are shown for ${lost.length === 1 ? "it" : "them"}, as nothing new is offered until ${lost.length === 1 ? "it orders" : "they order"} again.`;
}
