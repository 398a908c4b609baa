/**
 * The engagement log and the payments ledger, grouped per analysed account (RULES.md §2.1).
 *
 * Decisions:
 * - A row's account is matched by id (exactly, then ignoring case and outer spaces), else by the
 *   account's name as the accounts table or the order lines give it (ignoring case): logs are
 *   often typed by people who write the customer's name. Rows naming no known account are left
 *   out and counted in a warning.
 * - A parent account's log and ledger include its sites' (as its order figures do).
 * - An invoice without a due date gets one from its own account's credit terms (when readable).
 * - Each account's entries are sorted by time; invoices by due date.
 */
import { dueDateOf, parseCreditTerms } from "../payment";
import type { AccountRecord, EngagementEntry, Invoice } from "../types";
import type { OrderBook } from "./book";
import type { SubjectLogs } from "./healthAt";

export interface GroupedLogs {
  /** The log and ledger of an account and every account below it; undefined when the workbook has neither. */
  logsOf(accountId: string): SubjectLogs | undefined;
  warnings: string[];
}

const norm = (s: string): string => s.trim().toLowerCase();
const byDue = (a: Invoice, b: Invoice): number => (a.dueDate ?? Infinity) - (b.dueDate ?? Infinity);

export function groupLogs(
  engagement: readonly EngagementEntry[] | undefined,
  invoices: readonly Invoice[] | undefined,
  book: OrderBook,
  records: ReadonlyMap<string, AccountRecord>,
  childrenOf: ReadonlyMap<string, readonly string[]>
): GroupedLogs {
  const warnings: string[] = [];
  if (!engagement?.length && !invoices?.length) return { logsOf: () => undefined, warnings };
  // id → canonical id, then names → id (ids win over names)
  const byKey = new Map<string, string>();
  const ids = new Set<string>([...records.keys(), ...book.accountIds]);
  for (const id of ids) byKey.set(norm(id), id);
  const nameOf = (id: string): string | undefined =>
    records.get(id)?.name ?? book.accountNames[book.accountIndexOf(id) ?? -1];
  for (const id of ids) {
    const n = nameOf(id);
    if (n && !byKey.has(norm(n))) byKey.set(norm(n), id);
  }
  const resolve = (key: string): string | undefined => (ids.has(key) ? key : byKey.get(norm(key)));

  const group = <T extends { accountId: string }>(
    rows: readonly T[] | undefined,
    label: string
  ): Map<string, T[]> => {
    const out = new Map<string, T[]>();
    const unknown = new Set<string>();
    let missed = 0;
    for (const r of rows ?? []) {
      const id = resolve(r.accountId);
      if (id === undefined) {
        missed++;
        if (unknown.size < 5) unknown.add(r.accountId);
        continue;
      }
      const list = out.get(id);
      if (list) list.push(r);
      else out.set(id, [r]);
    }
    if (missed)
      warnings.push(
        `${label}: ${missed} row${missed === 1 ? "" : "s"} name${missed === 1 ? "s" : ""} an account that is not in the order lines or the accounts table (${[...unknown].join(", ")}${missed > unknown.size ? ", …" : ""}); left out.`
      );
    return out;
  };
  const logByAccount = group(engagement, "Engagement log");
  const invByAccount = group(invoices, "Payments ledger");
  for (const l of logByAccount.values()) l.sort((a, b) => a.at - b.at);
  for (const [id, l] of invByAccount) {
    const terms = parseCreditTerms(records.get(id)?.creditTerms);
    const dated = l.map((inv) =>
      inv.dueDate === undefined ? { ...inv, dueDate: dueDateOf(inv, terms) } : inv
    );
    dated.sort(byDue);
    invByAccount.set(id, dated);
  }

  const cache = new Map<string, SubjectLogs>();
  const collect = <T>(m: Map<string, T[]>, id: string, out: T[]): void => {
    const own = m.get(id);
    if (own) out.push(...own);
    for (const c of childrenOf.get(id) ?? []) collect(m, c, out);
  };
  return {
    warnings,
    logsOf(accountId: string): SubjectLogs | undefined {
      let hit = cache.get(accountId);
      if (!hit) {
        const e: EngagementEntry[] = [];
        const i: Invoice[] = [];
        collect(logByAccount, accountId, e);
        collect(invByAccount, accountId, i);
        const hasChildren = (childrenOf.get(accountId)?.length ?? 0) > 0;
        if (hasChildren) {
          e.sort((a, b) => a.at - b.at);
          i.sort(byDue);
        }
        hit = { engagement: e, invoices: i };
        cache.set(accountId, hit);
      }
      return hit;
    },
  };
}
