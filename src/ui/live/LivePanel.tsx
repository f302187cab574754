import { useId, useMemo, useState, type Dispatch } from "react";
import { fitScenario } from "../../live/index.ts";
import { formatNumber } from "../../report/format.ts";
import type { Scenario } from "../../scenario/index.ts";
import type { AppAction } from "../model/appState.ts";
import { liveWarnings } from "./liveBand.ts";
import { LiveCharts } from "./LiveCharts.tsx";
import { LiveEstimates } from "./LiveEstimates.tsx";
import { LiveOverheadFields } from "./LiveOverheadFields.tsx";
import { livePrediction, type PredictFrom } from "./livePrediction.ts";
import { LiveSourceForm } from "./LiveSourceForm.tsx";
import { LiveStatusLine } from "./LiveStatusLine.tsx";
import { useLiveSession } from "./useLiveSession.ts";
import "./live.css";

interface Props {
  scenario: Scenario;
  queueId: string;
  dispatch: Dispatch<AppAction>;
}

/** The live view: a queue's metrics read every few seconds, charted over time beside the model. Closed until opened. */
export function LivePanel(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <details className="panel live" onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="live">
      <summary>Live: observe a queue and compare it with the model</summary>
      {open && <LiveBody {...props} />}
    </details>
  );
}

const windows = [15, 30, 60, 120, 300] as const;
const intervals = [1, 2, 5, 10] as const;

function LiveBody({ scenario, queueId, dispatch }: Props) {
  const id = useId();
  const [view, session] = useLiveSession(scenario, queueId);
  const [from, setFrom] = useState<PredictFrom>("scenario");
  const [fitError, setFitError] = useState<string | null>(null);
  const e = view.history.estimate;
  const prediction = useMemo(() => livePrediction(from, scenario, queueId, e, view.queue, view.overheads), [from, scenario, queueId, e, view.queue, view.overheads]);
  const p = prediction.ok ? prediction.value : null;
  const warnings = liveWarnings(e, p);
  const fit = () => {
    if (!e) return;
    const r = fitScenario(e, { queueId: view.queue.slice(0, 60) || "live", name: `live: ${view.queue}`.slice(0, 80), seed: scenario.seed });
    if (!r.ok) return setFitError(`Cannot fit yet: ${r.reason}.`);
    setFitError(null);
    const q = r.scenario.queues[0]!;
    const text = `Fitted to ${view.source}: λ = ${formatNumber(q.arrival?.process === "poisson" ? q.arrival.rate : 0, 3)} msg/s, ${q.consumers} consumers, mean service ${formatNumber(("mean" in q.service ? Number(q.service.mean) : 0) * 1000, 3)} ms.`;
    dispatch({ type: "load", scenario: r.scenario, origin: `fitted to live queue ${JSON.stringify(view.queue)}`, notice: { text, tone: "info" } });
  };
  return (
    <div className="live-body">
      <LiveSourceForm onConnect={(c) => session.connect(c)} />
      <div className="live-controls">
        <label htmlFor={`${id}-win`}>Window</label>
        <select id={`${id}-win`} value={view.windowS} onChange={(ev) => session.setTiming(view.intervalS, Number(ev.currentTarget.value))}>
          {windows.map((w) => <option key={w} value={w}>{w} s</option>)}
        </select>
        <label htmlFor={`${id}-int`}>Every</label>
        <select id={`${id}-int`} value={view.intervalS} onChange={(ev) => session.setTiming(Number(ev.currentTarget.value), view.windowS)}>
          {intervals.map((s) => <option key={s} value={s}>{s} s</option>)}
        </select>
        <label htmlFor={`${id}-from`}>Model</label>
        <select id={`${id}-from`} value={from} onChange={(ev) => setFrom(ev.currentTarget.value as PredictFrom)}>
          <option value="scenario">this page's scenario, queue {queueId}</option>
          <option value="fitted">M/M/c fitted to the readings</option>
        </select>
        <button type="button" className="primary" onClick={fit} disabled={!e} data-testid="live-fit">Fit the model to this queue</button>
        <LiveOverheadFields overheads={view.overheads} onChange={(o) => session.setOverheads(o)} />
      </div>
      <LiveStatusLine view={view} />
      {view.halted && <p className="warning">The in-browser broker stopped: {view.halted}.</p>}
      {fitError && <p className="field-error" role="alert">{fitError}</p>}
      {warnings.length > 0 && (
        <ul className="live-warnings" role="alert" data-testid="live-warnings">
          {warnings.map((w) => <li key={w.key} data-warning={w.key}>{w.text}</li>)}
        </ul>
      )}
      <p className="hint live-model" data-testid="live-model">{prediction.ok ? `Model: ${prediction.value.label}.` : `No prediction: ${prediction.reason}.`}</p>
      {p?.note && <p className={`live-model-note${/underestimates the wait/.test(p.note) ? " live-caveat" : ""}`} data-testid="live-model-note">Model caveats: {sentence(p.note)}</p>}
      {e && <LiveEstimates estimate={e} prediction={p} />}
      {e && (
        <p className="hint">
          Estimates over the last {formatNumber(e.windowS, 3)} {view.kind === "in-browser" ? "simulated " : ""}seconds ({e.samples} readings{e.failed ? `, ${e.failed} failed` : ""}); ± is a 95% interval.
          {view.clockScale < 1 ? ` The in-browser broker runs at ${formatNumber(view.clockScale, 2)}× real time to stay light.` : ""}
          {e.notes.map((n) => ` ${sentence(n)}`).join("")}
        </p>
      )}
      <LiveCharts history={view.history} prediction={p} clock={view.kind === "in-browser" ? "simulated" : ""} />
    </div>
  );
}

/** A note as a sentence: capital first letter, full stop at the end. */
function sentence(n: string): string {
  return `${n.charAt(0).toUpperCase()}${n.slice(1)}${/[.!?]$/.test(n) ? "" : "."}`;
}
