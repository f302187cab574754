import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadScenario } from "../../src/cli/loadScenario.ts";
import type { TraceEvent } from "../../src/simulation/model.ts";
import { runScenario } from "../../src/simulation/run.ts";

/*
 * A trace arrival given as a file (CSV or JSON, next to the scenario) is replayed exactly: the
 * publishes of the run happen at the file's timestamps, repeated ones included, and nowhere else.
 */
const dir = mkdtempSync(join(tmpdir(), "kendall-trace-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const times = [0, 0.25, 0.25, 1.5, 1.75, 4];

function scenarioFor(file: string): string {
  const path = join(dir, `${file}.scenario.json`);
  writeFileSync(path, JSON.stringify({
    version: 1, name: "replay", seed: 1, run: { messages: times.length, warmup: 0, replications: 1 },
    queues: [{ id: "q", arrival: { process: "trace", file }, service: { dist: "deterministic", value: 0.5 } }],
  }));
  return path;
}

describe("trace arrivals from a file", () => {
  writeFileSync(join(dir, "arrivals.csv"), `timestamp,source\r\n${times.map((t) => `${t},api`).join("\r\n")}\r\n`);
  writeFileSync(join(dir, "arrivals.json"), JSON.stringify({ times }));

  for (const file of ["arrivals.csv", "arrivals.json"]) {
    it(`${file} replays its timestamps exactly, and the waits follow from them`, () => {
      const scenario = loadScenario(scenarioFor(file), dir);
      const published: number[] = [];
      const r = runScenario(scenario, { trace: (e: TraceEvent) => void (e.event === "publish" && published.push(e.t)) });
      expect(published).toEqual(times);
      const q = r.queues.q!.simulated;
      expect(q.counts).toMatchObject({ published: 6, acked: 6, inFlight: 0 });
      // One consumer, 0.5 s each: starts at 0, 0.5, 1, 1.5, 2, 4; waits 0, 0.25, 0.75, 0, 0.25, 0.
      expect(q.Wq.mean).toBeCloseTo(1.25 / 6, 12);
    });
  }
});
