import jStat from "jstat";

/**
 * The p-quantile of Student's t distribution with `df` degrees of freedom, the factor of a
 * t confidence interval: `studentTQuantile(0.975, 9)` = 2.262 (Law & Kelton, Simulation Modeling
 * and Analysis, table T.1). Computed by jStat's inverse incomplete beta; `df = Infinity` gives
 * the standard normal quantile.
 * @param p probability in (0, 1).
 * @param df degrees of freedom, > 0 (need not be an integer).
 * @throws RangeError naming the argument when p or df is out of range.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`invalid p: ${p} (must be in (0, 1))`);
  if (!(df > 0)) throw new RangeError(`invalid df: ${df} (must be > 0)`);
  if (df === Infinity) return jStat.normal.inv(p, 0, 1);
  return jStat.studentt.inv(p, df);
}
