import { mkdtempSync, writeFileSync } from "node:fs";
import { connect as tcpConnect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "vitest";
import { kendall } from "../support/cli.ts";

export { kendall };
import type { LoadgenResult } from "../../src/live/loadgen/index.ts";
import { createDistribution } from "../../src/engine/random/index.ts";
import type { Scenario } from "../../src/scenario/types.ts";
import { runScenario } from "../../src/simulation/run.ts";
import { analyzeScenario } from "../../src/simulation/withAnalytic.ts";
import { studentTQuantile } from "../../src/stats/index.ts";

/** The brokers of the test environment: loopback only (scripts/services.sh starts them). */
export const AMQP_URL = "amqp://guest:guest@127.0.0.1:5672";
export const NATS_URL = "nats://127.0.0.1:4222";
export const MANAGEMENT_URL = "http://127.0.0.1:15672";

/** True when something accepts TCP connections on 127.0.0.1:`port` within a second. */
export function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = tcpConnect({ host: "127.0.0.1", port, timeout: 1000 });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.once("connect", () => done(true));
    s.once("error", () => done(false));
    s.once("timeout", () => done(false));
  });
}

/**
 * `describe` when the broker listens on every one of `ports`. Otherwise the suite is skipped
 * with a message locally, and fails under CI (CI=true), where a missing broker is a broken build.
 */
export async function describeWithBroker(name: string, ports: number[], body: () => void): Promise<void> {
  const missing: number[] = [];
  for (const p of ports) if (!(await reachable(p))) missing.push(p);
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  const why = `${name}: nothing listens on 127.0.0.1:${missing.join(", ")} (run bash scripts/services.sh)`;
  if (process.env.CI === "true") {
    describe(name, () => it("needs its broker", () => {
      throw new Error(why);
    }));
  } else {
    console.warn(`skipped: ${why}`);
    describe.skip(name, body);
  }
}


/** `kendall loadgen ... --json`, parsed; throws with stderr when the exit code is not `expectCode`. */
export async function loadgenJson(argv: string[], expectCode = 0): Promise<LoadgenResult> {
  const r = await kendall("loadgen", ...argv, "--json");
  if (r.code !== expectCode) throw new Error(`kendall loadgen exited ${r.code}: ${r.err}`);
  return JSON.parse(r.out) as LoadgenResult;
}

const dir = mkdtempSync(join(tmpdir(), "kendall-loadgen-"));

/** Writes a one-queue scenario (queue "orders": Poisson arrivals, exponential service) and returns its path. */
export function scenarioFile(name: string, queue: Record<string, unknown>, run: Record<string, unknown> = { messages: 100_000, replications: 5 }, seed = 20260601): string {
  const path = join(dir, `${name}.json`);
  const base = { id: "orders", arrival: { process: "poisson", rate: 50 }, service: { dist: "exponential", mean: 0.03 }, consumers: 2, prefetch: 1 };
  writeFileSync(path, JSON.stringify({ version: 1, name, seed, run, queues: [{ ...base, ...queue }] }));
  return path;
}

/**
 * Closes, through the RabbitMQ management API, the loadgen connections of the scenario queue
 * `label` in `role` ("publisher" or "consumers"): their client-given names are
 * `kendall-loadgen-<label>-<tag>-<role>`, so runs of other tests are left alone. Polls until one
 * shows up (the API lists connections with a delay) or `timeoutMs`; returns the number closed.
 */
export async function closeLoadgenConnections(label: string, role: string, timeoutMs = 15_000): Promise<number> {
  const auth = { Authorization: `Basic ${Buffer.from("guest:guest").toString("base64")}` };
  const pattern = new RegExp(`^kendall-loadgen-${label}-[0-9a-f]{8}-${role}$`);
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const res = await fetch(`${MANAGEMENT_URL}/api/connections`, { headers: auth });
    const conns = (await res.json()) as { name: string; client_properties?: { connection_name?: string } }[];
    const mine = conns.filter((c) => pattern.test(c.client_properties?.connection_name ?? ""));
    for (const c of mine) await fetch(`${MANAGEMENT_URL}/api/connections/${encodeURIComponent(c.name)}`, { method: "DELETE", headers: { ...auth, "X-Reason": "loadgen test: connection dropped" } });
    if (mine.length > 0) return mine.length;
    await new Promise((r) => setTimeout(r, 250));
  }
  return 0;
}

/** Names of the queues on the broker that a loadgen run declared (for checking cleanup). */
export async function loadgenQueues(): Promise<string[]> {
  const auth = { Authorization: `Basic ${Buffer.from("guest:guest").toString("base64")}` };
  const res = await fetch(`${MANAGEMENT_URL}/api/queues`, { headers: auth });
  return ((await res.json()) as { name: string }[]).map((q) => q.name).filter((n) => n.startsWith("kendall-loadgen-"));
}

/**
 * Standard deviation of one run's mean sojourn W when a run serves `messages` messages from
 * empty: the spread over 200 simulated replications of that length (no warm-up, as a real run
 * starts from an empty queue), i.e. the sampling error of the measured mean that no model
 * removes. From the 95% half-width: sd = ci95 sqrt(n) / t(0.975, n - 1).
 */
export function sdOfRunMeanW(scenario: Scenario, messages: number): number {
  const n = 200;
  const r = runScenario({ ...scenario, run: { messages, warmup: 0, replications: n } });
  const q = Object.values(r.queues)[0]!.simulated;
  return (q.W.ci95 * Math.sqrt(n)) / studentTQuantile(0.975, n - 1);
}

/** The M/M/c-style sensitivity dW/d(mean service) of a one-queue scenario, from the analytic model (s per s). */
export function sojournSensitivity(scenario: Scenario): number {
  const q = scenario.queues[0]!;
  const mean = createDistribution(q.service).mean;
  const at = (m: number) => Number(analyzeScenario({ ...scenario, queues: [{ ...q, service: { dist: "exponential", mean: m } }] }).queues[q.id]!.analytic!.W);
  return (at(mean * 1.01) - at(mean * 0.99)) / (mean * 0.02);
}

/** 99.9% over 95%: how much wider a two-sided 99.9% normal interval is than a 95% one. */
export const Z999_OVER_Z95 = 3.2905 / 1.96;
