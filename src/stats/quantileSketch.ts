/** Parameters of a {@link QuantileSketch}; sketches merge only when all three are equal. */
export interface QuantileSketchOptions {
  /** Guaranteed relative accuracy alpha of every quantile, in (0, 0.5]. Default 0.005 (0.5%). */
  relativeAccuracy?: number;
  /** Smallest positive value kept to full accuracy, > 0. Default 1e-9 (1 ns when values are s). */
  minValue?: number;
  /** Largest value kept to full accuracy, > minValue. Default 1e7 (about 116 days in s). */
  maxValue?: number;
}

/**
 * A sketch as plain data, for sending between threads or workers (structured clone keeps no
 * class); `counts` holds the non-zero buckets as [index, count] pairs.
 */
export interface SketchState {
  options: Required<QuantileSketchOptions>;
  counts: [number, number][];
  n: number;
  total: number;
  zeros: number;
  low: number;
  high: number;
  min: number;
  max: number;
}

/** One bin of {@link QuantileSketch.histogram}: `count` values in `(lower, upper]` (the zero bin is `[0, 0]`). */
export interface SketchBin {
  lower: number;
  upper: number;
  count: number;
}

// Guards against an accidental 100 MB sketch from a tiny relativeAccuracy.
const MAX_BUCKETS = 1 << 20;

// The bits of a float64, for the bucket index without a logarithm (see QuantileSketch).
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
// Index of the 32-bit word holding the sign, exponent and top of the mantissa (1 on little-endian machines).
const HIGH = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW = 1 - HIGH;

/**
 * log2 interpolated linearly within each binade: for x = 2^e (1 + f), f in [0, 1), e + f. Exact
 * at powers of two, continuous, increasing, and read off the float's bits (no logarithm).
 * Valid for positive normal x; smaller x only need to map below the sketch's minValue, which they do.
 */
function linearLog2(x: number): number {
  F64[0] = x;
  const high = U32[HIGH]!;
  return ((high >>> 20) - 1023) + (high & 0xfffff) * 2 ** -20 + U32[LOW]! * 2 ** -52;
}

/** The inverse of linearLog2: 2^floor(y) (1 + frac(y)). */
function linearExp2(y: number): number {
  const e = Math.floor(y);
  return 2 ** e * (1 + (y - e));
}

/**
 * A streaming quantile sketch of non-negative values with a guaranteed relative error and fixed
 * memory: DDSketch (Masson, Rim & Lee, "DDSketch: A Fast and Fully-Mergeable Quantile Sketch
 * with Relative-Error Guarantees", VLDB 2019), with a dense, preallocated bucket array and the
 * paper's linearly interpolated index mapping (sec. 3, as in its reference implementations'
 * `LinearlyInterpolatedMapping`), which reads the bucket off the float's exponent and mantissa
 * instead of taking a logarithm.
 *
 * Bucket k holds the values x with `L(x) * m` in `(k - 1, k]`, where L is log2 interpolated
 * linearly within each power of two (`linearLog2`) and `m = 1 / (gamma - 1)`,
 * `gamma = (1 + alpha) / (1 - alpha)`. Within a binade [2^e, 2^(e+1)) a bucket is
 * `[2^e (1 + f), 2^e (1 + f + 1/m)]`, whose upper to lower ratio is at most 1 + 1/m = gamma (a
 * bucket across a power of two has a smaller ratio); it is reported as `2 lo hi / (lo + hi)`,
 * which is then within relative error (gamma - 1) / (gamma + 1) = alpha of every value in it.
 * This takes about 44% more buckets than a logarithmic mapping (1/(gamma - 1) per binade
 * against ln 2 / ln gamma), the paper's trade for a cheaper add. Exact zeros have their own
 * bucket, so a quantile that falls in the zero mass (waits at light load) is exactly 0. `count`,
 * `sum`, `min` and `max` are exact.
 *
 * Memory: one `Float64Array` of `bucketCount` counts, allocated once (see `byteLength`); with
 * the defaults (alpha 0.005, 1e-9 to 1e7) that is 5,286 buckets, 42,288 bytes, for any number of
 * values. Values below `minValue`'s bucket are counted in the lowest bucket and in `clampedLow`;
 * values above `maxValue`'s bucket in the highest bucket and in `clampedHigh`. Quantiles that
 * fall in clamped mass lose the accuracy guarantee but stay within `[min, max]`.
 *
 * Counts are float64, exact up to 2^53 values.
 */
