/**
 * Cancel while the pane's host runs an action (the Excel double): pressed while the QBR
 * workbook is being built, no workbook is opened and the user is told nothing was changed;
 * pressed while a sheet action lays out its sheet, nothing is written.
 */
import { ExcelDouble } from "../excel-double/excel";
import { createExcelHost } from "../../src/engine/excelHost";
import { defaultSettings } from "../../src/engine/settings";
import type { KapSettings, Progress } from "../../src/engine/contract";
import { ymdToSerial } from "../../src/domain/dates";
import { monthlyOrderRows } from "./fixtures/monthlyOrders";

function setup(): ExcelDouble {
  const x = new ExcelDouble(["Orders"]);
  x.model.fill(x.sheet("Orders"), "A1", [
    ["Order Date", "Customer ID", "SKU", "Qty", "Line Total"],
    [ymdToSerial(2026, 7, 5), "A1", "S1", 1, 100],
    [ymdToSerial(2026, 8, 5), "A1", "S1", 1, 100],
    [ymdToSerial(2026, 9, 5), "A1", "S2", 1, 100],
    [ymdToSerial(2026, 10, 31), "A1", "S1", 1, 100],
    [ymdToSerial(2026, 8, 10), "B1", "S1", 1, 50],
  ]);
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  return x;
}

const settings = (): KapSettings => ({ ...defaultSettings(), asOf: "2026-10-31" });

/** Presses Cancel when the host first reports `message`. */
function cancelAt(message: RegExp): { signal: AbortSignal; onProgress: (p: Progress) => void } {
  const c = new AbortController();
  return {
    signal: c.signal,
    onProgress: (p) => {
      if (message.test(p.message)) c.abort();
    },
  };
}

test("Cancel while the QBR workbook is built: no workbook is opened, 'Cancelled. Nothing was changed.'", async () => {
  const x = setup();
  const host = createExcelHost();
  await host.analyze(settings(), () => undefined, new AbortController().signal);
  const { signal, onProgress } = cancelAt(/^Building the QBR workbook/);
  await expect(
    host.run("qbr", { accountId: "A1", quarter: "2026Q3" }, settings(), onProgress, signal)
  ).rejects.toThrow("Cancelled. Nothing was changed.");
  expect(x.model.createdWorkbooks).toEqual([]);
});

test("Cancel while a sheet is laid out: no sheet is written", async () => {
  const x = setup();
  const host = createExcelHost();
  await host.analyze(settings(), () => undefined, new AbortController().signal);
  const { signal, onProgress } = cancelAt(/^Laying out the sheets/);
  await expect(host.run("scoreAll", {}, settings(), onProgress, signal)).rejects.toThrow(
    "Cancelled. Nothing was changed."
  );
  expect(x.sheetNames()).toEqual(["Orders"]);
});

/** Cancel pressed while Excel's Nth round trip (counted from now) was on its way. */
function cancelAfterSyncs(x: ExcelDouble, n: number): AbortSignal {
  const start = x.stats.syncs;
  return {
    get aborted() {
      return x.stats.syncs >= start + n;
    },
  } as unknown as AbortSignal;
}

test.each([
  ["createEngagementLog", "Engagement Log"],
  ["createPaymentsLedger", "Payments"],
] as const)(
  "Cancel while %s reads the sheet names: no sheet or table is made, 'Cancelled. Nothing was changed.'",
  async (action, sheet) => {
    const x = setup();
    const host = createExcelHost();
    await expect(
      host.run(action, {}, settings(), () => undefined, cancelAfterSyncs(x, 1))
    ).rejects.toThrow("Cancelled. Nothing was changed.");
    expect(x.sheetNames()).not.toContain(sheet);
    expect(x.model.tables).toEqual([]);
  }
);

test("Cancel pressed before an empty engagement log is begun: Excel is not asked at all", async () => {
  const x = setup();
  const host = createExcelHost();
  const c = new AbortController();
  c.abort();
  const before = x.stats.syncs;
  await expect(
    host.run("createEngagementLog", {}, settings(), () => undefined, c.signal)
  ).rejects.toThrow("Cancelled. Nothing was changed.");
  expect(x.stats.syncs).toBe(before);
});

