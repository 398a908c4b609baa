/**
 * A deterministic (seeded) sample workbook of a UK trade and industrial distributor: accounts
 * across industries and tiers (with parent groups and multi-site customers), a catalog with
 * product lines and premium alternatives, contacts, and 2+ years of order lines with
 * seasonality, growing, declining, churning and new accounts, returns and several buyers.
 * Used for the bundled demo workbook and, at small sizes, as test fixtures.
 */
import { edate, serialToYmd } from '../../src/domain/dates';
import type { Serial } from '../../src/domain/types';

export type Row = (string | number | Date | null)[];

export interface SampleOptions {
  seed: number;
  accounts: number;
  months: number;
  endDate: Serial;
  /** Average orders per account per month for a mid-size account (default 2). */
  orderRate?: number;
}

export interface SampleData {
  orders: Row[];
  accounts: Row[];
  catalog: Row[];
  contacts: Row[];
  /** Ids of accounts made to stop ordering, with the days before the end date they stopped. */
  churned: { id: string; daysSilent: number }[];
  /** Ids of accounts whose first order is in the last 3 months. */
  newAccounts: string[];
}

export const ORDER_HEADERS = ['Invoice Date', 'Invoice No', 'Customer ID', 'Customer', 'SKU', 'Description', 'Category', 'Qty', 'Unit Price', 'Line Total', 'Ordered By', 'Site'];
export const ACCOUNT_HEADERS = ['Account No', 'Account Name', 'Parent Account', 'Tier', 'Industry', 'Primary Contact', 'Email', 'Phone', 'Account Manager', 'Credit Terms', 'Credit Limit', 'Engagement', 'Avg Days Beyond Terms', 'Credit Hold', 'Health Override', 'Override Reason', 'Customer Since'];
export const CATALOG_HEADERS = ['SKU', 'Product Name', 'Category', 'Product Line', 'List Price', 'Premium Alternative'];
export const CONTACT_HEADERS = ['Account No', 'Name', 'Role', 'Influence', 'Relationship', 'Feeling'];

/** mulberry32: small, fast, good enough for sample data; never Math.random. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Product {
  sku: string;
  name: string;
  category: string;
  line: string;
  price: number;
  premium?: string;
}

/** Category → product lines → variants, with base prices (£). */
const CATALOG_PLAN: { category: string; lines: { line: string; variants: string[]; price: number }[] }[] = [
  { category: 'Cable Ties', lines: [{ line: 'Nylon Cable Ties', variants: ['100mm Black', '200mm Black', '300mm Black', '300mm Natural'], price: 3.2 }, { line: 'Cable Tie Guns', variants: ['Standard Gun', 'Heavy Duty Gun'], price: 24 }, { line: 'Cable Clips', variants: ['Round 6mm', 'Flat 10mm'], price: 4.5 }] },
  { category: 'Fixings', lines: [{ line: 'Wood Screws', variants: ['4x30 Box 200', '4x40 Box 200', '5x50 Box 100'], price: 6.8 }, { line: 'Wall Plugs', variants: ['Brown 7mm', 'Red 6mm'], price: 3.9 }, { line: 'Anchor Bolts', variants: ['M8x65', 'M10x80'], price: 11.5 }] },
  { category: 'Hand Tools', lines: [{ line: 'Screwdriver Sets', variants: ['6 Piece', 'VDE 7 Piece'], price: 18 }, { line: 'Pliers', variants: ['Combination', 'Long Nose', 'Side Cutters'], price: 12.5 }, { line: 'Tool Bags', variants: ['Open Tote', 'Backpack'], price: 35 }] },
  { category: 'Electrical', lines: [{ line: 'Insulation Tape', variants: ['Black 19mm', 'Mixed 10 Pack'], price: 4.2 }, { line: 'Connectors', variants: ['Lever 3-Way', 'Lever 5-Way', 'Terminal Strip'], price: 9.5 }, { line: 'Cable Cutters', variants: ['Ratchet', 'Standard'], price: 28 }] },
  { category: 'Safety & PPE', lines: [{ line: 'Gloves', variants: ['Nitrile Grip M', 'Nitrile Grip L', 'Cut Resistant L'], price: 2.9 }, { line: 'Eye Protection', variants: ['Clear Specs', 'Goggles'], price: 3.5 }, { line: 'Hi-Vis', variants: ['Vest L', 'Vest XL', 'Jacket XL'], price: 6 }] },
  { category: 'Power Tools', lines: [{ line: 'Drill Bits', variants: ['HSS Set 19', 'SDS Set 5', 'Masonry Set 5'], price: 22 }, { line: 'Cordless Drills', variants: ['18V Combi', '18V Impact Driver'], price: 129 }] },
  { category: 'Consumables', lines: [{ line: 'Sealants', variants: ['Clear Silicone', 'White Silicone', 'Frame Sealant'], price: 5.1 }, { line: 'Adhesives', variants: ['Grab Adhesive', 'Super Glue'], price: 6.4 }, { line: 'Cleaning', variants: ['Hand Wipes 100', 'Degreaser 5L'], price: 9 }] },
  { category: 'Storage', lines: [{ line: 'Storage Boxes', variants: ['Organiser Small', 'Organiser Large'], price: 14 }, { line: 'Shelving', variants: ['Boltless 5 Tier'], price: 65 }] },
  { category: 'Lighting', lines: [{ line: 'LED Work Lights', variants: ['20W Site Light', '50W Site Light'], price: 38 }, { line: 'Torches', variants: ['Head Torch', 'Rechargeable Torch'], price: 16 }] },
  { category: 'Test Equipment', lines: [{ line: 'Voltage Testers', variants: ['2-Pole Tester', 'Proving Unit'], price: 45 }, { line: 'Multimeters', variants: ['Digital Multimeter', 'Clamp Meter'], price: 62 }] },
];

