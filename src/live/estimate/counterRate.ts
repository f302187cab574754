import type { LiveCounters, LiveSample } from "../types.ts";
import { figure, unavailable, type LiveFigure } from "./figure.ts";

/** (time ms, value) readings of one counter, one per broker refresh. */
export function counterPoints(samples: readonly LiveSample[], name: keyof LiveCounters): { at: number; v: number }[] {
  const points: { at: number; v: number }[] = [];
  for (const s of samples) {
    const v = s.counters[name];
    if (v === undefined || !Number.isFinite(v)) continue;
    const at = s.countersAt ?? s.t;
    const last = points[points.length - 1];
    // A repeated broker stamp is the same refresh read again.
    if (last && at <= last.at) continue;
    points.push({ at, v });
  }
  return points;
}

/**
 * Dispersion-based standard error of a rate from its increments over k intervals:
 * s^2 = sum (dN_j - r dt_j)^2 / dt_j / (k - 1) estimates r times the index of dispersion, and
 * se = sqrt(s^2 / T). Equals the Poisson error sqrt(N)/T on average for a Poisson process;
 * larger for bursty arrivals (batches, MMPP).
 */
function dispersionSe(points: { at: number; v: number }[], rate: number, spanS: number): number | null {
  const k = points.length - 1;
  if (k < 5) return null;
  let s2 = 0;
  for (let j = 1; j <= k; j++) {
    const dt = (points[j]!.at - points[j - 1]!.at) / 1000;
    s2 += (points[j]!.v - points[j - 1]!.v - rate * dt) ** 2 / dt;
  }
  return Math.sqrt(s2 / (k - 1) / spanS);
}

/**
 * The rate (per second) of a cumulative counter over the window: its increase between the
 * first and last readings over the time between them, on the broker's clock when the
 * readings carry one (`countersAt`). Standard error: the larger of the Poisson count error
 * sqrt(N)/T and the dispersion of the increments (with 6 readings or more). Null with a reason
 * when fewer than two readings cover a positive time. The window must be reset-free
 * (`sampleWindow`).
 */
export function counterRate(samples: readonly LiveSample[], name: keyof LiveCounters): LiveFigure {
  const points = counterPoints(samples, name);
  if (points.length < 2) return unavailable(points.length === 0 ? `no ${name} counter in the readings` : `one ${name} reading so far: a rate needs two`);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const spanS = (last.at - first.at) / 1000;
  const n = Math.max(0, last.v - first.v);
  const rate = n / spanS;
  const poisson = Math.sqrt(Math.max(n, 1)) / spanS;
  const dispersion = dispersionSe(points, rate, spanS);
  const se = dispersion === null ? poisson : Math.max(poisson, dispersion);
  return figure(rate, se, spanS, n, `counter increase over ${points.length} readings`);
}
