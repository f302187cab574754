import { formatNumber, formatSeconds } from "../../report/format.ts";
import { formatCount } from "../model/formatCount.ts";
import { useRunProgress } from "../hooks/useRun.ts";
import type { RunProgress, RunState } from "../sim/runStore.ts";

/** Progress of the running simulation, then what the figures come from. */
export function RunStatus({ run, progress, stale }: { run: RunState; progress: RunProgress; stale: boolean }) {
  const { result } = run;
  return (
    <div className="run-status" aria-live="polite">
      {run.running ? (
        <div className="progress">
          <ProgressBar progress={progress} />
          {result && stale && <span className="hint">figures below are from the previous settings</span>}
          {result && !stale && run.partial && (
            <span className="hint" data-testid="partial">
              figures so far, refined as the run goes on
            </span>
          )}
        </div>
      ) : result ? (
        <p className="hint">
          {formatNumber(result.replications)} replication{result.replications === 1 ? "" : "s"}, seed {String(result.seed)}, {formatCount(result.runtime.events)} events in {formatSeconds(run.wallMs / 1000)}
          {result.runtime.threads ? ` on ${formatNumber(result.runtime.threads)} workers` : ""}
          {result.warmup.method === "MSER-5" ? `; warm-up ${formatCount(result.warmup.messages ?? 0)} messages (MSER-5)` : ""}
        </p>
      ) : (
        <p className="hint">Starting the simulation…</p>
      )}
      {result?.stopped && <p className="warning">The run stopped early ({result.stopped.reason}): the figures cover the part that ran.</p>}
      {run.error && <p className="field-error" role="alert">The simulation failed: {run.error}</p>}
    </div>
  );
}

/** The progress bar, the one part of the page that follows every progress message. */
function ProgressBar({ progress }: { progress: RunProgress }) {
  const fraction = useRunProgress(progress);
  return (
    <label>
      Simulating… {formatNumber(Math.round(fraction * 100))}%
      <progress max={1} value={fraction} aria-label="Simulation progress" />
    </label>
  );
}
