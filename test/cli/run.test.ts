import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { kendall } from "../support/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "kendall-cli-"));

/** Writes a one-queue scenario with `queue` merged into a valid M/M/1 and returns its path. */
function scenarioFile(name: string, queue: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  const path = join(dir, `${name}.json`);
  const base = { id: "q", arrival: { process: "poisson", rate: 5 }, service: { dist: "exponential", mean: 0.1 } };
  writeFileSync(path, JSON.stringify({ version: 1, name, seed: 1, run: { messages: 2000, replications: 2 }, queues: [{ ...base, ...queue }], ...extra }));
  return path;
}

describe("kendall run", () => {
  it("prints the result shape of DESIGN.md with --json", async () => {
    const r = await kendall("run", "models/mmc.json", "--json", "--messages", "5000", "--replications", "3");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["scenario", "seed", "queues", "unstable", "stopped", "runtime"]));
    const q = Object.values(json.queues)[0] as { simulated: Record<string, unknown> };
    for (const k of ["throughput", "utilization", "L", "Lq", "W", "Wq", "pWait", "pBlock", "pExpire"]) expect(q.simulated[k]).toEqual({ mean: expect.any(Number), ci95: expect.any(Number) });
    expect(Object.keys(q.simulated.wait as object)).toEqual(["p50", "p90", "p95", "p99", "p999"]);
    expect(json.replications).toBe(3);
  });

  it("gives the same JSON for the same seed, and other numbers for another", async () => {
    const strip = (s: string) => ({ ...JSON.parse(s), runtime: null });
    const a = await kendall("run", "models/mm1.json", "--json", "--messages", "3000", "--seed", "5");
    const b = await kendall("run", "models/mm1.json", "--json", "--messages", "3000", "--seed", "5");
    const c = await kendall("run", "models/mm1.json", "--json", "--messages", "3000", "--seed", "6");
    expect(strip(a.out)).toEqual(strip(b.out));
    expect(strip(c.out)).not.toEqual(strip(a.out));
  });

  it("prints a readable table by default", async () => {
    const r = await kendall("run", "models/orders.json", "--messages", "3000");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/queue "orders"/);
    expect(r.out).toMatch(/Wq \(wait\)\s+[\d.]+ ± [\d.]+ ms/);
  });

  it("shows an unstable queue with its growth rate instead of steady means", async () => {
    const r = await kendall("run", scenarioFile("unstable", { arrival: { process: "poisson", rate: 12 } }));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/UNSTABLE: rho = 1\.2 per consumer; the backlog grows by 2 msg\/s/);
    expect(r.out).toMatch(/W \(sojourn\)\s+grows without bound/);
  });

  it("says which limit stopped a run and where it is set", async () => {
    const run = { messages: 200_000, warmup: 0, replications: 1, backlogLimit: 500 };
    const r = await kendall("run", scenarioFile("limit", { arrival: { process: "poisson", rate: 20 } }, { run }));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/stopped early: backlog limit reached in replication 1 \(.*run\.backlogLimit.*\); the figures cover the part that ran/);
    expect(r.out).toMatch(/^1 replication, no warm-up;/m);
  });
});

describe("kendall bad input", () => {
  const cases: [string, () => string[], RegExp][] = [
    ["a missing file", () => ["run", join(dir, "nope.json")], /scenario file not found: ".*nope\.json"/],
    ["invalid JSON", () => { const p = join(dir, "bad.json"); writeFileSync(p, "{ \"version\": 1, "); return ["run", p]; }, /line 1/],
    ["an unknown distribution", () => ["run", scenarioFile("unknown-dist", { service: { dist: "normal", mean: 1 } })], /queues\[0\]\.service.*normal/],
    ["a negative rate", () => ["run", scenarioFile("neg", { arrival: { process: "poisson", rate: -1 } })], /queues\[0\]\.arrival\.rate.*-1/],
    ["a zero service mean", () => ["run", scenarioFile("zero", { service: { dist: "exponential", mean: 0 } })], /queues\[0\]\.service\.mean.*0/],
    ["a NaN rate (as a string)", () => ["run", scenarioFile("nan", { arrival: { process: "poisson", rate: "NaN" } })], /queues\[0\]\.arrival\.rate.*"NaN"/],
    ["an infinite rate (1e400 in the file)", () => { const p = scenarioFile("inf", { arrival: { process: "poisson", rate: 9e307 } }); writeFileSync(p, readFileSync(p, "utf8").replace("9e+307", "1e400")); return ["run", p]; }, /queues\[0\]\.arrival\.rate/],
    ["cv < 1 for hyperexponential", () => ["run", scenarioFile("hyper", { service: { dist: "hyperexponential", mean: 1, cv: 0.5 } })], /queues\[0\]\.service\.cv.*0\.5/],
    ["non-integer consumers", () => ["run", scenarioFile("cons", { consumers: 1.5 })], /queues\[0\]\.consumers.*1\.5/],
    ["an unknown flag", () => ["run", "models/mm1.json", "--fast"], /unknown flag --fast/],
    ["a bad flag value", () => ["run", "models/mm1.json", "--seed", "abc"], /--seed: expected an integer.*"abc"/],
    ["a negative flag value", () => ["run", "models/mm1.json", "--messages", "-5"], /--messages: expected an integer.*"-5"/],
    ["an unknown command", () => ["simulate", "models/mm1.json"], /unknown command "simulate"/],
    ["no file", () => ["run"], /missing scenario FILE/],
  ];
  for (const [what, args, message] of cases) {
    it(`reports ${what} on one line of stderr with exit code 2`, async () => {
      const r = await kendall(...args());
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toMatch(message);
      expect(r.err.trimEnd().split("\n")).toHaveLength(1);
      expect(r.err.length).toBeLessThanOrEqual(301);
      expect(r.err).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    });
  }
});

describe("the kendall binary", () => {
  it("runs through npx-style invocation of bin/kendall.mjs", () => {
    const out = execFileSync(process.execPath, ["bin/kendall.mjs", "analyze", "models/mm1.json", "--json"], { encoding: "utf8" });
    expect(JSON.parse(out).queues).toBeDefined();
  });

  it("exits 2 with one line on stderr for bad input", () => {
    const r = spawnSync(process.execPath, ["bin/kendall.mjs", "run", "models/nope.json"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("kendall run and analyze on a report", () => {
  it("run the scenario embedded in an HTML or JSON report, and refuse an HTML page without one", async () => {
    for (const ext of ["html", "json"]) {
      const report = join(dir, `orders-report.${ext}`);
      expect((await kendall("report", "models/orders.json", "-o", report, "--messages", "2000")).code).toBe(0);
      const again = await kendall("analyze", report, "--json");
      const original = await kendall("analyze", "models/orders.json", "--json");
      expect(again.code).toBe(0);
      expect(JSON.parse(again.out)).toEqual(JSON.parse(original.out));
    }
    const page = join(dir, "page.html");
    writeFileSync(page, "<!doctype html><html><body>hello</body></html>");
    const r = await kendall("run", page);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/HTML page without a Kendall scenario/);
  });
});
