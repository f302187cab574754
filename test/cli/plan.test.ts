import { describe, expect, it } from "vitest";
import { kendall } from "../support/cli.ts";

/** Bad input: exit 2, nothing on stdout, one line on stderr. */
async function refused(argv: string[], message: string | RegExp) {
  const r = await kendall(...argv);
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  expect(r.err.split("\n")).toHaveLength(2);
  expect(r.err.trimEnd()).toMatch(message);
}

describe("kendall plan", () => {
  it("prints the answer with what was checked and how", async () => {
    const r = await kendall("plan", "models/orders.json", "--slo", "p99(wait) < 200ms", "--growth", "1,2");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toMatch(/queue "orders": 3 consumers \(now 2\)\n {2}3 consumers: p99 wait [\d.]+ ms \(simulated 95% CI [\d.]+-[\d.]+ ms; analytic 63\.3 ms\)/);
    expect(r.out.replace(/\s+/g, " ")).toMatch(/headroom: 2 consumers already miss the SLO at today's traffic; they would keep it up to 46\.43 msg\/s/);
    expect(r.out).toMatch(/x2 +\d+\n/);
  });

  it("prints the plan --json shape", async () => {
    const r = await kendall("plan", "models/orders.json", "--slo", "p99(wait) < 200ms", "--json", "--cost-per-hour", "0.1", "--growth", "1,1.5", "--backlog", "500", "--drain-within", "30s", "--size", "consumers,capacity");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.slo).toBe("p99(wait) < 200ms");
    expect(json.size).toEqual(["consumers", "capacity"]);
    expect(json.queues.orders.prefetch).toBeUndefined();
    // The SLO bounds no drops, so the capacity is sized for the assumed dropped < 0.1%.
    expect(json.queues.orders.capacity).toMatchObject({ consumers: 3, current: 1000, assumed: "dropped < 0.1%", meets: true, value: expect.any(Number), explanation: expect.stringMatching(/^Capacity \d+ \(ready messages, reject-publish; now 1000\)/) });
    expect(json.queues.orders).toMatchObject({ consumers: 3, meets: true, analytic: { model: "M/M/3/1003" }, simulated: { consumers: 3, verdict: "meets" }, explanation: expect.stringMatching(/^3 consumers/) });
    expect(json.queues.orders.costPerMonth).toBeCloseTo(219, 9);
    expect(json.growth).toEqual([expect.objectContaining({ factor: 1, consumers: 3 }), expect.objectContaining({ factor: 1.5, consumers: expect.any(Number) })]);
    expect(json.queues.orders.drain).toMatchObject({ backlog: 500, withinS: 30, current: { consumers: 2 } });
    expect(json.queues.orders.drain.current.analyticS).toBeCloseTo(30, 9);
  });

  it("sizes prefetch with --size and says when no capacity up to --max-capacity meets the SLO", async () => {
    const r = await kendall("plan", "models/orders.json", "--slo", "p99(wait) < 100ms and dropped < 0.1%", "--size", "prefetch,capacity", "--max-capacity", "2", "--growth", "1");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/queue "orders": 3 consumers \(now 2\), prefetch 1 \(now 1\), no capacity answer\n/);
    const text = r.out.replace(/\s+/g, " ");
    expect(text).toMatch(/ Prefetch 1 with 3 consumers \(now 1\): p99 wait [\d.]+ ms \(simulated 95% CI [\d.]+-[\d.]+ ms\), dropped 0% \(simulated 95% CI 0-0%\)\. Prefetch 2 fails: p99 wait [\d.]+ ms/);
    // M/M/3/5 (capacity 2 + 3 consumers) at a = 1.5 Erlangs: state weights a^n/n! for n <= 3, then
    // x 1/2 per waiting place: 1, 1.5, 1.125, 0.5625, 0.28125, 0.140625; p_5 = 0.140625 / 4.609375 =
    // 3.05% (Gross & Harris ch. 2). The model is exact here, so no simulation is needed to say no.
    expect(text).toMatch(/ No capacity answer: no capacity up to 2 meets it \(analytic, at 2: dropped 3\.05%\)\. headroom:/);
  });

  it("refuses bad input with exit 2 and one line on stderr", async () => {
    await refused(["plan", "models/orders.json", "--slo", "p99(wait) < 1s", "--size", "consumers,memory"], '--size: unknown item "memory" (expected consumers, prefetch or capacity), got "consumers,memory"');
    await refused(["plan", "models/orders.json", "--slo", "p99(wait) < 1s", "--size", ","], '--size: no items; expected a list like consumers,prefetch,capacity, got ","');
    await refused(["plan", "models/orders.json", "--slo", "p99(wait) < 1s", "--max-capacity", "10"], "--max-capacity needs --size with capacity (e.g. --size consumers,capacity)");
    await refused(["plan", "models/orders.json", "--slo", "p99(wait) < 1s", "--size", "capacity", "--max-capacity", "lots"], '--max-capacity: expected an integer from 0 to 1000000000, got "lots"');
    await refused(["plan", "models/orders.json"], 'kendall plan: missing --slo EXPR (e.g. --slo "p99(wait) < 200ms")');
    await refused(["plan", "models/orders.json", "--slo", "p99(latency) < 1s"], /^--slo "p99\(latency\) < 1s": at 1: unknown metric "p99\(latency\)"; expected mean\(wait\)/);
    await refused(["plan", "models/orders.json", "--slo", "p99(wait) < 1s", "--queue", "nope"], 'kendall plan: no queue with id "nope" (queues: "orders")');
    await refused(["plan", "models/orders.json", "--slo", "p99(wait) < 1s", "--growth", "1,x"], '--growth: expected 1 to 20 traffic multipliers > 0 like 1,1.5,2, got "1,x" (item 2)');
    await refused(["plan", "models/orders.json", "--slo", "p99(wait) < 1s", "--cost-per-hour=-2"], '--cost-per-hour: expected a number >= 0, got "-2"');
    await refused(["plan", "models/orders.json", "--slo", "p99(wait) < 1s", "--drain-within", "10s"], "--drain-within needs --backlog N (the messages to drain)");
    await refused(["plan", "models/orders.json", "--slo", "p99(wait) < 1s", "--backlog", "10", "--drain-within", "soon"], '--drain-within: expected a duration > 0 like 60, 30s or 5min, got "soon"');
    await refused(["plan", "models/nope.json", "--slo", "p99(wait) < 1s"], /^scenario file not found: ".*models\/nope\.json"$/);
  });
});