/** Industries and the categories they lean on (weights), so affinity and displacement mean something. */
const INDUSTRIES: { industry: string; share: number; prefs: Record<string, number> }[] = [
  { industry: 'Electrical Contractor', share: 0.28, prefs: { 'Cable Ties': 5, Electrical: 5, 'Test Equipment': 2, 'Hand Tools': 2, 'Safety & PPE': 1.5, Lighting: 1.5, Fixings: 1 } },
  { industry: 'Plumber', share: 0.18, prefs: { Fixings: 4, Consumables: 4, 'Hand Tools': 2, 'Safety & PPE': 1.5, 'Power Tools': 1 } },
  { industry: 'General Builder', share: 0.22, prefs: { Fixings: 5, 'Power Tools': 2.5, 'Hand Tools': 2, 'Safety & PPE': 2.5, Consumables: 2, Storage: 0.5 } },
  { industry: 'Facilities Management', share: 0.16, prefs: { Consumables: 4, 'Safety & PPE': 4, Lighting: 2.5, Electrical: 1.5, Storage: 1, Fixings: 1 } },
  { industry: 'Manufacturing', share: 0.12, prefs: { Consumables: 4, 'Safety & PPE': 3, Storage: 2.5, 'Hand Tools': 2, 'Cable Ties': 1.5 } },
  { industry: 'Landscaping', share: 0.04, prefs: { 'Hand Tools': 3, 'Safety & PPE': 2, Fixings: 2, 'Power Tools': 1 } },
];

/** Month-of-year multipliers (Jan..Dec): slower August and December. */
const MONTH_FACTOR = [0.95, 1, 1.05, 1.05, 1.05, 1, 0.95, 0.7, 1.05, 1.1, 1.1, 0.7];
/** Extra seasonality of some categories (autumn/winter peaks). */
const CATEGORY_SEASON: Record<string, number[]> = {
  Lighting: [1.5, 1.2, 0.9, 0.7, 0.6, 0.5, 0.5, 0.6, 1, 1.4, 1.7, 1.6],
  'Safety & PPE': [1.3, 1.2, 1, 0.9, 0.8, 0.8, 0.8, 0.8, 1, 1.2, 1.3, 1.2],
};

