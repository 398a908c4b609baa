import { detectPartial, detectTable, detectWorkbook, matchFields } from "../../src/ingest/detect";
import { normaliseHeader, ORDER_FIELDS } from "../../src/ingest/fields";
import type { Grid } from "../../src/ingest/grid";
import {
  applyMapping,
  mappingFromJson,
  mappingToJson,
  MissingRoleError,
  requireComplete,
  requireRole,
  withUserChoices,
} from "../../src/ingest/mapping";

const col = (
  d: { mapping: { fields: { field: string; column: number }[] } } | undefined,
  field: string
) => d?.mapping.fields.find((f) => f.field === field)?.column;

describe("normaliseHeader", () => {
  it.each([
    ["Order_Date", "order date"],
    ["OrderDate", "order date"],
    ["  ORDER   DATE ", "order date"],
    ["CustomerID", "customer id"],
    ["Cust. No.", "cust no"],
    ["Revenue (£)", "revenue £"],
    ["A/C No", "a c no"],
    ["invoice-no", "invoice no"],
  ])("%s → %s", (h, want) => expect(normaliseHeader(h)).toBe(want));
});

describe("detectTable: order headers as real exports write them", () => {
  it("online-retail style (InvoiceNo, StockCode, InvoiceDate, CustomerID)", () => {
    const g: Grid = {
      name: "Online Retail",
      values: [
        [
          "InvoiceNo",
          "StockCode",
          "Description",
          "Quantity",
          "InvoiceDate",
          "UnitPrice",
          "CustomerID",
          "Country",
        ],
        ["536365", "85123A", "WHITE HANGING HEART", 6, 40513, 2.55, 17850, "United Kingdom"],
      ],
    };
    const d = detectTable(g)!;
    expect(d.role).toBe("orders");
    expect(d.mapping.headerRow).toBe(0);
    expect(col(d, "orderId")).toBe(0);
    expect(col(d, "sku")).toBe(1);
    expect(col(d, "productName")).toBe(2);
    expect(col(d, "quantity")).toBe(3);
    expect(col(d, "date")).toBe(4);
    expect(col(d, "unitPrice")).toBe(5);
    expect(col(d, "accountId")).toBe(6);
    expect(col(d, "revenue")).toBeUndefined();
    expect(d.headers).toEqual([
      "InvoiceNo",
      "StockCode",
      "Description",
      "Quantity",
      "InvoiceDate",
      "UnitPrice",
      "CustomerID",
      "Country",
    ]);
  });

  it("ERP export with snake_case, upper case and units in brackets", () => {
    const g: Grid = {
      name: "export",
      values: [
        [
          "CUST_NO",
          "CUSTOMER_NAME",
          "INV_DATE",
          "INV_NO",
          "PART_NO",
          "PRODUCT_GROUP",
          "QTY_SOLD",
          "NET_VALUE (GBP)",
          "CURR",
        ],
      ],
    };
    const d = detectTable(g)!;
    expect(d.role).toBe("orders");
    expect(Object.fromEntries(d.mapping.fields.map((f) => [f.field, f.header]))).toEqual({
      accountId: "CUST_NO",
      accountName: "CUSTOMER_NAME",
      date: "INV_DATE",
      orderId: "INV_NO",
      sku: "PART_NO",
      category: "PRODUCT_GROUP",
      quantity: "QTY_SOLD",
      revenue: "NET_VALUE (GBP)",
      currency: "CURR",
    });
    // "NET_VALUE (GBP)" only contains the synonym "net value": 0.7, the others are exact.
    expect(d.mapping.fields.find((f) => f.field === "revenue")!.confidence).toBe(0.7);
    expect(d.mapping.fields.find((f) => f.field === "date")!.confidence).toBe(1);
  });

  it("RULES.md examples: Account | Customer | Date | Order No | SKU | Product | Group | Units | Amount", () => {
    const d = detectTable({
      name: "s",
      values: [
        [
          "Account",
          "Customer",
          "Date",
          "Order No",
          "SKU",
          "Product",
          "Group",
          "Units",
          "Amount",
          "RRP",
          "Buyer",
          "Branch",
        ],
      ],
    })!;
    expect(d.mapping.fields.map((f) => f.field)).toEqual([
      "accountId",
      "accountName",
      "date",
      "orderId",
      "sku",
      "productName",
      "category",
      "quantity",
      "revenue",
      "listPrice",
      "orderedBy",
      "site",
    ]);
    // every header is an exact synonym: quality 1, coverage 12/6 capped at 1 → 0.5·1 + 0.5·1 = 1
    expect(d.confidence).toBe(1);
  });

  it('prefers "Order Date" over "Delivery Date" for the order date', () => {
    const d = detectTable({
      name: "s",
      values: [["Delivery Date", "Customer ID", "Order Date", "SKU", "Qty", "Revenue"]],
    })!;
    expect(col(d, "date")).toBe(2);
  });

  it("finds the header on row 5 under a title, a subtitle and a blank row", () => {
    const g: Grid = {
      name: "Sales",
      values: [
        ["Sales ledger — all customers", null, null, null, null],
        ["Printed 03/04/2025", null, null, null, null],
        [null, null, null, null, null],
        ["Filter: none", null, null, null, null],
        ["Cust No", "Invoice Date", "Stock Code", "Qty", "Line Total"],
        ["A1", 45658, "CT-100", 5, 12.5],
      ],
    };
    const d = detectTable(g)!;
    expect(d.mapping.headerRow).toBe(4);
    expect(d.dataRows).toBe(1);
    expect(col(d, "accountId")).toBe(0);
    expect(col(d, "revenue")).toBe(4);
  });

  it("tells the optional tables apart", () => {
    expect(
      detectTable({
        name: "a",
        values: [
          ["Account No", "Account Name", "Tier", "Industry", "Account Manager", "Credit Hold"],
        ],
      })!.role
    ).toBe("accounts");
    expect(
      detectTable({
        name: "c",
        values: [
          ["SKU", "Product Name", "Category", "Product Line", "List Price", "Premium Alternative"],
        ],
      })!.role
    ).toBe("catalog");
    expect(
      detectTable({
        name: "p",
        values: [
          ["Account", "Name", "Role", "Influence", "Relationship Strength", "Feeling about us"],
        ],
      })!.role
    ).toBe("contacts");
    expect(
      detectTable({
        name: "x",
        values: [["They buy", "Consider selling", "Rationale", "Priority"]],
      })!.role
    ).toBe("crossSell");
    expect(detectTable({ name: "r", values: [["Currency", "Rate"]] })!.role).toBe("rates");
  });

  it("returns undefined for a sheet with no recognisable header row", () => {
    expect(
      detectTable({ name: "notes", values: [["Meeting notes"], ["Call Bob on Monday"]] })
    ).toBeUndefined();
    expect(detectTable({ name: "empty", values: [] })).toBeUndefined();
  });

  it("a header cell is used for one field only", () => {
    const m = matchFields(["Customer", "Date", "Item", "Qty", "Value"], ORDER_FIELDS);
    const cols = m.map((f) => f.column);
    expect(new Set(cols).size).toBe(cols.length);
  });
});

