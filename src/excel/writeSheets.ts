/**
 * Writes SheetSpec[] into the open workbook in a constant number of round trips:
 *   sync 1  list sheets and tables, and the workbook's date system (dates are written in it);
 *   sync 2  read KAP marks (worksheet custom properties) and table locations;
 *   sync 3  add the new sheets under temporary names, write data, formats, tables, charts,
 *           then swap them in (rename old KAP sheets aside, give new ones their names,
 *           delete the old ones, name tables, activate the first) — one batch.
 * Only when the data itself, or the commands that grow with its rows (range styles, merges,
 * row heights: queueSheetDressing's pace), are larger than the request budget (~4 MB; Excel on
 * the web refuses 5 MB) are extra syncs added for them; 10 rows and 5,000 rows both take 3.
 *
 * Safety: only sheets carrying KAP's mark for the same kind + subject are replaced; a
 * user's sheet with the wanted name is left alone and the new sheet gets " (2)". If any
 * step fails, the sheets this call created are deleted and renamed-aside sheets get their
 * names back, so the sheet list is as before. The last commands of the swap are the
 * deletions of the replaced KAP sheets and the table names; a failure after a deletion
 * rolls forward instead (the new sheets are complete), so no KAP sheet is ever lost.
 *
 * Cancel (`signal`) is honoured before each round trip up to the last: before the writing one
 * nothing has been written; between the extra syncs of very large data the sheets begun are
 * rolled back as after a failure. The last sync (the swap) cannot be taken back once sent.
 */
import { tableNameFrom, uniqueSheetName, type SheetSpec } from "../sheets/spec";
import { withExcelNames } from "../sheets/excelNames";
import {
  cellTextNote,
  FULL_TEXT_IN_DATA,
  withCellLimits,
  type CutCell,
} from "../sheets/cellLimits";
import { queueMark, queueMarkReads, sheetsToReplace, type MarkedSheet } from "./marker";
import { FEATURES, supports, type Feature } from "./requirements";
import { isPayloadTooLarge } from "./bytes";
import { queueDateSystem } from "./dateSystem";
import { queueBlockData, queueSheetDressing, renderBlock, sliceBlock } from "./renderSheet";

export interface WriteOptions {
  /** Activate the first sheet written (default true). */
  activate?: boolean;
  /** UTF-8 bytes of cell data per request before an extra sync is spent (default 4,000,000; Excel on the web allows 5 MB). */
  maxRequestBytes?: number;
  /** Random token source (tests pin it). */
  token?: () => string;
  /** The user's Cancel (an AbortSignal): read before each round trip but the last. */
  signal?: { readonly aborted: boolean };
}

/** The write stopped because the user cancelled it (before anything was written, or rolled back). */
export class WriteCancelledError extends Error {
  constructor() {
    super("Cancelled.");
    this.name = "WriteCancelledError";
  }
}

export interface WrittenSheet {
  name: string;
  kind: string;
  subject: string;
  /** Name of the KAP sheet this one replaced. */
  replaced?: string;
  tables: string[];
}

export interface WriteResult {
  /** What this Excel could not do (print setup, gridlines), in plain words; empty when all was done. */
  notes: string[];
  sheets: WrittenSheet[];
  activated?: string;
  syncs: number;
}

export class SheetWriteError extends Error {
  /** Round trips the failed attempt spent before it failed (its rollback not counted). */
  syncs = 0;
  constructor(
    message: string,
    override readonly cause: unknown,
    readonly rolledBack: boolean
  ) {
    super(message);
    this.name = "SheetWriteError";
  }
}

const DEFAULT_BUDGET = 4_000_000;

function randomToken(): string {
  return Math.random().toString(36).slice(2, 8);
}

/** Excel.run wrapper: the entry point the app uses. */
export async function writeSheets(
  specs: SheetSpec[],
  options: WriteOptions = {}
): Promise<WriteResult> {
  return Excel.run((context) => writeSheetsIn(context, specs, options));
}

/** The smallest request budget a write halves down to before it gives up. */
const MIN_BUDGET = 64 * 1024;

/**
 * Writes the sheets; when Excel refuses a request as too large (RequestPayloadSizeLimitExceeded:
 * the estimate was off, e.g. many long rows in one slice), the write has been rolled back, so it
 * is tried again with half the request budget, down to 64 KB, instead of failing the action.
 */
