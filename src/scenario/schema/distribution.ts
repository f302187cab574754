import { z } from "zod";
import { scenarioLimits } from "../limits.ts";
import { finiteNumber, integer, nonNegative, numberArray, positive, strictObject } from "./fields.ts";
import { exactlyOne, exactlyOneSet, tagged } from "./tagged.ts";

/** Distribution names of the scenario format (DESIGN.md, "Distributions"). */
export const distributionNames = [
  "exponential", "deterministic", "uniform", "erlang", "gamma",
  "lognormal", "weibull", "hyperexponential", "pareto", "empirical",
] as const;

/** Integer-valued distribution names (batch sizes). */
export const integerDistributionNames = ["geometric", "deterministic", "empirical"] as const;

const literal = <T extends string>(name: T) => z.literal(name);

const exponential = strictObject(
  { dist: literal("exponential"), mean: positive().optional(), rate: positive().optional() },
  "an exponential distribution",
).superRefine(exactlyOne(["mean", "rate"]));

const deterministic = strictObject({ dist: literal("deterministic"), value: nonNegative() }, "a deterministic distribution");

const uniform = strictObject({ dist: literal("uniform"), min: nonNegative(), max: nonNegative() }, "a uniform distribution").superRefine(
  (value, ctx) => {
    if (!(value.max >= value.min)) {
      ctx.addIssue({ code: "custom", message: `expected a number >= min (${value.min})`, path: ["max"], input: value.max });
    }
  },
);

const erlang = strictObject(
  { dist: literal("erlang"), k: integer(1, scenarioLimits.erlangPhases), mean: positive() },
  "an Erlang distribution",
);

const gamma = strictObject(
  {
    dist: literal("gamma"),
    mean: positive().optional(),
    cv: positive().optional(),
    shape: positive().optional(),
    scale: positive().optional(),
  },
  "a gamma distribution",
).superRefine(exactlyOneSet([["mean", "cv"], ["shape", "scale"]]));

const lognormal = strictObject(
  {
    dist: literal("lognormal"),
    mean: positive().optional(),
    cv: nonNegative().optional(),
    mu: finiteNumber("a finite number").optional(),
    sigma: nonNegative().optional(),
  },
  "a lognormal distribution",
)
  .superRefine(exactlyOneSet([["mean", "cv"], ["mu", "sigma"]]))
  .superRefine((value, ctx) => {
    if (value.mu === undefined || value.sigma === undefined) return;
    // The mean exp(mu + sigma^2 / 2) must be a finite double for the engine and the formulas.
    if (!Number.isFinite(Math.exp(value.mu + (value.sigma * value.sigma) / 2))) {
      ctx.addIssue({ code: "custom", message: "expected mu + sigma^2/2 < 709 (a finite mean)", path: ["sigma"], input: value.sigma });
    }
  });

const weibull = strictObject({ dist: literal("weibull"), shape: positive(), scale: positive() }, "a Weibull distribution");

const hyperexponential = strictObject(
  { dist: literal("hyperexponential"), mean: positive(), cv: finiteNumber("a number >= 1", (v) => v >= 1) },
  "a hyperexponential distribution",
);

const pareto = strictObject(
  { dist: literal("pareto"), shape: positive(), scale: positive().optional(), mean: positive().optional() },
  "a Pareto distribution",
)
  .superRefine(exactlyOne(["scale", "mean"]))
  .superRefine((value, ctx) => {
    if (value.mean !== undefined && !(value.shape > 1)) {
      const message = 'expected a number > 1 when "mean" is given (a Pareto with shape <= 1 has no finite mean)';
      ctx.addIssue({ code: "custom", message, path: ["shape"], input: value.shape });
    }
  });

const empirical = strictObject(
  { dist: literal("empirical"), samples: numberArray("a number >= 0", (v) => v >= 0, "samples", 1) },
  "an empirical distribution",
);

/**
 * A distribution of a non-negative duration (service time, inter-arrival time, TTL), validated
 * into `DistributionSpec` (src/engine/random/spec.ts).
 */
export const distributionSchema = tagged(
  "dist",
  distributionNames,
  [exponential, deterministic, uniform, erlang, gamma, lognormal, weibull, hyperexponential, pareto, empirical],
  'a distribution like {"dist": "exponential", "mean": 1}',
);

const batchSize = () => integer(1, scenarioLimits.batchSize);
const isBatchSize = (v: number) => Number.isInteger(v) && v >= 1 && v <= scenarioLimits.batchSize;

/** A distribution on 1, 2, ... (batch sizes), validated into `IntegerDistributionSpec`. */
export const integerDistributionSchema = tagged(
  "dist",
  integerDistributionNames,
  [
    strictObject(
      { dist: literal("geometric"), mean: finiteNumber(`a number from 1 to ${scenarioLimits.batchSize}`, (v) => v >= 1 && v <= scenarioLimits.batchSize) },
      "a geometric distribution",
    ),
    strictObject({ dist: literal("deterministic"), value: batchSize() }, "a deterministic batch size"),
    strictObject({ dist: literal("empirical"), samples: numberArray(`an integer from 1 to ${scenarioLimits.batchSize}`, isBatchSize, "samples", 1) }, "an empirical batch size"),
  ],
  'an integer distribution like {"dist": "geometric", "mean": 3}',
);
