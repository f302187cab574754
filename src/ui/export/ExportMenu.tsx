import { useRef, useState } from "react";
import type { ReportFormat } from "../../report/index.ts";
import type { ParamSweepState } from "../plan/paramSweepStore.ts";
import type { PlanState } from "../plan/planStore.ts";
import type { RunState } from "../sim/runStore.ts";
import { downloadText } from "./download.ts";
import { exportSourceOf } from "./exportSource.ts";
import { reportFiles } from "./reportFiles.ts";

const formats: { format: ReportFormat; label: string }[] = [
  { format: "html", label: "HTML report" },
  { format: "md", label: "Markdown" },
  { format: "csv", label: "CSV (all tables)" },
  { format: "json", label: "JSON" },
];

interface Props {
  run: RunState;
  plan: PlanState;
  sweep: ParamSweepState;
}

/** Download the run on screen as a report, with the plan and sweep made for the same scenario. */
export function ExportMenu({ run, plan, sweep }: Props) {
  const menu = useRef<HTMLDetailsElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const source = exportSourceOf(run, plan, sweep);
  const save = (format: ReportFormat) => {
    if (!source.ok) return;
    try {
      const files = reportFiles(format, source.source, new Date().toISOString());
      for (const f of files) downloadText(f.fileName, f.mimeType, f.text);
      setMessage(`Saved ${files.map((f) => f.fileName).join(", ")}.`);
      if (menu.current) menu.current.open = false;
    } catch (error) {
      setMessage(`The report could not be built: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <div className="export-menu">
      <details
        ref={menu}
        className="export-details"
        data-testid="export-menu"
        onKeyDown={(e) => {
          // Escape closes the menu and returns focus to its button, as a menu does.
          if (e.key !== "Escape" || !menu.current?.open) return;
          menu.current.open = false;
          menu.current.querySelector("summary")?.focus();
        }}
      >
        <summary>Export report</summary>
        <div className="export-popover">
          {source.ok ? (
            <>
              <ul className="export-list">
                {formats.map(({ format, label }) => (
                  <li key={format}>
                    <button type="button" onClick={() => save(format)} data-format={format}>
                      {label}
                    </button>
                  </li>
                ))}
              </ul>
              <p className="hint">{source.includes}</p>
            </>
          ) : (
            <p className="hint">{source.reason}</p>
          )}
        </div>
      </details>
      {message && (
        <p className="hint export-message" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
