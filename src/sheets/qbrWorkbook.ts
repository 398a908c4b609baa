/**
 * The QBR workbook for one account and one fiscal quarter (RULES.md §2.9, methodology 000
 * Step 7): cover, partnership summary, the quarter at a glance, service, insights,
 * recommendations, offers, planning, actions, agenda, preparation checklist and the
 * follow-up e-mail drafted with the account's own numbers — the pages put in front of the
 * customer, with neutral facts only (orders, spend, products, savings; what a recommendation is
 * and why) — then, last, "Preparation (internal)": the sales team's own material (the health
 * score with its band and factors, what each recommendation is worth to us and how an upsell's
 * price compares, why spend is down, win-back, outreach and payment detail, initiatives on track
 * or behind, competitive intelligence, objection handling), red tab, not for the customer.
 * A lost account's pages look back on the 12 months to its last order (QbrData.lookBack) in
 * place of a quarter it did not order in. Print-ready: each sheet fits one page wide.
 */
import type { QbrData, QuarterFigures } from "../domain/analysis";
import type { PeriodFigures } from "../domain/analysis/qbr";
import { changeText, count, factorBasis, factorSourceText } from "../domain/analysis/basis";
import type { HealthInputs } from "../domain/analysis/types";
import type { EngagementFromLog } from "../domain/engagement";
import { passedOverText } from "../domain/analysis/fiscal";
import { BANDS, DISCOUNT_TIERS, ENGAGEMENT_LOG, type Factor, REPLENISHMENT } from "../domain/rules";
import { isMarkedLost, lostToCompetitorText } from "../domain/winback";
import { noComparableAccountsText } from "../domain/analysis/crossSell";
import { offerToCustomer } from "../domain/analysis/opportunities";
import { edate, eomonth, MONTH_SHORT, monthKey, monthKeyToYm, ymdToSerial } from "../domain/dates";
import type { Change } from "../domain/numbers";
import type { Serial } from "../domain/types";
import { dayMonthText } from "../domain/dateText";
import { roundHalfAwayFromZero } from "../domain/numbers";
import { formatMoney, moneyLabel, type MoneyLabel } from "../domain/currency";
import { decimalText, percentText, signedPercentText, wholeText } from "../domain/numberText";
import {
  competitiveBlock,
  type Laid,
  objectionsBlock,
  place,
  trackedInitiativesBlock,
  winBackBlock,
} from "./methodBlocks";
import {
  customerReason,
  estimateSentence,
  money2,
  notStockedText,
  outOfScaleText,
  timesText,
  upsellPricingText,
} from "./estimateBasis";
import {
  asOfText,
  dateFormatOf,
  labelledRows,
  type LayoutOptions,
  moneyFor,
  twelveMonthsTo,
  textMoneyLabel,
} from "./options";
import {
  type Block,
  type CellValue,
  type ConditionalFormat,
  date,
  type RangeStyle,
  FORMATS,
  medianFormat,
  PALETTE,
  sheet,
  type SheetSpec,
  title,
  cell,
} from "./spec";

const H2 = { bold: true, fontSize: 13, fontColor: PALETTE.brand, border: "bottom" } as const;
const PAGE = {
  orientation: "portrait",
  fitToWidth: true,
  onePage: true,
  margins: { top: 0.6, bottom: 0.6, left: 0.5, right: 0.5 },
} as const;

/** The money figure the cover, partnership and agenda quote for a quarter and for 12 months alike. */
const SPEND = "Spend after returns";

/** A change in percent with its sign: +20%, -13%, 0%. */
const SIGNED_PCT = FORMATS.signedPercent;

/**
 * A % change as the page and the e-mail both show it: a whole percent, half away from zero, as
 * Excel's "+0%" rounds (Math.round made −2.5% "-2%" in the e-mail beside the page's "-3%").
 */
const wholePct = (x: number): number => roundHalfAwayFromZero(x);

function pct(x: number | null): CellValue {
  return x === null ? "n/a" : wholePct(x) / 100;
}

/** The 12-month change as a cell: a whole percent (format "+0%"), else what it is in words. */
function spendChangeCell(c: Change): CellValue {
  if (c.kind === "pct") return c.pct / 100;
  return { na: "n/a: too little history", inf: "none before, orders now", none: "none in either" }[
    c.kind
  ];
}

/**
 * "Aug–Oct 2026": the calendar months of the `months` months to `end` shifted back `back` months,
 * when `end` is a month's last day (then the window is whole months); else null.
 */
function monthsText(end: Serial, months: number, back: number): string | null {
  if (eomonth(end, 0) !== end) return null;
  const last = monthKey(end) - back;
  const a = monthKeyToYm(last - months + 1);
  const b = monthKeyToYm(last);
  return `${MONTH_SHORT[a.m - 1]}${a.y !== b.y ? ` ${a.y}` : ""}–${MONTH_SHORT[b.m - 1]} ${b.y}`;
}

/** " (Aug–Oct 2026)", or "" when the window is not whole months (monthsText). */
function monthsNote(end: Serial, months: number, back: number): string {
  const t = monthsText(end, months, back);
  return t === null ? "" : ` (${t})`;
}

/** Whole money in text: the culture's way when one is set ("1.235 €"), else the format's symbol (none if it has none), en-GB ("£1,235"). */
function money0(n: number, symbolFormat: string, style?: MoneyLabel): string {
  if (style !== undefined) return formatMoney(n, style, 0);
  // a format with no symbol (money naming no currency: "#,##0;-#,##0") is shown with none
  const sym = /^"?([^#0"]+)"?#/.exec(symbolFormat)?.[1] ?? "";
  return `${n < 0 ? "-" : ""}${sym}${Math.round(Math.abs(n)).toLocaleString("en-GB")}`;
}

/**
 * Money in text as a cell in the money format beside it shows the same figure: to the penny when
 * the format has decimals ("-£152.64"), whole when it has none ("-£153").
 */
function moneyAsCell(n: number, format: string, style?: MoneyLabel): string {
  return /\.0/.test(format) ? money2(n, format, style) : money0(n, format, style);
}

/**
 * The bulk-discount tiers (RULES.md: from 250, 500, 1,000 and 2,500 of order value), lowest
 * first, their order values in the QBR's currency ("€1,000–2,499"), with their rates.
 */
function discountTierRows(
  money: string,
  moneyText?: MoneyLabel,
  culture?: string
): [string, number][] {
  const tiers = [...DISCOUNT_TIERS].sort((a, b) => a.min - b.min);
  // the upper end without a symbol, grouped the culture's way ("1.000 €–2.499")
  const plain = culture ? moneyLabel("", culture) : undefined;
  return tiers.map((t, i) => {
    const next = tiers[i + 1];
    const from = money0(t.min, money, moneyText);
    const last = next ? next.min - 1 : 0;
    // a symbol after the figure goes after the range, once: "1.000–2.499 €", not "1.000 €–2.499"
    if (plain && typeof moneyText === "object" && moneyText.after) {
      const p = (n: number) => formatMoney(n, plain, 0);
      return [
        next ? `${p(t.min)}–${p(last)}${moneyText.after}` : `${p(t.min)}${moneyText.after}+`,
        t.rate,
      ];
    }
    const upTo = plain ? formatMoney(last, plain, 0) : last.toLocaleString("en-GB");
    return [next ? `${from}–${upTo}` : `${from}+`, t.rate];
  });
}

/**
 * An action's due date until it is agreed in the review. A blank Due let the owner's name spill
 * over it ("Sam Reid" printed across Owner and Due, the Owner column narrowed to its header).
 */
const DUE = "to agree";

/**
 * The QBR's action for a recommendation (`email`: as the follow-up e-mail words it). Nothing to
 * send samples of when the workbook sells no such item (that we may not stock it is the internal
 * sheet's, never the customer's page), nor of a category the customer bought from us for years and
 * stopped (a win-back: C0292 had bought £2,191.00 of Consumables and was sent "samples" of it): its
 * needs and our price are reviewed with a quote.
 */
function actionFor(x: QbrData["recommendations"][number], email = false): string {
  const offer = offerToCustomer(x);
  if (x.kind === "win-back") return `Review ${offer} needs and pricing, with a quote`;
  if (x.notStocked) return email ? `Send a quote for ${offer}` : `Quote for ${offer}`;
  return email ? `Send samples / a quote for ${offer}` : `Send samples / quote for ${offer}`;
}

const CROSS_SELL_ITEM = "☐ Prepare cross-sell recommendations (3–5)";
const ATTENDEES_ITEM = "☐ Confirm attendees (request MD attendance)";
const PRICING_ITEM = "☐ Prepare pricing for recommended products";
const SAMPLES_ITEM = "☐ Bring product samples and catalogues";
/** The QBR's preparation checklist: each item with what it is about. */
const CHECKLIST: readonly (readonly [string, string])[] = [
  ["☐ Pull 12-month order history", "Data"],
  ["☐ Calculate total spend and savings delivered", "Data"],
  ["☐ Identify purchasing trends", "Data"],
  ["☐ Note any issues/complaints and resolutions", "Data"],
  [CROSS_SELL_ITEM, "Data"],
  // the review pages: the workbook's last sheet is the internal preparation
  ["☐ Create presentation deck / print the review pages", "Content"],
  [SAMPLES_ITEM, "Content"],
  [PRICING_ITEM, "Content"],
  [ATTENDEES_ITEM, "Logistics"],
  ["☐ Book meeting room or video call (45–60 minutes)", "Logistics"],
  ["☐ Bring notepad for action items", "Logistics"],
];

/**
 * What a lost account's checklist has in place of the cross-sell recommendations: its questions,
 * on the internal sheet. The checklist is printed with the agenda the customer is handed, so it
 * names no win-back stage ("Stage 5 – Exit interview" read as the customer's exit).
 */
const LOST_PREPARATION_ITEM = "☐ Prepare your questions (the win-back below)";

/**
 * The checklist of a QBR: a lost account's prepares its questions for the conversation, with no
 * cross-sell recommendations, pricing or samples for them (its plan has none).
 */
