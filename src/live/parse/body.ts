import { liveError, type LiveResult } from "../types.ts";

const htmlStart = /^\s*(<!doctype|<html|<\?xml|<head|<body|<)/i;

/** The first characters of `text`, flattened to one line, for error messages. */
export function preview(text: string, max = 60): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}...` : flat);
}

/**
 * Parses a JSON response body. Refuses an empty body, an HTML page (a login page, a proxy's
 * error page) and truncated or invalid JSON with a `malformed` error naming `what`. Never throws.
 */
export function parseJsonBody(text: string, what: string): LiveResult<unknown> {
  if (typeof text !== "string" || text.trim() === "") return liveError("malformed", `${what}: empty response, expected JSON`);
  if (htmlStart.test(text)) return liveError("malformed", `${what}: got an HTML page, expected JSON (${preview(text)})`);
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const truncated = /end of (json )?input|unterminated/i.test((e as Error).message);
    return liveError("malformed", `${what}: ${truncated ? "truncated" : "invalid"} JSON (${preview(text)})`);
  }
}

/** `value` when it is a plain object, else undefined. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A finite number at `obj[key]`, else undefined (null, NaN, strings and Infinity are refused). */
export function finite(obj: Record<string, unknown> | undefined, key: string): number | undefined {
  const v = obj?.[key];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** A finite number >= 0 at `obj[key]` (counts and gauges), else undefined. */
export function count(obj: Record<string, unknown> | undefined, key: string): number | undefined {
  const v = finite(obj, key);
  return v !== undefined && v >= 0 ? v : undefined;
}
