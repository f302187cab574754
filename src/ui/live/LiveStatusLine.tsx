import { formatNumber } from "../../report/format.ts";
import { errorAdvice } from "./liveStatus.ts";
import type { LiveViewState } from "./liveSession.ts";

/** What the source is doing now: waiting, reading (recovered from what), or failing and why. */
export function LiveStatusLine({ view }: { view: LiveViewState }) {
  const s = view.status;
  if (s.kind === "waiting") return <p className="live-status live-waiting" data-live-status="waiting" role="status">Connecting to {view.source}…</p>;
  if (s.kind === "failing") {
    const advice = errorAdvice(s.code);
    return (
      <div className="live-status live-failing" data-live-status={s.code} role="alert">
        <strong>{advice.title}</strong> <span className="live-message">{s.message}</span>
        <p className="hint">{advice.hint} {s.failures > 1 ? `${s.failures} readings failed in a row.` : ""}</p>
      </div>
    );
  }
  return (
    <p className="live-status live-reading" data-live-status="reading" role="status">
      Reading {view.source} every {formatNumber(view.intervalS)} s; {view.readings} readings.
      {s.recoveredFrom && <span className="live-recovered"> Recovered ({errorAdvice(s.recoveredFrom).title.toLowerCase()} before).</span>}
      {view.history.resets > 0 && <span className="live-reset"> Counters reset {view.history.resets === 1 ? "once" : `${view.history.resets} times`} (broker restarted or queue re-created): the window restarted after the reset.</span>}
    </p>
  );
}
