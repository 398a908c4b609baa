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
