/**
 * Relationship map for one account (methodology 000 Steps 4.1–4.3 and 8.2, 001's decision-mapping
 * tool, 003's 5P): every contact with role, influence, relationship strength and feeling about us;
 * a chart of influence against feeling (who decides, and what they think of us); the required
 * stakeholder coverage with the priority to obtain each missing role and the ways to reach it;
 * people who order but are not in the contacts; the account's sites; 5P scores where given.
 */
import type { AccountDetail } from "../domain/analysis/types";
import { asOfText, dateFormatOf, kapName, type LayoutOptions, moneyFor } from "./options";
import { H2, siteBlocks } from "./methodBlocks";
import { charsFor } from "./measure";

/** The decision map's feeling axis runs 0–6 (feelings are 1–5, a unit of room either side). */
const FEELING_AXIS_MAX = 6;
/** Characters of 11-point text across the decision map's plot (J:P, about 80 characters, less its axis and titles). */
const DECISION_PLOT_CHARS = 60;
/** A data label's type size (Excel's and LibreOffice's default 9 and 10 points: the larger). */
const LABEL_POINTS = 10;
/** The decision map's last row (it stands in J4:P23, beside the contacts and the coverage). */
const CHART_LAST_ROW = 23;
import {
  type Block,
  type CellValue,
  type ChartSpec,
  type ConditionalFormat,
  date,
  FORMATS,
  PALETTE,
  sheet,
  type SheetSpec,
  table,
  title,
  cell,
} from "./spec";

