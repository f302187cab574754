import { useId, useState } from "react";
import { formatNumber } from "../../report/format.ts";
import type { Scenario } from "../../scenario/index.ts";
import { useRealtime } from "../hooks/useRealtime.ts";
import { useWidth } from "../hooks/useWidth.ts";
import { formatCount } from "../model/formatCount.ts";
import { RealtimeAnimation } from "./RealtimeAnimation.tsx";
import { realtimeSpeeds } from "./realtimeController.ts";

/** The in-browser broker running the selected queue at wall-clock speed, animated, with its live metrics. */
export function RealtimePanel({ scenario, queueId }: { scenario: Scenario; queueId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="panel realtime" onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="realtime">
      <summary>Real time: watch the broker run this queue</summary>
      {open && <RealtimeBody scenario={scenario} queueId={queueId} />}
    </details>
  );
}

function RealtimeBody({ scenario, queueId }: { scenario: Scenario; queueId: string }) {
  const id = useId();
  const [frame, controller] = useRealtime(scenario, queueId);
  const [ref, width] = useWidth<HTMLDivElement>();
  const m = frame.metrics;
  return (
    <>
      <div className="realtime-controls">
        <button type="button" onClick={() => (frame.running ? controller.pause() : controller.start())} disabled={!!frame.halted || !!frame.error}>
          {frame.running ? "Pause" : "Start"}
        </button>
        <button type="button" onClick={() => controller.load(scenario, queueId)}>Restart</button>
        <label htmlFor={id}>Speed</label>
        <select id={id} value={frame.speed} onChange={(e) => controller.setSpeed(Number(e.currentTarget.value))}>
          {realtimeSpeeds.map((s) => (
            <option key={s} value={s}>
              {formatNumber(s)}× real time
            </option>
          ))}
        </select>
        <span className="hint">t = {formatNumber(frame.t, 4)} s simulated</span>
      </div>
      {frame.error && <p className="field-error">{frame.error}</p>}
      {frame.halted && <p className="warning">Stopped: {frame.halted}. Restart after changing the settings.</p>}
      <div ref={ref} className="chart-body">
        <RealtimeAnimation frame={frame} width={width} />
      </div>
      {m && (
        <dl className="live-metrics" data-testid="live-metrics">
          <div><dt>publish</dt><dd>{formatNumber(m.publishRatePerS, 3)}/s</dd></div>
          <div><dt>deliver</dt><dd>{formatNumber(m.deliverRatePerS, 3)}/s</dd></div>
          <div><dt>ack</dt><dd>{formatNumber(m.ackRatePerS, 3)}/s</dd></div>
          <div><dt>ready</dt><dd>{formatCount(m.ready)}</dd></div>
          <div><dt>unacked</dt><dd>{formatCount(m.unacked)}</dd></div>
          <div><dt>consumers busy</dt><dd>{formatCount(m.busyConsumers)} of {m.consumers === "unlimited" ? "∞" : formatCount(m.consumers)}</dd></div>
          <div><dt>acked</dt><dd>{formatCount(m.acked)}</dd></div>
          <div><dt>redelivered</dt><dd>{formatCount(m.redelivered)}</dd></div>
          <div><dt>expired / dead-lettered</dt><dd>{formatCount(m.expired)} / {formatCount(m.deadLettered)}</dd></div>
          <div><dt>dropped</dt><dd>{formatCount(m.dropped)}</dd></div>
        </dl>
      )}
      <p className="hint">Rates over the last {formatNumber(m?.windowS ?? 10)} simulated seconds. The same broker code as the simulation, on wall-clock timers; routes and dead letters leave the system here.</p>
    </>
  );
}
