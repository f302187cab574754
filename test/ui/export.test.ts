import { describe, expect, it } from "vitest";
import { planScenario, runSweep } from "../../src/planner/index.ts";
import { parseScenario, type Scenario } from "../../src/scenario/index.ts";
import { runScenario, withAnalytic } from "../../src/simulation/index.ts";
import { exportSourceOf } from "../../src/ui/export/exportSource.ts";
import { reportFileName } from "../../src/ui/export/fileName.ts";
import { kendallVersion, reportFiles } from "../../src/ui/export/reportFiles.ts";
import { planSectionOf, sweepSectionOf } from "../../src/ui/export/sections.ts";
import type { ParamSweepState } from "../../src/ui/plan/paramSweepStore.ts";
import type { PlanState } from "../../src/ui/plan/planStore.ts";
import type { RunState } from "../../src/ui/sim/runStore.ts";
import orders from "../../models/orders.json" with { type: "json" };
import pkg from "../../package.json" with { type: "json" };

const parsed = parseScenario(orders);
if (!parsed.ok) throw new Error("orders.json does not parse");
const scenario: Scenario = { ...parsed.scenario, run: { messages: 5000, warmup: "auto", replications: 3 } };
const result = withAnalytic(scenario, runScenario(scenario, { detail: true }));
const plan = planScenario(scenario, "p99(wait) < 200ms", { simulation: false, costPerHour: 0.1 });
const sweep = runSweep(scenario, [{ path: "queues[0].consumers", values: [2, 3] }], { messages: 2000, replications: 2 });

const run: RunState = { result, resultScenario: scenario, wallMs: 1, completed: 1, running: false, partial: false, error: null };
const planState: PlanState = { plan, planScenario: scenario, wallMs: 1, running: false, startedAt: 0, error: null };
const sweepState: ParamSweepState = { sweep, sweepScenario: scenario, input: null, points: sweep.points, total: 2, running: false, startedAt: 0, error: null };
const noPlan: PlanState = { ...planState, plan: null, planScenario: null };
const noSweep: ParamSweepState = { ...sweepState, sweep: null, sweepScenario: null };

describe("report file names", () => {
  it("keep letters and digits of the scenario name, and nothing that could name a path", () => {
    expect(reportFileName("Orders, two consumers", "html")).toBe("orders-two-consumers-report.html");
    expect(reportFileName("../../etc/passwd", "md")).toBe("etc-passwd-report.md");
    expect(reportFileName("Café <script>", "csv")).toBe("cafe-script-report.csv");
    expect(reportFileName("", "json")).toBe("kendall-report.json");
    expect(reportFileName("x".repeat(200), "json").length).toBeLessThanOrEqual(60 + "-report.json".length);
  });
});

describe("the plan and sweep as report sections", () => {
  it("carries each queue's verdict, the growth table and the cost", () => {
    const section = planSectionOf(plan);
    expect(section.slo).toBe("p99(wait) < 200ms");
    expect(section.verdicts).toEqual([{ queue: "orders", consumers: plan.queues.orders!.consumers, meets: true, current: 2, explanation: plan.queues.orders!.explanation }]);
    expect(section.growth?.map((g) => g.factor)).toEqual([1, 1.5, 2, 3]);
    expect(section.costPerHour).toBe(0.1);
    expect(section.recommendation).toContain('on "orders" (now 2)');
  });

  it("carries the capacity answer when one was asked for, in the verdict and the recommendation", () => {
    const sized = planScenario(scenario, "p99(wait) < 200ms and dropped < 0.1%", { simulation: false, size: ["consumers", "capacity"] });
    const answer = sized.queues.orders!.capacity!;
    expect(answer.value).toBeGreaterThan(0);
    const section = planSectionOf(sized);
    expect(section.verdicts[0]!.capacity).toMatchObject({ value: answer.value, current: 1000, explanation: answer.explanation });
    expect(section.verdicts[0]!.prefetch).toBeUndefined();
    expect(section.recommendation).toContain(`with capacity ${answer.value} ready messages (now 1000)`);
  });

  it("carries each sweep point's waits as numbers or null", () => {
    const section = sweepSectionOf(sweep);
    expect(section.param).toBe("queues[0].consumers");
    expect(section.points.map((p) => p.value)).toEqual([2, 3]);
    expect(section.points[1]!.queues.orders!.Wq).toBe(sweep.points[1]!.queues.orders!.Wq!.mean);
  });
});

describe("what the Export menu saves", () => {
  it("needs a finished run", () => {
    expect(exportSourceOf({ ...run, result: null, resultScenario: null, running: true }, noPlan, noSweep)).toMatchObject({ ok: false });
  });

  it("includes the plan and sweep made for the run's scenario, and leaves out others", () => {
    const all = exportSourceOf(run, planState, sweepState);
    expect(all).toMatchObject({ ok: true, includes: expect.stringContaining("the capacity plan and the parameter sweep") });
    const other = { ...scenario, seed: 99 };
    const some = exportSourceOf(run, { ...planState, planScenario: other }, { ...sweepState, sweepScenario: other });
    expect(some.ok && some.source.plan).toBe(null);
    expect(some.ok && some.includes).toContain("leaves out the plan (made for another scenario) and the sweep (run on another scenario)");
  });

  it("builds an HTML report with the scenario embedded and the version from package.json", () => {
    const source = exportSourceOf(run, planState, sweepState);
    if (!source.ok) throw new Error(source.reason);
    const [html] = reportFiles("html", source.source, "2026-01-02T03:04:05.000Z");
    expect(kendallVersion).toBe(pkg.version);
    expect(html!.fileName).toBe("orders-two-consumers-report.html");
    expect(html!.text).toContain('<script type="application/json" id="kendall-scenario">');
    expect(html!.text).toContain(pkg.version);
  });

  it("saves every CSV table, each named after its part", () => {
    const source = exportSourceOf(run, planState, sweepState);
    if (!source.ok) throw new Error(source.reason);
    const names = reportFiles("csv", source.source, "2026-01-02T03:04:05.000Z").map((f) => f.fileName);
    expect(names).toEqual(["orders-two-consumers-report.csv", "orders-two-consumers-report.series.csv", "orders-two-consumers-report.sweep.csv", "orders-two-consumers-report.plan.csv"]);
  });
});
