import type { Scenario } from "../scenario/types.ts";
import { withConsumers, withPrefetch } from "./edit.ts";
import { explainPrefetch } from "./explainSize.ts";
import { boundedRun, simulatePoint, type PlanSimulation } from "./simulate.ts";
import { evaluateSimulated, type SimulatedTerm, type Verdict } from "./slo/evaluate.ts";
import type { Slo } from "./slo/types.ts";

/**
 * The prefetches a plan tries, smallest first: the round numbers RabbitMQ users set, up to
 * MAX_PLAN_PREFETCH (documented in the README). The queue's own prefetch is added when it
 * lies within (see `prefetchLadder`).
 */
export const PREFETCH_LADDER: readonly number[] = [1, 2, 5, 10, 20, 50, 100, 250, 500, 1000];

/** The largest prefetch a plan tries. */
export const MAX_PLAN_PREFETCH = 1000;

/** The SLO checked by simulation at one prefetch. */
export interface PrefetchCheck {
  prefetch: number;
  verdict: Verdict;
  terms: SimulatedTerm[];
}

/**
 * The prefetch answer for one queue (`queues[ID].prefetch` of `plan --json`): the largest
 * prefetch on the ladder with which the consumers' answer still clearly meets the SLO.
 */
export interface PrefetchSizing {
  queue: string;
  /** The consumer count it was sized at (the plan's consumer answer; null: none, so not sized). */
  consumers: number | null;
  /** The queue's prefetch as given (0 = unlimited). */
  current: number;
  /** The answer, or null (see `reason`). */
  value: number | null;
  /** Whether the answer clearly meets the SLO in simulation. */
  meets: boolean;
  /** Prefetch has no analytic model: it is always sized by simulation. */
  method: "simulation";
  /** The prefetches considered, smallest first. */
  ladder: number[];
  /** The simulation at the answer. */
  simulated: PrefetchCheck | null;
  /** The simulation at the next prefetch up the ladder: fails, or close (too close to tell); null at the top of the ladder. */
  next: PrefetchCheck | null;
  /** Every prefetch simulated, in order. */
  checked: { prefetch: number; verdict: Verdict }[];
  /** The trade-off, when the answer is below the top of the ladder: the largest prefetch with one consumer more. */
  oneMore?: { consumers: number; value: number | null; checked: { prefetch: number; verdict: Verdict }[] };
  reason?: string;
  explanation: string;
}

/** Bounds of a prefetch search. */
export interface PrefetchOptions {
  /** The confirming simulations' bounds; null (an analytic-only plan): prefetch is not sized. */
  bounds: PlanSimulation | null;
  /** Most simulations per search. */
  maxRuns: number;
  /** Most consumers: the one-more trade-off is not tried past it. */
  consumerLimit: number;
}

/** PREFETCH_LADDER with `current` added when it is a whole number from 1 to MAX_PLAN_PREFETCH. */
export function prefetchLadder(current: number): number[] {
  const within = Number.isInteger(current) && current >= 1 && current <= MAX_PLAN_PREFETCH;
  return [...new Set([...PREFETCH_LADDER, ...(within ? [current] : [])])].sort((a, b) => a - b);
}

/** The result of one search along the ladder. */
export interface LadderSearch {
  value: number | null;
  at: PrefetchCheck | null;
  next: PrefetchCheck | null;
  checks: PrefetchCheck[];
}

/**
 * The largest rung whose simulation clearly meets the SLO, assuming a deeper window never
 * shortens the wait (issue #4: prefetch 10 waits longer than prefetch 1). From rung `start`:
 * up by galloping (+1, +2, +4 rungs) while it meets, down likewise while it does not, then
 * bisection. The rung above the answer is always simulated too. At most `maxRuns` runs, plus
 * that one.
 */
