/**
 * Broker failures the command line reports with exit code 3 (unreachable or refusing), and the
 * scrubbing that keeps credentials out of every message and result.
 */

/** What went wrong talking to a broker. */
export type BrokerErrorKind = "unreachable" | "refused" | "missing-queue" | "unsupported" | "queue-in-use";

/**
 * A broker could not be reached, refused the login, or lacks what the run needs (exit 3); or a
 * named queue is in use, holding messages or consumers the run would mix with (bad input, exit 2).
 */
export class BrokerError extends Error {
  constructor(readonly kind: BrokerErrorKind, message: string) {
    super(message);
    this.name = "BrokerError";
  }
}

/**
 * A broker URL without its credentials: `amqp://guest:secret@127.0.0.1:5672/vh` gives
 * `amqp://127.0.0.1:5672/vh`. A string that is not a URL comes back with anything before an `@`
 * removed.
 */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url.includes("://") ? url : `nats://${url}`);
    u.username = "";
    u.password = "";
    const shown = u.toString();
    return url.includes("://") ? shown : shown.replace(/^nats:\/\//, "");
  } catch {
    return url.replace(/^([a-z]+:\/\/)?[^@/]*@/i, "$1");
  }
}

/** The user name and password in a URL (decoded), for scrubbing messages; empty when none. */
export function urlSecrets(url: string): string[] {
  try {
    const u = new URL(url.includes("://") ? url : `nats://${url}`);
    // Longest first, so "user:pass" goes before "pass" alone.
    const all = [u.username && u.password ? `${u.username}:${u.password}` : "", u.password, decodeURIComponent(u.password)];
    return all.filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);
  } catch {
    return [];
  }
}

/** `message` with every secret replaced by `***` and every `user:pass@` in a URL removed. */
export function scrubSecrets(message: string, secrets: string[]): string {
  let out = message.replace(/([a-z]+:\/\/)[^@\s/]*@/gi, "$1");
  for (const s of secrets) out = out.split(s).join("***");
  return out;
}

/** A connection error as a BrokerError: unreachable (refused port, DNS, timeout) or refusing (login, vhost). */
export function connectError(brokerName: string, shownUrl: string, e: unknown, secrets: string[]): BrokerError {
  const err = e as { code?: string; message?: string };
  const raw = scrubSecrets(String(err.message ?? e), secrets);
  const code = err.code ?? "";
  // Addresses are taken out before matching reply codes: port 45309 is not AMQP's 530.
  const probe = `${code} ${raw}`.replace(/[a-z]+:\/\/\S+/gi, " ").replace(/\d{1,3}(\.\d{1,3}){3}(:\d+)?|\[[0-9a-f:]+\](:\d+)?/gi, " ");
  if (/ACCESS.REFUSED|AUTHORIZATION|AUTHENTICATION|\b403\b|NOT_ALLOWED|\b530\b/i.test(probe)) {
    return new BrokerError("refused", `${brokerName} at ${shownUrl} refused the connection: ${raw}`);
  }
  if (/Expected ConnectionOpenOk/.test(raw)) {
    return new BrokerError("refused", `${brokerName} at ${shownUrl} closed the connection on open: the virtual host does not exist or the user may not use it`);
  }
  if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|ECONNRESET|EAI_AGAIN|CONNECTION_REFUSED|TIMEOUT/i.test(probe)) {
    return new BrokerError("unreachable", `${brokerName} unreachable at ${shownUrl}: ${raw}`);
  }
  return new BrokerError("unreachable", `cannot connect to ${brokerName} at ${shownUrl}: ${raw}`);
}
