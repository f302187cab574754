import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applySweepValue, csvCell, formatSweep, parseSweepValues, resolvePath, runSweep, sweepCsv, sweepScenarios } from "../../src/planner/index.ts";
import { parseScenario, type Scenario } from "../../src/scenario/index.ts";
import { singleQueue } from "../support/scenarios.ts";

function model(name: string): Scenario {
  const r = parseScenario(JSON.parse(readFileSync(`models/${name}.json`, "utf8")));
  if (!r.ok) throw new Error(`models/${name}.json does not parse`);
  return r.scenario;
}

describe("parseSweepValues", () => {
  it("reads lists and inclusive ranges", () => {
    expect(parseSweepValues("1,2,4")).toEqual([1, 2, 4]);
    expect(parseSweepValues("10:100:10")).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(parseSweepValues("0.1:0.3:0.1")).toEqual([0.1, 0.2, 0.3]);
    expect(parseSweepValues("5:1:-2")).toEqual([5, 3, 1]);
    expect(parseSweepValues(" fifo, lifo ,null,true,\"unlimited\"")).toEqual(["fifo", "lifo", null, true, "unlimited"]);
  });

  it.each([
    ["", "no values; give a list like 1,2,4 or a range like 10:100:10"],
    ["1,,2", "value 2 is empty"],
    ["1:10:0", "the step must not be 0"],
    ["10:1:1", "a step of 1 never gets from 10 to 1; use a negative step to count down"],
    ["1:10", "expected a range START:STOP:STEP of numbers, e.g. 10:100:10"],
    ["a:b:c", "expected a range START:STOP:STEP of numbers"],
    ["1:100000:1", "100000 values (at most 1000)"],
  ])("refuses %j", (list, reason) => {
    expect(() => parseSweepValues(list)).toThrow(`invalid values ${JSON.stringify(list)}: ${reason}`);
  });
});

describe("resolvePath and applySweepValue", () => {
  const orders = model("orders");

  it("resolves queue ids, indices and quoted keys", () => {
    expect(resolvePath(orders, "queues.orders.consumers").segments).toEqual(["queues", 0, "consumers"]);
    expect(resolvePath(orders, "queues[0].arrival.rate").segments).toEqual(["queues", 0, "arrival", "rate"]);
    expect(resolvePath(orders, 'queues["orders"].service.cv').segments).toEqual(["queues", 0, "service", "cv"]);
    expect(resolvePath(orders, "run.messages").segments).toEqual(["run", "messages"]);
    const dotted = { ...orders, queues: [{ ...orders.queues[0]!, id: "eu.orders" }] };
    expect(resolvePath(dotted, "queues.eu.orders.prefetch").segments).toEqual(["queues", 0, "prefetch"]);
  });

  it.each([
    ["queues.nosuch.consumers", 'no queue with id "nosuch" (queues: "orders")'],
    ["queues[3].consumers", "queues[3] does not exist: queues has 1 entries"],
    ["queues[0].arival.rate", 'queues[0] has no "arival"'],
    ["queues[0].consumers.x", "queues[0].consumers is 2, not an object with fields"],
    ["", "expected a field name at the start, e.g. queues.orders.consumers"],
    ["queues[0]..rate", 'unexpected "..rate" at 10; expected .field, [index] or ["key"]'],
  ])("refuses the path %j", (path, reason) => {
    expect(() => resolvePath(orders, path)).toThrow(`invalid path ${JSON.stringify(path)}: ${reason}`);
  });

  it("names the path and the value the schema refuses", () => {
    const at = resolvePath(orders, "queues.orders.consumers");
    expect(() => applySweepValue(orders, at, 0.5)).toThrow(/^queues\.orders\.consumers = 0\.5: queues\[0\]\.consumers: expected an integer/);
    expect(() => applySweepValue(orders, resolvePath(orders, "queues[0].arrival.rate"), -1)).toThrow(/^queues\[0\]\.arrival\.rate = -1: queues\[0\]\.arrival\.rate: /);
    expect(() => applySweepValue(orders, resolvePath(orders, "queues[0].arival"), 1)).toThrow(/^queues\[0\]\.arival = 1: /);
  });

  it("sets a cv on an exponential service by moving to gamma with the same mean", () => {
    const r = applySweepValue(orders, resolvePath(orders, "queues[0].service.cv"), 2);
    expect(r.scenario.queues[0]!.service).toEqual({ dist: "gamma", mean: 0.03, cv: 2 });
    expect(r.note).toBe("exponential became gamma with the same mean to take cv 2");
    expect(applySweepValue(orders, resolvePath(orders, "queues[0].service.cv"), 0).scenario.queues[0]!.service).toEqual({ dist: "deterministic", value: 0.03 });
    expect(orders.queues[0]!.service).toEqual({ dist: "exponential", mean: 0.03 });
  });

  it("checks every point before simulating any", () => {
    expect(() => sweepScenarios(orders, [{ path: "queues.orders.consumers", values: [1, 2, 0.5] }])).toThrow(/= 0\.5/);
    expect(() => sweepScenarios(orders, [{ path: "queues.orders.consumers", values: Array.from({ length: 30 }, (_, i) => i + 1) }, { path: "queues.orders.prefetch", values: Array.from({ length: 20 }, (_, i) => i + 1) }])).toThrow("the sweep has 600 points (at most 400)");
  });
});

