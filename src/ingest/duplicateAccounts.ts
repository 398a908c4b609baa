/**
 * One account id on several rows of the accounts table (a renamed customer added again rather
 * than edited): KAP keeps the first row, as Excel's lookups find it, and names the rows it
 * left out when they say something else — a second name, tier or engagement is never taken
 * or dropped without a word.
 */
import type { AccountRecord } from "../domain/types";

/** Fields compared between rows of one id, with the word each is named by in the note. */
const FIELD_WORDS: readonly [keyof AccountRecord, string][] = [
  ["name", "name"],
  ["parentId", "parent account"],
  ["tier", "tier"],
  ["industry", "industry"],
  ["primaryContact", "primary contact"],
  ["email", "email"],
  ["phone", "phone"],
  ["accountManager", "account manager"],
  ["creditTerms", "credit terms"],
  ["creditLimit", "credit limit"],
  ["address", "address"],
  ["engagement", "engagement"],
  ["daysBeyondTerms", "days beyond terms"],
  ["daysBeyondTermsHistory", "days beyond terms history"],
  ["creditHold", "credit hold"],
  ["healthOverride", "health override"],
  ["customerSince", "customer since"],
  ["lost", "status"],
  ["lostReason", "lost reason"],
];

interface Repeated {
  id: string;
  rows: AccountRecord[];
}

/** The account records with one row per id (the first), and a note naming ids whose rows differ. */
export function firstRowPerAccount(records: readonly AccountRecord[]): {
  records: AccountRecord[];
  note?: string;
} {
  const byId = new Map<string, AccountRecord[]>();
  for (const r of records) {
    const same = byId.get(r.accountId);
    if (same) same.push(r);
    else byId.set(r.accountId, [r]);
  }
  if (byId.size === records.length) return { records: records.slice() };
  const differing: Repeated[] = [];
  for (const [id, rows] of byId)
    if (rows.length > 1 && differingFields(rows).length) differing.push({ id, rows });
  const kept = [...byId.values()].map((rows) => rows[0]);
  return differing.length ? { records: kept, note: repeatedNote(differing) } : { records: kept };
}

function differingFields(rows: readonly AccountRecord[]): string[] {
  const first = rows[0];
  return FIELD_WORDS.filter(([f]) =>
    rows.some((r) => JSON.stringify(r[f]) !== JSON.stringify(first[f]))
  ).map(([, word]) => word);
}

function rowsText(rows: readonly AccountRecord[]): string {
  const n = rows.map((r) => String(r.row ?? "?"));
  return `rows ${n.length === 2 ? n.join(" and ") : `${n.slice(0, -1).join(", ")} and ${n[n.length - 1]}`}`;
}

/** "(Quay Builders; Quayside Builders Ltd)" when the names differ, else "(tier, engagement differ)". */
function whatDiffers(rows: readonly AccountRecord[]): string {
  const names = [...new Set(rows.map((r) => r.name).filter((n): n is string => !!n))];
  if (names.length > 1) return `(${names.join("; ")})`;
  const fields = differingFields(rows);
  return `(${fields.join(", ")} differ${fields.length === 1 ? "s" : ""})`;
}

function repeatedNote(differing: readonly Repeated[]): string {
  const shown = differing
    .slice(0, 3)
    .map(
      (d) =>
        `${d.id}${differing.length === 1 ? " is" : ""} on ${rowsText(d.rows)} ${whatDiffers(d.rows)}`
    )
    .join("; ");
  const more = differing.length > 3 ? `; and ${differing.length - 3} more` : "";
  if (differing.length === 1) {
    const d = differing[0];
    const others = d.rows.slice(1).map((r) => r.row ?? "?");
    return `Accounts: ${shown}: KAP reads the first, row ${d.rows[0].row ?? "?"}, and leaves row${others.length === 1 ? "" : "s"} ${others.join(", ")} out. Keep one row per account, and analyse again.`;
  }
  return `Accounts: ${differing.length} account ids are on more than one row, and the rows differ (${shown}${more}): KAP reads each id's first row and leaves the others out. Keep one row per account, and analyse again.`;
}
