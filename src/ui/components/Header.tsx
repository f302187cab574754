import { useMemo, type Dispatch } from "react";
import { serializeScenario } from "../../scenario/index.ts";
import type { AppAction, AppState } from "../model/appState.ts";
import type { Example } from "../model/examples.ts";
import { ModelPicker } from "./ModelPicker.tsx";
import { ShareBar } from "./ShareBar.tsx";

interface Props {
  examples: Example[];
  state: AppState;
  dispatch: Dispatch<AppAction>;
}

/** Title, scenario name, the model picker and the share buttons. */
export function Header({ examples, state, dispatch }: Props) {
  const texts = useMemo(() => examples.map((x) => serializeScenario(x.scenario)), [examples]);
  const current = useMemo(() => {
    const text = serializeScenario(state.scenario);
    return examples[texts.indexOf(text)]?.file ?? "";
  }, [examples, texts, state.scenario]);
  return (
    <header className="app-header">
      <div className="title">
        <h1>Kendall</h1>
        <p className="scenario-name" data-testid="scenario-name">
          {state.scenario.name}
          <span className="origin"> · {current ? `example ${current}` : state.origin.startsWith("example") ? "edited" : state.origin}</span>
        </p>
      </div>
      <ModelPicker examples={examples} current={current} dispatch={dispatch} />
      <ShareBar scenario={state.scenario} dispatch={dispatch} />
    </header>
  );
}
