import { useEffect, useState, useSyncExternalStore } from "react";
import type { Scenario } from "../../scenario/index.ts";
import { RealtimeController, type RealtimeFrame } from "../realtime/realtimeController.ts";

/** The in-browser broker on the selected queue; restarts from 0 when the scenario or queue changes. */
export function useRealtime(scenario: Scenario, queueId: string): [RealtimeFrame, RealtimeController] {
  const [controller] = useState(() => new RealtimeController());
  useEffect(() => () => controller.dispose(), [controller]);
  useEffect(() => controller.load(scenario, queueId), [controller, scenario, queueId]);
  return [useSyncExternalStore(controller.subscribe, controller.getSnapshot), controller];
}
