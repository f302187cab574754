import { decodeScenarioFromUrlParam, encodeScenarioToUrlParam, formatIssue, parseScenarioText, serializeScenario, type Scenario } from "../../scenario/index.ts";

/** The query parameter that carries the scenario in a shared link. */
export const urlParam = "s";
/** The localStorage key of the last scenario. */
export const storageKey = "kendall.scenario.v1";

export type Restored = { scenario: Scenario; notice: string | null; source: "url" | "storage" | "default" };

/**
 * The scenario the page opens on: the link's (`?s=`), else the one kept from the last visit,
 * else the default. A bad link is refused with a notice and the page opens on the scenario kept
 * from the last visit (or the default when there is none), so a broken link never replaces the
 * user's work; a corrupt stored value is ignored.
 */
export function restoreScenario(search: string, stored: string | null, fallback: Scenario): Restored {
  const param = new URLSearchParams(search).get(urlParam);
  const kept = stored === null ? null : parseScenarioText(stored);
  if (param !== null) {
    const decoded = decodeScenarioFromUrlParam(param);
    if (decoded.ok) return { scenario: decoded.scenario, notice: null, source: "url" };
    const why = decoded.errors.slice(0, 3).map(formatIssue).join("; ");
    if (kept?.ok) return { scenario: kept.scenario, notice: `The link's scenario could not be opened (${why}). Showing your last scenario instead.`, source: "storage" };
    return { scenario: fallback, notice: `The link's scenario could not be opened (${why}). Showing the default scenario instead.`, source: "default" };
  }
  if (kept?.ok) return { scenario: kept.scenario, notice: null, source: "storage" };
  return { scenario: fallback, notice: null, source: "default" };
}

/**
 * The `?workers=N` parameter: the most workers a long run's replications may use (by default
 * one per processor; `?workers=1` runs them one after another on one worker). A value that is
 * not an integer >= 1 is left out, with a notice naming it.
 */
export function workersFromSearch(search: string): { workers?: number; notice: string | null } {
  const raw = new URLSearchParams(search).get("workers");
  if (raw === null) return { notice: null };
  const n = Number(raw);
  if (raw.trim() !== "" && Number.isInteger(n) && n >= 1) return { workers: n, notice: null };
  return { notice: `The link's workers parameter ${JSON.stringify(raw)} is not a whole number of at least 1; long runs use one worker per processor.` };
}

/** `href` with the scenario in its `?s=` parameter, other parameters and the fragment kept. */
export function hrefWithScenario(href: string, scenario: Scenario): string {
  const url = new URL(href);
  url.searchParams.set(urlParam, encodeScenarioToUrlParam(scenario));
  return url.toString();
}

/** What localStorage keeps: the scenario file's text. */
export function storedText(scenario: Scenario): string {
  return serializeScenario(scenario);
}

/** A file name for the exported scenario, from its name. */
export function exportFileName(scenario: Scenario): string {
  const slug = scenario.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  return `${slug || "scenario"}.json`;
}
