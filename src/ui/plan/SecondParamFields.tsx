import { useId } from "react";
import { sweepParams, type SweepParam } from "./sweepForm.ts";
import { SweepRangeFields } from "./SweepRangeFields.tsx";
import type { RangeText } from "./useSweepRange.ts";

interface Props {
  /** The parameters the second one may be (the first parameter excluded). */
  params: SweepParam[];
  chosen: SweepParam | null;
  onChoose: (param: SweepParam | null) => void;
  shown: RangeText;
  setField: (field: keyof RangeText, text: string) => void;
}

/** The optional second parameter of the sweep: none (a 1-D sweep and its chart) or a parameter and its range (a heat map). */
export function SecondParamFields({ params, chosen, onChoose, shown, setField }: Props) {
  const id = useId();
  return (
    <fieldset className="sweep-second">
      <legend>Second parameter (optional)</legend>
      <div className="control">
        <label htmlFor={`${id}-param2`}>Second parameter</label>
        <select id={`${id}-param2`} value={chosen ?? ""} onChange={(e) => onChoose(e.currentTarget.value === "" ? null : (e.currentTarget.value as SweepParam))}>
          <option value="">None (sweep one parameter)</option>
          {params.map((p) => (
            <option key={p} value={p}>
              {sweepParams[p].label}
            </option>
          ))}
        </select>
      </div>
      {chosen && <SweepRangeFields prefix="Second" unit={sweepParams[chosen].unit} shown={shown} setField={setField} />}
    </fieldset>
  );
}
