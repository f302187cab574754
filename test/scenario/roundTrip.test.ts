import fc from "fast-check";
import LZString from "lz-string";
import { describe, expect, it } from "vitest";
import {
  decodeScenarioFromUrlParam,
  encodeScenarioToUrlParam,
  parseScenario,
  parseScenarioText,
  serializeScenario,
  type Scenario,
} from "../../src/scenario/index.ts";
import { rawScenarioArb } from "./arbitraries.ts";
import { accepted, okResult, rawScenario, withQueue } from "./helpers.ts";

const validScenarioArb = rawScenarioArb.map((raw) => {
  const result = parseScenario(raw);
  if (!result.ok) throw new Error(`generator made an invalid scenario: ${JSON.stringify(result.errors)}`);
  return result.scenario;
});

describe("saving and links", () => {
  it("every generated scenario is valid (the generator is sound)", () => {
    fc.assert(fc.property(rawScenarioArb, (raw) => parseScenario(raw).ok), { numRuns: 300 });
  });

  it("serializeScenario round-trips through parseScenarioText to a deep-equal scenario", () => {
    fc.assert(
      fc.property(validScenarioArb, (s: Scenario) => {
        expect(okResult(parseScenarioText(serializeScenario(s))).scenario).toStrictEqual(s);
      }),
      { numRuns: 300 },
    );
  });

  it("serializing is stable: the same scenario gives the same bytes, twice over", () => {
    fc.assert(
      fc.property(validScenarioArb, (s) => {
        const text = serializeScenario(s);
        expect(serializeScenario(okResult(parseScenarioText(text)).scenario)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it("a link round-trips to a deep-equal scenario", () => {
    fc.assert(
      fc.property(validScenarioArb, (s) => {
        expect(okResult(decodeScenarioFromUrlParam(encodeScenarioToUrlParam(s))).scenario).toStrictEqual(s);
      }),
      { numRuns: 300 },
    );
  });

  it("leaves defaults out of the saved file, in a fixed key order", () => {
    const s = accepted({ ...withQueue({ consumers: 1, prefetch: 1, discipline: "fifo" }), name: "Orders", seed: 1, run: { warmup: "auto" } });
    expect(serializeScenario(s)).toBe(
      [
        "{",
        '  "version": 1,',
        '  "name": "Orders",',
        '  "queues": [',
        "    {",
        '      "id": "orders",',
        '      "arrival": { "process": "poisson", "rate": 5 },',
        '      "service": { "dist": "exponential", "mean": 0.1 }',
        "    }",
        "  ]",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("keeps a non-default discipline and a run by duration", () => {
    const s = accepted({ ...withQueue({ discipline: "lifo" }), run: { duration: 60 } });
    const text = serializeScenario(s);
    expect(text).toContain('"discipline": "lifo"');
    expect(text).toContain('"run": { "duration": 60 }');
  });

  it("keeps links short by leaving defaults out", () => {
    const s = accepted(rawScenario());
    const withDefaults = LZString.compressToEncodedURIComponent(JSON.stringify(s));
    expect(encodeScenarioToUrlParam(s).length).toBeLessThan(withDefaults.length * 0.75);
  });
});
