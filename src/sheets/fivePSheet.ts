/**
 * DMU 5P sheet (RULES.md §2.3, methodology 003): each person of the decision-making unit
 * scored on Power, Perception, Priority, Promoter, Pliability (1–5), with Total, Weight and
 * Weighted total as ordinary Excel formulas so it works anywhere and updates as scores change.
 */
import type { AccountDetail } from "../domain/analysis/types";
import { FIVE_P } from "../domain/fivep";
import { DMU_ROLES } from "../domain/rules";
import type { ContactRecord } from "../domain/types";
import { kapName, type LayoutOptions } from "./options";
import {
  type CellValue,
  formula,
  FORMATS,
  PALETTE,
  sheet,
  type SheetSpec,
  table,
  title,
  cell,
} from "./spec";

const HEADER = 6; // Excel row of the table header

/** Contacts' 1–5 fields where they map: influence → Power, feeling → Perception, relationship → Promoter. */
function scoreOf(v: number | undefined, fromFeeling = false): number | null {
  if (v === undefined || !Number.isFinite(v)) return null;
  const s = fromFeeling && v >= -2 && v <= 2 ? v + 3 : v;
  return s >= 1 && s <= 5 ? Math.round(s) : null;
}

/** What the Total formula shows: the sum once all five Ps are scored, else blank (null: no cached value, a blank too). */
function totalOf(scores: (number | null)[]): number | null {
  return scores.every((v): v is number => v !== null) ? scores.reduce((a, b) => a + b, 0) : null;
}

export function fivePSheet(d: AccountDetail, opts: LayoutOptions): SheetSpec {
  const a = d.account;
  const people: { name: string; role: string; c?: ContactRecord }[] = d.contacts.length
    ? d.contacts.map((c) => ({ name: c.name, role: c.role ?? "", c }))
    : DMU_ROLES.map((r) => ({ name: "", role: r.role }));
  const rows: CellValue[][] = people.map((p, k) => {
    const x = HEADER + 1 + k;
    // 5P scores from the contacts table win; else influence, feeling (on the table's scale) and relationship stand in.
    const five = p.c?.fiveP;
    const mapped = p.c ? d.relationships?.contacts[k] : undefined;
    const power = five?.power ?? scoreOf(p.c?.influence);
    const perception =
      five?.perception ??
      (mapped?.feeling !== undefined && mapped.feeling !== null
        ? Math.round(mapped.feeling)
        : scoreOf(p.c?.feeling, true));
    const promoter = five?.promoter ?? scoreOf(p.c?.relationship);
    const scores = [power, perception, five?.priority ?? null, promoter, five?.pliability ?? null];
    const weight = five?.weight ?? power ?? 1;
    const total = totalOf(scores);
    return [
      p.name,
      p.role,
      ...scores,
      formula(`IF(COUNT(C${x}:G${x})=5,SUM(C${x}:G${x}),"")`, total ?? undefined),
      weight,
      formula(
        `IF(H${x}="","",H${x}*IF(I${x}="",1,I${x}))`,
        total === null ? undefined : total * weight
      ),
      five?.veto ? "Yes" : "No",
      "",
    ];
  });
  const last = HEADER + Math.max(1, rows.length);
  // a blank Total reads as zero unless the sheet says why
  const unscored = rows.some((r) => r.slice(2, 7).some((v) => v === null));
  return sheet(
    kapName("5P", a.accountId),
    "fiveP",
    a.key,
    [
      title("A1", `Decision-making unit (5P) – ${a.name}`),
      cell(
        "A2",
        "Score each person 1–5 on each P. Power = ability to decide or block; Perception = how they see us; Priority = how much this matters to them; Promoter = how much they speak for us; Pliability = openness to change.",
        "subtitle"
      ),
      cell(
        "A3",
        opts.live
          ? "Totals are formulas; =KAP.FIVEP(C7,D7,E7,F7,G7,I7) gives the same weighted total."
          : unscored
            ? "Total and Weighted total stay blank until all five Ps of a person are scored; they update as you fill them in."
            : "Totals are formulas and update as you fill in the scores.",
        "note"
      ),
      cell(
        "A4",
        "Pre-filled from the Contacts table: its 5P columns where given, else influence, feeling and relationship; the rest is for you to fill in.",
        "note"
      ),
      table(
        `A${HEADER}`,
        `KAP_5P_${a.accountId}`,
        [
          { header: "Name" },
          { header: "Role" },
          ...FIVE_P.map((h) => ({ header: h, format: FORMATS.integer })),
          { header: "Total (5–25)", format: FORMATS.integer },
          // a weight may be given as 2.5: shown as entered
          { header: "Weight (1–5)", format: FORMATS.general },
          { header: "Weighted total", format: FORMATS.general },
          { header: "Veto?" },
          { header: "Notes" },
        ],
        rows
      ),
    ],
    {
      widths: [22, 20, 9, 11, 9, 10, 11, 12, 12, 14, 8, 40],
      freeze: { rows: HEADER },
      conditionalFormats: [
        {
          range: `C${HEADER + 1}:G${last}`,
          rule: { type: "colorScale", colors: ["#F8696B", "#FFEB84", "#63BE7B"] },
        },
        { range: `J${HEADER + 1}:J${last}`, rule: { type: "dataBar", color: PALETTE.bar } },
      ],
      page: { orientation: "landscape", fitToWidth: true },
    }
  );
}
