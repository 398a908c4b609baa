/**
 * The engagement log and the payments ledger (RULES.md §1): recognised from their headers in
 * the spellings real exports use, parsed with times kept (log) and unpaid invoices read as such
 * (ledger); bad rows are skipped and counted with a reason.
 */
import { ymdToSerial } from "../../src/domain/dates";
import { detectTable, detectWorkbook } from "../../src/ingest/detect";
import type { Cell, Grid } from "../../src/ingest/grid";
import {
  parseContactType,
  parseDirection,
  parseEngagementLog,
  parsePayments,
} from "../../src/ingest/tables";
import { parseDateTime } from "../../src/ingest/values";

const _ = null;
const grid = (name: string, values: Cell[][]): Grid => ({ name, values });
const D = (y: number, m: number, d: number) => ymdToSerial(y, m, d);

describe("parseDateTime keeps the time of day", () => {
  it.each([
    ["31/10/2026 14:30", D(2026, 10, 31) + 14.5 / 24],
    ["2026-10-31T09:15:00", D(2026, 10, 31) + 9.25 / 24],
    ["31 Oct 2026 2:30 PM", D(2026, 10, 31) + 14.5 / 24],
    ["31/10/2026 12:00 am", D(2026, 10, 31)],
    ["31/10/2026", D(2026, 10, 31)],
  ])("%p", (text, serial) => {
    expect(parseDateTime(text)).toBeCloseTo(serial, 9);
  });

  it("a number keeps its fraction; a JS Date its UTC time; junk is undefined", () => {
    expect(parseDateTime(46326.75)).toBe(46326.75);
    expect(parseDateTime(new Date(Date.UTC(2026, 9, 31, 18, 0)))).toBeCloseTo(
      D(2026, 10, 31) + 0.75,
      9
    );
    expect(parseDateTime("tomorrow")).toBeUndefined();
  });
});

