import type { LiveErrorCode, LiveSample } from "../../live/index.ts";

/**
 * Where the live view stands: not sampled yet, reading, or failing (with what failed, since
 * when, and how many readings in a row). Sampling goes on in every state, so a broker that
 * comes back turns `failing` into `reading` by itself.
 */
export type LiveStatus =
  | { kind: "waiting" }
  | { kind: "reading"; sinceMs: number; recoveredFrom: LiveErrorCode | null }
  | { kind: "failing"; code: LiveErrorCode; message: string; sinceMs: number; failures: number; lastOkMs: number | null };

/** The status after one more reading (`nowMs` on the page's clock). Pure. */
export function nextStatus(prev: LiveStatus, sample: LiveSample, nowMs: number): LiveStatus {
  if (sample.error) {
    const same = prev.kind === "failing" && prev.code === sample.error.code;
    return {
      kind: "failing",
      code: sample.error.code,
      message: sample.error.message,
      sinceMs: same ? prev.sinceMs : nowMs,
      failures: prev.kind === "failing" ? prev.failures + 1 : 1,
      lastOkMs: prev.kind === "reading" ? nowMs : prev.kind === "failing" ? prev.lastOkMs : null,
    };
  }
  if (prev.kind === "reading") return prev;
  return { kind: "reading", sinceMs: nowMs, recoveredFrom: prev.kind === "failing" ? prev.code : null };
}

/** A title and what to do, per error code: what the page shows in place of figures. */
export function errorAdvice(code: LiveErrorCode): { title: string; hint: string } {
  switch (code) {
    case "unreachable":
      return { title: "Unreachable", hint: "Nothing answers at that address. Is the broker (or npm start, which runs the bridge) running? Sampling goes on and resumes when it answers." };
    case "timeout":
      return { title: "No answer in time", hint: "The broker or the bridge did not answer within the timeout; sampling goes on." };
    case "unauthorized":
      return { title: "401: credentials refused", hint: "Check the user name and password, then press Connect again." };
    case "forbidden":
      return { title: "Forbidden", hint: "The user may not read this queue's metrics (RabbitMQ needs the monitoring tag), or the bridge refused the request." };
    case "notFound":
      return { title: "Unknown queue", hint: "The broker has no queue (or vhost, stream, consumer) by that name. Check its spelling; sampling goes on in case it is created." };
    case "metricsDisabled":
      return { title: "Metrics disabled", hint: "The broker does not collect the figures needed (RabbitMQ: the management metrics collector or the Prometheus plugin is off)." };
    case "malformed":
      return { title: "Malformed response", hint: "The endpoint answered with something that is not the expected metrics: is this the right kind of source and port?" };
    case "unknownTarget":
      return { title: "The bridge forgot this broker", hint: "The bridge was restarted and holds no credentials on disk: the page configures it again." };
    case "tooLarge":
      return { title: "Response too large", hint: "The metrics endpoint answered with more than the bridge accepts." };
    case "rateLimited":
      return { title: "Too many requests", hint: "The bridge refused a burst of requests; sampling goes on at its pace." };
    case "badTarget":
    case "badRequest":
      return { title: "Invalid settings", hint: "The bridge refused the settings: only loopback brokers, and no credentials in URLs." };
    case "redirect":
    case "httpError":
      return { title: "Error from the broker", hint: "The endpoint answered with an HTTP error; sampling goes on." };
  }
}
