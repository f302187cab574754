import type { Dispatch } from "react";
import type { AppAction, Notice } from "../model/appState.ts";

/** A message about the whole page (a bad link, an imported file refused), until dismissed. */
export function NoticeBar({ notice, dispatch }: { notice: Notice | null; dispatch: Dispatch<AppAction> }) {
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.tone}`} role={notice.tone === "error" ? "alert" : "status"}>
      <p>{notice.text}</p>
      <button type="button" className="small" aria-label="Dismiss message" onClick={() => dispatch({ type: "notice", notice: null })}>
        ×
      </button>
    </div>
  );
}