export function relationshipSheet(d: AccountDetail, opts: LayoutOptions): SheetSpec {
  const a = d.account;
  const m = d.relationships;
  const money = moneyFor(opts, a.currency);
  const id = a.accountId;
  const blocks: Block[] = [
    title("A1", `Relationship map – ${a.name}`),
    cell(
      "A2",
      `Account ${id} · as of ${asOfText(opts.asOf, opts.culture)} · ${m.introducer ? `ask ${m.introducer} for introductions` : "no contact to ask for introductions yet"}`,
      "subtitle"
    ),
  ];
  const cfs: ConditionalFormat[] = [];
  let r = 4;
  const heading = (text: string) => {
    blocks.push(cell(`A${r}`, text, H2));
    r++;
  };

  // Contacts on the decision map.
  heading("Contacts: influence, relationship and feeling about us");
  const contactRows: CellValue[][] = m.contacts.map((c) => [
    c.name,
    c.role ?? "",
    c.covers ?? "",
    c.influenceLevel ?? "not given",
    c.strength,
    c.feelingLabel ?? "not given",
    c.positionLabel,
    c.action,
  ]);
  const cTop = r;
  blocks.push(
    table(
      `A${r}`,
      `KAP_Contacts_${id}`,
      [
        { header: "Name" },
        { header: "Role" },
        { header: "Covers" },
        { header: "Influence" },
        { header: "Strength (1–5)", format: FORMATS.integer },
        { header: "Feeling about us" },
        { header: "Decision map" },
        { header: "What to do" },
      ],
      contactRows.length
        ? contactRows
        : [
            [
              "No contacts for this account in the Contacts table yet.",
              "",
              "",
              "",
              null,
              "",
              "",
              "Add them: Account, Name, Role, Influence, Relationship, Feeling.",
            ],
          ],
      { filter: false }
    )
  );
  const cEnd = r + Math.max(1, contactRows.length);
  cfs.push(
    {
      range: `G${cTop + 1}:G${cEnd}`,
      rule: {
        type: "textContains",
        text: "Blocker",
        fill: PALETTE.bad,
        fontColor: PALETTE.badFont,
      },
    },
    {
      range: `G${cTop + 1}:G${cEnd}`,
      rule: {
        type: "textContains",
        text: "to win",
        fill: PALETTE.neutral,
        fontColor: PALETTE.neutralFont,
      },
    },
    {
      range: `G${cTop + 1}:G${cEnd}`,
      rule: {
        type: "textContains",
        text: "Sponsor",
        fill: PALETTE.good,
        fontColor: PALETTE.goodFont,
      },
    },
    { range: `E${cTop + 1}:E${cEnd}`, rule: { type: "dataBar", color: PALETTE.bar } }
  );
  r = cEnd + 1;
  blocks.push(
    cell(
      `A${r}`,
      "Influence: Very High makes final decisions · High recommends and influences · Medium inputs to decisions · Low administrative only. Feeling: Champion, Supportive, Neutral, Sceptical, Opposed.",
      "note"
    )
  );
  r += 2;

  // Required stakeholder coverage.
  heading("Required stakeholder coverage");
  const cov = m.coverage;
  const covTop = r;
  blocks.push({
    at: `A${r}`,
    rows: [
      ["Role", "Have contact?", "Name", "Priority to obtain"],
      ...cov.map((c) => [
        c.role,
        c.held ? "✔ yes" : c.unreachable.length ? "✘ not reachable" : "✘ missing",
        (!c.held && c.unreachable.length ? c.unreachable.join(", ") : c.names.join(", ")) || "–",
        c.priority ?? "–",
      ]),
    ],
    header: true,
  });
  cfs.push(
    {
      range: `B${covTop + 1}:B${covTop + cov.length}`,
      rule: {
        type: "textContains",
        text: "✘",
        fill: PALETTE.bad,
        fontColor: PALETTE.badFont,
      },
    },
    {
      range: `D${covTop + 1}:D${covTop + cov.length}`,
      rule: {
        type: "textContains",
        text: "High",
        fill: PALETTE.neutral,
        fontColor: PALETTE.neutralFont,
      },
    }
  );
  r += cov.length + 2;

  // Contact acquisition plan: the ways to reach each missing role.
  const missing = cov.filter((c) => !c.held);
  // The plan prints on one page with its heading (a break after "Target: End Users" left its
  // ways to reach them on the next page), below the decision map: beside its foot, a page break
  // kept the plan whole and cut the chart.
  if (m.contacts.some((c) => c.influenceRank !== null && c.feeling !== null))
    r = Math.max(r, CHART_LAST_ROW + 2);
  const planTop = r;
  heading("Contact acquisition plan");
  if (!missing.length) {
    blocks.push(
      cell(
        `A${r}`,
        "Every required role has a contact. Keep the relationships warm: meet each quarter.",
        "note"
      )
    );
    r += 2;
  }
  for (const c of missing) {
    blocks.push(cell(`A${r}`, `Target: ${c.role} (priority ${c.priority})`, "label"));
    r++;
    blocks.push({ at: `A${r}`, rows: c.approaches.map((x) => [`☐ ${x}`]) });
    r += c.approaches.length + 1;
  }
  const keepTogether = [`${planTop}:${r - 2}`];

  // People who order but are not contacts.
  heading("People who order but are not in the contacts");
  const ppl = m.peopleToAdd.map((p) => [
    p.name,
    date(p.firstOrder),
    date(p.lastOrder),
    "Add to the Contacts table with role, influence and feeling",
  ]);
  blocks.push({
    at: `A${r}`,
    rows: [
      ["Ordered by", "First order", "Last order", "Next step"],
      ...(ppl.length
        ? ppl
        : [
            [
              'Everyone who orders is in the contacts (or the order lines have no "ordered by").',
              "",
              "",
              "",
            ],
          ]),
    ],
    header: true,
    formats: [undefined, dateFormatOf(opts), dateFormatOf(opts), undefined],
  });
  r += Math.max(1, ppl.length) + 2;

  // Sites.
  r = siteBlocks(blocks, cfs, r, d, money, dateFormatOf(opts));

  // The decision map: influence against feeling, for contacts with both; people on the same
  // point share one label, so no name hides another.
  const byPoint = new Map<string, { names: string[]; feeling: number; rank: number }>();
  for (const c of m.contacts) {
    if (c.influenceRank === null || c.feeling === null) continue;
    const k = `${c.feeling}|${c.influenceRank}`;
    const p = byPoint.get(k) ?? { names: [], feeling: c.feeling, rank: c.influenceRank };
    p.names.push(c.name);
    byPoint.set(k, p);
  }
  const points = [...byPoint.values()];
  // 5P scores given in the contacts table (below the chart's data, which sits in columns J–L).
  const chartDataTop = 27;
  if (points.length) r = Math.max(r, chartDataTop + points.length + 2);
  heading("5P analysis of the decision-making unit (from the contacts table)");
  const scored = m.contacts.filter((c) => c.fiveP);
  if (scored.length) {
    blocks.push({
      at: `A${r}`,
      rows: [
        [
          "Name",
          "Role",
          "Power",
          "Perception",
          "Priority",
          "Promoter",
          "Pliability",
          "Total",
          "Weight",
          "Weighted",
          "Veto?",
        ],
        ...scored.map((c) => {
          const p = c.fiveP!;
          return [
            c.name,
            c.role ?? "",
            p.power,
            p.perception,
            p.priority,
            p.promoter,
            p.pliability,
            p.total,
            p.weight,
            p.weighted,
            p.veto ? "Yes" : "No",
          ];
        }),
      ],
      header: true,
      formats: [
        undefined,
        undefined,
        FORMATS.integer,
        FORMATS.integer,
        FORMATS.integer,
        FORMATS.integer,
        FORMATS.integer,
        FORMATS.integer,
        FORMATS.integer,
        FORMATS.integer,
        undefined,
      ],
    });
    cfs.push({
      range: `C${r + 1}:G${r + scored.length}`,
      rule: { type: "colorScale", colors: ["#F8696B", "#FFEB84", "#63BE7B"] },
    });
    r += scored.length + 2;
  } else {
    blocks.push(
      cell(
        `A${r}`,
        "No 5P scores in the Contacts table (columns Power, Perception, Priority, Promoter, Pliability, Weight, Veto). The KAP 5P sheet has the form to fill in.",
        "note"
      )
    );
    r += 2;
  }

  const charts: ChartSpec[] = [];
  const chartCol = "J";
  const dataTop = chartDataTop;
  if (points.length) {
    blocks.push(cell(`${chartCol}${dataTop - 1}`, "Decision map data (the chart above)", "label"));
    blocks.push({
      at: `${chartCol}${dataTop}`,
      rows: [
        ["Contacts", "Feeling (1–5)", "Influence (1–4)"],
        ...points.map((p) => [p.names.join(", "), p.feeling, p.rank]),
      ],
      header: true,
      formats: [undefined, FORMATS.integer, FORMATS.integer],
    });
    // A point's label (its contacts' names) runs right from the point; near the right edge it is
    // cut at the plot's edge ("Priya Brown, Kier|" at Feeling 5 of 6): there it runs left instead.
    const unit = DECISION_PLOT_CHARS / (FEELING_AXIS_MAX - 0);
    const labelLeft = points.map(
      (p) => charsFor(p.names.join(", "), LABEL_POINTS) > (FEELING_AXIS_MAX - p.feeling) * unit
    );
    charts.push({
      type: "scatter",
      title: "Who decides, and what they think of us",
      data: `${chartCol}${dataTop}:L${dataTop + points.length}`,
      from: `${chartCol}4`,
      to: `P${CHART_LAST_ROW}`,
      axes: {
        x: {
          title: "Feeling about us (1 Opposed – 5 Champion)",
          min: 0,
          max: FEELING_AXIS_MAX,
          majorUnit: 1,
        },
        y: { title: "Influence (1 Low – 4 Very High)", min: 0, max: 5, majorUnit: 1 },
      },
      ...(labelLeft.some(Boolean) ? { labelLeft } : {}),
    });
  } else {
    blocks.push(
      cell(
        `${chartCol}4`,
        "The decision map (influence against feeling) needs contacts with both an influence and a feeling.",
        "note"
      )
    );
  }

  return sheet(kapName("Relationships", id), "relationships", a.key, blocks, {
    widths: [26, 22, 20, 18, 14, 18, 22, 58, 3, 30, 14, 14, 10, 10, 10, 10],
    conditionalFormats: cfs,
    styles: [{ range: `E${cTop + 1}:E${cEnd}`, style: { hAlign: "center" } }],
    charts,
    page: { orientation: "landscape", fitToWidth: true, keepTogether },
    showGridlines: false,
  });
}
