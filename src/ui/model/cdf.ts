import type { HistogramBin } from "../../simulation/index.ts";

export interface CdfPoint {
  /** Time, s. */
  t: number;
  /** P(X <= t). */
  p: number;
}

/**
 * The empirical distribution function from histogram bins (values in (lower, upper], the
 * zero bin [0, 0] first): one point at each bin's upper edge, starting at (0, P(X = 0)).
 * Values inside a bin are not known, so the curve is exact at the edges only.
 */
export function histogramCdf(bins: readonly HistogramBin[]): CdfPoint[] {
  const total = bins.reduce((sum, b) => sum + b.count, 0);
  if (!(total > 0)) return [];
  let cumulative = 0;
  const points: CdfPoint[] = [];
  for (const bin of bins) {
    if (bin.upper <= 0) {
      cumulative += bin.count;
      continue;
    }
    if (points.length === 0) points.push({ t: 0, p: cumulative / total }, { t: bin.lower, p: cumulative / total });
    cumulative += bin.count;
    points.push({ t: bin.upper, p: cumulative / total });
  }
  if (points.length === 0) points.push({ t: 0, p: 1 });
  return points.filter((pt) => Number.isFinite(pt.t) && Number.isFinite(pt.p));
}

/** Points of `cdf` on [0, maxT], evenly spaced. */
export function sampleCdf(cdf: (t: number) => number, maxT: number, n = 80): CdfPoint[] {
  if (!(maxT > 0)) return [];
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = (maxT * i) / n;
    return { t, p: cdf(t) };
  });
}