describe("detectWorkbook", () => {
  it("picks the best grid per role; an Excel table beats a plain range on a tie", () => {
    const plain: Grid = {
      name: "Copy",
      values: [
        ["Customer ID", "Order Date", "SKU", "Qty", "Revenue"],
        ["A", 45658, "X", 1, 1],
      ],
    };
    const table: Grid = {
      name: "Orders",
      tableName: "tblOrders",
      values: [["Customer ID", "Order Date", "SKU", "Qty", "Revenue"]],
    };
    const weak: Grid = {
      name: "Weak",
      values: [["Cust Ref (old)", "Date of order", "Item code", "Qty", "Amount"]],
    };
    const rates: Grid = {
      name: "FX",
      values: [
        ["Currency", "Rate"],
        ["EUR", 0.85],
      ],
    };
    const found = detectWorkbook([weak, plain, table, rates]);
    expect(found.orders!.mapping.sheet).toBe("Orders");
    expect(found.orders!.mapping.table).toBe("tblOrders");
    expect(found.rates!.mapping.sheet).toBe("FX");
    expect(found.accounts).toBeUndefined();
  });
});

describe("detectWorkbook over a whole workbook", () => {
  it("finds each role on its own sheet, headers below titles included", () => {
    const found = detectWorkbook([
      { name: "Orders", values: [["Date", "Account", "SKU", "Qty", "Line Total"]] },
      {
        name: "Accounts",
        values: [
          ["Account exported"],
          [],
          ["Account No", "Account Name", "Tier", "Industry", "Parent Account"],
        ],
      },
      {
        name: "Catalog",
        values: [
          ["SKU", "Product Name", "Category", "Product Line", "List Price", "Premium Alternative"],
        ],
      },
      { name: "Contacts", values: [["Account No", "Name", "Role", "Influence"]] },
      { name: "Notes", values: [["Anything", "else"]] },
    ]);
    expect(
      Object.fromEntries(Object.entries(found).map(([r, d]) => [r, d!.mapping.sheet]))
    ).toEqual({ orders: "Orders", accounts: "Accounts", catalog: "Catalog", contacts: "Contacts" });
    expect(found.accounts!.mapping.headerRow).toBe(2);
  });
});

