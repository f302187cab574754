/**
 * Numerical building blocks: log-gamma, digamma, log-space sums. Everything that could
 * overflow or underflow (factorials, Erlang terms, geometric weights) is summed in log space.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Gamma(x) for x > 0, Lanczos approximation (g = 7, n = 9), relative error about 1e-15. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < 9; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + 7.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Digamma psi(x) for x > 0: recurrence up to 10, then the asymptotic series (A&S 6.3.18). */
export function digamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const r = 1 / (x * x);
  const series = r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r / 132))));
  return shift + Math.log(x) - 0.5 / x - series;
}

/**
 * psi(b) - psi(a) for 0 < a <= b without cancellation when b - a is small against a:
 * sum_{i=0}^{n-1} 1/(a+i) for integer n = b - a is what this computes in the models.
 */
export function digammaDifference(a: number, b: number): number {
  if (b > 2 * a) return digamma(b) - digamma(a);
  let acc = 0;
  while (a < 10) {
    acc += 1 / a - 1 / b;
    a += 1;
    b += 1;
  }
  const d = b - a;
  const inv = (p: number): number => 1 / a ** p - 1 / b ** p;
  // psi(x) ~ ln x - 1/(2x) - 1/(12x^2) + 1/(120x^4) - 1/(252x^6) + 1/(240x^8) - 1/(132x^10)
  return acc + Math.log1p(d / a) + d / (2 * a * b) + inv(2) / 12 - inv(4) / 120 + inv(6) / 252 - inv(8) / 240 + inv(10) / 132;
}

/** ln(e^a + e^b) without overflow; -Infinity is the log of 0. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/** ln(1 - e^{-x}) for x >= 0, accurate for small and large x (Maechler 2012). */
export function log1mexp(x: number): number {
  return x <= Math.LN2 ? Math.log(-Math.expm1(-x)) : Math.log1p(-Math.exp(-x));
}

/** ln P(N = j) for N ~ Poisson(x), x >= 0, j integer >= 0. */
export function logPoisson(x: number, j: number): number {
  if (x === 0) return j === 0 ? 0 : -Infinity;
  return j * Math.log(x) - x - logGamma(j + 1);
}

/** Terms more than this many nats below the largest do not change a double-precision sum. */
const NEGLIGIBLE = 60;
/** Hard cap on terms summed, so that no input can make a sum run for ever. */
const MAX_TERMS = 20_000_000;

function findMode(f: (j: number) => number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  if (!Number.isFinite(b)) {
    // Exponential search for a point past the mode.
    let step = 1;
    b = a + step;
    while (f(b + 1) > f(b)) {
      a = b;
      step *= 2;
      b = a + step;
      if (b > Number.MAX_SAFE_INTEGER / 4) break;
    }
  }
  // Smallest j in [a, b] with f(j + 1) <= f(j): the mode of a concave sequence.
  while (a < b) {
    const mid = Math.floor((a + b) / 2);
    if (f(mid + 1) > f(mid)) a = mid + 1;
    else b = mid;
  }
  return a;
}

/**
 * ln sum_{j=lo}^{hi} e^{f(j)} for a concave f on the integers (hi may be Infinity): finds the
 * largest term by bisection on the sign of f(j+1) - f(j), then sums outwards until the terms are
 * e^-60 below it. Cost grows with the width of the peak, not with hi - lo.
 */
export function logSumConcave(f: (j: number) => number, lo: number, hi: number): number {
  if (hi < lo) return -Infinity;
  const mode = findMode(f, lo, hi);
  const top = f(mode);
  if (top === -Infinity) return -Infinity;
  let sum = 1;
  let terms = 1;
  for (let j = mode - 1; j >= lo && terms < MAX_TERMS; j--, terms++) {
    const v = f(j) - top;
    if (v < -NEGLIGIBLE) break;
    sum += Math.exp(v);
  }
  for (let j = mode + 1; j <= hi && terms < MAX_TERMS; j++, terms++) {
    const v = f(j) - top;
    if (v < -NEGLIGIBLE) break;
    sum += Math.exp(v);
  }
  return top + Math.log(sum);
}
