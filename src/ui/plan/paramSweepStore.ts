import type { SweepPoint, SweepResult } from "../../planner/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import { ExternalStore } from "../sim/externalStore.ts";
import { LatestWorker } from "./latestWorker.ts";
import type { SweepInput } from "./sweepForm.ts";

export interface ParamSweepState {
  /** The finished sweep and the scenario and input it was run for. */
  sweep: SweepResult | null;
  sweepScenario: Scenario | null;
  input: SweepInput | null;
  /** Points of the running sweep so far, and how many it will have. */
  points: SweepPoint[];
  total: number;
  running: boolean;
  /** performance.now() when the running sweep started. */
  startedAt: number;
  error: string | null;
}

/** A parameter sweep of the page's scenario, run in a worker of its own. */
export class ParamSweepStore extends ExternalStore<ParamSweepState> {
  private worker: LatestWorker;

  constructor(spawn: () => Worker) {
    super({ sweep: null, sweepScenario: null, input: null, points: [], total: 0, running: false, startedAt: 0, error: null });
    this.worker = new LatestWorker(spawn);
  }

  /** Runs the sweep `input` describes on `scenario`, superseding any running one. */
  request(scenario: Scenario, input: SweepInput): void {
    const total = input.values.length * (input.second?.values.length ?? 1);
    this.set({ running: true, startedAt: performance.now(), error: null, points: [], total, input, sweep: null, sweepScenario: scenario });
    const { path, values, messages, replications, second } = input;
    const two = second ? { path2: second.path, values2: second.values } : {};
    this.worker.send({ type: "paramSweep", scenario, path, values, messages, replications, ...two }, (response) => {
      if (response.type === "sweepPoint") this.set({ points: [...this.state.points, response.point] });
      else if (response.type === "sweep") this.set({ sweep: response.sweep, points: response.sweep.points, running: false });
      else if (response.type === "error") this.set({ running: false, error: response.message });
    });
  }

  cancel(): void {
    this.worker.cancel();
    if (this.state.running) this.set({ running: false });
  }

  dispose(): void {
    this.worker.dispose();
  }
}
