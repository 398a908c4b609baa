/**
 * One-click QBR from Excel's row limit: 1,048,575 order lines streamed in, the portfolio
 * analysed, the QBR laid out and written as the .xlsx that Excel.createWorkbook opens.
 * Compute only: Excel's own reading and opening time is not on this machine.
 */
import { KapEngine } from "../src/engine/engine";
import { defaultSettings } from "../src/engine/settings";
import { ymdToSerial } from "../src/domain/dates";
import { detectTable } from "../src/ingest/detect";
import { toXlsxBase64 } from "../src/xlsx/writeXlsx";
import { benchChunks } from "../test/sample/benchGrid";
import { ORDER_HEADERS } from "../test/sample/generate";
import { report, round } from "./measure";

async function main(): Promise<void> {
  const ROWS = 1_048_575;
  const detection = detectTable({ name: "Orders", values: [[...ORDER_HEADERS]] })!;
  const engine = new KapEngine();
  engine.beginOrders(detection.mapping, detection.headers, "dmy");
  let ms = 0;
  // chunks are made as they are read, as Excel hands them to the add-in
  let first = 2;
  for (const rows of benchChunks(
    { rows: ROWS, accounts: 5_000, skus: 2_000, seed: 7, endDate: ymdToSerial(2026, 10, 31) },
    20_000
  )) {
    const t = performance.now();
    engine.pushOrders(rows, first);
    ms += performance.now() - t;
    first += rows.length;
  }
  let t = performance.now();
  engine.finishOrders();
  const p = engine.analyze({ ...defaultSettings(), asOf: "2026-10-31" });
  const analyzeMs = ms + performance.now() - t;
  const top = p.accounts
    .filter((a) => a.isTopLevel)
    .sort((a, b) => b.revenueLast12 - a.revenueLast12)[0];
  t = performance.now();
  const specs = engine.sheets("qbr", { accountKey: top.key, quarter: "2026Q3", live: false });
  const layoutMs = performance.now() - t;
  t = performance.now();
  const base64 = await toXlsxBase64(specs);
  const xlsxMs = performance.now() - t;
  report({
    name: "QBR workbook for one account from 1,048,575 order lines",
    rows: ROWS,
    readAndAnalyzeMs: round(analyzeMs),
    qbrDataAndLayoutMs: round(layoutMs),
    xlsxWithChartsMs: round(xlsxMs),
    totalComputeMs: round(analyzeMs + layoutMs + xlsxMs),
    targetMs: 3000,
    sheets: specs.length,
    workbookKb: Math.round((base64.length * 3) / 4 / 1024),
  });
}

void main();
