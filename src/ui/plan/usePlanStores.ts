import { useEffect, useState, useSyncExternalStore } from "react";
import { spawnPlanWorker } from "./latestWorker.ts";
import { ParamSweepStore, type ParamSweepState } from "./paramSweepStore.ts";
import { PlanStore, type PlanState } from "./planStore.ts";

/** The page's plan: its state, and the store to ask for a new one. The worker stops with the page. */
export function usePlan(): [PlanState, PlanStore] {
  const [store] = useState(() => new PlanStore(spawnPlanWorker));
  useEffect(() => () => store.dispose(), [store]);
  return [useSyncExternalStore(store.subscribe, store.getSnapshot), store];
}

/** The page's parameter sweep: its state, and the store to run a new one. */
export function useParamSweep(): [ParamSweepState, ParamSweepStore] {
  const [store] = useState(() => new ParamSweepStore(spawnPlanWorker));
  useEffect(() => () => store.dispose(), [store]);
  return [useSyncExternalStore(store.subscribe, store.getSnapshot), store];
}
