import type { ArrivalSpec, DistributionSpec, Scenario } from "../scenario/types.ts";

/** The index of queue `id` in the scenario; RangeError naming the id and the ids there are. */
export function queueIndexOf(scenario: Scenario, id: string): number {
  const i = scenario.queues.findIndex((q) => q.id === id);
  if (i < 0) {
    const ids = scenario.queues.map((q) => JSON.stringify(q.id)).join(", ");
    throw new RangeError(`no queue with id ${JSON.stringify(id)} (queues: ${ids})`);
  }
  return i;
}

/** The scenario with queue `id` drained by `consumers` consumers; the rest is shared, not copied. */
export function withConsumers(scenario: Scenario, id: string, consumers: number): Scenario {
  return { ...scenario, queues: scenario.queues.map((q) => (q.id === id ? { ...q, consumers } : q)) };
}

/** The scenario with queue `id` at prefetch `prefetch` (0 = unlimited, as in RabbitMQ). */
export function withPrefetch(scenario: Scenario, id: string, prefetch: number): Scenario {
  return { ...scenario, queues: scenario.queues.map((q) => (q.id === id ? { ...q, prefetch } : q)) };
}

/** The scenario with queue `id` holding at most `capacity` ready messages (null: unbounded). */
export function withCapacity(scenario: Scenario, id: string, capacity: number | null): Scenario {
  return { ...scenario, queues: scenario.queues.map((q) => (q.id === id ? { ...q, capacity } : q)) };
}

/** The scenario with another seed (an independent re-run). */
export function withSeed(scenario: Scenario, seed: number): Scenario {
  return { ...scenario, seed };
}

/**
 * A distribution with every time multiplied by `factor` (> 0): the mean scales, the shape
 * (cv) stays. Lognormal `mu` shifts by ln(factor); exponential `rate` divides.
 */
export function scaleDistribution(spec: DistributionSpec, factor: number): DistributionSpec {
  const s = (x: number | undefined) => (x === undefined ? undefined : x * factor);
  const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  switch (spec.dist) {
    case "exponential": return spec.mean !== undefined ? { dist: "exponential", mean: spec.mean * factor } : { dist: "exponential", rate: (spec.rate ?? 1) / factor };
    case "deterministic": return { ...spec, value: spec.value * factor };
    case "uniform": return { ...spec, min: spec.min * factor, max: spec.max * factor };
    case "erlang": return { ...spec, mean: spec.mean * factor };
    case "gamma": return clean({ ...spec, mean: s(spec.mean), scale: s(spec.scale) });
    case "lognormal": return clean({ ...spec, mean: s(spec.mean), mu: spec.mu === undefined ? undefined : spec.mu + Math.log(factor) });
    case "weibull": return { ...spec, scale: spec.scale * factor };
    case "hyperexponential": return { ...spec, mean: spec.mean * factor };
    case "pareto": return clean({ ...spec, scale: s(spec.scale), mean: s(spec.mean) });
    case "empirical": return { ...spec, samples: spec.samples.map((x) => x * factor) };
  }
}

/**
 * The arrival process with its rate multiplied by `factor` (> 0), its pattern kept: Poisson
 * and batch rates, MMPP state rates and profile steps are multiplied; renewal inter-arrival
 * times and trace timestamps are divided.
 */
export function scaleArrival(arrival: ArrivalSpec, factor: number): ArrivalSpec {
  switch (arrival.process) {
    case "poisson":
    case "batch":
      return { ...arrival, rate: arrival.rate * factor };
    case "renewal": return { ...arrival, interarrival: scaleDistribution(arrival.interarrival, 1 / factor) };
    case "mmpp": return { ...arrival, states: arrival.states.map((st) => ({ rate: st.rate * factor })) };
    case "profile": return { ...arrival, steps: arrival.steps.map((st) => ({ ...st, rate: st.rate * factor })) };
    case "trace": return arrival.times ? { ...arrival, times: arrival.times.map((t) => t / factor) } : arrival;
  }
}

/** The scenario with every outside arrival rate multiplied by `factor`; routed traffic follows. */
export function scaleLoad(scenario: Scenario, factor: number): Scenario {
  if (factor === 1) return scenario;
  return { ...scenario, queues: scenario.queues.map((q) => (q.arrival ? { ...q, arrival: scaleArrival(q.arrival, factor) } : q)) };
}
