/**
 * The decision map's point labels stay inside the plot. Warren Facilities (C0204): "Priya Brown,
 * Kieran Bennett" at Feeling 5 of an axis to 6 ran right from its point and was cut at the plot's
 * edge ("Priya Brown, Kieran"). A label that would run past the right edge now runs left.
 *
 * By hand: the plot is taken as 60 characters across for 6 units, 10 a unit. At Feeling 5 there is
 * 1 unit (10 characters) to the right: the 27-letter "Priya Brown, Kieran Bennett" needs about 22
 * at the labels' 10 points → left. "Dan Hughes, David Shaw" at 4 has 20 for about 18 → right;
 * "Priya Wilson" at 3 (30 for about 10) and "Amira Turner" at 4 (20 for about 10) → right.
 */
import { join, resolve } from "node:path";
import JSZip from "jszip";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { completeSettings } from "../../src/engine/settings";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { ExcelDouble } from "../excel-double/excel";
import { writeSheetsIn } from "../../src/excel/writeSheets";
import type { SheetSpec } from "../../src/sheets/spec";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";

jest.setTimeout(120_000);

let spec: SheetSpec;
beforeAll(async () => {
  const { grids, culture } = await readWorkbookFile(
    join(resolve(__dirname, "../.."), "assets/sample-workbook.xlsx")
  );
  const engine = new KapEngine();
  const settings = completeSettings({});
  await loadGrids(engine, grids, settings, { culture });
  const p = engine.analyze(settings);
  const top = p.accounts.find((a) => a.accountId === "C0204")!;
  [spec] = engine.sheets("relationships", { accountKey: top.key, live: false });
});

const NAMES = [
  "Priya Brown, Kieran Bennett",
  "Dan Hughes, David Shaw",
  "Priya Wilson",
  "Amira Turner",
];

test("the layout: only the label at Feeling 5 runs left", () => {
  const data = spec.blocks.find((b) => b.rows[0]?.[0] === "Contacts")!;
  expect(data.rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
    [NAMES[0], 5],
    [NAMES[1], 4],
    [NAMES[2], 3],
    [NAMES[3], 4],
  ]);
  expect(spec.charts![0].labelLeft).toEqual([true, false, false, false]);
});

test(".xlsx: the first series' labels to the left of its point, the others to the right", async () => {
  const z = await JSZip.loadAsync(await toXlsxBytes([spec]));
  const chart = Object.keys(z.files).find((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))!;
  const xml = await z.file(chart)!.async("string");
  const sides = [...xml.matchAll(/<c:ser>.*?<c:dLblPos val="(\w)"\/>.*?<\/c:ser>/g)].map(
    (m) => m[1]
  );
  expect(sides).toEqual(["l", "r", "r", "r"]);
});

test("Office.js: the same sides", async () => {
  const x = new ExcelDouble();
  await writeSheetsIn(x.newContext() as unknown as Excel.RequestContext, [spec]);
  const c = x.sheet(spec.name).charts[0];
  expect(c.series.map((s) => [s.name, s.labelPosition])).toEqual([
    [NAMES[0], "Left"],
    [NAMES[1], "Right"],
    [NAMES[2], "Right"],
    [NAMES[3], "Right"],
  ]);
});
