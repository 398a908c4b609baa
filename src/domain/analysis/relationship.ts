/**
 * relationshipMapOf: one account's relationship map (methodology 000 Steps 4.1–4.3 and 8.2, 001's
 * decision mapping, 003's 5P) — its contacts on the decision map, required stakeholder coverage
 * with the ways to reach each missing role, people who order but are not in the contacts, and
 * its sites with the ones that have gone silent.
 *
 * Decisions:
 * - Sites: each site of the site column on the account's own lines and its descendants' lines
 *   (same currency); a descendant account with no site column counts as one site (named by the
 *   account), and one in the accounts table with no lines at all as a site that never ordered.
 *   The account's own lines without a site count as a site (its own name) when it has others.
 * - A site is silent when it has ordered before but not in the last SITE_SILENT_DAYS days.
 * - Multi-site expansion is proposed when the account has 2+ sites and some, not all, do not order
 *   (silent or never): estimate = what each of those would add by ordering like the median ordering
 *   site, i.e. the sum of (median 12-month revenue of the ordering sites − the site's own 12-month
 *   revenue, at least 0). A silent site's past 12 months are already in the account's revenue:
 *   counting the whole median again for it would size the gain above the account itself. The
 *   message names each site's state as the Sites table does (silent since its last order, or never
 *   ordered) and the estimate's basis. An account none of whose sites orders has stopped as a
 *   whole: that is its win-back (the plan's), not an expansion into its other sites.
 * - Feeling numbers are read on the scale of the whole contacts table (feelingScale).
 */
import { median } from "../numbers";
import { formatMoney, type MoneyLabel, roundMoney } from "../currency";
import { dateText } from "../dateText";
import { ENGAGEMENT_LOG, SITE_SILENT_DAYS } from "../rules";
import { failedContacts } from "../engagement";
import {
  feelingScale,
  introducer,
  mapContacts,
  type MappedContact,
  peopleToAdd,
  type PersonToAdd,
  requiredCoverage,
  type RequiredCoverage,
} from "../relationships";
import type { AccountRecord, ContactRecord, EngagementEntry, Serial } from "../types";
import type { OrderBook } from "./book";
import { type SiteFigures, siteFigures, siteStatusOf } from "./sites";
import { lastOrderOnOrBefore, netRevenueIn, periodBack, type Subject } from "./subject";
import type { AccountAnalysis, PortfolioAnalysis } from "./types";

export interface MultiSiteProposal {
  /** sites known */
  sites: number;
  /** sites not ordering (silent or never ordered), by name */
  notOrdering: string[];
  /** Σ (median 12-month revenue of the ordering sites − the site's own, ≥ 0) over the sites not ordering */
  estimate: number | null;
  /** how the estimate is made, with its figures */
  basis: string;
  message: string;
}

export interface RelationshipMap {
  contacts: MappedContact[];
  coverage: RequiredCoverage[];
  /** whom to ask for introductions (primary contact, else the strongest relationship) */
  introducer: string | null;
  peopleToAdd: PersonToAdd[];
  sites: SiteFigures[];
  multiSite: MultiSiteProposal | null;
}

/**
 * The relationship map of one portfolio row. `units` are the row's account units (own and
 * descendants', one currency); `allContacts` is the whole contacts table (for its feeling scale).
 */
export function relationshipMapOf(
  book: OrderBook,
  portfolio: PortfolioAnalysis,
  account: AccountAnalysis,
  units: readonly number[],
  contacts: readonly ContactRecord[],
  allContacts: readonly ContactRecord[],
  record: AccountRecord | undefined,
  culture?: string,
  money: MoneyLabel = "",
  /** the account's engagement log: a contact whose outreach failed (bounced) is not reachable */
  engagement: readonly EngagementEntry[] = []
): RelationshipMap {
  const asOf = portfolio.asOf;
  const via = introducer(contacts, record?.primaryContact);

  // "Ordered by" names of every unit of the row, first and last dates merged.
  const orderers = new Map<string, { name: string; date: Serial; lastDate: Serial }>();
  for (const u of units) {
    for (const [k, v] of book.orderedByOf(u)) {
      const cur = orderers.get(k);
      orderers.set(
        k,
        cur
          ? {
              name: cur.name,
              date: Math.min(cur.date, v.date),
              lastDate: Math.max(cur.lastDate, v.lastDate),
            }
          : { ...v }
      );
    }
  }

  const sites = sitesOf(book, portfolio, account, units, asOf);
  const notOrdering = sites.filter((s) => s.status !== "ordering");
  let multiSite: MultiSiteProposal | null = null;
  const ordering = sites.filter((s) => s.status === "ordering");
  if (sites.length >= 2 && notOrdering.length > 0 && ordering.length > 0) {
    const m = median(ordering.map((s) => s.revenueLast12)) ?? 0;
    const gains = notOrdering.map((s) =>
      roundMoney(Math.max(0, m - Math.max(0, s.revenueLast12)), account.currency)
    );
    const estimate = roundMoney(
      gains.reduce((t, g) => t + g, 0),
      account.currency
    );
    const names = notOrdering.map((s) => s.site);
    const to = dateText(asOf, culture);
    const state = (s: SiteFigures) =>
      s.lastOrderDate === null
        ? `${s.site} has never ordered`
        : `${s.site} last ordered on ${dateText(s.lastOrderDate, culture)} (${s.daysSinceLastOrder} days ago; ${formatMoney(s.revenueLast12, money)} in the 12 months to ${to})`;
    const medianText = `${formatMoney(m, money)}, the ${ordering.length === 1 ? "12-month revenue of the one ordering site" : `median 12-month revenue of the ${ordering.length} ordering sites`}`;
    multiSite = {
      sites: sites.length,
      notOrdering: names,
      estimate,
      basis: `Estimate: each site not ordering brought up to ${medianText}, less what it bought in the 12 months to ${to}: ${notOrdering.map((s, i) => `${s.site} ${formatMoney(gains[i], money)}`).join(", ")}.`,
      message: `${notOrdering.length} of ${sites.length} sites have not ordered in the last ${SITE_SILENT_DAYS} days: ${notOrdering.map(state).join("; ")}. Map their contacts and ask for an introduction to each site manager.`,
    };
  }

  return {
    contacts: mapContacts(contacts, feelingScale(allContacts)),
    coverage: requiredCoverage(contacts, via, culture, failedByName(engagement, asOf, culture)),
    introducer: via ?? null,
    peopleToAdd: peopleToAdd(orderers.values(), contacts),
    sites,
    multiSite,
  };
}

