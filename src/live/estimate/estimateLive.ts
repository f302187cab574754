import type { LiveSample } from "../types.ts";
import { counterRate } from "./counterRate.ts";
import { difference, figure, given, ratio, sum, unavailable, type LiveFigure } from "./figure.ts";
import { gaugeMean, gaugePoints, integralMean } from "./gaugeMean.ts";
import { brokerOverheads, type BrokerOverheads } from "./overheads.ts";
import { sampleWindow } from "./window.ts";

/** Options of {@link estimateLive}: the window and what the user knows better than the broker. */
export interface EstimateOptions {
  /** Use only the last `windowS` seconds of samples; default all. */
  windowS?: number;
  /** Consumers, when the source cannot tell (NATS pull consumers) or to override it. */
  consumers?: number;
  /** Prefetch per consumer, when the source cannot tell or to override it (0 = unlimited). */
  prefetch?: number;
  /** Broker overheads (seconds); default none. */
  overheads?: Partial<BrokerOverheads>;
}

/** What a window of samples says about a queue (the `observed` block of `live --json`). */
export interface LiveEstimate {
  /** Seconds between the first and last sample used. */
  windowS: number;
  /** Samples used, and failed readings dropped. */
  samples: number;
  failed: number;
  /** Counter resets seen; the window restarted after the last. */
  resets: number;
  /** Arrival rate (msg/s) from the publish counter. */
  lambda: LiveFigure;
  /** Ack rate (msg/s); deliveries when nothing is acked (auto-ack). */
  throughput: LiveFigure;
  /** Publish rate minus ack rate (msg/s): > 0 means the backlog grows. */
  backlogGrowth: LiveFigure;
  consumers: LiveFigure;
  prefetch: LiveFigure;
  /** Mean time a message is held unacked (s), with prefetch 1: unacked / throughput (Little). */
  holdingS: LiveFigure;
  /** Service rate per consumer (msg/s): 1 / (holding + ackToNextDeliver), or throughput / consumers when saturated. */
  mu: LiveFigure;
  /** Offered load per consumer, lambda / (c mu). */
  rho: LiveFigure;
  /** Time-average ready messages (waiting in the broker). */
  Lq: LiveFigure;
  /** Time-average ready + unacked messages. */
  L: LiveFigure;
  /** Mean wait and sojourn (s) by Little's law, Lq / lambda and L / lambda. */
  Wq: LiveFigure;
  W: LiveFigure;
  /**
   * True when Lq and Wq count ready messages only while messages also wait unseen in the
   * consumers' prefetch windows (prefetch not 1, or unknown): Wq then understates the wait, and
   * W (which counts unacked messages too) is the figure to compare with a model.
   */
  waitReadyOnly: boolean;
  /** Age of the oldest waiting message (s) at the last reading, where the broker reports it. */
  oldestAgeS: LiveFigure;
  /** Mean of RabbitMQ's consumer_utilisation, where reported. */
  consumerUtilisation: LiveFigure;
  overheads: BrokerOverheads;
  /** Caveats, one line each (resets, staleness, why a figure is missing). */
  notes: string[];
}

function meanOf(samples: LiveSample[], name: "ready" | "unacked"): LiveFigure {
  return integralMean(samples, name === "ready" ? "readyS" : "unackedS") ?? gaugeMean(samples, name);
}

function prefetchFigure(samples: LiveSample[], override: number | undefined): LiveFigure {
  if (override !== undefined) return given(override);
  const values = gaugePoints(samples, "prefetch").map((p) => p.v);
  if (values.length === 0) return unavailable("the source does not report the consumers' prefetch: give it");
  const last = values[values.length - 1]!;
  return { ...given(last, "reported by the broker"), n: values.length };
}

/** The consumers at the latest reading (a setting, not a fluctuation), noting a change in the window. */
function consumersFigure(samples: LiveSample[], notes: string[]): LiveFigure {
  const values = gaugePoints(samples, "consumers").map((p) => p.v);
  if (values.length === 0) return unavailable("the source does not report the consumers: give their number");
  const last = values[values.length - 1]!;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (lo !== hi) notes.push(`consumers changed during the window (${lo} to ${hi}); the latest reading, ${last}, is used`);
  return { ...given(last, "latest reading"), n: values.length };
}

/** Per-consumer service rate; null with the reason when the prefetch hides the service time. */
function serviceRate(x: LiveFigure, unacked: LiveFigure, consumers: LiveFigure, prefetch: LiveFigure, samples: LiveSample[], ov: BrokerOverheads): { holding: LiveFigure; mu: LiveFigure } {
  const p = prefetch.value;
  if (p === 1) {
    const holding = ratio(unacked, x, "mean unacked / throughput (Little's law, prefetch 1)");
    if (holding.value === null || !(holding.value > 0)) return { holding, mu: unavailable(holding.reason ?? "no message was held unacked in the window") };
    const cycle = { ...figure(holding.value + ov.ackToNextDeliverS, holding.se, holding.windowS, holding.n), ...(holding.reason ? { reason: holding.reason } : {}) };
    return { holding, mu: ratio(given(1), cycle, "1 / (holding + ackToNextDeliver)") };
  }
  const ready = gaugePoints(samples, "ready");
  const saturated = ready.length >= 3 && ready.every((r) => r.v > 0);
  const why = p === null ? "the prefetch is unknown" : `prefetch is ${p === 0 ? "unlimited" : p}: unacked messages include ones buffered at the consumers, so the service time is not observable`;
  if (saturated && consumers.value !== null && consumers.value > 0) {
    const mu = ratio(x, consumers, "throughput / consumers (saturated: ready > 0 at every reading)");
    return { holding: unavailable(why), mu };
  }
  return { holding: unavailable(why), mu: unavailable(`${why}; give the service time, or measure with prefetch 1 or under a backlog`) };
}

