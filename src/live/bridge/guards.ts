import { isLoopbackHost } from "../sources/brokerUrl.ts";

/** The host part of a Host header or an origin's authority (`127.0.0.1:5173`, `[::1]:5174`). */
function hostOf(authority: string): string {
  const m = /^(\[[^\]]*\]|[^:]*)(?::\d{1,5})?$/.exec(authority);
  return m ? m[1]! : "";
}

/** True when a Host header names this machine: the bridge answers nothing else (DNS rebinding). */
export function isLoopbackHostHeader(host: string | undefined): boolean {
  return host !== undefined && isLoopbackHost(hostOf(host.trim()));
}

/**
 * True for an Origin header the bridge accepts: none (a non-browser client on this machine) or
 * an http(s) origin on a loopback host (the page through Vite's proxy, or the page itself).
 * `null` (sandboxed frames, file://) and every other origin are refused.
 */
export function isAllowedOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return true;
  const m = /^https?:\/\/([^/?#]+)$/.exec(origin.trim());
  return m !== null && isLoopbackHostHeader(m[1]);
}

/**
 * A token bucket: `capacity` requests at once, refilled at `perS` a second. `take` returns
 * false when the bucket is empty. The clock is injected (ms).
 */
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(private readonly capacity: number, private readonly perS: number, private readonly now: () => number = Date.now) {
    this.tokens = capacity;
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perS);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Refuses a non-loopback address to listen on, naming it (the bridge must not be reachable from other machines). */
export function assertLoopbackBind(host: string): void {
  if (!isLoopbackHost(host)) throw new RangeError(`invalid bridge host: ${JSON.stringify(host)} (the bridge listens on loopback only: 127.0.0.1, ::1 or localhost)`);
}
