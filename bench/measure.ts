import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";

/** One timed run of a simulation workload. */
export interface RunFigure {
  /** Events processed (arrivals + completions + expiries). */
  events: number;
  /** Wall time of the run (s). */
  seconds: number;
  /** Mean wait in the ready state at the first queue (s), a check that the model is the same. */
  meanWq: number;
}

/** A repeated measurement: the best run (highest events/s) and the median rate. */
export interface Measured extends RunFigure {
  /** Events per second of the best run. */
  eventsPerSec: number;
  /** Median events per second over all repeats. */
  medianPerSec: number;
  /** Number of repeats. */
  repeats: number;
}

/**
 * The garbage collector, when it can be had: `global.gc` if node was started with `--expose-gc`;
 * otherwise the flag is set at run time and `gc` is taken from a fresh context, which is how
 * `npm run bench` (whose command line we do not change) gets it. Null if neither works.
 */
export const gcFunction: (() => void) | null = findGc();

function findGc(): (() => void) | null {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === "function") return exposed as () => void;
  try {
    v8.setFlagsFromString("--expose-gc");
    const gc: unknown = vm.runInNewContext("gc");
    return typeof gc === "function" ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

/** Runs a full garbage collection when `gcFunction` is available; otherwise does nothing. */
export function collectGarbage(): void {
  gcFunction?.();
}

/** Wall clock in ms, for harnesses that time themselves. */
export function nowMs(): number {
  return performance.now();
}

/** A contender: runs its workload on `messages` messages and times it. */
export type Contender = (messages: number) => RunFigure;

/** Messages of the untimed run that follows each collection (see `measureInterleaved`). */
export const rewarmMessages = 20_000;

/**
 * Runs `run` `repeats` times on `messages` messages (collecting garbage before each when
 * possible) and keeps the best run by events/s: on a shared, noisy machine the fastest run is
 * the one least disturbed.
 */
export function measure(repeats: number, messages: number, run: Contender): Measured {
  return measureInterleaved(repeats, messages, { run }).get("run")!;
}

/**
 * Like `measure` for several contenders at once, run in rotation (a, b, c, a, b, c, ...) so
 * that load from other processes falls on all of them alike and their ratios stay meaningful.
 * Returns each contender's best run (by events/s) and median rate, by name.
 *
 * Before each timed run: a full collection, so that no contender pays for another's garbage,
 * then an untimed run of `rewarmMessages` messages. A full collection also frees the hidden
 * classes of the last run's objects that nothing holds any more, and V8 deoptimises every
 * function compiled against them: timed at once, a contender would run its first part
 * unoptimised (W1 on the engine before it kept its models' classes, see
 * src/simulation/replicationBase.ts: 7.5-7.9 M events/s against 11.2-12.0; the reference
 * loop lost ~20%). The short run compiles it again, so each is timed warm, as between runs
 * without a collection.
 */
export function measureInterleaved(repeats: number, messages: number, runs: Record<string, Contender>): Map<string, Measured> {
  if (!(repeats >= 1)) throw new RangeError(`measure: repeats must be >= 1, got ${repeats}`);
  const figures = new Map<string, RunFigure[]>(Object.keys(runs).map((name) => [name, []]));
  for (let i = 0; i < repeats; i++) {
    for (const [name, run] of Object.entries(runs)) {
      collectGarbage();
      run(Math.min(rewarmMessages, messages));
      figures.get(name)!.push(run(messages));
    }
  }
  const out = new Map<string, Measured>();
  for (const [name, list] of figures) {
    const rates = list.map((r) => r.events / r.seconds);
    const best = list[rates.indexOf(Math.max(...rates))]!;
    out.set(name, { ...best, eventsPerSec: best.events / best.seconds, medianPerSec: median(rates), repeats });
  }
  return out;
}

/** Median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
