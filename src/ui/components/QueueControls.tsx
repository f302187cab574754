import type { Dispatch } from "react";
import type { QueueSpec } from "../../scenario/index.ts";
import type { AppAction, AppState } from "../model/appState.ts";
import { ArrivalControl } from "./ArrivalControl.tsx";
import { ServiceControls } from "./ServiceControls.tsx";
import { NumberControl, sliderAround } from "./NumberControl.tsx";
import { Toggle } from "./Toggle.tsx";

interface Props {
  queue: QueueSpec;
  state: AppState;
  dispatch: Dispatch<AppAction>;
}

/** The controls of the selected queue: arrivals, service, consumers, prefetch and capacity. */
export function QueueControls({ queue, state, dispatch }: Props) {
  const { drafts, errors } = state;
  const unlimited = queue.consumers === "unlimited";
  const consumers = unlimited ? Infinity : (queue.consumers as number);
  const unbounded = queue.capacity === null;
  return (
    <fieldset className="panel queue-controls">
      <legend>
        Queue <span className="queue-id">{queue.id}</span>
      </legend>
      <ArrivalControl queue={queue} state={state} dispatch={dispatch} />
      <ServiceControls queue={queue} state={state} dispatch={dispatch} />
      <NumberControl field="consumers" value={consumers} draft={drafts.consumers} error={errors.consumers} dispatch={dispatch} slider={{ min: 1, max: Math.max(16, sliderAround(consumers, 1, true).max), step: 1 }} disabled={unlimited} placeholder={unlimited ? "unlimited" : undefined}>
        <Toggle label="unlimited (M/M/∞)" checked={unlimited} error={errors.consumersUnlimited} onChange={(on) => dispatch({ type: "edit", edit: { kind: "consumersUnlimited", unlimited: on } })} />
      </NumberControl>
      <NumberControl field="prefetch" value={queue.prefetch} draft={drafts.prefetch} error={errors.prefetch} dispatch={dispatch} slider={{ min: 0, max: Math.max(20, sliderAround(queue.prefetch, 0, true).max), step: 1 }}>
        <p className="hint">0 = unlimited, as RabbitMQ's basic.qos 0</p>
      </NumberControl>
      <NumberControl field="capacity" value={queue.capacity ?? Infinity} draft={drafts.capacity} error={errors.capacity} dispatch={dispatch} slider={{ min: 0, max: Math.max(100, sliderAround(queue.capacity ?? 0, 0, true).max), step: 1 }} disabled={unbounded} placeholder={unbounded ? "unbounded" : undefined}>
        <Toggle label="unbounded" checked={unbounded} error={errors.capacityUnbounded} onChange={(on) => dispatch({ type: "edit", edit: { kind: "capacityUnbounded", unbounded: on } })} />
      </NumberControl>
    </fieldset>
  );
}
