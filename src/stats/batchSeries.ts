/** Shape of a {@link BatchSeries}. */
export interface BatchSeriesOptions {
  /** Most batch records kept, an even integer >= 2. Default 1024. */
  maxBatches?: number;
  /** Units per batch at the start, an integer >= 1 (5 for MSER-5). Default 1. */
  batchSize?: number;
}

/**
 * A bounded sequence of batch means for streaming output analysis: warm-up detection by MSER
 * over the sequence of departures, and batch-means confidence intervals for one long run.
 *
 * Units arrive one at a time, either single observations (`add(x)`: sum x, weight 1) or
 * pre-aggregated batches (`addBatch(sum, weight)`, e.g. the integral of a queue length over an
 * interval and the interval's length). Every `batchSize` consecutive units form one batch
 * record (sum, weight); its mean is sum / weight. When `maxBatches` records are full and
 * another batch completes, adjacent pairs are merged and `batchSize` doubles, so memory is two
 * `Float64Array(maxBatches)` for any run length, and the records always cover the whole run
 * from the first unit, in equal batches. Merging is exact: `mean` is the plain running
 * mean of every unit, and the closed batches' sums add up to the sums of their units.
 *
 * `add` is O(1) amortised with no allocation (a merge costs O(maxBatches) once per doubling).
 */
export class BatchSeries {
  /** Most batch records kept. */
  readonly maxBatches: number;

  private readonly initialSize: number;
  private size: number;
  private readonly sumsKept: Float64Array;
  private readonly weightsKept: Float64Array;
  private closed = 0;
  private openSum = 0;
  private openWeight = 0;
  private openUnits = 0;
  private units = 0;
  private totalSum = 0;
  private totalWeight = 0;

  /** @throws RangeError naming the option when maxBatches or batchSize is invalid. */
  constructor(options: BatchSeriesOptions = {}) {
    const { maxBatches = 1024, batchSize = 1 } = options;
    if (!(Number.isInteger(maxBatches) && maxBatches >= 2 && maxBatches % 2 === 0)) {
      throw new RangeError(`invalid maxBatches: ${maxBatches} (must be an even integer >= 2)`);
    }
    if (!(Number.isInteger(batchSize) && batchSize >= 1)) {
      throw new RangeError(`invalid batchSize: ${batchSize} (must be an integer >= 1)`);
    }
    this.maxBatches = maxBatches;
    this.initialSize = this.size = batchSize;
    this.sumsKept = new Float64Array(maxBatches);
    this.weightsKept = new Float64Array(maxBatches);
  }

  /**
   * Records one observation (weight 1).
   * @throws RangeError for NaN or an infinite value.
   */
  add(x: number): void {
    if (!(Math.abs(x) < Infinity)) throw new RangeError(`invalid observation: ${x} (must be finite)`);
    this.push(x, 1);
  }

  /**
   * Records one pre-aggregated unit: a total `sum` over a `weight` (count, or duration in s).
   * @throws RangeError when sum is not finite or weight is not finite and > 0.
   */
  addBatch(sum: number, weight: number): void {
    if (!(Math.abs(sum) < Infinity)) throw new RangeError(`invalid batch sum: ${sum} (must be finite)`);
    if (!(weight > 0 && weight < Infinity)) {
      throw new RangeError(`invalid batch weight: ${weight} (must be finite and > 0)`);
    }
    this.push(sum, weight);
  }

  /** Units per closed batch (doubles each time the records are merged). */
  get batchSize(): number {
    return this.size;
  }
  /** Number of closed batch records, at most `maxBatches`. */
  get batchCount(): number {
    return this.closed;
  }
  /** Number of units added, the open batch included. */
  get count(): number {
    return this.units;
  }
  /** Total weight of all units (the number of observations when only `add` is used). */
  get weight(): number {
    return this.totalWeight;
  }
  /** Total sum of all units. */
  get sum(): number {
    return this.totalSum;
  }
  /** Weighted mean of every unit, the open batch included; 0 when empty. */
  get mean(): number {
    return this.totalWeight > 0 ? this.totalSum / this.totalWeight : 0;
  }
  /** Bytes held by the batch records: fixed at construction. */
  get byteLength(): number {
    return this.sumsKept.byteLength + this.weightsKept.byteLength;
  }

  /** The closed batches' means (sum / weight), oldest first, as a new array of `batchCount`. */
  means(): Float64Array {
    const out = new Float64Array(this.closed);
    for (let i = 0; i < this.closed; i++) out[i] = this.sumsKept[i]! / this.weightsKept[i]!;
    return out;
  }
  /** The closed batches' sums, oldest first, as a new array. */
  sums(): Float64Array {
    return this.sumsKept.slice(0, this.closed);
  }
  /** The closed batches' weights, oldest first, as a new array. */
  weights(): Float64Array {
    return this.weightsKept.slice(0, this.closed);
  }

  /** Forgets every unit and restores the initial `batchSize`. */
  clear(): void {
    this.size = this.initialSize;
    this.closed = this.openUnits = this.units = 0;
    this.openSum = this.openWeight = this.totalSum = this.totalWeight = 0;
  }

  private push(sum: number, weight: number): void {
    this.units++;
    this.totalSum += sum;
    this.totalWeight += weight;
    this.openSum += sum;
    this.openWeight += weight;
    if (++this.openUnits < this.size) return;
    if (this.closed === this.maxBatches) {
      // The completed batch becomes the first half of a batch of the doubled size.
      this.mergePairs();
      return;
    }
    this.sumsKept[this.closed] = this.openSum;
    this.weightsKept[this.closed] = this.openWeight;
    this.closed++;
    this.openSum = this.openWeight = 0;
    this.openUnits = 0;
  }

  private mergePairs(): void {
    const half = this.maxBatches / 2;
    for (let i = 0; i < half; i++) {
      this.sumsKept[i] = this.sumsKept[2 * i]! + this.sumsKept[2 * i + 1]!;
      this.weightsKept[i] = this.weightsKept[2 * i]! + this.weightsKept[2 * i + 1]!;
    }
    this.closed = half;
    this.size *= 2;
  }
}
