import type { Scenario } from "../scenario/types.ts";
import { analyzeScenario, compileScenario, offeredLoad, runScenario } from "../simulation/index.ts";
import { scaleLoad } from "../planner/index.ts";
import type { CurvePoint, SweepPoint } from "./protocol.ts";

/** Offered loads of the analytic curve: 0.05 to 0.98 per consumer. */
export const curveRhos: readonly number[] = Array.from({ length: 40 }, (_, i) => 0.05 + (0.93 * i) / 39);
/** Offered loads of the short simulations, and how long each one runs. */
export const sweepRhos: readonly number[] = [0.3, 0.5, 0.7, 0.85, 0.95];
export const sweepMessages = 20_000;
export const sweepReplications = 3;

/** The offered load per consumer of `queueId` (0 when it has no arrivals or unlimited consumers). */
export function queueRho(scenario: Scenario, queueId: string): number {
  const index = scenario.queues.findIndex((q) => q.id === queueId);
  const load = offeredLoad(scenario, compileScenario(scenario))[index];
  return load && Number.isFinite(load.rho) ? load.rho : 0;
}

/**
 * The analytic mean and p99 wait of `queueId` across offered loads, every outside arrival rate
 * scaled by the same factor so that queue reaches each load. Figures the model does not give
 * (or gives as unbounded) are left out.
 */
export function analyticCurve(scenario: Scenario, queueId: string, rho: number): CurvePoint[] {
  if (!(rho > 0)) return [];
  return curveRhos.map((target) => {
    const a = (analyzeScenario(scaleLoad(scenario, target / rho)).queues[queueId]?.analytic ?? null) as Record<string, unknown> | null;
    const point: CurvePoint = { rho: target };
    const meanWait = finiteField(a, "Wq");
    const p99 = finiteField(a?.wait as Record<string, unknown> | undefined, "p99");
    if (meanWait !== undefined) point.meanWaitS = meanWait;
    if (p99 !== undefined) point.p99WaitS = p99;
    return point;
  });
}

/**
 * A short simulation of the scenario scaled to offered load `target` at `queueId`, with the
 * scenario's seed (common random numbers across the points).
 */
export function sweepPoint(scenario: Scenario, queueId: string, rho: number, target: number): SweepPoint {
  const scaled = scaleLoad(scenario, target / rho);
  const messages = Math.min(scenario.run.messages ?? sweepMessages, sweepMessages);
  const short: Scenario = { ...scaled, run: { warmup: "auto", messages, replications: sweepReplications } };
  const q = runScenario(short).queues[queueId]!.simulated;
  return { rho: target, meanWaitS: q.Wq.mean, meanWaitCi95: q.Wq.ci95, p99WaitS: q.wait.p99, steady: q.steady };
}

function finiteField(o: Record<string, unknown> | null | undefined, key: string): number | undefined {
  const v = o?.[key];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}
