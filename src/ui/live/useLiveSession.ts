import { useEffect, useState, useSyncExternalStore } from "react";
import type { Scenario } from "../../scenario/index.ts";
import { LiveSession, type LiveViewState } from "./liveSession.ts";

/** A live session for the panel's lifetime: starts on the in-browser broker, follows the page's scenario, stops on unmount. */
export function useLiveSession(scenario: Scenario, queueId: string): [LiveViewState, LiveSession] {
  const [session] = useState(() => new LiveSession());
  useEffect(() => {
    session.setModel(scenario, queueId);
    if (!session.isRunning) session.connect({ kind: "in-browser" });
  }, [session, scenario, queueId]);
  useEffect(() => () => session.stop(), [session]);
  return [useSyncExternalStore(session.subscribe, session.getSnapshot), session];
}
