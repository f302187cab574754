import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedPort } from "../live/support/httpHelpers.ts";
import { kendall, reachable, scenarioFile } from "../live/loadgenSupport.ts";
import { inCi } from "../live/support/realLoad.ts";

// A NATS server of our own (never the shared one on 4222), with a user and password, on a free
// loopback port: wrong credentials are refused, and the server stopped mid-run (SIGTERM to the
// process this test started, by its pid) ends the run cleanly with every message accounted for.

const installed = await new Promise<boolean>((resolve) => {
  const p = spawn("nats-server", ["--version"], { stdio: "ignore" });
  p.once("error", () => resolve(false));
  p.once("exit", (code) => resolve(code === 0));
});
if (!installed && !inCi) console.warn("skipping the private NATS loadgen faults: nats-server is not installed");

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const file = scenarioFile("nats-faults", { prefetch: 1 }, { messages: 5000, replications: 2 });
const password = "kendall-private-pass";

describe.skipIf(!installed && !inCi)("kendall loadgen against a private NATS server that refuses or goes away", () => {
  const dir = mkdtempSync(join(tmpdir(), "kendall-nats-fault-"));
  let server: ChildProcess | undefined;
  let port = 0;

  beforeAll(async () => {
    port = await closedPort();
    server = spawn("nats-server", ["-a", "127.0.0.1", "-p", String(port), "--user", "kendall", "--pass", password, "-js", "-sd", dir], { stdio: "ignore" });
    for (let i = 0; i < 50 && !(await reachable(port)); i++) await sleep(100);
    if (!(await reachable(port))) throw new Error(`the private nats-server did not listen on 127.0.0.1:${port}`);
  }, 20_000);

  afterAll(() => {
    if (server && server.exitCode === null) server.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses wrong credentials on one line with exit 3, without showing them", async () => {
    const r = await kendall("loadgen", file, "--nats", `nats://kendall:not-the-password@127.0.0.1:${port}`, "--duration", "1");
    expect(r.code).toBe(3);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(new RegExp(`NATS at nats://127\\.0\\.0\\.1:${port} refused the connection: .*Authorization Violation`));
    expect(r.err + r.out).not.toContain("not-the-password");
    expect(r.out).toBe("");
  });

  it("stops cleanly with the figures so far when the server goes away mid-run (exit 3), losing nothing silently", async () => {
    const run = kendall("loadgen", file, "--nats", `nats://kendall:${password}@127.0.0.1:${port}`, "--duration", "30", "--no-simulate", "--json");
    await sleep(4000);
    server!.kill("SIGTERM");
    const r = await run;
    expect(r.code).toBe(3);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/NATS connection closed.*stopped after [\d.]+ s with the figures so far/);
    expect(r.err + r.out).not.toContain(password);
    const result = JSON.parse(r.out);
    expect(result.stopped).toMatchObject({ reason: "connection lost" });
    expect(result.publishedForS).toBeLessThan(30);
    const c = result.queues.orders.measured.counts;
    expect(c.published).toBeGreaterThan(50);
    // Every message is somewhere; with the server gone, what it still held cannot be counted, so
    // it is in flight and the notes say so, never dropped from the books.
    expect(c.published).toBe(c.acked + c.expired + c.deadLettered + c.dropped + c.inFlight + c.lost);
    expect(c.confirmed + c.dropped + c.unconfirmed).toBe(c.published);
    expect(c.lost).toBeLessThanOrEqual(c.unconfirmed);
    if (c.inFlight > 0) expect(result.notes.join(" ")).toMatch(/of unknown fate .*counted in flight/);
  }, 60_000);
});
