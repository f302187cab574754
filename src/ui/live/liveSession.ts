import { addBridgeTarget, bridgeSource, brokerSource, errorSample, noOverheads, type BridgeTargetInput, type BrokerOverheads, type LiveError, type LiveSample, type LiveSource } from "../../live/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import { RealtimeBroker } from "../realtime/realtimeBroker.ts";
import { WallClock } from "../realtime/wallClock.ts";
import { ExternalStore } from "../sim/externalStore.ts";
import { addSample, emptyHistory, reestimate, type LiveHistory } from "./liveHistory.ts";
import { nextStatus, type LiveStatus } from "./liveStatus.ts";

/** A broker reached through the loopback bridge: where, which queue, and the credentials (memory only). */
export interface RemoteConfig {
  kind: BridgeTargetInput["kind"];
  baseUrl: string;
  queue: string;
  vhost?: string;
  username?: string;
  password?: string;
  mapping?: Record<string, string>;
}

/** What the live view reads: the in-browser broker (the default) or a real broker. */
export type LiveSourceConfig = { kind: "in-browser" } | RemoteConfig;

/** What the live view shows; never holds credentials. */
export interface LiveViewState {
  /** One line on what is read, without credentials. */
  source: string;
  kind: LiveSourceConfig["kind"];
  /** Queue name at the source. */
  queue: string;
  status: LiveStatus;
  history: LiveHistory;
  /** Seconds between readings (wall clock) and of the estimation window (source clock). */
  intervalS: number;
  windowS: number;
  /**
   * Broker overheads the user set (seconds), applied to the estimate and the prediction as
   * `kendall live --publish-to-deliver --ack-to-deliver` applies them. Kept, like the timing,
   * in memory for the panel's life and across reconnects; never in the address or storage.
   */
  overheads: BrokerOverheads;
  /** Source seconds per wall second: 1 for real brokers; the in-browser broker may run slower. */
  clockScale: number;
  /** Why the in-browser broker stopped by itself, or null. */
  halted: string | null;
  readings: number;
}

/** The in-browser broker runs at most this many arrivals per wall second (it slows its clock beyond). */
export const inBrowserEventBudget = 1000;

/**
 * Samples one live source every few seconds and keeps the history the charts and estimates
 * read. Sampling is I/O (fetch through the bridge) or a cheap read of the in-browser broker; one
 * reading at a time, aborted on stop. Failed readings change the status and sampling goes on,
 * so the view recovers by itself when the broker returns. The bridge forgets targets when it
 * restarts: the session then configures it again from the settings it holds in memory.
 */
export class LiveSession extends ExternalStore<LiveViewState> {
  private source: LiveSource | null = null;
  private remote: RemoteConfig | null = null;
  private targetId: string | null = null;
  private broker: RealtimeBroker | null = null;
  private model: { scenario: Scenario; queueId: string } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private abort: AbortController | null = null;
  private epoch = 0;
  private running = false;

  constructor(intervalS = 2, windowS = 30, private readonly wallMs: () => number = () => performance.now(), private readonly bridgeUrl = "/bridge") {
    super({ source: "nothing yet", kind: "in-browser", queue: "", status: { kind: "waiting" }, history: emptyHistory, intervalS, windowS, overheads: noOverheads, clockScale: 1, halted: null, readings: 0 });
  }

  /** The page's scenario and selected queue: what the in-browser broker runs (restarted on change). */
  setModel(scenario: Scenario, queueId: string): void {
    this.model = { scenario, queueId };
    if (this.state.kind === "in-browser" && this.running) this.connect({ kind: "in-browser" });
  }

