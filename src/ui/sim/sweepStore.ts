import type { Scenario } from "../../scenario/index.ts";
import type { CurvePoint, SweepPoint } from "../../worker/protocol.ts";
import { ExternalStore } from "./externalStore.ts";
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

  /** Drops the pending or running curve (its scenario is no longer shown), freeing the processor. */
  cancel(): void {
    clearTimeout(this.timer);
    if (this.state.running) this.worker?.cancel();
    this.key = null;
    if (this.state.running) this.set({ running: false });
  }

  private send(scenario: Scenario, queueId: string) {
    this.worker ??= new SupersedingWorker(this.spawn);
    this.set({ running: true, error: null });
    let fresh = true;
    this.worker.send({ type: "sweep", scenario, queueId }, (response) => {
      if (response.type === "curve") {
        fresh = false;
        this.set({ scenario, queueId, curve: response.curve, currentRho: response.currentRho, points: [] });
      } else if (response.type === "sweepPoint" && !fresh) this.set({ points: [...this.state.points, response.point] });
      else if (response.type === "done") this.set({ running: false });
      else if (response.type === "error") this.set({ running: false, error: response.message });
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.worker?.dispose();
    this.worker = null;
    this.key = null;
  }
}
