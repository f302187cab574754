import type { BrokerQueue } from "../broker/brokerQueue.ts";
import type { BatchSeries } from "../stats/batchSeries.ts";
import type { QuantileSketch } from "../stats/quantileSketch.ts";
import type { CompiledQueue } from "./compile.ts";
import { FifoNetworkModel, fifoNetworkRuns } from "./fifoNetwork.ts";
import { NetworkModel, type ReplicationPlan, type StopReason } from "./model.ts";
import type { PathRecorder } from "./pathRecorder.ts";
import type { RouteStats } from "./routeStats.ts";
import type { StationStats } from "./stationStats.ts";

/**
 * One replication of a scenario, as the run, its summaries, batch means and charts read it.
 * NetworkModel runs every scenario; FifoNetworkModel runs the common ones (FIFO, prefetch 1, no
 * TTL or failures) the same way, faster; `createReplicationModel` picks.
 */
export interface ReplicationModel {
  readonly queues: CompiledQueue[];
  readonly plan: ReplicationPlan;
  readonly brokers: readonly BrokerQueue[];
  readonly stats: readonly StationStats[];
  readonly network: { served: number; sumW: number; sojourn: QuantileSketch };
  readonly routes: RouteStats | null;
  readonly path: PathRecorder | null;
  readonly warmupSeries: BatchSeries | null;
  /** Messages in each queue (ready + unacked) when warm-up ended. */
  readonly inSystemAtWarmup: Float64Array;
  readonly events: number;
  readonly warm: boolean;
  readonly warmupEnd: number;
  readonly stopped: StopReason | null;
  /** The simulation clock (s). */
  readonly now: number;
  /** Time the run covers after warm-up (s). */
  readonly measuredDuration: number;
  /** Called every `plan.batchEvery` departures after warm-up. */
  onBatch: (() => void) | null;
  /** Runs the replication to its end. */
  run(): void;
}

/** The model for one replication: FifoNetworkModel where it applies (same results, faster), else NetworkModel. */
export function createReplicationModel(queues: CompiledQueue[], plan: ReplicationPlan, general = false): ReplicationModel {
  return !general && fifoNetworkRuns(queues, plan) ? new FifoNetworkModel(queues, plan) : new NetworkModel(queues, plan);
}
