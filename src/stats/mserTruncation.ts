/** Outcome of {@link mserTruncation}. */
export interface MserResult {
  /** Number of leading batches to discard, in [0, floor(n / 2)]. Observations: index * batchSize. */
  index: number;
  /**
   * False when the minimum lies at the n/2 search boundary (or n < 2): the series is still
   * drifting, or too short to tell, and `index` should not be trusted as a warm-up length.
   */
  detected: boolean;
  /** The minimised MSER statistic, in squared units of the data (0 for n < 2). */
  statistic: number;
}

/**
 * MSER warm-up truncation (White 1997, "An effective truncation heuristic for bias reduction
 * in simulation output", Simulation 69(6); MSER-5 when the inputs are means of batches of 5,
 * Franklin & White 2008, Winter Simulation Conference). Returns the d in [0, floor(n/2)] that
 * minimises
 *
 *   MSER(d) = sum_{i=d}^{n-1} (x_i - mean_{>=d})^2 / (n - d)^2,
 *
 * the squared standard error of the mean of the retained batches x_d .. x_{n-1} (0-based);
 * ties go to the smaller d. Computed in O(n) with a backward Welford recursion (stable when the
 * values are large and their spread small).
 * @param batchMeans the batch means in run order (finite numbers).
 * @returns `{ index, detected, statistic }`; `detected` is false when the minimum is at the n/2
 *   boundary, the conventional sign that the run is too short (Franklin & White 2008).
 */
export function mserTruncation(batchMeans: ArrayLike<number>): MserResult {
  const n = batchMeans.length;
  if (n < 2) return { index: 0, detected: false, statistic: 0 };
  const limit = Math.floor(n / 2);
  let mean = 0;
  let squares = 0;
  let best = Infinity;
  let index = 0;
  // Walk backwards: after including x_d, (mean, squares) describe x_d .. x_{n-1}.
  for (let d = n - 1; d >= 0; d--) {
    const x = batchMeans[d]!;
    if (!(Math.abs(x) < Infinity)) throw new RangeError(`invalid batchMeans[${d}]: ${x} (must be finite)`);
    const kept = n - d;
    const delta = x - mean;
    mean += delta / kept;
    squares += delta * (x - mean);
    if (d > limit) continue;
    const statistic = squares / (kept * kept);
    if (statistic <= best) {
      best = statistic;
      index = d;
    }
  }
  return { index, detected: index < limit, statistic: best };
}
