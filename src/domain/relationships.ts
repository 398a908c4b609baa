/**
 * Relationship rules for one account's people (methodology 000 Step 4, 001's decision-mapping
 * tool, 003's 5P): influence levels, feeling about us on one scale, where each person sits on
 * the decision map, required stakeholder coverage with the ways to reach each missing role,
 * and the people who order but are not in the contacts. Pure: contacts in, plain data out.
 */
import { fiveP, type FivePResult } from "./fivep";
import {
  DECISION_MAP,
  FEELING_LEVELS,
  INFLUENCE_LEVELS,
  REQUIRED_STAKEHOLDERS,
  STAKEHOLDER_DISPLAY_ORDER,
  type StakeholderPriority,
} from "./rules";
import { figuresText } from "./numberText";
import type { ContactRecord, Serial } from "./types";

export type InfluenceLevel = (typeof INFLUENCE_LEVELS)[number]["level"];

/** The influence level of a 1–5 influence: 5 Very High, 4 High, 3 Medium, 1–2 Low; undefined stays undefined. */
export function influenceLevel(
  influence: number | undefined
): (typeof INFLUENCE_LEVELS)[number] | undefined {
  if (influence === undefined || !Number.isFinite(influence)) return undefined;
  return INFLUENCE_LEVELS.find((l) => influence >= l.min);
}

/**
 * How a contacts table writes feeling as numbers: 'plusMinus2' (−2..+2) or 'oneToFive'.
 * Decided for the whole table from all its numbers, never one cell at a time: any value below 1
 * means −2..+2; else any value above 2 means 1–5; a table of only 1s and 2s is read as −2..+2
 * (the 5P sheet's reading; a 1–5 table rarely has no 3, 4 or 5).
 */
export type FeelingScale = "plusMinus2" | "oneToFive";

export function feelingScale(contacts: readonly ContactRecord[]): FeelingScale {
  let high = false;
  for (const c of contacts) {
    const f = c.feeling;
    if (f === undefined || !Number.isFinite(f)) continue;
    if (f < 1) return "plusMinus2";
    if (f > 2) high = true;
  }
  return high ? "oneToFive" : "plusMinus2";
}

/** A feeling word ("Champion", "positive", "Sceptical") → 1–5; undefined when it names none. */
export function feelingFromText(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const s = text
    .trim()
    .toLowerCase()
    .replace(/[_\-]+/g, " ")
    .replace(/\s+/g, " ");
  // Longest synonyms first, so "very negative" is not read as "negative".
  const all = FEELING_LEVELS.flatMap((l) => l.synonyms.map((w) => ({ w, score: l.score }))).sort(
    (a, b) => b.w.length - a.w.length
  );
  for (const { w, score } of all)
    if (s === w || new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).test(s))
      return score;
  return undefined;
}

/**
 * Feeling about us on 1–5 (5 Champion … 1 Opposed): a number on the table's scale, else a word,
 * else the person's 5P Perception (how they see us); undefined when none is given or out of range.
 */
export function feelingScore(c: ContactRecord, scale: FeelingScale): number | undefined {
  if (c.feeling !== undefined && Number.isFinite(c.feeling)) {
    const s = scale === "plusMinus2" ? c.feeling + 3 : c.feeling;
    return s >= 1 && s <= 5 ? s : undefined;
  }
  return feelingFromText(c.feelingText) ?? c.fiveP?.perception;
}

export function feelingLabel(score: number | undefined): string | undefined {
  if (score === undefined) return undefined;
  return FEELING_LEVELS.find((l) => l.score === Math.round(score))?.label;
}

export type DecisionPosition = keyof typeof DECISION_MAP.positions;

/**
 * Where a person sits on the decision map (influence against feeling): high influence (High or
 * Very High) and for us (Supportive, Champion) → sponsor; high and against us (Sceptical,
 * Opposed) → blocker; high and neutral or unknown feeling → decision maker to win; lower
 * influence and for us → ally; otherwise watch. Unknown influence is not high.
 */
export function decisionPosition(
  influenceRank: number | undefined,
  feeling: number | undefined
): DecisionPosition {
  const high = influenceRank !== undefined && influenceRank >= DECISION_MAP.highInfluenceRank;
  const forUs = feeling !== undefined && feeling >= DECISION_MAP.forFeeling;
  const against = feeling !== undefined && feeling <= DECISION_MAP.againstFeeling;
  if (high) return forUs ? "sponsor" : against ? "blocker" : "toWin";
  return forUs ? "ally" : "watch";
}

/** The required stakeholder role a contact's role text covers (first match in REQUIRED_STAKEHOLDERS order), if any. */
export function stakeholderRoleOf(roleText: string | undefined): string | undefined {
  if (!roleText || !roleText.trim()) return undefined;
  return REQUIRED_STAKEHOLDERS.find((r) => r.match.test(roleText))?.role;
}

export interface MappedContact {
  name: string;
  role: string | null;
  /** the required stakeholder role this contact covers */
  covers: string | null;
  /** 1–5 as given */
  influence: number | null;
  influenceLevel: InfluenceLevel | null;
  /** 1 Low … 4 Very High: the map's influence axis */
  influenceRank: number | null;
  /** relationship strength 1–5 */
  strength: number | null;
  /** feeling about us 1–5 */
  feeling: number | null;
  feelingLabel: string | null;
  position: DecisionPosition;
  positionLabel: string;
  action: string;
  /** the 5P result when all five scores are given */
  fiveP:
    | (FivePResult & {
        power: number;
        perception: number;
        priority: number;
        promoter: number;
        pliability: number;
      })
    | null;
}