function checklistFor(lost: boolean, stage: number): (readonly [string, string])[] {
  if (stage === 3)
    return CHECKLIST.map(([item, kind]) =>
      item === ATTENDEES_ITEM
        ? ([
            `☐ Confirm attendees (request MD attendance; ${SALES_MANAGER_ATTENDS} joins)`,
            kind,
          ] as const)
        : ([item, kind] as const)
    );
  if (!lost) return [...CHECKLIST];
  return CHECKLIST.flatMap(([item, kind]): (readonly [string, string])[] =>
    item === CROSS_SELL_ITEM
      ? [[LOST_PREPARATION_ITEM, kind]]
      : item === PRICING_ITEM || item === SAMPLES_ITEM
        ? []
        : [[item, kind]]
  );
}

/** The planning questions of a review with an active customer. */
const PLANNING_QUESTIONS: readonly string[] = [
  "What projects or jobs are coming up in the next quarter?",
  "Any changes in your team, sites or operations?",
  "Which products do you buy elsewhere today, and why?",
  "Where could we save you time (deliveries, consolidation, auto-replenishment)?",
  "Who else should be involved in these reviews?",
  "What should we do differently?",
];

/** A win-back stage an account lapsing 30–90+ days is in (PRODUCT.md §2.4); 5, marked lost, has its own pages. */
type LapsingStage = 1 | 2 | 3 | 4;

/**
 * The planning questions of an account that has stopped ordering 30–90+ days (Stages 1–4), led by
 * what methodology 000 Step 9.3 has the account manager ask at its stage, in the customer's words
 * (no stage is named on a customer page), then the active review's that still fit:
 * - Stage 1, "Friendly check-in": "is there anything you need? Any issues we should know about?"
 * - Stage 2, "Direct call with value offer": "Is everything okay? I'd love to help you with your
 *   next order - I can offer [incentive]."
 * - Stage 3, "Manager escalation + special offer": "We value your business and want to make sure
 *   we're meeting your needs. Can we schedule a call to discuss?"
 * - Stage 4, "Recovery offer" (one-time 20% discount on the next order, free delivery for 3
 *   months, samples of new lines, extended credit terms): which offer helps, and the next order.
 * Not "Who else should be involved in these reviews?": a lapsing account's first question is
 * whether it still buys from us, not who joins the next review.
 */
const LAPSING_PLANNING_QUESTIONS: Readonly<Record<LapsingStage, readonly string[]>> = {
  1: [
    "Is there anything you need from us at the moment?",
    "Any issues we should know about (products, deliveries, service)?",
    "What projects or jobs are coming up in the next quarter?",
    "Any changes in your team, sites or operations?",
    "Which products do you buy elsewhere today, and why?",
    "What should we do differently?",
  ],
  2: [
    "Is everything okay on your side? Has anything changed in how you buy?",
    "What will your next order be, and how can we help you with it?",
    "Any issues we should know about (products, deliveries, service)?",
    "Which products do you buy elsewhere today, and why?",
    "What projects or jobs are coming up in the next quarter?",
    "What should we do differently?",
  ],
  3: [
    "Are we meeting your needs? Where have we fallen short?",
    "What has changed in your business, or in how you buy?",
    "Which products do you buy elsewhere today, and why?",
    "What would you need from us to order with us as before?",
    "Who else at your business should we be talking to?",
    "What should we do differently?",
  ],
  4: [
    "What has changed since your last order with us?",
    "Which products do you buy elsewhere today, and why?",
    "Which of the offers for your next order would help you most?",
    "Can we put your next order together now?",
    "Who should we stay in touch with at your business?",
    "What should we do differently?",
  ],
};

/**
 * Agenda item 1, the relationship check (methodology 000 Step 7.2: "How is business going
 * generally? Any changes in your team or operations? Any concerns or feedback for us?"), and for a
 * lapsing account its stage's own opening questions (Step 9.3's scripts, as above).
 */
const RELATIONSHIP_CHECK: Readonly<Record<0 | LapsingStage, string>> = {
  0: "How is business going? Changes in team or operations? Concerns or feedback for us?",
  1: "How is business going? Is there anything you need? Any issues we should know about?",
  2: "Is everything okay? How is business going? Any issues we should know about?",
  3: "Are we meeting your needs? How is business going? Concerns or feedback for us?",
  4: "What has changed since your last order? Concerns or feedback for us?",
};

/**
 * Stage 3's "Manager escalation" (Step 9.3: "I've asked our Sales Manager to reach out"): the
 * review is held with our Sales Manager, said on the agenda's attendees and the checklist.
 */
const SALES_MANAGER_ATTENDS = "our Sales Manager";

/**
 * A lost account's planning questions: its feedback and whether and when to talk again, not next
 * quarter's projects or who else should join reviews it no longer has. In the customer's words:
 * the exit interview's own ("What made you change suppliers?") is on the internal sheet.
 */
const LOST_PLANNING_QUESTIONS: readonly string[] = [
  "What has changed in your business since your last order with us?",
  "What could we have done differently?",
  "Is there anything you still need that we could help with?",
  "Who should we stay in touch with at your business?",
  "When would be a good time to talk again?",
];

/** An agenda item: its name, what it covers, its minutes. */
type AgendaItem = readonly [string, string, number];

/**
 * Agenda items 3–5 of a review with an active customer: insights, its top 3 recommendations, and
 * planning with the next QBR's date.
 */
function activeAgendaItems(recs: QbrData["recommendations"], stage: number): AgendaItem[] {
  // Stages 2–4 come with an offer for the next order (Step 9.3: Stage 2 "value offer", Stage 3
  // "special offer", Stage 4 "Recovery offer"), on the Insights page beside the recommendations
  const offer = stage >= 2 ? "; an offer for your next order" : "";
  return [
    [
      "3. Insights & opportunities",
      "Industry trends; new products; volume discounts and consolidation; comparison with similar customers",
      15,
    ],
    [
      "4. Recommendations",
      `${
        recs
          .slice(0, 3)
          .map((x, k) => `${k + 1}) ${offerToCustomer(x, true)}`)
          .join("; ") || NO_RECOMMENDATIONS
      }${offer}`,
      15,
    ],
    [
      "5. Forward planning",
      "Upcoming projects; our changes (pricing, products, delivery); actions and next steps; date of next QBR",
      10,
    ],
  ];
}
/**
 * A lost account's agenda items 3–5, in the same 40 minutes: its feedback in place of
 * recommendations (nothing new is offered it), and when to talk again in place of a next QBR; no
 * "new products" or "upcoming projects" of an active customer.
 */
const LOST_AGENDA_ITEMS: readonly AgendaItem[] = [
  [
    "3. Insights",
    // no terms to sell (volume discounts, auto-replenishment): the pages offer a lost account none
    "Comparison with similar customers; how we served you (service levels, issues resolved)",
    15,
  ],
  [
    "4. Your feedback",
    "What worked for you; what we could have done differently; anything you still need from us",
    15,
  ],
  ["5. Forward planning", "What we will follow up on; when to talk again", 10],
];

/**
 * An active account's "none" under Recommendations and in the agenda, said to the customer: no
 * opportunity of High or Medium priority (the rule is the sales team's; the Cross-Sell sheet lists
 * the rest). Before, the page said "No recommendation meets the bar yet (High or Medium priority)."
 * and the agenda "Product recommendations", as though there were some.
 */
const NO_RECOMMENDATIONS = "Nothing new to suggest this quarter.";

/** A lost account's Insights page: service and insights, no offers (nothing is sold it until it orders again). */
const LOST_INSIGHTS_SHEET = "Service & insights";

/** A lost account's "none" under Recommendations and in the agenda: said to the customer. */
const LOST_NO_RECOMMENDATIONS = "None this time: today is about your feedback on working with us.";

/**
 * What a lost account's customer pages say will be followed up after the win-back conversation:
 * its stage's action ("record the learning for other accounts") is the sales team's, on the
 * internal sheet only.
 */
const WINBACK_FOLLOW_UP = "on the points you raised";

/** The replenishment table shows the first candidates (most 12-month revenue first). */
const QBR_REPLENISHMENT_ROWS = 8;

/**
 * Why a QBR made with no quarter chosen reviews a part quarter (QbrData.passedOver): the last
 * complete quarter ends before the data's first order. Null when the default was not passed over.
 */
export function passedOverNote(q: QbrData, culture: string | undefined): string | null {
  const p = q.passedOver;
  if (!p) return null;
  return passedOverText(p.quarter, q.quarter, q.asOf, p.firstOrder, q.figuresTo, culture);
}

/**
 * A median of whole counts over an even number of accounts can be a half ("23.5" orders): said so
 * under the comparison, so it does not read as half an order. Nothing when no median is a half.
 */
function halfMedianNote(
  sim: QbrData["similarAccounts"],
  culture: string | undefined,
  dateCulture?: string
): Block[] {
  const halves = (
    [
      [sim.medianOrdersLast12, "orders"],
      [sim.medianCategoriesLast12, "categories"],
    ] as const
  )
    .filter(([m]) => m !== null && !Number.isInteger(m))
    .map(([m, what]) => `${decimalText(String(m), culture)} ${what}`);
  const notes: string[] = [];
  // a new customer's weeks beside the others' whole year: said, not left to look like a small account
  const h = sim.shortHistory;
  if (h)
    notes.push(
      `This account's first order was on ${asOfText(h.since, dateCulture)}: its figures cover ${h.days} day${h.days === 1 ? "" : "s"} of these 12 months, the similar accounts' a whole year, so they are not comparable yet.`
    );
  if (halves.length)
    notes.push(
      `${halves.join(" and ")} ${halves.length > 1 ? "are the medians" : "is the median"} of ${sim.accounts} similar accounts: with an even number of accounts, a median lies half-way between the two middle accounts' whole counts.`
    );
  return notes.length ? [cell("A16", notes.join(" "), "note")] : [];
}

