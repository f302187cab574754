import { useId, type Dispatch } from "react";
import type { Scenario } from "../../scenario/index.ts";
import type { AppAction } from "../model/appState.ts";

interface Props {
  scenario: Scenario;
  queueId: string;
  dispatch: Dispatch<AppAction>;
}

/** Chooses the queue the controls and figures are about (shown only when there are several). */
export function QueuePicker({ scenario, queueId, dispatch }: Props) {
  const id = useId();
  if (scenario.queues.length < 2) return null;
  return (
    <div className="control queue-picker">
      <label htmlFor={id}>Queue</label>
      <select id={id} value={queueId} onChange={(e) => dispatch({ type: "selectQueue", queueId: e.currentTarget.value })}>
        {scenario.queues.map((q) => (
          <option key={q.id} value={q.id}>
            {q.id}
          </option>
        ))}
      </select>
    </div>
  );
}
