import { describe, expect, it } from "vitest";
import { accepted, errorsOf, rawScenario } from "./helpers.ts";

describe("run and top-level validation", () => {
  it.each([
    [{ run: { messages: 0 } }, "run.messages: expected an integer from 1 to 1000000000, got 0"],
    [{ run: { messages: 2e9 } }, "run.messages: expected an integer from 1 to 1000000000, got 2000000000"],
    [{ run: { duration: -1 } }, "run.duration: expected a number > 0, got -1"],
    [{ run: { messages: 10, duration: 10 } }, 'run: expected one of "messages" or "duration", got both'],
    [{ run: { replications: 0 } }, "run.replications: expected an integer from 1 to 1000, got 0"],
    [{ run: { replications: 1001 } }, "run.replications: expected an integer from 1 to 1000, got 1001"],
    [{ run: { warmup: "none" } }, 'run.warmup: expected "auto", 0, {"messages": n} or {"duration": seconds}, got "none"'],
    [{ run: { warmup: 10 } }, 'run.warmup: expected "auto", 0, {"messages": n} or {"duration": seconds}, got 10'],
    [{ run: { warmup: { messages: -1 } } }, "run.warmup.messages: expected an integer from 0 to 1000000000, got -1"],
    [{ run: { warmup: { duration: -1 } } }, "run.warmup.duration: expected a number >= 0, got -1"],
    [{ run: { precision: 0 } }, "run.precision: expected a number > 0 and < 1 (a relative half-width), got 0"],
    [{ run: { replications: 10, maxReplications: 5 } }, "run.maxReplications: expected an integer >= replications (10), got 5"],
    [{ run: { eventBudget: 0 } }, "run.eventBudget: expected an integer >= 1, got 0"],
    [{ run: 5 }, "run: expected a run (an object), got 5"],
    [{ seed: 1.5 }, "seed: expected an integer seed, got 1.5"],
    [{ seed: "42" }, 'seed: expected an integer seed, got "42"'],
    [{ name: "" }, 'name: expected a name (not empty), got ""'],
    [{ name: "n".repeat(201) }, "name: expected a name of at most 200 characters, got 201 characters"],
    [{ description: 5 }, "description: expected a description (a string), got 5"],
    [{ queues: {} }, "queues: expected queues (an array), got {}"],
  ])("refuses %j", (fields, message) => {
    expect(errorsOf(rawScenario(fields))).toEqual([message]);
  });

  it("accepts every warm-up form", () => {
    for (const warmup of ["auto", 0, { messages: 1000 }, { duration: 30 }]) {
      expect(accepted(rawScenario({ run: { warmup } })).run.warmup).toEqual(warmup);
    }
  });

  it("keeps the optional run fields", () => {
    const run = { messages: 1000, warmup: 0, replications: 3, precision: 0.05, maxReplications: 20, backlogLimit: 10000, eventBudget: 1e7 };
    expect(accepted(rawScenario({ run })).run).toEqual(run);
  });

  it("keeps name, description and seed", () => {
    const s = accepted(rawScenario({ name: "Orders", description: "One queue.", seed: 42 }));
    expect([s.name, s.description, s.seed]).toEqual(["Orders", "One queue.", 42]);
  });
});
