import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatIssue, parseScenario, type Scenario } from "../../src/scenario/index.ts";
import { compileScenario } from "../../src/simulation/compile.ts";
import { FifoNetworkModel, fifoNetworkRuns } from "../../src/simulation/fifoNetwork.ts";
import { planReplications, runScenario, type RunOptions } from "../../src/simulation/run.ts";
import type { RunResult } from "../../src/simulation/result.ts";

/*
 * FifoNetworkModel claims to be NetworkModel, specialised: the same random numbers, the same
 * event order and the same time-integrals, so the same result to the last bit. These tests hold
 * it to that on random scenarios inside its scope (FIFO, prefetch 1, no TTL, failures, classes
 * or fanout) with everything else varied: arrival processes, service laws with ties
 * (deterministic), consumers, capacity, routes with feedback, warm-up by messages, by time and
 * "auto" (the pilot run), runs by duration, replications, batch means, the chart path.
 */

/** The result without its wall-clock figures, which are all that may differ. */
function comparable(r: RunResult): unknown {
  const { runtime, ...rest } = r;
  return JSON.parse(JSON.stringify({ ...rest, events: runtime.events }));
}

function both(s: Scenario, options: RunOptions = {}): [unknown, unknown] {
  return [comparable(runScenario(s, options)), comparable(runScenario(s, { ...options, model: "general" }))];
}

const distArb = fc.oneof(
  fc.double({ min: 0.005, max: 0.05, noNaN: true }).map((mean) => ({ dist: "exponential", mean })),
  fc.double({ min: 0.005, max: 0.05, noNaN: true }).map((rate) => ({ dist: "exponential", rate: 1 / rate })),
  fc.constantFrom({ dist: "deterministic", value: 0.02 }, { dist: "deterministic", value: 0.01 }),
  fc.constant({ dist: "erlang", k: 3, mean: 0.02 }),
  fc.constant({ dist: "lognormal", mean: 0.02, cv: 1.5 }),
);

const arrivalArb = fc.oneof(
  fc.double({ min: 5, max: 150, noNaN: true }).map((rate) => ({ process: "poisson", rate })),
  // Deterministic gaps against deterministic service: same-time events, where order is decided by priority then sequence.
  fc.constantFrom({ process: "renewal", interarrival: { dist: "deterministic", value: 0.02 } }, { process: "renewal", interarrival: { dist: "erlang", k: 2, mean: 0.03 } }),
  fc.record({ process: fc.constant("batch"), rate: fc.double({ min: 2, max: 30, noNaN: true }), size: fc.constant({ dist: "geometric", mean: 2.5 }) }),
  fc.constant({ process: "mmpp", states: [{ rate: 10 }, { rate: 120 }], switch: [[0, 1], [5, 0]] }),
  fc.constant({ process: "trace", times: [0, 0, 0.01, 0.01, 0.02, 0.5, 0.5, 0.51] }),
  fc.constant({ process: "poisson", rate: 0 }),
);

const queueArb = fc.record({
  arrival: fc.option(arrivalArb, { nil: undefined }),
  service: distArb,
  consumers: fc.integer({ min: 1, max: 5 }),
  capacity: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
  // Routes to queue indices (feedback allowed), with probabilities that sum to at most 1.
  routes: fc.array(fc.record({ to: fc.integer({ min: 0, max: 3 }), p: fc.double({ min: 0.05, max: 1, noNaN: true }) }), { maxLength: 2 }),
});

const runArb = fc.oneof(
  fc.record({ messages: fc.integer({ min: 50, max: 600 }), warmup: fc.constantFrom<Scenario["run"]["warmup"]>(0, { messages: 40 }, { duration: 0.5 }, "auto"), replications: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ duration: fc.double({ min: 1, max: 8, noNaN: true }), warmup: fc.constantFrom<Scenario["run"]["warmup"]>(0, { duration: 0.5 }), replications: fc.integer({ min: 1, max: 2 }) }),
);

const scenarioArb = fc.record({ seed: fc.integer({ min: 0, max: 1e6 }), queues: fc.array(queueArb, { minLength: 1, maxLength: 4 }), run: runArb }).map(({ seed, queues, run }) => {
  const ids = queues.map((_, i) => `q${i}`);
  const raw = {
    version: 1, name: "fifo network", seed, run,
    queues: queues.map((q, i) => {
      let left = 1;
      const routes = q.routes
        .filter((r) => r.to < queues.length)
        .map((r) => {
          const probability = Math.min(left, r.p) * 0.9;
          left -= probability;
          return { to: ids[r.to]!, probability };
        });
      return {
        id: ids[i], service: q.service, consumers: q.consumers, prefetch: 1, capacity: q.capacity, overflow: "reject-publish", discipline: "fifo",
        // Every network gets outside arrivals at its first queue.
        ...(q.arrival ? { arrival: q.arrival } : i === 0 ? { arrival: { process: "poisson", rate: 40 } } : {}),
        ...(routes.length > 0 ? { routes } : {}),
      };
    }),
  };
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(`generator made an invalid scenario: ${parsed.errors.map(formatIssue).join("; ")}`);
  return parsed.scenario;
});

