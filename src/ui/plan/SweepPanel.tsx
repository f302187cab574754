import { memo, useId, useState, type FormEvent } from "react";
import type { Scenario } from "../../scenario/index.ts";
import type { ParamSweepState, ParamSweepStore } from "./paramSweepStore.ts";
import { SecondParamFields } from "./SecondParamFields.tsx";
import { gridSizeError, sweepableParams, sweepInputOf, sweepParams, type SweepParam } from "./sweepForm.ts";
import { SweepRangeFields } from "./SweepRangeFields.tsx";
import { SweepResults } from "./SweepResults.tsx";
import { useSweepRange } from "./useSweepRange.ts";
import { WorkProgress } from "./WorkProgress.tsx";

interface Props {
  scenario: Scenario;
  queueId: string;
  sweep: ParamSweepState;
  store: ParamSweepStore;
}

/**
 * Sweep one parameter of the selected queue over a range (short simulations, drawn with their
 * intervals), or two parameters over a grid (drawn as a heat map).
 */
export const SweepPanel = memo(function SweepPanel({ scenario, queueId, sweep, store }: Props) {
  const id = useId();
  const queue = scenario.queues.find((q) => q.id === queueId);
  const params = queue ? sweepableParams(queue) : [];
  const [chosen, setChosen] = useState<SweepParam>("consumers");
  const param = params.includes(chosen) ? chosen : (params[0] ?? "consumers");
  const [chosen2, setChosen2] = useState<SweepParam | null>(null);
  const params2 = params.filter((p) => p !== param);
  const param2 = chosen2 !== null && params2.includes(chosen2) ? chosen2 : null;
  const first = useSweepRange(queue, queueId, param);
  const second = useSweepRange(queue, queueId, param2 ?? params2[0] ?? "rate");
  const values = first.values;
  const values2 = param2 ? second.values : null;
  const sizeError = values.ok && values2?.ok ? gridSizeError(values.values.length, values2.values.length) : null;
  const error = !values.ok ? values.message : values2 && !values2.ok ? `second parameter ${values2.message}` : sizeError;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (error || !values.ok || !queue) return;
    const two = param2 && values2?.ok ? { param: param2, values: values2.values } : undefined;
    store.request(scenario, sweepInputOf(scenario, queueId, param, values.values, two));
  };
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
          <SweepRangeFields unit={sweepParams[param].unit} shown={first.shown} setField={first.setField} />
          {params2.length > 0 && <SecondParamFields params={params2} chosen={param2} onChoose={setChosen2} shown={second.shown} setField={second.setField} />}
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="plan-actions">
            <button type="submit" className="primary" disabled={error !== null}>
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
      {input && points.length > 0 && <SweepResults input={input} points={points} />}
    </section>
  );
});
