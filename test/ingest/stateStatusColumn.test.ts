/**
 * A "State" or "Estatus" column is the document's status when its values are statuses (Sage
 * Intacct's sales transactions: Draft, Posted, Closed), and a place when they are places (a US
 * state, CA or NY). A tester found Intacct's "STATE" unread: its Draft invoice counted as a sale.
 * Figures worked out by hand, as of 2026-10-31.
 */
import { detectTable } from "../../src/ingest/detect";
import { checkOrderColumns } from "../../src/ingest/plausible";
import { analyzeFile, csvFile } from "./fileAnalysis";

const VOID = "cancelled, voided, refunded or draft order";

const fileOf = (lines: string[]): string => csvFile(lines, "lines.csv");

const skippedOf = (skipped: readonly { rule: string; rows: number; revenue: number | null }[]) =>
  Object.fromEntries(skipped.map((s) => [s.rule, [s.rows, s.revenue]]));

test.each(["STATE", "State", "Estatus"])(
  'Intacct\'s "%s" of Draft and Posted: the draft invoice is no sale, said with its value',
  async (header) => {
    const { report, revenue } = await analyzeFile(
      fileOf([
        `TRANSACTIONTYPE,DOCUMENTNO,DATE,CUSTOMER_ID,CUSTOMER_NAME,${header},ITEMID,QUANTITY,PRICE,TOTAL,CURRENCY`,
        "Sales Invoice,INV-1,03/02/2026,C1,Acme Corp,Posted,W1,2,100.00,200.00,USD",
        "Sales Invoice,INV-2,04/02/2026,C1,Acme Corp,Draft,W1,5,100.00,500.00,USD",
        "Sales Invoice,INV-3,05/02/2026,C2,Beta LLC,Closed,W2,1,80.00,80.00,USD",
        "Sales Return,RET-1,06/02/2026,C1,Acme Corp,Posted,W1,1,100.00,100.00,USD",
      ])
    );
    // Acme: INV-1 200 − RET-1 100 = 100 (INV-2, a draft, is no sale: 500 said); Beta: 80
    expect(revenue).toEqual({ C1: 100, C2: 80 });
    expect(report.returns).toBe(1);
    expect(skippedOf(report.skipped)).toEqual({ [VOID]: [1, 500] });
  }
);

test('a "State" of US states is no status: every invoice is a sale', async () => {
  const { report, revenue } = await analyzeFile(
    fileOf([
      "Invoice No,Invoice Date,Customer,State,Amount",
      "1001,2026-03-02,Acme Corp,CA,200.00",
      "1002,2026-04-02,Acme Corp,NY,500.00",
      "1003,2026-05-02,Beta LLC,OR,80.00",
    ])
  );
  // 200 + 500 = 700; 80
  expect(revenue).toEqual({ "Acme Corp": 700, "Beta LLC": 80 });
  expect(report.skipped).toEqual([]);
});

test('the status column: "State" of Draft and Posted is; "State" of CA and NY is not', () => {
  const statusOf = (values: string[]) => {
    const headers = ["Invoice No", "Invoice Date", "Customer", "State", "Amount"];
    const rows = values.map((v, i) => [`${i}`, "2026-03-02", "Acme Corp", v, "10.00"]);
    const d = detectTable({ name: "s", values: [headers, ...rows] })!;
    const checked = checkOrderColumns(d.mapping, rows, { headers });
    return checked.mapping.fields.find((f) => f.field === "orderStatus")?.header;
  };
  expect(statusOf(["Posted", "Draft", "Posted"])).toBe("State");
  expect(statusOf(["CA", "NY", "TX"])).toBeUndefined();
});
