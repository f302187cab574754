import { useRef, type Dispatch } from "react";
import { parseImportText } from "../../report/index.ts";
import { formatIssue, serializeScenario, type Scenario } from "../../scenario/index.ts";
import type { AppAction } from "../model/appState.ts";
import { exportFileName } from "../model/persistence.ts";

interface Props {
  scenario: Scenario;
  dispatch: Dispatch<AppAction>;
}

/** Copy the link, export the scenario file, import one (or the scenario of an HTML or JSON report). */
export function ShareBar({ scenario, dispatch }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const info = (text: string) => dispatch({ type: "notice", notice: { text, tone: "info" } });
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      info("Link copied: it opens this scenario with these settings and seed.");
    } catch {
      info("The address bar holds the link to this scenario: copy it from there.");
    }
  };
  const exportFile = () => {
    const blob = new Blob([serializeScenario(scenario)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = exportFileName(scenario);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const parsed = parseImportText(await file.text(), file.name);
    if (fileInput.current) fileInput.current.value = "";
    if (parsed.ok) dispatch({ type: "load", scenario: parsed.scenario, origin: `file ${file.name}` });
    else dispatch({ type: "notice", notice: { text: `Could not import ${file.name}: ${parsed.errors.slice(0, 5).map(formatIssue).join("; ")}`, tone: "error" } });
  };
  return (
    <div className="share-bar">
      <button type="button" onClick={copyLink}>Copy link</button>
      <button type="button" onClick={exportFile}>Export JSON</button>
      <button type="button" onClick={() => fileInput.current?.click()}>Import file</button>
      <input ref={fileInput} type="file" accept=".json,.html,.htm,application/json,text/html" hidden aria-label="Import a scenario file or a Kendall report" onChange={(e) => importFile(e.currentTarget.files?.[0])} />
    </div>
  );
}
