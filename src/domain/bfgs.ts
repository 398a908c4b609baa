/**
 * BFGS quasi-Newton minimisation with a backtracking (Armijo) line search, for smooth objectives
 * with an analytic gradient (Nocedal & Wright, "Numerical Optimization", 2nd ed., Algorithm 6.1;
 * the inverse-Hessian update is skipped when the curvature yᵀs is not positive, and the first
 * step rescales the identity by yᵀs/yᵀy, their eq. 6.20).
 *
 * Why our own: see ./nelderMead (no working optimiser package in the registry). The fits that use
 * it fall back to Nelder–Mead from BFGS's best point when BFGS does not reach its tolerance.
 */

export interface BfgsOptions {
  /** Stop when every gradient component is within this of 0 (default 1e-8). */
  gradientTolerance?: number;
  /** Most iterations (default 200). */
  maxIterations?: number;
  /** Longest step along any axis in one iteration (default 2: a factor e² in log space). */
  maxStep?: number;
}

export interface BfgsResult {
  x: number[];
  fx: number;
  gradient: number[];
  iterations: number;
  evaluations: number;
  /** true when the gradient tolerance was met */
  converged: boolean;
}

/**
 * Minimises f from x0. `fg(x, grad)` returns f(x) and writes the gradient into grad; a point
 * outside the domain returns Infinity or NaN (the line search steps back from it). Throws a
 * RangeError when x0 has no finite value.
 */
export function bfgs(
  fg: (x: readonly number[], grad: number[]) => number,
  x0: readonly number[],
  options: BfgsOptions = {}
): BfgsResult {
  const n = x0.length;
  const gTol = options.gradientTolerance ?? 1e-8;
  const maxIter = options.maxIterations ?? 200;
  const maxStep = options.maxStep ?? 2;
  let evaluations = 0;
  const evaluate = (x: readonly number[], g: number[]): number => {
    evaluations++;
    const v = fg(x, g);
    return Number.isFinite(v) && g.every(Number.isFinite) ? v : Infinity;
  };
  let x = x0.slice();
  let g = new Array<number>(n).fill(0);
  let f = evaluate(x, g);
  if (!Number.isFinite(f))
    throw new RangeError("The starting point of the minimisation has no finite value.");
  // inverse Hessian approximation, row-major
  let H = identity(n);
  let first = true;
  let iterations = 0;
  const norm = (v: readonly number[]) => v.reduce((m, t) => Math.max(m, Math.abs(t)), 0);
  for (; iterations < maxIter; iterations++) {
    if (norm(g) <= gTol) return { x, fx: f, gradient: g, iterations, evaluations, converged: true };
    let p = matVec(H, g).map((t) => -t);
    let slope = dot(g, p);
    if (!(slope < 0)) {
      H = identity(n);
      p = g.map((t) => -t);
      slope = dot(g, p);
    }
    const longest = norm(p);
    if (longest > maxStep) {
      p = p.map((t) => (t * maxStep) / longest);
      slope = dot(g, p);
    }
    // backtracking line search (Armijo, c1 = 1e-4)
    let step = 1;
    let xNew: number[] = x;
    const gNew = new Array<number>(n).fill(0);
    let fNew = Infinity;
    for (let k = 0; k < 60; k++) {
      xNew = x.map((t, i) => t + step * p[i]);
      fNew = evaluate(xNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) break;
      step *= 0.5;
      fNew = Infinity;
    }
    if (!Number.isFinite(fNew)) break;
    const s = xNew.map((t, i) => t - x[i]);
    const y = gNew.map((t, i) => t - g[i]);
    const ys = dot(y, s);
    if (ys > 1e-12) {
      if (first) {
        const scale = ys / dot(y, y);
        H = identity(n).map((t) => t * scale);
        first = false;
      }
      H = bfgsUpdate(H, s, y, ys, n);
    }
    const progress = f - fNew;
    x = xNew;
    f = fNew;
    g = gNew;
    if (progress <= 1e-15 * Math.max(1, Math.abs(f)) && norm(s) <= 1e-12) break;
  }
  return { x, fx: f, gradient: g, iterations, evaluations, converged: norm(g) <= gTol };
}

function identity(n: number): number[] {
  const m = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

function matVec(m: readonly number[], v: readonly number[]): number[] {
  const n = v.length;
  const out = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i] += m[i * n + j] * v[j];
  return out;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** H⁺ = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1/yᵀs. */
function bfgsUpdate(
  H: readonly number[],
  s: readonly number[],
  y: readonly number[],
  ys: number,
  n: number
): number[] {
  const rho = 1 / ys;
  const Hy = matVec(H, y);
  const yHy = dot(y, Hy);
  const out = new Array<number>(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      out[i * n + j] =
        H[i * n + j] - rho * (Hy[i] * s[j] + s[i] * Hy[j]) + (rho * rho * yHy + rho) * s[i] * s[j];
    }
  }
  return out;
}
