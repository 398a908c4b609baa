/**
 * Blocks the account plan and the QBR share (methodology 000 Steps 5, 6.2, 8.4, 9.3, Appendix D):
 * the account's tracked initiatives with their figures, the win-back stage with its offers or
 * exit questions, the objection-handling responses, and the competitive-intelligence block (the
 * data-driven competitor-displacement list, the questions to ask, a competitor table to fill).
 * Each builder lays out from a row and returns the next free row, so sheets stack them.
 */
import type { InitiativeProgress } from "../domain/analysis/initiatives";
import type {
  AccountDetail,
  CompetitorDisplacement,
  PlanInitiative,
  WinBack,
} from "../domain/analysis/types";
import {
  COMPETITIVE_QUESTIONS,
  COMPETITOR_TABLE_HEADERS,
  OBJECTION_RESPONSES,
} from "../domain/rules";
import { isMarkedLost } from "../domain/winback";
import { asOfText } from "./options";
import {
  type Block,
  type CellValue,
  type ConditionalFormat,
  date,
  FORMATS,
  PALETTE,
  cell,
} from "./spec";

export const H2 = { bold: true, fontSize: 13, fontColor: PALETTE.brand, border: "bottom" } as const;

/** What a builder adds to a sheet. */
export interface Laid {
  blocks: Block[];
  cfs: ConditionalFormat[];
  /** the next free row (1-based) */
  next: number;
}

const runText = (i: InitiativeProgress, culture: string | undefined): string =>
  i.start === null
    ? "no start date"
    : i.end === null
      ? `from ${asOfText(i.start, culture)}`
      : `${asOfText(i.start, culture)} – ${asOfText(i.end, culture)}`;

/**
 * The account's rows of the user's Initiatives table with their figures: target, actual since
 * the start, the baseline before it, uplift, progress and on track / behind (RULES.md §2.7a).
 */
export function trackedInitiativesBlock(
  r: number,
  initiatives: readonly InitiativeProgress[],
  money: string,
  asOf: number,
  culture: string | undefined,
  opts: { whenNone?: "note" | "nothing" } = {}
): Laid {
  const blocks: Block[] = [];
  const cfs: ConditionalFormat[] = [];
  if (!initiatives.length && opts.whenNone === "nothing") return { blocks, cfs, next: r };
  blocks.push(
    cell(
      `A${r}`,
      `Initiatives being tracked (your Initiatives table, figures to ${asOfText(asOf, culture)})`,
      "label"
    )
  );
  r++;
  if (!initiatives.length) {
    blocks.push(
      cell(
        `A${r}`,
        'None yet for this account. Put initiatives in your Initiatives table ("Propose initiatives" in the task pane adds the plan\'s for you) and KAP tracks them on every analysis.',
        "note"
      )
    );
    return { blocks, cfs, next: r + 2 };
  }
  const rows: CellValue[][] = initiatives.map((i) => [
    i.initiative,
    i.type,
    runText(i, culture),
    i.target,
    i.actual,
    i.baseline,
    i.uplift,
    i.progress,
    i.cancelled ? `Cancelled (${i.status})` : i.track,
    i.note ?? i.status ?? "",
  ]);
  blocks.push({
    at: `A${r}`,
    rows: [
      [
        "Initiative",
        "Type",
        "Run",
        "Target (uplift)",
        "Actual since start",
        "Baseline (same length before)",
        "Uplift",
        "Progress",
        "On track?",
        "Your status / note",
      ],
      ...rows,
    ],
    header: true,
    formats: [
      undefined,
      undefined,
      undefined,
      money,
      money,
      money,
      money,
      FORMATS.percent,
      undefined,
      undefined,
    ],
  });
  const range = `I${r + 1}:I${r + rows.length}`;
  cfs.push(
    {
      range,
      rule: { type: "textContains", text: "Behind", fill: PALETTE.bad, fontColor: PALETTE.badFont },
    },
    {
      range,
      rule: {
        type: "textContains",
        text: "On track",
        fill: PALETTE.good,
        fontColor: PALETTE.goodFont,
      },
    },
    {
      range,
      rule: {
        type: "textContains",
        text: "Achieved",
        fill: PALETTE.good,
        fontColor: PALETTE.goodFont,
      },
    }
  );
  r += rows.length + 1;
  blocks.push(
    cell(
      `A${r}`,
      "Actual = revenue of the initiative's categories/SKUs from its start; baseline = the same number of days before it; on track = uplift at or above the target pro rata to the days run.",
      "note"
    )
  );
  return { blocks, cfs, next: r + 2 };
}

