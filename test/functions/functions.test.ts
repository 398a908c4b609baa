/**
 * The KAP worksheet functions as Excel calls them: every argument a 2-D array (one cell is
 * [[v]], a column is [[a],[b],…]), results 2-D arrays that spill. Expected numbers are worked
 * out by hand from PRODUCT.md §2 (arithmetic in the comments).
 */
import { ymdToSerial } from '../../src/domain/dates';
import { band, discount, fiveP, health, healthFactors, quadrant, reorderDays, seasonality, winBack } from '../../src/functions/functions';
import { isKapError, type KapError } from '../../src/functions/errors';

/** A column range from values. */
const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
const cell = (v: unknown): unknown[][] => [[v]];

/** Calls a function expected to fail as a whole and returns the Excel error it throws. */
function thrown(f: () => unknown): KapError {
  try {
    f();
  } catch (e) {
    expect(isKapError(e)).toBe(true);
    return e as KapError;
  }
  throw new Error('expected the call to fail');
}

function expectValueError(v: unknown, messagePart: RegExp): void {
  expect(isKapError(v)).toBe(true);
  const e = v as KapError;
  expect(e.code).toBe('#VALUE!');
  expect(e.message).toMatch(messagePart);
}

/*
 * Row A: 20 days → 3; orders +10% → 4; revenue −15% → 2; 3 categories → 3;
 *        "Responds within 24 hours" → 4; 10 days late → 2.
 *   25·3 + 20·4 + 20·2 + 15·3 + 10·4 + 10·2 = 75 + 80 + 40 + 45 + 40 + 20 = 300 → 3.00
 * Row B: 3 days → 5; +25% → 5; +12% → 4; 6 categories → 5; 5 → 5; 2 days early → 5.
 *   125 + 100 + 80 + 75 + 50 + 50 = 480 → 4.80
 * Row C: 75 days → 1; −30% → 1; −40% → 1; one product → 1; "Rarely/Never" → 1; 45 days late → 1 → 1.00
 */
const A = [20, 0.1, -0.15, 3, 'Responds within 24 hours', 10];
const B = [3, 0.25, 0.12, 6, 5, -2];
const C = [75, -0.3, -0.4, '1 (one product)', 'Rarely/Never', 45];
type Six = [unknown[][], unknown[][], unknown[][], unknown[][], unknown[][], unknown[][]];
/** The six factor arguments of one row, each a single cell. */
const six = (row: unknown[]): Six => row.map(cell) as Six;
/** The six factor arguments for several rows, each a column. */
const columns = (...rows: unknown[][]): Six => A.map((_, k) => rows.map((r) => [r[k]])) as Six;

