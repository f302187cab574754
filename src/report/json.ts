import { minimalScenario } from "../scenario/minimal.ts";
import { redactCredentials, redactDeep } from "./escape.ts";
import type { ReportInput } from "./types.ts";

/**
 * The JSON report: `{ "scenario": {...}, "result": {...} }` (DESIGN.md, "Other outputs"): the
 * scenario as its file would be saved (defaults omitted; `parseScenario` gives it back) and the
 * `run --json` result (without the chart `detail`), plus `plan` and `sweep` when given and
 * `kendall` with the version and date. Infinity becomes null, as JSON.stringify writes it.
 */
export function buildJsonReport(input: ReportInput): string {
  const { detail: _detail, ...result } = input.result;
  const report = {
    scenario: minimalScenario(redactDeep(input.scenario)),
    result,
    ...(input.plan ? { plan: input.plan } : {}),
    ...(input.sweep ? { sweep: input.sweep } : {}),
    kendall: { version: input.meta.version, date: input.meta.date },
  };
  return redactCredentials(`${JSON.stringify(report, null, 2)}\n`);
}