export class QuantileSketch {
  /** The guaranteed relative accuracy alpha (fraction, e.g. 0.005). */
  readonly relativeAccuracy: number;
  /** Smallest positive value kept to full accuracy. */
  readonly minValue: number;
  /** Largest value kept to full accuracy. */
  readonly maxValue: number;
  /** Number of log buckets (fixed at construction). */
  readonly bucketCount: number;

  /** Buckets per unit of linearLog2: 1 / (gamma - 1). */
  private readonly multiplier: number;
  private readonly keyOffset: number;
  private readonly counts: Float64Array;
  private n = 0;
  private total = 0;
  private zeros = 0;
  private low = 0;
  private high = 0;
  private minSeen = Infinity;
  private maxSeen = -Infinity;

  /** @throws RangeError naming the option when an option is out of range. */
  constructor(options: QuantileSketchOptions = {}) {
    const { relativeAccuracy = 0.005, minValue = 1e-9, maxValue = 1e7 } = options;
    if (!(relativeAccuracy > 0 && relativeAccuracy <= 0.5)) {
      throw new RangeError(`invalid relativeAccuracy: ${relativeAccuracy} (must be in (0, 0.5])`);
    }
    if (!(minValue >= 1e-300 && minValue < Infinity)) {
      throw new RangeError(`invalid minValue: ${minValue} (must be a finite number >= 1e-300)`);
    }
    if (!(maxValue > minValue && maxValue < Infinity)) {
      throw new RangeError(`invalid maxValue: ${maxValue} (must be finite and > minValue ${minValue})`);
    }
    this.relativeAccuracy = relativeAccuracy;
    this.minValue = minValue;
    this.maxValue = maxValue;
    const gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
    this.multiplier = 1 / (gamma - 1);
    this.keyOffset = Math.ceil(linearLog2(minValue) * this.multiplier);
    this.bucketCount = Math.ceil(linearLog2(maxValue) * this.multiplier) - this.keyOffset + 1;
    if (this.bucketCount > MAX_BUCKETS) {
      throw new RangeError(
        `invalid relativeAccuracy: ${relativeAccuracy} (needs ${this.bucketCount} buckets for ` +
          `[${minValue}, ${maxValue}]; at most ${MAX_BUCKETS})`,
      );
    }
    this.counts = new Float64Array(this.bucketCount);
  }

  /**
   * Records one value: O(1), no allocation, no logarithm.
   * @param x a finite value >= 0 (a wait or sojourn time in s, say).
   * @throws RangeError for a negative, infinite or NaN value.
   */
  add(x: number): void {
    // The common case first and short, so that V8 inlines it where a simulation records a wait.
    if (!(x > 0 && x < Infinity)) {
      this.addZero(x);
      return;
    }
    this.n++;
    this.total += x;
    if (x < this.minSeen) this.minSeen = x;
    if (x > this.maxSeen) this.maxSeen = x;
    const i = Math.ceil(linearLog2(x) * this.multiplier) - this.keyOffset;
    if (i >= 0 && i < this.bucketCount) this.counts[i]!++;
    else this.addClamped(i);
  }

  /** `add` for 0 (its own bucket), refusing what is not a value at all. */
  private addZero(x: number): void {
    if (x !== 0) invalidValue(x);
    this.n++;
    if (x < this.minSeen) this.minSeen = x;
    if (x > this.maxSeen) this.maxSeen = x;
    this.zeros++;
  }

  /** `add` for a value outside the buckets: counted in the end bucket it is nearest. */
  private addClamped(i: number): void {
    if (i < 0) {
      this.low++;
      this.counts[0]!++;
    } else {
      this.high++;
      this.counts[this.bucketCount - 1]!++;
    }
  }