/**
 * Contacts whose last outreach in the engagement window failed (a bounced e-mail, a call nobody
 * answered) with nothing answered since: lower-cased name → what failed and when.
 */
function failedByName(
  engagement: readonly EngagementEntry[],
  asOf: Serial,
  culture: string | undefined
): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of failedContacts(engagement, asOf, ENGAGEMENT_LOG.windowDays))
    if (e.contact)
      out.set(
        e.contact.trim().toLowerCase(),
        `${e.followUp ?? "no answer"} on ${dateText(Math.floor(e.at), culture)}, nothing answered since`
      );
  return out;
}

function sitesOf(
  book: OrderBook,
  portfolio: PortfolioAnalysis,
  account: AccountAnalysis,
  units: readonly number[],
  asOf: Serial
): SiteFigures[] {
  const rowOf = (id: string) =>
    portfolio.accounts.find((a) => a.accountId === id && a.currency === account.currency) ??
    portfolio.accounts.find((a) => a.accountId === id);
  const out: SiteFigures[] = [];
  const seenAccounts = new Set<string>();
  let ownUnit: number | undefined;
  for (const u of units) {
    const id = book.accountIds[book.unitAccount[u]];
    seenAccounts.add(id);
    const row = rowOf(id);
    const name = row?.name ?? id;
    const entries = book.sites.sitesOf(u);
    if (entries.length) {
      for (const x of entries) {
        const fig = siteFigures(x, asOf);
        // a float sum of the site's lines: written rounded to the minor unit
        out.push({
          site: x.name,
          accountId: id,
          accountName: name,
          source: "site column",
          ...fig,
          revenueLast12: roundMoney(fig.revenueLast12, account.currency),
        });
      }
    } else if (id !== account.accountId) {
      out.push({
        site: name,
        accountId: id,
        accountName: name,
        source: "child account",
        ...siteStatusOf(row?.revenueLast12 ?? 0, row?.health.inputs.lastOrderDate ?? null, asOf),
      });
    } else ownUnit = u;
  }
  // The account's own lines without a site column, beside other sites.
  if (ownUnit !== undefined && out.length > 0) {
    const own: Subject = { f: book.freeze(), u: ownUnit };
    out.push({
      site: account.name,
      accountId: account.accountId,
      accountName: account.name,
      source: "child account",
      ...siteStatusOf(
        netRevenueIn(own, periodBack(asOf, 12)),
        lastOrderOnOrBefore(own, asOf),
        asOf
      ),
    });
  }
  // Descendants in the accounts table with no lines in this currency: sites that never ordered.
  const stack = [...account.childIds];
  while (stack.length) {
    const id = stack.pop()!;
    const row = rowOf(id);
    stack.push(...(row?.childIds ?? []));
    if (seenAccounts.has(id)) continue;
    if (row && row.health.inputs.lastOrderDate !== null) continue; // orders in another currency
    out.push({
      site: row?.name ?? id,
      accountId: id,
      accountName: row?.name ?? id,
      source: "child account",
      ...siteStatusOf(0, null, asOf),
    });
  }
  const rank = { ordering: 0, silent: 1, "never ordered": 2 } as const;
  return out.sort(
    (a, b) =>
      rank[a.status] - rank[b.status] ||
      b.revenueLast12 - a.revenueLast12 ||
      (a.site < b.site ? -1 : 1)
  );
}
