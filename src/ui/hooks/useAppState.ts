import { useEffect, useReducer, useRef, type Dispatch } from "react";
import type { Scenario } from "../../scenario/index.ts";
import { appReducer, initialState, type AppAction, type AppState } from "../model/appState.ts";
import type { Example } from "../model/examples.ts";
import { hrefWithScenario, restoreScenario, storageKey, storedText, workersFromSearch } from "../model/persistence.ts";

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
  const notice = restored.notice ?? workersFromSearch(window.location.search).notice;
  return initialState(restored.scenario, origin, notice ? { text: notice, tone: "error" } : null);
}

/** Writes `scenario` to `?s=` (replaceState, no history entry) and localStorage. */
function persist(scenario: Scenario): void {
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
}

/** Quiet time after the last change before the scenario is written: a slider drag writes once, not on every step. */
const persistAfterMs = 250;

/**
 * The page state, opened from the link, the last visit or the default example, and kept in
 * both: every accepted change rewrites `?s=` (replaceState, no history entry) and localStorage,
 * once changes pause for `persistAfterMs` (compressing the link costs milliseconds a slider
 * step should not wait for), and at once when the page is hidden or left, so nothing is lost.
 */
export function useAppState(examples: Example[]): [AppState, Dispatch<AppAction>] {
  const [state, dispatch] = useReducer(appReducer, examples, start);
  const { scenario } = state;
  const pending = useRef<Scenario | null>(null);
  useEffect(() => {
    const flush = () => {
      if (pending.current) persist(pending.current);
      pending.current = null;
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, []);
  useEffect(() => {
    pending.current = scenario;
    const timer = setTimeout(() => {
      if (pending.current === scenario) {
        persist(scenario);
        pending.current = null;
      }
    }, persistAfterMs);
    return () => clearTimeout(timer);
  }, [scenario]);
  return [state, dispatch];
}