describe("engagement log", () => {
  const values: Cell[][] = [
    ["Engagement log", _, _, _, _, _, _, _],
    ["Date", "Account", "Contact", "Type", "Direction", "Topic", "Follow-up", "Responded on"],
    /* 3 */ [
      "15/01/2026 09:00",
      "A1",
      "John Smith",
      "Call",
      "Outbound",
      "Quarterly check-in",
      "Sample pack sent",
      "16/01/2026 10:00",
    ],
    /* 4 */ [
      "22/01/2026",
      "A1",
      "John Smith",
      "Email",
      "out",
      "New product launch",
      "Awaiting response",
      _,
    ],
    /* 5 */ [
      "28/01/2026",
      "A1",
      "Sarah Jones",
      "e-mail",
      "Inbound",
      "Invoice query",
      "Resolved",
      _,
    ],
    /* 6 */ ["03/02/2026", "A2", _, "Teams meeting", "From customer", _, _, _],
    /* 7 */ ["04/02/2026", _, "Nobody", "Call", "Outbound", _, _, _],
    /* 8 */ ["someday", "A2", _, "Call", "Outbound", _, _, _],
    /* 9 */ ["10/02/2026", "A2", _, "Visit", "Outbound", _, _, "01/02/2026"],
    /* 10 */ ["11/02/2026", "A2", _, "Fax", _, _, _, "pending"],
  ];
  const d = detectTable(grid("Engagement", values))!;
  const { records, rejected } = parseEngagementLog(d.mapping, values, 1);

  it("is recognised as the engagement log, header on row 2, every column mapped", () => {
    expect(d.role).toBe("engagement");
    expect(d.mapping.headerRow).toBe(1);
    expect(d.mapping.fields.map((f) => f.field).sort()).toEqual([
      "accountId",
      "contact",
      "date",
      "direction",
      "followUp",
      "respondedOn",
      "topic",
      "type",
    ]);
  });

  it("reads a full row with the times kept: called 09:00, answered next day 10:00 = 25 h", () => {
    const r = records[0];
    expect(r).toMatchObject({
      accountId: "A1",
      contact: "John Smith",
      type: "call",
      direction: "outbound",
      topic: "Quarterly check-in",
      followUp: "Sample pack sent",
      row: 3,
    });
    expect((r.respondedOn! - r.at) * 24).toBeCloseTo(25, 6);
  });

  it("normalises type and direction spellings", () => {
    expect(records.map((r) => [r.type, r.direction])).toEqual([
      ["call", "outbound"],
      ["e-mail", "outbound"],
      ["e-mail", "inbound"],
      ["meeting", "inbound"],
      [undefined, undefined],
    ]);
    expect(records[4].typeText).toBe("Fax");
    expect(records[4].respondedOn).toBeUndefined(); // "pending" is no response
  });

  it("skips and counts rows with no account, no date, or a response before the contact", () => {
    expect(rejected).toEqual([
      { reason: "no account", count: 1, rows: [7] },
      { reason: "no readable date", count: 1, rows: [8] },
      { reason: "response dated before the contact", count: 1, rows: [9] },
    ]);
  });

  it("the methodology's own log (Date | Contact | Type | Topic | Follow-up) with an account column is recognised", () => {
    const g = grid("Log", [
      ["Account No", "Date", "Contact", "Type", "Topic", "Follow-up"],
      ["A1", "15/01/2026", "John Smith", "Call", "Check-in", "Sample pack sent"],
    ]);
    expect(detectTable(g)?.role).toBe("engagement");
  });

  it.each([
    ["Phone call", "call"],
    ["Rang", "call"],
    ["E-mail", "e-mail"],
    ["Site visit", "visit"],
    ["Zoom", "meeting"],
    ["Letter", undefined],
  ])("type %p → %p", (text, type) => {
    expect(parseContactType(text)).toBe(type);
  });

  it.each([
    ["Inbound", "inbound"],
    ["IN", "inbound"],
    ["Incoming", "inbound"],
    ["Customer initiated", "inbound"],
    ["Outbound", "outbound"],
    ["Out", "outbound"],
    ["Outgoing", "outbound"],
    ["Us", "outbound"],
    ["sideways", undefined],
  ])("direction %p → %p", (text, dir) => {
    expect(parseDirection(text)).toBe(dir);
  });
});

