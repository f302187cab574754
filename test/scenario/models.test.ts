import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue, parseScenarioText, serializeScenario } from "../../src/scenario/index.ts";
import { okResult } from "./helpers.ts";

const modelsDir = join(import.meta.dirname, "../../models");
const files = readdirSync(modelsDir).filter((f) => f.endsWith(".json"));
const load = (file: string) => parseScenarioText(readFileSync(join(modelsDir, file), "utf8"), file);

describe("example scenarios in models/", () => {
  it("includes the examples the app and the docs name", () => {
    const expected = [
      "mm1.json", "mmc.json", "mm1k.json", "md1.json", "lognormal-heavy-tail.json", "orders.json", "erlang-a-ttl.json",
      "priority.json", "pipeline.json", "jackson-feedback.json", "retry-delay.json", "dead-letter.json",
      "bursty-mmpp.json", "daily-profile.json", "batch.json", "unstable.json",
    ];
    expect(files).toEqual(expect.arrayContaining(expected));
  });

  it.each(files)("%s parses without errors or warnings, with a name, a description and a seed", (file) => {
    const result = load(file);
    if (!result.ok) expect.fail(result.errors.map(formatIssue).join("\n"));
    expect(result.warnings).toEqual([]);
    const raw = JSON.parse(readFileSync(join(modelsDir, file), "utf8")) as Record<string, unknown>;
    expect(typeof raw.name).toBe("string");
    expect(raw.description).toMatch(/^[A-Z].*\.$/);
    expect(typeof raw.seed).toBe("number");
  });

  it.each(files)("%s keeps its run small enough for about a second of simulation", (file) => {
    const { run } = okResult(load(file)).scenario;
    expect(run.replications).toBeLessThanOrEqual(5);
    if (run.messages !== undefined) expect(run.messages).toBeLessThanOrEqual(100_000);
  });

  it.each(files)("%s survives saving and reading back", (file) => {
    const { scenario } = okResult(load(file));
    expect(okResult(parseScenarioText(serializeScenario(scenario))).scenario).toStrictEqual(scenario);
  });

  it("keeps the app's default scenario, orders.json, as documented", () => {
    const { scenario } = okResult(load("orders.json"));
    expect(scenario.queues).toHaveLength(1);
    expect(scenario.queues[0]).toMatchObject({
      id: "orders",
      arrival: { process: "poisson", rate: 50 },
      service: { dist: "exponential", mean: 0.03 },
      consumers: 2,
      prefetch: 1,
      capacity: 1000,
    });
  });

  // Offered load of the single-queue Poisson examples, rho = lambda * E[S] / c.
  it.each([
    ["mm1.json", 0.8],
    ["mmc.json", 0.8],
    ["md1.json", 0.8],
    ["lognormal-heavy-tail.json", 0.7],
    ["orders.json", 0.75],
    ["unstable.json", 1.2],
  ])("%s has rho = %s", (file, rho) => {
    const q = okResult(load(file)).scenario.queues[0]!;
    const lambda = q.arrival?.process === "poisson" ? q.arrival.rate : NaN;
    const meanService = q.service.dist === "deterministic" ? q.service.value : "mean" in q.service ? (q.service.mean ?? NaN) : NaN;
    expect((lambda * meanService) / (q.consumers as number)).toBeCloseTo(rho, 12);
  });
});
