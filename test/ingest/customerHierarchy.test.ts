/**
 * NetSuite's sub-customers, written "Parent : Child" (its hierarchy separator, a colon with a
 * space each side): each child is an account of its own, rolled into the parent named before
 * the last " : ", as an accounts table's parent column would roll it; the summary says so. A
 * colon without the spaces says nothing. Every figure is worked out by hand.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hierarchyParent, hierarchyParents } from "../../src/ingest/customerHierarchy";
import { analyzeFile } from "./fileAnalysis";

function fileOf(rows: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "kap-hierarchy-")), "sales.csv");
  writeFileSync(file, rows.join("\n"));
  return file;
}

describe("NetSuite's Parent : Child customers", () => {
  it("each child keeps its own row and rolls into its parent, which has lines of its own too", async () => {
    const { p, revenue, report } = await analyzeFile(
      fileOf([
        "Type,Date,Document Number,Name,Item,Qty,Amount",
        "Invoice,02/10/2026,INV1041,Brightwell Group : Leeds,CT100,10,45.00",
        "Invoice,05/10/2026,INV1042,Brightwell Group : York,CF15,50,40.00",
        "Invoice,08/10/2026,INV1043,Brightwell Group,CT100,2,9.00",
        "Invoice,15/10/2026,INV1047,Harbour Plumbing,CT100,4,18.00",
        // a colon without a space each side is no hierarchy
        "Invoice,16/10/2026,INV1048,Ref: 12 Ltd,CT100,1,4.50",
      ])
    );
    expect(revenue).toEqual({
      // its own 9.00 and its sites' 45.00 + 40.00
      "Brightwell Group": 94,
      "Brightwell Group : Leeds": 45,
      "Brightwell Group : York": 40,
      "Harbour Plumbing": 18,
      "Ref: 12 Ltd": 4.5,
    });
    const parentOf = Object.fromEntries(p.accounts.map((a) => [a.accountId, a.parentId]));
    expect(parentOf).toEqual({
      "Brightwell Group": null,
      "Brightwell Group : Leeds": "Brightwell Group",
      "Brightwell Group : York": "Brightwell Group",
      "Harbour Plumbing": null,
      "Ref: 12 Ltd": null,
    });
    expect(report.warnings).toContain(
      '2 customers are written "Parent : Child" (such as "Brightwell Group : Leeds"): each is an account of its own, rolled into its parent ("Brightwell Group"; 1 parent in all) as an accounts table\'s parent column would roll it.'
    );
  });

  it("three levels: the site rolls into its region, the region into the group, which has no lines", async () => {
    const { p, revenue } = await analyzeFile(
      fileOf([
        "Type,Date,Document Number,Name,Item,Qty,Amount",
        "Invoice,02/10/2026,INV1,Northgate : North : Leeds,CT100,10,45.00",
        "Invoice,05/10/2026,INV2,Northgate : North,CF15,50,40.00",
        "Invoice,08/10/2026,INV3,Northgate : South : Bristol,CT100,2,9.00",
      ])
    );
    // Leeds 45; North 40 + Leeds 45 = 85; Bristol 9; South (no lines) 9; Northgate 85 + 9 = 94
    expect(revenue).toEqual({
      Northgate: 94,
      "Northgate : North": 85,
      "Northgate : North : Leeds": 45,
      "Northgate : South": 9,
      "Northgate : South : Bristol": 9,
    });
    const parentOf = Object.fromEntries(p.accounts.map((a) => [a.accountId, a.parentId]));
    expect(parentOf["Northgate : South : Bristol"]).toBe("Northgate : South");
    expect(parentOf["Northgate : South"]).toBe("Northgate");
    expect(parentOf.Northgate).toBeNull();
  });
});

describe("hierarchyParents", () => {
  it("names the parent before the last ' : ' only", () => {
    expect(hierarchyParent("A : B : C")).toBe("A : B");
    expect(hierarchyParent("Acme:Leeds")).toBeUndefined();
    expect(hierarchyParent("Ref: 12")).toBeUndefined();
    expect(hierarchyParent(" : Leeds")).toBeUndefined();
    expect(hierarchyParent("Acme : ")).toBeUndefined();
  });

  it("a parent the accounts table gives wins; a table row without one takes the name's", () => {
    const h = hierarchyParents(
      ["Acme : Leeds", "Acme : York", "Bolt"],
      [
        { accountId: "Acme : Leeds", parentId: "Acme North", tier: "Gold" },
        { accountId: "Acme : York", tier: "Silver" },
      ]
    );
    expect(h.accounts).toEqual([
      { accountId: "Acme : Leeds", parentId: "Acme North", tier: "Gold" },
      { accountId: "Acme : York", parentId: "Acme", tier: "Silver" },
    ]);
    expect(h.children).toEqual(["Acme : York"]);
    expect(h.parents).toBe(1);
  });
});