describe("payments ledger", () => {
  it("an invoice list: invoice no, account, invoice date, due date, paid date, amount; unpaid rows read as unpaid", () => {
    const values: Cell[][] = [
      ["Invoice No", "Account", "Invoice Date", "Due Date", "Paid Date", "Amount"],
      /* 2 */ ["INV-1", "A1", "01/09/2026", "01/10/2026", "05/10/2026", "£1,200.00"],
      /* 3 */ ["INV-2", "A1", "15/09/2026", "15/10/2026", _, 300],
      /* 4 */ ["INV-3", "A2", _, "20/10/2026", "Unpaid", 50],
      /* 5 */ ["INV-4", _, "01/09/2026", "01/10/2026", _, 10],
      /* 6 */ ["INV-5", "A2", _, _, _, 10],
      /* 7 */ ["INV-6", "A2", "01/09/2026", "01/10/2026", _, "tbc"],
      /* 8 */ ["Total", _, _, _, _, 1570],
    ];
    const d = detectTable(grid("Invoices", values))!;
    expect(d.role).toBe("payments");
    const { records, rejected } = parsePayments(d.mapping, values, 1);
    expect(records).toEqual([
      {
        accountId: "A1",
        invoiceNo: "INV-1",
        invoiceDate: D(2026, 9, 1),
        dueDate: D(2026, 10, 1),
        paidDate: D(2026, 10, 5),
        amount: 1200,
        row: 2,
      },
      {
        accountId: "A1",
        invoiceNo: "INV-2",
        invoiceDate: D(2026, 9, 15),
        dueDate: D(2026, 10, 15),
        paidDate: undefined,
        amount: 300,
        row: 3,
      },
      {
        accountId: "A2",
        invoiceNo: "INV-3",
        invoiceDate: undefined,
        dueDate: D(2026, 10, 20),
        paidDate: undefined,
        amount: 50,
        row: 4,
      },
    ]);
    expect(rejected).toEqual([
      { reason: "no account", count: 1, rows: [5] },
      { reason: "no due date or invoice date", count: 1, rows: [6] },
      { reason: "no amount", count: 1, rows: [7] },
    ]);
  });

  it.each([
    [
      "Sage aged debtors / invoice list",
      ["A/C Ref", "Name", "Inv No", "Inv Date", "Due Date", "Date Paid", "Gross"],
    ],
    [
      "Xero receivable invoices",
      [
        "ContactName",
        "InvoiceNumber",
        "InvoiceDate",
        "DueDate",
        "FullyPaidOnDate",
        "Total",
        "AmountDue",
      ],
    ],
    [
      "SAP clearing",
      ["Customer", "Document Number", "Document Date", "Net Due Date", "Clearing Date", "Amount"],
    ],
    ["plain", ["Customer ID", "Invoice", "Date", "Due", "Paid", "Value"]],
  ])(
    "%p headers are a payments ledger with account, due date, paid date and amount",
    (_name, headers) => {
      const d = detectTable(grid("Ledger", [headers, headers.map(() => "x")]))!;
      expect(d.role).toBe("payments");
      const got = new Set(d.mapping.fields.map((f) => f.field));
      for (const f of ["dueDate", "paidDate", "amount"]) expect(got.has(f)).toBe(true);
      expect(got.has("accountId") || got.has("accountName")).toBe(true);
    }
  );

  it("an invoice list with no paid-date column is not a payments ledger (every invoice would look unpaid)", () => {
    expect(
      detectTable(
        grid("Open items", [
          ["Customer", "Invoice No", "Invoice Date", "Due Date", "Amount"],
          ["A", "1", "01/01/2026", "31/01/2026", 5],
        ]),
        "payments"
      )
    ).toBeUndefined();
  });

  it("month-first dates are read month-first when the column says so (a first field over 12)", () => {
    const values: Cell[][] = [
      ["Account", "Invoice Date", "Due Date", "Paid Date", "Amount"],
      ["A1", "09/15/2026", "10/15/2026", "10/01/2026", 10],
    ];
    const d = detectTable(grid("Ledger", values))!;
    expect(parsePayments(d.mapping, values).records[0]).toMatchObject({
      invoiceDate: D(2026, 9, 15),
      dueDate: D(2026, 10, 15),
      paidDate: D(2026, 10, 1),
    });
  });
});

describe("a workbook with every table: each finds its own role", () => {
  it("orders, accounts, contacts, engagement log and payments ledger side by side", () => {
    const found = detectWorkbook([
      grid("Orders", [
        [
          "Invoice Date",
          "Invoice No",
          "Customer ID",
          "Customer",
          "SKU",
          "Description",
          "Category",
          "Qty",
          "Unit Price",
          "Line Total",
          "Ordered By",
          "Site",
        ],
      ]),
      grid("Accounts", [
        [
          "Account No",
          "Account Name",
          "Parent Account",
          "Tier",
          "Industry",
          "Primary Contact",
          "Email",
          "Phone",
          "Account Manager",
          "Credit Terms",
          "Credit Limit",
          "Engagement",
          "Avg Days Beyond Terms",
          "Credit Hold",
        ],
      ]),
      grid("Contacts", [["Account No", "Name", "Role", "Influence", "Relationship", "Feeling"]]),
      grid("Engagement Log", [
        ["Date", "Account", "Contact", "Type", "Direction", "Topic", "Follow-up", "Responded On"],
      ]),
      grid("Invoices", [
        ["Invoice No", "Account No", "Invoice Date", "Due Date", "Paid Date", "Amount"],
      ]),
    ]);
    expect(
      Object.fromEntries(Object.entries(found).map(([role, d]) => [role, d!.mapping.sheet]))
    ).toEqual({
      orders: "Orders",
      accounts: "Accounts",
      contacts: "Contacts",
      engagement: "Engagement Log",
      payments: "Invoices",
    });
  });
});
