import { describe, expect, it } from "vitest";
import { parseScenario, type Scenario } from "../../src/scenario/index.ts";
import { appReducer, initialState, type AppState } from "../../src/ui/model/appState.ts";
import { distributionMoments } from "../../src/ui/model/serviceShape.ts";
import orders from "../../models/orders.json" with { type: "json" };
import pipeline from "../../models/pipeline.json" with { type: "json" };

function scenarioOf(json: unknown): Scenario {
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

const start = (): AppState => initialState(scenarioOf(orders), "example orders.json");

describe("appReducer", () => {
  it("opens on the first queue with nothing typed", () => {
    const s = start();
    expect(s.queueId).toBe("orders");
    expect(s.drafts).toEqual({});
    expect(s.errors).toEqual({});
  });

  it("applies a typed consumers value and keeps the seed (common random numbers)", () => {
    const s = appReducer(start(), { type: "typed", field: "consumers", text: "3" });
    expect(s.scenario.queues[0]!.consumers).toBe(3);
    expect(s.scenario.seed).toBe(42);
    expect(s.errors.consumers).toBeUndefined();
  });

  it.each(["0", "-2", "abc", "NaN", "", "1.5"])("refuses consumers %j, keeping the last good scenario and the text", (text) => {
    const before = start();
    const s = appReducer(before, { type: "typed", field: "consumers", text });
    expect(s.scenario).toBe(before.scenario);
    expect(s.errors.consumers).toBeTruthy();
    expect(s.drafts.consumers).toBe(text);
  });

  it("clears the error when a good value follows a refused one", () => {
    let s = appReducer(start(), { type: "typed", field: "rate", text: "-5" });
    expect(s.errors.rate).toBeTruthy();
    s = appReducer(s, { type: "typed", field: "rate", text: "60" });
    expect(s.errors.rate).toBeUndefined();
    expect(s.scenario.queues[0]!.arrival).toEqual({ process: "poisson", rate: 60 });
  });

  it("drops an accepted draft on blur, keeps a refused one", () => {
    let s = appReducer(start(), { type: "typed", field: "rate", text: "60.0" });
    expect(s.drafts.rate).toBe("60.0");
    s = appReducer(s, { type: "blur", field: "rate" });
    expect(s.drafts.rate).toBeUndefined();
    s = appReducer(s, { type: "typed", field: "rate", text: "x" });
    s = appReducer(s, { type: "blur", field: "rate" });
    expect(s.drafts.rate).toBe("x");
  });

  it("sets the mean service time in ms, keeping the distribution", () => {
    const s = appReducer(start(), { type: "slid", field: "serviceMeanMs", value: 20 });
    expect(s.scenario.queues[0]!.service).toEqual({ dist: "exponential", mean: 0.02 });
  });

  it("switches the service distribution keeping the mean, then sets its cv", () => {
    let s = appReducer(start(), { type: "edit", edit: { kind: "serviceDist", dist: "lognormal" } });
    expect(s.scenario.queues[0]!.service.dist).toBe("lognormal");
    expect(distributionMoments(s.scenario.queues[0]!.service)!.meanS).toBeCloseTo(0.03, 12);
    s = appReducer(s, { type: "typed", field: "serviceCv", text: "2" });
    expect(distributionMoments(s.scenario.queues[0]!.service)!.cv).toBeCloseTo(2, 9);
  });

  it("refuses a cv the distribution cannot take, with the reason", () => {
    let s = appReducer(start(), { type: "edit", edit: { kind: "serviceDist", dist: "hyperexponential" } });
    const good = s.scenario;
    s = appReducer(s, { type: "typed", field: "serviceCv", text: "0.5" });
    expect(s.scenario).toBe(good);
    expect(s.errors.serviceCv).toMatch(/hyperexponential needs a cv from 1/);
  });

  it("toggles unlimited consumers and an unbounded capacity", () => {
    let s = appReducer(start(), { type: "edit", edit: { kind: "consumersUnlimited", unlimited: true } });
    expect(s.scenario.queues[0]!.consumers).toBe("unlimited");
    s = appReducer(s, { type: "edit", edit: { kind: "capacityUnbounded", unbounded: true } });
    expect(s.scenario.queues[0]!.capacity).toBeNull();
    s = appReducer(s, { type: "slid", field: "capacity", value: 10 });
    expect(s.scenario.queues[0]!.capacity).toBe(10);
  });

  it("edits the run: seed, messages and replications", () => {
    let s = appReducer(start(), { type: "typed", field: "seed", text: "7" });
    s = appReducer(s, { type: "typed", field: "messages", text: "5000" });
    s = appReducer(s, { type: "typed", field: "replications", text: "2" });
    expect(s.scenario.seed).toBe(7);
    expect(s.scenario.run).toMatchObject({ messages: 5000, replications: 2 });
  });

  it("refuses a rate for a queue without outside arrivals", () => {
    let s = initialState(scenarioOf(pipeline), "example pipeline.json");
    const second = s.scenario.queues[1]!.id;
    s = appReducer(s, { type: "selectQueue", queueId: second });
    const after = appReducer(s, { type: "typed", field: "rate", text: "5" });
    expect(after.scenario).toBe(s.scenario);
    expect(after.errors.rate).toMatch(/no outside arrivals/);
  });

  it("selecting a queue clears typed text; an unknown queue is ignored", () => {
    let s = initialState(scenarioOf(pipeline), "x");
    s = appReducer(s, { type: "typed", field: "rate", text: "bad" });
    s = appReducer(s, { type: "selectQueue", queueId: s.scenario.queues[1]!.id });
    expect(s.drafts).toEqual({});
    expect(appReducer(s, { type: "selectQueue", queueId: "nope" })).toBe(s);
  });

  it("loading a scenario resets the controls and counts the load", () => {
    const s0 = appReducer(start(), { type: "typed", field: "rate", text: "bad" });
    const s = appReducer(s0, { type: "load", scenario: scenarioOf(pipeline), origin: "file p.json" });
    expect(s.errors).toEqual({});
    expect(s.queueId).toBe(s.scenario.queues[0]!.id);
    expect(s.generation).toBe(s0.generation + 1);
    expect(s.origin).toBe("file p.json");
  });
});
