import type { StationInput } from "../analytic/index.ts";
import { createArrivalProcess } from "../engine/arrivals/index.ts";
import { createIntegerDistribution } from "../engine/random/index.ts";
import type { Distribution } from "../engine/random/types.ts";
import type { ArrivalSpec, Scenario } from "../scenario/types.ts";
import type { CompiledQueue } from "./compile.ts";
import type { QueueLoad } from "./offeredLoad.ts";

/** A queue as the analytic models see it, with what the mapping had to leave out. */
export interface StationMapping {
  input: StationInput | null;
  /** Why no model applies (when input is null). */
  reason?: string;
  /** Approximations made on the way: the result is then marked `exact: false` with these notes. */
  caveats: string[];
  /** Percentiles do not carry over (service order other than FIFO). */
  dropPercentiles: boolean;
}

const scvOf = (d: Distribution) => (d.mean > 0 ? d.variance / (d.mean * d.mean) : 0);

function arrivalShape(a: ArrivalSpec): { scv: number; batch?: StationInput["batch"] } | { reason: string } {
  switch (a.process) {
    case "poisson":
      return { scv: 1 };
    case "renewal":
      return { scv: createArrivalProcess(a, () => 0.5).interarrivalScv ?? 1 };
    case "batch": {
      const size = createIntegerDistribution(a.size);
      return { scv: 1, batch: { meanSize: size.mean, scvSize: scvOf(size) } };
    }
    case "trace": {
      const t = a.times ?? [];
      if (t.length < 3) return { reason: "a trace of fewer than 3 arrivals has no inter-arrival variability to model" };
      let sum = 0, sum2 = 0;
      for (let i = 1; i < t.length; i++) {
        const g = t[i]! - t[i - 1]!;
        sum += g;
        sum2 += g * g;
      }
      const n = t.length - 1;
      const mean = sum / n;
      return mean > 0 ? { scv: (sum2 / n - mean * mean) / (mean * mean) } : { reason: "a trace with no time span" };
    }
    case "mmpp":
      return { reason: "MMPP arrivals are not a renewal process; no closed form here (simulate)" };
    case "profile":
      return { reason: "a time-varying arrival rate has no steady state (simulate)" };
  }
}

/**
 * Maps one compiled queue of a scenario to the numeric characteristics of `analyzeStation`,
 * or says why no model applies. Arrivals from routes are taken as Poisson (exact in Jackson
 * networks by Burke's theorem, an approximation otherwise); dead-letter inflows depend on
 * outcomes and have no model here.
 */
export function stationInput(scenario: Scenario, q: CompiledQueue, load: QueueLoad, deadLetterTarget: boolean, fedByRoutes: boolean): StationMapping {
  const spec = q.spec;
  const caveats: string[] = [];
  const none = (reason: string): StationMapping => ({ input: null, reason, caveats, dropPercentiles: false });
  if (deadLetterTarget) return none("fed by dead letters, whose rate depends on the outcome upstream");
  if (q.servers === 0) return none("a queue with no consumers: messages leave only by TTL");
  if (spec.overflow === "drop-head" && spec.capacity !== null) return none("drop-head overflow discards the oldest message: the waits of served messages have no closed form here");
  let scv = 1;
  let batch: StationInput["batch"];
  if (spec.arrival) {
    const shape = arrivalShape(spec.arrival);
    if ("reason" in shape) return none(shape.reason);
    scv = shape.scv;
    batch = shape.batch;
    if (fedByRoutes) caveats.push("outside arrivals merged with routed traffic, taken as Poisson");
  } else if (!fedByRoutes) {
    return none("no arrivals");
  }
  const classes = q.classNames.length ? spec.priorities! : [];
  const base = q.service[0]!;
  let meanService = classes.length ? q.service.reduce((s, d, k) => s + d.mean * classes[k]!.share, 0) : base.mean;
  let serviceScv = scvOf(base);
  let kind: StationInput["serviceKind"] = base.name === "exponential" ? "exponential" : base.name === "deterministic" ? "deterministic" : base.name === "erlang" ? "erlang" : "general";
  if (q.failureP > 0 && q.requeue) {
    // Redeliveries: N attempts, geometric in the failure probability p (E[N] = 1/(1-p),
    // Var N = p/(1-p)^2), or with a delivery limit m truncated there: P(N >= k) = p^(k-1) for
    // k <= m, so E[N] = sum p^(k-1) and E[N^2] = sum (2k-1) p^(k-1) over k = 1..m. The demand
    // S = X_1 + ... + X_N has Var S = E[N] Var X + Var N E[X]^2 (N independent of the X_i).
    // At p = 1 a delivery limit m makes N = m exactly (E[N] = m, Var N = 0: the sums below);
    // without one the schema refuses p = 1, as every message would be requeued for ever.
    const p = q.failureP;
    const m = q.maxDeliveries;
    if (p === 1 && m === 0) return none("every delivery is requeued for ever (failure.probability 1 with no maxDeliveries)");
    let en: number, varN: number;
    if (m > 0) {
      let e1 = 0, e2 = 0, pk = 1;
      for (let k = 1; k <= m; k++) {
        e1 += pk;
        e2 += (2 * k - 1) * pk;
        pk *= p;
      }
      en = e1;
      varN = Math.max(0, e2 - e1 * e1);
    } else {
      en = 1 / (1 - p);
      varN = p / (1 - p) ** 2;
    }
    const variance = en * base.variance + varN * base.mean ** 2;
    meanService = base.mean * en;
    serviceScv = variance / meanService ** 2;
    kind = "general";
    caveats.push(`nacks requeue ${(p * 100).toFixed(3).replace(/\.?0+$/, "")}% of deliveries: each attempt counted as extra service time${m ? ` (at most ${m} attempts)` : ""}`);
  }
  if (q.failureP === 1) caveats.push("every delivery is nacked (failure.probability 1): no message is acked here; the model's W and Wq are those of a message until its last nack");
  let patienceRate: number | undefined;
  if (q.ttl) {
    if (q.ttl.name !== "exponential") return none("a TTL that is not exponential has no closed form here (Erlang A needs exponential patience)");
    patienceRate = 1 / q.ttl.mean;
  }
  if (spec.prefetch !== 1 && q.servers !== Infinity) {
    caveats.push(`prefetch ${spec.prefetch === 0 ? "unlimited" : spec.prefetch}: a message in a busy consumer's window cannot move to an idle one; the model ignores this and underestimates the wait`);
  }
  const dropPercentiles = spec.discipline === "lifo" || spec.discipline === "random";
  if (dropPercentiles) caveats.push(`${spec.discipline} order: means as for FIFO (work-conserving), percentiles not given`);
  return {
    input: {
      lambda: load.lambda,
      arrivalScv: scv,
      ...(batch ? { batch } : {}),
      meanService,
      serviceScv,
      serviceKind: kind,
      ...(kind === "erlang" ? { erlangK: Math.round(1 / serviceScv) } : {}),
      servers: q.servers === Infinity ? "unlimited" : q.servers,
      capacity: spec.capacity,
      ...(patienceRate !== undefined ? { patienceRate } : {}),
      ...(classes.length ? { classes: classes.map((c, k) => ({ name: c.class, priority: c.priority, share: c.share, meanService: q.service[k]!.mean, serviceScv: scvOf(q.service[k]!) })) } : {}),
      ...(spec.preemptive ? { preemptive: true } : {}),
    },
    caveats,
    dropPercentiles,
  };
}
