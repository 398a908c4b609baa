/**
 * A new engagement log, payments ledger or Initiatives table is made on its own new sheet, never
 * over the sheet the user is looking at. The table was added with a bare address ("A1:H2"), which
 * Office.js reads on the ACTIVE sheet even through a worksheet's tables collection ("If the
 * address does not contain a sheet name, the currently-active sheet is used": TableCollection.add,
 * https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1)),
 * so where Excel follows that, the user's own header row became the new table.
 */
import { ExcelDouble, type HostMode } from "../excel-double/excel";
import {
  appendInitiativeRows,
  createUserTable,
  ENGAGEMENT_LOG_TEMPLATE,
  PAYMENTS_LEDGER_TEMPLATE,
} from "../../src/excel/userTables";

const asCtx = (x: ExcelDouble) => x.newContext() as unknown as Excel.RequestContext;

function ordersOpen(mode: HostMode): ExcelDouble {
  const x = new ExcelDouble(["Orders"], mode);
  x.model.fill(x.sheet("Orders"), "A1", [
    ["Order Date", "Customer ID", "SKU", "Qty", "Line Total"],
    [46000, "A1", "S1", 1, 100],
  ]);
  return x; // Orders is the active sheet
}

describe.each(["web", "desktop"] as HostMode[])("with the Orders sheet open (%s)", (mode) => {
  it.each([
    ["an engagement log", ENGAGEMENT_LOG_TEMPLATE, "Engagement Log", "Date"],
    ["a payments ledger", PAYMENTS_LEDGER_TEMPLATE, "Payments", "Invoice No"],
  ] as const)(
    "%s is made on its own sheet; Orders keeps no table and its header",
    async (_w, t, sheet, first) => {
      const x = ordersOpen(mode);
      await createUserTable(asCtx(x), t);
      expect(x.model.tables.map((tb) => tb.sheet.name)).toEqual([sheet]);
      expect(x.cellAt(sheet, "A1")?.value).toBe(first);
      expect(x.cellAt("Orders", "A1")?.value).toBe("Order Date");
      expect(x.cellAt("Orders", "F1")).toBeUndefined();
    }
  );

  it("proposed initiatives with no Initiatives table: the table is made on the Initiatives sheet", async () => {
    const x = ordersOpen(mode);
    const r = await appendInitiativeRows(asCtx(x), undefined, [
      { Account: "A1", Initiative: "Quarterly review", Type: "Retention" },
    ]);
    expect(r).toMatchObject({ sheet: "Initiatives", added: 1, created: true });
    expect(x.model.tables.map((tb) => tb.sheet.name)).toEqual(["Initiatives"]);
    expect(x.cellAt("Initiatives", "B2")?.value).toBe("Quarterly review");
    expect(x.cellAt("Orders", "A1")?.value).toBe("Order Date");
    expect(x.cellAt("Orders", "A2")?.value).toBe(46000);
  });
});
