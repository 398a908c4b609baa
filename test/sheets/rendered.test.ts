/**
 * Looked at, not only parsed (issue 15, item 7). The demo's workbooks — each portfolio sheet, each
 * account sheet for the demo's account, and the QBR — are written as the CLI writes them and:
 *
 * (a) read back with ExcelJS: every text cell fits its column at its font (an estimate from the
 *     text, the font size and the column width: src/sheets/measure.ts, Calibri's advance widths),
 *     spills over empty neighbours, or wraps in a row tall enough for its lines; numbers fit
 *     their column (no "###");
 * (b) printed to PDF by LibreOffice (one soffice call for all the files), each within its stated
 *     page bound (PAGE_BOUNDS);
 * (c) the first two pages of each PDF rendered to PNG in test-artifacts/rendered/ for review;
 * and (issue 15, item 6) hold true blanks, no empty table columns and two-decimal scores.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { KapEngine, loadGrids } from "../../src/engine/engine";
import { actionsOfScope, type ActionId } from "../../src/engine/actions";
import { completeSettings } from "../../src/engine/settings";
import { readWorkbookFile } from "../../src/cli/workbookFile";
import { charsFor, rowHeightFor, wrappedLines } from "../../src/sheets/measure";
import { shownText } from "../../src/sheets/print";
import { parseRange } from "../../src/sheets/spec";
import { writeXlsxFile } from "../../src/xlsx/writeFile";

const ROOT = resolve(__dirname, "../..");
const OUT = join(ROOT, "test-artifacts", "rendered");
const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find(existsSync);
const pdftoppm = ["/usr/bin/pdftoppm"].find(existsSync);
const pdftotext = ["/usr/bin/pdftotext"].find(existsSync);

/**
 * Stated bounds on printed pages (A4, one page wide) for the bundled sample (300 rows: 285
 * accounts and 15 sites, 346 alerts) and its biggest account, Warren Facilities. Printed on
 * 29/11/2026 (LibreOffice 7, Carlito): health 8 (about 40 rows a page, never the 2 pages of 4 pt
 * type of before; 6 since 02/12/2026, its printed view ending with P(alive), expected revenue and CLV; 60 since 03/12/2026: every one of its 42 columns, four landscape pages across at about 70% with account ID and name repeated, the alert details wrapped; 8 since 03/12/2026: the review's 14 columns, ID to win-back stage, one page wide at about 76%), dashboard 4 (5 since 02/12/2026: a table that a page break would split starts a page), alerts 6 (13 since 03/12/2026: landscape at about 93%, one line an alert, not portrait at 62%), whitespace 4 (14 since 02/12/2026: two pages wide at about 60% with account ID and name repeated, never one page wide at about 35%; 16 since 02/12/2026: its subtitle wraps within the repeated A:B, not cut on the second page across), health report 2, breakdown 2 (4 since 03/12/2026: at about 86%, its charts under the tables, not 58% with them beside), cross-sell 5 (3 since 01/12/2026: its product rules' words moved from a 12-wide column to the 60-wide one; 5 since 03/12/2026: at about 73%, not 49%; 8 since 03/12/2026: product-line gaps and upsells joined its ranked list, at 72%),
 * plan 2 (5 since 02/12/2026: landscape at about 70%, not portrait at about 47%), relationships 1 (2 since 03/12/2026: at about 71%, its What to do wrapped, not 60%), 5P 1, QBR 7 (9 since 03/12/2026: the Preparation (internal) sheet's 2 landscape pages after the customer's 7). The bounds allow a page either
 * way for font differences; a layout change that breaks one should be looked at, then the bound
 * moved.
 */
const PAGE_BOUNDS: Record<string, [number, number]> = {
  scoreAll: [7, 9],
  dashboard: [3, 5],
  alerts: [12, 14],
  whitespace: [15, 17],
  healthReport: [1, 3],
  breakdown: [3, 5],
  crossSell: [8, 12],
  plan: [4, 6],
  relationships: [1, 2],
  fiveP: [1, 2],
  qbr: [8, 10],
};

