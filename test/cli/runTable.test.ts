import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kendall } from "../support/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "kendall-table-"));

/** The table of one model, short: the figures are not under test here, their presentation is. */
async function table(model: string): Promise<string> {
  const r = await kendall("run", `models/${model}.json`, "--messages", "3000", "--replications", "2");
  expect(r.code).toBe(0);
  return r.out;
}

/** The block of one queue: from its heading to the blank line after it. */
function block(out: string, id: string): string {
  const start = out.indexOf(`queue ${JSON.stringify(id)} (`);
  expect(start).toBeGreaterThanOrEqual(0);
  return out.slice(start, out.indexOf("\n\n", start));
}

describe("kendall run's table: counts", () => {
  it("gives every count of --json on one line, and consumer capacity with its interval", async () => {
    const q = block(await table("orders"), "orders");
    expect(q).toMatch(/^ {2}counts: published \d+, delivered \d+, acked \d+, nacked 0, redelivered 0, expired 0, dead-lettered 0, dropped \d+, in flight \d+$/m);
    expect(q).toMatch(/^ {2}consumer capacity\s+[\d.]+ ± [\d.]+%\s+35\.7%$/m); // M/M/2 at rho 0.75: 1 - Erlang C = 5/14
  });

  it("adds a line of dead letters by reason only where something was dead-lettered", async () => {
    expect(await table("orders")).not.toMatch(/dead-lettered by reason/);
    const out = await table("dead-letter");
    expect(block(out, "payments")).toMatch(/^ {2}dead-lettered by reason: delivery_limit \d+$/m);
    expect(block(out, "payments-dlq")).not.toMatch(/dead-lettered by reason/);
  });

  it("counts expiries dead-lettered to a target among the reasons, saying they are counted as expired", async () => {
    const out = await table("retry-delay");
    expect(block(out, "work")).toMatch(/^ {2}dead-lettered by reason: rejected \d+(, delivery_limit \d+)?$/m);
    expect(block(out, "retry-delay")).toMatch(/^ {2}dead-lettered by reason: expired \d+ \(counted as expired\)$/m);
  });
});

describe("kendall run's table: a queue where nothing is served", () => {
  it("says no message was served instead of a wait of 0 (the delay queue of the retry example)", async () => {
    const q = block(await table("retry-delay"), "retry-delay");
    for (const row of ["W \\(sojourn\\)", "Wq \\(wait\\)", "P\\(wait > 0\\)", "p50 wait", "p95 wait", "p99 wait", "p99\\.9 wait"]) {
      expect(q).toMatch(new RegExp(`^ {2}${row}\\s+no message served$`, "m"));
    }
    expect(q).not.toMatch(/ 0 m?s\b/);
    // Time averages are still measured: messages wait there for their TTL.
    expect(q).toMatch(/^ {2}L \(in queue\)\s+[1-9][\d.]* ± /m);
  });
});

describe("kendall run's table: priority classes", () => {
  it("adds a block per class with W, Wq and wait percentiles, Cobham's W and Wq beside them", async () => {
    const q = block(await table("priority"), "tasks");
    expect(q).toMatch(/^ {2}class\s+W \(95% CI\)\s+analytic\s+Wq \(95% CI\)\s+analytic\s+p50 wait\s+p95 wait\s+p99 wait\s+p99\.9 wait$/m);
    // Cobham (M/G/1 non-preemptive), lambda 8/s, exponential 0.1 s, shares 0.2 / 0.8: W0 = lambda E[S^2] / 2
    // = 0.08 s; W_high = 0.1 + 0.08 / (1 - 0.16) = 195 ms, W_low = 0.1 + 0.08 / ((1 - 0.16)(1 - 0.8)) = 576 ms.
    expect(q).toMatch(/^ {2}"high"\s+[\d.]+ ± [\d.]+ m?s\s+195 ms\s+[\d.]+ ± [\d.]+ m?s\s+95\.2 ms(\s+[\d.]+ m?s){4}$/m);
    expect(q).toMatch(/^ {2}"low"\s+[\d.]+ ± [\d.]+ m?s\s+576 ms\s+/m);
  });

  it("shows class names escaped, and finds the model's figures for a name with a dot", async () => {
    const path = join(dir, "classes.json");
    const priorities = [{ class: "v1.high", priority: 9, share: 0.2 }, { class: 'low "bulk"', priority: 1, share: 0.8 }];
    const queue = { id: "q", arrival: { process: "poisson", rate: 8 }, service: { dist: "exponential", mean: 0.1 }, priorities };
    writeFileSync(path, JSON.stringify({ version: 1, seed: 1, run: { messages: 3000, replications: 2 }, queues: [queue] }));
    const r = await kendall("run", path);
    expect(r.code).toBe(0);
    // The same Cobham figures as models/priority.json, which has the same rates and shares.
    expect(r.out).toMatch(/^ {2}"v1\.high"\s+[\d.]+ ± [\d.]+ m?s\s+195 ms\s+/m);
    expect(r.out).toMatch(/^ {2}"low \\"bulk\\""\s+[\d.]+ ± [\d.]+ m?s\s+576 ms\s+/m);
  });

  it("has no class block for a queue without classes", async () => {
    expect(block(await table("orders"), "orders")).not.toMatch(/^ {2}class\b/m);
  });
});

describe("kendall run's table: end to end", () => {
  it("prints the analytic network W beside the simulated one", async () => {
    // Jackson tandem at 10/s (models/pipeline.json): M/M/1 1/(20 - 10) = 0.1 s, M/M/1 1/(12.5 - 10) = 0.4 s,
    // M/M/2 at rho 0.75: 0.15 + ErlangC 0.6429 / (13.33 - 10) = 0.343 s; W = 0.843 s.
    expect(await table("pipeline")).toMatch(/^end to end: W [\d.]+ ± [\d.]+ m?s \(analytic 843 ms, Jackson, exact\), p99 [\d.]+ m?s$/m);
  });

  it("says when no network model applies", async () => {
    expect(await table("retry-delay")).toMatch(/^end to end: W .+ \(no analytic network model: not an open Jackson network\), p99 /m);
  });
});

describe("kendall run with a missing trace file", () => {
  it("names the field and the file as written, on one line of stderr, exit 2", async () => {
    const path = join(dir, "trace.json");
    writeFileSync(path, JSON.stringify({ version: 1, queues: [{ id: "q", arrival: { process: "trace", file: "nope.csv" }, service: { dist: "exponential", mean: 0.1 } }] }));
    const r = await kendall("run", path);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/queues\[0\]\.arrival\.file: trace file not found: "nope\.csv" \(looked for ".*nope\.csv"\)/);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.err.length).toBeLessThanOrEqual(301);
  });
});