describe("kendall sweep", () => {
  const quick = ["--messages", "3000", "--replications", "2"];

  it("prints a table, JSON and CSV", async () => {
    const table = await kendall("sweep", "models/mmc.json", "--param", "queues.jobs.consumers", "--values", "4:6:1", ...quick);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^Sweep of "M\/M\/4, rho = 0\.8" \(seed 1 at every point, 2 x 3000 messages; 95% half-widths\)/);
    expect(table.out).toMatch(/^queues\.jobs\.consumers +queue +W +Wq +p99 wait +utilization +P\(refused\) +analytic W +analytic p99 wait$/m);
    const json = JSON.parse((await kendall("sweep", "models/mmc.json", "--param", "queues.jobs.consumers", "--values", "4,5", "--json", ...quick)).out);
    expect(json.points).toHaveLength(2);
    expect(json.points[0].queues.jobs.Wq.mean).toBeGreaterThan(json.points[1].queues.jobs.Wq.mean);
    const csv = await kendall("sweep", "models/mmc.json", "--param", "queues.jobs.consumers", "--values", "4,5", "--param2", "queues.jobs.service.cv", "--values2", "0.5,1", "--csv", ...quick);
    const lines = csv.out.split("\r\n");
    expect(lines[0]).toMatch(/^queues\.jobs\.consumers,queues\.jobs\.service\.cv,queue,unstable,W_s,/);
    expect(lines).toHaveLength(6);
  });

  it("refuses bad sweeps with exit 2 and one line on stderr", async () => {
    await refused(["sweep", "models/mmc.json", "--values", "1,2"], "kendall sweep: missing --param PATH (e.g. --param queues.orders.consumers --values 1,2,4)");
    await refused(["sweep", "models/mmc.json", "--param", "queues.jobs.consumers"], 'kendall sweep: --param "queues.jobs.consumers" needs --values LIST (like 1,2,4 or 10:100:10)');
    await refused(["sweep", "models/mmc.json", "--param", "queues.nope.consumers", "--values", "1,2"], 'kendall sweep: invalid path "queues.nope.consumers": no queue with id "nope" (queues: "jobs")');
    await refused(["sweep", "models/mmc.json", "--param", "queues.jobs.consumers", "--values", "1:10:0"], '--values: invalid values "1:10:0": the step must not be 0');
    await refused(["sweep", "models/mmc.json", "--param", "queues.jobs.consumers", "--values", ""], /--values: invalid values "": no values/);
    await refused(["sweep", "models/mmc.json", "--param", "queues.jobs.consumers", "--values", "4,0.5"], /^kendall sweep: queues\.jobs\.consumers = 0\.5: queues\[0\]\.consumers: expected an integer/);
    await refused(["sweep", "models/mmc.json", "--param", "queues.jobs.consumers", "--values", "4", "--json", "--csv"], "kendall sweep: choose one of --json and --csv");
    await refused(["sweep", "models/mmc.json", "--param", "queues.jobs.consumers", "--values", "4", "--values2", "1"], "kendall sweep: --values2 needs --param2 PATH");
  });
});
