import type { BrokerOverheads } from "../../live/index.ts";
import { formatNumber } from "../../report/format.ts";

/** One of the two broker overheads, as the live view's fields name it. */
export interface OverheadField {
  key: keyof BrokerOverheads;
  /** Short label of the field (its unit, ms, shown beside it). */
  label: string;
  /** The `kendall live` flag that sets the same overhead (in seconds there). */
  flag: string;
  /** What the overhead is and where it goes, for the field's tooltip. */
  title: string;
}

export const overheadFields: readonly OverheadField[] = [
  { key: "publishToDeliverS", label: "Publish → deliver", flag: "--publish-to-deliver", title: "From publish to delivery to an idle consumer (routing, persistence): added to the predicted Wq and W. About 0.7 ms on a classic RabbitMQ queue, 1.6 ms on a quorum queue." },
  { key: "ackToNextDeliverS", label: "Ack → next deliver", flag: "--ack-to-deliver", title: "From an ack to the consumer's next delivery: extra service time, in the estimated μ (prefetch 1) and so in the fitted model. About 0.6 ms on a classic RabbitMQ queue, 2.3 ms on a quorum queue." },
];

/** The field's text for an overhead of `seconds`: milliseconds, up to 6 significant digits. */
export function overheadText(seconds: number): string {
  return formatNumber(seconds * 1000, 6);
}

/** What a typed overhead gives: the value in seconds, or the message to show beside the field. */
export type OverheadInput = { ok: true; seconds: number } | { ok: false; message: string };

/**
 * Reads an overhead typed in milliseconds: a finite number >= 0 (blank is 0, no overhead, as
 * without the CLI flag). Anything else is refused with a message naming the field and the value
 * and the last good value kept (`lastS`, seconds), so the prediction never sees NaN. Pure.
 */
export function parseOverheadMs(field: OverheadField, text: string, lastS: number): OverheadInput {
  const t = text.trim();
  if (t === "") return { ok: true, seconds: 0 };
  const ms = Number(t);
  if (Number.isFinite(ms) && ms >= 0 && Number.isFinite(ms / 1000)) return { ok: true, seconds: ms / 1000 };
  const shown = JSON.stringify(t.length > 24 ? `${t.slice(0, 24)}…` : t);
  return { ok: false, message: `${field.label}: ${shown} is not a number of milliseconds ≥ 0; keeping ${overheadText(lastS)} ms.` };
}
