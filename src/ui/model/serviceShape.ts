import { createDistribution, type DistributionSpec } from "../../engine/random/index.ts";

/** The service distributions the picker offers, each set from a mean and a coefficient of variation. */
export const pickableDistributions = ["exponential", "deterministic", "erlang", "gamma", "lognormal", "hyperexponential", "uniform", "pareto"] as const;
export type PickableDistribution = (typeof pickableDistributions)[number];

/** Mean (s) and coefficient of variation of a distribution spec; null when it cannot be built. */
export function distributionMoments(spec: DistributionSpec): { meanS: number; cv: number } | null {
  try {
    const d = createDistribution(spec);
    const cv = Math.sqrt(d.variance) / d.mean;
    return Number.isFinite(d.mean) && d.mean > 0 ? { meanS: d.mean, cv: Number.isFinite(cv) ? cv : Infinity } : null;
  } catch {
    return null;
  }
}

/** Whether the distribution's cv is fixed by its name (exponential 1, deterministic 0). */
export function fixedCv(dist: string): number | null {
  if (dist === "exponential") return 1;
  if (dist === "deterministic") return 0;
  return null;
}

/** The range of cv a pickable distribution can take, for the cv slider and its message. */
export function cvRange(dist: PickableDistribution): { min: number; max: number } {
  switch (dist) {
    case "exponential": return { min: 1, max: 1 };
    case "deterministic": return { min: 0, max: 0 };
    case "erlang": return { min: 0.05, max: 1 };
    case "hyperexponential": return { min: 1, max: 5 };
    case "uniform": return { min: 0, max: 1 / Math.sqrt(3) };
    default: return { min: 0.05, max: 5 };
  }
}

/**
 * The spec of `dist` with mean `meanS` (s) and coefficient of variation `cv`: Erlang takes
 * k = round(1 / cv^2); uniform is centred on the mean with half-width cv * mean * sqrt(3);
 * Pareto takes the shape with that cv, alpha = 1 + sqrt(1 + 1 / cv^2) (its variance
 * mean^2 / (alpha (alpha - 2))). Returns a message instead when cv is out of the
 * distribution's range.
 */
export function serviceSpecFor(dist: PickableDistribution, meanS: number, cv: number): DistributionSpec | string {
  const { min, max } = cvRange(dist);
  const tolerance = 1e-9;
  if (!(cv >= min - tolerance && cv <= max + tolerance) && fixedCv(dist) === null) {
    return `${dist} needs a cv from ${round(min)} to ${round(max)}`;
  }
  switch (dist) {
    case "exponential": return { dist, mean: meanS };
    case "deterministic": return { dist, value: meanS };
    case "erlang": return { dist, k: Math.max(1, Math.round(1 / (cv * cv))), mean: meanS };
    case "gamma": return { dist, mean: meanS, cv };
    case "lognormal": return { dist, mean: meanS, cv };
    case "hyperexponential": return { dist, mean: meanS, cv };
    case "uniform": {
      const half = Math.min(cv * Math.sqrt(3), 1) * meanS;
      return { dist, min: meanS - half, max: meanS + half };
    }
    case "pareto": return { dist, shape: 1 + Math.sqrt(1 + 1 / (cv * cv)), mean: meanS };
  }
}

/** The same distribution with a new mean (s), keeping its cv. Distributions the picker cannot set keep their shape by scaling. */
export function withServiceMean(spec: DistributionSpec, meanS: number): DistributionSpec | string {
  const now = distributionMoments(spec);
  if (isPickable(spec.dist) && now) return serviceSpecFor(spec.dist, meanS, clampCv(spec.dist, now.cv));
  if (!now) return "the current service distribution has no finite mean";
  return scaleDistribution(spec, meanS / now.meanS);
}

/** The same distribution with a new cv, keeping its mean. */
export function withServiceCv(spec: DistributionSpec, cv: number): DistributionSpec | string {
  const now = distributionMoments(spec);
  if (!now) return "the current service distribution has no finite mean";
  if (!isPickable(spec.dist)) return `pick a distribution to set the cv of ${spec.dist}`;
  return serviceSpecFor(spec.dist, now.meanS, cv);
}

/** Whether the picker can set `dist` from a mean and a cv. */
export function isPickable(dist: string): dist is PickableDistribution {
  return (pickableDistributions as readonly string[]).includes(dist);
}

/** A cv moved into the distribution's range (switching distributions keeps as much shape as it can). */
export function clampCv(dist: PickableDistribution, cv: number): number {
  const { min, max } = cvRange(dist);
  return Number.isFinite(cv) ? Math.min(max, Math.max(min, cv)) : max;
}

/** A distribution with every time multiplied by `factor` (> 0): the mean scales, the cv stays. */
export function scaleDistribution(spec: DistributionSpec, factor: number): DistributionSpec {
  return withoutUndefined(scaled(spec, factor));
}

function scaled(spec: DistributionSpec, factor: number): DistributionSpec {
  const s = <T extends number | undefined>(x: T): T => (x === undefined ? x : ((x * factor) as T));
  switch (spec.dist) {
    case "exponential": return spec.mean !== undefined ? { dist: "exponential", mean: spec.mean * factor } : { dist: "exponential", rate: (spec.rate ?? 1) / factor };
    case "deterministic": return { ...spec, value: spec.value * factor };
    case "uniform": return { ...spec, min: spec.min * factor, max: spec.max * factor };
    case "erlang": return { ...spec, mean: spec.mean * factor };
    case "gamma": return { ...spec, mean: s(spec.mean), scale: s(spec.scale) };
    case "lognormal": return { ...spec, mean: s(spec.mean), mu: spec.mu === undefined ? undefined : spec.mu + Math.log(factor) };
    case "weibull": return { ...spec, scale: spec.scale * factor };
    case "hyperexponential": return { ...spec, mean: spec.mean * factor };
    case "pareto": return { ...spec, scale: s(spec.scale), mean: s(spec.mean) };
    case "empirical": return { ...spec, samples: spec.samples.map((x) => x * factor) };
  }
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function round(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}
