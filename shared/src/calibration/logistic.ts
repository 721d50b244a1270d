// Logistic regression by Newton's method, with optional non-negative coefficients, so fitted
// weights can drop straight into settings where weights are never negative.

export interface LogisticFit {
  intercept: number;
  coefficients: number[];
  /** Mean log-loss on the rows it was fitted on. */
  logLoss: number;
}

export interface LogisticOptions {
  /** L2 penalty per row on the coefficients (not the intercept); keeps collinear features stable. */
  ridge?: number;
  /** Constrain every coefficient to be ≥ 0. */
  nonNegative?: boolean;
  maxIterations?: number;
}

/**
 * Fits P(churn) = σ(intercept + Σ coefficientⱼ·xⱼ). `features` is row-major (rows × columns).
 * Non-negativity is kept by an active set: coefficients that want to go below zero are pinned at
 * zero and the rest refitted, until none does.
 */
export function fitLogistic(
  features: Float64Array,
  columns: number,
  churned: ArrayLike<boolean>,
  options: LogisticOptions = {},
): LogisticFit {
  const rows = churned.length;
  const ridge = (options.ridge ?? 1e-4) * Math.max(rows, 1);
  const free = new Array<boolean>(columns).fill(true);
  let start: LogisticFit | undefined;
  for (;;) {
    const fit = newton(features, columns, churned, free, ridge, options.maxIterations ?? 50, start);
    if (!options.nonNegative) return fit;
    // Every coefficient that wants to go below zero is pinned at once, then the rest refitted
    // from where they were: a few rounds even with many features.
    const negative = fit.coefficients.flatMap((c, j) => (free[j] && c < -1e-12 ? [j] : []));
    if (negative.length === 0) {
      return { ...fit, coefficients: fit.coefficients.map((c) => Math.max(0, c)) };
    }
    for (const j of negative) free[j] = false;
    start = fit;
  }
}

function newton(
  x: Float64Array,
  columns: number,
  y: ArrayLike<boolean>,
  free: boolean[],
  ridge: number,
  maxIterations: number,
  start?: LogisticFit,
): LogisticFit {
  const rows = y.length;
  const active = [...free.keys()].filter((j) => free[j]);
  const d = active.length + 1; // intercept first
  let beta = new Float64Array(d);
  if (start) {
    beta[0] = start.intercept;
    active.forEach((j, k) => (beta[k + 1] = Math.max(0, start.coefficients[j] ?? 0)));
  } else {
    let positives = 0;
    for (let i = 0; i < rows; i++) if (y[i]) positives++;
    const base = (positives + 0.5) / (rows + 1);
    beta[0] = Math.log(base / (1 - base));
  }
  const row = new Float64Array(d);
  let loss = objective(x, columns, y, active, beta, ridge, row);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const gradient = new Float64Array(d);
    const hessian = new Float64Array(d * d);
    for (let i = 0; i < rows; i++) {
      fillRow(x, columns, i, active, row);
      const p = sigmoid(dot(beta, row));
      const r = p - (y[i] ? 1 : 0);
      const w = Math.max(p * (1 - p), 1e-9);
      for (let a = 0; a < d; a++) {
        const ra = row[a] as number;
        gradient[a]! += r * ra;
        const wa = w * ra;
        for (let b = 0; b <= a; b++) hessian[a * d + b]! += wa * (row[b] as number);
      }
    }
    for (let a = 1; a < d; a++) {
      gradient[a]! += ridge * (beta[a] as number);
      hessian[a * d + a]! += ridge;
    }
    for (let a = 0; a < d; a++)
      for (let b = 0; b < a; b++) hessian[b * d + a] = hessian[a * d + b]!;
    hessian[0]! += 1e-9;
    const step = solveSymmetric(hessian, gradient, d);
    // Step halving keeps Newton from overshooting when the classes are nearly separable.
    let scale = 1;
    let next = beta;
    let nextLoss = loss;
    for (let h = 0; h < 30; h++) {
      next = beta.map((b, a) => b - scale * (step[a] as number));
      nextLoss = objective(x, columns, y, active, next, ridge, row);
      if (nextLoss <= loss + 1e-12) break;
      scale /= 2;
    }
    const improvement = loss - nextLoss;
    beta = next;
    loss = nextLoss;
    if (improvement < 1e-7 * Math.max(rows, 1)) break;
  }
  const coefficients = new Array<number>(columns).fill(0);
  active.forEach((j, k) => (coefficients[j] = beta[k + 1] as number));
  return { intercept: beta[0] as number, coefficients, logLoss: loss / Math.max(rows, 1) };
}

function fillRow(x: Float64Array, columns: number, i: number, active: number[], row: Float64Array) {
  row[0] = 1;
  const offset = i * columns;
  for (let k = 0; k < active.length; k++) row[k + 1] = x[offset + (active[k] as number)] as number;
}

function objective(
  x: Float64Array,
  columns: number,
  y: ArrayLike<boolean>,
  active: number[],
  beta: Float64Array,
  ridge: number,
  row: Float64Array,
): number {
  let loss = 0;
  for (let i = 0; i < y.length; i++) {
    fillRow(x, columns, i, active, row);
    const z = dot(beta, row);
    // log(1 + e^z) computed without overflow.
    const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    loss += softplus - (y[i] ? z : 0);
  }
  let penalty = 0;
  for (let a = 1; a < beta.length; a++) penalty += (beta[a] as number) ** 2;
  return loss + (ridge * penalty) / 2;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += (a[k] as number) * (b[k] as number);
  return s;
}

/** Solves H·s = g for a symmetric positive-definite H by Cholesky decomposition. */
function solveSymmetric(h: Float64Array, g: Float64Array, d: number): Float64Array {
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = h[i * d + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * d + k] as number) * (l[j * d + k] as number);
      if (i === j) l[i * d + i] = Math.sqrt(Math.max(s, 1e-12));
      else l[i * d + j] = s / (l[j * d + j] as number);
    }
  }
  const z = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = g[i] as number;
    for (let k = 0; k < i; k++) s -= (l[i * d + k] as number) * (z[k] as number);
    z[i] = s / (l[i * d + i] as number);
  }
  const out = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let s = z[i] as number;
    for (let k = i + 1; k < d; k++) s -= (l[k * d + i] as number) * (out[k] as number);
    out[i] = s / (l[i * d + i] as number);
  }
  return out;
}
