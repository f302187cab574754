import { studentTQuantile } from "./studentTQuantile.ts";

/** A point estimate with the half-width of its confidence interval, as results report them. */
export interface MeanCi {
  /** The sample mean (units of the data). */
  mean: number;
  /** Half-width of the confidence interval (units of the data); 0 when it cannot be estimated. */
  ci95: number;
}

/**
 * Half-width of the Student-t confidence interval for a mean: `t(1 - (1 - level)/2, n - 1) * s / sqrt(n)`
 * (Law & Kelton, Simulation Modeling and Analysis, sec. 4.5).
 * @param stdDev sample standard deviation (divisor n - 1), >= 0.
 * @param n number of independent observations; for n < 2 the spread is unknown and 0 is returned.
 * @param level confidence level in (0, 1), default 0.95.
 */
export function ciHalfWidth(stdDev: number, n: number, level = 0.95): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`invalid level: ${level} (must be in (0, 1))`);
  if (!(stdDev >= 0)) throw new RangeError(`invalid stdDev: ${stdDev} (must be >= 0)`);
  if (!(n >= 2)) return 0;
  return (studentTQuantile(1 - (1 - level) / 2, n - 1) * stdDev) / Math.sqrt(n);
}

/**
 * Mean and Student-t confidence half-width (n - 1 degrees of freedom) of independent, roughly
 * normal observations, such as one figure from each replication (Law & Kelton, sec. 4.5).
 *
 * The field is named `ci95` after the result format; it is the half-width at `level`.
 * With fewer than 2 values there is no spread to estimate, and `ci95` is 0 (not Infinity, which
 * JSON cannot carry): check the number of values before reading it as a precision. An empty
 * input gives `{ mean: 0, ci95: 0 }`.
 * @param values the observations (finite numbers).
 * @param level confidence level in (0, 1), default 0.95.
 * @throws RangeError naming the index of a NaN or infinite value.
 */
export function meanCi(values: ArrayLike<number>, level = 0.95): MeanCi {
  const n = values.length;
  if (n === 0) return { mean: 0, ci95: 0 };
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (!(Math.abs(x) < Infinity)) throw new RangeError(`invalid values[${i}]: ${x} (must be finite)`);
    mean += x;
  }
  mean /= n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i]! - mean) ** 2;
  const stdDev = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  return { mean, ci95: ciHalfWidth(stdDev, n, level) };
}
