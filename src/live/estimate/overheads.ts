/**
 * Broker overheads the queueing model does not see, set by the user (Kendall does not fit them
 * yet). Both are seconds >= 0; the defaults are 0.
 */
export interface BrokerOverheads {
  /** From publish to the message being deliverable (routing, persistence): added to predicted Wq and W. */
  publishToDeliverS: number;
  /** From an ack to the consumer's next delivery: the consumer is idle though messages wait; added to the mean service time. */
  ackToNextDeliverS: number;
}

/** No overheads. */
export const noOverheads: BrokerOverheads = Object.freeze({ publishToDeliverS: 0, ackToNextDeliverS: 0 });

/**
 * Overheads from user input, filling defaults. Throws RangeError naming the field for a value
 * that is not a finite number >= 0 (bad configuration, not live data).
 */
export function brokerOverheads(input: Partial<BrokerOverheads> = {}): BrokerOverheads {
  const out = { ...noOverheads, ...input };
  for (const [k, v] of Object.entries(out)) {
    if (!(typeof v === "number" && v >= 0 && v < Infinity)) throw new RangeError(`invalid overheads.${k}: ${String(v)} (must be a number of seconds >= 0)`);
  }
  return out;
}