/** 6 accounts over 2 years (fixtures/monthlyOrders): A2 has initiatives to propose. */
function setupMonthly(): ExcelDouble {
  const x = new ExcelDouble(["Orders"]);
  x.model.fill(x.sheet("Orders"), "A1", monthlyOrderRows(ymdToSerial(2024, 11, 5)));
  (globalThis as unknown as { Excel: unknown }).Excel = x.Excel;
  return x;
}

test("Cancel while Propose initiatives reads the user's Initiatives table: the table is as it was", async () => {
  const x = setupMonthly();
  x.model.addSheet("Plans");
  x.model.fill(x.sheet("Plans"), "A1", [
    ["Account", "Initiative"],
    ["A2", "My own idea"],
  ]);
  x.model.addTable(x.sheet("Plans"), { row: 0, col: 0, rows: 2, cols: 2 }, true).name = "Mine";
  const host = createExcelHost();
  await host.analyze(settings(), () => undefined, new AbortController().signal);
  await expect(
    host.run(
      "proposeInitiatives",
      { accountId: "A2" },
      settings(),
      () => undefined,
      cancelAfterSyncs(x, 1)
    )
  ).rejects.toThrow("Cancelled. Nothing was changed.");
  expect(x.model.tables.map((t) => [t.name, t.range.rows])).toEqual([["Mine", 2]]);
});

test("Cancel while Propose initiatives finds no Initiatives table: no Initiatives sheet is left", async () => {
  const x = setupMonthly();
  const host = createExcelHost();
  await host.analyze(settings(), () => undefined, new AbortController().signal);
  await expect(
    host.run(
      "proposeInitiatives",
      { accountId: "A2" },
      settings(),
      () => undefined,
      cancelAfterSyncs(x, 1)
    )
  ).rejects.toThrow("Cancelled. Nothing was changed.");
  expect(x.sheetNames()).toEqual(["Orders"]);
});

test("Cancel while the data is read again: nothing of the earlier analysis is given as current — no glance, no summary — and the next action analyses first", async () => {
  const x = setupMonthly();
  const host = createExcelHost();
  await host.analyze(settings(), () => undefined, new AbortController().signal);
  expect((await host.glance("A2"))?.id).toBe("A2");
  // the user reads the data again and cancels while the lines are read
  const { signal, onProgress } = cancelAt(/^Reading order lines/);
  await expect(host.analyze(settings(), onProgress, signal)).rejects.toThrow(/Cancelled/);
  expect(await host.glance("A2")).toBeUndefined();
  expect((await host.discover(settings(), { reuse: true })).summary).toBeUndefined();
  // an action now reads and analyses the data again before it lays out its sheet
  const messages: string[] = [];
  const res = await host.run(
    "scoreAll",
    {},
    settings(),
    (p) => messages.push(p.message),
    new AbortController().signal
  );
  expect(messages).toContain("Reading order lines…");
  expect(res.made).toHaveLength(1);
  expect(x.sheetNames()).toHaveLength(2);
});

test("hasAnalysis: true after an analysis, still true after one refused before reading (bad weights), false once one is cancelled while it reads", async () => {
  setupMonthly();
  const host = createExcelHost();
  expect(host.hasAnalysis()).toBe(false);
  await host.analyze(settings(), () => undefined, new AbortController().signal);
  expect(host.hasAnalysis()).toBe(true);
  // 25 + 20 + 20 + 15 + 10 + 5 = 95: refused before the data is read, the earlier analysis kept
  const bad = { ...settings(), weights: { ...settings().weights, payment: 5 } };
  await expect(host.analyze(bad, () => undefined, new AbortController().signal)).rejects.toThrow(
    /Weights must add to 100%/
  );
  expect(host.hasAnalysis()).toBe(true);
  const { signal, onProgress } = cancelAt(/^Reading order lines/);
  await expect(host.analyze(settings(), onProgress, signal)).rejects.toThrow(/Cancelled/);
  expect(host.hasAnalysis()).toBe(false);
});
