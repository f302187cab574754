import { describe, expect, it } from "vitest";
import { parseScenario, type Scenario } from "../../src/scenario/index.ts";
import { RealtimeBroker } from "../../src/ui/realtime/realtimeBroker.ts";
import { RealtimeController, watchableSpeed } from "../../src/ui/realtime/realtimeController.ts";
import { RateWindow } from "../../src/ui/realtime/liveMetrics.ts";
import { WallClock } from "../../src/ui/realtime/wallClock.ts";
import mm1 from "../../models/mm1.json" with { type: "json" };
import deadLetter from "../../models/dead-letter.json" with { type: "json" };

function scenarioOf(json: unknown): Scenario {
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

/** A broker driven by a fake wall clock, advanced `seconds` of wall time in steps of `stepMs`. */
function drive(scenario: Scenario, speed: number, seconds: number, stepMs = 50) {
  let wall = 0;
  const clock = new WallClock(speed, () => wall);
  const broker = new RealtimeBroker(scenario, scenario.queues[0]!.id, clock);
  clock.start();
  for (let ms = 0; ms < seconds * 1000; ms += stepMs) {
    wall += stepMs;
    broker.tick();
  }
  return { broker, clock };
}

describe("WallClock", () => {
  it("runs at its speed, pauses, and changes speed without a jump", () => {
    let wall = 1000;
    const clock = new WallClock(2, () => wall);
    clock.start();
    wall += 500;
    expect(clock.now()).toBeCloseTo(1, 12);
    clock.pause();
    wall += 1000;
    expect(clock.now()).toBeCloseTo(1, 12);
    clock.start();
    clock.setSpeed(10);
    wall += 100;
    expect(clock.now()).toBeCloseTo(2, 12);
  });
});

describe("RealtimeBroker", () => {
  it("serves an M/M/1 queue at wall-clock speed: throughput near lambda, every message accounted for", () => {
    const { broker, clock } = drive(scenarioOf(mm1), 10, 200);
    const m = broker.metrics();
    expect(clock.now()).toBeCloseTo(2000, 6);
    // 8 msg/s over 2000 s: 16000 arrivals expected, sd ~126; 5 sd either side.
    expect(m.published).toBeGreaterThan(16000 - 5 * 126);
    expect(m.published).toBeLessThan(16000 + 5 * 126);
    expect(m.published).toBe(m.acked + m.expired + m.deadLettered + m.dropped + m.ready + m.unacked);
    expect(m.unacked).toBeLessThanOrEqual(1);
    expect(m.ackRatePerS).toBeGreaterThan(3);
  });

  it("uses the arrival stream of the simulation's first replication: same seed, same arrivals", () => {
    const a = drive(scenarioOf(mm1), 1, 30).broker.metrics();
    const b = drive(scenarioOf(mm1), 1, 30, 7).broker.metrics();
    expect(a.published).toBe(b.published);
  });

  it("nacks, redelivers and dead-letters as the scenario's failures say", () => {
    const { broker } = drive(scenarioOf(deadLetter), 10, 100);
    const m = broker.metrics();
    expect(m.redelivered).toBeGreaterThan(0);
    expect(m.deadLettered).toBeGreaterThan(0);
    expect(m.published).toBe(m.acked + m.expired + m.deadLettered + m.dropped + m.ready + m.unacked);
  });

  it("halts when the backlog passes its limit", () => {
    const s = scenarioOf(mm1);
    const overloaded = { ...s, queues: [{ ...s.queues[0]!, arrival: { process: "poisson" as const, rate: 500 } }] };
    const { broker } = drive(overloaded, 10, 10);
    expect(broker.halted).toMatch(/backlog/);
  });
});

describe("RealtimeController", () => {
  it("exposes live metrics and restarts on a new scenario", () => {
    const frames: (() => void)[] = [];
    const controller = new RealtimeController(1, (f) => frames.push(f), () => {});
    controller.load(scenarioOf(mm1), "jobs");
    controller.start();
    expect(controller.getSnapshot().running).toBe(true);
    frames.shift()!();
    expect(controller.snapshot().queueId).toBe("jobs");
    controller.pause();
    expect(controller.getSnapshot().running).toBe(false);
  });
});

describe("RateWindow", () => {
  it("gives per-second rates over its window", () => {
    const w = new RateWindow(10);
    for (let t = 0; t <= 30; t++) w.add(t, t * 5, t * 4, t * 3);
    expect(w.rates()).toEqual({ publish: 5, deliver: 4, ack: 3 });
  });
});

describe("watchableSpeed", () => {
  it("slows fast queues down to a few arrivals a second, and never speeds past 10x", () => {
    expect(watchableSpeed(50)).toBe(0.05);
    expect(watchableSpeed(8)).toBe(0.5);
    expect(watchableSpeed(0.01)).toBe(10);
    expect(watchableSpeed(0)).toBe(1);
    expect(watchableSpeed(1e6)).toBe(0.01);
  });
});
