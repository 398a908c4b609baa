/**
 * A cell holds at most 32,767 characters and a page header 255 (Excel's specifications and
 * limits); a file with more is one Excel repairs or refuses. A customer name of 3,000,000
 * characters was written whole into the .xlsx (Account Health's Account cell, the account
 * sheets' titles and their page headers). Now every text cell is cut to 32,767 characters ending
 * "…", the left header to fit 255, and `kap` warns which cells were cut: the full text is in
 * `kap analyze --json`.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  cellTextNote,
  cellsToCut,
  cutText,
  withCellLimits,
  CELL_TEXT_MAX,
} from "../../src/sheets/cellLimits";
import { sheet, table, title } from "../../src/sheets/spec";
import { toXlsxBytes } from "../../src/xlsx/writeXlsx";
import { buildCli, kap, KAP } from "../cli/kapProcess";

jest.setTimeout(120_000);

const LONG = `Big & Co ${"x".repeat(3_000_000)}`; // 9 + 3,000,000 = 3,000,009 characters

async function load(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** The longest text of any cell in the workbook. */
function longestCell(wb: ExcelJS.Workbook): number {
  let max = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((r) =>
      r.eachCell((c) => {
        if (typeof c.value === "string") max = Math.max(max, c.value.length);
      })
    )
  );
  return max;
}

describe("cutText", () => {
  test("32,766 characters of the text and '…': 32,767 in all; a shorter text is as it was", () => {
    const cut = cutText(LONG, CELL_TEXT_MAX);
    expect(cut.length).toBe(32_767);
    expect(cut.slice(0, 32_766)).toBe(LONG.slice(0, 32_766));
    expect(cut.endsWith("…")).toBe(true);
    expect(cutText("Acme Ltd", CELL_TEXT_MAX)).toBe("Acme Ltd");
    // exactly 32,767 characters fits: not cut
    const full = "y".repeat(32_767);
    expect(cutText(full, CELL_TEXT_MAX)).toBe(full);
  });

  test("an emoji (two UTF-16 units) across the cut is left out whole, not halved", () => {
    // 32,765 x then 😀 (units 32,766–32,767 of 1-based): the cut keeps 32,766 units, which
    // would end in the emoji's first half; so 32,765 x, then "…" (32,766 units in all)
    const s = `${"x".repeat(32_765)}😀${"z".repeat(10)}`;
    const cut = cutText(s, CELL_TEXT_MAX);
    expect(cut).toBe(`${"x".repeat(32_765)}…`);
  });
});

describe("withCellLimits", () => {
  const spec = sheet(
    "KAP Plan – C1",
    "plan",
    "C1",
    [
      title("A1", `Account Plan – ${LONG}`),
      table("A3", "KAP_T", [{ header: "Account" }, { header: "Revenue" }], [[LONG, 1000]]),
    ],
    { page: { headerLeft: `Account Plan – ${LONG}`, headerRight: "As of 31/10/2026" } }
  );

  test("the title and the table's name cell are cut; the header fits 255 with its codes", () => {
    const { spec: fitted, cut } = withCellLimits(spec);
    expect(cut).toEqual([
      // "Account Plan – " is 15 characters: 15 + 3,000,009 = 3,000,024
      { sheet: "KAP Plan – C1", cell: "A1", length: 3_000_024 },
      { sheet: "KAP Plan – C1", cell: "A4", length: 3_000_009 },
    ]);
    expect(fitted.blocks[0].rows[0][0]).toHaveLength(32_767);
    expect(fitted.blocks[1].rows[1]).toEqual([cutText(LONG, CELL_TEXT_MAX), 1000]);
    // &L + left + &R + "As of 31/10/2026" (16): the left has 255 − 4 − 16 = 235, its & as &&
    // ("Big & Co" is in it: 234 characters, 235 once coded), ending "…"
    const left = fitted.page!.headerLeft!;
    expect(left.endsWith("…")).toBe(true);
    expect(left.replace(/&/g, "&&").length).toBe(235);
    expect(left).toBe(`Account Plan – ${LONG.slice(0, 218)}…`);
  });

  test("the note says how many cells, the first, its length, and where the full text is", () => {
    expect(cellTextNote(cellsToCut([spec]), "kap analyze --json gives the full text")).toBe(
      `2 cells' text was cut to Excel's limit of 32,767 characters, ending "…" (KAP Plan – C1 A1, 3,000,024 characters, and 1 more): kap analyze --json gives the full text.`
    );
    expect(cellTextNote([], "x")).toBeNull();
  });

  test("the .xlsx holds 32,767 characters in each cut cell and a 255-character header", async () => {
    const wb = await load(await toXlsxBytes([spec]));
    const ws = wb.getWorksheet("KAP Plan – C1")!;
    expect(ws.getCell("A4").value).toBe(cutText(LONG, CELL_TEXT_MAX));
    expect(ws.getCell("B4").value).toBe(1000);
    expect(longestCell(wb)).toBe(32_767);
    // "&L" + 235 coded + "&R" + 16 = 255
    expect(ws.headerFooter.oddHeader).toHaveLength(255);
  });
});

describe("kap sheets and kap qbr over a 3,000,009-character customer name", () => {
  const dir = mkdtempSync(join(tmpdir(), "kap-cell-limit-"));
  const csv = join(dir, "long.csv");
  beforeAll(() => {
    buildCli();
    const lines = ["Date,Customer ID,Customer Name,Product,Amount"];
    for (let m = 1; m <= 10; m++) {
      const mm = String(m).padStart(2, "0");
      lines.push(`2026-${mm}-05,C1,${LONG},P1,100`, `2026-${mm}-07,C2,Small Ltd,P2,50`);
    }
    writeFileSync(csv, `${lines.join("\n")}\n`);
  });

  test.each([
    ["sheets", "s.xlsx"],
    ["qbr", "q.xlsx"],
  ])(
    "kap %s: no cell over 32,767 characters, no header or footer over 255, and a warning",
    async (cmd, name) => {
      const out = join(dir, name);
      const r = kap(cmd, csv, "--account", "C1", "--out", out, "--quiet");
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(
        new RegExp(
          `^kap: warning: ${name}: \\d+ cells' text was cut to Excel's limit of 32,767 characters, ending "…" \\(.+, 3,000,009 characters, and \\d+ more\\): kap analyze --json gives the full text\\.$`,
          "m"
        )
      );
      const wb = await load(readFileSync(out));
      expect(longestCell(wb)).toBe(32_767);
      wb.eachSheet((ws) => {
        expect((ws.headerFooter.oddHeader ?? "").length).toBeLessThanOrEqual(255);
        // the QBR's footer names the customer ("Prepared for …"), cut to fit as the header is
        expect((ws.headerFooter.oddFooter ?? "").length).toBeLessThanOrEqual(255);
        // the cut name wraps to over 1,000 lines: its row is Excel's tallest, 409 points
        ws.eachRow((r) => expect(r.height ?? 15).toBeLessThanOrEqual(409));
      });
    }
  );

  test("kap analyze --json still has the name in full", () => {
    const r = spawnSync(process.execPath, [KAP, "analyze", csv, "--json", "--quiet"], {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(r.status).toBe(0);
    expect(r.stdout.includes(`"${LONG}"`)).toBe(true);
  });
});
