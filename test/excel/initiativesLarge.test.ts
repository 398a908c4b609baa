/**
 * Proposing initiatives into a long Initiatives table works on Excel on the web as on desktop.
 * The whole table was read in one response: 15,000 initiatives with 400-character notes are
 * about 6.5 MB, over the web's 5 MB per response
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
 * so the web refused it while desktop appended the rows. It is now read in blocks (readRegion).
 */
import { ExcelDouble, type HostMode } from "../excel-double/excel";
import { appendInitiativeRows, INITIATIVE_HEADERS } from "../../src/excel/userTables";

const asCtx = (x: ExcelDouble) => x.newContext() as unknown as Excel.RequestContext;
const N = 15_000;

describe.each(["web", "desktop"] as HostMode[])("a long Initiatives table (%s)", (mode) => {
  it("15,000 initiatives: the one already there is skipped, the new one goes below the last", async () => {
    const x = new ExcelDouble(["Initiatives"], mode);
    const s = x.sheet("Initiatives");
    const rows: (string | number)[][] = [[...INITIATIVE_HEADERS]];
    for (let i = 1; i <= N; i++)
      rows.push([
        `A${i}`,
        `Review ${i}`,
        "Retention",
        "n".repeat(400),
        "",
        0,
        "",
        "",
        "Sam",
        "Open",
      ]);
    x.model.fill(s, "A1", rows);
    x.model.addTable(s, { row: 0, col: 0, rows: N + 1, cols: 10 }, true).name = "Initiatives";
    const headers = Object.fromEntries(INITIATIVE_HEADERS.map((h) => [h, h]));
    const r = await appendInitiativeRows(
      asCtx(x),
      { sheet: "Initiatives", table: "Initiatives", headers },
      [
        { Account: "A7", Initiative: "Review 7" },
        { Account: "A7", Initiative: "Cross-sell cables" },
      ]
    );
    expect(r).toMatchObject({ added: 1, skipped: 1, created: false });
    // header on row 1, initiatives on rows 2..15,001: the new one on row 15,002
    expect(x.cellAt("Initiatives", "A15002")?.value).toBe("A7");
    expect(x.cellAt("Initiatives", "B15002")?.value).toBe("Cross-sell cables");
    expect(x.model.tables[0].range.rows).toBe(N + 2);
  });
});
