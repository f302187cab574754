import LZString from "lz-string";
import type { Scenario } from "./types.ts";
import { issueAt } from "./issues.ts";
import { scenarioLimits } from "./limits.ts";
import { decompressUriComponent } from "./lzDecompress.ts";
import { minimalScenario } from "./minimal.ts";
import { parseJson, parseScenario, type ParseResult } from "./parse.ts";

/**
 * The scenario as a URL parameter value: its minimal JSON (defaults left out, so links stay
 * short) compressed with lz-string's `compressToEncodedURIComponent`. Safe in a query string or
 * a fragment without further escaping.
 */
export function encodeScenarioToUrlParam(s: Scenario): string {
  return LZString.compressToEncodedURIComponent(JSON.stringify(minimalScenario(s)));
}

/**
 * Reads a scenario from a URL parameter made by `encodeScenarioToUrlParam`. A damaged, cut
 * short or oversized link (over 2 MB compressed or expanded), or one from a newer Kendall, is
 * refused with a message; never throws.
 */
export function decodeScenarioFromUrlParam(param: string): ParseResult {
  if (typeof param !== "string" || param === "") return refuse("the link holds no scenario");
  if (param.length > scenarioLimits.urlParamChars) return refuse(lzDecompressMessage("too-large"));
  const decompressed = decompressUriComponent(param, scenarioLimits.urlJsonChars);
  if (!decompressed.ok) return refuse(lzDecompressMessage(decompressed.reason));
  const json = parseJson(decompressed.text);
  if (!json.ok) return refuse(lzDecompressMessage("malformed"));
  return parseScenario(json.value);
}

function lzDecompressMessage(reason: "malformed" | "too-large"): string {
  const mb = scenarioLimits.urlJsonChars / 1024 / 1024;
  return reason === "too-large"
    ? `the link's scenario is larger than the ${mb} MB limit`
    : "the link's scenario is damaged or cut short: copy the whole link again";
}

function refuse(message: string): ParseResult {
  return { ok: false, errors: [issueAt([], message)] };
}
