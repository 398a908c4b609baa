/**
 * A large sheet whose figures are often "n/a" (a Categories column when the data names no
 * categories, a revenue change for new accounts) writes on Excel on the web as on desktop.
 * Each "n/a" is aligned right, with the figures; one alignment command per cell made the last
 * request of a 40,000-account sheet larger than the web's 5 MB per request
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
 * so the web refused the write and it was rolled back, while desktop (no documented limit) wrote it.
 */
import { ExcelDouble, type HostMode } from "../excel-double/excel";
import { writeSheetsIn } from "../../src/excel/writeSheets";
import { FORMATS, sheet, table, type CellValue } from "../../src/sheets/spec";

const asCtx = (x: ExcelDouble) => x.newContext() as unknown as Excel.RequestContext;
const MB5 = 5 * 1024 * 1024;

/** n accounts: Categories n/a throughout; Revenue change n/a for every other account (new ones). */
function naSheet(n: number) {
  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) rows.push([`A${i + 1}`, "n/a", i % 2 ? 0.05 : "n/a", 3.5]);
  return sheet("Account Health", "health", "", [
    table(
      "A1",
      "KAP Health",
      [
        { header: "Account ID" },
        { header: "Categories (12m)", format: FORMATS.integer },
        { header: "Revenue change (12m)", format: FORMATS.percent },
        { header: "Health score", format: FORMATS.score },
      ],
      rows
    ),
  ]);
}

describe.each(["web", "desktop"] as HostMode[])("n/a cells of a large sheet (%s)", (mode) => {
  it("40,000 accounts, 60,000 n/a cells: written, every request under 5 MB, each n/a aligned right", async () => {
    const x = new ExcelDouble(["Data"], mode);
    const r = await writeSheetsIn(asCtx(x), [naSheet(40_000)], { token: () => "t1" });
    expect(r.sheets[0].name).toBe("Account Health");
    // header on row 1; account i (1-based) on row i + 1: the last is A40000 on row 40,001
    expect(x.cellAt("Account Health", "A40001")?.value).toBe("A40000");
    expect(x.cellAt("Account Health", "B40001")?.value).toBe("n/a");
    expect(Math.max(...x.stats.requestBytes)).toBeLessThanOrEqual(MB5);
    const s = x.sheet("Account Health");
    // account 1 (row 2) is new: both n/a; account 2 (row 3) has a +5% change
    expect(s.formatAt("B2", "horizontalAlignment")).toBe("Right");
    expect(s.formatAt("C2", "horizontalAlignment")).toBe("Right");
    expect(s.formatAt("B40001", "horizontalAlignment")).toBe("Right");
    expect(s.formatAt("C40001", "horizontalAlignment")).toBe("Right");
    // text in the Account ID column stays where Excel puts text
    expect(s.formatAt("A2", "horizontalAlignment")).toBeUndefined();
  }, 120_000);
});

describe.each(["web", "desktop"] as HostMode[])("n/a beside words in one column (%s)", (mode) => {
  it("only the n/a cells are aligned right; a word such as 'new' stays at the left", async () => {
    const x = new ExcelDouble(["Data"], mode);
    const spec = sheet("Changes", "changes", "", [
      table(
        "A1",
        "Changes",
        [{ header: "Account" }, { header: "Revenue change", format: FORMATS.percent }],
        [
          ["A1", "new"],
          ["A2", "n/a"],
          ["A3", "n/a"],
          ["A4", 0.1],
          ["A5", "n/a"],
        ]
      ),
    ]);
    await writeSheetsIn(asCtx(x), [spec], { token: () => "t2" });
    const s = x.sheet("Changes");
    // rows 3, 4 and 6 hold n/a (header on row 1, A1 on row 2)
    expect(["B3", "B4", "B6"].map((a) => s.formatAt(a, "horizontalAlignment"))).toEqual([
      "Right",
      "Right",
      "Right",
    ]);
    expect(s.formatAt("B2", "horizontalAlignment")).toBeUndefined();
    expect(s.formatAt("B5", "horizontalAlignment")).toBeUndefined();
  });
});