describe('KAP.HEALTH', () => {
  it('scores one row of single cells', () => {
    expect(health(...six(A))).toEqual([[3]]);
  });

  it('scores whole columns, returning a column of the same height', () => {
    const [r, f, v, c, e, p] = columns(A, B, C);
    expect(health(r, f, v, c, e, p)).toEqual([[3], [4.8], [1]]);
  });

  it('broadcasts a single-cell argument down the column', () => {
    // payment 10 days late (→ 2) for every row: row B becomes 125+100+80+75+50+20 = 450 → 4.50
    const [r, f, v, c, e] = columns(A, B);
    expect(health(r, f, v, c, e, cell(10))).toEqual([[3], [4.5]]);
  });

  it('a blank cell is n/a (left out), not zero: engagement blank gives the score over the other 90%', () => {
    // Row A without engagement: (75 + 80 + 40 + 45 + 20) / 90 = 260/90 = 2.888… → 2.89
    expect(health(cell(20), cell(0.1), cell(-0.15), cell(3), cell(null), cell(10))).toEqual([[2.89]]);
    expect(health(cell(20), cell(0.1), cell(-0.15), cell(3), cell(''), cell(10))).toEqual([[2.89]]);
  });

  it('a row of empty cells is a blank row, as the web (null) and desktop Excel (0) pass them', () => {
    // Desktop passes empty cells as 0: days 0, 0%, 0%, 0 categories, engagement 0, 0 days would otherwise score
    // (125 + 60 + 60 + 15 + 40)/90 = 3.33 for a row nobody filled in.
    const [r, f, v, c, e, p] = columns(A, [null, null, null, null, null, null], [0, 0, 0, 0, 0, 0]);
    expect(health(r, f, v, c, e, p)).toEqual([[3], [''], ['']]);
    expect(healthFactors(r, f, v, c, e, p)[2]).toEqual(['', '', '', '', '', '', '']);
    // in a row with data, 0 is a value: 0 days → 5, 3 categories → 3, 0% changes → 3, 0 days late → 4:
    // (25·5 + 20·3 + 20·3 + 15·3 + 10·4) / 90 = (125 + 60 + 60 + 45 + 40)/90 = 330/90 = 3.666… → 3.67
    expect(health(cell(0), cell(0), cell(0), cell(3), cell(0), cell(0))).toEqual([[3.67]]);
  });

  it('reads percentages as Excel holds them and as text', () => {
    // "+10%" = 0.1 and "-15%" = −0.15: same as row A → 3.00
    expect(health(cell(20), cell('10%'), cell('-15%'), cell(3), cell(4), cell(10))).toEqual([[3]]);
  });

  it('rounds a % change read from a cell to a whole percent half away from zero', () => {
    // frequency: 0.195 → 19.5% → 20 → 5; 0.045 → 4.5% → 5 → 4; −0.055 → −5.5% → −6 → 2
    // revenue:   −0.305 → −30.5% → −31 → 1; 0.095 → 9.5% → 10 → 4; 0.145 → 14.5% → 15 → 4
    const f = healthFactors(col(0, 0, 0), col(0.195, 0.045, -0.055), col(-0.305, 0.095, 0.145), cell(null), cell(null), cell(null));
    expect(f.map((r) => [r[1], r[2]])).toEqual([
      [5, 1],
      [4, 4],
      [2, 4],
    ]);
  });

  it('reads the change words: "new" is n/a, "lapsed" is +∞ (5), "none" is 1', () => {
    // only frequency given: new → nothing to score → #N/A; lapsed → 5; none → 1
    const only = (v: unknown) => health(cell(null), cell(v), cell(null), cell(null), cell(null), cell(null));
    expect(only('lapsed')).toEqual([[5]]);
    expect(only('none')).toEqual([[1]]);
    const na = only('new')[0][0] as KapError;
    expect(na.code).toBe('#N/A');
  });

  it('text that is neither a number nor a known label is a #VALUE! in that row naming the argument; other rows still compute', () => {
    const [r, f, v, c, e, p] = columns(A, B, A);
    e[1] = ['sometimes'];
    f[2] = ['lots'];
    const out = health(r, f, v, c, e, p);
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual([3]);
    expectValueError(out[1][0], /engagement.*sometimes/);
    expectValueError(out[2][0], /frequencyChange.*lots/);
  });

  it('names the argument for every kind of bad text', () => {
    const one = (k: number, v: unknown) => {
      const args = six(A);
      args[k] = cell(v);
      return health(...args)[0][0];
    };
    expectValueError(one(0, 'yesterday'), /daysSinceLastOrder/);
    expectValueError(one(0, -3), /daysSinceLastOrder/);
    expectValueError(one(2, 'up a bit'), /revenueChange/);
    expectValueError(one(3, 'many'), /categories/);
    expectValueError(one(4, 7), /engagement/);
    expectValueError(one(5, 'late'), /paymentDays/);
  });

  it('takes custom weights as a row, a column, percents or fractions', () => {
    // 40/10/10/10/10/20 on row A (3,4,2,3,4,2): 120 + 40 + 20 + 30 + 40 + 40 = 290 → 2.90
    const args = six(A);
    expect(health(...args, [[40, 10, 10, 10, 10, 20]])).toEqual([[2.9]]);
    expect(health(...args, col(0.4, 0.1, 0.1, 0.1, 0.1, 0.2))).toEqual([[2.9]]);
    expect(health(...args, col('40%', '10%', '10%', '10%', '10%', '20%'))).toEqual([[2.9]]);
    expect(health(...args, cell(null))).toEqual([[3]]); // omitted → default weights
  });

  it('weights that do not add to 100% fail the whole call with a message saying what they add to', () => {
    const [r, f, v, c, e, p] = columns(A, B);
    // 25+20+20+15+10+5 = 95
    const err = thrown(() => health(r, f, v, c, e, p, [[25, 20, 20, 15, 10, 5]]));
    expect(err.code).toBe('#VALUE!');
    expect(err.message).toMatch(/100%/);
    expect(err.message).toMatch(/95%/);
    expect(thrown(() => health(r, f, v, c, e, p, [[25, 'x', 20, 15, 10, 10]])).message).toMatch(/weights/);
  });

  it('ranges of different heights fail with a message', () => {
    const [r, f, v, c, e, p] = columns(A, B, C);
    const err = thrown(() => health(r, f.slice(0, 2), v, c, e, p));
    expect(err.message).toMatch(/frequencyChange has 2 rows.*3/);
  });

  it('a 2-D block is refused', () => {
    expect(thrown(() => health([[1, 2], [3, 4]], cell(0), cell(0), cell(1), cell(1), cell(0))).message).toMatch(/daysSinceLastOrder must be one cell, one column or one row/);
  });
});