export function qbrSheets(q: QbrData, opts: LayoutOptions): SheetSpec[] {
  const money = moneyFor(opts, q.currency);
  // figures in text follow the workbook's culture when it has one ("1.235 €", "53 %"); none: en-GB
  const tc = opts.numberCulture;
  const moneyText = textMoneyLabel(opts, q.currency);
  const pctText = (figure: number | string) => percentText(figure, tc);
  const signedPct = (pct: number): string => signedPercentText(pct, tc);
  // money in the prose as the tables beside it show it (£54,250.42, not £54,250)
  const cash = (n: number): string => moneyAsCell(n, money, moneyText);
  const subject = `${q.accountId}|${q.quarter.label}`;
  // the customer's pages name whom they were prepared for, not the tool that made them
  const page = { ...PAGE, footerLeft: `Prepared for ${q.name}` };
  const mk = (name: string, kind: string, blocks: Block[], extra: Partial<SheetSpec> = {}) =>
    sheet(name, `qbr-${kind}`, subject, blocks, {
      showGridlines: false,
      page,
      widths: [34, 18, 18, 18, 18, 18],
      ...extra,
    });
  const g = q.glance;
  // Every figure is the quarter's or the 12 months to `figuresTo`, and says which.
  // A quarter still running at the as-of says so: "FY2026 Q4 to 31/10/2026" (so do the quarters
  // it is compared with, which run to the same point of theirs).
  // A quarter the data only partly covers (the export starts inside it) says where it starts.
  // A quarter that ends before the data starts has no figures at all: it says so, and shows n/a.
  const ql = (f: QuarterFigures) =>
    (f.to < f.span.lastDay ? `${f.span.label} to ${asOfText(f.to, opts.culture)}` : f.span.label) +
    (f.dataStartDate === null
      ? ""
      : beforeData(f)
        ? ` (before the data, which starts ${asOfText(f.dataStartDate, opts.culture)})`
        : ` (data from ${asOfText(f.dataStartDate, opts.culture)})`);
  const Q = ql(g.current);
  // The glance table's rows name each quarter's months too ("FY2026 Q2 (Apr–Jun 2026)"): beside
  // the health factors' "3 months to 31/10/2026" a bare "Previous quarter" could be read as either.
  const qm = (f: QuarterFigures) => {
    const start = f.dataStartDate;
    const note =
      start === null
        ? ""
        : beforeData(f)
          ? `; before the data, which starts ${asOfText(start, opts.culture)}`
          : `; data from ${asOfText(start, opts.culture)}`;
    const to = f.to < f.span.lastDay ? ` to ${asOfText(f.to, opts.culture)}` : "";
    return `${f.span.label} (${f.span.months}${note})${to}`;
  };
  // 12 months that start before the data (an export shorter than that) say where the data starts
  const dataFrom12 = q.twelveMonthsDataStartDate;
  const from12 = dataFrom12 === null ? "" : ` (data from ${asOfText(dataFrom12, opts.culture)})`;
  const Y = twelveMonthsTo(q.figuresTo, opts.culture) + from12;
  const asOf = `as of ${asOfText(q.asOf, opts.culture)}`;
  const recs = q.recommendations;
  // One currency of an account that buys in several: its figures are that currency's orders only.
  const others = q.otherCurrencies;
  const inCcy = others.length ? ` in ${q.currency}` : "";

  // A lost account's QBR is a win-back conversation, as its plan (win-back plans): no new
  // categories or upsell to recommend it, nor to prepare
  // (the stage's name and actions are the sales team's: on the internal sheet, never these pages)
  const lost = isMarkedLost(q.winBack);
  // an account lapsing 30–90+ days is spoken to as its stage has it (Step 9.3), never named so
  const stage = lost ? 5 : (q.winBack?.stage ?? 0);
  const lapsing: LapsingStage | null = stage >= 1 && stage <= 4 ? (stage as LapsingStage) : null;
  const noRecommendations = lost ? LOST_NO_RECOMMENDATIONS : NO_RECOMMENDATIONS;
  // an account gone silent (45+ days: Stages 2–4, the risk flag's threshold) is re-engaged first
  // (methodology Step 9): its next order is agreed before anything new is offered, and the
  // cross-sell actions follow it, two not three (C0162, 120 days silent, was sent "samples" first)
  const silentDays = q.winBack?.daysSinceLastOrder ?? null;
  const reengage =
    lapsing !== null && lapsing >= 2 && silentDays !== null
      ? `Agree your next order: talk through what has changed since your last order on ${asOfText(q.asOf - silentDays, opts.culture)}${lapsing === 4 ? " and the offers for your next order" : ""}`
      : null;
  const crossSellActions = reengage ? 2 : 3;
  const checklist = checklistFor(lost, stage);
  // A lost account's pages look back on the relationship as it was, the 12 months to `figuresTo`
  // (the month of its last order): no quarter it did not order in, no £0.00 beside £0.00
  const look = q.lookBack;
  // an invoice-level export (no product or SKU column): products and categories are n/a, and the
  // quarter's revenue is shown as one line rather than as categories adding up to 0
  const noProducts = opts.hasProducts === false;
  // a part quarter the default fell back to is said on the cover, never left to be taken for a whole one
  const quarterNote = look ? null : passedOverNote(q, opts.culture);
  const quarterStyle = {
    bold: true,
    wrap: true,
    vAlign: "top",
    fontColor: PALETTE.badFont,
  } as const;

  // 1. Cover, with the headline figures the other sheets repeat
  const cover = mk(
    "Cover",
    "cover",
    [
      {
        at: "A3",
        rows: [["Quarterly Business Review"]],
        style: { bold: true, fontSize: 24, fontColor: PALETTE.brand },
      },
      { at: "A5", rows: [[q.name]], style: { bold: true, fontSize: 18 } },
      cell("A7", look ? `Our partnership, ${Y}` : `${Q} (${q.quarter.months})`, {
        fontSize: 14,
      }),
      cell(
        "A8",
        // the day it was made and the day its data runs to are two days: a QBR made on 1 December
        // over data to 31 October was not "prepared 31/10"
        `Prepared ${opts.preparedOn === undefined ? "" : `${asOfText(opts.preparedOn, opts.culture)} `}by ${q.accountManager ?? "your account manager"} · data to ${asOfText(q.asOf, opts.culture)} · account ${q.accountId}${q.tier ? ` · ${/^(Platinum|Gold|Silver|Bronze)$/.test(q.tier) ? `${q.tier} tier` : `account tier ${q.tier}`}` : ""}`,
        "subtitle"
      ),
      ...(others.length
        ? [
            cell(
              "A9",
              `Orders in ${q.currency} only: this account also buys in ${others.join(", ")}, reviewed in its own QBR (money in different currencies is never added).`,
              "note"
            ),
          ]
        : []),
      // (a lost account and order data that end early are the sales team's to settle: said at the
      // top of the internal sheet, "Before you send this")
      ...(quarterNote ? [cell("A20", quarterNote, quarterStyle)] : []),
      cell("A10", "At a glance", H2),
      // facts only: the health score grades the customer, and is the internal sheet's
      ...labelledRows(
        11,
        look
          ? [
              [`Orders, ${Y}`, q.ordersLast12, FORMATS.integer],
              [`${SPEND}, ${Y}`, q.spendLast12, money],
              [
                `Products bought, ${Y}`,
                noProducts ? "n/a" : look.distinctProducts,
                FORMATS.integer,
              ],
              ...(q.savings
                ? [[`Savings vs list price, ${Y}`, q.savings.savings, money] as const]
                : []),
            ]
          : [
              [`Orders, ${Q}`, g.current.orders, FORMATS.integer],
              // one basis for the quarter and the 12 months: spend after returns (PRODUCT.md §1),
              // not the quarter's gross order value beside a net year
              [`${SPEND}, ${Q}`, g.current.netRevenue, money],
              [`Orders, ${Y}`, q.ordersLast12, FORMATS.integer],
              [`${SPEND}, ${Y}`, q.spendLast12, money],
            ]
      ),
      cell(
        "A17",
        // a lost account's pages offer it nothing (no offers section)
        `Contents: Partnership summary · ${look ? "What you bought" : "The quarter at a glance"} · Service · Insights · Recommendations${lost ? "" : " · Offers"} · Planning · Actions · Agenda · Follow-up e-mail`,
        { wrap: true, vAlign: "top" }
      ),
    ],
    {
      widths: [44, 20],
      merges: ["A17:B17", ...(quarterNote ? ["A20:B20"] : [])],
    }
  );

  // 2. Partnership summary (PRODUCT.md §2.9: customer since, tier, contact, 12-month orders and
  // spend, savings against list price; no health score, which grades the customer)
  // A customer whose first order falls inside these 12 months: its table and chart start with that
  // month, not with months before it was a customer (C0013, a customer since 05/09/2026, showed
  // Oct 2025 to Aug 2026 at £0.00 beside its £882.77 of September)
  // (only where the data covers the 12 months before these too: an export starting later cannot
  // tell a new customer from one whose earlier orders it does not hold)
  const firstOrder =
    q.twelveMonthsDataStartDate === null && q.prior12DataStartDate === null
      ? q.health.inputs.firstOrderDate
      : null;
  // (from an earlier month with a figure, a credit note, so the total stays the 12 months' spend)
  const ownFrom =
    firstOrder === null
      ? 0
      : q.monthlyRevenue.findIndex((m) => m.monthKey >= monthKey(firstOrder) || m.revenue !== 0);
  const months = ownFrom > 0 ? q.monthlyRevenue.slice(ownFrom) : q.monthlyRevenue;
  // new since the previous quarter: no "vs £0.00" before it was a customer
  const newSincePrevious = firstOrder !== null && firstOrder > g.previous.to;
  const monthTotal = months.reduce((t, m) => t + m.revenue, 0);
  const first = months[0]?.month ?? "";
  // A quarter still running at a mid-month as-of: the last month is partial, and the table's
  // months (from the 1st of the first) are not the 12 months to the as-of of the spend above it,
  // so the table says its own dates rather than read as a second, different 12-month total.
  const partialTo = eomonth(q.figuresTo, 0) === q.figuresTo ? null : q.figuresTo;
  const last = partialTo
    ? asOfText(partialTo, opts.culture)
    : (months[months.length - 1]?.month ?? "");
  const monthLabel = (m: (typeof months)[number], k: number): string =>
    partialTo !== null && k === months.length - 1
      ? `${m.month} (to ${dayMonthText(partialTo, opts.culture)})`
      : m.month;
  const firstDay = months.length
    ? (({ y, m }) => asOfText(ymdToSerial(y, m, 1), opts.culture))(monthKeyToYm(months[0].monthKey))
    : "";
  // the 12 months before the 12 to `figuresTo` end a year before it (calendar months, as EDATE)
  const prior12To = edate(q.figuresTo, -12);
  const fromPrior12 =
    q.prior12DataStartDate === null
      ? ""
      : ` (data from ${asOfText(q.prior12DataStartDate, opts.culture)})`;
  const partnershipRows: [string, CellValue, string?][] = [
    [
      "Partnership since",
      q.customerSince === null ? "not known" : date(q.customerSince),
      dateFormatOf(opts),
    ],
    ["Account tier", q.tier ?? "not set"],
    ["Your dedicated contact", q.accountManager ?? "not set"],
    [
      "Primary contact",
      [q.primaryContact.name, q.primaryContact.email, q.primaryContact.phone]
        .filter(Boolean)
        .join(" · ") || "not given",
    ],
    [`Orders, ${Y}`, q.ordersLast12, FORMATS.integer],
    [`${SPEND}, ${Y}`, q.spendLast12, money],
    // the spend above against its own year before (the same pair of periods as the agenda's);
    // a lost account's pages look back on what it bought, not on how its buying fell
    ...(look
      ? []
      : [
          [
            `Change vs the ${twelveMonthsTo(prior12To, opts.culture)}${fromPrior12}`,
            spendChangeCell(q.spendChange12),
            SIGNED_PCT,
          ] as [string, CellValue, string],
        ]),
    [
      `Savings vs list price, ${Y}`,
      q.savings
        ? q.savings.savings
        : q.listPricesInData
          ? "none: no list-priced goods kept in these 12 months"
          : "list prices not in the data",
      money,
    ],
  ];
  const partnership = mk(
    "Partnership",
    "partnership",
    [
      title("A1", "Your partnership"),
      cell(
        "A2",
        `${q.name} · ${Y}${look ? "" : ` · ${q.quarter.label} is ${q.quarter.months}`}${others.length ? ` · orders in ${q.currency} only` : ""}`,
        "subtitle"
      ),
      ...labelledRows(4, partnershipRows),
      ...(q.savings
        ? [
            cell(
              `A${4 + partnershipRows.length}`,
              savingsNote(q.savings.shareOfSpendWithListPrice, pctText),
              "note"
            ),
          ]
        : []),
      cell("A15", `Monthly revenue, ${first === last ? first : `${first} – ${last}`}${from12}`, H2),
      {
        at: "A16",
        rows: [
          ["Month", "Revenue"],
          // a month that ends before the data starts has no figure (not £0: nothing was read)
          ...months.map((m, k) => [
            monthLabel(m, k),
            dataFrom12 !== null && monthEnd(m.monthKey) < dataFrom12 ? "n/a" : m.revenue,
          ]),
          [partialTo ? `Total, ${firstDay} – ${last}` : "Total", monthTotal],
        ],
        header: true,
        total: true,
        formats: [undefined, money],
      },
    ],
    {
      charts: [
        {
          type: "column",
          title: `Monthly revenue, ${first === last ? first : `${first} – ${last}`}${from12}`,
          data: `A16:B${16 + months.length}`,
          from: "D15",
          to: "J32",
        },
      ],
      // column A holds "Savings vs list price, 12 months to 30/09/2026" on one line, as the cover
      // does (44): at 40 the label wrapped and its row printed two lines tall
      widths: [44, 22, 4, 12, 12, 12, 12, 12, 12, 12],
    }
  );

  // 3. The quarter at a glance; a lost account's "What you bought": its 12 months to its last
  // order's month, one row of figures with no quarters to compare (they would be £0.00 beside
  // £0.00), its top products and its spend by category over those months
  // with a category column, each line's category stands for its product in the book: not a product to list
  const topProducts = noProducts ? [] : (look ?? q).topProducts;
  const figures = (f: PeriodFigures | QuarterFigures): CellValue[] =>
    "span" in f && beforeData(f)
      ? Array<CellValue>(6).fill("n/a")
      : [
          f.orders,
          f.orderValue,
          f.returns,
          f.returnValue,
          f.netRevenue,
          noProducts ? "n/a" : f.distinctProducts,
        ];
  const productsChange = (x: Parameters<typeof pct>[0]): CellValue => (noProducts ? "n/a" : pct(x));
  /** the period the page's products and categories are of */
  const P = look ? Y : Q;
  const boughtFigures: PeriodFigures = look ?? g.current;
  // (with a category column, each line's category stands for its product: the split is real)
  const split =
    noProducts && opts.hasCategories === false
      ? [
          {
            category: "All lines (no product or category column)",
            revenue: boughtFigures.netRevenue,
            share: 1,
          },
        ]
      : withServiceLines((look ?? q).categorySplit, boughtFigures.netRevenue);
  const catTotal = split.reduce((t, c) => t + c.revenue, 0);
  // the rows with a share (bought, net above 0) come first: the pie draws them and no others
  const boughtRows = split.filter((c) => c.revenue > 0).length;
  const boughtTotal = split.reduce((t, c) => t + Math.max(c.revenue, 0), 0);
  const belowZero = split.length > boughtRows;
  const period = look ? "these 12 months" : "the quarter";
  const splitNote = !belowZero
    ? null
    : boughtRows
      ? `Shares are of the ${cash(boughtTotal)} bought in ${P} (the rows above zero, as the Purchase Breakdown counts categories); the rows below zero are returns or credits beyond what ${period} bought, with no share.`
      : `Nothing was bought in ${P} (no row above zero): the rows are returns or credits of earlier purchases, with no share.`;
  /** the top products' heading row: under the figures (one row for a look back, the quarters and their changes else) */
  const T = look ? 7 : 11;
  /** the category split's heading row, under the top products */
  const C = T + 8;
  // below the table and the chart beside it when there is one, across the page, wrapped
  const splitNoteRow = Math.max(C + 1 + Math.max(1, split.length) + 3, boughtRows ? C + 17 : 0);
  const noneText = look ? "No orders in these 12 months." : "No orders this quarter.";
  const figureBlocks: Block[] = [
    {
      at: "A4",
      rows: [
        [
          look ? "Period" : "Quarter",
          "Orders",
          "Order value",
          "Returns",
          "Returned value",
          // the cover's words for the same figure
          SPEND,
          "Products",
        ],
        ...(look
          ? [[Y, ...figures(look)]]
          : [
              [`This quarter, ${qm(g.current)}`, ...figures(g.current)],
              [`Previous quarter, ${qm(g.previous)}`, ...figures(g.previous)],
              [
                `Same quarter last year, ${qm(g.sameQuarterLastYear)}`,
                ...figures(g.sameQuarterLastYear),
              ],
            ]),
      ],
      header: true,
      formats: [undefined, FORMATS.integer, money, FORMATS.integer, money, money, FORMATS.integer],
    },
  ];
  if (!look)
    figureBlocks.push({
      at: "A8",
      rows: [
        [
          `Change vs ${ql(g.previous)}`,
          pct(g.ordersVsPrevious),
          pct(g.valueVsPrevious),
          null,
          null,
          pct(g.netVsPrevious),
          productsChange(g.productsVsPrevious),
        ],
        [
          `Change vs ${ql(g.sameQuarterLastYear)}`,
          pct(g.ordersVsLastYear),
          pct(g.valueVsLastYear),
          null,
          null,
          pct(g.netVsLastYear),
          productsChange(g.productsVsLastYear),
        ],
      ],
      style: "label",
      // signed, as the e-mail writes them: +20%, -13%, 0%
      formats: [undefined, SIGNED_PCT, SIGNED_PCT, undefined, undefined, SIGNED_PCT, SIGNED_PCT],
    });
  const quarter = mk(
    look ? "What you bought" : "Quarter at a glance",
    "quarter",
    [
      title("A1", look ? `What you bought, ${Y}` : `${Q} at a glance`),
      cell(
        "A2",
        look
          ? `Your orders with us over the ${Y}${monthsNote(q.figuresTo, 12, 0)}: what you bought most, and your spend by category`
          : g.current.to < q.quarter.lastDay
            ? `${q.quarter.months} to ${asOfText(g.current.to, opts.culture)}, against the same part of the previous quarter and of the same quarter last year`
            : `${q.quarter.months} against the previous quarter and the same quarter last year`,
        "subtitle"
      ),
      ...figureBlocks,
      cell(`A${T}`, `Top 5 products, ${P}`, H2),
      {
        at: `A${T + 1}`,
        rows: [
          ["Product", "SKU", "Units", "Revenue"],
          ...(topProducts.length
            ? topProducts.map((p) => [p.name, p.sku, p.units, p.revenue])
            : [
                [
                  noProducts
                    ? "No product column in the data (an invoice-level export)."
                    : boughtFigures.orders > 0
                      ? `No products ${look ? "in these 12 months" : "this quarter"} (service lines only).`
                      : noneText,
                  null,
                  null,
                  null,
                ],
              ]),
        ],
        header: true,
        formats: [undefined, undefined, FORMATS.integer, money],
      },
      cell(`A${C}`, `Spend by category, ${P}`, H2),
      {
        at: `A${C + 1}`,
        rows: [
          ["Category", "Revenue", "Share"],
          ...(split.length
            ? split.map((c) => [c.category, c.revenue, c.share])
            : [[noneText, null, null]]),
          // 100% of what was bought is the total only when nothing nets below zero
          [`Total (${SPEND.toLowerCase()})`, catTotal, catTotal > 0 && !belowZero ? 1 : null],
        ],
        header: true,
        total: true,
        formats: [undefined, money, FORMATS.percent],
      },
      ...(splitNote
        ? [
            cell(`A${splitNoteRow}`, splitNote, {
              italic: true,
              fontColor: PALETTE.note,
              wrap: true,
              vAlign: "top",
            }),
          ]
        : []),
    ],
    {
      // no chart of nothing: a quarter without orders has no category row to draw
      // (nothing bought, returns alone: no chart of negative spend)
      charts:
        noProducts || !boughtRows
          ? []
          : [
              {
                // the rows with a share, the service and adjustment row too when above zero, so
                // the slices' shares are the table's; the rows below zero have none to draw
                type: "pie" as const,
                title: `Spend by category, ${P}`,
                data: `A${C + 1}:B${C + 1 + boughtRows}`,
                // a look back's longer heading ("Spend by category, 12 months to 28/02/2026")
                // runs on under the chart's top row rather than wrap to two lines beside it
                from: `D${look ? C + 1 : C}`,
                to: `H${C + 15}`,
              },
            ],
      widths: [40, 14, 14, 12, 14, 14, 12],
      ...(splitNote ? { merges: [`A${splitNoteRow}:G${splitNoteRow}`] } : {}),
      page: { ...page, orientation: "landscape" },
    }
  );

  // 4. Service performance, insights, recommendations, offers
  const sim = q.similarAccounts;
  // No category column and no catalog: no categories to count (Diversity is n/a too).
  const cats = (n: number | null) => (opts.hasCategories === false ? "n/a" : n);
  // a lost account's service is over the 12 months its pages look back on, not a quarter without orders
  const served: PeriodFigures = look ?? g.current;
  const insightsBlocks: Block[] = [
    title("A1", "Service, insights and recommendations"),
    cell("A2", look ? `${q.name} · ${Y}` : `${q.name} · ${Q} · ${Y}`, "subtitle"),
    cell("A3", `Service performance, ${P}`, H2),
    {
      at: "A4",
      rows: [
        ["Measure", P, "Notes"],
        [
          "Returns (from the data)",
          served.returns,
          served.returns
            ? // as the quarter page's Returned value shows it (was "-£153" beside -£152.64)
              `Returned value ${moneyAsCell(served.returnValue, money, moneyText)}`
            : "No returns",
        ],
        ["On-time delivery %", null, "fill in"],
        ["Order accuracy %", null, "fill in"],
        ["Issues raised / resolved", null, "fill in"],
        ["Average response time", null, "fill in"],
      ],
      header: true,
    },
    cell("A11", `Comparison with similar accounts, ${Y}`, H2),
    {
      at: "A12",
      rows: [
        [
          `Measure (${sim.basis}, ${sim.accounts} account${sim.accounts === 1 ? "" : "s"})`,
          sim.shortHistory
            ? `This account (${sim.shortHistory.days} day${sim.shortHistory.days === 1 ? "" : "s"})`
            : "This account",
          "Similar accounts (median)",
        ],
        // the figures under the header in its block (headers right over them); formats per row below
        [`${SPEND}, ${Y}`, sim.accountRevenueLast12, sim.medianRevenueLast12],
        [`Orders, ${Y}`, sim.accountOrdersLast12, sim.medianOrdersLast12],
        [
          `Categories bought, ${Y}`,
          cats(sim.accountCategoriesLast12),
          cats(sim.medianCategoriesLast12),
        ],
      ],
      header: true,
    },
    {
      at: "A13",
      rows: [[`${SPEND}, ${Y}`, sim.accountRevenueLast12, sim.medianRevenueLast12]],
      formats: [undefined, money, money],
    },
    {
      at: "A14",
      rows: [[`Orders, ${Y}`, sim.accountOrdersLast12, sim.medianOrdersLast12]],
      formats: [undefined, FORMATS.integer, medianFormat(sim.medianOrdersLast12)],
    },
    {
      at: "A15",
      rows: [
        [
          `Categories bought, ${Y}`,
          cats(sim.accountCategoriesLast12),
          cats(sim.medianCategoriesLast12),
        ],
      ],
      formats: [undefined, FORMATS.integer, medianFormat(sim.medianCategoriesLast12)],
    },
    ...halfMedianNote(sim, tc, opts.culture),
  ];
  // A lost account is offered no auto-replenishment (nor any terms): nothing is sold it until it
  // orders again, and a product "due since" months back says only that it stopped
  if (!lost)
    insightsBlocks.push(
      cell(
        "A17",
        `Auto-replenishment candidates (regular reorder period: ${REPLENISHMENT.minOrders}+ orders, gaps varying ≤ ${pctText(Math.round(REPLENISHMENT.maxGapCv * 100))}; order history to ${asOfText(q.asOf, opts.culture)})`,
        { bold: true }
      ),
      {
        at: "A18",
        rows: [
          ["Product", "Orders", "Reorder every (days)", "Next expected", "Avg units per order"],
          ...(q.replenishment.length
            ? q.replenishment.slice(0, QBR_REPLENISHMENT_ROWS).map((r) => [
                r.name,
                r.orderDates,
                // a median of whole-day gaps: 7.5 shown as 7.5, not rounded to 8
                r.reorderDays,
                // a next order that has passed unordered says so, not a bare date months ago;
                // overdue only past 1.5× the period, as the Breakdown's Overdue column says, and
                // from that day (last order + 1.5× the period), not from the next expected date
                r.overdue
                  ? `overdue since ${asOfText(r.overdueFrom, opts.culture)}`
                  : r.nextExpectedOrder < q.asOf
                    ? `due since ${asOfText(r.nextExpectedOrder, opts.culture)}`
                    : date(r.nextExpectedOrder),
                Math.round(r.averageUnitsPerOrder),
              ])
            : [["No product is reordered at a regular period yet.", null, null, null, null]]),
        ],
        header: true,
        formats: [undefined, FORMATS.integer, FORMATS.integer, dateFormatOf(opts), FORMATS.integer],
        cellFormats: [
          [],
          ...q.replenishment
            .slice(0, QBR_REPLENISHMENT_ROWS)
            .map((r) => [undefined, undefined, medianFormat(r.reorderDays)]),
        ],
      }
    );
  let r = lost ? 17 : 20 + Math.max(1, Math.min(QBR_REPLENISHMENT_ROWS, q.replenishment.length));
  insightsBlocks.push(cell(`A${r}`, `Recommendations (${asOf})`, H2));
  insightsBlocks.push({
    at: `A${r + 1}`,
    rows: [
      // Priority over B:C (merged below), so Why stands over the replenishment table's Next
      // expected. What each is worth to us a year, and whose spend that is, are the internal
      // sheet's: the customer reads what we suggest and why, not what we expect to sell them
      ["Recommendation", "Priority", null, "Why"],
      ...(recs.length
        ? recs.map((x, k) => [
            `${k + 1}. ${offerToCustomer(x, true)}`,
            x.priority,
            null,
            // the reason only: the caveat of an item nothing sells is on the internal sheet
            customerReason(x),
          ])
        : [[noRecommendations, null, null, null]]),
    ],
    header: true,
    style: { wrap: true, vAlign: "top" },
  });
  // the header's Priority and each recommendation's (the message row of none spills across instead)
  const recMerges = Array.from(
    { length: recs.length + 1 },
    (_v, k) => `B${r + 1 + k}:C${r + 1 + k}`
  );
  r += Math.max(1, recs.length) + 3;
  const offerMerges: string[] = [];
  if (lapsing === 4 && q.winBack?.offers.length) {
    // Stage 4's recovery offer (Step 9.3) for the next order, in place of the bulk tiers: a
    // one-time 20% discount beside "£250–499: 3%" left the customer to ask which applies (the
    // internal sheet said the one, this page the other); which of them to give is the account
    // manager's (internal sheet, "Before you send this")
    insightsBlocks.push(cell(`A${r}`, "Offers for your next order", H2));
    insightsBlocks.push({ at: `A${r + 1}`, rows: q.winBack.offers.map((o) => [`☐ ${o}`]) });
  } else if (!lost) {
    insightsBlocks.push(cell(`A${r}`, "Offers: bulk order incentives", H2));
    insightsBlocks.push({
      at: `A${r + 1}`,
      rows: [
        ["Order value", "Discount"],
        ...discountTierRows(money, moneyText, opts.numberCulture),
      ],
      header: true,
      formats: [undefined, FORMATS.percent],
    });
    insightsBlocks.push(
      cell(
        `A${r + 7}`,
        `Also available: auto-replenishment (${pctText(5)} better pricing), annual agreement with retrospective rebate, ${pctText(2)} early-payment discount (within 7 days).`,
        { wrap: true, vAlign: "top" }
      )
    );
    offerMerges.push(`A${r + 7}:E${r + 7}`);
  }
  const replenishmentRows = Math.max(1, Math.min(QBR_REPLENISHMENT_ROWS, q.replenishment.length));
  // a lost account's page offers nothing: its tab says what it holds
  const insights = mk(
    lost ? LOST_INSIGHTS_SHEET : "Insights & offers",
    "insights",
    insightsBlocks,
    {
      // Why (D) is the wide column, shared with the replenishment's Next expected: the page's
      // tables end at E, the replenishment's figures beside its product (C was 56 wide and held
      // Reorder every, so they spread to the page's right edge)
      widths: [44, 14, 14, 56, 16],
      merges: [...recMerges, ...offerMerges],
      // next expected dates read from the left, as the "overdue since …" beside them, under
      // their header (which a column of dates alone, or of none yet, would set right)
      styles: lost ? [] : [{ range: `D18:D${18 + replenishmentRows}`, style: { hAlign: "left" } }],
    }
  );

  // 5. Planning questions and action items
  const planningBlocks: Block[] = [
    title("A1", "Forward planning"),
    cell("A3", "Planning questions", H2),
    {
      at: "A4",
      rows: (lost
        ? LOST_PLANNING_QUESTIONS
        : lapsing
          ? LAPSING_PLANNING_QUESTIONS[lapsing]
          : PLANNING_QUESTIONS
      ).map((t) => [t]),
      style: { wrap: true },
    },
    cell("A11", "Action items", H2),
    {
      at: "A12",
      rows: [
        ["Action", "Owner", "Due", "Status"],
        // a lost account's one action follows up its win-back conversation (the stage's own
        // wording, as on its plan, is on the internal sheet)
        ...(lost
          ? [
              [
                `Come back to you ${WINBACK_FOLLOW_UP}`,
                q.accountManager ?? "Account manager",
                DUE,
                "Open",
              ],
            ]
          : []),
        ...(reengage ? [[reengage, q.accountManager ?? "Account manager", DUE, "Open"]] : []),
        ...recs
          .slice(0, crossSellActions)
          .map((x) => [actionFor(x), q.accountManager ?? "Account manager", DUE, "Open"]),
        // a lost account has no next QBR booked: agree when to talk again instead
        [
          lost ? "Agree when to talk again" : "Confirm date of next QBR",
          q.accountManager ?? "Account manager",
          DUE,
          "Open",
        ],
        ["", "", "", ""],
      ],
      header: true,
    },
  ];
  // (the account's tracked initiatives, "Behind" among them, are on the internal preparation sheet)
  const planning = mk("Planning & actions", "planning", planningBlocks, {
    widths: [56, 16, 22, 16],
  });

  // 6. Agenda and preparation checklist
  // The agenda's 12-month spend and its change are one pair of periods: the 12 months to
  // `figuresTo` (the quarter's end) against the 12 before. The health score's revenue change is of
  // the 12 months to the as-of, another pair once the quarter has ended: quoted beside the
  // quarter's amount it read "£49,926.67 … −48%" where that amount is −46% on its year before.
  const sc = q.spendChange12;
  const spendChange =
    sc.kind === "pct"
      ? `, ${signedPct(sc.pct)} on the ${twelveMonthsTo(prior12To, opts.culture)}${fromPrior12}`
      : "";
  // A declining account (12-month spend after returns below the 12 months before, at the as-of):
  // the internal sheet names the likely causes, in the account plan's words (the plan is at the
  // as-of), so the two never disagree; its amounts are that pair's, the health score's.
  const rc = q.health.inputs.revenueChange;
  const decline =
    rc.kind === "pct" && rc.pct < 0
      ? `${twelveMonthsTo(q.asOf, opts.culture)}: ${cash(q.health.inputs.revenueLast12)}, ${signedPct(rc.pct)} on the ${cash(q.health.inputs.revenuePrior12)} of the 12 months before`
      : null;
  const agendaBlocks: Block[] = [
    title("A1", "QBR agenda (60 minutes)"),
    cell(
      "A2",
      `Account: ${q.name} · Date: · Attendees:${lapsing === 3 ? ` ${SALES_MANAGER_ATTENDS},` : ""}`,
      "subtitle"
    ),
    {
      at: "A4",
      rows: [
        ["Item", "Content", "Minutes"],
        ["1. Relationship check", RELATIONSHIP_CHECK[lapsing ?? 0], 5],
        [
          "2. Partnership review",
          look
            ? // what it bought with us, not a quarter it did not order in (£0.00 vs £0.00)
              `${SPEND} ${cash(q.spendLast12)} over the ${Y}; what you bought; savings; service levels; issues resolved`
            : `${SPEND} ${cash(g.current.netRevenue)} in ${Q}${beforeData(g.previous) || newSincePrevious ? "" : ` vs ${cash(g.previous.netRevenue)} in ${ql(g.previous)}`}; ${cash(q.spendLast12)} over the ${Y}${spendChange}; top products; savings; service levels; issues resolved`,
          15,
        ],
        ...(lost ? LOST_AGENDA_ITEMS : activeAgendaItems(recs, stage)).map((x) => [...x]),
      ],
      header: true,
      style: { wrap: true, vAlign: "top" },
    },
  ];
  // the preparation checklist is the sales team's, not the customer's: on the internal sheet
  const agenda = mk("Agenda", "agenda", agendaBlocks, {
    // Content at 74 holds item 1's question on one line (at 72 its row was sized for two)
    widths: [40, 74, 24],
  });

  // 7. Follow-up e-mail
  const contact = q.primaryContact.name?.split(" ")[0] ?? "there";
  // a quarter still running is reviewed to date, as the quarter page's subtitle says
  const reviewed = `${q.quarter.months}${g.current.to < q.quarter.lastDay ? ` to ${asOfText(g.current.to, opts.culture)}` : ""}`;
  const summary = [
    "Summary of discussion:",
    // a lost account's e-mail looks back on what it bought: nothing says that it stopped ordering
    ...(look
      ? []
      : [quarterSentence(Q, q.quarter.months, g, inCcy, ql(g.previous), cash, pctText)]),
    `- Over the ${Y}: ${q.ordersLast12} order${q.ordersLast12 === 1 ? "" : "s"}${inCcy}, ${cash(q.spendLast12)}${others.length ? " after returns" : " in total after returns"}${q.savings && q.savings.savings > 0 ? `, saving an estimated ${cash(q.savings.savings)} against list price` : ""}${others.length ? ` (your orders in ${others.join(", ")} are reviewed separately)` : ""}.`,
    ...(topProducts[0]
      ? [
          `- Your top product ${look ? "over those 12 months" : `in ${Q}`} was ${topProducts[0].name} (${wholeText(topProducts[0].units, tc)} unit${topProducts[0].units === 1 ? "" : "s"}).`,
        ]
      : []),
  ];
  const lines = lost
    ? winBackEmail(q, contact, summary)
    : [
        `Subject: QBR Summary & Actions – ${q.name} (${q.quarter.label})`,
        "",
        `Hi ${contact},`,
        "",
        `Thank you for taking the time to meet today. It was great catching up and reviewing ${reviewed}.`,
        "",
        ...summary,
        "",
        "Agreed actions:",
        ...(reengage ? [`- ${reengage} – ${q.accountManager ?? "me"} – [date]`] : []),
        ...recs
          .slice(0, crossSellActions)
          .map((x) => `- ${actionFor(x, true)} – ${q.accountManager ?? "me"} – [date]`),
        "- [Their action] – [owner] – [date]",
        "",
        // the review pages, never the workbook whole: its last sheet is the internal preparation
        "Attachments: QBR summary (the review pages), special offer details, product information.",
        "",
        "Next QBR: [date] – I will send a calendar invite.",
        "",
        "If you need anything in the meantime, I am always available.",
        "",
        ...signOff(q),
      ];
  const email = mk(
    "Follow-up e-mail",
    "email",
    [
      title("A1", "Follow-up e-mail (draft)"),
      { at: "A3", rows: lines.map((l) => [l]), style: { wrap: true } },
    ],
    { widths: [100] }
  );

  const prep = preparationSheet(q, opts, {
    checklist,
    Q,
    Y,
    decline,
    money,
    subject,
    cash,
    estimateCash: (n: number) => money2(n, money, moneyText),
  });

  // the internal sheet last: a customer pack is the sheets before it, printed or sent as they are
  return [cover, partnership, quarter, insights, planning, agenda, email, prep];
}

