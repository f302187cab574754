import { useId, useState, type FormEvent } from "react";
import type { Scenario } from "../../scenario/index.ts";
import type { ParamSweepState, ParamSweepStore } from "./paramSweepStore.ts";
import { SweepChart } from "./SweepChart.tsx";
import { defaultRange, sweepableParams, sweepInputOf, sweepParams, sweepValuesOf, type SweepParam } from "./sweepForm.ts";
import { SweepTable } from "./SweepTable.tsx";
import { WorkProgress } from "./WorkProgress.tsx";
import { Toggle } from "../components/Toggle.tsx";

interface Props {
  scenario: Scenario;
  queueId: string;
  sweep: ParamSweepState;
  store: ParamSweepStore;
}

/** Sweep one parameter of the selected queue over a range: short simulations, drawn with their intervals. */
export function SweepPanel({ scenario, queueId, sweep, store }: Props) {
  const id = useId();
  const queue = scenario.queues.find((q) => q.id === queueId);
  const params = queue ? sweepableParams(queue) : [];
  const [log, setLog] = useState(false);
  const [chosen, setChosen] = useState<SweepParam>("consumers");
  const param = params.includes(chosen) ? chosen : (params[0] ?? "consumers");
  const initial = queue ? defaultRange(queue, param) : { from: 1, to: 6, points: 6 };
  const [range, setRange] = useState<{ key: string; from: string; to: string; points: string } | null>(null);
  const key = `${queueId}:${param}`;
  const shown = range?.key === key ? range : { key, from: String(initial.from), to: String(initial.to), points: String(initial.points) };
  const values = sweepValuesOf(param, shown.from, shown.to, shown.points);
  const spec = sweepParams[param];
  const unit = spec.unit ? ` (${spec.unit})` : "";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (values.ok && queue) store.request(scenario, sweepInputOf(scenario, queueId, param, values.values));
  };
  const setField = (field: "from" | "to" | "points", text: string) => setRange({ ...shown, [field]: text });
  const points = sweep.points;
  const input = sweep.input;
  return (
    <section className="panel sweep-panel" aria-labelledby={`${id}-title`} data-testid="sweep-panel">
      <h3 id={`${id}-title`}>Parameter sweep</h3>
      {!queue || params.length === 0 ? (
        <p className="hint">This queue has no parameter the sweep can vary.</p>
      ) : (
        <form onSubmit={submit} noValidate className="sweep-form">
          <div className="control">
            <label htmlFor={`${id}-param`}>
              Parameter of <span className="queue-id">{queueId}</span>
            </label>
            <select id={`${id}-param`} value={param} onChange={(e) => setChosen(e.currentTarget.value as SweepParam)}>
              {params.map((p) => (
                <option key={p} value={p}>
                  {sweepParams[p].label}
                </option>
              ))}
            </select>
          </div>
          <div className="sweep-range">
            <RangeField label={`From${unit}`} value={shown.from} onChange={(t) => setField("from", t)} />
            <RangeField label={`To${unit}`} value={shown.to} onChange={(t) => setField("to", t)} />
            <RangeField label="Points" value={shown.points} onChange={(t) => setField("points", t)} />
          </div>
          {!values.ok && (
            <p className="field-error" role="alert">
              {values.message}
            </p>
          )}
          <div className="plan-actions">
            <button type="submit" className="primary" disabled={!values.ok}>
              Run sweep
            </button>
            {sweep.running && <WorkProgress label="Simulating point" startedAt={sweep.startedAt} done={points.length} total={sweep.total} onCancel={() => store.cancel()} />}
          </div>
        </form>
      )}
      {sweep.error && !sweep.running && (
        <p className="field-error" role="alert">
          The sweep failed: {sweep.error}
        </p>
      )}
      {input && points.length > 0 && (
        <>
          <SweepChart input={input} points={points} log={log} />
          <Toggle label="log scale for waits" checked={log} onChange={setLog} />
          <SweepTable input={input} points={points} />
        </>
      )}
    </section>
  );
}

function RangeField({ label, value, onChange }: { label: string; value: string; onChange: (text: string) => void }) {
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" inputMode="decimal" autoComplete="off" value={value} onChange={(e) => onChange(e.currentTarget.value)} />
    </div>
  );
}
