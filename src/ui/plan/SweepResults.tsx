import { useId, useState } from "react";
import type { SweepPoint } from "../../planner/index.ts";
import { Toggle } from "../components/Toggle.tsx";
import { SweepChart } from "./SweepChart.tsx";
import type { SweepInput } from "./sweepForm.ts";
import type { GridMetric } from "./sweepGrid.ts";
import { SweepHeatmap } from "./SweepHeatmap.tsx";
import { SweepTable } from "./SweepTable.tsx";

/** The sweep's chart (a line chart for one parameter, a heat map for two) with its controls, and the table. */
export function SweepResults({ input, points }: { input: SweepInput; points: SweepPoint[] }) {
  const [log, setLog] = useState(false);
  const [metric, setMetric] = useState<GridMetric>("mean");
  const id = useId();
  return (
    <>
      {input.second ? (
        <>
          <SweepHeatmap input={input} points={points} metric={metric} />
          <fieldset className="sweep-metric">
            <legend>Colour the heat map by</legend>
            {(["mean", "p99"] as const).map((m) => (
              <label key={m} className="toggle" htmlFor={`${id}-${m}`}>
                <input id={`${id}-${m}`} type="radio" name={`${id}-metric`} value={m} checked={metric === m} onChange={() => setMetric(m)} />
                {m === "mean" ? "mean wait" : "p99 wait"}
              </label>
            ))}
          </fieldset>
        </>
      ) : (
        <>
          <SweepChart input={input} points={points} log={log} />
          <Toggle label="log scale for waits" checked={log} onChange={setLog} />
        </>
      )}
      <SweepTable input={input} points={points} />
    </>
  );
}
