import type { Scenario } from "../scenario/types.ts";
import { compileScenario } from "../simulation/compile.ts";
import { offeredLoad } from "../simulation/offeredLoad.ts";
import { formatNumber } from "../report/format.ts";
import { analyticAt } from "./analyticSearch.ts";
import { scaleLoad } from "./edit.ts";
import { boundedRun, simulatePoint, type PlanSimulation } from "./simulate.ts";
import { evaluateSimulated, type SimulatedTerm, type Verdict } from "./slo/evaluate.ts";
import type { Slo } from "./slo/types.ts";

/** The most traffic a queue's current consumers serve within the SLO. */
export interface Headroom {
  queue: string;
  consumers: number;
  /** The queue's arrival rate today, msg/s. */
  currentLambda: number;
  /** Largest multiple of today's outside arrival rates meeting the SLO; null: see `reason`. */
  factor: number | null;
  /** The queue's arrival rate at `factor`, msg/s. */
  lambda: number | null;
  /** The factor the analytic model alone gives (bisection), when it gives one. */
  analyticFactor: number | null;
  /** The simulation at `factor`, when simulated. */
  simulated: { factor: number; verdict: Verdict; terms: SimulatedTerm[] } | null;
  method: "analytic" | "analytic+simulation" | "simulation";
  reason?: string;
  explanation: string;
}

const MAX_FACTOR = 2 ** 20;

/** Whether the analytic model meets the SLO at load factor f: null when it cannot tell. */
function analyticMeets(scenario: Scenario, id: string, slo: Slo, consumers: number, f: number): boolean | null {
  const check = analyticAt(scaleLoad(scenario, f), id, slo, consumers);
  return typeof check === "string" ? null : check.verdict === null ? null : check.verdict === "meets";
}

/**
 * The largest load factor the analytic model accepts, by bracketing (doubling or halving from
 * 1) and 60 bisection steps. null when the model cannot tell; Infinity when even 2^20 times
 * today's traffic meets the SLO; 0 when even 2^-20 of it does not.
 */
