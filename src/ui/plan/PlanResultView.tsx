import type { Dispatch } from "react";
import type { PlanResult } from "../../planner/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import type { AppAction } from "../model/appState.ts";
import { GrowthTable } from "./GrowthTable.tsx";
import { changeText, pendingChanges, planFits } from "./planView.ts";
import { QueuePlanCard } from "./QueuePlanCard.tsx";

interface Props {
  plan: PlanResult;
  /** The scenario the plan was made for, and the one on the page now. */
  planned: Scenario;
  scenario: Scenario;
  queueId: string;
  dispatch: Dispatch<AppAction>;
  dimmed: boolean;
}

/** A finished plan: a card per planned queue, the growth table, and Apply. */
export function PlanResultView({ plan, planned, scenario, queueId, dispatch, dimmed }: Props) {
  const fits = planFits(plan, planned, scenario);
  const changes = fits ? pendingChanges(plan, scenario) : [];
  const apply = () => {
    // Through the page's reducer, one queue at a time, so the controls and the run follow.
    for (const c of changes) {
      dispatch({ type: "selectQueue", queueId: c.queue });
      if (c.consumers !== undefined) dispatch({ type: "slid", field: "consumers", value: c.consumers });
      if (c.prefetch !== undefined) dispatch({ type: "slid", field: "prefetch", value: c.prefetch });
      if (c.capacity !== undefined) dispatch({ type: "slid", field: "capacity", value: c.capacity });
    }
    dispatch({ type: "selectQueue", queueId });
  };
  const queues = Object.values(plan.queues);
  return (
    <div className={`plan-result${dimmed ? " dimmed" : ""}`} data-testid="plan-result" aria-live="polite">
      {!fits && <p className="warning">The scenario has changed since this plan was made: press Plan for a fresh one.</p>}
      <p className="hint">
        Against <code>{plan.slo}</code>
        {plan.simulation ? `, confirmed by simulation (seed ${plan.seed}, ${plan.simulation.replications} replications of at most ${plan.simulation.maxMessages} messages).` : ", analytic only."}
      </p>
      {queues.map((q) => (
        <QueuePlanCard key={q.queue} plan={q} />
      ))}
      {plan.skipped.length > 0 && <p className="hint">Not planned: {plan.skipped.map((s) => `${JSON.stringify(s.queue)} (${s.reason})`).join(", ")}.</p>}
      {queues.length > 0 && (
        <div className="plan-actions">
          <button type="button" className="primary" onClick={apply} disabled={changes.length === 0} data-testid="plan-apply">
            Apply
          </button>
          <span className="hint">
            {changes.length > 0 ? `Sets ${changes.map(changeText).join("; ")}.` : fits ? "The scenario already has the planned settings." : "Plan again to apply."}
          </span>
        </div>
      )}
      <GrowthTable plan={plan} />
    </div>
  );
}
