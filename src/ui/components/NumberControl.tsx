import { useId, useState, type Dispatch, type ReactNode } from "react";
import { formatNumber } from "../../report/format.ts";
import type { AppAction } from "../model/appState.ts";
import { fieldSpecs, type FieldKey } from "../model/fields.ts";

export interface SliderRange {
  min: number;
  /** The slider's initial maximum; it grows when a larger value is typed. */
  max: number;
  /** Kept from when the control appears (a later value keeps the same step). */
  step: number;
}

interface Props {
  field: FieldKey;
  value: number;
  draft: string | undefined;
  error: string | undefined;
  dispatch: Dispatch<AppAction>;
  /** A slider beside the field; without one the field stands alone. */
  slider?: SliderRange;
  disabled?: boolean;
  /** Shown in the field instead of the number when the value is special ("unbounded"). */
  placeholder?: string;
  children?: ReactNode;
}

/**
 * A labelled slider with a field to type the exact value. Typed text that the field refuses
 * stays in the field with the reason beside it; the scenario keeps its last good value.
 */
export function NumberControl({ field, value, draft, error, dispatch, slider, disabled, placeholder, children }: Props) {
  const id = useId();
  const spec = fieldSpecs[field];
  const max = useGrowingMax(slider?.max ?? 0, value);
  // The step is fixed when the control appears, like the maximum: a range recomputed from the
  // value would change its step as the value moves (0.5 below 50, 1 above), and the browser
  // would snap the value just set to the new step: one key press, two steps and two runs.
  const [step] = useState(slider?.step);
  const text = draft ?? (placeholder !== undefined ? "" : formatNumber(value, 7));
  const label = spec.unit ? `${spec.label} (${spec.unit})` : spec.label;
  return (
    <div className={`control${error ? " has-error" : ""}`} data-field={field}>
      <label htmlFor={`${id}-text`}>{label}</label>
      <div className="control-row">
        {slider && (
          <input
            type="range"
            aria-label={`${spec.label} slider`}
            min={slider.min}
            max={max}
            step={step ?? slider.step}
            value={Number.isFinite(value) ? Math.min(value, max) : max}
            disabled={disabled}
            onChange={(e) => dispatch({ type: "slid", field, value: Number(e.currentTarget.value) })}
          />
        )}
        <input
          id={`${id}-text`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={text}
          placeholder={placeholder}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => dispatch({ type: "typed", field, text: e.currentTarget.value })}
          onBlur={() => dispatch({ type: "blur", field })}
        />
      </div>
      {children}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A slider maximum that never moves under the pointer, and only grows to fit a typed value. */
function useGrowingMax(initial: number, value: number): number {
  const [max, setMax] = useState(initial);
  if (Number.isFinite(value) && value > max) {
    const grown = niceCeil(value * 1.5);
    setMax(grown);
    return grown;
  }
  return max;
}

function niceCeil(x: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(x));
  const m = x / magnitude;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * magnitude;
}

/** A slider range from 0 (or `min`) to a round number above twice `value`, `steps` steps wide. */
export function sliderAround(value: number, min = 0, integer = false, steps = 200): SliderRange {
  const max = niceCeil(Math.max(Number.isFinite(value) ? value * 2 : 1, min + 1, integer ? 10 : 1e-9));
  const step = integer ? 1 : (max - min) / steps;
  return { min, max, step };
}
