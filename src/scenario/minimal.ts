import type { FailureSpec, QueueSpec, RunSpec, Scenario } from "./types.ts";
import { defaultRequeue, defaultDiscipline, queueDefaults } from "./schema/queue.ts";
import { defaultMessages, defaultRun } from "./schema/run.ts";
import { defaultScenarioName, defaultSeed } from "./schema/scenario.ts";

type Json = Record<string, unknown>;

// Key orders of the written file: the order DESIGN.md and types.ts list the fields in.
const scenarioKeys = ["version", "name", "description", "seed", "run", "queues"];
const runKeys = ["messages", "duration", "warmup", "replications", "precision", "maxReplications", "backlogLimit", "eventBudget"];
const queueKeys = [
  "id", "arrival", "service", "consumers", "prefetch", "capacity", "overflow", "discipline",
  "priorities", "preemptive", "ttl", "failure", "deadLetter", "routes", "fanout",
];
const distributionKeys = ["dist", "mean", "rate", "cv", "value", "min", "max", "k", "shape", "scale", "mu", "sigma", "samples"];
const arrivalKeys = ["process", "rate", "interarrival", "size", "states", "switch", "steps", "period", "times", "file"];
const classKeys = ["class", "priority", "share", "service"];
const failureKeys = ["probability", "requeue", "maxDeliveries"];

/**
 * The scenario as a plain JSON object with the fields that equal their defaults left out and
 * keys in a fixed order: what files and links store. `parseScenario` of it gives back a
 * scenario deep-equal to `s`.
 */
export function minimalScenario(s: Scenario): Json {
  return ordered(
    {
      version: s.version,
      name: s.name === defaultScenarioName ? undefined : s.name,
      description: s.description,
      seed: s.seed === defaultSeed ? undefined : s.seed,
      run: minimalRun(s.run),
      queues: s.queues.map(minimalQueue),
    },
    scenarioKeys,
  );
}

function minimalRun(run: RunSpec): Json | undefined {
  const defaults = defaultRun();
  const out = ordered(
    {
      ...run,
      messages: run.messages === defaultMessages && run.duration === undefined ? undefined : run.messages,
      warmup: run.warmup === defaults.warmup ? undefined : run.warmup,
      replications: run.replications === defaults.replications ? undefined : run.replications,
    },
    runKeys,
  );
  return Object.keys(out).length === 0 ? undefined : out;
}

function minimalQueue(q: QueueSpec): Json {
  return ordered(
    {
      ...q,
      arrival: q.arrival === undefined ? undefined : nested(q.arrival, arrivalKeys),
      service: nested(q.service, distributionKeys),
      consumers: q.consumers === queueDefaults.consumers ? undefined : q.consumers,
      prefetch: q.prefetch === queueDefaults.prefetch ? undefined : q.prefetch,
      capacity: q.capacity === queueDefaults.capacity ? undefined : q.capacity,
      overflow: q.overflow === queueDefaults.overflow ? undefined : q.overflow,
      discipline: q.discipline === defaultDiscipline(q.priorities) ? undefined : q.discipline,
      priorities: q.priorities?.map((c) => ordered({ ...c, service: c.service && nested(c.service, distributionKeys) }, classKeys)),
      ttl: typeof q.ttl === "object" ? nested(q.ttl, distributionKeys) : q.ttl,
      failure: q.failure === undefined ? undefined : minimalFailure(q.failure),
    },
    queueKeys,
  );
}

function minimalFailure(f: FailureSpec): Json {
  return ordered({ ...f, requeue: f.requeue === defaultRequeue ? undefined : f.requeue }, failureKeys);
}

/** A distribution or arrival with its keys in order; nested distributions too. */
function nested(spec: object, keys: readonly string[]): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(ordered(spec as Json, keys))) {
    const isSpec = typeof value === "object" && value !== null && !Array.isArray(value);
    out[key] = isSpec ? nested(value, distributionKeys) : value;
  }
  return out;
}

/** The defined fields of `object`, known keys first in `keys` order, any others after. */
function ordered(object: Json, keys: readonly string[]): Json {
  const out: Json = {};
  for (const key of keys) if (object[key] !== undefined) out[key] = object[key];
  for (const key of Object.keys(object)) if (!(key in out) && object[key] !== undefined) out[key] = object[key];
  return out;
}
