/* eslint-disable @typescript-eslint/no-explicit-any --
   custom-functions-metadata-plugin reads these TypeScript types: `any[][]` is Excel's
   "any value, any shape", which lets one formula take a cell or a whole column. */
/**
 * The KAP worksheet functions (namespace KAP). Only the top-level functions tagged
 * @customfunction are registered; custom-functions-metadata-plugin builds functions.json
 * from these comments and appends CustomFunctions.associate at build time.
 * Each is a thin wrapper: the rules live in src/domain.
 */
import {
  bandOf,
  combineHealth,
  normaliseWeights,
  weightedScore,
  weightsArray,
  WeightsError,
} from "../domain/health";
import {
  DEFAULT_SCALE_CUT,
  DEFAULT_WEIGHTS,
  FACTOR_LABELS,
  FACTORS,
  type Factor,
} from "../domain/rules";
import { moneyPotentialCut, onFiveScale, quadrantOf } from "../domain/quadrant";
import { fiveP as fivePRule, FivePError } from "../domain/fivep";
import { isLostStatus, winBackStage } from "../domain/winback";
import { discountRate, type DiscountTier } from "../domain/discount";
import { seasonality as seasonalityRule } from "../domain/seasonality";
import { serialToIso } from "../domain/dates";
import { reorderDays as reorderRule } from "../domain/reorder";
import { asShown, roundHalfAwayFromZero } from "../domain/numbers";
import { moneySteps } from "../domain/currency";
import { readNumberText } from "../ingest/numbers";
import {
  type BgNbdParams,
  checkSummary,
  type GammaGammaParams,
  pAlive as pAliveRule,
} from "../domain/analysis/clvBasics";
import type { FactorScores, Weights } from "../domain/health";
import { loadDecimalSeparator, recheckDateSystem } from "../excel/culture";
import { ArgError, guard, kapError, type KapError } from "./errors";
import {
  asColumn,
  at,
  blockColumns,
  byColumns,
  cellsOf,
  callMarks,
  columnMark,
  commonHeight,
  cutBlankTail,
  headerFirst,
  inputErrorOf,
  InputError,
  isBlank,
  isEmpty,
  isEmptyOrZero,
  isLabelRow,
  isRowRange,
  laidAs,
  lengthMismatch,
  liesAcross,
  notGiven,
  optionalNumber,
  padBlankTail,
  plain,
  singleCell,
  withoutBlankTail,
  toNumber,
  type ColumnMark,
  type Plain,
} from "./args";
import {
  checkDayCount,
  diversityCell,
  engagementCell,
  frequencyCell,
  holdsFraction,
  paymentCell,
  paymentDaysCell,
  recencyCell,
  revenueCell,
} from "./parseCells";
import { METRIC_HEADERS, metricCells } from "../sheets/healthSheet";
import { columnDateOrder, toSerial } from "./dateCell";
import { setDateSystemRecheck, setWorkbookCulture, setWorkbookDateSystem } from "./culture";
import { engagementOfRows, paymentOfRows } from "./logFunctions";

type Out = (number | string | KapError)[][];

// Text numbers and dates are read as the workbook writes them: its decimal mark and culture are
// read once when the shared runtime starts (src/excel/culture.ts; nothing happens outside Office).
// The date system is asked with them, and again after the functions calculate (the setting can change).
void loadDecimalSeparator(setWorkbookCulture).then((inOffice) => {
  if (inOffice) setDateSystemRecheck(() => void recheckDateSystem(setWorkbookDateSystem));
});

/**
 * The answer of a blank row, one array shared by every blank row: a whole column (A:A) brings a
 * million of them, and a new array each doubled the work of a call over it.
 */
const BLANK_ROW: (number | string | KapError)[] = [""];

/**
 * Which of a call's row arguments hold each row's own cells: those of several rows. One cell
 * beside them (an engagement, a T, a lost flag for every row) applies to every row and makes no
 * spare row of a longer range (B2:B16, B:B) a row of data. With no argument of several rows (one
 * row, or single cells beside a longer optional column), every argument is the row's own.
 */
function ownColumns(lengths: readonly number[]): boolean[] {
  const own = lengths.map((n) => n > 1);
  return own.some(Boolean) ? own : lengths.map(() => true);
}

/**
 * Whether a row is empty (blank, desktop's 0, or a 0 typed as text) in the first `count` columns,
 * read in place; single cells beside columns do not count (ownColumns).
 */
function emptyRows(cols: readonly { values: Plain[] }[], count: number): (i: number) => boolean {
  const own = ownColumns(cols.slice(0, count).map((c) => c.values.length));
  return (i) => {
    for (let k = 0; k < count; k++)
      if (own[k] && !isEmptyOrZero(at(cols[k].values, i))) return false;
    return true;
  };
}

/** The error a row returns: an ArgError becomes its Excel error; anything else is a bug and is rethrown. */
function rowError(e: unknown): KapError {
  if (e instanceof ArgError) return kapError(e.code, e.message);
  throw e;
}

/** The first Excel error among a row's cells, as that row's error. */
function firstInputError(cells: readonly Plain[], names: readonly string[]): ArgError | undefined {
  const k = cells.findIndex((c) => c instanceof InputError);
  return k < 0 ? undefined : inputErrorOf(cells[k] as InputError, names[k]);
}

/** Whether a cell is a value its parser takes (no ArgError): a header row holds none. */
function readsAs(parse: (v: Plain) => unknown, v: Plain): boolean {
  try {
    parse(v);
    return true;
  } catch (e) {
    if (e instanceof ArgError) return false;
    throw e;
  }
}

/** Six weights: omitted, or every cell blank or 0, means the defaults; a blank weight among given ones is 0. */
function weightsArg(m: any[][] | null | undefined): Weights {
  if (notGiven(m)) return DEFAULT_WEIGHTS;
  // a range selected larger than the six (B1:B8): the blanks after the sixth are spare cells, but
  // a blank among the six is that factor's 0
  const cells = withoutBlankTail(cellsOf(m), FACTORS.length);
  // the six weights are one range: its text proves its mark ("0,25" … "0,1"), as a column's does
  const mark = columnMark(() => cells);
  const values = cells.map((v) => {
    if (isBlank(v)) return 0;
    const n = toNumber(v, "weights", mark);
    if (n === undefined)
      throw new ArgError(`weights must hold numbers only (found "${String(v)}").`);
    return n;
  });
  try {
    return normaliseWeights(values);
  } catch (e) {
    if (e instanceof WeightsError) throw new ArgError(e.message);
    throw e;
  }
}

const ROW_ARGS = [
  "daysSinceLastOrder",
  "frequencyChange",
  "revenueChange",
  "categories",
  "engagement",
  "paymentDays",
];
const ROW_PARSERS: ((v: Plain, fractions: () => boolean, column: ColumnMark) => number | null)[] = [
  (v, _, column) => recencyCell(v, column),
  frequencyCell,
  revenueCell,
  (v, _, column) => diversityCell(v, column),
  (v, _, column) => engagementCell(v, column),
  (v, _, column) => paymentCell(v, column),
];

/**
 * Scores each row's six factors (FACTORS order); a row with bad input, or an Excel error in an
 * input, gets its own error and the others still score. A row whose six cells are all empty
 * (blank, or 0 as desktop Excel passes a blank) is a blank row, not a score of zeros.
 */
