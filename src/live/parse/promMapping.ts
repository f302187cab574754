import { liveError, type LiveCounters, type LiveGauges, type LiveResult, type LiveSample } from "../types.ts";
import { accumulateCounter, type CounterState } from "./counterState.ts";
import { canonicalName, labelsMatch, parsePrometheusText, type PromScrape } from "./prometheusText.ts";

/** A metric name with the labels a series must carry, as written `name{label="value",...}`. */
export interface MetricSelector {
  metric: string;
  labels: Record<string, string>;
}

/** Counter names a mapping may fill. */
export const mappedCounters = ["published", "delivered", "acked", "redelivered", "expired", "deadLettered", "dropped"] as const;
/** Gauge names a mapping may fill. */
export const mappedGauges = ["ready", "unacked", "consumers", "prefetch", "consumerUtilisation", "waitingPulls"] as const;

/** Which metric gives which figure; matching series are summed. */
export type PromMapping = Partial<Record<keyof LiveCounters | keyof LiveGauges, MetricSelector>>;

/** State carried between scrapes: the counters' running totals. */
export type MappedPromState = Partial<Record<keyof LiveCounters, CounterState>>;

/**
 * Parses a selector `name{label="value",...}` (the labels optional), reusing the exposition
 * parser so quoting rules are the same. Returns `badRequest` naming the text when it is not one.
 */
export function parseSelector(text: string): LiveResult<MetricSelector> {
  const parsed = typeof text === "string" && text.length <= 500 ? parsePrometheusText(`${text.trim()} 0`) : undefined;
  const s = parsed?.ok && parsed.value.badLines === 0 && parsed.value.series.length === 1 ? parsed.value.series[0] : undefined;
  if (!s) return liveError("badRequest", `invalid metric selector ${JSON.stringify(String(text).slice(0, 80))}: expected name{label="value",...}`);
  return { ok: true, value: { metric: s.name, labels: s.labels } };
}

/** Checks that every key of `mapping` is a known figure and at least one counter or gauge is mapped. */
export function validateMapping(mapping: Record<string, unknown>): LiveResult<PromMapping> {
  const known: readonly string[] = [...mappedCounters, ...mappedGauges];
  const out: PromMapping = {};
  for (const [key, value] of Object.entries(mapping)) {
    if (!known.includes(key)) return liveError("badRequest", `unknown mapped figure ${JSON.stringify(key)} (one of ${known.join(", ")})`);
    const sel = typeof value === "string" ? parseSelector(value) : undefined;
    const v = value as Partial<MetricSelector> | undefined;
    const selector = sel?.ok ? sel.value : typeof v?.metric === "string" ? { metric: v.metric, labels: { ...(v.labels ?? {}) } } : undefined;
    if (!selector) return sel && !sel.ok ? sel : liveError("badRequest", `mapping.${key}: expected a selector`);
    out[key as keyof PromMapping] = selector;
  }
  if (Object.keys(out).length === 0) return liveError("badRequest", "the metric mapping is empty: map at least published or acked");
  return { ok: true, value: out };
}

/**
 * Reads a queue from any Prometheus scrape with a user-given mapping: each mapped counter is
 * the sum of its matching series, accumulated across scrapes (series that come and go are no
 * resets); each gauge is the sum of its series now. Returns `notFound` when no mapped metric
 * matches any series. Pure; never throws.
 */
export function readMappedPrometheus(scrape: PromScrape, mapping: PromMapping, prev: MappedPromState | undefined, nowMs: number): LiveResult<{ sample: LiveSample; state: MappedPromState }> {
  const notes: string[] = [];
  const counters: LiveCounters = {};
  const gauges: LiveGauges = {};
  const state: MappedPromState = {};
  let matched = 0;
  for (const [key, sel] of Object.entries(mapping) as [keyof PromMapping, MetricSelector][]) {
    const series = scrape.series.filter((s) => canonicalName(s.name) === canonicalName(sel.metric) && labelsMatch(s.labels, sel.labels));
    if (series.length === 0) {
      notes.push(`no series matches ${sel.metric} for ${key}`);
      continue;
    }
    matched++;
    if ((mappedCounters as readonly string[]).includes(key)) {
      const k = key as keyof LiveCounters;
      state[k] = accumulateCounter(prev?.[k], series);
      counters[k] = state[k].total;
    } else {
      const sum = series.reduce((a, s) => a + (Number.isFinite(s.value) ? s.value : 0), 0);
      gauges[key as keyof LiveGauges] = sum;
    }
  }
  if (matched === 0) return liveError("notFound", "no series in the scrape matches the metric mapping");
  return { ok: true, value: { sample: { t: nowMs, countersAt: nowMs, counters, gauges, notes }, state } };
}
