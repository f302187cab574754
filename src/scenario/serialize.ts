import type { Scenario } from "./types.ts";
import { minimalScenario } from "./minimal.ts";

/**
 * The scenario as the text of a file: pretty JSON (two-space indent, final newline), fields
 * equal to their defaults omitted, keys in a fixed order, so saving twice gives the same bytes
 * and `parseScenarioText` gives back a deep-equal scenario. Short objects such as a
 * distribution stay on one line, as do arrays of plain values (samples, trace times, fanout).
 */
export function serializeScenario(s: Scenario): string {
  return `${prettyJson(minimalScenario(s), "")}\n`;
}

const inlineWidth = 72;

function prettyJson(value: unknown, indent: string): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  if (Array.isArray(value) && value.every(isPlain)) return inline(value);
  if (isSmall(value, 2, { leaves: 12 })) {
    const oneLine = inline(value);
    if (oneLine.length <= inlineWidth) return oneLine;
  }
  const inner = `${indent}  `;
  const lines = Array.isArray(value)
    ? value.map((v) => inner + prettyJson(v, inner))
    : Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${prettyJson(v, inner)}`);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  return lines.length === 0 ? open + close : `${open}\n${lines.join(",\n")}\n${indent}${close}`;
}

function inline(value: unknown): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
  const entries = Object.entries(value);
  return entries.length === 0 ? "{}" : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(", ")} }`;
}

/** At most `maxDepth` levels and a handful of leaves: a candidate for one line. */
function isSmall(value: unknown, maxDepth: number, budget: { leaves: number }): boolean {
  if (typeof value !== "object" || value === null) return --budget.leaves >= 0;
  if (maxDepth === 0) return false;
  for (const child of Object.values(value)) if (!isSmall(child, maxDepth - 1, budget)) return false;
  return true;
}

function isPlain(value: unknown): boolean {
  return typeof value !== "object" || value === null;
}
