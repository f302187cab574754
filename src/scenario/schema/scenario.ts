import { z } from "zod";
import type { Scenario } from "../types.ts";
import { scenarioLimits } from "../limits.ts";
import { array, finiteNumber, strictObject, text } from "./fields.ts";
import { queueSchema } from "./queue.ts";
import { runSchema } from "./run.ts";

/** The name a scenario gets when its file has none. */
export const defaultScenarioName = "Untitled scenario";
/** The seed a scenario gets when its file has none. */
export const defaultSeed = 1;

/**
 * The scenario file format, version 1 (DESIGN.md, "Scenario file"), with every default filled.
 * Cross-field rules (ids, references, sums, dead-letter cycles) are checked after it, in
 * `crossChecks.ts`; version handling is `migrate.ts`'s.
 */
export const scenarioSchema = strictObject(
  {
    version: z.literal(1, { error: "expected the format version 1" }),
    name: text("a name").default(defaultScenarioName),
    description: text("a description", scenarioLimits.textLength).optional(),
    seed: finiteNumber("an integer seed", Number.isSafeInteger).default(defaultSeed),
    run: runSchema,
    queues: array(queueSchema, "queues", 1, scenarioLimits.queues),
  },
  "a scenario",
);

// Compile-time check: what the schema produces is a `Scenario` (src/scenario/types.ts).
type AssertAssignable<T extends U, U> = T;
export type ScenarioSchemaOutputIsScenario = AssertAssignable<z.output<typeof scenarioSchema>, Scenario>;
