/**
 * How the figures were obtained, in sentences: run length, warm-up, replications, confidence
 * level, percentile accuracy, and what the analytic column assumes. Plain text.
 */
import type { Scenario } from "../scenario/types.ts";
import type { RunResult } from "../simulation/result.ts";
import { formatNumber, formatPercent, formatSeconds } from "./format.ts";

function warmupText(result: RunResult, scenario: Scenario): string {
  const w = result.warmup;
  if (w.method === "none") return "Warm-up: none; every message counts from an empty system.";
  if (w.method === "fixed") {
    const length = w.duration !== undefined ? formatSeconds(w.duration) : `${w.messages ?? 0} messages`;
    return `Warm-up: fixed, the first ${length} of each replication discarded.`;
  }
  const detected = w.detected === false ? " MSER found no clear end of the transient in the first half: the run may be too short." : "";
  const how = `Warm-up: MSER-5 on a pilot run${scenario.run.warmup === "auto" ? " (automatic)" : ""}`;
  const cut = w.messages ? `the first ${w.messages} departures of each replication discarded` : "no transient found to discard";
  return `${how}; ${cut}.${detected}`;
}

/** The assumptions behind a result, one sentence each. */
export function assumptionLines(scenario: Scenario, result: RunResult): string[] {
  const run = scenario.run;
  const length = run.duration !== undefined ? `${formatSeconds(run.duration)} of simulated time` : `${formatNumber(run.messages ?? 0)} messages leaving the system`;
  const ci =
    result.replications > 1
      ? `Intervals: 95% confidence half-widths (Student t) over ${result.replications} independent replications.`
      : "Intervals: 95% confidence half-widths from batch means within the single replication.";
  const lines = [
    `Seed ${scenario.seed}; replications ${result.replications}, each ${length} after warm-up; streams derived from the seed by name, so the same seed gives the same numbers.`,
    warmupText(result, scenario),
    ci,
    "Percentiles: from a streaming quantile sketch (DDSketch) with 0.5% relative error, pooled over replications.",
    "Service and inter-arrival distributions: as listed under Scenario; times in seconds.",
    "Analytic figures: steady-state formulas for the model named beside each queue; approximations are marked and say what they leave out.",
  ];
  if (run.precision !== undefined && result.precision) {
    const p = result.precision;
    lines.push(`Precision target: ${formatPercent(p.target)} relative half-width of the end-to-end W; ${p.met ? "met" : "not met"} (${formatPercent(p.achieved)}).`);
  }
  if (result.stopped) lines.push(`The run stopped early (${result.stopped.reason}, replication ${result.stopped.replication ?? 0}): figures describe the part that ran.`);
  return lines;
}
