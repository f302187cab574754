/**
 * What the report builders take: the scenario that was run, its result, and the few facts the
 * pure core cannot know itself (the date, Kendall's version). The planner's verdicts and a
 * sweep are optional sections given as plain data, so any caller (the CLI, the page's Export
 * menu) can fill them from its own planner or sweep output.
 */
import type { Scenario } from "../scenario/types.ts";
import type { RunResult } from "../simulation/result.ts";

/** Facts from outside the core, shown in the report's header. */
export interface ReportMeta {
  /** When the report was made, as the caller wants it shown (e.g. `2025-05-01 14:03 UTC`). */
  date: string;
  /** Kendall's version (package.json), e.g. `0.1.0`. */
  version: string;
}

/** A prefetch or capacity answer for one queue (`kendall plan --size`). */
export interface PlanSizeAnswer {
  /** The answer, null when none was found: the largest prefetch, or the smallest capacity, meeting the SLO. */
  value: number | null;
  /** The queue's setting now: prefetch 0 means unlimited, capacity null unbounded. */
  current: number | null;
  /** Whether the SLO is met with `value`. */
  meets: boolean;
  /** What was checked and how. */
  explanation?: string;
}

/** One queue's verdict against the SLO. */
export interface PlanVerdict {
  queue: string;
  /** Consumers the planner recommends (the fewest that meet the SLO); null when no count meets it. */
  consumers: number | null;
  /** Whether the SLO is met with `consumers`. */
  meets: boolean;
  /** Consumers the scenario has now, when the planner says. */
  current?: number | "unlimited";
  /** One sentence on why (the binding term, the figure reached). */
  explanation?: string;
  /** The largest prefetch the recommended consumers allow, when the plan sized it. */
  prefetch?: PlanSizeAnswer;
  /** The smallest capacity (ready messages) meeting the SLO, when the plan sized it. */
  capacity?: PlanSizeAnswer;
}

/** Consumers needed when the load grows by `factor`: a number, or one per queue; null where no count meets the SLO. */
export interface PlanGrowthStep {
  factor: number;
  consumers: number | null | Record<string, number | null>;
}

/** The planner's output as a report section (DESIGN.md `plan --json`, flattened). */
export interface PlanSection {
  /** The SLO expression, e.g. `p99(wait) < 200ms`. */
  slo: string;
  verdicts: PlanVerdict[];
  growth?: PlanGrowthStep[];
  /** The planner's recommendation in one or two sentences. */
  recommendation?: string;
  /** Cost of one consumer per hour, when the planner priced the plan. */
  costPerHour?: number;
}

/** One queue's figures at one sweep point. Times in seconds, utilization a fraction; missing or null: not known (unstable). */
export interface SweepFigures {
  W?: number | null;
  Wq?: number | null;
  p99wait?: number | null;
  utilization?: number | null;
}

/** A sweep (DESIGN.md `kendall sweep`) as a report section. */
export interface SweepSection {
  /** The swept parameter's path, e.g. `queues.orders.consumers`. */
  param: string;
  points: { value: number | string; queues: Record<string, SweepFigures> }[];
}

/** Everything a report is built from. */
export interface ReportInput {
  /** The scenario as it was run (with any command-line overrides applied). */
  scenario: Scenario;
  /** `runScenario` output, with `withAnalytic` applied; `detail` (from `{ detail: true }`) adds the charts. */
  result: RunResult;
  meta: ReportMeta;
  plan?: PlanSection;
  sweep?: SweepSection;
}

/** The report formats, named by their file extension. */
export type ReportFormat = "html" | "md" | "csv" | "json";

/**
 * One file of a report. HTML, Markdown and JSON reports are one file (`part: "main"`); a CSV
 * report is one table per file: `main` (per-queue figures), `series` (queue length over time),
 * and `sweep` and `plan` when those sections are present.
 */
export interface ReportFile {
  part: "main" | "series" | "sweep" | "plan";
  mimeType: string;
  text: string;
}
