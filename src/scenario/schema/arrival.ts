import { z } from "zod";
import type { DistributionSpec } from "../../engine/random/spec.ts";
import { scenarioLimits } from "../limits.ts";
import { array, nonNegative, numberArray, positive, strictObject, text } from "./fields.ts";
import { distributionSchema, integerDistributionSchema } from "./distribution.ts";
import { exactlyOne, tagged } from "./tagged.ts";

/** Arrival process names of the scenario format (DESIGN.md, "Arrivals"). */
export const arrivalProcessNames = ["poisson", "renewal", "batch", "mmpp", "profile", "trace"] as const;

const literal = <T extends string>(name: T) => z.literal(name);

const poisson = strictObject({ process: literal("poisson"), rate: nonNegative() }, "a Poisson process");

const renewal = strictObject({ process: literal("renewal"), interarrival: distributionSchema }, "a renewal process").superRefine(
  (value, ctx) => {
    // A zero mean inter-arrival time would publish without end at one instant.
    if (hasZeroMean(value.interarrival)) {
      ctx.addIssue({ code: "custom", message: "expected a distribution with mean > 0", path: ["interarrival"], input: value.interarrival });
    }
  },
);

const batch = strictObject({ process: literal("batch"), rate: nonNegative(), size: integerDistributionSchema }, "a batch Poisson process");

const mmppState = strictObject({ rate: nonNegative() }, "an MMPP state");

const mmpp = strictObject(
  {
    process: literal("mmpp"),
    states: array(mmppState, "states", 1, scenarioLimits.mmppStates),
    switch: array(numberArray("a finite number", () => true, "a switch row", 0, scenarioLimits.mmppStates), "switch", 1, scenarioLimits.mmppStates),
  },
  "a Markov-modulated Poisson process",
).superRefine((value, ctx) => checkSwitchMatrix(value.switch, value.states.length, ctx));

/**
 * The switching rates of an MMPP: n x n, off-diagonal rates >= 0. The diagonal is 0 or the
 * generator's own (minus the row's sum); both are read the same way.
 */
function checkSwitchMatrix(matrix: number[][], states: number, ctx: z.core.$RefinementCtx) {
  const shapeOk = matrix.length === states && matrix.every((row) => row.length === states);
  if (!shapeOk) {
    const got = `${matrix.length} rows of ${matrix.map((row) => row.length).join(", ")} entries`.slice(0, 80);
    ctx.addIssue({ code: "custom", message: `expected a ${states} x ${states} matrix (one row and column per state), got ${got}`, path: ["switch"], input: matrix });
    return;
  }
  matrix.forEach((row, i) => {
    const offDiagonal = row.reduce((sum, rate, j) => (j === i ? sum : sum + rate), 0);
    row.forEach((rate, j) => {
      if (j !== i && !(rate >= 0)) {
        ctx.addIssue({ code: "custom", message: "expected a switching rate >= 0", path: ["switch", i, j], input: rate });
      }
    });
    const diagonal = row[i] ?? 0;
    if (diagonal !== 0 && !(Math.abs(diagonal + offDiagonal) <= 1e-9 * Math.max(1, offDiagonal))) {
      const message = `expected 0 or ${-offDiagonal} (minus the row's other rates) on the diagonal`;
      ctx.addIssue({ code: "custom", message, path: ["switch", i, i], input: diagonal });
    }
  });
}

const profileStep = strictObject({ from: nonNegative(), rate: nonNegative() }, "a profile step");

const profile = strictObject(
  { process: literal("profile"), steps: array(profileStep, "steps", 1, scenarioLimits.profileSteps), period: positive().optional() },
  "a rate profile",
).superRefine((value, ctx) => {
  const first = value.steps[0];
  if (first !== undefined && first.from !== 0) {
    ctx.addIssue({ code: "custom", message: "expected 0 (the first step starts the profile)", path: ["steps", 0, "from"], input: first.from });
  }
  const unordered = value.steps.findIndex((step, i) => i > 0 && !(step.from > (value.steps[i - 1]?.from ?? 0)));
  if (unordered > 0) {
    const previous = value.steps[unordered - 1]?.from ?? 0;
    const message = `expected a number > ${previous} (steps in ascending order of "from")`;
    ctx.addIssue({ code: "custom", message, path: ["steps", unordered, "from"], input: value.steps[unordered]?.from });
  }
  const last = value.steps[value.steps.length - 1];
  if (value.period !== undefined && last !== undefined && !(value.period > last.from)) {
    ctx.addIssue({ code: "custom", message: `expected a number > ${last.from} (the last step's "from")`, path: ["period"], input: value.period });
  }
});

const trace = strictObject(
  {
    process: literal("trace"),
    times: numberArray("a number >= 0", (v) => v >= 0, "times", 1).optional(),
    file: text("a file path", scenarioLimits.textLength).optional(),
  },
  "an arrival trace",
)
  .superRefine(exactlyOne(["times", "file"]))
  .superRefine((value, ctx) => {
    const times = value.times ?? [];
    const unordered = times.findIndex((t, i) => i > 0 && !(t >= (times[i - 1] ?? 0)));
    if (unordered > 0) {
      const message = `expected a number >= ${times[unordered - 1]} (times in ascending order)`;
      ctx.addIssue({ code: "custom", message, path: ["times", unordered], input: times[unordered] });
    }
  });

/** An outside arrival process, validated into `ArrivalSpec` (src/engine/arrivals/spec.ts). */
export const arrivalSchema = tagged(
  "process",
  arrivalProcessNames,
  [poisson, renewal, batch, mmpp, profile, trace],
  'an arrival process like {"process": "poisson", "rate": 10}',
);

/** True for distributions whose mean is 0 (all mass at 0); every other one has mean > 0. */
export function hasZeroMean(spec: DistributionSpec): boolean {
  switch (spec.dist) {
    case "deterministic":
      return spec.value === 0;
    case "uniform":
      return spec.max === 0;
    case "empirical":
      return spec.samples.every((x) => x === 0);
    default:
      return false;
  }
}
