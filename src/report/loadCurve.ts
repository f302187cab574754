/**
 * The utilization curve of a queue: analytic mean time in system (W) and 99th-percentile wait
 * against the offered load per consumer rho, for the queue's own consumers and service, by
 * scaling its arrival rate (the "hockey stick").
 */
import { analyzeStation, type StationInput } from "../analytic/index.ts";
import { analyticFigure } from "./figures.ts";
import { stationRho } from "./stations.ts";

/** Figures at one offered load; a figure the model does not give (or gives as unbounded) is absent. */
export interface LoadCurvePoint {
  rho: number;
  /** Mean time in system, s. */
  W?: number;
  /** 99th percentile of the wait, s. */
  p99Wait?: number;
}

/** The curve of one queue, and where the scenario sits on it. */
export interface LoadCurve {
  /** The scenario's offered load per consumer. */
  rho: number;
  /** Right end of the load axis: 1 when the queue has no capacity or TTL to shed load, more otherwise. */
  rhoMax: number;
  points: LoadCurvePoint[];
}

/**
 * The analytic curve of a station from rho near 0 to `rhoMax` (`steps` points). Null for
 * unlimited consumers (no rho) or when the model gives neither W nor the p99 wait anywhere.
 */
export function loadCurve(input: StationInput, steps = 48): LoadCurve | null {
  const rho = stationRho(input);
  if (rho === undefined || !Number.isFinite(rho) || input.servers === "unlimited") return null;
  const servers = input.servers;
  const sheds = input.capacity !== null || input.patienceRate !== undefined;
  const rhoMax = sheds ? Math.max(1.5, Math.ceil(rho * 12) / 10) : 1;
  const top = sheds ? rhoMax : 0.98;
  const points = Array.from({ length: steps }, (_, i): LoadCurvePoint => {
    const at = 0.02 + ((top - 0.02) * i) / (steps - 1);
    const point: LoadCurvePoint = { rho: at };
    let a: Record<string, unknown> | null;
    try {
      a = analyzeStation({ ...input, lambda: (at * servers) / input.meanService }) as Record<string, unknown> | null;
    } catch {
      return point;
    }
    const W = analyticFigure(a, "W");
    const p99 = analyticFigure(a, "wait.p99");
    if (W !== undefined && Number.isFinite(W)) point.W = W;
    if (p99 !== undefined && Number.isFinite(p99)) point.p99Wait = p99;
    return point;
  });
  return points.some((p) => p.W !== undefined || p.p99Wait !== undefined) ? { rho, rhoMax, points } : null;
}
