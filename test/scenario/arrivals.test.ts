import { describe, expect, it } from "vitest";
import { accepted, errorsOf, withQueue } from "./helpers.ts";

const arrival = (spec: unknown) => withQueue({ arrival: spec });

describe("arrival process validation", () => {
  it.each([
    [{ process: "poisson", rate: -1 }, "queues[0].arrival.rate: expected a number >= 0, got -1"],
    [{ process: "poisson", rate: Infinity }, "queues[0].arrival.rate: expected a number >= 0, got Infinity"],
    [{ process: "poisson" }, "queues[0].arrival.rate: expected a number >= 0, but it is missing"],
    [
      { process: "poison", rate: 1 },
      'queues[0].arrival.process: expected one of poisson, renewal, batch, mmpp, profile, trace, got "poison" (did you mean "poisson"?)',
    ],
    [{ process: "renewal", interarrival: { dist: "deterministic", value: 0 } }, 'queues[0].arrival.interarrival: expected a distribution with mean > 0, got {"dist":"deterministic","value":0}'],
    [{ process: "renewal", interarrival: { dist: "erlang", k: 2, mean: -1 } }, "queues[0].arrival.interarrival.mean: expected a number > 0, got -1"],
    [{ process: "batch", rate: -2, size: { dist: "geometric", mean: 2 } }, "queues[0].arrival.rate: expected a number >= 0, got -2"],
    [
      { process: "mmpp", states: [{ rate: 1 }, { rate: 2 }], switch: [[0, 1]] },
      "queues[0].arrival.switch: expected a 2 x 2 matrix (one row and column per state), got 1 rows of 2 entries",
    ],
    [
      { process: "mmpp", states: [{ rate: 1 }, { rate: 2 }], switch: [[0, -1], [1, 0]] },
      "queues[0].arrival.switch[0][1]: expected a switching rate >= 0, got -1",
    ],
    [
      { process: "mmpp", states: [{ rate: 1 }, { rate: 2 }], switch: [[5, 1], [1, 0]] },
      "queues[0].arrival.switch[0][0]: expected 0 or -1 (minus the row's other rates) on the diagonal, got 5",
    ],
    [{ process: "mmpp", states: [{ rate: -1 }], switch: [[0]] }, "queues[0].arrival.states[0].rate: expected a number >= 0, got -1"],
    [
      { process: "profile", steps: [{ from: 5, rate: 1 }] },
      "queues[0].arrival.steps[0].from: expected 0 (the first step starts the profile), got 5",
    ],
    [
      { process: "profile", steps: [{ from: 0, rate: 1 }, { from: 10, rate: 2 }, { from: 10, rate: 3 }] },
      'queues[0].arrival.steps[2].from: expected a number > 10 (steps in ascending order of "from"), got 10',
    ],
    [
      { process: "profile", steps: [{ from: 0, rate: 1 }, { from: 10, rate: 2 }], period: 10 },
      'queues[0].arrival.period: expected a number > 10 (the last step\'s "from"), got 10',
    ],
    [{ process: "profile", steps: [] }, "queues[0].arrival.steps: expected at least 1 entry in steps, got []"],
    [{ process: "trace", times: [0, 2, 1] }, "queues[0].arrival.times[2]: expected a number >= 2 (times in ascending order), got 1"],
    [{ process: "trace" }, 'queues[0].arrival: expected exactly one of "times" or "file", got neither'],
    [{ process: "trace", times: [1], file: "t.csv" }, 'queues[0].arrival: expected exactly one of "times" or "file", got both'],
    [{ process: "trace", file: "" }, 'queues[0].arrival.file: expected a file path (not empty), got ""'],
  ])("refuses %j", (spec, message) => {
    expect(errorsOf(arrival(spec))).toEqual([message]);
  });

  it.each([
    { process: "poisson", rate: 0 },
    { process: "renewal", interarrival: { dist: "uniform", min: 0, max: 0.2 } },
    { process: "batch", rate: 2, size: { dist: "deterministic", value: 5 } },
    { process: "mmpp", states: [{ rate: 1 }, { rate: 20 }], switch: [[0, 0.1], [0.5, 0]] },
    { process: "mmpp", states: [{ rate: 1 }, { rate: 20 }], switch: [[-0.1, 0.1], [0.5, -0.5]] },
    { process: "profile", steps: [{ from: 0, rate: 1 }, { from: 3600, rate: 0 }], period: 7200 },
    { process: "trace", times: [0, 0, 0.5, 3] },
    { process: "trace", file: "arrivals.csv" },
  ])("accepts %j", (spec) => {
    expect(accepted(arrival(spec)).queues[0]?.arrival).toEqual(spec);
  });

  it("refuses an MMPP without states, and its empty switch matrix", () => {
    expect(errorsOf(arrival({ process: "mmpp", states: [], switch: [] }))).toEqual([
      "queues[0].arrival.states: expected at least 1 entry in states, got []",
      "queues[0].arrival.switch: expected at least 1 entry in switch, got []",
    ]);
  });

  it("refuses an MMPP with more than 1000 states", () => {
    const states = Array.from({ length: 1001 }, () => ({ rate: 1 }));
    expect(errorsOf(arrival({ process: "mmpp", states, switch: [[0]] }))[0]).toBe(
      "queues[0].arrival.states: expected at most 1000 entries in states, got 1001",
    );
  });
});