function scoreRows(
  args: any[][][],
  each: (scores: (number | null)[]) => (number | string | KapError)[],
  header: string[]
): Out {
  const cols = args.map((a, i) => asColumn(a ?? null, ROW_ARGS[i]));
  const n = commonHeight(cols.map((values, i) => ({ name: ROW_ARGS[i], values, raw: args[i] })));
  const out: Out = new Array(n);
  const scores: (number | null)[] = [null, null, null, null, null, null];
  // one array for the row's cells, and one for every blank row (a whole column's spare rows)
  const cells: Plain[] = [null, null, null, null, null, null];
  const blankRow = [""];
  // text numbers are read as their column writes them ("1.200" beside "12,5" is 1,200), a
  // column that proves no mark as the call's other columns do (callMarks)
  const marks = callMarks(cols.map((c) => () => c));
  // Whether each column holds fractions (holdsFraction), worked out once and only when a % change
  // over 1 needs it to be read (parseCells scoredChange).
  const settled: (boolean | undefined)[] = [];
  const parsers = ROW_PARSERS.map(
    (parse, k) => (v: Plain) =>
      parse(v, () => (settled[k] ??= holdsFraction(cols[k], marks[k])), marks[k])
  );
  // a single cell beside the columns (one engagement for all) makes no spare row a score
  const own = ownColumns(cols.map((c) => c.length));
  const blankAt = (c: Plain, k: number) => !own[k] || isEmptyOrZero(c);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 6; k++) cells[k] = at(cols[k], i);
    if (cells.every(blankAt)) {
      out[i] = blankRow;
      continue;
    }
    try {
      const err = firstInputError(cells, ROW_ARGS);
      if (err) throw err;
      for (let k = 0; k < 6; k++) scores[k] = parsers[k](cells[k]);
      out[i] = each(scores);
    } catch (e) {
      // a header row: words only, none of them a value its argument takes ("never", "n/a", a label)
      out[i] =
        e instanceof ArgError &&
        isLabelRow(i, n, cells) &&
        cells.every((c, k) => isEmpty(c) || !readsAs(parsers[k], c))
          ? header
          : [rowError(e)];
    }
  }
  return out;
}

/**
 * Account health score, 1–5 (2 decimals), from the six factors of the KAP method: Recency 25%, Frequency 20%, Revenue 20%, Diversity 15%, Engagement 10%, Payment 10%. A blank input or "n/a" is left out and the other weights are scaled up. Excel desktop passes an empty cell as 0, which for days, % changes, categories and payment is a real value: write "n/a" to leave a factor out on every Excel. Works on one row or whole columns; an error in an input gives an error in that row only.
 * @customfunction HEALTH
 * @param daysSinceLastOrder Whole days since the last order (0 = today); "never" if it never ordered; "n/a" = no data.
 * @param frequencyChange % change in orders, the last 3 months vs the 3 months before (to the as-of date, not calendar quarters) (e.g. 20% or 0.2; 10 is +1000%, and is refused where it might mean 10%: write 10%); "new" = too little history, "lapsed" = none before but orders now, "none" = no orders in either; "n/a" = no data.
 * @param revenueChange % change in revenue, last 12 months vs the prior 12 (e.g. -15%); same words as frequencyChange.
 * @param categories Number of product categories bought in the last 12 months; "1 (one product)" when the account bought a single product; "n/a" = no data.
 * @param engagement Response to outreach: 1–5 or a label such as "Proactively reaches out", "Responds within 24 hours", "Responds within 3 days", "Responds eventually", "Rarely responds". Blank or 0 = no data.
 * @param paymentDays Average days paid beyond terms (negative = early, 0 = on time); "n/a" = no data.
 * @param [weights] Optional six weights in factor order (Recency, Frequency, Revenue, Diversity, Engagement, Payment) that add to 100%; a blank weight is 0, blank cells after the sixth are spare and ignored.
 * @returns The health score, or a column of scores.
 */
export function health(
  daysSinceLastOrder: any[][],
  frequencyChange: any[][],
  revenueChange: any[][],
  categories: any[][],
  engagement: any[][],
  paymentDays: any[][],
  weights?: any[][]
): any[][] {
  const factors = [
    daysSinceLastOrder,
    frequencyChange,
    revenueChange,
    categories,
    engagement,
    paymentDays,
  ];
  const cut = cutBlankTail([...factors, weights], 6);
  const short = cut && padBlankTail(health(...(cut.args as Parameters<typeof health>)), cut);
  if (short) return short;
  return guard(() =>
    laidAs(
      scoreRows(
        factors,
        ((w) => (scores) => {
          const score = weightedScore(scores, w);
          return [
            score === null
              ? kapError("notAvailable", "No factor has data: give at least one input.")
              : score,
          ];
        })(weightsArray(weightsArg(weights))),
        ["Health score"]
      ),
      liesAcross(factors)
    )
  );
}

/**
 * The six factor scores (1–5, "n/a" when left out) behind KAP.HEALTH, then the factors used, spilled across seven columns so a score explains itself. As in KAP.HEALTH, write "n/a" to leave a factor out: Excel desktop passes an empty cell as 0.
 * @customfunction HEALTHFACTORS
 * @param daysSinceLastOrder Whole days since the last order; "never" if it never ordered; "n/a" = no data.
 * @param frequencyChange % change in orders, the last 3 months vs the 3 months before; "new", "lapsed", "none" or "n/a" also accepted.
 * @param revenueChange % change in revenue, last 12 months vs the prior 12; "new", "lapsed", "none" or "n/a" also accepted.
 * @param categories Number of product categories bought in the last 12 months; "n/a" = no data.
 * @param engagement 1–5 or a label such as "Responds within 24 hours"; blank or 0 = no data.
 * @param paymentDays Average days paid beyond terms (negative = early); "n/a" = no data.
 * @param [weights] Optional six weights adding to 100%; only factors with a weight above 0 count as used; blank cells after the sixth are spare and ignored.
 * @returns Recency, Frequency, Revenue, Diversity, Engagement, Payment scores and the list of factors used.
 */
export function healthFactors(
  daysSinceLastOrder: any[][],
  frequencyChange: any[][],
  revenueChange: any[][],
  categories: any[][],
  engagement: any[][],
  paymentDays: any[][],
  weights?: any[][]
): any[][] {
  const factors = [
    daysSinceLastOrder,
    frequencyChange,
    revenueChange,
    categories,
    engagement,
    paymentDays,
  ];
  const cut = cutBlankTail([...factors, weights], 6);
  const short =
    cut && padBlankTail(healthFactors(...(cut.args as Parameters<typeof healthFactors>)), cut);
  if (short) return short;
  return guard(() => {
    const w = weightsArg(weights);
    const rows = scoreRows(
      factors,
      (scores) => {
        const f = {} as FactorScores;
        FACTORS.forEach((k, i) => (f[k] = scores[i]));
        const r = combineHealth(f, w);
        const used = r.used.length
          ? `Used: ${r.used.map((k: Factor) => FACTOR_LABELS[k]).join(", ")}`
          : "Used: none";
        return [...FACTORS.map((k) => f[k] ?? "n/a"), used];
      },
      [...FACTORS.map((k) => FACTOR_LABELS[k]), "Factors used"]
    );
    // Rows that failed hold one error, blank rows one "": widen them so the spill stays
    // rectangular (every blank row the same array: a whole column has a million of them).
    const blankRow = Array.from({ length: 7 }, () => "");
    return laidAs(
      rows.map((r) =>
        r.length !== 1 ? r : r[0] === "" ? blankRow : Array.from({ length: 7 }, () => r[0])
      ),
      liesAcross(factors)
    );
  });
}

/**
 * Health band of a score: Healthy (4.00+), Stable (3.00–3.99), At Risk (2.00–2.99), Critical (below 2.00). The score is rounded to 2 decimals first. A blank cell and 0, typed as a number or as text, give a blank (Excel desktop passes an empty cell as 0).
 * @customfunction BAND
 * @param score A health score from 1 to 5, or a column, row or block of them (answered cell by cell).
 * @returns "Healthy", "Stable", "At Risk" or "Critical".
 */
