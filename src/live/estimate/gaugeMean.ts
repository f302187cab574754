import { studentTQuantile } from "../../stats/index.ts";
import type { LiveGaugeName, LiveSample } from "../types.ts";
import { unavailable, type LiveFigure } from "./figure.ts";

/** Distinct readings of one gauge: a reading the broker stamps with an earlier refresh is not new. */
export function gaugePoints(samples: readonly LiveSample[], name: LiveGaugeName): { at: number; v: number }[] {
  const points: { at: number; v: number }[] = [];
  for (const s of samples) {
    const v = s.gauges[name];
    if (v === undefined || !Number.isFinite(v)) continue;
    const at = s.gaugesAt?.[name] ?? s.t;
    const last = points[points.length - 1];
    if (last && at <= last.at) continue;
    points.push({ at, v });
  }
  return points;
}

/** Trapezoid-style weights: each reading stands for half the time to each neighbour. */
function weights(at: number[]): number[] {
  const n = at.length;
  if (n === 1) return [1];
  return at.map((_, i) => ((at[Math.min(i + 1, n - 1)]! - at[Math.max(i - 1, 0)]!) / 2) || 1e-9);
}

/** Batch means over k contiguous groups: the weighted mean and the standard error of it. */
function batchMeans(values: number[], w: number[], k: number): { mean: number; se: number } {
  const size = values.length / k;
  const means: number[] = [];
  for (let b = 0; b < k; b++) {
    let sw = 0;
    let sx = 0;
    for (let i = Math.round(b * size); i < Math.round((b + 1) * size); i++) {
      sw += w[i]!;
      sx += w[i]! * values[i]!;
    }
    means.push(sx / sw);
  }
  const total = w.reduce((a, x) => a + x, 0);
  const mean = values.reduce((a, x, i) => a + x * w[i]!, 0) / total;
  const avg = means.reduce((a, x) => a + x, 0) / k;
  const s2 = means.reduce((a, x) => a + (x - avg) ** 2, 0) / (k - 1);
  const se = Math.max(Math.sqrt(s2 / k), ar1StandardError(values, w, mean));
  // Equal readings leave rounding residue (1e-17): that is no spread.
  return { mean, se: se <= 1e-12 * Math.abs(mean) ? 0 : se };
}

/**
 * The standard error of a weighted mean of correlated readings under a first-order
 * autoregressive model: the iid standard error times sqrt((1 + r) / (1 - r)), r the lag-1
 * autocorrelation of the readings (Law & Kelton, sec. 9.5.3; the variance of the mean of an AR(1)
 * process). Batch means alone assume batches long next to the queue's relaxation time, which a
 * window of seconds at high load is not.
 */
function ar1StandardError(values: number[], w: number[], mean: number): number {
  const n = values.length;
  if (n < 4) return 0;
  let c0 = 0;
  let c1 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    c0 += d * d;
    if (i > 0) c1 += d * (values[i - 1]! - mean);
  }
  if (!(c0 > 0)) return 0;
  // The lag-1 estimate is biased low in short series, E[r^] ~ r - (1 + 3r)/n (Marriott & Pope
  // 1954, Kendall 1954): corrected here, as a window of tens of readings is short.
  const raw = c1 / c0;
  const r = Math.min(0.98, Math.max(0, raw + (1 + 3 * raw) / n));
  const total = w.reduce((a, x) => a + x, 0);
  const sumW2 = w.reduce((a, x) => a + x * x, 0);
  // Weighted iid variance of the mean: sum w_i^2 var / (sum w_i)^2, var from the readings.
  const variance = c0 / (n - 1);
  return Math.sqrt((variance * sumW2) / (total * total) * ((1 + r) / (1 - r)));
}

/**
 * Time average of a gauge sampled at points (a broker's point snapshots of messages_ready or
 * unacked), with the standard error of batch means (Law & Kelton, Simulation Modeling and
 * Analysis, sec. 9.5.3): the distinct readings are split into k = min(10, n) contiguous
 * batches and the 95% half-width is t(0.975, k - 1) se. Readings at least 5 s apart (RabbitMQ's
 * refresh) are close to independent for queues whose relaxation time is seconds or less; a
 * slowly drifting queue shows as a wide interval. With fewer than 3 readings `se` is null.
 */
export function gaugeMean(samples: readonly LiveSample[], name: LiveGaugeName): LiveFigure {
  const points = gaugePoints(samples, name);
  const n = points.length;
  if (n === 0) return unavailable(`no ${name} readings`);
  const at = points.map((p) => p.at);
  const values = points.map((p) => p.v);
  const windowS = (at[n - 1]! - at[0]!) / 1000;
  const w = weights(at);
  const method = `time average of ${n} distinct readings`;
  if (n < 3) {
    const mean = values.reduce((a, x, i) => a + x * w[i]!, 0) / w.reduce((a, x) => a + x, 0);
    return { value: mean, se: null, ci95: null, windowS, n, method, reason: `only ${n} distinct reading${n === 1 ? "" : "s"}: uncertainty unknown (watch longer)` };
  }
  const k = Math.min(10, n);
  const { mean, se } = batchMeans(values, w, k);
  // A handful of equal readings says nothing about the spread: do not report it as certain.
  if (se === 0 && n < 10) return { value: mean, se: null, ci95: null, windowS, n, method, reason: `all ${n} readings were equal: too few to tell the spread (watch longer)` };
  return { value: mean, se, ci95: studentTQuantile(0.975, k - 1) * se, windowS, n, method: `${method}, ${k} batch means` };
}

/**
 * Time average from exact time-integrals (message-seconds) where the source keeps them: the
 * increase of the integral over the elapsed time, with batch means over the intervals between
 * readings for the standard error.
 */
export function integralMean(samples: readonly LiveSample[], which: "readyS" | "unackedS"): LiveFigure | undefined {
  const pts = samples.filter((s) => s.integrals).map((s) => ({ at: s.integrals!.at, a: s.integrals![which] }));
  if (pts.length < 2) return undefined;
  const windowS = (pts[pts.length - 1]!.at - pts[0]!.at) / 1000;
  if (!(windowS > 0)) return undefined;
  const mean = (pts[pts.length - 1]!.a - pts[0]!.a) / windowS;
  const values: number[] = [];
  const w: number[] = [];
  for (let i = 1; i < pts.length; i++) {
    const dt = (pts[i]!.at - pts[i - 1]!.at) / 1000;
    if (dt > 0) {
      values.push((pts[i]!.a - pts[i - 1]!.a) / dt);
      w.push(dt);
    }
  }
  const method = "exact time-integral";
  if (values.length < 3) return { value: mean, se: null, ci95: null, windowS, n: values.length, method, reason: "too few intervals for an uncertainty" };
  const k = Math.min(10, values.length);
  const { se } = batchMeans(values, w, k);
  return { value: mean, se, ci95: studentTQuantile(0.975, k - 1) * se, windowS, n: values.length, method: `${method}, ${k} batch means` };
}
