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
