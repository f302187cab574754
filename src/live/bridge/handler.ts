import type { IncomingMessage, ServerResponse } from "node:http";
import { parseJsonBody } from "../parse/body.ts";
import type { HttpOptions } from "../sources/http.ts";
import type { LiveErrorCode, LiveSample } from "../types.ts";
import { isAllowedOrigin, isLoopbackHostHeader, RateLimiter } from "./guards.ts";
import { parseTargetInput, TargetRegistry } from "./targets.ts";

/** Limits of the bridge; every one has a default. */
export interface BridgeLimits {
  /** Largest request body (bytes), default 16 KiB. */
  maxBodyBytes: number;
  /** Longest request URL (characters), default 2048. */
  maxUrlLength: number;
  /** Requests in a burst, and refilled per second, over all clients. */
  burst: number;
  perS: number;
  /** Upstream request timeout (ms) and largest upstream answer (bytes). */
  upstreamTimeoutMs: number;
  upstreamMaxBytes: number;
}

/** Default limits. */
export const bridgeLimits: BridgeLimits = { maxBodyBytes: 16 * 1024, maxUrlLength: 2048, burst: 40, perS: 20, upstreamTimeoutMs: 5000, upstreamMaxBytes: 8 * 1024 * 1024 };

/** Options of {@link createBridgeHandler}. */
export interface BridgeOptions {
  limits?: Partial<BridgeLimits>;
  /** One line per request: method, path (no query, no body, no headers) and status. Default: none. */
  log?: (line: string) => void;
  now?: () => number;
  fetchImpl?: typeof fetch;
}

const statusOf: Partial<Record<LiveErrorCode, number>> = { badRequest: 400, badTarget: 400, forbidden: 403, unknownTarget: 404, tooLarge: 413, rateLimited: 429 };

class BridgeError extends Error {
  constructor(readonly code: LiveErrorCode, message: string, readonly status = statusOf[code] ?? 400) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  });
  res.end(text);
}

