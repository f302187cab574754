import seedrandom from "seedrandom";
import type { RandomSource } from "./random/types.ts";

/**
 * A named random stream derived from the scenario seed. Streams are independent of each other
 * and of every other parameter, so changing one queue's service rate leaves the arrival stream
 * untouched (common random numbers across slider moves).
 *
 * Names follow `r<replication>/<role>:<queue id>`, e.g. `r0/arrivals:orders`; see `streamName`.
 * Alea (seedrandom) is used for speed (~5 ns a draw); it gives 32 bits per draw, in [0, 1).
 */
export function createStream(seed: number, name: string): RandomSource {
  return seedrandom.alea(`${seed}/${name}`);
}

/** The canonical stream name for a role (`arrivals`, `service`, `routing`, ...) of a queue in a replication. */
export function streamName(replication: number, role: string, queueId: string): string {
  return `r${replication}/${role}:${queueId}`;
}
