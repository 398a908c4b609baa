/**
 * When the relationship with an account began ("Partnership since" in the QBR, "customer since"
 * in the Health Report).
 *
 * Decision: the earliest of the accounts table's "customer since" of the account and of every
 * site rolled into it, and the first order in the data. The account's figures include its sites'
 * orders, so its partnership cannot start after theirs; and an order in the data shows the
 * relationship had begun, whatever later date the table gives.
 */
import type { AccountRecord, Serial } from "../types";

export interface RelationshipStart {
  date: Serial | null;
  source: "accounts table" | "first order" | null;
}

/** The accounts-table records of an account and of every site below it (sites of sites too). */
function withSites(
  accountId: string,
  records: ReadonlyMap<string, AccountRecord>,
  childrenOf: ReadonlyMap<string, readonly string[]>
): AccountRecord[] {
  const out: AccountRecord[] = [];
  const seen = new Set<string>();
  const todo = [accountId];
  while (todo.length) {
    const id = todo.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const r = records.get(id);
    if (r) out.push(r);
    todo.push(...(childrenOf.get(id) ?? []));
  }
  return out;
}

export function relationshipStart(
  accountId: string,
  records: ReadonlyMap<string, AccountRecord>,
  childrenOf: ReadonlyMap<string, readonly string[]>,
  firstOrder: Serial | null
): RelationshipStart {
  let table: Serial | null = null;
  for (const r of withSites(accountId, records, childrenOf))
    if (r.customerSince !== undefined && (table === null || r.customerSince < table))
      table = r.customerSince;
  if (table !== null && (firstOrder === null || table <= firstOrder))
    return { date: table, source: "accounts table" };
  return firstOrder !== null
    ? { date: firstOrder, source: "first order" }
    : { date: null, source: null };
}
