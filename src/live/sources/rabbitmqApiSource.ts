import { parseJsonBody, asObject } from "../parse/body.ts";
import { parseRabbitQueueText } from "../parse/rabbitmqQueue.ts";
import { errorSample, type LiveSample, type LiveSource } from "../types.ts";
import { basicAuthorization, type BrokerEndpoint } from "./brokerUrl.ts";
import { getText, type HttpOptions } from "./http.ts";

/** Options of {@link rabbitmqApiSource}. */
export interface RabbitApiOptions extends Omit<HttpOptions, "authorization" | "signal"> {
  endpoint: BrokerEndpoint;
  queue: string;
  /** Default "/". */
  vhost?: string;
  /** Reads counters here when the management API has none (metrics collector disabled). */
  counterFallback?: LiveSource;
  /** Wall clock in ms; default Date.now. */
  now?: () => number;
}

/**
 * Reads a queue from the RabbitMQ management API: `GET /api/queues/{vhost}/{name}` with the
 * last two 5-s history samples, so counters carry the broker's refresh time (see
 * `parseRabbitQueue`). A 404 is an unknown queue. When `message_stats` is absent, asks
 * `/api/overview` once whether the metrics collector is disabled; then the counters come from
 * `counterFallback` (the Prometheus source) if given, else the sample fails `metricsDisabled`.
 */
export function rabbitmqApiSource(options: RabbitApiOptions): LiveSource {
  const { endpoint, queue, vhost = "/", counterFallback, now = Date.now, ...http } = options;
  const authorization = basicAuthorization(endpoint.username, endpoint.password);
  const path = `/api/queues/${encodeURIComponent(vhost)}/${encodeURIComponent(queue)}`;
  const query = "?msg_rates_age=5&msg_rates_incr=5&lengths_age=5&lengths_incr=5";
  const where = `RabbitMQ management API ${endpoint.origin}`;
  let statsDisabled: boolean | undefined;

  async function collectorDisabled(signal?: AbortSignal): Promise<boolean> {
    if (statsDisabled !== undefined) return statsDisabled;
    const res = await getText(`${endpoint.origin}/api/overview`, where, { ...http, authorization, signal });
    const json = res.ok ? parseJsonBody(res.value, "RabbitMQ overview") : undefined;
    const overview = json?.ok ? asObject(json.value) : undefined;
    if (overview) statsDisabled = overview.disable_stats === true;
    return statsDisabled ?? false;
  }

  async function withFallback(sample: LiveSample, signal?: AbortSignal): Promise<LiveSample> {
    if (Object.keys(sample.counters).length > 0 || !(await collectorDisabled(signal))) return sample;
    if (!counterFallback) return { ...errorSample(sample.t, { code: "metricsDisabled", message: "the RabbitMQ management metrics collector is disabled (no message_stats): read the Prometheus endpoint (port 15692) instead" }), gauges: sample.gauges };
    const fb = await counterFallback.sample(signal);
    if (fb.error) return { ...sample, notes: [...sample.notes, `counter fallback failed: ${fb.error.message}`] };
    const merged: LiveSample = { ...sample, counters: fb.counters, notes: [...sample.notes.filter((n) => !n.startsWith("message_stats")), `counters from ${counterFallback.describe()} (metrics collector disabled)`] };
    if (fb.countersAt !== undefined) merged.countersAt = fb.countersAt;
    else delete merged.countersAt;
    return merged;
  }

  return {
    kind: "rabbitmq-api",
    describe: () => `RabbitMQ management API ${endpoint.origin}, vhost ${JSON.stringify(vhost)}, queue ${JSON.stringify(queue)}`,
    async sample(signal) {
      const t = now();
      const res = await getText(endpoint.origin + path + query, where, { ...http, authorization, signal });
      if (!res.ok) {
        const error = res.error.code === "notFound" ? { code: "notFound" as const, message: `no queue ${JSON.stringify(queue)} in vhost ${JSON.stringify(vhost)} at ${endpoint.origin}` } : res.error;
        return errorSample(t, error);
      }
      const parsed = parseRabbitQueueText(res.value, t);
      return parsed.ok ? withFallback(parsed.value, signal) : errorSample(t, parsed.error);
    },
  };
}
