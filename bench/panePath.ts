/**
 * The task pane's path on the Excel double (test/excel-double): 1,000,000 order lines in a
 * sheet, read by the engine host in row blocks under Excel on the web's 5 MB response limit
 * and streamed through the ingest session into the engine (the local client here; a Web
 * Worker in the pane), then analysed. Reports the number of requests (context.sync() calls),
 * the bytes of each response, the blocks read, and the time (the double's own bookkeeping included).
 */
import { ExcelDouble } from "../test/excel-double/excel";
import { createExcelHost } from "../src/engine/excelHost";
import { LocalEngineClient } from "../src/engine/engineClient";
import { defaultSettings } from "../src/engine/settings";
import { benchChunks } from "../test/sample/benchGrid";
import { ORDER_HEADERS } from "../test/sample/generate";
import { benchOptions } from "./benchFiles";
import { report, round } from "./measure";

const ROWS = Number(process.env.KAP_BENCH_PANE_ROWS ?? 1_000_000);

async function main(): Promise<void> {
  const x = new ExcelDouble(["Orders"]);
  const sheet = x.sheet("Orders");
  x.model.fill(sheet, "A1", [[...ORDER_HEADERS]]);
  let row = 2;
  for (const chunk of benchChunks(benchOptions(ROWS), 50_000)) {
    x.model.fill(sheet, `A${row}`, chunk);
    row += chunk.length;
  }
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  const host = createExcelHost({ makeEngine: () => new LocalEngineClient() });
  x.stats.syncs = 0;
  x.stats.requestBytes.length = 0;
  x.stats.responseBytes.length = 0;
  let pushes = 0;
  const t0 = performance.now();
  const list = await host.analyze(
    { ...defaultSettings(), asOf: "2026-10-31" },
    (p) => void (p.phase === "reading" && pushes++),
    new AbortController().signal
  );
  const ms = performance.now() - t0;
  const resp = x.stats.responseBytes;
  const big = resp.filter((b) => b > 100_000);
  report({
    name: `Task pane path on the Excel double: ${ROWS.toLocaleString("en-GB")} order lines read in row blocks and analysed`,
    rows: ROWS,
    accounts: list.length,
    contextSyncs: x.stats.syncs,
    requests: resp.length,
    rowBlocks: big.length,
    responseBytesMax: Math.max(...resp),
    responseBytesMedianOfBlocks: big.length ? big.sort((a, b) => a - b)[big.length >> 1] : 0,
    responseLimitBytes: 5 * 1024 * 1024,
    requestBytesMax: Math.max(...x.stats.requestBytes),
    progressReports: pushes,
    ms: round(ms),
  });
}

void main();
