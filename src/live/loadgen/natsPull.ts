import type { Consumer, JsMsg } from "nats";
import type { Delivery } from "./session.ts";

/** How long one pull request waits for messages, ms (JetStream's minimum is 1 s). */
const PULL_EXPIRES_MS = 1000;

/**
 * One application consumer on a JetStream pull consumer, holding at most `window` messages
 * (delivered, not yet acked or nacked): a new pull request is issued for the free part of the
 * window whenever it grows, so with window 1 the next message is asked for at the ack, as with
 * RabbitMQ's prefetch 1. Returns a function that stops issuing pulls (outstanding ones expire).
 */
export function startPullWorker(consumer: Consumer, window: number, onMessage: (d: Delivery) => void, onError: (e: Error) => void): () => void {
  let held = 0;
  let requested = 0;
  let stopped = false;
  let wake: () => void = () => undefined;
  const poke = () => wake();
  /** The message's ack and nack, settling it once: the window slot frees at the first. */
  const delivery = (m: JsMsg): Delivery => {
    let done = false;
    const settle = (act: () => void) => {
      if (done) return;
      done = true;
      act();
      held--;
      poke();
    };
    return { body: m.data, redelivered: m.redelivered, ack: () => settle(() => m.ack()), nack: (requeue) => settle(() => (requeue ? m.nak() : m.term())) };
  };
  const pull = async (want: number) => {
    let got = 0;
    try {
      const batch = await consumer.fetch({ max_messages: want, expires: PULL_EXPIRES_MS });
      for await (const m of batch) {
        got++;
        requested--;
        held++;
        onMessage(delivery(m));
      }
    } catch (e) {
      if (!stopped) onError(e as Error);
    } finally {
      requested -= want - got;
      poke();
    }
  };
  void (async () => {
    while (!stopped) {
      const changed = new Promise<void>((resolve) => (wake = resolve));
      const want = window - held - requested;
      if (want > 0) {
        requested += want;
        void pull(want);
      }
      await changed;
    }
  })();
  return () => {
    stopped = true;
    poke();
  };
}
