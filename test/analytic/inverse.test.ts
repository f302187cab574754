import { describe, expect, it } from "vitest";
import {
  maxArrivalRate,
  minServers,
  mmc,
  mmcServiceLevel,
  serversForPWait,
  serversForServiceLevel,
  serversForWaitPercentile,
  trunksForBlocking,
} from "../../src/analytic/index.ts";
import { expectClose } from "./helpers.ts";

describe("minServers", () => {
  it("staffs the 48-Erlang call centre for 80% answered within 20 s", () => {
    // Erlang-C worked example (360 calls per half hour, 240 s handling), secondary source: public
    // Erlang-C calculator tests: the first staffing meeting 80/20 is 54 agents, at 81.7%.
    const r = serversForServiceLevel(48 / 240, 1 / 240, 0.8, 20);
    expect(r.servers).toBe(54);
    expect(r.achieved).toBeCloseTo(0.817, 3);
    expect(mmcServiceLevel(48 / 240, 1 / 240, 53, 20)).toBeLessThan(0.8);
  });

  it("finds the smallest c for a P(wait) target and for a p99 wait target", () => {
    const p = serversForPWait(8, 1, 0.1);
    expect(p.servers).not.toBeNull();
    const c = p.servers as number;
    expect(mmc(8, 1, c).pWait).toBeLessThanOrEqual(0.1);
    expect(mmc(8, 1, c - 1).pWait).toBeGreaterThan(0.1);
    const w = serversForWaitPercentile(8, 1, 0.99, 0.5);
    const cw = w.servers as number;
    expect(mmc(8, 1, cw).wait?.p99).toBeLessThanOrEqual(0.5);
    expect(mmc(8, 1, cw - 1).wait?.p99).toBeGreaterThan(0.5);
  });

  it("sizes for a sojourn percentile, a mean wait and a mean sojourn", () => {
    const s = minServers(20, 1, { kind: "sojournPercentile", q: 0.95, maxS: 3.5 });
    expect(mmc(20, 1, s.servers as number).sojourn?.p95).toBeLessThanOrEqual(3.5);
    expect(mmc(20, 1, (s.servers as number) - 1).sojourn?.p95).toBeGreaterThan(3.5);
    const m = minServers(20, 1, { kind: "meanWait", maxS: 0.01 });
    expect(mmc(20, 1, m.servers as number).Wq).toBeLessThanOrEqual(0.01);
    expect(minServers(20, 1, { kind: "meanSojourn", maxS: 1.01 }).servers).toBeGreaterThan(20);
  });

  it("says why a target is impossible instead of searching for ever", () => {
    // p99 of an Exp(1) service alone is 4.6 s: no number of consumers gets the sojourn p99 under 1 s.
    const r = minServers(10, 1, { kind: "sojournPercentile", q: 0.99, maxS: 1 });
    expect(r.servers).toBeNull();
    expect(r.reason).toMatch(/service time alone/);
    expect(minServers(10, 1, { kind: "meanSojourn", maxS: 0.5 }).servers).toBeNull();
    const tooBig = minServers(1e7, 1, { kind: "pWait", max: 0.1 });
    expect(tooBig.servers).toBeNull();
    expect(tooBig.reason).toMatch(/more than 100000 consumers/);
    expect(minServers(50, 1, { kind: "pWait", max: 0.1 }, 40).reason).toMatch(/more than 40/);
  });

  it("answers one consumer when nothing arrives", () => {
    expect(minServers(0, 1, { kind: "pWait", max: 0.01 }).servers).toBe(1);
  });

  it("rejects targets outside (0, 1)", () => {
    expect(() => serversForPWait(1, 1, 1.5)).toThrow("invalid pWait.max: 1.5 (must be between 0 and 1, exclusive)");
    expect(() => trunksForBlocking(5, 0)).toThrow(RangeError);
  });
});

describe("maxArrivalRate", () => {
  it("is the largest lambda meeting the target, consistent with minServers", () => {
    const target = { kind: "serviceLevel", fraction: 0.8, withinS: 20 } as const;
    const r = maxArrivalRate(55, 1 / 240, target);
    expectClose(r.achieved, 0.8, 1e-9);
    expect(minServers(r.lambda as number, 1 / 240, target).servers).toBe(55);
    expect(minServers((r.lambda as number) * 1.001, 1 / 240, target).servers).toBe(56);
  });

  it("inverts Erlang B in the load and reports unreachable targets", () => {
    // erlang.com calculator manual: 15 lines at 1% blocking carry 8.108 Erlangs.
    expect(maxArrivalRate(15, 1, { kind: "blocking", max: 0.01 }).lambda).toBeCloseTo(8.108, 3);
    expect(maxArrivalRate(4, 1, { kind: "sojournPercentile", q: 0.99, maxS: 1 }).lambda).toBeNull();
  });
});