describe("FifoNetworkModel gives NetworkModel's results exactly", () => {
  it("on random FIFO networks, every figure to the last bit", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const queues = compileScenario(s);
        expect(fifoNetworkRuns(queues, planReplications(s, queues, {}).plan)).toBe(true);
        const [fast, general] = both(s);
        expect(fast).toEqual(general);
      }),
      { numRuns: 150, seed: 20261128 },
    );
  });

  it("with the charts' detail (queue-length path) and partial results", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        let t = 0;
        const clock = () => (t += 1);
        const partials: unknown[][] = [[], []];
        const [fast, general] = [0, 1].map((k) => comparable(runScenario(s, { detail: true, clock, partialEveryMs: 50, onPartial: (p) => partials[k]!.push(comparable(p)), ...(k === 1 ? { model: "general" as const } : {}) })));
        expect(fast).toEqual(general);
        expect(partials[0]).toEqual(partials[1]);
      }),
      { numRuns: 30, seed: 7 },
    );
  });

  it("on every example in models/ that it runs", () => {
    let ran = 0;
    for (const file of readdirSync("models").filter((f) => f.endsWith(".json"))) {
      const parsed = parseScenario(JSON.parse(readFileSync(`models/${file}`, "utf8")));
      if (!parsed.ok) throw new Error(file);
      const s0 = parsed.scenario;
      const s = { ...s0, run: { ...s0.run, ...(s0.run.duration ? { duration: Math.min(s0.run.duration, 500) } : { messages: 3000 }) } };
      const queues = compileScenario(s);
      if (!fifoNetworkRuns(queues, planReplications(s, queues, {}).plan)) continue;
      ran++;
      const [fast, general] = both(s);
      expect(fast, file).toEqual(general);
    }
    // mm1, mmc, md1, mm1k, pipeline, jackson-feedback, lognormal-heavy-tail, bursty-mmpp, batch, daily-profile.
    expect(ran).toBeGreaterThanOrEqual(8);
  });

  it("the same backlog-limit stop on an unstable queue", () => {
    const parsed = parseScenario({
      version: 1, name: "unstable", seed: 3, run: { messages: 100_000, warmup: 0, replications: 1, backlogLimit: 500 },
      queues: [{ id: "a", arrival: { process: "poisson", rate: 200 }, service: { dist: "exponential", mean: 0.01 }, consumers: 1 }],
    });
    if (!parsed.ok) throw new Error("scenario");
    const [fast, general] = both(parsed.scenario);
    expect(fast).toEqual(general);
    expect((fast as RunResult).stopped).toEqual({ reason: "backlog limit", replication: 0 });
  });

  it("is not used for what it does not model", () => {
    const base = { id: "a", arrival: { process: "poisson", rate: 10 }, service: { dist: "exponential", mean: 0.05 }, consumers: 2 };
    const outside = [
      { ...base, prefetch: 2 },
      { ...base, discipline: "lifo" },
      { ...base, ttl: 1 },
      { ...base, failure: { probability: 0.1, requeue: true } },
      { ...base, consumers: "unlimited" },
      { ...base, consumers: 0, ttl: 1 },
      { ...base, capacity: 3, overflow: "drop-head" },
      { ...base, discipline: "priority", priorities: [{ class: "x", priority: 2, share: 0.5 }, { class: "y", priority: 1, share: 0.5 }] },
    ];
    for (const q of outside) {
      const parsed = parseScenario({ version: 1, name: "x", seed: 1, run: { messages: 100, warmup: 0, replications: 1 }, queues: [q] });
      if (!parsed.ok) throw new Error(JSON.stringify(q));
      const queues = compileScenario(parsed.scenario);
      expect(fifoNetworkRuns(queues, planReplications(parsed.scenario, queues, {}).plan), JSON.stringify(q)).toBe(false);
    }
    const ok = parseScenario({ version: 1, name: "x", seed: 1, run: { messages: 100, warmup: 0, replications: 1 }, queues: [base] });
    if (!ok.ok) throw new Error("scenario");
    const queues = compileScenario(ok.scenario);
    const plan = planReplications(ok.scenario, queues, {}).plan;
    expect(fifoNetworkRuns(queues, plan)).toBe(true);
    // A trace names consumers and broker steps that only the general model keeps.
    expect(fifoNetworkRuns(queues, { ...plan, trace: () => {} })).toBe(false);
    expect(new FifoNetworkModel(queues, plan).queues).toBe(queues);
  });
});
