import { escapeHtml } from "../escape.ts";
import { formatNumber } from "../format.ts";
import type { ReportInput } from "../types.ts";
import { flag } from "./tags.ts";

/** The report's title block: name, date, version, seed, description, and what must be seen first. */
export function headerHtml({ scenario, result, meta }: ReportInput): string {
  const parts = [
    `<header>`,
    `<h1>${escapeHtml(scenario.name)}</h1>`,
    `<p class="meta"><span>Kendall report</span><span>${escapeHtml(meta.date)}</span><span>Kendall ${escapeHtml(meta.version)}</span><span>seed ${escapeHtml(String(scenario.seed))}</span></p>`,
    scenario.description ? `<p class="description">${escapeHtml(scenario.description)}</p>` : "",
    `</header>`,
  ];
  for (const u of result.unstable) {
    parts.push(
      flag(
        "unstable",
        "Unstable:",
        `queue ${escapeHtml(u.queue)} is offered ρ = ${formatNumber(u.rho)} per consumer; its backlog grows by ${formatNumber(u.growthPerS)} msg/s without bound. Its means describe this run only, not a steady state: add consumers or shed load.`,
      ),
    );
  }
  if (result.stopped) parts.push(flag("warning", "Stopped early:", ` ${escapeHtml(result.stopped.reason)} reached in replication ${result.stopped.replication ?? 0}; the figures describe the part that ran.`));
  if (result.warmup.detected === false) parts.push(flag("warning", "Short run:", " the warm-up detector found no clear end of the transient; a longer run would give firmer figures."));
  return parts.join("");
}