const FIRST = ['James', 'Sarah', 'Mike', 'Emma', 'David', 'Priya', 'Tom', 'Laura', 'Raj', 'Sophie', 'Gary', 'Hannah', 'Chris', 'Aisha', 'Paul', 'Kate', 'Dan', 'Zoe', 'Mark', 'Fiona'];
const LAST = ['Smith', 'Jones', 'Brown', 'Taylor', 'Wilson', 'Patel', 'Evans', 'Walker', 'Wright', 'Hughes', 'Green', 'Hall', 'Wood', 'Clarke', 'Khan', 'Turner'];
const TOWNS = ['Leeds', 'Bristol', 'Derby', 'Norwich', 'Hull', 'Stoke', 'Reading', 'Exeter', 'Bolton', 'Luton', 'Swindon', 'Preston', 'York', 'Bath', 'Wigan', 'Crewe'];
const STEMS = ['Apex', 'Bridge', 'Crown', 'Delta', 'Eagle', 'Forge', 'Granite', 'Harbour', 'Iron', 'Jubilee', 'Kestrel', 'Lion', 'Meridian', 'Northgate', 'Oak', 'Pioneer', 'Quay', 'Riverside', 'Summit', 'Thames', 'Union', 'Vale', 'Westfield', 'Yew'];
const SUFFIX: Record<string, string[]> = {
  'Electrical Contractor': ['Electrical Ltd', 'Electrics', 'Power Services'],
  Plumber: ['Plumbing & Heating', 'Plumbing Ltd', 'Heating Services'],
  'General Builder': ['Builders Ltd', 'Construction', 'Building Services'],
  'Facilities Management': ['Facilities', 'FM Services', 'Property Maintenance'],
  Manufacturing: ['Manufacturing', 'Engineering Ltd', 'Fabrications'],
  Landscaping: ['Landscapes', 'Groundworks'],
};
const MANAGERS = ['Alex Morgan', 'Jo Bennett', 'Sam Reid', 'Chris Dale', 'Pat Quinn'];
const ENGAGEMENT_LABELS = ['Proactively reaches out', 'Responds within 24 hours', 'Responds within 3 days', 'Responds eventually', 'Rarely responds'];
const ROLES = ['Economic Buyer', 'Purchaser', 'Technical Buyer', 'User', 'Accounts Payable', 'Site Manager'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function weighted(r: () => number, weights: number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = r() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}

function poisson(r: () => number, lambda: number): number {
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= r();
  } while (p > l && k < 60);
  return k - 1;
}

function toDate(serial: Serial): Date {
  const { y, m, d } = serialToYmd(serial);
  return new Date(Date.UTC(y, m - 1, d));
}

function buildCatalog(): Product[] {
  const out: Product[] = [];
  let n = 0;
  for (const c of CATALOG_PLAN) {
    const prefix = c.category.replace(/[^A-Z]/g, '').slice(0, 2).padEnd(2, 'X');
    for (const l of c.lines) {
      l.variants.forEach((v, i) => {
        n++;
        out.push({ sku: `${prefix}-${String(n).padStart(4, '0')}`, name: `${l.line.replace(/s$/, '')} ${v}`, category: c.category, line: l.line, price: Math.round(l.price * (1 + i * 0.15) * 100) / 100 });
      });
    }
  }
  // Premium alternatives: a "Pro" version of the first variant of some lines.
  const premiums: Product[] = [];
  for (const c of CATALOG_PLAN) {
    for (const l of c.lines.slice(0, 1)) {
      const base = out.find((p) => p.line === l.line)!;
      n++;
      const pro: Product = { sku: `${base.sku.slice(0, 2)}-P${String(n).padStart(3, '0')}`, name: `${base.name} Pro`, category: c.category, line: `${l.line} Pro`, price: Math.round(base.price * 1.35 * 100) / 100 };
      base.premium = pro.sku;
      premiums.push(pro);
    }
  }
  return [...out, ...premiums];
}

