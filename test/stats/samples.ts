// Seeded test data for the stats tests, drawn straight from seedrandom (not the engine's
// samplers, so a bug there cannot hide one here).
import seedrandom from "seedrandom";

export type Uniform = () => number;

export function uniform(seed: string): Uniform {
  return seedrandom.alea(seed);
}

/** Standard normal by Box-Muller (1 - u keeps the log argument in (0, 1]). */
export function normal(u: Uniform): number {
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

export function exponentials(seed: string, n: number, mean: number): Float64Array {
  const u = uniform(seed);
  return Float64Array.from({ length: n }, () => -mean * Math.log(1 - u()));
}

export function lognormals(seed: string, n: number, mu: number, sigma: number): Float64Array {
  const u = uniform(seed);
  return Float64Array.from({ length: n }, () => Math.exp(mu + sigma * normal(u)));
}

/** The order statistic the sketch promises to approximate: x[floor(q (n - 1))] of the sorted values. */
export function lowerQuantile(sorted: ArrayLike<number>, q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))]!;
}
