/**
 * A credit note typed by hand often spells the product code or the category in another letter
 * case ("gl-1", "gloves" against the invoice's "GL-1", "Gloves"): it is the same product and
 * category, so a category returned in full is still not bought (case 16's kind). Worked by hand,
 * as of 2026-10-31.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "../ingest/fileAnalysis";

const dir = mkdtempSync(join(tmpdir(), "kap-spellings-"));

function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

describe("product codes and categories spelled in another case are one", () => {
  const path = file("returned-gloves-lower-case.csv", [
    "Customer ID,Order Date,Order No,SKU,Description,Category,Qty,Revenue",
    "R1,2026-06-03,SO-1,CT-1,Cable ties 200mm,Cable Ties,10,100",
    "R1,2026-07-08,SO-2,CC-1,Cable clips 10mm,Cable Clips,5,50",
    "R1,2026-09-15,SO-3,GL-1,Nitrile gloves L,Gloves,20,200",
    "R1,2026-09-22,CN-1,gl-1,Nitrile gloves L (returned),gloves,-20,-200",
    "R1,2026-10-06,SO-4,CT-1,Cable ties 200mm,Cable Ties,10,100",
    "R1,2026-10-06,SO-4,IT-1,Insulation tape,Tape,4,20",
    "R2,2026-10-01,SO-5,CT-1,Cable ties 200mm,Cable Ties,10,100",
    "R3,2026-10-02,SO-6,GL-1,Nitrile gloves L,Gloves,20,200",
    "R3,2026-10-02,SO-6,CT-1,Cable ties 200mm,cable  ties,10,100",
  ]);

  it("R1 returned all its gloves: 3 categories (Cable Ties, Cable Clips, Tape) and 3 products, Diversity 3", async () => {
    const { p } = await analyzeFile(path);
    const r1 = p.accounts.find((a) => a.accountId === "R1")!;
    expect([...r1.categoriesLast12].sort()).toEqual(["Cable Clips", "Cable Ties", "Tape"]);
    expect(r1.health.inputs.productsLast12).toBe(3);
    expect(r1.health.factors.diversity).toBe(3);
  });

  it("R2's Gloves gap is valued at £200 from R3 alone, the one account that really buys Gloves", async () => {
    const { p } = await analyzeFile(path);
    const r2 = p.accounts.find((a) => a.accountId === "R2")!;
    expect(r2.whitespace.gaps.find((g) => g.category === "Gloves")).toMatchObject({
      comparableBuyers: 1,
      medianSpend: 200,
    });
    // R3's "cable  ties" is Cable Ties: no gap there, and no "cable  ties" category anywhere
    expect(p.accounts.flatMap((a) => a.categoriesLast12)).not.toContain("cable  ties");
  });

  it("says which spellings were read as one", async () => {
    const { report } = await analyzeFile(path);
    expect(report.warnings).toContain(
      '1 product code is written in more than one way ("GL-1" and "gl-1"): read as one product, under its first spelling.'
    );
    expect(report.warnings).toContain(
      '2 categories are written in more than one way ("Gloves" and "gloves"; "Cable Ties" and "cable  ties"): each read as one category, under its first spelling.'
    );
  });
});
