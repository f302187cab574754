import { describe, expect, it } from "vitest";
import { parseScenario, type Scenario } from "../../src/scenario/index.ts";
import { runScenario, type RunResult } from "../../src/simulation/index.ts";
import mm1 from "../../models/mm1.json" with { type: "json" };

function mm1Run(run: Scenario["run"]): Scenario {
  const parsed = parseScenario({ ...mm1, run });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

/** A clock that moves `stepMs` each time it is read: every progress report looks like wall time passing. */
const steppingClock = (stepMs: number) => {
  let t = 0;
  return () => (t += stepMs);
};

describe("results so far (onPartial)", () => {
  it("sends one after each replication but the last, and leaves the final result as without them", () => {
    const scenario = mm1Run({ messages: 5_000, warmup: "auto", replications: 4 });
    const partials: RunResult[] = [];
    const final = runScenario(scenario, { onPartial: (p) => partials.push(p), detail: true });
    expect(partials.map((p) => p.replications)).toEqual([1, 2, 3]);
    // Between replications nothing running is read: the final result is the one without partials.
    const plain = runScenario(scenario, { detail: true });
    expect({ ...final, runtime: null }).toEqual({ ...plain, runtime: null });
    // Each partial is a result like the final one, its figures from the replications done so far.
    const first = runScenario({ ...scenario, run: { ...scenario.run, replications: 1 } });
    expect(partials[0]!.queues.jobs!.simulated.W.mean).toBe(first.queues.jobs!.simulated.W.mean);
    for (const p of partials) expect(p.detail?.path.times.length).toBeGreaterThan(0);
  });

  it("refines a single long replication while it runs, without moving its figures", () => {
    const scenario = mm1Run({ messages: 400_000, warmup: 0, replications: 1 });
    const partials: RunResult[] = [];
    // Each progress report (every 2^16 events) reads the clock twice or so; 100 ms a read means
    // a partial at about every report after warm-up.
    const final = runScenario(scenario, { clock: steppingClock(100), onPartial: (p) => partials.push(p), partialEveryMs: 150 });
    expect(partials.length).toBeGreaterThanOrEqual(5);
    const served = partials.map((p) => p.queues.jobs!.simulated.counts.acked);
    expect(served).toEqual([...served].sort((a, b) => a - b));
    expect(served.at(-1)!).toBeLessThan(final.queues.jobs!.simulated.counts.acked);
    // Reading the running replication brings its integrals up to date, which may move the last
    // binary digits of the final figures, no more (relative 1e-12).
    const plain = runScenario(scenario);
    for (const m of ["throughput", "utilization", "L", "Lq", "W", "Wq"] as const) {
      expect(final.queues.jobs!.simulated[m].mean).toBeCloseTo(plain.queues.jobs!.simulated[m].mean, 12);
    }
    expect(final.queues.jobs!.simulated.wait).toEqual(plain.queues.jobs!.simulated.wait);
  });

  it("sends none without a clock inside a single replication", () => {
    const partials: RunResult[] = [];
    runScenario(mm1Run({ messages: 200_000, warmup: 0, replications: 1 }), { onPartial: (p) => partials.push(p) });
    expect(partials).toEqual([]);
  });
});
