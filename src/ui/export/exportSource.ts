import type { ParamSweepState } from "../plan/paramSweepStore.ts";
import { planFits } from "../plan/planView.ts";
import type { PlanState } from "../plan/planStore.ts";
import type { RunState } from "../sim/runStore.ts";
import type { ExportSource } from "./reportFiles.ts";

/**
 * What the Export menu can save: the last finished run and its scenario, with the plan and the
 * sweep when they were made for that scenario (a plan may differ in the consumers it changed),
 * and a sentence saying what is included; or why nothing can be saved yet.
 */
export function exportSourceOf(run: RunState, plan: PlanState, sweep: ParamSweepState): { ok: true; source: ExportSource; includes: string } | { ok: false; reason: string } {
  const { result, resultScenario: scenario } = run;
  if (!result || !scenario) return { ok: false, reason: run.running ? "The first run is still going: export when it finishes." : "No finished run to export yet." };
  const withPlan = plan.plan && plan.planScenario && planFits(plan.plan, plan.planScenario, scenario) ? plan.plan : null;
  // Reports chart one-parameter sweeps; a two-parameter grid stays in the page (and `kendall sweep --csv`).
  const twoD = (sweep.sweep?.params.length ?? 0) > 1;
  const withSweep = sweep.sweep && sweep.sweepScenario === scenario && !twoD ? sweep.sweep : null;
  const parts = ["the run's figures and charts", ...(withPlan ? ["the capacity plan"] : []), ...(withSweep ? ["the parameter sweep"] : [])];
  const left = [...(plan.plan && !withPlan ? ["the plan (made for another scenario)"] : []), ...(sweep.sweep && !withSweep ? [twoD ? "the two-parameter sweep (reports chart one parameter; use kendall sweep --csv)" : "the sweep (run on another scenario)"] : [])];
  const last = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0];
  return {
    ok: true,
    source: { scenario, result, plan: withPlan, sweep: withSweep },
    includes: `Includes ${last}${left.length ? `; leaves out ${left.join(" and ")}` : ""}.${run.running ? " A newer run is in progress: this exports the last finished one." : ""}`,
  };
}