/** The e-mail's signature. */
function signOff(q: QbrData): string[] {
  return ["Best regards,", q.accountManager ?? "[Name]", "Account Manager"];
}

/**
 * A lost account's follow-up e-mail: it thanks them for their time and frankness and says what
 * will be followed up, with no offers or samples (nothing new is recommended until it orders
 * again) and none of the sales team's own wording (the exit interview is on the internal sheet).
 */
function winBackEmail(q: QbrData, contact: string, summary: readonly string[]): string[] {
  return [
    `Subject: Thank you for your time – ${q.name}`,
    "",
    `Hi ${contact},`,
    "",
    // our time together, not the quarter reviewed: a lost account's quarter often had no order
    "Thank you for your time today, and for being so frank with us. It was good to look back together on our work with you, and your feedback matters to us.",
    "",
    ...summary,
    "",
    "What I will follow up on:",
    `- I'll come back to you by [date] ${WINBACK_FOLLOW_UP}.`,
    "- [Anything else you asked for] – [date]",
    "",
    "Attachment: QBR summary (the review pages).",
    "",
    "If your needs change, or there is anything we can help with in future, I am always available.",
    "",
    ...signOff(q),
  ];
}

/** The internal sheet's name, its tab red; its header line and printed page header say it is not for the customer. */
const PREPARATION_SHEET = "Preparation (internal)";
const PREPARATION_TITLE = `${PREPARATION_SHEET} – not for the customer`;
/** Excel's Dark Red: the tab of a sheet that is not to be shown. */
const INTERNAL_RED = "#C00000";

