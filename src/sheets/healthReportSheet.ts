/**
 * The account health report for one account (methodology 000, Steps 1.1–1.3; RULES.md §2.1):
 * basic information, the order history by period, year-over-year change, the score with
 * every factor (weight, score, what it was based on, where that came from) and the six warning
 * signs with the figure behind each and the action. The weighted scores add up in a native
 * Excel formula, so the total checks itself without the add-in.
 */
import type { AccountDetail } from "../domain/analysis/types";
import type { Change } from "../domain/numbers";
import { decimalText, figuresText, percentText } from "../domain/numberText";
import { CHANGE_TEXT } from "../domain/rules";
import { LOST_STYLE, lostStatusText } from "./planSheet";
import { asOfText, kapName, labelledRows, type LayoutOptions, moneyFor } from "./options";
import {
  type Block,
  type CellValue,
  type ConditionalFormat,
  FORMATS,
  formula,
  PALETTE,
  sheet,
  type SheetSpec,
  title,
  cell,
} from "./spec";

const H2 = { bold: true, fontSize: 13, fontColor: PALETTE.brand, border: "bottom" } as const;

function change(c: Change): CellValue {
  return c.kind === "pct" ? c.pct / 100 : CHANGE_TEXT[c.kind];
}

const yesNo = (v: boolean | null): string => (v === null ? "Not known" : v ? "Yes" : "No");

