/**
 * Streaming count, mean, variance, min and max of a sequence of numbers in O(1) memory:
 * Welford's update (Welford 1962; Knuth, TAOCP vol. 2, 4.2.2), merged with the pairwise formula
 * of Chan, Golub & LeVeque (1979), so replications or workers can be combined exactly.
 *
 * An empty accumulator reports 0 for every figure (never NaN): check `count`.
 */
export class RunningStats {
  private n = 0;
  private m = 0;
  private m2 = 0;
  private lo = Infinity;
  private hi = -Infinity;

  /**
   * Records one value.
   * @throws RangeError for NaN or an infinite value, which would poison every figure.
   */
  add(x: number): void {
    if (!(Math.abs(x) < Infinity)) throw new RangeError(`invalid value: ${x} (must be finite)`);
    this.n++;
    const delta = x - this.m;
    this.m += delta / this.n;
    this.m2 += delta * (x - this.m);
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  /** Adds all of `other`'s values to this accumulator; `other` is unchanged. */
  merge(other: RunningStats): void {
    if (other.n === 0) return;
    const n = this.n + other.n;
    const delta = other.m - this.m;
    this.m += (delta * other.n) / n;
    this.m2 += other.m2 + (delta * delta * this.n * other.n) / n;
    this.n = n;
    this.lo = Math.min(this.lo, other.lo);
    this.hi = Math.max(this.hi, other.hi);
  }

  /** Forgets every value. */
  clear(): void {
    this.n = this.m = this.m2 = 0;
    this.lo = Infinity;
    this.hi = -Infinity;
  }

  /** Number of values added. */
  get count(): number {
    return this.n;
  }
  /** Arithmetic mean; 0 when empty. */
  get mean(): number {
    return this.m;
  }
  /** Sum of the values (mean times count). */
  get sum(): number {
    return this.m * this.n;
  }
  /** Unbiased sample variance (divisor n - 1); 0 when fewer than 2 values. */
  get variance(): number {
    return this.n > 1 ? this.m2 / (this.n - 1) : 0;
  }
  /** Population variance (divisor n); 0 when empty. */
  get populationVariance(): number {
    return this.n > 0 ? this.m2 / this.n : 0;
  }
  /** Sample standard deviation, the square root of `variance`. */
  get stdDev(): number {
    return Math.sqrt(this.variance);
  }
  /** Smallest value; 0 when empty. */
  get min(): number {
    return this.n > 0 ? this.lo : 0;
  }
  /** Largest value; 0 when empty. */
  get max(): number {
    return this.n > 0 ? this.hi : 0;
  }
}
