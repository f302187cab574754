import type { BrokerQueue } from "../broker/brokerQueue.ts";
import { MessageStore } from "../broker/messageStore.ts";
import { createArrivalProcess, type ArrivalProcess } from "../engine/arrivals/index.ts";
import type { EventHeap } from "../engine/eventHeap.ts";
import type { RandomSource } from "../engine/random/types.ts";
import { createStream, streamName } from "../engine/rng.ts";
import { BatchSeries } from "../stats/batchSeries.ts";
import { QuantileSketch } from "../stats/quantileSketch.ts";
import type { CompiledQueue } from "./compile.ts";
import type { ReplicationPlan, StopReason } from "./model.ts";
import { PathRecorder } from "./pathRecorder.ts";
import type { ReplicationModel } from "./replicationModel.ts";
import { RouteStats } from "./routeStats.ts";
import { StationStats } from "./stationStats.ts";

/** Control events: warm-up end, end of a run by duration, end of a pilot run. */
export const CONTROL_WARMUP_END = 0;
export const CONTROL_RUN_END = 1;
export const CONTROL_PILOT_END = 2;

/**
 * The last finished model of each kind (NetworkModel, FifoNetworkModel), kept on purpose. V8
 * compiles the event loop against the hidden classes of the objects it touches (the model, its
 * broker queues, message store, statistics, sketches...), and a hidden class lives only while
 * some object has it. Without this, a full garbage collection between two replications (or two
 * runs of the page's sliders) collects them, every function compiled against them is
 * deoptimised, and the next replication runs its first part unoptimised: W1 in `npm run bench`,
 * with a collection forced before each run, ran at 7.5-7.9 M events/s against 11.2-12.0 without
 * one. Each kept model has let go of its message store and event list (`finish`); what it
 * still holds is its statistics and ready queues' rings.
 */
const lastFinished = new Map<abstract new (...args: never[]) => ReplicationBase, ReplicationBase>();

/**
 * What every replication model shares, whatever its event list: the named random streams, the
 * statistics of the queues and of the network, and the course of a replication (warm-up by
 * departures or by time, a pilot run, the end by messages or by duration, the budgets, batch
 * means, progress). NetworkModel and FifoNetworkModel differ only in how events are kept and
 * dispatched, so the two cannot drift apart here.
 */
export abstract class ReplicationBase implements ReplicationModel {
  readonly store = new MessageStore(1024);
  abstract readonly brokers: BrokerQueue[];
  readonly stats: StationStats[];
  readonly network = { served: 0, sumW: 0, sojourn: new QuantileSketch() };
  readonly warmupSeries: BatchSeries | null;
  readonly path: PathRecorder | null;
  /** End-to-end times per route through the network (null for a single queue). */
  readonly routes: RouteStats | null;
  /** Messages in each queue (ready + unacked) when warm-up ended, for the backlog growth rate. */
  readonly inSystemAtWarmup: Float64Array;
  events = 0;
  departures = 0;
  warm = false;
  warmupEnd = 0;
  stopped: StopReason | null = null;
  onBatch: (() => void) | null = null;

  protected readonly serviceRng: RandomSource[];
  protected readonly routeRng: RandomSource[];
  protected readonly arrivals: (ArrivalProcess | null)[];
  /** Whether end-to-end percentiles mean anything beyond the one queue's (routes, fanout, dead letters). */
  protected readonly hasNetwork: boolean;
  /** Set when the replication is over; the event loop checks it. */
  protected done = false;
  private departuresAtWarmup = 0;
  /** Departure count at which the run ends (Infinity until warm-up ends, or when run by duration). */
  private stopAtDepartures = Infinity;
  /** Departures at which a pilot run ends (Infinity for a measured replication). */
  private readonly pilotMessages: number;
  private untilBatch = 0;
  private startMs = 0;
  private readonly eventBudget: number;

  constructor(readonly queues: CompiledQueue[], readonly plan: ReplicationPlan) {
    this.serviceRng = queues.map((q) => this.stream("service", q));
    this.routeRng = queues.map((q) => this.stream("routing", q));
    this.arrivals = queues.map((q) => (q.spec.arrival ? createArrivalProcess(q.spec.arrival, this.stream("arrivals", q), `queues[${q.index}].arrival`) : null));
    this.stats = queues.map((q) => new StationStats(q.classNames.length));
    this.inSystemAtWarmup = new Float64Array(queues.length);
    this.hasNetwork = queues.length > 1 || queues.some((q) => q.routeTo.length > 0 || q.fanout.length > 0 || q.deadLetter >= 0);
    this.routes = this.hasNetwork ? new RouteStats(queues.length) : null;
    this.path = plan.pathInterval ? new PathRecorder(queues.length, plan.pathInterval) : null;
    this.warmupSeries = plan.recordWarmupSeries ? new BatchSeries({ batchSize: 5, maxBatches: 4096 }) : null;
    this.pilotMessages = plan.pilot?.messages ?? Infinity;
    this.eventBudget = plan.eventBudget;
  }

  /** The simulation clock (s). */
  abstract get now(): number;

  /** Runs the replication to its end. */
  abstract run(): void;

