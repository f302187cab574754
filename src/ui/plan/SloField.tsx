import { useId } from "react";
import { exampleSlo } from "./planForm.ts";

interface Props {
  value: string;
  onChange: (text: string) => void;
  /** Why the expression is refused, and where (1-based character, when known); null when it parses. */
  error: { position: number | null; reason: string } | null;
}

/** The SLO expression, with a refused expression's reason and a caret under where it went wrong. */
export function SloField({ value, onChange, error }: Props) {
  const id = useId();
  return (
    <div className={`control slo-field${error ? " has-error" : ""}`}>
      <label htmlFor={`${id}-slo`}>Service level objective</label>
      <input
        id={`${id}-slo`}
        type="text"
        className="slo-input"
        autoComplete="off"
        spellCheck={false}
        value={value}
        placeholder={exampleSlo}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help${error ? ` ${id}-error` : ""}`}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      <p className="hint" id={`${id}-help`}>
        Terms joined by <code>and</code>: mean(wait), p99(wait), p95(sojourn), P(wait &gt; 1s), dropped, expired, utilization; then &lt; or &lt;= a value in ms, s or %.
      </p>
      {error && (
        <div className="field-error" id={`${id}-error`} role="alert" data-testid="slo-error">
          {error.position !== null && (
            <pre className="slo-caret" aria-hidden="true">
              {value}
              {"\n"}
              {" ".repeat(Math.max(0, error.position - 1))}^
            </pre>
          )}
          {error.position !== null ? `At character ${error.position}: ${error.reason}` : error.reason}
        </div>
      )}
    </div>
  );
}