export function generateSample(o: SampleOptions): SampleData {
  const r = prng(o.seed);
  const catalog = buildCatalog();
  const byCategory = new Map<string, Product[]>();
  for (const p of catalog) if (!p.name.endsWith('Pro')) byCategory.set(p.category, [...(byCategory.get(p.category) ?? []), p]);
  const premiumOf = new Map(catalog.filter((p) => p.premium).map((p) => [p.sku, catalog.find((q) => q.sku === p.premium)!]));
  const start = edate(o.endDate, -o.months);
  const rate = o.orderRate ?? 2;

  const accounts: Row[] = [ACCOUNT_HEADERS];
  const contacts: Row[] = [CONTACT_HEADERS];
  const orders: Row[] = [ORDER_HEADERS];
  const churned: SampleData['churned'] = [];
  const newAccounts: string[] = [];
  let invoice = 100000;
  let credit = 5000;
  const usedNames = new Set<string>();
  let parentId: string | null = null;
  let parentName = '';
  let childrenLeft = 0;

  for (let i = 0; i < o.accounts; i++) {
    const id = `A${String(i + 1).padStart(4, '0')}`;
    const ind = INDUSTRIES[weighted(r, INDUSTRIES.map((x) => x.share))];
    let name = '';
    do name = `${pick(r, STEMS)} ${pick(r, SUFFIX[ind.industry])}`;
    while (usedNames.has(name) && usedNames.size < 2000 && (name = `${name} ${pick(r, TOWNS)}`) && usedNames.has(name));
    // Groups: every ~40th account is a head office with 2–3 sites following it.
    let parent = '';
    if (childrenLeft > 0 && parentId) {
      parent = parentId;
      name = `${parentName} – ${pick(r, TOWNS)}`;
      childrenLeft--;
    } else if (i % 40 === 5 && i + 3 < o.accounts) {
      parentId = id;
      parentName = name;
      childrenLeft = 2 + (r() < 0.5 ? 1 : 0);
    }
    usedNames.add(name);
    const size = Math.exp(r() * 2.2 - 0.4); // skewed sizes → Pareto-like revenue
    const tier = size > 4 ? 'Platinum' : size > 2.2 ? 'Gold' : size > 1.2 ? 'Silver' : 'Bronze';
    const contact = `${pick(r, FIRST)} ${pick(r, LAST)}`;
    const engagementRaw = 1 + weighted(r, [1, 2, 3, 3, 1]);
    const engagement: string | number = r() < 0.4 ? ENGAGEMENT_LABELS[5 - engagementRaw] : engagementRaw;
    const late = Math.round((r() < 0.6 ? r() * 4 - 2 : r() * 40) * 10) / 10;
    const hold = i % 97 === 13 ? 'Yes' : 'No';
    const override = i === 17 ? 'At Risk' : '';
    const reason = i === 17 ? 'Key contact leaving in December' : '';

    // Behaviour over time.
    const kind = i % 23 === 7 ? 'churn' : i % 29 === 11 ? 'new' : r() < 0.25 ? 'grow' : r() < 0.3 ? 'decline' : 'steady';
    const churnDays = [35, 50, 70, 200][Math.floor(i / 23) % 4];
    let first = start + Math.floor(r() * 90);
    let last = o.endDate;
    if (kind === 'churn') {
      last = o.endDate - churnDays;
      churned.push({ id, daysSilent: churnDays });
    }
    if (kind === 'new') {
      first = o.endDate - 20 - Math.floor(r() * 60);
      newAccounts.push(id);
    }
    const trend = kind === 'grow' ? 0.8 : kind === 'decline' ? -0.6 : (r() - 0.5) * 0.3;
    const prefs = Object.entries(ind.prefs);
    // Each account buys from a subset of its industry's categories, plus the odd extra.
    const myCats = prefs.filter(([, w]) => r() < Math.min(0.95, 0.25 + w / 6)).map(([c, w]) => [c, w] as [string, number]);
    if (myCats.length === 0) myCats.push(prefs[0]);
    if (r() < 0.3) myCats.push([pick(r, CATALOG_PLAN).category, 0.5]);
    const favourites = new Map<string, Product[]>();
    for (const [c] of myCats) {
      const list = byCategory.get(c)!;
      favourites.set(c, list.filter(() => r() < 0.55).concat(list[Math.floor(r() * list.length)]));
    }
    const buyers = Array.from({ length: 1 + Math.floor(r() * 3) }, () => `${pick(r, FIRST)} ${pick(r, LAST)}`);
    const sites = Array.from({ length: 1 + (r() < 0.3 ? 1 : 0) }, () => `${pick(r, TOWNS)} Depot`);
    const usesPremium = r() < 0.15;

    let firstOrder: Serial | null = null;
    for (let m = 0; m <= o.months; m++) {
      const monthStart = edate(start, m);
      const progress = m / Math.max(1, o.months);
      const { m: month } = serialToYmd(monthStart);
      const lambda = rate * size * MONTH_FACTOR[month - 1] * Math.max(0.1, 1 + trend * (progress - 0.5) * 2);
      const n = poisson(r, lambda);
      for (let k = 0; k < n; k++) {
        const date = monthStart + Math.floor(r() * 30);
        if (date < first || date > last || date > o.endDate) continue;
        firstOrder = firstOrder === null ? date : Math.min(firstOrder, date);
        const inv = `INV${++invoice}`;
        const nLines = 1 + Math.floor(r() * 4);
        const orderedBy = pick(r, buyers);
        const site = pick(r, sites);
        const seen = new Set<string>();
        for (let l = 0; l < nLines; l++) {
          const ci = weighted(r, myCats.map(([c, w]) => w * (CATEGORY_SEASON[c]?.[month - 1] ?? 1)));
          const cat = myCats[ci][0];
          let p = pick(r, favourites.get(cat)!);
          if (usesPremium && premiumOf.has(p.sku) && r() < 0.5) p = premiumOf.get(p.sku)!;
          if (seen.has(p.sku)) continue;
          seen.add(p.sku);
          const qty = Math.max(1, Math.round((2 + r() * 12) * (p.price > 50 ? 0.2 : 1) * Math.sqrt(size)));
          const price = Math.round(p.price * (0.82 + r() * 0.12) * 100) / 100; // trade discount off list
          orders.push([toDate(date), inv, id, name, p.sku, p.name, p.category, qty, price, Math.round(qty * price * 100) / 100, orderedBy, site]);
          // ~2% of lines come back as a credit note a few days later.
          if (r() < 0.02 && date + 5 <= o.endDate) {
            const back = Math.max(1, Math.round(qty / 2));
            orders.push([toDate(Math.min(o.endDate, date + 3 + Math.floor(r() * 10))), `C${++credit}`, id, name, p.sku, p.name, p.category, -back, price, -Math.round(back * price * 100) / 100, orderedBy, site]);
          }
        }
      }
    }
    const sinceYear = serialToYmd(firstOrder ?? first).y - (kind === 'new' ? 0 : Math.floor(r() * 8));
    accounts.push([id, name, parent || null, tier, ind.industry, contact, `${contact.split(' ')[0].toLowerCase()}@${name.split(' ')[0].toLowerCase()}.co.uk`, `01${Math.floor(100 + r() * 899)} ${Math.floor(100000 + r() * 899999)}`, pick(r, MANAGERS), pick(r, ['30 days EOM', '30 days', '60 days', 'Pro forma']), Math.round(size * 5) * 1000, engagement, late, hold, override || null, reason || null, sinceYear]);
    const people = 1 + Math.floor(r() * 4);
    const roles = [...ROLES].sort(() => r() - 0.5).slice(0, people);
    contacts.push([id, contact, roles[0] === 'Economic Buyer' ? 'Purchaser' : roles[0], 3 + Math.floor(r() * 3), 2 + Math.floor(r() * 4), Math.floor(r() * 5) - 2]);
    for (const role of roles.slice(1)) contacts.push([id, `${pick(r, FIRST)} ${pick(r, LAST)}`, role, 1 + Math.floor(r() * 5), 1 + Math.floor(r() * 5), Math.floor(r() * 5) - 2]);
  }
  // Orders sorted by date, then invoice, as an ERP export lists them.
  const body = orders.slice(1).sort((a, b) => (a[0] as Date).getTime() - (b[0] as Date).getTime() || String(a[1]).localeCompare(String(b[1])));
  const catalogRows: Row[] = [CATALOG_HEADERS, ...catalog.map((p) => [p.sku, p.name, p.category, p.line, p.price, p.premium ?? null])];
  return { orders: [ORDER_HEADERS, ...body], accounts, catalog: catalogRows, contacts, churned, newAccounts };
}