export async function writeSheetsIn(
  context: Excel.RequestContext,
  specs: SheetSpec[],
  options: WriteOptions = {}
): Promise<WriteResult> {
  let budget = options.maxRequestBytes ?? DEFAULT_BUDGET;
  let spent = 0;
  for (;;) {
    try {
      const res = await writeOnce(context, specs, options, budget);
      return { ...res, syncs: res.syncs + spent };
    } catch (e) {
      if (
        !(e instanceof SheetWriteError) ||
        !e.rolledBack ||
        !isPayloadTooLarge(e.cause) ||
        budget / 2 < MIN_BUDGET
      )
        throw e;
      spent += e.syncs;
      budget = Math.floor(budget / 2);
    }
  }
}

async function writeOnce(
  context: Excel.RequestContext,
  given: SheetSpec[],
  options: WriteOptions,
  budget: number
): Promise<WriteResult> {
  // Table header cells hold the column names Excel would keep (one line, ≤ 255 characters, unique
  // ignoring case): the same names the .xlsx writer gives, so Excel renames nothing.
  // Text over Excel's 32,767 characters a cell is cut, ending "…", and the notes say so.
  const cut: CutCell[] = [];
  const specs = given.map((g) => {
    const fitted = withCellLimits(g);
    cut.push(...fitted.cut);
    return withExcelNames(fitted.spec);
  });
  const seen = new Set<string>();
  for (const s of specs) {
    const key = `${s.kind}\u0000${s.subject ?? ""}`;
    if (seen.has(key))
      throw new Error(`Two sheets of kind '${s.kind}' for the same subject in one write`);
    seen.add(key);
  }
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  const token = (options.token ?? randomToken)();
  const newPrefix = `~KAP ${token} `;
  const oldPrefix = `~KAP old ${token} `;

  // ---- sync 1: what is there, and the date system dates are written in
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/id,items/name,items/position,items/visibility");
  const allTables = wb.tables.load("items/name");
  const dateSystemOf = queueDateSystem(context);
  await sync();
  const dateSystem = dateSystemOf();
  const stopIfCancelled = () => {
    if (options.signal?.aborted) throw new WriteCancelledError();
  };
  stopIfCancelled();

  // ---- sync 2: KAP marks and where tables live
  const marks = queueMarkReads(sheets.items);
  const tableSheets = allTables.items.map((t) => t.worksheet.load("name"));
  await sync();

  // nothing is written yet: a cancel now leaves the workbook untouched
  stopIfCancelled();
  const marked: MarkedSheet[] = marks();
  const byName = new Map(sheets.items.map((ws) => [ws.name, ws]));

  // ---- plan names
  const replacedBy: string[][] = specs.map((s) => sheetsToReplace(marked, s.kind, s.subject ?? ""));
  const replacing = new Set(replacedBy.flat());
  const taken = sheets.items.map((ws) => ws.name).filter((n) => !replacing.has(n));
  const finalNames: string[] = [];
  for (const s of specs) {
    const n = uniqueSheetName(s.name, [...taken, ...finalNames]);
    finalNames.push(n);
  }
  const keptTableNames = allTables.items
    .filter((_t, i) => !replacing.has(tableSheets[i].name))
    .map((t) => t.name.toLowerCase());
  const usedTables = new Set(keptTableNames);
  const finalTables: string[][] = specs.map((s) =>
    s.blocks
      .filter((b) => b.table)
      .map((b) => {
        const base = tableNameFrom(b.table!.name);
        let n = base;
        for (let k = 2; usedTables.has(n.toLowerCase()); k++) n = `${base}_${k}`;
        usedTables.add(n.toLowerCase());
        return n;
      })
  );

  const created: Excel.Worksheet[] = [];
  try {
    // ---- sync 3 (+ more only for very large data): write under temporary names
    context.application.suspendApiCalculationUntilNextSync();
    let pending = 0;
    const tablesMade: Excel.Table[][] = [];
    for (let i = 0; i < specs.length; i++) {
      const spec = specs[i];
      const ws = wb.worksheets.add(`${newPrefix}${i + 1}`);
      created.push(ws);
      queueMark(ws, {
        kind: spec.kind,
        subject: spec.subject ?? "",
        run: token,
        name: finalNames[i],
      });
      for (const block of spec.blocks) {
        for (const slice of sliceBlock(block, budget / 2)) {
          const r = renderBlock(slice, dateSystem);
          if (pending > 0 && pending + r.bytes > budget) {
            // the sheets begun are rolled back below, as after a failure
            stopIfCancelled();
            await sync();
            context.application.suspendApiCalculationUntilNextSync();
            pending = 0;
          }
          queueBlockData(ws, r);
          pending += r.bytes;
        }
      }
      // Formats after data; tables over the written values; temporary table names until the swap.
      // Commands that grow with the rows count toward the budget too (a round trip when spent).
      const pace = async (bytes: number) => {
        pending += bytes;
        if (pending < budget) return;
        stopIfCancelled();
        await sync();
        context.application.suspendApiCalculationUntilNextSync();
        pending = 0;
      };
      tablesMade.push(
        await queueSheetDressing(
          ws,
          spec,
          finalTables[i].map((_n, k) => `KAP_${token}_${i + 1}_${k + 1}`),
          pace
        )
      );
    }

    // ---- the swap, in the same batch
    // Old KAP sheets step aside first so the new ones can take their names.
    const aside: Excel.Worksheet[] = [];
    for (const name of replacing) {
      const old = byName.get(name)!;
      old.name = `${oldPrefix}${aside.length + 1}`;
      aside.push(old);
    }
    // Sheet order as Excel will have it: existing ones, then the new ones appended.
    const order = [...marked.map((m) => m.name), ...specs.map((_s, i) => `${newPrefix}${i + 1}`)];
    specs.forEach((_s, i) => {
      const first = replacedBy[i][0];
      if (first === undefined) return;
      const target = order.indexOf(first);
      const me = `${newPrefix}${i + 1}`;
      order.splice(order.indexOf(me), 1);
      order.splice(target, 0, me);
      created[i].position = target;
    });
    created.forEach((ws, i) => (ws.name = finalNames[i]));
    const activate = options.activate !== false && created.length > 0;
    if (activate) created[0].activate();
    // Deleting the replaced sheets frees their table names; only then can ours take them.
    // Deletions and table names go last: everything before them can be undone.
    for (const old of aside) old.delete();
    tablesMade.forEach((ts, i) => ts.forEach((t, k) => (t.name = finalTables[i][k])));
    await sync();

    return {
      sheets: specs.map((s, i) => ({
        name: finalNames[i],
        kind: s.kind,
        subject: s.subject ?? "",
        replaced: replacedBy[i][0],
        tables: finalTables[i],
      })),
      activated: activate ? finalNames[0] : undefined,
      notes: [...skippedFeatures(specs), ...noteOf(cellTextNote(cut, FULL_TEXT_IN_DATA))],
      syncs,
    };
  } catch (err) {
    let rolledBack = false;
    try {
      await rollBack(
        context,
        token,
        newPrefix,
        new Map([...replacing].map((n) => [byName.get(n)!.id, n]))
      );
      rolledBack = true;
    } catch {
      rolledBack = false;
    }
    const why = err instanceof Error ? err.message : String(err);
    const failure = new SheetWriteError(
      rolledBack
        ? `Writing the sheets failed and the workbook was put back as it was: ${why}`
        : `Writing the sheets failed and KAP could not fully undo it: ${why}`,
      err,
      rolledBack
    );
    failure.syncs = syncs;
    throw failure;
  }
}

