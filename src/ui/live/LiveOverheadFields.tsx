import { useId, useState } from "react";
import type { BrokerOverheads } from "../../live/index.ts";
import { overheadFields, overheadText, parseOverheadMs } from "./liveOverheads.ts";

interface Props {
  overheads: BrokerOverheads;
  onChange: (overheads: BrokerOverheads) => void;
}

/**
 * The broker overheads `kendall live` takes as `--publish-to-deliver` and `--ack-to-deliver`,
 * typed in milliseconds. Refused text stays in its field with the reason beside it; the
 * prediction keeps the last good value.
 */
export function LiveOverheadFields({ overheads, onChange }: Props) {
  const id = useId();
  const [text, setText] = useState(() => Object.fromEntries(overheadFields.map((f) => [f.key, overheadText(overheads[f.key])])) as Record<keyof BrokerOverheads, string>);
  const [errors, setErrors] = useState<Partial<Record<keyof BrokerOverheads, string>>>({});
  return (
    <span className="live-overheads" data-testid="live-overheads">
      {overheadFields.map((f) => {
        const err = errors[f.key];
        const fieldId = `${id}-${f.key}`;
        return (
          <span key={f.key} className={`live-field live-overhead${err ? " has-error" : ""}`} data-overhead={f.key} title={`${f.title} The CLI's ${f.flag} (in seconds there).`}>
            <label htmlFor={fieldId}>{f.label}</label>
            <input
              id={fieldId}
              name={f.key}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              value={text[f.key]}
              aria-invalid={err ? true : undefined}
              aria-describedby={err ? `${fieldId}-error` : undefined}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setText((t) => ({ ...t, [f.key]: value }));
                const r = parseOverheadMs(f, value, overheads[f.key]);
                setErrors((x) => ({ ...x, [f.key]: r.ok ? undefined : r.message }));
                if (r.ok && r.seconds !== overheads[f.key]) onChange({ ...overheads, [f.key]: r.seconds });
              }}
            />
            <span className="live-unit">ms</span>
            {err && <span className="field-error live-overhead-error" id={`${fieldId}-error`} role="alert">{err}</span>}
          </span>
        );
      })}
    </span>
  );
}
