/**
 * Accounts whose keys differ only in letter case, spaces or punctuation ("ACME Ltd", "Acme Ltd.",
 * "acme  ltd"): exports typed by hand spell one customer several ways. KAP keeps them apart — it
 * cannot know they are one customer — and says so, so the user can make the spellings agree.
 */

/** The key two spellings of one name share: lower case, letters and digits only. */
function looseKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Groups of account keys (as read, in order of first appearance) that share a loose key, each
 * group with more than one spelling; keys with no letter or digit are left out.
 */
export function nearDuplicateKeys(keys: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const k of keys) {
    const loose = looseKey(k);
    if (!loose) continue;
    const g = groups.get(loose);
    if (g) g.push(k);
    else groups.set(loose, [k]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** The warning for such groups (up to three shown), or undefined when there are none. */
export function nearDuplicateWarning(keys: readonly string[]): string | undefined {
  const groups = nearDuplicateKeys(keys);
  if (groups.length === 0) return undefined;
  const shown = groups
    .slice(0, 3)
    .map((g) => g.map((k) => `"${k}"`).join(" and "))
    .join("; ");
  const more = groups.length > 3 ? `; and ${groups.length - 3} more` : "";
  const n = groups.length;
  return `${n} account${n === 1 ? " is" : "s are"} written in more than one way (${shown}${more}): KAP reads each spelling as its own account. If they are one customer, make the spellings the same in the data, or map a customer ID column, and analyse again.`;
}

/** looseKey, and an id of digits only without its leading zeros (12347 and "012347"). */
function idKey(s: string): string {
  const k = looseKey(s);
  return /^\d+$/.test(k) ? k.replace(/^0+(?=\d)/, "") : k;
}

/**
 * Accounts-table ids that match no order-line account as written but one that does loosely —
 * letter case, spaces, punctuation, or leading zeros (the number 12347 shown as 012347 beside the
 * text "012347") — each as [accounts-table id, order-line id]. KAP keeps ids as written.
 */
export function unmatchedAccountIds(
  orderIds: readonly string[],
  tableIds: readonly string[]
): [string, string][] {
  const inOrders = new Set(orderIds);
  const inTable = new Set(tableIds);
  const byKey = new Map<string, string>();
  for (const id of orderIds) {
    const k = idKey(id);
    if (k && !inTable.has(id) && !byKey.has(k)) byKey.set(k, id);
  }
  const out: [string, string][] = [];
  const seen = new Set<string>();
  for (const id of tableIds) {
    if (inOrders.has(id) || seen.has(id)) continue;
    seen.add(id);
    const hit = byKey.get(idKey(id));
    if (hit !== undefined) out.push([id, hit]);
  }
  return out;
}

/** Where the other ids come from, and what a mismatch costs there (the warning's words). */
export interface IdSource {
  /** e.g. "the accounts table" */
  table: string;
  /** e.g. "their name, tier and other details are not applied to those orders" */
  cost: string;
}

const ACCOUNTS_TABLE: IdSource = {
  table: "the accounts table",
  cost: "their name, tier and other details are not applied to those orders, and they show as never ordered",
};

/** The warning for such ids (up to three pairs shown), or undefined when there are none. */
export function unmatchedAccountsWarning(
  orderIds: readonly string[],
  tableIds: readonly string[],
  source: IdSource = ACCOUNTS_TABLE
): string | undefined {
  const pairs = unmatchedAccountIds(orderIds, tableIds);
  if (pairs.length === 0) return undefined;
  const n = pairs.length;
  const shown = pairs
    .slice(0, 3)
    .map(([a, b]) => `"${a}" and "${b}"`)
    .join("; ");
  const more = n > 3 ? `; and ${n - 3} more` : "";
  return `${n} account${n === 1 ? "" : "s"} in ${source.table} match${n === 1 ? "es" : ""} no order lines as written, but look like accounts that have them (${source.table.replace(/^the /, "")} and order lines: ${shown}${more}): KAP reads them as different accounts, so ${source.cost}. Make the ids the same in both — an id with leading zeros typed as a number loses them: format the column as Text and type it again — and analyse again.`;
}