export function band(score: any[][]): any[][] {
  const cut = cutBlankTail([score], 1);
  const short = cut && padBlankTail(band(...(cut.args as Parameters<typeof band>)), cut);
  if (short) return short;
  const block = blockColumns(score);
  if (block) return byColumns(block, (c) => band(c));
  return guard(() => {
    const scores = asColumn(score, "score");
    // text scores are read as their column writes them ("3,75" beside "4,20" is 3.75)
    const mark = columnMark(() => scores);
    const out: Out = scores.map((v, i, all) => {
      if (isEmpty(v)) return BLANK_ROW;
      try {
        const n = toNumber(v, "score", mark);
        // a text "0" is the 0 desktop passes for a blank cell: answered alike
        if (n === 0) return BLANK_ROW;
        // on the scale as the cell shows it: =1.4-0.4 (0.9999999999999999) is 1, Critical
        if (n === undefined || !onFiveScale(n))
          throw new ArgError(`score: "${String(v)}" is not a health score from 1 to 5.`);
        return [bandOf(n)];
      } catch (e) {
        return e instanceof ArgError && isLabelRow(i, all.length, [v]) ? ["Band"] : [rowError(e)];
      }
    });
    return laidAs(out, liesAcross([score]));
  });
}

/**
 * Account quadrant from engagement and potential: Key (high, high), Maintenance (high engagement, low potential), Growth Potential (low engagement, high potential), Service (low, low). High means at or above the cut. Rows blank in every input are left out of the default cut; a blank engagement and 0, typed as a number or as text, give a blank row (Excel desktop passes an empty cell as 0); a blank potential is a blank row on the 1–5 scale and £0 for money.
 * @customfunction QUADRANT
 * @param engagement Engagement 1–5 (or a label such as "Responds within 24 hours").
 * @param potential Potential 1–5, or money (such as whitespace £).
 * @param [engagementCut] Engagement at or above this is high (default 3; blank or 0 = default).
 * @param [potentialCut] Potential at or above this is high (default 3 on a 1–5 scale; for money, the median of the potentials given; blank or 0 = default).
 * @returns The quadrant name.
 */
export function quadrant(
  engagement: any[][],
  potential: any[][],
  engagementCut?: any[][],
  potentialCut?: any[][]
): any[][] {
  const cut = cutBlankTail([engagement, potential, engagementCut, potentialCut], 2);
  const short = cut && padBlankTail(quadrant(...(cut.args as Parameters<typeof quadrant>)), cut);
  if (short) return short;
  return guard(() => {
    const e = asColumn(engagement, "engagement");
    const p = asColumn(potential, "potential");
    const n = commonHeight([
      { name: "engagement", values: e, raw: engagement },
      { name: "potential", values: p, raw: potential },
    ]);
    const eCut = optionalNumber(engagementCut, "engagementCut") ?? DEFAULT_SCALE_CUT;
    const givenCut = optionalNumber(potentialCut, "potentialCut");
    // text potentials and engagement are read as their column writes them ("5.000" beside
    // "8.000,00" is 5,000)
    const [potMark, engMark] = callMarks([() => p, () => e]);
    const engagementOf = (v: Plain) => engagementCell(v, engMark);
    // Each row's potential as a number (blank → 0), or its error; rows blank in every input are out.
    const pots: (number | ArgError | undefined)[] = [];
    // one engagement cell for every row makes no spare row of the potentials a £0 in the cut
    const [ownE, ownP] = ownColumns([e.length, p.length]);
    for (let i = 0; i < n; i++) {
      const ev = at(e, i);
      const pv = at(p, i);
      // a text "0" is the 0 desktop passes for a blank cell: such a row is out of the cut too
      if ((!ownE || isEmptyOrZero(ev)) && (!ownP || isEmptyOrZero(pv))) {
        pots.push(undefined);
        continue;
      }
      try {
        const x = isBlank(pv) ? 0 : toNumber(pv, "potential", potMark);
        pots.push(
          x === undefined ? new ArgError(`potential: "${String(pv)}" is not a number.`) : x
        );
      } catch (err) {
        if (!(err instanceof ArgError)) throw err;
        pots.push(err);
      }
    }
    const numbers = pots.filter((x): x is number => typeof x === "number");
    // The 1–5 scale test ignores 0: it is off the scale, and desktop Excel's blank cell.
    const given = numbers.filter((x) => x !== 0);
    const onScale = given.length > 0 && given.every(onFiveScale);
    const pCut = givenCut ?? (onScale ? DEFAULT_SCALE_CUT : moneyPotentialCut(numbers));
    const out: Out = [];
    for (let i = 0; i < n; i++) {
      const pot = pots[i];
      if (pot === undefined) {
        out.push(BLANK_ROW);
        continue;
      }
      try {
        const err = firstInputError([at(e, i), at(p, i)], ["engagement", "potential"]);
        if (err) throw err;
        const en = engagementOf(at(e, i));
        // A blank engagement (0 on desktop) is a blank row; so is a blank potential on the 1–5 scale.
        if (en === null || (onScale && pot === 0)) {
          out.push(BLANK_ROW);
          continue;
        }
        if (pot instanceof ArgError) throw pot;
        out.push([quadrantOf(en, pot, eCut, pCut)]);
      } catch (err) {
        out.push(
          err instanceof ArgError &&
            isLabelRow(i, n, [at(e, i), at(p, i)]) &&
            !readsAs(engagementOf, at(e, i)) &&
            pot instanceof ArgError
            ? ["Quadrant"]
            : [rowError(err)]
        );
      }
    }
    return laidAs(out, liesAcross([engagement, potential]));
  });
}

const FIVEP_ARGS = ["power", "perception", "priority", "promoter", "pliability", "weight"];

/**
 * 5P score of a person in the decision-making unit: Power + Perception + Priority + Promoter + Pliability (each 1–5), times their weight (1–5) when given. A row with all five Ps blank or 0, typed as a number or as text, is blank (Excel desktop passes an empty cell as 0); a blank or 0 weight is 1.
 * @customfunction FIVEP
 * @param power Power to decide or block, 1–5.
 * @param perception How they perceive us, 1–5.
 * @param priority How high a priority this is for them, 1–5.
 * @param promoter How much they promote us, 1–5.
 * @param pliability How open they are to change, 1–5.
 * @param [weight] Weight of the person, 1–5 (default 1: the plain total; blank or 0 = 1).
 * @returns The weighted total (5–125), or the total (5–25) without a weight.
 */
export function fiveP(
  power: any[][],
  perception: any[][],
  priority: any[][],
  promoter: any[][],
  pliability: any[][],
  weight?: any[][]
): any[][] {
  const cut = cutBlankTail([power, perception, priority, promoter, pliability, weight], 6);
  const short = cut && padBlankTail(fiveP(...(cut.args as Parameters<typeof fiveP>)), cut);
  if (short) return short;
  return guard(() => {
    const raw = [power, perception, priority, promoter, pliability, weight ?? null];
    const cols = raw.map((a, i) => ({
      name: FIVEP_ARGS[i],
      values: asColumn(a, FIVEP_ARGS[i]),
      raw: a,
    }));
    const n = commonHeight(cols);
    // text scores are read as their column writes them ("4,0" proves a comma)
    const marks = callMarks(cols.map((c) => () => c.values));
    const out: Out = [];
    const emptyRow = emptyRows(cols, 5);
    for (let i = 0; i < n; i++) {
      if (emptyRow(i)) {
        out.push(BLANK_ROW);
        continue;
      }
      const vals = cols.map((c) => at(c.values, i));
      try {
        const err = firstInputError(vals, FIVEP_ARGS);
        if (err) throw err;
        const nums = vals.map((v, k) => {
          if (k === 5 && isEmptyOrZero(v)) return 1;
          // A P has no 0: blank, desktop's 0 and a text "0" read the same.
          if (isEmptyOrZero(v))
            throw new ArgError(`${FIVEP_ARGS[k]} is blank: give a score from 1 to 5.`);
          const x = toNumber(v, FIVEP_ARGS[k], marks[k]);
          if (x === undefined)
            throw new ArgError(`${FIVEP_ARGS[k]}: "${String(v)}" is not a score from 1 to 5.`);
          return x;
        });
        const [pw, pe, pr, pm, pl, w] = nums;
        out.push([
          fivePRule({
            power: pw,
            perception: pe,
            priority: pr,
            promoter: pm,
            pliability: pl,
            weight: w,
          }).weighted,
        ]);
      } catch (e) {
        if (e instanceof FivePError) out.push([kapError("invalidValue", e.message)]);
        else if (e instanceof ArgError && isLabelRow(i, n, vals)) out.push(["5P"]);
        else out.push([rowError(e)]);
      }
    }
    return laidAs(out, liesAcross(raw));
  });
}

