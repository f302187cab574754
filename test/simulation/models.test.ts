import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/index.ts";
import { runScenario } from "../../src/simulation/run.ts";
import { withAnalytic } from "../../src/simulation/withAnalytic.ts";

const files = readdirSync("models").filter((f) => f.endsWith(".json"));

/** Every number of a result, with its path. */
function numbers(value: unknown, path = ""): [string, number][] {
  if (typeof value === "number") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbers(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => numbers(v, `${path}.${k}`));
  return [];
}

describe("every example in models/", () => {
  for (const file of files) {
    for (const replications of [1, 3]) {
      it(`${file} runs with ${replications} replication(s) (${replications === 1 ? "batch means" : "between replications"}) without NaN`, () => {
        const parsed = parseScenario(JSON.parse(readFileSync(`models/${file}`, "utf8")));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const s = parsed.scenario;
        const scenario = { ...s, run: { ...s.run, replications, ...(s.run.duration ? { duration: Math.min(s.run.duration, 2000) } : { messages: 5000 }) } };
        const result = withAnalytic(scenario, runScenario(scenario));
        for (const [path, n] of numbers({ ...result, runtime: null })) expect(Number.isNaN(n), path).toBe(false);
        expect(result.stopped).toBeNull();
      });
    }
  }
});
