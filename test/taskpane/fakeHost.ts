/**
 * A KapHost without Excel: a workbook with order lines and an accounts table, three accounts,
 * and every call recorded (jest.fn) so tests can check what the pane asked for.
 */
import type {
  AccountGlance,
  AccountListItem,
  ActionId,
  ActionResult,
  Discovery,
  FieldChoice,
  FoundTable,
  KapHost,
  KapSettings,
  Progress,
} from "../../src/engine/contract";
import { defaultSettings } from "../../src/engine/settings";
import { ACTIONS } from "../../src/engine/actions";

export const ORDER_HEADERS = [
  "Customer ID",
  "Invoice Date",
  "SKU",
  "Description",
  "Qty",
  "Net",
  "Site",
];

/** The fields KAP guessed, before any user correction. */
const GUESSED: FieldChoice[] = [
  { field: "accountId", label: "Account id", required: true, header: "Customer ID", confidence: 1 },
  { field: "date", label: "Order date", required: true, header: "Invoice Date", confidence: 1 },
  { field: "sku", label: "Product id / SKU", required: true, header: "SKU", confidence: 1 },
  {
    field: "productName",
    label: "Product name",
    required: false,
    header: "Description",
    confidence: 0.8,
  },
  { field: "quantity", label: "Quantity", required: true, header: "Qty", confidence: 1 },
  { field: "revenue", label: "Line revenue", required: true, header: "Net", confidence: 0.9 },
  { field: "site", label: "Site / delivery address", required: false, confidence: 0 },
];

export const ACCOUNTS: AccountListItem[] = [
  { id: "C002", name: "Brightwire Electrical", band: "At Risk", score: 2.4, revenue12m: 18_000 },
  { id: "C001", name: "Acme Fixings", band: "Stable", score: 3.45, revenue12m: 52_000 },
  { id: "C003", name: "Coastal Plumbing", band: "Healthy", score: 4.2, revenue12m: 9_500 },
];

export const GLANCE_C001: AccountGlance = {
  id: "C001",
  name: "Acme Fixings",
  score: 3.45,
  band: "Stable",
  factors: [
    {
      factor: "recency",
      label: "Recency",
      score: 4,
      input: "9 days since last order",
      source: "order lines",
    },
    {
      factor: "frequency",
      label: "Frequency",
      score: null,
      input: "3 orders in the last 3 months vs 0 in the 3 before: too little history (n/a)",
      source: "order lines",
    },
    {
      factor: "revenue",
      label: "Revenue",
      score: 3,
      input: "12-month revenue +4% vs prior 12 months",
      source: "order lines",
    },
    {
      factor: "diversity",
      label: "Diversity",
      score: 4,
      input: "5 categories, 23 products in 12 months",
      source: "order lines",
    },
    {
      factor: "engagement",
      label: "Engagement",
      score: null,
      input: "not given",
      source: "no data",
    },
    { factor: "payment", label: "Payment", score: null, input: "not given", source: "no data" },
  ],
  used: ["Recency", "Revenue", "Diversity"],
  quadrant: "Growth Potential",
  abc: "A",
  winBack: "None",
  alerts: [
    {
      severity: "Warning",
      message: "Last order £310 is under 75% of the 12-month average order (£520).",
    },
  ],
  revenue12m: 52_000,
  currency: "GBP",
  daysSinceLastOrder: 9,
  // as of 2026-06-30: the 12 month-ends before it, then the as-of date; no score in the first two
  history: [
    ["2025-06-30", null],
    ["2025-07-31", null],
    ["2025-08-31", 2.5],
    ["2025-09-30", 2.8],
    ["2025-10-31", 3],
    ["2025-11-30", 3.1],
    ["2025-12-31", 3.2],
    ["2026-01-31", 3],
    ["2026-02-28", 3.3],
    ["2026-03-31", 3.4],
    ["2026-04-30", 3.5],
    ["2026-05-31", 3.4],
    ["2026-06-30", 3.45],
  ].map(([date, score]) => ({ date: date as string, score: score as number | null })),
};

export type Deferred<T> = {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
};
export function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export interface FakeHost extends KapHost {
  discover: jest.Mock<Promise<Discovery>, [KapSettings]>;
  loadSettings: jest.Mock<Promise<KapSettings>, []>;
  saveSettings: jest.Mock<Promise<void>, [KapSettings]>;
  analyze: jest.Mock<Promise<AccountListItem[]>, [KapSettings, (p: Progress) => void, AbortSignal]>;
  hasAnalysis: jest.Mock<boolean, []>;
  glance: jest.Mock<Promise<AccountGlance | undefined>, [string]>;
  run: jest.Mock<
    Promise<ActionResult>,
    [
      ActionId,
      { accountId?: string; quarter?: string },
      KapSettings,
      (p: Progress) => void,
      AbortSignal,
    ]
  >;
}