/**
 * The sales team's own preparation for the review, on one sheet after the customer's pages
 * (methodology 000 Steps 5, 8.4 and 9.3, Appendix D): before you send this (order data that end
 * early, an account marked lost and what its pages look back on), the health score with its band
 * and each factor's basis (the unanswered outreach, the days paid late), why spend is down, the
 * win-back plan, the recommendations nothing in the workbook sells and where they come from, what
 * each recommendation is worth to us (its estimate, whose spend that is, an upsell's prices, an
 * estimate out of scale with the account), the tracked initiatives with on track / behind,
 * competitive intelligence and objection handling. None of it is for the customer's eyes, so none
 * of it is on the pages put in front of them.
 */
function preparationSheet(
  q: QbrData,
  opts: LayoutOptions,
  c: {
    /** the preparation checklist (item, what it is about): the team's, never the customer's pages */
    checklist: readonly (readonly [string, string])[];
    Q: string;
    /** the review pages' 12 months ("12 months to 30/09/2026") */
    Y: string;
    decline: string | null;
    money: string;
    subject: string;
    /** money in text as the money cells show it (to the penny, or whole with a whole-money format) */
    cash: (n: number) => string;
    /** an estimate's money in text, always to the penny */
    estimateCash: (n: number) => string;
  }
): SheetSpec {
  const out = { blocks: [] as Block[], cfs: [] as ConditionalFormat[] };
  const styles: RangeStyle[] = [];
  const keepTogether: string[] = [];
  out.blocks.push(
    cell("A1", PREPARATION_TITLE, { bold: true, fontSize: 16, fontColor: INTERNAL_RED }),
    cell(
      "A2",
      `${q.name} · ${c.Q} · your own notes for the review: keep this sheet out of what you print or send the customer.`,
      { italic: true, fontColor: INTERNAL_RED }
    )
  );
  let r = beforeYouSend(out.blocks, 4, q, opts, c.Y);
  // what to get ready before the meeting, first: the checklist, one item a line
  out.blocks.push(cell(`A${r}`, "Preparation checklist", H2), {
    at: `A${r + 1}`,
    // what each is about in C: an item longer than column A runs on into the empty B on one line
    rows: c.checklist.map(([item, about]) => [item, null, about]),
  });
  keepTogether.push(`${r}:${r + c.checklist.length}`);
  r += c.checklist.length + 2;
  // the account's grade first: the score, its band and factors the customer's pages no longer show
  r = place(out, healthBlock(r, q, opts, c));
  // A declining account: the likely causes, in the account plan's words, so the two never disagree.
  if (c.decline) {
    out.blocks.push(cell(`A${r}`, "Why spend is down", H2));
    out.blocks.push(
      cell(`A${r + 1}`, `${SPEND}, ${c.decline}. Likely causes, as the account plan lists them:`, {
        bold: true,
      })
    );
    const causes = q.planRisks.length
      ? q.planRisks.map((x) => [`• ${x}`])
      : [["• No risk flag in the data explains it: ask (see the planning questions)."]];
    out.blocks.push({ at: `A${r + 2}`, rows: causes });
    // one page: the heading and its causes (a page of its last bullet alone read as an orphan)
    keepTogether.push(`${r}:${r + 1 + causes.length}`);
    r += causes.length + 3;
  }
  r = place(out, winBackBlock(r, q.winBack));
  r = notStockedChecks(out.blocks, r, q.recommendations);
  r = recommendationEstimates(out.blocks, styles, r, q, opts, c.money, c.estimateCash);
  r = place(
    out,
    trackedInitiativesBlock(r, q.initiatives, c.money, q.asOf, opts.culture, {
      whenNone: "nothing",
    })
  );
  r = place(
    out,
    competitiveBlock(
      r,
      q.competitorDisplacement,
      c.money,
      asOfText(q.asOf, opts.culture),
      lostToCompetitorText(q.winBack) ??
        noComparableAccountsText(q.currency, q.similarAccounts.accounts)
    )
  );
  place(out, objectionsBlock(r));
  return sheet(PREPARATION_SHEET, "qbr-prep", c.subject, out.blocks, {
    showGridlines: false,
    tabColor: INTERNAL_RED,
    // the account plan's columns (objections' responses wrapping in B), an initiative's run in C on one line
    widths: [48, 48, 24, 18, 18, 16, 14, 12, 14, 30],
    conditionalFormats: out.cfs,
    styles,
    // several pages tall, one wide: each printed page's header says it is internal
    page: {
      orientation: "landscape",
      fitToWidth: true,
      margins: PAGE.margins,
      headerLeft: PREPARATION_TITLE,
      keepTogether,
      footerLeft: "Internal — not for the customer",
    },
  });
}

