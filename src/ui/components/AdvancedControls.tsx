import type { Dispatch } from "react";
import type { Scenario } from "../../scenario/index.ts";
import type { AppAction, AppState } from "../model/appState.ts";
import { NumberControl } from "./NumberControl.tsx";

interface Props {
  scenario: Scenario;
  state: AppState;
  dispatch: Dispatch<AppAction>;
}

/** Seed and run length. Changing any other control keeps the seed (common random numbers). */
export function AdvancedControls({ scenario, state, dispatch }: Props) {
  const { drafts, errors } = state;
  const open = errors.seed !== undefined || errors.messages !== undefined || errors.replications !== undefined;
  return (
    <details className="panel advanced" open={open || undefined}>
      <summary>Advanced: seed and run length</summary>
      <NumberControl field="seed" value={scenario.seed} draft={drafts.seed} error={errors.seed} dispatch={dispatch}>
        <button type="button" className="small" onClick={() => dispatch({ type: "slid", field: "seed", value: (scenario.seed * 48271 + 1) % 2147483647 })}>
          New seed
        </button>
      </NumberControl>
      <NumberControl field="messages" value={scenario.run.messages ?? NaN} draft={drafts.messages} error={errors.messages} dispatch={dispatch} placeholder={scenario.run.messages === undefined ? `${scenario.run.duration} s of simulated time` : undefined} />
      <NumberControl field="replications" value={scenario.run.replications} draft={drafts.replications} error={errors.replications} dispatch={dispatch} />
      <p className="hint">Warm-up: {typeof scenario.run.warmup === "object" ? JSON.stringify(scenario.run.warmup) : String(scenario.run.warmup)}. The same seed gives the same numbers here and in `kendall run`.</p>
    </details>
  );
}
