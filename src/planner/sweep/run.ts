import type { Scenario } from "../../scenario/types.ts";
import { analyzeScenario } from "../../simulation/withAnalytic.ts";
import { simulatePoint, type SimulatedPoint } from "../simulate.ts";
import { simulatedFigure } from "../slo/evaluate.ts";
import { applySweepValue, resolvePath } from "./path.ts";
import type { SweepValue } from "./values.ts";

/** Most points (value combinations) one sweep may have. */
export const MAX_SWEEP_POINTS = 400;

/** A figure with its 95% half-width; `ci95` is null where there is no interval (one replication, percentiles). */
export interface SweepFigure {
  mean: number;
  ci95: number | null;
}

/** One queue at one sweep point. W, Wq and the p99 wait are null when the queue is unstable there. */
export interface SweepQueue {
  unstable: boolean;
  W: SweepFigure | null;
  Wq: SweepFigure | null;
  waitP99: SweepFigure | null;
  utilization: SweepFigure;
  pBlock: SweepFigure;
  /** The analytic model's figures, null where none applies; a figure it does not give is null. */
  analytic: { model: string; exact: boolean; unstable: boolean; W: number | null; Wq: number | null; waitP99: number | null; utilization: number | null; pBlock: number | null } | null;
}

/** One point of the sweep: the parameter values (in `params` order) and per-queue figures. */
export interface SweepPoint {
  values: SweepValue[];
  queues: Record<string, SweepQueue>;
  /** `backlog limit` etc. when a replication stopped early. */
  stopped: string | null;
  /** Changes of distribution family made to set a value (see `applySweepValue`). */
  notes: string[];
}

/** A whole sweep (`kendall sweep --json`). */
export interface SweepResult {
  scenario: string;
  seed: number;
  params: { path: string; values: SweepValue[] }[];
  run: { messages?: number; duration?: number; replications: number };
  points: SweepPoint[];
}

/** Run overrides for every point (the seed stays the same at every point: common random numbers). */
export interface SweepOptions {
  messages?: number;
  replications?: number;
  seed?: number;
}

/** Every combination of the parameters' values, first parameter outermost. */
function grid(params: { values: SweepValue[] }[]): SweepValue[][] {
  return params.reduce<SweepValue[][]>((acc, p) => acc.flatMap((row) => p.values.map((v) => [...row, v])), [[]]);
}

/**
 * Builds and validates every point's scenario before anything runs, so a bad path or a value
 * the schema refuses is reported at once, naming the path and the value.
 * @throws RangeError for an empty or too large sweep, an invalid path or a refused value.
 */
export function sweepScenarios(scenario: Scenario, params: { path: string; values: SweepValue[] }[], options: SweepOptions = {}): { values: SweepValue[]; scenario: Scenario; notes: string[] }[] {
  if (params.length === 0) throw new RangeError("a sweep needs at least one parameter");
  const resolved = params.map((p) => resolvePath(scenario, p.path));
  for (const p of params) if (p.values.length === 0) throw new RangeError(`no values for ${JSON.stringify(p.path)}`);
  const points = grid(params);
  if (points.length > MAX_SWEEP_POINTS) throw new RangeError(`the sweep has ${points.length} points (at most ${MAX_SWEEP_POINTS})`);
  const base = withRun(scenario, options);
  return points.map((values) => {
    let s = base;
    const notes: string[] = [];
    values.forEach((v, k) => {
      const r = applySweepValue(s, resolved[k]!, v);
      s = r.scenario;
      if (r.note) notes.push(`${params[k]!.path}: ${r.note}`);
    });
    return { values, scenario: s, notes };
  });
}

function withRun(s: Scenario, o: SweepOptions): Scenario {
  const run = { ...s.run };
  if (o.messages !== undefined) {
    run.messages = o.messages;
    delete run.duration;
  }
  if (o.replications !== undefined) run.replications = o.replications;
  return { ...s, seed: o.seed ?? s.seed, run };
}

const orNull = (x: number | undefined) => (typeof x === "number" && Number.isFinite(x) ? x : null);

function queueFigures(point: SimulatedPoint, id: string, analytic: ReturnType<typeof analyzeScenario>["queues"][string] | undefined): SweepQueue {
  const q = point.result.queues[id]!.simulated;
  const unstable = !q.steady || point.result.unstable.some((u) => u.queue === id);
  const fig = (e: { mean: number; ci95: number }): SweepFigure => ({ mean: e.mean, ci95: point.replications.length > 1 || e.ci95 > 0 ? e.ci95 : null });
  const p99 = simulatedFigure({ kind: "percentile", of: "wait", q: 0.99, level: "99" }, point, id);
  const a = analytic?.analytic;
  const au = a?.unstable === true;
  return {
    unstable,
    W: unstable ? null : fig(q.W),
    Wq: unstable ? null : fig(q.Wq),
    waitP99: unstable ? null : { mean: p99.value, ci95: p99.ci95 },
    utilization: fig(q.utilization),
    pBlock: fig(q.pBlock),
    analytic: a
      ? { model: a.model, exact: a.exact, unstable: au, W: au ? null : orNull(a.W), Wq: au ? null : orNull(a.Wq), waitP99: au ? null : orNull(a.wait?.p99), utilization: orNull(a.utilization ?? a.rho), pBlock: orNull(a.pBlock) }
      : null,
  };
}

/**
 * Simulates the scenario at every combination of the parameters' values (a grid of one or two
 * parameters, first outermost) with the same seed at every point, so that arrivals and
 * service times are common random numbers across points (streams are named by queue), and
 * reports per queue W, Wq, the p99 wait, utilization and P(refused) with 95% intervals beside
 * the analytic figures. A queue that is unstable at a point is reported as unstable, not as a
 * number. Uses the scenario's run settings unless `options` override them.
 */
export function runSweep(scenario: Scenario, params: { path: string; values: SweepValue[] }[], options: SweepOptions = {}): SweepResult {
  const prepared = sweepScenarios(scenario, params, options);
  const first = prepared[0]!.scenario;
  const points = prepared.map(({ values, scenario: s, notes }): SweepPoint => {
    const point = simulatePoint(s);
    const analytic = analyzeScenario(s);
    const queues = Object.fromEntries(s.queues.map((q) => [q.id, queueFigures(point, q.id, analytic.queues[q.id])]));
    return { values, queues, stopped: point.result.stopped?.reason ?? null, notes };
  });
  const r = first.run;
  return {
    scenario: scenario.name,
    seed: first.seed,
    params: params.map((p) => ({ path: p.path, values: p.values })),
    run: { ...(r.duration !== undefined ? { duration: r.duration } : { messages: r.messages ?? 0 }), replications: r.replications },
    points,
  };
}
