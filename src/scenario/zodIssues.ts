import type { z } from "zod";
import { issueAt, type ScenarioIssue } from "./issues.ts";
import { previewValue } from "./preview.ts";
import { maxUnknownKeysListed, unknownKeySeparator } from "./schema/fields.ts";

type ZodIssue = z.core.$ZodIssue;

/**
 * Turns zod's issues into scenario issues: a path like `queues[0].service.mean` and a message
 * ending in the value that was refused. Expects issues parsed with `reportInput: true`.
 */
export function issuesFromZod(issues: readonly ZodIssue[], prefix: readonly PropertyKey[] = []): ScenarioIssue[] {
  return issues.flatMap((issue) => fromOne(issue, [...prefix, ...issue.path]));
}

function fromOne(issue: ZodIssue, path: PropertyKey[]): ScenarioIssue[] {
  if (issue.code === "unrecognized_keys") {
    const messages = issue.message.split(unknownKeySeparator);
    const listed = issue.keys.slice(0, maxUnknownKeysListed).map((key, i) => issueAt([...path, key], messages[i] ?? "unknown field"));
    const unlisted = issue.keys.length - listed.length;
    return unlisted > 0 ? [...listed, issueAt(path, `${unlisted} more unknown fields`)] : listed;
  }
  if (issue.code === "invalid_union") {
    const branch = bestBranch(issue.errors);
    if (branch !== undefined) return issuesFromZod(branch, path);
  }
  return [issueAt(path, withValue(issue.message, issue.input))];
}

/**
 * Of a plain union's failed branches, the one that accepted the value's shape and failed on a
 * field inside it (`ttl: {"dist": "exponential", "mean": -1}` is reported at `ttl.mean`), with
 * the fewest issues; undefined when every branch refused the value outright.
 */
function bestBranch(branches: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] | undefined {
  let best: readonly ZodIssue[] | undefined;
  for (const branch of branches) {
    const goesInside = branch.length > 0 && branch.some((issue) => issue.path.length > 0);
    if (goesInside && (best === undefined || branch.length < best.length)) best = branch;
  }
  return best;
}

function withValue(message: string, input: unknown): string {
  if (message.includes(", got ")) return message;
  return input === undefined ? `${message}, but it is missing` : `${message}, got ${previewValue(input)}`;
}
