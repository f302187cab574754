/**
 * Each queue of a scenario as the analytic models see it (its StationInput), for the charts
 * that vary the load or draw a model's distribution. The same mapping `analyzeScenario` uses.
 */
import type { StationInput } from "../analytic/index.ts";
import type { Scenario } from "../scenario/types.ts";
import { compileScenario, offeredLoad } from "../simulation/index.ts";
import { stationInput } from "../simulation/stationInput.ts";

/** Per queue id: its station input, or null where no model applies. */
export function stationInputs(scenario: Scenario): Record<string, StationInput | null> {
  const queues = compileScenario(scenario);
  const loads = offeredLoad(scenario, queues);
  const dlTargets = new Set(queues.filter((q) => q.deadLetter >= 0).map((q) => q.deadLetter));
  return Object.fromEntries(
    queues.map((q) => {
      const fedByRoutes = queues.some((p) => p.routeTo.includes(q.index) || p.fanout.includes(q.index));
      const load = loads[q.index]!;
      if (!Number.isFinite(load.lambda)) return [q.id, null];
      try {
        return [q.id, stationInput(scenario, q, load, dlTargets.has(q.index), fedByRoutes).input];
      } catch {
        // A report is still worth having without the model's curves.
        return [q.id, null];
      }
    }),
  );
}

/** Offered load per consumer, lambda / (c mu), of a station; undefined for unlimited consumers. */
export function stationRho(input: StationInput): number | undefined {
  return input.servers === "unlimited" ? undefined : (input.lambda * input.meanService) / input.servers;
}
