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