export function searchLadder(check: (prefetch: number) => PrefetchCheck, ladder: number[], start: number, maxRuns: number): LadderSearch {
  const seen = new Map<number, PrefetchCheck>();
  const checks: PrefetchCheck[] = [];
  const at = (i: number): PrefetchCheck => {
    let c = seen.get(i);
    if (!c) {
      c = check(ladder[i]!);
      seen.set(i, c);
      checks.push(c);
    }
    return c;
  };
  const meets = (i: number) => at(i).verdict === "meets";
  const budget = () => checks.length < maxRuns;
  const n = ladder.length;
  let lo = -1; // the largest rung known to meet
  let hi = n; // the smallest rung known not to
  if (meets(start)) {
    lo = start;
    for (let step = 1; hi === n && lo < n - 1 && budget(); step *= 2) {
      const j = Math.min(n - 1, lo + step);
      if (meets(j)) lo = j;
      else hi = j;
    }
  } else {
    hi = start;
    for (let step = 1; lo === -1 && hi > 0 && budget(); step *= 2) {
      const j = Math.max(0, hi - step);
      if (meets(j)) lo = j;
      else hi = j;
    }
  }
  while (lo >= 0 && hi - lo > 1 && hi < n && budget()) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (meets(mid)) lo = mid;
    else hi = mid;
  }
  if (lo < 0) return { value: null, at: null, next: seen.get(0) ?? null, checks };
  const next = lo + 1 < n ? at(lo + 1) : null;
  return { value: ladder[lo]!, at: at(lo), next, checks };
}

const checkedOf = (checks: PrefetchCheck[]) => checks.map((c) => ({ prefetch: c.prefetch, verdict: c.verdict }));

/**
 * The largest prefetch (from `prefetchLadder`) with which `consumers` consumers of queue `id`
 * still clearly meet the SLO, by simulation only: no analytic model has a prefetch window
 * (the M/M/c family assumes an idle consumer takes the next message at once). On a real
 * broker a deeper window buys throughput (fewer round trips between ack and delivery), which
 * the simulation does not model; what it shows is the cost: a message in a busy consumer's
 * window waits while another consumer may be idle. So the answer is the most prefetch the
 * SLO allows. When it is below the top of the ladder, the largest prefetch with one consumer
 * more is searched too (`oneMore`), so the consumers-for-prefetch trade-off is explicit.
 * Every search is bounded (`maxRuns`); it never loops. Not sized (value null, with a reason)
 * without a consumer answer or without simulation.
 */
export function sizePrefetch(scenario: Scenario, id: string, slo: Slo, consumers: number | null, options: PrefetchOptions): PrefetchSizing {
  const spec = scenario.queues.find((q) => q.id === id);
  if (!spec) throw new RangeError(`no queue with id ${JSON.stringify(id)}`);
  const ladder = prefetchLadder(spec.prefetch);
  const base = { queue: id, consumers, current: spec.prefetch, method: "simulation" as const, ladder, simulated: null, next: null, checked: [] };
  const none = (reason: string): PrefetchSizing => {
    const r: PrefetchSizing = { ...base, value: null, meets: false, reason, explanation: "" };
    return { ...r, explanation: explainPrefetch(slo, r) };
  };
  if (consumers === null) return none("no consumer count meets the SLO, so there is no count to size the prefetch at");
  const bounds = options.bounds;
  if (!bounds) return none("prefetch is sized by simulation only (no analytic model has a prefetch window), and this plan is analytic only");
  const checkAt = (c: number) => (prefetch: number): PrefetchCheck => {
    const point = simulatePoint(boundedRun(withPrefetch(withConsumers(scenario, id, c), id, prefetch), bounds));
    return { prefetch, ...evaluateSimulated(slo, point, id) };
  };
  const start = spec.prefetch === 0 || spec.prefetch > MAX_PLAN_PREFETCH ? ladder.length - 1 : ladder.indexOf(spec.prefetch);
  const found = searchLadder(checkAt(consumers), ladder, start, options.maxRuns);
  const result: PrefetchSizing = {
    ...base,
    value: found.value,
    meets: found.value !== null,
    simulated: found.at,
    next: found.next,
    checked: checkedOf(found.checks),
    ...(found.value === null ? { reason: `even prefetch 1 does not clearly meet the SLO with ${consumers} consumer${consumers === 1 ? "" : "s"}` } : {}),
    explanation: "",
  };
  const top = ladder[ladder.length - 1]!;
  if ((found.value === null || found.value < top) && consumers + 1 <= options.consumerLimit) {
    const from = found.value === null ? 0 : ladder.indexOf(found.value);
    const more = searchLadder(checkAt(consumers + 1), ladder, from, options.maxRuns);
    result.oneMore = { consumers: consumers + 1, value: more.value, checked: checkedOf(more.checks) };
  }
  return { ...result, explanation: explainPrefetch(slo, result) };
}
