import { parseScenario, formatIssue, type QueueSpec, type Scenario } from "../../scenario/index.ts";
import type { FieldKey } from "./fields.ts";
import { clampCv, distributionMoments, serviceSpecFor, withServiceCv, withServiceMean, type PickableDistribution } from "./serviceShape.ts";

/** One change the controls make to the scenario. */
export type ScenarioEdit =
  | { kind: "field"; field: FieldKey; value: number }
  | { kind: "serviceDist"; dist: PickableDistribution }
  | { kind: "consumersUnlimited"; unlimited: boolean }
  | { kind: "capacityUnbounded"; unbounded: boolean };

export type EditResult = { ok: true; scenario: Scenario } | { ok: false; message: string };

/**
 * Applies an edit of queue `queueId` (or of the run, for seed, messages and replications) and
 * validates the whole scenario again, so a change the file format would refuse is refused
 * here too, with the schema's message.
 */
export function applyEdit(scenario: Scenario, queueId: string, edit: ScenarioEdit): EditResult {
  const changed = editedScenario(scenario, queueId, edit);
  if (typeof changed === "string") return { ok: false, message: changed };
  const parsed = parseScenario(changed);
  if (!parsed.ok) return { ok: false, message: parsed.errors.map(formatIssue).join("; ") };
  return { ok: true, scenario: parsed.scenario };
}

function editedScenario(scenario: Scenario, queueId: string, edit: ScenarioEdit): Scenario | string {
  if (edit.kind === "field" && (edit.field === "seed" || edit.field === "messages" || edit.field === "replications")) {
    if (edit.field === "seed") return { ...scenario, seed: edit.value };
    if (edit.field === "replications") return { ...scenario, run: { ...scenario.run, replications: edit.value } };
    const { duration: _duration, ...run } = scenario.run;
    return { ...scenario, run: { ...run, messages: edit.value } };
  }
  const index = scenario.queues.findIndex((q) => q.id === queueId);
  const queue = scenario.queues[index];
  if (!queue) return `no queue ${JSON.stringify(queueId)} in this scenario`;
  const next = editedQueue(queue, edit);
  if (typeof next === "string") return next;
  return { ...scenario, queues: scenario.queues.map((q, i) => (i === index ? next : q)) };
}

function editedQueue(queue: QueueSpec, edit: ScenarioEdit): QueueSpec | string {
  switch (edit.kind) {
    case "consumersUnlimited": return { ...queue, consumers: edit.unlimited ? "unlimited" : 1 };
    case "capacityUnbounded": return { ...queue, capacity: edit.unbounded ? null : 100 };
    case "serviceDist": {
      const now = distributionMoments(queue.service);
      if (!now) return "the current service distribution has no finite mean";
      const service = serviceSpecFor(edit.dist, now.meanS, clampCv(edit.dist, now.cv));
      return typeof service === "string" ? service : { ...queue, service };
    }
    case "field": return editedQueueField(queue, edit.field, edit.value);
  }
}

function editedQueueField(queue: QueueSpec, field: FieldKey, value: number): QueueSpec | string {
  switch (field) {
    case "rate": {
      const a = queue.arrival;
      if (a?.process === "poisson" || a?.process === "batch") return { ...queue, arrival: { ...a, rate: value } };
      return a ? `the rate of a ${a.process} arrival is set in the scenario file` : "this queue has no outside arrivals (it is fed by routes)";
    }
    case "serviceMeanMs": {
      const service = withServiceMean(queue.service, value / 1000);
      return typeof service === "string" ? service : { ...queue, service };
    }
    case "serviceCv": {
      const service = withServiceCv(queue.service, value);
      return typeof service === "string" ? service : { ...queue, service };
    }
    case "consumers": return { ...queue, consumers: value };
    case "prefetch": return { ...queue, prefetch: value };
    case "capacity": return { ...queue, capacity: value };
    default: return `${field} is not a queue field`;
  }
}