interface Made {
  id: ActionId;
  file: string;
}
const made: Made[] = [];

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const { grids, culture } = await readWorkbookFile(join(ROOT, "assets/sample-workbook.xlsx"));
  const engine = new KapEngine();
  const settings = completeSettings({});
  await loadGrids(engine, grids, settings, { culture });
  const p = engine.analyze(settings);
  const top = p.accounts
    .filter((a) => a.isTopLevel)
    .sort((a, b) => b.revenueLast12 - a.revenueLast12)[0];
  const ids: ActionId[] = [
    ...actionsOfScope("portfolio"),
    ...actionsOfScope("account"),
    ...actionsOfScope("workbook"),
  ];
  for (const id of ids) {
    const file = join(OUT, `${id}.xlsx`);
    await writeXlsxFile(file, engine.sheets(id, { accountKey: top.key, live: false }));
    made.push({ id, file });
  }
}, 120_000);

/** A cell's text as shown, or null when it shows none. */
function textOf(c: ExcelJS.Cell): string | null {
  const v = c.value;
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "string") return v;
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  return null;
}

/** What does not fit in one written workbook: "Sheet!B7 'text…' needs 3 lines (45 pt), row is 30 pt". */
async function misfits(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseRange);
    const area = ws.pageSetup.printArea
      ? parseRange(String(ws.pageSetup.printArea).split(",")[0].replace(/\$/g, ""))
      : undefined;
    const width = (c: number) => ws.getColumn(c + 1).width ?? 8.43;
    const lastCol = ws.columnCount - 1;
    const empty = (r: number, c: number) => {
      const x = ws.findCell(r + 1, c + 1);
      return !x || x.value === null || x.value === undefined || x.value === "";
    };
    ws.eachRow((row, rn) => {
      row.eachCell((c, cn) => {
        const r = rn - 1;
        const col = cn - 1;
        if (area && (col < area.col || col >= area.col + area.cols)) return; // screen-only columns
        const m = merges.find(
          (g) => r >= g.row && r < g.row + g.rows && col >= g.col && col < g.col + g.cols
        );
        if (m && (m.row !== r || m.col !== col)) return; // inside a merge: the first cell holds it
        const size = c.font?.size ?? 11;
        const bold = !!c.font?.bold;
        const w = m
          ? Array.from({ length: m.cols }, (_x, k) => width(m.col + k)).reduce((a, b) => a + b, 0)
          : width(col);
        const at = `${ws.name}!${c.address}`;
        const text = textOf(c);
        if (text === null) {
          // numbers must fit: a number too wide for its column shows as ###
          if (typeof c.value === "number") {
            const shown = shownText(c.value, c.numFmt);
            if (charsFor(shown, size, bold) > w + 0.25)
              out.push(
                `${at} ${shown} needs ${charsFor(shown, size, bold).toFixed(1)} characters, column is ${w}`
              );
          }
          return;
        }
        const one = Math.max(...text.split("\n").map((t) => charsFor(t, size, bold)));
        const height = row.height ?? 15;
        if (c.alignment?.wrapText) {
          const lines = wrappedLines(text, w, size, bold);
          const need = rowHeightFor(lines, size) * (m ? 1 / m.rows : 1);
          if (need > height + 0.5)
            out.push(
              `${at} '${text.slice(0, 40)}' needs ${lines} lines (${need} pt), row is ${height} pt`
            );
          return;
        }
        if (one <= w + 0.25 && !text.includes("\n")) return;
        // unwrapped text may spill over empty cells to its right, within the printed columns
        let room = w;
        for (let k = col + 1; k <= (area ? area.col + area.cols - 1 : lastCol) && room < one; k++) {
          if (!empty(r, k)) break;
          room += width(k);
        }
        if (one > room + 0.25 || text.includes("\n"))
          out.push(
            `${at} '${text.slice(0, 40)}' is ${one.toFixed(1)} characters wide, has ${room.toFixed(1)} and does not wrap`
          );
      });
    });
  }
  return out;
}

describe("every written text cell fits its column or wraps in a row that holds it", () => {
  test.each(Object.keys(PAGE_BOUNDS))("%s", async (id) => {
    const m = made.find((x) => x.id === id);
    expect(m).toBeDefined();
    expect(await misfits(m!.file)).toEqual([]);
  });
});

/** Tables that are forms for the user to fill in: their empty columns are the point. */
const FORMS = /^KAP_5P/;

