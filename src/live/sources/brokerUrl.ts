import { liveError, type LiveResult } from "../types.ts";

/** A broker endpoint with the credentials taken out of the URL. */
export interface BrokerEndpoint {
  /** `http://127.0.0.1:15672`: scheme, host and port only; safe to print. */
  origin: string;
  username?: string;
  password?: string;
}

/**
 * True for loopback host names: `localhost`, 127.0.0.0/8, `::1` (bracketed or not) and the
 * IPv4-mapped `::ffff:127.x.y.z`. Kendall only ever talks to brokers on this machine.
 */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (h === "localhost" || h === "::1" || h === "0:0:0:0:0:0:0:1") return true;
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return v4 !== null && v4[1] === "127" && v4.slice(2).every((p) => Number(p) <= 255);
}

/**
 * Parses a broker base URL such as `http://guest:guest@127.0.0.1:15672`: http or https, a
 * loopback host, no path beyond `/`, no query or fragment. Credentials in the URL are taken
 * out (percent-decoded) so they travel only in an Authorization header and never get printed.
 * Returns `badTarget` with a message that never repeats the credentials.
 */
export function parseBrokerUrl(text: string): LiveResult<BrokerEndpoint> {
  let url: URL;
  try {
    url = new URL(String(text));
  } catch {
    return liveError("badTarget", "not a URL: expected e.g. http://127.0.0.1:15672");
  }
  const shown = `${url.protocol}//${url.host}`;
  if (url.protocol !== "http:" && url.protocol !== "https:") return liveError("badTarget", `unsupported scheme ${JSON.stringify(url.protocol)}: only http and https`);
  if (!isLoopbackHost(url.hostname)) return liveError("badTarget", `${shown} is not a loopback address: Kendall only reads brokers on this machine (127.0.0.1, ::1, localhost)`);
  if (url.pathname !== "/" && url.pathname !== "") return liveError("badTarget", `${shown}: give the base URL only, without a path (got ${JSON.stringify(url.pathname.slice(0, 60))})`);
  if (url.search !== "" || url.hash !== "") return liveError("badTarget", `${shown}: the base URL takes no query or fragment`);
  const out: BrokerEndpoint = { origin: shown };
  try {
    if (url.username !== "") out.username = decodeURIComponent(url.username);
    if (url.password !== "") out.password = decodeURIComponent(url.password);
  } catch {
    return liveError("badTarget", `${shown}: the credentials in the URL are not valid percent-encoding`);
  }
  return { ok: true, value: out };
}

/** An HTTP Basic Authorization header value (UTF-8, RFC 7617), or undefined without a user. */
export function basicAuthorization(username?: string, password?: string): string | undefined {
  if (username === undefined && password === undefined) return undefined;
  const bytes = new TextEncoder().encode(`${username ?? ""}:${password ?? ""}`);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}
