/**
 * Nelder–Mead downhill simplex minimisation (Nelder & Mead 1965, "A simplex method for function
 * minimization", Computer Journal 7(4); coefficients and shrink step as in Lagarias, Reeds, Wright
 * & Wright 1998, SIAM J. Optim. 9(1), which scipy's `fmin` and R's `optim` also follow), with a
 * restart from the best vertex until a restart no longer improves: a collapsed simplex is the
 * method's known failure, and the restart is the standard remedy.
 *
 * Why our own: the registry's only Nelder–Mead package (`fmin` 0.0.4) ships a UMD build inside a
 * `"type": "module"` package, so it exports nothing under Node's require(esm), esbuild or webpack;
 * the other candidates carry build tools as runtime dependencies (`optimization-js`) or are one
 * unmaintained 130 KB file (`numeric`). The method is 60 lines and is tested here on the
 * Rosenbrock function and on the published BG/NBD and Gamma-Gamma fits.
 */

export interface MinimizeOptions {
  /** Edge of the starting simplex along each axis; default 0.5. */
  initialStep?: number;
  /** Stop when every vertex is within xTolerance of the best on every axis … (default 1e-8) */
  xTolerance?: number;
  /** … and every vertex's value within fTolerance of the best (default 1e-9). */
  fTolerance?: number;
  /** Most function evaluations in all (default 400 per dimension × restarts). */
  maxEvaluations?: number;
  /** Most restarts from the best vertex after convergence (default 4). */
  maxRestarts?: number;
  /**
   * Stop, not converged, when this many evaluations in a row have not lowered the best value by
   * more than fTolerance (default: never). On a ridge where the function's rounding noise is
   * larger than what is left to gain, the simplex never collapses and would otherwise spend
   * the whole budget on noise.
   */
  stallEvaluations?: number;
}

export interface MinimizeResult {
  x: number[];
  fx: number;
  evaluations: number;
  /** false when maxEvaluations ran out, or progress stalled, before the tolerances were met */
  converged: boolean;
}

/**
 * Minimises f from x0. f may return Infinity or NaN for points outside its domain (they are
 * treated as +Infinity, so the simplex moves away from them); x0 itself must give a finite value.
 * Throws a RangeError when it does not.
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: MinimizeOptions = {}
): MinimizeResult {
  const n = x0.length;
  const step = options.initialStep ?? 0.5;
  const xTol = options.xTolerance ?? 1e-8;
  const fTol = options.fTolerance ?? 1e-9;
  const maxRestarts = options.maxRestarts ?? 4;
  const maxEval = options.maxEvaluations ?? 400 * Math.max(1, n) * (maxRestarts + 1);
  const stall = options.stallEvaluations ?? Infinity;
  let evaluations = 0;
  // the best value when it last fell by more than fTol, and the evaluation that got it
  let gained = Infinity;
  let gainedAt = 0;
  const value = (x: readonly number[]): number => {
    evaluations++;
    const v = f(x);
    if (v < gained - fTol) {
      gained = v;
      gainedAt = evaluations;
    }
    return Number.isNaN(v) ? Infinity : v;
  };
  const budget = () => evaluations < maxEval && evaluations - gainedAt < stall;
  let best = x0.slice();
  let bestF = value(best);
  if (!Number.isFinite(bestF))
    throw new RangeError("The starting point of the minimisation has no finite value.");
  let converged = false;
  for (let restart = 0; restart <= maxRestarts; restart++) {
    const run = simplexRun(value, best, bestF, step, xTol, fTol, budget);
    const improved = bestF - run.fx;
    best = run.x;
    bestF = run.fx;
    converged = run.converged;
    if (!run.converged || improved <= fTol) break;
  }
  return { x: best, fx: bestF, evaluations, converged };
}

function simplexRun(
  value: (x: readonly number[]) => number,
  x0: number[],
  f0: number,
  step: number,
  xTol: number,
  fTol: number,
  budget: () => boolean
): { x: number[]; fx: number; converged: boolean } {
  const n = x0.length;
  const pts: number[][] = [x0.slice()];
  const fs: number[] = [f0];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] += step;
    pts.push(p);
    fs.push(value(p));
  }
  const order = pts.map((_, i) => i);
  const centroid = new Array<number>(n).fill(0);
  const along = (t: number, worst: number[]): number[] =>
    centroid.map((c, i) => c + t * (c - worst[i]));
  let converged = false;
  while (budget()) {
    order.sort((a, b) => fs[a] - fs[b]);
    const b = order[0];
    const w = order[n];
    let spread = 0;
    let fSpread = 0;
    for (let k = 1; k <= n; k++) {
      const j = order[k];
      fSpread = Math.max(fSpread, Math.abs(fs[j] - fs[b]));
      for (let i = 0; i < n; i++) spread = Math.max(spread, Math.abs(pts[j][i] - pts[b][i]));
    }
    if (spread <= xTol && fSpread <= fTol) {
      converged = true;
      break;
    }
    centroid.fill(0);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] += pts[order[k]][i] / n;
    const worst = pts[w];
    const secondWorstF = fs[order[n - 1]];
    const xr = along(1, worst);
    const fr = value(xr);
    if (fr < fs[b]) {
      const xe = along(2, worst);
      const fe = value(xe);
      if (fe < fr) [pts[w], fs[w]] = [xe, fe];
      else [pts[w], fs[w]] = [xr, fr];
      continue;
    }
    if (fr < secondWorstF) {
      [pts[w], fs[w]] = [xr, fr];
      continue;
    }
    // contraction: outside when the reflection beat the worst, else inside
    const outside = fr < fs[w];
    const xc = along(outside ? 0.5 : -0.5, worst);
    const fc = value(xc);
    if (outside ? fc <= fr : fc < fs[w]) {
      [pts[w], fs[w]] = [xc, fc];
      continue;
    }
    // shrink towards the best vertex
    for (let k = 1; k <= n; k++) {
      const j = order[k];
      pts[j] = pts[j].map((v, i) => pts[b][i] + 0.5 * (v - pts[b][i]));
      fs[j] = value(pts[j]);
    }
  }
  let bi = 0;
  for (let k = 1; k <= n; k++) if (fs[k] < fs[bi]) bi = k;
  return { x: pts[bi], fx: fs[bi], converged };
}
