import { asObject, parseJsonBody } from "../parse/body.ts";
import { errorSample, type LiveError, type LiveErrorCode, type LiveSample, type LiveSource } from "../types.ts";

/** Options of {@link bridgeSource}. */
export interface BridgeSourceOptions {
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  /** Where the page reaches the bridge; default `/bridge` (Vite proxies it). */
  bridgeUrl?: string;
  /** A target id returned by `POST /bridge/targets`. */
  target: string;
  queue: string;
  vhost?: string;
  now?: () => number;
}

const codes: readonly LiveErrorCode[] = ["unreachable", "timeout", "unauthorized", "notFound", "metricsDisabled", "malformed", "tooLarge", "httpError", "redirect", "badTarget", "rateLimited", "forbidden", "badRequest", "unknownTarget"];

/** Reads `{ error: { code, message } }` from a bridge answer, if that is what it is. */
export function bridgeError(body: unknown): LiveError | undefined {
  const e = asObject(asObject(body)?.error);
  if (!e || typeof e.message !== "string") return undefined;
  const code = codes.includes(e.code as LiveErrorCode) ? (e.code as LiveErrorCode) : "httpError";
  return { code, message: e.message.slice(0, 300) };
}

/** Checks the shape of a sample that came over the wire. */
export function isLiveSample(value: unknown): value is LiveSample {
  const o = asObject(value);
  return !!o && typeof o.t === "number" && !!asObject(o.counters) && !!asObject(o.gauges) && Array.isArray(o.notes);
}

/** Sends a request to the bridge and reads its JSON answer, whatever the status (errors are JSON too). */
export async function bridgeRequest(url: string, init: RequestInit, options: { fetchImpl?: typeof fetch; timeoutMs?: number; signal?: AbortSignal } = {}): Promise<{ ok: true; status: number; body: unknown } | { ok: false; error: LiveError }> {
  const { fetchImpl = globalThis.fetch, timeoutMs = 10_000 } = options;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const res = await fetchImpl(url, { ...init, signal, credentials: "same-origin", cache: "no-store", redirect: "error" });
    const text = await res.text();
    const json = parseJsonBody(text, "bridge");
    if (!json.ok) return { ok: false, error: res.ok ? json.error : { code: res.status === 404 ? "unreachable" : "httpError", message: `the Kendall bridge is not answering (HTTP ${res.status}): is npm start running?` } };
    return { ok: true, status: res.status, body: json.value };
  } catch {
    return { ok: false, error: { code: timeout.aborted ? "timeout" : "unreachable", message: "the Kendall bridge is unreachable: is npm start running?" } };
  }
}

/**
 * A live source that reads through the loopback bridge (`GET {bridgeUrl}/sample`): what the page
 * uses for real brokers, since browsers cannot call their APIs cross-origin with credentials.
 * Credentials were given to the bridge once (`POST /bridge/targets`) and never travel again.
 */
export function bridgeSource(options: BridgeSourceOptions): LiveSource {
  const { bridgeUrl = "/bridge", target, queue, vhost, now = Date.now, fetchImpl, timeoutMs } = options;
  const params = new URLSearchParams({ target, queue, ...(vhost === undefined ? {} : { vhost }) });
  const base = typeof location === "undefined" ? undefined : location.href;
  const url = new URL(`${bridgeUrl}/sample?${params}`, base).href;
  return {
    kind: "bridge",
    describe: () => `bridge target ${JSON.stringify(target)}, queue ${JSON.stringify(queue)}`,
    async sample(signal) {
      const t = now();
      const res = await bridgeRequest(url, { method: "GET" }, { fetchImpl, timeoutMs, signal });
      if (!res.ok) return errorSample(t, res.error);
      if (isLiveSample(res.body)) return res.body;
      return errorSample(t, bridgeError(res.body) ?? { code: "malformed", message: "bridge: the answer is not a sample" });
    },
  };
}

/** What the page sends to configure a broker at the bridge (credentials go in the body, never in a URL). */
export interface BridgeTargetInput {
  kind: "rabbitmq-api" | "rabbitmq-prometheus" | "nats-jsz" | "prometheus";
  /** Loopback base URL without credentials, e.g. `http://127.0.0.1:15672`. */
  baseUrl: string;
  username?: string;
  password?: string;
  /** For `prometheus`: figure -> selector, e.g. `{ "acked": "jobs_done_total{queue=\"a\"}" }`. */
  mapping?: Record<string, string>;
  metricsPath?: string;
  counterFallbackUrl?: string;
}

/** The bridge's answer: the target id and what may be shown of it. */
export interface BridgeTargetInfo {
  id: string;
  kind: string;
  baseUrl: string;
  hasCredentials: boolean;
}

/**
 * Configures a broker at the bridge (`POST {bridgeUrl}/targets`) and returns its id for
 * `bridgeSource`. The bridge keeps the credentials in memory and never sends them back.
 */
export async function addBridgeTarget(input: BridgeTargetInput, options: { bridgeUrl?: string; fetchImpl?: typeof fetch } = {}): Promise<{ ok: true; value: BridgeTargetInfo } | { ok: false; error: LiveError }> {
  const { bridgeUrl = "/bridge", fetchImpl } = options;
  const base = typeof location === "undefined" ? undefined : location.href;
  const res = await bridgeRequest(new URL(`${bridgeUrl}/targets`, base).href, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) }, { fetchImpl });
  if (!res.ok) return res;
  const info = asObject(res.body);
  if (res.status === 201 && info && typeof info.id === "string") return { ok: true, value: info as unknown as BridgeTargetInfo };
  return { ok: false, error: bridgeError(res.body) ?? { code: "malformed", message: "bridge: unexpected answer to POST /targets" } };
}
