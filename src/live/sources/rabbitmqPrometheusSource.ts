import { parsePrometheusText } from "../parse/prometheusText.ts";
import { readRabbitPrometheus, type RabbitPromState } from "../parse/rabbitmqPrometheus.ts";
import { errorSample, type LiveSource } from "../types.ts";
import { basicAuthorization, type BrokerEndpoint } from "./brokerUrl.ts";
import { getText, type HttpOptions } from "./http.ts";

/** Options of {@link rabbitmqPrometheusSource}. */
export interface RabbitPrometheusOptions extends Omit<HttpOptions, "authorization" | "signal"> {
  /** The Prometheus listener, e.g. `http://127.0.0.1:15692`. */
  endpoint: BrokerEndpoint;
  queue: string;
  /** Default "/". */
  vhost?: string;
  /** `detailed` (default: only the families Kendall reads, filtered by vhost) or `per-object`. */
  endpointKind?: "detailed" | "per-object";
  now?: () => number;
}

// The families that carry a queue's gauges, its channels' counters and the consumers' prefetch.
const families = ["queue_coarse_metrics", "queue_consumer_count", "queue_metrics", "channel_queue_metrics", "channel_queue_exchange_metrics", "channel_metrics"];

/**
 * Reads a queue from RabbitMQ's Prometheus endpoint (port 15692): `/metrics/detailed` with the
 * needed families and the vhost, falling back to `/metrics/per-object` when the broker has no
 * detailed endpoint (RabbitMQ < 3.10). Keeps the per-series counter state between samples, so a
 * source follows one queue over time (see `readRabbitPrometheus`).
 */
export function rabbitmqPrometheusSource(options: RabbitPrometheusOptions): LiveSource {
  const { endpoint, queue, vhost = "/", now = Date.now, ...rest } = options;
  const { endpointKind = "detailed", ...http } = rest;
  const authorization = basicAuthorization(endpoint.username, endpoint.password);
  const where = `RabbitMQ Prometheus ${endpoint.origin}`;
  let kind = endpointKind;
  let state: RabbitPromState | undefined;
  const url = () => kind === "detailed"
    ? `${endpoint.origin}/metrics/detailed?vhost=${encodeURIComponent(vhost)}&${families.map((f) => `family=${f}`).join("&")}`
    : `${endpoint.origin}/metrics/per-object`;

  return {
    kind: "rabbitmq-prometheus",
    describe: () => `RabbitMQ Prometheus ${endpoint.origin}/metrics/${kind}, vhost ${JSON.stringify(vhost)}, queue ${JSON.stringify(queue)}`,
    async sample(signal) {
      const t = now();
      let res = await getText(url(), where, { ...http, authorization, signal });
      if (!res.ok && res.error.code === "notFound" && kind === "detailed") {
        kind = "per-object";
        res = await getText(url(), where, { ...http, authorization, signal });
      }
      if (!res.ok) return errorSample(t, res.error);
      const scrape = parsePrometheusText(res.value);
      if (!scrape.ok) return errorSample(t, scrape.error);
      const read = readRabbitPrometheus(scrape.value, { vhost, queue }, state, now());
      if (!read.ok) return errorSample(t, read.error);
      state = read.value.state;
      return read.value.sample;
    },
  };
}
