import type { PlanResult, SweepResult } from "../../planner/index.ts";
import { buildReport, reportPartName, type ReportFormat, type ReportInput } from "../../report/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import type { RunResult } from "../../simulation/index.ts";
import { version } from "../../../package.json";
import { reportFileName } from "./fileName.ts";
import { planSectionOf, sweepSectionOf } from "./sections.ts";

/** Kendall's version, shown in every report's header. */
export const kendallVersion: string = version;

/** What the page can export: the run shown, and the plan and sweep made for the same scenario. */
export interface ExportSource {
  scenario: Scenario;
  result: RunResult;
  plan: PlanResult | null;
  sweep: SweepResult | null;
}

/** The report input for `source`, dated `date` (ISO 8601). */
export function reportInputOf(source: ExportSource, date: string): ReportInput {
  const input: ReportInput = { scenario: source.scenario, result: source.result, meta: { date, version: kendallVersion } };
  if (source.plan) input.plan = planSectionOf(source.plan);
  if (source.sweep) input.sweep = sweepSectionOf(source.sweep);
  return input;
}

/** Every file of a report in `format`, named after the scenario (CSV: one file per table). */
export function reportFiles(format: ReportFormat, source: ExportSource, date: string): { fileName: string; mimeType: string; text: string }[] {
  const name = reportFileName(source.scenario.name, format);
  return buildReport(format, reportInputOf(source, date)).map((f) => ({ fileName: reportPartName(name, f.part), mimeType: f.mimeType, text: f.text }));
}
