/**
 * Export fixtures through the whole ingest and analysis, for the ingest tests: each account's
 * figures by id, and the order lines as the parser hands them over.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { detectRoles, planReading } from "../../src/engine/session";
import { defaultSettings } from "../../src/engine/settings";
import { createOrderParser } from "../../src/ingest/orders";
import type { OrderLine } from "../../src/domain/types";

/** A workbook or text file analysed as of `asOf` (default 2026-10-31): the ingest report, the portfolio, and per-account figures. */
export async function analyzeFile(path: string, asOf = "2026-10-31") {
  const { grids } = await readWorkbookFile(path);
  const engine = new KapEngine();
  const report = await loadGrids(engine, grids, defaultSettings());
  const p = engine.analyze({ ...defaultSettings(), asOf });
  const by = <T>(f: (a: (typeof p.accounts)[number]) => T): Record<string, T> =>
    Object.fromEntries(p.accounts.map((a) => [a.accountId, f(a)]));
  return {
    report,
    p,
    engine,
    revenue: by((a) => Math.round(a.revenueLast12 * 100) / 100),
    orders: by((a) => a.ordersLast12),
    days: by((a) => a.health.inputs.daysSinceLastOrder),
    names: by((a) => a.name),
    currency: by((a) => a.currency),
  };
}

/**
 * The order lines as the parser hands them to the analysis (sites, products, signs), through the
 * session's detection and reading plan, in the file's order: the parser hands a credit note's
 * lines over at the end in a file that can mark invoices voided (held to be matched against
 * them, ingest/voidedCredits), which no figure depends on.
 */
export async function linesOf(path: string): Promise<OrderLine[]> {
  const { grids } = await readWorkbookFile(path);
  const found = detectRoles(grids.map((g) => ({ peek: g, rows: g.values.length }))).orders!;
  const rows = found.table.peek.values.slice(found.detection.mapping.headerRow + 1);
  const read = planReading(found, rows);
  const parser = createOrderParser(found.detection.mapping, {
    dateOrder: read.dateOrder,
    numbers: read.numbers,
    discountIsFraction: read.discountIsFraction,
  });
  const out: OrderLine[] = [];
  parser.push(rows, found.detection.mapping.headerRow + 2, (l) => out.push({ ...l }));
  parser.finish();
  // a stable sort: lines of one row (none) and those with no row keep their order
  return out.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
}

/** `lines` written as a file called `name` in a folder of its own under the system's temp folder; its path. */
export function csvFile(
  lines: string[],
  name = "export.csv",
  encoding: BufferEncoding = "utf8"
): string {
  const file = join(mkdtempSync(join(tmpdir(), "kap-export-")), name);
  writeFileSync(file, lines.join("\n"), encoding);
  return file;
}
