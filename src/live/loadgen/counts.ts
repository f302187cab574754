import type { QueueSpec } from "../../scenario/types.ts";
import { Flag, type MessageLedger } from "./ledger.ts";
import type { LoadgenCounts } from "./types.ts";

/**
 * The final state of every published message, from the ledger and the count of messages left in
 * the queue after the consumers stopped (`leftInQueue`, null when the broker could not be asked).
 *
 * Messages the client saw settle are counted from the ledger: acked, dead-lettered (nacked
 * without requeue), dropped (refused or returned). The rest were confirmed or unconfirmed and
 * never settled; those found in the queue are `inFlight`. Whatever is neither was removed by the
 * broker unseen: `expired` when the queue has a TTL, `deadLettered` (maxlen) with drop-head
 * overflow, otherwise `lost`. When the queue could not be counted, they are all `inFlight`
 * (fate unknown) and a note says so.
 */
export function settleCounts(ledger: MessageLedger, seen: { delivered: number; redelivered: number; nacked: number }, leftInQueue: number | null, spec: QueueSpec, notes: string[]): LoadgenCounts {
  const published = ledger.size;
  const acked = ledger.count(Flag.acked, Flag.acked);
  const nackedOut = ledger.count(Flag.acked | Flag.deadLettered, Flag.deadLettered);
  const dropped = ledger.count(Flag.refused, Flag.refused);
  const confirmed = ledger.count(Flag.confirmed, Flag.confirmed);
  const unconfirmed = ledger.count(Flag.confirmed | Flag.refused, 0);
  const remaining = published - acked - nackedOut - dropped;
  let inFlight = remaining;
  let expired = 0;
  let maxlen = 0;
  let lost = 0;
  if (leftInQueue === null) {
    if (remaining > 0) notes.push(`${remaining} messages of unknown fate (the broker could not be asked what is left in the queue): counted in flight`);
  } else {
    inFlight = Math.min(leftInQueue, remaining);
    const removed = remaining - inFlight;
    if (leftInQueue > remaining) notes.push(`${leftInQueue - remaining} more messages were in the queue than expected: acks lost with the connection, or messages that are not this run's`);
    if (spec.ttl !== undefined) expired = removed;
    else if (spec.overflow === "drop-head" && spec.capacity !== null) maxlen = removed;
    else lost = removed;
  }
  if (unconfirmed > 0) notes.push(`${unconfirmed} publishes were never confirmed by the broker`);
  if (lost > 0 && lost <= unconfirmed) notes.push(`${lost} messages are lost: published but never confirmed, not acked and not in the queue (they did not reach the broker before the connection dropped)`);
  else if (lost > 0) notes.push(`${lost} messages are lost: published, not acked, not dead-lettered and not left in the queue (${unconfirmed} were never confirmed)`);
  return {
    published, confirmed, unconfirmed, acked, expired, deadLettered: nackedOut + maxlen, dropped, inFlight, lost,
    delivered: seen.delivered, redelivered: seen.redelivered, nacked: seen.nacked, leftInQueue,
  };
}
