/**
 * Distribution functions for the wait chart: the simulated one from the run's histogram, and
 * the analytic one where the model gives the whole distribution in closed form.
 */
import { md1WaitSurvival, mmckWaitSurvival, mmcWaitSurvival, type StationInput } from "../analytic/index.ts";
import type { HistogramBin } from "../simulation/result.ts";

/** A point of a distribution function: P(X <= t) = p, t in seconds. */
export interface CdfPoint {
  t: number;
  p: number;
}

/**
 * The empirical distribution function from histogram bins (values in (lower, upper], the zero
 * bin [0, 0] first): exact at the bin edges, starting at (0, P(X = 0)).
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

/**
 * P(Wq <= t) of the model, when it is exact and gives the whole wait distribution: M/M/c
 * (Erlang C, Gross & Harris 4th ed. eq. 2.36), M/M/c/K for admitted messages (ibid. ch. 2)
 * and M/D/1 (Erlang's formula via state tails). Null otherwise.
 */
export function analyticWaitCdf(input: StationInput | null, analytic: Record<string, unknown> | null): ((t: number) => number) | null {
  if (!input || !analytic || analytic.exact !== true || analytic.unstable === true || input.classes?.length) return null;
  const model = typeof analytic.model === "string" ? analytic.model : "";
  const { lambda, meanService } = input;
  const mu = 1 / meanService;
  let survival: ((t: number) => number) | null = null;
  const mmc = /^M\/M\/(\d+)$/.exec(model);
  const mmck = /^M\/M\/(\d+)\/(\d+)$/.exec(model);
  if (mmc) survival = (t) => mmcWaitSurvival(lambda, mu, Number(mmc[1]), t);
  else if (mmck) survival = (t) => mmckWaitSurvival(lambda, mu, Number(mmck[1]), Number(mmck[2]), t);
  else if (model === "M/D/1") survival = (t) => md1WaitSurvival(lambda, meanService, t);
  if (!survival) return null;
  const s = survival;
  try {
    s(0);
  } catch {
    return null;
  }
  return (t) => (t < 0 ? 0 : 1 - s(t));
}
