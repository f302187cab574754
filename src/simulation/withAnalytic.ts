import { analyzeStation, jackson, type AnalyticResult } from "../analytic/index.ts";
import type { Scenario } from "../scenario/types.ts";
import { compileScenario, type CompiledQueue } from "./compile.ts";
import { offeredLoad } from "./offeredLoad.ts";
import type { RunResult } from "./result.ts";
import { stationInput } from "./stationInput.ts";

export interface QueueAnalysis {
  analytic: AnalyticResult | null;
  /** Why no model applies, when `analytic` is null. */
  reason?: string;
}

/** The analytic half of a result: per queue the model's figures or null (the `kendall analyze` shape). */
export interface AnalyzeResult {
  scenario: string;
  seed: number;
  queues: Record<string, QueueAnalysis>;
  network?: { analytic: (Record<string, unknown> & { model: string; exact: boolean; W: number }) | null };
  unstable: RunResult["unstable"];
}

/** Open Jackson conditions: Poisson outside arrivals, exponential service, one message at a time per consumer, no loss, TTL, failures or copies. */
function isJackson(queues: CompiledQueue[]): boolean {
  return queues.every((q) => {
    const s = q.spec;
    return (!s.arrival || s.arrival.process === "poisson") && q.service.length === 1 && q.service[0]!.name === "exponential" &&
      (s.prefetch === 1 || q.servers === Infinity) && s.capacity === null && !q.ttl && q.failureP === 0 && q.deadLetter < 0 &&
      q.fanout.length === 0 && q.servers > 0 && q.classNames.length === 0;
  });
}

function analyzeJackson(queues: CompiledQueue[], gamma: number[]): Pick<AnalyzeResult, "queues" | "network"> {
  const n = queues.length;
  const routing = queues.map((q) => {
    const row = new Array<number>(n).fill(0);
    q.routeTo.forEach((to, k) => (row[to]! += q.routeCum[k]! - (k > 0 ? q.routeCum[k - 1]! : 0)));
    return row;
  });
  const r = jackson({ nodes: queues.map((q) => ({ name: q.id, meanService: q.service[0]!.mean, servers: q.servers === Infinity ? "unlimited" : q.servers })), arrivals: gamma, routing });
  return {
    queues: Object.fromEntries(queues.map((q, i) => [q.id, { analytic: withConsumerCapacity(r.nodes[i]!, q) }])),
    network: { analytic: { model: "Jackson", exact: true, unstable: r.unstable, throughput: r.throughput, L: r.L, W: r.W } },
  };
}

/**
 * Analytic results for every queue of a scenario: an open Jackson network when its conditions
 * hold, otherwise each queue on its own through `analyzeStation`, approximations marked
 * `exact: false` with a note, and null with a reason where no model applies.
 */
export function analyzeScenario(scenario: Scenario): AnalyzeResult {
  const queues = compileScenario(scenario);
  const loads = offeredLoad(scenario, queues);
  const unstable = queues.flatMap((q, i) => (loads[i]!.unstable ? [{ queue: q.id, rho: loads[i]!.rho, growthPerS: loads[i]!.growthPerS }] : []));
  const base = { scenario: scenario.name, seed: scenario.seed, unstable };
  const network = queues.some((q) => q.routeTo.length > 0 || q.fanout.length > 0 || q.deadLetter >= 0);
  const gamma = loads.map((l) => l.external);
  if (network && isJackson(queues)) return { ...base, ...analyzeJackson(queues, gamma) };
  const dlTargets = new Set(queues.filter((q) => q.deadLetter >= 0).map((q) => q.deadLetter));
  const out: Record<string, QueueAnalysis> = {};
  for (const q of queues) {
    const fedByRoutes = queues.some((p) => p.routeTo.includes(q.index) || p.fanout.includes(q.index));
    const m = stationInput(scenario, q, loads[q.index]!, dlTargets.has(q.index), fedByRoutes);
    if (!m.input) {
      out[q.id] = { analytic: null, reason: m.reason };
      continue;
    }
    let a: AnalyticResult | null;
    try {
      a = analyzeStation(m.input);
    } catch (e) {
      out[q.id] = { analytic: null, reason: (e as Error).message };
      continue;
    }
    if (!a) {
      out[q.id] = { analytic: null, reason: "no closed form or approximation for this combination (simulate)" };
      continue;
    }
    if (hasNaN(a)) {
      // A last guard: parameters at the edge of floating point (rates of 1e-320) must not reach a page as NaN.
      out[q.id] = { analytic: null, reason: "the parameters are outside the range the formulas can evaluate" };
      continue;
    }
    if (m.caveats.length) a = { ...a, exact: false, note: [a.note, ...m.caveats].filter(Boolean).join("; ") };
    if (m.dropPercentiles) {
      a = { ...a };
      delete a.wait;
      delete a.sojourn;
    }
    out[q.id] = { analytic: withConsumerCapacity(a, q) };
  }
  return { ...base, queues: out, ...(network ? { network: { analytic: null } } : {}) };
}

/**
 * The model's consumer capacity, 1 - P(every consumer busy) as a time average, where it follows
 * exactly from the model: Poisson arrivals (PASTA: an arrival sees the time-average state, so
 * P(n >= c) = pWait (1 - pBlock) + pBlock, pWait being over admitted messages; in a Jackson
 * network the node's product-form marginal), one message per consumer at a time (prefetch 1), no
 * TTL (Erlang A's pWait counts served messages only), no failures, no batches, and an exact
 * model. Unlimited consumers can always take a message: 1.
 */
function withConsumerCapacity(a: AnalyticResult, q: CompiledQueue): AnalyticResult {
  const poisson = !q.spec.arrival || q.spec.arrival.process === "poisson";
  if (!a.exact || a.unstable || !poisson || q.ttl || q.failureP > 0) return a;
  if (q.servers === Infinity) return { ...a, consumerCapacity: 1 };
  if (q.spec.prefetch !== 1 || a.pWait === undefined) return a;
  const pBlock = a.pBlock ?? 0;
  return { ...a, consumerCapacity: 1 - (a.pWait * (1 - pBlock) + pBlock) };
}

function hasNaN(value: unknown): boolean {
  if (typeof value === "number") return Number.isNaN(value);
  if (value && typeof value === "object") return Object.values(value).some(hasNaN);
  return false;
}

/** Fills the `analytic` blocks of a simulation result. */
export function withAnalytic(scenario: Scenario, result: RunResult): RunResult {
  const a = analyzeScenario(scenario);
  const queues = Object.fromEntries(Object.entries(result.queues).map(([id, q]) => {
    const qa = a.queues[id];
    return [id, { ...q, analytic: (qa?.analytic ?? null) as QueueResultAnalytic, ...(qa?.reason ? { analyticReason: qa.reason } : {}) }];
  }));
  return { ...result, queues, ...(result.network ? { network: { ...result.network, analytic: a.network?.analytic ?? null } } : {}) };
}

type QueueResultAnalytic = RunResult["queues"][string]["analytic"];
