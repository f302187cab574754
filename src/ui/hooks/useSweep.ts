import { useEffect, useState, useSyncExternalStore } from "react";
import type { Scenario } from "../../scenario/index.ts";
import { spawnSimWorker } from "../sim/supersedingWorker.ts";
import { SweepStore, type SweepState } from "../sim/sweepStore.ts";

/**
 * The load curve of `queueId`, computed once the main run of `scenario` has finished
 * (`ready`), so the two never compete for the processor while the user waits for figures.
 */
export function useSweep(scenario: Scenario, queueId: string, ready: boolean): SweepState {
  const [store] = useState(() => new SweepStore(spawnSimWorker));
  useEffect(() => () => store.dispose(), [store]);
  useEffect(() => {
    if (ready) store.request(scenario, queueId);
    else store.cancel();
  }, [store, scenario, queueId, ready]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
