import { useEffect, useMemo, type Dispatch } from "react";
import type { Scenario } from "../../scenario/index.ts";
import type { QueueLoad } from "../../simulation/index.ts";
import { CountsChart } from "../charts/CountsChart.tsx";
import { HockeyStickChart } from "../charts/HockeyStickChart.tsx";
import { NetworkDiagram } from "../charts/NetworkDiagram.tsx";
import { QueueLengthChart } from "../charts/QueueLengthChart.tsx";
import { WaitDistributionChart } from "../charts/WaitDistributionChart.tsx";
import type { AppAction } from "../model/appState.ts";
import { readAnalytic } from "../model/analyticView.ts";
import type { RunProgress, RunState } from "../sim/runStore.ts";
import type { SweepState } from "../sim/sweepStore.ts";
import { RealtimePanel } from "../realtime/RealtimePanel.tsx";
import { HeadlineFigures } from "./HeadlineFigures.tsx";
import { RunStatus } from "./RunStatus.tsx";
import { UnstableBanner } from "./UnstableBanner.tsx";

interface Props {
  scenario: Scenario;
  queueId: string;
  run: RunState;
  progress: RunProgress;
  sweep: SweepState;
  loads: Map<string, QueueLoad>;
  dispatch: Dispatch<AppAction>;
}

// A stable empty histogram, so a memoised chart sees no change where a queue has none.
const noBins: never[] = [];

/**
 * Everything the page shows about the run: status, banner, figures and charts. The charts are
 * memoised and get stable props, so a slider step redraws only what its new result changes.
 */
export function ResultsPanel({ scenario, queueId, run, progress, sweep, loads, dispatch }: Props) {
  const { result } = run;
  const queue = result?.queues[queueId];
  const stale = run.resultScenario !== scenario;
  const unstable = !!queue && (!queue.simulated.steady || result!.unstable.some((u) => u.queue === queueId));
  const analytic = useMemo(() => readAnalytic(queue?.analytic), [queue?.analytic]);
  const analyticL = analytic?.figure("L");
  useEffect(() => {
    // Read by bench/ui.ts: new figures and charts are committed; the frame after this one has them painted.
    if (run.completed === 0) return;
    const frame = requestAnimationFrame(() => performance.mark("kendall:drawn", { detail: run.completed }));
    return () => cancelAnimationFrame(frame);
  }, [run.completed]);
  const sweepFits = sweep.scenario !== null && sweep.queueId === queueId;
  const sweepShown = useMemo(() => (sweepFits ? sweep : { ...sweep, curve: [], points: [], currentRho: 0, running: true }), [sweep, sweepFits]);
  return (
    <main className="results" data-completed={run.completed} data-running={run.running} data-stale={stale}>
      <RunStatus run={run} progress={progress} stale={stale} />
      <UnstableBanner queueId={queueId} loads={loads} result={result} />
      {scenario.queues.length > 1 && <NetworkDiagram scenario={scenario} loads={loads} queueId={queueId} dispatch={dispatch} />}
      {queue && result ? (
        <>
          <HeadlineFigures queueId={queueId} queue={queue} unstable={unstable} />
          <div className="charts">
            {result.detail && <QueueLengthChart queueId={queueId} path={result.detail.path} analyticL={analyticL} unstable={unstable} growthPerS={result.unstable.find((u) => u.queue === queueId)?.growthPerS} />}
            {result.detail && (
              <WaitDistributionChart wait={result.detail.wait[queueId] ?? noBins} sojourn={result.detail.sojourn[queueId] ?? noBins} waitPercentiles={queue.simulated.wait} sojournPercentiles={queue.simulated.sojourn} analytic={analytic} unstable={unstable} />
            )}
            <HockeyStickChart sweep={sweepShown} queueId={queueId} />
            <CountsChart counts={queue.simulated.counts} />
          </div>
        </>
      ) : (
        !run.error && <p className="panel hint">{run.running ? "The first figures appear when this run finishes." : "No figures for this queue yet."}</p>
      )}
      <RealtimePanel scenario={scenario} queueId={queueId} />
    </main>
  );
}
