/**
 * Whole columns (A:A) and ranges that start at the header row: the column labels in the first row
 * are not an order line. PRODUCT.md §3: each function "takes single cells or whole columns" and
 * answers bad input with an error — a label row is neither, so it is skipped, while a first row
 * that holds a mistyped date (it has digits) is still an error.
 */
import {
  discount,
  engagement,
  metrics,
  payment,
  reorderDays,
  seasonality,
} from "../../src/functions/functions";
import { ymdToSerial as d } from "../../src/domain/dates";
import { both } from "./bothHosts";

const col = (xs: unknown[]) => xs.map((x) => [x]);
const HEAD = ["Account", "Invoice Date", "Invoice", "Line Total", "Category"];
// A: 2026-01-05 £100, 2026-03-05 £200; B: 2026-02-01 £50, 2026-03-01 £70; then 3 spare blank rows
const LINES: unknown[][] = [
  ["A", d(2026, 1, 5), "I1", 100, "Tools"],
  ["A", d(2026, 3, 5), "I2", 200, "Tools"],
  ["B", d(2026, 2, 1), "I3", 50, "Tape"],
  ["B", d(2026, 3, 1), "I4", 70, "Tape"],
  [null, null, null, null, null],
  [null, null, null, null, null],
  [null, null, null, null, null],
];
const columns = (rows: unknown[][]) => [0, 1, 2, 3, 4].map((k) => col(rows.map((r) => r[k])));

describe("KAP.METRICS over columns that include the header row", () => {
  it("skips the label row, with no asOf as with one, on both hosts", () => {
    const [a, dt, o, r, c] = columns([HEAD, ...LINES]);
    const out = both(metrics, col(["A", "B"]), a, dt, o, r, c);
    // As-of = the last order date, 2026-03-05 (PRODUCT.md). Days since the last order: A 0,
    // B 4 (1 → 5 March). Orders in the last quarter (6 Dec 2025 – 5 Mar 2026): A 2, B 2; the
    // quarter before: 0 each, so the change is "new". Revenue in the last 12 months: A £300,
    // B £120; the prior 12: 0 ("new"). One category each.
    expect(out.map((row) => row.slice(0, 8))).toEqual([
      [0, 2, 0, "new", 300, 0, "new", 1],
      [4, 2, 0, "new", 120, 0, "new", 1],
    ]);
    const [a2, dt2, o2, r2, c2] = columns(LINES);
    expect(out).toEqual(both(metrics, col(["A", "B"]), a2, dt2, o2, r2, c2));
  });

  it("skips the same header repeated further down (two exports pasted one under the other)", () => {
    const [a, dt, o, r, c] = columns([HEAD, LINES[0], LINES[2], HEAD, LINES[1], LINES[3]]);
    const out = both(metrics, col(["A", "B"]), a, dt, o, r, c);
    // the same four lines as above: A 0 days, £300; B 4 days, £120
    expect(out.map((row) => [row[0], row[4]])).toEqual([
      [0, 300],
      [4, 120],
    ]);
  });

  it("still stops on a first row whose date is mistyped (it has digits: not a label)", () => {
    const [a, dt, o, r, c] = columns([["A", "2026-13-05", "I0", 10, "Tools"], ...LINES]);
    expect(() => both(metrics, col(["A"]), a, dt, o, r, c)).toThrow(/Order row 1:.*2026-13-05/);
  });
});

describe("KAP.SEASONALITY and KAP.REORDERDAYS over columns that include the header row", () => {
  it("seasonality skips the label row", () => {
    // Jan 2025 £100 and Feb 2025 £300, as of 28 Feb 2025: two full months, mean £200:
    // January 100/200 × 100 = 50, February 300/200 × 100 = 150, the other months blank.
    const dates = col(["Invoice Date", d(2025, 1, 1), d(2025, 2, 1), null]);
    const revenue = col(["Line Total", 100, 300, null]);
    const out = both(seasonality, dates, revenue, [[d(2025, 2, 28)]]);
    expect(out.slice(0, 3)).toEqual([[50], [150], [""]]);
  });

  it("reorder days skip the label row, with and without products", () => {
    // 1, 11 and 31 January: gaps of 10 and 20 days, median 15.
    const dates = col(["Order Date", d(2025, 1, 1), d(2025, 1, 11), d(2025, 1, 31), null]);
    expect(both(reorderDays, dates)).toEqual([[15]]);
    const products = col(["SKU", "P1", "P1", "P1", null]);
    expect(both(reorderDays, dates, products)).toEqual([[""], [15], [15], [15], [""]]);
  });

  it("a mistyped first date (with digits) is still an error", () => {
    const dates = col(["2025-13-01", d(2025, 1, 1), d(2025, 1, 11)]);
    expect(() => both(reorderDays, dates)).toThrow(/2025-13-01/);
  });
});

describe("KAP.DISCOUNT with its tiers table selected from the header row", () => {
  it("skips the header row of the tiers", () => {
    // Own tiers: from £0 0%, from £500 5%, from £1,000 10%. £100 → 0, £600 → 5%, £2,000 → 10%.
    const tiers = [
      ["Min order", "Rate"],
      [0, 0],
      [500, 0.05],
      [1000, 0.1],
      [null, null],
    ];
    expect(both(discount, col([100, 600, 2000]), tiers)).toEqual([[0], [0.05], [0.1]]);
  });

  it("a first tier row with digits is still read, and refused when it is not a tier", () => {
    const tiers = [
      ["5OO", 0.05],
      [1000, 0.1],
    ];
    expect(() => both(discount, col([600]), tiers)).toThrow(/5OO/);
  });
});

describe("KAP.ENGAGEMENT and KAP.PAYMENT over columns that include the header row", () => {
  it("engagement skips the label row", () => {
    // Three outreach contacts (1, 5 and 10 March 2026), each answered 12 hours later; as of
    // 31 March all are inside the 90 days, none unanswered, median response 12 h ≤ 24 h and
    // no inbound contact: 4.
    const days = [d(2026, 3, 1), d(2026, 3, 5), d(2026, 3, 10)];
    const dates = col(["Contact date", ...days, null]);
    const dirs = col(["Direction", "Outbound", "Outbound", "Outbound", null]);
    const answered = col(["Responded on", ...days.map((x) => x + 0.5), null]);
    expect(both(engagement, dates, dirs, answered, [[d(2026, 3, 31)]])).toEqual([[4]]);
  });

  it("payment skips the label row", () => {
    // 0, 10 and 20 days late, equal weights: a mean of 10 days beyond terms → 8–30 → 2.
    expect(both(payment, col(["Days late", 0, 10, 20]))).toEqual([[10, 2]]);
  });
});
