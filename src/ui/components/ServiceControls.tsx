import { useId, type Dispatch } from "react";
import type { QueueSpec } from "../../scenario/index.ts";
import type { AppAction, AppState } from "../model/appState.ts";
import { cvRange, distributionMoments, fixedCv, isPickable, pickableDistributions, type PickableDistribution } from "../model/serviceShape.ts";
import { NumberControl, sliderAround } from "./NumberControl.tsx";

interface Props {
  queue: QueueSpec;
  state: AppState;
  dispatch: Dispatch<AppAction>;
}

/** Service time: the distribution, its mean in ms and its coefficient of variation. */
export function ServiceControls({ queue, state, dispatch }: Props) {
  const id = useId();
  const dist = queue.service.dist;
  const moments = distributionMoments(queue.service);
  const meanMs = moments ? moments.meanS * 1000 : NaN;
  const cv = fixedCv(dist) ?? moments?.cv ?? NaN;
  const range = isPickable(dist) ? cvRange(dist) : null;
  const cvLocked = !range || range.min === range.max;
  return (
    <>
      <div className={`control${state.errors.serviceDist ? " has-error" : ""}`}>
        <label htmlFor={id}>Service distribution</label>
        <select id={id} value={dist} onChange={(e) => dispatch({ type: "edit", edit: { kind: "serviceDist", dist: e.currentTarget.value as PickableDistribution } })}>
          {!isPickable(dist) && <option value={dist}>{dist} (from the file)</option>}
          {pickableDistributions.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        {state.errors.serviceDist && <p className="field-error" role="alert">{state.errors.serviceDist}</p>}
      </div>
      <NumberControl field="serviceMeanMs" value={meanMs} draft={state.drafts.serviceMeanMs} error={state.errors.serviceMeanMs} dispatch={dispatch} slider={sliderAround(meanMs)} />
      <NumberControl field="serviceCv" value={cv} draft={state.drafts.serviceCv} error={state.errors.serviceCv} dispatch={dispatch} slider={range && !cvLocked ? { min: range.min, max: range.max, step: 0.01 } : undefined} disabled={cvLocked}>
        {dist === "erlang" && <p className="hint">Erlang takes k = round(1 / cv²) phases</p>}
        {cvLocked && <p className="hint">{range ? `fixed by the ${dist} distribution` : `pick a distribution to set the cv`}</p>}
      </NumberControl>
    </>
  );
}
