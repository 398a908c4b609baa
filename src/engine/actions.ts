/**
 * The action registry: every sheet or workbook KAP makes, once. The task pane's buttons, the
 * engine's dispatch and the CLI's `sheets` / `demo` lists all derive from ACTION_REGISTRY.
 *
 * Adding a generated sheet = one layout file in src/sheets + one entry here.
 * Scopes:
 * - `portfolio`: one sheet over the whole portfolio, written into this workbook;
 * - `account`: one sheet for the chosen account, written into this workbook;
 * - `workbook`: a new workbook for the chosen account (the QBR);
 * - `edit`: edits the user's own table through the Excel host (no sheet of KAP's).
 */
import type { AccountDetail, PortfolioAnalysis, QbrData } from "../domain/analysis";
import { alertsSheet } from "../sheets/alertsSheet";
import { breakdownSheet } from "../sheets/breakdownSheet";
import { crossSellSheet } from "../sheets/crossSellSheet";
import { dashboardSheet } from "../sheets/dashboardSheet";
import { fivePSheet } from "../sheets/fivePSheet";
import { healthReportSheet } from "../sheets/healthReportSheet";
import { healthSheet } from "../sheets/healthSheet";
import type { LayoutOptions } from "../sheets/options";
import { planSheet } from "../sheets/planSheet";
import { qbrSheets } from "../sheets/qbrWorkbook";
import { relationshipSheet } from "../sheets/relationshipSheet";
import type { SheetSpec } from "../sheets/spec";
import { whitespaceSheet } from "../sheets/whitespaceSheet";

interface ActionBase {
  readonly id: string;
  /** Button text in the pane. */
  readonly label: string;
  /** One sentence under the button. */
  readonly description: string;
  /** What the order lines must carry: "products" = a product or SKU column (not an invoice-level export). */
  readonly needs?: "products";
}

export interface PortfolioAction extends ActionBase {
  readonly scope: "portfolio";
  readonly layout: (p: PortfolioAnalysis, o: LayoutOptions) => SheetSpec;
}

export interface AccountAction extends ActionBase {
  readonly scope: "account";
  readonly layout: (d: AccountDetail, o: LayoutOptions) => SheetSpec;
}

export interface WorkbookAction extends ActionBase {
  readonly scope: "workbook";
  readonly layout: (q: QbrData, o: LayoutOptions) => SheetSpec[];
}

export interface EditAction extends ActionBase {
  readonly scope: "edit";
  /** Works on the chosen account (proposing its initiatives). */
  readonly needsAccount?: boolean;
  /** Needs no analysis: makes an empty table of the user's (an engagement log, a payments ledger). */
  readonly withoutData?: boolean;
}

export type Action = PortfolioAction | AccountAction | WorkbookAction | EditAction;

