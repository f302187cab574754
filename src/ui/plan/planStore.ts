import type { PlanResult } from "../../planner/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import { ExternalStore } from "../sim/externalStore.ts";
import { LatestWorker } from "./latestWorker.ts";
import type { PlanInput } from "./planForm.ts";
import type { PlanRequest } from "../../worker/planProtocol.ts";

export interface PlanState {
  /** The newest finished plan and the scenario it was made for. */
  plan: PlanResult | null;
  planScenario: Scenario | null;
  wallMs: number;
  running: boolean;
  /** Wall-clock start of the running plan (ms, performance.now), for the elapsed time shown. */
  startedAt: number;
  error: string | null;
}

/** The capacity plan of the page: computed in a worker of its own (src/worker/planWorker.ts), the newest request wins. */
export class PlanStore extends ExternalStore<PlanState> {
  private worker: LatestWorker;

  constructor(spawn: () => Worker) {
    super({ plan: null, planScenario: null, wallMs: 0, running: false, startedAt: 0, error: null });
    this.worker = new LatestWorker(spawn);
  }

  /** Plans `scenario` against the SLO and options in `input`. */
  request(scenario: Scenario, input: PlanInput): void {
    this.set({ running: true, error: null, startedAt: performance.now() });
    const request: Omit<PlanRequest, "id"> = { type: "plan", scenario, slo: input.slo, growth: input.growth, costPerHour: input.costPerHour, size: input.size };
    this.worker.send(request, (response) => {
      if (response.type === "plan") this.set({ plan: response.plan, planScenario: scenario, wallMs: response.wallMs, running: false });
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