/** Each contact of one account placed on the decision map; `scale` is the whole contacts table's feeling scale. */
export function mapContacts(
  contacts: readonly ContactRecord[],
  scale: FeelingScale
): MappedContact[] {
  return contacts.map((c) => {
    // Influence as given, else the 5P Power (ability to decide or block).
    const infl = c.influence ?? c.fiveP?.power;
    const level = influenceLevel(infl);
    const feeling = feelingScore(c, scale);
    const position = decisionPosition(level?.rank, feeling);
    const p = c.fiveP;
    let five: MappedContact["fiveP"] = null;
    if (
      p &&
      p.power !== undefined &&
      p.perception !== undefined &&
      p.priority !== undefined &&
      p.promoter !== undefined &&
      p.pliability !== undefined
    ) {
      const scores = {
        power: p.power,
        perception: p.perception,
        priority: p.priority,
        promoter: p.promoter,
        pliability: p.pliability,
      };
      try {
        five = { ...scores, ...fiveP({ ...scores, weight: p.weight, veto: p.veto }) };
      } catch {
        five = null;
      }
    }
    return {
      name: c.name,
      role: c.role ?? null,
      covers: stakeholderRoleOf(c.role) ?? null,
      influence: infl ?? null,
      influenceLevel: level?.level ?? null,
      influenceRank: level?.rank ?? null,
      strength: c.relationship ?? null,
      feeling: feeling ?? null,
      feelingLabel: feelingLabel(feeling) ?? null,
      position,
      positionLabel: DECISION_MAP.positions[position].label,
      action: DECISION_MAP.positions[position].action,
      fiveP: five,
    };
  });
}

export interface RequiredCoverage {
  role: string;
  held: boolean;
  names: string[];
  /** priority to obtain; null when held */
  priority: StakeholderPriority | null;
  /** ways to reach the role, written out with the account's contact; empty when held */
  approaches: string[];
  /**
   * its contacts whose last outreach failed (a bounced e-mail, no answer) with nothing answered
   * since, each with what failed and when: a role whose every contact is here is not held
   */
  unreachable: string[];
}

/**
 * Required stakeholder coverage (methodology 000 Step 4.2–4.3), in the methodology's order: each role held (with the names)
 * or missing (with its priority and the ways to reach it). `via` names the person to ask for
 * introductions (the account's primary contact, else its strongest relationship), or undefined.
 */
export function requiredCoverage(
  contacts: readonly ContactRecord[],
  via?: string,
  culture?: string,
  /** lower-cased contact name → what failed ("E-mail bounced 02/10/2026"), from the engagement log */
  failed: ReadonlyMap<string, string> = new Map()
): RequiredCoverage[] {
  const viaFailed = via !== undefined && failed.has(via.trim().toLowerCase());
  const who = via && via.trim() && !viaFailed ? via.trim() : "your main contact";
  const byRole = new Map<string, string[]>();
  for (const c of contacts) {
    const r = stakeholderRoleOf(c.role);
    if (r) byRole.set(r, [...(byRole.get(r) ?? []), c.name]);
  }
  const rank = (role: string) => STAKEHOLDER_DISPLAY_ORDER.indexOf(role);
  return [...REQUIRED_STAKEHOLDERS]
    .sort((a, b) => rank(a.role) - rank(b.role))
    .map((r) => {
      const names = byRole.get(r.role) ?? [];
      // a contact the log says we cannot reach does not cover the role (PRODUCT.md: engagement log)
      const unreachable = names
        .filter((n) => failed.has(n.trim().toLowerCase()))
        .map((n) => `${n} (${failed.get(n.trim().toLowerCase())})`);
      const held = names.length > unreachable.length;
      return {
        role: r.role,
        held,
        names,
        unreachable,
        priority: held ? null : r.priority,
        // the ways in, their figures the culture's way ("2 % within 7 days" in de-DE)
        approaches: held
          ? []
          : r.approaches.map((a) => figuresText(a, culture).replace("{contact}", who)),
      };
    });
}

/** The person to ask for introductions: the primary contact if named, else the contact with the strongest relationship (ties: the first listed). */
export function introducer(
  contacts: readonly ContactRecord[],
  primaryContact?: string
): string | undefined {
  if (primaryContact && primaryContact.trim()) return primaryContact.trim();
  let best: ContactRecord | undefined;
  for (const c of contacts) if (!best || (c.relationship ?? 0) > (best.relationship ?? 0)) best = c;
  return best?.name;
}

export interface PersonToAdd {
  name: string;
  firstOrder: Serial;
  lastOrder: Serial;
}

const personKey = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * "Ordered by" names not in the account's contacts (compared trimmed, case- and
 * space-insensitively), most recent orderer first: people to add to the contacts table.
 */
export function peopleToAdd(
  orderedBy: Iterable<{ name: string; date: Serial; lastDate: Serial }>,
  contacts: readonly ContactRecord[]
): PersonToAdd[] {
  const known = new Set(contacts.map((c) => personKey(c.name)));
  const out: PersonToAdd[] = [];
  for (const o of orderedBy) {
    if (!o.name.trim() || known.has(personKey(o.name))) continue;
    out.push({ name: o.name.trim(), firstOrder: o.date, lastOrder: o.lastDate });
  }
  return out.sort((a, b) => b.lastOrder - a.lastOrder || (a.name < b.name ? -1 : 1));
}
