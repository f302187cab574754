import type { Scenario } from "../../scenario/index.ts";
import { ExternalStore } from "../sim/externalStore.ts";
import type { LiveMetrics, LiveMetricsSource } from "./liveMetrics.ts";
import { RealtimeBroker, type FlowEvent } from "./realtimeBroker.ts";
import { WallClock } from "./wallClock.ts";

/** What the animation draws in one frame. */
export interface RealtimeFrame {
  running: boolean;
  speed: number;
  /** Simulated time of the frame (s). */
  t: number;
  metrics: LiveMetrics | null;
  /** Per consumer shown: the fraction of the message in service that is done (null: idle) and the messages waiting in its prefetch window. */
  consumers: { done: number | null; buffered: number }[];
  recent: FlowEvent[];
  halted: string | null;
  error: string | null;
}

/** The speeds offered, as multiples of real time. */
export const realtimeSpeeds = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10] as const;

/** A speed at which about `perS` messages arrive per wall second, until the user picks one. */
export function watchableSpeed(ratePerS: number, perS = 4): number {
  if (!(ratePerS > 0)) return 1;
  const wanted = perS / ratePerS;
  return [...realtimeSpeeds].reverse().find((s) => s <= wanted) ?? realtimeSpeeds[0];
}

/** Consumers drawn one by one; more are summarised. */
export const consumersDrawn = 8;

/**
 * Runs a `RealtimeBroker` on animation frames: start, pause, speed, and a fresh broker when
 * the scenario or queue changes (keeping whether it runs and how fast). It is also the
 * `LiveMetricsSource` of the in-browser broker.
 */
export class RealtimeController extends ExternalStore<RealtimeFrame> implements LiveMetricsSource {
  private broker: RealtimeBroker | null = null;
  private clock: WallClock;
  private frame = 0;
  private speedChosen = false;

  constructor(speed = 0.1, private readonly requestFrame = (f: () => void) => requestAnimationFrame(f), private readonly cancelFrame = (id: number) => cancelAnimationFrame(id)) {
    super({ running: false, speed, t: 0, metrics: null, consumers: [], recent: [], halted: null, error: null });
    this.clock = new WallClock(speed);
  }

  /** Starts afresh on `queueId` of `scenario`, at time 0. */
  load(scenario: Scenario, queueId: string): void {
    const running = this.clock.isRunning;
    this.clock = new WallClock(this.clock.speed);
    try {
      this.broker = new RealtimeBroker(scenario, queueId, this.clock);
      if (!this.speedChosen) this.clock.setSpeed(watchableSpeed(this.broker.arrivalRate));
      this.set({ error: null });
    } catch (e) {
      this.broker = null;
      this.set({ error: e instanceof Error ? e.message : String(e) });
    }
    if (running) this.clock.start();
    this.publishFrame();
  }

  start(): void {
    if (!this.broker || this.broker.halted || this.clock.isRunning) return;
    this.clock.start();
    this.loop();
  }

  pause(): void {
    this.clock.pause();
    this.cancelFrame(this.frame);
    this.publishFrame();
  }

  setSpeed(speed: number): void {
    this.speedChosen = true;
    this.clock.setSpeed(speed);
    this.publishFrame();
  }

  dispose(): void {
    this.pause();
    this.broker = null;
  }

  snapshot(): LiveMetrics {
    return this.state.metrics ?? this.broker!.metrics();
  }

  private loop = () => {
    this.broker?.tick();
    if (this.broker?.halted) this.clock.pause();
    this.publishFrame();
    if (this.clock.isRunning) this.frame = this.requestFrame(this.loop);
  };

  private publishFrame() {
    const b = this.broker;
    const n = b ? Math.min(consumersDrawn, b.spec.servers === Infinity ? 0 : b.spec.servers) : 0;
    const consumers = Array.from({ length: n }, (_, c) => {
      const s = b!.service(c);
      return { done: s.msg >= 0 ? s.done : null, buffered: Math.max(0, b!.queue.unackedBy(c) - (s.msg >= 0 ? 1 : 0)) };
    });
    this.set({
      running: this.clock.isRunning,
      speed: this.clock.speed,
      t: this.clock.now(),
      metrics: b ? b.metrics() : null,
      consumers,
      recent: b ? b.recent.slice(-120) : [],
      halted: b?.halted ?? null,
    });
  }
}
