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
  /** Progress of the running request in [0, 1]. */
  progress: number;
  error: string | null;
}

/** Input events closer together than this are sent as one request. */
const coalesceMs = 8;

/**
 * The simulation of the page's scenario: sends each new scenario to a worker, newest wins,
 * and keeps the last finished result on screen while the next one runs.
 */
export class RunStore extends ExternalStore<RunState> {
  private worker: SupersedingWorker | null = null;
  private requested: Scenario | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly spawn: () => Worker) {
    super({ result: null, resultScenario: null, wallMs: 0, completed: 0, running: false, progress: 0, error: null });
  }

  /** Runs `scenario` unless it is the one already requested. */
  request(scenario: Scenario): void {
    if (scenario === this.requested) return;
    this.requested = scenario;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.send(scenario), coalesceMs);
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
    this.set({ running: true, progress: 0, error: null });
    this.worker.send({ type: "run", scenario }, (response) => {
      if (response.type === "progress") this.set({ progress: response.fraction });
      else if (response.type === "result") {
        this.set({ result: response.result, resultScenario: scenario, wallMs: response.wallMs, completed: this.state.completed + 1, running: false, progress: 1 });
      } else if (response.type === "error") this.set({ running: false, error: response.message });
    });
  }
}