/** A "lost" cell: TRUE/FALSE, 1/0, Yes/No, or an account status ("Lost", "Churned" → lost; "Active" → not); blank (or desktop's 0) is not lost; undefined = not a lost flag. */
function lostCell(v: Plain): boolean | undefined {
  if (isEmptyOrZero(v) || v === false) return false;
  if (v === true || v === 1) return true;
  if (v instanceof InputError) throw inputErrorOf(v, "lost");
  if (typeof v === "string") {
    // a text number ("1", an imported 0/1 column) is that number: no status, so never "not lost"
    if (/\d/.test(v)) {
      const r = readNumberText(v, ".");
      const n = r.kind === "number" || r.kind === "otherMark" ? r.value : undefined;
      if (n !== undefined) return n === 1 ? true : undefined;
    }
    const t = v.trim().toLowerCase();
    if (/^(y|yes|true)$/.test(t)) return true;
    if (/^(n|no|false)$/.test(t)) return false;
    return isLostStatus(t);
  }
  return undefined;
}

/**
 * Win-back stage: 30–44 days since the last order Stage 1 Early warning, 45–59 Stage 2 Active concern, 60–89 Stage 3 Critical, 90+ Stage 4 Recovery offer, otherwise None; Stage 5 Exit interview when the account is marked lost or churned. A blank cell and 0 days both give a blank, 0 typed as a number or as text (Excel desktop passes an empty cell as 0).
 * @customfunction WINBACK
 * @param daysSinceLastOrder Whole days since the last order, one cell, a column, a row or a block (answered cell by cell); "never" (no order at all) gives None.
 * @param [lost] Optional: TRUE, Yes, or the account's status ("Lost", "Churned") when the customer has confirmed it left; one cell or a column.
 * @returns The stage name, e.g. "Stage 2 – Active concern".
 */
export function winBack(daysSinceLastOrder: any[][], lost?: any[][]): any[][] {
  const cut = cutBlankTail([daysSinceLastOrder, lost], 2);
  const short = cut && padBlankTail(winBack(...(cut.args as Parameters<typeof winBack>)), cut);
  if (short) return short;
  const block = blockColumns(daysSinceLastOrder);
  if (block)
    return guard(() => {
      if (!notGiven(lost) && cellsOf(lost).length !== 1)
        throw new ArgError(
          "lost must be one cell when daysSinceLastOrder is a block of several columns."
        );
      return byColumns(block, (c) => winBack(c, lost));
    });
  return guard(() => {
    const days = asColumn(daysSinceLastOrder, "daysSinceLastOrder");
    const flags: Plain[] = notGiven(lost) ? [null] : asColumn(lost, "lost");
    const n = commonHeight([
      { name: "daysSinceLastOrder", values: days, raw: daysSinceLastOrder },
      { name: "lost", values: flags, raw: lost },
    ]);
    // text days are read as their column writes them ("1.200" beside "44,5" is 1,200)
    const daysMark = columnMark(() => days);
    const out: Out = [];
    for (let i = 0; i < n; i++) {
      // a header row whose lost column is headed "Lost" would read as lost: days never hold a word
      if (typeof at(days, i) === "string" && isLabelRow(i, n, [at(days, i), at(flags, i)])) {
        out.push(["Win-back stage"]);
        continue;
      }
      // one lost cell for every row makes no spare row of the days a lost account
      if (n > 1 && flags.length === 1 && isEmptyOrZero(at(days, i))) {
        out.push(BLANK_ROW);
        continue;
      }
      try {
        const f = lostCell(at(flags, i));
        if (f === undefined)
          throw new ArgError(
            `lost: "${String(at(flags, i))}" is not TRUE/FALSE, Yes/No or an account status such as "Lost".`
          );
        if (f) {
          out.push([winBackStage(0, true).name]);
          continue;
        }
        const v = at(days, i);
        if (isEmpty(v)) {
          out.push(BLANK_ROW);
          continue;
        }
        // KAP.METRICS's "never" (no order at all): no win-back stage, as the engine gives such an account
        if (typeof v === "string" && /^\s*never\s*$/i.test(v)) {
          out.push([winBackStage(0).name]);
          continue;
        }
        const d = toNumber(v, "daysSinceLastOrder", daysMark);
        if (d === undefined || d < 0)
          throw new ArgError(
            `daysSinceLastOrder: "${String(v)}" is not a number of days (0 or more).`
          );
        checkDayCount(d, "daysSinceLastOrder", "e.g. =asOf − last order date");
        // a text "0" is the 0 desktop passes for a blank cell: answered alike
        out.push(d === 0 ? BLANK_ROW : [winBackStage(d).name]);
      } catch (e) {
        out.push(
          e instanceof ArgError && isLabelRow(i, n, [at(days, i), at(flags, i)])
            ? ["Win-back stage"]
            : [rowError(e)]
        );
      }
    }
    return laidAs(out, liesAcross([daysSinceLastOrder, lost]));
  });
}

/**
 * Bulk order discount for an order value: £250–499 3%, £500–999 5%, £1,000–2,499 8%, £2,500+ 10%, otherwise 0%. A blank order value and 0, typed as a number or as text, give a blank (Excel desktop passes an empty cell as 0); in a tiers table a blank cell is 0.
 * @customfunction DISCOUNT
 * @param orderValue Order value, one cell, a column, a row or a block (answered cell by cell).
 * @param [tiers] Optional two-column table of your own tiers: minimum order value | discount rate (its header row may be included).
 * @returns The discount rate (format the cell as %).
 */
export function discount(orderValue: any[][], tiers?: any[][]): any[][] {
  const cut = cutBlankTail([orderValue, tiers], 1);
  const short = cut && padBlankTail(discount(...(cut.args as Parameters<typeof discount>)), cut);
  if (short) return short;
  const block = blockColumns(orderValue);
  if (block) return byColumns(block, (c) => discount(c, tiers));
  return guard(() => {
    let custom: DiscountTier[] | undefined;
    if (!notGiven(tiers)) {
      const cellAt = (k: number) => () =>
        tiers!.map((r) => (Array.isArray(r) ? (r as unknown[])[k] : k === 0 ? r : undefined));
      const minMark = columnMark(cellAt(0));
      const rateMark = columnMark(cellAt(1));
      custom = tiers!
        .map((r) => (Array.isArray(r) ? r : [r]).map(plain))
        // the table's own header row (Min order | Rate), when the range starts at it
        .filter((r, i) => !(i === 0 && r.length >= 2 && headerFirst(r[0], r[1])))
        .filter((r) => !r.every(isEmpty))
        .map((r) => {
          if (r.length < 2)
            throw new ArgError(
              "tiers must have two columns: minimum order value and discount rate."
            );
          const bad = r.find((c) => c instanceof InputError);
          if (bad) throw inputErrorOf(bad as InputError, "tiers");
          const min = isBlank(r[0]) ? 0 : toNumber(r[0], "tiers", minMark);
          const rate = isBlank(r[1]) ? 0 : toNumber(r[1], "tiers", rateMark);
          if (min === undefined || rate === undefined || rate < 0 || rate > 1)
            throw new ArgError(
              `tiers: row "${String(r[0] ?? "")} | ${String(r[1] ?? "")}" needs a minimum value and a rate between 0% and 100%.`
            );
          return { min, rate };
        });
    }
    const values = asColumn(orderValue, "orderValue");
    const valueMark = columnMark(() => values);
    const out: Out = values.map((v, i, all) => {
      if (isEmpty(v)) return BLANK_ROW;
      try {
        const n = toNumber(v, "orderValue", valueMark);
        if (n === undefined) throw new ArgError(`orderValue: "${String(v)}" is not an amount.`);
        // a text "0" is the 0 desktop passes for a blank cell: answered alike
        if (n === 0) return BLANK_ROW;
        // compared as the cell shows it (discountRate): £2,499.9999999999995 is the £2,500 tier
        return [discountRate(n, custom)];
      } catch (e) {
        return e instanceof ArgError && isLabelRow(i, all.length, [v])
          ? ["Discount"]
          : [rowError(e)];
      }
    });
    return laidAs(out, liesAcross([orderValue]));
  });
}

