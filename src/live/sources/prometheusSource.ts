import { readMappedPrometheus, type MappedPromState, type PromMapping } from "../parse/promMapping.ts";
import { parsePrometheusText } from "../parse/prometheusText.ts";
import { errorSample, type LiveSource } from "../types.ts";
import { basicAuthorization, type BrokerEndpoint } from "./brokerUrl.ts";
import { getText, type HttpOptions } from "./http.ts";

/** Options of {@link prometheusSource}. */
export interface PrometheusOptions extends Omit<HttpOptions, "authorization" | "signal"> {
  endpoint: BrokerEndpoint;
  /** Which metric gives which figure (see `validateMapping`). */
  mapping: PromMapping;
  /** Path of the exposition, `/metrics` or below it; default `/metrics`. */
  path?: string;
  /** A name for the queue in descriptions. */
  label?: string;
  now?: () => number;
}

/** True for `/metrics` and paths below it made of plain segments: the only paths a Prometheus source reads. */
export function isMetricsPath(path: string): boolean {
  return /^\/metrics(\/[A-Za-z0-9_\-.]+)*$/.test(path) && !path.split("/").includes("..");
}

/**
 * Reads any Prometheus text endpoint with a user-given metric mapping (see
 * `readMappedPrometheus`); counter state is kept between samples.
 */
export function prometheusSource(options: PrometheusOptions): LiveSource {
  const { endpoint, mapping, path = "/metrics", label, now = Date.now, ...http } = options;
  const authorization = basicAuthorization(endpoint.username, endpoint.password);
  let state: MappedPromState | undefined;
  return {
    kind: "prometheus",
    describe: () => `Prometheus ${endpoint.origin}${path}${label === undefined ? "" : `, ${JSON.stringify(label)}`}`,
    async sample(signal) {
      const t = now();
      if (!isMetricsPath(path)) return errorSample(t, { code: "badTarget", message: `refused metrics path ${JSON.stringify(path.slice(0, 60))}: only /metrics and below` });
      const res = await getText(endpoint.origin + path, `Prometheus ${endpoint.origin}`, { ...http, authorization, signal });
      if (!res.ok) return errorSample(t, res.error);
      const scrape = parsePrometheusText(res.value);
      if (!scrape.ok) return errorSample(t, scrape.error);
      const read = readMappedPrometheus(scrape.value, mapping, state, now());
      if (!read.ok) return errorSample(t, read.error);
      state = read.value.state;
      return read.value.sample;
    },
  };
}
