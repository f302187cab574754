import { useId, type Dispatch } from "react";
import type { AppAction } from "../model/appState.ts";
import type { Example } from "../model/examples.ts";

interface Props {
  examples: Example[];
  /** The example file shown, or "" when the scenario is not one of them (edited, imported, linked). */
  current: string;
  dispatch: Dispatch<AppAction>;
}

/** Opens one of the example scenarios shipped in models/. */
export function ModelPicker({ examples, current, dispatch }: Props) {
  const id = useId();
  return (
    <div className="model-picker">
      <label htmlFor={id}>Model</label>
      <select
        id={id}
        value={current}
        onChange={(e) => {
          const example = examples.find((x) => x.file === e.currentTarget.value);
          if (example) dispatch({ type: "load", scenario: example.scenario, origin: `example ${example.file}` });
        }}
      >
        {current === "" && <option value="">(your scenario)</option>}
        {examples.map((x) => (
          <option key={x.file} value={x.file}>
            {x.scenario.name} ({x.file})
          </option>
        ))}
      </select>
    </div>
  );
}
