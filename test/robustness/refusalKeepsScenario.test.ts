import LZString from "lz-string";
import { describe, expect, it } from "vitest";
import { decodeScenarioFromUrlParam, encodeScenarioToUrlParam, formatIssue, parseScenarioText, serializeScenario, type Scenario } from "../../src/scenario/index.ts";
import { appReducer, initialState, type AppState } from "../../src/ui/model/appState.ts";
import { restoreScenario } from "../../src/ui/model/persistence.ts";
import { scenarioOf } from "../report/fixtures.ts";
import { bombParam } from "../scenario/lzBomb.ts";

// The page keeps what the user has when an import or a link is refused: the reducer only
// shows a notice (ShareBar dispatches `notice`, never `load`, for a refused file), and the
// scenario that runs stays the last good one. A newer scenario version is one such refusal.

const current: Scenario = scenarioOf({
  version: 1, name: "the user's own", seed: 11,
  queues: [{ id: "orders", arrival: { process: "poisson", rate: 20 }, service: { dist: "exponential", mean: 0.03 }, consumers: 2 }],
});
const fallback: Scenario = scenarioOf({ version: 1, name: "default", queues: [{ id: "q", arrival: { process: "poisson", rate: 1 }, service: { dist: "exponential", mean: 0.5 }, consumers: 1 }] });
const good = JSON.parse(serializeScenario(current)) as Record<string, unknown>;
const raw = (over: Record<string, unknown>) => JSON.stringify({ ...good, ...over });

// file text, what the refusal must name
const imports: [string, string, RegExp][] = [
  ["a newer scenario version", raw({ version: 2 }), /newer version of Kendall \(version 2\)/],
  ["a version far in the future", raw({ version: 9999 }), /newer version/],
  ["a version written as text", raw({ version: "1" }), /^version: expected the format version/],
  ["no version", raw({ version: undefined }), /^version: missing/],
  ["truncated JSON", serializeScenario(current).slice(0, 80), /./],
  ["an HTML page", "<!doctype html><title>404</title>", /./],
  ["an empty file", "", /./],
  ["JSON that is not an object", "[1, 2, 3]", /expected a scenario object/],
  ["a rate of 1e999 (Infinity)", raw({ queues: [{ id: "orders", arrival: { process: "poisson", rate: "RATE" }, service: { dist: "exponential", mean: 0.03 } }] }).replace('"RATE"', "1e999"), /rate/],
  ["a negative service mean", raw({ queues: [{ id: "orders", service: { dist: "exponential", mean: -1 } }] }), /mean/],
  ["a file over 20 MB", raw({ description: "x".repeat(20 * 1024 * 1024) }), /larger than the 20 MB limit/],
  ["a __proto__ key", raw({}).replace("{", '{"__proto__": {"polluted": true},'), /./],
];

function refused(text: string) {
  const parsed = parseScenarioText(text);
  if (parsed.ok) throw new Error(`accepted: ${text.slice(0, 80)}`);
  return parsed.errors.map(formatIssue);
}

/** What the page does with an imported file's text (ShareBar): load it, or only say why not. */
function importFile(state: AppState, text: string): AppState {
  const parsed = parseScenarioText(text);
  return parsed.ok
    ? appReducer(state, { type: "load", scenario: parsed.scenario, origin: "file" })
    : appReducer(state, { type: "notice", notice: { text: `Could not import: ${parsed.errors.slice(0, 5).map(formatIssue).join("; ")}`, tone: "error" } });
}

describe("a refused import keeps the current scenario", () => {
  it.each(imports)("%s: refused with a message, the scenario untouched", (_what, text, message) => {
    const before = appReducer(initialState(current, "example"), { type: "typed", field: "rate", text: "25" });
    const after = importFile(before, text);
    expect(refused(text).join("; ")).toMatch(message);
    expect(after.scenario).toBe(before.scenario);
    expect(after.generation).toBe(before.generation);
    expect(after.notice?.tone).toBe("error");
    expect(after.notice?.text.length).toBeLessThan(2000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a refused field edit keeps the scenario and says why beside the field", () => {
    const s0 = initialState(current, "example");
    for (const text of ["-3", "NaN", "1e999", "abc", ""]) {
      const s1 = appReducer(s0, { type: "typed", field: "rate", text });
      expect(s1.scenario).toBe(s0.scenario);
      expect(s1.errors.rate).toBeTruthy();
    }
  });
});

describe("a refused link never replaces the scenario with its content", () => {
  const valid = encodeScenarioToUrlParam(current);
  const links: [string, string][] = [
    ["cut short", valid.slice(0, Math.floor(valid.length / 2))],
    ["one character changed", valid.slice(0, 10) + (valid[10] === "A" ? "B" : "A") + valid.slice(11)],
    ["not lz-string at all", "hello%20world"],
    ["a decompression bomb", bombParam(200_000)],
    ["a newer scenario version", LZString.compressToEncodedURIComponent(raw({ version: 2 }))],
    ["valid JSON that is not a scenario", LZString.compressToEncodedURIComponent('{"queues": "many"}')],
  ];

  it.each(links)("%s: the stored scenario with a notice, never a throw", (_what, param) => {
    const decoded = decodeScenarioFromUrlParam(param);
    expect(decoded.ok).toBe(false);
    const restored = restoreScenario(`?s=${param}`, serializeScenario(current), fallback);
    expect(restored.notice).toMatch(/could not be opened/);
    // The stored scenario (the user's last) survives a refused link; the default only when nothing is stored.
    expect(restored.scenario.name).toBe(current.name);
    // Once the page is running, a notice leaves the scenario as it was.
    const s = initialState(current, "example");
    expect(appReducer(s, { type: "notice", notice: { text: restored.notice!, tone: "error" } }).scenario).toBe(current);
  });

  it("a good link still opens (the refusals above are not a blanket one)", () => {
    const restored = restoreScenario(`?s=${encodeScenarioToUrlParam(current)}`, null, fallback);
    expect(restored).toMatchObject({ notice: null, source: "url" });
    expect(restored.scenario.name).toBe(current.name);
  });
});
