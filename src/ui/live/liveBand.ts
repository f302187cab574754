import type { LiveEstimate } from "../../live/index.ts";
import { formatNumber } from "../../report/format.ts";
import { finiteOrNull } from "./liveHistory.ts";
import type { LivePrediction } from "./livePrediction.ts";

/** A band [lo, hi] around a prediction; lo is never below 0. */
export interface Band {
  mid: number;
  lo: number;
  hi: number;
}

const z95 = 1.959963984540054;

/**
 * Where a rate measured over `windowS` seconds falls 95% of the time if arrivals are Poisson at
 * `ratePerS`: the count has variance equal to its mean, so the rate's standard error is
 * sqrt(rate / window) (any text on the Poisson process, e.g. Ross, Introduction to Probability
 * Models, 5.3). Null without a positive window or a finite rate.
 */
export function rateBand(ratePerS: number | null, windowS: number): Band | null {
  if (ratePerS === null || !Number.isFinite(ratePerS) || !(ratePerS >= 0) || !(windowS > 0)) return null;
  const half = z95 * Math.sqrt(ratePerS / windowS);
  return { mid: ratePerS, lo: Math.max(0, ratePerS - half), hi: ratePerS + half };
}

/**
 * A band around a predicted mean (queue length, wait) as wide as the 95% half-width of the
 * observed estimate over the same window: how far the readings may stray by chance alone if
 * the model is right. Without that half-width, the band is the prediction alone.
 */
export function meanBand(predicted: number | null, observedCi: number | null): Band | null {
  if (predicted === null || !Number.isFinite(predicted)) return null;
  const half = observedCi !== null && Number.isFinite(observedCi) && observedCi > 0 ? observedCi : 0;
  return { mid: predicted, lo: Math.max(0, predicted - half), hi: predicted + half };
}

/** Whether `value` lies outside `band` (false when either is unknown). */
export function isOutside(value: number | null, band: Band | null): boolean {
  return value !== null && band !== null && (value < band.lo || value > band.hi);
}

/** Which wait the page compares with the model, the observed value and the predicted band. */
export interface WaitComparison {
  /** "Wq" (wait before delivery), or "W" (time in the broker) when the estimate's Wq is ready-only. */
  figure: "Wq" | "W";
  /** Observed mean (s) over the window, or null. */
  observed: number | null;
  /** The predicted mean with the observed 95% half-width around it, or null. */
  band: Band | null;
  /** Why W is compared instead of Wq (a clause, no full stop), or null when Wq is. */
  why: string | null;
}

function prefetchText(e: LiveEstimate): string {
  const p = finiteOrNull(e.prefetch.value);
  return p === null ? "an unknown prefetch" : p === 0 ? "unlimited prefetch" : `prefetch ${formatNumber(p, 6)}`;
}

/**
 * The wait to compare with the model: Wq, unless the estimate counts it from ready messages only
 * (`waitReadyOnly`: with a prefetch over 1 messages also wait in the consumers' windows, where
 * the ready gauge does not see them); then W = L / lambda, which counts them, against the
 * predicted W. Pure.
 */
export function waitComparison(e: LiveEstimate | null, p: LivePrediction | null): WaitComparison {
  if (e?.waitReadyOnly) {
    return {
      figure: "W",
      observed: finiteOrNull(e.W.value),
      band: meanBand(p?.W ?? null, finiteOrNull(e.W.ci95)),
      why: `with ${prefetchText(e)}, messages also wait in the consumers' windows, which the ready count (and so Wq) does not see`,
    };
  }
  return { figure: "Wq", observed: finiteOrNull(e?.Wq.value), band: meanBand(p?.Wq ?? null, finiteOrNull(e?.Wq.ci95)), why: null };
}

/** One warning line, with a stable key for tests and styling. */
export interface LiveWarning {
  key: "rho" | "unstable" | "backlog" | "lambda" | "throughput" | "Wq" | "W";
  text: string;
}

/** rho at or above this is "approaching 1": waits grow as 1 / (1 - rho). */
export const rhoWarning = 0.9;

const rate = (x: number) => `${formatNumber(x, 3)} msg/s`;
const span = (b: Band, f: (x: number) => string) => `${f(b.lo)} to ${f(b.hi)}`;

/**
 * What the page warns about, from the estimate over the window and the prediction: rho near or
 * above 1 (observed or predicted), a backlog growing beyond chance, and observed figures outside
 * the predicted band (the wait as {@link waitComparison} picks it). Pure; empty when all is well
 * or nothing is known yet.
 */
export function liveWarnings(e: LiveEstimate | null, p: LivePrediction | null): LiveWarning[] {
  const out: LiveWarning[] = [];
  if (!e) return out;
  const rho = finiteOrNull(e.rho.value);
  if (rho !== null && rho >= 1) out.push({ key: "unstable", text: `Observed rho = ${formatNumber(rho, 3)} ≥ 1: arrivals outpace the consumers and the backlog grows without bound.` });
  else if (rho !== null && rho >= rhoWarning) out.push({ key: "rho", text: `Observed rho = ${formatNumber(rho, 3)} is approaching 1: waits grow as 1/(1 − rho), and a little more traffic makes the queue unstable.` });
  else if (p?.unstable) out.push({ key: "unstable", text: "The model predicts an unstable queue (rho ≥ 1): its backlog would grow without bound." });
  else if (p?.rho !== null && p?.rho !== undefined && p.rho >= rhoWarning) out.push({ key: "rho", text: `The model's rho = ${formatNumber(p.rho, 3)} is approaching 1.` });
  const growth = finiteOrNull(e.backlogGrowth.value);
  const growthCi = finiteOrNull(e.backlogGrowth.ci95);
  if (growth !== null && growthCi !== null && growth - growthCi > 0) out.push({ key: "backlog", text: `The backlog grows by ${rate(growth)} (± ${formatNumber(growthCi, 2)}): more arrives than is acked.` });
  if (!p) return out;
  const lambda = finiteOrNull(e.lambda.value);
  const lambdaBand = rateBand(p.lambda, e.lambda.windowS);
  if (isOutside(lambda, lambdaBand)) out.push({ key: "lambda", text: `Observed arrival rate ${rate(lambda!)} is outside the predicted band ${span(lambdaBand!, rate)}.` });
  const x = finiteOrNull(e.throughput.value);
  const xBand = rateBand(p.throughput, e.throughput.windowS);
  if (isOutside(x, xBand)) out.push({ key: "throughput", text: `Observed ack rate ${rate(x!)} is outside the predicted band ${span(xBand!, rate)}.` });
  const w = waitComparison(e, p);
  const ms = (s: number) => `${formatNumber(s * 1000, 3)} ms`;
  if (w.band && w.band.hi > w.band.lo && isOutside(w.observed, w.band)) {
    const what = w.figure === "W" ? "time in the broker W" : "wait";
    out.push({ key: w.figure, text: `Observed mean ${what} ${ms(w.observed!)} is outside the predicted band ${span(w.band, ms)}${w.why ? ` (W rather than Wq: ${w.why})` : ""}.` });
  }
  return out;
}
