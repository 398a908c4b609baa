/**
 * NetSuite's sub-customers, written "Parent : Child" (its hierarchy separator, a colon with a
 * space each side), are read the same in every layout: the account is the top-level parent, the
 * rest of the name its site, as NetSuite's own transaction search layout and QuickBooks'
 * "Parent:Job" read them; the summary says so. Before, a search without the Account column (no
 * layout) made each child an account of its own rolled into its parent, while the layout made it
 * a site: the same customers gave different accounts. A colon without the spaces says nothing.
 * Every figure is worked out by hand.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { subCustomerParts } from "../../src/ingest/customerHierarchy";
import { analyzeFile, linesOf } from "./fileAnalysis";

function fileOf(rows: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "kap-hierarchy-")), "sales.csv");
  writeFileSync(file, rows.join("\n"));
  return file;
}

/** Each line's account, site and revenue. */
async function sitesOf(path: string): Promise<[string, string, number][]> {
  return (await linesOf(path)).map((l) => [l.accountId, l.site ?? "", l.revenue]);
}

const SAID =
  '2 sub-customers written "Parent : Sub" (such as "Brightwell Group : Leeds") are rolled up into their parent customer (1 parent), each read as one of its sites.';

describe("NetSuite's Parent : Child customers give the same accounts in both layouts", () => {
  // the same five invoice lines, as a search with no Account column (no layout of its own)…
  const plain = [
    "Type,Date,Document Number,Name,Item,Qty,Amount",
    "Invoice,10/2/2026,INV1041,Brightwell Group : Leeds,CT100,10,45.00",
    "Invoice,10/5/2026,INV1042,Brightwell Group : York,CF15,50,40.00",
    "Invoice,10/8/2026,INV1043,Brightwell Group,CT100,2,9.00",
    "Invoice,10/15/2026,INV1047,Harbour Plumbing,CT100,4,18.00",
    // a colon without a space each side is no hierarchy
    "Invoice,10/16/2026,INV1048,Ref: 12 Ltd,CT100,1,4.50",
  ];
  // …and as NetSuite's transaction search (its Account column: the layout), each invoice's
  // main line on Accounts Receivable (45.00 + 9.00 tax = 54.00) and tax line beside its item line
  const layout = [
    "Type,Date,Document Number,Name,Item,Account,Quantity,Amount",
    "Invoice,10/2/2026,INV1041,Brightwell Group : Leeds,,Accounts Receivable,,54.00",
    "Invoice,10/2/2026,INV1041,Brightwell Group : Leeds,CT100,4000 Sales,10,45.00",
    "Invoice,10/2/2026,INV1041,Brightwell Group : Leeds,,Sales Tax Payable,,9.00",
    "Invoice,10/5/2026,INV1042,Brightwell Group : York,CF15,4000 Sales,50,40.00",
    "Invoice,10/8/2026,INV1043,Brightwell Group,CT100,4000 Sales,2,9.00",
    "Invoice,10/15/2026,INV1047,Harbour Plumbing,CT100,4000 Sales,4,18.00",
    "Invoice,10/16/2026,INV1048,Ref: 12 Ltd,CT100,4000 Sales,1,4.50",
  ];
  // by hand: Brightwell Group 45 (Leeds) + 40 (York) + 9 (itself) = 94; Harbour 18; Ref: 12 Ltd 4.50
  const accounts = { "Brightwell Group": 94, "Harbour Plumbing": 18, "Ref: 12 Ltd": 4.5 };
  const lines: [string, string, number][] = [
    ["Brightwell Group", "Leeds", 45],
    ["Brightwell Group", "York", 40],
    ["Brightwell Group", "", 9],
    ["Harbour Plumbing", "", 18],
    ["Ref: 12 Ltd", "", 4.5],
  ];

  it("no layout: the parent is the account, each child its site", async () => {
    const path = fileOf(plain);
    const { revenue, p, report } = await analyzeFile(path);
    expect(report.read?.layout).toBeUndefined();
    expect(revenue).toEqual(accounts);
    expect(p.accounts.every((a) => a.parentId === null)).toBe(true);
    expect(await sitesOf(path)).toEqual(lines);
    expect(report.warnings).toContain(SAID);
  });

  it("NetSuite's transaction search layout: the same accounts and sites, and 'Ref: 12 Ltd' is no sub-customer there either", async () => {
    const path = fileOf(layout);
    const { revenue, report } = await analyzeFile(path);
    expect(report.read!.layout).toBe("NetSuite transaction search");
    expect(revenue).toEqual(accounts);
    expect(await sitesOf(path)).toEqual(lines);
    expect(report.warnings).toContain(SAID);
  });

  it("three levels: the account is the top-level parent, the rest of the name the site", async () => {
    const path = fileOf([
      "Type,Date,Document Number,Name,Item,Qty,Amount",
      "Invoice,10/2/2026,INV1,Northgate : North : Leeds,CT100,10,45.00",
      "Invoice,10/5/2026,INV2,Northgate : North,CF15,50,40.00",
      "Invoice,10/18/2026,INV3,Northgate : South : Bristol,CT100,2,9.00",
    ]);
    const { revenue } = await analyzeFile(path);
    // 45 + 40 + 9 = 94, all Northgate's
    expect(revenue).toEqual({ Northgate: 94 });
    expect(await sitesOf(path)).toEqual([
      ["Northgate", "North : Leeds", 45],
      ["Northgate", "North", 40],
      ["Northgate", "South : Bristol", 9],
    ]);
  });
});

describe("subCustomerParts", () => {
  it("splits at the first ' : ' only", () => {
    expect(subCustomerParts("A : B : C")).toEqual({ parent: "A", site: "B : C" });
    expect(subCustomerParts("Acme:Leeds")).toBeUndefined();
    expect(subCustomerParts("Ref: 12")).toBeUndefined();
    expect(subCustomerParts(" : Leeds")).toBeUndefined();
    expect(subCustomerParts("Acme : ")).toBeUndefined();
  });
});