  /** Schedules control event `what` (CONTROL_*) at time `at`. */
  protected abstract scheduleControl(at: number, what: number): void;

  /** Time the run covers after warm-up (s). */
  get measuredDuration(): number {
    return this.now - this.warmupEnd;
  }

  /** The named stream of a role at a queue in this replication (see src/engine/rng.ts). */
  protected stream(role: string, q: CompiledQueue): RandomSource {
    return createStream(this.plan.seed, streamName(this.plan.replication, role, q.id));
  }

  /** Starts the wall clock and the warm-up: at once, after a time, or never (a pilot run, which may end by time). */
  protected begin(): void {
    const plan = this.plan;
    this.startMs = plan.clock?.() ?? 0;
    if (plan.pilot) {
      if (plan.pilot.duration < Infinity) this.scheduleControl(plan.pilot.duration, CONTROL_PILOT_END);
    } else if (plan.warmupMessages === 0 && plan.warmupDuration === 0) this.endWarmup(0);
    else if (plan.warmupDuration > 0) this.scheduleControl(plan.warmupDuration, CONTROL_WARMUP_END);
  }

  /**
   * The end of `run`: the messages still in flight and the pending events are no longer read (the
   * summary reads counts, integrals and statistics), so the store and the event list give their
   * memory back, and the model is kept as the last of its kind (see `lastFinished`).
   */
  protected finish(events: EventHeap): void {
    this.store.release();
    events.discard();
    lastFinished.set(this.constructor as abstract new (...args: never[]) => ReplicationBase, this);
  }

  /** Counts an event; every 2^16 checks the wall-clock budget and reports progress, and stops at the event budget. */
  protected counted(): void {
    if ((++this.events & 0xffff) === 0) this.checkBudgets();
    if (this.events >= this.eventBudget) this.stop("event budget");
  }

  protected onControl(what: number): void {
    if (what === CONTROL_PILOT_END) this.done = true;
    else if (!this.warm) this.endWarmup(this.now);
    else this.done = true;
  }

  /**
   * Queue `q`'s next queue for an acked message by its routes, or -1 when the message leaves. A
   * single route taken with probability 1 (a pipeline) needs no draw: the routing stream serves
   * only this decision, so skipping it changes no result.
   */
  protected nextQueue(q: number): number {
    const spec = this.queues[q]!;
    const cum = spec.routeCum;
    if (cum.length === 0) return -1;
    if (cum.length === 1 && cum[0]! >= 1) return spec.routeTo[0]!;
    const u = this.routeRng[q]!();
    for (let i = 0; i < cum.length; i++) if (u < cum[i]!) return spec.routeTo[i]!;
    return -1;
  }

  /**
   * A message (or the last of a fanout family) left the network after `exit`, served all the
   * way or not: counted towards warm-up and the end of the run, and once warm, its end-to-end
   * time recorded. Reads the message's fields; the caller frees it.
   */
  protected departed(msg: number, exit: number, served: boolean): void {
    const s = this.store;
    const now = this.now;
    const w = now - s.bornAt[msg]!;
    this.departures++;
    this.warmupSeries?.add(w);
    if (!this.warm) {
      if (this.departures >= this.pilotMessages) this.done = true;
      else if (this.departures >= this.plan.warmupMessages && this.plan.warmupDuration === 0) this.endWarmup(now);
      return;
    }
    if (served) {
      const net = this.network;
      net.served++;
      net.sumW += w;
      if (this.hasNetwork) {
        net.sojourn.add(w);
        this.routes!.record(s.pathNode[msg]!, s.entry[msg]!, exit, s.visits[msg]!, w);
      }
    }
    if (this.onBatch !== null && --this.untilBatch === 0) {
      this.untilBatch = this.plan.batchEvery!;
      this.onBatch();
    }
    if (this.departures >= this.stopAtDepartures) this.done = true;
  }

  protected stop(reason: StopReason): void {
    if (this.stopped === null) this.stopped = reason;
    this.done = true;
  }

  private endWarmup(now: number): void {
    this.warm = true;
    this.warmupEnd = now;
    this.departuresAtWarmup = this.departures;
    this.stopAtDepartures = this.departures + this.plan.messages;
    this.untilBatch = this.plan.batchEvery ?? 0;
    for (let q = 0; q < this.brokers.length; q++) {
      const b = this.brokers[q]!;
      b.resetAreas(now);
      this.stats[q]!.resetAt(now);
      this.inSystemAtWarmup[q] = b.readyCount + b.unacked;
    }
    if (this.plan.duration < Infinity) this.scheduleControl(now + this.plan.duration, CONTROL_RUN_END);
  }

  private checkBudgets(): void {
    const p = this.plan;
    if (p.clock && p.timeBudgetMs !== undefined && p.clock() - this.startMs > p.timeBudgetMs) this.stop("time budget");
    if (p.onProgress) {
      const byMessages = p.messages < Infinity ? (this.departures - this.departuresAtWarmup) / p.messages : 0;
      const byTime = p.duration < Infinity ? this.measuredDuration / p.duration : 0;
      p.onProgress(this.warm ? Math.min(1, Math.max(byMessages, byTime)) : 0);
    }
  }
}