export function healthReportSheet(d: AccountDetail, opts: LayoutOptions): SheetSpec {
  const a = d.account;
  const rep = d.report;
  const b = rep.basics;
  const money = moneyFor(opts, a.currency);
  const blocks: Block[] = [
    title("A1", `Account Health Report – ${a.name}`),
    cell(
      "A2",
      `Account ${a.accountId} · as of ${asOfText(opts.asOf, opts.culture)} · methodology Step 1: metrics, health score, risk identification`,
      "subtitle"
    ),
  ];
  // a lost account says so at the top, as its plan does
  if (a.winBack?.stage === 5) blocks.push(cell("A3", lostStatusText(a.winBack), LOST_STYLE));
  let r = 4;
  const heading = (text: string) => {
    blocks.push(cell(`A${r}`, text, H2));
    r++;
  };

  // 1.1 Basic information
  heading("Basic information");
  const since =
    b.customerSince === null
      ? "not known"
      : `${decimalText(String(b.accountAgeYears ?? 0), opts.numberCulture)} years (customer since ${asOfText(b.customerSince, opts.culture)}${b.customerSinceSource === "first order" ? ", the first order in the data" : ""})`;
  const pairs: [string, CellValue, string?][] = [
    ["Account number", b.accountId],
    ["Primary contact", b.primaryContact ?? "not given"],
    ["Contact e-mail / phone", [b.email, b.phone].filter(Boolean).join(" · ") || "not given"],
    ["Address", b.address ?? "not given"],
    ["Account age", since],
    ["Account tier", b.tier ?? "not given"],
    ["Industry", b.industry ?? "not given"],
    ["Account manager", b.accountManager ?? "not given"],
    ["Credit terms", b.creditTerms ?? "not given"],
    ["Credit limit", b.creditLimit ?? "not given", b.creditLimit === null ? undefined : money],
  ];
  blocks.push(...labelledRows(r, pairs));
  r += pairs.length + 1;

  // 1.1 Order history summary: order value + returns = revenue, and avg = order value ÷ orders,
  // side by side so a reader can check the row by hand (the dates in the wide column F)
  heading("Order history summary");
  blocks.push({
    at: `A${r}`,
    rows: [
      [
        "Period",
        "Orders",
        "Order value",
        "Returns",
        "Revenue",
        "Dates",
        "Avg order value (order value ÷ orders)",
        "Products",
      ],
      ...rep.periods.map((p) => [
        p.label,
        p.orders,
        p.orderValue,
        p.returns,
        p.revenue,
        `${asOfText(p.period.start + 1, opts.culture)} – ${asOfText(p.period.end, opts.culture)}`,
        p.averageOrderValue ?? "n/a",
        opts.hasProducts === false ? "n/a" : p.products,
      ]),
    ],
    header: true,
    formats: [undefined, FORMATS.integer, money, money, money, undefined, money, FORMATS.integer],
  });
  r += rep.periods.length + 1;
  blocks.push(
    cell(
      `A${r}`,
      `Revenue = order value + returns (credit notes, negative); the average order value is over the orders before returns (order value ÷ orders); products = distinct SKUs bought${opts.hasProducts === false ? " (n/a: the order lines have no product column)" : ""}.`,
      "note"
    )
  );
  r += 2;

  heading("Year-over-year change (last 12 months vs prior 12 months)");
  const yoy: [string, CellValue, string?][] = [
    ["Revenue", change(rep.yearOverYear.revenue), FORMATS.signedPercent],
    ["Order frequency", change(rep.yearOverYear.orders), FORMATS.signedPercent],
    ["Average order value", change(rep.yearOverYear.averageOrderValue), FORMATS.signedPercent],
  ];
  blocks.push(...labelledRows(r, yoy));
  r += yoy.length + 1;

  // 1.2 Health score
  heading("Health score");
  const first = r + 1;
  const last = r + rep.factors.length;
  blocks.push({
    at: `A${r}`,
    rows: [
      // "Applied weight", not "Applied": beside "Score (1–5)" it read as one heading, "Applied Score"
      ["Factor", "Weight", "Applied weight", "Score (1–5)", "Weighted", "Based on", "Source"],
      ...rep.factors.map((f) => [
        f.label,
        f.weight / 100,
        f.effectiveWeight / 100,
        f.score ?? "n/a",
        f.weighted,
        f.basis,
        f.sourceText,
      ]),
    ],
    header: true,
    formats: [
      undefined,
      FORMATS.percent,
      FORMATS.percent,
      FORMATS.integer,
      FORMATS.score,
      undefined,
      undefined,
    ],
  });
  r = last + 1;
  blocks.push({
    at: `A${r}`,
    rows: [
      [
        "Total",
        formula(`SUM(B${first}:B${last})`, sumOf(rep.factors.map((f) => f.weight / 100))),
        formula(`SUM(C${first}:C${last})`, sumOf(rep.factors.map((f) => f.effectiveWeight / 100))),
        "",
        rep.score === null
          ? "n/a"
          : formula(`ROUND(SUM(E${first}:E${last}),2)`, roundedScoreOf(rep.factors)),
        rep.band ? `${rep.band}${rep.override ? " (override)" : ""}` : "n/a",
        "",
      ],
    ],
    total: true,
    formats: [
      undefined,
      FORMATS.percent,
      FORMATS.percent,
      undefined,
      FORMATS.score,
      undefined,
      undefined,
    ],
  });
  r += 1;
  const used = rep.factors.filter((f) => f.score !== null).map((f) => f.label);
  blocks.push(
    cell(
      `A${r}`,
      `Factors used: ${used.join(", ") || "none"}; an n/a factor is left out and the other weights are scaled up to ${percentText(100, opts.numberCulture)}.${rep.override ? ` Band set by hand: ${rep.override.reason}` : ""}`,
      "note"
    )
  );
  r += 1;
  blocks.push(
    cell(
      `A${r}`,
      figuresText(
        "Bands: 4.00+ Healthy (focus on expansion) · 3.00–3.99 Stable (identify growth opportunities) · 2.00–2.99 At Risk (immediate outreach) · below 2.00 Critical (escalate to management).",
        opts.numberCulture
      ),
      "note"
    )
  );
  r += 2;

  // 1.3 Risk identification: the action in C:E (merged), the figure in the wide column F
  heading("Warning signs");
  const signFirst = r + 1;
  blocks.push({
    at: `A${r}`,
    rows: [
      ["Warning sign", "Present?", "Action", "", "", "Figure"],
      ...rep.warningSigns.map((w) => [w.sign, yesNo(w.present), w.action, "", "", w.figure]),
    ],
    header: true,
  });
  const signLast = r + rep.warningSigns.length;
  const merges: string[] = [];
  for (let k = r; k <= signLast; k++) merges.push(`C${k}:E${k}`);
  const cf: ConditionalFormat[] = [
    {
      range: `B${signFirst}:B${signLast}`,
      rule: { type: "textContains", text: "Yes", fill: PALETTE.bad, fontColor: PALETTE.badFont },
    },
    {
      range: `B${signFirst}:B${signLast}`,
      rule: { type: "textContains", text: "No", fill: PALETTE.good, fontColor: PALETTE.goodFont },
    },
  ];

  return sheet(kapName("Health Report", a.accountId), "healthReport", a.key, blocks, {
    widths: [30, 12, 13, 15, 12, 72, 50, 10],
    merges,
    conditionalFormats: cf,
    page: { orientation: "landscape", fitToWidth: true },
    showGridlines: false,
  });
}

/** What Excel's SUM shows over these cells (blank cells left out). */
function sumOf(values: (number | null)[]): number {
  return values.reduce<number>((a, v) => a + (v ?? 0), 0);
}

/** What the Total row's =ROUND(SUM(E…),2) shows: the weighted figures' sum to 2 decimals (half away from zero, as Excel). */
function roundedScoreOf(factors: readonly { weighted: number | null }[]): number {
  const s = sumOf(factors.map((f) => f.weighted));
  return (Math.sign(s) * Math.round(Math.abs(s) * 100 + 1e-9)) / 100;
}
