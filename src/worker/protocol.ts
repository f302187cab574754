/**
 * Messages between the page and the simulation worker. Every request carries an `id`; every
 * answer repeats it, so the page can drop answers to requests it has superseded.
 */
import type { Scenario } from "../scenario/types.ts";
import type { RunResult } from "../simulation/index.ts";

/** One point of the analytic load curve of a queue: waits (s) at offered load `rho`. */
export interface CurvePoint {
  rho: number;
  /** Mean wait in the queue (Wq) and the 99th percentile of the wait, where the model gives them. */
  meanWaitS?: number;
  p99WaitS?: number;
}

/** One short simulation of the load curve: the mean wait with its 95% half-width, and the p99 wait. */
export interface SweepPoint {
  rho: number;
  meanWaitS: number;
  meanWaitCi95: number;
  p99WaitS: number;
  /** false when the backlog grew without bound: the figures describe this run only. */
  steady: boolean;
}

export type WorkerRequest =
  /**
   * A run. A long one (see `parallelWorthIt`) runs its replications on one worker per
   * processor, at most `workers` (default: every processor); the result is the same.
   */
  | { type: "run"; id: number; scenario: Scenario; workers?: number }
  /** The analytic load curve of a queue (answered by `curve`, then `done`). */
  | { type: "curve"; id: number; scenario: Scenario; queueId: string }
  /** One short simulation of the load curve at offered load `target` (answered by `sweepPoint`, then `done`). */
  | { type: "sweepPoint"; id: number; scenario: Scenario; queueId: string; target: number };

export type WorkerResponse =
  | { type: "progress"; id: number; fraction: number }
  /** The result so far of a run still going (after a replication, or every half second of a long one). */
  | { type: "partial"; id: number; result: RunResult; wallMs: number }
  | { type: "result"; id: number; result: RunResult; wallMs: number }
  | { type: "curve"; id: number; curve: CurvePoint[]; currentRho: number }
  | { type: "sweepPoint"; id: number; point: SweepPoint }
  | { type: "done"; id: number }
  | { type: "error"; id: number; message: string };

/** Whether an answer ends its request (the worker is free again). */
export function isFinal(response: WorkerResponse): boolean {
  return response.type === "result" || response.type === "done" || response.type === "error";
}
