import type { SweepPoint } from "../../planner/index.ts";
import { formatNumber, formatSeconds } from "../../report/format.ts";
import { sweepParams, type SweepInput } from "./sweepForm.ts";
import { sweepRows, type Band } from "./sweepSeries.ts";

const bandText = (b: Band | null, unstable: boolean) => (b ? (b.high > b.low ? `${formatSeconds(b.mean)} (${formatSeconds(b.low)}–${formatSeconds(b.high)})` : formatSeconds(b.mean)) : unstable ? "unstable" : "—");

/** The sweep's figures as a table: the value, the mean wait and the p99 wait with their intervals. */
export function SweepTable({ input, points }: { input: SweepInput; points: SweepPoint[] }) {
  const spec = sweepParams[input.param];
  const spec2 = input.second ? sweepParams[input.second.param] : null;
  const rows = sweepRows(input, points);
  return (
    <details className="sweep-table">
      <summary>Table of the sweep</summary>
      <div className="table-scroll">
        <table className="figures" data-testid="sweep-table">
          <thead>
            <tr>
              <th scope="col">
                {spec.label}
                {spec.unit ? ` (${spec.unit})` : ""}
              </th>
              {spec2 && (
                <th scope="col">
                  {spec2.label}
                  {spec2.unit ? ` (${spec2.unit})` : ""}
                </th>
              )}
              <th scope="col">Mean wait (95% CI)</th>
              <th scope="col">p99 wait (95% CI)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.x}:${r.y ?? ""}`}>
                <th scope="row">{formatNumber(r.x)}</th>
                {spec2 && <td>{r.y === undefined ? "—" : formatNumber(r.y)}</td>}
                <td>{bandText(r.meanWait, r.unstable)}</td>
                <td>{bandText(r.p99Wait, r.unstable)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
