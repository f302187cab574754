import type { LiveCounters, LiveSample } from "../types.ts";

/** The samples an estimate rests on, after dropping failures and everything before a reset. */
export interface SampleWindow {
  samples: LiveSample[];
  /** Counter resets seen (broker or queue restarts); the window starts after the last one. */
  resets: number;
  /** Time (ms) of the last reset, if any. */
  lastResetAt?: number;
  /** Failed readings dropped. */
  failed: number;
}

const counterNames: (keyof LiveCounters)[] = ["published", "delivered", "acked", "redelivered", "expired", "deadLettered", "dropped"];

type Seen = Partial<Record<keyof LiveCounters, number>> & { readyS?: number; unackedS?: number; at?: number };

function wentDown(seen: Seen, next: LiveSample): boolean {
  for (const k of counterNames) {
    const a = seen[k];
    const b = next.counters[k];
    if (a !== undefined && b !== undefined && b < a) return true;
  }
  const i = next.integrals;
  return !!i && seen.at !== undefined && (i.readyS < seen.readyS! || i.unackedS < seen.unackedS! || i.at < seen.at);
}

function remember(seen: Seen, s: LiveSample): void {
  for (const k of counterNames) if (s.counters[k] !== undefined) seen[k] = s.counters[k];
  if (s.integrals) Object.assign(seen, s.integrals);
}

/**
 * Prepares a window of samples: drops failed readings, sorts by time, keeps the last `windowS`
 * seconds (all when undefined), and restarts after the last counter reset. A counter that goes
 * down means the broker or the queue restarted: rates across it would be negative or wrong,
 * so only the samples from the reset on are kept. Pure.
 */
export function sampleWindow(samples: readonly LiveSample[], windowS?: number): SampleWindow {
  const ok = samples.filter((s) => !s.error && Number.isFinite(s.t)).sort((a, b) => a.t - b.t);
  const failed = samples.length - ok.length;
  const last = ok[ok.length - 1];
  const recent = last && windowS !== undefined && windowS > 0 ? ok.filter((s) => s.t >= last.t - windowS * 1000) : ok;
  let start = 0;
  let resets = 0;
  // Each counter is compared with its last earlier value, even across readings that lacked it.
  let seen: Seen = {};
  recent.forEach((s, i) => {
    if (i > 0 && wentDown(seen, s)) {
      start = i;
      resets++;
      seen = {};
    }
    remember(seen, s);
  });
  const out: SampleWindow = { samples: recent.slice(start), resets, failed };
  if (resets > 0) out.lastResetAt = recent[start]!.t;
  return out;
}
