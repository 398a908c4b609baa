/**
 * Text numbers in a column are read as the ingest reads a column (PRODUCT.md §1, "decided per
 * column from all its cells, never one cell at a time; a column that stays ambiguous follows the
 * workbook's culture"): an export written with a decimal comma, pasted into an en-GB workbook,
 * proves its own convention with "12,50", so its "1.200" is twelve hundred — as the pane reads
 * it — not 1.2. Before, each cell was read alone under the workbook's decimal point: "1.200" was
 * 1.2 without a word and "12,50" #VALUE!. A column whose text proves nothing ("1.200" alone)
 * still follows the workbook. Both hosts.
 */
import {
  accountColumnsReady,
  accountHealth,
  band,
  fiveP,
  winBack,
  health,
  healthFactors,
  discount,
  metrics,
  payment,
  quadrant,
  seasonality,
} from "../../src/functions/functions";
import { setWorkbookDecimalSeparator } from "../../src/functions/culture";
import { isKapError, type KapError } from "../../src/functions/errors";
import { inferNumberConvention } from "../../src/ingest/numbers";
import { both } from "./bothHosts";
import { cell, col } from "./ranges";

beforeAll(async () => {
  await accountColumnsReady();
  setWorkbookDecimalSeparator("."); // an en-GB workbook
});
afterAll(() => setWorkbookDecimalSeparator(undefined));

describe("a column of text numbers written with a decimal comma, in a decimal-point workbook", () => {
  it("the ingest reads the column the same way (the pane's figures)", () => {
    expect(
      inferNumberConvention(["1.200", "12,50", "2.400"], { decimalSeparator: "." }).decimal
    ).toBe(",");
  });

  it("KAP.METRICS: A £1,200 + £12.50 = £1,212.50, B £2,400 in the last 12 months", () => {
    const out = both(
      metrics,
      col("A", "B"),
      col("A", "A", "B"),
      col("2026-03-01", "2026-03-10", "2026-03-05"),
      col("I1", "I2", "I3"),
      col("1.200", "12,50", "2.400"),
      col("Tools", "Tools", "Tape"),
      cell("2026-03-31")
    );
    // Revenue 12m is the fifth column
    expect(out[0][4]).toBe(1212.5);
    expect(out[1][4]).toBe(2400);
  });

  it("KAP.SEASONALITY: Jan £1,200, Feb £2,400 + £600 = £3,000; mean £2,100 → 57.1, 142.9", () => {
    // 1,200 / 2,100 × 100 = 57.14 → 57.1; 3,000 / 2,100 × 100 = 142.86 → 142.9
    const out = both(
      seasonality,
      col("2026-01-01", "2026-02-15", "2026-02-20"),
      col("1.200", "2.400", "600,00"),
      cell("2026-02-28")
    );
    expect(out.slice(0, 2)).toEqual([[57.1], [142.9]]);
  });

  it("KAP.QUADRANT: money potentials £1,000, £5,000, £8,000 (median cut £5,000)", () => {
    // 4 / £1,000 low → Maintenance; 2 / £5,000 high → Growth Potential; 4 / £8,000 → Key
    const out = both(quadrant, col(4, 2, 4), col("1.000", "5.000", "8.000,00"));
    expect(out).toEqual([["Maintenance"], ["Growth Potential"], ["Key"]]);
  });

  it("KAP.PAYMENT: 10 days on £1,000 and 0 days on £3,000 → 2.5 → 3 days, Payment 3", () => {
    // (10 × 1,000 + 0 × 3,000) / 4,000 = 2.5 → 3 (half away from zero) → 1–7 days → 3
    const out = both(payment, col(10, 0), null as never, col("1.000", "3.000,00"));
    expect(out).toEqual([[3, 3]]);
  });

  it("KAP.DISCOUNT: £1,200 → 8%, £450 → 3%, £2,600 → 10% (were 0, #VALUE!, 0)", () => {
    const out = both(discount, col("1.200", "450,00", "2.600"));
    expect(out).toEqual([[0.08], [0.03], [0.1]]);
  });

  it("a column whose text proves nothing follows the workbook: '1.200' alone is 1.2 → 0%", () => {
    expect(both(discount, col("1.200"))).toEqual([[0]]);
  });

  it("a cell written the other way than its column is #VALUE! naming the column's convention", () => {
    // "1,234.50" proves a point, "12,50" and "7,25" a comma: the comma wins, "1,234.50" is refused
    const out = both(discount, col("12,50", "7,25", "1,234.50"));
    expect(out[0]).toEqual([0]);
    const e = out[2][0] as KapError;
    expect(isKapError(e)).toBe(true);
    expect(e.message).toContain("the other text numbers of its column");
  });

  it("a column whose currencies are each written their own way has no one mark: the workbook's decides", () => {
    // "£1,200.50" proves a point, "30,00 €" a comma, each for its own currency: in a decimal-comma
    // workbook "30,00 €" is €30 → 0% and "£1,200.50" #VALUE!, as before columns were read whole
    setWorkbookDecimalSeparator(",");
    try {
      const out = both(discount, col("£1,200.50", "30,00 €"));
      expect(isKapError(out[0][0])).toBe(true);
      expect(out[1]).toEqual([0]);
    } finally {
      setWorkbookDecimalSeparator(".");
    }
  });
});

