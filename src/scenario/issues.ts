import { escapeText, quoteText } from "./preview.ts";

/**
 * One problem found in a scenario: where (`queues[0].service.mean`, or `""` for the whole
 * document) and what (`expected a number > 0, got -2`). Both are safe to print: untrusted
 * names and values inside them are escaped.
 */
export interface ScenarioIssue {
  path: string;
  message: string;
}

/** A path segment as zod and the checks build it: a property name or an array index. */
export type PathSegment = string | number;

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `["queues", 0, "service", "mean"]` -> `queues[0].service.mean`; odd keys as `["a b"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string" && identifier.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${quoteText(String(segment))}]`;
  }
  return out;
}

/** `queues[0].service.mean: expected a number > 0, got -2`; the message alone for the whole document. */
export function formatIssue(issue: ScenarioIssue): string {
  const message = escapeText(issue.message);
  return issue.path === "" ? message : `${escapeText(issue.path)}: ${message}`;
}

/** An issue at `path` (segments) with `message`. */
export function issueAt(path: readonly PropertyKey[], message: string): ScenarioIssue {
  return { path: formatPath(path), message };
}