/** Steps of money a revenue cell is counted in: the order book's, £0.0001 (moneySteps). */
const REVENUE_STEPS = moneySteps(undefined);

/**
 * Seasonality index by calendar month (January to December, spilled down 12 rows): each month's revenue over the full months in the data, averaged across years, divided by the mean month, times 100. Rows with no date and no revenue are skipped (desktop Excel passes them as 0); a blank revenue beside a date counts as 0.
 * @customfunction SEASONALITY
 * @param orderDates Column of order dates.
 * @param revenue Column of revenue, the same height as orderDates.
 * @param [asOf] Last day to count (default: the last order date; blank or 0 = default); only whole calendar months count.
 * @param [dataStart] With one account's lines: the first date of all your order lines (MIN(Orders[Date])), so the account's first month counts when the data saw it whole, as KAP's sheets count it. Default: the first date given (its month counts only from the 1st).
 * @returns Twelve indices, January first; blank where a month has no full-month data.
 */
export function seasonality(
  orderDates: any[][],
  revenue: any[][],
  asOf?: any[][],
  dataStart?: any[][]
): any[][] {
  return guard(() => {
    const d = asColumn(orderDates, "orderDates");
    const r = asColumn(revenue, "revenue");
    if (d.length !== r.length)
      throw lengthMismatch(
        { name: "revenue", length: r.length, across: isRowRange(revenue) },
        { name: "orderDates", length: d.length, across: isRowRange(orderDates) }
      );
    const points: { date: number; value: number }[] = [];
    const order = columnDateOrder(() => d);
    const revenueMark = columnMark(() => r);
    const first = d.length > 1 && headerFirst(d[0], r[0]) ? 1 : 0;
    for (let i = first; i < d.length; i++) {
      // blank, desktop's 0 or a text "0" in both: a spare row
      if (isEmptyOrZero(d[i]) && isEmptyOrZero(r[i])) continue;
      const err = firstInputError(
        [d[i], r[i]],
        [`orderDates (row ${i + 1})`, `revenue (row ${i + 1})`]
      );
      if (err) throw err;
      if (isEmptyOrZero(d[i]))
        throw new ArgError(`orderDates: row ${i + 1} has revenue but no date.`);
      const date = toSerial(d[i], "orderDates", order);
      const value = isBlank(r[i]) ? 0 : toNumber(r[i], "revenue", revenueMark);
      if (value === undefined)
        throw new ArgError(`revenue: "${String(r[i])}" in row ${i + 1} is not an amount.`);
      // in whole money steps (£0.0001), as the order book sums a month: sales and credits that
      // cancel net to 0 exactly (0.10 + 0.20 − 0.30 is 5.6e-17 in floating point, and a mean
      // month of 4.6e-18 made its month an index of 6.5e18); the index is the same in any unit
      points.push({ date, value: roundHalfAwayFromZero(value * REVENUE_STEPS) });
    }
    const end = singleCell(asOf, "asOf", "date");
    const startCell = singleCell(dataStart, "dataStart", "date");
    const start = startCell === undefined ? undefined : toSerial(startCell, "dataStart");
    // the data cannot start after one of its own orders: a date of another column, or a typo
    if (start !== undefined && points.length) {
      let first = points[0].date;
      for (const p of points) if (p.date < first) first = p.date;
      if (Math.floor(start) > Math.floor(first))
        throw new ArgError(
          `dataStart (${serialToIso(start)}) is after the first order date given (${serialToIso(first)}): give the first date of all the order lines, or leave it blank.`
        );
    }
    const res = seasonalityRule(
      points,
      end === undefined ? undefined : toSerial(end, "asOf"),
      start
    );
    if (res.firstMonth === null)
      throw new ArgError(
        "No full calendar month of data: give at least one whole month of orders.",
        "notAvailable"
      );
    if (res.index.every((x) => x === null))
      throw new ArgError(
        "Net revenue over the full months is zero or below (returns outweigh sales): there is no seasonality to index.",
        "notAvailable"
      );
    return res.index.map((x) => [x === null ? "" : roundHalfAwayFromZero(x, 1)]);
  });
}

/**
 * Reorder period: the median number of days between consecutive orders. With a products column, each row gets the reorder period of its own product (a column the same height). Rows with a blank date (0 on Excel desktop) are skipped; an error in a row gives an error in the rows of its product.
 * @customfunction REORDERDAYS
 * @param orderDates Column of order dates.
 * @param [products] Optional column of SKUs or product names, the same height as orderDates.
 * @returns Median days between orders; #N/A under two orders.
 */
export function reorderDays(orderDates: any[][], products?: any[][]): any[][] {
  return guard(() => {
    const d = asColumn(orderDates, "orderDates");
    const under2 = () => kapError("notAvailable", "Needs at least two orders on different days.");
    const order = columnDateOrder(() => d);
    const dateOf = (v: Plain): number | ArgError | null => {
      if (isEmptyOrZero(v)) return null;
      try {
        return toSerial(v, "orderDates", order);
      } catch (e) {
        if (e instanceof ArgError) return e;
        throw e;
      }
    };
    // a whole column (A:A) or a range from the header down: the label is not an order
    const label = d.length > 1 && headerFirst(d[0]);
    const serials = d.map((v, i) => (i === 0 && label ? null : dateOf(v)));
    if (notGiven(products)) {
      const bad = serials.find((s): s is ArgError => s instanceof ArgError);
      if (bad) throw bad;
      const r = reorderRule(serials.filter((s): s is number => typeof s === "number"));
      return [[r === undefined ? under2() : r]];
    }
    const p = asColumn(products, "products");
    if (p.length !== d.length)
      throw lengthMismatch(
        { name: "products", length: p.length, across: isRowRange(products) },
        { name: "orderDates", length: d.length, across: isRowRange(orderDates) }
      );
    const keyOf = (v: Plain) => String(v).trim().toLowerCase();
    const byProduct = new Map<string, number[]>();
    const failed = new Map<string, ArgError>();
    p.forEach((v, i) => {
      const s = serials[i];
      if (isEmpty(v) || v instanceof InputError || s === null) return;
      const key = keyOf(v);
      if (s instanceof ArgError) {
        if (!failed.has(key)) failed.set(key, s);
        return;
      }
      const list = byProduct.get(key);
      if (list) list.push(s);
      else byProduct.set(key, [s]);
    });
    const out: Out = p.map((v, i) => {
      if (v instanceof InputError) return [rowError(inputErrorOf(v, "products"))];
      if (isEmpty(v) || (i === 0 && label)) return BLANK_ROW;
      const key = keyOf(v);
      const err = failed.get(key);
      if (err) return [rowError(err)];
      const r = reorderRule(byProduct.get(key) ?? []);
      return [r === undefined ? under2() : r];
    });
    return laidAs(out, liesAcross([orderDates, products]));
  });
}

/* ---- lifetime value (BG/NBD + Gamma-Gamma; the model lives in src/domain/analysis/clv) ---- */

