import { useEffect, useState, useSyncExternalStore } from "react";
import type { Scenario } from "../../scenario/index.ts";
import { RunStore, type RunProgress, type RunState } from "../sim/runStore.ts";
import { spawnSimWorker } from "../sim/supersedingWorker.ts";
import { workersFromSearch } from "../model/persistence.ts";

/**
 * Simulates `scenario` in a worker whenever it changes; the newest scenario wins. A long run
 * spreads its replications over one worker per processor, or at most `?workers=N`. Returns the
 * run's state and its progress store (read by the progress bar alone, so the page does not
 * re-render on every progress message).
 */
export function useRun(scenario: Scenario): [RunState, RunProgress] {
  const [store] = useState(() => new RunStore(spawnSimWorker, workersFromSearch(window.location.search).workers));
  useEffect(() => () => store.dispose(), [store]);
  useEffect(() => store.request(scenario), [store, scenario]);
  return [useSyncExternalStore(store.subscribe, store.getSnapshot), store.progress];
}

/** The fraction done of the running simulation. */
export function useRunProgress(progress: RunProgress): number {
  return useSyncExternalStore(progress.subscribe, progress.getSnapshot).fraction;
}
