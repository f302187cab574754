import type { BrokerQueue } from "../broker/brokerQueue.ts";
import type { QueueSpec, Scenario } from "../scenario/types.ts";
import { compileScenario, type CompiledQueue } from "../simulation/compile.ts";
import { NetworkModel, type ReplicationPlan } from "../simulation/model.ts";

/**
 * One replication of a backlog drain: the model notes the first time the target queue has no
 * ready message left once the whole backlog has been published, and then ends the replication
 * at the next departure (it owns its plan, so it lowers `plan.messages` to 0).
 */
class DrainModel extends NetworkModel {
  drainedAt = -1;

  constructor(queues: CompiledQueue[], plan: ReplicationPlan, private readonly target: number, private readonly backlog: number) {
    super(queues, plan);
  }

  override deliver(queue: BrokerQueue, consumer: number, msg: number): void {
    super.deliver(queue, consumer, msg);
    if (this.drainedAt < 0 && queue.index === this.target && queue.readyCount === 0 && queue.counts.published >= this.backlog) {
      this.drainedAt = this.cal.time;
      this.plan.messages = 0;
    }
  }
}

/** A feeder queue publishing `backlog` messages into `target` at once (a hair after t = 0). */
function withBacklog(scenario: Scenario, target: string, backlog: number): Scenario {
  let id = `${target}/backlog`;
  while (scenario.queues.some((q) => q.id === id)) id += "'";
  const feeder: QueueSpec = {
    id,
    arrival: { process: "trace", times: new Array<number>(backlog).fill(0) },
    service: { dist: "deterministic", value: 1e-9 },
    consumers: "unlimited",
    prefetch: 1,
    capacity: null,
    overflow: "reject-publish",
    discipline: "fifo",
    routes: [{ to: target, probability: 1 }],
  };
  return { ...scenario, queues: [...scenario.queues, feeder] };
}

/** Limits of one drain replication. */
export interface DrainRunLimits {
  /** Simulated seconds after which a replication that has not drained gives up. */
  horizonS: number;
  /** Events after which it gives up. */
  eventBudget: number;
}

/**
 * Times to drain a backlog of `backlog` messages from queue `target`, one per replication
 * (seeds as the scenario's replications): the backlog is published at t = 0 beside the
 * queue's own arrivals, and the drain time is the first time no message of the queue is
 * ready once all of it has been published. Infinity for a replication that had not drained
 * within the limits. Routing onward from the queue is kept.
 */
export function simulateDrain(scenario: Scenario, target: string, backlog: number, replications: number, limits: DrainRunLimits): number[] {
  const s = withBacklog(scenario, target, backlog);
  const queues = compileScenario(s);
  const index = queues.findIndex((q) => q.id === target);
  const times: number[] = [];
  for (let r = 0; r < replications; r++) {
    const plan: ReplicationPlan = {
      seed: scenario.seed,
      replication: r,
      warmupMessages: 0,
      warmupDuration: 0,
      messages: Infinity,
      duration: limits.horizonS,
      backlogLimit: Math.max(backlog * 2, 1_000_000),
      eventBudget: limits.eventBudget,
    };
    const model = new DrainModel(queues, plan, index, backlog);
    model.run();
    times.push(model.drainedAt >= 0 ? model.drainedAt : Infinity);
  }
  return times;
}
