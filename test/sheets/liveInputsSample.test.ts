/**
 * The live Account Health sheet on the sample workbook (issue 14): the sheet the pane writes
 * with live inputs is evaluated here as Excel would — the one KAP.METRICS call's arguments are
 * resolved from the workbook exactly as its formula references them (the OrderLines table's
 * columns, or the Orders sheet's whole columns; the health table's own Account ID and Rolled into
 * cells), the custom function's implementation is called with them, and every input cell's
 * INDEX reads the spill by position. Every account's live inputs must equal the values the sheet
 * writes without the add-in (which are `kap analyze`'s figures), on both hosts' blank conventions.
 */
import { join } from "node:path";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import { liveOrderSource } from "../../src/engine/liveSource";
import { metrics } from "../../src/functions/functions";
import { both } from "../functions/bothHosts";
import type { Grid } from "../../src/ingest/grid";
import { LIVE_INPUTS } from "../../src/sheets/healthSheet";
import type { LiveOrderSource } from "../../src/sheets/liveInputs";
import {
  type Block,
  type CellValue,
  colIndex,
  isFormula,
  parseCell,
  type SheetSpec,
} from "../../src/sheets/spec";
import { ymdToSerial } from "../../src/domain/dates";

let engine: KapEngine;
let orders: Grid;

/** Excel's serial for a JS Date the .xlsx reader gives (dates are whole days here). */
const serialOf = (v: unknown) =>
  v instanceof Date ? Math.floor(v.getTime() / 86_400_000) + 25_569 : v;

beforeAll(async () => {
  const { grids } = await readWorkbookFile(join(__dirname, "../../assets/sample-workbook.xlsx"));
  engine = new KapEngine();
  await loadGrids(engine, grids, defaultSettings());
  // no as-of set: the data's last order date, which the live formula leaves to KAP.METRICS too
  engine.analyze(defaultSettings());
  orders = grids.find((g) => g.tableName === "OrderLines")!;
}, 120_000);

/** The source the pane would find for the sample's orders (src/engine/liveSource), as a table or as a plain range. */
function sourceFor(asTable: boolean): LiveOrderSource {
  const head = orders.values[0].map((v) => String(v ?? ""));
  const mapping = engine.portfolio && {
    role: "orders" as const,
    sheet: "Orders",
    headerRow: 0,
    fields: (
      [
        ["accountId", "Customer ID"],
        ["accountName", "Customer"],
        ["date", "Invoice Date"],
        ["orderId", "Invoice No"],
        ["revenue", "Line Total"],
        ["unitPrice", "Unit Price"],
        ["category", "Category"],
        ["quantity", "Qty"],
        ["sku", "SKU"],
        ["productName", "Description"],
        ["site", "Site"],
      ] as const
    ).map(([field, header]) => ({ field, header, column: head.indexOf(header), confidence: 1 })),
  };
  const r = liveOrderSource({
    sheet: "Orders",
    ...(asTable ? { table: "OrderLines" } : {}),
    rowIndex: 0,
    columnIndex: 0,
    mapping: mapping!,
    headers: head,
    sample: orders.values.slice(1, 31).map((row) => row.map(serialOf) as (string | number)[]),
    hasCatalog: true,
  });
  if (!("source" in r)) throw new Error(r.why);
  return r.source;
}

function healthSpec(liveOrders?: LiveOrderSource): SheetSpec {
  return engine
    .sheets("scoreAll", { live: liveOrders !== undefined, ...(liveOrders ? { liveOrders } : {}) })
    .find((s) => s.kind === "health")!;
}

/** The value of a sheet cell in a spec (blocks written later win, as in the writers). */
function cellOf(spec: SheetSpec, a1: string): CellValue {
  const p = parseCell(a1);
  let v: CellValue = null;
  for (const b of spec.blocks) {
    const at = parseCell(b.at);
    const row = b.rows[p.row - at.row];
    if (row && p.col >= at.col && p.col - at.col < row.length) v = row[p.col - at.col];
  }
  return v;
}

const tableOf = (spec: SheetSpec): Block => spec.blocks.find((b) => b.table)!;

