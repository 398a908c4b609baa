/**
 * A printed table keeps together: when a table (with its heading) would be split by a page break
 * and fits on one page, its page starts at its heading — a manual row break in the written .xlsx.
 * The dashboard's quadrant table printed "Key, Maintenance" at the foot of one page and "Growth
 * Potential, Service" on the next; "Worth most, least healthy" and its header sat at the foot of a
 * page with its rows, headerless, on the next.
 *
 * By hand, A4 portrait, the writer's default margins (0.75 in top and bottom), two columns of 20
 * characters (280 px, far narrower than the page: printed at 100%):
 *   rows of a page = (11.69 − 0.75 − 0.75) in × 72 = 733.7 pt = 48 rows of 15 pt (720 pt);
 *   rows 1–48 print on page 1, row 49 starts page 2.
 * Sheet: title A1; table 1 A3:B40 (header + 37 rows); heading A42; table 2 A43:B53 (header + 10).
 *   Table 2 with its heading is rows 42–53: 12 rows, 180 pt, fits a page but not the 7 rows
 *   (42–48) left on page 1 → page 2 starts at row 42 (stored as a break after row 41).
 *   With table 2 at A30 (heading A29, rows 29–40) it ends on row 40 ≤ 48: no break.
 */
import { finishForPrint, pageRowsPoints } from "../../src/sheets/print";
import { sheet, table, type Block, type SheetSpec } from "../../src/sheets/spec";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";

const o = { paper: "A4" as const, asOfText: "As of 31/10/2026" };
const cols = [{ header: "Account" }, { header: "Revenue" }];
const rows = (n: number) => Array.from({ length: n }, (_, i) => [`Account ${i + 1}`, i + 1]);

function twoTables(secondAt: number, onePage = false): SheetSpec {
  const blocks: Block[] = [
    { at: "A1", rows: [["Report"]], style: "title" },
    table("A3", "T1", cols, rows(secondAt < 43 ? 24 : 37)),
    { at: `A${secondAt - 1}`, rows: [["Second table"]], style: "label" },
    table(`A${secondAt}`, "T2", cols, rows(10)),
  ];
  return finishForPrint(
    sheet("S", "t", "", blocks, {
      widths: [20, 20],
      page: { orientation: "portrait", fitToWidth: true, ...(onePage ? { onePage } : {}) },
    }),
    o
  );
}

async function breaksInFile(spec: SheetSpec): Promise<number[]> {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(await toXlsxBytes([spec]));
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const brks = /<rowBreaks[^>]*>(.*?)<\/rowBreaks>/.exec(xml)?.[1] ?? "";
  return [...brks.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
}

test("a page of A4 portrait at 100% holds 733.7 pt of rows", () => {
  expect(
    pageRowsPoints({ paper: "A4", orientation: "portrait", fitToWidth: true }, 40)
  ).toBeCloseTo((11.69 - 1.5) * 72, 1);
});

test("table 2 and its heading (rows 42–53) start page 2 rather than split at row 48", async () => {
  const spec = twoTables(43);
  expect(spec.page?.rowBreaks).toEqual([42]);
  // in the file: a manual break after row 41
  expect(await breaksInFile(spec)).toEqual([41]);
});

test("a table that ends on page 1 (rows 29–40) gets no break", async () => {
  const spec = twoTables(30);
  expect(spec.page?.rowBreaks).toBeUndefined();
  expect(await breaksInFile(spec)).toEqual([]);
});

test("a one-page sheet (the QBR's) is never broken", () => {
  expect(twoTables(43, true).page?.rowBreaks).toBeUndefined();
});

/**
 * A page that starts at a break placed here starts there in every program: the table after it is
 * not pushed on to yet another page. The dashboard printed its hand-set bands table alone on a
 * page (3 rows) because the next table began within 15% of a page (SLACK) of that page's top.
 * By hand (48 rows of 15 pt a page): title A1; table 1 A3:B45 (header + 42 rows) leaves rows
 * 46–48; table 2 with its heading is rows 47–50 (4 rows) → page 2 starts at row 47. Table 3 with
 * its heading is rows 52–55: 5 rows (75 pt) into page 2, less than 15% of 733.7 pt (110 pt), and
 * it fits → no break before it.
 */
test("a table just after a page that began at a placed break stays on that page", () => {
  const spec = finishForPrint(
    sheet(
      "S",
      "t",
      "",
      [
        { at: "A1", rows: [["Report"]], style: "title" },
        table("A3", "T1", cols, rows(42)),
        { at: "A47", rows: [["Second table"]], style: "label" },
        table("A48", "T2", cols, rows(2)),
        { at: "A52", rows: [["Third table"]], style: "label" },
        table("A53", "T3", cols, rows(2)),
      ],
      { widths: [20, 20], page: { orientation: "portrait", fitToWidth: true } }
    ),
    o
  );
  expect(spec.page?.rowBreaks).toEqual([47]);
});

/**
 * A run the layout names as one block keeps together though it is no table (the Relationship
 * map's contact plan: "Target: End Users" at the foot of one page, its ways to reach them on the
 * next). By hand (48 rows of 15 pt a page): a heading at A44 over a checklist A45:A49 is rows
 * 44–49; row 49 does not fit on page 1 → with the run named, page 2 starts at row 44; unnamed,
 * no break (the printer breaks after row 48, inside the checklist).
 */
test("a run named keepTogether (rows 44–49) starts page 2 rather than split at row 48", () => {
  const checklist = (keepTogether?: string[]) =>
    finishForPrint(
      sheet(
        "S",
        "t",
        "",
        [
          { at: "A1", rows: [["Report"]], style: "title" },
          { at: "A3", rows: rows(40) },
          { at: "A44", rows: [["Contact acquisition plan"]], style: "label" },
          { at: "A45", rows: Array.from({ length: 5 }, (_, i) => [`☐ Way ${i + 1}`]) },
        ],
        {
          widths: [20, 20],
          page: {
            orientation: "portrait",
            fitToWidth: true,
            ...(keepTogether ? { keepTogether } : {}),
          },
        }
      ),
      o
    );
  expect(checklist(["44:49"]).page?.rowBreaks).toEqual([44]);
  expect(checklist().page?.rowBreaks).toBeUndefined();
});