describe('KAP.HEALTHFACTORS', () => {
  it('spills seven columns: six scores then the factors used', () => {
    const [r, f, v, c, e, p] = columns(A, B);
    expect(healthFactors(r, f, v, c, e, p)).toEqual([
      [3, 4, 2, 3, 4, 2, 'Used: Recency, Frequency, Revenue, Diversity, Engagement, Payment'],
      [5, 5, 4, 5, 5, 5, 'Used: Recency, Frequency, Revenue, Diversity, Engagement, Payment'],
    ]);
  });

  it('shows "n/a" for a factor left out and does not list it as used', () => {
    expect(healthFactors(cell(20), cell('new'), cell(-0.15), cell(3), cell(null), cell(10))).toEqual([[3, 'n/a', 2, 3, 'n/a', 2, 'Used: Recency, Revenue, Diversity, Payment']]);
  });

  it('a factor with weight 0 is not used', () => {
    const args = six(A);
    expect(healthFactors(...args, [[50, 50, 0, 0, 0, 0]])[0][6]).toBe('Used: Recency, Frequency');
  });

  it('a bad row is an error in all seven cells, other rows still compute', () => {
    const [r, f, v, c, e, p] = columns(A, B);
    p[0] = ['soon'];
    const out = healthFactors(r, f, v, c, e, p);
    expect(out[0]).toHaveLength(7);
    out[0].forEach((x) => expectValueError(x, /paymentDays/));
    expect(out[1][0]).toBe(5);
  });

  it('whole call fails on bad weights', () => {
    const args = six(A);
    expect(thrown(() => healthFactors(...args, [[30, 30, 30, 30, 30, 30]])).message).toMatch(/180%/);
  });
});

describe('KAP.BAND', () => {
  it('bands a column, rounding to 2 decimals first', () => {
    const out = band(col(3.995, 2.994, 4, 3, 2, 1.5, null, 'abc', 7));
    expect(out.slice(0, 7)).toEqual([['Healthy'], ['At Risk'], ['Healthy'], ['Stable'], ['At Risk'], ['Critical'], ['']]);
    expectValueError(out[7][0], /score/);
    expectValueError(out[8][0], /score/);
  });

  it('an empty cell from desktop Excel (0) is blank, not a bad score', () => {
    expect(band(col(4.2, 0))).toEqual([['Healthy'], ['']]);
  });
});

