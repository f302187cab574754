import type { Scenario } from "../../scenario/index.ts";
import type { CurvePoint, SweepPoint } from "../../worker/protocol.ts";
import { ExternalStore } from "./externalStore.ts";
import { sweepRhos } from "../../worker/loadSweep.ts";
import { SupersedingWorker } from "./supersedingWorker.ts";

export interface SweepState {
  /** Which scenario and queue the curve and points below belong to. */
  scenario: Scenario | null;
  queueId: string;
  curve: CurvePoint[];
  /** Offered load per consumer of the queue in the scenario itself. */
  currentRho: number;
  points: SweepPoint[];
  running: boolean;
  error: string | null;
}

/**
 * The load curve ("hockey stick") of one queue: the analytic curve, then a handful of short
 * simulations, computed in a worker of its own; a new scenario or queue supersedes the last.
 */
export class SweepStore extends ExternalStore<SweepState> {
  private worker: SupersedingWorker | null = null;
  private key: { scenario: Scenario; queueId: string } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts sends and cancels: answers to an older curve are ignored. */
  private generation = 0;

  constructor(private readonly spawn: () => Worker) {
    super({ scenario: null, queueId: "", curve: [], currentRho: 0, points: [], running: false, error: null });
  }

  /**
   * Computes the curve of `queueId` in `scenario` unless that is what was asked last. It starts
   * after `idleMs` without another request, so it does not slow the main runs of a slider drag.
   */
  request(scenario: Scenario, queueId: string, idleMs = 200): void {
    if (this.key?.scenario === scenario && this.key.queueId === queueId) return;
    this.key = { scenario, queueId };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.send(scenario, queueId), idleMs);
  }

  /**
   * Drops the pending or running curve (its scenario is no longer shown). No further point is
   * asked for; a point in flight (a short simulation, tens of ms) finishes and is ignored, so the
   * worker stays loaded instead of being stopped and started again on every slider step.
   */
  cancel(): void {
    clearTimeout(this.timer);
    this.generation++;
    this.key = null;
    if (this.state.running) this.set({ running: false });
  }

  private send(scenario: Scenario, queueId: string) {
    // No spare worker: the curve starts when the page is idle, and only a request sent while a
    // point is still in flight needs a new worker.
    this.worker ??= new SupersedingWorker(this.spawn, false);
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    this.set({ running: true, error: null });
    const failed = (message: string) => current() && this.set({ running: false, error: message });
    // The curve first, then one point at a time, each a request of its own.
    const next = (i: number) => {
      if (!current()) return;
      const target = sweepRhos[i];
      if (target === undefined || !(this.state.currentRho > 0)) return this.set({ running: false });
      this.worker!.send({ type: "sweepPoint", scenario, queueId, target }, (response) => {
        if (!current()) return;
        if (response.type === "sweepPoint") this.set({ points: [...this.state.points, response.point] });
        else if (response.type === "done") next(i + 1);
        else if (response.type === "error") failed(response.message);
      });
    };
    this.worker.send({ type: "curve", scenario, queueId }, (response) => {
      if (!current()) return;
      if (response.type === "curve") this.set({ scenario, queueId, curve: response.curve, currentRho: response.currentRho, points: [] });
      else if (response.type === "done") next(0);
      else if (response.type === "error") failed(response.message);
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.worker?.dispose();
    this.worker = null;
    this.key = null;
  }
}
