/**
 * French Sage 100 (and Cegid) sales documents: the customer is the third party, "tiers". Every
 * expected figure is worked out by hand from the file; as of 2026-10-31.
 */
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const DIR = join(__dirname, "../fixtures/tester");

describe("French Sage 100 sales documents", () => {
  it("the customer is the third party ('N° compte tiers', 'Intitulé tiers'); quotes, orders and delivery notes are no sales", async () => {
    const { report, revenue, orders, names } = await analyzeFile(
      join(DIR, "fr-sage100-compte-tiers.csv")
    );
    // CMART: FA00101 45,00 + FA00140 42,00 = 87,00 (DE00012 a quote of 2 250,00, BC00031 an order
    // and BL00040 a delivery note of the same 100 ties FA00101 bills)
    // CDUR: FA00120 40,00 − AV00007 4,00 (an Avoir) = 36,00
    expect(revenue).toEqual({ CMART: 87, CDUR: 36 });
    expect(orders).toEqual({ CMART: 2, CDUR: 1 });
    expect(names).toEqual({ CMART: "Électricité Martin", CDUR: "Plomberie Durand" });
    expect(report.returns).toBe(1);
    expect(report.rejected).toEqual([
      { reason: "not a sale (a quote, sales order or delivery note)", count: 3, rows: [2, 3, 4] },
    ]);
  });
});
