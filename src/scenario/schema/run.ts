import { z } from "zod";
import type { RunSpec } from "../types.ts";
import { scenarioLimits } from "../limits.ts";
import { finiteNumber, integer, nonNegative, positive, strictObject } from "./fields.ts";

/** Messages per replication when the run gives neither `messages` nor `duration`. */
export const defaultMessages = 100_000;

/** The run when a file has none (DESIGN.md, "Run"). */
export function defaultRun(): RunSpec {
  return { messages: defaultMessages, warmup: "auto", replications: 5 };
}

const warmup = z.union(
  [
    z.literal("auto"),
    z.literal(0).overwrite(() => 0),
    strictObject({ messages: integer(0, scenarioLimits.messages) }, "a warm-up"),
    strictObject({ duration: nonNegative() }, "a warm-up"),
  ],
  { error: 'expected "auto", 0, {"messages": n} or {"duration": seconds}' },
);

/** How long to simulate and how often (DESIGN.md, "Run"), validated into `RunSpec`. */
export const runSchema = strictObject(
  {
    messages: integer(1, scenarioLimits.messages).optional(),
    duration: positive().optional(),
    warmup: warmup.default("auto"),
    replications: integer(1, scenarioLimits.replications).default(5),
    precision: finiteNumber("a number > 0 and < 1 (a relative half-width)", (v) => v > 0 && v < 1).optional(),
    maxReplications: integer(1, scenarioLimits.replications).optional(),
    backlogLimit: integer(1).optional(),
    eventBudget: integer(1).optional(),
  },
  "a run",
)
  .superRefine((value, ctx) => {
    if (value.messages !== undefined && value.duration !== undefined) {
      ctx.addIssue({ code: "custom", message: 'expected one of "messages" or "duration", got both', input: value });
    }
    if (value.maxReplications !== undefined && !(value.maxReplications >= value.replications)) {
      const message = `expected an integer >= replications (${value.replications})`;
      ctx.addIssue({ code: "custom", message, path: ["maxReplications"], input: value.maxReplications });
    }
  })
  .transform((value): RunSpec => (value.messages === undefined && value.duration === undefined ? { ...value, messages: defaultMessages } : value))
  .default(defaultRun);
