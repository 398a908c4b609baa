/**
 * Reading order lines whose rows are very long (product descriptions of 1,100 characters in 100
 * columns) works on Excel on the web as on desktop. The 50-row sample that sizes the blocks came
 * back in one response of about 5.5 MB, over the web's 5 MB
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
 * so the web refused it and nothing was read, while desktop read every row. A refused sample is
 * now asked for again with half the rows.
 */
import { ExcelDouble, type HostMode } from "../excel-double/excel";
import { readAll } from "../../src/excel/readRegion";

const asCtx = (x: ExcelDouble) => x.newContext() as unknown as Excel.RequestContext;

describe.each(["web", "desktop"] as HostMode[])("rows of long text (%s)", (mode) => {
  it("a header and 120 rows × 100 columns of 1,100 characters: every row read, in order", async () => {
    const x = new ExcelDouble(["Orders"], mode);
    const rows: (string | number)[][] = [Array.from({ length: 100 }, (_v, j) => `Col ${j + 1}`)];
    for (let i = 1; i <= 120; i++)
      rows.push(Array.from({ length: 100 }, (_v, j) => (j === 0 ? i : "d".repeat(1100))));
    x.model.fill(x.sheet("Orders"), "A1", rows);
    const { rows: got, result } = await readAll(asCtx(x), { sheet: "Orders" });
    expect(result.rowCount).toBe(121);
    expect(got).toHaveLength(121);
    // column A counts the rows 1..120 under its header: their sum is 120 × 121 / 2 = 7,260
    expect(got.slice(1).reduce((n, r) => n + Number(r[0]), 0)).toBe(7260);
    expect(got[120][99]).toHaveLength(1100);
    expect(result.sampleFormats[0][0]).toBe("General");
  });
});
