import { parseNatsQueueName } from "../parse/natsJsz.ts";
import type { PromMapping } from "../parse/promMapping.ts";
import type { LiveSource } from "../types.ts";
import type { BrokerEndpoint } from "./brokerUrl.ts";
import type { HttpOptions } from "./http.ts";
import { natsJszSource } from "./natsJszSource.ts";
import { prometheusSource } from "./prometheusSource.ts";
import { rabbitmqApiSource } from "./rabbitmqApiSource.ts";
import { rabbitmqPrometheusSource } from "./rabbitmqPrometheusSource.ts";

/** Kinds of remote endpoint a source can read. */
export type RemoteSourceKind = "rabbitmq-api" | "rabbitmq-prometheus" | "nats-jsz" | "prometheus";

/** The remote kinds, for validating input. */
export const remoteSourceKinds: readonly RemoteSourceKind[] = ["rabbitmq-api", "rabbitmq-prometheus", "nats-jsz", "prometheus"];

/** Everything needed to read one queue from one endpoint. */
export interface RemoteSourceConfig {
  kind: RemoteSourceKind;
  endpoint: BrokerEndpoint;
  /** Queue name; for NATS `STREAM/CONSUMER` or `STREAM`. */
  queue: string;
  /** RabbitMQ vhost, default "/". */
  vhost?: string;
  /** For `prometheus`: which metric gives which figure. */
  mapping?: PromMapping;
  /** For `prometheus`: the exposition path, default `/metrics`. */
  metricsPath?: string;
  /** For `rabbitmq-prometheus`: which endpoint, default `detailed`. */
  endpointKind?: "detailed" | "per-object";
  /** For `rabbitmq-api`: a Prometheus listener to read counters from when the metrics collector is disabled. */
  counterFallback?: BrokerEndpoint;
  http?: Omit<HttpOptions, "authorization" | "signal">;
  now?: () => number;
}

/** Builds the source for a configuration (the bridge and the CLI share it). */
export function createSource(config: RemoteSourceConfig): LiveSource {
  const { endpoint, queue, vhost, now, http = {} } = config;
  const base = { ...http, endpoint, ...(now ? { now } : {}) };
  switch (config.kind) {
    case "rabbitmq-api": {
      const fb = config.counterFallback && rabbitmqPrometheusSource({ ...base, endpoint: config.counterFallback, queue, vhost });
      return rabbitmqApiSource({ ...base, queue, vhost, ...(fb ? { counterFallback: fb } : {}) });
    }
    case "rabbitmq-prometheus":
      return rabbitmqPrometheusSource({ ...base, queue, vhost, ...(config.endpointKind ? { endpointKind: config.endpointKind } : {}) });
    case "nats-jsz":
      return natsJszSource({ ...base, consumer: parseNatsQueueName(queue) });
    case "prometheus":
      return prometheusSource({ ...base, mapping: config.mapping ?? {}, path: config.metricsPath ?? "/metrics", label: queue });
  }
}
