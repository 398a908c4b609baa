/**
 * The engine seen from the task pane: the same calls whether KapEngine runs in a Web Worker
 * (large workbooks stay responsive) or on this thread (tests, hosts without workers).
 * Every message is plain data.
 */
import type { ColumnMapping } from "../ingest/detect";
import type { IngestReport } from "../ingest/orders";
import type { DateOrder } from "../ingest/values";
import type { LiveOrderSource } from "../sheets/liveInputs";
import type { SheetSpec } from "../sheets/spec";
import type { ProposedInitiativeRow } from "../domain/analysis";
import type { AccountGlance, AccountListItem, ActionId, KapSettings } from "./contract";
import { KapEngine, type SideTables } from "./engine";
import type { OrderReadOptions } from "./session";
import { toGlance, toListItem } from "./glance";

export interface EngineRequests {
  /** `read` (date order, number conventions, notes) wins over the bare `dateOrder` when given. */
  reset: {
    side: SideTables;
    mapping: ColumnMapping;
    headers: string[];
    dateOrder: DateOrder;
    read?: OrderReadOptions;
    sourceMoneyFormat?: string;
    /** the workbook's culture when known: the paper and the way dates are written (KapEngine.culture) */
    culture?: string;
  };
  push: { rows: unknown[][]; firstRowNumber: number };
  finish: Record<string, never>;
  asOfWarning: { asOf: number };
  analyze: { settings: KapSettings; today?: number };
  glance: { key: string };
  sheets: {
    action: ActionId;
    accountKey?: string;
    quarter?: string;
    live: boolean;
    liveOrders?: LiveOrderSource;
  };
  proposedInitiatives: { accountKey?: string };
  qbrQuarter: { accountKey: string; quarter?: string };
}

export interface EngineReplies {
  reset: null;
  push: null;
  finish: IngestReport;
  asOfWarning: string | null;
  analyze: AccountListItem[];
  glance: AccountGlance | null;
  sheets: SheetSpec[];
  proposedInitiatives: ProposedInitiativeRow[];
  /** the quarter a QBR reviews ("FY2026 Q4") and, when the default passed over the last complete one, why */
  qbrQuarter: { label: string; note: string | null };
}

export type EngineCall = {
  [K in keyof EngineRequests]: { id: number; op: K; args: EngineRequests[K] };
}[keyof EngineRequests];

/** `done` of `total` accounts scored so far (the analyze call reports it). */
export type EngineProgress = (done: number, total: number) => void;

export interface EngineClient {
  call<K extends keyof EngineRequests>(
    op: K,
    args: EngineRequests[K],
    onProgress?: EngineProgress
  ): Promise<EngineReplies[K]>;
  dispose(): void;
}

/** Runs one request against an engine; shared by the worker and the local client. */
export function handle(state: { engine: KapEngine }, call: EngineCall): unknown {
  switch (call.op) {
    case "reset": {
      const e = new KapEngine();
      e.setSideTables(call.args.side);
      e.sourceMoneyFormat = call.args.sourceMoneyFormat;
      e.culture = call.args.culture;
      e.beginOrders(call.args.mapping, call.args.headers, call.args.read ?? call.args.dateOrder);
      state.engine = e;
      return null;
    }
    case "push":
      state.engine.pushOrders(call.args.rows, call.args.firstRowNumber);
      return null;
    case "finish":
      return state.engine.finishOrders();
    case "asOfWarning":
      return state.engine.asOfWarning(call.args.asOf) ?? null;
    case "analyze": {
      const p = state.engine.analyze(call.args.settings, call.args.today);
      return p.accounts.map(toListItem).sort((a, b) => b.revenue12m - a.revenue12m);
    }
    case "glance": {
      const a = state.engine.account(call.args.key);
      return a
        ? toGlance(
            a,
            // the analysis' own: beside lines naming a currency, none (never a default "£")
            state.engine.unnamedCurrency,
            state.engine.portfolio?.lifetimeModels.find((m) => m.currency === a.currency),
            state.engine.culture
          )
        : null;
    }
    case "proposedInitiatives":
      return state.engine.proposedInitiatives(call.args.accountKey);
    case "qbrQuarter":
      return {
        label: state.engine.qbr(call.args.accountKey, call.args.quarter).quarter.label,
        note: state.engine.qbrQuarterNote(call.args.accountKey, call.args.quarter),
      };
    case "sheets":
      return state.engine.sheets(call.args.action, {
        accountKey: call.args.accountKey,
        quarter: call.args.quarter,
        live: call.args.live,
        liveOrders: call.args.liveOrders,
      });
  }
}

export class LocalEngineClient implements EngineClient {
  private state = { engine: new KapEngine() };
  private id = 0;
  async call<K extends keyof EngineRequests>(
    op: K,
    args: EngineRequests[K],
    onProgress?: EngineProgress
  ): Promise<EngineReplies[K]> {
    // Yield to the event loop so progress can paint between chunks.
    await new Promise((r) => setTimeout(r, 0));
    this.state.engine.onAnalysisProgress = onProgress;
    try {
      return handle(this.state, { id: ++this.id, op, args } as EngineCall) as EngineReplies[K];
    } finally {
      this.state.engine.onAnalysisProgress = undefined;
    }
  }
  dispose(): void {}
}

/**
 * The analysis worker could not start (its script failed to load) or died: its state is gone.
 * The host then runs the action again on the task pane's own thread (excelHost.ts).
 */
export class EngineLostError extends Error {
  constructor(why?: string) {
    super(`The analysis worker stopped${why ? ` (${why})` : ""}.`);
    this.name = "EngineLostError";
  }
}

/** What the worker posts back: a call's progress (any number of times), then its result or error. */
export type WorkerReply =
  | { id: number; progress: { done: number; total: number } }
  | { id: number; ok: boolean; value?: unknown; error?: string };

export class WorkerEngineClient implements EngineClient {
  private id = 0;
  private pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void; progress?: EngineProgress }
  >();
  private lost: EngineLostError | undefined;
  constructor(private worker: Worker) {
    worker.onmessage = (ev: MessageEvent<WorkerReply>) => {
      const p = this.pending.get(ev.data.id);
      if (!p) return;
      if ("progress" in ev.data) {
        p.progress?.(ev.data.progress.done, ev.data.progress.total);
        return;
      }
      this.pending.delete(ev.data.id);
      if (ev.data.ok) p.resolve(ev.data.value);
      else p.reject(new Error(ev.data.error));
    };
    // An error event on the Worker object: the script did not load, or an error escaped the worker.
    worker.onerror = (ev) => {
      ev.preventDefault?.();
      this.fail(new EngineLostError(ev.message || undefined));
    };
    worker.onmessageerror = () => this.fail(new EngineLostError("a message could not be read"));
  }
  private fail(e: EngineLostError): void {
    this.lost ??= e;
    for (const p of this.pending.values()) p.reject(this.lost);
    this.pending.clear();
    this.worker.terminate();
  }
  call<K extends keyof EngineRequests>(
    op: K,
    args: EngineRequests[K],
    onProgress?: EngineProgress
  ): Promise<EngineReplies[K]> {
    if (this.lost) return Promise.reject(this.lost);
    const id = ++this.id;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (v: unknown) => void,
        reject,
        progress: onProgress,
      });
      this.worker.postMessage({ id, op, args });
    });
  }
  dispose(): void {
    this.worker.terminate();
  }
}