/** What the cover said to the salesperson (and the customer), at the internal sheet's top: bold, red. */
const WARNING = { bold: true, fontColor: PALETTE.badFont } as const;

/**
 * "Before you send this": what to settle before the review pages go to the customer, at the top
 * of the internal sheet (the cover said it, to the customer too): order data that end well before
 * the as-of date, and an account the Accounts table marks lost. Returns the next free row (`r`
 * when there is nothing to say).
 */
function beforeYouSend(
  blocks: Block[],
  r: number,
  q: QbrData,
  opts: LayoutOptions,
  Y: string
): number {
  const d = (s: number) => asOfText(s, opts.culture);
  const look = q.lookBack;
  const ends = opts.dataEndsEarly;
  const notes = [
    ...(ends !== undefined
      ? [
          `The order data ends ${d(ends)}, ${q.asOf - ends} days before the as-of date ${d(q.asOf)}: nothing after ${d(ends)} is counted. Check the export is complete before presenting these figures.`,
        ]
      : []),
    // a lost account (win-back Stage 5 is the Accounts table's mark) is no customer to review
    ...(isMarkedLost(q.winBack)
      ? [
          "Your Accounts table marks this account lost: hold a win-back conversation rather than a review, with the Stage 5 exit interview below (the reason recorded is there too); as on its plan, nothing new is recommended until it orders again, and the follow-up e-mail thanks them for their time and frankness and says what you will come back to them with.",
        ]
      : []),
    // its pages look back on what it bought rather than show a quarter of zeros
    ...(look
      ? [
          `The review pages look back on the ${Y}, the month of its last order (${d(look.lastOrder)}, ${q.asOf - look.lastOrder} days before the as-of date ${d(q.asOf)}): what it bought, its categories and its savings, with no ${q.quarter.label} figures; the follow-up e-mail does not say that it stopped ordering.`,
        ]
      : []),
    // Stage 4: the customer's Insights page lists the recovery offer whole for the next order
    ...(q.winBack?.stage === 4 && q.winBack.offers.length
      ? [
          `${q.winBack.daysSinceLastOrder ?? "Many"} days since the last order (Stage 4 – Recovery offer): the Insights page offers all ${q.winBack.offers.length} recovery offers for the next order, in place of the bulk discounts. Strike out the ones you will not give before you print or send it.`,
        ]
      : []),
  ];
  if (!notes.length) return r;
  blocks.push(cell(`A${r}`, "Before you send this", H2));
  notes.forEach((n, k) => blocks.push(cell(`A${r + 1 + k}`, n, WARNING)));
  return r + notes.length + 2;
}