const LIFETIME_ROW_ARGS = ["frequency", "recency", "T", "meanValue"];

/**
 * The fitted parameters from one range: r, α, a, b (BG/NBD) then p, q, γ (Gamma-Gamma), as the KAP
 * Account Health sheet writes them. `need` 4 reads the first four of a 4- or 7-cell range.
 */
function lifetimeParams(m: any[][], need: 4 | 7): { bg: BgNbdParams; gg: GammaGammaParams | null } {
  const what = need === 4 ? "r, α, a, b (BG/NBD)" : "r, α, a, b (BG/NBD) and p, q, γ (Gamma-Gamma)";
  const cells = m === null || m === undefined ? [] : withoutBlankTail(cellsOf(m));
  if (cells.length !== need && !(need === 4 && cells.length === 7))
    throw new ArgError(
      `params must be the ${need} fitted parameters ${what} — the Lifetime model cells of the KAP Account Health sheet; got ${cells.length} cell${cells.length === 1 ? "" : "s"}.`
    );
  const names = ["r", "α", "a", "b", "p", "q", "γ"];
  // the parameters are one range: its text proves its mark ("0,243" a comma), as a column's does
  const mark = columnMark(() => cells);
  const nums = cells.map((c, i) => {
    const x = isBlank(c) ? undefined : toNumber(c, `params (${names[i]})`, mark);
    if (x === undefined || !(x > 0))
      throw new ArgError(
        // a blank cell is 0 on desktop: one message for both
        `params: ${names[i]} must be a positive number (got ${isEmpty(c) ? "a blank cell or 0" : `"${String(c)}"`}).`
      );
    return x;
  });
  const [r, alpha, a, b, p, q, gamma] = nums;
  return { bg: { r, alpha, a, b }, gg: nums.length === 7 ? { p, q, gamma } : null };
}

/**
 * One row's frequency, recency and T (weeks); null for a blank row (all three empty — desktop
 * passes blanks as 0). Text is read under its column's mark (`marks`, one per column).
 */
function frequencyRecency(
  cells: readonly Plain[],
  marks: readonly ColumnMark[]
): { frequency: number; recency: number; T: number } | null {
  if (cells.slice(0, 3).every(isEmpty)) return null;
  const err = firstInputError(cells, LIFETIME_ROW_ARGS);
  if (err) throw err;
  const [frequency, recency, T] = cells.slice(0, 3).map((v, k) => {
    const x = isBlank(v) ? 0 : toNumber(v, LIFETIME_ROW_ARGS[k], marks[k]);
    if (x === undefined)
      throw new ArgError(`${LIFETIME_ROW_ARGS[k]}: "${String(v)}" is not a number.`);
    // a count of orders as the cell shows it: =0.1*3*10 (3.0000000000000004) is 3 repeat orders
    return k === 0 ? asShown(x) : x;
  });
  try {
    checkSummary({ frequency, recency, T });
  } catch (e) {
    if (e instanceof RangeError) throw new ArgError(e.message);
    throw e;
  }
  return { frequency, recency, T };
}

/**
 * Probability the account is still active (BG/NBD, Fader, Hardie & Lee 2005), from its repeat orders, recency and age in weeks and the fitted parameters. "one order only" where frequency is 0 (the model gives 100% there by construction). A row with frequency, recency and T all blank (or 0, as Excel desktop passes blanks) is blank.
 * @customfunction PALIVE
 * @param frequency Repeat orders: distinct order days after the first (returns are not orders), one cell or a column.
 * @param recency Weeks from the first to the last order day (0 when frequency is 0).
 * @param T Weeks from the first order day to the as-of date.
 * @param params The fitted parameters r, α, a, b (4 cells), or all 7 (r, α, a, b, p, q, γ) as the KAP Account Health sheet writes them; blank cells after them are spare and ignored.
 * @returns P(alive) from 0 to 1 (format as %), or "one order only".
 */
export function pAlive(frequency: any[][], recency: any[][], T: any[][], params: any[][]): any[][] {
  const cut = cutBlankTail([frequency, recency, T, params], 3);
  const short = cut && padBlankTail(pAlive(...(cut.args as Parameters<typeof pAlive>)), cut);
  if (short) return short;
  return guard(() => {
    const { bg } = lifetimeParams(params, 4);
    const cols = [frequency, recency, T].map((a, k) => ({
      name: LIFETIME_ROW_ARGS[k],
      values: asColumn(a, LIFETIME_ROW_ARGS[k]),
      raw: a,
    }));
    const n = commonHeight(cols);
    // text weeks are read as their column writes them ("1.000" beside "30,43" is 1,000)
    const marks = callMarks(cols.map((c) => () => c.values));
    const out: Out = [];
    const emptyRow = emptyRows(cols, 3);
    for (let i = 0; i < n; i++) {
      if (emptyRow(i)) {
        out.push(BLANK_ROW);
        continue;
      }
      try {
        const s = frequencyRecency(
          cols.map((c) => at(c.values, i)),
          marks
        );
        if (s === null) out.push(BLANK_ROW);
        else
          out.push([
            s.frequency === 0 ? "one order only" : pAliveRule(bg, s.frequency, s.recency, s.T),
          ]);
      } catch (e) {
        const header =
          e instanceof ArgError &&
          isLabelRow(
            i,
            n,
            cols.map((c) => at(c.values, i))
          );
        out.push(header ? ["P(alive)"] : [rowError(e)]);
      }
    }
    return laidAs(out, liesAcross([frequency, recency, T]));
  });
}

/**
 * Customer lifetime value: the expected orders over the horizon (BG/NBD) times the expected order value (Gamma-Gamma), each month discounted by (1 + rate)^(month/12). With horizonMonths 12 and discountRate 0 it is the expected revenue of the next 12 months. A row with frequency, recency and T all blank (or 0 on Excel desktop) is blank.
 * @customfunction CLV
 * @param frequency Repeat orders: distinct order days after the first, one cell or a column.
 * @param recency Weeks from the first to the last order day.
 * @param T Weeks from the first order day to the as-of date.
 * @param meanValue Mean value of the repeat orders (ignored when frequency is 0; blank or 0 counts as no spend, so the value rests on the portfolio's typical order).
 * @param params The 7 fitted parameters r, α, a, b, p, q, γ, as the KAP Account Health sheet writes them; blank cells after them are spare and ignored.
 * @param [horizonMonths] Months ahead (default 12; blank or 0 = 12).
 * @param [discountRate] Yearly discount rate (left out: 10%; 0 or a blank cell = no discounting, as Excel's own functions read a blank rate).
 * @returns The CLV in the money of meanValue.
 */