/** The initiatives the plan proposes from the data (to add to the Initiatives table). */
export function proposedInitiativesBlock(
  r: number,
  initiatives: readonly PlanInitiative[],
  money: string
): Laid {
  const blocks: Block[] = [cell(`A${r}`, "Proposed from the data", "label")];
  r++;
  const rows: CellValue[][] = initiatives.map((i) => [
    i.title,
    i.detail,
    i.estimate,
    i.source,
    i.type,
    [...i.categories, ...i.skus].join("; ") || "whole account",
  ]);
  blocks.push({
    at: `A${r}`,
    rows: [
      ["Initiative", "Detail", "Estimate (a year)", "From", "Type", "Tracked on"],
      ...(rows.length ? rows : [["No initiative found in the data yet.", "", null, "", "", ""]]),
    ],
    header: true,
    formats: [undefined, undefined, money, undefined, undefined, undefined],
  });
  return { blocks, cfs: [], next: r + Math.max(1, rows.length) + 2 };
}

/** The win-back stage with what to do: Stage 4's recovery offers, Stage 5's exit questions and the learning recorded. */
export function winBackBlock(r: number, w: WinBack | null): Laid {
  const blocks: Block[] = [];
  if (!w || w.stage === 0) return { blocks, cfs: [], next: r };
  blocks.push(cell(`A${r}`, `Win-back: ${w.name}`, H2));
  r++;
  const since =
    w.daysSinceLastOrder === null
      ? "No order in the data."
      : `${w.daysSinceLastOrder} days since the last order.`;
  blocks.push({
    at: `A${r}`,
    rows: [
      ["Why", since],
      ["Action", w.action],
      ["Script", w.script],
    ],
  });
  blocks.push({ at: `A${r}`, rows: [["Why"], ["Action"], ["Script"]], style: "label" });
  r += 3;
  if (w.offers.length) {
    blocks.push(cell(`A${r}`, "Recovery offer (choose one or more)", "label"));
    r++;
    blocks.push({ at: `A${r}`, rows: w.offers.map((o) => [`☐ ${o}`]) });
    r += w.offers.length;
  }
  if (w.questions.length) {
    blocks.push(cell(`A${r}`, "Exit interview", "label"));
    r++;
    blocks.push({ at: `A${r}`, rows: w.questions.map((q) => [`☐ ${q}`, "Answer:"]) });
    r += w.questions.length;
    blocks.push({
      at: `A${r}`,
      rows: [
        [
          "Learning recorded",
          w.learning ??
            'Not yet: write it in the accounts table\'s "Lost Reason" column so other accounts learn from it.',
        ],
      ],
    });
    blocks.push(cell(`A${r}`, "Learning recorded", "label"));
    r++;
  }
  return { blocks, cfs: [], next: r + 1 };
}

/** Objection handling (methodology 000, Appendix D). */
export function objectionsBlock(r: number): Laid {
  const blocks: Block[] = [cell(`A${r}`, "Objection handling", H2)];
  r++;
  const rows = OBJECTION_RESPONSES.map((o) => [o.objection, o.response]);
  // one table with its header, so a page break keeps it whole (a header block alone left the
  // last responses to the next page); its rows again on top, wrapping under the header rather
  // than spilling past the table's edge
  blocks.push({ at: `A${r}`, rows: [["Objection", "Response"], ...rows], header: true });
  blocks.push({ at: `A${r + 1}`, rows, style: { wrap: true, vAlign: "top" } });
  return { blocks, cfs: [], next: r + OBJECTION_RESPONSES.length + 2 };
}

/**
 * Competitive intelligence (methodology 000, Step 5): the categories the data says are probably
 * bought elsewhere (those it switched away from, then those its industry buys and it does not),
 * the questions to ask, and a competitor table to fill in (one row per likely
 * competitor, the displacement categories written in as what they may supply).
 */
