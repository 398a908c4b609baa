/**
 * Starts the engine in a Web Worker (webpack bundles engine.worker.ts as its own chunk).
 * Only the task pane imports this file: `import.meta.url` is a bundler feature.
 */
import { type EngineClient, LocalEngineClient, WorkerEngineClient } from "./engineClient";

export function makeWorkerEngine(): EngineClient {
  if (typeof Worker === "undefined") return new LocalEngineClient();
  try {
    // A named chunk (engine-worker.<hash>.js), so the browser test can make it fail to load.
    return new WorkerEngineClient(
      new Worker(
        /* webpackChunkName: "engine-worker" */ new URL("./engine.worker.ts", import.meta.url)
      )
    );
  } catch {
    // Hosts that refuse workers from the add-in's origin still work, on the UI thread.
    return new LocalEngineClient();
  }
}
