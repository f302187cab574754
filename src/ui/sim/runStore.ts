import type { Scenario } from "../../scenario/index.ts";
import type { RunResult } from "../../simulation/index.ts";
import { ExternalStore } from "./externalStore.ts";
import { SupersedingWorker } from "./supersedingWorker.ts";

export interface RunState {
  /** The newest finished result, and the scenario it belongs to (it may be older than the one shown in the controls). */
  result: RunResult | null;
  resultScenario: Scenario | null;
  /** Wall time of that run in the worker, ms. */
  wallMs: number;
  /** Finished runs so far: a new value means new figures to draw. */
  completed: number;
  running: boolean;
  /** The result is the running request's figures so far (refined until its final result). */
  partial: boolean;
  error: string | null;
}

/** Progress of the running request in [0, 1], a store of its own: it changes many times a second and only the progress bar reads it. */
export class RunProgress extends ExternalStore<{ fraction: number }> {
  constructor() {
    super({ fraction: 0 });
  }

  update(fraction: number): void {
    if (fraction !== this.state.fraction) this.set({ fraction });
  }
}

/** Input events closer together than this, while a run is in flight, are sent as one request. */
const coalesceMs = 8;

/**
 * The simulation of the page's scenario: sends each new scenario to a worker, newest wins,
 * and keeps the last finished result on screen while the next one runs.
 */
export class RunStore extends ExternalStore<RunState> {
  readonly progress = new RunProgress();
  private worker: SupersedingWorker | null = null;
  private requested: Scenario | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `workers`: the most workers a long run's replications may use (default: one per processor). */
  constructor(private readonly spawn: () => Worker, private readonly workers?: number) {
    super({ result: null, resultScenario: null, wallMs: 0, completed: 0, running: false, partial: false, error: null });
  }

  /**
   * Runs `scenario` unless it is the one already requested. With no run in flight it is sent at
   * once (a slider step should not wait for a timer behind the page's next frame); during a
   * drag, requests closer than `coalesceMs` are merged, the newest winning.
   */
  request(scenario: Scenario): void {
    if (scenario === this.requested) return;
    this.requested = scenario;
    clearTimeout(this.timer);
    if (!this.state.running) this.send(scenario);
    else this.timer = setTimeout(() => this.send(scenario), coalesceMs);
  }

  /** Stops the worker; a later request starts a new one. */
  dispose(): void {
    clearTimeout(this.timer);
    this.worker?.dispose();
    this.worker = null;
    this.requested = null;
  }

  private send(scenario: Scenario) {
    this.worker ??= new SupersedingWorker(this.spawn);
    // Marks read by bench/ui.ts to split a slider's latency into its parts.
    performance.mark("kendall:request");
    this.progress.update(0);
    this.worker.send({ type: "run", scenario, ...(this.workers !== undefined ? { workers: this.workers } : {}) }, (response) => {
      if (response.type === "progress") this.progress.update(response.fraction);
      else if (response.type === "partial") this.set({ result: response.result, resultScenario: scenario, wallMs: response.wallMs, partial: true });
      else if (response.type === "result") {
        performance.mark("kendall:result", { detail: { completed: this.state.completed + 1, wallMs: response.wallMs } });
        this.progress.update(1);
        this.set({ result: response.result, resultScenario: scenario, wallMs: response.wallMs, completed: this.state.completed + 1, running: false, partial: false });
      } else if (response.type === "error") this.set({ running: false, partial: false, error: response.message });
    });
    if (!this.state.running || this.state.error !== null) this.set({ running: true, error: null });
  }
}
