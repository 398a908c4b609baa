/**
 * Builds the real KapHost (src/engine/excelHost.ts) with the engine in a Web Worker. Loaded with a
 * dynamic import so the pane paints before the engine code arrives; tests never load this file.
 */
import type { KapHost } from "../engine/contract";

export async function createHost(): Promise<KapHost> {
  const [{ createExcelHost }, { makeWorkerEngine }] = await Promise.all([
    import("../engine/excelHost"),
    import("../engine/workerEngine"),
  ]);
  return createExcelHost({ makeEngine: makeWorkerEngine });
}
