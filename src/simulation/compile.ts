import { createDistribution } from "../engine/random/index.ts";
import type { Distribution } from "../engine/random/types.ts";
import type { QueueSpec, Scenario } from "../scenario/types.ts";

/** A queue of a scenario, resolved to indices and samplers: what the simulation model runs. */
export interface CompiledQueue {
  index: number;
  id: string;
  spec: QueueSpec;
  /** Consumers, Infinity for "unlimited". */
  servers: number;
  /** Service distribution per class (one entry when the queue has no priority classes). */
  service: Distribution[];
  /** Class names, their cumulative arrival shares and their priority level (0 = highest). */
  classNames: string[];
  classCumShare: Float64Array;
  levelOfClass: Int32Array;
  levels: number;
  ttl: Distribution | null;
  failureP: number;
  requeue: boolean;
  maxDeliveries: number;
  /** Index of the dead-letter target, -1 when dead letters leave the system. */
  deadLetter: number;
  /** Probabilistic routes after an ack: targets and cumulative probabilities. */
  routeTo: Int32Array;
  routeCum: Float64Array;
  /** Fanout targets: a copy goes to each after an ack. */
  fanout: Int32Array;
}

/**
 * Resolves a validated scenario into compiled queues. Throws RangeError naming the field for
 * anything the schema could not check alone (distribution parameters are checked again here,
 * since the engine can be called without the schema).
 */
export function compileScenario(scenario: Scenario): CompiledQueue[] {
  const indexOf = new Map(scenario.queues.map((q, i) => [q.id, i]));
  const target = (id: string, path: string) => {
    const i = indexOf.get(id);
    if (i === undefined) throw new RangeError(`${path}: no queue with id ${JSON.stringify(id)}`);
    return i;
  };
  return scenario.queues.map((q, index) => {
    const path = `queues[${index}]`;
    const classes = q.priorities ?? [];
    const base = createDistribution(q.service, `${path}.service`);
    const service = classes.length === 0 ? [base] : classes.map((c, k) => (c.service ? createDistribution(c.service, `${path}.priorities[${k}].service`) : base));
    const distinct = [...new Set(classes.map((c) => c.priority))].sort((a, b) => b - a);
    let cum = 0;
    const routes = q.routes ?? [];
    let routeCum = 0;
    return {
      index,
      id: q.id,
      spec: q,
      servers: q.consumers === "unlimited" ? Infinity : q.consumers,
      service,
      classNames: classes.map((c) => c.class),
      classCumShare: Float64Array.from(classes, (c) => (cum += c.share)),
      levelOfClass: Int32Array.from(classes.length ? classes.map((c) => distinct.indexOf(c.priority)) : [0]),
      levels: Math.max(1, distinct.length),
      ttl: q.ttl === undefined ? null : typeof q.ttl === "number" ? createDistribution({ dist: "deterministic", value: q.ttl }, `${path}.ttl`) : createDistribution(q.ttl, `${path}.ttl`),
      failureP: q.failure?.probability ?? 0,
      requeue: q.failure?.requeue ?? false,
      maxDeliveries: q.failure?.maxDeliveries ?? 0,
      deadLetter: q.deadLetter === undefined ? -1 : target(q.deadLetter, `${path}.deadLetter`),
      routeTo: Int32Array.from(routes, (r, k) => target(r.to, `${path}.routes[${k}].to`)),
      routeCum: Float64Array.from(routes, (r) => (routeCum += r.probability)),
      fanout: Int32Array.from(q.fanout ?? [], (id, k) => target(id, `${path}.fanout[${k}]`)),
    };
  });
}
