import { parseJszText, type NatsConsumerRef } from "../parse/natsJsz.ts";
import { errorSample, type LiveSource } from "../types.ts";
import { basicAuthorization, type BrokerEndpoint } from "./brokerUrl.ts";
import { getText, type HttpOptions } from "./http.ts";

/** Options of {@link natsJszSource}. */
export interface NatsJszOptions extends Omit<HttpOptions, "authorization" | "signal"> {
  /** The NATS monitoring listener, e.g. `http://127.0.0.1:8222`. */
  endpoint: BrokerEndpoint;
  consumer: NatsConsumerRef;
  /** Limits the report to one account (`acc=`); default all. */
  account?: string;
  now?: () => number;
}

/**
 * Reads a JetStream consumer from NATS monitoring: `GET /jsz?streams=true&consumers=true&config=true`
 * (see `parseJsz`). The figures are real time.
 */
export function natsJszSource(options: NatsJszOptions): LiveSource {
  const { endpoint, consumer, account, now = Date.now, ...http } = options;
  const authorization = basicAuthorization(endpoint.username, endpoint.password);
  const acc = account === undefined ? "" : `&acc=${encodeURIComponent(account)}`;
  const url = `${endpoint.origin}/jsz?streams=true&consumers=true&config=true${acc}`;
  const name = consumer.consumer === undefined ? consumer.stream : `${consumer.stream}/${consumer.consumer}`;
  return {
    kind: "nats-jsz",
    describe: () => `NATS JetStream ${endpoint.origin}/jsz, consumer ${JSON.stringify(name)}`,
    async sample(signal) {
      const t = now();
      const res = await getText(url, `NATS monitoring ${endpoint.origin}`, { ...http, authorization, signal });
      if (!res.ok) return errorSample(t, res.error);
      const parsed = parseJszText(res.value, consumer, t);
      return parsed.ok ? parsed.value : errorSample(t, parsed.error);
    },
  };
}
