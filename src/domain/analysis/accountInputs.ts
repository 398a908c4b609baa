/**
 * The health inputs of accounts straight from their order lines (issue 14): the one function
 * behind KAP.METRICS and KAP.ACCOUNTHEALTH. It reads the same order book as the engine and goes
 * through the same steps as the engine's row at as-of (diversityAt, then inputsFrom): the same
 * windows, net-positive "bought", service lines, revenue-change rule and exact money — there is
 * no second implementation of any of them.
 */
import type { AccountRecord, Serial } from "../types";
import type { OrderBook } from "./book";
import { diversityAt, DiversityScratch, inputsFrom, windowsAt } from "./healthAt";
import { rollUp, type Subject } from "./subject";
import type { HealthInputs } from "./types";

export interface AccountInputsOptions {
  /** the date the windows end on (RULES.md §2) */
  asOf: Serial;
  /** false when the lines carry no categories: Diversity is n/a (categoriesLast12 null) */
  hasCategories: boolean;
  /** false when the lines carry no product: productsLast12 is null (one category then counts as several products) */
  hasProducts: boolean;
  /** engagement and days beyond terms per account id, when the caller has them */
  records?: ReadonlyMap<string, AccountRecord>;
  /**
   * Account id → the account it rolls into (its parent). An account's inputs then include the
   * lines of every account below it, at any depth — the engine's subject of an ancestor
   * (portfolio.ts, "Subjects: (account, currency) for every unit and for every ancestor of it").
   * A link that comes back to an account already on the way up stops there (no cycle).
   */
  parentOf?: ReadonlyMap<string, string>;
}

/**
 * Health inputs for each account id, in order. An id with no lines gets the "never ordered"
 * inputs (no last order: Recency 1). Lines of one account in several currencies are one
 * subject only when the caller has no currencies (the worksheet functions never do).
 */
export function accountsHealthInputs(
  book: OrderBook,
  accountIds: readonly string[],
  o: AccountInputsOptions
): HealthInputs[] {
  const f = book.freeze();
  const catOfSku = Int32Array.from(book.skuCategory);
  const scratch = new DiversityScratch(book.categories.length, 1);
  const dates = [o.asOf];
  const w = windowsAt(o.asOf);
  const unitsOf = new Map<string, number[]>();
  const addUnit = (id: string, u: number) => {
    const l = unitsOf.get(id);
    if (l) l.push(u);
    else unitsOf.set(id, [u]);
  };
  for (let u = 0; u < f.unitCount; u++) {
    const own = book.accountIds[book.unitAccount[u]];
    addUnit(own, u);
    if (!o.parentOf?.size) continue;
    // the unit counts for every ancestor too, as in the engine's roll-up
    const seen = new Set([own]);
    for (let p = o.parentOf.get(own); p !== undefined && !seen.has(p); p = o.parentOf.get(p)) {
      seen.add(p);
      addUnit(p, u);
    }
  }
  let empty: Subject | undefined;
  const subjects = new Map<string, HealthInputs>();
  return accountIds.map((id) => {
    const known = subjects.get(id);
    if (known) return { ...known };
    const units = unitsOf.get(id) ?? [];
    const s: Subject =
      units.length === 1
        ? { f, u: units[0] }
        : units.length
          ? rollUp(f, units)
          : (empty ??= rollUp(f, []));
    const div = diversityAt(s, dates, catOfSku, scratch);
    const inputs = inputsFrom(s, w, div, 0, o.records?.get(id), o.hasCategories);
    if (!o.hasProducts) inputs.productsLast12 = null;
    subjects.set(id, inputs);
    return { ...inputs };
  });
}
