import { parseScenario, type Scenario } from "../../src/scenario/index.ts";
import { runScenario, withAnalytic, type RunResult } from "../../src/simulation/index.ts";
import type { PlanSection, ReportInput, SweepSection } from "../../src/report/index.ts";

/** Validates a scenario object or fails the test with the first issue. */
export function scenarioOf(raw: unknown): Scenario {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(`fixture scenario refused: ${JSON.stringify(parsed.errors[0])}`);
  return parsed.scenario;
}

/** A small network: orders (2 consumers) routes 30% to billing (lognormal service). Short run, fixed seed. */
export const networkScenario: Scenario = scenarioOf({
  version: 1,
  name: "Orders and billing",
  description: "Orders at 40 msg/s; 30% go on to billing.",
  seed: 7,
  run: { messages: 5000, warmup: "auto", replications: 3 },
  queues: [
    { id: "orders", arrival: { process: "poisson", rate: 40 }, service: { dist: "exponential", mean: 0.04 }, consumers: 2, routes: [{ to: "billing", probability: 0.3 }] },
    { id: "billing", service: { dist: "lognormal", mean: 0.05, cv: 1.5 }, consumers: 1, capacity: 50 },
  ],
});

/** The fixed date and version every test report carries. */
export const meta = { date: "2025-01-02 03:04 UTC", version: "9.9.9-test" };

const cache = new Map<Scenario, RunResult>();

/** The scenario run with chart detail and analytic figures (memoised per test file). */
export function resultOf(scenario: Scenario): RunResult {
  let r = cache.get(scenario);
  if (!r) {
    r = withAnalytic(scenario, runScenario(scenario, { detail: true }));
    cache.set(scenario, r);
  }
  return r;
}

/** Report input for a scenario, with optional sections. */
export function inputOf(scenario: Scenario, extra: Partial<ReportInput> = {}): ReportInput {
  return { scenario, result: resultOf(scenario), meta, ...extra };
}

/** A planner section as plain data, the shape the report builders take. */
export const plan: PlanSection = {
  slo: "p99(wait) < 200ms",
  recommendation: "Run 3 consumers on orders and 2 on billing; at twice today's load, 5 and 3.",
  verdicts: [
    { queue: "orders", current: 2, consumers: 3, meets: false, explanation: "p99 wait 231 ms with 2 consumers" },
    { queue: "billing", current: 1, consumers: 2, meets: true, explanation: "p99 wait 120 ms" },
  ],
  growth: [
    { factor: 1, consumers: { orders: 3, billing: 2 } },
    { factor: 1.5, consumers: { orders: 4, billing: 2 } },
    { factor: 2, consumers: { orders: 5, billing: 3 } },
  ],
};

/** The same plan with prefetch and capacity answers on orders (`kendall plan --size consumers,prefetch,capacity`). */
export const sizedPlan: PlanSection = {
  ...plan,
  verdicts: [
    {
      ...plan.verdicts[0]!,
      prefetch: { value: 2, current: 10, meets: true, explanation: "Prefetch 2 with 3 consumers (now 10): p95 wait 60.5 ms. Prefetch 5 fails: p95 wait 85 ms." },
      capacity: { value: 8, current: null, meets: true, explanation: "Capacity 8 (ready messages, reject-publish; now unbounded): dropped 0.026%." },
    },
    { ...plan.verdicts[1]!, prefetch: { value: null, current: 0, meets: false, explanation: "No prefetch answer: even prefetch 1 does not clearly meet the SLO." } },
  ],
};

/** A sweep section over the orders queue's consumers. */
export const sweep: SweepSection = {
  param: "queues.orders.consumers",
  points: [1, 2, 3, 4].map((c) => ({
    value: c,
    queues: {
      orders: { W: 0.04 + 0.2 / c ** 2, Wq: 0.2 / c ** 2, p99wait: 0.9 / c ** 2, utilization: Math.min(1, 1.6 / c) },
      billing: { W: 0.09, Wq: 0.04, p99wait: 0.3, utilization: 0.6 },
    },
  })),
};

/** A hostile name: HTML that would run script if it were not escaped. */
export const hostile = "<img src=x onerror=alert(1)>";

/** A one-queue scenario whose names are hostile: queue id, scenario name, description, class. */
export const hostileScenario: Scenario = scenarioOf({
  version: 1,
  name: `${hostile} | # heading`,
  description: "</script><script>alert(2)</script> and `code` | pipe; see amqp://guest:s3cret@broker.example:5672/vhost",
  seed: 3,
  run: { messages: 1500, warmup: 0, replications: 1 },
  queues: [
    {
      id: hostile,
      arrival: { process: "poisson", rate: 5 },
      service: { dist: "exponential", mean: 0.1 },
      discipline: "priority",
      priorities: [
        { class: "=HYPERLINK(\"http://evil\")|x", priority: 5, share: 0.5 },
        { class: "- list", priority: 1, share: 0.5 },
      ],
      routes: [{ to: "# not a heading | x", probability: 0.5 }],
    },
    { id: "# not a heading | x", service: { dist: "exponential", mean: 0.05 } },
  ],
});
