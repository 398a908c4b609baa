/**
 * What the task pane asks of the engine. The pane (src/taskpane) is written against this
 * interface only; src/engine implements it over Excel (src/excel) and the domain, and tests
 * give the pane a fake. Everything here is plain data, so it crosses a Web Worker boundary.
 */
import type { Factor } from "../domain/rules";
import type { HealthBand } from "../domain/types";
import type { ActionId, ActionInfo } from "./actions";
import type { KapSettings } from "./settings";

export type { KapSettings };

export type DataRole = "orders" | "accounts" | "catalog" | "contacts" | "initiatives";

/** One column's meaning as KAP guessed it or the user set it. */
export interface FieldChoice {
  field: string;
  /** Label shown to the user, e.g. "Order date". */
  label: string;
  required: boolean;
  /**
   * Why a field that is usually required is optional with the columns mapped now, in words:
   * line revenue "worked out from quantity × unit price". Absent otherwise.
   */
  optionalBecause?: string;
  /** Header text of the chosen column; undefined = not mapped. */
  header?: string;
  confidence: number;
}

export interface FoundTable {
  role: DataRole;
  sheet: string;
  table?: string;
  /** e.g. "Orders!A1:L84213" */
  address: string;
  rows: number;
  confidence: number;
  headers: string[];
  fields: FieldChoice[];
}

export interface Discovery {
  tables: FoundTable[];
  /**
   * The workbook's culture (Excel's cultureInfo.name, "de-DE"): the pane writes its own numbers
   * in it. Absent where the host lacks ExcelApi 1.11.
   */
  culture?: string;
  /** The sheets with data, not KAP's own, in workbook order: where the user can say the order lines are. */
  dataSheets?: string[];
  /** Roles that are required and were not found, with a plain-words message each. */
  problems: string[];
  /** Order-line facts once read: row count, date range, accounts. */
  summary?: {
    rows: number;
    firstDate: string;
    lastDate: string;
    /** yyyy-mm-dd the analysis is as of when none is set: the last sale's date (engine/settings defaultAsOf) */
    defaultAsOf?: string;
    accounts: number;
    rejected: number;
    /** yyyy-mm-dd the analysis counts back from: the one set, else the last order date */
    asOf?: string;
    asOfSet?: boolean;
    /** what KAP assumed to read the order lines (dates, numbers, currency, skipped rows), one line each */
    assumed?: string[];
    /** false for an invoice-level export (no product or SKU column): product sheets cannot be made */
    hasProducts?: boolean;
    /** the culture KAP's sheets write dates in ("en-US"; absent: en-GB): the pane shows its dates the same way */
    dateCulture?: string;
    warnings: string[];
  };
}

export interface AccountListItem {
  id: string;
  name: string;
  band: HealthBand | null;
  score: number | null;
  revenue12m: number;
}

export interface AccountGlance {
  id: string;
  name: string;
  score: number | null;
  band: HealthBand | null;
  /** Band came from a manual override in the Accounts table. */
  override?: string;
  /** `source`: where the factor's input came from ("order lines", "engagement log", "payments ledger (wins over …)", "accounts table", "no data"). */
  factors: { factor: Factor; label: string; score: number | null; input: string; source: string }[];
  used: string[];
  quadrant: string;
  abc: "A" | "B" | "C";
  winBack: string;
  alerts: { severity: "Critical" | "Warning" | "Opportunity"; message: string }[];
  revenue12m: number;
  currency: string;
  daysSinceLastOrder: number | null;
  /**
   * Health score at each of the 12 month-ends before the as-of date and at the as-of date
   * (historyDates; docs/RULES.md §2.1 "History"), oldest first: `date` yyyy-mm-dd, `score` 1–5 or null (n/a then, or before the first order).
   * `beforeFirstOrder`: the month-end is before the account's first order (not yet a customer; no score).
   */
  history: { date: string; score: number | null; beforeFirstOrder?: boolean }[];
  /** BG/NBD + Gamma-Gamma: P(alive) (null = one order only) and expected revenue in the next 12 months; absent without a fit */
  lifetime?: {
    pAlive: number | null;
    expectedRevenue12m: number | null;
    reliable: boolean;
    /** why the model is not reliable on this data (fitLifetimeModel's warning); null when it is */
    warning?: string | null;
  };
}

export type { ActionId, ActionInfo };

export interface Progress {
  phase: "reading" | "analyzing" | "writing";
  /** Rows read / accounts analysed / sheets written so far. */
  done: number;
  total?: number;
  message: string;
}

export interface ActionResult {
  /** Names of the sheets (or workbook) made. */
  made: string[];
  /** Sheet activated at the end, if any. */
  activated?: string;
  message: string;
  /**
   * A file the pane offers to download instead of what could not be opened (the QBR workbook
   * over Excel on the web's 5 MB request limit): an .xlsx, base64.
   */
  download?: { fileName: string; base64: string };
}

export interface KapHost {
  /** The actions this host can run (from the engine's registry), in the order the pane shows them. */
  readonly actions: readonly ActionInfo[];
  /**
   * Finds the data. `reuse`: the discovery just made (with the order-line summary once analysed)
   * when the column mapping is unchanged, without listing the workbook again.
   */
  discover(settings: KapSettings, options?: { reuse?: boolean }): Promise<Discovery>;
  loadSettings(): Promise<KapSettings>;
  saveSettings(settings: KapSettings): Promise<void>;
  /** Reads and analyses the order lines; resolves with the account list for the picker. */
  analyze(
    settings: KapSettings,
    onProgress: (p: Progress) => void,
    signal: AbortSignal
  ): Promise<AccountListItem[]>;
  /**
   * Whether a completed analysis is held. An analysis that fails or is cancelled once it has
   * begun reading has let the earlier one go (one is held, not two), and this is false; one
   * refused before reading (settings, no order table) leaves the earlier one, and this is true.
   */
  hasAnalysis(): boolean;
  glance(accountId: string): Promise<AccountGlance | undefined>;
  run(
    action: ActionId,
    options: { accountId?: string; quarter?: string },
    settings: KapSettings,
    onProgress: (p: Progress) => void,
    signal: AbortSignal
  ): Promise<ActionResult>;
}
