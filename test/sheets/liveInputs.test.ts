/**
 * The formula text of the live Account Health inputs (issue 14): KAP.METRICS over a table and
 * over a plain range, and names from the data (spaces, apostrophes, brackets, #, formula-looking
 * headers) quoted and escaped by the structured-reference rules, never able to become a formula
 * of their own.
 */
import {
  metricsFormula,
  orderColumnRef,
  sheetPrefix,
  sourceText,
  spillCellFormula,
  tableColumnRef,
  type LiveOrderSource,
} from "../../src/sheets/liveInputs";
import { ymdToSerial } from "../../src/domain/dates";

const tableSource: LiveOrderSource = {
  sheet: "Orders",
  table: "OrderLines",
  headerRow: 1,
  columns: {
    accountId: { header: "Customer ID", column: 2 },
    date: { header: "Invoice Date", column: 0 },
    orderId: { header: "Invoice No", column: 1 },
    revenue: { header: "Line Total", column: 9 },
    category: { header: "Category", column: 6 },
    quantity: { header: "Qty", column: 7 },
    sku: { header: "SKU", column: 4 },
  },
};

describe("KAP.METRICS over the order lines", () => {
  it("a table: structured references to its columns, as-of left to the last order date", () => {
    expect(metricsFormula(tableSource, "$A$8:$A$307", "$C$8:$C$307")).toBe(
      "KAP.METRICS($A$8:$A$307,OrderLines[[Customer ID]],OrderLines[[Invoice Date]],OrderLines[[Invoice No]],OrderLines[[Line Total]],OrderLines[[Category]],,OrderLines[[Qty]],,OrderLines[[SKU]],$C$8:$C$307)"
    );
  });

  it('a range: whole columns from below the header row, the sheet quoted; no order id or category → ""; a fixed as-of → DATE()', () => {
    const src: LiveOrderSource = {
      sheet: "Bob's 2026 orders",
      headerRow: 3,
      columns: {
        accountId: { header: "Customer", column: 2 },
        date: { header: "Date", column: 0 },
        revenue: { header: "Amount", column: 27 },
      },
      asOf: ymdToSerial(2026, 10, 31),
    };
    expect(metricsFormula(src, "$A$8:$A$9", "$C$8:$C$9")).toBe(
      "KAP.METRICS($A$8:$A$9,'Bob''s 2026 orders'!$C$4:$C$1048576,'Bob''s 2026 orders'!$A$4:$A$1048576,\"\",'Bob''s 2026 orders'!$AB$4:$AB$1048576,\"\",DATE(2026,10,31),,,,$C$8:$C$9)"
    );
    expect(sourceText(src)).toBe("'Bob''s 2026 orders'!A:AB");
    expect(sourceText(tableSource)).toBe("the table OrderLines");
  });

  it("every sheet name is quoted, apostrophes doubled", () => {
    expect(sheetPrefix("Orders")).toBe("'Orders'!");
    expect(sheetPrefix("'Q3' sales")).toBe("'''Q3'' sales'!");
  });

  it("table columns in double brackets, with [ ] # ' escaped by an apostrophe", () => {
    expect(tableColumnRef("T", "Qty [units]")).toBe("T[[Qty '[units']]]");
    expect(tableColumnRef("T", "#Ref")).toBe("T[['#Ref]]");
    expect(tableColumnRef("T", "O'Neil's account")).toBe("T[[O''Neil''s account]]");
    expect(tableColumnRef("T", "Total $ (net), £")).toBe("T[[Total $ (net), £]]");
  });

  it("a header that looks like a formula stays a column name inside the brackets", () => {
    const ref = tableColumnRef("T", '=HYPERLINK("http://x","y")');
    expect(ref).toBe('T[[=HYPERLINK("http://x","y")]]');
    // the whole reference is one bracketed specifier: nothing of it sits outside T[[…]]
    expect(ref.startsWith("T[[") && ref.endsWith("]]")).toBe(true);
    expect(
      orderColumnRef({ ...tableSource, table: "T" }, { header: "A]],HYPERLINK(1),T[[B", column: 0 })
    ).toBe("T[[A']'],HYPERLINK(1),T'['[B]]");
  });

  it("refuses a table name a formula cannot use, and a column name with a line break", () => {
    expect(() => tableColumnRef("My Orders", "Date")).toThrow(
      '"My Orders" is not an Excel table name.'
    );
    expect(() => tableColumnRef("A1", "Date")).toThrow("is not an Excel table name");
    expect(() => tableColumnRef("T", "Order\nDate")).toThrow("has a line break");
  });
});

describe("an input cell reads the spill by position", () => {
  it("INDEX over the spill reference, row by the cell's own row", () => {
    expect(spillCellFormula("$AK$8", 7)).toBe("INDEX($AK$8#,ROW()-ROW($AK$8)+1,7)");
  });
});
