/**
 * NetSuite writes a sub-customer under its parent as "Parent : Child" (its hierarchy separator, a
 * colon with a space each side; deeper levels add segments: "Group : Region : Site"). Read from
 * a report with no layout of its own, each such customer is an account, and its parent, the name
 * before the last " : ", is its parent account, as an accounts table's Parent column would say:
 * the child keeps its own row and rolls up into the parent (PRODUCT.md: sites roll up to their
 * parent). A colon without the spaces ("Acme:Leeds", "Ref: 12") says nothing.
 */
import type { AccountRecord } from "../domain/types";

/** NetSuite's hierarchy separator. */
const SEPARATOR = " : ";

/** The parent a "Parent : Child" name names: the part before the last " : "; undefined for none. */
export function hierarchyParent(id: string): string | undefined {
  const at = id.lastIndexOf(SEPARATOR);
  if (at <= 0) return undefined;
  const parent = id.slice(0, at).trim();
  const child = id.slice(at + SEPARATOR.length).trim();
  return parent && child ? parent : undefined;
}

export interface HierarchyParents {
  /** The accounts table's records with the parents the names give, and a record for each other account that has one. */
  accounts: AccountRecord[];
  /** The order lines' accounts given a parent so, the first as the example. */
  children: string[];
  /** How many parents they roll into (at every level). */
  parents: number;
}

/**
 * The parent links "Parent : Child" account ids give (`accountIds`: the order lines' accounts),
 * added to the accounts table's records (`accounts`). A parent the accounts table gives wins;
 * the parent of a parent ("Group : Region" of "Group : Region : Site") is linked too.
 */
export function hierarchyParents(
  accountIds: readonly string[],
  accounts: readonly AccountRecord[]
): HierarchyParents {
  const records = new Map(accounts.map((r) => [r.accountId, r]));
  const linked = new Map<string, string>();
  const children: string[] = [];
  const link = (id: string): void => {
    let child = id;
    let parent = hierarchyParent(child);
    while (parent !== undefined && !linked.has(child) && !records.get(child)?.parentId) {
      linked.set(child, parent);
      child = parent;
      parent = hierarchyParent(child);
    }
  };
  for (const id of accountIds) {
    if (hierarchyParent(id) === undefined || records.get(id)?.parentId) continue;
    children.push(id);
    link(id);
  }
  if (linked.size === 0) return { accounts: accounts.slice(), children, parents: 0 };
  const out = accounts.map((r) =>
    linked.has(r.accountId) ? { ...r, parentId: linked.get(r.accountId) } : r
  );
  for (const [accountId, parentId] of linked)
    if (!records.has(accountId)) out.push({ accountId, parentId });
  return { accounts: out, children, parents: new Set(linked.values()).size };
}