export async function clv(
  frequency: any[][],
  recency: any[][],
  T: any[][],
  meanValue: any[][],
  params: any[][],
  horizonMonths?: any[][],
  discountRate?: any[][]
): Promise<any[][]> {
  const cut = cutBlankTail(
    [frequency, recency, T, meanValue, params, horizonMonths, discountRate],
    4
  );
  const short = cut && padBlankTail(await clv(...(cut.args as Parameters<typeof clv>)), cut);
  if (short) return short;
  // The forecast needs the hypergeometric function: loaded on first use, outside the functions bundle.
  const { customerLifetimeValue, clvOptions } = await import(
    /* webpackChunkName: "clv" */ "../domain/analysis/clv"
  );
  return guard(() => {
    const { bg, gg } = lifetimeParams(params, 7);
    const horizon = optionalNumber(horizonMonths, "horizonMonths");
    // spare blank cells after the rate (D2:D4 with D2 filled) are not rates, as after weights
    const rateCells =
      discountRate === null || discountRate === undefined
        ? []
        : withoutBlankTail(asColumn(discountRate, "discountRate"), 1);
    if (rateCells.length > 1)
      throw new ArgError(
        `discountRate must be a single value (got ${rateCells.length} cells with values).`
      );
    // Left out: the default. A blank cell is 0%, as Excel's own functions read a blank rate: desktop
    // passes it as 0 and cannot tell, so the web's null must read the same.
    const rateCell = rateCells.length ? rateCells[0] : undefined;
    const rate =
      rateCell === undefined
        ? undefined
        : isBlank(rateCell)
          ? 0
          : toNumber(rateCell, "discountRate");
    if (rate === undefined && rateCell !== undefined)
      throw new ArgError(`discountRate must be a number such as 10% (got "${String(rateCell)}").`);
    let options: { horizonMonths: number; discountRate: number };
    try {
      options = clvOptions({ horizonMonths: horizon, discountRate: rate });
    } catch (e) {
      if (e instanceof RangeError) throw new ArgError(e.message);
      throw e;
    }
    const cols = [frequency, recency, T, meanValue].map((a, k) => ({
      name: LIFETIME_ROW_ARGS[k],
      values: asColumn(a, LIFETIME_ROW_ARGS[k]),
      raw: a,
    }));
    const n = commonHeight(cols);
    // text numbers are read as their column writes them ("1.234" beside "22,5" is 1,234)
    const marks = callMarks(cols.map((c) => () => c.values));
    const out: Out = [];
    const emptyRow = emptyRows(cols, 3);
    for (let i = 0; i < n; i++) {
      if (emptyRow(i)) {
        out.push(BLANK_ROW);
        continue;
      }
      try {
        const cells = cols.map((c) => at(c.values, i));
        const s = frequencyRecency(cells, marks);
        if (s === null) {
          out.push(BLANK_ROW);
          continue;
        }
        const mv = cells[3];
        let mean: number | null = null;
        if (s.frequency > 0) {
          // blank and desktop's 0 read alike: no spend (the domain's rule for a mean of 0 or less)
          mean = isEmpty(mv) ? 0 : (toNumber(mv, "meanValue", marks[3]) ?? null);
          if (mean === null)
            throw new ArgError(
              `meanValue: "${String(mv)}" is not the mean value of the ${s.frequency} repeat order${s.frequency === 1 ? "" : "s"}.`
            );
        }
        const v = customerLifetimeValue(bg, gg!, { ...s, meanValue: mean }, options);
        out.push([
          v === null
            ? kapError(
                "notAvailable",
                "The spend model has no mean order value with these parameters (q ≤ 1)."
              )
            : v,
        ]);
      } catch (e) {
        const header =
          e instanceof ArgError &&
          isLabelRow(
            i,
            n,
            cols.map((c) => at(c.values, i))
          );
        out.push(header ? ["CLV"] : [rowError(e)]);
      }
    }
    return laidAs(out, liesAcross([frequency, recency, T, meanValue]));
  });
}

/**
 * An optional TRUE/FALSE argument as users write a flag: TRUE, 1, "TRUE", "Yes" are true; FALSE,
 * 0 (desktop's blank), "FALSE", "No" and a blank are false; anything else is refused, never read
 * as false without a word.
 */
function flagArg(m: any[][] | null | undefined, argName: string): boolean {
  if (notGiven(m)) return false;
  const v = singleCell(m, argName, "TRUE or FALSE");
  if (v === true || v === 1) return true;
  if (v === false || v === undefined || isEmptyOrZero(v)) return false;
  if (v instanceof InputError) throw inputErrorOf(v, argName);
  const t = typeof v === "string" ? v.trim().toLowerCase() : "";
  if (/^(true|yes|y|1)$/.test(t)) return true;
  if (/^(false|no|n)$/.test(t)) return false;
  throw new ArgError(`${argName}: "${String(v)}" is not TRUE or FALSE.`);
}

/**
 * KAP.METRICS and KAP.ACCOUNTHEALTH's order book and health inputs (./accountColumns: the order
 * book, its order runs, sites and service lines, the health-at-a-date rules), about a third of the
 * functions' code, in a chunk of their own: functions.js, which Excel loads before any workbook
 * formula can calculate, stays small, and the chunk is fetched as soon as it has loaded.
 */
type AccountColumns = typeof import("./accountColumns");
let accountColumns: AccountColumns | undefined;
let accountColumnsLoad: Promise<AccountColumns> | undefined;

function loadAccountColumns(): Promise<AccountColumns> {
  return (accountColumnsLoad ??= import(/* webpackChunkName: "accounts" */ "./accountColumns").then(
    (m) => (accountColumns = m)
  ));
}

// Fetched as the functions start. Where a chunk cannot be fetched (a page with no document), the
// first call tries again and answers in its cell (withAccountColumns).
try {
  loadAccountColumns().catch(() => (accountColumnsLoad = undefined));
} catch {
  accountColumnsLoad = undefined;
}

/** Settles once KAP.METRICS and KAP.ACCOUNTHEALTH answer at once (tests that call them as a file loads). */
export async function accountColumnsReady(): Promise<void> {
  await loadAccountColumns();
}

/**
 * `run` with the account columns' code: at once when it has loaded (every call but those made in
 * the moment the functions start), else once it has. A custom function may answer with a promise
 * whatever its declared type: Excel awaits it as it does an async function's (their metadata is
 * the same, functions.json has no async flag), showing #BUSY! meanwhile.
 */
function withAccountColumns(run: (m: AccountColumns) => any[][]): any[][] {
  if (accountColumns) return run(accountColumns);
  const failed = (): any[][] => [
    [kapError("notAvailable", "KAP could not load its order-line code: reload the add-in.")],
  ];
  let later: Promise<any[][]>;
  try {
    later = loadAccountColumns().then(run, failed);
  } catch {
    return failed();
  }
  return later as unknown as any[][];
}

/**
 * The health inputs of each account straight from the order lines (RULES.md §2), one row per account id, spilled across nine columns: days since the last order ("never"), orders in the last 3 months, orders in the 3 months before (to the as-of date, not calendar quarters), the order change, revenue last 12 months, revenue the prior 12, the revenue change, categories bought in 12 months and products bought in 12 months. The changes and categories are written as KAP.HEALTH reads them. Give whole columns or table columns (Orders[Date]); blank rows are skipped on every Excel. An order row whose date or amount cannot be read is left out, and its account's row shows the error naming it (with no asOf, an unreadable date stops the call); an Excel error in an account id cell (a failed lookup) is that row's answer.
 * @customfunction METRICS
 * @param accountIds One account id or a column of them (your Accounts table's id column). An account numbered 0 must be typed as text ('0): Excel desktop passes a blank cell as 0.
 * @param orderAccounts The order lines' account id column (an account 0 typed as text, '0, as in accountIds).
 * @param orderDates The order lines' date column (date cells, or text: yyyy-mm-dd, 31/10/2026, 31.10.2026; one that reads two ways, such as 05/10/2026, follows the column's other dates, else the workbook's culture, else is #VALUE!).
 * @param orderIds The order or invoice number column; blank cells count as one order per account per day. An id starting with C, CN, CRN, CR or CM and a digit or a dash (C1042, CN-5, CR-0001, CM1001), the same after a series code (PS-CR104001, SCN-0005), or starting with the document's name (Credit Note 0004) is a credit note.
 * @param revenue The line revenue column; negative values are returns.
 * @param categories The product category column; leave blank (or "") when the data has none, then Diversity is n/a.
 * @param [asOf] The as-of date (default: the last sale's date in the order lines; a return dated after it is left out, and a function cannot warn of it: give the date, such as MAX(Orders[Date]), to count it).
 * @param [quantity] The quantity column (negative quantities are returns).
 * @param [withHeader] TRUE (or 1, Yes) to put a header row on top.
 * @param [products] The SKU or product column: tells one product from several in one category, and recognises postage, discount and other service lines.
 * @param [rolledInto] The column beside accountIds naming the account each one rolls into (its parent; blank = top-level): a parent's row then includes the orders of every account below it, as KAP rolls sites into their parents.
 * @returns Nine columns per account.
 */