  /** Number of values added. */
  get count(): number {
    return this.n;
  }
  /** Exact sum of the values added (0 when empty). */
  get sum(): number {
    return this.total;
  }
  /** Exact mean of the values added; 0 when empty (check `count`). */
  get mean(): number {
    return this.n > 0 ? this.total / this.n : 0;
  }
  /** Exact smallest value added; 0 when empty (check `count`). */
  get min(): number {
    return this.n > 0 ? this.minSeen : 0;
  }
  /** Exact largest value added; 0 when empty (check `count`). */
  get max(): number {
    return this.n > 0 ? this.maxSeen : 0;
  }
  /** Number of values exactly 0. */
  get zeroCount(): number {
    return this.zeros;
  }
  /** Number of positive values too small for the lowest bucket (below about `minValue`). */
  get clampedLow(): number {
    return this.low;
  }
  /** Number of values too large for the highest bucket (above about `maxValue`). */
  get clampedHigh(): number {
    return this.high;
  }
  /** Bytes held by the bucket array: fixed at construction, independent of `count`. */
  get byteLength(): number {
    return this.counts.byteLength;
  }

  /**
   * The q-quantile, within relative error `relativeAccuracy` of the exact order statistic
   * `x[floor(q (n - 1))]` of the sorted values (0-based; numpy's `method="lower"`, DDSketch's
   * rank convention), up to floating-point rounding at bucket edges (about 1e-15 relative).
   * q = 0 and q = 1 give the exact `min` and `max`; a rank inside the zero
   * mass gives exactly 0; the result always lies in `[min, max]`.
   * @param q probability in [0, 1].
   * @returns the quantile (units of the values), or 0 for an empty sketch (check `count`).
   * @throws RangeError when q is outside [0, 1] or NaN.
   */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`invalid quantile q: ${q} (must be in [0, 1])`);
    if (this.n === 0) return 0;
    const rank = Math.floor(q * (this.n - 1));
    if (rank === 0) return this.minSeen;
    if (rank >= this.n - 1) return this.maxSeen;
    if (rank < this.zeros) return 0;
    let seen = this.zeros;
    for (let i = 0; i < this.bucketCount; i++) {
      seen += this.counts[i]!;
      if (seen > rank) return this.clampToRange(this.representative(i));
    }
    return this.maxSeen;
  }

  /**
   * The fraction of values <= x, to bucket resolution: a value within a factor gamma of x
   * (relative distance about 2 alpha) may be counted on the wrong side. Exact for x < min
   * (0), x >= max (1) and x = 0 (the zero mass). Monotone non-decreasing in x.
   * @returns a fraction in [0, 1]; 0 for an empty sketch.
   */
  cdf(x: number): number {
    if (this.n === 0 || !(x >= this.minSeen)) return 0;
    if (x >= this.maxSeen) return 1;
    let below = this.zeros;
    if (x > 0) {
      const last = Math.min(this.bucketIndex(x), this.bucketCount - 1);
      for (let i = 0; i <= last; i++) below += this.counts[i]!;
    }
    return below / this.n;
  }

  /**
   * The distribution as histogram bins for charts: a `[0, 0]` bin for the zero mass (if any),
   * then contiguous log-spaced bins from the lowest to the highest non-empty bucket, empty ones
   * included. Adjacent buckets are merged in equal groups so that at most `maxBins` bins are
   * returned. Counts sum to `count`. The first and last bins also hold clamped values (see
   * `clampedLow`, `clampedHigh`), which may lie outside their edges.
   * @param maxBins at most this many bins, an integer >= 2 (default: one bin per bucket).
   */
  histogram(maxBins = Infinity): SketchBin[] {
    if (!(maxBins >= 2)) throw new RangeError(`invalid maxBins: ${maxBins} (must be >= 2)`);
    const bins: SketchBin[] = [];
    if (this.zeros > 0) bins.push({ lower: 0, upper: 0, count: this.zeros });
    let first = 0;
    while (first < this.bucketCount && this.counts[first] === 0) first++;
    if (first === this.bucketCount) return bins;
    let last = this.bucketCount - 1;
    while (this.counts[last] === 0) last--;
    const room = Math.floor(maxBins) - bins.length;
    const group = Math.max(1, Math.ceil((last - first + 1) / room));
    for (let start = first; start <= last; start += group) {
      const end = Math.min(start + group - 1, last);
      let count = 0;
      for (let i = start; i <= end; i++) count += this.counts[i]!;
      bins.push({ lower: this.lowerEdge(start), upper: this.lowerEdge(end + 1), count });
    }
    return bins;
  }

  /**
   * Adds all of `other`'s values to this sketch (exactly: the result equals one sketch fed
   * both streams). `other` is unchanged.
   * @throws RangeError when the two sketches were built with different options.
   */
  merge(other: QuantileSketch): void {
    if (
      other.relativeAccuracy !== this.relativeAccuracy ||
      other.minValue !== this.minValue ||
      other.maxValue !== this.maxValue
    ) {
      throw new RangeError(
        `cannot merge sketches with different options: (${other.relativeAccuracy}, ${other.minValue}, ` +
          `${other.maxValue}) into (${this.relativeAccuracy}, ${this.minValue}, ${this.maxValue})`,
      );
    }
    for (let i = 0; i < this.bucketCount; i++) this.counts[i]! += other.counts[i]!;
    this.n += other.n;
    this.total += other.total;
    this.zeros += other.zeros;
    this.low += other.low;
    this.high += other.high;
    this.minSeen = Math.min(this.minSeen, other.minSeen);
    this.maxSeen = Math.max(this.maxSeen, other.maxSeen);
  }

  /** This sketch as plain data (see {@link SketchState}). */
  toState(): SketchState {
    const counts: [number, number][] = [];
    for (let i = 0; i < this.bucketCount; i++) if (this.counts[i]! > 0) counts.push([i, this.counts[i]!]);
    return {
      options: { relativeAccuracy: this.relativeAccuracy, minValue: this.minValue, maxValue: this.maxValue },
      counts, n: this.n, total: this.total, zeros: this.zeros, low: this.low, high: this.high, min: this.minSeen, max: this.maxSeen,
    };
  }

  /** Rebuilds a sketch from {@link toState}'s data; it equals the original. */
  static fromState(state: SketchState): QuantileSketch {
    const s = new QuantileSketch(state.options);
    for (const [i, c] of state.counts) {
      if (!(Number.isInteger(i) && i >= 0 && i < s.bucketCount && c >= 0)) throw new RangeError(`invalid sketch state: bucket ${i} count ${c}`);
      s.counts[i] = c;
    }
    s.n = state.n;
    s.total = state.total;
    s.zeros = state.zeros;
    s.low = state.low;
    s.high = state.high;
    s.minSeen = state.min;
    s.maxSeen = state.max;
    return s;
  }

  /** Forgets every value, keeping the options and the bucket array. */
  clear(): void {
    this.counts.fill(0);
    this.n = this.total = this.zeros = this.low = this.high = 0;
    this.minSeen = Infinity;
    this.maxSeen = -Infinity;
  }

  private bucketIndex(x: number): number {
    return Math.max(0, Math.ceil(linearLog2(x) * this.multiplier) - this.keyOffset);
  }

  /** The lower edge of bucket i (exclusive), which is the upper edge of bucket i - 1. */
  private lowerEdge(i: number): number {
    return linearExp2((i + this.keyOffset - 1) / this.multiplier);
  }

  private representative(i: number): number {
    const lo = this.lowerEdge(i);
    const hi = this.lowerEdge(i + 1);
    return (2 * lo * hi) / (lo + hi);
  }

  // Clamping to the exact [min, max] never moves the estimate away from the true value.
  private clampToRange(v: number): number {
    return v < this.minSeen ? this.minSeen : v > this.maxSeen ? this.maxSeen : v;
  }
}

/** The error of `add` for a bad value, out of line so that `add` stays small enough to inline. */
function invalidValue(x: number): never {
  throw new RangeError(`invalid sketch value: ${x} (must be finite and >= 0)`);
}
