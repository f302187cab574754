import { z } from "zod";
import type { Discipline } from "../types.ts";
import { scenarioLimits } from "../limits.ts";
import { array, boolean, integer, nonNegative, oneOf, probability, strictObject, text } from "./fields.ts";
import { arrivalSchema } from "./arrival.ts";
import { distributionSchema } from "./distribution.ts";

/** Queue defaults (DESIGN.md, "Queue fields"); `discipline` is "priority" when priorities are given. */
export const queueDefaults = {
  consumers: 1,
  prefetch: 1,
  capacity: null,
  overflow: "reject-publish",
} as const;

/** `failure.requeue` when not given: true, as AMQP's basic.nack defaults to requeue. */
export const defaultRequeue = true;

const queueId = () => text("a queue id");

const consumers = z.union([integer(0, scenarioLimits.consumers), z.literal("unlimited")], {
  error: `expected an integer from 0 to ${scenarioLimits.consumers}, or "unlimited"`,
});

const capacity = z.union([integer(0), z.null()], { error: "expected an integer >= 0, or null (unbounded)" });

const ttl = z.union([nonNegative(), distributionSchema], {
  error: 'expected a number of seconds >= 0, or a distribution like {"dist": "exponential", "mean": 30}',
});

const priorityClass = strictObject(
  {
    class: text("a class name"),
    priority: integer(0, 255),
    share: probability(),
    service: distributionSchema.optional(),
  },
  "a priority class",
);

// Probability 1 is a valid model when every failed delivery is dead-lettered or a delivery
// limit ends the retries; with requeue and no limit every message would be redelivered for ever.
const failure = strictObject(
  {
    probability: probability(),
    requeue: boolean().default(defaultRequeue),
    maxDeliveries: integer(1).optional(),
  },
  "a failure model",
).superRefine((value, ctx) => {
  if (value.probability === 1 && value.requeue && value.maxDeliveries === undefined) {
    const message = 'expected a number below 1 with "requeue": true and no "maxDeliveries" (every delivery would be requeued for ever; set "requeue": false or a "maxDeliveries")';
    ctx.addIssue({ code: "custom", message, path: ["probability"], input: value.probability });
  }
});

const route = strictObject({ to: queueId(), probability: probability() }, "a route");

/** One queue (a station: the queue with its consumers), validated into `QueueSpec`. */
export const queueSchema = strictObject(
  {
    id: queueId(),
    arrival: arrivalSchema.optional(),
    service: distributionSchema,
    consumers: consumers.default(queueDefaults.consumers),
    prefetch: integer(0).default(queueDefaults.prefetch),
    capacity: capacity.default(queueDefaults.capacity),
    overflow: oneOf(["reject-publish", "drop-head"]).default(queueDefaults.overflow),
    discipline: oneOf(["fifo", "lifo", "priority", "random"]).optional(),
    priorities: array(priorityClass, "priorities", 1, scenarioLimits.queues).optional(),
    preemptive: boolean().optional(),
    ttl: ttl.optional(),
    failure: failure.optional(),
    deadLetter: queueId().optional(),
    routes: array(route, "routes", 0, scenarioLimits.queues).optional(),
    fanout: array(queueId(), "fanout", 0, scenarioLimits.queues).optional(),
  },
  "a queue",
).transform(({ discipline, ...queue }) => ({ ...queue, discipline: discipline ?? defaultDiscipline(queue.priorities) }));

/** The discipline a queue gets when its file does not name one. */
export function defaultDiscipline(priorities: readonly unknown[] | undefined): Discipline {
  return priorities === undefined ? "fifo" : "priority";
}
