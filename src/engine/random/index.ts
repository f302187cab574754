/**
 * Probability distributions for service times, inter-arrival times, TTLs and batch sizes.
 * Each factory validates its parameters (errors name the field path and the value) and
 * returns a `Distribution` whose `sample(random)` takes the random source as an argument.
 */
import { deterministic } from "./deterministic.ts";
import { deterministicInteger } from "./deterministicInteger.ts";
import { empirical } from "./empirical.ts";
import { empiricalInteger } from "./empiricalInteger.ts";
import { erlang } from "./erlang.ts";
import { exponential } from "./exponential.ts";
import { gamma } from "./gamma.ts";
import { geometric } from "./geometric.ts";
import { hyperexponential } from "./hyperexponential.ts";
import type { IntegerDistribution } from "./integerDistribution.ts";
import { lognormal } from "./lognormal.ts";
import { pareto } from "./pareto.ts";
import type { DistributionSpec, IntegerDistributionSpec } from "./spec.ts";
import type { Distribution } from "./types.ts";
import { uniform } from "./uniform.ts";
import { checkObject, describeValue } from "./validate.ts";
import { weibull } from "./weibull.ts";

export { deterministic, type DeterministicParams } from "./deterministic.ts";
export { deterministicInteger, type DeterministicIntegerParams } from "./deterministicInteger.ts";
export { empirical, type EmpiricalParams } from "./empirical.ts";
export { empiricalInteger, type EmpiricalIntegerParams } from "./empiricalInteger.ts";
export { erlang, type ErlangParams } from "./erlang.ts";
export { exponential, type ExponentialParams } from "./exponential.ts";
export { gamma, type GammaParams } from "./gamma.ts";
export { geometric, type GeometricParams } from "./geometric.ts";
export { hyperexponential, type HyperexponentialParams } from "./hyperexponential.ts";
export type { IntegerDistribution } from "./integerDistribution.ts";
export { lognormal, type LognormalParams } from "./lognormal.ts";
export { pareto, type ParetoParams } from "./pareto.ts";
export type { DistributionName, DistributionSpec, IntegerDistributionSpec } from "./spec.ts";
export { scv, type Distribution, type RandomSource } from "./types.ts";
export { uniform, type UniformParams } from "./uniform.ts";
export { weibull, type WeibullParams } from "./weibull.ts";

/** The `dist` names `createDistribution` accepts, in the order DESIGN.md lists them. */
export const distributionNames = [
  "exponential", "deterministic", "uniform", "erlang", "gamma",
  "lognormal", "weibull", "hyperexponential", "pareto", "empirical",
] as const;

/** The `dist` names `createIntegerDistribution` accepts. */
export const integerDistributionNames = ["geometric", "deterministic", "empirical"] as const;

function unknownName(path: string, value: unknown, names: readonly string[]): never {
  throw new TypeError(`${path}.dist: expected one of ${names.join(", ")}, got ${describeValue(value)}`);
}

/**
 * Builds a validated continuous distribution (service times, inter-arrival times, TTLs) from
 * its scenario spec (DESIGN.md, "Distributions"). Specs may come straight from JSON: every
 * field is checked at run time.
 * @param spec `{ dist, ...params }`
 * @param path the spec's field path, used in error messages (`queues[0].service`)
 * @throws TypeError when a field is missing, of the wrong type or the name is unknown;
 *   RangeError when a number is out of range, e.g. `service.mean: expected a number > 0, got -2`
 */
export function createDistribution(spec: DistributionSpec, path = "service"): Distribution {
  const s = checkObject(spec, path, "a distribution object like { \"dist\": \"exponential\", \"mean\": 1 }");
  switch (spec.dist) {
    case "exponential": return exponential(spec, path);
    case "deterministic": return deterministic(spec, path);
    case "uniform": return uniform(spec, path);
    case "erlang": return erlang(spec, path);
    case "gamma": return gamma(spec, path);
    case "lognormal": return lognormal(spec, path);
    case "weibull": return weibull(spec, path);
    case "hyperexponential": return hyperexponential(spec, path);
    case "pareto": return pareto(spec, path);
    case "empirical": return empirical(spec, path);
    default: return unknownName(path, s.dist, distributionNames);
  }
}

/**
 * Builds a validated distribution on 1, 2, ... (batch sizes) from its scenario spec.
 * @param spec `{ dist: "geometric" | "deterministic" | "empirical", ...params }`
 * @param path the spec's field path, used in error messages (`arrival.size`)
 * @throws TypeError/RangeError naming the field path and value, e.g.
 *   `size.mean: expected a number >= 1, got 0.5`
 */
export function createIntegerDistribution(spec: IntegerDistributionSpec, path = "size"): IntegerDistribution {
  const s = checkObject(spec, path, "a distribution object like { \"dist\": \"geometric\", \"mean\": 2 }");
  switch (spec.dist) {
    case "geometric": return geometric(spec, path);
    case "deterministic": return deterministicInteger(spec, path);
    case "empirical": return empiricalInteger(spec, path);
    default: return unknownName(path, s.dist, integerDistributionNames);
  }
}
