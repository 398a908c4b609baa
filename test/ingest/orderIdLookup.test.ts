/**
 * An order's line listed again further down with its customer left blank (an adjustment or a
 * carriage line appended at the bottom of a flat export, under its invoice number). Before, it
 * was skipped as "no account"; now it is its order's when the lines above gave that order id to
 * exactly one customer: a lookup by id, not the row above (which is another order's). An id no
 * line above names, or names with two customers, leaves the line with no account, and the user is
 * told which. Every figure is worked out by hand from the rows.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";
import fc from "fast-check";
import { OrderAccounts, type OrderIdMatch } from "../../src/ingest/orderAccounts";

const dir = mkdtempSync(join(tmpdir(), "kap-order-id-"));
let files = 0;
function fileOf(rows: string[]): string {
  const file = join(dir, `orders-${++files}.csv`);
  writeFileSync(file, rows.join("\n"));
  return file;
}

const HEADER = "Customer,Date,Invoice,Product,Qty,Amount";
const FLAT = [
  HEADER,
  "Acme Ltd,2026-03-02,INV-1,Bolts,10,50.00",
  "Acme Ltd,2026-03-02,INV-1,Nuts,5,12.50",
  "Baxter plc,2026-03-04,INV-2,Bolts,2,10.00",
  "Acme Ltd,2026-04-10,INV-3,Washers,20,8.00",
  "Baxter plc,2026-04-12,INV-4,Nuts,4,10.00",
];

describe("a line of an earlier order with its customer blank", () => {
  it("is its order's customer's by the order id, not the row above's", async () => {
    const { report, revenue, orders } = await analyzeFile(
      fileOf([
        ...FLAT,
        // under Baxter's INV-4, but INV-1 is Acme's: a price adjustment (a return of 5.00)
        ",2026-04-30,INV-1,Price adjustment,1,-5.00",
        // INV-2 is Baxter's: its carriage
        ",2026-04-30,INV-2,Carriage,1,3.00",
      ])
    );
    // Acme: 50.00 + 12.50 (INV-1) + 8.00 (INV-3) − 5.00 (INV-1's adjustment) = 65.50, 2 orders;
    // Baxter: 10.00 (INV-2) + 10.00 (INV-4) + 3.00 (INV-2's carriage) = 23.00, 2 orders
    expect(revenue).toEqual({ "Acme Ltd": 65.5, "Baxter plc": 23 });
    expect(orders).toEqual({ "Acme Ltd": 2, "Baxter plc": 2 });
    expect(report.skipped).toEqual([]);
    expect(report.returns).toBe(1);
    expect(report.warnings).toContain(
      `2 lines with no customer were read as their orders', by the "Invoice" the lines above gave one customer (an order's line listed again further down: INV-1 → Acme Ltd, row 7; INV-2 → Baxter plc, row 8).`
    );
  });

  it("an id given to two customers above, or to none, stays 'no account', and is said", async () => {
    const { report, revenue } = await analyzeFile(
      fileOf([
        ...FLAT,
        "Baxter plc,2026-04-12,INV-5,Nuts,1,2.50",
        "Acme Ltd,2026-04-20,INV-5,Bolts,1,5.00",
        // INV-5 is Baxter's and Acme's: no one's
        ",2026-04-30,INV-5,Carriage,1,3.00",
        // INV-9 is on no line above
        ",2026-04-30,INV-9,Bolts,1,7.00",
      ])
    );
    // Acme: 50.00 + 12.50 + 8.00 + 5.00 = 75.50; Baxter: 10.00 + 10.00 + 2.50 = 22.50;
    // skipped: 3.00 + 7.00 = 10.00
    expect(revenue).toEqual({ "Acme Ltd": 75.5, "Baxter plc": 22.5 });
    expect(report.skipped).toEqual([
      expect.objectContaining({ rule: "no account", rows: 2, revenue: 10 }),
    ]);
    expect(report.warnings).toContain(
      `1 line with no customer was left with no account, skipped: its "Invoice" names two customers in the lines above (INV-5: "Baxter plc" and "Acme Ltd", row 9).`
    );
    expect(report.warnings).toContain(
      `1 line with no customer was left with no account, skipped: its "Invoice" names no customer in the lines above (INV-9, row 10).`
    );
  });

  it("an id met only further down is not looked up: the line stays 'no account'", async () => {
    const { report, revenue } = await analyzeFile(
      fileOf([HEADER, ",2026-03-01,INV-3,Bolts,1,4.00", ...FLAT.slice(1)])
    );
    // INV-3 is Acme's, but on a line below: Acme 50.00 + 12.50 + 8.00 = 70.50; Baxter 20.00
    expect(revenue).toEqual({ "Acme Ltd": 70.5, "Baxter plc": 20 });
    expect(report.skipped).toEqual([
      expect.objectContaining({ rule: "no account", rows: 1, revenue: 4 }),
    ]);
  });
});

describe("OrderAccounts", () => {
  it("keeps the first ids only, and says an id past them was not looked up", () => {
    const ids = new OrderAccounts(2);
    ids.note("A", "", "Acme");
    ids.note("B", "", "Baxter");
    ids.note("C", "", "Cole");
    ids.note("A", "", "Cole");
    expect(ids.match("B")).toEqual({ kind: "one", customer: { key: "", name: "Baxter" } });
    // past the bound, an id kept still learns of a second customer
    expect(ids.match("A")).toEqual({ kind: "two", names: ["Acme", "Cole"] });
    expect(ids.match("C")).toEqual({ kind: "notKept" });
  });

  it("one customer is its code, whatever its name's spelling", () => {
    const ids = new OrderAccounts();
    ids.note("INV-1", "C001", "Acme Ltd");
    ids.note("INV-1", "C001", "ACME LTD");
    expect(ids.match("INV-1")).toEqual({
      kind: "one",
      customer: { key: "C001", name: "Acme Ltd" },
    });
    expect(ids.match("INV-2")).toEqual({ kind: "unknown" });
  });

  it("answers as a plain lookup of every id kept would, whatever the ids (its filter only skips probes)", () => {
    // The rule written plainly (PRODUCT.md's order-id lookup, bounded): the first `kept` ids
    // kept with their first customer; a kept id met with another customer is ambiguous.
    function plainLookup(kept: number, notes: [string, string][], id: string): OrderIdMatch {
      const first = new Map<string, string>();
      const second = new Map<string, string>();
      let past = false;
      for (const [i, who] of notes) {
        const had = first.get(i);
        if (had === undefined) {
          if (first.size < kept) first.set(i, who);
          else past = true;
        } else if (had !== who && !second.has(i)) second.set(i, who);
      }
      const one = first.get(id);
      if (one === undefined) return past ? { kind: "notKept" } : { kind: "unknown" };
      const two = second.get(id);
      return two === undefined
        ? { kind: "one", customer: { key: one, name: "" } }
        : { kind: "two", names: [one, two] };
    }
    const id = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: 0, max: 40 }).map(String));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.tuple(id, fc.constantFrom("C1", "C2", "C3")), { maxLength: 120 }),
        id,
        (kept, notes, asked) => {
          const ids = new OrderAccounts(kept);
          for (const [i, who] of notes) ids.note(i, who, "");
          expect(ids.match(asked)).toEqual(plainLookup(kept, notes, asked));
        }
      ),
      { numRuns: 500 }
    );
  });
});
