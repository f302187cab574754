/**
 * A scenario in words: what arrives, how long service takes, how the queue is configured.
 * Plain text; each renderer escapes it for its own format.
 */
import type { ArrivalSpec, DistributionSpec, IntegerDistributionSpec, QueueSpec } from "../scenario/types.ts";
import { formatNumber, formatSeconds } from "./format.ts";

const t = formatSeconds;
const n = formatNumber;

/** A service, inter-arrival or TTL distribution in words, times with units. */
export function describeDistribution(d: DistributionSpec): string {
  switch (d.dist) {
    case "exponential":
      return `exponential, mean ${t(d.mean ?? 1 / d.rate!)}`;
    case "deterministic":
      return `always ${t(d.value)}`;
    case "uniform":
      return `uniform from ${t(d.min)} to ${t(d.max)}`;
    case "erlang":
      return `Erlang-${d.k}, mean ${t(d.mean)}`;
    case "gamma":
      return d.mean !== undefined ? `gamma, mean ${t(d.mean)}, cv ${n(d.cv!)}` : `gamma, shape ${n(d.shape!)}, scale ${t(d.scale!)}`;
    case "lognormal":
      return d.mean !== undefined ? `lognormal, mean ${t(d.mean)}, cv ${n(d.cv!)}` : `lognormal, mu ${n(d.mu!)}, sigma ${n(d.sigma!)} (of ln seconds)`;
    case "weibull":
      return `Weibull, shape ${n(d.shape)}, scale ${t(d.scale)}`;
    case "hyperexponential":
      return `hyperexponential, mean ${t(d.mean)}, cv ${n(d.cv)}`;
    case "pareto":
      return `Pareto, shape ${n(d.shape)}, ${d.scale !== undefined ? `scale ${t(d.scale)}` : `mean ${t(d.mean!)}`}`;
    case "empirical":
      return `empirical, resampled from ${d.samples.length} samples (mean ${t(d.samples.reduce((a, b) => a + b, 0) / Math.max(1, d.samples.length))})`;
  }
}

/** A batch-size distribution in words. */
export function describeIntegerDistribution(d: IntegerDistributionSpec): string {
  switch (d.dist) {
    case "geometric":
      return `geometric, mean ${n(d.mean)}`;
    case "deterministic":
      return `always ${n(d.value)}`;
    case "empirical":
      return `empirical, ${d.samples.length} samples`;
  }
}

/** An arrival process in words, rates in messages per second. */
export function describeArrival(a: ArrivalSpec | undefined): string {
  if (!a) return "no outside arrivals (fed by routes or dead letters only)";
  switch (a.process) {
    case "poisson":
      return a.rate === 0 ? "no outside arrivals (Poisson rate 0)" : `Poisson, ${n(a.rate)} msg/s`;
    case "renewal":
      return `renewal, inter-arrival ${describeDistribution(a.interarrival)}`;
    case "batch":
      return `Poisson batches, ${n(a.rate)} batches/s, batch size ${describeIntegerDistribution(a.size)}`;
    case "mmpp":
      return `Markov-modulated Poisson, ${a.states.length} states at ${a.states.map((s) => n(s.rate)).join(", ")} msg/s`;
    case "profile": {
      const steps = a.steps.map((s) => `${n(s.rate)} msg/s from ${t(s.from)}`).join(", ");
      return `rate profile: ${steps}${a.period !== undefined ? `, repeating every ${t(a.period)}` : ""}`;
    }
    case "trace":
      return a.times ? `trace of ${a.times.length} recorded arrivals` : `trace from file ${a.file ?? ""}`;
  }
}

/** One fact about a queue: a label and its value in words. */
export interface QueueFact {
  label: string;
  text: string;
}

function capacityText(q: QueueSpec): string {
  if (q.capacity === null) return "unbounded";
  const overflow = q.overflow === "reject-publish" ? "further publishes are refused" : "the oldest ready message is dead-lettered (drop-head)";
  return `at most ${q.capacity} ready messages, then ${overflow}`;
}

/** The facts of a queue, in the order a reader needs them; optional features only when set. */
export function describeQueue(q: QueueSpec): QueueFact[] {
  const facts: QueueFact[] = [
    { label: "arrivals", text: describeArrival(q.arrival) },
    { label: "service", text: describeDistribution(q.service) },
    { label: "consumers", text: q.consumers === "unlimited" ? "unlimited (every message starts service at once)" : String(q.consumers) },
    { label: "prefetch", text: q.prefetch === 0 ? "unlimited" : String(q.prefetch) },
    { label: "capacity", text: capacityText(q) },
    { label: "order", text: q.discipline },
  ];
  if (q.priorities?.length) {
    const classes = q.priorities.map((c) => `${c.class} (priority ${c.priority}, ${n(c.share * 100)}% of arrivals${c.service ? `, service ${describeDistribution(c.service)}` : ""})`);
    facts.push({ label: "classes", text: `${classes.join("; ")}${q.preemptive ? "; preemptive-resume" : ""}` });
  }
  if (q.ttl !== undefined) facts.push({ label: "TTL", text: typeof q.ttl === "number" ? t(q.ttl) : describeDistribution(q.ttl) });
  if (q.failure) {
    const f = q.failure;
    const then = f.requeue ? "requeued to the head" : "dead-lettered";
    facts.push({ label: "failures", text: `${n(f.probability * 100)}% of deliveries are nacked and ${then}${f.maxDeliveries !== undefined ? `; dead-lettered after ${f.maxDeliveries} deliveries` : ""}` });
  }
  if (q.deadLetter !== undefined) facts.push({ label: "dead letters", text: `to ${q.deadLetter}` });
  if (q.routes?.length) {
    const left = 1 - q.routes.reduce((s, r) => s + r.probability, 0);
    const routes = q.routes.map((r) => `${n(r.probability * 100)}% to ${r.to}`);
    facts.push({ label: "routes", text: `${routes.join(", ")}${left > 1e-12 ? `; ${n(left * 100)}% leave` : ""}` });
  }
  if (q.fanout?.length) facts.push({ label: "fanout", text: `a copy to each of ${q.fanout.join(", ")}` });
  return facts;
}
