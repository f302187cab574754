import type { Dispatch } from "react";
import type { Scenario } from "../../scenario/index.ts";
import type { AppAction } from "../model/appState.ts";
import type { RunState } from "../sim/runStore.ts";
import { ExportMenu } from "../export/ExportMenu.tsx";
import { PlanPanel } from "./PlanPanel.tsx";
import { SweepPanel } from "./SweepPanel.tsx";
import { useParamSweep, usePlan } from "./usePlanStores.ts";
import "./plan.css";

interface Props {
  scenario: Scenario;
  queueId: string;
  run: RunState;
  dispatch: Dispatch<AppAction>;
}

/** Capacity planning below the figures: plan against an SLO, sweep a parameter, export a report. */
export function PlanWorkbench({ scenario, queueId, run, dispatch }: Props) {
  const [plan, planStore] = usePlan();
  const [sweep, sweepStore] = useParamSweep();
  return (
    <section className="workbench" aria-labelledby="workbench-title" data-testid="workbench">
      <div className="workbench-head" data-testid="workbench-head">
        <h2 id="workbench-title">Plan, sweep and export</h2>
        <ExportMenu run={run} plan={plan} sweep={sweep} />
      </div>
      <div className="workbench-grid">
        <PlanPanel scenario={scenario} queueId={queueId} plan={plan} store={planStore} dispatch={dispatch} />
        <SweepPanel scenario={scenario} queueId={queueId} sweep={sweep} store={sweepStore} />
      </div>
    </section>
  );
}
