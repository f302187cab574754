import type { Overflow, Scenario } from "../scenario/types.ts";
import { compileScenario } from "../simulation/compile.ts";
import { offeredLoad } from "../simulation/offeredLoad.ts";
import { analyticCapacity, analyticCapacityAt, simulatedCapacity, startQuantile, type CapacityAnalytic, type CapacityCheck } from "./capacitySearch.ts";
import { withCapacity, withConsumers } from "./edit.ts";
import { explainCapacity } from "./explainSize.ts";
import { boundedRun, simulatePoint, type PlanSimulation } from "./simulate.ts";
import { evaluateSimulated, simulatedFigure, type Verdict } from "./slo/evaluate.ts";
import { parseSlo } from "./slo/parse.ts";
import type { Slo } from "./slo/types.ts";

/** The largest capacity a plan tries by default (documented in the README and `kendall plan --help`): run.backlogLimit's 10^6 ready messages. */
export const MAX_PLAN_CAPACITY = 1_000_000;

/**
 * The drop bound a capacity is sized against when the SLO has none. Without one the answer
 * would be capacity 0: a smaller queue only shortens the wait of the messages it keeps.
 */
export const DEFAULT_DROP_TERM = "dropped < 0.1%";

/**
 * The capacity answer for one queue (`queues[ID].capacity` of `plan --json`): the smallest
 * capacity (ready messages, as x-max-length counts them) with which the consumers' and
 * prefetch answers still meet the SLO and its drop bound.
 */
export interface CapacitySizing {
  queue: string;
  /** The consumer count and prefetch it was sized at (the plan's answers, or the queue's own prefetch); consumers null: none, so not sized. */
  consumers: number | null;
  prefetch: number;
  overflow: Overflow;
  /** The queue's capacity as given (null = unbounded). */
  current: number | null;
  /** The answer, or null when none was found (see `reason`); never "unbounded". */
  value: number | null;
  /** Whether the answer meets the SLO (by simulation when simulated, else analytically). */
  meets: boolean;
  method: "analytic" | "analytic+simulation" | "simulation";
  /** The SLO sized against: the plan's, with `assumed` added when it has no drop clause. */
  slo: string;
  /** The drop term added because the SLO has none (DEFAULT_DROP_TERM). */
  assumed?: string;
  /** The capacity the analytic model alone gives (null: none, see `analyticReason`). */
  analyticValue: number | null;
  analyticModel?: string;
  analyticReason?: string;
  analytic: CapacityAnalytic | null;
  simulated: CapacityCheck | null;
  /** The checks one message smaller than the answer: fails, or close (too close to tell). */
  smaller: { analytic: CapacityAnalytic | null; simulated: CapacityCheck | null } | null;
  /** Every capacity simulated, in order. */
  checked: { capacity: number; verdict: Verdict }[];
  /** Where the simulated search started when no analytic answer did: an estimate from a run at the current capacity. */
  start?: number;
  /** The largest capacity tried. */
  limit: number;
  reason?: string;
  explanation: string;
}

/** Bounds of a capacity search. */
export interface CapacityOptions {
  /** The confirming simulations' bounds; null: analytic only. */
  bounds: PlanSimulation | null;
  /** Most simulations per search. */
  maxRuns: number;
  /** Largest capacity tried; default MAX_PLAN_CAPACITY. */
  limit?: number;
}

/** The SLO with DEFAULT_DROP_TERM added when it bounds no drops. */
export function withDropBound(slo: Slo): { slo: Slo; assumed?: string } {
  if (slo.terms.some((t) => t.metric.kind === "dropped")) return { slo };
  return { slo: parseSlo(`${slo.text.trim()} and ${DEFAULT_DROP_TERM}`), assumed: DEFAULT_DROP_TERM };
}


/**
 * Where a simulated search starts without an analytic answer: a message finding K ready
 * messages waits while about K arrive, so K = lambda x the (1 - epsilon) quantile of the wait
 * at the current capacity (epsilon the drop bound) estimates the capacity refusing a fraction
 * epsilon; capped by the current capacity, which met the SLO when the consumers were sized.
 */
