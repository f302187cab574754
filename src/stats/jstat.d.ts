// Minimal types for the parts of jStat (https://github.com/jstat/jstat, MIT) that src/stats uses.
// jStat ships no declarations and has no @types package; extend this as more is needed.
declare module "jstat" {
  interface JStatContinuous {
    /** Inverse CDF (quantile) at probability `p`. */
    inv(p: number, ...params: number[]): number;
    /** Cumulative distribution function at `x`. */
    cdf(x: number, ...params: number[]): number;
  }
  interface JStatStatic {
    studentt: JStatContinuous;
    normal: JStatContinuous;
  }
  const jStat: JStatStatic;
  export default jStat;
}
