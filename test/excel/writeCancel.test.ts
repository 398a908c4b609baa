/**
 * Cancel during a write (writeSheets' `signal`): the write stops at its next round trip and the
 * workbook is as it was — no KAP sheet, no temporary "~KAP …" sheet, a replaced KAP sheet still
 * there under its name. Once the last round trip (the swap) is sent it cannot be taken back: the
 * write completes. The signal is read as Excel sees the clock: after the Nth sync.
 */
import { ExcelDouble } from "../excel-double/excel";
import { healthSheet } from "../excel-double/fixtures";
import { writeSheetsIn, WriteCancelledError, SheetWriteError } from "../../src/excel/writeSheets";
import { addScoreColumns } from "../../src/excel/addScoreColumns";
import {
  appendInitiativeRows,
  createUserTable,
  ENGAGEMENT_LOG_TEMPLATE,
  PAYMENTS_LEDGER_TEMPLATE,
} from "../../src/excel/userTables";

const asCtx = (x: ExcelDouble) => x.newContext() as unknown as Excel.RequestContext;
/** Cancel pressed while the Nth round trip was on its way: aborted once N syncs have been made. */
const cancelAfter = (x: ExcelDouble, n: number) => ({
  get aborted() {
    return x.stats.syncs >= n;
  },
});

describe("cancelling a write", () => {
  test("after the first round trip (the sheet list): nothing is written, said as a cancel", async () => {
    const x = new ExcelDouble(["Orders"]);
    const err = await writeSheetsIn(asCtx(x), [healthSheet(10)], {
      signal: cancelAfter(x, 1),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WriteCancelledError);
    expect(x.sheetNames()).toEqual(["Orders"]);
    // the sheet list, then no other round trip
    expect(x.stats.syncs).toBe(1);
  });

  test("in the middle of a write split over several round trips: the sheets begun are removed, the old KAP sheet keeps its name and cells", async () => {
    const x = new ExcelDouble(["Orders"]);
    await writeSheetsIn(asCtx(x), [healthSheet(10)]);
    const oldName = x.sheetNames()[1];
    const oldA4 = x.cellAt(oldName, "A4")?.value;
    const start = x.stats.syncs;
    // 5,000 rows in 200 kB requests: the data goes in several syncs; cancel after the 4th of this write
    const err = await writeSheetsIn(asCtx(x), [healthSheet(5000)], {
      maxRequestBytes: 200_000,
      signal: cancelAfter(x, start + 4),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SheetWriteError);
    expect((err as SheetWriteError).cause).toBeInstanceOf(WriteCancelledError);
    expect((err as SheetWriteError).rolledBack).toBe(true);
    expect(x.sheetNames()).toEqual(["Orders", oldName]);
    expect(x.cellAt(oldName, "A4")?.value).toBe(oldA4);
  });

  test("after the swap was sent: too late, the sheet is complete", async () => {
    const x = new ExcelDouble(["Orders"]);
    const r = await writeSheetsIn(asCtx(x), [healthSheet(10)], { signal: cancelAfter(x, 3) });
    expect(r.sheets).toHaveLength(1);
    expect(x.sheetNames()).toEqual(["Orders", r.sheets[0].name]);
  });
});

describe("cancelling Add score columns", () => {
  test("after the table is read: its columns are not added, the table is as it was", async () => {
    const x = new ExcelDouble(["Accounts"]);
    x.model.fill(x.sheet("Accounts"), "A1", [
      ["Account No", "Name"],
      ["A1", "Acme"],
      ["A2", "Brightwire"],
    ]);
    const err = await addScoreColumns(
      asCtx(x),
      { sheet: "Accounts", idHeader: "Account No" },
      new Map([["A1", { score: 3.5, band: "Stable" }]]),
      cancelAfter(x, 1)
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WriteCancelledError);
    // C1 would hold "KAP Health score"
    expect(x.cellAt("Accounts", "C1")?.value ?? "").toBe("");
    // the read (its size, then its cells, in blocks under the web's 5 MB), then no write
    expect(x.stats.syncs).toBe(2);
  });
});

describe("cancelling the user's own tables", () => {
  test("an empty engagement log: cancelled once the names are read, no sheet and no table is made", async () => {
    const x = new ExcelDouble(["Orders"]);
    const err = await createUserTable(asCtx(x), ENGAGEMENT_LOG_TEMPLATE, cancelAfter(x, 1)).catch(
      (e: unknown) => e
    );
    expect(err).toBeInstanceOf(WriteCancelledError);
    expect(x.sheetNames()).toEqual(["Orders"]);
    expect(x.model.tables).toEqual([]);
    expect(x.stats.syncs).toBe(1);
  });

  test("an empty payments ledger: once its one writing round trip is sent, too late — the ledger is complete", async () => {
    const x = new ExcelDouble(["Orders"]);
    const r = await createUserTable(asCtx(x), PAYMENTS_LEDGER_TEMPLATE, cancelAfter(x, 2));
    expect(r).toMatchObject({ sheet: "Payments", table: "PaymentsLedger" });
    expect(x.sheetNames()).toEqual(["Orders", "Payments"]);
  });

  test("proposed initiatives with no Initiatives table: cancelled after the first round trip, no Initiatives sheet or table is left", async () => {
    const x = new ExcelDouble(["Orders"]);
    const err = await appendInitiativeRows(
      asCtx(x),
      undefined,
      [{ Account: "A1", Initiative: "Introduce Lighting" }],
      cancelAfter(x, 1)
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WriteCancelledError);
    expect(x.sheetNames()).toEqual(["Orders"]);
    expect(x.model.tables).toEqual([]);
  });

  test("proposed initiatives with no Initiatives table, not cancelled: the table and its rows come in one writing round trip", async () => {
    const x = new ExcelDouble(["Orders"]);
    const r = await appendInitiativeRows(asCtx(x), undefined, [
      { Account: "A1", Initiative: "Introduce Lighting" },
      { Account: "A1", Initiative: "Win back Fixings" },
    ]);
    expect(r).toMatchObject({ sheet: "Initiatives", added: 2, created: true });
    // the names (and date system), then the table with its rows: nothing half-made in between
    expect(x.stats.syncs).toBe(2);
    expect(x.cellAt("Initiatives", "B3")?.value).toBe("Win back Fixings");
  });

  test("proposed initiatives into the user's table: cancelled once it is read, the table is as it was", async () => {
    const x = new ExcelDouble(["Plans"]);
    x.model.fill(x.sheet("Plans"), "A1", [
      ["Account", "Initiative"],
      ["A1", "My own idea"],
    ]);
    x.model.addTable(x.sheet("Plans"), { row: 0, col: 0, rows: 2, cols: 2 }, true).name = "Mine";
    const target = {
      sheet: "Plans",
      table: "Mine",
      headers: { Account: "Account", Initiative: "Initiative" },
    };
    // every round trip of the read is a read: cancel after the first, and after the last
    for (const n of [1, 2]) {
      const before = x.stats.syncs;
      const err = await appendInitiativeRows(
        asCtx(x),
        target,
        [{ Account: "A1", Initiative: "Introduce Lighting" }],
        cancelAfter(x, before + n)
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WriteCancelledError);
      expect(x.model.tables[0].range.rows).toBe(2);
      expect(x.cellAt("Plans", "B3")?.value ?? "").toBe("");
    }
  });
});
