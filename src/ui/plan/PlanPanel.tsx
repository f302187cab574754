import { memo, useEffect, useId, useRef, useState, type Dispatch, type FormEvent } from "react";
import type { Scenario } from "../../scenario/index.ts";
import type { AppAction } from "../model/appState.ts";
import { PlanResultView } from "./PlanResultView.tsx";
import { assumedDropTerm, exampleSlo, planInputOf, type PlanFormFields } from "./planForm.ts";
import type { PlanState, PlanStore } from "./planStore.ts";
import { SloField } from "./SloField.tsx";
import { WorkProgress } from "./WorkProgress.tsx";

interface Props {
  scenario: Scenario;
  queueId: string;
  plan: PlanState;
  store: PlanStore;
  dispatch: Dispatch<AppAction>;
}

/** Typing stops for this long before the plan runs by itself. */
const settleMs = 800;

/** The SLO form and the plan it gives: consumers per queue, the checks behind them, growth and cost. */
export const PlanPanel = memo(function PlanPanel({ scenario, queueId, plan, store, dispatch }: Props) {
  const id = useId();
  const [form, setForm] = useState<PlanFormFields>({ slo: exampleSlo, growth: "1, 1.5, 2, 3", cost: "", sizePrefetch: false, sizeCapacity: false });
  const [touched, setTouched] = useState(false);
  const parsed = planInputOf(form);
  const sloError = !parsed.ok && parsed.slo && !parsed.slo.ok ? parsed.slo : null;
  const assumed = assumedDropTerm(form);
  const edit = (patch: Partial<PlanFormFields>) => {
    setForm({ ...form, ...patch });
    setTouched(true);
  };
  // The scenario is read when the timer fires; changing it alone does not re-plan.
  const latest = useRef(scenario);
  useEffect(() => {
    latest.current = scenario;
  }, [scenario]);
  useEffect(() => {
    // Plans by itself once typing settles on a valid form (never on opening the page).
    if (!touched) return;
    const input = planInputOf(form);
    if (!input.ok) return;
    const timer = setTimeout(() => store.request(latest.current, input.input), settleMs);
    return () => clearTimeout(timer);
  }, [form, touched, store]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (parsed.ok) store.request(scenario, parsed.input);
  };
  return (
    <section className="panel plan-panel" aria-labelledby={`${id}-title`} data-testid="plan-panel">
      <h3 id={`${id}-title`}>Capacity plan</h3>
      <form onSubmit={submit} noValidate>
        <SloField value={form.slo} onChange={(slo) => edit({ slo })} error={sloError} />
        <div className="plan-options">
          <SmallField label="Growth (traffic ×)" value={form.growth} onChange={(growth) => edit({ growth })} error={parsed.ok ? undefined : parsed.growth} placeholder="1, 1.5, 2, 3" />
          <SmallField label="Cost per consumer-hour" value={form.cost} onChange={(cost) => edit({ cost })} error={parsed.ok ? undefined : parsed.cost} placeholder="optional, e.g. 0.05" />
        </div>
        <fieldset className="plan-size-options">
          <legend>Also size, at the planned consumers</legend>
          <label className="toggle" htmlFor={`${id}-prefetch`}>
            <input id={`${id}-prefetch`} type="checkbox" checked={form.sizePrefetch ?? false} onChange={(e) => edit({ sizePrefetch: e.currentTarget.checked })} />
            largest prefetch
          </label>
          <label className="toggle" htmlFor={`${id}-capacity`}>
            <input id={`${id}-capacity`} type="checkbox" checked={form.sizeCapacity ?? false} onChange={(e) => edit({ sizeCapacity: e.currentTarget.checked })} />
            smallest capacity
          </label>
          {assumed && (
            <p className="hint" data-testid="plan-assumed-drop">
              The SLO bounds no drops: the capacity is sized for <code>{assumed}</code>.
            </p>
          )}
        </fieldset>
        <div className="plan-actions">
          <button type="submit" className="primary" disabled={!parsed.ok}>
            Plan
          </button>
          {plan.running && <WorkProgress label="Planning" startedAt={plan.startedAt} onCancel={() => store.cancel()} />}
        </div>
      </form>
      {plan.error && !plan.running && (
        <p className="field-error" role="alert">
          The plan failed: {plan.error}
        </p>
      )}
      {plan.plan && plan.planScenario && <PlanResultView plan={plan.plan} planned={plan.planScenario} scenario={scenario} queueId={queueId} dispatch={dispatch} dimmed={plan.running} />}
    </section>
  );
});

interface FieldProps {
  label: string;
  value: string;
  onChange: (text: string) => void;
  error: string | undefined;
  placeholder: string;
}

function SmallField({ label, value, onChange, error, placeholder }: FieldProps) {
  const id = useId();
  return (
    <div className={`control${error ? " has-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" autoComplete="off" value={value} placeholder={placeholder} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => onChange(e.currentTarget.value)} />
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