  /** Starts reading `config` afresh (history cleared). */
  connect(config: LiveSourceConfig): void {
    this.stop();
    const epoch = ++this.epoch;
    this.broker = null;
    this.remote = null;
    this.targetId = null;
    let clockScale = 1;
    let halted: string | null = null;
    if (config.kind === "in-browser") {
      try {
        const m = this.model!;
        const probe = new RealtimeBroker(m.scenario, m.queueId, new WallClock(1, this.wallMs));
        clockScale = probe.arrivalRate > inBrowserEventBudget ? inBrowserEventBudget / probe.arrivalRate : 1;
        const clock = new WallClock(clockScale, this.wallMs);
        this.broker = new RealtimeBroker(m.scenario, m.queueId, clock);
        clock.start();
        this.source = brokerSource({ queue: this.broker.queue, nowS: () => clock.now(), exactAreas: true });
      } catch (e) {
        this.source = null;
        halted = e instanceof Error ? e.message : String(e);
      }
    } else {
      this.remote = { ...config };
      this.source = null;
    }
    const queue = config.kind === "in-browser" ? (this.model?.queueId ?? "") : config.queue;
    this.set({ kind: config.kind, queue, source: describeConfig(config, queue), status: { kind: "waiting" }, history: emptyHistory, clockScale, halted, readings: 0 });
    this.running = true;
    void this.loop(epoch);
  }

  /** Changes the seconds between readings and of the window. */
  setTiming(intervalS: number, windowS: number): void {
    this.set({ intervalS, windowS });
  }

  /** Sets the broker overheads (seconds, each finite and >= 0; the caller validates) and redoes the current estimate with them. */
  setOverheads(overheads: BrokerOverheads): void {
    const s = this.state;
    this.set({ overheads, history: reestimate(s.history, s.windowS * s.clockScale, overheads) });
  }

  /** Stops sampling (the in-flight reading is aborted); `connect` starts again. */
  stop(): void {
    this.epoch++;
    this.running = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.abort?.abort();
    this.abort = null;
  }

  get isRunning(): boolean {
    return this.running;
  }

  private async loop(epoch: number): Promise<void> {
    const sample = await this.read();
    if (epoch !== this.epoch) return;
    const s = this.state;
    const windowS = s.windowS * s.clockScale;
    this.set({
      status: nextStatus(s.status, sample, this.wallMs()),
      history: addSample(s.history, sample, windowS, s.overheads),
      halted: this.broker?.halted ?? s.halted,
      readings: s.readings + 1,
    });
    this.timer = setTimeout(() => void this.loop(epoch), s.intervalS * 1000);
  }

  private async read(): Promise<LiveSample> {
    if (this.broker) this.broker.tick();
    if (this.source && !this.remote) return this.source.sample();
    if (!this.remote) return errorSample(Date.now(), { code: "badRequest", message: this.state.halted ?? "no source" });
    this.abort = new AbortController();
    const signal = this.abort.signal;
    if (this.targetId === null) {
      const error = await this.configure();
      if (error) return errorSample(Date.now(), error);
    }
    const s = await this.source!.sample(signal);
    if (s.error?.code === "unknownTarget") this.targetId = null;
    return s;
  }

  /** Gives the bridge the broker's address and credentials (POST body, never a URL). */
  private async configure(): Promise<LiveError | null> {
    const r = this.remote!;
    const input: BridgeTargetInput = { kind: r.kind, baseUrl: r.baseUrl };
    if (r.username) input.username = r.username;
    if (r.password) input.password = r.password;
    if (r.kind === "prometheus") input.mapping = r.mapping ?? {};
    const res = await addBridgeTarget(input, { bridgeUrl: this.bridgeUrl });
    if (!res.ok) return res.error;
    this.targetId = res.value.id;
    this.source = bridgeSource({ target: res.value.id, queue: r.queue, bridgeUrl: this.bridgeUrl, ...(r.vhost ? { vhost: r.vhost } : {}) });
    return null;
  }
}

const kindNames: Record<LiveSourceConfig["kind"], string> = {
  "in-browser": "in-browser broker",
  "rabbitmq-api": "RabbitMQ management API",
  "rabbitmq-prometheus": "RabbitMQ Prometheus",
  "nats-jsz": "NATS JetStream",
  prometheus: "Prometheus",
};

/** One line on a source, without credentials. */
export function describeConfig(config: LiveSourceConfig, queue: string): string {
  if (config.kind === "in-browser") return `${kindNames["in-browser"]}, queue ${JSON.stringify(queue)} of this page's scenario`;
  return `${kindNames[config.kind]} at ${config.baseUrl}, queue ${JSON.stringify(config.queue)}${config.vhost ? ` (vhost ${JSON.stringify(config.vhost)})` : ""}`;
}

export { kindNames as liveKindNames };
