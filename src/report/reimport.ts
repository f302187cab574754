import { parseScenario, parseScenarioText, scenarioLimits, type ParseResult } from "../scenario/index.ts";

// The element `buildHtmlReport` writes; its JSON has `<` written as `\u003c`, which JSON reads back.
const embeddedScenario = /<script\b[^>]*\bid\s*=\s*["']?kendall-scenario["']?[^>]*>([\s\S]*?)<\/script\s*>/i;
const htmlStart = /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<!--)/i;

function refuse(message: string): ParseResult {
  return { ok: false, errors: [{ path: "", message }] };
}

/**
 * Reads the text of a file a user imports: a scenario file, an HTML report (the scenario in its
 * `#kendall-scenario` element) or a JSON report (`{ "scenario": {...}, "result": {...} }`), so
 * that every report Kendall writes can be opened again. Anything else is refused as
 * `parseScenarioText` refuses it (empty, over 20 MB, invalid JSON with its line and column, an
 * invalid scenario with the path of each issue), and an HTML page without a scenario is refused
 * saying so. `source` (a file name) names the document in those messages. Never throws.
 */
export function parseImportText(text: string, source?: string): ParseResult {
  // Over-size, empty and non-string input: parseScenarioText refuses them without parsing.
  if (typeof text !== "string" || text.length > scenarioLimits.textBytes || text.trim() === "") return parseScenarioText(text, source);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (htmlStart.test(body)) {
    const m = embeddedScenario.exec(body);
    if (!m) return refuse(`${source === undefined ? "the page" : JSON.stringify(source)} is an HTML page without a Kendall scenario (a report has it in the element #kendall-scenario)`);
    return parseScenarioText(m[1]!, source);
  }
  const direct = parseScenarioText(body, source);
  if (direct.ok) return direct;
  const report = jsonReportScenario(body);
  return report === undefined ? direct : prefixed(parseScenario(report), "scenario");
}

/** The `scenario` of a JSON report, or undefined when the text is not one. */
function jsonReportScenario(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const isReport = "scenario" in record && "result" in record && !("queues" in record) && !("version" in record);
  return isReport && typeof record.scenario === "object" && record.scenario !== null ? record.scenario : undefined;
}

/** Issues of the scenario inside a JSON report, their paths from the report's root. */
function prefixed(result: ParseResult, key: string): ParseResult {
  if (result.ok) return result;
  return { ok: false, errors: result.errors.map((e) => ({ ...e, path: e.path === "" ? key : /^\[/.test(e.path) ? `${key}${e.path}` : `${key}.${e.path}` })) };
}
