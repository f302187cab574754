import { describe, expect, it } from "vitest";
import { accepted, errorsOf, withQueue } from "./helpers.ts";

const service = (spec: unknown) => withQueue({ service: spec });

describe("distribution validation", () => {
  it.each([
    [{ dist: "exponential", mean: -2 }, "queues[0].service.mean: expected a number > 0, got -2"],
    [{ dist: "exponential", mean: 0 }, "queues[0].service.mean: expected a number > 0, got 0"],
    [{ dist: "exponential", mean: Number.NaN }, "queues[0].service.mean: expected a number > 0, got NaN"],
    [{ dist: "exponential", mean: Infinity }, "queues[0].service.mean: expected a number > 0, got Infinity"],
    [{ dist: "exponential", mean: "0.1" }, 'queues[0].service.mean: expected a number > 0, got "0.1"'],
    [{ dist: "exponential" }, 'queues[0].service: expected exactly one of "mean" or "rate", got neither'],
    [{ dist: "exponential", mean: 1, rate: 1 }, 'queues[0].service: expected exactly one of "mean" or "rate", got both'],
    [{ dist: "deterministic", value: -1 }, "queues[0].service.value: expected a number >= 0, got -1"],
    [{ dist: "deterministic" }, "queues[0].service.value: expected a number >= 0, but it is missing"],
    [{ dist: "uniform", min: 2, max: 1 }, "queues[0].service.max: expected a number >= min (2), got 1"],
    [{ dist: "uniform", min: -1, max: 1 }, "queues[0].service.min: expected a number >= 0, got -1"],
    [{ dist: "erlang", k: 2.5, mean: 1 }, "queues[0].service.k: expected an integer from 1 to 10000, got 2.5"],
    [{ dist: "erlang", k: 0, mean: 1 }, "queues[0].service.k: expected an integer from 1 to 10000, got 0"],
    [{ dist: "gamma", mean: 1, shape: 2 }, 'queues[0].service: expected either "mean" + "cv", or "shape" + "scale", got "mean" + "shape"'],
    [{ dist: "gamma", mean: 1, cv: 0 }, "queues[0].service.cv: expected a number > 0, got 0"],
    [{ dist: "lognormal", mean: 1 }, 'queues[0].service: expected either "mean" + "cv", or "mu" + "sigma", got "mean"'],
    [{ dist: "lognormal", mean: 1, cv: 1, mu: 0, sigma: 1 }, 'queues[0].service: expected either "mean" + "cv", or "mu" + "sigma", got "mean" + "cv" + "mu" + "sigma"'],
    [{ dist: "lognormal", mean: 1, cv: -0.5 }, "queues[0].service.cv: expected a number >= 0, got -0.5"],
    [{ dist: "lognormal", mu: 0, sigma: 40 }, "queues[0].service.sigma: expected mu + sigma^2/2 < 709 (a finite mean), got 40"],
    [{ dist: "weibull", shape: 0, scale: 1 }, "queues[0].service.shape: expected a number > 0, got 0"],
    [{ dist: "hyperexponential", mean: 1, cv: 0.5 }, "queues[0].service.cv: expected a number >= 1, got 0.5"],
    [{ dist: "pareto", shape: 0, scale: 1 }, "queues[0].service.shape: expected a number > 0, got 0"],
    [{ dist: "pareto", shape: 2, scale: 1, mean: 2 }, 'queues[0].service: expected exactly one of "scale" or "mean", got both'],
    [{ dist: "pareto", shape: 2 }, 'queues[0].service: expected exactly one of "scale" or "mean", got neither'],
    [
      { dist: "pareto", shape: 0.9, mean: 1 },
      'queues[0].service.shape: expected a number > 1 when "mean" is given (a Pareto with shape <= 1 has no finite mean), got 0.9',
    ],
    [{ dist: "empirical", samples: [] }, "queues[0].service.samples: expected at least 1 entry in samples, got []"],
    [{ dist: "empirical", samples: [0.1, -1] }, "queues[0].service.samples[1]: expected a number >= 0, got -1"],
    [{ dist: "empirical", samples: "0.1,0.2" }, 'queues[0].service.samples: expected samples (an array), got "0.1,0.2"'],
  ])("refuses %j", (spec, message) => {
    expect(errorsOf(service(spec))).toEqual([message]);
  });

  it("names the known distributions when dist is unknown, with the closest one", () => {
    expect(errorsOf(service({ dist: "exponentail", mean: 1 }))).toEqual([
      'queues[0].service.dist: expected one of exponential, deterministic, uniform, erlang, gamma, lognormal, weibull, hyperexponential, pareto, empirical, got "exponentail" (did you mean "exponential"?)',
    ]);
  });

  it("refuses a distribution that is not an object", () => {
    expect(errorsOf(service(0.1))).toEqual(['queues[0].service: expected a distribution like {"dist": "exponential", "mean": 1}, got 0.1']);
  });

  it("refuses a parameter of another distribution", () => {
    expect(errorsOf(service({ dist: "exponential", mean: 1, cv: 1 }))).toEqual(['queues[0].service.cv: unknown field "cv" (known: dist, mean, rate)']);
  });

  it("refuses more than 1e6 empirical samples, saying how many were given", () => {
    const samples = new Array<number>(1_000_001).fill(0.1);
    expect(errorsOf(service({ dist: "empirical", samples }))).toEqual([
      "queues[0].service.samples: expected at most 1000000 entries in samples, got 1000001",
    ]);
  });

  it.each([
    { dist: "exponential", rate: 10 },
    { dist: "deterministic", value: 0 },
    { dist: "uniform", min: 0, max: 0 },
    { dist: "erlang", k: 3, mean: 0.2 },
    { dist: "gamma", shape: 0.5, scale: 2 },
    { dist: "lognormal", mu: -3, sigma: 0 },
    { dist: "weibull", shape: 1.5, scale: 0.1 },
    { dist: "hyperexponential", mean: 0.1, cv: 1 },
    { dist: "pareto", shape: 1.5, mean: 0.1 },
    { dist: "pareto", shape: 0.5, scale: 0.01 },
    { dist: "empirical", samples: [0, 0.5, 1e308] },
  ])("accepts %j", (spec) => {
    expect(accepted(service(spec)).queues[0]?.service).toEqual(spec);
  });
});