export function metrics(
  accountIds: any[][],
  orderAccounts: any[][],
  orderDates: any[][],
  orderIds: any[][],
  revenue: any[][],
  categories: any[][],
  asOf?: any[][],
  quantity?: any[][],
  withHeader?: any[][],
  products?: any[][],
  rolledInto?: any[][]
): any[][] {
  return withAccountColumns((m) =>
    guard(() => {
      const r = m.inputsForAccounts(
        accountIds,
        { orderAccounts, orderDates, orderIds, revenue, categories, quantity, products },
        asOf,
        rolledInto
      );
      // one array for every blank row (a whole column's spare rows: a million of them)
      const blankRow = METRIC_HEADERS.map(() => "");
      const rows: Out = r.inputs.map((inp, i) => {
        const e = r.errors[i];
        if (e) return METRIC_HEADERS.map(() => rowError(e));
        return inp === undefined ? blankRow : metricCells(inp);
      });
      const header = flagArg(withHeader, "withHeader");
      return laidAs(
        header ? [[...METRIC_HEADERS], ...rows] : rows,
        liesAcross([accountIds, rolledInto])
      );
    })
  );
}

/**
 * Account health score, 1–5, straight from the order lines: KAP.METRICS's inputs scored as KAP.HEALTH scores them, with engagement and payment from your Accounts table when given. One cell per account id; blank ids give blank cells.
 * @customfunction ACCOUNTHEALTH
 * @param accountIds One account id or a column of them; an account numbered 0 typed as text ('0): Excel desktop passes a blank cell as 0.
 * @param orderAccounts The order lines' account id column (an account 0 typed as text, '0).
 * @param orderDates The order lines' date column.
 * @param orderIds The order or invoice number column (blank = one order per account per day).
 * @param revenue The line revenue column.
 * @param categories The product category column (blank when the data has none: Diversity is n/a).
 * @param [engagement] Engagement per account row: 1–5 or a label such as "Responds within 24 hours".
 * @param [payment] Average days paid beyond terms per account row (negative = early); "n/a" leaves it out. A blank cell reads as 0 days (on time) on Excel desktop, so write n/a where there is no figure.
 * @param [asOf] The as-of date (default: the last sale's date in the order lines; a return dated after it is left out, and a function cannot warn of it: give the date, such as MAX(Orders[Date]), to count it).
 * @param [weights] Six weights adding to 100% (Recency, Frequency, Revenue, Diversity, Engagement, Payment); blank cells after the sixth are spare and ignored.
 * @param [quantity] The quantity column (negative quantities are returns).
 * @param [products] The SKU or product column (one product vs several; service lines).
 * @param [rolledInto] The column beside accountIds naming the account each one rolls into (blank = top-level): a parent's score then includes the orders of every account below it.
 * @returns The health score of each account.
 */
export function accountHealth(
  accountIds: any[][],
  orderAccounts: any[][],
  orderDates: any[][],
  orderIds: any[][],
  revenue: any[][],
  categories: any[][],
  engagement?: any[][],
  payment?: any[][],
  asOf?: any[][],
  weights?: any[][],
  quantity?: any[][],
  products?: any[][],
  rolledInto?: any[][]
): any[][] {
  return withAccountColumns((m) =>
    guard(() => {
      const w = weightsArg(weights);
      const r = m.inputsForAccounts(
        accountIds,
        { orderAccounts, orderDates, orderIds, revenue, categories, quantity, products },
        asOf,
        rolledInto,
        [engagement, payment]
      );
      const eng = notGiven(engagement) ? null : asColumn(engagement, "engagement");
      const pay = payment === null || payment === undefined ? null : asColumn(payment, "payment");
      // text engagement and payment days are read as their column writes them ("1.200" beside
      // "-2,5" is 1,200)
      const [engMark, payMark] = callMarks([() => eng ?? [], () => pay ?? []]);
      commonHeight([
        { name: "accountIds", values: r.ids, raw: accountIds },
        ...(eng ? [{ name: "engagement", values: eng, raw: engagement }] : []),
        ...(pay ? [{ name: "payment", values: pay, raw: payment }] : []),
      ]);
      const out = r.inputs.map((inp, i): (number | string | KapError)[] => {
        const e = r.errors[i];
        if (e) return [rowError(e)];
        if (inp === undefined) return BLANK_ROW;
        try {
          inp.engagement = eng ? engagementCell(at(eng, i), engMark) : null;
          inp.daysBeyondTerms = pay ? paymentDaysCell(at(pay, i), "paymentDays", payMark) : null;
          const score = m.scoreInputs(inp, w).score;
          return [score === null ? kapError("notAvailable", "No factor has data.") : score];
        } catch (e) {
          return [rowError(e)];
        }
      });
      return laidAs(out, liesAcross([accountIds, engagement, payment, rolledInto]));
    })
  );
}

/* ---- Engagement and Payment from the user's own log and ledger rows (RULES.md §2.1; src/functions/logFunctions.ts) ---- */

/**
 * Engagement score 1–5 of one account from its contact log, by the rule KAP applies to an engagement log: over the contacts of the 90 days to asOf, 1 when half or more of the outreach older than 14 days has no response; otherwise the median response time of the answered outreach: within 24 hours 4 (5 when the customer also reached out, an inbound contact), within 3 days 3, longer 2. Fewer than 3 outreach and no inbound contact: #N/A (not enough log). Blank rows are skipped on every Excel.
 * @customfunction ENGAGEMENT
 * @param contactDates Column of contact dates (date cells, with the time of day for hour-exact responses, or yyyy-mm-dd hh:mm), one row per call, e-mail, visit or meeting.
 * @param directions Column beside it: "Inbound" (the customer reached out) or "Outbound" (our outreach); blank = outbound. One cell applies to every row.
 * @param respondedOn Column beside it: when the customer answered that outreach; blank = no answer (yet).
 * @param [asOf] The day to judge at (default: the latest contact or response date); responses after it do not count yet.
 * @returns The Engagement score 1–5.
 */
export function engagement(
  contactDates: any[][],
  directions: any[][],
  respondedOn: any[][],
  asOf?: any[][]
): any[][] {
  return guard(() => [[engagementOfRows(contactDates, directions, respondedOn, asOf)]]);
}

/**
 * Payment of one account from its invoices, by the rule KAP applies to a payments ledger: days beyond terms = paid date − due date (negative when early); an unpaid invoice past its due date counts its days overdue at asOf; the account's figure is the amount-weighted mean over the invoices due in the 12 months to asOf, rounded to whole days; then early (−1 or less) 5, on time (0) 4, 1–7 days 3, 8–30 days 2, 31+ days 1. Or give days late per invoice instead of dates (leave paidDates out). Spills two cells: the days and the score.
 * @customfunction PAYMENT
 * @param dueDatesOrDaysLate Column of invoice due dates (with paidDates), or of days paid beyond terms per invoice (without paidDates; on Excel desktop a blank cell arrives as 0, on time, so give exactly the rows or an amounts column: an empty days cell beside an amount is 0 days on every Excel).
 * @param [paidDates] Column of paid dates beside the due dates; blank = unpaid.
 * @param [amounts] Column of invoice amounts, one per invoice row, to weight the mean (default: every invoice alike); a blank, 0 or negative amount (a credit note) is left out.
 * @param [asOf] The day to judge at (default: the latest due or paid date); give TODAY() or your as-of date so that unpaid invoices count as overdue.
 * @returns Days beyond terms (whole days, what KAP.HEALTH's paymentDays takes) and the Payment score 1–5.
 */
export function payment(
  dueDatesOrDaysLate: any[][],
  paidDates?: any[][],
  amounts?: any[][],
  asOf?: any[][]
): any[][] {
  return guard(() => [paymentOfRows(dueDatesOrDaysLate, paidDates, amounts, asOf)]);
}
