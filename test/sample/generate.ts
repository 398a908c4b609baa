/**
 * A deterministic (seeded) sample workbook of a UK trade and industrial distributor, in £:
 * accounts across industries and tiers (with parent groups and multi-site customers), a
 * catalog with product lines and premium alternatives, contacts, and 2+ years of order lines
 * with seasonality, growing, declining, churning and new accounts, returns and several buyers
 * and sites. It feeds the bundled sample workbook (scripts/make-sample.ts) and, at small
 * sizes, test fixtures. Same seed, same data: every random choice comes from one seeded PRNG.
 */
import { edate, serialToIso, serialToYmd } from "../../src/domain/dates";
import type { Serial } from "../../src/domain/types";
import {
  ACCOUNT_MANAGERS,
  CATALOG_PLAN,
  CATEGORIES,
  CATEGORY_SEASON,
  CONTACT_ROLES,
  CREDIT_TERMS,
  ENGAGEMENT_LABELS,
  FIRST_NAMES,
  INDUSTRIES,
  LAST_NAMES,
  MONTH_FACTOR,
  STEMS,
  TOWNS,
  type Category,
  type IndustryPlan,
} from "./catalog";

export type Cell = string | number | Date | null;
export type Row = Cell[];

export interface SampleOptions {
  seed: number;
  accounts: number;
  months: number;
  /** Last day of the history (the sample's as-of date); some account orders on it. */
  endDate: Serial;
  /** About how many order lines to make (default 9 per account per month). */
  linesTarget?: number;
}

export type AccountKind = "steady" | "growing" | "declining" | "churned" | "new" | "lapsed";

export interface SampleData {
  endDate: Serial;
  /** Header row first; dates as JS Dates at UTC midnight. */
  orders: Row[];
  accounts: Row[];
  catalog: Row[];
  contacts: Row[];
  /** The engagement log (CRM export): calls, e-mails, visits and meetings of the last 6 months. */
  engagement: Row[];
  /** The payments ledger: every invoice of the last 14 months with its due date, paid date and amount. */
  payments: Row[];
  /** The user's Initiatives table: a few initiatives on big accounts. */
  initiatives: Row[];
  /** The story behind each account, for tests and for anyone reading the demo. */
  story: {
    /** Accounts made to stop ordering, with the days between their last order and the end date. */
    churned: { id: string; daysSilent: number }[];
    /** Accounts whose first order falls in the last 3 months. */
    newAccounts: string[];
    growing: string[];
    declining: string[];
    /** Accounts that stopped for months and came back in the last half year. */
    lapsed: string[];
    creditHold: string[];
    healthOverride: string[];
    /** The account marked lost in the accounts table's Status column. */
    lost: string[];
    /** How each account behaves in the engagement log (see ENGAGEMENT_PROFILES). */
    engagement: Record<string, EngagementProfile>;
    /** Payers by behaviour in the ledger: good (early/on time), late (8+ days), and those with unpaid overdue invoices. */
    payers: { good: string[]; late: string[]; unpaidOverdue: string[]; rising: string[] };
  };
}

export const ORDER_HEADERS = [
  "Invoice Date",
  "Invoice No",
  "Customer ID",
  "Customer",
  "SKU",
  "Description",
  "Category",
  "Qty",
  "Unit Price",
  "Line Total",
  "Ordered By",
  "Site",
] as const;
export const ACCOUNT_HEADERS = [
  "Account No",
  "Account Name",
  "Parent Account",
  "Tier",
  "Industry",
  "Primary Contact",
  "Email",
  "Phone",
  "Account Manager",
  "Credit Terms",
  "Credit Limit",
  "Engagement",
  "Avg Days Beyond Terms",
  "Credit Hold",
  "Health Override",
  "Override Reason",
  "Customer Since",
  "Status",
  "Lost Reason",
] as const;
export const CATALOG_HEADERS = [
  "SKU",
  "Product Name",
  "Category",
  "Product Line",
  "List Price",
  "Premium Alternative",
] as const;
export const CONTACT_HEADERS = [
  "Account No",
  "Name",
  "Role",
  "Influence",
  "Relationship",
  "Feeling",
] as const;
export const ENGAGEMENT_HEADERS = [
  "Date",
  "Account",
  "Contact",
  "Type",
  "Direction",
  "Topic",
  "Follow-up",
  "Responded On",
] as const;
export const PAYMENT_HEADERS = [
  "Invoice No",
  "Account No",
  "Customer",
  "Invoice Date",
  "Due Date",
  "Paid Date",
  "Amount",
] as const;
export const INITIATIVE_HEADERS = [
  "Account",
  "Initiative",
  "Type",
  "Categories",
  "SKUs",
  "Target",
  "Start Date",
  "End Date",
  "Owner",
  "Status",
] as const;

/**
 * How an account answers in the engagement log: proactive (reaches out, answers within hours),
 * quick (answers within a day), days (1–3 days), slow (4–10 days), silent (most outreach
 * unanswered), thin (one or two contacts in 90 days: the accounts table's value is used).
 */
export type EngagementProfile = "proactive" | "quick" | "days" | "slow" | "silent" | "thin";

/** mulberry32: small, fast and good enough for sample data (never Math.random). */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