function startEstimate(scenario: Scenario, id: string, slo: Slo, bounds: PlanSimulation, current: number | null): number {
  const q = startQuantile(slo);
  const point = simulatePoint(boundedRun(scenario, bounds));
  const wait = simulatedFigure({ kind: "percentile", of: "wait", q, level: String(q * 100) }, point, id).value;
  const compiled = compileScenario(scenario);
  const lambda = offeredLoad(scenario, compiled)[compiled.findIndex((c) => c.id === id)]!.lambda;
  const estimate = Number.isFinite(wait) && lambda > 0 ? Math.ceil(lambda * wait) : 1;
  return Math.max(0, Math.min(current ?? Infinity, estimate));
}

/**
 * The smallest capacity of queue `id` with which `consumers` consumers (at the scenario's
 * prefetch) meet the SLO, and its drop bound (DEFAULT_DROP_TERM, said so, when the SLO has
 * none). A smaller queue refuses more and waits less, so the drop bound decides. Analytic
 * first: M/M/c/K (Gross & Harris ch. 2, with K = capacity + c; Erlang B at capacity 0, for
 * any service law) searched over [0, limit]; then, unless `bounds` is null, confirmed by
 * simulation at that capacity and one below. Where they disagree, or no model applies
 * (drop-head, non-exponential service, prefetch windows make M/M/c/K an approximation), the
 * simulation decides, galloping and bisecting from the analytic answer or from an estimate
 * out of one run at the current capacity. Bounded: never past `limit`, at most `maxRuns`
 * simulations; says so when nothing up to `limit` meets it.
 */
export function sizeCapacity(scenario: Scenario, id: string, slo: Slo, consumers: number | null, options: CapacityOptions): CapacitySizing {
  const spec = scenario.queues.find((q) => q.id === id);
  if (!spec) throw new RangeError(`no queue with id ${JSON.stringify(id)}`);
  const limit = options.limit ?? MAX_PLAN_CAPACITY;
  const bound = withDropBound(slo);
  const base = {
    queue: id, consumers, prefetch: spec.prefetch, overflow: spec.overflow, current: spec.capacity, slo: bound.slo.text.trim(),
    ...(bound.assumed ? { assumed: bound.assumed } : {}), analyticValue: null, analytic: null, simulated: null, smaller: null, checked: [], limit,
  };
  const finish = (r: CapacitySizing): CapacitySizing => ({ ...r, explanation: explainCapacity(bound.slo, r) });
  if (consumers === null) {
    return finish({ ...base, value: null, meets: false, method: "analytic", reason: "no consumer count meets the SLO, so there is no count to size the capacity at", explanation: "" });
  }
  const at = withConsumers(scenario, id, consumers);
  const a = analyticCapacity(at, id, bound.slo, limit);
  const model = a.at ? { analyticModel: a.at.model } : {};
  const analytic = { ...base, analyticValue: a.value, ...model, ...(a.reason ? { analyticReason: a.reason } : {}) };
  const bounds = options.bounds;
  if (a.impossible || (!bounds && a.value === null)) {
    const reason = a.reason ?? "no analytic model";
    return finish({ ...analytic, value: null, meets: false, method: "analytic", reason: bounds ? reason : `${reason}; simulate to size it`, explanation: "" });
  }
  const analyticAt = (k: number) => {
    const c = analyticCapacityAt(at, id, bound.slo, k);
    return typeof c === "string" ? null : c;
  };
  if (!bounds) {
    const k = a.value!;
    return finish({ ...analytic, value: k, meets: true, method: "analytic", analytic: a.at!, smaller: k > 0 ? { analytic: analyticAt(k - 1), simulated: null } : null, explanation: "" });
  }
  const check = (k: number): CapacityCheck => ({ capacity: k, ...evaluateSimulated(bound.slo, simulatePoint(boundedRun(withCapacity(at, id, k), bounds)), id) });
  const start = a.value ?? startEstimate(at, id, bound.slo, bounds, spec.capacity);
  const sim = simulatedCapacity(check, start, limit, options.maxRuns);
  const searched = { ...analytic, checked: sim.checks.map((c) => ({ capacity: c.capacity, verdict: c.verdict })), ...(a.value === null ? { start } : {}) };
  if (sim.value === null) return finish({ ...searched, value: null, meets: false, method: "simulation", reason: sim.reason!, explanation: "" });
  const k = sim.value;
  return finish({
    ...searched,
    value: k,
    meets: true,
    method: a.value === k ? "analytic+simulation" : "simulation",
    analytic: a.value === k ? a.at! : analyticAt(k),
    simulated: sim.at!,
    smaller: sim.smaller ? { analytic: analyticAt(k - 1), simulated: sim.smaller } : null,
    explanation: "",
  });
}
