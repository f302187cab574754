import { estimateLive, type BrokerOverheads, type LiveEstimate, type LiveFigure, type LiveSample } from "../../live/index.ts";

/** One point of the live charts: figures at a reading, each null when unknown (never NaN). */
export interface LivePoint {
  /** Seconds since the first reading of this session. */
  t: number;
  /** Arrival and ack rates (msg/s) over the window ending here, with their 95% half-widths. */
  lambda: number | null;
  lambdaCi: number | null;
  throughput: number | null;
  /** Ready and unacked at this reading. */
  ready: number | null;
  unacked: number | null;
  /** Mean wait in the broker (s) over the window, by Little's law (Lq / lambda), with its half-width. */
  Wq: number | null;
  WqCi: number | null;
  /** Mean time in the broker (s) over the window, by Little's law (L / lambda), with its half-width. */
  W: number | null;
  WCi: number | null;
}

/** The readings kept for one source: the last `keepS` seconds of samples, one point per reading. */
export interface LiveHistory {
  samples: LiveSample[];
  points: LivePoint[];
  /** Time (ms, the source's clock) of the first good reading; null before one. */
  originMs: number | null;
  /** The estimate over the window at the last good reading, or null. */
  estimate: LiveEstimate | null;
  resets: number;
}

export const emptyHistory: LiveHistory = { samples: [], points: [], originMs: null, estimate: null, resets: 0 };

/** Most points kept for the charts (20 minutes at one reading every 2 s). */
export const maxPoints = 600;

/** A finite number or null: what the page may show. */
export function finiteOrNull(x: number | null | undefined): number | null {
  return typeof x === "number" && Number.isFinite(x) ? x : null;
}

const valueOf = (f: LiveFigure) => finiteOrNull(f.value);
const ciOf = (f: LiveFigure) => (valueOf(f) === null ? null : finiteOrNull(f.ci95));

/**
 * Adds a reading: failed readings are kept for the estimator (it counts and skips them) but
 * add no point; good ones add a point with the estimate over the last `windowS` seconds (with
 * the user's broker `overheads`, seconds, default none). Samples older than the window are
 * dropped, so memory stays bounded however long it runs. Pure.
 */
export function addSample(h: LiveHistory, sample: LiveSample, windowS: number, overheads?: BrokerOverheads): LiveHistory {
  const cutoff = sample.t - windowS * 1000 * 1.5;
  const samples = [...h.samples.filter((s) => s.t >= cutoff), sample];
  if (sample.error) return { ...h, samples };
  const originMs = h.originMs ?? sample.t;
  const e = estimateLive(samples, { windowS, ...(overheads ? { overheads } : {}) });
  const point: LivePoint = {
    t: (sample.t - originMs) / 1000,
    lambda: valueOf(e.lambda),
    lambdaCi: ciOf(e.lambda),
    throughput: valueOf(e.throughput),
    ready: finiteOrNull(sample.gauges.ready),
    unacked: finiteOrNull(sample.gauges.unacked),
    Wq: valueOf(e.Wq),
    WqCi: ciOf(e.Wq),
    W: valueOf(e.W),
    WCi: ciOf(e.W),
  };
  const points = [...h.points, point];
  if (points.length > maxPoints) points.splice(0, points.length - maxPoints);
  return { samples, points, originMs, estimate: e, resets: h.resets + (e.resets > 0 && e.resets > (h.estimate?.resets ?? 0) ? 1 : 0) };
}

/**
 * The history with its current estimate redone under other broker `overheads` (seconds), so a
 * changed setting shows at once rather than at the next reading; the points (rates, depths and
 * waits, which the overheads do not change) stay. Pure.
 */
export function reestimate(h: LiveHistory, windowS: number, overheads: BrokerOverheads): LiveHistory {
  if (!h.estimate) return h;
  const last = h.samples.findLast((s) => !s.error);
  if (!last) return h;
  const samples = h.samples.filter((s) => s.t <= last.t);
  return { ...h, estimate: estimateLive(samples, { windowS, overheads }) };
}