describe("runSweep", () => {
  const quick = { messages: 5000, replications: 3 };

  it("gives a wait that falls as consumers are added, with the same seed at every point", () => {
    const r = runSweep(model("mmc"), [{ path: "queues.jobs.consumers", values: parseSweepValues("4:8:1") }], quick);
    expect(r.seed).toBe(1);
    expect(r.points.map((p) => p.values)).toEqual([[4], [5], [6], [7], [8]]);
    const wq = r.points.map((p) => p.queues.jobs!.Wq!.mean);
    const p99 = r.points.map((p) => p.queues.jobs!.waitP99!.mean);
    for (let i = 1; i < wq.length; i++) {
      expect(wq[i]!).toBeLessThan(wq[i - 1]!);
      expect(p99[i]!).toBeLessThanOrEqual(p99[i - 1]!);
    }
    const first = r.points[0]!.queues.jobs!;
    expect(first.analytic).toMatchObject({ model: "M/M/4", exact: true });
    expect(first.W!.ci95).toBeGreaterThan(0);
    expect(first.waitP99!.ci95).toBeGreaterThan(0);
  });

  it("reports an unstable point as unstable, not as a number", () => {
    const r = runSweep(model("mmc"), [{ path: "queues[0].consumers", values: [3, 4] }], quick);
    const unstable = r.points[0]!.queues.jobs!;
    expect(unstable).toMatchObject({ unstable: true, W: null, Wq: null, waitP99: null });
    expect(unstable.analytic).toMatchObject({ unstable: true, W: null });
    expect(r.points[1]!.queues.jobs!.unstable).toBe(false);
    const text = formatSweep(r);
    expect(text).toMatch(/^3 +jobs +unstable +unstable +unstable /m);
    expect(text).toMatch(/^4 +jobs +[\d.]+ ± [\d.]+ ms/m);
  });

  it("sweeps two parameters over their grid", () => {
    const s = singleQueue({ arrival: { process: "poisson", rate: 5 }, service: { dist: "exponential", mean: 0.1 } });
    const r = runSweep(s, [{ path: "queues.q.consumers", values: [1, 2] }, { path: "queues.q.arrival.rate", values: [2, 4, 6] }], quick);
    expect(r.points.map((p) => p.values)).toEqual([[1, 2], [1, 4], [1, 6], [2, 2], [2, 4], [2, 6]]);
    expect(r.params.map((p) => p.path)).toEqual(["queues.q.consumers", "queues.q.arrival.rate"]);
  });

  it("writes RFC 4180 CSV with units in the header and neutralised formulas", () => {
    const s = { ...singleQueue({ arrival: { process: "poisson", rate: 5 }, service: { dist: "exponential", mean: 0.1 } }), queues: [{ ...singleQueue({ service: { dist: "exponential", mean: 0.1 } }).queues[0]!, id: "=cmd|'/c calc'!A1", arrival: { process: "poisson" as const, rate: 5 } }] };
    const r = runSweep(s, [{ path: "queues[0].discipline", values: ["fifo", "lifo"] }], quick);
    const csv = sweepCsv(r);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("queues[0].discipline,queue,unstable,W_s,W_ci95_s,Wq_s,Wq_ci95_s,wait_p99_s,wait_p99_ci95_s,utilization_fraction,utilization_ci95_fraction,pBlock_fraction,pBlock_ci95_fraction,analytic_model,analytic_W_s,analytic_Wq_s,analytic_wait_p99_s,analytic_utilization_fraction,analytic_pBlock_fraction");
    expect(lines[1]).toMatch(/^fifo,'=cmd\|'\/c calc'!A1,false,[\d.e-]+,/);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
    expect(csvCell('say "hi", twice')).toBe('"say ""hi"", twice"');
    expect(csvCell("-1+2")).toBe("'-1+2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-1.5)).toBe("-1.5");
  });
});