/** Splits a function's arguments at top-level commas (not inside brackets, quotes or parentheses). */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted: string | null = null;
  let cur = "";
  for (const ch of s) {
    if (quoted) {
      cur += ch;
      if (ch === quoted) quoted = null;
      continue;
    }
    if (ch === '"' || ch === "'") quoted = ch;
    else if ("([".includes(ch)) depth++;
    else if (")]".includes(ch)) depth--;
    else if (ch === "," && depth === 0) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * One argument of the formula as Excel passes it to the function: a same-sheet A1 range of the
 * health sheet, a table column (unescaped by the structured-reference rules), a whole column of the
 * Orders sheet, "" or DATE(), or null when left out.
 */
function argValue(spec: SheetSpec, arg: string): unknown[][] | null {
  if (arg === "") return null;
  if (arg === '""') return [[""]];
  let m = /^DATE\((\d+),(\d+),(\d+)\)$/.exec(arg);
  if (m) return [[ymdToSerial(Number(m[1]), Number(m[2]), Number(m[3]))]];
  m = /^\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(arg);
  if (m) {
    const out: unknown[][] = [];
    for (let r = Number(m[2]); r <= Number(m[4]); r++) out.push([cellOf(spec, `${m[1]}${r}`)]);
    return out;
  }
  const head = orders.values[0].map((v) => String(v ?? ""));
  m = /^OrderLines\[\[(.*)\]\]$/.exec(arg);
  if (m) {
    const name = m[1].replace(/'(.)/g, "$1");
    const k = head.indexOf(name);
    if (k < 0) throw new Error(`no column ${name}`);
    return orders.values.slice(1).map((r) => [serialOf(r[k]) ?? null]);
  }
  m = /^'Orders'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$1048576$/.exec(arg);
  if (m) {
    const k = colIndex(m[1]);
    // the rows below the data are blank to the end of the sheet: 500 stand for them here
    const rows = orders.values.slice(Number(m[2]) - 1).map((r) => [serialOf(r[k]) ?? null]);
    return [...rows, ...Array.from({ length: 500 }, () => [null])];
  }
  throw new Error(`unexpected argument ${arg}`);
}

/** Evaluates the live sheet: the spill of the one KAP.METRICS call, then each input cell's INDEX into it. */
function evaluate(spec: SheetSpec) {
  const calls = spec.blocks.flatMap((b) =>
    b.rows.flatMap((r, i) =>
      r.flatMap((v, j) =>
        isFormula(v) && v.formula.includes("KAP.METRICS")
          ? [{ at: parseCell(b.at), i, j, f: v.formula }]
          : []
      )
    )
  );
  expect(calls).toHaveLength(1);
  const call = calls[0];
  const anchor = { row: call.at.row + call.i, col: call.at.col + call.j };
  const body = /^=KAP\.METRICS\((.*)\)$/.exec(call.f)![1];
  const args = splitArgs(body).map((a) => argValue(spec, a));
  // as Excel on the web passes the cells (blank = null) and as desktop does (blank = 0): the same spill
  const spill = both(metrics as (...a: unknown[]) => unknown[][], ...args);
  const t = tableOf(spec);
  const at = parseCell(t.at);
  const headers = t.rows[0] as string[];
  return {
    anchor,
    spill,
    headers,
    cell: (rowInTable: number, header: string): unknown => {
      const v = t.rows[rowInTable + 1][headers.indexOf(header)];
      if (!isFormula(v)) return v;
      const m = /^=INDEX\(\$([A-Z]+)\$(\d+)#,ROW\(\)-ROW\(\$\1\$\2\)\+1,(\d)\)$/.exec(v.formula);
      if (!m) throw new Error(`not an INDEX into the spill: ${v.formula}`);
      expect({ row: Number(m[2]) - 1, col: colIndex(m[1]) }).toEqual(anchor);
      const sheetRow = at.row + 1 + rowInTable; // 0-based row of this table row
      return spill[sheetRow - anchor.row][Number(m[3]) - 1];
    },
  };
}

describe("the live Account Health sheet gives every account the same inputs as the values sheet (sample workbook)", () => {
  for (const asTable of [true, false]) {
    it(`${asTable ? "table columns (OrderLines[[…]])" : "whole columns of the Orders sheet"}`, () => {
      const still = healthSpec();
      const live = healthSpec(sourceFor(asTable));
      const values = tableOf(still);
      const heads = values.rows[0] as string[];
      const ev = evaluate(live);
      expect(ev.headers).toEqual(heads);
      const n = values.rows.length - 1;
      expect(n).toBeGreaterThan(100);
      const p = engine.portfolio!;
      expect(p.accounts.filter((a) => !a.isTopLevel).length).toBeGreaterThan(0);
      let compared = 0;
      for (let r = 0; r < n; r++)
        for (const h of LIVE_INPUTS) {
          const want = values.rows[r + 1][heads.indexOf(h)];
          expect([values.rows[r + 1][0], h, ev.cell(r, h)]).toEqual([
            values.rows[r + 1][0],
            h,
            want,
          ]);
          compared++;
        }
      expect(compared).toBe(n * LIVE_INPUTS.length);
      // every other cell of the table is the same as in the values sheet (but the lifetime
      // columns, which are KAP.PALIVE/KAP.CLV formulas whenever KAP is loaded: the figures in the
      // printed view, after Win-back stage, and the model's inputs from "Repeat orders (x)" on)
      const lifetimeFrom = heads.indexOf("Repeat orders (x)");
      expect(lifetimeFrom).toBeGreaterThan(0);
      const lifetimeFigure = (h: string) =>
        h === "P(alive)" || h === "Expected revenue 12m" || h.startsWith("CLV (");
      for (let r = 0; r <= n; r++)
        heads.forEach((h, j) => {
          if (
            (r > 0 && (j >= lifetimeFrom || lifetimeFigure(h))) ||
            ((LIVE_INPUTS as readonly string[]).includes(h) && r > 0)
          )
            return;
          // the same formula; the values sheet also stores its result (live inputs are recalculated)
          expect(withoutResult(live.blocks.find((b) => b.table)!.rows[r][j])).toEqual(
            withoutResult(values.rows[r][j])
          );
        });
    });
  }

  it("a parent's live inputs include its sites' orders: its Revenue 12m is the engine's, more than its own lines'", () => {
    const live = healthSpec(sourceFor(true));
    const ev = evaluate(live);
    const t = tableOf(live);
    const ids = t.rows.slice(1).map((r) => r[0] as string);
    const parent = engine.portfolio!.accounts.find((a) => a.isTopLevel && a.childIds.length)!;
    const r = ids.indexOf(parent.accountId);
    const col = (name: string) => argValue(live, `OrderLines[[${name}]]`) as unknown[][];
    // the same call for the parent alone, without rolledInto: its own lines only
    const own = (metrics as (...a: unknown[]) => unknown[][])(
      [[parent.accountId]],
      col("Customer ID"),
      col("Invoice Date"),
      col("Invoice No"),
      col("Line Total"),
      col("Category"),
      null,
      col("Qty"),
      null,
      col("SKU")
    )[0];
    expect(ev.cell(r, "Revenue 12m")).toBe(parent.revenueLast12);
    // column AR: A–Q the printed columns, R "Lifetime fit" (the sample's fit finds almost no
    // dropping out, so it is not reliable and every row says so), then the rest and one blank column
    expect(cellOf(live, "A4")).toBe(
      `Live: Days since last order, Orders change (3m), Revenue change (12m), Categories (12m), Revenue 12m, Revenue prior 12m read the one KAP.METRICS call in column AR over the table OrderLines, as of its last sale's date (a parent's row includes its sites', by "Rolled into"): append order lines and they, the factor scores, score and band recalculate; a return dated after the last sale is not counted until a sale follows it (KAP.METRICS cannot warn of it: set the as-of date to count it). Engagement, payment, Orders 12m, trend, ABC, quadrant, alerts and lifetime columns are values as of 31/10/2026: run KAP again to refresh them.`
    );
    expect(cellOf(healthSpec(), "A4")).toBeNull();
    expect(parent.revenueLast12).toBeGreaterThan(own[4] as number);
  });
});

/** A formula cell without its cached result (see Formula.result); any other value as it is. */
function withoutResult(v: CellValue): CellValue {
  return v !== null && typeof v === "object" && "formula" in v ? { formula: v.formula } : v;
}