describe('KAP.QUADRANT', () => {
  it('1–5 potentials with the default cut of 3', () => {
    expect(quadrant(col(3, 3, 2, 2), col(3, 2, 3, 2))).toEqual([['Key'], ['Maintenance'], ['Growth Potential'], ['Service']]);
  });

  it('money potential uses the median of the potentials given as the cut', () => {
    // sorted 1,000  3,000  15,000  20,000 → median 9,000
    // 5 (proactive) & 1,000 → Maintenance; 2 & 20,000 → Growth Potential; 3 & 15,000 → Key; 1 & 3,000 → Service
    expect(quadrant(col('Proactively reaches out', 2, 3, 'Rarely/Never'), col(1000, 20000, 15000, 3000))).toEqual([
      ['Maintenance'],
      ['Growth Potential'],
      ['Key'],
      ['Service'],
    ]);
  });

  it('uses the cuts given and broadcasts a single engagement', () => {
    expect(quadrant(cell(3), col(4, 5), cell(4), cell(5))).toEqual([['Service'], ['Growth Potential']]);
  });

  it('bad engagement or potential is an error in that row naming it; blank rows stay blank', () => {
    const out = quadrant(col('keen', 4, 4, null, 0), col(4, 4, 'lots', 4, 4));
    expectValueError(out[0][0], /engagement/);
    expect(out[1]).toEqual(['Key']);
    expectValueError(out[2][0], /potential/);
    expect(out[3]).toEqual(['']);
    expect(out[4]).toEqual(['']); // desktop Excel passes a blank engagement cell as 0
  });
});

describe('KAP.FIVEP', () => {
  it('total, and weighted total with a weight', () => {
    // 4+3+5+2+1 = 15; × 3 = 45
    expect(fiveP(cell(4), cell(3), cell(5), cell(2), cell(1))).toEqual([[15]]);
    expect(fiveP(cell(4), cell(3), cell(5), cell(2), cell(1), cell(3))).toEqual([[45]]);
  });

  it('a column of people with one weight broadcast, and out-of-range scores as errors naming the P', () => {
    // row 1: 5·5 = 25 × 2 = 50; row 2: power 6 → error; row 3: 1·5 = 5 × 2 = 10
    const out = fiveP(col(5, 6, 1), col(5, 3, 1), col(5, 3, 1), col(5, 3, 1), col(5, 3, 1), cell(2));
    expect(out[0]).toEqual([50]);
    expectValueError(out[1][0], /Power/);
    expect(out[2]).toEqual([10]);
    expectValueError(fiveP(cell(3), cell('high'), cell(3), cell(3), cell(3))[0][0], /perception/);
    expectValueError(fiveP(cell(3), cell(3), cell(3), cell(3), cell(3), cell(9))[0][0], /Weight/);
  });

  it('blank rows stay blank and a blank weight means 1, whether Excel passes null (web) or 0 (desktop)', () => {
    // row 2 all empty; row 3: 2+2+2+2+2 = 10 with an empty weight → × 1 = 10
    const out = fiveP(col(4, 0, 2), col(3, 0, 2), col(5, null, 2), col(2, 0, 2), col(1, 0, 2), col(3, 0, 0));
    expect(out).toEqual([[45], [''], [10]]);
  });
});

describe('KAP.WINBACK', () => {
  it('stages a column of days', () => {
    const out = winBack(col(29, 30, 44, 45, 59, 60, null));
    expect(out.map((r) => r[0])).toEqual(['None', 'Stage 1 – Early warning', 'Stage 1 – Early warning', 'Stage 2 – Active concern', 'Stage 2 – Active concern', 'Stage 3 – Critical', '']);
    expectValueError(winBack(cell('long'))[0][0], /daysSinceLastOrder/);
  });
});

