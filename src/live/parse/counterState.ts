import { seriesKey, type PromSeries } from "./prometheusText.ts";

/**
 * A cumulative counter summed over Prometheus series that come and go (RabbitMQ's per-channel
 * counters appear when a channel opens and vanish when it closes). `total` only grows: each
 * scrape adds every series' increase since the last scrape; a series seen for the first time
 * adds its whole value (it started after the last scrape); a series that went down restarted
 * (a reused label set) and adds its new value. The first scrape sets the baseline.
 */
export interface CounterState {
  readonly last: ReadonlyMap<string, number>;
  readonly total: number;
}

/** The state after one more scrape of the counter's `series` (pure: `prev` is not changed). */
export function accumulateCounter(prev: CounterState | undefined, series: readonly PromSeries[]): CounterState {
  const last = new Map<string, number>();
  let total = prev?.total ?? 0;
  for (const s of series) {
    if (!Number.isFinite(s.value) || s.value < 0) continue;
    const key = seriesKey(s);
    const before = prev?.last.get(key);
    last.set(key, (last.get(key) ?? 0) + s.value);
    if (!prev) total += s.value;
    else if (before === undefined) total += s.value;
    else total += s.value >= before ? s.value - before : s.value;
  }
  return { last, total };
}
