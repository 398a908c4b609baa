/**
 * A table that runs onto another printed page starts that page with its header row, on a sheet of
 * several tables (Excel's print titles repeat one run of rows: right for Account Health's one
 * table, wrong for Cross-Sell's five). The Cross-Sell's opportunities continued for three pages of
 * bare rows.
 *
 * By hand, A4 portrait, the writer's default margins (0.75 in top and bottom), two columns of 20
 * characters (printed at 100%): a page holds (11.69 − 1.5) in × 72 = 733.7 pt of rows; the
 * continued pages are filled to 97% of it (711.7 pt: 47 rows of 15 pt, 48 would be 720 pt).
 * Sheet (every row 15 pt: 11-point type): title A1 (bold, not larger); heading A2; table 1 A3:B63 (header + 60 rows: "Account 1" on row 4 …
 * "Account 60" on row 63); heading A65; table 2 A66:B69 (header + 3 rows).
 *   Page 1: rows 1–47. Row 48 ("Account 45") is inside table 1 → a copy of its header goes on
 *   row 48 with a page break before it; "Account 45" moves to row 49, the rest one row down
 *   (table 1 ends on row 64, table 2's heading on 66, its header on 67).
 *   Page 2: the copy + rows 49–64 + … 70: 23 rows, under a page: no other copy.
 */
import JSZip from "jszip";
import { finishForPrint } from "../../src/sheets/print";
import { sheet, table, type Block, type SheetSpec } from "../../src/sheets/spec";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";

const o = { paper: "A4" as const, asOfText: "As of 31/10/2026" };
const header = ["Account", "Revenue"];
const rows = (n: number) => Array.from({ length: n }, (_, i) => [`Account ${i + 1}`, i + 1]);

function twoTables(opts: { excelTable?: boolean; printTitleRows?: string } = {}): SheetSpec {
  const first: Block = opts.excelTable
    ? table(
        "A3",
        "T1",
        header.map((h) => ({ header: h })),
        rows(60)
      )
    : { at: "A3", rows: [header, ...rows(60)], header: true };
  return finishForPrint(
    sheet(
      "S",
      "t",
      "",
      [
        { at: "A1", rows: [["Report"]], style: "label" },
        { at: "A2", rows: [["First table"]], style: "label" },
        first,
        { at: "A65", rows: [["Second table"]], style: "label" },
        { at: "A66", rows: [header, ...rows(3)], header: true },
      ],
      {
        widths: [20, 20],
        page: {
          orientation: "portrait",
          fitToWidth: true,
          ...(opts.printTitleRows ? { printTitleRows: opts.printTitleRows } : {}),
        },
      }
    ),
    o
  );
}

/** Column A of a spec's blocks, by 1-based row. */
function columnA(spec: SheetSpec): Map<number, unknown> {
  const out = new Map<number, unknown>();
  for (const b of spec.blocks) {
    const row = Number(/\d+/.exec(b.at)![0]);
    b.rows.forEach((r, i) => out.set(row + i, r[0]));
  }
  return out;
}

test("page 2 starts on row 48 with table 1's header; 'Account 45' follows on row 49", () => {
  const spec = twoTables();
  const a = columnA(spec);
  expect(spec.page?.rowBreaks).toEqual([48]);
  expect([a.get(47), a.get(48), a.get(49)]).toEqual(["Account 44", "Account", "Account 45"]);
  // the rest one row down: table 1's last row, table 2's heading and header
  expect([a.get(64), a.get(66), a.get(67)]).toEqual(["Account 60", "Second table", "Account"]);
  // the copy is a header row (styled as one by both writers)
  expect(spec.blocks.find((b) => b.at === "A48")?.header).toBe(true);
});

test("in the written file: a manual break after row 47, the header on row 48", async () => {
  const zip = await JSZip.loadAsync(await toXlsxBytes([twoTables()]));
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const brks = /<rowBreaks[^>]*>(.*?)<\/rowBreaks>/.exec(xml)?.[1] ?? "";
  expect([...brks.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]))).toEqual([47]);
});

test("an Excel table gets no copy (it would be a data row that sorts with the rest)", () => {
  const a = columnA(twoTables({ excelTable: true }));
  expect(a.get(48)).toBe("Account 45");
  expect([...a.values()].filter((v) => v === "Account")).toHaveLength(2);
});

test("a sheet whose print titles repeat its header gets no copy", () => {
  const spec = twoTables({ printTitleRows: "3:3" });
  expect(columnA(spec).get(48)).toBe("Account 45");
  expect(spec.page?.rowBreaks ?? []).toEqual([]);
});
