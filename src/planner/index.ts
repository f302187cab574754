// Capacity planning against an SLO: SLO expressions, sizing (analytic first, confirmed by
// bounded simulation), growth, headroom, backlog drain, and parameter sweeps. Pure core: runs
// the same in the page, a worker and Node. Public names are given here only.
export { parseSlo, SloSyntaxError, sloMetricsHelp } from "./slo/parse.ts";
export { isTimeMetric, metricLabel, termText, type Slo, type SloMetric, type SloOp, type SloTerm } from "./slo/types.ts";
export {
  combineVerdicts,
  evaluateAnalytic,
  evaluateSimulated,
  simulatedFigure,
  verdictOf,
  type AnalyticTerm,
  type SimulatedTerm,
  type Verdict,
} from "./slo/evaluate.ts";
export { analyticFigure, analyticView, type AnalyticView } from "./analyticView.ts";
export { boundedRun, planSimulationDefaults, simulatePoint, type PlanSimulation, type SimulatedPoint } from "./simulate.ts";
export { analyticSizing, impossibleReason, stableMinimum, type AnalyticSizing } from "./analyticSearch.ts";
export { simulatedSizing, type SimulatedSizing, type SimulatedCheck } from "./simSearch.ts";
export { MAX_PLAN_CONSUMERS, sizeQueue, type QueueSizing, type SizeOptions, type AnalyticFigures, type SimulatedFigures } from "./size.ts";
export { MAX_PLAN_PREFETCH, PREFETCH_LADDER, prefetchLadder, searchLadder, sizePrefetch, type LadderSearch, type PrefetchCheck, type PrefetchOptions, type PrefetchSizing } from "./prefetch.ts";
export { DEFAULT_DROP_TERM, MAX_PLAN_CAPACITY, sizeCapacity, withDropBound, type CapacityOptions, type CapacitySizing } from "./capacity.ts";
export { analyticCapacity, analyticCapacityAt, simulatedCapacity, type AnalyticCapacity, type CapacityAnalytic, type CapacityCheck, type SimulatedCapacity } from "./capacitySearch.ts";
export { SIZE_ITEMS, parseSizeItems, sizeItemsOf, type SizeItem } from "./sizeItems.ts";
export { analyticMaxFactor, headroom, type Headroom } from "./headroom.ts";
export { DRAIN_EVENT_BUDGET, MAX_DRAIN_BACKLOG, drainPlan, type DrainCheck, type DrainPlan } from "./drain.ts";
export { simulateDrain } from "./drainModel.ts";
export { DEFAULT_GROWTH, HOURS_PER_MONTH, planScenario, type GrowthRow, type PlanOptions, type PlanResult, type QueuePlan } from "./plan.ts";
export { formatPlan } from "./planText.ts";
export { queueIndexOf, scaleArrival, scaleDistribution, scaleLoad, withCapacity, withConsumers, withPrefetch } from "./edit.ts";
export { MAX_SWEEP_VALUES, parseSweepValues, type SweepValue } from "./sweep/values.ts";
export { applySweepValue, resolvePath, type ResolvedPath } from "./sweep/path.ts";
export { MAX_SWEEP_POINTS, runSweep, sweepScenarios, type SweepFigure, type SweepOptions, type SweepPoint, type SweepQueue, type SweepResult } from "./sweep/run.ts";
export { csvCell, formatSweep, sweepCsv } from "./sweep/table.ts";