describe("integer distribution validation (batch sizes)", () => {
  const size = (spec: unknown) => withQueue({ arrival: { process: "batch", rate: 1, size: spec } });

  it.each([
    [{ dist: "geometric", mean: 0.5 }, "queues[0].arrival.size.mean: expected a number from 1 to 1000000, got 0.5"],
    [{ dist: "deterministic", value: 0 }, "queues[0].arrival.size.value: expected an integer from 1 to 1000000, got 0"],
    [{ dist: "deterministic", value: 2.5 }, "queues[0].arrival.size.value: expected an integer from 1 to 1000000, got 2.5"],
    [{ dist: "empirical", samples: [1, 2, 0] }, "queues[0].arrival.size.samples[2]: expected an integer from 1 to 1000000, got 0"],
    [{ dist: "empirical", samples: [] }, "queues[0].arrival.size.samples: expected at least 1 entry in samples, got []"],
    [
      { dist: "exponential", mean: 2 },
      'queues[0].arrival.size.dist: expected one of geometric, deterministic, empirical, got "exponential"',
    ],
  ])("refuses %j", (spec, message) => {
    expect(errorsOf(size(spec))).toEqual([message]);
  });

  it.each([{ dist: "geometric", mean: 1 }, { dist: "deterministic", value: 10 }, { dist: "empirical", samples: [1, 2, 3] }])("accepts %j", (spec) => {
    expect(accepted(size(spec)).queues[0]?.arrival).toEqual({ process: "batch", rate: 1, size: spec });
  });
});