describe("KAP.HEALTH and KAP.HEALTHFACTORS read each factor column as its own text writes it", () => {
  // An en-GB workbook (decimal point) given factor columns pasted from a German export.
  //   days           "1.200" → 1,200 → 61+ → Recency 1   | "12,5" → 12.5 → 12 → 8–14 → 4 | "3" → 5
  //   orders change  "0,1" → +10% → Frequency 4          | "1.200" → 1,200 (its column holds the
  //                  fraction 0.1, so +120,000%) → 5      | "n/a"
  //   revenue change "-12,5%" → −12.5% → −13 → Revenue 2 | "1.200%" → +1,200% → 5 | "0,15" → +15% → 4
  //   categories     "3" → 3 → Diversity 3               | "4,0" → 4 → 4         | "n/a"
  //   engagement     4                                   | "Responds within 24 hours" → 4 | blank
  //   payment days   "-2,5" → −2.5 → −3 → early → 5      | "1.200" → 31+ → 1     | "10" → 8–30 → 2
  // Before, "1.200" was 1.2 without a word (days → Recency 5, payment → 1 day → 3, "1.200%" →
  // +1.2% → Revenue 3) and "12,5", "-12,5%", "4,0" and "-2,5" were #VALUE!.
  const factorColumns = () =>
    [
      col("1.200", "12,5", "3"),
      col("0,1", "1.200", "n/a"),
      col("-12,5%", "1.200%", "0,15"),
      col("3", "4,0", "n/a"),
      col(4, "Responds within 24 hours", null),
      col("-2,5", "1.200", "10"),
    ] as const;

  it("KAP.HEALTHFACTORS: 1 4 2 3 4 5 | 4 5 5 4 4 1 | 5 n/a 4 n/a n/a 2", () => {
    const out = both(healthFactors, ...factorColumns());
    expect(out.map((r) => r.slice(0, 6))).toEqual([
      [1, 4, 2, 3, 4, 5],
      [4, 5, 5, 4, 4, 1],
      [5, "n/a", 4, "n/a", "n/a", 2],
    ]);
  });

  it("a column whose text proves no mark reads as the call's other columns prove, as the pane reads a file: days '1.200', '3.400' beside payment days '-2,5', '4,5'", () => {
    // days alone read two ways; the payment column proves a comma, so (as ingest/plausible reads a
    // file's columns) 1,200 and 3,400 days → 61+ → Recency 1; payment −2.5 → −3 → early → 5,
    // 4.5 → 5 days → 1–7 → 3. Before: 1.2 and 3.4 days without a word → Recency 5.
    const na = col("n/a", "n/a");
    const out = both(
      healthFactors,
      col("1.200", "3.400"),
      na,
      na,
      na,
      col(null, null),
      col("-2,5", "4,5")
    );
    expect(out.map((r) => r.slice(0, 6))).toEqual([
      [1, "n/a", "n/a", "n/a", "n/a", 5],
      [1, "n/a", "n/a", "n/a", "n/a", 3],
    ]);
    // other columns that disagree (a comma in payment days, a point in "12.5%") settle nothing:
    // the days follow the workbook's decimal point, 1.2 → 1 day → Recency 5
    const mixed = both(
      healthFactors,
      col("1.200", "3.400"),
      na,
      col("12.5%", "-3.5%"),
      na,
      col(null, null),
      col("-2,5", "4,5")
    );
    expect(mixed.map((r) => r[0])).toEqual([5, 5]);
  });

  it("KAP.HEALTH: 2.80, 4.10, 4.09", () => {
    // 1·25 + 4·20 + 2·20 + 3·15 + 4·10 + 5·10 = 280 → 2.80
    // 4·25 + 5·20 + 5·20 + 4·15 + 4·10 + 1·10 = 410 → 4.10
    // (5·25 + 4·20 + 2·10) / (25 + 20 + 10) = 225 / 55 = 4.0909… → 4.09
    expect(both(health, ...factorColumns())).toEqual([[2.8], [4.1], [4.09]]);
  });

  it("a % change column in percent points from that export: '-12,5' is −12.5, named as below −100%", () => {
    // "-12,5" beside "1.200" proves a comma: −12.5 as Excel holds a change is −1,250%, refused
    // with the way to write −12.5% (before: "not a number as this workbook writes them")
    const out = both(
      healthFactors,
      col("n/a", "n/a"),
      col("-12,5", "1.200"),
      col("n/a", "n/a"),
      col("n/a", "n/a"),
      col(null, null),
      col("n/a", "n/a")
    );
    const e = out[0][1] as KapError;
    expect(isKapError(e)).toBe(true);
    expect(e.message).toContain("-1250%");
    expect(e.message).toContain("write -12.5%");
    // 1,200 read as a change is +120,000% (5) or 1,200 points (+1,200%: 5): the same score
    expect(out[1][1]).toBe(5);
  });

  it("weights written with a decimal comma ('0,25' … '0,1') are the default weights: 2.80", () => {
    const [d, f, r, c, e, p] = factorColumns();
    const w = col("0,25", "0,2", "0,2", "0,15", "0,1", "0,1");
    expect(both(health, d, f, r, c, e, p, w)[0]).toEqual([2.8]);
  });

  it("one cell is no column: '12,5' alone in a decimal-point workbook is still #VALUE!", () => {
    const out = both(
      healthFactors,
      cell("12,5"),
      cell("n/a"),
      cell("n/a"),
      cell("n/a"),
      cell(null),
      cell("n/a")
    );
    const e = out[0][0] as KapError;
    expect(isKapError(e)).toBe(true);
    expect(e.message).toContain("as this workbook writes them");
    // nor is one order value a column (it read "450,00" by its own comma: 3%)
    const d = both(discount, cell("450,00"))[0][0] as KapError;
    expect(isKapError(d)).toBe(true);
    expect(d.message).toContain("as this workbook writes them");
  });

  it("KAP.ACCOUNTHEALTH's payment column: '-2,5' → early (5), '1.200' → 31+ days (1)", () => {
    // Weights 0,0,0,0,0,100: the score is the Payment score alone. −2.5 → −3 → 5; 1,200 → 1
    // (before: #VALUE! and 1.2 → 1 day → 3)
    const out = both(
      accountHealth,
      col("A", "B"),
      col("A", "B"),
      col("2026-03-01", "2026-03-05"),
      col("I1", "I2"),
      col(100, 200),
      col("Tools", "Tape"),
      null as never,
      col("-2,5", "1.200"),
      cell("2026-03-31"),
      col(0, 0, 0, 0, 0, 1)
    );
    expect(out).toEqual([[5], [1]]);
  });
});

