import { expect } from "vitest";
import { studentTQuantile } from "../../src/stats/index.ts";

/**
 * Simulation-against-theory checks for one test file that makes `comparisons` comparisons
 * over R replications each. Each comparison uses the Bonferroni level 1 - 0.01 / comparisons,
 * so the chance that any comparison of the file misses by chance alone is at most 1% (a
 * per-comparison 99% interval would miss somewhere in a file of 20 comparisons one time in
 * five). The half-width is rescaled from the reported 95% one by the ratio of Student-t
 * quantiles with R - 1 degrees of freedom. Each interval must also be informative: at most
 * `maxRelativeHalfWidth` of the value, so a modelling error of that size cannot pass.
 */
export function theoryChecker(replications: number, comparisons: number, maxRelativeHalfWidth = 0.1) {
  const alpha = 0.01 / comparisons;
  const factor = studentTQuantile(1 - alpha / 2, replications - 1) / studentTQuantile(0.975, replications - 1);
  return (sim: { mean: number; ci95: number }, truth: number | undefined, label = "") => {
    expect(truth, `${label}: analytic value`).toBeTypeOf("number");
    const half = sim.ci95 * factor;
    expect(Math.abs(sim.mean - truth!), `${label}: simulated ${sim.mean} ± ${half} vs analytic ${truth}`).toBeLessThanOrEqual(half);
    if (truth !== 0) expect(half, `${label}: interval too wide to test anything`).toBeLessThanOrEqual(maxRelativeHalfWidth * Math.abs(truth!));
  };
}