describe("missing roles", () => {
  const grid: Grid = {
    name: "Sales",
    values: [
      ["Cust", "When", "Item", "Qty", "Value"],
      ["A", "yesterday", "X", 1, 2],
    ],
  };

  it("names the missing field, the headers found and how to map it", () => {
    expect(detectTable(grid)).toBeUndefined();
    let err: unknown;
    try {
      requireRole(grid, "orders");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MissingRoleError);
    const e = err as MissingRoleError;
    expect(e.role).toBe("orders");
    // "Cust" is not a synonym of account: account id or name is missing too.
    expect(e.message).toContain(
      'No columns for "account ID" (or "account name") and "order date" were found in the order lines on "Sales".'
    );
    expect(e.message).toContain("Headers found: Cust, When, Item, Qty, Value.");
    expect(e.message).toContain(
      'Choose the account-ID and order-date columns in the task pane\'s mapping, or rename them to "Customer ID" and "Order Date".'
    );
    expect(e.missing).toEqual(["account ID or account name", "order date"]);
    expect(e.headersFound).toEqual(["Cust", "When", "Item", "Qty", "Value"]);
  });

  it("a single missing field reads as the brief asks", () => {
    const g: Grid = { name: "Sales", values: [["Customer", "When", "Item", "Qty", "Value"]] };
    expect(() => requireRole(g, "orders")).toThrow(
      'No column for "order date" was found in the order lines on "Sales". Headers found: Customer, When, Item, Qty, Value. Choose the order-date column in the task pane\'s mapping, or rename it to "Order Date".'
    );
  });

  it("detectPartial finds the near miss so the user can finish the mapping", () => {
    const d = detectPartial(grid, "orders")!;
    expect(d.mapping.headerRow).toBe(0);
    expect(d.mapping.fields.map((f) => f.field).sort()).toEqual(["quantity", "revenue", "sku"]);
    // the user maps Cust and When by hand: now complete
    const fixed = withUserChoices(d.mapping, d.headers, { accountId: "Cust", date: "When" });
    expect(() => requireComplete(fixed, d.headers)).not.toThrow();
    expect(fixed.fields.find((f) => f.field === "date")).toEqual({
      field: "date",
      column: 1,
      header: "When",
      confidence: 1,
    });
  });

  it("a user choice takes the column from a guessed field", () => {
    const d = detectTable({
      name: "s",
      values: [["Customer ID", "Order Date", "SKU", "Qty", "Revenue", "Net"]],
    })!;
    const m = withUserChoices(d.mapping, d.headers, { revenue: "Net" });
    expect(m.fields.find((f) => f.field === "revenue")!.column).toBe(5);
    // No product column is needed any more (RULES.md §1: invoice-level files are analysed too); a line value is.
    const m2 = withUserChoices(d.mapping, d.headers, { revenue: undefined });
    expect(m2.fields.find((f) => f.field === "revenue")).toBeUndefined();
    expect(() => requireComplete(m2, d.headers)).toThrow(
      /No column for "line revenue" \(or "unit price"\)/
    );
    expect(() =>
      requireComplete(withUserChoices(d.mapping, d.headers, { sku: undefined }), d.headers)
    ).not.toThrow();
  });
});

describe("mapping round trip and re-application", () => {
  const grid: Grid = {
    name: "Orders",
    values: [["Customer ID", "Order Date", "SKU", "Qty", "Revenue"]],
  };

  it("survives JSON unchanged", () => {
    const m = detectTable(grid)!.mapping;
    const back = mappingFromJson(mappingToJson(m));
    expect(back).toEqual(m);
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });

  it("rejects text that is not a mapping, in words", () => {
    expect(() => mappingFromJson("{oops")).toThrow(
      "The saved column mapping is not readable; map the columns again in the task pane."
    );
    expect(() => mappingFromJson('{"role":"orders"}')).toThrow(/incomplete/);
    expect(() => mappingFromJson('{"role":"bogus","sheet":"s","headerRow":0,"fields":[]}')).toThrow(
      /incomplete/
    );
  });

  it("follows the headers when rows are inserted above and columns move", () => {
    const saved = mappingFromJson(mappingToJson(detectTable(grid)!.mapping));
    const moved: Grid = {
      name: "Orders",
      values: [["Q1 orders"], [], ["Revenue", "SKU", "Notes", "Customer ID", "Qty", "Order Date"]],
    };
    const m = applyMapping(moved, saved);
    expect(m.headerRow).toBe(2);
    expect(Object.fromEntries(m.fields.map((f) => [f.field, f.column]))).toEqual({
      accountId: 3,
      date: 5,
      sku: 1,
      quantity: 4,
      revenue: 0,
    });
  });

  it("says which saved header is gone", () => {
    const saved = detectTable(grid)!.mapping;
    const renamed: Grid = {
      name: "Orders",
      values: [["Customer ID", "Invoice Date", "SKU", "Qty", "Revenue"]],
    };
    expect(() => applyMapping(renamed, saved)).toThrow(
      'The saved column mapping for "Orders" no longer fits: "Order Date" (order date) is not there any more. Headers now: Customer ID, Invoice Date, SKU, Qty, Revenue. Check the column mapping in the task pane.'
    );
  });
});