export function analyticMaxFactor(scenario: Scenario, id: string, slo: Slo, consumers: number): number | null {
  const meets = (f: number) => analyticMeets(scenario, id, slo, consumers, f);
  let lo: number;
  let hi: number;
  const first = meets(1);
  if (first === null) return null;
  if (first) {
    for (lo = 1, hi = 2; ; lo = hi, hi *= 2) {
      if (hi > MAX_FACTOR) return Infinity;
      const m = meets(hi);
      if (m === null) return null;
      if (!m) break;
    }
  } else {
    for (hi = 1, lo = 0.5; ; hi = lo, lo /= 2) {
      if (lo < 1 / MAX_FACTOR) return 0;
      const m = meets(lo);
      if (m === null) return null;
      if (m) break;
    }
  }
  for (let i = 0; i < 60 && hi - lo > 1e-9 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (meets(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * How much more traffic the queue's current consumers take within the SLO: bisection on the
 * analytic model, then (with `bounds`) a simulation at that rate. At the limit a simulation is
 * expected to be too close to tell, which confirms it; where the simulation clearly disagrees
 * it decides, bracketing and bisecting the factor by simulation (at most `maxRuns` runs).
 * Without a model the simulation starts from 90% of the stability limit (or from today's rate
 * for queues that shed load).
 */
export function headroom(scenario: Scenario, id: string, slo: Slo, bounds: PlanSimulation | null, maxRuns = 8): Headroom {
  const spec = scenario.queues.find((q) => q.id === id)!;
  const consumers = spec.consumers as number;
  const compiled = compileScenario(scenario);
  const load = offeredLoad(scenario, compiled)[compiled.findIndex((q) => q.id === id)]!;
  const base = { queue: id, consumers, currentLambda: load.lambda };
  const analyticFactor = analyticMaxFactor(scenario, id, slo, consumers);
  const result = (factor: number | null, method: Headroom["method"], simulated: Headroom["simulated"], reason?: string): Headroom => {
    const h: Headroom = { ...base, factor, lambda: factor === null ? null : factor * load.lambda, analyticFactor, simulated, method, ...(reason ? { reason } : {}), explanation: "" };
    return { ...h, explanation: explainHeadroom(h) };
  };
  if (!(load.lambda > 0)) return result(null, "analytic", null, "the queue receives no traffic today, so there is nothing to scale");
  if (analyticFactor === Infinity) return result(null, "analytic", null, `no limit found up to ${MAX_FACTOR} times today's traffic`);
  if (analyticFactor === 0) return result(0, "analytic", null, "even a trickle of traffic misses the SLO");
  if (!bounds) return analyticFactor === null ? result(null, "analytic", null, "no analytic model gives the SLO's figures (simulate)") : result(analyticFactor, "analytic", null);
  const sim = (f: number) => {
    const e = evaluateSimulated(slo, simulatePoint(boundedRun(scaleLoad(scenario, f), bounds)), id);
    return { factor: f, verdict: e.verdict, terms: e.terms };
  };
  const stable = spec.capacity === null && spec.ttl === undefined ? (0.9 * consumers) / (load.lambda * load.meanDemand) : 1;
  const first = sim(analyticFactor ?? stable);
  if (first.verdict === "close" && analyticFactor !== null) return result(first.factor, "analytic+simulation", first);
  const found = simulatedBracket(sim, first, maxRuns);
  if (typeof found === "string") return result(null, "simulation", first, found);
  return result(found.factor, analyticFactor !== null && found.factor === analyticFactor ? "analytic+simulation" : "simulation", found);
}

type Check = NonNullable<Headroom["simulated"]>;

/**
 * The largest factor whose simulation clearly meets the SLO, from a first check: widen the
 * bracket (x1.25 up from a meeting factor, /2 down from a failing one), then bisect with the
 * runs left. A close call counts as not meeting, so the answer is one the simulation backs.
 */
function simulatedBracket(sim: (f: number) => Check, first: Check, maxRuns: number): Check | string {
  let runs = 1;
  let lo: Check | null = first.verdict === "meets" ? first : null;
  let hi = first.verdict === "meets" ? null : first.factor;
  while (runs < maxRuns && (lo === null || hi === null)) {
    const f = lo === null ? hi! / 2 : lo.factor * 1.25;
    const c = sim(f);
    runs++;
    if (c.verdict === "meets") lo = c;
    else hi = f;
  }
  if (lo === null) return `the simulation misses the SLO even at ${formatNumber(hi!, 4)} times today's traffic`;
  while (runs < maxRuns && hi !== null) {
    const c = sim((lo.factor + hi) / 2);
    runs++;
    if (c.verdict === "meets") lo = c;
    else hi = c.factor;
  }
  return lo;
}

function explainHeadroom(h: Headroom): string {
  const c = `${h.consumers} consumer${h.consumers === 1 ? "" : "s"}`;
  if (h.factor === null || h.factor === 0) return `No headroom figure for ${c}: ${h.reason}.`;
  const rate = `${formatNumber(h.lambda!)} msg/s (${formatNumber(h.factor, 3)} x today's ${formatNumber(h.currentLambda)} msg/s)`;
  const one = h.consumers === 1;
  const head = h.factor < 1
    ? `${c} already ${one ? "misses" : "miss"} the SLO at today's traffic; ${one ? "it" : "they"} would keep it up to ${rate}`
    : `${c} ${one ? "keeps" : "keep"} the SLO up to ${rate}`;
  const a = h.analyticFactor === null ? "no analytic model gives the SLO's figures" : `analytic bisection gives ${formatNumber(h.analyticFactor, 3)} x`;
  if (!h.simulated) return `${head}; ${a}.`;
  const v = h.simulated.verdict === "close" ? "too close to tell, as expected at the limit" : h.simulated.verdict;
  const decided = h.method === "simulation" && h.analyticFactor !== null ? "; the simulation decides (bisecting the load by simulation)" : "";
  return `${head}; ${a}; simulated there: ${v}${decided}.`;
}
