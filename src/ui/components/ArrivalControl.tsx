import type { Dispatch } from "react";
import type { QueueSpec } from "../../scenario/index.ts";
import type { AppAction, AppState } from "../model/appState.ts";
import { NumberControl, sliderAround } from "./NumberControl.tsx";

interface Props {
  queue: QueueSpec;
  state: AppState;
  dispatch: Dispatch<AppAction>;
}

/** The arrival rate of a Poisson or batch arrival; other processes are described, not edited. */
export function ArrivalControl({ queue, state, dispatch }: Props) {
  const a = queue.arrival;
  if (a?.process === "poisson" || a?.process === "batch") {
    return (
      <NumberControl field="rate" value={a.rate} draft={state.drafts.rate} error={state.errors.rate} dispatch={dispatch} slider={sliderAround(a.rate)}>
        {a.process === "batch" && <p className="hint">batches per second (batch arrivals)</p>}
      </NumberControl>
    );
  }
  return (
    <div className="control">
      <span className="control-label">Arrivals</span>
      <p className="hint">{a ? `${a.process} arrivals: edit them in the scenario file` : "no outside arrivals: fed by routes or dead letters"}</p>
    </div>
  );
}