describe("KAP.BAND, KAP.WINBACK and KAP.FIVEP read a column's text numbers as the column writes them", () => {
  it("KAP.BAND: '3,75' Stable, '4,20' Healthy, '2' At Risk (the commas were #VALUE!)", () => {
    // 3.75 in 3.00–3.99; 4.20 ≥ 4.00; 2 in 2.00–2.99
    expect(both(band, col("3,75", "4,20", "2"))).toEqual([["Stable"], ["Healthy"], ["At Risk"]]);
  });

  it("KAP.WINBACK: '1.200' days beside '44,5' is 1,200 → Stage 4 (was 1.2 → None), 44.5 → 44 → Stage 1", () => {
    // 90+ Stage 4; 30–44 Stage 1 (whole days: 44.5 → 44); 30 → Stage 1
    expect(both(winBack, col("1.200", "44,5", "30"))).toEqual([
      ["Stage 4 – Recovery offer"],
      ["Stage 1 – Early warning"],
      ["Stage 1 – Early warning"],
    ]);
  });

  it("KAP.WINBACK over a block: each column by its own text", () => {
    // column 1 proves a comma ("44,5"): 1,200 → Stage 4, 44 → Stage 1;
    // column 2 proves a point ("7.5"): "1.200" is 1.2 → None, 7.5 → None
    expect(
      both(winBack, [
        ["1.200", "1.200"],
        ["44,5", "7.5"],
      ])
    ).toEqual([
      ["Stage 4 – Recovery offer", "None"],
      ["Stage 1 – Early warning", "None"],
    ]);
  });

  it("KAP.FIVEP: '4,0' and a weight '2,0' beside whole numbers: (4+3+3+3+3)×2 = 32, (5+3+3+3+3)×1 = 17", () => {
    const threes = col(3, 3);
    expect(both(fiveP, col("4,0", 5), threes, threes, threes, threes, col("2,0", 1))).toEqual([
      [32],
      [17],
    ]);
  });
});

