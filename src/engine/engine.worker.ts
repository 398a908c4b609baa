/// <reference lib="webworker" />
/** The analysis engine off the UI thread: requests in, plain-data replies out. */
import { type EngineCall, handle } from "./engineClient";
import { KapEngine } from "./engine";

const state = { engine: new KapEngine() };
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (ev: MessageEvent<EngineCall>) => {
  const call = ev.data;
  // progress of this call goes back under its id (messages from a busy worker still arrive)
  state.engine.onAnalysisProgress = (done, total) =>
    scope.postMessage({ id: call.id, progress: { done, total } });
  try {
    scope.postMessage({ id: call.id, ok: true, value: handle(state, call) });
  } catch (e) {
    scope.postMessage({
      id: call.id,
      ok: false,
      error: e instanceof Error ? e.message : String(e),
    });
  }
};