export const ACTION_REGISTRY = [
  {
    id: "scoreAll",
    scope: "portfolio",
    layout: healthSheet,
    label: "Score all accounts",
    description:
      "An Account Health sheet for every account; scores are live formulas over the inputs and weights, the order inputs over your order lines where the data allows.",
  },
  {
    id: "dashboard",
    scope: "portfolio",
    layout: dashboardSheet,
    label: "Portfolio dashboard",
    description:
      "Headline figures, health bands and quadrants charted, focus accounts with their next step, alerts by severity.",
  },
  {
    id: "alerts",
    scope: "portfolio",
    layout: alertsSheet,
    label: "Alerts list",
    description:
      "Every open alert: Critical first, then the accounts in the worst health, then by revenue at stake (the dashboard shows the first ten).",
  },
  {
    id: "whitespace",
    scope: "portfolio",
    layout: whitespaceSheet,
    needs: "products",
    label: "Whitespace map",
    description: "Accounts × categories with the gaps comparable accounts fill.",
  },
  {
    id: "healthReport",
    scope: "account",
    layout: healthReportSheet,
    label: "Account health report",
    description:
      "Basic information, orders by period, the score factor by factor with its source, and the six warning signs.",
  },
  {
    id: "breakdown",
    scope: "account",
    layout: breakdownSheet,
    needs: "products",
    label: "Purchase breakdown",
    description: "Categories, top products, buying pattern, seasonality and dormant products.",
  },
  {
    id: "crossSell",
    scope: "account",
    layout: crossSellSheet,
    needs: "products",
    label: "Cross-sell",
    description:
      "Recommendations with reasons and what each may be worth a year, product-line gaps, upsell.",
  },
  {
    id: "plan",
    scope: "account",
    layout: planSheet,
    label: "Account plan",
    description: "12-month objectives, initiatives, stakeholders, actions and SWOT.",
  },
  {
    id: "relationships",
    scope: "account",
    layout: relationshipSheet,
    label: "Relationship map",
    description:
      "Contacts by influence and feeling, stakeholder coverage and how to reach missing roles, people to add, sites.",
  },
  {
    id: "fiveP",
    scope: "account",
    layout: fivePSheet,
    label: "5P sheet",
    description:
      "The decision-making unit scored on Power, Perception, Priority, Promoter, Pliability.",
  },
  {
    id: "qbr",
    scope: "workbook",
    layout: qbrSheets,
    label: "Build QBR workbook",
    description: "A new workbook for the chosen account and fiscal quarter, ready to present.",
  },
  {
    id: "addScores",
    scope: "edit",
    label: "Add score columns to my table",
    description:
      "Adds KAP Health score and KAP Band columns to your accounts table; nothing else in it changes.",
  },
  {
    id: "proposeInitiatives",
    scope: "edit",
    needsAccount: true,
    label: "Propose initiatives",
    description:
      "Adds the account plan's proposed initiatives to your Initiatives table (a new one if you have none), for KAP to track; your rows are never changed and rows you have are not added again.",
  },
  {
    id: "createEngagementLog",
    scope: "edit",
    withoutData: true,
    label: "Create an empty engagement log",
    description:
      "A new Engagement Log table on its own sheet (date, account, contact, type, direction, topic, follow-up, responded on) with drop-downs and date checks. It is yours: KAP reads it for the Engagement score and never overwrites it.",
  },
  {
    id: "createPaymentsLedger",
    scope: "edit",
    withoutData: true,
    label: "Create an empty payments ledger",
    description:
      "A new Payments table on its own sheet (invoice no, account no, invoice, due and paid dates, amount) with date checks. KAP reads it for the Payment score and never overwrites it.",
  },
] as const satisfies readonly Action[];

export type ActionId = (typeof ACTION_REGISTRY)[number]["id"];
export type ActionScope = Action["scope"];

/** What a face needs to show an action: plain data (crosses the worker boundary, no layout code). */
export interface ActionInfo {
  id: ActionId;
  label: string;
  description: string;
  scope: ActionScope;
  /** Needs the chosen account (account sheets, the QBR, proposing initiatives). */
  needsAccount: boolean;
  /** Runs without an analysis (makes an empty table of the user's). */
  withoutData: boolean;
  /** Needs a product or SKU column in the order lines. */
  needsProducts: boolean;
}

export const ACTIONS: readonly ActionInfo[] = ACTION_REGISTRY.map((a) => ({
  id: a.id,
  label: a.label,
  description: a.description,
  scope: a.scope,
  needsAccount:
    a.scope === "account" || a.scope === "workbook" || ("needsAccount" in a && a.needsAccount),
  withoutData: "withoutData" in a && a.withoutData,
  needsProducts: "needs" in a && a.needs === "products",
}));

/**
 * Why an action cannot run on these order lines, or null when it can: a product-level sheet on
 * an invoice-level export (no product or SKU column) says which column it needs.
 */
export function unavailableReason(id: ActionId, data: { hasProducts: boolean }): string | null {
  const a = actionOf(id);
  if ("needs" in a && a.needs === "products" && !data.hasProducts)
    return `${a.label} needs a product or SKU column: the order lines have none (an invoice-level export).`;
  return null;
}

export function actionOf(id: ActionId): Action {
  const a = ACTION_REGISTRY.find((x) => x.id === id);
  if (!a) throw new Error(`Unknown action "${id}".`);
  return a;
}

/** Ids of the actions of one scope, in registry order (the CLI's sheet lists). */
export function actionsOfScope(scope: ActionScope): ActionId[] {
  return ACTION_REGISTRY.filter((a) => a.scope === scope).map((a) => a.id);
}
