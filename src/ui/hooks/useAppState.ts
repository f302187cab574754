import { useEffect, useReducer, type Dispatch } from "react";
import { appReducer, initialState, type AppAction, type AppState } from "../model/appState.ts";
import type { Example } from "../model/examples.ts";
import { hrefWithScenario, restoreScenario, storageKey, storedText } from "../model/persistence.ts";

function readStored(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

function start(examples: Example[]): AppState {
  const fallback = examples[0]!;
  const restored = restoreScenario(window.location.search, readStored(), fallback.scenario);
  const origin = restored.source === "url" ? "shared link" : restored.source === "storage" ? "your last scenario" : `example ${fallback.file}`;
  return initialState(restored.scenario, origin, restored.notice ? { text: restored.notice, tone: "error" } : null);
}

/**
 * The page state, opened from the link, the last visit or the default example, and kept in
 * both: every accepted change rewrites `?s=` (replaceState, no history entry) and localStorage.
 */
export function useAppState(examples: Example[]): [AppState, Dispatch<AppAction>] {
  const [state, dispatch] = useReducer(appReducer, examples, start);
  const { scenario } = state;
  useEffect(() => {
    try {
      window.history.replaceState(window.history.state, "", hrefWithScenario(window.location.href, scenario));
    } catch {
      // A scenario too large for the address bar stays out of it; the page keeps working.
    }
    try {
      window.localStorage.setItem(storageKey, storedText(scenario));
    } catch {
      // Storage full or disabled (private mode): the scenario just is not kept.
    }
  }, [scenario]);
  return [state, dispatch];
}
