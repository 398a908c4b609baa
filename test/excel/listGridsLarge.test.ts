/**
 * Finding the data in a workbook of many wide sheets of long text works on Excel on the web as
 * on desktop. The first rows of every sheet and table (up to 30 × 60 cells each, for header
 * detection) came back in one response; 12 CRM sheets whose first rows hold 300-character notes
 * are about 6.6 MB, over the web's 5 MB per response
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
 * so the web refused it (RequestPayloadSizeLimitExceeded: the pane could not list the data at
 * all) while desktop, with no documented limit, listed it. A refused response is now asked for
 * again in halves.
 */
import { ExcelDouble, type HostMode } from "../excel-double/excel";
import { listGrids } from "../../src/excel/listGrids";

const asCtx = (x: ExcelDouble) => x.newContext() as unknown as Excel.RequestContext;
const MB5 = 5 * 1024 * 1024;
const SHEETS = 12;

function crmWorkbook(mode: HostMode): ExcelDouble {
  const names = Array.from({ length: SHEETS }, (_v, k) => `Notes ${k + 1}`);
  const x = new ExcelDouble(names, mode);
  for (const [k, name] of names.entries()) {
    const rows: string[][] = [Array.from({ length: 60 }, (_v, j) => `Field ${j + 1}`)];
    for (let i = 1; i < 40; i++)
      rows.push(Array.from({ length: 60 }, (_v, j) => `${k}.${i}.${j} ${"n".repeat(300)}`));
    x.model.fill(x.sheet(name), "A1", rows);
  }
  return x;
}

describe.each(["web", "desktop"] as HostMode[])("listing a workbook of wide notes (%s)", (mode) => {
  it("12 sheets of 40 rows × 60 columns: each listed with its first 30 rows, the same on both hosts", async () => {
    const x = crmWorkbook(mode);
    const grids = await listGrids(asCtx(x), { peekRows: 30 });
    expect(grids.map((g) => g.sheet)).toEqual(
      Array.from({ length: SHEETS }, (_v, k) => `Notes ${k + 1}`)
    );
    for (const g of grids) {
      expect(g).toMatchObject({ rowCount: 40, columnCount: 60 });
      expect(g.peek).toHaveLength(30);
      expect(g.peek[0][59]).toBe("Field 60");
      expect(g.peekFormats[29][59]).toBe("General");
    }
    // sheet 12 (k = 11), row 30 (i = 29), column BH (j = 59)
    expect(String(grids[11].peek[29][59]).startsWith("11.29.59 nnn")).toBe(true);
    // desktop: the three round trips of any listing; the web: the peeks' response was refused
    // once as over 5 MB, then asked for again in halves
    if (mode === "desktop") expect(x.stats.syncs).toBe(3);
    else expect(x.stats.responseBytes.filter((b) => b > MB5)).toHaveLength(1);
  });
});
