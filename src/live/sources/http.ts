import { liveError, type LiveResult } from "../types.ts";

/** How a source fetches: injectable for tests, limited in time and size. */
export interface HttpOptions {
  /** Defaults to the global fetch (Node 20, browsers). */
  fetchImpl?: typeof fetch;
  /** Per request, default 5000 ms. */
  timeoutMs?: number;
  /** Largest response body accepted, default 8 MB. */
  maxBytes?: number;
  /** Sent as is; never logged or echoed. */
  authorization?: string;
  signal?: AbortSignal;
}

/** Default limits of broker requests. */
export const httpDefaults = { timeoutMs: 5000, maxBytes: 8 * 1024 * 1024 };

function networkError(e: unknown, where: string, timedOut: boolean, aborted: boolean): LiveResult<never> {
  if (timedOut) return liveError("timeout", `${where} did not answer in time`);
  if (aborted) return liveError("unreachable", `${where}: request cancelled`);
  const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code;
  const why = cause === "ECONNREFUSED" ? "connection refused" : cause === "ECONNRESET" ? "connection reset" : cause ?? "network error";
  return liveError("unreachable", `${where} is unreachable (${why})`);
}

async function readLimited(res: Response, maxBytes: number, where: string): Promise<LiveResult<string>> {
  const declared = Number(res.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return liveError("tooLarge", `${where}: response of ${declared} bytes exceeds the ${maxBytes}-byte limit`);
  if (!res.body) return { ok: true, value: await res.text() };
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return liveError("tooLarge", `${where}: response exceeds the ${maxBytes}-byte limit`);
    }
    text += decoder.decode(value, { stream: true });
  }
  return { ok: true, value: text + decoder.decode() };
}

function statusError(status: number, where: string): LiveResult<never> {
  if (status === 401 || status === 403) return liveError("unauthorized", `${where} refused the credentials (HTTP ${status})`);
  if (status === 404) return liveError("notFound", `${where}: not found (HTTP 404)`);
  if (status === 429) return liveError("rateLimited", `${where}: too many requests (HTTP 429)`);
  if ((status >= 300 && status < 400) || status === 0) return liveError("redirect", `${where} answered with a redirect, which is not followed`);
  return liveError("httpError", `${where} answered HTTP ${status}`);
}

/**
 * GETs `url` and returns its body as text. Redirects are not followed (a redirect could lead
 * off this machine); statuses map to stable codes (401/403 `unauthorized`, 404 `notFound`,
 * other non-2xx `httpError`); refused connections are `unreachable`; the body is cut off at
 * `maxBytes` (`tooLarge`). `where` names the endpoint in messages: pass a URL without
 * credentials. Never throws.
 */
export async function getText(url: string, where: string, options: HttpOptions = {}): Promise<LiveResult<string>> {
  const { fetchImpl = globalThis.fetch, timeoutMs = httpDefaults.timeoutMs, maxBytes = httpDefaults.maxBytes } = options;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
  const headers: Record<string, string> = { accept: "application/json, text/plain;q=0.9, */*;q=0.1" };
  if (options.authorization) headers.authorization = options.authorization;
  try {
    const res = await fetchImpl(url, { method: "GET", headers, redirect: "manual", signal, credentials: "omit", cache: "no-store" });
    if (res.status < 200 || res.status >= 300 || res.type === "opaqueredirect") {
      await res.body?.cancel().catch(() => undefined);
      return statusError(res.type === "opaqueredirect" ? 0 : res.status, where);
    }
    return await readLimited(res, maxBytes, where);
  } catch (e) {
    return networkError(e, where, timeout.signal.aborted, options.signal?.aborted ?? false);
  } finally {
    clearTimeout(timer);
  }
}