function noteOf(note: string | null): string[] {
  return note === null ? [] : [note];
}

/** The extras this host lacks for these sheets, said once each. */
function skippedFeatures(specs: SheetSpec[]): string[] {
  const wanted: Feature[] = [];
  if (specs.some((s) => s.page)) wanted.push("pageLayout");
  if (specs.some((s) => s.showGridlines === false)) wanted.push("gridlines");
  return wanted
    .filter((f) => !supports(f))
    .map(
      (f) =>
        `This version of Excel cannot do ${FEATURES[f].what}, so the sheets were written without it.`
    );
}

/**
 * Undo a failed write: delete every sheet this run made (by mark, or by temporary name when
 * the mark itself was not written), then give renamed-aside sheets (found by id) their names back.
 */
async function rollBack(
  context: Excel.RequestContext,
  token: string,
  newPrefix: string,
  replaced: Map<string, string>
): Promise<void> {
  const sheets = context.workbook.worksheets.load("items/id,items/name");
  await context.sync();
  const marks = queueMarkReads(sheets.items);
  await context.sync();
  const marked = marks();
  const present = new Set(sheets.items.map((ws) => ws.id));
  const ours = (ws: Excel.Worksheet, i: number) =>
    ws.name.startsWith(newPrefix) || marked[i].marker?.run === token;
  if ([...replaced.keys()].some((id) => !present.has(id))) {
    // A replaced sheet is already gone, so going back would lose it: go forward instead
    // (the new sheets are complete and named) and finish removing the replaced ones.
    sheets.items.forEach((ws) => {
      if (replaced.has(ws.id)) ws.delete();
    });
    await context.sync();
    throw new Error("rolled forward: the new sheets were kept");
  }
  // Free the names first (delete ours), then give renamed-aside sheets their names back.
  sheets.items.forEach((ws, i) => {
    if (ours(ws, i)) ws.delete();
  });
  sheets.items.forEach((ws) => {
    const original = replaced.get(ws.id);
    if (original !== undefined && ws.name !== original) ws.name = original;
  });
  await context.sync();
}
