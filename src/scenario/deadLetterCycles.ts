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
 * 1 - failure.probability > 0, so a cycle with at least one such queue is left with
 * probability 1: this is the retry pattern (work -> delay queue with a ttl and no consumers ->
 * back to work). A cycle of consumer-less queues is a trap: its messages circulate for ever.
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
    if (cycle.some((i) => queues[i]?.consumers !== 0)) continue;
    const first = Math.min(...cycle);
    const names = [...rotateTo(cycle, first), first].map((i) => quoteText(queues[i]?.id ?? "")).join(" -> ");
    issues.push(issueAt(["queues", first, "deadLetter"], `dead-letter cycle ${names} has no consumers: its messages could never leave`));
  }
  return issues;
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
