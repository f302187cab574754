import type { ArrivalSpec, Scenario } from "../../scenario/types.ts";
import { scaleDistribution } from "./serviceShape.ts";

/**
 * The arrival process with its rate multiplied by `factor` (> 0): Poisson and batch rates,
 * MMPP state rates and profile steps are multiplied; renewal inter-arrival times and trace
 * timestamps are divided. The shape of the process (its cv, its pattern) is kept.
 */
export function scaleArrival(arrival: ArrivalSpec, factor: number): ArrivalSpec {
  switch (arrival.process) {
    case "poisson": return { ...arrival, rate: arrival.rate * factor };
    case "batch": return { ...arrival, rate: arrival.rate * factor };
    case "renewal": return { ...arrival, interarrival: scaleDistribution(arrival.interarrival, 1 / factor) };
    case "mmpp": return { ...arrival, states: arrival.states.map((s) => ({ rate: s.rate * factor })) };
    case "profile": return { ...arrival, steps: arrival.steps.map((s) => ({ ...s, rate: s.rate * factor })) };
    case "trace": return arrival.times ? { ...arrival, times: arrival.times.map((t) => t / factor) } : arrival;
  }
}

/** The scenario with every outside arrival rate multiplied by `factor`: routed traffic follows. */
export function scaleScenarioLoad(scenario: Scenario, factor: number): Scenario {
  return { ...scenario, queues: scenario.queues.map((q) => (q.arrival ? { ...q, arrival: scaleArrival(q.arrival, factor) } : q)) };
}