/**
 * The recommendations nothing in the workbook sells (the catalog and the order data have neither),
 * numbered as the Insights page lists them, each with where the suggestion comes from: the
 * customer's page gives only the reason for it. Returns the next free row.
 */
function notStockedChecks(blocks: Block[], r: number, recs: QbrData["recommendations"]): number {
  const rows = recs.flatMap((x, k) =>
    x.notStocked ? [[`${k + 1}. ${offerToCustomer(x, true)}`, notStockedText(x)]] : []
  );
  if (!rows.length) return r;
  blocks.push(cell(`A${r}`, "Recommendations to check we can supply", H2));
  blocks.push({
    at: `A${r + 1}`,
    rows: [["Recommendation (Insights page)", "Basis"], ...rows],
    header: true,
  });
  // the planning page and the e-mail offer the customer a quote, saying nothing of supply
  blocks.push(
    cell(
      `A${r + rows.length + 2}`,
      "Check we can supply each before the review: the action items and the follow-up e-mail offer the customer a quote for it."
    )
  );
  return r + rows.length + 4;
}

/**
 * What each recommendation is worth to us a year, numbered as the Insights page lists them, with
 * whose spend the estimate is (and, resting on one or two accounts, that it is a rough figure), an
 * upsell's prices against the product's and what it adds to the customer's bill, each figure with
 * its period: the estimates are of the 12 months to the as-of, the analysis's, which need not be
 * the review pages' 12 months. An estimate above the account's own spend in those 12 months is
 * said so beside it, in red, not changed (C0109: £57.93 a year, 5 recommendations worth £4,604.49,
 * Storage £1,204.46 alone). None of it is for the customer: the Insights page gives what and why
 * only (before, an "Annual estimate" column and an upsell's "£4,631.35 more per year").
 * Returns the next free row.
 */
function recommendationEstimates(
  blocks: Block[],
  styles: RangeStyle[],
  r: number,
  q: QbrData,
  opts: LayoutOptions,
  money: string,
  cash: (n: number) => string
): number {
  const recs = q.recommendations;
  if (!recs.length) return r;
  const tc = opts.numberCulture;
  const period = twelveMonthsTo(q.asOf, opts.culture);
  // the account's own spend after returns in those 12 months: the health score's Revenue input
  const spend = q.health.inputs.revenueLast12;
  // each recommendation's row, and under it, in red, an estimate out of scale with the account
  const rows: CellValue[][] = [];
  const flagged: number[] = [];
  recs.forEach((x, k) => {
    const basis = estimateSentence(x, period);
    const upsell = x.upsell ? upsellPricingText(x.upsell, cash, period, tc) : null;
    const notes = [
      // an upsell's estimate is said by its prices, with their period (estimateBasis: "last year's units")
      ...(basis && !(upsell && x.upsell!.extraPerYear === x.annualEstimate) ? [basis] : []),
      ...(upsell ? [upsell] : []),
    ];
    rows.push([
      `${k + 1}. ${offerToCustomer(x, true)}`,
      notes.join(" ") || "Nothing in the data estimates it.",
      x.annualEstimate ?? "none",
    ]);
    const scale = outOfScaleText(x, spend, cash, period, tc);
    if (scale) {
      flagged.push(rows.length);
      rows.push(["Out of scale with the account", scale, null]);
    }
  });
  blocks.push(cell(`A${r}`, "Recommendations: what each is worth to us", H2));
  blocks.push(
    cell(
      `A${r + 1}`,
      `The Insights page gives what we suggest and why; the estimates, whose spend they are and an upsell's prices are here only. Each estimate is a year's spend, its 12 months said beside it.`,
      "note"
    )
  );
  blocks.push({
    at: `A${r + 2}`,
    rows: [
      [
        "Recommendation (Insights page)",
        "How it is estimated",
        `Annual estimate, as of ${asOfText(q.asOf, opts.culture)}`,
      ],
      ...rows,
    ],
    header: true,
    formats: [undefined, undefined, money],
    style: { wrap: true, vAlign: "top" },
  });
  for (const k of flagged)
    styles.push({
      range: `A${r + 3 + k}:B${r + 3 + k}`,
      style: { ...WARNING, wrap: true, vAlign: "top" },
    });
  r += rows.length + 3;
  // together: what the list adds up to against what the account spends
  const estimates = recs.flatMap((x) => (x.annualEstimate === null ? [] : [x.annualEstimate]));
  const total = estimates.reduce((t, e) => t + e, 0);
  if (estimates.length > 1 && total > spend) {
    blocks.push(
      cell(
        `A${r}`,
        `The ${estimates.length} estimates add up to ${cash(total)} a year${spend > 0 ? `, ${timesText(total / spend, tc)} this account's ${cash(spend)}` : ", against no spend by this account"} in the ${period}.`,
        WARNING
      )
    );
    r++;
  }
  return r + 1;
}

