import { AdvancedControls } from "./components/AdvancedControls.tsx";
import { Header } from "./components/Header.tsx";
import { NoticeBar } from "./components/NoticeBar.tsx";
import { QueueControls } from "./components/QueueControls.tsx";
import { QueuePicker } from "./components/QueuePicker.tsx";
import { ResultsPanel } from "./components/ResultsPanel.tsx";
import { useAppState } from "./hooks/useAppState.ts";
import { useOfferedLoad } from "./hooks/useOfferedLoad.ts";
import { useRun } from "./hooks/useRun.ts";
import { useSweep } from "./hooks/useSweep.ts";
import { loadExamples } from "./model/examples.ts";
import { PlanWorkbench } from "./plan/PlanWorkbench.tsx";
import { LivePanel } from "./live/LivePanel.tsx";

const examples = loadExamples();

/** The Kendall page: controls of the selected queue on the left, its figures and charts on the right. */
export function App() {
  const [state, dispatch] = useAppState(examples);
  const { scenario, queueId } = state;
  const [run, progress] = useRun(scenario);
  const sweep = useSweep(scenario, queueId, !run.running && run.resultScenario === scenario);
  const loads = useOfferedLoad(scenario);
  const queue = scenario.queues.find((q) => q.id === queueId);
  return (
    <div className="app">
      <Header examples={examples} state={state} dispatch={dispatch} />
      <NoticeBar notice={state.notice} dispatch={dispatch} />
      <div className="layout">
        <aside className="controls" aria-label="Scenario controls">
          <QueuePicker scenario={scenario} queueId={queueId} dispatch={dispatch} />
          {queue && <QueueControls key={`${state.generation}:${queueId}`} queue={queue} state={state} dispatch={dispatch} />}
          <AdvancedControls scenario={scenario} state={state} dispatch={dispatch} />
        </aside>
        <ResultsPanel scenario={scenario} queueId={queueId} run={run} progress={progress} sweep={sweep} loads={loads} dispatch={dispatch} />
      </div>
      <LivePanel scenario={scenario} queueId={queueId} dispatch={dispatch} />
      <PlanWorkbench scenario={scenario} queueId={queueId} run={run} dispatch={dispatch} />
    </div>
  );
}
