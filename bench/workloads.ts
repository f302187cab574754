import { streamName } from "../src/engine/rng.ts";

/**
 * The benchmark workloads, defined once so the engine, the typed-array reference and simjs all
 * simulate the same system with the same rates.
 *
 * Events are counted as the engine counts them (`runtime.events`, DESIGN.md): one per outside
 * arrival, one per service completion at any queue, one per expiry. A message that leaves an
 * M/M/1 costs two events, one that crosses the three-queue tandem costs four.
 */
export interface Workload {
  /** Short name shown in the tables: `W1`, `W2`, `W3`, `TTL`. */
  readonly id: string;
  /** Kendall notation and parameters, for the table. */
  readonly label: string;
  /** Outside arrival rate (per s). */
  readonly lambda: number;
  /** Service rate of one consumer (per s); service times are exponential with mean 1 / mu. */
  readonly mu: number;
  /** Consumers (servers) at each queue. */
  readonly servers: number;
  /** Queues in tandem: each message visits queue 0, then 1, ... (probability 1). */
  readonly stations: number;
  /** Mean of an exponential TTL on the ready state (s), when messages expire. */
  readonly ttlMean?: number;
}

/** M/M/1 at rho = 0.9: the headline figure (engine target >= 10 M events/s). */
export const W1: Workload = { id: "W1", label: "M/M/1 rho 0.9", lambda: 0.9, mu: 1, servers: 1, stations: 1 };

/** M/M/8 at rho = 0.9 (lambda 7.2, mu 1). */
export const W2: Workload = { id: "W2", label: "M/M/8 rho 0.9", lambda: 7.2, mu: 1, servers: 8, stations: 1 };

/** Three M/M/1 queues in tandem, each at rho = 0.9. */
export const W3: Workload = { id: "W3", label: "3 x M/M/1 tandem", lambda: 0.9, mu: 1, servers: 1, stations: 3 };

/**
 * TTL stress: lambda 11 into one consumer at mu 1, every message with an exponential TTL of mean
 * 10^4 s. The ready backlog n settles where expiries absorb the excess, n / ttlMean = lambda - mu,
 * so about 10^5 messages wait (reached within ~10^4 s, a tenth of a 10^6-message run), each with
 * a pending expiry timer that is cancelled when its message is delivered; expiries fall anywhere
 * in the queue, not only at its head.
 */
export const TTL: Workload = { id: "TTL", label: "M/M/1+M 10^5 backlog", lambda: 11, mu: 1, servers: 1, stations: 1, ttlMean: 1e4 };

/** The three throughput workloads that have targets against simjs and the reference loop. */
export const coreWorkloads: readonly Workload[] = [W1, W2, W3];

/**
 * Mean wait in the ready state (Wq, s) at the first queue by theory, to check that every
 * implementation simulates the same system: Erlang C over (c mu - lambda) (Gross & Harris,
 * Fundamentals of Queueing Theory, eq. 2.31). NaN for the TTL workload (M/M/1+M has no such
 * simple form), Infinity when rho >= 1.
 */
export function theoryWq(w: Workload): number {
  if (w.ttlMean !== undefined) return NaN;
  const c = w.servers;
  const a = w.lambda / w.mu;
  if (a >= c) return Infinity;
  // Erlang B by its recurrence, then C = B / (1 - rho (1 - B)).
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  const erlangC = b / (1 - rho * (1 - b));
  return erlangC / (c * w.mu - w.lambda);
}

/** Queue ids of a workload's stations, in tandem order (the engine's scenario uses them). */
export const QUEUE_IDS: readonly string[] = ["a", "b", "c", "d", "e", "f", "g", "h"];

/**
 * The alea seed string of a role's stream (`arrivals`, `service`, `ttl`) at station `s`, named
 * exactly as the engine names replication 0's streams (src/engine/rng.ts), so the reference loop
 * and simjs draw the very numbers the engine draws: the three simulate the same sample path, and
 * the same-model check below the tables can compare their mean waits digit for digit.
 */
export function streamSeed(seed: number, role: string, s: number): string {
  return `${seed}/${streamName(0, role, QUEUE_IDS[s]!)}`;
}
