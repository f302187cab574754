import { serializeScenario } from "../../scenario/serialize.ts";
import type { RunResult } from "../../simulation/result.ts";
import { escapeHtml, jsonForScript, redactCredentials, redactDeep } from "../escape.ts";
import { formatEstimate, formatSeconds } from "../format.ts";
import { analyticFigure } from "../figures.ts";
import { stationInputs } from "../stations.ts";
import type { ReportInput } from "../types.ts";
import { headerHtml } from "./header.ts";
import { planSectionHtml, sweepSectionHtml } from "./planSection.ts";
import { queueSectionHtml, summaryHtml } from "./queueSection.ts";
import { assumptionsSectionHtml, scenarioSectionHtml } from "./scenarioSection.ts";
import { reportCss } from "./styles.ts";

/** No scripts, no requests: the page only shows itself, whatever a scenario's names contain. */
const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function networkHtml(result: RunResult): string {
  const n = result.network;
  if (!n) return "";
  const analyticW = analyticFigure(n.analytic, "W");
  const model = typeof n.analytic?.model === "string" ? ` (${escapeHtml(n.analytic.model)}: ${analyticW === undefined ? "no figure" : escapeHtml(formatSeconds(analyticW))})` : "; no analytic model for the whole network";
  return `<section class="network"><h3>End to end</h3><p>From first publish to final ack: W ${escapeHtml(formatEstimate(n.simulated.W.mean, n.simulated.W.ci95, "seconds"))}, p99 ${escapeHtml(formatSeconds(n.simulated.sojourn.p99))} over ${n.simulated.served} messages${model}.</p></section>`;
}

/**
 * The report as one self-contained HTML page: inline CSS and SVG charts, no scripts, fonts or
 * requests (a Content-Security-Policy forbids them), a print stylesheet, and the scenario
 * embedded as `<script type="application/json" id="kendall-scenario">` (with `<` written as
 * `\u003c`) so the page can be imported again. Every name from the scenario is escaped, and no
 * `user:password@` of a URL survives anywhere in the page.
 */
export function buildHtmlReport(input: ReportInput): string {
  const scenario = redactDeep(input.scenario);
  const safe = { ...input, scenario };
  const { result } = safe;
  const inputs = stationInputs(input.scenario);
  const queues = Object.entries(result.queues).map(([id, q], i) => queueSectionHtml(id, i, q, result, inputs[id] ?? null));
  const body = [
    headerHtml(safe),
    `<section class="glance"><h2>At a glance</h2>${summaryHtml(result, inputs)}</section>`,
    safe.plan ? planSectionHtml(safe.plan) : "",
    scenarioSectionHtml(scenario),
    assumptionsSectionHtml(scenario, result),
    `<section class="results"><h2>Results by queue</h2>${queues.join("")}${networkHtml(result)}</section>`,
    safe.sweep ? sweepSectionHtml(safe.sweep) : "",
    `<footer>Made by Kendall ${escapeHtml(input.meta.version)} on ${escapeHtml(input.meta.date)}. The scenario is embedded in this file (element <code>#kendall-scenario</code>): open the file in Kendall to run it again.</footer>`,
  ];
  const page = [
    `<!DOCTYPE html>`,
    `<html lang="en"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="generator" content="Kendall ${escapeHtml(input.meta.version)}">`,
    `<title>${escapeHtml(scenario.name)} · Kendall report</title>`,
    `<style>${reportCss}</style></head>`,
    `<body>${body.join("\n")}`,
    `<script type="application/json" id="kendall-scenario">${jsonForScript(serializeScenario(scenario))}</script>`,
    `</body></html>`,
    ``,
  ].join("\n");
  return redactCredentials(page);
}