/** A workbook whose order lines KAP does not recognise until the user names their sheet. */
const NO_ORDERS: Discovery["problems"] = [
  'No order lines were found. KAP needs a table with an account, an order date and a line value. If they are here under other headers, choose the sheet that holds them under "Order lines are on", then its columns.',
];

function discoveryFor(
  settings: KapSettings,
  summary?: Discovery["summary"],
  noOrders = false
): Discovery {
  const fix = settings.mapping.orders ?? {};
  const fields = GUESSED.map((f) =>
    f.field in fix ? { ...f, header: fix[f.field], confidence: 1 } : f
  );
  const orders: FoundTable = {
    role: "orders",
    sheet: "Orders",
    table: "tblOrders",
    address: "Orders!A1:G1201",
    rows: 1200,
    confidence: 0.92,
    headers: ORDER_HEADERS,
    fields,
  };
  const accounts: FoundTable = {
    role: "accounts",
    sheet: "Accounts",
    address: "Accounts!A3:D6",
    rows: 3,
    confidence: 0.75,
    headers: ["Account No", "Company", "Tier"],
    fields: [
      {
        field: "accountId",
        label: "Account id",
        required: true,
        header: "Account No",
        confidence: 1,
      },
      { field: "name", label: "Account name", required: false, header: "Company", confidence: 1 },
      { field: "tier", label: "Tier", required: false, header: "Tier", confidence: 1 },
    ],
  };
  const missing = fields.filter((f) => f.required && !f.header).map((f) => `"${f.label}"`);
  const problems = missing.length
    ? [
        `The order lines on "Orders" have no column for ${missing.join(", ")}. Choose it under Columns.`,
      ]
    : [];
  const dataSheets = ["Orders", "Accounts"];
  if (noOrders && settings.ordersSheet !== "Orders")
    return { tables: [accounts], dataSheets, problems: NO_ORDERS };
  return { tables: [orders, accounts], dataSheets, problems, summary };
}

export function makeFakeHost(
  opts: {
    settings?: Partial<KapSettings>;
    hasProducts?: boolean;
    dateCulture?: string;
    /** the workbook's culture (Excel's cultureInfo), as the discovery reports it */
    culture?: string;
    noOrders?: boolean;
    /** the order lines' first and last dates once read (default 2024-07-01 to 2026-06-28) */
    dates?: { firstDate: string; lastDate: string };
  } = {}
): FakeHost {
  let analyzed = false;
  const summary: Discovery["summary"] = {
    rows: 1187,
    firstDate: "2024-07-01",
    lastDate: "2026-06-28",
    ...opts.dates,
    accounts: 3,
    rejected: 13,
    ...(opts.hasProducts === undefined ? {} : { hasProducts: opts.hasProducts }),
    ...(opts.dateCulture || opts.culture ? { dateCulture: opts.dateCulture ?? opts.culture } : {}),
    warnings: [],
  };
  return {
    actions: ACTIONS,
    loadSettings: jest.fn(async () => ({
      ...defaultSettings(),
      asOf: "2026-06-30",
      ...opts.settings,
    })),
    saveSettings: jest.fn(async (_s: KapSettings) => undefined),
    discover: jest.fn(async (s: KapSettings) => ({
      ...discoveryFor(s, analyzed ? summary : undefined, opts.noOrders),
      ...(opts.culture ? { culture: opts.culture } : {}),
    })),
    // as the real host: an analysis that has begun lets the earlier one go until it completes
    hasAnalysis: jest.fn(() => analyzed),
    analyze: jest.fn(
      async (_s: KapSettings, onProgress: (p: Progress) => void, _signal: AbortSignal) => {
        onProgress({ phase: "reading", done: 600, total: 1200, message: "Reading order lines…" });
        analyzed = true;
        return ACCOUNTS;
      }
    ),
    glance: jest.fn(async (id: string) =>
      id === "C001"
        ? GLANCE_C001
        : { ...GLANCE_C001, id, name: ACCOUNTS.find((a) => a.id === id)?.name ?? id }
    ),
    run: jest.fn(
      async (
        action: ActionId,
        _o: { accountId?: string; quarter?: string },
        _s: KapSettings,
        _p: (p: Progress) => void,
        _signal: AbortSignal
      ): Promise<ActionResult> => ({
        made: [`KAP ${action}`],
        activated: `KAP ${action}`,
        message: `Made sheet 'KAP ${action}' and opened it.`,
      })
    ),
  };
}
