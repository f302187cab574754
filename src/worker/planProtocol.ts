/**
 * Messages between the page and the planning worker (src/worker/planWorker.ts). Every request
 * carries an `id`; every answer repeats it, so the page can drop answers it no longer needs.
 */
import type { PlanResult, SizeItem, SweepPoint, SweepResult, SweepValue } from "../planner/index.ts";
import type { Scenario } from "../scenario/types.ts";

/** Plan `scenario` against `slo`: the planner's `planScenario` with these options. */
export interface PlanRequest {
  type: "plan";
  id: number;
  scenario: Scenario;
  slo: string;
  growth?: number[];
  costPerHour?: number;
  /** What to size besides consumers (prefetch, capacity); consumers only when absent. */
  size?: SizeItem[];
}

/** Simulate `scenario` with `path` set to each of `values` in turn (the planner's `runSweep`). */
export interface ParamSweepRequest {
  type: "paramSweep";
  id: number;
  scenario: Scenario;
  path: string;
  values: SweepValue[];
  /** Messages per replication and replications at each point (short runs keep the page responsive). */
  messages: number;
  replications: number;
  /** A second parameter: the sweep then covers every combination, `path` outermost. */
  path2?: string;
  values2?: SweepValue[];
}

export type PlanWorkerRequest = PlanRequest | ParamSweepRequest;

export type PlanWorkerResponse =
  | { type: "plan"; id: number; plan: PlanResult; wallMs: number }
  | { type: "sweepPoint"; id: number; point: SweepPoint; done: number; total: number }
  | { type: "sweep"; id: number; sweep: SweepResult; wallMs: number }
  | { type: "error"; id: number; message: string; position?: number; reason?: string };
