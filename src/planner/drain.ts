import type { Scenario } from "../scenario/types.ts";
import { compileScenario } from "../simulation/compile.ts";
import { offeredLoad } from "../simulation/offeredLoad.ts";
import { meanCi } from "../stats/index.ts";
import { formatNumber } from "../report/format.ts";
import { withConsumers } from "./edit.ts";
import { simulateDrain } from "./drainModel.ts";
import { formatDuration } from "./figures.ts";
import type { PlanSimulation } from "./simulate.ts";
import { verdictOf, type Verdict } from "./slo/evaluate.ts";

/** Most backlog the drain simulation takes (a feeder holds one timestamp per message). */
export const MAX_DRAIN_BACKLOG = 1_000_000;
/** Events per drain replication after which it gives up (about 5 s of simulation). */
export const DRAIN_EVENT_BUDGET = 10_000_000;

/** Drain figures at one consumer count. */
export interface DrainCheck {
  consumers: number;
  /** N / (c mu - lambda) in seconds (fluid approximation; exact mean for M/M/1); Infinity when c mu <= lambda. */
  analyticS: number;
  /** Mean drain time over the replications that drained, with its 95% half-width. */
  simulated: { mean: number; ci95: number; replications: number; undrained: number } | null;
  /** Against `withinS`, when a target was given. */
  verdict?: Verdict;
}

/** How long a backlog takes to drain, and what it takes to drain it in time. */
export interface DrainPlan {
  queue: string;
  backlog: number;
  /** Arrival rate (msg/s) and service rate per consumer (1 / mean demand, msg/s). */
  lambda: number;
  mu: number;
  current: DrainCheck;
  withinS?: number;
  /** The fewest consumers draining within `withinS`, when it was given. */
  needed?: DrainCheck;
  explanation: string;
}

function check(scenario: Scenario, id: string, c: number, backlog: number, lambda: number, mu: number, bounds: PlanSimulation | null, withinS?: number): DrainCheck {
  const analyticS = c * mu > lambda ? backlog / (c * mu - lambda) : Infinity;
  let simulated: DrainCheck["simulated"] = null;
  if (bounds && analyticS < Infinity) {
    const reps = Math.min(bounds.maxReplications, Math.max(bounds.minReplications, scenario.run.replications));
    const horizonS = 5 * analyticS + 1000 / mu;
    const times = simulateDrain(withConsumers(scenario, id, c), id, backlog, reps, { horizonS, eventBudget: DRAIN_EVENT_BUDGET });
    const done = times.filter(Number.isFinite);
    const ci = meanCi(done);
    simulated = { mean: done.length ? ci.mean : Infinity, ci95: ci.ci95, replications: reps, undrained: reps - done.length };
  }
  const out: DrainCheck = { consumers: c, analyticS, simulated };
  if (withinS !== undefined) {
    const s = simulated;
    out.verdict = s ? (s.undrained > 0 ? "fails" : verdictOf("<=", withinS, s.mean, s.ci95)) : analyticS <= withinS ? "meets" : "fails";
  }
  return out;
}

/**
 * Backlog drain of queue `id`: the time to work off `backlog` messages at today's arrival
 * rate and consumers, N / (c mu - lambda) (the fluid approximation; exact in mean for M/M/1,
 * and for M/M/c once the backlog exceeds c), with an interval by simulation (the backlog
 * published at t = 0 beside the arrivals, timed until no message is ready, over replications).
 * With `withinS`, also the fewest consumers draining within it: the analytic count, checked by
 * simulation and raised one at a time (at most 5 times) while the simulation fails.
 * @throws RangeError when the backlog is not an integer in [1, 1e6] or exceeds the queue's capacity.
 */
export function drainPlan(scenario: Scenario, id: string, backlog: number, withinS: number | undefined, bounds: PlanSimulation | null): DrainPlan {
  if (!(Number.isInteger(backlog) && backlog >= 1 && backlog <= MAX_DRAIN_BACKLOG)) throw new RangeError(`invalid backlog: ${backlog} (must be an integer from 1 to ${MAX_DRAIN_BACKLOG})`);
  if (withinS !== undefined && !(withinS > 0)) throw new RangeError(`invalid drain target: ${withinS} s (must be > 0)`);
  const compiled = compileScenario(scenario);
  const q = compiled.find((x) => x.id === id)!;
  if (q.servers === Infinity) throw new RangeError(`queue ${JSON.stringify(id)} has unlimited consumers: a backlog drains at once`);
  if (q.spec.capacity !== null && backlog > q.spec.capacity + q.servers * Math.max(1, q.spec.prefetch)) {
    throw new RangeError(`invalid backlog: ${backlog} (queue ${JSON.stringify(id)} holds at most ${q.spec.capacity} ready messages: its capacity)`);
  }
  const load = offeredLoad(scenario, compiled)[q.index]!;
  const mu = 1 / load.meanDemand;
  const lambda = load.lambda;
  const current = check(scenario, id, q.servers, backlog, lambda, mu, bounds, withinS);
  const plan: DrainPlan = { queue: id, backlog, lambda, mu, current, ...(withinS !== undefined ? { withinS } : {}), explanation: "" };
  if (withinS !== undefined) {
    let c = Math.max(1, Math.ceil((backlog / withinS + lambda) / mu - 1e-9));
    let needed = check(scenario, id, c, backlog, lambda, mu, bounds, withinS);
    for (let i = 0; i < 5 && needed.verdict === "fails"; i++) needed = check(scenario, id, ++c, backlog, lambda, mu, bounds, withinS);
    plan.needed = needed;
  }
  return { ...plan, explanation: explainDrain(plan) };
}

function describe(d: DrainCheck): string {
  const s = d.simulated;
  const c = `${d.consumers} consumer${d.consumers === 1 ? "" : "s"}`;
  const analytic = `analytic N/(c mu - lambda) ${formatDuration(d.analyticS)}`;
  if (!s) return `${c}: ${formatDuration(d.analyticS)} (${analytic}; not simulated)`;
  const undrained = s.undrained ? `; ${s.undrained} of ${s.replications} replications had not drained within the horizon` : "";
  const sim = s.mean === Infinity ? "never in simulation" : `${formatDuration(s.mean)} (simulated 95% CI ${formatDuration(Math.max(0, s.mean - s.ci95))} to ${formatDuration(s.mean + s.ci95)} over ${s.replications} replications; ${analytic})`;
  return `${c}: ${sim}${undrained}`;
}

function explainDrain(p: DrainPlan): string {
  const head = `A backlog of ${formatNumber(p.backlog)} messages at ${formatNumber(p.lambda)} msg/s drains with ${describe(p.current)}.`;
  if (p.withinS === undefined || !p.needed) return head;
  const v = p.needed.verdict === "close" ? " (too close to tell)" : p.needed.verdict === "fails" ? " (still fails: raise it further)" : "";
  return `${head} To drain within ${formatDuration(p.withinS)}: ${describe(p.needed)}${v}.`;
}
