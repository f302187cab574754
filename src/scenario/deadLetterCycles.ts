import type { QueueSpec } from "./types.ts";
import { issueAt, type ScenarioIssue } from "./issues.ts";
import { quoteText } from "./preview.ts";

/**
 * Dead-letter traps: cycles of `deadLetter` edges on which no queue has a consumer.
 *
 * The rule. Each queue has at most one `deadLetter`, so the dead-letter graph is a set of
 * chains, each ending in a queue without one or in one cycle. A message on such a cycle moves
 * only by being dead-lettered (expired, dropped by `drop-head`, or failed) into the next queue
 * of the cycle, or by being acked by a consumer, after which it leaves the cycle (by its routes,
 * fanout, or out of the system). A queue with a consumer acks each delivery with probability
 * 1 - failure.probability, so a cycle with at least one such queue where that is > 0 is left
 * with probability 1: this is the retry pattern (work -> delay queue with a ttl and no
 * consumers -> back to work). A queue that fails every delivery (probability 1) is a way out
 * only with a `maxDeliveries`: the delivery count survives dead-letter hops, so the limit is
 * reached and the message leaves (README, "Retries"). A cycle with no way out is a trap: its
 * messages circulate for ever.
 * (A consumer-less queue must have a ttl, checked elsewhere, so trapped messages do move. A
 * publish refused by a full queue is a loss, not a way out, so capacity does not excuse a trap.)
 *
 * Returns one issue per trap, at the `deadLetter` field of its first queue in file order.
 * Expects every `deadLetter` to name an existing queue and ids to be unique.
 */
export function deadLetterTraps(queues: readonly QueueSpec[]): ScenarioIssue[] {
  const indexOf = new Map(queues.map((queue, i) => [queue.id, i]));
  const next = queues.map((queue) => (queue.deadLetter === undefined ? undefined : indexOf.get(queue.deadLetter)));
  const issues: ScenarioIssue[] = [];
  for (const cycle of deadLetterCycles(next)) {
    if (cycle.some((i) => isWayOut(queues[i]))) continue;
    const first = Math.min(...cycle);
    const names = [...rotateTo(cycle, first), first].map((i) => quoteText(queues[i]?.id ?? "")).join(" -> ");
    const failing = cycle.filter((i) => queues[i]?.consumers !== 0).sort((a, b) => a - b);
    const why = failing.length === 0
      ? "has no consumers"
      : `has no way out: ${failing.map((i) => `queues[${i}]`).join(", ")} nack${failing.length === 1 ? "s" : ""} every delivery (failure.probability 1, no maxDeliveries)${failing.length < cycle.length ? " and the others have no consumers" : ""}`;
    issues.push(issueAt(["queues", first, "deadLetter"], `dead-letter cycle ${names} ${why}: its messages could never leave`));
  }
  return issues;
}

/** Whether a queue acks some deliveries, or ends a message's retries by its delivery limit. */
function isWayOut(queue: QueueSpec | undefined): boolean {
  if (queue === undefined || queue.consumers === 0) return false;
  const f = queue.failure;
  return f === undefined || f.probability < 1 || f.maxDeliveries !== undefined;
}

/** The cycles of a functional graph (`next[i]` is node i's only successor), each listed once. */
export function deadLetterCycles(next: readonly (number | undefined)[]): number[][] {
  const state = new Array<0 | 1 | 2>(next.length).fill(0); // 0 unvisited, 1 on the current walk, 2 done
  const cycles: number[][] = [];
  for (let start = 0; start < next.length; start++) {
    const walk: number[] = [];
    let node: number | undefined = start;
    while (node !== undefined && state[node] === 0) {
      state[node] = 1;
      walk.push(node);
      node = next[node];
    }
    if (node !== undefined && state[node] === 1) cycles.push(walk.slice(walk.indexOf(node)));
    for (const visited of walk) state[visited] = 2;
  }
  return cycles;
}

function rotateTo(cycle: readonly number[], first: number): number[] {
  const at = cycle.indexOf(first);
  return [...cycle.slice(at), ...cycle.slice(0, at)];
}
