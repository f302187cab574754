/**
 * Same-time event priorities: when two events fall at the same simulated time, the lower number
 * runs first (SimPy's `(time, priority, eid)`, simmer's `PRIORITY_*` table in `common.h`). One
 * table, so the order of simultaneous events is a decision made once, here.
 *
 * A completion runs before an arrival at the same instant, so a consumer freed at t can take a
 * message published at t (as a broker delivering on ack would); expiries run before arrivals so a
 * message due to expire at t does not count against the capacity an arrival at t sees.
 */
export const EventPriority = {
  /** A consumer finishes a message (ack or nack follows). */
  complete: 10,
  /** A ready message reaches its TTL. */
  expire: 20,
  /** A message (or batch) is published from outside. */
  arrival: 30,
  /** A dead-lettered message is republished to its dead-letter target (after the event that dead-lettered it). */
  deadLetter: 35,
  /** Bookkeeping: warm-up end, sampling, stop. */
  control: 40,
} as const;

/** Event kinds the simulation dispatches on. */
export const EventKind = {
  arrival: 0,
  complete: 1,
  expire: 2,
  control: 3,
  deadLetter: 4,
} as const;