function notesOf(samples: LiveSample[], resets: number, lastResetAt: number | undefined): string[] {
  const notes = new Set<string>();
  if (resets > 0) notes.add(`counters went down ${resets} time${resets > 1 ? "s" : ""} (broker or queue restart): the window restarts at ${new Date(lastResetAt!).toISOString()}`);
  for (const n of samples[samples.length - 1]?.notes ?? []) notes.add(n);
  return [...notes];
}

/**
 * Estimates a queue's queueing figures from a window of samples: lambda and throughput from
 * counter increases (on the broker's clock where it stamps them), Lq and L as time averages of
 * the ready and unacked gauges, mu per consumer from Little's law on the unacked messages when
 * the prefetch is 1 (or from the throughput when the consumers are saturated), rho, and Wq and W
 * by Little's law. Every figure carries its window and uncertainty, or null and the reason.
 * Counter resets restart the window, so no rate is negative. Pure; never throws for any input
 * except invalid `options.overheads` (RangeError).
 */
export function estimateLive(samples: readonly LiveSample[], options: EstimateOptions = {}): LiveEstimate {
  const overheads = brokerOverheads(options.overheads);
  const win = sampleWindow(samples, options.windowS);
  const s = win.samples;
  const windowS = s.length > 1 ? (s[s.length - 1]!.t - s[0]!.t) / 1000 : 0;
  const notes = notesOf(s, win.resets, win.lastResetAt);
  const lambda = counterRate(s, "published");
  let throughput = counterRate(s, "acked");
  const deliveries = counterRate(s, "delivered");
  if ((throughput.value === null || throughput.n === 0) && deliveries.value !== null && deliveries.n > 0) {
    throughput = { ...deliveries, method: "delivery rate (no acks counted: auto-ack?)" };
  }
  const consumers = options.consumers !== undefined ? given(options.consumers) : consumersFigure(s, notes);
  const prefetch = prefetchFigure(s, options.prefetch);
  const Lq = meanOf(s, "ready");
  const unacked = meanOf(s, "unacked");
  const L = sum(Lq, unacked, "ready + unacked (se: sum of both, an upper bound)");
  const { holding, mu } = serviceRate(throughput, unacked, consumers, prefetch, s, overheads);
  const capacity = consumers.value !== null && mu.value !== null ? figure(consumers.value * mu.value, mu.se === null ? null : consumers.value * mu.se, mu.windowS, mu.n) : unavailable(mu.reason ?? consumers.reason ?? "unknown");
  const rho = ratio(lambda, capacity, "lambda / (consumers x mu)");
  const backlogGrowth = difference(lambda, throughput, "lambda - throughput");
  const g = backlogGrowth;
  if (g.value !== null && g.se !== null && lambda.value && g.value > 3 * g.se && g.value > 0.01 * lambda.value) {
    notes.push(`the backlog grows by about ${g.value.toPrecision(3)} msg/s: Wq and W are not steady-state figures`);
  }
  const Wq = ratio(Lq, lambda, "Lq / lambda (Little's law)");
  const waitReadyOnly = prefetch.value !== 1;
  if (waitReadyOnly && Wq.value !== null) {
    // With a window over 1, messages delivered but not yet started wait in the consumers' buffers,
    // counted as unacked: ready alone misses that wait (it reads 0 while every consumer has a backlog).
    const p = prefetch.value;
    const caveat = `Lq and Wq count ready messages only: with ${p === null ? "an unknown prefetch" : p === 0 ? "unlimited prefetch" : `prefetch ${p}`}, messages also wait in the consumers' windows (counted as unacked), so they understate the wait; W = L / lambda includes it`;
    notes.push(caveat);
    Wq.reason = Wq.reason === undefined ? caveat : `${Wq.reason}; ${caveat}`;
  }
  const last = s[s.length - 1];
  return {
    windowS, samples: s.length, failed: win.failed, resets: win.resets,
    lambda, throughput, backlogGrowth, consumers, prefetch, holdingS: holding, mu, rho, Lq, L,
    Wq,
    W: ratio(L, lambda, "L / lambda (Little's law)"),
    waitReadyOnly,
    oldestAgeS: last?.oldestAgeS !== undefined ? { ...given(last.oldestAgeS, "at the last reading"), se: null, ci95: null } : unavailable("the broker does not report the oldest message's age here"),
    consumerUtilisation: gaugeMean(s, "consumerUtilisation"),
    overheads, notes,
  };
}