function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (declared > max) return reject(new BridgeError("tooLarge", `request body over ${max} bytes`));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > max) {
        req.removeAllListeners("data");
        req.resume();
        reject(new BridgeError("tooLarge", `request body over ${max} bytes`));
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Refuses requests that do not come from this machine's pages or tools. */
function checkRequest(req: IncomingMessage, limits: BridgeLimits, limiter: RateLimiter): URL {
  if ((req.url ?? "").length > limits.maxUrlLength) throw new BridgeError("badRequest", "request URL too long", 414);
  if (!isLoopbackHostHeader(req.headers.host)) throw new BridgeError("forbidden", "the bridge answers only requests addressed to 127.0.0.1, ::1 or localhost");
  const origin = req.headers.origin;
  if (!isAllowedOrigin(typeof origin === "string" ? origin : undefined)) throw new BridgeError("forbidden", "requests from other sites are refused (Origin is not a loopback page)");
  if (req.headers["sec-fetch-site"] === "cross-site") throw new BridgeError("forbidden", "cross-site requests are refused");
  if (!limiter.take()) throw new BridgeError("rateLimited", "too many requests: slow down");
  return new URL(req.url ?? "/", "http://127.0.0.1");
}

/**
 * The bridge's request handler: the loopback-only link between the page and the brokers the
 * user configured (DESIGN.md, "Live broker metrics"). Routes, all under `/bridge`:
 * `GET /health`; `POST /targets` (JSON `{ kind, baseUrl, username?, password?, mapping?,
 * metricsPath?, counterFallbackUrl? }`, answered with `{ id, kind, baseUrl, hasCredentials }`);
 * `GET /targets`; `DELETE /targets/ID`; `GET /sample?target=ID&queue=NAME[&vhost=V]`, answered
 * with a LiveSample (HTTP 502 with the sample's `error` when the broker fails). The bridge builds
 * every broker URL itself from the target's kind, so it reaches only configured loopback brokers
 * and only their metrics paths. Requests must name a loopback Host, come from no Origin or a
 * loopback one, fit the size limits and the rate limit; errors are `{ error: { code, message } }`.
 */
export function createBridgeHandler(options: BridgeOptions = {}): (req: IncomingMessage, res: ServerResponse) => void {
  const limits = { ...bridgeLimits, ...options.limits };
  const limiter = new RateLimiter(limits.burst, limits.perS, options.now);
  const http: Omit<HttpOptions, "authorization" | "signal"> = { timeoutMs: limits.upstreamTimeoutMs, maxBytes: limits.upstreamMaxBytes, ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}) };
  const registry = new TargetRegistry(http);
  const inFlight = new Map<string, Promise<LiveSample>>();

  async function route(req: IncomingMessage, url: URL): Promise<[number, unknown]> {
    const path = url.pathname.replace(/\/+$/, "");
    const method = req.method ?? "GET";
    if (path === "/bridge/health" && method === "GET") return [200, { ok: true, targets: registry.list().length }];
    if (path === "/bridge/targets" && method === "GET") return [200, { targets: registry.list() }];
    if (path === "/bridge/targets" && method === "POST") {
      if (!/^application\/json\b/i.test(req.headers["content-type"] ?? "")) throw new BridgeError("badRequest", "POST a JSON body (content-type application/json)", 415);
      const json = parseJsonBody(await readBody(req, limits.maxBodyBytes), "target");
      if (!json.ok) throw new BridgeError("badRequest", json.error.message);
      const input = parseTargetInput(json.value);
      if (!input.ok) throw new BridgeError(input.error.code, input.error.message);
      const added = registry.add(input.value);
      if (!added.ok) throw new BridgeError(added.error.code, added.error.message);
      return [201, added.value];
    }
    const del = /^\/bridge\/targets\/([A-Za-z0-9]{1,20})$/.exec(path);
    if (del && method === "DELETE") {
      if (!registry.remove(del[1]!)) throw new BridgeError("unknownTarget", "no such target");
      return [200, { deleted: del[1] }];
    }
    if (path === "/bridge/sample" && method === "GET") return sample(url);
    throw new BridgeError("badRequest", `no route ${method} ${path.slice(0, 60)}`, path.startsWith("/bridge") ? 405 : 404);
  }

  async function sample(url: URL): Promise<[number, unknown]> {
    const target = url.searchParams.get("target") ?? "";
    const queue = url.searchParams.get("queue") ?? "";
    const vhost = url.searchParams.get("vhost") ?? undefined;
    if (queue === "" || queue.length > 255 || (vhost !== undefined && vhost.length > 255)) throw new BridgeError("badRequest", "queue (1 to 255 characters) is required");
    const source = registry.source(target, queue, vhost);
    if (!source) throw new BridgeError("unknownTarget", "no such target: configure it with POST /bridge/targets");
    const key = `${target}\n${vhost ?? ""}\n${queue}`;
    // Concurrent reads of one queue share one broker request.
    let pending = inFlight.get(key);
    if (!pending) {
      pending = source.sample().finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    const s = await pending;
    return [s.error ? 502 : 200, s];
  }

  return (req, res) => {
    const started = options.now?.() ?? Date.now();
    const path = (req.url ?? "").split("?")[0]!.slice(0, 100) || "/";
    const done = (status: number, body: unknown) => {
      send(res, status, body);
      options.log?.(`${req.method ?? "?"} ${path} ${status} ${Math.round((options.now?.() ?? Date.now()) - started)}ms`);
    };
    (async () => {
      const url = checkRequest(req, limits, limiter);
      const [status, body] = await route(req, url);
      done(status, body);
    })().catch((e: unknown) => {
      if (e instanceof BridgeError) done(e.status, { error: { code: e.code, message: e.message } });
      else done(500, { error: { code: "httpError", message: "internal bridge error" } });
    });
  };
}