describe('KAP.DISCOUNT', () => {
  it('default tiers', () => {
    expect(discount(col(249.99, 250, 499, 500, 999.99, 1000, 2499, 2500))).toEqual(col(0, 0.03, 0.03, 0.05, 0.05, 0.08, 0.08, 0.1));
  });

  it('a custom tiers range (minimum | rate), rates as numbers or percent text', () => {
    const tiers = [
      [100, 0.02],
      [1000, '7%'],
      [null, null],
    ];
    expect(discount(col(99, 100, 999, 1000), tiers)).toEqual(col(0, 0.02, 0.02, 0.07));
  });

  it('a bad tiers range fails the call; a bad order value is an error in its row', () => {
    expect(thrown(() => discount(cell(500), [[100, 'lots']])).message).toMatch(/tiers/);
    expect(thrown(() => discount(cell(500), col(100, 200))).message).toMatch(/two columns/);
    const out = discount(col('big', 600));
    expectValueError(out[0][0], /orderValue/);
    expect(out[1]).toEqual([0.05]);
  });
});

describe('KAP.SEASONALITY', () => {
  // Jan–Dec 2023 summing to £12,000 → mean month £1,000 → index = month ÷ 10.
  const YEAR = [500, 700, 900, 1000, 1100, 1300, 1500, 1400, 1200, 1000, 800, 600];
  const dates = YEAR.map((_, i) => (i === 0 ? ymdToSerial(2023, 1, 1) : i === 11 ? ymdToSerial(2023, 12, 31) : ymdToSerial(2023, i + 1, 15)));

  it('spills twelve indices, January first', () => {
    expect(seasonality(col(...dates), col(...YEAR))).toEqual(col(50, 70, 90, 100, 110, 130, 150, 140, 120, 100, 80, 60));
  });

  it('reads ISO date text and an as-of date', () => {
    // Orders 1 Jan (£300) and 15 Mar (£600), as-of 31 Mar: Jan 300, Feb 0, Mar 600 → mean 300 → 100, 0, 200; the rest blank
    const out = seasonality(col('2023-01-01', '2023-03-15'), col(300, 600), cell('2023-03-31'));
    expect(out).toEqual(col(100, 0, 200, '', '', '', '', '', '', '', '', ''));
  });

  it('skips empty rows below the data, as desktop Excel passes them (0, 0)', () => {
    const out = seasonality(col(...dates, 0, 0, null), col(...YEAR, 0, 0, null));
    expect(out).toEqual(col(50, 70, 90, 100, 110, 130, 150, 140, 120, 100, 80, 60));
  });

  it('fails with #N/A when there is no full month, and with a message on bad input', () => {
    expect(thrown(() => seasonality(col(ymdToSerial(2023, 1, 5)), col(10))).code).toBe('#N/A');
    expect(thrown(() => seasonality(col(ymdToSerial(2023, 1, 1), 'soon'), col(10, 20))).message).toMatch(/orderDates/);
    expect(thrown(() => seasonality(col(ymdToSerial(2023, 1, 1)), col(10, 20))).message).toMatch(/same height/);
  });
});

describe('KAP.REORDERDAYS', () => {
  it('one reorder period for a column of dates (distinct dates, median gap)', () => {
    // 100, 100, 110, 130 → distinct 100, 110, 130 → gaps 10, 20 → median 15
    expect(reorderDays(col(100, 100, 110, 130))).toEqual([[15]]);
    expect((reorderDays(col(100, 100))[0][0] as KapError).code).toBe('#N/A');
  });

  it('per product: each row gets its own product’s period', () => {
    // A: 100, 110, 130 → gaps 10, 20 → 15; B: 100, 107 → 7; C: once → #N/A
    const out = reorderDays(col(100, 100, 110, 107, 130, 120), col('A', 'B', 'a', 'B', 'A ', 'C'));
    expect(out.slice(0, 5)).toEqual([[15], [7], [15], [7], [15]]);
    expect((out[5][0] as KapError).code).toBe('#N/A');
  });

  it('empty rows (desktop: 0) are skipped, not read as dates', () => {
    expect(reorderDays(col(100, 110, 130, 0, 0))).toEqual([[15]]);
    expect(reorderDays(col(100, 110, 130, 0), col('A', 'A', 'A', 0))).toEqual([[15], [15], [15], ['']]);
  });

  it('mismatched heights fail', () => {
    expect(thrown(() => reorderDays(col(100, 110), col('A'))).message).toMatch(/same height/);
  });
});
