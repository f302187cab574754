import type { Scenario } from "../scenario/types.ts";
import type { RunResult } from "./result.ts";

/** The analytic half of a result: per queue the model's figures or null (the `kendall analyze` shape). */
export interface AnalyzeResult {
  scenario: string;
  seed: number;
  queues: Record<string, { analytic: Record<string, unknown> | null }>;
  network?: { analytic: Record<string, unknown> | null };
  unstable: RunResult["unstable"];
}

/** Analytic results for every queue of a scenario. */
export function analyzeScenario(scenario: Scenario): AnalyzeResult {
  return {
    scenario: scenario.name,
    seed: scenario.seed,
    queues: Object.fromEntries(scenario.queues.map((q) => [q.id, { analytic: null }])),
    unstable: [],
  };
}

/** Fills the `analytic` blocks of a simulation result. */
export function withAnalytic(scenario: Scenario, result: RunResult): RunResult {
  const a = analyzeScenario(scenario);
  const queues = Object.fromEntries(Object.entries(result.queues).map(([id, q]) => [id, { ...q, analytic: a.queues[id]?.analytic ?? null }]));
  return { ...result, queues, ...(result.network ? { network: { ...result.network, analytic: a.network?.analytic ?? null } } : {}) };
}
