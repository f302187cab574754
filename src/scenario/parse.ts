import type { Scenario } from "./types.ts";
import { crossCheckScenario } from "./crossChecks.ts";
import { issueAt, type ScenarioIssue } from "./issues.ts";
import { findJsonSyntaxError, lineAndColumn } from "./jsonSyntax.ts";
import { scenarioLimits } from "./limits.ts";
import { migrateScenario } from "./migrate.ts";
import { escapeText, previewValue, quoteText } from "./preview.ts";
import { scenarioSchema } from "./schema/scenario.ts";
import { issuesFromZod } from "./zodIssues.ts";

/** A validated scenario with every default filled, or the issues that refused it. */
export type ParseResult = { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; errors: ScenarioIssue[] };

/**
 * Validates a scenario object (a parsed JSON file, a decoded link, a UI edit): version
 * migration, the schema with its defaults, then the cross-field rules. Never throws, whatever
 * the input; every issue has a path and a message quoting the refused value.
 */
export function parseScenario(input: unknown): ParseResult {
  try {
    const migrated = migrateScenario(input);
    if (!migrated.ok) return migrated;
    const parsed = scenarioSchema.safeParse(migrated.raw, { reportInput: true });
    if (!parsed.success) return refuse(issuesFromZod(parsed.error.issues));
    const scenario: Scenario = dropUndefinedFields(parsed.data);
    const checked = crossCheckScenario(scenario);
    if (checked.errors.length > 0) return refuse(checked.errors, checked.unlisted);
    return { ok: true, scenario, warnings: checked.warnings };
  } catch (error) {
    // Only a hostile object (a throwing getter, a Proxy) gets here; JSON never does.
    return refuse([issueAt([], `could not read the scenario: ${escapeText(describeError(error))}`)]);
  }
}

/**
 * Parses and validates the text of a scenario file. Refuses an empty file, one over 20 MB, and
 * invalid JSON (with the line and column of the first error). `source` (a file name) names the
 * document in those messages. Never throws.
 */
export function parseScenarioText(text: string, source?: string): ParseResult {
  const noun = source === undefined ? "the scenario" : quoteText(source);
  if (typeof text !== "string") return refuse([issueAt([], `expected the text of ${noun}, got ${previewValue(text)}`)]);
  const bytes = utf8ByteLength(text, scenarioLimits.textBytes + 1);
  if (bytes > scenarioLimits.textBytes) {
    return refuse([issueAt([], `${noun} is larger than the ${scenarioLimits.textBytes / 1024 / 1024} MB limit`)]);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") return refuse([issueAt([], `${noun} is empty: expected a JSON object with "version" and "queues"`)]);
  const json = parseJson(body);
  return json.ok ? parseScenario(json.value) : refuse([json.issue]);
}

/** JSON.parse with a message that gives the line and column of the first error. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; issue: ScenarioIssue } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const found = findJsonSyntaxError(text);
    if (found === undefined) return { ok: false, issue: issueAt([], `invalid JSON: ${escapeText(describeError(error))}`) };
    const { line, column } = lineAndColumn(text, found.offset);
    const got = found.offset >= text.length ? "the end of the file" : previewValue(text.slice(found.offset, found.offset + 12));
    return { ok: false, issue: issueAt([], `invalid JSON at line ${line}, column ${column}: expected ${found.expected}, got ${got}`) };
  }
}

/**
 * Removes fields whose value is undefined (zod keeps `{ arrival: undefined }` from a JS object),
 * so an object from code and the same scenario from JSON validate to deep-equal results.
 * Mutates: only ever called on zod's fresh output.
 */
function dropUndefinedFields<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    for (const item of value) if (typeof item === "object") dropUndefinedFields(item);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (record[key] === undefined) delete record[key];
    else dropUndefinedFields(record[key]);
  }
  return value;
}

/** Refuses with at most 50 issues, the last saying how many more there were. */
function refuse(errors: ScenarioIssue[], unlisted = 0): ParseResult {
  if (errors.length <= scenarioLimits.issues && unlisted === 0) return { ok: false, errors };
  const shown = errors.slice(0, scenarioLimits.issues - 1);
  return { ok: false, errors: [...shown, issueAt([], `... and ${errors.length - shown.length + unlisted} more issues`)] };
}

/** UTF-8 length of `text`, counting no further than `stopAt`. */
function utf8ByteLength(text: string, stopAt: number): number {
  if (text.length >= stopAt) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes < stopAt; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is 4 bytes in UTF-8: 2 for each half.
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
  }
  return bytes;
}

function describeError(error: unknown): string {
  try {
    return error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200);
  } catch {
    return "unknown error";
  }
}
