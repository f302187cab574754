import { describe, expect, it } from "vitest";
import { buildJsonReport } from "../../src/report/index.ts";
import { parseScenario } from "../../src/scenario/index.ts";
import { hostileScenario, inputOf, networkScenario, plan } from "./fixtures.ts";

describe("the JSON report", () => {
  it("is { scenario, result } with the run --json shape and no chart detail", () => {
    const json = JSON.parse(buildJsonReport(inputOf(networkScenario)));
    expect(Object.keys(json)).toEqual(["scenario", "result", "kendall"]);
    expect(Object.keys(json.result)).toEqual(expect.arrayContaining(["scenario", "seed", "queues", "unstable", "stopped", "runtime"]));
    expect(json.result.detail).toBeUndefined();
    expect(json.result.queues.orders.analytic.model).toBe("M/M/2");
    expect(json.kendall).toEqual({ version: "9.9.9-test", date: "2025-01-02 03:04 UTC" });
  });

  it("carries a scenario that re-imports deep-equal", () => {
    const json = JSON.parse(buildJsonReport(inputOf(networkScenario, { plan })));
    const parsed = parseScenario(json.scenario);
    expect(parsed.ok && parsed.scenario).toEqual(networkScenario);
    expect(json.plan.slo).toBe(plan.slo);
  });

  it("writes Infinity as null, never as a bare word", () => {
    const input = inputOf(networkScenario);
    const orders = input.result.queues.orders!;
    const result = { ...input.result, queues: { ...input.result.queues, orders: { ...orders, analytic: { ...orders.analytic, W: Infinity, unstable: true } } } };
    const text = buildJsonReport({ ...input, result });
    expect(text).not.toMatch(/Infinity|NaN/);
    expect(JSON.parse(text).result.queues.orders.analytic.W).toBeNull();
  });

  it("strips credentials from URL-looking strings", () => {
    expect(buildJsonReport(inputOf(hostileScenario))).not.toContain("s3cret");
  });
});
