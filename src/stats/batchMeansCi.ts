import { BatchSeries } from "./batchSeries.ts";
import { ciHalfWidth, type MeanCi } from "./meanCi.ts";

/** Options of {@link batchMeansCi}. */
export interface BatchMeansCiOptions {
  /** Confidence level in (0, 1). Default 0.95. */
  level?: number;
  /** Leading batches to discard first (the warm-up, e.g. from `mserTruncation`). Default 0. */
  skipBatches?: number;
}

/** A batch-means estimate: {@link MeanCi} plus the number of batches k the interval rests on. */
export interface BatchMeansCi extends MeanCi {
  /** Number of equal batches used; the interval has k - 1 degrees of freedom (0 when empty). */
  batches: number;
}

/**
 * Confidence interval for the steady-state mean from one long run by the method of
 * non-overlapping batch means (Law & Kelton, Simulation Modeling and Analysis, 5th ed.,
 * sec. 9.5.3): the batches (after `skipBatches`) are regrouped into k = min(targetBatches, m)
 * equal batches of g = floor(m / k) consecutive batches each, the m - k g oldest batches being
 * dropped so the groups are equal; the half-width is `t(1 - (1 - level)/2, k - 1) s / sqrt(k)`
 * over the k group means. Law & Kelton recommend 10 to 30 batches: fewer widen the t factor,
 * more risk correlated batches.
 *
 * A {@link BatchSeries} is regrouped by its sums and weights (a group mean is its sum over its
 * weight, exact for pre-aggregated units); a plain array is taken as equally weighted means.
 * The point estimate is the mean of the data in the k groups. With fewer than 2 batches,
 * `ci95` is 0 (see `batches`); with none, `mean` is the series' running mean (0 for an array).
 * @param source a BatchSeries, or batch means in run order.
 * @param targetBatches desired k, an integer >= 2; default 20.
 * @throws RangeError for an invalid targetBatches, skipBatches or level.
 */
export function batchMeansCi(
  source: BatchSeries | ArrayLike<number>,
  targetBatches = 20,
  options: BatchMeansCiOptions = {},
): BatchMeansCi {
  const { level = 0.95, skipBatches = 0 } = options;
  if (!(Number.isInteger(targetBatches) && targetBatches >= 2)) {
    throw new RangeError(`invalid targetBatches: ${targetBatches} (must be an integer >= 2)`);
  }
  if (!(Number.isInteger(skipBatches) && skipBatches >= 0)) {
    throw new RangeError(`invalid skipBatches: ${skipBatches} (must be an integer >= 0)`);
  }
  const isSeries = source instanceof BatchSeries;
  const sums = isSeries ? source.sums() : source;
  const weights = isSeries ? source.weights() : undefined;
  const m = Math.max(0, sums.length - skipBatches);
  if (m === 0) return { mean: isSeries ? source.mean : 0, ci95: 0, batches: 0 };
  const k = Math.min(targetBatches, m);
  const g = Math.floor(m / k);
  const first = sums.length - k * g;
  const groupMeans = new Float64Array(k);
  let totalSum = 0;
  let totalWeight = 0;
  for (let j = 0; j < k; j++) {
    let sum = 0;
    let weight = 0;
    for (let i = first + j * g; i < first + (j + 1) * g; i++) {
      sum += sums[i]!;
      weight += weights ? weights[i]! : 1;
    }
    groupMeans[j] = sum / weight;
    totalSum += sum;
    totalWeight += weight;
  }
  let average = 0;
  for (const x of groupMeans) average += x / k;
  let squares = 0;
  for (const x of groupMeans) squares += (x - average) ** 2;
  const stdDev = k > 1 ? Math.sqrt(squares / (k - 1)) : 0;
  return { mean: totalSum / totalWeight, ci95: ciHalfWidth(stdDev, k, level), batches: k };
}