describe("engagement written as a text number with a decimal comma", () => {
  it("KAP.HEALTHFACTORS: '4,0' and '2,0' beside each other are engagement 4 and 2 (were #VALUE!)", () => {
    const na = col("n/a", "n/a");
    const out = both(healthFactors, na, na, na, na, col("4,0", "2,0"), na);
    expect(out.map((r) => r[4])).toEqual([4, 2]);
  });

  it("KAP.QUADRANT: engagement '4,0' / '2,0' with potentials 4 and 4 → Key, Growth Potential", () => {
    // cut 3 on both: 4/4 high-high Key; 2/4 low engagement, high potential → Growth Potential
    expect(both(quadrant, col("4,0", "2,0"), col(4, 4))).toEqual([["Key"], ["Growth Potential"]]);
  });

  it("one cell follows the workbook: '4,0' is 4 in a decimal-comma workbook, #VALUE! in a decimal-point one", () => {
    const one = () =>
      both(
        healthFactors,
        cell("n/a"),
        cell("n/a"),
        cell("n/a"),
        cell("n/a"),
        cell("4,0"),
        cell("n/a")
      );
    expect(isKapError(one()[0][4])).toBe(true);
    setWorkbookDecimalSeparator(",");
    try {
      expect(one()[0][4]).toBe(4);
    } finally {
      setWorkbookDecimalSeparator(".");
    }
  });

  it("KAP.ACCOUNTHEALTH's engagement column: '4,0', '2,0' → 4, 2", () => {
    // Weights 0,0,0,0,100,0: the score is the Engagement score alone
    const out = both(
      accountHealth,
      col("A", "B"),
      col("A", "B"),
      col("2026-03-01", "2026-03-05"),
      col("I1", "I2"),
      col(100, 200),
      col("Tools", "Tape"),
      col("4,0", "2,0"),
      null as never,
      cell("2026-03-31"),
      col(0, 0, 0, 0, 1, 0)
    );
    expect(out).toEqual([[4], [2]]);
  });
});
