/** Account Plan for one account (RULES.md §2.7, methodology 000 Step 6 and 001). */
import { noComparableAccountsText } from "../domain/analysis/crossSell";
import { lostToCompetitorText } from "../domain/winback";
import type { AccountDetail } from "../domain/analysis/types";
import {
  competitiveBlock,
  objectionsBlock,
  place,
  proposedInitiativesBlock,
  siteBlocks,
  trackedInitiativesBlock,
  winBackBlock,
} from "./methodBlocks";
import { asOfText, dateFormatOf, kapName, type LayoutOptions, moneyFor } from "./options";
import type { EngagementEntry, Serial } from "../domain/types";
import { edate, eomonth } from "../domain/dates";
import {
  type Block,
  type CellValue,
  type ConditionalFormat,
  date,
  FORMATS,
  PALETTE,
  sheet,
  type SheetSpec,
  title,
  cell,
} from "./spec";

/** `months` calendar months after `asOf` (EDATE; a month's end to a month's end, as RULES.md §2). */
function monthsAfter(asOf: Serial, months: number): Serial {
  return eomonth(asOf, 0) === asOf ? eomonth(asOf, months) : edate(asOf, months);
}

/** "Call (outbound)", "E-mail (inbound)", or the log's own word when it is none of the four. */
function engagementType(e: EngagementEntry): string {
  const t = e.type ? e.type.charAt(0).toUpperCase() + e.type.slice(1) : (e.typeText ?? "");
  return e.direction ? `${t}${t ? " " : ""}(${e.direction})` : t;
}

/** The lost-status line: red like the bad band, so it is the first thing read. */
export const LOST_STYLE = { bold: true, fill: PALETTE.bad, fontColor: PALETTE.badFont } as const;

/** "Status: Lost (marked in the accounts table: <reason>). Win-back plan: Stage 5 Exit interview …" */
export function lostStatusText(w: AccountDetail["account"]["winBack"]): string {
  const reason = w?.learning ? `: ${w.learning}` : "";
  return `Status: Lost (marked in the accounts table${reason}). This is a win-back plan (${w?.name ?? "Stage 5 – Exit interview"}): no growth target, no new categories or upsell until the account orders again.`;
}

/**
 * The objective an account in a win-back stage works to first, in the methodology's words (000
 * Step 9.3): the stage's action (Stage 2 "Direct call with value offer"); for an account marked
 * lost, the exit interview's "If customer confirms churn: Ask … Document learnings for other
 * accounts". Null for an account in no stage.
 */
export function winBackObjective(w: AccountDetail["account"]["winBack"]): string | null {
  if (!w || w.stage === 0) return null;
  if (!w.questions.length) return `${w.name}: ${w.action}`;
  const asked = w.questions.map((q) => `"${q}"`);
  const list = `${asked.slice(0, -1).join(", ")}${asked.length > 1 ? " and " : ""}${asked[asked.length - 1]}`;
  return `${w.name}: ask ${list}, and document the learning for other accounts`;
}

