import { createStream } from "../../../src/engine/rng.ts";
import type { RandomSource } from "../../../src/engine/random/types.ts";
import type { LiveSample, LiveSource } from "../../../src/live/types.ts";

/** CI must fail, not skip, when a broker is missing (process.env.CI === "true"). */
export const inCi = process.env.CI === "true";

/** True when `url` answers within 2 s (any HTTP status). */
export async function answers(url: string, headers: Record<string, string> = {}): Promise<boolean> {
  try {
    await fetch(url, { headers, signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

/** Whether to run a real-broker suite: always in CI (so a missing broker fails), else when it answers. */
export function shouldRun(name: string, available: boolean): boolean {
  if (!available && !inCi) console.warn(`skipping the ${name} tests: no broker on 127.0.0.1 (run bash scripts/services.sh)`);
  return available || inCi;
}

/** An exponential draw with `mean` from a seeded stream. */
export function exponential(rng: RandomSource, mean: number): number {
  return -Math.log(1 - rng()) * mean;
}

/** Seeded streams for a test's arrivals and services. */
export function streams(seed: number) {
  return { arrivals: createStream(seed, "live-test/arrivals"), service: createStream(seed, "live-test/service") };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Publishes by `publish()` at Poisson times with `ratePerS` for `durationMs`, scheduling each
 * send against the start time (so timer lateness does not lower the rate), and returns the
 * local time (ms) of every send.
 */
export async function poissonPublisher(ratePerS: number, durationMs: number, rng: RandomSource, publish: () => void): Promise<number[]> {
  const times: number[] = [];
  const start = Date.now();
  let next = start;
  for (;;) {
    next += exponential(rng, 1000 / ratePerS);
    if (next > start + durationMs) break;
    const wait = next - Date.now();
    if (wait > 0) await sleep(wait);
    publish();
    times.push(Date.now());
  }
  return times;
}

/** Samples every source every `intervalMs` until `stop()` says so; returns the samples per source. */
export async function sampleUntil(sources: LiveSource[], intervalMs: number, stop: () => boolean): Promise<LiveSample[][]> {
  const out = sources.map(() => [] as LiveSample[]);
  const start = Date.now();
  for (let k = 1; !stop(); k++) {
    const got = await Promise.all(sources.map((s) => s.sample()));
    got.forEach((s, i) => out[i]!.push(s));
    await sleep(Math.max(0, start + k * intervalMs - Date.now()));
  }
  return out;
}

/** Sends made in (a, b] (ms). */
export function countIn(times: number[], a: number, b: number): number {
  return times.filter((t) => t > a && t <= b).length;
}