/**
 * The health score at the as-of, its band and each factor's score with its basis in full (the
 * outreach answered and not, days paid late, invoices unpaid) and its source: the sales team's
 * reading of the account, on this sheet only. It grades the customer, so no customer page shows
 * it (the cover and the Partnership page did, with a factor table of 1s: "Recency 1, Frequency 1,
 * Revenue 1, Engagement 1", "Payment 2").
 */
function healthBlock(
  r: number,
  q: QbrData,
  opts: LayoutOptions,
  c: { Q: string; Y: string; cash: (n: number) => string }
): Laid {
  const i = q.health.inputs;
  const tc = opts.numberCulture;
  const dateText = (s: number) => asOfText(s, opts.culture);
  const asOf = `as of ${dateText(q.asOf)}`;
  const band = q.health.band;
  const blocks: Block[] = [
    cell(`A${r}`, `Health score and its factors (each 1–5), ${asOf}`, H2),
    ...labelledRows(r + 1, [
      [`Health score (1–5), ${asOf}`, q.health.score ?? "n/a", FORMATS.score],
      [
        `Band, ${asOf}`,
        band === null
          ? "n/a"
          : q.health.overrideReason !== null
            ? `${band}, set by hand: ${q.health.overrideReason}`
            : `${band}: ${BANDS.find((b) => b.band === band)!.action.toLowerCase()}`,
      ],
    ]),
  ];
  r += 3;
  // The score is as of the as-of date: its Frequency and Revenue count the 3 and 12 months to it.
  // Unless the review pages' 12 months end on the as-of, those are not theirs ("87 vs 90 orders"
  // beside the quarter page's 76 vs 88): said before the table is read as either.
  const pages = q.lookBack
    ? `the ${c.Y}`
    : `${c.Q} (${q.quarter.months})${q.figuresTo === q.asOf ? "" : ` or the ${c.Y}`}`;
  if (!(q.figuresTo === q.asOf && (q.lookBack || q.asOf === q.quarter.lastDay))) {
    blocks.push(
      cell(
        `A${r}`,
        `The score is as of ${dateText(q.asOf)}: Frequency counts orders in the 3 months to that date${monthsNote(q.asOf, 3, 0)} against the 3 before${monthsNote(q.asOf, 3, 3)}, Revenue the ${twelveMonthsTo(q.asOf, opts.culture)} against the 12 before — not ${pages} of the review pages.`,
        "note"
      )
    );
    r++;
  }
  const rows = q.health.factors.map((f) => [
    f.label,
    scoreFactorBasis(i, f.factor, dateText, tc, c.cash),
    f.score ?? "n/a",
    factorSourceText(i, f.factor, tc),
  ]);
  blocks.push({
    at: `A${r}`,
    rows: [["Factor", "Based on", "Score", "Source"], ...rows],
    header: true,
    formats: [undefined, undefined, FORMATS.integer, undefined],
    style: { wrap: true, vAlign: "top" },
  });
  r += rows.length + 1;
  const log = i.engagementLog;
  if (log) {
    blocks.push(cell(`A${r}`, unansweredText(log, dateText(log.to)), "label"));
    r++;
  }
  return { blocks, cfs: [], next: r + 1 };
}

/**
 * "Unanswered outreach, 90 days to 31/10/2026 (engagement log): 2 of the 4 older than 14 days have
 * no response (Aisha Taylor, Fiona Evans)." — the engagement log's rule 1 in figures, with whom.
 */
function unansweredText(log: EngagementFromLog, to: string): string {
  const head = `Unanswered outreach, ${ENGAGEMENT_LOG.windowDays} days to ${to} (engagement log)`;
  const after = `older than ${ENGAGEMENT_LOG.unansweredAfterDays} days`;
  if (log.oldOutreach === 0) return `${head}: none ${after} yet.`;
  if (log.unansweredOld === 0)
    return log.oldOutreach === 1
      ? `${head}: the one ${after} has a response.`
      : `${head}: all ${log.oldOutreach} ${after} have a response.`;
  const who = log.unansweredContacts.length ? ` (${log.unansweredContacts.join(", ")})` : "";
  return `${head}: ${log.unansweredOld} of the ${log.oldOutreach} ${after} ${log.unansweredOld === 1 ? "has" : "have"} no response${who}.`;
}

/**
 * A factor's basis as the internal sheet's health score shows it: Frequency and Revenue with their
 * months and amounts (beside the quarter's and the 12 months' figures, to the quarter's end, they
 * are another window: the 3 and 12 months to the as-of); the others, engagement's outreach and
 * payment's days late and invoices unpaid among them, in full (basis.ts factorBasis).
 */
function scoreFactorBasis(
  i: HealthInputs,
  f: Factor,
  dateText: (serial: number) => string,
  culture: string | undefined,
  cash: (n: number) => string
): string {
  const to = dateText(i.date);
  const last3 = monthsText(i.date, 3, 0);
  // "May–Jul" beside "Aug–Oct 2026": the year once when both windows are in it (the line fits its cell)
  const year = ` ${monthKeyToYm(monthKey(i.date)).y}`;
  const before3 = monthsText(i.date, 3, 3)?.replace(
    new RegExp(`^([A-Z][a-z]{2}–[A-Z][a-z]{2})${year}$`),
    "$1"
  );
  if (f === "frequency" && i.ordersChange.kind === "pct" && last3 && before3)
    return `${count(i.ordersLastQuarter, "order", "orders", culture)} in ${last3} vs ${decimalText(String(i.ordersPreviousQuarter), culture)} in ${before3}: ${changeText(i.ordersChange, "", culture).trim()}`;
  if (f === "revenue" && i.revenueChange.kind === "pct")
    return `${cash(i.revenueLast12)} in the 12 months to ${to} vs ${cash(i.revenuePrior12)} in the 12 before: ${changeText(i.revenueChange, "", culture).trim()}`;
  return factorBasis(i, f, dateText, culture);
}

/** The last day of a month given by its key. */
const monthEnd = (key: number): number =>
  (({ y, m }) => eomonth(ymdToSerial(y, m, 1), 0))(monthKeyToYm(key));

/** A quarter that ends (or, compared to date, stops) before the data's first order: nothing to show. */
const beforeData = (f: QuarterFigures): boolean =>
  f.dataStartDate !== null && f.dataStartDate > f.to;

/**
 * What the savings cover: every line ("over the 100% of spend" read oddly), or the share of spend
 * with a list price, never rounded up to 100% while some spend has none.
 */
function savingsNote(share: number, pctText: (figure: number) => string): string {
  const how = "Savings are list price × quantity less what was paid, net of returns";
  if (Math.abs(share - 1) < 1e-9) return `${how}; every line carries a list price.`;
  // (over 1: the spend without a list price is net negative, returns of it; no share to give)
  if (share > 1) return `${how}, over the lines that carry a list price.`;
  const pct = Math.round(share * 100);
  return pct >= 100
    ? `${how}, over ${pctText(99)} of spend (the lines that carry a list price).`
    : `${how}, over the ${pctText(pct)} of spend whose lines carry a list price.`;
}

/** "1 order", "2 orders". */
const ordersText = (n: number): string => `${n} order${n === 1 ? "" : "s"}`;

/**
 * The e-mail's line on the quarter, on the cover's basis: spend after returns, and its change on
 * the previous quarter's spend after returns (the glance's change row under the same heading). A
 * quarter without orders reads "you placed no orders", with the quarter before's orders when there
 * were some, not "0 orders, £0 (-100% on …)".
 */
function quarterSentence(
  label: string,
  months: string,
  g: QbrData["glance"],
  inCcy: string,
  previousLabel: string,
  cash: (n: number) => string,
  pctText: (figure: string) => string
): string {
  const { current: now, previous: before } = g;
  const spend = (f: QuarterFigures): string => `${SPEND.toLowerCase()} ${cash(f.netRevenue)}`;
  if (now.orders === 0) {
    // returns alone still move the quarter's spend the cover shows
    const returnsOnly = now.returnValue !== 0 ? `; ${spend(now)}` : "";
    const against = before.orders
      ? `, against ${ordersText(before.orders)} in ${previousLabel} (${spend(before)})`
      : "";
    return `- In ${label} (${months}) you placed no orders${inCcy}${returnsOnly}${against}.`;
  }
  const change = g.netVsPrevious === null ? null : wholePct(g.netVsPrevious);
  return `- In ${label} (${months}) you placed ${ordersText(now.orders)}${inCcy}, ${spend(now)}${change === null ? "" : ` (${pctText(`${change > 0 ? "+" : ""}${change}`)} on ${previousLabel})`}.`;
}
/** A row of the quarter's spend by category. */
interface SplitRow {
  category: string;
  revenue: number;
  share: number | null;
}

/**
 * The category split with the quarter's service and adjustment lines (postage, discounts …,
 * never a category: RULES.md §1) as one more row, so the rows add up to the net revenue. Shares
 * are of what was bought (the rows netting above 0, as the Purchase Breakdown counts categories);
 * a row netting below 0 (a category returned beyond what the quarter bought, a discount) comes
 * after them without a share: it made "90% + 35% − 25%", and a quarter of returns alone "100%".
 */
function withServiceLines(split: readonly SplitRow[], netRevenue: number): SplitRow[] {
  const categories = split.reduce((t, c) => t + c.revenue, 0);
  const other = Math.round((netRevenue - categories) * 100) / 100;
  const rows: SplitRow[] = split.map((c) =>
    c.revenue < 0 ? { ...c, category: `${c.category} (returns)` } : { ...c }
  );
  if (other !== 0)
    rows.push({ category: "Service and adjustment lines", revenue: other, share: null });
  const bought = rows.reduce((t, c) => t + Math.max(c.revenue, 0), 0);
  return [...rows.filter((c) => c.revenue > 0), ...rows.filter((c) => c.revenue < 0)].map((c) => ({
    ...c,
    share: c.revenue > 0 ? c.revenue / bought : null,
  }));
}
