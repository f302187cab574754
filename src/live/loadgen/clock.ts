/**
 * Wall time for the load generator: one monotonic clock in epoch milliseconds with sub-ms
 * resolution (publisher and consumers share the process, so their timestamps compare exactly),
 * and a sleep that aims at an absolute time.
 */

/** Now, in epoch milliseconds with sub-millisecond resolution (monotonic within the process). */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * How late Node fires a timer after the whole milliseconds it was asked for: a running estimate
 * (exponentially weighted, 1/32 per wake-up), started at 0.6 ms (measured here: 0.65 ms on an
 * idle machine, more under load). Asking that much earlier makes the mean lateness about 0.
 */
let latenessMs = 0.6;

/** The current estimate of timer lateness, ms. */
export function timerLatenessMs(): number {
  return latenessMs;
}

/**
 * Resolves at about the absolute time `dueMs` (epoch ms, see `nowMs`), or at once when it has
 * passed or `signal` is aborted. Sleeping against absolute times keeps a schedule free of
 * drift: each wake-up's lateness does not carry over to the next.
 */
export function sleepUntil(dueMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const wait = Math.round(dueMs - nowMs() - latenessMs);
    if (wait < 1 || signal?.aborted) {
      resolve();
      return;
    }
    const asked = nowMs() + wait;
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      // Clamped so that one stall of the event loop does not throw the estimate off.
      latenessMs += (Math.min(5, Math.max(-1, nowMs() - asked)) - latenessMs) / 32;
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, wait);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
