/**
 * `kap analyze`'s table lines its columns up in a terminal whatever the names' script: a Chinese
 * name of 8 characters takes 16 columns, an emoji 2, so padding by characters had pushed that
 * row's score, band and revenue 8 columns right of everyone else's.
 */
import { printSummary } from "../../src/cli/report";
import { fitColumns, terminalColumns } from "../../src/cli/terminalWidth";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { defaultSettings } from "../../src/engine/settings";
import type { Grid } from "../../src/ingest/grid";

test("wide characters count two columns, accents none", () => {
  expect(terminalColumns("上海五金有限公司")).toBe(16);
  expect(terminalColumns("Emoji 🚀 Tools")).toBe(14);
  expect(terminalColumns("Cafe\u0301")).toBe(4); // e + combining acute
  expect(terminalColumns("שלום")).toBe(4);
  // cut to 7 columns: three ideographs (6) and "…" (1); never half an emoji
  expect(fitColumns("上海五金有限公司", 7)).toBe("上海五…");
  expect(fitColumns("🚀🚀🚀🚀", 6)).toBe("🚀🚀… ");
  expect(fitColumns("Tab Co", 8)).toBe("Tab Co  ");
});

test("every row's score starts in the same terminal column", async () => {
  const names = ["上海五金有限公司", "Emoji 🚀 Tools Ltd", "שלום ספקים", "Normal Co"];
  const rows: (string | number)[][] = [
    ["Account", "Customer", "Order Date", "SKU", "Qty", "Revenue"],
  ];
  names.forEach((name, i) => {
    for (let m = 1; m <= 6; m++)
      rows.push([`A${i}`, name, `2026-0${m}-0${i + 1}`, "S1", 1, 100 + i]);
  });
  const grid: Grid = { name: "Orders", values: rows };
  const e = new KapEngine();
  const settings = { ...defaultSettings(), asOf: "2026-06-30" };
  await loadGrids(e, [grid], settings);
  e.analyze(settings);
  const lines: string[] = [];
  printSummary(e, (s) => lines.push(s));
  const header = lines.findIndex((l) => l.startsWith("Account "));
  const table = lines.slice(header + 1, header + 1 + names.length);
  expect(table).toHaveLength(4);
  // the column where " Score" ends in the header is where each row's score (d.dd) ends
  const scoreEnd = terminalColumns(lines[header].slice(0, lines[header].indexOf("Score") + 5));
  for (const line of table) {
    const m = /\d\.\d\d /.exec(line)!;
    expect(terminalColumns(line.slice(0, m.index + 4))).toBe(scoreEnd);
  }
});