export function competitiveBlock(
  r: number,
  displacement: readonly CompetitorDisplacement[],
  money: string,
  /** the analysis's as-of in the workbook's date text: the spend is over the 12 months to it */
  asOfText: string,
  /** why nothing was compared (the only account in its currency), else null */
  noPeers: string | null = null
): Laid {
  const blocks: Block[] = [cell(`A${r}`, "Competitive intelligence", H2)];
  r++;
  blocks.push(cell(`A${r}`, "Probably bought elsewhere (from the data)", "label"));
  r++;
  // a category it switched away from: bought by the account itself until it stopped (its share
  // and the industry's median left blank: its own orders are the evidence)
  const rows: CellValue[][] = displacement.map((c) => [
    c.category,
    c.boughtBy,
    c.share,
    c.medianSpend,
  ]);
  blocks.push({
    at: `A${r}`,
    rows: [
      ["Category", "Bought by", "Share", `Their median spend, 12 months to ${asOfText}`],
      ...(rows.length
        ? rows
        : [
            [
              noPeers ??
                "Nothing stands out: comparable accounts buy no category this one lacks (or the account has no industry).",
              "",
              null,
              null,
            ],
          ]),
    ],
    header: true,
    formats: [undefined, undefined, FORMATS.percent, money],
  });
  r += Math.max(1, rows.length) + 2;

  blocks.push(
    cell(`A${r}`, 'Questions to ask ("We\'re always looking to improve. Can I ask…")', "label")
  );
  r++;
  const first = displacement[0]?.category ?? "these products";
  const qs: CellValue[][] = COMPETITIVE_QUESTIONS.flatMap((t) =>
    t.questions.map((q, k) => [k === 0 ? t.topic : "", `☐ ${q.replace("[category]", first)}`])
  );
  blocks.push({ at: `A${r}`, rows: qs });
  blocks.push({ at: `A${r}`, rows: qs.map((q) => [q[0]]), style: "label" });
  r += qs.length + 1;

  blocks.push(cell(`A${r}`, "Competitors (fill in)", "label"));
  r++;
  const fill: CellValue[][] = (
    displacement.length
      ? displacement.slice(0, 3).map((c) => ["", c.category, "", "", ""])
      : [["", "", "", "", ""]]
  ).concat([
    ["", "", "", "", ""],
    ["", "", "", "", ""],
  ]);
  blocks.push({
    at: `A${r}`,
    rows: [[...COMPETITOR_TABLE_HEADERS], ...fill],
    header: true,
    style: { border: "all", vAlign: "top" },
  });
  return { blocks, cfs: [], next: r + fill.length + 2 };
}

/** Merges a Laid into a sheet's lists and returns its next row. */
export function place(into: { blocks: Block[]; cfs: ConditionalFormat[] }, laid: Laid): number {
  into.blocks.push(...laid.blocks);
  into.cfs.push(...laid.cfs);
  return laid.next;
}

/** The sites block (shared with the account plan): one row per site, the silent ones highlighted, the multi-site proposal under it (none for a lost account). Returns the next free row. */
export function siteBlocks(
  blocks: Block[],
  cfs: ConditionalFormat[],
  r: number,
  d: AccountDetail,
  money: string,
  dateFormat: string
): number {
  const m = d.relationships;
  blocks.push(cell(`A${r}`, "Sites", H2));
  r++;
  if (!m.sites.length) {
    blocks.push(
      cell(
        `A${r}`,
        "No sites in the data: the order lines have no site or delivery-address column and the account has no child accounts.",
        "note"
      )
    );
    return r + 2;
  }
  const rows = m.sites.map((s) => [
    s.site,
    s.accountId === d.account.accountId ? "" : s.accountId,
    s.revenueLast12,
    s.lastOrderDate === null ? "never" : date(s.lastOrderDate),
    s.daysSinceLastOrder,
    s.orderedLast90 ? "Yes" : "No",
    s.status,
  ]);
  blocks.push({
    at: `A${r}`,
    rows: [
      ["Site", "Account", "Revenue 12m", "Last order", "Days since", "Last 90 days?", "Status"],
      ...rows,
    ],
    header: true,
    formats: [undefined, undefined, money, dateFormat, FORMATS.integer, undefined, undefined],
  });
  cfs.push(
    {
      range: `G${r + 1}:G${r + rows.length}`,
      rule: {
        type: "textContains",
        text: "silent",
        fill: PALETTE.neutral,
        fontColor: PALETTE.neutralFont,
      },
    },
    {
      range: `G${r + 1}:G${r + rows.length}`,
      rule: { type: "textContains", text: "never", fill: PALETTE.bad, fontColor: PALETTE.badFont },
    }
  );
  r += rows.length + 1;
  // a lost account's plan is a win-back plan: no expansion into its other sites (as its initiatives)
  if (m.multiSite && !isMarkedLost(d.account.winBack)) {
    blocks.push(
      cell(
        `A${r}`,
        `Multi-site expansion: ${m.multiSite.message}${m.multiSite.estimate !== null ? " Estimate on the account plan." : ""}`,
        { italic: true, fontColor: PALETTE.neutralFont }
      )
    );
    r++;
  }
  return r + 1;
}
