import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

const busy = readFileSync(new URL("../../live/fixtures/rabbitmq-3.10-api-queue-busy.json", import.meta.url), "utf8");

/** The misbehaviours the fake management API can show, by name (the queue name selects one). */
export const faultNames = ["slow", "401", "403", "404", "500", "html", "truncated", "nostats", "nullutil", "nanutil", "backwards"] as const;
export type FaultName = (typeof faultNames)[number];

/** A queue object from the recorded fixture, its counters advanced to `count`. */
export function queueBody(name: string, count: number, edit?: (q: Record<string, unknown>) => void): string {
  const q = JSON.parse(busy) as Record<string, unknown> & { message_stats: Record<string, number> };
  q.name = name;
  for (const k of ["publish", "ack", "deliver", "deliver_get"]) q.message_stats[k] = count;
  edit?.(q);
  return JSON.stringify(q);
}

function answer(res: ServerResponse, status: number, body: string, type = "application/json"): void {
  res.writeHead(status, { "content-type": type }).end(body);
}

/**
 * A loopback stand-in for the RabbitMQ management API that serves the recorded fixture, its
 * counters growing by 10 a request, and misbehaves on cue: `/api/queues/%2F/<fault>` answers
 * as `fault` says; `/api/queues/%2F/ok` behaves; `script` overrides a queue's answers in order.
 * `disableStats`: `/api/overview` says the management metrics collector is off.
 */
export async function faultyManagementApi(slowMs = 6000, disableStats = false) {
  const hits = new Map<string, number>();
  const times: Record<string, number[]> = {};
  const script = new Map<string, ((res: ServerResponse) => void)[]>();
  const pending = new Set<NodeJS.Timeout>();

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/api/overview") return answer(res, 200, JSON.stringify({ management_version: "3.10.8", disable_stats: disableStats }));
    const m = /^\/api\/queues\/%2F\/([^/]+)$/.exec(url.pathname);
    if (!m) return answer(res, 404, '{"error":"Object Not Found","reason":"Not Found"}');
    const name = decodeURIComponent(m[1]!);
    const n = (hits.get(name) ?? 0) + 1;
    hits.set(name, n);
    (times[name] ??= []).push(performance.now());
    const next = script.get(name)?.shift();
    if (next) return next(res);
    switch (name as FaultName | "ok") {
      case "slow": {
        const timer = setTimeout(() => answer(res, 200, queueBody(name, 10 * n)), slowMs);
        pending.add(timer);
        return;
      }
      case "401": return answer(res, 401, '{"error":"not_authorized","reason":"Login failed"}');
      case "403": return answer(res, 403, '{"error":"not_authorized","reason":"Not administrator user"}');
      case "404": return answer(res, 404, '{"error":"Object Not Found","reason":"Not Found"}');
      case "500": return answer(res, 500, '{"error":"Internal Server Error","reason":"{badmatch,timeout}"}');
      case "html": return answer(res, 200, "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");
      case "truncated": return answer(res, 200, queueBody(name, 10 * n).slice(0, 700));
      case "nostats": return answer(res, 200, queueBody(name, 0, (q) => delete q.message_stats));
      case "nullutil": return answer(res, 200, queueBody(name, 10 * n, (q) => Object.assign(q, { consumer_utilisation: null, consumer_capacity: null })));
      // JSON has no NaN: a broker (or a proxy) that writes one sends either the bare word or a string.
      case "nanutil": return answer(res, 200, queueBody(name, 10 * n, (q) => Object.assign(q, { consumer_utilisation: "NaN", consumer_capacity: "NaN" })));
      // A broker restart every fourth reading: counters fall back to a few messages.
      case "backwards": return answer(res, 200, queueBody(name, n % 4 === 0 ? 3 : 1000 + 10 * n));
      default: return answer(res, 200, queueBody(name, 10 * n));
    }
  }

  const server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://guest:guest@127.0.0.1:${port}`,
    hits,
    times,
    /** Queue the next answers of `queue`, one function per request. */
    script(queue: string, answers: ((res: ServerResponse) => void)[]): void {
      script.set(queue, answers);
    },
    close: () => new Promise<void>((r) => {
      for (const t of pending) clearTimeout(t);
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

/** Every number in `value`, with its JSON path: a report must hold none that is not finite. */
export function nonFiniteNumbers(value: unknown, path = "$"): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path}: ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFiniteNumbers(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => nonFiniteNumbers(v, `${path}.${k}`));
  return [];
}
