/**
 * A Tally sales register (India) was mostly dropped: lakh and crore grouping ("₹ 2,30,000.00",
 * "11,23,500.00") was unreadable revenue, and quantities with Tally's unit ("50 Coil", "12 Coil",
 * "(20 Nos)") unreadable quantities ("Coil" lost its "l" as a litre, and a bracketed credit kept
 * its unit). Now read: pairs of digits before the last three, with a decimal point; any unit word
 * after a quantity.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { parseNumberText } from "../../src/ingest/numbers";
import { parseQuantity } from "../../src/ingest/values";
import { buildCli } from "../cli/kapProcess";

jest.setTimeout(120_000);

const KAP = resolve(__dirname, "../../bin/kap.js");

/** n written the Indian way by hand-rule: last three digits, then pairs. */
function indian(n: number): string {
  const s = String(n);
  if (s.length <= 3) return s;
  const head = s.slice(0, -3);
  const pairs = head.replace(/\B(?=(\d{2})+$)/g, ",");
  return `${pairs},${s.slice(-3)}`;
}

describe("Indian digit grouping", () => {
  it("reads lakh and crore amounts with the rupee sign and brackets", () => {
    expect(parseNumberText("₹ 2,30,000.00", ".")).toEqual({ value: 230000, currency: "INR" });
    expect(parseNumberText("₹ 11,23,500.00", ".")).toEqual({ value: 1123500, currency: "INR" });
    expect(parseNumberText("(₹ 22,470.00)", ".")).toEqual({ value: -22470, currency: "INR" });
    expect(parseNumberText("1,23,45,678", ".")).toEqual({ value: 12345678 });
    // not Indian grouping: a lone pair last, a group of one in the middle
    expect(parseNumberText("1,23,45", ".")).toBeUndefined();
    expect(parseNumberText("12,3,456", ".")).toBeUndefined();
    // with a decimal comma the commas are no groups
    expect(parseNumberText("2,30,000", ",")).toBeUndefined();
  });

  it("every whole number written the Indian way reads back as itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 99_99_99_99_999 }), (n) => {
        expect(parseNumberText(indian(n), ".")?.value).toBe(n);
      })
    );
  });

  it("reads a quantity with any unit word after it, in brackets too", () => {
    expect(parseQuantity("50 Coil", ".")).toBe(50);
    expect(parseQuantity("12 Coil", ".")).toBe(12);
    expect(parseQuantity("(20 Nos)", ".")).toBe(-20);
    expect(parseQuantity("1,000 Nos", ".")).toBe(1000);
    expect(parseQuantity("3 Drums", ".")).toBe(3);
    expect(parseQuantity("5 l", ".")).toBe(5);
    // a credit suffix stays a credit; money is no quantity
    expect(parseQuantity("4 CR", ".")).toBe(-4);
    expect(parseQuantity("45 EUR", ".")).toBeUndefined();
  });

  it("kap analyze reads a Tally register in INR with every line", () => {
    buildCli();
    const dir = mkdtempSync(join(tmpdir(), "kap-lakh-"));
    const file = join(dir, "tally.csv");
    writeFileSync(
      file,
      "Date,Customer,Voucher Type,Voucher No.,Stock Item,Quantity,Rate,Value\n" +
        '12-Nov-25,Kaveri Infra,Sales,V1,MCB,200 Nos,"₹ 1,150.00","₹ 2,30,000.00"\n' +
        '28-Feb-26,Kaveri Infra,Sales,V2,Wire,50 Coil,"₹ 3,480.00","₹ 1,74,000.00"\n' +
        '05-Aug-26,Kaveri Infra,Sales,V3,MCB,"1,000 Nos","₹ 1,123.50","₹ 11,23,500.00"\n' +
        '19-Aug-26,Kaveri Infra,Credit Note,CN1,MCB,(20 Nos),"₹ 1,123.50","(₹ 22,470.00)"\n' +
        '02-Oct-26,Deccan,Sales,V4,Wire,12 Coil,"₹ 3,500.00","₹ 42,000.00"\n' +
        '30-Oct-26,Deccan,Sales,V5,LED,300 Nos,₹ 210.00,"₹ 63,000.00"\n'
    );
    const run = spawnSync(
      process.execPath,
      [KAP, "analyze", file, "--as-of", "2026-10-31", "--json", "-q"],
      { encoding: "utf8" }
    );
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.portfolio.currencies).toEqual(["INR"]);
    // worked by hand: Kaveri 2,30,000 + 1,74,000 + 11,23,500 − 22,470 = 15,05,030;
    // Deccan 42,000 + 63,000 = 1,05,000
    const got: Record<string, number> = {};
    for (const a of out.portfolio.accounts as { accountId: string; revenueLast12: number }[])
      got[a.accountId] = a.revenueLast12;
    expect(got).toEqual({ "Kaveri Infra": 1505030, Deccan: 105000 });
  });
});
