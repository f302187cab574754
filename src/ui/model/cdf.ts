// The empirical distribution function is the reports' (src/report/waitCdf.ts): one definition.
import type { CdfPoint } from "../../report/waitCdf.ts";

export { histogramCdf, type CdfPoint } from "../../report/waitCdf.ts";

/** Points of `cdf` on [0, maxT], evenly spaced. */
export function sampleCdf(cdf: (t: number) => number, maxT: number, n = 80): CdfPoint[] {
  if (!(maxT > 0)) return [];
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = (maxT * i) / n;
    return { t, p: cdf(t) };
  });
}
