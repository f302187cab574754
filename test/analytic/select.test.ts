import { describe, expect, it } from "vitest";
import { analyzeStation, erlangB, md1, mmc, type StationInput } from "../../src/analytic/index.ts";
import { expectClose } from "./helpers.ts";

const base: StationInput = { lambda: 50, arrivalScv: 1, meanService: 0.03, serviceScv: 1, servers: 2, capacity: null };

function modelOf(change: Partial<StationInput>): string | null {
  return analyzeStation({ ...base, ...change })?.model ?? null;
}

describe("analyzeStation", () => {
  it("picks the exact model from the numbers", () => {
    expect(modelOf({})).toBe("M/M/2");
    expect(modelOf({ servers: 1, meanService: 0.01 })).toBe("M/M/1");
    expect(modelOf({ servers: 1, meanService: 0.01, serviceScv: 0 })).toBe("M/D/1");
    expect(modelOf({ servers: 1, meanService: 0.01, serviceScv: 0.25, serviceKind: "erlang" })).toBe("M/E4/1");
    expect(modelOf({ servers: 1, meanService: 0.01, serviceScv: 2.25 })).toBe("M/G/1");
    expect(modelOf({ capacity: 5 })).toBe("M/M/2/7");
    expect(modelOf({ capacity: 0 })).toBe("M/M/2/2 (Erlang B)");
    expect(modelOf({ patienceRate: 2 })).toBe("M/M/2+M (Erlang A)");
    expect(modelOf({ servers: "unlimited" })).toBe("M/M/inf");
    expect(modelOf({ servers: 1, meanService: 0.01, batch: { meanSize: 3, scvSize: 0.5 } })).toBe("M^X/M/1");
  });

  it("labels the approximations", () => {
    const gg = analyzeStation({ ...base, servers: 4, arrivalScv: 2, serviceScv: 0.5 });
    expect(gg?.model).toBe("G/G/4 (Allen-Cunneen)");
    expect(gg?.exact).toBe(false);
    expect(modelOf({ servers: 1, meanService: 0.01, arrivalScv: 0.5 })).toBe("G/M/1 (Kingman)");
    expect(modelOf({ servers: 3, serviceScv: 0 })).toBe("M/D/3 (Allen-Cunneen)");
  });

  it("returns null where no formula applies", () => {
    expect(modelOf({ arrivalScv: 2, capacity: 10 })).toBeNull();
    expect(modelOf({ patienceRate: 1, capacity: 10 })).toBeNull();
    expect(modelOf({ patienceRate: 1, serviceScv: 0 })).toBeNull();
    expect(modelOf({ batch: { meanSize: 2, scvSize: 0 } })).toBeNull();
    expect(modelOf({ capacity: 3, serviceScv: 0 })).toBeNull();
    const classes = [{ name: "a", priority: 2, share: 0.5, meanService: 0.01 }, { name: "b", priority: 1, share: 0.5 }];
    expect(modelOf({ classes })).toBeNull();
    expect(modelOf({ classes: classes.map((k) => ({ ...k, meanService: 0.03 })), preemptive: true })).toBeNull();
  });

  it("gives the same figures as the model functions", () => {
    const r = analyzeStation({ ...base, servers: 1, meanService: 0.015, serviceScv: 0 });
    expect(r).toEqual(md1(50, 0.015));
    expect(analyzeStation(base)).toEqual(mmc(50, 1 / 0.03, 2));
  });

  it("uses the insensitive Erlang B for a loss system with any service law", () => {
    const r = analyzeStation({ ...base, servers: 3, serviceScv: 0, capacity: 0 });
    expect(r?.model).toBe("M/D/3/3 (Erlang B)");
    expectClose(r?.pBlock, erlangB(3, 1.5), 1e-12);
    expect(r?.sojourn?.p99).toBe(0.03);
    expect(analyzeStation({ ...base, serviceScv: 3, capacity: 0 })?.sojourn).toBeUndefined();
  });

  it("reads RabbitMQ's x-max-length as ready messages: K = capacity + consumers", () => {
    const r = analyzeStation({ ...base, capacity: 10, servers: 3 });
    expect(r?.model).toBe("M/M/3/13");
  });

  it("splits arrivals between priority classes by share", () => {
    const r = analyzeStation({
      ...base,
      servers: 1,
      meanService: 1 / 12,
      lambda: 10,
      classes: [{ name: "high", priority: 9, share: 0.1 }, { name: "low", priority: 1, share: 0.9 }],
    });
    expect(r?.model).toBe("M/G/1 priority (Cobham)");
    expect(r?.classes?.high?.W).toBeCloseTo(0.15909, 5);
    const mmcPriority = analyzeStation({ ...base, servers: 3, classes: [{ name: "x", priority: 1, share: 0.4 }, { name: "y", priority: 0, share: 0.6 }] });
    expect(mmcPriority?.model).toBe("M/M/3 priority (non-preemptive)");
  });

  it("throws a RangeError naming the field and value", () => {
    expect(() => analyzeStation({ ...base, servers: 2.5 })).toThrow("invalid servers: 2.5 (must be a positive integer)");
    expect(() => analyzeStation({ ...base, lambda: -1 })).toThrow("invalid lambda: -1 (must be a finite number >= 0)");
    expect(() => analyzeStation({ ...base, meanService: Number.NaN })).toThrow("invalid meanService: NaN");
    expect(() => analyzeStation({ ...base, capacity: -3 })).toThrow("invalid capacity: -3");
    expect(() => analyzeStation({ ...base, serviceKind: "exponential", serviceScv: 0.5 })).toThrow("invalid serviceScv: 0.5 (must be 1 for exponential service)");
    expect(() => analyzeStation({ ...base, classes: [{ name: "a", priority: 1, share: 0.7 }] })).toThrow("invalid classes: shares sum to 0.7 (must be 1)");
  });
});
