import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeScenarioFromUrlParam, parseScenario, parseScenarioText, type ParseResult } from "../../src/scenario/index.ts";
import { rawScenarioArb } from "./arbitraries.ts";
import { leafPaths, replaceAt } from "../support/mutate.ts";

/** Every result is ok, or has issues each with a string path and a non-empty printable message. */
function isWellFormed(result: ParseResult): boolean {
  if (result.ok) return true;
  return result.errors.length > 0 && result.errors.every((e) => typeof e.path === "string" && /^[\x20-\x7e]+$/.test(e.message) && /^[\x20-\x7e]*$/.test(e.path));
}

describe("parsing never throws", () => {
  it("on any JavaScript value", () => {
    fc.assert(fc.property(fc.anything(), (input) => isWellFormed(parseScenario(input))), { numRuns: 3000 });
  });

  it("on any JSON value", () => {
    fc.assert(fc.property(fc.jsonValue(), (input) => isWellFormed(parseScenario(input))), { numRuns: 3000 });
  });

  it("on any object claiming version 1", () => {
    const arb = fc.record({ version: fc.constant(1), name: fc.anything(), run: fc.anything(), queues: fc.oneof(fc.anything(), fc.array(fc.anything())) }, { requiredKeys: ["version"] });
    fc.assert(fc.property(arb, (input) => isWellFormed(parseScenario(input))), { numRuns: 3000 });
  });

  it("on valid scenarios with one leaf replaced by NaN, -1, \"x\", 1e308 or null", () => {
    const mutated = rawScenarioArb.chain((raw) =>
      fc.tuple(fc.constant(raw), fc.constantFrom(...leafPaths(raw)), fc.constantFrom(Number.NaN, -1, "x", 1e308, null, Infinity, -0, undefined, {}, [])),
    );
    fc.assert(
      fc.property(mutated, ([raw, path, replacement]) => {
        const result = parseScenario(replaceAt(raw, path, replacement));
        expect(isWellFormed(result)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("on any text, and on any text inside a valid-looking file", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (text) => isWellFormed(parseScenarioText(text))), { numRuns: 2000 });
    fc.assert(fc.property(fc.json(), (text) => isWellFormed(parseScenarioText(text))), { numRuns: 2000 });
  });

  it("on any URL parameter", () => {
    fc.assert(fc.property(fc.string(), (param) => isWellFormed(decodeScenarioFromUrlParam(param))), { numRuns: 2000 });
  });

  it("on hostile objects: throwing getters, proxies, cycles", () => {
    const getter = { version: 1, get queues(): unknown { throw new Error("boom"); } };
    const proxy = new Proxy({ version: 1 }, { ownKeys: () => { throw new Error("no keys"); }, get: () => { throw new Error("no get"); } });
    const cyclic: Record<string, unknown> = { version: 1 };
    cyclic.queues = [cyclic];
    for (const input of [getter, proxy, cyclic]) expect(isWellFormed(parseScenario(input))).toBe(true);
    expect(parseScenario(getter)).toEqual({ ok: false, errors: [{ path: "", message: "could not read the scenario: boom" }] });
  });
});
