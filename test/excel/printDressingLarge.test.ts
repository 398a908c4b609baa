/**
 * A large sheet made ready for print (finishForPrint: long names wrap, their rows grow, the
 * cells beside them sit at the top) writes on Excel on the web as on desktop. Its per-cell
 * styles and row heights (53,000 and 20,000 for 20,000 accounts, one name in three too long for
 * its column) all went in the last request, 8.2 MB, over the web's 5 MB per request
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins):
 * the web rolled the write back at every budget, while desktop wrote it. They now count toward
 * the request budget, with a round trip when it is spent, as the data does.
 */
import { ExcelDouble, type HostMode } from "../excel-double/excel";
import { healthSheet } from "../excel-double/fixtures";
import { writeSheetsIn } from "../../src/excel/writeSheets";
import { finishForPrint } from "../../src/sheets/print";

const asCtx = (x: ExcelDouble) => x.newContext() as unknown as Excel.RequestContext;
const MB5 = 5 * 1024 * 1024;
const N = 20_000;
const LONG = "Northern Industrial Fasteners and Fixings Wholesale Limited";

describe.each(["web", "desktop"] as HostMode[])(
  "a print-ready sheet of 20,000 accounts (%s)",
  (mode) => {
    it("written; every request under 5 MB; a long name wraps, a short one does not", async () => {
      const names = Array.from({ length: N }, (_v, i) =>
        i % 3 === 0 ? `${LONG} ${i}` : `Cust ${i}`
      );
      const spec = finishForPrint(healthSheet(N, names), {
        paper: "A4",
        asOfText: "As of 31/10/2026",
      });
      const x = new ExcelDouble(["Data"], mode);
      const r = await writeSheetsIn(asCtx(x), [spec], { token: () => "t" });
      expect(r.sheets[0].name).toBe("Account Health");
      expect(Math.max(...x.stats.requestBytes)).toBeLessThanOrEqual(MB5);
      const s = x.sheet("Account Health");
      // account i (0-based) on row 4 + i: i = 0 (row 4) has a long name, i = 1 (row 5) a short one;
      // the last, i = 19,999 (row 20,003), is short (19,999 is not a multiple of 3)
      expect(x.cellAt("Account Health", "B4")?.value).toBe(`${LONG} 0`);
      expect(s.formatAt("B4", "wrapText")).toBe(true);
      expect(s.formatAt("B5", "wrapText")).toBeUndefined();
      expect(x.cellAt("Account Health", "B20003")?.value).toBe("Cust 19999");
      // the long name's row is taller than the short one's
      const h = (row: number) => s.formatAt(`A${row}`, "rowHeight") as number;
      expect(h(4)).toBeGreaterThan(h(5));
    }, 300_000);
  }
);
