import { useEffect, useState, useSyncExternalStore } from "react";
import type { Scenario } from "../../scenario/index.ts";
import { RunStore, type RunState } from "../sim/runStore.ts";
import { spawnSimWorker } from "../sim/supersedingWorker.ts";

/** Simulates `scenario` in a worker whenever it changes; the newest scenario wins. */
export function useRun(scenario: Scenario): RunState {
  const [store] = useState(() => new RunStore(spawnSimWorker));
  useEffect(() => () => store.dispose(), [store]);
  useEffect(() => store.request(scenario), [store, scenario]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
