import type { Scenario } from "../scenario/types.ts";
import { analyticAt, analyticSizing, impossibleReason, stableMinimum, type AnalyticCheck } from "./analyticSearch.ts";
import { explainSizing } from "./explain.ts";
import { simulatedSizing, type SimSearchOptions, type SimulatedCheck } from "./simSearch.ts";
import type { AnalyticTerm, SimulatedTerm, Verdict } from "./slo/evaluate.ts";
import type { Slo } from "./slo/types.ts";

/** Default most consumers any search tries (documented in the README and `kendall plan --help`). */
export const MAX_PLAN_CONSUMERS = 1000;

/** What the analytic model says at one count (the `analytic` block of `plan --json`). */
export interface AnalyticFigures {
  model: string;
  exact: boolean;
  note?: string;
  consumers: number;
  verdict: "meets" | "fails" | null;
  terms: AnalyticTerm[];
}

/** What the simulation says at one count (the `simulated` block of `plan --json`). */
export interface SimulatedFigures {
  consumers: number;
  verdict: Verdict;
  terms: SimulatedTerm[];
}

/** The answer for one queue: the fewest consumers meeting the SLO, how it was found and checked. */
export interface QueueSizing {
  queue: string;
  /** Consumers in the scenario as given. */
  current: number;
  /** The answer, or null when the SLO cannot be met (see `reason`). */
  consumers: number | null;
  /** Whether the answer meets the SLO (by simulation when simulated, else analytically). */
  meets: boolean;
  /** The consumer count the analytic model alone gives (null: none, see `analyticReason`). */
  analyticConsumers: number | null;
  /** The model that gave `analyticConsumers`, and whether it decided on only some of the terms. */
  analyticModel?: string;
  analyticReason?: string;
  /**
   * How the answer was decided: the analytic model alone (not simulated), the analytic
   * answer confirmed by simulation, or the simulation where the two disagree or no model applies.
   */
  method: "analytic" | "analytic+simulation" | "simulation";
  analytic: AnalyticFigures | null;
  simulated: SimulatedFigures | null;
  /** The simulation at one consumer fewer than the answer: fails, or close (too close to tell). */
  fewer: { analytic: AnalyticFigures | null; simulated: SimulatedFigures | null } | null;
  /** Every count simulated, in order. */
  checked: { consumers: number; verdict: Verdict }[];
  /** Why there is no answer. */
  reason?: string;
  explanation: string;
}

/** Options of `sizeQueue`. */
export interface SizeOptions {
  /** Most consumers tried; default MAX_PLAN_CONSUMERS. */
  limit?: number;
  /** Simulation bounds and budget; null: analytic only. */
  simulation: Omit<SimSearchOptions, "limit"> | null;
}

function analyticFigures(check: AnalyticCheck | string | undefined): AnalyticFigures | null {
  if (!check || typeof check === "string") return null;
  const r = check.view.result;
  return { model: r.model, exact: r.exact, ...(r.note ? { note: r.note } : {}), consumers: check.consumers, verdict: check.verdict, terms: check.terms };
}

const simulatedFigures = (c: SimulatedCheck | undefined): SimulatedFigures | null => (c ? { consumers: c.consumers, verdict: c.verdict, terms: c.terms } : null);

/**
 * The smallest number of consumers of queue `id` meeting the SLO. Analytic first: the model
 * `analyzeScenario` picks (Erlang C, M/M/c/K, Allen-Cunneen, ...) searched over c from the
 * stability bound. Then, unless `simulation` is null, confirmed by simulation at that c and
 * at c - 1; where the two disagree the simulation decides, searching from the analytic start
 * (down while c - 1 meets, up by galloping otherwise). Stops with a reason, never loops, when
 * the service time alone breaks the SLO or no count up to `limit` meets it.
 */
export function sizeQueue(scenario: Scenario, id: string, slo: Slo, options: SizeOptions): QueueSizing {
  const limit = options.limit ?? MAX_PLAN_CONSUMERS;
  const spec = scenario.queues.find((q) => q.id === id);
  if (!spec) throw new RangeError(`no queue with id ${JSON.stringify(id)}`);
  if (spec.consumers === "unlimited") throw new RangeError(`queue ${JSON.stringify(id)} has unlimited consumers: there is nothing to size`);
  const current = spec.consumers;
  const base = { queue: id, current, analyticConsumers: null, analytic: null, simulated: null, fewer: null, checked: [] };
  const impossible = impossibleReason(scenario, id, slo);
  if (impossible) return { ...base, consumers: null, meets: false, method: "analytic", reason: impossible, explanation: `Impossible: ${impossible}; no number of consumers helps.` };
  const low = stableMinimum(scenario, id);
  const a = analyticSizing(scenario, id, slo, low, limit);
  const analyticOnly = options.simulation === null;
  if (a.impossible || (analyticOnly && a.consumers === null)) {
    const reason = a.reason ?? "no analytic model";
    return { ...base, analyticReason: reason, consumers: null, meets: false, method: "analytic", reason, explanation: a.impossible ? `Impossible: ${reason}.` : `No answer: ${reason}; simulate to size it.` };
  }
  if (analyticOnly) {
    const c = a.consumers!;
    const result: QueueSizing = {
      ...base, analyticConsumers: c, analyticModel: a.at!.view.result.model, consumers: c, meets: true, method: "analytic",
      analytic: analyticFigures(a.at), fewer: c > 1 ? { analytic: analyticFigures(analyticAt(scenario, id, slo, c - 1)), simulated: null } : null, explanation: "",
    };
    return { ...result, explanation: explainSizing(slo, result, null) };
  }
  const sim = simulatedSizing(scenario, id, slo, a.consumers ?? low, { ...options.simulation!, limit });
  const checked = sim.checks.map((c) => ({ consumers: c.consumers, verdict: c.verdict }));
  const model = a.at ? { analyticModel: a.at.view.result.model } : {};
  const withAnalytic = { ...base, analyticConsumers: a.consumers, ...model, ...(a.reason ? { analyticReason: a.reason } : {}), checked };
  if (sim.consumers === null) {
    const reason = sim.reason!;
    const result: QueueSizing = { ...withAnalytic, consumers: null, meets: false, method: "simulation", reason, explanation: "" };
    return { ...result, explanation: explainSizing(slo, result, sim) };
  }
  const c = sim.consumers;
  const result: QueueSizing = {
    ...withAnalytic,
    consumers: c,
    meets: true,
    method: a.consumers === c ? "analytic+simulation" : "simulation",
    analytic: analyticFigures(a.consumers === c ? a.at : analyticAt(scenario, id, slo, c)),
    simulated: simulatedFigures(sim.at),
    fewer: sim.fewer ? { analytic: analyticFigures(analyticAt(scenario, id, slo, c - 1)), simulated: simulatedFigures(sim.fewer) } : null,
    explanation: "",
  };
  return { ...result, explanation: explainSizing(slo, result, sim) };
}
