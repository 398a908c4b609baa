/**
 * "Add score columns to my table" on an accounts table with its totals row shown: the scores go
 * in the body rows only. The totals row is the user's — on a re-run, an average they set under
 * KAP Health score (=SUBTOTAL(101,…)) stays (PRODUCT.md §4: KAP changes no cell the user made
 * except where asked).
 */
import { ExcelDouble } from "../excel-double/excel";
import { addScoreColumns } from "../../src/excel/addScoreColumns";

const asCtx = (x: ExcelDouble) => x.newContext() as unknown as Excel.RequestContext;

describe("score columns beside a table with a totals row", () => {
  it("fills the body rows, leaves the totals row's cells to the user, and a re-run keeps their total", async () => {
    const x = new ExcelDouble(["Accounts"]);
    const s = x.sheet("Accounts");
    x.model.fill(s, "A1", [
      ["Account No", "Account Name", "Tier"],
      ["A1", "Account 1 Ltd", "Gold"],
      ["A2", "Account 2 Ltd", "Silver"],
      ["ZZ9", "Not scored", "Bronze"],
      ["Total", "", 3],
    ]);
    const t = x.model.addTable(s, { row: 0, col: 0, rows: 5, cols: 3 }, true);
    t.name = "AccountList";
    t.showTotals = true;
    const source = { sheet: "Accounts", table: "AccountList", idHeader: "Account No" };
    const first = await addScoreColumns(
      asCtx(x),
      source,
      new Map([
        ["A1", { score: 4.25, band: "Healthy" }],
        ["A2", { score: 2.5, band: "At Risk" }],
      ])
    );
    expect(first).toMatchObject({ rows: 3, matched: 2, refreshed: false });
    expect(["D1", "D2", "D3", "E3"].map((a) => x.cellAt("Accounts", a)?.value)).toEqual([
      "KAP Health score",
      4.25,
      2.5,
      "At Risk",
    ]);
    // the user puts an average under the scores: (4.25 + 2.5) / 2 = 3.375
    s.setCell(4, 3, { value: 3.375, formula: "=SUBTOTAL(101,[KAP Health score])" });
    const again = await addScoreColumns(
      asCtx(x),
      source,
      new Map([
        ["A1", { score: 4.5, band: "Healthy" }],
        ["A2", { score: 3.1, band: "Stable" }],
      ])
    );
    expect(again).toMatchObject({ rows: 3, matched: 2, refreshed: true });
    expect(["D2", "D3", "E3"].map((a) => x.cellAt("Accounts", a)?.value)).toEqual([
      4.5,
      3.1,
      "Stable",
    ]);
    expect(x.cellAt("Accounts", "D5")?.formula).toBe("=SUBTOTAL(101,[KAP Health score])");
    expect(x.cellAt("Accounts", "A5")?.value).toBe("Total");
  });
});