function pick<T>(r: Rng, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function weightedIndex(r: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let x = r() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}

function normal(r: Rng): number {
  // Box–Muller; 1 − r() keeps the log away from 0.
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

function poisson(r: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(r)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = r();
  while (p > limit) {
    k++;
    p *= r();
  }
  return k;
}

function shuffle<T>(r: Rng, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

/** Influence 1–5 as the methodology's decision-mapping tool writes it (1 and 2 are both Low). */
const INFLUENCE_WORDS = ["Low", "Low", "Medium", "High", "Very High"] as const;

const round2 = (x: number): number => Math.round(x * 100) / 100;
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** 0 = Sunday … 6 = Saturday (serial 1, Excel's 1900-01-01, is a Sunday in its count). */
const weekdayOf = (s: Serial): number => (((s + 6) % 7) + 7) % 7;

function toDate(serial: Serial): Date {
  const { y, m, d } = serialToYmd(serial);
  return new Date(Date.UTC(y, m - 1, d));
}

// ---------------------------------------------------------------- catalog

export interface Product {
  sku: string;
  name: string;
  category: Category;
  line: string;
  price: number;
  premiumSku?: string;
  isPremium: boolean;
}

/** The catalog, base products first in category order, each line's premium alternatives after it. */
export function buildCatalog(): Product[] {
  const out: Product[] = [];
  for (const category of CATEGORIES) {
    const { prefix, lines } = CATALOG_PLAN[category];
    lines.forEach((l, li) => {
      const premiums: Product[] = [];
      l.variants.forEach(([variant, price], vi) => {
        const sku = `${prefix}-${li + 1}${String(vi + 1).padStart(2, "0")}`;
        const base: Product = {
          sku,
          name: `${l.line}, ${variant}`,
          category,
          line: l.line,
          price,
          isPremium: false,
        };
        if (l.premium) {
          const premium: Product = {
            sku: `${sku}P`,
            name: `${l.premium.line}, ${variant}`,
            category,
            line: l.premium.line,
            price: round2(price * l.premium.uplift),
            isPremium: true,
          };
          base.premiumSku = premium.sku;
          premiums.push(premium);
        }
        out.push(base);
      });
      out.push(...premiums);
    });
  }
  return out;
}

// ---------------------------------------------------------------- accounts

interface CategoryHabit {
  category: Category;
  weight: number;
  products: Product[];
  productWeights: number[];
  /** Orders of this category stop after this day (a category switched to a competitor). */
  until?: Serial;
  /** First bought on or after this day (a new category in the last month). */
  from?: Serial;
}

interface Buyer {
  name: string;
  weight: number;
  /** Only orders from this day (a new "ordered by" name). */
  from?: Serial;
}

interface AccountPlan {
  index: number;
  id: string;
  name: string;
  parentId: string | null;
  industry: IndustryPlan;
  size: number;
  tier: "Bronze" | "Silver" | "Gold" | "Platinum";
  kind: AccountKind;
  first: Serial;
  last: Serial;
  /** Silent window of a lapsed account: no orders in (gapFrom, gapTo). */
  gapFrom?: Serial;
  gapTo?: Serial;
  /** Log growth over the whole history (0 = flat). */
  trend: number;
  habits: CategoryHabit[];
  buyers: Buyer[];
  sites: string[];
  premiumRate: number;
  returnRate: number;
  discount: number;
  /** Mean lines per order minus one. */
  extraLines: number;
  town: string;
  ordersOnLastDay?: boolean;
}

interface ContactPlan {
  name: string;
  role: string;
}

const TIER_DISCOUNT = { Bronze: 0.05, Silver: 0.1, Gold: 0.15, Platinum: 0.2 } as const;

function tierOf(size: number): AccountPlan["tier"] {
  if (size > 3.3) return "Platinum";
  if (size > 1.6) return "Gold";
  if (size > 0.8) return "Silver";
  return "Bronze";
}

/** How many accounts play each part; small fixtures still get one of each story that matters. */
function kindsFor(r: Rng, n: number): AccountKind[] {
  const churned = Math.min(Math.floor(n / 3), Math.max(4, Math.round(n * 0.05)));
  const fresh = Math.max(1, Math.round(n * 0.03));
  const growing = Math.max(1, Math.round(n * 0.2));
  const declining = Math.max(1, Math.round(n * 0.15));
  const lapsed = n >= 30 ? Math.max(1, Math.round(n * 0.01)) : 0;
  const kinds: AccountKind[] = [];
  const push = (k: AccountKind, c: number): void => {
    for (let i = 0; i < c && kinds.length < n; i++) kinds.push(k);
  };
  push("churned", churned);
  push("new", fresh);
  push("lapsed", lapsed);
  push("growing", growing);
  push("declining", declining);
  while (kinds.length < n) kinds.push("steady");
  return shuffle(r, kinds);
}

/** Days between the last order and the end date for the k-th churned account. */
const CHURN_DAYS = [35, 50, 70, 200, 45, 95, 150, 260, 40, 120];

function companyName(r: Rng, industry: IndustryPlan, used: Set<string>): string {
  for (let attempt = 0; attempt < 8; attempt++) {
    const name = `${pick(r, STEMS)} ${pick(r, industry.suffixes)}`;
    if (!used.has(name)) return name;
  }
  for (let k = 2; ; k++) {
    const name = `${pick(r, STEMS)} ${pick(r, industry.suffixes)} (${pick(r, TOWNS)})`;
    if (!used.has(name) || k > 50) return used.has(name) ? `${name} ${k}` : name;
  }
}

function personName(r: Rng): string {
  return `${pick(r, FIRST_NAMES)} ${pick(r, LAST_NAMES)}`;
}

function emailOf(person: string, domain: string): string {
  const [first, ...rest] = person.toLowerCase().split(" ");
  return `${first}.${rest.join("")}@${domain}`;
}

function domainOf(name: string): string {
  const words = name
    .replace(/\(.*\)/, "")
    .replace(/\b(Ltd|Services|&)\b/g, "")
    .toLowerCase()
    .replace(/[^a-z ]/g, "")
    .trim()
    .split(/\s+/);
  return `${words.slice(0, 2).join("")}.co.uk`;
}

function planHabits(
  r: Rng,
  industry: IndustryPlan,
  byCategory: Map<Category, Product[]>
): CategoryHabit[] {
  const habits: CategoryHabit[] = [];
  for (const category of CATEGORIES) {
    const pref = industry.prefs[category] ?? 0;
    // Core categories of the industry are nearly always bought; the odd account buys them elsewhere.
    const p = pref > 0 ? Math.min(0.93, 0.3 + pref / 8) : 0.06;
    if (r() >= p) continue;
    const weight = (pref > 0 ? pref : 0.5) * (0.6 + r() * 0.8);
    habits.push({ category, weight, ...pickProducts(r, byCategory.get(category) ?? []) });
  }
  if (habits.length === 0) {
    const [category, pref] = Object.entries(industry.prefs)[0] as [Category, number];
    habits.push({ category, weight: pref, ...pickProducts(r, byCategory.get(category) ?? []) });
  }
  return habits;
}

/** Some lines of a category, and some variants of each line, so product-line gaps exist. */
function pickProducts(
  r: Rng,
  products: Product[]
): { products: Product[]; productWeights: number[] } {
  const lines = [...new Set(products.map((p) => p.line))];
  const chosenLines = lines.filter(() => r() < 0.6);
  if (chosenLines.length === 0) chosenLines.push(pick(r, lines));
  const chosen: Product[] = [];
  for (const line of chosenLines) {
    const variants = products.filter((p) => p.line === line);
    const some = variants.filter(() => r() < 0.55);
    chosen.push(...(some.length > 0 ? some : [pick(r, variants)]));
  }
  return { products: chosen, productWeights: chosen.map(() => 0.3 + r() * r() * 4) };
}

interface Plans {
  accounts: AccountPlan[];
  contacts: ContactPlan[][];
  accountRows: Row[];
  start: Serial;
}

function planAccounts(r: Rng, o: SampleOptions, byCategory: Map<Category, Product[]>): Plans {
  const n = o.accounts;
  const start = edate(o.endDate, -o.months);
  const newFrom = edate(o.endDate, -3);
  const kinds = kindsFor(r, n);
  const used = new Set<string>();
  const plans: AccountPlan[] = [];
  const contacts: ContactPlan[][] = [];
  // Groups: a head office followed by 2–4 sites, spread through the list.
  const groups = n >= 40 ? Math.round(n / 60) : n >= 10 ? 1 : 0;
  const headOffices = new Map<number, number>();
  for (let g = 0; g < groups; g++)
    headOffices.set(Math.floor((g * n) / groups) + 2, 2 + Math.floor(r() * 3));
  // A head office has been trading all along: it swaps a churn/new/lapse story with a steady account.
  for (const h of headOffices.keys()) {
    if (kinds[h] === "steady" || kinds[h] === "growing" || kinds[h] === "declining") continue;
    const j = kinds.findIndex((k, x) => k === "steady" && !headOffices.has(x));
    if (j >= 0) [kinds[h], kinds[j]] = [kinds[j], kinds[h]];
  }
  let parent: AccountPlan | null = null;
  let sitesLeft = 0;
  let churnCount = 0;

  for (let i = 0; i < n; i++) {
    const id = `C${String(i + 1).padStart(4, "0")}`;
    const kind = kinds[i];
    const inGroup: AccountPlan | null = sitesLeft > 0 ? parent : null;
    const industry = inGroup
      ? inGroup.industry
      : INDUSTRIES[
          weightedIndex(
            r,
            INDUSTRIES.map((x) => x.share)
          )
        ];
    const town = pick(r, TOWNS);
    const name = inGroup
      ? `${inGroup.name.replace(/ \(.*\)$/, "")} – ${town}`
      : companyName(r, industry, used);
    used.add(name);
    // Growers and decliners are accounts big enough for their trend to show through the noise.
    const spread = Math.exp(normal(r) * 0.85) * (headOffices.has(i) ? 2 : 1);
    const size = kind === "growing" || kind === "declining" ? Math.max(0.9, spread) : spread;
    const trend =
      kind === "growing"
        ? Math.log(2 + r())
        : kind === "declining"
          ? -Math.log(2.5 + r())
          : normal(r) * 0.12;

    let first = start + Math.floor(r() * 20);
    let last = o.endDate - Math.floor(r() * r() * 6);
    let gapFrom: Serial | undefined;
    let gapTo: Serial | undefined;
    if (r() < 0.12 && kind === "steady")
      first = edate(start, 3 + Math.floor(r() * 8)) + Math.floor(r() * 28); // joined during the history
    if (kind === "churned") last = o.endDate - CHURN_DAYS[churnCount++ % CHURN_DAYS.length];
    if (kind === "new")
      first = newFrom + 5 + Math.floor(r() * Math.max(1, o.endDate - newFrom - 20));
    if (kind === "lapsed") {
      gapFrom = edate(o.endDate, -14);
      gapTo = edate(o.endDate, -5);
    }

    const byCat = planHabits(r, industry, byCategory);
    // A decliner stops buying one of its main categories four months before the end.
    if (kind === "declining" && byCat.length > 1) {
      const sorted = [...byCat].sort((a, b) => b.weight - a.weight);
      sorted[1].until = edate(o.endDate, -4);
    }
    // Now and then a healthy account starts a new category in the last month.
    if ((kind === "growing" || kind === "steady") && r() < 0.12) {
      const missing = CATEGORIES.filter((c) => !byCat.some((h) => h.category === c));
      if (missing.length > 0) {
        const category = pick(r, missing);
        byCat.push({
          category,
          weight: 1.5,
          from: o.endDate - 28,
          ...pickProducts(r, byCategory.get(category) ?? []),
        });
      }
    }

    // Contacts: the primary contact buys; bigger accounts have a fuller decision-making unit.
    const people: ContactPlan[] = [
      { name: personName(r), role: r() < 0.7 ? "Purchaser" : "Economic Buyer" },
    ];
    const more = clamp(Math.round(1 + size + r() * 2), 1, 5);
    const roles = shuffle(
      r,
      CONTACT_ROLES.filter((x) => x !== people[0].role)
    );
    for (let k = 0; k < more; k++)
      people.push({ name: personName(r), role: roles[k % roles.length] });
    contacts.push(people);
    const buyers: Buyer[] = people
      .filter((p) => ["Purchaser", "User", "Technical Buyer", "Site Manager"].includes(p.role))
      .map((p, k) => ({ name: p.name, weight: k === 0 ? 4 : 1 + r() * 2 }));
    if (buyers.length === 0) buyers.push({ name: people[0].name, weight: 4 });
    for (let k = Math.floor(r() * 3); k > 0; k--)
      buyers.push({ name: personName(r), weight: 0.3 + r() });
    if (kind !== "churned" && kind !== "new" && r() < 0.1)
      buyers.push({ name: personName(r), weight: 3, from: o.endDate - 25 });

    const sites = inGroup
      ? [`${town} Branch`]
      : r() < 0.25
        ? [
            `${town} Head Office`,
            `${pick(r, TOWNS)} Depot`,
            ...(r() < 0.4 ? [`${pick(r, TOWNS)} Yard`] : []),
          ]
        : [`${town}`];

    const plan: AccountPlan = {
      index: i,
      id,
      name,
      parentId: inGroup ? inGroup.id : null,
      industry,
      size,
      tier: tierOf(size),
      kind,
      first,
      last,
      gapFrom,
      gapTo,
      trend,
      habits: byCat,
      buyers,
      sites,
      premiumRate: r() < 0.15 ? 0.4 + r() * 0.4 : r() < 0.2 ? 0.05 : 0,
      returnRate: r() < 0.1 ? 0.04 : 0.012,
      discount: 0,
      extraLines: 0.6 + Math.min(size, 3) * 0.7,
      town,
    };
    plan.discount = TIER_DISCOUNT[plan.tier] + (r() - 0.5) * 0.05;
    plans.push(plan);

    if (headOffices.has(i)) {
      parent = plan;
      sitesLeft = headOffices.get(i) ?? 0;
    } else if (sitesLeft > 0) sitesLeft--;
  }

  // Someone steady orders on the last day, so the history ends on the end date.
  const lastDay =
    plans.find((p) => p.kind === "steady" || p.kind === "growing") ??
    plans.find((p) => p.kind !== "churned");
  if (lastDay) {
    lastDay.last = o.endDate;
    lastDay.ordersOnLastDay = true;
  }
  const accountRows = accountTable(r, o, plans, contacts);
  return { accounts: plans, contacts, accountRows, start };
}

function accountTable(
  r: Rng,
  o: SampleOptions,
  plans: AccountPlan[],
  contacts: ContactPlan[][]
): Row[] {
  const rows: Row[] = [[...ACCOUNT_HEADERS]];
  const late = plans.map((p) => {
    const slow = p.kind === "declining" || p.kind === "churned" ? 0.35 : 0.12;
    return r() < slow ? 8 + r() * 30 : normal(r) * 2.5 + 0.5;
  });
  // Two accounts on credit hold: the worst payers.
  const holds = new Set(
    plans
      .map((p, i) => ({ i, late: late[i] }))
      .sort((a, b) => b.late - a.late)
      .slice(0, Math.min(2, plans.length))
      .map((x) => x.i)
  );
  for (const i of holds) late[i] = Math.max(late[i], 38 + r() * 20);
  // One manual health band: a big, healthy-looking account whose manager knows better.
  const overrideAt = plans.findIndex(
    (p) =>
      p.kind === "steady" && (p.tier === "Gold" || p.tier === "Platinum") && !holds.has(p.index)
  );
  const fallback = plans.findIndex(
    (p) => (p.kind === "steady" || p.kind === "growing") && !holds.has(p.index)
  );
  const override =
    overrideAt >= 0
      ? overrideAt
      : fallback >= 0
        ? fallback
        : plans.findIndex((p) => !holds.has(p.index));
  // One account marked lost: the churner silent longest (at least 150 days), for win-back Stage 5.
  const lostAt = plans
    .filter((p) => p.kind === "churned" && o.endDate - p.last >= 150)
    .sort((a, b) => a.last - b.last || a.index - b.index)[0]?.index;

  plans.forEach((p, i) => {
    const engagementBase =
      3 +
      normal(r) * 0.9 +
      (p.kind === "growing" ? 0.7 : 0) -
      (p.kind === "declining" || p.kind === "churned" ? 0.9 : 0);
    const engagement = clamp(Math.round(engagementBase), 1, 5);
    const primary = contacts[i][0].name;
    const parentDomain = p.parentId ? plans.find((q) => q.id === p.parentId)?.name : undefined;
    const sinceYear =
      serialToYmd(p.first).y -
      (p.kind === "new" || p.first > edate(o.endDate, -o.months + 2) ? 0 : Math.floor(r() * 12));
    const since =
      p.kind === "new"
        ? p.first
        : Date.UTC(sinceYear, Math.floor(r() * 12), 1) / 86_400_000 + 25569;
    rows.push([
      p.id,
      p.name,
      p.parentId,
      p.tier,
      p.industry.industry,
      primary,
      emailOf(primary, domainOf(parentDomain ?? p.name)),
      `01${100 + Math.floor(r() * 900)} ${100000 + Math.floor(r() * 900000)}`,
      pick(r, ACCOUNT_MANAGERS),
      holds.has(i) ? "Pro forma" : pick(r, CREDIT_TERMS),
      Math.max(1000, Math.round((p.size * 6000) / 500) * 500),
      r() < 0.4 ? ENGAGEMENT_LABELS[engagement - 1] : engagement,
      Math.round(late[i] * 10) / 10,
      holds.has(i) ? "Yes" : "No",
      i === override ? "At Risk" : null,
      i === override ? "Buyer leaving in December; contract going out to tender" : null,
      toDate(Math.min(since, p.first)),
      i === lostAt ? "Lost" : "Active",
      i === lostAt ? "Moved to a national distributor on price; exit interview booked" : null,
    ]);
  });
  return rows;
}

// ---------------------------------------------------------------- orders

interface DraftLine {
  product: Product;
  qty: number;
  price: number;
}

interface DraftOrder {
  date: Serial;
  account: number;
  seq: number;
  credit: boolean;
  lines: DraftLine[];
  orderedBy: string;
  site: string;
}

/** Orders per month of an account of size 1 before scaling, by month of the history. */
function activity(
  p: AccountPlan,
  monthStart: Serial,
  monthEnd: Serial,
  progress: number,
  month: number
): number {
  const from = Math.max(monthStart, p.first);
  const to = Math.min(monthEnd, p.last + 1);
  if (to <= from) return 0;
  let days = to - from;
  if (p.gapFrom !== undefined && p.gapTo !== undefined)
    days -= Math.max(0, Math.min(to, p.gapTo) - Math.max(from, p.gapFrom));
  if (days <= 0) return 0;
  // A churner fades in its last four months before it stops.
  const fading = p.kind === "churned" && monthStart > p.last - 120 ? 0.6 : 1;
  return (
    (p.size * MONTH_FACTOR[month - 1] * Math.exp(p.trend * (progress - 0.5)) * fading * days) /
    (monthEnd - monthStart)
  );
}

/** Nudges weekend days to the nearest weekday, mostly (trade counters open some Saturdays). */
function workingDay(r: Rng, s: Serial): Serial {
  const wd = weekdayOf(s);
  if (wd === 0) return s + 1;
  if (wd === 6 && r() < 0.85) return s - 1;
  return s;
}

interface MonthSlot {
  start: Serial;
  end: Serial;
  month: number;
  progress: number;
}

function monthSlots(o: SampleOptions, start: Serial): MonthSlot[] {
  const months: MonthSlot[] = [];
  for (let m = 0; m <= o.months; m++) {
    const s = edate(start, m);
    months.push({
      start: s,
      end: edate(start, m + 1),
      month: serialToYmd(s).m,
      progress: m / Math.max(1, o.months),
    });
  }
  return months;
}

/**
 * Order lines near the target count: a first run at the rate the plans predict, then, when it
 * misses by more than 3%, a second run from the same seed at the corrected rate.
 */
function makeOrders(
  seed: number,
  o: SampleOptions,
  plans: Plans,
  premiumOf: Map<string, Product>
): Row[] {
  const months = monthSlots(o, plans.start);
  const target = o.linesTarget ?? o.accounts * o.months * 9;
  let expected = 0;
  for (const p of plans.accounts)
    for (const mo of months)
      expected += activity(p, mo.start, mo.end, mo.progress, mo.month) * (1 + p.extraLines);
  const rate = expected > 0 ? target / expected : 0;
  const first = simulateOrders(mulberry32(seed), o, plans, months, rate, premiumOf);
  const made = first.length - 1;
  if (made === 0 || Math.abs(made / target - 1) <= 0.03) return first;
  return simulateOrders(mulberry32(seed), o, plans, months, (rate * target) / made, premiumOf);
}

function simulateOrders(
  r: Rng,
  o: SampleOptions,
  plans: Plans,
  months: MonthSlot[],
  rate: number,
  premiumOf: Map<string, Product>
): Row[] {
  const { accounts } = plans;
  const endYear = serialToYmd(o.endDate).y;
  const drafts: DraftOrder[] = [];
  let seq = 0;
  for (const p of accounts) {
    const orderDays: Serial[] = [];
    for (const mo of months) {
      const lambda = activity(p, mo.start, mo.end, mo.progress, mo.month) * rate;
      for (let k = poisson(r, lambda); k > 0; k--)
        orderDays.push(workingDay(r, mo.start + Math.floor(r() * (mo.end - mo.start))));
    }
    // The story's dates are exact: a churner's last order and a newcomer's first one.
    if (p.kind === "churned" || p.ordersOnLastDay) orderDays.push(p.last);
    if (p.kind === "new") orderDays.push(p.first);
    for (const day of orderDays) {
      if (day < p.first || day > p.last || day > o.endDate) continue;
      if (p.gapFrom !== undefined && p.gapTo !== undefined && day > p.gapFrom && day < p.gapTo)
        continue;
      const month = serialToYmd(day).m;
      const habits = p.habits.filter(
        (h) => (h.until === undefined || day <= h.until) && (h.from === undefined || day >= h.from)
      );
      if (habits.length === 0) continue;
      const weights = habits.map((h) => h.weight * (CATEGORY_SEASON[h.category]?.[month - 1] ?? 1));
      const buyers = p.buyers.filter((b) => b.from === undefined || day >= b.from);
      const orderedBy =
        buyers[
          weightedIndex(
            r,
            buyers.map((b) => b.weight)
          )
        ].name;
      const site = p.sites[Math.floor(r() * r() * p.sites.length)];
      const nLines = 1 + poisson(r, p.extraLines);
      const lines: DraftLine[] = [];
      const inflation = Math.pow(1.045, serialToYmd(day).y - endYear);
      for (let l = 0; l < nLines; l++) {
        let product = pickProduct(r, habits, weights, p, premiumOf);
        // The same SKU twice on one order is one line: try another once, else drop it.
        if (lines.some((x) => x.product === product))
          product = pickProduct(r, habits, weights, p, premiumOf);
        if (lines.some((x) => x.product === product)) continue;
        const qty = Math.max(
          1,
          Math.round((40 / Math.pow(product.price, 0.75)) * Math.sqrt(p.size) * (0.4 + r() * 1.2))
        );
        lines.push({ product, qty, price: round2(product.price * (1 - p.discount) * inflation) });
      }
      // The day's lines, in SKU order as an ERP prints them, then the account's habitual site.
      lines.sort((a, b) => (a.product.sku < b.product.sku ? -1 : 1));
      drafts.push({
        date: day,
        account: p.index,
        seq: seq++,
        credit: false,
        lines,
        orderedBy,
        site,
      });
      // A few lines come back a week or two later as a credit note.
      for (const line of lines) {
        if (r() >= p.returnRate) continue;
        const back = day + 2 + Math.floor(r() * 18);
        if (back > Math.min(o.endDate, p.last)) continue;
        const qty = -Math.max(1, Math.round(line.qty * (0.2 + r() * 0.8)));
        drafts.push({
          date: back,
          account: p.index,
          seq: seq++,
          credit: true,
          lines: [{ ...line, qty }],
          orderedBy,
          site,
        });
      }
    }
  }
  drafts.sort((a, b) => a.date - b.date || a.account - b.account || a.seq - b.seq);

  const rows: Row[] = [[...ORDER_HEADERS]];
  const dates = new Map<Serial, Date>();
  let invoice = 104_000;
  let creditNote = 8_000;
  for (const d of drafts) {
    if (d.lines.length === 0) continue;
    const p = accounts[d.account];
    const id = d.credit ? `CN${String(++creditNote).padStart(6, "0")}` : `INV${++invoice}`;
    let date = dates.get(d.date);
    if (!date) dates.set(d.date, (date = toDate(d.date)));
    for (const l of d.lines)
      rows.push([
        date,
        id,
        p.id,
        p.name,
        l.product.sku,
        l.product.name,
        l.product.category,
        l.qty,
        l.price,
        round2(l.qty * l.price),
        d.orderedBy,
        d.site,
      ]);
  }
  return rows;
}

function pickProduct(
  r: Rng,
  habits: CategoryHabit[],
  weights: number[],
  p: AccountPlan,
  premiumOf: Map<string, Product>
): Product {
  const h = habits[weightedIndex(r, weights)];
  const product = h.products[weightedIndex(r, h.productWeights)];
  const premium = product.premiumSku ? premiumOf.get(product.premiumSku) : undefined;
  return premium && r() < p.premiumRate ? premium : product;
}

// ---------------------------------------------------------------- engagement log, ledger, initiatives
// These come from their own seeded PRNG (derived from the seed), so the accounts, contacts and
// order lines above are the same as before they existed.

const TOPICS = [
  "Quote follow-up",
  "Price review",
  "Delivery query",
  "New product introduction",
  "Account review",
  "Stock availability",
  "Site visit",
  "Rebate terms",
];
const FAILED_NOTES = ["No answer, left voicemail", "E-mail bounced", "No reply"];

/** A date-time (serial with a fraction of a day) as a JS Date at UTC. */
function toDateTime(t: number): Date {
  const day = Math.floor(t);
  return new Date(toDate(day).getTime() + Math.round((t - day) * 24 * 60) * 60_000);
}

function profileOf(r: Rng, p: AccountPlan): EngagementProfile {
  const x = r();
  switch (p.kind) {
    case "growing":
      return x < 0.55 ? "proactive" : x < 0.9 ? "quick" : "days";
    case "new":
      return x < 0.6 ? "proactive" : "quick";
    case "declining":
      return x < 0.35 ? "days" : x < 0.75 ? "slow" : "silent";
    case "churned":
      return x < 0.7 ? "silent" : "slow";
    case "lapsed":
      return x < 0.5 ? "slow" : "days";
    default:
      return x < 0.15
        ? "proactive"
        : x < 0.5
          ? "quick"
          : x < 0.75
            ? "days"
            : x < 0.85
              ? "slow"
              : x < 0.9
                ? "silent"
                : p.size < 1.5
                  ? "thin" // a thin log only on a smaller account: the big ones are looked after
                  : "quick";
  }
}

/** Hours to an answer for one outreach of a profile; null = never answered. */
function answerHours(r: Rng, profile: EngagementProfile): number | null {
  switch (profile) {
    case "proactive":
      return 1 + r() * 18;
    case "quick":
      return r() < 0.85 ? 2 + r() * 20 : 26 + r() * 30;
    case "days":
      return r() < 0.8 ? 28 + r() * 42 : r() < 0.5 ? 4 + r() * 18 : 80 + r() * 60;
    case "slow":
      return r() < 0.85 ? 96 + r() * 140 : null;
    case "silent":
      return r() < 0.2 ? 48 + r() * 200 : null;
    case "thin":
      return 3 + r() * 40;
  }
}

function engagementLog(
  r: Rng,
  o: SampleOptions,
  plans: Plans
): { rows: Row[]; profiles: Record<string, EngagementProfile> } {
  const rows: { at: number; row: Row }[] = [];
  const profiles: Record<string, EngagementProfile> = {};
  const from = o.endDate - 182;
  plans.accounts.forEach((p, i) => {
    const people = plans.contacts[i];
    const profile = profileOf(r, p);
    profiles[p.id] = profile;
    // Outreach every 8–20 days on a big account, up to a month on a small one; a thin log has 1–2 in 90 days.
    const gap = profile === "thin" ? 50 : clamp(24 / Math.sqrt(p.size), 8, 30);
    const first = Math.max(from, p.first);
    for (let t = first + r() * gap; t <= o.endDate; t += gap * (0.6 + r() * 0.8)) {
      const day = workingDay(r, Math.floor(t));
      if (day > o.endDate || day < p.first) continue;
      const at = day + (8.5 + r() * 8.5) / 24;
      const who = people[Math.floor(r() * r() * people.length)].name;
      const type = pick(r, ["E-mail", "E-mail", "E-mail", "Call", "Call", "Visit", "Meeting"]);
      const hours = answerHours(r, profile);
      const answered = hours === null ? null : at + hours / 24;
      const respondedOn = answered !== null && answered <= o.endDate + 1 ? answered : null;
      const followUp =
        respondedOn === null && at < o.endDate - 3
          ? r() < 0.5
            ? pick(r, FAILED_NOTES)
            : "Chase"
          : r() < 0.4
            ? pick(r, ["Send quote", "Book visit", "Send samples", "Update price list"])
            : null;
      rows.push({
        at,
        row: [
          toDateTime(at),
          p.id,
          who,
          type,
          "Outbound",
          pick(r, TOPICS),
          followUp,
          respondedOn === null ? null : toDateTime(respondedOn),
        ],
      });
    }
    // The customer reaches out: often for a proactive account, now and then for the others.
    const inbound =
      profile === "proactive"
        ? 2 + Math.floor(r() * 3)
        : profile === "quick" || profile === "days"
          ? Math.floor(r() * 1.6)
          : 0;
    for (let k = 0; k < inbound; k++) {
      const day = workingDay(r, o.endDate - Math.floor(r() * 85));
      if (day < p.first || day > o.endDate) continue;
      const at = day + (8 + r() * 9) / 24;
      rows.push({
        at,
        row: [
          toDateTime(at),
          p.id,
          people[Math.floor(r() * people.length)].name,
          pick(r, ["E-mail", "Call", "Call"]),
          "Inbound",
          pick(r, ["Order query", "Request for quote", "New project", "Delivery query"]),
          r() < 0.5 ? "Quote sent" : null,
          null,
        ],
      });
    }
  });
  rows.sort((a, b) => a.at - b.at);
  return { rows: [[...ENGAGEMENT_HEADERS], ...rows.map((x) => x.row)], profiles };
}

/** Due date of an invoice under the sample's terms ("30 days EOM" runs from the month's end; "Pro forma" is due on the day). */
function dueOf(invoiceDate: Serial, terms: string): Serial {
  if (terms === "Pro forma") return invoiceDate;
  const days = Number(/\d+/.exec(terms)?.[0] ?? 30);
  if (/EOM/.test(terms)) return edate(invoiceDate - serialToYmd(invoiceDate).d + 1, 1) - 1 + days;
  return invoiceDate + days;
}

function paymentsLedger(
  r: Rng,
  o: SampleOptions,
  plans: Plans,
  orders: Row[]
): { rows: Row[]; payers: SampleData["story"]["payers"] } {
  const col = (h: (typeof ACCOUNT_HEADERS)[number]) => ACCOUNT_HEADERS.indexOf(h);
  const accountRow = new Map(plans.accountRows.slice(1).map((row) => [String(row[0]), row]));
  const kindOf = new Map(plans.accounts.map((p) => [p.id, p.kind]));
  // One ledger line per invoice (credit notes are not in an invoice ledger) of the last 14 months.
  const since = edate(o.endDate, -14);
  const invoices = new Map<
    string,
    { date: Serial; account: string; name: string; amount: number }
  >();
  for (const row of orders.slice(1)) {
    const no = String(row[1]);
    if (!no.startsWith("INV")) continue;
    const date = Math.round((row[0] as Date).getTime() / 86_400_000) + 25569;
    if (date <= since) continue;
    const inv = invoices.get(no);
    if (inv) inv.amount = round2(inv.amount + (row[9] as number));
    else
      invoices.set(no, {
        date,
        account: String(row[2]),
        name: String(row[3]),
        amount: row[9] as number,
      });
  }
  const good = new Set<string>();
  const late = new Set<string>();
  const unpaid = new Set<string>();
  const rising = new Set<string>();
  // Each account's habit: its table figure (Avg Days Beyond Terms), some noise; decliners that pay late get later.
  const habit = new Map<string, { mean: number; rise: number; spread: number }>();
  for (const [id, row] of accountRow) {
    const mean = Number(row[col("Avg Days Beyond Terms")]);
    const rise = kindOf.get(id) === "declining" && mean > 5 ? 8 : 0;
    habit.set(id, { mean, rise, spread: mean > 8 ? 5 : 2 });
    if (rise > 0) rising.add(id);
    if (mean <= 0.5) good.add(id);
    else if (mean >= 8) late.add(id);
  }
  const rows: Row[] = [[...PAYMENT_HEADERS]];
  for (const [no, inv] of invoices) {
    const row = accountRow.get(inv.account)!;
    const h = habit.get(inv.account)!;
    const terms = String(row[col("Credit Terms")]);
    const due = dueOf(inv.date, terms);
    const recent = due > edate(o.endDate, -3) ? h.rise : 0;
    let paid: Serial | null = due + Math.round(h.mean + recent + normal(r) * h.spread);
    paid = Math.max(inv.date, paid);
    // The worst payers (credit hold) leave a few invoices unpaid well past their due date.
    if (row[col("Credit Hold")] === "Yes" && due < o.endDate - 20 && r() < 0.35) paid = null;
    if (paid !== null && paid > o.endDate) paid = null;
    if (paid === null && due < o.endDate) unpaid.add(inv.account);
    rows.push([
      no,
      inv.account,
      inv.name,
      toDate(inv.date),
      toDate(due),
      paid === null ? null : toDate(paid),
      inv.amount,
    ]);
  }
  return {
    rows,
    payers: {
      good: [...good],
      late: [...late],
      unpaidOverdue: [...unpaid].filter((id) => late.has(id)),
      rising: [...rising],
    },
  };
}

function initiativesTable(r: Rng, o: SampleOptions, plans: Plans, orders: Row[]): Row[] {
  const yearAgo = edate(o.endDate, -12);
  const revenue = new Map<string, number>();
  for (const row of orders.slice(1)) {
    const date = Math.round((row[0] as Date).getTime() / 86_400_000) + 25569;
    if (date > yearAgo)
      revenue.set(String(row[2]), (revenue.get(String(row[2])) ?? 0) + Number(row[9]));
  }
  const manager = new Map(
    plans.accountRows
      .slice(1)
      .map((row) => [String(row[0]), String(row[ACCOUNT_HEADERS.indexOf("Account Manager")])])
  );
  const top = plans.accounts
    .filter((p) => p.kind === "steady" || p.kind === "growing")
    .sort((a, b) => (revenue.get(b.id) ?? 0) - (revenue.get(a.id) ?? 0))
    .slice(0, 4);
  const rows: Row[] = [[...INITIATIVE_HEADERS]];
  top.forEach((p, k) => {
    const start = edate(o.endDate - serialToYmd(o.endDate).d + 1, -(3 + k)); // the 1st of a month 3–6 months ago
    const end = edate(start, 12) - 1;
    const r12 = revenue.get(p.id) ?? 0;
    const bought = [...p.habits].sort((a, b) => b.weight - a.weight);
    const missing = CATEGORIES.filter((c) => !p.habits.some((h) => h.category === c));
    const grow = bought[Math.min(1, bought.length - 1)].category;
    rows.push([
      p.id,
      `Grow ${grow} share`,
      "Range expansion",
      grow,
      null,
      Math.max(2000, Math.round((r12 * 0.04) / 500) * 500),
      toDate(start),
      toDate(end),
      manager.get(p.id) ?? null,
      "In progress",
    ]);
    if (missing.length > 0 && k % 2 === 0) {
      const cat = pick(r, missing);
      rows.push([
        p.id,
        `Introduce ${cat}`,
        "New category",
        cat,
        null,
        Math.max(1500, Math.round((r12 * 0.02) / 500) * 500),
        toDate(edate(start, 1)),
        toDate(edate(start, 7) - 1),
        manager.get(p.id) ?? null,
        "Planned",
      ]);
    }
    const premium = p.habits.flatMap((h) => h.products).find((x) => x.premiumSku);
    if (premium && k === 1)
      rows.push([
        p.id,
        `Upgrade to premium ${premium.line}`,
        "Upsell",
        null,
        premium.premiumSku ?? null,
        1000,
        toDate(start),
        toDate(edate(start, 6) - 1),
        manager.get(p.id) ?? null,
        "In progress",
      ]);
  });
  return rows;
}

export function generateSample(o: SampleOptions): SampleData {
  if (!(o.accounts >= 1) || !(o.months >= 1))
    throw new RangeError("A sample needs at least one account and one month.");
  const r = mulberry32(o.seed);
  const catalog = buildCatalog();
  const byCategory = new Map<Category, Product[]>();
  for (const p of catalog)
    if (!p.isPremium) byCategory.set(p.category, [...(byCategory.get(p.category) ?? []), p]);
  const premiumOf = new Map(catalog.filter((p) => p.isPremium).map((p) => [p.sku, p]));

  const plans = planAccounts(r, o, byCategory);
  const orderSeed = Math.floor(r() * 4294967296);

  const contacts: Row[] = [[...CONTACT_HEADERS]];
  plans.contacts.forEach((people, i) => {
    const plan = plans.accounts[i];
    const mood =
      plan.kind === "declining" || plan.kind === "churned" ? -1 : plan.kind === "growing" ? 1 : 0;
    for (const person of people) {
      const influence =
        person.role === "Economic Buyer"
          ? 4 + Math.floor(r() * 2)
          : person.role === "User"
            ? 1 + Math.floor(r() * 2)
            : 2 + Math.floor(r() * 3);
      contacts.push([
        plan.id,
        person.name,
        person.role,
        INFLUENCE_WORDS[influence - 1],
        clamp(Math.round(3 + normal(r) + mood * 0.7), 1, 5),
        clamp(Math.round(normal(r) * 0.8 + mood * 0.8), -2, 2),
      ]);
    }
  });

  const orders = makeOrders(orderSeed, o, plans, premiumOf);
  const extra = mulberry32((o.seed ^ 0x5eed_10c5) >>> 0);
  const log = engagementLog(extra, o, plans);
  const ledger = paymentsLedger(extra, o, plans, orders);
  const initiatives = initiativesTable(extra, o, plans, orders);
  const catalogRows: Row[] = [
    [...CATALOG_HEADERS],
    ...catalog.map((p) => [p.sku, p.name, p.category, p.line, p.price, p.premiumSku ?? null]),
  ];
  const ofKind = (k: AccountKind): string[] =>
    plans.accounts.filter((p) => p.kind === k).map((p) => p.id);
  const accountCol = (header: (typeof ACCOUNT_HEADERS)[number]): number =>
    ACCOUNT_HEADERS.indexOf(header);
  return {
    endDate: o.endDate,
    orders,
    accounts: plans.accountRows,
    catalog: catalogRows,
    contacts,
    engagement: log.rows,
    payments: ledger.rows,
    initiatives,
    story: {
      churned: plans.accounts
        .filter((p) => p.kind === "churned")
        .map((p) => ({ id: p.id, daysSilent: o.endDate - p.last })),
      newAccounts: ofKind("new"),
      growing: ofKind("growing"),
      declining: ofKind("declining"),
      lapsed: ofKind("lapsed"),
      creditHold: plans.accountRows
        .slice(1)
        .filter((row) => row[accountCol("Credit Hold")] === "Yes")
        .map((row) => String(row[0])),
      healthOverride: plans.accountRows
        .slice(1)
        .filter((row) => row[accountCol("Health Override")] !== null)
        .map((row) => String(row[0])),
      lost: plans.accountRows
        .slice(1)
        .filter((row) => row[accountCol("Status")] === "Lost")
        .map((row) => String(row[0])),
      engagement: log.profiles,
      payers: ledger.payers,
    },
  };
}

/** The title of the Accounts sheet, above its header (an export's caption, to exercise header detection). */
export function accountsTitle(endDate: Serial): string {
  return `Account list — exported ${serialToIso(endDate)}`;
}

export { writeSampleWorkbook } from "./workbook";
export { buildBenchGrid, type BenchGridOptions } from "./benchGrid";