describe("Xero-style reports: Contact is the customer, Account the ledger beside its code (tester's repro: 2 accounts, Sales and Freight)", () => {
  const fieldOf = (headers: string[]) => {
    const m = matchFields(headers, ORDER_FIELDS);
    return Object.fromEntries(m.map((x) => [x.header, x.field]));
  };

  it("reads Contact as the customer and leaves Account (Sales, Freight) beside Account Code alone", () => {
    const f = fieldOf([
      "Date",
      "Contact",
      "Reference",
      "Description",
      "Account",
      "Account Code",
      "Net",
    ]);
    expect(f["Contact"]).toBe("accountName");
    expect(f["Account"]).toBeUndefined();
    expect(f["Account Code"]).toBeUndefined();
  });

  it("still reads Account as the customer with no ledger code beside it, and Contact as who ordered when there is a customer", () => {
    expect(fieldOf(["Date", "Account", "SKU", "Qty", "Value"])["Account"]).toBe("accountId");
    const f = fieldOf(["Date", "Customer", "Contact", "SKU", "Qty", "Value"]);
    expect(f["Customer"]).toBe("accountName");
    expect(f["Contact"]).toBe("orderedBy");
  });
});

describe("long text among the first rows (a note or description, not a header)", () => {
  // A note of about 1.2 MB that names fields word for word: "customer", "sku", "qty" …
  const note = "call customer before delivery, sku and qty on the invoice date. ".repeat(20_000);

  it("a note in the first data rows leaves the header row and its columns as they are", () => {
    const grid: Grid = {
      name: "Sales",
      values: [
        ["Invoice Date", "Customer", "SKU", "Qty", "Line Total", "Notes"],
        [45500, "Acme", "A1", 2, 10, note],
        [45501, "Bolt Co", "B2", 1, 5, note],
      ],
    };
    const d = detectTable(grid);
    expect(d?.role).toBe("orders");
    expect(d?.mapping.headerRow).toBe(0);
    expect(col(d, "date")).toBe(0);
    expect(col(d, "accountName")).toBe(1);
    expect(col(d, "sku")).toBe(2);
    expect(col(d, "quantity")).toBe(3);
    expect(col(d, "revenue")).toBe(4);
  });

  it("a cell over 255 characters is never read as a column name, nor listed as a header found", () => {
    const long = `Customer ${"x".repeat(260)}`;
    const grid: Grid = { name: "Sales", values: [[long, "Order Date", "SKU", "Qty", "Value"]] };
    // without it there is no account column: the message lists the four short headers
    expect(detectTable(grid)).toBeUndefined();
    expect(() => requireRole(grid, "orders")).toThrow(
      "Headers found: Order Date, SKU, Qty, Value."
    );
    // 255 characters is still a header
    const longest = `Customer ${"x".repeat(246)}`;
    expect(longest.length).toBe(255);
    const ok: Grid = { name: "Sales", values: [[longest, "Order Date", "SKU", "Qty", "Value"]] };
    expect(col(detectTable(ok), "accountName")).toBe(0);
  });

  it("a saved mapping is found again with a long note in the rows above its header", () => {
    const grid: Grid = {
      name: "Sales",
      values: [
        ["Invoice Date", "Customer", "SKU", "Qty", "Line Total"],
        [45500, "Acme", "A1", 2, 10],
      ],
    };
    const saved = detectTable(grid)!.mapping;
    const moved: Grid = { name: "Sales", values: [[note, "x"], ...grid.values] };
    expect(applyMapping(moved, saved).headerRow).toBe(1);
  });
});
