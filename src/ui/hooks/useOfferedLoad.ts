import { useMemo } from "react";
import type { Scenario } from "../../scenario/index.ts";
import { compileScenario, offeredLoad, type QueueLoad } from "../../simulation/index.ts";

/**
 * Offered load of every queue by id (traffic equations only, no simulation): cheap enough for
 * the page's thread, so the unstable banner and the diagram follow the controls at once.
 */
export function useOfferedLoad(scenario: Scenario): Map<string, QueueLoad> {
  return useMemo(() => {
    try {
      const loads = offeredLoad(scenario, compileScenario(scenario));
      return new Map(scenario.queues.map((q, i) => [q.id, loads[i]!]));
    } catch {
      return new Map<string, QueueLoad>();
    }
  }, [scenario]);
}
