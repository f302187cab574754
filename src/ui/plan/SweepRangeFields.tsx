import { useId } from "react";
import type { RangeText } from "./useSweepRange.ts";

/** The from, to and points fields of one swept parameter; `unit` is shown in the labels. */
export function SweepRangeFields({ unit, shown, setField, prefix = "" }: { unit: string; shown: RangeText; setField: (field: keyof RangeText, text: string) => void; prefix?: string }) {
  const u = unit ? ` (${unit})` : "";
  const name = (word: string) => (prefix ? `${prefix} ${word.toLowerCase()}` : word);
  return (
    <div className="sweep-range">
      <RangeField label={`${name("From")}${u}`} value={shown.from} onChange={(t) => setField("from", t)} />
      <RangeField label={`${name("To")}${u}`} value={shown.to} onChange={(t) => setField("to", t)} />
      <RangeField label={name("Points")} value={shown.points} onChange={(t) => setField("points", t)} />
    </div>
  );
}

function RangeField({ label, value, onChange }: { label: string; value: string; onChange: (text: string) => void }) {
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" inputMode="decimal" autoComplete="off" value={value} onChange={(e) => onChange(e.currentTarget.value)} />
    </div>
  );
}