export function planSheet(d: AccountDetail, opts: LayoutOptions): SheetSpec {
  const a = d.account;
  const p = d.plan;
  const money = moneyFor(opts, a.currency);
  const blocks: Block[] = [
    title("A1", `Account Plan – ${a.name}`),
    cell(
      "A2",
      `Account ${a.accountId} · last updated ${asOfText(opts.asOf, opts.culture)} · account manager: ${a.accountManager ?? "not set"}`,
      "subtitle"
    ),
  ];
  // a lost account says so before anything else: what follows is a win-back plan
  if (p.lost) blocks.push(cell("A3", lostStatusText(a.winBack), LOST_STYLE));
  const cfs: ConditionalFormat[] = [];
  const out = { blocks, cfs };
  let r = 4;
  const kv = (pairs: [string, CellValue, string | undefined][]) => {
    for (const [k, v, f] of pairs) {
      blocks.push({ at: `A${r}`, rows: [[k, v]], formats: [undefined, f] });
      blocks.push(cell(`A${r}`, k, "label"));
      r++;
    }
  };
  const heading = (text: string) => {
    blocks.push(
      cell(`A${r}`, text, { bold: true, fontSize: 13, fontColor: "#1F4E79", border: "bottom" })
    );
    r++;
  };

  heading("Account summary");
  kv([
    ["Industry", a.industry ?? "not given", undefined],
    // the user's own tier, as the Health Report says it: apart from KAP's "ABC tier" below
    ["Account tier", a.tier ?? "not given", undefined],
    ["Current health", a.health.score ?? "n/a", FORMATS.score],
    ["Band", a.health.finalBand ?? "n/a", undefined],
    ["Quadrant", a.quadrant.quadrant, undefined],
    ["ABC tier", a.abcTier ?? "", undefined],
  ]);
  r++;

  heading("12-month objectives");
  const objective = winBackObjective(a.winBack);
  if (objective) kv([["Win-back objective", objective, undefined]]);
  kv([
    ["Revenue last 12 months", p.revenueBaseline, money],
    // a new account's 12 months hold only its weeks as a customer: its targets grow from a year at its rate
    ...(p.newAccountYear
      ? [
          [
            `A year at its rate so far (a customer since ${asOfText(p.newAccountYear.since, opts.culture)}, ${p.newAccountYear.days} day${p.newAccountYear.days === 1 ? "" : "s"}${p.newAccountYear.counted > p.newAccountYear.days ? `, taken as the last 3 months' ${p.newAccountYear.counted} days` : ""})`,
            p.newAccountYear.revenue,
            money,
          ] satisfies [string, CellValue, string | undefined],
        ]
      : []),
    p.lost
      ? ["Growth target", "none: win the account back first", undefined]
      : ["Growth target", p.growthTarget, FORMATS.percent],
    [
      p.winBackBaseline
        ? `Revenue to win back (its 12 months to ${asOfText(p.winBackBaseline.to, opts.culture)}, the month of its last order)`
        : p.lost
          ? "Revenue to win back"
          : "Revenue target",
      p.revenueTarget,
      money,
    ],
    [
      "Categories: now → target",
      // an invoice-level export without a category column has no categories to count or to add
      // (with one, each line's category stands for its product and counts)
      opts.hasProducts === false && opts.hasCategories === false
        ? "n/a (the order lines have no product or category column)"
        : opts.hasCategories === false
          ? "n/a (the order lines have no category column and there is no catalog)"
          : `${p.categoriesNow} → ${p.categoriesTarget}`,
      undefined,
    ],
    ["Contacts: now → target", `${p.contactsNow} → ${p.contactsTarget}`, undefined],
  ]);
  blocks.push({
    at: `A${r}`,
    rows: [
      // a lost account has no growth target: its quarters are the revenue to win back, as above
      ["Next 12 months, by 3 months", p.lost ? "Revenue to win back" : "Revenue target"],
      // the plan's quarters are the 12 months after the as-of, not fiscal quarters: each says its months
      ...p.quarterlyTargets.map((q) => [
        `Quarter ${q.quarter}: 3 months to ${asOfText(monthsAfter(opts.asOf, 3 * q.quarter), opts.culture)}`,
        q.target,
      ]),
    ],
    header: true,
    formats: [undefined, money],
  });
  r += p.quarterlyTargets.length + 1;
  if (p.targetNote) blocks.push(cell(`A${r++}`, p.targetNote, "note"));
  r++;

  heading("Active initiatives");
  r = place(out, trackedInitiativesBlock(r, d.initiatives, money, opts.asOf, opts.culture));
  r = place(out, proposedInitiativesBlock(r, p.initiatives, money));

  heading("Recent engagement");
  const log = p.recentEngagement;
  blocks.push({
    at: `A${r}`,
    rows: [
      ["Date", "Type", "Contact", "Summary", "Follow-up"],
      ...(log.length
        ? log.map((e) => [
            date(Math.floor(e.at)),
            engagementType(e),
            e.contact ?? "",
            e.topic ?? "",
            e.followUp ?? (e.respondedOn !== undefined ? "Answered" : ""),
          ])
        : [
            [
              "No engagement log in the workbook yet: add one and KAP scores Engagement from it.",
              "",
              "",
              "",
              "",
            ],
          ]),
    ],
    header: true,
    formats: [dateFormatOf(opts), undefined, undefined, undefined, undefined],
    style: { wrap: true, vAlign: "top" },
  });
  r += Math.max(1, log.length) + 2;

  heading("Stakeholder coverage");
  blocks.push({
    at: `A${r}`,
    rows: [
      ["Role", "Covered", "Contacts", "Priority to obtain", "First way to reach them"],
      ...p.stakeholders.map((s) => [
        s.role,
        s.held ? "✔ yes" : s.unreachable.length ? "✘ not reachable" : "✘ missing",
        !s.held && s.unreachable.length ? s.unreachable.join(", ") : s.names.join(", "),
        s.priority ?? "–",
        s.approaches[0] ?? "",
      ]),
    ],
    header: true,
  });
  r += p.stakeholders.length + 1;
  blocks.push(
    cell(
      `A${r}`,
      "The relationship map sheet has every way to reach the missing roles, the decision map and the people who order but are not contacts.",
      "note"
    )
  );
  r += 2;

  r = siteBlocks(blocks, cfs, r, d, money, dateFormatOf(opts));

  heading("Next actions");
  for (const n of p.nextActions.length ? p.nextActions : ["Book the next QBR."]) {
    blocks.push({ at: `A${r}`, rows: [[`☐ ${n}`, "Due:"]] });
    r++;
  }
  r++;

  r = place(out, winBackBlock(r, a.winBack));

  heading("Risk factors");
  for (const k of p.risks.length ? p.risks : ["None found in the data."]) {
    blocks.push({ at: `A${r}`, rows: [[`• ${k}`]] });
    r++;
  }
  r++;

  heading("SWOT (add what the data cannot know)");
  const swot = p.swot;
  const quad = (label: string, items: string[]) => [
    label,
    ...(items.length ? items.map((x) => `• ${x}`) : []),
    "•",
    "•",
  ];
  const s = quad("Strengths", swot.strengths);
  const w = quad("Weaknesses", swot.weaknesses);
  const o = quad("Opportunities", swot.opportunities);
  const t = quad("Threats", swot.threats);
  const top = Math.max(s.length, w.length);
  const bottom = Math.max(o.length, t.length);
  const rows: CellValue[][] = [];
  for (let k = 0; k < top; k++) rows.push([s[k] ?? "", w[k] ?? ""]);
  for (let k = 0; k < bottom; k++) rows.push([o[k] ?? "", t[k] ?? ""]);
  blocks.push({ at: `A${r}`, rows, style: { wrap: true, vAlign: "top", border: "all" } });
  blocks.push(cell(`A${r}`, "Strengths", { bold: true, fill: "#C6EFCE", border: "all" }));
  blocks.push(cell(`B${r}`, "Weaknesses", { bold: true, fill: "#FFC7CE", border: "all" }));
  blocks.push(cell(`A${r + top}`, "Opportunities", { bold: true, fill: "#DDEBF7", border: "all" }));
  blocks.push(cell(`B${r + top}`, "Threats", { bold: true, fill: "#FFEB9C", border: "all" }));
  r += top + bottom + 2;

  r = place(
    out,
    competitiveBlock(
      r,
      d.competitorDisplacement,
      money,
      asOfText(opts.asOf, opts.culture),
      lostToCompetitorText(a.winBack) ??
        noComparableAccountsText(d.account.currency, d.account.whitespace.comparableAccounts)
    )
  );
  place(out, objectionsBlock(r));

  return sheet(kapName("Plan", a.accountId), "plan", a.key, blocks, {
    widths: [48, 48, 18, 18, 18, 16, 14, 12, 14, 30],
    conditionalFormats: cfs,
    // landscape: its tables run to column J (portrait printed them at about 40%)
    page: { orientation: "landscape", fitToWidth: true },
    showGridlines: false,
  });
}