/** Tidy values (item 6): no "" text cells, no table column left empty, scores with two decimals. */
async function untidy(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.value === "")
          out.push(`${ws.name}!${c.address} holds "" (an empty text, not a blank)`);
      })
    );
    for (const t of Object.values(
      (ws as unknown as { tables?: Record<string, unknown> }).tables ?? {}
    )) {
      const tb = (
        t as unknown as { table: { name: string; tableRef: string; columns: { name: string }[] } }
      ).table;
      const ref = parseRange(tb.tableRef);
      if (ref.rows < 3) continue; // a header and one row: a placeholder ("No … yet")
      tb.columns.forEach((col, j) => {
        const cells = Array.from({ length: ref.rows - 1 }, (_x, i) =>
          ws.getCell(ref.row + 2 + i, ref.col + 1 + j)
        );
        if (
          !FORMS.test(tb.name) &&
          cells.every((c) => c.value === null || c.value === undefined || c.value === "")
        )
          out.push(`${ws.name}: table ${tb.name} has an empty column "${col.name}"`);
        if (/^(health )?score$/i.test(col.name))
          for (const c of cells)
            if (typeof c.value === "number" && c.numFmt !== "0.00")
              out.push(`${ws.name}!${c.address}: a score shown as "${c.numFmt}", not 0.00`);
      });
    }
  }
  return out;
}

describe("tidy values: true blanks, no empty columns, two-decimal scores", () => {
  test.each(Object.keys(PAGE_BOUNDS))("%s", async (id) => {
    expect(await untidy(made.find((x) => x.id === id)!.file)).toEqual([]);
  });
});

const it = soffice ? test : test.skip;
it("LibreOffice prints each workbook within its page bounds; the first pages go to test-artifacts/rendered as PNG", () => {
  const pdfDir = join(OUT, "pdf");
  // one soffice call for all the files (starting LibreOffice is most of the cost)
  execFileSync(
    soffice!,
    [
      `-env:UserInstallation=file://${join(OUT, "lo-profile")}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      pdfDir,
      ...made.map((m) => m.file),
    ],
    { timeout: 240_000, stdio: "ignore" }
  );
  const pages: Record<string, number> = {};
  for (const m of made) {
    const pdf = join(pdfDir, `${m.id}.pdf`);
    expect(existsSync(pdf)).toBe(true);
    // LibreOffice writes one /Type /Page object per page (the /Pages tree node aside)
    pages[m.id] = (readFileSync(pdf, "latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    if (pdftoppm)
      execFileSync(pdftoppm, ["-png", "-r", "50", "-f", "1", "-l", "2", pdf, join(OUT, m.id)]);
  }
  const outOfBounds = Object.entries(pages).filter(
    ([id, n]) => n < PAGE_BOUNDS[id][0] || n > PAGE_BOUNDS[id][1]
  );
  expect(outOfBounds).toEqual([]);
  if (pdftoppm)
    expect(readdirSync(OUT).filter((f) => f.endsWith(".png")).length).toBeGreaterThanOrEqual(
      made.length
    );
}, 300_000);

/** The dashboard's printed pages as text (the PDF the test above printed), one string a page. */
function dashboardPages(): string[] {
  const pdf = join(OUT, "pdf", "dashboard.pdf");
  return execFileSync(pdftotext!, ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
}

const itText = soffice && pdftotext ? test : test.skip;
itText(
  "a dashboard table prints whole on one page with its heading, not split across pages",
  async () => {
    // the accounts of "Worth most, least healthy", read back from the written file
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(made.find((m) => m.id === "dashboard")!.file);
    const ws = wb.worksheets.find((w) => /Dashboard/.test(w.name))!;
    const heading = "Worth most, least healthy: the accounts to protect";
    let at = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === heading) at = n;
    });
    expect(at).toBeGreaterThan(0);
    const ids: string[] = [];
    // heading, note, header, then one row per account until the blank row after the table
    for (let r = at + 3; ws.getRow(r).getCell(1).value; r++)
      ids.push(String(ws.getRow(r).getCell(1).value));
    expect(ids.length).toBeGreaterThan(5);
    const page = dashboardPages().find((p) => p.includes(heading))!;
    expect(ids.filter((id) => !page.includes(id))).toEqual([]);
  }
);
